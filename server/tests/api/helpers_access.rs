//! Helpers over HTTP: a matrix of each scope (and none, expired, revoked,
//! another citizen's helper) × every citizen-side server function and
//! download. A call is allowed exactly where the scope says; a refused call
//! changes nothing and carries none of Mette's data.

use crate::common::*;
use app::kernel::clock::Clock;
use app::kernel::representation::Scope;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

/// What a call needs of the helper's access.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Needs {
    Scope(Scope),
    /// To see or to write (the conversation).
    SeeOrWrite,
    /// Only the citizen herself (her settings, her helpers, her name in groups).
    Herself,
}

/// The helper's situation on the call.
#[derive(Clone, Debug)]
enum State {
    /// Logged in as himself, acting for nobody.
    Himself,
    /// Acting for Mette with exactly these scopes (a fuldmægtig).
    Acting(Vec<Scope>),
    /// Acting for Camilla with every scope.
    OtherCitizens,
    /// Acting for Mette, whose access then expired.
    Expired,
    /// Acting for Mette, who then ended the access.
    Revoked,
}

impl State {
    fn allows(&self, needs: Needs) -> bool {
        match (self, needs) {
            (State::Acting(scopes), Needs::Scope(s)) => scopes.contains(&s),
            (State::Acting(scopes), Needs::SeeOrWrite) => scopes.contains(&Scope::See) || scopes.contains(&Scope::Write),
            _ => false,
        }
    }
}

/// Mette's things, to find in answers and to count: `private` are hers
/// alone (never in another citizen's answers); `shown` adds what her pages
/// show that is not only hers (her caseworker's name, her budget's words).
struct Mette {
    id: app::kernel::ids::PersonId,
    private: Vec<String>,
    shown: Vec<String>,
}

async fn counts(app: &TestApp, mette: app::kernel::ids::PersonId) -> Vec<i64> {
    use app::ssr::db::Pool;
    let queries = [
        "SELECT COUNT(*) FROM goal WHERE plan_id IN (SELECT id FROM plan WHERE citizen_id = $1)",
        "SELECT COUNT(*) FROM message WHERE citizen_id = $1",
        "SELECT COUNT(*) FROM spending_request WHERE citizen_id = $1",
        "SELECT COUNT(*) FROM complaint WHERE citizen_id = $1",
        "SELECT COUNT(*) FROM meetup_signup WHERE person_id = $1 AND status <> 'cancelled'",
        "SELECT COUNT(*) FROM group_member WHERE person_id = $1",
        "SELECT COUNT(*) FROM representation WHERE citizen_id = $1",
        "SELECT COUNT(*) FROM person WHERE id = $1 AND display_name IS NOT NULL",
        "SELECT COUNT(*) FROM contact WHERE person_id = $1 AND pending_email IS NOT NULL",
        "SELECT COUNT(*) FROM contact WHERE person_id = $1 AND (pending_phone IS NOT NULL OR sms_muted <> '')",
    ];
    let mut out = Vec::new();
    for q in queries {
        let n: i64 = match app.store.pool() {
            Pool::Sqlite(p) => sqlx::query_scalar(q).bind(mette.0).fetch_one(&p).await.unwrap(),
            Pool::Postgres(p) => sqlx::query_scalar(q).bind(mette.0).fetch_one(&p).await.unwrap(),
        };
        out.push(n);
    }
    out
}

async fn set_ends_at(app: &TestApp, citizen: app::kernel::ids::PersonId, at: i64) {
    use app::ssr::db::Pool;
    let q = "UPDATE representation SET ends_at = $1 WHERE citizen_id = $2 AND helper_id IS NOT NULL";
    match app.store.pool() {
        Pool::Sqlite(p) => sqlx::query(q).bind(at).bind(citizen.0).execute(&p).await.map(|_| ()).unwrap(),
        Pool::Postgres(p) => sqlx::query(q).bind(at).bind(citizen.0).execute(&p).await.map(|_| ()).unwrap(),
    }
}

/// `citizen` invites with `scopes`; the code, as the server function answers a script.
async fn invite(app: &TestApp, citizen: &mut Browser, scopes: &[Scope], key: &str) -> String {
    let mut form = vec![("key", key.to_string()), ("kind", "fuldmaegtig".to_string()), ("months", "12".to_string())];
    form.extend(scopes.iter().map(|s| (s.as_str(), "ja".to_string())));
    let (status, body) = app.call(citizen, app::features::representation::server::InviteHelper::PATH, &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// A new helper (a citizen by CPR, no plan) who redeemed `code`: acting from the next call.
async fn helper_with(app: &TestApp, cpr: &str, code: &str) -> Browser {
    let mut b = Browser::default();
    app.login(&mut b, &format!("cpr:{cpr}")).await;
    let (status, body) = app.call(&mut b, app::features::representation::server::RedeemCode::PATH, &[("code", code.to_string())]).await;
    assert_eq!(status, StatusCode::OK, "redeem: {body}");
    b
}

#[tokio::test]
async fn every_citizen_side_call_is_allowed_exactly_within_the_helpers_scope() {
    use app::features::{access_log::server as access_log, my_data::server as my_data, network::server as network};
    use app::features::{budget::server as budget, complaints::server as complaints, conversation::server as conversation};
    use app::features::{decisions::server as decisions, goals::server as goals, my_caseworker::server as my_caseworker};
    use app::features::{notices::server as notices, plan::server as plan, representation::server as helpers};
    let app = spawn_app().await;
    let st = app.store.as_ref();
    let mette_id = app.person("Mette").await;
    let plan_id = st.plan_of(mette_id).await.unwrap().unwrap();
    let goals_of_mette = st.goals(plan_id).await.unwrap();
    let caseworker = st.current_caseworker(mette_id, app::ssr::db::AssignmentKind::Primary, app.clock.now_ms()).await.unwrap().unwrap();
    let first_message = st.messages(mette_id).await.unwrap()[0].body.clone();
    let mut private: Vec<String> =
        vec!["Mette Hansen".into(), first_message.chars().take(30).collect(), app::ssr::demo::citizen_cpr("Mette").unwrap().into()];
    private.extend(goals_of_mette.iter().map(|g| g.title.clone()));
    let budget = st.budgets_of(mette_id).await.unwrap().pop().unwrap();
    let mut shown = private.clone();
    shown.push(st.person(caseworker).await.unwrap().full_name);
    shown.extend(st.spending_requests(budget.id).await.unwrap().into_iter().map(|r| r.purpose));
    let mette = Mette { id: mette_id, private, shown };
    let declined = st.decisions_of(mette_id).await.unwrap().into_iter().find(|d| d.outcome == "declined").unwrap().id.0;
    let meetup = st.upcoming_meetups(Default::default(), 0, None, 1).await.unwrap()[0].id.0;
    let group = st.groups().await.unwrap()[0].id.0;
    let attachment = {
        use app::ssr::db::Pool;
        let q = "SELECT id FROM attachment WHERE citizen_id = $1 ORDER BY id LIMIT 1";
        match st.pool() {
            Pool::Sqlite(p) => sqlx::query_scalar::<_, i64>(q).bind(mette_id.0).fetch_one(&p).await.unwrap(),
            Pool::Postgres(p) => sqlx::query_scalar::<_, i64>(q).bind(mette_id.0).fetch_one(&p).await.unwrap(),
        }
    };
    let mut mette_browser = app.signed_in("Mette").await;
    let mut camilla = app.signed_in("Camilla").await;

    // (name, needs, what the call is, whether it writes)
    type Call = (&'static str, Needs, &'static str, Vec<(&'static str, String)>, bool);
    let key = |k: &str| ("key", k.to_string());
    let calls = |n: usize| -> Vec<Call> {
        let k = |what: &str| key(&format!("{what}-{n}"));
        vec![
            ("my_plan", Needs::Scope(Scope::See), plan::MyPlan::PATH, vec![], false),
            ("my_budget", Needs::Scope(Scope::See), budget::MyBudget::PATH, vec![], false),
            ("my_decisions", Needs::Scope(Scope::See), decisions::MyDecisions::PATH, vec![], false),
            ("my_caseworker", Needs::Scope(Scope::See), my_caseworker::MyCaseworker::PATH, vec![], false),
            ("my_access_log", Needs::Scope(Scope::See), access_log::MyAccessLog::PATH, vec![], false),
            ("my_data_records", Needs::Scope(Scope::See), my_data::MyDataRecords::PATH, vec![], false),
            (
                "complaint_about",
                Needs::Scope(Scope::See),
                complaints::ComplaintAbout::PATH,
                vec![("decision", declined.to_string())],
                false,
            ),
            ("my_conversation", Needs::SeeOrWrite, conversation::MyConversation::PATH, vec![], false),
            ("conversation_updates", Needs::SeeOrWrite, conversation::ConversationUpdates::PATH, vec![("after", "0".into())], false),
            ("proposal_form", Needs::Scope(Scope::Write), goals::ProposalForm::PATH, vec![], false),
            (
                "propose_goal",
                Needs::Scope(Scope::Write),
                goals::ProposeGoal::PATH,
                vec![("title", "Lære at cykle".into()), ("why", String::new()), ("first_step", String::new()), k("goal")],
                true,
            ),
            (
                "send_message",
                Needs::Scope(Scope::Write),
                conversation::SendMessage::PATH,
                vec![("body", "Hej fra hjælperen".into()), k("message")],
                true,
            ),
            ("spending_form", Needs::Scope(Scope::Money), budget::SpendingForm::PATH, vec![], false),
            (
                "request_spending",
                Needs::Scope(Scope::Money),
                budget::RequestSpending::PATH,
                vec![("amount", "100".into()), ("purpose", "Buskort".into()), ("goal", String::new()), k("spend")],
                true,
            ),
            (
                "complain",
                Needs::Scope(Scope::Money),
                complaints::Complain::PATH,
                vec![("decision", declined.to_string()), ("reasons", "Jeg er uenig.".into()), k("complaint")],
                true,
            ),
            ("my_network", Needs::Scope(Scope::Meetups), network::MyNetwork::PATH, vec![], false),
            ("join_meetup", Needs::Scope(Scope::Meetups), network::JoinMeetup::PATH, vec![("meetup", meetup.to_string())], true),
            (
                "group_membership",
                Needs::Scope(Scope::Meetups),
                network::GroupMembership::PATH,
                vec![("group", group.to_string()), ("join", "1".into())],
                true,
            ),
            ("set_display_name", Needs::Herself, network::SetDisplayName::PATH, vec![("display_name", "Hjælperen".into())], true),
            ("notice_settings", Needs::Herself, notices::NoticeSettings::PATH, vec![], false),
            ("start_email", Needs::Herself, notices::StartEmail::PATH, vec![("email", "ole@example.dk".into())], true),
            ("start_phone", Needs::Herself, notices::StartPhone::PATH, vec![("phone", "20304050".into())], true),
            ("confirm_phone", Needs::Herself, notices::ConfirmPhone::PATH, vec![("sms_code", "123456".into())], true),
            ("cancel_phone", Needs::Herself, notices::CancelPhone::PATH, vec![], true),
            ("remove_phone", Needs::Herself, notices::RemovePhone::PATH, vec![], true),
            ("save_topics", Needs::Herself, notices::SaveTopics::PATH, vec![("beskeder", "ja".into())], true),
            (
                "invite_helper",
                Needs::Herself,
                helpers::InviteHelper::PATH,
                vec![k("invite"), ("kind", "bisidder".into()), ("see", "ja".into())],
                true,
            ),
        ]
    };
    let multipart = ["send_message", "complain"];

    let states = [
        State::Himself,
        State::Acting(vec![Scope::See]),
        State::Acting(vec![Scope::Write]),
        State::Acting(vec![Scope::Money]),
        State::Acting(vec![Scope::Meetups]),
        State::OtherCitizens,
        State::Expired,
        State::Revoked,
    ];
    for (n, state) in states.iter().enumerate() {
        let cpr = format!("1613{:02}-{:04}", 60 + n, 3000 + n);
        let mut ole = match state {
            State::Himself => {
                let mut b = Browser::default();
                app.login(&mut b, &format!("cpr:{cpr}")).await;
                b
            }
            State::Acting(scopes) => {
                let code = invite(&app, &mut mette_browser, scopes, &format!("inv-{n}")).await;
                helper_with(&app, &cpr, &code).await
            }
            State::OtherCitizens => {
                let code = invite(&app, &mut camilla, &Scope::ALL, &format!("inv-{n}")).await;
                helper_with(&app, &cpr, &code).await
            }
            State::Expired | State::Revoked => {
                let code = invite(&app, &mut mette_browser, &Scope::ALL, &format!("inv-{n}")).await;
                let b = helper_with(&app, &cpr, &code).await;
                let helper = st.person_by_cpr(&cpr).await.unwrap().unwrap().id;
                let id = st.representations_of(mette_id).await.unwrap().into_iter().find(|r| r.helper_id == Some(helper)).unwrap().id;
                if matches!(state, State::Expired) {
                    set_ends_at(&app, mette_id, 1).await;
                } else {
                    let (status, body) =
                        app.call(&mut mette_browser, helpers::EndHelper::PATH, &[("representation", id.0.to_string())]).await;
                    assert_eq!(status, StatusCode::OK, "Mette ends it: {body}");
                }
                b
            }
        };
        for (name, needs, path, form, writes) in calls(n) {
            let before = counts(&app, mette.id).await;
            let (status, body) = if multipart.contains(&name) {
                app.call_multipart(&mut ole, path, &form).await
            } else {
                app.call(&mut ole, path, &form).await
            };
            let after = counts(&app, mette.id).await;
            let allowed = state.allows(needs);
            assert!(!body.contains(app::ssr::demo::citizen_cpr("Mette").unwrap()), "{state:?} × {name}: never her CPR number");
            let label = format!("{state:?} × {name}: {status} {}", body.chars().take(200).collect::<String>());
            if matches!(state, State::Expired | State::Revoked) && name == "my_plan" {
                // The first request after the end; the session then forgets
                // the access, and he is himself (with none of her data).
                assert_eq!(status, StatusCode::SEE_OTHER, "{label}: the ended access sends him to \"adgangen er ophørt\"");
            }
            if allowed {
                assert!(status.is_success(), "{label}");
                if writes {
                    assert_ne!(before, after, "{label}: it was done, for Mette");
                } else if name != "my_network" && name != "conversation_updates" && name != "spending_form" && name != "proposal_form" {
                    assert!(mette.shown.iter().any(|m| body.contains(m.as_str())), "{label}: Mette's data");
                }
            } else {
                assert_eq!(before, after, "{label}: nothing of Mette's changed");
                for m in &mette.private {
                    assert!(!body.contains(m.as_str()), "{label}: carries none of Mette's data ({m})");
                }
            }
        }
        // The downloads: her data export and her attached letter.
        let export = app.get(&mut ole, "/mine-oplysninger.json").await;
        let export_status = export.status();
        let export_body = export.text().await.unwrap();
        let file = app.get(&mut ole, &app::routes::attachment(attachment)).await;
        let file_status = file.status();
        let sees = state.allows(Needs::Scope(Scope::See));
        assert_eq!(export_body.contains("Mette Hansen"), sees, "{state:?}: the data export ({export_status})");
        assert!(!export_body.contains(app::ssr::demo::citizen_cpr("Mette").unwrap()), "{state:?}: never her CPR number");
        assert_eq!(file_status == StatusCode::OK, state.allows(Needs::SeeOrWrite), "{state:?}: her attached letter ({file_status})");
    }
}

#[tokio::test]
async fn a_revoked_helpers_next_click_lands_on_the_access_has_ended() {
    let app = spawn_app().await;
    let mut mette = app.signed_in("Mette").await;
    let code = invite(&app, &mut mette, &[Scope::See], "inv").await;
    let mut ole = helper_with(&app, app::ssr::demo::citizen_cpr("Ole").unwrap(), &code).await;
    let page = app.get(&mut ole, "/min-plan").await.text().await.unwrap();
    assert!(page.contains("Du handler for Mette Hansen"), "the banner on every page");
    assert!(!page.contains(app::ssr::demo::citizen_cpr("Mette").unwrap()));
    let id = app.store.representations_of(app.person("Mette").await).await.unwrap()[0].id;
    let (status, _) =
        app.call(&mut mette, app::features::representation::server::EndHelper::PATH, &[("representation", id.0.to_string())]).await;
    assert_eq!(status, StatusCode::OK);
    let res = app.get(&mut ole, "/min-plan").await;
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/fuldmagt/ophoert".to_string()));
    let page = app.get(&mut ole, "/fuldmagt/ophoert").await.text().await.unwrap();
    assert!(page.contains("Adgangen er ophørt"));
    let page = app.get(&mut ole, "/min-plan").await.text().await.unwrap();
    assert!(!page.contains("Du handler for") && !page.contains("Komme i praktik i en børnehave"), "himself again, with no plan");
    // He cannot switch back to it either.
    let (status, _) = app.call(&mut ole, app::features::representation::server::ActAs::PATH, &[("representation", id.0.to_string())]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// The caseworker's side over HTTP: every kind of caller against the
/// helpers page, the paper power of attorney and ending an access with a
/// reason; then the helper's first login with MitID matches the paper.
#[tokio::test]
async fn only_her_caseworker_or_stand_in_sees_her_helpers_and_registers_a_paper_matched_at_login() {
    use app::features::representation::staff_server::{CitizenHelpers, EndHelperByCaseworker, RegisterPaper};
    let app = spawn_app().await;
    let lars = app.person("Lars").await;
    let rows = |app: &TestApp| {
        let store = app.store.clone();
        async move { store.representations_of(lars).await.unwrap() }
    };
    let paper = |key: &str, cpr: &str| {
        vec![
            ("citizen", lars.0.to_string()),
            ("key", key.to_string()),
            ("name", "Grethe Holm".to_string()),
            ("cpr", cpr.to_string()),
            ("kind", "fuldmaegtig".to_string()),
            ("see", "ja".to_string()),
            ("months", "6".to_string()),
        ]
    };
    let file = || vec![("files", "fuldmagt.pdf", "application/pdf", reqwest::Body::from(b"%PDF-1.4\nunderskrevet\n%%EOF".to_vec()))];
    let mut karin = app.signed_in("Karin").await;
    let mut amira = app.signed_in("Amira").await;

    // Refused: Lars himself, another caseworker, a host, the administrator, anonymous.
    let mut refused = vec![("Lars", app.signed_in("Lars").await), ("Jonas", app.signed_in("Jonas").await)];
    refused.extend([("Bent", app.signed_in("Bent").await), ("Ulla", app.signed_in("Ulla").await), ("anonymous", Browser::default())]);
    for (who, browser) in refused.iter_mut() {
        let (status, body) = app.call(browser, CitizenHelpers::PATH, &[("citizen", lars.0.to_string())]).await;
        assert!(status == StatusCode::FORBIDDEN || status == StatusCode::UNAUTHORIZED, "{who}: {status} {body}");
        assert!(!body.contains("Lars Pedersen"), "{who}: nothing of his");
        let res = app.post_multipart(browser, RegisterPaper::PATH, &paper(&format!("k-{who}"), "050550-5555"), file(), false).await;
        assert!(res.status().is_client_error(), "{who}: {}", res.status());
        assert!(rows(&app).await.is_empty(), "{who}: nothing registered");
    }

    // His caseworker and his stand-in may; a paper is required; the CPR number is never shown.
    let (status, body) = app.call(&mut amira, CitizenHelpers::PATH, &[("citizen", lars.0.to_string())]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Lars Pedersen"));
    let res = app.post_multipart(&mut karin, RegisterPaper::PATH, &paper("k-0", "050550-5555"), vec![], false).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "no file");
    let res = app.post_multipart(&mut karin, RegisterPaper::PATH, &paper("k-1", "050550-5555"), file(), false).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, page) = app.call(&mut karin, CitizenHelpers::PATH, &[("citizen", lars.0.to_string())]).await;
    assert!(page.contains("Grethe Holm") && !page.contains("050550") && !page.contains("5555"), "{page}");
    let id = rows(&app).await[0].id;

    // Ending it: refused callers change nothing; the reason is required; the stand-in may.
    let end = |reason: &str| vec![("citizen", lars.0.to_string()), ("representation", id.0.to_string()), ("reason", reason.to_string())];
    for (who, browser) in refused.iter_mut() {
        let (status, _) = app.call(browser, EndHelperByCaseworker::PATH, &end("Stop")).await;
        assert!(status.is_client_error(), "{who}: {status}");
        assert!(rows(&app).await[0].ended_at.is_none(), "{who}: not ended");
    }

    // Grethe logs in with MitID for the first time: the paper is hers, and she helps Lars.
    let mut grethe = Browser::default();
    app.login(&mut grethe, "cpr:050550-5555").await;
    assert_eq!(rows(&app).await[0].helper_id, Some(app.store.person_by_cpr("050550-5555").await.unwrap().unwrap().id));
    let (status, _) =
        app.call(&mut grethe, app::features::representation::server::ActAs::PATH, &[("representation", id.0.to_string())]).await;
    assert_eq!(status, StatusCode::OK);
    let page = app.get(&mut grethe, "/min-plan").await.text().await.unwrap();
    assert!(page.contains("Du handler for Lars Pedersen") && page.contains("Finde en bolig tæt på mine børn"), "she sees his plan");
    let plan = app.get(&mut karin, &app::routes::citizen(lars.0)).await.text().await.unwrap();
    let grethe_id = app.store.person_by_cpr("050550-5555").await.unwrap().unwrap();
    let line = format!("{}, fuldmægtig: se min plan", grethe_id.full_name);
    assert!(plan.contains(&line), "the caseworker sees who helps him and with what, on his plan: {line}");

    let (status, _) = app.call(&mut amira, EndHelperByCaseworker::PATH, &end("")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a reason is required");
    let (status, body) = app.call(&mut amira, EndHelperByCaseworker::PATH, &end("Fuldmagten er tilbagekaldt.")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let res = app.get(&mut grethe, "/min-plan").await;
    assert_eq!(location(&res), "/fuldmagt/ophoert", "her next click");
    let mine = app.get(&mut app.signed_in("Lars").await, "/fuldmagt").await.text().await.unwrap();
    assert!(mine.contains("Fuldmagten er tilbagekaldt."), "Lars reads the reason");
}

/// A browser that acted for someone: logging out still works once the
/// access has ended, and a new login there acts for nobody.
#[tokio::test]
async fn an_ended_access_lets_the_helper_log_out_and_a_new_login_acts_for_nobody() {
    let app = spawn_app().await;
    let mut mette = app.signed_in("Mette").await;
    let code = invite(&app, &mut mette, &[Scope::See], "inv-1").await;
    let mut ole = helper_with(&app, app::ssr::demo::citizen_cpr("Ole").unwrap(), &code).await;
    let id = app.store.representations_of(app.person("Mette").await).await.unwrap()[0].id;
    let end = [("representation", id.0.to_string())];
    let (status, _) = app.call(&mut mette, app::features::representation::server::EndHelper::PATH, &end).await;
    assert_eq!(status, StatusCode::OK);
    let res = app.post(&mut ole, "/auth/logout", &[("accept", "text/html")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_ne!(location(&res), "/fuldmagt/ophoert", "logged out, not sent to the notice");
    assert_eq!(app.who_am_i(&mut ole).await, None);

    // Acting again, then someone else logs in in the same browser without logging out.
    let code = invite(&app, &mut mette, &[Scope::See], "inv-2").await;
    let mut shared = helper_with(&app, app::ssr::demo::citizen_cpr("Ole").unwrap(), &code).await;
    assert!(app.get(&mut shared, "/min-plan").await.text().await.unwrap().contains("Du handler for Mette Hansen"));
    app.login(&mut shared, "cpr:171370-4444").await;
    let res = app.get(&mut shared, "/min-plan").await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    assert!(!page.contains("Du handler for") && !page.contains("Komme i praktik i en børnehave"), "the new person acts for nobody");
}
