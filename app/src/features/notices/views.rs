//! What the contact settings page shows, and the topics a person chooses
//! among (each a few kinds of notification, or the reminders), by e-mail,
//! SMS, both or neither.

use serde::{Deserialize, Serialize};

use crate::features::notifications::notice::NotificationKind;
use crate::i18n::Texts;
use crate::ui::form::FormSpec;

/// What a person chooses to be told about by mail or SMS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Topic {
    Messages,
    Answers,
    Plan,
    Meetups,
    /// A helper's access to one's case (or one's access to help someone)
    /// starts, ends soon, or ends.
    Helpers,
    /// A reminder the day before an appointment or a meetup one is going to.
    Reminders,
}

/// What a reminder reminds of: the outbox row's kind (the day before its
/// start; `notices::store` writes and checks them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    /// An appointment in the citizen's plan.
    Appointment,
    /// A meetup the person is going to.
    Meetup,
}

impl Reminder {
    pub const ALL: [Reminder; 2] = [Reminder::Appointment, Reminder::Meetup];

    /// The outbox row's kind.
    pub fn kind(self) -> &'static str {
        match self {
            Reminder::Appointment => "appointment_reminder",
            Reminder::Meetup => "meetup_reminder",
        }
    }

    pub fn parse(kind: &str) -> Option<Reminder> {
        Reminder::ALL.into_iter().find(|r| r.kind() == kind)
    }
}

/// The two ways a person can be told outside the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub const ALL: [Channel; 2] = [Channel::Email, Channel::Sms];

    /// As stored in the outbox.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }
}

impl Topic {
    pub const ALL: [Topic; 6] = [Topic::Messages, Topic::Answers, Topic::Plan, Topic::Meetups, Topic::Helpers, Topic::Reminders];

    /// The form field's name of the topic's box for `channel` (a checkbox).
    pub fn field(self, channel: Channel) -> &'static str {
        match (self, channel) {
            (Topic::Messages, Channel::Email) => "beskeder",
            (Topic::Answers, Channel::Email) => "svar",
            (Topic::Plan, Channel::Email) => "aftaler",
            (Topic::Meetups, Channel::Email) => "moeder",
            (Topic::Helpers, Channel::Email) => "hjaelpere",
            (Topic::Reminders, Channel::Email) => "paamindelser",
            (Topic::Messages, Channel::Sms) => "beskeder_sms",
            (Topic::Answers, Channel::Sms) => "svar_sms",
            (Topic::Plan, Channel::Sms) => "aftaler_sms",
            (Topic::Meetups, Channel::Sms) => "moeder_sms",
            (Topic::Helpers, Channel::Sms) => "hjaelpere_sms",
            (Topic::Reminders, Channel::Sms) => "paamindelser_sms",
        }
    }

    /// The kinds of outbox row the topic covers, as stored.
    pub fn kinds(self) -> Vec<&'static str> {
        use NotificationKind::*;
        let notifications: &[NotificationKind] = match self {
            Topic::Messages => &[MessageAnswered],
            Topic::Answers => &[GoalAnswered, SpendingAnswered, ComplaintAnswered],
            Topic::Plan => &[AppointmentBooked, AppointmentCancelled, ActivityAdded, ActivityChanged, CaseworkerChanged],
            Topic::Meetups => &[MeetupMovedUp, MeetupChanged, MeetupCancelled, MeetupAnnouncement],
            Topic::Helpers => &[HelperStarted, HelperEnded, HelperExpiring, HelpingStarted, HelpingEnded, HelpingExpiring],
            // Not notifications: outbox rows of their own.
            Topic::Reminders => return Reminder::ALL.iter().map(|r| r.kind()).collect(),
        };
        notifications.iter().map(|k| k.as_str()).collect()
    }

    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            Topic::Messages => t.notices.topic_messages,
            Topic::Answers => t.notices.topic_answers,
            Topic::Plan => t.notices.topic_plan,
            Topic::Meetups => t.notices.topic_meetups,
            Topic::Helpers => t.notices.topic_helpers,
            Topic::Reminders => t.notices.topic_reminders,
        }
    }
}

/// The topics form as posted: one box per topic and channel, `Some` when
/// ticked (a box that is not ticked sends nothing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicBoxes {
    pub beskeder: Option<String>,
    pub svar: Option<String>,
    pub aftaler: Option<String>,
    pub moeder: Option<String>,
    pub hjaelpere: Option<String>,
    pub paamindelser: Option<String>,
    pub beskeder_sms: Option<String>,
    pub svar_sms: Option<String>,
    pub aftaler_sms: Option<String>,
    pub moeder_sms: Option<String>,
    pub hjaelpere_sms: Option<String>,
    pub paamindelser_sms: Option<String>,
}

impl TopicBoxes {
    /// The topics and channels ticked.
    pub fn ticked(&self) -> Vec<(Topic, Channel)> {
        use Channel::{Email, Sms};
        let boxes = [
            ((Topic::Messages, Email), &self.beskeder),
            ((Topic::Answers, Email), &self.svar),
            ((Topic::Plan, Email), &self.aftaler),
            ((Topic::Meetups, Email), &self.moeder),
            ((Topic::Helpers, Email), &self.hjaelpere),
            ((Topic::Reminders, Email), &self.paamindelser),
            ((Topic::Messages, Sms), &self.beskeder_sms),
            ((Topic::Answers, Sms), &self.svar_sms),
            ((Topic::Plan, Sms), &self.aftaler_sms),
            ((Topic::Meetups, Sms), &self.moeder_sms),
            ((Topic::Helpers, Sms), &self.hjaelpere_sms),
            ((Topic::Reminders, Sms), &self.paamindelser_sms),
        ];
        boxes.into_iter().filter(|(_, ticked)| ticked.is_some()).map(|(choice, _)| choice).collect()
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
    /// The confirmed mobile number, as people read it.
    pub phone: Option<String>,
    /// A number waiting for its code, and the form to type the code in.
    pub pending_phone: Option<(String, FormSpec)>,
    /// The form for a (new) number.
    pub phone_form: FormSpec,
    /// Each topic, and whether it is wanted by e-mail and by SMS.
    pub topics: Vec<(Topic, bool, bool)>,
    pub unsubscribed: bool,
    /// Why the newest notice to the address could not be sent.
    pub failure: Option<String>,
    /// Why the newest SMS to the number could not be sent.
    pub sms_failure: Option<String>,
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
    fn every_kind_of_notification_and_reminder_is_in_exactly_one_topic() {
        let kinds = NotificationKind::ALL.iter().map(|k| k.as_str()).chain(Reminder::ALL.iter().map(|r| r.kind()));
        for kind in kinds {
            let n = Topic::ALL.iter().filter(|t| t.kinds().contains(&kind)).count();
            assert_eq!(n, 1, "{kind:?}");
        }
        let fields: std::collections::HashSet<&str> = Topic::ALL.iter().flat_map(|t| Channel::ALL.iter().map(|c| t.field(*c))).collect();
        assert_eq!(fields.len(), Topic::ALL.len() * 2, "one box per topic and channel");
        // Each box's name is a field of the posted form, and means its own topic and channel.
        for topic in Topic::ALL {
            for channel in Channel::ALL {
                let posted: TopicBoxes = serde_json::from_value(serde_json::json!({ topic.field(channel): "ja" })).unwrap();
                assert_eq!(posted.ticked(), vec![(topic, channel)], "{}", topic.field(channel));
            }
        }
    }
}
