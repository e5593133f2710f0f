//! A citizen's plan as their caseworker works on it: the plan, and forms to
//! add an activity, change its status, book a meeting and write a meeting
//! note. Opening the page writes the citizen's access log. Who may do what
//! is decided in `services::casework`.
// A server function takes one argument per form field, and the #[server]
// macro drops attributes on the fn itself, so this is per module.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::form::{CheckedForm, FormSpec};
use crate::components::page::{id_param, ButtonForm, NeedsLogin, Notice, Outcome, PageHeading};
#[cfg(feature = "ssr")]
use crate::domain::plan::ActivityStatus;
use crate::domain::views::{ActivityView, AppointmentView, CitizenPlanView};
use crate::i18n::{use_lang, Texts};
use crate::pages::inbox::StaffPage;
use crate::pages::plan::{appointment_items, history_items, note_items, ActivityCard, Section};
use crate::shell::paths;
use crate::viewer::viewer;

/// The caseworker's page for one citizen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenPage {
    pub view: CitizenPlanView,
    pub activity: FormSpec,
    /// One form per activity, in the order of `view.plan.activities`.
    pub edits: Vec<FormSpec>,
    pub appointment: FormSpec,
    pub note: FormSpec,
}

#[cfg(feature = "ssr")]
fn flash(kind: &str, citizen: i64) -> String {
    format!("{kind}:{citizen}")
}

#[cfg(feature = "ssr")]
fn back(citizen: i64) -> String {
    format!("{}/{citizen}", paths::CITIZEN)
}

/// The citizen's plan for their caseworker (writes the access log).
#[server(prefix = "/api", endpoint = "citizen_plan")]
pub async fn citizen_plan(citizen: i64) -> Result<StaffPage<CitizenPage>, ServerFnError> {
    use crate::components::form::Control;
    use crate::domain::forms::plan_fields::*;
    use crate::domain::forms::FormKind;
    use crate::domain::ids::PersonId;
    use crate::domain::plan::Department;
    use crate::ssr::forms::spec;
    use crate::ssr::services::{casework, signed_in};
    use leptos::server_fn::ServerFn;
    let store = crate::ssr::store()?;
    let lang = crate::ssr::request_lang();
    let t = lang.texts();
    let r = async { casework::open_plan(store.as_ref(), &signed_in()?, PersonId(citizen), crate::ssr::now_ms(), lang).await }.await;
    let view = match crate::pages::inbox::staff_page(r, "open a citizen's plan")? {
        StaffPage::Shown(v) => v,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let hidden = || vec![("citizen".to_string(), citizen.to_string())];
    let departments: Vec<_> = Department::ALL.iter().map(|d| (d.as_str().to_string(), t.department(*d).to_string())).collect();
    let statuses: Vec<_> = ActivityStatus::ALL.iter().map(|s| (s.as_str().to_string(), t.activity_status(*s).to_string())).collect();
    let yes_no = vec![(YES.to_string(), t.answer_yes.to_string()), (NO.to_string(), t.answer_no.to_string())];
    let activity_fields = || {
        vec![
            (DEPARTMENT, t.activity_department, None, Control::Choice(departments.clone())),
            (TITLE, t.activity_title_label, None, Control::Line),
            (RESPONSIBLE, t.activity_responsible_label, None, Control::Line),
            (STATUS, t.activity_status_label, None, Control::Choice(statuses.clone())),
        ]
    };
    let activity =
        spec(FormKind::Activity, &flash("activity", citizen), SaveActivity::PATH, hidden(), activity_fields(), t.activity_submit, &[])
            .await;
    // One form per activity to change it, filled in with how it is now.
    let mut edits = Vec::new();
    for a in &view.plan.activities {
        let mut hidden = hidden();
        hidden.push(("activity".into(), a.id.0.to_string()));
        let current = [
            (DEPARTMENT, a.department.as_str()),
            (TITLE, a.title.as_str()),
            (RESPONSIBLE, a.responsible.as_str()),
            (STATUS, a.status.as_str()),
        ];
        let form = flash(&format!("activity-{}", a.id.0), citizen);
        edits.push(spec(FormKind::Activity, &form, SaveActivity::PATH, hidden, activity_fields(), t.activity_save, &current).await);
    }
    let appointment = spec(
        FormKind::Appointment,
        &flash("appointment", citizen),
        AddAppointment::PATH,
        hidden(),
        vec![
            (DATE, t.appointment_date_label, None, Control::Date),
            (TIME, t.appointment_time_label, None, Control::Time),
            (DURATION, t.appointment_duration_label, None, Control::Number),
            (PLACE, t.appointment_place_label, None, Control::Line),
            (ADDRESS, t.appointment_address_label, None, Control::Line),
            (OUTREACH, t.appointment_outreach_label, None, Control::Choice(yes_no)),
            (NOTE, t.appointment_note_label, None, Control::Lines),
        ],
        t.appointment_submit,
        &[],
    )
    .await;
    let note = spec(
        FormKind::Note,
        &flash("note", citizen),
        AddNote::PATH,
        hidden(),
        vec![(NOTE, t.note_label, None, Control::Lines)],
        t.note_submit,
        &[],
    )
    .await;
    Ok(StaffPage::Shown(CitizenPage { view, activity, edits, appointment, note }))
}

/// The caseworker adds an activity to the citizen's plan, or changes
/// `activity` when it is given.
#[server(prefix = "/api", endpoint = "save_activity")]
pub async fn save_activity(
    citizen: i64,
    activity: Option<i64>,
    department: Option<String>,
    title: String,
    responsible: String,
    status: Option<String>,
) -> Result<(), ServerFnError> {
    use crate::domain::forms::plan_fields::*;
    use crate::domain::forms::ActivityInput;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{casework, signed_in, ServiceError};
    let store = crate::ssr::store()?;
    let (department, status) = (department.unwrap_or_default(), status.unwrap_or_default());
    let form = match activity {
        Some(id) => flash(&format!("activity-{id}"), citizen),
        None => flash("activity", citizen),
    };
    let kept = FormFlash::typed(form, &[(DEPARTMENT, &department), (TITLE, &title), (RESPONSIBLE, &responsible), (STATUS, &status)]);
    let result = async {
        let user = signed_in()?;
        let input = ActivityInput::parse(&department, &title, &responsible, &status).map_err(ServiceError::Invalid)?;
        let (citizen, now) = (crate::domain::ids::PersonId(citizen), crate::ssr::now_ms());
        match activity {
            Some(id) => casework::update_activity(store.as_ref(), &user, citizen, crate::domain::ids::ActivityId(id), input, now).await,
            None => casework::add_activity(store.as_ref(), &user, citizen, input, now).await,
        }
    }
    .await;
    let back = back(citizen);
    finish(result, "add an activity", &with_answer(&format!("{back}#aktiviteter"), "gemt"), &back, Some(kept)).await
}

/// The caseworker cancels a meeting.
#[server(prefix = "/api", endpoint = "cancel_appointment")]
pub async fn cancel_appointment(citizen: i64, appointment: i64) -> Result<(), ServerFnError> {
    use crate::domain::ids::{AppointmentId, PersonId};
    use crate::ssr::forms::{finish, with_answer};
    use crate::ssr::services::{casework, signed_in};
    let store = crate::ssr::store()?;
    let result = async {
        casework::cancel_appointment(store.as_ref(), &signed_in()?, PersonId(citizen), AppointmentId(appointment), crate::ssr::now_ms())
            .await
    }
    .await;
    let back = back(citizen);
    finish(result, "cancel a meeting", &with_answer(&format!("{back}#aftaler"), "gemt"), &back, None).await
}

/// The caseworker books a meeting (date and time in Copenhagen).
#[server(prefix = "/api", endpoint = "add_appointment")]
pub async fn add_appointment(
    citizen: i64,
    date: String,
    time: String,
    duration: String,
    place: String,
    address: String,
    outreach: Option<String>,
    note: String,
) -> Result<(), ServerFnError> {
    use crate::domain::forms::plan_fields::*;
    use crate::domain::forms::AppointmentInput;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{casework, signed_in, ServiceError};
    let store = crate::ssr::store()?;
    let outreach = outreach.unwrap_or_default();
    let kept = FormFlash::typed(
        flash("appointment", citizen),
        &[(DATE, &date), (TIME, &time), (DURATION, &duration), (PLACE, &place), (ADDRESS, &address), (OUTREACH, &outreach), (NOTE, &note)],
    );
    let result = async {
        let user = signed_in()?;
        let input = AppointmentInput::parse(&date, &time, &duration, &place, &address, &outreach, &note).map_err(ServiceError::Invalid)?;
        casework::add_appointment(store.as_ref(), &user, crate::domain::ids::PersonId(citizen), input, crate::ssr::now_ms()).await
    }
    .await;
    let back = back(citizen);
    finish(result, "book a meeting", &with_answer(&format!("{back}#aftaler"), "gemt"), &back, Some(kept)).await
}

/// The caseworker writes a meeting note the citizen can read.
#[server(prefix = "/api", endpoint = "add_note")]
pub async fn add_note(citizen: i64, note: String) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{casework, signed_in, ServiceError};
    let store = crate::ssr::store()?;
    let kept = FormFlash::typed(flash("note", citizen), &[(crate::domain::forms::plan_fields::NOTE, &note)]);
    let result = async {
        let user = signed_in()?;
        let body = crate::domain::forms::parse_note(&note).map_err(ServiceError::Invalid)?;
        casework::add_note(store.as_ref(), &user, crate::domain::ids::PersonId(citizen), body, crate::ssr::now_ms()).await
    }
    .await;
    let back = back(citizen);
    finish(result, "write a meeting note", &with_answer(&format!("{back}#noter"), "gemt"), &back, Some(kept)).await
}

/// "Borgerens plan": the caseworker's working page for one citizen.
#[component]
pub fn CitizenPlan() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.citizen_plan_title body=t.inbox_body next=paths::CASELOAD/> }.into_any();
    }
    let id = id_param();
    let page = Resource::new_blocking(
        move || id,
        |id| async move {
            match id {
                Some(id) => citizen_plan(id).await,
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
                        <PageHeading title=t.citizen_plan_title/>
                        <Notice text=t.notice_not_allowed/>
                    }
                    .into_any(),
                    Err(_) => view! {
                        <PageHeading title=t.citizen_plan_title/>
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
    let goals = plan
        .goals
        .into_iter()
        .map(|g| {
            let link = (g.status == crate::domain::plan::GoalStatus::Proposed)
                .then(|| view! { <a href=format!("{}/{}", paths::INBOX_GOAL, g.id.0) class="link">{t.goal_answer_link}</a> });
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
        <leptos_meta::Title text=t.citizen_plan_title/>
        <h1 class="mb-1 text-3xl font-bold leading-tight">{view.citizen}</h1>
        <p class="mb-4 text-base text-muted">{t.citizen_plan_log_note}</p>
        <p class="mb-4"><a href=format!("{}/{citizen}/budget", paths::CITIZEN) class="link">{t.open_budget_link}</a></p>
        <Outcome/>
        <Section id="maal" heading=t.cw_goals_heading empty=t.cw_goals_empty items=goals/>
        <Section id="aktiviteter" heading=t.cw_activities_heading empty=t.cw_activities_empty items=activities/>
        <details class="mb-8 card" open=activity_open>
            <summary class="link cursor-pointer">{t.activity_form_heading}</summary>
            <CheckedForm spec=activity/>
        </details>
        <Section id="aftaler" heading=t.cw_appointments_heading empty=t.cw_appointments_empty items=appointments/>
        <details class="mb-8 card" open=appointment_open>
            <summary class="link cursor-pointer">{t.appointment_form_heading}</summary>
            <CheckedForm spec=appointment/>
        </details>
        <Section id="noter" heading=t.cw_notes_heading empty=t.cw_notes_empty items=note_items(plan.notes)/>
        <details class="mb-8 card" open=note_open>
            <summary class="link cursor-pointer">{t.note_form_heading}</summary>
            <CheckedForm spec=note/>
        </details>
        <Section
            id="historik"
            heading=t.cw_history_heading
            empty=t.plan_history_empty
            items=history_items(plan.history, t)
            list_class="flex flex-col divide-y divide-line"
        />
    }
}

/// An activity, and a folded form to change it.
fn activity_item(a: ActivityView, edit: FormSpec, t: &'static Texts) -> AnyView {
    let open = !edit.errors.is_empty();
    view! {
        <li class="card">
            <ActivityCard a t/>
            <details class="mt-2" open=open>
                <summary class="link cursor-pointer">{t.activity_edit}</summary>
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
                label=t.appointment_cancel
            />
        </li>
    }
    .into_any()
}
