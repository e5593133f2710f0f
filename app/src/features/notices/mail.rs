//! The mails and text messages, as text. A notice says only that there is
//! something new and where to log in, a reminder only that there is an
//! appointment or a meetup today or tomorrow: the renderers' input is the
//! language, [`About`] and the links, so they cannot put a name, a place, a
//! time, an amount, a goal, a group's name or a message's words into a mail
//! or an SMS, whatever the event was. An SMS carries no link at all (a
//! shared phone, and the authorities' advice never to follow links in SMS).

use crate::i18n::Lang;

/// What a notice is about, as far as it may say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum About {
    /// Something new in the portal.
    News,
    /// An appointment in the plan, today or tomorrow.
    Appointment { tomorrow: bool },
    /// A meetup the person is going to, today or tomorrow.
    Meetup { tomorrow: bool },
}

impl About {
    /// Where the mail's link leads: the notifications, the plan, or one's meetups.
    pub fn page(self) -> &'static str {
        match self {
            About::News => crate::routes::NOTIFICATIONS,
            About::Appointment { .. } => crate::routes::PLAN,
            About::Meetup { .. } => crate::routes::NETWORK_MINE,
        }
    }
}

/// Everything a notice mail is made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeMail {
    pub lang: Lang,
    pub about: About,
    /// The portal's address (where to log in).
    pub portal: String,
    /// The page with the one "Afmeld" button (a signed link).
    pub unsubscribe: String,
}

/// Everything the confirmation mail is made from: the code, nothing else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeMail {
    pub lang: Lang,
    /// Six digits.
    pub code: String,
}

/// A mail ready for the transport.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    /// For `List-Unsubscribe` (with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`).
    pub unsubscribe: Option<String>,
}

/// A reminder's one sentence: "du har en aftale i morgen".
fn reminder(lang: Lang, about: About) -> Option<String> {
    let (what, tomorrow) = match (about, lang) {
        (About::News, _) => return None,
        (About::Appointment { tomorrow }, Lang::Da) => ("en aftale", tomorrow),
        (About::Meetup { tomorrow }, Lang::Da) => ("et møde, du er tilmeldt,", tomorrow),
        (About::Appointment { tomorrow }, Lang::En) => ("an appointment", tomorrow),
        (About::Meetup { tomorrow }, Lang::En) => ("a meetup you are going to", tomorrow),
    };
    Some(match (lang, tomorrow) {
        (Lang::Da, true) => format!("du har {what} i morgen"),
        (Lang::Da, false) => format!("du har {what} i dag"),
        (Lang::En, true) => format!("you have {what} tomorrow"),
        (Lang::En, false) => format!("you have {what} today"),
    })
}

/// The text of an SMS notice or reminder (no link, no content).
pub fn sms(lang: Lang, about: About) -> String {
    match (lang, reminder(lang, about)) {
        (Lang::Da, None) => "Du har nyt i Én Plan. Log ind for at læse det.".into(),
        (Lang::En, None) => "There is something new for you in Én Plan. Log in to read it.".into(),
        (Lang::Da, Some(r)) => format!("Påmindelse fra Én Plan: {r}. Se tid og sted i Én Plan."),
        (Lang::En, Some(r)) => format!("Reminder from Én Plan: {r}. See the time and place in Én Plan."),
    }
}

/// The SMS with a code that confirms a mobile number.
pub fn code_sms(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Da => format!("Din kode til Én Plan er {code}. Den gælder i 15 minutter."),
        Lang::En => format!("Your code for Én Plan is {code}. It is valid for 15 minutes."),
    }
}

pub fn notice(m: &NoticeMail) -> Rendered {
    let (subject, body, off) = match m.lang {
        Lang::Da => (
            "Du har nyt i Én Plan",
            "Du har nyt i Én Plan. Log ind for at læse det.",
            "Vil du ikke have flere af disse mails, kan du afmelde dem her:",
        ),
        Lang::En => (
            "There is something new for you in Én Plan",
            "There is something new for you in Én Plan. Log in to read it.",
            "If you do not want these mails any more, you can unsubscribe here:",
        ),
    };
    let reminded = reminder(m.lang, m.about).map(|r| match m.lang {
        Lang::Da => ("Påmindelse fra Én Plan".to_string(), format!("Påmindelse: {r}. Log ind i Én Plan for at se tid og sted.")),
        Lang::En => ("Reminder from Én Plan".to_string(), format!("Reminder: {r}. Log in to Én Plan to see the time and place.")),
    });
    let (subject, body) = reminded.unwrap_or((subject.to_string(), body.to_string()));
    Rendered { subject, text: format!("{body}\n\n{}\n\n{off}\n{}\n", m.portal, m.unsubscribe), unsubscribe: Some(m.unsubscribe.clone()) }
}

pub fn code(m: &CodeMail) -> Rendered {
    let (subject, body) = match m.lang {
        Lang::Da => (
            "Din kode til Én Plan",
            "Skriv denne kode i Én Plan for at bekræfte din e-mailadresse. Koden gælder i 15 minutter.\n\nHar du ikke bedt om den, kan du se bort fra denne mail.",
        ),
        Lang::En => (
            "Your code for Én Plan",
            "Type this code in Én Plan to confirm your e-mail address. The code is valid for 15 minutes.\n\nIf you did not ask for it, you can ignore this mail.",
        ),
    };
    let (first, rest) = body.split_once("\n\n").unwrap_or((body, ""));
    Rendered { subject: subject.into(), text: format!("{first}\n\n    {}\n\n{rest}\n", m.code), unsubscribe: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_the_fixed_text_and_the_links_in_either_language() {
        let m = NoticeMail {
            lang: Lang::Da,
            about: About::News,
            portal: "https://enplan.kommune.dk/beskeder".into(),
            unsubscribe: "https://enplan.kommune.dk/afmeld/x".into(),
        };
        let r = notice(&m);
        assert_eq!(r.subject, "Du har nyt i Én Plan");
        assert!(r.text.starts_with("Du har nyt i Én Plan. Log ind for at læse det.\n\nhttps://enplan.kommune.dk/beskeder\n"), "{}", r.text);
        assert_eq!(r.unsubscribe.as_deref(), Some("https://enplan.kommune.dk/afmeld/x"));
        let en = notice(&NoticeMail { lang: Lang::En, ..m });
        assert!(en.text.contains("Log in to read it."));
    }

    #[test]
    fn a_reminder_says_today_or_tomorrow_and_nothing_of_where_or_what() {
        let m = NoticeMail {
            lang: Lang::Da,
            about: About::Appointment { tomorrow: true },
            portal: "https://p/".into(),
            unsubscribe: "https://p/a".into(),
        };
        let r = notice(&m);
        assert_eq!(r.subject, "Påmindelse fra Én Plan");
        assert!(
            r.text.starts_with("Påmindelse: du har en aftale i morgen. Log ind i Én Plan for at se tid og sted.\n\nhttps://p/\n"),
            "{}",
            r.text
        );
        assert_eq!(
            sms(Lang::Da, About::Appointment { tomorrow: true }),
            "Påmindelse fra Én Plan: du har en aftale i morgen. Se tid og sted i Én Plan."
        );
        assert_eq!(
            sms(Lang::Da, About::Meetup { tomorrow: false }),
            "Påmindelse fra Én Plan: du har et møde, du er tilmeldt, i dag. Se tid og sted i Én Plan."
        );
        assert_eq!(sms(Lang::En, About::News), "There is something new for you in Én Plan. Log in to read it.");
        assert_eq!(code_sms(Lang::Da, "493021"), "Din kode til Én Plan er 493021. Den gælder i 15 minutter.");
        for about in [About::News, About::Appointment { tomorrow: true }, About::Meetup { tomorrow: false }] {
            for lang in [Lang::Da, Lang::En] {
                let text = sms(lang, about);
                assert!(!text.contains("http") && text.chars().count() <= 160, "one SMS, no link: {text}");
            }
        }
    }

    #[test]
    fn the_code_mail_holds_the_code_and_nothing_to_unsubscribe() {
        let r = code(&CodeMail { lang: Lang::Da, code: "493021".into() });
        assert!(r.text.contains("\n    493021\n") && r.text.contains("15 minutter"), "{}", r.text);
        assert_eq!(r.unsubscribe, None);
    }
}
