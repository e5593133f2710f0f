//! This feature's strings, in Danish and English ([`DA`], [`EN`]); pages
//! reach them as `t.admin.…`.

#[cfg(test)]
use serde::Serialize;

/// The admin pages' strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct AdminTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub needs_login: &'static str,
    pub not_allowed: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_submit: &'static str,
    pub found_heading: &'static str,
    pub found_none: &'static str,
    pub citizen: &'static str,
    pub staff: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub caseworker_is: fn(&str) -> String,
    pub no_caseworker: &'static str,
    pub hand_over: &'static str,
    pub log_link: &'static str,
    pub log_title: &'static str,
    pub log_intro: &'static str,
    pub log_empty: &'static str,
    pub log_who: &'static str,
    pub log_what: &'static str,
    pub log_about: &'static str,
    pub log_before: &'static str,
    pub log_after: &'static str,
    pub command_line: &'static str,
    pub action_handover: &'static str,
    pub back: &'static str,
    /// Why an admin saw the citizen's data (the access log).
    pub purpose_search: &'static str,
    pub purpose_cpr: &'static str,
    pub cpr_heading: &'static str,
    pub cpr_label: &'static str,
    pub cpr_hint: &'static str,
    pub cpr_submit: &'static str,
    pub purpose_person: &'static str,
    pub purpose_log: &'static str,
}

impl AdminTexts {
    /// What an audit line's action is called; an unknown word as written.
    pub fn action<'a>(&self, action: &'a str) -> &'a str {
        match action {
            "handover" => self.action_handover,
            other => other,
        }
    }
}

impl crate::i18n::Texts {
    /// The notice after an admin page's form was answered (`?svar=…`).
    pub(crate) fn admin_outcome(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "overdraget" => self.handover.done,
            "allerede-overdraget" => self.handover.taken,
            "oprettet-sagsbehandler" => self.people.notice_created,
            "rolle" => self.people.notice_role,
            "kontakt-gemt" => self.people.notice_profile,
            "tid-tilfoejet" => self.people.notice_hours,
            "tid-fjernet" => self.people.notice_hours_removed,
            "login-gemt" => self.people.notice_login,
            "stedfortraeder-gemt" => self.cover.done,
            "stedfortraeder-afsluttet" => self.cover.ended,
            "indstillinger-gemt" => self.settings.done,
            _ => return None,
        })
    }

    /// What an admin audit line's action is called (the people pages' actions
    /// and the handover); an unknown word as written.
    pub fn admin_action<'a>(&self, action: &'a str) -> &'a str {
        let p = self.people;
        match action {
            "caseworker_created" => p.action_caseworker_created,
            "role_granted" => p.action_role_granted,
            "role_revoked" => p.action_role_revoked,
            "profile_changed" => p.action_profile_changed,
            "hours_added" => p.action_hours_added,
            "hours_removed" => p.action_hours_removed,
            "login_linked" => p.action_login_linked,
            "login_unlinked" => p.action_login_unlinked,
            "cover_set" => self.cover.action_set,
            "cover_ended" => self.cover.action_ended,
            setting if setting.starts_with("setting:") => self.settings.action(&setting["setting:".len()..]).unwrap_or(setting),
            other => self.admin.action(other),
        }
    }
}

pub static DA: AdminTexts = AdminTexts {
    nav: "Administration",
    title: "Administration",
    intro: "Find en borger eller en medarbejder, og overdrag en borger til en ny sagsbehandler. Alt, hvad du gør her, skrives i administrationsloggen.",
    needs_login: "Log ind for at administrere Én Plan.",
    not_allowed: "Denne side er for kommunens administratorer.",
    search_label: "Søg efter navn",
    search_hint: "Skriv en del af navnet. Borgere, du finder, kan se i deres log, at du har søgt.",
    search_submit: "Søg",
    found_heading: "Fundet",
    found_none: "Ingen med det navn.",
    citizen: "Borger",
    staff: "Medarbejder",
    caseworker_is: |name| format!("Sagsbehandler: {name}"),
    no_caseworker: "Ingen sagsbehandler",
    hand_over: "Overdrag",
    log_link: "Se administrationsloggen",
    log_title: "Administrationslog",
    log_intro: "Alt, hvad kommunens administratorer og kommandolinjen har gjort: hvem, hvad, hvornår, før og efter.",
    log_empty: "Der er ikke gjort noget endnu.",
    log_who: "Hvem",
    log_what: "Hvad",
    log_about: "Om",
    log_before: "Før",
    log_after: "Efter",
    command_line: "kommandolinjen",
    action_handover: "Ny sagsbehandler",
    back: "Tilbage til administration",
    purpose_search: "Fandt dig ved en søgning på navn",
    purpose_cpr: "Fandt dig ved en søgning på dit CPR-nummer",
    cpr_heading: "Find en borger ved CPR-nummer",
    cpr_label: "CPR-nummer",
    cpr_hint: "10 cifre, med eller uden bindestreg. Borgeren kan se i sin log, at du har søgt, og hvem du er.",
    cpr_submit: "Find borgeren",
    purpose_person: "Så dine roller og dit login i administrationen",
    purpose_log: "Så i administrationsloggen, at du har fået en ny sagsbehandler",
};

pub static EN: AdminTexts = AdminTexts {
    nav: "Administration",
    title: "Administration",
    intro: "Find a citizen or a member of staff, and hand a citizen to a new caseworker. Everything you do here is written in the administration log.",
    needs_login: "Log in to administer Én Plan.",
    not_allowed: "This page is for the municipality's administrators.",
    search_label: "Search by name",
    search_hint: "Write part of the name. Citizens you find can see in their log that you searched.",
    search_submit: "Search",
    found_heading: "Found",
    found_none: "Nobody with that name.",
    citizen: "Citizen",
    staff: "Staff",
    caseworker_is: |name| format!("Caseworker: {name}"),
    no_caseworker: "No caseworker",
    hand_over: "Hand over",
    log_link: "See the administration log",
    log_title: "Administration log",
    log_intro: "Everything the municipality's administrators and the command line have done: who, what, when, before and after.",
    log_empty: "Nothing has been done yet.",
    log_who: "Who",
    log_what: "What",
    log_about: "About",
    log_before: "Before",
    log_after: "After",
    command_line: "the command line",
    action_handover: "New caseworker",
    back: "Back to administration",
    purpose_search: "Found you by searching for a name",
    purpose_cpr: "Found you by searching for your CPR number",
    cpr_heading: "Find a citizen by CPR number",
    cpr_label: "CPR number",
    cpr_hint: "10 digits, with or without the dash. The citizen can see in their log that you searched, and who you are.",
    cpr_submit: "Find the citizen",
    purpose_person: "Saw your roles and your login in the administration",
    purpose_log: "Saw in the administration log that you got a new caseworker",
};
