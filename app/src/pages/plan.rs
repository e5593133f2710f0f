use leptos::prelude::*;

use crate::components::page::{LoginPrompt, PageHeading, Paragraphs};
use crate::i18n::use_lang;
use crate::shell::paths;
use crate::viewer::viewer;

/// Whether the signed-in citizen has a plan (`None`: not signed in).
#[server]
pub async fn has_plan() -> Result<Option<bool>, ServerFnError> {
    let Some(user) = crate::ssr::auth::current_user() else {
        return Ok(None);
    };
    let store = crate::ssr::store()?;
    crate::ssr::services::plan::has_plan(store.as_ref(), &user)
        .await
        .map(Some)
        .map_err(|e| {
            tracing::error!(error = %e, "could not look up the plan");
            ServerFnError::new("database")
        })
}

/// The citizen's plan; a friendly explanation for someone without one.
#[component]
pub fn MyPlan() -> impl IntoView {
    let t = use_lang().texts();
    let Some(me) = viewer() else {
        return view! {
            <PageHeading title=t.plan_title/>
            <p class="mb-4">{t.plan_body}</p>
            <LoginPrompt next=paths::PLAN/>
        }
        .into_any();
    };
    let status = Resource::new_blocking(|| (), |_| has_plan());
    view! {
        <PageHeading title=t.plan_title/>
        <p class="mb-4 text-xl">{format!("{}, {}", t.plan_hello, me.name)}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match status.await {
                    Ok(Some(true)) => view! { <p class="mb-4">{t.plan_body}</p> }.into_any(),
                    Ok(_) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.plan_none_heading}</h2>
                        <Paragraphs items=t.plan_none_body/>
                        <a href=paths::NETWORK class="btn-secondary">{t.home_network_link}</a>
                    }
                    .into_any(),
                    Err(_) => view! { <p class="notice" role="alert">{t.login_error_unavailable}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
