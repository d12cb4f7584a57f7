//! GOV.UK error summary: "There is a problem", one link per missing answer. The links focus
//! the field instead of following a #fragment, so nothing ever goes into the URL.

use super::app::Ctx;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub ctx: Ctx,
    pub node: NodeRef,
}

#[function_component(ErrorSummary)]
pub fn error_summary(p: &Props) -> Html {
    let errors = &p.ctx.journey.errors;
    if errors.is_empty() {
        return html! { <div ref={p.node.clone()} hidden=true></div> };
    }
    html! {
        <div class="tg-error-summary" ref={p.node.clone()} tabindex="-1" role="alert" aria-labelledby={p.ctx.id("error-title")}>
            <h2 class="tg-error-summary__title" id={p.ctx.id("error-title")}>{ "There is a problem" }</h2>
            <ul class="tg-list tg-error-summary__list">
                { for errors.iter().map(|e| {
                    let field = p.ctx.id(&format!("q-{}", e.question));
                    let target = field.clone();
                    let node = p.node.clone();
                    let onclick = Callback::from(move |ev: MouseEvent| {
                        ev.prevent_default();
                        focus_field(&node, &target);
                    });
                    html! { <li key={e.question.clone()}><a href={format!("#{field}")} {onclick}>{ &e.message }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// Focuses the first input of a question's fieldset (or the field itself), looking in the
/// widget's own root (its shadow root when embedded), not the host document.
fn focus_field(node: &NodeRef, id: &str) {
    let Some(el) = node.get() else { return };
    let root = el.get_root_node();
    let selector = format!("#{id} input, #{id} textarea, textarea#{id}, input#{id}");
    let input = match root.dyn_ref::<web_sys::DocumentFragment>() {
        Some(shadow) => shadow.query_selector(&selector).ok().flatten(),
        None => root.dyn_ref::<web_sys::Document>().and_then(|d| d.query_selector(&selector).ok().flatten()),
    };
    if let Some(el) = input.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        el.focus().ok();
    }
}
