//! The data export's stories, each on SQLite and on PostgreSQL: the registry
//! covers every table of the schema, and a citizen's export holds every
//! record about them and nothing about anyone else.

use std::sync::Arc;

use crate::features::access_log::capacity::Capacity;
use crate::features::my_data::registry::{entry, Kept, REGISTRY};
use crate::features::my_data::service::export;
use crate::kernel::ids::PersonId;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

/// The rows of `table` in an export.
fn rows_of(export: &serde_json::Value, table: &str) -> Vec<serde_json::Value> {
    let section = export["sections"].as_array().unwrap().iter().find(|s| s["table"] == table);
    section.unwrap_or_else(|| panic!("no section for {table}"))["rows"].as_array().unwrap().clone()
}

async fn every_table_of_the_schema_is_exported_or_excluded_with_a_reason(s: Arc<dyn Store>) {
    let schema = s.schema().await.unwrap();
    assert!(schema.len() > 20, "the schema was read: {schema:?}");
    let person_columns = s.person_columns().await.unwrap();
    assert!(person_columns.contains(&("message".into(), "sender_id".into())), "the foreign keys were read: {person_columns:?}");
    for (table, columns) in &schema {
        let Some(e) = entry(table) else {
            panic!("table {table} is in neither list of features/my_data/registry.rs: export it or say why not");
        };
        if let Kept::Exported { omit, people, .. } = e.kept {
            for column in omit {
                assert!(columns.iter().any(|c| c == column), "{table}.{column} is left out but does not exist");
            }
            // Every column that refers to a person is named, and only those.
            let mut named: Vec<&str> = people.to_vec();
            named.sort_unstable();
            let mut referring: Vec<&str> = person_columns.iter().filter(|(t, _)| t == table).map(|(_, c)| c.as_str()).collect();
            referring.sort_unstable();
            assert_eq!(named, referring, "{table}: the columns that refer to a person, in features/my_data/registry.rs");
        }
    }
    for e in REGISTRY {
        if let Kept::Exported { query, .. } = e.kept {
            assert!(schema.iter().any(|(t, _)| t == e.table), "{} is registered but not in the schema", e.table);
            // Every query runs (for someone with no records at all).
            s.export_rows(query, PersonId(i64::MAX), &[]).await.unwrap_or_else(|err| panic!("{}: {err}", e.table));
        }
        if let Kept::Excluded(why) = e.kept {
            assert!(why.len() > 20, "{}: say why in words", e.table);
        }
    }
    // The page shows every column in words (or it is bookkeeping, in the file only).
    use crate::features::my_data::plain::{label, only_in_the_file};
    for (table, columns) in &schema {
        let Some(Kept::Exported { omit, .. }) = entry(table).map(|e| e.kept) else { continue };
        for column in columns.iter().filter(|c| !omit.contains(&c.as_str()) && !only_in_the_file(table, c)) {
            for lang in [crate::i18n::Lang::Da, crate::i18n::Lang::En] {
                assert!(
                    label(lang.texts(), table, column).is_some(),
                    "{table}.{column} has no label in {lang:?}: add one to my_data's texts"
                );
            }
        }
    }
}

async fn a_citizens_export_holds_every_record_of_theirs_and_nothing_of_anyone_elses(s: Arc<dyn Store>) {
    crate::ssr::demo::seed_if_empty(s.as_ref(), NOW).await.unwrap();
    let cpr = |name: &str| crate::ssr::demo::citizen_cpr(name).unwrap();
    let mette = s.person_by_cpr(cpr("Mette")).await.unwrap().unwrap().id;
    let ahmed = s.person_by_cpr(cpr("Ahmed")).await.unwrap().unwrap().id;
    let karin = s.current_caseworker(mette, AssignmentKind::Primary, NOW).await.unwrap().unwrap();
    assert_eq!(s.current_caseworker(ahmed, AssignmentKind::Primary, NOW).await.unwrap(), Some(karin), "they share a caseworker");
    // Both in one group and on one meetup; each read by the caseworker.
    let group = s.groups().await.unwrap()[0].id;
    let meetup = s.group_meetups(group, 0).await.unwrap()[0].id;
    for who in [mette, ahmed] {
        s.join_group(group, who, NOW).await.unwrap();
        s.sign_up(meetup, who, NOW).await.unwrap();
        s.log_access(who, karin, crate::kernel::plan::Role::Caseworker, Capacity::Caseworker, "plan", NOW).await.unwrap();
    }

    let value = export(s.as_ref(), &signed_in(mette, true), NOW).await.unwrap();
    assert_eq!((value["format"].as_str(), value["version"].as_i64()), (Some("enplan-data-export"), Some(1)));
    let text = value.to_string();
    assert!(text.contains(cpr("Mette")), "her own CPR number");
    assert!(!text.contains(cpr("Ahmed")), "never another's CPR number");
    let rows = |table: &str| rows_of(&value, table);
    // Every row that names her as the citizen or the person is there, table by table.
    for (table, columns) in s.schema().await.unwrap() {
        for column in ["citizen_id", "person_id"] {
            if !columns.iter().any(|c| c == column) || matches!(entry(&table).map(|e| e.kept), Some(Kept::Excluded(_))) {
                continue;
            }
            let mine = s.export_rows(&format!("SELECT * FROM {table} WHERE {column} = $1"), mette, &[]).await.unwrap();
            let exported = rows(&table);
            assert_eq!(exported.len(), mine.len(), "{table}: all of hers");
            assert!(exported.iter().all(|r| r[column] == mette.0), "{table}: only hers");
        }
    }
    assert!(!rows("goal").is_empty() && !rows("budget_entry").is_empty() && !rows("message").is_empty(), "the demo's records");
    for goal in rows("goal") {
        assert!(goal["created_at"].as_str().is_some_and(|t| t.contains('T') && (t.ends_with("+01:00") || t.ends_with("+02:00"))), "{goal}");
    }
    let first = &rows("budget_entry")[0];
    assert!(first["amount_ore"]["ore"].is_i64() && first["amount_ore"]["kroner"].as_str().is_some_and(|k| k.ends_with("kr.")), "{first}");
    // The same in plain words: her goals, her caseworker by name, money in kroner.
    let records =
        crate::features::my_data::service::records(s.as_ref(), &signed_in(mette, true), NOW, crate::i18n::Lang::Da).await.unwrap();
    let words: Vec<(String, String, String)> = records
        .sections
        .iter()
        .flat_map(|sec| sec.rows.iter().flatten().map(|f| (sec.key.clone(), f.label.clone(), f.value.clone())))
        .collect();
    let has = |key: &str, label: &str, value: &str| words.iter().any(|(k, l, v)| k == key && l == label && v == value);
    let goal = rows("goal")[0]["title"].as_str().unwrap().to_string();
    assert!(has("goals", "Mål", &goal), "{words:?}");
    assert!(has("caseworkers", "Medarbejder", "Karin Holm") && has("caseworkers", "Som", "din sagsbehandler"), "{words:?}");
    assert!(has("person", "CPR-nummer", cpr("Mette")));
    assert!(words.iter().any(|(k, l, v)| k == "budget_entries" && l == "Beløb" && v.ends_with(" kr.")), "{words:?}");
    assert!(words.iter().all(|(_, l, _)| l != "citizen_id" && l != "code_hash"), "every label in words, nothing left out shown");
    assert!(!words.iter().any(|(_, _, v)| v.contains(cpr("Ahmed"))));
    let his = export(s.as_ref(), &signed_in(ahmed, true), NOW).await.unwrap();
    assert!(!rows_of(&his, "goal").is_empty());
    for goal in rows_of(&his, "goal") {
        assert!(!text.contains(goal["title"].as_str().unwrap()), "Ahmed's goal in Mette's export");
    }
}

on_both_backends!(
    every_table_of_the_schema_is_exported_or_excluded_with_a_reason,
    a_citizens_export_holds_every_record_of_theirs_and_nothing_of_anyone_elses,
);
