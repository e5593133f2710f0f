//! This feature's strings, in Danish and English: [`ConversationTexts`] has a
//! field per string and [`DA`] and [`EN`] are literals, so a missing
//! translation is a compile error. Pages reach them as `t.conversation.…`
//! from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// The conversation's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct ConversationTexts {
    /// The page and its place in the menu.
    pub title: &'static str,
    pub login_body: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub intro: fn(&str) -> String,
    pub no_caseworker: &'static str,
    pub reach_municipality: &'static str,
    pub not_citizen: &'static str,
    pub empty: &'static str,
    pub messages_heading: &'static str,
    pub write_heading: &'static str,
    pub message_label: &'static str,
    pub message_hint: &'static str,
    pub send_submit: &'static str,
    pub answer_submit: &'static str,
    pub you: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub read: fn(&str, &str) -> String,
    pub not_read: &'static str,
    pub sent_at: &'static str,
    /// Where the thread stands, as the citizen sees it.
    pub citizen_waiting_for_caseworker: &'static str,
    pub citizen_waiting_for_citizen: &'static str,
    pub citizen_closed: &'static str,
    /// Where the thread stands, as the caseworker sees it.
    pub staff_title: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub staff_intro: fn(&str) -> String,
    pub staff_waiting_for_caseworker: &'static str,
    pub staff_waiting_for_citizen: &'static str,
    pub staff_closed: &'static str,
    pub staff_empty: &'static str,
    pub close_submit: &'static str,
    pub back_to_plan: &'static str,
    pub open_conversation: &'static str,
    pub state_label: &'static str,
    /// The inbox's line for a waiting conversation.
    pub inbox_kind: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub inbox_waiting: fn(i64) -> String,
    /// Attached files.
    pub files_label: &'static str,
    pub files_hint: &'static str,
    pub files_heading: &'static str,
    pub file_pdf: &'static str,
    pub file_picture: &'static str,
}

pub static DA: ConversationTexts = ConversationTexts {
    title: "Skriv til din sagsbehandler",
    login_body:
        "Log ind for at skrive til din sagsbehandler. Kun du, din sagsbehandler og hendes eller hans stedfortræder kan læse jeres beskeder.",
    intro: |name| format!("Her skriver du med {name}. Kun du, din sagsbehandler og en stedfortræder kan læse beskederne."),
    no_caseworker: "Du har ikke fået en fast sagsbehandler endnu, så der er ingen at skrive til her.",
    reach_municipality: "Du kan ringe til kommunens borgerservice eller komme forbi rådhuset. De hjælper dig videre.",
    not_citizen: "Her skriver borgere med deres sagsbehandler. Som medarbejder finder du samtalerne under hver borger.",
    empty: "Der er ingen beskeder endnu. Skriv den første herunder.",
    messages_heading: "Beskeder",
    write_heading: "Skriv en besked",
    message_label: "Din besked",
    message_hint: "Skriv med dine egne ord. Højst 4.000 tegn.",
    send_submit: "Send besked",
    answer_submit: "Send svar",
    you: "Dig",
    read: |when, who| format!("Læst {when} af {who}"),
    not_read: "Ikke læst endnu",
    sent_at: "Sendt",
    citizen_waiting_for_caseworker: "Din sagsbehandler har fået din besked og svarer dig.",
    citizen_waiting_for_citizen: "Din sagsbehandler har svaret dig.",
    citizen_closed: "Din sagsbehandler har afsluttet samtalen. Du kan altid skrive igen.",
    staff_title: "Samtale med borgeren",
    staff_intro: |name| format!("Samtalen med {name}. Borgeren ser, når du har læst en besked."),
    staff_waiting_for_caseworker: "Venter på dig",
    staff_waiting_for_citizen: "Venter på borgeren",
    staff_closed: "Afsluttet",
    staff_empty: "Der er ingen beskeder endnu.",
    close_submit: "Markér samtalen som afsluttet",
    back_to_plan: "Tilbage til borgerens plan",
    open_conversation: "Samtale med borgeren",
    state_label: "Status",
    inbox_kind: "Beskeder",
    inbox_waiting: |n| if n == 1 { "1 besked venter på svar".to_string() } else { format!("{n} beskeder venter på svar") },
    files_label: "Vedhæft filer (hvis du vil)",
    files_hint: "Fx et billede af en regning eller et brev. PDF, JPEG eller PNG, højst 3 filer på 10 MB hver. \
                 Vi fjerner oplysninger om sted og tid fra billeder.",
    files_heading: "Filer",
    file_pdf: "PDF",
    file_picture: "Billede",
};

pub static EN: ConversationTexts = ConversationTexts {
    title: "Write to your caseworker",
    login_body: "Log in to write to your caseworker. Only you, your caseworker and their stand-in can read your messages.",
    intro: |name| format!("Here you write with {name}. Only you, your caseworker and a stand-in can read the messages."),
    no_caseworker: "You do not have a caseworker of your own yet, so there is nobody to write to here.",
    reach_municipality: "You can call the municipality's citizen service or come by the town hall. They will help you on.",
    not_citizen: "Here citizens write with their caseworker. As staff, you find the conversations under each citizen.",
    empty: "There are no messages yet. Write the first one below.",
    messages_heading: "Messages",
    write_heading: "Write a message",
    message_label: "Your message",
    message_hint: "Write in your own words. At most 4,000 characters.",
    send_submit: "Send message",
    answer_submit: "Send answer",
    you: "You",
    read: |when, who| format!("Read {when} by {who}"),
    not_read: "Not read yet",
    sent_at: "Sent",
    citizen_waiting_for_caseworker: "Your caseworker has your message and will answer you.",
    citizen_waiting_for_citizen: "Your caseworker has answered you.",
    citizen_closed: "Your caseworker has closed the conversation. You can always write again.",
    staff_title: "Conversation with the citizen",
    staff_intro: |name| format!("The conversation with {name}. The citizen sees when you have read a message."),
    staff_waiting_for_caseworker: "Waiting for you",
    staff_waiting_for_citizen: "Waiting for the citizen",
    staff_closed: "Closed",
    staff_empty: "There are no messages yet.",
    close_submit: "Mark the conversation as done",
    back_to_plan: "Back to the citizen's plan",
    open_conversation: "Conversation with the citizen",
    state_label: "Status",
    inbox_kind: "Messages",
    inbox_waiting: |n| if n == 1 { "1 message waits for an answer".to_string() } else { format!("{n} messages wait for an answer") },
    files_label: "Attach files (if you like)",
    files_hint: "For example a photo of a bill or a letter. PDF, JPEG or PNG, at most 3 files of 10 MB each. \
                 We remove the place and time from photos.",
    files_heading: "Files",
    file_pdf: "PDF",
    file_picture: "Picture",
};
