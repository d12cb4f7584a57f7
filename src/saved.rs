//! A case saved to a file and opened again ("Save your answers to a file", "Open a saved
//! case"). The file is the CLI's case file (`CaseInput`: `threshold assess FILE` reads it)
//! with the optional fields the widget fills in: the professional's judgement and reason, and
//! the rule set it was answered against; `now` is when it was saved.
//!
//! JSON is written and read here, in plain Rust: serde_json would add its code to the
//! widget, and the browser's `JSON.parse` would leave the reader untested natively. So the
//! widget, the native tests (`tests/saved.rs`) and the fuzzer (`fuzz/fuzz_targets/saved_case.rs`)
//! run this same code, and they check that serde_json, the CLI's reader, reads every file
//! this reader accepts to the same case.
//!
//! Opening a file never stores or sends anything, and changes the journey only when the
//! whole file has been read: a bad file changes nothing but the error shown.

use crate::engine::clock::format_date;
use crate::engine::sorted::Map;
use crate::engine::{CaseInput, Instant, RuleSet, RuleSetRef};
use crate::journey::{FieldError, Journey, Screen};
use std::rc::Rc;

/// The largest file the widget opens (1 MB; a case with every answer written at length is a
/// few tens of KB). A larger file is refused before it is read.
pub const MAX_BYTES: u32 = 1 << 20;

/// The field the Open button's errors belong to (its element id is `{prefix}-q-saved-file`, so
/// the error summary's link finds it).
pub const FIELD: &str = "saved-file";

/// More things in a file that this rule set does not have than this, and it is not taken for
/// a saved case at all.
const MAX_LEFT_OUT: usize = 100;

/// Why a file could not be opened; each is a message in guidance.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenError {
    /// Larger than [`MAX_BYTES`]: refused before reading.
    TooBig,
    /// Not a case saved by the guide: not JSON, not text, cut short, or not a case.
    NotCase,
}

impl OpenError {
    pub fn message_id(self) -> &'static str {
        match self {
            OpenError::TooBig => "open_too_big",
            OpenError::NotCase => "open_not_case",
        }
    }
}

/// What opening a file could not bring back, shown on Check your answers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Opened {
    /// The rule set the file was saved with, when it is not this one: "id, edition, version
    /// 0123456789ab".
    pub other_rules: Option<String>,
    /// What the file holds that this rule set does not take, in the file's order: (what, the
    /// value in the file). An indicator it does not have, a question it does not ask, an
    /// answer a question no longer accepts, a judgement that is not one of its levels.
    pub left_out: Vec<(String, String)>,
}

impl Opened {
    /// What Check your answers says about the file, as page text (`ui::govuk::prose`): the
    /// other rules, then one "- " line per thing left out. Empty when there is nothing to
    /// say. The file's words are put on one line each, so they never become page structure.
    #[inline(never)]
    pub fn notice(&self, rules: &RuleSet) -> String {
        let one_line = |s: &str| s.chars().map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }).collect::<String>();
        let mut t = String::new();
        if let Some(r) = &self.other_rules {
            t = rules.message("opened_other_rules", &[("rules", &one_line(r))]);
        }
        if !self.left_out.is_empty() {
            t.push('\n');
            t.push_str(&rules.message("opened_left_out", &[]));
            for (what, value) in &self.left_out {
                t.push_str(&format!("\n- {}: {}", one_line(what), one_line(value)));
            }
        }
        t
    }
}

/// `t` as RFC 3339 in UTC: `2026-11-20T16:20:00Z`.
pub fn rfc3339(t: Instant) -> String {
    let s = t.0.rem_euclid(86400);
    format!("{}T{:02}:{:02}:{:02}Z", format_date(t.0.div_euclid(86400)), s / 3600, s / 60 % 60, s % 60)
}

/// The file's name: `threshold-case-2026-11-20-1620.json` (London time).
pub fn file_name(now: Instant) -> String {
    let l = now.london();
    format!("threshold-case-{}-{:02}{:02}.json", format_date(l.day), l.minute / 60, l.minute % 60)
}

/// `s` as a JSON string.
fn string(o: &mut String, s: &str) {
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                o.push_str("\\u00");
                o.push(HEX[c as usize >> 4] as char);
                o.push(HEX[c as usize & 15] as char);
            }
            c => o.push(c),
        }
    }
    o.push('"');
}

/// The case as a file: everything the user entered (indicators by id, every answer held,
/// including those to questions that no longer apply, the judgement and its reason), the rule
/// set's id, edition and hash, and `now`, the moment it is saved.
#[inline(never)]
pub fn write(j: &Journey, now: Instant) -> String {
    let m = &j.rules.meta;
    let mut o = String::from("{\n  \"now\": ");
    string(&mut o, &rfc3339(now));
    for (n, (k, v)) in [("id", &m.id), ("edition", &m.edition), ("hash", &m.hash)].into_iter().enumerate() {
        o.push_str(if n == 0 { ",\n  \"ruleset\": { \"" } else { ", \"" });
        o.push_str(k);
        o.push_str("\": ");
        string(&mut o, v);
    }
    o.push_str(" },\n  \"indicators\": [");
    for (n, id) in j.selected.iter().enumerate() {
        o.push_str(if n == 0 { "\n    " } else { ",\n    " });
        string(&mut o, id);
    }
    o.push_str("\n  ],\n  \"answers\": {");
    for (n, (k, v)) in j.answers.iter().enumerate() {
        o.push_str(if n == 0 { "\n    " } else { ",\n    " });
        string(&mut o, k);
        o.push_str(": ");
        string(&mut o, v);
    }
    o.push_str("\n  }");
    if let Some(c) = &j.judgement {
        o.push_str(",\n  \"judgement\": ");
        string(&mut o, c);
    }
    if !j.judgement_reason.is_empty() {
        o.push_str(",\n  \"judgement_reason\": ");
        string(&mut o, &j.judgement_reason);
    }
    o.push_str("\n}\n");
    o
}

/// A JSON reader for exactly the shape of a case file, no more: objects and arrays of
/// strings where the case has them, `null` for the optional fields. No recursion, so no
/// nesting can exhaust the stack.
struct Reader<'a> {
    s: &'a str,
    i: usize,
}

impl Reader<'_> {
    /// The next byte after white space. (Not inlined, nor `eat`: every step of the reader
    /// calls them, and a copy in each is code in the widget's download.)
    #[inline(never)]
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.as_bytes().get(self.i) {
            self.i += 1;
        }
        self.s.as_bytes().get(self.i).copied()
    }

    #[inline(never)]
    fn eat(&mut self, c: u8) -> bool {
        let found = self.peek() == Some(c);
        self.i += usize::from(found);
        found
    }

    /// `null` (an optional field left empty).
    fn null(&mut self) -> bool {
        self.peek();
        let found = self.s.as_bytes().get(self.i..self.i + 4) == Some(b"null");
        self.i += if found { 4 } else { 0 };
        found
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            n = n * 16 + char::from(*self.s.as_bytes().get(self.i)?).to_digit(16)?;
            self.i += 1;
        }
        Some(n)
    }

    fn string(&mut self) -> Option<String> {
        if !self.eat(b'"') {
            return None;
        }
        let b = self.s.as_bytes();
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&c) = b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // It stopped at an ASCII byte (or the end), so on a character boundary.
            out.push_str(&self.s[start..self.i]);
            match *b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    let e = *b.get(self.i + 1)?;
                    self.i += 2;
                    out.push(match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                // A surrogate pair; a lone half is not a character.
                                if b.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return None;
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return None;
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    });
                }
                // A control character must be escaped.
                _ => return None,
            }
        }
    }

    /// A string, or `null` for none.
    fn optional(&mut self) -> Option<Option<String>> {
        if self.null() {
            Some(None)
        } else {
            self.string().map(Some)
        }
    }

    /// `"key":`
    fn key(&mut self) -> Option<String> {
        let k = self.string()?;
        self.eat(b':').then_some(k)
    }

    /// `[item, ...]` or `{item, ...}`: `item` reads each.
    fn list(&mut self, open: u8, close: u8, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if !self.eat(open) {
            return None;
        }
        if self.eat(close) {
            return Some(());
        }
        loop {
            item(self)?;
            if self.eat(close) {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }
}

/// Reads a case file: `None` unless `text` is exactly one JSON object with the case file's
/// fields (no others, none twice) and strings where it has strings.
#[inline(never)]
pub fn read(text: &str) -> Option<CaseInput> {
    let mut r = Reader { s: text, i: 0 };
    let (mut indicators, mut answers, mut now, mut judgement, mut judgement_reason, mut ruleset) = (Vec::new(), Map::new(), None, None, None, None);
    let mut seen = 0u8;
    r.list(b'{', b'}', |r| {
        let bit = match r.key()?.as_str() {
            "indicators" => 1,
            "answers" => 2,
            "now" => 4,
            "judgement" => 8,
            "judgement_reason" => 16,
            "ruleset" => 32,
            _ => return None,
        };
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        match bit {
            1 => r.list(b'[', b']', |r| {
                indicators.push(r.string()?);
                Some(())
            })?,
            2 => r.list(b'{', b'}', |r| {
                let k = r.key()?;
                answers.insert(k, r.string()?);
                Some(())
            })?,
            4 => now = Some(r.string()?),
            8 => judgement = r.optional()?,
            16 => judgement_reason = r.optional()?,
            _ if r.null() => {}
            _ => {
                let mut f: [Option<String>; 3] = Default::default();
                r.list(b'{', b'}', |r| {
                    let slot = match r.key()?.as_str() {
                        "id" => 0,
                        "edition" => 1,
                        "hash" => 2,
                        _ => return None,
                    };
                    if f[slot].is_some() {
                        return None;
                    }
                    f[slot] = Some(r.string()?);
                    Some(())
                })?;
                let [id, edition, hash] = f;
                ruleset = Some(RuleSetRef { id: id?, edition: edition?, hash: hash? });
            }
        }
        Some(())
    })?;
    if r.peek().is_some() {
        return None;
    }
    Some(CaseInput { indicators, answers, now: now?, judgement, judgement_reason, ruleset })
}

/// The journey a saved case opens as: on Check your answers (Back goes through the steps as
/// if they had been answered), with everything in the file that `rules` takes; the rest is
/// in the `Opened` beside it. `None` when more than `MAX_LEFT_OUT` things are left out: that
/// is not a case from this guide.
#[inline(never)]
pub fn restore(rules: &Rc<RuleSet>, case: CaseInput) -> Option<(Journey, Opened)> {
    let mut j = Journey::new(rules.clone());
    let mut left_out = Vec::new();
    for id in case.indicators {
        if rules.indicator_index.contains_key(&id) {
            j.selected.insert(id);
        } else {
            left_out.push(("Indicator".into(), id));
        }
    }
    for (q, v) in case.answers {
        match rules.question(&q) {
            Some(question) if question.accepts(&v) => {
                j.answers.insert(q, v);
            }
            Some(question) => left_out.push((question.question.clone(), v)),
            None => left_out.push((format!("Question {q}"), v)),
        }
    }
    if let Some(c) = case.judgement {
        if rules.category_rank(&c).is_some() {
            j.judgement = Some(c);
        } else {
            left_out.push(("Your professional judgement".into(), c));
        }
    }
    j.judgement_reason = case.judgement_reason.unwrap_or_default();
    if left_out.len() > MAX_LEFT_OUT {
        return None;
    }
    let m = &rules.meta;
    let opened = Opened {
        other_rules: case
            .ruleset
            .filter(|r| r.id != m.id || r.hash != m.hash)
            .map(|r| format!("{}, {}, version {}", r.id, r.edition, r.hash.get(..12).unwrap_or(&r.hash))),
        left_out,
    };
    let mut s = Screen::Start;
    while s != Screen::Check {
        j.history.push(s);
        s = j.next_screen(s);
    }
    j.screen = Screen::Check;
    j.opened = opened.notice(rules);
    Some((j, opened))
}

/// What `Action::Open` does: the journey the file opens as, or the error to show (and nothing
/// else changes).
pub fn open(rules: &Rc<RuleSet>, file: Result<String, OpenError>) -> Result<Journey, FieldError> {
    file.and_then(|text| read(&text).and_then(|c| restore(rules, c)).map(|(j, _)| j).ok_or(OpenError::NotCase))
        .map_err(|e| FieldError { question: FIELD.into(), message: rules.message(e.message_id(), &[]) })
}
