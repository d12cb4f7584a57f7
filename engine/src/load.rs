//! Loading and validating a rule set. Every problem is reported with the file, the line
//! and what is wrong, and all problems are reported at once: partnership staff fix a file
//! in one pass. A rule set with any error is never returned (no half-valid rule set).

use super::clock::{parse_date, parse_hhmm, Weekday};
use super::contract;
use super::compact::{compact_struct, Compact, Reader, Writer};
use super::model::*;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// The files of a rule set, in the order they are hashed and loaded.
pub const FILES: [&str; 9] = [
    "ruleset.toml",
    "indicators.toml",
    "questions.toml",
    "pathways.toml",
    "safety.toml",
    "consent.toml",
    "contacts.toml",
    "interpretation.toml",
    "guidance.toml",
];
/// Optional: hand counts that the indicators must match.
pub const COUNTS_FILE: &str = "indicator-counts.toml";

/// The four categories the engine and the UI know by name, lowest first.
pub const CATEGORY_IDS: [&str; 4] = ["universal", "emerging_needs", "family_help", "statutory_intervention"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

/// The text of each file, keyed by file name, plus the folder they came from (for messages).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub folder: String,
    pub files: BTreeMap<String, String>,
}

impl Sources {
    fn path(&self, name: &str) -> String {
        if self.folder.is_empty() {
            name.to_string()
        } else {
            format!("{}/{}", self.folder.trim_end_matches('/'), name)
        }
    }

    /// SHA-256 over every file name and text in `FILES` order: the id of this exact rules build.
    pub fn content_hash(&self) -> String {
        let mut h = Sha256::new();
        for name in FILES {
            h.update(name.as_bytes());
            h.update([0]);
            h.update(self.files.get(name).map(String::as_bytes).unwrap_or_default());
            h.update([0]);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub edition: String,
    pub source_file: String,
    pub hash: String,
}

/// A validated rule set with its look-up tables. Everything in it has been checked.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub meta: Meta,
    pub categories: Vec<Category>,
    pub domains: Vec<Domain>,
    pub indicators: Vec<Indicator>,
    /// Category rank (index into `categories`) and domain index of each indicator.
    pub indicator_place: Vec<(usize, usize)>,
    /// Each indicator's text with A–Z in lower case, for the search box (worked out once, not
    /// on every keystroke).
    pub indicator_search: Vec<String>,
    pub questions: Vec<Question>,
    pub pathways: Vec<Pathway>,
    pub overrides: Vec<Override>,
    pub consent: ConsentFile,
    pub contacts: ContactsFile,
    pub interpretations: Vec<Interpretation>,
    pub guidance: Vec<Guidance>,
    pub messages: Vec<Message>,
    pub indicator_index: Index,
    pub question_index: Index,
    pub category_index: Index,
}

impl RuleSet {
    pub fn category_rank(&self, id: &str) -> Option<usize> {
        self.category_index.get(id).copied()
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index.get(id).map(|&i| &self.questions[i])
    }
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.contact.iter().find(|c| c.id.get_ref() == id)
    }
    /// An action by id, wherever it is defined.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.overrides
            .iter()
            .flat_map(|o| &o.action)
            .chain(self.pathways.iter().flat_map(|p| &p.action))
            .chain(self.categories.iter().flat_map(|c| &c.next))
            .find(|a| a.id.get_ref() == id)
    }
}

/// Id → position: a table sorted by the FNV-1a hash of each id. A lookup hashes the id once
/// and searches integers, then checks the id itself. The engine looks ids up thousands of
/// times per assessment, and comparing strings in a plain sorted table was most of its time;
/// a hash map would bring a hash table's code into the widget for the same result.
#[derive(Debug, Clone, Default)]
pub struct Index(Vec<(u64, String, usize)>);

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Index {
    fn find(&self, id: &str) -> Result<usize, usize> {
        let h = fnv1a(id);
        // Entries with the same hash (in practice never) sit side by side, ordered by id.
        self.0.binary_search_by(|(eh, eid, _)| eh.cmp(&h).then_with(|| eid.as_str().cmp(id)))
    }
    pub fn get(&self, id: &str) -> Option<&usize> {
        self.find(id).ok().map(|at| &self.0[at].2)
    }
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }
    /// The ids, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &String> + '_ {
        self.0.iter().map(|(_, id, _)| id)
    }
}

impl FromIterator<(String, usize)> for Index {
    /// A later position for the same id replaces an earlier one.
    fn from_iter<I: IntoIterator<Item = (String, usize)>>(iter: I) -> Self {
        let mut index = Index::default();
        for (id, at) in iter {
            match index.find(&id) {
                Ok(i) => index.0[i].2 = at,
                Err(i) => index.0.insert(i, (fnv1a(&id), id, at)),
            }
        }
        index
    }
}

struct Checker<'a> {
    sources: &'a Sources,
    errors: Vec<RuleError>,
    /// Byte offsets of line starts, per file, so a span maps to a line in O(log n).
    line_starts: HashMap<String, Vec<usize>>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

impl<'a> Checker<'a> {
    fn err(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.errors.push(RuleError { file: self.sources.path(file), line, message: message.into() });
    }

    fn line(&mut self, file: &str, id: &Id) -> usize {
        let Some(text) = self.sources.files.get(file) else { return 0 };
        let starts = self.line_starts.entry(file.to_string()).or_insert_with(|| {
            std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
        });
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
        let s = id.get_ref();
        if s.is_empty() {
            self.err(file, line, format!("{what} has an empty id"));
        } else if !s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c)) {
            self.err(file, line, format!("{what} id '{s}' may only use a-z, 0-9, '.', '_' and '-'"));
        }
        if !seen.insert(s.clone()) {
            self.err(file, line, format!("duplicate {what} id '{s}'"));
        }
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
}

/// What a condition may refer to at the point it is written.
struct Scope<'a> {
    questions: &'a HashMap<String, (Kind, Vec<String>)>,
    /// Every question id in the file, to tell "comes later" from "does not exist".
    all_questions: &'a HashSet<String>,
    indicators: &'a HashSet<String>,
    categories: &'a HashSet<String>,
    /// Whether facts the engine works out (office hours, consent exceptions, urgency, the
    /// outcome) may be used: not in the triggers those facts are worked out from.
    derived: bool,
}

fn check_condition(c: &Condition, scope: &Scope, problems: &mut Vec<String>) {
    let answer_values = |q: &str, problems: &mut Vec<String>| -> Option<Vec<String>> {
        match scope.questions.get(q) {
            None if scope.all_questions.contains(q) => {
                problems.push(format!("refers to question '{q}', which comes later (a question may only refer to questions before it)"));
                None
            }
            None => {
                problems.push(format!("refers to unknown question '{q}'"));
                None
            }
            Some((Kind::YesNo, _)) => Some(vec!["yes".into(), "no".into()]),
            Some((Kind::YesNoUnsure, _)) => Some(vec!["yes".into(), "no".into(), "unsure".into()]),
            Some((Kind::Choice, opts)) => Some(opts.clone()),
            Some((Kind::Text, _)) => {
                problems.push(format!("refers to free-text question '{q}', which has no fixed answers"));
                None
            }
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
        Condition::CategoryAtLeast(cat) => {
            if !scope.categories.contains(cat) {
                problems.push(format!("refers to unknown category '{cat}'"));
            }
        }
        Condition::DomainsAt(d) => {
            if !scope.categories.contains(&d.category) {
                problems.push(format!("refers to unknown category '{}'", d.category));
            }
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
        Condition::MashOpen(_) | Condition::ConsentException(_) | Condition::UrgentConcern(_) | Condition::OutcomeAtLeast(_) if !scope.derived => {
            problems.push("uses a fact the engine works out (mash_open, consent_exception, urgent_concern, outcome_at_least), which only actions, consent rules, interpretation rules and guidance may use".into())
        }
        Condition::OutcomeAtLeast(cat) => {
            if !scope.categories.contains(cat) {
                problems.push(format!("refers to unknown category '{cat}'"));
            }
        }
        Condition::MashOpen(_) | Condition::ConsentException(_) | Condition::UrgentConcern(_) => {}
    }
}

/// The parsed files of a rule set. build.rs compiles a checked `Files` into a compact binary
/// (with its content hash) that the browser decodes instead of parsing TOML.
#[derive(Debug, Clone)]
pub struct Files {
    pub ruleset: RulesetFile,
    pub indicators: IndicatorsFile,
    pub questions: QuestionsFile,
    pub pathways: PathwaysFile,
    pub safety: SafetyFile,
    pub consent: ConsentFile,
    pub contacts: ContactsFile,
    pub interpretation: InterpretationFile,
    pub guidance: GuidanceFile,
}

/// A checked rule set in its compiled form.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub hash: String,
    pub files: Files,
}

compact_struct! {
    Files { ruleset, indicators, questions, pathways, safety, consent, contacts, interpretation, guidance }
    Compiled { hash, files }
}

/// Loads and validates a rule set. Returns every problem found, or the rule set.
pub fn load(sources: &Sources) -> Result<RuleSet, Vec<RuleError>> {
    check(sources).map(|files| assemble(files, sources.content_hash()))
}

/// The `{name}` placeholders in a message.
pub fn placeholders(text: &str) -> Vec<&str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

/// Builds the look-up tables of a rule set that has already been checked.
pub fn assemble(files: Files, hash: String) -> RuleSet {
    let Files { ruleset, indicators, questions, pathways, safety, consent, contacts, interpretation, guidance } = files;
    let category_index: Index = ruleset.category.iter().enumerate().map(|(i, c)| (c.id.get_ref().clone(), i)).collect();
    let domain_index = |id: &str| ruleset.domain.iter().position(|d| d.id.get_ref() == id).unwrap_or(0);
    let indicator_place = indicators
        .indicator
        .iter()
        .map(|x| (category_index.get(&x.category).copied().unwrap_or(0), domain_index(&x.domain)))
        .collect();
    let indicator_index = indicators.indicator.iter().enumerate().map(|(i, x)| (x.id.get_ref().clone(), i)).collect();
    let indicator_search = indicators.indicator.iter().map(|x| x.text.to_ascii_lowercase()).collect();
    let question_index = questions.question.iter().enumerate().map(|(i, x)| (x.id.get_ref().clone(), i)).collect();
    RuleSet {
        meta: Meta { id: ruleset.id, title: ruleset.title, edition: ruleset.edition, source_file: ruleset.source_file, hash },
        categories: ruleset.category,
        domains: ruleset.domain,
        indicators: indicators.indicator,
        indicator_place,
        indicator_search,
        questions: questions.question,
        pathways: pathways.pathway,
        overrides: safety.overrides,
        consent,
        contacts,
        interpretations: interpretation.rule,
        guidance: guidance.guidance,
        messages: guidance.message,
        indicator_index,
        question_index,
        category_index,
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

    // Categories and domains.
    let f = "ruleset.toml";
    let mut seen = HashSet::new();
    for c in &ruleset.category {
        ck.check_id(f, &c.id, "category", &mut seen);
        let line = ck.line(f, &c.id);
        let owner = format!("category '{}'", c.id.get_ref());
        for (field, text) in [("name", &c.name), ("definition", &c.definition), ("action", &c.action), ("source", &c.source)] {
            ck.check_text(f, line, field, &owner, text);
        }
    }
    let cat_ids: Vec<&str> = ruleset.category.iter().map(|c| c.id.get_ref().as_str()).collect();
    if cat_ids != CATEGORY_IDS {
        ck.err(f, 0, format!("categories must be, in order: {} (found: {})", CATEGORY_IDS.join(", "), cat_ids.join(", ")));
    }
    let category_index: Index = cat_ids.iter().enumerate().map(|(i, c)| (c.to_string(), i)).collect();
    let categories: HashSet<String> = category_index.keys().cloned().collect();
    let mut seen = HashSet::new();
    for d in &ruleset.domain {
        ck.check_id(f, &d.id, "domain", &mut seen);
        let line = ck.line(f, &d.id);
        ck.check_text(f, line, "name", &format!("domain '{}'", d.id.get_ref()), &d.name);
    }
    let domain_index: HashMap<String, usize> =
        ruleset.domain.iter().enumerate().map(|(i, d)| (d.id.get_ref().clone(), i)).collect();

    // Indicators.
    let f = "indicators.toml";
    let mut seen = HashSet::new();
    for ind in &indicators.indicator {
        ck.check_id(f, &ind.id, "indicator", &mut seen);
        let line = ck.line(f, &ind.id);
        let owner = format!("indicator '{}'", ind.id.get_ref());
        ck.check_text(f, line, "text", &owner, &ind.text);
        ck.check_text(f, line, "source", &owner, &ind.source);
        let cat = category_index.get(&ind.category).copied();
        let dom = domain_index.get(&ind.domain).copied();
        if cat.is_none() {
            ck.err(f, line, format!("{owner}: unknown category '{}' (known: {})", ind.category, cat_ids.join(", ")));
        }
        if dom.is_none() {
            ck.err(f, line, format!("{owner}: unknown domain '{}' (declare it in ruleset.toml)", ind.domain));
        }
    }
    let indicator_ids: HashSet<String> = seen;
    if let Some(counts) = &counts {
        check_counts(&mut ck, &indicators, counts);
    }

    // Questions: conditions may only look backwards, so the journey has no cycles.
    let f = "questions.toml";
    let mut seen = HashSet::new();
    let mut defined: HashMap<String, (Kind, Vec<String>)> = HashMap::new();
    let all_questions: HashSet<String> = questions.question.iter().map(|q| q.id.get_ref().clone()).collect();
    for q in &questions.question {
        ck.check_id(f, &q.id, "question", &mut seen);
        let line = ck.line(f, &q.id);
        let owner = format!("question '{}'", q.id.get_ref());
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
            let mut problems = Vec::new();
            check_condition(c, &Scope { questions: &defined, all_questions: &all_questions, indicators: &indicator_ids, categories: &categories, derived: false }, &mut problems);
            for p in problems {
                ck.err(f, line, format!("{owner}: applies_if {p}"));
            }
        }
        defined.insert(q.id.get_ref().clone(), (q.kind, q.options.iter().map(|o| o.id.clone()).collect()));
    }
    for q in contract::QUESTIONS {
        match (defined.get(q.id), questions.question.iter().find(|x| x.id.get_ref() == q.id)) {
            (Some((k, opts)), Some(found)) => {
                let line = ck.line(f, &found.id);
                if *k != q.kind {
                    ck.err(f, line, format!("question '{}' must be of kind {:?}, not {k:?} ({})", q.id, q.kind, q.used_by));
                }
                for o in q.options {
                    if !opts.iter().any(|x| x == o) {
                        ck.err(f, line, format!("question '{}' needs the option '{o}' ({})", q.id, q.used_by));
                    }
                }
            }
            _ => {
                let ids = questions.question.iter().map(|x| &x.id);
                let (line, hint) = contract::nearest(q.id, ids, |id| ck.line(f, id));
                ck.err(f, line, format!("the code relies on question '{}' ({}), which is not defined{hint}", q.id, q.used_by));
            }
        }
    }
    let scope = Scope { questions: &defined, all_questions: &all_questions, indicators: &indicator_ids, categories: &categories, derived: false };
    let scope_derived = Scope { derived: true, ..scope };

    // Contacts (before actions, which refer to them).
    let f = "contacts.toml";
    let mut contact_ids = HashSet::new();
    for c in &contacts.contact {
        ck.check_id(f, &c.id, "contact", &mut contact_ids);
        let line = ck.line(f, &c.id);
        let owner = format!("contact '{}'", c.id.get_ref());
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
            if !contact_ids.contains(other) {
                let line = ck.line(f, &c.id);
                ck.err(f, line, format!("contact '{}': out_of_hours_for refers to unknown contact '{other}'", c.id.get_ref()));
            }
        }
    }
    for c in contract::CONTACTS {
        if !contact_ids.contains(c.id) {
            let (line, hint) = contract::nearest(c.id, contacts.contact.iter().map(|x| &x.id), |id| ck.line(f, id));
            ck.err(f, line, format!("the code relies on contact '{}' ({}), which is not defined{hint}", c.id, c.used_by));
        }
    }
    if contacts.timezone != "Europe/London" {
        ck.err(f, 0, format!("timezone '{}' is not supported (only Europe/London)", contacts.timezone));
    }
    if parse_date(&contacts.bank_holidays.valid_until).is_none() {
        ck.err(f, 0, format!("bank_holidays.valid_until '{}' is not a date (YYYY-MM-DD)", contacts.bank_holidays.valid_until));
    }
    let mut last = None;
    for d in &contacts.bank_holidays.dates {
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

    // Actions anywhere: unique ids across the rule set, known contacts, valid conditions.
    let mut action_ids = HashSet::new();
    let mut covers: Vec<(String, usize, String, String)> = Vec::new();
    let mut check_actions = |ck: &mut Checker, file: &str, owner: &str, actions: &[Action]| {
        for a in actions {
            for c in &a.covers {
                covers.push((file.to_string(), ck.line(file, &a.id), a.id.get_ref().clone(), c.clone()));
            }
            ck.check_id(file, &a.id, "action", &mut action_ids);
            let line = ck.line(file, &a.id);
            let who = format!("{owner}, action '{}'", a.id.get_ref());
            ck.check_text(file, line, "text", &who, &a.text);
            if let Some(c) = &a.contact {
                if !contact_ids.contains(c) {
                    ck.err(file, line, format!("{who}: unknown contact '{c}'"));
                }
            }
            if let Some(c) = &a.when {
                let mut problems = Vec::new();
                check_condition(c, &scope_derived, &mut problems);
                for p in problems {
                    ck.err(file, line, format!("{who}: when {p}"));
                }
            }
        }
    };
    for c in &ruleset.category {
        check_actions(&mut ck, "ruleset.toml", &format!("category '{}'", c.id.get_ref()), &c.next);
    }

    let check_when = |ck: &mut Checker, file: &str, line: usize, owner: &str, c: &Condition, derived: bool| {
        let mut problems = Vec::new();
        check_condition(c, if derived { &scope_derived } else { &scope }, &mut problems);
        for p in problems {
            ck.err(file, line, format!("{owner}: {p}"));
        }
    };

    // Consent.
    let f = "consent.toml";
    let mut exception_ids = HashSet::new();
    for e in &consent.exception {
        ck.check_id(f, &e.id, "exception", &mut exception_ids);
        let line = ck.line(f, &e.id);
        let owner = format!("exception '{}'", e.id.get_ref());
        ck.check_text(f, line, "text", &owner, &e.text);
        if let Some(c) = &e.suggested_when {
            check_when(&mut ck, f, line, &owner, c, false);
        }
    }
    let mut rule_ids = HashSet::new();
    for r in &consent.rule {
        ck.check_id(f, &r.id, "consent rule", &mut rule_ids);
        let line = ck.line(f, &r.id);
        let owner = format!("consent rule '{}'", r.id.get_ref());
        ck.check_text(f, line, "quote", &owner, &r.quote);
        if let Some(a) = &r.advice {
            ck.check_text(f, line, "advice", &owner, a);
        }
        // A rule with no `when` would never be shown: dead data, which the file must not hold.
        match &r.when {
            Some(c) => check_when(&mut ck, f, line, &format!("{owner}: when"), c, true),
            None => ck.err(f, line, format!("{owner}: give `when`, the situation in which it is shown (a rule never shown does not belong in the file)")),
        }
    }
    if let Some((_, opts)) = defined.get("consent_exception") {
        let opts: HashSet<&String> = opts.iter().collect();
        let excs: HashSet<&String> = exception_ids.iter().collect();
        if opts != excs {
            ck.err("questions.toml", 0, "question 'consent_exception' must have exactly one option per exception in consent.toml");
        }
    }

    // Pathways.
    let f = "pathways.toml";
    let mut seen = HashSet::new();
    for p in &pathways.pathway {
        ck.check_id(f, &p.id, "pathway", &mut seen);
        let line = ck.line(f, &p.id);
        let owner = format!("pathway '{}'", p.id.get_ref());
        ck.check_text(f, line, "name", &owner, &p.name);
        ck.check_text(f, line, "quote", &owner, &p.quote);
        check_when(&mut ck, f, line, &format!("{owner}: when"), &p.when, false);
        if let Some(c) = &p.category_floor {
            if !categories.contains(c) {
                ck.err(f, line, format!("{owner}: unknown category_floor '{c}'"));
            }
        }
        if let Some(e) = &p.consent_exception {
            if !exception_ids.contains(e) {
                ck.err(f, line, format!("{owner}: unknown consent_exception '{e}'"));
            }
        }
        if p.action.is_empty() {
            ck.err(f, line, format!("{owner}: a pathway needs at least one action"));
        }
        check_actions(&mut ck, f, &owner, &p.action);
    }

    // Safety overrides.
    let f = "safety.toml";
    let mut seen = HashSet::new();
    for o in &safety.overrides {
        ck.check_id(f, &o.id, "override", &mut seen);
        let line = ck.line(f, &o.id);
        let owner = format!("override '{}'", o.id.get_ref());
        ck.check_text(f, line, "quote", &owner, &o.quote);
        check_when(&mut ck, f, line, &format!("{owner}: when"), &o.when, false);
        if let Some(c) = &o.category {
            if !categories.contains(c) {
                ck.err(f, line, format!("{owner}: unknown category '{c}'"));
            }
        }
        check_actions(&mut ck, f, &owner, &o.action);
    }
    for c in contract::OVERRIDES {
        if !safety.overrides.iter().any(|o| o.id.get_ref() == c.id) {
            let (line, hint) = contract::nearest(c.id, safety.overrides.iter().map(|x| &x.id), |id| ck.line(f, id));
            ck.err(f, line, format!("the code relies on override '{}' ({}), which is not defined{hint}", c.id, c.used_by));
        }
    }
    for c in contract::PATHWAYS {
        if !pathways.pathway.iter().any(|p| p.id.get_ref() == c.id) {
            let (line, hint) = contract::nearest(c.id, pathways.pathway.iter().map(|x| &x.id), |id| ck.line("pathways.toml", id));
            ck.err("pathways.toml", line, format!("the code relies on pathway '{}' ({}), which is not defined{hint}", c.id, c.used_by));
        }
    }
    for c in contract::DOMAINS {
        if !ruleset.domain.iter().any(|d| d.id.get_ref() == c.id) {
            let (line, hint) = contract::nearest(c.id, ruleset.domain.iter().map(|x| &x.id), |id| ck.line("ruleset.toml", id));
            ck.err("ruleset.toml", line, format!("the code relies on domain '{}' ({}), which is not defined{hint}", c.id, c.used_by));
        }
    }

    // Interpretation rules.
    let f = "interpretation.toml";
    let mut seen = HashSet::new();
    for r in &interpretation.rule {
        ck.check_id(f, &r.id, "interpretation", &mut seen);
        let line = ck.line(f, &r.id);
        let owner = format!("interpretation '{}'", r.id.get_ref());
        ck.check_text(f, line, "advice", &owner, &r.advice);
        ck.check_text(f, line, "basis", &owner, &r.basis);
        check_when(&mut ck, f, line, &format!("{owner}: when"), &r.when, true);
    }

    // Guidance and the engine's messages.
    let f = "guidance.toml";
    let mut seen = HashSet::new();
    for g in &guidance.guidance {
        ck.check_id(f, &g.id, "guidance", &mut seen);
        let line = ck.line(f, &g.id);
        let owner = format!("guidance '{}'", g.id.get_ref());
        ck.check_text(f, line, "title", &owner, &g.title);
        ck.check_text(f, line, "source", &owner, &g.source);
        if g.points.is_empty() {
            ck.err(f, line, format!("{owner}: give at least one of the document's points"));
        }
        for p in &g.points {
            ck.check_text(f, line, "points", &owner, p);
        }
        check_when(&mut ck, f, line, &format!("{owner}: when"), &g.when, true);
    }
    let mut seen = HashSet::new();
    for m in &guidance.message {
        ck.check_id(f, &m.id, "message", &mut seen);
        let line = ck.line(f, &m.id);
        let owner = format!("message '{}'", m.id.get_ref());
        ck.check_text(f, line, "text", &owner, &m.text);
        if let Some(c) = contract::MESSAGES.iter().find(|c| c.id == m.id.get_ref()) {
            for p in placeholders(&m.text) {
                if !c.placeholders.contains(&p) {
                    ck.err(f, line, format!("{owner}: unknown placeholder '{{{p}}}' (this message can use: {})", c.placeholders.join(", ")));
                }
            }
        }
    }
    for m in contract::MESSAGES {
        if !seen.contains(m.id) {
            let (line, hint) = contract::nearest(m.id, guidance.message.iter().map(|x| &x.id), |id| ck.line(f, id));
            ck.err(f, line, format!("the code relies on message '{}' ({}), which is not defined{hint}", m.id, m.used_by));
        }
    }

    // The closure that collected `covers` is no longer used, so its borrow has ended.
    for (file, line, id, covered) in &covers {
        if !action_ids.contains(covered) {
            ck.err(file, *line, format!("action '{id}': covers unknown action '{covered}'"));
        } else if covered == id {
            ck.err(file, *line, format!("action '{id}' covers itself"));
        }
    }

    if !ck.errors.is_empty() {
        return Err(ck.errors);
    }
    Ok(Files { ruleset, indicators, questions, pathways, safety, consent, contacts, interpretation, guidance })
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
