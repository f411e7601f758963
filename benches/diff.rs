//! Benchmark of the claim diff engine alone (no extraction): two generated
//! revisions of about 1,500 words (~80 statements, one per sentence) with a
//! handful of edits, diffed many times. Prints the mean and p99 per diff;
//! the target is at most 1 ms.
//!
//! Run: `cargo bench --bench diff` (optionally `-- N` iterations).

/// The allocator the `claimtrail` binary runs with (`src/main.rs`): what is
/// timed here is what a user's command does, malloc included.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

use claimtrail::diff::diff_statements;
use claimtrail::extract::normalize::content_hash;
use claimtrail::extract::{Attribution, SpeakerKind, SpeakerRef, Statement};

mod corpus;

use corpus::{OBJECTS, Rng, SUBJECTS, VERBS, WHEN};

const NAMES: &[&str] = &["Marta Quinlan", "Oskar Feld", "Ilse Varga", "Nadia Okafor"];

fn speaker(name: &str) -> SpeakerRef {
    SpeakerRef {
        id: name.to_lowercase().replace(' ', "-"),
        name: name.to_string(),
        mention: name.to_string(),
        kind: SpeakerKind::Person,
        anonymous: false,
        role: None,
    }
}

fn statement(content: String, who: Option<&str>, attribution: Attribution) -> Statement {
    Statement {
        index: 0,
        paragraph: 0,
        text: content.clone(),
        hash: content_hash(&content),
        content,
        attribution,
        cue: who.map(|_| "said".to_string()),
        speaker: who.map(speaker),
        co_speakers: Vec::new(),
        span: (0, 0),
    }
}

fn revision(n: usize) -> Vec<Statement> {
    // The store benchmarks' word lists and generator (one of each).
    let mut g = Rng::new(42);
    (0..n)
        .map(|i| {
            let content = format!(
                "{} {} {} {} and {} {} {}",
                g.pick(SUBJECTS),
                g.pick(VERBS),
                g.pick(OBJECTS),
                g.pick(WHEN),
                g.pick(SUBJECTS),
                g.pick(VERBS),
                g.pick(OBJECTS),
            );
            match i % 4 {
                0 => statement(content, None, Attribution::Unattributed),
                1 => statement(format!("\"{content}\""), Some(g.pick(NAMES)), Attribution::Direct),
                _ => statement(content, Some(g.pick(NAMES)), Attribution::Indirect),
            }
        })
        .collect()
}

fn edited(old: &[Statement]) -> Vec<Statement> {
    let mut new: Vec<Statement> = old.to_vec();
    let reword = |s: &mut Statement, from: &str, to: &str| {
        s.content = s.content.replacen(from, to, 1);
        s.hash = content_hash(&s.content);
    };
    reword(&mut new[3], " and ", " and later ");
    reword(&mut new[9], "\"", "\"Frankly, ");
    reword(&mut new[22], " the ", " a ");
    new[30].speaker = Some(speaker("Pavel Brandt"));
    new[41].content.push_str(" on Friday");
    new[41].hash = content_hash(&new[41].content);
    new.remove(50);
    let moved = new.remove(60);
    new.insert(65, moved);
    new.insert(
        70,
        statement("the harbour will reopen on Monday morning".to_string(), Some("Ilse Varga"), Attribution::Indirect),
    );
    for (i, s) in new.iter_mut().enumerate() {
        s.index = i;
    }
    new
}

fn time(label: &str, old: &[Statement], new: &[Statement], iters: usize) {
    for _ in 0..iters / 10 {
        black_box(diff_statements(black_box(old), black_box(new)));
    }
    let mut times: Vec<Duration> = Vec::with_capacity(iters);
    for _ in 0..iters {
        let t = Instant::now();
        black_box(diff_statements(black_box(old), black_box(new)));
        times.push(t.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / iters as u32;
    let p99 = times[(iters * 99 / 100).min(iters - 1)];
    println!(
        "{label}: {iters} iterations, mean {:.1} µs, p99 {:.1} µs",
        mean.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6
    );
}

fn main() {
    let iters: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(2000);
    let old = revision(80);
    let new = edited(&old);
    let words: usize = old.iter().map(|s| s.content.split_whitespace().count()).sum();

    let d = diff_statements(&old, &new);
    let s = &d.summary;
    println!(
        "diff: {} → {} statements, {words} words; {} added, {} removed, {} reworded, {} quote changed, {} reattributed, {} moved, {} unchanged",
        old.len(),
        new.len(),
        s.added,
        s.removed,
        s.reworded,
        s.quote_changed,
        s.reattributed,
        s.moved,
        s.unchanged
    );

    time("diff_statements, a handful of edits (target ≤ 1000 µs)", &old, &new, iters);
    // The worst case for pairing: nothing in common by hash, every pair a
    // similarity candidate.
    let mut g = Rng::new(7);
    let mut other = revision(80);
    for s in &mut other {
        s.content = format!("{} {}", g.pick(WHEN), s.content);
        s.hash = content_hash(&s.content);
    }
    time("diff_statements, every statement edited", &old, &other, iters / 10);
}
