//! A [`Diff`] written for people: plain text for the terminal, or Markdown for a page
//! (`docs/changes-2021-to-current.md` is one). Both say the same things in the same order.

use super::*;
use crate::clock::{describe_day, parse_date};

/// `old` and `new` are the rule-set folders as the reader named them.
pub fn text(d: &Diff, old: &str, new: &str) -> String {
    write(d, old, new, false)
}

/// The Markdown page, with a header for people who were trained on the old edition.
pub fn markdown(d: &Diff, old: &str, new: &str) -> String {
    write(d, old, new, true)
}

struct W {
    md: bool,
    out: String,
}

impl W {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }
    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }
    fn heading(&mut self, level: usize, t: &str) {
        self.blank();
        if self.md {
            self.line(&format!("{} {t}", "#".repeat(level)));
        } else {
            match level {
                1 => self.line(t),
                2 => {
                    self.line(t);
                    self.line(&"-".repeat(t.chars().count()));
                }
                _ => self.line(&format!("{t}:")),
            }
        }
        self.blank();
    }
    fn para(&mut self, t: &str) {
        self.blank();
        self.line(t);
        self.blank();
    }
    /// A list item; `depth` 0 is the outer list.
    fn item(&mut self, depth: usize, t: &str) {
        let indent = if self.md { "  ".repeat(depth) } else { "  ".repeat(depth + 1) };
        self.line(&format!("{indent}- {t}"));
    }
    /// Text as text: Markdown's special characters escaped.
    fn esc(&self, t: &str) -> String {
        if !self.md {
            return t.to_string();
        }
        let mut s = String::with_capacity(t.len());
        for c in t.chars() {
            if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
                s.push('\\');
            }
            s.push(c);
        }
        s
    }
    /// Words quoted from a rule set, on one line (a line break would end the list item): the
    /// document's line breaks as " / ".
    fn q(&self, t: &str) -> String {
        format!("“{}”", self.esc(&t.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" / ")))
    }
    /// An id or a file name.
    fn code(&self, t: &str) -> String {
        if self.md {
            format!("`{t}`")
        } else {
            t.to_string()
        }
    }
    fn strong(&self, t: &str) -> String {
        if self.md {
            format!("**{t}**")
        } else {
            t.to_string()
        }
    }
    fn table(&mut self, head: &[&str], rows: &[Vec<String>]) {
        self.blank();
        if self.md {
            self.line(&format!("| {} |", head.join(" | ")));
            self.line(&format!("|{}", " --- |".repeat(head.len())));
            for r in rows {
                self.line(&format!("| {} |", r.join(" | ")));
            }
        } else {
            let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
            for r in rows {
                for (w, c) in width.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let row = |cells: Vec<&str>| {
                let last = cells.len() - 1;
                let padded: Vec<String> =
                    cells.iter().enumerate().map(|(i, c)| if i == last { c.to_string() } else { format!("{c:<w$}", w = width[i]) }).collect();
                format!("  {}", padded.join("  "))
            };
            self.line(&row(head.to_vec()));
            for r in rows {
                self.line(&row(r.iter().map(String::as_str).collect()));
            }
        }
        self.blank();
    }
}

/// "3 added, 1 removed, 2 changed", leaving out the noughts; "no change" for none.
fn counts(parts: &[(usize, &str)]) -> String {
    let said: Vec<String> = parts.iter().filter(|(n, _)| *n > 0).map(|(n, w)| format!("{n} {w}")).collect();
    if said.is_empty() {
        "no change".into()
    } else {
        said.join(", ")
    }
}

fn item_counts(items: &[ItemChange]) -> String {
    let n = |c: Change| items.iter().filter(|i| i.change == c).count();
    counts(&[(n(Change::Added), "added"), (n(Change::Removed), "removed"), (n(Change::Changed), "changed")])
}

fn score(s: f64) -> String {
    format!("{s:.2}")
}

fn write(d: &Diff, old_label: &str, new_label: &str, md: bool) -> String {
    let mut w = W { md, out: String::new() };
    header(&mut w, d, old_label, new_label);
    summary(&mut w, d);
    if d.is_empty() {
        w.para("No differences: the two rule sets have the same categories, indicators, contacts, bank holidays, consent rules, pathways, safety overrides and next steps.");
        return w.out;
    }
    categories(&mut w, d);
    indicators(&mut w, d);
    contacts(&mut w, d);
    hours(&mut w, d);
    consent(&mut w, d);
    listed(&mut w, "Pathways (specific risks)", &d.pathways);
    listed(&mut w, "Immediate danger and safety (what stops the journey)", &d.safety);
    listed(&mut w, "What to do next, by category", &d.next_steps);
    w.out.truncate(w.out.trim_end().len());
    w.out.push('\n');
    w.out
}

fn header(w: &mut W, d: &Diff, old_label: &str, new_label: &str) {
    let ed = |w: &W, e: &Edition, label: &str| {
        if w.md {
            format!("*{}*, {} — rule set {} in {}", w.esc(&e.title), w.esc(&e.edition), w.code(&e.id), w.code(label))
        } else {
            format!("{label} — {}, {}; rule set {}, hash {}", e.title, e.edition, e.id, &e.hash[..e.hash.len().min(12)])
        }
    };
    if w.md {
        w.heading(1, "What changed between two editions of the threshold document");
        w.line(&format!("**Earlier edition:** {}  ", ed(w, &d.old, old_label)));
        w.line(&format!("**Current edition:** {}", ed(w, &d.new, new_label)));
        w.para(
            "This page is for practitioners, safeguarding leads and trainers who know the earlier edition. \
             It lists what changed in the threshold guidance as this tool records it: the categories of need, \
             the example indicators, who to contact and when, consent, and the specific risks (pathways). \
             The documents themselves are the authority; this page is a comparison of the two rule sets, \
             made by a program, and where it matches one thing to another it says how sure it is.",
        );
        w.heading(2, "How to read this page");
        w.item(
            0,
            "**Categories.** Each earlier category is matched to the current category that holds most of its example indicators now. \
             A question mark (for example “Intensive → Family Help?”) means the match is less certain: fewer than three quarters \
             of its indicators that are found again are in that one category, or fewer than half of them are found at all. \
             *Re-cut* means a notable part of its indicators went to another category.",
        );
        w.item(
            0,
            "**Reworded.** The same indicator in other words. The score says how alike the old and the new wording are, \
             from 0 (nothing in common) to 1 (the same words); below 0.60 the two count as one removed and one added. \
             A score measures words, not meaning: read both wordings. Other texts (a contact's details, a consent rule's \
             words) changed this little are *reworded*, and changed more, *rewritten*.",
        );
        w.item(0, "**Moved.** An indicator that is now in a different category or domain from the rest of its old category (or domain).");
        w.item(0, "**Added** and **removed.** Indicators, contacts, dates and rules found in only one of the two editions.");
        w.para(&format!(
            "This page is made by {} from the two rule sets. Change the rule sets and make it again, rather than editing this page.",
            w.code(&format!("threshold rules diff {old_label} {new_label} --markdown"))
        ));
    } else {
        w.heading(1, "What changed between two editions of a rule set");
        w.line(&format!("  old: {}", ed(w, &d.old, old_label)));
        w.line(&format!("  new: {}", ed(w, &d.new, new_label)));
        w.line("  (score: how alike two wordings are, from 0 to 1; ? after a category: a less certain match)");
    }
}

fn summary(w: &mut W, d: &Diff) {
    w.heading(2, "Summary");
    let i = &d.indicators;
    let renamed = d.categories.iter().filter(|c| c.renamed).count();
    let recut = d.categories.iter().filter(|c| c.recut).count();
    let gone = d.categories.iter().filter(|c| c.new.is_none()).count();
    w.item(
        0,
        &format!(
            "Categories: {} → {}: {}.",
            d.old.categories,
            d.new.categories,
            counts(&[(renamed, "renamed"), (recut, "re-cut"), (d.new_categories.len(), "new"), (gone, "without a successor")])
        ),
    );
    let both = i.reworded.iter().filter(|p| p.moved).count();
    let mut notes = Vec::new();
    if !i.punctuation_only.is_empty() {
        notes.push(format!("{} of the unchanged differ only in punctuation, capitals or spacing", i.punctuation_only.len()));
    }
    if both > 0 {
        notes.push(format!("{both} of the reworded also moved"));
    }
    let also = if notes.is_empty() { String::new() } else { format!(" ({})", notes.join("; ")) };
    w.item(
        0,
        &format!(
            "Indicators: {} → {}: {}{also}.",
            d.old.indicators,
            d.new.indicators,
            counts(&[
                (i.unchanged, "unchanged"),
                (i.reworded.len(), "reworded"),
                (i.moved.len() - both, if both > 0 { "moved with the same words" } else { "moved" }),
                (i.added.len(), "added"),
                (i.removed.len(), "removed"),
            ])
        ),
    );
    w.item(0, &format!("Contacts: {}.", item_counts(&d.contacts)));
    let b = &d.bank_holidays;
    let hours_changed = d.contacts.iter().filter(|c| c.change == Change::Changed && c.fields.iter().any(|f| is_hours(&f.field))).count();
    w.item(
        0,
        &format!(
            "Office hours and bank holidays: {}.",
            counts(&[
                (hours_changed, if hours_changed == 1 { "contact's hours changed" } else { "contacts' hours changed" }),
                (b.added.len(), if b.added.len() == 1 { "bank holiday added" } else { "bank holidays added" }),
                (b.removed.len(), if b.removed.len() == 1 { "bank holiday removed" } else { "bank holidays removed" }),
                (b.fields.len(), if b.fields.len() == 1 { "other change" } else { "other changes" })
            ])
        ),
    );
    w.item(0, &format!("Consent exceptions: {}. Consent rules: {}.", item_counts(&d.consent_exceptions), item_counts(&d.consent_rules)));
    w.item(0, &format!("Pathways (specific risks): {}.", item_counts(&d.pathways)));
    w.item(0, &format!("Immediate danger and safety: {}. What to do next, by category: {}.", item_counts(&d.safety), item_counts(&d.next_steps)));
}

fn group_rows(w: &W, maps: &[GroupMap]) -> Vec<Vec<String>> {
    maps.iter()
        .map(|m| {
            let mut to = match &m.new {
                Some(n) => w.esc(&n.name),
                None => "(none)".into(),
            };
            if m.new.is_some() && !m.sure && m.indicators > 0 {
                to.push('?');
            }
            let what: Vec<&str> = [(m.renamed, "renamed"), (m.recut, "re-cut")].iter().filter(|(b, _)| *b).map(|(_, s)| *s).collect();
            if !what.is_empty() {
                to.push_str(&format!(" ({})", what.join(", ")));
            }
            let found = format!("{} of {}", m.found, m.indicators);
            let evidence = if m.evidence.is_empty() {
                "–".to_string()
            } else {
                m.evidence
                    .iter()
                    .map(|e| {
                        let reworded = if e.reworded > 0 { format!(" ({} reworded)", e.reworded) } else { String::new() };
                        format!("{}: {}{reworded}", w.esc(&e.to.name), e.same_words + e.reworded)
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            vec![format!("{} → {to}", w.esc(&m.old.name)), found, evidence]
        })
        .collect()
}

fn categories(w: &mut W, d: &Diff) {
    w.heading(2, "Categories");
    w.para("Each earlier category, the current category that holds most of its indicators now, and where its indicators are found:");
    let rows = group_rows(w, &d.categories);
    w.table(&["Earlier → current category", "Indicators found", "Where they are now (how many reworded)"], &rows);
    for n in &d.new_categories {
        w.item(0, &format!("New category, with none of the earlier indicators' successors in most: {}.", w.esc(&n.name)));
    }
    for m in &d.categories {
        if let (Some(n), Some(f)) = (&m.new, &m.definition) {
            field(w, 0, &format!("{} → {}: definition", m.old.name, n.name), f);
        }
    }
    let changed: Vec<GroupMap> = d.domains.iter().filter(|m| m.renamed || m.recut || m.new.is_none()).cloned().collect();
    if !changed.is_empty() || !d.new_domains.is_empty() {
        w.heading(3, "Domains");
        if !changed.is_empty() {
            let rows = group_rows(w, &changed);
            w.table(&["Earlier → current domain", "Indicators found", "Where they are now (how many reworded)"], &rows);
        }
        for n in &d.new_domains {
            w.item(0, &format!("New domain: {} ({}).", w.esc(&n.name), w.code(&n.id)));
        }
    }
}

fn place(i: &IndicatorRef) -> String {
    format!("{} — {}", i.category.name, i.domain.name)
}

/// " (old.id)" when the old id is not the new one.
fn old_id(w: &W, p: &Pair) -> String {
    if p.old.id == p.new.id {
        String::new()
    } else {
        format!(" ({})", w.code(&p.old.id))
    }
}

/// Indicators listed under their category and domain, in order.
fn grouped<'a, T>(w: &mut W, items: &'a [T], key: impl Fn(&'a T) -> &'a IndicatorRef, mut each: impl FnMut(&mut W, &'a T)) {
    let mut last = String::new();
    for it in items {
        let p = place(key(it));
        if p != last {
            let shown = w.strong(&w.esc(&p));
            w.item(0, &shown);
            last = p;
        }
        each(w, it);
    }
}

fn indicators(w: &mut W, d: &Diff) {
    let i = &d.indicators;
    if i.reworded.is_empty() && i.moved.is_empty() && i.added.is_empty() && i.removed.is_empty() {
        return;
    }
    w.heading(2, "Indicators");
    if !i.reworded.is_empty() {
        w.heading(3, &format!("Reworded ({})", i.reworded.len()));
        w.para("The same indicator in other words, with how alike the wordings are (1.00: the same words). By the current category and domain:");
        grouped(
            w,
            &i.reworded,
            |p| &p.new,
            |w, p| {
                let moved = if p.moved { format!(" Moved from {}.", w.esc(&place(&p.old))) } else { String::new() };
                let line = format!("{}: now {} ({}); was {}{}.{moved}", score(p.score), w.q(&p.new.text), w.code(&p.new.id), w.q(&p.old.text), old_id(w, p));
                w.item(1, &line);
            },
        );
    }
    if !i.moved.is_empty() {
        w.heading(3, &format!("Moved ({})", i.moved.len()));
        w.para("Now in another category or domain than the rest of its old category or domain. By the current category and domain:");
        grouped(
            w,
            &i.moved,
            |p| &p.new,
            |w, p| {
                let words = if p.reworded { format!(" (reworded, {})", score(p.score)) } else { String::new() };
                let line = format!("{} ({}), from {}{}{words}", w.q(&p.new.text), w.code(&p.new.id), w.esc(&place(&p.old)), old_id(w, p));
                w.item(1, &line);
            },
        );
    }
    only_in(w, "Added", "Only in the current edition. By category and domain:", &i.added);
    only_in(w, "Removed", "Only in the earlier edition. By its category and domain there:", &i.removed);
}

/// Indicators only one edition has (added or removed), by category and domain.
fn only_in(w: &mut W, title: &str, intro: &str, list: &[IndicatorRef]) {
    if list.is_empty() {
        return;
    }
    w.heading(3, &format!("{title} ({})", list.len()));
    w.para(intro);
    grouped(
        w,
        list,
        |x| x,
        |w, x| {
            let line = format!("{} ({})", w.q(&x.text), w.code(&x.id));
            w.item(1, &line);
        },
    );
}

/// A field's value as shown: conditions and ids as code, everything else as quoted words.
fn value(w: &W, field: &str, v: &str) -> String {
    if is_code_field(field) {
        w.code(v)
    } else {
        w.q(v)
    }
}

/// A field's name as shown: "action `fgm.report_police`: when".
fn field_name(w: &W, name: &str) -> String {
    match name.strip_prefix("action ") {
        Some(rest) => match rest.split_once(": ") {
            Some((id, f)) => format!("action {}: {}", w.code(id), w.esc(f)),
            None => format!("action {}", w.code(rest)),
        },
        None => w.esc(name),
    }
}

/// One field change as a list item (prose changed: both wordings beneath it, with their score).
fn field(w: &mut W, depth: usize, name: &str, f: &FieldChange) {
    let shown = field_name(w, name);
    match (&f.old, &f.new) {
        (None, Some(n)) => w.item(depth, &format!("{shown}: added, {}", value(w, name, n))),
        (Some(o), None) => w.item(depth, &format!("{shown}: removed (was {})", value(w, name, o))),
        (Some(o), Some(n)) => match f.score {
            Some(s) if s >= 1.0 => w.item(depth, &format!("{shown}: the same words; only punctuation, capitals or spacing changed")),
            Some(s) => {
                let how = if s >= REWORDED_AT_LEAST { "reworded" } else { "rewritten" };
                w.item(depth, &format!("{shown}: {how} (score {})", score(s)));
                w.item(depth + 1, &format!("was: {}", value(w, name, o)));
                w.item(depth + 1, &format!("now: {}", value(w, name, n)));
            }
            None if o.chars().count() + n.chars().count() > 80 => {
                w.item(depth, &format!("{shown}: changed"));
                w.item(depth + 1, &format!("was: {}", value(w, name, o)));
                w.item(depth + 1, &format!("now: {}", value(w, name, n)));
            }
            None => w.item(depth, &format!("{shown}: {} → {}", value(w, name, o), value(w, name, n))),
        },
        (None, None) => {}
    }
}

fn is_hours(field: &str) -> bool {
    matches!(field, "office hours" | "closed on bank holidays")
}

fn items(w: &mut W, list: &[ItemChange], skip: fn(&str) -> bool) {
    for (change, title) in [(Change::Added, "Added"), (Change::Removed, "Removed"), (Change::Changed, "Changed")] {
        let of: Vec<&ItemChange> = list
            .iter()
            .filter(|i| i.change == change && (change != Change::Changed || i.fields.iter().any(|f| !skip(&f.field)) || i.old_id.is_some()))
            .collect();
        if of.is_empty() {
            continue;
        }
        w.item(0, &w.strong(title));
        for i in of {
            let was = i.old_id.as_ref().map(|o| format!(", was {}", w.code(o))).unwrap_or_default();
            let head = if i.name == i.id { w.code(&i.id) } else { format!("{} ({}{was})", w.esc(&i.name), w.code(&i.id)) };
            let head = if i.name == i.id && !was.is_empty() { format!("{head} ({})", was.trim_start_matches(", ")) } else { head };
            w.item(1, &head);
            // An added or removed item's fields, less the one its heading already says.
            let shown = |f: &&FieldChange| match change {
                Change::Changed => !skip(&f.field),
                _ => f.new.as_ref().or(f.old.as_ref()) != Some(&i.name),
            };
            for f in i.fields.iter().filter(shown) {
                match change {
                    Change::Changed => field(w, 2, &f.field, f),
                    _ => {
                        let v = f.new.as_ref().or(f.old.as_ref()).map(|v| value(w, &f.field, v)).unwrap_or_default();
                        w.item(2, &format!("{}: {v}", field_name(w, &f.field)));
                    }
                }
            }
        }
    }
}

fn contacts(w: &mut W, d: &Diff) {
    if d.contacts.iter().all(|c| c.change == Change::Changed && c.old_id.is_none() && c.fields.iter().all(|f| is_hours(&f.field))) {
        return;
    }
    w.heading(2, "Contacts");
    items(w, &d.contacts, is_hours);
}

/// "Monday 4 May" from 2026-05-04 (the year is the group's).
fn day_name(date: &str) -> String {
    match parse_date(date) {
        Some(day) => {
            let s = describe_day(day);
            s.rsplit_once(' ').map_or(s.clone(), |(d, _)| d.to_string())
        }
        None => date.to_string(),
    }
}

fn dates(w: &mut W, title: &str, list: &[String]) {
    if list.is_empty() {
        return;
    }
    w.item(0, &format!("{} ({}):", w.strong(title), list.len()));
    let mut years: Vec<(&str, Vec<String>)> = Vec::new();
    for d in list {
        let y = d.get(..4).unwrap_or(d);
        match years.last_mut() {
            Some((ly, v)) if *ly == y => v.push(day_name(d)),
            _ => years.push((y, vec![day_name(d)])),
        }
    }
    for (y, days) in years {
        w.item(1, &format!("{y}: {}", days.join(", ")));
    }
}

fn hours(w: &mut W, d: &Diff) {
    let b = &d.bank_holidays;
    let changed: Vec<&ItemChange> = d.contacts.iter().filter(|c| c.change == Change::Changed && c.fields.iter().any(|f| is_hours(&f.field))).collect();
    if changed.is_empty() && b.added.is_empty() && b.removed.is_empty() && b.fields.is_empty() {
        return;
    }
    w.heading(2, "Office hours and bank holidays");
    for c in changed {
        w.item(0, &format!("{} ({})", w.esc(&c.name), w.code(&c.id)));
        for f in c.fields.iter().filter(|f| is_hours(&f.field)) {
            field(w, 1, &f.field, f);
        }
    }
    dates(w, "Bank holidays added", &b.added);
    dates(w, "Bank holidays removed", &b.removed);
    for f in &b.fields {
        field(w, 0, &f.field, f);
    }
}

fn consent(w: &mut W, d: &Diff) {
    if d.consent_exceptions.is_empty() && d.consent_rules.is_empty() {
        return;
    }
    w.heading(2, "Consent");
    if !d.consent_exceptions.is_empty() {
        w.heading(3, "Exceptions (when consent need not be sought)");
        items(w, &d.consent_exceptions, |_| false);
    }
    if !d.consent_rules.is_empty() {
        w.heading(3, "Consent rules");
        items(w, &d.consent_rules, |_| false);
    }
}

fn listed(w: &mut W, title: &str, list: &[ItemChange]) {
    if list.is_empty() {
        return;
    }
    w.heading(2, title);
    items(w, list, |_| false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_what_would_be_markup() {
        let w = W { md: true, out: String::new() };
        assert_eq!(w.esc("a*b_c|d<e>"), "a\\*b\\_c\\|d\\<e\\>");
        assert_eq!(w.q("x"), "“x”");
        let t = W { md: false, out: String::new() };
        assert_eq!(t.esc("a*b"), "a*b");
    }

    #[test]
    fn counts_leave_out_noughts() {
        assert_eq!(counts(&[(0, "added"), (2, "removed")]), "2 removed");
        assert_eq!(counts(&[(0, "added")]), "no change");
    }

    #[test]
    fn bank_holidays_by_year_with_day_names() {
        let mut w = W { md: false, out: String::new() };
        dates(&mut w, "Bank holidays added", &["2028-01-03".into(), "2028-04-14".into(), "2029-01-01".into()]);
        assert_eq!(w.out, "  - Bank holidays added (3):\n    - 2028: Monday 3 January, Friday 14 April\n    - 2029: Monday 1 January\n");
    }
}
