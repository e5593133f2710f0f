//! "Add to calendar": one meetup as an iCalendar file (RFC 5545) that phone
//! and desktop calendars import. Times are written in UTC (`Z`), so no time
//! zone table is needed and the calendar shows them in the reader's own zone.

use jiff::Timestamp;

/// What goes into one calendar event.
pub struct Event<'a> {
    /// Unique and stable per meetup, e.g. `meetup-12@enplan.kommune.dk`.
    pub uid: String,
    pub starts_utc_ms: i64,
    pub duration_minutes: i64,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    /// Where the meetup's page is.
    pub url: String,
    pub cancelled: bool,
    /// When the file is made (DTSTAMP).
    pub stamp_utc_ms: i64,
    /// The meetup's revision: a calendar replaces its copy with a higher one.
    pub sequence: i64,
    /// When the meetup last changed.
    pub modified_utc_ms: i64,
}

fn utc(ms: i64) -> String {
    Timestamp::from_millisecond(ms).map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string()).unwrap_or_default()
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character):
/// each continuation line starts with one space.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

/// The whole file, CRLF line ends.
pub fn ics(e: &Event) -> String {
    let ends = e.starts_utc_ms + e.duration_minutes * 60_000;
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//En Plan//Netvaerk//DA".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}", text(&e.uid)),
        format!("DTSTAMP:{}", utc(e.stamp_utc_ms)),
        format!("SEQUENCE:{}", e.sequence),
        format!("LAST-MODIFIED:{}", utc(e.modified_utc_ms)),
        format!("DTSTART:{}", utc(e.starts_utc_ms)),
        format!("DTEND:{}", utc(ends)),
        format!("SUMMARY:{}", text(e.summary)),
        format!("LOCATION:{}", text(e.location)),
        format!("DESCRIPTION:{}", text(e.description)),
        format!("URL:{}", e.url),
    ];
    if e.cancelled {
        lines.push("STATUS:CANCELLED".into());
    }
    lines.extend(["END:VEVENT".to_string(), "END:VCALENDAR".into()]);
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(description: &str) -> Event<'_> {
        Event {
            uid: "meetup-7@localhost".into(),
            // 2026-12-01 16:00 UTC = 17:00 in Copenhagen.
            starts_utc_ms: 1_796_140_800_000,
            duration_minutes: 90,
            summary: "Strikkecafé i Nordparken",
            location: "Beboercaféen, Nordvej 1; 2. sal",
            description,
            url: "http://localhost:3000/netvaerk/moede/7".into(),
            cancelled: false,
            stamp_utc_ms: 1_796_000_000_000,
            sequence: 2,
            modified_utc_ms: 1_795_900_000_000,
        }
    }

    #[test]
    fn a_meetup_is_one_event_in_utc_with_escaped_text_and_crlf_lines() {
        let f = ics(&event("Tag garn med, hvis du har.\nAlle kan komme."));
        assert!(f.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(f.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(f.contains("\r\nDTSTART:20261201T160000Z\r\n"), "{f}");
        assert!(f.contains("\r\nDTEND:20261201T173000Z\r\n"), "{f}");
        assert!(f.contains("\r\nLOCATION:Beboercaféen\\, Nordvej 1\\; 2. sal\r\n"), "{f}");
        assert!(f.contains("DESCRIPTION:Tag garn med\\, hvis du har.\\nAlle kan komme."), "{f}");
        assert!(!f.replace("\r\n", "").contains('\n'), "no bare line feeds");
        assert!(!f.contains("STATUS:CANCELLED"));
        assert!(f.contains("\r\nSEQUENCE:2\r\nLAST-MODIFIED:20261128T210640Z\r\n"), "{f}");
        assert!(ics(&Event { cancelled: true, ..event("") }).contains("\r\nSTATUS:CANCELLED\r\n"));
    }

    #[test]
    fn long_lines_are_folded_at_75_octets_without_splitting_a_letter() {
        let long = "æøå ".repeat(40);
        let f = ics(&event(&long));
        for line in f.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = f.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{long}")), "folding loses nothing");
    }
}
