//! Office hours: whether the MASH is open at an instant (London time, bank holidays
//! closed), when it next opens, and who to contact now. An edition may give no office hours
//! or no out-of-hours number: who to contact now then says so, in the rule set's words, and
//! names the current edition, never another edition's numbers.

use crate::clock::{describe_day, format_date, parse_date, parse_hhmm, Instant, Weekday};
use crate::outcome::ContactNow;
use crate::ruleset::RuleSet;

impl RuleSet {
    /// Is the MASH open at `now` (London time, bank holidays closed)? If not, the EDT.
    pub fn mash_open(&self, now: Instant) -> bool {
        let local = now.london();
        self.open_hours_on(local.day).iter().any(|&(o, c)| local.minute >= o && local.minute < c)
    }

    /// The MASH's opening hours on a day, as minutes after midnight; none on a bank holiday.
    fn open_hours_on(&self, day: i64) -> Vec<(u32, u32)> {
        let Some(mash) = self.contact("mash") else { return vec![] };
        if mash.closed_on_bank_holidays && self.contacts.bank_holidays.iter().flat_map(|b| &b.dates).any(|d| parse_date(d) == Some(day)) {
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

    /// Who to contact now. `phone` is empty when this edition gives no number for now (no
    /// office hours, or the MASH closed and no out-of-hours contact): `why` says so.
    pub fn contact_now(&self, now: Instant, urgent: bool) -> (ContactNow<'_>, Vec<String>) {
        let local = now.london();
        let open = self.mash_open(now);
        let mash = self.contact("mash").expect("validated: the MASH exists");
        let mut warnings = Vec::new();
        let until = self.contacts.bank_holidays.as_ref().map(|b| parse_date(&b.valid_until).unwrap_or(i64::MIN));
        if let Some(until) = until.filter(|&u| local.day > u) {
            warnings.push(self.message("bank_holidays_run_out", &[("date", &format_date(until))]));
        }
        let next_open = self.next_open(now);
        let time = local.describe();
        let fill = [
            ("time", time.as_str()),
            ("next_open", next_open.as_deref().unwrap_or_default()),
            ("current", self.current_title()),
            ("name", &mash.name),
            ("phone", mash.phone.as_deref().unwrap_or_default()),
        ];
        let (c, id) = match (mash.hours.is_empty(), open, urgent, self.contact("edt")) {
            (true, ..) => (None, "no_office_hours"),
            (_, true, ..) => (Some(mash), "mash_open"),
            (_, _, false, _) => (Some(mash), "mash_closed"),
            (_, _, _, Some(edt)) => (Some(edt), "mash_closed_urgent"),
            _ => (None, "no_out_of_hours"),
        };
        let why = self.message(id, &fill);
        let phone = c.and_then(|c| c.phone.as_deref()).unwrap_or_default();
        let c = c.unwrap_or(mash);
        (ContactNow { id: c.id.as_str(), name: &c.name, phone, mash_open: open, urgent, local_time: time, next_open, why }, warnings)
    }
}
