//! What a helper may do for a citizen, as types: the two kinds of helper and
//! the four scopes the citizen ticks (the representatives issue). The
//! vocabulary of `features/representation`, here because `ssr/access.rs`
//! checks it on every call and the plan's history records it, as roles are;
//! the pages name them (compiled for the browser too).

use serde::{Deserialize, Serialize};

/// The two kinds of helper, named plainly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HelperKind {
    /// Comes along (forvaltningsloven §8): sees what the citizen chooses to
    /// share; may not ask for money or complain for them.
    Bisidder,
    /// Acts for the citizen within the scopes given.
    Fuldmaegtig,
}

impl HelperKind {
    pub const ALL: [HelperKind; 2] = [HelperKind::Bisidder, HelperKind::Fuldmaegtig];

    /// As stored (and posted by the form).
    pub fn as_str(self) -> &'static str {
        match self {
            HelperKind::Bisidder => "bisidder",
            HelperKind::Fuldmaegtig => "fuldmaegtig",
        }
    }

    pub fn parse(stored: &str) -> Option<HelperKind> {
        HelperKind::ALL.into_iter().find(|k| k.as_str() == stored)
    }

    /// Whether this kind of helper may be given `scope`.
    pub fn may_have(self, scope: Scope) -> bool {
        scope != Scope::Money || self == HelperKind::Fuldmaegtig
    }
}

/// One box the citizen ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    /// See my plan, my decisions, my budget and everything recorded about me
    /// (the data export and the access log included).
    See,
    /// Write with my caseworker (and propose goals).
    Write,
    /// Ask for money and complain about decisions (a fuldmægtig only).
    Money,
    /// Sign me up for meetups and groups.
    Meetups,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::See, Scope::Write, Scope::Money, Scope::Meetups];

    /// As stored in `representation.scopes`, and the form field's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::See => "see",
            Scope::Write => "write",
            Scope::Money => "money",
            Scope::Meetups => "meetups",
        }
    }

    pub fn parse(stored: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == stored)
    }
}

/// How long an access lasts unless the citizen chooses: 12 months; at most 24.
pub const DEFAULT_MONTHS: i64 = 12;
pub const MAX_MONTHS: i64 = 24;

/// A set of scopes, stored as `see,write`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scopes(pub Vec<Scope>);

impl Scopes {
    pub fn has(&self, scope: Scope) -> bool {
        self.0.contains(&scope)
    }

    /// As stored: in the order of [`Scope::ALL`], each once.
    pub fn stored(&self) -> String {
        Scope::ALL.into_iter().filter(|s| self.has(*s)).map(Scope::as_str).collect::<Vec<_>>().join(",")
    }

    /// A stored list; words this version does not know are left out (they
    /// give nothing, never more).
    pub fn parse(stored: &str) -> Scopes {
        Scopes(Scope::ALL.into_iter().filter(|s| stored.split(',').any(|w| w.trim() == s.as_str())).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_keep_their_stored_words_and_unknown_words_give_nothing() {
        let s = Scopes(vec![Scope::Meetups, Scope::See]);
        assert_eq!(s.stored(), "see,meetups");
        assert_eq!(Scopes::parse("see,meetups"), Scopes(vec![Scope::See, Scope::Meetups]));
        assert_eq!(Scopes::parse("admin,seeing,"), Scopes(vec![]));
        for k in HelperKind::ALL {
            assert_eq!(HelperKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn only_a_fuldmaegtig_may_ask_for_money() {
        assert!(HelperKind::Fuldmaegtig.may_have(Scope::Money));
        assert!(!HelperKind::Bisidder.may_have(Scope::Money));
        assert!(HelperKind::Bisidder.may_have(Scope::See) && HelperKind::Bisidder.may_have(Scope::Meetups));
    }
}
