//! What the contact settings page shows, and the topics a person chooses
//! among (each a few kinds of notification).

use serde::{Deserialize, Serialize};

use crate::features::notifications::notice::NotificationKind;
use crate::i18n::Texts;
use crate::ui::form::FormSpec;

/// What a person chooses to be told about by mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Topic {
    Messages,
    Answers,
    Plan,
    Meetups,
    /// A helper's access to one's case (or one's access to help someone)
    /// starts, ends soon, or ends.
    Helpers,
}

impl Topic {
    pub const ALL: [Topic; 5] = [Topic::Messages, Topic::Answers, Topic::Plan, Topic::Meetups, Topic::Helpers];

    /// The form field's name (a checkbox).
    pub fn field(self) -> &'static str {
        match self {
            Topic::Messages => "beskeder",
            Topic::Answers => "svar",
            Topic::Plan => "aftaler",
            Topic::Meetups => "moeder",
            Topic::Helpers => "hjaelpere",
        }
    }

    pub fn kinds(self) -> &'static [NotificationKind] {
        use NotificationKind::*;
        match self {
            Topic::Messages => &[MessageAnswered],
            Topic::Answers => &[GoalAnswered, SpendingAnswered, ComplaintAnswered],
            Topic::Plan => &[AppointmentBooked, AppointmentCancelled, ActivityAdded, ActivityChanged],
            Topic::Meetups => &[MeetupMovedUp, MeetupChanged, MeetupCancelled, MeetupAnnouncement],
            Topic::Helpers => &[HelperStarted, HelperEnded, HelperExpiring, HelpingStarted, HelpingEnded, HelpingExpiring],
        }
    }

    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            Topic::Messages => t.notices.topic_messages,
            Topic::Answers => t.notices.topic_answers,
            Topic::Plan => t.notices.topic_plan,
            Topic::Meetups => t.notices.topic_meetups,
            Topic::Helpers => t.notices.topic_helpers,
        }
    }
}

/// The contact settings of the person looking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    /// The confirmed address.
    pub email: Option<String>,
    /// An address waiting for its code, and the form to type the code in.
    pub pending: Option<(String, FormSpec)>,
    /// The form for a (new) address.
    pub email_form: FormSpec,
    /// Each topic, and whether it is wanted.
    pub topics: Vec<(Topic, bool)>,
    pub unsubscribed: bool,
    /// Why the newest notice to the address could not be sent.
    pub failure: Option<String>,
}

/// What the settings page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SettingsPage {
    NeedsLogin,
    /// A helper acting for someone: the settings are the citizen's own.
    OnlyHerself,
    Settings(Box<SettingsView>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_notification_is_in_exactly_one_topic() {
        for kind in NotificationKind::ALL {
            let n = Topic::ALL.iter().filter(|t| t.kinds().contains(&kind)).count();
            assert_eq!(n, 1, "{kind:?}");
        }
    }
}
