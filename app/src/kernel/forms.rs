//! What every form shares: the problems a field can have and their messages,
//! and the small parsers the features' forms are built from (each feature's
//! own forms are in its `forms.rs`; `crate::forms` lists them for the
//! browser's check). Compiled for the browser too: the form islands check
//! input with exactly the rules the server enforces.

use serde::{Deserialize, Serialize};

use super::amount::{Amount, AmountError};
use super::text::{LongText, Reason, ShortText, TextError};
use crate::i18n::Lang;

/// Why one field was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// A correction must give more than the decision did and at most what
    /// was asked for (what was approved, what was asked for).
    CorrectionRange(Amount, Amount),
    /// More than is left in the budget, said to the caseworker (what is left).
    BudgetLeft(Amount),
    /// The budget has ended: nothing more can be paid from it.
    BudgetHasEnded,
    /// Past the municipality's cap on a budget (the cap).
    OverCap(Amount),
    /// Too many new requests within an hour (the limit).
    TooManyRequests(i64),
    /// Too many messages to the caseworker within an hour (the limit).
    TooManyMessages(i64),
    /// Too many of something made within an hour: goals, groups, meetups,
    /// announcements (the limit).
    TooManyPerHour(i64),
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
    /// A display name with invisible or direction-changing characters.
    NameInvisible,
    /// A display name that passes for the municipality or its staff.
    NameOfficial,
    /// A file larger than the limit (its name, the limit in MB).
    FileTooLarge(String, u32),
    /// A file that is not a PDF, a JPEG or a PNG (its name).
    FileType(String),
    /// More files than may be attached at once (the limit).
    TooManyFiles(u32),
    /// A photo that could not be read, or is far too large in pixels (its name).
    FileUnreadable(String),
    /// Everything sent at once was more than the limit (the limit in MB);
    /// without JavaScript the chosen files are gone and must be chosen again.
    UploadTooLarge(u32),
    /// The form was refused for another field: the chosen files must be
    /// chosen again (a browser cannot keep them without JavaScript).
    ChooseFilesAgain,
    /// A complaint after its deadline (the last day, in words).
    ComplaintLate(String),
    /// A complaint about a decision that already has one waiting for an answer.
    ComplaintOpen,
    /// Not the shape of an e-mail address.
    Email,
    /// A code is six digits.
    CodeFormat,
    /// Not the code that was sent (how many tries are left).
    WrongCode(i64),
    /// The code is too old or was tried too often.
    CodeExpired,
    /// The code mail could not be sent just now.
    CodeNotSent,
    /// Too many code mails within an hour (the limit).
    TooManyCodes(i64),
    /// Not a Danish mobile number (8 digits, +45 allowed).
    Phone,
    /// A code from an SMS is six digits.
    SmsCodeFormat,
    /// The code SMS could not be sent just now.
    SmsNotSent,
    /// A helper's access needs at least one thing the helper may do.
    ChooseScope,
    /// Asking for money and complaining is for a fuldmægtig only.
    MoneyNeedsFuldmaegtig,
    /// An access lasts 1 to 24 months.
    HelperMonths,
    /// An invitation code that is wrong, used, withdrawn or more than 7 days old.
    InvitationCode,
    /// Five wrong invitation codes: wait until (the time, in words).
    InvitationLocked(String),
    /// One's own invitation: somebody else must enter it.
    OwnInvitation,
    /// The citizen's own caseworker or stand-in cannot be their helper.
    CaseworkerAsHelper,
    /// A CPR number is ten digits (the dash may be left out).
    CprFormat,
    /// A paper power of attorney needs the signed paper attached.
    PaperRequired,
    /// The helper's CPR number is the citizen's own.
    OwnCpr,
    /// The helper already has a running access for this citizen.
    AlreadyHelping,
    /// No colleague chosen to hand the citizen to.
    ChooseColleague,
    /// A handover needs a note for the new caseworker.
    HandoverNote,
    /// A handover needs a message to the citizen.
    HandoverMessage,
    /// The chosen caseworker has as many citizens as the hard limit (the limit).
    CaseloadFull(i64),
    /// Outreach hours (or another span) that end before or when they start.
    EndNotAfterStart,
    /// Outreach hours that overlap other hours that day (those, in words; empty: not known).
    HoursOverlap(String),
    /// An admin cannot take their own admin role away.
    OwnAdminRole,
    /// The caseworker role is kept while the person has citizens.
    RoleHasCitizens,
    /// A login id must be written.
    LoginSubject,
    /// The login belongs to someone else.
    LoginTaken,
    /// A date before today where only today or later makes sense (a stand-in's cover).
    DateInPast,
    /// A last day before the first day.
    LastDayBeforeFirst,
    /// No citizen in the portal has the CPR number searched for.
    CprNotFound,
    /// Not a whole number from the first to the second.
    WholeNumber(i64, i64),
    /// A caseload's warning limit above its hard limit.
    SoftOverHard,
}

impl Problem {
    /// A plain message for the person who typed it.
    pub fn message(&self, lang: Lang) -> String {
        match (self.clone(), lang) {
            (Problem::Text(e), _) => e.message(lang),
            (Problem::CprNotFound, Lang::Da) => "Der er ingen borger med det CPR-nummer i Én Plan. Se efter, om cifrene er rigtige.".into(),
            (Problem::CprNotFound, Lang::En) => "There is no citizen with that CPR number in Én Plan. Check that the digits are right.".into(),
            (Problem::WholeNumber(min, max), Lang::Da) => format!("Skriv et helt tal fra {min} til {max}."),
            (Problem::WholeNumber(min, max), Lang::En) => format!("Please write a whole number from {min} to {max}."),
            (Problem::SoftOverHard, Lang::Da) => "Grænsen for en advarsel kan ikke være højere end grænsen for, hvor mange en sagsbehandler kan have.".into(),
            (Problem::SoftOverHard, Lang::En) => "The limit for a warning cannot be higher than the limit for how many a caseworker can have.".into(),
            (Problem::DateInPast, Lang::Da) => "Datoen er passeret. Vælg i dag eller en senere dato.".into(),
            (Problem::DateInPast, Lang::En) => "That date has passed. Please choose today or a later date.".into(),
            (Problem::LastDayBeforeFirst, Lang::Da) => "Den sidste dag kan ikke ligge før den første dag.".into(),
            (Problem::LastDayBeforeFirst, Lang::En) => "The last day cannot be before the first day.".into(),
            (Problem::EndNotAfterStart, Lang::Da) => "Sluttidspunktet skal ligge efter starttidspunktet.".into(),
            (Problem::EndNotAfterStart, Lang::En) => "The end must be after the start.".into(),
            (Problem::HoursOverlap(other), Lang::Da) if other.is_empty() => "Tiden overlapper med en anden tid samme dag. Vælg en anden tid.".into(),
            (Problem::HoursOverlap(other), Lang::En) if other.is_empty() => "The time overlaps another time that day. Please choose another time.".into(),
            (Problem::HoursOverlap(other), Lang::Da) => format!("Tiden overlapper med {other}. Vælg en anden tid."),
            (Problem::HoursOverlap(other), Lang::En) => format!("The time overlaps {other}. Please choose another time."),
            (Problem::OwnAdminRole, Lang::Da) => "Du kan ikke fjerne din egen rolle som administrator. Bed en anden administrator om det.".into(),
            (Problem::OwnAdminRole, Lang::En) => "You cannot take away your own administrator role. Ask another administrator.".into(),
            (Problem::RoleHasCitizens, Lang::Da) => "Personen er stadig sagsbehandler eller stedfortræder for borgere. Overdrag dem først.".into(),
            (Problem::RoleHasCitizens, Lang::En) => "The person is still caseworker or stand-in for citizens. Hand them over first.".into(),
            (Problem::LoginSubject, Lang::Da) => "Skriv det login-id, login-udbyderen sender for personen.".into(),
            (Problem::LoginSubject, Lang::En) => "Please write the login id the login provider sends for the person.".into(),
            (Problem::LoginTaken, Lang::Da) => "Det login hører til en anden person.".into(),
            (Problem::LoginTaken, Lang::En) => "That login belongs to someone else.".into(),
            (Problem::ChooseColleague, Lang::Da) => "Vælg den kollega, borgeren skal have som sagsbehandler.".into(),
            (Problem::ChooseColleague, Lang::En) => "Please choose the colleague who is to be the citizen's caseworker.".into(),
            (Problem::HandoverNote, Lang::Da) => "Skriv en note til den nye sagsbehandler: hvad er vigtigt at vide?".into(),
            (Problem::HandoverNote, Lang::En) => "Please write a note to the new caseworker: what is important to know?".into(),
            (Problem::HandoverMessage, Lang::Da) => "Skriv en besked til borgeren om skiftet, i et sprog borgeren forstår.".into(),
            (Problem::HandoverMessage, Lang::En) => "Please write a message to the citizen about the change, in words they understand.".into(),
            (Problem::CaseloadFull(n), Lang::Da) => {
                format!("Den kollega har allerede {n} borgere, og det er grænsen. Vælg en anden kollega.")
            }
            (Problem::CaseloadFull(n), Lang::En) => {
                format!("That colleague already has {n} citizens, which is the limit. Please choose another colleague.")
            }
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
            (Problem::CorrectionRange(was, asked), Lang::Da) if was == Amount::ZERO => {
                format!("Skriv et beløb på højst {asked}, som borgeren bad om.")
            }
            (Problem::CorrectionRange(was, asked), Lang::En) if was == Amount::ZERO => {
                format!("Please write an amount of at most the {asked} the citizen asked for.")
            }
            (Problem::CorrectionRange(was, asked), Lang::Da) => {
                format!("Skriv et beløb over de {was}, der blev godkendt, og højst {asked}, som borgeren bad om.")
            }
            (Problem::CorrectionRange(was, asked), Lang::En) => {
                format!("Please write an amount above the {was} approved and at most the {asked} the citizen asked for.")
            }
            (Problem::BudgetLeft(left), Lang::Da) => {
                format!("Der er {left} tilbage i budgettet. Skriv et mindre beløb, eller giv et tillæg til budgettet først.")
            }
            (Problem::BudgetLeft(left), Lang::En) => {
                format!("There is {left} left in the budget. Please write a smaller amount, or top up the budget first.")
            }
            (Problem::BudgetHasEnded, Lang::Da) => "Budgettet er afsluttet, så der kan ikke betales mere fra det. Bevilg et nyt budget, hvis borgeren skal have pengene.".into(),
            (Problem::BudgetHasEnded, Lang::En) => "The budget has ended, so nothing more can be paid from it. Grant a new budget if the citizen is to have the money.".into(),
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
            (Problem::TooManyMessages(n), Lang::Da) => {
                format!("Du har sendt {n} beskeder den seneste time. Vent lidt, og prøv igen. Du kan også ringe til din sagsbehandler.")
            }
            (Problem::TooManyMessages(n), Lang::En) => {
                format!("You have sent {n} messages in the last hour. Please wait a while and try again, or call your caseworker.")
            }
            (Problem::TooManyPerHour(n), Lang::Da) => {
                format!("Du har sendt {n} den seneste time, og det er grænsen. Vent lidt, og prøv igen. Det, du skrev, er gemt her.")
            }
            (Problem::TooManyPerHour(n), Lang::En) => {
                format!("You have sent {n} in the last hour, which is the limit. Please wait a while and try again. What you wrote is kept here.")
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
            (Problem::NameInvisible, Lang::Da) => "Skriv navnet med almindelige bogstaver. Det indeholder tegn, man ikke kan se.".into(),
            (Problem::NameInvisible, Lang::En) => {
                "Please write the name in ordinary letters. It contains characters that cannot be seen.".into()
            }
            (Problem::NameOfficial, Lang::Da) => "Vælg et navn, der ikke ligner kommunen eller en af dens medarbejdere.".into(),
            (Problem::NameOfficial, Lang::En) => {
                "Please choose a name that does not look like the municipality or one of its staff.".into()
            }
            (Problem::FileTooLarge(name, mb), Lang::Da) => {
                format!("{name} fylder mere end {mb} MB. Vælg en mindre fil, eller tag et nyt billede.")
            }
            (Problem::FileTooLarge(name, mb), Lang::En) => {
                format!("{name} is larger than {mb} MB. Please choose a smaller file, or take a new photo.")
            }
            (Problem::FileType(name), Lang::Da) => {
                format!("{name} kan ikke sendes. Send den som PDF, eller som et billede i JPEG (.jpg) eller PNG.")
            }
            (Problem::FileType(name), Lang::En) => {
                format!("{name} cannot be sent. Please send it as a PDF, or as a JPEG (.jpg) or PNG picture.")
            }
            (Problem::TooManyFiles(n), Lang::Da) => format!("Du kan sende højst {n} filer ad gangen."),
            (Problem::TooManyFiles(n), Lang::En) => format!("You can send at most {n} files at a time."),
            (Problem::FileUnreadable(name), Lang::Da) => format!("{name} kunne ikke læses som et billede. Prøv at tage billedet igen."),
            (Problem::FileUnreadable(name), Lang::En) => {
                format!("{name} could not be read as a picture. Please try taking the photo again.")
            }
            (Problem::UploadTooLarge(mb), Lang::Da) => {
                format!("Filerne fyldte mere end {mb} MB tilsammen, så beskeden blev ikke sendt. Vælg filerne igen, højst 10 MB hver.")
            }
            (Problem::UploadTooLarge(mb), Lang::En) => {
                format!("The files came to more than {mb} MB together, so the message was not sent. Please choose the files again, at most 10 MB each.")
            }
            (Problem::ChooseFilesAgain, Lang::Da) => "Vælg filerne igen, hvis du vil sende dem med.".into(),
            (Problem::ChooseFilesAgain, Lang::En) => "Please choose the files again if you want to send them.".into(),
            (Problem::ComplaintLate(day), Lang::Da) => format!(
                "Fristen for at klage var {day}. Skriv til din sagsbehandler om afgørelsen: kommunen kan stadig vælge at se på den igen."
            ),
            (Problem::ComplaintLate(day), Lang::En) => format!(
                "The deadline for complaining was {day}. Write to your caseworker about the decision: the municipality can still choose to look at it again."
            ),
            (Problem::ComplaintOpen, Lang::Da) => {
                "Du har allerede klaget over denne afgørelse. Kommunen ser på den igen, og du får svar her i Én Plan.".into()
            }
            (Problem::ComplaintOpen, Lang::En) => {
                "You have already complained about this decision. The municipality is looking at it again, and you will get the answer here in Én Plan.".into()
            }
            (Problem::Email, Lang::Da) => "Skriv en e-mailadresse som navn@eksempel.dk.".into(),
            (Problem::Email, Lang::En) => "Please write an e-mail address like name@example.com.".into(),
            (Problem::CodeFormat, Lang::Da) => "Skriv de 6 cifre fra mailen.".into(),
            (Problem::CodeFormat, Lang::En) => "Please write the 6 digits from the mail.".into(),
            (Problem::WrongCode(left), Lang::Da) => format!("Det er ikke den kode, vi sendte. Du kan prøve {left} gang(e) mere."),
            (Problem::WrongCode(left), Lang::En) => format!("That is not the code we sent. You can try {left} more time(s)."),
            (Problem::CodeExpired, Lang::Da) => "Koden gælder ikke længere. Bed om en ny kode nedenfor.".into(),
            (Problem::CodeExpired, Lang::En) => "The code is no longer valid. Please ask for a new code below.".into(),
            (Problem::CodeNotSent, Lang::Da) => "Vi kunne ikke sende mailen lige nu. Prøv igen om lidt.".into(),
            (Problem::CodeNotSent, Lang::En) => "We could not send the mail just now. Please try again in a little while.".into(),
            (Problem::TooManyCodes(n), Lang::Da) => format!("Vi har sendt {n} koder den seneste time. Vent lidt, og prøv igen."),
            (Problem::TooManyCodes(n), Lang::En) => format!("We have sent {n} codes in the last hour. Please wait a while and try again."),
            (Problem::Phone, Lang::Da) => "Skriv et dansk mobilnummer med 8 cifre, fx 20 30 40 50.".into(),
            (Problem::Phone, Lang::En) => "Please write a Danish mobile number of 8 digits, such as 20 30 40 50.".into(),
            (Problem::SmsCodeFormat, Lang::Da) => "Skriv de 6 cifre fra SMS'en.".into(),
            (Problem::SmsCodeFormat, Lang::En) => "Please write the 6 digits from the text message.".into(),
            (Problem::SmsNotSent, Lang::Da) => "Vi kunne ikke sende SMS'en lige nu. Prøv igen om lidt.".into(),
            (Problem::SmsNotSent, Lang::En) => "We could not send the text message just now. Please try again in a little while.".into(),
            (Problem::ChooseScope, Lang::Da) => "Sæt flueben ved mindst én ting, personen må hjælpe med.".into(),
            (Problem::ChooseScope, Lang::En) => "Please tick at least one thing the person may help with.".into(),
            (Problem::MoneyNeedsFuldmaegtig, Lang::Da) => {
                "En bisidder kan ikke bede om penge eller klage for dig. Vælg fuldmægtig, eller fjern fluebenet.".into()
            }
            (Problem::MoneyNeedsFuldmaegtig, Lang::En) => {
                "A bisidder cannot ask for money or complain for you. Choose fuldmægtig, or untick the box.".into()
            }
            (Problem::HelperMonths, Lang::Da) => "Skriv et antal måneder fra 1 til 24.".into(),
            (Problem::HelperMonths, Lang::En) => "Please give a number of months from 1 to 24.".into(),
            (Problem::InvitationCode, Lang::Da) => {
                "Koden virker ikke. Den kan være skrevet forkert, brugt, trukket tilbage eller mere end 7 dage gammel. Bed om en ny kode.".into()
            }
            (Problem::InvitationCode, Lang::En) => {
                "The code does not work. It may be mistyped, used, withdrawn or more than 7 days old. Please ask for a new code.".into()
            }
            (Problem::InvitationLocked(until), Lang::Da) => format!("Der er skrevet forkert kode 5 gange. Prøv igen kl. {until}."),
            (Problem::InvitationLocked(until), Lang::En) => format!("A wrong code was entered 5 times. Please try again at {until}."),
            (Problem::OwnInvitation, Lang::Da) => "Det er din egen kode. Giv den til den person, der skal hjælpe dig.".into(),
            (Problem::OwnInvitation, Lang::En) => "This is your own code. Give it to the person who is going to help you.".into(),
            (Problem::CaseworkerAsHelper, Lang::Da) => "Borgerens sagsbehandler eller stedfortræder kan ikke også være hjælper.".into(),
            (Problem::CaseworkerAsHelper, Lang::En) => "The citizen's caseworker or stand-in cannot also be their helper.".into(),
            (Problem::CprFormat, Lang::Da) => "Skriv CPR-nummeret med 10 cifre, for eksempel 010190-1234.".into(),
            (Problem::CprFormat, Lang::En) => "Please give the CPR number as 10 digits, for example 010190-1234.".into(),
            (Problem::PaperRequired, Lang::Da) => "Vedhæft den underskrevne fuldmagt (et billede eller en PDF).".into(),
            (Problem::PaperRequired, Lang::En) => "Please attach the signed power of attorney (a picture or a PDF).".into(),
            (Problem::OwnCpr, Lang::Da) => "Det er borgerens eget CPR-nummer. Skriv hjælperens.".into(),
            (Problem::OwnCpr, Lang::En) => "This is the citizen's own CPR number. Please give the helper's.".into(),
            (Problem::AlreadyHelping, Lang::Da) => {
                "Du har allerede adgang til at hjælpe denne borger. Skal adgangen ændres, kan borgeren stoppe den gamle først.".into()
            }
            (Problem::AlreadyHelping, Lang::En) => {
                "You already have access to help this citizen. If it is to change, the citizen can end the old one first.".into()
            }
        }
    }
}

/// What files a file field takes: its `accept` list of types, how many and
/// how large each may be. The browser's form island checks the chosen
/// files against it before sending; the server checks everything again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRules {
    pub accept: String,
    pub max_files: u32,
    pub max_bytes: u64,
}

impl FileRules {
    /// The problems of the files chosen for `field`, as the browser
    /// describes them (name, size in bytes, type; `""` when the browser
    /// does not know the type, and then the server decides).
    pub fn check(&self, field: &str, files: &[(String, f64, String)]) -> FieldErrors {
        let problem = |problem| vec![FieldError { field: field.into(), problem }];
        if files.len() > self.max_files as usize {
            return problem(Problem::TooManyFiles(self.max_files));
        }
        for (name, size, kind) in files {
            if *size > self.max_bytes as f64 {
                return problem(Problem::FileTooLarge(name.clone(), (self.max_bytes / (1024 * 1024)) as u32));
            }
            if !kind.is_empty() && !self.accept.split(',').any(|t| t == kind) {
                return problem(Problem::FileType(name.clone()));
            }
        }
        Vec::new()
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

pub fn field(errors: &mut FieldErrors, name: &str, problem: Problem) {
    errors.push(FieldError { field: name.to_string(), problem });
}

/// Optional long text: blank is `None`, anything else must parse.
pub fn optional_long(errors: &mut FieldErrors, name: &str, input: &str) -> Option<LongText> {
    if input.trim().is_empty() {
        return None;
    }
    LongText::parse(input).map_err(|e| field(errors, name, Problem::Text(e))).ok()
}

/// A CPR number's ten digits, typed with or without the dash and spaces.
pub fn cpr_digits(input: &str) -> Option<String> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    (digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

pub fn short(errors: &mut FieldErrors, name: &str, input: &str) -> Option<ShortText> {
    ShortText::parse(input).map_err(|e| field(errors, name, Problem::Text(e))).ok()
}

pub fn choice<T>(errors: &mut FieldErrors, name: &str, parsed: Option<T>) -> Option<T> {
    if parsed.is_none() {
        field(errors, name, Problem::ChooseAnswer);
    }
    parsed
}

/// The field names of a date, a time of day and a duration: the same in
/// every form that has them.
pub mod when_fields {
    pub const DATE: &str = "date";
    pub const TIME: &str = "time";
    pub const DURATION: &str = "duration";
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
pub fn when(e: &mut FieldErrors, date: &str, time: &str, duration: &str) -> (Option<LocalDate>, Option<i64>, Option<i64>) {
    use when_fields::{DATE, DURATION, TIME};
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

/// A positive amount typed the Danish way, or the field's message.
pub fn positive_amount(errors: &mut FieldErrors, name: &str, input: &str) -> Option<Amount> {
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
pub fn required_reason(errors: &mut FieldErrors, name: &str, input: &str) -> Option<Reason> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::amount::AmountError;

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
            Problem::CorrectionRange(Amount::ZERO, Amount::kroner(5).unwrap()),
            Problem::CorrectionRange(Amount::kroner(2).unwrap(), Amount::kroner(5).unwrap()),
            Problem::BudgetLeft(Amount::kroner(5).unwrap()),
            Problem::BudgetHasEnded,
            Problem::OverCap(Amount::kroner(50_000).unwrap()),
            Problem::TooManyRequests(10),
            Problem::TooManyMessages(30),
            Problem::NameDigits,
            Problem::NameInvisible,
            Problem::NameOfficial,
            Problem::Months,
            Problem::Email,
            Problem::CodeFormat,
            Problem::WrongCode(2),
            Problem::CodeExpired,
            Problem::CodeNotSent,
            Problem::TooManyCodes(5),
            Problem::Phone,
            Problem::SmsCodeFormat,
            Problem::SmsNotSent,
            Problem::ComplaintLate("7. april 2026".into()),
            Problem::ComplaintOpen,
            Problem::ChooseScope,
            Problem::MoneyNeedsFuldmaegtig,
            Problem::HelperMonths,
            Problem::InvitationCode,
            Problem::InvitationLocked("14:15".into()),
            Problem::OwnInvitation,
            Problem::CaseworkerAsHelper,
            Problem::CprFormat,
            Problem::PaperRequired,
            Problem::OwnCpr,
            Problem::AlreadyHelping,
        ];
        for p in all {
            for lang in [Lang::Da, Lang::En] {
                assert!(!p.message(lang).trim().is_empty());
            }
        }
        assert_ne!(Problem::ReasonRequired.message(Lang::Da), Problem::ReasonRequired.message(Lang::En));
    }
}
