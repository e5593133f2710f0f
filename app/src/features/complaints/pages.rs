//! `/afgoerelser/{id}/klage`: the citizen complains about one decision, in
//! their own words (a checked form: works without JavaScript), or is told
//! why not (a complaint waits already; the deadline passed, and what to do).

use leptos::prelude::*;

use crate::features::conversation::pages::FileList;
use leptos_router::hooks::use_params_map;

use crate::features::complaints::views::ComplaintPage as Page;
use crate::features::decisions::pages::Item;
use crate::i18n::use_lang;
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{ButtonForm, NeedsLogin, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

#[component]
pub fn Complaint() -> impl IntoView {
    let t = use_lang().texts();
    let id = use_params_map().with_untracked(|p| p.get("id")).and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.complaints.title body=t.complaints.needs_login next=routes::DECISIONS/> }.into_any();
    }
    let page = Resource::new_blocking(move || id, complaint_about);
    view! {
        <PageHeading title=t.complaints.title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Page::Form { item, spec }) => view! {
                        <ol class="mb-6"><Item item t/></ol>
                        <p class="mb-4 max-w-prose">{t.complaints.intro}</p>
                        <CheckedForm spec/>
                    }
                    .into_any(),
                    Ok(Page::Closed { item, why }) => view! {
                        {why.map(|w| view! { <p class="alert" role="status">{w}</p> })}
                        <ol class="mb-6"><Item item t/></ol>
                    }
                    .into_any(),
                    Ok(Page::NotFound) => view! { <p class="mb-4">{t.complaints.not_found}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::DECISIONS class="link">{t.complaints.back}</a></p>
    }
    .into_any()
}

/// In the caseworker's inbox: the complaints waiting for reconsideration,
/// the soonest due first, the overdue marked in words (not by colour alone).
/// They come with the inbox's page (`inbox::service::inbox`), which logs the reads.
#[component]
pub fn WaitingComplaints(items: Vec<crate::features::complaints::views::WaitingComplaint>) -> impl IntoView {
    let t = use_lang().texts();
    (!items.is_empty()).then(|| {
        view! {
            <section aria-labelledby="klager" class="mb-6">
                <h2 id="klager" class="mb-2 text-2xl font-bold">{t.complaints.waiting_heading}</h2>
                <ul class="flex flex-col gap-2">
                    {items
                        .into_iter()
                        .map(|k| {
                            view! {
                                <li class="card">
                                    <a href=k.link class="link">{format!("{} · {}", k.citizen, k.about)}</a>
                                    <p class="text-base">
                                        {(t.complaints.waiting_due)(&k.due)}
                                        {k.overdue.then(|| view! { " · "<strong>{t.complaints.overdue_mark}</strong> })}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// `/sagsbehandler/klage/{id}`: the caseworker reads a complaint with the
/// decision it is about, and keeps the decision with reasons (the complaint
/// goes on to Ankestyrelsen); once answered, what became of it.
#[component]
pub fn ComplaintReviewPage() -> impl IntoView {
    use crate::features::complaints::views::ReviewPage;
    use crate::features::decisions::pages::Decision;
    use crate::ui::page::Outcome;
    let t = use_lang().texts();
    let id = use_params_map().with_untracked(|p| p.get("id")).and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.complaints.review_title body=t.inbox_body next=routes::INBOX/> }.into_any();
    }
    let page = Resource::new_blocking(move || id, complaint_review);
    view! {
        <PageHeading title=t.complaints.review_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(ReviewPage::Shown(r, form, money)) => {
                        let r = *r;
                        let waiting = r.answered.is_none();
                        view! {
                            <p class="mb-2 text-xl font-semibold">{format!("{} · {}", r.citizen, r.about)}</p>
                            <Decision d=r.decision t/>
                            <section aria-labelledby="klagen" class="card my-4">
                                <h2 id="klagen" class="text-xl font-bold">{t.complaints.their_reasons}</h2>
                                <p class="text-base text-muted">{(t.complaints.sent)(&r.sent)}</p>
                                <p class="mt-2 whitespace-pre-line">{r.reasons}</p>
                                <FileList files=r.files/>
                                <p class="mt-2">
                                    {(t.complaints.waiting_due)(&r.due)}
                                    {r.overdue.then(|| view! { " · "<strong>{t.complaints.overdue_mark}</strong> })}
                                </p>
                            </section>
                            {r.answered.map(|lines| view! {
                                <div class="notice">{lines.into_iter().map(|l| view! { <p class="whitespace-pre-line">{l}</p> }).collect_view()}</div>
                            })}
                            {form.map(|spec| view! {
                                <p class="mb-4 max-w-prose">{t.complaints.review_body}</p>
                                <CheckedForm spec=*spec/>
                            })}
                            {match (r.can_change, waiting, money) {
                                (true, _, Some(spec)) => view! {
                                    <h2 class="mt-6 mb-2 text-xl font-bold">{t.complaints.change_heading}</h2>
                                    <p class="mb-2 max-w-prose">{t.complaints.change_money_body}</p>
                                    <CheckedForm spec=*spec/>
                                }
                                .into_any(),
                                (true, _, None) => view! {
                                    <h2 class="mt-6 mb-2 text-xl font-bold">{t.complaints.change_heading}</h2>
                                    <p class="mb-2 max-w-prose">{t.complaints.change_body}</p>
                                    <ButtonForm action=change_url() hidden=vec![("complaint", id.to_string())] label=t.complaints.change_submit/>
                                }
                                .into_any(),
                                (false, true, _) => view! { <p class="mt-4 max-w-prose text-muted">{t.complaints.change_note}</p> }.into_any(),
                                (false, false, _) => ().into_any(),
                            }}
                        }
                        .into_any()
                    }
                    Ok(ReviewPage::NotYours) => view! { <p class="alert">{t.complaints.not_yours}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::INBOX class="link">{t.nav_inbox}</a></p>
    }
    .into_any()
}

/// The URL the "change the decision" button posts to.
fn change_url() -> &'static str {
    <ChangeComplaint as leptos::server_fn::ServerFn>::PATH
}
