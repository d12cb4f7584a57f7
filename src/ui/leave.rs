//! Leaving the page: quick exit ("Exit this page": the button, and Shift pressed three
//! times) and the "leave page?" prompt while answers are held. Hooks the root view uses.

use crate::embed::Options;
use crate::journey::{Action, Journey};
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local!(static EXITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });

/// Quick exit: forget every answer, then leave for the neutral page with `location.replace`
/// (so Back does not come back to the answers). Inside an iframe, ask the host page to do it.
/// When the host page turned quick exit on, pressing Shift three times (within 5 seconds,
/// nothing else between) does it too. Returns what the "Exit this page" button calls.
#[hook]
pub fn use_quick_exit(options: &Options, dispatch: UseReducerDispatcher<Journey>) -> Callback<MouseEvent> {
    let url = options.exit_url.clone();
    let exit = Callback::from(move |_: ()| {
        dispatch.dispatch(Action::Restart);
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
    });
    use_listener(if options.quick_exit { Listen::QuickExit(exit.clone()) } else { Listen::Off });
    Callback::from(move |_: MouseEvent| exit.emit(()))
}

/// Asks before the page is left once anything has been entered (nothing is saved), except
/// during a quick exit.
#[hook]
pub fn use_leave_prompt(has_answers: bool) {
    use_listener(if has_answers { Listen::Prompt } else { Listen::Off });
}

/// Which page-level listener a hook above needs.
#[derive(Clone)]
enum Listen {
    Off,
    /// The window's `beforeunload` prompt.
    Prompt,
    /// Shift pressed three times on the document calls this.
    QuickExit(Callback<()>),
}

/// Only whether the listener is needed counts: the quick-exit callback made on the first
/// render is kept (it only restarts the journey and leaves for the options' page).
impl PartialEq for Listen {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// The page-level listener of one of the hooks above. One effect serves both (each kind of
/// effect is its own code in the download).
#[hook]
fn use_listener(listen: Listen) {
    use_effect_with(listen, move |listen| {
        let window = web_sys::window().expect("window");
        let listener = match listen.clone() {
            Listen::Off => None,
            Listen::Prompt => Some(gloo::events::EventListener::new_with_options(
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
            )),
            Listen::QuickExit(exit) => {
                let presses = std::cell::Cell::new((0u32, 0f64));
                Some(gloo::events::EventListener::new(&window.document().expect("document"), "keydown", move |e| {
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
                }))
            }
        };
        move || drop(listener)
    });
}
