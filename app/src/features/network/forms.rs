//! The network's forms: groups, meetups, display names and hosts' messages.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{field, short, when, FieldError, FieldErrors, LocalDate, Problem};
use crate::kernel::text::{Description, DisplayName, LongText, ShortText, TextError};

/// Form field names of the network forms.
pub mod network_fields {
    pub const NAME: &str = "name";
    pub const DESCRIPTION: &str = "description";
    pub const TOPIC: &str = "topic";
    pub const AREA: &str = "area";
    pub const USUAL_PLACE: &str = "usual_place";
    pub use crate::kernel::forms::when_fields::{DATE, DURATION, TIME};
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
/// groups: at most four digits, so nobody shows their CPR or phone number;
/// no invisible or direction-changing characters, so a name looks like what
/// it is; and nothing that passes for the municipality or its staff.
pub fn parse_display_name(input: &str) -> Result<DisplayName, FieldErrors> {
    let refused = |problem| Err(vec![FieldError { field: network_fields::DISPLAY_NAME.into(), problem }]);
    match DisplayName::parse(input) {
        Ok(n) if n.as_str().chars().filter(char::is_ascii_digit).count() > 4 => refused(Problem::NameDigits),
        Ok(n) if n.as_str().chars().any(crate::kernel::text::is_invisible) => refused(Problem::NameInvisible),
        Ok(n) if sounds_official(n.as_str()) => refused(Problem::NameOfficial),
        Ok(n) => Ok(n),
        Err(x) => refused(Problem::Text(x)),
    }
}

/// A word of the name that begins like the municipality's or its staff's
/// titles ("Kommunen", "Sagsbehandler", "Admin"…), in any case.
fn sounds_official(name: &str) -> bool {
    const TITLES: [&str; 6] = ["kommune", "sagsbehandl", "admin", "borgerservice", "medarbejder", "moderator"];
    name.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).any(|word| TITLES.iter().any(|t| word.starts_with(t)))
}

/// A host's message to the people signed up for a meetup.
pub fn parse_announcement(body: &str) -> Result<LongText, FieldErrors> {
    LongText::parse(body).map_err(|e| vec![FieldError { field: network_fields::MESSAGE.into(), problem: Problem::Text(e) }])
}

/// The network's checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NetworkForm {
    Group,
    Meetup,
    DisplayName,
    Announcement,
}

impl NetworkForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        use network_fields::*;
        let v = |n: &str| value(n);
        match self {
            NetworkForm::Group => {
                GroupInput::parse(&v(NAME), &v(DESCRIPTION), &v(TOPIC), &v(AREA), &v(USUAL_PLACE)).err().unwrap_or_default()
            }
            NetworkForm::Meetup => {
                MeetupInput::parse(&v(DATE), &v(TIME), &v(DURATION), &v(PLACE), &v(ADDRESS), &v(CAPACITY), &v(DESCRIPTION))
                    .err()
                    .unwrap_or_default()
            }
            NetworkForm::DisplayName => parse_display_name(&v(DISPLAY_NAME)).err().unwrap_or_default(),
            NetworkForm::Announcement => parse_announcement(&v(MESSAGE)).err().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_display_name_has_no_hidden_characters_and_does_not_pass_for_the_municipality() {
        for hidden in ["Me\u{200B}tte", "\u{202E}etteM", "Kim\u{2066}", "Sol\u{FEFF}", "Ka\u{00AD}rin"] {
            assert_eq!(parse_display_name(hidden).unwrap_err()[0].problem, Problem::NameInvisible, "{hidden:?}");
        }
        for official in ["Kommunen", "kommune-Kim", "Sagsbehandler Karin", "ADMIN", "Administrator", "Borgerservice", "KommunenKarin"] {
            assert_eq!(parse_display_name(official).unwrap_err()[0].problem, Problem::NameOfficial, "{official}");
        }
        for fine in ["Kommunikations-Kim", "Admiral", "Bent", "Fatima", "Søren Sagsøger"] {
            assert!(parse_display_name(fine).is_ok(), "{fine}");
        }
    }

    #[test]
    fn the_browser_check_of_the_network_forms_is_the_servers_parse() {
        use network_fields::*;
        let empty = |_: &str| String::new();
        assert_eq!(NetworkForm::Group.check(empty).len(), 5, "a group says what it is about");
        assert_eq!(NetworkForm::Meetup.check(empty).len(), 6, "all but the description");
        assert_eq!(NetworkForm::DisplayName.check(|_| "1234567".into())[0].problem, Problem::NameDigits);
        assert_eq!(NetworkForm::Announcement.check(empty)[0].field, MESSAGE);
        assert!(NetworkForm::Announcement.check(|_| "Vi mødes ved bagindgangen".into()).is_empty());
    }
}
