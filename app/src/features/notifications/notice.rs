//! What a notification is about, as a type: services name the kind, the
//! store writes it with the change it belongs to (in the same transaction),
//! and the texts name every kind (compiled for the browser too, so the
//! catalogue can match on it).

use crate::routes;

/// What a notification is about. Stored as its word in `notification.kind`;
/// the words never change, so old notifications keep their meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotificationKind {
    /// The caseworker answered the citizen's goal proposal.
    GoalAnswered,
    /// The caseworker answered a spending request.
    SpendingAnswered,
    /// A place on a meetup came free and went to the person first in line.
    MeetupMovedUp,
    /// A meetup one is signed up or waiting for changed time, place or text.
    MeetupChanged,
    /// A meetup one is signed up or waiting for was cancelled.
    MeetupCancelled,
    /// A meetup's host sent a message to everyone signed up or waiting.
    MeetupAnnouncement,
    /// The caseworker (or stand-in) answered in the citizen's conversation.
    MessageAnswered,
    /// The caseworker booked a meeting with the citizen.
    AppointmentBooked,
    /// The caseworker cancelled a meeting with the citizen.
    AppointmentCancelled,
    /// The caseworker added an activity to the citizen's plan.
    ActivityAdded,
    /// The caseworker changed an activity of the citizen's plan.
    ActivityChanged,
    /// The municipality answered the citizen's complaint about a decision.
    ComplaintAnswered,
    /// A helper the citizen invited (or the caseworker registered) can now act for them.
    HelperStarted,
    /// A helper's access to the citizen ended (withdrawn, or its end date came).
    HelperEnded,
    /// A helper's access to the citizen ends in 14 days.
    HelperExpiring,
    /// The helper can now act for a citizen.
    HelpingStarted,
    /// The helper's access to a citizen ended.
    HelpingEnded,
    /// The helper's access to a citizen ends in 14 days.
    HelpingExpiring,
    /// The citizen was handed to a new caseworker (the object: the handover).
    CaseworkerChanged,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 19] = [
        NotificationKind::GoalAnswered,
        NotificationKind::SpendingAnswered,
        NotificationKind::MeetupMovedUp,
        NotificationKind::MeetupChanged,
        NotificationKind::MeetupCancelled,
        NotificationKind::MeetupAnnouncement,
        NotificationKind::MessageAnswered,
        NotificationKind::AppointmentBooked,
        NotificationKind::AppointmentCancelled,
        NotificationKind::ActivityAdded,
        NotificationKind::ActivityChanged,
        NotificationKind::ComplaintAnswered,
        NotificationKind::HelperStarted,
        NotificationKind::HelperEnded,
        NotificationKind::HelperExpiring,
        NotificationKind::HelpingStarted,
        NotificationKind::HelpingEnded,
        NotificationKind::HelpingExpiring,
        NotificationKind::CaseworkerChanged,
    ];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::GoalAnswered => "goal_answered",
            NotificationKind::SpendingAnswered => "spending_answered",
            NotificationKind::MeetupMovedUp => "meetup_moved_up",
            NotificationKind::MeetupChanged => "meetup_changed",
            NotificationKind::MeetupCancelled => "meetup_cancelled",
            NotificationKind::MeetupAnnouncement => "meetup_announcement",
            NotificationKind::MessageAnswered => "message_answered",
            NotificationKind::AppointmentBooked => "appointment_booked",
            NotificationKind::AppointmentCancelled => "appointment_cancelled",
            NotificationKind::ActivityAdded => "activity_added",
            NotificationKind::ActivityChanged => "activity_changed",
            NotificationKind::ComplaintAnswered => "complaint_answered",
            NotificationKind::HelperStarted => "helper_started",
            NotificationKind::HelperEnded => "helper_ended",
            NotificationKind::HelperExpiring => "helper_expiring",
            NotificationKind::HelpingStarted => "helping_started",
            NotificationKind::HelpingEnded => "helping_ended",
            NotificationKind::HelpingExpiring => "helping_expiring",
            NotificationKind::CaseworkerChanged => "caseworker_changed",
        }
    }

    /// A stored word; `None` for one this version does not know.
    pub fn parse(stored: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.as_str() == stored)
    }
}

/// A notification to write with a change: what it is about (its kind and
/// the id of its object: a goal, a spending request, a meetup).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NotificationKind,
    pub object: i64,
}

impl Notice {
    pub fn new(kind: NotificationKind, object: i64) -> Notice {
        Notice { kind, object }
    }

    /// Where it leads, built from today's routes (never stored for reading:
    /// a renamed route does not break old notifications).
    pub fn link(self) -> String {
        match self.kind {
            NotificationKind::GoalAnswered => routes::plan_goal(self.object),
            NotificationKind::SpendingAnswered => routes::spending_request(self.object),
            NotificationKind::MeetupMovedUp | NotificationKind::MeetupChanged | NotificationKind::MeetupCancelled => {
                routes::meetup(self.object)
            }
            NotificationKind::MeetupAnnouncement => routes::meetup_messages(self.object),
            NotificationKind::MessageAnswered => routes::conversation_message(self.object),
            // A cancelled meeting is no longer on the plan: the list of meetings is.
            NotificationKind::AppointmentBooked | NotificationKind::AppointmentCancelled => format!("{}#aftaler", routes::PLAN),
            NotificationKind::ActivityAdded | NotificationKind::ActivityChanged => format!("{}#aktiviteter", routes::PLAN),
            // The object is the decision complained about.
            NotificationKind::ComplaintAnswered => routes::decision(self.object),
            // Both the citizen and the helper see it on the one page of helpers.
            NotificationKind::HelperStarted
            | NotificationKind::HelperEnded
            | NotificationKind::HelperExpiring
            | NotificationKind::HelpingStarted
            | NotificationKind::HelpingEnded
            | NotificationKind::HelpingExpiring => routes::HELPERS.to_string(),
            // The page names the new caseworker and shows the message.
            NotificationKind::CaseworkerChanged => format!("{}#skiftet", routes::CASEWORKER),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Notice, NotificationKind};

    #[test]
    fn every_kind_keeps_its_stored_word() {
        for k in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(NotificationKind::GoalAnswered.as_str(), "goal_answered");
        assert_eq!(NotificationKind::MeetupAnnouncement.as_str(), "meetup_announcement");
        assert_eq!(NotificationKind::parse("something_old"), None);
    }

    #[test]
    fn a_notice_links_to_its_object_by_todays_routes() {
        assert_eq!(Notice::new(NotificationKind::GoalAnswered, 12).link(), "/min-plan#maal-12");
        assert_eq!(Notice::new(NotificationKind::SpendingAnswered, 7).link(), "/budget#anmodning-7");
        assert_eq!(Notice::new(NotificationKind::MeetupCancelled, 5).link(), "/netvaerk/moede/5");
        assert_eq!(Notice::new(NotificationKind::MeetupAnnouncement, 5).link(), "/netvaerk/moede/5#beskeder");
        assert_eq!(Notice::new(NotificationKind::MessageAnswered, 9).link(), "/samtale#besked-9");
    }
}
