//! The widget's root component. One reducer (`Journey` + `Action`) holds all state, in the
//! style of yew's function_todomvc example, so every change goes through one place.

use crate::engine::{assess::ContactNow, Instant, RuleSet};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct AppProps {
    pub rules: Rc<RuleSet>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rules, &other.rules)
    }
}

/// Where the user is and what they have answered. Nothing here is persisted.
#[derive(Clone, PartialEq, Default)]
pub struct Journey {
    pub immediate_danger: Option<bool>,
}

pub enum Action {
    AnswerDanger(bool),
    Restart,
}

impl Reducible for Journey {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::AnswerDanger(yes) => Rc::new(Journey { immediate_danger: Some(yes) }),
            Action::Restart => Rc::new(Journey::default()),
        }
    }
}

fn now() -> Instant {
    Instant((js_sys::Date::now() / 1000.0) as i64)
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let journey = use_reducer(Journey::default);
    let rules = &props.rules;
    let contact: ContactNow = rules.contact_now(now()).0;

    let body = match journey.immediate_danger {
        None => {
            let yes = journey.dispatcher();
            let no = journey.dispatcher();
            html! {
                <div class="tg-question">
                    <h2 class="tg-heading-m" id="tg-danger-q">{ "Is the child in immediate danger now?" }</h2>
                    <div class="tg-button-group" role="group" aria-labelledby="tg-danger-q">
                        <button type="button" class="tg-button" onclick={Callback::from(move |_| yes.dispatch(Action::AnswerDanger(true)))}>{ "Yes" }</button>
                        <button type="button" class="tg-button tg-button--secondary" onclick={Callback::from(move |_| no.dispatch(Action::AnswerDanger(false)))}>{ "No" }</button>
                    </div>
                </div>
            }
        }
        Some(true) => html! {
            <div class="tg-warning" role="alert">
                <h2 class="tg-heading-m">{ "Call 999 now" }</h2>
                <p class="tg-body">{ "If a child is in immediate danger, call the police on 999." }</p>
                <p class="tg-body">{ format!("Then phone the {} on {}. {}", contact.name, contact.phone, contact.why) }</p>
                <p class="tg-body">{ "Follow up your referral in writing within 24 hours." }</p>
            </div>
        },
        Some(false) => html! {
            <div class="tg-panel">
                <p class="tg-body">{ format!("The guide covers {} example indicators from Luton's threshold document.", rules.indicators.len()) }</p>
                <p class="tg-body">{ contact.why.clone() }</p>
            </div>
        },
    };
    let restart = {
        let d = journey.dispatcher();
        Callback::from(move |_| d.dispatch(Action::Restart))
    };

    html! {
        <section class="tg-widget" aria-labelledby="tg-title">
            <h1 class="tg-heading-l" id="tg-title" tabindex="-1">{ "Luton threshold guide" }</h1>
            <p class="tg-body">{ "Helps you decide what help a child needs and prepare a referral. It supports your professional judgement; it never replaces it. Do not enter names or other identifying details." }</p>
            { body }
            if journey.immediate_danger.is_some() {
                <p class="tg-body"><button type="button" class="tg-link-button" onclick={restart}>{ "Start again" }</button></p>
            }
            <p class="tg-meta">{ format!("Rules: {} ({}), {}", rules.meta.title, rules.meta.edition, &rules.meta.hash[..12]) }</p>
        </section>
    }
}
