//! A checked rule set and its look-up tables.

use crate::load::Files;
use crate::model::*;

#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub edition: String,
    pub source_file: String,
    pub hash: String,
    /// Set in an edition that is no longer current: the edition to use for decisions.
    pub superseded_by: Option<Superseded>,
}

/// A validated rule set with its look-up tables. Everything in it has been checked.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub meta: Meta,
    pub categories: Vec<Category>,
    pub domains: Vec<Domain>,
    pub indicators: Vec<Indicator>,
    /// Where each indicator sits: its category's rank and its domain.
    pub indicator_place: Vec<Place>,
    /// Each indicator's text with A–Z in lower case, for the search box (worked out once, not
    /// on every keystroke).
    pub indicator_search: Vec<String>,
    pub questions: Vec<Question>,
    pub pathways: Vec<Pathway>,
    pub overrides: Vec<Override>,
    pub consent: ConsentFile,
    pub contacts: ContactsFile,
    pub interpretations: Vec<Interpretation>,
    pub guidance: Vec<Guidance>,
    pub messages: Vec<Message>,
    pub indicator_index: Index,
    pub question_index: Index,
    pub category_index: Index,
}

/// Where an indicator sits: the rank of its category (index into `categories`, lowest first)
/// and the index of its domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub category: usize,
    pub domain: usize,
}

impl RuleSet {
    /// Builds the look-up tables of a rule set that has already been checked.
    pub fn from_files(files: Files, hash: String) -> RuleSet {
        let Files { ruleset, indicators, questions, pathways, safety, consent, contacts, interpretation, guidance } = files;
        let category_index: Index = ruleset.category.iter().enumerate().map(|(i, c)| (c.id.as_str().to_string(), i)).collect();
        let domain_index = |id: &str| ruleset.domain.iter().position(|d| d.id.as_str() == id).unwrap_or(0);
        let indicator_place = indicators
            .indicator
            .iter()
            .map(|x| Place { category: category_index.get(&x.category).copied().unwrap_or(0), domain: domain_index(&x.domain) })
            .collect();
        let indicator_index = indicators.indicator.iter().enumerate().map(|(i, x)| (x.id.as_str().to_string(), i)).collect();
        let indicator_search = indicators.indicator.iter().map(|x| x.text.to_ascii_lowercase()).collect();
        let question_index = questions.question.iter().enumerate().map(|(i, x)| (x.id.as_str().to_string(), i)).collect();
        RuleSet {
            meta: Meta {
                id: ruleset.id,
                title: ruleset.title,
                edition: ruleset.edition,
                source_file: ruleset.source_file,
                hash,
                superseded_by: ruleset.superseded_by,
            },
            categories: ruleset.category,
            domains: ruleset.domain,
            indicators: indicators.indicator,
            indicator_place,
            indicator_search,
            questions: questions.question,
            pathways: pathways.pathway,
            overrides: safety.overrides,
            consent,
            contacts,
            interpretations: interpretation.rule,
            guidance: guidance.guidance,
            messages: guidance.message,
            indicator_index,
            question_index,
            category_index,
        }
    }

    /// Whether the category with this rank is a referral level: one where the rule set says
    /// a referral to the MASH is the route (`referral = true` in ruleset.toml). Below it, the
    /// professional's own service and universal or targeted services are the route, and a
    /// decision not to refer is recorded instead.
    pub fn is_referral_level(&self, rank: usize) -> bool {
        self.categories.get(rank).is_some_and(|c| c.referral)
    }

    /// For a superseded edition, the rule set's words saying so (`superseded`, which the
    /// check makes name the current edition); for the current one, nothing.
    pub fn superseded_note(&self) -> &str {
        let note = self.messages.iter().find(|m| m.id.as_str() == "superseded");
        note.filter(|_| self.meta.superseded_by.is_some()).map_or("", |m| &m.text)
    }

    pub fn category_rank(&self, id: &str) -> Option<usize> {
        self.category_index.get(id).copied()
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index.get(id).map(|&i| &self.questions[i])
    }
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.contact.iter().find(|c| c.id.as_str() == id)
    }
    /// An action by id, wherever it is defined.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.overrides
            .iter()
            .flat_map(|o| &o.action)
            .chain(self.pathways.iter().flat_map(|p| &p.action))
            .chain(self.categories.iter().flat_map(|c| &c.next))
            .find(|a| a.id.as_str() == id)
    }
}

/// Id → position: a table sorted by the FNV-1a hash of each id. A lookup hashes the id once
/// and searches integers, then checks the id itself. The engine looks ids up thousands of
/// times per assessment, and comparing strings in a plain sorted table was most of its time;
/// a hash map would bring a hash table's code into the widget for the same result.
#[derive(Debug, Clone, Default)]
pub struct Index(Vec<(u64, String, usize)>);

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Index {
    fn find(&self, id: &str) -> Result<usize, usize> {
        let h = fnv1a(id);
        // Entries with the same hash (in practice never) sit side by side, ordered by id.
        self.0.binary_search_by(|(eh, eid, _)| eh.cmp(&h).then_with(|| eid.as_str().cmp(id)))
    }
    pub fn get(&self, id: &str) -> Option<&usize> {
        self.find(id).ok().map(|at| &self.0[at].2)
    }
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }
    /// The ids, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &String> + '_ {
        self.0.iter().map(|(_, id, _)| id)
    }
}

impl FromIterator<(String, usize)> for Index {
    /// A later position for the same id replaces an earlier one.
    fn from_iter<I: IntoIterator<Item = (String, usize)>>(iter: I) -> Self {
        let mut index = Index::default();
        for (id, at) in iter {
            match index.find(&id) {
                Ok(i) => index.0[i].2 = at,
                Err(i) => index.0.insert(i, (fnv1a(&id), id, at)),
            }
        }
        index
    }
}
