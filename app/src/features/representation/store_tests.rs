//! Helpers' stories, each on SQLite and on PostgreSQL, on a manual clock
//! (every call is given its `now`).

use std::sync::Arc;

use crate::features::representation::forms::InviteInput;
use crate::features::representation::rules::{normalize, LOCK_MS};
use crate::features::representation::service as helpers;
use crate::i18n::Lang;
use crate::kernel::forms::Problem;
use crate::kernel::ids::{PersonId, RepresentationId};
use crate::kernel::representation::{HelperKind, Scope, Scopes};
use crate::ssr::access::{self, Capacity, Purpose};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;
use crate::ssr::service::ServiceError;

fn invite_input(kind: HelperKind, scopes: &[Scope], months: i64) -> InviteInput {
    InviteInput { kind, scopes: Scopes(scopes.to_vec()), months }
}

fn problem<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> Problem {
    match r {
        Err(ServiceError::Invalid(e)) => e[0].problem.clone(),
        other => panic!("expected a message by the field, got {other:?}"),
    }
}

/// Mette (a citizen with a budget and a plan), her caseworker, and Ole (a
/// person with a CPR number and no plan).
async fn mette_and_ole(s: &dyn Store) -> (PersonId, PersonId, PersonId) {
    let (mette, cw) = citizen_with_plan(s).await;
    let ole = person(s, "Ole Berg", Some("020270-1111")).await;
    (mette, cw, ole)
}

/// Mette invites, Ole redeems at `at`: Ole's user acting for her, as the
/// session middleware makes it.
async fn ole_helps(s: &dyn Store, mette: PersonId, ole: PersonId, kind: HelperKind, scopes: &[Scope], at: i64) -> CurrentUser {
    let code = helpers::invite(s, &signed_in(mette, true), &invite_input(kind, scopes, 12), &format!("k-{at}"), at).await.unwrap();
    let id = helpers::redeem(s, &signed_in(ole, true), &code, at, Lang::Da).await.unwrap();
    acting(s, ole, id, at).await.expect("acting")
}

async fn acting(s: &dyn Store, helper: PersonId, id: RepresentationId, now: i64) -> Option<CurrentUser> {
    let a = helpers::acting_for(s, helper, id, now).await.unwrap()?;
    Some(CurrentUser { acting_for: Some(a), ..signed_in(helper, true) })
}

async fn a_fuldmaegtig_acts_for_the_citizen_within_the_scopes_and_is_named(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (mette, _cw, ole) = mette_and_ole(s).await;
    let ole_for_mette = ole_helps(s, mette, ole, HelperKind::Fuldmaegtig, &[Scope::See, Scope::Money], NOW).await;
    let a = ole_for_mette.acting_for.clone().unwrap();
    assert_eq!((a.citizen, a.citizen_name.as_str(), a.kind), (mette, "Jonas Borger", HelperKind::Fuldmaegtig));

    // Both are told, inside the portal (and by mail, if they chose it).
    let told = |who| async move { s.notifications(who).await.unwrap().iter().map(|n| n.kind.clone()).collect::<Vec<_>>() };
    assert!(told(mette).await.contains(&"helper_started".to_string()));
    assert!(told(ole).await.contains(&"helping_started".to_string()));

    // He sees her plan; the read is in her log, by him, as her fuldmægtig.
    let before = s.access_log(mette).await.unwrap().len();
    let plan = crate::features::plan::service::my_plan(s, &ole_for_mette, None, NOW + 1, Lang::Da).await.unwrap();
    assert!(plan.is_some(), "her plan");
    let log = s.access_log(mette).await.unwrap();
    assert_eq!(log.len(), before + 1);
    assert_eq!(
        (log[0].staff_id, log[0].capacity.as_deref(), log[0].purpose.as_str()),
        (ole, Some("fuldmaegtig"), Purpose::PlanSeen.as_str())
    );

    // He asks for money for her: the request is hers, and names him.
    let input = crate::features::budget::forms::SpendingInput::parse("250", "Bus til jobcentret", "").unwrap();
    let r = crate::features::budget::service::request(s, &ole_for_mette, input, "s-1", NOW + 2).await.unwrap();
    let req = s.spending_request(r).await.unwrap();
    assert_eq!(req.citizen_id, mette);
    let helper: Option<i64> = match s.pool() {
        Pool::Sqlite(p) => {
            sqlx::query_scalar("SELECT helper_id FROM spending_request WHERE id = $1").bind(r.0).fetch_one(&p).await.unwrap()
        }
        Pool::Postgres(p) => {
            sqlx::query_scalar("SELECT helper_id FROM spending_request WHERE id = $1").bind(r.0).fetch_one(&p).await.unwrap()
        }
    };
    assert_eq!(helper, Some(ole.0));

    // Not given: writing with her caseworker (and proposing goals), meetups.
    let p = proposal("Komme i praktik");
    assert!(matches!(crate::features::goals::service::propose(s, &ole_for_mette, p, "g-1", NOW + 3).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(access::participant(&ole_for_mette), Err(ServiceError::NotAllowed)));
    // Never what only she may do: her contact settings, her helpers.
    assert!(matches!(crate::features::notices::service::contact(s, &ole_for_mette).await, Err(ServiceError::NotAllowed)));
    let again = invite_input(HelperKind::Bisidder, &[Scope::See], 12);
    assert!(matches!(helpers::invite(s, &ole_for_mette, &again, "k-x", NOW + 4).await, Err(ServiceError::NotAllowed)), "no passing it on");
    assert!(helpers::overview(s, &ole_for_mette, NOW + 4).await.unwrap().mine.is_none());
    // Her data export, without her CPR number.
    let export = crate::features::my_data::service::export(s, &ole_for_mette, NOW + 5).await.unwrap();
    let text = export.to_string();
    assert!(text.contains("Jonas Borger") && !text.contains("011370-0001"), "her records, no CPR number");
    assert_eq!(s.access_log(mette).await.unwrap()[0].purpose, Purpose::RecordsSeen.as_str());
}

async fn the_plans_history_and_the_conversation_name_the_helper(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (mette, cw, ole) = mette_and_ole(st).await;
    let ole_for_mette = ole_helps(st, mette, ole, HelperKind::Fuldmaegtig, &[Scope::See, Scope::Write], NOW).await;
    crate::features::goals::service::propose(st, &ole_for_mette, proposal("Komme i praktik"), "g-1", NOW + 1).await.unwrap();
    let plan = crate::features::plan::service::my_plan(st, &signed_in(mette, true), None, NOW + 2, Lang::Da).await.unwrap().unwrap();
    let line = plan.history.iter().find(|h| h.kind == "goal_proposed").expect("in the history");
    assert_eq!(
        format!("{:?}", line.who),
        format!("{:?}", crate::features::plan::views::Who::Named("Ole Berg (fuldmægtig) for Jonas Borger".into()))
    );

    let body = crate::kernel::text::MessageBody::parse("Mette spørger, om mødet kan flyttes.").unwrap();
    crate::features::conversation::service::send(st, &ole_for_mette, body, vec![], "m-1", NOW + 3).await.unwrap();
    let thread = crate::features::conversation::service::staff_thread(st, &staff_user(cw), mette, true, NOW + 4, Lang::Da).await.unwrap();
    let m = thread.messages.last().unwrap();
    assert_eq!((m.sender.as_str(), m.own), ("Ole Berg for Jonas Borger", false), "the caseworker sees who wrote it, on the citizen's side");
    let hers =
        crate::features::conversation::service::my_thread(st, &signed_in(mette, true), true, NOW + 5, Lang::Da).await.unwrap().unwrap();
    assert!(hers.messages.last().unwrap().own, "on her side of her conversation");
}

async fn an_access_ends_by_itself_at_its_end_date(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (mette, _cw, ole) = mette_and_ole(s).await;
    let code = helpers::invite(s, &signed_in(mette, true), &invite_input(HelperKind::Bisidder, &[Scope::See], 1), "k", NOW).await.unwrap();
    let id = helpers::redeem(s, &signed_in(ole, true), &code, NOW, Lang::Da).await.unwrap();
    let r = s.representation(id).await.unwrap();
    let end = r.ends_at.unwrap();
    assert_eq!(end, crate::kernel::time::months_later(NOW, 1), "one calendar month");
    assert!(acting(s, ole, id, end - 1).await.is_some(), "the last moment");
    assert!(acting(s, ole, id, end).await.is_none(), "over at its end");
    assert!(s.helping(ole, end).await.unwrap().is_empty());
    assert_eq!(
        helpers::may_act_as(s, &signed_in(ole, true), id, end).await.map(|_| ()).map_err(|e| e.to_string()),
        Err("not allowed".into())
    );
}

async fn a_revoked_access_stops_at_the_helpers_next_request(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (mette, _cw, ole) = mette_and_ole(st).await;
    let ole_for_mette = ole_helps(st, mette, ole, HelperKind::Fuldmaegtig, &[Scope::See], NOW).await;
    let id = ole_for_mette.acting_for.as_ref().unwrap().representation;
    // Someone else cannot end it; Ole acting for her cannot either.
    let other = person(st, "Anden Borger", Some("030380-2222")).await;
    assert!(matches!(helpers::end(st, &signed_in(other, true), id, NOW + 1).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(helpers::end(st, &ole_for_mette, id, NOW + 1).await, Err(ServiceError::NotAllowed)));
    assert!(acting(st, ole, id, NOW + 1).await.is_some(), "still open");
    helpers::end(st, &signed_in(mette, true), id, NOW + 2).await.unwrap();
    // The session still says "acting for Mette": the next request finds nothing.
    assert!(acting(st, ole, id, NOW + 2).await.is_none());
    assert!(matches!(helpers::end(st, &signed_in(mette, true), id, NOW + 3).await, Err(ServiceError::Conflict)), "ended once");
    let r = st.representation(id).await.unwrap();
    assert_eq!((r.ended_at, r.ended_by), (Some(NOW + 2), Some(mette)));
    let kinds = st.notifications(ole).await.unwrap().into_iter().map(|n| n.kind).collect::<Vec<_>>();
    assert!(kinds.contains(&"helping_ended".to_string()), "he is told");
    assert!(st.notifications(mette).await.unwrap().iter().any(|n| n.kind == "helper_ended"), "she is told");
}

async fn a_code_is_used_once_under_ten_parallel_redemptions(s: Arc<dyn Store>) {
    let (mette, _cw, _ole) = mette_and_ole(s.as_ref()).await;
    let mut helpers_ids = Vec::new();
    for i in 0..10 {
        helpers_ids.push(person(s.as_ref(), &format!("Hjælper {i}"), Some(&format!("0404{:02}-{:04}", 80 + i, 3000 + i))).await);
    }
    let code = helpers::invite(s.as_ref(), &signed_in(mette, true), &invite_input(HelperKind::Bisidder, &[Scope::See], 12), "k", NOW)
        .await
        .unwrap();
    let ids = Arc::new(helpers_ids);
    let code = Arc::new(code);
    let results = at_once(&s, 10, |s, i| {
        let (ids, code) = (ids.clone(), code.clone());
        async move { helpers::redeem(s.as_ref(), &signed_in(ids[i], true), &code, NOW + 1, Lang::Da).await.map_err(|e| e.to_string()) }
    })
    .await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "one helper: {results:?}");
    let list = s.representations_of(mette).await.unwrap();
    assert_eq!(list.len(), 1);
    assert!(list[0].helper_id.is_some());
}

async fn ten_wrong_codes_at_once_get_no_more_than_five_tries(s: Arc<dyn Store>) {
    use crate::features::representation::rules::MAX_WRONG;
    let (mette, _cw, ole) = mette_and_ole(s.as_ref()).await;
    let results = at_once(&s, 10, |s, i| async move {
        problem(helpers::redeem(s.as_ref(), &signed_in(ole, true), &format!("{i:05}-00000-00000"), NOW, Lang::Da).await)
    })
    .await;
    let wrong = results.iter().filter(|p| **p == Problem::InvitationCode).count() as i64;
    let locked = results.iter().filter(|p| matches!(p, Problem::InvitationLocked(_))).count() as i64;
    assert_eq!(wrong + locked, 10, "{results:?}");
    assert!((1..=MAX_WRONG).contains(&wrong), "at most {MAX_WRONG} tries, however many come at once: {results:?}");
    // Only the wrong codes are kept: the count is what the next try sees.
    let (attempt, tries, _) = s.count_try(ole, NOW, NOW - 60_000).await.unwrap();
    s.forget_try(attempt).await.unwrap();
    assert_eq!(tries, wrong + 1);
    // Locked until the window has passed, for a right code too, and nothing changed.
    let code = helpers::invite(s.as_ref(), &signed_in(mette, true), &invite_input(HelperKind::Bisidder, &[Scope::See], 12), "k", NOW)
        .await
        .unwrap();
    for n in wrong..MAX_WRONG {
        let more = problem(helpers::redeem(s.as_ref(), &signed_in(ole, true), &format!("{n:05}-11111-11111"), NOW, Lang::Da).await);
        assert_eq!(more, Problem::InvitationCode, "the tries left after the burst");
    }
    let locked = problem(helpers::redeem(s.as_ref(), &signed_in(ole, true), &code, NOW + 1, Lang::Da).await);
    assert!(matches!(locked, Problem::InvitationLocked(_)), "{locked:?}");
    assert!(s.representations_of(mette).await.unwrap().iter().all(|r| r.helper_id.is_none()));
}

async fn wrong_used_own_and_caseworkers_codes_are_refused_and_five_wrong_lock(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (mette, cw, ole) = mette_and_ole(s).await;
    let me = signed_in(mette, true);
    let code = helpers::invite(s, &me, &invite_input(HelperKind::Fuldmaegtig, &[Scope::See], 12), "k-1", NOW).await.unwrap();
    // A double tap: one invitation, and the newest code is the one that works.
    let again = helpers::invite(s, &me, &invite_input(HelperKind::Fuldmaegtig, &[Scope::See], 12), "k-1", NOW).await.unwrap();
    assert_eq!(s.representations_of(mette).await.unwrap().len(), 1);
    assert_ne!(code, again);
    assert_eq!(
        problem(helpers::redeem(s, &signed_in(ole, true), &code, NOW + 1, Lang::Da).await),
        Problem::InvitationCode,
        "the first code is replaced"
    );
    assert_eq!(problem(helpers::redeem(s, &me, &again, NOW + 1, Lang::Da).await), Problem::OwnInvitation);
    assert_eq!(problem(helpers::redeem(s, &staff_user(cw), &again, NOW + 1, Lang::Da).await), Problem::CaseworkerAsHelper);
    // A staff person is not a citizen: they cannot invite.
    assert!(matches!(
        helpers::invite(s, &staff_user(cw), &invite_input(HelperKind::Bisidder, &[Scope::See], 12), "k", NOW).await,
        Err(ServiceError::NotAllowed)
    ));
    // Used after 7 days: too old.
    assert_eq!(problem(helpers::redeem(s, &signed_in(ole, true), &again, NOW + 7 * DAY + 1, Lang::Da).await), Problem::InvitationCode);
    // Five wrong codes (the two above count) lock for 15 minutes from the first.
    let ole_user = signed_in(ole, true);
    for typed in ["ABCDE-FGHJK-MNPQR", "not a code", "00000-00000-00000", "11111-11111-11111"] {
        assert_eq!(problem(helpers::redeem(s, &ole_user, typed, NOW + 7 * DAY + 2, Lang::Da).await), Problem::InvitationCode);
    }
    let fresh = helpers::invite(s, &me, &invite_input(HelperKind::Fuldmaegtig, &[Scope::See], 12), "k-2", NOW + 7 * DAY + 3).await.unwrap();
    let locked = problem(helpers::redeem(s, &ole_user, &fresh, NOW + 7 * DAY + 4, Lang::Da).await);
    assert!(matches!(locked, Problem::InvitationLocked(_)), "{locked:?}");
    assert!(s.representations_of(mette).await.unwrap().iter().all(|r| r.helper_id.is_none()), "nothing changed");
    // Five within 15 minutes: the lock ends 15 minutes after the first of them.
    let later = NOW + 7 * DAY + 2 + LOCK_MS + 1;
    helpers::redeem(s, &ole_user, &fresh.to_lowercase(), later, Lang::Da).await.unwrap();
    assert!(normalize(&fresh).is_some());
    let acting_ole = acting(s, ole, s.helping(ole, later).await.unwrap()[0].id, later).await.unwrap();
    assert_eq!(access::citizen_for(&acting_ole, Scope::See).unwrap().capacity, Capacity::Fuldmaegtig);
    // A second code from her while he helps her already: refused, and still usable by someone else.
    let second = helpers::invite(s, &me, &invite_input(HelperKind::Bisidder, &[Scope::See], 12), "k-3", later).await.unwrap();
    assert_eq!(problem(helpers::redeem(s, &ole_user, &second, later + 1, Lang::Da).await), Problem::AlreadyHelping);
    let other = person(s, "Tredje Person", Some("080880-8888")).await;
    helpers::redeem(s, &signed_in(other, true), &second, later + 2, Lang::Da).await.unwrap();
    // Acting for her, he cannot use a code at all.
    assert!(matches!(helpers::redeem(s, &acting_ole, &second, later + 3, Lang::Da).await, Err(ServiceError::NotAllowed)));
}

async fn both_are_told_once_14_days_before_the_end_and_at_the_end(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (mette, _cw, ole) = mette_and_ole(st).await;
    let code = helpers::invite(st, &signed_in(mette, true), &invite_input(HelperKind::Bisidder, &[Scope::See], 1), "k", NOW).await.unwrap();
    let id = helpers::redeem(st, &signed_in(ole, true), &code, NOW, Lang::Da).await.unwrap();
    let end = st.representation(id).await.unwrap().ends_at.unwrap();
    let kinds = |who| async move { st.notifications(who).await.unwrap().into_iter().map(|n| n.kind).collect::<Vec<_>>() };
    let count = |list: &[String], k: &str| list.iter().filter(|x| x.as_str() == k).count();
    assert_eq!(helpers::write_due_notices(st, end - 15 * DAY).await.unwrap(), 0, "not yet");
    // Two servers' rounds at the same moment: told once.
    let rounds = at_once(&s, 2, |s, _| async move { helpers::write_due_notices(s.as_ref(), end - 14 * DAY + 1).await.unwrap() }).await;
    assert_eq!(rounds.iter().sum::<usize>(), 1);
    assert_eq!(helpers::write_due_notices(st, end - DAY).await.unwrap(), 0, "once");
    assert_eq!(count(&kinds(mette).await, "helper_expiring"), 1);
    assert_eq!(count(&kinds(ole).await, "helping_expiring"), 1);
    assert_eq!(helpers::write_due_notices(st, end).await.unwrap(), 1, "at the end");
    assert_eq!(helpers::write_due_notices(st, end + DAY).await.unwrap(), 0);
    assert_eq!((count(&kinds(mette).await, "helper_ended"), count(&kinds(ole).await, "helping_ended")), (1, 1));
    // One ended by the citizen is told then, and not again at its date.
    let code =
        helpers::invite(st, &signed_in(mette, true), &invite_input(HelperKind::Bisidder, &[Scope::See], 1), "k2", end).await.unwrap();
    let second = helpers::redeem(st, &signed_in(ole, true), &code, end, Lang::Da).await.unwrap();
    helpers::end(st, &signed_in(mette, true), second, end + 1).await.unwrap();
    let second_end = st.representation(second).await.unwrap().ends_at.unwrap();
    assert_eq!(helpers::write_due_notices(st, second_end + 1).await.unwrap(), 0);
    assert_eq!(count(&kinds(ole).await, "helping_ended"), 2);
}

async fn a_caseworker_registers_a_paper_power_of_attorney_matched_at_the_helpers_first_login(s: Arc<dyn Store>) {
    use crate::features::representation::forms::PaperInput;
    let st = s.as_ref();
    let (mette, cw, _ole) = mette_and_ole(st).await;
    let ticks: Vec<(Scope, String)> =
        Scope::ALL.into_iter().map(|s| (s, if s == Scope::See { "ja".into() } else { String::new() })).collect();
    let input = PaperInput::parse("Grethe Holm", "050550-5555", "fuldmaegtig", &ticks, "6").unwrap();
    let paper = || vec![pdf_file("fuldmagt.pdf", b"%PDF-1.4 underskrevet")];
    // Only her caseworker (or stand-in); the signed paper is required; not her own CPR number.
    let other = person(st, "Anden Sagsbehandler", None).await;
    st.grant_role(other, crate::kernel::plan::Role::Caseworker, NOW).await.unwrap();
    let refused = helpers::register_paper(st, &staff_user(other), mette, &input, paper(), "p-0", NOW, Lang::Da).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)));
    assert!(matches!(
        helpers::register_paper(st, &signed_in(mette, true), mette, &input, paper(), "p-0", NOW, Lang::Da).await,
        Err(ServiceError::NotAllowed)
    ));
    assert_eq!(
        problem(helpers::register_paper(st, &staff_user(cw), mette, &input, vec![], "p-1", NOW, Lang::Da).await),
        Problem::PaperRequired
    );
    let own = PaperInput::parse("Jonas Borger", "011370-0001", "fuldmaegtig", &ticks, "6").unwrap();
    assert_eq!(problem(helpers::register_paper(st, &staff_user(cw), mette, &own, paper(), "p-2", NOW, Lang::Da).await), Problem::OwnCpr);
    let messages = st.messages(mette).await.unwrap().len();
    assert!(st.representations_of(mette).await.unwrap().is_empty(), "nothing half-written");

    // Registered: the paper is the caseworker's message in her conversation, with the file.
    let id = helpers::register_paper(st, &staff_user(cw), mette, &input, paper(), "p-3", NOW, Lang::Da).await.unwrap();
    let again = helpers::register_paper(st, &staff_user(cw), mette, &input, paper(), "p-3", NOW, Lang::Da).await.unwrap();
    assert_eq!(id, again, "a double tap registers once");
    let all = st.messages(mette).await.unwrap();
    assert_eq!(all.len(), messages + 1);
    let m = all.last().unwrap();
    assert_eq!(m.sender_id, cw);
    assert!(m.body.contains("Grethe Holm") && m.body.contains("fuldmægtig"), "{}", m.body);
    assert_eq!(st.attachments(mette, m.id).await.unwrap().len(), 1);
    let r = st.representation(id).await.unwrap();
    assert_eq!((r.helper_id, r.created_by, r.helper_name.as_deref()), (None, cw, Some("Grethe Holm")));
    assert!(r.paper_waiting(NOW + 1) && !r.active(NOW + 1));
    assert_eq!(r.ends_at, Some(crate::kernel::time::months_later(NOW, 6)));

    // Someone else logging in with MitID matches nothing; Grethe does, once.
    let someone = person(st, "Nogen Andre", Some("060660-6666")).await;
    assert_eq!(helpers::match_paper_at_login(st, someone, "060660-6666", NOW + 2).await.unwrap(), 0);
    let grethe = person(st, "Grethe Holm", Some("050550-5555")).await;
    assert_eq!(helpers::match_paper_at_login(st, grethe, "050550-5555", NOW + 3).await.unwrap(), 1);
    assert_eq!(helpers::match_paper_at_login(st, grethe, "0505505555", NOW + 4).await.unwrap(), 0, "once");
    let acting_grethe = acting(st, grethe, id, NOW + 5).await.expect("she helps Mette now");
    assert_eq!(access::citizen_for(&acting_grethe, Scope::See).unwrap().citizen, mette);
    assert!(st.notifications(grethe).await.unwrap().iter().any(|n| n.kind == "helping_started"));
    // The caseworker sees her on the plan, and ends it with a reason the citizen reads.
    let words = helpers::in_words(st, mette, NOW + 5, Lang::Da).await.unwrap();
    assert_eq!(
        words,
        vec!["Grethe Holm, fuldmægtig: se min plan, mine afgørelser, mit budget og alt, hvad der er registreret om mig".to_string()]
    );
    let reason = crate::kernel::Reason::parse("Fuldmagten er tilbagekaldt på papir.").unwrap();
    assert!(matches!(helpers::end_by_caseworker(st, &staff_user(other), mette, id, &reason, NOW + 6).await, Err(ServiceError::NotAllowed)));
    helpers::end_by_caseworker(st, &staff_user(cw), mette, id, &reason, NOW + 6).await.unwrap();
    assert!(acting(st, grethe, id, NOW + 7).await.is_none());
    assert_eq!(st.representation(id).await.unwrap().end_reason.as_deref(), Some("Fuldmagten er tilbagekaldt på papir."));
    assert!(matches!(helpers::end_by_caseworker(st, &staff_user(cw), mette, id, &reason, NOW + 8).await, Err(ServiceError::Conflict)));
}

async fn the_citizens_own_caseworker_is_never_matched_as_her_helper(s: Arc<dyn Store>) {
    use crate::features::representation::forms::PaperInput;
    let st = s.as_ref();
    let (mette, cw, _ole) = mette_and_ole(st).await;
    // A stand-in who is also a citizen (a CPR number) of the municipality.
    let standin = person(st, "Stedfortræder Med Cpr", Some("070770-7777")).await;
    st.grant_role(standin, crate::kernel::plan::Role::Caseworker, NOW).await.unwrap();
    st.assign_caseworker(mette, standin, AssignmentKind::Standin, NOW).await.unwrap();
    let ticks: Vec<(Scope, String)> = vec![(Scope::See, "ja".into())];
    let input = PaperInput::parse("Stedfortræder Med Cpr", "070770-7777", "bisidder", &ticks, "").unwrap();
    helpers::register_paper(st, &staff_user(cw), mette, &input, vec![pdf_file("f.pdf", b"%PDF-1.4")], "p", NOW, Lang::Da).await.unwrap();
    assert_eq!(helpers::match_paper_at_login(st, standin, "070770-7777", NOW + 1).await.unwrap(), 0);
}

on_both_backends!(
    a_caseworker_registers_a_paper_power_of_attorney_matched_at_the_helpers_first_login,
    the_citizens_own_caseworker_is_never_matched_as_her_helper,
    both_are_told_once_14_days_before_the_end_and_at_the_end,
    a_fuldmaegtig_acts_for_the_citizen_within_the_scopes_and_is_named,
    the_plans_history_and_the_conversation_name_the_helper,
    an_access_ends_by_itself_at_its_end_date,
    a_revoked_access_stops_at_the_helpers_next_request,
    a_code_is_used_once_under_ten_parallel_redemptions,
    wrong_used_own_and_caseworkers_codes_are_refused_and_five_wrong_lock,
    ten_wrong_codes_at_once_get_no_more_than_five_tries,
);
