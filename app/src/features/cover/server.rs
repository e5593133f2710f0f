//! The cover's server functions: the page (for an admin or the citizen's
//! caseworker), the plain form post that sets a cover, and the button that
//! ends it.

use leptos::prelude::*;

use crate::features::cover::views::CoverPage;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use crate::ui::page::StaffPage;

#[cfg(feature = "ssr")]
fn form_name(citizen: i64) -> String {
    format!("cover:{citizen}")
}

/// Where the page is for the one asking: an admin's or a caseworker's.
#[cfg(feature = "ssr")]
fn page_of(cx: &Ctx, citizen: i64) -> String {
    match cx.user() {
        Ok(u) if crate::ssr::access::admin(u).is_ok() => crate::routes::admin_cover(citizen),
        _ => crate::routes::cover(citizen),
    }
}

/// The cover page of `citizen`: their caseworker, the cover now or next,
/// and the form (the colleagues to choose from, each with their caseload).
#[server(prefix = "/api", endpoint = "open_cover")]
pub async fn open_cover(citizen: i64) -> Result<StaffPage<CoverPage>, ServerFnError> {
    use crate::features::cover::forms::{fields, CoverForm};
    use crate::features::cover::service as cover;
    use crate::features::cover::views::CoverLine;
    use crate::kernel::ids::PersonId;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let r = async { cover::page(cx.store(), cx.user()?, PersonId(citizen), cx.now).await }.await;
    let shown = match crate::ssr::service::staff_page(r, "open the cover page")? {
        StaffPage::Shown(s) => s,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = cx.lang.texts();
    let choices = shown.colleagues.iter().map(|c| (c.id.to_string(), (t.handover.colleague)(&c.full_name, c.caseload))).collect();
    let defs = vec![
        (fields::STANDIN, t.cover.standin_label, Some(t.cover.standin_hint), Control::Choice(choices)),
        (fields::FIRST, t.cover.first_label, Some(t.cover.first_hint), Control::Date),
        (fields::LAST, t.cover.last_label, Some(t.cover.last_hint), Control::Date),
    ];
    let today = crate::kernel::time::form_date_time(cx.now).0;
    let hidden = vec![("citizen".into(), citizen.to_string()), ("key".into(), crate::ssr::forms::new_key())];
    let form = crate::ssr::forms::spec(
        CoverForm::Cover,
        &form_name(citizen),
        SetCover::PATH,
        hidden,
        defs,
        t.cover.submit,
        &[(fields::FIRST, today.as_str())],
    )
    .await;
    Ok(StaffPage::Shown(CoverPage {
        citizen_id: citizen,
        citizen: shown.citizen,
        primary: shown.primary,
        cover: shown.cover.map(|c| CoverLine { running: c.running(cx.now), days: cover::days(&c, cx.lang), who: c.staff_name }),
        nobody: shown.colleagues.is_empty(),
        form,
        by_admin: shown.acting.capacity == crate::ssr::access::Capacity::Admin,
    }))
}

/// Makes `standin` the citizen's stand-in from the day `first` to the day
/// `last` (empty: until further notice), replacing the cover there was.
#[server(prefix = "/api", endpoint = "set_cover")]
pub async fn set_cover(citizen: i64, standin: Option<String>, first: String, last: String, key: String) -> Result<(), ServerFnError> {
    use crate::features::cover::forms::{fields, CoverInput};
    use crate::features::cover::service as cover;
    use crate::kernel::ids::PersonId;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let standin = standin.unwrap_or_default();
    let kept = FormFlash::typed(form_name(citizen), &[(fields::STANDIN, &standin), (fields::FIRST, &first), (fields::LAST, &last)]);
    let page = page_of(&cx, citizen);
    let result = async {
        let input = CoverInput::parse(&standin, &first, &last).map_err(ServiceError::Invalid)?;
        cover::set(cx.store(), cx.user()?, PersonId(citizen), &input, &key, cx.now).await.map(|_| ())
    }
    .await;
    finish(result, "set a stand-in's cover", &with_answer(&page, "stedfortraeder-gemt"), &page, Some(kept)).await
}

/// Ends the citizen's cover now.
#[server(prefix = "/api", endpoint = "end_cover")]
pub async fn end_cover(citizen: i64) -> Result<(), ServerFnError> {
    use crate::features::cover::service as cover;
    use crate::kernel::ids::PersonId;
    let cx = Ctx::get()?;
    let page = page_of(&cx, citizen);
    let result = async { cover::end(cx.store(), cx.user()?, PersonId(citizen), cx.now).await.map(|_| ()) }.await;
    crate::ssr::forms::finish(
        result,
        "end a stand-in's cover",
        &crate::ssr::forms::with_answer(&page, "stedfortraeder-afsluttet"),
        &page,
        None,
    )
    .await
}
