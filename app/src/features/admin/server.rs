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
    use crate::features::admin::service as admin;
    let cx = Ctx::get()?;
    let r = async {
        let user = cx.user()?;
        crate::ssr::access::admin(user)?;
        match name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(words) => Ok(AdminHome { found: Some(admin::find(cx.store(), user, words, cx.now, cx.lang).await?) }),
            None => Ok(AdminHome { found: None }),
        }
    }
    .await;
    crate::ssr::service::staff_page(r, "open the admin page")
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
