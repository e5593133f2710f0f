//! What the figures programs share: a fresh, migrated database of their own.

use std::sync::Arc;

use app::ssr::db::Store;

/// The command line of a figures program: `[<n> [postgres://…]]` (2,000
/// and SQLite when not given), and the backend's name.
pub fn args() -> (i64, Option<String>, &'static str) {
    let args: Vec<String> = std::env::args().collect();
    let n = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let pg = args.get(2).cloned();
    let backend = if pg.is_some() { "PostgreSQL" } else { "SQLite" };
    (n, pg, backend)
}

/// A fresh store named `name`: a new database on the PostgreSQL server of
/// `admin` (dropped first if a run left it), or a SQLite file in `dir`.
pub async fn fresh_store(admin: Option<&str>, dir: &tempfile::TempDir, name: &str) -> Arc<dyn Store> {
    let url = match admin {
        Some(admin) => {
            let db = format!("enplan_figures_{name}");
            let admin_pool = sqlx::PgPool::connect(admin).await.unwrap();
            sqlx::query(&format!("DROP DATABASE IF EXISTS {db}")).execute(&admin_pool).await.unwrap();
            sqlx::query(&format!("CREATE DATABASE {db}")).execute(&admin_pool).await.unwrap();
            format!("{}/{db}", admin.rsplit_once('/').unwrap().0)
        }
        None => format!("sqlite://{}/{name}.db", dir.path().display()),
    };
    let store = app::ssr::db::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    store
}
