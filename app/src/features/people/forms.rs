//! The admin's forms about people: a new caseworker, a caseworker's contact
//! data and "how to reach me", outreach hours, a staff login.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{field, parse_time, short, FieldErrors, Problem};
use crate::kernel::ShortText;
#[cfg(test)]
use crate::kernel::TextError;

/// The people pages' checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeopleForm {
    /// A new caseworker: name and contact data.
    Caseworker,
    /// A caseworker's contact data and "how to reach me".
    Profile,
    /// One weekly outreach time.
    Hours,
    /// A login at the identity provider.
    Login,
}

impl PeopleForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        let profile = |v: &dyn Fn(&str) -> String| {
            ProfileInput::parse(&v(fields::TITLE), &v(fields::PHONE), &v(fields::EMAIL), &v(fields::REACH), &v(fields::OFFICE))
        };
        match self {
            PeopleForm::Caseworker => CaseworkerInput::parse(&value(fields::NAME), profile(&value)).err().unwrap_or_default(),
            PeopleForm::Profile => profile(&value).err().unwrap_or_default(),
            PeopleForm::Hours => HoursInput::parse(
                &value(fields::WEEKDAY),
                &value(fields::FROM),
                &value(fields::TO),
                &value(fields::PLACE),
                &value(fields::ADDRESS),
            )
            .err()
            .unwrap_or_default(),
            PeopleForm::Login => LoginInput::parse(&value(fields::SUBJECT), &value(fields::STAFF)).err().unwrap_or_default(),
        }
    }
}

/// The forms' field names.
pub mod fields {
    pub const NAME: &str = "name";
    pub const TITLE: &str = "title";
    pub const PHONE: &str = "phone";
    pub const EMAIL: &str = "email";
    pub const REACH: &str = "reach";
    pub const OFFICE: &str = "office";
    pub const WEEKDAY: &str = "weekday";
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
    pub const PLACE: &str = "place";
    pub const ADDRESS: &str = "address";
    pub const SUBJECT: &str = "subject";
    pub const STAFF: &str = "staff";
}

/// Blank is allowed (kept as ""); anything else must be a short text.
fn optional(errors: &mut FieldErrors, name: &str, input: &str) -> String {
    if input.trim().is_empty() {
        return String::new();
    }
    ShortText::parse(input).map(|t| t.as_str().to_string()).unwrap_or_else(|e| {
        field(errors, name, Problem::Text(e));
        String::new()
    })
}

/// A caseworker's contact data as the citizen sees it on "Min sagsbehandler".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileInput {
    pub job_title: String,
    pub phone: String,
    pub email: String,
    /// How and when citizens can reach them, in their own words.
    pub reach_hours: String,
    pub office: String,
}

impl ProfileInput {
    /// The job title is required; the rest may be blank.
    pub fn parse(title: &str, phone: &str, email: &str, reach: &str, office: &str) -> Result<ProfileInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let job_title = short(&mut errors, fields::TITLE, title).map(|t| t.as_str().to_string());
        let phone = optional(&mut errors, fields::PHONE, phone);
        let email = optional(&mut errors, fields::EMAIL, email);
        if !email.is_empty() && crate::features::notices::forms::Email::parse(&email).is_none() {
            field(&mut errors, fields::EMAIL, Problem::Email);
        }
        let reach_hours = optional(&mut errors, fields::REACH, reach);
        let office = optional(&mut errors, fields::OFFICE, office);
        match job_title {
            Some(job_title) if errors.is_empty() => Ok(ProfileInput { job_title, phone, email, reach_hours, office }),
            _ => Err(errors),
        }
    }
}

/// A new caseworker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseworkerInput {
    pub name: ShortText,
    pub profile: ProfileInput,
}

impl CaseworkerInput {
    pub fn parse(name: &str, profile: Result<ProfileInput, FieldErrors>) -> Result<CaseworkerInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = short(&mut errors, fields::NAME, name);
        let profile = profile.map_err(|e| errors.extend(e)).ok();
        match (name, profile) {
            (Some(name), Some(profile)) if errors.is_empty() => Ok(CaseworkerInput { name, profile }),
            _ => Err(errors),
        }
    }
}

/// One weekly outreach time (fremskudt sagsbehandling).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursInput {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: i64,
    pub from_minute: i64,
    pub to_minute: i64,
    pub place: ShortText,
    pub address: ShortText,
}

impl HoursInput {
    /// Refused: no weekday, a time that is not HH:MM, an end that is not
    /// after the start, a blank place or address.
    pub fn parse(weekday: &str, from: &str, to: &str, place: &str, address: &str) -> Result<HoursInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let weekday = weekday.trim().parse::<i64>().ok().filter(|d| (1..=7).contains(d));
        if weekday.is_none() {
            field(&mut errors, fields::WEEKDAY, Problem::ChooseAnswer);
        }
        let from_minute = parse_time(from);
        if from_minute.is_none() {
            field(&mut errors, fields::FROM, Problem::Time);
        }
        // "24:00" is not a time of day, but it is the end of one.
        let to_minute = if to.trim() == "24:00" { Some(1440) } else { parse_time(to) };
        match (from_minute, to_minute) {
            (_, None) => field(&mut errors, fields::TO, Problem::Time),
            (Some(f), Some(t)) if t <= f => field(&mut errors, fields::TO, Problem::EndNotAfterStart),
            _ => {}
        }
        let place = short(&mut errors, fields::PLACE, place);
        let address = short(&mut errors, fields::ADDRESS, address);
        match (weekday, from_minute, to_minute, place, address) {
            (Some(weekday), Some(from_minute), Some(to_minute), Some(place), Some(address)) if errors.is_empty() => {
                Ok(HoursInput { weekday, from_minute, to_minute, place, address })
            }
            _ => Err(errors),
        }
    }

    /// Whether this time overlaps `(weekday, from, to)` (touching is not overlapping).
    pub fn overlaps(&self, weekday: i64, from_minute: i64, to_minute: i64) -> bool {
        self.weekday == weekday && self.from_minute < to_minute && from_minute < self.to_minute
    }
}

/// A login to link: the provider's `sub`, and whether it is the staff issuer's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginInput {
    pub subject: String,
    pub staff: bool,
}

impl LoginInput {
    pub fn parse(subject: &str, staff: &str) -> Result<LoginInput, FieldErrors> {
        let subject = subject.trim();
        if subject.is_empty() || subject.len() > 255 || subject.chars().any(char::is_control) {
            let mut errors = FieldErrors::new();
            field(&mut errors, fields::SUBJECT, Problem::LoginSubject);
            return Err(errors);
        }
        Ok(LoginInput { subject: subject.to_string(), staff: !staff.trim().is_empty() })
    }

    /// As stored in `person.subject` (the staff issuer's are marked `staff:`).
    pub fn stored(&self) -> String {
        if self.staff {
            format!("staff:{}", self.subject)
        } else {
            self.subject.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems<T: std::fmt::Debug>(r: Result<T, FieldErrors>) -> Vec<(String, Problem)> {
        r.unwrap_err().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn outreach_hours_end_after_they_start_on_a_weekday() {
        let ok = HoursInput::parse("2", "10:00", "12:00", "Biblioteket", "Torvet 1").unwrap();
        assert_eq!((ok.weekday, ok.from_minute, ok.to_minute), (2, 600, 720));
        assert_eq!(HoursInput::parse("7", "20:00", "24:00", "Værestedet", "Gaden 2").unwrap().to_minute, 1440);
        assert_eq!(problems(HoursInput::parse("2", "12:00", "10:00", "B", "T")), vec![("to".into(), Problem::EndNotAfterStart)]);
        assert_eq!(problems(HoursInput::parse("2", "10:00", "10:00", "B", "T")), vec![("to".into(), Problem::EndNotAfterStart)]);
        assert_eq!(
            problems(HoursInput::parse("8", "kl 10", "", " ", "")),
            vec![
                ("weekday".into(), Problem::ChooseAnswer),
                ("from".into(), Problem::Time),
                ("to".into(), Problem::Time),
                ("place".into(), Problem::Text(TextError::Empty)),
                ("address".into(), Problem::Text(TextError::Empty))
            ]
        );
    }

    #[test]
    fn hours_overlap_only_on_the_same_day_and_touching_is_fine() {
        let h = HoursInput::parse("2", "10:00", "12:00", "B", "T").unwrap();
        assert!(h.overlaps(2, 11 * 60, 13 * 60));
        assert!(h.overlaps(2, 9 * 60, 10 * 60 + 1));
        assert!(h.overlaps(2, 10 * 60 + 30, 11 * 60));
        assert!(!h.overlaps(2, 12 * 60, 14 * 60), "one ends when the other begins");
        assert!(!h.overlaps(2, 8 * 60, 10 * 60));
        assert!(!h.overlaps(3, 10 * 60, 12 * 60), "another weekday");
    }

    #[test]
    fn a_caseworker_needs_a_name_and_a_title_and_a_real_email_if_any() {
        let profile = |email: &str| ProfileInput::parse("Tovholder", "", email, "Hverdage 9–12", "");
        let ok = CaseworkerInput::parse("Sara Møller", profile("sara@demo.dk")).unwrap();
        assert_eq!((ok.name.as_str(), ok.profile.email.as_str()), ("Sara Møller", "sara@demo.dk"));
        assert_eq!(
            problems(CaseworkerInput::parse(" ", profile("ikke-en-adresse"))),
            vec![("name".into(), Problem::Text(TextError::Empty)), ("email".into(), Problem::Email)]
        );
        assert_eq!(problems(ProfileInput::parse("", "", "", "", "")), vec![("title".into(), Problem::Text(TextError::Empty))]);
    }

    #[test]
    fn a_login_is_a_subject_marked_for_the_staff_issuer_when_ticked() {
        assert_eq!(LoginInput::parse(" abc-123 ", "ja").unwrap().stored(), "staff:abc-123");
        assert_eq!(LoginInput::parse("abc", "").unwrap().stored(), "abc");
        assert_eq!(problems(LoginInput::parse("  ", "")), vec![("subject".into(), Problem::LoginSubject)]);
    }
}
