//! The signed-in side of the network: "Mine grupper og møder" (the name a
//! person is shown by, their meetups and groups) and the hosts' pages: create
//! and edit a group, post a meetup, and for one meetup see who is coming,
//! change or cancel it and send a message to those signed up. Who may do
//! what is decided in `services::network`.
// A server function takes one argument per form field, and the #[server]
// macro drops attributes on the fn itself, so this is per module.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::form::{CheckedForm, FormSpec};
use crate::components::page::{ButtonForm, NeedsLogin, Notice, Outcome, PageHeading, Unavailable};
#[cfg(feature = "ssr")]
use crate::domain::forms::network_fields::*;
use crate::domain::views::{GroupPageView, GroupView, MeetupView, MyNetworkView};
use crate::i18n::{use_lang, Texts};
use crate::pages::inbox::{object_page, ObjectPage, StaffPage};
use crate::pages::network::{meetup_cards, PeopleComing};
use crate::shell::paths;
use crate::viewer::viewer;

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

/// What was typed into a group form (kept for the form page if refused), and its parse.
#[cfg(feature = "ssr")]
fn typed_group(
    form: String,
    [name, description, topic, area, usual_place]: [&str; 5],
) -> (crate::ssr::forms::FormFlash, Result<crate::domain::forms::GroupInput, crate::ssr::services::ServiceError>) {
    let typed = [(NAME, name), (DESCRIPTION, description), (TOPIC, topic), (AREA, area), (USUAL_PLACE, usual_place)];
    let parsed = crate::domain::forms::GroupInput::parse(name, description, topic, area, usual_place);
    (crate::ssr::forms::FormFlash::typed(form, &typed), parsed.map_err(crate::ssr::services::ServiceError::Invalid))
}

/// What was typed into a meetup form (kept for the form page if refused), and its parse.
#[cfg(feature = "ssr")]
fn typed_meetup(
    form: String,
    [date, time, duration, place, address, capacity, description]: [&str; 7],
) -> (crate::ssr::forms::FormFlash, Result<crate::domain::forms::MeetupInput, crate::ssr::services::ServiceError>) {
    let typed = [
        (DATE, date),
        (TIME, time),
        (DURATION, duration),
        (PLACE, place),
        (ADDRESS, address),
        (CAPACITY, capacity),
        (DESCRIPTION, description),
    ];
    let parsed = crate::domain::forms::MeetupInput::parse(date, time, duration, place, address, capacity, description);
    (crate::ssr::forms::FormFlash::typed(form, &typed), parsed.map_err(crate::ssr::services::ServiceError::Invalid))
}

pub fn host_group_link(id: i64) -> String {
    format!("{}/{id}/vaert", paths::NETWORK_GROUP)
}

pub fn host_meetup_link(id: i64) -> String {
    format!("{}/{id}/vaert", paths::NETWORK_MEETUP)
}

/// "Mine grupper og møder" and the form to choose a display name.
#[server(prefix = "/api", endpoint = "my_network")]
pub async fn my_network() -> Result<Option<(MyNetworkView, FormSpec)>, ServerFnError> {
    use crate::components::form::Control;
    use crate::domain::forms::FormKind;
    use leptos::server_fn::ServerFn;
    let store = crate::ssr::store()?;
    let lang = crate::ssr::request_lang();
    let t = lang.texts();
    let user = crate::ssr::auth::current_user();
    let view = match crate::ssr::services::network::mine(store.as_ref(), user.as_ref(), crate::ssr::now_ms(), lang).await {
        Ok(v) => v,
        Err(crate::ssr::services::ServiceError::Db(e)) => return Err(crate::ssr::internal_error("read my network", e)),
        Err(_) => return Ok(None),
    };
    let current = view.display_name.clone().unwrap_or_default();
    let fields = vec![(DISPLAY_NAME, t.mine_name_label, Some(t.mine_name_hint), Control::Line)];
    let spec = crate::ssr::forms::spec(
        FormKind::DisplayName,
        form_names::DISPLAY_NAME,
        SetDisplayName::PATH,
        vec![],
        fields,
        t.mine_name_submit,
        &[(DISPLAY_NAME, current.as_str())],
    )
    .await;
    Ok(Some((view, spec)))
}

/// The signed-in person chooses the name they are shown by.
#[server(prefix = "/api", endpoint = "set_display_name")]
pub async fn set_display_name(display_name: String) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{network, ServiceError};
    let store = crate::ssr::store()?;
    let kept = FormFlash::typed(form_names::DISPLAY_NAME, &[(DISPLAY_NAME, &display_name)]);
    let user = crate::ssr::auth::current_user();
    let result = async {
        let name = crate::domain::forms::parse_display_name(&display_name).map_err(ServiceError::Invalid)?;
        network::set_display_name(store.as_ref(), user.as_ref(), &name).await
    }
    .await;
    let back = format!("{}#navn", paths::NETWORK_MINE);
    finish(result, "set a display name", &with_answer(&back, "navn"), &back, Some(kept)).await
}

/// The fields of the group form, in the order the form shows them.
#[cfg(feature = "ssr")]
fn group_fields(t: &'static Texts) -> Vec<crate::ssr::forms::FieldDef<'static>> {
    use crate::components::form::Control;
    vec![
        (NAME, t.group_name_label, None, Control::Line),
        (DESCRIPTION, t.group_description_label, Some(t.group_description_hint), Control::Lines),
        (TOPIC, t.network_topic, Some(t.group_topic_hint), Control::Line),
        (AREA, t.network_area, Some(t.group_area_hint), Control::Line),
        (USUAL_PLACE, t.network_usual_place, Some(t.group_usual_place_hint), Control::Line),
    ]
}

/// The fields of the meetup form.
#[cfg(feature = "ssr")]
fn meetup_fields(t: &'static Texts) -> Vec<crate::ssr::forms::FieldDef<'static>> {
    use crate::components::form::Control;
    vec![
        (DATE, t.appointment_date_label, None, Control::Date),
        (TIME, t.appointment_time_label, None, Control::Time),
        (DURATION, t.appointment_duration_label, None, Control::Number),
        (PLACE, t.meetup_place_label, Some(t.meetup_place_hint), Control::Line),
        (ADDRESS, t.appointment_address_label, None, Control::Line),
        (CAPACITY, t.meetup_capacity_label, Some(t.meetup_capacity_hint), Control::Number),
        (DESCRIPTION, t.meetup_description_label, Some(t.meetup_description_hint), Control::Lines),
    ]
}

/// The form to create a group (for someone with the host role).
#[server(prefix = "/api", endpoint = "new_group_form")]
pub async fn new_group_form() -> Result<StaffPage<FormSpec>, ServerFnError> {
    use crate::domain::forms::FormKind;
    use crate::ssr::services::ServiceError;
    use leptos::server_fn::ServerFn;
    let t = crate::ssr::request_lang().texts();
    let r = match crate::ssr::auth::current_user() {
        Some(u) if u.has_role(crate::domain::plan::Role::Host) => Ok(()),
        Some(_) => Err(ServiceError::NotAllowed),
        None => Err(ServiceError::NotSignedIn),
    };
    if let StaffPage::NotAllowed = crate::pages::inbox::staff_page(r, "open the group form")? {
        return Ok(StaffPage::NotAllowed);
    }
    let key = vec![("key".to_string(), crate::ssr::forms::new_key())];
    Ok(StaffPage::Shown(
        crate::ssr::forms::spec(
            FormKind::Group,
            form_names::NEW_GROUP,
            CreateGroup::PATH,
            key,
            group_fields(t),
            t.group_create_submit,
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
    let store = crate::ssr::store()?;
    let (kept, input) = typed_group(form_names::NEW_GROUP.into(), [&name, &description, &topic, &area, &usual_place]);
    let user = crate::ssr::auth::current_user();
    let result =
        async { crate::ssr::services::network::create_group(store.as_ref(), user.as_ref(), input?, &key, crate::ssr::now_ms()).await }
            .await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&host_group_link(id.0), "oprettet"));
            Ok(())
        }
        Err(e) => refused(e, "create a group", paths::NETWORK_NEW_GROUP, Some(kept)).await,
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
    use crate::domain::forms::FormKind;
    use crate::ssr::forms::spec;
    use leptos::server_fn::ServerFn;
    let store = crate::ssr::store()?;
    let lang = crate::ssr::request_lang();
    let t = lang.texts();
    let user = crate::ssr::auth::current_user();
    let id = crate::domain::ids::GroupId(group);
    let r = crate::ssr::services::network::group_to_edit(store.as_ref(), user.as_ref(), id, crate::ssr::now_ms(), lang).await;
    let view = match crate::pages::inbox::staff_page(r, "open a group for its host")? {
        StaffPage::Shown(v) => v,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let g = &view.group;
    let now: [(&str, &str); 5] =
        [(NAME, g.name.as_str()), (DESCRIPTION, &g.description), (TOPIC, &g.topic), (AREA, &g.area), (USUAL_PLACE, &g.usual_place)];
    let hidden = || vec![("group".to_string(), group.to_string())];
    let edit =
        spec(FormKind::Group, &form_names::group(group), SaveGroup::PATH, hidden(), group_fields(t), t.group_save_submit, &now).await;
    let mut post_hidden = hidden();
    post_hidden.push(("key".into(), crate::ssr::forms::new_key()));
    let defaults = [(DURATION, "90"), (PLACE, g.usual_place.as_str()), (CAPACITY, "10")];
    let post = spec(
        FormKind::Meetup,
        &form_names::new_meetup(group),
        PostMeetup::PATH,
        post_hidden,
        meetup_fields(t),
        t.meetup_post_submit,
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
    let store = crate::ssr::store()?;
    let (kept, input) = typed_group(form_names::group(group), [&name, &description, &topic, &area, &usual_place]);
    let user = crate::ssr::auth::current_user();
    let id = crate::domain::ids::GroupId(group);
    let result = async { crate::ssr::services::network::update_group(store.as_ref(), user.as_ref(), id, input?).await }.await;
    let back = host_group_link(group);
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
    let store = crate::ssr::store()?;
    let (kept, input) = typed_meetup(form_names::new_meetup(group), [&date, &time, &duration, &place, &address, &capacity, &description]);
    let user = crate::ssr::auth::current_user();
    let id = crate::domain::ids::GroupId(group);
    let result =
        async { crate::ssr::services::network::post_meetup(store.as_ref(), user.as_ref(), id, input?, &key, crate::ssr::now_ms()).await }
            .await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&host_meetup_link(id.0), "moede-oprettet"));
            Ok(())
        }
        Err(e) => refused(e, "post a meetup", &format!("{}#nyt-moede", host_group_link(group)), Some(kept)).await,
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
    use crate::components::form::Control;
    use crate::domain::forms::FormKind;
    use crate::ssr::forms::spec;
    use leptos::server_fn::ServerFn;
    let store = crate::ssr::store()?;
    let lang = crate::ssr::request_lang();
    let t = lang.texts();
    let user = crate::ssr::auth::current_user();
    let id = crate::domain::ids::MeetupId(meetup);
    let r = crate::ssr::services::network::meetup_to_host(store.as_ref(), user.as_ref(), id, lang).await;
    let (view, m) = match crate::pages::inbox::staff_page(r, "open a meetup for its host")? {
        StaffPage::Shown(v) => v,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    if view.cancelled {
        return Ok(StaffPage::Shown(HostMeetupPage { view, edit: None, announce: None }));
    }
    let (date, time) = crate::ssr::time::form_date_time(m.starts_at);
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
    let edit =
        spec(FormKind::Meetup, &form_names::meetup(meetup), SaveMeetup::PATH, hidden(), meetup_fields(t), t.meetup_save_submit, &now).await;
    let mut key = hidden();
    key.push(("key".into(), crate::ssr::forms::new_key()));
    let fields = vec![(MESSAGE, t.announce_label, None, Control::Lines)];
    let announce =
        spec(FormKind::Announcement, &form_names::announcement(meetup), AnnounceMeetup::PATH, key, fields, t.announce_submit, &[]).await;
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
    let store = crate::ssr::store()?;
    let (kept, input) = typed_meetup(form_names::meetup(meetup), [&date, &time, &duration, &place, &address, &capacity, &description]);
    let user = crate::ssr::auth::current_user();
    let id = crate::domain::ids::MeetupId(meetup);
    let result =
        async { crate::ssr::services::network::update_meetup(store.as_ref(), user.as_ref(), id, input?, crate::ssr::now_ms()).await }.await;
    let back = host_meetup_link(meetup);
    finish(result, "change a meetup", &with_answer(&back, "gemt"), &format!("{back}#ret"), Some(kept)).await
}

/// A host cancels a meetup; everyone signed up or waiting is told.
#[server(prefix = "/api", endpoint = "cancel_meetup")]
pub async fn cancel_meetup(meetup: i64) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer};
    let store = crate::ssr::store()?;
    let user = crate::ssr::auth::current_user();
    let id = crate::domain::ids::MeetupId(meetup);
    let result = crate::ssr::services::network::cancel_meetup(store.as_ref(), user.as_ref(), id, crate::ssr::now_ms()).await;
    let back = host_meetup_link(meetup);
    finish(result, "cancel a meetup", &with_answer(&back, "aflyst"), &back, None).await
}

/// A host sends a message to everyone signed up or waiting.
#[server(prefix = "/api", endpoint = "announce_meetup")]
pub async fn announce_meetup(meetup: i64, message: String, key: String) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{network, ServiceError};
    let store = crate::ssr::store()?;
    let kept = FormFlash::typed(form_names::announcement(meetup), &[(MESSAGE, &message)]);
    let user = crate::ssr::auth::current_user();
    let result = async {
        let body = crate::domain::forms::parse_announcement(&message).map_err(ServiceError::Invalid)?;
        network::announce(store.as_ref(), user.as_ref(), crate::domain::ids::MeetupId(meetup), &body, &key, crate::ssr::now_ms()).await
    }
    .await;
    let back = host_meetup_link(meetup);
    finish(result, "send a message about a meetup", &with_answer(&back, "besked-sendt"), &format!("{back}#send-besked"), Some(kept)).await
}

/// "Mine grupper og møder".
#[component]
pub fn MyNetwork() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.mine_title body=t.mine_body next=paths::NETWORK_MINE/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_network());
    view! {
        <PageHeading title=t.mine_title/>
        <Outcome/>
        <p class="mb-6">{t.mine_body}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some((v, spec))) => view! { <Mine v spec t/> }.into_any(),
                    Ok(None) => view! { <Notice text=t.notice_not_allowed/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

fn group_list(groups: Vec<GroupView>, none: &'static str, manage: Option<&'static str>) -> AnyView {
    if groups.is_empty() {
        return view! { <p class="text-muted">{none}</p> }.into_any();
    }
    let items = groups
        .into_iter()
        .map(|g| {
            let host_link = manage.map(|label| view! { <p><a href=host_group_link(g.id) class="link">{label}</a></p> });
            view! {
                <li class="card">
                    <h3 class="text-lg font-bold"><a href=g.link class="link">{g.name}</a></h3>
                    <p>{format!("{} · {}", g.topic, g.area)}</p>
                    {host_link}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="flex flex-col gap-3">{items}</ul> }.into_any()
}

#[component]
fn Mine(v: MyNetworkView, spec: FormSpec, t: &'static Texts) -> impl IntoView {
    let current = match v.display_name {
        Some(name) => t.mine_name_current.replace("{name}", &name),
        None => t.mine_name_none.to_string(),
    };
    let meetups = meetup_cards(v.meetups, t, || {
        view! { <p class="text-muted">{t.mine_meetups_none}" "<a href=paths::NETWORK class="link">{t.network_title}</a></p> }.into_any()
    });
    let hosted = v.hosted.map(|groups| {
        view! {
            <section aria-labelledby="vaert" class="mb-8">
                <h2 id="vaert" class="mb-3 text-2xl font-bold">{t.mine_hosted_heading}</h2>
                <p class="mb-3"><a href=paths::NETWORK_NEW_GROUP class="btn-secondary">{t.host_new_group_title}</a></p>
                {group_list(groups, t.mine_hosted_none, Some(t.network_manage_group))}
            </section>
        }
    });
    view! {
        <section aria-labelledby="navn" class="card mb-8">
            <h2 id="navn" class="mb-2 text-xl font-bold">{t.mine_name_heading}</h2>
            <p class="mb-2">{t.mine_name_intro}</p>
            <p class="mb-4 font-semibold">{current}</p>
            <CheckedForm spec/>
        </section>
        <section aria-labelledby="mine-moeder" class="mb-8">
            <h2 id="mine-moeder" class="mb-3 text-2xl font-bold">{t.mine_meetups_heading}</h2>
            {meetups}
        </section>
        <section aria-labelledby="mine-grupper" class="mb-8">
            <h2 id="mine-grupper" class="mb-3 text-2xl font-bold">{t.mine_groups_heading}</h2>
            {group_list(v.groups, t.mine_groups_none, None)}
        </section>
        {hosted}
    }
    .into_any()
}

/// "Opret en netværksgruppe".
#[component]
pub fn NewGroupPage() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.host_new_group_title body=t.host_new_group_intro next=paths::NETWORK_NEW_GROUP/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| new_group_form());
    view! {
        <PageHeading title=t.host_new_group_title/>
        <Outcome/>
        <p class="mb-6">{t.host_new_group_intro}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(StaffPage::Shown(spec)) => view! { <CheckedForm spec/> }.into_any(),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=t.host_only/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=paths::NETWORK_MINE class="link">{t.mine_title}</a></p>
    }
    .into_any()
}

/// A group for its host.
#[component]
pub fn HostGroup() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.host_group_title,
        login_body: t.host_only,
        next: paths::NETWORK_MINE,
        not_allowed: t.host_only,
        back: Some((paths::NETWORK_MINE, t.mine_title)),
    };
    object_page(page, host_group, |p, t| view! { <HostGroupBody p t/> }.into_any())
}

#[component]
fn HostGroupBody(p: HostGroupPage, t: &'static Texts) -> impl IntoView {
    let HostGroupPage { view: GroupPageView { group, meetups, .. }, edit, post } = p;
    let meetups = if meetups.is_empty() {
        view! { <p class="text-muted">{t.network_meetups_none}</p> }.into_any()
    } else {
        let items = meetups
            .into_iter()
            .map(|m| {
                let manage = host_meetup_link(m.id);
                let going = t
                    .host_going_count
                    .replace("{going}", &(m.capacity - m.places_left).to_string())
                    .replace("{capacity}", &m.capacity.to_string());
                view! {
                    <li class="card">
                        <p class="font-bold"><time datetime=m.iso>{m.when}</time></p>
                        <p>{format!("{}, {}", m.place, m.address)}</p>
                        <p>{going}</p>
                        <p><a href=manage class="link">{t.network_manage_meetup}</a></p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="flex flex-col gap-3">{items}</ul> }.into_any()
    };
    view! {
        <p class="mb-6 text-xl font-bold"><a href=group.link.clone() class="link">{group.name.clone()}</a></p>
        <section aria-labelledby="moeder" class="mb-8">
            <h2 id="moeder" class="mb-3 text-2xl font-bold">{t.network_group_meetups}</h2>
            {meetups}
        </section>
        <section aria-labelledby="nyt-moede" class="card mb-8">
            <h2 id="nyt-moede" class="mb-2 text-xl font-bold">{t.host_post_heading}</h2>
            <p class="mb-4">{t.host_post_intro}</p>
            <CheckedForm spec=post/>
        </section>
        <section aria-labelledby="ret-gruppe" class="card mb-8">
            <h2 id="ret-gruppe" class="mb-2 text-xl font-bold">{t.host_edit_group_heading}</h2>
            <p class="mb-4">{t.host_new_group_intro_public}</p>
            <CheckedForm spec=edit/>
        </section>
    }
    .into_any()
}

/// A meetup for a host of its group.
#[component]
pub fn HostMeetup() -> impl IntoView {
    let t = use_lang().texts();
    let page =
        ObjectPage { title: t.host_meetup_title, login_body: t.host_only, next: paths::NETWORK_MINE, not_allowed: t.host_only, back: None };
    object_page(page, host_meetup, |p, t| view! { <HostMeetupBody p t/> }.into_any())
}

#[component]
fn HostMeetupBody(p: HostMeetupPage, t: &'static Texts) -> impl IntoView {
    let HostMeetupPage { view: m, edit, announce } = p;
    let cancel = <CancelMeetup as leptos::server_fn::ServerFn>::PATH;
    let heading = format!("{} – {}", m.group, m.when);
    let coming = m.inside.clone().map(|inside| view! { <PeopleComing inside t/> });
    let open = edit.zip(announce).map(|(edit, announce)| {
        view! {
            <section aria-labelledby="send-besked" class="card mb-8">
                <h2 id="send-besked" class="mb-2 text-xl font-bold">{t.host_announce_heading}</h2>
                <p class="mb-4">{t.host_announce_intro}</p>
                <CheckedForm spec=announce/>
            </section>
            <section aria-labelledby="ret" class="card mb-8">
                <h2 id="ret" class="mb-2 text-xl font-bold">{t.host_edit_meetup_heading}</h2>
                <p class="mb-4">{t.host_edit_meetup_intro}</p>
                <CheckedForm spec=edit/>
            </section>
            <section aria-labelledby="aflys" class="card mb-8">
                <h2 id="aflys" class="mb-2 text-xl font-bold">{t.host_cancel_heading}</h2>
                <p class="mb-4">{t.host_cancel_intro}</p>
                <ButtonForm action=cancel hidden=vec![("meetup", m.id.to_string())] label=t.host_cancel_submit/>
            </section>
        }
    });
    view! {
        <p class="mb-4 text-xl font-bold"><a href=m.link.clone() class="link">{heading}</a></p>
        {m.cancelled.then(|| view! { <p class="alert mb-4" role="alert">{t.network_cancelled}</p> })}
        {coming}
        {open}
        <p class="mt-6"><a href=host_group_link_of(&m) class="link">{t.host_back_to_group}</a></p>
    }
    .into_any()
}

/// The host page of the meetup's group (from its public link `/netvaerk/gruppe/{id}`).
fn host_group_link_of(m: &MeetupView) -> String {
    format!("{}/vaert", m.group_link)
}
