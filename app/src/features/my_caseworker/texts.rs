//! This feature's strings, in Danish and English: [`MyCaseworkerTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.my_caseworker.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// MyCaseworker's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct MyCaseworkerTexts {
    pub cw_none: &'static str,
    pub cw_phone: &'static str,
    pub cw_email: &'static str,
    pub cw_reach: &'static str,
    pub cw_office: &'static str,
    pub cw_outreach_heading: &'static str,
    pub cw_standin_heading: &'static str,
    pub cw_count_one: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub cw_count_many: fn(i64) -> String,
    pub caseworker_title: &'static str,
    pub caseworker_body: &'static str,
}

pub static DA: MyCaseworkerTexts = MyCaseworkerTexts {
    cw_none: "Du har ikke fået en fast sagsbehandler endnu. Kommunen giver dig besked, når du får en.",
    cw_phone: "Telefon",
    cw_email: "E-mail",
    cw_reach: "Sådan når du mig",
    cw_office: "Kontor",
    cw_outreach_heading: "Her kan du møde mig uden for kontoret",
    cw_standin_heading: "Når din sagsbehandler er væk",
    cw_count_one: "Du har haft én sagsbehandler det seneste år.",
    cw_count_many: |n| format!("Du har haft {n} forskellige sagsbehandlere det seneste år."),
    caseworker_title: "Min sagsbehandler",
    caseworker_body: "Her ser du, hvem din faste sagsbehandler er, hvordan du når hende eller ham, og hvor I kan mødes.",
};

pub static EN: MyCaseworkerTexts = MyCaseworkerTexts {
    cw_none: "You do not have a caseworker of your own yet. The municipality will tell you when you get one.",
    cw_phone: "Phone",
    cw_email: "Email",
    cw_reach: "How to reach me",
    cw_office: "Office",
    cw_outreach_heading: "Where you can meet me outside the office",
    cw_standin_heading: "When your caseworker is away",
    cw_count_one: "You have had one caseworker in the last year.",
    cw_count_many: |n| format!("You have had {n} different caseworkers in the last year."),
    caseworker_title: "My caseworker",
    caseworker_body: "Here you see who your caseworker is, how to reach them, and where you can meet.",
};
