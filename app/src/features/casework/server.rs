//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).
// A server function takes one argument per form field, and the #[server]
// macro drops attributes on the fn itself, so this is per module.
#![allow(clippy::too_many_arguments)]

use crate::features::casework::views::CitizenPlanView;
#[cfg(feature = "ssr")]
use crate::kernel::plan::ActivityStatus;
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use crate::ui::form::FormSpec;
use crate::ui::page::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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
    routes::citizen(citizen)
}

/// The citizen's plan for their caseworker (writes the access log); its
/// history from `before` (the page's `?foer=`; `None`: the newest).
#[server(prefix = "/api", endpoint = "citizen_plan")]
pub async fn citizen_plan(citizen: i64, before: Option<String>) -> Result<StaffPage<CitizenPage>, ServerFnError> {
    use crate::features::casework::forms::plan_fields::*;
    use crate::features::casework::forms::CaseworkForm;
    use crate::features::casework::service as casework;
    use crate::kernel::ids::PersonId;
    use crate::kernel::plan::Department;
    use crate::ssr::forms::spec;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let lang = cx.lang;
    let t = lang.texts();
    let before = before.as_deref().and_then(crate::kernel::paging::Before::parse);
    let r = async { casework::open_plan(cx.store(), cx.user()?, PersonId(citizen), before, cx.now, lang).await }.await;
    let view = match crate::ssr::service::staff_page(r, "open a citizen's plan")? {
        StaffPage::Shown(v) => v,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let hidden = || vec![("citizen".to_string(), citizen.to_string())];
    let departments: Vec<_> = Department::ALL.iter().map(|d| (d.as_str().to_string(), t.department(*d).to_string())).collect();
    let statuses: Vec<_> = ActivityStatus::ALL.iter().map(|s| (s.as_str().to_string(), t.activity_status(*s).to_string())).collect();
    let yes_no = vec![(YES.to_string(), t.casework.answer_yes.to_string()), (NO.to_string(), t.casework.answer_no.to_string())];
    let activity_fields = || {
        vec![
            (DEPARTMENT, t.casework.activity_department, None, Control::Choice(departments.clone())),
            (TITLE, t.casework.activity_title_label, None, Control::Line),
            (RESPONSIBLE, t.casework.activity_responsible_label, None, Control::Line),
            (STATUS, t.casework.activity_status_label, None, Control::Choice(statuses.clone())),
        ]
    };
    let activity = spec(
        CaseworkForm::Activity,
        &flash("activity", citizen),
        SaveActivity::PATH,
        // A double tap without JavaScript adds one activity.
        [hidden(), vec![("key".to_string(), crate::ssr::forms::new_key())]].concat(),
        activity_fields(),
        t.casework.activity_submit,
        &[],
    )
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
        edits.push(
            spec(CaseworkForm::Activity, &form, SaveActivity::PATH, hidden, activity_fields(), t.casework.activity_save, &current).await,
        );
    }
    let appointment = spec(
        CaseworkForm::Appointment,
        &flash("appointment", citizen),
        AddAppointment::PATH,
        // A double tap without JavaScript books one meeting.
        [hidden(), vec![("key".to_string(), crate::ssr::forms::new_key())]].concat(),
        vec![
            (DATE, t.appointment_date_label, None, Control::Date),
            (TIME, t.appointment_time_label, None, Control::Time),
            (DURATION, t.appointment_duration_label, None, Control::Number),
            (PLACE, t.casework.appointment_place_label, None, Control::Line),
            (ADDRESS, t.appointment_address_label, None, Control::Line),
            (OUTREACH, t.casework.appointment_outreach_label, None, Control::Choice(yes_no)),
            (NOTE, t.casework.appointment_note_label, None, Control::Lines),
        ],
        t.casework.appointment_submit,
        &[],
    )
    .await;
    let note = spec(
        CaseworkForm::Note,
        &flash("note", citizen),
        AddNote::PATH,
        // A double tap without JavaScript writes one note.
        [hidden(), vec![("key".to_string(), crate::ssr::forms::new_key())]].concat(),
        vec![(NOTE, t.casework.note_label, None, Control::Lines)],
        t.casework.note_submit,
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
    key: Option<String>,
) -> Result<(), ServerFnError> {
    use crate::features::casework::forms::plan_fields::*;
    use crate::features::casework::forms::ActivityInput;
    use crate::features::casework::service as casework;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let (department, status) = (department.unwrap_or_default(), status.unwrap_or_default());
    let form = match activity {
        Some(id) => flash(&format!("activity-{id}"), citizen),
        None => flash("activity", citizen),
    };
    let kept = FormFlash::typed(form, &[(DEPARTMENT, &department), (TITLE, &title), (RESPONSIBLE, &responsible), (STATUS, &status)]);
    let result = async {
        let user = cx.user()?;
        let input = ActivityInput::parse(&department, &title, &responsible, &status).map_err(ServiceError::Invalid)?;
        let (citizen, now) = (crate::kernel::ids::PersonId(citizen), cx.now);
        match activity {
            Some(id) => casework::update_activity(cx.store(), user, citizen, crate::kernel::ids::ActivityId(id), input, now).await,
            // A new activity's form carries a key (changing one is the same change twice).
            None => casework::add_activity(cx.store(), user, citizen, input, key.as_deref().filter(|k| !k.is_empty()), now).await,
        }
    }
    .await;
    let back = back(citizen);
    finish(result, "add an activity", &with_answer(&format!("{back}#aktiviteter"), "gemt"), &back, Some(kept)).await
}

/// The caseworker cancels a meeting.
#[server(prefix = "/api", endpoint = "cancel_appointment")]
pub async fn cancel_appointment(citizen: i64, appointment: i64) -> Result<(), ServerFnError> {
    use crate::features::casework::service as casework;
    use crate::kernel::ids::{AppointmentId, PersonId};
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let result =
        async { casework::cancel_appointment(cx.store(), cx.user()?, PersonId(citizen), AppointmentId(appointment), cx.now).await }.await;
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
    key: String,
) -> Result<(), ServerFnError> {
    use crate::features::casework::forms::plan_fields::*;
    use crate::features::casework::forms::AppointmentInput;
    use crate::features::casework::service as casework;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let outreach = outreach.unwrap_or_default();
    let kept = FormFlash::typed(
        flash("appointment", citizen),
        &[(DATE, &date), (TIME, &time), (DURATION, &duration), (PLACE, &place), (ADDRESS, &address), (OUTREACH, &outreach), (NOTE, &note)],
    );
    let result = async {
        let user = cx.user()?;
        let input = AppointmentInput::parse(&date, &time, &duration, &place, &address, &outreach, &note).map_err(ServiceError::Invalid)?;
        casework::add_appointment(cx.store(), user, crate::kernel::ids::PersonId(citizen), input, &key, cx.now).await
    }
    .await;
    let back = back(citizen);
    finish(result, "book a meeting", &with_answer(&format!("{back}#aftaler"), "gemt"), &back, Some(kept)).await
}

/// The caseworker writes a meeting note the citizen can read.
#[server(prefix = "/api", endpoint = "add_note")]
pub async fn add_note(citizen: i64, note: String, key: String) -> Result<(), ServerFnError> {
    use crate::features::casework::service as casework;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(flash("note", citizen), &[(crate::features::casework::forms::plan_fields::NOTE, &note)]);
    let result = async {
        let user = cx.user()?;
        let body = crate::features::casework::forms::parse_note(&note).map_err(ServiceError::Invalid)?;
        casework::add_note(cx.store(), user, crate::kernel::ids::PersonId(citizen), body, &key, cx.now).await
    }
    .await;
    let back = back(citizen);
    finish(result, "write a meeting note", &with_answer(&format!("{back}#noter"), "gemt"), &back, Some(kept)).await
}
