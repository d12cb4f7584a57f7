//! The pages that are not questions: Start, and the two exit-style pages.
//! (View functions, not components: they have no state of their own, and each component
//! type adds its own copy of Yew's lifecycle code to the download.)

use super::app::{now, Ctx};
use super::contact::contact_details;
use super::govuk::warning_inner;
use crate::embed::Audience;
use yew::prelude::*;

#[inline(never)]
pub fn start_page(ctx: &Ctx) -> Html {
    let rules = &ctx.journey.rules;
    html! {
        <>
            <p class="tg-body">{ "Use this guide when you are worried about a child in Luton. It walks you through Luton's threshold guidance, " }<em>{ &rules.meta.title }</em>{ ", and helps you:" }</p>
            <ul class="tg-list tg-list--bullet">
                <li>{ "decide which category of need and help fits what you have seen" }</li>
                <li>{ "see what to do now, who to contact and what to attach" }</li>
                <li>{ "prepare the information the MASH referral form asks for" }</li>
            </ul>
            <p class="tg-body">{ "It takes about 10 to 15 minutes." }</p>
            { audience_note(ctx.options.audience) }
            if let Some(line) = &ctx.options.contact_line {
                <p class="tg-body tg-contact-line-host" data-host-contact-line="">{ line }</p>
            }
            <div class="tg-inset-text">
                { "The guide supports your professional judgement and your conversations with your safeguarding lead and the MASH. It never replaces them. The guidance's criteria are \"neither exhaustive nor weighted\"." }
            </div>
            <div class="tg-warning-text">
                { warning_inner(html! { "Do not enter names, dates of birth, addresses or anything else that identifies the child or family. Nothing you enter is saved or sent anywhere: it is lost when you close the page." }) }
            </div>
            <p class="tg-body">{ "If a child is in immediate danger, call 999 now." }</p>
        </>
    }
}

/// Wording and emphasis per audience. The rules are the same for everyone.
fn audience_note(audience: Audience) -> Html {
    let text = match audience {
        Audience::School => "For schools: follow Keeping Children Safe in Education 2025 and talk to your Designated Safeguarding Lead. For a child missing education, schools refer to the Children Missing Education Officer through the CME Portal.",
        Audience::Gp => "For GPs and health staff: if a girl tells you she has had FGM, or you see a physical sign that she has, you must report it to the police yourself (the mandatory reporting duty). Suspected fabricated or induced illness is one of the situations where you do not need consent before you refer.",
        Audience::Voluntary => "Talk to your organisation's safeguarding lead before you make a referral, and whenever you are not sure what to do.",
        Audience::Public => "This guide is for people who work with children. If you are worried about a child, you can also phone the Luton MASH for advice on 01582 547653.",
    };
    html! { <div class="tg-inset-text" data-audience-note="">{ text }</div> }
}

#[inline(never)]
pub fn danger_exit(ctx: &Ctx) -> Html {
    let rules = &ctx.journey.rules;
    let (contact, _) = rules.contact_now(now(), true);
    html! {
        <>
            <div class="tg-panel tg-panel--urgent" role="alert">
                <p class="tg-panel__title">{ "Call the police on 999 now" }</p>
                <p class="tg-panel__body">{ "A child in immediate danger needs the police. Do not wait to finish this guide." }</p>
            </div>
            <h2 class="tg-heading-m">{ "Then" }</h2>
            <ol class="tg-list tg-list--number">
                <li>
                    { "Phone " }{ contact_details(rules, contact.id) }{ " " }
                    <span class="tg-now">{ &contact.why }</span>
                </li>
                <li>{ "Confirm your referral in writing within 24 hours." }</li>
            </ol>
            <p class="tg-body">{ "Once the child is safe, you can carry on to draft the written referral." }</p>
        </>
    }
}

#[inline(never)]
pub fn open_case_exit(ctx: &Ctx) -> Html {
    let rules = &ctx.journey.rules;
    html! {
        <>
            <div class="tg-inset-text">
                { "New information or concerns about a child who is already open to children's social care go to their allocated social worker, not through a new referral." }
            </div>
            <p class="tg-body">{ contact_details(rules, "allocated_worker") }</p>
            <p class="tg-body">{ "If you don't know who the social worker is: " }{ contact_details(rules, "mash") }</p>
            <p class="tg-body">{ "You can carry on to prepare what you will tell them." }</p>
        </>
    }
}
