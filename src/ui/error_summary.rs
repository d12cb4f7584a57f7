//! GOV.UK error summary: "There is a problem", one link per missing answer. The links focus
//! the field instead of following a #fragment, so nothing ever goes into the URL.

use super::ctx::Ctx;
use super::govuk::{el, el_id};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// `node` is the summary's element (the app focuses it when there are errors).
pub fn error_summary(ctx: &Ctx, node: &NodeRef) -> Html {
    let errors = &ctx.journey.errors;
    if errors.is_empty() {
        return html! { <div ref={node.clone()} hidden=true></div> };
    }
    html! {
        <div class="tg-error-summary" ref={node.clone()} tabindex="-1" role="alert" aria-labelledby={ctx.id("error-title")}>
            { el_id("h2", "tg-error-summary__title", Some(ctx.id("error-title")), None, "There is a problem".into()) }
            { el("ul", "tg-list tg-error-summary__list", errors.iter().map(|e| {
                    let field = ctx.id(&format!("q-{}", e.question));
                    let target = field.clone();
                    let node = node.clone();
                    let onclick = Callback::from(move |ev: MouseEvent| {
                        ev.prevent_default();
                        focus_field(&node, &target);
                    });
                    el_id("li", "", None, Some(e.question.clone()), html! { <a href={format!("#{field}")} {onclick}>{ &e.message }</a> })
                }).collect()) }
        </div>
    }
}

/// Focuses the first input of a question's fieldset (or the field itself, or the button that
/// opens a saved case), looking in the widget's own root (its shadow root when embedded), not
/// the host document.
fn focus_field(node: &NodeRef, id: &str) {
    let Some(el) = node.get() else { return };
    let root = el.get_root_node();
    let selector = format!("#{id} input, #{id} textarea, textarea#{id}, input#{id}, button#{id}");
    let input = match root.dyn_ref::<web_sys::DocumentFragment>() {
        Some(shadow) => shadow.query_selector(&selector).ok().flatten(),
        None => root.dyn_ref::<web_sys::Document>().and_then(|d| d.query_selector(&selector).ok().flatten()),
    };
    if let Some(el) = input.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        el.focus().ok();
    }
}
