//! This feature's strings, in Danish and English ([`DA`], [`EN`]); pages
//! reach them as `t.my_data.…`.

#[cfg(test)]
use serde::Serialize;

/// The data export's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct MyDataTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub needs_login: &'static str,
    pub download: &'static str,
    pub download_hint: &'static str,
    pub kinds_heading: &'static str,
    /// "3 oplysninger" and the like.
    #[cfg_attr(test, serde(skip))]
    pub count: fn(usize) -> String,
    pub link_from_plan: &'static str,
    /// Each section of the export in plain words, by its key.
    pub sections: &'static [(&'static str, &'static str)],
}

impl MyDataTexts {
    /// A section's name in plain words (its key, if it has none yet).
    pub fn section<'a>(&self, key: &'a str) -> &'a str {
        self.sections.iter().find(|(k, _)| *k == key).map_or(key, |(_, name)| name)
    }
}

pub static DA: MyDataTexts = MyDataTexts {
    title: "Alt hvad kommunen har registreret om dig",
    intro: "Du har ret til at se alt, hvad kommunen har registreret om dig i Én Plan. Her er det samlet. Du kan hente det hele som en fil og gemme den eller give den til en, du stoler på.",
    needs_login: "Log ind for at se, hvad kommunen har registreret om dig.",
    download: "Hent alt som fil (JSON)",
    download_hint: "Filen kan åbnes i et regneark eller et program, der læser JSON. Den indeholder dit CPR-nummer, så pas godt på den.",
    kinds_heading: "Det er registreret",
    count: |n| if n == 1 { "1 oplysning".into() } else { format!("{n} oplysninger") },
    link_from_plan: "Se alt, hvad kommunen har registreret om dig",
    sections: &[
        ("person", "Dig: navn, CPR-nummer og det navn, du har valgt"),
        ("contact_settings", "Din e-mail og hvad du vil have besked om"),
        ("roles", "Dine roller (medarbejder, vært)"),
        ("caseworkers", "Dine sagsbehandlere gennem tiden"),
        ("plan", "Din plan"),
        ("plan_history", "Planens historik"),
        ("goals", "Dine mål"),
        ("activities", "Indsatser"),
        ("appointments", "Aftaler"),
        ("meeting_notes", "Notater fra møder"),
        ("decisions", "Afgørelser"),
        ("budgets", "Budgetter"),
        ("budget_entries", "Budgettets posteringer"),
        ("spending_requests", "Ønsker om penge"),
        ("conversation", "Samtalen med din sagsbehandler"),
        ("messages", "Beskeder"),
        ("attachments", "Vedhæftede filer"),
        ("notifications", "Besked om nyt i portalen"),
        ("notices_by_mail", "Mails om nyt"),
        ("network_groups", "Netværksgrupper"),
        ("group_memberships", "Grupper du er med i"),
        ("groups_hosted", "Grupper du er vært for"),
        ("meetups", "Møder"),
        ("meetup_signups", "Dine tilmeldinger til møder"),
        ("meetup_messages", "Beskeder fra mødernes værter"),
        ("access_log", "Hvem har set dine oplysninger"),
        ("staff_profile", "Din profil som medarbejder"),
        ("outreach_hours", "Dine træffetider som medarbejder"),
    ],
};

pub static EN: MyDataTexts = MyDataTexts {
    title: "Everything the municipality has recorded about you",
    intro: "You have a right to see everything the municipality has recorded about you in Én Plan. Here it is in one place. You can download all of it as a file and keep it or give it to someone you trust.",
    needs_login: "Log in to see what the municipality has recorded about you.",
    download: "Download everything as a file (JSON)",
    download_hint: "The file opens in a spreadsheet or any program that reads JSON. It contains your CPR number, so keep it safe.",
    kinds_heading: "What is recorded",
    count: |n| if n == 1 { "1 record".into() } else { format!("{n} records") },
    link_from_plan: "See everything the municipality has recorded about you",
    sections: &[
        ("person", "You: name, CPR number and the name you chose"),
        ("contact_settings", "Your e-mail and what you want to be told about"),
        ("roles", "Your roles (staff, host)"),
        ("caseworkers", "Your caseworkers over time"),
        ("plan", "Your plan"),
        ("plan_history", "The plan's history"),
        ("goals", "Your goals"),
        ("activities", "Activities"),
        ("appointments", "Appointments"),
        ("meeting_notes", "Notes from meetings"),
        ("decisions", "Decisions"),
        ("budgets", "Budgets"),
        ("budget_entries", "The budget's entries"),
        ("spending_requests", "Requests for money"),
        ("conversation", "The conversation with your caseworker"),
        ("messages", "Messages"),
        ("attachments", "Attached files"),
        ("notifications", "Notifications in the portal"),
        ("notices_by_mail", "Mails about news"),
        ("network_groups", "Network groups"),
        ("group_memberships", "Groups you are in"),
        ("groups_hosted", "Groups you host"),
        ("meetups", "Meetups"),
        ("meetup_signups", "Your meetup sign-ups"),
        ("meetup_messages", "Messages from the meetups' hosts"),
        ("access_log", "Who has seen your data"),
        ("staff_profile", "Your staff profile"),
        ("outreach_hours", "Your hours as staff"),
    ],
};
