//! The lexicon: what a lowercase word can do in an attribution frame (be a
//! cue, a determiner, a title, the head of a speaker phrase, ...).
//!
//! A word is looked up at most once, when its sentence is tokenised, in one
//! precompiled open-addressing table (with a cheap length filter in front),
//! so the rest of the pipeline only tests bits. This module knows words,
//! never sentences or positions.

use std::sync::LazyLock;

use super::scan;

/// What kind of frame a cue word opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// Verbs of saying: said, told, added, wrote, ...
    Speech,
    /// Verbs that take the listener as object first: told, asked, assured.
    Tell,
    /// Beliefs, intentions, findings: thinks, wants, a poll shows.
    Belief,
    /// `according` (of "according to").
    According,
    /// `declined` / `refused` (of "declined to say").
    Declined,
    /// Present participles that continue a frame: "..., adding that".
    Participle,
    /// What a document shows or found: "the poll shows Roe ahead". Never in
    /// the lexicon: the frame finder gives it to a belief cue whose subject
    /// is a document, and the cue's object, not only a clause, is content.
    Finding,
    /// Acts whose object is the content: "S criticized the plan", "S called
    /// for a recount", "S endorsed Roe". Tried only when no other cue frames
    /// the sentence.
    Other,
}

/// Word classes, as bits. A word may have several.
pub mod class {
    pub const DET: u32 = 1;
    pub const PRON: u32 = 1 << 1;
    /// Auxiliaries and adverbs that may sit between a subject and its cue.
    pub const AUX: u32 = 1 << 2;
    pub const PREP: u32 = 1 << 3;
    pub const CONJ: u32 = 1 << 4;
    /// Subordinators and relatives: a noun phrase never runs across them.
    pub const SUB: u32 = 1 << 5;
    /// Time words an attribution frame may carry ("said Thursday").
    pub const TIME: u32 = 1 << 6;
    /// Heads of unnamed sources: official, sources, people, aide.
    pub const ANON: u32 = 1 << 7;
    /// Other common-noun heads that can speak: critics, the campaign, a poll.
    pub const GROUP: u32 = 1 << 8;
    /// Words of titles and roles: Secretary, General, Sen., Defense.
    pub const ROLE: u32 = 1 << 9;
    /// Heads that make a capitalised phrase an organisation.
    pub const ORG: u32 = 1 << 10;
    /// Words that start sentences: after "U.S." or "Jr." they mean a new one.
    pub const STARTER: u32 = 1 << 11;
    /// Masculine / feminine hints (Mr., spokeswoman).
    pub const MASC: u32 = 1 << 12;
    pub const FEM: u32 = 1 << 13;
    /// Nouns and adjectives that are verbs' objects, not speakers, when they
    /// precede a cue ("the claims", "news reports"): they block cue reading.
    pub const NOUN_CUE_BLOCK: u32 = 1 << 14;
    /// Cues that are as often plural nouns ("news reports", "his claims").
    pub const NOUNLIKE_CUE: u32 = 1 << 15;
    /// Cues that take an infinitive as content ("promised to cut taxes").
    pub const INFINITIVE: u32 = 1 << 16;
    /// Cues that as often take a plain object ("posted a photo", "maintains
    /// a lead"): content only after "that", a quotation or a colon.
    pub const WEAK_CUE: u32 = 1 << 17;
    /// Quantifiers heading a partitive subject ("52 percent of voters").
    pub const QUANT: u32 = 1 << 18;
    /// Words of titles that name a field or a body rather than a post
    /// ("State" in "State Sen. Ann Roe", "Treasury" in "Treasury
    /// Secretary"): a phrase headed by one ("the state", "the Treasury")
    /// is no person.
    pub const FIELD: u32 = 1 << 19;
    /// Nouns of documents and findings ("the poll", "the report"): one is
    /// described anew from mention to mention ("a new poll", "the 50-state
    /// poll"), where a body's describing word tells it from another ("the
    /// health department", "the fire department").
    pub const DOCUMENT: u32 = 1 << 20;
    /// "put" and "phrased", of "as S put it": no cue, but a sentence
    /// without one may still report speech by them.
    pub const PUT: u32 = 1 << 21;
    /// Base forms that are as often nouns ("report", "estimate",
    /// "suspect"): a cue only in context (see [`context_cue`]).
    pub const CONTEXT_CUE: u32 = 1 << 22;
    /// Adjectives of stance, cues only after a verb of being and before
    /// "that": "S is convinced that C", "S remains confident that C".
    pub const STANCE: u32 = 1 << 23;
    /// Verbs of knowing and finding out: cues only before "that" and a
    /// clause ("learned that C", not "learned a lesson").
    pub const KNOWING: u32 = 1 << 24;
    /// "clear" and "plain" of "made (it) clear that C": cues only there.
    pub const CLEAR: u32 = 1 << 25;
    /// "see" and "saw" of "S see X as Y": cues only with an "as" after
    /// their object (see [`context_cue`]).
    pub const VIEW: u32 = 1 << 26;
    /// A poll's noun, singular or plural ("poll", "surveys", "average"):
    /// a finding "in the latest poll" is the poll's (see
    /// `frames::according::poll_standing`).
    pub const POLL: u32 = 1 << 27;
}

/// One word's entry.
#[derive(Clone, Copy, Debug, Default)]
pub struct Entry {
    pub class: u32,
    pub cue: Option<CueKind>,
}

/// Two open-addressing tables: words of up to eight bytes (most of the
/// lexicon, and nearly every word of running text) keyed by one u64, the
/// longer ones by three. The keys are short ASCII words, and comparing
/// integers beats hashing and comparing byte slices (this lookup runs once
/// per word of the input); a short word's slot is 16 bytes, so its table
/// takes half the cache lines that three-word keys took for every word.
///
/// Fixed sizes, so that a probe's slot needs no bounds check and the
/// filters no pointer read.
#[derive(Debug)]
struct Table {
    /// Key and value side by side: one cache line per probe.
    short: Box<[(u64, Entry); SLOTS]>,
    /// A byte of each short slot's key hash, 0 for an empty slot: the
    /// slots take 64 KB, more than the L1 cache, but this 4 KB row stays
    /// there, so a word that is not in the lexicon costs no slot read.
    short_tags: Box<[u8; SLOTS]>,
    /// The words of nine bytes or more.
    long: Box<[([u64; 3], Entry); LONG_SLOTS]>,
    long_tags: Box<[u8; LONG_SLOTS]>,
    /// For each (first, last) lowercase byte class, the lengths present: most
    /// words of running text are not in the lexicon and stop here.
    lengths: [u32; 27 * 27],
    /// The same filter for cue words only.
    cue_lengths: [u32; 27 * 27],
    /// Slots taken in each table: the table is built once and each must
    /// stay at most three quarters full, or probes grow long (and a full
    /// table would never end one).
    used: [usize; 2],
}

/// The short words' slots: a power of two, about four times their number.
/// At twice (2,048) for all words, a word the length filter let through
/// walked about two tags before its own or an empty one (the lookups of
/// 840 PolNeAR texts: 3.2 M instructions more).
const SLOTS: usize = 4096;

/// The long words' slots (about 300 words).
const LONG_SLOTS: usize = 1024;

/// A byte's letter, 0 to 25 in either case, 26 for any other byte: one
/// read instead of lowering a word's first and last bytes and matching the
/// range (a lookup of every word of a framed sentence does this twice).
static LETTER: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = b as u8;
        t[b'A' as usize + b] = b as u8;
        b += 1;
    }
    t
};

/// The length filter's slot of a word's first and last bytes (any case).
#[inline]
fn filter_slot(first: u8, last: u8) -> usize {
    usize::from(LETTER[usize::from(first)]) * 27 + usize::from(LETTER[usize::from(last)])
}

/// A lowercase ASCII word of at most 24 bytes, zero-padded.
fn pack(word: &[u8]) -> [u64; 3] {
    let mut buf = [0u8; 24];
    buf[..word.len()].copy_from_slice(word);
    let mut k = [0u64; 3];
    for (i, chunk) in buf.chunks_exact(8).enumerate() {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        k[i] = u64::from_le_bytes(w);
    }
    k
}

/// The slot a key's probe starts at in a table of `slots`, and its tag
/// (never 0).
#[inline]
fn slot(k: &[u64; 3], slots: usize) -> (usize, u8) {
    let h = (k[0] ^ k[1].rotate_left(21) ^ k[2].rotate_left(42)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((h >> 40) as usize & (slots - 1), (h >> 24) as u8 | 1)
}

impl Table {
    fn new() -> Self {
        Table {
            short: vec![(0, Entry::default()); SLOTS].into_boxed_slice().try_into().expect("SLOTS slots"),
            short_tags: vec![0; SLOTS].into_boxed_slice().try_into().expect("SLOTS tags"),
            long: vec![([0; 3], Entry::default()); LONG_SLOTS].into_boxed_slice().try_into().expect("LONG_SLOTS slots"),
            long_tags: vec![0; LONG_SLOTS].into_boxed_slice().try_into().expect("LONG_SLOTS tags"),
            lengths: [0; 27 * 27],
            cue_lengths: [0; 27 * 27],
            used: [0; 2],
        }
    }

    fn entry(&mut self, word: &str) -> &mut Entry {
        // The short words' lookup tests neither for digits nor for bytes
        // that are not ASCII: no key may hold one where a word may.
        assert!(
            word.len() <= 24 && word.is_ascii() && word.starts_with(|c: char| c.is_ascii_lowercase()),
            "{word:?}: lexicon keys are lowercase ASCII words"
        );
        let b = word.as_bytes();
        self.lengths[filter_slot(b[0], b[b.len() - 1])] |= 1 << b.len();
        let k = pack(b);
        if b.len() <= 8 {
            let (mut i, tag) = slot(&k, SLOTS);
            while self.short[i].0 != 0 && self.short[i].0 != k[0] {
                i = (i + 1) & (SLOTS - 1);
            }
            if self.short[i].0 != k[0] {
                self.used[0] += 1;
                assert!(self.used[0] <= SLOTS * 3 / 4, "the lexicon outgrew its table: raise SLOTS");
            }
            self.short[i].0 = k[0];
            self.short_tags[i] = tag;
            return &mut self.short[i].1;
        }
        let (mut i, tag) = slot(&k, LONG_SLOTS);
        while self.long[i].0 != [0; 3] && self.long[i].0 != k {
            i = (i + 1) & (LONG_SLOTS - 1);
        }
        if self.long[i].0 != k {
            self.used[1] += 1;
            assert!(self.used[1] <= LONG_SLOTS * 3 / 4, "the lexicon outgrew its table: raise LONG_SLOTS");
        }
        self.long[i].0 = k;
        self.long_tags[i] = tag;
        &mut self.long[i].1
    }

    /// A word of one to eight bytes, packed (see [`pack`]). Inlined: the
    /// tokeniser calls it for most words.
    #[inline]
    fn get_short(&self, w: u64) -> Entry {
        let (mut i, tag) = slot(&[w, 0, 0], SLOTS);
        loop {
            match self.short_tags[i] {
                0 => return Entry::default(),
                t if t == tag && self.short[i].0 == w => return self.short[i].1,
                _ => i = (i + 1) & (SLOTS - 1),
            }
        }
    }

    /// A word of nine bytes or more, packed.
    fn get_long(&self, k: &[u64; 3]) -> Entry {
        let (mut i, tag) = slot(k, LONG_SLOTS);
        loop {
            match self.long_tags[i] {
                0 => return Entry::default(),
                t if t == tag && self.long[i].0 == *k => return self.long[i].1,
                _ => i = (i + 1) & (LONG_SLOTS - 1),
            }
        }
    }
}

const SPEECH: &str = "said says say added adds wrote writes tweeted tweets posted \
    announced announces insisted insists warned warns acknowledged acknowledges argued argues \
    claimed claims noted notes explained explains stated states reported reports asserted \
    asserts declared declares stressed stresses emphasized emphasizes emphasised predicted \
    predicts promised promises vowed vows pledged pledges conceded concedes confirmed confirms \
    denied denies admitted admits replied replies responded responds answered continued \
    recalled recalls remarked quipped joked boasted complained complains countered counters \
    concluded concludes disclosed revealed mentioned observed testified maintained maintains \
    contended contends alleged alleges cautioned reiterated lamented charged suggested suggests \
    agreed agrees estimated estimates wondered speculated conceded added posits posited \
    acknowledged recounted explained announced clarified insisted retorted blogged \
    proclaimed pointed allege contend warn concede complain maintain charges \
    admit testify explain commented repeated repeats reaffirmed \
    reaffirms protested whispered exclaimed muttered mumbled murmured sighed scoffed snapped \
    fumed gushed marveled marvelled mused opined opines surmised reasoned ventured theorized \
    conjectured chanted screamed hollered bellowed growled grumbled groused griped bragged \
    crowed thundered sneered taunted inquired enquired queried interrupted confided \
    divulged relayed summarized summarised elaborated affirmed attested averred objected \
    rejoined deadpanned swore projected guessed reckoned reckons confirm disclose reveal \
    specify discuss ruled points";
const TELL: &str = "told tells tell asked asks assured assures informed informs reminded reminds \
    urged urges emailed texted messaged implored implores";
const BELIEF: &str = "thinks think thought believes believe believed expects expect expected \
    hopes hope hoped wants want wanted fears fear feared knows know knew doubts doubted feels \
    feel felt shows show showed found finds indicates indicated reveals worries worried worry \
    hoping expecting believing fearing betting wondering worrying";
/// Verbs of knowing and finding out that as often take a plain object
/// ("learned a lesson", "determined the cause", "recognized the
/// state"): beliefs only before "that" and its clause (see
/// [`context_cue`]).
const KNOWING: &str = "understands understood realized realizes realised realises recognized \
    recognizes recognised learned discovered determined assumed assumes";
/// Adjectives of stance ([`class::STANCE`]): beliefs only after a verb of
/// being and before "that" and its clause (see [`context_cue`]).
const STANCE: &str = "convinced confident adamant afraid aware optimistic concerned skeptical \
    sceptical incensed frustrated angry pleased disappointed upset alarmed surprised shocked \
    unconvinced persuaded";
const PARTICIPLE: &str = "adding noting saying arguing explaining insisting warning stressing \
    suggesting claiming telling writing tweeting declaring calling accusing vowing promising \
    acknowledging asserting predicting urging asking stating demanding denying emphasizing \
    emphasising conceding admitting complaining reiterating cautioning remarking reminding \
    contending lamenting boasting bragging joking quipping countering observing maintaining \
    charging confirming repeating recounting answering replying responding \
    estimating speculating wondering testifying pledging";

/// Verbs of stance and appeal that take their content as an object. Past
/// and present forms; base forms only where the noun reading needs an
/// article first ("the support").
const OTHER: &str = "called calls criticized criticizes criticised accused accuses praised chastised rated \
    praises cited cites described describes endorsed endorses supported supports opposed opposes \
    proposed proposes defended defends condemned condemns dismissed dismisses rejected rejects \
    sought seeks demanded demands blamed blames mocked mocks blasted blasts slammed slams \
    lambasted ridiculed touted touts hailed hails welcomed welcomes applauded applauds backed \
    embraced embraces advocated advocates favored favors decried decries denounced denounces \
    disputed disputes challenged challenges rebuked chided scolded faulted labeled labelled \
    branded dubbed likened recommended recommends requested requests unveiled unveils outlined \
    outlines downplayed highlighted highlights echoed echoes invoked invokes attacked attacks \
    questioned questions pushed pushes lauded lauds celebrated touted vetoed opposes supports \
    intends intended plans planned offered offers pitched floated promoted promotes \
    characterized characterizes portrayed portrays seemed seems seem appeared appears appear \
    sees viewed views considered considers regards deemed expressed expresses voiced \
    voted votes talked talks discussed discusses named prefers preferred \
    pressed thanked thanks threatened threatens ordered orders signaled hinted hints implied \
    railed assailed bemoaned pleaded apologized retweeted spoke speaks support oppose endorse \
    seek favor blame prefer mentions detailed details referenced references chronicled \
    chronicles listed lists encouraged encourages complimented compliments commended commends \
    admires admired decided sided laid disagreed disagrees disagree";
/// Words in "-ing" that describe a role or a body rather than what someone
/// is doing: "ranking member", "managing director", "the acting chief", "a
/// founding member". No participle phrase opens with one.
pub const ROLE_ADJECTIVES: [&str; 10] = [
    "managing",
    "acting",
    "presiding",
    "visiting",
    "ranking",
    "outgoing",
    "incoming",
    "leading",
    "founding",
    "reigning",
];

/// Participles whose object is their content: "..., citing a report".
/// A list, not one string to split: the frames ask whether a participle
/// cue is one of them again and again.
pub const OBJECT_PARTICIPLES: [&str; 32] = [
    "citing",
    "criticizing",
    "praising",
    "describing",
    "referring",
    "attacking",
    "blaming",
    "questioning",
    "defending",
    "pointing",
    "touting",
    "denouncing",
    "slamming",
    "blasting",
    "dismissing",
    "alleging",
    "proposing",
    "pledging",
    "thanking",
    "supporting",
    "backing",
    "endorsing",
    "opposing",
    "favoring",
    "seeking",
    "demanding",
    "highlighting",
    "mentioning",
    "detailing",
    "outlining",
    "promoting",
    "discussing",
];
/// Words that open what follows a source noun: "(people) familiar with
/// the matter", "(sources) close to the campaign", "(sources) privy to
/// the talks".
/// Irregular past tenses that tell a clause's verb: "The roof fell",
/// "the mayors met".
pub const IRREGULAR_PAST: [&str; 40] = [
    "left", "went", "took", "made", "gave", "held", "ran", "met", "sent", "spent", "kept", "came", "began", "drew",
    "stood", "fled", "won", "lost", "got", "sat", "led", "brought", "sought", "fought", "cut", "shut", "put", "hit",
    "struck", "broke", "built", "paid", "sold", "bought", "chose", "threw", "rose", "fell", "became", "swore",
];

pub const SOURCE_POSTMODIFIERS: [&str; 6] = ["familiar", "close", "briefed", "knowledgeable", "involved", "privy"];
const DET: &str = "the a an this these those his her their its our my your some many several \
    few both all each every another other any no two three four five one";
const PRON: &str = "he she they it we i you who";
const AUX: &str = "has have had is was were are be been will would could can may might must \
    shall should did does do also just only even still then later earlier again once \
    repeatedly previously recently reportedly publicly privately already often never long \
    initially further similarly separately personally flatly quickly explicitly specifically \
    simply reportedly now first frequently openly loudly bluntly firmly forcefully famously \
    memorably subsequently ultimately eventually immediately directly angrily";
const PREP: &str = "in on at during after before since from of for with by about over under beyond \
    into onto to through via as while when because if although though than without within \
    across against among between around near outside inside upon despite amid toward towards \
    following ahead like per including especially unlike";
const CONJ: &str = "and but or nor so yet";
const SUB: &str = "that which who whom whose where whether because if although though while \
    when since unless until whereas";
const TIME: &str = "monday tuesday wednesday thursday friday saturday sunday today yesterday \
    tonight tomorrow morning afternoon evening night week month year weekend earlier later \
    recently last this next ago overnight";
const ANON: &str = "official officials source sources people person aide aides adviser advisers \
    advisor advisors insider insiders staffer staffers diplomat diplomats someone spokesman \
    spokeswoman spokesperson spokesmen spokeswomen representative representatives individuals \
    individual operative operatives reporter";
const GROUP: &str = "critics analysts experts observers supporters opponents voters residents \
    lawmakers legislators members leaders conservatives liberals activists advocates economists \
    scientists researchers investigators prosecutors lawyers attorneys witnesses police \
    authorities officers organizers donors staff others polls poll survey surveys study studies \
    report statement data analysis memo letter documents records campaign administration \
    government military department ministry agency company committee court group organization \
    party team network newspaper paper website article story book ad document filing complaint \
    lawsuit indictment estimates figures results research evidence pollsters strategists \
    democrats republicans americans candidates candidate nominee president secretary governor \
    senator mayor director chairman minister general spokesman judge justice congressman \
    congresswoman leader founder executive lawyer attorney prosecutor analyst expert critic \
    pollster strategist historian professor economist scientist researcher doctor doctors \
    friend friends family sister brother wife husband daughter son mother father colleagues \
    allies ally aide unions union commission council panel board investigation probe inquiry polling \
    majority plurality percent respondents americans workers officers agents commentators \
    pundits reporters journalists media outlets newspapers editorial editors editor author \
    authors writer writers columnist senators assembly legislature voter residents \
    officials leaders employees students parents teachers users customers fans republicans \
    groups organizations companies agencies unions protesters demonstrators scholars narrator \
    announcer host anchor moderator commentator user employee member opponent rival rivals \
    backer backers attendee attendees mogul actor actors actress citizen citizens progressives";
const ROLE: &str = "president vice secretary general gen sen senator rep representative gov \
    governor mayor director chairman chairwoman chair minister prime spokesman spokeswoman judge \
    justice dr mr mrs ms miss col colonel lt lieutenant adm admiral capt captain sgt sergeant maj \
    major chief ambassador attorney speaker leader ceo professor prof rev reverend pope king \
    queen prince princess sheikh commander cmdr candidate nominee founder executive officer \
    deputy assistant acting former senior marine corps army navy air force u.s us state united \
    white house press communications manager counsel sheriff detective inspector \
    superintendent commissioner congressman congresswoman councilman councilwoman delegate \
    majority minority whip senate democratic republican gop brig father rabbi imam defense \
    homeland security treasury commerce energy health education labor interior transportation \
    veterans affairs agriculture housing central command intelligence national foreign finance \
    staff joint chiefs department committee council forces operations relations services armed \
    judiciary budget pentagon campaign administration agency bureau office chairperson \
    democrat republican independent presidential hopeful contender nominee director general \
    surgeon solicitor first lady sir dame lord coach owner manager chancellor provost dean \
    premier president-elect vice-president lawmaker analyst economist master warden pres \
    sens reps govs gens drs sec secy defence shadow mp mep councillor councilor alderman \
    ranking cabinet business envoy clerk coroner auditor treasurer assessor registrar \
    constable marshal trooper ombudsman prosecutor negotiator mediator crown emir \
    member councilmember assemblymember assemblyman assemblywoman supervisor selectman \
    selectwoman legislator trustee alderwoman";
const ORG: &str = "pentagon department ministry agency administration campaign committee \
    commission council court party office bureau service government congress senate house \
    police army navy military company corp corporation inc times post journal news reuters \
    network institute foundation university association union center centre group board \
    embassy command organization federation coalition caucus poll survey fund bank cnn nbc abc \
    cbs fox msnbc npr bbc ap afp gallup kremlin vatican nato fbi cia epa irs un eu dnc rnc \
    trust project club league society magazine tribune herald gazette guardian telegraph \
    politico axios breitbart bloomberg facebook google twitter commission secretariat cabinet \
    parliament assembly legislature council tribunal authority authorities agency pac \
    institute monitor observatory watch reuters xinhua tass isna irna press republicans \
    democrats gop whitehouse cbo gao opm dhs doj dod dni nsa research properties holdings \
    industries enterprises airlines pharmaceuticals technologies ventures chemicals motors \
    airways laboratories lines ltd llc plc systems partners communications foods logistics insurance \
    brands stores solutions mining shipping railways labs pharma telecom electric energy utilities \
    health healthcare hospital tours travel aggregates construction builders farms \
    software therapeutics biosciences semiconductor semiconductors robotics electronics networks";
const STARTER: &str = "the he she it they we i but and in a an this that his her their its \
    there our as at on for if when while after some many most now so yet still meanwhile \
    however mr mrs ms dr";
const MASC: &str = "he mr mr. spokesman congressman councilman chairman king prince father assemblyman selectman \
    brother husband son sir lord widower grandfather uncle nephew boyfriend man";
const FEM: &str = "she mrs ms mrs. ms. spokeswoman congresswoman councilwoman chairwoman queen assemblywoman selectwoman alderwoman \
    princess mother sister wife daughter dame widow grandmother aunt niece girlfriend fiancee woman";
const NOUN_CUE_BLOCK: &str = "news media unconfirmed press initial early earlier later \
    conflicting multiple numerous false unfounded baseless dubious various recent previous \
    such these those";

static TABLE: LazyLock<Table> = LazyLock::new(build);

fn build() -> Table {
    let mut t = Table::new();
    let mut add_class = |words: &'static str, class: u32| {
        for w in words.split_whitespace() {
            t.entry(w).class |= class;
        }
    };
    add_class(DET, class::DET);
    add_class(PRON, class::PRON);
    add_class(AUX, class::AUX);
    add_class(PREP, class::PREP);
    add_class(CONJ, class::CONJ);
    add_class(SUB, class::SUB);
    add_class(TIME, class::TIME);
    add_class(ANON, class::ANON);
    add_class(GROUP, class::GROUP);
    add_class(ROLE, class::ROLE);
    add_class(ORG, class::ORG);
    add_class(STARTER, class::STARTER);
    add_class(MASC, class::MASC);
    add_class(FEM, class::FEM);
    add_class(NOUN_CUE_BLOCK, class::NOUN_CUE_BLOCK);
    add_class(
        "promised promises promise vowed vows vow pledged pledges pledge wants want wanted hopes \
         hope hoped plans plan planned expects expect expected threatened threatens urged urges \
         asked asks told tells promising vowing pledging threatening agreed agrees agree decided",
        class::INFINITIVE,
    );
    add_class(
        "posted maintained maintains maintain responded responds charged continued answered \
         replied revealed disclosed mentioned observed tweeted posts clarified concludes \
         concluded recounted repeated repeats reaffirmed reaffirms protested snapped chanted \
         interrupted confided relayed summarized summarised elaborated affirmed objected \
         swore projected guessed inquired enquired queried bragged maintaining charging \
         observing answering replying responding repeating confirming conceding admitting \
         confirm disclose reveal specify discuss \
         taunted thundered emphasizing emphasising emailed texted messaged \
         caution recommend ruled",
        class::WEAK_CUE,
    );
    add_class(
        "percent majority majorities minority most half third quarter two-thirds three-quarters plurality many some all none few \
         one two three four five six seven eight nine ten each",
        class::QUANT,
    );
    add_class(
        "state u.s. us united white press communications marine corps air force homeland security \
         treasury commerce energy health education labor interior transportation veterans affairs \
         agriculture housing central intelligence national foreign finance joint forces operations \
         relations services judiciary",
        class::FIELD,
    );
    add_class(
        "poll polling survey study report statement analysis memo letter document filing complaint \
         lawsuit ad book article story data research estimate figure result evidence video average \
         review transcript record email audit footage affidavit indictment",
        class::DOCUMENT,
    );
    add_class(
        "states reports claims notes tweets estimates counters shows finds fears hopes charges \
         wants doubts worries promises vows pledges answers replies responds calls criticizes \
         praises cites describes endorses supports opposes proposes defends condemns dismisses \
         rejects seeks demands blames mocks blasts slams touts hails welcomes applauds embraces \
         advocates favors decries denounces disputes challenges requests recommends unveils \
         outlines highlights echoes invokes attacks questions pushes lauds intends plans offers \
         promotes characterizes portrays worry",
        class::NOUNLIKE_CUE,
    );
    add_class("put phrased", class::PUT);
    add_class("poll polls survey surveys study average", class::POLL);
    add_class(KNOWING, class::CONTEXT_CUE | class::KNOWING);
    add_class("clear plain", class::CONTEXT_CUE | class::CLEAR);
    add_class("see saw", class::CONTEXT_CUE | class::VIEW);
    add_class(STANCE, class::CONTEXT_CUE | class::STANCE);
    for (w, _) in CONTEXT_CUES {
        add_class(w, class::CONTEXT_CUE);
    }
    let mut add_cue = |words: &str, cue: CueKind| {
        for w in words.split_whitespace() {
            t.entry(w).cue.get_or_insert(cue);
            let b = w.as_bytes();
            t.cue_lengths[filter_slot(b[0], b[b.len() - 1])] |= 1 << b.len();
        }
    };
    // Order matters: a word keeps its first cue kind.
    add_cue(TELL, CueKind::Tell);
    add_cue(SPEECH, CueKind::Speech);
    add_cue(BELIEF, CueKind::Belief);
    add_cue(PARTICIPLE, CueKind::Participle);
    add_cue("according", CueKind::According);
    add_cue("declined refused declines refuses", CueKind::Declined);
    add_cue(OTHER, CueKind::Other);
    add_cue(
        "yelled shouted yells shouts argue insist suggest agree acknowledge explain predict claim interjected",
        CueKind::Speech,
    );
    // Base forms of plural subjects ("experts caution that C", "doctors
    // recommend that C"): cues only with a clause after "that" (see
    // [`class::WEAK_CUE`]). Not "estimate", "report", "recall" or
    // "forecast": as nouns they head the subjects of other cues ("a new
    // report by the inspector general found").
    add_cue("caution recommend", CueKind::Speech);
    add_cue(&OBJECT_PARTICIPLES.join(" "), CueKind::Participle);
    add_cue("recalling announcing showing", CueKind::Participle);
    // "put" and "phrased" pass the cue filter, so that the tokeniser,
    // which looks up only words that may be cues until one is, sees "as
    // Roe put it" (a report with no cue word) at no cost to other words.
    for w in ["put", "phrased"]
        .into_iter()
        .chain(CONTEXT_CUES.map(|(w, _)| w))
        .chain(KNOWING.split_whitespace())
        .chain(STANCE.split_whitespace())
        .chain(["clear", "plain", "see", "saw"])
    {
        let b = w.as_bytes();
        t.cue_lengths[filter_slot(b[0], b[b.len() - 1])] |= 1 << b.len();
    }
    t
}

/// Base forms of cues that are as often nouns, and the cue each is.
const CONTEXT_CUES: [(&str, CueKind); 9] = [
    ("estimate", CueKind::Speech),
    ("report", CueKind::Speech),
    ("note", CueKind::Speech),
    ("forecast", CueKind::Speech),
    ("project", CueKind::Speech),
    ("charge", CueKind::Speech),
    ("stress", CueKind::Speech),
    ("suspect", CueKind::Belief),
    ("doubt", CueKind::Belief),
];

/// "Officials estimate that C", "Residents report that C", "Critics
/// charge that C": a base form that is as often a noun ([`class::CONTEXT_CUE`])
/// is a cue when "that" follows it and a subject that takes the base form
/// goes before it (I, we, you, they, a group noun, a plural); "a new
/// report that C", "the
/// estimate that C" and "the suspect told police" stay nouns. `entry` is
/// the word's own at `doc[start..end]`; `before` is the word before it,
/// if one is.
pub fn context_cue(doc: &str, (start, end): (usize, usize), before: Option<(usize, usize)>, entry: Entry) -> Entry {
    if doc.as_bytes()[start].is_ascii_uppercase() {
        return entry;
    }
    // "Critics see the plan as a giveaway": a view, when "as" follows
    // within the clause (the frames check that an object comes between;
    // the subject may end in an aside: "Critics, like Ann Roe, see").
    if entry.class & class::VIEW != 0 {
        let rest = &doc.as_bytes()[end..];
        let clause = rest.iter().take(90).position(|b| b".,;:!?\"()".contains(b)).unwrap_or(rest.len().min(90));
        let as_after = rest[..clause].windows(4).any(|w| w == b" as ");
        return if as_after && !rest.starts_with(b" as ") {
            Entry { class: entry.class | class::WEAK_CUE, cue: Some(CueKind::Other) }
        } else {
            entry
        };
    }
    let Some((bs, be)) = before else { return entry };
    let prev = &doc[bs..be];
    // "S made (it) clear that C", "made clear Tuesday that C": a report
    // (its content only after "that": [`class::WEAK_CUE`]).
    // (After an intensifier only before "that": not "a very plain dress".)
    if entry.class & class::CLEAR != 0 {
        let lead = CLEAR_LEAD.iter().any(|w| prev.eq_ignore_ascii_case(w))
            && (prev.eq_ignore_ascii_case("it") || doc.as_bytes()[end..].starts_with(b" that "));
        return if lead || MADE.iter().any(|w| prev.eq_ignore_ascii_case(w)) {
            Entry { class: entry.class | class::WEAK_CUE, cue: Some(CueKind::Speech) }
        } else {
            entry
        };
    }
    let rest = &doc.as_bytes()[end..];
    if !rest.starts_with(b" that ") {
        return entry;
    }
    let prev_class = lookup_in(doc, bs, be).class;
    if entry.class & (class::STANCE | class::KNOWING) != 0 {
        return knowing_cue(doc, end, (prev, prev_class), entry);
    }
    let plural = ["they", "we", "i", "you"].iter().any(|p| prev.eq_ignore_ascii_case(p))
        || prev_class & (class::ANON | class::GROUP) != 0
        || (prev.len() > 3
            && prev.ends_with('s')
            && !prev.ends_with("ss")
            && !prev.contains(['\'', '\u{2019}'])
            && !prev.eq_ignore_ascii_case("news")
            && prev_class & (class::DET | class::PRON | class::AUX | class::PREP | class::CONJ | class::SUB) == 0);
    if !plural {
        return entry;
    }
    let word = &doc[start..end];
    match CONTEXT_CUES.iter().find(|(w, _)| word.eq_ignore_ascii_case(w)) {
        Some(&(_, kind)) => Entry { class: entry.class | class::WEAK_CUE, cue: Some(kind) },
        None => entry,
    }
}

/// "The panel determined that C", "Ortiz is convinced that C": a verb of
/// knowing or an adjective of stance ([`class::STANCE`]) before " that "
/// is a belief when a clause follows "that" (not "learned that day",
/// "learned that in 1990") and, for an adjective, a verb of being or an
/// adverb goes before it ("remains confident", "is increasingly
/// concerned"; not "so angry that", "the concerned that").
fn knowing_cue(doc: &str, end: usize, (prev, prev_class): (&str, u32), entry: Entry) -> Entry {
    let after = &doc[end + " that ".len()..];
    let next_end =
        after.find(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '\u{2019}')).unwrap_or(after.len());
    let next = &after[..next_end];
    let next_class = lookup(next).class;
    if next.is_empty()
        || next_class & (class::PREP | class::TIME) != 0
        || ["day", "time", "moment"].iter().any(|w| next.eq_ignore_ascii_case(w))
    {
        return entry;
    }
    let stance = entry.class & class::STANCE != 0;
    let before_ok = if stance {
        LINKING.iter().any(|w| prev.eq_ignore_ascii_case(w))
            || (prev.len() >= 5 && prev.ends_with("ly") && prev_class & (class::ANON | class::GROUP) == 0)
            || ["not", "still", "also", "now", "always", "never", "all", "both"]
                .iter()
                .any(|w| prev.eq_ignore_ascii_case(w))
    } else {
        prev_class & (class::DET | class::PREP) == 0
    };
    if before_ok { Entry { class: entry.class | class::WEAK_CUE, cue: Some(CueKind::Belief) } } else { entry }
}

/// The verb of "made (it) clear that C".
pub const MADE: [&str; 3] = ["made", "make", "makes"];

/// Nouns a light verb makes a report or a belief of before "that" ("made
/// the case that C", "raised concerns that C", "took the position that
/// C"): a sentence with one and no cue is still read word by word, so
/// that the auxiliaries before its verb are known ("has made the case").
pub const LIGHT_NOUNS: [&str; 11] =
    ["case", "argument", "point", "concern", "concerns", "possibility", "fears", "fear", "position", "view", "stance"];

/// What may come between "made" and "clear": "made it very clear".
pub const CLEAR_LEAD: [&str; 9] =
    ["it", "very", "abundantly", "crystal", "perfectly", "pretty", "painfully", "quite", "unmistakably"];

/// Verbs of being before an adjective of stance: "is convinced", "remains
/// confident", "came away convinced".
pub const LINKING: [&str; 18] = [
    "is", "was", "are", "were", "be", "been", "being", "am", "remains", "remained", "remain", "seems", "seemed",
    "appears", "appeared", "grew", "became", "away",
];

/// The lexicon, built: a loop over the words of a sentence takes it once
/// ([`Lexicon::get`]) and asks it of each word, instead of every lookup
/// checking (an atomic load and a branch) that the table is built.
#[derive(Clone, Copy, Debug)]
pub struct Lexicon(&'static Table);

impl Lexicon {
    #[inline]
    pub fn get() -> Lexicon {
        Lexicon(&TABLE)
    }

    /// Whether a word may be a cue (any case) or is "put"/"phrased" (see
    /// [`class::PUT`]). Cheap and conservative: false means it is not one;
    /// true means [`lookup`] will tell.
    #[inline]
    pub fn maybe_cue(self, b: &[u8]) -> bool {
        if b.len() < 2 || b.len() > 24 {
            return false;
        }
        let slot = filter_slot(b[0], b[b.len() - 1]);
        self.0.cue_lengths[slot] & (1 << b.len()) != 0
    }

    /// [`lookup_in`], out of line: for the tokeniser's rarer words (long
    /// ones, ones with inner marks, ones near the end of the text), so
    /// that its loop keeps only the short words' probe.
    #[inline(never)]
    pub fn lookup_in_out_of_line(self, text: &str, start: usize, end: usize) -> Entry {
        lookup_tail(self.0, text.as_bytes(), start, end)
    }

    /// [`lookup_in`] of `text[start..end]`, a word of ASCII letters and
    /// digits after at most one of `$ % & @ #` (see [`Self::short_word_entry`]
    /// for why setting bit 5 lowercases it): out of line, for the
    /// tokeniser's words of more than eight bytes, one in eight, which the
    /// general lookup read with a dot test, an ASCII test and three
    /// lowercasings.
    #[inline(never)]
    pub fn plain_word_entry(self, text: &str, start: usize, end: usize) -> Entry {
        let bytes = text.as_bytes();
        if !(9..=24).contains(&(end - start)) {
            return lookup_tail(self.0, bytes, start, end);
        }
        let Some(k) = long_key(self.0, bytes, start, end) else { return Entry::default() };
        self.0.get_long(&k.map(|kj| kj | ((kj + scan::LO * 0x7F) & scan::HI) >> 2))
    }

    /// [`lookup_in`] of a word of `len` bytes (one to eight) whose bytes,
    /// and any after them, are `x` (little-endian): ASCII letters and
    /// digits, after at most one of `$ % & @ #`, so no abbreviation's dot
    /// ends it. The tokeniser has these bytes loaded already.
    ///
    /// Setting bit 5 of each byte lowercases such a word: a letter's case
    /// is that bit, and a digit and `$ % & #` have it set. Only a first
    /// `@` changes (to a backquote), and neither opens a key.
    #[inline(always)]
    pub fn short_word_entry(self, x: u64, len: usize) -> Entry {
        debug_assert!((1..=8).contains(&len));
        self.0.get_short((x | (scan::LO * 0x20)) & (u64::MAX >> (64 - 8 * len)))
    }
}

/// Look a word up (any case). Words longer than 24 bytes or not ASCII are in
/// no class.
pub fn lookup(word: &str) -> Entry {
    lookup_tail(&TABLE, word.as_bytes(), 0, word.len())
}

/// [`lookup`] of `text[start..end]`. Where `text` goes on far enough
/// after `start` (all but the last words of a document), the key is read
/// as whole words, one for most words, and masked to the word's length:
/// no loop whose exit is mispredicted at every word, as a byte-by-byte
/// packing had. Inlined: the tokeniser calls it for every word of a
/// sentence that may frame, in a loop of its own.
#[inline(always)]
pub fn lookup_in(text: &str, start: usize, end: usize) -> Entry {
    lookup_in_table(&TABLE, text, start, end)
}

/// The lookup itself. A word of one to eight bytes, nearly every word of
/// running text, is read with one load (which holds its last byte, so
/// an abbreviation's dot is told from it with no other read), masked to
/// its length, lowercased eight bytes at once, and probed for at once: no
/// length filter, no test for digits or bytes that are not ASCII before
/// it. Each of those only said early what the probe says anyway (no key
/// starts with a digit or holds such a byte: see [`Table::entry`]), and
/// three words in four passed them (the lookups of 840 PolNeAR texts:
/// about 45 instructions a word before the probe, for 340,000 words).
#[inline(always)]
fn lookup_in_table(table: &Table, text: &str, start: usize, end: usize) -> Entry {
    let bytes = text.as_bytes();
    let len = end.wrapping_sub(start);
    if len.wrapping_sub(1) < 8
        && let Some(b) = bytes.get(start..start + 8)
    {
        let raw = u64::from_le_bytes(b.try_into().expect("8 bytes"));
        // Abbreviations are stored without their dot ("Gen." is "gen").
        let len = len - usize::from((raw >> (8 * (len - 1))) as u8 == b'.');
        // The low `len` bytes (none for a lone dot: no key is empty).
        let w = raw & u64::MAX.checked_shr(64 - 8 * len as u32).unwrap_or(0);
        return table.get_short(w | scan::upper_mask(w) >> 2);
    }
    lookup_near_end_or_long(table, bytes, start, end)
}

/// [`lookup_tail`], out of the lookups' loops: one word in eight comes
/// here.
#[inline(never)]
fn lookup_near_end_or_long(table: &Table, bytes: &[u8], start: usize, end: usize) -> Entry {
    lookup_tail(table, bytes, start, end)
}

/// [`lookup_in_table`] of a word too near the end of the text for one
/// load (as most words given to [`lookup`] on their own are, which come
/// here at once), or of more than eight bytes; or of any word, with a
/// second load where one would do.
#[inline(always)]
fn lookup_tail(table: &Table, bytes: &[u8], start: usize, end: usize) -> Entry {
    // Abbreviations are stored without their dot ("Gen." is "gen").
    let end = end - usize::from(end > start && bytes[end - 1] == b'.');
    let len = end - start;
    if (1..=8).contains(&len) {
        // Two loads that overlap (see `short_word`), not a byte loop.
        let w = short_word(&bytes[start..end]);
        return table.get_short(w | scan::upper_mask(w) >> 2);
    }
    lookup_long(table, bytes, start, end)
}

/// [`lookup_in_table`] of a word of no byte or of more than eight.
#[inline]
fn lookup_long(table: &Table, bytes: &[u8], start: usize, end: usize) -> Entry {
    if !(9..=24).contains(&(end - start)) {
        return Entry::default();
    }
    let Some(k) = long_key(table, bytes, start, end) else { return Entry::default() };
    // Not ASCII: in no class. Then lowercase, eight bytes at once.
    if (k[0] | k[1] | k[2]) & scan::HI != 0 {
        return Entry::default();
    }
    table.get_long(&k.map(|kj| kj | scan::upper_mask(kj) >> 2))
}

/// The key of the word `bytes[start..end]` of nine to 24 bytes, as it
/// stands (not lowercased), if the length filter lets it through. Its
/// last eight bytes are read as the word's last eight, shifted down over
/// the bytes already read: every load stays inside the word, so no word
/// needs a byte loop, wherever it sits in the text.
#[inline(always)]
fn long_key(table: &Table, bytes: &[u8], start: usize, end: usize) -> Option<[u64; 3]> {
    let len = end - start;
    debug_assert!((9..=24).contains(&len));
    if table.lengths[filter_slot(bytes[start], bytes[end - 1])] & (1 << len) == 0 {
        return None;
    }
    let load = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let last = load(end - 8);
    Some(if len <= 16 {
        [load(start), last >> (8 * (16 - len)), 0]
    } else {
        [load(start), load(start + 8), last >> (8 * (24 - len))]
    })
}

/// A word of one to eight bytes as the low bytes of a `u64` (the others
/// zero): its first and last four bytes (or two, or its one), loaded and
/// laid over each other where they overlap. A copy into a zeroed word
/// called memcpy for every short word looked up on its own.
#[inline]
fn short_word(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!((1..=8).contains(&n));
    let four = |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes")));
    let two = |at: usize| u64::from(u16::from_le_bytes(b[at..at + 2].try_into().expect("2 bytes")));
    match n {
        4.. => four(0) | four(n - 4) << (8 * (n - 4)),
        2.. => two(0) | two(n - 2) << (8 * (n - 2)),
        _ => u64::from(b[0]),
    }
}

/// The pronoun of a pronoun with its auxiliary written on ("She's",
/// "they've", "I'd"): `None` for any other word.
pub fn contracted_pronoun(w: &str) -> Option<&str> {
    ["'s", "'ve", "'re", "'d", "'ll", "\u{2019}s", "\u{2019}ve", "\u{2019}re", "\u{2019}d", "\u{2019}ll"]
        .iter()
        .find_map(|suffix| w.strip_suffix(suffix))
        .filter(|p| lookup(p).class & class::PRON != 0)
}

/// The owner of a possessive ("Roe's", "voters'", curly or straight):
/// `None` for any other word.
pub fn possessive_owner(w: &str) -> Option<&str> {
    ["'s", "\u{2019}s", "'", "\u{2019}"].iter().find_map(|suffix| w.strip_suffix(suffix))
}

/// Participles of a document that someone saw rather than wrote: "records
/// obtained by the Ledger" speak for themselves, not for the Ledger.
pub const SEEN_BY: [&str; 6] = ["obtained", "seen", "reviewed", "viewed", "examined", "acquired"];

/// Nouns of surveys that report findings ("In a poll, C", "C in the
/// latest poll"): the lexicon's [`class::POLL`], one list for the frames
/// that read a token's entry and for this test of a word alone.
pub fn is_poll(w: &str) -> bool {
    lookup(w).class & class::POLL != 0
}

/// Words that make a sentence publication boilerplate rather than a claim:
/// update notices set `developing`, the rest are dropped.
pub fn is_update_notice(lower: &str) -> bool {
    const NOTICES: [Phrase; 8] = [
        phrase("continue to update"),
        phrase("will be updated"),
        phrase("this is a developing story"),
        phrase("this story is developing"),
        phrase("check back for updates"),
        phrase("this is a breaking news"),
        phrase("this story has been updated"),
        phrase("more information becomes available"),
    ];
    NOTICES.iter().any(|n| has_phrase(lower, n)) || wire_update_note(lower)
}

/// A wire's note on what an update changed, in parentheses under the
/// headline: "(Adds Fed comments, updates prices)", "(Recasts with
/// closing prices)", "(Writes through with details)". (A "(Corrects …)"
/// note is a correction: [`is_correction`] keeps it.)
fn wire_update_note(lower: &str) -> bool {
    const EDITS: [&str; 13] = [
        "adds", "updates", "recasts", "rewrites", "writes", "changes", "removes", "refiles", "repeats", "inserts",
        "deletes", "fixes", "corrects",
    ];
    let Some(inner) = lower.strip_prefix('(') else { return false };
    let inner = inner.trim_end_matches('.');
    inner.ends_with(')')
        && inner.len() < 160
        && !inner[..inner.len() - 1].contains(['(', ')'])
        && inner.split([' ', ',']).next().is_some_and(|w| EDITS.contains(&w))
}

/// Words of a notice that says what the outlet got wrong ("updated to
/// correct the name", "misidentified", "an earlier version of this story
/// said"): a correction, not a notice that the story is still developing.
pub fn is_correction(lower: &str) -> bool {
    const CORRECTIONS: [Phrase; 6] = [
        phrase("correct"),
        phrase("clarif"),
        phrase("misidentif"),
        phrase("misstat"),
        phrase("earlier version"),
        phrase("previous version"),
    ];
    CORRECTIONS.iter().any(|n| has_phrase(lower, n))
}

/// A phrase to search a sentence for, with the index of its rarest byte
/// in English text, by which [`scan::contains`] finds it: `str::contains`
/// set up a two-way searcher for each of the nineteen phrases of every
/// sentence these tests run on.
type Phrase = (&'static str, usize);

const fn phrase(p: &'static str) -> Phrase {
    // Anything but a letter or a space is rarest, then the letters least
    // used.
    const BY_FREQUENCY: &[u8] = b"zqxjkvbpygfwmucldrhsnioate ";
    let b = p.as_bytes();
    let (mut best, mut best_rank) = (0, usize::MAX);
    let mut i = 0;
    while i < b.len() {
        let mut rank = 0;
        while rank < BY_FREQUENCY.len() && BY_FREQUENCY[rank] != b[i] {
            rank += 1;
        }
        let rank = if rank == BY_FREQUENCY.len() { 0 } else { rank + 1 };
        if rank < best_rank {
            (best, best_rank) = (i, rank);
        }
        i += 1;
    }
    (p, best)
}

fn has_phrase(hay: &str, &(phrase, anchor): &Phrase) -> bool {
    scan::contains(hay, phrase, anchor)
}

/// Reader furniture that is neither claim nor notice, and the page's notes
/// about itself: an update line or a print-edition line says what the page
/// did, not what anybody claimed, and revision trackers see them appended
/// to stories whose claims did not change. (A correction is kept: it is the
/// publisher's claim that an earlier version was wrong, and readers of a
/// diff want it shown as added.)
pub fn is_furniture(lower: &str) -> bool {
    const FURNITURE: [Phrase; 10] = [
        phrase("read the rest"),
        phrase("click here"),
        phrase("read more:"),
        phrase("sign up for"),
        phrase("subscribe to our"),
        phrase("follow us on"),
        phrase("to your inbox"),
        // A subscription pitch: "Support local journalism. Subscribe to
        // the Courier for just £1 a week."
        phrase("support local journalism"),
        phrase("support independent journalism"),
        phrase("support our journalism"),
    ];
    const NOTES: [Phrase; 4] = [
        phrase("a version of this article appears"),
        phrase("this article has been updated"),
        phrase("this post has been updated"),
        phrase("this report has been updated"),
    ];
    (lower.len() < 120
        && (FURNITURE.iter().any(|n| has_phrase(lower, n)) || follow_line(lower) || lower.starts_with("subscribe ")))
        || NOTES.iter().any(|n| has_phrase(lower, n))
        || lower.starts_with("as published in")
}

/// A byline's call to follow its writer: "Follow Ann Roe on Twitter
/// @annroe.", also inside a transcript's quotation marks. (Not "Follow
/// the money, she said": no network, no handle.)
fn follow_line(lower: &str) -> bool {
    // A transcript sets every paragraph in quotation marks, its footer too.
    let lower = lower.trim_start_matches(['"', '\u{201c}', '\'']);
    lower.starts_with("follow ")
        && (lower.contains(" on twitter") || lower.contains(" on facebook") || lower.contains(" on instagram"))
}

/// What a claim was made without, in an outlet's "…, without providing
/// evidence": the gerunds of showing and telling, and the evidence itself.
/// ("…, without raising taxes" is part of the claim.)
pub fn is_unsupported(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "providing"
            | "offering"
            | "giving"
            | "citing"
            | "presenting"
            | "producing"
            | "elaborating"
            | "explaining"
            | "specifying"
            | "naming"
            | "detailing"
            | "identifying"
            | "saying"
            | "showing"
            | "sharing"
            | "disclosing"
            | "revealing"
            | "evidence"
            | "proof"
            | "details"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wire_update_note_is_a_notice_and_a_correction_note_a_correction() {
        assert!(is_update_notice("(adds fed comments, updates prices)"));
        assert!(is_update_notice("(recasts with closing prices)."));
        assert!(!is_update_notice("(the figures were revised.)"));
        assert!(is_update_notice("(corrects name in paragraph 3)") && is_correction("(corrects name in paragraph 3)"));
    }
    use proptest::prelude::*;

    #[test]
    fn phrases_are_found_where_str_contains_finds_them() {
        for (p, anchor) in [phrase("read more:"), phrase("click here"), phrase("continue to update")] {
            assert!(anchor < p.len());
            for hay in [p.to_string(), format!("x {p}"), format!("{p} x"), p[1..].to_string(), String::new()] {
                assert_eq!(has_phrase(&hay, &(p, anchor)), hay.contains(p), "{hay:?}");
            }
        }
        assert_eq!(phrase("read more:").1, 9);
    }

    #[test]
    fn notes_about_the_article_are_furniture() {
        assert!(!is_furniture("correction: an earlier version of this story gave the wrong year for the vote."));
        assert!(is_furniture("this article has been updated with comment from the mayor."));
        assert!(is_furniture("a version of this article appears in print on page a12."));
        assert!(!is_furniture("the earlier version of the bill had been rejected, she said."));
        assert!(is_furniture("follow ann roe on twitter @annroe."));
        assert!(is_furniture("as published in the harbour gazette."));
        assert!(!is_furniture("follow the money, the auditor told the council."));
        assert!(!is_furniture("the figures, as published in march, were wrong."));
        assert!(is_furniture("get the latest news delivered to your inbox."));
    }

    #[test]
    fn lookup_ignores_case_and_classifies() {
        assert_eq!(lookup("Said").cue, Some(CueKind::Speech));
        assert_eq!(lookup("told").cue, Some(CueKind::Tell));
        assert_eq!(lookup("believes").cue, Some(CueKind::Belief));
        assert!(lookup("The").class & class::DET != 0);
        assert!(lookup("officials").class & class::ANON != 0);
        assert!(lookup("Pentagon").class & class::ORG != 0);
        assert_eq!(lookup("Zyxw").class, 0);
    }

    #[test]
    fn short_words_are_their_bytes() {
        let text = b"abcdefgh";
        for n in 1..=8 {
            let mut word = [0u8; 8];
            word[..n].copy_from_slice(&text[..n]);
            assert_eq!(short_word(&text[..n]), u64::from_le_bytes(word), "{n}");
        }
    }

    #[test]
    fn lookup_in_reads_the_same_word_near_and_far_from_the_end() {
        // The same words with 24 bytes after them and at the very end.
        let padding = " and then some more words to pad";
        for w in [
            "Said",
            "SPOKESWOMAN",
            "Gen.",
            "officials",
            "caf\u{e9}",
            "2020",
            "president-elect",
            "counterintelligence",
            "x",
            ".",
        ] {
            let far = format!("{w}{padding}");
            let a = lookup_in(&far, 0, w.len());
            let b = lookup_in(w, 0, w.len());
            assert_eq!((a.class, a.cue), (b.class, b.cue), "{w}");
        }
        assert_eq!(lookup_in("the chairman said", 4, 12).class, lookup("chairman").class);
        assert!(lookup("chairman").class & class::ROLE != 0);
    }

    /// The lookup as first written: the word lowercased and packed byte by
    /// byte, with no filter in front of the probe.
    fn plain_lookup(word: &str) -> Entry {
        let w = if word.len() > 1 { word.strip_suffix('.').unwrap_or(word) } else { word };
        if w.is_empty() || w.len() > 24 || !w.is_ascii() {
            return Entry::default();
        }
        let k = pack(w.to_ascii_lowercase().as_bytes());
        if w.len() <= 8 { TABLE.get_short(k[0]) } else { TABLE.get_long(&k) }
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn lookup_in_is_the_plain_lookup(
            word in prop_oneof![
                "[a-zA-Z0-9.'\u{e9}\u{2019}-]{0,26}",
                prop::sample::select(vec![
                    "said", "Said.", "SAID", "told", "Gen.", "gen", "u.s.", "U.S.", "Mr.", "mr", "president-elect",
                    "counterintelligence", "spokeswoman", "SPOKESWOMAN", "the", "The", "officials", "according",
                    "two-thirds", "a", "I", ".", "..", "2020", "caf\u{e9}",
                ]).prop_map(str::to_string),
            ],
            before in "[a-z ]{0,3}",
            after in prop_oneof![Just(String::new()), "[a-z .]{1,30}"],
        ) {
            let text = format!("{before}{word}{after}");
            let got = lookup_in(&text, before.len(), before.len() + word.len());
            let want = plain_lookup(&word);
            prop_assert_eq!((got.class, got.cue), (want.class, want.cue), "{:?} in {:?}", word, text);
        }
    }
}
