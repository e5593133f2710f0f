//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

/// One notification: what happened (named, never its sensitive content), when, where to look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub kind: String,
    pub when: String,
    pub link: String,
    pub unread: bool,
}
