//! The guided journey as one pure state machine: a [`Journey`] and the [`Action`]s that
//! change it. No DOM and no clock here, so every transition is unit-tested natively; the
//! Yew UI only renders a `Journey` and dispatches `Action`s.
//!
//! Answers are never dropped when the user goes Back, follows a Change link or changes an
//! earlier answer: answers to questions that no longer apply stay in memory and are simply
//! ignored by the engine, so they come back if the question applies again.

use crate::engine::model::Step;
use crate::engine::sorted::{Map, Set};
use crate::engine::{Case, Instant, RuleSet};
use crate::saved::OpenError;
use crate::text::{occurrences, starts_word};
use std::rc::Rc;

/// The shortest search that filters the indicators.
pub const SEARCH_MIN: usize = 2;

/// One screen of the journey, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Screen {
    Start,
    /// Is the child in immediate danger?
    Danger,
    /// Exit-style page: call 999 now.
    DangerExit,
    /// Significant harm; already open to children's social care?
    Safety,
    /// Exit-style page: contact the allocated worker.
    OpenCaseExit,
    Child,
    Indicators,
    Risks,
    Checklist,
    Consent,
    Check,
    Outcome,
    /// The referral summary and records.
    Summary,
}

/// What the rest of the code knows about a screen, in one table ([`Screen::info`]): adding
/// a screen means adding a variant, and the compiler asks for its row there, its view in
/// `ui::app` and its place in `Journey::next_screen` (every match over `Screen` is exhaustive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenInfo {
    /// The page's h1 (the summary's says what it is for: `Journey::heading`).
    pub title: &'static str,
    /// The message (guidance.toml) that introduces the page, if any.
    pub intro: Option<&'static str>,
    /// The button that goes on; `None` on the last page.
    pub button: Option<&'static str>,
    /// Its heading on Check your answers, when its answers are listed there.
    pub check_section: Option<&'static str>,
    /// The main step it belongs to in the progress indicator (an interstitial page belongs
    /// to the step before).
    pub step: Screen,
    /// The rule-set questions asked on it.
    pub questions: Option<Step>,
}

const fn info(
    title: &'static str,
    intro: Option<&'static str>,
    button: Option<&'static str>,
    check_section: Option<&'static str>,
    step: Screen,
    questions: Option<Step>,
) -> ScreenInfo {
    ScreenInfo { title, intro, button, check_section, step, questions }
}

const CONTINUE: Option<&str> = Some("Continue");

impl Screen {
    /// Every screen, in order.
    pub const ALL: [Screen; 13] = [
        Screen::Start,
        Screen::Danger,
        Screen::DangerExit,
        Screen::Safety,
        Screen::OpenCaseExit,
        Screen::Child,
        Screen::Indicators,
        Screen::Risks,
        Screen::Checklist,
        Screen::Consent,
        Screen::Check,
        Screen::Outcome,
        Screen::Summary,
    ];

    /// Its variant's name (the widget's `data-screen`), from a table: `Debug` formatting
    /// would add its machinery to the download.
    pub fn name(self) -> &'static str {
        const NAMES: [&str; 13] =
            ["Start", "Danger", "DangerExit", "Safety", "OpenCaseExit", "Child", "Indicators", "Risks", "Checklist", "Consent", "Check", "Outcome", "Summary"];
        NAMES[self as usize]
    }

    /// The screen's row of the table.
    pub fn info(self) -> &'static ScreenInfo {
        use Screen::*;
        const DRAFT: Option<&str> = Some("Continue to draft the referral");
        match self {
            Start => const { &info("Decide what help a child needs", Some("intro_start"), Some("Start now"), None, Start, None) },
            Danger => {
                const { &info("Is the child in immediate danger?", Some("intro_danger"), CONTINUE, Some("Immediate danger"), Danger, Some(Step::Safety)) }
            }
            DangerExit => const { &info("Call 999 now", None, DRAFT, None, Danger, None) },
            Safety => {
                const {
                    &info(
                        "Safety and existing involvement",
                        Some("intro_safety"),
                        CONTINUE,
                        Some("Safety and existing involvement"),
                        Safety,
                        Some(Step::Safety),
                    )
                }
            }
            OpenCaseExit => const { &info("Contact the child's allocated social worker", None, DRAFT, None, Safety, None) },
            Child => const { &info("About the child", Some("intro_child"), CONTINUE, Some("About the child"), Child, Some(Step::Child)) },
            Indicators => const { &info("What have you seen or been told?", Some("intro_indicators"), CONTINUE, Some("Indicators"), Indicators, None) },
            Risks => const { &info("Specific risks", Some("intro_risks"), CONTINUE, Some("Specific risks"), Risks, Some(Step::Risks)) },
            Checklist => const { &info("Before you refer", Some("intro_checklist"), CONTINUE, Some("Before you refer"), Checklist, Some(Step::Checklist)) },
            Consent => const { &info("Consent", Some("intro_consent"), CONTINUE, Some("Consent"), Consent, Some(Step::Consent)) },
            Check => const { &info("Check your answers", Some("intro_check"), Some("See what to do now"), None, Check, None) },
            Outcome => const { &info("What to do now", None, Some("Prepare the referral summary"), None, Outcome, None) },
            Summary => const { &info("Your referral summary", None, None, None, Summary, None) },
        }
    }

    /// The main steps the progress indicator counts: the screens that are their own step
    /// (an interstitial page belongs to the step before).
    fn steps() -> impl Iterator<Item = Screen> {
        Screen::ALL.into_iter().filter(|s| s.info().step == *s)
    }

    /// 1-based position among the main steps.
    pub fn step_number(self) -> usize {
        let main = self.info().step;
        Screen::steps().position(|s| s == main).unwrap_or(0) + 1
    }

    /// How many main steps there are.
    pub fn step_count() -> usize {
        Screen::steps().count()
    }

    pub fn title(self) -> &'static str {
        self.info().title
    }

    /// The rule-set questions asked on this screen.
    pub fn question_step(self) -> Option<Step> {
        self.info().questions
    }
}

/// What the summary page is for, from the professional's answers and judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A referral to the MASH (or a written follow-up of one made by phone).
    Referral,
    /// The child is already open to children's social care: information for the allocated
    /// social worker, not a new referral.
    OpenCase,
    /// The professional judges the need below Family Help: a record of the decision not to refer.
    NotReferring,
}

/// A required answer that is missing, for the error summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub question: String,
    pub message: String,
}

/// Everything the user has done, in memory only.
#[derive(Debug, Clone)]
pub struct Journey {
    pub rules: Rc<RuleSet>,
    pub screen: Screen,
    /// Screens to go Back to, most recent last.
    pub history: Vec<Screen>,
    pub answers: Map<String, String>,
    /// Selected indicator ids.
    pub selected: Set<String>,
    /// The indicator search box.
    pub search: String,
    /// The domain open on the indicators screen.
    pub domain: String,
    pub errors: Vec<FieldError>,
    /// Set by a Change link on Check your answers: Continue returns there.
    pub returning_to_check: bool,
    /// The professional's own judgement of the category (a category id; the suggested one when
    /// they agree). A required choice on the outcome screen, never answered for them.
    pub judgement: Option<String>,
    pub judgement_reason: String,
    /// What Check your answers says about the saved case opened (`saved::Opened::notice`):
    /// the other rules it was saved with and what it held that these rules do not have.
    pub opened: String,
}

impl PartialEq for Journey {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.rules, &o.rules)
            && self.screen == o.screen
            && self.history == o.history
            && self.answers == o.answers
            && self.selected == o.selected
            && self.search == o.search
            && self.domain == o.domain
            && self.errors == o.errors
            && self.returning_to_check == o.returning_to_check
            && self.judgement == o.judgement
            && self.judgement_reason == o.judgement_reason
            && self.opened == o.opened
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Continue: validate this screen, then go on.
    Next,
    Back,
    /// A Change link on Check your answers.
    Change(Screen),
    Answer {
        question: String,
        value: String,
    },
    ToggleIndicator(String),
    Search(String),
    OpenDomain(String),
    SetJudgement(Option<String>),
    SetJudgementReason(String),
    /// Start again: forget everything.
    Restart,
    /// Open a saved case: the file's text, or why it could not be read. The journey becomes
    /// the saved case, on Check your answers; a file that is not a case changes nothing but
    /// the error shown (`saved::open`).
    Open(Result<String, OpenError>),
}

impl Journey {
    pub fn new(rules: Rc<RuleSet>) -> Journey {
        let domain = rules.domains.first().map(|d| d.id.as_str().to_string()).unwrap_or_default();
        Journey {
            rules,
            screen: Screen::Start,
            history: Vec::new(),
            answers: Map::new(),
            selected: Set::new(),
            search: String::new(),
            domain,
            errors: Vec::new(),
            returning_to_check: false,
            judgement: None,
            judgement_reason: String::new(),
            opened: String::new(),
        }
    }

    /// A fresh journey that begins at `screen` instead of the start page (the host page's
    /// `data-start`), with nothing to go Back to.
    pub fn starting_at(rules: Rc<RuleSet>, screen: Screen) -> Journey {
        Journey { screen, ..Journey::new(rules) }
    }

    /// The case the engine assesses.
    pub fn case(&self) -> Case {
        Case {
            indicators: self.selected.iter().cloned().collect(),
            answers: self.answers.iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k.clone(), v.clone())).collect(),
        }
    }

    /// Whether the user has entered anything worth warning about before leaving the page.
    pub fn has_answers(&self) -> bool {
        !self.answers.is_empty() || !self.selected.is_empty() || !self.judgement_reason.is_empty()
    }

    pub fn answer(&self, question: &str) -> Option<&str> {
        self.answers.get(question).map(String::as_str)
    }

    /// Indices of the questions that apply now.
    pub fn applicable(&self) -> Set<usize> {
        let case = self.case();
        let selected = self.rules.resolve(&case).unwrap_or_default();
        self.rules.applicable_questions(&case, &selected).into_iter().collect()
    }

    /// The questions shown on a screen: those of its step that apply now, in rule order.
    pub fn questions_on(&self, screen: Screen) -> Vec<usize> {
        let Some(step) = screen.question_step() else { return vec![] };
        let applicable = self.applicable();
        (0..self.rules.questions.len())
            .filter(|i| applicable.contains(i))
            .filter(|&i| self.rules.questions[i].step == step)
            // The danger question has a screen of its own, and is asked nowhere else.
            .filter(|&i| (self.rules.questions[i].id.as_str() == "immediate_danger") == (screen == Screen::Danger))
            .collect()
    }

    /// Required questions on this screen that apply and have no answer; on the outcome screen,
    /// the professional's judgement, and their reason when it differs from the suggestion.
    pub fn missing(&self, screen: Screen) -> Vec<FieldError> {
        if screen == Screen::Outcome {
            let error = |question: &str, message: &str| vec![FieldError { question: question.into(), message: message.into() }];
            return match &self.judgement {
                None => error("judgement", "Select your professional judgement of the level of need"),
                // The category does not depend on the time of day, only the contact does.
                Some(c) if self.judgement_reason.trim().is_empty() && self.rules.assess(&self.case(), Instant(0)).is_ok_and(|o| o.category.id != c) => {
                    error("judgement-reason", "Enter the reason for your judgement")
                }
                _ => vec![],
            };
        }
        self.questions_on(screen)
            .into_iter()
            .map(|i| &self.rules.questions[i])
            .filter(|q| q.required && self.answer(q.id.as_str()).is_none_or(|v| v.trim().is_empty()))
            .map(|q| FieldError {
                question: q.id.as_str().to_string(),
                message: q.error.clone().unwrap_or_else(|| format!("Answer the question: {}", q.question)),
            })
            .collect()
    }

    /// Where Continue goes from `screen`, given the answers (validation already passed).
    pub(crate) fn next_screen(&self, screen: Screen) -> Screen {
        let back_to_check = |s| if self.returning_to_check { Screen::Check } else { s };
        match screen {
            Screen::Start => Screen::Danger,
            // Safety first: a "yes" always shows the 999 page, even when coming from Check.
            Screen::Danger if self.answer("immediate_danger") == Some("yes") => Screen::DangerExit,
            Screen::Danger | Screen::DangerExit => back_to_check(Screen::Safety),
            Screen::Safety if self.answer("open_case") == Some("yes") => Screen::OpenCaseExit,
            Screen::Safety | Screen::OpenCaseExit => back_to_check(Screen::Child),
            Screen::Child => back_to_check(Screen::Indicators),
            Screen::Indicators => back_to_check(Screen::Risks),
            Screen::Risks => back_to_check(Screen::Checklist),
            Screen::Checklist => back_to_check(Screen::Consent),
            Screen::Consent => Screen::Check,
            Screen::Check => Screen::Outcome,
            Screen::Outcome | Screen::Summary => Screen::Summary,
        }
    }

    fn go(&mut self, to: Screen) {
        if to != self.screen {
            self.history.push(self.screen);
            self.screen = to;
        }
        self.errors.clear();
        if matches!(to, Screen::Check | Screen::Outcome | Screen::Summary) {
            self.returning_to_check = false;
        }
    }

    /// The one place the journey changes.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Next => {
                self.errors = self.missing(self.screen);
                if self.errors.is_empty() {
                    let to = self.next_screen(self.screen);
                    self.go(to);
                }
            }
            Action::Back => {
                if let Some(prev) = self.history.pop() {
                    self.screen = prev;
                    self.errors.clear();
                }
            }
            Action::Change(screen) => {
                self.go(screen);
                self.returning_to_check = true;
            }
            Action::Answer { question, value } => {
                self.errors.retain(|e| e.question != question);
                // Choices must be one of the options; anything else is ignored, never stored.
                if self.rules.question(&question).is_some_and(|q| q.accepts(&value)) {
                    self.answers.insert(question, value);
                }
            }
            Action::ToggleIndicator(id) => {
                if self.rules.indicator_index.contains_key(&id) && !self.selected.remove(&id) {
                    self.selected.insert(id);
                }
            }
            Action::Search(text) => self.search = text,
            Action::OpenDomain(id) => {
                if self.rules.domains.iter().any(|d| d.id.as_str() == id) {
                    self.domain = id;
                }
            }
            Action::SetJudgement(category) => {
                self.judgement = category.filter(|c| self.rules.category_rank(c).is_some());
                self.errors.retain(|e| e.question != "judgement");
            }
            Action::SetJudgementReason(text) => {
                self.judgement_reason = text;
                self.errors.retain(|e| e.question != "judgement-reason");
            }
            Action::Restart => *self = Journey::new(self.rules.clone()),
            Action::Open(file) => match crate::saved::open(&self.rules, file) {
                Ok(opened) => *self = opened,
                Err(e) => self.errors = vec![e],
            },
        }
    }

    /// What the summary page is for: information for the allocated worker when the case is
    /// open, a decision not to refer when the professional judges the need below Family Help,
    /// otherwise a referral.
    pub fn purpose(&self) -> Purpose {
        if self.answer("open_case") == Some("yes") {
            Purpose::OpenCase
        } else if self.judgement.as_deref().and_then(|c| self.rules.category_rank(c)).is_some_and(|r| !self.rules.is_referral_level(r)) {
            Purpose::NotReferring
        } else {
            Purpose::Referral
        }
    }

    /// The heading of the current screen; the summary's says what it is for.
    pub fn heading(&self) -> &'static str {
        match (self.screen, self.purpose()) {
            (Screen::Summary, Purpose::OpenCase) => "Information for the allocated social worker",
            (Screen::Summary, Purpose::NotReferring) => "Your decision not to refer",
            (screen, _) => screen.title(),
        }
    }

    /// Indicators with a word starting with each word of the search ("he" finds "health",
    /// not "the"), in rule order, ignoring the case of A–Z (the document is in English, and
    /// full Unicode case tables would add KB to the widget). A search starts at two letters:
    /// one letter matches nearly everything.
    pub fn search_results(&self) -> Vec<usize> {
        let words: Vec<String> = self.search.split_whitespace().map(str::to_ascii_lowercase).collect();
        if !self.searching() {
            return vec![];
        }
        let word_starting = |text: &str, w: &str| occurrences(text, w).any(|at| starts_word(text, at));
        (0..self.rules.indicators.len()).filter(|&i| words.iter().all(|w| word_starting(&self.rules.indicator_search[i], w))).collect()
    }

    /// True when the search is long enough to filter the indicators.
    pub fn searching(&self) -> bool {
        self.search.trim().chars().count() >= SEARCH_MIN
    }

    /// Selected indicators per domain id.
    pub fn selected_in_domain(&self, domain: &str) -> usize {
        self.selected.iter().filter(|id| self.rules.indicator_index.get(id).is_some_and(|&i| self.rules.indicators[i].domain == domain)).count()
    }
}
