//! The admin audit log (who did what, when, before → after) and finding
//! people by name.
//!
//! A store method that changes something an admin may do writes its audit
//! line in its own transaction with [`audit_in!`], so the change and its
//! line are one; [`AdminStore::audit`] is for an action that has no
//! transaction of its own.

use async_trait::async_trait;

use crate::kernel::ids::*;
use crate::ssr::db::*;

/// One line of the admin audit log, to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAudit<'a> {
    /// Who did it; `None`: the command line.
    pub actor: Option<PersonId>,
    /// What, as a word that never changes (`handover`, `caseload_limits`).
    pub action: &'a str,
    /// Whom it concerns, if anyone.
    pub person: Option<PersonId>,
    pub before: &'a str,
    pub after: &'a str,
}

/// One line of the admin audit log, as read (with the names of the moment).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub action: String,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    /// Whom it concerns is a citizen (their name on the page is a read of their data).
    pub person_is_citizen: bool,
    pub before: String,
    pub after: String,
}

/// A person found by name, for the admin's list.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct FoundPerson {
    pub id: i64,
    pub full_name: String,
    /// Has a CPR number: a citizen.
    pub is_citizen: bool,
    /// Their primary caseworker's name, for a citizen who has one.
    pub caseworker: Option<String>,
}

/// Writes a line of the admin audit log inside the caller's transaction.
macro_rules! audit_in {
    ($tx:expr, $audit:expr, $now:expr) => {
        let audit: &crate::features::admin::store::NewAudit = $audit;
        sqlx::query("INSERT INTO admin_audit (at, actor_id, action, person_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind($now)
            .bind(audit.actor.map(|p| p.0))
            .bind(audit.action)
            .bind(audit.person.map(|p| p.0))
            .bind(audit.before)
            .bind(audit.after)
            .execute(&mut *$tx)
            .await?;
    };
}
pub(crate) use audit_in;

#[async_trait]
pub trait AdminStore: Send + Sync {
    /// Writes one line of the audit log on its own.
    async fn audit(&self, line: &NewAudit<'_>, now: i64) -> DbResult<()>;
    /// The audit log, newest first, a page at a time from `before`.
    async fn audit_page(&self, before: Option<crate::kernel::paging::Before>, limit: i64) -> DbResult<Vec<AuditRow>>;
    /// People whose name contains `words` (case does not matter), by name:
    /// at most `limit`.
    async fn find_people(&self, words: &str, limit: i64) -> DbResult<Vec<FoundPerson>>;
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl AdminStore for $store {
            async fn audit(&self, line: &NewAudit<'_>, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                audit_in!(tx, line, now);
                tx.commit().await?;
                Ok(())
            }
            async fn audit_page(&self, before: Option<crate::kernel::paging::Before>, limit: i64) -> DbResult<Vec<AuditRow>> {
                let (at, id) = crate::kernel::paging::Before::bounds(before);
                Ok(sqlx::query_as(
                    "SELECT a.id, a.at, a.actor_id, actor.full_name AS actor_name, a.action, a.person_id, \
                       subject.full_name AS person_name, (subject.cpr IS NOT NULL) AS person_is_citizen, a.before, a.after \
                     FROM admin_audit a LEFT JOIN person actor ON actor.id = a.actor_id \
                     LEFT JOIN person subject ON subject.id = a.person_id \
                     WHERE a.at < $1 OR (a.at = $1 AND a.id < $2) ORDER BY a.at DESC, a.id DESC LIMIT $3",
                )
                .bind(at)
                .bind(id)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn find_people(&self, words: &str, limit: i64) -> DbResult<Vec<FoundPerson>> {
                // LIKE's own wildcards in what was typed are matched as themselves.
                let escaped = words.trim().to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
                Ok(sqlx::query_as(
                    "SELECT p.id, p.full_name, (p.cpr IS NOT NULL) AS is_citizen, cw.full_name AS caseworker \
                     FROM person p \
                     LEFT JOIN caseworker_assignment ca ON ca.citizen_id = p.id AND ca.kind = 'primary' AND ca.to_at IS NULL \
                     LEFT JOIN person cw ON cw.id = ca.staff_id \
                     WHERE LOWER(p.full_name) LIKE $1 ESCAPE '\\' ORDER BY p.full_name, p.id LIMIT $2",
                )
                .bind(format!("%{escaped}%"))
                .bind(limit)
                .fetch_all(&self.pool)
                .await?)
            }
        }
    };
}

sql!(SqliteStore);
sql!(PgStore);
