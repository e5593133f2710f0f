//! Who stands in for a citizen's caseworker, and when: set by the citizen's
//! caseworker or an admin (the handover's rule, [`who_hands`]). The window
//! is whole Copenhagen days, first to last; a cover set for today begins
//! now. Access follows the window on every call (`ssr/access.rs` asks what
//! is in force now), so a stand-in outside it is refused like anyone else.

use crate::features::cover::forms::{fields, CoverInput};
use crate::features::cover::store::{Cover, NewCover};
use crate::features::handover::service::who_hands;
use crate::features::handover::store::Colleague;
use crate::i18n::Lang;
use crate::kernel::forms::{field, FieldError, FieldErrors, Problem};
use crate::kernel::ids::PersonId;
use crate::kernel::time::{copenhagen_day_at, copenhagen_local, date};
use crate::ssr::access::{Acting, Purpose};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{AssignmentKind, DbError, DbResult, Rule, Store, SubmitOutcome};
use crate::ssr::service::{ServiceError, ServiceResult};

/// What the cover page shows: the citizen, their caseworker, the cover now
/// (or the next one), and the colleagues who could stand in. The read is in
/// the citizen's access log.
pub struct Shown {
    pub acting: Acting,
    pub citizen: String,
    pub primary: Option<String>,
    pub cover: Option<Cover>,
    /// Everyone with the caseworker role but the caseworker and the citizen.
    pub colleagues: Vec<Colleague>,
}

pub async fn page(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> ServiceResult<Shown> {
    let acting = who_hands(store, user, citizen, now).await?;
    acting.log_read(store, Purpose::Cover, now).await?;
    let name = store.person(citizen).await?.full_name;
    let primary_id = store.current_caseworker(citizen, AssignmentKind::Primary, now).await?;
    let primary = match primary_id {
        Some(id) => Some(store.person(id).await?.full_name),
        None => None,
    };
    let colleagues = store.colleagues().await?.into_iter().filter(|c| Some(PersonId(c.id)) != primary_id && c.id != citizen.0).collect();
    Ok(Shown { acting, citizen: name, primary, cover: store.cover(citizen, now).await?, colleagues })
}

/// The moments of a cover's days: from the start of the first day (now, if
/// that is today) to the start of the day after the last (`None`: until
/// further notice). A first day before today is refused by its field.
pub fn window(input: &CoverInput, now: i64) -> Result<(i64, Option<i64>), FieldErrors> {
    let mut errors = FieldErrors::new();
    let start = copenhagen_local(input.first, 0);
    match start {
        None => field(&mut errors, fields::FIRST, Problem::Date),
        Some(s) if s < copenhagen_day_at(now, 0, 0) => field(&mut errors, fields::FIRST, Problem::DateInPast),
        Some(_) => {}
    }
    let end = match input.last {
        None => Some(None),
        Some(last) => copenhagen_local(last, 0).map(|s| Some(copenhagen_day_at(s, 1, 0))),
    };
    if end.is_none() {
        field(&mut errors, fields::LAST, Problem::Date);
    }
    match (start, end) {
        (Some(start), Some(end)) if errors.is_empty() => Ok((start.max(now), end)),
        _ => Err(errors),
    }
}

/// Makes `input.standin` the citizen's stand-in for the days chosen; the
/// cover running now ends, one not begun yet is replaced. A double tap (the
/// same `key`) sets it once. Refused by the field: a colleague who is not a
/// caseworker, or is the citizen's caseworker.
pub async fn set(store: &dyn Store, user: &CurrentUser, citizen: PersonId, input: &CoverInput, key: &str, now: i64) -> ServiceResult<i64> {
    let acting = who_hands(store, user, citizen, now).await?;
    let (from_at, to_at) = window(input, now).map_err(ServiceError::Invalid)?;
    let cover = NewCover { citizen, standin: input.standin, from_at, to_at, by: Some(acting.actor), key: Some(key) };
    write(store, &cover, now).await
}

/// Ends the citizen's cover now (or drops one not begun yet); `false`: there was none.
pub async fn end(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> ServiceResult<bool> {
    let acting = who_hands(store, user, citizen, now).await?;
    Ok(store.end_cover(citizen, Some(acting.actor), now).await?)
}

/// The command line's stand-in (`server admin assign --standin`): from now
/// until further notice, audited as the command line's.
pub async fn from_command_line(store: &dyn Store, citizen: PersonId, standin: PersonId, now: i64) -> ServiceResult<i64> {
    write(store, &NewCover { citizen, standin, from_at: now, to_at: None, by: None, key: None }, now).await
}

async fn write(store: &dyn Store, cover: &NewCover<'_>, now: i64) -> ServiceResult<i64> {
    match store.set_cover(cover, now).await {
        Ok(SubmitOutcome::Created(id) | SubmitOutcome::Repeated(id)) => Ok(id),
        Err(DbError::Conflict(Rule::Named("not a caseworker"))) => {
            Err(ServiceError::Invalid(vec![FieldError { field: fields::STANDIN.into(), problem: Problem::ChooseColleague }]))
        }
        Err(e) => Err(e.into()),
    }
}

/// How a cover's days read: "fra 3. december 2026 til og med 14. december
/// 2026" / "fra 3. december 2026, indtil videre".
pub fn days(cover: &Cover, lang: Lang) -> String {
    let t = lang.texts();
    let from = date(cover.from_at, lang);
    match cover.to_at {
        Some(to) => (t.cover.days)(&from, &date(to - 1, lang)),
        None => (t.cover.days_open)(&from),
    }
}

/// What "Min sagsbehandler" says of the cover: who stands in now (their id,
/// for the card) and until when, or who will from when.
pub async fn for_citizen(store: &dyn Store, citizen: PersonId, now: i64, lang: Lang) -> DbResult<(Option<PersonId>, Option<String>)> {
    let t = lang.texts();
    Ok(match store.cover(citizen, now).await? {
        Some(c) if c.running(now) => {
            let until = match c.to_at {
                Some(to) => (t.cover.until)(&date(to - 1, lang)),
                None => t.cover.until_further.to_string(),
            };
            (Some(PersonId(c.staff_id)), Some(until))
        }
        Some(c) => (None, Some((t.cover.coming)(&c.staff_name, &days(&c, lang)))),
        None => (None, None),
    })
}
