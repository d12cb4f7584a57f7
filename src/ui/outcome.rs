//! The outcome: suggested category and definition, why, what to do now (urgent first, the
//! right number for the current London time), what to attach, consent, and the
//! professional's own judgement kept beside the suggestion.

use super::contact::contact_details;
use super::ctx::{now, Ctx};
use super::govuk::{details_small, el, guidance_says, radio_item, warning_inner};
use crate::engine::assess::{ActionOut, GuidanceOut, Outcome, Reason};
use crate::journey::Action;

use yew::prelude::*;

/// The tag shown wherever the tool, not the guidance, is speaking.
fn interpretation_tag() -> Html {
    html! { { el("strong", "tg-tag tg-tag--interpretation", "The tool's interpretation".into()) } }
}

/// The reasons behind the category, each with its interpretation tag where the tool read it in.
fn reason_list(reasons: &[&Reason]) -> Html {
    html! {
        <ul class="tg-list tg-list--bullet">
            { for reasons.iter().map(|r| html! {
                <li key={r.id}>{ r.text }
                    if let Some(i) = r.interpretation { <div class="tg-note">{ interpretation_tag() }{ " " }{ i }</div> }
                </li>
            }) }
        </ul>
    }
}

fn action_item(rules: &crate::engine::RuleSet, a: &ActionOut) -> Html {
    html! {
        <li key={a.id} data-action-id={a.id.to_string()}>
            { a.text }
            if let Some(c) = a.contact { <br />{ el("span", "tg-contact-line", Html::from(contact_details(rules, c))) } }
            if let Some(i) = a.interpretation { <div class="tg-note">{ interpretation_tag() }{ " " }{ i }</div> }
            if let Some(q) = a.quote { { guidance_says(q, None) } }
        </li>
    }
}

#[inline(never)]
pub fn outcome_view(ctx: &Ctx) -> Html {
    let j = &ctx.journey;
    let rules = &j.rules;
    let out: Outcome = match rules.assess(&j.case(), now()) {
        Ok(o) => o,
        // The journey only stores known ids and valid answers, so this is a bug: say so plainly.
        Err(_) => return html! { { el("p", "tg-error-message", Html::from(rules.message("could_not_assess", &[]))) } },
    };

    // Indicators that decided it, grouped by domain; overrides and pathways first.
    let mut by_domain: Vec<Vec<&Reason>> = vec![Vec::new(); rules.domains.len()];
    let mut rules_reasons = Vec::new();
    for r in &out.because {
        match r.domain.and_then(|d| rules.domains.iter().position(|x| x.name == d)) {
            Some(d) => by_domain[d].push(r),
            None => rules_reasons.push(r),
        }
    }

    html! {
        <>
            if !out.urgent.is_empty() {
                <div class="tg-warning-text tg-warning-text--urgent">
                    { warning_inner(html! {
                        <>
                            { el("h2", "tg-heading-m", "Do this now".into()) }
                            <ol class="tg-list tg-list--number" data-list="urgent">
                                { for out.urgent.iter().map(|a| action_item(rules, a)) }
                            </ol>
                        </>
                    }) }
                </div>
            }
            <div class="tg-contact-now" data-contact={out.contact.id.to_string()} data-mash-open={if out.contact.mash_open { "true" } else { "false" }}>
                if out.contact.urgent || out.contact.mash_open {
                    <p class="tg-body">
                        <strong>{ if out.contact.urgent { "Who to phone now: " } else { "If you want advice now: " } }</strong>
                        { format!("{}, {}", out.contact.name, out.contact.phone) }
                    </p>
                } else {
                    <p class="tg-body"><strong>{ "The MASH is closed now" }</strong>{ format!(": it opens again on {}.", out.contact.next_open.as_deref().unwrap_or_default()) }</p>
                }
                <p class="tg-body">{ &out.contact.why }{ " If a child is in immediate danger, call 999." }</p>
            </div>

            <div class="tg-panel" data-category={out.category.id.to_string()}>
                { el("p", "tg-panel__caption", "Suggested category".into()) }
                { el("p", "tg-panel__title", Html::from(out.category.name)) }
            </div>
            { el("p", "tg-body", Html::from(rules.message("suggestion_note", &[]))) }
            { el("h2", "tg-heading-m", "What the guidance says about this category".into()) }
            { el("p", "tg-body tg-pre-line", Html::from(out.category.definition)) }

            { el("h2", "tg-heading-m", "Why".into()) }
            if out.because.is_empty() {
                { el("p", "tg-body", "Nothing you entered points above this category.".into()) }
            }
            if !rules_reasons.is_empty() { { reason_list(&rules_reasons) } }
            { for by_domain.iter().enumerate().filter(|(_, reasons)| !reasons.is_empty()).map(|(d, reasons)| html! {
                <div key={d}>
                    { el("h3", "tg-heading-s", Html::from(&rules.domains[d].name)) }
                    { reason_list(reasons) }
                </div>
            }) }
            { for out.interpretation.iter().map(|n| html! {
                <div class="tg-inset-text" key={n.id} data-note={n.id.to_string()}>
                    { interpretation_tag() }
                    { el("p", "tg-body", Html::from(n.text)) }
                    { details_small("Why the tool says this", html! { n.basis.as_ref() }) }
                </div>
            }) }

            if !out.actions.is_empty() {
                { el("h2", "tg-heading-m", "What to do next".into()) }
                <ol class="tg-list tg-list--number" data-list="actions">
                    { for out.actions.iter().map(|a| action_item(rules, a)) }
                </ol>
            }
            if !out.attach.is_empty() {
                { el("h2", "tg-heading-m", "What to attach".into()) }
                <ul class="tg-list tg-list--bullet">{ for out.attach.iter().map(|a| html! { <li key={*a}>{ *a }</li> }) }</ul>
            }
            if !out.pathways.is_empty() {
                { el("h2", "tg-heading-m", "Specific risks".into()) }
                <ul class="tg-list tg-list--bullet">
                    { for out.pathways.iter().map(|x| html! { <li key={x.id}><strong>{ x.name }</strong>{ ": " }{ x.quote }</li> }) }
                </ul>
            }

            { el("h2", "tg-heading-m", "Consent".into()) }
            if let Some(e) = &out.consent.exception {
                <p class="tg-body">{ "You are relying on this exception: " }<q>{ e.text }</q></p>
            }
            if !out.consent.suggested_exceptions.is_empty() {
                { el("p", "tg-body", Html::from(rules.message("exceptions_intro", &[]))) }
                <ul class="tg-list tg-list--bullet">{ for out.consent.suggested_exceptions.iter().map(|e| html! { <li key={e.id}>{ e.text }</li> }) }</ul>
            }
            // Whose consent to seek, and when, is said by the consent rules below, in the
            // situation each is for (consent.toml), not by fixed lines here.
            { for out.consent.warnings.iter().map(|w| html! {
                <div class="tg-warning-text" key={w.id} data-consent-warning={w.id.to_string()}>
                    { warning_inner(html! {
                        <>
                            { w.text }
                            if !w.basis.is_empty() { { el("p", "tg-quote-inline", Html::from(w.basis.as_ref())) } }
                        </>
                    }) }
                </div>
            }) }
            { for out.warnings.iter().map(|w| html! { { el("div", "tg-warning-text", Html::from(warning_inner(html! { w }))) } }) }

            { for out.guidance.iter().map(guidance_section) }

            { judgement(ctx, &out) }
        </>
    }
}

/// What the document says about what happens around a referral: our summary, then its own
/// words with the section they come from.
pub fn guidance_section(g: &GuidanceOut) -> Html {
    html! {
        <section key={g.id} data-guidance={g.id.to_string()}>
            { el("h2", "tg-heading-m", Html::from(g.title)) }
            if let Some(a) = g.advice { { el("p", "tg-body", Html::from(a)) } }
            { details_small("What the guidance says", html! {
                <>
                    <ul class="tg-list tg-list--bullet">{ for g.points.iter().map(|p| html! { <li>{ p.as_str() }</li> }) }</ul>
                    <p class="tg-source">{ "Source: " }{ g.source }{ g.source_file.map(|f| format!(" ({f})")).unwrap_or_default() }</p>
                </>
            }) }
        </section>
    }
}

/// The professional's own judgement: a required choice with nothing chosen for them (agree
/// with the suggestion, or another category), and their reason, required when it differs.
/// Errors come from `Journey::missing`, shown once they have tried to continue.
fn judgement(ctx: &Ctx, out: &Outcome) -> Html {
    let j = &ctx.journey;
    let judgement_id = ctx.id("judgement");
    let reason_id = ctx.id("judgement-reason");
    let error = |q: &str| j.errors.iter().find(|e| e.question == q).map(|e| e.message.clone());
    let (choice_error, reason_error) = (error("judgement"), error("judgement-reason"));
    let message =
        |e: &Option<String>| html! { if let Some(e) = e { <p class="tg-error-message">{ el("span", "tg-visually-hidden", "Error: ".into()) }{ e }</p> } };
    let radios = html! {
        <fieldset class="tg-fieldset">
            <legend class="tg-fieldset__legend tg-fieldset__legend--m">{ "Your professional judgement" }</legend>
            { el("div", "tg-hint", Html::from(j.rules.message("judgement_hint", &[]))) }
            { message(&choice_error) }
            <div class="tg-radios">
                { judgement_radio(ctx, &judgement_id, "agree", out.category.id, format!("I agree with the suggestion ({})", out.category.name)) }
                { for j.rules.categories.iter().filter(|c| c.id.as_str() != out.category.id).map(|c| judgement_radio(ctx, &judgement_id, c.id.as_str(), c.id.as_str(), c.name.clone())) }
            </div>
        </fieldset>
    };
    let reason = html! {
        <>
            <label class="tg-label tg-label--s" for={reason_id.clone()}>{ "Your reason" }</label>
            { el("div", "tg-hint", Html::from(j.rules.message("judgement_reason_hint", &[]))) }
            { message(&reason_error) }
            <textarea class="tg-textarea" id={reason_id} rows="3" value={j.judgement_reason.clone()}
                oninput={ctx.on_input(|value, _| Action::SetJudgementReason(value), String::new())} />
        </>
    };
    html! {
        <>
            { group(choice_error.is_some(), ctx.id("q-judgement"), radios) }
            if j.judgement.is_some() { { group(reason_error.is_some(), ctx.id("q-judgement-reason"), reason) } }
        </>
    }
}

/// One choice of the judgement: `key` names its input, `category` is what it chooses.
#[inline(never)]
fn judgement_radio(ctx: &Ctx, name: &str, key: &str, category: &str, label: String) -> Html {
    let checked = ctx.journey.judgement.as_deref() == Some(category);
    let onchange = ctx.on_change(Action::SetJudgement(Some(category.to_string())));
    radio_item(format!("{name}-{key}"), name.to_string(), None, checked, onchange, label)
}

/// A form group, edged in red when it has an error. Literal class lists (no computed
/// classes): see `question::form_group`.
#[inline(never)]
fn group(error: bool, id: String, content: Html) -> Html {
    if error {
        html! { <div class="tg-form-group tg-form-group--error" {id}>{ content }</div> }
    } else {
        html! { <div class="tg-form-group" {id}>{ content }</div> }
    }
}
