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

use super::clock::{format_date, parse_date, parse_hhmm, Instant, Weekday};
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
    pub text: &'r str,
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
    /// The contact to phone now: "mash" when open, otherwise "edt".
    pub id: &'r str,
    pub name: &'r str,
    pub phone: &'r str,
    pub mash_open: bool,
    /// e.g. "Friday 21 November 2026, 16:20 GMT".
    pub local_time: String,
    pub why: String,
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
        }
    }
    fn has(&self, indicator: &str) -> bool {
        self.rules.indicator_index.get(indicator).is_some_and(|n| self.selected.contains(n))
    }
    fn answer(&self, q: &str) -> Option<&str> {
        self.answers.get(q).copied()
    }
}

/// Adds the actions whose `when` holds, urgent ones to `urgent`, the rest to `later`.
fn push_actions<'r>(
    facts: &Facts,
    actions: &'r [Action],
    from: From<'r>,
    urgent: &mut Vec<ActionOut<'r>>,
    later: &mut Vec<ActionOut<'r>>,
) {
    for a in actions.iter().filter(|a| a.when.as_ref().is_none_or(|c| facts.holds(c))) {
        let out = ActionOut {
            id: a.id.get_ref(),
            text: &a.text,
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
        let mut facts = Facts { rules: self, answers: Map::new(), selected, top };
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

    /// Assesses a case. Fails only when the case names something the rule set does not know.
    pub fn assess(&self, case: &Case, now: Instant) -> Result<Outcome<'_>, CaseError> {
        let selected = self.resolve(case)?;
        let (facts, _) = self.facts(case, selected);
        let selected = &facts.selected;
        let mut because = Vec::new();
        let mut rank = facts.top.unwrap_or(0);
        let mut urgent = Vec::new();
        let mut later = Vec::new();
        // 1. Safety overrides.
        let mut override_reasons = Vec::new();
        for o in self.overrides.iter().filter(|o| facts.holds(&o.when)) {
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
            push_actions(&facts, &o.action, From { kind: "override", id: o.id.get_ref() }, &mut urgent, &mut later);
        }

        // 2. Pathways (specific risks).
        let mut pathways = Vec::new();
        let mut pathway_reasons = Vec::new();
        let mut pathway_later = Vec::new();
        for p in self.pathways.iter().filter(|p| facts.holds(&p.when)) {
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
            push_actions(&facts, &p.action, From { kind: "pathway", id: p.id.get_ref() }, &mut urgent, &mut pathway_later);
        }

        // The reasons that decided the category: everything at the final rank.
        because.extend(override_reasons.into_iter().filter(|(r, _)| *r == rank).map(|(_, x)| x));
        because.extend(pathway_reasons.into_iter().filter(|(r, _)| *r == rank).map(|(_, x)| x));
        for &i in selected {
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

        // 3. The category's own next steps, then the pathways' non-urgent actions.
        let category = &self.categories[rank];
        push_actions(&facts, &category.next, From { kind: "category", id: category.id.get_ref() }, &mut urgent, &mut later);
        later.extend(pathway_later);

        let mut interpretation: Vec<Note> = self
            .interpretations
            .iter()
            .filter(|r| facts.holds(&r.when))
            .map(|r| Note { id: r.id.get_ref(), text: &r.advice, basis: Cow::Borrowed(&r.basis) })
            .collect();
        if selected.is_empty() && because.is_empty() && pathways.is_empty() && urgent.is_empty() && later.iter().all(|a| a.from.kind == "category") {
            interpretation.insert(0, Note {
                id: "nothing_selected",
                text: "You have not selected any indicators or risks, so the tool suggests Universal. If you are worried about this child, say what worries you: talk to your safeguarding lead or ask the MASH for advice.",
                basis: Cow::Borrowed("The tool's default when nothing is selected. \"If you are worried about a child, then please talk to your safeguarding lead within your organisation to discuss your concerns at the earliest opportunity.\" (OTHER CONSIDERATIONS AT THE POINT OF REFERRAL > Seeking Advice)"),
            });
        }

        // An action that is shown removes the actions it covers (said more specifically,
        // or contradicted by this situation, e.g. "tell the family" when FGM is suspected).
        let shown: Set<&str> = urgent.iter().chain(&later).map(|o| o.id).collect();
        let covered: Set<&str> = self
            .all_actions()
            .filter(|a| !a.covers.is_empty() && shown.contains(a.id.get_ref().as_str()))
            .flat_map(|a| a.covers.iter().map(String::as_str))
            .collect();
        urgent.retain(|a| !covered.contains(a.id));
        later.retain(|a| !covered.contains(a.id));

        if selected.is_empty() && rank == 0 && !pathways.is_empty() {
            interpretation.insert(0, Note {
                id: "risks_without_indicators",
                text: "The specific risks you identified have their own actions below, but they do not set a level of need by themselves. Select the indicators you have seen to get a suggested category.",
                basis: Cow::Borrowed("The tool's reading: the document's specific-risk sections give routes and actions, not a category."),
            });
        }

        let mut seen = Set::new();
        let attach = urgent.iter().chain(&later).filter_map(|a| a.attach).filter(|a| seen.insert(*a)).collect();

        let consent = self.consent_out(&facts, &pathways, rank);
        let (contact, mut warnings) = self.contact_now(now);
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
            ruleset: RulesetOut {
                id: &self.meta.id,
                title: &self.meta.title,
                edition: &self.meta.edition,
                hash: &self.meta.hash,
            },
            warnings,
        })
    }

    /// Every action in the rule set, wherever it is defined.
    fn all_actions(&self) -> impl Iterator<Item = &Action> {
        self.overrides
            .iter()
            .flat_map(|o| &o.action)
            .chain(self.pathways.iter().flat_map(|p| &p.action))
            .chain(self.categories.iter().flat_map(|c| &c.next))
    }

    fn rule_note(&self, id: &'static str, text: &'static str) -> Note<'_> {
        let rule = self.consent.rule.iter().find(|r| r.id.get_ref() == id);
        Note { id, text, basis: Cow::Owned(rule.map(|r| format!("\"{}\" ({})", r.quote, r.source)).unwrap_or_default()) }
    }

    fn consent_out(&self, facts: &Facts, pathways: &[PathwayOut], rank: usize) -> ConsentOut<'_> {
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
        let parents = facts.answer("consent_parents").unwrap_or("unanswered").to_string();
        let chosen = (parents == "not_sought").then(|| facts.answer("consent_exception").and_then(exception)).flatten();
        let reason_given = facts.answer("consent_reason").is_some_and(|r| !r.trim().is_empty());
        let child_required = matches!(facts.answer("child_age"), Some("13_15" | "16_17"))
            && matches!(facts.answer("child_competent"), Some("yes" | "unsure"));
        let referral = rank >= 1;
        let mut warnings = Vec::new();
        match parents.as_str() {
            "not_sought" if chosen.is_none() => warnings.push(self.rule_note(
                "no_referral_without_consent",
                "You have not sought consent and have not said which exception applies. Children's Social Care will not accept a referral without clear and explicit consent unless seeking it would place the child at significant risk of harm.",
            )),
            "refused" => {
                warnings.push(self.rule_note(
                    "refusal_may_raise_concerns",
                    "The parents refused consent. A refusal to cooperate may itself raise concerns: record it, and say in the referral why you remain worried.",
                ));
                warnings.push(self.rule_note(
                    "refusal_consider_impact",
                    "Consider whether the lack of assessment and support is likely to affect the child or cause significant harm.",
                ));
            }
            "not_yet" | "unanswered" if referral && suggested.is_empty() => warnings.push(self.rule_note(
                "no_referral_without_consent",
                "Seek the parents' or carers' consent before you refer, unless one of the exceptions applies.",
            )),
            _ => {}
        }
        if parents == "not_sought" && !reason_given {
            warnings.push(self.rule_note(
                "rationale_if_not_sought",
                "Write down why you have not sought consent: the referral must make your rationale clear.",
            ));
        }
        if parents == "given" && !suggested.is_empty() {
            warnings.push(Note {
                id: "exception_may_apply",
                text: "Your answers point to a situation where seeking consent or telling the parents may not be in the child's best interests. Check this before you contact the family again.",
                basis: Cow::Owned(suggested.iter().map(|e| format!("\"{}\"", e.text)).collect::<Vec<_>>().join("; ")),
            });
        }
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
        let Some(mash) = self.contact("mash") else { return false };
        let local = now.london();
        if mash.closed_on_bank_holidays
            && self.contacts.bank_holidays.dates.iter().any(|d| parse_date(d) == Some(local.day))
        {
            return false;
        }
        let day = local.weekday();
        mash.hours.iter().any(|h| {
            h.days.iter().any(|d| Weekday::parse(d) == Some(day))
                && matches!((parse_hhmm(&h.open), parse_hhmm(&h.close)), (Some(o), Some(c)) if local.minute >= o && local.minute < c)
        })
    }

    pub fn contact_now(&self, now: Instant) -> (ContactNow<'_>, Vec<String>) {
        let local = now.london();
        let open = self.mash_open(now);
        let id = if open { "mash" } else { "edt" };
        let c = self.contact(id).expect("validated: mash and edt exist");
        let mut warnings = Vec::new();
        let until = parse_date(&self.contacts.bank_holidays.valid_until).unwrap_or(i64::MIN);
        if local.day > until {
            warnings.push(format!(
                "The list of bank holidays in this rule set ends on {}. On a bank holiday after that date the MASH may be closed even if this tool says it is open: check before you rely on it.",
                format_date(until)
            ));
        }
        let why = if open {
            format!("The MASH is open now ({}).", local.describe())
        } else {
            format!("The MASH is closed now ({}): out of office hours, contact the Emergency Duty Team.", local.describe())
        };
        (
            ContactNow {
                id: c.id.get_ref(),
                name: &c.name,
                phone: c.phone.as_deref().unwrap_or_default(),
                mash_open: open,
                local_time: local.describe(),
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
