//! This feature's strings, in Danish and English ([`DA`], [`EN`]); pages
//! reach them as `t.handover.…`.

#[cfg(test)]
use serde::Serialize;

/// The handover's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct HandoverTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub current: &'static str,
    pub current_none: &'static str,
    pub to_label: &'static str,
    pub to_hint: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub colleague: fn(&str, i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub over_soft: fn(i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub full: fn(i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub limits: fn(i64, i64) -> String,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    pub message_label: &'static str,
    pub message_hint: &'static str,
    pub submit: &'static str,
    pub link: &'static str,
    pub not_allowed: &'static str,
    pub done: &'static str,
    pub taken: &'static str,
    pub no_colleagues: &'static str,
    /// The citizen's notification.
    pub notification: &'static str,
    /// "Min sagsbehandler": the latest change.
    pub changed_heading: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub changed_to: fn(&str, &str) -> String,
    pub changed_message: &'static str,
    /// The new caseworker's inbox.
    pub new_heading: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub new_from: fn(Option<&str>, &str) -> String,
    pub new_note: &'static str,
    pub new_open: &'static str,
    pub history: &'static str,
    /// Why staff saw the citizen's data (the access log).
    pub purpose: &'static str,
    /// The soft limit reached, on the caseload page.
    #[cfg_attr(test, serde(skip))]
    pub caseload_warning: fn(i64, i64) -> String,
}

pub static DA: HandoverTexts = HandoverTexts {
    title: "Overdrag borgeren til en kollega",
    intro: "Borgeren får en ny sagsbehandler med det samme. Den nye sagsbehandler får din note og en opgave i sin indbakke, og borgeren får din besked. Den gamle sagsbehandler kan ikke længere åbne borgerens plan.",
    current: "Sagsbehandler nu",
    current_none: "Borgeren har ingen sagsbehandler lige nu.",
    to_label: "Ny sagsbehandler",
    to_hint: "Tallet er hvor mange borgere kollegaen er sagsbehandler for nu.",
    colleague: |name, n| if n == 1 { format!("{name} – 1 borger") } else { format!("{name} – {n} borgere") },
    over_soft: |soft| format!("over de {soft}, en sagsbehandler bør have"),
    full: |hard| format!("fuld: {hard} er grænsen"),
    limits: |soft, hard| format!("En sagsbehandler bør højst have {soft} borgere og kan højst have {hard}."),
    note_label: "Note til den nye sagsbehandler",
    note_hint: "Kun medarbejdere ser den. Hvad er vigtigt at vide, og hvad er aftalt?",
    message_label: "Besked til borgeren",
    message_hint: "Borgeren ser beskeden i Én Plan. Skriv kort og venligt, hvorfor der kommer en ny, og hvad der sker nu.",
    submit: "Overdrag borgeren",
    link: "Overdrag borgeren til en kollega",
    not_allowed: "Kun borgerens sagsbehandler og kommunens administratorer kan overdrage en borger.",
    done: "Borgeren er overdraget. Den nye sagsbehandler har fået din note, og borgeren har fået din besked.",
    taken: "En anden har lige overdraget borgeren. Se, hvem der er sagsbehandler nu, før du prøver igen.",
    no_colleagues: "Der er ingen andre sagsbehandlere at overdrage til.",
    notification: "Du har fået en ny sagsbehandler. Se hvem, og læs beskeden.",
    changed_heading: "Du har fået en ny sagsbehandler",
    changed_to: |name, when| format!("{name} er din sagsbehandler fra {when}."),
    changed_message: "Besked om skiftet",
    new_heading: "Nye borgere",
    new_from: |from, when| match from {
        Some(from) => format!("Overdraget fra {from} {when}"),
        None => format!("Overdraget til dig {when}"),
    },
    new_note: "Note",
    new_open: "Åbn borgerens plan",
    history: "Ny sagsbehandler",
    purpose: "Åbnede siden, hvor du kan få en ny sagsbehandler",
    caseload_warning: |n, soft| format!("Du er sagsbehandler for {n} borgere. Det er flere end de {soft}, en sagsbehandler bør have. Tal med din leder."),
};

pub static EN: HandoverTexts = HandoverTexts {
    title: "Hand the citizen to a colleague",
    intro: "The citizen gets a new caseworker at once. The new caseworker gets your note and a task in their inbox, and the citizen gets your message. The old caseworker can no longer open the citizen's plan.",
    current: "Caseworker now",
    current_none: "The citizen has no caseworker right now.",
    to_label: "New caseworker",
    to_hint: "The number is how many citizens the colleague is caseworker for now.",
    colleague: |name, n| if n == 1 { format!("{name} – 1 citizen") } else { format!("{name} – {n} citizens") },
    over_soft: |soft| format!("over the {soft} a caseworker should have"),
    full: |hard| format!("full: {hard} is the limit"),
    limits: |soft, hard| format!("A caseworker should have at most {soft} citizens and can have at most {hard}."),
    note_label: "Note to the new caseworker",
    note_hint: "Only staff see it. What is important to know, and what has been agreed?",
    message_label: "Message to the citizen",
    message_hint: "The citizen sees the message in Én Plan. Write briefly and kindly why there is a new one and what happens now.",
    submit: "Hand over the citizen",
    link: "Hand the citizen to a colleague",
    not_allowed: "Only the citizen's caseworker and the municipality's administrators can hand a citizen over.",
    done: "The citizen has been handed over. The new caseworker has your note, and the citizen has your message.",
    taken: "Someone else has just handed the citizen over. See who the caseworker is now before you try again.",
    no_colleagues: "There are no other caseworkers to hand over to.",
    notification: "You have a new caseworker. See who, and read the message.",
    changed_heading: "You have a new caseworker",
    changed_to: |name, when| format!("{name} is your caseworker from {when}."),
    changed_message: "Message about the change",
    new_heading: "New citizens",
    new_from: |from, when| match from {
        Some(from) => format!("Handed over from {from} {when}"),
        None => format!("Handed to you {when}"),
    },
    new_note: "Note",
    new_open: "Open the citizen's plan",
    history: "New caseworker",
    purpose: "Opened the page where you can be given a new caseworker",
    caseload_warning: |n, soft| format!("You are caseworker for {n} citizens. That is more than the {soft} a caseworker should have. Talk to your manager."),
};
