//! Who may call which server function of the conversation, over real HTTP:
//! citizen A (Mette), citizen B (Camilla), A's caseworker (Karin), A's
//! stand-in (Amira), A's former caseworker after a handover (Jonas), a
//! caseworker with no tie to A, a host, and someone not logged in. Only the
//! allowed cells succeed; refused calls change nothing, log nothing and
//! carry none of A's words.

use crate::common::*;
use app::features::conversation::server::{
    AnswerMessage, CitizenConversation, CloseConversation, ConversationUpdates, MyConversation, SendMessage,
};
use app::kernel::clock::Clock;
use app::kernel::ids::PersonId;
use app::ssr::db::AssignmentKind;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

/// A's words in every cell: unique, so finding them in a body is a leak.
const SECRET: &str = "Mettes fortrolige besked om huslejen";

struct Callers {
    a: Browser,
    b: Browser,
    caseworker: Browser,
    standin: Browser,
    former: Browser,
    stranger: Browser,
    host: Browser,
    anonymous: Browser,
}

impl Callers {
    fn all(&mut self) -> [(&'static str, &mut Browser); 8] {
        [
            ("citizen A", &mut self.a),
            ("citizen B", &mut self.b),
            ("A's caseworker", &mut self.caseworker),
            ("A's stand-in", &mut self.standin),
            ("A's former caseworker", &mut self.former),
            ("another caseworker", &mut self.stranger),
            ("host", &mut self.host),
            ("anonymous", &mut self.anonymous),
        ]
    }
}

fn refused(who: &str, what: &str, status: StatusCode, body: &str) {
    assert!(matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN), "{who} must be refused {what}, got {status}: {body}");
    assert!(!body.contains(SECRET) && !body.contains("Mette") && !body.contains("1001"), "{who}: refused {what} leaks A's data: {body}");
}

/// The conversation's state, to see that refused calls changed nothing.
async fn snapshot(app: &TestApp, a: PersonId) -> (usize, usize, Option<i64>, Vec<Option<i64>>) {
    let messages = app.store.messages(a).await.unwrap();
    (
        messages.len(),
        app.store.access_log(a).await.unwrap().len(),
        app.store.conversation_closed_at(a).await.unwrap(),
        messages.iter().map(|m| m.read_at).collect(),
    )
}

#[tokio::test]
async fn only_the_allowed_callers_can_call_each_conversation_server_function() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let karin = app.person("Karin").await;
    let amira = app.person("Amira").await;
    let jonas = app.person("Jonas").await;
    // The demo data's history: Jonas was Mette's caseworker before Karin.
    assert_eq!(app.store.current_caseworker(a, AssignmentKind::Primary, app.clock.now_ms()).await.unwrap(), Some(karin));
    assert_eq!(app.store.current_caseworker(a, AssignmentKind::Standin, app.clock.now_ms()).await.unwrap(), Some(amira));
    assert_eq!(app.store.caseworker_count_since(a, 0).await.unwrap(), 2, "Jonas, then Karin");
    let stranger = app.new_caseworker("Niels Andersen").await;
    let mut callers = Callers {
        a: app.signed_in("Mette").await,
        b: app.signed_in("Camilla").await,
        caseworker: app.signed_in("Karin").await,
        standin: app.signed_in("Amira").await,
        former: app.login_as(jonas).await,
        stranger: app.login_as(stranger).await,
        host: app.signed_in("Bent").await,
        anonymous: Browser::default(),
    };

    // Writing: a citizen, into their own conversation only.
    for (who, browser) in callers.all() {
        let words = if who == "citizen A" { SECRET.to_string() } else { format!("Hej fra {who}") };
        let form = [("body", words), ("key", format!("send-{who}"))];
        let (status, body) = app.call_multipart(browser, SendMessage::PATH, &form).await;
        match who {
            "citizen A" | "citizen B" => assert!(status.is_success(), "{who} writes to their own caseworker: {status} {body}"),
            _ => refused(who, "send_message", status, &body),
        }
    }
    let messages = app.store.messages(a).await.unwrap();
    assert_eq!(messages.len(), 3, "the demo's two and A's own");
    assert_eq!(messages[2].body, SECRET, "only A's message landed in A's conversation");

    // Reading one's own: each sees only their own thread (or none).
    for (who, browser) in callers.all() {
        let (status, body) = app.call(browser, MyConversation::PATH, &[]).await;
        assert!(status.is_success(), "{who}: {status} {body}");
        if who != "citizen A" {
            assert!(!body.contains(SECRET) && !body.contains("boligstøtte"), "{who} sees A's conversation: {body}");
        } else {
            assert!(body.contains(SECRET), "A sees their own: {body}");
        }
    }

    // The caseworker's side: A's caseworker and stand-in only; refused calls
    // change nothing, log nothing and mark nothing read.
    let citizen = a.0.to_string();
    let calls: Vec<(&str, Vec<(&str, String)>)> = vec![
        (CitizenConversation::PATH, vec![("citizen", citizen.clone())]),
        (AnswerMessage::PATH, vec![("citizen", citizen.clone()), ("body", "Tak, vi ses torsdag".into()), ("key", "answer-1".into())]),
        (CloseConversation::PATH, vec![("citizen", citizen.clone())]),
    ];
    let before = snapshot(&app, a).await;
    let told_before = app.store.notifications(a).await.unwrap().len();
    for (path, form) in &calls {
        for (who, browser) in callers.all() {
            if matches!(who, "A's caseworker" | "A's stand-in") {
                continue;
            }
            let (status, body) = if *path == AnswerMessage::PATH {
                app.call_multipart(browser, path, form).await
            } else {
                app.call(browser, path, form).await
            };
            refused(who, path, status, &body);
        }
    }
    assert_eq!(snapshot(&app, a).await, before, "refused calls changed, logged or marked nothing");
    assert_eq!(app.store.notifications(a).await.unwrap().len(), told_before, "nobody was told anything");

    let reads = |log: Vec<app::ssr::db::AccessLogEntry>| {
        log.into_iter().filter(|e| e.purpose == "conversation").map(|e| e.capacity).collect::<Vec<_>>()
    };
    let read_before = reads(app.store.access_log(a).await.unwrap()).len();
    for (who, browser) in [("A's caseworker", &mut callers.caseworker), ("A's stand-in", &mut callers.standin)] {
        let (status, body) = app.call(browser, CitizenConversation::PATH, &calls[0].1).await;
        assert!(status.is_success() && body.contains(SECRET), "{who} opens A's conversation: {status} {body}");
    }
    let opened = reads(app.store.access_log(a).await.unwrap());
    assert_eq!(
        opened[..opened.len() - read_before],
        [Some("standin".to_string()), Some("caseworker".to_string())],
        "each opening is in A's access log, newest first, in its capacity"
    );
    assert!(app.store.messages(a).await.unwrap()[2].read_at.is_some(), "A's message is read by the caseworker's side");
    let (status, body) = app.call_multipart(&mut callers.standin, AnswerMessage::PATH, &calls[1].1).await;
    assert!(status.is_success(), "the stand-in answers: {status} {body}");
    let (status, body) = app.call(&mut callers.caseworker, CloseConversation::PATH, &calls[2].1).await;
    assert!(status.is_success(), "the caseworker marks it done: {status} {body}");
    assert!(app.store.conversation_closed_at(a).await.unwrap().is_some());
    let told = app.store.notifications(a).await.unwrap();
    assert_eq!(told.len(), told_before + 1, "the answer told A once");
    assert_eq!(told[0].kind, "message_answered", "newest first");
    assert!(!told[0].link.contains("torsdag"), "the notification carries no words");

    // A handover: the new caseworker sees it all, the one before nothing.
    app.store.assign_caseworker(a, stranger, AssignmentKind::Primary, app.clock.now_ms()).await.unwrap();
    let (status, body) = app.call(&mut callers.stranger, CitizenConversation::PATH, &calls[0].1).await;
    assert!(status.is_success() && body.contains(SECRET) && body.contains("boligstøtte"), "the new caseworker sees it all: {body}");
    let (status, body) = app.call(&mut callers.caseworker, CitizenConversation::PATH, &calls[0].1).await;
    refused("Karin after the handover", "citizen_conversation", status, &body);

    let logs = String::from_utf8(log_buffer().lock().unwrap().clone()).unwrap();
    assert!(logs.contains("/api/send_message"), "the requests themselves are logged");
    for words in [SECRET, "Tak, vi ses torsdag", "boligstøtte"] {
        assert!(!logs.contains(words), "a message body is in the logs: {words:?}");
    }
}

#[tokio::test]
async fn a_read_is_recorded_only_for_a_request_of_our_own_site() {
    let app = spawn_app().await;
    let a = app.person("Lars").await;
    let mut karin = app.signed_in("Karin").await;
    let waiting = app.store.messages(a).await.unwrap();
    assert_eq!((waiting.len(), waiting[0].read_at), (1, None), "Lars's demo message waits");
    let page = format!("/sagsbehandler/borger/{}/samtale", a.0);
    for site in ["cross-site", "same-site"] {
        let req = app.http.get(app.url(&page)).header("sec-fetch-site", site);
        let res = app.send(&mut karin, req).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.text().await.unwrap().contains("lejlighed"), "the page is shown");
        assert_eq!(app.store.messages(a).await.unwrap()[0].read_at, None, "another site sent the browser: not a read ({site})");
    }
    let req = app.http.get(app.url(&page)).header("sec-fetch-site", "same-origin");
    assert_eq!(app.send(&mut karin, req).await.status(), StatusCode::OK);
    assert!(app.store.messages(a).await.unwrap()[0].read_at.is_some(), "opened from our own page: read");
}

#[tokio::test]
async fn an_open_page_sees_new_messages_but_does_not_keep_the_session_alive() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let mut mette = app.signed_in("Mette").await;
    let mut amira = app.signed_in("Amira").await;
    let last = app.store.messages(a).await.unwrap().last().unwrap().id.0;
    let after = [("after", last.to_string())];
    let (status, body) = app.call(&mut mette, ConversationUpdates::PATH, &after).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "[]"), "nothing new");

    // The stand-in answers; Mette's open page gets it, read by her.
    let form = [("citizen", a.0.to_string()), ("body", "Karin er syg i dag. Jeg svarer dig.".into()), ("key", "poll-1".into())];
    assert!(app.call_multipart(&mut amira, AnswerMessage::PATH, &form).await.0.is_success());
    let (status, body) = app.call(&mut mette, ConversationUpdates::PATH, &after).await;
    assert!(status.is_success() && body.contains("Karin er syg i dag") && body.contains("Amira Haddad"), "{status} {body}");
    assert_eq!(app.store.unread_messages(a).await.unwrap(), 0, "shown on her open page: read");
    let log = app.store.access_log(a).await.unwrap().len();

    // The stand-in's page asks for the citizen's thread: theirs only.
    let staff_after = [("citizen", a.0.to_string()), ("after", "0".to_string())];
    let (status, body) = app.call(&mut amira, ConversationUpdates::PATH, &staff_after).await;
    assert!(status.is_success() && body.contains("boligstøtte"), "{status} {body}");
    assert_eq!(app.store.access_log(a).await.unwrap().len(), log + 1, "shown the citizen's words: logged");
    let mut camilla = app.signed_in("Camilla").await;
    let (status, body) = app.call(&mut camilla, ConversationUpdates::PATH, &staff_after).await;
    refused("citizen B", "conversation_updates", status, &body);
    let (status, body) = app.call(&mut Browser::default(), ConversationUpdates::PATH, &after).await;
    refused("anonymous", "conversation_updates", status, &body);

    // Asking in the background every few minutes is not activity: the
    // session still ends 30 minutes (the idle timeout) after her last own request.
    for minutes in [10, 20, 29] {
        app.clock.advance_minutes(if minutes == 29 { 9 } else { 10 });
        let (status, body) = app.call(&mut mette, ConversationUpdates::PATH, &after).await;
        assert_eq!(status, StatusCode::OK, "still signed in {minutes} minutes after her last own request: {body}");
    }
    app.clock.advance_minutes(11);
    let (status, _) = app.call(&mut mette, ConversationUpdates::PATH, &after).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "40 minutes of polling did not keep the session alive");
}
