//! The indicator picker: ~240 of the guidance's example indicators, in its words, by
//! domain and category. One domain at a time (free to move between them), a search box
//! across all of them, and a running count announced politely.

use super::ctx::{now, Ctx};
use super::govuk::{button, el, el_attr, el_id, hint, label, link_button, pair, status};
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
            { status(format!("{count} {} selected. Suggested so far: {suggested}.", if count == 1 { "indicator" } else { "indicators" })) }
            { el("div", "tg-form-group", html! { <>
                { label(search_id.clone(), "Search all indicators".into()) }
                { hint(format!("{search_id}-hint"), "For example: attendance, hygiene, domestic abuse".into()) }
                <input class="tg-input" type="search" id={search_id.clone()} autocomplete="off" spellcheck="false"
                    aria-describedby={format!("{search_id}-hint")} value={j.search.clone()} {oninput} />
            </> }) }
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
    let legend = el("legend", "tg-fieldset__legend tg-fieldset__legend--s", Html::from(format!("{} indicators match \"{}\"", results.len(), j.search.trim())));
    let boxes = el("div", "tg-checkboxes", results.iter().map(|&i| indicator_checkbox(ctx, j, i, true)).collect());
    el_attr("fieldset", &["class", "data-search-results"], "tg-fieldset", Some(String::new()), None, pair(legend, boxes))
}

fn domain_browser(ctx: &Ctx) -> Html {
    let j = &ctx.journey;
    let rules = &j.rules;
    let domain = rules.domains.iter().find(|d| *d.id.as_str() == j.domain).or(rules.domains.first());
    let Some(domain) = domain else { return html! {} };
    let items = rules.domains.iter().map(|d| {
        let id = d.id.as_str().to_string();
        let n = j.selected_in_domain(&id);
        let current = id == *domain.id.as_str();
        el_id(
            "li",
            "",
            None,
            Some(id.clone()),
            button(
                &["type", "class", "aria-current"],
                "tg-domain-nav__item",
                current.then(|| "true".into()),
                ctx.send(Action::OpenDomain(id)),
                html! { <>{ &d.name }if n > 0 { { el("span", "tg-count", Html::from(format!(" ({n} selected)"))) } }</> },
            ),
        )
    });
    let nav = el_attr(
        "nav",
        &["class", "aria-label"],
        "tg-domain-nav",
        Some("Areas of the child's life".into()),
        None,
        el("ul", "tg-list tg-domain-nav__list", items.collect()),
    );
    let panel = html! {
        <>
                { el("legend", "tg-fieldset__legend tg-fieldset__legend--m", Html::from(&domain.name)) }
                { for rules.categories.iter().map(|c| {
                    let items: Vec<usize> = (0..rules.indicators.len())
                        .filter(|&i| rules.indicators[i].domain == *domain.id.as_str() && rules.indicators[i].category == *c.id.as_str())
                        .collect();
                    if items.is_empty() { return html! {}; }
                    el_id("div", "tg-indicator-group", None, Some(c.id.as_str().to_string()), html! {
                        <>
                            { el("h3", "tg-heading-s", Html::from(c.indicators_heading.as_ref().unwrap_or(&c.name))) }
                            { el("div", "tg-checkboxes", items.into_iter().map(|i| indicator_checkbox(ctx, j, i, false)).collect()) }
                        </>
                    })
                }) }
        </>
    };
    el("div", "tg-domains", pair(nav, el("fieldset", "tg-fieldset tg-domain-panel", panel)))
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
    el_id(
        "div",
        "tg-checkboxes__item",
        None,
        Some(id),
        html! {
            <>
                <input class="tg-checkboxes__input" type="checkbox" id={input_id.clone()} checked={checked} {onchange} />
                <label class="tg-label tg-checkboxes__label" for={input_id}>
                    { &ind.text }
                    if let Some(place) = place { { el("span", "tg-hint tg-hint--inline", Html::from(place)) } }
                </label>
            </>
        },
    )
}

fn selected_list(ctx: &Ctx) -> Html {
    let j = &ctx.journey;
    if j.selected.is_empty() {
        return html! {};
    }
    let items = j.selected.iter().filter_map(|id| j.rules.indicator_index.get(id).map(|&i| (id, i))).map(|(id, i)| {
        let text = &j.rules.indicators[i].text;
        el_id(
            "li",
            "",
            None,
            Some(id.clone()),
            html! {
                <>{ text }{ " " }{ link_button("Remove", format!(": {text}"), ctx.send(Action::ToggleIndicator(id.clone()))) }</>
            },
        )
    });
    let summary = el("summary", "tg-details__summary", Html::from(format!("Your selection ({})", j.selected.len())));
    el("details", "tg-details", pair(summary, el("div", "tg-details__text", el("ul", "tg-list tg-selected", items.collect()))))
}
