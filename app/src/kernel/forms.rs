//! What people type into the plan's forms, parsed into domain values or into
//! one message per field. Compiled for the browser too: the form islands
//! check input with exactly the rules the server enforces.

use serde::{Deserialize, Serialize};

use super::amount::{Amount, AmountError};
use super::ids::GoalId;
use super::plan::{ActivityStatus, Department};
use super::text::{Description, DisplayName, GoalTitle, LongText, Reason, ShortText, TextError};
use crate::i18n::Lang;

/// Why one field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Text(TextError),
    /// Declining or suggesting another wording needs a reason.
    ReasonRequired,
    /// A suggested change needs the new wording.
    WordingRequired,
    /// None of the answers was chosen.
    ChooseAnswer,
    /// Not a date (the date field gives `YYYY-MM-DD`).
    Date,
    /// Not a time of day (`HH:MM`).
    Time,
    /// Not a whole number of minutes from 5 to 480.
    Duration,
    /// Not an amount of money.
    Amount(AmountError),
    /// An amount must be more than 0 kr.
    ZeroAmount,
    /// More than what is left of the budget (what is left).
    MoreThanAvailable(Amount),
    /// A lower approval must be less than what was asked for (the request).
    NotLower(Amount),
    /// Past the municipality's cap on a budget (the cap).
    OverCap(Amount),
    /// Too many new requests within an hour (the limit).
    TooManyRequests(i64),
    /// Not a whole number of months from 1 to 36.
    Months,
    /// Not a whole number of places from 1 to 500.
    Capacity,
    /// Fewer places than people already going (how many are going).
    CapacityBelowGoing(i64),
    /// A meetup must start in the future.
    InThePast,
    /// A display name that looks like a CPR or phone number.
    NameDigits,
}

impl Problem {
    /// A plain message for the person who typed it.
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Text(e), _) => e.message(lang),
            (Problem::ReasonRequired, Lang::Da) => "Skriv en begrundelse. Borgeren har ret til at vide hvorfor.".into(),
            (Problem::ReasonRequired, Lang::En) => "Please give a reason. The citizen has a right to know why.".into(),
            (Problem::WordingRequired, Lang::Da) => "Skriv det forslag til formulering, du vil give borgeren.".into(),
            (Problem::WordingRequired, Lang::En) => "Please write the wording you suggest to the citizen.".into(),
            (Problem::ChooseAnswer, Lang::Da) => "Vælg et af svarene.".into(),
            (Problem::ChooseAnswer, Lang::En) => "Please choose one of the answers.".into(),
            (Problem::Date, Lang::Da) => "Skriv datoen som dag-måned-år, fx 03-12-2026.".into(),
            (Problem::Date, Lang::En) => "Please write the date as day-month-year, e.g. 03-12-2026.".into(),
            (Problem::Time, Lang::Da) => "Skriv klokkeslættet som timer og minutter, fx 10:30.".into(),
            (Problem::Time, Lang::En) => "Please write the time as hours and minutes, e.g. 10:30.".into(),
            (Problem::Duration, Lang::Da) => "Skriv hvor mange minutter, mellem 5 og 480.".into(),
            (Problem::Duration, Lang::En) => "Please write how many minutes, between 5 and 480.".into(),
            (Problem::Amount(e), _) => e.message(lang).into(),
            (Problem::ZeroAmount, Lang::Da) => "Beløbet skal være mere end 0 kr.".into(),
            (Problem::ZeroAmount, Lang::En) => "The amount must be more than 0 kr.".into(),
            (Problem::MoreThanAvailable(left), Lang::Da) => format!("Du har {left} tilbage. Skriv et beløb, der ikke er større."),
            (Problem::MoreThanAvailable(left), Lang::En) => format!("You have {left} left. Please write an amount that is not larger."),
            (Problem::NotLower(asked), Lang::Da) => format!("Skriv et beløb under {asked}, som borgeren bad om."),
            (Problem::NotLower(asked), Lang::En) => format!("Please write an amount below the {asked} the citizen asked for."),
            (Problem::OverCap(cap), Lang::Da) => format!("Et personligt budget kan højst være {cap} i alt."),
            (Problem::OverCap(cap), Lang::En) => format!("A personal budget can be at most {cap} in total."),
            (Problem::TooManyRequests(n), Lang::Da) => {
                format!("Du har sendt {n} ønsker den seneste time. Vent lidt, og prøv igen. Du kan også ringe til din sagsbehandler.")
            }
            (Problem::TooManyRequests(n), Lang::En) => {
                format!("You have sent {n} requests in the last hour. Please wait a while and try again, or call your caseworker.")
            }
            (Problem::Months, Lang::Da) => "Skriv et antal måneder fra 1 til 36.".into(),
            (Problem::Months, Lang::En) => "Please write a number of months from 1 to 36.".into(),
            (Problem::Capacity, Lang::Da) => "Skriv hvor mange der kan komme, mellem 1 og 500.".into(),
            (Problem::Capacity, Lang::En) => "Please write how many can come, between 1 and 500.".into(),
            (Problem::CapacityBelowGoing(n), Lang::Da) => format!("{n} har allerede fået en plads. Skriv mindst {n}."),
            (Problem::CapacityBelowGoing(n), Lang::En) => format!("{n} already have a place. Please write at least {n}."),
            (Problem::InThePast, Lang::Da) => "Det tidspunkt er passeret. Vælg en dato og et klokkeslæt frem i tiden.".into(),
            (Problem::InThePast, Lang::En) => "That time has passed. Please choose a date and time in the future.".into(),
            (Problem::NameDigits, Lang::Da) => "Skriv et fornavn eller et kaldenavn – ikke et CPR- eller telefonnummer.".into(),
            (Problem::NameDigits, Lang::En) => "Please write a first name or a nickname – not a CPR or phone number.".into(),
        }
    }
}

/// A refused field: its form name and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

/// The refused fields of one submit (empty: none).
pub type FieldErrors = Vec<FieldError>;

/// The message for `field`, if it was refused.
pub fn error_for(errors: &[FieldError], field: &str, lang: Lang) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| e.problem.message(lang))
}

fn field(errors: &mut FieldErrors, name: &str, problem: Problem) {
    errors.push(FieldError { field: name.to_string(), problem });
}

/// Optional long text: blank is `None`, anything else must parse.
fn optional_long(errors: &mut FieldErrors, name: &str, input: &str) -> Option<LongText> {
    if input.trim().is_empty() {
        return None;
    }
    LongText::parse(input).map_err(|e| field(errors, name, Problem::Text(e))).ok()
}

/// A goal the citizen proposes, in their own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalProposal {
    pub title: GoalTitle,
    pub why: Option<LongText>,
    pub first_step: Option<LongText>,
}

/// Form field names of the goal proposal.
pub mod proposal_fields {
    pub const TITLE: &str = "title";
    pub const WHY: &str = "why";
    pub const FIRST_STEP: &str = "first_step";
}

impl GoalProposal {
    /// Parses the form; every refused field is reported, not only the first.
    pub fn parse(title: &str, why: &str, first_step: &str) -> Result<GoalProposal, FieldErrors> {
        use proposal_fields::*;
        let mut errors = FieldErrors::new();
        let title = GoalTitle::parse(title).map_err(|e| field(&mut errors, TITLE, Problem::Text(e))).ok();
        let why = optional_long(&mut errors, WHY, why);
        let first_step = optional_long(&mut errors, FIRST_STEP, first_step);
        match title {
            Some(title) if errors.is_empty() => Ok(GoalProposal { title, why, first_step }),
            _ => Err(errors),
        }
    }
}

/// The caseworker's answer to a proposed goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalAnswer {
    /// The goal enters the plan as the citizen wrote it.
    Accept,
    /// Suggest another wording; the citizen accepts or rejects it.
    Adjust {
        wording: GoalTitle,
        reason: Reason,
    },
    Decline {
        reason: Reason,
    },
}

/// Form field names and answer values of the caseworker's answer.
pub mod answer_fields {
    pub const ANSWER: &str = "answer";
    pub const WORDING: &str = "wording";
    pub const REASON: &str = "reason";
    pub const ACCEPT: &str = "accept";
    pub const ADJUST: &str = "adjust";
    pub const DECLINE: &str = "decline";
}

impl GoalAnswer {
    /// Parses the form: declining or adjusting requires a reason, adjusting a wording.
    pub fn parse(answer: &str, wording: &str, reason: &str) -> Result<GoalAnswer, FieldErrors> {
        use answer_fields::*;
        let mut errors = FieldErrors::new();
        let answer = match answer {
            ACCEPT => Some(GoalAnswer::Accept),
            ADJUST => {
                let wording = match GoalTitle::parse(wording) {
                    Ok(w) => Some(w),
                    Err(TextError::Empty) => {
                        field(&mut errors, WORDING, Problem::WordingRequired);
                        None
                    }
                    Err(e) => {
                        field(&mut errors, WORDING, Problem::Text(e));
                        None
                    }
                };
                let reason = required_reason(&mut errors, REASON, reason);
                wording.zip(reason).map(|(wording, reason)| GoalAnswer::Adjust { wording, reason })
            }
            DECLINE => required_reason(&mut errors, REASON, reason).map(|reason| GoalAnswer::Decline { reason }),
            _ => {
                field(&mut errors, ANSWER, Problem::ChooseAnswer);
                None
            }
        };
        answer.filter(|_| errors.is_empty()).ok_or(errors)
    }
}

/// Form field names of the caseworker's plan forms.
pub mod plan_fields {
    pub const DEPARTMENT: &str = "department";
    pub const TITLE: &str = "title";
    pub const RESPONSIBLE: &str = "responsible";
    pub const STATUS: &str = "status";
    pub const DATE: &str = "date";
    pub const TIME: &str = "time";
    pub const DURATION: &str = "duration";
    pub const PLACE: &str = "place";
    pub const ADDRESS: &str = "address";
    pub const OUTREACH: &str = "outreach";
    pub const NOTE: &str = "note";
    pub const YES: &str = "yes";
    pub const NO: &str = "no";
}

fn short(errors: &mut FieldErrors, name: &str, input: &str) -> Option<ShortText> {
    ShortText::parse(input).map_err(|e| field(errors, name, Problem::Text(e))).ok()
}

fn choice<T>(errors: &mut FieldErrors, name: &str, parsed: Option<T>) -> Option<T> {
    if parsed.is_none() {
        field(errors, name, Problem::ChooseAnswer);
    }
    parsed
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

/// A calendar date as typed (checked to exist; the time zone is applied on the server).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalDate {
    pub year: i16,
    pub month: i8,
    pub day: i8,
}

impl LocalDate {
    /// `YYYY-MM-DD` (what a date input sends) or `DD-MM-YYYY` / `DD.MM.YYYY` (typed the Danish way).
    pub fn parse(input: &str) -> Option<LocalDate> {
        let parts: Vec<&str> = input.trim().split(['-', '.', '/']).collect();
        let [a, b, c] = parts.as_slice() else { return None };
        let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
        let (year, month, day) = (y.parse::<i16>().ok()?, m.parse::<i8>().ok()?, d.parse::<i8>().ok()?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((2000..=2100).contains(&year) && (1..=days).contains(&day)).then_some(LocalDate { year, month, day })
    }
}

/// `HH:MM` or `HH.MM` as minutes past midnight.
pub fn parse_time(input: &str) -> Option<i64> {
    let (h, m) = input.trim().split_once([':', '.'])?;
    let (h, m) = (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m) && m.to_string().len() <= 2).then_some(h * 60 + m)
}

/// A date, a time of day and a duration of 5 to 480 minutes, as typed
/// (the fields are named `date`, `time` and `duration` in every form).
fn when(e: &mut FieldErrors, date: &str, time: &str, duration: &str) -> (Option<LocalDate>, Option<i64>, Option<i64>) {
    use plan_fields::{DATE, DURATION, TIME};
    let date = LocalDate::parse(date);
    if date.is_none() {
        field(e, DATE, Problem::Date);
    }
    let minute = parse_time(time);
    if minute.is_none() {
        field(e, TIME, Problem::Time);
    }
    let duration_minutes = duration.trim().parse::<i64>().ok().filter(|d| (5..=480).contains(d));
    if duration_minutes.is_none() {
        field(e, DURATION, Problem::Duration);
    }
    (date, minute, duration_minutes)
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

/// Form field names of the budget forms.
pub mod budget_fields {
    pub const AMOUNT: &str = "amount";
    pub const PURPOSE: &str = "purpose";
    pub const GOAL: &str = "goal";
    /// The goal choice meaning "not linked to a goal".
    pub const NO_GOAL: &str = "ingen";
    pub const ANSWER: &str = "answer";
    pub const REASON: &str = "reason";
    pub const APPROVE: &str = "approve";
    pub const LOWER: &str = "lower";
    pub const DECLINE: &str = "decline";
    pub const MONTHS: &str = "months";
    pub const NOTE: &str = "note";
}

/// A positive amount typed the Danish way, or the field's message.
fn positive_amount(errors: &mut FieldErrors, name: &str, input: &str) -> Option<Amount> {
    match Amount::parse(input) {
        Ok(a) if a == Amount::ZERO => {
            field(errors, name, Problem::ZeroAmount);
            None
        }
        Ok(a) => Some(a),
        Err(e) => {
            field(errors, name, Problem::Amount(e));
            None
        }
    }
}

/// A reason that must be given.
fn required_reason(errors: &mut FieldErrors, name: &str, input: &str) -> Option<Reason> {
    match Reason::parse(input) {
        Ok(r) => Some(r),
        Err(TextError::Empty) => {
            field(errors, name, Problem::ReasonRequired);
            None
        }
        Err(e) => {
            field(errors, name, Problem::Text(e));
            None
        }
    }
}

/// The citizen asks for money from their budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpendingInput {
    pub amount: Amount,
    pub purpose: LongText,
    pub goal: Option<GoalId>,
}

impl SpendingInput {
    /// `goal` is a goal id, or [`budget_fields::NO_GOAL`] / blank for none.
    pub fn parse(amount: &str, purpose: &str, goal: &str) -> Result<SpendingInput, FieldErrors> {
        use budget_fields::*;
        let mut e = FieldErrors::new();
        let amount = positive_amount(&mut e, AMOUNT, amount);
        let purpose = LongText::parse(purpose).map_err(|p| field(&mut e, PURPOSE, Problem::Text(p))).ok();
        let goal = match goal.trim() {
            "" | NO_GOAL => Some(None),
            id => choice(&mut e, GOAL, id.parse::<i64>().ok().map(|id| Some(GoalId(id)))),
        };
        match (amount, purpose, goal) {
            (Some(amount), Some(purpose), Some(goal)) if e.is_empty() => Ok(SpendingInput { amount, purpose, goal }),
            _ => Err(e),
        }
    }
}

/// The caseworker's answer to a spending request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpendingAnswer {
    Approve,
    /// Approve less than was asked for; the reason is required.
    Lower {
        amount: Amount,
        reason: Reason,
    },
    Decline {
        reason: Reason,
    },
}

impl SpendingAnswer {
    /// Parses the form. Whether a lower amount is lower than the request is
    /// checked against the request (`SpendingAnswer::check_lower`).
    pub fn parse(answer: &str, amount: &str, reason: &str) -> Result<SpendingAnswer, FieldErrors> {
        use budget_fields::*;
        let mut e = FieldErrors::new();
        let answer = match answer {
            APPROVE => Some(SpendingAnswer::Approve),
            LOWER => {
                let amount = positive_amount(&mut e, AMOUNT, amount);
                let reason = required_reason(&mut e, REASON, reason);
                amount.zip(reason).map(|(amount, reason)| SpendingAnswer::Lower { amount, reason })
            }
            DECLINE => required_reason(&mut e, REASON, reason).map(|reason| SpendingAnswer::Decline { reason }),
            _ => {
                field(&mut e, ANSWER, Problem::ChooseAnswer);
                None
            }
        };
        answer.filter(|_| e.is_empty()).ok_or(e)
    }

    /// The amount to approve (`None`: declined), refused when a "lower"
    /// amount is not below what was asked for.
    pub fn approved(&self, asked: Amount) -> Result<Option<Amount>, FieldErrors> {
        match self {
            SpendingAnswer::Approve => Ok(Some(asked)),
            SpendingAnswer::Lower { amount, .. } if *amount < asked => Ok(Some(*amount)),
            SpendingAnswer::Lower { .. } => {
                Err(vec![FieldError { field: budget_fields::AMOUNT.into(), problem: Problem::NotLower(asked) }])
            }
            SpendingAnswer::Decline { .. } => Ok(None),
        }
    }
}

/// The caseworker grants a budget: an amount, a period in months, a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantInput {
    pub amount: Amount,
    pub months: i64,
    pub note: Option<LongText>,
}

impl GrantInput {
    pub fn parse(amount: &str, months: &str, note: &str) -> Result<GrantInput, FieldErrors> {
        use budget_fields::*;
        let mut e = FieldErrors::new();
        let amount = positive_amount(&mut e, AMOUNT, amount);
        let months = months.trim().parse::<i64>().ok().filter(|m| (1..=36).contains(m));
        if months.is_none() {
            field(&mut e, MONTHS, Problem::Months);
        }
        let note = optional_long(&mut e, NOTE, note);
        match (amount, months) {
            (Some(amount), Some(months)) if e.is_empty() => Ok(GrantInput { amount, months, note }),
            _ => Err(e),
        }
    }
}

/// A top-up: only a positive amount.
pub fn parse_top_up(amount: &str) -> Result<Amount, FieldErrors> {
    let mut e = FieldErrors::new();
    positive_amount(&mut e, budget_fields::AMOUNT, amount).filter(|_| e.is_empty()).ok_or(e)
}

/// Form field names of the network forms.
pub mod network_fields {
    pub const NAME: &str = "name";
    pub const DESCRIPTION: &str = "description";
    pub const TOPIC: &str = "topic";
    pub const AREA: &str = "area";
    pub const USUAL_PLACE: &str = "usual_place";
    pub const DATE: &str = "date";
    pub const TIME: &str = "time";
    pub const DURATION: &str = "duration";
    pub const PLACE: &str = "place";
    pub const ADDRESS: &str = "address";
    pub const CAPACITY: &str = "capacity";
    pub const DISPLAY_NAME: &str = "display_name";
    pub const MESSAGE: &str = "message";
}

/// A network group as its host describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupInput {
    pub name: ShortText,
    pub description: Description,
    pub topic: ShortText,
    pub area: ShortText,
    pub usual_place: ShortText,
}

impl GroupInput {
    pub fn parse(name: &str, description: &str, topic: &str, area: &str, usual_place: &str) -> Result<GroupInput, FieldErrors> {
        use network_fields::*;
        let mut e = FieldErrors::new();
        let name = short(&mut e, NAME, name);
        let description = Description::parse(description).map_err(|x| field(&mut e, DESCRIPTION, Problem::Text(x))).ok();
        let topic = short(&mut e, TOPIC, topic);
        let area = short(&mut e, AREA, area);
        let usual_place = short(&mut e, USUAL_PLACE, usual_place);
        match (name, description, topic, area, usual_place) {
            (Some(name), Some(description), Some(topic), Some(area), Some(usual_place)) if e.is_empty() => {
                Ok(GroupInput { name, description, topic, area, usual_place })
            }
            _ => Err(e),
        }
    }
}

/// A meetup as its host posts it: local date and time in Copenhagen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetupInput {
    pub date: LocalDate,
    pub minute: i64,
    pub duration_minutes: i64,
    pub place: ShortText,
    pub address: ShortText,
    pub capacity: i64,
    /// What to bring, how to find the room; may be left out.
    pub description: Option<Description>,
}

impl MeetupInput {
    pub fn parse(
        date: &str,
        time: &str,
        duration: &str,
        place: &str,
        address: &str,
        capacity: &str,
        description: &str,
    ) -> Result<MeetupInput, FieldErrors> {
        use network_fields::*;
        let mut e = FieldErrors::new();
        let (date, minute, duration_minutes) = when(&mut e, date, time, duration);
        let place = short(&mut e, PLACE, place);
        let address = short(&mut e, ADDRESS, address);
        let capacity = capacity.trim().parse::<i64>().ok().filter(|c| (1..=500).contains(c));
        if capacity.is_none() {
            field(&mut e, CAPACITY, Problem::Capacity);
        }
        let description = match Description::parse(description) {
            Ok(d) => Some(d),
            Err(TextError::Empty) => None,
            Err(x) => {
                field(&mut e, DESCRIPTION, Problem::Text(x));
                None
            }
        };
        match (date, minute, duration_minutes, place, address, capacity) {
            (Some(date), Some(minute), Some(duration_minutes), Some(place), Some(address), Some(capacity)) if e.is_empty() => {
                Ok(MeetupInput { date, minute, duration_minutes, place, address, capacity, description })
            }
            _ => Err(e),
        }
    }
}

/// The first name or nickname shown to hosts and others in the network
/// groups: at most four digits, so nobody shows their CPR or phone number.
pub fn parse_display_name(input: &str) -> Result<DisplayName, FieldErrors> {
    let name = network_fields::DISPLAY_NAME;
    match DisplayName::parse(input) {
        Ok(n) if n.as_str().chars().filter(char::is_ascii_digit).count() > 4 => {
            Err(vec![FieldError { field: name.into(), problem: Problem::NameDigits }])
        }
        Ok(n) => Ok(n),
        Err(x) => Err(vec![FieldError { field: name.into(), problem: Problem::Text(x) }]),
    }
}

/// A host's message to the people signed up for a meetup.
pub fn parse_announcement(body: &str) -> Result<LongText, FieldErrors> {
    LongText::parse(body).map_err(|e| vec![FieldError { field: network_fields::MESSAGE.into(), problem: Problem::Text(e) }])
}

/// Which form a checked form is, so the browser checks it with the right rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormKind {
    GoalProposal,
    GoalAnswer,
    Activity,
    Appointment,
    Note,
    Spending,
    SpendingAnswer,
    Grant,
    TopUp,
    Group,
    Meetup,
    DisplayName,
    Announcement,
}

impl FormKind {
    /// A short name, unique per form kind, to keep field ids unique when
    /// several forms share a page.
    pub fn slug(self) -> &'static str {
        match self {
            FormKind::GoalProposal => "maal",
            FormKind::GoalAnswer => "svar",
            FormKind::Activity => "indsats",
            FormKind::Appointment => "aftale",
            FormKind::Note => "note",
            FormKind::Spending => "udgift",
            FormKind::SpendingAnswer => "udgiftssvar",
            FormKind::Grant => "bevilling",
            FormKind::TopUp => "tillaeg",
            FormKind::Group => "gruppe",
            FormKind::Meetup => "moede",
            FormKind::DisplayName => "navn",
            FormKind::Announcement => "besked",
        }
    }

    /// The refused fields of `values` (form name → typed text), by the same
    /// parsers the server uses.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            FormKind::GoalProposal => {
                use proposal_fields::*;
                GoalProposal::parse(&value(TITLE), &value(WHY), &value(FIRST_STEP)).err().unwrap_or_default()
            }
            FormKind::GoalAnswer => {
                use answer_fields::*;
                GoalAnswer::parse(&value(ANSWER), &value(WORDING), &value(REASON)).err().unwrap_or_default()
            }
            FormKind::Activity => {
                use plan_fields::*;
                ActivityInput::parse(&value(DEPARTMENT), &value(TITLE), &value(RESPONSIBLE), &value(STATUS)).err().unwrap_or_default()
            }
            FormKind::Appointment => {
                use plan_fields::*;
                let v = |n: &str| value(n);
                AppointmentInput::parse(&v(DATE), &v(TIME), &v(DURATION), &v(PLACE), &v(ADDRESS), &v(OUTREACH), &v(NOTE))
                    .err()
                    .unwrap_or_default()
            }
            FormKind::Note => parse_note(&value(plan_fields::NOTE)).err().unwrap_or_default(),
            FormKind::Spending => {
                use budget_fields::*;
                SpendingInput::parse(&value(AMOUNT), &value(PURPOSE), &value(GOAL)).err().unwrap_or_default()
            }
            FormKind::SpendingAnswer => {
                use budget_fields::*;
                SpendingAnswer::parse(&value(ANSWER), &value(AMOUNT), &value(REASON)).err().unwrap_or_default()
            }
            FormKind::Grant => {
                use budget_fields::*;
                GrantInput::parse(&value(AMOUNT), &value(MONTHS), &value(NOTE)).err().unwrap_or_default()
            }
            FormKind::TopUp => parse_top_up(&value(budget_fields::AMOUNT)).err().unwrap_or_default(),
            FormKind::Group => {
                use network_fields::*;
                GroupInput::parse(&value(NAME), &value(DESCRIPTION), &value(TOPIC), &value(AREA), &value(USUAL_PLACE))
                    .err()
                    .unwrap_or_default()
            }
            FormKind::Meetup => {
                use network_fields::*;
                let v = |n: &str| value(n);
                MeetupInput::parse(&v(DATE), &v(TIME), &v(DURATION), &v(PLACE), &v(ADDRESS), &v(CAPACITY), &v(DESCRIPTION))
                    .err()
                    .unwrap_or_default()
            }
            FormKind::DisplayName => parse_display_name(&value(network_fields::DISPLAY_NAME)).err().unwrap_or_default(),
            FormKind::Announcement => parse_announcement(&value(network_fields::MESSAGE)).err().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_proposal_needs_only_a_title_and_keeps_the_citizens_words() {
        let p = GoalProposal::parse("  Få et fritidsjob ", "", "  ").unwrap();
        assert_eq!(p.title.as_str(), "Få et fritidsjob");
        assert_eq!((p.why, p.first_step), (None, None));
    }

    #[test]
    fn every_refused_field_of_a_proposal_is_reported() {
        let long = "x".repeat(LongText::MAX + 1);
        let errors = GoalProposal::parse(" ", &long, "ok").unwrap_err();
        assert_eq!(fields(&errors), ["title", "why"]);
        assert_eq!(errors[0].problem, Problem::Text(TextError::Empty));
        assert_eq!(errors[1].problem, Problem::Text(TextError::TooLong { max: LongText::MAX }));
    }

    #[test]
    fn declining_or_adjusting_without_a_reason_is_refused() {
        assert_eq!(GoalAnswer::parse("accept", "", ""), Ok(GoalAnswer::Accept));
        let e = GoalAnswer::parse("decline", "", "  ").unwrap_err();
        assert_eq!(e, vec![FieldError { field: "reason".into(), problem: Problem::ReasonRequired }]);
        let e = GoalAnswer::parse("adjust", "", "").unwrap_err();
        assert_eq!(fields(&e), ["wording", "reason"]);
        assert!(matches!(GoalAnswer::parse("adjust", "Nyt mål", "Fordi"), Ok(GoalAnswer::Adjust { .. })));
    }

    #[test]
    fn dates_and_times_are_read_as_typed_or_as_a_date_field_sends_them() {
        assert_eq!(LocalDate::parse("2026-12-03"), Some(LocalDate { year: 2026, month: 12, day: 3 }));
        assert_eq!(LocalDate::parse("03-12-2026"), LocalDate::parse("3.12.2026"));
        assert_eq!(LocalDate::parse("29-02-2028").map(|d| d.day), Some(29));
        for bad in ["29-02-2027", "31-04-2026", "2026-13-01", "i morgen", "", "1-1-1999"] {
            assert_eq!(LocalDate::parse(bad), None, "{bad}");
        }
        assert_eq!(parse_time("10:30"), Some(630));
        assert_eq!(parse_time("9.05"), Some(545));
        for bad in ["24:00", "10:60", "10", "ti", "10:5x"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
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

    #[test]
    fn an_unknown_answer_asks_to_choose() {
        let e = GoalAnswer::parse("approve-all", "", "").unwrap_err();
        assert_eq!(e[0].problem, Problem::ChooseAnswer);
    }

    #[test]
    fn every_problem_has_a_message_in_both_languages() {
        let all = [
            Problem::ReasonRequired,
            Problem::WordingRequired,
            Problem::ChooseAnswer,
            Problem::Text(TextError::Empty),
            Problem::Date,
            Problem::Time,
            Problem::Duration,
            Problem::Amount(AmountError::BadGrouping),
            Problem::ZeroAmount,
            Problem::MoreThanAvailable(Amount::kroner(5).unwrap()),
            Problem::NotLower(Amount::kroner(5).unwrap()),
            Problem::OverCap(Amount::kroner(50_000).unwrap()),
            Problem::TooManyRequests(10),
            Problem::Months,
        ];
        for p in all {
            for lang in [Lang::Da, Lang::En] {
                assert!(!p.message(lang).trim().is_empty());
            }
        }
        assert_ne!(Problem::ReasonRequired.message(Lang::Da), Problem::ReasonRequired.message(Lang::En));
    }

    #[test]
    fn a_spending_request_takes_danish_kroner_a_purpose_and_maybe_a_goal() {
        use budget_fields::*;
        let r = SpendingInput::parse("1.234,50", "Vinterjakke", NO_GOAL).unwrap();
        assert_eq!((r.amount.ore(), r.goal), (123_450, None));
        assert_eq!(SpendingInput::parse("250", "Bus", "7").unwrap().goal, Some(GoalId(7)));
        let e = SpendingInput::parse("12,345", "", "x").unwrap_err();
        let fields: Vec<_> = e.iter().map(|f| (f.field.as_str(), f.problem)).collect();
        assert_eq!(
            fields,
            vec![
                (AMOUNT, Problem::Amount(AmountError::TooManyDecimals)),
                (PURPOSE, Problem::Text(TextError::Empty)),
                (GOAL, Problem::ChooseAnswer)
            ]
        );
        assert_eq!(SpendingInput::parse("0,00", "x", "").unwrap_err()[0].problem, Problem::ZeroAmount);
    }

    #[test]
    fn a_lower_approval_needs_a_lower_amount_and_a_reason_and_a_decline_a_reason() {
        use budget_fields::*;
        let asked = Amount::kroner(1_000).unwrap();
        assert_eq!(SpendingAnswer::parse(APPROVE, "", "").unwrap().approved(asked), Ok(Some(asked)));
        let lower = SpendingAnswer::parse(LOWER, "800", "Prisen er lavere").unwrap();
        assert_eq!(lower.approved(asked), Ok(Some(Amount::kroner(800).unwrap())));
        let same = SpendingAnswer::parse(LOWER, "1.000", "Samme").unwrap();
        assert_eq!(same.approved(asked).unwrap_err()[0].problem, Problem::NotLower(asked));
        let e = SpendingAnswer::parse(LOWER, "", "").unwrap_err();
        assert_eq!(e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec![AMOUNT, REASON]);
        assert_eq!(SpendingAnswer::parse(DECLINE, "", " ").unwrap_err()[0].problem, Problem::ReasonRequired);
        assert_eq!(SpendingAnswer::parse("", "", "").unwrap_err()[0].problem, Problem::ChooseAnswer);
        assert_eq!(SpendingAnswer::parse(DECLINE, "", "Ikke i planen").unwrap().approved(asked), Ok(None));
    }

    #[test]
    fn a_grant_needs_an_amount_and_a_period_of_1_to_36_months() {
        use budget_fields::*;
        let g = GrantInput::parse("50.000", "15", "").unwrap();
        assert_eq!((g.amount.ore(), g.months, g.note), (5_000_000, 15, None));
        let e = GrantInput::parse("-5", "0", "").unwrap_err();
        assert_eq!(e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec![AMOUNT, MONTHS]);
        assert_eq!(parse_top_up("2.500,00"), Ok(Amount::kroner(2_500).unwrap()));
        assert!(parse_top_up("abc").is_err());
    }

    #[test]
    fn the_browser_check_of_the_budget_forms_is_the_servers_parse() {
        use budget_fields::*;
        let bad = |n: &str| if n == AMOUNT { "1,2,3".to_string() } else { String::new() };
        assert_eq!(FormKind::Spending.check(bad)[0].field, AMOUNT);
        assert_eq!(FormKind::TopUp.check(bad)[0].problem, Problem::Amount(AmountError::BadGrouping));
        assert!(FormKind::SpendingAnswer.check(|n| if n == ANSWER { APPROVE.into() } else { String::new() }).is_empty());
    }

    #[test]
    fn a_group_needs_a_name_topic_area_and_usual_place() {
        use network_fields::*;
        let g = GroupInput::parse(" Strikkecafé ", "Vi strikker\nog drikker kaffe", "Hygge", "Nord", "Biblioteket").unwrap();
        assert_eq!((g.name.as_str(), g.description.as_str()), ("Strikkecafé", "Vi strikker\nog drikker kaffe"));
        let e = GroupInput::parse("", "", "", "Nord", "a\nb").unwrap_err();
        assert_eq!(e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec![NAME, DESCRIPTION, TOPIC, USUAL_PLACE]);
        assert_eq!(e[3].problem, Problem::Text(TextError::LineBreak));
    }

    #[test]
    fn a_meetup_needs_a_time_a_place_and_1_to_500_places() {
        use network_fields::*;
        let m = MeetupInput::parse("03-12-2026", "17.00", "90", "Biblioteket", "Torvet 1", "12", "").unwrap();
        assert_eq!(
            (m.date, m.minute, m.duration_minutes, m.capacity, m.description),
            (LocalDate { year: 2026, month: 12, day: 3 }, 17 * 60, 90, 12, None)
        );
        let e = MeetupInput::parse("31-02-2026", "", "0", "", "Vej 1", "0", "").unwrap_err();
        assert_eq!(e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec![DATE, TIME, DURATION, PLACE, CAPACITY]);
        assert_eq!(MeetupInput::parse("2026-12-03", "17:00", "60", "A", "B", "501", "").unwrap_err()[0].problem, Problem::Capacity);
        assert_eq!(MeetupInput::parse("2026-12-03", "17:00", "60", "A", "B", "tolv", "").unwrap_err()[0].field, CAPACITY);
    }

    #[test]
    fn a_display_name_is_short_and_never_a_number_to_look_up() {
        assert_eq!(parse_display_name("  Mette ").unwrap().as_str(), "Mette");
        assert_eq!(parse_display_name("Kaffe-Kim 2").unwrap().as_str(), "Kaffe-Kim 2");
        assert_eq!(parse_display_name("010190-1234").unwrap_err()[0].problem, Problem::NameDigits);
        assert_eq!(parse_display_name("Tlf 12345678").unwrap_err()[0].problem, Problem::NameDigits);
        assert_eq!(parse_display_name(&"a".repeat(41)).unwrap_err()[0].problem, Problem::Text(TextError::TooLong { max: 40 }));
        assert_eq!(parse_display_name(" ").unwrap_err()[0].field, network_fields::DISPLAY_NAME);
    }

    #[test]
    fn the_browser_check_of_the_network_forms_is_the_servers_parse() {
        use network_fields::*;
        let empty = |_: &str| String::new();
        assert_eq!(FormKind::Group.check(empty).len(), 5, "a group says what it is about");
        assert_eq!(FormKind::Meetup.check(empty).len(), 6, "all but the description");
        assert_eq!(FormKind::DisplayName.check(|_| "1234567".into())[0].problem, Problem::NameDigits);
        assert_eq!(FormKind::Announcement.check(empty)[0].field, MESSAGE);
        assert!(FormKind::Announcement.check(|_| "Vi mødes ved bagindgangen".into()).is_empty());
    }
}
