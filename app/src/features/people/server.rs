//! The people pages' server functions: admins only (the services decide).
//! Each form is a plain post that works without JavaScript.

use leptos::prelude::*;

use crate::features::people::views::PersonPage;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use crate::ui::form::FormSpec;
use crate::ui::page::StaffPage;

#[cfg(feature = "ssr")]
mod names {
    pub const NEW: &str = "caseworker-new";
    pub fn profile(person: i64) -> String {
        format!("profile:{person}")
    }
    pub fn hours(person: i64) -> String {
        format!("hours:{person}")
    }
    pub fn login(person: i64) -> String {
        format!("login:{person}")
    }
}

/// The form that creates a caseworker.
#[server(prefix = "/api", endpoint = "new_caseworker_form")]
pub async fn new_caseworker_form() -> Result<StaffPage<FormSpec>, ServerFnError> {
    use crate::features::people::forms::{fields, PeopleForm};
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let r = async { crate::ssr::access::admin(cx.user()?) }.await;
    if let StaffPage::NotAllowed = crate::ssr::service::staff_page(r, "open the new caseworker form")? {
        return Ok(StaffPage::NotAllowed);
    }
    let t = cx.lang.texts();
    let mut defs = vec![(fields::NAME, t.people.name_label, None, Control::Line)];
    defs.extend(profile_fields(t));
    let hidden = vec![("key".into(), crate::ssr::forms::new_key())];
    let spec = crate::ssr::forms::spec(
        PeopleForm::Caseworker,
        names::NEW,
        CreateCaseworker::PATH,
        hidden,
        defs,
        t.people.new_submit,
        &[(fields::TITLE, "Tovholder")],
    )
    .await;
    Ok(StaffPage::Shown(spec))
}

#[cfg(feature = "ssr")]
fn profile_fields(t: &'static crate::i18n::Texts) -> Vec<crate::ssr::forms::FieldDef<'static>> {
    use crate::features::people::forms::fields;
    use crate::ui::form::Control;
    vec![
        (fields::TITLE, t.people.title_label, None, Control::Line),
        (fields::PHONE, t.people.phone_label, None, Control::Phone),
        (fields::EMAIL, t.people.email_label, None, Control::Email),
        (fields::REACH, t.people.reach_label, Some(t.people.reach_hint), Control::Lines),
        (fields::OFFICE, t.people.office_label, None, Control::Line),
    ]
}

/// Creates a caseworker; on to their page.
#[server(prefix = "/api", endpoint = "create_caseworker")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as the form posts them")]
pub async fn create_caseworker(
    name: String,
    title: String,
    phone: String,
    email: String,
    reach: String,
    office: String,
    key: String,
) -> Result<(), ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::people::forms::{fields, CaseworkerInput, ProfileInput};
    use crate::features::people::service as people;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(
        names::NEW,
        &[
            (fields::NAME, &name),
            (fields::TITLE, &title),
            (fields::PHONE, &phone),
            (fields::EMAIL, &email),
            (fields::REACH, &reach),
            (fields::OFFICE, &office),
        ],
    );
    let result = async {
        let user = cx.user()?;
        crate::ssr::access::admin(user)?;
        let input =
            CaseworkerInput::parse(&name, ProfileInput::parse(&title, &phone, &email, &reach, &office)).map_err(ServiceError::Invalid)?;
        people::create_caseworker(cx.store(), Caller::Browser(user), &input, Some(&key), cx.now).await
    }
    .await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&crate::routes::admin_person(id.0), "oprettet-sagsbehandler"));
            Ok(())
        }
        Err(e) => refused(e, "create a caseworker", crate::routes::ADMIN_NEW_CASEWORKER, Some(kept)).await,
    }
}

/// The admin's page of a person, with its forms.
#[server(prefix = "/api", endpoint = "open_person")]
pub async fn open_person(person: i64) -> Result<StaffPage<PersonPage>, ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::people::forms::{fields, PeopleForm};
    use crate::features::people::service as people;
    use crate::features::people::views::{HoursView, RoleView, StaffPart};
    use crate::kernel::ids::PersonId;
    use crate::kernel::plan::Role;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let r = async { people::person_page(cx.store(), Caller::Browser(cx.user()?), PersonId(person), cx.now).await }.await;
    let shown = match crate::ssr::service::staff_page(r, "open a person's page")? {
        StaffPage::Shown(s) => s,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = cx.lang.texts();
    let label = |r: Role| match r {
        Role::Caseworker => t.people.role_caseworker,
        Role::Host => t.people.role_host,
        _ => t.people.role_admin,
    };
    let roles = people::ROLES
        .into_iter()
        .map(|r| RoleView { role: r.as_str().to_string(), label: label(r).to_string(), has: shown.roles.contains(&r) })
        .collect();
    let is_citizen = shown.person.cpr.is_some();
    let staff = if is_citizen {
        None
    } else {
        let p = shown.profile.clone().unwrap_or_default();
        let hidden = || vec![("person".to_string(), person.to_string())];
        let profile = crate::ssr::forms::spec(
            PeopleForm::Profile,
            &names::profile(person),
            SaveStaffProfile::PATH,
            hidden(),
            profile_fields(t),
            t.people.profile_submit,
            &[
                (fields::TITLE, &p.job_title),
                (fields::PHONE, &p.phone),
                (fields::EMAIL, &p.email),
                (fields::REACH, &p.reach_hours),
                (fields::OFFICE, &p.office),
            ],
        )
        .await;
        let days = t.people.weekdays.iter().enumerate().map(|(i, d)| ((i + 1).to_string(), d.to_string())).collect();
        let hours_defs = vec![
            (fields::WEEKDAY, t.people.weekday_label, None, Control::Choice(days)),
            (fields::FROM, t.people.from_label, Some(t.people.time_hint), Control::Time),
            (fields::TO, t.people.to_label, Some(t.people.time_hint), Control::Time),
            (fields::PLACE, t.people.place_label, None, Control::Line),
            (fields::ADDRESS, t.people.address_label, None, Control::Line),
        ];
        let mut with_key = hidden();
        with_key.push(("key".into(), crate::ssr::forms::new_key()));
        let add_hours = crate::ssr::forms::spec(
            PeopleForm::Hours,
            &names::hours(person),
            AddOutreachHours::PATH,
            with_key,
            hours_defs,
            t.people.hours_submit,
            &[],
        )
        .await;
        let hours = shown
            .hours
            .iter()
            .map(|h| HoursView {
                id: h.id,
                when: crate::kernel::time::weekly(h.weekday, h.from_minute, h.to_minute, cx.lang),
                place: h.place.clone(),
                address: h.address.clone(),
            })
            .collect();
        let subject = shown.person.subject.as_deref();
        let login_status = match subject {
            None => t.people.login_none,
            Some(s) if s.starts_with("staff:") => t.people.login_staff_linked,
            Some(_) => t.people.login_linked,
        };
        let login_defs = vec![
            (fields::SUBJECT, t.people.subject_label, Some(t.people.subject_hint), Control::Line),
            (fields::STAFF, t.people.staff_label, None, Control::Check),
        ];
        let login = crate::ssr::forms::spec(
            PeopleForm::Login,
            &names::login(person),
            LinkPersonLogin::PATH,
            hidden(),
            login_defs,
            t.people.login_submit,
            &[(fields::STAFF, "ja")],
        )
        .await;
        Some(StaffPart { profile, hours, add_hours, login_status: login_status.to_string(), linked: subject.is_some(), login })
    };
    Ok(StaffPage::Shown(PersonPage { id: person, name: shown.person.full_name, is_citizen, roles, staff }))
}

/// Gives (`on` = `ja`) or takes away a role.
#[server(prefix = "/api", endpoint = "set_person_role")]
pub async fn set_person_role(person: i64, role: String, on: Option<String>) -> Result<(), ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::people::service as people;
    use crate::kernel::ids::PersonId;
    use crate::kernel::plan::Role;
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let back = format!("{}#roller", crate::routes::admin_person(person));
    let result = async {
        let user = cx.user()?;
        let role = Role::parse(&role).ok_or(ServiceError::NotAllowed)?;
        people::set_role(cx.store(), Caller::Browser(user), PersonId(person), role, on.is_some(), cx.now).await.map(|_| ())
    }
    .await;
    crate::ssr::forms::finish(result, "change a role", &crate::ssr::forms::with_answer(&back, "rolle"), &back, None).await
}

/// Saves a staff member's contact data.
#[server(prefix = "/api", endpoint = "save_staff_profile")]
pub async fn save_staff_profile(
    person: i64,
    title: String,
    phone: String,
    email: String,
    reach: String,
    office: String,
) -> Result<(), ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::people::forms::{fields, ProfileInput};
    use crate::features::people::service as people;
    use crate::kernel::ids::PersonId;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(
        names::profile(person),
        &[(fields::TITLE, &title), (fields::PHONE, &phone), (fields::EMAIL, &email), (fields::REACH, &reach), (fields::OFFICE, &office)],
    );
    let back = format!("{}#kontakt", crate::routes::admin_person(person));
    let result = async {
        let user = cx.user()?;
        crate::ssr::access::admin(user)?;
        let input = ProfileInput::parse(&title, &phone, &email, &reach, &office).map_err(ServiceError::Invalid)?;
        people::save_profile(cx.store(), Caller::Browser(user), PersonId(person), input, cx.now).await
    }
    .await;
    finish(result, "save a caseworker's contact data", &with_answer(&back, "kontakt-gemt"), &back, Some(kept)).await
}

/// Adds weekly outreach hours.
#[server(prefix = "/api", endpoint = "add_outreach_hours")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as the form posts them")]
pub async fn add_outreach_hours(
    person: i64,
    weekday: Option<String>,
    from: String,
    to: String,
    place: String,
    address: String,
    key: String,
) -> Result<(), ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::people::forms::{fields, HoursInput};
    use crate::features::people::service as people;
    use crate::kernel::ids::PersonId;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let weekday = weekday.unwrap_or_default();
    let kept = FormFlash::typed(
        names::hours(person),
        &[(fields::WEEKDAY, &weekday), (fields::FROM, &from), (fields::TO, &to), (fields::PLACE, &place), (fields::ADDRESS, &address)],
    );
    let back = format!("{}#tider", crate::routes::admin_person(person));
    let result = async {
        let user = cx.user()?;
        crate::ssr::access::admin(user)?;
        let input = HoursInput::parse(&weekday, &from, &to, &place, &address).map_err(ServiceError::Invalid)?;
        people::add_hours(cx.store(), Caller::Browser(user), PersonId(person), &input, Some(&key), cx.now, cx.lang).await.map(|_| ())
    }
    .await;
    finish(result, "add outreach hours", &with_answer(&back, "tid-tilfoejet"), &back, Some(kept)).await
}

/// Removes one of a caseworker's outreach hours.
#[server(prefix = "/api", endpoint = "remove_outreach_hours")]
pub async fn remove_outreach_hours(person: i64, hours: i64) -> Result<(), ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::people::service as people;
    use crate::kernel::ids::PersonId;
    let cx = Ctx::get()?;
    let back = format!("{}#tider", crate::routes::admin_person(person));
    let result = async { people::remove_hours(cx.store(), Caller::Browser(cx.user()?), PersonId(person), hours, cx.now).await }.await;
    crate::ssr::forms::finish(result, "remove outreach hours", &crate::ssr::forms::with_answer(&back, "tid-fjernet"), &back, None).await
}

/// Links a staff member's login (the provider's `sub`; `staff` ticked: the staff issuer's).
#[server(prefix = "/api", endpoint = "link_person_login")]
pub async fn link_person_login(person: i64, subject: String, staff: Option<String>) -> Result<(), ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::people::forms::{fields, LoginInput};
    use crate::features::people::service as people;
    use crate::kernel::ids::PersonId;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let staff = staff.unwrap_or_default();
    let kept = FormFlash::typed(names::login(person), &[(fields::SUBJECT, &subject), (fields::STAFF, &staff)]);
    let back = format!("{}#login", crate::routes::admin_person(person));
    let result = async {
        let user = cx.user()?;
        crate::ssr::access::admin(user)?;
        let input = LoginInput::parse(&subject, &staff).map_err(ServiceError::Invalid)?;
        people::set_login(cx.store(), Caller::Browser(user), PersonId(person), Some(&input), cx.now).await
    }
    .await;
    finish(result, "link a login", &with_answer(&back, "login-gemt"), &back, Some(kept)).await
}

/// Unlinks a staff member's login.
#[server(prefix = "/api", endpoint = "unlink_person_login")]
pub async fn unlink_person_login(person: i64) -> Result<(), ServerFnError> {
    use crate::features::admin::service::Caller;
    use crate::features::people::service as people;
    use crate::kernel::ids::PersonId;
    let cx = Ctx::get()?;
    let back = format!("{}#login", crate::routes::admin_person(person));
    let result = async { people::set_login(cx.store(), Caller::Browser(cx.user()?), PersonId(person), None, cx.now).await }.await;
    crate::ssr::forms::finish(result, "unlink a login", &crate::ssr::forms::with_answer(&back, "login-gemt"), &back, None).await
}
