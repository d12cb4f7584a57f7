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
            { el_attr("span", &["class", "aria-hidden"], "tg-warning-text__icon", Some("true".into()), None, "!".into()) }
            { el("div", "tg-warning-text__text", pair(el("span", "tg-visually-hidden", "Warning".into()), text)) }
        </>
    }
}

/// A small details disclosure: `summary` opens `text`.
#[inline(never)]
pub fn details_small(summary: &'static str, text: Html) -> Html {
    el("details", "tg-details tg-details--small", pair(el("summary", "tg-details__summary", summary.into()), el("div", "tg-details__text", text)))
}

/// The guidance's own words behind something, on request.
pub fn guidance_says(quote: &str, source: Option<&str>) -> Html {
    details_small(
        "What the guidance says",
        html! {
            <>
                { el("blockquote", "tg-quote", quote.into()) }
                if let Some(s) = source { { el("p", "tg-source", Html::from(format!("Source: {s}"))) } }
            </>
        },
    )
}

/// One radio button with its label; `id` is also its key.
#[inline(never)]
pub fn radio_item(id: String, name: String, value: Option<String>, checked: bool, onchange: Callback<Event>, label: String) -> Html {
    el_id(
        "div",
        "tg-radios__item",
        None,
        Some(id.clone()),
        html! {
            <>
                <input class="tg-radios__input" type="radio" id={id.clone()} {name} {value} {checked} {onchange} />
                <label class="tg-label tg-radios__label" for={id}>{ label }</label>
            </>
        },
    )
}

/// A secondary button; `described` is the id of what it acts on (`aria-describedby`).
pub fn secondary_button(label: &'static str, described: Option<String>, onclick: Callback<MouseEvent>) -> Html {
    button(&["type", "class", "aria-describedby"], "tg-button tg-button--secondary", described, onclick, label.into())
}

/// A `type="button"` button with a literal class list and one more attribute: `names` is
/// `["type", "class", name]`, `value` its value (none when `None`). (The form `html!` gives it;
/// each `html!` button is its own code in the download.)
#[inline(never)]
pub fn button(names: &'static [&'static str; 3], class: &'static str, value: Option<String>, onclick: Callback<MouseEvent>, children: Html) -> Html {
    use yew::virtual_dom::{AttrValue, AttributeOrProperty, Attributes, Listeners, VTag};
    let values = Box::new([
        Some(AttributeOrProperty::Static("button")),
        Some(AttributeOrProperty::Static(class)),
        value.map(|v| AttributeOrProperty::Attribute(v.into())),
    ]);
    let listeners = Listeners::Pending(Box::new([yew::html::onclick::Wrapper::__macro_new(onclick)]));
    VTag::__new_other(AttrValue::Static("button"), NodeRef::default(), None, Attributes::Dynamic { keys: names, values }, listeners, children).into()
}

/// A button that looks like a link ("Change", "Remove"); `hidden` says what it acts on to
/// screen readers.
#[inline(never)]
pub fn link_button(label: &'static str, hidden: String, onclick: Callback<MouseEvent>) -> Html {
    button(&["type", "class", ""], "tg-link-button", None, onclick, pair(label.into(), el("span", "tg-visually-hidden", Html::from(hidden))))
}

/// A field's label (`for_id` is the field's id).
#[inline(never)]
pub fn label(for_id: String, text: Html) -> Html {
    html! { <label class="tg-label tg-label--s" for={for_id}>{ text }</label> }
}

/// A field's hint; `id` is what the field's `aria-describedby` names.
pub fn hint(id: String, text: Html) -> Html {
    el_id("div", "tg-hint", Some(id), None, text)
}

/// A status line: a change to `text` is announced politely, without moving focus.
#[inline(never)]
pub fn status(text: String) -> Html {
    html! { <div class="tg-status" role="status" aria-live="polite" aria-atomic="true">{ text }</div> }
}

/// Two nodes side by side: what `html! { <>{ a }{ b }</> }` makes, written once.
#[inline(never)]
pub fn pair(a: Html, b: Html) -> Html {
    yew::virtual_dom::VList::with_children(vec![a, b], None).into()
}

/// [`pair`] with `between` (" ", ": ") between the two.
#[inline(never)]
pub fn joined(a: Html, between: &'static str, b: Html) -> Html {
    yew::virtual_dom::VList::with_children(vec![a, between.into(), b], None).into()
}

/// An element with a literal class list (none when empty) around `children`. Each `html!`
/// element is its own code in the download; a call to this is a few bytes.
#[inline(never)]
pub fn el(tag: &'static str, class: &'static str, children: Html) -> Html {
    use yew::virtual_dom::{AttrValue, AttributeOrProperty, Attributes, Listeners, VTag};
    // The same attribute form `html!` gives a computed value (no `Classes` set, no map).
    let attributes = Attributes::Dynamic { keys: &["class"], values: Box::new([(!class.is_empty()).then_some(AttributeOrProperty::Static(class))]) };
    VTag::__new_other(AttrValue::Static(tag), NodeRef::default(), None, attributes, Listeners::None, children).into()
}

/// [`el`] with an id (none when `None`) and a key (none when `None`). The class is still a literal, chosen by
/// the caller (`if error { "a b" } else { "a" }`), so no `Classes` set.
pub fn el_id(tag: &'static str, class: &'static str, id: Option<String>, key: Option<String>, children: Html) -> Html {
    el_attr(tag, &["class", "id"], class, id, key, children)
}

/// [`el`] with one more attribute: `names` is `["class", name]`, `value` its value (none when
/// `None`), and a key (none when `None`).
#[inline(never)]
pub fn el_attr(tag: &'static str, names: &'static [&'static str; 2], class: &'static str, value: Option<String>, key: Option<String>, children: Html) -> Html {
    use yew::virtual_dom::{AttrValue, AttributeOrProperty, Attributes, Key, Listeners, VTag};
    let values = Box::new([(!class.is_empty()).then_some(AttributeOrProperty::Static(class)), value.map(|i| AttributeOrProperty::Attribute(i.into()))]);
    let attributes = Attributes::Dynamic { keys: names, values };
    VTag::__new_other(AttrValue::Static(tag), NodeRef::default(), key.map(Key::from), attributes, Listeners::None, children).into()
}

/// Page text from the rule set (a `[[message]]` in guidance.toml, already filled in), so the
/// partnership's editors can reach it and the widget's code does not carry it. One line is
/// one block: "- " starts a bulleted list item (consecutive items form one list), "## " a
/// heading, "> " an inset text, "! " a warning text; any other line is a paragraph; blank
/// lines only separate. Rendered as text nodes, never as HTML.
#[inline(never)]
pub fn prose(text: &str) -> Html {
    let mut blocks: Vec<Html> = Vec::new();
    let mut items: Vec<Html> = Vec::new();
    for line in text.split('\n').chain([""]) {
        let line = line.trim();
        if let Some(item) = line.strip_prefix("- ") {
            items.push(el("li", "", item.to_string().into()));
            continue;
        }
        if !items.is_empty() {
            blocks.push(el("ul", "tg-list tg-list--bullet", std::mem::take(&mut items).into_iter().collect()));
        }
        if line.is_empty() {
            continue;
        }
        let rest = || line.get(2..).unwrap_or_default().trim_start().to_string().into();
        blocks.push(match line.get(..2).unwrap_or_default() {
            "##" => el("h2", "tg-heading-m", rest()),
            "> " => el("div", "tg-inset-text", rest()),
            "! " => el("div", "tg-warning-text", warning_inner(rest())),
            _ => el("p", "tg-body", line.to_string().into()),
        });
    }
    blocks.into_iter().collect()
}
