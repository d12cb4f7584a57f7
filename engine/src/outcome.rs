//! What the engine returns: the outcome of assessing a case, and its parts. Outputs borrow
//! their texts from the rule set (`'r`): assessing a case copies no rule text, which keeps
//! the engine well inside its time budget with every indicator selected.

use crate::model::Superseded;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryOut<'r> {
    pub id: &'r str,
    pub name: &'r str,
    pub definition: &'r str,
    pub action: &'r str,
}

/// What a reason is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReasonKind {
    Override,
    Pathway,
    Indicator,
}

/// Why the category is what it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason<'r> {
    pub kind: ReasonKind,
    pub id: &'r str,
    pub text: &'r str,
    pub category: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<&'r str>,
    pub source: &'r str,
    /// Set when the category of this item is the tool's reading, not the document's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'r str>,
}

/// The tool's reading that points to a category above the suggestion, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading<'r> {
    pub category: &'r str,
    pub why: &'r str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note<'r> {
    pub id: &'r str,
    pub text: &'r str,
    pub basis: Cow<'r, str>,
}

/// What kind of rule an action comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Override,
    Pathway,
    Category,
}

/// Where an action comes from: an override, a pathway or the category, by id.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ActionSource<'r> {
    pub kind: SourceKind,
    pub id: &'r str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionOut<'r> {
    pub id: &'r str,
    pub text: String,
    pub urgent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'r str>,
    /// A document to attach to the referral.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attach: Option<&'r str>,
    pub from: ActionSource<'r>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathwayOut<'r> {
    pub id: &'r str,
    pub name: &'r str,
    pub quote: &'r str,
    pub source: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'r str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceptionOut<'r> {
    pub id: &'r str,
    pub text: &'r str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsentOut<'r> {
    /// The parents'/carers' answer: given, refused, not_sought, not_yet, or unanswered.
    pub parents: String,
    /// Parents' consent should be sought (no exception applies or is suggested).
    pub parents_required: bool,
    /// The child's own consent is still to be sought (over 12, competent or possibly so, and
    /// not asked yet).
    pub child_required: bool,
    /// The exception the professional relies on, when consent was not sought.
    pub exception: Option<ExceptionOut<'r>>,
    /// Other exceptions that the answers point to (not the one relied on); the professional decides.
    pub suggested_exceptions: Vec<ExceptionOut<'r>>,
    pub warnings: Vec<Note<'r>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactNow<'r> {
    /// The contact for this case now: "mash" when it is open; out of hours "edt" when
    /// something is urgent, otherwise "mash" again, for when it opens (`next_open`).
    pub id: &'r str,
    pub name: &'r str,
    pub phone: &'r str,
    /// Whether the MASH is open; also true in an edition that gives no office hours (nothing
    /// says it is closed), where `why` says the edition gives none.
    pub mash_open: bool,
    /// Whether the edition gives the MASH's office hours; when it does not, `mash_open` is
    /// not knowledge of the time, and `why` says so.
    pub office_hours_given: bool,
    /// Whether this case calls for a call now: there are urgent actions.
    pub urgent: bool,
    /// e.g. "Friday 21 November 2026, 16:20 GMT".
    pub local_time: String,
    /// When the MASH is closed: when it next opens, e.g. "Monday 23 November 2026 at 08:45".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_open: Option<String>,
    pub why: String,
}

/// What the document says about what happens around a referral, where it applies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuidanceOut<'r> {
    pub id: &'r str,
    pub title: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<&'r str>,
    pub points: &'r [String],
    pub source: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_file: Option<&'r str>,
    pub on_summary: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RulesetOut<'r> {
    pub id: &'r str,
    pub title: &'r str,
    pub edition: &'r str,
    pub hash: &'r str,
    /// Set when this edition is no longer current: the one to use for decisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<&'r Superseded>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome<'r> {
    pub category: CategoryOut<'r>,
    pub because: Vec<Reason<'r>>,
    pub interpretation: Vec<Note<'r>>,
    /// Where an interpretation rule shown points above the suggested category.
    pub readings: Vec<Reading<'r>>,
    pub urgent: Vec<ActionOut<'r>>,
    pub actions: Vec<ActionOut<'r>>,
    pub pathways: Vec<PathwayOut<'r>>,
    /// What to attach to the referral, from the actions shown, without repeats.
    pub attach: Vec<&'r str>,
    pub consent: ConsentOut<'r>,
    pub contact: ContactNow<'r>,
    /// The document on what happens next, disagreement, engagement, the early-years offer.
    pub guidance: Vec<GuidanceOut<'r>>,
    /// The child's case is already open: information goes to the allocated social worker,
    /// and no action asks for a new referral.
    pub open_case: bool,
    pub ruleset: RulesetOut<'r>,
    /// Problems with the data itself, e.g. the bank-holiday list has run out.
    pub warnings: Vec<String>,
}
