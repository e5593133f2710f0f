//! The data layer: one [`Store`] trait, implemented for SQLite (the embedded
//! default) and PostgreSQL (production), chosen by the database URL scheme.
//!
//! The SQL is the same on both backends (numbered `$n` parameters,
//! `RETURNING`), so it is written once in `store_impl!` and instantiated for
//! each pool type; only how a write transaction starts differs. Timestamps are
//! UTC milliseconds since the epoch; money is øre; ids are `i64`.

#[cfg(test)]
mod conformance;
mod decode;
pub mod limits;
pub mod secrets;
pub(crate) mod sql;
mod store_impl;
pub mod synthetic;
#[cfg(test)]
pub(crate) mod testing;
pub mod types;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use crate::kernel::ids::*;
use crate::kernel::plan::ActorKind;
use crate::kernel::Amount;
pub use types::*;

pub use crate::features::access_log::store::AccessLogStore;
pub use crate::features::admin::store::AdminStore;
pub use crate::features::budget::store::BudgetStore;
pub use crate::features::casework::store::CaseworkStore;
pub use crate::features::complaints::store::ComplaintStore;
pub use crate::features::conversation::store::ConversationStore;
pub use crate::features::cover::store::CoverStore;
pub use crate::features::decisions::store::DecisionStore;
pub use crate::features::goals::store::GoalStore;
pub use crate::features::handover::store::HandoverStore;
/// Each feature's part of the store; [`Store`] is all of them.
pub use crate::features::identity::store::PeopleStore;
pub use crate::features::municipality::store::MunicipalityStore;
pub use crate::features::my_data::store::ExportStore;
pub use crate::features::network::store::NetworkStore;
pub use crate::features::notices::store::NoticeStore;
pub use crate::features::notifications::store::NotificationStore;
pub use crate::features::people::store::StaffStore;
pub use crate::features::plan::store::PlanStore;
pub use crate::features::representation::store::RepresentationStore;
pub use crate::features::settings::store::SettingsStore;
pub use limits::{LimitStore, PerHour};
pub use secrets::SecretStore;

/// The store's feature traits, so their methods can be called on a
/// `&dyn Store`: `use crate::ssr::db::prelude::*;`.
pub mod prelude {
    pub use crate::features::access_log::store::AccessLogStore as _;
    pub use crate::features::admin::store::AdminStore as _;
    pub use crate::features::budget::store::BudgetStore as _;
    pub use crate::features::casework::store::CaseworkStore as _;
    pub use crate::features::complaints::store::ComplaintStore as _;
    pub use crate::features::conversation::store::ConversationStore as _;
    pub use crate::features::cover::store::CoverStore as _;
    pub use crate::features::decisions::store::DecisionStore as _;
    pub use crate::features::goals::store::GoalStore as _;
    pub use crate::features::handover::store::HandoverStore as _;
    pub use crate::features::identity::store::PeopleStore as _;
    pub use crate::features::municipality::store::MunicipalityStore as _;
    pub use crate::features::my_data::store::ExportStore as _;
    pub use crate::features::network::store::NetworkStore as _;
    pub use crate::features::notices::store::NoticeStore as _;
    pub use crate::features::notifications::store::NotificationStore as _;
    pub use crate::features::people::store::StaffStore as _;
    pub use crate::features::plan::store::PlanStore as _;
    pub use crate::features::representation::store::RepresentationStore as _;
    pub use crate::features::settings::store::SettingsStore as _;
    pub use crate::ssr::db::limits::LimitStore as _;
    pub use crate::ssr::db::secrets::SecretStore as _;
}

/// What can go wrong in the store, as the services need to tell it apart.
#[derive(Debug)]
pub enum DbError {
    /// The row asked for does not exist.
    NotFound,
    /// The write would break a rule the database guards, named, so a
    /// service can say why without reading again.
    Conflict(Rule),
    /// A rate limit was reached (too many new requests in the window).
    Limited,
    /// Anything else; logged once where it is handled.
    Other(sqlx::Error),
}

/// Which rule a refused write would have broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A unique key: it exists already.
    AlreadyExists,
    /// A CHECK constraint (the database's last guard of money and places).
    Check,
    /// A reference to a row that does not exist.
    UnknownReference,
    /// More money than is left in the budget; what is left now.
    NotEnoughLeft(Amount),
    /// The budget has ended: nothing more can be asked for or added.
    BudgetEnded,
    /// Past the municipality's budget cap.
    OverCap,
    /// Someone else changed it first (a handover of the same citizen).
    Changed,
    /// A caseworker already has as many citizens as the hard limit (the limit).
    CaseloadFull(i64),
    /// Any other rule of one store method, in words (its doc comment says when).
    Named(&'static str),
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rule::AlreadyExists => f.write_str("already exists"),
            Rule::Check => f.write_str("rule violated"),
            Rule::UnknownReference => f.write_str("unknown reference"),
            Rule::NotEnoughLeft(left) => write!(f, "more than is available ({left} left)"),
            Rule::BudgetEnded => f.write_str("the budget has ended"),
            Rule::OverCap => f.write_str("over the budget cap"),
            Rule::Changed => f.write_str("changed meanwhile"),
            Rule::CaseloadFull(limit) => write!(f, "the caseload is full ({limit})"),
            Rule::Named(what) => f.write_str(what),
        }
    }
}

impl DbError {
    /// A conflict with a rule named in words.
    pub fn conflict(what: &'static str) -> DbError {
        DbError::Conflict(Rule::Named(what))
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::NotFound => f.write_str("not found"),
            DbError::Conflict(what) => write!(f, "conflict: {what}"),
            DbError::Limited => f.write_str("rate limit reached"),
            DbError::Other(e) => write!(f, "database error: {e}"),
        }
    }
}

impl std::error::Error for DbError {}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => DbError::Conflict(Rule::AlreadyExists),
            sqlx::Error::Database(db) if db.is_check_violation() => DbError::Conflict(Rule::Check),
            sqlx::Error::Database(db) if db.is_foreign_key_violation() => DbError::Conflict(Rule::UnknownReference),
            _ => DbError::Other(e),
        }
    }
}

pub type DbResult<T> = Result<T, DbError>;

/// Everything the services read and write. Every method is one transaction.
#[async_trait]
pub trait Store:
    PeopleStore
    + CaseworkStore
    + PlanStore
    + GoalStore
    + BudgetStore
    + DecisionStore
    + NetworkStore
    + NoticeStore
    + NotificationStore
    + AccessLogStore
    + ConversationStore
    + LimitStore
    + SecretStore
    + ExportStore
    + ComplaintStore
    + MunicipalityStore
    + RepresentationStore
    + AdminStore
    + HandoverStore
    + CoverStore
    + SettingsStore
    + StaffStore
    + Send
    + Sync
    + 'static
{
    /// Which backend this is, for logs and health output.
    fn backend(&self) -> &'static str;
    /// The connection pool, for libraries that keep their own tables in the
    /// same database (the session store).
    fn pool(&self) -> Pool;
    /// A round trip, for health checks.
    async fn ping(&self) -> DbResult<()>;
    /// Applies the migrations of this backend.
    async fn migrate(&self) -> DbResult<()>;
    /// True when nobody exists yet (first start: time for demo data).
    async fn is_empty(&self) -> DbResult<bool>;
    /// How many people exist, for the seeder and tests.
    async fn count_people(&self) -> DbResult<i64>;
    /// How many citizens are real: their CPR number is neither synthetic
    /// (`9913…`, the seeder's) nor one of the demo data's.
    async fn count_real_citizens(&self) -> DbResult<i64>;
    /// Copies the database to a file while it is in use (SQLite `VACUUM INTO`;
    /// PostgreSQL is backed up with its own tools: `pg_dump`).
    async fn backup_to(&self, path: &str) -> DbResult<()>;
    /// Deletes every row of every table but the record of migrations and
    /// the municipality's settings (`setting`: budget cap, request limit),
    /// in one transaction: a fresh start for demo data (`server admin demo
    /// --reset`, refused in production). Ids start again from 1.
    async fn wipe(&self) -> DbResult<()>;
    /// Creates `n` synthetic citizens with plans in few, large transactions.
    async fn seed_synthetic_citizens(&self, n: u32, caseworkers: &[PersonId], now: i64) -> DbResult<()>;
}

/// Who acts, for the plan's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    pub kind: ActorKind,
    pub id: Option<PersonId>,
    /// The helper who did it for the citizen, and as what.
    pub helper: Option<(PersonId, crate::kernel::representation::HelperKind)>,
}

impl Actor {
    pub const SYSTEM: Actor = Actor { kind: ActorKind::System, id: None, helper: None };
    pub fn citizen(id: PersonId) -> Actor {
        Actor { kind: ActorKind::Citizen, id: Some(id), helper: None }
    }
    pub fn staff(id: PersonId) -> Actor {
        Actor { kind: ActorKind::Staff, id: Some(id), helper: None }
    }
    /// `helper` acting for the citizen `citizen` as `kind`.
    pub fn helper(citizen: PersonId, helper: PersonId, kind: crate::kernel::representation::HelperKind) -> Actor {
        Actor { helper: Some((helper, kind)), ..Actor::citizen(citizen) }
    }
}

/// A backend's connection pool.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl From<SqlitePool> for Pool {
    fn from(p: SqlitePool) -> Pool {
        Pool::Sqlite(p)
    }
}

impl From<PgPool> for Pool {
    fn from(p: PgPool) -> Pool {
        Pool::Postgres(p)
    }
}

/// The SQLite backend.
#[derive(Clone, Debug)]
pub struct SqliteStore {
    pub pool: SqlitePool,
    /// One write transaction at a time in this process, in arrival order.
    /// SQLite has one write lock; waiting for it in SQLite's busy handler
    /// (sleeps growing to 100 ms) made the inbox's p99 0.5–1.6 s under load
    /// (`.ci/bench`), as waiters slept through the moments it was free.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// A shared lock on `<database>.lock` while this process has the file
    /// open, so `server admin restore` can tell that it is in use.
    _in_use: Option<std::sync::Arc<std::fs::File>>,
}

/// The PostgreSQL backend.
#[derive(Clone, Debug)]
pub struct PgStore {
    pub pool: PgPool,
}

impl SqliteStore {
    /// Opens (creating if missing) an SQLite file in WAL mode with foreign
    /// keys on and `synchronous=FULL`: money is written here, and an
    /// acknowledged write must survive a power cut, not only a crash.
    ///
    /// No memory map (`PRAGMA mmap_size`): measured with .ci/bench it made the
    /// inbox slower (430 -> 313 requests/s at 1,000 citizens, 276 -> 200 at
    /// 100,000), as the file grows with every access-log write and the map
    /// follows it, and it counted the mapped file in the server's memory
    /// (397 MB at 100,000 citizens).
    pub async fn connect(url: &str) -> Result<SqliteStore, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let in_memory = options.get_filename().as_os_str() == ":memory:" || url.contains("mode=memory");
        if let Some(dir) = options.get_filename().parent() {
            if !in_memory && !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
            }
        }
        let in_use = if in_memory { None } else { Some(std::sync::Arc::new(hold_shared(options.get_filename())?)) };
        // An in-memory database exists once per connection: keep exactly one.
        let max = if in_memory { 1 } else { 8 };
        let pool = SqlitePoolOptions::new().max_connections(max).connect_with(options).await?;
        Ok(SqliteStore { pool, writer: Default::default(), _in_use: in_use })
    }
}

impl PgStore {
    pub async fn connect(url: &str) -> Result<PgStore, sqlx::Error> {
        let pool = PgPoolOptions::new().max_connections(16).acquire_timeout(Duration::from_secs(10)).connect(url).await?;
        Ok(PgStore { pool })
    }
}

/// Connects by URL scheme: `sqlite:` or `postgres:`/`postgresql:`.
pub async fn connect(url: &str) -> Result<std::sync::Arc<dyn Store>, sqlx::Error> {
    if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(std::sync::Arc::new(PgStore::connect(url).await?))
    } else if url.starts_with("sqlite:") {
        Ok(std::sync::Arc::new(SqliteStore::connect(url).await?))
    } else {
        Err(sqlx::Error::Configuration("the database URL must start with sqlite: or postgres:".into()))
    }
}

/// The lock file beside an SQLite database.
fn lock_path(database: &std::path::Path) -> std::path::PathBuf {
    let mut p = database.as_os_str().to_owned();
    p.push(".lock");
    p.into()
}

/// A shared lock on the database's lock file, held as long as the file is.
fn hold_shared(database: &std::path::Path) -> Result<std::fs::File, sqlx::Error> {
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(lock_path(database)).map_err(sqlx::Error::Io)?;
    file.lock_shared().map_err(sqlx::Error::Io)?;
    Ok(file)
}

/// Replaces the SQLite database at `database_url` with the backup at
/// `backup`, after checking that the backup is an intact Én Plan database.
/// Refused while a server (or any other process of ours) has the database
/// open: it holds a shared lock on `<database>.lock`, and restore needs it
/// alone. The copy is written beside the target and renamed over it, so a
/// failure half-way leaves the old database in place.
pub async fn restore_sqlite(backup: &str, database_url: &str) -> Result<(), String> {
    if !database_url.starts_with("sqlite:") {
        return Err("restore is for SQLite; restore PostgreSQL with pg_restore".into());
    }
    let target = SqliteConnectOptions::from_str(database_url).map_err(|e| e.to_string())?.get_filename().to_path_buf();
    let alone = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(&target))
        .map_err(|e| format!("the database's lock file: {e}"))?;
    if alone.try_lock().is_err() {
        return Err("the database is in use (a server is running on it): stop the server, then restore".into());
    }
    if !std::path::Path::new(backup).is_file() {
        return Err(format!("no backup file at {backup}"));
    }
    let check = SqliteConnectOptions::new().filename(backup).read_only(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(check).await.map_err(|e| e.to_string())?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&pool).await.map_err(|e| e.to_string())?;
    let migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&pool)
        .await
        .map_err(|_| "the backup is not an Én Plan database".to_string())?;
    pool.close().await;
    if integrity != "ok" || migrations == 0 {
        return Err(format!("the backup is damaged (integrity check: {integrity})"));
    }
    let tmp = target.with_extension("restoring");
    std::fs::copy(backup, &tmp).map_err(|e| format!("copying the backup: {e}"))?;
    for suffix in ["-wal", "-shm"] {
        let mut side = target.clone().into_os_string();
        side.push(suffix);
        let _ = std::fs::remove_file(side);
    }
    std::fs::rename(&tmp, &target).map_err(|e| format!("moving the backup into place: {e}"))?;
    Ok(())
}

/// SQLite's own consistency check: `"ok"` when the file is intact.
pub async fn integrity_check(store: &SqliteStore) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&store.pool).await
}
