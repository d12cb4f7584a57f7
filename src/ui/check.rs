//! Check your answers: a GOV.UK summary list per step, each row with a Change link that
//! returns to the step and comes back here.

use super::ctx::Ctx;
use super::govuk::{el, el_id, link_button};
use crate::journey::{Action, Screen};
use yew::prelude::*;

fn row(ctx: &Ctx, key: String, value: Html, screen: Screen, what: &str) -> Html {
    let change = link_button("Change", format!(" {what}"), ctx.send(Action::Change(screen)));
    el(
        "div",
        "tg-summary-list__row",
        html! { <>{ el("dt", "tg-summary-list__key", key.into()) }{ el("dd", "tg-summary-list__value", value) }{ el("dd", "tg-summary-list__actions", change) }</> },
    )
}

#[inline(never)]
pub fn check_answers(ctx: &Ctx) -> Html {
    let j = &ctx.journey;
    let rules = &j.rules;
    html! {
        <>
            { super::saved_view::left_out(ctx) }
            { for Screen::ALL.iter().filter_map(|&screen| Some((screen, screen.info().check_section?))).map(|(screen, title)| {
                let rows: Vec<Html> = if screen == Screen::Indicators {
                    let value = if j.selected.is_empty() {
                        html! { { "None selected" } }
                    } else {
                        el("ul", "tg-list", j.selected.iter().filter_map(|id| rules.indicator_index.get(id)).map(|&i| el("li", "", Html::from(&rules.indicators[i].text))).collect())
                    };
                    vec![row(ctx, format!("{} selected", j.selected.len()), value, screen, "indicators")]
                } else {
                    j.questions_on(screen).into_iter().map(|i| {
                        let q = &rules.questions[i];
                        let value = match j.answer(q.id.as_str()).filter(|v| !v.trim().is_empty()) {
                            Some(v) => html! { { el("span", "tg-answer", Html::from(q.answer_label(v))) } },
                            None => html! { { el("span", "tg-not-answered", "Not answered".into()) } },
                        };
                        row(ctx, q.question.clone(), value, screen, &q.question)
                    }).collect()
                };
                el_id("div", "tg-summary-card", None, Some(title.to_string()), html! {
                    <>{ el("h2", "tg-heading-m", Html::from(title)) }{ el("dl", "tg-summary-list", rows.into_iter().collect()) }</>
                })
            }) }
        </>
    }
}
