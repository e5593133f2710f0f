//! The caseworker's inbox and caseload. Only caseworkers have them, and each
//! sees only the citizens they are caseworker or stand-in for.
//!
//! The inbox shows what a proposal or a spending request says, so each citizen in it gets an
//! access-log entry ("indbakke") every time it is shown. The caseload shows
//! each citizen's plan in figures and their last contact, so it is logged too
//! ("liste over borgere"), each entry in the capacity the caseworker has for
//! that citizen; opening a citizen's plan or a proposal is logged by its
//! feature (see `casework`, `goals`).

use crate::features::inbox::views::CaseloadItem;
use crate::features::inbox::views::InboxItem;
use crate::features::inbox::views::InboxKind;
use crate::features::inbox::views::InboxPage;
use crate::i18n::Lang;
use crate::kernel::ids::PersonId;
use crate::kernel::paging::{cut_at, Before, Paged, AFTER, PAGE_SIZE};
use crate::kernel::plan::Role;
use crate::kernel::time::{date_time, waited};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;

use crate::routes;
use crate::ssr::access::{self, Purpose};
use crate::ssr::service::{ServiceError, ServiceResult};

/// An answer is due within this long (the municipality's response target).
pub const RESPONSE_TARGET_MS: i64 = 7 * 86_400_000;

/// Everything waiting for `user` across their caseload, oldest first, a
/// page at a time (after `after`); `kind` narrows it to one kind.
///
/// The page's place is (waiting since, tag), the tag the row's id·3 plus
/// its kind (goal 0, request 1, conversation 2: the stores' queries use
/// the same), so rows of different kinds at the same moment have one order.
pub async fn inbox(
    store: &dyn Store,
    user: &CurrentUser,
    kind: Option<InboxKind>,
    after: Option<Before>,
    now: i64,
    lang: Lang,
) -> ServiceResult<InboxPage> {
    if !user.has_role(Role::Caseworker) {
        return Err(ServiceError::NotAllowed);
    }
    // Complaints stand above the rest, on the first page.
    let (complaints, complained) = match after {
        None => crate::features::complaints::service::waiting(store, user, now, lang).await?,
        Some(_) => (Vec::new(), Vec::new()),
    };
    // So do citizens just handed to this caseworker, with the handover note.
    let (new_citizens, handed) = match after {
        None => crate::features::handover::service::waiting(store, user, lang).await?,
        Some(_) => (Vec::new(), Vec::new()),
    };
    let limit = PAGE_SIZE as i64 + 1;
    let wanted = |k: InboxKind| kind.is_none() || kind == Some(k);
    // (waiting since, tag, citizen, kind, link, citizen's name, title)
    let mut open = Vec::new();
    if wanted(InboxKind::Goal) {
        for o in store.open_goals_for(user.person_id, after, limit, now).await? {
            open.push((
                o.goal.updated_at,
                o.goal.id.0 * 3,
                o.goal.citizen_id,
                InboxKind::Goal,
                routes::goal_review(o.goal.id.0),
                o.citizen_name,
                o.goal.title,
            ));
        }
    }
    if wanted(InboxKind::Spending) {
        for o in store.open_spending_for(user.person_id, after, limit, now).await? {
            let title = format!("{} · {}", o.request.amount, o.request.purpose);
            open.push((
                o.request.created_at,
                o.request.id.0 * 3 + 1,
                o.request.citizen_id,
                InboxKind::Spending,
                routes::spending_review(o.request.id.0),
                o.citizen_name,
                title,
            ));
        }
    }
    if wanted(InboxKind::Message) {
        // The count, not the words: the conversation page shows those (and logs it).
        for o in store.open_conversations_for(user.person_id, after, limit, now).await? {
            let title = (lang.texts().conversation.inbox_waiting)(o.waiting);
            open.push((
                o.waiting_since,
                o.citizen_id.0 * 3 + 2,
                o.citizen_id,
                InboxKind::Message,
                routes::citizen_conversation(o.citizen_id.0),
                o.citizen_name,
                title,
            ));
        }
    }
    open.sort_by_key(|o| (o.0, o.1));
    let path = match kind {
        Some(k) => format!("{}?type={}", routes::INBOX, k.slug()),
        None => routes::INBOX.to_string(),
    };
    let more = cut_at(&mut open, AFTER, |o| format!("{}-{}", o.0, o.1), &path);
    // One entry per citizen shown, whether for a complaint, an item or both.
    let shown: std::collections::BTreeSet<_> = open.iter().map(|o| o.2).chain(complained).chain(handed).collect();
    let shown: Vec<_> = shown.into_iter().collect();
    access::log_reads(store, user, &shown, Purpose::Inbox, now).await?;
    let items = open
        .into_iter()
        .map(|(since, _, _, kind, link, citizen, title)| {
            let age = now - since;
            InboxItem { kind, link, citizen, title, waited: waited(age, lang), overdue: age > RESPONSE_TARGET_MS }
        })
        .collect();
    Ok(InboxPage { complaints, new_citizens, page: Paged { items, older: more, later: after.is_some() } })
}

/// Every citizen `user` is caseworker or stand-in for, a page at a time by
/// name (after `after`), with how many there are in all. Each citizen on
/// the page gets an entry in their access log.
pub async fn caseload(
    store: &dyn Store,
    user: &CurrentUser,
    after: Option<PersonId>,
    now: i64,
    lang: Lang,
) -> ServiceResult<(usize, Paged<CaseloadItem>)> {
    if !user.has_role(Role::Caseworker) {
        return Err(ServiceError::NotAllowed);
    }
    let total = store.caseload(user.person_id, now).await?.len();
    let rows = store.caseload_overview(user.person_id, now, after, PAGE_SIZE as i64 + 1).await?;
    // The list shows each citizen's plan in figures and their last contact:
    // a read of their data, in each one's access log (the page's rows only).
    let shown: Vec<PersonId> = rows.iter().take(PAGE_SIZE).map(|r| r.citizen_id).collect();
    access::log_reads(store, user, &shown, Purpose::Caseload, now).await?;
    let page = Paged::listed(
        rows,
        |r| r.citizen_id.0.to_string(),
        |r| CaseloadItem {
            link: routes::citizen(r.citizen_id.0),
            citizen: r.name,
            standin: r.standin,
            has_plan: r.has_plan,
            accepted_goals: r.accepted_goals,
            active_activities: r.active_activities,
            open_items: r.open_items,
            last_contact: r.last_contact.map(|t| date_time(t, lang)),
        },
        routes::CASELOAD,
        after.is_some(),
    );
    Ok((total, page))
}
