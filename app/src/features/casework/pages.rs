//! A citizen's plan as their caseworker works on it: the plan, and forms to
//! add an activity, change its status, book a meeting and write a meeting
//! note. Opening the page writes the citizen's access log. Who may do what
//! is decided in this feature's `service.rs`.

use leptos::prelude::*;

use crate::features::plan::pages::{appointment_items, history_items, note_items, ActivityCard, Section};
use crate::features::plan::views::ActivityView;
use crate::features::plan::views::AppointmentView;
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::{CheckedForm, FormSpec};
use crate::ui::page::StaffPage;
use crate::ui::page::{id_param, ButtonForm, NeedsLogin, Notice, Outcome, PageHeading, PageLinks};
use crate::ui::viewer::viewer;

use super::server::*;

/// "Borgerens plan": the caseworker's working page for one citizen.
#[component]
pub fn CitizenPlan() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.casework.citizen_plan_title body=t.inbox_body next=routes::CASELOAD/> }.into_any();
    }
    let id = id_param();
    let query = leptos_router::hooks::use_query_map();
    let page = Resource::new_blocking(
        move || (id, query.read().get(crate::kernel::paging::BEFORE)),
        |(id, before)| async move {
            match id {
                Some(id) => citizen_plan(id, before).await,
                None => Ok(StaffPage::NotAllowed),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(StaffPage::Shown(p)) => view! { <Working p t/> }.into_any(),
                    Ok(StaffPage::NotAllowed) => view! {
                        <PageHeading title=t.casework.citizen_plan_title/>
                        <Notice text=t.notice_not_allowed/>
                    }
                    .into_any(),
                    Err(_) => view! {
                        <PageHeading title=t.casework.citizen_plan_title/>
                        <p class="alert" role="alert">{t.login_error_unavailable}</p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Working(p: CitizenPage, t: &'static Texts) -> impl IntoView {
    let CitizenPage { view, activity, edits, appointment, note } = p;
    // A form refused without JavaScript comes back open, with its messages.
    let (activity_open, appointment_open, note_open) =
        (!activity.errors.is_empty(), !appointment.errors.is_empty(), !note.errors.is_empty());
    let citizen = view.citizen_id;
    let plan = view.plan;
    let helpers = view.helpers;
    let helpers = (!helpers.is_empty()).then(move || {
        view! { <ul class="list-disc pl-6 text-base">{helpers.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul> }
    });
    let goals = plan
        .goals
        .into_iter()
        .map(|g| {
            let link = (g.status == crate::kernel::plan::GoalStatus::Proposed)
                .then(|| view! { <a href=routes::goal_review(g.id.0) class="link">{t.casework.goal_answer_link}</a> });
            view! {
                <li class="card">
                    <h3 class="text-lg font-bold">{g.title}</h3>
                    <p class="font-semibold">{t.goal_status(g.status)}</p>
                    {link}
                </li>
            }
            .into_any()
        })
        .collect();
    let activities = plan.activities.into_iter().zip(edits).map(|(a, edit)| activity_item(a, edit, t)).collect();
    let appointments = plan.appointments.into_iter().map(|a| appointment_item(a, citizen, t)).collect();
    view! {
        <leptos_meta::Title text=t.casework.citizen_plan_title/>
        <h1 class="mb-1 text-3xl font-bold leading-tight">{view.citizen}</h1>
        <p class="mb-4 text-base text-muted">{t.citizen_plan_log_note}</p>
        <p class="mb-4"><a href=routes::citizen_budget(citizen) class="link">{t.open_budget_link}</a></p>
        <p class="mb-4"><a href=routes::citizen_conversation(citizen) class="link">{t.conversation.open_conversation}</a></p>
        <div class="mb-4">
            <a href=routes::citizen_helpers(citizen) class="link">{t.helpers.staff_link}</a>
            {helpers}
        </div>
        {view.handover.map(|href| view! {
            <p class="mb-4"><a href=href class="link">{t.handover.link}</a></p>
            <p class="mb-4"><a href=routes::cover(citizen) class="link">{t.cover.link}</a></p>
        })}
        <Outcome/>
        <Section id="maal" heading=t.casework.cw_goals_heading empty=t.casework.cw_goals_empty items=goals/>
        <Section id="aktiviteter" heading=t.casework.cw_activities_heading empty=t.casework.cw_activities_empty items=activities/>
        <details class="mb-8 card" open=activity_open>
            <summary class="link cursor-pointer">{t.casework.activity_form_heading}</summary>
            <CheckedForm spec=activity/>
        </details>
        <Section id="aftaler" heading=t.casework.cw_appointments_heading empty=t.casework.cw_appointments_empty items=appointments/>
        <details class="mb-8 card" open=appointment_open>
            <summary class="link cursor-pointer">{t.casework.appointment_form_heading}</summary>
            <CheckedForm spec=appointment/>
        </details>
        <Section id="noter" heading=t.casework.cw_notes_heading empty=t.casework.cw_notes_empty items=note_items(plan.notes)/>
        <details class="mb-8 card" open=note_open>
            <summary class="link cursor-pointer">{t.casework.note_form_heading}</summary>
            <CheckedForm spec=note/>
        </details>
        <Section
            id="historik"
            heading=t.casework.cw_history_heading
            empty=t.plan_history_empty
            items=history_items(plan.history, t)
            list_class="flex flex-col divide-y divide-line"
        />
        <PageLinks older=plan.history_older later=plan.history_later path=format!("{}#historik", routes::citizen(citizen))/>
    }
}

/// An activity, and a folded form to change it.
fn activity_item(a: ActivityView, edit: FormSpec, t: &'static Texts) -> AnyView {
    let open = !edit.errors.is_empty();
    view! {
        <li class="card">
            <ActivityCard a t/>
            <details class="mt-2" open=open>
                <summary class="link cursor-pointer">{t.casework.activity_edit}</summary>
                <CheckedForm spec=edit/>
            </details>
        </li>
    }
    .into_any()
}

/// A meeting as the citizen sees it, with a button to cancel it.
fn appointment_item(a: AppointmentView, citizen: i64, t: &'static Texts) -> AnyView {
    let id = a.id.0.to_string();
    let card = appointment_items(vec![a], t);
    let action = <CancelAppointment as leptos::server_fn::ServerFn>::PATH;
    view! {
        <li class="flex flex-col gap-2">
            <ul>{card}</ul>
            <ButtonForm
                action=action
                hidden=vec![("citizen", citizen.to_string()), ("appointment", id)]
                label=t.casework.appointment_cancel
            />
        </li>
    }
    .into_any()
}
