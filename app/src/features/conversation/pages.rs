//! The conversation's pages: the citizen's `/samtale` and the caseworker's
//! `/sagsbehandler/borger/{id}/samtale`. Both are plain pages with a plain
//! form, so they work before and without the WebAssembly; the form island
//! checks the message and ignores a second tap. Who may read and write is
//! decided in this feature's `service.rs`.

use leptos::prelude::*;

use crate::features::conversation::views::{MessageView, ThreadState, ThreadView};
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{object_page, ButtonForm, NeedsLogin, Notice, ObjectPage, Outcome, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// "Skriv til din sagsbehandler": the citizen's one conversation.
#[component]
pub fn Conversation() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.conversation.title body=t.conversation.login_body next=routes::CONVERSATION/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_conversation());
    view! {
        <PageHeading title=t.conversation.title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(ConversationPage::Thread { thread, form })) => {
                        let state = match thread.state {
                            ThreadState::Empty => None,
                            ThreadState::WaitingForCaseworker => Some(t.conversation.citizen_waiting_for_caseworker),
                            ThreadState::WaitingForCitizen => Some(t.conversation.citizen_waiting_for_citizen),
                            ThreadState::Closed => Some(t.conversation.citizen_closed),
                        };
                        view! {
                            <p class="mb-4">{(t.conversation.intro)(&thread.other)}</p>
                            {state.map(|s| view! { <p class="notice mb-4" role="status">{s}</p> })}
                            <Thread thread t empty=t.conversation.empty citizen=None/>
                            <section id="besked" aria-labelledby="skriv" class="card mt-8">
                                <h2 id="skriv" class="mb-3 text-xl font-bold">{t.conversation.write_heading}</h2>
                                <CheckedForm spec=*form/>
                            </section>
                        }
                        .into_any()
                    }
                    Ok(Some(ConversationPage::NoCaseworker)) => view! {
                        <p class="notice mb-4">{t.conversation.no_caseworker}</p>
                        <p class="mb-4">{t.conversation.reach_municipality}</p>
                    }
                    .into_any(),
                    Ok(Some(ConversationPage::NotCitizen)) => view! { <Notice text=t.conversation.not_citizen/> }.into_any(),
                    Ok(None) => view! { <p class="mb-4">{t.conversation.login_body}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// A citizen's conversation as their caseworker or stand-in works on it.
#[component]
pub fn CitizenConversationPage() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.conversation.staff_title,
        login_body: t.inbox_body,
        next: routes::CASELOAD,
        not_allowed: t.notice_not_allowed,
        back: None,
    };
    object_page(page, citizen_conversation, |p, t| view! { <StaffConversation p t/> }.into_any())
}

#[component]
fn StaffConversation(p: StaffConversationPage, t: &'static Texts) -> impl IntoView {
    let close_url = <CloseConversation as leptos::server_fn::ServerFn>::PATH;
    let state = match p.thread.state {
        ThreadState::Empty => None,
        ThreadState::WaitingForCaseworker => Some(t.conversation.staff_waiting_for_caseworker),
        ThreadState::WaitingForCitizen => Some(t.conversation.staff_waiting_for_citizen),
        ThreadState::Closed => Some(t.conversation.staff_closed),
    };
    let can_close = matches!(p.thread.state, ThreadState::WaitingForCaseworker | ThreadState::WaitingForCitizen);
    let citizen = p.citizen_id.to_string();
    view! {
        <p class="mb-4">{(t.conversation.staff_intro)(&p.thread.other)}</p>
        {state.map(|s| view! {
            <p class="mb-4"><span class="font-semibold">{t.conversation.state_label}": "</span><strong>{s}</strong></p>
        })}
        <Thread thread=p.thread t empty=t.conversation.staff_empty citizen=Some(p.citizen_id)/>
        <section id="besked" aria-labelledby="svar" class="card mt-8">
            <h2 id="svar" class="mb-3 text-xl font-bold">{t.conversation.answer_submit}</h2>
            <CheckedForm spec=p.form/>
        </section>
        {can_close.then(|| view! {
            <div class="mt-6">
                <ButtonForm action=close_url hidden=vec![("citizen", citizen.clone())] label=t.conversation.close_submit/>
            </div>
        })}
        <p class="mt-8"><a href=routes::citizen(p.citizen_id) class="link">{t.conversation.back_to_plan}</a></p>
    }
}

/// The messages, oldest first; each of one's own says whether the other
/// side has read it. New ones appear below while the page is open.
/// `citizen`: whose thread, for the caseworker's page (`None`: one's own).
#[component]
fn Thread(thread: ThreadView, t: &'static Texts, empty: &'static str, citizen: Option<i64>) -> impl IntoView {
    let after = thread.messages.last().map_or(0, |m| m.id);
    let list = if thread.messages.is_empty() {
        view! { <p class="text-muted">{empty}</p> }.into_any()
    } else {
        view! {
            <section aria-labelledby="beskeder">
                <h2 id="beskeder" class="mb-3 text-2xl font-bold">{t.conversation.messages_heading}</h2>
                <ol class="flex flex-col gap-4">
                    {thread.messages.into_iter().map(|m| view! { <Message m/> }).collect_view()}
                </ol>
            </section>
        }
        .into_any()
    };
    view! {
        {list}
        <NewMessages citizen after/>
    }
}

/// One message (the island that shows new ones builds the same markup: `append`).
#[component]
fn Message(m: MessageView) -> impl IntoView {
    let class = if m.own { "card ml-6 border-primary" } else { "card mr-6" };
    view! {
        <li id=format!("besked-{}", m.id) class=class>
            <p class="font-semibold">{m.sender}<span class="font-normal text-muted">" · "{m.sent}</span></p>
            <p class="mt-1 whitespace-pre-line break-words">{m.body}</p>
            <FileList files=m.files/>
            {m.receipt.map(|r| view! { <p class="mt-2 text-base text-muted">{r}</p> })}
        </li>
    }
}

/// Files sent with a message or a complaint: links to download them, with
/// their kind and size (nothing when there are none).
#[component]
pub fn FileList(files: Vec<crate::features::conversation::views::AttachmentView>) -> impl IntoView {
    (!files.is_empty()).then(|| {
        view! {
            <ul class="mt-2 flex flex-col gap-1">
                {files
                    .into_iter()
                    .map(|f| {
                        view! {
                            <li class="break-words">
                                <a href=f.href class="link">{f.name}</a>
                                <span class="text-base text-muted">" ("{f.about}")"</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// New messages while the page is open: asks the server every 10 seconds,
/// and at once after this page sent one, for what came after the last one
/// shown and adds it below, announced to screen readers. Without JavaScript
/// (or before the WebAssembly) the page shows them on the next load.
#[island]
fn NewMessages(citizen: Option<i64>, after: i64) -> impl IntoView {
    let last = StoredValue::new(after);
    Effect::new(move |_| {
        let poll = move || {
            leptos::task::spawn_local(async move {
                let form = match citizen {
                    Some(c) => format!("after={}&citizen={c}", last.get_value()),
                    None => format!("after={}", last.get_value()),
                };
                let path = <ConversationUpdates as leptos::server_fn::ServerFn>::PATH;
                if let Some(more) = crate::ui::fetch::post_form::<Vec<MessageView>>(path, &form).await {
                    if let Some(m) = more.last() {
                        last.set_value(m.id);
                    }
                    append(&more);
                }
            });
        };
        if let Ok(handle) = set_interval_with_handle(poll, std::time::Duration::from_secs(10)) {
            on_cleanup(move || handle.clear());
        }
        // A message just sent from this page (the live form) shows at once.
        let sent = window_event_listener_untyped(crate::ui::form::SENT_EVENT, move |_| poll());
        on_cleanup(move || sent.remove());
    });
    view! { <ol id=NEW_LIST class="mt-4 flex flex-col gap-4" aria-live="polite"></ol> }
}

const NEW_LIST: &str = "nye-beskeder";

/// Adds messages to the island's list as [`Message`] renders them, with the
/// DOM's own calls: rendering the component in the browser instead cost
/// 15 kB (brotli) of WebAssembly, which every page downloads. Text goes in
/// as text, never as HTML.
fn append(messages: &[MessageView]) {
    let doc = document();
    let Some(list) = doc.get_element_by_id(NEW_LIST) else { return };
    let element = |tag: &str, class: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    for m in messages {
        let Some(item) = element("li", if m.own { "card ml-6 border-primary" } else { "card mr-6" }, "") else { return };
        item.set_id(&format!("besked-{}", m.id));
        let parts = [
            element("p", "font-semibold", &m.sender),
            element("p", "mt-1 whitespace-pre-line break-words", &m.body),
            files(&m.files, &element),
            m.receipt.as_deref().and_then(|r| element("p", "mt-2 text-base text-muted", r)),
        ];
        if let (Some(head), Some(sent)) = (&parts[0], element("span", "font-normal text-muted", &format!(" · {}", m.sent))) {
            let _ = head.append_child(&sent);
        }
        for part in parts.into_iter().flatten() {
            let _ = item.append_child(&part);
        }
        let _ = list.append_child(&item);
    }
}

/// The list of a new message's files, as [`Message`] renders it.
fn files(
    files: &[crate::features::conversation::views::AttachmentView],
    element: &dyn Fn(&str, &str, &str) -> Option<web_sys::Element>,
) -> Option<web_sys::Element> {
    if files.is_empty() {
        return None;
    }
    let list = element("ul", "mt-2 flex flex-col gap-1", "")?;
    for f in files {
        let (item, link) = (element("li", "break-words", "")?, element("a", "link", &f.name)?);
        let _ = link.set_attribute("href", &f.href);
        let _ = item.append_child(&link);
        if let Some(about) = element("span", "text-base text-muted", &format!(" ({})", f.about)) {
            let _ = item.append_child(&about);
        }
        let _ = list.append_child(&item);
    }
    Some(list)
}
