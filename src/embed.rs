//! Embedding options, from `data-*` attributes or the JavaScript `mount(element, options)`
//! call. Pure Rust so the rules are tested natively. An unknown or malformed option never
//! stops the widget: it produces a warning (shown in the widget and the console) and the
//! default is used.

/// Who the host page serves. Audiences change wording and emphasis, never the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    School,
    Gp,
    Voluntary,
    Public,
}

impl Audience {
    pub const ALL: [(&'static str, Audience); 4] =
        [("school", Audience::School), ("gp", Audience::Gp), ("voluntary", Audience::Voluntary), ("public", Audience::Public)];
}

/// Where the journey begins. Safety questions are never skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartAt {
    /// The start page ("what this guide does").
    Start,
    /// Straight to "Is the child in immediate danger?".
    Safety,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub audience: Audience,
    /// The rule set's id (its folder in `rules/`, e.g. `luton-2021`). Which ids exist is the
    /// build's business: the loader fetches that rule set, and a missing one fails the widget
    /// with the emergency numbers instead of silently using another edition.
    pub rules: String,
    pub start: StartAt,
    /// A line from the host, e.g. "Your DSL is on ext. 123". Shown as text.
    pub contact_line: Option<String>,
    /// The "Exit this page" button and Shift×3 (always on for the public audience).
    pub quick_exit: bool,
    /// Where quick exit goes; replaces the page so Back does not return to the answers.
    pub exit_url: String,
}

pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// The messages between the guide in an iframe and `static/host-frame.js` on the host page.
/// The JavaScript files repeat these strings; `tests/embed.rs` checks they are the same.
pub const MESSAGE_EXIT: &str = "threshold-guide:exit";
pub const MESSAGE_RESIZE: &str = "threshold-guide:resize";
/// The rule set a widget uses when the host names none. The loader has the same default.
pub const DEFAULT_RULES: &str = "luton";
const MAX_CONTACT_LINE: usize = 200;

impl Default for Options {
    fn default() -> Self {
        Options {
            audience: Audience::School,
            rules: DEFAULT_RULES.into(),
            start: StartAt::Start,
            contact_line: None,
            quick_exit: false,
            exit_url: DEFAULT_EXIT_URL.into(),
        }
    }
}

/// Accepts an http(s) URL or a same-site path; anything else (e.g. `javascript:`) is refused.
fn safe_url(v: &str) -> bool {
    let v = v.trim();
    let lower = v.to_ascii_lowercase();
    !v.is_empty()
        && !v.chars().any(|c| c.is_control() || c.is_whitespace())
        && (lower.starts_with("https://") || lower.starts_with("http://") || (v.starts_with('/') && !v.starts_with("//")))
}

/// A rule-set id as the loader accepts it (`/^[a-z0-9][a-z0-9-]{0,39}$/` there too).
pub fn is_rules_id(v: &str) -> bool {
    v.len() <= 40 && v.bytes().enumerate().all(|(i, b)| b.is_ascii_lowercase() || b.is_ascii_digit() || (b == b'-' && i > 0)) && !v.is_empty()
}

/// Parses options given as (name, value) pairs. Names may be attribute style
/// (`contact-line`) or JavaScript style (`contactLine`).
pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Options, Vec<String>) {
    let mut o = Options::default();
    let mut warnings = Vec::new();
    let mut quick_exit_set = None;
    for (name, value) in pairs {
        let key = name.strip_prefix("data-").unwrap_or(name).chars().map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect::<String>();
        let key = match key.as_str() {
            "contactline" => "contact-line".to_string(),
            "quickexit" => "quick-exit".to_string(),
            "exiturl" => "exit-url".to_string(),
            _ => key,
        };
        let v = value.trim();
        match key.as_str() {
            // The marker attribute and our own bookkeeping.
            "threshold-guide" | "threshold-guide-mounted" | "threshold-guide-failed" => {}
            "audience" => match Audience::ALL.iter().find(|(n, _)| *n == v.to_ascii_lowercase()) {
                Some((_, a)) => o.audience = *a,
                None => warnings.push(format!("audience \"{v}\" is not known (use school, gp, voluntary or public); using school")),
            },
            "rules" => {
                if is_rules_id(v) {
                    o.rules = v.to_string();
                } else {
                    warnings.push(format!("rules \"{v}\" is not a rule-set id (such as luton or luton-2021); using {DEFAULT_RULES}"));
                }
            }
            "start" => match v {
                "start" => o.start = StartAt::Start,
                "safety" => o.start = StartAt::Safety,
                _ => warnings.push(format!("start \"{v}\" is not known (use start or safety); using start")),
            },
            "contact-line" => {
                if v.is_empty() {
                    warnings.push("contact-line is empty; it is not shown".into());
                } else if v.chars().count() > MAX_CONTACT_LINE {
                    warnings.push(format!("contact-line is longer than {MAX_CONTACT_LINE} characters; it is not shown"));
                } else {
                    o.contact_line = Some(v.to_string());
                }
            }
            "quick-exit" => match v {
                "" | "true" | "on" | "yes" => quick_exit_set = Some(true),
                "false" | "off" | "no" => quick_exit_set = Some(false),
                _ => warnings.push(format!("quick-exit \"{v}\" is not true or false; ignored")),
            },
            "exit-url" => {
                if safe_url(v) {
                    o.exit_url = v.to_string();
                } else {
                    warnings.push(format!("exit-url \"{v}\" is not an http(s) address or a path; using the default"));
                }
            }
            _ => warnings.push(format!("option \"{name}\" is not known; ignored")),
        }
    }
    // The public audience always has the quick exit; others may switch it on.
    o.quick_exit = o.audience == Audience::Public || quick_exit_set.unwrap_or(false);
    if o.audience == Audience::Public && quick_exit_set == Some(false) {
        warnings.push("quick-exit cannot be switched off for the public audience".into());
    }
    (o, warnings)
}
