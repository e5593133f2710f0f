//! `/indstillinger`, where anyone signed in chooses whether and about what
//! they get a mail, and `/afmeld/{token}`, the page a mail's unsubscribe
//! link opens: one button, a POST, since mail scanners follow links.
//! Every form here is a plain form post: it works before (and without) the
//! WASM; the address and code forms are checked in the browser once hydrated.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::features::notices::views::{Channel, SettingsPage, SettingsView};
use crate::i18n::use_lang;
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{ButtonForm, NeedsLogin, Outcome, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// This feature's own `?svar=` notice, else the shared one.
#[component]
fn NoticeOutcome() -> impl IntoView {
    let t = use_lang().texts();
    let code = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("svar"));
    match code.as_deref().and_then(|c| t.notices.outcome(c)) {
        Some(text) => {
            let class = if code.as_deref() == Some("ugyldigt-link") { "alert mb-4" } else { "notice mb-4" };
            view! { <p class=class role="status">{text}</p> }.into_any()
        }
        None => view! { <Outcome/> }.into_any(),
    }
}

/// "Indstillinger": the address, the code, the topics, unsubscribe.
#[component]
pub fn Settings() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.notices.settings_title body=t.notices.needs_login next=routes::SETTINGS/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| notice_settings());
    view! {
        <PageHeading title=t.notices.settings_title/>
        <NoticeOutcome/>
        <p class="mb-6 max-w-prose">{t.notices.settings_intro}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(SettingsPage::Settings(view)) => view! { <SettingsSections view=*view/> }.into_any(),
                    Ok(SettingsPage::OnlyHerself) => view! { <crate::features::representation::pages::OnlyHerself/> }.into_any(),
                    Ok(SettingsPage::NeedsLogin) => {
                        view! { <NeedsLogin title=t.notices.settings_title body=t.notices.needs_login next=routes::SETTINGS/> }.into_any()
                    }
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn SettingsSections(view: SettingsView) -> impl IntoView {
    let t = use_lang().texts();
    let SettingsView { email, pending, email_form, phone, pending_phone, phone_form, topics, unsubscribed, failure, sms_failure } = view;
    let email_way = Way {
        confirmed: email,
        failure,
        pending: pending.map(|(address, form)| (address.clone(), address, form)),
        entry_form: email_form,
        field: "email",
        card_id: "kode",
        failed_to: t.notices.failed_to,
        current: t.notices.email_current,
        none: t.notices.email_none,
        remove: (RemoveEmail::PATH, t.notices.email_remove),
        code_sent_to: t.notices.code_sent_to,
        again: StartEmail::PATH,
        cancel: CancelEmail::PATH,
    };
    let phone_way = Way {
        confirmed: phone,
        failure: sms_failure,
        // Shown spaced; sent again as stored.
        pending: pending_phone.map(|(number, form)| (super::forms::Phone::spaced(&number), number, form)),
        entry_form: phone_form,
        field: "phone",
        card_id: "sms-kode",
        failed_to: t.notices.sms_failed_to,
        current: t.notices.phone_current,
        none: t.notices.phone_none,
        remove: (RemovePhone::PATH, t.notices.phone_remove),
        code_sent_to: t.notices.sms_code_sent_to,
        again: StartPhone::PATH,
        cancel: CancelPhone::PATH,
    };
    let (failure, current, entry) = email_way.views(t);
    let (sms_failure, current_phone, phone_entry) = phone_way.views(t);
    // Per topic a group of two boxes, named by the topic (a legend), so a
    // screen reader says "Svar fra din sagsbehandler, Mail, afkrydset".
    let boxes = topics
        .into_iter()
        .map(|(topic, by_email, by_sms)| {
            let choice = move |channel: Channel, wanted: bool, label: &'static str| {
                let id = format!("emne-{}", topic.field(channel));
                view! {
                    <div class="flex min-h-11 items-center gap-3">
                        <input id=id.clone() type="checkbox" name=topic.field(channel) value="ja" checked=wanted class="h-6 w-6"/>
                        <label for=id>{label}</label>
                    </div>
                }
            };
            view! {
                <fieldset class="mb-3 border-b border-line pb-2">
                    <legend class="font-semibold">{topic.label(t)}</legend>
                    <div class="flex flex-wrap gap-x-8">
                        {choice(Channel::Email, by_email, t.notices.by_email)}
                        {choice(Channel::Sms, by_sms, t.notices.by_sms)}
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    let all = if unsubscribed {
        view! {
            <p class="mb-3">{t.notices.all_off}</p>
            <ButtonForm action=SetUnsubscribed::PATH hidden=vec![("igen", "ja".to_string())] label=t.notices.subscribe_again class="btn-primary"/>
        }
        .into_any()
    } else {
        view! {
            <p class="mb-3">{t.notices.all_on}</p>
            <ButtonForm action=SetUnsubscribed::PATH hidden=vec![] label=t.notices.unsubscribe_all/>
        }
        .into_any()
    };
    view! {
        {failure}
        {sms_failure}
        <section aria-labelledby="adresse" class="mb-8">
            <h2 id="adresse" class="mb-3 text-2xl font-bold">{t.notices.email_heading}</h2>
            {current}
            {entry}
        </section>
        <section id="mobil" aria-labelledby="mobil-overskrift" class="mb-8">
            <h2 id="mobil-overskrift" class="mb-3 text-2xl font-bold">{t.notices.phone_heading}</h2>
            {current_phone}
            {phone_entry}
            <p class="mt-3 text-muted max-w-prose">{t.notices.sms_quiet}</p>
        </section>
        <section aria-labelledby="emner" class="mb-8">
            <h2 id="emner" class="mb-3 text-2xl font-bold">{t.notices.topics_heading}</h2>
            <p class="mb-4 max-w-prose">{t.notices.topics_intro}</p>
            <form method="post" action=SaveTopics::PATH>
                {boxes}
                <button type="submit" class="btn-primary mt-2">{t.notices.topics_submit}</button>
            </form>
        </section>
        <section aria-labelledby="alle" class="mb-8">
            <h2 id="alle" class="mb-3 text-2xl font-bold">{t.notices.all_heading}</h2>
            {all}
        </section>
        <p class="text-muted max-w-prose">{t.notices.privacy}</p>
    }
}

/// One of the two ways to be told (the address or the number): what the
/// section shows, its texts and its forms' actions.
struct Way {
    confirmed: Option<String>,
    /// Why the newest notice could not be sent.
    failure: Option<String>,
    /// What waits for its code (as shown, and as sent again), and the code's form.
    pending: Option<(String, String, crate::ui::form::FormSpec)>,
    entry_form: crate::ui::form::FormSpec,
    /// The entry form's field, posted again by "Send en ny kode".
    field: &'static str,
    card_id: &'static str,
    failed_to: &'static str,
    current: &'static str,
    none: &'static str,
    remove: (&'static str, &'static str),
    code_sent_to: &'static str,
    again: &'static str,
    cancel: &'static str,
}

impl Way {
    /// The failure's alert, what is confirmed (with its remove button), and
    /// the code card or the entry form.
    fn views(self, t: &'static crate::i18n::Texts) -> (impl IntoView, AnyView, AnyView) {
        let failure = self.failure.zip(self.confirmed.clone()).map(|(reason, to)| {
            view! {
                <div class="alert mb-6" role="alert">
                    <p>{self.failed_to} " " <strong>{to}</strong> ": " {reason}</p>
                    <p>{t.notices.failed_after}</p>
                </div>
            }
        });
        let current = match self.confirmed {
            Some(to) => view! {
                <p class="mb-3">{self.current} " " <strong class="break-all">{to}</strong></p>
                <div class="mb-6"><ButtonForm action=self.remove.0 hidden=vec![] label=self.remove.1/></div>
            }
            .into_any(),
            None => view! { <p class="mb-6">{self.none}</p> }.into_any(),
        };
        let entry = match self.pending {
            Some((shown, sent, code_form)) => view! {
                <div id=self.card_id class="card mb-6">
                    <p class="mb-4">{self.code_sent_to} " " <strong class="break-all">{shown}</strong> "."</p>
                    <CheckedForm spec=code_form/>
                    <div class="mt-4 flex flex-wrap gap-3">
                        <ButtonForm action=self.again hidden=vec![(self.field, sent)] label=t.notices.code_again/>
                        <ButtonForm action=self.cancel hidden=vec![] label=t.notices.code_cancel/>
                    </div>
                </div>
            }
            .into_any(),
            None => view! { <CheckedForm spec=self.entry_form/> }.into_any(),
        };
        (failure, current, entry)
    }
}

/// "Afmeld mails fra Én Plan": what a mail's unsubscribe link opens. The
/// button posts to the same address (as a mail program's one-click
/// unsubscribe does); no login is needed.
#[component]
pub fn Unsubscribe() -> impl IntoView {
    let t = use_lang().texts();
    let token = leptos_router::hooks::use_params_map().with_untracked(|p| p.get("token")).unwrap_or_default();
    let answer = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("svar"));
    let body = match answer.as_deref() {
        Some("afmeldt-link") => view! {
            <NoticeOutcome/>
            <p><a href=routes::SETTINGS class="link">{t.notices.link_settings}</a></p>
        }
        .into_any(),
        Some("ugyldigt-link") => view! {
            <NoticeOutcome/>
            <p><a href=routes::login_then(routes::SETTINGS) class="btn-primary">{t.login}</a></p>
        }
        .into_any(),
        _ => view! {
            <p class="mb-6 max-w-prose">{t.notices.link_intro}</p>
            <form method="post" action=routes::unsubscribe(&token)>
                <button type="submit" class="btn-primary">{t.notices.link_button}</button>
            </form>
        }
        .into_any(),
    };
    view! {
        <PageHeading title=t.notices.link_title/>
        {body}
    }
}
