//! Names as reports write them: the normal form queries compare, a
//! person's given names and surname with titles set aside, and an
//! organisation's canonical key ("the Defense Department" and "Department
//! of Defense" are `department of defense`).
//!
//! Robust to what older extractions left in a name ("Defence Secretary
//! Mark Esper", "Kenneth F. McKenzie Jr."): titles and suffixes are set
//! aside here rather than trusted to have been cleaned.

/// Lowercase words of a name, without a leading article: a spelling as
/// written ("josé ramírez"), for telling spellings apart.
pub fn norm_name(name: &str) -> String {
    let lower = name.to_lowercase().replace(['\u{2019}', '\''], "");
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let skip = usize::from(matches!(words.first(), Some(&("the" | "a" | "an"))));
    words[skip.min(words.len())..].join(" ")
}

/// [`norm_name`] with accents and letters outside English folded away
/// ("josé ramírez" → "jose ramirez", "ø" → "o", "ß" → "ss"): the key a
/// name is found under, since outlets and users type names both ways.
pub fn name_key(name: &str) -> String {
    fold(&norm_name(name))
}

/// Lowercase `s` with accents dropped and letters English writes
/// otherwise spelled out ("Schröder" → "schroder", "Łukasz" → "lukasz",
/// "Straße" → "strasse"). ASCII comes back as it went in, lowercased.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'þ' | 'Þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A folded name word with German umlauts' English spellings read as
/// the bare vowel ("schroeder" → "schroder", "mueller" → "muller"), so
/// that "Schröder" and "Schroeder" are one surname. Only before a
/// consonant: "Xue", "Yue" and "Roe" end in the pair and are names of
/// their own.
fn umlaut_key(w: &str) -> String {
    if !w.is_ascii() {
        return w.to_string();
    }
    let b = w.as_bytes();
    let consonant = |c: u8| c.is_ascii_alphabetic() && !b"aeiouy".contains(&c);
    let mut out = String::with_capacity(w.len());
    let mut i = 0;
    while i < b.len() {
        out.push(char::from(b[i]));
        let pair = i + 2 < b.len() && matches!(b[i], b'a' | b'o' | b'u') && b[i + 1] == b'e' && consonant(b[i + 2]);
        i += if pair { 2 } else { 1 };
    }
    out
}

/// The stem and ending of a folded surname whose ending Slavic names are
/// transliterated several ways ("zelenskyy", "zelenskiy", "zelenskii",
/// "zelenski", "zelensky"; "navalnyy", "navalny"): after "sk", "zk", "ck"
/// or "n", in a word of five letters or more.
fn slavic_ending(w: &str) -> Option<(&str, &str)> {
    if w.len() < 5 || !w.is_ascii() {
        return None;
    }
    let ending = SLAVIC_ENDINGS.iter().find(|e| w.ends_with(**e))?;
    let stem = &w[..w.len() - ending.len()];
    let after_k = ["sk", "zk", "ck"].iter().any(|s| stem.ends_with(s));
    (after_k || (stem.ends_with('n') && *ending != "i")).then_some((stem, ending))
}

/// The endings [`slavic_ending`] reads as one, longest first.
const SLAVIC_ENDINGS: [&str; 7] = ["yy", "iy", "ii", "yi", "ij", "y", "i"];

/// The key a surname is compared by: [`slavic_ending`]'s forms as "y".
pub fn surname_key(surname: &str) -> std::borrow::Cow<'_, str> {
    match slavic_ending(surname) {
        Some((stem, ending)) if ending != "y" => format!("{stem}y").into(),
        _ => surname.into(),
    }
}

/// Every spelling of a surname [`surname_key`] reads as one, the name
/// index's keys for other outlets' spellings of it.
pub fn surname_spellings(surname: &str) -> Vec<String> {
    match slavic_ending(surname) {
        Some((stem, _)) => {
            let after_k = !stem.ends_with('n');
            SLAVIC_ENDINGS.iter().filter(|e| after_k || **e != "i").map(|e| format!("{stem}{e}")).collect()
        }
        None => vec![surname.to_string()],
    }
}

/// A person's surname: the last word of the name, generational suffixes
/// ("Jr.", "III") left out.
pub fn surname(name: &str) -> Option<String> {
    PersonName::parse(name).surname
}

/// Titles a royal or a pope is named with by a given name alone.
pub const ROYAL_TITLES: [&str; 8] = ["king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope"];

/// Generational and academic suffixes: not a surname.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];

/// Words that may stand before a person's name without being part of it:
/// honorifics, ranks, offices and the places or services they qualify.
/// Written in full; [`canonical_word`] maps abbreviations onto them.
const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "general",
    "lieutenant",
    "colonel",
    "major",
    "captain",
    "admiral",
    "sergeant",
    "senator",
    "representative",
    "governor",
    "president",
    "vice",
    "secretary",
    "minister",
    "prime",
    "judge",
    "reverend",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "chief",
    "deputy",
    "ambassador",
    "mayor",
    "director",
    "defense",
    "foreign",
    "state",
    "interior",
    "army",
    "navy",
    "marine",
    "air",
    "force",
    "top",
    "former",
    "acting",
    "us",
    "uk",
    "british",
    "american",
    "leader",
    "majority",
    "minority",
    "speaker",
    "whip",
    "chairman",
    "chairwoman",
    "of",
    "and",
];

/// Offices: two people whose roles name different offices and share no
/// other word are two people.
const OFFICES: &[&str] = &[
    "secretary",
    "senator",
    "representative",
    "minister",
    "general",
    "admiral",
    "colonel",
    "president",
    "governor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "ambassador",
    "mayor",
    "director",
    "judge",
    "professor",
    "analyst",
    "resident",
    "witness",
];

/// Words that say nothing about who someone is.
const FILLER: &[&str] =
    &["the", "a", "an", "of", "for", "and", "s", "u", "in", "at", "on", "to", "who", "its", "his", "her"];

/// One spelling of a word for comparison: abbreviations and UK spellings
/// onto one form ("Gen." → general, "Defence" → defense).
pub fn canonical_word(w: &str) -> &str {
    match w {
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "maj" => "major",
        "capt" => "captain",
        "adm" => "admiral",
        "sgt" => "sergeant",
        "sen" | "sens" => "senator",
        "rep" | "reps" => "representative",
        "gov" => "governor",
        "pres" => "president",
        "sec" | "secy" => "secretary",
        "rev" => "reverend",
        "defence" => "defense",
        "centre" => "center",
        "programme" => "program",
        "organisation" => "organization",
        // One name, transliterated several ways.
        "mohammed" | "mohamed" | "mohammad" | "mohamad" | "muhammed" => "muhammad",
        "ahmad" => "ahmed",
        "hussain" | "husain" | "husein" => "hussein",
        "yousef" | "youssef" | "yousuf" | "yousif" => "yusuf",
        "abdallah" => "abdullah",
        "moustafa" | "mostafa" => "mustafa",
        "qaddafi" | "kadhafi" | "gadhafi" => "gaddafi",
        "u" => "u",
        other => other,
    }
}

/// Lowercase words, accents folded ([`fold`]), apostrophes dropped,
/// abbreviations spelled out.
pub fn words(s: &str) -> Vec<String> {
    let lower = fold(s).replace(['\u{2019}', '\''], "");
    let mut out: Vec<String> = Vec::new();
    for w in lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        out.push(canonical_word(w).to_string());
    }
    // "U.S." is two one-letter words: keep it one.
    let mut i = 0;
    while i + 1 < out.len() {
        if matches!((out[i].as_str(), out[i + 1].as_str()), ("u", "s") | ("u", "k")) {
            let joined = format!("u{}", out[i + 1]);
            out.splice(i..i + 2, [joined]);
        }
        i += 1;
    }
    for w in &mut out {
        if w == "usa" {
            *w = "us".to_string();
        }
    }
    out
}

/// The words of a role that tell people apart.
pub fn role_words(role: &str) -> Vec<String> {
    let mut w: Vec<String> = words(role).into_iter().filter(|w| !FILLER.contains(&w.as_str())).collect();
    w.sort();
    w.dedup();
    w
}

/// Whether a role word is an office ("secretary", "senator").
pub fn is_office(w: &str) -> bool {
    OFFICES.contains(&w)
}

/// Family names that come first in Chinese and Korean names as the press
/// writes them ("Xi Jinping", "Li Qiang", "Moon Jae-in"), lowercase. Those
/// as often an English given name or surname ("Lee", "Kim", "Lin",
/// "Han") are left out.
const FAMILY_FIRST: &[&str] = &[
    "bai", "cai", "cao", "chen", "cheng", "cho", "choi", "cui", "deng", "ding", "dong", "feng", "guo", "hou", "hu",
    "huang", "jiang", "jin", "jung", "kong", "li", "liang", "liu", "lu", "luo", "mao", "meng", "moon", "pan", "peng",
    "qian", "qin", "ren", "shen", "shi", "su", "sun", "tang", "tian", "wang", "wei", "wen", "wu", "xi", "xiao", "xie",
    "xu", "yang", "yao", "ye", "yoon", "yuan", "zeng", "zhang", "zhao", "zheng", "zhong", "zhou", "zhu",
];

/// Korean family names that are English names or words too ("Kim",
/// "Lee", "Park"): written first only before a given name of syllables
/// ([`is_korean_name`]). Sorted for the binary search.
const KOREAN_FAMILY: &[&str] = &[
    "ahn", "choe", "han", "hwang", "jang", "kang", "kim", "kwon", "lee", "lim", "oh", "park", "ri", "seo", "shin",
    "song", "yi",
];

/// Syllables of Korean given names as news romanises them ("Jong Un",
/// "Jong-un", "Jae-myung", "Geun-hye"). Sorted for the binary search.
const KOREAN_SYLLABLES: &[&str] = &[
    "bak", "bum", "chol", "chul", "dae", "dong", "eun", "geun", "gyu", "ho", "hoon", "hwan", "hye", "hyun", "il", "in",
    "jae", "jin", "jong", "joon", "jun", "jung", "ki", "kook", "kyung", "mi", "min", "moo", "myung", "nam", "sang",
    "seok", "soo", "sook", "suk", "sung", "tae", "un", "won", "woo", "yeol", "yeon", "yong", "young",
];

/// Whether a name's words (any case; a hyphenated given name split or
/// not) are a Korean family name and a given name of two syllables: "Kim
/// Jong Un", "Kim Jong-un", "Lee Jae-myung" (not "Kim Ann Roe").
pub fn is_korean_name(family: &str, given: &[&str]) -> bool {
    // (The family name first, by a stack copy: every name resolved asks.)
    let known = |list: &[&str], w: &str| {
        let mut buf = [0u8; 8];
        w.len() <= buf.len() && w.is_ascii() && {
            let lower = &mut buf[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|l| list.binary_search(&l).is_ok())
        }
    };
    // (Two syllables need a space or a hyphen: "Donald Trump" leaves at
    // once.)
    let two = given.len() == 2 || given.iter().any(|g| g.contains([' ', '-']));
    if !(2..=5).contains(&family.len()) || !two || !known(KOREAN_FAMILY, family) {
        return false;
    }
    let mut syllables = given.iter().flat_map(|g| g.split([' ', '-'])).filter(|s| !s.is_empty());
    matches!((syllables.next(), syllables.next(), syllables.next()), (Some(a), Some(b), None)
        if known(KOREAN_SYLLABLES, a) && known(KOREAN_SYLLABLES, b))
}

/// Whether `word` (any case) is a family name written first ([`FAMILY_FIRST`]).
pub fn is_family_first(word: &str) -> bool {
    let b = word.as_bytes();
    if !(2..=5).contains(&b.len()) || !b.is_ascii() {
        return false;
    }
    let mut lower = [0u8; 5];
    for (l, c) in lower.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&lower[..b.len()]).unwrap_or_default();
    FAMILY_FIRST.binary_search(&lower).is_ok()
}

/// The Arabic article as names join it ("al-Sudani", "ash-Sharaa",
/// "ad-Din"), a word of its own once a name is split at its hyphen.
const ARABIC_ARTICLES: &[&str] = &["al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "ul", "ud"];

/// Whether `w` is a name with its article joined ("al-Sudani", "el-Sisi",
/// "ash-Sharaa"): a name all the same, capitalised after the hyphen.
pub fn article_joined(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(h) = b.iter().take(4).position(|&c| c == b'-') else { return false };
    ARABIC_ARTICLES.iter().any(|a| a.as_bytes() == &b[..h]) && w[h + 1..].starts_with(char::is_uppercase)
}

/// Name particles, lowercase inside a proper name ("Ludwig van Dorn").
const PARTICLES: &[&str] = &["de", "da", "di", "del", "der", "van", "von", "bin", "al", "la", "le", "du"];

/// Whether a recorded speaker's name names someone rather than describes
/// them: each word capitalised but for name particles, whatever a
/// parenthesis adds aside ("Sen. Ana Ruiz (D)"). "the Democratic
/// front-runner", "six in 10 voters" and "Half of Vermont Democrats"
/// describe.
pub fn is_proper_name(name: &str) -> bool {
    capitalised_but(name, PARTICLES, false)
}

/// [`is_proper_name`] for a body, whose name may hold small words and
/// figures ("Department of Defense", "10 Downing Street"): what an
/// acronym can abbreviate. "Democratic nominee's campaign" describes.
pub fn is_proper_body_name(name: &str) -> bool {
    const SMALL: &[&str] = &["the", "of", "for", "and", "on", "in", "at", "to", "de", "&"];
    capitalised_but(name, SMALL, true)
}

/// Whether every word of `name` before any parenthesis but the `small`
/// ones starts (past punctuation) with a capital, or with a figure where
/// `figures` allows.
fn capitalised_but(name: &str, small: &[&str], figures: bool) -> bool {
    let outside = name.split('(').next().unwrap_or(name);
    let mut words = outside.split_whitespace().filter(|w| !small.contains(w)).peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || figures && c.is_ascii_digit())
        })
}

/// A person's name taken apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonName {
    /// Given names and initials, in order, accents folded ("kenneth", "f").
    pub given: Vec<String>,
    /// The surname as names are compared and indexed: accents folded and
    /// umlauts' English spellings read as the vowel ("Schröder" and
    /// "Schroeder" are both "schroder").
    pub surname: Option<String>,
    /// Titles found before the name ("defense", "secretary"): role
    /// evidence, never identity.
    pub titles: Vec<String>,
}

impl PersonName {
    /// [`PersonName::parse`] of a name as recorded, where case tells a
    /// name from a description: a phrase whose last word is lowercase
    /// ("the Florida senator", "senior vice president") or follows "of"
    /// ("former secretary of State") describes someone and has no
    /// surname, so it joins no one of that "surname" in another story.
    /// (A user's query is parsed as typed: its case says nothing.)
    pub fn parse_recorded(name: &str) -> PersonName {
        // "Ann Roe, who…", "Ann Roe (D)": what follows is no name.
        let head = name.split([',', '(']).next().unwrap_or(name).trim();
        let mut parsed = PersonName::parse(head);
        // The surname as written, and the word before it, suffixes aside.
        let mut back = head
            .split_whitespace()
            .rev()
            .skip_while(|w| SUFFIXES.contains(&w.trim_end_matches('.').to_lowercase().as_str()));
        let last = back.next().unwrap_or("");
        // ("al-Sudani": the article joined to a name keeps it a name.)
        let capitalised = last.starts_with(|c: char| c.is_uppercase()) || article_joined(last);
        let described = !capitalised || back.next().is_some_and(|w| matches!(w, "of" | "for" | "from" | "at"));
        if described {
            parsed.surname = None;
        }
        parsed
    }

    pub fn parse(name: &str) -> PersonName {
        // A role after a comma ("McKenzie, who leads ...") is not the name.
        let name = name.split(',').next().unwrap_or(name);
        let mut w = words(name);
        while w.len() > 1 && SUFFIXES.contains(&w[w.len() - 1].as_str()) {
            w.pop();
        }
        // Everything up to the last title before the surname is title:
        // "Pentagon spokesman Jonathan Hoffman" is Jonathan Hoffman.
        let mut last_title = w[..w.len().saturating_sub(1)].iter().rposition(|x| TITLE_WORDS.contains(&x.as_str()));
        // "Marine Le Pen": "Marine" (of the corps, and a given name) before
        // a name of two words is the given name.
        if let Some(i) = last_title
            && w[i] == "marine"
            && w.len() - i == 3
        {
            last_title = w[..i].iter().rposition(|x| TITLE_WORDS.contains(&x.as_str()));
        }
        let titles: Vec<String> = match last_title {
            Some(i) => w.drain(..=i).collect(),
            None => Vec::new(),
        };
        // "Xi Jinping", "Moon Jae-in": the family name comes first, and
        // "Mr Xi" is the same person.
        let korean = w.len() == 3 && is_korean_name(&w[0], &[w[1].as_str(), w[2].as_str()]);
        if (2..=3).contains(&w.len()) && is_family_first(&w[0]) || korean {
            let surname = Some(w.remove(0));
            return PersonName { given: w, surname, titles };
        }
        // "Mary Kowalski-Reyes": a double-barrelled surname is one, or
        // "Mary Ann Kowalski-Reyes" would have the given names "mary ann
        // kowalski" and be someone else. ("al-Sudani", "el-Sisi": an
        // article joined to a name is a particle, below.)
        let barrels = double_barrelled(name);
        if barrels > 1 && w.len() >= barrels {
            let joined = w.split_off(w.len() - barrels).join("-");
            w.push(joined);
        }
        let surname = w.pop().filter(|s| !SUFFIXES.contains(&s.as_str())).map(|s| umlaut_key(&s));
        // "Mohammed Shia al-Sudani": the particle goes with the surname,
        // not with the given names ("Mohammed al-Sudani" has no "al" of a
        // second given name).
        // ("Del Toro" alone has no given name "Del": it is Ricardo Del
        // Toro's surname as well.)
        while w.last().is_some_and(|p| PARTICLES.contains(&p.as_str()) || ARABIC_ARTICLES.contains(&p.as_str())) {
            w.pop();
        }
        PersonName { given: w, surname, titles }
    }
}

/// How many names a hyphen joins in the last word of `name` (suffixes
/// aside): 2 for "Kowalski-Reyes", 1 for "Reyes", and 1 for "al-Sudani"
/// or "el-Sisi", whose first part is an article or a particle.
fn double_barrelled(name: &str) -> usize {
    let last = name
        .split_whitespace()
        .rev()
        .find(|w| !SUFFIXES.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str()))
        .unwrap_or("");
    let parts: Vec<&str> = last.split('-').collect();
    let first = parts[0].to_lowercase();
    let named =
        parts.iter().all(|p| p.chars().next().is_some_and(char::is_alphabetic) && p.chars().all(char::is_alphanumeric));
    if parts.len() < 2 || !named || PARTICLES.contains(&first.as_str()) || ARABIC_ARTICLES.contains(&first.as_str()) {
        1
    } else {
        parts.len()
    }
}

/// How two lists of given names relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Given {
    /// One side has none ("Esper").
    Unknown,
    /// The first given names agree, by name or initial, and nothing after
    /// them conflicts ("Mark Esper", "Mark T. Esper").
    Agree,
    /// One side's first given name is the other's middle name or initial
    /// ("Frank McKenzie", "Kenneth F. McKenzie").
    Middle,
    /// They disagree ("Mark Esper", "Jane Esper").
    Conflict,
}

fn fits(a: &str, b: &str) -> bool {
    a == b
        || (a.len() == 1 && b.starts_with(a))
        || (b.len() == 1 && a.starts_with(b))
        || (a.len().abs_diff(b.len()) <= 2 && umlaut_key(a) == umlaut_key(b))
        || same_given_name(a, b)
}

/// English given names and the short forms and spellings the press uses
/// for them, one group a name: "Bill Clinton" is "William J. Clinton",
/// "Bob Menendez" "Robert Menendez", "Anne Roe" "Ann Roe". A short form of
/// two names is in both groups ("Pat": Patrick, Patricia).
const GIVEN_NAMES: &[&[&str]] = &[
    &["william", "bill", "billy", "will", "willie", "liam"],
    &["robert", "bob", "bobby", "rob", "robby", "bert"],
    &["richard", "rick", "ricky", "dick", "rich", "richie"],
    &["james", "jim", "jimmy", "jamie"],
    &["john", "jack", "johnny", "jon"],
    &["jonathan", "jon", "jonny"],
    &["joseph", "joe", "joey"],
    &["michael", "mike", "mikey", "mick"],
    &["thomas", "tom", "tommy"],
    &["christopher", "chris", "kit"],
    &["christine", "christina", "chris", "tina"],
    &["daniel", "dan", "danny"],
    &["david", "dave", "davey"],
    &["steven", "stephen", "steve", "stevie"],
    &["benjamin", "ben", "benny"],
    &["samuel", "sam", "sammy"],
    &["samantha", "sam"],
    &["matthew", "matt"],
    &["nicholas", "nick", "nicky"],
    &["anthony", "tony"],
    &["edward", "ed", "eddie", "ted", "ned"],
    &["theodore", "ted", "teddy", "theo"],
    &["andrew", "andy", "drew"],
    &["alexander", "alex", "sandy"],
    &["alexandra", "alex", "sandra", "sandy"],
    &["gregory", "greg"],
    &["jeffrey", "geoffrey", "jeff", "geoff"],
    &["kenneth", "ken", "kenny"],
    &["lawrence", "laurence", "larry"],
    &["ronald", "ron", "ronnie"],
    &["donald", "don", "donnie"],
    &["timothy", "tim", "timmy"],
    &["gerald", "jerry", "gerry"],
    &["charles", "charlie", "chuck", "chas"],
    &["henry", "hank", "harry"],
    &["harold", "harry", "hal"],
    &["peter", "pete"],
    &["frederick", "fred", "freddie"],
    &["albert", "al", "bert"],
    &["alan", "allan", "allen", "al"],
    &["raymond", "ray"],
    &["walter", "walt"],
    &["phillip", "philip", "phil"],
    &["douglas", "doug"],
    &["eugene", "gene"],
    &["francis", "frank"],
    &["joshua", "josh"],
    &["zachary", "zach", "zack"],
    &["nathan", "nathaniel", "nate"],
    &["mitchell", "mitch"],
    &["patrick", "pat", "paddy"],
    &["patricia", "pat", "patty", "trish"],
    &["elizabeth", "liz", "beth", "betsy", "betty", "eliza", "lisa"],
    &["katherine", "catherine", "kathryn", "kate", "katie", "kathy", "cathy", "kat"],
    &["jennifer", "jen", "jenny"],
    &["susan", "sue", "suzanne", "susie"],
    &["margaret", "maggie", "meg", "peggy"],
    &["deborah", "debra", "debbie", "deb"],
    &["rebecca", "becky", "becca"],
    &["victoria", "vicky", "tori"],
    &["ann", "anne", "anna", "annie"],
    &["sarah", "sara"],
    &["marc", "mark"],
    &["eric", "erik"],
    &["carl", "karl"],
    &["jacob", "jake"],
    &["abraham", "abe"],
    &["russell", "russ"],
    &["vincent", "vince"],
    &["leonard", "leo", "len", "lenny"],
    &["bradley", "brad"],
    &["jessica", "jess", "jessie"],
    &["cynthia", "cindy"],
    &["pamela", "pam"],
    &["barbara", "barb"],
    &["judith", "judy"],
    &["dorothy", "dot", "dottie"],
    &["kimberly", "kim"],
];

/// Whether two given names are one name as short form or spelling
/// ([`GIVEN_NAMES`]).
fn same_given_name(a: &str, b: &str) -> bool {
    GIVEN_NAMES.iter().any(|g| g.contains(&a) && g.contains(&b))
}

pub fn compare_given(a: &[String], b: &[String]) -> Given {
    if a.is_empty() || b.is_empty() {
        return Given::Unknown;
    }
    if fits(&a[0], &b[0]) {
        let clash = a.iter().zip(b).skip(1).any(|(x, y)| !fits(x, y));
        return if clash { Given::Conflict } else { Given::Agree };
    }
    if a[1..].iter().any(|x| fits(x, &b[0])) || b[1..].iter().any(|y| fits(&a[0], y)) {
        return Given::Middle;
    }
    Given::Conflict
}

/// Articles, countries and qualifiers that do not change which body an
/// organisation's name means.
const ORG_FILLER: &[&str] = &["the", "us", "united", "states"];

/// Countries' full names and their short ones, as `words` gives them.
const COUNTRY_SAME: &[(&str, &str)] = &[
    ("united states", "us"),
    ("united states of america", "us"),
    ("america", "us"),
    ("united kingdom", "uk"),
    ("britain", "uk"),
    ("great britain", "uk"),
];

/// Names of one body: the left is read as the right.
const ORG_SAME: &[(&str, &str)] = &[("pentagon", "department of defense")];

/// The key organisations are compared by: lowercase, filler dropped,
/// UK spellings as US ones, "X Department" as "department of X", "X
/// Ministry" as "ministry of X", an acronym in brackets left out, and
/// well-known other names of one body ("the Pentagon") as that body.
pub fn org_key(name: &str) -> String {
    let base = name.split('(').next().unwrap_or(name);
    let mut w: Vec<String> = words(base);
    // A country by its short name: "the United States" is the "U.S.".
    let skip = usize::from(w.first().is_some_and(|x| x == "the"));
    let whole = w[skip..].join(" ");
    if let Some((_, short)) = COUNTRY_SAME.iter().find(|(long, _)| *long == whole) {
        return (*short).to_string();
    }
    // "United States" is filler only at the front.
    while w.len() > 1 && ORG_FILLER.contains(&w[0].as_str()) {
        w.remove(0);
    }
    if w.len() >= 2 && matches!(w[w.len() - 1].as_str(), "department" | "ministry") && !w.contains(&"of".to_string()) {
        let head = w.pop().unwrap_or_default();
        let mut out = vec![head, "of".to_string()];
        out.append(&mut w);
        w = out;
    }
    let key = w.join(" ");
    ORG_SAME.iter().find(|(from, _)| *from == key).map_or(key, |(_, to)| (*to).to_string())
}

/// The acronym a name defines in brackets ("Kataib Hezbollah (KH)"), or the
/// name itself when it is one ("MoD", "DoD": two or more capitals, no
/// spaces, at most eight letters); lowercase.
pub fn acronym(name: &str) -> Option<String> {
    let inner = match (name.find('('), name.rfind(')')) {
        (Some(a), Some(b)) if a < b => &name[a + 1..b],
        _ => name.trim(),
    };
    let inner = inner.trim().trim_start_matches("the ").trim();
    let capitals = inner.chars().filter(char::is_ascii_uppercase).count();
    let ok = (2..=8).contains(&inner.len()) && capitals >= 2 && inner.chars().all(|c| c.is_ascii_alphabetic());
    ok.then(|| inner.to_ascii_lowercase())
}

/// The acronyms an organisation's key can be written as: the initials of
/// every word ("department of defense" → "dod") and of its content words
/// ("dd"). None for a one-word name.
pub fn initials(key: &str) -> Vec<String> {
    let w: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if w.len() < 2 {
        return Vec::new();
    }
    let all: String = w.iter().filter_map(|w| w.chars().next()).collect();
    let content: String = w.iter().filter(|w| !FILLER.contains(w)).filter_map(|w| w.chars().next()).collect();
    let mut out = vec![all, content];
    out.dedup();
    out.retain(|s| s.len() >= 2);
    out
}

/// The acronyms an organisation's name can be written as, from the name
/// as written rather than its key: [`initials`] of the key, and the
/// initials of every word of the name with a country's short form
/// spelled out ("U.S. Geological Survey" → "usgs", "gs"; "U.K. Space
/// Agency" → "uksa"), and of its content words. None for a one-word name.
pub fn name_initials(name: &str) -> Vec<String> {
    let w = words(name.split('(').next().unwrap_or(name));
    if w.len() < 2 {
        return Vec::new();
    }
    let letters = |content: bool| -> String {
        w.iter()
            .filter(|x| !content || !FILLER.contains(&x.as_str()))
            .flat_map(|x| x.chars().take(if matches!(x.as_str(), "us" | "uk") { 2 } else { 1 }))
            .collect()
    };
    let mut out = initials(&org_key(name));
    for a in [letters(false), letters(true)] {
        if a.len() >= 2 && !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How the given names of two spellings compare.
    fn g(a: &str, b: &str) -> Given {
        compare_given(&PersonName::parse(a).given, &PersonName::parse(b).given)
    }

    #[test]
    fn a_slavic_surnames_endings_are_one_key_and_every_spelling_is_looked_up() {
        for s in ["zelenskyy", "zelenskiy", "zelenskii", "zelenski", "zelensky", "zelenskyi", "zelenskij"] {
            assert_eq!(surname_key(s), "zelensky", "{s}");
        }
        assert_eq!(surname_key("navalnyy"), "navalny");
        // Not every "y" or "i": a name's own ending, or a short one.
        for s in ["kennedy", "rossi", "bellini", "navalni", "sky", "yi", "levy"] {
            assert_eq!(surname_key(s), s, "{s}");
        }
        let spellings = surname_spellings("zelenskyy");
        assert!(["zelensky", "zelenskiy", "zelenski"].iter().all(|s| spellings.contains(&s.to_string())));
        assert_eq!(surname_spellings("kennedy"), ["kennedy"]);
    }

    #[test]
    fn names_normalise() {
        assert_eq!(norm_name("The Defense Department"), "defense department");
        assert_eq!(surname("Kenneth F. McKenzie Jr.").as_deref(), Some("mckenzie"));
        assert_eq!(norm_name("U.S. official"), "u s official");
    }

    #[test]
    fn a_double_barrelled_surname_is_one() {
        let p = PersonName::parse("Sen. Mary Ann Kowalski-Reyes");
        assert_eq!(
            (p.given, p.surname.as_deref()),
            (vec!["mary".to_string(), "ann".to_string()], Some("kowalski-reyes"))
        );
        assert_eq!(g("Mary Ann Kowalski-Reyes", "Mary Kowalski-Reyes"), Given::Agree);
        assert_eq!(PersonName::parse("Kowalski-Reyes").surname.as_deref(), Some("kowalski-reyes"));
        // An article or a particle joined to a name is no second name.
        let p = PersonName::parse("Mohammed Shia al-Sudani");
        assert_eq!((p.given.len(), p.surname.as_deref()), (2, Some("sudani")));
        assert_eq!(PersonName::parse("Ann Roe Jr.").surname.as_deref(), Some("roe"));
    }

    #[test]
    fn titles_left_in_a_name_are_set_aside() {
        let p = PersonName::parse("U.S. Defense Secretary Dr. Mark T. Esper");
        assert_eq!(p.given, vec!["mark", "t"]);
        assert_eq!(p.surname.as_deref(), Some("esper"));
        assert_eq!(p.titles, vec!["us", "defense", "secretary", "dr"]);
        assert_eq!(PersonName::parse("Defence Mark T. Esper").given, vec!["mark", "t"]);
        assert_eq!(PersonName::parse("Mr Esper").given, Vec::<String>::new());
        assert_eq!(PersonName::parse("Gen. Frank McKenzie").surname.as_deref(), Some("mckenzie"));
        assert_eq!(PersonName::parse("Jr.").surname, None);
        assert_eq!(PersonName::parse("Pentagon spokesman Jonathan Hoffman").given, vec!["jonathan"]);
        // "Marine" before a two-word name is a given name; before a rank
        // or a longer phrase, the corps.
        let le_pen = PersonName::parse("French far-right leader Marine Le Pen");
        assert_eq!((le_pen.given, le_pen.surname.as_deref()), (vec!["marine".to_string()], Some("pen")));
        assert_eq!(PersonName::parse("Marine Sgt. Ann Roe").given, vec!["ann"]);
    }

    #[test]
    fn short_forms_and_spellings_of_a_given_name_agree() {
        assert_eq!(g("Bill Clinton", "William J. Clinton"), Given::Agree);
        assert_eq!(g("Sen. Bob Menendez", "Robert Menendez"), Given::Agree);
        assert_eq!(g("Ann Roe", "Anne Roe"), Given::Agree);
        assert_eq!(g("Pat Roe", "Patricia Roe"), Given::Agree);
        assert_eq!(g("Pat Roe", "Patrick Roe"), Given::Agree);
        assert_eq!(g("Patrick Roe", "Patricia Roe"), Given::Conflict);
        assert_eq!(g("Bill Roe", "Robert Roe"), Given::Conflict);
    }

    #[test]
    fn a_particle_alone_is_no_given_name() {
        // "Mayor Del Toro" is Ricardo Del Toro's surname, not a "Del" Toro.
        assert_eq!(PersonName::parse("Mayor Del Toro").given, Vec::<String>::new());
        assert_eq!(g("Mayor Del Toro", "Ricardo Del Toro"), Given::Unknown);
        assert_eq!(g("Ricardo Del Toro", "Ana Del Toro"), Given::Conflict);
        assert_eq!(surname("Mayor Del Toro"), surname("Ricardo Del Toro"));
    }

    #[test]
    fn accents_and_umlaut_spellings_fold() {
        assert_eq!(name_key("José Luis Ramírez"), "jose luis ramirez");
        assert_eq!(name_key("Lech Wałęsa"), "lech walesa");
        assert_eq!(name_key("the Straße Group"), "strasse group");
        assert_eq!(norm_name("José Ramírez"), "josé ramírez", "a spelling stays as written");
        assert_eq!(surname("Gerhard Schröder"), surname("Gerhard Schroeder"));
        assert_eq!(surname("Robert Mueller").as_deref(), Some("muller"));
        assert_eq!(g("Jürgen Klopp", "Juergen Klopp"), Given::Agree);
        assert_eq!(PersonName::parse("Samuel Roe").given, vec!["samuel"], "a given name is kept as written");
        assert_ne!(surname("Xue"), surname("Xu"));
        assert_eq!(surname("Владимир Путин").as_deref(), Some("путин"));
        assert_eq!(org_key("World Health Organisation"), org_key("the World Health Organization"));
        assert_eq!(org_key("the United States"), org_key("U.S."));
        assert_eq!(org_key("Britain"), org_key("UK"));
        assert_eq!(org_key("United States Department of Defense"), "department of defense");
    }

    #[test]
    fn names_as_other_languages_write_them() {
        // The article joined to an Arabic surname is no given name, and
        // one given name has many transliterations.
        assert_eq!(surname("Mohammed Shia al-Sudani"), surname("Al-Sudani"));
        assert_eq!(PersonName::parse_recorded("Mohammed al-Sudani").surname.as_deref(), Some("sudani"));
        assert_eq!(PersonName::parse_recorded("the al-qaeda leader").surname, None);
        assert_eq!(g("Mohammed Shia al-Sudani", "Mohamed Al Sudani"), Given::Agree);
        assert_eq!(g("Mohammed al-Sudani", "Mohammed Shia al-Sudani"), Given::Agree);
        // Chinese and Korean family names come first.
        assert_eq!(surname("Xi Jinping").as_deref(), Some("xi"));
        assert_eq!(surname("President Xi"), surname("Xi Jinping"));
        assert_eq!(surname("Moon Jae-in").as_deref(), Some("moon"));
        assert_eq!(surname("Lee Anderson").as_deref(), Some("anderson"));
        assert!(FAMILY_FIRST.windows(2).all(|w| w[0] < w[1]), "FAMILY_FIRST must stay sorted");
        assert!(is_family_first("XI") && is_family_first("Moon") && !is_family_first("Mark"));
        assert!(is_korean_name("Kim", &["Jong-un"]) && is_korean_name("Kim", &["Jong", "Un"]));
        assert!(is_korean_name("Kim", &["Jong Un"]) && !is_korean_name("Kim", &["Jong Un Il"]));
        assert!(!is_korean_name("Kim", &["Ann", "Roe"]) && !is_korean_name("Mark", &["Jong-un"]));
        for list in [KOREAN_FAMILY, KOREAN_SYLLABLES] {
            assert!(list.windows(2).all(|p| p[0] < p[1]), "sorted for the binary search");
        }
    }

    #[test]
    fn given_names_compare() {
        assert_eq!(g("Mark Esper", "Mark T. Esper"), Given::Agree);
        assert_eq!(g("M. Esper", "Mark Esper"), Given::Agree);
        assert_eq!(g("Esper", "Mark Esper"), Given::Unknown);
        assert_eq!(g("Frank McKenzie", "Kenneth F. McKenzie Jr."), Given::Middle);
        assert_eq!(g("Mark Esper", "Jane Esper"), Given::Conflict);
    }

    #[test]
    fn organisation_keys() {
        assert_eq!(org_key("the Defense Department"), "department of defense");
        assert_eq!(org_key("Department of Defence"), "department of defense");
        assert_eq!(org_key("the Pentagon"), "department of defense");
        assert_eq!(org_key("U.S. Department of Defense"), "department of defense");
        assert_eq!(org_key("Ministry of Defence (MoD)"), "ministry of defense");
        assert_eq!(org_key("Defence Ministry"), "ministry of defense");
        assert_eq!(acronym("Ministry of Defence (MoD)").as_deref(), Some("mod"));
        assert_eq!(acronym("DoD").as_deref(), Some("dod"));
        // A country's short form is two letters of its name's acronym.
        assert!(name_initials("U.S. Geological Survey").contains(&"usgs".to_string()));
        assert!(name_initials("U.S. Food and Drug Administration").contains(&"fda".to_string()));
        assert!(name_initials("World Health Organization").contains(&"who".to_string()));
        assert!(name_initials("Hezbollah").is_empty());
        assert_eq!(acronym("Pentagon"), None);
        assert_eq!(initials("department of defense"), vec!["dod", "dd"]);
        assert_eq!(initials("kataib hezbollah"), vec!["kh"]);
    }
}
