//! How a contact from the rule set is shown: name, phone (as a tel: link), email, how.

use super::govuk::el;
use crate::engine::RuleSet;
use yew::prelude::*;

pub fn contact_details(rules: &RuleSet, id: &str) -> Html {
    let Some(c) = rules.contact(id) else { return html! {} };
    el(
        "span",
        "tg-contact",
        html! { <>
            { el("strong", "", Html::from(&c.name)) }
            if let Some(phone) = &c.phone {
                { ": " }{ link(format!("tel:{}", phone.chars().filter(|&c| c != ' ').collect::<String>()), phone) }
            }
            if let Some(email) = &c.email {
                { ", " }{ link(format!("mailto:{email}"), email) }
            }
            if let Some(how) = &c.how { { ". " }{ how } }
            // A `how` that ends a sentence already has its full stop.
            if let Some(address) = &c.address { { if c.how.as_ref().is_some_and(|h| h.ends_with('.')) { " " } else { ". " } }{ address } }
        </> },
    )
}

#[inline(never)]
fn link(href: String, text: &str) -> Html {
    html! { <a class="tg-link" {href}>{ text }</a> }
}
