//! Speakers: turning a source mention ("U.S. Secretary of Defense Mark
//! Esper", "a U.S. official", "he") into a name, role and kind, and
//! resolving later mentions ("Esper", "she", "the official", "the
//! president") to speakers met earlier in the same article.
//!
//! It sees mention strings only; where mentions lie in a sentence is the
//! frame finder's business.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;

// Keys are the article's own mention strings and words, never looked up
// in any order that reaches the output, so a hash without SipHash's
// flooding defence does: SipHash was 1.5% of extraction.
use rustc_hash::FxHashMap as HashMap;

use super::cues::{self, CueKind, class};
use super::model::{Speaker, SpeakerKind, SpeakerRef};
use super::scan;
use crate::speaker::names::{
    acronym, article_joined, is_family_first, is_korean_name, is_proper_body_name, name_initials,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Unknown,
    Masc,
    Fem,
}

#[derive(Debug)]
struct Entry {
    speaker: Speaker,
    surname: Option<String>,
    gender: Gender,
    last_seen: usize,
    /// How many times [`Registry::recency`] lists the entry: once, none
    /// once [`Registry::identify_description`] took it out (or before a
    /// pronoun with no one to point to first found it), and more after
    /// [`Registry::introduce`] found it again (that moves `last_seen`
    /// alone, so a later report lists it anew and leaves the old time).
    listed: u32,
    /// The newest time it is listed under, where a walk back from the
    /// newest meets it first; none when it is not listed, or listed only
    /// under older times after the newest was taken out.
    listed_at: Option<usize>,
    /// Named as a source at least once; a person only introduced ("the
    /// pick for the post, Ann Roe, arrived") is not listed as a speaker
    /// but is there for "she" and "the pick" to find.
    spoke: bool,
    /// Only named as a sentence's subject ([`Registry::mention_person`]):
    /// an antecedent for "he" and "she", but a surname goes to anyone else
    /// first ("Cheney said" after Liz Cheney spoke and Dick Cheney was
    /// named).
    mentioned: bool,
    /// The title the article gave them before their name, lowercase.
    title: Option<String>,
    /// Where the sentence they last spoke in starts (see
    /// [`Registry::resolve_pronoun`]).
    said_at: Option<usize>,
    /// What "the HEAD" can match, lowercased and singular once, the first
    /// time a definite description walks past the entry, not at every walk:
    /// the head of the role and the words of the name (of an anonymous
    /// source's name, its head noun alone).
    role_head: std::cell::OnceCell<Option<String>>,
    name_words: std::cell::OnceCell<Vec<String>>,
    /// Which words of rank the name, role or title has
    /// ([`Entry::rank_words`]), once a description with the head asked.
    ranks: std::cell::OnceCell<u8>,
}

impl Entry {
    fn new(speaker: Speaker, surname: Option<String>, gender: Gender, last_seen: usize) -> Entry {
        Entry {
            speaker,
            surname,
            gender,
            last_seen,
            listed: 0,
            listed_at: None,
            spoke: true,
            mentioned: false,
            title: None,
            said_at: None,
            role_head: std::cell::OnceCell::new(),
            name_words: std::cell::OnceCell::new(),
            ranks: std::cell::OnceCell::new(),
        }
    }

    /// Keep [`Entry::role_head`] and [`Entry::ranks`] in step with the
    /// speaker's role.
    fn role_changed(&mut self) {
        self.role_head = std::cell::OnceCell::new();
        self.ranks = std::cell::OnceCell::new();
    }

    /// Which of [`RANKS`] (bits 0 to 3) and [`ONE_WAY_RANKS`] (bits 4 to
    /// 7) the name, role or title has as a word, any case: worked out once,
    /// where [`same_rank`] asked of each description that reached the
    /// entry (1.6 M instructions for a 3.9 MB input).
    fn rank_words(&self) -> u8 {
        *self.ranks.get_or_init(|| {
            let texts = [Some(self.speaker.name.as_str()), self.speaker.role.as_deref(), self.title.as_deref()];
            let words = texts.into_iter().flatten().flat_map(|t| t.split(|c: char| !c.is_alphanumeric()));
            words.fold(0, |has, w| has | rank_bits(w))
        })
    }

    /// Whether "the `head`" (singular, lowercase) can be this speaker.
    fn has_head(&self, head: &str) -> bool {
        self.role_head() == Some(head) || self.name_words().iter().any(|w| w == head)
    }

    /// The head of the role: "the chairman" is the "campaign chairman",
    /// "the campaign" is not.
    fn role_head(&self) -> Option<&str> {
        self.role_head
            .get_or_init(|| {
                self.speaker.role.as_deref().and_then(|r| {
                    role_head_words(r).split_whitespace().next_back().map(|w| singular(&w.to_lowercase()).to_string())
                })
            })
            .as_deref()
    }

    /// The words of the name "the HEAD" can match.
    fn name_words(&self) -> &[String] {
        self.name_words.get_or_init(|| {
            let mut words: Vec<String> =
                self.speaker.name.to_lowercase().split_whitespace().map(|w| singular(w).to_string()).collect();
            // An anonymous source is its head noun: "a council
            // spokesperson" is "the spokesperson", never "the council"; "a
            // source close to him" is "the source".
            // A body or a document is what comes before its phrase: "the
            // average of polls" is "the average", never "the poll".
            if self.speaker.kind == SpeakerKind::Organization
                && let Some(p) = words.iter().position(|w| {
                    matches!(w.as_str(), "of" | "by" | "from" | "that" | "which" | "on" | "in" | "at" | "for")
                })
            {
                words.truncate(p);
            }
            // A document is its head noun: "the county" is not "county
            // records", nor "the state" a "state audit".
            if self.speaker.kind == SpeakerKind::Organization
                && words.len() > 1
                && words.last().is_some_and(|w| cues::lookup(w).class & class::DOCUMENT != 0)
            {
                words.drain(..words.len() - 1);
            }
            if self.speaker.anonymous {
                let modified = words.iter().skip(1).position(|w| is_postmodifier(w)).map_or(words.len(), |p| p + 1);
                words.truncate(modified);
                words.drain(..modified.saturating_sub(1));
            }
            words
        })
    }

    /// The [`head_slot`] of each word that "the HEAD" may name this
    /// speaker by: those of [`Entry::has_head`], and a person's by their
    /// title ([`title_means`]). Some more may come (a slot given twice):
    /// what is listed under a slot is tested. A person's name is all of it
    /// ([`Entry::name_words`] lowercases it whole), hashed as it is read,
    /// with no lowercased copy of each word: a long input has thousands.
    fn heads(&self, mut f: impl FnMut(usize)) {
        if let Some(w) = self.speaker.role.as_deref().and_then(|r| role_head_words(r).split_whitespace().next_back()) {
            f(lowercase_head_slot(w.as_bytes()));
        }
        let name = self.speaker.name.as_str();
        if self.speaker.kind != SpeakerKind::Person {
            // A body's or a source's name is cut to a few of its words, or
            // one ("a senior official who spoke on condition of anonymity"
            // is "the official"): those alone.
            self.name_words().iter().for_each(|w| f(head_slot(w.as_bytes())));
        } else if name.is_ascii() {
            // White space as `char::is_whitespace` has it in ASCII.
            for w in name.as_bytes().split(|b| matches!(b, b'\t'..=b'\r' | b' ')).filter(|w| !w.is_empty()) {
                f(lowercase_head_slot(w));
            }
        } else {
            // Lowercased whole, as [`Entry::name_words`] does.
            name.to_lowercase().split_whitespace().for_each(|w| f(head_slot(singular(w).as_bytes())));
        }
        for w in self.title.iter().flat_map(|t| t.split_whitespace()).map(|w| w.trim_end_matches(['.', ','])) {
            f(head_slot(w.as_bytes()));
            for (_, heads) in SHORT_TITLES.iter().filter(|(t, _)| *t == w) {
                heads.iter().for_each(|h| f(head_slot(h.as_bytes())));
            }
        }
    }
}

/// How many lists [`Registry::by_head`] keeps: a few thousand words fall
/// into them by a hash, and few share one.
const HEAD_SLOTS: usize = 1 << 16;

/// The list of [`Registry::by_head`] for "the `head`": a hash of the word
/// with its ASCII letters lowercased (the speakers of words that share a
/// list are told apart by the test).
fn head_slot(head: &[u8]) -> usize {
    let mut h: u64 = 0;
    for &b in head {
        h = (h.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    (h >> 48) as usize
}

/// [`head_slot`] of `singular(&w.to_lowercase())` for the word `w` (UTF-8):
/// an ASCII word a byte at a time, with no lowercased copy.
fn lowercase_head_slot(w: &[u8]) -> usize {
    if w.is_ascii() {
        // [`singular`] of the lowercased word.
        let s = |k: usize| w.len() >= k && w[w.len() - k].eq_ignore_ascii_case(&b's');
        head_slot(&w[..w.len() - usize::from(s(1) && !s(2))])
    } else {
        head_slot(singular(&String::from_utf8_lossy(w).to_lowercase()).as_bytes())
    }
}

/// What comes before the first phrase or clause after a role's head
/// (" of ", " at ", " for " ...; all of it if none): "partner at the law
/// firm" is a partner, not "the firm". The spaces are searched, not each
/// word: this runs for every description that walks past a speaker.
fn role_head_words(r: &str) -> &str {
    const AFTER_HEAD: [&[u8]; 9] =
        [b" of ", b" at ", b" for ", b" with ", b" in ", b" from ", b" who ", b" that ", b" which "];
    memchr::memchr_iter(b' ', r.as_bytes())
        .find(|&at| AFTER_HEAD.iter().any(|p| r.as_bytes()[at..].starts_with(p)))
        .map_or(r, |at| &r[..at])
}

/// Whether a word is a plural noun of people by its ending ("regulators",
/// "economists", "physicians", "residents", "shareholders"), any case.
/// Endings that surnames share ("Sanders", "Rogers") and peoples share
/// ("Russians", "Palestinians": proper nouns) are left out.
fn plural_of_people(w: &str) -> bool {
    const ENDINGS: [&str; 25] = [
        "ors",
        "ists",
        "cians",
        "historians",
        "ants",
        "ents",
        "holders",
        "makers",
        "owners",
        "workers",
        "goers",
        "keepers",
        "seekers",
        "eers",
        "searchers",
        "teachers",
        "farmers",
        "lawyers",
        "nurses",
        "fighters",
        "drivers",
        "officers",
        "soldiers",
        "buyers",
        "casters",
    ];
    let w = w.to_ascii_lowercase();
    w.len() >= 6 && ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Whether a singular common noun names one person: "the lawyer", "her
/// neighbour", "the engineer" (a plural is a group: "they" stays theirs).
fn is_person_noun(w: &str) -> bool {
    const PEOPLE: &[&str] = &[
        "lawyer",
        "man",
        "woman",
        // "The president-elect's pick", "the governor's choice".
        "pick",
        "choice",
        "attorney",
        "witness",
        "neighbour",
        "neighbor",
        "friend",
        "doctor",
        "nurse",
        "expert",
        "critic",
        "resident",
        "tenant",
        "student",
        "teacher",
        "parent",
        "victim",
        "survivor",
        "aide",
        "ally",
        "voter",
        "host",
        "author",
        // (Not "suspect": also a verb, "Engineers suspect that C", and
        // "the suspect" later was taken for the "Engineers suspect" named so.)
        "defendant",
        "plaintiff",
        "patient",
        "passenger",
        "driver",
        "pilot",
        "officer",
        "soldier",
        "consultant",
        "worker",
        "farmer",
        "veteran",
        "volunteer",
        "refugee",
        "migrant",
        "immigrant",
        "retiree",
        "investigator",
        "inspector",
    ];
    // A capitalised word is a name ("Verveer", "Fleischer"), not a noun.
    if is_cap(w) {
        return false;
    }
    let w = w.to_ascii_lowercase();
    if PEOPLE.contains(&w.as_str()) || is_relative_noun(&w) {
        return true;
    }
    // Agent nouns: "engineer", "researcher", "economist", "historian".
    let c = cues::lookup(&w).class;
    !w.ends_with('s')
        && c & (class::ORG | class::FIELD | class::DOCUMENT | class::TIME) == 0
        && ((w.len() >= 7 && ["eer", "ist", "ian"].iter().any(|x| w.ends_with(x)))
            || (w.len() >= 8 && ["cher", "ker", "ter", "ner", "ger"].iter().any(|x| w.ends_with(x))))
}

/// The party a lowercase word names: 0 Democratic, 1 Republican.
fn party_of(w: &str) -> Option<u8> {
    match w {
        "democratic" | "democrat" | "democrats" => Some(0),
        "republican" | "republicans" | "gop" => Some(1),
        _ => None,
    }
}

/// The party the article gave a speaker, by a word of the name or role
/// ("Democratic", "Republican") or a label such as "D-Ohio".
fn party_known(e: &Entry) -> Option<u8> {
    let words = e.speaker.name.split_whitespace().chain(e.speaker.role.as_deref().unwrap_or("").split_whitespace());
    words.map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '-')).find_map(|w| match w.as_bytes() {
        [b'D', b'-', ..] => Some(0),
        [b'R', b'-', ..] => Some(1),
        _ => party_of(&w.to_ascii_lowercase()),
    })
}

/// Whether a lowercase noun names a relative: "The mother of three
/// replied", "his widow said".
fn is_relative_noun(w: &str) -> bool {
    const RELATIVES: [&str; 21] = [
        "mother",
        "father",
        "wife",
        "husband",
        "widow",
        "widower",
        "daughter",
        "son",
        "sister",
        "brother",
        "grandmother",
        "grandfather",
        "aunt",
        "uncle",
        "cousin",
        "nephew",
        "niece",
        "fiancee",
        "fiance",
        "girlfriend",
        "boyfriend",
    ];
    RELATIVES.contains(&w)
}

/// Whether "the `head`" can name a person with title `title` (lowercase):
/// "the secretary" for "Labor Secretary Ann Roe", "the congressman" for
/// "Rep. Lou Tanner", "the senator" for "Sen. Ann Roe".
fn title_means(title: &str, head: &str) -> bool {
    // A body's word in the title is no head of it: "the council" is not
    // the "council spokesman", "the state" not the "secretary of state".
    let title_head = title.split(" of ").next().and_then(|t| t.split_whitespace().next_back()).unwrap_or("");
    title.split_whitespace().map(|w| w.trim_end_matches(['.', ','])).any(|w| {
        (w == head
            && cues::lookup(w).class & class::ROLE != 0
            && (w == title_head || cues::lookup(w).class & (class::ORG | class::FIELD) == 0))
            || SHORT_TITLES.iter().any(|(t, heads)| *t == w && heads.contains(&head))
    })
}

/// Words of a title (lowercase, without a full stop) that "the HEAD" reads
/// as other words: "the congressman" for "Rep.", "the senator" for "Sen.".
const SHORT_TITLES: [(&str, &[&str]); 15] = [
    // "the Ukrainian leader" after "President Zelensky", "the pontiff"
    // after "Pope Leo".
    ("president", &["leader"]),
    ("prime", &["leader"]),
    ("premier", &["leader"]),
    ("chancellor", &["leader"]),
    ("king", &["leader", "monarch"]),
    ("queen", &["monarch"]),
    ("pope", &["pontiff"]),
    ("rep", &["congressman", "congresswoman", "representative", "lawmaker", "legislator"]),
    ("representative", &["congressman", "congresswoman", "lawmaker", "legislator"]),
    ("sen", &["senator", "lawmaker", "legislator"]),
    ("senator", &["lawmaker", "legislator"]),
    ("gov", &["governor"]),
    ("gen", &["general"]),
    ("dr", &["doctor"]),
    ("pres", &["president"]),
];

/// Whether a word opens what follows a noun phrase's head: "(source)
/// close to him", "(official) familiar with", "(sources) who have seen".
fn is_postmodifier(w: &str) -> bool {
    cues::SOURCE_POSTMODIFIERS.contains(&w)
        || matches!(w, "speaking" | "granted" | "authorized")
        || cues::lookup(w).class & (class::PREP | class::SUB | class::PRON) != 0
}

/// Every speaker of one article, in order of first appearance.
#[derive(Debug, Default)]
pub struct Registry<'a> {
    entries: Vec<Entry>,
    clock: usize,
    any_anonymous: bool,
    /// Entries by when they were last mentioned (clock values are unique),
    /// so a pronoun or "the official" walks back from the newest speaker
    /// instead of scanning every speaker of the article (issue #19: that
    /// scan made extraction quadratic in the number of speakers).
    recency: BTreeMap<usize, usize>,
    /// Entries by lowercased name and by surname: exact lookups.
    by_name: HashMap<String, Vec<usize>>,
    by_surname: HashMap<String, Vec<usize>>,
    /// People named in three words or more after a given name, by each
    /// word between the first and the surname: "Sheinbaum" of "Claudia
    /// Sheinbaum Pardo", "Lula" of "Luiz Inácio Lula da Silva" (a double
    /// surname, or the name a person goes by).
    by_inner: HashMap<String, Vec<usize>>,
    /// Entries whose name is a description of several words ("the
    /// president-elect's pick"), by the last word of its lowercased name
    /// (after its last space), for [`Registry::identify_description`]. A
    /// description is never completed into another name.
    descriptions: HashMap<String, Vec<usize>>,
    /// Organisations by the first word of their name (which never
    /// changes: only a person's name is completed), so that "Keldor said"
    /// finds "Keldor Foods" without a walk over every speaker (issue #19:
    /// a long input has thousands, and asks at every one-word mention).
    /// Made the first time there are more than [`ORGS_WALKED`] speakers to
    /// walk, and kept up to date from then on: an article has fewer.
    orgs_by_first_word: Option<HashMap<String, Vec<usize>>>,
    /// Entries in lists by each word "the HEAD" may name them by ([`head_slot`], [`Entry::heads`]),
    /// so that a definite description past [`LOOKBACK`] listed speakers
    /// tries those alone rather than walking the last LOOKBACK (issue #19:
    /// a long input walked them all at most descriptions). Made the first
    /// time the recency index lists more, and kept up to date from then
    /// on: an entry whose role, name or title changes is listed under its
    /// new words too (the old ones stay, and the test rules it out there).
    by_head: Option<Vec<Vec<usize>>>,
    /// The article's text, and for a long input its capitalised words, to
    /// tell the single words it uses as places ("in Baghdad"), grouped the
    /// first time a one-word name needs them: one of them alone is a
    /// place, never a new person.
    doc: &'a str,
    capitals: std::cell::OnceCell<CapitalWords>,
    /// The surnames the article gives an honorific, with the gender it
    /// tells (see [`honorific_genders`]), worked out at the first new person.
    honorifics: std::cell::OnceCell<HashMap<String, Gender>>,
    /// The entry of [`UNRESOLVED`], once a pronoun needed it.
    unresolved: Option<usize>,
    /// The business "the company" was last found to be by the sentences
    /// around it ([`Registry::business_as_subject`]).
    business: Option<usize>,
    /// Where the sentence being resolved starts in `doc`: a surname said
    /// alone looks for its full name only in the text before it.
    pos: usize,
    /// Where the sentence before it starts.
    prev_pos: usize,
    /// Where the sentence being resolved ends.
    end: usize,
    /// Entries whose name was completed after statements used it: their
    /// old ids (see [`Registry::complete_name`]).
    renames: HashMap<String, usize>,
}

/// Whether `run[n]`, a title word, is a given name there: "Marine" (of
/// the corps, and a given name) before a name of two words that holds no
/// title ("Marine Le Pen"; "Marine Sgt. Ann Roe" and "Marine Corps
/// veteran" keep the title).
fn given_name_of_a_title(run: &[&str], n: usize) -> bool {
    run[n].eq_ignore_ascii_case("marine")
        && run.len() - n == 3
        && run[n + 1..].iter().all(|w| is_cap(w) && cues::lookup(w).class & (class::ROLE | class::ORG) == 0)
}

/// Parties' labels a name may follow, beyond the role words of the
/// lexicon ("Republican", "Democrat"): "Conservative Mark Field".
const PARTY_LABELS: [&str; 8] = ["Conservative", "Tory", "Labour", "Liberal", "Lib", "Dem", "Ukip", "SNP"];

/// Words of rank before a description's head that make it another post:
/// "the shadow health secretary" is not "the health secretary", nor "the
/// deputy mayor" the mayor, either way round.
const RANKS: [&str; 4] = ["shadow", "deputy", "vice", "assistant"];

/// Words of rank that only tell someone apart when the description has
/// them: "the former minister" is not the minister in office, but a
/// former minister may later be "the minister" again in loose writing.
const ONE_WAY_RANKS: [&str; 4] = ["former", "acting", "junior", "ex"];

/// Whether the entry `e` holds the post of rank `described` (the words of
/// [`RANKS`] and [`ONE_WAY_RANKS`] in a description, as
/// [`Entry::rank_words`] gives them).
fn same_rank(e: &Entry, described: u8) -> bool {
    let has = e.rank_words();
    (has ^ described) & 0x0F == 0 && described & !has & 0xF0 == 0
}

/// The bit of [`Entry::rank_words`] for `w` if it is a word of rank, any
/// case.
fn rank_bits(w: &str) -> u8 {
    RANKS.iter().chain(&ONE_WAY_RANKS).position(|r| w.eq_ignore_ascii_case(r)).map_or(0, |k| 1 << k)
}

/// How many words at the start of a sentence `Registry::owned_by_pronoun`
/// looks for the owner's surname in: a title and a name ("Gov. Ruth
/// Adler", "Former Sen. Tom Reyes").
const OWNER_REACH: usize = 5;

/// Generic nouns an article calls an organisation it has named by ("Acme
/// Corp. said ... The company said"), each with the words of a name or a
/// role that such an organisation has ("Corp.", "Airlines", "Gazette"; "the
/// ferry's owner").
const GENERIC_ORGS: [(&[&str], &[&str]); 7] = [
    (
        &["company", "firm", "corporation"],
        &[
            "corp",
            "corporation",
            "inc",
            "co",
            "ltd",
            "llc",
            "plc",
            "company",
            "firm",
            "group",
            "holdings",
            "industries",
            "enterprises",
            "lines",
            "airlines",
            "airways",
            "motors",
            "technologies",
            "systems",
            "partners",
            "pharmaceuticals",
            "chemicals",
            "laboratories",
            "owner",
            "operator",
            "maker",
            "manufacturer",
            "retailer",
            "insurer",
            "developer",
            "producer",
            "supplier",
            "utility",
        ],
    ),
    (
        &["agency"],
        &[
            "agency",
            "department",
            "administration",
            "service",
            "bureau",
            "office",
            "authority",
            "commission",
            "guard",
            "directorate",
            "institutes",
            "centers",
            "regulator",
        ],
    ),
    (
        &["newspaper", "paper"],
        &[
            "gazette",
            "times",
            "post",
            "herald",
            "journal",
            "tribune",
            "ledger",
            "chronicle",
            "telegraph",
            "guardian",
            "globe",
            "examiner",
            "observer",
            "inquirer",
            "courier",
            "dispatch",
            "register",
            "newspaper",
            "paper",
        ],
    ),
    (&["airline", "carrier"], &["airlines", "airways", "air", "airline", "carrier"]),
    (&["union"], &["union", "federation", "teamsters", "workers"]),
    (&["bank", "lender"], &["bank", "bancorp", "lender"]),
    (&["network", "broadcaster"], &["network", "networks", "broadcasting", "television", "radio", "broadcaster"]),
];

/// What a body is, after its name: "the Resolution Foundation think
/// tank", "the Guardian newspaper" ([`parse`]).
const DESCRIBED_BODIES: [&str; 12] = [
    "think tank",
    "think-tank",
    "charity",
    "nonprofit",
    "company",
    "firm",
    "newspaper",
    "broadcaster",
    "pressure group",
    "lobby group",
    "trade group",
    "advocacy group",
];

/// Nouns that describe a body and never a person: "the rail operator,
/// Coastway Rail," is no person named "Coastway Rail". (Not "owner",
/// "developer", "producer": people are those too.)
const BODY_NOUNS: [&str; 16] = [
    "operator",
    "railroad",
    "railway",
    "maker",
    "manufacturer",
    "retailer",
    "insurer",
    "utility",
    "firm",
    "chain",
    "airline",
    "carrier",
    "lender",
    "broadcaster",
    "charity",
    "startup",
];

/// Nouns an article calls a business or another body it has named,
/// beyond [`GENERIC_ORGS`]: "Kotak Institutional Equities said ... the
/// brokerage said", "Big Machine says ... the label says".
const BODY_HEADS: [&str; 18] = [
    "brokerage",
    "regulator",
    "watchdog",
    "label",
    "retailer",
    "chain",
    "startup",
    "insurer",
    "automaker",
    "carmaker",
    "studio",
    "conglomerate",
    "group",
    "organization",
    "organisation",
    "charity",
    "nonprofit",
    "firm",
];

/// Bodies the lexicon knows by an acronym of two or three letters, which
/// as a capitalised word ("Un" of "Kim Jong Un") are part of a person's
/// name. (Not "Fox": a network's name, and a word.)
const ACRONYM_BODIES: [&str; 26] = [
    "un", "eu", "ap", "afp", "abc", "nbc", "cbs", "npr", "bbc", "cnn", "cia", "fbi", "epa", "irs", "dnc", "rnc", "pac",
    "gop", "cbo", "gao", "opm", "dhs", "doj", "dod", "dni", "nsa",
];

/// The lexicon's class of a word of a name, but for a body's acronym
/// written as a name's word ([`ACRONYM_BODIES`]): no body there.
fn name_word_class(w: &str) -> u32 {
    let c = cues::lookup(w).class;
    let b = w.as_bytes();
    let titled = (2..=3).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
        && ACRONYM_BODIES.contains(&w.to_ascii_lowercase().as_str());
    // ("Kim Jong-un": the syllable after the hyphen.)
    let syllable = w.rsplit_once('-').is_some_and(|(_, last)| {
        !last.is_empty() && last.bytes().all(|b| b.is_ascii_lowercase()) && ACRONYM_BODIES.contains(&last)
    });
    if titled || syllable { c & !class::ORG } else { c }
}

/// Whether `w` is a given name that news gives to women or to men.
pub fn is_given_name(w: &str) -> bool {
    given_name_gender(w) != Gender::Unknown
}

/// Whether capitalised `words` are a body's or a place's name and then a
/// person's, a given name and a surname: "the UN Samantha Power", "Syria
/// Ann Roe" (not "Ann Roe", nor "Gov. Ann Roe": two words alone).
fn ends_in_given_and_surname(words: &[&str]) -> bool {
    words.len() >= 3
        && given_name_gender(words[words.len() - 2]) != Gender::Unknown
        && cues::lookup(words[words.len() - 3]).class & class::ROLE == 0
}

/// Whether a role says its bearer is a person: its head is a role's word,
/// a source's or a noun for people ("spokeswoman for the company"; not
/// "Sacramento-based").
fn role_names_a_person(role: &str) -> bool {
    role_head_words(role).split_whitespace().next_back().is_some_and(|h| {
        let h = h.to_lowercase();
        cues::lookup(&h).class & (class::ROLE | class::ANON | class::MASC | class::FEM) != 0
            || is_person_noun(&h)
            || plural_of_people(&h)
    })
}

/// Whether `head` (lowercase) is a noun for a body that ends no title or
/// role of a person: "firm JP Morgan", "the group that owns her music, Big
/// Machine," (not "camera operator Ann Roe", "publisher Ann Roe", "a
/// letter carrier", "a paper").
fn is_body_head(head: &str) -> bool {
    BODY_HEADS.contains(&head)
        || matches!(
            head,
            "company"
                | "corporation"
                | "bank"
                | "lender"
                | "agency"
                | "newspaper"
                | "airline"
                | "broadcaster"
                | "network"
        )
}

/// "Downing Street", "Scotland Yard", "Buckingham Palace": a body named
/// by the place it sits, which no person's name ends in. (Not "Maria
/// Street": a given name opens a person's.)
fn seat_of_power(run: &[&str]) -> bool {
    matches!(run, [first, "Street" | "Palace" | "Yard"] if given_name_gender(first) == Gender::Unknown)
}

/// Whether "the `head`" (lowercase) can be a body the article named
/// without saying what it is ([`Registry::resolve_definite`]): a business
/// ("the company" after "Amazon said"), not a newspaper, an airline or a
/// union, which [`GENERIC_ORGS`] finds by the words of their names.
fn is_business_head(head: &str) -> bool {
    BODY_HEADS.contains(&head) && head != "group" || matches!(head, "company" | "corporation" | "operator" | "maker")
}

/// The words that fit a generic noun of [`GENERIC_ORGS`], if `head` is one.
fn generic_marks(head: &str) -> Option<&'static [&'static str]> {
    GENERIC_ORGS.iter().find(|(heads, _)| heads.contains(&head)).map(|(_, marks)| *marks)
}

/// Whether `e`, an organisation the article named, can be called by a
/// generic noun whose fitting words are `marks` ([`generic_marks`]), by its
/// name or role.
fn generic_org_fits(e: &Entry, marks: &[&str]) -> bool {
    e.speaker.kind == SpeakerKind::Organization
        && e.speaker.name.starts_with(char::is_uppercase)
        && (name_fits_generic(&e.speaker.name, marks)
            || e.speaker
                .role
                .as_deref()
                .and_then(|r| r.split(" of ").next()?.split_whitespace().next_back())
                .is_some_and(|w| is_mark(w, marks)))
}

/// Whether word `w` (a trailing stop or comma aside, any case) is one of
/// `marks`.
fn is_mark(w: &str, marks: &[&str]) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_ascii_lowercase();
    marks.contains(&w.as_str())
}

/// The body a person's role names, capitalised, that fits a generic noun
/// whose fitting words are `marks`: "FDA" in "director of the FDA's
/// psychiatry division", "Federal Aviation Administration" in
/// "spokeswoman for the Federal Aviation Administration".
fn body_in_role(role: &str, marks: &[&str]) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    let words = role.split_whitespace().map(|w| w.trim_end_matches([',', '.']));
    for w in words.chain(std::iter::once("")) {
        let owner = cues::possessive_owner(w);
        let word = owner.unwrap_or(w);
        let capital = is_cap(word) && word.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '&');
        let joiner = !run.is_empty() && matches!(word, "of" | "and" | "for");
        if capital || joiner {
            run.push(word);
            if owner.is_none() {
                continue;
            }
        }
        while run.last().is_some_and(|l| matches!(*l, "of" | "and" | "for")) {
            run.pop();
        }
        if !run.is_empty() {
            let name = run.join(" ");
            if (run.len() >= 2 || is_capitals(&name)) && name_fits_generic(&name, marks) {
                return Some(name);
            }
        }
        run.clear();
    }
    None
}

/// Whether a body's `name` fits a generic noun whose fitting words are
/// `marks` ([`generic_org_fits`]): a word of it is one, or it is an
/// agency's acronym, a trade's union, a business named by its trade.
fn name_fits_generic(name: &str, marks: &[&str]) -> bool {
    // "the agency" after "the FAA said": an acronym whose last word is
    // an agency's, administration's or authority's.
    let agency_acronym = || {
        marks.contains(&"agency")
            && (3..=5).contains(&name.len())
            && name.ends_with('A')
            && name.bytes().all(|b| b.is_ascii_uppercase())
    };
    // "the union" after "the Oregon Nurses Association": a body of people
    // of one trade ("Hospital Association" is the employers').
    let trade_body = || {
        const TRADES: [&str; 16] = [
            "nurses",
            "teachers",
            "educators",
            "employees",
            "pilots",
            "officers",
            "firefighters",
            "professors",
            "drivers",
            "machinists",
            "attendants",
            "writers",
            "actors",
            "musicians",
            "physicians",
            "doctors",
        ];
        let words: Vec<String> = name.split_whitespace().map(str::to_ascii_lowercase).collect();
        marks.contains(&"union")
            && words.iter().any(|w| matches!(w.as_str(), "association" | "guild" | "brotherhood"))
            && words.iter().any(|w| TRADES.contains(&w.as_str()))
    };
    // "the company" after "Lakeshore Energy said": a name ending in a
    // word of what a business makes or does.
    let business_name = || {
        const ENDINGS: [&str; 24] = [
            "energy",
            "electric",
            "utilities",
            "foods",
            "logistics",
            "brands",
            "stores",
            "solutions",
            "mining",
            "shipping",
            "communications",
            "software",
            "therapeutics",
            "biosciences",
            "semiconductor",
            "robotics",
            "electronics",
            "properties",
            "ventures",
            "labs",
            "telecom",
            "insurance",
            "construction",
            "builders",
        ];
        marks.contains(&"corp")
            && name.split_whitespace().count() >= 2
            && name.rsplit(' ').next().is_some_and(|w| ENDINGS.contains(&w.to_ascii_lowercase().as_str()))
    };
    name.split_whitespace().any(|w| is_mark(w, marks)) || business_name() || agency_acronym() || trade_body()
}

/// Words before a description's head that say which one it is without
/// telling it from another: "the new poll" is the poll just named, "the
/// same official" the official named before.
/// Words that tell one office of a head noun from another ("prime" and
/// "foreign" minister, "deputy" and "chief" of staff): a description with
/// one is not a speaker whose role has another.
const OFFICES: [&str; 16] = [
    "prime",
    "foreign",
    "deputy",
    "vice",
    "finance",
    "defence",
    "defense",
    "interior",
    "home",
    "health",
    "education",
    "justice",
    "trade",
    "chief",
    "assistant",
    "associate",
];

const ONE_OF_MANY: [&str; 12] = [
    "new",
    "latest",
    "recent",
    "same",
    "fresh",
    "aforementioned",
    "current",
    "local",
    "top",
    "main",
    "federal",
    "said",
];

/// How far back a surname said alone ("Adler said") looks for the full
/// name the article gave it first ("Gov. Ruth Adler arrived"): a long
/// article's worth, so a long input costs no more per mention.
const NAME_LOOKBACK: usize = 16 * 1024;

/// Capitalised words that open sentences without being given names.
const SENTENCE_ADVERBS: [&str; 10] =
    ["Meanwhile", "Instead", "Indeed", "However", "Thus", "Here", "There", "Today", "Yesterday", "Nonetheless"];

/// Whether `w`, capitalised at the front of a run of capitalised words,
/// is a word that opens a clause rather than a given name: "While Ann Roe,
/// the nominee, has…", "What Mr. Roe considers…", "Perhaps Roe…". Function
/// words (conjunctions, subordinators, prepositions, determiners,
/// pronouns), question words and sentence adverbs; never a title.
fn opens_clause(w: &str) -> bool {
    const OPENERS: [&str; 15] = [
        "What", "How", "Why", "Perhaps", "Even", "Only", "Still", "Also", "Now", "Then", "Unlike", "Like", "Neither",
        "Either", "Both",
    ];
    let c = cues::lookup(w).class;
    c & class::ROLE == 0
        && (c & (class::SUB | class::CONJ | class::PREP | class::DET | class::PRON) != 0
            || OPENERS.contains(&w)
            || SENTENCE_ADVERBS.contains(&w)
            || sentence_adverb_by_ending(w))
}

/// "Interestingly", "Separately", "Additionally": a capitalised adverb
/// of seven letters or more by its ending. Not a given name ("Kimberly")
/// nor a surname in "-lly" ("Connolly", "Donnelly"; "-ally" adverbs are
/// too many to leave out).
fn sentence_adverb_by_ending(w: &str) -> bool {
    w.len() >= 7
        && w.ends_with("ly")
        && (!w.ends_with("lly") || w.ends_with("ally"))
        && w.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        && given_name_gender(w) == Gender::Unknown
}

/// A hyphened descriptor ("Texas-based", "Ohio-born"): capitalised, but
/// an adjective, never a name ("Holtz-Eakin" capitalises both halves).
fn is_descriptor(w: &str) -> bool {
    w.split_once('-')
        .is_some_and(|(first, rest)| rest.starts_with(|c: char| c.is_lowercase()) && !is_syllabic(first, rest))
}

/// Whether `first-rest` is a given name romanised by syllables, as
/// Korean ones are ("Jong-un", "Myung-bak", "Suk-yeol"): two short
/// syllables, the second no word of a descriptor ("Saudi-led",
/// "Iowa-born").
fn is_syllabic(first: &str, rest: &str) -> bool {
    (2..=5).contains(&first.len())
        && first.starts_with(|c: char| c.is_ascii_uppercase())
        && first[1..].bytes().all(|b| b.is_ascii_lowercase())
        && (1..=4).contains(&rest.len())
        && rest.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            rest,
            "led" | "run" | "born" | "held" | "made" | "bred" | "era" | "wide" | "area" | "like" | "free"
        )
}

/// The mention that gave `surname` in full in `doc[..pos]`: capitalised
/// given names or initials right before it, and any title before those
/// ("Gov. Ruth Adler", "Ruth B. Adler"). None when the surname only ever
/// stood alone or after a title ("Gov. Adler"), or opens a longer name
/// ("the Adler Foundation").
///
/// When the article named two people of that surname ("Hillary Clinton",
/// "Bill Clinton"; "Donald J. Trump", "Ivanka Trump's den"), a bare
/// "Clinton" is the one it named more often: papers keep the bare surname
/// for the story's principal and name a relative in full. On a tie, the
/// latest named.
fn full_name_before<'a>(doc: &'a str, pos: usize, surname: &str) -> Option<&'a str> {
    let named = named_in_full(doc, pos, surname);
    // Ties go to the latest named (the first found here).
    let most = named.iter().map(|n| n.1).max()?;
    named.iter().find(|n| n.1 == most).map(|n| n.2)
}

/// Nouns that end the names of bodies ("Marlow Unified School District",
/// "the Justice Department") or open them ("University of Michigan",
/// "Ministry of Defence"), by which an article calls such a body again.
const BODY_NAME_HEADS: [&str; 32] = [
    "agency",
    "airline",
    "airport",
    "association",
    "authority",
    "board",
    "bureau",
    "college",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "district",
    "foundation",
    "hospital",
    "institute",
    "league",
    "library",
    "ministry",
    "museum",
    "office",
    "organization",
    "organisation",
    "party",
    "school",
    "service",
    "society",
    "tribunal",
    "trust",
    "union",
    "university",
];

/// Words that join the words of a body's name ("Department of Health and
/// Human Services", "Commission for Racial Equality").
const NAME_JOINERS: [&str; 5] = ["of", "for", "and", "on", "&"];

/// The name of the body the article named last, in `doc[pos - lookback..
/// end]`, with `head` (lowercase, one of [`BODY_NAME_HEADS`]) as a word of
/// its own: "Marlow Unified School District", "Department of Justice"; at
/// least one capitalised word besides the head, none across a line.
fn named_body_before<'a>(doc: &'a str, pos: usize, end: usize, head: &str) -> Option<&'a str> {
    const CLOSERS: [char; 7] = [',', '.', ';', ':', ')', '"', '\u{201d}'];
    if !BODY_NAME_HEADS.contains(&head) || end <= pos || end > doc.len() {
        return None;
    }
    let mut from = pos.saturating_sub(NAME_LOOKBACK);
    while !doc.is_char_boundary(from) {
        from += 1;
    }
    let hay = &doc[from..end];
    let mut cap = head.to_string();
    cap[..1].make_ascii_uppercase();
    'found: for i in matches_from_end(hay.as_bytes(), cap.as_bytes()) {
        let mut after = &hay[i + cap.len()..];
        // "SkyBridge Airlines" for "the airline": the head in the plural.
        let plural = after.strip_prefix('s').filter(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()));
        let head_len = cap.len() + usize::from(plural.is_some());
        after = plural.unwrap_or(after);
        let opens = hay[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let closes = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !opens || !closes {
            continue;
        }
        // Capitalised words before it on its line, within its clause:
        // "Marlow Unified School", "U.S. Forest", "St. Mary's" (not a
        // sentence's "The", nor the last word of the sentence before).
        let line_start = hay[..i].rfind(['\n', ';', ':', ',', '(', '"', '\u{201c}']).map_or(0, |k| k + 1);
        let before: Vec<&str> = hay[line_start..i].split(' ').filter(|w| !w.is_empty()).collect();
        let mut first = before.len();
        while first > 0 {
            let w = before[first - 1];
            let abbreviation =
                !w.ends_with('.') || w[..w.len() - 1].contains('.') || matches!(w, "St." | "Mt." | "Ft.");
            if !is_cap(w) || !abbreviation || opens_clause(w) {
                break;
            }
            first -= 1;
        }
        // Capitalised words after it, joined to it: "of Homeland
        // Security", "of Health and Human Services" (not "District
        // Attorney": the head is inside another name there).
        let (mut taken, mut read, mut joined, mut last_cap) = (0, 0, false, false);
        while let Some(r) = after[read..].strip_prefix(' ') {
            let w = &r[..r.find(' ').unwrap_or(r.len())];
            let bare = w.trim_end_matches(CLOSERS);
            if bare.len() == w.len() && NAME_JOINERS.contains(&w) && (read == 0 || last_cap) {
                joined = true;
                last_cap = false;
            } else if !bare.is_empty() && is_cap(bare) && (joined || last_cap) {
                taken = read + 1 + bare.len();
                last_cap = true;
                joined = false;
                if bare.len() != w.len() {
                    break;
                }
            } else if read == 0 && is_cap(bare) {
                continue 'found;
            } else {
                break;
            }
            read += 1 + w.len();
        }
        let start = before.get(first).map_or(i, |w| w.as_ptr() as usize - hay.as_ptr() as usize);
        let name = &hay[start..i + head_len + taken];
        if name.split(' ').filter(|w| is_cap(w)).count() >= 2 {
            return Some(name);
        }
    }
    None
}

/// [`full_name_before`] only when the article named one person of that
/// surname in full, so that nothing has to be guessed.
fn sole_full_name_before<'a>(doc: &'a str, pos: usize, surname: &str) -> Option<&'a str> {
    match named_in_full(doc, pos, surname)[..] {
        [(_, _, mention)] => Some(mention),
        _ => None,
    }
}

/// Each person named in full with `surname` in `doc[..pos]` (within the
/// lookback): the given name, how often, and the mention found latest;
/// the latest named first.
fn named_in_full<'a>(doc: &'a str, pos: usize, surname: &str) -> Vec<(&'a str, usize, &'a str)> {
    let mut from = pos.saturating_sub(NAME_LOOKBACK);
    while !doc.is_char_boundary(from) {
        from += 1;
    }
    let hay = &doc[from..pos];
    // Never empty here (`can_speak` refuses a name without words); an
    // empty needle would match at every byte, not every char.
    if surname.is_empty() {
        return Vec::new();
    }
    let mut named: Vec<(&'a str, usize, &'a str)> = Vec::new();
    // "Xi Jinping": a family name written first is named in full by the
    // given name after it.
    if is_family_first(surname) {
        for i in matches_from_end(hay.as_bytes(), surname.as_bytes()) {
            let opens_word = hay[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let Some(rest) = hay[i + surname.len()..].strip_prefix(' ') else { continue };
            let given = rest.split([' ', '\n', ',', '.', ';', ':']).next().unwrap_or("");
            if !opens_word || given.len() < 2 || !is_cap(given) || !given.chars().all(|c| c.is_alphabetic() || c == '-')
            {
                continue;
            }
            let mention = &hay[i..i + surname.len() + 1 + given.len()];
            match named.iter_mut().find(|(g, ..)| g.eq_ignore_ascii_case(given)) {
                Some(n) => n.1 += 1,
                None => named.push((given, 1, mention)),
            }
        }
        return named;
    }
    for i in matches_from_end(hay.as_bytes(), surname.as_bytes()) {
        let rest = &hay[i + surname.len()..];
        if rest.chars().next().is_some_and(char::is_alphanumeric)
            || rest.strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase))
        {
            continue;
        }
        let Some(before) = hay[..i].strip_suffix(' ') else {
            continue;
        };
        let mut start = i;
        let (mut given, mut titled) = (0, false);
        for w in before.rsplit([' ', '\n']) {
            let entry = cues::lookup(w);
            let c = entry.class;
            let initial = w.len() == 2 && w.ends_with('.');
            let name_word = is_cap(w)
                && (initial || w.chars().all(|ch| ch.is_alphabetic() || ch == '-' || ch == '\''))
                && c & !(class::MASC | class::FEM) == 0
                && entry.cue.is_none();
            if !titled && name_word && given < 3 {
                given += 1;
            } else if given > 0 && is_cap(w) && c & class::ROLE != 0 && c & class::ORG == 0 {
                titled = true;
            } else {
                break;
            }
            start -= w.len() + 1;
        }
        if given == 0 {
            continue;
        }
        // "Meanwhile Adler": a sentence's first word is a given name only
        // if nothing marks it as an adverb.
        let first = hay[start..].split(' ').next().unwrap_or("");
        let prev = hay[..start].trim_end();
        let opens = prev.is_empty() || prev.ends_with(['.', '?', '!', '"', '\u{201D}', ':']);
        // ("Neither Adler nor her lawyer": nor a word that opens a clause.)
        if !titled && opens && (first.ends_with("ly") || SENTENCE_ADVERBS.contains(&first) || opens_clause(first)) {
            if given == 1 {
                continue;
            }
            start += first.len() + 1;
        }
        let mention = &hay[start..i + surname.len()];
        // The given name before the surname, past any initial ("Ruth B.
        // Adler" is Ruth): a word a headline capitalised before it
        // ("Celebrating Ruth Adler") counts as her too.
        let given = mention[..mention.len() - surname.len()]
            .split(' ')
            .rev()
            .find(|w| !(w.is_empty() || w.len() == 2 && w.ends_with('.')))
            .unwrap_or(mention);
        match named.iter_mut().find(|(g, ..)| g.eq_ignore_ascii_case(given)) {
            Some(n) => n.1 += 1,
            None => named.push((given, 1, mention)),
        }
    }
    named
}

/// The non-overlapping matches of `needle` in `hay` from the end, as
/// `rmatch_indices` gives them. memchr's reverse search has no SIMD
/// prefilter and read every byte of a 16 KB lookback at every lone surname
/// (2% of extraction's time): the forward search skips ahead by vector,
/// and gives the same matches when no match can overlap another, that is
/// when no proper prefix of the needle is also its suffix (true of
/// nearly every name).
fn matches_from_end(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let overlaps = (1..needle.len()).any(|k| needle[..k] == needle[needle.len() - k..]);
    if overlaps {
        return memchr::memmem::rfind_iter(hay, needle).collect();
    }
    let mut found: Vec<usize> = memchr::memmem::find_iter(hay, needle).collect();
    found.reverse();
    found
}

/// Prepositions that put the next capitalised word in a place.
const LOCATIVES: [&str; 7] = ["in", "near", "across", "around", "inside", "outside", "throughout"];

/// Whether `w` is one of [`LOCATIVES`]. A word's length, first and last
/// byte pick the one preposition it can be (a perfect hash of the seven),
/// from when the search for places asked this of every word of an article: a
/// `match` on the length was an indirect jump mispredicted at most words.
#[inline(always)]
fn is_locative(w: &str) -> bool {
    /// Found by trying multipliers until the seven fell into distinct slots.
    const MUL: u32 = 0x4EE3_7FFB;
    const fn key(w: &[u8]) -> u32 {
        ((w.len() as u32) << 16) | ((w[0] as u32) << 8) | w[w.len() - 1] as u32
    }
    const fn slot(k: u32) -> usize {
        (k.wrapping_mul(MUL) >> 29) as usize
    }
    const SLOTS: [(u32, &str); 8] = {
        let mut t = [(0, ""); 8];
        let mut i = 0;
        while i < LOCATIVES.len() {
            let k = key(LOCATIVES[i].as_bytes());
            assert!(t[slot(k)].0 == 0, "two locatives share a slot: pick another MUL");
            t[slot(k)] = (k, LOCATIVES[i]);
            i += 1;
        }
        t
    };
    let b = w.as_bytes();
    if b.is_empty() {
        return false;
    }
    let k = key(b);
    let (want, word) = SLOTS[slot(k)];
    want == k && word == w
}

/// The honorifics that tell a person's gender, each with the space that
/// follows it in a name ("Mr. Roe", "Ms Roe").
const TITLES: [(&str, Gender); 7] = [
    ("Mr. ", Gender::Masc),
    ("Mr ", Gender::Masc),
    ("Mrs. ", Gender::Fem),
    ("Mrs ", Gender::Fem),
    ("Ms. ", Gender::Fem),
    ("Ms ", Gender::Fem),
    ("Miss ", Gender::Fem),
];

/// The surnames an article writes after "Mr.", "Mrs.", "Ms." or "Miss",
/// lowercased, with the gender the honorific tells: the article's own word
/// on who is a man or a woman. A surname given both ("Mr. Clinton" and
/// "Mrs. Clinton" in one story) tells neither. A long input (many articles
/// in one) gives none: its honorifics belong to other stories.
fn honorific_genders(doc: &str) -> HashMap<String, Gender> {
    let mut out: HashMap<String, Gender> = HashMap::default();
    if doc.len() > LONG_INPUT {
        return out;
    }
    // One pass over the capital Ms, not one search per title: this runs
    // on every article.
    let bytes = doc.as_bytes();
    for at in memchr::memchr_iter(b'M', bytes) {
        let Some(&(title, gender)) = TITLES.iter().find(|(t, _)| bytes[at..].starts_with(t.as_bytes())) else {
            continue;
        };
        if !starts_word(doc, at) {
            continue;
        }
        // "Mr. John D. Podesta's": the last capitalised word of the name.
        let name = doc[at + title.len()..].split_whitespace().take(4).take_while(|w| is_cap(w));
        let Some(last) = name.last() else { continue };
        let bare = last.trim_end_matches(['.', ',', ';', ':', ')', '"', '\u{201d}']);
        let bare = bare.strip_suffix("'s").or_else(|| bare.strip_suffix("\u{2019}s")).unwrap_or(bare);
        if bare.is_empty() {
            continue;
        }
        let seen = out.entry(bare.to_lowercase()).or_insert(gender);
        if *seen != gender {
            *seen = Gender::Unknown;
        }
    }
    out
}

/// Whether the article writes `name` as the owner of what only a company
/// or another body has: "Veldhoven's chief executive", "Acme's
/// shareholders". Then "Veldhoven said in a statement" is that body
/// speaking, not a person called Veldhoven.
fn is_body_in(doc: &str, name: &str) -> bool {
    const OWNED: [&str; 14] = [
        "chief executive",
        "ceo",
        "chairman",
        "chairwoman",
        "board",
        "shareholders",
        "shares",
        "headquarters",
        "employees",
        "subsidiary",
        "stock",
        "factory",
        "factories",
        "parent company",
    ];
    if !name.starts_with(|c: char| c.is_uppercase()) || given_name_gender(name) != Gender::Unknown {
        return false;
    }
    // What a body does and a person does not: "Acme, which", "Acme said
    // its" (a person's are "his" and "her").
    const BODY_AFTER: [&str; 4] = [", which ", " said its ", " says its ", " said that its "];
    memchr::memmem::find_iter(doc.as_bytes(), name.as_bytes()).any(|at| {
        let rest = &doc[at + name.len()..];
        if !starts_word(doc, at) {
            return false;
        }
        if BODY_AFTER.iter().any(|b| rest.starts_with(b)) {
            return true;
        }
        let Some(rest) = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("\u{2019}s ")) else {
            return false;
        };
        OWNED.iter().any(|o| {
            rest.len() > o.len()
                && rest.as_bytes()[..o.len()].eq_ignore_ascii_case(o.as_bytes())
                && !rest.as_bytes()[o.len()].is_ascii_alphanumeric()
        })
    })
}

/// Whether `doc` uses `name` as a place: a single capitalised word right
/// after a locative preposition ("in Baghdad", "near Kirkuk") and not the
/// first word of a longer name ("in New York" gives nothing; "in
/// Baghdad's" is a possessive, not a place). A word the article also
/// gives as the last word of a name ("Mira Holm ... in Holm") may be that
/// person's surname, so it is not taken for a place. The matches of a
/// search for `name` are checked: an article asks this of a few names.
fn is_place_in(doc: &str, name: &str) -> bool {
    if !place_shaped(name) {
        return false;
    }
    let found = memchr::memmem::find_iter(doc.as_bytes(), name.as_bytes())
        .any(|at| starts_word(doc, at) && is_place_at(doc, at, name));
    found && !after_a_name(doc, name)
}

/// Whether the word at `at` (which starts a word) is `name` used as a
/// place: `name`, less the punctuation a place may end with, right after a
/// locative, and not followed by a capitalised word unless that
/// punctuation ends it ("in Baghdad" not at a stop is a place unless a
/// capitalised word follows).
fn is_place_at(doc: &str, at: usize, name: &str) -> bool {
    let we = word_end(doc, at);
    let w = &doc[at..we];
    let bare = w.trim_end_matches(['.', ',', ';', ':', ')', '"', '\u{201d}']);
    bare == name
        && word_before(doc, at).is_some_and(is_locative)
        && (bare.len() < w.len() || word_after(doc, we).is_none_or(|(s, e)| !is_cap(&doc[s..e])))
}

/// The words a capital opens in a long input ([`scan::capital_word_starts`]),
/// grouped by the [`initials_slot`] of their first bytes, for
/// [`Registry::is_place`]: a name can only be the words of its own slot,
/// so only those are checked, with [`is_place_in`]'s tests. A search of
/// the whole input for each name asked about would cost a 3.9 MB input
/// 158 passes over it; working out all its places at once, 41 M
/// instructions, most of them asking each of its 113,000 capitalised words
/// for the word before (issue #19).
#[derive(Debug)]
struct CapitalWords {
    /// Slot `k`'s words start at `at[from[k]..from[k + 1]]`, in text order.
    from: Vec<usize>,
    at: Vec<usize>,
}

impl CapitalWords {
    fn new(doc: &str) -> CapitalWords {
        let bytes = doc.as_bytes();
        // Each word's slot above its offset, which is below 2^50 (a text
        // has about one capitalised word in 33 bytes: the vector grown
        // from empty cost 2 M instructions more for a 3.9 MB input).
        let mut words: Vec<u64> = Vec::with_capacity(doc.len() / 24);
        let mut from = vec![0usize; SLOTS + 1];
        scan::capital_word_starts(doc, |at| {
            let k = initials_slot(&bytes[at..]);
            from[k + 1] += 1;
            words.push(((k as u64) << 50) | at as u64);
        });
        // A counting sort, which keeps each slot's words in text order.
        for k in 0..SLOTS {
            from[k + 1] += from[k];
        }
        let mut next = from.clone();
        let mut at = vec![0; words.len()];
        for w in words {
            let k = (w >> 50) as usize;
            at[next[k]] = (w & ((1 << 50) - 1)) as usize;
            next[k] += 1;
        }
        CapitalWords { from, at }
    }

    /// Where the capitalised words that may start with `name` start: those
    /// of its slot, in text order (more may be there; each is to be read).
    fn of_slot(&self, name: &str) -> &[usize] {
        let k = initials_slot(name.as_bytes());
        &self.at[self.from[k]..self.from[k + 1]]
    }

    /// [`is_place_in`]`(doc, name)`, from the words of `name`'s slot.
    fn is_place(&self, doc: &str, name: &str) -> bool {
        if !place_shaped(name) {
            return false;
        }
        let k = initials_slot(name.as_bytes());
        let mut found = false;
        for &at in &self.at[self.from[k]..self.from[k + 1]] {
            let Some(before) = word_before(doc, at) else { continue };
            if is_locative(before) {
                found = found || is_place_at(doc, at, name);
            } else if is_cap(before)
                && ends_alphabetic(before)
                && doc[at..word_end(doc, at)].trim_end_matches(|c: char| !c.is_alphanumeric()) == name
            {
                // The last word of a name ([`after_a_name`]).
                return false;
            }
        }
        found
    }
}

/// How many slots [`initials_slot`] gives.
const SLOTS: usize = 1 << 14;

/// A slot of 2^14 for a word's first (up to) four bytes that are ASCII
/// letters or digits. A place (all letters, hyphens and final punctuation
/// aside) and a word that is that place with some punctuation after it
/// ([`is_place_at`], [`after_a_name`]) get the same slot: the place is a
/// prefix of the word, followed only by bytes that are not ASCII letters
/// or digits.
fn initials_slot(w: &[u8]) -> usize {
    let mut four = [0u8; 4];
    match w.get(..4) {
        Some(head) => four.copy_from_slice(head),
        None => four[..w.len()].copy_from_slice(w),
    }
    // The bytes from the first that is no ASCII letter or digit zeroed
    // (the upper four bytes, zero, are none).
    let x = u64::from(u32::from_le_bytes(four));
    let n = (!scan::alnum_mask(x) & scan::HI).trailing_zeros() / 8;
    let key = (x & ((1u64 << (8 * n)) - 1)) as u32;
    (key.wrapping_mul(0x9E37_79B1) >> 18) as usize
}

/// The end of the white-space separated word that starts at `at`: ASCII a
/// byte at a time, anything else by `char::is_whitespace`.
fn word_end(doc: &str, at: usize) -> usize {
    let bytes = doc.as_bytes();
    let mut e = at;
    while let Some(&b) = bytes.get(e) {
        if !b.is_ascii() {
            return doc[e..].find(char::is_whitespace).map_or(doc.len(), |n| e + n);
        }
        if matches!(b, b'\t'..=b'\r' | b' ') {
            return e;
        }
        e += 1;
    }
    e
}

/// Past this many bytes an input joins many articles (no article is so
/// long), and [`honorific_genders`] gives nothing.
const LONG_INPUT: usize = 256 * 1024;

/// Whether a white-space separated word starts at byte `i` of `s`.
fn starts_word(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_none_or(char::is_whitespace)
}

/// The byte range of the first white-space separated word at or after `i`.
fn word_after(s: &str, i: usize) -> Option<(usize, usize)> {
    let start = i + s[i..].find(|c: char| !c.is_whitespace())?;
    let end = s[start..].find(char::is_whitespace).map_or(s.len(), |n| start + n);
    Some((start, end))
}

/// The white-space separated word that ends before byte `i` (with only
/// white space between).
fn word_before(s: &str, i: usize) -> Option<&str> {
    // ASCII a byte at a time: a search for places asked this at every
    // capitalised word of a long input (113,000 in 3.9 MB), where decoding
    // characters backwards cost 3.6 M instructions more. Anything else by
    // `char::is_whitespace`.
    let b = s.as_bytes();
    let mut end = i;
    while end > 0 && matches!(b[end - 1], b'\t'..=b'\r' | b' ') {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        match b[start - 1] {
            b'\t'..=b'\r' | b' ' => break,
            c if c.is_ascii() => start -= 1,
            _ => return word_before_chars(s, i),
        }
    }
    (start < end).then(|| &s[start..end])
}

/// [`word_before`] over characters, for text that is not ASCII.
fn word_before_chars(s: &str, i: usize) -> Option<&str> {
    let head = s[..i].trim_end();
    let start = head.char_indices().rev().find(|&(_, c)| c.is_whitespace()).map_or(0, |(k, c)| k + c.len_utf8());
    (start < head.len()).then(|| &head[start..])
}

/// Whether `place` is, somewhere in `doc`, a capitalised word right after a
/// capitalised word that ends in a letter ("Mira Holm"), as
/// [`CapitalWords::is_place`] finds them.
fn after_a_name(doc: &str, place: &str) -> bool {
    // `place` is capitalised and the rest lowercase, so its matches never
    // overlap: each word that starts with it is found.
    memchr::memmem::find_iter(doc.as_bytes(), place.as_bytes()).any(|at| {
        let end = doc[at..].find(char::is_whitespace).map_or(doc.len(), |n| at + n);
        starts_word(doc, at)
            && doc[at..end].trim_end_matches(|c: char| !c.is_alphanumeric()) == place
            && word_before(doc, at).is_some_and(|w| is_cap(w) && ends_alphabetic(w))
    })
}

/// What a place of [`is_place_in`] looks like: one capitalised word of three
/// letters or more, the rest lowercase ("Baghdad", "Kirkuk", "Ras-Tanura").
fn place_shaped(w: &str) -> bool {
    is_cap(w) && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-') && w.chars().count() > 2
}

fn ends_alphabetic(w: &str) -> bool {
    match w.as_bytes().last() {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        _ => w.chars().next_back().is_some_and(char::is_alphabetic),
    }
}

/// How many of the most recently mentioned speakers a pronoun, a definite
/// description ("the official") or an anonymity reason may refer back to.
/// An article's reader cannot follow a "he" across hundreds of other
/// speakers either; the bound keeps hostile texts linear.
const LOOKBACK: usize = 256;

/// Up to how many speakers a one-word mention's company ("Keldor" for
/// "Keldor Foods") is looked for by walking them all; past that, through
/// [`Registry::orgs_by_first_word`].
const ORGS_WALKED: usize = 256;

/// Lists entry `i`, `e`, under the first word of its name if it is an
/// organisation's.
fn index_org(index: &mut HashMap<String, Vec<usize>>, e: &Entry, i: usize) {
    if e.speaker.kind == SpeakerKind::Organization
        && let Some(first) = e.speaker.name.split_whitespace().next()
    {
        index.entry(first.to_string()).or_default().push(i);
    }
}

/// Lists entry `idx` under `key` in `index`. A key new to the index, as
/// most are, gets a list of one made at once: grown from none, each of
/// the three lists a speaker added goes into cost a reallocation.
fn list_under(index: &mut HashMap<String, Vec<usize>>, key: String, idx: usize) {
    match index.entry(key) {
        std::collections::hash_map::Entry::Occupied(listed) => listed.into_mut().push(idx),
        std::collections::hash_map::Entry::Vacant(new) => {
            new.insert(vec![idx]);
        }
    }
}

/// Whether `s` has a space: a name's few bytes walked, where
/// `str::contains` set up a character search (asked of names at every
/// resolve).
fn has_space(s: &str) -> bool {
    s.bytes().any(|b| b == b' ')
}

/// What a mention says about its speaker before resolution.
#[derive(Clone, Debug)]
struct Parsed {
    name: String,
    role: Option<String>,
    kind: SpeakerKind,
    /// A bare pronoun ("he", "they").
    pronoun: Option<String>,
    /// A definite common noun ("the official", "the president"): its head.
    definite_head: Option<String>,
    gender: Gender,
    /// The title before a name: "Rep." of "Rep. Ann Roe", "Labor
    /// Secretary" of "Labor Secretary Ann Roe".
    title: Option<String>,
}

thread_local! {
    /// Parses of mentions without an appositive, by mention, kept across
    /// the articles a thread extracts: [`parse`] reads nothing but its
    /// mention, and articles repeat their own mentions ("he", "Trump") and
    /// one another's ("officials", "the president"). Shared, not cloned
    /// (four strings) at every repeat. A cache per article parsed three
    /// mentions in four anew.
    ///
    /// Whether each can speak ([`can_speak`]) is kept beside it: every
    /// use of a parse asks.
    static PARSED: std::cell::RefCell<HashMap<String, (Rc<Parsed>, bool)>> =
        std::cell::RefCell::new(HashMap::default());

    /// Parses of mentions with an appositive ("Ann Roe, the mayor,"), by
    /// [`appositive_key`], kept as [`PARSED`] keeps the others: such a
    /// parse cost about 8,500 instructions, and a story's next revision
    /// (what claimtrail extracts again and again) repeats nearly all of
    /// them.
    static PARSED_WITH: std::cell::RefCell<HashMap<String, (Rc<Parsed>, bool)>> =
        std::cell::RefCell::new(HashMap::default());
}

/// The key of a mention and its appositive in [`PARSED_WITH`]: the
/// mention's length first, so that no two pairs share one.
fn appositive_key(mention: &str, appositive: &str) -> String {
    let mut key = String::with_capacity(mention.len() + appositive.len() + 8);
    key.push_str(&mention.len().to_string());
    key.push(':');
    key.push_str(mention);
    key.push_str(appositive);
    key
}

/// Parses `mention` (with `appositive`), keeps the parse in `parsed` under
/// `key`, and gives it with whether it can speak.
fn parsed_into(
    parsed: &mut HashMap<String, (Rc<Parsed>, bool)>,
    key: String,
    mention: &str,
    appositive: Option<&str>,
) -> (Rc<Parsed>, bool) {
    // Bounded, so a long import's memory does not grow with every name
    // it meets; starting afresh costs only parses.
    if parsed.len() >= PARSED_KEPT {
        parsed.clear();
    }
    let p = Rc::new(parse(mention, appositive));
    let speaks = can_speak(&p);
    parsed.insert(key, (Rc::clone(&p), speaks));
    (p, speaks)
}

/// How many parses [`PARSED`] keeps before it starts afresh.
const PARSED_KEPT: usize = 1 << 14;

/// Name and id of the speaker of a pronoun that points to no one.
pub const UNRESOLVED: &str = "unresolved";

/// Whether `name` is an office named with what it is for, as [`parse`]
/// keeps one ("Minister for Health", "United Nations High Commissioner
/// for Human Rights"): a capitalised role word, then "for" or "of".
fn is_office_name(name: &str) -> bool {
    let mut prev = "";
    name.split_whitespace().any(|w| {
        let office = matches!(w, "for" | "of") && is_cap(prev) && {
            let c = cues::lookup(prev).class;
            c & class::ROLE != 0 && c & class::ORG == 0
        };
        prev = w;
        office
    })
}

/// "DESCRIPTION, NAME," or "NAME, DESCRIPTION," in a sentence: a person the
/// article introduces by a description ("the shadow business secretary,
/// Rachel Penn,"). Adjacent comma-separated segments only; the description
/// starts at its article ("the", "a") and holds a role or source noun.
pub fn introductions<'a>(sentence: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    // A description opens a segment with an article: most sentences have
    // none, and need no splitting.
    let opens = |s: &str| opens_with_article(s.as_bytes());
    let bytes = sentence.as_bytes();
    // A ", " and an opener, at the start or after a ", ": one pass over
    // the commas (a search for ", " and then a second pass cost two memchr
    // runs a comma).
    let mut pair = false;
    let mut opener = opens(sentence);
    for i in memchr::memchr_iter(b',', bytes) {
        if bytes.get(i + 1) == Some(&b' ') {
            pair = true;
            opener = opener || opens(&sentence[i + 2..]);
            if opener {
                break;
            }
        }
    }
    if !(pair && opener) {
        return out;
    }
    // Split at ", " by its comma (what `split(", ")` gives, without
    // setting up a searcher for each sentence).
    let mut segs: Vec<&str> = Vec::new();
    let mut from = 0;
    for i in memchr::memchr_iter(b',', bytes) {
        if bytes.get(i + 1) == Some(&b' ') {
            segs.push(&sentence[from..i]);
            from = i + 2;
        }
    }
    segs.push(&sentence[from..]);
    for s in &mut segs {
        *s = s.trim_end_matches(['.', ',', ';']);
    }
    // "Tshepo Mokoena, 34, a nurse,": an age between the name and the
    // description leaves them side by side.
    segs.retain(|s| !(1..=3).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()));
    // "While Ann Roe, the nominee, has…": the conjunction opens the
    // clause, the name is what follows it.
    let named = |s: &'a str| -> &'a str {
        let mut s = s;
        while let Some((first, rest)) = s.split_once(' ')
            && opens_clause(first)
        {
            s = rest;
        }
        s
    };
    let name_of = |s: &str| {
        let mut n = 0;
        let mut last = "";
        for w in s.split_whitespace() {
            if n == 6 || !(is_cap(w) || is_particle(w)) {
                return false;
            }
            n += 1;
            last = w;
        }
        n >= 2 && cues::lookup(last).class & (class::ROLE | class::ORG | class::GROUP) == 0
    };
    // The description opens its segment and ends in a role ("the shadow
    // business secretary", "the council's pick for harbour master").
    // (`beside_name`: whether a name is next to it, asked only before
    // the description's words are read for a noun for a person.)
    fn description_of(s: &str, beside_name: impl FnOnce() -> bool) -> Option<&str> {
        if !opens_with_article(s.as_bytes()) {
            return None;
        }
        let last_word = s.split_whitespace().next_back()?;
        let last = cues::lookup(last_word).class;
        let role = !is_cap(last_word) && last & (class::ROLE | class::ANON) != 0 && last & class::ORG == 0;
        // "a volunteer firefighter", "a nurse at the hospital": a noun for
        // a person heads it, before any phrase after it.
        let person = || {
            let mut head = None;
            for w in s.split_whitespace().skip(1) {
                if cues::lookup(w).class & class::PREP != 0 {
                    break;
                }
                head = Some(w);
            }
            head.is_some_and(is_person_noun)
        };
        // "The governor's pick to lead the health department": someone's
        // choice for a post is a person, whatever the post's last word.
        let chosen = || {
            // An owner ends in an apostrophe, ' or ’ (whose last byte is
            // 0x99): a description with neither byte, as most have, is
            // no one's pick, and its words need no splitting.
            if memchr::memchr2(b'\'', 0x99, s.as_bytes()).is_none() {
                return false;
            }
            let mut words = s.split_whitespace();
            words.nth(1).is_some_and(|w| cues::possessive_owner(w).is_some())
                && words.next().is_some_and(|w| CHOSEN.contains(&w))
        };
        ((role || chosen() || beside_name() && person()) && s.split_whitespace().nth(10).is_none()).then_some(s)
    }
    for w in segs.windows(2) {
        if let Some(d) = description_of(w[0], || name_of(w[1]))
            && name_of(w[1])
        {
            out.push((w[1], d));
        } else if opens_with_article(w[1].as_bytes())
            && let name = named(w[0])
            && let Some(d) = description_of(w[1], || name_of(name))
            && name_of(name)
        {
            out.push((name, d));
        }
    }
    out
}

/// `f` of `name` lowercased as `str::to_lowercase` gives it, with no
/// allocation for a short ASCII name (nearly every name): every resolve
/// of a name looks it up so.
fn with_lowercase<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    match buf.get_mut(..name.len()) {
        Some(lower) if name.is_ascii() => {
            lower.copy_from_slice(name.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
        }
        _ => f(&name.to_lowercase()),
    }
}

/// Whether `s` opens with "The ", "the ", "a ", "A ", "an " or "An ", the
/// articles a description opens with in [`introductions`]: told by the
/// bytes at once (six prefix tests were run at every ", " of every
/// sentence).
fn opens_with_article(s: &[u8]) -> bool {
    matches!(s, [b'T' | b't', b'h', b'e', b' ', ..] | [b'a' | b'A', b' ', ..] | [b'a' | b'A', b'n', b' ', ..])
}

/// Nouns for a person someone chose: "the governor's pick", "the mayor's
/// choice for chief".
const CHOSEN: [&str; 7] = ["pick", "choice", "nominee", "appointee", "successor", "replacement", "deputy"];

/// Abbreviated titles only a person bears, telling no gender: "Dr. Amara
/// Okafor, a pediatrician, was named …" opens with someone the article
/// follows ("She said …").
const PERSON_TITLES: [&str; 13] =
    ["Adm.", "Capt.", "Cmdr.", "Col.", "Dr.", "Gen.", "Gov.", "Lt.", "Prof.", "Rep.", "Rev.", "Sen.", "Sgt."];

/// A capitalised word opening a sentence before a lowercase word, that
/// could be a surname as its subject ("Netanyahu visited …"): no
/// article, pronoun, connective or other function word, no role.
pub fn subject_surname(sentence: &str) -> Option<&str> {
    let b = sentence.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let space = memchr::memchr(b' ', &b[..b.len().min(24)])?;
    if space < 3 || !b.get(space + 1).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let w = &sentence[..space];
    let c = cues::lookup(w).class;
    let function = class::DET
        | class::PRON
        | class::AUX
        | class::PREP
        | class::CONJ
        | class::SUB
        | class::TIME
        | class::ROLE
        | class::ANON
        | class::GROUP
        | class::ORG;
    (w.bytes().all(|c| c.is_ascii_alphabetic()) && !is_capitals(w) && c & function == 0).then_some(w)
}

/// What follows an opening phrase set off by a comma: a preposition's,
/// a subordinate clause's or a participle's ("Following a performance of
/// \"Black Water,\" Simmons teed up …", "After the vote, Roe left"), where
/// the sentence's subject stands.
pub fn after_opening(sentence: &str) -> Option<&str> {
    // (The comma within the first 160 bytes, found before the first word
    // is looked up: most sentences have none there.)
    let head = &sentence.as_bytes()[..sentence.len().min(160)];
    let comma = memchr::memchr(b',', head)?;
    let first = sentence.split(' ').next()?;
    let c = cues::lookup(first).class;
    let opener = c & (class::PREP | class::SUB) != 0 && c & class::DET == 0
        || first.len() > 5 && first.ends_with("ing") && is_cap(first);
    if !opener {
        return None;
    }
    // (A quotation's closing mark may follow the comma: "a performance
    // of \"Black Water,\" Simmons".)
    if sentence[..comma].contains([':', ';']) {
        return None;
    }
    let rest = &sentence[comma + 1..];
    let rest = rest.strip_prefix(['"', '\u{201D}']).unwrap_or(rest);
    rest.strip_prefix(' ')
}

/// The full name opening a sentence as its subject: two to four
/// capitalised words, the first a given name, an honorific or a person's
/// title, then a lowercase word (its verb) or a comma (its appositive):
/// "Jennifer Shanklin is one of ...".
pub fn subject_name(sentence: &str) -> Option<&str> {
    // Most sentences open with no two capitalised words: say so from the
    // bytes, before any word is split off or looked up. (A given name
    // opens with an ASCII capital.)
    let b = sentence.as_bytes();
    // (The first word is short: a walk to its space costs less than a
    // search's set-up.)
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let second = b.iter().position(|&c| c == b' ').map(|i| i + 1);
    if !second.and_then(|i| b.get(i)).is_some_and(|c| c.is_ascii_uppercase()) {
        return None;
    }
    // The first word a given name ("Jennifer Shanklin is"), or an
    // honorific that tells the pronoun ("Mr Fitch arrived", "Ms. Roe,
    // the organist,"): a name the article follows either way. A person's
    // title spelled out ("Coach Tom Reyes was", "Mayor Carl Dunn") counts
    // before a full name, three capitalised words at least.
    let mut titled = false;
    if let Some(i) = second {
        let first = &sentence[..i - 1];
        if given_name_gender(first) == Gender::Unknown
            && honorific_gender(first) == Gender::Unknown
            && !PERSON_TITLES.contains(&first)
        {
            let c = cues::lookup(first).class;
            if c & class::ROLE == 0 || c & (class::ORG | class::FIELD) != 0 {
                return None;
            }
            titled = true;
        }
    }
    let min = if titled { 3 } else { 2 };
    let mut end = 0;
    let mut n = 0;
    for w in sentence.split_whitespace() {
        // "Donald Trump's daughter said": the owner is no subject, and as
        // often no one the article follows.
        if cues::possessive_owner(w).is_some() {
            return None;
        }
        let bare = w.trim_end_matches(',');
        if n < 4 && bare.len() == w.len() - usize::from(w.ends_with(',')) && is_cap(bare) && !is_capitals(bare) {
            n += 1;
            end = bare.as_ptr() as usize - sentence.as_ptr() as usize + bare.len();
            if w.ends_with(',') {
                // An appositive follows ("Ann Roe, the organist,"), not a
                // list of names ("Ann Roe, Bo Diaz and Cy Eng").
                // ("Tom Price, R-Ga., testified": a party and state.)
                let next = sentence[end..].split_whitespace().nth(1);
                let party =
                    |x: &str| matches!(x.as_bytes(), [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase());
                return (n >= min && next.is_none_or(|x| !x.starts_with(|c: char| c.is_uppercase()) || party(x)))
                    .then(|| &sentence[..end]);
            }
            continue;
        }
        // "Sen. Ann Roe (D-Mo.) scolded him": a party and state in
        // brackets belong to the name; the next word decides.
        if n >= min && bare.strip_prefix('(').and_then(|x| x.strip_suffix(')')).is_some_and(is_party_state) {
            if w.ends_with(',') {
                return Some(&sentence[..end]);
            }
            continue;
        }
        return (n >= min && w.starts_with(|c: char| c.is_ascii_lowercase())).then(|| &sentence[..end]);
    }
    None
}

/// Whether an appositive says the source asked not to be named: "who
/// asked not to be named", "speaking on condition of anonymity".
fn asks_anonymity(appositive: &str) -> bool {
    let a = appositive.to_lowercase();
    [
        "not to be named",
        "not be named",
        "anonymity",
        "anonymously",
        "not to be identified",
        "not be identified",
        // "who was not authorised to speak to reporters".
        "not authorized to",
        "not authorised to",
        "not permitted to",
    ]
    .iter()
    .any(|m| a.contains(m))
}

/// A slug of a normalised name: lowercase, runs of non-alphanumerics become
/// one '-'. Same name, same id, in any story.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    // A name all ASCII, as nearly every one is, by its bytes: no
    // character decoded, no test of the character's width.
    if name.is_ascii() {
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                dash = true;
            }
        }
        return out;
    }
    for c in name.chars() {
        // ASCII, as nearly every name is, without the Unicode tables and
        // the case-mapping iterator, which cost about a hundred
        // instructions a character.
        let alnum = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if alnum {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            dash = true;
        }
    }
    out
}

fn is_cap(w: &str) -> bool {
    // ASCII first: this ran on every word of an article (looking for places).
    match w.as_bytes().first() {
        Some(b'a' | b'e' | b'u') => article_joined(w),
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

fn is_suffix(w: &str) -> bool {
    matches!(w.trim_end_matches(['.', ',']), "Jr" | "Sr" | "II" | "III" | "IV")
}

pub(crate) fn is_particle(w: &str) -> bool {
    matches!(w, "de" | "van" | "von" | "der" | "da" | "del" | "la" | "bin" | "al" | "le" | "du")
}

/// [`is_particle`] capitalised or not ("De Wit" opening a sentence),
/// without lowering a string: this runs on every name resolved.
fn is_particle_any_case(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() > 3 {
        return false;
    }
    let mut lower = [0u8; 3];
    lower[..b.len()].copy_from_slice(b);
    lower.make_ascii_lowercase();
    std::str::from_utf8(&lower[..b.len()]).is_ok_and(is_particle)
}

fn strip_det<'a>(words: &[&'a str]) -> (bool, Vec<&'a str>) {
    let mut definite = false;
    let mut i = 0;
    // "those surveyed", "those over 60": the demonstrative is the head.
    while i < words.len()
        && cues::lookup(words[i]).class & class::DET != 0
        && i + 1 < words.len()
        && !words[i].eq_ignore_ascii_case("those")
        // "one of the officials", "some of his aides", "three in 10": the
        // quantity is part of the name, not an article to drop.
        && !words[i + 1].eq_ignore_ascii_case("of")
        && !words[i + 1].eq_ignore_ascii_case("in")
        // "No Labels": a body's name, not "no" before a noun.
        && !(words[i] == "No" && is_cap(words[i + 1]) && !no_one(&words[..2].join(" ")))
    {
        definite |= words[i].eq_ignore_ascii_case("the");
        i += 1;
    }
    (definite, words[i..].to_vec())
}

/// Who a possessive names: "Donald Trump's" is Donald Trump, "his" is
/// "he" ("Trump's claim that C", "his warning that C").
pub fn owner(possessive: &str) -> &str {
    match possessive {
        "his" | "His" => "he",
        "her" | "Her" => "she",
        "their" | "Their" => "they",
        _ => cues::possessive_owner(possessive).unwrap_or(possessive),
    }
}

/// "She's said", "They've warned": a pronoun with its auxiliary written
/// on is the pronoun.
fn without_contraction(mention: &str) -> &str {
    cues::contracted_pronoun(mention).unwrap_or(mention)
}

/// A body or a document, named in full.
fn organisation(name: String, role: Option<String>, gender: Gender) -> Parsed {
    Parsed { name, role, kind: SpeakerKind::Organization, pronoun: None, definite_head: None, gender, title: None }
}

fn trim_np(s: &str) -> &str {
    // An ASCII letter or digit at either end, as most mentions have:
    // nothing to trim, and no character decoded from either end three times.
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric) && b.last().is_some_and(u8::is_ascii_alphanumeric) {
        return s;
    }
    s.trim().trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '—' | '–')).trim()
}

/// The words of a name in lower case, split at spaces, slashes and
/// hyphens: "NBC News/Wall Street Journal" gives "nbc", "news", "wall",
/// "street", "journal".
fn name_parts(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| c.is_whitespace() || c == '/' || c == '-').filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Where a mention ends before what says when it came out: "a CBS poll
/// released Monday", "figures her campaign released Friday", "a report
/// to be published on Thursday", "an online poll out last week". The day
/// is no one's name, and the document is the same whether or not its
/// mention gives the day. The whole mention when it has no such ending.
fn before_when_put_out(words: &[&str]) -> usize {
    let time = |w: &str| cues::lookup(w).class & class::TIME != 0 && !matches!(w, "earlier" | "later" | "recently");
    let mut k = words.len();
    while k > 0 && (time(words[k - 1]) || matches!(words[k - 1], "on" | "late" | "early")) {
        k -= 1;
    }
    if k == words.len() || k < 2 || !words[k..].iter().any(|w| time(w)) {
        return words.len();
    }
    let put_out = |w: &str| {
        !is_cap(w)
            && (matches!(w, "out" | "released" | "published" | "issued" | "unveiled" | "posted" | "made" | "filed")
                || (w.len() > 4 && w.ends_with("ed") && cues::lookup(w).cue.is_none()))
    };
    if !put_out(words[k - 1]) {
        return words.len();
    }
    k -= 1;
    // "to be released", "was released", "that were released".
    while k > 1 && matches!(words[k - 1], "to" | "be" | "been" | "was" | "were" | "is" | "are" | "that" | "which") {
        k -= 1;
    }
    k
}

/// The words of `s`, as `split_whitespace` gives them: an ASCII text, as
/// nearly every mention and appositive is, split by its bytes, with no
/// character decoded (every mention parsed is split so, and its
/// appositive too).
fn words_of(s: &str) -> Vec<&str> {
    if !s.is_ascii() {
        return s.split_whitespace().collect();
    }
    // White space as `char::is_whitespace` has it in ASCII.
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = s.as_bytes();
    // (Room for most mentions' words at once: growing from none cost
    // more than the split.)
    let mut out = Vec::with_capacity(8);
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && space(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !space(bytes[i]) {
            i += 1;
        }
        if i > start {
            out.push(&s[start..i]);
        }
    }
    out
}

fn parse(mention: &str, appositive: Option<&str>) -> Parsed {
    let mention = without_contraction(trim_np(mention));
    // "Rep. Ann Roe (R-Ohio)": the party and state go with the role.
    // The last " (" by its parenthesis, found from the end: `rsplit_once`
    // set up a two-way searcher for every mention parsed.
    let bytes = mention.as_bytes();
    let open = memchr::memrchr_iter(b'(', bytes).find(|&i| i > 0 && bytes[i - 1] == b' ');
    let (mention, appositive) = match open.map(|i| (&mention[..i - 1], &mention[i + 1..])) {
        Some((m, p)) if p.ends_with(')') && is_party_state(&p[..p.len() - 1]) => {
            // "Sen. Bo Diaz (R-Texas), a former judge,": the description
            // says more than the party.
            (m, appositive.or(Some(&p[..p.len() - 1])))
        }
        // "the British Medical Association (BMA)": the body's acronym in
        // brackets after its name is no part of the name ("The BMA said"
        // later finds the name by its initials). Only after a name alone,
        // its words capitalised but for joiners.
        Some((m, p))
            if p.len() >= 3
                && p.len() <= 8
                && p.ends_with(')')
                && p[..p.len() - 1].bytes().all(|b| b.is_ascii_uppercase())
                && m.contains(' ')
                && m.split(' ')
                    .enumerate()
                    .all(|(k, w)| is_cap(w) || matches!(w, "of" | "and" | "for" | "&") || k == 0 && w == "the") =>
        {
            (m, appositive)
        }
        _ => (mention, appositive),
    };
    let mut all: Vec<&str> = words_of(mention);
    all.truncate(before_when_put_out(&all));
    let mut gender = Gender::Unknown;
    for w in &all {
        let c = cues::lookup(w).class;
        if c & class::MASC != 0 {
            gender = Gender::Masc;
        } else if c & class::FEM != 0 {
            gender = Gender::Fem;
        }
    }
    let appositive_role = appositive.map(|a| {
        let words: Vec<&str> = words_of(without_final_stop(trim_np(a)));
        let words = match words.first() {
            Some(&w) if (w == "who" || w == "which") && words.len() > 1 => relative_role(&words[1..]),
            _ => &words[..],
        };
        strip_det(words).1.join(" ")
    });
    let appositive_role = appositive_role.filter(|r| tells_role(r));
    // "one House Republican, who asked not to be named": whoever the
    // phrase names, the source is unnamed.
    // (A source word already makes it anonymous, and "the official, who
    // spoke on condition of anonymity," is the one named before.)
    if appositive.is_some_and(asks_anonymity)
        && all.len() >= 2
        && cues::lookup(all[0]).class & class::PRON == 0
        && !all[0].eq_ignore_ascii_case("the")
        && !all.iter().any(|w| cues::lookup(w).class & class::ANON != 0)
    {
        let (_, words) = strip_det(&all);
        return Parsed {
            name: words.join(" "),
            role: None,
            kind: SpeakerKind::Anonymous,
            pronoun: None,
            definite_head: None,
            gender,
            title: None,
        };
    }
    if all.len() == 1 && cues::lookup(all[0]).class & class::PRON != 0 {
        let lower = all[0].to_lowercase();
        return Parsed {
            name: lower.clone(),
            role: appositive_role,
            kind: SpeakerKind::Person,
            pronoun: Some(lower),
            definite_head: None,
            gender,
            title: None,
        };
    }
    // "The employers' association, Deltalinqs,", "Verrow, the chemicals
    // company,": one capitalised word that a description headed by a
    // body's noun names. Not "Roe, head of the union,": the head there is
    // what Roe is.
    // So are a few capitalised words a body's noun describes: "The rail
    // operator, Coastway Rail,", "Maris Lines, a freight company," (not
    // "Tom Hale, a developer": a given name, or a noun people are too).
    if (1..=4).contains(&all.len())
        && all.iter().all(|w| is_cap(w) && cues::lookup(w).class & class::ROLE == 0)
        && given_name_gender(all[0]) == Gender::Unknown
        && let Some(a) = appositive
        && let described = words_of(trim_np(a))
        && let Some(&head) = described.last()
        && !is_cap(head)
        && ((cues::lookup(head).class | cues::lookup(singular(head)).class) & class::ORG != 0
            || BODY_NOUNS.contains(&head))
        // (Several words only after a short description of common nouns:
        // "C. Stewart Roe Jr., a senior official during the Bush
        // administration," is a person.)
        && (all.len() == 1 || described.len() <= 4 && described.iter().skip(1).all(|w| !is_cap(w)))
        && !described.iter().any(|w| matches!(*w, "of" | "for" | "at" | "in" | "on" | "with" | "from" | "to" | "who"))
    {
        return organisation(all.join(" "), appositive_role, gender);
    }
    let (definite, mut words) = strip_det(&all);
    // "The Democrat, who took office in January, said": a party label
    // after the article describes a person the article has named; it is no
    // one's name.
    let party_label;
    if definite && words.len() == 1 && matches!(words[0], "Democrat" | "Republican") {
        party_label = words[0].to_ascii_lowercase();
        words[0] = party_label.as_str();
    }
    // "the United States said", "North Korea warned": a country speaks
    // through its government. (A one-word country may be a surname,
    // "Rep. Steve Israel": `Registry::resolve` decides those.)
    if words.len() >= 2 && is_cap(words[0]) && super::countries::is_country_words(&words) {
        return organisation(words.join(" "), appositive_role, gender);
    }
    // "While Ann Roe…", "What Mr. Roe…": a clause's opening word,
    // capitalised by its place, is no part of the speaker.
    while words.len() > 1
        && is_cap(words[0])
        && is_cap(words[1])
        && opens_clause(words[0])
        && cues::lookup(words[0]).class & class::DET == 0
    {
        words.remove(0);
    }
    // "Democrats supporting Mrs. Clinton", "activists trying to block
    // Ann Roe": people described by what they are doing. Whoever the
    // participle's phrase names does not speak; the description is the
    // source. (Not a role's adjective: "ranking member Ann Roe".)
    if let Some(k) = (1..words.len()).find(|&k| {
        let w = words[k];
        w.len() >= 5
            && w.ends_with("ing")
            && !is_cap(w)
            && cues::lookup(w).class & (class::PREP | class::ROLE | class::TIME) == 0
            && !cues::ROLE_ADJECTIVES.contains(&w)
            // ("the ruling party", "a polling firm", "sitting senators".)
            && !["ruling", "governing", "polling", "consulting", "sitting", "remaining"].contains(&w)
            && words[k - 1].ends_with('s')
            && cues::possessive_owner(words[k - 1]).is_none()
    }) && k + 1 < words.len()
        && !all.iter().any(|w| cues::lookup(w).class & class::ANON != 0)
    {
        let name = words.join(" ");
        // ("Voters going to the polls": capitalised by its place only.)
        let common = cues::lookup(words[0]).class & (class::DET | class::GROUP) != 0 && !is_cap(words[1]);
        return organisation(if common { lowercase_first(&name) } else { name }, appositive_role, gender);
    }
    // "A 2014 study by Harvard and the University of Leeds", "The
    // Ledger's rolling average of polls": a document, named in full with
    // where it is from (no person at the end of the phrase speaks).
    let head = words
        .iter()
        .position(|w| matches!(*w, "of" | "at" | "for" | "from" | "with" | "in" | "on" | "by" | "that" | "which"))
        .unwrap_or(words.len());
    // ("Data from the Office for National Statistics": capitalised by its
    // place.)
    let document = |k: usize| cues::lookup(singular(words[k])).class & class::DOCUMENT != 0;
    // "Records obtained by the Ledger": the paper that saw them is no
    // source, the records are. (Not "a complaint filed by the SEC": its
    // author speaks through it.)
    let described_document =
        |k: usize| k >= 1 && words[k + 1] == "by" && cues::SEEN_BY.contains(&words[k]) && document(k - 1);
    if head > 0 && head < words.len() && (head == 1 || !is_cap(words[head - 1])) && described_document(head - 1) {
        return organisation(words[..head - 1].join(" "), appositive_role, gender);
    }
    // "A study published Monday in the journal Nature": the document, what
    // describes it (lower case, or a day) and where it appeared; the
    // journal's name is no speaker's. (Its author after "by" or "from"
    // is: "a survey conducted by analyst Ann Roe".) Not "research director
    // for IHS": a noun after the document's makes it a person's title.
    let describes = |w: &str| {
        cues::lookup(w).class & class::TIME != 0
            || (!is_cap(w) && (w.ends_with("ed") || w.ends_with("en") || w == "out"))
    };
    if head < words.len()
        && let Some(d) = (head.saturating_sub(4)..head).find(|&k| document(k))
        && (d + 1 == head || !matches!(words[head], "by" | "from"))
        && (d == 0 || !is_cap(words[d]))
        && words[d + 1..head].iter().all(|w| describes(w))
    {
        return organisation(words.join(" "), appositive_role, gender);
    }
    // "Joel Roe of the Daily Planet": the name is before the preposition,
    // what follows places them. Not for "Secretary of Defense Ann Roe".
    let mut placed: Option<String> = None;
    let pp = words.iter().position(|w| matches!(*w, "of" | "at" | "for" | "from" | "with" | "in" | "on"));
    // (A surname that is also a title's word after a given name or an
    // initial: "Peter T. King of New York", "Ann Bishop of Leeds".)
    let surname_after_given = |k: usize| {
        let before = words[k - 2];
        given_name_gender(before) != Gender::Unknown || (before.len() == 2 && before.ends_with('.'))
    };
    // ("Luiz Inácio Lula da Silva of Brazil": a particle inside the name.)
    let name_word_before =
        |k: usize| is_cap(words[k - 2]) || k > 2 && is_particle(words[k - 2]) && is_cap(words[k - 3]);
    if let Some(k) = pp
        && k > 1
        && is_cap(words[k - 1])
        && name_word_before(k)
        // ("the National Institutes of Health": a body's plural noun.)
        && ((cues::lookup(words[k - 1]).class | cues::lookup(singular(words[k - 1])).class)
            & (class::ROLE | class::ORG)
            == 0
            || surname_after_given(k))
        && k + 1 < words.len()
    {
        placed = Some(words[k..].join(" "));
        words.truncate(k);
    }
    // "the Commission on Presidential Debates", "the Centers for Disease
    // Control": an organisation, named in full. Not "Centers for Disease
    // Control Director Thomas Frieden": a title and a name after the body.
    let titled_name = |from: usize| {
        let n = words.len();
        n >= from + 3 && {
            let c = cues::lookup(words[n - 3]).class;
            // ("Union of Concerned Scientists analyst Ann Roe": a title in
            // lower case as well.)
            c & class::ROLE != 0 && c & (class::ORG | class::FIELD) == 0 && words[n - 2..].iter().all(|w| is_cap(w))
        }
    };
    if let Some(k) = pp
        && k > 0
        && !titled_name(k + 1)
        && is_cap(words[k - 1])
        && (cues::lookup(words[k - 1]).class | cues::lookup(singular(words[k - 1])).class) & class::ORG != 0
    {
        return organisation(words.join(" "), appositive_role, gender);
    }
    // "a spokeswoman for Ann Roe": the spokeswoman speaks, not Ann Roe.
    // So does "a producer for Acme Studios": a described person (an
    // article before the noun) and the body named after the preposition.
    // Not "former secretary of state Ann Roe", a title and a name.
    let articled = all.first().is_some_and(|w| cues::lookup(w).class & class::DET != 0);
    // "Aides to Gov. Ann Roe", "Lawyers for Ann Roe" opening a sentence:
    // the common noun is capitalised by its place and still heads the
    // phrase; the person after the preposition does not speak. A source
    // noun ("Aides", "Officials") heads any such phrase; another common
    // noun only one about a person ("Friends of the Earth" is a body).
    let opening_head = words.len() >= 3
        && is_cap(words[0])
        && matches!(words[1], "to" | "for" | "of" | "at" | "with" | "from" | "in")
        && {
            let c = cues::lookup(words[0]).class;
            c & class::ORG == 0
                && c & class::ROLE == 0
                && (c & class::ANON != 0 || (c & class::GROUP != 0 && names_a_person(&words[2..])))
                // ("Adviser to the UN Ann Roe": a title, then her name.)
                && !(words[1] == "to" && ends_in_given_and_surname(&words[2..]))
        };
    let common_head = opening_head
        || pp.is_some_and(|k| {
            let titled = words.get(k + 1).is_some_and(|w| !is_cap(w) && cues::lookup(w).class & class::ROLE != 0)
                && words.get(k + 2).is_some_and(|w| is_cap(w));
            k > 0
                && !is_cap(words[k - 1])
                && !titled
                && (cues::lookup(words[k - 1]).class & (class::ANON | class::GROUP) != 0 || articled)
        });
    // "A source close to Mr Clegg", "an aide to Ann Roe", "sources close
    // to Ms Roe": a described person with "to" and a name after; the name
    // is whom they serve or know, not who speaks. (Only a name alone
    // after it: "senior adviser to the president Valerie Jarrett" is a
    // title and a name.)
    let served = words.iter().position(|w| *w == "to").is_some_and(|k| {
        let noun = match k.checked_sub(1) {
            Some(p) if matches!(words[p], "close" | "closest" | "loyal" | "near") => p.checked_sub(1),
            other => other,
        };
        noun.is_some_and(|p| {
            let n = words[p];
            (!is_cap(n) || p == 0)
                && cues::lookup(n).class & class::ANON != 0
                && (articled || n.ends_with('s'))
                && k + 1 < words.len()
                && words[k + 1..].iter().all(|w| is_cap(w))
                && !ends_in_given_and_surname(&words[k + 1..])
        })
    });
    let common_head = common_head || served;
    let appositive_role = appositive_role.or(placed);
    // "Officials said" at the start of a sentence: a common noun, capitalised
    // only by its position.
    let lowered;
    // ("Regulators say", "Pediatricians said": a plural of people by its
    // ending, not a surname.)
    if let Some(first) = words.first()
        && is_cap(first)
        && (cues::lookup(first).class & (class::ANON | class::GROUP) != 0
            || words.len() == 1 && plural_of_people(first))
        && cues::lookup(first).class & class::ORG == 0
        && words.iter().skip(1).all(|w| !is_cap(w))
    {
        lowered = lowercase_first(first);
        words[0] = lowered.as_str();
    }
    // The trailing run of capitalised words is the name. ("Reuters' Ann
    // Roe", "MSNBC's Alex Wald": an owner before two or more names says
    // whose they are, as "Trump's lawyer" does.)
    let mut r = words.len();
    while r > 0 {
        let w = words[r - 1];
        if cues::possessive_owner(w).is_some() && words.len() - r >= 2 {
            break;
        }
        if (is_cap(w) && !is_descriptor(w)) || (is_particle(w) && r < words.len()) {
            r -= 1;
        } else {
            break;
        }
    }
    // "Friends of the Earth", "Critics of the Fed": a group named by what
    // it stands with or against. What follows "the" is no person's name,
    // and the group speaks, not the body it is named for.
    if r == 3
        && r < words.len()
        && words[2] == "the"
        && matches!(words[1], "of" | "for")
        && is_cap(words[0])
        && cues::lookup(words[0]).class & (class::GROUP | class::ROLE | class::ORG | class::ANON) == class::GROUP
    {
        return organisation(words.join(" "), appositive_role, gender);
    }
    // "the Resolution Foundation think tank", "the Guardian newspaper": a
    // body's name before the noun of what it is, which is its role (not
    // "the Trump campaign": a campaign is no noun of what a name is).
    if r == words.len() && !common_head {
        let k = words.iter().position(|w| !is_cap(w)).unwrap_or(words.len());
        let what = words[k..].join(" ");
        if k >= 1
            && DESCRIBED_BODIES.contains(&what.as_str())
            && given_name_gender(words[0]) == Gender::Unknown
            && words[..k].iter().all(|w| cues::lookup(w).class & (class::ROLE | class::DET | class::PRON) == 0)
        {
            return organisation(words[..k].join(" "), appositive_role.or(Some(what)), gender);
        }
    }
    if r == words.len() || common_head {
        // A common noun phrase: "officials", "the official", "critics",
        // "people familiar with the matter".
        let mut name = words.join(" ");
        // (Not "Justice Department spokeswoman", "Mayor Ruth Allen's
        // spokesman": the capitalised word opens a name.)
        if let Some(first) = words.first()
            && is_cap(first)
            && (cues::lookup(first).class & class::DET != 0
                || (cues::lookup(first).class & (class::ANON | class::GROUP) != 0
                    && !words.get(1).is_some_and(|w| is_cap(w))))
        {
            name = lowercase_first(&name);
        }
        let anon = words.iter().any(|w| cues::lookup(w).class & class::ANON != 0);
        let np = if opening_head { &words[..1] } else { &words[..] };
        // The head comes before any phrase after it: "mother" in "the
        // mother of three".
        let before_pp = np.iter().skip(1).position(|w| *w == "of").map_or(np.len(), |p| p + 1);
        // A people noun at the end is the head whatever is before it: "a
        // police officer" is an officer, not the police.
        let head_word = np[..before_pp]
            .last()
            .filter(|w| is_person_noun(w))
            .or_else(|| np.iter().rev().find(|w| cues::lookup(w).class & (class::ANON | class::GROUP) != 0))
            .or(np[..before_pp].last());
        let head = head_word.map(|w| w.to_lowercase()).unwrap_or_default();
        // "the nominee", "the Indiana governor": a person, by role. A word
        // of a title that names a field ("State" in "State Sen.", "Treasury
        // Secretary") is no person as the head: "the state said", "the
        // Treasury said".
        let person = head_word.is_some_and(|w| {
            let c = cues::lookup(w).class;
            (c & class::ROLE != 0 && c & (class::ORG | class::FIELD) == 0) || is_person_noun(w)
        });
        return Parsed {
            name,
            role: appositive_role,
            kind: if anon {
                SpeakerKind::Anonymous
            } else if person {
                SpeakerKind::Person
            } else {
                SpeakerKind::Organization
            },
            pronoun: None,
            definite_head: definite.then_some(head),
            gender,
            title: None,
        };
    }
    // "The United Nations High Commissioner for Human Rights", "the
    // Minister for Health": an office named with what it is for. The
    // words after "for" name no one ("Secretary of State Rubio" does: a
    // surname after the field).
    if r >= 2
        && matches!(words[r - 1], "for" | "of")
        && is_cap(words[r - 2])
        && cues::lookup(words[r - 2]).class & class::ROLE != 0
        && cues::lookup(words[r - 2]).class & class::ORG == 0
        && words.len() - r <= 4
        && words[r..].iter().all(|w| given_name_gender(w) == Gender::Unknown)
        && {
            let field = |w: &str| cues::lookup(w).class & class::FIELD != 0;
            let last = words[words.len() - 1];
            words[r..].iter().all(|w| field(w))
                || (last.len() > 3 && last.ends_with('s') && !field(words[r]) && !is_particle(words[r]))
        }
    {
        let head = words[r - 2].to_lowercase();
        return Parsed {
            name: words.join(" "),
            role: appositive_role,
            kind: SpeakerKind::Person,
            pronoun: None,
            definite_head: definite.then_some(head),
            gender,
            title: None,
        };
    }
    let run = &words[r..];
    let head_class = name_word_class(run[run.len() - 1]);
    let any_role = run.iter().any(|w| cues::lookup(w).class & class::ROLE != 0);
    // Drop titles and role words off the front of the run, and a party's
    // label before a given name ("Conservative Mark Field", "Tory Ann
    // Roe"; the American parties are role words already).
    let mut n = 0;
    while n + 1 < run.len()
        && (cues::lookup(run[n]).class & (class::ROLE | class::ORG) != 0
            // ("PM Helen Ashworth": the prime minister's initials, never
            // a role word of the lexicon, where "4 PM." would keep its stop.)
            || run[n] == "PM"
            || PARTY_LABELS.contains(&run[n])
                && n + 2 < run.len()
                && (is_given_name(run[n + 1]) || PARTY_LABELS.contains(&run[n + 1])))
        && !is_suffix(run[n])
        && !given_name_of_a_title(run, n)
    {
        n += 1;
    }
    // "The United Nations", "the Air Force", "National Grid", "Health
    // Canada": words that only say a title's field ("State Sen.", "Health
    // Secretary") before one more capitalised word are a body's name,
    // not a title and a surname. (Not after a title's head: "Secretary
    // of State Dufour".)
    if r == 0
        && n > 0
        && n + 1 == run.len()
        && run[..n].iter().all(|w| cues::lookup(w).class & class::FIELD != 0)
        && given_name_gender(run[n]) == Gender::Unknown
        && !is_suffix(run[n])
    {
        return organisation(words.join(" "), appositive_role, gender);
    }
    // "Network Rail", "Police Scotland", "Court Services": a body's noun
    // before one more capitalised word that is no given name is a body's
    // name too (a title would have a role word: "Police Chief Roe").
    if r == 0
        && n > 0
        && n + 1 == run.len()
        && run[..n].iter().all(|w| cues::lookup(w).class & (class::ORG | class::ROLE) == class::ORG)
        && given_name_gender(run[n]) == Gender::Unknown
        && !is_suffix(run[n])
        && !is_capitals(run[n])
    {
        return organisation(words.join(" "), appositive_role, gender);
    }
    // "Dockworker Sam Patel", "Nurse Ann Roe": a common noun for a person,
    // capitalised as a title or by the sentence, before a full name.
    // (Not "Italian Prime Minister ...": a nationality is no noun here.)
    if n == 0 && run.len() == 3 {
        let first = run[0].to_lowercase();
        if is_person_noun(&first) && !first.ends_with("ian") {
            n = 1;
        }
    }
    // "Senior Adviser Sidney Blumenthal", "McCain Challenger Kelli Ward":
    // a noun for a person, capitalised as a title, before a given name and
    // a surname.
    if run.len() >= 3
        && n <= run.len() - 3
        && given_name_gender(run[run.len() - 3]) == Gender::Unknown
        && (run.len() < 4 || given_name_gender(run[run.len() - 4]) == Gender::Unknown)
        && is_cap(run[run.len() - 3])
        && is_cap(run[run.len() - 2])
        // ("Belgian President Dufour": a title after the noun.)
        && cues::lookup(run[run.len() - 2]).class & class::ROLE == 0
        && {
            let w = run[run.len() - 3].to_lowercase();
            cues::lookup(&w).class & class::ANON != 0 || is_person_noun(&w)
        }
    {
        n = run.len() - 2;
    }
    // "Ambassador to the UN Samantha Power", "Envoy to Syria Ann Roe": a
    // title to a body or a place, then a given name and a surname.
    // So is a title of what the office is for: "Supervisor of Elections
    // Susan Bucher", "Director of Public Works Ann Roe".
    if r >= 1
        && (words[r - 1] == "to"
            || r >= 2 && words[r - 1] == "the" && words[r - 2] == "to"
            || r >= 2 && matches!(words[r - 1], "of" | "for") && cues::lookup(words[r - 2]).class & class::ROLE != 0)
        && ends_in_given_and_surname(run)
    {
        n = n.max(run.len() - 2);
    }
    // A title whose first word is not a role word ("Fire Chief Laura
    // Benson", "Harbour Master Lena Fischer"): a role word followed by a
    // two-word name still ends the title.
    // So does a nationality or a place before a title and a surname
    // ("French President Macron", "Saudi Crown Prince Mohammed").
    // After a title already dropped, the same: "U.S. District Judge Amit
    // Mehta" (not "Rep. Mary Gay Scanlon": a given name opens the name).
    if run.len() >= n + 3 && (n == 0 || given_name_gender(run[n]) == Gender::Unknown) {
        let first = n;
        let last_role = (first + 1..run.len() - 1).rev().find(|&k| {
            let c = cues::lookup(run[k]).class;
            c & class::ROLE != 0
                && c & class::ORG == 0
                && !is_suffix(run[k])
                && (k + 2 < run.len() || given_name_gender(run[first]) == Gender::Unknown && !is_suffix(run[k + 1]))
        });
        if let Some(k) = last_role {
            n = k + 1;
        }
    }
    // ("the Conservative Mark Field": a party's label and a person.)
    let party_name = n > 0 && PARTY_LABELS.contains(&run[0]);
    let org = head_class & class::ORG != 0
        || (r == 0 && definite && !any_role && !party_name && run.len() <= 3 && head_class & class::ROLE == 0)
        || (head_class & class::GROUP != 0 && run.len() == 1)
        || seat_of_power(run);
    if org {
        let name = words.join(" ");
        return Parsed {
            name,
            role: appositive_role,
            kind: SpeakerKind::Organization,
            pronoun: None,
            definite_head: None,
            gender,
            title: None,
        };
    }
    // Keep at most four name words plus a suffix.
    let mut name_words = &run[n..];
    // ("Luiz Inácio Lula da Silva": a particle is no word of its own.)
    let core = |w: &str| !is_suffix(w) && !is_particle(w);
    if name_words.iter().filter(|w| core(w)).count() > 4
        && let Some(start) = name_words.iter().enumerate().rev().filter(|(_, w)| core(w)).nth(3).map(|(k, _)| k)
    {
        name_words = &name_words[start..];
    }
    let name = name_words.join(" ");
    let role_words = words.len() - name_words.len();
    let title = (role_words > 0).then(|| {
        let mut role = words[..role_words].join(" ");
        if role.ends_with(',') {
            role.pop();
        }
        role
    });
    let title_words = title.clone();
    // A party and state after the name add to the title: "Sen., D-Mass.".
    let role = match (title, appositive_role) {
        (Some(t), Some(a)) if is_party_state(&a) => Some(format!("{t}, {a}")),
        (t, a) => a.or(t),
    };
    // A lone acronym ("KH", "NATO") is an organisation, not a person.
    let acronym = name_words.len() == 1 && name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase());
    // "according to Tchadinfos.com": a website, by its domain, no person
    // (the sentence's full stop, read with the domain, is no part of it).
    let website = name_words.len() == 1 && is_domain(name.trim_end_matches('.'));
    let name = if website { name.trim_end_matches('.').to_string() } else { name };
    // "Global financial firm JP Morgan", "the record label Big Machine": a
    // title that ends in a body's noun names a body, not a person.
    let body_title = title_words
        .as_deref()
        .and_then(|t| t.split_whitespace().next_back())
        .is_some_and(is_body_head)
        // "The group that owns her music, Big Machine,": so does a role
        // whose head, before any clause or phrase after it, is one. (A
        // common noun: "Ann Roe of Eurasia Group" works there.)
        // Not "Holger Schmieding of Berenberg, Germany's largest private
        // bank,", whose role describes the bank, nor "The company and
        // France's secretary of state, Pascale Boistard,".
        || role.as_deref().is_some_and(|r| {
            let mut words = r.split_whitespace();
            let np: Vec<&str> = words
                .by_ref()
                .take_while(|w| *w != "to" && cues::lookup(w).class & (class::PREP | class::SUB | class::AUX) == 0)
                .take(5)
                .collect();
            r.starts_with(char::is_lowercase)
                && np.len() <= 4
                && np.iter().all(|w| cues::lookup(w).class & class::CONJ == 0)
                && np.last().is_some_and(|h| is_body_head(h))
        });
    // "Hillary Clinton" is no antecedent of "he": a given name tells, when
    // nothing in the mention did.
    let gender = match gender {
        Gender::Unknown if name_words.len() >= 2 => given_name_gender(name_words[0]),
        g => g,
    };
    Parsed {
        name,
        role: role.filter(|r| tells_role(r)),
        kind: if acronym || body_title || website { SpeakerKind::Organization } else { SpeakerKind::Person },
        pronoun: None,
        definite_head: None,
        gender,
        title: title_words,
    }
}

/// Whether a word is a web domain: a name, a dot, and a top-level domain
/// of letters ("Politico.com", "Tchadinfos.com", "bbc.co.uk").
fn is_domain(w: &str) -> bool {
    w.rsplit_once('.').is_some_and(|(host, tld)| {
        !host.is_empty()
            && host.split('.').all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-'))
            && matches!(
                tld.to_ascii_lowercase().as_str(),
                "com" | "org" | "net" | "uk" | "io" | "gov" | "edu" | "news" | "info" | "tv" | "co"
            )
    })
}

/// Given names that English-language news gives almost only to women, and
/// to men: sorted, for a binary search. Names given to both ("Jordan",
/// "Kim", "Lindsey", "Jean", "Andrea") are in neither: a wrong gender
/// sends "he" past the right person, an unknown one costs nothing.
const FEMININE_NAMES: [&str; 216] = [
    "abigail",
    "agnes",
    "aisha",
    "alexandra",
    "alexandria",
    "alice",
    "alicia",
    "alison",
    "amanda",
    "amelia",
    "amy",
    "ana",
    "andrea",
    "angela",
    "angelina",
    "ann",
    "anna",
    "anne",
    "barbara",
    "beatriz",
    "beth",
    "betsy",
    "betty",
    "bonnie",
    "brenda",
    "brigitte",
    "caitlin",
    "camila",
    "carla",
    "carly",
    "carmen",
    "carol",
    "caroline",
    "catherine",
    "cathy",
    "cecilia",
    "charlotte",
    "cheryl",
    "chloe",
    "christina",
    "christine",
    "claire",
    "clara",
    "claudia",
    "connie",
    "cynthia",
    "daniela",
    "debbie",
    "deborah",
    "denise",
    "diana",
    "diane",
    "donna",
    "doris",
    "dorothy",
    "elaine",
    "eleanor",
    "elena",
    "elise",
    "elizabeth",
    "ellen",
    "elsa",
    "emilia",
    "emily",
    "emma",
    "erica",
    "eva",
    "evelyn",
    "fatima",
    "fiona",
    "frances",
    "francesca",
    "gabriela",
    "gail",
    "gina",
    "gloria",
    "grace",
    "greta",
    "gwen",
    "hannah",
    "heather",
    "heidi",
    "helen",
    "hillary",
    "holly",
    "hope",
    "huma",
    "ilhan",
    "ines",
    "ingrid",
    "irene",
    "irina",
    "isabel",
    "isabella",
    "jacqueline",
    "jane",
    "janet",
    "janice",
    "jasmine",
    "jeanne",
    "jennifer",
    "jenny",
    "jessica",
    "jill",
    "joan",
    "joanna",
    "joanne",
    "josephine",
    "joyce",
    "judith",
    "judy",
    "julia",
    "julie",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathy",
    "katie",
    "katrina",
    "kayleigh",
    "kellyanne",
    "kirsten",
    "kristin",
    "laura",
    "lauren",
    "leah",
    "leila",
    "lena",
    "lina",
    "linda",
    "lisa",
    "liz",
    "loretta",
    "lorraine",
    "louise",
    "lucia",
    "lucy",
    "lydia",
    "margaret",
    "maria",
    "mariana",
    "marie",
    "marina",
    "marjorie",
    "marsha",
    "marta",
    "martha",
    "mary",
    "maya",
    "megan",
    "megyn",
    "melania",
    "melissa",
    "michelle",
    "miriam",
    "mona",
    "monica",
    "nadia",
    "nancy",
    "naomi",
    "natalie",
    "nicole",
    "nikki",
    "nina",
    "nora",
    "olga",
    "olivia",
    "pamela",
    "patricia",
    "patty",
    "paula",
    "peggy",
    "priya",
    "rachel",
    "rebecca",
    "rita",
    "rosa",
    "rose",
    "rosemary",
    "ruth",
    "sabrina",
    "sally",
    "samantha",
    "sandra",
    "sara",
    "sarah",
    "sharon",
    "silvia",
    "sofia",
    "sophia",
    "sophie",
    "stella",
    "stephanie",
    "sue",
    "susan",
    "susana",
    "suzanne",
    "tammy",
    "tanya",
    "tara",
    "teresa",
    "theresa",
    "tina",
    "tulsi",
    "ursula",
    "valerie",
    "vanessa",
    "vera",
    "veronica",
    "victoria",
    "wendy",
    "yasmin",
    "yolanda",
    "yvonne",
    "zoe",
];
const MASCULINE_NAMES: [&str; 267] = [
    "aaron",
    "abdul",
    "abdullah",
    "adam",
    "ahmad",
    "ahmed",
    "alan",
    "albert",
    "alejandro",
    "alexander",
    "alfred",
    "ali",
    "anders",
    "andre",
    "andres",
    "andrew",
    "andrzej",
    "angelo",
    "anthony",
    "antonio",
    "arthur",
    "barack",
    "ben",
    "benjamin",
    "bernard",
    "bernie",
    "bill",
    "bob",
    "boris",
    "brad",
    "brandon",
    "brian",
    "bruce",
    "carl",
    "carlos",
    "cesar",
    "charles",
    "chris",
    "christian",
    "christopher",
    "chuck",
    "colin",
    "craig",
    "curtis",
    "dan",
    "daniel",
    "darrell",
    "darren",
    "dave",
    "david",
    "dennis",
    "derek",
    "dick",
    "diego",
    "dieter",
    "dmitri",
    "dominic",
    "don",
    "donald",
    "doug",
    "douglas",
    "dylan",
    "ed",
    "eduardo",
    "edward",
    "elijah",
    "emmanuel",
    "enrique",
    "eric",
    "erik",
    "ernest",
    "ethan",
    "eugene",
    "evan",
    "fabio",
    "felipe",
    "fernando",
    "francisco",
    "francois",
    "frank",
    "fred",
    "gabriel",
    "gary",
    "gavin",
    "george",
    "gerald",
    "gerhard",
    "giovanni",
    "giuseppe",
    "greg",
    "gregory",
    "guillermo",
    "gustavo",
    "hamid",
    "hans",
    "harold",
    "harry",
    "hassan",
    "hector",
    "helmut",
    "henrik",
    "henry",
    "howard",
    "hugo",
    "ian",
    "ibrahim",
    "igor",
    "ivan",
    "jack",
    "jacob",
    "jaime",
    "jake",
    "james",
    "jason",
    "javier",
    "jeb",
    "jeff",
    "jeffrey",
    "jens",
    "jeremy",
    "jerry",
    "jesse",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jorge",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "juergen",
    "justin",
    "karim",
    "karl",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "khalid",
    "klaus",
    "kurt",
    "kyle",
    "larry",
    "lars",
    "lawrence",
    "leon",
    "leonard",
    "louis",
    "luca",
    "luis",
    "luke",
    "manuel",
    "marco",
    "marcus",
    "mario",
    "mark",
    "martin",
    "mateo",
    "matt",
    "matteo",
    "matthew",
    "michael",
    "miguel",
    "mike",
    "mitch",
    "mitt",
    "mohamed",
    "mohammad",
    "mohammed",
    "muhammad",
    "mustafa",
    "nathan",
    "nathaniel",
    "neil",
    "nicholas",
    "nick",
    "nigel",
    "nils",
    "noah",
    "olaf",
    "omar",
    "oscar",
    "owen",
    "pablo",
    "paolo",
    "patrick",
    "paul",
    "pedro",
    "peter",
    "phil",
    "philip",
    "pierre",
    "piotr",
    "rafael",
    "ralph",
    "randy",
    "rashid",
    "raul",
    "ray",
    "raymond",
    "reince",
    "reza",
    "ricardo",
    "richard",
    "rick",
    "rob",
    "robert",
    "roberto",
    "rodrigo",
    "roger",
    "rolf",
    "ron",
    "ronald",
    "roy",
    "rudy",
    "rush",
    "russell",
    "ryan",
    "sam",
    "samuel",
    "scott",
    "sean",
    "sergei",
    "sergio",
    "shane",
    "simon",
    "stefan",
    "stefano",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "sven",
    "tariq",
    "ted",
    "terrence",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tomas",
    "tony",
    "travis",
    "trevor",
    "troy",
    "victor",
    "viktor",
    "vincent",
    "vladimir",
    "walter",
    "wayne",
    "wesley",
    "william",
    "willie",
    "wolfgang",
    "xi",
    "youssef",
    "yuri",
    "yusuf",
    "zachary",
];

/// The gender an honorific opening a name tells ("Mr", "Mrs.", "Ms",
/// "Miss"); any other word tells none.
fn honorific_gender(w: &str) -> Gender {
    TITLES.iter().find(|(t, _)| t.trim_end() == w).map_or(Gender::Unknown, |&(_, g)| g)
}

fn given_name_gender(w: &str) -> Gender {
    // `w` lowered once into a key of numbers searched for among the lists'
    // keys: a comparator lowering both sides byte by byte cost about 700
    // instructions a name, one comparing byte slices a memcmp call a step.
    // A word longer than a key is longer than every listed name; one with
    // a zero byte would pass for the name without it, and is no name.
    let b = w.as_bytes();
    if b.len() > 16 || b.contains(&0) {
        return Gender::Unknown;
    }
    let mut lower = [0u8; 16];
    lower[..b.len()].copy_from_slice(b);
    lower.make_ascii_lowercase();
    let key = u128::from_be_bytes(lower);
    if FEMININE_KEYS.binary_search(&key).is_ok() {
        Gender::Fem
    } else if MASCULINE_KEYS.binary_search(&key).is_ok() {
        Gender::Masc
    } else {
        Gender::Unknown
    }
}

/// A lowercase name as a number in the names' order: its bytes big-endian,
/// zero-padded to 16.
const fn name_key(name: &str) -> u128 {
    let b = name.as_bytes();
    assert!(b.len() <= 16, "a given name longer than a key");
    let mut key = 0u128;
    let mut i = 0;
    while i < 16 {
        key <<= 8;
        if i < b.len() {
            key |= b[i] as u128;
        }
        i += 1;
    }
    key
}

const fn name_keys<const N: usize>(names: &[&str; N]) -> [u128; N] {
    let mut keys = [0u128; N];
    let mut i = 0;
    while i < N {
        keys[i] = name_key(names[i]);
        i += 1;
    }
    keys
}

static FEMININE_KEYS: [u128; FEMININE_NAMES.len()] = name_keys(&FEMININE_NAMES);
static MASCULINE_KEYS: [u128; MASCULINE_NAMES.len()] = name_keys(&MASCULINE_NAMES);

/// A word or name in capitals ("WALLACE", "MR. TRUMP"), two letters at
/// least.
pub(crate) fn is_capitals(w: &str) -> bool {
    w.bytes().filter(u8::is_ascii_alphabetic).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// The text within 16 KB of bytes `[s, e)`: a label's name is looked for
/// near it, so that a long input's labels do not each read all of it.
fn near(doc: &str, s: usize, e: usize) -> &str {
    const REACH: usize = 16 * 1024;
    let mut from = s.saturating_sub(REACH);
    while !doc.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (e + REACH).min(doc.len());
    while !doc.is_char_boundary(to) {
        to += 1;
    }
    &doc[from..to]
}

/// Whether `word` stands in `doc` as a word of its own, not inside another.
fn has_word(doc: &str, word: &str) -> bool {
    doc.match_indices(word).any(|(i, _)| {
        let before = doc[..i].chars().next_back();
        let after = doc[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// "WALLACE" as "Wallace", "MR. TRUMP" as "Mr. Trump": a name a transcript
/// prints in capitals, written as running text would write it.
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut first = true;
    for ch in name.chars() {
        if first {
            out.push(ch);
        } else {
            out.extend(ch.to_lowercase());
        }
        first = !ch.is_alphanumeric() && ch != '\'' && ch != '\u{2019}';
    }
    out
}

/// The people of a subject that names several ("Roe and Diaz", "Sens. Ann
/// Roe, Bo Diaz and Cy Eng", "Defense Secretary Ann Roe and Gen. Bo
/// Diaz"), one mention each, a plural title given to each. None when the
/// subject is one speaker: a single name, or a group ("U.S. and British
/// officials", "Republicans and Democrats"). Each person comes with the
/// appositive that follows their name, if any ("Ann Roe, a senator, and
/// Bo Diaz").
pub fn split_subject(mention: &str) -> Option<Vec<(String, Option<String>)>> {
    let mention = trim_np(mention);
    if !scan::contains(mention, " and ", 3) {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut appositives: Vec<Option<&str>> = Vec::new();
    for piece in mention.split(", ") {
        for part in piece.split(" and ") {
            let part = part.trim().trim_start_matches("and ").trim();
            if part.is_empty() {
                continue;
            }
            // "a senator", "the harbour master": the previous name's role.
            let described = part.split_whitespace().next().is_some_and(|w| ["a", "an", "the"].contains(&w));
            if described && !parts.is_empty() && appositives.last() == Some(&None) {
                *appositives.last_mut().unwrap() = Some(part);
                continue;
            }
            parts.push(part);
            appositives.push(None);
        }
    }
    if parts.len() < 2 {
        return None;
    }
    // A plural title before the first name belongs to every name.
    const PLURAL_TITLES: [(&str, &str); 9] = [
        ("Sens.", "Sen."),
        ("Reps.", "Rep."),
        ("Senators", "Senator"),
        ("Representatives", "Representative"),
        ("Govs.", "Gov."),
        ("Gens.", "Gen."),
        ("Drs.", "Dr."),
        ("Messrs.", "Mr."),
        ("Profs.", "Prof."),
    ];
    let mut title = None;
    if let Some((first, rest)) = parts[0].split_once(' ')
        && let Some(&(_, one)) = PLURAL_TITLES.iter().find(|(many, _)| *many == first)
    {
        title = Some(one);
        parts[0] = rest;
    }
    // Each part must end in a name: a capitalised word that is neither a
    // title, an organisation nor a group noun.
    let named = |part: &str| {
        // "Ann Roe (D-Ore.)": the party and state are no part of the name.
        let words: Vec<&str> = part.split_whitespace().filter(|w| !(w.starts_with('(') && w.ends_with(')'))).collect();
        words.iter().all(|w| is_cap(w) || is_particle(w) || w.starts_with(|c: char| c.is_ascii_digit()))
            && words.iter().rev().find(|w| !is_suffix(w)).is_some_and(|w| {
                let c = cues::lookup(w).class;
                is_cap(w) && c & (class::ROLE | class::ORG | class::GROUP | class::ANON | class::DET | class::PRON) == 0
            })
    };
    if !parts.iter().all(|p| named(p)) {
        return None;
    }
    // "Miriam and Joel Kessler", "David and Jeanne Heidler": a couple
    // under one surname; the first given name alone takes it.
    let shared;
    if parts.len() == 2
        && !has_space(parts[0])
        && given_name_gender(parts[0]) != Gender::Unknown
        && let Some(surname) = parts[1].split_whitespace().rev().find(|w| !is_suffix(w))
        && parts[1].split_whitespace().count() >= 2
        && given_name_gender(surname) == Gender::Unknown
    {
        shared = format!("{} {surname}", parts[0]);
        parts[0] = &shared;
    }
    Some(
        parts
            .into_iter()
            .zip(appositives)
            .map(|(p, a)| (title.map_or_else(|| p.to_string(), |t| format!("{t} {p}")), a.map(str::to_string)))
            .collect(),
    )
}

/// "R-Ga.", "D-Mass.", "I-Vt.": a party and a state.
fn is_party_state(s: &str) -> bool {
    let b = s.as_bytes();
    // "D", "R", "I" alone: "Gov. Ann Lister (D)".
    if b.len() == 1 {
        return matches!(b[0], b'R' | b'D' | b'I');
    }
    b.len() >= 3
        && b.len() <= 18
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && s.matches(' ').count() <= 1
}

/// Words that name places, never people ("Middle East", "Northern
/// Province").
fn is_place_word(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).as_bytes();
    // Lowered on the stack and matched at once, where each of the words
    // was compared in turn: asked of nearly every mention parsed. None
    // is longer than eight bytes.
    let mut lower = [0u8; 8];
    let Some(l) = lower.get_mut(..w.len()) else { return false };
    l.copy_from_slice(w);
    l.make_ascii_lowercase();
    matches!(
        &*l,
        b"east"
            | b"west"
            | b"north"
            | b"south"
            | b"middle"
            | b"eastern"
            | b"western"
            | b"northern"
            | b"southern"
            | b"central"
            | b"gulf"
            | b"region"
            | b"province"
            | b"city"
            | b"capital"
            | b"island"
            | b"islands"
            | b"county"
            | b"valley"
            | b"coast"
            | b"border"
            | b"strait"
    )
}

/// Whether a mention says that no one spoke: "no terrorist group has
/// claimed responsibility", "Nobody said C", "no one", "No Democrat". (Not
/// "No Labels", a body's name: a capital after "No" that the lexicon does
/// not know; nor "neither" and "none", which stand for people the article
/// named: "Neither wanted to give his name".)
fn no_one(mention: &str) -> bool {
    let mention = trim_np(mention);
    // "no" and "nobody" open with an n: asked of every mention resolved,
    // most are told by their first byte.
    if !matches!(mention.as_bytes().first(), Some(b'n' | b'N')) {
        return false;
    }
    let mut words = mention.split_whitespace();
    let Some(first) = words.next() else { return false };
    if first.eq_ignore_ascii_case("nobody") {
        return true;
    }
    first.eq_ignore_ascii_case("no")
        && words.next().is_some_and(|n| {
            !is_cap(n)
                || n.eq_ignore_ascii_case("one")
                || party_of(&n.to_ascii_lowercase()).is_some()
                || cues::lookup(n).class & (class::ROLE | class::GROUP | class::ANON | class::ORG) != 0
        })
}

/// Whether a parsed mention can speak at all. A suffix ("Jr."), a place
/// ("Middle East"), a military operation ("Operation Firm Hand"), or a
/// common noun that is no source ("the attack", "the latter condemned")
/// never is: the statement then stays the outlet's own.
fn can_speak(p: &Parsed) -> bool {
    if p.pronoun.is_some() {
        return true;
    }
    // The words walked anew where needed, not collected: this runs for
    // every mention resolved, and names are a few words.
    let words = || p.name.split_whitespace();
    let mut it = words();
    let Some(first) = it.next() else {
        return false;
    };
    let single = it.next().is_none();
    // "The city said", "the county said": the local government, a source
    // of its own; "Middle East" alone is a place.
    let local_government = p.definite_head.is_some() && single && matches!(first, "city" | "county");
    if !local_government && words().all(|w| is_suffix(w) || is_place_word(w)) {
        return false;
    }
    if first == "Operation" && !single {
        return false;
    }
    if p.kind == SpeakerKind::Organization && !is_cap(first) {
        // Events do not speak, nor does a verb taken for a noun.
        const EVENTS: [&str; 12] = [
            "attack",
            "attacks",
            "strike",
            "strikes",
            "bombing",
            "explosion",
            "blast",
            "shooting",
            "crash",
            "incident",
            "raid",
            "assault",
        ];
        // (The head before an "of" phrase: "video of the crash" is a
        // video, which may show.)
        let head = words().take_while(|w| *w != "of").last().unwrap_or(first).to_ascii_lowercase();
        let source_noun =
            words().any(|w| cues::lookup(w).class & (class::ANON | class::GROUP | class::ROLE | class::ORG) != 0);
        // "those surveyed": people, picked out by what was done to them.
        if !source_noun && first != "those" && (head.ends_with("ed") || EVENTS.contains(&head.as_str())) {
            return false;
        }
        return !(single && matches!(first, "latter" | "former"));
    }
    true
}

/// Verbs of a relative clause that tell a post: "Roe, who leads Northern
/// Command,", "who chairs the panel".
const ROLE_VERBS: [&str; 22] = [
    "leads",
    "led",
    "heads",
    "headed",
    "chairs",
    "chaired",
    "runs",
    "ran",
    "oversees",
    "oversaw",
    "directs",
    "directed",
    "manages",
    "represents",
    "represented",
    "founded",
    "co-founded",
    "owns",
    "commands",
    "commanded",
    "advises",
    "advised",
];

/// The role a relative clause after a name tells, its "who" taken off:
/// what they lead ("leads Northern Command"), what they are ("is the mayor
/// of Dover": "the mayor of Dover"); none when it tells what they did
/// ("joined the talks", "was arrested in May").
fn relative_role<'w>(clause: &'w [&'w str]) -> &'w [&'w str] {
    let Some((&verb, rest)) = clause.split_first() else { return clause };
    if ROLE_VERBS.contains(&verb) {
        return clause;
    }
    let is_post = |w: &str| {
        let c = cues::lookup(w).class;
        c & (class::DET | class::ROLE) != 0 || is_cap(w)
    };
    if matches!(verb, "is" | "was" | "remains" | "became") && rest.first().is_some_and(|w| is_post(w)) {
        return rest;
    }
    &[]
}

/// `s` without the full stop that ends its sentence: "president of Local
/// 9.", "of the union." (not the stop of "Acme Inc.", "the U.S.", "D-Ore.",
/// "Calif.": a capitalised word of five letters or fewer may be shortened).
fn without_final_stop(s: &str) -> &str {
    let Some(body) = s.strip_suffix('.') else { return s };
    let last = body.rsplit([' ', '-']).next().unwrap_or(body);
    let abbreviation =
        last.contains('.') || (last.chars().count() <= 5 && last.starts_with(|c: char| c.is_uppercase()));
    if abbreviation { s } else { body }
}

/// Whether a title or appositive says something of a person's role: not
/// an honorific alone ("Mr.", "Ms."), which only says how the paper
/// addresses them, nor an age ("Ann Roe, 34, said").
fn tells_role(r: &str) -> bool {
    !r.is_empty()
        && !r.chars().all(|c| c.is_ascii_digit())
        && !r.split_whitespace().all(|w| matches!(w.trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Miss" | "Mx"))
}

/// Whether `words` name a person: two to five capitalised words (a
/// title, given names, a surname; particles and suffixes allowed), none
/// of them a body's head or a group's that is no title.
fn names_a_person(words: &[&str]) -> bool {
    (2..=5).contains(&words.len())
        && words.iter().all(|w| is_cap(w) || is_particle(w))
        && words.iter().all(|w| {
            let c = cues::lookup(w).class;
            is_suffix(w) || (c & (class::ORG | class::DET) == 0 && (c & class::GROUP == 0 || c & class::ROLE != 0))
        })
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The surname of a person's name, borrowed from it but for a joined
/// article lowercased ("Al-Sudani"): a resolve looks it up in
/// [`Registry::by_surname`], and only a speaker added keeps a copy.
fn surname_of(name: &str) -> Option<Cow<'_, str>> {
    // "Xi Jinping": the family name comes first ("Xi said" is him).
    // (The first space by its byte: a char searcher's set-up cost more
    // than the short walk.)
    if let Some(sp) = name.bytes().position(|b| b == b' ')
        && let (first, given) = (&name[..sp], &name[sp + 1..])
        && is_cap(first)
        && (is_family_first(first) && given.split_whitespace().count() <= 2 || is_korean_name(first, &[given]))
    {
        return Some(Cow::Borrowed(first));
    }
    let w = name.split_whitespace().rfind(|w| !is_suffix(w))?.trim_end_matches(['.', ',']);
    // "Al-Sudani" opening a sentence is the "al-Sudani" named before.
    if w.starts_with(['A', 'E', 'U']) {
        let lowered = lowercase_first(w);
        if article_joined(&lowered) {
            return Some(Cow::Owned(lowered));
        }
    }
    Some(Cow::Borrowed(w))
}

/// The words of a person's name between a given name that opens it and
/// its surname, that the person may go by alone: "Sheinbaum" of "Claudia
/// Sheinbaum Pardo", "Inácio" and "Lula" of "Luiz Inácio Lula da Silva"
/// (not initials, particles or suffixes). None for a name of two words,
/// or of three that opens with no given name the lexicon knows.
fn inner_names(name: &str) -> Vec<&str> {
    // (Most names have two words: no list made for them.)
    if memchr::memchr_iter(b' ', name.as_bytes()).nth(1).is_none() {
        return Vec::new();
    }
    let words: Vec<&str> =
        name.split_whitespace().filter(|w| !is_suffix(w) && !is_particle_any_case(w) && !w.contains('.')).collect();
    // (Three words after a given name the lexicon knows; four after any.)
    if words.len() < 3 || words.len() == 3 && given_name_gender(words[0]) == Gender::Unknown {
        return Vec::new();
    }
    words[1..words.len() - 1].iter().copied().filter(|w| is_cap(w)).collect()
}

/// Whether a description names several ("officials", "people familiar
/// with the matter", "ways of helping people"): its head, the last word
/// before a postmodifier, is plural. "he" and "she" are never several.
/// The head noun of a description, lowercase: "county attorney" →
/// "attorney", "representative for the firm" → "representative".
fn description_head(name: &str) -> Option<String> {
    head_phrase(name).split_whitespace().next_back().map(str::to_lowercase)
}

/// A description up to what follows its head: "officials familiar with
/// the talks" → "officials".
fn head_phrase(name: &str) -> &str {
    // Every marker opens with a space, so the first of them is found at
    // the first space where one starts: one walk over the spaces, where a
    // search for each marker set up nine searchers a name.
    const MARKERS: [&str; 9] = [" of ", " for ", " from ", " at ", " in ", " with ", " who ", " close ", " familiar "];
    memchr::memchr_iter(b' ', name.as_bytes())
        .find(|&at| MARKERS.iter().any(|m| name.as_bytes()[at..].starts_with(m.as_bytes())))
        .map_or(name, |at| &name[..at])
}

fn plural_description(name: &str) -> bool {
    let head = head_phrase(name).split_whitespace().next_back().unwrap_or("").to_lowercase();
    head == "people" || (singular(&head) != head && !head.ends_with("us") && !head.ends_with("is"))
}

fn singular(w: &str) -> &str {
    w.strip_suffix('s').filter(|_| !w.ends_with("ss")).unwrap_or(w)
}

impl<'a> Registry<'a> {
    /// A registry for one article, knowing which words it uses as places.
    pub fn for_document(doc: &'a str) -> Registry<'a> {
        Registry { doc, ..Registry::default() }
    }

    /// The speaker of a label's name at byte `at` (`Kerry:`, a headline's
    /// `WALLACE:`, a transcript's `"PENCE:`). A transcript's name in
    /// capitals is the person the article calls Pence. A label in capitals
    /// elsewhere is a person only if the article names them so ("TAPPER:"
    /// after "Jake Tapper"), or it has several words: "NATO:" and a
    /// newsletter's "HUFFPOLLSTER:" are not.
    pub fn resolve_label(&mut self, name: &str, at: usize, transcript: bool) -> Option<SpeakerRef> {
        match is_capitals(name).then(|| title_case(name)) {
            Some(t)
                if transcript
                    || has_space(name)
                    || self.knows_surname(&t)
                    || (name.len() > 3 && has_word(near(self.doc, at, at + name.len()), &t)) =>
            {
                self.resolve(&t, None)
            }
            _ => self.resolve(name, None),
        }
    }

    /// Whether the article has named a person with this surname: "Tapper"
    /// after "Jake Tapper".
    fn knows_surname(&self, surname: &str) -> bool {
        self.by_surname
            .get(surname)
            .is_some_and(|v| v.iter().any(|&i| self.entries[i].speaker.kind == SpeakerKind::Person))
    }

    /// Whether the article uses `name` as a place ([`is_place_in`]). An
    /// article asks this of a few names: each is searched for on its own,
    /// where finding all its places cost 47,000 instructions an article,
    /// 4.6% of extraction. A long input asks it of hundreds, and groups its
    /// capitalised words once so that each name is checked against its own
    /// ([`CapitalWords`]).
    fn is_place(&self, name: &str) -> bool {
        if self.doc.len() > LONG_INPUT {
            self.capitals.get_or_init(|| CapitalWords::new(self.doc)).is_place(self.doc, name)
        } else {
            is_place_in(self.doc, name)
        }
    }

    /// The sentence whose mentions come next spans `range` of the text.
    pub fn at(&mut self, range: (usize, usize)) {
        if range.0 != self.pos {
            self.prev_pos = self.pos;
        }
        (self.pos, self.end) = range;
    }

    /// A mention with no appositive, parsed once a thread (see
    /// [`PARSED`]), and whether it can speak ([`can_speak`]).
    fn parsed_once(&mut self, mention: &str) -> (Rc<Parsed>, bool) {
        PARSED.with_borrow_mut(|parsed| {
            if let Some((p, speaks)) = parsed.get(mention) {
                return (Rc::clone(p), *speaks);
            }
            parsed_into(parsed, mention.to_string(), mention, None)
        })
    }

    /// A mention and its appositive, parsed once a thread (see
    /// [`PARSED_WITH`]), and whether it can speak.
    fn parsed_with_once(&mut self, mention: &str, appositive: &str) -> (Rc<Parsed>, bool) {
        let key = appositive_key(mention, appositive);
        PARSED_WITH.with_borrow_mut(|parsed| {
            if let Some((p, speaks)) = parsed.get(&key) {
                return (Rc::clone(p), *speaks);
            }
            parsed_into(parsed, key, mention, Some(appositive))
        })
    }

    /// Resolve a mention to a speaker of the article, adding one if new.
    /// None when the mention cannot speak (see [`can_speak`]).
    pub fn resolve(&mut self, mention: &str, appositive: Option<&str>) -> Option<SpeakerRef> {
        if no_one(mention) {
            return None;
        }
        // "His campaign said", "her office said": the campaign or office of
        // the person the pronoun stands for, named so ("Ed Hale's
        // campaign"), not one speaker "campaign" for every story's.
        if let Some(owned) = self.owned_by_pronoun(mention) {
            // The mention stays as written.
            return self.resolve(&owned, appositive).map(|r| SpeakerRef { mention: trim_np(mention).to_string(), ..r });
        }
        self.clock += 1;
        // (Whether it can speak is asked once of each parse: it walks the
        // name's words, and most mentions are not replaced here.)
        let (parsed, speaks) = match appositive {
            None => self.parsed_once(mention),
            Some(a) => self.parsed_with_once(mention, a),
        };
        // "Darrell West ... West said": a surname that is also a word for a
        // place is the person the article named so.
        // (Each looks through the article's speakers: only the one that
        // can apply is asked.)
        let full = if speaks {
            // "Keldor Foods ... Keldor said": a company by the first word of
            // its name, when no person goes by that word.
            self.company_of_first_word(&parsed)
        } else {
            self.surname_of_named(&parsed)
        };
        // "Doctor said" after "analyst Ken Doctor": a surname that is
        // also a word for a role or a person is the one named so.
        let full = full.or_else(|| {
            let word = trim_np(mention);
            (speaks && !has_space(word) && is_cap(word) && parsed.name.starts_with(char::is_lowercase))
                .then(|| {
                    // (A person the article named with a given name: not
                    // "Summary Studies" off a heading.)
                    self.person_of_surname(word, |e| {
                        e.speaker.name.split(' ').next().is_some_and(|g| g != word && is_given_name(g))
                    })
                })
                .flatten()
        });
        let (parsed, speaks) = match full {
            Some(full) => self.parsed_once(&full),
            None => (parsed, speaks),
        };
        if !speaks {
            return None;
        }
        let mention = trim_np(mention).to_string();
        // "Fishermen in Kessby": a role that ends in a preposition is a
        // group described by a place, not a person called "Kessby".
        let mut parsed = parsed;
        if parsed.kind == SpeakerKind::Person
            && parsed
                .role
                .as_deref()
                .and_then(|r| r.split_whitespace().next_back())
                .is_some_and(|w| is_locative(w) || matches!(w, "of" | "from" | "at"))
        {
            parsed = Rc::new(Parsed {
                name: mention.clone(),
                role: None,
                kind: SpeakerKind::Organization,
                ..Parsed::clone(&parsed)
            });
        }
        let found = if let Some(p) = &parsed.pronoun {
            self.resolve_pronoun(p, parsed.gender)
        } else if let Some(head) = &parsed.definite_head {
            let found = self.resolve_definite(head, &parsed.name);
            // "Schools in the Marlow Unified School District will close,
            // the district said": a body the article named, though not as
            // a source, by the noun its name ends in.
            if found.is_none()
                && parsed.kind == SpeakerKind::Organization
                && !has_space(&parsed.name)
                && let Some(named) = named_body_before(self.doc, self.pos, self.end, head)
            {
                Some(self.body_named(named.to_string()))
            } else {
                found
            }
        } else {
            match self.resolve_name(&parsed) {
                None => self.inner_name_of(&parsed),
                found => found,
            }
        };
        let added = found.is_none();
        let idx = match found {
            Some(i) => i,
            // A pronoun with no one to point to is said to be so, never
            // shown as a speaker named "he".
            None if parsed.pronoun.is_some() => self.unresolved(),
            // "Adler said" after "Gov. Ruth Adler arrived": the person the
            // article named in full, though not as a source.
            None if parsed.kind == SpeakerKind::Person && !has_space(&parsed.name) => {
                // (Parsed once a thread, as any mention: an article says
                // "Adler said" again and again.)
                let full =
                    full_name_before(self.doc, self.pos, &parsed.name).map(|m| self.parsed_once(m).0).filter(|f| {
                        f.kind == SpeakerKind::Person && surname_of(&f.name).as_deref() == Some(parsed.name.as_str())
                    });
                match full {
                    Some(f) => {
                        let role = parsed.role.clone().or_else(|| f.role.clone());
                        let gender = if parsed.gender == Gender::Unknown { f.gender } else { parsed.gender };
                        self.add(&Parsed { role, gender, ..Parsed::clone(&f) })
                    }
                    // "Baghdad said", "China warned": a country, or a place
                    // the article names as one, is not a person but the
                    // authority that speaks for it, as "Washington" is the
                    // US government. So is a body the article gives a
                    // chief executive or shareholders ([`is_body_in`]).
                    None if parsed.role.as_deref().is_none_or(|r| !role_names_a_person(r))
                        && (super::countries::is_country(&parsed.name)
                            || self.is_place(&parsed.name)
                            || (self.doc.len() <= LONG_INPUT && is_body_in(self.doc, &parsed.name))) =>
                    {
                        self.add(&Parsed { kind: SpeakerKind::Organization, ..Parsed::clone(&parsed) })
                    }
                    None => self.add(&parsed),
                }
            }
            // "Wells Fargo said its", "Big Machine, which was bought": a
            // name of several words with no given name, title or role,
            // which the article writes as a body's ([`is_body_in`]).
            None if parsed.kind == SpeakerKind::Person
                && parsed.role.is_none()
                && parsed.title.is_none()
                && parsed.name.split(' ').next().is_some_and(|w| given_name_gender(w) == Gender::Unknown)
                && self.doc.len() <= LONG_INPUT
                && is_body_in(self.doc, &parsed.name) =>
            {
                self.add(&Parsed { kind: SpeakerKind::Organization, ..Parsed::clone(&parsed) })
            }
            None => self.add(&parsed),
        };
        if found.is_some() {
            self.complete_name(idx, &parsed);
            // "Mr. Trump, I have a deal for you." named him by surname
            // before the article gave "Donald Trump": "Mr. Trump said" after
            // the full name is that person, and takes the name.
            if parsed.kind == SpeakerKind::Person
                && parsed.pronoun.is_none()
                && !has_space(&parsed.name)
                && !has_space(&self.entries[idx].speaker.name)
                && let Some(full) = sole_full_name_before(self.doc, self.pos, &parsed.name).map(|m| self.parsed_once(m).0)
                && full.kind == SpeakerKind::Person
                && surname_of(&full.name).as_deref() == Some(parsed.name.as_str())
                // "Mrs. Clinton" is not the "Bill Clinton" named before her.
                && !matches!(
                    (self.entries[idx].gender, full.gender),
                    (Gender::Masc, Gender::Fem) | (Gender::Fem, Gender::Masc)
                )
            {
                self.complete_name(idx, &full);
            }
        }
        self.seen_now(idx);
        let e = &mut self.entries[idx];
        // Named as a sentence's subject before ("Sen. Ann Roe arrived"):
        // that gave a title at most; the first report says more.
        let first_report = e.mentioned && !e.spoke && parsed.role.is_some();
        e.spoke = true;
        e.said_at = Some(self.pos);
        e.mentioned = false;
        if e.gender == Gender::Unknown {
            e.gender = parsed.gender;
        }
        let fresh = e.speaker.role.is_none() || first_report;
        let described = parsed.pronoun.is_none() && parsed.role.is_some() && (added || fresh);
        // ("Sanders has made …", then "Vermont Sen. Bernie Sanders says":
        // the title the report gives is his, for "the senator" later.)
        let titled = e.title.is_none() && parsed.title.is_some() && parsed.pronoun.is_none();
        if titled {
            e.title = parsed.title.as_deref().map(str::to_lowercase);
            e.ranks = std::cell::OnceCell::new();
        }
        if fresh && parsed.pronoun.is_none() {
            e.speaker.role = parsed.role.clone();
            e.role_changed();
        }
        if (fresh || titled) && parsed.pronoun.is_none() {
            self.index_heads(idx);
        }
        if described {
            self.identify_description(idx);
        }
        let e = &mut self.entries[idx];
        if parsed.pronoun.is_none() && mention != e.speaker.name && !e.speaker.aliases.contains(&mention) {
            e.speaker.aliases.push(mention.clone());
        }
        Some(SpeakerRef {
            id: e.speaker.id.clone(),
            name: e.speaker.name.clone(),
            mention,
            kind: e.speaker.kind,
            anonymous: e.speaker.anonymous,
            role: e.speaker.role.clone(),
        })
    }

    /// "Hale: Levee Was Never Inspected", then "Senator Tom Hale said": a
    /// person first known by their surname alone takes the full name when
    /// the article gives it. Statements already made keep the old id until
    /// [`Registry::rename`] is applied to them.
    fn complete_name(&mut self, idx: usize, p: &Parsed) {
        let e = &mut self.entries[idx];
        if p.kind != SpeakerKind::Person
            || p.pronoun.is_some()
            || e.speaker.kind != SpeakerKind::Person
            || has_space(&e.speaker.name)
            || !has_space(&p.name)
            || !p.name.split_whitespace().all(|w| is_cap(w) || is_particle(w))
            || e.surname.as_deref() != Some(e.speaker.name.as_str())
            || surname_of(&p.name).as_deref() != Some(e.speaker.name.as_str())
        {
            return;
        }
        let old = std::mem::replace(&mut e.speaker.name, p.name.clone());
        let old_id = std::mem::replace(&mut e.speaker.id, slug(&p.name));
        if !e.speaker.aliases.contains(&old) {
            e.speaker.aliases.push(old);
        }
        e.name_words = std::cell::OnceCell::new();
        e.ranks = std::cell::OnceCell::new();
        self.by_name.entry(p.name.to_lowercase()).or_default().push(idx);
        self.renames.insert(old_id, idx);
        self.index_heads(idx);
    }

    /// "The president-elect's pick for health secretary said …", and
    /// later "Tom Price, the president-elect's pick for health secretary,":
    /// the article named the person it first described. Statements made
    /// under the description become the named person's (through
    /// [`Registry::rename`]), and the description is no speaker of its
    /// own. Only a description of two words or more that the person's role
    /// repeats whole, and only one the article never named otherwise.
    fn identify_description(&mut self, idx: usize) {
        let e = &self.entries[idx];
        if e.speaker.kind != SpeakerKind::Person || !e.speaker.name.starts_with(|c: char| c.is_uppercase()) {
            return;
        }
        let Some(role) = e.speaker.role.as_deref() else { return };
        // No description listed, as in most articles so far: none to
        // identify, and no role to lower and split.
        if self.descriptions.is_empty() {
            return;
        }
        let role = format!(" {} ", role.to_lowercase());
        let described_by = |d: usize| {
            let x = &self.entries[d];
            d != idx
                && x.spoke
                && x.speaker.kind == SpeakerKind::Person
                && !x.speaker.anonymous
                && x.speaker.name.starts_with(|c: char| c.is_lowercase())
                && has_space(&x.speaker.name)
                && role.contains(&format!(" {} ", x.speaker.name.to_lowercase()))
        };
        // Each description the role may hold is looked up by its last
        // word, one of the role's, not each of the last LOOKBACK speakers
        // tested (issue #19: that walk, for every named speaker with a
        // role, cost a long input 26 M instructions). A description listed
        // is among the LOOKBACK most recent if fewer later ones are: what
        // the walk would reach.
        let mut described: Vec<usize> = Vec::new();
        let mut walk = false;
        for d in role.split(' ').filter_map(|w| self.descriptions.get(w)).flatten().copied() {
            // (Whether it is in reach last: that walks the recency index,
            // and few are described by the role.)
            if !described_by(d) {
                continue;
            }
            let seen = self.entries[d].last_seen;
            if self.recency.get(&seen) != Some(&d) {
                // Listed in the recency index under another time than
                // when it was last seen ([`Registry::introduce`] moves
                // that alone), or not at all: the walk knows where.
                walk = true;
                break;
            }
            if self.recency.range(seen..).nth(LOOKBACK).is_none() {
                described.push(d);
            }
        }
        if walk {
            described = self.recency.values().rev().take(LOOKBACK).copied().filter(|&d| described_by(d)).collect();
        } else {
            // In the walk's order, the most recent first.
            described.sort_unstable_by_key(|&d| std::cmp::Reverse(self.entries[d].last_seen));
            described.dedup();
        }
        for d in described {
            let old = self.entries[d].speaker.name.clone();
            let old_id = self.entries[d].speaker.id.clone();
            let x = &mut self.entries[d];
            x.spoke = false;
            if self.recency.remove(&x.last_seen).is_some() {
                x.listed -= 1;
                x.listed_at = None;
            }
            let e = &mut self.entries[idx];
            if !e.speaker.aliases.contains(&old) {
                e.speaker.aliases.push(old);
            }
            self.renames.insert(old_id, idx);
        }
    }

    /// Whether a speaker was renamed after statements named them: apply
    /// [`Registry::rename`] to those statements.
    pub fn renamed_any(&self) -> bool {
        !self.renames.is_empty()
    }

    /// A statement's speaker as the registry now names it, if it was renamed.
    pub fn rename(&self, r: &mut SpeakerRef) {
        if let Some(&idx) = self.renames.get(&r.id) {
            let e = &self.entries[idx].speaker;
            r.id.clone_from(&e.id);
            r.name.clone_from(&e.name);
            r.kind = e.kind;
        }
    }

    /// The one entry for pronouns that point to no one in the article.
    fn unresolved(&mut self) -> usize {
        // Kept, not searched for: a long input has thousands of speakers.
        if let Some(i) = self.unresolved {
            return i;
        }
        self.unresolved = Some(self.entries.len());
        let speaker = Speaker {
            id: UNRESOLVED.to_string(),
            name: UNRESOLVED.to_string(),
            kind: SpeakerKind::Person,
            anonymous: false,
            role: None,
            aliases: Vec::new(),
            anonymity_reason: None,
        };
        let mut e = Entry::new(speaker, None, Gender::Unknown, self.clock);
        e.spoke = false;
        self.entries.push(e);
        self.entries.len() - 1
    }

    /// The full name of the person already known whose surname is this
    /// mention, when the mention is one capitalised word and nothing else.
    fn surname_of_named(&self, parsed: &Parsed) -> Option<String> {
        let word = parsed.name.as_str();
        if has_space(word) || !is_cap(word) || parsed.pronoun.is_some() || parsed.definite_head.is_some() {
            return None;
        }
        self.person_of_surname(word, |_| true)
    }

    /// The full name of the latest person known by the surname `word`
    /// that passes `ok`.
    fn person_of_surname(&self, word: &str, ok: impl Fn(&Entry) -> bool) -> Option<String> {
        // The latest entry first: an entry's surname is set when it is
        // added and indexed then, in the order of the entries.
        self.by_surname
            .get(word)?
            .iter()
            .rev()
            .map(|&i| &self.entries[i])
            .find(|e| e.speaker.kind == SpeakerKind::Person && ok(e))
            .map(|e| e.speaker.name.clone())
    }

    /// The full name of the company already known whose name is this
    /// one-word mention and a company word ("Keldor Foods", "Northgate
    /// Logistics"), when no person known has it for a surname.
    fn company_of_first_word(&mut self, parsed: &Parsed) -> Option<String> {
        const COMPANY: [&str; 39] = [
            "Software",
            "Energy",
            "Electric",
            "Therapeutics",
            "Pharma",
            "Telecom",
            "Networks",
            "Robotics",
            "Electronics",
            "Foods",
            "Logistics",
            "Holdings",
            "Industries",
            "Enterprises",
            "Airlines",
            "Pharmaceuticals",
            "Technologies",
            "Ventures",
            "Chemicals",
            "Motors",
            "Airways",
            "Laboratories",
            "Lines",
            "Ltd",
            "LLC",
            "PLC",
            "Systems",
            "Partners",
            "Communications",
            "Insurance",
            "Group",
            "Brands",
            "Stores",
            "Solutions",
            "Mining",
            "Shipping",
            "Railways",
            "Labs",
            "Inc",
        ];
        let word = parsed.name.as_str();
        if has_space(word) || !is_cap(word) || parsed.pronoun.is_some() || parsed.definite_head.is_some() {
            return None;
        }
        if self.by_surname.contains_key(word) {
            return None;
        }
        let company = |e: &&Entry| {
            let mut w = e.speaker.name.split_whitespace();
            e.speaker.kind == SpeakerKind::Organization
                && w.next() == Some(word)
                && w.next().is_some_and(|s| COMPANY.contains(&s.trim_end_matches(['.', ','])))
                && w.next().is_none()
        };
        // The latest such entry: the index lists entries in their order.
        let found = if self.entries.len() <= ORGS_WALKED {
            self.entries.iter().rev().find(company)
        } else {
            let entries = &self.entries;
            let index = self.orgs_by_first_word.get_or_insert_with(|| {
                let mut index: HashMap<String, Vec<usize>> = HashMap::default();
                for (i, e) in entries.iter().enumerate() {
                    index_org(&mut index, e, i);
                }
                index
            });
            index.get(word)?.iter().rev().map(|&i| &entries[i]).find(company)
        };
        if let Some(e) = found {
            return Some(e.speaker.name.clone());
        }
        // "Orbit Software is cutting jobs. Orbit said ...": a company the
        // article named before without reporting it, the last so named.
        // Not where the article named a person so ("Tony Podesta" and the
        // "Podesta Group").
        let before = &self.doc[..self.pos.min(self.doc.len())];
        let from = before.len().saturating_sub(NAME_LOOKBACK);
        // (Found forward: the forward search is the vectorised one. A long
        // input's capitalised words are listed once ([`CapitalWords`]):
        // only those of the word's slot are read.)
        let found: Vec<usize> = if self.doc.len() > LONG_INPUT {
            let capitals = self.capitals.get_or_init(|| CapitalWords::new(self.doc));
            let slot = capitals.of_slot(word);
            let first = slot.partition_point(|&at| at < from);
            slot[first..].iter().copied().take_while(|&at| at < before.len()).collect()
        } else {
            memchr::memmem::find_iter(&before.as_bytes()[from..], word.as_bytes()).map(|at| from + at).collect()
        };
        // (The last so named: the list read from its end.)
        let company = found
            .into_iter()
            .rev()
            .filter(|&at| before.as_bytes()[at..].starts_with(word.as_bytes()) && starts_word(before, at))
            .find_map(|at| {
                let rest = before[at + word.len()..].strip_prefix(' ')?;
                let next = &rest[..rest.find(' ').unwrap_or(rest.len())];
                let bare = next.trim_end_matches(['.', ',', ';', ':']);
                COMPANY.contains(&bare).then_some(bare)
            })
            .map(|bare| format!("{word} {bare}"))?;
        let after_given_name = |at: usize| {
            word_before(before, at).is_some_and(|w| {
                is_given_name(w) || w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase())
            })
        };
        let person = full_name_before(self.doc, self.pos, word).is_some()
            || memchr::memmem::find_iter(before.as_bytes(), word.as_bytes()).any(after_given_name);
        (!person).then_some(company)
    }

    /// A person the article introduces without reporting them, with the
    /// description it gives ("the council's pick for harbour master,
    /// Councillor Nadia Brook,"): later "she" or "the pick" can be them.
    pub fn introduce(&mut self, name: &str, description: &str) {
        let parsed = parse(name, Some(description));
        // A surname alone only after an honorific that tells the pronoun
        // ("the chief negotiator, Ms Okonjo,").
        let surname_only = parsed.name.split_whitespace().count() < 2;
        if parsed.kind != SpeakerKind::Person
            || !can_speak(&parsed)
            || (surname_only && (parsed.title.is_none() || parsed.gender == Gender::Unknown))
        {
            return;
        }
        self.clock += 1;
        let found = self.resolve_name(&parsed);
        let idx = match found {
            Some(i) => i,
            None => {
                let i = self.add(&parsed);
                self.entries[i].spoke = false;
                i
            }
        };
        let e = &mut self.entries[idx];
        e.last_seen = self.clock;
        let titled = e.title.is_none() && parsed.title.is_some();
        if e.title.is_none() {
            e.title = parsed.title.as_deref().map(str::to_lowercase);
            e.ranks = std::cell::OnceCell::new();
        }
        let described = parsed.role.is_some() && (found.is_none() || e.speaker.role.is_none());
        let roled = e.speaker.role.is_none() && parsed.role.is_some();
        if e.speaker.role.is_none() {
            e.speaker.role = parsed.role;
            e.role_changed();
        }
        if titled || roled {
            self.index_heads(idx);
        }
        if described {
            self.identify_description(idx);
        }
    }

    /// A person named in full as a sentence's subject without being
    /// reported ("Jennifer Shanklin is one of the workers who listened"):
    /// later "she" can be them, as after [`Registry::introduce`]. Only
    /// names whose given name tells the pronoun, so a "he" is never taken
    /// from the speaker it belongs to by someone of the other sex.
    pub fn mention_person(&mut self, name: &str) {
        let (parsed, speaks) = self.parsed_once(name);
        if parsed.kind != SpeakerKind::Person
            || parsed.pronoun.is_some()
            || parsed.definite_head.is_some()
            // A title says it is a person even when nothing tells the
            // gender ("Dr. Amara Okafor").
            || (parsed.gender == Gender::Unknown && parsed.title.is_none())
            // A surname alone is a name the article follows only after an
            // honorific ("Mr Fitch"), which is what told its gender.
            || (parsed.name.split_whitespace().count() < 2 && parsed.title.is_none())
            || !speaks
        {
            return;
        }
        // Someone the article already reports is not brought forward: a
        // sentence about Trump between two of Carson's reports leaves
        // Carson the "he" of the second. Someone only named before is.
        self.clock += 1;
        if let Some(i) = self.resolve_name(&parsed) {
            if self.entries[i].mentioned || self.moved_on_from_last_but(i) {
                self.seen_now(i);
            }
            return;
        }
        let i = self.add(&parsed);
        self.entries[i].spoke = false;
        self.entries[i].mentioned = true;
    }

    /// Whether the person at `i`, who spoke, is one the story has come
    /// back to: the last person it reported is someone else, who did not
    /// speak in the sentence before this one. "Netanyahu visited the
    /// settlement. \"Q,\" he told settlers", paragraphs after another's
    /// report, is his; right after Carson's report, a sentence about Trump
    /// leaves Carson the "he" of the next.
    fn moved_on_from_last_but(&self, i: usize) -> bool {
        self.entries[i].spoke
            && self
                .most_recent(|e| e.speaker.kind == SpeakerKind::Person && e.surname.is_some() && e.spoke)
                .is_some_and(|last| last != i && self.entries[last].said_at.is_some_and(|at| at < self.prev_pos))
    }

    /// A surname alone opening a sentence as its subject ("Netanyahu
    /// visited the settlement"): the person of that surname the article
    /// reported, brought forward as [`Registry::mention_person`] does when
    /// the story has moved on to them. No one new is made of a surname
    /// here (see [`Registry::mention_named_surname`]).
    pub fn mention_surname(&mut self, surname: &str) {
        let Some(i) = self.most_recent_of(self.by_surname.get(surname), |e| {
            e.speaker.kind == SpeakerKind::Person && e.spoke && !e.mentioned
        }) else {
            return;
        };
        if self.moved_on_from_last_but(i) {
            self.clock += 1;
            self.seen_now(i);
        }
    }

    /// A surname alone opening a sentence that reports nothing, of no one
    /// the article knows yet but named in full before, with a given name
    /// or an honorific that tells the pronoun: "Challenger Priya Nair
    /// defeated Mayor Dan Whitcomb … Whitcomb conceded shortly before
    /// midnight. \"Q,\" he said." Later "he" can be them, as after
    /// [`Registry::mention_person`]. Not when the sentence has someone the
    /// article reports speak, outside a quotation ("Cruz is the most able
    /// candidate Viguerie argues"): the pronoun after it may as well be
    /// theirs.
    pub fn mention_named_surname(&mut self, surname: &str, sentence: &str) {
        if self.by_surname.contains_key(surname) {
            return;
        }
        // (Most such words name no one: the search for the full name
        // first, the sentence read only for a name found.)
        let Some(full) = full_name_before(self.doc, self.pos, surname) else {
            return;
        };
        if self.parsed_once(full).0.gender == Gender::Unknown {
            return;
        }
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let mut quoted = false;
        for (k, w) in words.iter().enumerate() {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            let speaks = !quoted
                && k > 0
                && is_cap(bare)
                && bare != surname
                && words.get(k + 1).is_some_and(|v| {
                    matches!(cues::lookup(v.trim_end_matches([',', '.'])).cue, Some(CueKind::Speech | CueKind::Tell))
                })
                && self.by_surname.get(bare).is_some_and(|v| v.iter().any(|&i| self.entries[i].spoke));
            if speaks {
                return;
            }
            quoted ^= w.chars().filter(|&c| matches!(c, '"' | '\u{201C}' | '\u{201D}')).count() % 2 == 1;
        }
        self.mention_person(full);
    }

    fn add(&mut self, p: &Parsed) -> usize {
        // A person known by a common noun ("the lawyer", "an Iowa voter")
        // has no surname, and so is no antecedent of "he" or "she": a
        // pronoun after it more often goes back to the named.
        // A relative ("my father", "his widow") is someone the story goes
        // on about: a fit antecedent all the same.
        // ("a voter from Ames" is described by "voter", never named "Ames".)
        let described = p.name.starts_with(char::is_lowercase)
            && description_head(&p.name).is_some_and(|w| is_person_noun(&w) && !is_relative_noun(&w))
            || p.name.split_whitespace().next_back().is_some_and(|w| is_person_noun(w) && !is_relative_noun(w))
            // "United Nations High Commissioner for Human Rights": an
            // office, no one's surname.
            || is_office_name(&p.name);
        let surname = (p.kind == SpeakerKind::Person && p.pronoun.is_none() && !described)
            .then(|| surname_of(&p.name))
            .flatten()
            .map(Cow::into_owned);
        // (A list of one made at once, not grown from none.)
        let aliases = match &surname {
            Some(s) if s != &p.name => vec![s.clone()],
            _ => Vec::new(),
        };
        self.any_anonymous |= p.kind == SpeakerKind::Anonymous;
        let idx = self.entries.len();
        let lower = p.name.to_lowercase();
        if p.name.starts_with(|c: char| c.is_lowercase())
            && let Some((_, last)) = lower.rsplit_once(' ')
        {
            list_under(&mut self.descriptions, last.to_string(), idx);
        }
        list_under(&mut self.by_name, lower, idx);
        if let Some(s) = &surname {
            list_under(&mut self.by_surname, s.clone(), idx);
            for inner in inner_names(&p.name) {
                list_under(&mut self.by_inner, inner.to_string(), idx);
            }
        }
        self.recency.insert(self.clock, idx);
        let speaker = Speaker {
            id: slug(&p.name),
            name: p.name.clone(),
            kind: p.kind,
            anonymous: p.kind == SpeakerKind::Anonymous,
            role: p.role.clone(),
            aliases,
            anonymity_reason: None,
        };
        // "she" must not find a person the article calls "Mr. Podesta",
        // even where it says so only after the pronoun.
        let gender = match (&surname, p.gender) {
            (Some(s), Gender::Unknown) => {
                let honorifics = self.honorifics.get_or_init(|| honorific_genders(self.doc));
                with_lowercase(s, |lower| honorifics.get(lower).copied()).unwrap_or(Gender::Unknown)
            }
            (_, g) => g,
        };
        self.entries.push(Entry::new(speaker, surname, gender, self.clock));
        if let Some(index) = &mut self.orgs_by_first_word {
            index_org(index, &self.entries[idx], idx);
        }
        if let Some(e) = self.entries.last_mut() {
            e.title = p.title.as_deref().map(str::to_lowercase);
            e.listed = 1;
            e.listed_at = Some(self.clock);
        }
        self.index_heads(idx);
        idx
    }

    /// Lists entry `idx` in the recency index as seen now, and no longer
    /// under the time it was last seen.
    fn seen_now(&mut self, idx: usize) {
        let e = &mut self.entries[idx];
        // The newest listed time, as a speaker quoted again often has, is
        // taken off the end with no search down the index (each level's
        // keys compared in turn, more levels the longer the input).
        let removed = match self.recency.last_entry() {
            Some(last) if *last.key() == e.last_seen => {
                last.remove();
                true
            }
            _ => self.recency.remove(&e.last_seen).is_some(),
        };
        if removed {
            e.listed -= 1;
        }
        self.recency.insert(self.clock, idx);
        e.listed += 1;
        e.listed_at = Some(self.clock);
        e.last_seen = self.clock;
    }

    /// Lists entry `idx` in [`Registry::by_head`], if it is made, under
    /// each word it may now be named by.
    fn index_heads(&mut self, idx: usize) {
        if let Some(index) = &mut self.by_head {
            self.entries[idx].heads(|k| {
                let listed = &mut index[k];
                // (A word given twice, or again since, is listed once.)
                if listed.last() != Some(&idx) {
                    listed.push(idx);
                }
            });
        }
    }

    /// [`Registry::most_recent`] for a test that only an entry "the
    /// `head`" may name can pass ([`Entry::heads`]). Past [`LOOKBACK`]
    /// listed speakers, those listed under `head` in [`Registry::by_head`]
    /// are tried, the most recent first, rather than walking the last
    /// LOOKBACK; what the walk would find, found where it would.
    fn most_recent_named(&self, head: &str, ok: impl Fn(&Entry) -> bool) -> Option<usize> {
        let Some(index) = self.by_head.as_ref().filter(|_| self.recency.len() > LOOKBACK) else {
            return self.most_recent(ok);
        };
        let listed = &index[head_slot(head.as_bytes())];
        // Where the walk meets each: the newest time it is listed under.
        let mut named = Vec::with_capacity(listed.len());
        for &i in listed {
            let e = &self.entries[i];
            match e.listed_at {
                Some(t) => named.push((t, i)),
                // Listed only under older times, which are not kept (see
                // [`Entry::listed_at`]): the walk knows where.
                None if e.listed > 0 && ok(e) => return self.most_recent(ok),
                // One the walk never meets.
                None => {}
            }
        }
        // Taken newest first (a common head lists hundreds of speakers, and
        // the first few taken usually settle it: no sort of them all).
        let mut named = std::collections::BinaryHeap::from(named);
        // The walk's steps down to each one's time, counted: it is in
        // reach when fewer than LOOKBACK are listed after it.
        let mut walk = self.recency.keys().rev().peekable();
        let mut passed = 0;
        while let Some((t, i)) = named.pop() {
            // No further than LOOKBACK steps: past them it is out of
            // reach however far back its time lies (a walk to the time
            // of an entry named long before cost a 15 MB input 31 M
            // instructions, more the longer the input).
            while passed < LOOKBACK && walk.next_if(|&&k| k > t).is_some() {
                passed += 1;
            }
            if passed >= LOOKBACK {
                return None;
            }
            if ok(&self.entries[i]) {
                return Some(i);
            }
        }
        None
    }

    /// The most recently mentioned of the last [`LOOKBACK`] speakers that
    /// passes `ok`.
    fn most_recent(&self, ok: impl Fn(&Entry) -> bool) -> Option<usize> {
        self.recency.values().rev().take(LOOKBACK).copied().find(|&i| ok(&self.entries[i]))
    }

    /// The most recently mentioned of `candidates` (from an index) that
    /// passes `ok`.
    fn most_recent_of(&self, candidates: Option<&Vec<usize>>, ok: impl Fn(&Entry) -> bool) -> Option<usize> {
        candidates?.iter().copied().filter(|&i| ok(&self.entries[i])).max_by_key(|&i| self.entries[i].last_seen)
    }

    /// "His campaign" as "Ed Hale's campaign", when "he" can be resolved
    /// to someone named: a possessive pronoun ("his", "her", "its") and a
    /// plain noun phrase after it.
    fn owned_by_pronoun(&mut self, mention: &str) -> Option<String> {
        let mention = trim_np(mention);
        let (first, rest) = mention.split_once(' ')?;
        let pronoun = match first {
            "his" | "His" => "he",
            "her" | "Her" => "she",
            "its" | "Its" => "it",
            _ => return None,
        };
        if rest.is_empty() || !rest.split_whitespace().all(|w| w.chars().all(|ch| ch.is_alphanumeric() || ch == '-')) {
            return None;
        }
        let i = self.resolve_pronoun(pronoun, Gender::Unknown)?;
        let owner = &self.entries[i];
        if owner.speaker.name.starts_with(char::is_lowercase)
            || owner.speaker.name.contains(['\'', '\u{2019}'])
            || owner.speaker.name.split_whitespace().count() < 2
        {
            return None;
        }
        // Only the person the sentence before, or this one, opens with: in
        // a political story "his advisers" is as often the candidate's as
        // the last speaker's, and a wrong owner is worse than none.
        let surname = owner.surname.as_deref()?;
        let opens_with =
            |text: &str| text.split_whitespace().take(OWNER_REACH).any(|w| w.trim_end_matches(',') == surname);
        let previous = self.doc.get(self.prev_pos..self.pos).unwrap_or("");
        let this = self.doc.get(self.pos..).unwrap_or("");
        if !(opens_with(previous) || opens_with(this)) {
            return None;
        }
        Some(format!("{}'s {rest}", owner.speaker.name))
    }

    /// "The county attorney said C. Prosecutors have not decided D, he
    /// said.": a person known only by a description is no antecedent of
    /// "he" in general (see [`Registry::add`]), but one who spoke in the
    /// sentence before, and was named by nobody since, is the one the
    /// pronoun goes on with.
    fn last_speaker_described(&self, want: Gender) -> Option<usize> {
        let &i = self.recency.values().next_back()?;
        let e = &self.entries[i];
        let fits = matches!(e.speaker.kind, SpeakerKind::Person | SpeakerKind::Anonymous)
            && e.surname.is_none()
            && e.spoke
            && (e.gender == Gender::Unknown || e.gender == want)
            && e.said_at.is_some_and(|at| at == self.prev_pos || at == self.pos)
            && !plural_description(&e.speaker.name)
            // Only one described by a post ("the county attorney", "a
            // representative for the firm"): after a voter's or a
            // questioner's words the story goes back to its figure.
            && description_head(&e.speaker.name).is_some_and(|h| cues::lookup(&h).class & class::ROLE != 0);
        fits.then_some(i)
    }

    fn resolve_pronoun(&mut self, p: &str, gender: Gender) -> Option<usize> {
        match p {
            "he" | "she" => {
                let want = if p == "he" { Gender::Masc } else { Gender::Fem };
                let _ = gender;
                let found = self.last_speaker_described(want).or_else(|| {
                    self.most_recent(|e| {
                        e.speaker.kind == SpeakerKind::Person
                            && e.surname.is_some()
                            && (e.gender == Gender::Unknown || e.gender == want)
                    })
                    .or_else(|| {
                        self.most_recent(|e| {
                            e.speaker.kind == SpeakerKind::Anonymous && !plural_description(&e.speaker.name)
                        })
                    })
                });
                if let Some(i) = found
                    && self.entries[i].speaker.kind == SpeakerKind::Person
                {
                    self.entries[i].gender = want;
                }
                found
            }
            "they" => self.most_recent(|e| e.speaker.kind != SpeakerKind::Person),
            "it" => self.most_recent(|e| e.speaker.kind == SpeakerKind::Organization),
            _ => None,
        }
    }

    /// "the HEAD" (`mention` is the phrase without its article): the most
    /// recent speaker it can be. A word right before the head picks out one
    /// of several ("the health department" after "the fire department"):
    /// a speaker the article knows only by a description with another
    /// such word is someone else. A named person is not held to it: "the
    /// veteran senator" can be the senator named before; a document may be
    /// described anew ("the new poll", "the 50-state poll").
    fn resolve_definite(&mut self, head: &str, mention: &str) -> Option<usize> {
        if self.by_head.is_none() && self.recency.len() > LOOKBACK {
            self.by_head = Some(vec![Vec::new(); HEAD_SLOTS]);
            for i in 0..self.entries.len() {
                self.index_heads(i);
            }
        }
        let head = singular(head);
        let words: Vec<&str> = mention.split_whitespace().collect();
        let at_head = words.iter().rposition(|w| singular(&w.to_lowercase()) == head);
        let modifier = at_head
            .filter(|&at| at > 0 && cues::lookup(head).class & class::DOCUMENT == 0)
            .map(|at| {
                let w = words[at - 1].to_lowercase();
                // "the ad's narrator": the word "ad".
                w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).map(str::to_string).unwrap_or(w)
            })
            .filter(|m| !ONE_OF_MANY.contains(&m.as_str()));
        // "the Trump campaign", "the Republican nominee": a name or a party
        // before the head.
        let modifier_cap = at_head.is_some_and(|at| at > 0 && words[at - 1].starts_with(char::is_uppercase));
        // "the senator" alone can be the one titled "Sen." ("the Florida
        // senator" may be another).
        let bare = words.len() == 1;
        let ranks_before_head = words[..at_head.unwrap_or(0)].iter().fold(0, |m, w| m | rank_bits(w));
        // "the USC Dornsife tracking poll" after "a CBS poll": a document
        // whose mention names it (capitalised words before the head, past
        // the first word) is a new one when the last of its kind was named
        // otherwise; "the CBS poll" still is the CBS poll, and "the
        // Reuters/Ipsos poll" after "a new poll" the one not yet named.
        let naming: Vec<String> = match at_head {
            Some(at) if cues::lookup(head).class & class::DOCUMENT != 0 => words[1.min(at)..at]
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase))
                .flat_map(|w| name_parts(cues::possessive_owner(w).unwrap_or(w)))
                .collect(),
            _ => Vec::new(),
        };
        if !naming.is_empty()
            && let Some(last) = self.most_recent_named(head, |e| e.has_head(head))
            && let name = &self.entries[last].speaker.name
            && name.split_whitespace().any(|w| w.starts_with(char::is_uppercase))
            && !naming.iter().all(|w| name_parts(name).any(|t| t == *w))
        {
            return None;
        }
        // "the Ukrainian leader" after "Ukrainian President Volodymyr
        // Zelenskyy": capitalised words before the head that the person's
        // role holds too (not "the Russian leader" for him).
        let before_head: &[&str] = match at_head {
            Some(at) => &words[usize::from(matches!(words[0], "the" | "The"))..at],
            None => &[],
        };
        let role_holds = |e: &Entry| {
            !before_head.is_empty()
                && before_head.iter().all(|w| is_cap(w))
                && e.speaker.role.as_deref().is_some_and(|r| {
                    before_head.iter().all(|w| r.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
                })
        };
        let found = self.most_recent_named(head, |e| {
            (e.has_head(head)
                || (bare || role_holds(e))
                    && e.speaker.kind == SpeakerKind::Person
                    && e.title.as_deref().is_some_and(|t| title_means(t, head)))
                && same_rank(e, ranks_before_head)
                && modifier.as_deref().is_none_or(|m| {
                    let described = e.speaker.name.starts_with(|c: char| c.is_lowercase());
                    let theirs = e.speaker.name.to_lowercase();
                    // ("Mrs. Clinton's campaign" has the word "clinton".)
                    let theirs: Vec<&str> =
                        theirs.split_whitespace().map(|w| cues::possessive_owner(w).unwrap_or(w)).collect();
                    let role = e.speaker.role.as_deref().map(str::to_lowercase).unwrap_or_default();
                    // A description capitalised by its first word
                    // ("Democratic presidential nominee", "Clinton
                    // campaign") is someone else when another party or
                    // another name goes before its head.
                    let capitalised_description = e
                        .speaker
                        .name
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|w| w.starts_with(char::is_lowercase));
                    let other =
                        capitalised_description
                            && modifier_cap
                            && !theirs.contains(&m)
                            && match party_of(m) {
                                Some(p) => theirs.iter().any(|w| party_of(w).is_some_and(|q| q != p)),
                                None => e.speaker.name.split_whitespace().any(|w| {
                                    w.starts_with(char::is_uppercase) && party_of(&w.to_lowercase()).is_none()
                                }),
                            };
                    // "the prime minister" is not the one the article
                    // called "the foreign minister": two offices of one
                    // head noun.
                    let other_office = OFFICES.contains(&m) && {
                        let role: Vec<&str> = role.split_whitespace().collect();
                        role.iter()
                            .rposition(|w| singular(w) == head)
                            .and_then(|at| at.checked_sub(1))
                            .is_some_and(|at| OFFICES.contains(&role[at]) && role[at] != m)
                    };
                    // "the Florida senator" is not the one whose role says
                    // "senator from Vermont": another capitalised word
                    // after the role's head.
                    let other_place = modifier_cap
                        && !theirs.contains(&m)
                        && !role.split_whitespace().any(|w| w == m)
                        && e.speaker.role.as_deref().is_some_and(|r| {
                            r[role_head_words(r).len()..]
                                .split_whitespace()
                                .any(|w| w.starts_with(char::is_uppercase) && party_of(&w.to_lowercase()).is_none())
                        });
                    !other
                        && !other_place
                        && !other_office
                        && (!described
                            || theirs.len() < 2
                            || theirs.contains(&m)
                            || role.split_whitespace().any(|w| w == m))
                })
        });
        // "the Democrat": one of that party, or the person last named when
        // no party is known for them.
        if found.is_none()
            && bare
            && let Some(party) = party_of(head)
        {
            let person = |e: &Entry| e.speaker.kind == SpeakerKind::Person;
            return self.most_recent(|e| person(e) && party_known(e) == Some(party)).or_else(|| {
                let last = self.most_recent(person)?;
                party_known(&self.entries[last]).is_none().then_some(last)
            });
        }
        let found = found.or_else(|| self.business_of_sentences(head, mention));
        // "The company said" after "Acme Corp. said": a generic noun for
        // the organisation last named that it fits.
        let found = found.or_else(|| {
            let marks = generic_marks(head).filter(|_| bare)?;
            let body = self.most_recent(|e| generic_org_fits(e, marks));
            // "…, said Dr. Ann Roe, director of the FDA's psychiatry
            // division. The agency said": the body the role of the person
            // quoted since names, when it fits.
            if let Some(p) = self.most_recent(|e| e.speaker.kind == SpeakerKind::Person && e.spoke)
                && body.is_none_or(|b| self.entries[p].last_seen > self.entries[b].last_seen)
                && let Some(named) = self.entries[p].speaker.role.as_deref().and_then(|r| body_in_role(r, marks))
            {
                return Some(self.body_named(named));
            }
            body
        });
        if found.is_some() || !bare || !is_business_head(head) {
            return found;
        }
        // "The company said" after "Amazon said", "the brokerage" after
        // "Kotak Institutional Equities said": the body last named whose
        // name tells nothing of its kind, when no person's marks (a given
        // name, a title, a role, "he" or "she") say it is someone.
        // Only the one named last: past a person named since, the company
        // is more likely one the article did not quote.
        let i = self.most_recent(|e| {
            e.speaker.kind != SpeakerKind::Anonymous && e.speaker.name.starts_with(char::is_uppercase)
        })?;
        let e = &self.entries[i];
        // One word ("Smith, 54, denied it", "Hamas") is a body only where the
        // article writes it as one ([`is_body_in`]).
        if !self.unmarked_body(e)
            || !(has_space(&e.speaker.name) || self.doc.len() <= LONG_INPUT && is_body_in(self.doc, &e.speaker.name))
        {
            return None;
        }
        let e = &mut self.entries[i];
        if e.speaker.kind == SpeakerKind::Person {
            // Its statements so far say what it is, too.
            e.speaker.kind = SpeakerKind::Organization;
            e.surname = None;
            self.renames.insert(e.speaker.id.clone(), i);
        }
        Some(i)
    }

    /// Whether `e` can be a body the article named without saying what it
    /// is ([`Registry::resolve_definite`]): a capitalised name, none of
    /// whose words is an organisation's, a place's or a country's, and
    /// for one taken for a person, nothing that marks a person.
    fn unmarked_body(&self, e: &Entry) -> bool {
        let name = &e.speaker.name;
        // A name, every word capitalised ("Clinton defenders" is people),
        // and none a word for a few ("Both", "Another", "Twelve percent").
        if !name.split_whitespace().all(|w| is_cap(w) || is_particle_any_case(w))
            || name.split_whitespace().any(|w| {
                let c = cues::lookup(w).class;
                c & (class::ORG | class::ROLE | class::DET | class::PRON) != 0
                    || w.starts_with(|c: char| c.is_ascii_digit())
            })
            || super::countries::is_country(name)
            || self.is_place(name)
        {
            return false;
        }
        match e.speaker.kind {
            // One the article described is that: not "the company" when a
            // "television station BFMTV".
            SpeakerKind::Organization => {
                [e.title.as_deref(), e.speaker.role.as_deref()].into_iter().flatten().all(|d| {
                    role_head_words(d).split_whitespace().next_back().is_some_and(|h| {
                        let h = h.to_lowercase();
                        is_business_head(&h) || is_body_head(&h)
                    })
                })
            }
            SpeakerKind::Person => {
                e.title.as_deref().is_none_or(|t| !role_names_a_person(t))
                    && e.speaker.role.as_deref().is_none_or(|r| !role_names_a_person(r))
                    && e.gender == Gender::Unknown
                    && name.split(' ').next().is_some_and(|w| given_name_gender(w) == Gender::Unknown)
            }
            SpeakerKind::Anonymous => false,
        }
    }

    fn resolve_name(&self, p: &Parsed) -> Option<usize> {
        let same = |a: &str, b: &str| {
            if a.is_ascii() && b.is_ascii() { a.eq_ignore_ascii_case(b) } else { a.to_lowercase() == b.to_lowercase() }
        };
        let by_name = with_lowercase(&p.name, |lower| self.by_name.get(lower));
        if let Some(i) = self.most_recent_of(by_name, |e| same(&e.speaker.name, &p.name)) {
            return Some(i);
        }
        if p.kind != SpeakerKind::Person {
            return self.body_of_acronym(p);
        }
        let surname = surname_of(&p.name)?;
        // No one of that surname yet, as for most names met first: nothing
        // below to test.
        let candidates = self.by_surname.get(&*surname)?;
        // "De Wit told shareholders" after "P.J. de Wit": a particle
        // capitalised by its place is no given name.
        let single = p.name.split_whitespace().filter(|w| !is_suffix(w) && !is_particle_any_case(w)).count() == 1;
        let same = |e: &Entry| {
            e.speaker.kind == SpeakerKind::Person
                && e.surname.as_deref() == Some(&*surname)
                // "Mr. Clinton" is not the Hillary Clinton who spoke last
                // when Bill Clinton was named: a family shares a surname.
                && (p.gender == Gender::Unknown || e.gender == Gender::Unknown || e.gender == p.gender)
                && (single
                    || e.speaker.name.split_whitespace().count() == 1
                    || {
                        // Same surname and same first name: one person.
                        e.speaker.name.split_whitespace().next() == p.name.split_whitespace().next()
                    }
                    || {
                        // "Ribera Rodríguez said" after "Teresa Ribera
                        // Rodríguez": the name's last words, opening with no
                        // given name ("Chris Christie" is a whole name).
                        let (full, part) = (e.speaker.name.as_str(), p.name.as_str());
                        given_name_gender(part.split(' ').next().unwrap_or_default()) == Gender::Unknown
                            && full.len() > part.len() + 1
                            && full.ends_with(part)
                            && full.as_bytes()[full.len() - part.len() - 1] == b' '
                    })
        };
        let candidates = Some(candidates);
        self.most_recent_of(candidates, |e| !e.mentioned && same(e)).or_else(|| self.most_recent_of(candidates, same))
    }

    /// The entry of the body the article names `name`, added if new.
    fn body_named(&mut self, name: String) -> usize {
        let body = Parsed {
            name,
            role: None,
            kind: SpeakerKind::Organization,
            pronoun: None,
            definite_head: None,
            gender: Gender::Unknown,
            title: None,
        };
        self.resolve_name(&body).unwrap_or_else(|| self.add(&body))
    }

    /// "Orbit Software will cut 1,200 jobs, the company said", "Twitter
    /// acknowledged it. \"Q,\" the company said": the business the
    /// sentence, or one just before it, is about ([`Registry::
    /// business_as_subject`]); else the one so found last, while no other
    /// body has been named since. For "the company", "the social media
    /// company"; not "the rival company", nor "the Chinese company".
    fn business_of_sentences(&mut self, head: &str, mention: &str) -> Option<usize> {
        let described = mention.strip_prefix("the ").or_else(|| mention.strip_prefix("The ")).unwrap_or(mention);
        if !is_business_head(head)
            || described.contains(char::is_uppercase)
            || described.split(' ').any(|w| {
                matches!(w, "other" | "another" | "rival" | "parent" | "sister" | "second" | "former" | "partner")
            })
        {
            return None;
        }
        let named = match self.business_as_subject() {
            Some(name) => name.to_string(),
            None => {
                let i = self.business?;
                let last = self.most_recent(|e| e.speaker.kind == SpeakerKind::Organization)?;
                return (last == i).then_some(i);
            }
        };
        let i = self.body_named(named);
        self.business = Some(i);
        Some(i)
    }

    /// The name that opens the current sentence, or one of the two before
    /// it, as its subject, when it is a business's: "Orbit Software will
    /// cut jobs" or "Orbit Software is cutting jobs. It will ...". A name
    /// of two capitalised words or more, or one word the article also
    /// capitalises inside a sentence ("Boeing", not "Sales rose"); not a
    /// person's (a given name first, or a surname the article gave a
    /// speaker), nor a country or place.
    fn business_as_subject(&self) -> Option<&'a str> {
        let doc = self.doc;
        let mut start = self.pos.min(doc.len());
        let floor = start.saturating_sub(800);
        for _ in 0..3 {
            if let Some(name) = self.subject_name_at(start) {
                return Some(name);
            }
            // The start of the sentence before: after a line break or a
            // full stop and a space, before a capital.
            let before = doc[floor..start].trim_end();
            let cut = before.len().checked_sub(1)?;
            start = match before[..cut].rfind(['\n', '.', '?', '!']) {
                Some(back) => floor + back + 1,
                // (The text's first sentence.)
                None if floor == 0 => 0,
                None => return None,
            };
            while start < doc.len() && doc.as_bytes()[start].is_ascii_whitespace() {
                start += 1;
            }
            if start >= self.pos {
                return None;
            }
        }
        None
    }

    /// [`Registry::business_as_subject`] for the sentence at `start`.
    fn subject_name_at(&self, start: usize) -> Option<&'a str> {
        let doc = self.doc;
        // (A name never runs across a line. "The Met Office has …": a
        // body's name of two words or more after the article; not "The
        // Dow was …".)
        let text = &doc[start..];
        let text = &text[..text.find('\n').unwrap_or(text.len())];
        let articled = text.starts_with("The ");
        let text = text.strip_prefix("The ").unwrap_or(text);
        let mut run = 0;
        let mut end = 0;
        let mut rest = text;
        loop {
            let w = &rest[..rest.find(' ').unwrap_or(rest.len())];
            let bare = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w);
            let abbreviation = !bare.ends_with('.')
                || bare[..bare.len() - 1].contains('.')
                || matches!(bare, "Inc." | "Corp." | "Co." | "Ltd.");
            if !is_cap(bare) || !abbreviation || bare.contains(['"', '\u{201c}', ',', ';', ':']) {
                break;
            }
            run += 1;
            end = (w.as_ptr() as usize - text.as_ptr() as usize) + bare.len();
            if bare.len() != w.len() || run == 4 {
                break;
            }
            match rest.get(w.len()..).and_then(|r| r.strip_prefix(' ')) {
                Some(r) => rest = r,
                None => break,
            }
        }
        if run == 0 || articled && run == 1 {
            return None;
        }
        let name = &text[..end];
        let first = name.split(' ').next()?;
        // What follows (past a possessive's "'s") is a verb, an auxiliary
        // or the noun owned: a lowercase word.
        let after = &text[end..];
        let next = after.strip_prefix("'s").or_else(|| after.strip_prefix("\u{2019}s")).unwrap_or(after).trim_start();
        if !next.starts_with(|c: char| c.is_ascii_lowercase()) {
            return None;
        }
        // ("Acme Chief Executive Ann Roe said": a person's title and name.)
        if opens_clause(first)
            || name.split(' ').any(|w| is_given_name(w) || cues::lookup(w).class & class::ROLE != 0)
            || given_name_gender(first) != Gender::Unknown
            || self.knows_surname(name.rsplit(' ').next()?)
            || super::countries::is_country(name)
            || self.is_place(name)
        {
            return None;
        }
        if run > 1 {
            // Several words: a business's by a word of its name ("Orbit
            // Software", "Acme Corp.") or by what the article writes of it
            // ([`is_body_in`]: "Kessler Steel, which"); not "Storm Hilde".
            let org_word = name
                .split(' ')
                .any(|w| cues::lookup(&w.trim_end_matches('.').to_ascii_lowercase()).class & class::ORG != 0);
            if !(org_word || doc.len() <= LONG_INPUT && is_body_in(doc, name)) {
                return None;
            }
        } else {
            // One word: a name only if the article capitalises it inside a
            // sentence too.
            let inside = memchr::memmem::find_iter(doc.as_bytes(), name.as_bytes()).any(|at| {
                starts_word(doc, at)
                    && doc[at + name.len()..].starts_with(|c: char| !c.is_alphanumeric())
                    && word_before(doc, at)
                        .is_some_and(|b| b.starts_with(|c: char| c.is_lowercase()) && ends_alphabetic(b))
            });
            // A person's surname: "Geert Supré ... Supré worked as".
            if !inside || full_name_before(doc, self.pos, name).is_some() {
                return None;
            }
        }
        Some(name)
    }

    /// "The USGS said" after "the U.S. Geological Survey said": an
    /// acronym is the one body the article named so before
    /// ([`name_initials`]), when only one fits.
    fn body_of_acronym(&self, p: &Parsed) -> Option<usize> {
        let a = acronym(&p.name).filter(|_| !has_space(&p.name))?;
        // (The bodies of the last stretch of a long input only: each
        // acronym said would otherwise read every speaker named before.)
        let from = self.entries.len().saturating_sub(LOOKBACK);
        let mut fits = self.entries.iter().enumerate().skip(from).filter(|(_, e)| {
            e.speaker.kind == SpeakerKind::Organization
                && !e.speaker.anonymous
                && has_space(&e.speaker.name)
                && is_proper_body_name(&e.speaker.name)
                && name_initials(&e.speaker.name).contains(&a)
        });
        let (i, _) = fits.next()?;
        fits.next().is_none().then_some(i)
    }

    /// "Sheinbaum said" after "Claudia Sheinbaum Pardo", "Lula said"
    /// after "Luiz Inácio Lula da Silva": a lone name that no one bears as
    /// a surname, inside the name of one person ([`inner_names`]). Not
    /// when the text names someone else in full by it ("Mike Pence" after
    /// a headline's "Mike Pence Calls"): the full name the text gives must
    /// be that person's name up to a particle.
    fn inner_name_of(&mut self, p: &Parsed) -> Option<usize> {
        if p.kind != SpeakerKind::Person || has_space(&p.name) || self.by_surname.contains_key(&p.name) {
            return None;
        }
        let &[i] = self.by_inner.get(&p.name)?.as_slice() else { return None };
        let g = self.entries[i].gender;
        if self.entries[i].speaker.kind != SpeakerKind::Person
            || !(p.gender == Gender::Unknown || g == Gender::Unknown || g == p.gender)
        {
            return None;
        }
        match full_name_before(self.doc, self.pos, &p.name) {
            None => Some(i),
            Some(full) => {
                let full = self.parsed_once(full).0;
                let name = &self.entries[i].speaker.name;
                let rest = name.strip_prefix(full.name.as_str()).and_then(|r| r.strip_prefix(' '));
                rest.and_then(|r| r.split(' ').next()).is_some_and(is_particle_any_case).then_some(i)
            }
        }
    }

    pub fn has_anonymous(&self) -> bool {
        self.any_anonymous
    }

    /// The person named in full most recently: before an interview's
    /// first question, the one who answers.
    pub fn interviewee(&self) -> Option<String> {
        let i = self.most_recent(|e| {
            e.speaker.kind == SpeakerKind::Person && e.surname.is_some() && has_space(&e.speaker.name)
        })?;
        Some(self.entries[i].speaker.name.clone())
    }

    /// Record why the most recent anonymous source was granted anonymity.
    pub fn set_anonymity_reason(&mut self, reason: &str) {
        if let Some(i) = self.most_recent(|e| e.speaker.anonymous) {
            let s = &mut self.entries[i].speaker;
            if s.anonymity_reason.is_none() {
                s.anonymity_reason = Some(reason.to_string());
            }
        }
    }

    pub fn into_speakers(self) -> Vec<Speaker> {
        self.entries.into_iter().filter(|e| e.spoke).map(|e| e.speaker).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rustc_hash::FxHashSet as HashSet;

    #[test]
    fn a_place_word_is_one_of_the_list_in_any_case_before_a_stop_or_comma() {
        const PLACE: [&str; 22] = [
            "east", "west", "north", "south", "middle", "eastern", "western", "northern", "southern", "central",
            "gulf", "region", "province", "city", "capital", "island", "islands", "county", "valley", "coast",
            "border", "strait",
        ];
        for p in PLACE {
            let title = format!("{}{}", p[..1].to_ascii_uppercase(), &p[1..]);
            for w in [p.to_string(), p.to_ascii_uppercase(), title, format!("{p}."), format!("{p},.")] {
                assert!(is_place_word(&w), "{w}");
            }
        }
        for w in ["", ".", "eas", "easts", "Eastward", "citys", "provinces", "middle-east", "Middle East", "caf\u{e9}"]
        {
            assert!(!is_place_word(w), "{w}");
        }
    }

    #[test]
    fn given_name_lists_are_sorted_for_the_binary_search() {
        assert!(FEMININE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(MASCULINE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(!FEMININE_NAMES.iter().any(|n| MASCULINE_NAMES.contains(n)));
        assert_eq!(given_name_gender("Hillary"), Gender::Fem);
        assert_eq!(given_name_gender("HILLARY"), Gender::Fem);
        assert!(FEMININE_NAMES.iter().chain(&MASCULINE_NAMES).all(|n| *n == n.to_ascii_lowercase()));
        assert!(FEMININE_KEYS.is_sorted() && MASCULINE_KEYS.is_sorted());
        assert_eq!(given_name_gender("Jordan"), Gender::Unknown);
    }

    /// The places of an article as first worked out, over
    /// `split_whitespace` with a look ahead: [`is_place_in`] and
    /// [`CapitalWords::is_place`] must agree with it.
    fn places_plain(doc: &str) -> HashSet<String> {
        let mut out = HashSet::default();
        let mut after_cap = Vec::new();
        let mut words = doc.split_whitespace();
        let mut prev = "";
        while let Some(w) = words.next() {
            let w_cap = is_cap(w);
            if w_cap && is_cap(prev) && prev.chars().last().is_some_and(char::is_alphabetic) {
                after_cap.push(w.trim_end_matches(|c: char| !c.is_alphanumeric()));
            }
            prev = w;
            if w_cap || !is_locative(w) {
                continue;
            }
            let mut ahead = words.clone();
            let Some(next) = ahead.next() else { break };
            let bare = next.trim_end_matches(['.', ',', ';', ':', ')', '"', '\u{201d}']);
            let ends_here = bare.len() < next.len();
            let capitalised =
                is_cap(bare) && bare.chars().skip(1).all(|c| c.is_lowercase() || c == '-') && bare.chars().count() > 2;
            if capitalised && (ends_here || ahead.next().is_none_or(|after| !is_cap(after))) {
                out.insert(bare);
            }
        }
        for w in after_cap {
            out.remove(w);
        }
        out.into_iter().map(str::to_string).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn matches_from_end_are_what_rmatch_indices_gives(hay in "[ab ]{0,40}", needle in "[ab]{1,4}") {
            let want: Vec<usize> = hay.rmatch_indices(needle.as_str()).map(|(i, _)| i).collect();
            prop_assert_eq!(matches_from_end(hay.as_bytes(), needle.as_bytes()), want);
        }

        #[test]
        fn words_of_are_what_split_whitespace_gives(s in "[ab. \t\n\u{b}\u{c}\r\u{1c}\u{85}\u{a0}\u{2003}\u{e9}]{0,16}") {
            prop_assert_eq!(words_of(&s), s.split_whitespace().collect::<Vec<_>>());
        }

        #[test]
        fn the_word_before_is_the_same_read_a_byte_or_a_character_at_a_time(
            s in "[ab \t\n\u{1c}\u{85}\u{a0}\u{2003}\u{e9}.]{0,12}",
            i in 0usize..40,
        ) {
            let i = (0..=i.min(s.len())).rev().find(|&k| s.is_char_boundary(k)).unwrap_or(0);
            prop_assert_eq!(word_before(&s, i), word_before_chars(&s, i));
        }

        #[test]
        fn places_are_what_the_plain_walk_finds(
            words in proptest::collection::vec(
                "in|near|inside|throughout|Vardo|Kes-by|Ann|Roe|Bay\\.|Holm,|Holm|the|Ab|\u{c9}lan|\u{201d}|x|tin|Xin|in,|Vardo-|Vardos|Holm\u{201d}|\u{201c}Holm",
                0..24,
            ),
            seps in proptest::collection::vec("[ \\n\u{a0}\u{2003}]", 24),
        ) {
            let doc: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s.as_str()]).collect();
            let plain = places_plain(&doc);
            // Each name asked about on its own, by a search and among the
            // capitalised words of its slot.
            let capitals = CapitalWords::new(&doc);
            for w in words.iter().map(String::as_str).chain(["Vardo", "Kes-by", "Holm", "Bay", "\u{c9}lan", "Xin", "Ann"]) {
                prop_assert_eq!(is_place_in(&doc, w), plain.contains(w), "{:?} in {:?}", w, doc);
                prop_assert_eq!(capitals.is_place(&doc, w), plain.contains(w), "{:?} in {:?}", w, doc);
            }
        }
    }

    #[test]
    fn a_place_the_article_names_as_one_is_never_a_person() {
        let doc = "Rockets fell near the airport in Vardo on Monday. \
                   Vardo said the strike broke the truce. \
                   \"We will answer,\" said Mayor Tomas Jackson.";
        let speakers = crate::extract::extract(doc).speakers;
        let kind = |name: &str| speakers.iter().find(|s| s.name == name).map(|s| s.kind);
        // The place speaks as its authorities do, not as a person.
        assert_eq!(kind("Vardo"), Some(SpeakerKind::Organization), "{speakers:?}");
        assert_eq!(kind("Tomas Jackson"), Some(SpeakerKind::Person), "{speakers:?}");
    }

    #[test]
    fn locatives_are_the_seven_prepositions_and_nothing_else() {
        for w in ["in", "near", "across", "around", "inside", "outside", "throughout"] {
            assert!(is_locative(w), "{w}");
        }
        for w in ["", "i", "In", "on", "is", "it", "an", "nearer", "neat", "arrows", "arose", "insider", "thorough"] {
            assert!(!is_locative(w), "{w}");
        }
    }

    #[test]
    fn places_are_single_words_after_a_locative_preposition() {
        let doc = "Talks in Vardo and near Kestrel Bay ended; the envoy, in Ostmark's view, left in Ostmark.";
        let capitals = CapitalWords::new(doc);
        for searched in [true, false] {
            let is_place = |name| if searched { is_place_in(doc, name) } else { capitals.is_place(doc, name) };
            assert!(is_place("Vardo"));
            assert!(is_place("Ostmark"));
            assert!(!is_place("Kestrel"), "the first word of a longer name is not a place");
        }
    }

    #[test]
    fn a_known_person_who_shares_a_place_name_still_speaks() {
        let doc = "Councillor Mira Holm opened the depot in Holm on Friday. \
                   \"It was overdue,\" Holm said.";
        let ext = crate::extract::extract(doc);
        assert!(ext.speakers.iter().any(|s| s.name.ends_with("Holm")), "{:?}", ext.speakers);
    }

    #[test]
    fn a_definite_description_finds_the_speaker_by_role_head_or_name_word() {
        let mut r = Registry::for_document("");
        let chair = r.resolve("Ann Roe", Some("the campaign chairman of the party")).unwrap();
        let other = r.resolve("Bo Diaz", None).unwrap();
        // The role's head, before "of", past a more recent speaker.
        assert_eq!(r.resolve("the chairman", None).unwrap().id, chair.id);
        // "the campaign" is no head of "campaign chairman".
        assert!(r.resolve("the campaign", None).is_none_or(|s| s.id != chair.id));
        // A word of the name, singular either side.
        let dept = r.resolve("The Defense Department", None).unwrap();
        r.resolve("Bo Diaz", None).unwrap();
        assert_eq!(r.resolve("the department", None).unwrap().id, dept.id);
        assert_eq!(r.resolve("the departments", None).unwrap().id, dept.id);
        assert_ne!(dept.id, other.id);
        // A role given later counts too.
        let mut r = Registry::for_document("");
        let lee = r.resolve("Cy Lee", None).unwrap();
        r.introduce("Cy Lee", "the harbour master");
        assert_eq!(r.resolve("the master", None).unwrap().id, lee.id);
    }

    #[test]
    fn a_rank_given_after_a_description_asked_still_counts() {
        // "the mayor" works out Cy Lee's words of rank (none) before the
        // article gives the title: "the deputy mayor" must see the new one.
        let mut r = Registry::for_document("");
        let lee = r.resolve("Cy Lee", Some("the mayor")).unwrap();
        assert_eq!(r.resolve("the mayor", None).unwrap().id, lee.id);
        assert!(r.entries[0].ranks.get().is_some());
        r.introduce("Deputy Mayor Cy Lee", "the mayor");
        assert_eq!(r.entries[0].title.as_deref(), Some("deputy mayor"));
        assert_eq!(r.resolve("the deputy mayor", None).unwrap().id, lee.id);
    }

    #[test]
    fn past_lookback_a_head_finds_whom_the_walk_finds() {
        // Many speakers with roles and titles, some named again, some
        // introduced again (listed twice), some descriptions later named
        // (listed no more): the index of heads answers as the walk over the
        // last LOOKBACK does, before and after it is made.
        let roles = ["the campaign chairman", "a senior official", "the state senator", "the county attorney"];
        // (Only the first speakers are pilots: later, none is in reach.)
        let heads = ["chairman", "official", "senator", "attorney", "pick", "lawmaker", "roab", "master", "pilot"];
        let mut r = Registry::for_document("");
        let mut names = Vec::new();
        for i in 0..700usize {
            let letters: String = [i / 26 % 26, i % 26].iter().map(|&k| char::from(b'a' + k as u8)).collect();
            let name = format!("{} Ro{letters}", ["Ann", "Tom", "Mira", "Lou"][i % 4]);
            names.push(name.clone());
            match i % 9 {
                0 => r.resolve(&format!("Sen. {name}"), None),
                1 => r.resolve("the president-elect's pick", None),
                2 => r.resolve(&name, Some("the president-elect's pick for the post")),
                _ if i < 40 => r.resolve(&name, Some("the river pilot")),
                _ => r.resolve(&name, Some(roles[i % roles.len()])),
            };
            if i % 7 == 3 {
                // Someone named before, introduced again, then reported.
                let back = names[i * 2 / 3].clone();
                r.introduce(&back, "the harbour master");
                r.resolve(&names[i / 2], None);
                r.resolve(&back, None);
            }
            if i % 5 == 0 {
                r.resolve("the official", None);
            }
            for head in heads {
                let named = r.most_recent_named(head, |e| e.has_head(head));
                assert_eq!(named, r.most_recent(|e| e.has_head(head)), "{head} after {i}");
                let titled = |e: &Entry| e.has_head(head) || e.title.as_deref().is_some_and(|t| title_means(t, head));
                assert_eq!(r.most_recent_named(head, titled), r.most_recent(titled), "{head} after {i}");
            }
        }
        assert!(r.by_head.is_some());
        assert!(r.entries.iter().any(|e| e.listed > 1), "none listed twice");
        assert!(r.entries.iter().any(|e| e.listed == 0), "none taken out");
    }

    #[test]
    fn a_company_by_its_first_word_past_many_speakers() {
        // Past ORGS_WALKED speakers (a long input) the company is found
        // through the index: the same one, the latest, as the walk finds.
        let surnames = |n: usize| {
            (0..n).map(|i| {
                let letters: String =
                    [i / 676, i / 26 % 26, i % 26].iter().map(|&k| char::from(b'a' + k as u8)).collect();
                format!("Ann Q{letters}son")
            })
        };
        for speakers in [10, ORGS_WALKED + 40] {
            let mut r = Registry::for_document("");
            r.resolve("Keldor Mining", None).unwrap();
            let foods = r.resolve("Keldor Foods", None).unwrap();
            for name in surnames(speakers) {
                r.resolve(&name, None).unwrap();
            }
            assert_eq!(r.resolve("Keldor", None).unwrap().id, foods.id, "{speakers} speakers");
            // Named after the index was made, and a person's surname first.
            let lines = r.resolve("Northgate Lines", None).unwrap();
            assert_eq!(r.resolve("Northgate", None).unwrap().id, lines.id, "{speakers} speakers");
            r.resolve("Ann Veltor", None).unwrap();
            r.resolve("Veltor Labs", None).unwrap();
            assert_eq!(r.resolve("Veltor", None).unwrap().name, "Ann Veltor", "{speakers} speakers");
        }
    }

    #[test]
    fn a_description_with_another_modifier_is_another_speaker() {
        let mut r = Registry::for_document("");
        let fire = r.resolve("the fire department", None).unwrap();
        let health = r.resolve("the health department", None).unwrap();
        assert_ne!(health.id, fire.id);
        assert_eq!(health.name, "health department");
        // The bare head and the same modifier are the last one named.
        assert_eq!(r.resolve("the department", None).unwrap().id, health.id);
        assert_eq!(r.resolve("the fire department", None).unwrap().id, fire.id);
        let sheriff = r.resolve("the county sheriff", None).unwrap();
        assert_ne!(r.resolve("the deputy sheriff", None).unwrap().id, sheriff.id);
        // A named person's description may add a word.
        let mut r = Registry::for_document("");
        let roe = r.resolve("Ann Roe", Some("a Republican senator")).unwrap();
        assert_eq!(r.resolve("the veteran senator", None).unwrap().id, roe.id);
    }

    #[test]
    fn a_title_led_by_a_plain_word_is_still_a_role() {
        let p = parse("Fire Chief Laura Benson", None);
        assert_eq!((p.name.as_str(), p.role.as_deref()), ("Laura Benson", Some("Fire Chief")));
        let p = parse("Harbour Master Lena Fischer", None);
        assert_eq!((p.name.as_str(), p.role.as_deref()), ("Lena Fischer", Some("Harbour Master")));
        // A plain two-word name is not cut.
        assert_eq!(parse("Laura Benson", None).name, "Laura Benson");
    }

    #[test]
    fn title_and_name_give_role() {
        let p = parse("U.S. Secretary of Defense Ann Roe", None);
        assert_eq!(p.name, "Ann Roe");
        assert_eq!(p.role.as_deref(), Some("U.S. Secretary of Defense"));
        assert_eq!(p.kind, SpeakerKind::Person);
        let p = parse("Army General Bo K. Diaz Jr.", Some("chief of the Northern Command"));
        assert_eq!(p.name, "Bo K. Diaz Jr.");
        assert_eq!(p.role.as_deref(), Some("chief of the Northern Command"));
    }

    #[test]
    fn organisations_and_anonymous_sources() {
        let p = parse("The Defense Department", None);
        assert_eq!((p.name.as_str(), p.kind), ("Defense Department", SpeakerKind::Organization));
        let p = parse("the Pentagon", None);
        assert_eq!(p.kind, SpeakerKind::Organization);
        let p = parse("a U.S. official", None);
        assert_eq!((p.name.as_str(), p.kind), ("U.S. official", SpeakerKind::Anonymous));
        assert_eq!(slug(&p.name), "u-s-official");
        let p = parse("people familiar with the matter", None);
        assert_eq!(p.kind, SpeakerKind::Anonymous);
        // Words that say a title's field ("State Sen.", "Health
        // Secretary") before one more word are a body's name.
        for body in ["United Nations", "Air Force", "National Grid", "Homeland Security", "Health Canada"] {
            let p = parse(&format!("The {body}"), None);
            assert_eq!((p.name.as_str(), p.kind, p.title), (body, SpeakerKind::Organization, None));
        }
        let p = parse("State Sen. Ann Roe", None);
        assert_eq!((p.name.as_str(), p.kind), ("Ann Roe", SpeakerKind::Person));
        let p = parse("Marine Sgt. Roe", None);
        assert_eq!((p.name.as_str(), p.kind), ("Roe", SpeakerKind::Person));
        // A body named by the place it sits.
        for body in ["Downing Street", "Scotland Yard", "Buckingham Palace"] {
            assert_eq!(parse(body, None).kind, SpeakerKind::Organization, "{body}");
        }
        assert_eq!(parse("Maria Street", None).kind, SpeakerKind::Person);
    }

    #[test]
    fn a_prime_minister_by_initials_is_titled_not_named_so() {
        let p = parse("PM Helen Ashworth", None);
        assert_eq!((p.name.as_str(), p.title.as_deref()), ("Helen Ashworth", Some("PM")));
    }

    #[test]
    fn a_source_noun_opening_a_sentence_still_heads_its_phrase() {
        // Capitalised only because the sentence starts there: the aides
        // speak, not the governor.
        let p = parse("Aides to Gov. Ann Roe", None);
        assert_eq!((p.name.as_str(), p.kind), ("aides to Gov. Ann Roe", SpeakerKind::Anonymous));
        let p = parse("Lawyers for Bo Diaz", None);
        assert_eq!((p.name.as_str(), p.kind), ("lawyers for Bo Diaz", SpeakerKind::Organization));
        let p = parse("Supporters of Senator Cy Eng", None);
        assert_eq!(p.name, "supporters of Senator Cy Eng");
    }

    #[test]
    fn a_bare_surname_two_people_share_is_the_one_named_more_often() {
        let doc = "Ann Roe toured the yard. Later, Ann Roe met the crew. The gift came from Bo Roe, her son. Roe said";
        assert_eq!(full_name_before(doc, doc.len() - 9, "Roe"), Some("Ann Roe"));
        let doc =
            "Gov. Cy J. Dale loves the jet. Cy Dale flies it. It has chairs like those in Eve Dale's den. Dale said";
        assert_eq!(full_name_before(doc, doc.len() - 10, "Dale"), Some("Cy Dale"));
        // A headline's capitalised word before a name is no other person.
        let doc = "Celebrating Ann Roe.\n\nBo Roe, her son, spoke. Ann Roe arrived. Roe said";
        assert_eq!(full_name_before(doc, doc.len() - 9, "Roe"), Some("Ann Roe"));
        let doc = "The mayor, Ruth Adler, arrived. Adler said";
        assert_eq!(full_name_before(doc, doc.len() - 11, "Adler"), Some("Ruth Adler"));
    }

    #[test]
    fn an_honorific_or_an_age_is_no_role() {
        assert_eq!(parse("Mr. Bo Diaz", None).role, None);
        assert_eq!(parse("Ann Roe", Some("34")).role, None);
        assert_eq!(parse("Dr. Ann Roe", Some("a surgeon")).role.as_deref(), Some("surgeon"));
        assert_eq!(parse("Dr. Ann Roe", None).role.as_deref(), Some("Dr."));
    }

    #[test]
    fn a_clause_opener_or_a_descriptor_is_no_part_of_a_name() {
        let p = parse("While Ann B. Roe", None);
        assert_eq!((p.name.as_str(), p.role.as_deref()), ("Ann B. Roe", None));
        assert_eq!(parse("What Mr. Roe", None).name, "Roe");
        let p = parse("Ohio-based Bo Diaz", None);
        assert_eq!((p.name.as_str(), p.role.as_deref()), ("Bo Diaz", Some("Ohio-based")));
        // A double-barrelled surname is a name.
        assert_eq!(parse("Ann Holt-Eaton", None).name, "Ann Holt-Eaton");
        let intro = introductions("While Ann B. Roe, the party's nominee, has promised a wall, the fence stands.");
        assert_eq!(intro, vec![("Ann B. Roe", "the party's nominee")]);
    }
}
