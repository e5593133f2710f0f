//! Network groups and meetups, public side: anyone may see the groups, their
//! hosts' display names and the upcoming meetups, without logging in. Nothing
//! here names a participant or touches case data.

use crate::domain::ids::{GroupId, MeetupId};
use crate::domain::views::{GroupPageView, GroupView, MeetupView, NetworkView};
use crate::i18n::Lang;
use crate::shell::paths;
use crate::ssr::db::{DbResult, Group, Meetup, Store};
use crate::ssr::time::{date_time, duration, iso};

use super::{ServiceError, ServiceResult};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::SignupStatus;

/// The notification for someone who moved up from the waiting list.
pub const NOTICE_MOVED_UP: &str = "meetup_moved_up";

/// How many upcoming meetups the overview lists.
const OVERVIEW_MEETUPS: i64 = 50;

pub fn group_link(id: GroupId) -> String {
    format!("{}/{}", paths::NETWORK_GROUP, id.0)
}

pub fn meetup_link(id: MeetupId) -> String {
    format!("{}/{}", paths::NETWORK_MEETUP, id.0)
}

async fn group_view(store: &dyn Store, g: Group) -> DbResult<GroupView> {
    Ok(GroupView {
        id: g.id.0,
        link: group_link(g.id),
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
        link: meetup_link(m.id),
        group: group.name.clone(),
        group_link: group_link(group.id),
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
    }
}

/// Groups and upcoming meetups, narrowed to an area and/or a topic.
pub async fn overview(store: &dyn Store, area: Option<&str>, topic: Option<&str>, now: i64, lang: Lang) -> DbResult<NetworkView> {
    let all = store.groups().await?;
    let mut areas: Vec<String> = all.iter().map(|g| g.area.clone()).collect();
    let mut topics: Vec<String> = all.iter().map(|g| g.topic.clone()).collect();
    for list in [&mut areas, &mut topics] {
        list.sort();
        list.dedup();
    }
    let chosen: Vec<Group> =
        all.into_iter().filter(|g| area.is_none_or(|a| g.area == a) && topic.is_none_or(|t| g.topic == t)).collect();
    let meetups = store
        .upcoming_meetups(now, OVERVIEW_MEETUPS)
        .await?
        .into_iter()
        .filter_map(|m| chosen.iter().find(|g| g.id == m.group_id).map(|g| meetup_view(m, g, lang)))
        .collect();
    let mut groups = Vec::new();
    for g in chosen {
        groups.push(group_view(store, g).await?);
    }
    Ok(NetworkView { groups, meetups, areas, topics })
}

/// One group and its upcoming meetups (`NotAllowed`: no such group).
pub async fn group_page(store: &dyn Store, user: Option<&CurrentUser>, id: GroupId, now: i64, lang: Lang) -> ServiceResult<GroupPageView> {
    let g = store.group(id).await?;
    let meetups = store.group_meetups(id, now).await?.into_iter().map(|m| meetup_view(m, &g, lang)).collect();
    let member = match user {
        Some(u) => Some(store.is_member(id, u.person_id).await?),
        None => None,
    };
    Ok(GroupPageView { group: group_view(store, g).await?, meetups, member })
}

/// The signed-in person joins (`true`) or leaves a group; twice is once.
pub async fn membership(store: &dyn Store, user: Option<&CurrentUser>, id: GroupId, join: bool, now: i64) -> ServiceResult<()> {
    let user = user.ok_or(ServiceError::NotSignedIn)?;
    store.group(id).await?;
    if join {
        store.join_group(id, user.person_id, now).await?;
    } else {
        store.leave_group(id, user.person_id).await?;
    }
    Ok(())
}

/// One meetup, also when it is cancelled or over (`NotAllowed`: no such
/// meetup, or its group is archived).
pub async fn meetup_page(store: &dyn Store, user: Option<&CurrentUser>, id: MeetupId, lang: Lang) -> ServiceResult<MeetupView> {
    let m = store.meetup(id).await?;
    let g = store.group(m.group_id).await?;
    let mut view = meetup_view(m, &g, lang);
    if let Some(user) = user {
        let list = store.signups(id).await?;
        let mut waiting = 0;
        for (who, status) in list {
            if status == SignupStatus::Waiting {
                waiting += 1;
            }
            if who == user.person_id {
                view.mine = Some(match status {
                    SignupStatus::Going => ("going".into(), 0),
                    SignupStatus::Waiting => ("waiting".into(), waiting),
                });
            }
        }
    }
    Ok(view)
}

/// The signed-in person signs up: a place while there is one, else the
/// waiting list. Signing up twice is done, not an error.
pub async fn sign_up(store: &dyn Store, user: Option<&CurrentUser>, id: MeetupId, now: i64) -> ServiceResult<SignupStatus> {
    let user = user.ok_or(ServiceError::NotSignedIn)?;
    store.group(store.meetup(id).await?.group_id).await?;
    if let Some((_, status)) = store.signups(id).await?.into_iter().find(|(who, _)| *who == user.person_id) {
        return Ok(status);
    }
    Ok(store.sign_up(id, user.person_id, now).await?)
}

/// The signed-in person cancels; a freed place goes to the first in line,
/// who is notified. Cancelling twice is done, not an error.
pub async fn cancel(store: &dyn Store, user: Option<&CurrentUser>, id: MeetupId, now: i64) -> ServiceResult<()> {
    let user = user.ok_or(ServiceError::NotSignedIn)?;
    store.meetup(id).await?;
    if !store.signups(id).await?.iter().any(|(who, _)| *who == user.person_id) {
        return Ok(());
    }
    store.cancel_signup(id, user.person_id, (NOTICE_MOVED_UP, meetup_link(id)), now).await?;
    Ok(())
}
