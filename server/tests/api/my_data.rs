//! The data export over HTTP: each caller gets their own records only, and
//! nobody gets anything without logging in.

use crate::common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn each_caller_downloads_only_their_own_records_and_anonymous_is_sent_to_log_in() {
    let app = spawn_app().await;
    let mette = app.person("Mette").await;
    let mette_cpr = app::ssr::demo::citizen_cpr("Mette").unwrap();
    let goal = {
        let plan = app.store.plan_of(mette).await.unwrap().unwrap();
        app.store.goals(plan).await.unwrap()[0].title.clone()
    };
    let mut anonymous = Browser::default();
    let res = app.get(&mut anonymous, "/mine-oplysninger.json").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/log-ind"), "anonymous is asked to log in");

    for name in ["Mette", "Camilla", "Karin", "Jonas", "Bent", "Ulla"] {
        let id = app.person(name).await;
        let mut browser = app.signed_in(name).await;
        let res = app.get(&mut browser, "/mine-oplysninger.json").await;
        assert_eq!(res.status(), StatusCode::OK, "{name}");
        let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
        assert!(disposition.starts_with("attachment") && disposition.contains("mine-oplysninger-"), "{disposition}");
        let body = res.text().await.unwrap();
        let export: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(export["person_id"].as_i64(), Some(id.0), "{name} gets their own");
        let is_mette = name == "Mette";
        assert_eq!(body.contains(mette_cpr), is_mette, "{name}: Mette's CPR number");
        assert_eq!(body.contains(&goal), is_mette, "{name}: Mette's goal");
    }
}
