//! Corpus mode: throughput (MB/s, documents/s) of `figcheck check --input
//! jsonl` with 1 and 2 threads, and its peak memory, on a JSON Lines corpus
//! of at least 200 MB generated on the fly into `target/corpus-bench/`.
//!
//! A plain `harness = false` program (the work is a child process, which
//! criterion's in-process sampling does not fit): `cargo bench --bench
//! corpus`. Each run is timed with a monotonic clock; peak memory is the
//! child's "Maximum resident set size" as reported by GNU time
//! (`/usr/bin/time -v`, Debian package `time`). The same settings run on a
//! corpus a tenth the size, to show that memory does not grow with the
//! corpus. `cargo bench --bench corpus -- --test` is a quick smoke run on 2
//! MB; `FIGCHECK_CORPUS_MB=N` sets another size, `FIGCHECK_CORPUS_RUNS=N`
//! the runs per setting (best time and highest memory are reported).
//!
//! Documents are 3 to 8 paragraphs drawn with a fixed-seed PRNG from the
//! seed articles in `data/corpus/` (Chinese, traditional Chinese, English
//! and mixed news), each with an id (a number or a string) and an article
//! date; they are checked against the sample ledger, aliases and FX rates
//! of `data/`. Output goes to `/dev/null` through `-o`, so rendering and
//! writing the JSON reports are part of the work.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEEDS: &[&str] = &[
    include_str!("../data/corpus/stargate-zh.txt"),
    include_str!("../data/corpus/hsbc-h1-2023-zh.txt"),
    include_str!("../data/corpus/toyota-fy2006-zh.txt"),
    include_str!("../data/corpus/xiaomi-2024-results-zh-hant.txt"),
    include_str!("../data/corpus/apple-fy17-q3-en.txt"),
    include_str!("../data/corpus/alibaba-q1-fy2022-en.txt"),
    include_str!("../data/corpus/meta-q2-2024-mixed.txt"),
];

const BIN: &str = env!("CARGO_BIN_EXE_figcheck");
const TIME: &str = "/usr/bin/time";

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

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The non-empty lines of the seed articles, without their `# source:` line.
fn paragraphs() -> Vec<&'static str> {
    SEEDS
        .iter()
        .flat_map(|a| a.lines())
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# source:"))
        .collect()
}

/// Writes a corpus of at least `target` bytes to `path` (unless one of that
/// size is already there). Returns its size and number of documents.
fn generate(path: &Path, target: u64) -> (u64, u64) {
    let count = path.with_extension("count");
    if let (Ok(meta), Ok(n)) = (std::fs::metadata(path), std::fs::read_to_string(&count))
        && meta.len() >= target
        && let Ok(n) = n.trim().parse()
    {
        return (meta.len(), n);
    }
    let paras = paragraphs();
    let mut rng = SplitMix(0x5EED_C0DE);
    let mut out = BufWriter::new(File::create(path).expect("create the corpus file"));
    let (mut bytes, mut docs) = (0u64, 0u64);
    while bytes < target {
        let n = 3 + rng.below(6);
        let text: Vec<&str> = (0..n).map(|_| paras[rng.below(paras.len())]).collect();
        let id = if docs % 3 == 0 {
            serde_json::json!(docs)
        } else {
            serde_json::json!(format!("article-{docs}"))
        };
        let doc = serde_json::json!({
            "id": id,
            "text": text.join("\n\n"),
            "date": format!("2025-01-{:02}", 1 + rng.below(28)),
        });
        let mut line = serde_json::to_vec(&doc).expect("JSON of plain values");
        line.push(b'\n');
        out.write_all(&line).expect("write the corpus");
        bytes += line.len() as u64;
        docs += 1;
    }
    out.flush().expect("write the corpus");
    std::fs::write(&count, docs.to_string()).expect("write the document count");
    (bytes, docs)
}

/// One run of `figcheck check` over `corpus` with `jobs` threads.
struct Run {
    wall: Duration,
    /// Peak resident set size in KiB, when GNU time is there.
    max_rss_kib: Option<u64>,
}

fn check_args(corpus: &Path, jobs: usize) -> Vec<String> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut args: Vec<String> = vec!["check".into(), "--input".into(), "jsonl".into()];
    args.push(corpus.display().to_string());
    for (flag, file) in [
        ("--ledger", "ledger.csv"),
        ("--aliases", "aliases.csv"),
        ("--fx", "fx.csv"),
    ] {
        args.push(flag.into());
        args.push(data.join(file).display().to_string());
    }
    args.extend([
        "-j".into(),
        jobs.to_string(),
        "--summary".into(),
        "never".into(),
    ]);
    args
}

fn run(corpus: &Path, jobs: usize) -> Run {
    let mut args = check_args(corpus, jobs);
    args.extend(["-o".into(), "/dev/null".into()]);
    let timed = Path::new(TIME).exists();
    let mut command = if timed {
        let mut c = Command::new(TIME);
        c.arg("-v").arg(BIN);
        c
    } else {
        Command::new(BIN)
    };
    command
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let out = command.output().expect("run figcheck");
    let wall = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 0: all consistent, 1: some claim contradicted; 2 would be an error.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "figcheck failed: {stderr}"
    );
    let max_rss_kib = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok());
    Run { wall, max_rss_kib }
}

/// Checks the result once: one JSON line per document, in order, no error.
fn verify(corpus: &Path, docs: u64) {
    let out = Command::new(BIN)
        .args(check_args(corpus, 2))
        .stderr(Stdio::piped())
        .output()
        .expect("run figcheck");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut n = 0u64;
    let mut claims = 0usize;
    for line in out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let v: serde_json::Value = serde_json::from_slice(line).expect("a JSON line");
        let expected = if n % 3 == 0 {
            serde_json::json!(n)
        } else {
            serde_json::json!(format!("article-{n}"))
        };
        assert_eq!(v["id"], expected, "documents in input order");
        claims += v["claims"].as_array().map_or(0, Vec::len);
        n += 1;
    }
    assert_eq!(n, docs, "one line per document");
    eprintln!("checked once: {docs} documents, {claims} claims, in order");
}

/// `n / d` with `places` decimals, integer arithmetic, rounded half up.
fn ratio(n: u128, d: u128, places: u32) -> String {
    let scale = 10u128.pow(places);
    let v = (n * scale + d / 2) / d.max(1);
    if places == 0 {
        return v.to_string();
    }
    format!(
        "{}.{:0width$}",
        v / scale,
        v % scale,
        width = places as usize
    )
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let mb = env("FIGCHECK_CORPUS_MB").unwrap_or(if quick { 2 } else { 210 });
    let runs = env("FIGCHECK_CORPUS_RUNS").unwrap_or(if quick { 1 } else { 2 });
    let dir: PathBuf = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
            PathBuf::from,
        )
        .join("corpus-bench");
    std::fs::create_dir_all(&dir).expect("create target/corpus-bench");
    let big = dir.join(format!("corpus-{mb}mb.jsonl"));
    let small = dir.join(format!("corpus-{}mb.jsonl", (mb / 10).max(1)));
    let (big_bytes, big_docs) = generate(&big, mb * 1_000_000);
    let (small_bytes, small_docs) = generate(&small, (mb / 10).max(1) * 1_000_000);
    eprintln!(
        "corpus: {} ({big_bytes} bytes, {big_docs} documents); {} ({small_bytes} bytes, {small_docs} documents)",
        big.display(),
        small.display()
    );
    if !Path::new(TIME).exists() {
        eprintln!("{TIME} not found (Debian package `time`): peak memory not measured");
    }
    verify(&small, small_docs);

    println!("| corpus | threads | seconds | MB/s | documents/s | max RSS |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let mut best = Vec::new();
    for (corpus, bytes, docs, jobs) in [
        (&big, big_bytes, big_docs, 1),
        (&big, big_bytes, big_docs, 2),
        (&small, small_bytes, small_docs, 2),
    ] {
        let results: Vec<Run> = (0..runs).map(|_| run(corpus, jobs)).collect();
        let wall = results.iter().map(|r| r.wall).min().unwrap_or_default();
        let rss = results.iter().filter_map(|r| r.max_rss_kib).max();
        let micros = wall.as_micros().max(1);
        println!(
            "| {} MB | {jobs} | {} | {} | {} | {} |",
            ratio(bytes as u128, 1_000_000, 0),
            ratio(micros, 1_000_000, 2),
            ratio(bytes as u128, micros, 1),
            ratio(docs as u128 * 1_000_000, micros, 0),
            rss.map_or_else(
                || "n/a".to_string(),
                |k| format!("{} MB", ratio(k as u128 * 1024, 1_000_000, 1))
            ),
        );
        best.push(micros);
    }
    println!(
        "\nspeedup, 2 threads over 1: {}x",
        ratio(best[0], best[1], 2)
    );
}
