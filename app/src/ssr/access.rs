//! Who acts for which citizen, and in what capacity: the one place that
//! decides it, and the one place that writes staff reads into the citizen's
//! access log. Services ask here first and then work with an [`Acting`]:
//! whose data (`citizen`), who does it (`actor`), as what (`capacity`).
//!
//! Today a person acts for themselves (a citizen) or for a citizen whose
//! caseworker or stand-in they are right now. Representatives (a bisidder, a
//! fuldmægtig) are a capacity of their own when their issue lands; a service
//! that asks for [`citizen_self`] then asks for "the citizen, or someone
//! acting for them within this scope" instead, and nothing else changes.

use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{Actor, AssignmentKind, DbResult, Store};
use crate::ssr::service::{ServiceError, ServiceResult};

pub use crate::features::access_log::capacity::Capacity;
pub use crate::features::access_log::purpose::Purpose;

/// Someone acting for a citizen, as decided here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Acting {
    /// Whose data it is.
    pub citizen: PersonId,
    /// Who acts (the citizen themselves, or staff).
    pub actor: PersonId,
    pub capacity: Capacity,
}

impl Acting {
    /// Staff acting for the citizen (not the citizen themselves).
    pub fn is_staff(&self) -> bool {
        matches!(self.capacity, Capacity::Caseworker | Capacity::Standin)
    }

    /// Who did it, as the plan's history records it.
    pub fn history_actor(&self) -> Actor {
        if self.is_staff() {
            Actor::staff(self.actor)
        } else {
            Actor::citizen(self.actor)
        }
    }

    /// Records in the citizen's access log that staff read their data for
    /// `purpose`. The citizen reading their own data is not logged.
    pub async fn log_read(&self, store: &dyn Store, purpose: Purpose, now: i64) -> DbResult<()> {
        if !self.is_staff() {
            return Ok(());
        }
        store.log_access(self.citizen, self.actor, Role::Caseworker, self.capacity, purpose.as_str(), now).await
    }
}

/// The signed-in citizen acting for themselves; `NotAllowed` for anyone
/// who is not a citizen (staff without a CPR number, a volunteer host).
pub fn citizen_self(user: &CurrentUser) -> ServiceResult<Acting> {
    if !user.is_citizen {
        return Err(ServiceError::NotAllowed);
    }
    Ok(Acting { citizen: user.person_id, actor: user.person_id, capacity: Capacity::Citizen })
}

/// The signed-in citizen acting for themselves on something of `owner`'s:
/// `NotAllowed` unless it is their own. A missing object looks the same as
/// someone else's, so the caller passes the owner it found.
pub fn citizen_owning(user: &CurrentUser, owner: PersonId) -> ServiceResult<Acting> {
    let me = citizen_self(user)?;
    if me.citizen != owner {
        return Err(ServiceError::NotAllowed);
    }
    Ok(me)
}

/// `user` acting for `citizen` as their caseworker or stand-in right now:
/// the only staff who may open or change the citizen's plan and budget.
/// `NotAllowed` for anyone else, and for staff who are the citizen.
pub async fn staff_for(store: &dyn Store, user: &CurrentUser, citizen: PersonId) -> ServiceResult<Acting> {
    match capacity_of(store, user, citizen).await? {
        Some(capacity) => Ok(Acting { citizen, actor: user.person_id, capacity }),
        None => Err(ServiceError::NotAllowed),
    }
}

/// Records in each citizen's access log that `user` saw their data for
/// `purpose`, all or none, each in the capacity `user` has for that citizen
/// now: one page that shows several citizens' data (the inbox, the
/// caseload list). Citizens `user` is neither caseworker nor stand-in for
/// are not on such a page and are left out.
pub async fn log_reads(store: &dyn Store, user: &CurrentUser, citizens: &[PersonId], purpose: Purpose, now: i64) -> DbResult<()> {
    if citizens.is_empty() {
        return Ok(());
    }
    // One read of the caseload for the whole page, not two per citizen.
    let kinds = store.caseload_kinds(user.person_id).await?;
    let seen: Vec<(PersonId, Capacity)> = citizens
        .iter()
        .filter_map(|c| {
            let mine = kinds.iter().filter(|(citizen, _)| citizen == c);
            // Primary first: someone who is both is the caseworker.
            let kind = mine.map(|(_, k)| *k).min_by_key(|k| *k != AssignmentKind::Primary)?;
            Some((*c, if kind == AssignmentKind::Primary { Capacity::Caseworker } else { Capacity::Standin }))
        })
        .collect();
    store.log_accesses(&seen, user.person_id, Role::Caseworker, purpose.as_str(), now).await
}

async fn capacity_of(store: &dyn Store, user: &CurrentUser, citizen: PersonId) -> DbResult<Option<Capacity>> {
    if !user.has_role(Role::Caseworker) || user.person_id == citizen {
        return Ok(None);
    }
    for (kind, capacity) in [(AssignmentKind::Primary, Capacity::Caseworker), (AssignmentKind::Standin, Capacity::Standin)] {
        if store.current_caseworker(citizen, kind).await? == Some(user.person_id) {
            return Ok(Some(capacity));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, is_citizen: bool, roles: Vec<Role>) -> CurrentUser {
        CurrentUser { person_id: PersonId(id), name: "X".into(), roles, is_citizen, unread_notifications: 0 }
    }

    #[test]
    fn a_citizen_acts_for_themselves_and_nobody_else_does_so() {
        let me = citizen_self(&person(1, true, vec![])).unwrap();
        assert_eq!((me.citizen, me.actor, me.capacity), (PersonId(1), PersonId(1), Capacity::Citizen));
        assert!(!me.is_staff());
        assert_eq!(me.history_actor(), Actor::citizen(PersonId(1)));
        assert!(matches!(citizen_self(&person(2, false, vec![Role::Caseworker])), Err(ServiceError::NotAllowed)));
        assert!(matches!(citizen_self(&person(3, false, vec![Role::Host])), Err(ServiceError::NotAllowed)));
    }

    #[test]
    fn a_citizen_owns_only_their_own_things() {
        let user = person(1, true, vec![]);
        assert!(citizen_owning(&user, PersonId(1)).is_ok());
        assert!(matches!(citizen_owning(&user, PersonId(2)), Err(ServiceError::NotAllowed)));
        assert!(matches!(citizen_owning(&person(2, false, vec![]), PersonId(2)), Err(ServiceError::NotAllowed)));
    }
}
