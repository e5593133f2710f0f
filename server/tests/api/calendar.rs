//! "Add to calendar" files as a real iCalendar parser reads them (Python's
//! `icalendar`, installed by `.ci/setup`): a moved or cancelled meetup comes
//! with a higher `SEQUENCE` and a later `LAST-MODIFIED`, so a calendar
//! replaces the copy it already has.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::*;
use app::kernel::clock::Clock;
use app::kernel::ids::MeetupId;
use app::kernel::ShortText;
use app::ssr::db::{MeetupNotices, NewMeetup, Notice, NotificationKind};
use reqwest::StatusCode;

/// The event's UID, SEQUENCE, LAST-MODIFIED (ISO 8601), DTSTART and STATUS, as parsed by `icalendar`.
fn parsed(ics: &str) -> Vec<String> {
    const READ: &str = "import sys, icalendar\n\
        cal = icalendar.Calendar.from_ical(sys.stdin.read())\n\
        [e] = cal.walk('VEVENT')\n\
        print(e['UID']); print(e['SEQUENCE']); print(e['LAST-MODIFIED'].dt.isoformat())\n\
        print(e['DTSTART'].dt.isoformat()); print(e.get('STATUS', 'CONFIRMED'))\n";
    let mut python =
        Command::new("python3").args(["-c", READ]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    python.stdin.take().unwrap().write_all(ics.as_bytes()).unwrap();
    let out = python.wait_with_output().unwrap();
    assert!(out.status.success(), "icalendar could not read the file: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(String::from).collect()
}

async fn calendar_file(app: &TestApp, id: MeetupId) -> String {
    let res = app.get(&mut Browser::default(), &format!("{}/kalender.ics", app::routes::meetup(id.0))).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.text().await.unwrap()
}

#[tokio::test]
async fn a_moved_or_cancelled_meetup_replaces_the_copy_in_the_calendar() {
    let app = spawn_app().await;
    let meetup = app.store.upcoming_meetups(Default::default(), 0, None, 1).await.unwrap().remove(0);
    let first = parsed(&calendar_file(&app, meetup.id).await);
    assert_eq!(first[1], "0", "a new meetup is revision 0");
    assert_eq!(first[4], "CONFIRMED");

    // A change no calendar needs (more places) keeps the revision.
    app.clock.advance_minutes(5);
    let same = NewMeetup {
        group: meetup.group_id,
        starts_at: meetup.starts_at,
        duration_minutes: meetup.duration_minutes,
        place: ShortText::parse(&meetup.place).unwrap(),
        address: ShortText::parse(&meetup.address).unwrap(),
        capacity: meetup.capacity + 5,
        description: meetup.description.clone(),
    };
    let notices = MeetupNotices {
        moved_up: Notice::new(NotificationKind::MeetupMovedUp, meetup.id.0),
        changed: Notice::new(NotificationKind::MeetupChanged, meetup.id.0),
    };
    app.store.update_meetup(meetup.id, &same, &notices, app.clock.now_ms()).await.unwrap();
    assert_eq!(parsed(&calendar_file(&app, meetup.id).await)[1], "0");

    // Moved an hour later: the next revision, modified later.
    app.clock.advance_minutes(5);
    let moved = NewMeetup { starts_at: meetup.starts_at + 3_600_000, ..same };
    app.store.update_meetup(meetup.id, &moved, &notices, app.clock.now_ms()).await.unwrap();
    let second = parsed(&calendar_file(&app, meetup.id).await);
    assert_eq!((second[0].as_str(), second[1].as_str()), (first[0].as_str(), "1"), "the same event, the next revision");
    assert!(second[2] > first[2], "LAST-MODIFIED moved on: {} → {}", first[2], second[2]);
    assert_ne!(second[3], first[3], "the new time");

    app.clock.advance_minutes(5);
    app.store.cancel_meetup(meetup.id, Notice::new(NotificationKind::MeetupCancelled, meetup.id.0), app.clock.now_ms()).await.unwrap();
    let third = parsed(&calendar_file(&app, meetup.id).await);
    assert_eq!((third[1].as_str(), third[4].as_str()), ("2", "CANCELLED"));
    assert!(third[2] > second[2]);
}
