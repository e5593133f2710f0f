//! Forms that work without JavaScript and check input early with it.
//!
//! The form is rendered on the server as a plain `<form method="post">` to
//! a server function, with what was typed and the server's messages (after
//! a refused submit without JavaScript, the server keeps them for the next
//! page). Once the island has hydrated, it checks input with the same domain
//! parsers before sending, shows the messages next to the fields, and keeps
//! a second tap from sending twice (the idempotency key in the form makes a
//! second submit harmless anyway).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::forms::{FieldError, FormKind};
use crate::i18n::Lang;

/// How a field is typed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Control {
    Line,
    Lines,
    /// A date field (`YYYY-MM-DD`; typed text where there is no date picker).
    Date,
    Time,
    Number,
    /// One of several answers: (value, label).
    Choice(Vec<(String, String)>),
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
}

/// A form checked in the browser (once hydrated) and always on the server.
#[island]
pub fn CheckedForm(spec: FormSpec) -> impl IntoView {
    let FormSpec { kind, id_prefix, lang, action, hidden, fields, errors, submit, submitting, problems } = spec;
    let values: Vec<(String, RwSignal<String>)> = fields.iter().map(|f| (f.name.clone(), RwSignal::new(f.value.clone()))).collect();
    let errors = RwSignal::new(errors);
    let sending = RwSignal::new(false);
    // Marks the form once hydrated (browser tests wait for it).
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let summary = NodeRef::<leptos::html::Div>::new();
    let value_of = {
        let values = values.clone();
        move |name: &str| values.iter().find(|(n, _)| n == name).map(|(_, v)| v.get_untracked()).unwrap_or_default()
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        if sending.get_untracked() {
            ev.prevent_default();
            return;
        }
        let found = kind.check(&value_of);
        if found.is_empty() {
            sending.set(true);
        } else {
            ev.prevent_default();
            errors.set(found);
            if let Some(el) = summary.get_untracked() {
                let _ = el.focus();
            }
        }
    };
    // Coming back with the browser's back button shows the page as it was left.
    let _ = window_event_listener(leptos::ev::pageshow, move |_| sending.set(false));
    let message = move |name: &str| errors.with(|e| crate::domain::forms::error_for(e, name, lang));
    let fields = fields
        .into_iter()
        .zip(values)
        .map(|(f, (_, value))| {
            let name = f.name.clone();
            let id = format!("{id_prefix}-{}", f.name);
            let err_id = format!("{id}-fejl");
            let hint_id = format!("{id}-hjaelp");
            let has_hint = f.hint.is_some();
            let error = {
                let name = name.clone();
                move || message(&name)
            };
            let invalid = {
                let error = error.clone();
                move || error().is_some().then_some("true")
            };
            let described = {
                let (error, err_id, hint_id) = (error.clone(), err_id.clone(), hint_id.clone());
                move || {
                    let mut ids = Vec::new();
                    if has_hint {
                        ids.push(hint_id.clone());
                    }
                    if error().is_some() {
                        ids.push(err_id.clone());
                    }
                    (!ids.is_empty()).then(|| ids.join(" "))
                }
            };
            let error_line = {
                let err_id = err_id.clone();
                move || error().map(|m| view! { <p id=err_id.clone() class="field-error">{m}</p> })
            };
            let hint = f.hint.map(|h| view! { <p id=hint_id.clone() class="text-base text-muted">{h}</p> });
            let input_type = match f.control {
                Control::Date => "date",
                Control::Time => "time",
                Control::Number => "number",
                _ => "text",
            };
            let control = match f.control {
                Control::Line | Control::Date | Control::Time | Control::Number => view! {
                    <input
                        id=id.clone()
                        name=name.clone()
                        type=input_type
                        class="input max-w-xl"
                        value=f.value.clone()
                        aria-invalid=invalid
                        aria-describedby=described
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                }
                .into_any(),
                Control::Lines => view! {
                    <textarea
                        id=id.clone()
                        name=name.clone()
                        rows="4"
                        class="input max-w-xl"
                        aria-invalid=invalid
                        aria-describedby=described
                        on:input=move |ev| value.set(event_target_value(&ev))
                    >
                        {f.value.clone()}
                    </textarea>
                }
                .into_any(),
                Control::Choice(choices) => {
                    let options = choices
                        .into_iter()
                        .map(|(v, label)| {
                            let choice_id = format!("{id}-{v}");
                            let checked = f.value == v;
                            let v2 = v.clone();
                            view! {
                                <div class="flex min-h-11 items-center gap-3">
                                    <input
                                        id=choice_id.clone()
                                        type="radio"
                                        name=name.clone()
                                        value=v.clone()
                                        checked=checked
                                        class="h-6 w-6"
                                        on:change=move |_| value.set(v2.clone())
                                    />
                                    <label for=choice_id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view();
                    return view! {
                        <fieldset class="mb-5" aria-describedby=described>
                            <legend class="mb-1 font-semibold">{f.label}</legend>
                            {hint}
                            {error_line}
                            {options}
                        </fieldset>
                    }
                    .into_any();
                }
            };
            view! {
                <div class="mb-5">
                    <label for=id class="mb-1 block font-semibold">{f.label}</label>
                    {hint}
                    {error_line}
                    {control}
                </div>
            }
            .into_any()
        })
        .collect_view();
    let hidden = hidden.into_iter().map(|(n, v)| view! { <input type="hidden" name=n value=v/> }).collect_view();
    let summary_list = {
        let id_prefix = id_prefix.clone();
        move || {
        errors.with(|e| {
            e.iter()
                .map(|fe| {
                    let href = format!("#{id_prefix}-{}", fe.field);
                    view! { <li><a href=href>{fe.problem.message(lang)}</a></li> }
                })
                .collect_view()
        })
        }
    };
    view! {
        <form method="post" action=action on:submit=on_submit novalidate data-ready=move || ready.get().then_some("true")>
            <div
                node_ref=summary
                tabindex="-1"
                role="alert"
                class=move || if errors.with(Vec::is_empty) { "hidden" } else { "alert" }
            >
                <h2 class="text-xl font-bold">{problems}</h2>
                <ul class="list-disc pl-6">{summary_list}</ul>
            </div>
            {hidden}
            {fields}
            <button type="submit" class="btn-primary" aria-disabled=move || sending.get().then_some("true")>
                {move || if sending.get() { submitting.clone() } else { submit.clone() }}
            </button>
        </form>
    }
    // Erased: the form's full view type nested in a page's is deeper than
    // the compiler's query limit in a release build (no erase_components).
    .into_any()
}
