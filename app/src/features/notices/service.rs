//! The rules of the contact settings: everyone signed in has their own and
//! only their own; nobody else's can be read or changed. An unsubscribe link
//! acts without a login, for the one person it was signed for.

use std::sync::Arc;

use crate::features::notices::forms::{fields, Email};
use crate::features::notices::links::LinkKey;
use crate::features::notices::mail::{self, CodeMail};
use crate::features::notices::rules::{code_hash, new_code};
use crate::features::notices::store::{CodeStart, Confirmation, Contact, CODE_SENDS_PER_HOUR};
use crate::features::notices::views::Topic;
use crate::features::notices::worker::Mailer;
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;
use crate::ssr::service::{ServiceError, ServiceResult};

/// What the server functions need besides the store: the mailer (the code
/// mail is sent at once, outside the outbox and every throttle) and the key
/// of unsubscribe links. Given to every request as context.
#[derive(Clone)]
pub struct Notices {
    pub mailer: Arc<dyn Mailer>,
    pub links: LinkKey,
}

/// Whose settings: the signed-in person's own, never while they act for
/// someone else (a helper cannot change the citizen's contact settings).
fn me(user: &CurrentUser) -> ServiceResult<crate::kernel::ids::PersonId> {
    crate::ssr::access::person_self(user)
}

fn refused(field: &str, problem: Problem) -> ServiceError {
    ServiceError::Invalid(vec![FieldError { field: field.into(), problem }])
}

/// The person's settings (`None`: never set).
pub async fn contact(store: &dyn Store, user: &CurrentUser) -> ServiceResult<Option<Contact>> {
    Ok(store.contact(me(user)?).await?)
}

/// Which topics are wanted, from the kinds turned off.
pub fn topics(contact: Option<&Contact>) -> Vec<(Topic, bool)> {
    let muted: Vec<&str> = contact.map(|c| c.muted.split(',').collect()).unwrap_or_default();
    Topic::ALL.into_iter().map(|t| (t, !t.kinds().iter().any(|k| muted.contains(&k.as_str())))).collect()
}

/// Why the newest notice could not be sent, for the address's owner.
pub async fn failure(store: &dyn Store, user: &CurrentUser) -> ServiceResult<Option<String>> {
    Ok(store.last_failure(me(user)?).await?)
}

/// Asks for a code to confirm `email`, sent at once in `lang`. A double tap
/// sends one code; a failed send leaves nothing pending.
pub async fn start_email(
    store: &dyn Store,
    notices: &Notices,
    user: &CurrentUser,
    email: &Email,
    lang: Lang,
    now: i64,
) -> ServiceResult<()> {
    let code = new_code();
    match store.start_email(me(user)?, email.as_str(), &code_hash(me(user)?, &code), lang.code(), now).await? {
        CodeStart::AlreadySent => Ok(()),
        CodeStart::TooMany => Err(refused(fields::EMAIL, Problem::TooManyCodes(CODE_SENDS_PER_HOUR))),
        CodeStart::Started => match notices.mailer.send(email.as_str(), &mail::code(&CodeMail { lang, code })).await {
            Ok(()) => Ok(()),
            Err(e) => {
                tracing::warn!(permanent = e.permanent, "the code mail was not sent");
                store.cancel_email(me(user)?, now).await?;
                Err(refused(fields::EMAIL, Problem::CodeNotSent))
            }
        },
    }
}

/// Confirms the pending address with the typed code.
pub async fn confirm_email(store: &dyn Store, user: &CurrentUser, code: &str, now: i64) -> ServiceResult<()> {
    match store.confirm_email(me(user)?, &code_hash(me(user)?, code), now).await? {
        Confirmation::Confirmed => Ok(()),
        // A double tap: the first confirmed it a moment ago.
        Confirmation::NothingPending
            if store.contact(me(user)?).await?.and_then(|c| c.email_confirmed_at).is_some_and(|at| now - at < 60_000) =>
        {
            Ok(())
        }
        Confirmation::Wrong(left) => Err(refused(fields::CODE, Problem::WrongCode(left))),
        Confirmation::Expired | Confirmation::NothingPending => Err(refused(fields::CODE, Problem::CodeExpired)),
    }
}

/// Drops an address waiting for its code (the confirmed one stays).
pub async fn cancel_email(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<()> {
    Ok(store.cancel_email(me(user)?, now).await?)
}

/// Removes the address: no more mails.
pub async fn remove_email(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<()> {
    Ok(store.remove_email(me(user)?, now).await?)
}

/// Keeps the topics wanted; the others' kinds are turned off.
pub async fn set_topics(store: &dyn Store, user: &CurrentUser, wanted: &[Topic], now: i64) -> ServiceResult<()> {
    let muted: Vec<&str> = Topic::ALL.iter().filter(|t| !wanted.contains(t)).flat_map(|t| t.kinds().iter().map(|k| k.as_str())).collect();
    Ok(store.set_muted(me(user)?, &muted, now).await?)
}

/// Unsubscribes from every mail (`false`: subscribes again).
pub async fn set_unsubscribed(store: &dyn Store, user: &CurrentUser, unsubscribed: bool, now: i64) -> ServiceResult<()> {
    Ok(store.set_unsubscribed(me(user)?, unsubscribed, now).await?)
}

/// A mail's unsubscribe link, pressed (or posted by the mail program):
/// only the person it was signed for, without a login.
pub async fn unsubscribe_by_link(store: &dyn Store, links: &LinkKey, token: &str, now: i64) -> ServiceResult<()> {
    let person = links.person(token).ok_or(ServiceError::NotAllowed)?;
    Ok(store.set_unsubscribed(person, true, now).await?)
}
