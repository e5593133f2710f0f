//! The citizen's goal proposals: the form to propose one, and the plain
//! form posts that withdraw a proposal or answer a suggested wording.
//! Server functions here are thin: they parse, call `services::goals`, and
//! answer the caller (a redirect for a plain form, a status otherwise).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::form::{CheckedForm, Control, Field, FormSpec};
use crate::components::page::{NeedsLogin, PageHeading, Paragraphs};
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
    let kept = || FormFlash {
        form: PROPOSAL_FORM.into(),
        values: [(proposal_fields::TITLE, &title), (proposal_fields::WHY, &why), (proposal_fields::FIRST_STEP, &first_step)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        errors: vec![],
    };
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
        Err(e) => refused(e, "propose a goal", paths::PROPOSE_GOAL, Some(kept())).await,
    }
}

/// The citizen withdraws their proposal while it waits.
#[server(prefix = "/api", endpoint = "withdraw_goal")]
pub async fn withdraw_goal(goal: i64) -> Result<(), ServerFnError> {
    let store = crate::ssr::store()?;
    use crate::domain::ids::GoalId;
    use crate::ssr::services::{goals, signed_in};
    let id = GoalId(goal);
    let result = async { goals::withdraw(store.as_ref(), &signed_in()?, id, crate::ssr::now_ms()).await }.await;
    answered(result, "withdraw a goal", &goals::goal_link(id), "trukket").await
}

/// The citizen accepts (`answer=accept`) or rejects the suggested wording.
#[server(prefix = "/api", endpoint = "answer_suggestion")]
pub async fn answer_suggestion(goal: i64, answer: String) -> Result<(), ServerFnError> {
    let store = crate::ssr::store()?;
    use crate::domain::ids::GoalId;
    use crate::ssr::services::{goals, signed_in};
    let id = GoalId(goal);
    let accept = answer == "accept";
    let result =
        async { goals::answer_suggestion(store.as_ref(), &signed_in()?, id, accept, crate::ssr::now_ms()).await }.await;
    answered(result, "answer a suggested wording", &goals::goal_link(id), if accept { "accepteret" } else { "afvist" }).await
}

/// Answers a form post without fields to keep: on to `back` with the notice
/// `done`, or refused.
#[cfg(feature = "ssr")]
pub async fn answered(
    result: crate::ssr::services::ServiceResult<()>,
    doing: &'static str,
    back: &str,
    done: &str,
) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{redirect, refused, with_answer};
    match result {
        Ok(()) => {
            redirect(&with_answer(back, done));
            Ok(())
        }
        Err(e) => refused(e, doing, back, None).await,
    }
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
    let has_plan = user.is_citizen
        && store.plan_of(user.person_id).await.map_err(|e| crate::ssr::internal_error("read the plan", e))?.is_some();
    if !has_plan {
        return Ok(ProposalPage::NoPlan);
    }
    let kept = crate::ssr::forms::take(PROPOSAL_FORM).await.unwrap_or_default();
    let lang = crate::ssr::request_lang();
    let t = lang.texts();
    let value = |name: &str| kept.values.get(name).cloned().unwrap_or_default();
    let field = |name: &str, label: &str, hint: Option<&str>, control: Control| Field {
        name: name.into(),
        label: label.into(),
        hint: hint.map(Into::into),
        control,
        value: value(name),
    };
    use leptos::server_fn::ServerFn;
    Ok(ProposalPage::Form(FormSpec {
        kind: FormKind::GoalProposal,
        lang,
        action: ProposeGoal::PATH.into(),
        hidden: vec![("key".into(), crate::ssr::forms::new_key())],
        fields: vec![
            field(proposal_fields::TITLE, t.propose_goal_label, Some(t.propose_goal_hint), Control::Line),
            field(proposal_fields::WHY, t.propose_why_label, None, Control::Lines),
            field(proposal_fields::FIRST_STEP, t.propose_first_step_label, None, Control::Lines),
        ],
        errors: kept.errors,
        submit: t.propose_submit.into(),
        submitting: t.form_sending.into(),
        problems: t.form_problems.into(),
    }))
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
                    Err(_) => view! { <p class="alert" role="alert">{t.login_error_unavailable}</p> }.into_any(),
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

