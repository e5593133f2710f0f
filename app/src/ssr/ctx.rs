//! What a server function works with, in one call: the store, the
//! signed-in person (if any), the clock's now and the request's language.
//!
//! ```ignore
//! let cx = Ctx::get()?;
//! budget::request(cx.store(), cx.user()?, input, &key, cx.now).await
//! ```

use std::sync::Arc;

use leptos::prelude::ServerFnError;

use crate::i18n::Lang;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;
use crate::ssr::service::{ServiceError, ServiceResult};

/// One request's store, person, time and language.
pub struct Ctx {
    store: Arc<dyn Store>,
    user: Option<CurrentUser>,
    /// Now, by the server's clock, read once per request.
    pub now: i64,
    /// The language the request asks for (its `lang` cookie).
    pub lang: Lang,
}

impl Ctx {
    /// The context of the current request. An error only if the server
    /// forgot to provide the store, which any test would catch at once.
    pub fn get() -> Result<Ctx, ServerFnError> {
        Ok(Ctx {
            store: crate::ssr::store()?,
            user: crate::ssr::auth::current_user(),
            now: crate::ssr::now_ms(),
            lang: crate::ssr::request_lang(),
        })
    }

    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// The signed-in person, or `NotSignedIn`.
    pub fn user(&self) -> ServiceResult<&CurrentUser> {
        self.user.as_ref().ok_or(ServiceError::NotSignedIn)
    }

    /// The signed-in person, if any (pages that show something to everyone).
    pub fn maybe_user(&self) -> Option<&CurrentUser> {
        self.user.as_ref()
    }
}
