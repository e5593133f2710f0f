//! This feature's strings, in Danish and English: [`PlanTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.plan.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// Plan's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct PlanTexts {
    pub plan_title: &'static str,
    pub plan_body: &'static str,
    pub plan_hello: &'static str,
    pub plan_goals_heading: &'static str,
    pub plan_goals_empty: &'static str,
    pub plan_activities_heading: &'static str,
    pub plan_activities_empty: &'static str,
    pub plan_activity_responsible: &'static str,
    pub plan_appointments_heading: &'static str,
    pub plan_appointments_empty: &'static str,
    pub plan_appointment_outreach: &'static str,
    pub plan_minutes: &'static str,
    pub plan_history_heading: &'static str,
    pub history_you: &'static str,
    pub history_system: &'static str,
    pub access_link: &'static str,

    pub plan_propose_link: &'static str,
    pub goal_suggested_heading: &'static str,
    pub goal_accept_change: &'static str,
    pub goal_reject_change: &'static str,
    pub goal_withdraw: &'static str,
    pub plan_notes_heading: &'static str,
    pub plan_notes_empty: &'static str,
}

pub static DA: PlanTexts = PlanTexts {
    plan_title: "Min plan",
    plan_body: "Her ser du dine mål, hvad der skal ske, hvem der har ansvaret, og dine næste aftaler.",
    plan_hello: "Hej",
    plan_goals_heading: "Dine mål",
    plan_goals_empty: "Du har ingen mål endnu. Når du og din sagsbehandler aftaler et mål, står det her – med dine egne ord.",
    plan_activities_heading: "Det sker nu",
    plan_activities_empty:
        "Der er ingen aktiviteter endnu. Her kommer det, som jobcenter, socialforvaltning, sundhed, bolig og uddannelse gør sammen med dig.",
    plan_activity_responsible: "Ansvarlig",
    plan_appointments_heading: "Dine næste aftaler",
    plan_appointments_empty: "Du har ingen aftaler lige nu. Nye aftaler med tid og sted kommer her.",
    plan_appointment_outreach: "Vi mødes uden for kontoret",
    plan_minutes: "minutter",
    plan_history_heading: "Det er ændret",
    history_you: "dig",
    history_system: "systemet",
    access_link: "Se hvem der har set dine oplysninger",

    plan_propose_link: "Foreslå et mål",
    goal_suggested_heading: "Din sagsbehandler foreslår at skrive målet sådan:",
    goal_accept_change: "Brug den nye formulering",
    goal_reject_change: "Behold min egen formulering",
    goal_withdraw: "Træk forslaget tilbage",
    plan_notes_heading: "Noter fra møder",
    plan_notes_empty: "Når du har holdt møde med din sagsbehandler, kan I skrive en note sammen. Den kommer her.",
};

pub static EN: PlanTexts = PlanTexts {
    plan_title: "My plan",
    plan_body: "Here you see your goals, what happens next, who is responsible, and your next appointments.",
    plan_hello: "Hello",
    plan_goals_heading: "Your goals",
    plan_goals_empty: "You have no goals yet. When you and your caseworker agree on a goal, it appears here – in your own words.",
    plan_activities_heading: "What is happening",
    plan_activities_empty:
        "There are no activities yet. What the job centre, social services, health, housing and education do with you will appear here.",
    plan_activity_responsible: "Responsible",
    plan_appointments_heading: "Your next appointments",
    plan_appointments_empty: "You have no appointments right now. New appointments with time and place will appear here.",
    plan_appointment_outreach: "We meet outside the office",
    plan_minutes: "minutes",
    plan_history_heading: "What has changed",
    history_you: "you",
    history_system: "the system",
    access_link: "See who has seen your information",

    plan_propose_link: "Propose a goal",
    goal_suggested_heading: "Your caseworker suggests writing the goal like this:",
    goal_accept_change: "Use the new wording",
    goal_reject_change: "Keep my own wording",
    goal_withdraw: "Withdraw the proposal",
    plan_notes_heading: "Notes from meetings",
    plan_notes_empty: "When you have met your caseworker, you can write a note together. It appears here.",
};
