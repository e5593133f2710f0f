//! What the store stories share: fixtures, a fresh database per test, and
//! `on_both_backends!`, which runs each story on SQLite always and on
//! PostgreSQL whenever `TEST_DATABASE_URL` is set (under `CI=true` a missing
//! PostgreSQL is a failure, not a skip). Each feature's stories are in its
//! `store_tests.rs`.

use std::sync::Arc;

use crate::kernel::ids::*;
use crate::kernel::plan::Role;
use crate::kernel::{Amount, LongText, Reason, ShortText};
use crate::ssr::db::*;

pub(crate) const NOW: i64 = 1_790_000_000_000; // 2026-09-21, UTC milliseconds

/// Runs `n` calls at once, as a double tap or parallel submits do, each
/// given the store and its number; their answers, in order.
pub(crate) async fn at_once<T, Fut>(s: &Arc<dyn Store>, n: usize, call: impl Fn(Arc<dyn Store>, usize) -> Fut) -> Vec<T>
where
    Fut: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let tasks: Vec<_> = (0..n).map(|i| tokio::spawn(call(s.clone(), i))).collect();
    futures::future::join_all(tasks).await.into_iter().map(|t| t.expect("task")).collect()
}
pub(crate) const DAY: i64 = 86_400_000;

pub(crate) fn text(s: &str) -> ShortText {
    ShortText::parse(s).expect("valid text")
}

pub(crate) fn kr(k: i64) -> Amount {
    Amount::kroner(k).expect("in range")
}

pub(crate) async fn person<S: Store + ?Sized>(s: &S, name: &str, cpr: Option<&str>) -> PersonId {
    let p = NewPerson { full_name: text(name), cpr: cpr.map(str::to_string), subject: None, display_name: None };
    s.create_person(&p, NOW).await.expect("person created")
}

/// A citizen with a caseworker and a 10,000 kr. budget.
pub(crate) async fn citizen_with_budget<S: Store + ?Sized>(s: &S) -> (PersonId, PersonId, BudgetId) {
    let cw = person(s, "Karin Sagsbehandler", None).await;
    s.grant_role(cw, Role::Caseworker, NOW).await.unwrap();
    let c = person(s, "Jonas Borger", Some("011370-0001")).await;
    s.assign_caseworker(c, cw, AssignmentKind::Primary, NOW).await.unwrap();
    let b = s
        .grant_budget(
            &NewBudget { citizen: c, granted_by: cw, amount: kr(10_000), period_start: NOW, period_end: NOW + 450 * DAY, note: None },
            NOW,
        )
        .await
        .unwrap();
    (c, cw, b)
}

pub(crate) fn spend(b: BudgetId, c: PersonId, amount: Amount, key: &str) -> NewSpendingRequest {
    NewSpendingRequest {
        budget: b,
        citizen: c,
        amount,
        purpose: LongText::parse("Cykel til at komme i praktik").unwrap(),
        goal: None,
        idempotency_key: key.to_string(),
        limit: None,
        helper: None,
    }
}

pub(crate) fn decide(request: RequestId, approved: Option<Amount>, decision: NewDecision) -> SpendingDecision {
    SpendingDecision { request, approved, decision, notify_citizen: None }
}

pub(crate) async fn assert_ledger_balances<S: Store + ?Sized>(s: &S, b: BudgetId) -> Budget {
    let budget = s.budget(b).await.unwrap();
    let (granted, reserved, spent) = ledger_totals(&s.ledger(b).await.unwrap());
    assert_eq!((granted, reserved, spent), (budget.granted.ore(), budget.reserved.ore(), budget.spent.ore()), "ledger = totals");
    assert!(budget.reserved.ore() + budget.spent.ore() <= budget.granted.ore(), "never overspent");
    budget
}

pub(crate) fn decision(by: PersonId, reason: Option<&str>) -> NewDecision {
    NewDecision {
        decided_by: by,
        reasons: reason.map(|r| Reason::parse(r).unwrap()),
        appeal_guidance: "Klag til kommunen inden 4 uger.".into(),
        corrects: None,
    }
}

// ---- identity (the sign-in rule over the store) ----------------------------

pub(crate) fn login(sub: &str, cpr: Option<&str>) -> crate::features::identity::service::VerifiedIdentity {
    crate::features::identity::service::VerifiedIdentity {
        subject: sub.into(),
        cpr: cpr.map(str::to_string),
        name: Some("Mette Hansen".into()),
    }
}

// ---- the citizen's plan, as the plan service shows it ----------------------

pub(crate) fn signed_in(id: PersonId, citizen: bool) -> crate::ssr::auth::CurrentUser {
    crate::ssr::auth::CurrentUser {
        person_id: id,
        name: String::new(),
        roles: vec![],
        is_citizen: citizen,
        unread_notifications: 0,
        acting_for: None,
    }
}

// ---- goal proposals, answers and the caseworker's inbox -------------------

pub(crate) fn staff_user(id: PersonId) -> crate::ssr::auth::CurrentUser {
    crate::ssr::auth::CurrentUser { roles: vec![Role::Caseworker], ..signed_in(id, false) }
}

pub(crate) fn proposal(title: &str) -> crate::features::goals::forms::GoalProposal {
    crate::features::goals::forms::GoalProposal::parse(title, "Så jeg kan komme ud", "").expect("valid proposal")
}

pub(crate) fn declined(reason: &str) -> crate::features::goals::forms::GoalAnswer {
    crate::features::goals::forms::GoalAnswer::Decline { reason: Reason::parse(reason).unwrap() }
}

/// A citizen with a plan and a caseworker; returns (citizen, caseworker).
pub(crate) async fn citizen_with_plan(s: &dyn Store) -> (PersonId, PersonId) {
    let (c, cw, _) = citizen_with_budget(s).await;
    s.ensure_plan(c, NOW).await.unwrap();
    (c, cw)
}

// ---- fixtures -----------------------------------------------------------

/// A fresh SQLite file in a temporary folder (a file, not `:memory:`, so
/// concurrency tests use several connections and WAL as in production).
pub(crate) async fn sqlite_store() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::connect(&format!("sqlite://{}/test.db", dir.path().display())).await.expect("sqlite");
    store.migrate().await.expect("migrations");
    (Arc::new(store), dir)
}

/// A fresh PostgreSQL database, or `None` when no test server is configured
/// (outside CI only: under `CI=true` that is a failure).
pub(crate) async fn postgres_store() -> Option<Arc<dyn Store>> {
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        assert!(std::env::var("CI").is_err(), "TEST_DATABASE_URL must be set in CI: PostgreSQL tests may not be skipped");
        eprintln!("TEST_DATABASE_URL not set: skipping the PostgreSQL run of this test");
        return None;
    };
    let admin = PgStore::connect(&admin_url).await.expect("connect to TEST_DATABASE_URL");
    let name = format!("enplan_test_{}_{}", std::process::id(), next_db_number());
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin.pool).await.expect("create test database");
    admin.pool.close().await;
    let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin_url);
    let store = PgStore::connect(&format!("{base}/{name}")).await.expect("connect to test database");
    store.migrate().await.expect("migrations");
    Some(Arc::new(store))
}

pub(crate) fn next_db_number() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    N.fetch_add(1, Ordering::Relaxed) * 1_000_000_000 + u64::from(nanos)
}

pub(crate) fn host_user(id: PersonId) -> crate::ssr::auth::CurrentUser {
    crate::ssr::auth::CurrentUser { roles: vec![Role::Host], ..signed_in(id, false) }
}

pub(crate) fn group_input(name: &str) -> crate::features::network::forms::GroupInput {
    crate::features::network::forms::GroupInput::parse(name, "Vi mødes og hygger", "Hygge", "Nord", "Biblioteket").expect("valid group")
}

/// A meetup form as typed, `days` after NOW at 17:00 Copenhagen time.
pub(crate) fn meetup_input(days: i64, place: &str, capacity: i64) -> crate::features::network::forms::MeetupInput {
    let (date, _) = crate::kernel::time::form_date_time(NOW + days * DAY);
    crate::features::network::forms::MeetupInput::parse(&date, "17:00", "90", place, "Torvet 1", &capacity.to_string(), "Tag garn med")
        .expect("valid meetup")
}

macro_rules! on_both_backends {
    ($($story:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $story() {
                    let (store, _dir) = super::sqlite_store().await;
                    super::$story(store).await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $story() {
                    if let Some(store) = super::postgres_store().await {
                        super::$story(store).await;
                    }
                }
            )*
        }
    };
}

pub(crate) use on_both_backends;

/// A small PDF to attach (a message's file, a complaint's, a signed paper).
pub(crate) fn pdf_file(name: &str, bytes: &[u8]) -> crate::features::conversation::store::NewAttachment {
    use crate::features::conversation::{attachments::FileKind, store::Spooled};
    crate::features::conversation::store::NewAttachment {
        file_name: name.into(),
        kind: FileKind::Pdf,
        size: bytes.len() as i64,
        data: Spooled::from_bytes(bytes).unwrap(),
    }
}
