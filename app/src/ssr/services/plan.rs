//! The citizen's plan. A citizen sees only their own: every function here
//! takes the signed-in user and reads nothing but that user's plan. Only
//! citizens (people known by CPR number) can have one; a plan is made by
//! the municipality, never by logging in or reading.

use std::collections::HashMap;

use crate::domain::ids::PersonId;
use crate::domain::plan::ActorKind;
use crate::domain::views::{ActivityView, AppointmentView, GoalView, HistoryItem, PlanView, Who};
use crate::i18n::Lang;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbResult, Store};
use crate::ssr::time::date_time;

/// The signed-in citizen's own plan (`None`: they have none).
pub async fn my_plan(store: &dyn Store, user: &CurrentUser, now: i64, lang: Lang) -> DbResult<Option<PlanView>> {
    if !user.is_citizen {
        return Ok(None);
    }
    let Some(plan) = store.plan_of(user.person_id).await? else {
        return Ok(None);
    };
    let decisions = store.decisions_of(user.person_id).await?;
    let mut goals = Vec::new();
    for g in store.goals(plan).await? {
        let decisions = super::goals::decision_views(store, &decisions, g.id, lang).await?;
        goals.push(GoalView {
            id: g.id,
            title: g.title,
            why: g.why,
            first_step: g.first_step,
            status: g.status,
            suggested_title: g.suggested_title,
            decisions,
        });
    }
    let activities = store
        .activities(plan)
        .await?
        .into_iter()
        .map(|a| ActivityView { department: a.department, title: a.title, responsible: a.responsible, status: a.status })
        .collect();
    let mut upcoming: Vec<_> = store.appointments(plan).await?.into_iter().filter(|a| a.starts_at >= now).collect();
    upcoming.sort_by_key(|a| a.starts_at);
    let appointments = upcoming
        .into_iter()
        .map(|a| AppointmentView {
            when: date_time(a.starts_at, lang),
            duration_minutes: a.duration_minutes,
            place: a.place,
            address: a.address,
            outreach: a.outreach,
            note: a.note,
        })
        .collect();
    let mut events = store.history(plan).await?;
    // The store gives them oldest first (by time, then id): newest first, ties too.
    events.reverse();
    let mut names: HashMap<PersonId, String> = HashMap::new();
    let mut history = Vec::with_capacity(events.len());
    for e in events {
        let who = match (e.actor_kind, e.actor_id) {
            (ActorKind::Citizen, Some(id)) if id == user.person_id => Who::You,
            (ActorKind::Staff, Some(id)) | (ActorKind::Citizen, Some(id)) => {
                if !names.contains_key(&id) {
                    let p = store.person(id).await?;
                    names.insert(id, p.display_name.unwrap_or(p.full_name));
                }
                Who::Staff(names[&id].clone())
            }
            _ => Who::System,
        };
        history.push(HistoryItem { when: date_time(e.at, lang), who, kind: e.kind, about: e.summary });
    }
    Ok(Some(PlanView { goals, activities, appointments, history }))
}
