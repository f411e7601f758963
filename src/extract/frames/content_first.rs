//! Content-first frames: `C, S said.`, `C, said S.`, `"Q," S said, "R."`
//! and `C1, S said, C2`, where the cue and source follow the content.

use super::participle::participle_kind;
use super::phrases::{
    appositive_like, is_name_of, is_participle_opening, is_relative, np_forward, skip_aux_back, skip_object,
    starts_clause, subject_before,
};
use super::speech::speaker_first;
use super::{Ctx, Frame, Mark, Source, content_frame, cue_at, is_function};
use crate::extract::cues::{CueKind, class};
use crate::extract::model::Attribution;
use crate::extract::tokens::Kind;

/// What follows a content-first cue.
enum Tail {
    /// Nothing but time, place, occasion ("said Thursday in a statement.").
    Adverbial,
    /// `, and ...`: another clause, not the speaker's.
    Clause,
    /// `, S said, C2`: the frame sits inside its content; C2 starts here.
    Parenthetical(usize),
    /// `C1, S said, "Q2"`: a quotation opening at this token goes on
    /// with the content, unless C1 is only an introduction, when the
    /// quotation is all the content and the frame is speaker-first.
    QuoteAfter(usize),
    /// The cue has its own complement: not a content-first frame.
    Content,
    /// `C, S said -- a development that ...`: a dash after the frame opens
    /// the writer's comment on what was said, not more of it; when the
    /// frame closes a stretch opened by a dash ("... -- C, they believe --
    /// but D"), that stretch is the content.
    Aside,
}

/// "C, officials said, and the mayor said D": a clause after the comma
/// that closes the frame at `cue` and a conjunction, with a report of its
/// own, is framed by itself.
fn second_report(c: &Ctx, cue: usize, out: &mut Vec<Frame>) {
    let t = c.t;
    let Some(j) = (cue + 1..t.len()).find(|&j| t[j].kind == Kind::Comma && !t[j].quoted) else {
        return;
    };
    if !(c.lower_is(j + 1, "and") || c.lower_is(j + 1, "but")) || j + 3 > t.len() {
        return;
    }
    let rest = &t[j + 2..];
    if !rest.iter().any(|x| !x.quoted && x.cue().is_some()) {
        return;
    }
    let mut more = Vec::new();
    if super::find(c.doc, rest, super::Noted::UNKNOWN, c.may_comment, &mut more) == super::Outcome::Framed {
        super::shift_mentions(&mut more, j + 2);
        out.append(&mut more);
    }
}

fn tail_of(c: &Ctx, cue: usize, kind: CueKind) -> Tail {
    let t = c.t;
    if t[cue].is(class::INFINITIVE) && c.lower_is(cue + 1, "to") {
        return Tail::Content;
    }
    // "No matter the stakes, Roe will insist on being heard": "on" after
    // "insist" opens what is demanded, the cue's own complement; only a
    // day or a time after it ("insisted on Monday") says when.
    if t[cue].text(c.doc).get(..6).is_some_and(|w| w.eq_ignore_ascii_case("insist"))
        && (c.lower_is(cue + 1, "on") || c.lower_is(cue + 1, "upon"))
        && !t.get(cue + 2).is_some_and(|x| x.is(class::TIME))
    {
        return Tail::Content;
    }
    let mut j = cue + 1;
    if kind == CueKind::Tell {
        j = skip_object(c, j);
    }
    // Where a listener ends ("told \"Meet the Press.\"" has none).
    let after_listener = j;
    let mut in_pp = false;
    while j < t.len() {
        let x = &t[j];
        match x.kind {
            Kind::Stop => return Tail::Adverbial,
            Kind::Semicolon => return Tail::Clause,
            Kind::Dash if !x.quoted => return Tail::Aside,
            Kind::Comma => {
                let Some(n) = t.get(j + 1) else {
                    return Tail::Adverbial;
                };
                if n.kind == Kind::Open {
                    return Tail::QuoteAfter(j + 1);
                }
                // ", adding that ...", ", citing ...": the saying goes on.
                // A past-tense cue is the verb of the content's second
                // piece ("The museum, Roe said, celebrated its heroes").
                // So is any other cue but a participle: "The show, he said,
                // feels right", "The plan, Roe said, shows the cost".
                if n.cue().is_some() && (n.cue() == Some(CueKind::Participle) || n.text(c.doc).ends_with("ing")) {
                    return Tail::Adverbial;
                }
                if n.is(class::CONJ) && !n.cap {
                    // "C, police said, and had been drinking": right after
                    // a plain verb of saying (maybe and a day), the saying
                    // covers what "and" adds, when that reports nothing of
                    // its own ("..., and the mayor said D" does) and is no
                    // quotation ("..., and \"Q\"" is framed as one).
                    if c.lower_is(j + 1, "and")
                        && kind == CueKind::Speech
                        && (j == cue + 1 || j == cue + 2 && t[cue + 1].is(class::TIME))
                        && t.get(j + 2).is_some_and(|x| x.word() && !x.quoted)
                        && !t[j + 2..].iter().any(|x| x.quoted || x.cue().is_some())
                    {
                        return Tail::Parenthetical(j + 1);
                    }
                    return Tail::Clause;
                }
                // "this week" is a time, "this effect could" a clause.
                let shifter = ["this", "last", "next"].iter().any(|w| c.lower_is(j + 1, w))
                    && !t.get(j + 2).is_some_and(|m| m.is(class::TIME));
                if n.is(class::SUB | class::PREP | class::TIME) && !c.lower_is(j + 1, "that") && !shifter {
                    // ", while ...", ", after ..." qualify the saying.
                    return Tail::Adverbial;
                }
                // ", referencing the bank's drive", ", pointing to a chart":
                // a participle phrase qualifies the saying too, unless it is
                // the subject of a clause (", replacing her would be hard").
                if n.word()
                    && !n.cap
                    && !n.quoted
                    && n.text(c.doc).len() > 5
                    && n.text(c.doc).ends_with("ing")
                    && !finite_before_sub(c, j + 2, t.len())
                {
                    return Tail::Adverbial;
                }
                return if n.word() { Tail::Parenthetical(j + 1) } else { Tail::Adverbial };
            }
            // "C, Kall said: \"Q\"": a quotation after the colon goes on
            // with what was said.
            Kind::Colon if t.get(j + 1).is_some_and(|n| n.kind == Kind::Open) && !in_pp && j == cue + 1 => {
                return Tail::QuoteAfter(j + 1);
            }
            // "C, he said on MSNBC's \"Morning Joe.\"", "C, she told \"Meet
            // the Press.\"": a programme's title closing the sentence says
            // where, not what.
            Kind::Open
                if (in_pp || (kind == CueKind::Tell && j == after_listener))
                    && let Some(close) = c.close_of(j)
                    && t[close + 1..].iter().all(|x| !x.word())
                    && is_title(c, j, close) =>
            {
                return Tail::Adverbial;
            }
            Kind::Open | Kind::Colon => return Tail::Content,
            Kind::Word if ["that", "if", "whether", "how", "what", "why"].iter().any(|w| c.lower_is(j, w)) => {
                return Tail::Content;
            }
            Kind::Word if x.is(class::TIME) => {
                in_pp = false;
                j += 1;
            }
            Kind::Word if x.is(class::PREP) && !x.cap => {
                in_pp = true;
                j += 1;
            }
            Kind::Word if in_pp || c.lower_is(j, "then") || x.is(class::AUX) => j += 1,
            Kind::Word => return Tail::Content,
            _ => j += 1,
        }
    }
    Tail::Adverbial
}

/// Whether the quotation between `open` and `close` is a nickname inside a
/// name: one capitalised word right after a first name (Marcia "Cia"
/// Price).
fn is_nickname(c: &Ctx, open: usize, close: usize) -> bool {
    let t = c.t;
    close == open + 2 && t[open + 1].cap && open > 0 && t[open - 1].word() && t[open - 1].cap && !t[open - 1].quoted
}

/// Whether the quotation between `open` and `close` reads as a title
/// ("Face the Nation", "A Change Is Gonna Come"): every word capitalised
/// and no closing punctuation inside.
fn is_title(c: &Ctx, open: usize, close: usize) -> bool {
    // "On \"Meet the Press,\" ...": the comma belongs to the sentence; so
    // does the full stop of a title that ends it ("on \"Morning Joe.\"").
    let ends = c.t[close + 1..].iter().all(|x| !x.word());
    let inner =
        c.doc[c.t[open].end..c.t[close].start].trim_end_matches(|ch| ch == ',' || ch == ' ' || ends && ch == '.');
    let small = ["a", "an", "the", "of", "in", "on", "and", "to", "for", "at", "with"];
    let mut words = 0;
    let mut lower = false;
    for w in inner.split_whitespace() {
        words += 1;
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if !(cap || small.contains(&w)) || w.ends_with(['.', '!', '?', ',']) {
            return false;
        }
        lower |= w.chars().any(char::is_lowercase);
    }
    // ("\"GROWING PARTY,\" he declared": capitals throughout are shouting.)
    words >= 2 && lower
}

/// Whether the quotation opening at `open` is words of an opening
/// phrase, not the speaker's: the sentence opens with a preposition, the
/// quotation follows an article or a preposition inside it, and the cue
/// after the speaker has a clause of its own, and no report comes before
/// the quotation ("To a question on the
/// \"privatization of public jobs,\" Roe said C").
fn quoted_in_opening_phrase(c: &Ctx, open: usize, cue: usize, kind: CueKind) -> bool {
    let t = c.t;
    let first = t.iter().position(|x| x.word()).unwrap_or(0);
    open > first + 1
        && t[first].is(class::PREP)
        && !t[first].quoted
        && t[open - 1].word()
        && !t[open - 1].cap
        && t[open - 1].is(class::DET | class::PREP)
        // (Not a clause: "After Roe said that C at \"Q,\" Diaz said: D".)
        && !super::reports_in(c, first..open)
        && super::speech::complement(c, cue, kind).is_some()
}

/// Whether the sentence opens with a subject and its verb in the past,
/// two words: a noun or pronoun that is no preposition, time word,
/// conjunction or determiner, then a lowercase past form that reports
/// nothing ("Prices rose", "He resigned"; not "Last week", "He added").
fn subject_and_past(c: &Ctx) -> bool {
    let t = c.t;
    let (Some(a), Some(b)) = (t.first(), t.get(1)) else { return false };
    let verb = b.text(c.doc);
    a.word()
        && b.word()
        && !a.quoted
        && !b.quoted
        && !a.is(class::PREP | class::TIME | class::SUB | class::CONJ | class::DET)
        && !b.cap
        && b.cue().is_none()
        && (verb.len() > 4 && verb.ends_with("ed") || crate::extract::cues::IRREGULAR_PAST.contains(&verb))
}

/// Whether tokens `[0, e)` are only an introductory phrase ("In a letter
/// to the board", "Asked about the plan", "Though he had doubts"), not a
/// clause that could be reported content.
fn intro_only(c: &Ctx, e: usize) -> bool {
    let t = c.t;
    let words: usize = t[..e]
        .iter()
        .filter(|x| x.word())
        .map(|x| if x.quoted { x.text(c.doc).split_whitespace().count() } else { 1 })
        .sum();
    // Too short to be a claim ("Soon after"), unless a subject and its
    // verb in the past ("Prices rose, officials said", "He resigned,
    // aides said").
    if words == 2 && e == 2 && subject_and_past(c) {
        return false;
    }
    if words < 3 {
        return true;
    }
    // Every comma-separated piece opens like an adverbial: "Friday
    // morning, as the parade rolled by".
    let mut piece_start = 0;
    for k in 0..=e {
        if k < e && t[k].kind != Kind::Comma {
            continue;
        }
        let Some(first) = (piece_start..k).find(|&i| !t[i].is(class::CONJ)) else {
            piece_start = k + 1;
            continue;
        };
        let x = &t[first];
        let w = x.text(c.doc);
        let lower = w.to_ascii_lowercase();
        // "That plan was fair": a demonstrative, not a subordinator.
        let intro_word = (x.is(class::PREP | class::SUB) && lower != "that")
            || (x.is(class::TIME) && !x.is(class::DET))
            || (x.cap && x.word() && (lower.ends_with("ing") || lower.ends_with("ed")))
            || lower.ends_with("ly")
            || lower == "just"
            || lower == "soon"
            // "No matter the stakes", "Whatever the setting": a concession
            // ("Whatever he decides is fine" has a verb of its own).
            || (lower == "no" && c.lower_is(first + 1, "matter"))
            || (lower == "whatever" && !finite_before_sub(c, first + 1, k));
        if !intro_word || approximate_count(c, first, k) {
            return false;
        }
        // "Shifting tides could flood the town": a participle that is the
        // subject's modifier, with a finite verb of its own, opens a clause.
        // So does one whose verb takes an object and an infinitive:
        // "Seeing his brother suffer led him to avoid alcohol".
        if x.cap
            && (lower.ends_with("ing") || lower.ends_with("ed"))
            && (finite_before_sub(c, first + 1, k) || verb_object_to(c, first + 2, k))
        {
            return false;
        }
        piece_start = k + 1;
    }
    true
}

/// Whether tokens `[s, e)` hold a finite auxiliary or modal ("could",
/// "is", "has") before any subordinator: the verb of a main clause, not of
/// a clause inside an introduction ("Asked whether he would run").
/// "About 900 people had registered", "Around half were evacuated": a
/// preposition of approximation before a count opens the subject of a
/// clause (one with a finite verb before any subordinate clause), not an
/// adverbial like "After 10 days" or "Over the weekend".
/// "At least 15 people were killed" too: "at least" and "at most" are one
/// approximation, two words long.
fn approximate_count(c: &Ctx, first: usize, end: usize) -> bool {
    const APPROX: [&str; 4] = ["about", "around", "over", "under"];
    let (approx, n) = if c.lower_is(first, "at") && (c.lower_is(first + 1, "least") || c.lower_is(first + 1, "most")) {
        (true, first + 2)
    } else {
        (APPROX.iter().any(|w| c.lower_is(first, w)), first + 1)
    };
    let count = c.t.get(n).is_some_and(|x| {
        let w = x.text(c.doc);
        let lower = w.to_ascii_lowercase();
        x.word()
            && (w.starts_with(|ch: char| ch.is_ascii_digit())
                || matches!(w, "half" | "a")
                || super::NUMBERS.iter().any(|n| lower.starts_with(n)))
    });
    approx && count && finite_before_sub(c, n + 1, end)
}

/// Whether tokens `[s, e)` hold a verb, its object pronoun and "to": "led
/// him to", "convinced her to", "persuaded them to" (not after "to" or
/// "having": "asked to tell them to", "having told him to").
fn verb_object_to(c: &Ctx, s: usize, e: usize) -> bool {
    let t = c.t;
    (s.max(2)..e.saturating_sub(1)).any(|m| {
        c.lower_is(m + 1, "to")
            && ["him", "her", "them", "me", "us"].iter().any(|w| c.lower_is(m, w))
            && t[m - 1].word()
            && !t[m - 1].cap
            && !t[m - 1].quoted
            && !is_function(&t[m - 1])
            && !t[m - 1].is(class::DET | class::PREP | class::SUB | class::PRON)
            && !["to", "having", "being"].iter().any(|w| c.lower_is(m - 2, w))
    })
}

fn finite_before_sub(c: &Ctx, s: usize, e: usize) -> bool {
    const FINITE: [&str; 17] = [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "must",
        "should", "does", "did",
    ];
    for k in s..e {
        let x = &c.t[k];
        if x.is(class::SUB) || x.quoted {
            return false;
        }
        if x.word() && FINITE.iter().any(|w| c.lower_is(k, w)) {
            return true;
        }
    }
    false
}

/// What the quotation opening at token `open` holds, up to its closing mark
/// or the sentence's end.
fn quotation_at(c: &Ctx, open: usize) -> Option<(usize, usize)> {
    match c.close_of(open) {
        Some(close) => c.inside_quote(open, close),
        None => c.content(open + 1, c.t.len()),
    }
}

/// A direct quotation of `source`.
fn direct(content: (usize, usize), cue: (usize, usize), source: Source) -> Frame {
    Frame { attribution: Attribution::Direct, content, content2: None, cue: Some(cue), source }
}

/// Whether the quotation opening at token `open` starts a sentence of its
/// own: its first word is capitalised ("\"I feel ...\"", not "\"and
/// more\"").
fn opens_sentence(c: &Ctx, open: usize) -> bool {
    c.t.get(open + 1).is_some_and(|x| x.word() && x.cap)
}

/// The closing mark of a quotation that ends right before token `s`.
fn quote_before(c: &Ctx, s: usize) -> Option<usize> {
    let t = c.t;
    match (s.checked_sub(1).map(|i| t[i].kind), s.checked_sub(2).map(|i| t[i].kind)) {
        (Some(Kind::Close), _) => Some(s - 1),
        (Some(Kind::Comma), Some(Kind::Close)) => Some(s - 2),
        _ => None,
    }
}

/// The opening mark of a title closing with its comma right before token
/// `s`: `... fans of "Harbor Lights," S said`.
fn title_before(c: &Ctx, s: usize) -> Option<usize> {
    let t = c.t;
    if s < 3 || t[s - 1].kind != Kind::Close || t[s - 2].kind != Kind::Comma {
        return None;
    }
    let open = c.open_of(s - 1)?;
    (open > 0 && (is_title(c, open, s - 1) || is_nickname(c, open, s - 1))).then_some(open)
}

/// Content-first frames: the cue and source close the sentence.
pub(super) fn content_first(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // The two subject searches below accept only a subject right after a
    // closing mark, or right after a comma or a dash: a sentence with none
    // of those marks has no such subject, and each search (about a
    // thousand instructions a cue) could only come back empty.
    let any_close = c.has(Mark::Close);
    let any_break = c.has(Mark::Break);
    // Every form here, the inverted `C, said S` too, has a closing mark,
    // a comma or a dash before its cue.
    if !any_close && !any_break {
        return false;
    }
    for cue in c.cue_words().rev().filter(|&k| k > 0) {
        let Some(kind) = cue_at(c, cue) else { continue };
        // "\"Why not?\" Roe demanded.": a stance verb right after a
        // quotation and its speaker says it too.
        let quoted_stance = kind == CueKind::Other
            && cue + 1 < t.len()
            && (cue + 1..t.len()).all(|k| !t[k].word())
            && t[..cue].iter().any(|x| x.kind == Kind::Close);
        if !matches!(kind, CueKind::Speech | CueKind::Tell | CueKind::Belief) && !quoted_stance {
            continue;
        }
        let cue_bytes = c.bytes(cue, cue + 1);
        // `"Q," S said ...`: the quotation is S's whatever follows.
        if any_close
            && let Some(source @ Source::Mention { np, appositive }) =
                subject_before(c, cue, |s| quote_before(c, s).is_some())
            && !is_relative(c, np)
            && kind != CueKind::Belief
        {
            // "\"Q,\" the spokesman, Ann Roe, said": the role comes first.
            let first = appositive.map_or(np.0, |a| a.0.min(np.0));
            let close = quote_before(c, first).unwrap_or(0);
            // A title before the speaker ("On \"Face the Nation,\" Ann Roe
            // said the ...") is no quotation of theirs.
            if let Some(open) = c.open_of(close)
                && !is_title(c, open, close)
                && !is_nickname(c, open, close)
                && !quoted_in_opening_phrase(c, open, cue, kind)
                && let Some(content) = c.inside_quote(open, close)
            {
                out.push(direct(content, cue_bytes, source));
                split_quote_tail(c, cue + 1, cue_bytes, out);
                participle_tail(c, cue + 1, out);
                return true;
            }
        }
        if quoted_stance {
            continue;
        }
        // `C, S said [when/where].`
        // (`C "Title," S said`: a title's comma inside its marks.)
        if any_break
            && let Some(source @ Source::Mention { np, appositive }) = subject_before(c, cue, |s| {
                s > 1 && matches!(t[s - 1].kind, Kind::Comma | Kind::Dash) || title_before(c, s).is_some()
            })
            && !is_relative(c, np)
            // ("C, a fact first reported by S": a passive names its source
            // after "by"; `reported_by` reads it.)
            && !(c.lower_is(cue + 1, "by") && super::according::PASSIVE_REPORTS.iter().any(|w| c.lower_is(cue, w)))
        {
            // The title's closing mark stays with the content. ("C, its
            // owner, Castlegate Properties, said": the role comes first.)
            let first = appositive.map_or(np.0, |a| a.0.min(np.0));
            let end = if title_before(c, first).is_some() { first } else { first - 1 };
            let mut tail = tail_of(c, cue, kind);
            if !matches!(tail, Tail::Parenthetical(_)) && intro_only(c, np.0 - 1) {
                continue;
            }
            // "C, the office said, a development that ...": a noun phrase
            // with an indefinite article and no verb before its relative
            // clause sums up a whole claim ("Overall, she said, a number
            // of voters are ..." is a subject with its verb).
            if let Tail::Parenthetical(j) = tail
                && (c.lower_is(j, "a") || c.lower_is(j, "an"))
                && !finite_before_sub(c, j + 1, t.len())
                && !intro_only(c, np.0 - 1)
            {
                tail = Tail::Adverbial;
            }
            // The content starts after a dash that opens the stretch the
            // frame closes with another.
            let start = match tail {
                Tail::Aside => {
                    (1..np.0 - 1).rev().find(|&k| t[k].kind == Kind::Dash && !t[k].quoted).map_or(0, |k| k + 1)
                }
                _ => 0,
            };
            // "She said C, and when pressed, the mother of three replied,
            // \"Q\"": a clause that reports by itself is no one else's
            // content. It is framed by itself, up to the ", and" that ends
            // it, and the quotation is the second speaker's.
            if let Tail::QuoteAfter(j) = tail
                && let Some(k) = (1..np.0 - 1).find(|&k| {
                    let subject = &t[k - 1];
                    !t[k].quoted
                        && (subject.is(class::PRON) || (subject.cap && subject.word() && !subject.quoted))
                        && matches!(cue_at(c, k), Some(CueKind::Speech))
                })
            {
                let Some(brk) = (k + 2..np.0 - 1)
                    .rev()
                    .find(|&b| t[b].kind == Kind::Comma && (c.lower_is(b + 1, "and") || c.lower_is(b + 1, "but")))
                else {
                    continue;
                };
                let Some(quotation) = quotation_at(c, j) else { continue };
                if super::find(c.doc, &t[..brk], super::Noted::UNKNOWN, c.may_comment, out) != super::Outcome::Framed {
                    out.clear();
                }
                out.push(direct(quotation, cue_bytes, source));
                return true;
            }
            let content2 = match tail {
                Tail::Adverbial | Tail::Clause | Tail::Aside => None,
                Tail::Parenthetical(j) if t[0].kind != Kind::Open => c.content(j, t.len()),
                // Only a subject right before its cue: an appositive walk
                // over a long introduction may stop at the wrong comma.
                Tail::QuoteAfter(_) if np.1 != skip_aux_back(c, cue) => continue,
                // "C, Kall said: \"I feel ...\"": a whole quoted sentence
                // after an unquoted claim is a second statement.
                Tail::QuoteAfter(j) if opens_sentence(c, j) => None,
                Tail::QuoteAfter(j) => quotation_at(c, j),
                _ => continue,
            };
            // "A few minutes later, Roe said: \"Q\"", "Instead of calling
            // himself conservative, he said, \"Q\"": before a whole quoted
            // sentence, words with no verb of their own are no claim; the
            // quotation is all that was said.
            if let Tail::QuoteAfter(j) = tail
                && content2.is_none()
                && !finite_before_sub(c, 0, np.0 - 1)
            {
                let Some(content) = quotation_at(c, j) else { continue };
                out.push(direct(content, cue_bytes, source));
                return true;
            }
            if let Some(mut f) = content_frame(c, start, end, cue_bytes, source, false) {
                f.content2 = content2;
                out.push(f);
                if let Tail::QuoteAfter(j) = tail
                    && content2.is_none()
                {
                    split_quote_tail(c, j, cue_bytes, out);
                } else if content2.is_none() {
                    participle_tail(c, cue + 1, out);
                }
                if matches!(tail, Tail::Clause) {
                    second_report(c, cue, out);
                }
                return true;
            }
            // "Still, he said, C": only a connective before the frame.
            if let Tail::Parenthetical(j) = tail
                && let Some(f) = content_frame(c, j, t.len(), cue_bytes, source, false)
            {
                out.push(f);
                return true;
            }
        }
        // `C, said S`, `"Q?" asked S` (no other verb of telling inverts:
        // "C, told AFP by telephone that D" has its object after it, no
        // speaker)
        if (kind == CueKind::Speech || (kind == CueKind::Tell && (c.lower_is(cue, "asked") || c.lower_is(cue, "asks"))))
            && matches!(t[cue - 1].kind, Kind::Comma | Kind::Close)
            && let strict = np_forward(c, cue + 1, false)
            && let Some(((s, e), appositive)) = [
                strict,
                // "\"Q,\" said the 46-year-old.", "\"Q,\" said the New York
                // businessman, who ...": any noun after an article when a
                // quotation comes before (after an unquoted clause, "C, said
                // the troops left" would read a clause as a speaker), and
                // when the strict phrase ("the New York") leaves a word
                // before the sentence's end or appositive.
                quote_before(c, cue).and_then(|_| np_forward(c, cue + 1, true)),
                // "C, said an official who was briefed on the talks and
                // spoke anonymously because of the sensitivities.": the
                // phrase took in only part of a long "who" clause; the
                // noun before it speaks, and the clause runs to the end.
                strict.and_then(|(s, e)| (s + 1..e).find(|&w| c.lower_is(w, "who") && !t[w].quoted).map(|w| (s, w))),
            ]
            .into_iter()
            .flatten()
            // ("Roe, the chairman, said having Trump on the ticket hurts":
            // a gerund opens the content, no speaker.)
            .filter(|&(s, _)| !t[s].is(class::PRON) && !is_participle_opening(c, s))
            .find_map(|np| Some((np, if resumes(c, np.1).is_some() { None } else { inverted_tail(c, np.1)? })))
            && !named_subject_before(c, cue)
        {
            let ce = quote_before(c, cue).map_or(cue - 1, |cl| cl + 1);
            let (np, appositive) = match appositive {
                Some(a) if described_then_named(c, (s, e), a) => (a, Some((s, e))),
                _ => ((s, e), appositive),
            };
            let source = Source::Mention { np, appositive };
            if let Some(mut f) = content_frame(c, 0, ce, cue_bytes, source, false) {
                // "The contrast, said Doyle, would be clear", "The paradox,
                // says Ann Roe, a historian, is that C": the sentence goes
                // on past its speaker, and the rest is said too.
                if let Some(j) = resumes(c, e).or_else(|| appositive.and_then(|a| resumes(c, a.1))) {
                    f.content2 = c.content(j, t.len());
                    out.push(f);
                    return true;
                }
                out.push(f);
                let after = appositive.map_or(e, |a| a.1);
                split_quote_tail(c, after, cue_bytes, out);
                participle_tail(c, after, out);
                who_reports(c, e, source, out);
                return true;
            }
        }
    }
    false
}

/// `C1, said S, would C2`: after the inverted speaker at `e`, a comma and
/// a finite verb go on with the sentence that C1 began (a subject with no
/// predicate yet), never an appositive. The verb's index when so. Not
/// after a quotation, nor with one to come: those are framed as quotes.
fn resumes(c: &Ctx, e: usize) -> Option<usize> {
    const FINITE: [&str; 18] = [
        "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must",
        "should", "did", "does", "do",
    ];
    let t = c.t;
    let n = t.get(e + 1)?;
    (t.get(e)?.kind == Kind::Comma
        && n.word()
        && !n.cap
        && !n.quoted
        && FINITE.iter().any(|w| c.lower_is(e + 1, w))
        && t[0].kind != Kind::Open
        && !t.iter().any(|x| x.quoted))
    .then_some(e + 1)
}

/// "The former manager, Corey Lewandowski, said the aide who succeeded
/// him should go": a name and its description open the sentence and end
/// at the comma before the cue, so they are its subject, not an inverted
/// frame's content (what follows "said" is the claim).
fn named_subject_before(c: &Ctx, cue: usize) -> bool {
    matches!(
        subject_before(c, cue, |s| starts_clause(c, s)),
        Some(Source::Mention { np, appositive: Some(a) }) if is_name_of(c, np.0, np.1) || is_name_of(c, a.0, a.1)
    )
}

/// `"Q," said the agency's director, Helen Marsh.`: a post with its
/// article, then the name it belongs to. The name speaks; the post is
/// its role (as in "The agency's director, Helen Marsh, said").
fn described_then_named(c: &Ctx, np: (usize, usize), name: (usize, usize)) -> bool {
    let t = c.t;
    let head = np.1 - 1;
    np.1 > np.0 + 1
        && t[np.0].is(class::DET)
        && !t[np.0].is(class::PRON)
        && t[head].is(class::ROLE | class::ANON | class::GROUP)
        && (!t[head].cap || head > np.0 && super::is_possessive(c, head - 1))
        && super::phrases::is_name_of(c, name.0, name.1)
}

/// `"Q," said S, who emphasized that D`: a relative clause after the
/// inverted speaker that reports more of their words.
fn who_reports(c: &Ctx, e: usize, source: Source, out: &mut Vec<Frame>) {
    let t = c.t;
    if !(t.get(e).is_some_and(|x| x.kind == Kind::Comma) && c.lower_is(e + 1, "who")) {
        return;
    }
    let mut k = e + 2;
    while k < t.len() && (t[k].is(class::AUX) || t[k].text(c.doc).ends_with("ly")) && !t[k].quoted {
        k += 1;
    }
    if let Some(kind @ (CueKind::Speech | CueKind::Tell | CueKind::Belief)) = cue_at(c, k) {
        speaker_first(c, k, kind, source, t.len(), out);
    }
}

/// `C, S said, adding that D`, `"Q," said S, citing D`: a participle after
/// a content-first frame reports more of the same speaker's words, or
/// what they cited. Only unquoted participles after a comma or a dash.
fn participle_tail(c: &Ctx, from: usize, out: &mut Vec<Frame>) {
    let t = c.t;
    // ", going on to say that D".
    if let Some(k) = (from.max(1)..t.len().saturating_sub(3)).find(|&k| {
        t[k - 1].kind == Kind::Comma && c.lower_is(k, "going") && c.lower_is(k + 1, "on") && c.lower_is(k + 2, "to")
    }) && let Some(kind @ (CueKind::Speech | CueKind::Tell)) = cue_at(c, k + 3)
    {
        speaker_first(c, k + 3, kind, Source::Previous, t.len(), out);
        return;
    }
    let Some(k) = (from.max(1)..t.len()).find(|&k| {
        !t[k].quoted && matches!(t[k - 1].kind, Kind::Comma | Kind::Dash) && cue_at(c, k) == Some(CueKind::Participle)
    }) else {
        return;
    };
    let kind = participle_kind(c, k);
    speaker_first(c, k, kind, Source::Previous, t.len(), out);
}

/// After `said S`: the sentence must end, or go on with an appositive
/// (`, the company's founder.`) or a quotation. Some(appositive) if fine.
fn inverted_tail(c: &Ctx, e: usize) -> Option<Option<(usize, usize)>> {
    let t = c.t;
    let mut e = e;
    // "said Sen. Ann Roe (D-Ore.)".
    if t.get(e).is_some_and(|x| x.text(c.doc) == "(") {
        e = (e..t.len().min(e + 10)).find(|&i| t[i].text(c.doc) == ")")? + 1;
    }
    // "warned residents to stay off the roads": an infinitive after the
    // noun makes it the cue's object, no inverted speaker.
    // ("said Ann Roe to reporters." ends after its noun.)
    if c.lower_is(e, "to")
        && t.get(e + 1).is_some_and(|n| n.word() && !n.cap && !n.is(class::DET | class::PRON))
        && t.get(e + 2).is_some_and(|n| n.word())
    {
        return None;
    }
    // "said a port engineer who has worked on the seawall.": a restrictive
    // relative clause picks the speaker out and runs to the sentence's
    // end. No quotation may open in it: that would be another statement.
    if c.lower_is(e, "who") && !t[e].quoted {
        let end = (e + 1..t.len()).find(|&i| t[i].kind == Kind::Stop).unwrap_or(t.len());
        let clean = end - e <= 40
            && t[e + 1..end]
                .iter()
                .all(|x| !matches!(x.kind, Kind::Open | Kind::Close | Kind::Semicolon | Kind::Colon));
        return (clean && end > e + 1 && t.get(e + 1).is_some_and(|n| n.word())).then_some(None);
    }
    // "said Ann Roe at the time", "said Ann Roe on Tuesday".
    if t.get(e).is_some_and(|x| x.is(class::PREP | class::TIME) && !x.cap) {
        e = (e..t.len()).find(|&i| matches!(t[i].kind, Kind::Comma | Kind::Stop | Kind::Open)).unwrap_or(t.len());
    }
    match t.get(e).map(|x| x.kind) {
        None | Some(Kind::Stop) => Some(None),
        Some(Kind::Comma) => {
            let n = t.get(e + 1)?;
            if n.kind == Kind::Open || n.cue() == Some(CueKind::Participle) {
                return Some(None);
            }
            // "said Ann Roe, asked about the plan", "said the mayor, pressed
            // on the timing": a passive participle's phrase says when they
            // spoke; it describes no one.
            let w = n.text(c.doc);
            if n.word()
                && !n.cap
                && !n.quoted
                && w.len() > 4
                && w.ends_with("ed")
                && t.get(e + 2).is_some_and(|m| {
                    m.word()
                        && !m.cap
                        && (m.is(class::PREP)
                            || ["whether", "if", "why", "how", "what"].iter().any(|q| c.lower_is(e + 2, q)))
                })
            {
                return Some(None);
            }
            let stop = (e + 1..t.len())
                .find(|&i| matches!(t[i].kind, Kind::Comma | Kind::Stop | Kind::Open))
                .unwrap_or(t.len());
            if stop <= e + 1 {
                return None;
            }
            // An appositive: lowercase ("the mayor"), or anything that runs
            // to the end of the sentence ("President Obama's adviser.").
            let to_end = (stop..t.len()).all(|i| matches!(t[i].kind, Kind::Stop | Kind::Close))
                && stop - e <= 25
                && !t[e + 1..stop].iter().any(|x| x.cue().is_some());
            if appositive_like(c, e + 1) || to_end {
                return Some(Some((e + 1, stop)));
            }
            // A chain of appositives to the end: "said Ann Roe, Democrat of
            // Ohio, who ...".
            let rest_clean = !t[e + 1..].iter().any(|x| x.kind == Kind::Open || x.cue().is_some()) && t.len() - e <= 40;
            rest_clean.then_some(Some((e + 1, stop)))
        }
        _ => None,
    }
}

/// `"Q," S said, "R."`: the second quotation after the frame. A first piece
/// too short to stand alone ("That," he added, "...") is joined to it.
fn split_quote_tail(c: &Ctx, from: usize, cue: (usize, usize), out: &mut Vec<Frame>) {
    let t = c.t;
    let mut j = from;
    while j < t.len() && t[j].kind != Kind::Open {
        if t[j].kind == Kind::Stop {
            return;
        }
        j += 1;
    }
    if j >= t.len() || (t[j - 1].kind != Kind::Comma && t[j - 1].kind != Kind::Colon) {
        return;
    }
    let close = c.close_of(j).unwrap_or(t.len());
    let content =
        if close < t.len() { c.inside_quote(j, close) } else { (j + 1 < t.len()).then(|| c.bytes(j + 1, t.len())) };
    let Some(content) = content else { return };
    if let Some(prev) = out.last_mut()
        && c.doc[prev.content.0..prev.content.1].split_whitespace().count() < 4
        && prev.content2.is_none()
    {
        prev.content2 = Some(content);
        return;
    }
    out.push(Frame {
        attribution: Attribution::Direct,
        content,
        content2: None,
        cue: Some(cue),
        source: Source::Previous,
    });
}
