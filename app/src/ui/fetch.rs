//! A form post from an island, answered in JSON: the few lines an island
//! needs to call a server function by its path with the browser's own
//! `fetch`. (Calling the server function directly from the island pulled
//! Leptos's whole server-function client into the WebAssembly: +23 kB
//! brotli, past the size budget.)

use serde::de::DeserializeOwned;

/// Posts `form` (already URL-encoded: `after=3&citizen=7`) to `path` and
/// reads the JSON answer; `None` on any failure (offline, refused, not
/// JSON): the caller tries again later.
pub async fn post_form<T: DeserializeOwned>(path: &str, form: &str) -> Option<T> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&wasm_bindgen::JsValue::from_str(form));
        let request = web_sys::Request::new_with_str_and_init(path, &init).ok()?;
        let headers = request.headers();
        headers.set("content-type", "application/x-www-form-urlencoded").ok()?;
        headers.set("accept", "application/json").ok()?;
        let answer = wasm_bindgen_futures::JsFuture::from(web_sys::window()?.fetch_with_request(&request)).await.ok()?;
        let response: web_sys::Response = answer.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
        serde_json::from_str(&text).ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (path, form);
        None
    }
}
