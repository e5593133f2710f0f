//! The data export's reads: a registered query's rows as JSON objects,
//! column by column, whatever the table; and the schema, for the registry's
//! test. Both backends.

use async_trait::async_trait;
use serde_json::{Map, Value};
use sqlx::{Column, Row};

use crate::kernel::ids::PersonId;
use crate::ssr::db::*;

/// A row as column name → value.
pub type JsonRow = Map<String, Value>;

#[async_trait]
pub trait ExportStore: Send + Sync {
    /// The rows of a registered `query` (`$1` is `person`), without the `omit` columns.
    async fn export_rows(&self, query: &str, person: PersonId, omit: &[&str]) -> DbResult<Vec<JsonRow>>;
    /// Every table of the application's schema with its columns.
    async fn schema(&self) -> DbResult<Vec<(String, Vec<String>)>>;
    /// Every column with a foreign key to `person`, as (table, column).
    async fn person_columns(&self) -> DbResult<Vec<(String, String)>>;
}

/// One column's value, by the first Rust type it decodes as.
fn value<R: Row>(row: &R, i: usize) -> Value
where
    usize: sqlx::ColumnIndex<R>,
    for<'r> Option<i64>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<i32>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<bool>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<Vec<u8>>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    if let Ok(v) = row.try_get::<Option<i32>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    if let Ok(v) = row.try_get::<Option<bool>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    // Bytes are never exported as such: their size only.
    match row.try_get::<Option<Vec<u8>>, _>(i) {
        Ok(Some(bytes)) => Value::from(format!("{} bytes", bytes.len())),
        _ => Value::Null,
    }
}

fn to_json<R: Row>(row: &R, omit: &[&str]) -> JsonRow
where
    usize: sqlx::ColumnIndex<R>,
    for<'r> Option<i64>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<i32>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<bool>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<Vec<u8>>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    row.columns()
        .iter()
        .enumerate()
        .filter(|(_, c)| !omit.contains(&c.name()))
        .map(|(i, c)| (c.name().to_string(), value(row, i)))
        .collect()
}

/// The same for both backends but the schema's catalogue.
macro_rules! sql {
    ($store:ty, $schema:literal, $people:literal) => {
        #[async_trait]
        impl ExportStore for $store {
            async fn export_rows(&self, query: &str, person: PersonId, omit: &[&str]) -> DbResult<Vec<JsonRow>> {
                let rows = sqlx::query(query).bind(person.0).fetch_all(&self.pool).await?;
                Ok(rows.iter().map(|r| to_json(r, omit)).collect())
            }
            async fn schema(&self) -> DbResult<Vec<(String, Vec<String>)>> {
                let rows: Vec<(String, String)> = sqlx::query_as($schema).fetch_all(&self.pool).await?;
                Ok(group(rows))
            }
            async fn person_columns(&self) -> DbResult<Vec<(String, String)>> {
                Ok(sqlx::query_as($people).fetch_all(&self.pool).await?)
            }
        }
    };
}

sql!(
    SqliteStore,
    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
    "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
     WHERE m.type = 'table' AND f.\"table\" = 'person' ORDER BY m.name, f.\"from\""
);
sql!(
    PgStore,
    "SELECT table_name::text, column_name::text FROM information_schema.columns \
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
    "SELECT k.table_name::text, k.column_name::text FROM information_schema.referential_constraints r \
     JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema \
     JOIN information_schema.constraint_column_usage u \
       ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema \
     WHERE u.table_name = 'person' AND k.table_schema = current_schema() ORDER BY 1, 2"
);

fn group(rows: Vec<(String, String)>) -> Vec<(String, Vec<String>)> {
    let mut tables: Vec<(String, Vec<String>)> = Vec::new();
    for (table, column) in rows {
        match tables.last_mut() {
            Some((t, columns)) if *t == table => columns.push(column),
            _ => tables.push((table, vec![column])),
        }
    }
    tables
}
