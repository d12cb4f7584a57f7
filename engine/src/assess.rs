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

use crate::clock::Instant;
use crate::model::*;
use crate::ruleset::RuleSet;
use crate::sorted::{Map, Set};
use std::borrow::Cow;

// The case and outcome types, where they were before they had files of their own.
pub use crate::case::{normalise, Case, CaseError, CaseInput, RuleSetRef};
pub use crate::outcome::*;

/// What conditions are evaluated against.
pub(crate) struct Facts<'a> {
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
    pub(crate) fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::Yes(q) => self.answers.get(q.as_str()) == Some(&"yes"),
            Condition::Answer(a) => self.answers.get(a.question.as_str()).is_some_and(|v| a.one_of.iter().any(|x| x == v)),
            Condition::Indicator(i) => self.has(i),
            Condition::AnyIndicator(list) => list.iter().any(|i| self.has(i)),
            Condition::CategoryAtLeast(cat) => {
                matches!((self.top, self.rules.category_rank(cat)), (Some(t), Some(c)) if t >= c)
            }
            Condition::DomainsAt(d) => {
                let Some(rank) = self.rules.category_rank(&d.category) else { return false };
                let domains: Set<usize> =
                    self.selected.iter().map(|&i| self.rules.indicator_place[i]).filter(|p| p.category == rank).map(|p| p.domain).collect();
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
    pub(crate) fn answer(&self, q: &str) -> Option<&str> {
        self.answers.get(q).copied()
    }
}

/// Fills in `{name}` placeholders from `values`; an unknown name is left as it is. A plain
/// scan: std's substring search would add about 1 KB to the widget.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    // Bytes, not string slices: `{` and `}` are ASCII, so the result is valid UTF-8, and the
    // widget needs no code for a slice that splits a character.
    let b = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            let name_len = b[i + 1..].iter().position(|&c| c == b'}');
            if let Some((_, v)) = name_len.and_then(|n| values.iter().find(|(name, _)| name.as_bytes() == &b[i + 1..i + 1 + n])) {
                out.extend_from_slice(v.as_bytes());
                i += name_len.unwrap_or(0) + 2;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Adds the actions whose `when` holds, urgent ones to `urgent`, the rest to `later`; leaves
/// out what this situation withholds (a new referral for an open case, telling the family
/// when a consent exception applies).
/// An action's `{next_open}` becomes when the MASH opens next (check.rs allows it only in
/// actions shown while the MASH is closed, when `next_open` is known).
fn push_actions<'r>(
    facts: &Facts,
    next_open: Option<&str>,
    actions: &'r [Action],
    from: ActionSource<'r>,
    urgent: &mut Vec<ActionOut<'r>>,
    later: &mut Vec<ActionOut<'r>>,
) {
    let open_case = facts.answer("open_case") == Some("yes");
    let exception = facts.derived.is_some_and(|d| d.exception);
    for a in actions.iter().filter(|a| a.when.as_ref().is_none_or(|c| facts.holds(c))).filter(|a| !(open_case && a.new_referral || exception && a.tells_family))
    {
        let out = ActionOut {
            id: a.id.as_str(),
            text: fill(&a.text, &[("next_open", next_open.unwrap_or_default())]),
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

impl RuleSet {
    /// The questions that apply given the answers so far, in order. A question applies
    /// when it has no `applies_if` or its condition holds over the applying answers before it.
    pub fn applicable_questions(&self, case: &Case, selected: &Set<usize>) -> Vec<usize> {
        self.facts(case, selected.clone()).1
    }

    fn facts<'a>(&'a self, case: &'a Case, selected: Set<usize>) -> (Facts<'a>, Vec<usize>) {
        let top = selected.iter().map(|&i| self.indicator_place[i].category).max();
        let mut facts = Facts { rules: self, answers: Map::new(), selected, top, derived: None };
        let mut applicable = Vec::new();
        for (i, q) in self.questions.iter().enumerate() {
            if q.applies_if.as_ref().is_none_or(|c| facts.holds(c)) {
                applicable.push(i);
                if let Some(v) = case.answers.get(q.id.as_str()) {
                    facts.answers.insert(q.id.as_str(), v.as_str());
                }
            }
        }
        (facts, applicable)
    }

    /// A message of the rule set's, with its placeholders filled in. load.rs checks that
    /// every message the code asks for exists, so a missing one is an empty string only in
    /// a rule set that was never checked.
    pub fn message(&self, id: &str, values: &[(&str, &str)]) -> String {
        self.messages.iter().find(|m| m.id.as_str() == id).map(|m| fill(&m.text, values)).unwrap_or_default()
    }

    fn message_note(&self, id: &'static str) -> Note<'_> {
        let m = self.messages.iter().find(|m| m.id.as_str() == id);
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
                override_reasons.push((
                    r,
                    Reason {
                        kind: ReasonKind::Override,
                        id: o.id.as_str(),
                        text: &o.quote,
                        category: self.categories[r].id.as_str(),
                        domain: None,
                        source: &o.source,
                        interpretation: o.interpretation.as_deref(),
                    },
                ));
            }
        }
        let mut pathways = Vec::new();
        let mut pathway_reasons = Vec::new();
        for p in &triggered {
            pathways.push(PathwayOut { id: p.id.as_str(), name: &p.name, quote: &p.quote, source: &p.source, interpretation: p.interpretation.as_deref() });
            if let Some(r) = p.category_floor.as_deref().and_then(|c| self.category_rank(c)) {
                rank = rank.max(r);
                pathway_reasons.push((
                    r,
                    Reason {
                        kind: ReasonKind::Pathway,
                        id: p.id.as_str(),
                        text: &p.quote,
                        category: self.categories[r].id.as_str(),
                        domain: None,
                        source: &p.source,
                        interpretation: p.interpretation.as_deref(),
                    },
                ));
            }
        }

        // 2. The facts the actions are resolved against: the category, office hours, whether a
        //    consent exception applies, and whether anything calls for a response now.
        let (suggested, chosen) = self.exceptions(&facts, &pathways);
        let mash_open = self.mash_open(now);
        let next_open = self.next_open(now);
        let exception = !suggested.is_empty() || chosen.is_some();
        facts.derived = Some(Derived { mash_open, exception, urgent: false, rank });
        let urgent_concern = overrides
            .iter()
            .flat_map(|o| &o.action)
            .chain(triggered.iter().flat_map(|p| &p.action))
            .any(|a| a.urgent && a.when.as_ref().is_none_or(|c| facts.holds(c)));
        facts.derived = Some(Derived { mash_open, exception, urgent: urgent_concern, rank });

        // 3. Actions: overrides', then pathways' urgent ones, then the category's, then the
        //    pathways' other actions.
        let mut urgent = Vec::new();
        let mut later = Vec::new();
        for o in &overrides {
            push_actions(&facts, next_open.as_deref(), &o.action, ActionSource { kind: SourceKind::Override, id: o.id.as_str() }, &mut urgent, &mut later);
        }
        let mut pathway_later = Vec::new();
        for p in &triggered {
            push_actions(
                &facts,
                next_open.as_deref(),
                &p.action,
                ActionSource { kind: SourceKind::Pathway, id: p.id.as_str() },
                &mut urgent,
                &mut pathway_later,
            );
        }

        // The reasons that decided the category: everything at the final rank.
        because.extend(override_reasons.into_iter().filter(|(r, _)| *r == rank).map(|(_, x)| x));
        because.extend(pathway_reasons.into_iter().filter(|(r, _)| *r == rank).map(|(_, x)| x));
        for &i in &facts.selected {
            let place = self.indicator_place[i];
            if place.category == rank {
                let ind = &self.indicators[i];
                because.push(Reason {
                    kind: ReasonKind::Indicator,
                    id: ind.id.as_str(),
                    text: &ind.text,
                    category: &ind.category,
                    domain: Some(&self.domains[place.domain].name),
                    source: &ind.source,
                    interpretation: ind.interpretation.as_deref(),
                });
            }
        }

        let category = &self.categories[rank];
        push_actions(
            &facts,
            next_open.as_deref(),
            &category.next,
            ActionSource { kind: SourceKind::Category, id: category.id.as_str() },
            &mut urgent,
            &mut later,
        );
        later.extend(pathway_later);

        let shown: Vec<&Interpretation> = self.interpretations.iter().filter(|r| facts.holds(&r.when)).collect();
        let readings = shown
            .iter()
            .filter_map(|r| Some(Reading { category: &self.categories[self.category_rank(r.suggests.as_deref()?)?].name, why: r.reading.as_deref()? }))
            .collect();
        let mut interpretation: Vec<Note> = shown.iter().map(|r| Note { id: r.id.as_str(), text: &r.advice, basis: Cow::Borrowed(&r.basis) }).collect();
        if facts.selected.is_empty()
            && because.is_empty()
            && pathways.is_empty()
            && urgent.is_empty()
            && later.iter().all(|a| a.from.kind == SourceKind::Category)
        {
            interpretation.insert(0, self.message_note("nothing_selected"));
        }

        // An action that is shown removes the actions it covers (said more specifically,
        // or contradicted by this situation).
        let shown: Set<&str> = urgent.iter().chain(&later).map(|o| o.id).collect();
        let covered: Set<&str> =
            self.all_actions().filter(|a| !a.covers.is_empty() && shown.contains(a.id.as_str())).flat_map(|a| a.covers.iter().map(String::as_str)).collect();
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
                Some(i) if a.from.kind == SourceKind::Pathway && calls[i].contact != Some("police") && self.generic_call(&calls[i]) => calls[i] = a,
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
                id: g.id.as_str(),
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
            category: CategoryOut { id: category.id.as_str(), name: &category.name, definition: &category.definition, action: &category.action },
            because,
            interpretation,
            readings,
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
                superseded_by: self.meta.superseded_by.as_ref(),
            },
            warnings,
        })
    }

    /// An urgent call from an override that sets a category (immediate danger, significant
    /// harm): a general call that a specific risk's own words may stand for. The open-case
    /// override has no category: its call names the allocated worker, and stays.
    fn generic_call(&self, a: &ActionOut) -> bool {
        a.from.kind == SourceKind::Override && self.overrides.iter().any(|o| o.id.as_str() == a.from.id && o.category.is_some())
    }

    /// Every action in the rule set, wherever it is defined.
    fn all_actions(&self) -> impl Iterator<Item = &Action> {
        self.overrides.iter().flat_map(|o| &o.action).chain(self.pathways.iter().flat_map(|p| &p.action)).chain(self.categories.iter().flat_map(|c| &c.next))
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(fill("open {next_open}.", &[("next_open", "Monday")]), "open Monday.");
        assert_eq!(fill("{a}{b}{a}", &[("a", "1"), ("b", "2")]), "121");
        assert_eq!(fill("{unknown} stays", &[("a", "1")]), "{unknown} stays");
        assert_eq!(fill("no close {a", &[("a", "1")]), "no close {a");
        assert_eq!(fill("é {a} ü", &[("a", "ß")]), "é ß ü");
    }
}
