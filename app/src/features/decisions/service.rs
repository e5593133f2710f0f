//! Decisions as records: the appeal guidance given with each, and a
//! subject's decisions as the pages show them.

use crate::features::decisions::views::{DecisionItem, DecisionView};
use crate::i18n::Lang;
use crate::kernel::ids::{GoalId, RequestId};
use crate::kernel::time::{copenhagen_day_at, date, date_time};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbResult, Decision, Store};
use crate::ssr::service::Names;

/// How long a citizen has to complain: 4 weeks from getting the decision
/// (in the portal, the moment it is made), to the end of that day in
/// Copenhagen time, whatever daylight saving does in between.
pub const COMPLAINT_WEEKS: i64 = 4;

/// The last moment (UTC ms) a complaint about a decision made at
/// `decided_at` is in time: 23:59:59.999 Copenhagen time, 28 days later.
pub fn complaint_deadline(decided_at: i64) -> i64 {
    copenhagen_day_at(decided_at, COMPLAINT_WEEKS * 7 + 1, 0) - 1
}

/// The page anchor of a decision on `/afgoerelser`.
pub fn anchor(d: &Decision) -> String {
    format!("afgoerelse-{}", d.id.0)
}

/// How to complain about a decision, as the portal gives it until the
/// settings page sets another text (Danish, and its English reading).
pub use crate::features::settings::forms::{DEFAULT_APPEAL_DA as APPEAL_GUIDANCE, DEFAULT_APPEAL_EN as APPEAL_GUIDANCE_EN};

/// The appeal guidance as an English reader sees it: the text given with
/// the decision, or, where that is today's Danish text (`today`: the
/// settings page's Danish and English) or the portal's own, its English
/// reading. The Danish reader sees the text as given.
pub fn appeal_guidance_for(given: &str, today: Option<&(String, String)>) -> String {
    match today {
        Some((da, en)) if given == da => en.clone(),
        Some(_) if given == APPEAL_GUIDANCE => APPEAL_GUIDANCE_EN.to_string(),
        _ => given.to_string(),
    }
}

/// Every decision about the signed-in citizen, newest first, with what it
/// is about, its complaint deadline and its corrections (`None`: not a citizen).
pub async fn my_decisions(store: &dyn Store, user: &CurrentUser, now: i64, lang: Lang) -> DbResult<Option<Vec<DecisionItem>>> {
    let Ok(me) = crate::ssr::access::citizen_for(user, crate::ssr::access::Scope::See) else {
        return Ok(None);
    };
    me.log_read(store, crate::ssr::access::Purpose::DecisionsSeen, now).await?;
    let all = store.decisions_of(me.citizen).await?;
    let complaints = store.complaints_of(me.citizen).await?;
    let names = &mut Names::new(store);
    let mut items = Vec::new();
    for d in all.iter().rev() {
        let about = about(store, d).await?;
        let view = view_of(names, &all, d, lang).await?;
        let deadline = complaint_deadline(d.decided_at);
        let corrected_by = all.iter().find(|x| x.corrects == Some(d.id)).map(|x| (anchor(x), date_time(x.decided_at, lang)));
        // The newest complaint about it, in words.
        let (complaint, complaint_files) = match complaints.iter().rev().find(|k| k.decision_id == d.id) {
            Some(k) => {
                let files = store.complaint_files(k.id).await?;
                let files = files.iter().map(|f| crate::features::conversation::service::file_view(f, lang)).collect();
                (Some(crate::features::complaints::service::complaint_words(names, k, now, lang).await?), files)
            }
            None => (None, Vec::new()),
        };
        items.push(DecisionItem {
            id: d.id.0,
            complain_link: (complaint.is_none() && now <= deadline).then(|| crate::routes::complaint(d.id.0)),
            complaint,
            complaint_files,
            anchor: anchor(d),
            about,
            subject_kind: d.subject_kind.clone(),
            decision: view,
            deadline: date(deadline, lang),
            deadline_passed: now > deadline,
            corrects_anchor: d.corrects.and_then(|c| all.iter().find(|x| x.id == c)).map(anchor),
            corrected_by,
        });
    }
    Ok(Some(items))
}

/// What a decision is about, in words: the goal's title, or the request's
/// purpose and amount.
pub async fn about(store: &dyn Store, d: &Decision) -> DbResult<String> {
    Ok(match d.subject_kind.as_str() {
        "goal" => store.goal(GoalId(d.subject_id)).await?.title,
        "spending_request" => {
            let r = store.spending_request(RequestId(d.subject_id)).await?;
            format!("{} ({})", r.purpose, r.amount)
        }
        _ => String::new(),
    })
}

/// A decision as shown, among `all` of the citizen's (for what it corrects).
pub async fn view_of(names: &mut Names<'_>, all: &[Decision], d: &Decision, lang: Lang) -> DbResult<DecisionView> {
    let mut view = DecisionView {
        corrects: d.corrects.and_then(|c| all.iter().find(|x| x.id == c)).map(|x| date_time(x.decided_at, lang)),
        outcome: d.outcome.clone(),
        when: date_time(d.decided_at, lang),
        by: names.of(d.decided_by).await?,
        reasons: d.reasons.clone(),
        appeal_guidance: match lang {
            Lang::Da => d.appeal_guidance.clone(),
            Lang::En => {
                let today = crate::features::settings::service::appeal_guidance_en(names.store()).await?;
                appeal_guidance_for(&d.appeal_guidance, Some(&today))
            }
        },
    };
    // "declined" is named differently for money than for a goal.
    if d.subject_kind == "spending_request" && view.outcome == "declined" {
        view.outcome = "spending_declined".into();
    }
    Ok(view)
}

/// The decisions on one subject (`goal` or `spending_request`, and its id)
/// among `all`, newest first, with the deciders' names.
pub async fn decision_views(names: &mut Names<'_>, all: &[Decision], kind: &str, id: i64, lang: Lang) -> DbResult<Vec<DecisionView>> {
    let mut out = Vec::new();
    for d in all.iter().rev().filter(|d| d.subject_kind == kind && d.subject_id == id) {
        out.push(view_of(names, all, d, lang).await?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_complaint_deadline_is_the_end_of_the_day_four_weeks_later_in_copenhagen_across_daylight_saving() {
        use jiff::{civil::date as day, tz::TimeZone};
        let cph = TimeZone::get("Europe/Copenhagen").unwrap();
        let at = |y, m, d, h, min| day(y, m, d).at(h, min, 0, 0).to_zoned(cph.clone()).unwrap().timestamp().as_millisecond();
        // Decided in winter time, due in summer time (DST starts 29 March 2026).
        assert_eq!(complaint_deadline(at(2026, 3, 10, 14, 30)), at(2026, 4, 8, 0, 0) - 1);
        // Decided in summer time, due in winter time (DST ends 25 October 2026).
        assert_eq!(complaint_deadline(at(2026, 10, 20, 0, 5)), at(2026, 11, 18, 0, 0) - 1);
        // Late in the evening: the Copenhagen date counts, not the UTC one.
        assert_eq!(complaint_deadline(at(2026, 12, 1, 23, 30)), at(2026, 12, 30, 0, 0) - 1);
        assert_eq!(date(complaint_deadline(at(2026, 3, 10, 14, 30)), Lang::Da), "7. april 2026");
    }

    #[test]
    fn english_readers_get_the_appeal_guidance_translated_and_told_which_text_applies() {
        let portal = (APPEAL_GUIDANCE.to_string(), APPEAL_GUIDANCE_EN.to_string());
        let en = appeal_guidance_for(APPEAL_GUIDANCE, Some(&portal));
        assert!(
            en.starts_with("You can complain about the decision") && en.contains("Ankestyrelsen") && en.contains("Danish text"),
            "{en}"
        );
        assert_eq!(appeal_guidance_for(APPEAL_GUIDANCE, None), APPEAL_GUIDANCE, "no English reading: as given");
        let set = ("Klag til os.".to_string(), "Complain to us.".to_string());
        assert_eq!(appeal_guidance_for("Klag til os.", Some(&set)), "Complain to us.", "today's text, as the settings page says");
        assert!(appeal_guidance_for(APPEAL_GUIDANCE, Some(&set)).starts_with("You can complain"), "the portal's own, as before");
        assert_eq!(appeal_guidance_for("En anden vejledning", Some(&set)), "En anden vejledning", "other texts are shown as given");
    }
}
