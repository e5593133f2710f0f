//! A decision as the citizen and the caseworker see it.

use leptos::prelude::*;

use crate::features::decisions::views::DecisionView;
use crate::i18n::Texts;

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
