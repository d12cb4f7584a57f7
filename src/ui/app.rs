//! The widget's root component. The whole journey lives in one reducer (`Journey` +
//! `Action`, from `crate::journey`); this file lays out the page around the current screen
//! (its row of `Screen::info`) and manages focus. Leaving the page is `leave`'s hooks.

use super::check::check_answers;
use super::ctx::Ctx;
use super::error_summary::error_summary;
use super::govuk::{el, prose};
use super::indicators::indicator_picker;
use super::leave::{use_leave_prompt, use_quick_exit};
use super::outcome::outcome_view;
use super::question::question_list;
use super::screens::{danger_exit, open_case_exit, start_page};
use super::summary_view::{summary_page, use_copy_state};
use crate::embed::{Options, StartAt};
use crate::engine::RuleSet;
use crate::journey::{Action, Journey, Screen};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct AppProps {
    pub rules: Rc<RuleSet>,
    /// Distinguishes element ids when several widgets share a page.
    #[prop_or_default]
    pub instance: u32,
    /// Where to begin (a fresh journey when unset). Used by tests.
    #[prop_or_default]
    pub initial: Option<Rc<Journey>>,
    /// The host page's embedding options.
    #[prop_or_default]
    pub options: Rc<Options>,
    /// Problems with the host page's options, shown at the top of the widget.
    #[prop_or_default]
    pub warnings: Vec<String>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rules, &other.rules)
            && self.instance == other.instance
            && match (&self.initial, &other.initial) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.options == other.options
            && self.warnings == other.warnings
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let (rules, initial, start) = (props.rules.clone(), props.initial.clone(), props.options.start);
    let journey = use_reducer(move || {
        initial.map(Rc::unwrap_or_clone).unwrap_or_else(|| Journey::starting_at(rules, if start == StartAt::Safety { Screen::Danger } else { Screen::Start }))
    });
    let ctx =
        Ctx { journey: Rc::new((*journey).clone()), dispatch: journey.dispatcher(), prefix: format!("tg{}", props.instance), options: props.options.clone() };
    let heading = use_node_ref();
    let summary = use_node_ref();
    let screen = journey.screen;
    let copy_state = use_copy_state(screen);

    // Mark the moment the widget is interactive (read by the start-up benchmark): its first
    // screen is in the DOM and its event handlers are live. Queued from the first render, the
    // mark runs as soon as Yew's scheduler hands control back to the browser, which it does
    // only where the DOM is consistent and events are handled. (An effect runs after Yew's
    // next timer on a slow machine: one layout and paint later, which the static baseline's
    // marker, set at the end of its markup, does not include. The benchmark's second reading,
    // the first frame after the mark, covers painting for both.)
    // The same cell then says whether the first render is still to be focused (it is not: the
    // page has just loaded).
    let first_render = use_mut_ref(|| {
        wasm_bindgen_futures::spawn_local(async {
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                p.mark("threshold-guide-interactive").ok();
            }
        });
        true
    });

    // Focus the step's h1, or the error summary when there are errors, after every change of step.
    {
        let (heading, summary) = (heading.clone(), summary.clone());
        use_effect_with((screen, journey.errors.clone()), move |(_, errors)| {
            let target = if errors.is_empty() { heading } else { summary };
            if !std::mem::replace(&mut *first_render.borrow_mut(), false) || !errors.is_empty() {
                if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                    el.focus().ok();
                    el.scroll_into_view();
                }
            }
        });
    }

    use_leave_prompt(journey.has_answers());
    let quick_exit = use_quick_exit(&props.options, journey.dispatcher());

    let step = screen.step_number();
    let total = Screen::step_count();
    // The screens' view functions are #[inline(never)] (and wasm-opt runs with -ocimfs): the
    // browser compiles a wasm function on its first call, so one function holding every
    // screen made the first render compile them all (12 ms at 4x CPU throttle).
    let body = match screen {
        Screen::Start => start_page(&ctx),
        Screen::DangerExit => danger_exit(&ctx),
        Screen::OpenCaseExit => open_case_exit(&ctx),
        Screen::Indicators => indicator_picker(&ctx),
        Screen::Check => check_answers(&ctx),
        Screen::Outcome => outcome_view(&ctx),
        Screen::Summary => summary_page(&ctx, &copy_state),
        Screen::Danger | Screen::Safety | Screen::Child | Screen::Risks | Screen::Checklist | Screen::Consent => question_list(&ctx, screen),
    };
    let info = screen.info();
    let rules = &props.rules;
    // The page's introduction, after a warning ("! ", see `prose`) where a superseded edition
    // must say so: where a decision might be taken from it.
    let note = rules.superseded_note();
    let mut intro = if !note.is_empty() && matches!(screen, Screen::Start | Screen::Outcome | Screen::Summary) { format!("! {note}\n") } else { String::new() };
    if let Some(id) = info.intro {
        intro += &rules.message(id, &[("title", &rules.meta.title)]);
    }

    html! {
        <section class="tg-widget" aria-labelledby={ctx.id("title")} data-screen={format!("{screen:?}")}>
            if props.options.quick_exit {
                <div class="tg-exit-this-page">
                    <button type="button" class="tg-button tg-button--warning tg-exit-this-page__button" onclick={quick_exit}>
                        { el("span", "tg-visually-hidden", "Emergency".into()) }{ " Exit this page" }
                    </button>
                    { el("p", "tg-exit-this-page__hint", "Or press Shift 3 times".into()) }
                </div>
            }
            if !props.warnings.is_empty() {
                <div class="tg-inset-text tg-host-warnings" data-host-warnings={props.warnings.len().to_string()}>
                    <p class="tg-body"><strong>{ "For the web team of this page: " }</strong>{ "some settings of this guide were not understood, so it uses its defaults." }</p>
                    <ul class="tg-list tg-list--bullet">{ for props.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </div>
            }
            if !journey.history.is_empty() {
                <button type="button" class="tg-back-link" onclick={ctx.send(Action::Back)}>{ "Back" }</button>
            }
            if screen != Screen::Start {
                { el("p", "tg-caption", Html::from(format!("Step {step} of {total}"))) }
            }
            { error_summary(&ctx, &summary) }
            <h1 class="tg-heading-l" id={ctx.id("title")} tabindex="-1" ref={heading}>{ journey.heading() }</h1>
            { prose(&intro) }
            { body }
            if let Some(label) = info.button {
                <div class="tg-button-group">
                    <button type="button" class="tg-button" data-action="continue" onclick={ctx.send(Action::Next)}>{ label }</button>
                </div>
            } else {
                <div class="tg-button-group">
                    <button type="button" class="tg-button tg-button--secondary" onclick={ctx.send(Action::Restart)}>{ "Start again (clears all answers)" }</button>
                </div>
            }
            { el("p", "tg-meta", Html::from(format!("Rules: {}, {}, version {}", rules.meta.title, rules.meta.edition, rules.meta.hash.get(..12).unwrap_or_default()))) }
        </section>
    }
}
