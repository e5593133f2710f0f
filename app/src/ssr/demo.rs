//! Demo data for the embedded default: created on the first start of an
//! empty database when demo mode is on (never in production by default).
//!
//! Every CPR number here has month 13, which no real person has. The built-in
//! test identity provider offers exactly these people.

use crate::features::access_log::{capacity::Capacity, purpose::Purpose};
use crate::features::conversation::attachments::FileKind;
use crate::features::conversation::store::{NewAttachment, NewMessage, Spooled};
use crate::kernel::plan::{ActivityStatus, Department, GoalStatus, Role};
use crate::kernel::text::MessageBody;
use crate::kernel::time::copenhagen_day_at;
use crate::kernel::{Amount, GoalTitle, LongText, ShortText};
use crate::ssr::db::*;

const DAY: i64 = 86_400_000;

/// A demo caseworker: name, outreach place and hours.
struct DemoCaseworker {
    name: &'static str,
    phone: &'static str,
    email: &'static str,
    reach: &'static str,
    outreach: (i64, i64, i64, &'static str, &'static str),
}

const CASEWORKERS: &[DemoCaseworker] = &[
    DemoCaseworker {
        name: "Karin Holm",
        phone: "+45 00 00 10 01",
        email: "karin.holm@demo.enplan.invalid",
        reach: "Ring eller skriv på hverdage kl. 9–12. Svar samme dag.",
        outreach: (2, 600, 720, "Beboercaféen i Nordparken", "Nordparken 12, st."),
    },
    DemoCaseworker {
        name: "Jonas Lund",
        phone: "+45 00 00 10 02",
        email: "jonas.lund@demo.enplan.invalid",
        reach: "Ring mandag–torsdag kl. 8.30–11. Skriv når som helst.",
        outreach: (4, 780, 900, "Biblioteket på Torvet", "Torvet 3"),
    },
    DemoCaseworker {
        name: "Amira Haddad",
        phone: "+45 00 00 10 03",
        email: "amira.haddad@demo.enplan.invalid",
        reach: "Ring på hverdage kl. 10–14.",
        outreach: (3, 540, 660, "Kulturhuset Vesterå", "Vesterå 21"),
    },
];

/// The synthetic CPR number of the demo citizen with this first name
/// ("Mette" → Mette Hansen's), for tests that sign a demo person in.
pub fn citizen_cpr(first_name: &str) -> Option<&'static str> {
    let first = |name: &str| name.split(' ').next() == Some(first_name);
    CITIZENS
        .iter()
        .find(|(name, ..)| first(name))
        .map(|(_, cpr, ..)| *cpr)
        .or_else(|| HELPERS.iter().find(|(name, _)| first(name)).map(|(_, cpr)| *cpr))
}

/// Whether `cpr` is one of the demo citizens' (or demo helpers') numbers.
pub fn is_demo_cpr(cpr: &str) -> bool {
    CITIZENS.iter().any(|(_, demo, ..)| *demo == cpr) || HELPERS.iter().any(|(_, demo)| *demo == cpr)
}

/// Demo helpers: people with a (synthetic) CPR number and no plan, who log
/// in with their own MitID to help a citizen who gives them a code (name, CPR).
pub const HELPERS: &[(&str, &str)] = &[("Ole Berg", "151360-2001")];

/// A demo citizen: name, synthetic CPR, index of the primary caseworker,
/// goals (own words, status).
type DemoCitizen = (&'static str, &'static str, usize, &'static [(&'static str, GoalStatus)]);

const CITIZENS: &[DemoCitizen] = &[
    (
        "Mette Hansen",
        "011385-1001",
        0,
        &[("Komme i praktik i en børnehave", GoalStatus::Accepted), ("Få styr på min økonomi", GoalStatus::Proposed)],
    ),
    ("Ahmed Yilmaz", "021390-1002", 0, &[("Tage kørekort, så jeg kan tage arbejde uden for byen", GoalStatus::Accepted)]),
    ("Sofie Nielsen", "031399-1003", 0, &[("Starte på HF igen", GoalStatus::Accepted), ("Sove bedre om natten", GoalStatus::Accepted)]),
    ("Lars Pedersen", "041372-1004", 0, &[("Finde en bolig tæt på mine børn", GoalStatus::Proposed)]),
    ("Camilla Jensen", "051388-1005", 1, &[("Komme ud af huset hver dag", GoalStatus::Accepted)]),
    ("Mikkel Andersen", "061395-1006", 1, &[("Få et fritidsjob", GoalStatus::Accepted)]),
    ("Fatima Ali", "071380-1007", 1, &[("Lære mere dansk, så jeg kan tale med lærerne", GoalStatus::Accepted)]),
    ("Peter Christensen", "081366-1008", 1, &[("Få hjælp til min gæld", GoalStatus::Accepted)]),
    ("Line Larsen", "091392-1009", 2, &[("Mødes med andre en gang om ugen", GoalStatus::Accepted)]),
    ("Rasmus Sørensen", "101387-1010", 2, &[("Komme tilbage på arbejde efter sygdom", GoalStatus::Accepted)]),
    ("Ida Madsen", "111397-1011", 2, &[("Blive færdig med 9. klasse", GoalStatus::Proposed)]),
    ("Kasper Olsen", "121379-1012", 2, &[("Holde fast i min lejlighed", GoalStatus::Accepted)]),
];

/// Proposals the caseworker declined, with reasons (citizen's index, goal,
/// reasons): on "Dine afgørelser", open to complaint. The browser tests
/// complain about each once: Mette's and Rasmus's are kept, Peter's and
/// Fatima's changed in their favour (with and without JavaScript).
const DECLINED: &[(usize, &str, &str)] = &[
    (0, "Tage på højskole i foråret", "Højskolen ligger midt i din praktik. Lad os tale om det igen til sommer."),
    (9, "Starte på en uddannelse som tømrer", "Vi skal først have styr på dit helbred. Lad os tale om det igen om tre måneder."),
    (6, "Tage danskprøve 3 til sommer", "Vi venter, til du har fået plads på sprogskolen."),
    (7, "Flytte til en mindre lejlighed", "Det hører under boligafdelingen, ikke under din plan."),
];

/// Requests for money the caseworker declined, with reasons (citizen's index
/// — one with a budget —, purpose, kroner, reasons): on "Dine afgørelser" and
/// the budget, open to correction and complaint. The browser tests correct
/// Sofie's (with JavaScript) and Ida's (without) once each.
const DECLINED_SPENDING: &[(usize, &str, i64, &str)] = &[
    (2, "Fitnesskort i et halvt år", 1_200, "Vi vil først se, om kommunens holdtræning kan bruges."),
    (10, "Lommeregner til matematik", 400, "Skolen låner lommeregnere ud."),
];

const ACTIVITIES: &[(Department, &str, &str)] = &[
    (Department::Job, "Virksomhedspraktik 15 timer om ugen", "Jobcentret, virksomhedskonsulent"),
    (Department::Social, "Bostøtte to gange om ugen", "Socialforvaltningen"),
    (Department::Health, "Forløb hos psykolog", "Sundhedscentret"),
    (Department::Housing, "Hjælp til at søge bolig", "Boligsocial medarbejder"),
    (Department::Education, "Forberedende voksenundervisning", "VUC"),
    (Department::Economy, "Gældsrådgivning", "Borgerservice"),
    (Department::Family, "Familiesamtaler", "Familieafdelingen"),
];

const GROUPS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Strikkecafé i Nordparken",
        "Vi strikker, drikker kaffe og snakker. Du behøver ikke kunne strikke – vi lærer dig det.",
        "Hygge og håndarbejde",
        "Nord",
        "Beboercaféen i Nordparken",
    ),
    (
        "Gåtur ved stranden",
        "En rolig gåtur på en time. Vi går i det tempo, den langsomste går.",
        "Motion",
        "Øst",
        "P-pladsen ved Strandvejen",
    ),
    (
        "Mødrenetværket",
        "For mødre med små børn. Børnene er velkomne. Vi taler om hverdagen og hjælper hinanden.",
        "Familie",
        "Centrum",
        "Biblioteket på Torvet",
    ),
    (
        "Jobklubben",
        "Vi hjælper hinanden med ansøgninger og CV. Tag gerne din telefon eller computer med.",
        "Arbejde",
        "Vest",
        "Kulturhuset Vesterå",
    ),
];

/// The note and the message of the demo's handovers.
const HANDOVER_NOTE: &str = "Borgeren kender ordningen med personligt budget. Møder gerne om formiddagen.";
const HANDOVER_MESSAGE: &str =
    "Din sagsbehandler har fået nye opgaver, så du får en ny sagsbehandler fra i dag. Du beholder din plan og dit budget.";

/// Demo conversations: (index of the citizen, [(days ago, from the citizen, text)]).
type DemoConversation = (usize, &'static [(i64, bool, &'static str)]);

const CONVERSATIONS: &[DemoConversation] = &[
    (
        0,
        &[
            (5, true, "Hej Karin. Jeg har fået et brev om min boligstøtte, som jeg ikke forstår. Kan vi kigge på det til næste møde?"),
            (4, false, "Hej Mette. Ja, tag brevet med på torsdag, så kigger vi på det sammen. Venlig hilsen Karin"),
        ],
    ),
    (3, &[(2, true, "Hej. Jeg har fundet en lejlighed tæt på mine børn. Hvad skal jeg gøre nu?")]),
];

/// The photo Mette sent of her letter: a drawn page (grey lines for text),
/// made here so the demo needs no image file.
fn demo_letter() -> DbResult<NewAttachment> {
    let page = image::RgbImage::from_fn(480, 640, |x, y| {
        let line = (60..580).contains(&y) && y % 24 < 6 && (40..440).contains(&x) && !(y % 96 < 24 && x > 320);
        if line {
            image::Rgb([120, 120, 120])
        } else {
            image::Rgb([250, 250, 245])
        }
    });
    let mut png = Vec::new();
    let io = |e: std::io::Error| DbError::Other(sqlx::Error::Io(e));
    image::DynamicImage::ImageRgb8(page)
        .write_with_encoder(image::codecs::png::PngEncoder::new(&mut png))
        .map_err(|e| io(std::io::Error::other(e)))?;
    let data = Spooled::from_bytes(&png).map_err(io)?;
    Ok(NewAttachment { file_name: "brev-om-boligstoette.png".into(), kind: FileKind::Png, size: png.len() as i64, data })
}

/// Demo texts are constants, every one checked by the test below.
fn t(s: &str) -> ShortText {
    ShortText::parse(s).expect("demo text is valid (see the test)")
}

/// Creates the demo data if the database has nobody in it yet.
/// Returns whether anything was created.
pub async fn seed_if_empty(store: &dyn Store, now: i64) -> DbResult<bool> {
    if !store.is_empty().await? {
        return Ok(false);
    }

    // A municipality that cannot be mistaken for a real one (unless one is set).
    if !store.municipality().await?.is_set() {
        store
            .set_municipality(&crate::features::municipality::views::Municipality {
                name: "Demo Kommune".into(),
                address: "Rådhuspladsen 1, 9999 Demoby".into(),
                phone: "+45 00 00 00 00".into(),
                dpo: "databeskyttelse@demo.enplan.invalid, tlf. +45 00 00 00 01".into(),
            })
            .await?;
    }

    let admin =
        store.create_person(&NewPerson { full_name: t("Ulla Administrator"), cpr: None, subject: None, display_name: None }, now).await?;
    store.grant_role(admin, Role::Admin, now).await?;

    let mut caseworkers = Vec::new();
    for cw in CASEWORKERS {
        let id = store.create_person(&NewPerson { full_name: t(cw.name), cpr: None, subject: None, display_name: None }, now).await?;
        store.grant_role(id, Role::Caseworker, now).await?;
        store
            .set_staff_profile(
                id,
                &StaffProfile {
                    job_title: "Tovholder".into(),
                    phone: cw.phone.into(),
                    email: cw.email.into(),
                    reach_hours: cw.reach.into(),
                    office: "Rådhuset, Borgerservice, 1. sal".into(),
                },
            )
            .await?;
        let (weekday, from, to, place, address) = cw.outreach;
        store
            .add_outreach_hours(
                id,
                &OutreachHours { weekday, from_minute: from, to_minute: to, place: place.into(), address: address.into() },
            )
            .await?;
        caseworkers.push(id);
    }

    for (i, (name, cpr, cw, goals)) in CITIZENS.iter().enumerate() {
        let id = store
            .create_person(&NewPerson { full_name: t(name), cpr: Some((*cpr).into()), subject: None, display_name: None }, now - 200 * DAY)
            .await?;
        // Some citizens changed caseworker this year: the count shows on
        // "Min sagsbehandler". Ulla handed them over as the admin pages do
        // (in the admin log, with a note and a message; long since seen).
        if i % 4 == 0 {
            let before = caseworkers[(cw + 1) % caseworkers.len()];
            store.assign_caseworker(id, before, AssignmentKind::Primary, now - 150 * DAY).await?;
            let handover = crate::features::handover::store::NewHandover {
                citizen: id,
                from: Some(before),
                to: caseworkers[*cw],
                by: Some(admin),
                note: HANDOVER_NOTE,
                message: HANDOVER_MESSAGE,
                key: None,
            };
            store.hand_over(&handover, now - 100 * DAY).await?;
            store.mark_handovers_seen(caseworkers[*cw], id, now - 99 * DAY).await?;
        } else {
            store.assign_caseworker(id, caseworkers[*cw], AssignmentKind::Primary, now - 100 * DAY).await?;
        }
        // Every third citizen's stand-in covers for a while, not until further
        // notice: "Min sagsbehandler" says until when (set by Ulla, in the admin log).
        let standin = caseworkers[(cw + 2) % caseworkers.len()];
        if i % 3 == 2 {
            let cover = crate::features::cover::store::NewCover {
                citizen: id,
                standin,
                from_at: now - 100 * DAY,
                to_at: Some(crate::kernel::time::copenhagen_day_at(now, 46, 0)),
                by: Some(admin),
                key: None,
            };
            store.set_cover(&cover, now - 100 * DAY).await?;
        } else {
            store.assign_caseworker(id, standin, AssignmentKind::Standin, now - 100 * DAY).await?;
        }

        let plan = store.ensure_plan(id, now - 100 * DAY).await?;
        for (title, status) in goals.iter() {
            let goal = NewGoal {
                title: GoalTitle::parse(title).map_err(|_| DbError::conflict("demo goal text"))?,
                why: None,
                first_step: None,
                status: *status,
            };
            store.add_goal(plan, &goal, Actor::citizen(id), now - 90 * DAY).await?;
        }
        if let Some((title, why)) = DECLINED.iter().find(|(who, ..)| *who == i).map(|(_, title, why)| (*title, *why)) {
            // A proposal the caseworker declined, with reasons: on "Dine afgørelser", open to complaint.
            let g = NewGoal {
                title: GoalTitle::parse(title).map_err(|_| DbError::conflict("demo goal text"))?,
                why: None,
                first_step: None,
                status: GoalStatus::Proposed,
            };
            let goal = store.propose_goal(Actor::citizen(id), &g, &format!("demo-goal-declined-{i}"), now - 12 * DAY).await?.id();
            let reasons = crate::kernel::Reason::parse(why).map_err(|_| DbError::conflict("demo reason"))?;
            let decline = GoalChange {
                goal,
                from: GoalStatus::Proposed,
                to: GoalStatus::Declined,
                actor: Actor::staff(caseworkers[*cw]),
                history_kind: "goal_declined",
                suggestion: None,
                take_suggestion: false,
                decision: Some((
                    "declined",
                    NewDecision {
                        decided_by: caseworkers[*cw],
                        reasons: Some(reasons),
                        appeal_guidance: crate::features::decisions::service::APPEAL_GUIDANCE.into(),
                        corrects: None,
                    },
                )),
                notify_citizen: None,
            };
            store.change_goal(&decline, now - 10 * DAY).await?;
        }
        for k in 0..2 {
            let (department, title, responsible) = ACTIVITIES[(i + 3 * k) % ACTIVITIES.len()];
            let a = NewActivity { department, title: t(title), responsible: t(responsible), status: ActivityStatus::Active };
            store.add_activity(plan, &a, Actor::staff(caseworkers[*cw]), None, now - 80 * DAY).await?;
        }
        let (_, from, _, place, address) = CASEWORKERS[*cw].outreach;
        let appt = NewAppointment {
            starts_at: copenhagen_day_at(now, 3 + (i as i64) % 5, from),
            duration_minutes: 45,
            place: t(place),
            address: t(address),
            outreach: true,
            note: None,
        };
        store.add_appointment(plan, &appt, Actor::staff(caseworkers[*cw]), None, now - 10 * DAY).await?;
        // The caseworker's activities and meeting told the citizen; long since seen.
        store.mark_notifications_read(id, now - 10 * DAY).await?;
        // A conversation: Mette asked and was answered (both read); Lars waits for an answer.
        for (n, (days_ago, from_citizen, text)) in CONVERSATIONS.iter().filter(|(who, _)| *who == i).flat_map(|(_, m)| m.iter()).enumerate()
        {
            let sender = if *from_citizen { id } else { caseworkers[*cw] };
            let m = NewMessage {
                citizen: id,
                sender,
                body: MessageBody::parse(text).map_err(|_| DbError::conflict("demo message"))?,
                idempotency_key: format!("demo-message-{i}-{n}"),
                limited: false,
                notify_citizen: false,
                // Mette sent a photo of the letter she does not understand.
                attachments: if i == 0 && n == 0 { vec![demo_letter()?] } else { vec![] },
                helper: None,
            };
            store.send_message(&m, now - days_ago * DAY).await?;
            if i == 0 {
                let reader = if *from_citizen { caseworkers[*cw] } else { id };
                store.mark_read(id, reader, now - days_ago * DAY + 3 * 3_600_000).await?;
            }
        }
        // Written as plain text, as the first version did; and once by the
        // stand-in, while the caseworker was away.
        for (days_ago, purpose) in [(10, "Aftale om møde i caféen"), (3, "Forberedelse af møde om din plan")] {
            store.log_access(id, caseworkers[*cw], Role::Caseworker, Capacity::Caseworker, purpose, now - days_ago * DAY).await?;
        }
        let standin = caseworkers[(cw + 2) % caseworkers.len()];
        store.log_access(id, standin, Role::Caseworker, Capacity::Standin, Purpose::Conversation.as_str(), now - 6 * DAY).await?;

        if i % 2 == 0 {
            let granted = Amount::kroner(if i % 4 == 0 { 50_000 } else { 20_000 }).unwrap_or(Amount::ZERO);
            let budget = store
                .grant_budget(
                    &NewBudget {
                        citizen: id,
                        granted_by: caseworkers[*cw],
                        amount: granted,
                        period_start: now - 60 * DAY,
                        period_end: now + 390 * DAY,
                        note: LongText::parse("Personligt budget efter aftale med tovholder").ok(),
                    },
                    now - 60 * DAY,
                )
                .await?;
            let purposes = ["Brugt cykel til at komme til praktik", "Vinterjakke og sko", "Kursus i regnskab"];
            let request = NewSpendingRequest {
                budget,
                citizen: id,
                amount: Amount::kroner(1_500 + 500 * (i as i64 % 3)).unwrap_or(Amount::ZERO),
                purpose: LongText::parse(purposes[i % purposes.len()]).map_err(|_| DbError::conflict("demo purpose"))?,
                goal: None,
                idempotency_key: format!("demo-{i}"),
                limit: None,
                helper: None,
            };
            store.request_spending(&request, now - (i as i64 + 1) * DAY).await?;
            if let Some((_, purpose, kroner, why)) = DECLINED_SPENDING.iter().find(|(who, ..)| *who == i) {
                let declined = NewSpendingRequest {
                    amount: Amount::kroner(*kroner).unwrap_or(Amount::ZERO),
                    purpose: LongText::parse(purpose).map_err(|_| DbError::conflict("demo purpose"))?,
                    idempotency_key: format!("demo-declined-{i}"),
                    ..request
                };
                let r = store.request_spending(&declined, now - 9 * DAY).await?.id();
                let decision = NewDecision {
                    decided_by: caseworkers[*cw],
                    reasons: Some(crate::kernel::Reason::parse(why).map_err(|_| DbError::conflict("demo reason"))?),
                    appeal_guidance: crate::features::decisions::service::APPEAL_GUIDANCE.into(),
                    corrects: None,
                };
                store
                    .decide_spending(&SpendingDecision { request: r, approved: None, decision, notify_citizen: None }, now - 8 * DAY)
                    .await?;
            }
        }
    }

    let hosts = [("Bent Frivillig", "Bent"), ("Hanne Aziz", "Hanne")];
    let mut host_ids = Vec::new();
    for (name, display) in hosts {
        let id =
            store.create_person(&NewPerson { full_name: t(name), cpr: None, subject: None, display_name: Some(t(display)) }, now).await?;
        store.grant_role(id, Role::Host, now).await?;
        host_ids.push(id);
    }
    for (i, (name, description, topic, area, place)) in GROUPS.iter().enumerate() {
        let group = store
            .create_group(
                &NewGroup { name: t(name), description: (*description).into(), topic: t(topic), area: t(area), usual_place: t(place) },
                now,
            )
            .await?;
        store.add_group_host(group, host_ids[i % host_ids.len()]).await?;
        for week in 0..3 {
            let m = NewMeetup {
                group,
                starts_at: copenhagen_day_at(now, 2 + i as i64 + 7 * week, 17 * 60),
                duration_minutes: 90,
                place: t(place),
                address: t(CASEWORKERS[i % CASEWORKERS.len()].outreach.4),
                capacity: 8 + 4 * i as i64,
                description: (*description).into(),
            };
            store.create_meetup(&m, now).await?;
        }
    }
    for (name, cpr) in HELPERS {
        store
            .create_person(&NewPerson { full_name: t(name), cpr: Some((*cpr).into()), subject: None, display_name: None }, now - 30 * DAY)
            .await?;
    }
    // Mette has asked for mails: her caseworker's next answer reaches her by
    // e-mail too (shown at `/dev/udbakke` on a machine without a mail server).
    if let Some(mette) = store.person_by_cpr(citizen_cpr("Mette").unwrap_or_default()).await? {
        let hash = crate::features::notices::rules::code_hash(mette.id, "000000");
        store.start_email(mette.id, "mette@example.dk", &hash, "da", now).await?;
        store.confirm_email(mette.id, &hash, now).await?;
    }
    // Sofie reads SMS, not mail: a confirmed mobile number, so her reminders
    // the day before an appointment go by SMS (shown at `/dev/udbakke`
    // without a gateway). A made-up number: the demo never has a real gateway.
    if let Some(sofie) = store.person_by_cpr(citizen_cpr("Sofie").unwrap_or_default()).await? {
        let hash = crate::features::notices::rules::code_hash(sofie.id, "000000");
        store.start_phone(sofie.id, "+4520001003", &hash, "da", now).await?;
        store.confirm_phone(sofie.id, &hash, now).await?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_text_is_valid_and_every_cpr_is_impossible() {
        for (name, cpr) in HELPERS {
            assert!(ShortText::parse(name).is_ok());
            assert_eq!(&cpr[2..4], "13", "month 13 marks a demo CPR: {cpr}");
        }
        for (name, cpr, _, goals) in CITIZENS {
            assert!(ShortText::parse(name).is_ok());
            assert_eq!(&cpr[2..4], "13", "month 13 marks a demo CPR: {cpr}");
            for (g, _) in goals.iter() {
                assert!(GoalTitle::parse(g).is_ok(), "{g}");
            }
        }
        for (_, messages) in CONVERSATIONS {
            for (_, _, text) in messages.iter() {
                assert!(MessageBody::parse(text).is_ok(), "{text}");
            }
        }
        for (_, title, resp) in ACTIVITIES {
            assert!(ShortText::parse(title).is_ok() && ShortText::parse(resp).is_ok());
        }
        for cw in CASEWORKERS {
            assert!(ShortText::parse(cw.outreach.3).is_ok() && ShortText::parse(cw.outreach.4).is_ok());
        }
        for (name, _, topic, area, place) in GROUPS {
            for s in [name, topic, area, place] {
                assert!(ShortText::parse(s).is_ok(), "{s}");
            }
        }
    }

    #[tokio::test]
    async fn demo_data_is_created_once_on_an_empty_database() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::connect(&format!("sqlite://{}/demo.db", dir.path().display())).await.unwrap();
        store.migrate().await.unwrap();
        let now = 1_790_000_000_000;
        assert!(seed_if_empty(&store, now).await.unwrap());
        let people = store.count_people().await.unwrap();
        assert_eq!(people, 1 + 3 + 12 + 2 + HELPERS.len() as i64);
        let ole = store.person_by_cpr(citizen_cpr("Ole").unwrap()).await.unwrap().expect("Ole, a demo helper");
        assert!(store.plan_of(ole.id).await.unwrap().is_none(), "a helper has no plan of his own");
        assert!(!seed_if_empty(&store, now).await.unwrap(), "a second start adds nothing");
        assert_eq!(store.count_people().await.unwrap(), people);

        let mette = store.person_by_cpr("011385-1001").await.unwrap().expect("Mette");
        let plan = store.plan_of(mette.id).await.unwrap().expect("a plan");
        assert!(!store.goals(plan).await.unwrap().is_empty());
        assert_eq!(store.activities(plan).await.unwrap().len(), 2);
        let log = store.access_log(mette.id).await.unwrap();
        let capacities: Vec<Option<&str>> = log.iter().map(|e| e.capacity.as_deref()).collect();
        assert_eq!(capacities, [Some("caseworker"), Some("standin"), Some("caseworker")], "staff reads to show on the access-log page");
        assert_eq!(store.municipality().await.unwrap().name, "Demo Kommune");
        assert_eq!(store.caseworker_count_since(mette.id, now - 365 * DAY).await.unwrap(), 2);
        let budgets = store.budgets_of(mette.id).await.unwrap();
        assert_eq!(budgets[0].granted, Amount::kroner(50_000).unwrap());
        assert!(budgets[0].reserved > Amount::ZERO, "a pending request");
        let sofie = store.person_by_cpr("031399-1003").await.unwrap().expect("Sofie");
        let decisions = store.decisions_of(sofie.id).await.unwrap();
        assert!(
            decisions.iter().any(|d| d.subject_kind == "spending_request" && d.outcome == "declined"),
            "a declined request to correct or complain about"
        );
        let sofies = store.budgets_of(sofie.id).await.unwrap().pop().unwrap();
        assert_eq!(sofies.spent, Amount::ZERO, "declined: nothing spent");
        assert_eq!(store.groups().await.unwrap().len(), GROUPS.len());
        assert_eq!(store.upcoming_meetups(Default::default(), now, None, 100).await.unwrap().len(), GROUPS.len() * 3);
    }
}
