//! The stand-in cover's stories, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::cover::forms::CoverInput;
use crate::features::cover::service as cover;
use crate::i18n::Lang;
use crate::kernel::clock::{Clock, ManualClock};
use crate::kernel::forms::Problem;
use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::kernel::time::{copenhagen_day_at, form_date_time};
use crate::ssr::access::{staff_for, Capacity};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;
use crate::ssr::service::ServiceError;

const HOUR: i64 = 3_600_000;

fn admin_user(id: PersonId) -> CurrentUser {
    CurrentUser { roles: vec![Role::Admin], ..signed_in(id, false) }
}

async fn caseworker(s: &dyn Store, name: &str) -> PersonId {
    let id = person(s, name, None).await;
    s.grant_role(id, Role::Caseworker, NOW).await.unwrap();
    id
}

/// The Copenhagen date `days` after NOW's, as a date input sends it.
fn day(days: i64) -> String {
    form_date_time(copenhagen_day_at(NOW, days, 12 * 60)).0
}

fn input(standin: PersonId, first: &str, last: &str) -> CoverInput {
    CoverInput::parse(&standin.0.to_string(), first, last).expect("valid cover")
}

fn problem<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> Problem {
    match r {
        Err(ServiceError::Invalid(e)) => e[0].problem.clone(),
        other => panic!("expected a refused field, got {other:?}"),
    }
}

async fn a_stand_in_acts_for_the_citizen_exactly_inside_the_cover_window(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let clock = ManualClock::at(NOW);
    let (c, karin) = citizen_with_plan(st).await;
    let jonas = caseworker(st, "Jonas Lund").await;
    crate::features::goals::service::propose(st, &signed_in(c, true), proposal("Komme i praktik"), "g1", NOW).await.unwrap();

    // Karin is away tomorrow and the day after: Jonas covers those two days.
    cover::set(st, &staff_user(karin), c, &input(jonas, &day(1), &day(2)), "k1", clock.now_ms()).await.unwrap();
    let (from_at, to_at) = (copenhagen_day_at(NOW, 1, 0), copenhagen_day_at(NOW, 3, 0));

    let acts = |at: i64| async move {
        let allowed = staff_for(st, &staff_user(jonas), c, at).await.map(|a| a.capacity).ok();
        let caseload = st.caseload(jonas, at).await.unwrap();
        let inbox = st.open_goals_for(jonas, None, 100, at).await.unwrap().len();
        (allowed, caseload, inbox)
    };
    let outside = (None, vec![], 0);
    let inside = (Some(Capacity::Standin), vec![c], 1);
    assert_eq!(acts(clock.now_ms()).await, outside, "before the window: refused, in neither caseload nor inbox");
    clock.set_ms(from_at - 1);
    assert_eq!(acts(clock.now_ms()).await, outside, "a millisecond before");
    clock.set_ms(from_at);
    assert_eq!(acts(clock.now_ms()).await, inside, "from the first moment of the first day");
    clock.set_ms(to_at - 1);
    assert_eq!(acts(clock.now_ms()).await, inside, "to the last moment of the last day");
    clock.set_ms(to_at);
    assert_eq!(acts(clock.now_ms()).await, outside, "and not after");
    assert_eq!(staff_for(st, &staff_user(karin), c, to_at).await.unwrap().capacity, Capacity::Caseworker, "Karin throughout");

    // The citizen sees who covers, and until when; before it begins, from when.
    let (covering, said) = cover::for_citizen(st, c, from_at, Lang::Da).await.unwrap();
    assert_eq!(covering, Some(jonas));
    assert_eq!(said.unwrap(), format!("Dækker til og med {}.", crate::kernel::time::date(to_at - 1, Lang::Da)));
    let (covering, said) = cover::for_citizen(st, c, NOW, Lang::En).await.unwrap();
    assert_eq!(covering, None, "not covering yet");
    assert!(said.unwrap().starts_with("Jonas Lund will stand in from "));
    assert_eq!(cover::for_citizen(st, c, to_at, Lang::Da).await.unwrap(), (None, None), "over");

    let audit = s.audit_page(None, 10).await.unwrap();
    assert_eq!((audit[0].action.as_str(), audit[0].actor_id, audit[0].person_id), ("cover_set", Some(karin.0), Some(c.0)));
    assert_eq!(audit[0].after, format!("Jonas Lund ({} – {})", day(1), day(2)));
}

async fn a_new_cover_replaces_the_one_there_was_and_a_double_tap_sets_one(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (c, karin) = citizen_with_plan(st).await;
    let (jonas, amira, per) = (caseworker(st, "Jonas Lund").await, caseworker(st, "Amira Hassan").await, caseworker(st, "Per Vikar").await);
    let acts = |who: PersonId, at: i64| async move { staff_for(st, &staff_user(who), c, at).await.is_ok() };

    cover::from_command_line(st, c, jonas, NOW).await.unwrap();
    assert!(acts(jonas, NOW + 365 * DAY).await, "until further notice runs on");

    // From today, until further notice: Amira from this moment, Jonas's cover ends now.
    let first = cover::set(st, &staff_user(karin), c, &input(amira, &day(0), ""), "tap", NOW + HOUR).await.unwrap();
    let again = cover::set(st, &staff_user(karin), c, &input(amira, &day(0), ""), "tap", NOW + HOUR + 1).await.unwrap();
    assert_eq!(first, again, "a double tap sets one cover");
    assert!(!acts(jonas, NOW + HOUR).await && acts(jonas, NOW + HOUR - 1).await, "Jonas covered until Amira began");
    assert!(acts(amira, NOW + HOUR).await && acts(amira, NOW + 100 * DAY).await);
    assert_eq!(s.cover(c, NOW + HOUR).await.unwrap().map(|c| (c.staff_id, c.from_at, c.to_at)), Some((amira.0, NOW + HOUR, None)));

    // A cover to begin later ends Amira's now; a second one replaces it before it begins.
    cover::set(st, &staff_user(karin), c, &input(jonas, &day(5), &day(6)), "k2", NOW + 2 * HOUR).await.unwrap();
    assert!(!acts(amira, NOW + 2 * HOUR).await);
    cover::set(st, &staff_user(karin), c, &input(per, &day(5), ""), "k3", NOW + 3 * HOUR).await.unwrap();
    let in_five_days = copenhagen_day_at(NOW, 5, 12 * 60);
    assert!(!acts(jonas, in_five_days).await, "the replaced cover never begins");
    assert!(acts(per, in_five_days).await);

    // Ended: nobody covers, and the audit log says so.
    assert!(cover::end(st, &staff_user(karin), c, NOW + 4 * HOUR).await.unwrap());
    assert!(!acts(per, in_five_days).await);
    assert_eq!(s.cover(c, NOW + 4 * HOUR).await.unwrap(), None);
    assert!(!cover::end(st, &staff_user(karin), c, NOW + 5 * HOUR).await.unwrap(), "nothing left to end");
    let audit = s.audit_page(None, 10).await.unwrap();
    let actions: Vec<_> = audit.iter().map(|a| (a.action.as_str(), a.actor_id)).collect();
    assert_eq!(
        actions,
        vec![
            ("cover_ended", Some(karin.0)),
            ("cover_set", Some(karin.0)),
            ("cover_set", Some(karin.0)),
            ("cover_set", Some(karin.0)),
            ("cover_set", None)
        ],
        "newest first; the double tap wrote one line, the command line is named by none"
    );
    assert_eq!(audit[1].before, format!("Jonas Lund ({} – {})", day(5), day(6)), "before → after");
    assert_eq!(audit[1].after, format!("Per Vikar ({} – …)", day(5)));
}

async fn only_an_admin_or_the_citizens_own_caseworker_sets_a_cover_and_a_refusal_changes_nothing(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (c, karin) = citizen_with_plan(st).await;
    let jonas = caseworker(st, "Jonas Lund").await;
    let other_cw = caseworker(st, "Anden Sagsbehandler").await;
    let other_citizen = person(st, "Anden Borger", Some("020202-2222")).await;
    let host = person(st, "Vært", None).await;
    s.grant_role(host, Role::Host, NOW).await.unwrap();
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    cover::from_command_line(st, c, jonas, NOW).await.unwrap();
    let before = s.cover(c, NOW + 1).await.unwrap();

    let refused = [
        ("the citizen", signed_in(c, true)),
        ("another citizen", signed_in(other_citizen, true)),
        ("the stand-in", staff_user(jonas)),
        ("another caseworker", staff_user(other_cw)),
        ("a host", CurrentUser { roles: vec![Role::Host], ..signed_in(host, false) }),
    ];
    for (who, user) in &refused {
        assert!(matches!(cover::page(st, user, c, NOW + 1).await, Err(ServiceError::NotAllowed)), "{who} may not open the page");
        let r = cover::set(st, user, c, &input(other_cw, &day(1), ""), "k", NOW + 1).await;
        assert!(matches!(r, Err(ServiceError::NotAllowed)), "{who} may not set a cover");
        assert!(matches!(cover::end(st, user, c, NOW + 1).await, Err(ServiceError::NotAllowed)), "{who} may not end it");
    }
    assert_eq!(s.cover(c, NOW + 1).await.unwrap(), before, "nothing changed");

    // By the field: not a caseworker, the caseworker themselves, a day past.
    assert_eq!(problem(cover::set(st, &staff_user(karin), c, &input(host, &day(1), ""), "k1", NOW + 1).await), Problem::ChooseColleague);
    assert_eq!(problem(cover::set(st, &staff_user(karin), c, &input(karin, &day(1), ""), "k2", NOW + 1).await), Problem::ChooseColleague);
    assert_eq!(problem(cover::set(st, &staff_user(karin), c, &input(other_cw, &day(-1), ""), "k3", NOW + 1).await), Problem::DateInPast);
    assert_eq!(s.cover(c, NOW + 1).await.unwrap(), before, "nothing changed");

    // The admin may, for anyone; the page shows the caseworker and the cover.
    let shown = cover::page(st, &admin_user(ulla), c, NOW + 2).await.unwrap();
    assert_eq!((shown.acting.capacity, shown.primary.as_deref()), (Capacity::Admin, Some("Karin Sagsbehandler")));
    assert_eq!(shown.cover.map(|c| c.staff_name), Some("Jonas Lund".to_string()));
    assert!(shown.colleagues.iter().all(|col| col.id != karin.0), "not the caseworker herself");
    cover::set(st, &admin_user(ulla), c, &input(other_cw, &day(0), ""), "a1", NOW + 3).await.unwrap();
    assert!(staff_for(st, &staff_user(other_cw), c, NOW + 3).await.is_ok());
    assert!(staff_for(st, &staff_user(jonas), c, NOW + 3).await.is_err());
}

async fn of_covers_set_at_once_for_one_citizen_exactly_one_stands(s: Arc<dyn Store>) {
    let (c, karin) = citizen_with_plan(s.as_ref()).await;
    let mut colleagues = Vec::new();
    for i in 0..6 {
        colleagues.push(caseworker(s.as_ref(), &format!("Kollega {i}")).await);
    }
    let all = colleagues.clone();
    let set = at_once(&s, 6, move |s, i| {
        let standin = all[i];
        async move { cover::set(s.as_ref(), &staff_user(karin), c, &input(standin, &day(1), ""), &format!("k{i}"), NOW).await }
    })
    .await;
    assert!(set.iter().all(|r| r.is_ok()), "each is set in turn: {set:?}");
    let mut covering = 0;
    for who in colleagues {
        covering += usize::from(staff_for(s.as_ref(), &staff_user(who), c, NOW + 2 * DAY).await.is_ok());
    }
    assert_eq!(covering, 1, "one stand-in, not six");
}

on_both_backends!(
    a_stand_in_acts_for_the_citizen_exactly_inside_the_cover_window,
    a_new_cover_replaces_the_one_there_was_and_a_double_tap_sets_one,
    only_an_admin_or_the_citizens_own_caseworker_sets_a_cover_and_a_refusal_changes_nothing,
    of_covers_set_at_once_for_one_citizen_exactly_one_stands,
);
