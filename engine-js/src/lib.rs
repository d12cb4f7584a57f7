//! The engine for integrators: Luton's threshold rule set and the decision, as a headless
//! WebAssembly module with a typed JavaScript API. No Yew and no screens: a partner's own
//! form (a school's recording system, a GP template, a council's online form) calls it and
//! shows the advice in its own UI.
//!
//! ```js
//! import { load } from './threshold-engine.js';
//! const rules = await load();
//! const outcome = rules.assess({ indicators: ['en.health.1'], answers: { immediate_danger: 'no' } });
//! ```
//!
//! Values cross the boundary with `serde-wasm-bindgen` as plain objects, in the same shape as
//! the CLI's JSON (`threshold assess`). Errors are thrown as JavaScript `Error`s whose message
//! says what was wrong and the nearest valid ids (also in the error's `suggestions`).
//! scripts/build-engine.mjs builds it into `dist/engine/` with `threshold-engine.js` (the
//! entry a page imports) and the TypeScript declarations.

use serde::{Deserialize, Serialize};
use std::rc::Rc;
use threshold_engine::model::{AnswerOption, Condition, Kind, Step};
use threshold_engine::sorted::{Map, Set};
use threshold_engine::{compact, load, Case, CaseError, Instant};
use threshold_guide::journey::{Journey, Purpose, Screen};
use threshold_guide::summary;
use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The version of the shape of what the API returns (`info().api_version`). It goes up, and
/// the change is announced in the README's "Engine API" section, whenever a field is removed
/// or renamed, changes type or meaning, or a value list (a `kind`, a `purpose`) loses a value.
/// New fields, new ids and new values in open lists are not breaking.
pub const API_VERSION: u32 = 1;

/// The rule sets this build carries, by id.
const RULE_SETS: [&str; 1] = ["luton"];

/// The default rule set, compiled by build.rs with every field kept.
fn compiled_bytes() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/rules-full.bin"))
}

/// A JavaScript `Error` with this message, and the nearest valid ids in `suggestions`.
fn error(message: &str, suggestions: &[String]) -> JsValue {
    let text = if suggestions.is_empty() {
        message.to_string()
    } else {
        format!("{message}; did you mean {}?", suggestions.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", "))
    };
    let e = js_sys::Error::new(&text);
    e.set_name("ThresholdEngineError");
    let list: js_sys::Array = suggestions.iter().map(|s| JsValue::from_str(s)).collect();
    js_sys::Reflect::set(&e, &JsValue::from_str("suggestions"), &list).ok();
    e.into()
}

fn case_error(e: CaseError) -> JsValue {
    error(&e.message, &e.suggestions)
}

/// Plain objects (never `Map`s), `null` for a missing value: the same JSON as the CLI.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| error(&format!("internal error: {e}"), &[]))
}

/// Reads an object of the API's input (`what`: "case", "load options") with the fields
/// `fields`, each checked for its type (`"string"`, `"strings"`: an array of strings,
/// `"answers"`: an object of strings, `"ruleset"`: a saved case's rule set), so that an error
/// names the field and what it must be.
/// (serde-wasm-bindgen ignores unknown fields and does not say which field is wrong.)
fn from_js<T: for<'de> Deserialize<'de>>(what: &str, value: JsValue, fields: &[(&str, &str)]) -> Result<T, JsValue> {
    if !value.is_object() || js_sys::Array::is_array(&value) {
        let shape = fields.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", ");
        return Err(error(&format!("the {what} must be an object with the fields {shape}"), &[]));
    }
    let obj: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(obj).iter() {
        let key = key.as_string().unwrap_or_default();
        let Some(&(_, kind)) = fields.iter().find(|(f, _)| *f == key) else {
            let mut near: Vec<(usize, &str)> = fields.iter().map(|(f, _)| (threshold_engine::contract::distance(&key, f), *f)).collect();
            near.sort();
            let list = fields.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", ");
            return Err(error(&format!("unknown field '{key}' in the {what} (fields: {list})"), &[near[0].1.to_string()]));
        };
        let v = js_sys::Reflect::get(obj, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() {
            continue;
        }
        let problem = match kind {
            "string" => v.as_string().is_none().then(|| format!("'{key}' must be a string")),
            "strings" => match v.dyn_ref::<js_sys::Array>() {
                None => Some(format!("'{key}' must be an array of strings")),
                Some(a) => a.iter().position(|x| x.as_string().is_none()).map(|i| format!("{key}[{i}] must be a string")),
            },
            // As the widget saves it: { id, edition, hash }, all strings.
            "ruleset" => {
                let part = |k: &str| js_sys::Reflect::get(&v, &JsValue::from_str(k)).ok().and_then(|x| x.as_string());
                (!v.is_object() || ["id", "edition", "hash"].iter().any(|k| part(k).is_none()))
                    .then(|| format!("'{key}' must be an object with the strings id, edition and hash"))
            }
            _ => match (v.is_object() && !js_sys::Array::is_array(&v)).then(|| v.unchecked_ref::<js_sys::Object>().clone()) {
                None => Some(format!("'{key}' must be an object of question id → answer")),
                Some(o) => js_sys::Object::entries(&o).iter().find_map(|e| {
                    let e: js_sys::Array = e.unchecked_into();
                    e.get(1).as_string().is_none().then(|| format!("the answer to '{}' must be a string", e.get(0).as_string().unwrap_or_default()))
                }),
            },
        };
        if let Some(p) = problem {
            return Err(error(&format!("{p} in the {what}"), &[]));
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| error(&format!("the {what}: {}", e.to_string().trim_start_matches("Error: ")), &[]))
}

/// The fields of a case: the CLI's case file, which is also what the widget saves ("Save
/// your answers to a file"), so a saved file goes to `assess` and `summary` as it is.
const CASE_FIELDS: [(&str, &str); 6] =
    [("indicators", "strings"), ("answers", "answers"), ("now", "string"), ("judgement", "string"), ("judgement_reason", "string"), ("ruleset", "ruleset")];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LoadOptions {
    /// A rule set by id; the default one when absent.
    #[serde(default)]
    rules: Option<String>,
}

/// A case as the API takes it: the CLI's case file, with `now` optional (the `now` argument,
/// then the case's, then the clock). `summary` also reads the professional's own judgement of
/// the level of need (a category id) and their reason, which the widget asks for on its
/// outcome page; `assess` does not, as the CLI's does not.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseIn {
    #[serde(default)]
    indicators: Vec<String>,
    #[serde(default)]
    answers: Map<String, String>,
    #[serde(default)]
    now: Option<String>,
    #[serde(default)]
    judgement: Option<String>,
    #[serde(default)]
    judgement_reason: Option<String>,
    /// The rule set a saved case names (its shape checked by `from_js`). Its ids are checked
    /// against the loaded rule set like any others, so it is not compared (`info().hash` says
    /// which rule set is loaded).
    #[serde(default, rename = "ruleset")]
    _ruleset: Option<serde::de::IgnoredAny>,
}

/// The instant to assess at: `now` (an RFC 3339 string or a `Date`), else the case's `now`,
/// else the clock.
fn instant(now: &JsValue, case_now: Option<&str>) -> Result<Instant, JsValue> {
    let parse = |s: &str, whence: &str| {
        Instant::parse_rfc3339(s).ok_or_else(|| error(&format!("{whence} is not an RFC 3339 time: '{s}' (example: 2026-11-20T16:20:00Z)"), &[]))
    };
    if let Some(s) = now.as_string() {
        return parse(&s, "now");
    }
    if let Some(d) = now.dyn_ref::<js_sys::Date>() {
        let ms = d.get_time();
        if !ms.is_finite() {
            return Err(error("now is an invalid Date", &[]));
        }
        return Ok(Instant((ms / 1000.0).floor() as i64));
    }
    if !now.is_undefined() && !now.is_null() {
        return Err(error("now must be an RFC 3339 string or a Date", &[]));
    }
    match case_now {
        Some(s) => parse(s, "the case's 'now'"),
        None => Ok(Instant((js_sys::Date::now() / 1000.0).floor() as i64)),
    }
}

/// A rule set, loaded and checked: what `load()` resolves to.
#[wasm_bindgen]
pub struct RuleSet {
    rules: Rc<threshold_engine::RuleSet>,
}

#[derive(Serialize)]
struct Info<'a> {
    id: &'a str,
    title: &'a str,
    edition: &'a str,
    hash: &'a str,
    source_file: &'a str,
    superseded_by: Option<&'a threshold_engine::model::Superseded>,
    api_version: u32,
}

#[derive(Serialize)]
struct QuestionOut<'a> {
    id: &'a str,
    step: Step,
    question: &'a str,
    hint: Option<&'a str>,
    kind: Kind,
    /// The fixed answers, in order, yes/no included (empty for free text).
    answers: Vec<AnswerOption>,
    required: bool,
    applies_if: Option<&'a Condition>,
    source: Option<&'a str>,
    quote: Option<&'a str>,
}

#[derive(Serialize)]
struct IndicatorOut<'a> {
    id: &'a str,
    text: &'a str,
    category: &'a str,
    domain: &'a str,
    domain_name: &'a str,
    source: &'a str,
    interpretation: Option<&'a str>,
}

#[derive(Serialize)]
struct CategoryOut<'a> {
    id: &'a str,
    name: &'a str,
    definition: &'a str,
    action: &'a str,
    assessment: Option<&'a str>,
    source: &'a str,
    referral: bool,
}

#[derive(Serialize)]
struct SectionOut<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct ProblemOut<'a> {
    id: &'a str,
    text: &'a str,
    /// The widget's step where it is fixed, e.g. "consent" or "outcome".
    step: &'static str,
}

#[derive(Serialize)]
struct SummaryOut<'a> {
    purpose: &'static str,
    heading: &'static str,
    sections: Vec<SectionOut<'a>>,
    text: String,
    sending: String,
    have_ready: Vec<String>,
    attach: Vec<String>,
    quality_check: Vec<ProblemOut<'a>>,
    decision_note: Option<String>,
    consultation_summary: String,
}

fn screen_name(s: Screen) -> &'static str {
    match s {
        Screen::Start => "start",
        Screen::Danger => "danger",
        Screen::DangerExit => "danger_exit",
        Screen::Safety => "safety",
        Screen::OpenCaseExit => "open_case_exit",
        Screen::Child => "child",
        Screen::Indicators => "indicators",
        Screen::Risks => "risks",
        Screen::Checklist => "checklist",
        Screen::Consent => "consent",
        Screen::Check => "check",
        Screen::Outcome => "outcome",
        Screen::Summary => "summary",
    }
}

impl RuleSet {
    /// Loads a rule set: `{ rules: "luton" }` or nothing for the default.
    pub fn load_with(options: JsValue) -> Result<RuleSet, JsValue> {
        let options: LoadOptions =
            if options.is_undefined() || options.is_null() { LoadOptions::default() } else { from_js("load options", options, &[("rules", "string")])? };
        let id = options.rules.as_deref().unwrap_or(RULE_SETS[0]);
        if !RULE_SETS.contains(&id) {
            return Err(error(&format!("unknown rule set '{id}'"), &RULE_SETS.map(String::from)));
        }
        let compiled: load::Compiled = compact::from_bytes(compiled_bytes()).ok_or_else(|| error("the compiled rule set cannot be read", &[]))?;
        Ok(RuleSet { rules: Rc::new(load::assemble(compiled.files, compiled.hash)) })
    }

    fn case(&self, case: JsValue, now: &JsValue) -> Result<(Case, Instant), JsValue> {
        let c: CaseIn = from_js("case", case, &CASE_FIELDS)?;
        let at = instant(now, c.now.as_deref())?;
        let case = Case { indicators: c.indicators, answers: c.answers };
        self.too_long(&case)?;
        Ok((case, at))
    }

    /// An indicator or question id far longer than any there is cannot be one: it is refused
    /// at once, without "did you mean" (comparing a page of text with every indicator would
    /// take seconds).
    fn too_long(&self, case: &Case) -> Result<(), JsValue> {
        let r = &self.rules;
        let longest = r.indicators.iter().map(|i| i.text.chars().count().max(i.id.as_str().len())).max().unwrap_or(0);
        let start = |s: &str| s.chars().take(60).collect::<String>();
        if let Some(k) = case.indicators.iter().find(|k| k.chars().count() > 2 * longest + 100) {
            return Err(error(&format!("unknown indicator '{}…' ({} characters: longer than any indicator)", start(k), k.chars().count()), &[]));
        }
        if let Some(q) = case.answers.iter().map(|(q, _)| q).find(|q| q.chars().count() > 200) {
            return Err(error(&format!("unknown question '{}…' ({} characters: longer than any question id)", start(q), q.chars().count()), &[]));
        }
        Ok(())
    }
}

#[wasm_bindgen]
impl RuleSet {
    /// Used by the entry module's `load()`; not part of the typed API.
    #[wasm_bindgen(js_name = load, skip_typescript)]
    pub fn load_js(options: JsValue) -> Result<RuleSet, JsValue> {
        RuleSet::load_with(options)
    }

    /// The rule set's id, title, edition and content hash, and the API's version.
    #[wasm_bindgen(unchecked_return_type = "RuleSetInfo")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        let m = &self.rules.meta;
        to_js(&Info {
            id: &m.id,
            title: &m.title,
            edition: &m.edition,
            hash: &m.hash,
            source_file: &m.source_file,
            superseded_by: m.superseded_by.as_ref(),
            api_version: API_VERSION,
        })
    }

    /// Every question, in the rule set's order, with its answers and when it applies.
    #[wasm_bindgen(unchecked_return_type = "Question[]")]
    pub fn questions(&self) -> Result<JsValue, JsValue> {
        let list: Vec<QuestionOut> = self
            .rules
            .questions
            .iter()
            .map(|q| QuestionOut {
                id: q.id.as_str(),
                step: q.step,
                question: &q.question,
                hint: q.hint.as_deref(),
                kind: q.kind,
                answers: q.answer_options().into_iter().map(|c| AnswerOption { id: c.value, label: c.label }).collect(),
                required: q.required,
                applies_if: q.applies_if.as_ref(),
                source: q.source.as_deref(),
                quote: q.quote.as_deref(),
            })
            .collect();
        to_js(&list)
    }

    /// Every indicator: id, the document's verbatim text, category, domain and source.
    #[wasm_bindgen(unchecked_return_type = "Indicator[]")]
    pub fn indicators(&self) -> Result<JsValue, JsValue> {
        let r = &self.rules;
        let list: Vec<IndicatorOut> = r
            .indicators
            .iter()
            .zip(&r.indicator_place)
            .map(|(i, p)| IndicatorOut {
                id: i.id.as_str(),
                text: &i.text,
                category: &i.category,
                domain: &i.domain,
                domain_name: r.domains.get(p.domain).map(|d| d.name.as_str()).unwrap_or_default(),
                source: &i.source,
                interpretation: i.interpretation.as_deref(),
            })
            .collect();
        to_js(&list)
    }

    /// The categories of need, lowest first.
    #[wasm_bindgen(unchecked_return_type = "Category[]")]
    pub fn categories(&self) -> Result<JsValue, JsValue> {
        let list: Vec<CategoryOut> = self
            .rules
            .categories
            .iter()
            .map(|c| CategoryOut {
                id: c.id.as_str(),
                name: &c.name,
                definition: &c.definition,
                action: &c.action,
                assessment: c.assessment.as_deref(),
                source: &c.source,
                referral: c.referral,
            })
            .collect();
        to_js(&list)
    }

    /// The engine's outcome for a case: the same object as `threshold assess` prints.
    #[wasm_bindgen(unchecked_return_type = "Outcome")]
    pub fn assess(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Case")] case_input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] now: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let (case, at) = self.case(case_input, &now.unwrap_or(JsValue::UNDEFINED))?;
        let outcome = self.rules.assess(&case, at).map_err(case_error)?;
        to_js(&outcome)
    }

    /// The referral summary's sections (what goes into the MASH web form), its quality check,
    /// and the records, as the widget's summary page shows them.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summary(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SummaryCase")] case_input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] now: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let c: CaseIn = from_js("case", case_input, &CASE_FIELDS)?;
        let at = instant(&now.unwrap_or(JsValue::UNDEFINED), c.now.as_deref())?;
        let rules = &self.rules;
        // The same checks as assess: unknown indicators and answers are errors.
        let given = Case { indicators: c.indicators, answers: c.answers };
        self.too_long(&given)?;
        let selected = rules.resolve(&given).map_err(case_error)?;
        if let Some(j) = c.judgement.as_deref() {
            if rules.category_rank(j).is_none() {
                let ids: Vec<String> = rules.categories.iter().map(|c| c.id.as_str().to_string()).collect();
                return Err(error(&format!("unknown judgement '{j}': give a category id"), &ids));
            }
        }
        let mut journey = Journey::new(rules.clone());
        journey.screen = Screen::Summary;
        journey.answers = given.answers;
        journey.selected = selected.iter().map(|&i| rules.indicators[i].id.as_str().to_string()).collect::<Set<String>>();
        journey.judgement = c.judgement;
        journey.judgement_reason = c.judgement_reason.unwrap_or_default();
        let out = rules.assess(&journey.case(), at).map_err(case_error)?;
        let purpose = journey.purpose();
        let sections = summary::referral_summary(&journey, &out, at);
        let problems = summary::quality_check(&journey, &out);
        to_js(&SummaryOut {
            purpose: match purpose {
                Purpose::Referral => "referral",
                Purpose::OpenCase => "open_case",
                Purpose::NotReferring => "not_referring",
            },
            heading: journey.heading(),
            text: summary::text_of(&journey, &sections, at),
            sections: sections.iter().map(|s| SectionOut { id: s.id, title: s.title, text: &s.text }).collect(),
            sending: summary::sending(&journey, &out, at),
            have_ready: summary::have_ready(rules),
            attach: summary::attachments(&out),
            quality_check: problems.iter().map(|p| ProblemOut { id: p.id, text: &p.text, step: screen_name(p.screen) }).collect(),
            decision_note: (purpose == Purpose::NotReferring).then(|| summary::decision_note(&journey, &out, at)),
            consultation_summary: summary::consultation_summary(&journey, &out),
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `load()`. */
export interface LoadOptions {
  /** A rule set by id (this build carries "luton"); the default rule set when absent. */
  rules?: string;
  /** Where the WebAssembly comes from: its URL, its bytes or a compiled module (for Node.js,
   *  or a page that hosts the file elsewhere). Default: next to threshold-engine.js. Only the
   *  first call's value counts. */
  wasm?: URL | string | BufferSource | WebAssembly.Module;
}

export interface RuleSetInfo {
  id: string;
  title: string;
  edition: string;
  /** SHA-256 of the rule files: the id of this exact rule set. */
  hash: string;
  /** The document the rule set is taken from. */
  source_file: string;
  /** Set when this edition is no longer current: the rule set to use for decisions (`id` as
   *  in the widget's `data-rules`). */
  superseded_by: Superseded | null;
  /** The version of the shape of what this API returns (see the README's "Engine API"). */
  api_version: number;
}

/** The current edition that replaces a superseded one. */
export interface Superseded {
  id: string;
  title: string;
}

/** A case: the same shape as the CLI's case file, which is also the file the widget saves
 *  ("Save your answers to a file"): such a file can be passed as it is. */
export interface Case {
  /** Indicator ids, or an indicator's exact text from the document (case, white space and
   *  bullets ignored). */
  indicators?: string[];
  /** Question id → answer: "yes"/"no", "unsure" where allowed, an option id, or free text. */
  answers?: Record<string, string>;
  /** An RFC 3339 instant; the `now` argument wins over it, and the clock is used when neither is given. */
  now?: string;
  /** The professional's own judgement of the level of need: read by `summary()`, not by `assess()`. */
  judgement?: CategoryId;
  /** Why: read by `summary()`. */
  judgement_reason?: string;
  /** The rule set a saved case names. Not compared: its ids are checked against the loaded
   *  rule set like any others (`info().hash` says which rule set is loaded). */
  ruleset?: { id: string; edition: string; hash: string };
}

/** A case for `summary()`: the same fields as `Case`. */
export type SummaryCase = Case;

/** A category id of the loaded rule set (`categories()`, lowest first): each edition has its own. */
export type CategoryId = string;
export type Step = "safety" | "child" | "risks" | "checklist" | "consent";
export type QuestionKind = "yes_no" | "yes_no_unsure" | "choice" | "text";

/** When a question applies: a condition over answers and indicators (one key per object). */
export type Condition =
  | { yes: string }
  | { answer: { question: string; in: string[] } }
  | { indicator: string }
  | { any_indicator: string[] }
  | { category_at_least: string }
  | { domains_at: { category: string; at_least: number } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { mash_open: boolean }
  | { consent_exception: boolean }
  | { urgent_concern: boolean }
  | { outcome_at_least: string };

export interface Question {
  id: string;
  step: Step;
  question: string;
  hint: string | null;
  kind: QuestionKind;
  /** The fixed answers in order: the `id` is the value to give. Empty for free text. */
  answers: { id: string; label: string }[];
  required: boolean;
  applies_if: Condition | null;
  source: string | null;
  quote: string | null;
}

export interface Indicator {
  id: string;
  /** The document's words, verbatim. */
  text: string;
  category: CategoryId;
  domain: string;
  domain_name: string;
  /** Where in the document, e.g. "EXAMPLE INDICATORS > Universal > Health". */
  source: string;
  /** Set when the category is the tool's reading, not the document's. */
  interpretation: string | null;
}

export interface Category {
  id: CategoryId;
  name: string;
  definition: string;
  action: string;
  assessment: string | null;
  source: string;
  /** A referral to the MASH is the route at this level. */
  referral: boolean;
}

export interface Reason {
  kind: "override" | "pathway" | "indicator";
  id: string;
  text: string;
  category: CategoryId;
  domain?: string;
  source: string;
  interpretation?: string;
}

export interface Note {
  id: string;
  text: string;
  basis: string;
}

export interface Action {
  id: string;
  text: string;
  urgent: boolean;
  quote?: string;
  /** A contact id, e.g. "police", "mash", "edt". */
  contact?: string;
  interpretation?: string;
  /** A document to attach to the referral. */
  attach?: string;
  from: { kind: "override" | "pathway" | "category"; id: string };
}

export interface Pathway {
  id: string;
  name: string;
  quote: string;
  source: string;
  interpretation?: string;
}

export interface ConsentException {
  id: string;
  text: string;
}

export interface Consent {
  /** given, refused, not_sought, not_yet, or unanswered. */
  parents: string;
  parents_required: boolean;
  child_required: boolean;
  exception: ConsentException | null;
  suggested_exceptions: ConsentException[];
  warnings: Note[];
}

/** Who to phone at the instant assessed. */
export interface ContactNow {
  /** "mash" when it is open; out of hours "edt" when something is urgent, else "mash" for when it opens. */
  id: string;
  name: string;
  phone: string;
  /** Also true when the rule set's edition gives no office hours (nothing says the MASH is
   *  closed): `why` then says so and names the current edition. */
  mash_open: boolean;
  /** False when the edition gives no office hours for the MASH: `mash_open` is then not
   *  knowledge of the time (see `why`). */
  office_hours_given: boolean;
  urgent: boolean;
  /** e.g. "Friday 20 November 2026, 16:20 GMT". */
  local_time: string;
  /** When the MASH is closed: when it next opens. */
  next_open?: string;
  why: string;
}

export interface Guidance {
  id: string;
  title: string;
  advice?: string;
  points: string[];
  source: string;
  source_file?: string;
  on_summary: boolean;
}

/** The engine's outcome: the same object as `threshold assess` prints. */
export interface Outcome {
  category: { id: CategoryId; name: string; definition: string; action: string };
  because: Reason[];
  interpretation: Note[];
  readings: { category: string; why: string }[];
  /** Do these first, in order ("call 999" first in immediate danger). */
  urgent: Action[];
  actions: Action[];
  pathways: Pathway[];
  attach: string[];
  consent: Consent;
  contact: ContactNow;
  guidance: Guidance[];
  open_case: boolean;
  ruleset: { id: string; title: string; edition: string; hash: string; superseded_by?: Superseded };
  /** Problems with the data itself, e.g. the bank-holiday list has run out. */
  warnings: string[];
}

/** The referral summary, as the widget's summary page has it. */
export interface Summary {
  /** What the page is for: a referral, information for the allocated worker, or a decision not to refer. */
  purpose: "referral" | "open_case" | "not_referring";
  heading: string;
  /** The sections to copy into the MASH web form, in its order. */
  sections: { id: string; title: string; text: string }[];
  /** "Copy all": the heading and every section. */
  text: string;
  /** When to send it, or whom to phone first (for the referrer, never copied). */
  sending: string;
  /** What to have ready for the form (the guide asks for no names). */
  have_ready: string[];
  attach: string[];
  /** Reasons a referral is commonly sent back, found in these answers; `step` is where to fix each. */
  quality_check: { id: string; text: string; step: string }[];
  /** The record of a decision not to refer, when that is the purpose. */
  decision_note: string | null;
  /** What to read out when phoning the MASH for advice: structured facts only. */
  consultation_summary: string;
}
"#;
