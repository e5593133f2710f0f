//! Form posts from islands with the browser's own `fetch`: the few lines an
//! island needs to call a server function by its path. (Calling the server function directly from the island pulled
//! Leptos's whole server-function client into the WebAssembly: +23 kB
//! brotli, past the size budget.)

use serde::de::DeserializeOwned;

/// Posts `form` (already URL-encoded: `after=3&citizen=7`) to `path` and
/// reads the JSON answer; `None` on any failure (offline, refused, not
/// JSON): the caller tries again later.
pub async fn post_form<T: DeserializeOwned>(path: &str, form: &str) -> Option<T> {
    #[cfg(feature = "hydrate")]
    {
        let response = send(path, form).await?;
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

/// Posts a form's data to `path` the way the browser would post the form
/// (URL-encoded, or `multipart/form-data` with its files), asking for JSON:
/// whether the server took it.
pub async fn post_form_data(path: &str, data: &web_sys::FormData, multipart: bool) -> bool {
    #[cfg(feature = "hydrate")]
    {
        if multipart {
            // The browser writes the multipart body and its boundary itself.
            return send_body(path, data, None).await.is_some_and(|r| r.ok());
        }
        let Ok(params) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(data) else { return false };
        let body: String = params.to_string().into();
        send(path, &body).await.is_some_and(|r| r.ok())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (path, data, multipart);
        false
    }
}

#[cfg(feature = "hydrate")]
async fn send(path: &str, form: &str) -> Option<web_sys::Response> {
    send_body(path, &wasm_bindgen::JsValue::from_str(form), Some("application/x-www-form-urlencoded")).await
}

#[cfg(feature = "hydrate")]
async fn send_body(path: &str, body: &wasm_bindgen::JsValue, content_type: Option<&str>) -> Option<web_sys::Response> {
    use wasm_bindgen::JsCast;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(body);
    let request = web_sys::Request::new_with_str_and_init(path, &init).ok()?;
    let headers = request.headers();
    if let Some(content_type) = content_type {
        headers.set("content-type", content_type).ok()?;
    }
    headers.set("accept", "application/json").ok()?;
    let answer = wasm_bindgen_futures::JsFuture::from(web_sys::window()?.fetch_with_request(&request)).await.ok()?;
    answer.dyn_into().ok()
}
