//! The pages that are not questions: Start, and the two exit-style pages.
//! (View functions, not components: they have no state of their own, and each component
//! type adds its own copy of Yew's lifecycle code to the download.)

use super::contact::contact_details;
use super::ctx::{now, Ctx};
use super::govuk::{el, el_attr, pair, prose};
use crate::embed::Audience;
use yew::prelude::*;

/// The start page after its introduction: the note for this audience, the host's own
/// contact line, then what the guide is not and what not to enter (`start_notes`).
#[inline(never)]
pub fn start_page(ctx: &Ctx) -> Html {
    let rules = &ctx.journey.rules;
    let audience = match ctx.options.audience {
        Audience::School => "audience_school",
        Audience::Gp => "audience_gp",
        Audience::Voluntary => "audience_voluntary",
        Audience::Public => "audience_public",
    };
    html! {
        <>
            { el_attr("div", &["class", "data-audience-note"], "tg-inset-text", Some(String::new()), None, rules.message(audience, &[]).into()) }
            if let Some(line) = &ctx.options.contact_line {
                { el_attr("p", &["class", "data-host-contact-line"], "tg-body tg-contact-line-host", Some(String::new()), None, line.clone().into()) }
            }
            { prose(&rules.message("start_notes", &[])) }
        </>
    }
}

#[inline(never)]
pub fn danger_exit(ctx: &Ctx) -> Html {
    let rules = &ctx.journey.rules;
    let (contact, _) = rules.contact_now(now(), true);
    html! {
        <>
            { el_attr("div", &["class", "role"], "tg-panel tg-panel--urgent", Some("alert".into()), None, html! { <>
                { el("p", "tg-panel__title", "Call the police on 999 now".into()) }
                { el("p", "tg-panel__body", Html::from(rules.message("danger_body", &[]))) }
            </> }) }
            { el("h2", "tg-heading-m", "Then".into()) }
            { el("ol", "tg-list tg-list--number", html! { <>
                { el("li", "", html! { <>
                    { "Phone " }{ contact_details(rules, contact.id) }{ " " }
                    { el("span", "tg-now", Html::from(&contact.why)) }
                </> }) }
                { el("li", "", rules.message("danger_follow_up", &[]).into()) }
            </> }) }
            { el("p", "tg-body", Html::from(rules.message("danger_after", &[]))) }
        </>
    }
}

#[inline(never)]
pub fn open_case_exit(ctx: &Ctx) -> Html {
    let rules = &ctx.journey.rules;
    html! {
        <>
            { el("div", "tg-inset-text", Html::from(rules.message("open_case_intro", &[]))) }
            { el("p", "tg-body", Html::from(contact_details(rules, "allocated_worker"))) }
            { el("p", "tg-body", pair("If you don't know who the social worker is: ".into(), contact_details(rules, "mash").into())) }
            { el("p", "tg-body", Html::from(rules.message("open_case_after", &[]))) }
        </>
    }
}
