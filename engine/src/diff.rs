//! Comparing two editions of a rule set (`threshold rules diff OLD NEW`): what a partnership
//! member retraining on a new threshold document needs to know. Pure: two checked rule sets
//! in, a [`Diff`] out; [`report`] writes it for people (text or Markdown), and it serialises
//! to JSON for tools.
//!
//! - **Indicators** are matched by their text, not their ids (another edition numbers them
//!   afresh): the same words first, then the most alike wordings, each pair at most once. A
//!   pair with other words is *reworded*, with how alike the wordings are ([`similarity`], 0 to
//!   1); below [`REWORDED_AT_LEAST`] the old one is *removed* and the new one *added*. Texts
//!   that differ only in punctuation, capitals or spacing have the same words: not reworded.
//! - **Categories and domains** are matched by their indicators: an old category's successor
//!   is the new category where most of its indicators are now, so a category renamed or
//!   re-cut shows with the evidence for it. An indicator is *moved* when it is not where its
//!   old category's (or domain's) successor is.
//! - **Contacts, bank holidays, consent exceptions and rules, pathways** are matched by id
//!   (then by their name or words, if very alike), field by field; a field one edition lacks is *added* or
//!   *removed*.
//!
//! Not in the widget: only the CLI calls it, and it is compiled for native builds only.

pub mod report;

use crate::contract::distance;
use crate::model::{self, *};
use crate::ruleset::RuleSet;
use serde::Serialize;
use std::collections::BTreeMap;

/// Two texts at least this alike are the same item reworded; below it, one removed and one added.
pub const REWORDED_AT_LEAST: f64 = 0.6;
/// A contact, exception, consent rule or pathway under a new id is the old one only if its name
/// or words are at least this alike: two services with similar names ("Family Partnership
/// Service", "Youth Partnership Service") are not one service renamed.
pub const SAME_ITEM_AT_LEAST: f64 = 0.8;
/// An old category is matched with confidence when at least this share of its indicators
/// that are found again are in one new category (and at least half of them are found).
pub const SURE_SHARE: f64 = 0.75;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub old: Edition,
    pub new: Edition,
    pub categories: Vec<GroupMap>,
    /// New categories that no old category leads to.
    pub new_categories: Vec<Named>,
    pub domains: Vec<GroupMap>,
    pub new_domains: Vec<Named>,
    pub indicators: Indicators,
    pub contacts: Vec<ItemChange>,
    pub bank_holidays: BankHolidays,
    pub consent_exceptions: Vec<ItemChange>,
    pub consent_rules: Vec<ItemChange>,
    pub pathways: Vec<ItemChange>,
    /// The safety overrides (immediate danger and the like): what starts them and what they say to do.
    pub safety: Vec<ItemChange>,
    /// Each category's next steps (its action and its `next` actions), the old category
    /// compared with the one its indicators went to.
    pub next_steps: Vec<ItemChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edition {
    pub id: String,
    pub title: String,
    pub edition: String,
    pub hash: String,
    pub categories: usize,
    pub indicators: usize,
}

/// A category or domain: its id and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// Where an old category (or domain) went: its successor, and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupMap {
    pub old: Named,
    /// The new category holding most of its indicators that are found again (or, when none is
    /// found, the one with the same id); none when neither exists.
    pub new: Option<Named>,
    /// At least [`SURE_SHARE`] of the indicators found are in the successor, and at least half
    /// of the old category's indicators are found.
    pub sure: bool,
    /// The id or the name is not the old one.
    pub renamed: bool,
    /// A notable part of its indicators (at least 2, and a tenth of those found) went to another
    /// new category.
    pub recut: bool,
    /// How many indicators the old category had, and how many of them are found in the new edition.
    pub indicators: usize,
    pub found: usize,
    /// Where they are found, most first.
    pub evidence: Vec<Evidence>,
    /// The definition, when the successor's differs (categories only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<FieldChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub to: Named,
    pub same_words: usize,
    pub reworded: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicators {
    /// Found with the same words in the same place (after renamed categories and domains).
    pub unchanged: usize,
    /// Of those, the ones whose punctuation, capitals or spacing differ (a curly apostrophe
    /// made straight): the same words, so neither reworded nor counted as a change.
    pub punctuation_only: Vec<Pair>,
    /// Same item, other words (some also moved), by the new category, domain and file order.
    pub reworded: Vec<Pair>,
    /// Same item in another category or domain (some also reworded), in the same order.
    pub moved: Vec<Pair>,
    pub added: Vec<IndicatorRef>,
    pub removed: Vec<IndicatorRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorRef {
    pub id: String,
    pub category: Named,
    pub domain: Named,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub old: IndicatorRef,
    pub new: IndicatorRef,
    /// How alike the two wordings are: 1 for the same words ([`similarity`]).
    pub score: f64,
    /// Other words (a score below 1).
    pub reworded: bool,
    pub moved: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// A contact, exception, consent rule or pathway added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    pub change: Change,
    pub id: String,
    /// The old id, when the item was matched by its words under another id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_id: Option<String>,
    pub name: String,
    /// For an added or removed item, its fields; for a changed one, the fields that differ.
    pub fields: Vec<FieldChange>,
}

/// One field: absent in one edition (added or removed) or different. `score` is how alike
/// two texts are, given for prose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl FieldChange {
    pub fn change(&self) -> Change {
        match (&self.old, &self.new) {
            (None, _) => Change::Added,
            (_, None) => Change::Removed,
            _ => Change::Changed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BankHolidays {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// `valid_until`, `source` and the time zone, where they differ.
    pub fields: Vec<FieldChange>,
}

impl Diff {
    /// Nothing differs that this comparison looks at.
    pub fn is_empty(&self) -> bool {
        let i = &self.indicators;
        self.categories.iter().all(GroupMap::unchanged)
            && self.domains.iter().all(GroupMap::unchanged)
            && self.new_categories.is_empty()
            && self.new_domains.is_empty()
            && i.punctuation_only.is_empty()
            && i.reworded.is_empty()
            && i.moved.is_empty()
            && i.added.is_empty()
            && i.removed.is_empty()
            && self.contacts.is_empty()
            && self.bank_holidays.added.is_empty()
            && self.bank_holidays.removed.is_empty()
            && self.bank_holidays.fields.is_empty()
            && self.consent_exceptions.is_empty()
            && self.consent_rules.is_empty()
            && self.pathways.is_empty()
            && self.safety.is_empty()
            && self.next_steps.is_empty()
    }
}

impl GroupMap {
    /// Same id, same name, every indicator found where it was, the definition as it was.
    pub fn unchanged(&self) -> bool {
        self.new.is_some() && !self.renamed && self.found == self.indicators && self.evidence.len() <= 1 && self.definition.is_none()
    }
}

// ----- Text similarity -----

/// A text as compared: lower case, letters and digits, single spaces.
fn normalise(s: &str) -> String {
    let mapped: String = s.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' }).collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text prepared for many comparisons.
struct Prepared {
    norm: String,
    chars: usize,
    words: Vec<String>,
}

impl Prepared {
    fn new(s: &str) -> Prepared {
        let norm = normalise(s);
        let mut words: Vec<String> = norm.split(' ').filter(|w| !w.is_empty()).map(String::from).collect();
        words.sort();
        Prepared { chars: norm.chars().count(), norm, words }
    }
}

/// Dice coefficient of two sorted word lists (as multisets).
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// How alike two prepared texts are, or `None` when they cannot reach `min` (the cheap word
/// count is checked before the edit distance).
fn score(a: &Prepared, b: &Prepared, min: f64) -> Option<f64> {
    if a.norm == b.norm {
        return Some(1.0);
    }
    let longest = a.chars.max(b.chars);
    if longest == 0 {
        return Some(1.0);
    }
    let words = dice(&a.words, &b.words);
    let chars_at_most = 1.0 - a.chars.abs_diff(b.chars) as f64 / longest as f64;
    if (words + chars_at_most) / 2.0 < min {
        return None;
    }
    let chars = 1.0 - distance(&a.norm, &b.norm) as f64 / longest as f64;
    // Other words never round up to the same words.
    let s = round2((words + chars) / 2.0).min(0.99);
    (s >= min).then_some(s)
}

/// How alike two texts are, from 0 (nothing in common) to 1 (the same words, ignoring case,
/// punctuation and spacing): the mean of the share of words they have in common (Dice) and
/// one minus their edit distance over the longer length, both on the normalised texts.
/// Rounded to two decimals, as shown.
pub fn similarity(a: &str, b: &str) -> f64 {
    score(&Prepared::new(a), &Prepared::new(b), 0.0).unwrap_or(0.0)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

// ----- Indicators, categories and domains -----

/// An indicator's old and new index, and the score of their texts.
#[derive(Debug, Clone, Copy)]
struct Match {
    old: usize,
    new: usize,
    score: f64,
}

/// Which new category (domain) an old one is expected to lead to, by id.
type Prefer<'a> = &'a dyn Fn(&Indicator) -> (Option<&'a str>, Option<&'a str>);

/// Matches indicators: the same text first (in the preferred category and domain, then the
/// preferred domain, then anywhere), then the most alike texts, each at most once.
fn match_indicators(old: &[Indicator], new: &[Indicator], prefer: Prefer) -> Vec<Match> {
    let old_p: Vec<Prepared> = old.iter().map(|i| Prepared::new(&i.text)).collect();
    let new_p: Vec<Prepared> = new.iter().map(|i| Prepared::new(&i.text)).collect();
    let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (n, p) in new_p.iter().enumerate() {
        by_text.entry(&p.norm).or_default().push(n);
    }
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let mut matches = Vec::new();
    let fits = |o: &Indicator, n: &Indicator, pass: u8| {
        let (cat, dom) = prefer(o);
        let same_cat = cat == Some(n.category.as_str());
        let same_dom = dom == Some(n.domain.as_str());
        match pass {
            0 => same_cat && same_dom,
            1 => same_cat,
            2 => same_dom,
            _ => true,
        }
    };
    for pass in 0..4 {
        for (o, ind) in old.iter().enumerate() {
            if old_taken[o] {
                continue;
            }
            let Some(candidates) = by_text.get(old_p[o].norm.as_str()) else { continue };
            if let Some(&n) = candidates.iter().find(|&&n| !new_taken[n] && fits(ind, &new[n], pass)) {
                old_taken[o] = true;
                new_taken[n] = true;
                matches.push(Match { old: o, new: n, score: 1.0 });
            }
        }
    }
    // Then the most alike wordings, best first; ties go to the expected place, then the same id.
    let mut candidates = Vec::new();
    for (o, op) in old_p.iter().enumerate().filter(|(o, _)| !old_taken[*o]) {
        for (n, np) in new_p.iter().enumerate().filter(|(n, _)| !new_taken[*n]) {
            if let Some(s) = score(op, np, REWORDED_AT_LEAST) {
                let (cat, dom) = prefer(&old[o]);
                let place = u8::from(cat == Some(new[n].category.as_str())) + u8::from(dom == Some(new[n].domain.as_str()));
                let same_id = old[o].id.as_str() == new[n].id.as_str();
                candidates.push((s, place, same_id, o, n));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)).then(a.4.cmp(&b.4)));
    for (s, _, _, o, n) in candidates {
        if !old_taken[o] && !new_taken[n] {
            old_taken[o] = true;
            new_taken[n] = true;
            matches.push(Match { old: o, new: n, score: s });
        }
    }
    matches.sort_by_key(|m| m.new);
    matches
}

/// For each old group (category or domain), where its matched indicators are now:
/// new group id → (same text, reworded).
type Tally = BTreeMap<String, BTreeMap<String, (usize, usize)>>;

fn tally(old: &[Indicator], new: &[Indicator], matches: &[Match], key: fn(&Indicator) -> &str) -> Tally {
    let mut t: Tally = BTreeMap::new();
    for m in matches {
        let (o, n) = (&old[m.old], &new[m.new]);
        let e = t.entry(key(o).to_string()).or_default().entry(key(n).to_string()).or_default();
        if m.score == 1.0 {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    t
}

/// The successor of each old group: the new group with most of its indicators (ties: the same
/// id, then the new edition's order); the same id when none is found.
fn successors(old_ids: &[&str], new_ids: &[&str], t: &Tally) -> BTreeMap<String, Option<String>> {
    old_ids
        .iter()
        .map(|&o| {
            let best = t.get(o).and_then(|to| {
                new_ids
                    .iter()
                    .filter_map(|&n| to.get(n).map(|(s, r)| (s + r, n == o, std::cmp::Reverse(new_ids.iter().position(|x| *x == n)), n)))
                    .max()
                    .map(|(_, _, _, n)| n.to_string())
            });
            (o.to_string(), best.or_else(|| new_ids.contains(&o).then(|| o.to_string())))
        })
        .collect()
}

struct Groups<'a> {
    old: Vec<Named>,
    new: Vec<Named>,
    /// Per old group, its indicators.
    counts: BTreeMap<&'a str, usize>,
}

fn group_maps(g: &Groups, t: &Tally, succ: &BTreeMap<String, Option<String>>) -> (Vec<GroupMap>, Vec<Named>) {
    let named = |id: &str| g.new.iter().find(|n| n.id == id).cloned();
    let maps: Vec<GroupMap> = g
        .old
        .iter()
        .map(|o| {
            let total = g.counts.get(o.id.as_str()).copied().unwrap_or(0);
            let to = t.get(&o.id).cloned().unwrap_or_default();
            let found: usize = to.values().map(|(s, r)| s + r).sum();
            let new = succ.get(&o.id).cloned().flatten().and_then(|id| named(&id));
            let mut evidence: Vec<Evidence> =
                g.new.iter().filter_map(|n| to.get(&n.id).map(|&(same_words, reworded)| Evidence { to: n.clone(), same_words, reworded })).collect();
            // Most first; the successor first among equals; otherwise the new edition's order.
            evidence.sort_by_key(|e| (std::cmp::Reverse(e.same_words + e.reworded), Some(&e.to) != new.as_ref()));
            let in_successor = evidence.first().filter(|e| Some(&e.to) == new.as_ref()).map_or(0, |e| e.same_words + e.reworded);
            let elsewhere = found - in_successor;
            GroupMap {
                sure: found > 0 && in_successor as f64 >= SURE_SHARE * found as f64 && 2 * found >= total,
                renamed: new.as_ref().is_some_and(|n| n != o),
                recut: evidence.iter().skip(1).any(|e| {
                    let n = e.same_words + e.reworded;
                    n >= 2 && 10 * n >= found
                }) && elsewhere > 0,
                old: o.clone(),
                new,
                indicators: total,
                found,
                evidence,
                definition: None,
            }
        })
        .collect();
    let newcomers = g.new.iter().filter(|n| !maps.iter().any(|m| m.new.as_ref() == Some(*n))).cloned().collect();
    (maps, newcomers)
}

fn indicator_ref(r: &RuleSet, i: &Indicator) -> IndicatorRef {
    let named = |id: &str, name: Option<&String>| Named { id: id.to_string(), name: name.cloned().unwrap_or_else(|| id.to_string()) };
    IndicatorRef {
        id: i.id.as_str().to_string(),
        category: named(&i.category, r.categories.iter().find(|c| c.id.as_str() == i.category).map(|c| &c.name)),
        domain: named(&i.domain, r.domains.iter().find(|d| d.id.as_str() == i.domain).map(|d| &d.name)),
        text: i.text.clone(),
    }
}

fn by_cat(i: &Indicator) -> &str {
    i.category.as_str()
}
fn by_dom(i: &Indicator) -> &str {
    i.domain.as_str()
}
fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

// ----- Items compared field by field -----

/// An item's fields as text, in order; `None` where the item lacks the field.
type Fields = Vec<(String, Option<String>)>;

fn opt(s: &Option<String>) -> Option<String> {
    s.clone()
}
fn yes(b: bool) -> Option<String> {
    b.then(|| "yes".to_string())
}
fn list(v: &[String]) -> Option<String> {
    (!v.is_empty()).then(|| v.join(", "))
}

/// Prose long enough for a similarity score to say something.
fn is_prose(s: &str) -> bool {
    s.split_whitespace().count() >= 6
}

/// Fields whose values are conditions or ids, as the files write them, not words for people.
pub fn is_code_field(field: &str) -> bool {
    field.ends_with("when") || ["category floor", "consent exception", "out of hours for", "covers", ": contact"].iter().any(|f| field.ends_with(f))
}

fn field_changes(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let mut names: Vec<&String> = new.iter().map(|(f, _)| f).collect();
    for (f, _) in old {
        if !names.contains(&f) {
            names.push(f);
        }
    }
    names
        .into_iter()
        .filter_map(|f| {
            let o = old.iter().find(|(x, _)| x == f).and_then(|(_, v)| v.clone());
            let n = new.iter().find(|(x, _)| x == f).and_then(|(_, v)| v.clone());
            (o != n).then(|| {
                let score = match (&o, &n) {
                    (Some(a), Some(b)) if (is_prose(a) || is_prose(b)) && !is_code_field(f) => Some(similarity(a, b)),
                    _ => None,
                };
                FieldChange { field: f.clone(), old: o, new: n, score }
            })
        })
        .collect()
}

/// One side of an item comparison: id, the words to match it by when the id differs, a name
/// for people, and its fields.
struct Item {
    id: String,
    words: String,
    name: String,
    fields: Fields,
}

/// Items matched by id, then the rest by their words (at least [`SAME_ITEM_AT_LEAST`] alike);
/// the changes in the new edition's order, then what was removed.
fn compare_items(old: Vec<Item>, new: Vec<Item>) -> Vec<ItemChange> {
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    let mut old_taken = vec![false; old.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; new.len()];
    for (n, item) in new.iter().enumerate() {
        if let Some(o) = old.iter().position(|x| x.id == item.id) {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }
    let mut candidates = Vec::new();
    for (n, ni) in new.iter().enumerate().filter(|(n, _)| new_match[*n].is_none()) {
        for (o, oi) in old.iter().enumerate().filter(|(o, _)| !old_taken[*o]) {
            if let Some(s) = score(&Prepared::new(&oi.words), &Prepared::new(&ni.words), SAME_ITEM_AT_LEAST) {
                candidates.push((s, o, n));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, o, n) in candidates {
        if !old_taken[o] && new_match[n].is_none() {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }
    for (n, m) in new_match.iter().enumerate() {
        pairs.push((*m, Some(n)));
    }
    pairs.extend((0..old.len()).filter(|o| !old_taken[*o]).map(|o| (Some(o), None)));
    item_changes(pairs, &old, &new)
}

/// The changes of matched items: (old, new) a pair, (old, none) removed, (none, new) added.
fn item_changes(pairs: Vec<(Option<usize>, Option<usize>)>, old: &[Item], new: &[Item]) -> Vec<ItemChange> {
    let present = |f: &Fields, added: bool| -> Vec<FieldChange> {
        f.iter()
            .filter_map(|(name, v)| {
                v.as_ref().map(|v| FieldChange { field: name.clone(), old: (!added).then(|| v.clone()), new: added.then(|| v.clone()), score: None })
            })
            .collect()
    };
    pairs
        .into_iter()
        .filter_map(|p| match p {
            (None, Some(n)) => {
                let i = &new[n];
                Some(ItemChange { change: Change::Added, id: i.id.clone(), old_id: None, name: i.name.clone(), fields: present(&i.fields, true) })
            }
            (Some(o), None) => {
                let i = &old[o];
                Some(ItemChange { change: Change::Removed, id: i.id.clone(), old_id: None, name: i.name.clone(), fields: present(&i.fields, false) })
            }
            (Some(o), Some(n)) => {
                let fields = field_changes(&old[o].fields, &new[n].fields);
                let old_id = (old[o].id != new[n].id).then(|| old[o].id.clone());
                (!fields.is_empty() || old_id.is_some()).then(|| ItemChange {
                    change: Change::Changed,
                    id: new[n].id.clone(),
                    old_id,
                    name: new[n].name.clone(),
                    fields,
                })
            }
            (None, None) => None,
        })
        .collect()
}

/// Office hours as people write them: "Mon–Thu 08:45–17:15; Fri 08:45–16:15".
pub fn hours_text(hours: &[Hours]) -> String {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let title = |d: &str| {
        let mut c = d.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    };
    hours
        .iter()
        .map(|h| {
            let mut idx: Vec<usize> = h.days.iter().filter_map(|d| DAYS.iter().position(|x| x == d)).collect();
            idx.sort();
            let mut runs: Vec<(usize, usize)> = Vec::new();
            for i in idx {
                match runs.last_mut() {
                    Some((_, end)) if *end + 1 == i => *end = i,
                    _ => runs.push((i, i)),
                }
            }
            let days: Vec<String> = runs
                .iter()
                .map(|&(a, b)| match b - a {
                    0 => title(DAYS[a]),
                    1 => format!("{}, {}", title(DAYS[a]), title(DAYS[b])),
                    _ => format!("{}–{}", title(DAYS[a]), title(DAYS[b])),
                })
                .collect();
            format!("{} {}–{}", days.join(", "), h.open, h.close)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A condition as written in the rule files (TOML inline tables).
pub fn condition_text(c: &Condition) -> String {
    let q = |s: &str| format!("\"{s}\"");
    let qs = |v: &[String]| format!("[{}]", v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "));
    let cs = |v: &[Condition]| format!("[{}]", v.iter().map(condition_text).collect::<Vec<_>>().join(", "));
    match c {
        Condition::Yes(x) => format!("{{ yes = {} }}", q(x)),
        Condition::Answer(a) => format!("{{ answer = {{ question = {}, in = {} }} }}", q(&a.question), qs(&a.one_of)),
        Condition::Indicator(x) => format!("{{ indicator = {} }}", q(x)),
        Condition::AnyIndicator(v) => format!("{{ any_indicator = {} }}", qs(v)),
        Condition::CategoryAtLeast(x) => format!("{{ category_at_least = {} }}", q(x)),
        Condition::DomainsAt(d) => format!("{{ domains_at = {{ category = {}, at_least = {} }} }}", q(&d.category), d.at_least),
        Condition::All(v) => format!("{{ all = {} }}", cs(v)),
        Condition::Any(v) => format!("{{ any = {} }}", cs(v)),
        Condition::Not(c) => format!("{{ not = {} }}", condition_text(c)),
        Condition::MashOpen(b) => format!("{{ mash_open = {b} }}"),
        Condition::ConsentException(b) => format!("{{ consent_exception = {b} }}"),
        Condition::UrgentConcern(b) => format!("{{ urgent_concern = {b} }}"),
        Condition::OutcomeAtLeast(x) => format!("{{ outcome_at_least = {} }}", q(x)),
    }
}

fn when(c: &Option<Condition>) -> Option<String> {
    c.as_ref().map(condition_text)
}

fn contact_item(c: &Contact) -> Item {
    Item {
        id: c.id.as_str().into(),
        words: c.name.clone(),
        name: c.name.clone(),
        fields: vec![
            ("name".into(), Some(c.name.clone())),
            ("phone".into(), opt(&c.phone)),
            ("email".into(), opt(&c.email)),
            ("how".into(), opt(&c.how)),
            ("office hours".into(), (!c.hours.is_empty()).then(|| hours_text(&c.hours))),
            ("closed on bank holidays".into(), yes(c.closed_on_bank_holidays)),
            ("out of hours for".into(), opt(&c.out_of_hours_for)),
            ("address".into(), opt(&c.address)),
        ],
    }
}

fn exception_item(e: &Exception) -> Item {
    Item {
        id: e.id.as_str().into(),
        words: e.text.clone(),
        name: e.text.clone(),
        fields: vec![("text".into(), Some(e.text.clone())), ("suggested when".into(), when(&e.suggested_when))],
    }
}

fn consent_rule_item(r: &ConsentRule) -> Item {
    Item {
        id: r.id.as_str().into(),
        words: r.quote.clone(),
        name: r.id.as_str().into(),
        fields: vec![("quote".into(), Some(r.quote.clone())), ("advice".into(), opt(&r.advice)), ("shown when".into(), when(&r.when))],
    }
}

fn action_fields(a: &Action) -> Fields {
    let id = a.id.as_str();
    let f = |name: &str| format!("action {id}: {name}");
    vec![
        (f("text"), Some(a.text.clone())),
        (f("quote"), opt(&a.quote)),
        (f("urgent"), yes(a.urgent)),
        (f("when"), when(&a.when)),
        (f("contact"), opt(&a.contact)),
        (f("attach"), opt(&a.attach)),
        (f("new referral"), yes(a.new_referral)),
        (f("tells the family"), yes(a.tells_family)),
        (f("covers"), list(&a.covers)),
        (f("interpretation"), opt(&a.interpretation)),
    ]
}

fn pathway_item(p: &Pathway) -> Item {
    let mut fields: Fields = vec![
        ("name".into(), Some(p.name.clone())),
        ("when".into(), Some(condition_text(&p.when))),
        ("quote".into(), Some(p.quote.clone())),
        ("category floor".into(), opt(&p.category_floor)),
        ("consent exception".into(), opt(&p.consent_exception)),
        ("interpretation".into(), opt(&p.interpretation)),
    ];
    for a in &p.action {
        fields.extend(action_fields(a));
    }
    Item { id: p.id.as_str().into(), words: p.name.clone(), name: p.name.clone(), fields }
}

fn override_item(o: &Override) -> Item {
    let mut fields: Fields = vec![
        ("when".into(), Some(condition_text(&o.when))),
        ("category".into(), opt(&o.category)),
        ("quote".into(), Some(o.quote.clone())),
        ("interpretation".into(), opt(&o.interpretation)),
    ];
    for a in &o.action {
        fields.extend(action_fields(a));
    }
    Item { id: o.id.as_str().into(), words: o.quote.clone(), name: o.id.as_str().into(), fields }
}

fn next_steps_item(c: &Category) -> Item {
    let mut fields: Fields = vec![("action".into(), Some(c.action.clone())), ("referral to the MASH".into(), yes(c.referral))];
    for a in &c.next {
        fields.extend(action_fields(a));
    }
    Item { id: c.id.as_str().into(), words: c.name.clone(), name: c.name.clone(), fields }
}

/// Categories' next steps compared along the category map: each new category with the first
/// old one whose indicators went to it; an old one that went nowhere (or to a category already
/// paired) is removed, a new one that nothing went to is added.
fn next_steps(old: &RuleSet, new: &RuleSet, succ: &BTreeMap<String, Option<String>>) -> Vec<ItemChange> {
    let (o, n): (Vec<Item>, Vec<Item>) = (old.categories.iter().map(next_steps_item).collect(), new.categories.iter().map(next_steps_item).collect());
    let mut taken = vec![false; o.len()];
    let mut pairs = Vec::new();
    for (j, nc) in new.categories.iter().enumerate() {
        let from = old.categories.iter().position(|oc| succ.get(oc.id.as_str()).cloned().flatten().as_deref() == Some(nc.id.as_str()));
        if let Some(i) = from {
            taken[i] = true;
        }
        pairs.push((from, Some(j)));
    }
    pairs.extend((0..o.len()).filter(|i| !taken[*i]).map(|i| (Some(i), None)));
    item_changes(pairs, &o, &n).into_iter().map(tidy_actions).collect()
}

/// An item's changes (a pathway, a safety override, a category's next steps) with an action
/// added or removed said once (its text), not field by field.
fn tidy_actions(mut c: ItemChange) -> ItemChange {
    let whole: Vec<(String, Change)> = c
        .fields
        .iter()
        .filter(|f| f.field.starts_with("action ") && f.field.ends_with(": text") && f.change() != Change::Changed)
        .map(|f| (f.field.trim_end_matches("text").to_string(), f.change()))
        .collect();
    if c.change == Change::Changed {
        c.fields.retain(|f| !whole.iter().any(|(prefix, _)| f.field.starts_with(prefix.as_str()) && !f.field.ends_with(": text")));
        for f in &mut c.fields {
            if whole.iter().any(|(prefix, _)| f.field.starts_with(prefix.as_str())) {
                f.field = f.field.trim_end_matches(": text").to_string();
            }
        }
    } else {
        c.fields.retain(|f| !f.field.starts_with("action ") || f.field.ends_with(": text"));
        for f in &mut c.fields {
            if f.field.starts_with("action ") {
                f.field = f.field.trim_end_matches(": text").to_string();
            }
        }
    }
    c
}

/// A rule set's bank holidays; an edition without office hours has none (the table left out,
/// so every field empty).
fn holidays(c: &ContactsFile) -> Option<&model::BankHolidays> {
    let b = &c.bank_holidays;
    (!b.dates.is_empty() || !b.valid_until.is_empty() || !b.source.is_empty()).then_some(b)
}

fn bank_holidays(old: &ContactsFile, new: &ContactsFile) -> BankHolidays {
    let (o, n) = (holidays(old), holidays(new));
    let dates = |b: Option<&model::BankHolidays>| b.map(|b| b.dates.clone()).unwrap_or_default();
    let (od, nd) = (dates(o), dates(n));
    let fields = |c: &ContactsFile| -> Fields {
        let b = holidays(c);
        vec![
            ("time zone".into(), Some(c.timezone.clone())),
            ("bank holidays listed until".into(), b.map(|b| b.valid_until.clone())),
            ("bank holidays from".into(), b.map(|b| b.source.clone())),
        ]
    };
    BankHolidays {
        added: nd.iter().filter(|d| !od.contains(d)).cloned().collect(),
        removed: od.iter().filter(|d| !nd.contains(d)).cloned().collect(),
        fields: field_changes(&fields(old), &fields(new)),
    }
}

// ----- The whole comparison -----

/// Compares two checked rule sets: what changed from `old` to `new`.
pub fn diff(old: &RuleSet, new: &RuleSet) -> Diff {
    let named = |id: &Id, name: &str| Named { id: id.as_str().into(), name: name.into() };
    let cats = |r: &RuleSet| r.categories.iter().map(|c| named(&c.id, &c.name)).collect::<Vec<_>>();
    let doms = |r: &RuleSet| r.domains.iter().map(|d| named(&d.id, &d.name)).collect::<Vec<_>>();
    let ids = |v: &[Named]| v.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    let (old_cats, new_cats, old_doms, new_doms) = (cats(old), cats(new), doms(old), doms(new));
    let (oc, nc, od, nd) = (ids(&old_cats), ids(&new_cats), ids(&old_doms), ids(&new_doms));
    let (oc, nc, od, nd) = (strs(&oc), strs(&nc), strs(&od), strs(&nd));

    // First by ids, then again with the successors the first round shows (a renamed category's
    // duplicated texts then go where the rest of it went).
    let same_ids = |i: &Indicator| (nc.iter().copied().find(|c| *c == i.category.as_str()), nd.iter().copied().find(|d| *d == i.domain.as_str()));
    let first = match_indicators(&old.indicators, &new.indicators, &same_ids);
    let cat_succ = successors(&oc, &nc, &tally(&old.indicators, &new.indicators, &first, by_cat));
    let dom_succ = successors(&od, &nd, &tally(&old.indicators, &new.indicators, &first, by_dom));
    let expected = |i: &Indicator| {
        (
            cat_succ.get(i.category.as_str()).cloned().flatten().and_then(|c| nc.iter().copied().find(|x| *x == c)),
            dom_succ.get(i.domain.as_str()).cloned().flatten().and_then(|d| nd.iter().copied().find(|x| *x == d)),
        )
    };
    let matches = match_indicators(&old.indicators, &new.indicators, &expected);
    let cat_tally = tally(&old.indicators, &new.indicators, &matches, by_cat);
    let dom_tally = tally(&old.indicators, &new.indicators, &matches, by_dom);
    let cat_succ = successors(&oc, &nc, &cat_tally);
    let dom_succ = successors(&od, &nd, &dom_tally);

    let count = |key: fn(&Indicator) -> &str| {
        let mut m: BTreeMap<&str, usize> = BTreeMap::new();
        for i in &old.indicators {
            *m.entry(key(i)).or_default() += 1;
        }
        m
    };
    let (mut categories, new_categories) = group_maps(&Groups { old: old_cats, new: new_cats, counts: count(by_cat) }, &cat_tally, &cat_succ);
    for m in &mut categories {
        let Some(n) = &m.new else { continue };
        let od = old.categories.iter().find(|c| c.id.as_str() == m.old.id).map(|c| c.definition.clone());
        let nd = new.categories.iter().find(|c| c.id.as_str() == n.id).map(|c| c.definition.clone());
        m.definition = field_changes(&vec![("definition".into(), od)], &vec![("definition".into(), nd)]).pop();
    }
    let (domains, new_domains) = group_maps(&Groups { old: old_doms, new: new_doms, counts: count(by_dom) }, &dom_tally, &dom_succ);

    let mut indicators =
        Indicators { unchanged: 0, punctuation_only: Vec::new(), reworded: Vec::new(), moved: Vec::new(), added: Vec::new(), removed: Vec::new() };
    let mut old_found = vec![false; old.indicators.len()];
    let mut new_found = vec![false; new.indicators.len()];
    for m in &matches {
        let (o, n) = (&old.indicators[m.old], &new.indicators[m.new]);
        old_found[m.old] = true;
        new_found[m.new] = true;
        let went = |succ: &BTreeMap<String, Option<String>>, from: &str, to: &str| succ.get(from).cloned().flatten().as_deref() == Some(to);
        let moved = !went(&cat_succ, &o.category, &n.category) || !went(&dom_succ, &o.domain, &n.domain);
        // The same words: only punctuation, capitals or spacing may differ.
        let reworded = m.score < 1.0;
        if !moved && !reworded {
            indicators.unchanged += 1;
            if o.text != n.text {
                indicators.punctuation_only.push(Pair { old: indicator_ref(old, o), new: indicator_ref(new, n), score: m.score, reworded, moved });
            }
            continue;
        }
        let pair = Pair { old: indicator_ref(old, o), new: indicator_ref(new, n), score: m.score, reworded, moved };
        if reworded {
            indicators.reworded.push(pair.clone());
        }
        if moved {
            indicators.moved.push(pair);
        }
    }
    indicators.added = new.indicators.iter().zip(&new_found).filter(|(_, f)| !**f).map(|(i, _)| indicator_ref(new, i)).collect();
    indicators.removed = old.indicators.iter().zip(&old_found).filter(|(_, f)| !**f).map(|(i, _)| indicator_ref(old, i)).collect();
    // Listed by category (lowest first), then domain (the rule set's order), then the file's order.
    let order = |r: &RuleSet, i: &IndicatorRef| {
        (
            r.categories.iter().position(|c| c.id.as_str() == i.category.id),
            r.domains.iter().position(|d| d.id.as_str() == i.domain.id),
            r.indicators.iter().position(|x| x.id.as_str() == i.id),
        )
    };
    indicators.added.sort_by_key(|i| order(new, i));
    indicators.removed.sort_by_key(|i| order(old, i));
    indicators.reworded.sort_by_key(|p| order(new, &p.new));
    indicators.moved.sort_by_key(|p| order(new, &p.new));

    let edition = |r: &RuleSet| Edition {
        id: r.meta.id.clone(),
        title: r.meta.title.clone(),
        edition: r.meta.edition.clone(),
        hash: r.meta.hash.clone(),
        categories: r.categories.len(),
        indicators: r.indicators.len(),
    };
    Diff {
        old: edition(old),
        new: edition(new),
        categories,
        new_categories,
        domains,
        new_domains,
        indicators,
        contacts: compare_items(old.contacts.contact.iter().map(contact_item).collect(), new.contacts.contact.iter().map(contact_item).collect()),
        bank_holidays: bank_holidays(&old.contacts, &new.contacts),
        consent_exceptions: compare_items(
            old.consent.exception.iter().map(exception_item).collect(),
            new.consent.exception.iter().map(exception_item).collect(),
        ),
        consent_rules: compare_items(old.consent.rule.iter().map(consent_rule_item).collect(), new.consent.rule.iter().map(consent_rule_item).collect()),
        pathways: compare_items(old.pathways.iter().map(pathway_item).collect(), new.pathways.iter().map(pathway_item).collect())
            .into_iter()
            .map(tidy_actions)
            .collect(),
        safety: compare_items(old.overrides.iter().map(override_item).collect(), new.overrides.iter().map(override_item).collect())
            .into_iter()
            .map(tidy_actions)
            .collect(),
        next_steps: next_steps(old, new, &cat_succ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luton() -> RuleSet {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/luton");
        crate::load(&crate::read_folder(&dir).unwrap()).unwrap()
    }

    fn id(s: &str) -> Id {
        toml::from_str::<BTreeMap<String, Id>>(&format!("id = \"{s}\"")).unwrap().remove("id").unwrap()
    }

    /// The ids of the categories of the third and fourth rank (Luton's Family Help and
    /// Statutory Intervention): category ids belong in the rule files, not in Rust.
    fn third_and_fourth(r: &RuleSet) -> (String, String) {
        (r.categories[2].id.as_str().to_string(), r.categories[3].id.as_str().to_string())
    }

    fn indicator<'a>(r: &'a mut RuleSet, id: &str) -> &'a mut Indicator {
        r.indicators.iter_mut().find(|i| i.id.as_str() == id).unwrap()
    }

    /// Renames category `from` to `to` everywhere the indicators name it.
    fn rename_category(r: &mut RuleSet, from: &str, to: &str, name: &str) {
        let c = r.categories.iter_mut().find(|c| c.id.as_str() == from).unwrap();
        c.id = id(to);
        c.name = name.into();
        for i in &mut r.indicators {
            if i.category == from {
                i.category = to.into();
            }
        }
    }

    #[test]
    fn similarity_is_one_for_the_same_words_and_falls_with_fewer_in_common() {
        assert_eq!(similarity("Missing immunisations/checks", "missing immunisations / checks"), 1.0);
        let close = similarity("Missing immunisations/checks", "Missing immunisations or health checks");
        let far = similarity("Missing immunisations/checks", "Parent has a learning disability");
        assert!((REWORDED_AT_LEAST..1.0).contains(&close), "{close}");
        assert!(far < 0.4, "{far}");
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("a", ""), 0.0);
    }

    #[test]
    fn an_edition_compared_with_itself_has_no_differences() {
        let r = luton();
        let d = diff(&r, &r);
        assert!(d.is_empty(), "{d:#?}");
        assert_eq!(d.indicators.unchanged, r.indicators.len());
        assert!(d.categories.iter().all(|c| c.sure && !c.renamed && !c.recut && c.new.as_ref() == Some(&c.old)));
        assert!(report::text(&d, "a", "b").contains("No differences"));
    }

    #[test]
    fn a_reworded_indicator_is_matched_with_its_score() {
        let old = luton();
        let mut new = old.clone();
        indicator(&mut new, "en.health.1").text = "Missing immunisations or health checks".into();
        let d = diff(&old, &new);
        assert_eq!(d.indicators.reworded.len(), 1, "{:#?}", d.indicators);
        let p = &d.indicators.reworded[0];
        assert_eq!((p.old.id.as_str(), p.new.id.as_str(), p.moved), ("en.health.1", "en.health.1", false));
        assert_eq!(p.score, similarity("Missing immunisations/checks", "Missing immunisations or health checks"));
        assert!(d.indicators.added.is_empty() && d.indicators.removed.is_empty() && d.indicators.moved.is_empty());
        assert_eq!(d.indicators.unchanged, old.indicators.len() - 1);
    }

    #[test]
    fn punctuation_capitals_and_spacing_are_not_a_rewording() {
        let old = luton();
        let mut new = old.clone();
        indicator(&mut new, "en.health.1").text = "missing  immunisations / checks.".into();
        let d = diff(&old, &new);
        assert!(d.indicators.reworded.is_empty() && d.indicators.moved.is_empty());
        assert_eq!(d.indicators.unchanged, old.indicators.len());
        assert_eq!(d.indicators.punctuation_only.len(), 1);
        assert!(report::text(&d, "a", "b").contains("239 unchanged (1 of the unchanged differ only in punctuation, capitals or spacing)"));
    }

    #[test]
    fn a_new_wording_too_far_from_the_old_is_removed_and_added() {
        let old = luton();
        let mut new = old.clone();
        indicator(&mut new, "en.health.1").text = "Child has not been seen by a dentist this year".into();
        let d = diff(&old, &new);
        assert!(d.indicators.reworded.is_empty());
        assert_eq!(d.indicators.added.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["en.health.1"]);
        assert_eq!(d.indicators.removed[0].text, "Missing immunisations/checks");
    }

    #[test]
    fn an_indicator_in_another_category_is_moved_and_the_mapping_stays_sure() {
        let old = luton();
        let mut new = old.clone();
        let (fh_id, si_id) = third_and_fourth(&old);
        indicator(&mut new, "fh.health.1").category = si_id.clone();
        let d = diff(&old, &new);
        assert_eq!(d.indicators.moved.len(), 1);
        let m = &d.indicators.moved[0];
        assert_eq!((&m.old.category.id, &m.new.category.id, m.reworded), (&fh_id, &si_id, false));
        let fh = d.categories.iter().find(|c| c.old.id == fh_id).unwrap();
        assert_eq!(fh.new.as_ref().unwrap().id, fh_id);
        assert!(fh.sure && !fh.renamed && !fh.recut, "{fh:#?}");
        assert_eq!(fh.evidence.len(), 2);
        assert_eq!(fh.evidence[1].to.id, si_id);
    }

    #[test]
    fn renumbered_ids_are_matched_by_text() {
        let old = luton();
        let mut new = old.clone();
        for (n, i) in new.indicators.iter_mut().enumerate() {
            i.id = id(&format!("x.{n}"));
        }
        let d = diff(&old, &new);
        assert_eq!(d.indicators.unchanged, old.indicators.len(), "{:#?}", d.indicators);
    }

    #[test]
    fn a_renamed_category_maps_to_its_successor_without_moving_its_indicators() {
        let old = luton();
        let mut new = old.clone();
        let (fh_id, _) = third_and_fourth(&old);
        rename_category(&mut new, &fh_id, "targeted_help", "Targeted Help");
        let d = diff(&old, &new);
        let fh = d.categories.iter().find(|c| c.old.id == fh_id).unwrap();
        assert_eq!(fh.new, Some(Named { id: "targeted_help".into(), name: "Targeted Help".into() }));
        assert!(fh.renamed && fh.sure && !fh.recut);
        assert_eq!((fh.found, fh.indicators), (55, 55));
        assert!(d.indicators.moved.is_empty() && d.new_categories.is_empty());
        let text = report::text(&d, "old", "new");
        assert!(text.contains("Family Help") && text.contains("Family Help → Targeted Help (renamed)"), "{text}");
    }

    #[test]
    fn a_category_split_between_two_is_recut_and_uncertain() {
        let old = luton();
        let mut new = old.clone();
        let (fh_id, si_id) = third_and_fourth(&old);
        rename_category(&mut new, &fh_id, "targeted", "Targeted");
        let ids: Vec<String> = new.indicators.iter().filter(|i| i.category == "targeted").map(|i| i.id.as_str().to_string()).collect();
        for id in ids.iter().take(ids.len() * 2 / 5) {
            indicator(&mut new, id).category = si_id.clone();
        }
        let d = diff(&old, &new);
        let fh = d.categories.iter().find(|c| c.old.id == fh_id).unwrap();
        assert_eq!(fh.new.as_ref().unwrap().id, "targeted");
        assert!(fh.recut && !fh.sure && fh.renamed, "{fh:#?}");
        assert_eq!(d.indicators.moved.len(), ids.len() * 2 / 5);
        let md = report::markdown(&d, "old", "new");
        assert!(md.contains("| Family Help → Targeted? (renamed, re-cut) | 55 of 55 | Targeted: 33; Statutory Intervention / Family Help: 22 |"), "{md}");
    }

    #[test]
    fn a_repeated_text_is_matched_once() {
        let old = luton();
        let mut new = old.clone();
        let text = indicator(&mut new, "en.health.1").text.clone();
        indicator(&mut new, "en.health.2").text = text;
        let d = diff(&old, &new);
        // en.health.2's old text is gone and the repeated one is new: one removed, one added.
        assert_eq!(d.indicators.added.len() + d.indicators.reworded.len(), 1, "{:#?}", d.indicators);
        assert_eq!(d.indicators.unchanged, old.indicators.len() - 1);
    }

    #[test]
    fn contacts_hours_and_bank_holidays_field_by_field() {
        let old = luton();
        let mut new = old.clone();
        let c = &mut new.contacts;
        c.contact.retain(|x| x.id.as_str() != "cme_officer");
        let mash = c.contact.iter_mut().find(|x| x.id.as_str() == "mash").unwrap();
        mash.phone = Some("01582 000000".into());
        mash.address = None;
        mash.hours[1].close = "16:30".into();
        let edt = c.contact.iter_mut().find(|x| x.id.as_str() == "edt").unwrap();
        edt.email = Some("edt@luton.gov.uk".into());
        c.bank_holidays.dates.push("2028-01-03".into());
        c.bank_holidays.valid_until = "2028-12-31".into();
        let d = diff(&old, &new);
        let by_id = |id: &str| d.contacts.iter().find(|x| x.id == id).unwrap();
        assert_eq!(by_id("cme_officer").change, Change::Removed);
        let mash = by_id("mash");
        let f = |name: &str| mash.fields.iter().find(|f| f.field == name).unwrap();
        assert_eq!((f("phone").old.as_deref(), f("phone").new.as_deref()), (Some("01582 547653"), Some("01582 000000")));
        assert_eq!(f("address").change(), Change::Removed);
        assert_eq!(f("office hours").new.as_deref(), Some("Mon–Thu 08:45–17:15; Fri 08:45–16:30"));
        assert_eq!(by_id("edt").fields[0].change(), Change::Added);
        assert_eq!(d.bank_holidays.added, ["2028-01-03"]);
        assert_eq!(d.bank_holidays.fields[0].field, "bank holidays listed until");
        let text = report::text(&d, "old", "new");
        for want in [
            "phone: “01582 547653” → “01582 000000”",
            "address: removed (was “2nd Floor Town Hall Extension, Luton LU1 2BQ”)",
            "email: added, “edt@luton.gov.uk”",
            "2028: Monday 3 January",
            "office hours: “Mon–Thu 08:45–17:15; Fri 08:45–16:15” → “Mon–Thu 08:45–17:15; Fri 08:45–16:30”",
        ] {
            assert!(text.contains(want), "{want}\n{text}");
        }
    }

    #[test]
    fn consent_and_pathways_by_id_then_by_words() {
        let old = luton();
        let mut new = old.clone();
        let e = new.consent.exception.iter_mut().find(|e| e.id.as_str() == "fii").unwrap();
        e.id = id("fabricated_illness");
        new.consent.rule.remove(0);
        let fgm = new.pathways.iter_mut().find(|p| p.id.as_str() == "fgm").unwrap();
        let gone = fgm.action.remove(0);
        fgm.category_floor = None;
        let d = diff(&old, &new);
        assert_eq!(d.consent_exceptions.len(), 1);
        assert_eq!((d.consent_exceptions[0].old_id.as_deref(), d.consent_exceptions[0].change), (Some("fii"), Change::Changed));
        assert_eq!(d.consent_rules[0].change, Change::Removed);
        let p = &d.pathways[0];
        assert_eq!(p.id, "fgm");
        let fields: Vec<(&str, Change)> = p.fields.iter().map(|f| (f.field.as_str(), f.change())).collect();
        assert_eq!(fields, [("category floor", Change::Removed), (&*format!("action {}", gone.id.as_str()), Change::Removed)]);
    }

    #[test]
    fn safety_overrides_and_each_categorys_next_steps() {
        let old = luton();
        let mut new = old.clone();
        let o = &mut new.overrides[0];
        let (override_id, first) = (o.id.as_str().to_string(), o.action[0].id.as_str().to_string());
        o.action[0].text.push_str(" Say that it is urgent.");
        let top_id = new.categories.last().unwrap().id.as_str().to_string();
        let top_name = new.categories.last().unwrap().name.clone();
        rename_category(&mut new, &top_id, "renamed_top", &top_name);
        let gone = new.categories.last_mut().unwrap().next.remove(0);
        let d = diff(&old, &new);
        assert_eq!(d.safety.len(), 1);
        assert_eq!((d.safety[0].id.as_str(), d.safety[0].change), (override_id.as_str(), Change::Changed));
        assert_eq!(d.safety[0].fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), [format!("action {first}: text")]);
        // The renamed category is paired with its old self (its indicators went there), and
        // the step it no longer has is listed.
        assert_eq!(d.next_steps.len(), 1, "{:?}", d.next_steps);
        let c = &d.next_steps[0];
        assert_eq!((c.id.as_str(), c.old_id.as_deref(), c.change), ("renamed_top", Some(old.categories.last().unwrap().id.as_str()), Change::Changed));
        assert_eq!(c.fields.iter().map(|f| (f.field.as_str(), f.change())).collect::<Vec<_>>(), [(&*format!("action {}", gone.id.as_str()), Change::Removed)]);
        assert!(!d.is_empty());
        let text = report::text(&d, "old", "new");
        assert!(text.contains("What to do next, by category") && text.contains(gone.id.as_str()), "{text}");
    }

    #[test]
    fn conditions_and_hours_read_as_the_files_write_them() {
        let c: Condition =
            toml::from_str::<BTreeMap<String, Condition>>("w = { all = [ { yes = \"a\" }, { not = { mash_open = true } } ] }").unwrap().remove("w").unwrap();
        assert_eq!(condition_text(&c), "{ all = [{ yes = \"a\" }, { not = { mash_open = true } }] }");
        let h = |days: &[&str]| Hours { days: days.iter().map(|d| d.to_string()).collect(), open: "09:00".into(), close: "17:00".into() };
        assert_eq!(hours_text(&[h(&["mon", "tue", "wed"]), h(&["fri", "sat"])]), "Mon–Wed 09:00–17:00; Fri, Sat 09:00–17:00");
        assert_eq!(hours_text(&[h(&["mon", "wed"])]), "Mon, Wed 09:00–17:00");
    }
}
