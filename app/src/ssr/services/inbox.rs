//! The caseworker's inbox and caseload. Only caseworkers have them, and each
//! sees only the citizens they are caseworker or stand-in for.
//!
//! These lists show who has something waiting, not the content of anybody's
//! plan beyond a proposal's title; opening an item to answer it reads the
//! citizen's data and writes the access log (see `goals::review`).

use crate::domain::plan::Role;
use crate::domain::views::{CaseloadItem, InboxItem, InboxKind};
use crate::i18n::Lang;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;
use crate::ssr::time::{date_time, waited};

use super::{ServiceError, ServiceResult};

/// An answer is due within this long (the municipality's response target).
pub const RESPONSE_TARGET_MS: i64 = 7 * 86_400_000;

/// Where a caseworker answers a proposal.
pub fn goal_review_link(id: crate::domain::ids::GoalId) -> String {
    format!("{}/{}", crate::shell::paths::INBOX_GOAL, id.0)
}

/// Everything waiting for `user` across their caseload, oldest first;
/// `kind` narrows it to one kind.
pub async fn inbox(store: &dyn Store, user: &CurrentUser, kind: Option<InboxKind>, now: i64, lang: Lang) -> ServiceResult<Vec<InboxItem>> {
    if !user.has_role(Role::Caseworker) {
        return Err(ServiceError::NotAllowed);
    }
    let mut items = Vec::new();
    if kind.is_none() || kind == Some(InboxKind::Goal) {
        for open in store.open_goals_for(user.person_id).await? {
            let age = now - open.goal.updated_at;
            items.push((
                open.goal.updated_at,
                InboxItem {
                    kind: InboxKind::Goal,
                    link: goal_review_link(open.goal.id),
                    citizen: open.citizen_name,
                    title: open.goal.title,
                    waited: waited(age, lang),
                    overdue: age > RESPONSE_TARGET_MS,
                },
            ));
        }
    }
    items.sort_by_key(|(since, _)| *since);
    Ok(items.into_iter().map(|(_, item)| item).collect())
}

/// Every citizen `user` is caseworker or stand-in for.
pub async fn caseload(store: &dyn Store, user: &CurrentUser, now: i64, lang: Lang) -> ServiceResult<Vec<CaseloadItem>> {
    if !user.has_role(Role::Caseworker) {
        return Err(ServiceError::NotAllowed);
    }
    Ok(store
        .caseload_overview(user.person_id, now)
        .await?
        .into_iter()
        .map(|r| CaseloadItem {
            link: super::casework::citizen_link(r.citizen_id),
            citizen: r.name,
            standin: r.standin,
            has_plan: r.has_plan,
            accepted_goals: r.accepted_goals,
            active_activities: r.active_activities,
            open_items: r.open_items,
            last_contact: r.last_contact.map(|t| date_time(t, lang)),
        })
        .collect())
}
