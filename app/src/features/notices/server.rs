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
const PHONE_FORM: &str = "notice_phone";
#[cfg(feature = "ssr")]
const SMS_CODE_FORM: &str = "notice_sms_code";

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
    use crate::features::notices::forms::Phone;
    use crate::features::notices::views::Channel;
    let read = async {
        let contact = notices::contact(cx.store(), user).await?;
        let failure = notices::failure(cx.store(), user, Channel::Email).await?;
        let sms_failure = notices::failure(cx.store(), user, Channel::Sms).await?;
        Ok::<_, crate::ssr::service::ServiceError>((contact, failure, sms_failure))
    };
    let (contact, failure, sms_failure) = read.await.map_err(|e| crate::ssr::internal_error("read the contact settings", e))?;
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
    let phone = contact.as_ref().and_then(|c| c.phone.as_deref()).map(Phone::spaced);
    let phone_label = if phone.is_some() { t.notices.phone_change_label } else { t.notices.phone_label };
    let phone_form = spec(
        NoticeForm::Phone,
        PHONE_FORM,
        StartPhone::PATH,
        vec![],
        vec![(fields::PHONE, phone_label, Some(t.notices.phone_hint), Control::Phone)],
        t.notices.phone_submit,
        &[],
    )
    .await;
    let pending_phone = match contact.as_ref().and_then(|c| c.pending_phone.clone()) {
        Some(number) => Some((
            number,
            spec(
                NoticeForm::SmsCode,
                SMS_CODE_FORM,
                ConfirmPhone::PATH,
                vec![],
                vec![(fields::SMS_CODE, t.notices.sms_code_label, Some(t.notices.sms_code_hint), Control::Code)],
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
        phone,
        pending_phone,
        phone_form,
        failure,
        sms_failure,
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

/// Asks for a code to confirm a mobile number: the code SMS is sent at once.
#[server(prefix = "/api", endpoint = "start_phone")]
pub async fn start_phone(phone: String) -> Result<(), ServerFnError> {
    use crate::features::notices::forms::Phone;
    use crate::features::notices::service as notices;
    use crate::kernel::forms::{FieldError, Problem};
    use crate::ssr::forms::{finish, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let ctx = notices()?;
    let kept = FormFlash::typed(PHONE_FORM, &[(fields::PHONE, &phone)]);
    let result = async {
        let user = cx.user()?;
        let phone = Phone::parse(&phone)
            .ok_or_else(|| ServiceError::Invalid(vec![FieldError { field: fields::PHONE.into(), problem: Problem::Phone }]))?;
        notices::start_phone(cx.store(), &ctx, user, &phone, cx.lang, cx.now).await
    }
    .await;
    finish(
        result,
        "send a code by SMS",
        &format!("{}#sms-kode", back("sms-kode-sendt")),
        &format!("{}#mobil", routes::SETTINGS),
        Some(kept),
    )
    .await
}

/// Confirms the number with the code from the SMS.
#[server(prefix = "/api", endpoint = "confirm_phone")]
pub async fn confirm_phone(sms_code: String) -> Result<(), ServerFnError> {
    use crate::features::notices::forms::parse_code;
    use crate::features::notices::service as notices;
    use crate::kernel::forms::{FieldError, Problem};
    use crate::ssr::forms::{finish, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(SMS_CODE_FORM, &[(fields::SMS_CODE, &sms_code)]);
    let result = async {
        let user = cx.user()?;
        let code = parse_code(&sms_code)
            .ok_or_else(|| ServiceError::Invalid(vec![FieldError { field: fields::SMS_CODE.into(), problem: Problem::SmsCodeFormat }]))?;
        notices::confirm_phone(cx.store(), user, &code, cx.now).await
    }
    .await;
    finish(result, "confirm a mobile number", &back("mobil-bekraeftet"), &format!("{}#sms-kode", routes::SETTINGS), Some(kept)).await
}

/// Drops the number waiting for its code.
#[server(prefix = "/api", endpoint = "cancel_phone")]
pub async fn cancel_phone() -> Result<(), ServerFnError> {
    use crate::features::notices::service as notices;
    let cx = Ctx::get()?;
    let result = async { notices::cancel_phone(cx.store(), cx.user()?, cx.now).await }.await;
    crate::ssr::forms::finish(result, "drop a new mobile number", &back("mobil-fortrudt"), routes::SETTINGS, None).await
}

/// Removes the number.
#[server(prefix = "/api", endpoint = "remove_phone")]
pub async fn remove_phone() -> Result<(), ServerFnError> {
    use crate::features::notices::service as notices;
    let cx = Ctx::get()?;
    let result = async { notices::remove_phone(cx.store(), cx.user()?, cx.now).await }.await;
    crate::ssr::forms::finish(result, "remove a mobile number", &back("mobil-fjernet"), routes::SETTINGS, None).await
}

/// Saves which topics are wanted by e-mail and by SMS: a ticked box sends
/// its name (`Topic::field`), each a field of the form.
#[server(prefix = "/api", endpoint = "save_topics")]
pub async fn save_topics(#[server(flatten)] boxes: crate::features::notices::views::TopicBoxes) -> Result<(), ServerFnError> {
    use crate::features::notices::service as notices;
    let cx = Ctx::get()?;
    let wanted = boxes.ticked();
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
