//! Who a verified login is in our records. People are keyed on the identity
//! provider's `sub`; a citizen record made by the municipality (known by CPR)
//! is linked to a `sub` on the first login only. Staff must already be known:
//! the admin tool links their login.

use crate::kernel::ids::PersonId;
use crate::kernel::ShortText;
use crate::ssr::db::{DbError, NewPerson, Store};

/// What a verified ID token told us (claims already mapped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedIdentity {
    /// The `sub`, with the issuer's prefix when there is more than one issuer.
    pub subject: String,
    /// Normalised `DDMMYY-NNNN`, when the provider sent one.
    pub cpr: Option<String>,
    pub name: Option<String>,
}

/// Which configured issuer the login came through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssuerKind {
    /// Citizens (and anyone else) log in here; unknown people are created.
    Citizen,
    /// A staff-only issuer: unknown people are refused.
    Staff,
}

/// Why a verified login still cannot be let in.
#[derive(Debug)]
pub enum SignInError {
    /// The CPR number belongs to a record already linked to another login.
    CprLinkedElsewhere,
    /// Nobody with this login is registered as staff.
    UnknownStaff,
    Store(DbError),
}

impl From<DbError> for SignInError {
    fn from(e: DbError) -> Self {
        SignInError::Store(e)
    }
}

/// Finds (or, for citizens, creates) the person behind a login.
pub async fn sign_in(store: &dyn Store, who: &VerifiedIdentity, issuer: IssuerKind, now: i64) -> Result<PersonId, SignInError> {
    if let Some(p) = store.person_by_subject(&who.subject).await? {
        return Ok(p.id);
    }
    if issuer == IssuerKind::Staff {
        return Err(SignInError::UnknownStaff);
    }
    if let Some(cpr) = &who.cpr {
        if let Some(p) = store.person_by_cpr(cpr).await? {
            if p.subject.is_some() {
                return Err(SignInError::CprLinkedElsewhere);
            }
            return match store.link_subject(p.id, &who.subject).await {
                Ok(()) => Ok(p.id),
                // Two first logins at once: whoever linked first wins; it is
                // this login if the record now carries our subject.
                Err(DbError::Conflict(_)) => match store.person_by_subject(&who.subject).await? {
                    Some(q) if q.id == p.id => Ok(p.id),
                    _ => Err(SignInError::CprLinkedElsewhere),
                },
                Err(e) => Err(e.into()),
            };
        }
    }
    let full_name =
        who.name.as_deref().and_then(|n| ShortText::parse(n).ok()).unwrap_or_else(|| ShortText::parse("Borger").expect("a valid constant"));
    let new = NewPerson { full_name, cpr: who.cpr.clone(), subject: Some(who.subject.clone()), display_name: None };
    match store.create_person(&new, now).await {
        Ok(id) => Ok(id),
        // The same new person logging in twice at once: the other request made it.
        Err(DbError::Conflict(_)) => store.person_by_subject(&who.subject).await?.map(|p| p.id).ok_or(SignInError::CprLinkedElsewhere),
        Err(e) => Err(e.into()),
    }
}

/// A CPR number as brokers send it (`0101851234`, `010185-1234`), in the
/// form we store (`010185-1234`). Anything else is not a CPR number.
pub fn normalise_cpr(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(|c| *c != '-' && *c != ' ').collect();
    (digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit())).then(|| format!("{}-{}", &digits[..6], &digits[6..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_numbers_are_normalised_and_junk_refused() {
        assert_eq!(normalise_cpr("0113851001").as_deref(), Some("011385-1001"));
        assert_eq!(normalise_cpr("011385-1001").as_deref(), Some("011385-1001"));
        assert_eq!(normalise_cpr("01138510011"), None);
        assert_eq!(normalise_cpr("01138X1001"), None);
        assert_eq!(normalise_cpr(""), None);
    }
}
