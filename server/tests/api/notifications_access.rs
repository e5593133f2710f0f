//! Notifications over real HTTP: opening "Beskeder" marks them read only
//! when the page is of our own site or opened directly, so a link on
//! another site cannot clear a person's badge.

use crate::common::*;
use app::features::conversation::server::AnswerMessage;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

#[tokio::test]
async fn a_link_from_another_site_does_not_mark_notifications_read() {
    let app = spawn_app().await;
    let mette = app.person("Mette").await;
    let mut karin = app.signed_in("Karin").await;
    let mut browser = app.signed_in("Mette").await;
    let before = app.store.unread_notifications(mette).await.unwrap();
    // Karin answers in the conversation: Mette is told.
    let form = [("citizen", mette.0.to_string()), ("body", "Vi ses torsdag.".to_string()), ("key", "n-1".to_string())];
    let (status, body) = app.call_multipart(&mut karin, AnswerMessage::PATH, &form).await;
    assert!(status.is_success(), "{status} {body}");
    assert_eq!(app.store.unread_notifications(mette).await.unwrap(), before + 1);

    for site in ["cross-site", "same-site"] {
        let res = app.send(&mut browser, app.http.get(app.url("/beskeder")).header("sec-fetch-site", site)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.text().await.unwrap().contains("Du har fået svar fra din sagsbehandler"), "the list is shown ({site})");
        assert_eq!(app.store.unread_notifications(mette).await.unwrap(), before + 1, "not marked read from {site}");
    }
    let res = app.send(&mut browser, app.http.get(app.url("/beskeder")).header("sec-fetch-site", "same-origin")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.store.unread_notifications(mette).await.unwrap(), 0, "opened from our own page: read");
}
