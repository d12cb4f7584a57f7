//! The widget's root component. The whole journey lives in one reducer (`Journey` +
//! `Action`, from `crate::journey`); this file lays out the page around the current screen
//! and manages focus and the "leave page?" prompt.

use super::check::check_answers;
use super::error_summary::error_summary;
use super::indicators::indicator_picker;
use super::outcome::outcome_view;
use super::question::question_list;
use super::screens::{danger_exit, open_case_exit, start_page};
use super::summary_view::{summary_page, use_copy_state};
use crate::embed::{Options, StartAt};
use crate::engine::{Instant, RuleSet};
use crate::journey::{Action, Journey, Screen};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct AppProps {
    pub rules: Rc<RuleSet>,
    /// Distinguishes element ids when several widgets share a page.
    #[prop_or_default]
    pub instance: u32,
    /// Where to begin (a fresh journey when unset). Used by tests.
    #[prop_or_default]
    pub initial: Option<Journey>,
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
            && self.initial == other.initial
            && self.options == other.options
            && self.warnings == other.warnings
    }
}

impl Reducible for Journey {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// What every screen component gets: the journey, a way to change it, and the id prefix.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub journey: Rc<Journey>,
    pub dispatch: UseReducerDispatcher<Journey>,
    pub prefix: String,
    pub options: Rc<Options>,
}

impl Ctx {
    pub fn id(&self, name: &str) -> String {
        // Rule ids have dots; ids in CSS selectors read better without.
        let name: String = name.chars().map(|c| if c == '.' { '-' } else { c }).collect();
        format!("{}-{name}", self.prefix)
    }
    pub fn send(&self, action: Action) -> Callback<MouseEvent> {
        let d = self.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.dispatch(action.clone())
        })
    }
}

thread_local!(static EXITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });

/// Quick exit: forget every answer, then leave for the neutral page with `location.replace`
/// (so Back does not come back to the answers). Inside an iframe, ask the host page to do it.
fn quick_exit_callback(ctx: &Ctx) -> Callback<()> {
    let d = ctx.dispatch.clone();
    let url = ctx.options.exit_url.clone();
    Callback::from(move |_| {
        d.dispatch(Action::Restart);
        let Some(window) = web_sys::window() else { return };
        let framed = window.parent().ok().flatten().is_some_and(|p| !js_sys::Object::is(&p, &window));
        if framed {
            let message = js_sys::Object::new();
            js_sys::Reflect::set(&message, &"type".into(), &crate::embed::MESSAGE_EXIT.into()).ok();
            if let Some(parent) = window.parent().ok().flatten() {
                // The message carries no data, so any host may receive it.
                parent.post_message(&message, "*").ok();
            }
        } else {
            EXITING.with(|x| x.set(true));
            window.location().replace(&url).ok();
        }
    })
}

/// The current instant from the device clock. Office hours are worked out in London time
/// from it, whatever the device's time zone.
pub fn now() -> Instant {
    Instant((js_sys::Date::now() / 1000.0).floor() as i64)
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let (rules, initial, start) = (props.rules.clone(), props.initial.clone(), props.options.start);
    let journey = use_reducer(move || {
        initial.unwrap_or_else(|| {
            let mut j = Journey::new(rules);
            if start == StartAt::Safety {
                j.screen = Screen::Danger;
            }
            j
        })
    });
    let ctx = Ctx {
        journey: Rc::new((*journey).clone()),
        dispatch: journey.dispatcher(),
        prefix: format!("tg{}", props.instance),
        options: props.options.clone(),
    };
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
    use_mut_ref(|| {
        wasm_bindgen_futures::spawn_local(async {
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                p.mark("threshold-guide-interactive").ok();
            }
        })
    });

    // Focus the step's h1, or the error summary when there are errors, after every change of step.
    {
        let (heading, summary) = (heading.clone(), summary.clone());
        let first_render = use_mut_ref(|| true);
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

    // Ask before leaving the page once anything has been entered (nothing is saved).
    {
        let has_answers = journey.has_answers();
        use_effect_with(has_answers, move |&has| {
            let listener = has.then(|| {
                let window = web_sys::window().expect("window");
                gloo::events::EventListener::new_with_options(
                    &window,
                    "beforeunload",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    |e| {
                        if EXITING.with(|x| x.get()) {
                            return; // quick exit: leave at once, no "are you sure?"
                        }
                        e.prevent_default();
                        if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                            e.set_return_value("You have answers that are not saved anywhere.");
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    // Quick exit by pressing Shift three times (GOV.UK "Exit this page").
    {
        let quick_exit = props.options.quick_exit;
        let exit = quick_exit_callback(&ctx);
        use_effect_with(quick_exit, move |&on| {
            let listener = on.then(|| {
                let presses = std::cell::Cell::new((0u32, 0f64));
                let document = web_sys::window().and_then(|w| w.document()).expect("document");
                gloo::events::EventListener::new(&document, "keydown", move |e| {
                    let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    let now = js_sys::Date::now();
                    let (count, first) = presses.get();
                    if k.key() != "Shift" || k.repeat() {
                        presses.set((0, 0.0)); // Shift+letter, or any other key, starts again
                        return;
                    }
                    let (count, first) = if count == 0 || now - first > 5000.0 { (1, now) } else { (count + 1, first) };
                    presses.set((count, first));
                    if count >= 3 {
                        presses.set((0, 0.0));
                        exit.emit(());
                    }
                })
            });
            move || drop(listener)
        });
    }

    let step = screen.step_number();
    let total = Screen::STEPS.len();
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
        Screen::Danger | Screen::Safety | Screen::Child | Screen::Risks | Screen::Checklist | Screen::Consent => {
            question_list(&ctx, screen)
        }
    };
    let continue_label = match screen {
        Screen::Start => "Start now",
        Screen::DangerExit | Screen::OpenCaseExit => "Continue to draft the referral",
        Screen::Check => "See what to do now",
        Screen::Outcome => "Prepare the referral summary",
        _ => "Continue",
    };

    html! {
        <section class="tg-widget" aria-labelledby={ctx.id("title")} data-screen={format!("{screen:?}")}>
            if props.options.quick_exit {
                <div class="tg-exit-this-page">
                    <button type="button" class="tg-button tg-button--warning tg-exit-this-page__button" onclick={{
                        let exit = quick_exit_callback(&ctx);
                        Callback::from(move |_: MouseEvent| exit.emit(()))
                    }}>
                        <span class="tg-visually-hidden">{ "Emergency" }</span>{ " Exit this page" }
                    </button>
                    <p class="tg-exit-this-page__hint">{ "Or press Shift 3 times" }</p>
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
                <p class="tg-caption">{ format!("Step {step} of {total}") }</p>
            }
            { error_summary(&ctx, &summary) }
            <h1 class="tg-heading-l" id={ctx.id("title")} tabindex="-1" ref={heading}>{ journey.heading() }</h1>
            { body }
            if screen != Screen::Summary {
                <div class="tg-button-group">
                    <button type="button" class="tg-button" data-action="continue" onclick={ctx.send(Action::Next)}>{ continue_label }</button>
                </div>
            } else {
                <div class="tg-button-group">
                    <button type="button" class="tg-button tg-button--secondary" onclick={ctx.send(Action::Restart)}>{ "Start again (clears all answers)" }</button>
                </div>
            }
            <p class="tg-meta">{ format!("Rules: {} ({}), version {}", props.rules.meta.title, props.rules.meta.edition, &props.rules.meta.hash[..12]) }</p>
        </section>
    }
}
