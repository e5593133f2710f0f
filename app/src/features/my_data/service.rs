//! The data export (GDPR art. 15): every record about the person asking,
//! table by table as the registry says, in a documented, versioned JSON
//! format. Only one's own: the person is the signed-in one, never a parameter.

use serde_json::{json, Map, Value};

use crate::features::my_data::plain::is_time;
use crate::features::my_data::registry::{Entry, Kept, REGISTRY};
use crate::features::my_data::store::JsonRow;
use crate::features::my_data::views::Records;
use crate::i18n::Lang;
use crate::kernel::time::{date_time, iso};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;
use crate::ssr::service::ServiceResult;

/// The export's format name and version (README: "The data export").
pub const FORMAT: &str = "enplan-data-export";
pub const VERSION: i64 = 1;

/// Times as ISO 8601 with the Copenhagen offset; money (`*_ore`) in øre and
/// as text in kroner; a file with the link it is downloaded from.
fn readable(table: &str, mut row: Map<String, Value>) -> Value {
    for (column, value) in row.iter_mut() {
        let Some(n) = value.as_i64() else { continue };
        if is_time(column) {
            *value = Value::from(iso(n));
        } else if column.ends_with("_ore") {
            let kroner = crate::kernel::Amount::from_ore(n.abs()).map(|a| format!("{}{a}", if n < 0 { "-" } else { "" }));
            *value = json!({ "ore": n, "kroner": kroner });
        }
    }
    if table == "attachment" {
        if let Some(id) = row.get("id").and_then(Value::as_i64) {
            row.insert("link".into(), Value::from(crate::routes::attachment(id)));
        }
    }
    Value::Object(row)
}

/// Whose records: the signed-in person's own, or, for their helper with
/// the scope to see them, the citizen's (the read is in the citizen's
/// access log). Anyone signed in has records, staff too; a helper acting
/// for someone without that scope has none here.
async fn subject(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<crate::ssr::access::Acting> {
    use crate::ssr::access::{Acting, Capacity, Purpose, Scope};
    if user.acting_for.is_none() {
        return Ok(Acting { citizen: user.person_id, actor: user.person_id, capacity: Capacity::Citizen });
    }
    let acting = crate::ssr::access::citizen_for(user, Scope::See)?;
    acting.log_read(store, Purpose::RecordsSeen, now).await?;
    Ok(acting)
}

/// The rows of every exported table about `acting.citizen`, in the
/// registry's order. A helper never sees the citizen's CPR number.
async fn collect(
    store: &dyn Store,
    acting: &crate::ssr::access::Acting,
) -> ServiceResult<Vec<(&'static Entry, &'static str, Vec<JsonRow>)>> {
    let mut tables = Vec::new();
    for entry in REGISTRY {
        if let Kept::Exported { section, query, omit, .. } = entry.kept {
            let mut omit = omit.to_vec();
            if acting.helper().is_some() && entry.table == "person" {
                omit.push("cpr");
            }
            tables.push((entry, section, store.export_rows(query, acting.citizen, &omit).await?));
        }
    }
    Ok(tables)
}

/// Everything recorded about `user`, extracted at `now`.
pub async fn export(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<Value> {
    let acting = subject(store, user, now).await?;
    let mut sections = Vec::new();
    for (entry, section, rows) in collect(store, &acting).await? {
        let rows: Vec<Value> = rows.into_iter().map(|r| readable(entry.table, r)).collect();
        sections.push(json!({ "section": section, "table": entry.table, "rows": rows }));
    }
    let left_out: Vec<Value> = REGISTRY
        .iter()
        .filter_map(|e| match e.kept {
            Kept::Excluded(why) => Some(json!({ "table": e.table, "why": why })),
            Kept::Exported { .. } => None,
        })
        .collect();
    Ok(json!({
        "format": FORMAT,
        "version": VERSION,
        "extracted_at": iso(now),
        "person_id": acting.citizen.0,
        "sections": sections,
        "not_included": left_out,
    }))
}

/// The same records in plain words, for the page and its print view.
pub async fn records(store: &dyn Store, user: &CurrentUser, now: i64, lang: Lang) -> ServiceResult<Records> {
    let acting = subject(store, user, now).await?;
    let tables = collect(store, &acting).await?;
    let sections = crate::features::my_data::plain::sections(store, acting.citizen, tables, lang).await?;
    Ok(Records { extracted: date_time(now, lang), sections })
}
