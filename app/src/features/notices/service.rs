//! The rules of the contact settings: everyone signed in has their own and
//! only their own; nobody else's can be read or changed. An unsubscribe link
//! acts without a login, for the one person it was signed for.

use std::sync::Arc;

use crate::features::notices::forms::{fields, Email, Phone};
use crate::features::notices::links::LinkKey;
use crate::features::notices::mail::{self, CodeMail};
use crate::features::notices::rules::{code_hash, new_code};
use crate::features::notices::store::{CodeStart, Confirmation, Contact, Way, CODE_SENDS_PER_HOUR};
use crate::features::notices::views::{Channel, Topic};
use crate::features::notices::worker::{Mailer, Texter};
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;
use crate::ssr::service::{ServiceError, ServiceResult};

/// What the server functions need besides the store: the mailer and the
/// texter (a code is sent at once, outside the outbox, the quiet hours and
/// every throttle) and the key of unsubscribe links. Given to every request
/// as context.
#[derive(Clone)]
pub struct Notices {
    pub mailer: Arc<dyn Mailer>,
    pub texter: Arc<dyn Texter>,
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

/// Which topics are wanted by e-mail and by SMS, from the kinds turned off.
pub fn topics(contact: Option<&Contact>) -> Vec<(Topic, bool, bool)> {
    let off = |list: Option<&str>| -> Vec<String> { list.map(|l| l.split(',').map(str::to_string).collect()).unwrap_or_default() };
    let (email_off, sms_off) = (off(contact.map(|c| c.muted.as_str())), off(contact.map(|c| c.sms_muted.as_str())));
    let wanted = |t: Topic, off: &[String]| !t.kinds().iter().any(|k| off.iter().any(|o| o == k));
    Topic::ALL.into_iter().map(|t| (t, wanted(t, &email_off), wanted(t, &sms_off))).collect()
}

/// Why the newest notice on `channel` could not be sent, for its owner.
pub async fn failure(store: &dyn Store, user: &CurrentUser, channel: Channel) -> ServiceResult<Option<String>> {
    Ok(store.last_failure(me(user)?, channel.as_str()).await?)
}

/// Sends a code to confirm `to` (an address or a number) at once, in
/// `lang`, outside the outbox, the quiet hours and every throttle: the
/// person is waiting for it. A double tap sends one code; a failed send
/// leaves nothing pending. Refusals name `way`'s field.
async fn start(store: &dyn Store, notices: &Notices, user: &CurrentUser, way: Way, to: &str, lang: Lang, now: i64) -> ServiceResult<()> {
    let person = me(user)?;
    let code = new_code();
    let hash = code_hash(person, &code);
    let (started, field) = match way {
        Way::Email => (store.start_email(person, to, &hash, lang.code(), now).await?, fields::EMAIL),
        Way::Phone => (store.start_phone(person, to, &hash, lang.code(), now).await?, fields::PHONE),
    };
    match started {
        CodeStart::AlreadySent => Ok(()),
        CodeStart::TooMany => Err(refused(field, Problem::TooManyCodes(CODE_SENDS_PER_HOUR))),
        CodeStart::Started => {
            let sent = match way {
                Way::Email => notices.mailer.send(to, &mail::code(&CodeMail { lang, code })).await,
                Way::Phone => notices.texter.send(to, &mail::code_sms(lang, &code), &format!("kode-{}-{now}", person.0)).await,
            };
            let Err(e) = sent else {
                return Ok(());
            };
            tracing::warn!(permanent = e.permanent, way = ?way, "the code was not sent");
            match way {
                Way::Email => store.cancel_email(person, now).await?,
                Way::Phone => store.cancel_phone(person, now).await?,
            }
            Err(refused(field, if way == Way::Email { Problem::CodeNotSent } else { Problem::SmsNotSent }))
        }
    }
}

/// Asks for a code to confirm `email`, sent at once by mail.
pub async fn start_email(
    store: &dyn Store,
    notices: &Notices,
    user: &CurrentUser,
    email: &Email,
    lang: Lang,
    now: i64,
) -> ServiceResult<()> {
    start(store, notices, user, Way::Email, email.as_str(), lang, now).await
}

/// Confirms the pending address (or number) with the typed code; the
/// refusal names the code field of `way`'s form.
async fn confirm(store: &dyn Store, user: &CurrentUser, way: Way, code: &str, now: i64) -> ServiceResult<()> {
    let person = me(user)?;
    let hash = code_hash(person, code);
    let (outcome, field) = match way {
        Way::Email => (store.confirm_email(person, &hash, now).await?, fields::CODE),
        Way::Phone => (store.confirm_phone(person, &hash, now).await?, fields::SMS_CODE),
    };
    let confirmed_at = |c: Contact| match way {
        Way::Email => c.email_confirmed_at,
        Way::Phone => c.phone_confirmed_at,
    };
    match outcome {
        Confirmation::Confirmed => Ok(()),
        // A double tap: the first confirmed it a moment ago.
        Confirmation::NothingPending if store.contact(person).await?.and_then(confirmed_at).is_some_and(|at| now - at < 60_000) => Ok(()),
        Confirmation::Wrong(left) => Err(refused(field, Problem::WrongCode(left))),
        Confirmation::Expired | Confirmation::NothingPending => Err(refused(field, Problem::CodeExpired)),
    }
}

/// Confirms the pending address with the code from the mail.
pub async fn confirm_email(store: &dyn Store, user: &CurrentUser, code: &str, now: i64) -> ServiceResult<()> {
    confirm(store, user, Way::Email, code, now).await
}

/// Drops an address waiting for its code (the confirmed one stays).
pub async fn cancel_email(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<()> {
    Ok(store.cancel_email(me(user)?, now).await?)
}

/// Removes the address: no more mails.
pub async fn remove_email(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<()> {
    Ok(store.remove_email(me(user)?, now).await?)
}

/// Keeps the topics wanted on each channel; the others' kinds are turned off.
pub async fn set_topics(store: &dyn Store, user: &CurrentUser, wanted: &[(Topic, Channel)], now: i64) -> ServiceResult<()> {
    let person = me(user)?;
    let off = |channel: Channel| -> Vec<&'static str> {
        Topic::ALL.iter().filter(|t| !wanted.contains(&(**t, channel))).flat_map(|t| t.kinds()).collect()
    };
    store.set_muted(person, &off(Channel::Email), now).await?;
    Ok(store.set_sms_muted(person, &off(Channel::Sms), now).await?)
}

/// Asks for a code to confirm a mobile number, sent at once by SMS.
pub async fn start_phone(
    store: &dyn Store,
    notices: &Notices,
    user: &CurrentUser,
    phone: &Phone,
    lang: Lang,
    now: i64,
) -> ServiceResult<()> {
    start(store, notices, user, Way::Phone, phone.as_str(), lang, now).await
}

/// Confirms the pending number with the code from the SMS.
pub async fn confirm_phone(store: &dyn Store, user: &CurrentUser, code: &str, now: i64) -> ServiceResult<()> {
    confirm(store, user, Way::Phone, code, now).await
}

/// Drops a number waiting for its code (the confirmed one stays).
pub async fn cancel_phone(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<()> {
    Ok(store.cancel_phone(me(user)?, now).await?)
}

/// Removes the number: no more SMS.
pub async fn remove_phone(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<()> {
    Ok(store.remove_phone(me(user)?, now).await?)
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
