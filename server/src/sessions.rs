//! Sessions live in the same database as the data (tower-sessions'
//! sqlx stores), so several app servers behind a load balancer share them.
//!
//! The cookie is a browser-session cookie (no `Max-Age`): closing the browser
//! on a shared computer ends the login. The row in the database still
//! expires after the idle time (plus a margin), set by this store on every
//! write, so an abandoned session does not linger.

use async_trait::async_trait;
use tower_sessions::cookie::{time, SameSite};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use app::ssr::db::Pool;

/// The session store of whichever backend the data is in.
#[derive(Clone, Debug)]
pub struct DbSessionStore {
    inner: Backend,
    /// How long a row outlives its last write.
    keep: time::Duration,
}

#[derive(Clone, Debug)]
enum Backend {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl DbSessionStore {
    /// Wraps the pool and creates the session table if it is missing; rows
    /// expire `idle_minutes` (plus 5) after their last write.
    pub async fn new(pool: Pool, idle_minutes: i64) -> Result<DbSessionStore, crate::BoxError> {
        let inner = match pool {
            Pool::Sqlite(p) => {
                let s = SqliteStore::new(p);
                s.migrate().await?;
                Backend::Sqlite(s)
            }
            Pool::Postgres(p) => {
                let s = PostgresStore::new(p);
                s.migrate().await?;
                Backend::Postgres(s)
            }
        };
        Ok(DbSessionStore { inner, keep: time::Duration::minutes(idle_minutes + 5) })
    }

    /// `record` with the row's expiry counted from now.
    fn kept(&self, record: &Record) -> Record {
        let mut r = record.clone();
        r.expiry_date = time::OffsetDateTime::now_utc() + self.keep;
        r
    }

    /// Deletes expired sessions every `period`, forever.
    pub async fn delete_expired_every(self, period: std::time::Duration) {
        let mut tick = tokio::time::interval(period);
        loop {
            tick.tick().await;
            if let Err(e) = self.delete_expired().await {
                tracing::warn!(error = %e, "could not delete expired sessions");
            }
        }
    }
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        record.expiry_date = self.kept(record).expiry_date;
        match &self.inner {
            Backend::Sqlite(s) => s.create(record).await,
            Backend::Postgres(s) => s.create(record).await,
        }
    }
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let record = self.kept(record);
        match &self.inner {
            Backend::Sqlite(s) => s.save(&record).await,
            Backend::Postgres(s) => s.save(&record).await,
        }
    }
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match &self.inner {
            Backend::Sqlite(s) => s.load(id).await,
            Backend::Postgres(s) => s.load(id).await,
        }
    }
    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match &self.inner {
            Backend::Sqlite(s) => s.delete(id).await,
            Backend::Postgres(s) => s.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match &self.inner {
            Backend::Sqlite(s) => s.delete_expired().await,
            Backend::Postgres(s) => s.delete_expired().await,
        }
    }
}

/// The session cookie's name: with the `__Host-` prefix over https, which
/// makes browsers insist on `Secure`, `Path=/` and no `Domain`.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-enplan"
    } else {
        "enplan"
    }
}

/// The session layer. `SameSite=Lax`, not tower-sessions' default `Strict`:
/// with `Strict` the browser drops the cookie on the redirect back from the
/// identity provider and the login transaction is lost (DESIGN.md). Cross-site
/// posts are refused separately (`security::refuse_cross_site_writes`).
/// The cookie ends with the browser (`Expiry::OnSessionEnd`: no `Max-Age`);
/// the row's expiry in the store is a backstop ([`DbSessionStore`]); idle and
/// absolute timeouts are enforced by `auth::load_user` with the app's clock.
pub fn layer(store: DbSessionStore, https: bool) -> SessionManagerLayer<DbSessionStore> {
    SessionManagerLayer::new(store)
        .with_name(cookie_name(https))
        .with_secure(https)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnSessionEnd)
}
