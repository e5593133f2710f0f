//! The server functions of the contact settings: thin, each gives the
//! request to `service.rs` and answers its caller (a redirect for a plain
//! form, a status otherwise).

#[cfg(feature = "ssr")]
use crate::features::notices::forms::fields;
use crate::features::notices::views::SettingsPage;
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use leptos::prelude::*;

/// The flash names of the address and code forms.
#[cfg(feature = "ssr")]
const EMAIL_FORM: &str = "notice_email";
#[cfg(feature = "ssr")]
const CODE_FORM: &str = "notice_code";

#[cfg(feature = "ssr")]
fn notices() -> Result<crate::features::notices::service::Notices, ServerFnError> {
    use_context().ok_or_else(|| ServerFnError::new("the server gave no mailer"))
}

/// Where a settings form comes back to, with its answer.
#[cfg(feature = "ssr")]
fn back(answer: &str) -> String {
    crate::ssr::forms::with_answer(routes::SETTINGS, answer)
}

/// What `/indstillinger` shows to the person looking.
#[server(prefix = "/api", endpoint = "notice_settings")]
pub async fn notice_settings() -> Result<SettingsPage, ServerFnError> {
    use crate::features::notices::forms::NoticeForm;
    use crate::features::notices::service as notices;
    use crate::features::notices::views::SettingsView;
    use crate::ssr::forms::spec;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let Ok(user) = cx.user() else {
        return Ok(SettingsPage::NeedsLogin);
    };
    if crate::ssr::access::person_self(user).is_err() {
        return Ok(SettingsPage::OnlyHerself);
    }
    let read = async {
        let contact = notices::contact(cx.store(), user).await?;
        let failure = notices::failure(cx.store(), user).await?;
        Ok::<_, crate::ssr::service::ServiceError>((contact, failure))
    };
    let (contact, failure) = read.await.map_err(|e| crate::ssr::internal_error("read the contact settings", e))?;
    let t = cx.lang.texts();
    let email = contact.as_ref().and_then(|c| c.email.clone());
    let label = if email.is_some() { t.notices.email_change_label } else { t.notices.email_label };
    let email_form = spec(
        NoticeForm::Email,
        EMAIL_FORM,
        StartEmail::PATH,
        vec![],
        vec![(fields::EMAIL, label, Some(t.notices.email_hint), Control::Email)],
        t.notices.email_submit,
        &[],
    )
    .await;
    let pending = match contact.as_ref().and_then(|c| c.pending_email.clone()) {
        Some(address) => Some((
            address,
            spec(
                NoticeForm::Code,
                CODE_FORM,
                ConfirmEmail::PATH,
                vec![],
                vec![(fields::CODE, t.notices.code_label, Some(t.notices.code_hint), Control::Code)],
                t.notices.code_submit,
                &[],
            )
            .await,
        )),
        None => None,
    };
    Ok(SettingsPage::Settings(Box::new(SettingsView {
        topics: notices::topics(contact.as_ref()),
        unsubscribed: contact.as_ref().is_some_and(|c| c.unsubscribed_at.is_some()),
        email,
        pending,
        email_form,
        failure,
    })))
}

/// Asks for a code to confirm an address: the code mail is sent at once.
#[server(prefix = "/api", endpoint = "start_email")]
pub async fn start_email(email: String) -> Result<(), ServerFnError> {
    use crate::features::notices::forms::Email;
    use crate::features::notices::service as notices;
    use crate::kernel::forms::{FieldError, Problem};
    use crate::ssr::forms::{finish, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let ctx = notices()?;
    let kept = FormFlash::typed(EMAIL_FORM, &[(fields::EMAIL, &email)]);
    let result = async {
        let user = cx.user()?;
        let email = Email::parse(&email)
            .ok_or_else(|| ServiceError::Invalid(vec![FieldError { field: fields::EMAIL.into(), problem: Problem::Email }]))?;
        notices::start_email(cx.store(), &ctx, user, &email, cx.lang, cx.now).await
    }
    .await;
    finish(result, "send a code", &format!("{}#kode", back("kode-sendt")), routes::SETTINGS, Some(kept)).await
}

/// Confirms the address with the code from the mail.
#[server(prefix = "/api", endpoint = "confirm_email")]
pub async fn confirm_email(code: String) -> Result<(), ServerFnError> {
    use crate::features::notices::forms::parse_code;
    use crate::features::notices::service as notices;
    use crate::kernel::forms::{FieldError, Problem};
    use crate::ssr::forms::{finish, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(CODE_FORM, &[(fields::CODE, &code)]);
    let result = async {
        let user = cx.user()?;
        let code = parse_code(&code)
            .ok_or_else(|| ServiceError::Invalid(vec![FieldError { field: fields::CODE.into(), problem: Problem::CodeFormat }]))?;
        notices::confirm_email(cx.store(), user, &code, cx.now).await
    }
    .await;
    finish(result, "confirm an address", &back("bekraeftet"), &format!("{}#kode", routes::SETTINGS), Some(kept)).await
}

/// Drops the address waiting for its code.
#[server(prefix = "/api", endpoint = "cancel_email")]
pub async fn cancel_email() -> Result<(), ServerFnError> {
    use crate::features::notices::service as notices;
    let cx = Ctx::get()?;
    let result = async { notices::cancel_email(cx.store(), cx.user()?, cx.now).await }.await;
    crate::ssr::forms::finish(result, "drop a new address", &back("fortrudt"), routes::SETTINGS, None).await
}

/// Removes the address.
#[server(prefix = "/api", endpoint = "remove_email")]
pub async fn remove_email() -> Result<(), ServerFnError> {
    use crate::features::notices::service as notices;
    let cx = Ctx::get()?;
    let result = async { notices::remove_email(cx.store(), cx.user()?, cx.now).await }.await;
    crate::ssr::forms::finish(result, "remove an address", &back("fjernet"), routes::SETTINGS, None).await
}

/// Saves which topics are wanted: a ticked box sends its name.
#[server(prefix = "/api", endpoint = "save_topics")]
pub async fn save_topics(
    beskeder: Option<String>,
    svar: Option<String>,
    aftaler: Option<String>,
    moeder: Option<String>,
    hjaelpere: Option<String>,
) -> Result<(), ServerFnError> {
    use crate::features::notices::service as notices;
    use crate::features::notices::views::Topic;
    let cx = Ctx::get()?;
    let ticked = [
        (Topic::Messages, beskeder),
        (Topic::Answers, svar),
        (Topic::Plan, aftaler),
        (Topic::Meetups, moeder),
        (Topic::Helpers, hjaelpere),
    ];
    let wanted: Vec<Topic> = ticked.into_iter().filter(|(_, v)| v.is_some()).map(|(t, _)| t).collect();
    let result = async { notices::set_topics(cx.store(), cx.user()?, &wanted, cx.now).await }.await;
    crate::ssr::forms::finish(result, "save topics", &back("valg-gemt"), routes::SETTINGS, None).await
}

/// Unsubscribes from every mail (`igen` set: subscribes again).
#[server(prefix = "/api", endpoint = "set_unsubscribed")]
pub async fn set_unsubscribed(igen: Option<String>) -> Result<(), ServerFnError> {
    use crate::features::notices::service as notices;
    let cx = Ctx::get()?;
    let again = igen.is_some();
    let result = async { notices::set_unsubscribed(cx.store(), cx.user()?, !again, cx.now).await }.await;
    let answer = if again { "tilmeldt-igen" } else { "afmeldt-alt" };
    crate::ssr::forms::finish(result, "unsubscribe", &back(answer), routes::SETTINGS, None).await
}
