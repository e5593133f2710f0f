//! The data export (GDPR art. 15): every record about the person asking,
//! table by table as the registry says, in a documented, versioned JSON
//! format. Only one's own: the person is the signed-in one, never a parameter.

use serde_json::{json, Map, Value};

use crate::features::my_data::registry::{Kept, REGISTRY};
use crate::kernel::time::iso;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;
use crate::ssr::service::ServiceResult;

/// The export's format name and version (README: "The data export").
pub const FORMAT: &str = "enplan-data-export";
pub const VERSION: i64 = 1;

/// A column that holds a time (milliseconds since 1970, UTC).
fn is_time(column: &str) -> bool {
    column == "at" || column.ends_with("_at") || column == "period_start" || column == "period_end"
}

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

/// Everything recorded about `user`, extracted at `now`.
pub async fn export(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<Value> {
    let mut sections = Vec::new();
    let mut left_out = Vec::new();
    for entry in REGISTRY {
        match entry.kept {
            Kept::Exported { section, query, omit } => {
                let rows = store.export_rows(query, user.person_id, omit).await?;
                let rows: Vec<Value> = rows.into_iter().map(|r| readable(entry.table, r)).collect();
                sections.push(json!({ "section": section, "table": entry.table, "rows": rows }));
            }
            Kept::Excluded(why) => left_out.push(json!({ "table": entry.table, "why": why })),
        }
    }
    Ok(json!({
        "format": FORMAT,
        "version": VERSION,
        "extracted_at": iso(now),
        "person_id": user.person_id.0,
        "sections": sections,
        "not_included": left_out,
    }))
}
