//! The referral summary the user pastes into the MASH web form, its quality check, and the
//! two records a professional keeps: a "decision not to refer" note and an anonymised
//! consultation summary. Pure functions of (journey, outcome, instant): deterministic, so
//! they are tested as golden text.
//!
//! The sections and "Copy all" hold only what the MASH reads: the referrer's facts, words and
//! reasoning. Everything addressed to the referrer (who to phone, when to send it, what to
//! have ready, the checks not met, the guidance's own words) stays on screen. Identity is
//! never asked for: the page lists what to have ready for the form instead (the message
//! `have_ready` in guidance.toml). The checks' texts are messages there too.

use crate::engine::assess::Outcome;
use crate::engine::clock::parse_hhmm;
use crate::engine::sorted::Set;
use crate::engine::{Instant, RuleSet};
use crate::journey::{Journey, Purpose, Screen};
use crate::text::{ends_word, occurrences, starts_word};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub text: String,
}

/// A reason a referral is commonly sent back, found in these answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub id: &'static str,
    pub text: String,
    /// Where to go to fix it.
    pub screen: Screen,
}

/// What the MASH needs to run its checks and the guide does not hold, to have ready for the
/// form: the list items of the rule set's `have_ready` message (the summary page shows the
/// whole message). Never in the copied text.
pub fn have_ready(rules: &RuleSet) -> Vec<String> {
    rules.message("have_ready", &[]).lines().filter_map(|l| l.strip_prefix("- ")).map(String::from).collect()
}

const DAY: i64 = 86_400;

/// Words that usually mark an opinion rather than something seen or heard.
const OPINION_WORDS: [&str; 12] =
    ["i feel", "i think", "i believe", "i suspect", "i guess", "seems", "seemed", "probably", "maybe", "perhaps", "appears to", "i get the impression"];

/// Free-text questions whose words go into the referral.
const TEXT_FIELDS: [(&str, &str); 9] = [
    ("factor_worries", "What you are worried about"),
    ("why_now", "Why now"),
    ("impact", "The impact on the child"),
    ("factor_child_life", "The child's voice"),
    ("child_observed", "What you have seen of the child"),
    ("factor_strengths", "Strengths"),
    ("factor_agency_support", "Support your agency can offer"),
    ("factor_previous_support", "Support offered before"),
    ("desired_outcome", "What you are asking for"),
];

/// The answer to a question, if it applies now and is not blank.
fn answer(j: &Journey, applicable: &Set<usize>, id: &str) -> Option<String> {
    let i = *j.rules.question_index.get(id)?;
    if !applicable.contains(&i) {
        return None;
    }
    let v = j.answer(id)?.trim();
    (!v.is_empty()).then(|| j.rules.questions[i].answer_label(v))
}

/// Whether a question applies now and has an answer that is not blank.
#[inline(never)]
fn answered(j: &Journey, applicable: &Set<usize>, id: &str) -> bool {
    applies(j, applicable, id) && j.answer(id).is_some_and(|v| !v.trim().is_empty())
}

/// Whether a question applies now (answered or not).
fn applies(j: &Journey, applicable: &Set<usize>, id: &str) -> bool {
    j.rules.question_index.get(id).is_some_and(|i| applicable.contains(i))
}

/// "Label: answer" for each question answered; "Label: not known" for those in `needed`
/// that apply but have no answer (the MASH form needs an answer there).
fn labelled(j: &Journey, ap: &Set<usize>, items: &[(&str, &str)], needed: &[&str]) -> Vec<String> {
    items
        .iter()
        .filter_map(|&(id, label)| match answer(j, ap, id) {
            Some(a) => Some(format!("{label}: {a}")),
            None => (needed.contains(&id) && applies(j, ap, id)).then(|| format!("{label}: not known")),
        })
        .collect()
}

/// The instant of a London wall-clock time.
fn london(day: i64, minute: i64) -> Instant {
    let wall = day * DAY + minute * 60;
    if Instant(wall - 3600).is_bst() {
        Instant(wall - 3600)
    } else {
        Instant(wall)
    }
}

/// The phone call this summary follows up in writing: whom the referrer phoned (the MASH,
/// the EDT or the allocated worker) and when, if they gave a time as HH:MM; a time later
/// than now is taken as yesterday.
pub fn phone_call(j: &Journey, now: Instant) -> Option<(String, Option<Instant>)> {
    let ap = j.applicable();
    let whom = j.answer("phoned").filter(|_| applies(j, &ap, "phoned")).filter(|p| matches!(*p, "mash" | "edt" | "allocated_worker"))?;
    let name = j.rules.contact(whom).map(|c| c.name.clone()).unwrap_or_default();
    let at = answer(j, &ap, "phoned_at").and_then(|t| parse_hhmm(&t));
    let local = now.london();
    Some((name, at.map(|m| london(local.day - (m > local.minute) as i64, m as i64))))
}

/// What the referrer is told on screen about sending it: when a written follow-up is due,
/// whom to phone first when it is urgent, or, when it is not, when the MASH next opens.
/// In an edition without office hours the MASH counts as open: its `sending_now` and its
/// who-to-contact words (`{why}` of `sending_phone_first`) say that it gives no hours.
pub fn sending(j: &Journey, out: &Outcome, now: Instant) -> String {
    let purpose = j.purpose();
    if purpose == Purpose::NotReferring {
        return String::new();
    }
    let rules = &j.rules;
    if let Some((_, Some(called))) = phone_call(j, now) {
        return rules.message("sending_follow_up", &[("due", &Instant(called.0 + DAY).london().describe())]);
    }
    if purpose == Purpose::OpenCase {
        return rules.message("sending_open_case", &[]);
    }
    let c = &out.contact;
    if !out.urgent.is_empty() {
        return rules.message("sending_phone_first", &[("name", c.name), ("phone", c.phone), ("why", &c.why)]);
    }
    // When the MASH next opens, in the words the outcome page uses (the engine's).
    match &c.next_open {
        Some(t) => rules.message("sending_when_open", &[("next_open", t)]),
        None => rules.message("sending_now", &[]),
    }
}

/// Documents to attach, for the on-screen list.
pub fn attachments(out: &Outcome) -> Vec<String> {
    // Only what the actions shown ask for: an attachment always belongs to a step the
    // referrer is told to take (the TAF minutes only once a TAF has been held).
    out.attach.iter().map(|a| a.to_string()).collect()
}

/// Who suggested the category: the guide (the document's indicators and rules), or the
/// tool's own reading where every reason for it is marked as an interpretation.
fn suggested_by(out: &Outcome) -> &'static str {
    if !out.because.is_empty() && out.because.iter().all(|b| b.interpretation.is_some()) {
        "Suggested by the tool's reading of the guidance"
    } else {
        "Suggested by the Luton threshold guide"
    }
}

/// The lines about the level of need both the referral and the decision record carry.
fn level_lines(j: &Journey, out: &Outcome) -> Vec<String> {
    let rules = &j.rules;
    let mut level = Vec::new();
    if let Some(r) = j.judgement.as_deref().and_then(|c| rules.category_rank(c)) {
        level.push(format!("My judgement of the level of need: {}", rules.categories[r].name));
    }
    level.push(format!("{}: {}", suggested_by(out), out.category.name));
    for r in &out.readings {
        level.push(format!("Suggested by the tool's reading of the guidance: {} ({})", r.category, r.why));
    }
    level
}

/// A section of the summary, when it has any lines. (Not inlined: the summary adds 14.)
#[inline(never)]
fn push_section(s: &mut Vec<Section>, id: &'static str, title: &'static str, lines: Vec<String>) {
    if !lines.is_empty() {
        s.push(Section { id, title, text: lines.join("\n") })
    }
}

/// The whole referral summary, in the order a MASH referral form asks.
pub fn referral_summary(j: &Journey, out: &Outcome, now: Instant) -> Vec<Section> {
    let rules = &j.rules;
    let ap = j.applicable();
    let open = j.purpose() == Purpose::OpenCase;
    let young = matches!(j.answer("child_age"), Some("unborn" | "0_4"));
    let mut s = Vec::new();
    let mut push = |id, title, lines| push_section(&mut s, id, title, lines);
    let text = |id: &str| answer(j, &ap, id).into_iter().collect::<Vec<_>>();
    let known = |id: &str| vec![answer(j, &ap, id).unwrap_or_else(|| "Not known.".into())];

    // 1. Safety now (immediate danger, or significant harm yes or not sure), else urgency.
    let mut safety = Vec::new();
    if let Some((whom, called)) = phone_call(j, now) {
        match called {
            Some(t) => {
                safety.push(format!("Phoned: {whom}, {}", t.london().describe()));
                safety.push(format!("This is the written follow-up of that call, due by {} (24 hours after it).", Instant(t.0 + DAY).london().describe()));
            }
            None => safety.push(format!("Phoned: {whom}, time not known. This is the written follow-up of that call.")),
        }
    }
    let safety_now = applies(j, &ap, "safety_where");
    safety.extend(labelled(
        j,
        &ap,
        &[
            ("immediate_danger", "Immediate danger"),
            ("significant_harm", "Suffered or likely to suffer significant harm"),
            ("safety_where", "Where the child is now"),
            ("safety_carer", "Who is looking after the child now"),
            ("safety_tonight", "Will the child be safe tonight"),
            ("safety_police_ref", "Police reference"),
            ("risk_travel_date", "Travel abroad"),
            ("contact_made", "Contacts already made"),
            ("open_case", "Already open to children's social care"),
        ],
        &["immediate_danger", "significant_harm", "safety_where", "safety_carer", "safety_tonight"],
    ));
    if j.answer("phoned") == Some("police") && applies(j, &ap, "phoned") {
        safety.push("Phoned: the police only, so far".into());
    }
    push("urgency", if safety_now { "Safety now" } else { "Urgency" }, safety);

    // 2. About the child: age band, disability, SEN, parental factors (no names).
    push(
        "child",
        "About the child",
        labelled(
            j,
            &ap,
            &[
                ("child_age", "Age"),
                ("child_disabled", "Disability"),
                ("child_sen", "Special educational needs or an EHC plan"),
                ("missing_from_education", "Missing from school or education"),
                ("missing_looked_after", "Looked after (in care)"),
                ("cwd_allocated", "Allocated worker in the Children with Disabilities service"),
                ("parental_domestic_abuse", "History of significant domestic abuse in the family"),
                ("parental_substance_misuse", "A parent or carer misuses drugs or alcohol"),
                ("parental_mental_health", "A parent or carer has mental ill-health"),
            ],
            &[],
        ),
    );

    // 3–4. Worries, why now, impact: the practitioner's words.
    let mut worries = known("factor_worries");
    worries.push(format!("\nWhy now: {}", answer(j, &ap, "why_now").unwrap_or_else(|| "not known".into())));
    push("worries", "What are you worried about, and why now?", worries);
    push("impact", "The impact on the child", known("impact"));

    // 5. Indicators by domain, in the guidance's words: what the referrer saw.
    let mut lines = Vec::new();
    for (d, domain) in rules.domains.iter().enumerate() {
        let items: Vec<String> = j
            .selected
            .iter()
            .filter_map(|id| rules.indicator_index.get(id))
            .filter(|&&i| rules.indicator_place[i].domain == d)
            .map(|&i| format!("- {} ({})", rules.indicators[i].text, rules.categories[rules.indicator_place[i].category].name))
            .collect();
        if !items.is_empty() {
            lines.push(domain.name.clone());
            lines.extend(items);
        }
    }
    push("indicators", "Indicators seen (Luton threshold guidance, example indicators)", lines);

    // 6. Specific risks, only when there are any.
    if !out.pathways.is_empty() {
        let names: Vec<&str> = out.pathways.iter().map(|p| p.name).collect();
        push(
            "risks",
            "Specific risks and steps already taken",
            vec![
                format!("Specific risks: {}", names.join("; ")),
                format!("Steps already taken: {}", answer(j, &ap, "pathway_steps_taken").unwrap_or_else(|| "not known".into())),
            ],
        );
    }

    // 7–10.
    push("strengths", "What is working well: strengths and protective factors", text("factor_strengths"));
    let voice = if young {
        let v = labelled(j, &ap, &[("child_observed", "What I have seen of the child"), ("factor_child_life", "Their daily life, wishes and feelings")], &[]);
        if v.is_empty() {
            known("child_observed")
        } else {
            v
        }
    } else {
        known("factor_child_life")
    };
    push("voice", if young { "The child's voice: what was seen of the child" } else { "The child's voice: their wishes and feelings" }, voice);
    push(
        "support",
        "Support already offered, by whom, and whether it helped",
        labelled(
            j,
            &ap,
            &[
                ("previous_support", "Support tried so far"),
                ("factor_previous_support", "Offered before, and whether it helped"),
                ("factor_agency_support", "What my agency can offer"),
            ],
            &[],
        ),
    );
    push("professionals", "Other professionals and services involved (roles only)", text("other_professionals"));
    push(
        "factors",
        "Other factors considered",
        labelled(
            j,
            &ap,
            &[
                ("factor_parenting_context", "The child's behaviour, health or disability in the context of the parenting"),
                ("factor_risk_factors", "Risk factors"),
                ("factor_development", "The child's development"),
                ("factor_family_environment", "Family, environmental, community and contextual factors"),
                ("factor_parental_capacity", "The capacity of the parents"),
            ],
            &[],
        ),
    );

    // 11. Consent, in the guide's own option labels (not the document's words).
    let parents = j.answer("consent_parents").unwrap_or_default();
    let mut consent = labelled(
        j,
        &ap,
        &[
            ("consent_parents", "Parents/carers"),
            ("consent_exception", "Exception relied on"),
            ("consent_reason", "Reason consent was not sought"),
            ("lawful_basis", "Lawful basis for sharing without consent"),
            ("child_consent", "The child's consent"),
            ("info_sharing_decision", "Information-sharing decision"),
        ],
        &["consent_parents", "consent_reason", "child_consent"],
    );
    if out.consent.child_required && !applies(j, &ap, "child_consent") {
        consent.push("The child's consent: not known (the child is over 12)".into());
    }
    consent.push(format!(
        "Parents know {}: {}",
        if open { "I am passing this on" } else { "about this referral" },
        match parents {
            "given" | "refused" => "yes",
            "not_sought" => "no (consent not sought, see the exception above)",
            _ => "not yet",
        }
    ));
    push("consent", "Consent", consent);

    // 12. Level of need: the referrer's judgement and reason beside the suggestion.
    let mut level = level_lines(j, out);
    if !j.judgement_reason.trim().is_empty() {
        level.push(format!("Why I judge it at this level: {}", j.judgement_reason.trim()));
    }
    level.extend(labelled(j, &ap, &[("safeguarding_lead_consulted", "Discussed with my organisation's safeguarding lead")], &[]));
    push("level", "Level of need", level);

    // 13–14.
    push("request", "What I am asking for", text("desired_outcome"));
    push(
        "documents",
        "Documents",
        labelled(
            j,
            &ap,
            &[
                ("factor_chronology", "A chronology of the history and past concerns to send"),
                ("factor_gcp2", "A Graded Care Profile 2 (GCP2) or Neglect Screening Tool completed"),
            ],
            &[],
        ),
    );
    s
}

/// A check not met, in the rule set's words (the message with the check's id).
#[inline(never)]
fn problem(rules: &RuleSet, id: &'static str, values: &[(&str, &str)], screen: Screen) -> Problem {
    Problem { id, text: rules.message(id, values), screen }
}

/// A check not met with no values to fill in, added to `p`. (Not inlined: there are 12.)
#[inline(never)]
fn add_problem(p: &mut Vec<Problem>, rules: &RuleSet, id: &'static str, screen: Screen) {
    p.push(problem(rules, id, &[], screen));
}

/// Problems that commonly get a referral sent back, and answers that do not agree with each
/// other. Shown on screen with a link to fix each; never in the copied text; never block
/// copying. Each problem's text is the `[[message]]` of the same id in guidance.toml.
pub fn quality_check(j: &Journey, out: &Outcome) -> Vec<Problem> {
    let ap = j.applicable();
    let rules = &j.rules;
    let mut p = Vec::new();
    let mut add = |id, screen| add_problem(&mut p, rules, id, screen);
    let has = |id: &str| answered(j, &ap, id);
    let rank = j.judgement.as_deref().and_then(|c| rules.category_rank(c));
    let top = rules.categories.len() - 1;
    let harm = j.answer("immediate_danger") == Some("yes") || j.answer("significant_harm") == Some("yes");

    // The judgement against the answers: checked whatever the purpose.
    match rank {
        None => add("judgement_missing", Screen::Outcome),
        Some(r) if r < top && harm => p.push(problem(rules, "judgement_below_answers", &[("category", &rules.categories[r].name)], Screen::Outcome)),
        Some(r) if r == top && !harm => {
            let lower = answer(j, &ap, "desired_outcome").unwrap_or_default().to_ascii_lowercase();
            let asks_for_assessment = occurrences(&lower, "single assessment").next().is_some();
            let text = if asks_for_assessment { "judgement_above_single_assessment" } else { "judgement_above_answers" };
            let found = problem(rules, text, &[("category", &rules.categories[r].name)], Screen::Outcome);
            p.push(Problem { id: "judgement_above_answers", ..found })
        }
        _ => {}
    }
    if j.purpose() == Purpose::NotReferring {
        return p;
    }
    let mut add = |id, screen| add_problem(&mut p, rules, id, screen);
    if rank.is_some() && j.judgement_reason.trim().is_empty() {
        add("level_reason_missing", Screen::Outcome);
    }
    if applies(j, &ap, "safety_where") && !(has("safety_where") && has("safety_carer") && has("safety_tonight")) {
        add("safety_now_missing", Screen::Safety);
    }
    if matches!(phone_call(j, Instant(0)), Some((_, None))) {
        add("phone_time_missing", Screen::Safety);
    }
    match j.answer("consent_parents") {
        None => add("consent_missing", Screen::Consent),
        Some("not_yet") if j.purpose() == Purpose::Referral => add("consent_not_asked", Screen::Consent),
        Some("not_sought") if !has("consent_reason") => add("consent_reason_missing", Screen::Consent),
        Some("refused") if rules.category_rank(out.category.id).is_some_and(|r| rules.is_referral_level(r)) && out.consent.suggested_exceptions.is_empty() => {
            p.push(problem(rules, "refused_without_exception", &[("category", out.category.name)], Screen::Consent))
        }
        _ => {}
    }
    let mut add = |id, screen| add_problem(&mut p, rules, id, screen);
    if !has("impact") {
        add("impact_missing", Screen::Checklist);
    }
    if !has("factor_child_life") && !has("child_observed") {
        add("voice_missing", Screen::Checklist);
    }
    if !has("why_now") {
        add("why_now_missing", Screen::Checklist);
    }
    if !has("desired_outcome") {
        add("outcome_missing", Screen::Checklist);
    }
    if !j.selected.is_empty() && !has("factor_worries") {
        add("worries_missing", Screen::Checklist);
    }
    for (id, what) in TEXT_FIELDS {
        if let Some(text) = answer(j, &ap, id) {
            // Whole words only, as the search finds them (`starts_word`, `ends_word`): ASCII
            // rules, since Unicode letter tables would add about 14 KB to the widget.
            let lower = text.to_ascii_lowercase();
            let found: Vec<&str> =
                OPINION_WORDS.iter().copied().filter(|w| occurrences(&lower, w).any(|i| starts_word(&lower, i) && ends_word(&lower, i + w.len()))).collect();
            if !found.is_empty() {
                p.push(problem(rules, "opinion_words", &[("field", what), ("words", &found.join("\", \""))], Screen::Checklist));
            }
        }
    }
    let neglect = out.pathways.iter().any(|x| x.id == "neglect")
        || j.selected.iter().filter_map(|id| rules.indicator_index.get(id)).any(|&i| {
            let ind = &rules.indicators[i];
            ind.domain == "educational_neglect" || occurrences(&ind.text.to_ascii_lowercase(), "neglect").next().is_some()
        });
    if neglect && j.answer("factor_chronology") != Some("yes") && j.answer("factor_gcp2") != Some("yes") {
        p.push(problem(rules, "neglect_without_chronology", &[], Screen::Checklist));
    }
    p
}

/// "Copy all": the heading and every section; nothing addressed to the referrer.
pub fn as_text(j: &Journey, out: &Outcome, now: Instant) -> String {
    text_of(j, &referral_summary(j, out, now), now)
}

/// The same text from sections already worked out (the summary page has them).
pub fn text_of(j: &Journey, sections: &[Section], now: Instant) -> String {
    let mut t = String::from(if j.purpose() == Purpose::OpenCase {
        "INFORMATION FOR THE ALLOCATED SOCIAL WORKER: A CHILD ALREADY OPEN TO CHILDREN'S SOCIAL CARE\n"
    } else {
        "REFERRAL TO THE LUTON MULTI-AGENCY SAFEGUARDING HUB (MASH)\n"
    });
    // When, and which edition the suggestion comes from: the MASH reads it (the version is
    // the decision record's).
    let m = &j.rules.meta;
    t.push_str(&format!("Written: {}\nThreshold document: {}, {}\n", now.london().describe(), m.title, m.edition));
    let note = j.rules.superseded_note();
    if !note.is_empty() {
        t.push_str(note);
        t.push('\n');
    }
    // The titles are our own ASCII text: ASCII upper case avoids Unicode case tables (13 KB).
    for s in sections {
        t.push_str(&format!("\n{}\n{}\n", s.title.to_ascii_uppercase(), s.text));
    }
    t
}

/// A dated rationale for the professional's own safeguarding record when they do not refer.
pub fn decision_note(j: &Journey, out: &Outcome, now: Instant) -> String {
    let ap = j.applicable();
    let rules = &j.rules;
    let indicators: Vec<String> =
        j.selected.iter().filter_map(|id| rules.indicator_index.get(id)).map(|&i| format!("- {}", rules.indicators[i].text)).collect();
    let risks: Vec<&str> = out.pathways.iter().map(|p| p.name).collect();
    let reason = j.judgement_reason.trim();
    format!(
        "DECISION NOT TO REFER TO THE MASH: record for your safeguarding file\n\
         Date: {}\n\
         Child: [identify the child as your record system requires]\n\
         Considered: {}, {}, version {}\n\
         Indicators considered:\n{}\n\
         Specific risks: {}\n\
         {}\n\
         Decision: not to refer to the MASH at this time.\n\
         Reason: {}\n\
         Planned support: {}\n\
         Safeguarding lead consulted: {}\n\
         Review date: [enter a date to review this decision]\n",
        now.london().describe(),
        out.ruleset.title,
        out.ruleset.edition,
        out.ruleset.hash.get(..12).unwrap_or_default(),
        if indicators.is_empty() { "- none selected".to_string() } else { indicators.join("\n") },
        if risks.is_empty() { "none of the listed specific risks".to_string() } else { risks.join("; ") },
        level_lines(j, out).join("\n"),
        if reason.is_empty() { "[enter your reason]" } else { reason },
        answer(j, &ap, "factor_agency_support").unwrap_or_else(|| "[enter the support you will provide]".into()),
        answer(j, &ap, "safeguarding_lead_consulted").unwrap_or_else(|| "[yes or no]".into()),
    )
}

/// A record for the child's file when the referrer disagrees with the decision on a
/// referral: the document asks for challenge to be evidence based and recorded. The template
/// is the rule set's (`disagreement_record` in guidance.toml), dated and with the category.
pub fn disagreement_record(j: &Journey, out: &Outcome, now: Instant) -> String {
    j.rules.message("disagreement_record", &[("date", &now.london().describe()), ("category", out.category.name)])
}

/// What to read out when phoning the MASH for advice: structured facts only, never the
/// practitioner's free text, so nothing that could identify the child slips in.
pub fn consultation_summary(j: &Journey, out: &Outcome) -> String {
    let rules = &j.rules;
    let ap = j.applicable();
    let age = answer(j, &ap, "child_age").map(|a| a.to_ascii_lowercase()).unwrap_or_else(|| "an age I have not given".into());
    let mut t = format!("I would like advice about a child aged {age}. I am not giving any names.\n");
    if j.answer("immediate_danger") == Some("yes") {
        t.push_str("I believe the child is in immediate danger.\n");
    }
    t.push_str(match j.answer("significant_harm") {
        Some("yes") => "I believe the child has suffered, or is likely to suffer, significant harm.\n",
        Some("unsure") => "I am not sure whether the child has suffered, or is likely to suffer, significant harm.\n",
        _ => "",
    });
    let mut counts = vec![0usize; rules.categories.len()];
    for &i in j.selected.iter().filter_map(|id| rules.indicator_index.get(id)) {
        counts[rules.indicator_place[i].category] += 1;
    }
    let summary: Vec<String> = counts.iter().enumerate().filter(|(_, &n)| n > 0).map(|(c, n)| format!("{n} at {}", rules.categories[c].name)).collect();
    t.push_str(&format!("Indicators I have seen: {}.\n", if summary.is_empty() { "none selected".to_string() } else { summary.join(", ") }));
    for b in out.because.iter().filter(|b| b.kind == crate::engine::assess::ReasonKind::Indicator).take(5) {
        t.push_str(&format!("- {}\n", b.text));
    }
    if !out.pathways.is_empty() {
        t.push_str(&format!("Specific risks: {}.\n", out.pathways.iter().map(|p| p.name).collect::<Vec<_>>().join("; ")));
    }
    if let Some(p) = answer(j, &ap, "previous_support") {
        t.push_str(&format!("Support so far: {}.\n", p.to_ascii_lowercase()));
    }
    t.push_str(&format!("The threshold guide suggests {}. I would like to know whether you agree and what I should do next.\n", out.category.name));
    t
}
