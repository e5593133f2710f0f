//! The settings page's server functions: the form, and the plain form post
//! that saves it.

use leptos::prelude::*;

use crate::features::settings::views::SettingsPage;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use crate::ui::page::StaffPage;

#[cfg(feature = "ssr")]
const FORM: &str = "settings";

/// `/admin/indstillinger`: every setting in one form, as it is now.
#[server(prefix = "/api", endpoint = "open_settings")]
pub async fn open_settings() -> Result<StaffPage<SettingsPage>, ServerFnError> {
    use crate::features::settings::forms::{Kind, SettingsForm, SETTINGS};
    use crate::features::settings::service as settings;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let r = async { settings::page(cx.store(), cx.user()?).await }.await;
    let current = match crate::ssr::service::staff_page(r, "open the settings")? {
        StaffPage::Shown(c) => c,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = cx.lang.texts();
    let defs = SETTINGS
        .iter()
        .map(|s| {
            let (label, hint) = t.settings.field(s.field);
            let control = match s.kind {
                Kind::Money => Control::Money,
                Kind::Count { .. } | Kind::Seconds { .. } => Control::Number,
                Kind::Text => Control::Lines,
                Kind::Municipality => Control::Line,
            };
            (s.field, label, (!hint.is_empty()).then_some(hint), control)
        })
        .collect();
    let defaults: Vec<(&str, &str)> = current.iter().map(|(f, v)| (*f, v.as_str())).collect();
    let form = crate::ssr::forms::spec(SettingsForm::Settings, FORM, SaveSettings::PATH, vec![], defs, t.settings.submit, &defaults).await;
    Ok(StaffPage::Shown(SettingsPage { form }))
}

/// Saves every setting at once (the changed ones are audited); refused
/// fields come back by the field, with what was typed. The form's fields
/// arrive as one map (field → text): the form is the settings' list.
#[server(prefix = "/api", endpoint = "save_settings")]
pub async fn save_settings(#[server(flatten)] typed: std::collections::HashMap<String, String>) -> Result<(), ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::settings::forms::SETTINGS;
    use crate::features::settings::service as settings;
    use crate::routes;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    let cx = Ctx::get()?;
    let value = |field: &str| typed.get(field).cloned().unwrap_or_default();
    let pairs: Vec<(&str, String)> = SETTINGS.iter().map(|s| (s.field, value(s.field))).collect();
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(f, v)| (*f, v.as_str())).collect();
    let kept = FormFlash::typed(FORM, &pairs);
    let result = async { settings::save(cx.store(), Caller::Browser(cx.user()?), value, cx.now).await.map(|_| ()) }.await;
    finish(result, "save the settings", &with_answer(routes::ADMIN_SETTINGS, "indstillinger-gemt"), routes::ADMIN_SETTINGS, Some(kept))
        .await
}
