//! The decisions list's stories, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::budget::forms::{budget_fields, SpendingAnswer, SpendingInput};
use crate::features::budget::service as budget;
use crate::features::decisions::service::my_decisions;
use crate::features::goals::forms::GoalAnswer;
use crate::features::goals::service as goals;
use crate::i18n::Lang;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn a_citizen_sees_all_their_decisions_newest_first_with_deadlines_and_corrections(s: Arc<dyn Store>) {
    let (c, cw, _) = citizen_with_budget(s.as_ref()).await;
    s.ensure_plan(c, NOW).await.unwrap();
    let other = person(s.as_ref(), "Anden Borger", Some("011370-0015")).await;
    s.assign_caseworker(other, cw, AssignmentKind::Primary, NOW).await.unwrap();
    s.ensure_plan(other, NOW).await.unwrap();
    let (me, staff) = (signed_in(c, true), staff_user(cw));

    let goal = goals::propose(s.as_ref(), &me, proposal("Få et fritidsjob"), "g-1", NOW).await.unwrap();
    goals::decide(s.as_ref(), &staff, goal, declined("Vi starter med praktikken først."), NOW + DAY).await.unwrap();
    goals::correct(s.as_ref(), &staff, goal, GoalAnswer::Accept, NOW + 2 * DAY).await.unwrap();
    let ask = SpendingInput::parse("250", "Sko til praktikken", "").unwrap();
    let request = budget::request(s.as_ref(), &me, ask, "r-1", NOW + 3 * DAY).await.unwrap();
    let decline = SpendingAnswer::parse(budget_fields::DECLINE, "", "Det dækker jobcentret.").unwrap();
    budget::decide(s.as_ref(), &staff, request, decline, NOW + 4 * DAY).await.unwrap();
    // Another citizen's decision, by the same caseworker.
    let theirs = goals::propose(s.as_ref(), &signed_in(other, true), proposal("Andens mål"), "g-2", NOW).await.unwrap();
    goals::decide(s.as_ref(), &staff, theirs, declined("Ikke nu."), NOW + DAY).await.unwrap();

    let items = my_decisions(s.as_ref(), &me, NOW + 5 * DAY, Lang::Da).await.unwrap().expect("a citizen");
    let seen: Vec<(&str, &str, &str)> =
        items.iter().map(|i| (i.subject_kind.as_str(), i.about.as_str(), i.decision.outcome.as_str())).collect();
    assert_eq!(
        seen,
        [
            ("spending_request", "Sko til praktikken (250,00 kr.)", "spending_declined"),
            ("goal", "Få et fritidsjob", "accepted"),
            ("goal", "Få et fritidsjob", "declined"),
        ],
        "newest first, only hers"
    );
    assert_eq!(items[2].corrected_by.as_ref().map(|(a, _)| a), Some(&items[1].anchor), "the declined goal was corrected");
    assert_eq!(items[1].corrects_anchor.as_ref(), Some(&items[2].anchor), "the acceptance corrects it");
    assert_eq!((items[0].corrected_by.as_ref(), items[0].corrects_anchor.as_ref()), (None, None));
    assert_eq!(items[0].decision.reasons.as_deref(), Some("Det dækker jobcentret."));
    assert_eq!(items[0].decision.by, "Karin Sagsbehandler");
    assert!(items.iter().all(|i| !i.deadline_passed), "all within four weeks");

    // Four weeks after the first decision its deadline has passed, the later ones' not.
    let later = my_decisions(s.as_ref(), &me, NOW + DAY + 29 * DAY, Lang::Da).await.unwrap().unwrap();
    assert_eq!(later.iter().map(|i| i.deadline_passed).collect::<Vec<_>>(), [false, false, true]);

    assert!(my_decisions(s.as_ref(), &staff, NOW, Lang::Da).await.unwrap().is_none(), "staff have no decisions list");
    let others = my_decisions(s.as_ref(), &signed_in(other, true), NOW, Lang::Da).await.unwrap().unwrap();
    assert_eq!(others.iter().map(|i| i.about.as_str()).collect::<Vec<_>>(), ["Andens mål"]);
}

on_both_backends!(a_citizen_sees_all_their_decisions_newest_first_with_deadlines_and_corrections);
