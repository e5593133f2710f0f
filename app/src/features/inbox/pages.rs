//! The caseworker's side: the inbox of everything waiting, the caseload,
//! and the page where a proposal is answered. Its server functions are thin;
//! who may see and do what is decided in the inbox's and the goals' services.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::features::decisions::pages::{Correction, Decision};
use crate::features::goals::views::GoalReview;
use crate::features::inbox::views::CaseloadItem;
use crate::features::inbox::views::InboxItem;
use crate::features::inbox::views::InboxKind;
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::{CheckedForm, FormSpec};
use crate::ui::page::{object_page, NeedsLogin, Notice, ObjectPage, Outcome, PageHeading, PageLinks, StaffPage, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// "Indbakke": what waits for the caseworker, oldest first, filterable by kind.
#[component]
pub fn Inbox() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.inbox.inbox_title body=t.inbox_body next=routes::INBOX/> }.into_any();
    }
    let query = use_query_map();
    let kind = query.with_untracked(|q| q.get("type")).filter(|k| InboxKind::from_slug(k).is_some());
    let selected = kind.clone().unwrap_or_default();
    let first_page = match &kind {
        Some(k) => format!("{}?type={k}", routes::INBOX),
        None => routes::INBOX.to_string(),
    };
    let page =
        Resource::new_blocking(move || (kind.clone(), query.read().get(crate::kernel::paging::AFTER)), |(kind, after)| inbox(kind, after));
    let options = InboxKind::ALL
        .iter()
        .map(|k| {
            let slug = k.slug();
            view! { <option value=slug selected=selected == slug>{kind_name(*k, t)}</option> }
        })
        .collect_view();
    view! {
        <PageHeading title=t.inbox.inbox_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || {
                let first_page = first_page.clone();
                Suspend::new(async move {
                    match page.await {
                        Ok(StaffPage::Shown(inbox)) => view! {
                            <crate::features::handover::pages::NewCitizens items=inbox.new_citizens/>
                            <crate::features::complaints::pages::WaitingComplaints items=inbox.complaints/>
                            <p class="mb-4">{t.inbox.inbox_intro}</p>
                            <InboxList items=inbox.page.items t/>
                            <PageLinks older=inbox.page.older later=inbox.page.later path=first_page listed=true/>
                        }
                        .into_any(),
                        Ok(StaffPage::NotAllowed) => view! { <Notice text=t.inbox.staff_only/> }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
        <form method="get" action=routes::INBOX class="mt-6 flex flex-wrap items-end gap-3">
            <div>
                <label for="type" class="mb-1 block font-semibold">{t.inbox.inbox_filter_label}</label>
                <select id="type" name="type" class="input">
                    <option value="">{t.inbox.inbox_filter_all}</option>
                    {options}
                </select>
            </div>
            <button type="submit" class="btn-secondary">{t.inbox.inbox_filter_button}</button>
        </form>
    }
    .into_any()
}

fn kind_name(k: InboxKind, t: &'static Texts) -> &'static str {
    match k {
        InboxKind::Goal => t.inbox.inbox_kind_goal,
        InboxKind::Spending => t.inbox.inbox_kind_spending,
        InboxKind::Message => t.conversation.inbox_kind,
    }
}

#[component]
fn InboxList(items: Vec<InboxItem>, t: &'static Texts) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="text-muted">{t.inbox.inbox_empty}</p> }.into_any();
    }
    view! {
        <ul class="flex flex-col gap-3">
            {items.into_iter().map(|i| view! {
                <li class="card">
                    <p class="text-base text-muted">{format!("{} · {}", kind_name(i.kind, t), i.citizen)}</p>
                    <h2 class="text-lg font-bold">{i.title}</h2>
                    <p>
                        {format!("{}: {}", t.inbox.inbox_waited, i.waited)}
                        {i.overdue.then(|| view! { <strong class="ml-2 text-error">{t.inbox.inbox_overdue}</strong> })}
                    </p>
                    <a href=i.link class="link">{t.inbox.inbox_open}</a>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// "Mine borgere": everyone in the caseload with their plan's state.
#[component]
pub fn Caseload() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.inbox.caseload_title body=t.inbox_body next=routes::CASELOAD/> }.into_any();
    }
    let query = use_query_map();
    let after = move || query.read().get(crate::kernel::paging::AFTER);
    let page = Resource::new_blocking(after, caseload);
    view! {
        <PageHeading title=t.inbox.caseload_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(StaffPage::Shown((0, _, _))) => view! { <p class="text-muted">{t.inbox.caseload_empty}</p> }.into_any(),
                    Ok(StaffPage::Shown((total, rows, warning))) => view! {
                        {warning.map(|w| view! { <p class="alert mb-4" role="note">{w}</p> })}
                        <p class="mb-4">{(t.inbox.caseload_count)(total)}</p>
                        <ul class="flex flex-col gap-3">
                            {rows.items.into_iter().map(|r| view! { <CaseloadCard r t/> }).collect_view()}
                        </ul>
                        <PageLinks older=rows.older later=rows.later path=routes::CASELOAD listed=true/>
                    }
                    .into_any(),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=t.inbox.staff_only/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn CaseloadCard(r: CaseloadItem, t: &'static Texts) -> impl IntoView {
    let facts = if r.has_plan {
        vec![
            (t.inbox.caseload_goals, r.accepted_goals.to_string()),
            (t.inbox.caseload_activities, r.active_activities.to_string()),
            (t.inbox.caseload_open, r.open_items.to_string()),
            (t.inbox.caseload_last_contact, r.last_contact.unwrap_or_else(|| t.inbox.caseload_never.to_string())),
        ]
    } else {
        vec![]
    };
    view! {
        <li class="card">
            <h2 class="text-lg font-bold"><a href=r.link>{r.citizen}</a></h2>
            {r.standin.then(|| view! { <p class="font-semibold">{t.inbox.caseload_standin}</p> })}
            {(!r.has_plan).then(|| view! { <p>{t.inbox.caseload_no_plan}</p> })}
            <dl class="grid grid-cols-[auto_1fr] gap-x-3">
                {facts.into_iter().map(|(k, v)| view! { <dt class="text-muted">{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
        </li>
    }
}

/// A proposal and the caseworker's answer form.
#[component]
pub fn GoalReviewPage() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.inbox.review_title,
        login_body: t.inbox_body,
        next: routes::INBOX,
        not_allowed: t.notice_not_allowed,
        back: Some((routes::INBOX, t.back_to_inbox)),
    };
    object_page(page, review_goal, |(review, spec), t| view! { <Review review spec t/> }.into_any())
}

#[component]
fn Review(review: GoalReview, spec: FormSpec, t: &'static Texts) -> impl IntoView {
    let decisions = review.decisions.into_iter().map(|d| view! { <Decision d t/> }).collect_view();
    view! {
        <div class="card mb-6">
            <p class="text-base text-muted">{format!("{}: {} · {}: {}", t.review_citizen, review.citizen, t.inbox.review_proposed, review.proposed)}</p>
            <h2 class="text-xl font-bold">{review.title}</h2>
            <p class="font-semibold">{t.goal_status(review.status)}</p>
            {review.why.map(|w| view! { <p><span class="font-semibold">{t.plan_goal_why}": "</span>{w}</p> })}
            {review.first_step.map(|f| view! { <p><span class="font-semibold">{t.plan_goal_first_step}": "</span>{f}</p> })}
            {decisions}
        </div>
        <p class="mb-4 text-base text-muted">{t.review_log_note}</p>
        {if review.open {
            view! { <CheckedForm spec/> }.into_any()
        } else if review.correctable {
            view! { <Correction spec closed=t.inbox.review_closed t note=None/> }.into_any()
        } else {
            view! { <Notice text=t.inbox.review_closed/> }.into_any()
        }}
    }
}
