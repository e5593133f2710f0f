use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::page::{LoginPrompt, PageHeading, Paragraphs};
use crate::domain::views::{PlanView, Who};
use crate::i18n::{use_lang, Texts};
use crate::shell::paths;
use crate::viewer::viewer;

/// What the plan page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanPage {
    NotSignedIn,
    /// Signed in, but no plan (yet).
    NoPlan,
    Plan(PlanView),
}

/// The signed-in citizen's own plan. It takes no arguments: there is no way
/// to ask for anybody else's.
#[server]
pub async fn my_plan() -> Result<PlanPage, ServerFnError> {
    let Some(user) = crate::ssr::auth::current_user() else {
        return Ok(PlanPage::NotSignedIn);
    };
    let store = crate::ssr::store()?;
    let lang = crate::ssr::request_lang();
    match crate::ssr::services::plan::my_plan(store.as_ref(), &user, crate::ssr::now_ms(), lang).await {
        Ok(Some(plan)) => Ok(PlanPage::Plan(plan)),
        Ok(None) => Ok(PlanPage::NoPlan),
        Err(e) => {
            tracing::error!(error = %e, "could not read the plan");
            Err(ServerFnError::new("database"))
        }
    }
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
    let page = Resource::new_blocking(|| (), |_| my_plan());
    view! {
        <PageHeading title=t.plan_title/>
        <p class="mb-4 text-xl">{format!("{}, {}", t.plan_hello, me.name)}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(PlanPage::Plan(plan)) => view! {
                        <Plan plan t/>
                        <a href=paths::ACCESS_LOG class="link">{t.access_link}</a>
                    }
                    .into_any(),
                    Ok(_) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.plan_none_heading}</h2>
                        <Paragraphs items=t.plan_none_body/>
                        <a href=paths::NETWORK class="btn-secondary">{t.home_network_link}</a>
                    }
                    .into_any(),
                    Err(_) => view! { <p class="alert" role="alert">{t.login_error_unavailable}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Plan(plan: PlanView, t: &'static Texts) -> impl IntoView {
    let PlanView { goals, activities, appointments, history } = plan;
    view! {
        <section aria-labelledby="maal" class="mb-8">
            <h2 id="maal" class="mb-3 text-2xl font-bold">{t.plan_goals_heading}</h2>
            {if goals.is_empty() {
                view! { <p class="text-muted">{t.plan_goals_empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="flex flex-col gap-3">
                        {goals.into_iter().map(|g| view! {
                            <li class="card">
                                <h3 class="text-xl font-bold">{g.title}</h3>
                                <p class="font-semibold">{t.goal_status(g.status)}</p>
                                {g.why.map(|w| view! { <p><span class="font-semibold">{t.plan_goal_why}": "</span>{w}</p> })}
                                {g.first_step.map(|f| view! { <p><span class="font-semibold">{t.plan_goal_first_step}": "</span>{f}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="aktiviteter" class="mb-8">
            <h2 id="aktiviteter" class="mb-3 text-2xl font-bold">{t.plan_activities_heading}</h2>
            {if activities.is_empty() {
                view! { <p class="text-muted">{t.plan_activities_empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="flex flex-col gap-3">
                        {activities.into_iter().map(|a| view! {
                            <li class="card">
                                <p class="text-base text-muted">{t.department(a.department)}</p>
                                <h3 class="text-lg font-bold">{a.title}</h3>
                                <p>{t.plan_activity_responsible}": "{a.responsible}</p>
                                <p class="font-semibold">{t.activity_status(a.status)}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="aftaler" class="mb-8">
            <h2 id="aftaler" class="mb-3 text-2xl font-bold">{t.plan_appointments_heading}</h2>
            {if appointments.is_empty() {
                view! { <p class="text-muted">{t.plan_appointments_empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="flex flex-col gap-3">
                        {appointments.into_iter().map(|a| view! {
                            <li class="card">
                                <h3 class="text-lg font-bold">{a.when}</h3>
                                <p>{format!("{} {}", a.duration_minutes, t.plan_minutes)}</p>
                                <p>{a.place}", "{a.address}</p>
                                {a.outreach.then(|| view! { <p class="font-semibold">{t.plan_appointment_outreach}</p> })}
                                {a.note.map(|n| view! { <p>{n}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="historik" class="mb-8">
            <h2 id="historik" class="mb-3 text-2xl font-bold">{t.plan_history_heading}</h2>
            {if history.is_empty() {
                view! { <p class="text-muted">{t.plan_history_empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="flex flex-col divide-y divide-line">
                        {history.into_iter().map(|h| {
                            let who = match h.who {
                                Who::You => t.history_you.to_string(),
                                Who::Staff(name) => name,
                                Who::System => t.history_system.to_string(),
                            };
                            let what = if h.about.is_empty() {
                                t.history_kind(&h.kind).to_string()
                            } else {
                                format!("{}: {}", t.history_kind(&h.kind), h.about)
                            };
                            view! {
                                <li class="py-2">
                                    <p>{what}</p>
                                    <p class="text-base text-muted">{format!("{} · {}", h.when, who)}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
