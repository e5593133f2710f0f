//! "Netværk", public: the network groups and their upcoming meetups, with a
//! filter by area and topic, and a page per group and per meetup. No login:
//! this is where someone who has never met the municipality first lands.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::features::network::views::GroupPageView;
use crate::features::network::views::GroupView;
use crate::features::network::views::MeetupInside;
use crate::features::network::views::MeetupView;
use crate::features::network::views::NetworkView;
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::page::{id_param, ButtonForm, Outcome, PageHeading, PageLinks, Unavailable};

use super::server::*;

/// The public overview with its filter (a plain GET form: works without JS).
#[component]
pub fn Network() -> impl IntoView {
    let t = use_lang().texts();
    let query = use_query_map();
    let (area, topic) = query.with_untracked(|q| (q.get("omraade"), q.get("emne")));
    let chosen = (area.clone().unwrap_or_default(), topic.clone().unwrap_or_default());
    let places = move || query.with(|q| (q.get(crate::kernel::paging::AFTER), q.get(crate::features::network::views::MEETUPS_AFTER)));
    let page = Resource::new_blocking(move || (area.clone(), topic.clone(), places()), |(a, t, (g, m))| network_overview(a, t, g, m));
    view! {
        <PageHeading title=t.network.network_title/>
        <p class="mb-2">{t.network.network_body}</p>
        <p class="notice mb-4">{t.network.network_anyone}</p>
        <p class="mb-6"><a href=routes::NETWORK_MINE class="link">{t.network.mine_title}</a></p>
        <Suspense fallback=|| ()>
            {move || {
                let chosen = chosen.clone();
                Suspend::new(async move {
                    match page.await {
                        Ok(v) => view! { <Overview v chosen t/> }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Overview(v: NetworkView, chosen: (String, String), t: &'static Texts) -> impl IntoView {
    let select = |name: &'static str, label: &'static str, options: Vec<String>, current: String| {
        let options = options
            .into_iter()
            .map(|o| {
                let selected = o == current;
                let label = o.clone();
                view! { <option value=o selected=selected>{label}</option> }
            })
            .collect_view();
        view! {
            <div>
                <label for=name class="mb-1 block font-semibold">{label}</label>
                <select id=name name=name class="input">
                    <option value="">{t.network.network_filter_all}</option>
                    {options}
                </select>
            </div>
        }
    };
    let meetups = meetup_cards(v.meetups.items, t, || view! { <p class="text-muted">{t.network.network_meetups_none}</p> }.into_any());
    let groups = if v.groups.items.is_empty() {
        view! { <p class="text-muted">{t.network.network_groups_none}</p> }.into_any()
    } else {
        view! { <ul class="flex flex-col gap-3">{v.groups.items.into_iter().map(|g| view! { <GroupCard g t/> }).collect_view()}</ul> }
            .into_any()
    };
    let (meetups_more, meetups_later) = (v.meetups.older, v.meetups.later);
    let (groups_more, groups_later) = (v.groups.older, v.groups.later);
    let first = v.first;
    view! {
        <form method="get" action=routes::NETWORK class="mb-8 flex flex-wrap items-end gap-3">
            {select("omraade", t.network.network_area, v.areas, chosen.0)}
            {select("emne", t.network.network_topic, v.topics, chosen.1)}
            <button type="submit" class="btn-secondary">{t.network.network_filter_button}</button>
        </form>
        <section aria-labelledby="moeder" class="mb-8">
            <h2 id="moeder" class="mb-3 text-2xl font-bold">{t.network.network_meetups_heading}</h2>
            {meetups}
            <PageLinks older=meetups_more later=meetups_later path=format!("{first}#moeder") listed=true/>
        </section>
        <section aria-labelledby="grupper">
            <h2 id="grupper" class="mb-3 text-2xl font-bold">{t.network.network_groups_heading}</h2>
            {groups}
            <PageLinks older=groups_more later=groups_later path=format!("{first}#grupper") listed=true/>
        </section>
    }
    .into_any()
}

/// "3 ledige pladser af 8", or that it is full.
fn places(m: &MeetupView, t: &'static Texts) -> String {
    if m.places_left == 0 {
        t.network.network_full.to_string()
    } else {
        (t.network.network_places_left)(m.places_left, m.capacity)
    }
}

/// Meetups as a list of cards, or `none` when there are none.
pub fn meetup_cards(meetups: Vec<MeetupView>, t: &'static Texts, none: impl FnOnce() -> AnyView) -> AnyView {
    if meetups.is_empty() {
        return none();
    }
    view! { <ul class="flex flex-col gap-3">{meetups.into_iter().map(|m| view! { <MeetupCard m t/> }).collect_view()}</ul> }.into_any()
}

/// A meetup in a list: when, where, places; the signed-in person's place
/// when it is theirs ("Mine grupper og møder").
#[component]
pub fn MeetupCard(m: MeetupView, t: &'static Texts) -> impl IntoView {
    let places = places(&m, t);
    let mine = m.mine.as_ref().map(|(status, n)| {
        let text = if status == "going" { t.network.network_going.to_string() } else { (t.network.network_waiting)(*n) };
        view! { <p class="font-semibold">{text}</p> }
    });
    let state = if m.cancelled {
        view! { <p class="font-semibold text-error">{t.network.network_cancelled}</p> }.into_any()
    } else {
        view! { <p class="font-semibold">{places}</p> }.into_any()
    };
    view! {
        <li class="card">
            <h3 class="text-lg font-bold"><a href=m.link class="link">{m.group}</a></h3>
            <p><time datetime=m.iso>{m.when}</time></p>
            <p>{format!("{}, {}", m.place, m.address)}</p>
            {state}
            {mine}
        </li>
    }
}

/// Who is coming (display names only) and the hosts' messages: for those
/// signed up and the group's hosts.
#[component]
pub fn PeopleComing(inside: MeetupInside, t: &'static Texts) -> impl IntoView {
    let names = |list: Vec<String>| {
        if list.is_empty() {
            view! { <p class="text-muted">{t.network.network_nobody_yet}</p> }.into_any()
        } else {
            view! { <ol class="list-decimal pl-6">{list.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ol> }.into_any()
        }
    };
    let messages = if inside.announcements.is_empty() {
        view! { <p class="text-muted">{t.network.network_announcements_none}</p> }.into_any()
    } else {
        let items = inside
            .announcements
            .into_iter()
            .map(|a| view! { <li class="border-l-4 border-line pl-3"><p class="text-base text-muted"><time datetime=a.iso>{a.when}</time></p><p class="whitespace-pre-line">{a.body}</p></li> })
            .collect_view();
        view! { <ul class="flex flex-col gap-3">{items}</ul> }.into_any()
    };
    let going = (t.network.network_going_list)(inside.going.len());
    let waiting = (t.network.network_waiting_list)(inside.waiting.len());
    view! {
        <section aria-labelledby="beskeder" class="card mb-4">
            <h2 id="beskeder" class="mb-2 text-xl font-bold">{t.network.network_announcements_heading}</h2>
            {messages}
        </section>
        <section aria-labelledby="hvem-kommer" class="card mb-4">
            <h2 id="hvem-kommer" class="mb-2 text-xl font-bold">{t.network.network_coming_heading}</h2>
            <p class="mb-2 text-base text-muted">{t.network.network_coming_intro}</p>
            <h3 class="font-semibold">{going}</h3>
            {names(inside.going)}
            <h3 class="mt-2 font-semibold">{waiting}</h3>
            {names(inside.waiting)}
        </section>
    }
}

#[component]
fn GroupCard(g: GroupView, t: &'static Texts) -> impl IntoView {
    let (link, name) = (g.link.clone(), g.name.clone());
    view! {
        <li class="card">
            <h3 class="text-lg font-bold"><a href=link class="link">{name}</a></h3>
            <GroupFacts g t/>
        </li>
    }
}

#[component]
fn GroupFacts(g: GroupView, t: &'static Texts) -> impl IntoView {
    let hosts = (!g.hosts.is_empty()).then(|| (t.network.network_hosts, g.hosts.join(", ")));
    let facts = [
        Some((t.network.network_topic, g.topic)),
        Some((t.network.network_area, g.area)),
        Some((t.network.network_usual_place, g.usual_place)),
        hosts,
    ];
    view! {
        <dl class="grid grid-cols-[auto_1fr] gap-x-3">
            {facts.into_iter().flatten().map(|(k, v)| view! { <dt class="text-muted">{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
}

#[component]
fn NotThere(t: &'static Texts) -> impl IntoView {
    view! {
        <PageHeading title=t.network.network_not_found_title/>
        <p class="mb-4">{t.network.network_not_found}</p>
    }
}

/// Sign up, or the person's place and how to cancel it; a login link for
/// someone not logged in (seeing the meetup needs none).
#[component]
fn SignUp(m: MeetupView, t: &'static Texts) -> impl IntoView {
    let join = <JoinMeetup as leptos::server_fn::ServerFn>::PATH;
    let leave = <LeaveMeetup as leptos::server_fn::ServerFn>::PATH;
    let hidden = || vec![("meetup", m.id.to_string())];
    let body = if crate::ui::viewer::viewer().is_none() {
        let login = routes::auth_login_then(&m.link);
        view! { <a href=login class="btn-secondary">{t.network.network_login_to_sign_up}</a> }.into_any()
    } else {
        match m.mine.clone() {
            Some((status, n)) => {
                let text = if status == "going" { t.network.network_going.to_string() } else { (t.network.network_waiting)(n) };
                view! {
                    <p class="mb-3 font-semibold">{text}</p>
                    <ButtonForm action=leave hidden=hidden() label=t.network.network_leave/>
                }
                .into_any()
            }
            None => {
                let label = if m.places_left == 0 { t.network.network_sign_up_waiting } else { t.network.network_sign_up };
                view! { <ButtonForm action=join hidden=hidden() label class="btn-primary"/> }.into_any()
            }
        }
    };
    let name_hint = crate::ui::viewer::viewer().is_some().then(|| {
        view! { <p class="mt-3 text-base">{t.network.network_name_hint}" "<a href=routes::my_network_name() class="link">{t.network.network_choose_name}</a></p> }
    });
    view! {
        <section aria-labelledby="tilmelding" class="card mb-4">
            <h2 id="tilmelding" class="mb-2 text-xl font-bold">{t.network.network_sign_up_heading}</h2>
            {body}
            {name_hint}
        </section>
    }
    .into_any()
}

/// A public page about the route's `{id}`: `load` reads it (`None`: no
/// such thing, a 404 saying so), `show` renders it, with the answer notice
/// above and the way back to the overview below.
fn public_page<T, F, Fut, S>(load: F, show: S) -> AnyView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(i64) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<Option<T>, ServerFnError>> + Send + 'static,
    S: Fn(T, &'static Texts) -> AnyView + Copy + Send + Sync + 'static,
{
    let t = use_lang().texts();
    let page = Resource::new_blocking(id_param, move |id| async move {
        match id {
            Some(id) => load(id).await,
            None => Ok(None),
        }
    });
    view! {
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(o)) => show(o, t),
                    Ok(None) => view! { <NotThere t/> }.into_any(),
                    Err(_) => view! { <PageHeading title=t.network.network_title/><Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::NETWORK class="link">{t.network.network_back}</a></p>
    }
    .into_any()
}

/// One group: what it is, who hosts it, where it meets, and its next meetups.
#[component]
pub fn GroupPage() -> impl IntoView {
    public_page(network_group, |p, t| view! { <Group p t/> }.into_any())
}

#[component]
fn Group(p: GroupPageView, t: &'static Texts) -> impl IntoView {
    let GroupPageView { group, meetups, member, hosting } = p;
    let host = hosting.then(|| {
        let link = routes::host_group(group.id);
        view! { <p class="notice mb-4"><a href=link class="link">{t.network.network_manage_group}</a></p> }
    });
    let membership = <GroupMembership as leptos::server_fn::ServerFn>::PATH;
    let join = match member {
        None => {
            let login = routes::auth_login_then(&group.link);
            view! { <a href=login class="btn-secondary">{t.network.network_login_to_join}</a> }.into_any()
        }
        Some(true) => view! {
            <p class="mb-3 font-semibold">{t.network.network_member}</p>
            <ButtonForm action=membership hidden=vec![("group", group.id.to_string())] label=t.network.network_leave_group/>
        }
        .into_any(),
        Some(false) => view! {
            <ButtonForm action=membership hidden=vec![("group", group.id.to_string()), ("join", "1".to_string())] label=t.network.network_join_group class="btn-primary"/>
        }
        .into_any(),
    };
    let meetups = meetup_cards(meetups, t, || view! { <p class="text-muted">{t.network.network_meetups_none}</p> }.into_any());
    view! {
        <leptos_meta::Title text=group.name.clone()/>
        <h1 class="mb-4 text-3xl font-bold leading-tight">{group.name.clone()}</h1>
        {host}
        <p class="mb-4 whitespace-pre-line">{group.description.clone()}</p>
        <p class="notice mb-4">{t.network.network_anyone}</p>
        <section aria-labelledby="medlem" class="card mb-4">
            <h2 id="medlem" class="mb-2 text-xl font-bold">{t.network.network_join_heading}</h2>
            <p class="mb-3">{t.network.network_join_intro}</p>
            {join}
        </section>
        <div class="mb-8"><GroupFacts g=group t/></div>
        <section aria-labelledby="naeste">
            <h2 id="naeste" class="mb-3 text-2xl font-bold">{t.network.network_group_meetups}</h2>
            {meetups}
        </section>
    }
    .into_any()
}

/// One meetup: when, how long, where, how many places are left.
#[component]
pub fn MeetupPage() -> impl IntoView {
    public_page(network_meetup, |m, t| view! { <Meetup m t/> }.into_any())
}

#[component]
fn Meetup(m: MeetupView, t: &'static Texts) -> impl IntoView {
    let places = places(&m, t);
    let facts = [
        (t.network.network_when, m.when.clone()),
        (t.network.network_duration, m.duration.clone()),
        (t.network.network_where, format!("{}, {}", m.place, m.address)),
        (t.network.network_places, places),
    ];
    view! {
        <leptos_meta::Title text=m.group.clone()/>
        <h1 class="mb-1 text-3xl font-bold leading-tight">{m.group.clone()}</h1>
        <p class="mb-4"><time datetime=m.iso.clone()>{m.when.clone()}</time></p>
        {m.cancelled.then(|| view! { <p class="alert mb-4" role="alert">{t.network.network_cancelled}</p> })}
        <dl class="mb-4 grid grid-cols-[auto_1fr] gap-x-3">
            {facts.into_iter().map(|(k, v)| view! { <dt class="text-muted">{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
        <p class="mb-4 whitespace-pre-line">{m.description.clone()}</p>
        <p class="notice mb-4">{t.network.network_anyone}</p>
        {m.hosting.then(|| {
            let link = routes::host_meetup(m.id);
            view! { <p class="notice mb-4"><a href=link class="link">{t.network.network_manage_meetup}</a></p> }
        })}
        {(!m.cancelled).then(|| view! { <SignUp m=m.clone() t/> })}
        {m.inside.clone().map(|inside| view! { <PeopleComing inside t/> })}
        <p class="mb-4"><a href=routes::meetup_calendar(m.id) class="link" download="">{t.network.network_calendar}</a></p>
        <p><a href=m.group_link class="link">{t.network.network_see_group}</a></p>
    }
    .into_any()
}
