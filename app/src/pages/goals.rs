//! The citizen's goal proposals: the form to propose one, and the plain
//! form posts that withdraw a proposal or answer a suggested wording.
//! Server functions here are thin: they parse, call `services::goals`, and
//! answer the caller (a redirect for a plain form, a status otherwise).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::components::form::Control;
use crate::components::form::{CheckedForm, FormSpec};
use crate::components::page::{NeedsLogin, PageHeading, Paragraphs, Unavailable};
#[cfg(feature = "ssr")]
use crate::domain::forms::{proposal_fields, FormKind};
use crate::i18n::use_lang;
use crate::shell::paths;
use crate::viewer::viewer;

/// The flash name of the proposal form.
#[cfg(feature = "ssr")]
const PROPOSAL_FORM: &str = "goal_proposal";

/// The citizen proposes a goal (a plain form post, or a fetch).
#[server(prefix = "/api", endpoint = "propose_goal")]
pub async fn propose_goal(title: String, why: String, first_step: String, key: String) -> Result<(), ServerFnError> {
    let store = crate::ssr::store()?;
    use crate::domain::forms::GoalProposal;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::services::{goals, signed_in, ServiceError};
    let kept = FormFlash::typed(
        PROPOSAL_FORM,
        &[(proposal_fields::TITLE, &title), (proposal_fields::WHY, &why), (proposal_fields::FIRST_STEP, &first_step)],
    );
    let result = async {
        let user = signed_in()?;
        let proposal = GoalProposal::parse(&title, &why, &first_step).map_err(ServiceError::Invalid)?;
        goals::propose(store.as_ref(), &user, proposal, &key, crate::ssr::now_ms()).await
    }
    .await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&goals::goal_link(id), "sendt"));
            Ok(())
        }
        Err(e) => refused(e, "propose a goal", paths::PROPOSE_GOAL, Some(kept)).await,
    }
}

/// The citizen withdraws their proposal while it waits.
#[server(prefix = "/api", endpoint = "withdraw_goal")]
pub async fn withdraw_goal(goal: i64) -> Result<(), ServerFnError> {
    use crate::domain::ids::GoalId;
    use crate::ssr::forms::{finish, with_answer};
    use crate::ssr::services::{goals, signed_in};
    let store = crate::ssr::store()?;
    let id = GoalId(goal);
    let result = async { goals::withdraw(store.as_ref(), &signed_in()?, id, crate::ssr::now_ms()).await }.await;
    let back = goals::goal_link(id);
    finish(result, "withdraw a goal", &with_answer(&back, "trukket"), &back, None).await
}

/// The citizen accepts (`answer=accept`) or rejects the suggested wording.
#[server(prefix = "/api", endpoint = "answer_suggestion")]
pub async fn answer_suggestion(goal: i64, answer: String) -> Result<(), ServerFnError> {
    use crate::domain::ids::GoalId;
    use crate::ssr::forms::{finish, with_answer};
    use crate::ssr::services::{goals, signed_in};
    let store = crate::ssr::store()?;
    let id = GoalId(goal);
    let accept = answer == "accept";
    let result = async { goals::answer_suggestion(store.as_ref(), &signed_in()?, id, accept, crate::ssr::now_ms()).await }.await;
    let back = goals::goal_link(id);
    finish(result, "answer a suggested wording", &with_answer(&back, if accept { "accepteret" } else { "afvist" }), &back, None).await
}

/// What the proposal page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProposalPage {
    NoPlan,
    Form(FormSpec),
}

/// The proposal form, with what was typed and the messages if the last
/// submit was refused.
#[server(prefix = "/api", endpoint = "proposal_form")]
pub async fn proposal_form() -> Result<ProposalPage, ServerFnError> {
    use crate::ssr::services::signed_in;
    let Ok(user) = signed_in() else {
        return Ok(ProposalPage::NoPlan);
    };
    let store = crate::ssr::store()?;
    let has_plan =
        user.is_citizen && store.plan_of(user.person_id).await.map_err(|e| crate::ssr::internal_error("read the plan", e))?.is_some();
    if !has_plan {
        return Ok(ProposalPage::NoPlan);
    }
    let t = crate::ssr::request_lang().texts();
    use leptos::server_fn::ServerFn;
    Ok(ProposalPage::Form(
        crate::ssr::forms::spec(
            FormKind::GoalProposal,
            PROPOSAL_FORM,
            ProposeGoal::PATH,
            vec![("key".into(), crate::ssr::forms::new_key())],
            vec![
                (proposal_fields::TITLE, t.propose_goal_label, Some(t.propose_goal_hint), Control::Line),
                (proposal_fields::WHY, t.propose_why_label, None, Control::Lines),
                (proposal_fields::FIRST_STEP, t.propose_first_step_label, None, Control::Lines),
            ],
            t.propose_submit,
            &[],
        )
        .await,
    ))
}

/// "Foreslå et mål": the citizen writes a goal in their own words.
#[component]
pub fn ProposeGoal() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.propose_title body=t.propose_intro next=paths::PROPOSE_GOAL/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| proposal_form());
    view! {
        <PageHeading title=t.propose_title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(ProposalPage::Form(spec)) => view! {
                        <p class="mb-6">{t.propose_intro}</p>
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
        <p class="mt-6"><a href=paths::PLAN class="link">{t.back_to_plan}</a></p>
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
