//! Checking a rule set: one function per rule file, in the order the files depend on each
//! other (categories and domains, indicators, questions, contacts, actions, consent, pathways,
//! safety overrides, interpretation, guidance), then the cross-references and the contract
//! of ids the code relies on. Every problem is reported with the file, the line and what is
//! wrong, and all problems at once: partnership staff fix a file in one pass.

use crate::clock::{parse_date, parse_hhmm, Weekday};
use crate::contract;
use crate::load::{placeholders, Files, RuleError, Sources, COUNTS_FILE};
use crate::model::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap, HashSet};

struct Checker<'a> {
    sources: &'a Sources,
    errors: Vec<RuleError>,
    /// Byte offsets of line starts, per file, so a span maps to a line in O(log n).
    line_starts: HashMap<String, Vec<usize>>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

impl Checker<'_> {
    fn err(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.errors.push(RuleError { file: self.sources.path(file), line, message: message.into() });
    }

    fn line(&mut self, file: &str, id: &Id) -> usize {
        let Some(text) = self.sources.files.get(file) else { return 0 };
        let starts =
            self.line_starts.entry(file.to_string()).or_insert_with(|| std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect());
        starts.partition_point(|&s| s <= id.span().start)
    }

    fn parse<T: DeserializeOwned>(&mut self, file: &str) -> Option<T> {
        let Some(text) = self.sources.files.get(file) else {
            self.err(file, 0, "file is missing");
            return None;
        };
        match toml::from_str::<T>(text) {
            Ok(v) => Some(v),
            Err(e) => {
                let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
                let msg = e.message().trim().to_string();
                self.err(file, line, msg);
                None
            }
        }
    }

    /// Ids are stable keys: lowercase letters, digits and `._-`, unique within `seen`.
    fn check_id(&mut self, file: &str, id: &Id, what: &str, seen: &mut HashSet<String>) {
        let line = self.line(file, id);
        let s = id.as_str();
        if s.is_empty() {
            self.err(file, line, format!("{what} has an empty id"));
        } else if !s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c)) {
            self.err(file, line, format!("{what} id '{s}' may only use a-z, 0-9, '.', '_' and '-'"));
        }
        if !seen.insert(s.to_string()) {
            self.err(file, line, format!("duplicate {what} id '{s}'"));
        }
    }

    /// An item's id checked, with its line and how messages name it ("pathway 'fgm'").
    fn item(&mut self, file: &str, id: &Id, what: &str, seen: &mut HashSet<String>) -> (usize, String) {
        self.check_id(file, id, what, seen);
        (self.line(file, id), format!("{what} '{}'", id.as_str()))
    }

    /// Texts shown to professionals: not empty, no stray bullets or padding.
    fn check_text(&mut self, file: &str, line: usize, field: &str, owner: &str, text: &str) {
        let t = text.trim();
        if t.is_empty() {
            self.err(file, line, format!("{owner}: '{field}' is empty"));
        } else if t != text {
            self.err(file, line, format!("{owner}: '{field}' has leading or trailing spaces"));
        } else if t.starts_with(['•', '·', '-', '*']) {
            self.err(file, line, format!("{owner}: '{field}' starts with a bullet character"));
        }
    }

    /// A condition, with each problem reported against its owner's line.
    fn check_when(&mut self, file: &str, line: usize, owner: &str, c: &Condition, scope: &Scope) {
        let mut problems = Vec::new();
        check_condition(c, scope, &mut problems);
        for p in problems {
            self.err(file, line, format!("{owner}: {p}"));
        }
    }
}

/// What the files checked so far define, for the files that refer to them.
#[derive(Default)]
struct Known {
    categories: Vec<String>,
    domains: Vec<String>,
    indicators: HashSet<String>,
    /// Every question with its kind and option ids.
    questions: HashMap<String, (Kind, Vec<String>)>,
    contacts: HashSet<String>,
    /// The MASH has office hours, so `mash_open` means something.
    office_hours: bool,
    exceptions: HashSet<String>,
    actions: HashSet<String>,
    /// (file, line, action, the action it covers), checked once every action is known.
    covers: Vec<(String, usize, String, String)>,
}

impl Known {
    fn scope(&self, derived: bool) -> Scope<'_> {
        Scope {
            questions: &self.questions,
            later_questions: None,
            indicators: &self.indicators,
            categories: &self.categories,
            derived,
            office_hours: self.office_hours,
        }
    }
}

/// What a condition may refer to at the point it is written.
struct Scope<'a> {
    questions: &'a HashMap<String, (Kind, Vec<String>)>,
    /// While questions are checked: every question id in the file, to tell "comes later"
    /// from "does not exist".
    later_questions: Option<&'a HashSet<String>>,
    indicators: &'a HashSet<String>,
    categories: &'a [String],
    /// Whether facts the engine works out (office hours, consent exceptions, urgency, the
    /// outcome) may be used: not in the triggers those facts are worked out from.
    derived: bool,
    /// The MASH has office hours: without them `mash_open` is never known.
    office_hours: bool,
}

fn check_condition(c: &Condition, scope: &Scope, problems: &mut Vec<String>) {
    let answer_values = |q: &str, problems: &mut Vec<String>| -> Option<Vec<String>> {
        match scope.questions.get(q) {
            None if scope.later_questions.is_some_and(|all| all.contains(q)) => {
                problems.push(format!("refers to question '{q}', which comes later (a question may only refer to questions before it)"));
                None
            }
            None => {
                problems.push(format!("refers to unknown question '{q}'"));
                None
            }
            Some((Kind::Text, _)) => {
                problems.push(format!("refers to free-text question '{q}', which has no fixed answers"));
                None
            }
            Some((kind, opts)) => Some(kind.answers(opts)),
        }
    };
    let known_category = |cat: &str, problems: &mut Vec<String>| {
        if !scope.categories.iter().any(|c| c == cat) {
            problems.push(format!("refers to unknown category '{cat}'"));
        }
    };
    match c {
        Condition::Yes(q) => {
            if let Some(vals) = answer_values(q, problems) {
                if !vals.iter().any(|v| v == "yes") {
                    problems.push(format!("uses {{ yes = \"{q}\" }} but '{q}' is a choice question"));
                }
            }
        }
        Condition::Answer(a) => {
            if a.one_of.is_empty() {
                problems.push(format!("answer condition on '{}' lists no values", a.question));
            }
            if let Some(vals) = answer_values(&a.question, problems) {
                for v in &a.one_of {
                    if !vals.contains(v) {
                        problems.push(format!("'{v}' is not an answer of question '{}' (answers: {})", a.question, vals.join(", ")));
                    }
                }
            }
        }
        Condition::Indicator(i) => {
            if !scope.indicators.contains(i) {
                problems.push(format!("refers to unknown indicator '{i}'"));
            }
        }
        Condition::AnyIndicator(list) => {
            if list.is_empty() {
                problems.push("any_indicator lists no indicators".into());
            }
            for i in list {
                if !scope.indicators.contains(i) {
                    problems.push(format!("refers to unknown indicator '{i}'"));
                }
            }
        }
        Condition::CategoryAtLeast(cat) => known_category(cat, problems),
        Condition::DomainsAt(d) => {
            known_category(&d.category, problems);
            if d.at_least == 0 {
                problems.push("domains_at needs at_least of 1 or more".into());
            }
        }
        Condition::All(list) | Condition::Any(list) => {
            if list.is_empty() {
                problems.push("all/any lists no conditions".into());
            }
            for c in list {
                check_condition(c, scope, problems);
            }
        }
        Condition::Not(c) => check_condition(c, scope, problems),
        Condition::MashOpen(_) | Condition::ConsentException(_) | Condition::UrgentConcern(_) | Condition::OutcomeAtLeast(_)
            if !scope.derived =>
        {
            problems.push("uses a fact the engine works out (mash_open, consent_exception, urgent_concern, outcome_at_least), which only actions, consent rules, interpretation rules and guidance may use".into())
        }
        Condition::OutcomeAtLeast(cat) => known_category(cat, problems),
        Condition::MashOpen(_) if !scope.office_hours => {
            problems.push("uses mash_open, but the MASH has no office hours (`hours`) in contacts.toml, so whether it is open is never known".into())
        }
        Condition::MashOpen(_) | Condition::ConsentException(_) | Condition::UrgentConcern(_) => {}
    }
}

/// Parses and checks every file; returns them only if there is no problem at all.
pub fn check(sources: &Sources) -> Result<Files, Vec<RuleError>> {
    let mut ck = Checker { sources, errors: Vec::new(), line_starts: HashMap::new() };
    let ruleset: Option<RulesetFile> = ck.parse("ruleset.toml");
    let indicators: Option<IndicatorsFile> = ck.parse("indicators.toml");
    let questions: Option<QuestionsFile> = ck.parse("questions.toml");
    let pathways: Option<PathwaysFile> = ck.parse("pathways.toml");
    let safety: Option<SafetyFile> = ck.parse("safety.toml");
    let consent: Option<ConsentFile> = ck.parse("consent.toml");
    let contacts: Option<ContactsFile> = ck.parse("contacts.toml");
    let interpretation: Option<InterpretationFile> = ck.parse("interpretation.toml");
    let guidance: Option<GuidanceFile> = ck.parse("guidance.toml");
    let counts: Option<Counts> = if sources.files.contains_key(COUNTS_FILE) { ck.parse(COUNTS_FILE) } else { None };
    let (Some(ruleset), Some(indicators), Some(questions), Some(pathways), Some(safety), Some(consent), Some(contacts), Some(interpretation), Some(guidance)) =
        (ruleset, indicators, questions, pathways, safety, consent, contacts, interpretation, guidance)
    else {
        return Err(ck.errors);
    };

    let mut known = Known::default();
    check_ruleset(&mut ck, &ruleset, &mut known);
    check_indicators(&mut ck, &indicators, &mut known);
    if let Some(counts) = &counts {
        check_counts(&mut ck, &indicators, counts);
    }
    check_questions(&mut ck, &questions, &mut known);
    check_contacts(&mut ck, &contacts, &mut known);
    for c in &ruleset.category {
        check_actions(&mut ck, &mut known, "ruleset.toml", &format!("category '{}'", c.id.as_str()), &c.next);
    }
    check_consent(&mut ck, &consent, &questions, &mut known);
    check_pathways(&mut ck, &pathways, &mut known);
    check_safety(&mut ck, &safety, &mut known);
    check_interpretation(&mut ck, &interpretation, &known);
    check_guidance(&mut ck, &guidance, &known);
    check_covers(&mut ck, &known);
    let files = Files { ruleset, indicators, questions, pathways, safety, consent, contacts, interpretation, guidance };
    check_contract(&mut ck, &files);

    if !ck.errors.is_empty() {
        return Err(ck.errors);
    }
    Ok(files)
}

/// `ruleset.toml`: the categories, lowest first, and the domains. The engine knows no
/// category by name: it needs at least two, ranked by their order, with the referral levels
/// (`referral = true`) a run at the top above at least one level where the professional's
/// own service is the route (the decision-not-to-refer record).
fn check_ruleset(ck: &mut Checker, ruleset: &RulesetFile, known: &mut Known) {
    let f = "ruleset.toml";
    let mut seen = HashSet::new();
    for c in &ruleset.category {
        let (line, owner) = ck.item(f, &c.id, "category", &mut seen);
        for (field, text) in [("name", &c.name), ("definition", &c.definition), ("action", &c.action), ("source", &c.source)] {
            ck.check_text(f, line, field, &owner, text);
        }
        if let Some(h) = &c.indicators_heading {
            ck.check_text(f, line, "indicators_heading", &owner, h);
        }
    }
    known.categories = ruleset.category.iter().map(|c| c.id.as_str().to_string()).collect();
    let cats = &ruleset.category;
    if cats.len() < 2 {
        ck.err(f, 0, format!("give at least two categories, lowest first (found {})", cats.len()));
    } else if !cats.iter().any(|c| c.referral) || cats[0].referral {
        ck.err(f, 0, "mark the levels at which a referral to the MASH is the route with `referral = true`: at least the highest, never the lowest");
    } else if let Some(w) = cats.windows(2).find(|w| w[0].referral && !w[1].referral) {
        let line = ck.line(f, &w[1].id);
        ck.err(f, line, format!("category '{}' is above a referral level, so it needs `referral = true` (referral levels are the top ones)", w[1].id.as_str()));
    }
    if let Some(s) = &ruleset.superseded_by {
        ck.check_text(f, 0, "title", "superseded_by", &s.title);
        ck.check_text(f, 0, "id", "superseded_by", &s.id);
    }
    let mut seen = HashSet::new();
    for d in &ruleset.domain {
        ck.check_id(f, &d.id, "domain", &mut seen);
        let line = ck.line(f, &d.id);
        ck.check_text(f, line, "name", &format!("domain '{}'", d.id.as_str()), &d.name);
    }
    known.domains = ruleset.domain.iter().map(|d| d.id.as_str().to_string()).collect();
}

/// `indicators.toml`: ids, texts, and a known category and domain for each.
fn check_indicators(ck: &mut Checker, indicators: &IndicatorsFile, known: &mut Known) {
    let f = "indicators.toml";
    let mut seen = HashSet::new();
    for ind in &indicators.indicator {
        let (line, owner) = ck.item(f, &ind.id, "indicator", &mut seen);
        ck.check_text(f, line, "text", &owner, &ind.text);
        ck.check_text(f, line, "source", &owner, &ind.source);
        if !known.categories.contains(&ind.category) {
            ck.err(f, line, format!("{owner}: unknown category '{}' (known: {})", ind.category, known.categories.join(", ")));
        }
        if !known.domains.contains(&ind.domain) {
            ck.err(f, line, format!("{owner}: unknown domain '{}' (declare it in ruleset.toml)", ind.domain));
        }
    }
    known.indicators = seen;
}

/// `questions.toml`: conditions may only look backwards, so the journey has no cycles.
fn check_questions(ck: &mut Checker, questions: &QuestionsFile, known: &mut Known) {
    let f = "questions.toml";
    let mut seen = HashSet::new();
    let mut defined: HashMap<String, (Kind, Vec<String>)> = HashMap::new();
    let all: HashSet<String> = questions.question.iter().map(|q| q.id.as_str().to_string()).collect();
    for q in &questions.question {
        let (line, owner) = ck.item(f, &q.id, "question", &mut seen);
        ck.check_text(f, line, "question", &owner, &q.question);
        match (q.kind, q.options.is_empty()) {
            (Kind::Choice, true) => ck.err(f, line, format!("{owner}: a choice question needs options")),
            (Kind::Choice, false) => {}
            (_, false) => ck.err(f, line, format!("{owner}: only choice questions have options")),
            _ => {}
        }
        let mut opt_seen = HashSet::new();
        for o in &q.options {
            if !opt_seen.insert(o.id.clone()) {
                ck.err(f, line, format!("{owner}: duplicate option '{}'", o.id));
            }
            ck.check_text(f, line, "label", &owner, &o.label);
        }
        if let Some(c) = &q.applies_if {
            let scope = Scope {
                questions: &defined,
                later_questions: Some(&all),
                indicators: &known.indicators,
                categories: &known.categories,
                derived: false,
                office_hours: true,
            };
            ck.check_when(f, line, &format!("{owner}: applies_if"), c, &scope);
        }
        defined.insert(q.id.as_str().to_string(), (q.kind, q.options.iter().map(|o| o.id.clone()).collect()));
    }
    known.questions = defined;
}

/// `contacts.toml`: who to contact, office hours, bank holidays.
fn check_contacts(ck: &mut Checker, contacts: &ContactsFile, known: &mut Known) {
    let f = "contacts.toml";
    let mut ids = HashSet::new();
    for c in &contacts.contact {
        let (line, owner) = ck.item(f, &c.id, "contact", &mut ids);
        ck.check_text(f, line, "name", &owner, &c.name);
        if c.phone.is_none() && c.email.is_none() && c.how.is_none() {
            ck.err(f, line, format!("{owner}: give at least one of phone, email or how"));
        }
        for h in &c.hours {
            for d in &h.days {
                if Weekday::parse(d).is_none() {
                    ck.err(f, line, format!("{owner}: unknown day '{d}' (use mon, tue, wed, thu, fri, sat, sun)"));
                }
            }
            match (parse_hhmm(&h.open), parse_hhmm(&h.close)) {
                (Some(o), Some(c)) if o < c => {}
                (Some(_), Some(_)) => ck.err(f, line, format!("{owner}: opens at {} but closes at {}, which is not later", h.open, h.close)),
                _ => ck.err(f, line, format!("{owner}: bad time in '{}'-'{}' (use HH:MM, 24-hour)", h.open, h.close)),
            }
        }
    }
    for c in &contacts.contact {
        if let Some(other) = &c.out_of_hours_for {
            if !ids.contains(other) {
                let line = ck.line(f, &c.id);
                ck.err(f, line, format!("contact '{}': out_of_hours_for refers to unknown contact '{other}'", c.id.as_str()));
            }
        }
    }
    if contacts.timezone != "Europe/London" {
        ck.err(f, 0, format!("timezone '{}' is not supported (only Europe/London)", contacts.timezone));
    }
    let holidays = Some(&contacts.bank_holidays).filter(|b| !b.valid_until.is_empty());
    if holidays.is_none() {
        if let Some(c) = contacts.contact.iter().find(|c| c.closed_on_bank_holidays) {
            let line = ck.line(f, &c.id);
            ck.err(f, line, format!("contact '{}' is closed_on_bank_holidays, but there is no [bank_holidays] list", c.id.as_str()));
        }
    }
    if let Some(b) = holidays.filter(|b| parse_date(&b.valid_until).is_none()) {
        ck.err(f, 0, format!("bank_holidays.valid_until '{}' is not a date (YYYY-MM-DD)", b.valid_until));
    }
    let mut last = None;
    for d in holidays.iter().flat_map(|b| &b.dates) {
        match parse_date(d) {
            None => ck.err(f, 0, format!("bank holiday '{d}' is not a date (YYYY-MM-DD)")),
            Some(day) => {
                if last.is_some_and(|l| l >= day) {
                    ck.err(f, 0, format!("bank holidays must be in date order without repeats: '{d}'"));
                }
                last = Some(day);
            }
        }
    }
    known.office_hours = contacts.contact.iter().any(|c| c.id.as_str() == "mash" && !c.hours.is_empty());
    known.contacts = ids;
}

/// Actions, wherever they are defined: unique ids across the rule set, known contacts,
/// valid conditions (which may use the facts the engine works out).
fn check_actions(ck: &mut Checker, known: &mut Known, file: &str, owner: &str, actions: &[Action]) {
    for a in actions {
        let line = ck.line(file, &a.id);
        for c in &a.covers {
            known.covers.push((file.to_string(), line, a.id.as_str().to_string(), c.clone()));
        }
        ck.check_id(file, &a.id, "action", &mut known.actions);
        let who = format!("{owner}, action '{}'", a.id.as_str());
        ck.check_text(file, line, "text", &who, &a.text);
        // An action's one placeholder: when the MASH opens next, which the engine knows only
        // while it is closed, so only an action shown then may use it.
        for p in placeholders(&a.text) {
            if p != "next_open" {
                ck.err(file, line, format!("{who}: unknown placeholder '{{{p}}}' in text (an action can use: next_open)"));
            } else if !a.when.as_ref().is_some_and(requires_mash_closed) {
                ck.err(file, line, format!("{who}: text uses {{next_open}}, so its `when` must include mash_open = false"));
            }
        }
        if let Some(c) = &a.contact {
            if !known.contacts.contains(c) {
                ck.err(file, line, format!("{who}: unknown contact '{c}'"));
            }
        }
        if let Some(c) = &a.when {
            ck.check_when(file, line, &format!("{who}: when"), c, &known.scope(true));
        }
    }
}

/// The condition holds only while the MASH is closed: `mash_open = false`, alone or in an `all`.
fn requires_mash_closed(c: &Condition) -> bool {
    match c {
        Condition::MashOpen(false) => true,
        Condition::All(list) => list.iter().any(requires_mash_closed),
        _ => false,
    }
}

/// `consent.toml`: the exceptions (one option each in the `consent_exception` question) and
/// the consent rules, each shown in a stated situation.
fn check_consent(ck: &mut Checker, consent: &ConsentFile, questions: &QuestionsFile, known: &mut Known) {
    let f = "consent.toml";
    let mut exception_ids = HashSet::new();
    for e in &consent.exception {
        let (line, owner) = ck.item(f, &e.id, "exception", &mut exception_ids);
        ck.check_text(f, line, "text", &owner, &e.text);
        if let Some(c) = &e.suggested_when {
            ck.check_when(f, line, &owner, c, &known.scope(false));
        }
    }
    let mut rule_ids = HashSet::new();
    for r in &consent.rule {
        let (line, owner) = ck.item(f, &r.id, "consent rule", &mut rule_ids);
        ck.check_text(f, line, "quote", &owner, &r.quote);
        if let Some(a) = &r.advice {
            ck.check_text(f, line, "advice", &owner, a);
        }
        // A rule with no `when` would never be shown: dead data, which the file must not hold.
        match &r.when {
            Some(c) => ck.check_when(f, line, &format!("{owner}: when"), c, &known.scope(true)),
            None => ck.err(f, line, format!("{owner}: give `when`, the situation in which it is shown (a rule never shown does not belong in the file)")),
        }
    }
    if let Some(q) = questions.question.iter().find(|q| q.id.as_str() == "consent_exception") {
        let options: HashSet<&String> = q.options.iter().map(|o| &o.id).collect();
        if options != exception_ids.iter().collect() {
            let line = ck.line("questions.toml", &q.id);
            ck.err("questions.toml", line, "question 'consent_exception' must have exactly one option per exception in consent.toml");
        }
    }
    known.exceptions = exception_ids;
}

/// `pathways.toml`: specific risks, their floors, exceptions and actions.
fn check_pathways(ck: &mut Checker, pathways: &PathwaysFile, known: &mut Known) {
    let f = "pathways.toml";
    let mut seen = HashSet::new();
    for p in &pathways.pathway {
        let (line, owner) = ck.item(f, &p.id, "pathway", &mut seen);
        ck.check_text(f, line, "name", &owner, &p.name);
        ck.check_text(f, line, "quote", &owner, &p.quote);
        ck.check_when(f, line, &format!("{owner}: when"), &p.when, &known.scope(false));
        if let Some(c) = &p.category_floor {
            if !known.categories.contains(c) {
                ck.err(f, line, format!("{owner}: unknown category_floor '{c}'"));
            }
        }
        if let Some(e) = &p.consent_exception {
            if !known.exceptions.contains(e) {
                ck.err(f, line, format!("{owner}: unknown consent_exception '{e}'"));
            }
        }
        if p.action.is_empty() {
            ck.err(f, line, format!("{owner}: a pathway needs at least one action"));
        }
        check_actions(ck, known, f, &owner, &p.action);
    }
}

/// `safety.toml`: the overrides checked before everything else.
fn check_safety(ck: &mut Checker, safety: &SafetyFile, known: &mut Known) {
    let f = "safety.toml";
    let mut seen = HashSet::new();
    for o in &safety.overrides {
        let (line, owner) = ck.item(f, &o.id, "override", &mut seen);
        ck.check_text(f, line, "quote", &owner, &o.quote);
        ck.check_when(f, line, &format!("{owner}: when"), &o.when, &known.scope(false));
        if let Some(c) = &o.category {
            if !known.categories.contains(c) {
                ck.err(f, line, format!("{owner}: unknown category '{c}'"));
            }
        }
        check_actions(ck, known, f, &owner, &o.action);
    }
}

/// `interpretation.toml`: the tool's own "consider" advice.
fn check_interpretation(ck: &mut Checker, interpretation: &InterpretationFile, known: &Known) {
    let f = "interpretation.toml";
    let mut seen = HashSet::new();
    for r in &interpretation.rule {
        let (line, owner) = ck.item(f, &r.id, "interpretation", &mut seen);
        ck.check_text(f, line, "advice", &owner, &r.advice);
        ck.check_text(f, line, "basis", &owner, &r.basis);
        ck.check_when(f, line, &format!("{owner}: when"), &r.when, &known.scope(true));
        match (&r.suggests, &r.reading) {
            (Some(c), Some(why)) => {
                if !known.categories.contains(c) {
                    ck.err(f, line, format!("{owner}: suggests unknown category '{c}'"));
                }
                ck.check_text(f, line, "reading", &owner, why);
            }
            (None, None) => {}
            _ => ck.err(f, line, format!("{owner}: give both `suggests` and `reading`, or neither")),
        }
    }
}

/// `guidance.toml`: the document around a referral, and the engine's messages.
fn check_guidance(ck: &mut Checker, guidance: &GuidanceFile, known: &Known) {
    let f = "guidance.toml";
    let mut seen = HashSet::new();
    for g in &guidance.guidance {
        let (line, owner) = ck.item(f, &g.id, "guidance", &mut seen);
        ck.check_text(f, line, "title", &owner, &g.title);
        ck.check_text(f, line, "source", &owner, &g.source);
        if g.points.is_empty() {
            ck.err(f, line, format!("{owner}: give at least one of the document's points"));
        }
        for p in &g.points {
            ck.check_text(f, line, "points", &owner, p);
        }
        ck.check_when(f, line, &format!("{owner}: when"), &g.when, &known.scope(true));
    }
    let mut seen = HashSet::new();
    for m in &guidance.message {
        let (line, owner) = ck.item(f, &m.id, "message", &mut seen);
        ck.check_text(f, line, "text", &owner, &m.text);
        if let Some(c) = contract::MESSAGES.iter().chain(contract::EDITION_MESSAGES.iter().map(|(_, m)| m)).find(|c| c.id == m.id.as_str()) {
            for p in placeholders(&m.text) {
                if !c.placeholders.contains(&p) {
                    ck.err(f, line, format!("{owner}: unknown placeholder '{{{p}}}' (this message can use: {})", c.placeholders.join(", ")));
                }
            }
        }
    }
}

/// `covers` may only name actions that exist, and never the action itself.
fn check_covers(ck: &mut Checker, known: &Known) {
    for (file, line, id, covered) in &known.covers {
        if !known.actions.contains(covered) {
            ck.err(file, *line, format!("action '{id}': covers unknown action '{covered}'"));
        } else if covered == id {
            ck.err(file, *line, format!("action '{id}' covers itself"));
        }
    }
}

/// The contract (`contract.rs`): every id the code relies on is defined, with the kind and
/// options the code expects. A missing id is reported at the line of its likeliest rename.
fn check_contract(ck: &mut Checker, files: &Files) {
    let f = "questions.toml";
    for q in contract::QUESTIONS {
        match files.questions.question.iter().find(|x| x.id.as_str() == q.id) {
            Some(found) => {
                let line = ck.line(f, &found.id);
                if found.kind != q.kind {
                    ck.err(f, line, format!("question '{}' must be of kind {:?}, not {:?} ({})", q.id, q.kind, found.kind, q.used_by));
                }
                for o in q.options {
                    if !found.options.iter().any(|x| x.id == *o) {
                        ck.err(f, line, format!("question '{}' needs the option '{o}' ({})", q.id, q.used_by));
                    }
                }
            }
            None => missing(ck, f, "question", q.id, q.used_by, files.questions.question.iter().map(|x| &x.id)),
        }
    }
    let lists: [(&str, &str, &[contract::IdUse], Vec<&Id>); 4] = [
        ("contacts.toml", "contact", contract::CONTACTS, files.contacts.contact.iter().map(|x| &x.id).collect()),
        ("safety.toml", "override", contract::OVERRIDES, files.safety.overrides.iter().map(|x| &x.id).collect()),
        ("pathways.toml", "pathway", contract::PATHWAYS, files.pathways.pathway.iter().map(|x| &x.id).collect()),
        ("ruleset.toml", "domain", contract::DOMAINS, files.ruleset.domain.iter().map(|x| &x.id).collect()),
    ];
    for (file, what, uses, ids) in lists {
        for u in uses.iter().filter(|u| u.required) {
            if !ids.iter().any(|id| id.as_str() == u.id) {
                missing(ck, file, what, u.id, u.used_by, ids.iter().copied());
            }
        }
    }
    // Where the MASH keeps office hours, someone must answer outside them.
    let has = |id: &str| files.contacts.contact.iter().any(|c| c.id.as_str() == id);
    if contract::Need::OfficeHours.holds(&files.ruleset, &files.contacts) && !has("edt") {
        let used_by = "who to phone while the MASH is closed and something is urgent: an edition with office hours needs its out-of-hours contact";
        missing(ck, "contacts.toml", "contact", "edt", used_by, files.contacts.contact.iter().map(|x| &x.id));
    }
    // A superseded edition names the current one (`superseded_by`'s title) where it says it
    // is superseded, and, without office hours, in `mash_open`, who to contact at any time.
    if let Some(current) = &files.ruleset.superseded_by {
        let hours = contract::Need::OfficeHours.holds(&files.ruleset, &files.contacts);
        let title = current.title.as_str();
        for m in files.guidance.message.iter().filter(|m| (m.id.as_str() == "superseded" || !hours && m.id.as_str() == "mash_open") && !m.text.contains(title))
        {
            let line = ck.line("guidance.toml", &m.id);
            let what = if m.id.as_str() == "superseded" {
                "it says this edition is superseded:"
            } else {
                "the MASH has no office hours, so this is who to contact at any time: say that this edition gives no office hours, and"
            };
            ck.err("guidance.toml", line, format!("message '{}': {what} name the current edition as superseded_by does, '{title}'", m.id.as_str()));
        }
    }
    // The summary prints the name of the contact phoned: every option but "no" is a contact.
    if let Some(q) = files.questions.question.iter().find(|x| x.id.as_str() == "phoned") {
        for o in q.options.iter().filter(|o| o.id != "no" && !has(&o.id)) {
            let line = ck.line(f, &q.id);
            ck.err(f, line, format!("question 'phoned': option '{}' is not a contact id in contacts.toml (the summary names the contact phoned)", o.id));
        }
    }
    let edition = contract::EDITION_MESSAGES.iter().filter(|(n, _)| n.holds(&files.ruleset, &files.contacts)).map(|(_, m)| m);
    for m in contract::MESSAGES.iter().chain(edition) {
        if !files.guidance.message.iter().any(|x| x.id.as_str() == m.id) {
            missing(ck, "guidance.toml", "message", m.id, m.used_by, files.guidance.message.iter().map(|x| &x.id));
        }
    }
}

fn missing<'a>(ck: &mut Checker, file: &str, what: &str, id: &str, used_by: &str, ids: impl Iterator<Item = &'a Id>) {
    let (line, hint) = contract::nearest(id, ids, |x| ck.line(file, x));
    ck.err(file, line, format!("the code relies on {what} '{id}' ({used_by}), which is not defined{hint}"));
}

/// The hand counts in `indicator-counts.toml` must match the indicators exactly, per
/// category and domain, so a dropped or duplicated indicator cannot pass unnoticed.
fn check_counts(ck: &mut Checker, indicators: &IndicatorsFile, counts: &Counts) {
    let mut actual: Counts = BTreeMap::new();
    for ind in &indicators.indicator {
        *actual.entry(ind.category.clone()).or_default().entry(ind.domain.clone()).or_default() += 1;
    }
    for (cat, domains) in counts.iter().filter(|(k, _)| *k != "totals") {
        for (dom, &n) in domains {
            let got = actual.get(cat).and_then(|d| d.get(dom)).copied().unwrap_or(0);
            if got != n {
                ck.err(COUNTS_FILE, 0, format!("{cat} / {dom}: hand count is {n} but indicators.toml has {got}"));
            }
        }
    }
    for (cat, domains) in &actual {
        for (dom, &got) in domains {
            if counts.get(cat).and_then(|d| d.get(dom)).is_none() {
                ck.err(COUNTS_FILE, 0, format!("{cat} / {dom}: indicators.toml has {got} but there is no hand count"));
            }
        }
    }
    if let Some(totals) = counts.get("totals") {
        let all: u32 = actual.values().flat_map(|d| d.values()).sum();
        for (cat, &n) in totals {
            let got = if cat == "all" { all } else { actual.get(cat).map(|d| d.values().sum()).unwrap_or(0) };
            if got != n {
                ck.err(COUNTS_FILE, 0, format!("total for {cat}: hand count is {n} but indicators.toml has {got}"));
            }
        }
    }
}
