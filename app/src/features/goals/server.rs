//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

#[cfg(feature = "ssr")]
use crate::features::goals::forms::{proposal_fields, GoalForm};
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
#[cfg(feature = "ssr")]
use crate::ui::form::Control;
use crate::ui::form::FormSpec;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The flash name of the proposal form.
#[cfg(feature = "ssr")]
const PROPOSAL_FORM: &str = "goal_proposal";

/// The citizen proposes a goal (a plain form post, or a fetch).
#[server(prefix = "/api", endpoint = "propose_goal")]
pub async fn propose_goal(title: String, why: String, first_step: String, key: String) -> Result<(), ServerFnError> {
    let cx = Ctx::get()?;
    use crate::features::goals::forms::GoalProposal;
    use crate::features::goals::service as goals;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let kept = FormFlash::typed(
        PROPOSAL_FORM,
        &[(proposal_fields::TITLE, &title), (proposal_fields::WHY, &why), (proposal_fields::FIRST_STEP, &first_step)],
    );
    let result = async {
        let user = cx.user()?;
        let proposal = GoalProposal::parse(&title, &why, &first_step).map_err(ServiceError::Invalid)?;
        goals::propose(cx.store(), user, proposal, &key, cx.now).await
    }
    .await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&routes::plan_goal(id.0), "sendt"));
            Ok(())
        }
        Err(e) => refused(e, "propose a goal", routes::PROPOSE_GOAL, Some(kept)).await,
    }
}

/// The citizen withdraws their proposal while it waits.
#[server(prefix = "/api", endpoint = "withdraw_goal")]
pub async fn withdraw_goal(goal: i64) -> Result<(), ServerFnError> {
    use crate::features::goals::service as goals;
    use crate::kernel::ids::GoalId;
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let id = GoalId(goal);
    let result = async { goals::withdraw(cx.store(), cx.user()?, id, cx.now).await }.await;
    let back = routes::plan_goal(id.0);
    finish(result, "withdraw a goal", &with_answer(&back, "trukket"), &back, None).await
}

/// The citizen accepts (`answer=accept`) or rejects the suggested wording.
#[server(prefix = "/api", endpoint = "answer_suggestion")]
pub async fn answer_suggestion(goal: i64, answer: String) -> Result<(), ServerFnError> {
    use crate::features::goals::service as goals;
    use crate::kernel::ids::GoalId;
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let id = GoalId(goal);
    let accept = answer == "accept";
    let result = async { goals::answer_suggestion(cx.store(), cx.user()?, id, accept, cx.now).await }.await;
    let back = routes::plan_goal(id.0);
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
    let cx = Ctx::get()?;
    let Ok(user) = cx.user() else {
        return Ok(ProposalPage::NoPlan);
    };
    let may =
        crate::features::goals::service::may_propose(cx.store(), user).await.map_err(|e| crate::ssr::internal_error("read the plan", e))?;
    if !may {
        return Ok(ProposalPage::NoPlan);
    }
    let t = cx.lang.texts();
    use leptos::server_fn::ServerFn;
    Ok(ProposalPage::Form(
        crate::ssr::forms::spec(
            GoalForm::Proposal,
            PROPOSAL_FORM,
            ProposeGoal::PATH,
            vec![("key".into(), crate::ssr::forms::new_key())],
            vec![
                (proposal_fields::TITLE, t.goals.propose_goal_label, Some(t.goals.propose_goal_hint), Control::Line),
                (proposal_fields::WHY, t.goals.propose_why_label, None, Control::Lines),
                (proposal_fields::FIRST_STEP, t.goals.propose_first_step_label, None, Control::Lines),
            ],
            t.goals.propose_submit,
            &[],
        )
        .await,
    ))
}
