//! The caseworker's inbox and caseload. Only caseworkers have them, and each
//! sees only the citizens they are caseworker or stand-in for.
//!
//! The inbox shows what a proposal or a spending request says, so each citizen in it gets an
//! access-log entry ("indbakke") every time it is shown. The caseload shows
//! only names and counts of the caseworker's own citizens and is not logged;
//! opening a citizen's plan or a proposal is (see `casework`, `goals`).

use crate::features::inbox::views::CaseloadItem;
use crate::features::inbox::views::InboxItem;
use crate::features::inbox::views::InboxKind;
use crate::i18n::Lang;
use crate::kernel::plan::Role;
use crate::kernel::time::{date_time, waited};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;

use crate::routes;
use crate::ssr::access::{self, Purpose};
use crate::ssr::service::{ServiceError, ServiceResult};

/// An answer is due within this long (the municipality's response target).
pub const RESPONSE_TARGET_MS: i64 = 7 * 86_400_000;

/// Everything waiting for `user` across their caseload, oldest first;
/// `kind` narrows it to one kind.
pub async fn inbox(store: &dyn Store, user: &CurrentUser, kind: Option<InboxKind>, now: i64, lang: Lang) -> ServiceResult<Vec<InboxItem>> {
    if !user.has_role(Role::Caseworker) {
        return Err(ServiceError::NotAllowed);
    }
    // (waiting since, citizen, kind, link, citizen's name, title)
    let mut open = Vec::new();
    if kind.is_none() || kind == Some(InboxKind::Goal) {
        for o in store.open_goals_for(user.person_id).await? {
            open.push((
                o.goal.updated_at,
                o.goal.citizen_id,
                InboxKind::Goal,
                routes::goal_review(o.goal.id.0),
                o.citizen_name,
                o.goal.title,
            ));
        }
    }
    if kind.is_none() || kind == Some(InboxKind::Spending) {
        for o in store.open_spending_for(user.person_id).await? {
            let title = format!("{} · {}", o.request.amount, o.request.purpose);
            open.push((
                o.request.created_at,
                o.request.citizen_id,
                InboxKind::Spending,
                routes::spending_review(o.request.id.0),
                o.citizen_name,
                title,
            ));
        }
    }
    if kind.is_none() || kind == Some(InboxKind::Message) {
        // The count, not the words: the conversation page shows those (and logs it).
        for o in store.open_conversations_for(user.person_id).await? {
            let title = (lang.texts().conversation.inbox_waiting)(o.waiting);
            open.push((
                o.waiting_since,
                o.citizen_id,
                InboxKind::Message,
                routes::citizen_conversation(o.citizen_id.0),
                o.citizen_name,
                title,
            ));
        }
    }
    open.sort_by_key(|o| o.0);
    let shown: std::collections::BTreeSet<_> = open.iter().map(|o| o.1).collect();
    let shown: Vec<_> = shown.into_iter().collect();
    access::log_reads(store, user, &shown, Purpose::Inbox, now).await?;
    Ok(open
        .into_iter()
        .map(|(since, _, kind, link, citizen, title)| {
            let age = now - since;
            InboxItem { kind, link, citizen, title, waited: waited(age, lang), overdue: age > RESPONSE_TARGET_MS }
        })
        .collect())
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
            link: routes::citizen(r.citizen_id.0),
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
