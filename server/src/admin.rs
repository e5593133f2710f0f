//! The municipality's admin command line: `server admin <command>`.
//! Works on the database in `APP_DATABASE_URL`, like the server itself.

use std::io::Write;

use clap::{Parser, Subcommand};

use app::features::admin::service::Caller;
use app::features::people::forms::{CaseworkerInput, LoginInput, ProfileInput};
use app::features::people::service as people;
use app::kernel::ids::PersonId;
use app::kernel::plan::Role;
use app::kernel::ShortText;
use app::ssr::db::{self, NewPerson, PerHour, Store};

use crate::config::Environment;

/// Én Plan's server. Without a command it serves the portal.
#[derive(Parser, Debug)]
#[command(name = "server", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Administer the municipality's data.
    #[command(subcommand)]
    Admin(Admin),
}

#[derive(Subcommand, Debug)]
pub enum Admin {
    /// Create a caseworker; prints the new person's id.
    CreateCaseworker {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "Tovholder")]
        title: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
        /// How and when citizens can reach them, in plain words.
        #[arg(long, default_value = "")]
        reach: String,
        #[arg(long, default_value = "")]
        office: String,
    },
    /// Make a caseworker a citizen's primary caseworker (and optionally set a
    /// stand-in). A new primary caseworker is a handover like one in the
    /// browser: the citizen is told (with `--message`), the plan's history
    /// and the admin audit log name the command line.
    Assign {
        /// The citizen's person id.
        #[arg(long)]
        citizen: i64,
        /// The new primary caseworker's person id.
        #[arg(long)]
        caseworker: Option<i64>,
        /// The stand-in's person id: covers from now until further notice
        /// (the browser also sets a cover of given days).
        #[arg(long)]
        standin: Option<i64>,
        /// End the current stand-in arrangement.
        #[arg(long, conflicts_with = "standin")]
        no_standin: bool,
        /// The message the citizen gets about a new primary caseworker.
        #[arg(long, default_value = "Du har fået en ny sagsbehandler. Du kan se hvem under Min sagsbehandler.")]
        message: String,
        /// A note for the new primary caseworker.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Give a person the host role (network groups).
    GrantHost {
        #[arg(long)]
        person: i64,
    },
    /// Link a person (e.g. a caseworker) to their login at the identity
    /// provider: the `sub` the provider sends for them. Citizens need no
    /// link; their first login finds them by CPR number.
    LinkLogin {
        #[arg(long)]
        person: i64,
        /// The provider's `sub` for this person.
        #[arg(long)]
        subject: String,
        /// The subject is from the staff issuer (`APP_STAFF_OIDC_ISSUER`).
        #[arg(long)]
        staff: bool,
    },
    /// Take the host role away.
    RevokeHost {
        #[arg(long)]
        person: i64,
    },
    /// Make a person one of the municipality's administrators (the first
    /// admin is made here; after that, admins give the role in the browser).
    GrantAdmin {
        #[arg(long)]
        person: i64,
    },
    /// Take the admin role away.
    RevokeAdmin {
        #[arg(long)]
        person: i64,
    },
    /// Set the personal budget cap, in kroner the Danish way (e.g. 50.000).
    SetBudgetCap {
        #[arg(long)]
        kroner: String,
    },
    /// How many new spending requests a citizen may make per hour (default 10).
    SetRequestLimit {
        #[arg(long)]
        per_hour: u32,
    },
    /// How many messages a citizen may send their caseworker per hour (default 30).
    SetMessageLimit {
        #[arg(long)]
        per_hour: u32,
    },
    /// How many of `goals` (10), `groups` (5), `meetups` (20) or
    /// `announcements` (10) one person may make per hour.
    SetLimit {
        what: String,
        #[arg(long)]
        per_hour: u32,
    },
    /// How long a notice waits (to be seen in the portal first) before it is
    /// mailed, and the least time between two mails to one person, in seconds
    /// (defaults 900 and 10800).
    SetNoticePeriods {
        #[arg(long)]
        grace_seconds: u32,
        #[arg(long)]
        throttle_seconds: u32,
    },
    /// Set the municipality's details, shown in every page's footer, the
    /// privacy notice and the print view of a citizen's data. Replaces all
    /// four at once: a field left out is emptied.
    SetMunicipality {
        /// "Demoby Kommune".
        #[arg(long)]
        name: String,
        /// The postal address, on one line.
        #[arg(long, default_value = "")]
        address: String,
        #[arg(long, default_value = "")]
        phone: String,
        /// How to reach the data protection officer (e-mail, phone).
        #[arg(long, default_value = "")]
        dpo: String,
    },
    /// Create N synthetic citizens with plans (CPR numbers that cannot exist),
    /// spread over the existing caseworkers, or with `--caseload K` over new
    /// synthetic caseworkers with about K citizens each (a realistic inbox).
    /// Prints each committed batch.
    /// Refused on a database that holds real citizens (anyone but the demo
    /// data's and earlier synthetic ones) unless `--force`.
    Seed {
        #[arg(long, default_value_t = 10_000)]
        citizens: u32,
        #[arg(long)]
        caseload: Option<u32>,
        #[arg(long)]
        force: bool,
    },
    /// Fill an empty database with the demo data; with `--reset`, wipe it
    /// first (development only: refused when `APP_ENV=production`), so
    /// demo data added by a newer version reaches an existing database.
    Demo {
        #[arg(long)]
        reset: bool,
    },
    /// Copy the SQLite database to a new file while the server runs (VACUUM
    /// INTO): readable by its owner only, without the sessions.
    Backup {
        #[arg(long)]
        to: String,
    },
    /// Replace the SQLite database with a backup: refused while a server has it open.
    Restore {
        #[arg(long)]
        from: String,
    },
}

/// Runs one admin command; the error is the message to print.
pub async fn run(cmd: Admin, database_url: &str, environment: Environment, out: &mut impl Write) -> Result<(), String> {
    let say = |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(|e| e.to_string());
    if let Admin::Restore { from } = cmd {
        // Offline: the database may be unusable, so no store is opened first.
        db::restore_sqlite(&from, database_url).await.map_err(|e| format!("restore failed: {e}"))?;
        return say(out, format!("restored {from}"));
    }
    let store = db::connect(database_url).await.map_err(|e| format!("cannot open the database: {e}"))?;
    store.migrate().await.map_err(|e| format!("cannot migrate the database: {e}"))?;
    let now = app::kernel::clock::Clock::now_ms(&app::kernel::clock::SystemClock);
    match cmd {
        Admin::CreateCaseworker { name, title, phone, email, reach, office } => {
            let input =
                CaseworkerInput::parse(&name, ProfileInput::parse(&title, &phone, &email, &reach, &office)).map_err(field_errors)?;
            let id = people::create_caseworker(store.as_ref(), Caller::CommandLine, &input, None, now).await.map_err(refusal)?;
            say(out, format!("created caseworker {id}"))
        }
        Admin::Assign { citizen, caseworker, standin, no_standin, message, note } => {
            let citizen = PersonId(citizen);
            store.person(citizen).await.map_err(|e| format!("citizen {citizen}: {e}"))?;
            if let Some(staff) = caseworker.map(PersonId) {
                require_role(store.as_ref(), staff, Role::Caseworker).await?;
                app::features::handover::service::from_command_line(store.as_ref(), citizen, staff, &note, &message, now)
                    .await
                    .map_err(refusal)?;
                say(out, format!("primary of citizen {citizen}: {staff}"))?;
            }
            if let Some(staff) = standin.map(PersonId) {
                require_role(store.as_ref(), staff, Role::Caseworker).await?;
                app::features::cover::service::from_command_line(store.as_ref(), citizen, staff, now).await.map_err(refusal)?;
                say(out, format!("standin of citizen {citizen}: {staff}"))?;
            }
            if no_standin {
                store.end_cover(citizen, None, now).await.map_err(|e| e.to_string())?;
                say(out, format!("stand-in of citizen {citizen} ended"))?;
            }
            Ok(())
        }
        Admin::GrantHost { person } => {
            let person = PersonId(person);
            store.person(person).await.map_err(|e| format!("person {person}: {e}"))?;
            people::set_role(store.as_ref(), Caller::CommandLine, person, Role::Host, true, now).await.map_err(refusal)?;
            say(out, format!("person {person} is a host"))
        }
        Admin::GrantAdmin { person } | Admin::RevokeAdmin { person } => {
            let on = matches!(cmd, Admin::GrantAdmin { .. });
            let person = PersonId(person);
            store.person(person).await.map_err(|e| format!("person {person}: {e}"))?;
            people::set_role(store.as_ref(), Caller::CommandLine, person, Role::Admin, on, now).await.map_err(refusal)?;
            say(out, format!("person {person} is {}an admin", if on { "" } else { "no longer " }))
        }
        Admin::LinkLogin { person, subject, staff } => {
            let person = PersonId(person);
            let subject = subject.trim();
            if subject.is_empty() {
                return Err("--subject must not be empty".into());
            }
            let p = store.person(person).await.map_err(|e| format!("person {person}: {e}"))?;
            // The command line never replaces a login (the admin page can).
            if p.subject.is_some() {
                return Err(format!("person {person} already has a login"));
            }
            let login = LoginInput::parse(subject, if staff { "ja" } else { "" }).map_err(field_errors)?;
            people::set_login(store.as_ref(), Caller::CommandLine, person, Some(&login), now).await.map_err(refusal)?;
            say(out, format!("person {person} now logs in as {}", login.stored()))
        }
        Admin::RevokeHost { person } => {
            people::set_role(store.as_ref(), Caller::CommandLine, PersonId(person), Role::Host, false, now).await.map_err(refusal)?;
            say(out, format!("person {person} is no longer a host"))
        }
        Admin::SetBudgetCap { kroner } => {
            settings(store.as_ref(), &[("budget_cap", "kroner", kroner)], now).await?;
            say(out, format!("budget cap: {}", store.budget_cap().await.map_err(|e| e.to_string())?))
        }
        Admin::SetRequestLimit { per_hour } => {
            settings(store.as_ref(), &[("requests_per_hour", "per-hour", per_hour.to_string())], now).await?;
            say(out, format!("spending requests per citizen per hour: {per_hour}"))
        }
        Admin::SetMessageLimit { per_hour } => {
            settings(store.as_ref(), &[("messages_per_hour", "per-hour", per_hour.to_string())], now).await?;
            say(out, format!("messages per citizen per hour: {per_hour}"))
        }
        Admin::SetNoticePeriods { grace_seconds, throttle_seconds } => {
            let changes = [
                ("notice_grace", "grace-seconds", grace_seconds.to_string()),
                ("notice_throttle", "throttle-seconds", throttle_seconds.to_string()),
            ];
            settings(store.as_ref(), &changes, now).await?;
            say(out, format!("notices wait {grace_seconds} s before mailing, at most one mail per person per {throttle_seconds} s"))
        }
        Admin::SetMunicipality { name, address, phone, dpo } => {
            use app::features::municipality::service::{ADDRESS, DPO, NAME, PHONE};
            let changes = [(NAME, NAME, name), (ADDRESS, ADDRESS, address), (PHONE, PHONE, phone), (DPO, DPO, dpo)];
            settings(store.as_ref(), &changes, now).await?;
            say(out, format!("municipality: {} (pages show it within a minute)", changes[0].2.trim()))
        }
        Admin::SetLimit { what, per_hour } => {
            if PerHour::parse(&what).is_none() {
                return Err(format!("{what}: one of goals, groups, meetups, announcements"));
            }
            settings(store.as_ref(), &[(&format!("{what}_per_hour"), "per-hour", per_hour.to_string())], now).await?;
            say(out, format!("{what} per person per hour: {per_hour}"))
        }
        Admin::Seed { citizens, caseload, force } => {
            let real = store.count_real_citizens().await.map_err(|e| e.to_string())?;
            if real > 0 && !force {
                return Err(format!(
                    "this database holds real citizens ({real}): synthetic ones would be mixed in with them. Seed a test database, or add --force"
                ));
            }
            let caseworkers = match caseload {
                None => store.people_with_role(Role::Caseworker).await.map_err(|e| e.to_string())?,
                Some(0) => return Err("--caseload: at least 1".into()),
                Some(k) => {
                    let mut new = Vec::new();
                    for i in 0..citizens.div_ceil(k).max(1) {
                        let name = ShortText::parse(&format!("Syntetisk Sagsbehandler {i}")).map_err(|e| e.to_string())?;
                        let id = store
                            .create_person(&NewPerson { full_name: name, cpr: None, subject: None, display_name: None }, now)
                            .await
                            .map_err(|e| e.to_string())?;
                        store.grant_role(id, Role::Caseworker, now).await.map_err(|e| e.to_string())?;
                        new.push(id);
                    }
                    say(out, format!("created {} synthetic caseworkers", new.len()))?;
                    new
                }
            };
            let start = std::time::Instant::now();
            let mut done = 0u32;
            while done < citizens {
                let batch = (citizens - done).min(5_000);
                store.seed_synthetic_citizens(batch, &caseworkers, now).await.map_err(|e| e.to_string())?;
                done += batch;
                say(out, format!("committed {done}"))?;
                out.flush().map_err(|e| e.to_string())?;
            }
            say(out, format!("seeded {citizens} citizens over {} caseworkers in {:.1} s", caseworkers.len(), start.elapsed().as_secs_f64()))
        }
        Admin::Demo { reset } => {
            if reset {
                if environment == Environment::Production {
                    return Err("demo --reset deletes everything in the database: refused in production".into());
                }
                store.wipe().await.map_err(|e| format!("could not wipe the database: {e}"))?;
            }
            match app::ssr::demo::seed_if_empty(store.as_ref(), now).await.map_err(|e| e.to_string())? {
                true => say(out, "demo data created".into()),
                false => say(out, "the database is not empty: no demo data added (--reset starts over, development only)".into()),
            }
        }
        Admin::Backup { to } => {
            store.backup_to(&to).await.map_err(|e| format!("backup failed: {e}"))?;
            say(out, format!("backed up to {to}"))
        }
        // Handled above, before the store is opened.
        Admin::Restore { .. } => Ok(()),
    }
}

/// Sets an hourly limit (at least 1: 0 would stop everyone); the line to print.
/// Changes some settings as the settings page would (the page's field, the
/// command's argument, the text typed): checked by the same rules, audited
/// as the command line's; a refusal names the argument.
async fn settings(store: &dyn Store, changes: &[(&str, &str, String)], now: i64) -> Result<(), String> {
    let typed: Vec<(&str, String)> = changes.iter().map(|(field, _, value)| (*field, value.clone())).collect();
    match app::features::settings::service::from_command_line(store, &typed, now).await {
        Ok(_) => Ok(()),
        Err(app::ssr::service::ServiceError::Invalid(mut errors)) => {
            for e in &mut errors {
                if let Some((_, arg, _)) = changes.iter().find(|(field, _, _)| *field == e.field) {
                    e.field = arg.to_string();
                }
            }
            Err(field_errors(errors))
        }
        Err(e) => Err(refusal(e)),
    }
}

/// A refused input, in words (English: the command line's language).
fn field_errors(errors: app::kernel::forms::FieldErrors) -> String {
    errors.iter().map(|f| format!("--{}: {}", f.field, f.problem.message(app::i18n::Lang::En))).collect::<Vec<_>>().join(" ")
}

/// A service's refusal, in words.
fn refusal(e: app::ssr::service::ServiceError) -> String {
    match e {
        app::ssr::service::ServiceError::Invalid(errors) => field_errors(errors),
        app::ssr::service::ServiceError::NotAllowed => "refused: not found, or not allowed for this person".into(),
        other => format!("refused: {other}"),
    }
}

async fn require_role(store: &dyn Store, id: PersonId, role: Role) -> Result<(), String> {
    let roles = store.roles(id).await.map_err(|e| e.to_string())?;
    if roles.contains(&role) {
        Ok(())
    } else {
        Err(format!("person {id} does not have the {} role", role.as_str()))
    }
}
