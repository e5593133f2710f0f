//! This feature's strings, in Danish and English: [`SiteTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.site.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// Site's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct SiteTexts {
    pub tagline: &'static str,

    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_what_heading: &'static str,
    pub home_what_items: &'static [&'static str],
    pub home_network_heading: &'static str,
    pub home_network_body: &'static str,
    pub a11y_title: &'static str,
    pub a11y_body: &'static [&'static str],
    pub a11y_known_heading: &'static str,
    pub a11y_known_items: &'static [&'static str],
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
}

pub static DA: SiteTexts = SiteTexts {
    tagline: "Én plan. Én sagsbehandler.",

    home_title: "Din plan samlet ét sted",
    home_intro: "Her kan du se din plan og din faste sagsbehandler. \
        Du skal ikke fortælle din historie igen og igen. \
        Jobcenter, socialforvaltning, sundhed, bolig og uddannelse arbejder i den samme plan – sammen med dig.",
    home_what_heading: "Det kan du her",
    home_what_items: &[
        "Se dine mål og hvad der skal ske",
        "Se hvem din sagsbehandler er, og hvor du kan møde hende eller ham",
        "Foreslå et nyt mål med dine egne ord",
        "Søge om penge fra dit personlige budget",
    ],
    home_network_heading: "Netværksgrupper – alle kan komme",
    home_network_body: "Mød andre i en café eller et kulturhus nær dig. Du behøver ikke logge ind for at se, hvornår der er møder.",
    a11y_title: "Tilgængelighedserklæring",
    a11y_body: &[
        "Én Plan skal kunne bruges af alle – også på en lille telefon, med en langsom forbindelse, med skærmlæser og uden mus.",
        "Målet er, at Én Plan overholder WCAG 2.1 niveau AA. Hver side testes automatisk med værktøjet axe på en lille og en stor skærm, og siderne virker, før JavaScript er hentet.",
        "Automatiske test finder ikke alle problemer, og Én Plan er endnu ikke testet af mennesker, der bruger hjælpemidler. Derfor kan vi ikke sige, at løsningen fuldt ud overholder kravene.",
        "Den kommune, der bruger Én Plan, skal offentliggøre sin egen tilgængelighedserklæring via Digitaliseringsstyrelsens værktøj, med kontaktoplysninger til at melde fejl.",
    ],
    a11y_known_heading: "Det ved vi mangler",
    a11y_known_items: &[
        "Ingen test med brugere af skærmlæser eller forstørrelse endnu.",
        "Mange sider er stadig under udvikling.",
    ],
    not_found_title: "Siden findes ikke",
    not_found_body: "Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller siden er flyttet.",
    back_home: "Gå til forsiden",
};

pub static EN: SiteTexts = SiteTexts {
    tagline: "One plan. One caseworker.",

    home_title: "Your plan in one place",
    home_intro: "Here you can see your plan and your own caseworker. \
        You do not have to tell your story again and again. \
        The job centre, social services, health, housing and education work in the same plan – together with you.",
    home_what_heading: "What you can do here",
    home_what_items: &[
        "See your goals and what happens next",
        "See who your caseworker is and where you can meet",
        "Suggest a new goal in your own words",
        "Ask for money from your personal budget",
    ],
    home_network_heading: "Network groups – everyone is welcome",
    home_network_body: "Meet other people in a café or a culture house near you. You do not need to log in to see when groups meet.",
    a11y_title: "Accessibility statement",
    a11y_body: &[
        "Én Plan should work for everyone – on a small phone, on a slow connection, with a screen reader and without a mouse.",
        "The aim is that Én Plan meets WCAG 2.1 level AA. Every page is tested automatically with the axe tool on a small and a large screen, and the pages work before JavaScript has loaded.",
        "Automatic tests do not find every problem, and Én Plan has not yet been tested by people who use assistive technology. So we cannot say that it fully meets the requirements.",
        "The municipality that uses Én Plan must publish its own accessibility statement through the Danish Agency for Digital Government's tool, with contact details for reporting problems.",
    ],
    a11y_known_heading: "What we know is missing",
    a11y_known_items: &[
        "No tests with users of screen readers or magnification yet.",
        "Many pages are still being built.",
    ],
    not_found_title: "Page not found",
    not_found_body: "We cannot find the page you are looking for. The address may be wrong, or the page may have moved.",
    back_home: "Go to the home page",
};
