//! The core of [`Store`] for each backend: health, migrations, backup,
//! seeding, and how a write transaction starts. Each feature's SQL is in its
//! own `store.rs` (`features/*/store.rs`).
//!
//! Rules the database itself guards (so no code path can break them):
//! a budget's `reserved + spent <= granted` (CHECK), a meetup's
//! `going_count <= capacity` (CHECK), one active caseworker of each kind per
//! citizen (partial unique index), one plan per citizen (UNIQUE).
//! Money moves with a single conditional `UPDATE … WHERE available >= amount`,
//! which is atomic on both backends under their default isolation: the
//! check-then-insert race measured in DESIGN.md cannot happen.

use async_trait::async_trait;

use super::*;

macro_rules! store_impl {
    ($store:ty, $row:ty, $backend:literal, $migrator:expr) => {
        #[async_trait]
        impl Store for $store {
            fn backend(&self) -> &'static str {
                $backend
            }
            fn pool(&self) -> Pool {
                Pool::from(self.pool.clone())
            }
            async fn ping(&self) -> DbResult<()> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }
            async fn migrate(&self) -> DbResult<()> {
                $migrator.run(&self.pool).await.map_err(|e| DbError::Other(e.into()))
            }
            async fn is_empty(&self) -> DbResult<bool> {
                Ok(self.count_people().await? == 0)
            }
            async fn count_people(&self) -> DbResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM person").fetch_one(&self.pool).await?)
            }
            async fn count_real_citizens(&self) -> DbResult<i64> {
                let numbers: Vec<String> =
                    sqlx::query_scalar("SELECT cpr FROM person WHERE cpr IS NOT NULL AND cpr NOT LIKE '9913%'").fetch_all(&self.pool).await?;
                Ok(numbers.iter().filter(|cpr| !crate::ssr::demo::is_demo_cpr(cpr)).count() as i64)
            }
            async fn backup_to(&self, path: &str) -> DbResult<()> {
                self.backup_impl(path).await
            }
            async fn wipe(&self) -> DbResult<()> {
                self.wipe_impl().await
            }
            async fn seed_synthetic_citizens(&self, n: u32, caseworkers: &[PersonId], now: i64) -> DbResult<()> {
                const CHUNK: u32 = 5_000;
                let offset: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM person WHERE cpr LIKE '9913%'").fetch_one(&self.pool).await?;
                let mut done = 0u32;
                while done < n {
                    let mut tx = self.begin_write().await?;
                    for i in done..(done + CHUNK).min(n) {
                        let seq = offset + i64::from(i);
                        let s = super::synthetic::citizen(seq);
                        let person: i64 = sqlx::query_scalar(
                            "INSERT INTO person (cpr, full_name, created_at) VALUES ($1, $2, $3) RETURNING id",
                        )
                        .bind(&s.cpr)
                        .bind(&s.name)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                        let plan: i64 = sqlx::query_scalar("INSERT INTO plan (citizen_id, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id")
                            .bind(person)
                            .bind(now)
                            .fetch_one(&mut *tx)
                            .await?;
                        for (title, status) in s.goals {
                            sqlx::query(
                                "INSERT INTO goal (plan_id, title, status, proposed_by, created_at, updated_at) VALUES ($1, $2, $3, 'citizen', $4, $4)",
                            )
                            .bind(plan)
                            .bind(title)
                            .bind(status)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                        }
                        for (dept, title, responsible) in s.activities {
                            sqlx::query(
                                "INSERT INTO activity (plan_id, department, title, responsible, status, updated_at) VALUES ($1, $2, $3, $4, 'active', $5)",
                            )
                            .bind(plan)
                            .bind(dept)
                            .bind(title)
                            .bind(responsible)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                        }
                        if !caseworkers.is_empty() {
                            let cw = caseworkers[(seq as usize) % caseworkers.len()];
                            sqlx::query("INSERT INTO caseworker_assignment (citizen_id, staff_id, kind, from_at) VALUES ($1, $2, 'primary', $3)")
                                .bind(person)
                                .bind(cw.0)
                                .bind(now)
                                .execute(&mut *tx)
                                .await?;
                        }
                    }
                    tx.commit().await?;
                    done = (done + CHUNK).min(n);
                }
                Ok(())
            }
        }
    };
}

/// A write transaction on SQLite that holds this process's writer turn
/// (see `SqliteStore::writer`) until it is committed or dropped. Used like
/// a `Transaction`: `&mut *tx` is the connection, `tx.commit()` ends it.
pub(crate) struct SqliteWrite {
    tx: sqlx::Transaction<'static, sqlx::Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl std::ops::Deref for SqliteWrite {
    type Target = sqlx::SqliteConnection;
    fn deref(&self) -> &sqlx::SqliteConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for SqliteWrite {
    fn deref_mut(&mut self) -> &mut sqlx::SqliteConnection {
        &mut self.tx
    }
}

impl SqliteWrite {
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl SqliteStore {
    /// SQLite takes the write lock at the start (`BEGIN IMMEDIATE`): a
    /// deferred transaction that reads first and writes later fails with
    /// "database is locked" under concurrency (DESIGN.md). Writers of this
    /// process queue for their turn first, in order, without a connection.
    pub(crate) async fn begin_write(&self) -> Result<SqliteWrite, sqlx::Error> {
        let turn = self.writer.clone().lock_owned().await;
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(SqliteWrite { tx, _turn: turn })
    }
}

impl SqliteStore {
    /// The copy is made in a file created first with only its owner allowed
    /// to read it (it holds every citizen's data), and without the sessions:
    /// a restored backup logs nobody in.
    async fn backup_impl(&self, path: &str) -> DbResult<()> {
        use std::os::unix::fs::OpenOptionsExt;
        if std::path::Path::new(path).exists() {
            return Err(DbError::conflict("the backup file exists already"));
        }
        // SQLite writes VACUUM INTO into an empty file as it is.
        std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(sqlx::Error::Io)?;
        sqlx::query("VACUUM INTO $1").bind(path).execute(&self.pool).await?;
        let copy = sqlx::sqlite::SqliteConnectOptions::new().filename(path);
        let mut conn = sqlx::ConnectOptions::connect(&copy).await?;
        sqlx::query("DROP TABLE IF EXISTS tower_sessions").execute(&mut conn).await?;
        sqlx::query("VACUUM").execute(&mut conn).await?;
        sqlx::Connection::close(conn).await?;
        Ok(())
    }
}

impl SqliteStore {
    /// Foreign keys are switched off on the connection for the deletes
    /// (the pragma has no effect inside a transaction), and on again after.
    async fn wipe_impl(&self) -> DbResult<()> {
        let _turn = self.writer.clone().lock_owned().await;
        let mut conn = self.pool.acquire().await?;
        sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
        let wiped = async {
            let mut tx = sqlx::Connection::begin(&mut *conn).await?;
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('_sqlx_migrations', 'setting')",
            )
            .fetch_all(&mut *tx)
            .await?;
            for table in tables {
                sqlx::query(&format!("DELETE FROM \"{table}\"")).execute(&mut *tx).await?;
            }
            let sequences: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'").fetch_one(&mut *tx).await?;
            if sequences > 0 {
                sqlx::query("DELETE FROM sqlite_sequence").execute(&mut *tx).await?;
            }
            tx.commit().await
        }
        .await;
        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
        Ok(wiped?)
    }
}

impl PgStore {
    async fn wipe_impl(&self) -> DbResult<()> {
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_sqlx_migrations', 'setting')",
        )
        .fetch_all(&self.pool)
        .await?;
        if tables.is_empty() {
            return Ok(());
        }
        let list = tables.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", ");
        sqlx::query(&format!("TRUNCATE {list} RESTART IDENTITY CASCADE")).execute(&self.pool).await?;
        Ok(())
    }

    async fn backup_impl(&self, _path: &str) -> DbResult<()> {
        Err(DbError::conflict("back up PostgreSQL with pg_dump"))
    }

    /// READ COMMITTED is enough: every check that guards money or places is
    /// a single conditional UPDATE, which locks the row it changes.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.pool.begin().await
    }
}

store_impl!(SqliteStore, sqlx::sqlite::SqliteRow, "sqlite", sqlx::migrate!("../migrations/sqlite"));
store_impl!(PgStore, sqlx::postgres::PgRow, "postgres", sqlx::migrate!("../migrations/postgres"));
