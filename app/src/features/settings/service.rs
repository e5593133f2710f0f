//! The settings: shown to admins as typed, saved by admins (and by the
//! command line) through one check ([`forms::parse`]) and one transaction
//! that audits each change. The command line changes one or two settings by
//! typing them over the current form, so its changes meet the same rules
//! (the caseload's warning limit not above the hard one, say).

use crate::features::admin::service::{actor, Caller};
use crate::features::settings::forms::{self, SETTINGS};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbResult, Store};
use crate::ssr::service::{ServiceError, ServiceResult};

/// Every setting as the form shows it (field → text), for an admin.
pub async fn page(store: &dyn Store, user: &CurrentUser) -> ServiceResult<Vec<(&'static str, String)>> {
    crate::ssr::access::admin(user)?;
    Ok(typed_now(store).await?)
}

async fn typed_now(store: &dyn Store) -> DbResult<Vec<(&'static str, String)>> {
    let stored = store.setting_values().await?;
    Ok(SETTINGS
        .iter()
        .map(|s| {
            let value = stored.iter().find(|(k, _)| k == s.key).map_or(forms::default_value(s.key), |(_, v)| v.as_str());
            (s.field, forms::typed(s.key, value))
        })
        .collect())
}

/// Saves the whole form (field → typed text): every value checked, the
/// changed ones written and audited together. How many changed.
pub async fn save(store: &dyn Store, caller: Caller<'_>, typed: impl Fn(&str) -> String, now: i64) -> ServiceResult<usize> {
    let by = actor(caller)?;
    let values = forms::parse(typed).map_err(ServiceError::Invalid)?;
    Ok(store.save_settings(&values, by, now).await?)
}

/// The command line's change of some settings (field → text as typed): the
/// rest as they are now. The changed fields are checked as the page checks
/// them (the caseload's two limits together), only they are written, and
/// they are audited as the command line's. A setting the page would refuse
/// but the command does not touch (no municipality name yet, say) is left
/// for the page.
pub async fn from_command_line(store: &dyn Store, changes: &[(&str, String)], now: i64) -> ServiceResult<usize> {
    let current = typed_now(store).await?;
    let typed = |field: &str| changes.iter().chain(current.iter()).find(|(f, _)| *f == field).map(|(_, v)| v.clone()).unwrap_or_default();
    let touched = |field: &str| {
        let caseload = |f: &str| f.starts_with("caseload_");
        changes.iter().any(|(f, _)| *f == field || (caseload(f) && caseload(field)))
    };
    let (mut values, errors) = forms::check(typed);
    let errors: Vec<_> = errors.into_iter().filter(|e| touched(&e.field)).collect();
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    values.retain(|(key, _)| SETTINGS.iter().any(|s| s.key == *key && touched(s.field)));
    Ok(store.save_settings(&values, None, now).await?)
}

/// The appeal guidance given with a new decision: the setting, or the text
/// the portal has always given.
pub async fn appeal_guidance(store: &dyn Store) -> DbResult<String> {
    Ok(appeal_guidance_en(store).await?.0)
}

/// Today's appeal guidance in Danish and its English reading (one read).
pub async fn appeal_guidance_en(store: &dyn Store) -> DbResult<(String, String)> {
    let stored = store.setting_values().await?;
    let get = |key: &str| stored.iter().find(|(k, _)| k == key).map_or(forms::default_value(key), |(_, v)| v.as_str()).to_string();
    Ok((get(forms::APPEAL_DA), get(forms::APPEAL_EN)))
}
