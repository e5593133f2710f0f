//! What every feature's service shares: the error a rule gives, a name
//! cache for pages that show many people, and the answer a staff page gives
//! for a refusal. Who may act for whom is `ssr::access`.

use crate::kernel::forms::FieldErrors;
use crate::kernel::ids::PersonId;
use crate::ssr::db::{DbError, DbResult, Store};
use crate::ui::page::StaffPage;
use leptos::prelude::ServerFnError;

/// Why a service refused or failed.
#[derive(Debug)]
pub enum ServiceError {
    /// Nobody is signed in (or the session has ended).
    NotSignedIn,
    /// Not this person's to see or do. Also what a missing object looks
    /// like, so nobody learns what exists by asking for it.
    NotAllowed,
    /// The input was refused, field by field.
    Invalid(FieldErrors),
    /// It has changed meanwhile (already answered, withdrawn…).
    Conflict,
    /// The database failed; logged where it is handled.
    Db(DbError),
}

impl From<DbError> for ServiceError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => ServiceError::NotAllowed,
            DbError::Conflict(_) | DbError::Limited => ServiceError::Conflict,
            e => ServiceError::Db(e),
        }
    }
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServiceError::NotSignedIn => f.write_str("not signed in"),
            ServiceError::NotAllowed => f.write_str("not allowed"),
            ServiceError::Invalid(e) => write!(f, "invalid input in {} field(s)", e.len()),
            ServiceError::Conflict => f.write_str("changed meanwhile"),
            ServiceError::Db(e) => write!(f, "{e}"),
        }
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;

/// People's names by id, each looked up once per page: the shown name (a
/// chosen display name, else the full name) or, from [`Names::full`], the
/// full name (what staff and the citizen call each other).
pub struct Names<'a> {
    store: &'a dyn Store,
    full: bool,
    known: std::collections::HashMap<PersonId, String>,
}

impl<'a> Names<'a> {
    pub fn new(store: &'a dyn Store) -> Names<'a> {
        Names { store, full: false, known: Default::default() }
    }

    /// The store the names are read from.
    pub fn store(&self) -> &'a dyn Store {
        self.store
    }

    pub fn full(store: &'a dyn Store) -> Names<'a> {
        Names { full: true, ..Names::new(store) }
    }

    pub async fn of(&mut self, id: PersonId) -> DbResult<String> {
        if let Some(n) = self.known.get(&id) {
            return Ok(n.clone());
        }
        let person = self.store.person(id).await?;
        let name = if self.full { person.full_name } else { person.shown_name() };
        self.known.insert(id, name.clone());
        Ok(name)
    }
}

/// A staff page's content from its service's answer: anything refused is
/// "not yours" (403), a database failure is logged and an error.
pub fn staff_page<T>(r: ServiceResult<T>, doing: &'static str) -> Result<StaffPage<T>, ServerFnError> {
    match r {
        Ok(v) => Ok(StaffPage::Shown(v)),
        Err(ServiceError::NotAllowed | ServiceError::NotSignedIn | ServiceError::Conflict | ServiceError::Invalid(_)) => {
            if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(http::StatusCode::FORBIDDEN);
            }
            Ok(StaffPage::NotAllowed)
        }
        Err(ServiceError::Db(e)) => Err(crate::ssr::internal_error(doing, e)),
    }
}

/// A store's answer, with a refusal past an hourly limit (`DbError::Limited`)
/// turned into a kind message by `field` that names the limit.
pub async fn within_limit<T>(store: &dyn Store, r: DbResult<T>, what: crate::ssr::db::PerHour, field: &str) -> ServiceResult<T> {
    match r {
        Err(DbError::Limited) => {
            let n = store.per_hour(what).await?;
            let problem = crate::kernel::forms::Problem::TooManyPerHour(n);
            Err(ServiceError::Invalid(vec![crate::kernel::forms::FieldError { field: field.into(), problem }]))
        }
        other => Ok(other?),
    }
}
