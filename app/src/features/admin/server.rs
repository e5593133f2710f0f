//! The admin pages' server functions.

use leptos::prelude::*;

use crate::features::admin::views::{AdminHome, AuditView};
use crate::kernel::paging::Paged;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use crate::ui::page::StaffPage;

/// `/admin`: what a search by name found (`name` empty: no search yet).
#[server(prefix = "/api", endpoint = "admin_start")]
pub async fn admin_start(name: Option<String>) -> Result<StaffPage<AdminHome>, ServerFnError> {
    use crate::features::admin::forms::{AdminForm, CPR};
    use crate::features::admin::service as admin;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let r = async {
        let user = cx.user()?;
        crate::ssr::access::admin(user)?;
        match name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(words) => Ok(Some(admin::find(cx.store(), user, words, cx.now, cx.lang).await?)),
            None => Ok(None),
        }
    }
    .await;
    let found = match crate::ssr::service::staff_page(r, "open the admin page")? {
        StaffPage::Shown(found) => found,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = cx.lang.texts();
    let defs = vec![(CPR, t.admin.cpr_label, Some(t.admin.cpr_hint), crate::ui::form::Control::Line)];
    let cpr_form = crate::ssr::forms::spec(AdminForm::Cpr, CPR_FORM, FindByCpr::PATH, vec![], defs, t.admin.cpr_submit, &[]).await;
    Ok(StaffPage::Shown(AdminHome { found, cpr_form }))
}

#[cfg(feature = "ssr")]
const CPR_FORM: &str = "admin-cpr";

/// Finds the citizen with this CPR number and opens their page (the search
/// is in their access log). A post, so the number is in no address.
#[server(prefix = "/api", endpoint = "find_by_cpr")]
pub async fn find_by_cpr(cpr: String) -> Result<(), ServerFnError> {
    use crate::features::admin::forms::{parse_cpr, CPR};
    use crate::features::admin::service as admin;
    use crate::ssr::forms::{redirect, refused, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(CPR_FORM, &[(CPR, &cpr)]);
    let result = async {
        let user = cx.user()?;
        let cpr = parse_cpr(&cpr).map_err(ServiceError::Invalid)?;
        admin::find_by_cpr(cx.store(), user, &cpr, cx.now).await
    }
    .await;
    match result {
        Ok(id) => {
            redirect(&crate::routes::admin_person(id.0));
            Ok(())
        }
        Err(e) => refused(e, "find a citizen by CPR number", crate::routes::ADMIN, Some(kept)).await,
    }
}

/// The admin audit log, a page at a time (`before`: `?foer=`).
#[server(prefix = "/api", endpoint = "admin_log")]
pub async fn admin_log(before: Option<String>) -> Result<StaffPage<Paged<AuditView>>, ServerFnError> {
    use crate::features::admin::service as admin;
    use crate::kernel::paging::Before;
    let cx = Ctx::get()?;
    let before = before.as_deref().and_then(Before::parse);
    let r = async { admin::audit_log(cx.store(), cx.user()?, before, cx.now, cx.lang).await }.await;
    crate::ssr::service::staff_page(r, "read the admin audit log")
}
