//! A citizen handed to another caseworker: by an admin for anyone, by a
//! caseworker for their own citizens (not by a stand-in). One store
//! transaction does it all (see [`HandoverStore::hand_over`]); the old
//! caseworker loses access at once, since access is read from the
//! assignments on every call (`ssr/access.rs`).

use crate::features::handover::forms::{fields, HandoverInput};
use crate::features::handover::store::{CaseloadLimits, Colleague, NewHandover};
use crate::features::handover::views::{ChangeView, NewCitizenItem};
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::kernel::ids::{HandoverId, PersonId};
use crate::kernel::time::{date, date_time};
use crate::ssr::access::{self, Acting, Capacity, Purpose};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{AssignmentKind, DbError, DbResult, Rule, Store, SubmitOutcome};
use crate::ssr::service::{ServiceError, ServiceResult};

/// How long "Min sagsbehandler" tells of a change, and shows its message.
pub const TOLD_FOR_MS: i64 = 90 * 86_400_000;

/// Who may hand `citizen` over, or set who stands in for their caseworker
/// (`features/cover`): an admin (any citizen), or the citizen's primary
/// caseworker (not their stand-in). `NotAllowed` for anyone else, and for
/// someone who is not a citizen.
pub async fn who_hands(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> ServiceResult<Acting> {
    let acting = match access::admin_for(user, citizen) {
        Ok(admin) => admin,
        Err(_) => {
            let staff = access::staff_for(store, user, citizen, now).await?;
            if staff.capacity != Capacity::Caseworker {
                return Err(ServiceError::NotAllowed);
            }
            staff
        }
    };
    match store.person(citizen).await {
        Ok(p) if p.cpr.is_some() => Ok(acting),
        Ok(_) | Err(DbError::NotFound) => Err(ServiceError::NotAllowed),
        Err(e) => Err(e.into()),
    }
}

/// What the handover page shows: the citizen, their caseworker now, and
/// the colleagues to choose from with their caseloads. The read is in the
/// citizen's access log.
pub struct Shown {
    pub acting: Acting,
    pub citizen: String,
    pub current: Option<(PersonId, String)>,
    /// Everyone with the caseworker role but the caseworker now.
    pub colleagues: Vec<Colleague>,
    pub limits: CaseloadLimits,
}

pub async fn page(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> ServiceResult<Shown> {
    let acting = who_hands(store, user, citizen, now).await?;
    acting.log_read(store, Purpose::Handover, now).await?;
    let name = store.person(citizen).await?.full_name;
    let current = match store.current_caseworker(citizen, AssignmentKind::Primary, now).await? {
        Some(id) => Some((id, store.person(id).await?.full_name)),
        None => None,
    };
    let colleagues =
        store.colleagues().await?.into_iter().filter(|c| Some(c.id) != current.as_ref().map(|(id, _)| id.0) && c.id != citizen.0).collect();
    Ok(Shown { acting, citizen: name, current, colleagues, limits: store.caseload_limits().await? })
}

/// Hands the citizen to `input.to`, if their caseworker is still `from`
/// (the one the page showed). A double tap (the same `key`) hands over once.
/// Refused, by the field: a colleague who is not a caseworker, or whose
/// caseload is at the hard limit. `Conflict` when someone else handed the
/// citizen over first.
pub async fn hand_over(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    from: Option<PersonId>,
    input: &HandoverInput,
    key: &str,
    now: i64,
) -> ServiceResult<HandoverId> {
    let acting = who_hands(store, user, citizen, now).await?;
    let h = NewHandover {
        citizen,
        from,
        to: input.to,
        by: Some(acting.actor),
        note: input.note.as_str(),
        message: input.message.as_str(),
        key: Some(key),
    };
    write(store, &h, now).await
}

/// The command line's handover (`server admin assign`): no form, no key;
/// the audit log names the command line. `None`: `to` is their caseworker already.
pub async fn from_command_line(
    store: &dyn Store,
    citizen: PersonId,
    to: PersonId,
    note: &str,
    message: &str,
    now: i64,
) -> ServiceResult<Option<HandoverId>> {
    let from = store.current_caseworker(citizen, AssignmentKind::Primary, now).await?;
    if from == Some(to) {
        return Ok(None);
    }
    write(store, &NewHandover { citizen, from, to, by: None, note, message, key: None }, now).await.map(Some)
}

async fn write(store: &dyn Store, h: &NewHandover<'_>, now: i64) -> ServiceResult<HandoverId> {
    let to = |problem| ServiceError::Invalid(vec![FieldError { field: fields::TO.into(), problem }]);
    match store.hand_over(h, now).await {
        Ok(SubmitOutcome::Created(id) | SubmitOutcome::Repeated(id)) => Ok(id),
        Err(DbError::Conflict(Rule::Changed)) => Err(ServiceError::Conflict),
        Err(DbError::Conflict(Rule::CaseloadFull(limit))) => Err(to(Problem::CaseloadFull(limit))),
        Err(DbError::Conflict(Rule::Named("not a caseworker"))) => Err(to(Problem::ChooseColleague)),
        Err(e) => Err(e.into()),
    }
}

/// The "ny borger" items of a caseworker's inbox, with the citizens they
/// show (for the access log).
pub async fn waiting(store: &dyn Store, user: &CurrentUser, lang: Lang) -> ServiceResult<(Vec<NewCitizenItem>, Vec<PersonId>)> {
    let rows = store.waiting_handovers(user.person_id).await?;
    let citizens = rows.iter().map(|r| PersonId(r.citizen_id)).collect();
    let t = lang.texts();
    let items = rows
        .into_iter()
        .map(|r| NewCitizenItem {
            link: crate::routes::citizen(r.citizen_id),
            citizen: r.citizen_name,
            from: (t.handover.new_from)(r.from_name.as_deref(), &date_time(r.at, lang)),
            note: r.note,
        })
        .collect();
    Ok((items, citizens))
}

/// The new caseworker opened the citizen: their "ny borger" item is done.
pub async fn seen(store: &dyn Store, acting: &Acting, now: i64) -> ServiceResult<()> {
    if acting.capacity == Capacity::Caseworker {
        store.mark_handovers_seen(acting.actor, acting.citizen, now).await?;
    }
    Ok(())
}

/// The citizen's latest change of caseworker, while it is recent.
pub async fn told(store: &dyn Store, citizen: PersonId, now: i64, lang: Lang) -> DbResult<Option<ChangeView>> {
    let t = lang.texts();
    Ok(store
        .last_handover(citizen)
        .await?
        .filter(|h| now - h.at <= TOLD_FOR_MS)
        .map(|h| ChangeView { said: (t.handover.changed_to)(&h.to_name, &date(h.at, lang)), message: h.message }))
}

/// The caseworker's own caseload against the soft limit: the warning, if past it.
pub async fn caseload_warning(store: &dyn Store, user: &CurrentUser, lang: Lang) -> ServiceResult<Option<String>> {
    let limits = store.caseload_limits().await?;
    let mine = store.primary_caseload(user.person_id).await?;
    Ok((mine > limits.soft).then(|| (lang.texts().handover.caseload_warning)(mine, limits.soft)))
}
