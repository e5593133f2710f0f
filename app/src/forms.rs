//! Every checked form, by feature: the browser's form island is told which
//! one it guards and checks it with that feature's own parsers (the same the
//! server uses). Like the text catalogue in `i18n.rs`, this is a registry:
//! a feature adds one line here; its forms and their rules stay in its
//! folder (`features/<name>/forms.rs`).

use serde::{Deserialize, Serialize};

use crate::features::admin::forms::AdminForm;
use crate::features::budget::forms::BudgetForm;
use crate::features::casework::forms::CaseworkForm;
use crate::features::complaints::forms::ComplaintForm;
use crate::features::conversation::forms::ConversationForm;
use crate::features::cover::forms::CoverForm;
use crate::features::goals::forms::GoalForm;
use crate::features::handover::forms::HandoverForm;
use crate::features::network::forms::NetworkForm;
use crate::features::notices::forms::NoticeForm;
use crate::features::people::forms::PeopleForm;
use crate::features::representation::forms::HelperForm;
use crate::features::settings::forms::SettingsForm;
use crate::kernel::forms::FieldErrors;

/// Lists each feature's form kinds once: the enum, `From` for each, and the check.
macro_rules! form_registry {
    ($($variant:ident($kind:ty)),+ $(,)?) => {
        /// Which form a checked form is, so the browser checks it with the right rules.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum FormKind {
            $($variant($kind)),+
        }

        $(impl From<$kind> for FormKind {
            fn from(kind: $kind) -> FormKind {
                FormKind::$variant(kind)
            }
        })+

        impl FormKind {
            /// The refused fields of a form (form name → typed text), by the
            /// parsers the server uses.
            pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
                match self {
                    $(FormKind::$variant(kind) => kind.check(value)),+
                }
            }
        }
    };
}

form_registry! {
    Goals(GoalForm),
    Casework(CaseworkForm),
    Budget(BudgetForm),
    Network(NetworkForm),
    Conversation(ConversationForm),
    Notices(NoticeForm),
    Complaints(ComplaintForm),
    Helpers(HelperForm),
    Handover(HandoverForm),
    Cover(CoverForm),
    Settings(SettingsForm),
    Admin(AdminForm),
    People(PeopleForm),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_hands_each_form_to_its_features_check() {
        let empty = |_: &str| String::new();
        assert_eq!(FormKind::from(GoalForm::Proposal).check(empty), GoalForm::Proposal.check(empty));
        assert_eq!(FormKind::from(BudgetForm::TopUp).check(empty)[0].field, "amount");
        assert_eq!(FormKind::from(NetworkForm::Meetup).check(empty).len(), 6);
        assert!(FormKind::from(CaseworkForm::Note).check(|_| "Vi talte om praktik".into()).is_empty());
    }
}
