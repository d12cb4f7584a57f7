//! GOV.UK Design System parts that several screens use, each written once: the inside of a
//! warning text, a details disclosure and a radio item. (Each copy of the same markup in
//! `html!` is its own code in the download, so shared markup is a function that is not
//! inlined.) Class lists stay literal: see `question::form_group`.

use yew::prelude::*;

/// The inside of a warning text: the "!" icon, then the text, introduced as "Warning" to
/// screen readers. The caller's `<div class="tg-warning-text …">` holds it.
#[inline(never)]
pub fn warning_inner(text: Html) -> Html {
    html! {
        <>
            <span class="tg-warning-text__icon" aria-hidden="true">{ "!" }</span>
            <div class="tg-warning-text__text"><span class="tg-visually-hidden">{ "Warning" }</span>{ text }</div>
        </>
    }
}

/// A small details disclosure: `summary` opens `text`.
#[inline(never)]
pub fn details_small(summary: &'static str, text: Html) -> Html {
    html! {
        <details class="tg-details tg-details--small">
            <summary class="tg-details__summary">{ summary }</summary>
            <div class="tg-details__text">{ text }</div>
        </details>
    }
}

/// The guidance's own words behind something, on request.
pub fn guidance_says(quote: &str, source: Option<&str>) -> Html {
    details_small(
        "What the guidance says",
        html! {
            <>
                <blockquote class="tg-quote">{ quote }</blockquote>
                if let Some(s) = source { <p class="tg-source">{ format!("Source: {s}") }</p> }
            </>
        },
    )
}

/// One radio button with its label; `id` is also its key.
#[inline(never)]
pub fn radio_item(id: String, name: String, value: Option<String>, checked: bool, onchange: Callback<Event>, label: String) -> Html {
    html! {
        <div class="tg-radios__item" key={id.clone()}>
            <input class="tg-radios__input" type="radio" id={id.clone()} {name} {value} {checked} {onchange} />
            <label class="tg-label tg-radios__label" for={id}>{ label }</label>
        </div>
    }
}
