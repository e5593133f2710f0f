//! Forms that work without JavaScript and check input early with it.
//!
//! The form is rendered on the server as a plain `<form method="post">` to
//! a server function, with what was typed and the server's messages (after
//! a refused submit without JavaScript, the server keeps them for the next
//! page). Only a small island, [`FormGuard`], runs in the browser: on submit
//! it reads the form, checks it with the same domain parsers, writes the
//! messages into the places the server rendered for them, and keeps a second
//! tap from sending twice (the idempotency key in the form makes a second
//! submit harmless anyway). The fields themselves are never hydrated, which
//! keeps the WebAssembly bundle small: every page downloads it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::forms::FormKind;
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, FileRules};
use wasm_bindgen::JsCast;

/// How a field is typed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Control {
    Line,
    Lines,
    /// A date field (`YYYY-MM-DD`; typed text where there is no date picker).
    Date,
    Time,
    Number,
    /// Kroner typed the Danish way ("1.234,50"): a text field with the
    /// phone's number keyboard.
    Money,
    /// An e-mail address (the phone's e-mail keyboard, filled in by the browser).
    Email,
    /// A telephone number (the phone's number pad, filled in by the browser).
    Phone,
    /// A one-time code of digits (the number keyboard; a phone can fill it in from the mail).
    Code,
    /// One of several answers: (value, label).
    Choice(Vec<(String, String)>),
    /// A box to tick: it posts `ja` when ticked, nothing when not.
    Check,
    /// Files to send with the form (the form is then posted as
    /// `multipart/form-data`); what was chosen is never kept after a refusal.
    Files(FileRules),
}

/// One field of a checked form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    pub control: Control,
    /// What was typed (kept after a refused submit).
    pub value: String,
}

/// Everything a checked form needs, built on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSpec {
    pub kind: FormKind,
    /// Starts every field id: unique per form on a page.
    pub id_prefix: String,
    pub lang: Lang,
    /// The server function's URL.
    pub action: String,
    /// Hidden fields: the idempotency key, the object's id.
    pub hidden: Vec<(String, String)>,
    pub fields: Vec<Field>,
    /// The server's messages from a refused submit.
    pub errors: Vec<FieldError>,
    pub submit: String,
    pub submitting: String,
    /// Heading of the list of problems.
    pub problems: String,
    /// Once hydrated, send without leaving the page (a conversation): the
    /// form is posted with `fetch`, emptied and given a fresh idempotency
    /// key, and the page is told (`enplan:sent` on the window). If that
    /// post fails, the form is posted the plain way, whose answer says why.
    pub live: bool,
}

/// A form checked on the server always, and in the browser once hydrated.
#[component]
pub fn CheckedForm(spec: FormSpec) -> impl IntoView {
    let FormSpec { kind, id_prefix, lang, action, hidden, fields, errors, submit, submitting, problems, live } = spec;
    let message = |name: &str| crate::kernel::forms::error_for(&errors, name, lang);
    let guard_fields: Vec<(String, bool)> =
        fields.iter().map(|f| (f.name.clone(), matches!(f.control, Control::Choice(_) | Control::Check))).collect();
    let files = fields.iter().find_map(|f| match &f.control {
        Control::Files(rules) => Some((f.name.clone(), rules.clone())),
        _ => None,
    });
    let rendered = fields
        .into_iter()
        .map(|f| {
            let id = format!("{id_prefix}-{}", f.name);
            let err_id = format!("{id}-fejl");
            let hint_id = format!("{id}-hjaelp");
            let error = message(&f.name);
            let invalid = error.is_some().then_some("true");
            let described = if f.hint.is_some() { format!("{hint_id} {err_id}") } else { err_id.clone() };
            // Always there (hidden when empty), so the browser can fill it in.
            let error_line = view! { <p id=err_id class="field-error" hidden=error.is_none()>{error.clone()}</p> };
            let hint = f.hint.map(|h| view! { <p id=hint_id class="text-base text-muted">{h}</p> });
            let input_mode = match f.control {
                Control::Money => Some("decimal"),
                Control::Code => Some("numeric"),
                _ => None,
            };
            let input_type = match f.control {
                Control::Date => "date",
                Control::Time => "time",
                Control::Number => "number",
                Control::Email => "email",
                Control::Phone => "tel",
                _ => "text",
            };
            let autocomplete = match f.control {
                Control::Email => Some("email"),
                Control::Phone => Some("tel-national"),
                Control::Code => Some("one-time-code"),
                _ => None,
            };
            match f.control {
                Control::Choice(choices) => {
                    let options = choices
                        .into_iter()
                        .map(|(v, label)| {
                            let choice_id = format!("{id}-{v}");
                            let checked = f.value == v;
                            view! {
                                <div class="flex min-h-11 items-center gap-3">
                                    <input id=choice_id.clone() type="radio" name=f.name.clone() value=v checked=checked class="h-6 w-6"/>
                                    <label for=choice_id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <fieldset id=id class="mb-5" aria-describedby=described>
                            <legend class="mb-1 font-semibold">{f.label}</legend>
                            {hint}
                            {error_line}
                            {options}
                        </fieldset>
                    }
                    .into_any()
                }
                Control::Check => {
                    let checked = !f.value.is_empty();
                    view! {
                        <div class="mb-3">
                            {error_line}
                            <div class="flex min-h-11 items-start gap-3">
                                <input id=id.clone() type="checkbox" name=f.name value="ja" checked=checked class="mt-1 h-6 w-6 shrink-0" aria-describedby=described/>
                                <label for=id>{f.label}</label>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                control => {
                    let label = view! { <label for=id.clone() class="mb-1 block font-semibold">{f.label}</label> };
                    let control = match control {
                        Control::Files(rules) => {
                            let multiple = rules.max_files > 1;
                            view! {
                                <input
                                    id=id
                                    name=f.name
                                    type="file"
                                    multiple=multiple
                                    accept=rules.accept
                                    class="input max-w-xl"
                                    aria-invalid=invalid
                                    aria-describedby=described
                                />
                            }
                            .into_any()
                        }
                        Control::Lines => view! {
                            <textarea id=id name=f.name rows="4" class="input max-w-xl" aria-invalid=invalid aria-describedby=described>
                                {f.value}
                            </textarea>
                        }
                        .into_any(),
                        _ => view! {
                            <input
                                id=id
                                name=f.name
                                type=input_type
                                inputmode=input_mode
                                autocomplete=autocomplete
                                class="input max-w-xl"
                                value=f.value
                                aria-invalid=invalid
                                aria-describedby=described
                            />
                        }
                        .into_any(),
                    };
                    view! { <div class="mb-5">{label} {hint} {error_line} {control}</div> }.into_any()
                }
            }
        })
        .collect_view();
    let hidden = hidden.into_iter().map(|(n, v)| view! { <input type="hidden" name=n value=v/> }).collect_view();
    let summary_items = errors
        .iter()
        .map(|fe| view! { <li><a href=format!("#{id_prefix}-{}", fe.field)>{fe.problem.message(lang)}</a></li> })
        .collect_view();
    view! {
        <FormGuard kind lang prefix=id_prefix.clone() fields=guard_fields files action submitting submit_label=submit.clone() live>
            <div id=format!("{id_prefix}-problemer") tabindex="-1" role="alert" class="alert" hidden=errors.is_empty()>
                <h2 class="text-xl font-bold">{problems}</h2>
                <ul id=format!("{id_prefix}-problemliste") class="list-disc pl-6">{summary_items}</ul>
            </div>
            {hidden}
            {rendered}
            <button id=format!("{id_prefix}-send") type="submit" class="btn-primary">{submit}</button>
        </FormGuard>
    }
}

/// The browser's part of a checked form: the `<form>` element and its
/// submit check. `fields` are the form's names, each with whether it is a
/// choice (radio buttons carry no `aria-invalid` of their own); `files`,
/// the file field's name and rules, if the form has one.
#[island]
pub fn FormGuard(
    kind: FormKind,
    lang: Lang,
    prefix: String,
    fields: Vec<(String, bool)>,
    files: Option<(String, FileRules)>,
    action: String,
    submitting: String,
    submit_label: String,
    live: bool,
    children: Children,
) -> impl IntoView {
    let sending = RwSignal::new(false);
    // Marks the form once hydrated (browser tests wait for it).
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    // Coming back with the browser's back button shows the page as it was left.
    let _ = window_event_listener(leptos::ev::pageshow, move |_| sending.set(false));
    let form_id = format!("{prefix}-form");
    let post_to = action.clone();
    let multipart = files.is_some();
    let enctype = multipart.then_some("multipart/form-data");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        if sending.get_untracked() {
            ev.prevent_default();
            return;
        }
        let Some(data) = form_data(&ev) else { return };
        let mut errors = kind.check(|name| data.get(name).as_string().unwrap_or_default());
        if let Some((name, rules)) = &files {
            errors.extend(rules.check(name, &chosen_files(&prefix, name)));
        }
        show_errors(&prefix, &fields, &errors, lang);
        if errors.is_empty() {
            sending.set(true);
            set_button(&prefix, &submitting, true);
            if live {
                ev.prevent_default();
                let (prefix, fields, action, label) = (prefix.clone(), fields.clone(), post_to.clone(), submit_label.clone());
                leptos::task::spawn_local(async move {
                    let form = form_element(&prefix);
                    if crate::ui::fetch::post_form_data(&action, &data, multipart).await {
                        clear_and_rekey(&prefix, &fields);
                        set_button(&prefix, &label, false);
                        sending.set(false);
                        if let Ok(event) = web_sys::Event::new(SENT_EVENT) {
                            let _ = window().dispatch_event(&event);
                        }
                    } else if let Some(form) = form {
                        // The plain post: the server's answer says what went wrong.
                        let _ = form.submit();
                    }
                });
            }
        } else {
            ev.prevent_default();
        }
    };
    view! {
        <form
            id=form_id
            method="post"
            action=action
            enctype=enctype
            on:submit=on_submit
            novalidate
            data-ready=move || ready.get().then_some("true")
        >
            {children()}
        </form>
    }
}

/// Told on the window after a live form was sent (see [`FormSpec::live`]).
pub const SENT_EVENT: &str = "enplan:sent";

/// The submit button's words, and whether it says "wait".
fn set_button(prefix: &str, text: &str, busy: bool) {
    if let Some(button) = document().get_element_by_id(&format!("{prefix}-send")) {
        button.set_text_content(Some(text));
        let _ = if busy { button.set_attribute("aria-disabled", "true") } else { button.remove_attribute("aria-disabled") };
    }
}

/// The form element of the form with this prefix.
fn form_element(prefix: &str) -> Option<web_sys::HtmlFormElement> {
    document().get_element_by_id(&format!("{prefix}-form"))?.dyn_into::<web_sys::HtmlFormElement>().ok()
}

/// After a live send: the typed fields emptied, and a fresh idempotency
/// key, so the next message is a new one (the old key would answer with
/// the message just sent).
fn clear_and_rekey(prefix: &str, fields: &[(String, bool)]) {
    let Some(form) = form_element(prefix) else { return };
    for (name, is_choice) in fields {
        if *is_choice {
            continue;
        }
        if let Some(field) = document().get_element_by_id(&format!("{prefix}-{name}")) {
            if let Ok(area) = field.clone().dyn_into::<web_sys::HtmlTextAreaElement>() {
                area.set_value("");
            } else if let Ok(input) = field.dyn_into::<web_sys::HtmlInputElement>() {
                input.set_value("");
            }
        }
    }
    let key = window().crypto().ok().map(|c| c.random_uuid());
    if let (Some(key), Ok(Some(input))) = (key, form.query_selector("input[name=key]")) {
        if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
            input.set_value(&key);
        }
    }
}

/// The files chosen in a file field, as the browser describes them (name, size, type).
fn chosen_files(prefix: &str, name: &str) -> Vec<(String, f64, String)> {
    let input = document().get_element_by_id(&format!("{prefix}-{name}")).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let Some(list) = input.and_then(|i| i.files()) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).map(|f| (f.name(), f.size(), f.type_())).collect()
}

/// What the submitted form holds.
fn form_data(ev: &leptos::ev::SubmitEvent) -> Option<web_sys::FormData> {
    use wasm_bindgen::JsCast;
    let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    web_sys::FormData::new_with_form(&form).ok()
}

/// Writes the messages next to their fields and into the list at the top
/// (focused, so it is read out), or clears them all.
fn show_errors(prefix: &str, fields: &[(String, bool)], errors: &[FieldError], lang: Lang) {
    let doc = document();
    for (name, is_choice) in fields {
        let message = crate::kernel::forms::error_for(errors, name, lang);
        if let Some(line) = doc.get_element_by_id(&format!("{prefix}-{name}-fejl")) {
            line.set_text_content(message.as_deref());
            let _ = if message.is_some() { line.remove_attribute("hidden") } else { line.set_attribute("hidden", "") };
        }
        if !is_choice {
            if let Some(control) = doc.get_element_by_id(&format!("{prefix}-{name}")) {
                let _ = if message.is_some() {
                    control.set_attribute("aria-invalid", "true")
                } else {
                    control.remove_attribute("aria-invalid")
                };
            }
        }
    }
    let (Some(summary), Some(list)) =
        (doc.get_element_by_id(&format!("{prefix}-problemer")), doc.get_element_by_id(&format!("{prefix}-problemliste")))
    else {
        return;
    };
    list.set_text_content(None);
    for e in errors {
        if let (Ok(item), Ok(link)) = (doc.create_element("li"), doc.create_element("a")) {
            let _ = link.set_attribute("href", &format!("#{prefix}-{}", e.field));
            link.set_text_content(Some(&e.problem.message(lang)));
            let _ = item.append_child(&link);
            let _ = list.append_child(&item);
        }
    }
    if errors.is_empty() {
        let _ = summary.set_attribute("hidden", "");
    } else {
        let _ = summary.remove_attribute("hidden");
        if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
            let _ = summary.focus();
        }
    }
}
