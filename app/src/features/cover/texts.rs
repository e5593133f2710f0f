//! This feature's strings, in Danish and English ([`DA`], [`EN`]); pages
//! reach them as `t.cover.…`.

#[cfg(test)]
use serde::Serialize;

/// The cover's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct CoverTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub primary: &'static str,
    pub primary_none: &'static str,
    pub now_heading: &'static str,
    pub coming_heading: &'static str,
    pub none: &'static str,
    pub end: &'static str,
    pub form_heading: &'static str,
    pub standin_label: &'static str,
    pub standin_hint: &'static str,
    pub first_label: &'static str,
    pub first_hint: &'static str,
    pub last_label: &'static str,
    pub last_hint: &'static str,
    pub submit: &'static str,
    /// The link from the citizen's plan and from administration.
    pub link: &'static str,
    pub not_allowed: &'static str,
    pub done: &'static str,
    pub ended: &'static str,
    pub no_colleagues: &'static str,
    /// "fra 3. december 2026 til og med 14. december 2026".
    #[cfg_attr(test, serde(skip))]
    pub days: fn(&str, &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub days_open: fn(&str) -> String,
    /// "Min sagsbehandler": until when the stand-in covers now.
    #[cfg_attr(test, serde(skip))]
    pub until: fn(&str) -> String,
    pub until_further: &'static str,
    /// "Min sagsbehandler": a cover to begin.
    #[cfg_attr(test, serde(skip))]
    pub coming: fn(&str, &str) -> String,
    /// Why staff saw the citizen's data (the access log).
    pub purpose: &'static str,
    /// The admin audit log's action words.
    pub action_set: &'static str,
    pub action_ended: &'static str,
}

pub static DA: CoverTexts = CoverTexts {
    title: "Stedfortræder for sagsbehandleren",
    intro: "En stedfortræder kan se og arbejde med borgerens plan, men kun i de dage, du vælger. Før og efter ser stedfortræderen ikke borgeren.",
    primary: "Sagsbehandler",
    primary_none: "Borgeren har ingen sagsbehandler lige nu.",
    now_heading: "Stedfortræder nu",
    coming_heading: "Kommende stedfortræder",
    none: "Ingen stedfortræder lige nu.",
    end: "Afslut dækningen nu",
    form_heading: "Vælg en stedfortræder",
    standin_label: "Stedfortræder",
    standin_hint: "Tallet er hvor mange borgere kollegaen er sagsbehandler for nu.",
    first_label: "Første dag",
    first_hint: "I dag eller senere.",
    last_label: "Sidste dag (kan være tom)",
    last_hint: "Lad feltet være tomt, hvis stedfortræderen skal dække indtil videre.",
    submit: "Gem stedfortræderen",
    link: "Stedfortræder",
    not_allowed: "Kun borgerens sagsbehandler og kommunens administratorer kan vælge en stedfortræder.",
    done: "Stedfortræderen er gemt.",
    ended: "Dækningen er afsluttet. Stedfortræderen kan ikke længere se borgeren.",
    no_colleagues: "Der er ingen andre sagsbehandlere, der kan være stedfortræder.",
    days: |from, last| format!("fra {from} til og med {last}"),
    days_open: |from| format!("fra {from}, indtil videre"),
    until: |last| format!("Dækker til og med {last}."),
    until_further: "Dækker indtil videre.",
    coming: |name, days| format!("{name} er stedfortræder {days}."),
    purpose: "Åbnede siden, hvor din sagsbehandler får en stedfortræder",
    action_set: "Stedfortræder valgt",
    action_ended: "Stedfortræder afsluttet",
};

pub static EN: CoverTexts = CoverTexts {
    title: "Stand-in for the caseworker",
    intro: "A stand-in can see and work on the citizen's plan, but only on the days you choose. Before and after, the stand-in does not see the citizen.",
    primary: "Caseworker",
    primary_none: "The citizen has no caseworker right now.",
    now_heading: "Stand-in now",
    coming_heading: "Coming stand-in",
    none: "No stand-in right now.",
    end: "End the cover now",
    form_heading: "Choose a stand-in",
    standin_label: "Stand-in",
    standin_hint: "The number is how many citizens the colleague is caseworker for now.",
    first_label: "First day",
    first_hint: "Today or later.",
    last_label: "Last day (may be empty)",
    last_hint: "Leave it empty if the stand-in is to cover until further notice.",
    submit: "Save the stand-in",
    link: "Stand-in",
    not_allowed: "Only the citizen's caseworker and the municipality's administrators can choose a stand-in.",
    done: "The stand-in has been saved.",
    ended: "The cover has ended. The stand-in can no longer see the citizen.",
    no_colleagues: "There are no other caseworkers who can stand in.",
    days: |from, last| format!("from {from} to {last} inclusive"),
    days_open: |from| format!("from {from}, until further notice"),
    until: |last| format!("Covers until {last} inclusive."),
    until_further: "Covers until further notice.",
    coming: |name, days| format!("{name} will stand in {days}."),
    purpose: "Opened the page where your caseworker is given a stand-in",
    action_set: "Stand-in chosen",
    action_ended: "Stand-in ended",
};
