//! If the widget panics it must never leave an empty box: every widget root is replaced by
//! static emergency contact details (no user text, so setting HTML here is safe).

use super::ROOT_SELECTOR;

/// The emergency contacts shown when the widget cannot run. Numbers from the threshold
/// document (CATEGORIES OF NEED AND HELP).
pub const EMERGENCY_HTML: &str = r#"<div class="tg-fallback" role="alert">
<h2 class="tg-heading-m">The threshold guide has stopped working</h2>
<p class="tg-body">If a child is in immediate danger, call the police on <strong>999</strong>.</p>
<p class="tg-body">To make a referral or ask for advice, call the Luton MASH on <strong>01582 547653</strong> (Monday to Thursday 08:45 to 17:15, Friday 08:45 to 16:15).</p>
<p class="tg-body">Outside office hours, call the Emergency Duty Team on <strong>0300 300 8123</strong>.</p>
<p class="tg-body">Anything you typed has not been sent or saved anywhere.</p>
</div>"#;

/// Replaces every widget root's content with the emergency contacts.
pub fn show_emergency_fallback(reason: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(roots) = document.query_selector_all(ROOT_SELECTOR) else { return };
    for i in 0..roots.length() {
        if let Some(el) = roots.get(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
            // Inside the shadow root when there is one (it hides the light DOM), else the element.
            match el.shadow_root() {
                Some(shadow) => shadow.set_inner_html(EMERGENCY_HTML),
                None => el.set_inner_html(EMERGENCY_HTML),
            }
            el.set_attribute("data-threshold-guide-failed", reason).ok();
        }
    }
}

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // The message and where it happened, for whoever looks at the console.
        gloo::console::error!(info.to_string());
        show_emergency_fallback("panic");
    }));
}
