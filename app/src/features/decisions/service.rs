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

/// How to complain about a decision: who to, how, and the deadline. Stored
/// with every decision as it was given (a later change of this text does not
/// change old decisions). Danish, the language of the decision.
pub const APPEAL_GUIDANCE: &str = "Du kan klage over afgørelsen. Skriv eller ring til Borgerservice i din kommune \
inden 4 uger efter, at du har fået afgørelsen. Du kan også klage gennem din sagsbehandler. Kommunen ser på sagen igen. \
Hvis kommunen fastholder afgørelsen, sender den din klage videre til Ankestyrelsen.";

/// [`APPEAL_GUIDANCE`] in English, for reading only: the decision record keeps the Danish text.
const APPEAL_GUIDANCE_EN: &str = "You can complain about the decision. Write to or call Citizen Services (Borgerservice) in your municipality within 4 weeks of getting the decision. You can also complain through your caseworker. The municipality looks at the case again. If it keeps the decision, it sends your complaint on to the National Social Appeals Board (Ankestyrelsen). (Translated: the Danish text given with the decision is the one that applies.)";

/// The appeal guidance as shown: the text given with the decision, or,
/// for an English reader of today's standard Danish text, its translation
/// (saying that the Danish text is the one that applies).
pub fn appeal_guidance_for(given: &str, lang: Lang) -> String {
    match lang {
        Lang::En if given == APPEAL_GUIDANCE => APPEAL_GUIDANCE_EN.to_string(),
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
        appeal_guidance: appeal_guidance_for(&d.appeal_guidance, lang),
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
        assert_eq!(appeal_guidance_for(APPEAL_GUIDANCE, Lang::Da), APPEAL_GUIDANCE);
        let en = appeal_guidance_for(APPEAL_GUIDANCE, Lang::En);
        assert!(
            en.starts_with("You can complain about the decision") && en.contains("Ankestyrelsen") && en.contains("Danish text"),
            "{en}"
        );
        assert_eq!(appeal_guidance_for("En anden vejledning", Lang::En), "En anden vejledning", "other texts are shown as given");
    }
}
