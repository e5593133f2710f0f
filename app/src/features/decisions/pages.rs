//! A decision as the citizen and the caseworker see it.

use leptos::prelude::*;

use crate::features::conversation::pages::FileList;

use crate::features::decisions::views::{DecisionItem, DecisionView};
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::page::{NeedsLogin, Outcome, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// `/afgoerelser`: every decision about the citizen, newest first, with what
/// it is about, the reasons, who and when, how and until when to complain,
/// and which decision it corrects or was corrected by.
#[component]
pub fn MyDecisions() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.decisions.list_title body=t.decisions.list_needs_login next=routes::DECISIONS/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_decisions());
    view! {
        <PageHeading title=t.decisions.list_title/>
        <Outcome/>
        <p class="mb-6 max-w-prose">{t.decisions.list_intro}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(items)) if !items.is_empty() => view! {
                        <ol class="flex flex-col gap-4">
                            {items.into_iter().map(|item| view! { <Item item t/> }).collect_view()}
                        </ol>
                    }
                    .into_any(),
                    Ok(Some(_)) => view! { <p class="text-muted">{t.decisions.list_empty}</p> }.into_any(),
                    // Signed in, but not a citizen (staff, a host): nothing is decided about them here.
                    Ok(None) => view! { <p class="notice">{t.decisions.list_citizens_only}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// One decision on the list: what about, the record, corrections, the
/// complaint deadline or what became of the complaint, and where to complain.
#[component]
pub fn Item(item: DecisionItem, t: &'static Texts) -> impl IntoView {
    let kind = if item.subject_kind == "spending_request" { t.decisions.about_money } else { t.decisions.about_goal };
    let deadline =
        if item.deadline_passed { (t.decisions.deadline_passed)(&item.deadline) } else { (t.decisions.deadline)(&item.deadline) };
    let heading = format!("{}-overskrift", item.anchor);
    view! {
        <li id=item.anchor.clone() class="card" aria-labelledby=heading.clone()>
            <h2 id=heading.clone() class="text-xl font-bold">{format!("{kind}: {}", item.about)}</h2>
            <Decision d=item.decision t/>
            {item.corrects_anchor.map(|a| view! {
                <p class="mt-1"><a href=format!("#{a}") class="link">{t.decisions.see_corrected}</a></p>
            })}
            {item.corrected_by.map(|(a, when)| view! {
                <p class="mt-2 font-semibold">
                    {(t.decisions.corrected_by)(&when)}" "<a href=format!("#{a}") class="link">{t.decisions.see_correction}</a>
                </p>
            })}
            {match item.complaint {
                Some(lines) => view! {
                    <div class="notice mt-3 mb-0">
                        {lines.into_iter().map(|l| view! { <p class="whitespace-pre-line">{l}</p> }).collect_view()}
                        <FileList files=item.complaint_files/>
                    </div>
                }
                .into_any(),
                None => view! { <p class="mt-2">{deadline}</p> }.into_any(),
            }}
            {item.complain_link.map(|href| view! {
                <p class="mt-2"><a href=href class="btn-secondary">{t.complaints.link}</a></p>
            })}
        </li>
    }
}

/// A decision with its reasons and how to complain: the record, as given.
#[component]
pub fn Decision(d: DecisionView, t: &'static Texts) -> impl IntoView {
    view! {
        <div class="mt-3 border-t border-line pt-3">
            <h4 class="font-bold">{format!("{}: {}", t.decisions.decision_heading, t.decision_outcome(&d.outcome))}</h4>
            <p class="text-base text-muted">{format!("{} · {} {}", d.when, t.decisions.decision_by, d.by)}</p>
            {d.corrects.map(|when| view! { <p class="font-semibold">{(t.decisions.decision_corrects)(&when)}</p> })}
            {d.reasons.map(|r| view! {
                <p class="mt-1"><span class="font-semibold">{t.decisions.decision_reasons}": "</span><span class="whitespace-pre-line">{r}</span></p>
            })}
            <p class="mt-1"><span class="font-semibold">{t.decisions.decision_appeal}": "</span>{d.appeal_guidance}</p>
        </div>
    }
}

/// "Ret afgørelsen": the caseworker's form that corrects a decision (a new
/// decision; the first stays), after the word that the request is answered,
/// with `note` under the form when there is something it cannot do.
#[component]
pub fn Correction(spec: crate::ui::form::FormSpec, closed: &'static str, t: &'static Texts, note: Option<&'static str>) -> impl IntoView {
    view! {
        <crate::ui::page::Notice text=closed/>
        <section aria-labelledby="ret" class="card">
            <h2 id="ret" class="text-xl font-bold">{t.inbox.correction_heading}</h2>
            <p class="mb-4">{t.inbox.correction_intro}</p>
            <crate::ui::form::CheckedForm spec/>
            {note.map(|n| view! { <p class="mt-4 text-base text-muted">{n}</p> })}
        </section>
    }
}
