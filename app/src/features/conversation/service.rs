//! The conversation's rules: who may read and write a citizen's thread, when
//! a message counts as read, and the hourly limit.
//!
//! The citizen writes to whoever is their caseworker now; the caseworker
//! and the stand-in (asked of `ssr/access.rs`) read and answer the same
//! thread, and after a handover the new caseworker sees all of it and the
//! old one nothing. Every opening by staff is in the citizen's access log.
//! A message counts as read only when the other side opens the thread in a
//! request of our own site (the caller says so: `same_origin`), never when
//! another site sent the browser there. Bodies are never logged.

use crate::features::conversation::attachments::FileKind;
use crate::features::conversation::forms::message_fields;
use crate::features::conversation::store::{AttachmentFile, AttachmentInfo, Message, NewAttachment, NewMessage};
use crate::features::conversation::views::{AttachmentView, MessageView, ThreadState, ThreadView};
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::kernel::ids::{AttachmentId, MessageId, PersonId};
use crate::kernel::text::MessageBody;
use crate::kernel::time::date_time;
use crate::ssr::access::{self, Acting, Purpose, Scope};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{AssignmentKind, DbError, PerHour, Store};
use crate::ssr::service::{Names, ServiceError, ServiceResult};

/// The signed-in citizen's thread (`None`: they have no caseworker yet, so
/// there is nobody to write to). Opening it marks the caseworker's answers read.
pub async fn my_thread(
    store: &dyn Store,
    user: &CurrentUser,
    same_origin: bool,
    now: i64,
    lang: Lang,
) -> ServiceResult<Option<ThreadView>> {
    let me = access::citizen_for_any(user, &[Scope::Write, Scope::See])?;
    let Some(caseworker) = caseworker_of(store, me.citizen, now).await? else {
        return Ok(None);
    };
    me.log_read(store, Purpose::Conversation, now).await?;
    let other = store.person(caseworker).await?.full_name;
    Ok(Some(thread(store, &me, other, same_origin, now, lang).await?))
}

/// Whether `user` may write in a thread: their own (`citizen` left out),
/// or as the caseworker or stand-in of `citizen`. Asked before the files of
/// a post are read, so a caller who may not write costs no decoding.
pub async fn may_write(store: &dyn Store, user: &CurrentUser, citizen: Option<PersonId>, now: i64) -> ServiceResult<()> {
    match citizen {
        None => {
            let me = access::citizen_for(user, Scope::Write)?;
            caseworker_of(store, me.citizen, now).await?.map(|_| ()).ok_or(ServiceError::NotAllowed)
        }
        Some(c) => access::staff_for(store, user, c, now).await.map(|_| ()),
    }
}

/// The citizen writes to their caseworker, with the files already cleaned
/// (`attachments::clean`), all stored in one transaction.
pub async fn send(
    store: &dyn Store,
    user: &CurrentUser,
    body: MessageBody,
    files: Vec<NewAttachment>,
    key: &str,
    now: i64,
) -> ServiceResult<MessageId> {
    let me = access::citizen_for(user, Scope::Write)?;
    may_write(store, user, None, now).await?;
    let m = NewMessage {
        citizen: me.citizen,
        // The citizen's side: a helper writes as the citizen, and is named.
        sender: me.citizen,
        helper: me.helper().map(|_| me.actor),
        body,
        idempotency_key: key.to_string(),
        limited: true,
        notify_citizen: false,
        attachments: files,
    };
    match store.send_message(&m, now).await {
        Ok(out) => Ok(out.id()),
        Err(DbError::Limited) => {
            let per_hour = store.per_hour(PerHour::Messages).await?;
            Err(ServiceError::Invalid(vec![FieldError { field: message_fields::BODY.into(), problem: Problem::TooManyMessages(per_hour) }]))
        }
        Err(e) => Err(e.into()),
    }
}

/// A citizen's thread for their caseworker or stand-in (logged in the
/// citizen's access log). Opening it marks the citizen's messages read.
pub async fn staff_thread(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    same_origin: bool,
    now: i64,
    lang: Lang,
) -> ServiceResult<ThreadView> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    acting.log_read(store, Purpose::Conversation, now).await?;
    let other = store.person(citizen).await?.full_name;
    thread(store, &acting, other, same_origin, now, lang).await
}

/// The caseworker (or stand-in) answers; the citizen is told (the kind
/// only, never the words) in the same transaction.
pub async fn answer(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    body: MessageBody,
    files: Vec<NewAttachment>,
    key: &str,
    now: i64,
) -> ServiceResult<MessageId> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    let m = NewMessage::from_staff(citizen, acting.actor, body, key, files);
    Ok(store.send_message(&m, now).await?.id())
}

/// The caseworker marks the conversation done.
pub async fn close(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> ServiceResult<()> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    store.close_conversation(citizen, acting.actor, now).await?;
    Ok(())
}

/// What was written in a thread after `after`, for a page that is open
/// (it asks every few seconds). `citizen` is `None` for the citizen's own
/// thread, or the citizen whose caseworker or stand-in asks. What the other
/// side wrote counts as read (same rule as opening the page), and staff who
/// are shown new words from the citizen get an access-log entry for them;
/// asking and getting nothing new is not logged.
pub async fn updates(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: Option<PersonId>,
    after: MessageId,
    same_origin: bool,
    now: i64,
    lang: Lang,
) -> ServiceResult<Vec<MessageView>> {
    let acting = match citizen {
        None => access::citizen_for_any(user, &[Scope::Write, Scope::See])?,
        Some(c) => access::staff_for(store, user, c, now).await?,
    };
    let new = store.messages_after(acting.citizen, after).await?;
    if new.iter().any(|m| from_other_side(&acting, m)) {
        acting.log_read(store, Purpose::Conversation, now).await?;
    }
    mark_read(store, &acting, &new, same_origin, now).await?;
    views(store, &acting, new, lang).await
}

/// A file attached in a thread, for one of its parties: the citizen, or
/// their caseworker or stand-in (logged in the citizen's access log with
/// its purpose). Anyone else gets `NotAllowed`, as for a file that does
/// not exist, and nothing is logged.
pub async fn attachment(store: &dyn Store, user: &CurrentUser, id: AttachmentId, now: i64) -> ServiceResult<AttachmentFile> {
    let file = match store.attachment(id).await {
        Ok(f) => f,
        Err(DbError::NotFound) => return Err(ServiceError::NotAllowed),
        Err(e) => return Err(e.into()),
    };
    match access::citizen_for_any(user, &[Scope::Write, Scope::See]) {
        Ok(me) if me.citizen == file.citizen_id => {
            me.log_read(store, Purpose::Attachment, now).await?;
            return Ok(file);
        }
        Ok(_) => return Err(ServiceError::NotAllowed),
        Err(_) if user.acting_for.is_some() => return Err(ServiceError::NotAllowed),
        Err(_) => {}
    }
    let acting = access::staff_for(store, user, file.citizen_id, now).await?;
    acting.log_read(store, Purpose::Attachment, now).await?;
    Ok(file)
}

/// Who the citizen writes to: their caseworker, or the stand-in while there is none.
async fn caseworker_of(store: &dyn Store, citizen: PersonId, now: i64) -> ServiceResult<Option<PersonId>> {
    for kind in [AssignmentKind::Primary, AssignmentKind::Standin] {
        if let Some(staff) = store.current_caseworker(citizen, kind, now).await? {
            return Ok(Some(staff));
        }
    }
    Ok(None)
}

/// The thread as `acting` sees it, the other side's messages read if
/// `same_origin` (what `acting` reads here is not what the page shows as read:
/// receipts are on one's own messages).
async fn thread(store: &dyn Store, acting: &Acting, other: String, same_origin: bool, now: i64, lang: Lang) -> ServiceResult<ThreadView> {
    let messages = store.messages(acting.citizen).await?;
    mark_read(store, acting, &messages, same_origin, now).await?;
    let closed_at = store.conversation_closed_at(acting.citizen).await?;
    let state = state(&messages, closed_at);
    Ok(ThreadView { other, state, messages: views(store, acting, messages, lang).await? })
}

/// Sent by the other side than `acting`'s (the citizen's, for staff).
fn from_other_side(acting: &Acting, m: &Message) -> bool {
    (m.sender_id == acting.citizen) == acting.is_staff()
}

/// `acting` has now seen `shown`: the other side's unread ones become read,
/// in one write, and only when there is any (opening a thread with nothing
/// new writes nothing) and only for a request of our own site.
async fn mark_read(store: &dyn Store, acting: &Acting, shown: &[Message], same_origin: bool, now: i64) -> ServiceResult<()> {
    if same_origin && shown.iter().any(|m| m.read_at.is_none() && from_other_side(acting, m)) {
        store.mark_read(acting.citizen, acting.actor, now).await?;
    }
    Ok(())
}

/// Messages as `acting` sees them: whose, and whether the other side read one's own.
async fn views(store: &dyn Store, acting: &Acting, messages: Vec<Message>, lang: Lang) -> ServiceResult<Vec<MessageView>> {
    let mut names = Names::full(store);
    // Only the shown messages' files: a page polling for news reads few.
    let files = match messages.iter().map(|m| m.id).min() {
        Some(from) => store.attachments(acting.citizen, from).await?,
        None => Vec::new(),
    };
    let mut views = Vec::with_capacity(messages.len());
    for m in messages {
        // Staff see their side's messages as their own: the stand-in's too.
        let own = !from_other_side(acting, &m);
        let t = &lang.texts().conversation;
        let sender = match m.helper_id {
            // Written by a helper for the citizen: named, to everyone.
            Some(h) => (lang.texts().helpers.wrote_for)(&names.of(h).await?, &names.of(m.citizen_id).await?),
            None if own => t.you.to_string(),
            None => names.of(m.sender_id).await?,
        };
        let receipt = match (own, m.read_at, m.read_by) {
            (false, ..) => None,
            (true, Some(at), Some(by)) => Some((t.read)(&date_time(at, lang), &names.of(by).await?)),
            (true, ..) => Some(t.not_read.to_string()),
        };
        let files = files.iter().filter(|f| f.message_id == Some(m.id)).map(|f| file_view(f, lang)).collect();
        views.push(MessageView { id: m.id.0, own, sender, body: m.body, sent: date_time(m.sent_at, lang), receipt, files });
    }
    Ok(views)
}

/// A file as its message (or complaint) shows it: a link with its kind and size in words.
pub fn file_view(f: &AttachmentInfo, lang: Lang) -> AttachmentView {
    let t = &lang.texts().conversation;
    let kind = if FileKind::from_content_type(&f.content_type) == Some(FileKind::Pdf) { t.file_pdf } else { t.file_picture };
    AttachmentView {
        name: f.file_name.clone(),
        about: format!("{kind}, {}", size_in_words(f.size_bytes, lang)),
        href: crate::routes::attachment(f.id.0),
    }
}

/// "120 kB" or "1,4 MB" (a decimal point in English).
pub fn size_in_words(bytes: i64, lang: Lang) -> String {
    const KB: i64 = 1024;
    if bytes < KB * KB {
        return format!("{} kB", (bytes + KB - 1) / KB);
    }
    let tenths = (bytes * 10 + KB * KB / 2) / (KB * KB);
    let sep = if lang == Lang::Da { ',' } else { '.' };
    format!("{}{sep}{} MB", tenths / 10, tenths % 10)
}

/// Where a thread stands, from its messages (oldest first) and when it was last marked done.
pub fn state(messages: &[Message], closed_at: Option<i64>) -> ThreadState {
    let Some(last) = messages.last() else {
        return ThreadState::Empty;
    };
    if closed_at.is_some_and(|c| c >= last.sent_at) {
        ThreadState::Closed
    } else if last.sender_id == last.citizen_id {
        ThreadState::WaitingForCaseworker
    } else {
        ThreadState::WaitingForCitizen
    }
}
