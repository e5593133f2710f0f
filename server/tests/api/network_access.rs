//! Who may call which server function of the network groups, over real
//! HTTP: citizen A (Mette, signed up for the meetup), citizen B, a host of
//! this group, a host of another group, a caseworker, and someone not logged
//! in. Only the allowed cells succeed; refused calls change nothing; no
//! answer carries a participant's full name or CPR number, and the names
//! people chose are shown only to those signed up and the group's hosts.

use crate::common::*;
use app::features::network::server::{
    AnnounceMeetup, CancelMeetup, CreateGroup, HostGroup, HostMeetup, JoinMeetup, MyNetwork, NetworkGroup, NetworkMeetup, NetworkOverview,
    NewGroupForm, PostMeetup, SaveGroup, SaveMeetup, SetDisplayName,
};
use app::kernel::ids::{GroupId, MeetupId, PersonId};
use app::kernel::plan::Role;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

/// The name A chooses: unique, so finding it in a body shows who sees it.
const A_NAME: &str = "Mussemette";

struct Actors {
    a: Browser,
    b: Browser,
    host: Browser,
    other_host: Browser,
    caseworker: Browser,
    anonymous: Browser,
}

impl Actors {
    fn all(&mut self) -> [(&'static str, &mut Browser); 6] {
        [
            ("citizen A", &mut self.a),
            ("citizen B", &mut self.b),
            ("host of this group", &mut self.host),
            ("host of another group", &mut self.other_host),
            ("caseworker", &mut self.caseworker),
            ("anonymous", &mut self.anonymous),
        ]
    }
}

/// Nothing about A but the name A chose, and that only where `may_see_name`.
fn no_leak(who: &str, what: &str, body: &str, may_see_name: bool) {
    assert!(!body.contains("Mette Hansen") && !body.contains("1001"), "{who}: {what} shows A's full name or CPR: {body}");
    if !may_see_name {
        assert!(!body.contains(A_NAME), "{who}: {what} shows A's chosen name: {body}");
    }
}

fn refused(who: &str, what: &str, status: StatusCode, body: &str) {
    assert!(matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN), "{who} must be refused {what}, got {status}: {body}");
    no_leak(who, what, body, false);
}

/// The demo's first group, a host of it and a host of another group, and its first meetup.
async fn setting(app: &TestApp) -> (GroupId, MeetupId, Actors, PersonId) {
    let store = app.store.as_ref();
    let group = store.groups().await.unwrap()[0].id;
    let mut hosts = (None, None);
    for h in store.people_with_role(Role::Host).await.unwrap() {
        if store.is_host(group, h).await.unwrap() {
            hosts.0.get_or_insert(h);
        } else {
            hosts.1.get_or_insert(h);
        }
    }
    let (host, other_host) = (hosts.0.expect("a host of the group"), hosts.1.expect("a host of another group"));
    let meetup = store.group_meetups(group, 0).await.unwrap()[0].id;
    let mette = app.person("Mette").await;
    let actors = Actors {
        a: app.signed_in("Mette").await,
        b: app.signed_in("Camilla").await,
        host: app.login_as(host).await,
        other_host: app.login_as(other_host).await,
        caseworker: app.signed_in("Karin").await,
        anonymous: Browser::default(),
    };
    (group, meetup, actors, mette)
}

/// A meetup form, `days` from now at 17:00 Copenhagen time.
fn meetup_form(days: i64, capacity: i64) -> Vec<(&'static str, String)> {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let (date, _) = app::kernel::time::form_date_time(now + days * 86_400_000);
    vec![
        ("date", date),
        ("time", "17:00".into()),
        ("duration", "90".into()),
        ("place", "Café Kanten".into()),
        ("address", "Torvet 1".into()),
        ("capacity", capacity.to_string()),
        ("description", "Tag garn med".into()),
    ]
}

fn group_form(name: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.into()),
        ("description", "Vi mødes og hygger".into()),
        ("topic", "Hygge".into()),
        ("area", "Nord".into()),
        ("usual_place", "Biblioteket".into()),
    ]
}

#[tokio::test]
async fn only_the_allowed_actors_can_call_each_network_server_function() {
    let app = spawn_app().await;
    let store = app.store.clone();
    let (group, meetup, mut actors, mette) = setting(&app).await;
    let m = [("meetup", meetup.0.to_string())];
    let g = [("group", group.0.to_string())];

    // A chooses a name and signs up; choosing a name needs a login.
    let (status, body) = app.call(&mut actors.anonymous, SetDisplayName::PATH, &[("display_name", "Nogen".into())]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, body) = app.call(&mut actors.a, SetDisplayName::PATH, &[("display_name", "010185-1001".into())]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a CPR number is no name: {body}");
    let (status, body) = app.call(&mut actors.a, SetDisplayName::PATH, &[("display_name", A_NAME.into())]).await;
    assert!(status.is_success(), "{body}");
    assert_eq!(store.person(mette).await.unwrap().display_name.as_deref(), Some(A_NAME));
    let (status, body) = app.call(&mut actors.a, JoinMeetup::PATH, &m).await;
    assert!(status.is_success(), "{body}");

    // Public reads: everyone; A's chosen name only for A and this group's hosts.
    for (who, browser) in actors.all() {
        for (endpoint, form) in [(NetworkOverview::PATH, vec![]), (NetworkGroup::PATH, g.to_vec()), (NetworkMeetup::PATH, m.to_vec())] {
            let (status, body) = app.call(browser, endpoint, &form).await;
            assert!(status.is_success(), "{who} reads {endpoint}: {status} {body}");
            let may = endpoint == NetworkMeetup::PATH && matches!(who, "citizen A" | "host of this group");
            no_leak(who, endpoint, &body, may);
            if may {
                assert!(body.contains(A_NAME), "{who} sees who is coming: {body}");
            }
        }
        // "My groups and meetups" is about the caller only.
        let (status, body) = app.call(browser, MyNetwork::PATH, &[]).await;
        assert!(status.is_success(), "{who}: {body}");
        no_leak(who, MyNetwork::PATH, &body, who == "citizen A");
    }

    // The host side: this group's hosts only. Refused calls change nothing.
    let before =
        (store.group(group).await.unwrap(), store.meetup(meetup).await.unwrap(), store.group_meetups(group, 0).await.unwrap().len());
    let groups_before = store.groups().await.unwrap().len();
    let mut save_group = g.to_vec();
    save_group.extend(group_form("Overtaget"));
    let mut post = g.to_vec();
    post.extend(meetup_form(30, 2));
    post.push(("key", "post-1".into()));
    let mut save_meetup = m.to_vec();
    save_meetup.extend(meetup_form(31, 3));
    let mut announce = m.to_vec();
    announce.extend([("message", "Vi mødes ved bagindgangen".to_string()), ("key", "msg-1".into())]);
    let host_calls: Vec<(&str, Vec<(&str, String)>)> = vec![
        (HostGroup::PATH, g.to_vec()),
        (SaveGroup::PATH, save_group),
        (PostMeetup::PATH, post),
        (HostMeetup::PATH, m.to_vec()),
        (SaveMeetup::PATH, save_meetup),
        (AnnounceMeetup::PATH, announce),
        (CancelMeetup::PATH, m.to_vec()),
    ];
    for (endpoint, form) in &host_calls {
        for (who, browser) in actors.all() {
            if who == "host of this group" {
                continue;
            }
            let (status, body) = app.call(browser, endpoint, form).await;
            if [HostGroup::PATH, HostMeetup::PATH].contains(endpoint) {
                // A page, not a change: 403 with "not yours" (nothing of the group's people).
                assert_eq!(status, StatusCode::FORBIDDEN, "{who} {endpoint}: {body}");
                no_leak(who, endpoint, &body, false);
            } else {
                refused(who, endpoint, status, &body);
            }
        }
    }
    let after =
        (store.group(group).await.unwrap(), store.meetup(meetup).await.unwrap(), store.group_meetups(group, 0).await.unwrap().len());
    assert_eq!(after, before, "refused calls changed nothing");
    assert_eq!(store.announcements(meetup).await.unwrap(), vec![]);
    assert_eq!(store.notifications(mette).await.unwrap().iter().filter(|n| n.kind.starts_with("meetup_")).count(), 0);

    // Creating a group: anyone with the host role; not citizens or caseworkers.
    for (who, browser) in actors.all() {
        let mut form = group_form(&format!("Ny gruppe af {who}"));
        form.push(("key", "new-group".into()));
        let (status, body) = app.call(browser, CreateGroup::PATH, &form).await;
        let (form_status, form_body) = app.call(browser, NewGroupForm::PATH, &[]).await;
        if who.starts_with("host") {
            assert!(status.is_success() && form_status.is_success(), "{who}: {status} {body} / {form_status} {form_body}");
        } else {
            refused(who, CreateGroup::PATH, status, &body);
            assert_eq!(form_status, StatusCode::FORBIDDEN, "{who}: {form_body}");
        }
    }
    assert_eq!(store.groups().await.unwrap().len(), groups_before + 2, "one new group per host");

    // The host of this group may do each, and A is told of each change.
    for (endpoint, form) in &host_calls {
        let (status, body) = app.call(&mut actors.host, endpoint, form).await;
        assert!(status.is_success(), "the host may {endpoint}: {status} {body}");
        no_leak("host of this group", endpoint, &body, true);
        if *endpoint == HostMeetup::PATH {
            assert!(body.contains(A_NAME), "the host sees A's chosen name: {body}");
        }
    }
    assert_eq!(store.group(group).await.unwrap().name, "Overtaget");
    assert_eq!(store.group_meetups(group, 0).await.unwrap().len(), before.2, "one meetup posted, one cancelled");
    assert!(store.meetup(meetup).await.unwrap().cancelled_at.is_some());
    let told: Vec<String> =
        store.notifications(mette).await.unwrap().into_iter().map(|n| n.kind).filter(|k| k.starts_with("meetup_")).collect();
    assert_eq!(told, ["meetup_cancelled", "meetup_announcement", "meetup_changed"], "newest first");
}
