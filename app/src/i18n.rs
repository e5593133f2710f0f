//! The translation catalogue: every UI string in Danish and English.
//!
//! A small typed catalogue rather than an i18n crate: [`Texts`] is a struct
//! with one field per shared string (menu, forms, notices) and one per
//! feature, whose strings are in its own `features/<name>/texts.rs`; [`DA`]
//! and [`EN`] are struct literals, so a string missing in either language is
//! a *compile error*, not a runtime fallback. A text with values is a
//! function of them, never a template. It costs no build step, no
//! macro-generated code and nothing in the WASM bundle beyond the strings an
//! island actually uses (islands get their strings as props). Two languages
//! with plain, reviewed wording do not need plural rules or a runtime
//! loader; if a third language comes, a Fluent-based crate is the next step.

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

/// Every user-facing string of the portal, in one language. A text with
/// values is a function of them (`(t.inbox.caseload_count)(12)`), never a template.
#[cfg_attr(test, derive(Serialize))]
pub struct Texts {
    /// The language's own name, in that language ("Dansk", "English").
    pub lang_name: &'static str,
    pub app_name: &'static str,
    pub skip_to_content: &'static str,
    pub test_login_banner: &'static str,
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
    pub home_network_link: &'static str,
    pub login_error_unavailable: &'static str,
    pub plan_none_heading: &'static str,
    pub plan_none_body: &'static [&'static str],
    pub plan_goal_why: &'static str,
    pub plan_goal_first_step: &'static str,
    /// In the order of `GoalStatus::ALL`.
    pub goal_status_names: &'static [&'static str],
    /// In the order of `Department::ALL`.
    pub department_names: &'static [&'static str],
    /// In the order of `ActivityStatus::ALL`.
    pub activity_status_names: &'static [&'static str],
    pub plan_history_empty: &'static str,
    pub history_plan_created: &'static str,
    pub history_goal_added: &'static str,
    pub history_activity_added: &'static str,
    pub history_appointment_added: &'static str,
    pub history_other: &'static str,
    /// In the order of `Role::ALL`.
    pub role_names: &'static [&'static str],
    /// Shown on pages whose content needs login, to someone not logged in.
    pub login_needed: &'static str,

    pub footer_a11y: &'static str,
    pub footer_source: &'static str,
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
    /// Links below a paged list.
    pub page_links_label: &'static str,
    pub page_older: &'static str,
    pub page_newest: &'static str,
    pub page_more: &'static str,
    pub page_first: &'static str,
    pub history_goal_proposed: &'static str,
    pub history_goal_withdrawn: &'static str,
    pub history_goal_accepted: &'static str,
    pub history_goal_change_suggested: &'static str,
    pub history_goal_change_accepted: &'static str,
    pub history_goal_change_rejected: &'static str,
    pub history_goal_declined: &'static str,
    pub form_sending: &'static str,
    pub form_problems: &'static str,
    pub notification_goal_answered: &'static str,
    pub notification_other: &'static str,
    pub nav_notifications: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub nav_unread: fn(i64) -> String,
    pub nav_inbox: &'static str,
    pub nav_caseload: &'static str,
    pub inbox_body: &'static str,
    pub review_citizen: &'static str,
    pub review_log_note: &'static str,
    pub answer_label: &'static str,
    pub reason_label: &'static str,
    pub reason_hint: &'static str,
    pub answer_submit: &'static str,
    pub back_to_inbox: &'static str,
    pub purpose_goal_review: &'static str,
    pub history_activity_updated: &'static str,
    pub history_note_added: &'static str,
    pub notice_saved: &'static str,
    pub purpose_plan_work: &'static str,
    pub purpose_inbox: &'static str,
    pub citizen_plan_log_note: &'static str,
    pub citizen_open_plan: &'static str,
    pub appointment_date_label: &'static str,
    pub appointment_time_label: &'static str,
    pub appointment_duration_label: &'static str,
    pub appointment_address_label: &'static str,
    pub history_goal_decision_corrected: &'static str,
    pub history_complaint_made: &'static str,
    pub history_complaint_upheld: &'static str,
    pub history_complaint_changed: &'static str,
    pub history_appointment_cancelled: &'static str,
    /// In the order of the ledger kinds: grant, topup, reduce, reserve, release, spend.
    pub ledger_kind_names: &'static [&'static str],
    pub notice_spending_sent: &'static str,
    pub notice_spending_cancelled: &'static str,
    pub notice_budget_ended: &'static str,
    pub decision_approved: &'static str,
    pub decision_approved_lower: &'static str,
    pub decision_spending_declined: &'static str,
    pub open_budget_link: &'static str,
    pub notification_spending_answered: &'static str,
    pub purpose_spending_review: &'static str,
    pub purpose_budget_work: &'static str,
    pub request_status_names: &'static [&'static str],
    pub notice_meetup_joined: &'static str,
    pub notice_meetup_waiting: &'static str,
    pub notice_meetup_left: &'static str,
    pub notification_meetup_moved_up: &'static str,
    pub notice_group_joined: &'static str,
    pub notice_group_left: &'static str,
    pub notification_meetup_changed: &'static str,
    pub notification_meetup_cancelled: &'static str,
    pub notification_meetup_announcement: &'static str,
    pub notification_message_answered: &'static str,
    pub notification_appointment_booked: &'static str,
    pub notification_appointment_cancelled: &'static str,
    pub notification_activity_added: &'static str,
    pub notification_activity_changed: &'static str,
    pub notification_complaint_answered: &'static str,
    pub purpose_conversation: &'static str,
    pub purpose_attachment: &'static str,
    pub purpose_caseload: &'static str,
    pub purpose_complaint_review: &'static str,
    pub notice_message_sent: &'static str,
    pub notice_message_answered: &'static str,
    pub notice_conversation_closed: &'static str,
    pub notice_complaint_sent: &'static str,
    pub notice_name_saved: &'static str,
    pub notice_group_created: &'static str,
    pub notice_meetup_posted: &'static str,
    pub notice_meetup_cancelled: &'static str,
    pub notice_announcement_sent: &'static str,
    /// AccessLog's strings.
    pub access_log: &'static crate::features::access_log::texts::AccessLogTexts,
    /// Budget's strings.
    pub budget: &'static crate::features::budget::texts::BudgetTexts,
    /// Casework's strings.
    pub casework: &'static crate::features::casework::texts::CaseworkTexts,
    /// The conversation's strings.
    pub conversation: &'static crate::features::conversation::texts::ConversationTexts,
    /// Decision's strings.
    pub decisions: &'static crate::features::decisions::texts::DecisionTexts,
    pub complaints: &'static crate::features::complaints::texts::ComplaintTexts,
    pub helpers: &'static crate::features::representation::texts::HelperTexts,
    /// The admin pages' strings.
    pub admin: &'static crate::features::admin::texts::AdminTexts,
    /// The people pages' strings.
    pub people: &'static crate::features::people::texts::PeopleTexts,
    /// The handover's strings.
    pub handover: &'static crate::features::handover::texts::HandoverTexts,
    /// The stand-in cover's strings.
    pub cover: &'static crate::features::cover::texts::CoverTexts,
    /// The settings page's strings.
    pub settings: &'static crate::features::settings::texts::SettingsTexts,
    /// Goal's strings.
    pub goals: &'static crate::features::goals::texts::GoalTexts,
    /// Identity's strings.
    pub identity: &'static crate::features::identity::texts::IdentityTexts,
    /// Inbox's strings.
    pub inbox: &'static crate::features::inbox::texts::InboxTexts,
    /// MyCaseworker's strings.
    pub my_caseworker: &'static crate::features::my_caseworker::texts::MyCaseworkerTexts,
    /// Network's strings.
    pub network: &'static crate::features::network::texts::NetworkTexts,
    /// The data export's strings.
    pub my_data: &'static crate::features::my_data::texts::MyDataTexts,
    /// The e-mail notices' strings.
    pub notices: &'static crate::features::notices::texts::NoticeTexts,
    /// Notification's strings.
    pub notifications: &'static crate::features::notifications::texts::NotificationTexts,
    /// Plan's strings.
    pub plan: &'static crate::features::plan::texts::PlanTexts,
    /// Site's strings.
    pub site: &'static crate::features::site::texts::SiteTexts,
}

impl Texts {
    fn nth(names: &'static [&'static str], i: Option<usize>) -> &'static str {
        i.and_then(|i| names.get(i).copied()).unwrap_or("")
    }
    pub fn goal_status(&self, s: crate::kernel::plan::GoalStatus) -> &'static str {
        Self::nth(self.goal_status_names, crate::kernel::plan::GoalStatus::ALL.iter().position(|x| *x == s))
    }
    pub fn department(&self, d: crate::kernel::plan::Department) -> &'static str {
        Self::nth(self.department_names, crate::kernel::plan::Department::ALL.iter().position(|x| *x == d))
    }
    pub fn activity_status(&self, s: crate::kernel::plan::ActivityStatus) -> &'static str {
        Self::nth(self.activity_status_names, crate::kernel::plan::ActivityStatus::ALL.iter().position(|x| *x == s))
    }
    pub fn role(&self, r: crate::kernel::plan::Role) -> &'static str {
        Self::nth(self.role_names, crate::kernel::plan::Role::ALL.iter().position(|x| *x == r))
    }
    /// What a ledger line's kind is called.
    pub fn ledger_kind(&self, kind: &str) -> &'static str {
        const KINDS: [&str; 6] = ["grant", "topup", "reduce", "reserve", "release", "spend"];
        Self::nth(self.ledger_kind_names, KINDS.iter().position(|k| *k == kind))
    }
    /// What a spending request's status is called.
    pub fn request_status(&self, status: &str) -> &'static str {
        const STATUSES: [&str; 4] = ["pending", "approved", "declined", "cancelled"];
        Self::nth(self.request_status_names, STATUSES.iter().position(|k| *k == status))
    }
    /// What a decision's outcome is called.
    pub fn decision_outcome(&self, outcome: &str) -> &'static str {
        match outcome {
            "accepted" => self.decision_accepted,
            "adjusted" => self.decision_adjusted,
            "declined" => self.decision_declined,
            "approved" => self.decision_approved,
            "approved_lower" => self.decision_approved_lower,
            "spending_declined" => self.decision_spending_declined,
            _ => self.decision_other,
        }
    }
    /// What a notification says (its kind named, never its content). A new
    /// kind without its sentence here does not compile; a stored word this
    /// version does not know gets the general one.
    pub fn notification(&self, kind: &str) -> &'static str {
        use crate::features::notifications::notice::NotificationKind as K;
        match K::parse(kind) {
            Some(K::GoalAnswered) => self.notification_goal_answered,
            Some(K::SpendingAnswered) => self.notification_spending_answered,
            Some(K::MeetupMovedUp) => self.notification_meetup_moved_up,
            Some(K::MeetupChanged) => self.notification_meetup_changed,
            Some(K::MeetupCancelled) => self.notification_meetup_cancelled,
            Some(K::MeetupAnnouncement) => self.notification_meetup_announcement,
            Some(K::MessageAnswered) => self.notification_message_answered,
            Some(K::AppointmentBooked) => self.notification_appointment_booked,
            Some(K::AppointmentCancelled) => self.notification_appointment_cancelled,
            Some(K::ActivityAdded) => self.notification_activity_added,
            Some(K::ActivityChanged) => self.notification_activity_changed,
            Some(K::ComplaintAnswered) => self.notification_complaint_answered,
            Some(K::HelperStarted) => self.helpers.notification_helper_started,
            Some(K::HelperEnded) => self.helpers.notification_helper_ended,
            Some(K::HelperExpiring) => self.helpers.notification_helper_expiring,
            Some(K::HelpingStarted) => self.helpers.notification_helping_started,
            Some(K::HelpingEnded) => self.helpers.notification_helping_ended,
            Some(K::HelpingExpiring) => self.helpers.notification_helping_expiring,
            Some(K::CaseworkerChanged) => self.handover.notification,
            None => self.notification_other,
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
            "anmodet" => self.notice_spending_sent,
            "annulleret" => self.notice_spending_cancelled,
            "afsluttet" => self.notice_budget_ended,
            "tilmeldt" => self.notice_meetup_joined,
            "venteliste" => self.notice_meetup_waiting,
            "afmeldt" => self.notice_meetup_left,
            "medlem" => self.notice_group_joined,
            "udmeldt" => self.notice_group_left,
            "navn" => self.notice_name_saved,
            "oprettet" => self.notice_group_created,
            "moede-oprettet" => self.notice_meetup_posted,
            "aflyst" => self.notice_meetup_cancelled,
            "besked-sendt" => self.notice_announcement_sent,
            "skrevet" => self.notice_message_sent,
            "svaret" => self.notice_message_answered,
            "samtale-afsluttet" => self.notice_conversation_closed,
            "klage-sendt" => self.notice_complaint_sent,
            "adgang-modtaget" => self.helpers.notice_redeemed,
            "adgang-stoppet" => self.helpers.notice_ended,
            "skiftet" => self.helpers.notice_switched,
            "kode" => self.helpers.notice_code,
            "fuldmagt-registreret" => self.helpers.notice_paper,
            _ => return self.admin_outcome(code),
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
            "complaint_made" => self.history_complaint_made,
            "complaint_upheld" => self.history_complaint_upheld,
            "complaint_changed" => self.history_complaint_changed,
            "caseworker_changed" => self.handover.history,
            _ => self.history_other,
        }
    }
}

/// Danish: the default language.
pub static DA: Texts = Texts {
    lang_name: "Dansk",
    app_name: "Én Plan",
    skip_to_content: "Gå til indholdet",
    test_login_banner: "Testlogin – ikke MitID. Personerne er opdigtede: skriv aldrig rigtige oplysninger her.",
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
    home_network_link: "Se netværksgrupper",
    login_error_unavailable: "Vi kan ikke nå login-tjenesten lige nu. Prøv igen om lidt.",
    plan_none_heading: "Du har ikke en plan i Én Plan endnu",
    plan_none_body: &[
        "Én Plan er for borgere, der har kontakt med flere dele af kommunen på samme tid. Du får én samlet plan og én fast sagsbehandler, så du ikke skal fortælle din historie igen og igen.",
        "Vil du gerne have en plan? Ring eller skriv til din kommune, og sig, at du gerne vil tale om Én Plan. Du kan også spørge din sagsbehandler, hvis du allerede har en.",
        "Du kan altid komme til netværksgrupperne og møde andre.",
    ],
    plan_goal_why: "Derfor er det vigtigt for mig",
    plan_goal_first_step: "Første skridt",
    goal_status_names: &["Foreslået – venter på svar", "Ændringsforslag fra sagsbehandler", "Aftalt", "Afslået", "Trukket tilbage", "Nået"],
    department_names: &["Job", "Social", "Sundhed", "Bolig", "Uddannelse", "Økonomi", "Familie"],
    activity_status_names: &["Planlagt", "I gang", "Færdig", "Stoppet"],
    plan_history_empty: "Der er ingen ændringer endnu.",
    history_plan_created: "Planen blev oprettet",
    history_goal_added: "Mål tilføjet",
    history_activity_added: "Aktivitet tilføjet",
    history_appointment_added: "Aftale tilføjet",
    history_other: "Ændring",
    role_names: &["Sagsbehandler", "Administrator", "Vært for netværksgruppe", "Hjælper"],
    login_needed: "Du skal logge ind for at se dette.",

    footer_a11y: "Tilgængelighedserklæring",
    footer_source: "Én Plan er open source.",
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
    page_links_label: "Flere sider",
    page_older: "Vis ældre",
    page_newest: "Til de nyeste",
    page_more: "Vis flere",
    page_first: "Til starten af listen",
    history_goal_proposed: "Mål foreslået",
    history_goal_withdrawn: "Forslag trukket tilbage",
    history_goal_accepted: "Mål godkendt",
    history_goal_change_suggested: "Ny formulering foreslået",
    history_goal_change_accepted: "Ny formulering taget i brug",
    history_goal_change_rejected: "Egen formulering beholdt",
    history_goal_declined: "Forslag afslået",
    form_sending: "Sender …",
    form_problems: "Der er noget, du skal rette",
    notification_goal_answered: "Din sagsbehandler har svaret på dit forslag til et mål.",
    notification_other: "Der er sket noget nyt i din plan.",
    nav_notifications: "Beskeder",
    nav_unread: |n| format!("{n} nye"),
    nav_inbox: "Indbakke",
    nav_caseload: "Mine borgere",
    inbox_body: "Her ser sagsbehandlere det, der venter på deres svar.",
    review_citizen: "Borger",
    review_log_note: "Borgeren kan se i sin log, at du har åbnet forslaget.",
    answer_label: "Dit svar",
    reason_label: "Begrundelse (skal med, hvis du afslår eller foreslår en anden formulering)",
    reason_hint: "Skriv, så borgeren kan forstå det. Borgeren ser begrundelsen og klagevejledningen.",
    answer_submit: "Send svaret",
    back_to_inbox: "Tilbage til indbakken",
    purpose_goal_review: "Besvare et forslag til mål",
    history_activity_updated: "Indsats ændret",
    history_note_added: "Note fra møde tilføjet",
    notice_saved: "Gemt. Det står nu i planen, og borgeren kan se det.",
    purpose_plan_work: "Arbejde med din plan",
    purpose_inbox: "Så dit forslag eller ønske om penge i sin indbakke",
    citizen_plan_log_note: "Borgeren kan se i sin log, at du har åbnet planen.",
    citizen_open_plan: "Åbn planen",
    appointment_date_label: "Dato",
    appointment_time_label: "Klokkeslæt",
    appointment_duration_label: "Varighed i minutter",
    appointment_address_label: "Adresse",
    history_goal_decision_corrected: "Afgørelse rettet",
    history_complaint_made: "Du klagede over en afgørelse",
    history_complaint_upheld: "Kommunen fastholdt afgørelsen og sendte klagen til Ankestyrelsen",
    history_complaint_changed: "Kommunen ændrede afgørelsen efter din klage",
    history_appointment_cancelled: "Møde aflyst",
    ledger_kind_names: &["Bevilget", "Tillæg", "Nedsat", "Reserveret", "Frigivet", "Brugt"],
    notice_spending_sent: "Dit ønske er sendt til din sagsbehandler. Beløbet er sat til side, til du får svar.",
    notice_spending_cancelled: "Dit ønske er trukket tilbage. Beløbet er frigivet igen.",
    notice_budget_ended: "Budgettet er afsluttet. Det ubrugte beløb er trukket tilbage.",
    decision_approved: "Godkendt",
    decision_approved_lower: "Godkendt med et lavere beløb",
    decision_spending_declined: "Afslået",
    open_budget_link: "Se og ændre borgerens personlige budget",
    notification_spending_answered: "Din sagsbehandler har svaret på dit ønske om penge.",
    purpose_spending_review: "Åbnede dit ønske om penge for at svare på det",
    purpose_budget_work: "Så dit personlige budget",
    request_status_names: &["Venter på svar", "Godkendt", "Afslået", "Trukket tilbage"],
    notice_meetup_joined: "Du er skrevet på mødet.",
    notice_meetup_waiting: "Mødet er fuldt. Du er skrevet på ventelisten.",
    notice_meetup_left: "Du har meldt afbud.",
    notification_meetup_moved_up: "Der er blevet en plads til dig på et møde, du ventede på.",
    notice_group_joined: "Du er nu en del af gruppen.",
    notice_group_left: "Du er meldt ud af gruppen.",
    notification_meetup_changed: "Et møde, du er skrevet på, er ændret. Se den nye tid og det nye sted.",
    notification_meetup_cancelled: "Et møde, du er skrevet på, er aflyst.",
    notification_meetup_announcement: "Værten har sendt en besked om et møde, du er skrevet på.",
    notification_message_answered: "Du har fået svar fra din sagsbehandler.",
    notification_appointment_booked: "Din sagsbehandler har aftalt et møde med dig. Se tid og sted i din plan.",
    notification_appointment_cancelled: "Din sagsbehandler har aflyst et møde med dig.",
    notification_activity_added: "Din sagsbehandler har skrevet en ny aktivitet i din plan.",
    notification_activity_changed: "Din sagsbehandler har ændret en aktivitet i din plan.",
    notification_complaint_answered: "Kommunen har svaret på din klage over en afgørelse.",
    purpose_conversation: "Læste jeres samtale",
    purpose_attachment: "Hentede en fil, du har sendt",
    purpose_caseload: "Så dig på sin liste over borgere: dit navn, hvor mange mål og indsatser du har, og hvornår I sidst havde kontakt",
    purpose_complaint_review: "Læste din klage over en afgørelse for at svare på den",
    notice_message_sent: "Din besked er sendt. Du kan se her, når din sagsbehandler har læst den.",
    notice_message_answered: "Dit svar er sendt. Borgeren får besked om, at der er svar – ikke hvad du har skrevet.",
    notice_conversation_closed: "Samtalen er markeret som afsluttet. Skriver borgeren igen, åbner den igen.",
    notice_complaint_sent: "Din klage er sendt. Kommunen ser på sagen igen og svarer dig her i Én Plan.",
    notice_name_saved: "Dit navn er gemt.",
    notice_group_created: "Gruppen er oprettet. Nu kan du oprette møder.",
    notice_meetup_posted: "Mødet er oprettet, og alle kan se det.",
    notice_meetup_cancelled: "Mødet er aflyst, og alle, der var skrevet på, har fået besked.",
    notice_announcement_sent: "Beskeden er sendt til alle, der er skrevet på.",
    access_log: &crate::features::access_log::texts::DA,
    budget: &crate::features::budget::texts::DA,
    casework: &crate::features::casework::texts::DA,
    conversation: &crate::features::conversation::texts::DA,
    decisions: &crate::features::decisions::texts::DA,
    complaints: &crate::features::complaints::texts::DA,
    helpers: &crate::features::representation::texts::DA,
    admin: &crate::features::admin::texts::DA,
    handover: &crate::features::handover::texts::DA,
    cover: &crate::features::cover::texts::DA,
    settings: &crate::features::settings::texts::DA,
    people: &crate::features::people::texts::DA,
    goals: &crate::features::goals::texts::DA,
    identity: &crate::features::identity::texts::DA,
    inbox: &crate::features::inbox::texts::DA,
    my_caseworker: &crate::features::my_caseworker::texts::DA,
    network: &crate::features::network::texts::DA,
    notices: &crate::features::notices::texts::DA,
    my_data: &crate::features::my_data::texts::DA,
    notifications: &crate::features::notifications::texts::DA,
    plan: &crate::features::plan::texts::DA,
    site: &crate::features::site::texts::DA,
};

/// English.
pub static EN: Texts = Texts {
    lang_name: "English",
    app_name: "Én Plan",
    skip_to_content: "Skip to content",
    test_login_banner: "Test login – not MitID. The people are made up: never enter real information here.",
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
    home_network_link: "See network groups",
    login_error_unavailable: "We cannot reach the login service right now. Please try again in a little while.",
    plan_none_heading: "You do not have a plan in Én Plan yet",
    plan_none_body: &[
        "Én Plan is for citizens who are in touch with several parts of the municipality at the same time. You get one plan and one caseworker, so you do not have to tell your story again and again.",
        "Would you like a plan? Call or write to your municipality and say that you would like to talk about Én Plan. You can also ask your caseworker, if you already have one.",
        "You are always welcome at the network groups to meet other people.",
    ],
    plan_goal_why: "Why it matters to me",
    plan_goal_first_step: "First step",
    goal_status_names: &["Proposed – waiting for an answer", "Change suggested by your caseworker", "Agreed", "Declined", "Withdrawn", "Reached"],
    department_names: &["Job", "Social", "Health", "Housing", "Education", "Money", "Family"],
    activity_status_names: &["Planned", "In progress", "Done", "Stopped"],
    plan_history_empty: "There are no changes yet.",
    history_plan_created: "The plan was created",
    history_goal_added: "Goal added",
    history_activity_added: "Activity added",
    history_appointment_added: "Appointment added",
    history_other: "Change",
    role_names: &["Caseworker", "Administrator", "Network group host", "Helper"],
    login_needed: "You need to log in to see this.",

    footer_a11y: "Accessibility statement",
    footer_source: "Én Plan is open source.",
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
    page_links_label: "More pages",
    page_older: "Show older",
    page_newest: "Back to the newest",
    page_more: "Show more",
    page_first: "Back to the start of the list",
    history_goal_proposed: "Goal proposed",
    history_goal_withdrawn: "Proposal withdrawn",
    history_goal_accepted: "Goal approved",
    history_goal_change_suggested: "New wording suggested",
    history_goal_change_accepted: "New wording accepted",
    history_goal_change_rejected: "Own wording kept",
    history_goal_declined: "Proposal declined",
    form_sending: "Sending …",
    form_problems: "There is something to correct",
    notification_goal_answered: "Your caseworker has answered your proposal for a goal.",
    notification_other: "There is something new in your plan.",
    nav_notifications: "Messages",
    nav_unread: |n| format!("{n} new"),
    nav_inbox: "Inbox",
    nav_caseload: "My citizens",
    inbox_body: "Here caseworkers see what is waiting for their answer.",
    review_citizen: "Citizen",
    review_log_note: "The citizen can see in their log that you opened the proposal.",
    answer_label: "Your answer",
    reason_label: "Reason (needed if you decline or suggest another wording)",
    reason_hint: "Write it so the citizen can understand it. The citizen sees the reason and how to complain.",
    answer_submit: "Send the answer",
    back_to_inbox: "Back to the inbox",
    purpose_goal_review: "Answering a proposed goal",
    history_activity_updated: "Activity changed",
    history_note_added: "Meeting note added",
    notice_saved: "Saved. It is now in the plan, and the citizen can see it.",
    purpose_plan_work: "Working on your plan",
    purpose_inbox: "Saw your proposal or request for money in their inbox",
    citizen_plan_log_note: "The citizen can see in their log that you opened the plan.",
    citizen_open_plan: "Open the plan",
    appointment_date_label: "Date",
    appointment_time_label: "Time",
    appointment_duration_label: "Length in minutes",
    appointment_address_label: "Address",
    history_goal_decision_corrected: "Decision corrected",
    history_complaint_made: "You complained about a decision",
    history_complaint_upheld: "The municipality kept the decision and sent the complaint to Ankestyrelsen",
    history_complaint_changed: "The municipality changed the decision after your complaint",
    history_appointment_cancelled: "Meeting cancelled",
    ledger_kind_names: &["Granted", "Top-up", "Reduced", "Reserved", "Released", "Spent"],
    notice_spending_sent: "Your request has been sent to your caseworker. The amount is set aside until you get an answer.",
    notice_spending_cancelled: "Your request has been withdrawn. The amount is free again.",
    notice_budget_ended: "The budget has ended. The unused amount has been taken back.",
    decision_approved: "Approved",
    decision_approved_lower: "Approved with a lower amount",
    decision_spending_declined: "Declined",
    open_budget_link: "See and change the citizen's personal budget",
    notification_spending_answered: "Your caseworker has answered your request for money.",
    purpose_spending_review: "Opened your request for money to answer it",
    purpose_budget_work: "Looked at your personal budget",
    request_status_names: &["Waiting for an answer", "Approved", "Declined", "Withdrawn"],
    notice_meetup_joined: "You are signed up for the meetup.",
    notice_meetup_waiting: "The meetup is full. You are on the waiting list.",
    notice_meetup_left: "You have cancelled your place.",
    notification_meetup_moved_up: "A place has opened for you at a meetup you were waiting for.",
    notice_group_joined: "You are now part of the group.",
    notice_group_left: "You have left the group.",
    notification_meetup_changed: "A meetup you signed up for has changed. See the new time and place.",
    notification_meetup_cancelled: "A meetup you signed up for has been cancelled.",
    notification_meetup_announcement: "The host sent a message about a meetup you signed up for.",
    notification_message_answered: "You have an answer from your caseworker.",
    notification_appointment_booked: "Your caseworker has booked a meeting with you. See the time and place in your plan.",
    notification_appointment_cancelled: "Your caseworker has cancelled a meeting with you.",
    notification_activity_added: "Your caseworker has added an activity to your plan.",
    notification_activity_changed: "Your caseworker has changed an activity in your plan.",
    notification_complaint_answered: "The municipality has answered your complaint about a decision.",
    purpose_conversation: "Read your conversation",
    purpose_attachment: "Downloaded a file you sent",
    purpose_caseload: "Saw you on their list of citizens: your name, how many goals and activities you have, and when you were last in touch",
    purpose_complaint_review: "Read your complaint about a decision to answer it",
    notice_message_sent: "Your message has been sent. You can see here when your caseworker has read it.",
    notice_message_answered: "Your answer has been sent. The citizen is told there is an answer – not what you wrote.",
    notice_conversation_closed: "The conversation is marked as done. If the citizen writes again, it opens again.",
    notice_complaint_sent: "Your complaint has been sent. The municipality is looking at the case again and will answer you here in Én Plan.",
    notice_name_saved: "Your name is saved.",
    notice_group_created: "The group is created. Now you can post meetups.",
    notice_meetup_posted: "The meetup is posted, and anyone can see it.",
    notice_meetup_cancelled: "The meetup is cancelled, and everyone signed up has been told.",
    notice_announcement_sent: "The message is sent to everyone signed up.",
    access_log: &crate::features::access_log::texts::EN,
    budget: &crate::features::budget::texts::EN,
    casework: &crate::features::casework::texts::EN,
    conversation: &crate::features::conversation::texts::EN,
    decisions: &crate::features::decisions::texts::EN,
    complaints: &crate::features::complaints::texts::EN,
    helpers: &crate::features::representation::texts::EN,
    admin: &crate::features::admin::texts::EN,
    handover: &crate::features::handover::texts::EN,
    cover: &crate::features::cover::texts::EN,
    settings: &crate::features::settings::texts::EN,
    people: &crate::features::people::texts::EN,
    goals: &crate::features::goals::texts::EN,
    identity: &crate::features::identity::texts::EN,
    inbox: &crate::features::inbox::texts::EN,
    my_caseworker: &crate::features::my_caseworker::texts::EN,
    network: &crate::features::network::texts::EN,
    notices: &crate::features::notices::texts::EN,
    my_data: &crate::features::my_data::texts::EN,
    notifications: &crate::features::notifications::texts::EN,
    plan: &crate::features::plan::texts::EN,
    site: &crate::features::site::texts::EN,
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

    /// Every string and list of a catalogue, found by serialising it (so
    /// a new field is checked without being listed here).
    fn strings_of(t: &Texts) -> Vec<(String, serde_json::Value)> {
        fn walk(path: String, v: &serde_json::Value, out: &mut Vec<(String, serde_json::Value)>) {
            match v {
                serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| walk(format!("{path}.{k}"), v, out)),
                serde_json::Value::Array(a) if a.iter().all(|v| !v.is_string()) => {
                    a.iter().enumerate().for_each(|(i, v)| walk(format!("{path}[{i}]"), v, out))
                }
                other => out.push((path, other.clone())),
            }
        }
        let mut out = Vec::new();
        walk(String::new(), &serde_json::to_value(t).expect("texts serialise"), &mut out);
        out
    }

    #[test]
    fn no_string_or_list_is_empty_and_none_is_a_template_in_either_language() {
        for lang in [Lang::Da, Lang::En] {
            let all = strings_of(lang.texts());
            assert!(all.len() > 300, "the walk found the strings ({})", all.len());
            for (field, v) in all {
                let strings: Vec<&str> = match &v {
                    serde_json::Value::String(s) => vec![s.as_str()],
                    serde_json::Value::Array(a) => a.iter().filter_map(|s| s.as_str()).collect(),
                    other => panic!("{field} is neither a string nor a list: {other}"),
                };
                assert!(!strings.is_empty(), "empty list {field} in {lang:?}");
                for s in strings {
                    assert!(!s.trim().is_empty(), "empty string {field} in {lang:?}");
                    assert!(!s.contains('{'), "{field} in {lang:?} is a template; make it a function of its values: {s}");
                }
            }
        }
    }

    #[test]
    fn texts_with_values_show_the_values_in_both_languages() {
        for t in [Lang::Da.texts(), Lang::En.texts()] {
            for (text, value) in [
                ((t.nav_unread)(3), "3"),
                ((t.network.mine_name_current)("Sol"), "Sol"),
                ((t.network.network_places_left)(2, 9), "9"),
                ((t.network.network_waiting)(4), "4"),
                ((t.network.network_going_list)(5), "5"),
                ((t.network.network_waiting_list)(6), "6"),
                ((t.budget.citizen_budget_ended)("1. maj"), "1. maj"),
                ((t.budget.grant_intro)("50.000,00 kr."), "50.000,00 kr."),
                ((t.budget.spend_amount_hint)("812,50 kr."), "812,50 kr."),
                ((t.budget.budget_ended)("2. maj"), "2. maj"),
                ((t.my_caseworker.cw_count_many)(7), "7"),
                ((t.decisions.decision_corrects)("3. maj"), "3. maj"),
                ((t.inbox.caseload_count)(12), "12"),
                ((t.network.host_going_count)(8, 10), "8"),
                ((t.conversation.intro)("Karin Holm"), "Karin Holm"),
                ((t.conversation.staff_intro)("Mette Hansen"), "Mette Hansen"),
                ((t.conversation.read)("14.32", "Karin Holm"), "14.32"),
                ((t.conversation.inbox_waiting)(3), "3"),
            ] {
                assert!(text.contains(value) && !text.contains('{'), "{text}");
            }
            assert!((t.network.network_places_left)(2, 9).contains('2') && (t.network.host_going_count)(8, 10).contains("10"));
        }
    }

    #[test]
    fn lists_have_the_same_length_in_both_languages() {
        let (da, en) = (Lang::Da.texts(), Lang::En.texts());
        assert_eq!(da.site.home_what_items.len(), en.site.home_what_items.len());
        assert_eq!(da.identity.login_body.len(), en.identity.login_body.len());
        assert_eq!(da.site.a11y_body.len(), en.site.a11y_body.len());
        assert_eq!(da.site.a11y_known_items.len(), en.site.a11y_known_items.len());
        assert_eq!(da.plan_none_body.len(), en.plan_none_body.len());
    }

    #[test]
    fn every_status_and_department_has_a_name_in_both_languages() {
        use crate::kernel::plan::{ActivityStatus, Department, GoalStatus};
        for t in [Lang::Da.texts(), Lang::En.texts()] {
            assert_eq!(t.goal_status_names.len(), GoalStatus::ALL.len());
            assert_eq!(t.department_names.len(), Department::ALL.len());
            assert_eq!(t.activity_status_names.len(), ActivityStatus::ALL.len());
            assert_eq!(t.role_names.len(), crate::kernel::plan::Role::ALL.len());
            assert_eq!(t.ledger_kind_names.len(), 6);
            assert_eq!(t.ledger_kind("spend"), t.ledger_kind_names[5]);
        }
    }

    #[test]
    fn every_notification_kind_has_its_own_sentence_and_an_unknown_word_the_general_one() {
        use crate::features::notifications::notice::NotificationKind;
        for lang in [Lang::Da, Lang::En] {
            let t = lang.texts();
            let mut seen = std::collections::HashSet::new();
            for kind in NotificationKind::ALL {
                let sentence = t.notification(kind.as_str());
                assert_ne!(sentence, t.notification_other, "{kind:?} in {lang:?}");
                assert!(seen.insert(sentence), "{kind:?} shares its sentence in {lang:?}");
            }
            assert_eq!(t.notification("something_old"), t.notification_other);
        }
    }

    #[test]
    fn every_access_purpose_has_its_own_words_and_plain_text_is_shown_as_written() {
        use crate::features::access_log::purpose::Purpose;
        for lang in [Lang::Da, Lang::En] {
            let t = lang.texts();
            let mut seen = std::collections::HashSet::new();
            for p in Purpose::ALL {
                let words = t.access_purpose(p.as_str());
                assert_ne!(words, p.as_str(), "{p:?} in {lang:?}");
                assert!(seen.insert(words), "{p:?} shares its words in {lang:?}");
            }
            assert_eq!(t.access_purpose("Aftale om møde i caféen"), "Aftale om møde i caféen");
        }
    }
}
