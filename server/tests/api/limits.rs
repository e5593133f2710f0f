//! Bounded input (the hardening issue): a form post larger than the form
//! limit is answered 413 at once, whoever sends it, writes nothing and
//! leaves no session behind; the conversation's upload routes keep their
//! own, larger limit.

use crate::common::*;
use app::features::goals::server::ProposeGoal;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

/// Rows in the session table.
async fn sessions(app: &TestApp) -> i64 {
    match app.store.pool() {
        app::ssr::db::Pool::Sqlite(pool) => sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions").fetch_one(&pool).await.unwrap(),
        app::ssr::db::Pool::Postgres(pool) => sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions").fetch_one(&pool).await.unwrap(),
    }
}

/// How many goals the citizen's plan has.
async fn goal_count(app: &TestApp, citizen: app::kernel::ids::PersonId) -> usize {
    let plan = app.store.plan_of(citizen).await.unwrap().expect("a plan");
    app.store.goals(plan).await.unwrap().len()
}

/// A goal proposal as a plain form, its "why" `why_bytes` long.
async fn propose(app: &TestApp, browser: &mut Browser, why_bytes: usize) -> reqwest::Response {
    let form = [
        ("title", "Komme i praktik".to_string()),
        ("why", "x".repeat(why_bytes)),
        ("first_step", String::new()),
        ("key", "flood".to_string()),
    ];
    let req = app.http.post(app.url(ProposeGoal::PATH)).header("accept", "text/html").form(&form);
    app.send(browser, req).await
}

#[tokio::test]
async fn a_form_post_over_64_kb_is_answered_413_at_once_and_writes_nothing() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let mut mette = app.signed_in("Mette").await;
    let before = goal_count(&app, a).await;
    let res = propose(&app, &mut mette, 3 * 1024 * 1024).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(res.text().await.unwrap().contains("var for stort"), "a plain message, in Danish first");
    assert_eq!(goal_count(&app, a).await, before, "nothing was written");
    assert_eq!(app.who_am_i(&mut mette).await.as_deref(), Some("Mette Hansen"), "and the session is as it was");
    // Just under the limit is read as usual: the parser refuses the text, by the field.
    let res = propose(&app, &mut mette, 60 * 1024).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn fifty_anonymous_posts_of_1_9_mb_leave_the_session_table_as_it_was() {
    let app = spawn_app().await;
    let before = sessions(&app).await;
    for _ in 0..50 {
        let res = propose(&app, &mut Browser::default(), 1_900_000).await;
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    }
    assert_eq!(sessions(&app).await, before, "no session row for a refused flood");
}

#[tokio::test]
async fn anonymous_login_starts_and_refused_anonymous_forms_write_no_session_row() {
    let app = spawn_app().await;
    let before = sessions(&app).await;
    for _ in 0..50 {
        let mut stranger = Browser::default();
        let res = app.get(&mut stranger, "/auth/login").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(location(&res).contains("/authorize"), "on to the provider: {}", location(&res));
        assert!(stranger.cookie.is_none() && stranger.others.contains_key("enplan_login"), "only the login cookie: {stranger:?}");
        let res = propose(&app, &mut stranger, 100).await;
        assert!(res.status().is_redirection(), "a refused form goes to the login: {}", res.status());
    }
    assert_eq!(sessions(&app).await, before, "no session row for anyone not logged in");
    // The login cookie alone finishes a login, and only then is there a session.
    assert_eq!(app.login(&mut Browser::default(), &app.mette().await).await, "/min-plan");
    assert_eq!(sessions(&app).await, before + 1);
}

#[tokio::test]
async fn a_body_that_does_not_say_its_length_is_cut_off_at_the_limit() {
    let app = spawn_app().await;
    let mut mette = app.signed_in("Mette").await;
    let a = app.person("Mette").await;
    let before = goal_count(&app, a).await;
    // 2 MB sent in pieces, without Content-Length.
    let pieces = futures::stream::iter((0..32).map(|i| {
        let piece =
            if i == 0 { format!("key=k&title=Praktik&first_step=&why={}", "x".repeat(64 * 1024 - 36)) } else { "x".repeat(64 * 1024) };
        Ok::<_, std::io::Error>(piece)
    }));
    let req = app
        .http
        .post(app.url(ProposeGoal::PATH))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(reqwest::Body::wrap_stream(pieces));
    let res = app.send(&mut mette, req).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE, "refused as too large, not a server failure");
    assert_eq!(goal_count(&app, a).await, before, "nothing was written");
}

#[tokio::test]
async fn a_refused_anonymous_form_keeps_nothing_and_writes_no_session_row() {
    use app::features::network::server::SetDisplayName;
    let app = spawn_app().await;
    let before = sessions(&app).await;
    for name in ["010190-1234", "Kommunen"] {
        let req = app.http.post(app.url(SetDisplayName::PATH)).header("accept", "text/html").form(&[("display_name", name)]);
        let res = app.send(&mut Browser::default(), req).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "sent back to the form");
    }
    assert_eq!(sessions(&app).await, before, "what an anonymous caller typed is not kept in a session");

    // Signed in, a refused form keeps what was typed, whole (a message of 4,001 characters).
    let mut mette = app.signed_in("Mette").await;
    let req = app.http.post(app.url(SetDisplayName::PATH)).header("accept", "text/html").form(&[("display_name", "010190-1234")]);
    assert_eq!(app.send(&mut mette, req).await.status(), StatusCode::SEE_OTHER);
    let page = app.get(&mut mette, &app::routes::my_network_name()).await.text().await.unwrap();
    assert!(page.contains("010190-1234"), "kept for the signed-in person's form");
}

#[tokio::test]
async fn the_upload_routes_answer_anything_but_a_multipart_form_with_415() {
    use app::features::conversation::server::SendMessage;
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let before = app.store.messages(a).await.unwrap().len();
    let mut mette = app.signed_in("Mette").await;
    let form = [("body", "Hej".to_string()), ("key", "plain".to_string())];
    let (status, _) = app.call(&mut mette, SendMessage::PATH, &form).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "a URL-encoded post is refused plainly");
    assert_eq!(app.store.messages(a).await.unwrap().len(), before);
    let (status, body) = app.call_multipart(&mut mette, SendMessage::PATH, &form).await;
    assert!(status.is_success(), "the same as a multipart form is sent: {status} {body}");
    // A complaint takes files too.
    use app::features::complaints::server::Complain;
    let decision = app.store.decisions_of(a).await.unwrap()[0].id.0;
    let complaint = [("decision", decision.to_string()), ("reasons", "Uenig".to_string()), ("key", "plain".to_string())];
    let (status, _) = app.call(&mut mette, Complain::PATH, &complaint).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "a URL-encoded complaint is refused plainly");
    assert_eq!(app.store.complaints_of(a).await.unwrap(), vec![]);
}
