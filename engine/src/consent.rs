//! Consent: the exceptions the answers point to or the professional relies on, and the
//! consent rules whose situation this is.

use crate::assess::Facts;
use crate::outcome::{ConsentOut, ExceptionOut, Note, PathwayOut};
use crate::ruleset::RuleSet;
use std::borrow::Cow;

impl RuleSet {
    /// The consent exceptions the answers point to, and the one the professional relies on.
    pub(crate) fn exceptions(&self, facts: &Facts, pathways: &[PathwayOut]) -> (Vec<ExceptionOut<'_>>, Option<ExceptionOut<'_>>) {
        let exception = |id: &str| self.consent.exception.iter().find(|e| e.id.as_str() == id).map(|e| ExceptionOut { id: e.id.as_str(), text: &e.text });
        let mut suggested: Vec<ExceptionOut<'_>> = Vec::new();
        for e in &self.consent.exception {
            let by_answer = e.suggested_when.as_ref().is_some_and(|c| facts.holds(c));
            let by_pathway =
                self.pathways.iter().any(|p| p.consent_exception.as_deref() == Some(e.id.as_str()) && pathways.iter().any(|x| x.id == p.id.as_str()));
            if by_answer || by_pathway {
                suggested.extend(exception(e.id.as_str()));
            }
        }
        let chosen = (facts.answer("consent_parents") == Some("not_sought")).then(|| facts.answer("consent_exception").and_then(exception)).flatten();
        (suggested, chosen)
    }

    pub(crate) fn consent_out<'r>(&'r self, facts: &Facts, suggested: Vec<ExceptionOut<'r>>, chosen: Option<ExceptionOut<'r>>) -> ConsentOut<'r> {
        let parents = facts.answer("consent_parents").unwrap_or("unanswered").to_string();
        // Still to be sought: over 12, possibly competent, and not yet asked.
        let child_required = matches!(facts.answer("child_age"), Some("13_15" | "16_17"))
            && matches!(facts.answer("child_competent"), Some("yes" | "unsure"))
            && facts.answer("child_consent").is_none();
        // The consent rules whose situation this is, in file order: the document's words, with
        // what they mean here where the rule file says it.
        let warnings = self
            .consent
            .rule
            .iter()
            .filter(|r| r.when.as_ref().is_some_and(|c| facts.holds(c)))
            .map(|r| Note {
                id: r.id.as_str(),
                text: r.advice.as_deref().unwrap_or(&r.quote),
                basis: if r.advice.is_some() { Cow::Owned(format!("\"{}\" ({})", r.quote, r.source)) } else { Cow::Borrowed(&r.source) },
            })
            .collect();
        ConsentOut {
            parents_required: suggested.is_empty() && chosen.is_none(),
            parents,
            child_required,
            exception: chosen.clone(),
            // The one relied on is said once, as the exception; these are the others.
            suggested_exceptions: suggested.into_iter().filter(|e| chosen.as_ref().is_none_or(|c| c.id != e.id)).collect(),
            warnings,
        }
    }
}
