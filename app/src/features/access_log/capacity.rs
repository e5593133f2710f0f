//! In which capacity someone acts for a citizen, as a type: `ssr/access.rs`
//! decides it, the access log records it with every staff read, and the
//! citizen's page names it (compiled for the browser too).

use serde::{Deserialize, Serialize};

/// In what capacity someone acts for a citizen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Capacity {
    /// The citizen, for themselves.
    Citizen,
    /// Their primary caseworker.
    Caseworker,
    /// Their caseworker's stand-in, with the caseworker's authority.
    Standin,
    /// A bisidder the citizen chose (sees what the citizen shares).
    Bisidder,
    /// A fuldmægtig the citizen chose (acts for them within the scopes given).
    Fuldmaegtig,
    /// One of the municipality's administrators (a handover, finding a citizen).
    Admin,
}

impl Capacity {
    pub const ALL: [Capacity; 6] =
        [Capacity::Citizen, Capacity::Caseworker, Capacity::Standin, Capacity::Bisidder, Capacity::Fuldmaegtig, Capacity::Admin];

    /// As stored in `access_log.capacity` (never renamed: old entries keep it).
    pub fn as_str(self) -> &'static str {
        match self {
            Capacity::Citizen => "citizen",
            Capacity::Caseworker => "caseworker",
            Capacity::Standin => "standin",
            Capacity::Bisidder => "bisidder",
            Capacity::Fuldmaegtig => "fuldmaegtig",
            Capacity::Admin => "admin",
        }
    }

    /// A stored capacity; `None` for an entry written before capacities
    /// were recorded (or by a newer version with a capacity this one lacks).
    pub fn parse(stored: &str) -> Option<Capacity> {
        Capacity::ALL.into_iter().find(|c| c.as_str() == stored)
    }
}

#[cfg(test)]
mod tests {
    use super::Capacity;

    #[test]
    fn capacities_keep_their_stored_words() {
        for c in Capacity::ALL {
            assert_eq!(Capacity::parse(c.as_str()), Some(c));
        }
        assert_eq!(Capacity::Standin.as_str(), "standin");
        assert_eq!(Capacity::parse("caseworker"), Some(Capacity::Caseworker));
        assert_eq!(Capacity::parse("representative"), None);
    }
}
