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
    /// In which capacity they opened it.
    pub as_caseworker: &'static str,
    pub as_standin: &'static str,
    pub as_citizen: &'static str,
    pub as_bisidder: &'static str,
    pub as_fuldmaegtig: &'static str,
    pub as_admin: &'static str,
}

impl AccessLogTexts {
    /// What they were to the citizen when they opened the data.
    pub fn capacity(&self, c: crate::features::access_log::capacity::Capacity) -> &'static str {
        use crate::features::access_log::capacity::Capacity as C;
        match c {
            C::Caseworker => self.as_caseworker,
            C::Standin => self.as_standin,
            C::Citizen => self.as_citizen,
            C::Bisidder => self.as_bisidder,
            C::Fuldmaegtig => self.as_fuldmaegtig,
            C::Admin => self.as_admin,
        }
    }
}

pub static DA: AccessLogTexts = AccessLogTexts {
    access_title: "Hvem har set mine oplysninger",
    access_body: "Her kan du se, hver gang en medarbejder eller en hjælper, du har valgt, har åbnet dine oplysninger i Én Plan: hvem, hvornår, i hvilken rolle, og hvorfor.",
    access_empty: "Ingen medarbejdere har åbnet dine oplysninger endnu.",
    as_caseworker: "din sagsbehandler",
    as_standin: "stedfortræder for din sagsbehandler",
    as_citizen: "dig selv",
    as_bisidder: "din bisidder",
    as_fuldmaegtig: "din fuldmægtig",
    as_admin: "administrator i kommunen",
};

pub static EN: AccessLogTexts = AccessLogTexts {
    access_title: "Who has seen my information",
    access_body: "Here you can see every time a member of staff, or a helper you chose, opened your information in Én Plan: who, when, in which role, and why.",
    access_empty: "No member of staff has opened your information yet.",
    as_caseworker: "your caseworker",
    as_standin: "stand-in for your caseworker",
    as_citizen: "yourself",
    as_bisidder: "your bisidder",
    as_fuldmaegtig: "your fuldmægtig",
    as_admin: "administrator at the municipality",
};
