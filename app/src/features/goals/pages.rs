//! The citizen's goal proposals: the form to propose one, and the plain
//! form posts that withdraw a proposal or answer a suggested wording.
//! Its server functions (`server.rs`) are thin: they parse, call the rules
//! in `service.rs`, and answer the caller (a redirect for a plain form, a
//! status otherwise).

use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{NeedsLogin, PageHeading, Paragraphs, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// "Foreslå et mål": the citizen writes a goal in their own words.
#[component]
pub fn ProposeGoal() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.goals.propose_title body=t.goals.propose_intro next=routes::PROPOSE_GOAL/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| proposal_form());
    view! {
        <PageHeading title=t.goals.propose_title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(ProposalPage::Form(spec)) => view! {
                        <p class="mb-6">{t.goals.propose_intro}</p>
                        <CheckedForm spec/>
                    }
                    .into_any(),
                    Ok(ProposalPage::NoPlan) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.plan_none_heading}</h2>
                        <Paragraphs items=t.plan_none_body/>
                    }
                    .into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::PLAN class="link">{t.goals.back_to_plan}</a></p>
    }
    .into_any()
}

/// The server function URLs the plan page's small forms post to.
pub fn withdraw_url() -> &'static str {
    <WithdrawGoal as leptos::server_fn::ServerFn>::PATH
}
pub fn answer_suggestion_url() -> &'static str {
    <AnswerSuggestion as leptos::server_fn::ServerFn>::PATH
}
