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
            if let Some(address) = &c.address { { ". " }{ address } }
        </span>
    }
}
