//! The widget's root component. The whole journey lives in one reducer (`Journey` +
//! `Action`, from `crate::journey`); this file lays out the page around the current screen
//! and manages focus and the "leave page?" prompt.

use super::check::CheckAnswers;
use super::error_summary::ErrorSummary;
use super::indicators::IndicatorPicker;
use super::outcome::OutcomeView;
use super::question::QuestionList;
use super::screens::{DangerExit, OpenCaseExit, StartPage};
use super::summary_view::SummaryView;
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
    /// Where to begin (a fresh journey when unset). Used by the embed options and tests.
    #[prop_or_default]
    pub initial: Option<Journey>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rules, &other.rules) && self.instance == other.instance && self.initial == other.initial
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
    /// Stable across renders, so children that take only this and plain values skip re-rendering.
    pub dispatch: UseReducerDispatcher<Journey>,
    pub prefix: String,
}

impl Ctx {
    pub fn id(&self, name: &str) -> String {
        format!("{}-{}", self.prefix, name.replace('.', "-"))
    }
    pub fn send(&self, action: Action) -> Callback<MouseEvent> {
        let d = self.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.dispatch(action.clone())
        })
    }
}

/// The current instant from the device clock. Office hours are worked out in London time
/// from it, whatever the device's time zone.
pub fn now() -> Instant {
    Instant((js_sys::Date::now() / 1000.0).floor() as i64)
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let (rules, initial) = (props.rules.clone(), props.initial.clone());
    let journey = use_reducer(move || initial.unwrap_or_else(|| Journey::new(rules)));
    let ctx = Ctx {
        journey: Rc::new((*journey).clone()),
        dispatch: journey.dispatcher(),
        prefix: format!("tg{}", props.instance),
    };
    let heading = use_node_ref();
    let summary = use_node_ref();
    let screen = journey.screen;

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

    let step = screen.step_number();
    let total = Screen::STEPS.len();
    let body = match screen {
        Screen::Start => html! { <StartPage ctx={ctx.clone()} /> },
        Screen::DangerExit => html! { <DangerExit ctx={ctx.clone()} /> },
        Screen::OpenCaseExit => html! { <OpenCaseExit ctx={ctx.clone()} /> },
        Screen::Indicators => html! { <IndicatorPicker ctx={ctx.clone()} /> },
        Screen::Check => html! { <CheckAnswers ctx={ctx.clone()} /> },
        Screen::Outcome => html! { <OutcomeView ctx={ctx.clone()} /> },
        Screen::Summary => html! { <SummaryView ctx={ctx.clone()} /> },
        Screen::Danger | Screen::Safety | Screen::Child | Screen::Risks | Screen::Checklist | Screen::Consent => {
            html! { <QuestionList ctx={ctx.clone()} screen={screen} /> }
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
            if !journey.history.is_empty() {
                <button type="button" class="tg-back-link" onclick={ctx.send(Action::Back)}>{ "Back" }</button>
            }
            if screen != Screen::Start {
                <p class="tg-caption">{ format!("Step {step} of {total}") }</p>
            }
            <ErrorSummary ctx={ctx.clone()} node={summary} />
            <h1 class="tg-heading-l" id={ctx.id("title")} tabindex="-1" ref={heading}>{ screen.title() }</h1>
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
