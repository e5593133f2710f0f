//! Ids as newtypes, so a goal id cannot be passed where a person id is meant.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        // On the server, rows decode straight into ids (`sqlx::FromRow`).
        #[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(transparent))]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type!(
    /// A citizen, caseworker, admin or host.
    PersonId,
    PlanId,
    GoalId,
    ActivityId,
    AppointmentId,
    BudgetId,
    RequestId,
    DecisionId,
    GroupId,
    MeetupId,
    NotificationId,
    AnnouncementId,
    MessageId,
    AttachmentId,
    ComplaintId,
    RepresentationId,
    HandoverId,
);
