//! The indicator picker: ~240 of the guidance's example indicators, in its words, by
//! domain and category. One domain at a time (free to move between them), a search box
//! across all of them, and a running count announced politely.

use super::ctx::{now, Ctx};
use super::govuk::el;
use crate::journey::{Action, Journey};
use yew::prelude::*;

#[inline(never)]
pub fn indicator_picker(ctx: &Ctx) -> Html {
    let j = &ctx.journey;
    let rules = &j.rules;
    let count = j.selected.len();
    let suggested = rules.assess(&j.case(), now()).map(|o| o.category.name.to_string()).unwrap_or_default();
    let search_id = ctx.id("search");
    let oninput = ctx.on_input(|value, _| Action::Search(value), String::new());
    let results = j.search_results();
    let searching = j.searching();

    html! {
        <>
            <div class="tg-status" role="status" aria-live="polite" aria-atomic="true">
                { format!("{count} {} selected. Suggested so far: {suggested}.", if count == 1 { "indicator" } else { "indicators" }) }
            </div>
            <div class="tg-form-group">
                <label class="tg-label tg-label--s" for={search_id.clone()}>{ "Search all indicators" }</label>
                <div class="tg-hint" id={format!("{search_id}-hint")}>{ "For example: attendance, hygiene, domestic abuse" }</div>
                <input class="tg-input" type="search" id={search_id.clone()} autocomplete="off" spellcheck="false"
                    aria-describedby={format!("{search_id}-hint")} value={j.search.clone()} {oninput} />
            </div>
            // Both stay in the page and the one not in use is hidden: clearing a search shows the
            // domain's boxes again without building them anew, which was most of a keystroke.
            <div hidden={!searching}>{ if searching { search_results(ctx, &results) } else { html! {} } }</div>
            <div hidden={searching}>{ domain_browser(ctx) }</div>
            { selected_list(ctx) }
        </>
    }
}

fn search_results(ctx: &Ctx, results: &[usize]) -> Html {
    let j = &ctx.journey;
    if results.is_empty() {
        return html! { { el("p", "tg-body", Html::from(format!("No indicators contain \"{}\". Try another word.", j.search.trim()))) } };
    }
    html! {
        <fieldset class="tg-fieldset" data-search-results="">
            <legend class="tg-fieldset__legend tg-fieldset__legend--s">{ format!("{} indicators match \"{}\"", results.len(), j.search.trim()) }</legend>
            <div class="tg-checkboxes">
                { for results.iter().map(|&i| indicator_checkbox(ctx, j, i, true)) }
            </div>
        </fieldset>
    }
}

fn domain_browser(ctx: &Ctx) -> Html {
    let j = &ctx.journey;
    let rules = &j.rules;
    let domain = rules.domains.iter().find(|d| *d.id.as_str() == j.domain).or(rules.domains.first());
    let Some(domain) = domain else { return html! {} };
    html! {
        <div class="tg-domains">
            <nav class="tg-domain-nav" aria-label="Areas of the child's life">
                <ul class="tg-list tg-domain-nav__list">
                    { for rules.domains.iter().map(|d| {
                        let id = d.id.as_str().to_string();
                        let n = j.selected_in_domain(&id);
                        let current = id == *domain.id.as_str();
                        html! {
                            <li key={id.clone()}>
                                <button type="button" class="tg-domain-nav__item" aria-current={current.then_some("true")} onclick={ctx.send(Action::OpenDomain(id))}>
                                    { &d.name }
                                    if n > 0 { { el("span", "tg-count", Html::from(format!(" ({n} selected)"))) } }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
            <fieldset class="tg-fieldset tg-domain-panel">
                <legend class="tg-fieldset__legend tg-fieldset__legend--m">{ &domain.name }</legend>
                { for rules.categories.iter().map(|c| {
                    let items: Vec<usize> = (0..rules.indicators.len())
                        .filter(|&i| rules.indicators[i].domain == *domain.id.as_str() && rules.indicators[i].category == *c.id.as_str())
                        .collect();
                    if items.is_empty() { return html! {}; }
                    html! {
                        <div class="tg-indicator-group" key={c.id.as_str().to_string()}>
                            { el("h3", "tg-heading-s", Html::from(c.indicators_heading.as_ref().unwrap_or(&c.name))) }
                            <div class="tg-checkboxes">
                                { for items.into_iter().map(|i| indicator_checkbox(ctx, j, i, false)) }
                            </div>
                        </div>
                    }
                }) }
            </fieldset>
        </div>
    }
}

/// One indicator. A view function, not a component with memoised props: the component type
/// cost about 2 KB of the download, and the benchmark's click and search timings did not
/// tell the two apart (Yew's diff leaves unchanged boxes' DOM alone either way).
fn indicator_checkbox(ctx: &Ctx, j: &Journey, i: usize, show_place: bool) -> Html {
    let ind = &j.rules.indicators[i];
    let id = ind.id.as_str().to_string();
    let place = show_place.then(|| {
        let p = j.rules.indicator_place[i];
        format!("{} · {}", j.rules.domains[p.domain].name, j.rules.categories[p.category].name)
    });
    // A box can be in the search results and, hidden, in its domain's list: distinct ids.
    let input_id = ctx.id(&format!("{}-{id}", if show_place { "found" } else { "ind" }));
    let checked = j.selected.contains(&id);
    let onchange = ctx.on_change(Action::ToggleIndicator(id.clone()));
    html! {
        <div class="tg-checkboxes__item" key={id}>
            <input class="tg-checkboxes__input" type="checkbox" id={input_id.clone()} checked={checked} {onchange} />
            <label class="tg-label tg-checkboxes__label" for={input_id}>
                { &ind.text }
                if let Some(place) = place { { el("span", "tg-hint tg-hint--inline", Html::from(place)) } }
            </label>
        </div>
    }
}

fn selected_list(ctx: &Ctx) -> Html {
    let j = &ctx.journey;
    if j.selected.is_empty() {
        return html! {};
    }
    html! {
        <details class="tg-details">
            <summary class="tg-details__summary">{ format!("Your selection ({})", j.selected.len()) }</summary>
            <div class="tg-details__text">
                <ul class="tg-list tg-selected">
                    { for j.selected.iter().filter_map(|id| j.rules.indicator_index.get(id).map(|&i| (id, i))).map(|(id, i)| html! {
                        <li key={id.clone()}>
                            { &j.rules.indicators[i].text }{ " " }
                            <button type="button" class="tg-link-button" onclick={ctx.send(Action::ToggleIndicator(id.clone()))}>
                                { "Remove" }{ el("span", "tg-visually-hidden", Html::from(format!(": {}", j.rules.indicators[i].text))) }
                            </button>
                        </li>
                    }) }
                </ul>
            </div>
        </details>
    }
}
