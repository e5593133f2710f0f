//! The settings form: every municipality setting the portal has, each field
//! checked by its kind (kroner, a whole number in a range, seconds, a text),
//! the caseload's warning limit not above its hard limit, and the
//! municipality's details by their own rules. The browser checks with the
//! same parsers the server uses.

use serde::{Deserialize, Serialize};

use crate::features::municipality::forms as municipality;
use crate::kernel::forms::{field, positive_amount, FieldErrors, Problem};
use crate::kernel::{Amount, LongText};

/// The settings' checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SettingsForm {
    Settings,
}

impl SettingsForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            SettingsForm::Settings => parse(value).err().unwrap_or_default(),
        }
    }
}

/// What a setting is: how it is typed, checked, stored and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Kroner typed the Danish way, stored in øre, more than zero.
    Money,
    /// A whole number from `min` to `max`.
    Count { min: i64, max: i64 },
    /// Whole seconds from 0 to `max` (the notices' periods; tests use a second).
    Seconds { max: i64 },
    /// A text of several lines, required.
    Text,
    /// One of the municipality's details (checked together by their own rules).
    Municipality,
}

/// One setting: the form's field, the stored key (a `setting` row), its kind.
pub struct Setting {
    pub field: &'static str,
    pub key: &'static str,
    pub kind: Kind,
}

const fn setting(field: &'static str, key: &'static str, kind: Kind) -> Setting {
    Setting { field, key, kind }
}

const PER_HOUR: Kind = Kind::Count { min: 1, max: 1000 };
const CASELOAD: Kind = Kind::Count { min: 1, max: 1000 };

/// Every setting on the page, in its order.
pub const SETTINGS: &[Setting] = &[
    setting("budget_cap", "budget_cap_ore", Kind::Money),
    setting("requests_per_hour", "requests_per_hour", PER_HOUR),
    setting("messages_per_hour", "messages_per_hour", PER_HOUR),
    setting("goals_per_hour", "goals_per_hour", PER_HOUR),
    setting("groups_per_hour", "groups_per_hour", PER_HOUR),
    setting("meetups_per_hour", "meetups_per_hour", PER_HOUR),
    setting("announcements_per_hour", "announcements_per_hour", PER_HOUR),
    setting("caseload_soft", "caseload_soft", CASELOAD),
    setting("caseload_hard", "caseload_hard", CASELOAD),
    setting("notice_grace", "notice_grace_seconds", Kind::Seconds { max: 86_400 }),
    setting("notice_throttle", "notice_throttle_seconds", Kind::Seconds { max: 7 * 86_400 }),
    setting("appeal_da", APPEAL_DA, Kind::Text),
    setting("appeal_en", APPEAL_EN, Kind::Text),
    setting(municipality::NAME, "municipality_name", Kind::Municipality),
    setting(municipality::ADDRESS, "municipality_address", Kind::Municipality),
    setting(municipality::PHONE, "municipality_phone", Kind::Municipality),
    setting(municipality::DPO, "municipality_dpo", Kind::Municipality),
];

/// The appeal guidance given with new decisions, and its English reading.
pub const APPEAL_DA: &str = "appeal_guidance_da";
pub const APPEAL_EN: &str = "appeal_guidance_en";

/// How to complain about a decision: who to, how, and the deadline. Stored
/// with every decision as it was given (a later change of this text does not
/// change old decisions). Danish, the language of the decision.
pub const DEFAULT_APPEAL_DA: &str = "Du kan klage over afgørelsen. Skriv eller ring til Borgerservice i din kommune \
inden 4 uger efter, at du har fået afgørelsen. Du kan også klage gennem din sagsbehandler. Kommunen ser på sagen igen. \
Hvis kommunen fastholder afgørelsen, sender den din klage videre til Ankestyrelsen.";

/// [`DEFAULT_APPEAL_DA`] in English, for reading only: the decision record keeps the Danish text.
pub const DEFAULT_APPEAL_EN: &str = "You can complain about the decision. Write to or call Citizen Services (Borgerservice) in your municipality within 4 weeks of getting the decision. You can also complain through your caseworker. The municipality looks at the case again. If it keeps the decision, it sends your complaint on to the National Social Appeals Board (Ankestyrelsen). (Translated: the Danish text given with the decision is the one that applies.)";

/// What a setting is before anyone sets it: the portal's own appeal
/// guidance; nothing for the rest (their rows come with the migrations).
pub fn default_value(key: &str) -> &'static str {
    match key {
        APPEAL_DA => DEFAULT_APPEAL_DA,
        APPEAL_EN => DEFAULT_APPEAL_EN,
        _ => "",
    }
}

fn by_key(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.key == key)
}

/// The form as typed (field → text) checked: every setting's stored key and
/// value, or the refused fields.
pub fn parse(value: impl Fn(&str) -> String) -> Result<Vec<(&'static str, String)>, FieldErrors> {
    let (stored, errors) = check(value);
    if errors.is_empty() {
        Ok(stored)
    } else {
        Err(errors)
    }
}

/// The form checked field by field: the stored key and value of every
/// setting typed well, and the refused fields.
pub fn check(value: impl Fn(&str) -> String) -> (Vec<(&'static str, String)>, FieldErrors) {
    let mut errors = FieldErrors::new();
    let mut stored = Vec::new();
    for s in SETTINGS {
        let typed = value(s.field);
        let v = match s.kind {
            Kind::Money => positive_amount(&mut errors, s.field, &typed).map(|a| a.ore().to_string()),
            Kind::Count { min, max } => whole(&mut errors, s.field, &typed, min, max).map(|n| n.to_string()),
            Kind::Seconds { max } => whole(&mut errors, s.field, &typed, 0, max).map(|n| n.to_string()),
            Kind::Text => match LongText::parse(&typed) {
                Ok(t) => Some(t.as_str().to_string()),
                Err(e) => {
                    field(&mut errors, s.field, Problem::Text(e));
                    None
                }
            },
            Kind::Municipality => continue,
        };
        if let Some(v) = v {
            stored.push((s.key, v));
        }
    }
    let number = |key: &str| stored.iter().find(|(k, _)| *k == key).and_then(|(_, v)| v.parse::<i64>().ok());
    if let (Some(soft), Some(hard)) = (number("caseload_soft"), number("caseload_hard")) {
        if soft > hard {
            field(&mut errors, "caseload_soft", Problem::SoftOverHard);
        }
    }
    let m = [municipality::NAME, municipality::ADDRESS, municipality::PHONE, municipality::DPO].map(&value);
    match municipality::parse(&m[0], &m[1], &m[2], &m[3]) {
        Ok(m) => stored.extend([
            ("municipality_name", m.name),
            ("municipality_address", m.address),
            ("municipality_phone", m.phone),
            ("municipality_dpo", m.dpo),
        ]),
        Err(e) => errors.extend(e),
    }
    (stored, errors)
}

fn whole(errors: &mut FieldErrors, name: &str, typed: &str, min: i64, max: i64) -> Option<i64> {
    match typed.trim().parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            field(errors, name, Problem::WholeNumber(min, max));
            None
        }
    }
}

/// A stored value as the form shows it (kroner typed the Danish way).
pub fn typed(key: &str, stored: &str) -> String {
    match by_key(key).map(|s| s.kind) {
        Some(Kind::Money) => stored.parse().ok().and_then(Amount::from_ore).map(Amount::to_input).unwrap_or_default(),
        _ => stored.to_string(),
    }
}

/// A stored value as the admin audit log shows it ("50.000,00 kr.", "900 s").
pub fn shown(key: &str, stored: &str) -> String {
    match by_key(key).map(|s| s.kind) {
        Some(Kind::Money) => stored.parse().ok().and_then(Amount::from_ore).map(|a| a.to_string()).unwrap_or_default(),
        Some(Kind::Seconds { .. }) => format!("{stored} s"),
        _ => stored.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::TextError;

    fn form(changes: &[(&str, &str)]) -> impl Fn(&str) -> String {
        let mut all: Vec<(String, String)> = vec![
            ("budget_cap".into(), "50.000".into()),
            ("caseload_soft".into(), "30".into()),
            ("caseload_hard".into(), "40".into()),
            ("notice_grace".into(), "900".into()),
            ("notice_throttle".into(), "10800".into()),
            ("appeal_da".into(), "Du kan klage.".into()),
            ("appeal_en".into(), "You can complain.".into()),
            ("name".into(), "Demo Kommune".into()),
        ];
        for f in ["requests", "messages", "goals", "groups", "meetups", "announcements"] {
            all.push((format!("{f}_per_hour"), "10".into()));
        }
        for (k, v) in changes {
            all.retain(|(key, _)| key != k);
            all.push((k.to_string(), v.to_string()));
        }
        move |name: &str| all.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    fn problems(changes: &[(&str, &str)]) -> Vec<(String, Problem)> {
        parse(form(changes)).unwrap_err().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn every_setting_is_stored_in_its_own_unit() {
        let stored = parse(form(&[])).unwrap();
        let get = |k: &str| stored.iter().find(|(key, _)| *key == k).map(|(_, v)| v.as_str()).unwrap();
        assert_eq!(get("budget_cap_ore"), "5000000", "kroner in øre");
        assert_eq!((get("notice_grace_seconds"), get("notice_throttle_seconds")), ("900", "10800"));
        assert_eq!((get("municipality_name"), get("municipality_phone")), ("Demo Kommune", ""));
        assert_eq!(stored.len(), SETTINGS.len(), "every setting, once");
        for (key, value) in &stored {
            let back = form(&[])(by_key(key).unwrap().field);
            assert_eq!(typed(key, value).replace(",00", ""), back.replace(",00", ""), "{key} reads back as typed");
        }
    }

    #[test]
    fn each_field_is_refused_by_its_own_rule() {
        assert_eq!(problems(&[("budget_cap", "0")]), vec![("budget_cap".into(), Problem::ZeroAmount)]);
        assert_eq!(problems(&[("messages_per_hour", "0")]), vec![("messages_per_hour".into(), Problem::WholeNumber(1, 1000))]);
        assert_eq!(problems(&[("goals_per_hour", "tre")]), vec![("goals_per_hour".into(), Problem::WholeNumber(1, 1000))]);
        assert_eq!(problems(&[("notice_grace", "-1")]), vec![("notice_grace".into(), Problem::WholeNumber(0, 86_400))]);
        assert_eq!(problems(&[("caseload_soft", "41")]), vec![("caseload_soft".into(), Problem::SoftOverHard)]);
        assert_eq!(problems(&[("appeal_en", " ")]), vec![("appeal_en".into(), Problem::Text(TextError::Empty))]);
        assert_eq!(problems(&[("name", "")])[0].0, "name", "the municipality's name is required");
    }

    #[test]
    fn the_audit_log_shows_money_and_minutes_as_people_read_them() {
        assert_eq!(shown("budget_cap_ore", "5000000"), "50.000,00 kr.");
        assert_eq!(shown("notice_grace_seconds", "900"), "900 s");
        assert_eq!(shown("caseload_hard", "40"), "40");
    }
}
