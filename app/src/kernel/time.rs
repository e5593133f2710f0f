//! Time as people read it: stored in UTC, shown in Europe/Copenhagen.

use jiff::{tz::TimeZone, Timestamp};

use crate::i18n::Lang;

/// The municipality's time zone.
fn copenhagen() -> TimeZone {
    TimeZone::get("Europe/Copenhagen").unwrap_or(TimeZone::UTC)
}

const WEEKDAYS_DA: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
const WEEKDAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS_DA: [&str; 12] =
    ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// "tirsdag 3. marts 2026 kl. 10.00" / "Tuesday 3 March 2026 at 10:00", in Copenhagen time.
pub fn date_time(utc_ms: i64, lang: Lang) -> String {
    let Ok(ts) = Timestamp::from_millisecond(utc_ms) else {
        return String::new();
    };
    let local = ts.to_zoned(copenhagen());
    let weekday = usize::from(local.weekday().to_monday_zero_offset().unsigned_abs());
    let month = usize::from((local.month() - 1).unsigned_abs());
    match lang {
        Lang::Da => format!(
            "{} {}. {} {} kl. {:02}.{:02}",
            WEEKDAYS_DA[weekday],
            local.day(),
            MONTHS_DA[month],
            local.year(),
            local.hour(),
            local.minute()
        ),
        Lang::En => format!(
            "{} {} {} {} at {:02}:{:02}",
            WEEKDAYS_EN[weekday],
            local.day(),
            MONTHS_EN[month],
            local.year(),
            local.hour(),
            local.minute()
        ),
    }
}

/// The Copenhagen clock time: "14.15" / "14:15".
pub fn clock(utc_ms: i64, lang: Lang) -> String {
    let Ok(ts) = Timestamp::from_millisecond(utc_ms) else {
        return String::new();
    };
    let local = ts.to_zoned(copenhagen());
    match lang {
        Lang::Da => format!("{:02}.{:02}", local.hour(), local.minute()),
        Lang::En => format!("{:02}:{:02}", local.hour(), local.minute()),
    }
}

/// UTC milliseconds of a local Copenhagen date and minute past midnight
/// (a time skipped by the spring change is moved forward, as clocks are).
pub fn copenhagen_local(date: crate::kernel::forms::LocalDate, minute: i64) -> Option<i64> {
    let d = jiff::civil::Date::new(date.year, date.month, date.day).ok()?;
    let hour = i8::try_from(minute.div_euclid(60)).ok()?;
    let min = i8::try_from(minute.rem_euclid(60)).ok()?;
    Some(d.at(hour, min, 0, 0).to_zoned(copenhagen()).ok()?.timestamp().as_millisecond())
}

/// How long something has waited, in plain words: "under en time",
/// "5 timer", "1 dag", "3 dage" (whole units, rounded down).
pub fn waited(ms: i64, lang: Lang) -> String {
    const HOUR: i64 = 3_600_000;
    let hours = ms.max(0) / HOUR;
    let days = hours / 24;
    match (lang, hours, days) {
        (Lang::Da, 0, _) => "under en time".into(),
        (Lang::En, 0, _) => "less than an hour".into(),
        (Lang::Da, 1, 0) => "1 time".into(),
        (Lang::En, 1, 0) => "1 hour".into(),
        (Lang::Da, h, 0) => format!("{h} timer"),
        (Lang::En, h, 0) => format!("{h} hours"),
        (Lang::Da, _, 1) => "1 dag".into(),
        (Lang::En, _, 1) => "1 day".into(),
        (Lang::Da, _, d) => format!("{d} dage"),
        (Lang::En, _, d) => format!("{d} days"),
    }
}

/// "3. december 2026" / "3 December 2026", the Copenhagen date.
pub fn date(utc_ms: i64, lang: Lang) -> String {
    let Ok(ts) = Timestamp::from_millisecond(utc_ms) else {
        return String::new();
    };
    let local = ts.to_zoned(copenhagen());
    let month = usize::from((local.month() - 1).unsigned_abs());
    match lang {
        Lang::Da => format!("{}. {} {}", local.day(), MONTHS_DA[month], local.year()),
        Lang::En => format!("{} {} {}", local.day(), MONTHS_EN[month], local.year()),
    }
}

/// "tirsdag kl. 10.00–12.00" / "Tuesday 10:00–12:00": a weekly time
/// (`weekday` 1 = Monday … 7 = Sunday, minutes past midnight).
pub fn weekly(weekday: i64, from_minute: i64, to_minute: i64, lang: Lang) -> String {
    let day = usize::try_from(weekday.clamp(1, 7) - 1).unwrap_or(0);
    let hm = |m: i64, sep: char| format!("{:02}{sep}{:02}", m.div_euclid(60), m.rem_euclid(60));
    match lang {
        Lang::Da => format!("{} kl. {}–{}", WEEKDAYS_DA[day], hm(from_minute, '.'), hm(to_minute, '.')),
        Lang::En => format!("{} {}–{}", WEEKDAYS_EN[day], hm(from_minute, ':'), hm(to_minute, ':')),
    }
}

/// UTC milliseconds of `minute` past midnight, Copenhagen time, `days`
/// after the Copenhagen date of `now_ms` (daylight saving handled).
pub fn copenhagen_day_at(now_ms: i64, days: i64, minute: i64) -> i64 {
    let tz = copenhagen();
    let local = |ts: Timestamp| -> Option<i64> {
        let date = ts.to_zoned(tz.clone()).date().checked_add(jiff::Span::new().days(days)).ok()?;
        let hour = i8::try_from(minute.div_euclid(60).clamp(0, 23)).ok()?;
        let min = i8::try_from(minute.rem_euclid(60)).ok()?;
        Some(date.at(hour, min, 0, 0).to_zoned(tz.clone()).ok()?.timestamp().as_millisecond())
    };
    Timestamp::from_millisecond(now_ms).ok().and_then(local).unwrap_or(now_ms + days * 86_400_000)
}

/// Minutes past midnight on the Copenhagen clock at `utc_ms`.
pub fn copenhagen_minute_of_day(utc_ms: i64) -> i64 {
    Timestamp::from_millisecond(utc_ms)
        .map(|ts| {
            let local = ts.to_zoned(copenhagen());
            i64::from(local.hour()) * 60 + i64::from(local.minute())
        })
        .unwrap_or(0)
}

/// How many Copenhagen calendar days lie from the date of `from_ms` to the
/// date of `to_ms` (0: the same day, 1: the next day).
pub fn copenhagen_days_between(from_ms: i64, to_ms: i64) -> i64 {
    let date = |ms: i64| Timestamp::from_millisecond(ms).ok().map(|ts| ts.to_zoned(copenhagen()).date());
    match (date(from_ms), date(to_ms)) {
        (Some(a), Some(b)) => a.until(b).map(|span| i64::from(span.get_days())).unwrap_or(0),
        _ => (to_ms - from_ms).div_euclid(86_400_000),
    }
}

/// A duration in plain words: "45 minutter", "1 time", "1 time og 30 minutter".
pub fn duration(minutes: i64, lang: Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let (hour, hours, minute, mins, and) = match lang {
        Lang::Da => ("time", "timer", "minut", "minutter", "og"),
        Lang::En => ("hour", "hours", "minute", "minutes", "and"),
    };
    let hs = format!("{h} {}", if h == 1 { hour } else { hours });
    let ms = format!("{m} {}", if m == 1 { minute } else { mins });
    match (h, m) {
        (0, _) => ms,
        (_, 0) => hs,
        _ => format!("{hs} {and} {ms}"),
    }
}

/// The same Copenhagen wall-clock time `months` calendar months after
/// `now_ms` (the 31st becomes the month's last day), e.g. a budget period.
pub fn months_later(now_ms: i64, months: i64) -> i64 {
    Timestamp::from_millisecond(now_ms)
        .ok()
        .and_then(|ts| ts.to_zoned(copenhagen()).checked_add(jiff::Span::new().months(months)).ok())
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(now_ms + months * 30 * 86_400_000)
}

/// The Copenhagen date and time as a form's date and time fields take them:
/// ("2026-12-03", "17:00").
pub fn form_date_time(utc_ms: i64) -> (String, String) {
    Timestamp::from_millisecond(utc_ms)
        .map(|ts| {
            let local = ts.to_zoned(copenhagen());
            (local.strftime("%Y-%m-%d").to_string(), local.strftime("%H:%M").to_string())
        })
        .unwrap_or_default()
}

/// The ISO 8601 form with offset, for `<time datetime="…">`.
pub fn iso(utc_ms: i64) -> String {
    Timestamp::from_millisecond(utc_ms).map(|ts| ts.to_zoned(copenhagen()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-03-03T09:00:00Z: winter, Copenhagen is UTC+1.
    const WINTER: i64 = 1_772_528_400_000;
    // 2026-07-07T08:00:00Z: summer, Copenhagen is UTC+2.
    const SUMMER: i64 = 1_783_411_200_000;

    #[test]
    fn utc_is_shown_in_copenhagen_time_in_winter_and_summer() {
        assert_eq!(date_time(WINTER, Lang::Da), "tirsdag 3. marts 2026 kl. 10.00");
        assert_eq!(date_time(SUMMER, Lang::Da), "tirsdag 7. juli 2026 kl. 10.00");
        assert_eq!(date_time(WINTER, Lang::En), "Tuesday 3 March 2026 at 10:00");
    }

    #[test]
    fn a_local_time_days_ahead_follows_daylight_saving() {
        // From a winter Tuesday to 10:00 local 126 days later (a summer Tuesday).
        assert_eq!(iso(copenhagen_day_at(WINTER, 126, 600)), "2026-07-07T10:00:00+02:00");
        assert_eq!(copenhagen_day_at(WINTER, 0, 600), WINTER);
    }

    #[test]
    fn a_local_date_and_time_is_read_in_copenhagen_time() {
        use crate::kernel::forms::LocalDate;
        let winter = copenhagen_local(LocalDate { year: 2026, month: 12, day: 3 }, 600).unwrap();
        assert_eq!(date_time(winter, Lang::Da), "torsdag 3. december 2026 kl. 10.00");
        assert_eq!(iso(winter), "2026-12-03T10:00:00+01:00");
        let summer = copenhagen_local(LocalDate { year: 2026, month: 6, day: 3 }, 600).unwrap();
        assert_eq!(iso(summer), "2026-06-03T10:00:00+02:00");
    }

    #[test]
    fn a_date_is_the_copenhagen_date() {
        // 23:30 UTC on 31 December is already 1 January in Copenhagen.
        let ms = Timestamp::from_second(1_798_759_800).unwrap().as_millisecond();
        assert_eq!(iso(ms), "2027-01-01T00:30:00+01:00");
        assert_eq!(date(ms, Lang::Da), "1. januar 2027");
        assert_eq!(date(ms, Lang::En), "1 January 2027");
    }

    #[test]
    fn waiting_time_is_said_in_whole_hours_or_days() {
        const H: i64 = 3_600_000;
        assert_eq!(waited(59 * 60_000, Lang::Da), "under en time");
        assert_eq!(waited(H, Lang::Da), "1 time");
        assert_eq!(waited(5 * H + 1, Lang::En), "5 hours");
        assert_eq!(waited(24 * H, Lang::Da), "1 dag");
        assert_eq!(waited(80 * H, Lang::Da), "3 dage");
        assert_eq!(waited(-5, Lang::En), "less than an hour");
    }

    #[test]
    fn weekly_hours_are_written_the_local_way() {
        assert_eq!(weekly(2, 600, 720, Lang::Da), "tirsdag kl. 10.00–12.00");
        assert_eq!(weekly(7, 510, 545, Lang::En), "Sunday 08:30–09:05");
    }

    #[test]
    fn the_machine_readable_form_carries_the_offset() {
        assert_eq!(iso(WINTER), "2026-03-03T10:00:00+01:00");
        assert_eq!(iso(SUMMER), "2026-07-07T10:00:00+02:00");
    }

    #[test]
    fn a_period_of_months_ends_on_the_same_local_day() {
        // 2026-01-31 10:00 Copenhagen + 1 month = 2026-02-28 10:00; + 15 months
        // crosses two summer-time changes and keeps 10:00 local.
        let start = super::copenhagen_local(crate::kernel::forms::LocalDate { year: 2026, month: 1, day: 31 }, 600).unwrap();
        assert_eq!(super::date_time(super::months_later(start, 1), Lang::Da), "lørdag 28. februar 2026 kl. 10.00");
        assert_eq!(super::date(super::months_later(start, 15), Lang::Da), "30. april 2027");
    }

    #[test]
    fn durations_are_said_in_words() {
        assert_eq!(super::duration(45, Lang::Da), "45 minutter");
        assert_eq!(super::duration(60, Lang::Da), "1 time");
        assert_eq!(super::duration(90, Lang::Da), "1 time og 30 minutter");
        assert_eq!(super::duration(121, Lang::En), "2 hours and 1 minute");
    }
}
