//! What every view gets: [`Ctx`] (the journey, a way to change it, the id prefix and the
//! host page's options), the device clock ([`now`]), and the reducer that applies an
//! [`Action`] through `Journey::apply`. Views import this module, never the root view.

use crate::embed::Options;
use crate::engine::Instant;
use crate::journey::{Action, Journey};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for Journey {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// What every screen's view function gets: the journey, a way to change it, and the id prefix.
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

    /// What choosing a radio button or ticking a checkbox dispatches. (One handler type for
    /// every choice: each closure type is its own code in the download.)
    pub fn on_change(&self, action: Action) -> Callback<Event> {
        let d = self.dispatch.clone();
        Callback::from(move |_: Event| d.dispatch(action.clone()))
    }

    /// What typing in a text field dispatches: `action` made from the field's value. One
    /// handler for the search box and every text area.
    pub fn on_input(&self, action: fn(String, &str) -> Action, key: String) -> Callback<InputEvent> {
        let d = self.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target().and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default();
            d.dispatch(action(value, &key))
        })
    }
}

/// The current instant from the device clock. Office hours are worked out in London time
/// from it, whatever the device's time zone.
pub fn now() -> Instant {
    Instant((js_sys::Date::now() / 1000.0).floor() as i64)
}
