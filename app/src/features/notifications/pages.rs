//! "Beskeder": the signed-in person's notifications. Opening the page marks
//! them read; the ones that were new are marked "Ny".

use leptos::prelude::*;

use crate::features::notifications::notice::NotificationKind;
use crate::features::notifications::views::NotificationView;
use crate::i18n::use_lang;
use crate::routes;
use crate::ui::page::{NeedsLogin, PageHeading, PageLinks, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

#[component]
pub fn Notifications() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.notifications.notifications_title body=t.notifications.notifications_body next=routes::NOTIFICATIONS/> }.into_any();
    }
    let query = leptos_router::hooks::use_query_map();
    let before = move || query.read().get(crate::kernel::paging::BEFORE);
    let page = Resource::new_blocking(before, my_notifications);
    view! {
        <PageHeading title=t.notifications.notifications_title/>
        <p class="mb-4"><a href=routes::SETTINGS class="link">{t.notices.settings_link}</a></p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(list)) if !list.items.is_empty() => view! {
                        <ul class="flex flex-col divide-y divide-line">
                            {list.items.into_iter().map(|n: NotificationView| view! {
                                <li class="py-3">
                                    <p>
                                        {n.unread.then(|| view! { <strong class="mr-2 rounded bg-primary px-2 text-white">{t.notifications.notification_new}</strong> })}
                                        {t.notification(&n.kind)}
                                    </p>
                                    <p class="text-base text-muted">{n.when}</p>
                                    <a href=n.link class="link">{t.notifications.notification_open}</a>
                                    // An answer is a decision: all of them, with how to complain, are on one page.
                                    {matches!(NotificationKind::parse(&n.kind), Some(NotificationKind::GoalAnswered | NotificationKind::SpendingAnswered)).then(|| view! {
                                        <a href=routes::DECISIONS class="link ml-4">{t.decisions.link}</a>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                        <PageLinks older=list.older later=list.later path=routes::NOTIFICATIONS/>
                    }
                    .into_any(),
                    Ok(_) => view! { <p class="text-muted">{t.notifications.notifications_empty}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
