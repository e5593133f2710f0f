//! The records of the export in plain words, for `/mine-oplysninger` and its
//! print view: each column with its label in the reader's language (the
//! texts' `columns`), each value as a person reads it — times in Copenhagen
//! time, money in kroner, a stored word in words, a person as "you", a
//! staff member's name, or the name someone chose. A column without a label
//! is only in the file: technical ones are listed in [`ONLY_IN_THE_FILE`],
//! and a test fails on any other column without a label in both languages.

use std::collections::HashMap;

use serde_json::Value;

use crate::features::my_data::registry::Entry;
use crate::features::my_data::store::JsonRow;
use crate::features::my_data::views::{Field, Section};
use crate::i18n::{Lang, Texts};
use crate::kernel::ids::PersonId;
use crate::kernel::plan::{ActivityStatus, Department, GoalStatus, Role};
use crate::kernel::time::{date_time, weekly};
use crate::ssr::db::{DbResult, Store};

/// Columns shown in the file only: bookkeeping that says nothing a person
/// would look for (`table.column`, or `column` in every table).
pub const ONLY_IN_THE_FILE: &[&str] = &[
    "contact.lang",
    "contact.code_expires_at",
    "contact.code_tries",
    "contact.code_sends",
    "contact.code_window_at",
    "contact.email_notice_at",
    "notification.link",
    "notification.object_id",
    "outbox.attempts",
    "outbox.not_before",
    "outbox.notification_id",
    "meetup.sequence",
    "plan_event.actor_kind",
    "outreach_hours.from_minute",
    "outreach_hours.to_minute",
];

/// A column that holds a time (milliseconds since 1970, UTC).
pub fn is_time(column: &str) -> bool {
    column == "at" || column.ends_with("_at") || column == "period_start" || column == "period_end"
}

/// The first of `table.column` and `column` in `list`.
fn find<'a>(list: &'a [(&'a str, &'a str)], table: &str, column: &str) -> Option<&'a str> {
    let qualified = format!("{table}.{column}");
    list.iter().find(|(k, _)| *k == qualified).or_else(|| list.iter().find(|(k, _)| *k == column)).map(|(_, v)| *v)
}

/// The label of `table.column`, if it is shown on the page.
pub fn label(t: &Texts, table: &str, column: &str) -> Option<&'static str> {
    find(t.my_data.columns, table, column)
}

/// Whether a column is shown in the file only.
pub fn only_in_the_file(table: &str, column: &str) -> bool {
    ONLY_IN_THE_FILE.iter().any(|c| *c == column || *c == format!("{table}.{column}"))
}

/// How people are named: "you", staff by their full name, anyone else by
/// the name they chose (never a citizen's full name), looked up once each.
struct People<'a> {
    store: &'a dyn Store,
    me: PersonId,
    known: HashMap<i64, String>,
}

impl People<'_> {
    async fn word(&mut self, id: i64, t: &Texts) -> DbResult<String> {
        if id == self.me.0 {
            return Ok(t.my_data.you.to_string());
        }
        if let Some(name) = self.known.get(&id) {
            return Ok(name.clone());
        }
        let person = self.store.person(PersonId(id)).await?;
        let roles = self.store.roles(PersonId(id)).await?;
        let name = if roles.iter().any(|r| matches!(r, Role::Caseworker | Role::Admin)) {
            person.full_name
        } else {
            person.display_name.unwrap_or_else(|| t.my_data.someone.to_string())
        };
        self.known.insert(id, name.clone());
        Ok(name)
    }
}

/// One stored value in words (`None`: nothing to show).
fn words(t: &Texts, lang: Lang, table: &str, column: &str, value: &Value, row: &JsonRow) -> Option<String> {
    if let Some(n) = value.as_i64() {
        if is_time(column) {
            return Some(date_time(n, lang));
        }
        if column.ends_with("_ore") {
            let kroner = crate::kernel::Amount::from_ore(n.abs())?;
            return Some(format!("{}{kroner}", if n < 0 { "-" } else { "" }));
        }
        return Some(match (table, column) {
            ("appointment", "outreach") => (if n == 1 { t.my_data.yes } else { t.my_data.no }).to_string(),
            (_, "duration_minutes") => (t.my_data.minutes)(n),
            (_, "size_bytes") => format!("{} kB", (n + 1023) / 1024),
            ("outreach_hours", "weekday") => {
                let minute = |c: &str| row.get(c).and_then(Value::as_i64).unwrap_or(0);
                weekly(n, minute("from_minute"), minute("to_minute"), lang)
            }
            _ => n.to_string(),
        });
    }
    let text = value.as_str()?;
    if text.is_empty() {
        return None;
    }
    let stored = |s: Option<&'static str>| s.filter(|w| !w.is_empty()).map_or_else(|| text.to_string(), str::to_string);
    Some(match (table, column) {
        ("goal", "status") => stored(GoalStatus::parse(text).map(|s| t.goal_status(s))),
        ("activity", "status") => stored(ActivityStatus::parse(text).map(|s| t.activity_status(s))),
        ("activity", "department") => stored(Department::parse(text).map(|d| t.department(d))),
        ("role_grant", "role") | ("access_log", "staff_role") => stored(Role::parse(text).map(|r| t.role(r))),
        ("budget_entry", "kind") => stored(Some(t.ledger_kind(text))),
        ("spending_request", "status") => stored(Some(t.request_status(text))),
        ("decision", "outcome") => t.decision_outcome(text).to_string(),
        ("notification", "kind") => t.notification(text).to_string(),
        // A reminder is no notification: its words are among the values below.
        ("outbox", "kind") if crate::features::notifications::notice::NotificationKind::parse(text).is_some() => {
            t.notification(text).to_string()
        }
        ("plan_event", "kind") => t.history_kind(text).to_string(),
        ("access_log", "purpose") => t.access_purpose(text).to_string(),
        ("access_log", "capacity") => {
            stored(crate::features::access_log::capacity::Capacity::parse(text).map(|c| t.access_log.capacity(c)))
        }
        ("contact", "muted" | "sms_muted") => {
            use crate::features::notices::views::Topic;
            let muted: Vec<&str> = text.split(',').collect();
            let topics: Vec<&str> = Topic::ALL
                .into_iter()
                .filter(|topic| topic.kinds().iter().any(|k| muted.contains(k)))
                .map(|topic| topic.label(t))
                .collect();
            topics.join("; ")
        }
        _ => find(t.my_data.values, table, &format!("{column}={text}")).map_or_else(|| text.to_string(), str::to_string),
    })
}

/// The rows of each registered table in words, as [`Section`]s (empty
/// tables left out), for the person `me`.
pub async fn sections(
    store: &dyn Store,
    me: PersonId,
    tables: Vec<(&'static Entry, &'static str, Vec<JsonRow>)>,
    lang: Lang,
) -> DbResult<Vec<Section>> {
    let t = lang.texts();
    let mut people = People { store, me, known: HashMap::new() };
    let mut out = Vec::new();
    for (entry, section, rows) in tables {
        if rows.is_empty() {
            continue;
        }
        let crate::features::my_data::registry::Kept::Exported { people: person_columns, .. } = entry.kept else { continue };
        let mut shown = Vec::new();
        for row in &rows {
            let mut fields = Vec::new();
            for (column, value) in row {
                if value.is_null() || only_in_the_file(entry.table, column) {
                    continue;
                }
                let value = if person_columns.contains(&column.as_str()) {
                    let Some(id) = value.as_i64() else { continue };
                    // "About you" on every row of one's own records says nothing.
                    if id == me.0 && matches!(column.as_str(), "citizen_id" | "person_id") {
                        continue;
                    }
                    people.word(id, t).await?
                } else {
                    match words(t, lang, entry.table, column, value, row) {
                        Some(w) => w,
                        None => continue,
                    }
                };
                let label = label(t, entry.table, column).unwrap_or(column.as_str()).to_string();
                fields.push(Field { label, value });
            }
            shown.push(fields);
        }
        out.push(Section { key: section.to_string(), rows: shown });
    }
    Ok(out)
}
