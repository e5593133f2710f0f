//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::kernel::ids::*;
use crate::kernel::plan::{GoalStatus, Role};
use crate::kernel::{GoalTitle, Reason};
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn a_declined_proposal_leaves_an_immutable_decision_and_notifies_the_citizen(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::features::plan::service::my_plan;
    use crate::i18n::Lang;
    use crate::ssr::service::ServiceError;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let me = signed_in(c, true);
    let id = goals::propose(s.as_ref(), &me, proposal("Få et fritidsjob"), "key-1", NOW).await.unwrap();
    let again = goals::propose(s.as_ref(), &me, proposal("Få et fritidsjob"), "key-1", NOW + 1).await.unwrap();
    assert_eq!(again, id, "a double tap makes one proposal");
    let plan = s.plan_of(c).await.unwrap().unwrap();
    assert_eq!(s.goals(plan).await.unwrap().len(), 1);

    goals::decide(s.as_ref(), &staff_user(cw), id, declined("Vi starter med praktikken først."), NOW + DAY).await.unwrap();
    let goal = s.goal(id).await.unwrap();
    assert_eq!(goal.status, GoalStatus::Declined);
    let d = s.decisions_of(c).await.unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(
        (d[0].outcome.as_str(), d[0].reasons.as_deref(), d[0].decided_by),
        ("declined", Some("Vi starter med praktikken først."), cw)
    );
    assert!(d[0].appeal_guidance.contains("Ankestyrelsen"), "the guidance says where to complain");
    assert_eq!(s.unread_notifications(c).await.unwrap(), 1);
    let note = &s.notifications(c).await.unwrap()[0];
    assert_eq!((note.kind.as_str(), note.link.as_str()), ("goal_answered", format!("/min-plan#maal-{}", id.0).as_str()));

    // Deciding again is refused and writes nothing: a correction is a new decision, not an edit.
    let twice = goals::decide(s.as_ref(), &staff_user(cw), id, crate::features::goals::forms::GoalAnswer::Accept, NOW + 2 * DAY).await;
    assert!(matches!(twice, Err(ServiceError::Conflict)), "{twice:?}");
    assert_eq!(s.decisions_of(c).await.unwrap(), d, "the record is unchanged");

    let view = my_plan(s.as_ref(), &me, None, NOW + 2 * DAY, Lang::Da).await.unwrap().unwrap();
    let g = &view.goals[0];
    assert_eq!((g.status, g.decisions.len()), (GoalStatus::Declined, 1));
    assert_eq!(g.decisions[0].by, "Karin Sagsbehandler");
    assert_eq!(g.decisions[0].reasons.as_deref(), Some("Vi starter med praktikken først."));
    let kinds: Vec<_> = view.history.iter().map(|h| h.kind.as_str()).collect();
    assert!(kinds.starts_with(&["goal_declined", "goal_proposed"]), "{kinds:?}");

    // A correction is a new decision pointing at the old one, which stays.
    let refused =
        goals::correct(s.as_ref(), &signed_in(c, true), id, crate::features::goals::forms::GoalAnswer::Accept, NOW + 3 * DAY).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)), "only the caseworker corrects");
    goals::correct(s.as_ref(), &staff_user(cw), id, crate::features::goals::forms::GoalAnswer::Accept, NOW + 3 * DAY).await.unwrap();
    let after = s.decisions_of(c).await.unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(after[0], d[0], "the first decision is unchanged");
    assert_eq!((after[1].outcome.as_str(), after[1].corrects), ("accepted", Some(d[0].id)));
    assert_eq!(s.goal(id).await.unwrap().status, GoalStatus::Accepted);
    assert_eq!(s.unread_notifications(c).await.unwrap(), 2, "the citizen is told of the correction");
    let again = goals::correct(s.as_ref(), &staff_user(cw), id, crate::features::goals::forms::GoalAnswer::Accept, NOW + 4 * DAY).await;
    assert!(matches!(again, Err(ServiceError::Conflict)), "accepting an accepted goal is no correction");
    let view = my_plan(s.as_ref(), &me, None, NOW + 4 * DAY, Lang::Da).await.unwrap().unwrap();
    let shown = &view.goals[0].decisions;
    assert_eq!((shown.len(), shown[0].outcome.as_str()), (2, "accepted"), "newest first");
    assert_eq!(shown[0].corrects.as_deref(), Some(shown[1].when.as_str()));
}

async fn a_suggested_wording_is_rejected_or_accepted_by_the_citizen(s: Arc<dyn Store>) {
    use crate::features::goals::forms::GoalAnswer;
    use crate::features::goals::service as goals;
    use crate::ssr::service::ServiceError;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let (me, staff) = (signed_in(c, true), staff_user(cw));
    let id = goals::propose(s.as_ref(), &me, proposal("Arbejde"), "k", NOW).await.unwrap();
    let adjust = |w: &str| GoalAnswer::Adjust { wording: GoalTitle::parse(w).unwrap(), reason: Reason::parse("Mere konkret").unwrap() };

    goals::decide(s.as_ref(), &staff, id, adjust("Arbejde 10 timer om ugen"), NOW + 1).await.unwrap();
    let g = s.goal(id).await.unwrap();
    assert_eq!(
        (g.status, g.title.as_str(), g.suggested_title.as_deref()),
        (GoalStatus::Adjusted, "Arbejde", Some("Arbejde 10 timer om ugen"))
    );
    let early = goals::decide(s.as_ref(), &staff, id, GoalAnswer::Accept, NOW + 2).await;
    assert!(matches!(early, Err(ServiceError::Conflict)), "the caseworker cannot accept for the citizen");

    goals::answer_suggestion(s.as_ref(), &me, id, false, NOW + 3).await.unwrap();
    let g = s.goal(id).await.unwrap();
    assert_eq!((g.status, g.title.as_str(), g.suggested_title), (GoalStatus::Proposed, "Arbejde", None), "back to the citizen's own words");
    goals::answer_suggestion(s.as_ref(), &me, id, false, NOW + 4).await.expect("a second tap is not an error");

    goals::decide(s.as_ref(), &staff, id, adjust("Arbejde 15 timer om ugen"), NOW + 5).await.unwrap();
    goals::answer_suggestion(s.as_ref(), &me, id, true, NOW + 6).await.unwrap();
    let g = s.goal(id).await.unwrap();
    assert_eq!((g.status, g.title.as_str(), g.suggested_title), (GoalStatus::Accepted, "Arbejde 15 timer om ugen", None));
    let outcomes: Vec<_> = s.decisions_of(c).await.unwrap().into_iter().map(|d| d.outcome).collect();
    assert_eq!(outcomes, ["adjusted", "adjusted"]);
}

async fn a_proposal_can_be_withdrawn_while_it_waits_and_then_not_answered(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::ssr::service::ServiceError;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let me = signed_in(c, true);
    let id = goals::propose(s.as_ref(), &me, proposal("Svømme"), "k", NOW).await.unwrap();
    goals::withdraw(s.as_ref(), &me, id, NOW + 1).await.unwrap();
    goals::withdraw(s.as_ref(), &me, id, NOW + 2).await.expect("withdrawing twice is done, not an error");
    assert_eq!(s.goal(id).await.unwrap().status, GoalStatus::Withdrawn);
    let late = goals::decide(s.as_ref(), &staff_user(cw), id, declined("For sent"), NOW + 3).await;
    assert!(matches!(late, Err(ServiceError::Conflict)), "{late:?}");
    assert_eq!(s.decisions_of(c).await.unwrap(), vec![]);
    assert_eq!(s.unread_notifications(c).await.unwrap(), 0);
}

async fn only_the_citizen_and_their_caseworker_or_stand_in_may_act_on_a_goal(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::features::inbox::service as inbox;
    use crate::i18n::Lang;
    use crate::ssr::service::ServiceError;
    let (a, cw_a) = citizen_with_plan(s.as_ref()).await;
    let b = person(s.as_ref(), "Borger B", Some("011370-0020")).await;
    s.ensure_plan(b, NOW).await.unwrap();
    let other_cw = person(s.as_ref(), "Anden Sagsbehandler", None).await;
    let standin = person(s.as_ref(), "Stedfortræder", None).await;
    let host = person(s.as_ref(), "Vært", None).await;
    for p in [other_cw, standin] {
        s.grant_role(p, Role::Caseworker, NOW).await.unwrap();
    }
    s.grant_role(host, Role::Host, NOW).await.unwrap();
    s.assign_caseworker(b, other_cw, AssignmentKind::Primary, NOW).await.unwrap();
    s.assign_caseworker(a, standin, AssignmentKind::Standin, NOW).await.unwrap();
    let id = goals::propose(s.as_ref(), &signed_in(a, true), proposal("A's mål"), "k", NOW).await.unwrap();
    let host_user = crate::ssr::auth::CurrentUser { roles: vec![Role::Host], ..signed_in(host, false) };

    let refused = |r: Result<(), ServiceError>| matches!(r, Err(ServiceError::NotAllowed));
    assert!(refused(goals::withdraw(s.as_ref(), &signed_in(b, true), id, NOW).await), "citizen B");
    assert!(refused(goals::answer_suggestion(s.as_ref(), &signed_in(b, true), id, true, NOW).await), "citizen B");
    assert!(refused(goals::withdraw(s.as_ref(), &staff_user(cw_a), id, NOW).await), "staff cannot withdraw for the citizen");
    for (who, user) in [
        ("citizen A", signed_in(a, true)),
        ("citizen B", signed_in(b, true)),
        ("other caseworker", staff_user(other_cw)),
        ("host", host_user.clone()),
    ] {
        assert!(refused(goals::decide(s.as_ref(), &user, id, declined("nej"), NOW).await), "{who} may not decide");
        assert!(
            matches!(goals::review(s.as_ref(), &user, id, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)),
            "{who} may not open it"
        );
    }
    let missing = goals::review(s.as_ref(), &staff_user(cw_a), GoalId(id.0 + 1000), NOW, Lang::Da).await;
    assert!(matches!(missing, Err(ServiceError::NotAllowed)), "a missing goal looks like a refused one");
    assert_eq!(s.access_log(a).await.unwrap(), vec![], "refused reads leave no trace and read nothing");
    assert_eq!(s.goal(id).await.unwrap().status, GoalStatus::Proposed, "refused writes changed nothing");

    assert!(matches!(inbox::inbox(s.as_ref(), &host_user, None, None, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(inbox::caseload(s.as_ref(), &signed_in(a, true), None, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert!(
        inbox::inbox(s.as_ref(), &staff_user(other_cw), None, None, NOW, Lang::Da).await.unwrap().page.items.is_empty(),
        "not in their caseload"
    );

    // The stand-in may open and answer; opening it is logged with a purpose.
    let r = goals::review(s.as_ref(), &staff_user(standin), id, NOW + 1, Lang::Da).await.unwrap();
    assert_eq!((r.title.as_str(), r.open), ("A's mål", true));
    let log = s.access_log(a).await.unwrap();
    assert_eq!((log.len(), log[0].staff_id, log[0].purpose.as_str()), (1, standin, crate::ssr::access::Purpose::GoalReview.as_str()));
    goals::decide(s.as_ref(), &staff_user(standin), id, crate::features::goals::forms::GoalAnswer::Accept, NOW + 2).await.unwrap();
    assert_eq!(s.goal(id).await.unwrap().status, GoalStatus::Accepted);
}

on_both_backends!(
    a_declined_proposal_leaves_an_immutable_decision_and_notifies_the_citizen,
    a_suggested_wording_is_rejected_or_accepted_by_the_citizen,
    a_proposal_can_be_withdrawn_while_it_waits_and_then_not_answered,
    only_the_citizen_and_their_caseworker_or_stand_in_may_act_on_a_goal,
);
