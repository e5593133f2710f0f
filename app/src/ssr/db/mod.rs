//! The data layer: one [`Store`] trait, implemented for SQLite (the embedded
//! default) and PostgreSQL (production), chosen by the database URL scheme.
//!
//! The SQL is the same on both backends (numbered `$n` parameters,
//! `RETURNING`), so it is written once in `store_impl!` and instantiated for
//! each pool type; only how a write transaction starts differs. Timestamps are
//! UTC milliseconds since the epoch; money is øre; ids are `i64`.

#[cfg(test)]
mod conformance;
mod store_impl;
pub mod synthetic;
pub mod types;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use crate::kernel::ids::*;
use crate::kernel::plan::{ActorKind, Role};
use crate::kernel::{Amount, LongText};
pub use types::*;

/// What can go wrong in the store, as the services need to tell it apart.
#[derive(Debug)]
pub enum DbError {
    /// The row asked for does not exist.
    NotFound,
    /// The write would break a rule the database guards (a unique key, a
    /// budget that would be overspent, a full meetup).
    Conflict(&'static str),
    /// A rate limit was reached (too many new requests in the window).
    Limited,
    /// Anything else; logged once where it is handled.
    Other(sqlx::Error),
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
            sqlx::Error::Database(db) if db.is_unique_violation() => DbError::Conflict("already exists"),
            sqlx::Error::Database(db) if db.is_check_violation() => DbError::Conflict("rule violated"),
            sqlx::Error::Database(db) if db.is_foreign_key_violation() => DbError::Conflict("unknown reference"),
            _ => DbError::Other(e),
        }
    }
}

pub type DbResult<T> = Result<T, DbError>;

/// Everything the services read and write. Every method is one transaction.
#[async_trait]
pub trait Store: Send + Sync + 'static {
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

    // People and roles
    async fn create_person(&self, p: &NewPerson, now: i64) -> DbResult<PersonId>;
    async fn person(&self, id: PersonId) -> DbResult<Person>;
    async fn person_by_subject(&self, subject: &str) -> DbResult<Option<Person>>;
    async fn person_by_cpr(&self, cpr: &str) -> DbResult<Option<Person>>;
    /// Links a login subject to a person who has none yet (first login).
    async fn link_subject(&self, id: PersonId, subject: &str) -> DbResult<()>;
    /// The name the person chose to be shown by in the network groups.
    async fn set_display_name(&self, id: PersonId, name: &str) -> DbResult<()>;
    async fn grant_role(&self, id: PersonId, role: Role, now: i64) -> DbResult<()>;
    async fn revoke_role(&self, id: PersonId, role: Role) -> DbResult<()>;
    async fn roles(&self, id: PersonId) -> DbResult<Vec<Role>>;
    async fn people_with_role(&self, role: Role) -> DbResult<Vec<PersonId>>;
    async fn set_staff_profile(&self, id: PersonId, profile: &StaffProfile) -> DbResult<()>;
    async fn staff_profile(&self, id: PersonId) -> DbResult<Option<StaffProfile>>;
    async fn add_outreach_hours(&self, staff: PersonId, hours: &OutreachHours) -> DbResult<()>;
    async fn outreach_hours(&self, staff: PersonId) -> DbResult<Vec<OutreachHours>>;

    // Caseworkers
    /// Makes `staff` the citizen's caseworker of this kind from `now`, ending
    /// whoever held that place; both in one transaction.
    async fn assign_caseworker(&self, citizen: PersonId, staff: PersonId, kind: AssignmentKind, now: i64) -> DbResult<()>;
    /// Ends the stand-in arrangement, if any.
    async fn end_standin(&self, citizen: PersonId, now: i64) -> DbResult<()>;
    async fn current_caseworker(&self, citizen: PersonId, kind: AssignmentKind) -> DbResult<Option<PersonId>>;
    /// How many different primary caseworkers the citizen has had since `since`.
    async fn caseworker_count_since(&self, citizen: PersonId, since: i64) -> DbResult<i64>;
    /// The citizens whose primary caseworker or stand-in `staff` is now.
    async fn caseload(&self, staff: PersonId) -> DbResult<Vec<PersonId>>;

    // The plan
    /// The citizen's plan, created on first use.
    async fn ensure_plan(&self, citizen: PersonId, now: i64) -> DbResult<PlanId>;
    async fn plan_of(&self, citizen: PersonId) -> DbResult<Option<PlanId>>;
    async fn add_goal(&self, plan: PlanId, goal: &NewGoal, actor: Actor, now: i64) -> DbResult<GoalId>;
    async fn goals(&self, plan: PlanId) -> DbResult<Vec<Goal>>;
    async fn goal(&self, id: GoalId) -> DbResult<Goal>;
    /// The citizen proposes a goal in their own plan. The idempotency key
    /// makes a repeated submit (a double tap, a reload) return the first goal.
    async fn propose_goal(&self, citizen: PersonId, g: &NewGoal, key: &str, now: i64) -> DbResult<SubmitOutcome<GoalId>>;
    /// Moves a goal from `c.from` to `c.to` with its history line, decision and
    /// notification; `Conflict` when the goal is no longer `c.from`.
    async fn change_goal(&self, c: &GoalChange, now: i64) -> DbResult<()>;
    /// Proposals waiting for `staff` (as caseworker or stand-in), oldest first.
    async fn open_goals_for(&self, staff: PersonId) -> DbResult<Vec<OpenGoal>>;
    /// Everyone `staff` is caseworker or stand-in for, with their plan's state.
    async fn caseload_overview(&self, staff: PersonId, now: i64) -> DbResult<Vec<CaseloadRow>>;
    async fn add_activity(&self, plan: PlanId, a: &NewActivity, actor: Actor, now: i64) -> DbResult<ActivityId>;
    async fn activities(&self, plan: PlanId) -> DbResult<Vec<Activity>>;
    /// Changes an activity (department, title, responsible, status);
    /// `NotFound` unless it is in `plan`.
    async fn update_activity(&self, plan: PlanId, id: ActivityId, a: &NewActivity, actor: Actor, now: i64) -> DbResult<()>;
    /// Cancels an appointment; `NotFound` unless it is in `plan` and not cancelled.
    async fn cancel_appointment(&self, plan: PlanId, id: AppointmentId, actor: Actor, now: i64) -> DbResult<()>;
    async fn add_meeting_note(&self, plan: PlanId, staff: PersonId, body: &crate::kernel::LongText, now: i64) -> DbResult<()>;
    /// Newest first.
    async fn meeting_notes(&self, plan: PlanId) -> DbResult<Vec<MeetingNote>>;
    async fn add_appointment(&self, plan: PlanId, a: &NewAppointment, actor: Actor, now: i64) -> DbResult<AppointmentId>;
    async fn appointments(&self, plan: PlanId) -> DbResult<Vec<Appointment>>;
    async fn history(&self, plan: PlanId) -> DbResult<Vec<PlanEvent>>;

    // Personal budgets
    async fn budget_cap(&self) -> DbResult<Amount>;
    async fn set_budget_cap(&self, cap: Amount) -> DbResult<()>;
    /// How many new spending requests a citizen may make per hour.
    async fn requests_per_hour(&self) -> DbResult<i64>;
    async fn set_requests_per_hour(&self, n: i64) -> DbResult<()>;
    /// Grants a budget; refused above the cap, or while the citizen has a
    /// budget that has not ended.
    async fn grant_budget(&self, b: &NewBudget, now: i64) -> DbResult<BudgetId>;
    /// Adds to a budget that has not ended; refused past the cap.
    async fn top_up_budget(&self, id: BudgetId, amount: Amount, by: PersonId, now: i64) -> DbResult<()>;
    /// Ends a budget: what is unused is taken back (a `reduce` entry), no new
    /// requests can be made; pending requests stay reserved until decided.
    async fn end_budget(&self, id: BudgetId, by: PersonId, now: i64) -> DbResult<()>;
    /// The budget's requests, newest first.
    async fn spending_requests(&self, budget: BudgetId) -> DbResult<Vec<SpendingRequest>>;
    /// Pending requests waiting for `staff` (as caseworker or stand-in), oldest first.
    async fn open_spending_for(&self, staff: PersonId) -> DbResult<Vec<OpenSpending>>;
    async fn budget(&self, id: BudgetId) -> DbResult<Budget>;
    async fn budgets_of(&self, citizen: PersonId) -> DbResult<Vec<Budget>>;
    async fn ledger(&self, id: BudgetId) -> DbResult<Vec<LedgerEntry>>;
    /// Files a spending request and reserves its amount, atomically: refused
    /// with `Conflict` when more than is available and `Limited` past the
    /// rate limit. The idempotency key makes a repeated submit return the
    /// first request (also past the limit).
    async fn request_spending(&self, r: &NewSpendingRequest, now: i64) -> DbResult<SubmitOutcome<RequestId>>;
    async fn spending_request(&self, id: RequestId) -> DbResult<SpendingRequest>;
    /// Releases a pending request's reservation (citizen cancels).
    async fn cancel_spending(&self, id: RequestId, now: i64) -> DbResult<()>;
    /// Decides a pending request: `approved` of at most the requested amount
    /// is spent and the rest released; `None` declines and releases all. The
    /// decision record and the notification are written in the same
    /// transaction; `Conflict` when it is no longer pending.
    async fn decide_spending(&self, d: &SpendingDecision, now: i64) -> DbResult<DecisionId>;

    // Decisions
    async fn decisions_of(&self, citizen: PersonId) -> DbResult<Vec<Decision>>;

    // Network groups
    async fn create_group(&self, g: &NewGroup, now: i64) -> DbResult<GroupId>;
    async fn add_group_host(&self, group: GroupId, host: PersonId) -> DbResult<()>;
    /// Groups that are not archived, by name.
    async fn groups(&self) -> DbResult<Vec<Group>>;
    /// A group that is not archived; `NotFound` otherwise.
    async fn group(&self, id: GroupId) -> DbResult<Group>;
    /// The display names of a group's hosts (never their full names).
    async fn host_display_names(&self, group: GroupId) -> DbResult<Vec<String>>;
    async fn meetup(&self, id: MeetupId) -> DbResult<Meetup>;
    /// Joins a group (joining twice is once).
    async fn join_group(&self, group: GroupId, person: PersonId, now: i64) -> DbResult<()>;
    async fn leave_group(&self, group: GroupId, person: PersonId) -> DbResult<()>;
    async fn is_member(&self, group: GroupId, person: PersonId) -> DbResult<bool>;
    /// A group's meetups from `from` on that are not cancelled, soonest first.
    async fn group_meetups(&self, group: GroupId, from: i64) -> DbResult<Vec<Meetup>>;
    async fn create_meetup(&self, m: &NewMeetup, now: i64) -> DbResult<MeetupId>;
    async fn upcoming_meetups(&self, from: i64, limit: i64) -> DbResult<Vec<Meetup>>;
    /// Signs up for a meetup: `going` while there is room, else `waiting`
    /// (at the back of the line). `Conflict` when already signed up, or the
    /// meetup is cancelled or has started.
    async fn sign_up(&self, meetup: MeetupId, person: PersonId, now: i64) -> DbResult<SignupStatus>;
    /// Cancels a sign-up. A freed place goes to the first in line, who is
    /// notified (`moved_up`: the notification's kind and link) in the same
    /// transaction; returns who moved up. `Conflict` when not signed up.
    async fn cancel_signup(
        &self,
        meetup: MeetupId,
        person: PersonId,
        moved_up: (&'static str, String),
        now: i64,
    ) -> DbResult<Option<PersonId>>;
    /// Who is going (first) and who waits, each in the order they signed up.
    async fn signups(&self, meetup: MeetupId) -> DbResult<Vec<(PersonId, SignupStatus)>>;

    // Network groups, the hosts' side
    /// Creates a group with `host` as its host, in one transaction. The
    /// idempotency key makes a repeated submit return the first group.
    async fn create_hosted_group(&self, g: &NewGroup, host: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<GroupId>>;
    /// Changes a group's name, description, topic, area and usual place.
    async fn update_group(&self, id: GroupId, g: &NewGroup) -> DbResult<()>;
    async fn is_host(&self, group: GroupId, person: PersonId) -> DbResult<bool>;
    /// Groups (not archived) the person hosts, by name.
    async fn hosted_groups(&self, person: PersonId) -> DbResult<Vec<Group>>;
    /// Groups (not archived) the person is a member of, by name.
    async fn member_groups(&self, person: PersonId) -> DbResult<Vec<Group>>;
    /// The person's places and places in line for meetups starting from
    /// `from` on, soonest first; cancelled meetups too (they see that).
    async fn my_meetups(&self, person: PersonId, from: i64) -> DbResult<Vec<(Meetup, SignupStatus)>>;
    /// A host posts a meetup; the key makes a repeated submit return the first.
    async fn post_meetup(&self, m: &NewMeetup, host: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<MeetupId>>;
    /// Changes a meetup (`m.group` is ignored), in one transaction: added
    /// places go to the first in line (notified `moved_up`); when the time,
    /// duration, place, address or text changed, everyone going or waiting
    /// is notified (`changed`). `Conflict` when it is cancelled, or the
    /// capacity would be below the number already going.
    async fn update_meetup(&self, id: MeetupId, m: &NewMeetup, notices: &MeetupNotices, now: i64) -> DbResult<()>;
    /// Cancels a meetup and notifies everyone going or waiting, in one
    /// transaction; `Conflict` when it is already cancelled.
    async fn cancel_meetup(&self, id: MeetupId, notice: (&'static str, String), now: i64) -> DbResult<()>;
    /// The chosen display names of who is going (first) and who waits, in
    /// order; `None` for someone who has not chosen one. Never anything else
    /// about them: this is what a host sees.
    async fn attendees(&self, meetup: MeetupId) -> DbResult<Vec<(Option<String>, SignupStatus)>>;
    /// A host's message to everyone going or waiting, each notified, in one
    /// transaction; the key makes a repeated submit return the first.
    async fn announce(
        &self,
        meetup: MeetupId,
        sender: PersonId,
        body: &LongText,
        notice: (&'static str, String),
        key: &str,
        now: i64,
    ) -> DbResult<SubmitOutcome<AnnouncementId>>;
    /// A meetup's announcements, newest first.
    async fn announcements(&self, meetup: MeetupId) -> DbResult<Vec<Announcement>>;

    // Notifications and the access log
    async fn notify(&self, person: PersonId, kind: &str, link: &str, now: i64) -> DbResult<NotificationId>;
    async fn notifications(&self, person: PersonId) -> DbResult<Vec<Notification>>;
    async fn unread_notifications(&self, person: PersonId) -> DbResult<i64>;
    async fn mark_notifications_read(&self, person: PersonId, now: i64) -> DbResult<()>;
    async fn log_access(&self, citizen: PersonId, staff: PersonId, role: Role, purpose: &str, now: i64) -> DbResult<()>;
    /// The same entry for each of `citizens`, all or none (one page that
    /// shows several citizens' data, such as the inbox).
    async fn log_accesses(&self, citizens: &[PersonId], staff: PersonId, role: Role, purpose: &str, now: i64) -> DbResult<()>;
    async fn access_log(&self, citizen: PersonId) -> DbResult<Vec<AccessLogEntry>>;

    // Operations
    /// How many people exist, for the seeder and tests.
    async fn count_people(&self) -> DbResult<i64>;
    /// Copies the database to a file while it is in use (SQLite `VACUUM INTO`;
    /// PostgreSQL is backed up with its own tools: `pg_dump`).
    async fn backup_to(&self, path: &str) -> DbResult<()>;
    /// Creates `n` synthetic citizens with plans in few, large transactions.
    async fn seed_synthetic_citizens(&self, n: u32, caseworkers: &[PersonId], now: i64) -> DbResult<()>;
}

/// Who acts, for the plan's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    pub kind: ActorKind,
    pub id: Option<PersonId>,
}

impl Actor {
    pub const SYSTEM: Actor = Actor { kind: ActorKind::System, id: None };
    pub fn citizen(id: PersonId) -> Actor {
        Actor { kind: ActorKind::Citizen, id: Some(id) }
    }
    pub fn staff(id: PersonId) -> Actor {
        Actor { kind: ActorKind::Staff, id: Some(id) }
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
        // An in-memory database exists once per connection: keep exactly one.
        let max = if in_memory { 1 } else { 8 };
        let pool = SqlitePoolOptions::new().max_connections(max).connect_with(options).await?;
        Ok(SqliteStore { pool, writer: Default::default() })
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

/// Replaces the SQLite database at `database_url` with the backup at
/// `backup`, after checking that the backup is an intact Én Plan database.
/// The server must be stopped. The copy is written beside the target and
/// renamed over it, so a failure half-way leaves the old database in place.
pub async fn restore_sqlite(backup: &str, database_url: &str) -> Result<(), String> {
    if !database_url.starts_with("sqlite:") {
        return Err("restore is for SQLite; restore PostgreSQL with pg_restore".into());
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
    let target = SqliteConnectOptions::from_str(database_url).map_err(|e| e.to_string())?.get_filename().to_path_buf();
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
