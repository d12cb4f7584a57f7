//! Europe/London time without a time-zone database: both daylight-saving changes, any
//! input offset, office hours.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use threshold_guide::engine::clock::{civil_from_days, days_from_civil, parse_date, parse_hhmm, Instant, Weekday};

#[test]
fn bst_starts_and_ends_at_0100_utc_on_the_last_sundays() {
    // 2026: clocks go forward 29 March, back 25 October.
    assert!(!at("2026-03-29T00:59:59Z").is_bst());
    assert!(at("2026-03-29T01:00:00Z").is_bst());
    assert!(at("2026-10-25T00:59:59Z").is_bst());
    assert!(!at("2026-10-25T01:00:00Z").is_bst());
    // 2027: 28 March and 31 October.
    assert!(!at("2027-03-28T00:59:59Z").is_bst());
    assert!(at("2027-03-28T01:00:00Z").is_bst());
    assert!(at("2027-10-31T00:59:59Z").is_bst());
    assert!(!at("2027-10-31T01:00:00Z").is_bst());
}

#[test]
fn london_wall_clock() {
    let t = at("2026-06-01T07:50:00Z").london();
    assert_eq!((t.weekday(), t.minute, t.bst), (Weekday::Mon, 8 * 60 + 50, true));
    assert_eq!(t.describe(), "Monday 1 June 2026, 08:50 BST");
    let t = at("2026-11-20T16:20:00Z").london();
    assert_eq!(t.describe(), "Friday 20 November 2026, 16:20 GMT");
    // Crossing midnight into the next day in BST.
    assert_eq!(at("2026-07-02T23:30:00Z").london().describe(), "Friday 3 July 2026, 00:30 BST");
}

#[test]
fn offsets_in_the_input_are_honoured() {
    assert_eq!(at("2026-06-05T16:14:00+01:00"), at("2026-06-05T15:14:00Z"));
    assert_eq!(at("2026-06-05T10:14:00-05:30"), at("2026-06-05T15:44:00Z"));
    assert_eq!(at("2026-06-05T15:14:00.123Z"), at("2026-06-05T15:14:00Z"));
    // The last two were found by fuzzing: a multi-byte character where a digit should be.
    for bad in [
        "2026-06-05",
        "2026-06-05T25:00:00Z",
        "2026-02-30T10:00:00Z",
        "2026-06-05T10:00:00",
        "yesterday",
        "",
        "2027-02-0\u{3f1}07:50:00'Z",
        "2027-02-05T07:50:0\u{e9}Z",
    ] {
        assert!(Instant::parse_rfc3339(bad).is_none(), "{bad} accepted");
    }
}

#[test]
fn dates_with_non_ascii_characters_are_refused_not_panics() {
    assert_eq!(parse_date("2027-0\u{e9}-01"), None);
    assert_eq!(parse_date("2027\u{2011}02-01"), None);
}

#[test]
fn mash_hours_in_any_device_time_zone() {
    let r = rules();
    // The same instants written in different offsets give the same answer.
    for (instant, open) in [
        ("2026-11-20T16:14:00Z", true),
        ("2026-11-20T16:15:00Z", false),
        ("2026-11-19T17:14:00Z", true),
        ("2026-11-19T17:15:00Z", false),
        ("2026-11-19T08:44:00Z", false),
        ("2026-11-19T08:45:00Z", true),
        ("2026-06-04T16:14:00Z", true), // Thursday 17:14 BST
        ("2026-06-04T16:15:00Z", false),
        ("2026-11-21T10:00:00Z", false), // Saturday
        ("2026-11-22T10:00:00Z", false), // Sunday
        ("2026-12-25T10:00:00Z", false), // Christmas Day, a Friday
        ("2026-04-03T10:00:00Z", false), // Good Friday
    ] {
        let t = at(instant);
        assert_eq!(r.mash_open(t), open, "{instant}");
        for offset in ["+05:30", "-08:00", "+14:00"] {
            let secs = {
                let (sign, rest) = offset.split_at(1);
                let m = parse_hhmm(rest).unwrap() as i64 * 60;
                if sign == "-" {
                    -m
                } else {
                    m
                }
            };
            let local = Instant(t.0 + secs);
            let day = local.0.div_euclid(86400);
            let (y, mo, d) = civil_from_days(day);
            let s = local.0.rem_euclid(86400);
            let written = format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}{offset}", s / 3600, s / 60 % 60, s % 60);
            assert_eq!(r.mash_open(at(&written)), open, "{written}");
        }
    }
}

#[test]
fn bank_holidays_are_real_dates_on_the_right_days() {
    let r = rules();
    let days: Vec<i64> = r.contacts.bank_holidays.dates.iter().map(|d| parse_date(d).unwrap()).collect();
    // Every bank holiday in England and Wales falls on a weekday (substitute days included).
    for (d, s) in days.iter().zip(&r.contacts.bank_holidays.dates) {
        assert!(!matches!(Weekday::of(*d), Weekday::Sat | Weekday::Sun), "{s} is at a weekend");
    }
    // Good Friday and Easter Monday follow Easter Sunday (anonymous Gregorian algorithm).
    for year in 2025..=2027 {
        let (a, b, c) = (year % 19, year / 100, year % 100);
        let (d, e) = (b / 4, b % 4);
        let (f, g) = ((b + 8) / 25, 0);
        let g = g + (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let (i, k) = (c / 4, c % 4);
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        let easter = days_from_civil(year, month as u32, day as u32);
        assert!(days.contains(&(easter - 2)), "Good Friday {year} missing");
        assert!(days.contains(&(easter + 1)), "Easter Monday {year} missing");
    }
    assert_eq!(days.len(), 24, "8 bank holidays a year, 2025–2027");
}

#[test]
fn days_round_trip() {
    for day in -1000..40000 {
        let (y, m, d) = civil_from_days(day);
        assert_eq!(days_from_civil(y, m, d), day);
    }
    assert_eq!(Weekday::of(days_from_civil(2026, 11, 22)), Weekday::Sun);
}
