//! The signed-in side of the network: "Mine grupper og møder" (the name a
//! person is shown by, their meetups and groups) and the hosts' pages: create
//! and edit a group, post a meetup, and for one meetup see who is coming,
//! change or cancel it and send a message to those signed up. Who may do
//! what is decided in this feature's `service.rs`.

use leptos::prelude::*;

use crate::features::network::pages::{meetup_cards, PeopleComing};
use crate::features::network::views::GroupPageView;
use crate::features::network::views::GroupView;
use crate::features::network::views::MeetupView;
use crate::features::network::views::MyNetworkView;
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::{CheckedForm, FormSpec};
use crate::ui::page::{object_page, ObjectPage, StaffPage};
use crate::ui::page::{ButtonForm, NeedsLogin, Notice, Outcome, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// "Mine grupper og møder".
#[component]
pub fn MyNetwork() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.network.mine_title body=t.network.mine_body next=routes::NETWORK_MINE/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_network());
    view! {
        <PageHeading title=t.network.mine_title/>
        <Outcome/>
        <p class="mb-6">{t.network.mine_body}</p>
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
            let host_link = manage.map(|label| view! { <p><a href=routes::host_group(g.id) class="link">{label}</a></p> });
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
        Some(name) => (t.network.mine_name_current)(&name),
        None => t.network.mine_name_none.to_string(),
    };
    let meetups = meetup_cards(v.meetups, t, || {
        view! { <p class="text-muted">{t.network.mine_meetups_none}" "<a href=routes::NETWORK class="link">{t.network.network_title}</a></p> }.into_any()
    });
    let hosted = v.hosted.map(|groups| {
        view! {
            <section aria-labelledby="vaert" class="mb-8">
                <h2 id="vaert" class="mb-3 text-2xl font-bold">{t.network.mine_hosted_heading}</h2>
                <p class="mb-3"><a href=routes::NETWORK_NEW_GROUP class="btn-secondary">{t.network.host_new_group_title}</a></p>
                {group_list(groups, t.network.mine_hosted_none, Some(t.network.network_manage_group))}
            </section>
        }
    });
    view! {
        <section aria-labelledby="navn" class="card mb-8">
            <h2 id="navn" class="mb-2 text-xl font-bold">{t.network.mine_name_heading}</h2>
            <p class="mb-2">{t.network.mine_name_intro}</p>
            <p class="mb-4 font-semibold">{current}</p>
            <CheckedForm spec/>
        </section>
        <section aria-labelledby="mine-moeder" class="mb-8">
            <h2 id="mine-moeder" class="mb-3 text-2xl font-bold">{t.network.mine_meetups_heading}</h2>
            {meetups}
        </section>
        <section aria-labelledby="mine-grupper" class="mb-8">
            <h2 id="mine-grupper" class="mb-3 text-2xl font-bold">{t.network.mine_groups_heading}</h2>
            {group_list(v.groups, t.network.mine_groups_none, None)}
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
        return view! { <NeedsLogin title=t.network.host_new_group_title body=t.network.host_new_group_intro next=routes::NETWORK_NEW_GROUP/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| new_group_form());
    view! {
        <PageHeading title=t.network.host_new_group_title/>
        <Outcome/>
        <p class="mb-6">{t.network.host_new_group_intro}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(StaffPage::Shown(spec)) => view! { <CheckedForm spec/> }.into_any(),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=t.network.host_only/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::NETWORK_MINE class="link">{t.network.mine_title}</a></p>
    }
    .into_any()
}

/// A group for its host.
#[component]
pub fn HostGroup() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.network.host_group_title,
        login_body: t.network.host_only,
        next: routes::NETWORK_MINE,
        not_allowed: t.network.host_only,
        back: Some((routes::NETWORK_MINE, t.network.mine_title)),
    };
    object_page(page, host_group, |p, t| view! { <HostGroupBody p t/> }.into_any())
}

#[component]
fn HostGroupBody(p: HostGroupPage, t: &'static Texts) -> impl IntoView {
    let HostGroupPage { view: GroupPageView { group, meetups, .. }, edit, post } = p;
    let meetups = if meetups.is_empty() {
        view! { <p class="text-muted">{t.network.network_meetups_none}</p> }.into_any()
    } else {
        let items = meetups
            .into_iter()
            .map(|m| {
                let manage = routes::host_meetup(m.id);
                let going = (t.network.host_going_count)(m.capacity - m.places_left, m.capacity);
                view! {
                    <li class="card">
                        <p class="font-bold"><time datetime=m.iso>{m.when}</time></p>
                        <p>{format!("{}, {}", m.place, m.address)}</p>
                        <p>{going}</p>
                        <p><a href=manage class="link">{t.network.network_manage_meetup}</a></p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="flex flex-col gap-3">{items}</ul> }.into_any()
    };
    view! {
        <p class="mb-6 text-xl font-bold"><a href=group.link.clone() class="link">{group.name.clone()}</a></p>
        <section aria-labelledby="moeder" class="mb-8">
            <h2 id="moeder" class="mb-3 text-2xl font-bold">{t.network.network_group_meetups}</h2>
            {meetups}
        </section>
        <section aria-labelledby="nyt-moede" class="card mb-8">
            <h2 id="nyt-moede" class="mb-2 text-xl font-bold">{t.network.host_post_heading}</h2>
            <p class="mb-4">{t.network.host_post_intro}</p>
            <CheckedForm spec=post/>
        </section>
        <section aria-labelledby="ret-gruppe" class="card mb-8">
            <h2 id="ret-gruppe" class="mb-2 text-xl font-bold">{t.network.host_edit_group_heading}</h2>
            <p class="mb-4">{t.network.host_new_group_intro_public}</p>
            <CheckedForm spec=edit/>
        </section>
    }
    .into_any()
}

/// A meetup for a host of its group.
#[component]
pub fn HostMeetup() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.network.host_meetup_title,
        login_body: t.network.host_only,
        next: routes::NETWORK_MINE,
        not_allowed: t.network.host_only,
        back: None,
    };
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
                <h2 id="send-besked" class="mb-2 text-xl font-bold">{t.network.host_announce_heading}</h2>
                <p class="mb-4">{t.network.host_announce_intro}</p>
                <CheckedForm spec=announce/>
            </section>
            <section aria-labelledby="ret" class="card mb-8">
                <h2 id="ret" class="mb-2 text-xl font-bold">{t.network.host_edit_meetup_heading}</h2>
                <p class="mb-4">{t.network.host_edit_meetup_intro}</p>
                <CheckedForm spec=edit/>
            </section>
            <section aria-labelledby="aflys" class="card mb-8">
                <h2 id="aflys" class="mb-2 text-xl font-bold">{t.network.host_cancel_heading}</h2>
                <p class="mb-4">{t.network.host_cancel_intro}</p>
                <ButtonForm action=cancel hidden=vec![("meetup", m.id.to_string())] label=t.network.host_cancel_submit/>
            </section>
        }
    });
    view! {
        <p class="mb-4 text-xl font-bold"><a href=m.link.clone() class="link">{heading}</a></p>
        {m.cancelled.then(|| view! { <p class="alert mb-4" role="alert">{t.network.network_cancelled}</p> })}
        {coming}
        {open}
        <p class="mt-6"><a href=host_group_link_of(&m) class="link">{t.network.host_back_to_group}</a></p>
    }
    .into_any()
}

/// The host page of the meetup's group (from its public link `/netvaerk/gruppe/{id}`).
fn host_group_link_of(m: &MeetupView) -> String {
    format!("{}/vaert", m.group_link)
}
