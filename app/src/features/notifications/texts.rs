//! This feature's strings, in Danish and English: [`NotificationTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.notifications.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// Notification's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct NotificationTexts {
    pub notifications_title: &'static str,
    pub notifications_body: &'static str,
    pub notifications_empty: &'static str,
    pub notification_new: &'static str,
    pub notification_open: &'static str,
}

pub static DA: NotificationTexts = NotificationTexts {
    notifications_title: "Beskeder",
    notifications_body: "Her får du besked, når der sker noget nyt: et svar fra din sagsbehandler, et møde der ændres. Selve samtalen med din sagsbehandler finder du under «Skriv til din sagsbehandler».",
    notifications_empty: "Du har ingen beskeder endnu. Når din sagsbehandler svarer dig, får du besked her.",
    notification_new: "Ny",
    notification_open: "Se det",
};

pub static EN: NotificationTexts = NotificationTexts {
    notifications_title: "Messages",
    notifications_body: "Here you are told when something new happens: an answer from your caseworker, a meetup that changes. The conversation with your caseworker itself is under “Write to your caseworker”.",
    notifications_empty: "You have no messages yet. When your caseworker answers you, you are told here.",
    notification_new: "New",
    notification_open: "See it",
};
