//! A deterministic news corpus for the benchmarks: stories of 1–30
//! revisions, about 5 KB each, edited the way live stories are (sentences
//! added, removed, reworded; quotes reattributed). Everything comes from a
//! fixed seed, so every run measures the same text.

#![allow(dead_code)]

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }
    pub fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

pub const FIRST: &[&str] = &[
    "Maria", "James", "Aisha", "Tomas", "Li", "Priya", "Daniel", "Elena", "Samuel", "Fatima", "Oliver", "Grace",
    "Ivan", "Nadia", "Peter", "Rosa", "Kwame", "Hannah", "Yusuf", "Clara",
];
pub const LAST: &[&str] = &[
    "Alvarez",
    "Brennan",
    "Chowdhury",
    "Duarte",
    "Eklund",
    "Fischer",
    "Gallagher",
    "Haddad",
    "Ibarra",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rahman",
    "Santos",
    "Tanaka",
    "Ulrich",
    "Varga",
    "Whitaker",
    "Xu",
    "Yilmaz",
    "Zelenko",
    "Abbott",
    "Bianchi",
    "Castellano",
    "Delgado",
    "Esposito",
    "Fontaine",
    "Gruber",
    "Horvath",
    "Iqbal",
    "Jovanovic",
    "Keller",
    "Lombardi",
    "Mendez",
    "Novak",
    "Oyelaran",
    "Pereira",
    "Rossi",
    "Schmidt",
    "Torres",
    "Urquhart",
    "Vasquez",
    "Weber",
    "Young",
    "Zimmerman",
];
const TITLES: &[&str] = &["Mayor", "Senator", "Minister", "Police Chief", "Governor", "Judge", "Professor", "Dr."];
const ORGS: &[&str] = &[
    "the Interior Ministry",
    "the city council",
    "the Port Authority",
    "the Fire Department",
    "the health agency",
    "the transport union",
    "the electoral commission",
    "the central bank",
    "the water board",
    "the police",
];
pub const SUBJECTS: &[&str] = &[
    "the council",
    "the ferry operator",
    "residents",
    "the school district",
    "the harbour master",
    "the regional court",
    "volunteers",
    "the fire service",
    "the rail company",
    "investors",
    "the hospital",
    "farmers",
];
pub const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "announced",
    "questioned",
    "expanded",
    "reviewed",
    "criticised",
    "funded",
    "cancelled",
];
pub const OBJECTS: &[&str] = &[
    "the budget for the new bridge",
    "a plan to close the night ferry",
    "repairs to the old pier",
    "the contract for school meals",
    "a ban on heavy lorries in the centre",
    "the proposal to raise parking fees",
    "an inquiry into the flooding",
    "the merger of two clinics",
    "new rules for battery storage",
    "the timetable for the tram extension",
];
pub const WHEN: &[&str] =
    &["on Monday", "on Tuesday", "last week", "late on Friday", "this morning", "after a long debate"];
const QUOTES: &[&str] = &[
    "We will not accept a decision that leaves families without a safe way home",
    "The numbers simply do not add up and everyone in this room knows it",
    "This is the most serious incident we have seen in a decade",
    "Our crews will stay on site until the last fire is out",
    "Nobody warned us that the deadline had been moved",
    "We have asked for the full report and we expect to see it this week",
];

/// One generated speaker: full name and title.
fn person(rng: &mut Rng) -> (String, &'static str) {
    (format!("{} {}", rng.pick(FIRST), rng.pick(LAST)), rng.pick(TITLES))
}

fn capitalised(s: String) -> String {
    let mut c = s;
    c[..1].make_ascii_uppercase();
    c
}

/// One sentence of a story, in one of the attribution shapes news uses.
pub fn sentence(rng: &mut Rng) -> String {
    // A number makes most sentences distinct, as real news sentences are.
    let clause = format!(
        "{} {} {} in district {} {}",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.below(5000),
        rng.pick(WHEN)
    );
    match rng.below(7) {
        0 | 1 => format!("{}.", capitalised(clause)),
        2 => {
            let (name, title) = person(rng);
            format!("\u{201c}{},\u{201d} {title} {name} said.", rng.pick(QUOTES))
        }
        3 => format!("{} said {clause}.", capitalised(rng.pick(ORGS).to_string())),
        4 => format!("{}, according to {}.", capitalised(clause), rng.pick(ORGS)),
        5 => format!("{}, an official said.", capitalised(clause)),
        _ => {
            let (name, title) = person(rng);
            format!("{title} {name} told reporters that {clause}.")
        }
    }
}

/// A story: its revisions' texts, each about `bytes` long.
pub fn story(rng: &mut Rng, revisions: usize, bytes: usize) -> Vec<String> {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut len = 0;
    while len < bytes {
        let p: Vec<String> = (0..1 + rng.below(3)).map(|_| sentence(rng)).collect();
        len += p.iter().map(|s| s.len() + 1).sum::<usize>() + 1;
        paragraphs.push(p);
    }
    let mut out = Vec::with_capacity(revisions);
    for r in 0..revisions {
        if r > 0 {
            // One to three small edits per update.
            for _ in 0..1 + rng.below(3) {
                let pi = rng.below(paragraphs.len());
                match rng.below(4) {
                    0 => paragraphs.insert(pi, vec![sentence(rng)]),
                    1 if paragraphs.len() > 3 => {
                        paragraphs.remove(pi);
                    }
                    2 => {
                        let si = rng.below(paragraphs[pi].len());
                        paragraphs[pi][si] = paragraphs[pi][si].replacen(" the ", " a ", 1);
                    }
                    _ => {
                        let si = rng.below(paragraphs[pi].len());
                        paragraphs[pi][si] = sentence(rng);
                    }
                }
            }
        }
        out.push(paragraphs.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n"));
    }
    out
}

/// Stories of 1–30 revisions of about 5 KB, until `total` revisions.
pub fn corpus(seed: u64, total: usize) -> Vec<(String, Vec<String>)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut n = 0;
    let mut i = 0;
    while n < total {
        let revs = (1 + rng.below(30)).min(total - n);
        let size = 4000 + rng.below(2000);
        out.push((format!("story-{i:05}"), story(&mut rng, revs, size)));
        n += revs;
        i += 1;
    }
    out
}

/// Write a corpus as an import directory: STORY/NN-TIME.txt.
pub fn write_archive(root: &std::path::Path, corpus: &[(String, Vec<String>)]) {
    let _ = std::fs::remove_dir_all(root);
    for (story, texts) in corpus {
        let d = root.join(story);
        std::fs::create_dir_all(&d).unwrap();
        for (i, t) in texts.iter().enumerate() {
            // One update an hour from 1 January: times always move forward.
            let name = format!("{:02}-2026-01-{:02}T{:02}00Z.txt", i + 1, 1 + i / 24, i % 24);
            std::fs::write(d.join(name), t).unwrap();
        }
    }
}
