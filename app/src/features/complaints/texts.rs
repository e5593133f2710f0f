//! This feature's strings, in Danish and English ([`DA`], [`EN`]); pages
//! reach them as `t.complaints.…`.

#[cfg(test)]
use serde::Serialize;

/// The complaints' strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct ComplaintTexts {
    pub link: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub reasons_label: &'static str,
    pub reasons_hint: &'static str,
    pub submit: &'static str,
    pub back: &'static str,
    pub needs_login: &'static str,
    pub not_found: &'static str,
    /// "Du klagede …", with when.
    #[cfg_attr(test, serde(skip))]
    pub sent: fn(&str) -> String,
    /// The reconsideration deadline, with the day.
    #[cfg_attr(test, serde(skip))]
    pub due: fn(&str) -> String,
    pub overdue: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub upheld: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub forwarded: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub changed: fn(&str) -> String,
    pub answer_reasons: &'static str,
    /// The caseworker's side.
    pub waiting_heading: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub waiting_due: fn(&str) -> String,
    pub overdue_mark: &'static str,
    pub review_title: &'static str,
    pub review_body: &'static str,
    pub their_reasons: &'static str,
    pub uphold_label: &'static str,
    pub uphold_hint: &'static str,
    pub uphold_submit: &'static str,
    pub change_note: &'static str,
    pub change_heading: &'static str,
    pub change_body: &'static str,
    pub change_submit: &'static str,
    pub change_money_body: &'static str,
    pub files_label: &'static str,
    pub change_money_submit: &'static str,
    pub not_yours: &'static str,
}

pub static DA: ComplaintTexts = ComplaintTexts {
    link: "Klag over afgørelsen",
    title: "Klag over en afgørelse",
    intro: "Skriv med dine egne ord, hvorfor du er uenig. Du behøver ikke bruge bestemte ord. Kommunen ser på sagen igen inden for 4 uger. Hvis kommunen fastholder afgørelsen, sender den din klage videre til Ankestyrelsen.",
    reasons_label: "Hvorfor er du uenig i afgørelsen?",
    reasons_hint: "Højst 4.000 tegn. Du kan også skrive til din sagsbehandler, hvis du hellere vil det.",
    submit: "Send klagen",
    back: "Tilbage til dine afgørelser",
    needs_login: "Log ind for at klage over en afgørelse.",
    not_found: "Vi kan ikke finde den afgørelse. Se dine afgørelser og vælg den, du vil klage over.",
    sent: |when| format!("Du klagede {when}."),
    due: |day| format!("Kommunen ser på sagen igen og svarer dig senest {day}."),
    overdue: "Kommunen har ikke svaret inden fristen. Skriv til din sagsbehandler, eller ring til Borgerservice.",
    upheld: |when| format!("Kommunen så på sagen igen {when} og fastholdt afgørelsen."),
    forwarded: |day| format!("Din klage er sendt videre til Ankestyrelsen {day}. Ankestyrelsen skriver til dig."),
    changed: |when| format!("Kommunen så på sagen igen {when} og ændrede afgørelsen."),
    answer_reasons: "Kommunens begrundelse",
    waiting_heading: "Klager, der venter på genvurdering",
    waiting_due: |day| format!("Svar senest {day}"),
    overdue_mark: "Fristen er overskredet",
    review_title: "Klage over en afgørelse",
    review_body: "Se på sagen igen. Fastholder du afgørelsen, sendes klagen videre til Ankestyrelsen, og borgeren får besked. Borgeren kan se i sin log, at du har læst klagen.",
    their_reasons: "Borgerens klage",
    uphold_label: "Hvorfor fastholder du afgørelsen?",
    uphold_hint: "Borgeren og Ankestyrelsen læser begrundelsen. Skriv den i et klart sprog.",
    uphold_submit: "Fasthold og send til Ankestyrelsen",
    change_note: "Denne afgørelse kan ikke ændres til borgerens fordel her. Tal med borgeren, og skriv din begrundelse ovenfor, hvis du fastholder afgørelsen.",
    change_heading: "Eller giv borgeren ret",
    change_body: "Målet kommer med i borgerens plan. Det er en ny afgørelse, som retter den gamle; borgeren får besked, og klagen er besvaret.",
    change_submit: "Giv borgeren ret: målet kommer med i planen",
    change_money_body: "Borgeren får beløbet, eller mere af det, fra det der er tilbage i budgettet. Det er en ny afgørelse, som retter den gamle; borgeren får besked, og klagen er besvaret.",
    change_money_submit: "Giv borgeren ret: godkend beløbet",
    files_label: "Vedhæft dokumentation (hvis du vil)",
    not_yours: "Denne klage er fra en borger, du ikke er sagsbehandler eller stedfortræder for.",
};

pub static EN: ComplaintTexts = ComplaintTexts {
    link: "Complain about the decision",
    title: "Complain about a decision",
    intro: "Write in your own words why you disagree. You do not need to use particular words. The municipality looks at the case again within 4 weeks. If it keeps the decision, it sends your complaint on to the National Social Appeals Board (Ankestyrelsen).",
    reasons_label: "Why do you disagree with the decision?",
    reasons_hint: "At most 4,000 characters. You can also write to your caseworker if you prefer.",
    submit: "Send the complaint",
    back: "Back to your decisions",
    needs_login: "Log in to complain about a decision.",
    not_found: "We cannot find that decision. See your decisions and choose the one you want to complain about.",
    sent: |when| format!("You complained {when}."),
    due: |day| format!("The municipality is looking at the case again and will answer you by {day}."),
    overdue: "The municipality has not answered by the deadline. Write to your caseworker, or call Citizen Services.",
    upheld: |when| format!("The municipality looked at the case again {when} and kept the decision."),
    forwarded: |day| format!("Your complaint was sent on to the National Social Appeals Board (Ankestyrelsen) {day}. They will write to you."),
    changed: |when| format!("The municipality looked at the case again {when} and changed the decision."),
    answer_reasons: "The municipality's reasons",
    waiting_heading: "Complaints waiting for reconsideration",
    waiting_due: |day| format!("Answer by {day}"),
    overdue_mark: "The deadline has passed",
    review_title: "Complaint about a decision",
    review_body: "Look at the case again. If you keep the decision, the complaint is sent on to Ankestyrelsen and the citizen is told. The citizen can see in their log that you read the complaint.",
    their_reasons: "The citizen's complaint",
    uphold_label: "Why do you keep the decision?",
    uphold_hint: "The citizen and Ankestyrelsen read the reasons. Write them in plain language.",
    uphold_submit: "Keep it and send to Ankestyrelsen",
    change_note: "This decision cannot be changed in the citizen's favour here. Talk to the citizen, and write your reasons above if you keep the decision.",
    change_heading: "Or agree with the citizen",
    change_body: "The goal goes into the citizen's plan. It is a new decision that corrects the old one; the citizen is told, and the complaint is answered.",
    change_submit: "Agree with the citizen: the goal goes into the plan",
    change_money_body: "The citizen gets the amount, or more of it, from what is left in the budget. It is a new decision that corrects the old one; the citizen is told, and the complaint is answered.",
    change_money_submit: "Agree with the citizen: approve the amount",
    files_label: "Attach documents (if you like)",
    not_yours: "This complaint is from a citizen you are neither caseworker nor stand-in for.",
};
