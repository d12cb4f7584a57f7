//! A case: what a practitioner selected and answered, as the widget holds it and as the CLI
//! and the golden tests read it from a file; resolving it against a rule set, with "did you
//! mean" suggestions for ids and texts that are not in it.

use crate::clock::Instant;
use crate::ruleset::RuleSet;
use crate::sorted::{Map, Set};
use serde::{Deserialize, Serialize};

/// A practitioner's case: what they selected and answered, and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(default)]
    pub indicators: Vec<String>,
    #[serde(default)]
    pub answers: Map<String, String>,
}

/// An error in a case: an unknown indicator or answer. `suggestions` are the nearest
/// known ids or texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseError {
    pub message: String,
    pub suggestions: Vec<String>,
}

impl CaseError {
    /// The widget's error: it only passes ids and answers it took from the rule set, so an
    /// unknown one is a bug in the widget, said plainly; the details are for typed cases.
    fn untyped() -> CaseError {
        CaseError { message: "the answers name something this rule set does not have".into(), suggestions: Vec::new() }
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

/// "Did you mean" suggestions, for people who type ids and texts (the CLI, case files). The
/// widget only passes ids it took from the rule set, so its build leaves them out: a smaller
/// download for an error it cannot meet.
#[cfg(not(feature = "typed-cases"))]
fn nearest<'a>(_wanted: &str, _candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    Vec::new()
}

#[cfg(feature = "typed-cases")]
fn nearest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    use super::sorted::sort_small_by;
    let w = normalise(wanted);
    let mut scored: Vec<(usize, &str)> = candidates.map(|c| (crate::contract::distance(&w, &normalise(c)), c)).collect();
    sort_small_by(&mut scored, |a, b| a < b);
    scored.into_iter().take(3).map(|(_, c)| c.to_string()).collect()
}

impl RuleSet {
    /// The heaviest case there is: every indicator selected and every question answered (the
    /// first answer of each, or a line of text). Used by the benchmarks, native and in the browser.
    pub fn case_with_everything(&self) -> Case {
        Case {
            indicators: self.indicators.iter().map(|i| i.id.as_str().to_string()).collect(),
            answers: self
                .questions
                .iter()
                .map(|q| {
                    let v = q.answer_options().first().map(|c| c.value.clone()).unwrap_or_else(|| "A note written by the practitioner.".into());
                    (q.id.as_str().to_string(), v)
                })
                .collect(),
        }
    }

    /// Finds an indicator by id, or (with the `typed-cases` feature) by its exact text (case,
    /// white space and bullets ignored).
    pub fn find_indicator(&self, key: &str) -> Result<usize, CaseError> {
        if let Some(&i) = self.indicator_index.get(key.trim()) {
            return Ok(i);
        }
        if !cfg!(feature = "typed-cases") {
            return Err(CaseError::untyped());
        }
        let n = normalise(key);
        let n = n.trim_end_matches(['.', ',', ';']);
        let hits: Vec<usize> = (0..self.indicators.len()).filter(|&i| normalise(&self.indicators[i].text).trim_end_matches(['.', ',', ';']) == n).collect();
        match hits.as_slice() {
            [one] => Ok(*one),
            [] => Err(CaseError {
                message: format!("unknown indicator '{key}'"),
                suggestions: nearest(key, self.indicators.iter().map(|i| i.id.as_str()).chain(self.indicators.iter().map(|i| i.text.as_str()))),
            }),
            many => Err(CaseError {
                message: format!("indicator text '{key}' appears more than once; give one of these ids"),
                suggestions: many.iter().map(|&i| self.indicators[i].id.as_str().to_string()).collect(),
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
                if !cfg!(feature = "typed-cases") {
                    return Err(CaseError::untyped());
                }
                return Err(CaseError { message: format!("unknown question '{q}'"), suggestions: nearest(q, self.questions.iter().map(|x| x.id.as_str())) });
            };
            if !question.accepts(v) {
                // The widget stores only answers a question accepts: the list of answers is
                // for people who type cases.
                if !cfg!(feature = "typed-cases") {
                    return Err(CaseError::untyped());
                }
                let allowed: Vec<String> = question.answer_options().into_iter().map(|c| c.value).collect();
                return Err(CaseError {
                    message: format!("'{v}' is not an answer to question '{q}' (answers: {})", allowed.join(", ")),
                    suggestions: nearest(v, allowed.iter().map(String::as_str)),
                });
            }
        }
        Ok(selected)
    }
}

/// The case file format of `threshold assess` and the golden tests:
/// `{"indicators": [...], "answers": {...}, "now": "RFC 3339 time"}`. A case the widget saves
/// to a file ("Save your answers to a file") is one of these, with the optional fields below
/// filled in and `now` the moment it was saved; `assess` reads the case and notes a
/// different rule set, the widget opens it again (`src/saved.rs`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    #[serde(default)]
    pub indicators: Vec<String>,
    #[serde(default)]
    pub answers: Map<String, String>,
    pub now: String,
    /// The professional's own judgement of the level of need (a category id), as on the
    /// widget's outcome page. Not read by `assess`.
    #[serde(default)]
    pub judgement: Option<String>,
    /// Their reason for it. Not read by `assess`.
    #[serde(default)]
    pub judgement_reason: Option<String>,
    /// The rule set the case was saved with.
    #[serde(default)]
    pub ruleset: Option<RuleSetRef>,
}

/// Which rule set a saved case was answered against: its id, edition and content hash.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSetRef {
    pub id: String,
    pub edition: String,
    pub hash: String,
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
