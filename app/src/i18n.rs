//! The translation catalogue: every UI string in Danish and English.
//!
//! A small typed catalogue rather than an i18n crate: [`Texts`] is a struct
//! with one field per string, and [`DA`] and [`EN`] are struct literals, so a
//! string missing in either language is a *compile error*, not a runtime
//! fallback. It costs no build step, no macro-generated code and nothing in
//! the WASM bundle beyond the strings an island actually uses (islands get
//! their strings as props). Two languages with plain, reviewed wording do
//! not need plural rules or a runtime loader; if a third language comes, a
//! Fluent-based crate is the next step.

use serde::{Deserialize, Serialize};

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// A language the portal speaks. Danish is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// The BCP 47 code used in `<html lang>` and in the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Parses a language code; anything unknown is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language chosen in a `Cookie:` header value, or the default.
    pub fn from_cookie_header(header: &str) -> Lang {
        header
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, _)| name.trim() == LANG_COOKIE)
            .and_then(|(_, value)| Lang::from_code(value))
            .unwrap_or_default()
    }

    /// The other language: what the language switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }

    /// All strings in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }
}

/// The language of the page being rendered (provided by the shell).
/// Islands do not see this context: they get their strings as props.
pub fn use_lang() -> Lang {
    leptos::prelude::use_context::<Lang>().unwrap_or_default()
}

/// Every user-facing string of the portal, in one language.
pub struct Texts {
    /// The language's own name, in that language ("Dansk", "English").
    pub lang_name: &'static str,
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_plan: &'static str,
    pub nav_caseworker: &'static str,
    pub nav_budget: &'static str,
    pub nav_network: &'static str,
    pub menu_open: &'static str,
    pub menu_close: &'static str,
    /// Label of the language switch, read by screen readers ("Sprog").
    pub lang_switch_label: &'static str,
    pub login: &'static str,
    pub logout: &'static str,
    /// Before the signed-in person's name in the header (for screen readers).
    pub signed_in_as: &'static str,
    pub session_idle: &'static str,
    pub session_too_old: &'static str,

    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_what_heading: &'static str,
    pub home_what_items: &'static [&'static str],
    pub home_network_heading: &'static str,
    pub home_network_body: &'static str,
    pub home_network_link: &'static str,

    pub login_title: &'static str,
    pub login_body: &'static [&'static str],
    pub login_button: &'static str,
    pub login_test_notice: &'static str,
    pub login_test_button: &'static str,
    pub login_staff_button: &'static str,
    pub login_already: &'static str,
    pub login_error_unavailable: &'static str,
    pub login_error_cancelled: &'static str,
    pub login_error_failed: &'static str,
    pub login_error_unknown_staff: &'static str,
    pub login_error_linked: &'static str,

    pub plan_title: &'static str,
    pub plan_body: &'static str,
    pub plan_hello: &'static str,
    pub plan_none_heading: &'static str,
    pub plan_none_body: &'static [&'static str],
    pub plan_goals_heading: &'static str,
    pub plan_goals_empty: &'static str,
    pub plan_goal_why: &'static str,
    pub plan_goal_first_step: &'static str,
    /// In the order of `GoalStatus::ALL`.
    pub goal_status_names: &'static [&'static str],
    pub plan_activities_heading: &'static str,
    pub plan_activities_empty: &'static str,
    pub plan_activity_responsible: &'static str,
    /// In the order of `Department::ALL`.
    pub department_names: &'static [&'static str],
    /// In the order of `ActivityStatus::ALL`.
    pub activity_status_names: &'static [&'static str],
    pub plan_appointments_heading: &'static str,
    pub plan_appointments_empty: &'static str,
    pub plan_appointment_outreach: &'static str,
    pub plan_minutes: &'static str,
    pub plan_history_heading: &'static str,
    pub plan_history_empty: &'static str,
    pub history_you: &'static str,
    pub history_system: &'static str,
    pub history_plan_created: &'static str,
    pub history_goal_added: &'static str,
    pub history_activity_added: &'static str,
    pub history_appointment_added: &'static str,
    pub history_other: &'static str,
    pub access_title: &'static str,
    pub access_body: &'static str,
    pub access_empty: &'static str,
    pub access_link: &'static str,
    /// In the order of `Role::ALL`.
    pub role_names: &'static [&'static str],
    pub cw_none: &'static str,
    pub cw_phone: &'static str,
    pub cw_email: &'static str,
    pub cw_reach: &'static str,
    pub cw_office: &'static str,
    pub cw_outreach_heading: &'static str,
    pub cw_standin_heading: &'static str,
    pub cw_count_one: &'static str,
    /// `{n}` is replaced by the number.
    pub cw_count_many: &'static str,
    pub caseworker_title: &'static str,
    pub caseworker_body: &'static str,
    pub budget_title: &'static str,
    pub budget_body: &'static str,
    pub network_title: &'static str,
    pub network_body: &'static str,
    /// Shown on pages whose content needs login, to someone not logged in.
    pub login_needed: &'static str,

    pub footer_a11y: &'static str,
    pub footer_source: &'static str,
    pub a11y_title: &'static str,
    pub a11y_body: &'static [&'static str],
    pub a11y_known_heading: &'static str,
    pub a11y_known_items: &'static [&'static str],

    pub plan_propose_link: &'static str,
    pub goal_suggested_heading: &'static str,
    pub goal_accept_change: &'static str,
    pub goal_reject_change: &'static str,
    pub goal_withdraw: &'static str,
    pub decision_heading: &'static str,
    pub decision_reasons: &'static str,
    pub decision_appeal: &'static str,
    pub decision_by: &'static str,
    pub decision_accepted: &'static str,
    pub decision_adjusted: &'static str,
    pub decision_declined: &'static str,
    pub decision_other: &'static str,
    pub notice_sent: &'static str,
    pub notice_withdrawn: &'static str,
    pub notice_change_accepted: &'static str,
    pub notice_change_rejected: &'static str,
    pub notice_answered: &'static str,
    pub notice_changed: &'static str,
    pub notice_not_allowed: &'static str,
    pub notice_failed: &'static str,
    pub history_goal_proposed: &'static str,
    pub history_goal_withdrawn: &'static str,
    pub history_goal_accepted: &'static str,
    pub history_goal_change_suggested: &'static str,
    pub history_goal_change_accepted: &'static str,
    pub history_goal_change_rejected: &'static str,
    pub history_goal_declined: &'static str,
    pub propose_title: &'static str,
    pub propose_intro: &'static str,
    pub propose_goal_label: &'static str,
    pub propose_goal_hint: &'static str,
    pub propose_why_label: &'static str,
    pub propose_first_step_label: &'static str,
    pub propose_submit: &'static str,
    pub form_sending: &'static str,
    pub form_problems: &'static str,
    pub back_to_plan: &'static str,
    pub notifications_title: &'static str,
    pub notifications_body: &'static str,
    pub notifications_empty: &'static str,
    pub notification_new: &'static str,
    pub notification_goal_answered: &'static str,
    pub notification_other: &'static str,
    pub notification_open: &'static str,
    pub nav_notifications: &'static str,
    pub nav_unread: &'static str,
    pub nav_inbox: &'static str,
    pub nav_caseload: &'static str,
    pub inbox_title: &'static str,
    pub inbox_body: &'static str,
    pub staff_only: &'static str,
    pub inbox_intro: &'static str,
    pub inbox_empty: &'static str,
    pub inbox_filter_label: &'static str,
    pub inbox_filter_all: &'static str,
    pub inbox_filter_button: &'static str,
    pub inbox_kind_goal: &'static str,
    pub inbox_waited: &'static str,
    pub inbox_overdue: &'static str,
    pub inbox_open: &'static str,
    pub caseload_title: &'static str,
    pub caseload_count: &'static str,
    pub caseload_empty: &'static str,
    pub caseload_standin: &'static str,
    pub caseload_no_plan: &'static str,
    pub caseload_goals: &'static str,
    pub caseload_activities: &'static str,
    pub caseload_open: &'static str,
    pub caseload_last_contact: &'static str,
    pub caseload_never: &'static str,
    pub review_title: &'static str,
    pub review_citizen: &'static str,
    pub review_proposed: &'static str,
    pub review_closed: &'static str,
    pub review_log_note: &'static str,
    pub answer_label: &'static str,
    pub answer_accept: &'static str,
    pub answer_adjust: &'static str,
    pub answer_decline: &'static str,
    pub wording_label: &'static str,
    pub reason_label: &'static str,
    pub reason_hint: &'static str,
    pub answer_submit: &'static str,
    pub back_to_inbox: &'static str,
    pub purpose_goal_review: &'static str,
    pub plan_notes_heading: &'static str,
    pub plan_notes_empty: &'static str,
    pub history_activity_updated: &'static str,
    pub history_note_added: &'static str,
    pub notice_saved: &'static str,
    pub purpose_plan_work: &'static str,
    pub purpose_inbox: &'static str,
    pub citizen_plan_title: &'static str,
    pub citizen_plan_log_note: &'static str,
    pub citizen_open_plan: &'static str,
    pub activity_form_heading: &'static str,
    pub activity_department: &'static str,
    pub activity_title_label: &'static str,
    pub activity_responsible_label: &'static str,
    pub activity_status_label: &'static str,
    pub activity_submit: &'static str,
    pub appointment_form_heading: &'static str,
    pub appointment_date_label: &'static str,
    pub appointment_time_label: &'static str,
    pub appointment_duration_label: &'static str,
    pub appointment_place_label: &'static str,
    pub appointment_address_label: &'static str,
    pub appointment_outreach_label: &'static str,
    pub answer_yes: &'static str,
    pub answer_no: &'static str,
    pub appointment_note_label: &'static str,
    pub appointment_submit: &'static str,
    pub note_form_heading: &'static str,
    pub note_label: &'static str,
    pub note_submit: &'static str,
    pub goal_answer_link: &'static str,
    pub correction_heading: &'static str,
    pub correction_intro: &'static str,
    pub correct_to_accept: &'static str,
    pub correct_to_decline: &'static str,
    pub correction_submit: &'static str,
    pub decision_corrects: &'static str,
    pub history_goal_decision_corrected: &'static str,
    pub history_appointment_cancelled: &'static str,
    pub activity_edit: &'static str,
    pub activity_save: &'static str,
    pub appointment_cancel: &'static str,
    pub cw_goals_heading: &'static str,
    pub cw_goals_empty: &'static str,
    pub cw_activities_heading: &'static str,
    pub cw_activities_empty: &'static str,
    pub cw_appointments_heading: &'static str,
    pub cw_appointments_empty: &'static str,
    pub cw_notes_heading: &'static str,
    pub cw_notes_empty: &'static str,
    pub cw_history_heading: &'static str,
    pub budget_granted: &'static str,
    pub budget_spent: &'static str,
    pub budget_reserved: &'static str,
    pub budget_available: &'static str,
    pub budget_period: &'static str,
    pub budget_note: &'static str,
    pub budget_ledger_heading: &'static str,
    pub budget_none_heading: &'static str,
    pub budget_none_body: &'static str,
    /// In the order of the ledger kinds: grant, topup, reduce, reserve, release, spend.
    pub ledger_kind_names: &'static [&'static str],
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
}

impl Texts {
    fn nth(names: &'static [&'static str], i: Option<usize>) -> &'static str {
        i.and_then(|i| names.get(i).copied()).unwrap_or("")
    }
    pub fn goal_status(&self, s: crate::domain::plan::GoalStatus) -> &'static str {
        Self::nth(self.goal_status_names, crate::domain::plan::GoalStatus::ALL.iter().position(|x| *x == s))
    }
    pub fn department(&self, d: crate::domain::plan::Department) -> &'static str {
        Self::nth(self.department_names, crate::domain::plan::Department::ALL.iter().position(|x| *x == d))
    }
    pub fn activity_status(&self, s: crate::domain::plan::ActivityStatus) -> &'static str {
        Self::nth(self.activity_status_names, crate::domain::plan::ActivityStatus::ALL.iter().position(|x| *x == s))
    }
    pub fn role(&self, r: crate::domain::plan::Role) -> &'static str {
        Self::nth(self.role_names, crate::domain::plan::Role::ALL.iter().position(|x| *x == r))
    }
    /// What a ledger line's kind is called.
    pub fn ledger_kind(&self, kind: &str) -> &'static str {
        const KINDS: [&str; 6] = ["grant", "topup", "reduce", "reserve", "release", "spend"];
        Self::nth(self.ledger_kind_names, KINDS.iter().position(|k| *k == kind))
    }
    /// What a decision's outcome is called.
    pub fn decision_outcome(&self, outcome: &str) -> &'static str {
        match outcome {
            "accepted" => self.decision_accepted,
            "adjusted" => self.decision_adjusted,
            "declined" => self.decision_declined,
            _ => self.decision_other,
        }
    }
    /// What a notification says (its kind named, never its content).
    pub fn notification(&self, kind: &str) -> &'static str {
        match kind {
            "goal_answered" => self.notification_goal_answered,
            _ => self.notification_other,
        }
    }
    /// Why staff opened the data, for the citizen's access log; older
    /// entries written as plain text are shown as written.
    pub fn access_purpose<'a>(&self, purpose: &'a str) -> &'a str {
        match purpose {
            "goal_review" => self.purpose_goal_review,
            "plan_work" => self.purpose_plan_work,
            "inbox" => self.purpose_inbox,
            other => other,
        }
    }
    /// The notice after a form's answer (`?svar=…`), if the code is known.
    pub fn outcome_notice(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "sendt" => self.notice_sent,
            "trukket" => self.notice_withdrawn,
            "accepteret" => self.notice_change_accepted,
            "afvist" => self.notice_change_rejected,
            "besvaret" => self.notice_answered,
            "gemt" => self.notice_saved,
            "aendret" => self.notice_changed,
            "ikke-tilladt" => self.notice_not_allowed,
            "fejl" => self.notice_failed,
            _ => return None,
        })
    }
    /// What a history line's kind is called.
    pub fn history_kind(&self, kind: &str) -> &'static str {
        match kind {
            "plan_created" => self.history_plan_created,
            "goal_added" => self.history_goal_added,
            "activity_added" => self.history_activity_added,
            "appointment_added" => self.history_appointment_added,
            "appointment_cancelled" => self.history_appointment_cancelled,
            "goal_proposed" => self.history_goal_proposed,
            "goal_withdrawn" => self.history_goal_withdrawn,
            "goal_accepted" => self.history_goal_accepted,
            "goal_change_suggested" => self.history_goal_change_suggested,
            "goal_change_accepted" => self.history_goal_change_accepted,
            "goal_change_rejected" => self.history_goal_change_rejected,
            "goal_declined" => self.history_goal_declined,
            "activity_updated" => self.history_activity_updated,
            "note_added" => self.history_note_added,
            "goal_decision_corrected" => self.history_goal_decision_corrected,
            _ => self.history_other,
        }
    }
}

/// Danish: the default language.
pub static DA: Texts = Texts {
    lang_name: "Dansk",
    app_name: "Én Plan",
    tagline: "Én plan. Én sagsbehandler.",
    skip_to_content: "Gå til indholdet",
    nav_label: "Hovedmenu",
    nav_home: "Forside",
    nav_plan: "Min plan",
    nav_caseworker: "Min sagsbehandler",
    nav_budget: "Budget",
    nav_network: "Netværk",
    menu_open: "Menu",
    menu_close: "Luk menu",
    lang_switch_label: "Sprog",
    login: "Log ind",
    logout: "Log ud",
    signed_in_as: "Logget ind som",
    session_idle: "Du er blevet logget ud, fordi du ikke har brugt Én Plan i et stykke tid. Log ind igen for at fortsætte.",
    session_too_old: "Du er blevet logget ud, fordi du har været logget ind i mange timer. Log ind igen for at fortsætte.",

    home_title: "Din plan samlet ét sted",
    home_intro: "Her kan du se din plan og din faste sagsbehandler. \
        Du skal ikke fortælle din historie igen og igen. \
        Jobcenter, socialforvaltning, sundhed, bolig og uddannelse arbejder i den samme plan – sammen med dig.",
    home_what_heading: "Det kan du her",
    home_what_items: &[
        "Se dine mål og hvad der skal ske",
        "Se hvem din sagsbehandler er, og hvor du kan møde hende eller ham",
        "Foreslå et nyt mål med dine egne ord",
        "Søge om penge fra dit personlige budget",
    ],
    home_network_heading: "Netværksgrupper – alle kan komme",
    home_network_body: "Mød andre i en café eller et kulturhus nær dig. Du behøver ikke logge ind for at se, hvornår der er møder.",
    home_network_link: "Se netværksgrupper",

    login_title: "Log ind",
    login_body: &[
        "Du logger ind med MitID. Så kan du se din plan, din sagsbehandler og dit budget.",
        "Vi bruger dit login til at finde dig hos kommunen. Dit CPR-nummer bliver aldrig vist på siden.",
    ],
    login_button: "Log ind med MitID",
    login_test_notice: "Testlogin – ikke MitID. Denne udgave af Én Plan bruger et indbygget testlogin med opdigtede personer. Skriv aldrig rigtige oplysninger her.",
    login_test_button: "Gå til testlogin",
    login_staff_button: "Log ind som medarbejder",
    login_already: "Du er logget ind som",
    login_error_unavailable: "Vi kan ikke nå login-tjenesten lige nu. Prøv igen om lidt.",
    login_error_cancelled: "Du afbrød login, eller det lykkedes ikke. Du kan prøve igen.",
    login_error_failed: "Vi kunne ikke logge dig ind. Det kan ske, hvis det tog for lang tid. Prøv igen.",
    login_error_unknown_staff: "Dit login er ikke oprettet som medarbejder i Én Plan. Kontakt din leder eller kommunens it-afdeling.",
    login_error_linked: "Vi kunne ikke logge dig ind, fordi dit CPR-nummer allerede hører til et andet login. Kontakt kommunen, så hjælper de dig.",

    plan_title: "Min plan",
    plan_body: "Her ser du dine mål, hvad der skal ske, hvem der har ansvaret, og dine næste aftaler.",
    plan_hello: "Hej",
    plan_none_heading: "Du har ikke en plan i Én Plan endnu",
    plan_none_body: &[
        "Én Plan er for borgere, der har kontakt med flere dele af kommunen på samme tid. Du får én samlet plan og én fast sagsbehandler, så du ikke skal fortælle din historie igen og igen.",
        "Vil du gerne have en plan? Ring eller skriv til din kommune, og sig, at du gerne vil tale om Én Plan. Du kan også spørge din sagsbehandler, hvis du allerede har en.",
        "Du kan altid komme til netværksgrupperne og møde andre.",
    ],
    plan_goals_heading: "Dine mål",
    plan_goals_empty: "Du har ingen mål endnu. Når du og din sagsbehandler aftaler et mål, står det her – med dine egne ord.",
    plan_goal_why: "Derfor er det vigtigt for mig",
    plan_goal_first_step: "Første skridt",
    goal_status_names: &["Foreslået – venter på svar", "Ændringsforslag fra sagsbehandler", "Aftalt", "Afslået", "Trukket tilbage", "Nået"],
    plan_activities_heading: "Det sker nu",
    plan_activities_empty: "Der er ingen aktiviteter endnu. Her kommer det, som jobcenter, socialforvaltning, sundhed, bolig og uddannelse gør sammen med dig.",
    plan_activity_responsible: "Ansvarlig",
    department_names: &["Job", "Social", "Sundhed", "Bolig", "Uddannelse", "Økonomi", "Familie"],
    activity_status_names: &["Planlagt", "I gang", "Færdig", "Stoppet"],
    plan_appointments_heading: "Dine næste aftaler",
    plan_appointments_empty: "Du har ingen aftaler lige nu. Nye aftaler med tid og sted kommer her.",
    plan_appointment_outreach: "Vi mødes uden for kontoret",
    plan_minutes: "minutter",
    plan_history_heading: "Det er ændret",
    plan_history_empty: "Der er ingen ændringer endnu.",
    history_you: "dig",
    history_system: "systemet",
    history_plan_created: "Planen blev oprettet",
    history_goal_added: "Mål tilføjet",
    history_activity_added: "Aktivitet tilføjet",
    history_appointment_added: "Aftale tilføjet",
    history_other: "Ændring",
    access_title: "Hvem har set mine oplysninger",
    access_body: "Her kan du se, hver gang en medarbejder har åbnet dine oplysninger i Én Plan: hvornår, i hvilken rolle og hvorfor.",
    access_empty: "Ingen medarbejdere har åbnet dine oplysninger endnu.",
    access_link: "Se hvem der har set dine oplysninger",
    role_names: &["Sagsbehandler", "Administrator", "Vært for netværksgruppe"],
    cw_none: "Du har ikke fået en fast sagsbehandler endnu. Kommunen giver dig besked, når du får en.",
    cw_phone: "Telefon",
    cw_email: "E-mail",
    cw_reach: "Sådan når du mig",
    cw_office: "Kontor",
    cw_outreach_heading: "Her kan du møde mig uden for kontoret",
    cw_standin_heading: "Når din sagsbehandler er væk",
    cw_count_one: "Du har haft én sagsbehandler det seneste år.",
    cw_count_many: "Du har haft {n} forskellige sagsbehandlere det seneste år.",
    caseworker_title: "Min sagsbehandler",
    caseworker_body: "Her ser du, hvem din faste sagsbehandler er, hvordan du når hende eller ham, og hvor I kan mødes.",
    budget_title: "Budget",
    budget_body: "Her ser du dit personlige budget: hvad du har fået bevilget, hvad du har brugt, og hvad der er tilbage. Du kan også søge om penge.",
    network_title: "Netværk",
    network_body: "Netværksgrupper mødes i caféer og kulturhuse. Alle kan komme, og du behøver ikke logge ind for at se møderne.",
    login_needed: "Du skal logge ind for at se dette.",

    footer_a11y: "Tilgængelighedserklæring",
    footer_source: "Én Plan er open source.",
    a11y_title: "Tilgængelighedserklæring",
    a11y_body: &[
        "Én Plan skal kunne bruges af alle – også på en lille telefon, med en langsom forbindelse, med skærmlæser og uden mus.",
        "Målet er, at Én Plan overholder WCAG 2.1 niveau AA. Hver side testes automatisk med værktøjet axe på en lille og en stor skærm, og siderne virker, før JavaScript er hentet.",
        "Automatiske test finder ikke alle problemer, og Én Plan er endnu ikke testet af mennesker, der bruger hjælpemidler. Derfor kan vi ikke sige, at løsningen fuldt ud overholder kravene.",
        "Den kommune, der bruger Én Plan, skal offentliggøre sin egen tilgængelighedserklæring via Digitaliseringsstyrelsens værktøj, med kontaktoplysninger til at melde fejl.",
    ],
    a11y_known_heading: "Det ved vi mangler",
    a11y_known_items: &[
        "Ingen test med brugere af skærmlæser eller forstørrelse endnu.",
        "Mange sider er stadig under udvikling.",
    ],

    plan_propose_link: "Foreslå et mål",
    goal_suggested_heading: "Din sagsbehandler foreslår at skrive målet sådan:",
    goal_accept_change: "Brug den nye formulering",
    goal_reject_change: "Behold min egen formulering",
    goal_withdraw: "Træk forslaget tilbage",
    decision_heading: "Svar fra din sagsbehandler",
    decision_reasons: "Begrundelse",
    decision_appeal: "Sådan klager du",
    decision_by: "Svaret af",
    decision_accepted: "Målet er godkendt",
    decision_adjusted: "Ny formulering foreslået",
    decision_declined: "Forslaget er afslået",
    decision_other: "Afgørelse",
    notice_sent: "Dit forslag er sendt til din sagsbehandler. Du får en besked her i portalen, når der er svar.",
    notice_withdrawn: "Du har trukket forslaget tilbage.",
    notice_change_accepted: "Målet står nu i din plan med den nye formulering.",
    notice_change_rejected: "Du har beholdt din egen formulering. Din sagsbehandler ser på forslaget igen.",
    notice_answered: "Dit svar er sendt. Borgeren får en besked.",
    notice_changed: "Det er ændret i mellemtiden, så der skete ikke noget. Se hvordan det står nu.",
    notice_not_allowed: "Det har du ikke adgang til.",
    notice_failed: "Der skete en fejl, og intet blev gemt. Prøv igen om lidt.",
    history_goal_proposed: "Mål foreslået",
    history_goal_withdrawn: "Forslag trukket tilbage",
    history_goal_accepted: "Mål godkendt",
    history_goal_change_suggested: "Ny formulering foreslået",
    history_goal_change_accepted: "Ny formulering taget i brug",
    history_goal_change_rejected: "Egen formulering beholdt",
    history_goal_declined: "Forslag afslået",
    propose_title: "Foreslå et mål",
    propose_intro: "Skriv målet med dine egne ord. Din sagsbehandler svarer dig her i portalen.",
    propose_goal_label: "Dit mål",
    propose_goal_hint: "For eksempel: Gå en tur hver dag",
    propose_why_label: "Hvorfor er målet vigtigt for dig? (kan udelades)",
    propose_first_step_label: "Et første skridt (kan udelades)",
    propose_submit: "Send forslaget",
    form_sending: "Sender …",
    form_problems: "Der er noget, du skal rette",
    back_to_plan: "Tilbage til min plan",
    notifications_title: "Beskeder",
    notifications_body: "Her kommer beskeder fra din sagsbehandler og fra portalen.",
    notifications_empty: "Du har ingen beskeder endnu. Når din sagsbehandler svarer dig, kommer beskeden her.",
    notification_new: "Ny",
    notification_goal_answered: "Din sagsbehandler har svaret på dit forslag til et mål.",
    notification_other: "Der er sket noget nyt i din plan.",
    notification_open: "Se det",
    nav_notifications: "Beskeder",
    nav_unread: "{n} nye",
    nav_inbox: "Indbakke",
    nav_caseload: "Mine borgere",
    inbox_title: "Indbakke",
    inbox_body: "Her ser sagsbehandlere det, der venter på deres svar.",
    staff_only: "Denne side er for sagsbehandlere.",
    inbox_intro: "Det, der venter på dit svar, ældste først.",
    inbox_empty: "Der venter ikke noget på dit svar lige nu.",
    inbox_filter_label: "Vis",
    inbox_filter_all: "Alt",
    inbox_filter_button: "Vis",
    inbox_kind_goal: "Forslag til mål",
    inbox_waited: "Har ventet",
    inbox_overdue: "Over svarfristen",
    inbox_open: "Åbn og svar",
    caseload_title: "Mine borgere",
    caseload_count: "Du er sagsbehandler eller stedfortræder for {n} borgere.",
    caseload_empty: "Du har ingen borgere endnu.",
    caseload_standin: "Du er stedfortræder",
    caseload_no_plan: "Ingen plan endnu",
    caseload_goals: "Godkendte mål",
    caseload_activities: "Aktive indsatser",
    caseload_open: "Venter på dig",
    caseload_last_contact: "Sidste møde",
    caseload_never: "Ingen endnu",
    review_title: "Svar på forslag til mål",
    review_citizen: "Borger",
    review_proposed: "Sendt",
    review_closed: "Forslaget venter ikke længere på dit svar.",
    review_log_note: "Borgeren kan se i sin log, at du har åbnet forslaget.",
    answer_label: "Dit svar",
    answer_accept: "Godkend målet, som borgeren har skrevet det",
    answer_adjust: "Foreslå en anden formulering",
    answer_decline: "Afslå forslaget",
    wording_label: "Din formulering (kun hvis du foreslår en anden)",
    reason_label: "Begrundelse (skal med, hvis du afslår eller foreslår en anden formulering)",
    reason_hint: "Skriv, så borgeren kan forstå det. Borgeren ser begrundelsen og klagevejledningen.",
    answer_submit: "Send svaret",
    back_to_inbox: "Tilbage til indbakken",
    purpose_goal_review: "Besvare et forslag til mål",
    plan_notes_heading: "Noter fra møder",
    plan_notes_empty: "Når du har holdt møde med din sagsbehandler, kan I skrive en note sammen. Den kommer her.",
    history_activity_updated: "Indsats ændret",
    history_note_added: "Note fra møde tilføjet",
    notice_saved: "Gemt. Det står nu i planen, og borgeren kan se det.",
    purpose_plan_work: "Arbejde med din plan",
    purpose_inbox: "Så dit forslag i sin indbakke",
    citizen_plan_title: "Borgerens plan",
    citizen_plan_log_note: "Borgeren kan se i sin log, at du har åbnet planen.",
    citizen_open_plan: "Åbn planen",
    activity_form_heading: "Tilføj en indsats",
    activity_department: "Hvor kommer indsatsen fra?",
    activity_title_label: "Hvad er indsatsen?",
    activity_responsible_label: "Hvem er ansvarlig?",
    activity_status_label: "Status",
    activity_submit: "Tilføj indsatsen",
    appointment_form_heading: "Aftal et møde",
    appointment_date_label: "Dato",
    appointment_time_label: "Klokkeslæt",
    appointment_duration_label: "Varighed i minutter",
    appointment_place_label: "Sted",
    appointment_address_label: "Adresse",
    appointment_outreach_label: "Mødes I uden for kontoret?",
    answer_yes: "Ja",
    answer_no: "Nej",
    appointment_note_label: "Besked til borgeren (kan udelades)",
    appointment_submit: "Gem aftalen",
    note_form_heading: "Skriv en note fra mødet",
    note_label: "Noten (borgeren kan læse den)",
    note_submit: "Gem noten",
    goal_answer_link: "Svar på forslaget",
    correction_heading: "Ret afgørelsen",
    correction_intro: "En rettelse er en ny afgørelse. Den første bliver stående, så borgeren kan se begge, og borgeren får besked.",
    correct_to_accept: "Godkend målet alligevel",
    correct_to_decline: "Afslå målet alligevel",
    correction_submit: "Send rettelsen",
    decision_corrects: "Retter afgørelsen fra {when}",
    history_goal_decision_corrected: "Afgørelse rettet",
    history_appointment_cancelled: "Møde aflyst",
    activity_edit: "Ret indsatsen",
    activity_save: "Gem ændringen",
    appointment_cancel: "Aflys mødet",
    cw_goals_heading: "Borgerens mål",
    cw_goals_empty: "Borgeren har ingen mål endnu. Borgeren kan foreslå mål i portalen.",
    cw_activities_heading: "Indsatser",
    cw_activities_empty: "Der er ingen indsatser endnu. Tilføj den første nedenfor.",
    cw_appointments_heading: "Kommende møder",
    cw_appointments_empty: "Der er ingen kommende møder. Aftal et nedenfor.",
    cw_notes_heading: "Noter fra møder",
    cw_notes_empty: "Der er ingen noter endnu.",
    cw_history_heading: "Planens historik",
    budget_granted: "Bevilget",
    budget_spent: "Brugt",
    budget_reserved: "Reserveret – venter på svar",
    budget_available: "Tilbage",
    budget_period: "Periode",
    budget_note: "Note fra din sagsbehandler",
    budget_ledger_heading: "Alle bevægelser",
    budget_none_heading: "Du har ikke et personligt budget",
    budget_none_body: "Et personligt budget er penge, som du og din sagsbehandler bestemmer over sammen, fx til en cykel, et kursus eller tøj til en praktik. Tal med din sagsbehandler, hvis du tror, det kan hjælpe dig.",
    ledger_kind_names: &["Bevilget", "Tillæg", "Nedsat", "Reserveret", "Frigivet", "Brugt"],
    not_found_title: "Siden findes ikke",
    not_found_body: "Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller siden er flyttet.",
    back_home: "Gå til forsiden",
};

/// English.
pub static EN: Texts = Texts {
    lang_name: "English",
    app_name: "Én Plan",
    tagline: "One plan. One caseworker.",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_home: "Home",
    nav_plan: "My plan",
    nav_caseworker: "My caseworker",
    nav_budget: "Budget",
    nav_network: "Network",
    menu_open: "Menu",
    menu_close: "Close menu",
    lang_switch_label: "Language",
    login: "Log in",
    logout: "Log out",
    signed_in_as: "Logged in as",
    session_idle: "You have been logged out because you have not used Én Plan for a while. Log in again to continue.",
    session_too_old: "You have been logged out because you have been logged in for many hours. Log in again to continue.",

    home_title: "Your plan in one place",
    home_intro: "Here you can see your plan and your own caseworker. \
        You do not have to tell your story again and again. \
        The job centre, social services, health, housing and education work in the same plan – together with you.",
    home_what_heading: "What you can do here",
    home_what_items: &[
        "See your goals and what happens next",
        "See who your caseworker is and where you can meet",
        "Suggest a new goal in your own words",
        "Ask for money from your personal budget",
    ],
    home_network_heading: "Network groups – everyone is welcome",
    home_network_body: "Meet other people in a café or a culture house near you. You do not need to log in to see when groups meet.",
    home_network_link: "See network groups",

    login_title: "Log in",
    login_body: &[
        "You log in with MitID. Then you can see your plan, your caseworker and your budget.",
        "We use your login to find you in the municipality's records. Your CPR number is never shown on the page.",
    ],
    login_button: "Log in with MitID",
    login_test_notice: "Test login – not MitID. This copy of Én Plan uses a built-in test login with made-up people. Never enter real information here.",
    login_test_button: "Go to the test login",
    login_staff_button: "Log in as staff",
    login_already: "You are logged in as",
    login_error_unavailable: "We cannot reach the login service right now. Please try again in a little while.",
    login_error_cancelled: "You cancelled the login, or it did not work. You can try again.",
    login_error_failed: "We could not log you in. This can happen if it took too long. Please try again.",
    login_error_unknown_staff: "Your login is not registered as staff in Én Plan. Contact your manager or the municipality's IT department.",
    login_error_linked: "We could not log you in because your CPR number already belongs to another login. Contact the municipality and they will help you.",

    plan_title: "My plan",
    plan_body: "Here you see your goals, what happens next, who is responsible, and your next appointments.",
    plan_hello: "Hello",
    plan_none_heading: "You do not have a plan in Én Plan yet",
    plan_none_body: &[
        "Én Plan is for citizens who are in touch with several parts of the municipality at the same time. You get one plan and one caseworker, so you do not have to tell your story again and again.",
        "Would you like a plan? Call or write to your municipality and say that you would like to talk about Én Plan. You can also ask your caseworker, if you already have one.",
        "You are always welcome at the network groups to meet other people.",
    ],
    plan_goals_heading: "Your goals",
    plan_goals_empty: "You have no goals yet. When you and your caseworker agree on a goal, it appears here – in your own words.",
    plan_goal_why: "Why it matters to me",
    plan_goal_first_step: "First step",
    goal_status_names: &["Proposed – waiting for an answer", "Change suggested by your caseworker", "Agreed", "Declined", "Withdrawn", "Reached"],
    plan_activities_heading: "What is happening",
    plan_activities_empty: "There are no activities yet. What the job centre, social services, health, housing and education do with you will appear here.",
    plan_activity_responsible: "Responsible",
    department_names: &["Job", "Social", "Health", "Housing", "Education", "Money", "Family"],
    activity_status_names: &["Planned", "In progress", "Done", "Stopped"],
    plan_appointments_heading: "Your next appointments",
    plan_appointments_empty: "You have no appointments right now. New appointments with time and place will appear here.",
    plan_appointment_outreach: "We meet outside the office",
    plan_minutes: "minutes",
    plan_history_heading: "What has changed",
    plan_history_empty: "There are no changes yet.",
    history_you: "you",
    history_system: "the system",
    history_plan_created: "The plan was created",
    history_goal_added: "Goal added",
    history_activity_added: "Activity added",
    history_appointment_added: "Appointment added",
    history_other: "Change",
    access_title: "Who has seen my information",
    access_body: "Here you can see every time a member of staff opened your information in Én Plan: when, in which role and why.",
    access_empty: "No member of staff has opened your information yet.",
    access_link: "See who has seen your information",
    role_names: &["Caseworker", "Administrator", "Network group host"],
    cw_none: "You do not have a caseworker of your own yet. The municipality will tell you when you get one.",
    cw_phone: "Phone",
    cw_email: "Email",
    cw_reach: "How to reach me",
    cw_office: "Office",
    cw_outreach_heading: "Where you can meet me outside the office",
    cw_standin_heading: "When your caseworker is away",
    cw_count_one: "You have had one caseworker in the last year.",
    cw_count_many: "You have had {n} different caseworkers in the last year.",
    caseworker_title: "My caseworker",
    caseworker_body: "Here you see who your caseworker is, how to reach them, and where you can meet.",
    budget_title: "Budget",
    budget_body: "Here you see your personal budget: what you have been granted, what you have spent and what is left. You can also ask for money.",
    network_title: "Network",
    network_body: "Network groups meet in cafés and culture houses. Everyone is welcome, and you do not need to log in to see the meetups.",
    login_needed: "You need to log in to see this.",

    footer_a11y: "Accessibility statement",
    footer_source: "Én Plan is open source.",
    a11y_title: "Accessibility statement",
    a11y_body: &[
        "Én Plan should work for everyone – on a small phone, on a slow connection, with a screen reader and without a mouse.",
        "The aim is that Én Plan meets WCAG 2.1 level AA. Every page is tested automatically with the axe tool on a small and a large screen, and the pages work before JavaScript has loaded.",
        "Automatic tests do not find every problem, and Én Plan has not yet been tested by people who use assistive technology. So we cannot say that it fully meets the requirements.",
        "The municipality that uses Én Plan must publish its own accessibility statement through the Danish Agency for Digital Government's tool, with contact details for reporting problems.",
    ],
    a11y_known_heading: "What we know is missing",
    a11y_known_items: &[
        "No tests with users of screen readers or magnification yet.",
        "Many pages are still being built.",
    ],

    plan_propose_link: "Propose a goal",
    goal_suggested_heading: "Your caseworker suggests writing the goal like this:",
    goal_accept_change: "Use the new wording",
    goal_reject_change: "Keep my own wording",
    goal_withdraw: "Withdraw the proposal",
    decision_heading: "Answer from your caseworker",
    decision_reasons: "Reason",
    decision_appeal: "How to complain",
    decision_by: "Answered by",
    decision_accepted: "The goal is approved",
    decision_adjusted: "A new wording is suggested",
    decision_declined: "The proposal is declined",
    decision_other: "Decision",
    notice_sent: "Your proposal has been sent to your caseworker. You will get a message here in the portal when there is an answer.",
    notice_withdrawn: "You have withdrawn the proposal.",
    notice_change_accepted: "The goal is now in your plan with the new wording.",
    notice_change_rejected: "You kept your own wording. Your caseworker will look at the proposal again.",
    notice_answered: "Your answer has been sent. The citizen gets a message.",
    notice_changed: "It changed in the meantime, so nothing was done. See how it stands now.",
    notice_not_allowed: "You do not have access to that.",
    notice_failed: "Something went wrong and nothing was saved. Please try again in a moment.",
    history_goal_proposed: "Goal proposed",
    history_goal_withdrawn: "Proposal withdrawn",
    history_goal_accepted: "Goal approved",
    history_goal_change_suggested: "New wording suggested",
    history_goal_change_accepted: "New wording accepted",
    history_goal_change_rejected: "Own wording kept",
    history_goal_declined: "Proposal declined",
    propose_title: "Propose a goal",
    propose_intro: "Write the goal in your own words. Your caseworker will answer you here in the portal.",
    propose_goal_label: "Your goal",
    propose_goal_hint: "For example: Go for a walk every day",
    propose_why_label: "Why does the goal matter to you? (optional)",
    propose_first_step_label: "A first step (optional)",
    propose_submit: "Send the proposal",
    form_sending: "Sending …",
    form_problems: "There is something to correct",
    back_to_plan: "Back to my plan",
    notifications_title: "Messages",
    notifications_body: "Messages from your caseworker and from the portal appear here.",
    notifications_empty: "You have no messages yet. When your caseworker answers you, the message appears here.",
    notification_new: "New",
    notification_goal_answered: "Your caseworker has answered your proposal for a goal.",
    notification_other: "There is something new in your plan.",
    notification_open: "See it",
    nav_notifications: "Messages",
    nav_unread: "{n} new",
    nav_inbox: "Inbox",
    nav_caseload: "My citizens",
    inbox_title: "Inbox",
    inbox_body: "Here caseworkers see what is waiting for their answer.",
    staff_only: "This page is for caseworkers.",
    inbox_intro: "What is waiting for your answer, oldest first.",
    inbox_empty: "Nothing is waiting for your answer right now.",
    inbox_filter_label: "Show",
    inbox_filter_all: "Everything",
    inbox_filter_button: "Show",
    inbox_kind_goal: "Proposed goals",
    inbox_waited: "Waiting for",
    inbox_overdue: "Past the response target",
    inbox_open: "Open and answer",
    caseload_title: "My citizens",
    caseload_count: "You are caseworker or stand-in for {n} citizens.",
    caseload_empty: "You have no citizens yet.",
    caseload_standin: "You are the stand-in",
    caseload_no_plan: "No plan yet",
    caseload_goals: "Approved goals",
    caseload_activities: "Active activities",
    caseload_open: "Waiting for you",
    caseload_last_contact: "Last meeting",
    caseload_never: "None yet",
    review_title: "Answer a proposed goal",
    review_citizen: "Citizen",
    review_proposed: "Sent",
    review_closed: "The proposal is no longer waiting for your answer.",
    review_log_note: "The citizen can see in their log that you opened the proposal.",
    answer_label: "Your answer",
    answer_accept: "Approve the goal as the citizen wrote it",
    answer_adjust: "Suggest another wording",
    answer_decline: "Decline the proposal",
    wording_label: "Your wording (only if you suggest another)",
    reason_label: "Reason (needed if you decline or suggest another wording)",
    reason_hint: "Write it so the citizen can understand it. The citizen sees the reason and how to complain.",
    answer_submit: "Send the answer",
    back_to_inbox: "Back to the inbox",
    purpose_goal_review: "Answering a proposed goal",
    plan_notes_heading: "Notes from meetings",
    plan_notes_empty: "When you have met your caseworker, you can write a note together. It appears here.",
    history_activity_updated: "Activity changed",
    history_note_added: "Meeting note added",
    notice_saved: "Saved. It is now in the plan, and the citizen can see it.",
    purpose_plan_work: "Working on your plan",
    purpose_inbox: "Saw your proposal in their inbox",
    citizen_plan_title: "The citizen's plan",
    citizen_plan_log_note: "The citizen can see in their log that you opened the plan.",
    citizen_open_plan: "Open the plan",
    activity_form_heading: "Add an activity",
    activity_department: "Where does the activity come from?",
    activity_title_label: "What is the activity?",
    activity_responsible_label: "Who is responsible?",
    activity_status_label: "Status",
    activity_submit: "Add the activity",
    appointment_form_heading: "Book a meeting",
    appointment_date_label: "Date",
    appointment_time_label: "Time",
    appointment_duration_label: "Length in minutes",
    appointment_place_label: "Place",
    appointment_address_label: "Address",
    appointment_outreach_label: "Do you meet outside the office?",
    answer_yes: "Yes",
    answer_no: "No",
    appointment_note_label: "Message to the citizen (optional)",
    appointment_submit: "Save the meeting",
    note_form_heading: "Write a note from the meeting",
    note_label: "The note (the citizen can read it)",
    note_submit: "Save the note",
    goal_answer_link: "Answer the proposal",
    correction_heading: "Correct the decision",
    correction_intro: "A correction is a new decision. The first one stays, so the citizen can see both, and the citizen is told.",
    correct_to_accept: "Approve the goal after all",
    correct_to_decline: "Decline the goal after all",
    correction_submit: "Send the correction",
    decision_corrects: "Corrects the decision of {when}",
    history_goal_decision_corrected: "Decision corrected",
    history_appointment_cancelled: "Meeting cancelled",
    activity_edit: "Change the activity",
    activity_save: "Save the change",
    appointment_cancel: "Cancel the meeting",
    cw_goals_heading: "The citizen's goals",
    cw_goals_empty: "The citizen has no goals yet. The citizen can propose goals in the portal.",
    cw_activities_heading: "Activities",
    cw_activities_empty: "There are no activities yet. Add the first one below.",
    cw_appointments_heading: "Coming meetings",
    cw_appointments_empty: "There are no coming meetings. Book one below.",
    cw_notes_heading: "Notes from meetings",
    cw_notes_empty: "There are no notes yet.",
    cw_history_heading: "The plan's history",
    budget_granted: "Granted",
    budget_spent: "Spent",
    budget_reserved: "Reserved – waiting for an answer",
    budget_available: "Left",
    budget_period: "Period",
    budget_note: "Note from your caseworker",
    budget_ledger_heading: "Every movement",
    budget_none_heading: "You do not have a personal budget",
    budget_none_body: "A personal budget is money that you and your caseworker decide on together, for example for a bike, a course or clothes for a work placement. Talk to your caseworker if you think it could help you.",
    ledger_kind_names: &["Granted", "Top-up", "Reduced", "Reserved", "Released", "Spent"],
    not_found_title: "Page not found",
    not_found_body: "We cannot find the page you are looking for. The address may be wrong, or the page may have moved.",
    back_home: "Go to the home page",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_is_the_default_language() {
        assert_eq!(Lang::default(), Lang::Da);
        assert_eq!(Lang::from_cookie_header(""), Lang::Da);
    }

    #[test]
    fn the_language_cookie_is_found_among_other_cookies() {
        assert_eq!(Lang::from_cookie_header("a=1; lang=en; b=2"), Lang::En);
        assert_eq!(Lang::from_cookie_header("lang=da"), Lang::Da);
    }

    #[test]
    fn an_unknown_language_or_a_lookalike_cookie_name_falls_back_to_danish() {
        assert_eq!(Lang::from_cookie_header("lang=de"), Lang::Da);
        assert_eq!(Lang::from_cookie_header("xlang=en"), Lang::Da);
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in [Lang::Da, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
            assert_ne!(lang.other(), lang);
        }
    }

    #[test]
    fn no_string_is_empty_in_either_language() {
        for lang in [Lang::Da, Lang::En] {
            let t = lang.texts();
            let singles = [
                t.lang_name, t.app_name, t.tagline, t.skip_to_content, t.nav_label,
                t.nav_home, t.nav_plan, t.nav_caseworker, t.nav_budget, t.nav_network,
                t.menu_open, t.menu_close, t.lang_switch_label, t.login, t.home_title,
                t.home_intro, t.home_what_heading, t.home_network_heading,
                t.home_network_body, t.home_network_link, t.login_title, t.plan_title,
                t.plan_body, t.caseworker_title, t.caseworker_body, t.budget_title,
                t.budget_body, t.network_title, t.network_body, t.login_needed,
                t.footer_a11y, t.footer_source, t.a11y_title, t.a11y_known_heading,
                t.logout, t.signed_in_as, t.session_idle, t.session_too_old, t.login_button,
                t.login_test_notice, t.login_test_button, t.login_staff_button, t.login_already,
                t.login_error_unavailable, t.login_error_cancelled, t.login_error_failed,
                t.login_error_unknown_staff, t.login_error_linked, t.plan_hello, t.plan_none_heading,
                t.plan_goals_heading, t.plan_goals_empty, t.plan_goal_why, t.plan_goal_first_step,
                t.plan_activities_heading, t.plan_activities_empty, t.plan_activity_responsible,
                t.plan_appointments_heading, t.plan_appointments_empty, t.plan_appointment_outreach,
                t.plan_minutes, t.plan_history_heading, t.plan_history_empty, t.history_you,
                t.history_system, t.history_plan_created, t.history_goal_added,
                t.history_activity_added, t.history_appointment_added, t.history_other,
                t.access_title, t.access_body, t.access_empty, t.access_link,
                t.cw_none, t.cw_phone, t.cw_email, t.cw_reach, t.cw_office, t.cw_outreach_heading,
                t.cw_standin_heading, t.cw_count_one, t.cw_count_many,
                t.not_found_title, t.not_found_body, t.back_home,
                t.plan_propose_link, t.goal_suggested_heading, t.goal_accept_change, t.goal_reject_change, t.goal_withdraw, t.decision_heading, t.decision_reasons, t.decision_appeal, t.decision_by, t.decision_accepted, t.decision_adjusted, t.decision_declined, t.decision_other, t.notice_sent, t.notice_withdrawn, t.notice_change_accepted, t.notice_change_rejected, t.notice_answered, t.notice_changed, t.notice_not_allowed, t.notice_failed, t.history_goal_proposed, t.history_goal_withdrawn, t.history_goal_accepted, t.history_goal_change_suggested, t.history_goal_change_accepted, t.history_goal_change_rejected, t.history_goal_declined, t.propose_title, t.propose_intro, t.propose_goal_label, t.propose_goal_hint, t.propose_why_label, t.propose_first_step_label, t.propose_submit, t.form_sending, t.form_problems, t.back_to_plan, t.notifications_title, t.notifications_body, t.notifications_empty, t.notification_new, t.notification_goal_answered, t.notification_other, t.notification_open, t.nav_notifications, t.nav_unread, t.nav_inbox, t.nav_caseload, t.inbox_title, t.inbox_body, t.staff_only, t.inbox_intro, t.inbox_empty, t.inbox_filter_label, t.inbox_filter_all, t.inbox_filter_button, t.inbox_kind_goal, t.inbox_waited, t.inbox_overdue, t.inbox_open, t.caseload_title, t.caseload_count, t.caseload_empty, t.caseload_standin, t.caseload_no_plan, t.caseload_goals, t.caseload_activities, t.caseload_open, t.caseload_last_contact, t.caseload_never, t.review_title, t.review_citizen, t.review_proposed, t.review_closed, t.review_log_note, t.answer_label, t.answer_accept, t.answer_adjust, t.answer_decline, t.wording_label, t.reason_label, t.reason_hint, t.answer_submit, t.back_to_inbox, t.purpose_goal_review,
                t.plan_notes_heading, t.plan_notes_empty, t.history_activity_updated, t.history_note_added, t.notice_saved, t.purpose_plan_work, t.purpose_inbox, t.citizen_plan_title, t.citizen_plan_log_note, t.citizen_open_plan, t.activity_form_heading, t.activity_department, t.activity_title_label, t.activity_responsible_label, t.activity_status_label, t.activity_submit, t.appointment_form_heading, t.appointment_date_label, t.appointment_time_label, t.appointment_duration_label, t.appointment_place_label, t.appointment_address_label, t.appointment_outreach_label, t.answer_yes, t.answer_no, t.appointment_note_label, t.appointment_submit, t.note_form_heading, t.note_label, t.note_submit, t.goal_answer_link, t.budget_granted, t.budget_spent, t.budget_reserved, t.budget_available, t.budget_period, t.budget_note, t.budget_ledger_heading, t.budget_none_heading, t.budget_none_body, t.cw_goals_heading, t.cw_goals_empty, t.cw_activities_heading, t.cw_activities_empty, t.cw_appointments_heading, t.cw_appointments_empty, t.cw_notes_heading, t.cw_notes_empty, t.cw_history_heading, t.history_appointment_cancelled, t.activity_edit, t.activity_save, t.appointment_cancel, t.correction_heading, t.correction_intro, t.correct_to_accept, t.correct_to_decline, t.correction_submit, t.decision_corrects, t.history_goal_decision_corrected,
            ];
            let lists = [
                t.home_what_items, t.login_body, t.a11y_body, t.a11y_known_items, t.plan_none_body,
                t.goal_status_names, t.department_names, t.activity_status_names, t.role_names, t.ledger_kind_names,
            ];
            for s in singles.iter().chain(lists.iter().flat_map(|l| l.iter())) {
                assert!(!s.trim().is_empty(), "empty string in {lang:?}");
            }
            for list in lists {
                assert!(!list.is_empty(), "empty list in {lang:?}");
            }
        }
    }

    #[test]
    fn lists_have_the_same_length_in_both_languages() {
        let (da, en) = (Lang::Da.texts(), Lang::En.texts());
        assert_eq!(da.home_what_items.len(), en.home_what_items.len());
        assert_eq!(da.login_body.len(), en.login_body.len());
        assert_eq!(da.a11y_body.len(), en.a11y_body.len());
        assert_eq!(da.a11y_known_items.len(), en.a11y_known_items.len());
        assert_eq!(da.plan_none_body.len(), en.plan_none_body.len());
    }

    #[test]
    fn the_caseworker_count_has_a_place_for_the_number() {
        for t in [Lang::Da.texts(), Lang::En.texts()] {
            assert!(t.cw_count_many.contains("{n}"));
        }
    }

    #[test]
    fn every_status_and_department_has_a_name_in_both_languages() {
        use crate::domain::plan::{ActivityStatus, Department, GoalStatus};
        for t in [Lang::Da.texts(), Lang::En.texts()] {
            assert_eq!(t.goal_status_names.len(), GoalStatus::ALL.len());
            assert_eq!(t.department_names.len(), Department::ALL.len());
            assert_eq!(t.activity_status_names.len(), ActivityStatus::ALL.len());
            assert_eq!(t.role_names.len(), crate::domain::plan::Role::ALL.len());
            assert_eq!(t.ledger_kind_names.len(), 6);
            assert_eq!(t.ledger_kind("spend"), t.ledger_kind_names[5]);
        }
    }
}
