//! Who acts for which citizen, and in what capacity: the one place that
//! decides it, and the one place that writes staff reads into the citizen's
//! access log. Services ask here first and then work with an [`Acting`]:
//! whose data (`citizen`), who does it (`actor`), as what (`capacity`).
//!
//! A person acts for themselves (a citizen), for a citizen whose caseworker
//! or stand-in they are right now, or for a citizen who made them their
//! helper (a bisidder, a fuldmægtig) within the scopes given. A service asks
//! [`citizen_for`] with the [`Scope`] its action needs ("the citizen, or a
//! helper acting for them within this scope"), or [`citizen_self`] for what
//! only the citizen may do (contact settings, helpers): while someone acts
//! for another, [`citizen_self`] refuses, so a service that has not chosen a
//! scope is closed to helpers.

use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::kernel::representation::HelperKind;
pub use crate::kernel::representation::Scope;
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
        matches!(self.capacity, Capacity::Caseworker | Capacity::Standin | Capacity::Admin)
    }

    /// A helper acting for the citizen, and as what.
    pub fn helper(&self) -> Option<HelperKind> {
        match self.capacity {
            Capacity::Bisidder => Some(HelperKind::Bisidder),
            Capacity::Fuldmaegtig => Some(HelperKind::Fuldmaegtig),
            _ => None,
        }
    }

    /// Who did it, as the plan's history records it ("Ole Berg
    /// (fuldmægtig) for Mette Hansen" when a helper did).
    pub fn history_actor(&self) -> Actor {
        match (self.is_staff(), self.helper()) {
            (true, _) => Actor::staff(self.actor),
            (false, Some(kind)) => Actor::helper(self.citizen, self.actor, kind),
            (false, None) => Actor::citizen(self.actor),
        }
    }

    /// Records in the citizen's access log that staff, or their helper, read
    /// their data for `purpose`. The citizen reading their own data is not logged.
    pub async fn log_read(&self, store: &dyn Store, purpose: Purpose, now: i64) -> DbResult<()> {
        let role = match self.capacity {
            Capacity::Citizen => return Ok(()),
            Capacity::Caseworker | Capacity::Standin => Role::Caseworker,
            Capacity::Admin => Role::Admin,
            Capacity::Bisidder | Capacity::Fuldmaegtig => Role::Representative,
        };
        store.log_access(self.citizen, self.actor, role, self.capacity, purpose.as_str(), now).await
    }
}

impl From<HelperKind> for Capacity {
    fn from(kind: HelperKind) -> Capacity {
        match kind {
            HelperKind::Bisidder => Capacity::Bisidder,
            HelperKind::Fuldmaegtig => Capacity::Fuldmaegtig,
        }
    }
}

/// The signed-in citizen acting for themselves; `NotAllowed` for anyone
/// who is not a citizen (staff without a CPR number, a volunteer host), and
/// for a helper while they act for someone else: what only the citizen may
/// do (their contact settings, their helpers).
pub fn citizen_self(user: &CurrentUser) -> ServiceResult<Acting> {
    if !user.is_citizen || user.acting_for.is_some() {
        return Err(ServiceError::NotAllowed);
    }
    Ok(Acting { citizen: user.person_id, actor: user.person_id, capacity: Capacity::Citizen })
}

/// The citizen whose data this is: the signed-in citizen for themselves,
/// or their helper acting for them, if the citizen gave the helper `scope`
/// (and it is a scope the helper's kind may have). `NotAllowed` otherwise.
pub fn citizen_for(user: &CurrentUser, scope: Scope) -> ServiceResult<Acting> {
    match &user.acting_for {
        None => citizen_self(user),
        Some(a) if a.scopes.has(scope) && a.kind.may_have(scope) => {
            Ok(Acting { citizen: a.citizen, actor: user.person_id, capacity: a.kind.into() })
        }
        Some(_) => Err(ServiceError::NotAllowed),
    }
}

/// A helper acting for a citizen who did not give them `scope`: the page
/// says so, rather than that there is nothing.
pub fn not_given(user: &CurrentUser, scope: Scope) -> bool {
    user.acting_for.is_some() && citizen_for(user, scope).is_err()
}

/// [`citizen_for`] with the first of `scopes` the helper has (reading the
/// conversation: to see it, or to write in it).
pub fn citizen_for_any(user: &CurrentUser, scopes: &[Scope]) -> ServiceResult<Acting> {
    scopes.iter().find_map(|s| citizen_for(user, *s).ok()).ok_or(ServiceError::NotAllowed)
}

/// [`citizen_for`] on something of `owner`'s: `NotAllowed` unless it is
/// the citizen's. A missing object looks the same as someone else's, so the
/// caller passes the owner it found.
pub fn citizen_owning(user: &CurrentUser, owner: PersonId, scope: Scope) -> ServiceResult<Acting> {
    let me = citizen_for(user, scope)?;
    if me.citizen != owner {
        return Err(ServiceError::NotAllowed);
    }
    Ok(me)
}

/// The signed-in person themselves, for what is theirs whoever they are
/// (contact settings, the name shown in groups); `NotAllowed` while they act
/// for someone else, so a helper never changes the citizen's.
pub fn person_self(user: &CurrentUser) -> ServiceResult<PersonId> {
    match user.acting_for {
        Some(_) => Err(ServiceError::NotAllowed),
        None => Ok(user.person_id),
    }
}

/// Who takes part in the network groups and meetups on this request: the
/// signed-in person, or the citizen their helper acts for with the scope to
/// sign them up (`NotAllowed` for a helper without it).
pub fn participant(user: &CurrentUser) -> ServiceResult<PersonId> {
    match user.acting_for {
        None => Ok(user.person_id),
        Some(_) => citizen_for(user, Scope::Meetups).map(|a| a.citizen),
    }
}

/// `user` as one of the municipality's administrators (the `/admin`
/// pages); `NotAllowed` for anyone else, and for an admin while they act
/// for someone as a helper.
pub fn admin(user: &CurrentUser) -> ServiceResult<PersonId> {
    if !user.has_role(Role::Admin) || user.acting_for.is_some() {
        return Err(ServiceError::NotAllowed);
    }
    Ok(user.person_id)
}

/// An administrator acting on `citizen`'s data (finding them, handing them
/// over): the reads go into the citizen's access log like a caseworker's.
pub fn admin_for(user: &CurrentUser, citizen: PersonId) -> ServiceResult<Acting> {
    let actor = admin(user)?;
    if actor == citizen {
        return Err(ServiceError::NotAllowed);
    }
    Ok(Acting { citizen, actor, capacity: Capacity::Admin })
}

/// `user` acting for `citizen` as their caseworker or stand-in right now:
/// the only staff who may open or change the citizen's plan and budget.
/// `NotAllowed` for anyone else, and for staff who are the citizen.
pub async fn staff_for(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> ServiceResult<Acting> {
    match capacity_of(store, user, citizen, now).await? {
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
    let kinds = store.caseload_kinds(user.person_id, now).await?;
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

async fn capacity_of(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> DbResult<Option<Capacity>> {
    if !user.has_role(Role::Caseworker) || user.person_id == citizen {
        return Ok(None);
    }
    for (kind, capacity) in [(AssignmentKind::Primary, Capacity::Caseworker), (AssignmentKind::Standin, Capacity::Standin)] {
        if store.current_caseworker(citizen, kind, now).await? == Some(user.person_id) {
            return Ok(Some(capacity));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, is_citizen: bool, roles: Vec<Role>) -> CurrentUser {
        CurrentUser { person_id: PersonId(id), name: "X".into(), roles, is_citizen, unread_notifications: 0, acting_for: None }
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
        assert!(citizen_owning(&user, PersonId(1), Scope::See).is_ok());
        assert!(matches!(citizen_owning(&user, PersonId(2), Scope::See), Err(ServiceError::NotAllowed)));
        assert!(matches!(citizen_owning(&person(2, false, vec![]), PersonId(2), Scope::See), Err(ServiceError::NotAllowed)));
    }

    fn helping(kind: HelperKind, scopes: Vec<Scope>) -> CurrentUser {
        use crate::kernel::ids::RepresentationId;
        use crate::kernel::representation::Scopes;
        let acting_for = crate::ssr::auth::ActingFor {
            representation: RepresentationId(7),
            citizen: PersonId(1),
            citizen_name: "Mette".into(),
            kind,
            scopes: Scopes(scopes),
        };
        CurrentUser { acting_for: Some(acting_for), ..person(5, true, vec![]) }
    }

    #[test]
    fn a_helper_acts_for_the_citizen_exactly_within_the_scopes_given() {
        let ole = helping(HelperKind::Fuldmaegtig, vec![Scope::See, Scope::Money]);
        let a = citizen_for(&ole, Scope::See).unwrap();
        assert_eq!((a.citizen, a.actor, a.capacity), (PersonId(1), PersonId(5), Capacity::Fuldmaegtig));
        assert_eq!(a.history_actor(), Actor::helper(PersonId(1), PersonId(5), HelperKind::Fuldmaegtig));
        assert!(!a.is_staff());
        assert!(citizen_for(&ole, Scope::Money).is_ok());
        assert!(matches!(citizen_for(&ole, Scope::Write), Err(ServiceError::NotAllowed)));
        assert!(matches!(citizen_for(&ole, Scope::Meetups), Err(ServiceError::NotAllowed)));
        assert!(citizen_owning(&ole, PersonId(1), Scope::See).is_ok());
        assert!(matches!(citizen_owning(&ole, PersonId(5), Scope::See), Err(ServiceError::NotAllowed)), "not their own things meanwhile");
        // What only the citizen may do is closed while acting for another.
        assert!(matches!(citizen_self(&ole), Err(ServiceError::NotAllowed)));
        // A bisidder never asks for money, even if the stored scopes said so.
        let bisidder = helping(HelperKind::Bisidder, vec![Scope::See, Scope::Money]);
        assert_eq!(citizen_for(&bisidder, Scope::See).unwrap().capacity, Capacity::Bisidder);
        assert!(matches!(citizen_for(&bisidder, Scope::Money), Err(ServiceError::NotAllowed)));
    }
}
