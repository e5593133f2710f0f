//! `/admin/indstillinger`: the municipality's settings, one plain form (it
//! works without JavaScript; with it, each field is checked as it is left).

use leptos::prelude::*;

use crate::features::settings::server::open_settings;
use crate::i18n::use_lang;
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{NeedsLogin, Notice, Outcome, PageHeading, StaffPage, Unavailable};
use crate::ui::viewer::viewer;

#[component]
pub fn Settings() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.settings.title body=t.settings.needs_login next=routes::ADMIN_SETTINGS/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| open_settings());
    view! {
        <PageHeading title=t.settings.title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(StaffPage::Shown(p)) => view! {
                        <p class="mb-6 max-w-prose">{t.settings.intro}</p>
                        <section class="card mb-8"><CheckedForm spec=p.form/></section>
                    }
                    .into_any(),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=t.admin.not_allowed/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::ADMIN class="link">{t.admin.back}</a></p>
    }
    .into_any()
}
