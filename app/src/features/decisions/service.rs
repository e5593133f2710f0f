//! Decisions as records: the appeal guidance given with each, and a
//! subject's decisions as the pages show them.

use crate::features::decisions::views::DecisionView;
use crate::i18n::Lang;
use crate::kernel::time::date_time;
use crate::ssr::db::{DbResult, Decision};
use crate::ssr::service::Names;

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

/// The decisions on one subject (`goal` or `spending_request`, and its id)
/// among `all`, newest first, with the deciders' names.
pub async fn decision_views(names: &mut Names<'_>, all: &[Decision], kind: &str, id: i64, lang: Lang) -> DbResult<Vec<DecisionView>> {
    let mut out = Vec::new();
    for d in all.iter().rev().filter(|d| d.subject_kind == kind && d.subject_id == id) {
        let corrects = d.corrects.and_then(|c| all.iter().find(|x| x.id == c)).map(|x| date_time(x.decided_at, lang));
        out.push(DecisionView {
            corrects,
            outcome: d.outcome.clone(),
            when: date_time(d.decided_at, lang),
            by: names.of(d.decided_by).await?,
            reasons: d.reasons.clone(),
            appeal_guidance: appeal_guidance_for(&d.appeal_guidance, lang),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
