//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::network::store::Chosen;
use crate::kernel::ids::*;
use crate::kernel::plan::Role;
use crate::routes;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn a_meetup_is_never_overfilled_and_the_rest_wait(s: Arc<dyn Store>) {
    let g = s
        .create_group(
            &NewGroup {
                name: text("Strikkecafé"),
                description: "Vi strikker".into(),
                topic: text("Hygge"),
                area: text("Nord"),
                usual_place: text("Biblioteket"),
            },
            NOW,
        )
        .await
        .unwrap();
    let m = s
        .create_meetup(
            &NewMeetup {
                group: g,
                starts_at: NOW + DAY,
                duration_minutes: 120,
                place: text("Biblioteket"),
                address: text("Torvet 1"),
                capacity: 2,
                description: "Tag garn med".into(),
            },
            NOW,
        )
        .await
        .unwrap();
    let mut people = Vec::new();
    for i in 0..6 {
        people.push(person(&*s, &format!("Deltager {i}"), None).await);
    }
    let tasks: Vec<_> = people
        .iter()
        .map(|p| {
            let (s, p) = (s.clone(), *p);
            tokio::spawn(async move { s.sign_up(m, p, NOW).await })
        })
        .collect();
    let mut going = 0;
    for t in futures::future::join_all(tasks).await {
        if t.unwrap().unwrap() == SignupStatus::Going {
            going += 1;
        }
    }
    assert_eq!(going, 2);
    assert_eq!(s.upcoming_meetups(Chosen::default(), NOW, None, 10).await.unwrap()[0].going, 2);
    assert!(matches!(s.sign_up(m, people[0], NOW).await, Err(DbError::Conflict(_))), "one sign-up per person");
    assert_eq!(s.groups().await.unwrap()[0].name, "Strikkecafé");
    assert_eq!(s.upcoming_meetups(Chosen::default(), NOW + 2 * DAY, None, 10).await.unwrap(), vec![], "past meetups are not upcoming");
}

/// The public network: groups with their hosts' display names (never full
/// names), upcoming meetups with places left, filters, and one page each.
async fn the_public_network_shows_groups_display_names_and_upcoming_meetups(s: Arc<dyn Store>) {
    use crate::features::network::service as network;
    use crate::i18n::Lang;
    use crate::ssr::service::ServiceError;
    let group = |name: &str, topic: &str, area: &str| NewGroup {
        name: text(name),
        description: "Kom og vær med".into(),
        topic: text(topic),
        area: text(area),
        usual_place: text("Biblioteket"),
    };
    let knit = s.create_group(&group("Strikkecafé", "Hygge", "Nord"), NOW).await.unwrap();
    let walk = s.create_group(&group("Gåtur", "Motion", "Øst"), NOW).await.unwrap();
    let bent = s
        .create_person(&NewPerson { full_name: text("Bent Frivillig"), cpr: None, subject: None, display_name: Some(text("Bent")) }, NOW)
        .await
        .unwrap();
    let anonymous_host = person(&*s, "Hanne Uden Kaldenavn", None).await;
    s.add_group_host(knit, bent).await.unwrap();
    s.add_group_host(walk, anonymous_host).await.unwrap();
    let meetup = |group: GroupId, at: i64| NewMeetup {
        group,
        starts_at: at,
        duration_minutes: 90,
        place: text("Biblioteket"),
        address: text("Torvet 1"),
        capacity: 2,
        description: "Tag garn med".into(),
    };
    let soon = s.create_meetup(&meetup(knit, NOW + DAY), NOW).await.unwrap();
    s.create_meetup(&meetup(knit, NOW - DAY), NOW).await.unwrap();
    s.create_meetup(&meetup(walk, NOW + 2 * DAY), NOW).await.unwrap();
    s.sign_up(soon, anonymous_host, NOW).await.unwrap();

    let all = network::overview(&*s, Chosen::default(), None, None, NOW, Lang::Da).await.unwrap();
    assert_eq!(
        (all.areas.clone(), all.topics.clone()),
        (vec!["Nord".to_string(), "Øst".into()], vec!["Hygge".to_string(), "Motion".into()])
    );
    assert_eq!(
        all.groups.items.iter().map(|g| (g.name.as_str(), g.hosts.clone())).collect::<Vec<_>>(),
        [("Gåtur", vec![]), ("Strikkecafé", vec!["Bent".to_string()])]
    );
    assert_eq!(
        all.meetups.items.iter().map(|m| m.group.as_str()).collect::<Vec<_>>(),
        ["Strikkecafé", "Gåtur"],
        "upcoming only, soonest first"
    );
    assert_eq!(
        (all.meetups.items[0].places_left, all.meetups.items[0].capacity, all.meetups.items[0].duration.as_str()),
        (1, 2, "1 time og 30 minutter")
    );
    let shown = format!("{all:?}");
    assert!(!shown.contains("Frivillig") && !shown.contains("Kaldenavn"), "never a full name: {shown}");

    let north = network::overview(&*s, Chosen { area: Some("Nord"), topic: None }, None, None, NOW, Lang::Da).await.unwrap();
    assert_eq!((north.groups.items.len(), north.meetups.items.len(), north.areas.len()), (1, 1, 2), "the filter narrows; its choices stay");
    assert_eq!(
        network::overview(&*s, Chosen { area: Some("Nord"), topic: Some("Motion") }, None, None, NOW, Lang::Da).await.unwrap().groups.items,
        vec![]
    );

    let page = network::group_page(&*s, None, knit, NOW, Lang::Da).await.unwrap();
    assert_eq!((page.group.name.as_str(), page.meetups.len()), ("Strikkecafé", 1));
    let m = network::meetup_page(&*s, None, soon, Lang::Da).await.unwrap();
    assert_eq!((m.group.as_str(), m.places_left, m.cancelled, m.group_link.clone()), ("Strikkecafé", 1, false, routes::group(knit.0)));
    assert!(matches!(network::group_page(&*s, None, GroupId(9_999), NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(network::meetup_page(&*s, None, MeetupId(9_999), Lang::Da).await, Err(ServiceError::NotAllowed)));

    // Signing up and cancelling: signed in only; twice is the same as once;
    // the page tells the person their place.
    let (a, b) = (signed_in(person(&*s, "Ane", None).await, true), signed_in(person(&*s, "Bo", None).await, true));
    assert!(matches!(network::sign_up(&*s, None, soon, NOW).await, Err(ServiceError::NotSignedIn)));
    assert_eq!(network::sign_up(&*s, Some(&a), soon, NOW).await.unwrap(), SignupStatus::Going, "the last place");
    assert_eq!(network::sign_up(&*s, Some(&a), soon, NOW).await.unwrap(), SignupStatus::Going, "twice is once");
    assert_eq!(network::sign_up(&*s, Some(&b), soon, NOW).await.unwrap(), SignupStatus::Waiting);
    let seen = network::meetup_page(&*s, Some(&b), soon, Lang::Da).await.unwrap();
    assert_eq!((seen.mine, seen.places_left), (Some(("waiting".to_string(), 1)), 0));
    network::cancel(&*s, Some(&a), soon, NOW + 1).await.unwrap();
    network::cancel(&*s, Some(&a), soon, NOW + 2).await.unwrap();
    assert_eq!(network::meetup_page(&*s, Some(&b), soon, Lang::Da).await.unwrap().mine, Some(("going".to_string(), 0)), "moved up");
    assert_eq!(s.notifications(b.person_id).await.unwrap()[0].link, routes::meetup(soon.0));

    // Joining and leaving a group: signed in only; twice is once.
    assert_eq!(network::group_page(&*s, None, knit, NOW, Lang::Da).await.unwrap().member, None);
    assert!(matches!(network::membership(&*s, None, knit, true, NOW).await, Err(ServiceError::NotSignedIn)));
    assert!(matches!(network::membership(&*s, Some(&a), GroupId(9_999), true, NOW).await, Err(ServiceError::NotAllowed)));
    for _ in 0..2 {
        network::membership(&*s, Some(&a), knit, true, NOW).await.unwrap();
    }
    assert_eq!(network::group_page(&*s, Some(&a), knit, NOW, Lang::Da).await.unwrap().member, Some(true));
    assert_eq!(network::group_page(&*s, Some(&b), knit, NOW, Lang::Da).await.unwrap().member, Some(false), "per person");
    network::membership(&*s, Some(&a), knit, false, NOW).await.unwrap();
    network::membership(&*s, Some(&a), knit, false, NOW).await.unwrap();
    assert_eq!(network::group_page(&*s, Some(&a), knit, NOW, Lang::Da).await.unwrap().member, Some(false));
}

async fn a_freed_place_goes_to_the_first_in_line_who_is_notified(s: Arc<dyn Store>) {
    let g = s
        .create_group(
            &NewGroup {
                name: text("Jobklubben"),
                description: "CV".into(),
                topic: text("Arbejde"),
                area: text("Vest"),
                usual_place: text("Kulturhuset"),
            },
            NOW,
        )
        .await
        .unwrap();
    let m = s
        .create_meetup(
            &NewMeetup {
                group: g,
                starts_at: NOW + DAY,
                duration_minutes: 60,
                place: text("Kulturhuset"),
                address: text("Vej 2"),
                capacity: 2,
                description: String::new(),
            },
            NOW,
        )
        .await
        .unwrap();
    let mut p = Vec::new();
    for i in 0..4 {
        p.push(person(&*s, &format!("Deltager {i}"), None).await);
    }
    for (i, who) in p.iter().enumerate() {
        s.sign_up(m, *who, NOW + i as i64).await.unwrap();
    }
    let moved = || Notice::new(NotificationKind::MeetupMovedUp, 1);
    use SignupStatus::{Going, Waiting};
    assert_eq!(s.signups(m).await.unwrap(), vec![(p[0], Going), (p[1], Going), (p[2], Waiting), (p[3], Waiting)]);
    // Someone waiting leaves: nobody moves.
    assert_eq!(s.cancel_signup(m, p[3], moved(), NOW + 10).await.unwrap(), None);
    // Someone going leaves: the first in line moves up and is told.
    assert_eq!(s.cancel_signup(m, p[0], moved(), NOW + 11).await.unwrap(), Some(p[2]));
    assert_eq!(s.notifications(p[2]).await.unwrap()[0].kind, "meetup_moved_up");
    assert_eq!(s.notifications(p[1]).await.unwrap(), vec![]);
    assert!(matches!(s.cancel_signup(m, p[0], moved(), NOW + 12).await, Err(DbError::Conflict(_))), "not signed up any more");
    // Coming back means the back of the line.
    assert_eq!(s.sign_up(m, p[0], NOW + 13).await.unwrap(), Waiting);
    assert_eq!(s.sign_up(m, p[3], NOW + 14).await.unwrap(), Waiting);
    assert_eq!(s.signups(m).await.unwrap(), vec![(p[1], Going), (p[2], Going), (p[0], Waiting), (p[3], Waiting)]);
    // With nobody waiting, a freed place is free again.
    for who in [p[0], p[3], p[1]] {
        s.cancel_signup(m, who, moved(), NOW + 15).await.unwrap();
    }
    assert_eq!(s.meetup(m).await.unwrap().places_left(), 1);
    assert!(matches!(s.sign_up(m, p[1], NOW + 2 * DAY).await, Err(DbError::Conflict(_))), "a meetup that has started takes no sign-ups");
}

/// Simultaneous sign-ups and cancellations: the count of places taken always
/// equals who is going, never above capacity, and nobody waits while a place is free.
async fn simultaneous_sign_ups_and_cancellations_keep_the_count_and_the_line(s: Arc<dyn Store>) {
    let g = s
        .create_group(
            &NewGroup {
                name: text("Gåtur"),
                description: "Gå".into(),
                topic: text("Motion"),
                area: text("Øst"),
                usual_place: text("Stranden"),
            },
            NOW,
        )
        .await
        .unwrap();
    let m = s
        .create_meetup(
            &NewMeetup {
                group: g,
                starts_at: NOW + DAY,
                duration_minutes: 60,
                place: text("Stranden"),
                address: text("Vej 3"),
                capacity: 3,
                description: String::new(),
            },
            NOW,
        )
        .await
        .unwrap();
    let mut people = Vec::new();
    for i in 0..16 {
        people.push(person(&*s, &format!("Gæst {i}"), None).await);
    }
    let first: Vec<_> = people[..10]
        .iter()
        .map(|p| {
            let (s, p) = (s.clone(), *p);
            tokio::spawn(async move { s.sign_up(m, p, NOW).await })
        })
        .collect();
    for t in futures::future::join_all(first).await {
        t.unwrap().unwrap();
    }
    let mut tasks = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let (s, p) = (s.clone(), *p);
        tasks.push(tokio::spawn(async move {
            if i < 10 && i % 2 == 0 {
                s.cancel_signup(m, p, Notice::new(NotificationKind::MeetupMovedUp, 1), NOW + 1).await.map(|_| ())
            } else if i >= 10 {
                s.sign_up(m, p, NOW + 1).await.map(|_| ())
            } else {
                Ok(())
            }
        }));
    }
    for t in futures::future::join_all(tasks).await {
        t.unwrap().unwrap();
    }
    let list = s.signups(m).await.unwrap();
    let going = list.iter().filter(|(_, st)| *st == SignupStatus::Going).count() as i64;
    let meetup = s.meetup(m).await.unwrap();
    assert_eq!((list.len(), going, meetup.going), (11, 3, 3), "{list:?}");
}

/// The host side, through the service: only a host of the group runs it;
/// everyone signed up or waiting is told of a change, a cancellation and a
/// message; added places go to the line; hosts see display names only.
async fn a_host_runs_their_group_and_meetups_and_everyone_signed_up_is_told(s: Arc<dyn Store>) {
    use crate::features::network::forms::{parse_announcement, parse_display_name};
    use crate::features::network::service as network;
    use crate::i18n::Lang;
    use crate::kernel::forms::Problem;
    use crate::ssr::service::ServiceError;
    let (citizen, caseworker, _) = citizen_with_budget(&*s).await;
    let (a, b) = (person(&*s, "Anne Værtsen", None).await, person(&*s, "Bo Andenvært", None).await);
    for h in [a, b] {
        s.grant_role(h, Role::Host, NOW).await.unwrap();
    }
    let (host, other_host) = (host_user(a), host_user(b));
    let (c, cw) = (signed_in(citizen, true), staff_user(caseworker));

    // Creating a group: the host role only; a repeated submit is one group.
    assert!(matches!(network::create_group(&*s, None, group_input("Strik"), "k1", NOW).await, Err(ServiceError::NotSignedIn)));
    for who in [&c, &cw] {
        assert!(matches!(network::create_group(&*s, Some(who), group_input("Strik"), "k1", NOW).await, Err(ServiceError::NotAllowed)));
    }
    let g = network::create_group(&*s, Some(&host), group_input("Strik"), "k1", NOW).await.unwrap();
    assert_eq!(network::create_group(&*s, Some(&host), group_input("Strik"), "k1", NOW).await.unwrap(), g, "same key, same group");
    let other = network::create_group(&*s, Some(&other_host), group_input("Gåtur"), "k1", NOW).await.unwrap();
    assert_ne!(g, other);
    assert_eq!(s.groups().await.unwrap().len(), 2);

    // Editing the group and posting meetups: a host of this group only.
    for who in [Some(&other_host), Some(&c), Some(&cw)] {
        assert!(matches!(network::update_group(&*s, who, g, group_input("Overtaget")).await, Err(ServiceError::NotAllowed)));
        assert!(matches!(network::post_meetup(&*s, who, g, meetup_input(2, "Café", 2), "m1", NOW).await, Err(ServiceError::NotAllowed)));
        assert!(matches!(network::group_to_edit(&*s, who, g, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    }
    network::update_group(&*s, Some(&host), g, group_input("Strikkecafé")).await.unwrap();
    let page = network::group_page(&*s, Some(&host), g, NOW, Lang::Da).await.unwrap();
    assert_eq!((page.group.name.as_str(), page.hosting), ("Strikkecafé", true));
    assert!(!network::group_page(&*s, Some(&other_host), g, NOW, Lang::Da).await.unwrap().hosting);
    let past = network::post_meetup(&*s, Some(&host), g, meetup_input(-1, "Café", 2), "m0", NOW).await;
    assert!(matches!(past, Err(ServiceError::Invalid(e)) if e[0].problem == Problem::InThePast));
    let m = network::post_meetup(&*s, Some(&host), g, meetup_input(2, "Café", 2), "m1", NOW).await.unwrap();
    assert_eq!(network::post_meetup(&*s, Some(&host), g, meetup_input(2, "Café", 2), "m1", NOW).await.unwrap(), m, "same key, same meetup");
    assert_eq!(s.group_meetups(g, NOW).await.unwrap().len(), 1);

    // Three sign up for two places; two chose a display name.
    let mut people = Vec::new();
    for (name, display) in [("Ane Andersen", Some("Ane")), ("Bo Bertelsen", Some("Bo")), ("Cecilie Carlsen", None)] {
        let p = signed_in(person(&*s, name, Some(&format!("0101{:02}-1111", people.len()))).await, true);
        if let Some(d) = display {
            network::set_display_name(&*s, Some(&p), &parse_display_name(d).unwrap()).await.unwrap();
        }
        network::sign_up(&*s, Some(&p), m, NOW).await.unwrap();
        people.push(p);
    }
    assert!(matches!(network::set_display_name(&*s, None, &parse_display_name("X").unwrap()).await, Err(ServiceError::NotSignedIn)));
    let (seen, _) = network::meetup_to_host(&*s, Some(&host), m, Lang::Da).await.unwrap();
    let inside = seen.inside.clone().expect("the host sees who is coming");
    assert_eq!((inside.going, inside.waiting), (vec!["Ane".to_string(), "Bo".into()], vec!["uden navn".to_string()]));
    let shown = format!("{seen:?}");
    for secret in ["Andersen", "Carlsen", "0101", "Jonas"] {
        assert!(!shown.contains(secret), "a host sees display names only: {shown}");
    }
    for who in [Some(&other_host), Some(&people[0]), Some(&cw), None] {
        assert!(matches!(network::meetup_to_host(&*s, who, m, Lang::Da).await, Err(ServiceError::NotAllowed | ServiceError::NotSignedIn)));
    }
    assert!(network::meetup_page(&*s, Some(&people[2]), m, Lang::Da).await.unwrap().inside.is_some(), "those signed up see who comes");
    for who in [Some(&c), None] {
        assert_eq!(network::meetup_page(&*s, who, m, Lang::Da).await.unwrap().inside, None, "nobody else does");
    }

    // Fewer places than are taken is refused, field by field.
    let fewer = network::update_meetup(&*s, Some(&host), m, meetup_input(2, "Café", 1), NOW).await;
    assert!(matches!(fewer, Err(ServiceError::Invalid(e)) if e[0].problem == Problem::CapacityBelowGoing(2)));
    assert!(matches!(
        network::update_meetup(&*s, Some(&other_host), m, meetup_input(2, "Café", 3), NOW).await,
        Err(ServiceError::NotAllowed)
    ));
    // One more place: the one waiting moves up and is told; nothing else changed.
    network::update_meetup(&*s, Some(&host), m, meetup_input(2, "Café", 3), NOW + 1).await.unwrap();
    let kinds = |p: PersonId| {
        let s = s.clone();
        async move { s.notifications(p).await.unwrap().into_iter().map(|n| n.kind).collect::<Vec<_>>() }
    };
    assert_eq!(kinds(people[2].person_id).await, vec![NotificationKind::MeetupMovedUp.as_str()]);
    assert_eq!(kinds(people[0].person_id).await, Vec::<String>::new(), "a change of places only is no news to those going");
    // A new place: everyone is told.
    network::update_meetup(&*s, Some(&host), m, meetup_input(2, "Kulturhuset", 3), NOW + 2).await.unwrap();
    assert_eq!(s.meetup(m).await.unwrap().place, "Kulturhuset");
    for p in &people {
        assert_eq!(kinds(p.person_id).await[0], NotificationKind::MeetupChanged.as_str());
    }
    // A message: everyone is told, once per submit.
    let body = parse_announcement("Vi mødes ved bagindgangen").unwrap();
    for _ in 0..2 {
        network::announce(&*s, Some(&host), m, &body, "a1", NOW + 3).await.unwrap();
    }
    assert!(matches!(network::announce(&*s, Some(&other_host), m, &body, "a2", NOW).await, Err(ServiceError::NotAllowed)));
    assert_eq!(s.announcements(m).await.unwrap().len(), 1);
    let page = network::meetup_page(&*s, Some(&people[1]), m, Lang::Da).await.unwrap();
    assert_eq!(page.inside.unwrap().announcements[0].body, "Vi mødes ved bagindgangen");
    for p in &people {
        assert_eq!(kinds(p.person_id).await[0], NotificationKind::MeetupAnnouncement.as_str());
    }
    assert_eq!(s.notifications(people[0].person_id).await.unwrap()[0].link, routes::meetup_messages(m.0));

    // "My groups and meetups".
    network::membership(&*s, Some(&people[0]), g, true, NOW).await.unwrap();
    let mine = network::mine(&*s, Some(&people[0]), NOW, Lang::Da).await.unwrap();
    assert_eq!((mine.display_name.as_deref(), mine.meetups.len(), mine.groups.len(), mine.hosted.is_none()), (Some("Ane"), 1, 1, true));
    assert_eq!(network::mine(&*s, Some(&host), NOW, Lang::Da).await.unwrap().hosted.unwrap()[0].name, "Strikkecafé");
    assert!(matches!(network::mine(&*s, None, NOW, Lang::Da).await, Err(ServiceError::NotSignedIn)));

    // Cancelling: a host of the group only; everyone is told; twice is once.
    assert!(matches!(network::cancel_meetup(&*s, Some(&other_host), m, NOW + 4).await, Err(ServiceError::NotAllowed)));
    for _ in 0..2 {
        network::cancel_meetup(&*s, Some(&host), m, NOW + 4).await.unwrap();
    }
    for p in &people {
        let k = kinds(p.person_id).await;
        assert_eq!(
            (k[0].as_str(), k.iter().filter(|k| *k == NotificationKind::MeetupCancelled.as_str()).count()),
            (NotificationKind::MeetupCancelled.as_str(), 1)
        );
    }
    assert!(matches!(network::update_meetup(&*s, Some(&host), m, meetup_input(2, "Café", 3), NOW + 5).await, Err(ServiceError::Conflict)));
    assert!(matches!(s.sign_up(m, c.person_id, NOW + 5).await, Err(DbError::Conflict(_))));
    let mine = network::mine(&*s, Some(&people[0]), NOW, Lang::Da).await.unwrap();
    assert!(mine.meetups[0].cancelled, "their list shows it is cancelled");
}

/// A host adds places while people sign up and cancel at the same moment:
/// the count always equals who is going, never above the capacity, and
/// nobody waits while a place is free.
async fn places_added_while_people_sign_up_go_to_the_line_in_order(s: Arc<dyn Store>) {
    let g = s
        .create_group(
            &NewGroup {
                name: text("Jobklub"),
                description: "CV".into(),
                topic: text("Arbejde"),
                area: text("Vest"),
                usual_place: text("Huset"),
            },
            NOW,
        )
        .await
        .unwrap();
    let new = |capacity: i64, place: &str| NewMeetup {
        group: g,
        starts_at: NOW + DAY,
        duration_minutes: 60,
        place: text(place),
        address: text("Vej 2"),
        capacity,
        description: String::new(),
    };
    let m = s.create_meetup(&new(2, "Huset"), NOW).await.unwrap();
    let notices = MeetupNotices {
        moved_up: Notice::new(NotificationKind::MeetupMovedUp, 1),
        changed: Notice::new(NotificationKind::MeetupChanged, 1),
    };
    let mut people = Vec::new();
    for i in 0..12 {
        people.push(person(&*s, &format!("Gæst {i}"), None).await);
    }
    for p in &people[..4] {
        s.sign_up(m, *p, NOW).await.unwrap();
    }
    assert!(matches!(s.update_meetup(m, &new(1, "Huset"), &notices, NOW).await, Err(DbError::Conflict(_))), "below those going");
    let mut tasks = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let (s, p) = (s.clone(), *p);
        tasks.push(tokio::spawn(async move {
            if i >= 4 {
                s.sign_up(m, p, NOW + 1).await.map(|_| ())
            } else if i == 0 {
                s.cancel_signup(m, p, Notice::new(NotificationKind::MeetupMovedUp, 1), NOW + 1).await.map(|_| ())
            } else {
                Ok(())
            }
        }));
    }
    {
        let (s, notices, seven) = (s.clone(), notices.clone(), new(7, "Huset"));
        tasks.push(tokio::spawn(async move { s.update_meetup(m, &seven, &notices, NOW + 1).await }));
    }
    for t in futures::future::join_all(tasks).await {
        t.unwrap().unwrap();
    }
    let list = s.signups(m).await.unwrap();
    let going = list.iter().filter(|(_, st)| *st == SignupStatus::Going).count() as i64;
    let meetup = s.meetup(m).await.unwrap();
    assert_eq!((meetup.going, going, list.len()), (7, 7, 11), "7 places, 11 signed up: {list:?}");
    // Those waiting from the start moved up first, in order.
    assert!(list.iter().take(7).any(|(p, _)| *p == people[2]) && list.iter().take(7).any(|(p, _)| *p == people[3]));
    for p in &people[2..4] {
        assert_eq!(s.notifications(*p).await.unwrap()[0].kind, "meetup_moved_up");
    }
    assert_eq!(s.notifications(people[1]).await.unwrap(), vec![], "no news for someone who had a place all along");
}

/// The overview pages its groups by name and its meetups soonest first, a
/// "Vis flere" each that keeps the narrowing (an area with a space and an Ø)
/// and the other list's place.
async fn the_network_overview_comes_a_page_at_a_time_and_keeps_its_narrowing(s: Arc<dyn Store>) {
    use crate::features::network::service as network;
    use crate::features::network::views::MEETUPS_AFTER;
    use crate::i18n::Lang;
    use crate::kernel::paging::{Before, AFTER, PAGE_SIZE};
    let group = |name: String, area: &str| NewGroup {
        name: text(&name),
        description: "Kom og vær med".into(),
        topic: text("Hygge"),
        area: text(area),
        usual_place: text("Biblioteket"),
    };
    let mut west = Vec::new();
    for i in 0..55 {
        west.push(s.create_group(&group(format!("Gruppe {i:02}"), "Aarhus Ø"), NOW).await.unwrap());
    }
    let elsewhere = s.create_group(&group("Anden by".into(), "Nord"), NOW).await.unwrap();
    for (i, g) in west.iter().enumerate() {
        // Two meetups at one moment on every fifth, so a page can end between them.
        let at = NOW + DAY + (i as i64 / 2) * 60_000;
        s.create_meetup(
            &NewMeetup {
                group: *g,
                starts_at: at,
                duration_minutes: 60,
                place: text("Her"),
                address: text("Vej 1"),
                capacity: 5,
                description: String::new(),
            },
            NOW,
        )
        .await
        .unwrap();
    }
    s.create_meetup(
        &NewMeetup {
            group: elsewhere,
            starts_at: NOW + DAY,
            duration_minutes: 60,
            place: text("Der"),
            address: text("Vej 2"),
            capacity: 5,
            description: String::new(),
        },
        NOW,
    )
    .await
    .unwrap();
    let chosen = Chosen { area: Some("Aarhus Ø"), topic: None };
    let first = network::overview(&*s, chosen, None, None, NOW, Lang::Da).await.unwrap();
    assert_eq!((first.groups.items.len(), first.meetups.items.len()), (PAGE_SIZE, PAGE_SIZE));
    assert_eq!(first.first, "/netvaerk?omraade=Aarhus%20%C3%98");
    let more_groups = first.groups.older.clone().expect("more groups");
    assert!(more_groups.starts_with("/netvaerk?omraade=Aarhus%20%C3%98&efter=") && more_groups.ends_with("#grupper"), "{more_groups}");
    let more_meetups = first.meetups.older.clone().expect("more meetups");
    assert!(more_meetups.starts_with(&format!("/netvaerk?omraade=Aarhus%20%C3%98&{MEETUPS_AFTER}=")), "{more_meetups}");
    let param = |link: &str, name: &str| {
        link.trim_end_matches("#grupper")
            .trim_end_matches("#moeder")
            .split(['?', '&'])
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .map(str::to_string)
    };
    let group_after = param(&more_groups, AFTER).map(|id| GroupId(id.parse().unwrap()));
    let meetup_after = param(&more_meetups, MEETUPS_AFTER).and_then(|m| Before::parse(&m));
    let second = network::overview(&*s, chosen, group_after, meetup_after, NOW, Lang::Da).await.unwrap();
    let names: Vec<String> = first.groups.items.iter().chain(&second.groups.items).map(|g| g.name.clone()).collect();
    assert_eq!(names, (0..55).map(|i| format!("Gruppe {i:02}")).collect::<Vec<_>>(), "every group once, by name, only the chosen area");
    let meetups: std::collections::BTreeSet<String> =
        first.meetups.items.iter().chain(&second.meetups.items).map(|m| m.link.clone()).collect();
    assert_eq!((meetups.len(), second.meetups.older.as_deref(), second.groups.later), (55, None, true), "every meetup once");
    let back = second.meetups.older.or(second.groups.older);
    assert_eq!(back, None);
    // On the second page of meetups, "Vis flere" groups keeps the meetups' place.
    let mixed = network::overview(&*s, chosen, None, meetup_after, NOW, Lang::Da).await.unwrap();
    assert!(mixed.groups.older.clone().unwrap().contains(&format!("&{MEETUPS_AFTER}=")), "the meetups' place is kept");
    // Every meetup names its own group, whether that group is in the page's
    // list of groups or not (the groups are read once, not once per meetup).
    let name_of: std::collections::HashMap<String, String> =
        west.iter().enumerate().map(|(i, g)| (crate::routes::group(g.0), format!("Gruppe {i:02}"))).collect();
    for m in first.meetups.items.iter().chain(&second.meetups.items).chain(&mixed.meetups.items) {
        assert_eq!(name_of.get(&m.group_link), Some(&m.group), "{}", m.link);
    }
    assert!(
        mixed.meetups.items.iter().any(|m| !mixed.groups.items.iter().any(|g| g.link == m.group_link)),
        "a meetup of a group that is not in the list on this page"
    );
}

on_both_backends!(
    the_network_overview_comes_a_page_at_a_time_and_keeps_its_narrowing,
    a_meetup_is_never_overfilled_and_the_rest_wait,
    the_public_network_shows_groups_display_names_and_upcoming_meetups,
    a_freed_place_goes_to_the_first_in_line_who_is_notified,
    simultaneous_sign_ups_and_cancellations_keep_the_count_and_the_line,
    a_host_runs_their_group_and_meetups_and_everyone_signed_up_is_told,
    places_added_while_people_sign_up_go_to_the_line_in_order,
);
