//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

use crate::kernel::paging::Paged;

/// The query parameter of the overview's meetups' place (`<start>-<id>`).
pub const MEETUPS_AFTER: &str = "moeder";

/// A network group as anyone may see it: no host's full name, no member list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    pub id: i64,
    pub link: String,
    pub name: String,
    pub description: String,
    pub topic: String,
    pub area: String,
    pub usual_place: String,
    /// The hosts' display names (a first name or a nickname).
    pub hosts: Vec<String>,
}

/// A meetup as anyone may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetupView {
    pub id: i64,
    pub link: String,
    pub group: String,
    pub group_link: String,
    /// "tirsdag 3. marts 2026 kl. 17.00", Copenhagen time.
    pub when: String,
    /// The same as ISO 8601, for `<time datetime>`.
    pub iso: String,
    /// "1 time og 30 minutter".
    pub duration: String,
    pub place: String,
    pub address: String,
    pub places_left: i64,
    pub capacity: i64,
    pub description: String,
    pub cancelled: bool,
    /// The signed-in person's place: `going`, `waiting` (with their number
    /// in line), or `None`. Only filled in on the meetup's own page.
    pub mine: Option<(String, i64)>,
    /// The signed-in person hosts its group.
    pub hosting: bool,
    /// Who is coming and the hosts' messages: only for those signed up
    /// and the group's hosts, on the meetup's own pages.
    pub inside: Option<MeetupInside>,
}

/// What the people signed up for a meetup, and its hosts, see of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetupInside {
    /// Display names of who is going, in the order they signed up (someone
    /// who chose none is "uden navn").
    pub going: Vec<String>,
    /// Display names of who is waiting, first in line first.
    pub waiting: Vec<String>,
    /// The hosts' messages, newest first.
    pub announcements: Vec<AnnouncementView>,
}

/// A host's message to those signed up for a meetup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementView {
    pub when: String,
    pub iso: String,
    pub body: String,
}

/// "Mine grupper og møder": the signed-in person's name in the network,
/// their meetups and groups, and the groups they host.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyNetworkView {
    pub display_name: Option<String>,
    /// Upcoming meetups they have a place for or wait for (`mine` filled in).
    pub meetups: Vec<MeetupView>,
    pub groups: Vec<GroupView>,
    /// The groups they host (`None`: they are not a host).
    pub hosted: Option<Vec<GroupView>>,
}

/// The public network page: groups and upcoming meetups, filtered, and the
/// choices of the filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkView {
    pub groups: Paged<GroupView>,
    pub meetups: Paged<MeetupView>,
    /// The overview as narrowed, on its first pages.
    pub first: String,
    pub areas: Vec<String>,
    pub topics: Vec<String>,
}

/// One group with its upcoming meetups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupPageView {
    pub group: GroupView,
    pub meetups: Vec<MeetupView>,
    /// Whether the signed-in person is in the group (`None`: not signed in).
    pub member: Option<bool>,
    /// The signed-in person hosts it.
    pub hosting: bool,
}
