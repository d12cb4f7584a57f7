//! The decision: answers + selected indicators + the current instant → [`Outcome`].
//!
//! Semantics, in order (see ARCHITECTURE.md, "Invariants"):
//! 1. Safety overrides are checked first; their urgent actions always come first.
//! 2. The category is the highest of: the selected indicators' categories, the floors of
//!    triggered pathways, and the categories of triggered overrides. Nothing lowers it.
//! 3. Interpretation rules only add "consider" notes.
//! 4. Answers to questions that do not apply (their `applies_if` is false) are ignored.
//!
//! The result is deterministic: it depends on the set of inputs, never their order.

use super::clock::{describe_day, format_date, parse_date, parse_hhmm, Instant, Weekday};
use super::load::RuleSet;
use super::model::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use super::sorted::{Map, Set};

/// A practitioner's case: what they selected and answered, and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(default)]
    pub indicators: Vec<String>,
    #[serde(default)]
    pub answers: Map<String, String>,
}

// Outputs borrow their texts from the rule set (`'r`): assessing a case copies no rule text,
// which keeps the engine well inside its time budget with every indicator selected.

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryOut<'r> {
    pub id: &'r str,
    pub name: &'r str,
    pub definition: &'r str,
    pub action: &'r str,
}

/// Why the category is what it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason<'r> {
    /// "override", "pathway" or "indicator".
    pub kind: &'static str,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note<'r> {
    pub id: &'r str,
    pub text: &'r str,
    pub basis: Cow<'r, str>,
}

/// Where an action comes from: an override, a pathway or the category.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct From<'r> {
    pub kind: &'static str,
    pub id: &'r str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionOut<'r> {
    pub id: &'r str,
    pub text: Cow<'r, str>,
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
    pub from: From<'r>,
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
    /// The child's own consent should be sought (over 12 and competent, or unsure).
    pub child_required: bool,
    /// The exception the professional relies on, when consent was not sought.
    pub exception: Option<ExceptionOut<'r>>,
    /// Exceptions that the answers point to; the professional decides.
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
    pub mash_open: bool,
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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome<'r> {
    pub category: CategoryOut<'r>,
    pub because: Vec<Reason<'r>>,
    pub interpretation: Vec<Note<'r>>,
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

/// An error in a case: an unknown indicator or answer. `suggestions` are the nearest
/// known ids or texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseError {
    pub message: String,
    pub suggestions: Vec<String>,
}

/// What conditions are evaluated against.
struct Facts<'a> {
    rules: &'a RuleSet,
    /// Only the answers to questions that apply.
    answers: Map<&'a str, &'a str>,
    selected: Set<usize>,
    /// Highest category rank among the selected indicators.
    top: Option<usize>,
    /// Facts the engine works out after the triggers have run; `None` while they run (load.rs
    /// keeps these conditions out of triggers, so they never meet `None` in a valid rule set).
    derived: Option<Derived>,
}

#[derive(Clone, Copy)]
struct Derived {
    mash_open: bool,
    exception: bool,
    urgent: bool,
    rank: usize,
}

impl Facts<'_> {
    fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::Yes(q) => self.answers.get(q.as_str()) == Some(&"yes"),
            Condition::Answer(a) => {
                self.answers.get(a.question.as_str()).is_some_and(|v| a.one_of.iter().any(|x| x == v))
            }
            Condition::Indicator(i) => self.has(i),
            Condition::AnyIndicator(list) => list.iter().any(|i| self.has(i)),
            Condition::CategoryAtLeast(cat) => {
                matches!((self.top, self.rules.category_rank(cat)), (Some(t), Some(c)) if t >= c)
            }
            Condition::DomainsAt(d) => {
                let Some(rank) = self.rules.category_rank(&d.category) else { return false };
                let domains: Set<usize> = self
                    .selected
                    .iter()
                    .map(|&i| self.rules.indicator_place[i])
                    .filter(|&(c, _)| c == rank)
                    .map(|(_, dom)| dom)
                    .collect();
                domains.len() as u32 >= d.at_least
            }
            Condition::All(list) => list.iter().all(|c| self.holds(c)),
            Condition::Any(list) => list.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
            Condition::MashOpen(b) => self.derived.is_some_and(|d| d.mash_open == *b),
            Condition::ConsentException(b) => self.derived.is_some_and(|d| d.exception == *b),
            Condition::UrgentConcern(b) => self.derived.is_some_and(|d| d.urgent == *b),
            Condition::OutcomeAtLeast(c) => {
                matches!((self.derived, self.rules.category_rank(c)), (Some(d), Some(c)) if d.rank >= c)
            }
        }
    }
    fn has(&self, indicator: &str) -> bool {
        self.rules.indicator_index.get(indicator).is_some_and(|n| self.selected.contains(n))
    }
    fn answer(&self, q: &str) -> Option<&str> {
        self.answers.get(q).copied()
    }
}

/// Adds the actions whose `when` holds, urgent ones to `urgent`, the rest to `later`; leaves
/// out what this situation withholds (a new referral for an open case, telling the family
/// when a consent exception applies). `{next_open}` in a text becomes when the MASH opens.
fn push_actions<'r>(
    facts: &Facts,
    actions: &'r [Action],
    from: From<'r>,
    next_open: &str,
    urgent: &mut Vec<ActionOut<'r>>,
    later: &mut Vec<ActionOut<'r>>,
) {
    let open_case = facts.answer("open_case") == Some("yes");
    let exception = facts.derived.is_some_and(|d| d.exception);
    for a in actions
        .iter()
        .filter(|a| a.when.as_ref().is_none_or(|c| facts.holds(c)))
        .filter(|a| !(open_case && a.new_referral) && !(exception && a.tells_family))
    {
        let text = if a.text.contains("{next_open}") { Cow::Owned(a.text.replace("{next_open}", next_open)) } else { Cow::Borrowed(a.text.as_str()) };
        let out = ActionOut {
            id: a.id.get_ref(),
            text,
            urgent: a.urgent,
            quote: a.quote.as_deref(),
            contact: a.contact.as_deref(),
            interpretation: a.interpretation.as_deref(),
            attach: a.attach.as_deref(),
            from,
        };
        if a.urgent {
            urgent.push(out)
        } else {
            later.push(out)
        }
    }
}

/// Lower-case, collapse white space, drop bullets: how typed indicator texts are matched.
pub fn normalise(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || matches!(c, '•' | '·'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .trim_start_matches(['-', '*', ' '])
        .to_ascii_lowercase()
}

/// Edit distance, for "did you mean" suggestions.
#[cfg(not(target_arch = "wasm32"))]
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// "Did you mean" suggestions, for people who type ids and texts (the CLI, case files). The
/// widget only passes ids it took from the rule set, so its build leaves them out: a smaller
/// download for an error it cannot meet.
#[cfg(target_arch = "wasm32")]
fn nearest<'a>(_wanted: &str, _candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    Vec::new()
}

#[cfg(not(target_arch = "wasm32"))]
fn nearest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    use super::sorted::sort_small_by;
    let w = normalise(wanted);
    let mut scored: Vec<(usize, &str)> = candidates.map(|c| (distance(&w, &normalise(c)), c)).collect();
    sort_small_by(&mut scored, |a, b| a < b);
    scored.into_iter().take(3).map(|(_, c)| c.to_string()).collect()
}

impl RuleSet {
    /// The heaviest case there is: every indicator selected and every question answered (the
    /// first answer of each, or a line of text). Used by the benchmarks, native and in the browser.
    pub fn case_with_everything(&self) -> Case {
        Case {
            indicators: self.indicators.iter().map(|i| i.id.get_ref().clone()).collect(),
            answers: self
                .questions
                .iter()
                .map(|q| {
                    let v = q.answer_options().first().map(|(v, _)| v.clone()).unwrap_or_else(|| "A note written by the practitioner.".into());
                    (q.id.get_ref().clone(), v)
                })
                .collect(),
        }
    }

    /// Finds an indicator by id, or by its exact text (case, white space and bullets ignored).
    pub fn find_indicator(&self, key: &str) -> Result<usize, CaseError> {
        if let Some(&i) = self.indicator_index.get(key.trim()) {
            return Ok(i);
        }
        let n = normalise(key);
        let n = n.trim_end_matches(['.', ',', ';']);
        let hits: Vec<usize> = (0..self.indicators.len())
            .filter(|&i| normalise(&self.indicators[i].text).trim_end_matches(['.', ',', ';']) == n)
            .collect();
        match hits.as_slice() {
            [one] => Ok(*one),
            [] => Err(CaseError {
                message: format!("unknown indicator '{key}'"),
                suggestions: nearest(
                    key,
                    self.indicators.iter().map(|i| i.id.get_ref().as_str()).chain(self.indicators.iter().map(|i| i.text.as_str())),
                ),
            }),
            many => Err(CaseError {
                message: format!("indicator text '{key}' appears more than once; give one of these ids"),
                suggestions: many.iter().map(|&i| self.indicators[i].id.get_ref().clone()).collect(),
            }),
        }
    }

    /// Checks a case against the rule set: every indicator and answer must be known.
    pub fn resolve(&self, case: &Case) -> Result<Set<usize>, CaseError> {
        let mut selected = Set::new();
        for key in &case.indicators {
            selected.insert(self.find_indicator(key)?);
        }
        for (q, v) in &case.answers {
            let Some(question) = self.question(q) else {
                return Err(CaseError {
                    message: format!("unknown question '{q}'"),
                    suggestions: nearest(q, self.questions.iter().map(|x| x.id.get_ref().as_str())),
                });
            };
            let allowed: Vec<&str> = match question.kind {
                Kind::YesNo => vec!["yes", "no"],
                Kind::YesNoUnsure => vec!["yes", "no", "unsure"],
                Kind::Choice => question.options.iter().map(|o| o.id.as_str()).collect(),
                Kind::Text => continue,
            };
            if !allowed.contains(&v.as_str()) {
                return Err(CaseError {
                    message: format!("'{v}' is not an answer to question '{q}' (answers: {})", allowed.join(", ")),
                    suggestions: nearest(v, allowed.into_iter()),
                });
            }
        }
        Ok(selected)
    }

    /// The questions that apply given the answers so far, in order. A question applies
    /// when it has no `applies_if` or its condition holds over the applying answers before it.
    pub fn applicable_questions(&self, case: &Case, selected: &Set<usize>) -> Vec<usize> {
        self.facts(case, selected.clone()).1
    }

    fn facts<'a>(&'a self, case: &'a Case, selected: Set<usize>) -> (Facts<'a>, Vec<usize>) {
        let top = selected.iter().map(|&i| self.indicator_place[i].0).max();
        let mut facts = Facts { rules: self, answers: Map::new(), selected, top, derived: None };
        let mut applicable = Vec::new();
        for (i, q) in self.questions.iter().enumerate() {
            if q.applies_if.as_ref().is_none_or(|c| facts.holds(c)) {
                applicable.push(i);
                if let Some(v) = case.answers.get(q.id.get_ref()) {
                    facts.answers.insert(q.id.get_ref().as_str(), v.as_str());
                }
            }
        }
        (facts, applicable)
    }

    /// A message of the rule set's, with its placeholders filled in. load.rs checks that
    /// every message the code asks for exists, so a missing one is an empty string only in
    /// a rule set that was never checked.
    pub fn message(&self, id: &str, fill: &[(&str, &str)]) -> String {
        let mut text = self.messages.iter().find(|m| m.id.get_ref() == id).map(|m| m.text.clone()).unwrap_or_default();
        for (name, value) in fill {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    fn message_note(&self, id: &'static str) -> Note<'_> {
        let m = self.messages.iter().find(|m| m.id.get_ref() == id);
        Note { id, text: m.map(|m| m.text.as_str()).unwrap_or_default(), basis: Cow::Borrowed(m.and_then(|m| m.basis.as_deref()).unwrap_or_default()) }
    }

    /// Assesses a case. Fails only when the case names something the rule set does not know.
    pub fn assess(&self, case: &Case, now: Instant) -> Result<Outcome<'_>, CaseError> {
        let selected = self.resolve(case)?;
        let (mut facts, _) = self.facts(case, selected);
        let mut because = Vec::new();
        let mut rank = facts.top.unwrap_or(0);

        // 1. What triggers: safety overrides first, then pathways (specific risks). Triggers
        //    read answers and indicators only, never the facts worked out below.
        let overrides: Vec<&Override> = self.overrides.iter().filter(|o| facts.holds(&o.when)).collect();
        let triggered: Vec<&Pathway> = self.pathways.iter().filter(|p| facts.holds(&p.when)).collect();
        let mut override_reasons = Vec::new();
        for o in &overrides {
            if let Some(r) = o.category.as_deref().and_then(|c| self.category_rank(c)) {
                rank = rank.max(r);
                override_reasons.push((r, Reason {
                    kind: "override",
                    id: o.id.get_ref(),
                    text: &o.quote,
                    category: self.categories[r].id.get_ref(),
                    domain: None,
                    source: &o.source,
                    interpretation: o.interpretation.as_deref(),
                }));
            }
        }
        let mut pathways = Vec::new();
        let mut pathway_reasons = Vec::new();
        for p in &triggered {
            pathways.push(PathwayOut {
                id: p.id.get_ref(),
                name: &p.name,
                quote: &p.quote,
                source: &p.source,
                interpretation: p.interpretation.as_deref(),
            });
            if let Some(r) = p.category_floor.as_deref().and_then(|c| self.category_rank(c)) {
                rank = rank.max(r);
                pathway_reasons.push((r, Reason {
                    kind: "pathway",
                    id: p.id.get_ref(),
                    text: &p.quote,
                    category: self.categories[r].id.get_ref(),
                    domain: None,
                    source: &p.source,
                    interpretation: p.interpretation.as_deref(),
                }));
            }
        }

        // 2. The facts the actions are resolved against: the category, office hours, whether a
        //    consent exception applies, and whether anything calls for a response now.
        let (suggested, chosen) = self.exceptions(&facts, &pathways);
        let mash_open = self.mash_open(now);
        let exception = !suggested.is_empty() || chosen.is_some();
        facts.derived = Some(Derived { mash_open, exception, urgent: false, rank });
        let urgent_concern = overrides
            .iter()
            .flat_map(|o| &o.action)
            .chain(triggered.iter().flat_map(|p| &p.action))
            .any(|a| a.urgent && a.when.as_ref().is_none_or(|c| facts.holds(c)));
        facts.derived = Some(Derived { mash_open, exception, urgent: urgent_concern, rank });
        let next_open_text = self.next_open(now).unwrap_or_default();

        // 3. Actions: overrides', then pathways' urgent ones, then the category's, then the
        //    pathways' other actions.
        let mut urgent = Vec::new();
        let mut later = Vec::new();
        for o in &overrides {
            push_actions(&facts, &o.action, From { kind: "override", id: o.id.get_ref() }, &next_open_text, &mut urgent, &mut later);
        }
        let mut pathway_later = Vec::new();
        for p in &triggered {
            push_actions(&facts, &p.action, From { kind: "pathway", id: p.id.get_ref() }, &next_open_text, &mut urgent, &mut pathway_later);
        }

        // The reasons that decided the category: everything at the final rank.
        because.extend(override_reasons.into_iter().filter(|(r, _)| *r == rank).map(|(_, x)| x));
        because.extend(pathway_reasons.into_iter().filter(|(r, _)| *r == rank).map(|(_, x)| x));
        for &i in &facts.selected {
            let (c, d) = self.indicator_place[i];
            if c == rank {
                let ind = &self.indicators[i];
                because.push(Reason {
                    kind: "indicator",
                    id: ind.id.get_ref(),
                    text: &ind.text,
                    category: &ind.category,
                    domain: Some(&self.domains[d].name),
                    source: &ind.source,
                    interpretation: ind.interpretation.as_deref(),
                });
            }
        }

        let category = &self.categories[rank];
        push_actions(&facts, &category.next, From { kind: "category", id: category.id.get_ref() }, &next_open_text, &mut urgent, &mut later);
        later.extend(pathway_later);

        let mut interpretation: Vec<Note> = self
            .interpretations
            .iter()
            .filter(|r| facts.holds(&r.when))
            .map(|r| Note { id: r.id.get_ref(), text: &r.advice, basis: Cow::Borrowed(&r.basis) })
            .collect();
        if facts.selected.is_empty() && because.is_empty() && pathways.is_empty() && urgent.is_empty() && later.iter().all(|a| a.from.kind == "category") {
            interpretation.insert(0, self.message_note("nothing_selected"));
        }

        // An action that is shown removes the actions it covers (said more specifically,
        // or contradicted by this situation).
        let shown: Set<&str> = urgent.iter().chain(&later).map(|o| o.id).collect();
        let covered: Set<&str> = self
            .all_actions()
            .filter(|a| !a.covers.is_empty() && shown.contains(a.id.get_ref().as_str()))
            .flat_map(|a| a.covers.iter().map(String::as_str))
            .collect();
        urgent.retain(|a| !covered.contains(a.id));
        later.retain(|a| !covered.contains(a.id));
        // One call per number in "Do this now" (two risks that both say "phone the MASH" are
        // one call). The call keeps the place of the first action that asks for it; where a
        // specific risk asks for the same call as a general override, the risk's words stand
        // ("Act now: you may only get one chance" says more than "phone the EDT").
        let mut calls: Vec<ActionOut> = Vec::with_capacity(urgent.len());
        for a in urgent {
            let phone = a.contact.filter(|c| self.contact(c).is_some_and(|c| c.phone.is_some()));
            match phone.and_then(|c| calls.iter().position(|x| x.contact == Some(c))) {
                Some(i) if a.from.kind == "pathway" && calls[i].contact != Some("police") && self.generic_call(&calls[i]) => calls[i] = a,
                Some(_) => {}
                None => calls.push(a),
            }
        }
        let urgent = calls;

        if facts.selected.is_empty() && rank == 0 && !pathways.is_empty() {
            interpretation.insert(0, self.message_note("risks_without_indicators"));
        }

        let mut seen = Set::new();
        let attach = urgent.iter().chain(&later).filter_map(|a| a.attach).filter(|a| seen.insert(*a)).collect();

        let guidance = self
            .guidance
            .iter()
            .filter(|g| facts.holds(&g.when))
            .map(|g| GuidanceOut {
                id: g.id.get_ref(),
                title: &g.title,
                advice: g.advice.as_deref(),
                points: &g.points,
                source: &g.source,
                source_file: g.source_file.as_deref(),
                on_summary: g.on_summary,
            })
            .collect();

        let consent = self.consent_out(&facts, suggested, chosen);
        let (contact, mut warnings) = self.contact_now(now, !urgent.is_empty());
        if facts.answer("immediate_danger") == Some("yes") && urgent.first().map(|a| a.contact) != Some(Some("police")) {
            // A rule-set bug, never silently: 999 must come first.
            warnings.push("The rule set does not put 'call 999' first for immediate danger.".into());
        }
        Ok(Outcome {
            category: CategoryOut {
                id: category.id.get_ref(),
                name: &category.name,
                definition: &category.definition,
                action: &category.action,
            },
            because,
            interpretation,
            urgent,
            attach,
            actions: later,
            pathways,
            consent,
            contact,
            guidance,
            open_case: facts.answer("open_case") == Some("yes"),
            ruleset: RulesetOut {
                id: &self.meta.id,
                title: &self.meta.title,
                edition: &self.meta.edition,
                hash: &self.meta.hash,
            },
            warnings,
        })
    }

    /// An urgent call from an override that sets a category (immediate danger, significant
    /// harm): a general call that a specific risk's own words may stand for. The open-case
    /// override has no category: its call names the allocated worker, and stays.
    fn generic_call(&self, a: &ActionOut) -> bool {
        a.from.kind == "override" && self.overrides.iter().any(|o| o.id.get_ref() == a.from.id && o.category.is_some())
    }

    /// Every action in the rule set, wherever it is defined.
    fn all_actions(&self) -> impl Iterator<Item = &Action> {
        self.overrides
            .iter()
            .flat_map(|o| &o.action)
            .chain(self.pathways.iter().flat_map(|p| &p.action))
            .chain(self.categories.iter().flat_map(|c| &c.next))
    }

    /// The consent exceptions the answers point to, and the one the professional relies on.
    fn exceptions(&self, facts: &Facts, pathways: &[PathwayOut]) -> (Vec<ExceptionOut<'_>>, Option<ExceptionOut<'_>>) {
        let exception = |id: &str| {
            self.consent.exception.iter().find(|e| e.id.get_ref() == id).map(|e| ExceptionOut { id: e.id.get_ref(), text: &e.text })
        };
        let mut suggested: Vec<ExceptionOut<'_>> = Vec::new();
        for e in &self.consent.exception {
            let by_answer = e.suggested_when.as_ref().is_some_and(|c| facts.holds(c));
            let by_pathway = self.pathways.iter().any(|p| {
                p.consent_exception.as_deref() == Some(e.id.get_ref()) && pathways.iter().any(|x| x.id == p.id.get_ref())
            });
            if by_answer || by_pathway {
                suggested.extend(exception(e.id.get_ref()));
            }
        }
        let chosen = (facts.answer("consent_parents") == Some("not_sought")).then(|| facts.answer("consent_exception").and_then(exception)).flatten();
        (suggested, chosen)
    }

    fn consent_out<'r>(&'r self, facts: &Facts, suggested: Vec<ExceptionOut<'r>>, chosen: Option<ExceptionOut<'r>>) -> ConsentOut<'r> {
        let parents = facts.answer("consent_parents").unwrap_or("unanswered").to_string();
        let child_required = matches!(facts.answer("child_age"), Some("13_15" | "16_17"))
            && matches!(facts.answer("child_competent"), Some("yes" | "unsure"));
        // The consent rules whose situation this is, in file order: the document's words, with
        // what they mean here where the rule file says it.
        let warnings = self
            .consent
            .rule
            .iter()
            .filter(|r| r.when.as_ref().is_some_and(|c| facts.holds(c)))
            .map(|r| Note {
                id: r.id.get_ref(),
                text: r.advice.as_deref().unwrap_or(&r.quote),
                basis: if r.advice.is_some() { Cow::Owned(format!("\"{}\" ({})", r.quote, r.source)) } else { Cow::Borrowed(&r.source) },
            })
            .collect();
        ConsentOut {
            parents_required: suggested.is_empty() && chosen.is_none(),
            parents,
            child_required,
            exception: chosen,
            suggested_exceptions: suggested,
            warnings,
        }
    }

    /// Is the MASH open at `now` (London time, bank holidays closed)? If not, the EDT.
    pub fn mash_open(&self, now: Instant) -> bool {
        let local = now.london();
        self.open_hours_on(local.day).iter().any(|&(o, c)| local.minute >= o && local.minute < c)
    }

    /// The MASH's opening hours on a day, as minutes after midnight; none on a bank holiday.
    fn open_hours_on(&self, day: i64) -> Vec<(u32, u32)> {
        let Some(mash) = self.contact("mash") else { return vec![] };
        if mash.closed_on_bank_holidays && self.contacts.bank_holidays.dates.iter().any(|d| parse_date(d) == Some(day)) {
            return vec![];
        }
        let weekday = Weekday::of(day);
        mash.hours
            .iter()
            .filter(|h| h.days.iter().any(|d| Weekday::parse(d) == Some(weekday)))
            .filter_map(|h| Some((parse_hhmm(&h.open)?, parse_hhmm(&h.close)?)))
            .collect()
    }

    /// When the MASH next opens after `now`, if it is closed now: "Monday 23 November 2026
    /// at 08:45" (London time, bank holidays skipped). None while it is open.
    pub fn next_open(&self, now: Instant) -> Option<String> {
        if self.mash_open(now) {
            return None;
        }
        let local = now.london();
        // A fortnight covers any run of weekends and bank holidays.
        (local.day..local.day + 15).find_map(|day| {
            let open = self.open_hours_on(day).into_iter().map(|(o, _)| o).filter(|&o| day > local.day || o > local.minute).min()?;
            Some(format!("{} at {:02}:{:02}", describe_day(day), open / 60, open % 60))
        })
    }

    pub fn contact_now(&self, now: Instant, urgent: bool) -> (ContactNow<'_>, Vec<String>) {
        let local = now.london();
        let open = self.mash_open(now);
        let id = if open || !urgent { "mash" } else { "edt" };
        let c = self.contact(id).expect("validated: mash and edt exist");
        let mut warnings = Vec::new();
        let until = parse_date(&self.contacts.bank_holidays.valid_until).unwrap_or(i64::MIN);
        if local.day > until {
            warnings.push(self.message("bank_holidays_run_out", &[("date", &format_date(until))]));
        }
        let next_open = self.next_open(now);
        let time = local.describe();
        let fill = [("time", time.as_str()), ("next_open", next_open.as_deref().unwrap_or_default())];
        let why = match (open, urgent) {
            (true, _) => self.message("mash_open", &fill),
            (false, true) => self.message("mash_closed_urgent", &fill),
            (false, false) => self.message("mash_closed", &fill),
        };
        (
            ContactNow {
                id: c.id.get_ref(),
                name: &c.name,
                phone: c.phone.as_deref().unwrap_or_default(),
                mash_open: open,
                urgent,
                local_time: time,
                next_open,
                why,
            },
            warnings,
        )
    }
}

/// The case file format of `threshold assess` and the golden tests:
/// `{"indicators": [...], "answers": {...}, "now": "RFC 3339 time"}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    #[serde(default)]
    pub indicators: Vec<String>,
    #[serde(default)]
    pub answers: Map<String, String>,
    pub now: String,
}

impl CaseInput {
    pub fn split(self) -> Result<(Case, Instant), CaseError> {
        let now = Instant::parse_rfc3339(&self.now).ok_or_else(|| CaseError {
            message: format!("'now' is not an RFC 3339 time: '{}' (example: 2026-11-20T16:20:00Z)", self.now),
            suggestions: vec![],
        })?;
        Ok((Case { indicators: self.indicators, answers: self.answers }, now))
    }
}
