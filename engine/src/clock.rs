//! Just enough calendar arithmetic for "is the MASH open now?" in Europe/London time,
//! without a time-zone database (which would be most of the download). UK clocks go
//! forward at 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last
//! Sunday of October; that rule has held since 1996 and is tested at both changes.

/// Days since 1970-01-01 (may be negative).
pub type Day = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub fn parse(s: &str) -> Option<Weekday> {
        Some(match s {
            "mon" => Weekday::Mon,
            "tue" => Weekday::Tue,
            "wed" => Weekday::Wed,
            "thu" => Weekday::Thu,
            "fri" => Weekday::Fri,
            "sat" => Weekday::Sat,
            "sun" => Weekday::Sun,
            _ => return None,
        })
    }
    pub fn of(day: Day) -> Weekday {
        // 1970-01-01 was a Thursday.
        const W: [Weekday; 7] = [Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun, Weekday::Mon, Weekday::Tue, Weekday::Wed];
        W[day.rem_euclid(7) as usize]
    }
    pub fn name(self) -> &'static str {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][self as usize]
    }
}

/// Howard Hinnant's days_from_civil.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The inverse: (year, month, day) of a day number.
pub fn civil_from_days(z: Day) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Decimal digits → their value; `None` for anything else, or more than 9 digits.
fn num(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

/// `YYYY-MM-DD` → day number.
pub fn parse_date(s: &str) -> Option<Day> {
    let b = s.as_bytes();
    // Bytes, not string slices: a slice must never split a character (found by fuzzing).
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (num(&b[0..4])?, num(&b[5..7])?, num(&b[8..10])?);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y as i64, m) {
        return None;
    }
    Some(days_from_civil(y as i64, m, d))
}

/// `HH:MM` → minutes since midnight.
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    let (h, m) = (num(&b[..2])?, num(&b[3..])?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// An instant, as whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant(pub i64);

impl Instant {
    /// RFC 3339, e.g. `2026-03-30T08:50:00+01:00` or `2026-03-30T07:50:00Z`.
    /// Fractions of a second are accepted and dropped.
    pub fn parse_rfc3339(s: &str) -> Option<Instant> {
        let s = s.trim();
        // RFC 3339 is ASCII; anything else is refused before slicing by byte (found by fuzzing).
        if s.len() < 20 || !s.is_ascii() {
            return None;
        }
        let day = parse_date(&s[..10])?;
        if !matches!(s.as_bytes()[10], b'T' | b't' | b' ') {
            return None;
        }
        let rest = &s[11..];
        let (clock, zone) = match rest.find(['Z', 'z', '+', '-']) {
            Some(i) => rest.split_at(i),
            None => return None,
        };
        let clock = clock.split('.').next()?;
        let mut parts = clock.split(':');
        let (h, m, sec) = (num(parts.next()?.as_bytes())?, num(parts.next()?.as_bytes())?, num(parts.next()?.as_bytes())?);
        if parts.next().is_some() || h > 23 || m > 59 || sec > 60 {
            return None;
        }
        let offset = match zone {
            "Z" | "z" => 0,
            z => {
                let sign = if z.starts_with('-') { -1 } else { 1 };
                let mins = parse_hhmm(&z[1..])? as i64;
                sign * mins * 60
            }
        };
        Some(Instant(day * 86400 + (h * 3600 + m * 60 + sec) as i64 - offset))
    }

    /// Last Sunday of a month, as a day number.
    fn last_sunday(year: i64, month: u32) -> Day {
        let last = days_from_civil(year, month, days_in_month(year, month));
        let back = (Weekday::of(last) as i64 + 1) % 7; // Sun → 0, Mon → 1, ...
        last - back
    }

    /// Whether British Summer Time (UTC+1) is in force at this instant.
    pub fn is_bst(self) -> bool {
        let (y, _, _) = civil_from_days(self.0.div_euclid(86400));
        let start = Self::last_sunday(y, 3) * 86400 + 3600;
        let end = Self::last_sunday(y, 10) * 86400 + 3600;
        self.0 >= start && self.0 < end
    }

    /// The wall-clock time in London.
    pub fn london(self) -> LocalTime {
        let offset = if self.is_bst() { 3600 } else { 0 };
        let local = self.0 + offset;
        let day = local.div_euclid(86400);
        LocalTime { day, minute: (local.rem_euclid(86400) / 60) as u32, bst: offset != 0 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub day: Day,
    /// Minutes since local midnight.
    pub minute: u32,
    pub bst: bool,
}

impl LocalTime {
    pub fn weekday(&self) -> Weekday {
        Weekday::of(self.day)
    }
    /// e.g. "Friday 21 November 2026, 16:20 GMT".
    pub fn describe(&self) -> String {
        format!("{}, {:02}:{:02} {}", describe_day(self.day), self.minute / 60, self.minute % 60, if self.bst { "BST" } else { "GMT" })
    }
}

/// `YYYY-MM-DD` of a day number.
/// "Monday 23 November 2026".
pub fn describe_day(day: Day) -> String {
    let (y, m, d) = civil_from_days(day);
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    format!("{} {} {} {}", Weekday::of(day).name(), d, MONTHS[m as usize - 1], y)
}

pub fn format_date(day: Day) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}
