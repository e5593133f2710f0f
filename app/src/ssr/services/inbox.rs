//! The caseworker's inbox and caseload. Only caseworkers have them, and each
//! sees only the citizens they are caseworker or stand-in for.
//!
//! The inbox shows what a proposal or a spending request says, so each citizen in it gets an
//! access-log entry ("indbakke") every time it is shown. The caseload shows
//! only names and counts of the caseworker's own citizens and is not logged;
//! opening a citizen's plan or a proposal is (see `casework`, `goals`).

use crate::domain::plan::Role;
use crate::domain::views::{CaseloadItem, InboxItem, InboxKind};
use crate::i18n::Lang;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;
use crate::ssr::time::{date_time, waited};

use super::{ServiceError, ServiceResult};

/// Why staff saw a citizen's data in the inbox, as written to the access log.
pub const PURPOSE_INBOX: &str = "inbox";

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
    let mut shown = std::collections::BTreeSet::new();
    if kind.is_none() || kind == Some(InboxKind::Goal) {
        for open in store.open_goals_for(user.person_id).await? {
            shown.insert(open.goal.citizen_id);
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
    if kind.is_none() || kind == Some(InboxKind::Spending) {
        for open in store.open_spending_for(user.person_id).await? {
            shown.insert(open.request.citizen_id);
            let age = now - open.request.created_at;
            items.push((
                open.request.created_at,
                InboxItem {
                    kind: InboxKind::Spending,
                    link: super::budget::review_link(open.request.id),
                    citizen: open.citizen_name,
                    title: format!("{} · {}", open.request.amount, open.request.purpose),
                    waited: waited(age, lang),
                    overdue: age > RESPONSE_TARGET_MS,
                },
            ));
        }
    }
    for citizen in shown {
        store.log_access(citizen, user.person_id, Role::Caseworker, PURPOSE_INBOX, now).await?;
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
