//! What a notification is about, as a type: services name the kind, the
//! store writes it with the change it belongs to (in the same transaction).

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
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 6] = [
        NotificationKind::GoalAnswered,
        NotificationKind::SpendingAnswered,
        NotificationKind::MeetupMovedUp,
        NotificationKind::MeetupChanged,
        NotificationKind::MeetupCancelled,
        NotificationKind::MeetupAnnouncement,
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
        }
    }

    /// A stored word; `None` for one this version does not know.
    pub fn parse(stored: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.as_str() == stored)
    }
}

/// A notification to write with a change: what it is about and where it leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NotificationKind,
    pub link: String,
}

impl Notice {
    pub fn new(kind: NotificationKind, link: String) -> Notice {
        Notice { kind, link }
    }
}

#[cfg(test)]
mod tests {
    use super::NotificationKind;

    #[test]
    fn every_kind_keeps_its_stored_word() {
        for k in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(NotificationKind::GoalAnswered.as_str(), "goal_answered");
        assert_eq!(NotificationKind::MeetupAnnouncement.as_str(), "meetup_announcement");
        assert_eq!(NotificationKind::parse("something_old"), None);
    }
}
