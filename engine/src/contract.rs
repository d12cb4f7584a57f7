//! The contract between the rule files and the code: every id the Rust code relies on, in
//! one place, with what relies on it. `load` checks each one, so renaming `why_now` in
//! questions.toml fails `rules check` and the build with `file:line: problem` instead of
//! silently emptying a section of the referral summary.
//!
//! Editions differ: an entry marked optional (`required: false`) may be absent, and the code
//! then does without it (no out-of-hours contact, no neglect check). A question's `options`
//! are the option ids the code compares answers with; a question may have others.

use super::model::{ContactsFile, Id, Kind, RulesetFile};

pub struct QuestionUse {
    pub id: &'static str,
    pub kind: Kind,
    /// Option ids the code compares answers with (choice questions): each must exist.
    pub options: &'static [&'static str],
    pub used_by: &'static str,
}

pub struct IdUse {
    pub id: &'static str,
    pub used_by: &'static str,
    /// Whether the rule set must define it; an optional one the code does without.
    pub required: bool,
}

const fn must(id: &'static str, used_by: &'static str) -> IdUse {
    IdUse { id, used_by, required: true }
}

const fn may(id: &'static str, used_by: &'static str) -> IdUse {
    IdUse { id, used_by, required: false }
}

pub struct MessageUse {
    pub id: &'static str,
    /// The `{name}` placeholders the engine fills in for this message.
    pub placeholders: &'static [&'static str],
    pub used_by: &'static str,
}

const fn q(id: &'static str, kind: Kind, options: &'static [&'static str], used_by: &'static str) -> QuestionUse {
    QuestionUse { id, kind, options, used_by }
}

const SUMMARY: &str = "the referral summary";
const CHECKS: &str = "the summary page's quality check";

pub const QUESTIONS: &[QuestionUse] = &[
    q("immediate_danger", Kind::YesNo, &[], "the journey's 999 page and the engine's 999-first check"),
    q("significant_harm", Kind::YesNoUnsure, &[], "the referral summary's urgency section"),
    q("open_case", Kind::YesNoUnsure, &[], "the engine withholds new-referral actions for an open case"),
    q("contact_made", Kind::Text, &[], SUMMARY),
    q(
        "child_age",
        Kind::Choice,
        &["unborn", "0_4", "13_15", "16_17"],
        "consent for children over 12; the child's voice for the youngest; the consultation summary",
    ),
    q("child_disabled", Kind::YesNoUnsure, &[], "the engine's private fostering check"),
    q("consent_parents", Kind::Choice, &["given", "refused", "not_sought", "not_yet"], "the engine's consent guidance and the summary"),
    q("consent_exception", Kind::Choice, &[], "the engine's consent guidance (one option per exception)"),
    q("consent_reason", Kind::Text, &[], "the summary's consent section"),
    q("child_competent", Kind::YesNoUnsure, &[], "the engine: the child's own consent"),
    q("child_consent", Kind::Choice, &[], SUMMARY),
    q("info_sharing_decision", Kind::Text, &[], "the summary's consent section"),
    q("lawful_basis", Kind::Choice, &[], "the summary's consent section"),
    q("pathway_steps_taken", Kind::Text, &[], SUMMARY),
    q("safeguarding_lead_consulted", Kind::YesNo, &[], "the decision-not-to-refer record"),
    q("factor_worries", Kind::Text, &[], SUMMARY),
    q("why_now", Kind::Text, &[], SUMMARY),
    q("impact", Kind::Text, &[], SUMMARY),
    q("factor_child_life", Kind::Text, &[], SUMMARY),
    q("factor_strengths", Kind::Text, &[], SUMMARY),
    q("factor_agency_support", Kind::Text, &[], SUMMARY),
    q("factor_previous_support", Kind::Text, &[], SUMMARY),
    q("previous_support", Kind::Choice, &[], SUMMARY),
    q("factor_chronology", Kind::YesNo, &[], "the summary's quality check"),
    q("factor_gcp2", Kind::YesNoUnsure, &[], "the summary's attachments and quality check"),
    q("factor_parenting_context", Kind::Text, &[], SUMMARY),
    q("factor_risk_factors", Kind::Text, &[], SUMMARY),
    q("factor_development", Kind::Text, &[], SUMMARY),
    q("factor_family_environment", Kind::Text, &[], SUMMARY),
    q("factor_parental_capacity", Kind::Text, &[], SUMMARY),
    q("other_professionals", Kind::Text, &[], SUMMARY),
    q("desired_outcome", Kind::Text, &[], SUMMARY),
    q("safety_where", Kind::Text, &[], SUMMARY),
    q("safety_carer", Kind::Text, &[], SUMMARY),
    q("safety_tonight", Kind::YesNoUnsure, &[], SUMMARY),
    q("safety_police_ref", Kind::Text, &[], SUMMARY),
    q(
        "phoned",
        Kind::Choice,
        &["no", "mash", "allocated_worker", "police"],
        "the summary: the written follow-up of a call (every other option id is a contact id, e.g. 'edt')",
    ),
    q("phoned_at", Kind::Text, &[], "the summary: when the written follow-up is due"),
    q("risk_travel_date", Kind::Text, &[], SUMMARY),
    q("child_observed", Kind::Text, &[], SUMMARY),
    q("child_sen", Kind::YesNoUnsure, &[], SUMMARY),
    q("missing_from_education", Kind::YesNoUnsure, &[], SUMMARY),
    q("missing_looked_after", Kind::YesNoUnsure, &[], SUMMARY),
    q("cwd_allocated", Kind::YesNoUnsure, &[], SUMMARY),
    q("parental_domestic_abuse", Kind::YesNoUnsure, &[], SUMMARY),
    q("parental_substance_misuse", Kind::YesNoUnsure, &[], SUMMARY),
    q("parental_mental_health", Kind::YesNoUnsure, &[], SUMMARY),
];

pub const CONTACTS: &[IdUse] = &[
    must("police", "the engine's 999-first check"),
    must("mash", "office hours: who to phone now"),
    may("edt", "who to phone while the MASH is closed: required wherever the MASH has office hours"),
    must("allocated_worker", "the open-case page"),
];

pub const OVERRIDES: &[IdUse] = &[must("immediate_danger", "the engine's 999-first check")];

pub const PATHWAYS: &[IdUse] = &[may("neglect", "the summary's neglect check")];

pub const DOMAINS: &[IdUse] = &[may("educational_neglect", "the summary's neglect check")];

pub const MESSAGES: &[MessageUse] = &[
    MessageUse {
        id: "mash_open",
        placeholders: &["time"],
        used_by: "who to phone now while the MASH is open, and at any time in an edition without office hours (where it says so and names the current edition)",
    },
    MessageUse { id: "sending_follow_up", placeholders: &["due"], used_by: "the summary page: when the written follow-up is due" },
    MessageUse { id: "sending_open_case", placeholders: &[], used_by: "the summary page, for an open case" },
    MessageUse {
        id: "sending_now",
        placeholders: &[],
        used_by: "the summary page, not urgent and the MASH open (at any time in an edition without office hours)",
    },
    MessageUse {
        id: "sending_phone_first",
        placeholders: &["name", "phone", "why"],
        used_by: "the summary page, when something is urgent ({why}: who to phone now's words)",
    },
    MessageUse { id: "sensitive", placeholders: &[], used_by: "the summary's download and print" },
    MessageUse { id: "could_not_assess", placeholders: &[], used_by: "the outcome and summary pages, if the engine refuses the answers (a bug)" },
    MessageUse { id: "suggestion_note", placeholders: &[], used_by: "the outcome page, under the suggested category" },
    MessageUse { id: "exceptions_intro", placeholders: &[], used_by: "the outcome page's consent section" },
    MessageUse { id: "judgement_hint", placeholders: &[], used_by: "the outcome page's judgement" },
    MessageUse { id: "judgement_reason_hint", placeholders: &[], used_by: "the outcome page's judgement" },
    MessageUse { id: "danger_body", placeholders: &[], used_by: "the call-999 page" },
    MessageUse { id: "danger_follow_up", placeholders: &[], used_by: "the call-999 page" },
    MessageUse { id: "danger_after", placeholders: &[], used_by: "the call-999 page" },
    MessageUse { id: "open_case_intro", placeholders: &[], used_by: "the open-case page" },
    MessageUse { id: "open_case_after", placeholders: &[], used_by: "the open-case page" },
    MessageUse { id: "nothing_selected", placeholders: &[], used_by: "the outcome when nothing is selected" },
    MessageUse { id: "risks_without_indicators", placeholders: &[], used_by: "the outcome when only specific risks are chosen" },
    MessageUse { id: "disagreement_record", placeholders: &["date", "category"], used_by: "the summary page's record of a disagreement" },
    // The widget's page text (src/ui, `govuk::prose`).
    MessageUse { id: "intro_start", placeholders: &["title"], used_by: "the start page" },
    MessageUse { id: "start_notes", placeholders: &[], used_by: "the start page" },
    MessageUse { id: "audience_school", placeholders: &[], used_by: "the start page for schools" },
    MessageUse { id: "audience_gp", placeholders: &[], used_by: "the start page for GPs and health staff" },
    MessageUse { id: "audience_voluntary", placeholders: &[], used_by: "the start page for the voluntary sector" },
    MessageUse { id: "audience_public", placeholders: &[], used_by: "the start page for the public" },
    MessageUse { id: "intro_danger", placeholders: &[], used_by: "the immediate-danger page" },
    MessageUse { id: "intro_safety", placeholders: &[], used_by: "the safety page" },
    MessageUse { id: "intro_child", placeholders: &[], used_by: "the about-the-child page" },
    MessageUse { id: "intro_indicators", placeholders: &[], used_by: "the indicators page" },
    MessageUse { id: "intro_risks", placeholders: &[], used_by: "the specific-risks page" },
    MessageUse { id: "intro_checklist", placeholders: &[], used_by: "the before-you-refer page" },
    MessageUse { id: "intro_consent", placeholders: &[], used_by: "the consent page" },
    MessageUse { id: "intro_check", placeholders: &[], used_by: "check your answers" },
    MessageUse { id: "save_note", placeholders: &[], used_by: "every step's Save your answers to a file" },
    MessageUse { id: "open_intro", placeholders: &[], used_by: "the start page: open a saved case" },
    MessageUse { id: "open_too_big", placeholders: &[], used_by: "the start page: a file over 1 MB" },
    MessageUse { id: "open_not_case", placeholders: &[], used_by: "the start page: a file that is not a saved case" },
    MessageUse { id: "opened_other_rules", placeholders: &["rules"], used_by: "check your answers, after opening a case saved with other rules" },
    MessageUse { id: "opened_left_out", placeholders: &[], used_by: "check your answers: what a saved case held that these rules do not have" },
    MessageUse { id: "summary_intro", placeholders: &[], used_by: "the summary page" },
    MessageUse { id: "have_ready", placeholders: &[], used_by: "the summary page: what to have ready for the form" },
    MessageUse { id: "decision_intro", placeholders: &[], used_by: "the summary page: the decision-not-to-refer record" },
    MessageUse { id: "consultation_intro", placeholders: &[], used_by: "the summary page: the consultation summary" },
    MessageUse { id: "disagreement_intro", placeholders: &[], used_by: "the summary page: the disagreement record" },
    MessageUse { id: "checks_intro", placeholders: &["count"], used_by: CHECKS },
    MessageUse { id: "judgement_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "judgement_below_answers", placeholders: &["category"], used_by: CHECKS },
    MessageUse { id: "judgement_above_answers", placeholders: &["category"], used_by: CHECKS },
    MessageUse { id: "judgement_above_single_assessment", placeholders: &["category"], used_by: CHECKS },
    MessageUse { id: "level_reason_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "safety_now_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "phone_time_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "consent_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "consent_not_asked", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "consent_reason_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "refused_without_exception", placeholders: &["category"], used_by: CHECKS },
    MessageUse { id: "impact_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "voice_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "why_now_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "outcome_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "worries_missing", placeholders: &[], used_by: CHECKS },
    MessageUse { id: "opinion_words", placeholders: &["field", "words"], used_by: CHECKS },
    MessageUse { id: "neglect_without_chronology", placeholders: &[], used_by: CHECKS },
];

/// When an edition needs a message of `EDITION_MESSAGES`: each is said only in a situation
/// some editions never have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The MASH has office hours (`hours`) in contacts.toml (and so an `edt` contact).
    OfficeHours,
    /// contacts.toml has a `[bank_holidays]` list (its `valid_until` is never empty).
    BankHolidays,
    /// ruleset.toml names the edition that supersedes this one (`superseded_by`).
    Superseded,
}

impl Need {
    /// Whether a rule set with these files is in this situation.
    pub fn holds(self, ruleset: &RulesetFile, contacts: &ContactsFile) -> bool {
        match self {
            Need::OfficeHours => contacts.contact.iter().any(|c| c.id.as_str() == "mash" && !c.hours.is_empty()),
            Need::BankHolidays => !contacts.bank_holidays.valid_until.is_empty(),
            Need::Superseded => ruleset.superseded_by.is_some(),
        }
    }
}

/// Messages only some editions need, each required where the edition is in that situation.
pub const EDITION_MESSAGES: &[(Need, MessageUse)] = &[
    (Need::OfficeHours, MessageUse { id: "sending_when_open", placeholders: &["next_open"], used_by: "the summary page, out of hours and not urgent" }),
    (
        Need::OfficeHours,
        MessageUse { id: "mash_closed", placeholders: &["time", "next_open"], used_by: "who to phone now, out of hours, not urgent" },
    ),
    (
        Need::OfficeHours,
        MessageUse { id: "mash_closed_urgent", placeholders: &["time", "next_open"], used_by: "who to phone now, out of hours, urgent" },
    ),
    (Need::BankHolidays, MessageUse { id: "bank_holidays_run_out", placeholders: &["date"], used_by: "the outcome's data warning" }),
    (
        Need::Superseded,
        MessageUse {
            id: "superseded",
            placeholders: &[],
            used_by: "the start, outcome and summary pages and the copied summary: this edition is not the current one (naming the current one, as superseded_by does)",
        },
    ),
];

/// The line of the id most like `wanted` (a renamed id is usually a small edit away), and a
/// hint naming it; line 1 when the file has no ids at all.
pub fn nearest<'a>(wanted: &str, ids: impl Iterator<Item = &'a Id>, line_of: impl FnMut(&'a Id) -> usize) -> (usize, String) {
    let mut line_of = line_of;
    // A rename usually keeps the start of the id, or at least contains the old one.
    let score = |id: &str| {
        if id.starts_with(wanted) || wanted.starts_with(id) {
            0
        } else if id.contains(wanted) || wanted.contains(id) {
            1
        } else {
            distance(wanted, id) + 2
        }
    };
    let best = ids.map(|id| (score(id.as_str()), id)).min_by_key(|(d, id)| (*d, id.as_str().len().abs_diff(wanted.len())));
    match best {
        Some((d, id)) if d <= wanted.len() / 2 + 3 => {
            let line = line_of(id);
            (line, format!("; did you rename it to '{}'?", id.as_str()))
        }
        _ => (1, String::new()),
    }
}

/// Edit distance between two ids or texts: for the contract's "did you rename it" and the
/// case's "did you mean".
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
