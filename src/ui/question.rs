//! Rule-set questions as GOV.UK form fields: radios in a fieldset with a legend, or a
//! textarea with a label; hint, inline error, and the document's words on request.

use super::ctx::Ctx;
use super::govuk::{el, el_id, guidance_says, hint, label, pair, radio_item};
use crate::engine::model::Kind;
use crate::journey::{Action, Screen};
use yew::prelude::*;

#[inline(never)]
pub fn question_list(ctx: &Ctx, screen: Screen) -> Html {
    let j = &ctx.journey;
    let questions = j.questions_on(screen);
    questions.into_iter().map(|i| question_field(ctx, i)).collect()
}

/// One question (`index` into the rule set's questions), keyed by its id: when an answer
/// brings in or removes a question, the others keep their DOM nodes (and focus).
fn question_field(ctx: &Ctx, index: usize) -> Html {
    let j = &ctx.journey;
    let q = &j.rules.questions[index];
    let qid = q.id.as_str().to_string();
    let field_id = ctx.id(&format!("q-{qid}"));
    let hint_id = format!("{field_id}-hint");
    let error_id = format!("{field_id}-error");
    let error = j.errors.iter().find(|e| e.question == qid).map(|e| e.message.clone());
    let value = j.answer(&qid).unwrap_or_default().to_string();
    let described = match (q.hint.is_some(), error.is_some()) {
        (true, true) => Some(format!("{hint_id} {error_id}")),
        (true, false) => Some(hint_id.clone()),
        (false, true) => Some(error_id.clone()),
        (false, false) => None,
    };
    let hint = q.hint.as_ref().map(|h| hint(hint_id.clone(), h.into()));
    let error_html = error.as_deref().map(|e| error_message(Some(error_id.clone()), e));
    let quote = q.quote.as_ref().map(|text| guidance_says(text, q.source.as_deref()));
    if q.kind == Kind::Text {
        let oninput = ctx.on_input(|value, question| Action::Answer { question: question.to_string(), value }, qid.clone());
        return form_group(
            error.is_some(),
            None,
            qid,
            html! {
                <>
                    { label(field_id.clone(), (&q.question).into()) }
                    { for hint }
                    { for error_html }
                    <textarea class="tg-textarea" id={field_id.clone()} name={field_id} rows="4" spellcheck="true"
                        aria-describedby={described} value={value} {oninput} />
                    { for quote }
                </>
            },
        );
    }

    let items = html! {
        { for q.answer_options().into_iter().map(|choice| {
            let (opt, label) = (choice.value, choice.label);
            let id = format!("{field_id}-{opt}");
            let onchange = ctx.on_change(Action::Answer { question: qid.clone(), value: opt.clone() });
            radio_item(id, field_id.clone(), Some(opt.clone()), value == opt, onchange, label)
        }) }
    };
    // Yes/no questions side by side, as GOV.UK inline radios.
    let class = if matches!(q.kind, Kind::YesNo | Kind::YesNoUnsure) { "tg-radios tg-radios--inline" } else { "tg-radios" };
    let radios = el("div", class, items);
    form_group(
        error.is_some(),
        Some(field_id.clone()),
        qid,
        html! {
            <>
                <fieldset class="tg-fieldset" aria-describedby={described}>
                    { el("legend", "tg-fieldset__legend tg-fieldset__legend--s", Html::from(&q.question)) }
                    { for hint }
                    { for error_html }
                    { radios }
                </fieldset>
                { for quote }
            </>
        },
    )
}

/// A field's inline error message ("Error: " for screen readers); `id` is what the field's
/// `aria-describedby` names.
#[inline(never)]
pub(super) fn error_message(id: Option<String>, text: &str) -> Html {
    el_id("p", "tg-error-message", id, None, pair(el("span", "tg-visually-hidden", "Error: ".into()), text.into()))
}

/// A question's form group, edged in red when it has an error. A literal class list chosen
/// here, never `class={expression}`: Yew turns a computed class into its `Classes` set, which
/// alone is about 2 KB of the download.
pub(super) fn form_group(error: bool, id: Option<String>, key: String, content: Html) -> Html {
    let class = if error { "tg-form-group tg-form-group--error" } else { "tg-form-group" };
    el_id("div", class, id, Some(key), content)
}
