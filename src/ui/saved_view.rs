//! Saving a case to a file and opening it again: the Save button every step after the start
//! page has, the start page's Open a saved case (a button that opens the file picker), and what Check your
//! answers says about a case saved with other rules. The file is written and read by
//! `crate::saved` (pure Rust); here it is only handed to the browser, or read from the
//! chosen file on this device. Nothing is stored or sent.

use super::ctx::{now, Ctx};
use super::govuk::{el, pair, prose, secondary_button, warning_inner};
use super::question::{error_message, form_group};
use super::summary_view::{download, settled};
use crate::journey::Action;
use crate::saved::{self, OpenError};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// "Save your answers to a file", and beside it where the file belongs.
#[inline(never)]
pub fn save_button(ctx: &Ctx) -> Html {
    let j = ctx.journey.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        let now = now();
        download(&saved::write(&j, now), &saved::file_name(now), "application/json");
    });
    let note = el("p", "tg-hint", ctx.journey.rules.message("save_note", &[]).into());
    el("div", "tg-button-group", pair(secondary_button("Save your answers to a file", None, onclick), note))
}

/// The button's click: opens the device's file picker through a new file input, hidden, beside
/// the button (so it goes when the start page does; Safari opens a picker only for an input in
/// the page). A new one each time, the last one removed: a browser may not open a second picker
/// from an input whose first is not yet closed (Firefox), and the same file chosen again is a
/// new choice. Its `change` bubbles to `open_form`'s listener, `open_chosen`.
fn choose_file(e: MouseEvent) {
    let Some(button) = e.target().map(|b| b.unchecked_into::<web_sys::Element>()) else { return };
    let (Some(group), Some(document)) = (button.parent_element(), button.owner_document()) else { return };
    if let Some(old) = group.query_selector("input").ok().flatten() {
        old.remove();
    }
    let Ok(input) = document.create_element("input") else { return };
    for (name, value) in [("type", "file"), ("accept", ".json,application/json"), ("hidden", "")] {
        input.set_attribute(name, value).ok();
    }
    group.append_child(&input).ok();
    input.unchecked_into::<web_sys::HtmlElement>().click();
}

/// A file chosen in the picker: refused unread if it is over 1 MB, otherwise read here and
/// opened through `Action::Open`. A picker closed without a choice does nothing.
fn open_chosen(e: Event, dispatch: UseReducerDispatcher<crate::journey::Journey>) {
    // The only element under `[data-open]` that sends `change` is the file input.
    let Some(input) = e.target().map(|t| t.unchecked_into::<web_sys::HtmlInputElement>()) else { return };
    match input.files().and_then(|f| f.get(0)) {
        None => {}
        Some(f) if f.size() > f64::from(saved::MAX_BYTES) => dispatch.dispatch(Action::Open(Err(OpenError::TooBig))),
        Some(f) => settled(f.text(), Box::new(move |t| dispatch.dispatch(Action::Open(t.and_then(|t| t.as_string()).ok_or(OpenError::NotCase))))),
    }
}

/// The start page's Open a saved case: one button that opens the device's file picker (the
/// file is read on this device), with the GOV.UK error state when the file cannot be opened.
/// A button rather than a visible file input: one step instead of two (choose, then open),
/// and no file input built with the first screen (a browser draws its own button and text
/// for one: about 6 ms of the start page at 4x CPU throttle).
#[inline(never)]
pub fn open_form(ctx: &Ctx) -> Html {
    let id = ctx.id(&format!("q-{}", saved::FIELD));
    let error_id = format!("{id}-error");
    let error = ctx.journey.errors.iter().find(|e| e.question == saved::FIELD).map(|e| e.message.clone());
    let d = ctx.dispatch.clone();
    let onchange = Callback::from(move |e: Event| open_chosen(e, d.clone()));
    // The input's `change` bubbles to this element's listener.
    html! {
        <div data-open="" {onchange}>
            { prose(&ctx.journey.rules.message("open_intro", &[])) }
            { form_group(error.is_some(), None, saved::FIELD.into(), html! {
                <>
                    { for error.as_deref().map(|e| error_message(Some(error_id.clone()), e)) }
                    <button type="button" class="tg-button tg-button--secondary" id={id} aria-describedby={error.is_some().then_some(error_id)} onclick={choose_file}>
                        { "Choose a saved case file" }
                    </button>
                </>
            }) }
        </div>
    }
}

/// On Check your answers after opening a case: the other rules it was saved with, and what it
/// held that these rules do not have (`Opened::notice`).
#[inline(never)]
pub fn left_out(ctx: &Ctx) -> Html {
    let notice = &ctx.journey.opened;
    if notice.is_empty() {
        return html! {};
    }
    el("div", "tg-warning-text", warning_inner(prose(notice)))
}
