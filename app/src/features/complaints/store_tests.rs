//! The complaints' stories, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::complaints::forms::parse_complaint;
use crate::features::complaints::service::{complain, reconsideration_due};
use crate::features::goals::service as goals;
use crate::i18n::Lang;
use crate::kernel::forms::Problem;
use crate::kernel::ids::{DecisionId, MessageId, PersonId};
use crate::kernel::plan::Role;
use crate::kernel::Amount;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;
use crate::ssr::service::ServiceError;

/// A citizen with a declined proposal: (citizen, caseworker, the decision).
async fn declined_goal(s: &dyn Store) -> (PersonId, PersonId, DecisionId) {
    let (c, cw) = citizen_with_plan(s).await;
    decline_a_proposal(s, c, cw).await
}

/// Another citizen (CPR `cpr`) with their own caseworker and a declined proposal.
async fn declined_goal_of(s: &dyn Store, cpr: &str, caseworker: &str) -> (PersonId, PersonId, DecisionId) {
    let cw = person(s, caseworker, None).await;
    s.grant_role(cw, Role::Caseworker, NOW).await.unwrap();
    let c = person(s, "Tredje Borger", Some(cpr)).await;
    s.assign_caseworker(c, cw, AssignmentKind::Primary, NOW).await.unwrap();
    s.ensure_plan(c, NOW).await.unwrap();
    decline_a_proposal(s, c, cw).await
}

async fn decline_a_proposal(s: &dyn Store, c: PersonId, cw: PersonId) -> (PersonId, PersonId, DecisionId) {
    let goal = goals::propose(s, &signed_in(c, true), proposal("Tage på højskole"), "g-1", NOW).await.unwrap();
    goals::decide(s, &staff_user(cw), goal, declined("Ikke i år."), NOW + DAY).await.unwrap();
    (c, cw, s.decisions_of(c).await.unwrap()[0].id)
}

fn problem<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> Problem {
    match r {
        Err(ServiceError::Invalid(e)) => e[0].problem.clone(),
        other => panic!("expected a refused field, got {other:?}"),
    }
}

async fn a_citizen_complains_once_within_the_deadline_about_their_own_decision(s: Arc<dyn Store>) {
    let (c, cw, d) = declined_goal(s.as_ref()).await;
    let other = person(s.as_ref(), "Anden Borger", Some("011370-0016")).await;
    let me = signed_in(c, true);
    let words = || parse_complaint("Højskolen er en del af min plan for at komme i arbejde.").unwrap();
    let at = NOW + 3 * DAY;

    // Nobody else complains about it.
    for who in [signed_in(other, true), staff_user(cw)] {
        let r = complain(s.as_ref(), &who, d, words(), vec![], "k-0", at, Lang::Da).await;
        assert!(matches!(r, Err(ServiceError::NotAllowed)), "{r:?}");
    }
    let id = complain(s.as_ref(), &me, d, words(), vec![], "k-1", at, Lang::Da).await.unwrap();
    let again = complain(s.as_ref(), &me, d, words(), vec![], "k-1", at + 1, Lang::Da).await.unwrap();
    assert_eq!(again, id, "a double tap makes one complaint");
    assert_eq!(problem(complain(s.as_ref(), &me, d, words(), vec![], "k-2", at + 2, Lang::Da).await), Problem::ComplaintOpen);

    let all = s.complaints_of(c).await.unwrap();
    assert_eq!(all.len(), 1, "one complaint, nothing half-written");
    let k = &all[0];
    assert_eq!((k.id, k.decision_id, k.reasons.as_str()), (id, d, "Højskolen er en del af min plan for at komme i arbejde."));
    assert_eq!((k.created_at, k.due_at, k.answered_at, k.outcome.as_deref()), (at, reconsideration_due(at), None, None));
    assert!(k.due_at > at + 27 * DAY && k.due_at < at + 29 * DAY, "four weeks to reconsider");
    assert_eq!(s.complaints_of(other).await.unwrap(), vec![]);
    // On the list of decisions: what became of it, and no second complaint offered.
    let items = crate::features::decisions::service::my_decisions(s.as_ref(), &me, at + DAY, Lang::Da).await.unwrap().unwrap();
    let lines = items[0].complaint.clone().expect("the complaint on its decision");
    assert!(lines[0].starts_with("Du klagede") && lines[1].starts_with("Kommunen ser på sagen igen"), "{lines:?}");
    assert_eq!(items[0].complain_link, None);
    let overdue = crate::features::decisions::service::my_decisions(s.as_ref(), &me, k.due_at + 1, Lang::Da).await.unwrap().unwrap();
    assert!(overdue[0].complaint.as_ref().unwrap().iter().any(|l| l.contains("ikke svaret inden fristen")), "overdue is said");
    let plan = s.plan_of(c).await.unwrap().unwrap();
    assert_eq!(s.history(plan).await.unwrap().last().map(|e| e.kind.clone()), Some("complaint_made".to_string()), "in the plan's history");
}

async fn a_complaint_after_the_deadline_is_refused_with_what_to_do_instead(s: Arc<dyn Store>) {
    let (c, _, d) = declined_goal(s.as_ref()).await;
    let before =
        crate::features::decisions::service::my_decisions(s.as_ref(), &signed_in(c, true), NOW + 2 * DAY, Lang::Da).await.unwrap().unwrap();
    assert_eq!(before[0].complain_link.as_deref(), Some(crate::routes::complaint(d.0).as_str()), "offered within the deadline");
    let late = NOW + DAY + 30 * DAY;
    let after = crate::features::decisions::service::my_decisions(s.as_ref(), &signed_in(c, true), late, Lang::Da).await.unwrap().unwrap();
    assert_eq!(after[0].complain_link, None, "not offered after it");
    let words = parse_complaint("Jeg så først brevet nu.").unwrap();
    let p = problem(complain(s.as_ref(), &signed_in(c, true), d, words, vec![], "k-1", late, Lang::Da).await);
    assert!(matches!(&p, Problem::ComplaintLate(day) if day.ends_with("2026") || day.ends_with("2027")), "{p:?}");
    assert!(p.message(Lang::Da).contains("Skriv til din sagsbehandler"), "says what to do instead");
    assert_eq!(s.complaints_of(c).await.unwrap(), vec![], "nothing written");
}

async fn complaints_sent_at_once_about_one_decision_make_exactly_one(s: Arc<dyn Store>) {
    let (c, _, d) = declined_goal(s.as_ref()).await;
    let outcomes = at_once(&s, 8, |s, i| async move {
        let words = parse_complaint(&format!("Klage nummer {i}")).unwrap();
        complain(s.as_ref(), &signed_in(c, true), d, words, vec![], &format!("key-{i}"), NOW + 2 * DAY, Lang::Da).await
    })
    .await;
    let made = outcomes.iter().filter(|r| r.is_ok()).count();
    let open = outcomes.iter().filter(|r| matches!(r, Err(ServiceError::Invalid(e)) if e[0].problem == Problem::ComplaintOpen)).count();
    assert_eq!((made, open), (1, 7), "{outcomes:?}");
    assert_eq!(s.complaints_of(c).await.unwrap().len(), 1);
}

async fn the_caseworker_upholds_and_the_complaint_follows_a_handover(s: Arc<dyn Store>) {
    use crate::features::complaints::forms::parse_uphold;
    use crate::features::complaints::service::{review, uphold, waiting};
    let (c, karin, d) = declined_goal(s.as_ref()).await;
    let jonas = person(s.as_ref(), "Jonas Lund", None).await;
    s.grant_role(jonas, Role::Caseworker, NOW).await.unwrap();
    let words = parse_complaint("Jeg er uenig.").unwrap();
    let id = complain(s.as_ref(), &signed_in(c, true), d, words, vec![], "k-1", NOW + 2 * DAY, Lang::Da).await.unwrap();

    let mine = waiting(s.as_ref(), &staff_user(karin), NOW + 3 * DAY, Lang::Da).await.unwrap().0;
    assert_eq!((mine.len(), mine[0].about.as_str(), mine[0].overdue), (1, "Tage på højskole", false));
    assert!(waiting(s.as_ref(), &staff_user(jonas), NOW + 3 * DAY, Lang::Da).await.unwrap().0.is_empty(), "not Jonas's citizen");
    assert!(waiting(s.as_ref(), &staff_user(karin), NOW + 40 * DAY, Lang::Da).await.unwrap().0[0].overdue, "overdue marked");
    // A handover: the complaint goes with the citizen to the new caseworker.
    s.assign_caseworker(c, jonas, AssignmentKind::Primary, NOW + 4 * DAY).await.unwrap();
    assert!(waiting(s.as_ref(), &staff_user(karin), NOW + 5 * DAY, Lang::Da).await.unwrap().0.is_empty(), "Karin no longer");
    assert_eq!(waiting(s.as_ref(), &staff_user(jonas), NOW + 5 * DAY, Lang::Da).await.unwrap().0.len(), 1, "Jonas now");
    let refused = uphold(s.as_ref(), &staff_user(karin), id, parse_uphold("Nej").unwrap(), NOW + 5 * DAY).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)), "the old caseworker answers nothing");
    assert!(matches!(parse_uphold("  ").unwrap_err()[0].problem, Problem::ReasonRequired));

    let r = review(s.as_ref(), &staff_user(jonas), id, NOW + 5 * DAY, Lang::Da).await.unwrap();
    assert_eq!((r.reasons.as_str(), r.answered.is_none()), ("Jeg er uenig.", true));
    let read =
        s.access_log(c).await.unwrap().into_iter().filter(|e| e.purpose == "complaint_review").map(|e| e.staff_id).collect::<Vec<_>>();
    assert_eq!(read, [jonas], "reading it is logged");
    let told = s.notifications(c).await.unwrap().len();
    uphold(s.as_ref(), &staff_user(jonas), id, parse_uphold("Praktikken går forud.").unwrap(), NOW + 6 * DAY).await.unwrap();
    let again = uphold(s.as_ref(), &staff_user(jonas), id, parse_uphold("Igen").unwrap(), NOW + 6 * DAY).await;
    assert!(matches!(again, Err(ServiceError::Conflict)), "answered once");
    let k = &s.complaints_of(c).await.unwrap()[0];
    assert_eq!(
        (k.outcome.as_deref(), k.answered_by, k.answer_reasons.as_deref(), k.forwarded_at),
        (Some("upheld"), Some(jonas), Some("Praktikken går forud."), Some(NOW + 6 * DAY))
    );
    let notes = s.notifications(c).await.unwrap();
    assert_eq!((notes.len(), notes[0].kind.as_str()), (told + 1, "complaint_answered"), "the citizen is told once");
    assert!(waiting(s.as_ref(), &staff_user(jonas), NOW + 7 * DAY, Lang::Da).await.unwrap().0.is_empty(), "no longer waiting");
    // The citizen follows it on the decision.
    let items =
        crate::features::decisions::service::my_decisions(s.as_ref(), &signed_in(c, true), NOW + 7 * DAY, Lang::Da).await.unwrap().unwrap();
    let lines = items[0].complaint.clone().unwrap().join(" | ");
    assert!(
        lines.contains("fastholdt afgørelsen") && lines.contains("Praktikken går forud.") && lines.contains("Ankestyrelsen"),
        "{lines}"
    );
    let plan = s.plan_of(c).await.unwrap().unwrap();
    assert_eq!(s.history(plan).await.unwrap().last().map(|e| e.kind.clone()), Some("complaint_upheld".to_string()));
}

async fn the_caseworker_gives_the_citizen_right_by_a_new_decision_once(s: Arc<dyn Store>) {
    use crate::features::complaints::service::{change, review};
    use crate::features::goals::forms::GoalAnswer;
    use crate::kernel::plan::GoalStatus;
    let (c, karin, d) = declined_goal(s.as_ref()).await;
    let words = parse_complaint("Jeg er uenig.").unwrap();
    let id = complain(s.as_ref(), &signed_in(c, true), d, words, vec![], "k-1", NOW + 2 * DAY, Lang::Da).await.unwrap();
    assert!(review(s.as_ref(), &staff_user(karin), id, NOW + 3 * DAY, Lang::Da).await.unwrap().can_change);
    let refused = change(s.as_ref(), &signed_in(c, true), id, None, NOW + 3 * DAY).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)), "only staff change it");
    change(s.as_ref(), &staff_user(karin), id, None, NOW + 3 * DAY).await.unwrap();
    let all = s.decisions_of(c).await.unwrap();
    assert_eq!((all.len(), all[1].outcome.as_str(), all[1].corrects), (2, "accepted", Some(d)), "a new decision corrects the old");
    let k = &s.complaints_of(c).await.unwrap()[0];
    assert_eq!((k.outcome.as_deref(), k.answer_id, k.forwarded_at), (Some("changed"), Some(all[1].id), None));
    let goal = crate::kernel::ids::GoalId(all[0].subject_id);
    assert_eq!(s.goal(goal).await.unwrap().status, GoalStatus::Accepted);
    assert!(matches!(change(s.as_ref(), &staff_user(karin), id, None, NOW + 4 * DAY).await, Err(ServiceError::Conflict)), "answered once");
    let items =
        crate::features::decisions::service::my_decisions(s.as_ref(), &signed_in(c, true), NOW + 4 * DAY, Lang::Da).await.unwrap().unwrap();
    assert!(items[1].complaint.as_ref().unwrap().iter().any(|l| l.contains("ændrede afgørelsen")), "{items:?}");
    let plan = s.plan_of(c).await.unwrap().unwrap();
    assert_eq!(s.history(plan).await.unwrap().last().map(|e| e.kind.clone()), Some("complaint_changed".to_string()));

    // Corrected on the plan first (or the close failed after the correction): answering closes it with that correction.
    let (c2, cw2, d2) = declined_goal_of(s.as_ref(), "011370-0017", "Anden Sagsbehandler").await;
    let id2 = complain(s.as_ref(), &signed_in(c2, true), d2, parse_complaint("Uenig.").unwrap(), vec![], "k-2", NOW + 2 * DAY, Lang::Da)
        .await
        .unwrap();
    let goal2 = crate::kernel::ids::GoalId(s.decisions_of(c2).await.unwrap()[0].subject_id);
    crate::features::goals::service::correct(s.as_ref(), &staff_user(cw2), goal2, GoalAnswer::Accept, NOW + 3 * DAY).await.unwrap();
    change(s.as_ref(), &staff_user(cw2), id2, None, NOW + 3 * DAY).await.unwrap();
    let all2 = s.decisions_of(c2).await.unwrap();
    assert_eq!(all2.len(), 2, "no second correction");
    assert_eq!(s.complaints_of(c2).await.unwrap()[0].answer_id, Some(all2[1].id));
}

async fn a_complaint_about_money_is_answered_by_approving_it_within_the_budget(s: Arc<dyn Store>) {
    use crate::features::budget::forms::{CorrectionInput, SpendingAnswer};
    use crate::features::complaints::service::{change, review};
    let (c, karin, b) = citizen_with_budget(s.as_ref()).await;
    s.ensure_plan(c, NOW).await.unwrap();
    let r = s.request_spending(&spend(b, c, kr(3_000), "k"), NOW).await.unwrap().id();
    let no = SpendingAnswer::Decline { reason: crate::kernel::text::Reason::parse("Ikke nu.").unwrap() };
    crate::features::budget::service::decide(s.as_ref(), &staff_user(karin), r, no, NOW + DAY).await.unwrap();
    let d = s.decisions_of(c).await.unwrap()[0].id;
    let words = parse_complaint("Jeg skal bruge cyklen til praktikken.").unwrap();
    let id = complain(s.as_ref(), &signed_in(c, true), d, words, vec![], "k-1", NOW + 2 * DAY, Lang::Da).await.unwrap();
    let seen = review(s.as_ref(), &staff_user(karin), id, NOW + 3 * DAY, Lang::Da).await.unwrap();
    assert!(seen.can_change);
    assert_eq!(seen.money, Some(("3.000,00 kr.".to_string(), "10.000,00 kr.".to_string())), "asked for, and left");

    // Without an amount, or with more than was asked for: nothing changes, the complaint waits.
    assert!(matches!(change(s.as_ref(), &staff_user(karin), id, None, NOW + 3 * DAY).await, Err(ServiceError::Conflict)));
    let too_much = CorrectionInput::parse("3.000,01", "Ret").unwrap();
    assert_eq!(
        problem(change(s.as_ref(), &staff_user(karin), id, Some(too_much), NOW + 3 * DAY).await),
        Problem::CorrectionRange(Amount::ZERO, kr(3_000))
    );
    assert_eq!((s.decisions_of(c).await.unwrap().len(), s.complaints_of(c).await.unwrap()[0].answered_at), (1, None));

    let yes = CorrectionInput::parse("3.000", "Cyklen er nødvendig for praktikken.").unwrap();
    change(s.as_ref(), &staff_user(karin), id, Some(yes), NOW + 3 * DAY).await.unwrap();
    let all = s.decisions_of(c).await.unwrap();
    assert_eq!((all.len(), all[1].outcome.as_str(), all[1].corrects), (2, "approved", Some(d)));
    let k = &s.complaints_of(c).await.unwrap()[0];
    assert_eq!((k.outcome.as_deref(), k.answer_id), (Some("changed"), Some(all[1].id)));
    let budget = assert_ledger_balances(s.as_ref(), b).await;
    assert_eq!((budget.spent, budget.available()), (kr(3_000), kr(7_000)));
    let again = CorrectionInput::parse("3.000", "Igen").unwrap();
    assert!(
        matches!(change(s.as_ref(), &staff_user(karin), id, Some(again), NOW + 4 * DAY).await, Err(ServiceError::Conflict)),
        "answered once"
    );
    assert_eq!(assert_ledger_balances(s.as_ref(), b).await.spent, kr(3_000), "paid once");
}

fn pdf(name: &str, bytes: &[u8]) -> crate::features::conversation::store::NewAttachment {
    use crate::features::conversation::store::{NewAttachment, Spooled};
    let kind = crate::features::conversation::attachments::FileKind::Pdf;
    NewAttachment { file_name: name.into(), kind, size: bytes.len() as i64, data: Spooled::from_bytes(bytes).unwrap() }
}

async fn a_complaint_carries_its_files_to_the_caseworker_and_nobody_else(s: Arc<dyn Store>) {
    use crate::features::complaints::service::review;
    use crate::features::conversation::service::attachment;
    let (c, karin, d) = declined_goal(s.as_ref()).await;
    let me = signed_in(c, true);
    let words = parse_complaint("Se lægens erklæring.").unwrap();
    let files = vec![pdf("erklæring.pdf", b"%PDF-1.4 doctor"), pdf("brev.pdf", b"%PDF-1.4 letter!")];
    let id = complain(s.as_ref(), &me, d, words.clone(), files, "k-1", NOW + 2 * DAY, Lang::Da).await.unwrap();
    // A double tap with other files: the first complaint, none of the repeat's files.
    let again = complain(s.as_ref(), &me, d, words, vec![pdf("c.pdf", b"%PDF-1.4 c")], "k-1", NOW + 2 * DAY, Lang::Da).await.unwrap();
    assert_eq!(again, id);
    let listed = s.complaint_files(id).await.unwrap();
    let names: Vec<_> = listed.iter().map(|f| (f.message_id, f.file_name.as_str(), f.size_bytes)).collect();
    assert_eq!(names, [(None, "erklæring.pdf", 15), (None, "brev.pdf", 16)]);
    assert_eq!(s.attachments(c, MessageId(0)).await.unwrap(), vec![], "not among the conversation's files");

    // The caseworker reads them with the complaint; the citizen sees them on her decision.
    let seen = review(s.as_ref(), &staff_user(karin), id, NOW + 3 * DAY, Lang::Da).await.unwrap();
    assert_eq!(
        seen.files.iter().map(|f| (f.name.as_str(), f.href.clone())).collect::<Vec<_>>(),
        [("erklæring.pdf", crate::routes::attachment(listed[0].id.0)), ("brev.pdf", crate::routes::attachment(listed[1].id.0))]
    );
    let items = crate::features::decisions::service::my_decisions(s.as_ref(), &me, NOW + 3 * DAY, Lang::Da).await.unwrap().unwrap();
    assert_eq!(items[0].complaint_files.len(), 2);

    // Downloads: the citizen and her caseworker (logged); another citizen or caseworker gets nothing.
    let file = listed[0].id;
    assert_eq!(attachment(s.as_ref(), &me, file, NOW + 3 * DAY).await.unwrap().data, b"%PDF-1.4 doctor");
    let logged = s.access_log(c).await.unwrap().len();
    assert_eq!(attachment(s.as_ref(), &staff_user(karin), file, NOW + 3 * DAY).await.unwrap().file_name, "erklæring.pdf");
    assert_eq!(s.access_log(c).await.unwrap().len(), logged + 1, "a staff download is in the access log");
    let (other, other_cw, _) = declined_goal_of(s.as_ref(), "011370-0025", "Fremmed Sagsbehandler").await;
    assert!(matches!(attachment(s.as_ref(), &signed_in(other, true), file, NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(attachment(s.as_ref(), &staff_user(other_cw), file, NOW).await, Err(ServiceError::NotAllowed)));
}

async fn the_inbox_shows_complaints_on_top_and_logs_each_citizen_once(s: Arc<dyn Store>) {
    use crate::features::inbox::service::inbox;
    let (c, karin, d) = declined_goal(s.as_ref()).await;
    let words = parse_complaint("Jeg er uenig.").unwrap();
    complain(s.as_ref(), &signed_in(c, true), d, words, vec![], "k-1", NOW + 2 * DAY, Lang::Da).await.unwrap();
    goals::propose(s.as_ref(), &signed_in(c, true), proposal("Lære at svømme"), "g-2", NOW + 2 * DAY).await.unwrap();
    let before = s.access_log(c).await.unwrap().len();
    let shown = inbox(s.as_ref(), &staff_user(karin), None, None, NOW + 3 * DAY, Lang::Da).await.unwrap();
    assert_eq!((shown.complaints.len(), shown.page.items.len()), (1, 1), "the complaint on top, the proposal below");
    let log = s.access_log(c).await.unwrap();
    assert_eq!(log.len(), before + 1, "one view, one entry, though she is on the page twice");
    assert_eq!(log[0].purpose, crate::ssr::access::Purpose::Inbox.as_str(), "newest first");
}

on_both_backends!(
    the_inbox_shows_complaints_on_top_and_logs_each_citizen_once,
    a_complaint_carries_its_files_to_the_caseworker_and_nobody_else,
    a_complaint_about_money_is_answered_by_approving_it_within_the_budget,
    the_caseworker_gives_the_citizen_right_by_a_new_decision_once,
    the_caseworker_upholds_and_the_complaint_follows_a_handover,
    a_citizen_complains_once_within_the_deadline_about_their_own_decision,
    a_complaint_after_the_deadline_is_refused_with_what_to_do_instead,
    complaints_sent_at_once_about_one_decision_make_exactly_one,
);
