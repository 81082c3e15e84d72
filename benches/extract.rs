//! Extraction throughput on a large synthetic news corpus.
//!
//! The corpus is built in memory at startup from the seed articles in
//! `data/corpus/` (compiled in with `include_str!`, so the bench does not
//! depend on the working directory): their paragraphs are shuffled with a
//! fixed-seed PRNG and concatenated, deck after deck, until the target size is
//! reached. Groups (see `benches/README.md`):
//!
//! - `extract/zh`: paragraphs of the Chinese articles that contain Chinese;
//! - `extract/en`: paragraphs of the English articles;
//! - `extract/mixed`: paragraphs of all seed articles;
//! - `extract/baseline_digit_scan`: counts ASCII digit runs in the mixed
//!   corpus, a lower bound on the cost of looking at every byte.

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use figcheck::Extractor;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Size every corpus is grown to (bytes).
const TARGET: usize = 10 * 1024 * 1024;

/// Seed articles written in Chinese (simplified or traditional).
const ZH: &[&str] = &[
    include_str!("../data/corpus/stargate-zh.txt"),
    include_str!("../data/corpus/hsbc-h1-2023-zh.txt"),
    include_str!("../data/corpus/toyota-fy2006-zh.txt"),
    include_str!("../data/corpus/xiaomi-2024-results-zh-hant.txt"),
];

/// Seed articles written in English.
const EN: &[&str] = &[
    include_str!("../data/corpus/apple-fy17-q3-en.txt"),
    include_str!("../data/corpus/alibaba-q1-fy2022-en.txt"),
];

/// Seed articles mixing Chinese text with English figures.
const MIXED: &[&str] = &[include_str!("../data/corpus/meta-q2-2024-mixed.txt")];

/// The non-empty lines of the articles, without their `# source:` line.
fn paragraphs<'a>(articles: &[&'a str]) -> Vec<&'a str> {
    articles
        .iter()
        .flat_map(|a| a.lines())
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# source:"))
        .collect()
}

/// splitmix64: a small, deterministic PRNG (no `rand` dependency).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-enough index below `n` (n is tiny, so modulo bias is negligible).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Concatenates shuffled decks of `paras`, blank-line separated, until the
/// text holds at least `target` bytes.
fn corpus(paras: &[&str], target: usize, seed: u64) -> String {
    assert!(!paras.is_empty(), "a corpus needs at least one paragraph");
    let mut rng = SplitMix(seed);
    let mut deck: Vec<&str> = paras.to_vec();
    let mut out = String::with_capacity(target + 8 * 1024);
    while out.len() < target {
        // Fisher-Yates shuffle, one full deck at a time, so every paragraph
        // appears equally often.
        for i in (1..deck.len()).rev() {
            deck.swap(i, rng.below(i + 1));
        }
        for p in &deck {
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    out
}

/// Number of runs of ASCII digits: the baseline byte scan.
fn digit_runs(text: &str) -> usize {
    let mut runs = 0;
    let mut in_run = false;
    for &b in text.as_bytes() {
        let d = b.is_ascii_digit();
        runs += usize::from(d && !in_run);
        in_run = d;
    }
    runs
}

/// Extracts once before timing: every item is `Ok`, and the claim count is
/// close to the sum of the claims of the corpus's paragraphs taken one by one.
fn check(name: &str, paras: &[&str], text: &str) {
    let ex = Extractor::new();
    let t = Instant::now();
    let mut claims = 0usize;
    for item in ex.claims(text) {
        if let Err(e) = item {
            panic!("{name}: extraction error on the bench corpus: {e}");
        }
        claims += 1;
    }
    let took = t.elapsed();
    let per_para: usize = paras.iter().map(|p| ex.claims(p).count()).sum();
    let decks = text.len() / paras.iter().map(|p| p.len() + 2).sum::<usize>();
    let expected = per_para * decks;
    assert!(claims > 0, "{name}: no claims found in the bench corpus");
    assert!(
        claims * 2 >= expected && claims <= expected * 2,
        "{name}: implausible claim count {claims}, expected about {expected} \
         ({per_para} per deck of {} paragraphs, {decks} decks)",
        paras.len()
    );
    eprintln!(
        "{name}: {} bytes, {} paragraphs/deck, {decks} decks, {claims} claims \
         (~{expected} expected), first pass {:.2?}",
        text.len(),
        paras.len(),
        took
    );
}

/// Whether `s` holds a CJK ideograph (basic block or extension A).
fn has_han(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}

fn extract(c: &mut Criterion) {
    // Chinese paragraphs only: the Chinese articles less the lines of page
    // furniture without any Chinese ("qrCode", "• English", ...).
    let zh_paras: Vec<&str> = paragraphs(ZH).into_iter().filter(|p| has_han(p)).collect();
    let en_paras: Vec<&str> = paragraphs(EN).into_iter().filter(|p| !has_han(p)).collect();
    let all_paras = paragraphs(&[ZH, EN, MIXED].concat());

    let zh = corpus(&zh_paras, TARGET, 1);
    let en = corpus(&en_paras, TARGET, 2);
    let mixed = corpus(&all_paras, TARGET, 3);

    check("extract/zh", &zh_paras, &zh);
    check("extract/en", &en_paras, &en);
    check("extract/mixed", &all_paras, &mixed);
    let runs = digit_runs(&mixed);
    assert!(runs > 0, "the mixed corpus has no ASCII digits");
    eprintln!("extract/baseline_digit_scan: {runs} digit runs");

    // Each extraction pass takes a few hundred ms: flat sampling with 10
    // samples keeps `cargo bench --bench extract` near a minute and a half.
    let mut group = c.benchmark_group("extract");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(15));
    for (name, text) in [("zh", &zh), ("en", &en), ("mixed", &mixed)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| Extractor::new().claims(black_box(text.as_str())).count())
        });
    }
    group.throughput(Throughput::Bytes(mixed.len() as u64));
    group.bench_function("baseline_digit_scan", |b| {
        b.iter(|| digit_runs(black_box(mixed.as_str())))
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
