//! `/afgoerelser` over HTTP: each citizen gets their own decisions only;
//! staff, a host and anonymous get none.

use crate::common::*;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

use app::features::decisions::server::MyDecisions;

#[tokio::test]
async fn each_citizen_lists_only_their_own_decisions_and_nobody_else_gets_any() {
    let app = spawn_app().await;
    // The demo's declined proposal of Mette's, with its reasons.
    let (goal, reasons) = ("Tage på højskole i foråret", "Højskolen ligger midt i din praktik");
    let mut anonymous = Browser::default();
    let (status, body) = app.call(&mut anonymous, MyDecisions::PATH, &[]).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "null"), "anonymous");
    let page = app.get(&mut anonymous, "/afgoerelser").await.text().await.unwrap();
    assert!(!page.contains(goal) && page.contains("Log ind"), "anonymous is asked to log in");

    for name in ["Mette", "Camilla", "Karin", "Jonas", "Bent", "Ulla"] {
        let mut browser = app.signed_in(name).await;
        let (status, body) = app.call(&mut browser, MyDecisions::PATH, &[]).await;
        assert_eq!(status, StatusCode::OK, "{name}: {body}");
        let is_mette = name == "Mette";
        assert_eq!(body.contains(goal) && body.contains(reasons), is_mette, "{name}: Mette's decision");
        let citizen = matches!(name, "Mette" | "Camilla");
        assert_eq!(body == "null", !citizen, "{name}: only citizens have a list");
        let page = app.get(&mut browser, "/afgoerelser").await.text().await.unwrap();
        assert_eq!(page.contains(goal), is_mette, "{name}: the page");
        if is_mette {
            assert!(page.contains("Du kan klage til og med") && page.contains("Ankestyrelsen"), "the deadline and the guidance");
        }
        assert_eq!(page.contains("Denne side er for borgere"), !citizen, "{name}: staff and hosts are told what the page is for");
    }
}

#[tokio::test]
async fn only_the_citizen_complains_about_their_own_decision_and_refused_calls_write_nothing() {
    use app::features::complaints::server::{Complain, ComplaintAbout};
    let app = spawn_app().await;
    let mette = app.person("Mette").await;
    let decision = app.store.decisions_of(mette).await.unwrap()[0].id.0;
    let form = |key: &str| {
        vec![("decision", decision.to_string()), ("reasons", "Højskolen er en del af min plan.".to_string()), ("key", key.to_string())]
    };

    let mut anonymous = Browser::default();
    let (status, _) = app.call_multipart(&mut anonymous, Complain::PATH, &form("k-anon")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "anonymous");
    for name in ["Camilla", "Karin", "Jonas", "Bent", "Ulla"] {
        let mut browser = app.signed_in(name).await;
        let (status, body) = app.call_multipart(&mut browser, Complain::PATH, &form(&format!("k-{name}"))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name}: {body}");
        let (status, body) = app.call(&mut browser, ComplaintAbout::PATH, &[("decision", decision.to_string())]).await;
        assert!(status.is_success() && body.contains("NotFound") && !body.contains("højskole"), "{name}: {body}");
    }
    assert_eq!(app.store.complaints_of(mette).await.unwrap(), vec![], "refused calls wrote nothing");

    let mut browser = app.signed_in("Mette").await;
    let (status, body) = app.call(&mut browser, ComplaintAbout::PATH, &[("decision", decision.to_string())]).await;
    assert!(status.is_success() && body.contains("Form"), "Mette gets the form: {body}");
    let (status, body) = app
        .call_multipart(&mut browser, Complain::PATH, &[("decision", decision.to_string()), ("reasons", " ".into()), ("key", "k-0".into())])
        .await;
    assert_eq!((status, body.contains("reasons")), (StatusCode::UNPROCESSABLE_ENTITY, true), "empty reasons: {body}");
    let (status, body) = app.call_multipart(&mut browser, Complain::PATH, &form("k-1")).await;
    assert!(status.is_success(), "Mette complains: {status} {body}");
    let (status, _) = app.call_multipart(&mut browser, Complain::PATH, &form("k-1")).await;
    assert!(status.is_success(), "a double tap is the same complaint");
    let (status, body) = app.call_multipart(&mut browser, Complain::PATH, &form("k-2")).await;
    assert_eq!((status, body.contains("reasons")), (StatusCode::UNPROCESSABLE_ENTITY, true), "a second open complaint: {body}");
    assert_eq!(app.store.complaints_of(mette).await.unwrap().len(), 1);
    let (_, body) = app.call(&mut browser, ComplaintAbout::PATH, &[("decision", decision.to_string())]).await;
    assert!(body.contains("Closed") && body.contains("Du klagede"), "now the page shows the complaint: {body}");
}

#[tokio::test]
async fn only_the_citizens_caseworker_or_stand_in_reads_and_answers_a_complaint() {
    use app::features::complaints::server::{ChangeComplaint, Complain, ComplaintReview, UpholdComplaint};
    use app::features::inbox::server::Inbox;
    let app = spawn_app().await;
    let mette = app.person("Mette").await;
    let decision = app.store.decisions_of(mette).await.unwrap()[0].id.0;
    let mut citizen = app.signed_in("Mette").await;
    let words = "Højskolen er vigtig for mig.";
    let (status, _) = app
        .call_multipart(&mut citizen, Complain::PATH, &[("decision", decision.to_string()), ("reasons", words.into()), ("key", "k".into())])
        .await;
    assert!(status.is_success());
    let complaint = app.store.complaints_of(mette).await.unwrap()[0].id.0;
    let review = vec![("complaint", complaint.to_string())];
    let answer = vec![("complaint", complaint.to_string()), ("reasons", "Praktikken går forud.".to_string())];
    let log_before = app.store.access_log(mette).await.unwrap().len();

    // Refused: anonymous, Mette herself, another citizen, another caseworker, a host, an admin.
    let mut anonymous = Browser::default();
    let (status, _) = app.call(&mut anonymous, UpholdComplaint::PATH, &answer).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let mut refused = vec![("Mette", citizen)];
    for name in ["Camilla", "Jonas", "Bent", "Ulla"] {
        refused.push((name, app.signed_in(name).await));
    }
    for (name, browser) in refused.iter_mut() {
        let (status, body) = app.call(browser, ComplaintReview::PATH, &review).await;
        assert!(status.is_success() && body.contains("NotYours") && !body.contains(words), "{name}: {body}");
        // Another caseworker's inbox lacks her; anyone else is refused it.
        let (status, body) = app.call(browser, Inbox::PATH, &[]).await;
        let caseworker = *name == "Jonas";
        assert_eq!(status.is_success(), caseworker, "{name}: {status}");
        assert!(!body.contains("Mette") && !body.contains(words), "{name}: {body}");
        let (status, body) = app.call(browser, UpholdComplaint::PATH, &answer).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name}: {body}");
        let (status, body) = app.call(browser, ChangeComplaint::PATH, &review).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name}: {body}");
    }
    let (status, _) = app.call(&mut anonymous, ChangeComplaint::PATH, &review).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(app.store.complaints_of(mette).await.unwrap()[0].answered_at.is_none(), "refused calls answered nothing");
    assert_eq!(app.store.decisions_of(mette).await.unwrap().len(), 1, "and decided nothing");
    assert_eq!(app.store.access_log(mette).await.unwrap().len(), log_before, "and logged nothing");

    // Allowed: her caseworker and her stand-in read it (logged); the stand-in answers.
    for name in ["Karin", "Amira"] {
        let mut browser = app.signed_in(name).await;
        let inbox_reads = || async { app.store.access_log(mette).await.unwrap().iter().filter(|e| e.purpose == "inbox").count() };
        let before = inbox_reads().await;
        let (_, body) = app.call(&mut browser, Inbox::PATH, &[]).await;
        assert!(body.contains("Mette Hansen") && body.contains("Tage på højskole i foråret"), "{name}: {body}");
        // Her complaint and her waiting proposal and request are on the page: one read.
        assert_eq!(inbox_reads().await, before + 1, "{name}: one inbox view, one entry in Mette's log");
        let (_, body) = app.call(&mut browser, ComplaintReview::PATH, &review).await;
        assert!(body.contains("Shown") && body.contains(words), "{name}: {body}");
    }
    let reads = app.store.access_log(mette).await.unwrap();
    assert_eq!(reads.iter().filter(|e| e.purpose == "complaint_review").count(), 2);
    let mut amira = app.signed_in("Amira").await;
    let (status, body) =
        app.call(&mut amira, UpholdComplaint::PATH, &[("complaint", complaint.to_string()), ("reasons", " ".into())]).await;
    assert_eq!((status, body.contains("reasons")), (StatusCode::UNPROCESSABLE_ENTITY, true), "reasons required");
    let (status, body) = app.call(&mut amira, UpholdComplaint::PATH, &answer).await;
    assert!(status.is_success(), "the stand-in answers: {status} {body}");
    let (status, _) = app.call(&mut amira, UpholdComplaint::PATH, &answer).await;
    assert_eq!(status, StatusCode::CONFLICT, "answered once");
    let (status, _) = app.call(&mut amira, ChangeComplaint::PATH, &review).await;
    assert_eq!(status, StatusCode::CONFLICT, "and not changed afterwards");
    let k = &app.store.complaints_of(mette).await.unwrap()[0];
    assert_eq!((k.outcome.as_deref(), k.forwarded_at.is_some()), (Some("upheld"), true));
}

#[tokio::test]
async fn a_complaint_about_money_is_answered_with_an_amount_by_the_caseworker_or_stand_in_only() {
    use app::features::budget::server::{CorrectSpending, DecideSpending};
    use app::features::complaints::server::{ChangeComplaint, Complain};
    use app::ssr::db::RequestStatus;
    let app = spawn_app().await;
    let mette = app.person("Mette").await;
    let budget = app.store.budgets_of(mette).await.unwrap().pop().unwrap();
    let requests = app.store.spending_requests(budget.id).await.unwrap();
    let request = requests.into_iter().find(|r| r.status == RequestStatus::Pending).expect("the demo's waiting request");
    let mut karin = app.signed_in("Karin").await;
    let decline =
        [("request", request.id.0.to_string()), ("answer", "decline".into()), ("amount", String::new()), ("reason", "Ikke nu.".into())];
    let (status, body) = app.call(&mut karin, DecideSpending::PATH, &decline).await;
    assert!(status.is_success(), "declined: {status} {body}");
    let decision = app.store.decisions_of(mette).await.unwrap().last().unwrap().id.0;
    let mut citizen = app.signed_in("Mette").await;
    let complaint = [("decision", decision.to_string()), ("reasons", "Jeg skal bruge cyklen.".into()), ("key", "k".into())];
    assert!(app.call_multipart(&mut citizen, Complain::PATH, &complaint).await.0.is_success());
    let id = app.store.complaints_of(mette).await.unwrap()[0].id.0;
    let change = [("complaint", id.to_string()), ("amount", request.amount.to_input()), ("reason", "Cyklen er nødvendig.".into())];
    let spent = |b: app::ssr::db::Budget| b.spent;
    let before = (app.store.decisions_of(mette).await.unwrap().len(), spent(app.store.budget(budget.id).await.unwrap()));

    let mut anonymous = Browser::default();
    assert_eq!(app.call(&mut anonymous, ChangeComplaint::PATH, &change).await.0, StatusCode::UNAUTHORIZED);
    let mut refused = vec![("Mette", citizen)];
    for name in ["Camilla", "Jonas", "Bent", "Ulla"] {
        refused.push((name, app.signed_in(name).await));
    }
    for (name, browser) in refused.iter_mut() {
        let (status, body) = app.call(browser, ChangeComplaint::PATH, &change).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name}: {body}");
    }
    let after = (app.store.decisions_of(mette).await.unwrap().len(), spent(app.store.budget(budget.id).await.unwrap()));
    assert_eq!(after, before, "refused calls decided nothing and moved no money");

    let mut amira = app.signed_in("Amira").await;
    let zero = [("complaint", id.to_string()), ("amount", "0".into()), ("reason", "Ret".into())];
    let (status, body) = app.call(&mut amira, ChangeComplaint::PATH, &zero).await;
    assert_eq!((status, body.contains("amount")), (StatusCode::UNPROCESSABLE_ENTITY, true), "a zero amount: {body}");
    let (status, body) = app.call(&mut amira, ChangeComplaint::PATH, &change).await;
    assert!(status.is_success(), "the stand-in gives Mette right: {status} {body}");
    assert_eq!(app.store.spending_request(request.id).await.unwrap().approved, Some(request.amount));
    assert_eq!(app.store.complaints_of(mette).await.unwrap()[0].outcome.as_deref(), Some("changed"));
    let again = [("request", request.id.0.to_string()), ("amount", request.amount.to_input()), ("reason", "Igen".into())];
    assert_eq!(app.call(&mut karin, CorrectSpending::PATH, &again).await.0, StatusCode::CONFLICT, "nothing left to correct");
}
