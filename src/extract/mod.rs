//! Extraction: article text → paragraphs → sentences → statements with
//! their speakers.
//!
//! Rule-based and deterministic. It sees only text: no store, no CLI.
//! The pipeline lives here; each stage has its own module: `quotes`
//! (quotation spans), `sentences` (splitting, links), `tokens` and `cues`
//! (words and the lexicon), `frames` (where cue, source and content lie in
//! a sentence) and `speakers` (who a mention is); `scan` and `hash` keep
//! the hot paths fast. State that crosses sentences (the last speaker, a
//! quotation running over paragraphs, `S said:` introducing the next
//! sentence) is kept by `Pipeline`.
//!
//! Only [`extract`], the model and [`normalize`] are public: the stages are
//! free to change with the rules.

mod countries;
mod cues;
pub mod dateline;
mod frames;
mod hash;
pub mod model;
mod nonsentence;
pub mod normalize;
mod quotes;
mod scan;
mod sentences;
mod speakers;
mod tokens;
mod writer;

pub use cues::is_unsupported;
pub use model::{Attribution, Extraction, Speaker, SpeakerKind, SpeakerRef, Statement};
/// The speaker id of a pronoun that points to no one.
pub use speakers::UNRESOLVED;

use frames::{Frame, Outcome, Source};
use quotes::QuoteSpan;
use tokens::Token;

/// Extract the statements of a normalised article text (paragraphs separated
/// by blank lines, as [`crate::ingest::Document::text`] makes it).
pub fn extract(text: &str) -> Extraction {
    let mut p = Pipeline::new(text);
    p.run();
    p.finish()
}

/// Cross-sentence state of one extraction, and scratch buffers reused for
/// every sentence.
#[derive(Debug)]
struct Pipeline<'a> {
    doc: &'a str,
    out: Extraction,
    registry: speakers::Registry<'a>,
    /// `S said:` was the last sentence: the next one is S's.
    introduced: Option<(SpeakerRef, Option<String>)>,
    /// Speaker of a quotation that runs on into following paragraphs.
    chain: Option<SpeakerRef>,
    /// A transcript's speaker label opening a paragraph ("FISCHER: …"):
    /// the paragraph's later sentences are theirs too.
    labelled: Option<(usize, SpeakerRef)>,
    /// A paragraph opened with "Q:" was seen: an interview, whose "A:"
    /// paragraphs are the interviewee's.
    questions: bool,
    /// The one who answers: the person named in full last before the
    /// first question. A question naming someone else ("Donald Trump
    /// says C. What do you make of it?") does not change who answers.
    answerer: Option<String>,
    /// Quotation statements waiting for the speaker named where the
    /// quotation closes.
    pending: Vec<usize>,
    spans: Vec<QuoteSpan>,
    sentences: Vec<(usize, usize)>,
    tokens: Vec<Token>,
    frames: Vec<Frame>,
}

impl<'a> Pipeline<'a> {
    fn new(doc: &'a str) -> Self {
        Pipeline {
            doc,
            out: Extraction::default(),
            registry: speakers::Registry::for_document(doc),
            introduced: None,
            chain: None,
            labelled: None,
            questions: false,
            answerer: None,
            pending: Vec::new(),
            spans: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            frames: Vec::new(),
        }
    }

    fn run(&mut self) {
        let doc = self.doc;
        // About one statement per 140 bytes of news text (PolNeAR train:
        // 137). Room for more, so that a long input never moves its
        // statements: growing past 103k of them (a 15 MB input reserved
        // for one per 150 bytes) copied 27 MB and faulted in 54.
        self.out.statements.reserve(doc.len() / 100);
        let mut paragraphs = Vec::with_capacity(doc.len() / 300 + 1);
        let bytes = doc.as_bytes();
        let (mut start, mut from) = (0, 0);
        while let Some(p) = scan::find_any(bytes, from, b"\n") {
            if bytes.get(p + 1) == Some(&b'\n') {
                paragraphs.push((start, p));
                start = p + 2;
                from = p + 2;
            } else {
                from = p + 1;
            }
        }
        paragraphs.push((start, doc.len()));
        // The rare words of the paragraph flags, searched for once in the
        // whole text (see `scan::Hits`).
        let [
            mut anonym,
            mut authorized,
            mut be_named,
            mut comment,
            mut respond,
            mut returned,
            mut www,
            mut scheme,
            print,
            contribut,
        ] = FLAG_WORDS.hits(doc);
        let mut pieces = nonsentence::Pieces::new(print, contribut);
        let mut prev_open = false;
        for (pi, &(ps, pe)) in paragraphs.iter().enumerate() {
            let para = &doc[ps..pe];
            if is_blank(para) {
                continue;
            }
            if sentences::is_only_urls(para) {
                self.out.references.extend(sentences::urls(para).map(str::to_string));
                continue;
            }
            // An author's bio is no part of the article's claims.
            if nonsentence::is_bio(para) {
                continue;
            }
            let next_opens = paragraphs.get(pi + 1).is_some_and(|&(s, e)| quotes::starts_with_open(&doc[s..e]));
            let mut spans = std::mem::take(&mut self.spans);
            let mut sents = std::mem::take(&mut self.sentences);
            quotes::find(para, next_opens, &mut spans);
            let continues = prev_open && quotes::starts_with_open(para);
            if !continues {
                self.chain = None;
                self.pending.clear();
            }
            sentences::split(para, &spans, &mut sents);
            // Substring tests once a paragraph, not once a sentence.
            let flags = Flags {
                links: scheme.any_in(ps, pe) || www.any_in(ps, pe),
                boilerplate: para.len() < 200 && might_be_boilerplate(para),
                anonymity: anonym.any_in(ps, pe) || authorized.any_in(ps, pe) || be_named.any_in(ps, pe),
                pieces: pieces.in_paragraph(para, ps),
                comment: comment.any_in(ps, pe),
                unanswered: respond.any_in(ps, pe) || returned.any_in(ps, pe),
            };
            for (si, &(s, e)) in sents.iter().enumerate() {
                let range = (ps + s, ps + e);
                self.sentence(pi, ps, range, &spans, continues && si == 0, flags);
            }
            prev_open = spans.last().is_some_and(|s| !s.closed);
            if prev_open {
                if self.chain.is_none() {
                    self.chain = self
                        .out
                        .statements
                        .iter()
                        .rev()
                        .take_while(|s| s.paragraph == pi)
                        .find_map(|s| s.speaker.clone());
                }
            } else {
                self.chain = None;
            }
            self.spans = spans;
            self.sentences = sents;
        }
    }

    fn sentence(
        &mut self,
        paragraph: usize,
        para_start: usize,
        range: (usize, usize),
        spans: &[QuoteSpan],
        continues_quote: bool,
        flags: Flags,
    ) {
        let doc = self.doc;
        let text = &doc[range.0..range.1];
        if flags.links && (text.contains("http") || text.contains("www.")) {
            self.out.references.extend(sentences::urls(text).map(str::to_string));
            if sentences::is_only_urls(text) {
                return;
            }
        }
        if nonsentence::not_a_sentence(text, flags.pieces) {
            return;
        }
        // (A line in parentheses may be a wire's update note: "(Adds
        // comments)".)
        if flags.boilerplate && text.len() < 400 && (text.starts_with('(') || might_be_boilerplate(text)) {
            // (ASCII, as most such lines are, lowered a byte at a time: the
            // same string.)
            let lower = if text.is_ascii() { text.to_ascii_lowercase() } else { text.to_lowercase() };
            // "This story has been updated to correct the name of …" says
            // what the outlet changed: a correction, kept as the outlet's
            // statement, as "Correction: …" is.
            if cues::is_update_notice(&lower) && !cues::is_correction(&lower) {
                self.out.developing = true;
                return;
            }
            // "This article has been updated to correct …" likewise.
            if cues::is_furniture(&lower) && !cues::is_correction(&lower) {
                return;
            }
        }
        self.registry.at(range);
        // A live blog's time stamp opening an entry ("12:48 Raman told
        // MPs …") is layout, like a dateline: names and frames start after
        // it. The statement keeps its whole sentence.
        let opens_paragraph = is_blank(&doc[para_start..range.0]);
        let lead = if opens_paragraph { dateline::strip_timestamp(text) } else { text };
        for (name, description) in speakers::introductions(lead) {
            self.registry.introduce(name, description);
        }
        let subject = speakers::subject_name(lead);
        if let Some(name) = subject {
            self.registry.mention_person(name);
        }
        let surname = if subject.is_none() {
            speakers::subject_surname(lead)
                .or_else(|| speakers::after_opening(lead).and_then(speakers::subject_surname))
        } else {
            None
        };
        if let Some(surname) = surname {
            self.registry.mention_surname(surname);
        }
        let mut toks = std::mem::take(&mut self.tokens);
        let mut frames = std::mem::take(&mut self.frames);
        // A dateline opening the lead is layout, not grammar: "WASHINGTON —
        // X spoke out, arguing that C" is X's claim. The statement keeps its
        // whole sentence; only the frames start after the dash.
        let frame_range = if paragraph < dateline::WITHIN_PARAGRAPHS && opens_paragraph {
            let rest = dateline::strip_dateline(lead);
            (range.1 - rest.len(), range.1)
        } else {
            (range.1 - lead.len(), range.1)
        };
        // "did not respond to a request for comment": no cue word, a frame
        // all the same (`frames::no_answer`).
        // ("did not immediately respond.", "did not return calls": no
        // "comment", the same frame.)
        let comment = flags.comment && COMMENT.is_in(text);
        let framed = comment || (flags.unanswered && (RESPOND.is_in(text) || RETURN.is_in(text)));
        let noted = tokens::tokenize(doc, frame_range, para_start, spans, framed, &mut toks);
        let outcome = frames::find(doc, &toks, noted, comment, &mut frames);
        let introduced = self.introduced.take();
        // "Q: …" then "A: …": the answers are the interviewee's, the
        // person the piece named before (questions are the outlet's).
        if opens_paragraph && !self.questions && text.starts_with("Q:") {
            self.questions = true;
            self.answerer = self.registry.interviewee();
        }
        match outcome {
            Outcome::Framed => {
                // "A: I think C" in an interview: the answer's "I" is the
                // interviewee, and so are the paragraph's later sentences.
                if opens_paragraph
                    && self.questions
                    && text.starts_with("A:")
                    && let Some(r) = self.interviewee()
                {
                    self.labelled = Some((paragraph, r));
                }
                let speaking = self.labelled.as_ref().filter(|(p, _)| *p == paragraph).map(|(_, r)| r.clone());
                let mut prev: Option<usize> = None;
                let mut whole_sentence = false;
                let first_statement = self.out.statements.len();
                for (k, f) in frames.iter().enumerate() {
                    // "\"Q1,\" Roe said, adding: \"Q2.\"": the split
                    // quotation and the participle both frame Q2 for Roe; it
                    // is one statement. ("Neither A nor B responded": one
                    // content, two sources, two statements.)
                    if frames[..k].iter().any(|g| {
                        g.content == f.content
                            && g.content2 == f.content2
                            && (g.source == f.source || f.source == Source::Previous)
                    }) {
                        continue;
                    }
                    let mut co_speakers = Vec::new();
                    let speaker = match f.source {
                        Source::Mention { np, appositive } => {
                            let mention = &doc[toks[np.0].start..toks[np.1 - 1].end];
                            let appositive = appositive.map(|(s, e)| &doc[toks[s].start..toks[e - 1].end]);
                            match speakers::split_subject(mention) {
                                // (A transcript's speaker says "I".)
                                _ if mention == "I" && speaking.is_some() => speaking.clone(),
                                Some(parts) => {
                                    for (part, appositive) in &parts {
                                        if let Some(r) = self.registry.resolve(part, appositive.as_deref())
                                            && !co_speakers.iter().any(|c: &SpeakerRef| c.id == r.id)
                                        {
                                            co_speakers.push(r);
                                        }
                                    }
                                    (!co_speakers.is_empty()).then(|| co_speakers.remove(0))
                                }
                                None => self.registry.resolve(mention, appositive),
                            }
                        }
                        Source::Owner { np } => {
                            let possessive = &doc[toks[np.0].start..toks[np.1 - 1].end];
                            self.registry.resolve(speakers::owner(possessive), None)
                        }
                        Source::Label { name: (s, e), transcript } => {
                            self.registry.resolve_label(&doc[s..e], s, transcript)
                        }
                        Source::Previous => prev.and_then(|i| {
                            co_speakers = self.out.statements[i].co_speakers.clone();
                            self.out.statements[i].speaker.clone()
                        }),
                        Source::Continuation => introduced
                            .as_ref()
                            .map(|(r, _)| r.clone())
                            .or_else(|| self.continuation_speaker(paragraph, continues_quote)),
                    };
                    if let (Source::Label { .. }, Attribution::Direct, Some(r)) = (f.source, f.attribution, &speaker) {
                        self.labelled = Some((paragraph, r.clone()));
                    }
                    let attributed = speaker.is_some();
                    // A source that cannot speak ("the attack said"): the
                    // sentence stays whole, the outlet's own.
                    let whole;
                    let f = if !attributed
                        && frames.len() == 1
                        && matches!(f.source, Source::Mention { .. } | Source::Owner { .. } | Source::Label { .. })
                    {
                        whole = Frame { content: range, content2: None, cue: None, ..*f };
                        &whole
                    } else {
                        f
                    };
                    whole_sentence |= f.content == range;
                    let index = self.push(paragraph, range, f, speaker);
                    self.out.statements[index].co_speakers = co_speakers;
                    if !attributed && f.source == Source::Continuation {
                        self.pending.push(index);
                    } else if f.source != Source::Continuation && continues_quote {
                        // The quotation closes here with its speaker named:
                        // the paragraphs before it were theirs too.
                        self.fill_pending(index);
                    }
                    prev = Some(index);
                }
                // "The blaze was contained, Moss said, though three homes
                // burned": a clause after every frame is the outlet's own,
                // and a revision that changes it changes a claim.
                let covered = frames.iter().map(|f| writer::covered_end(f, &toks)).max().unwrap_or(range.1);
                let subordinate = writer::opens_subordinate(&doc[frame_range.0..range.1]);
                if !whole_sentence && let Some(start) = writer::trailing_clause(doc, covered, range.1, subordinate) {
                    self.push_own(paragraph, range, (start, range.1), None, None);
                } else if subordinate
                    && !whole_sentence
                    && let Some(content) = writer::between_frames(doc, &frames, &toks, range.1)
                {
                    // "After the bank said C, other lenders fell, with
                    // analysts saying D": the main clause between them.
                    self.push_own(paragraph, range, content, None, None);
                }
                // "Three people were hurt when the roof fell, and the mayor
                // said C", "The bridge closed in May (the city said C)": a
                // clause before every frame is the outlet's own too. (Not
                // before a quotation's continuation, whose statements wait
                // for their speaker by index.)
                let opening = frames.iter().map(|f| writer::covered_start(f, &toks)).min().unwrap_or(frame_range.0);
                // ("The question is not whether it stops -- that will not
                // happen, crews believe -- but when": frames inside a dashed
                // aside, the words before it no whole clause.)
                let aside = doc[covered..range.1].trim_start().starts_with(['-', '\u{2014}', '\u{2013}']);
                let before_frames = !whole_sentence && !frames.iter().any(|f| f.source == Source::Continuation);
                if before_frames && let Some(end) = writer::leading_clause(doc, frame_range.0, opening, aside) {
                    self.push_own(paragraph, range, (frame_range.0, end), None, Some(first_statement));
                } else if before_frames
                    && let Some((subject, predicate)) =
                        writer::around_relative(doc, frame_range.0, opening, covered, range.1).or_else(|| {
                            // ("Smith, who said C, was convicted": the
                            // frame's source is the subject.)
                            let [Frame { source: Source::Mention { np, appositive: None }, cue: Some(cue), .. }] =
                                frames.as_slice()
                            else {
                                return None;
                            };
                            // (A relative clause's cue after the subject
                            // only: most frames are none, and the
                            // description's test below reads its words.)
                            let subject = toks[np.0].start;
                            let lead = doc.get(subject..cue.0).filter(|_| subject == opening)?;
                            if !(lead.contains(", who") || lead.contains(", which")) {
                                return None;
                            }
                            // ("The firm's former chief, Ann Roe, who said
                            // C, was convicted": a description before it.)
                            let from = if doc[frame_range.0..subject].trim().is_empty() {
                                subject
                            } else if writer::describes_next(&doc[frame_range.0..subject]) {
                                frame_range.0
                            } else {
                                return None;
                            };
                            writer::around_relative(doc, from, cue.0, covered, range.1)
                        })
                {
                    // "The company, which said C, cut 500 jobs": the
                    // subject and predicate around the relative clause.
                    self.push_own(paragraph, range, subject, Some(predicate), Some(first_statement));
                } else if before_frames
                    && let Some(Frame { source: Source::Mention { np, .. }, cue: Some(cue), .. }) =
                        frames.iter().min_by_key(|f| writer::covered_start(f, &toks))
                    && toks[np.0].start == opening
                    && doc[frame_range.0..opening].trim().is_empty()
                    && let Some(clause) = writer::before_participle(doc, opening, toks[np.1 - 1].end, cue.0)
                        .or_else(|| writer::before_coordinated(doc, opening, toks[np.1 - 1].end, cue.0))
                {
                    // "Acme cut 500 jobs, citing weak demand": what the
                    // subject did, before the participle that reports.
                    self.push_own(paragraph, range, clause, None, Some(first_statement));
                }
            }
            Outcome::Introduces { np, cue } => {
                let mention = &doc[np.0..np.1];
                self.introduced =
                    self.registry.resolve(mention, None).map(|r| (r, Some(doc[cue.0..cue.1].to_string())));
            }
            Outcome::None => {
                if let Some(surname) = surname {
                    self.registry.mention_named_surname(surname, lead);
                }
                let frame = Frame {
                    attribution: Attribution::Unattributed,
                    content: range,
                    content2: None,
                    cue: None,
                    source: Source::Continuation,
                };
                let mut range = range;
                if opens_paragraph
                    && self.questions
                    && let Some(answer) = text.strip_prefix("A:")
                    && let Some(r) = self.interviewee()
                {
                    range.0 = range.1 - answer.trim_start().len();
                    self.labelled = Some((paragraph, r));
                }
                let frame = Frame { content: range, ..frame };
                let labelled = self.labelled.as_ref().filter(|(p, _)| *p == paragraph).map(|(_, r)| r.clone());
                match (introduced, labelled) {
                    (Some((speaker, cue)), _) => {
                        let f = Frame { attribution: Attribution::Indirect, ..frame };
                        let i = self.push(paragraph, range, &f, Some(speaker));
                        self.out.statements[i].cue = cue;
                    }
                    (None, Some(speaker)) => {
                        // Their words as the label's first sentence gives
                        // them: without the closing stop.
                        let end = if doc[range.0..range.1].ends_with('.') { range.1 - 1 } else { range.1 };
                        let f = Frame { attribution: Attribution::Direct, content: (range.0, end), ..frame };
                        self.push(paragraph, range, &f, Some(speaker));
                    }
                    (None, None) => {
                        self.push(paragraph, range, &frame, None);
                    }
                }
            }
        }
        // After the frames, so that "said an official who spoke on condition
        // of anonymity because R" finds its official. Only worth looking
        // for once there is an anonymous source.
        if flags.anonymity
            && self.registry.has_anonymous()
            && let Some(reason) = anonymity_reason(text)
        {
            self.registry.set_anonymity_reason(reason);
        }
        self.tokens = toks;
        self.frames = frames;
    }

    /// Who a sentence that is all quotation belongs to: the speaker of the
    /// statement just before, if it is near, or of the running quotation.
    fn continuation_speaker(&self, paragraph: usize, continues_quote: bool) -> Option<SpeakerRef> {
        if continues_quote && let Some(c) = &self.chain {
            return Some(c.clone());
        }
        // A refusal ("X declined to comment", "X did not respond") says X
        // gave no words: a quotation after it is the speaker's before.
        let statements = &self.out.statements;
        statements
            .iter()
            .enumerate()
            .rev()
            // (Nor the outlet's clause after a frame, in the same sentence.)
            .find(|&(i, s)| {
                s.attribution != Attribution::Declined
                    && !(s.speaker.is_none()
                        && i > 0
                        && statements[i - 1].span == s.span
                        && statements[i - 1].speaker.is_some())
            })
            .map(|(_, s)| s)
            .filter(|s| paragraph - s.paragraph <= 1)
            // A quotation signed after a dash ("\"Q\" \u{2015} Ann Roe", a
            // list of readers' quotes) ends with its signature: the next
            // quotation is signed by its own.
            .filter(|s| !s.cue.as_deref().is_some_and(|c| matches!(c, "\u{2014}" | "\u{2015}" | "-" | "\u{2013}")))
            .and_then(|s| s.speaker.clone())
    }

    /// Who answers an interview's questions (see `answerer`).
    fn interviewee(&mut self) -> Option<SpeakerRef> {
        let name = self.answerer.as_deref()?;
        self.registry.resolve(name, None)
    }

    fn fill_pending(&mut self, from: usize) {
        let Some(speaker) = self.out.statements[from].speaker.clone() else {
            return;
        };
        for i in self.pending.drain(..) {
            let s = &mut self.out.statements[i];
            s.speaker = Some(speaker.clone());
            s.attribution = Attribution::Direct;
        }
    }

    /// A clause of the outlet's own in a sentence with frames, as an
    /// unattributed statement. `before`: the index of the sentence's first
    /// statement, which a clause that comes before the frames goes before
    /// (in the order of the text); otherwise it goes last.
    fn push_own(
        &mut self,
        paragraph: usize,
        range: (usize, usize),
        content: (usize, usize),
        content2: Option<(usize, usize)>,
        before: Option<usize>,
    ) {
        let own = Frame {
            attribution: Attribution::Unattributed,
            content,
            content2,
            cue: None,
            source: Source::Continuation,
        };
        self.push(paragraph, range, &own, None);
        if let Some(first) = before {
            let own = self.out.statements.pop().expect("just pushed");
            self.out.statements.insert(first, own);
            for (i, st) in self.out.statements.iter_mut().enumerate().skip(first) {
                st.index = i;
            }
        }
    }

    fn push(&mut self, paragraph: usize, range: (usize, usize), f: &Frame, speaker: Option<SpeakerRef>) -> usize {
        let doc = self.doc;
        let mut content = doc[f.content.0..f.content.1].to_string();
        if let Some((s, e)) = f.content2 {
            content.push(' ');
            content.push_str(&doc[s..e]);
        }
        let attribution = if speaker.is_none() { Attribution::Unattributed } else { f.attribution };
        let index = self.out.statements.len();
        self.out.statements.push(Statement {
            index,
            paragraph,
            hash: hash::content_hash(&content),
            content,
            text: doc[range.0..range.1].to_string(),
            attribution,
            cue: f.cue.map(|(s, e)| doc[s..e].to_string()),
            speaker,
            co_speakers: Vec::new(),
            span: range,
        });
        index
    }

    fn finish(mut self) -> Extraction {
        if self.registry.renamed_any() {
            for s in &mut self.out.statements {
                for r in s.speaker.iter_mut().chain(s.co_speakers.iter_mut()) {
                    self.registry.rename(r);
                }
            }
        }
        self.out.speakers = self.registry.into_speakers();
        self.out.references.dedup();
        self.out
    }
}

/// Which rare checks a paragraph needs.
#[derive(Clone, Copy, Debug)]
struct Flags {
    links: bool,
    boilerplate: bool,
    anonymity: bool,
    /// A menu, a print notice or a credit may be among its sentences.
    pieces: bool,
    /// "comment" is in it: a sentence may report a source that did not
    /// answer.
    comment: bool,
    /// "respond" or "return" is in it: one may too, without "comment".
    unanswered: bool,
}

/// Whether `s` is empty or all white space. A printable ASCII byte first,
/// as nearly every paragraph and the text before nearly every sentence
/// has, says no without trimming both ends.
fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// The paragraph flags' words (a link's "://" among them: a search of
/// each paragraph for its colons cost more), then
/// [`nonsentence::Pieces`]' two.
/// ("authori": "authorized" and "authorised"; "be named": "asked not to
/// be named because R". No word may end with another's first letters,
/// see `scan::RareWords`: "named" after "return" did.)
static FLAG_WORDS: scan::RareWords<10> = scan::RareWords::new([
    "anonym",
    "authori",
    "be named",
    "comment",
    "respond",
    "return",
    "www.",
    "://",
    "print",
    "contribut",
]);
static COMMENT: scan::Rare = scan::Rare::new("comment");
static RESPOND: scan::Rare = scan::Rare::new("respond");
static RETURN: scan::Rare = scan::Rare::new("return");

/// The words of update notices, menus and follow lines.
const BOILERPLATE: [&str; 12] = [
    "updat",
    " journalism",
    "develop",
    "here",
    "more",
    "ign up",
    "ubscribe",
    "ollow us",
    "version of th",
    "witter",
    "ublished in",
    "inbox",
];

/// A searcher for the [`BOILERPLATE`] words, built once: aho-corasick's
/// packed one (leftmost-first: it serves no other kind, and whether a
/// word is there does not depend on the kind).
static BOILERPLATE_SEARCHER: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(BOILERPLATE)
        .expect("a few short words make a searcher")
});

/// Whether `text` holds one of the [`BOILERPLATE`] words. One search for
/// all of them: a walk over the bytes that tested every byte that anchors
/// a word ("h", "m") against all eleven cost five instructions a byte.
fn might_be_boilerplate(text: &str) -> bool {
    BOILERPLATE_SEARCHER.is_match(text)
}

/// The reason an anonymous source was granted anonymity, as the article
/// gives it: "... on the condition of anonymity because R." → R.
fn anonymity_reason(text: &str) -> Option<&str> {
    // ("who asked not to be named because she was not authorised to
    // speak": the reason after "because", the first marker found.)
    let markers = [
        "anonymity because ",
        "anonymously because ",
        "be named because ",
        "be identified because ",
        "not authorized to ",
        "not authorised to ",
    ];
    for m in markers {
        if let Some(p) = text.find(m) {
            let from = if m.starts_with("not") { p } else { p + m.len() };
            let r = text[from..].trim_end_matches(['.', ' ', '\u{201D}', '"']);
            let r = r.split([';', ',']).next().unwrap_or(r).trim();
            if !r.is_empty() {
                return Some(r);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
