use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::page::{PageHeading, Paragraphs};
use crate::ui::viewer::{login_error, login_options, viewer};

/// The login page: why to log in, and a button that starts the login at the
/// identity provider (`/auth/login`). Failed logins come back here with
/// `?fejl=…`, explained in plain words.
#[component]
pub fn Login() -> impl IntoView {
    let t = use_lang().texts();
    let query = use_query_map().get_untracked();
    let error = query.get("fejl").and_then(|code| error_text(t, &code));
    let next = query.get("next").filter(|n| n.starts_with('/') && !n.starts_with("//")).unwrap_or_default();
    let options = login_options();
    let start = |provider: Option<&str>| {
        let mut url = String::from(routes::AUTH_LOGIN);
        let mut sep = '?';
        if let Some(p) = provider {
            url.push_str(&format!("{sep}provider={p}"));
            sep = '&';
        }
        if !next.is_empty() {
            url.push_str(&format!("{sep}next={}", crate::routes::query_value(&next)));
        }
        url
    };
    let me = viewer();
    view! {
        <PageHeading title=t.identity.login_title/>
        {error.map(|e| view! { <p class="alert" role="alert">{e}</p> })}
        {match me {
            Some(me) => view! {
                <p class="mb-4">{format!("{} {}.", t.identity.login_already, me.name)}</p>
                <a href=routes::PLAN class="btn-primary">{t.nav_plan}</a>
            }
            .into_any(),
            None => view! {
                <Paragraphs items=t.identity.login_body/>
                {options.test_login.then(|| view! { <p class="test-banner">{t.identity.login_test_notice}</p> })}
                <div class="flex flex-col items-start gap-3">
                    <a href=start(None) class="btn-primary">
                        {if options.test_login { t.identity.login_test_button } else { t.identity.login_button }}
                    </a>
                    {options.staff_login.then(|| view! {
                        <a href=start(Some("staff")) class="btn-secondary">{t.identity.login_staff_button}</a>
                    })}
                </div>
                <p class="mt-6"><a href=routes::PRIVACY class="link">{t.my_data.footer_privacy}</a></p>
            }
            .into_any(),
        }}
    }
}

/// The message for a `fejl` code from the server.
fn error_text(t: &'static Texts, code: &str) -> Option<&'static str> {
    Some(match code {
        login_error::UNAVAILABLE => t.login_error_unavailable,
        login_error::CANCELLED => t.identity.login_error_cancelled,
        login_error::FAILED => t.identity.login_error_failed,
        login_error::UNKNOWN_STAFF => t.identity.login_error_unknown_staff,
        login_error::ALREADY_LINKED => t.identity.login_error_linked,
        login_error::LEVEL_TOO_LOW => t.identity.login_error_level,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_reason_the_server_sends_has_a_message_in_both_languages() {
        for lang in [Lang::Da, Lang::En] {
            for code in login_error::ALL {
                assert!(error_text(lang.texts(), code).is_some(), "{code} in {lang:?}");
            }
            assert_eq!(error_text(lang.texts(), "<script>"), None);
        }
    }
}
