//! The referral summary the user pastes into the MASH web form, its quality check, and the
//! two records a professional keeps: a "decision not to refer" note and an anonymised
//! consultation summary. Pure functions of (journey, outcome, instant): deterministic, so
//! they are tested as golden text.
//!
//! Identity is never asked for. Where the MASH form needs it, the summary shows a
//! placeholder in square brackets.

use crate::engine::assess::Outcome;
use crate::engine::Instant;
use crate::journey::{ends_word, occurrences, starts_word, Journey, Screen};
use crate::engine::sorted::Set;

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

/// Words that usually mark an opinion rather than something seen or heard.
const OPINION_WORDS: [&str; 12] =
    ["i feel", "i think", "i believe", "i suspect", "i guess", "seems", "seemed", "probably", "maybe", "perhaps", "appears to", "i get the impression"];

/// Free-text questions whose words go into the referral.
const TEXT_FIELDS: [(&str, &str); 8] = [
    ("factor_worries", "What you are worried about"),
    ("why_now", "Why now"),
    ("impact", "The impact on the child"),
    ("factor_child_life", "The child's voice"),
    ("factor_strengths", "Strengths"),
    ("factor_agency_support", "Support your agency can offer"),
    ("factor_previous_support", "Support offered before"),
    ("desired_outcome", "What you are asking for"),
];

fn not_provided(what: &str) -> String {
    format!("[Not provided: {what}]")
}

/// The answer to a question, if it applies now and is not blank.
fn answer(j: &Journey, applicable: &Set<usize>, id: &str) -> Option<String> {
    let i = *j.rules.question_index.get(id)?;
    if !applicable.contains(&i) {
        return None;
    }
    let v = j.answer(id)?.trim();
    (!v.is_empty()).then(|| j.rules.questions[i].answer_label(v))
}

fn text_or(j: &Journey, applicable: &Set<usize>, id: &str, what: &str) -> String {
    answer(j, applicable, id).unwrap_or_else(|| not_provided(what))
}

/// The whole referral summary, in the order a MASH referral form asks.
pub fn referral_summary(j: &Journey, out: &Outcome) -> Vec<Section> {
    let rules = &j.rules;
    let ap = j.applicable();
    let mut s = Vec::new();
    let mut push = |id, title, text: String| s.push(Section { id, title, text });

    // 1. Urgency and contact already made.
    let mut urgency = Vec::new();
    let danger = answer(j, &ap, "immediate_danger");
    urgency.push(format!("Immediate danger: {}", danger.as_deref().unwrap_or("not answered")));
    if let Some(h) = answer(j, &ap, "significant_harm") {
        urgency.push(format!("Suffered or likely to suffer significant harm: {h}"));
    }
    if let Some(c) = answer(j, &ap, "contact_made") {
        urgency.push(format!("Contact already made: {c}"));
    }
    if let Some(o) = answer(j, &ap, "open_case") {
        urgency.push(format!("Already open to children's social care: {o}"));
    }
    urgency.push(format!("Who to phone now: {}, {}. {}", out.contact.name, out.contact.phone, out.contact.why));
    push("urgency", "Urgency and contact already made", urgency.join("\n"));

    // 2–3. Worries, why now, impact: the practitioner's words.
    push(
        "worries",
        "What are you worried about, and why now?",
        format!("{}\n\nWhy now: {}", text_or(j, &ap, "factor_worries", "what you are worried about"), text_or(j, &ap, "why_now", "why you are referring now")),
    );
    push("impact", "The impact on the child", text_or(j, &ap, "impact", "the impact on the child"));

    // 4. Indicators by domain, in the guidance's words.
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
    push(
        "indicators",
        "Indicators observed (Luton threshold guidance, example indicators)",
        if lines.is_empty() { "None selected.".into() } else { lines.join("\n") },
    );

    // 5. Specific risks and what has been done.
    let risks = if out.pathways.is_empty() {
        "None identified.".to_string()
    } else {
        let names: Vec<&str> = out.pathways.iter().map(|p| p.name).collect();
        format!("{}\nSteps already taken: {}", names.join("; "), text_or(j, &ap, "pathway_steps_taken", "what has been done about these risks"))
    };
    push("risks", "Specific risks and steps already taken", risks);

    // 6–9.
    push("strengths", "What is working well: strengths and protective factors", text_or(j, &ap, "factor_strengths", "strengths and protective factors"));
    push("voice", "The child's voice: their wishes and feelings", text_or(j, &ap, "factor_child_life", "the child's wishes and feelings"));
    let mut support = Vec::new();
    if let Some(p) = answer(j, &ap, "previous_support") {
        support.push(format!("Support tried so far: {p}"));
    }
    support.push(format!("Offered before, and whether it helped: {}", text_or(j, &ap, "factor_previous_support", "support offered before")));
    support.push(format!("What my agency can offer: {}", text_or(j, &ap, "factor_agency_support", "support your agency can offer")));
    push("support", "Support already offered, by whom, and whether it helped", support.join("\n"));
    push("professionals", "Other professionals and services involved (roles only)", text_or(j, &ap, "other_professionals", "other professionals involved"));

    // The rest of the guidance's "factors to consider", in the practitioner's words.
    let factors: Vec<String> = [
        ("factor_parenting_context", "The child's behaviour, health or disability in the context of the parenting"),
        ("factor_risk_factors", "Risk factors"),
        ("factor_development", "The child's development"),
        ("factor_family_environment", "Family, environmental, community and contextual factors"),
        ("factor_parental_capacity", "The capacity of the parents"),
    ]
    .iter()
    .filter_map(|(id, label)| answer(j, &ap, id).map(|a| format!("{label}: {a}")))
    .collect();
    if !factors.is_empty() {
        push("factors", "Other factors considered", factors.join("\n"));
    }

    // 10. Consent.
    let mut consent = Vec::new();
    let parents = j.answer("consent_parents").unwrap_or_default();
    consent.push(format!("Parents/carers: {}", answer(j, &ap, "consent_parents").unwrap_or_else(|| "not answered".into())));
    if parents == "not_sought" {
        consent.push(format!("Exception relied on: {}", out.consent.exception.as_ref().map(|e| e.text.to_string()).unwrap_or_else(|| not_provided("the exception"))));
        consent.push(format!("Reason consent was not sought: {}", text_or(j, &ap, "consent_reason", "the reason")));
    }
    if let Some(c) = answer(j, &ap, "child_consent") {
        consent.push(format!("The child's consent: {c}"));
    } else if out.consent.child_required {
        consent.push(format!("The child's consent: {}", not_provided("the child is over 12 and may be competent")));
    }
    let informed = match parents {
        "given" | "refused" => "yes",
        "not_sought" => "no (consent not sought, see the exception above)",
        _ => "not yet",
    };
    consent.push(format!("Parents know about this referral: {informed}"));
    push("consent", "Consent", consent.join("\n"));

    // 11. Level of need.
    let mut level = vec![format!("Suggested by the Luton threshold guide: {}", out.category.name)];
    match j.judgement.as_deref().and_then(|c| rules.category_rank(c)) {
        Some(r) if rules.categories[r].id.get_ref() != out.category.id => level.push(format!(
            "My professional judgement: {}. Reason: {}",
            rules.categories[r].name,
            if j.judgement_reason.trim().is_empty() { not_provided("the reason for your judgement") } else { j.judgement_reason.trim().to_string() }
        )),
        _ => level.push("My professional judgement: I agree with the suggestion.".into()),
    }
    if !out.because.is_empty() {
        level.push("Decided by:".into());
        level.extend(out.because.iter().map(|b| format!("- {}", b.text)));
    }
    level.push(format!("Rule set: {} ({}), version {}", out.ruleset.title, out.ruleset.edition, &out.ruleset.hash[..12]));
    push("level", "Level of need", level.join("\n"));

    // 12–13.
    push("request", "What I am asking for", text_or(j, &ap, "desired_outcome", "what you are asking for"));
    let mut attach: Vec<String> = out.attach.iter().map(|a| a.to_string()).collect();
    if answer(j, &ap, "factor_gcp2").as_deref() == Some("Yes") {
        attach.push("Graded Care Profile 2 (GCP2) or Neglect Screening Tool".into());
    }
    if j.answer("previous_support") == Some("single_agency_taf") {
        attach.push("Minutes of the Team Around the Family (TAF) meetings already held".into());
    }
    let mut seen = Set::new();
    attach.retain(|a| seen.insert(a.clone()));
    push(
        "attachments",
        "Attachments to include",
        if attach.is_empty() { "None suggested.".into() } else { attach.iter().map(|a| format!("- {a}")).collect::<Vec<_>>().join("\n") },
    );
    s
}

/// Problems that commonly get a referral sent back. They never block copying.
pub fn quality_check(j: &Journey, out: &Outcome) -> Vec<Problem> {
    let ap = j.applicable();
    let mut p = Vec::new();
    let mut add = |id, text: String, screen| p.push(Problem { id, text, screen });
    let has = |id: &str| answer(j, &ap, id).is_some();

    match j.answer("consent_parents") {
        None => add("consent_missing", "Say whether the parents or carers have given consent.".into(), Screen::Consent),
        Some("not_sought") if !has("consent_reason") => {
            add("consent_reason_missing", "Explain why you have not sought consent.".into(), Screen::Consent)
        }
        Some("refused") if out.category.id != "universal" && out.category.id != "emerging_needs" && out.consent.suggested_exceptions.is_empty() => add(
            "refused_without_exception",
            format!("{} is suggested but the parents refused consent and no exception applies: Children's Social Care will not accept a referral without consent unless seeking it would put the child at significant risk of harm. Say why you are still referring.", out.category.name),
            Screen::Consent,
        ),
        _ => {}
    }
    if !has("impact") {
        add("impact_missing", "Describe the impact on the child.".into(), Screen::Checklist);
    }
    if !has("factor_child_life") {
        add("voice_missing", "Include the child's voice: their wishes and feelings, in their words where you know them.".into(), Screen::Checklist);
    }
    if !has("why_now") {
        add("why_now_missing", "Say why you are referring now.".into(), Screen::Checklist);
    }
    if !has("desired_outcome") {
        add("outcome_missing", "Say what you are asking for.".into(), Screen::Checklist);
    }
    if !j.selected.is_empty() && !has("factor_worries") {
        add("worries_missing", "You selected indicators: describe in your own words what you are worried about.".into(), Screen::Checklist);
    }
    for (id, what) in TEXT_FIELDS {
        if let Some(text) = answer(j, &ap, id) {
            // Whole words only, as the search finds them (`starts_word`, `ends_word`): ASCII
            // rules, since Unicode letter tables would add about 14 KB to the widget.
            let lower = text.to_ascii_lowercase();
            let found: Vec<&str> = OPINION_WORDS
                .iter()
                .copied()
                .filter(|w| occurrences(&lower, w).any(|i| starts_word(&lower, i) && ends_word(&lower, i + w.len())))
                .collect();
            if !found.is_empty() {
                add(
                    "opinion_words",
                    format!("{what}: \"{}\" marks an opinion. Separate what you saw or heard from what you believe, and say whose view it is.", found.join("\", \"")),
                    Screen::Checklist,
                );
            }
        }
    }
    let neglect = out.pathways.iter().any(|x| x.id == "neglect")
        || j.selected.iter().filter_map(|id| j.rules.indicator_index.get(id)).any(|&i| {
            let ind = &j.rules.indicators[i];
            ind.domain == "educational_neglect" || occurrences(&ind.text.to_ascii_lowercase(), "neglect").next().is_some()
        });
    if neglect && j.answer("factor_chronology") != Some("yes") && answer(j, &ap, "factor_gcp2").as_deref() != Some("Yes") {
        add(
            "neglect_without_chronology",
            "Neglect is part of your concern: attach a chronology, and a Graded Care Profile 2 (GCP2) or Neglect Screening Tool.".into(),
            Screen::Checklist,
        );
    }
    p
}

/// "Copy all" and "Download": the header, every section, and the checks not met.
pub fn as_text(j: &Journey, out: &Outcome, now: Instant) -> String {
    text_of(&referral_summary(j, out), &quality_check(j, out), now)
}

/// The same text from sections and problems already worked out (the summary page has them).
pub fn text_of(sections: &[Section], problems: &[Problem], now: Instant) -> String {
    let mut t = String::new();
    t.push_str("REFERRAL SUMMARY FOR THE LUTON MULTI-AGENCY SAFEGUARDING HUB (MASH)\n");
    t.push_str(&format!("Prepared with the Luton threshold guide: {}\n", now.london().describe()));
    t.push_str("Child: [name, date of birth and address: enter them in the MASH form]\n");
    t.push_str("Parents/carers: [names and contact details: enter them in the MASH form]\n");
    t.push_str("Referrer: [your name, role, organisation and contact details: enter them in the MASH form]\n");
    // The titles are our own ASCII text: ASCII upper case avoids Unicode case tables (13 KB).
    for s in sections {
        t.push_str(&format!("\n{}\n{}\n", s.title.to_ascii_uppercase(), s.text));
    }
    if !problems.is_empty() {
        t.push_str("\nCHECKS NOT MET BEFORE SENDING\n");
        for p in problems {
            t.push_str(&format!("- {}\n", p.text));
        }
    }
    t.push_str("\nThis summary contains sensitive information about a child. Do not leave it on screen or paper where others can see it.\n");
    t
}

/// Whether a "decision not to refer" note is relevant: the suggestion or the professional's
/// own judgement is below Family Help.
pub fn decision_note_relevant(j: &Journey, out: &Outcome) -> bool {
    let rank = |c: &str| j.rules.category_rank(c).unwrap_or(0);
    rank(out.category.id) <= 1 || j.judgement.as_deref().is_some_and(|c| rank(c) <= 1)
}

/// A dated rationale for the professional's own safeguarding record when they do not refer.
pub fn decision_note(j: &Journey, out: &Outcome, now: Instant) -> String {
    let ap = j.applicable();
    let indicators: Vec<String> = j.selected.iter().filter_map(|id| j.rules.indicator_index.get(id)).map(|&i| format!("- {}", j.rules.indicators[i].text)).collect();
    let judgement = j.judgement.as_deref().and_then(|c| j.rules.category_rank(c)).map(|r| j.rules.categories[r].name.clone());
    let mut t = String::from("DECISION NOT TO REFER TO THE MASH: record for your safeguarding file\n");
    t.push_str(&format!("Date: {}\n", now.london().describe()));
    t.push_str("Child: [identify the child as your record system requires]\n");
    t.push_str(&format!("Considered: the Luton threshold guidance ({}, {}), version {}\n", out.ruleset.title, out.ruleset.edition, &out.ruleset.hash[..12]));
    t.push_str(&format!("Indicators considered:\n{}\n", if indicators.is_empty() { "- none selected".to_string() } else { indicators.join("\n") }));
    t.push_str(&format!("Specific risks: {}\n", if out.pathways.is_empty() { "none identified".to_string() } else { out.pathways.iter().map(|p| p.name).collect::<Vec<_>>().join("; ") }));
    t.push_str(&format!("Suggested category: {}\n", out.category.name));
    t.push_str(&format!("My judgement: {}\n", judgement.unwrap_or_else(|| format!("{} (agree)", out.category.name))));
    t.push_str("Decision: not to refer to the MASH at this time.\n");
    t.push_str(&format!("Reason: {}\n", if j.judgement_reason.trim().is_empty() { "[enter your reason]".to_string() } else { j.judgement_reason.trim().to_string() }));
    t.push_str(&format!("Planned support: {}\n", answer(j, &ap, "factor_agency_support").unwrap_or_else(|| "[enter the support you will provide]".into())));
    t.push_str("Safeguarding lead consulted: ");
    t.push_str(&answer(j, &ap, "safeguarding_lead_consulted").unwrap_or_else(|| "[yes or no]".into()));
    t.push_str("\nReview date: [enter a date to review this decision]\n");
    t
}

/// What to read out when phoning the MASH for advice: structured facts only, never the
/// practitioner's free text, so nothing that could identify the child slips in.
pub fn consultation_summary(j: &Journey, out: &Outcome) -> String {
    let rules = &j.rules;
    let ap = j.applicable();
    let age = answer(j, &ap, "child_age").map(|a| a.to_ascii_lowercase()).unwrap_or_else(|| "an age I have not given".into());
    let mut t = format!("I would like advice about a child aged {age}. I am not giving any names.\n");
    let mut counts = vec![0usize; rules.categories.len()];
    for &i in j.selected.iter().filter_map(|id| rules.indicator_index.get(id)) {
        counts[rules.indicator_place[i].category] += 1;
    }
    let summary: Vec<String> = counts.iter().enumerate().filter(|(_, &n)| n > 0).map(|(c, n)| format!("{n} at {}", rules.categories[c].name)).collect();
    t.push_str(&format!("Indicators I have seen: {}.\n", if summary.is_empty() { "none selected".to_string() } else { summary.join(", ") }));
    for b in out.because.iter().take(5) {
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
