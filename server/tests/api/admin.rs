//! The admin command line, and what survives a killed process.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use app::kernel::plan::Role;
use app::ssr::db::prelude::*;
use app::ssr::db::{self, SqliteStore, Store};
use server::admin::{run, Admin};
use server::config::Environment;

fn sqlite_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}/enplan.db", dir.path().display())
}

async fn admin(cmd: Admin, url: &str) -> Result<String, String> {
    let mut out = Vec::new();
    run(cmd, url, Environment::Development, &mut out).await?;
    Ok(String::from_utf8(out).expect("utf-8"))
}

async fn count_people(url: &str) -> i64 {
    let store = SqliteStore::connect(url).await.expect("open");
    let n = store.count_people().await.expect("count");
    store.pool.close().await;
    n
}

/// `create-caseworker` with a name and the title only.
fn caseworker(name: &str) -> Admin {
    Admin::CreateCaseworker {
        name: name.into(),
        title: "Tovholder".into(),
        phone: String::new(),
        email: String::new(),
        reach: String::new(),
        office: String::new(),
    }
}

#[tokio::test]
async fn a_caseworker_is_created_assigned_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    let out = admin(caseworker("Karin Holm"), &url).await.unwrap();
    assert_eq!(out.trim(), "created caseworker 1");
    admin(caseworker("Jonas Lund"), &url).await.unwrap();
    admin(Admin::Seed { citizens: 1, caseload: None, force: false }, &url).await.unwrap();

    admin(assign(3, Some(2), Some(1)), &url).await.unwrap();
    let store = SqliteStore::connect(&url).await.unwrap();
    use app::kernel::ids::PersonId;
    use app::ssr::db::AssignmentKind;
    assert_eq!(store.current_caseworker(PersonId(3), AssignmentKind::Primary, now()).await.unwrap(), Some(PersonId(2)));
    assert_eq!(store.current_caseworker(PersonId(3), AssignmentKind::Standin, now()).await.unwrap(), Some(PersonId(1)));

    let refused = admin(assign(3, Some(3), None), &url).await;
    assert_eq!(refused, Err("person 3 does not have the caseworker role".into()));

    // A new primary caseworker is a handover: audited as the command line's, the citizen told.
    admin(assign(3, Some(1), None), &url).await.unwrap();
    assert_eq!(store.current_caseworker(PersonId(3), AssignmentKind::Primary, now()).await.unwrap(), Some(PersonId(1)));
    let audit = store.audit_page(None, 10).await.unwrap();
    assert_eq!((audit[0].action.as_str(), audit[0].actor_id, audit[0].after.as_str()), ("handover", None, "Karin Holm"));
    let handovers = audit.iter().filter(|a| a.action == "handover").count();
    assert_eq!(store.notifications(PersonId(3)).await.unwrap().iter().filter(|n| n.kind == "caseworker_changed").count(), handovers);
    assert_eq!(audit.iter().filter(|a| a.action == "caseworker_created" && a.actor_id.is_none()).count(), 2, "created by the command line");
}

fn assign(citizen: i64, caseworker: Option<i64>, standin: Option<i64>) -> Admin {
    Admin::Assign {
        citizen,
        caseworker,
        standin,
        no_standin: false,
        message: "Du har fået en ny sagsbehandler.".into(),
        note: String::new(),
    }
}

#[tokio::test]
async fn the_host_role_is_granted_and_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(Admin::Seed { citizens: 1, caseload: None, force: false }, &url).await.unwrap();
    admin(Admin::GrantHost { person: 1 }, &url).await.unwrap();
    let store = SqliteStore::connect(&url).await.unwrap();
    assert_eq!(store.people_with_role(Role::Host).await.unwrap().len(), 1);
    admin(Admin::RevokeHost { person: 1 }, &url).await.unwrap();
    assert_eq!(store.people_with_role(Role::Host).await.unwrap().len(), 0);
    // The same services as the admin pages, audited as the command line's.
    let audit = store.audit_page(None, 10).await.unwrap();
    let lines: Vec<(&str, Option<i64>, &str, &str)> =
        audit.iter().map(|a| (a.action.as_str(), a.actor_id, a.before.as_str(), a.after.as_str())).collect();
    assert_eq!(lines, vec![("role_revoked", None, "host", ""), ("role_granted", None, "", "host")]);
    assert!(admin(Admin::GrantHost { person: 99 }, &url).await.is_err(), "no such person");
}

#[tokio::test]
async fn the_first_admin_is_made_on_the_command_line_and_audited_as_its() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(caseworker("Ulla Administrator"), &url).await.unwrap();
    assert_eq!(admin(Admin::GrantAdmin { person: 1 }, &url).await.unwrap().trim(), "person 1 is an admin");
    let store = SqliteStore::connect(&url).await.unwrap();
    assert_eq!(store.people_with_role(Role::Admin).await.unwrap(), vec![app::kernel::ids::PersonId(1)]);
    admin(Admin::RevokeAdmin { person: 1 }, &url).await.unwrap();
    assert!(store.people_with_role(Role::Admin).await.unwrap().is_empty());
    let audit = store.audit_page(None, 2).await.unwrap();
    let lines: Vec<(&str, Option<i64>, &str)> = audit.iter().map(|a| (a.action.as_str(), a.actor_id, a.after.as_str())).collect();
    assert_eq!(lines, vec![("role_revoked", None, "caseworker"), ("role_granted", None, "admin, caseworker")], "the roles after");
    assert!(admin(Admin::GrantAdmin { person: 99 }, &url).await.is_err(), "no such person");
}

#[tokio::test]
async fn the_municipality_is_set_as_a_whole_and_a_missing_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    let set = |name: &str, phone: &str| Admin::SetMunicipality {
        name: name.into(),
        address: "Torvet 1, 9999 Demoby".into(),
        phone: phone.into(),
        dpo: "dpo@demoby.dk".into(),
    };
    let out = admin(set("Demoby Kommune", "70 00 00 00"), &url).await.unwrap();
    assert!(out.starts_with("municipality: Demoby Kommune"), "{out}");
    let err = admin(set("  ", "70\n00"), &url).await.unwrap_err();
    assert!(err.starts_with("--name: ") && err.contains("--phone: "), "each refused field named: {err}");
    let store = SqliteStore::connect(&url).await.unwrap();
    let m = store.municipality().await.unwrap();
    assert_eq!(
        (m.name.as_str(), m.phone.as_str(), m.dpo.as_str()),
        ("Demoby Kommune", "70 00 00 00", "dpo@demoby.dk"),
        "nothing half-written"
    );
}

#[tokio::test]
async fn the_budget_cap_is_typed_the_danish_way() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    assert_eq!(admin(Admin::SetBudgetCap { kroner: "40.000".into() }, &url).await.unwrap().trim(), "budget cap: 40.000,00 kr.");
    let err = admin(Admin::SetBudgetCap { kroner: "40,000.00".into() }, &url).await.unwrap_err();
    assert!(err.starts_with("--kroner:"), "{err}");
}

#[tokio::test]
async fn the_request_limit_is_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    assert_eq!(admin(Admin::SetRequestLimit { per_hour: 25 }, &url).await.unwrap().trim(), "spending requests per citizen per hour: 25");
    let store = SqliteStore::connect(&url).await.unwrap();
    assert_eq!(store.per_hour(app::ssr::db::PerHour::Requests).await.unwrap(), 25);
    assert!(admin(Admin::SetRequestLimit { per_hour: 0 }, &url).await.is_err(), "a limit of 0 would stop every request");
}

#[tokio::test]
async fn the_message_limit_is_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    assert_eq!(admin(Admin::SetMessageLimit { per_hour: 12 }, &url).await.unwrap().trim(), "messages per citizen per hour: 12");
    let store = SqliteStore::connect(&url).await.unwrap();
    assert_eq!(store.per_hour(app::ssr::db::PerHour::Messages).await.unwrap(), 12);
    assert!(admin(Admin::SetMessageLimit { per_hour: 0 }, &url).await.is_err(), "a limit of 0 would silence every citizen");
}

#[tokio::test]
async fn the_other_hourly_limits_are_settings_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    let set = |what: &str, per_hour| Admin::SetLimit { what: what.into(), per_hour };
    assert_eq!(admin(set("goals", 4), &url).await.unwrap().trim(), "goals per person per hour: 4");
    assert_eq!(admin(set("announcements", 2), &url).await.unwrap().trim(), "announcements per person per hour: 2");
    let store = SqliteStore::connect(&url).await.unwrap();
    assert_eq!(store.per_hour(app::ssr::db::PerHour::Goals).await.unwrap(), 4);
    assert_eq!(store.per_hour(app::ssr::db::PerHour::Announcements).await.unwrap(), 2);
    assert!(admin(set("cakes", 2), &url).await.unwrap_err().contains("one of goals"), "an unknown limit is named");
    assert!(admin(set("groups", 0), &url).await.is_err());
}

#[tokio::test]
async fn a_backup_taken_while_running_restores_to_exactly_that_state() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(Admin::Seed { citizens: 50, caseload: None, force: false }, &url).await.unwrap();
    let backup = dir.path().join("backup.db").display().to_string();

    // Online: a connection stays open (as a running server's would) during the backup.
    let live = SqliteStore::connect(&url).await.unwrap();
    admin(Admin::Backup { to: backup.clone() }, &url).await.unwrap();
    assert!(admin(Admin::Backup { to: backup.clone() }, &url).await.is_err(), "an existing backup is never overwritten");
    live.seed_synthetic_citizens(25, &[], 0).await.unwrap();
    assert_eq!(live.count_people().await.unwrap(), 75);
    live.pool.close().await;
    drop(live);

    admin(Admin::Restore { from: backup }, &url).await.unwrap();
    assert_eq!(count_people(&url).await, 50);
}

#[tokio::test]
async fn a_backup_is_readable_by_its_owner_only_and_holds_no_sessions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(Admin::Seed { citizens: 5, caseload: None, force: false }, &url).await.unwrap();
    let live = SqliteStore::connect(&url).await.unwrap();
    // A running server's session table, with a logged-in session in it.
    sqlx::query("CREATE TABLE tower_sessions (id TEXT PRIMARY KEY NOT NULL, data BLOB NOT NULL, expiry_date INTEGER NOT NULL)")
        .execute(&live.pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO tower_sessions VALUES ('a-live-session', x'00', 9999999999)").execute(&live.pool).await.unwrap();
    let backup = dir.path().join("backup.db");
    admin(Admin::Backup { to: backup.display().to_string() }, &url).await.unwrap();
    assert_eq!(std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777, 0o600, "only its owner may read it");
    let copy = SqliteStore::connect(&format!("sqlite://{}", backup.display())).await.unwrap();
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'").fetch_all(&copy.pool).await.unwrap();
    assert!(!tables.iter().any(|t| t == "tower_sessions") && tables.iter().any(|t| t == "person"), "{tables:?}");
    assert_eq!(copy.count_people().await.unwrap(), 5, "everything else is there");
    let bytes = std::fs::read(&backup).unwrap();
    assert!(!bytes.windows(14).any(|w| w == b"a-live-session"), "not even in a free page");
}

#[tokio::test]
async fn restore_is_refused_while_a_server_has_the_database_open() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(Admin::Seed { citizens: 3, caseload: None, force: false }, &url).await.unwrap();
    let backup = dir.path().join("backup.db").display().to_string();
    admin(Admin::Backup { to: backup.clone() }, &url).await.unwrap();
    let server = SqliteStore::connect(&url).await.unwrap();
    server.seed_synthetic_citizens(2, &[], 0).await.unwrap();
    let err = admin(Admin::Restore { from: backup.clone() }, &url).await.unwrap_err();
    assert!(err.contains("in use"), "{err}");
    assert_eq!(server.count_people().await.unwrap(), 5, "the running database is untouched");
    server.pool.close().await;
    drop(server);
    admin(Admin::Restore { from: backup }, &url).await.unwrap();
    assert_eq!(count_people(&url).await, 3, "once stopped, it restores");
}

#[tokio::test]
async fn seeding_is_refused_on_a_database_with_real_citizens_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(Admin::Demo { reset: false }, &url).await.unwrap();
    admin(Admin::Seed { citizens: 3, caseload: None, force: false }, &url).await.expect("demo and synthetic people are not real");
    let store = SqliteStore::connect(&url).await.unwrap();
    let real = db::NewPerson {
        full_name: app::kernel::ShortText::parse("Rigtig Borger").unwrap(),
        cpr: Some("150565-1234".into()),
        subject: None,
        display_name: None,
    };
    store.create_person(&real, 0).await.unwrap();
    let before = store.count_people().await.unwrap();
    let err = admin(Admin::Seed { citizens: 3, caseload: None, force: false }, &url).await.unwrap_err();
    assert!(err.contains("real citizens (1)") && err.contains("--force"), "{err}");
    assert_eq!(store.count_people().await.unwrap(), before, "nothing was added");
    admin(Admin::Seed { citizens: 3, caseload: None, force: true }, &url).await.unwrap();
    assert_eq!(store.count_people().await.unwrap(), before + 3);
}

#[tokio::test]
async fn a_damaged_or_foreign_file_is_not_restored() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(Admin::Seed { citizens: 5, caseload: None, force: false }, &url).await.unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not a database").unwrap();
    assert!(admin(Admin::Restore { from: junk.display().to_string() }, &url).await.is_err());
    assert!(admin(Admin::Restore { from: "/nonexistent/backup.db".into() }, &url).await.is_err());
    assert_eq!(count_people(&url).await, 5, "the database is untouched");
}

#[tokio::test]
async fn a_killed_process_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    let mut acknowledged = 0i64;
    for (cycle, acks_before_kill) in [1usize, 3, 2, 4].into_iter().enumerate() {
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["admin", "seed", "--citizens", "1000000"])
            .env("APP_DATABASE_URL", &url)
            .env("APP_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("server binary starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let mut seen = 0;
        while seen < acks_before_kill {
            let line = lines.next().expect("the seeder acknowledges a batch").expect("readable");
            if line.starts_with("committed ") {
                seen += 1;
            }
        }
        acknowledged += 5_000 * seen as i64;
        child.kill().expect("SIGKILL"); // kill -9: no chance to clean up
        child.wait().expect("reaped");

        let people = count_people(&url).await;
        assert!(people >= acknowledged, "cycle {cycle}: {people} people, {acknowledged} acknowledged");
        assert_eq!(people % 5_000, 0, "cycle {cycle}: a batch is all or nothing");
        acknowledged = people;
        let store = SqliteStore::connect(&url).await.unwrap();
        let check: String = sqlx_integrity(&store).await;
        assert_eq!(check, "ok", "cycle {cycle}");
        store.pool.close().await;
    }
}

async fn sqlx_integrity(store: &SqliteStore) -> String {
    db::integrity_check(store).await.expect("integrity check runs")
}

#[tokio::test]
async fn a_staff_login_is_linked_once_and_never_stolen() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(caseworker("Karin Holm"), &url).await.unwrap();
    admin(caseworker("Jonas Lund"), &url).await.unwrap();
    let out = admin(Admin::LinkLogin { person: 1, subject: "kh-123".into(), staff: true }, &url).await.unwrap();
    assert_eq!(out.trim(), "person 1 now logs in as staff:kh-123");
    let store = SqliteStore::connect(&url).await.unwrap();
    assert_eq!(store.person_by_subject("staff:kh-123").await.unwrap().map(|p| p.id.0), Some(1));

    let taken = admin(Admin::LinkLogin { person: 2, subject: "kh-123".into(), staff: true }, &url).await;
    assert!(taken.is_err(), "a login links to one person only");
    let relinked = admin(Admin::LinkLogin { person: 1, subject: "other".into(), staff: false }, &url).await;
    assert!(relinked.is_err(), "a linked person keeps their login");
    assert!(admin(Admin::LinkLogin { person: 2, subject: " ".into(), staff: false }, &url).await.is_err());
    assert!(admin(Admin::LinkLogin { person: 99, subject: "x".into(), staff: false }, &url).await.is_err());
}

#[tokio::test]
async fn seeding_with_a_caseload_makes_caseworkers_with_realistic_caseloads() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    admin(Admin::Seed { citizens: 90, caseload: Some(40), force: false }, &url).await.unwrap();
    let store = SqliteStore::connect(&url).await.unwrap();
    let caseworkers = store.people_with_role(Role::Caseworker).await.unwrap();
    assert_eq!(caseworkers.len(), 3, "90 citizens at about 40 each");
    let mut total = 0;
    for cw in caseworkers {
        let n = store.caseload(cw, now()).await.unwrap().len();
        assert!((1..=40).contains(&n), "{n} citizens for one caseworker");
        total += n;
    }
    assert_eq!(total, 90);
    assert!(admin(Admin::Seed { citizens: 1, caseload: Some(0), force: false }, &url).await.is_err());
}

#[tokio::test]
async fn demo_reset_starts_over_with_the_demo_data_in_development_and_is_refused_in_production() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir);
    assert_eq!(admin(Admin::Demo { reset: false }, &url).await.unwrap().trim(), "demo data created");
    let demo = count_people(&url).await;
    admin(caseworker("Ny Kollega"), &url).await.unwrap();
    assert_eq!(count_people(&url).await, demo + 1);
    assert!(admin(Admin::Demo { reset: false }, &url).await.unwrap().contains("not empty"), "without --reset nothing is wiped");
    assert_eq!(count_people(&url).await, demo + 1);

    let mut out = Vec::new();
    let refused = run(Admin::Demo { reset: true }, &url, Environment::Production, &mut out).await.unwrap_err();
    assert!(refused.contains("refused in production"), "{refused}");
    assert_eq!(count_people(&url).await, demo + 1, "production keeps its data");

    assert_eq!(admin(Admin::Demo { reset: true }, &url).await.unwrap().trim(), "demo data created");
    assert_eq!(count_people(&url).await, demo, "the extra person is gone and the demo people are back");
}

/// The command line's clock: the machine's.
fn now() -> i64 {
    use app::kernel::clock::Clock;
    app::kernel::clock::SystemClock.now_ms()
}
