//! The citizen's plan. A citizen sees only their own: `my_plan` takes the
//! signed-in user and reads nothing but that user's plan. Only citizens
//! (people known by CPR number) can have one; a plan is made by the
//! municipality (the caseworker's first change), never by logging in or reading.

use crate::features::plan::views::ActivityView;
use crate::features::plan::views::AppointmentView;
use crate::features::plan::views::GoalView;
use crate::features::plan::views::HistoryItem;
use crate::features::plan::views::NoteView;
use crate::features::plan::views::PlanView;
use crate::features::plan::views::Who;
use crate::i18n::Lang;
use crate::kernel::ids::{PersonId, PlanId};
use crate::kernel::paging::{cut, Before, PAGE_SIZE};
use crate::kernel::plan::ActorKind;
use crate::kernel::time::date_time;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbResult, Store};

use crate::kernel::representation::HelperKind;
use crate::ssr::service::Names;

/// The signed-in citizen's own plan (`None`: they have none).
/// Its history a page at a time, from `history_before`.
pub async fn my_plan(
    store: &dyn Store,
    user: &CurrentUser,
    history_before: Option<Before>,
    now: i64,
    lang: Lang,
) -> DbResult<Option<PlanView>> {
    let Ok(me) = crate::ssr::access::citizen_for(user, crate::ssr::access::Scope::See) else {
        return Ok(None);
    };
    me.log_read(store, crate::ssr::access::Purpose::PlanSeen, now).await?;
    match store.plan_of(me.citizen).await? {
        Some(plan) => Ok(Some(plan_view(store, me.citizen, plan, me.actor, (history_before, crate::routes::PLAN), now, lang).await?)),
        None => Ok(None),
    }
}

/// `citizen`'s plan as `reader` sees it: the reader's own changes are "you".
/// Authorization is the caller's: this reads whatever plan it is given.
pub(crate) async fn plan_view(
    store: &dyn Store,
    citizen: PersonId,
    plan: PlanId,
    reader: PersonId,
    (history_before, page): (Option<Before>, &str),
    now: i64,
    lang: Lang,
) -> DbResult<PlanView> {
    let mut names = Names::new(store);
    let decisions = store.decisions_of(citizen).await?;
    let mut goals = Vec::new();
    for g in store.goals(plan).await? {
        let decisions = crate::features::decisions::service::decision_views(&mut names, &decisions, "goal", g.id.0, lang).await?;
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
        .map(|a| ActivityView { id: a.id, department: a.department, title: a.title, responsible: a.responsible, status: a.status })
        .collect();
    let mut upcoming: Vec<_> = store.appointments(plan).await?.into_iter().filter(|a| a.starts_at >= now).collect();
    upcoming.sort_by_key(|a| a.starts_at);
    let appointments = upcoming
        .into_iter()
        .map(|a| AppointmentView {
            id: a.id,
            when: date_time(a.starts_at, lang),
            duration_minutes: a.duration_minutes,
            place: a.place,
            address: a.address,
            outreach: a.outreach,
            note: a.note,
        })
        .collect();
    let mut notes = Vec::new();
    for n in store.meeting_notes(plan).await? {
        notes.push(NoteView { when: date_time(n.written_at, lang), by: names.of(n.staff_id).await?, body: n.body });
    }
    // Newest first (ties by id), a page at a time; the link goes to the page's history.
    let mut events = store.history_page(plan, history_before, PAGE_SIZE as i64 + 1).await?;
    let history_older = cut(&mut events, |e| (e.at, e.id), page).map(|link| format!("{link}#historik"));
    let mut history = Vec::with_capacity(events.len());
    for e in events {
        let who = match (e.actor_kind, e.actor_id, e.helper_id) {
            // "Ole Berg (fuldmægtig) for Mette Hansen": whoever reads it.
            (_, Some(citizen), Some(helper)) => {
                let t = lang.texts().helpers;
                let kind = e.helper_kind.as_deref().and_then(HelperKind::parse).map_or("", |k| t.kind(k));
                Who::Named((t.acted_for)(&names.of(helper).await?, kind, &names.of(citizen).await?))
            }
            (_, Some(id), None) if id == reader => Who::You,
            (ActorKind::Staff | ActorKind::Citizen, Some(id), None) => Who::Named(names.of(id).await?),
            _ => Who::System,
        };
        history.push(HistoryItem { when: date_time(e.at, lang), who, kind: e.kind, about: e.summary });
    }
    Ok(PlanView { goals, activities, appointments, history, notes, history_older, history_later: history_before.is_some() })
}
