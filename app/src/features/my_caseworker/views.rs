//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

/// When and where a caseworker can be met outside the office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutreachView {
    /// "tirsdag kl. 10.00–12.00" / "Tuesday 10:00–12:00".
    pub when: String,
    pub place: String,
    pub address: String,
}

/// A caseworker as the citizen sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseworkerView {
    pub name: String,
    /// For the avatar: "KH" for Karin Holm.
    pub initials: String,
    pub job_title: String,
    pub phone: String,
    pub email: String,
    /// How and when to reach them, in their own words.
    pub reach_hours: String,
    pub office: String,
    pub outreach: Vec<OutreachView>,
}

/// The citizen's caseworker page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCaseworkerView {
    /// `None` while no caseworker is assigned.
    pub primary: Option<CaseworkerView>,
    /// Who helps while the caseworker is away (covering now).
    pub standin: Option<CaseworkerView>,
    /// Until when the stand-in covers ("Dækker indtil videre."), or who
    /// will, from when (a cover to begin).
    pub cover: Option<String>,
    /// Different caseworkers in the last 12 months (the promise is one).
    pub count_last_year: i64,
    /// The latest change of caseworker and its message, while recent.
    pub changed: Option<crate::features::handover::views::ChangeView>,
}

/// "KH" for "Karin Holm": the first letter of the first and the last name.
pub fn initials(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().and_then(|w| w.chars().next());
    let last = words.last().and_then(|w| w.chars().next());
    first.into_iter().chain(last).flat_map(char::to_uppercase).collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_the_first_and_the_last_name() {
        assert_eq!(initials("Karin Holm"), "KH");
        assert_eq!(initials("Ulla Marie Østergaard"), "UØ");
        assert_eq!(initials("Cher"), "C");
        assert_eq!(initials("  "), "");
    }
}
