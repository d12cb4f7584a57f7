//! Saving a case to a file and opening it again: the Save button every step after the start
//! page has, the start page's Open a saved case (a GOV.UK file upload), and what Check your
//! answers says about a case saved with other rules. The file is written and read by
//! `crate::saved` (pure Rust); here it is only handed to the browser, or read from the
//! chosen file on this device. Nothing is stored or sent.

use super::ctx::{now, Ctx};
use super::govuk::{el, el_attr, label, pair, prose, secondary_button, warning_inner};
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

/// Reads the chosen file (the input beside the button), refusing one over 1 MB unread, and
/// opens it through `Action::Open`.
fn open_chosen(e: MouseEvent, dispatch: UseReducerDispatcher<crate::journey::Journey>) {
    // The target is the button, and the only input in its `[data-open]` is the file input.
    let file = e
        .target()
        .and_then(|b| b.unchecked_into::<web_sys::Element>().closest("[data-open]").ok().flatten())
        .and_then(|w| w.query_selector("input").ok().flatten())
        .and_then(|i| i.unchecked_into::<web_sys::HtmlInputElement>().files())
        .and_then(|f| f.get(0));
    match file {
        None => dispatch.dispatch(Action::Open(Err(OpenError::NoFile))),
        Some(f) if f.size() > f64::from(saved::MAX_BYTES) => dispatch.dispatch(Action::Open(Err(OpenError::TooBig))),
        Some(f) => settled(f.text(), Box::new(move |t| dispatch.dispatch(Action::Open(t.and_then(|t| t.as_string()).ok_or(OpenError::NotCase))))),
    }
}

/// The start page's Open a saved case: a file upload (JSON only) and its button, with the
/// GOV.UK error state when the file cannot be opened.
#[inline(never)]
pub fn open_form(ctx: &Ctx) -> Html {
    let id = ctx.id(&format!("q-{}", saved::FIELD));
    let error_id = format!("{id}-error");
    let error = ctx.journey.errors.iter().find(|e| e.question == saved::FIELD).map(|e| e.message.clone());
    let d = ctx.dispatch.clone();
    let onclick = Callback::from(move |e: MouseEvent| open_chosen(e, d.clone()));
    let content = html! {
        <>
            { prose(&ctx.journey.rules.message("open_intro", &[])) }
            { form_group(error.is_some(), None, saved::FIELD.into(), html! {
                <>
                    { label(id.clone(), "Saved case (a .json file)".into()) }
                    { for error.as_deref().map(|e| error_message(Some(error_id.clone()), e)) }
                    <input class="tg-file-upload" type="file" id={id} accept=".json,application/json" aria-describedby={error.is_some().then_some(error_id)} />
                </>
            }) }
            { secondary_button("Open saved case", None, onclick) }
        </>
    };
    el_attr("div", &["class", "data-open"], "", Some(String::new()), None, content)
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
