//! The settings' stories, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::admin::service::Caller;
use crate::features::settings::service as settings;
use crate::kernel::forms::Problem;
use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;
use crate::ssr::service::ServiceError;

fn admin_user(id: PersonId) -> CurrentUser {
    CurrentUser { roles: vec![Role::Admin], ..signed_in(id, false) }
}

/// The form as the page shows it now, with `changes` typed over it.
async fn form(s: &dyn Store, user: &CurrentUser, changes: &[(&str, &str)]) -> impl Fn(&str) -> String {
    let mut typed = settings::page(s, user).await.unwrap();
    for (field, value) in changes {
        typed.iter_mut().find(|(f, _)| f == field).expect("a field of the form").1 = value.to_string();
    }
    move |field: &str| typed.iter().find(|(f, _)| *f == field).map(|(_, v)| v.clone()).unwrap_or_default()
}

async fn an_admin_changes_settings_each_change_is_audited_and_the_portal_uses_them(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    let ulla = admin_user(ulla);
    let shown = settings::page(st, &ulla).await.unwrap();
    let get = |field: &str| shown.iter().find(|(f, _)| *f == field).unwrap().1.clone();
    assert_eq!((get("budget_cap"), get("caseload_soft"), get("notice_grace")), ("50.000,00".into(), "30".into(), "900".into()));
    assert!(get("appeal_da").starts_with("Du kan klage over afgørelsen"), "the portal's own text until one is set");

    // Saving the page as it is changes nothing and writes no audit line.
    let same = form(st, &ulla, &[("name", "Demo Kommune")]).await;
    settings::save(st, Caller::Browser(&ulla), &same, NOW).await.unwrap();
    let lines = s.audit_page(None, 50).await.unwrap().len();
    assert_eq!(settings::save(st, Caller::Browser(&ulla), &same, NOW + 1).await.unwrap(), 0);
    assert_eq!(s.audit_page(None, 50).await.unwrap().len(), lines);

    let changed = form(
        st,
        &ulla,
        &[
            ("budget_cap", "60.000"),
            ("caseload_hard", "35"),
            ("appeal_da", "Klag til Borgerservice inden 4 uger."),
            ("phone", "70 00 00 00"),
        ],
    )
    .await;
    assert_eq!(settings::save(st, Caller::Browser(&ulla), &changed, NOW + 2).await.unwrap(), 4);
    assert_eq!(s.budget_cap().await.unwrap(), kr(60_000));
    assert_eq!(s.caseload_limits().await.unwrap().hard, 35);
    assert_eq!(s.municipality().await.unwrap().phone, "70 00 00 00");
    assert_eq!(settings::appeal_guidance(st).await.unwrap(), "Klag til Borgerservice inden 4 uger.", "given with new decisions");
    let audit = s.audit_page(None, 4).await.unwrap();
    let mut lines: Vec<(String, String, String)> = audit.iter().map(|a| (a.action.clone(), a.before.clone(), a.after.clone())).collect();
    lines.sort();
    assert_eq!((lines[0].0.as_str(), lines[0].2.as_str()), ("setting:appeal_guidance_da", "Klag til Borgerservice inden 4 uger."));
    assert!(lines[0].1.starts_with("Du kan klage over afgørelsen"), "before: the portal's own text");
    assert_eq!(lines[1], ("setting:budget_cap_ore".into(), "50.000,00 kr.".into(), "60.000,00 kr.".into()));
    assert_eq!(lines[2], ("setting:caseload_hard".into(), "40".into(), "35".into()));
    assert_eq!(lines[3].0, "setting:municipality_phone");
    assert!(audit.iter().all(|a| a.actor_id == Some(ulla.person_id.0) && a.person_id.is_none()));

    // The command line changes one setting through the same rules, audited as its own.
    settings::from_command_line(st, &[("messages_per_hour", "12".into())], NOW + 3).await.unwrap();
    assert_eq!(s.per_hour(PerHour::Messages).await.unwrap(), 12);
    let last = &s.audit_page(None, 1).await.unwrap()[0];
    assert_eq!(
        (last.action.as_str(), last.actor_id, last.before.as_str(), last.after.as_str()),
        ("setting:messages_per_hour", None, "30", "12")
    );
    let refused = settings::from_command_line(st, &[("caseload_soft", "36".into())], NOW + 4).await;
    assert!(matches!(refused, Err(ServiceError::Invalid(e)) if e[0].problem == Problem::SoftOverHard), "above the hard limit of 35");
}

async fn only_an_admin_sees_or_saves_the_settings_and_a_refused_form_writes_nothing(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (c, karin, _) = citizen_with_budget(st).await;
    let host = person(st, "Vært", None).await;
    s.grant_role(host, Role::Host, NOW).await.unwrap();
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    let ulla = admin_user(ulla);
    let before = s.setting_values().await.unwrap();
    let wanted = form(st, &ulla, &[("budget_cap", "1.000"), ("name", "Demo Kommune")]).await;
    for (who, user) in [
        ("a citizen", signed_in(c, true)),
        ("a caseworker", staff_user(karin)),
        ("a host", CurrentUser { roles: vec![Role::Host], ..signed_in(host, false) }),
    ] {
        assert!(matches!(settings::page(st, &user).await, Err(ServiceError::NotAllowed)), "{who} may not see them");
        assert!(matches!(settings::save(st, Caller::Browser(&user), &wanted, NOW).await, Err(ServiceError::NotAllowed)), "{who}");
    }
    // All or none: one bad field, and the good ones are not written either.
    let bad = form(st, &ulla, &[("budget_cap", "1.000"), ("name", "Demo Kommune"), ("goals_per_hour", "0")]).await;
    match settings::save(st, Caller::Browser(&ulla), &bad, NOW).await {
        Err(ServiceError::Invalid(e)) => assert_eq!((e[0].field.as_str(), e.len()), ("goals_per_hour", 1)),
        other => panic!("refused by the field, not {other:?}"),
    }
    assert_eq!(s.setting_values().await.unwrap(), before, "nothing written");
    assert!(s.audit_page(None, 10).await.unwrap().is_empty(), "nothing audited");
}

on_both_backends!(
    an_admin_changes_settings_each_change_is_audited_and_the_portal_uses_them,
    only_an_admin_sees_or_saves_the_settings_and_a_refused_form_writes_nothing,
);
