//! Office hours: whether the MASH is open at an instant (London time, bank holidays
//! closed), when it next opens, and who to contact now. An edition may give no office hours
//! (and then no out-of-hours number: the check asks for one wherever there are hours).
//! Nothing then says the MASH is closed: its own number is who to contact at any time, and
//! its `mash_open` message says, in the edition's words, that it gives no hours, naming the
//! current edition (the check makes it). Never another edition's numbers.

use crate::clock::{describe_day, format_date, parse_date, parse_hhmm, Instant, Weekday};
use crate::outcome::ContactNow;
use crate::ruleset::RuleSet;

impl RuleSet {
    /// Is the MASH open at `now` (London time, bank holidays closed)? If not, the EDT.
    pub fn mash_open(&self, now: Instant) -> bool {
        let local = now.london();
        self.open_hours_on(local.day).iter().any(|&(o, c)| local.minute >= o && local.minute < c)
    }

    /// The MASH's opening hours on a day, as minutes after midnight; none on a bank holiday;
    /// all day in an edition that gives no office hours (nothing says it is closed).
    fn open_hours_on(&self, day: i64) -> Vec<(u32, u32)> {
        let Some(mash) = self.contact("mash") else { return vec![] };
        if mash.hours.is_empty() {
            return vec![(0, 24 * 60)];
        }
        if mash.closed_on_bank_holidays && self.contacts.bank_holidays.dates.iter().any(|d| parse_date(d) == Some(day)) {
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

    pub fn contact_now(&self, now: Instant, urgent: bool) -> (ContactNow<'_>, Vec<String>) {
        let local = now.london();
        let open = self.mash_open(now);
        let id = if open || !urgent { "mash" } else { "edt" };
        // Validated: the MASH exists, and the EDT wherever the MASH has hours.
        let c = self.contact(id).expect("validated");
        let mut warnings = Vec::new();
        // Without a bank-holiday list (no office hours) there is nothing to run out.
        if let Some(until) = parse_date(&self.contacts.bank_holidays.valid_until).filter(|&u| local.day > u) {
            warnings.push(self.message("bank_holidays_run_out", &[("date", &format_date(until))]));
        }
        let next_open = self.next_open(now);
        let time = local.describe();
        let fill = [("time", time.as_str()), ("next_open", next_open.as_deref().unwrap_or_default())];
        let why = match (open, urgent) {
            (true, _) => self.message("mash_open", &fill),
            (false, true) => self.message("mash_closed_urgent", &fill),
            (false, false) => self.message("mash_closed", &fill),
        };
        (
            ContactNow {
                id: c.id.as_str(),
                name: &c.name,
                phone: c.phone.as_deref().unwrap_or_default(),
                mash_open: open,
                urgent,
                local_time: time,
                next_open,
                why,
            },
            warnings,
        )
    }
}
