//! This feature's strings, in Danish and English: [`AccessLogTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.access_log.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// AccessLog's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct AccessLogTexts {
    pub access_title: &'static str,
    pub access_body: &'static str,
    pub access_empty: &'static str,
}

pub static DA: AccessLogTexts = AccessLogTexts {
    access_title: "Hvem har set mine oplysninger",
    access_body: "Her kan du se, hver gang en medarbejder har åbnet dine oplysninger i Én Plan: hvem, hvornår, i hvilken rolle og hvorfor.",
    access_empty: "Ingen medarbejdere har åbnet dine oplysninger endnu.",
};

pub static EN: AccessLogTexts = AccessLogTexts {
    access_title: "Who has seen my information",
    access_body: "Here you can see every time a member of staff opened your information in Én Plan: who, when, in which role and why.",
    access_empty: "No member of staff has opened your information yet.",
};
