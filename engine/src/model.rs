//! The rule set as written in `rules/*/*.toml`. These types mirror the files one to one
//! (`deny_unknown_fields`, so a misspelt key is an error, not a silently ignored rule).
//! `load.rs` checks the cross-references and turns them into a [`RuleSet`].

use super::compact::{compact_enum, compact_struct, compact_tagged, Compact, Reader, Writer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::ops::Range;

/// A stable id, with where it stands in its TOML file (for error messages). In the compact
/// binary form that build.rs compiles for the browser, only the text is kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Id {
    value: String,
    span: Range<usize>,
}

impl Id {
    /// An id made in code (a rule set edited by a tool or a test), with no place in a file.
    pub fn new(value: impl Into<String>) -> Id {
        Id { value: value.into(), span: 0..0 }
    }
    pub fn as_str(&self) -> &str {
        &self.value
    }
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = toml::Spanned::<String>::deserialize(d)?;
        Ok(Id { span: s.span(), value: s.into_inner() })
    }
}

/// The compiled form keeps only the text: spans are for error messages about TOML files.
impl Compact for Id {
    fn write(&self, w: &mut Writer) {
        self.value.write(w);
    }
    fn read(r: &mut Reader) -> Self {
        Id { value: String::read(r), span: 0..0 }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RulesetFile {
    pub id: String,
    pub title: String,
    pub edition: String,
    pub source_file: String,
    /// Set in an edition that is no longer current: the edition to use for decisions instead.
    #[serde(default)]
    pub superseded_by: Option<Superseded>,
    pub category: Vec<Category>,
    pub domain: Vec<Domain>,
}

/// The current edition that replaces a superseded one: its rule-set name (the folder,
/// e.g. "luton") and its title as people know it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Superseded {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: Id,
    pub name: String,
    pub definition: String,
    pub action: String,
    #[serde(default)]
    pub assessment: Option<String>,
    pub source: String,
    /// What the professional does next when this is the suggested category.
    #[serde(default)]
    pub next: Vec<Action>,
    /// A referral to the MASH is the route at this level (see `RuleSet::is_referral_level`).
    #[serde(default)]
    pub referral: bool,
    /// How the indicator picker heads this category's indicators; its name when not given.
    #[serde(default)]
    pub indicators_heading: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: Id,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsFile {
    pub indicator: Vec<Indicator>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Id,
    pub category: String,
    pub domain: String,
    pub text: String,
    pub source: String,
    #[serde(default)]
    pub interpretation: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Safety,
    Child,
    Risks,
    Checklist,
    Consent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    YesNo,
    YesNoUnsure,
    Choice,
    Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    pub question: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Id,
    pub step: Step,
    pub question: String,
    #[serde(default)]
    pub hint: Option<String>,
    pub kind: Kind,
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    #[serde(default)]
    pub applies_if: Option<Condition>,
    /// The journey will not move on while a required question that applies is unanswered.
    #[serde(default)]
    pub required: bool,
    /// The error message when a required question is unanswered (GOV.UK style: say what to do).
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
}

impl Kind {
    /// The answer values a question of this kind accepts, given a choice question's option
    /// ids; empty for free text (which accepts any text).
    pub fn answers(self, options: &[String]) -> Vec<String> {
        match self {
            Kind::YesNo => vec!["yes".into(), "no".into()],
            Kind::YesNoUnsure => vec!["yes".into(), "no".into(), "unsure".into()],
            Kind::Choice => options.to_vec(),
            Kind::Text => vec![],
        }
    }
}

/// One fixed answer of a question: the value stored, and how it reads to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChoice {
    pub value: String,
    pub label: String,
}

impl Question {
    /// Whether `value` is an answer to this question: the one definition the loader, the
    /// engine, the journey and the CLI all use.
    pub fn accepts(&self, value: &str) -> bool {
        match self.kind {
            Kind::YesNo => matches!(value, "yes" | "no"),
            Kind::YesNoUnsure => matches!(value, "yes" | "no" | "unsure"),
            Kind::Choice => self.options.iter().any(|o| o.id == value),
            Kind::Text => true,
        }
    }

    /// The fixed answers of this question, in order; empty for free text.
    pub fn answer_options(&self) -> Vec<AnswerChoice> {
        let choice = |value: &str, label: &str| AnswerChoice { value: value.into(), label: label.into() };
        match self.kind {
            Kind::YesNo => vec![choice("yes", "Yes"), choice("no", "No")],
            Kind::YesNoUnsure => vec![choice("yes", "Yes"), choice("no", "No"), choice("unsure", "Not sure")],
            Kind::Choice => self.options.iter().map(|o| choice(&o.id, &o.label)).collect(),
            Kind::Text => vec![],
        }
    }

    /// How a stored answer reads to a person ("unsure" → "Not sure"; free text as written).
    pub fn answer_label(&self, value: &str) -> String {
        self.answer_options().into_iter().find(|c| c.value == value).map(|c| c.label).unwrap_or_else(|| value.to_string())
    }
}

/// A condition over the practitioner's answers and selected indicators.
/// Externally tagged so that each TOML inline table has exactly one key.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    Yes(String),
    Answer(AnswerIn),
    Indicator(String),
    AnyIndicator(Vec<String>),
    CategoryAtLeast(String),
    DomainsAt(DomainsAt),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    // Facts the engine works out, not answers. They are known only once the triggers have
    // run, so only actions, consent rules, interpretation rules and guidance may use them
    // (load.rs refuses them in a question's `applies_if` or a pathway's or override's `when`).
    /// The MASH is open (true) or closed (false) at the instant assessed.
    MashOpen(bool),
    /// A consent exception is relied on or suggested by the answers (true), or none (false).
    ConsentException(bool),
    /// Something calls for a response now: an urgent action of a triggered override or pathway.
    UrgentConcern(bool),
    /// The suggested category is this one or higher.
    OutcomeAtLeast(String),
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerIn {
    pub question: String,
    #[serde(rename = "in")]
    pub one_of: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DomainsAt {
    pub category: String,
    pub at_least: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub urgent: bool,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// Set where the action is the tool's reading of the document rather than its instruction.
    #[serde(default)]
    pub interpretation: Option<String>,
    /// A document to attach to the referral when this action is shown (e.g. "Chronology").
    #[serde(default)]
    pub attach: Option<String>,
    /// Actions this one supersedes when both would be shown (same advice said more
    /// specifically, or general advice that this situation contradicts).
    #[serde(default)]
    pub covers: Vec<String>,
    /// The action asks for a new referral (or a new contact with the MASH about it). Withheld
    /// when the child's case is already open: the allocated worker is the route then.
    #[serde(default)]
    pub new_referral: bool,
    /// The action tells the family, or asks their consent. Withheld when a consent exception
    /// is relied on or suggested: telling them may put the child at greater risk.
    #[serde(default)]
    pub tells_family: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PathwaysFile {
    pub pathway: Vec<Pathway>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub id: Id,
    pub name: String,
    pub source: String,
    pub when: Condition,
    pub quote: String,
    #[serde(default)]
    pub category_floor: Option<String>,
    #[serde(default)]
    pub consent_exception: Option<String>,
    /// Set where the pathway's trigger or floor is the tool's reading of the document.
    #[serde(default)]
    pub interpretation: Option<String>,
    #[serde(default)]
    pub action: Vec<Action>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyFile {
    #[serde(rename = "override")]
    pub overrides: Vec<Override>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub id: Id,
    pub when: Condition,
    #[serde(default)]
    pub category: Option<String>,
    pub quote: String,
    pub source: String,
    #[serde(default)]
    pub interpretation: Option<String>,
    #[serde(default)]
    pub action: Vec<Action>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentFile {
    pub exception: Vec<Exception>,
    pub rule: Vec<ConsentRule>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    pub id: Id,
    pub text: String,
    pub source: String,
    #[serde(default)]
    pub suggested_when: Option<Condition>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentRule {
    pub id: Id,
    pub quote: String,
    pub source: String,
    /// When the rule is shown with the outcome's consent guidance; never shown without one.
    #[serde(default)]
    pub when: Option<Condition>,
    /// What the rule means for this practitioner, in our words (the quote is shown beside it).
    #[serde(default)]
    pub advice: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContactsFile {
    pub timezone: String,
    pub contact: Vec<Contact>,
    /// Days the MASH is closed (`closed_on_bank_holidays`); an edition without office hours
    /// has none (the table is left out: all empty).
    #[serde(default)]
    pub bank_holidays: BankHolidays,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub how: Option<String>,
    /// Office hours in the rule set's time zone; empty means not bound to hours.
    #[serde(default)]
    pub hours: Vec<Hours>,
    #[serde(default)]
    pub closed_on_bank_holidays: bool,
    /// This contact covers the times when the named contact is closed (EDT for MASH).
    #[serde(default)]
    pub out_of_hours_for: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    pub days: Vec<String>,
    pub open: String,
    pub close: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BankHolidays {
    pub source: String,
    pub valid_until: String,
    pub dates: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InterpretationFile {
    pub rule: Vec<Interpretation>,
}

/// Advice the tool adds by its own reading of the document. It has no category field on
/// purpose: an interpretation may suggest "consider", never change the category.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Interpretation {
    pub id: Id,
    pub when: Condition,
    pub advice: String,
    pub basis: String,
    /// The category the tool's reading points to, above the suggestion (never applied: the
    /// referrer decides), and in a few words why; the summary's level of need carries both.
    #[serde(default)]
    pub suggests: Option<String>,
    #[serde(default)]
    pub reading: Option<String>,
}

/// `guidance.toml`: what the document says about what happens around a referral (after it,
/// disagreement, families who find it hard to engage, the early-years offer), shown where
/// it applies, and the sentences the engine itself says, as messages an editor can reach.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceFile {
    pub guidance: Vec<Guidance>,
    pub message: Vec<Message>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub id: Id,
    /// Our heading for it.
    pub title: String,
    pub when: Condition,
    /// Our words: what it means for this practitioner now.
    #[serde(default)]
    pub advice: Option<String>,
    /// The document's words, verbatim, each a sentence or a list item.
    pub points: Vec<String>,
    pub source: String,
    /// The seed file the points come from, when it is not the rule set's own document.
    #[serde(default)]
    pub source_file: Option<String>,
    /// Also shown on the summary page (never in the copied referral text).
    #[serde(default)]
    pub on_summary: bool,
}

/// A sentence the engine says by id; `{name}` placeholders are filled in by the engine.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub basis: Option<String>,
}

/// Hand counts of indicators per category and domain (`indicator-counts.toml`), so that a
/// silently dropped indicator fails the build.
pub type Counts = BTreeMap<String, BTreeMap<String, u32>>;

// The compiled binary form (see compact.rs): every field, in declaration order.
compact_struct! {
    RulesetFile { id, title, edition, source_file, superseded_by, category, domain }
    Superseded { id, title }
    Category { id, name, definition, action, assessment, source, next, referral, indicators_heading }
    Domain { id, name }
    IndicatorsFile { indicator }
    Indicator { id, category, domain, text, source, interpretation }
    AnswerOption { id, label }
    QuestionsFile { question }
    Question { id, step, question, hint, kind, options, applies_if, required, error, source, quote }
    AnswerIn { question, one_of }
    DomainsAt { category, at_least }
    Action { id, text, quote, urgent, when, contact, source, interpretation, attach, covers, new_referral, tells_family }
    PathwaysFile { pathway }
    Pathway { id, name, source, when, quote, category_floor, consent_exception, interpretation, action }
    SafetyFile { overrides }
    Override { id, when, category, quote, source, interpretation, action }
    ConsentFile { exception, rule }
    Exception { id, text, source, suggested_when }
    ConsentRule { id, quote, source, when, advice }
    ContactsFile { timezone, contact, bank_holidays }
    Contact { id, name, phone, email, how, hours, closed_on_bank_holidays, out_of_hours_for, address, source }
    Hours { days, open, close }
    BankHolidays { source, valid_until, dates }
    InterpretationFile { rule }
    Interpretation { id, when, advice, basis, suggests, reading }
    GuidanceFile { guidance, message }
    Guidance { id, title, when, advice, points, source, source_file, on_summary }
    Message { id, text, basis }
}

compact_enum! {
    Step { Safety = 0, Child = 1, Risks = 2, Checklist = 3, Consent = 4 }
    Kind { YesNo = 0, YesNoUnsure = 1, Choice = 2, Text = 3 }
}

compact_tagged! {
    Condition {
        Yes = 0,
        Answer = 1,
        Indicator = 2,
        AnyIndicator = 3,
        CategoryAtLeast = 4,
        DomainsAt = 5,
        All = 6,
        Any = 7,
        Not = 8,
        MashOpen = 9,
        ConsentException = 10,
        UrgentConcern = 11,
        OutcomeAtLeast = 12,
    } or Condition::All(Vec::new())
}
