//! This feature's strings, in Danish and English ([`DA`], [`EN`]); pages
//! reach them as `t.settings.…`.

#[cfg(test)]
use serde::Serialize;

/// The settings' strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct SettingsTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub link: &'static str,
    pub needs_login: &'static str,
    pub submit: &'static str,
    pub done: &'static str,
    /// Each field's label and hint, by the form's field name.
    pub fields: &'static [(&'static str, &'static str, &'static str)],
}

impl SettingsTexts {
    /// A field's label and hint.
    pub fn field(&self, name: &str) -> (&'static str, &'static str) {
        self.fields.iter().find(|(n, _, _)| *n == name).map(|(_, l, h)| (*l, *h)).unwrap_or(("", ""))
    }

    /// What the admin audit log calls a change of the setting `key`.
    pub fn action(&self, key: &str) -> Option<&'static str> {
        let field = crate::features::settings::forms::SETTINGS.iter().find(|s| s.key == key)?.field;
        Some(self.field(field).0)
    }
}

pub static DA: SettingsTexts = SettingsTexts {
    title: "Indstillinger",
    intro: "Kommunens indstillinger for Én Plan. Alt, hvad du ændrer her, skrives i administrationsloggen med den gamle og den nye værdi.",
    link: "Indstillinger",
    needs_login: "Log ind for at se kommunens indstillinger.",
    submit: "Gem indstillingerne",
    done: "Indstillingerne er gemt.",
    fields: &[
        ("budget_cap", "Loft for et personligt budget (kr.)", "Det højeste beløb, et personligt budget kan have i alt."),
        ("requests_per_hour", "Anmodninger om penge pr. time", "Hvor mange nye anmodninger én borger kan sende på en time."),
        ("messages_per_hour", "Beskeder til sagsbehandleren pr. time", "Hvor mange beskeder én borger kan sende på en time."),
        ("goals_per_hour", "Forslag til mål pr. time", "Hvor mange mål én person kan foreslå på en time."),
        ("groups_per_hour", "Nye netværksgrupper pr. time", "Hvor mange grupper én person kan oprette på en time."),
        ("meetups_per_hour", "Nye møder pr. time", "Hvor mange møder én vært kan oprette på en time."),
        ("announcements_per_hour", "Opslag i grupper pr. time", "Hvor mange opslag én vært kan skrive på en time."),
        (
            "caseload_soft",
            "Borgere pr. sagsbehandler: advarsel",
            "Over dette tal ser man en advarsel ved overdragelse og på listen over borgere.",
        ),
        ("caseload_hard", "Borgere pr. sagsbehandler: højst", "En overdragelse, der ville give flere, bliver afvist."),
        (
            "notice_grace",
            "Ventetid før besked på mail og sms (sekunder)",
            "Så når borgeren at se det i Én Plan først. 900 sekunder er 15 minutter.",
        ),
        (
            "notice_throttle",
            "Mindste tid mellem to mails eller sms'er til én person (sekunder)",
            "Flere nyheder i den tid samles i én besked. 10800 sekunder er 3 timer.",
        ),
        ("appeal_da", "Klagevejledning (dansk)", "Gives med hver ny afgørelse. Gamle afgørelser beholder den tekst, de fik."),
        ("appeal_en", "Klagevejledning (engelsk)", "Vises for engelske læsere af den danske tekst ovenfor."),
        ("name", "Kommunens navn", "Vises nederst på hver side og i privatlivserklæringen."),
        ("address", "Adresse", "På én linje."),
        ("phone", "Telefon", "Kommunens hovednummer."),
        ("dpo", "Databeskyttelsesrådgiver", "Hvordan man kontakter rådgiveren (mail eller telefon)."),
    ],
};

pub static EN: SettingsTexts = SettingsTexts {
    title: "Settings",
    intro: "The municipality's settings for Én Plan. Everything you change here is written in the administration log with the old and the new value.",
    link: "Settings",
    needs_login: "Log in to see the municipality's settings.",
    submit: "Save the settings",
    done: "The settings have been saved.",
    fields: &[
        ("budget_cap", "Cap on a personal budget (DKK)", "The most a personal budget can hold in all."),
        ("requests_per_hour", "Requests for money per hour", "How many new requests one citizen can send in an hour."),
        ("messages_per_hour", "Messages to the caseworker per hour", "How many messages one citizen can send in an hour."),
        ("goals_per_hour", "Goal proposals per hour", "How many goals one person can propose in an hour."),
        ("groups_per_hour", "New network groups per hour", "How many groups one person can start in an hour."),
        ("meetups_per_hour", "New meetups per hour", "How many meetups one host can create in an hour."),
        ("announcements_per_hour", "Group announcements per hour", "How many announcements one host can write in an hour."),
        ("caseload_soft", "Citizens per caseworker: warning", "Above this, a warning shows on handovers and on the list of citizens."),
        ("caseload_hard", "Citizens per caseworker: at most", "A handover that would give more is refused."),
        ("notice_grace", "Wait before a notice by e-mail and SMS (seconds)", "So the citizen can see it in Én Plan first. 900 seconds is 15 minutes."),
        ("notice_throttle", "Least time between two e-mails or texts to one person (seconds)", "More news in that time goes in one notice. 10800 seconds is 3 hours."),
        ("appeal_da", "Appeal guidance (Danish)", "Given with every new decision. Old decisions keep the text they were given."),
        ("appeal_en", "Appeal guidance (English)", "Shown to English readers of the Danish text above."),
        ("name", "The municipality's name", "Shown at the bottom of every page and in the privacy notice."),
        ("address", "Address", "On one line."),
        ("phone", "Phone", "The municipality's main number."),
        ("dpo", "Data protection officer", "How to reach the officer (e-mail or phone)."),
    ],
};
