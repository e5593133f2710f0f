//! Network groups and meetups. Anyone may see the groups, their hosts'
//! display names and the upcoming meetups, without logging in; a signed-in
//! person joins groups, signs up for meetups and chooses the name they are
//! shown by; a host (the host role, and a host of that group) runs the group
//! and its meetups. Nothing here reads a plan, a CPR number or any case
//! data: hosts see display names and counts only.

use crate::features::network::forms::{network_fields, GroupInput, MeetupInput};
use crate::features::network::store::Chosen;
use crate::features::network::views::AnnouncementView;
use crate::features::network::views::GroupPageView;
use crate::features::network::views::GroupView;
use crate::features::network::views::MeetupInside;
use crate::features::network::views::MeetupView;
use crate::features::network::views::MyNetworkView;
use crate::features::network::views::{NetworkView, MEETUPS_AFTER};
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::kernel::ids::{GroupId, MeetupId};
use crate::kernel::paging::{cut_at, link, Before, Paged, AFTER, PAGE_SIZE};
use crate::kernel::plan::Role;
use crate::kernel::time::{copenhagen_local, date_time, duration, iso};
use crate::kernel::{DisplayName, LongText};
use crate::routes;
use crate::ssr::db::PerHour;
use crate::ssr::db::{DbResult, Group, Meetup, MeetupNotices, NewGroup, NewMeetup, Store, SubmitOutcome};

use crate::ssr::access;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{Notice, NotificationKind, SignupStatus};
use crate::ssr::service::within_limit;
use crate::ssr::service::{ServiceError, ServiceResult};

async fn group_view(store: &dyn Store, g: Group) -> DbResult<GroupView> {
    Ok(GroupView {
        id: g.id.0,
        link: routes::group(g.id.0),
        hosts: store.host_display_names(g.id).await?,
        name: g.name,
        description: g.description,
        topic: g.topic,
        area: g.area,
        usual_place: g.usual_place,
    })
}

fn meetup_view(m: Meetup, group: &Group, lang: Lang) -> MeetupView {
    MeetupView {
        id: m.id.0,
        link: routes::meetup(m.id.0),
        group: group.name.clone(),
        group_link: routes::group(group.id.0),
        when: date_time(m.starts_at, lang),
        iso: iso(m.starts_at),
        duration: duration(m.duration_minutes, lang),
        places_left: m.places_left(),
        capacity: m.capacity,
        cancelled: m.cancelled_at.is_some(),
        place: m.place,
        address: m.address,
        description: m.description,
        mine: None,
        hosting: false,
        inside: None,
    }
}

/// Whether the signed-in person hosts `group` (the host role, and one of its hosts).
async fn hosts(store: &dyn Store, user: Option<&CurrentUser>, group: GroupId) -> DbResult<bool> {
    match user {
        Some(u) if u.has_role(Role::Host) => store.is_host(group, u.person_id).await,
        _ => Ok(false),
    }
}

/// The signed-in host of `group`, else why not.
async fn host_of<'a>(store: &dyn Store, user: Option<&'a CurrentUser>, group: GroupId) -> ServiceResult<&'a CurrentUser> {
    let u = user.ok_or(ServiceError::NotSignedIn)?;
    store.group(group).await?;
    if hosts(store, Some(u), group).await? {
        Ok(u)
    } else {
        Err(ServiceError::NotAllowed)
    }
}

/// The public overview: a page of the groups in `chosen` by name (after the
/// group `group_after`), a page of their upcoming meetups, soonest first
/// (after `meetup_after`), and every area and topic to choose from. Each
/// page's "Vis flere" keeps the narrowing and the other list's place.
pub async fn overview(
    store: &dyn Store,
    chosen: Chosen<'_>,
    group_after: Option<GroupId>,
    meetup_after: Option<Before>,
    now: i64,
    lang: Lang,
) -> DbResult<NetworkView> {
    let (areas, topics) = store.group_choices().await?;
    let mut base = routes::NETWORK.to_string();
    for (param, value) in [("omraade", chosen.area), ("emne", chosen.topic)] {
        if let Some(v) = value {
            base = link(&base, param, routes::query_value(v));
        }
    }
    let limit = PAGE_SIZE as i64 + 1;
    let groups_path = match meetup_after {
        Some(b) => link(&base, MEETUPS_AFTER, format!("{}-{}", b.at, b.id)),
        None => base.clone(),
    };
    let mut chosen_groups = store.groups_page(chosen, group_after, limit).await?;
    let groups_more = cut_at(&mut chosen_groups, AFTER, |g| g.id.0.to_string(), &groups_path).map(|l| format!("{l}#grupper"));
    let mut rows = store.upcoming_meetups(chosen, now, meetup_after, limit).await?;
    let meetups_path = match group_after {
        Some(g) => link(&base, AFTER, g.0),
        None => base.clone(),
    };
    let meetups_more =
        cut_at(&mut rows, MEETUPS_AFTER, |m| format!("{}-{}", m.starts_at, m.id.0), &meetups_path).map(|l| format!("{l}#moeder"));
    // Each meetup names its group: the groups on this page are at hand, and
    // any other is read once however many of its meetups are listed (it was
    // one query per meetup).
    let mut known: std::collections::HashMap<GroupId, Group> = chosen_groups.iter().map(|g| (g.id, g.clone())).collect();
    let mut meetups = Vec::new();
    for m in rows {
        let group = match known.entry(m.group_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(store.group(m.group_id).await?),
        };
        meetups.push(meetup_view(m, group, lang));
    }
    let mut groups = Vec::new();
    for g in chosen_groups {
        groups.push(group_view(store, g).await?);
    }
    Ok(NetworkView {
        groups: Paged { items: groups, older: groups_more, later: group_after.is_some() },
        meetups: Paged { items: meetups, older: meetups_more, later: meetup_after.is_some() },
        first: base,
        areas,
        topics,
    })
}

/// One group and its upcoming meetups (`NotAllowed`: no such group).
pub async fn group_page(store: &dyn Store, user: Option<&CurrentUser>, id: GroupId, now: i64, lang: Lang) -> ServiceResult<GroupPageView> {
    let g = store.group(id).await?;
    let meetups = store.group_meetups(id, now).await?.into_iter().map(|m| meetup_view(m, &g, lang)).collect();
    let member = match user.map(access::participant) {
        Some(Ok(who)) => Some(store.is_member(id, who).await?),
        _ => None,
    };
    let hosting = hosts(store, user, id).await?;
    Ok(GroupPageView { group: group_view(store, g).await?, meetups, member, hosting })
}

/// The signed-in person joins (`true`) or leaves a group; twice is once.
pub async fn membership(store: &dyn Store, user: Option<&CurrentUser>, id: GroupId, join: bool, now: i64) -> ServiceResult<()> {
    let who = access::participant(user.ok_or(ServiceError::NotSignedIn)?)?;
    store.group(id).await?;
    if join {
        store.join_group(id, who, now).await?;
    } else {
        store.leave_group(id, who).await?;
    }
    Ok(())
}

/// One meetup, also when it is cancelled or over (`NotAllowed`: no such
/// meetup, or its group is archived). Who is coming and the hosts' messages
/// are added for those signed up and the group's hosts.
pub async fn meetup_page(store: &dyn Store, user: Option<&CurrentUser>, id: MeetupId, lang: Lang) -> ServiceResult<MeetupView> {
    let m = store.meetup(id).await?;
    let g = store.group(m.group_id).await?;
    let mut view = meetup_view(m, &g, lang);
    view.hosting = hosts(store, user, g.id).await?;
    if let Some(Ok(who)) = user.map(access::participant) {
        let list = store.signups(id).await?;
        let mut waiting = 0;
        for (person, status) in list {
            if status == SignupStatus::Waiting {
                waiting += 1;
            }
            if person == who {
                view.mine = Some(match status {
                    SignupStatus::Going => ("going".into(), 0),
                    SignupStatus::Waiting => ("waiting".into(), waiting),
                });
            }
        }
    }
    if view.hosting || view.mine.is_some() {
        view.inside = Some(inside(store, id, lang).await?);
    }
    Ok(view)
}

async fn inside(store: &dyn Store, id: MeetupId, lang: Lang) -> DbResult<MeetupInside> {
    let no_name = lang.texts().network.network_no_name;
    let mut inside = MeetupInside::default();
    for (name, status) in store.attendees(id).await? {
        let name = name.unwrap_or_else(|| no_name.to_string());
        match status {
            SignupStatus::Going => inside.going.push(name),
            SignupStatus::Waiting => inside.waiting.push(name),
        }
    }
    inside.announcements = store
        .announcements(id)
        .await?
        .into_iter()
        .map(|a| AnnouncementView { when: date_time(a.created_at, lang), iso: iso(a.created_at), body: a.body })
        .collect();
    Ok(inside)
}

/// The signed-in person signs up: a place while there is one, else the
/// waiting list. Signing up twice is done, not an error.
pub async fn sign_up(store: &dyn Store, user: Option<&CurrentUser>, id: MeetupId, now: i64) -> ServiceResult<SignupStatus> {
    let me = access::participant(user.ok_or(ServiceError::NotSignedIn)?)?;
    store.group(store.meetup(id).await?.group_id).await?;
    if let Some((_, status)) = store.signups(id).await?.into_iter().find(|(who, _)| *who == me) {
        return Ok(status);
    }
    Ok(store.sign_up(id, me, now).await?)
}

/// The signed-in person cancels; a freed place goes to the first in line,
/// who is notified. Cancelling twice is done, not an error.
pub async fn cancel(store: &dyn Store, user: Option<&CurrentUser>, id: MeetupId, now: i64) -> ServiceResult<()> {
    let me = access::participant(user.ok_or(ServiceError::NotSignedIn)?)?;
    store.meetup(id).await?;
    if !store.signups(id).await?.iter().any(|(who, _)| *who == me) {
        return Ok(());
    }
    store.cancel_signup(id, me, Notice::new(NotificationKind::MeetupMovedUp, id.0), now).await?;
    Ok(())
}

/// The signed-in person chooses the name they are shown by in the groups.
pub async fn set_display_name(store: &dyn Store, user: Option<&CurrentUser>, name: &DisplayName) -> ServiceResult<()> {
    let me = access::person_self(user.ok_or(ServiceError::NotSignedIn)?)?;
    Ok(store.set_display_name(me, name.as_str()).await?)
}

/// "Mine grupper og møder" for the signed-in person.
pub async fn mine(store: &dyn Store, user: Option<&CurrentUser>, now: i64, lang: Lang) -> ServiceResult<MyNetworkView> {
    let user = user.ok_or(ServiceError::NotSignedIn)?;
    let who = access::participant(user)?;
    let me = store.person(who).await?;
    let mut meetups = Vec::new();
    for (m, status) in store.my_meetups(who, now).await? {
        let Ok(g) = store.group(m.group_id).await else { continue };
        let id = m.id;
        let mut v = meetup_view(m, &g, lang);
        v.mine = Some(match status {
            SignupStatus::Going => ("going".into(), 0),
            SignupStatus::Waiting => {
                let line = store.signups(id).await?;
                let n = line.iter().filter(|(_, st)| *st == SignupStatus::Waiting).position(|(person, _)| *person == who);
                ("waiting".into(), n.map_or(0, |n| n as i64 + 1))
            }
        });
        meetups.push(v);
    }
    let mut groups = Vec::new();
    for g in store.member_groups(who).await? {
        groups.push(group_view(store, g).await?);
    }
    let hosted = if user.has_role(Role::Host) && user.acting_for.is_none() {
        let mut hosted = Vec::new();
        for g in store.hosted_groups(user.person_id).await? {
            hosted.push(group_view(store, g).await?);
        }
        Some(hosted)
    } else {
        None
    };
    Ok(MyNetworkView { display_name: me.display_name, meetups, groups, hosted })
}

fn new_group(g: GroupInput) -> NewGroup {
    NewGroup { name: g.name, description: g.description.into(), topic: g.topic, area: g.area, usual_place: g.usual_place }
}

/// Someone with the host role creates a group and becomes its host.
pub async fn create_group(store: &dyn Store, user: Option<&CurrentUser>, g: GroupInput, key: &str, now: i64) -> ServiceResult<GroupId> {
    let user = user.ok_or(ServiceError::NotSignedIn)?;
    if !user.has_role(Role::Host) {
        return Err(ServiceError::NotAllowed);
    }
    let made = store.create_hosted_group(&new_group(g), user.person_id, key, now).await;
    Ok(within_limit(store, made, PerHour::Groups, network_fields::NAME).await?.id())
}

/// The group as its host edits it (`NotAllowed` for anyone else).
pub async fn group_to_edit(
    store: &dyn Store,
    user: Option<&CurrentUser>,
    id: GroupId,
    now: i64,
    lang: Lang,
) -> ServiceResult<GroupPageView> {
    host_of(store, user, id).await?;
    group_page(store, user, id, now, lang).await
}

/// A host of the group changes it.
pub async fn update_group(store: &dyn Store, user: Option<&CurrentUser>, id: GroupId, g: GroupInput) -> ServiceResult<()> {
    host_of(store, user, id).await?;
    Ok(store.update_group(id, &new_group(g)).await?)
}

/// The meetup's start in UTC, refused when it is not in the future.
fn starts_at(m: &MeetupInput, now: i64) -> ServiceResult<i64> {
    let invalid = |field: &str, problem| ServiceError::Invalid(vec![FieldError { field: field.into(), problem }]);
    let at = copenhagen_local(m.date, m.minute).ok_or_else(|| invalid(network_fields::DATE, Problem::Date))?;
    if at <= now {
        return Err(invalid(network_fields::DATE, Problem::InThePast));
    }
    Ok(at)
}

fn new_meetup(group: GroupId, m: MeetupInput, starts_at: i64) -> NewMeetup {
    NewMeetup {
        group,
        starts_at,
        duration_minutes: m.duration_minutes,
        place: m.place,
        address: m.address,
        capacity: m.capacity,
        description: m.description.map(String::from).unwrap_or_default(),
    }
}

/// A host of the group posts a meetup (in the future).
pub async fn post_meetup(
    store: &dyn Store,
    user: Option<&CurrentUser>,
    group: GroupId,
    m: MeetupInput,
    key: &str,
    now: i64,
) -> ServiceResult<MeetupId> {
    let host = host_of(store, user, group).await?;
    let at = starts_at(&m, now)?;
    let made = store.post_meetup(&new_meetup(group, m, at), host.person_id, key, now).await;
    Ok(within_limit(store, made, PerHour::Meetups, network_fields::DESCRIPTION).await?.id())
}

/// The meetup, who is coming and the hosts' messages, for a host of its group.
/// With the meetup as stored, for the form that changes it.
pub async fn meetup_to_host(
    store: &dyn Store,
    user: Option<&CurrentUser>,
    id: MeetupId,
    lang: Lang,
) -> ServiceResult<(MeetupView, Meetup)> {
    let m = store.meetup(id).await?;
    host_of(store, user, m.group_id).await?;
    Ok((meetup_page(store, user, id, lang).await?, m))
}

/// A host changes a meetup: everyone signed up or waiting is told of a
/// change of time, place or text; added places go to those waiting, first
/// in line first. Fewer places than already going is refused.
pub async fn update_meetup(store: &dyn Store, user: Option<&CurrentUser>, id: MeetupId, m: MeetupInput, now: i64) -> ServiceResult<()> {
    let old = store.meetup(id).await?;
    host_of(store, user, old.group_id).await?;
    if old.cancelled_at.is_some() {
        return Err(ServiceError::Conflict);
    }
    if m.capacity < old.going {
        return Err(ServiceError::Invalid(vec![FieldError {
            field: network_fields::CAPACITY.into(),
            problem: Problem::CapacityBelowGoing(old.going),
        }]));
    }
    let at = starts_at(&m, now)?;
    let notices = MeetupNotices {
        moved_up: Notice::new(NotificationKind::MeetupMovedUp, id.0),
        changed: Notice::new(NotificationKind::MeetupChanged, id.0),
    };
    Ok(store.update_meetup(id, &new_meetup(old.group_id, m, at), &notices, now).await?)
}

/// A host cancels a meetup; everyone signed up or waiting is told.
/// Cancelling twice is done, not an error.
pub async fn cancel_meetup(store: &dyn Store, user: Option<&CurrentUser>, id: MeetupId, now: i64) -> ServiceResult<()> {
    let m = store.meetup(id).await?;
    host_of(store, user, m.group_id).await?;
    if m.cancelled_at.is_some() {
        return Ok(());
    }
    Ok(store.cancel_meetup(id, Notice::new(NotificationKind::MeetupCancelled, id.0), now).await?)
}

/// A host sends a message to everyone signed up or waiting.
pub async fn announce(
    store: &dyn Store,
    user: Option<&CurrentUser>,
    id: MeetupId,
    body: &LongText,
    key: &str,
    now: i64,
) -> ServiceResult<()> {
    let host = host_of(store, user, store.meetup(id).await?.group_id).await?;
    let made = store.announce(id, host.person_id, body, Notice::new(NotificationKind::MeetupAnnouncement, id.0), key, now).await;
    match within_limit(store, made, PerHour::Announcements, network_fields::MESSAGE).await? {
        SubmitOutcome::Created(_) | SubmitOutcome::Repeated(_) => Ok(()),
    }
}
