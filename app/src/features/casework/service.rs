//! The caseworker works on a citizen's plan with them: opens it (which
//! writes the citizen's access log), adds and updates activities, adds
//! appointments and meeting notes. Every change lands in the plan's
//! history. Only the citizen's caseworker or stand-in may do any of it.

use crate::features::casework::forms::{ActivityInput, AppointmentInput};
use crate::features::casework::views::CitizenPlanView;
use crate::i18n::Lang;
use crate::kernel::ids::{ActivityId, AppointmentId, PersonId, PlanId};
use crate::kernel::time::copenhagen_local;
use crate::kernel::LongText;
use crate::ssr::access::{self, Acting, Purpose};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{NewActivity, NewAppointment, Store};

use crate::ssr::service::{ServiceError, ServiceResult};

/// The citizen's plan, made on the caseworker's first change (a citizen
/// never gets one by logging in), after checking who asks.
async fn plan_to_change(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> ServiceResult<(Acting, PlanId)> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    Ok((acting, store.ensure_plan(citizen, now).await?))
}

/// Opens the citizen's plan for their caseworker (its history a page at a
/// time, from `history_before`); writes the access log.
pub async fn open_plan(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    history_before: Option<crate::kernel::paging::Before>,
    now: i64,
    lang: Lang,
) -> ServiceResult<CitizenPlanView> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    acting.log_read(store, Purpose::PlanWork, now).await?;
    // A citizen just handed over is no longer new once opened.
    crate::features::handover::service::seen(store, &acting, now).await?;
    let name = store.person(citizen).await?.full_name;
    let plan = match store.plan_of(citizen).await? {
        Some(plan) => {
            let page = crate::routes::citizen(citizen.0);
            crate::features::plan::service::plan_view(store, citizen, plan, acting.actor, (history_before, &page), now, lang).await?
        }
        None => Default::default(),
    };
    let helpers = crate::features::representation::service::in_words(store, citizen, now, lang).await?;
    let handover = (acting.capacity == crate::ssr::access::Capacity::Caseworker).then(|| crate::routes::handover(citizen.0));
    Ok(CitizenPlanView { citizen_id: citizen.0, citizen: name, plan, helpers, handover })
}

/// `key`: the form's idempotency key (a double tap adds one activity).
pub async fn add_activity(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    a: ActivityInput,
    key: Option<&str>,
    now: i64,
) -> ServiceResult<()> {
    let (acting, plan) = plan_to_change(store, user, citizen, now).await?;
    store.add_activity(plan, &NewActivity::from(a), acting.history_actor(), key, now).await?;
    Ok(())
}

pub async fn update_activity(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    activity: ActivityId,
    a: ActivityInput,
    now: i64,
) -> ServiceResult<()> {
    let (acting, plan) = plan_to_change(store, user, citizen, now).await?;
    Ok(store.update_activity(plan, activity, &NewActivity::from(a), acting.history_actor(), now).await?)
}

pub async fn cancel_appointment(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    appointment: AppointmentId,
    now: i64,
) -> ServiceResult<()> {
    let (acting, plan) = plan_to_change(store, user, citizen, now).await?;
    Ok(store.cancel_appointment(plan, appointment, acting.history_actor(), now).await?)
}

pub async fn add_appointment(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    a: AppointmentInput,
    key: &str,
    now: i64,
) -> ServiceResult<()> {
    let (acting, plan) = plan_to_change(store, user, citizen, now).await?;
    let starts_at = copenhagen_local(a.date, a.minute).ok_or(ServiceError::Invalid(vec![crate::kernel::forms::FieldError {
        field: crate::features::casework::forms::plan_fields::DATE.into(),
        problem: crate::kernel::forms::Problem::Date,
    }]))?;
    let new = NewAppointment {
        starts_at,
        duration_minutes: a.duration_minutes,
        place: a.place,
        address: a.address,
        outreach: a.outreach,
        note: a.note,
    };
    store.add_appointment(plan, &new, acting.history_actor(), Some(key), now).await?;
    Ok(())
}

pub async fn add_note(store: &dyn Store, user: &CurrentUser, citizen: PersonId, body: LongText, key: &str, now: i64) -> ServiceResult<()> {
    let (acting, plan) = plan_to_change(store, user, citizen, now).await?;
    store.add_meeting_note(plan, acting.actor, &body, key, now).await?;
    Ok(())
}
