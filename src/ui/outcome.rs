//! The outcome: suggested category and definition, why, what to do now (urgent first, the
//! right number for the current London time), what to attach, consent, and the
//! professional's own judgement kept beside the suggestion.

use super::contact::contact_details;
use super::ctx::{now, Ctx};
use super::govuk::{details_small, el, el_attr, el_id, guidance_says, joined, label, pair, radio_item, warning_inner};
use super::question::error_message;
use crate::engine::assess::{ActionOut, GuidanceOut, Outcome, Reason};
use crate::journey::Action;

use yew::prelude::*;

/// The tag shown wherever the tool, not the guidance, is speaking.
fn interpretation_tag() -> Html {
    html! { { el("strong", "tg-tag tg-tag--interpretation", "The tool's interpretation".into()) } }
}

/// The tool's note on a reason or an action, when it read the guidance in.
#[inline(never)]
fn note(interpretation: Option<&str>) -> Html {
    match interpretation {
        Some(i) => el("div", "tg-note", joined(interpretation_tag(), " ", i.into())),
        None => html! {},
    }
}

/// The reasons behind the category, each with its interpretation tag where the tool read it in.
#[inline(never)]
fn reason_list(reasons: &[&Reason]) -> Html {
    bullets(reasons.iter().map(|r| (r.id.to_string(), pair(r.text.into(), note(r.interpretation)))).collect())
}

/// A numbered list of actions; `list` names it (`data-list`).
#[inline(never)]
fn action_list(rules: &crate::engine::RuleSet, list: &'static str, actions: &[ActionOut]) -> Html {
    el_attr("ol", &["class", "data-list"], "tg-list tg-list--number", Some(list.into()), None, actions.iter().map(|a| action_item(rules, a)).collect())
}

fn action_item(rules: &crate::engine::RuleSet, a: &ActionOut) -> Html {
    let content = html! {
        <>
            { a.text.as_str() }
            if let Some(c) = a.contact { <br />{ el("span", "tg-contact-line", Html::from(contact_details(rules, c))) } }
            { note(a.interpretation) }
            if let Some(q) = a.quote { { guidance_says(q, None) } }
        </>
    };
    el_attr("li", &["class", "data-action-id"], "", Some(a.id.to_string()), Some(a.id.to_string()), content)
}

/// A bulleted list, one keyed item each.
#[inline(never)]
fn bullets(items: Vec<(String, Html)>) -> Html {
    el("ul", "tg-list tg-list--bullet", items.into_iter().map(|(key, item)| el_id("li", "", None, Some(key), item)).collect())
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
                { el("div", "tg-warning-text tg-warning-text--urgent", warning_inner(html! {
                    <>
                        { el("h2", "tg-heading-m", "Do this now".into()) }
                        { action_list(rules, "urgent", &out.urgent) }
                    </>
                })) }
            }
            <div class="tg-contact-now" data-contact={out.contact.id.to_string()} data-mash-open={if out.contact.mash_open { "true" } else { "false" }}>
                if out.contact.urgent || out.contact.mash_open {
                    { el("p", "tg-body", html! { <>
                        { el("strong", "", (if out.contact.urgent { "Who to phone now: " } else { "If you want advice now: " }).into()) }
                        { format!("{}, {}", out.contact.name, out.contact.phone) }
                    </> }) }
                } else {
                    { el("p", "tg-body", pair(el("strong", "", "The MASH is closed now".into()), format!(": it opens again on {}.", out.contact.next_open.as_deref().unwrap_or_default()).into())) }
                }
                { el("p", "tg-body", pair(out.contact.why.clone().into(), " If a child is in immediate danger, call 999.".into())) }
            </div>

            { el_attr("div", &["class", "data-category"], "tg-panel", Some(out.category.id.to_string()), None, html! { <>
                { el("p", "tg-panel__caption", "Suggested category".into()) }
                { el("p", "tg-panel__title", Html::from(out.category.name)) }
            </> }) }
            { el("p", "tg-body", Html::from(rules.message("suggestion_note", &[]))) }
            { el("h2", "tg-heading-m", "What the guidance says about this category".into()) }
            { el("p", "tg-body tg-pre-line", Html::from(out.category.definition)) }

            { el("h2", "tg-heading-m", "Why".into()) }
            if out.because.is_empty() {
                { el("p", "tg-body", "Nothing you entered points above this category.".into()) }
            }
            if !rules_reasons.is_empty() { { reason_list(&rules_reasons) } }
            { for by_domain.iter().enumerate().filter(|(_, reasons)| !reasons.is_empty()).map(|(d, reasons)| el_id("div", "", None, Some(d.to_string()), html! { <>
                    { el("h3", "tg-heading-s", Html::from(&rules.domains[d].name)) }
                    { reason_list(reasons) }
            </> })) }
            { for out.interpretation.iter().map(|n| el_attr("div", &["class", "data-note"], "tg-inset-text", Some(n.id.to_string()), Some(n.id.to_string()), html! { <>
                    { interpretation_tag() }
                    { el("p", "tg-body", Html::from(n.text)) }
                    { details_small("Why the tool says this", html! { n.basis.as_ref() }) }
            </> })) }

            if !out.actions.is_empty() {
                { el("h2", "tg-heading-m", "What to do next".into()) }
                { action_list(rules, "actions", &out.actions) }
            }
            if !out.attach.is_empty() {
                { el("h2", "tg-heading-m", "What to attach".into()) }
                { bullets(out.attach.iter().map(|a| (a.to_string(), Html::from(*a))).collect()) }
            }
            if !out.pathways.is_empty() {
                { el("h2", "tg-heading-m", "Specific risks".into()) }
                { bullets(out.pathways.iter().map(|x| (x.id.to_string(), joined(el("strong", "", x.name.into()), ": ", x.quote.into()))).collect()) }
            }

            { el("h2", "tg-heading-m", "Consent".into()) }
            if let Some(e) = &out.consent.exception {
                { el("p", "tg-body", pair("You are relying on this exception: ".into(), el("q", "", e.text.into()))) }
            }
            if !out.consent.suggested_exceptions.is_empty() {
                { el("p", "tg-body", Html::from(rules.message("exceptions_intro", &[]))) }
                { bullets(out.consent.suggested_exceptions.iter().map(|e| (e.id.to_string(), Html::from(e.text))).collect()) }
            }
            // Whose consent to seek, and when, is said by the consent rules below, in the
            // situation each is for (consent.toml), not by fixed lines here.
            { for out.consent.warnings.iter().map(|w| el_attr("div", &["class", "data-consent-warning"], "tg-warning-text", Some(w.id.to_string()), Some(w.id.to_string()), warning_inner(html! {
                <>
                    { w.text }
                    if !w.basis.is_empty() { { el("p", "tg-quote-inline", Html::from(w.basis.as_ref())) } }
                </>
            }))) }
            { for out.warnings.iter().map(|w| html! { { el("div", "tg-warning-text", Html::from(warning_inner(html! { w }))) } }) }

            { for out.guidance.iter().map(guidance_section) }

            { judgement(ctx, &out) }
        </>
    }
}

/// What the document says about what happens around a referral: our summary, then its own
/// words with the section they come from.
pub fn guidance_section(g: &GuidanceOut) -> Html {
    let content = html! {
        <>
            { el("h2", "tg-heading-m", Html::from(g.title)) }
            if let Some(a) = g.advice { { el("p", "tg-body", Html::from(a)) } }
            { details_small("What the guidance says", html! {
                <>
                    { el("ul", "tg-list tg-list--bullet", g.points.iter().map(|p| el("li", "", p.as_str().to_string().into())).collect()) }
                    { el("p", "tg-source", html! { <>{ "Source: " }{ g.source }{ g.source_file.map(|f| format!(" ({f})")).unwrap_or_default() }</> }) }
                </>
            }) }
        </>
    };
    el_attr("section", &["class", "data-guidance"], "", Some(g.id.to_string()), Some(g.id.to_string()), content)
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
    let message = |e: &Option<String>| e.as_deref().map(|e| error_message(None, e)).unwrap_or_default();
    let radios = el(
        "fieldset",
        "tg-fieldset",
        html! { <>
            { el("legend", "tg-fieldset__legend tg-fieldset__legend--m", "Your professional judgement".into()) }
            { el("div", "tg-hint", Html::from(j.rules.message("judgement_hint", &[]))) }
            { message(&choice_error) }
            { el("div", "tg-radios", html! { <>
                { judgement_radio(ctx, &judgement_id, "agree", out.category.id, format!("I agree with the suggestion ({})", out.category.name)) }
                { for j.rules.categories.iter().filter(|c| c.id.as_str() != out.category.id).map(|c| judgement_radio(ctx, &judgement_id, c.id.as_str(), c.id.as_str(), c.name.clone())) }
            </> }) }
        </> },
    );
    let reason = html! {
        <>
            { label(reason_id.clone(), "Your reason".into()) }
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
fn group(error: bool, id: String, content: Html) -> Html {
    el_id("div", if error { "tg-form-group tg-form-group--error" } else { "tg-form-group" }, Some(id), None, content)
}
