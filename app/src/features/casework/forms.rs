//! The caseworker's plan forms: activities, appointments, meeting notes.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{choice, optional_long, short, when, FieldError, FieldErrors, LocalDate, Problem};
use crate::kernel::plan::{ActivityStatus, Department};
use crate::kernel::text::{LongText, ShortText};

/// Form field names of the caseworker's plan forms.
pub mod plan_fields {
    pub const DEPARTMENT: &str = "department";
    pub const TITLE: &str = "title";
    pub const RESPONSIBLE: &str = "responsible";
    pub const STATUS: &str = "status";
    pub use crate::kernel::forms::when_fields::{DATE, DURATION, TIME};
    pub const PLACE: &str = "place";
    pub const ADDRESS: &str = "address";
    pub const OUTREACH: &str = "outreach";
    pub const NOTE: &str = "note";
    pub const YES: &str = "yes";
    pub const NO: &str = "no";
}

/// An activity (indsats) the caseworker adds to the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityInput {
    pub department: Department,
    pub title: ShortText,
    pub responsible: ShortText,
    pub status: ActivityStatus,
}

impl ActivityInput {
    pub fn parse(department: &str, title: &str, responsible: &str, status: &str) -> Result<ActivityInput, FieldErrors> {
        use plan_fields::*;
        let mut e = FieldErrors::new();
        let department = choice(&mut e, DEPARTMENT, Department::parse(department));
        let title = short(&mut e, TITLE, title);
        let responsible = short(&mut e, RESPONSIBLE, responsible);
        let status = choice(&mut e, STATUS, ActivityStatus::parse(status));
        match (department, title, responsible, status) {
            (Some(department), Some(title), Some(responsible), Some(status)) if e.is_empty() => {
                Ok(ActivityInput { department, title, responsible, status })
            }
            _ => Err(e),
        }
    }
}

/// An appointment the caseworker adds: local date and time in Copenhagen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppointmentInput {
    pub date: LocalDate,
    pub minute: i64,
    pub duration_minutes: i64,
    pub place: ShortText,
    pub address: ShortText,
    pub outreach: bool,
    pub note: Option<LongText>,
}

impl AppointmentInput {
    pub fn parse(
        date: &str,
        time: &str,
        duration: &str,
        place: &str,
        address: &str,
        outreach: &str,
        note: &str,
    ) -> Result<AppointmentInput, FieldErrors> {
        use plan_fields::*;
        let mut e = FieldErrors::new();
        let (date, minute, duration_minutes) = when(&mut e, date, time, duration);
        let place = short(&mut e, PLACE, place);
        let address = short(&mut e, ADDRESS, address);
        let outreach = choice(
            &mut e,
            OUTREACH,
            match outreach {
                YES => Some(true),
                NO => Some(false),
                _ => None,
            },
        );
        let note = optional_long(&mut e, NOTE, note);
        match (date, minute, duration_minutes, place, address, outreach) {
            (Some(date), Some(minute), Some(duration_minutes), Some(place), Some(address), Some(outreach)) if e.is_empty() => {
                Ok(AppointmentInput { date, minute, duration_minutes, place, address, outreach, note })
            }
            _ => Err(e),
        }
    }
}

/// A meeting note the citizen can read.
pub fn parse_note(body: &str) -> Result<LongText, FieldErrors> {
    LongText::parse(body).map_err(|e| vec![FieldError { field: plan_fields::NOTE.into(), problem: Problem::Text(e) }])
}

/// The caseworker's checked plan forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseworkForm {
    Activity,
    Appointment,
    Note,
}

impl CaseworkForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        use plan_fields::*;
        let v = |n: &str| value(n);
        match self {
            CaseworkForm::Activity => {
                ActivityInput::parse(&v(DEPARTMENT), &v(TITLE), &v(RESPONSIBLE), &v(STATUS)).err().unwrap_or_default()
            }
            CaseworkForm::Appointment => {
                AppointmentInput::parse(&v(DATE), &v(TIME), &v(DURATION), &v(PLACE), &v(ADDRESS), &v(OUTREACH), &v(NOTE))
                    .err()
                    .unwrap_or_default()
            }
            CaseworkForm::Note => parse_note(&v(NOTE)).err().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::text::TextError;

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn an_appointment_reports_every_refused_field() {
        let ok = AppointmentInput::parse("2026-12-03", "10:00", "45", "Café X", "Vej 1", "yes", "").unwrap();
        assert_eq!((ok.minute, ok.duration_minutes, ok.outreach, ok.note), (600, 45, true, None));
        let e = AppointmentInput::parse("32-12-2026", "25:00", "0", "", "Vej 1", "", "").unwrap_err();
        assert_eq!(fields(&e), ["date", "time", "duration", "place", "outreach"]);
    }

    #[test]
    fn an_activity_needs_a_known_department_and_status() {
        assert!(ActivityInput::parse("job", "Praktik", "Jobcentret", "planned").is_ok());
        let e = ActivityInput::parse("space", "", "Jobcentret", "maybe").unwrap_err();
        assert_eq!(fields(&e), ["department", "title", "status"]);
        assert_eq!(parse_note("  ").unwrap_err()[0].problem, Problem::Text(TextError::Empty));
    }
}
