//! How a contact from the rule set is shown: name, phone (as a tel: link), email, how.

use crate::engine::RuleSet;
use yew::prelude::*;

pub fn contact_details(rules: &RuleSet, id: &str) -> Html {
    let Some(c) = rules.contact(id) else { return html! {} };
    html! {
        <span class="tg-contact">
            <strong>{ &c.name }</strong>
            if let Some(phone) = &c.phone {
                { ": " }<a class="tg-link" href={format!("tel:{}", phone.chars().filter(|&c| c != ' ').collect::<String>())}>{ phone }</a>
            }
            if let Some(email) = &c.email {
                { ", " }<a class="tg-link" href={format!("mailto:{email}")}>{ email }</a>
            }
            if let Some(how) = &c.how { { ". " }{ how } }
            // A `how` that ends a sentence already has its full stop.
            if let Some(address) = &c.address { { if c.how.as_ref().is_some_and(|h| h.ends_with('.')) { " " } else { ". " } }{ address } }
        </span>
    }
}
