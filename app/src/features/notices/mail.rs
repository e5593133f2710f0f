//! The mails, as text. A notice says only that there is something new and
//! where to log in: its renderer's input is the language and two links, so
//! it cannot put a name, an amount, a goal, a department, a group's name or
//! a message's words into a mail, whatever the event was.

use crate::i18n::Lang;

/// Everything a notice mail is made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeMail {
    pub lang: Lang,
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
    Rendered {
        subject: subject.into(),
        text: format!("{body}\n\n{}\n\n{off}\n{}\n", m.portal, m.unsubscribe),
        unsubscribe: Some(m.unsubscribe.clone()),
    }
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
    fn the_code_mail_holds_the_code_and_nothing_to_unsubscribe() {
        let r = code(&CodeMail { lang: Lang::Da, code: "493021".into() });
        assert!(r.text.contains("\n    493021\n") && r.text.contains("15 minutter"), "{}", r.text);
        assert_eq!(r.unsubscribe, None);
    }
}
