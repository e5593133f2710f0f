//! "Min plan": the citizen's one plan — goals with the answers, activities,
//! appointments, meeting notes and history — and the parts the caseworker's
//! view of a plan shares.

use leptos::prelude::*;

use crate::features::decisions::pages::Decision;
use crate::features::goals::pages::{answer_suggestion_url, withdraw_url};
use crate::features::plan::views::ActivityView;
use crate::features::plan::views::GoalView;
use crate::features::plan::views::PlanView;
use crate::features::plan::views::Who;
use crate::i18n::{use_lang, Texts};
use crate::kernel::plan::GoalStatus;
use crate::routes;
use crate::ui::page::{ButtonForm, NeedsLogin, Outcome, PageHeading, PageLinks, Paragraphs, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// The citizen's plan; a friendly explanation for someone without one.
#[component]
pub fn MyPlan() -> impl IntoView {
    let t = use_lang().texts();
    let Some(me) = viewer() else {
        return view! { <NeedsLogin title=t.plan.plan_title body=t.plan.plan_body next=routes::PLAN/> }.into_any();
    };
    let query = leptos_router::hooks::use_query_map();
    let before = move || query.read().get(crate::kernel::paging::BEFORE);
    let page = Resource::new_blocking(before, my_plan);
    view! {
        <PageHeading title=t.plan.plan_title/>
        <p class="mb-4 text-xl">
            {match &me.acting_for {
                Some(citizen) => (t.helpers.plan_of)(citizen),
                None => format!("{}, {}", t.plan.plan_hello, me.name),
            }}
        </p>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(PlanPage::Plan(plan)) => view! {
                        <Plan plan t/>
                        <p class="flex flex-col gap-2">
                            <a href=routes::DECISIONS class="link">{t.decisions.link}</a>
                            <a href=routes::ACCESS_LOG class="link">{t.plan.access_link}</a>
                            <a href=routes::MY_DATA class="link">{t.my_data.link_from_plan}</a>
                        </p>
                    }
                    .into_any(),
                    Ok(PlanPage::NotGiven) => view! { <crate::features::representation::pages::NotGiven/> }.into_any(),
                    Ok(_) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.plan_none_heading}</h2>
                        <Paragraphs items=t.plan_none_body/>
                        <a href=routes::NETWORK class="btn-secondary">{t.home_network_link}</a>
                    }
                    .into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Plan(plan: PlanView, t: &'static Texts) -> impl IntoView {
    let PlanView { goals, activities, appointments, history, notes, history_older, history_later } = plan;
    let goals = goals.into_iter().map(|g| view! { <Goal g t/> }.into_any()).collect();
    let activities = activities.into_iter().map(|a| view! { <li class="card"><ActivityCard a t/></li> }.into_any()).collect();
    let appointments = appointment_items(appointments, t);
    let history = history_items(history, t);
    let notes = note_items(notes);
    view! {
        <Section id="maal" heading=t.plan.plan_goals_heading empty=t.plan.plan_goals_empty items=goals/>
        <p class="-mt-4 mb-8"><a href=routes::PROPOSE_GOAL class="btn-primary">{t.plan.plan_propose_link}</a></p>
        <Section id="aktiviteter" heading=t.plan.plan_activities_heading empty=t.plan.plan_activities_empty items=activities/>
        <Section id="aftaler" heading=t.plan.plan_appointments_heading empty=t.plan.plan_appointments_empty items=appointments/>
        <Section id="noter" heading=t.plan.plan_notes_heading empty=t.plan.plan_notes_empty items=notes/>
        <Section
            id="historik"
            heading=t.plan.plan_history_heading
            empty=t.plan_history_empty
            items=history
            list_class="flex flex-col divide-y divide-line"
        />
        <PageLinks older=history_older later=history_later path=format!("{}#historik", routes::PLAN)/>
    }
}

/// What an activity is, where from, who is responsible, how it stands.
#[component]
pub fn ActivityCard(a: ActivityView, t: &'static Texts) -> impl IntoView {
    view! {
        <p class="text-base text-muted">{t.department(a.department)}</p>
        <h3 class="text-lg font-bold">{a.title}</h3>
        <p>{t.plan.plan_activity_responsible}": "{a.responsible}</p>
        <p class="font-semibold">{t.activity_status(a.status)}</p>
    }
}

/// The plan's upcoming appointments as list items.
pub fn appointment_items(appointments: Vec<crate::features::plan::views::AppointmentView>, t: &'static Texts) -> Vec<AnyView> {
    appointments
        .into_iter()
        .map(|a| {
            view! {
                <li class="card">
                    <h3 class="text-lg font-bold">{a.when}</h3>
                    <p>{format!("{} {}", a.duration_minutes, t.plan.plan_minutes)}</p>
                    <p>{a.place}", "{a.address}</p>
                    {a.outreach.then(|| view! { <p class="font-semibold">{t.plan.plan_appointment_outreach}</p> })}
                    {a.note.map(|n| view! { <p>{n}</p> })}
                </li>
            }
            .into_any()
        })
        .collect()
}

/// The plan's history as list items: what, when, who.
pub fn history_items(history: Vec<crate::features::plan::views::HistoryItem>, t: &'static Texts) -> Vec<AnyView> {
    history
        .into_iter()
        .map(|h| {
            let who = match h.who {
                Who::You => t.plan.history_you.to_string(),
                Who::Named(name) => name,
                Who::System => t.plan.history_system.to_string(),
            };
            let what =
                if h.about.is_empty() { t.history_kind(&h.kind).to_string() } else { format!("{}: {}", t.history_kind(&h.kind), h.about) };
            view! {
                <li class="py-2">
                    <p>{what}</p>
                    <p class="text-base text-muted">{format!("{} · {}", h.when, who)}</p>
                </li>
            }
            .into_any()
        })
        .collect()
}

/// Meeting notes as list items.
pub fn note_items(notes: Vec<crate::features::plan::views::NoteView>) -> Vec<AnyView> {
    notes
        .into_iter()
        .map(|n| {
            view! {
                <li class="card">
                    <p class="text-base text-muted">{format!("{} · {}", n.when, n.by)}</p>
                    <p class="whitespace-pre-line">{n.body}</p>
                </li>
            }
            .into_any()
        })
        .collect()
}

/// A part of the plan: its heading, then its items, or what will appear there.
#[component]
pub fn Section(
    id: &'static str,
    heading: &'static str,
    empty: &'static str,
    items: Vec<AnyView>,
    #[prop(default = "flex flex-col gap-3")] list_class: &'static str,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id class="mb-8">
            <h2 id=id class="mb-3 text-2xl font-bold">{heading}</h2>
            {if items.is_empty() {
                view! { <p class="text-muted">{empty}</p> }.into_any()
            } else {
                view! { <ul class=list_class>{items}</ul> }.into_any()
            }}
        </section>
    }
}

/// One goal: its words, status, the caseworker's answers, and what the
/// citizen can do with it now.
#[component]
fn Goal(g: GoalView, t: &'static Texts) -> impl IntoView {
    let id = g.id.0.to_string();
    let suggestion = g.suggested_title.filter(|_| g.status == GoalStatus::Adjusted).map(|s| {
        let (id1, id2) = (id.clone(), id.clone());
        view! {
            <div class="notice">
                <p>{t.plan.goal_suggested_heading}</p>
                <p class="my-2 text-lg font-bold">{s}</p>
                <div class="flex flex-wrap gap-3">
                    <ButtonForm
                        action=answer_suggestion_url()
                        hidden=vec![("goal", id1), ("answer", "accept".into())]
                        label=t.plan.goal_accept_change
                        class="btn-primary"
                    />
                    <ButtonForm
                        action=answer_suggestion_url()
                        hidden=vec![("goal", id2), ("answer", "reject".into())]
                        label=t.plan.goal_reject_change
                    />
                </div>
            </div>
        }
    });
    let withdraw = g.status.is_open().then(|| {
        view! { <ButtonForm action=withdraw_url() hidden=vec![("goal", id.clone())] label=t.plan.goal_withdraw/> }
    });
    let decisions = g.decisions.into_iter().map(|d| view! { <Decision d t/> }).collect_view();
    view! {
        <li class="card" id=format!("maal-{id}")>
            <h3 class="text-xl font-bold">{g.title}</h3>
            <p class="font-semibold">{t.goal_status(g.status)}</p>
            {g.why.map(|w| view! { <p><span class="font-semibold">{t.plan_goal_why}": "</span>{w}</p> })}
            {g.first_step.map(|f| view! { <p><span class="font-semibold">{t.plan_goal_first_step}": "</span>{f}</p> })}
            {suggestion}
            {decisions}
            {withdraw.map(|w| view! { <div class="mt-3">{w}</div> })}
        </li>
    }
}
