//! Who may call which server function of the plan, over real HTTP: citizen
//! A (Mette), citizen B, A's caseworker, another caseworker, a host, and
//! someone not logged in, against A's goal. Only the allowed cells succeed;
//! no refused answer carries A's data, and refused calls change nothing.

use crate::common::*;
use app::features::access_log::server::MyAccessLog;
use app::features::budget::server::{
    CancelSpending, CitizenBudget, CorrectSpending, DecideSpending, EndBudget, GrantBudget, MyBudget, RequestSpending, ReviewSpending,
    SpendingForm, TopUpBudget,
};
use app::features::casework::server::{AddAppointment, AddNote, CancelAppointment, CitizenPlan, SaveActivity};
use app::features::goals::server::{AnswerSuggestion, ProposalForm, ProposeGoal, WithdrawGoal};
use app::features::inbox::server::{Caseload, DecideGoal, Inbox, ReviewGoal};
use app::features::my_caseworker::server::MyCaseworker;
use app::features::network::server::{GroupMembership, JoinMeetup, LeaveMeetup, NetworkMeetup};
use app::features::notifications::server::MyNotifications;
use app::features::plan::server::MyPlan;
use app::kernel::clock::Clock;
use app::kernel::ids::{GoalId, PersonId};
use app::kernel::plan::GoalStatus;
use app::ssr::db::AssignmentKind;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

/// A's goal title in every cell: unique, so finding it in a body is a leak.
const SECRET: &str = "Mettes fortrolige mål";

struct Actors {
    a: Browser,
    b: Browser,
    a_caseworker: Browser,
    other_caseworker: Browser,
    host: Browser,
    anonymous: Browser,
}

impl Actors {
    fn all(&mut self) -> [(&'static str, &mut Browser); 6] {
        [
            ("citizen A", &mut self.a),
            ("citizen B", &mut self.b),
            ("A's caseworker", &mut self.a_caseworker),
            ("another caseworker", &mut self.other_caseworker),
            ("host", &mut self.host),
            ("anonymous", &mut self.anonymous),
        ]
    }
}

/// Mette (A) and Camilla (B), Karin (Mette's caseworker), Jonas (not
/// hers), Bent (a host), and nobody.
async fn actors(app: &TestApp) -> (Actors, PersonId) {
    let mette = app.person("Mette").await;
    let karin = app.person("Karin").await;
    assert_eq!(
        app.store.current_caseworker(mette, AssignmentKind::Primary, app.clock.now_ms()).await.unwrap(),
        Some(karin),
        "Mette's caseworker in the demo data"
    );
    let actors = Actors {
        a: app.signed_in("Mette").await,
        b: app.signed_in("Camilla").await,
        a_caseworker: app.signed_in("Karin").await,
        other_caseworker: app.signed_in("Jonas").await,
        host: app.signed_in("Bent").await,
        anonymous: Browser::default(),
    };
    (actors, mette)
}

/// A fresh proposal in A's plan, as A makes it.
async fn fresh_goal(app: &TestApp, actors: &mut Actors, n: usize) -> GoalId {
    let title = format!("{SECRET} {n}");
    let (status, body) = app
        .call(
            &mut actors.a,
            ProposeGoal::PATH,
            &[("title", title.clone()), ("why", String::new()), ("first_step", String::new()), ("key", format!("cell-{n}"))],
        )
        .await;
    assert!(status.is_success(), "A proposes: {status} {body}");
    let mette = app.store.person_by_cpr(METTE_CPR).await.unwrap().unwrap().id;
    let plan = app.store.plan_of(mette).await.unwrap().unwrap();
    app.store.goals(plan).await.unwrap().into_iter().find(|g| g.title == title).expect("the new goal").id
}

fn refused(who: &str, what: &str, status: StatusCode, body: &str) {
    assert!(matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN), "{who} must be refused {what}, got {status}: {body}");
    assert!(!body.contains(SECRET) && !body.contains("Mette") && !body.contains("1001"), "{who}: refused {what} leaks A's data: {body}");
}

#[tokio::test]
async fn only_the_allowed_actors_can_call_each_plan_server_function() {
    let app = spawn_app().await;
    let (mut actors, mette) = actors(&app).await;
    let mut n = 0;
    let mut next = || {
        n += 1;
        n
    };

    // Acting on A's goal: withdraw and answer a suggestion (A only).
    for (endpoint, extra) in [(WithdrawGoal::PATH, vec![]), (AnswerSuggestion::PATH, vec![("answer", "accept".to_string())])] {
        let goal = fresh_goal(&app, &mut actors, next()).await;
        if endpoint == AnswerSuggestion::PATH {
            let (s, b) = app
                .call(
                    &mut actors.a_caseworker,
                    DecideGoal::PATH,
                    &[
                        ("goal", goal.0.to_string()),
                        ("answer", "adjust".into()),
                        ("wording", format!("{SECRET} justeret")),
                        ("reason", "Mere konkret".into()),
                    ],
                )
                .await;
            assert!(s.is_success(), "the caseworker suggests a wording: {s} {b}");
        }
        let before = app.store.goal(goal).await.unwrap();
        let mut form = vec![("goal", goal.0.to_string())];
        form.extend(extra.clone());
        for (who, browser) in actors.all().into_iter().skip(1) {
            let (status, body) = app.call(browser, endpoint, &form).await;
            refused(who, endpoint, status, &body);
            assert_eq!(app.store.goal(goal).await.unwrap(), before, "{who}'s refused {endpoint} changed the goal");
        }
        let (status, body) = app.call(&mut actors.a, endpoint, &form).await;
        assert!(status.is_success(), "A may {endpoint}: {status} {body}");
        assert_ne!(app.store.goal(goal).await.unwrap().status, before.status, "A's {endpoint} took effect");
    }

    // Opening and answering A's proposal: A's caseworker (and stand-in) only.
    let goal = fresh_goal(&app, &mut actors, next()).await;
    let log_before = app.store.access_log(mette).await.unwrap().len();
    let answer =
        [("goal", goal.0.to_string()), ("answer", "decline".to_string()), ("wording", String::new()), ("reason", "Ikke nu".to_string())];
    for (who, browser) in actors.all() {
        if who == "A's caseworker" {
            continue;
        }
        let (status, body) = app.call(browser, ReviewGoal::PATH, &[("goal", goal.0.to_string())]).await;
        refused(who, ReviewGoal::PATH, status, &body);
        let (status, body) = app.call(browser, DecideGoal::PATH, &answer).await;
        refused(who, DecideGoal::PATH, status, &body);
    }
    assert_eq!(app.store.access_log(mette).await.unwrap().len(), log_before, "refused reads are not reads");
    assert_eq!(app.store.goal(goal).await.unwrap().status, GoalStatus::Proposed);
    let (status, body) = app.call(&mut actors.a_caseworker, ReviewGoal::PATH, &[("goal", goal.0.to_string())]).await;
    assert!(status.is_success() && body.contains(SECRET), "A's caseworker opens it: {status} {body}");
    assert_eq!(app.store.access_log(mette).await.unwrap().len(), log_before + 1, "and the read is logged");
    let (status, body) = app.call(&mut actors.a_caseworker, DecideGoal::PATH, &answer).await;
    assert!(status.is_success(), "A's caseworker answers: {status} {body}");
    assert_eq!(app.store.goal(goal).await.unwrap().status, GoalStatus::Declined);
    let correction =
        [("goal", goal.0.to_string()), ("answer", "accept".to_string()), ("reason", String::new()), ("correction", "1".to_string())];
    for (who, browser) in actors.all() {
        if who != "A's caseworker" {
            let (status, body) = app.call(browser, DecideGoal::PATH, &correction).await;
            refused(who, "a correction", status, &body);
        }
    }
    assert_eq!(app.store.goal(goal).await.unwrap().status, GoalStatus::Declined, "refused corrections changed nothing");
    let (status, body) = app.call(&mut actors.a_caseworker, DecideGoal::PATH, &correction).await;
    assert!(status.is_success(), "A's caseworker corrects: {status} {body}");
    assert_eq!(app.store.goal(goal).await.unwrap().status, GoalStatus::Accepted);

    // Working on A's plan: A's caseworker only; refused calls change and log nothing.
    let a_plan = app.store.plan_of(mette).await.unwrap().unwrap();
    let activity = app.store.activities(a_plan).await.unwrap()[0].id;
    let appointment = app.store.appointments(a_plan).await.unwrap()[0].id;
    let citizen = mette.0.to_string();
    let calls: Vec<(&str, Vec<(&str, String)>)> = vec![
        (CitizenPlan::PATH, vec![("citizen", citizen.clone())]),
        (
            SaveActivity::PATH,
            vec![
                ("citizen", citizen.clone()),
                ("department", "job".into()),
                ("title", "Praktik".into()),
                ("responsible", "Jobcentret".into()),
                ("status", "planned".into()),
            ],
        ),
        (
            SaveActivity::PATH,
            vec![
                ("citizen", citizen.clone()),
                ("activity", activity.0.to_string()),
                ("department", "job".into()),
                ("title", "Praktik".into()),
                ("responsible", "Jobcentret".into()),
                ("status", "done".into()),
            ],
        ),
        (
            AddAppointment::PATH,
            vec![
                ("citizen", citizen.clone()),
                ("date", "2030-01-08".into()),
                ("time", "10:00".into()),
                ("duration", "30".into()),
                ("place", "Rådhuset".into()),
                ("address", "Torvet 1".into()),
                ("outreach", "no".into()),
                ("note", String::new()),
                ("key", "meeting".into()),
            ],
        ),
        (AddNote::PATH, vec![("citizen", citizen.clone()), ("note", "Godt møde".into()), ("key", "note".into())]),
        (CancelAppointment::PATH, vec![("citizen", citizen.clone()), ("appointment", appointment.0.to_string())]),
    ];
    let log_before = app.store.access_log(mette).await.unwrap().len();
    let history_before = app.store.history(a_plan).await.unwrap().len();
    for (endpoint, form) in &calls {
        for (who, browser) in actors.all() {
            if who == "A's caseworker" {
                continue;
            }
            let (status, body) = app.call(browser, endpoint, form).await;
            refused(who, endpoint, status, &body);
        }
    }
    assert_eq!(app.store.access_log(mette).await.unwrap().len(), log_before, "refused opens are not logged");
    assert_eq!(app.store.history(a_plan).await.unwrap().len(), history_before, "refused changes changed nothing");
    for (endpoint, form) in &calls {
        let (status, body) = app.call(&mut actors.a_caseworker, endpoint, form).await;
        assert!(status.is_success(), "A's caseworker may {endpoint}: {status} {body}");
    }
    assert_eq!(app.store.history(a_plan).await.unwrap().len(), history_before + 5, "each change is in the history");
    assert_eq!(app.store.access_log(mette).await.unwrap().len(), log_before + 1);

    // Lists: the inbox and the caseload are caseworkers' only, each their own.
    let open = fresh_goal(&app, &mut actors, next()).await;
    for endpoint in [Inbox::PATH, Caseload::PATH] {
        for (who, browser) in actors.all() {
            let (status, body) = app.call(browser, endpoint, &[]).await;
            match who {
                "A's caseworker" => assert!(status.is_success() && body.contains("Mette Hansen"), "{endpoint} for {who}: {status} {body}"),
                "another caseworker" => {
                    assert!(status.is_success(), "{endpoint} for {who}: {status}");
                    assert!(!body.contains("Mette") && !body.contains(SECRET), "{who} sees A in their {endpoint}: {body}");
                }
                _ => refused(who, endpoint, status, &body),
            }
        }
    }
    let (_, inbox) = app.call(&mut actors.a_caseworker, Inbox::PATH, &[]).await;
    let open_title = app.store.goal(open).await.unwrap().title;
    assert!(inbox.contains(&open_title), "the open proposal is in the inbox: {inbox}");

    // Proposing: a citizen into their own plan only; staff and hosts have none.
    let b_person = app.person("Camilla").await;
    let b_plan = app.store.plan_of(b_person).await.unwrap().unwrap();
    let a_goals = app.store.goals(a_plan).await.unwrap().len();
    for (who, browser) in actors.all() {
        let form =
            [("title", "Et nyt mål".to_string()), ("why", String::new()), ("first_step", String::new()), ("key", format!("p-{who}"))];
        let (status, body) = app.call(browser, ProposeGoal::PATH, &form).await;
        match who {
            "citizen A" | "citizen B" => assert!(status.is_success(), "{who} proposes in their own plan: {status} {body}"),
            _ => refused(who, ProposeGoal::PATH, status, &body),
        }
    }
    assert_eq!(app.store.goals(a_plan).await.unwrap().len(), a_goals + 1, "only A's own proposal landed in A's plan");
    assert!(app.store.goals(b_plan).await.unwrap().iter().any(|g| g.title == "Et nyt mål"), "B's landed in B's");

    // Self-scoped reads take no arguments: each sees only their own.
    for endpoint in [MyNotifications::PATH, ProposalForm::PATH, MyPlan::PATH, MyCaseworker::PATH, MyAccessLog::PATH, MyBudget::PATH] {
        for (who, browser) in actors.all() {
            let (status, body) = app.call(browser, endpoint, &[]).await;
            assert!(status.is_success(), "{endpoint} for {who}: {status} {body}");
            if who != "citizen A" {
                let a_data = [SECRET, "Komme i praktik i en børnehave", "Brugt cykel til at komme til praktik"];
                assert!(!a_data.iter().any(|d| body.contains(d)), "{who} sees A's data in {endpoint}: {body}");
            }
        }
    }
    let (_, mine) = app.call(&mut actors.a, MyNotifications::PATH, &[]).await;
    assert!(mine.contains("goal_answered"), "A was notified of the decision: {mine}");
}

#[tokio::test]
async fn only_the_allowed_actors_can_call_each_budget_server_function() {
    use app::ssr::db::RequestStatus;
    let app = spawn_app().await;
    let (mut actors, mette) = actors(&app).await;
    let store = app.store.clone();
    let budget = store.budgets_of(mette).await.unwrap().pop().expect("Mette has a demo budget");
    let money = |b: &app::ssr::db::Budget| (b.granted, b.reserved, b.spent, b.ended_at);
    let citizen = mette.0.to_string();

    // Asking for money: a citizen, from their own budget only.
    for (who, browser) in actors.all() {
        let form = [
            ("amount", "100".to_string()),
            ("purpose", format!("{SECRET} busbillet")),
            ("goal", "ingen".into()),
            ("key", format!("req-{who}")),
        ];
        let (status, body) = app.call(browser, RequestSpending::PATH, &form).await;
        match who {
            "citizen A" | "citizen B" => assert!(status.is_success(), "{who} asks from their own budget: {status} {body}"),
            _ => refused(who, RequestSpending::PATH, status, &body),
        }
    }
    let requests = store.spending_requests(budget.id).await.unwrap();
    let mine = requests.iter().filter(|r| r.purpose.starts_with(SECRET)).collect::<Vec<_>>();
    assert_eq!(mine.len(), 1, "only A's own request is in A's budget");
    let (asked, demo) = (mine[0].id, requests.iter().find(|r| r.purpose == "Brugt cykel til at komme til praktik").unwrap().id);

    // Withdrawing A's request: A only; refused calls change nothing.
    let before = money(&store.budget(budget.id).await.unwrap());
    for (who, browser) in actors.all().into_iter().skip(1) {
        let (status, body) = app.call(browser, CancelSpending::PATH, &[("request", asked.0.to_string())]).await;
        refused(who, CancelSpending::PATH, status, &body);
    }
    assert_eq!(money(&store.budget(budget.id).await.unwrap()), before, "refused withdrawals moved no money");
    let (status, body) = app.call(&mut actors.a, CancelSpending::PATH, &[("request", asked.0.to_string())]).await;
    assert!(status.is_success(), "A withdraws: {status} {body}");
    assert_eq!(store.spending_request(asked).await.unwrap().status, RequestStatus::Cancelled);

    // Opening and answering A's request: A's caseworker (and stand-in) only.
    let log_before = store.access_log(mette).await.unwrap().len();
    let answer = [
        ("request", demo.0.to_string()),
        ("answer", "lower".to_string()),
        ("amount", "1.000".into()),
        ("reason", "Prisen på en brugt cykel".into()),
    ];
    for (who, browser) in actors.all() {
        if who == "A's caseworker" {
            continue;
        }
        let (status, body) = app.call(browser, ReviewSpending::PATH, &[("request", demo.0.to_string())]).await;
        refused(who, ReviewSpending::PATH, status, &body);
        let (status, body) = app.call(browser, DecideSpending::PATH, &answer).await;
        refused(who, DecideSpending::PATH, status, &body);
    }
    assert_eq!(store.access_log(mette).await.unwrap().len(), log_before, "refused reads are not reads");
    assert_eq!(store.spending_request(demo).await.unwrap().status, RequestStatus::Pending);
    let (status, body) = app.call(&mut actors.a_caseworker, ReviewSpending::PATH, &[("request", demo.0.to_string())]).await;
    assert!(status.is_success() && body.contains("Brugt cykel"), "A's caseworker opens it: {status} {body}");
    assert_eq!(store.access_log(mette).await.unwrap().len(), log_before + 1, "and the read is logged");
    let (status, body) = app.call(&mut actors.a_caseworker, DecideSpending::PATH, &answer).await;
    assert!(status.is_success(), "A's caseworker answers: {status} {body}");
    let decided = store.spending_request(demo).await.unwrap();
    assert_eq!((decided.status, decided.approved.map(|a| a.ore())), (RequestStatus::Approved, Some(100_000)));

    // Correcting the lower amount upwards: A's caseworker only; refused
    // calls write no decision and move no money.
    let full = decided.amount.to_input();
    let correction = [("request", demo.0.to_string()), ("amount", full.clone()), ("reason", "Cyklen kostede det hele".into())];
    let (decisions_before, money_before) = (store.decisions_of(mette).await.unwrap().len(), money(&store.budget(budget.id).await.unwrap()));
    for (who, browser) in actors.all() {
        if who != "A's caseworker" {
            let (status, body) = app.call(browser, CorrectSpending::PATH, &correction).await;
            refused(who, CorrectSpending::PATH, status, &body);
        }
    }
    assert_eq!(store.decisions_of(mette).await.unwrap().len(), decisions_before, "refused corrections decided nothing");
    assert_eq!(money(&store.budget(budget.id).await.unwrap()), money_before, "and moved no money");
    let (status, body) = app.call(&mut actors.a_caseworker, CorrectSpending::PATH, &correction).await;
    assert!(status.is_success(), "A's caseworker corrects: {status} {body}");
    assert_eq!(store.spending_request(demo).await.unwrap().approved, Some(decided.amount));
    let (status, _) = app.call(&mut actors.a_caseworker, CorrectSpending::PATH, &correction).await;
    assert_eq!(status, StatusCode::CONFLICT, "approved in full: nothing left to correct");

    // Working on A's budget: A's caseworker only; refused calls change and log nothing.
    store.set_budget_cap(app::kernel::Amount::kroner(60_000).unwrap()).await.unwrap();
    let calls: Vec<(&str, Vec<(&str, String)>)> = vec![
        (CitizenBudget::PATH, vec![("citizen", citizen.clone())]),
        (TopUpBudget::PATH, vec![("citizen", citizen.clone()), ("amount", "500".into()), ("key", "top-up".into())]),
        (EndBudget::PATH, vec![("citizen", citizen.clone())]),
        (
            GrantBudget::PATH,
            vec![("citizen", citizen.clone()), ("amount", "2.000".into()), ("months", "12".into()), ("note", String::new())],
        ),
    ];
    let log_before = store.access_log(mette).await.unwrap().len();
    let before = money(&store.budget(budget.id).await.unwrap());
    for (endpoint, form) in &calls {
        for (who, browser) in actors.all() {
            if who != "A's caseworker" {
                let (status, body) = app.call(browser, endpoint, form).await;
                refused(who, endpoint, status, &body);
            }
        }
    }
    assert_eq!(store.access_log(mette).await.unwrap().len(), log_before, "refused opens are not logged");
    assert_eq!(money(&store.budget(budget.id).await.unwrap()), before, "refused changes moved no money");
    assert_eq!(store.budgets_of(mette).await.unwrap().len(), 1);
    for (endpoint, form) in &calls {
        let (status, body) = app.call(&mut actors.a_caseworker, endpoint, form).await;
        assert!(status.is_success(), "A's caseworker may {endpoint}: {status} {body}");
    }
    let budgets = store.budgets_of(mette).await.unwrap();
    assert_eq!(budgets.len(), 2, "ended, then a new one granted");
    assert!(budgets[0].ended_at.is_some() && budgets[1].ended_at.is_none());
    assert_eq!(budgets[1].granted.ore(), 200_000);

    // The request form is self-scoped: nobody sees another's figures in it.
    for (who, browser) in actors.all() {
        let (status, body) = app.call(browser, SpendingForm::PATH, &[]).await;
        assert!(status.is_success(), "spending_form for {who}: {status} {body}");
        assert!(!body.contains(SECRET), "{who}: {body}");
    }
    let (_, mine) = app.call(&mut actors.a, MyNotifications::PATH, &[]).await;
    assert!(mine.contains("spending_answered"), "A was notified of the answer: {mine}");
}

#[tokio::test]
async fn signing_up_for_a_meetup_needs_a_login_and_acts_on_ones_own_place_only() {
    let app = spawn_app().await;
    let (mut actors, mette) = actors(&app).await;
    let meetup = app.store.upcoming_meetups(Default::default(), 0, None, 1).await.unwrap()[0].id;
    let form = [("meetup", meetup.0.to_string())];
    let (status, body) = app.call(&mut actors.anonymous, JoinMeetup::PATH, &form).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, _) = app.call(&mut actors.anonymous, LeaveMeetup::PATH, &form).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.store.signups(meetup).await.unwrap(), vec![], "nothing written for nobody");
    let (status, body) = app.call(&mut actors.a, JoinMeetup::PATH, &form).await;
    assert!(status.is_success(), "{body}");
    // Another person's cancel acts on their own (absent) place: A keeps theirs.
    for (who, browser) in actors.all().into_iter().skip(1).take(4) {
        let (status, body) = app.call(browser, LeaveMeetup::PATH, &form).await;
        assert!(status.is_success(), "{who}: {body}");
    }
    assert_eq!(app.store.signups(meetup).await.unwrap().iter().map(|(p, _)| *p).collect::<Vec<_>>(), vec![mette]);
    // What the public page shows about the meetup names nobody who signed up.
    let (_, page) = app.call(&mut actors.b, NetworkMeetup::PATH, &form).await;
    assert!(!page.contains("Mette") && !page.contains("1001"), "{page}");

    // The calendar file is public like the page, and as plain.
    let res = app.get(&mut actors.anonymous, &format!("/netvaerk/moede/{}/kalender.ics", meetup.0)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/calendar; charset=utf-8");
    let ics = res.text().await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("\r\nBEGIN:VEVENT\r\n") && ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains(&format!("UID:meetup-{}@127.0.0.1", meetup.0)), "{ics}");
    assert!(!ics.contains("Mette"), "{ics}");
    assert_eq!(app.get(&mut actors.anonymous, "/netvaerk/moede/999999/kalender.ics").await.status(), StatusCode::NOT_FOUND);

    // Joining a group: logged in only, and each joins or leaves only themselves.
    let group = app.store.groups().await.unwrap()[0].id;
    let join = [("group", group.0.to_string()), ("join", "1".to_string())];
    let (status, _) = app.call(&mut actors.anonymous, GroupMembership::PATH, &join).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = app.call(&mut actors.a, GroupMembership::PATH, &join).await;
    assert!(status.is_success(), "{body}");
    let (status, _) = app.call(&mut actors.b, GroupMembership::PATH, &[("group", group.0.to_string())]).await;
    assert!(status.is_success());
    assert!(app.store.is_member(group, mette).await.unwrap(), "B's leaving does not take A out");
}

#[tokio::test]
async fn a_plain_form_sent_after_the_session_ended_goes_to_login_and_back() {
    let app = spawn_app().await;
    let mut nobody = Browser::default();
    let req = app.http.post(app.url(ProposeGoal::PATH)).header("accept", "text/html").form(&[
        ("title", "Et mål"),
        ("why", ""),
        ("first_step", ""),
        ("key", "k"),
    ]);
    let res = app.send(&mut nobody, req).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/log-ind?next=/min-plan/nyt-maal");

    // Signed in, a refused plain form goes back to the form, whose page shows
    // the message and what was typed; the URL carries none of it.
    let mut a = app.signed_in("Mette").await;
    let req = app.http.post(app.url(ProposeGoal::PATH)).header("accept", "text/html").form(&[
        ("title", "   "),
        ("why", "Fordi jeg vil"),
        ("first_step", ""),
        ("key", "k2"),
    ]);
    let res = app.send(&mut a, req).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/min-plan/nyt-maal");
    let page = app.get(&mut a, "/min-plan/nyt-maal").await.text().await.unwrap();
    assert!(page.contains("Skriv noget her."), "the message is on the page");
    assert!(page.contains("Fordi jeg vil"), "what was typed is kept");
    let again = app.get(&mut a, "/min-plan/nyt-maal").await.text().await.unwrap();
    assert!(!again.contains("Fordi jeg vil"), "shown once, then gone");
}
