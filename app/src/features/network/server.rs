//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).
// A server function takes one argument per form field, and the #[server]
// macro drops attributes on the fn itself, so this is per module.
#![allow(clippy::too_many_arguments)]

#[cfg(feature = "ssr")]
use crate::features::network::forms::network_fields::*;
use crate::features::network::views::GroupPageView;
use crate::features::network::views::MeetupView;
use crate::features::network::views::MyNetworkView;
use crate::features::network::views::NetworkView;
#[cfg(feature = "ssr")]
use crate::i18n::Texts;
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use crate::ui::form::FormSpec;
use crate::ui::page::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The flash names of the forms here: one per form and object.
#[cfg(feature = "ssr")]
mod form_names {
    pub const DISPLAY_NAME: &str = "display_name";
    pub const NEW_GROUP: &str = "new_group";
    pub fn group(id: i64) -> String {
        format!("group:{id}")
    }
    pub fn new_meetup(group: i64) -> String {
        format!("new_meetup:{group}")
    }
    pub fn meetup(id: i64) -> String {
        format!("meetup:{id}")
    }
    pub fn announcement(meetup: i64) -> String {
        format!("announcement:{meetup}")
    }
}

/// Groups and upcoming meetups, narrowed to `area` and/or `topic` (blank:
/// all), each a page at a time (after the group `after`, the meetup place
/// `meetups_after`).
#[server(prefix = "/api", endpoint = "network")]
pub async fn network_overview(
    area: Option<String>,
    topic: Option<String>,
    after: Option<String>,
    meetups_after: Option<String>,
) -> Result<NetworkView, ServerFnError> {
    use crate::features::network::store::Chosen;
    let cx = Ctx::get()?;
    let pick = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let (area, topic) = (pick(&area), pick(&topic));
    let chosen = Chosen { area: area.as_deref(), topic: topic.as_deref() };
    let after = after.as_deref().and_then(|a| a.parse().ok()).map(crate::kernel::ids::GroupId);
    let meetups_after = meetups_after.as_deref().and_then(crate::kernel::paging::Before::parse);
    crate::features::network::service::overview(cx.store(), chosen, after, meetups_after, cx.now, cx.lang)
        .await
        .map_err(|e| crate::ssr::internal_error("read the network groups", e))
}

/// Sets 404 on the page's response (the thing asked for does not exist).
#[cfg(feature = "ssr")]
fn not_found<T>(r: crate::ssr::service::ServiceResult<T>, doing: &'static str) -> Result<Option<T>, ServerFnError> {
    use crate::ssr::service::ServiceError;
    match r {
        Ok(v) => Ok(Some(v)),
        Err(ServiceError::Db(e)) => Err(crate::ssr::internal_error(doing, e)),
        Err(_) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(http::StatusCode::NOT_FOUND);
            }
            Ok(None)
        }
    }
}

/// One group and its upcoming meetups (`None`: no such group).
#[server(prefix = "/api", endpoint = "network_group")]
pub async fn network_group(group: i64) -> Result<Option<GroupPageView>, ServerFnError> {
    let cx = Ctx::get()?;
    let user = cx.maybe_user();
    let r = crate::features::network::service::group_page(cx.store(), user, crate::kernel::ids::GroupId(group), cx.now, cx.lang).await;
    not_found(r, "read a network group")
}

/// One meetup (`None`: no such meetup).
#[server(prefix = "/api", endpoint = "network_meetup")]
pub async fn network_meetup(meetup: i64) -> Result<Option<MeetupView>, ServerFnError> {
    let cx = Ctx::get()?;
    let user = cx.maybe_user();
    let r = crate::features::network::service::meetup_page(cx.store(), user, crate::kernel::ids::MeetupId(meetup), cx.lang).await;
    not_found(r, "read a meetup")
}

/// The signed-in person joins (`join=1`) or leaves a group.
#[server(prefix = "/api", endpoint = "group_membership")]
pub async fn group_membership(group: i64, join: Option<String>) -> Result<(), ServerFnError> {
    use crate::features::network::service as network;
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let id = crate::kernel::ids::GroupId(group);
    let user = cx.maybe_user();
    let joining = join.is_some();
    let r = network::membership(cx.store(), user, id, joining, cx.now).await;
    let back = routes::group(id.0);
    finish(r, "join or leave a group", &with_answer(&back, if joining { "medlem" } else { "udmeldt" }), &back, None).await
}

/// The signed-in person signs up for a meetup (a place, or the waiting list).
#[server(prefix = "/api", endpoint = "join_meetup")]
pub async fn join_meetup(meetup: i64) -> Result<(), ServerFnError> {
    use crate::features::network::service as network;
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let id = crate::kernel::ids::MeetupId(meetup);
    let user = cx.maybe_user();
    let r = network::sign_up(cx.store(), user, id, cx.now).await;
    let back = routes::meetup(id.0);
    let answer = if matches!(r, Ok(crate::ssr::db::SignupStatus::Waiting)) { "venteliste" } else { "tilmeldt" };
    finish(r.map(|_| ()), "sign up for a meetup", &with_answer(&back, answer), &back, None).await
}

/// The signed-in person cancels their place or their place in line.
#[server(prefix = "/api", endpoint = "leave_meetup")]
pub async fn leave_meetup(meetup: i64) -> Result<(), ServerFnError> {
    use crate::features::network::service as network;
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let id = crate::kernel::ids::MeetupId(meetup);
    let user = cx.maybe_user();
    let r = network::cancel(cx.store(), user, id, cx.now).await;
    let back = routes::meetup(id.0);
    finish(r, "cancel a meetup place", &with_answer(&back, "afmeldt"), &back, None).await
}

/// What was typed into a group form (kept for the form page if refused), and its parse.
#[cfg(feature = "ssr")]
fn typed_group(
    form: String,
    [name, description, topic, area, usual_place]: [&str; 5],
) -> (crate::ssr::forms::FormFlash, Result<crate::features::network::forms::GroupInput, crate::ssr::service::ServiceError>) {
    let typed = [(NAME, name), (DESCRIPTION, description), (TOPIC, topic), (AREA, area), (USUAL_PLACE, usual_place)];
    let parsed = crate::features::network::forms::GroupInput::parse(name, description, topic, area, usual_place);
    (crate::ssr::forms::FormFlash::typed(form, &typed), parsed.map_err(crate::ssr::service::ServiceError::Invalid))
}

/// What was typed into a meetup form (kept for the form page if refused), and its parse.
#[cfg(feature = "ssr")]
fn typed_meetup(
    form: String,
    [date, time, duration, place, address, capacity, description]: [&str; 7],
) -> (crate::ssr::forms::FormFlash, Result<crate::features::network::forms::MeetupInput, crate::ssr::service::ServiceError>) {
    let typed = [
        (DATE, date),
        (TIME, time),
        (DURATION, duration),
        (PLACE, place),
        (ADDRESS, address),
        (CAPACITY, capacity),
        (DESCRIPTION, description),
    ];
    let parsed = crate::features::network::forms::MeetupInput::parse(date, time, duration, place, address, capacity, description);
    (crate::ssr::forms::FormFlash::typed(form, &typed), parsed.map_err(crate::ssr::service::ServiceError::Invalid))
}

/// "Mine grupper og møder" and the form to choose a display name.
#[server(prefix = "/api", endpoint = "my_network")]
pub async fn my_network() -> Result<Option<(MyNetworkView, FormSpec)>, ServerFnError> {
    use crate::features::network::forms::NetworkForm;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let lang = cx.lang;
    let t = lang.texts();
    let user = cx.maybe_user();
    let view = match crate::features::network::service::mine(cx.store(), user, cx.now, lang).await {
        Ok(v) => v,
        Err(crate::ssr::service::ServiceError::Db(e)) => return Err(crate::ssr::internal_error("read my network", e)),
        Err(_) => return Ok(None),
    };
    let current = view.display_name.clone().unwrap_or_default();
    let fields = vec![(DISPLAY_NAME, t.network.mine_name_label, Some(t.network.mine_name_hint), Control::Line)];
    let spec = crate::ssr::forms::spec(
        NetworkForm::DisplayName,
        form_names::DISPLAY_NAME,
        SetDisplayName::PATH,
        vec![],
        fields,
        t.network.mine_name_submit,
        &[(DISPLAY_NAME, current.as_str())],
    )
    .await;
    Ok(Some((view, spec)))
}

/// The signed-in person chooses the name they are shown by.
#[server(prefix = "/api", endpoint = "set_display_name")]
pub async fn set_display_name(display_name: String) -> Result<(), ServerFnError> {
    use crate::features::network::service as network;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(form_names::DISPLAY_NAME, &[(DISPLAY_NAME, &display_name)]);
    let user = cx.maybe_user();
    let result = async {
        let name = crate::features::network::forms::parse_display_name(&display_name).map_err(ServiceError::Invalid)?;
        network::set_display_name(cx.store(), user, &name).await
    }
    .await;
    let back = routes::my_network_name();
    finish(result, "set a display name", &with_answer(&back, "navn"), &back, Some(kept)).await
}

/// The fields of the group form, in the order the form shows them.
#[cfg(feature = "ssr")]
fn group_fields(t: &'static Texts) -> Vec<crate::ssr::forms::FieldDef<'static>> {
    use crate::ui::form::Control;
    vec![
        (NAME, t.network.group_name_label, None, Control::Line),
        (DESCRIPTION, t.network.group_description_label, Some(t.network.group_description_hint), Control::Lines),
        (TOPIC, t.network.network_topic, Some(t.network.group_topic_hint), Control::Line),
        (AREA, t.network.network_area, Some(t.network.group_area_hint), Control::Line),
        (USUAL_PLACE, t.network.network_usual_place, Some(t.network.group_usual_place_hint), Control::Line),
    ]
}

/// The fields of the meetup form.
#[cfg(feature = "ssr")]
fn meetup_fields(t: &'static Texts) -> Vec<crate::ssr::forms::FieldDef<'static>> {
    use crate::ui::form::Control;
    vec![
        (DATE, t.appointment_date_label, None, Control::Date),
        (TIME, t.appointment_time_label, None, Control::Time),
        (DURATION, t.appointment_duration_label, None, Control::Number),
        (PLACE, t.network.meetup_place_label, Some(t.network.meetup_place_hint), Control::Line),
        (ADDRESS, t.appointment_address_label, None, Control::Line),
        (CAPACITY, t.network.meetup_capacity_label, Some(t.network.meetup_capacity_hint), Control::Number),
        (DESCRIPTION, t.network.meetup_description_label, Some(t.network.meetup_description_hint), Control::Lines),
    ]
}

/// The form to create a group (for someone with the host role).
#[server(prefix = "/api", endpoint = "new_group_form")]
pub async fn new_group_form() -> Result<StaffPage<FormSpec>, ServerFnError> {
    use crate::features::network::forms::NetworkForm;
    use crate::ssr::service::ServiceError;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let t = cx.lang.texts();
    let r = match cx.maybe_user() {
        Some(u) if u.has_role(crate::kernel::plan::Role::Host) => Ok(()),
        Some(_) => Err(ServiceError::NotAllowed),
        None => Err(ServiceError::NotSignedIn),
    };
    if let StaffPage::NotAllowed = crate::ssr::service::staff_page(r, "open the group form")? {
        return Ok(StaffPage::NotAllowed);
    }
    let key = vec![("key".to_string(), crate::ssr::forms::new_key())];
    Ok(StaffPage::Shown(
        crate::ssr::forms::spec(
            NetworkForm::Group,
            form_names::NEW_GROUP,
            CreateGroup::PATH,
            key,
            group_fields(t),
            t.network.group_create_submit,
            &[],
        )
        .await,
    ))
}

/// A host creates a group and becomes its host.
#[server(prefix = "/api", endpoint = "create_group")]
pub async fn create_group(
    name: String,
    description: String,
    topic: String,
    area: String,
    usual_place: String,
    key: String,
) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{redirect, refused, with_answer};
    let cx = Ctx::get()?;
    let (kept, input) = typed_group(form_names::NEW_GROUP.into(), [&name, &description, &topic, &area, &usual_place]);
    let user = cx.maybe_user();
    let result = async { crate::features::network::service::create_group(cx.store(), user, input?, &key, cx.now).await }.await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&routes::host_group(id.0), "oprettet"));
            Ok(())
        }
        Err(e) => refused(e, "create a group", routes::NETWORK_NEW_GROUP, Some(kept)).await,
    }
}

/// A group as its host works on it: the group, its meetups, the form to
/// change it and the form to post a meetup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostGroupPage {
    pub view: GroupPageView,
    pub edit: FormSpec,
    pub post: FormSpec,
}

/// The group's page for its host (`NotAllowed` for anyone else).
#[server(prefix = "/api", endpoint = "host_group")]
pub async fn host_group(group: i64) -> Result<StaffPage<HostGroupPage>, ServerFnError> {
    use crate::features::network::forms::NetworkForm;
    use crate::ssr::forms::spec;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let lang = cx.lang;
    let t = lang.texts();
    let user = cx.maybe_user();
    let id = crate::kernel::ids::GroupId(group);
    let r = crate::features::network::service::group_to_edit(cx.store(), user, id, cx.now, lang).await;
    let view = match crate::ssr::service::staff_page(r, "open a group for its host")? {
        StaffPage::Shown(v) => v,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let g = &view.group;
    let now: [(&str, &str); 5] =
        [(NAME, g.name.as_str()), (DESCRIPTION, &g.description), (TOPIC, &g.topic), (AREA, &g.area), (USUAL_PLACE, &g.usual_place)];
    let hidden = || vec![("group".to_string(), group.to_string())];
    let edit =
        spec(NetworkForm::Group, &form_names::group(group), SaveGroup::PATH, hidden(), group_fields(t), t.network.group_save_submit, &now)
            .await;
    let mut post_hidden = hidden();
    post_hidden.push(("key".into(), crate::ssr::forms::new_key()));
    let defaults = [(DURATION, "90"), (PLACE, g.usual_place.as_str()), (CAPACITY, "10")];
    let post = spec(
        NetworkForm::Meetup,
        &form_names::new_meetup(group),
        PostMeetup::PATH,
        post_hidden,
        meetup_fields(t),
        t.network.meetup_post_submit,
        &defaults,
    )
    .await;
    Ok(StaffPage::Shown(HostGroupPage { view, edit, post }))
}

/// A host changes their group.
#[server(prefix = "/api", endpoint = "save_group")]
pub async fn save_group(
    group: i64,
    name: String,
    description: String,
    topic: String,
    area: String,
    usual_place: String,
) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let (kept, input) = typed_group(form_names::group(group), [&name, &description, &topic, &area, &usual_place]);
    let user = cx.maybe_user();
    let id = crate::kernel::ids::GroupId(group);
    let result = async { crate::features::network::service::update_group(cx.store(), user, id, input?).await }.await;
    let back = routes::host_group(group);
    finish(result, "change a group", &with_answer(&back, "gemt"), &back, Some(kept)).await
}

/// A host posts a meetup of their group.
#[server(prefix = "/api", endpoint = "post_meetup")]
pub async fn post_meetup(
    group: i64,
    date: String,
    time: String,
    duration: String,
    place: String,
    address: String,
    capacity: String,
    description: String,
    key: String,
) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{redirect, refused, with_answer};
    let cx = Ctx::get()?;
    let (kept, input) = typed_meetup(form_names::new_meetup(group), [&date, &time, &duration, &place, &address, &capacity, &description]);
    let user = cx.maybe_user();
    let id = crate::kernel::ids::GroupId(group);
    let result = async { crate::features::network::service::post_meetup(cx.store(), user, id, input?, &key, cx.now).await }.await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&routes::host_meetup(id.0), "moede-oprettet"));
            Ok(())
        }
        Err(e) => refused(e, "post a meetup", &format!("{}#nyt-moede", routes::host_group(group)), Some(kept)).await,
    }
}

/// A meetup as its host works on it: who is coming and the messages, the
/// form to change it (not once it is cancelled) and the message form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostMeetupPage {
    pub view: MeetupView,
    pub edit: Option<FormSpec>,
    pub announce: Option<FormSpec>,
}

/// The meetup's page for a host of its group (`NotAllowed` for anyone else).
#[server(prefix = "/api", endpoint = "host_meetup")]
pub async fn host_meetup(meetup: i64) -> Result<StaffPage<HostMeetupPage>, ServerFnError> {
    use crate::features::network::forms::NetworkForm;
    use crate::ssr::forms::spec;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let lang = cx.lang;
    let t = lang.texts();
    let user = cx.maybe_user();
    let id = crate::kernel::ids::MeetupId(meetup);
    let r = crate::features::network::service::meetup_to_host(cx.store(), user, id, lang).await;
    let (view, m) = match crate::ssr::service::staff_page(r, "open a meetup for its host")? {
        StaffPage::Shown(v) => v,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    if view.cancelled {
        return Ok(StaffPage::Shown(HostMeetupPage { view, edit: None, announce: None }));
    }
    let (date, time) = crate::kernel::time::form_date_time(m.starts_at);
    let (duration, capacity) = (m.duration_minutes.to_string(), m.capacity.to_string());
    let now: [(&str, &str); 7] = [
        (DATE, date.as_str()),
        (TIME, &time),
        (DURATION, &duration),
        (PLACE, &m.place),
        (ADDRESS, &m.address),
        (CAPACITY, &capacity),
        (DESCRIPTION, &m.description),
    ];
    let hidden = || vec![("meetup".to_string(), meetup.to_string())];
    let edit = spec(
        NetworkForm::Meetup,
        &form_names::meetup(meetup),
        SaveMeetup::PATH,
        hidden(),
        meetup_fields(t),
        t.network.meetup_save_submit,
        &now,
    )
    .await;
    let mut key = hidden();
    key.push(("key".into(), crate::ssr::forms::new_key()));
    let fields = vec![(MESSAGE, t.network.announce_label, None, Control::Lines)];
    let announce = spec(
        NetworkForm::Announcement,
        &form_names::announcement(meetup),
        AnnounceMeetup::PATH,
        key,
        fields,
        t.network.announce_submit,
        &[],
    )
    .await;
    Ok(StaffPage::Shown(HostMeetupPage { view, edit: Some(edit), announce: Some(announce) }))
}

/// A host changes a meetup; everyone signed up or waiting is told.
#[server(prefix = "/api", endpoint = "save_meetup")]
pub async fn save_meetup(
    meetup: i64,
    date: String,
    time: String,
    duration: String,
    place: String,
    address: String,
    capacity: String,
    description: String,
) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let (kept, input) = typed_meetup(form_names::meetup(meetup), [&date, &time, &duration, &place, &address, &capacity, &description]);
    let user = cx.maybe_user();
    let id = crate::kernel::ids::MeetupId(meetup);
    let result = async { crate::features::network::service::update_meetup(cx.store(), user, id, input?, cx.now).await }.await;
    let back = routes::host_meetup(meetup);
    finish(result, "change a meetup", &with_answer(&back, "gemt"), &format!("{back}#ret"), Some(kept)).await
}

/// A host cancels a meetup; everyone signed up or waiting is told.
#[server(prefix = "/api", endpoint = "cancel_meetup")]
pub async fn cancel_meetup(meetup: i64) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let user = cx.maybe_user();
    let id = crate::kernel::ids::MeetupId(meetup);
    let result = crate::features::network::service::cancel_meetup(cx.store(), user, id, cx.now).await;
    let back = routes::host_meetup(meetup);
    finish(result, "cancel a meetup", &with_answer(&back, "aflyst"), &back, None).await
}

/// A host sends a message to everyone signed up or waiting.
#[server(prefix = "/api", endpoint = "announce_meetup")]
pub async fn announce_meetup(meetup: i64, message: String, key: String) -> Result<(), ServerFnError> {
    use crate::features::network::service as network;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(form_names::announcement(meetup), &[(MESSAGE, &message)]);
    let user = cx.maybe_user();
    let result = async {
        let body = crate::features::network::forms::parse_announcement(&message).map_err(ServiceError::Invalid)?;
        network::announce(cx.store(), user, crate::kernel::ids::MeetupId(meetup), &body, &key, cx.now).await
    }
    .await;
    let back = routes::host_meetup(meetup);
    finish(result, "send a message about a meetup", &with_answer(&back, "besked-sendt"), &format!("{back}#send-besked"), Some(kept)).await
}
