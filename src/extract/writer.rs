//! The writer's own clauses around a sentence's frames: "The blaze was
//! contained, Moss said, though three homes were destroyed", "Three
//! people were hurt, and the mayor said C". What the frames did not take
//! and reads as a clause of its own is the outlet's statement, so that a
//! revision changing it changes a claim.

use super::cues::{self, class};
use super::frames::{Frame, Source};
use super::tokens::Token;

/// Words that make a clause finite wherever they stand.
const FINITE: [&str; 16] = [
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "did", "does",
    "do",
];

/// A clause's words, their punctuation trimmed.
fn words(clause: &str) -> Vec<&str> {
    clause.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect()
}

/// A word that reads as a verb: finite, a past tense (regular, or one of
/// the common irregular ones in lower case), or negated.
fn is_verb(w: &str) -> bool {
    // (No lowercased copy: every word of every framed sentence's clauses
    // is asked.)
    let b = w.as_bytes();
    let ends = |suffix: &[u8]| b.len() >= suffix.len() && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    FINITE.iter().any(|f| w.eq_ignore_ascii_case(f))
        || (b.len() > 4 && ends(b"ed"))
        || ends(b"n't")
        || cues::IRREGULAR_PAST.contains(&w)
}

/// Whether a verb of saying is among the words: then the clause is
/// someone's report, not the outlet's ("..., though officials said C").
fn reports(words: &[&str]) -> bool {
    reports_but(words, |_| false)
}

/// [`reports`], with the cue words at the indices `noun` says are nouns
/// passed over too.
fn reports_but(words: &[&str], noun: impl Fn(usize) -> bool) -> bool {
    // (A cue word after an article is a noun: "after a hearing".)
    let article = |w: &str| ["a", "an", "the"].iter().any(|a| w.eq_ignore_ascii_case(a));
    words
        .iter()
        .enumerate()
        .any(|(i, w)| cues::lookup(w).cue.is_some() && !(i > 0 && article(words[i - 1])) && !noun(i))
}

/// [`reports`] of a clause's text and its `words` (one for each of the
/// clause's, trimmed), where a gerund that a determiner opens a few words
/// before, with no stop or comma between, is a noun too: "has extended its
/// amber heat warning" reports nothing ("during the interview, saying C"
/// does).
fn reports_in(clause: &str, words: &[&str]) -> bool {
    let raw: Vec<&str> = clause.split_whitespace().collect();
    let determiner = |w: &str| ["a", "an", "the", "its", "his", "her", "their", "our"].contains(&w);
    let plain = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '-') && cues::lookup(w).cue.is_none();
    reports_but(words, |i| {
        raw[i].ends_with("ing")
            && (2..=3)
                .any(|back| i >= back && determiner(raw[i - back]) && raw[i - back + 1..i].iter().all(|w| plain(w)))
    })
}

/// Where the last frame of a sentence leaves off: the end of its content,
/// its cue or its source, whichever comes last.
pub(super) fn covered_end(f: &Frame, toks: &[Token]) -> usize {
    let source = match f.source {
        Source::Mention { np, appositive } => toks[np.1 - 1].end.max(appositive.map_or(0, |(_, e)| toks[e - 1].end)),
        Source::Owner { np } => toks[np.1 - 1].end,
        Source::Label { name, .. } => name.1,
        Source::Previous | Source::Continuation => 0,
    };
    f.content.1.max(f.content2.map_or(0, |c| c.1)).max(f.cue.map_or(0, |c| c.1)).max(source)
}

/// Where the first frame of a sentence starts: its content, its cue or its
/// source, whichever comes first.
pub(super) fn covered_start(f: &Frame, toks: &[Token]) -> usize {
    let source = match f.source {
        Source::Mention { np, .. } | Source::Owner { np } => toks[np.0].start,
        Source::Label { name, .. } => name.0,
        Source::Previous | Source::Continuation => usize::MAX,
    };
    f.content.0.min(f.content2.map_or(usize::MAX, |c| c.0)).min(f.cue.map_or(usize::MAX, |c| c.0)).min(source)
}

/// The end of a clause of the writer's in `doc[from..to]`, before
/// everything a sentence's frames took: three words or more with a verb
/// among them (or four without a comma) and no verb of saying, closed by
/// ", and", ", but", ";", an opening parenthesis or a dash (maybe before
/// "but" or "and": "The roof fell -- but police said C"; not when the
/// frames are an aside closed by another dash, `aside`).
/// None when what comes
/// first is an introduction ("On Tuesday, police said C", "After the roof
/// fell, police said C"). A relative clause's opening closes it too: "The
/// council voted 5-2 after a hearing at which residents spoke against the
/// plan" keeps the vote as the outlet's claim.
pub(super) fn leading_clause(doc: &str, from: usize, to: usize, aside: bool) -> Option<usize> {
    let lead = doc.get(from..to)?.trim_end();
    let clause = lead
        .strip_suffix(", and")
        .or_else(|| lead.strip_suffix(", but"))
        .or_else(|| lead.strip_suffix(';'))
        .or_else(|| lead.strip_suffix('('));
    let dash = before_dash(lead);
    let dashed = clause.is_none() && dash.is_some();
    if dashed && aside {
        return None;
    }
    // "Ann Roe resigned on Friday after leaked emails showed C": a
    // conjunction of time or cause opens the frames' clause; what comes
    // before it is the outlet's (a revision moving the resignation to
    // Saturday changes a claim).
    let clause = clause.or(dash).or_else(|| before_conjunction(lead));
    // (Before a relative clause, a stance of the subject's is the
    // outlet's narrative as much as any verb: "the council voted".)
    let relative = clause.is_none();
    let (clause, bare_pronoun) = match clause {
        Some(clause) => (clause, false),
        None => relative_opening(lead)?,
    };
    let clause = clause.trim_end();
    if clause.contains(['"', '\u{201C}', '\u{201D}', '(', ')']) {
        return None;
    }
    let words = words(clause);
    let verb = words.iter().any(|w| is_verb(w));
    // (Before "which" or "who" alone, a stance is the subject's claim, as
    // any verb of report is: "Trump has blasted the system, which he says
    // C" leaves it to the frames; and only a verb makes a clause: "And the
    // trade agreement, which C" is no claim.)
    if bare_pronoun && (reports(&words) || !verb) {
        return None;
    }
    // ("The bridge was closed after inspectors found cracks, and
    // engineers said C": a finding inside a clause of time or cause
    // reports nothing the main clause says; the whole is the outlet's.)
    let main_words = match words.iter().position(|w| ["after", "because", "when", "since", "until"].contains(w)) {
        Some(p) if p >= 3 && words[..p].iter().any(|w| is_verb(w)) => &words[..p],
        _ => &words[..],
    };
    let reported = if relative { says(&words) } else { reports(main_words) };
    // (A verb in the past tense may be irregular, "The roof fell at noon;":
    // four words opening the sentence before the break are a clause too,
    // unless a comma makes them a list, "But unions, environmental groups,
    // and many lawmakers claim C", a subject cut short.)
    // (Before a dash, not a phrase opened by a preposition: "With the
    // campaign reeling and nearly broke -- filings show C".)
    let phrase = dashed && words.first().is_some_and(|w| cues::lookup(w).class & (class::PREP | class::SUB) != 0);
    let clause_like = (verb || (words.len() >= 4 && !clause.contains(','))) && !phrase;
    (words.len() >= 3 && clause_like && !reported).then(|| from + clause.len())
}

/// Whether `clause` reads as a main clause after a subordinate one: it
/// opens with its subject (not a verb, a conjunction, a preposition, a
/// participle or a figure: "repeating the line that C", "2003 and 2005
/// as C"), quotes no one ("Rubio fired back: \"Q\"" is his, however
/// framed) and its first verb comes before any relative pronoun ("a
/// group of members who helped C" is a description).
fn main_clause(clause: &str) -> bool {
    let words = words(clause);
    let Some(first) = words.first() else { return false };
    let relative = words.iter().position(|w| ["who", "which", "that"].contains(w)).unwrap_or(words.len());
    // (No comma before the verb: "children, family, and associates, 24/7,
    // the public has begun" is a list's tail, not a subject.)
    let before_verb =
        clause.split_whitespace().take_while(|w| !is_verb(w.trim_matches(|c: char| !c.is_alphanumeric())));
    !first.ends_with("ing")
        && !is_verb(first)
        && cues::lookup(first).class & (class::PREP | class::AUX | class::CONJ | class::SUB) == 0
        && !first.starts_with(|c: char| c.is_ascii_digit())
        && !clause.contains(['"', '\u{201C}'])
        && words[..relative].iter().any(|w| is_verb(w))
        && !before_verb.into_iter().any(|w| w.contains(','))
}

/// "After the bank said C, other lenders fell, with analysts saying D":
/// in a sentence that opens with a subordinate clause holding the first
/// frame, the main clause after it, up to the next frame or to the
/// conjunction that opens a report of its own ("as", "while", ", with",
/// ", and"). Its byte range.
pub(super) fn between_frames(doc: &str, frames: &[Frame], toks: &[Token], end: usize) -> Option<(usize, usize)> {
    const CUTS: [&str; 6] = [", with ", " as ", " while ", ", and ", ", but ", " after "];
    let first = frames.iter().min_by_key(|f| covered_start(f, toks))?;
    let from = covered_end(first, toks);
    let to = frames.iter().map(|f| covered_start(f, toks)).filter(|&s| s >= from).min().unwrap_or(end);
    let gap = doc.get(from..to)?;
    let after = gap.trim_start().strip_prefix(',')?.trim_start();
    let start = to - after.len();
    // Up to the last conjunction after which the rest reports ("fell as
    // much as 3%, with analysts saying": at ", with").
    let clause = CUTS
        .iter()
        .filter_map(|c| after.rfind(c).filter(|&at| reports(&words(&after[at..]))))
        .max()
        .map_or(after, |at| &after[..at]);
    let clause = before_conjunction(clause.trim_end()).unwrap_or(clause.trim_end());
    let w = words(clause);
    (main_clause(clause) && w.len() >= 3 && !reports(&w)).then(|| (start, start + clause.len()))
}

/// Whether a predicate's first word can open it: lowercase, and no
/// preposition, conjunction, subordinator, determiner or pronoun.
fn opens_predicate(first: &str) -> bool {
    first.starts_with(|c: char| c.is_ascii_lowercase())
        && cues::lookup(first).class & (class::PREP | class::CONJ | class::SUB | class::DET | class::PRON) == 0
}

/// Whether `lead`, the words before a name at the head of a sentence, is
/// a description of it set off by a comma: "The company's former chief
/// executive, " (six words at most, opening with a capital, no verb).
pub(super) fn describes_next(lead: &str) -> bool {
    let Some(description) = lead.trim_end().strip_suffix(',') else {
        return false;
    };
    let words = words(description);
    (1..=6).contains(&words.len())
        && description.starts_with(|c: char| c.is_uppercase())
        && !description.contains([',', '"', '\u{201C}', '(', ';'])
        && !words.iter().any(|w| is_verb(w))
}

/// "Acme cut 500 jobs on Monday, citing weak demand", "Police arrested
/// two men, saying C": what the subject did before a participle that
/// reports is a clause of the writer's (a revision making it 800 jobs
/// changes a claim). `doc[subject..source_end]` is the frame's source at
/// the head of the sentence, `participle` where its cue starts. The
/// predicate opens with a lowercase word that is no function word, holds
/// a verb and no verb of report ("Roe praised the plan, saying C" is
/// framed twice already), and ends at the comma before the participle.
/// Returns the byte range of the subject and the predicate.
pub(super) fn before_participle(
    doc: &str,
    subject: usize,
    source_end: usize,
    participle: usize,
) -> Option<(usize, usize)> {
    if !doc.get(participle..)?.split(' ').next().is_some_and(|w| w.len() > 4 && w.ends_with("ing")) {
        return None;
    }
    let between = doc.get(source_end..participle)?.trim_end().strip_suffix(',')?;
    own_predicate(subject, source_end, between)
}

/// "Police arrested two men on Friday and said C", "The Met Office has
/// extended its warning until Sunday, and said C": what the subject did
/// before a verb of report joined to it by "and" is a clause of the
/// writer's, as before a participle ([`before_participle`]). `cue` is
/// where the verb of report starts. Returns the byte range of the
/// subject and the predicate.
pub(super) fn before_coordinated(doc: &str, subject: usize, source_end: usize, cue: usize) -> Option<(usize, usize)> {
    if doc.get(cue..)?.split(' ').next().is_some_and(|w| w.ends_with("ing")) {
        return None;
    }
    let before = doc.get(source_end..cue)?.trim_end().strip_suffix("and")?;
    if !before.ends_with([' ', ',']) {
        return None;
    }
    let before = before.trim_end();
    own_predicate(subject, source_end, before.strip_suffix(',').unwrap_or(before))
}

/// The subject at `subject` and the predicate in `between` (the text from
/// `source_end`, the subject's end, up to the words that report): a
/// predicate that opens with a lowercase word that is no function word,
/// holds a verb and no verb of report, and no quotation.
fn own_predicate(subject: usize, source_end: usize, between: &str) -> Option<(usize, usize)> {
    let predicate = between.trim();
    let words = words(predicate);
    // ("Harlow Motors on Tuesday cut its forecast": a day before the verb.)
    let when = match words.as_slice() {
        [on, day, ..] if matches!(*on, "on" | "late" | "early") && cues::lookup(day).class & class::TIME != 0 => 2,
        _ => 0,
    };
    let first = words.get(when)?;
    let first_verb = words.iter().position(|w| is_verb(w));
    let verb = first_verb.is_some() || (first.len() > 3 && first.ends_with('s') && !first.ends_with("ss"));
    // ("Guidelines recently issued by the agency, saying C": a participle
    // describing the subject, no verb of its own.)
    let described = first_verb.is_some_and(|i| words[i].ends_with("ed") && words.get(i + 1) == Some(&"by"));
    (words.len() >= 2
        && !described
        && opens_predicate(first)
        && verb
        && !reports_in(predicate, &words)
        && !predicate.contains(['"', '\u{201C}', '\u{201D}', '(', ')', ';']))
    .then(|| (subject, source_end + (between.len() - between.trim_start().len()) + predicate.len()))
}

/// Whether a sentence opens with a conjunction of time or cause: "After
/// the company said C, shares fell", "Because officials said C, the city
/// closed it".
pub(super) fn opens_subordinate(sentence: &str) -> bool {
    const OPENING: [&str; 8] = ["After", "Because", "When", "Since", "Although", "Though", "Before", "While"];
    sentence.split_once(' ').is_some_and(|(first, _)| OPENING.contains(&first))
}

/// `lead` without the conjunction of time or cause that ends it: "The
/// minister resigned after", "The plant closed because".
fn before_conjunction(lead: &str) -> Option<&str> {
    const CONJUNCTIONS: [&str; 10] =
        ["after", "because", "since", "when", "before", "until", "although", "though", "while", "as"];
    // Words that make the conjunction part of a phrase: "in part
    // because", "not because", "two days after", "shortly before", "and
    // when", "as though", "who when", "such as", "as well as".
    const BOUND: [&str; 36] = [
        "part", "not", "just", "only", "even", "shortly", "soon", "long", "right", "and", "but", "or", "later", "ago",
        "days", "hours", "weeks", "months", "years", "minutes", "that", "so", "as", "who", "which", "such", "well",
        "same", "much", "far", "day", "week", "month", "year", "hour", "minute",
    ];
    let (before, last) = lead.rsplit_once(' ')?;
    if last != "with" && !CONJUNCTIONS.contains(&last) {
        return None;
    }
    // "Shares fell 5%, with analysts saying C": "with" after a comma.
    if last == "with" {
        let before = before.strip_suffix(',')?;
        return words(before).iter().any(|w| is_verb(w)).then_some(before);
    }
    let before = before.trim_end_matches(',');
    let bound = before.rsplit(' ').next().is_some_and(|w| BOUND.iter().any(|b| w.eq_ignore_ascii_case(b)))
        // ("as angry as Diaz said": a comparison.)
        || last == "as" && before.rsplit(' ').take(3).any(|w| w == "as");
    // (A verb, not only four words: "Once in my early 20s, when".)
    let verb = !bound && words(before).iter().any(|w| is_verb(w));
    verb.then_some(before)
}

/// `lead` without the dash that ends it, maybe with "but" or "and" after
/// the dash: "The harbour closed -- but Roe said C", "The roof fell — the
/// mayor said C".
fn before_dash(lead: &str) -> Option<&str> {
    let lead = lead.strip_suffix(" but").or_else(|| lead.strip_suffix(" and")).unwrap_or(lead).trim_end();
    lead.strip_suffix("--").or_else(|| lead.strip_suffix('\u{2014}')).or_else(|| lead.strip_suffix('\u{2013}'))
}

/// Whether a verb of saying, telling or believing is among the words.
fn says(words: &[&str]) -> bool {
    words.iter().any(|w| {
        matches!(cues::lookup(w).cue, Some(cues::CueKind::Speech | cues::CueKind::Tell | cues::CueKind::Belief))
    })
}

/// `lead` without the "at which", "in which", "during whom" that ends it:
/// a preposition and a relative pronoun open a clause about what the lead
/// named; or without a "which" or "who" alone.
fn relative_opening(lead: &str) -> Option<(&str, bool)> {
    // "Three people died in the fire, which investigators believe was
    // set", "Police arrested a man who witnesses said had been shouting":
    // the relative pronoun alone (told by the `true`).
    if let Some(before) = lead.strip_suffix(" which").or_else(|| lead.strip_suffix(" who")) {
        let before = before.trim_end_matches(',');
        let last = before.rsplit(' ').next().unwrap_or(before);
        if cues::lookup(last).class & class::PREP == 0 {
            return Some((before, true));
        }
    }
    let rest = lead.strip_suffix(" which").or_else(|| lead.strip_suffix(" whom"))?;
    let (before, prep) = rest.rsplit_once(' ')?;
    let x = cues::lookup(prep);
    (x.class & cues::class::PREP != 0 && prep.starts_with(|c: char| c.is_ascii_lowercase())).then_some((before, false))
}

/// "The company, which said last week that C, cut 500 jobs on Monday":
/// the subject before a relative clause that holds every frame, and the
/// predicate after it, are a clause of the writer's in two pieces.
/// `doc[from..opening]` is the subject and the relative pronoun (the
/// words before the frames, or the frame's source and the pronoun before
/// its cue), `covered` is where the frames end and `end` where the
/// sentence does. Returns the subject's and the predicate's byte ranges.
pub(super) fn around_relative(
    doc: &str,
    from: usize,
    opening: usize,
    covered: usize,
    end: usize,
) -> Option<((usize, usize), (usize, usize))> {
    let mut lead = doc.get(from..opening)?.trim_end();
    // "Smith, who has long said C": auxiliaries and adverbs before the cue
    // (the lexicon's AUX holds "long", "also", "repeatedly").
    while let Some((before, last)) = lead.rsplit_once(' ')
        && cues::lookup(last).class & class::AUX != 0
    {
        lead = before;
    }
    let subject = lead.strip_suffix(", which").or_else(|| lead.strip_suffix(", who"))?.trim_end();
    let rest = doc.get(covered..end)?;
    let after = rest.trim_start().strip_prefix(',')?.trim_start();
    let predicate = after.trim_end_matches(['.', '!', '?']).trim_end();
    let (subject_words, predicate_words) = (words(subject), words(predicate));
    let first = predicate_words.first()?;
    let quoted = |s: &str| s.contains(['"', '\u{201C}', '\u{201D}', '(', ')']);
    // The predicate's verb, after any auxiliaries, is what may report
    // ("..., has denied C"); a cue word further on is a noun ("faces
    // trial on fraud charges"), unless a participle of saying.
    let verb = predicate_words.iter().position(|w| cues::lookup(w).class & class::AUX == 0).unwrap_or(0);
    (!subject_words.is_empty()
        && subject_words.len() <= 8
        && predicate_words.len() >= 2
        && opens_predicate(first)
        && !quoted(subject)
        && !quoted(predicate)
        && !reports(&predicate_words[..=verb])
        // (A participle reports wherever it stands: "issued a statement
        // saying, ''Q''".)
        && !predicate_words.iter().any(|w| {
            cues::lookup(w).cue == Some(cues::CueKind::Participle) && !cues::OBJECT_PARTICIPLES.contains(w)
        }))
    .then(|| {
        let p = end - rest.len() + (rest.len() - after.len());
        ((from, from + subject.len()), (p, p + predicate.len()))
    })
}

/// The start of a clause of the writer's in `doc[from..end]`, after
/// everything a sentence's frames took: a comma, a semicolon or a dash,
/// a conjunction ("though", "but", "while", "and", ...), then at least
/// three words with a verb among them and no verb of saying (", though
/// officials said C" is someone's report, not the outlet's). None when
/// only words of time or place are left ("..., Moss said Tuesday in
/// Miami"). `subordinate`: the sentence opens with a conjunction of time
/// or cause ("After", "Because"), so the frames are in its subordinate
/// clause and a comma after them opens the main one.
pub(super) fn trailing_clause(doc: &str, from: usize, end: usize, subordinate: bool) -> Option<usize> {
    const OPENERS: [&str; 8] = ["though", "although", "but", "while", "whereas", "and", "yet", "even"];
    let rest = doc.get(from..end)?.trim_start();
    let semicolon = rest.starts_with(';');
    let comma = rest.starts_with(',');
    let rest = rest.strip_prefix([',', ';']).or_else(|| rest.strip_prefix('\u{2014}'))?.trim_start();
    let (opener, mut clause) = rest.split_once(' ')?;
    if !OPENERS.iter().any(|o| opener.eq_ignore_ascii_case(o)) {
        // "The union is seeking 22%; the hospitals have offered 12%": a
        // semicolon opens a clause of its own with no conjunction; so does
        // the comma that closes a subordinate clause holding the frames
        // ("After the company said C, shares fell 5%").
        if !(semicolon || comma && subordinate) {
            return None;
        }
        if !semicolon && !main_clause(rest) {
            return None;
        }
        clause = rest;
    } else if opener.eq_ignore_ascii_case("even") {
        clause = clause.strip_prefix("though ")?;
    }
    // ("he said, and \"everyone started running\"": a quotation after the
    // frame is the speaker's.)
    if clause.starts_with(['"', '\u{201C}', '\'', '\u{2018}']) {
        return None;
    }
    let words = words(clause);
    // (After a semicolon, only a verb of saying makes the clause someone's
    // report: "; the hospitals have offered 12%" is the outlet's.)
    let reported = if semicolon && !clause.starts_with(['"', '\u{201C}']) { says(&words) } else { reports(&words) };
    // ("Roe said the key was simple, and would not require D": a clause
    // with no subject of its own goes on with the frame's.)
    // Nor one opening with a preposition or an adverb ("..., but as
    // shared experience", "but also being tempered"): no clause.
    let own_subject = words.first().is_some_and(|w| {
        !is_verb(w)
            && !w.eq_ignore_ascii_case("not")
            && cues::lookup(w).class & (cues::class::PREP | cues::class::AUX) == 0
    });
    (words.len() >= 3 && own_subject && words.iter().any(|w| is_verb(w)) && !reported).then(|| end - clause.len())
}
