//! The plan's vocabulary: departments, statuses, and the goal's life cycle.

use serde::{Deserialize, Serialize};

/// Declares an enum stored as a lowercase word in the database.
macro_rules! stored_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),* }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The word stored in the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),* }
            }

            /// Parses the stored word.
            pub fn parse(word: &str) -> Option<$name> {
                match word { $($word => Some($name::$variant),)* _ => None }
            }
        }
    };
}

stored_enum!(
    /// Where an activity (indsats) comes from.
    Department { Job = "job", Social = "social", Health = "health", Housing = "housing",
                 Education = "education", Economy = "economy", Family = "family" }
);

stored_enum!(
    /// Where an activity stands.
    ActivityStatus { Planned = "planned", Active = "active", Done = "done", Stopped = "stopped" }
);

stored_enum!(
    /// A role given by the municipality (a citizen needs none).
    Role { Caseworker = "caseworker", Admin = "admin", Host = "host", Representative = "representative" }
);

stored_enum!(
    /// Who made a change in the plan's history.
    ActorKind { Citizen = "citizen", Staff = "staff", System = "system" }
);

stored_enum!(
    /// A goal's life cycle: see [`GoalStatus::next`].
    GoalStatus { Proposed = "proposed", Adjusted = "adjusted", Accepted = "accepted",
                 Declined = "declined", Withdrawn = "withdrawn", Achieved = "achieved" }
);

/// Something that can happen to a goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalEvent {
    /// The caseworker accepts the proposal as worded.
    Accept,
    /// The caseworker suggests another wording (reason required).
    SuggestChange,
    /// The citizen accepts the suggested wording.
    AcceptChange,
    /// The citizen rejects the suggested wording: back to their own.
    RejectChange,
    /// The caseworker declines (reason required).
    Decline,
    /// The citizen withdraws a proposal that is not yet decided.
    Withdraw,
    /// The goal is reached.
    MarkAchieved,
    /// The caseworker corrects an acceptance into a decline (a new decision).
    CorrectToDecline,
    /// The caseworker corrects a decline into an acceptance (a new decision).
    CorrectToAccept,
}

/// A transition the goal's status does not allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAllowed {
    pub from: GoalStatus,
    pub event: GoalEvent,
}

impl GoalStatus {
    /// The status after `event`, or why it cannot happen now.
    pub fn next(self, event: GoalEvent) -> Result<GoalStatus, NotAllowed> {
        use GoalEvent as E;
        use GoalStatus as S;
        match (self, event) {
            (S::Proposed, E::Accept) => Ok(S::Accepted),
            (S::Proposed, E::SuggestChange) => Ok(S::Adjusted),
            (S::Proposed, E::Decline) => Ok(S::Declined),
            (S::Proposed | S::Adjusted, E::Withdraw) => Ok(S::Withdrawn),
            (S::Adjusted, E::AcceptChange) => Ok(S::Accepted),
            (S::Adjusted, E::RejectChange) => Ok(S::Proposed),
            (S::Accepted, E::MarkAchieved) => Ok(S::Achieved),
            (S::Accepted, E::CorrectToDecline) => Ok(S::Declined),
            (S::Declined, E::CorrectToAccept) => Ok(S::Accepted),
            (from, event) => Err(NotAllowed { from, event }),
        }
    }

    /// Waiting for someone to act (shown in inboxes).
    pub fn is_open(self) -> bool {
        matches!(self, GoalStatus::Proposed | GoalStatus::Adjusted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_word_round_trips() {
        for d in Department::ALL {
            assert_eq!(Department::parse(d.as_str()), Some(*d));
        }
        for s in GoalStatus::ALL {
            assert_eq!(GoalStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Department::parse("Job"), None);
    }

    #[test]
    fn a_proposal_can_be_accepted_adjusted_declined_or_withdrawn() {
        let p = GoalStatus::Proposed;
        assert_eq!(p.next(GoalEvent::Accept), Ok(GoalStatus::Accepted));
        assert_eq!(p.next(GoalEvent::SuggestChange), Ok(GoalStatus::Adjusted));
        assert_eq!(p.next(GoalEvent::Decline), Ok(GoalStatus::Declined));
        assert_eq!(p.next(GoalEvent::Withdraw), Ok(GoalStatus::Withdrawn));
    }

    #[test]
    fn the_citizen_decides_on_a_suggested_change() {
        let a = GoalStatus::Adjusted;
        assert_eq!(a.next(GoalEvent::AcceptChange), Ok(GoalStatus::Accepted));
        assert_eq!(a.next(GoalEvent::RejectChange), Ok(GoalStatus::Proposed));
        assert!(a.next(GoalEvent::Accept).is_err(), "the caseworker cannot accept for the citizen");
    }

    #[test]
    fn a_decided_goal_cannot_be_decided_again() {
        for s in [GoalStatus::Declined, GoalStatus::Withdrawn, GoalStatus::Achieved] {
            for e in [GoalEvent::Accept, GoalEvent::Decline, GoalEvent::Withdraw, GoalEvent::SuggestChange] {
                assert_eq!(s.next(e), Err(NotAllowed { from: s, event: e }));
            }
        }
        assert!(GoalStatus::Accepted.next(GoalEvent::Withdraw).is_err());
    }

    #[test]
    fn only_a_decided_goal_can_be_corrected_and_only_the_other_way() {
        assert_eq!(GoalStatus::Declined.next(GoalEvent::CorrectToAccept), Ok(GoalStatus::Accepted));
        assert_eq!(GoalStatus::Accepted.next(GoalEvent::CorrectToDecline), Ok(GoalStatus::Declined));
        assert!(GoalStatus::Declined.next(GoalEvent::CorrectToDecline).is_err());
        assert!(GoalStatus::Proposed.next(GoalEvent::CorrectToAccept).is_err(), "an open proposal is answered, not corrected");
        assert!(GoalStatus::Withdrawn.next(GoalEvent::CorrectToAccept).is_err());
    }
}
