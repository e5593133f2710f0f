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
    }
}
