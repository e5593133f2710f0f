//! What the conversation's pages show: plain data, serialised from the
//! server functions to the page.

use serde::{Deserialize, Serialize};

/// One message as a page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    /// Sent by the person looking at the page.
    pub own: bool,
    /// Who wrote it ("Karin Holm"; "Dig" for one's own side).
    pub sender: String,
    pub body: String,
    /// When it was sent, in words.
    pub sent: String,
    /// On one's own messages: "Læst … af Karin Holm" once the other side has
    /// opened the thread, else "Ikke læst endnu". In words already, so the
    /// browser's island shows new messages without the text catalogue.
    pub receipt: Option<String>,
    /// The files sent with it.
    pub files: Vec<AttachmentView>,
}

/// A file sent with a message, as a link to download it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub name: String,
    /// "PDF, 120 kB" / "Billede, 1,4 MB".
    pub about: String,
    pub href: String,
}

/// Where the conversation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThreadState {
    /// No messages yet.
    Empty,
    /// The citizen had the last word: the caseworker should answer.
    WaitingForCaseworker,
    /// The caseworker had the last word.
    WaitingForCitizen,
    /// The caseworker marked it done (a new message from the citizen reopens it).
    Closed,
}

/// A conversation, oldest message first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadView {
    /// The citizen's own caseworker (on the citizen's page) or the citizen
    /// (on the caseworker's page).
    pub other: String,
    pub state: ThreadState,
    pub messages: Vec<MessageView>,
}
