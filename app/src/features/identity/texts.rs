//! This feature's strings, in Danish and English: [`IdentityTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.identity.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// Identity's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct IdentityTexts {
    pub login_title: &'static str,
    pub login_body: &'static [&'static str],
    pub login_button: &'static str,
    pub login_test_notice: &'static str,
    pub login_test_button: &'static str,
    pub login_staff_button: &'static str,
    pub login_already: &'static str,
    pub login_error_cancelled: &'static str,
    pub login_error_failed: &'static str,
    pub login_error_unknown_staff: &'static str,
    pub login_error_linked: &'static str,
    pub login_error_level: &'static str,
}

pub static DA: IdentityTexts = IdentityTexts {

    login_title: "Log ind",
    login_body: &[
        "Du logger ind med MitID. Så kan du se din plan, din sagsbehandler og dit budget.",
        "Vi bruger dit login til at finde dig hos kommunen. Dit CPR-nummer bliver aldrig vist på siden.",
    ],
    login_button: "Log ind med MitID",
    login_test_notice: "Testlogin – ikke MitID. Denne udgave af Én Plan bruger et indbygget testlogin med opdigtede personer. Skriv aldrig rigtige oplysninger her.",
    login_test_button: "Gå til testlogin",
    login_staff_button: "Log ind som medarbejder",
    login_already: "Du er logget ind som",
    login_error_cancelled: "Du afbrød login, eller det lykkedes ikke. Du kan prøve igen.",
    login_error_failed: "Vi kunne ikke logge dig ind. Det kan ske, hvis det tog for lang tid. Prøv igen.",
    login_error_unknown_staff: "Dit login er ikke oprettet som medarbejder i Én Plan. Kontakt din leder eller kommunens it-afdeling.",
    login_error_linked: "Vi kunne ikke logge dig ind, fordi dit CPR-nummer allerede hører til et andet login. Kontakt kommunen, så hjælper de dig.",
    login_error_level: "Du loggede ind med MitID på et lavt sikringsniveau. Én Plan kræver betydeligt niveau. Log ind igen og godkend med MitID-appen, en kodeviser eller en kodeoplæser. Har du brug for hjælp, kan Borgerservice i din kommune hjælpe dig.",
};

pub static EN: IdentityTexts = IdentityTexts {
    login_title: "Log in",
    login_body: &[
        "You log in with MitID. Then you can see your plan, your caseworker and your budget.",
        "We use your login to find you in the municipality's records. Your CPR number is never shown on the page.",
    ],
    login_button: "Log in with MitID",
    login_test_notice:
        "Test login – not MitID. This copy of Én Plan uses a built-in test login with made-up people. Never enter real information here.",
    login_test_button: "Go to the test login",
    login_staff_button: "Log in as staff",
    login_already: "You are logged in as",
    login_error_cancelled: "You cancelled the login, or it did not work. You can try again.",
    login_error_failed: "We could not log you in. This can happen if it took too long. Please try again.",
    login_error_unknown_staff:
        "Your login is not registered as staff in Én Plan. Contact your manager or the municipality's IT department.",
    login_error_linked:
        "We could not log you in because your CPR number already belongs to another login. Contact the municipality and they will help you.",
    login_error_level: "You logged in with MitID at a low assurance level. Én Plan needs the substantial level. Log in again and approve with the MitID app, a code display or a code reader. If you need help, Borgerservice in your municipality can help you.",
};
