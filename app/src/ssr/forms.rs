//! The server side of plain forms posted to server functions.
//!
//! A browser without JavaScript posts the form and follows our redirect. When
//! the input is refused, what was typed and the messages are kept in the
//! session (never in the URL: a goal's "why" can be personal) and the form
//! page takes them out again. Callers that are not a plain form (the browser's
//! fetch, tests) get the status code and the field errors instead.

use std::collections::HashMap;

use leptos::prelude::{use_context, ServerFnError};
use leptos_axum::ResponseOptions;
use serde::{Deserialize, Serialize};

use crate::kernel::forms::FieldErrors;
use crate::ssr::service::ServiceError;

const FLASH_KEY: &str = "form_flash";

/// What a refused plain-form submit leaves for the form page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFlash {
    /// Which form (and object) it belongs to, e.g. `goal_proposal`.
    pub form: String,
    pub values: HashMap<String, String>,
    pub errors: FieldErrors,
}

impl FormFlash {
    /// What was typed into form `form`, to keep if it is refused.
    pub fn typed(form: impl Into<String>, values: &[(&str, &str)]) -> FormFlash {
        FormFlash { form: form.into(), values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), errors: vec![] }
    }
}

/// A field of a form spec: name, label, hint, control.
pub type FieldDef<'a> = (&'a str, &'a str, Option<&'a str>, crate::ui::form::Control);

/// A checked form's spec, with what was kept from a refused submit of
/// `form` (a name unique per form on the page, e.g. `activity:12`), else
/// the `defaults`.
pub async fn spec(
    kind: impl Into<crate::forms::FormKind>,
    form: &str,
    action: &str,
    hidden: Vec<(String, String)>,
    fields: Vec<FieldDef<'_>>,
    submit: &str,
    defaults: &[(&str, &str)],
) -> crate::ui::form::FormSpec {
    let kept = take(form).await.unwrap_or_else(|| FormFlash::typed(form, defaults));
    let lang = crate::ssr::request_lang();
    let t = lang.texts();
    crate::ui::form::FormSpec {
        kind: kind.into(),
        id_prefix: form.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect(),
        lang,
        action: action.into(),
        hidden,
        fields: fields
            .into_iter()
            .map(|(name, label, hint, control)| crate::ui::form::Field {
                name: name.into(),
                label: label.into(),
                hint: hint.map(Into::into),
                control,
                value: kept.values.get(name).cloned().unwrap_or_default(),
            })
            .collect(),
        errors: kept.errors,
        submit: submit.into(),
        submitting: t.form_sending.into(),
        problems: t.form_problems.into(),
        live: false,
    }
}

/// Answers a submit: on to `ok_to` when it was done, else refused (back to
/// `back`, keeping what was typed if the input was refused).
pub async fn finish(
    result: crate::ssr::service::ServiceResult<()>,
    doing: &'static str,
    ok_to: &str,
    back: &str,
    kept: Option<FormFlash>,
) -> Result<(), ServerFnError> {
    match result {
        Ok(()) => {
            redirect(ok_to);
            Ok(())
        }
        Err(e) => refused(e, doing, back, kept).await,
    }
}

/// True when the request is a plain HTML form post (it accepts HTML and will
/// follow a redirect); false for fetch/API callers.
pub fn is_plain_form() -> bool {
    use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html")))
        .unwrap_or(false)
}

pub(crate) fn session() -> Option<tower_sessions::Session> {
    use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<tower_sessions::Session>().cloned())
}

/// The most kept of one refused field, in characters: more than any field
/// takes (a message is at most 4,000), so what was typed comes back whole.
const KEPT_MAX: usize = 8_000;

/// Keeps a refused submit for the form page: only for someone signed in
/// (an anonymous flood of refused posts writes no session row), and at most
/// `KEPT_MAX` characters of each field.
pub async fn keep(mut flash: FormFlash) {
    if crate::ssr::auth::current_user().is_none() {
        return;
    }
    for value in flash.values.values_mut() {
        if let Some((cut, _)) = value.char_indices().nth(KEPT_MAX) {
            value.truncate(cut);
        }
    }
    if let Some(s) = session() {
        if let Err(e) = s.insert(FLASH_KEY, flash).await {
            tracing::warn!(error = %e, "could not keep the refused form in the session");
        }
    }
}

/// Takes the kept submit of `form`, if that is what is kept.
pub async fn take(form: &str) -> Option<FormFlash> {
    let s = session()?;
    let flash: FormFlash = s.get(FLASH_KEY).await.ok().flatten()?;
    if flash.form != form {
        return None;
    }
    let _ = s.remove::<FormFlash>(FLASH_KEY).await;
    Some(flash)
}

/// A fresh idempotency key for a form (128 random bits, hex).
pub fn new_key() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::thread_rng().gen();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Sends a plain form on to `to` (303 See Other after the POST).
pub fn redirect(to: &str) {
    leptos_axum::redirect(to);
    if let Some(res) = use_context::<ResponseOptions>() {
        if is_plain_form() {
            res.set_status(http::StatusCode::SEE_OTHER);
        }
    }
}

/// `path` with `?svar=<answer>` added before any `#fragment`: the page
/// shows the matching notice.
pub fn with_answer(path: &str, answer: &str) -> String {
    let (base, fragment) = path.split_once('#').map_or((path, None), |(b, f)| (b, Some(f)));
    let sep = if base.contains('?') { '&' } else { '?' };
    match fragment {
        Some(f) => format!("{base}{sep}svar={answer}#{f}"),
        None => format!("{base}{sep}svar={answer}"),
    }
}

/// A request that is not what its endpoint reads (400), e.g. a broken upload.
pub fn bad_request(what: &str) -> ServerFnError {
    set_status(http::StatusCode::BAD_REQUEST);
    ServerFnError::new(what.to_string())
}

fn set_status(code: http::StatusCode) {
    if let Some(res) = use_context::<ResponseOptions>() {
        res.set_status(code);
    }
}

/// A refused or failed submit, answered for its caller: a plain form is sent
/// to `back` (with the typed values and messages kept for the form there
/// when the input was refused); anyone else gets the status code. Database
/// failures are logged here, once.
pub async fn refused(e: ServiceError, doing: &'static str, back: &str, form: Option<FormFlash>) -> Result<(), ServerFnError> {
    let (code, message) = match &e {
        ServiceError::NotSignedIn => (http::StatusCode::UNAUTHORIZED, "not signed in".to_string()),
        ServiceError::NotAllowed => (http::StatusCode::FORBIDDEN, "not allowed".to_string()),
        ServiceError::Conflict => (http::StatusCode::CONFLICT, "changed meanwhile".to_string()),
        ServiceError::Invalid(errors) => {
            (http::StatusCode::UNPROCESSABLE_ENTITY, errors.iter().map(|f| f.field.as_str()).collect::<Vec<_>>().join(","))
        }
        ServiceError::Db(db) => {
            tracing::error!(error = %db, "could not {doing}");
            (http::StatusCode::INTERNAL_SERVER_ERROR, "internal error".to_string())
        }
    };
    if is_plain_form() {
        let answer = match e {
            ServiceError::NotSignedIn => {
                redirect(&crate::routes::login_then(back.split(['?', '#']).next().unwrap_or("/")));
                return Ok(());
            }
            ServiceError::Invalid(errors) => {
                if let Some(mut flash) = form {
                    flash.errors = errors;
                    keep(flash).await;
                }
                redirect(back);
                return Ok(());
            }
            ServiceError::NotAllowed => "ikke-tilladt",
            ServiceError::Conflict => "aendret",
            ServiceError::Db(_) => "fejl",
        };
        redirect(&with_answer(back, answer));
        return Ok(());
    }
    set_status(code);
    Err(ServerFnError::new(message))
}

#[cfg(test)]
mod tests {
    use super::with_answer;

    #[test]
    fn the_answer_goes_into_the_query_before_the_fragment() {
        assert_eq!(with_answer("/min-plan#maal-3", "sendt"), "/min-plan?svar=sendt#maal-3");
        assert_eq!(with_answer("/sagsbehandler?type=maal", "besvaret"), "/sagsbehandler?type=maal&svar=besvaret");
        assert_eq!(with_answer("/x", "fejl"), "/x?svar=fejl");
    }
}
