//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

#[cfg(feature = "ssr")]
use crate::features::conversation::forms::{attachment_rules, message_fields, ConversationForm};
use crate::features::conversation::views::{MessageView, ThreadView};
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
#[cfg(feature = "ssr")]
use crate::ui::form::Control;
use crate::ui::form::FormSpec;
use crate::ui::page::StaffPage;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

/// The flash name of the citizen's message form; the caseworker's is per citizen.
#[cfg(feature = "ssr")]
const MESSAGE_FORM: &str = "message";
#[cfg(feature = "ssr")]
fn answer_form(citizen: i64) -> String {
    format!("answer:{citizen}")
}

/// What the citizen's conversation page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConversationPage {
    /// Signed in, but not as a citizen (staff, a volunteer host).
    NotCitizen,
    /// No caseworker yet: how to reach the municipality instead.
    NoCaseworker,
    Thread {
        thread: ThreadView,
        /// Boxed: much larger than the other answers.
        form: Box<FormSpec>,
    },
}

/// The message form's spec: what was typed if the last submit was refused.
#[cfg(feature = "ssr")]
async fn message_spec(form: &str, action: &str, hidden: Vec<(String, String)>, submit: &str) -> FormSpec {
    let t = crate::ssr::request_lang().texts();
    let mut hidden = hidden;
    hidden.push(("key".into(), crate::ssr::forms::new_key()));
    let files = Control::Files(crate::features::conversation::forms::file_rules());
    let fields = vec![
        (message_fields::BODY, t.conversation.message_label, Some(t.conversation.message_hint), Control::Lines),
        (attachment_rules::FIELD, t.conversation.files_label, Some(t.conversation.files_hint), files),
    ];
    let spec = crate::ssr::forms::spec(ConversationForm::Message, form, action, hidden, fields, submit, &[]).await;
    // With JavaScript a message is sent without leaving the page.
    FormSpec { live: true, ..spec }
}

/// The signed-in citizen's conversation with their caseworker (`None`: not
/// signed in). No arguments: nobody else's can be asked for.
#[server(prefix = "/api", endpoint = "my_conversation")]
pub async fn my_conversation() -> Result<Option<ConversationPage>, ServerFnError> {
    use crate::features::conversation::service as conversation;
    use crate::ssr::service::ServiceError;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let Some(user) = cx.maybe_user() else {
        return Ok(None);
    };
    let same_origin = crate::ssr::same_origin_request();
    match conversation::my_thread(cx.store(), user, same_origin, cx.now, cx.lang).await {
        Ok(Some(thread)) => {
            let t = cx.lang.texts();
            let form = message_spec(MESSAGE_FORM, SendMessage::PATH, vec![], t.conversation.send_submit).await;
            Ok(Some(ConversationPage::Thread { thread, form: Box::new(form) }))
        }
        Ok(None) => Ok(Some(ConversationPage::NoCaseworker)),
        Err(ServiceError::NotAllowed) => Ok(Some(ConversationPage::NotCitizen)),
        Err(e) => Err(crate::ssr::internal_error("read the conversation", e)),
    }
}

/// What was written after message `after` in a thread that is open in the
/// browser (its island asks every 10 s): the signed-in citizen's own
/// (`citizen` left out) or, for their caseworker or stand-in, `citizen`'s.
#[server(prefix = "/api", endpoint = "conversation_updates")]
pub async fn conversation_updates(citizen: Option<i64>, after: i64) -> Result<Vec<MessageView>, ServerFnError> {
    use crate::features::conversation::service as conversation;
    use crate::kernel::ids::{MessageId, PersonId};
    let cx = Ctx::get()?;
    let same_origin = crate::ssr::same_origin_request();
    let r = async {
        conversation::updates(cx.store(), cx.user()?, citizen.map(PersonId), MessageId(after), same_origin, cx.now, cx.lang).await
    }
    .await;
    match r {
        Ok(new) => Ok(new),
        Err(e) => {
            // Sets 401/403 (or logs a failure) and answers with the error.
            crate::ssr::forms::refused(e, "read new messages", routes::CONVERSATION, None).await?;
            Ok(Vec::new())
        }
    }
}

/// The citizen writes to their caseworker (a plain form post, or a fetch),
/// with up to three files: a `multipart/form-data` post of `key`, `body`
/// and `files`.
#[server(prefix = "/api", endpoint = "send_message", input = MultipartFormData)]
pub async fn send_message(data: MultipartData) -> Result<(), ServerFnError> {
    post_message(data, false).await
}

/// A message with its files, posted by the citizen (`staff` false) or by
/// the caseworker or stand-in of the form's `citizen`: read within bounds
/// (`upload.rs`), the files only once the caller may write, and answered
/// for a plain form (back to the page, what was typed kept) or a fetch.
#[cfg(feature = "ssr")]
async fn post_message(data: MultipartData, staff: bool) -> Result<(), ServerFnError> {
    use crate::features::conversation::forms::parse_message;
    use crate::features::conversation::service as conversation;
    use crate::features::conversation::upload::read_post;
    use crate::kernel::ids::PersonId;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = &Ctx::get()?;
    let citizen_of = |fields: &std::collections::HashMap<String, String>| {
        staff.then(|| fields.get("citizen").and_then(|c| c.parse::<i64>().ok()).unwrap_or(0))
    };
    // Who may write is settled before any file is read or decoded.
    let posted = read_post(data, |fields| {
        let citizen = citizen_of(fields);
        async move { conversation::may_write(cx.store(), cx.user()?, citizen.map(PersonId), cx.now).await }
    })
    .await?;
    let fields = &posted.fields;
    let citizen = citizen_of(fields);
    let (form, back, doing) = match citizen {
        Some(c) => (answer_form(c), routes::citizen_conversation(c), "answer a message"),
        None => (MESSAGE_FORM.to_string(), routes::CONVERSATION.to_string(), "send a message"),
    };
    let to_form = format!("{back}#besked");
    let body = fields.get(message_fields::BODY).map_or("", String::as_str);
    let kept = FormFlash::typed(form, &[(message_fields::BODY, body)]);
    let files = match posted.files {
        Ok(files) => files,
        Err(e) => return refused(e, doing, &to_form, Some(kept)).await,
    };
    let key = fields.get("key").cloned().unwrap_or_default();
    let result = async {
        let user = cx.user()?;
        let body = parse_message(body);
        let errors = files.with_problems(body.as_ref().err().cloned().unwrap_or_default());
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let body = body.map_err(ServiceError::Invalid)?;
        match citizen {
            Some(c) => conversation::answer(cx.store(), user, PersonId(c), body, files.files, &key, cx.now).await,
            None => conversation::send(cx.store(), user, body, files.files, &key, cx.now).await,
        }
    }
    .await;
    match (result, citizen) {
        (Ok(id), None) => {
            redirect(&with_answer(&routes::conversation_message(id.0), "skrevet"));
            Ok(())
        }
        (Ok(id), Some(_)) => {
            redirect(&with_answer(&format!("{back}#besked-{}", id.0), "svaret"));
            Ok(())
        }
        (Err(e), _) => refused(e, doing, &to_form, Some(kept)).await,
    }
}

/// What the caseworker's page of a citizen's conversation shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffConversationPage {
    pub citizen_id: i64,
    pub thread: ThreadView,
    pub form: FormSpec,
}

/// A citizen's conversation for their caseworker or stand-in (writes the
/// citizen's access log; opening it marks the citizen's messages read).
#[server(prefix = "/api", endpoint = "citizen_conversation")]
pub async fn citizen_conversation(citizen: i64) -> Result<StaffPage<StaffConversationPage>, ServerFnError> {
    use crate::features::conversation::service as conversation;
    use crate::kernel::ids::PersonId;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let same_origin = crate::ssr::same_origin_request();
    let r = async { conversation::staff_thread(cx.store(), cx.user()?, PersonId(citizen), same_origin, cx.now, cx.lang).await }.await;
    let thread = match crate::ssr::service::staff_page(r, "open a conversation")? {
        StaffPage::Shown(t) => t,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = cx.lang.texts();
    let hidden = vec![("citizen".to_string(), citizen.to_string())];
    let form = message_spec(&answer_form(citizen), AnswerMessage::PATH, hidden, t.conversation.answer_submit).await;
    Ok(StaffPage::Shown(StaffConversationPage { citizen_id: citizen, thread, form }))
}

/// The caseworker or stand-in answers the citizen, with up to three files
/// (as [`send_message`], and the form's `citizen`).
#[server(prefix = "/api", endpoint = "answer_message", input = MultipartFormData)]
pub async fn answer_message(data: MultipartData) -> Result<(), ServerFnError> {
    post_message(data, true).await
}

/// The caseworker or stand-in marks the conversation done.
#[server(prefix = "/api", endpoint = "close_conversation")]
pub async fn close_conversation(citizen: i64) -> Result<(), ServerFnError> {
    use crate::features::conversation::service as conversation;
    use crate::kernel::ids::PersonId;
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let back = routes::citizen_conversation(citizen);
    let result = async { conversation::close(cx.store(), cx.user()?, PersonId(citizen), cx.now).await }.await;
    finish(result, "close a conversation", &with_answer(&back, "samtale-afsluttet"), &back, None).await
}
