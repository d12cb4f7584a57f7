//! The referral summary page: the quality check (links back to the step that fixes each
//! problem), every section with its own Copy button, Copy all, Download (.txt), Print, and
//! the two records. Copying announces "Copied" in a status region without moving focus.

use super::ctx::{now, Ctx};
use super::govuk::{el, prose, warning_inner};
use crate::journey::{Action, Purpose, Screen};
use crate::summary;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The summary page's own state: what the status line announces, and the text shown to copy
/// by hand when the browser would not copy it (one state: each kind of state is its own code
/// in the download). Held by `App` (a hook there), so the page is a view function: each
/// component type adds its own copy of Yew's lifecycle code.
pub struct CopyState {
    state: UseStateHandle<(String, Option<String>)>,
    fallback_ref: NodeRef,
}

/// The summary page's state, cleared when the page is left (as a fresh page would be).
#[hook]
pub fn use_copy_state(screen: Screen) -> CopyState {
    let state = use_state(<(String, Option<String>)>::default);
    let fallback_ref = use_node_ref();
    // Off the summary page, forget it; on it, select the fallback text as soon as it is shown
    // and try the legacy copy command. (One effect: each kind of effect is its own code.)
    {
        let fallback_ref = fallback_ref.clone();
        let state = state.clone();
        use_effect_with((screen, state.1.clone()), move |(screen, text)| {
            if *screen != Screen::Summary {
                if !state.0.is_empty() || state.1.is_some() {
                    state.set(Default::default());
                }
            } else if let (Some(text), Some(area)) = (text, fallback_ref.cast::<web_sys::HtmlTextAreaElement>()) {
                area.select();
                let copied = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
                    .and_then(|d| d.exec_command("copy").ok())
                    .unwrap_or(false);
                if copied {
                    state.set(("Copied".into(), Some(text.clone())));
                }
            }
        });
    }
    CopyState { state, fallback_ref }
}

/// Copies text: the Clipboard API in a secure context, else the visible read-only text area
/// (selected, then the legacy copy command). `done` gets what to announce. Firefox's clipboard
/// ends the text at a NUL character (which only arrives by pasting), so in every browser a NUL
/// is copied as U+FFFD and nothing after it is lost.
fn copy(text: String, what: String, done: Callback<(String, Option<String>)>) {
    let text: String = text.chars().map(|c| if c == '\0' { char::REPLACEMENT_CHARACTER } else { c }).collect();
    let window = web_sys::window().expect("window");
    if window.is_secure_context() {
        let promise = window.navigator().clipboard().write_text(&text);
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => done.emit((format!("Copied: {what}"), None)),
                Err(_) => done.emit((format!("Could not copy automatically. {}", by_hand(&what)), Some(text))),
            }
        });
    } else {
        done.emit((by_hand(&what), Some(text)));
    }
}

/// What to do when the browser would not copy: the text is selected for the user.
fn by_hand(what: &str) -> String {
    format!("The text of {what} is selected below: press Ctrl+C (or Cmd+C) to copy it.")
}

/// Saves the text as a .txt file, made in the browser (nothing is uploaded).
fn download(text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/plain;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    if let Ok(a) = document.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(&url);
        a.set_download("referral-summary.txt");
        a.click();
    }
    web_sys::Url::revoke_object_url(&url).ok();
}

/// Prints only the summary: a hidden frame holding the text as a text node, so the host
/// page is not printed and the user's words cannot become markup.
fn print(text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(frame) = document.create_element("iframe").map(|e| e.unchecked_into::<web_sys::HtmlIFrameElement>()) else { return };
    frame.set_attribute("title", "Referral summary for printing").ok();
    frame.set_attribute("aria-hidden", "true").ok();
    // Styles through the CSSOM, not style attributes, so a strict style-src policy allows them.
    let style = frame.style();
    for (k, v) in [("position", "fixed"), ("width", "0"), ("height", "0"), ("border", "0"), ("left", "-10000px")] {
        style.set_property(k, v).ok();
    }
    let Some(body) = document.body() else { return };
    body.append_child(&frame).ok();
    if let (Some(doc), Some(win)) = (frame.content_document(), frame.content_window()) {
        if let (Some(fbody), Ok(pre)) = (doc.body(), doc.create_element("pre").map(|e| e.unchecked_into::<web_sys::HtmlElement>())) {
            let style = pre.style();
            for (k, v) in [("font", "11pt/1.4 Arial, sans-serif"), ("white-space", "pre-wrap"), ("overflow-wrap", "anywhere")] {
                style.set_property(k, v).ok();
            }
            pre.set_text_content(Some(text));
            fbody.append_child(&pre).ok();
            win.print().ok();
        }
    }
    frame.remove();
}

/// The on-screen list of checks not met, each with a link to the step that fixes it.
fn checks(ctx: &Ctx, problems: &[summary::Problem]) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    let n = problems.len();
    let count = format!("{n} {}", if n == 1 { "check" } else { "checks" });
    html! {
        <div class="tg-warning-text tg-quality" data-quality-count={n.to_string()}>
            { warning_inner(html! { <>
                { prose(&ctx.journey.rules.message("checks_intro", &[("count", &count)])) }
                <ul class="tg-list tg-list--bullet">
                    { for problems.iter().enumerate().map(|(i, pr)| html! {
                        <li key={i} data-problem={pr.id}>{ &pr.text }{ " " }
                            <button type="button" class="tg-link-button" onclick={ctx.send(Action::Change(pr.screen))}>
                                { "Fix this" }{ el("span", "tg-visually-hidden", Html::from(format!(": {}", pr.text))) }
                            </button>
                        </li>
                    }) }
                </ul>
            </> }) }
        </div>
    }
}

/// What a Copy button reports back: the announcement, and the text to copy by hand when the
/// browser would not copy it.
type Done = Callback<(String, Option<String>)>;

/// A Copy button for `text`; `what` names it in the announcement.
#[inline(never)]
fn copy_button(label: &'static str, text: String, what: String, described: Option<String>, done: &Done) -> Html {
    let done = done.clone();
    let onclick = Callback::from(move |_: MouseEvent| copy(text.clone(), what.clone(), done.clone()));
    html! { <button type="button" class="tg-button tg-button--secondary" aria-describedby={described} {onclick}>{ label }</button> }
}

/// One text to copy as it is: its heading (which the Copy button refers to), a line about it
/// from the rule set (`intro`, a message id), the text and its Copy button. The referral's
/// sections and the decision record (which leads its page) have h2 headings; the records
/// under "For your own records", h3.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn copy_block(
    ctx: &Ctx,
    done: &Done,
    section: &'static str,
    title_id: String,
    h2: bool,
    title: String,
    intro: Option<&str>,
    text: String,
    what: String,
) -> Html {
    let heading = if h2 {
        html! { <h2 class="tg-heading-m" id={title_id.clone()}>{ title }</h2> }
    } else {
        html! { <h3 class="tg-heading-s" id={title_id.clone()}>{ title }</h3> }
    };
    html! {
        <div class="tg-summary-section" data-section={section}>
            { heading }
            if let Some(intro) = intro { { prose(&ctx.journey.rules.message(intro, &[])) } }
            { el("pre", "tg-summary-text", text.clone().into()) }
            { copy_button("Copy", text, what, Some(title_id), done) }
        </div>
    }
}

#[inline(never)]
pub fn summary_page(ctx: &Ctx, copy_state: &CopyState) -> Html {
    let j = &ctx.journey;
    let rules = &j.rules;
    let CopyState { state, fallback_ref } = copy_state;
    let now = now();
    let Ok(out) = rules.assess(&j.case(), now) else {
        return html! { { el("p", "tg-error-message", Html::from(rules.message("could_not_assess", &[]))) } };
    };
    let purpose = j.purpose();
    let sections = summary::referral_summary(j, &out, now);
    let problems = summary::quality_check(j, &out);
    let all = summary::text_of(j, &sections, now);
    let paper = format!("{all}\n{}\n", rules.message("sensitive", &[]));
    let sending = summary::sending(j, &out, now);
    // What to have ready, then the documents to attach, as one list.
    let mut ready = rules.message("have_ready", &[]);
    for a in summary::attachments(&out) {
        ready.push_str("\n- to attach: ");
        ready.push_str(&a);
    }
    let done: Done = {
        let state = state.clone();
        Callback::from(move |announced| state.set(announced))
    };
    let checks = checks(ctx, &problems);
    let decision = (purpose == Purpose::NotReferring).then(|| {
        let note = summary::decision_note(j, &out, now);
        html! {
            <>
                { checks.clone() }
                { copy_block(ctx, &done, "decision", ctx.id("decision-title"), true, "Record of your decision not to refer".into(), Some("decision_intro"), note, "the decision record".into()) }
                { el("h2", "tg-heading-m", "If you decide to refer after all".into()) }
            </>
        }
    });
    let disagreement = out.guidance.iter().any(|g| g.id == "disagree").then(|| {
        let record = summary::disagreement_record(j, &out, now);
        copy_block(
            ctx,
            &done,
            "disagreement",
            ctx.id("disagreement-title"),
            false,
            "If you disagree with the decision".into(),
            Some("disagreement_intro"),
            record,
            "the disagreement record".into(),
        )
    });

    html! {
        <>
            <div class="tg-status" role="status" aria-live="polite" aria-atomic="true">{ state.0.clone() }</div>
            { for decision }
            { prose(&rules.message("summary_intro", &[])) }
            if !sending.is_empty() {
                <div class="tg-inset-text" data-sending="">{ el("p", "tg-body", sending.into()) }</div>
            }
            <div data-have-ready="">{ prose(&ready) }</div>
            if purpose != Purpose::NotReferring { { checks } }
            <div class="tg-button-group tg-button-group--top">
                { copy_button("Copy all", all, "the whole summary".into(), None, &done) }
                <button type="button" class="tg-button tg-button--secondary" onclick={{ let paper = paper.clone(); Callback::from(move |_: MouseEvent| download(&paper)) }}>{ "Download (.txt)" }</button>
                <button type="button" class="tg-button tg-button--secondary" onclick={Callback::from(move |_: MouseEvent| print(&paper))}>{ "Print" }</button>
            </div>
            if let Some(text) = &state.1 {
                <div class="tg-form-group">
                    <label class="tg-label tg-label--s" for={ctx.id("copy-fallback")}>{ "Text to copy" }</label>
                    <textarea class="tg-textarea" id={ctx.id("copy-fallback")} readonly=true rows="8" ref={fallback_ref.clone()} value={text.clone()} />
                </div>
            }
            { for sections.iter().enumerate().map(|(n, s)| {
                let id = ctx.id(&format!("section-{}", s.id));
                copy_block(ctx, &done, s.id, id, true, format!("{}. {}", n + 1, s.title), None, s.text.clone(), format!("section {}, {}", n + 1, s.title))
            }) }
            { for out.guidance.iter().filter(|g| g.on_summary).map(super::outcome::guidance_section) }
            { el("h2", "tg-heading-m", "For your own records".into()) }
            { copy_block(ctx, &done, "consultation", ctx.id("consultation-title"), false, "Consultation summary".into(), Some("consultation_intro"), summary::consultation_summary(j, &out), "the consultation summary".into()) }
            { for disagreement }
        </>
    }
}
