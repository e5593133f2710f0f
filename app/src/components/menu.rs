//! The one piece of the page frame that runs in the browser.

use leptos::prelude::*;

/// Folds its children behind a button on small screens, after hydration.
///
/// Server-rendered state is "not hydrated": children visible, button
/// hidden — so the menu works before the WASM has loaded and without
/// JavaScript. Once hydrated it marks itself `data-hydrated` (browser tests
/// wait for that) and starts folded on phones; from the `sm` breakpoint up
/// the list is always shown and the button never is.
#[island]
pub fn MenuToggle(open_label: String, close_label: String, children: Children) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    let open = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let list_id = "hovedmenu-links";
    view! {
        <div data-hydrated=move || hydrated.get().then_some("true")>
            <button
                type="button"
                class=move || if hydrated.get() { "btn-menu sm:hidden" } else { "hidden" }
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=list_id
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span aria-hidden="true" class="text-xl leading-none">{move || if open.get() { "×" } else { "☰" }}</span>
                <span>{move || if open.get() { close_label.clone() } else { open_label.clone() }}</span>
            </button>
            <div
                id=list_id
                class=move || if !hydrated.get() || open.get() { "block" } else { "hidden sm:block" }
            >
                {children()}
            </div>
        </div>
    }
}
