//! The data export over HTTP: each caller gets their own records only, and
//! nobody gets anything without logging in.

use crate::common::*;
use leptos::server_fn::ServerFn;
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

        // The same records in words: the server function, and the print view.
        let (status, records) = app.call(&mut browser, app::features::my_data::server::MyDataRecords::PATH, &[]).await;
        assert_eq!(status, StatusCode::OK, "{name}: {records}");
        assert_eq!(records.contains(mette_cpr), is_mette, "{name}: Mette's CPR number in words");
        assert_eq!(records.contains(&goal), is_mette, "{name}: Mette's goal in words");
        let print = app.get(&mut browser, "/mine-oplysninger/udskrift").await.text().await.unwrap();
        assert!(print.contains("Udtrukket") && print.contains("Demo Kommune"), "{name}: the print view's head");
        assert_eq!(print.contains(mette_cpr), is_mette, "{name}: Mette's CPR number in the print view");
        assert_eq!(print.contains(&goal), is_mette, "{name}: Mette's goal in the print view");
    }
    let (status, records) = app.call(&mut anonymous, app::features::my_data::server::MyDataRecords::PATH, &[]).await;
    assert_eq!((status, records.as_str()), (StatusCode::OK, "null"), "anonymous gets nothing");
    let print = app.get(&mut anonymous, "/mine-oplysninger/udskrift").await.text().await.unwrap();
    assert!(!print.contains(mette_cpr) && !print.contains("Udtrukket") && print.contains("Log ind"), "anonymous is asked to log in");
}

#[tokio::test]
async fn the_privacy_notice_and_every_footer_name_the_municipality_for_anyone() {
    let app = spawn_app().await;
    let mut anonymous = Browser::default();
    let res = app.get(&mut anonymous, "/privatliv").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    for words in ["Demo Kommune er dataansvarlig", "databeskyttelse@demo.enplan.invalid", "Datatilsynet", "Hvor længe"] {
        assert!(body.contains(words), "{words}");
    }
    for path in ["/", "/log-ind", "/netvaerk"] {
        let page = app.get(&mut anonymous, path).await.text().await.unwrap();
        let footer = &page[page.find("<footer").unwrap_or(0)..];
        assert!(footer.contains("Demo Kommune") && footer.contains("href=\"/privatliv\""), "{path}: the footer");
    }
}
