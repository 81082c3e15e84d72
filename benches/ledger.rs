//! Loading ledgers: a companyfacts file of about 4 MB (the size of NVIDIA's
//! or Apple's complete file), and the same figures as the ledger CSV that
//! `figcheck ledger import` writes.
//!
//! The companyfacts text is generated at startup, in the shape of SEC's
//! files (one line, 40 concepts of the metric table and 600 of other names,
//! each with 20 years of quarters, halves, nine months and years in USD,
//! every fact filed in its own 10-Q/10-K and again as a comparative a year
//! later, some of them restated), so the bench needs no data from outside
//! the repository. Groups (see `benches/README.md`):
//!
//! - `ledger/load/companyfacts`: `Ledger::from_companyfacts_partial`: parse,
//!   merge repeats into versions, derive fourth quarters, fiscal calendar;
//! - `ledger/load/csv`: `Ledger::from_csv_partial` on its import;
//! - `ledger/names/{10000,100000}`: `Linker::new` (the name matcher) for a
//!   ledger of that many entities (linear: the larger takes about ten times
//!   as long);
//! - `ledger/index/directory`: a directory of 10,000 companyfacts files
//!   (generated once into `target/ledger-bench/`) indexed by name, reading
//!   only the head of each file; `ledger/index/check`: the same, then the
//!   checker built and one article naming three of the companies checked,
//!   which reads those three files and no other.

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use figcheck::ledger::Aliases;
use figcheck::ledger::LedgerBuilder;
use figcheck::link::Linker;
use figcheck::{Checker, Extractor, FxRates, Ledger, Policy};
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

/// Concepts the metric table names (so they map to metrics).
const KNOWN: &[&str] = &[
    "Revenues",
    "CostOfRevenue",
    "GrossProfit",
    "OperatingExpenses",
    "ResearchAndDevelopmentExpense",
    "OperatingIncomeLoss",
    "NetIncomeLoss",
    "IncomeTaxExpenseBenefit",
    "NetCashProvidedByUsedInOperatingActivities",
    "PaymentsToAcquireProductiveAssets",
];

/// A date `days` after 2005-01-31 (a January fiscal year end), as text.
fn date(days: i64) -> String {
    // civil from days (Howard Hinnant), from 1970-01-01
    let z = days + 12_814 + 719_468; // 2005-01-31 is day 12,814 of the epoch
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// One fact's JSON.
fn fact(out: &mut String, start: i64, end: i64, val: u64, accn: u32, form: &str, filed: i64) {
    let _ = write!(
        out,
        "{{\"start\":\"{}\",\"end\":\"{}\",\"val\":{val},\"accn\":\"0001045810-{:02}-{:06}\",\"fy\":2020,\"fp\":\"FY\",\"form\":\"{form}\",\"filed\":\"{}\"}},",
        date(start),
        date(end),
        (filed / 365 + 5) % 100,
        accn,
        date(filed)
    );
}

/// A companyfacts text of `concepts` concepts × 20 years.
fn companyfacts(concepts: usize) -> String {
    filer(1045810, "GENERATED CORP", concepts, 20)
}

/// The companyfacts text of one filer: `concepts` concepts × `years` years.
fn filer(cik: u64, name: &str, concepts: usize, years: i64) -> String {
    let mut out = format!("{{\"cik\":{cik},\"entityName\":\"{name}\",\"facts\":{{\"us-gaap\":{{");
    for c in 0..concepts {
        let name = match KNOWN.get(c) {
            Some(n) => n.to_string(),
            None => format!("GeneratedConcept{c}"),
        };
        let _ = write!(
            out,
            "\"{name}\":{{\"label\":\"{name}\",\"description\":\"A generated concept.\",\"units\":{{\"USD\":["
        );
        for year in 0..years {
            let y0 = year * 364 + 1;
            let base = 1_000_000_000 + (c as u64) * 7_000_000 + (year as u64) * 13_000_000;
            for q in 1..=4i64 {
                let end = y0 + q * 91 - 1;
                let filed = end + 30;
                let form = if q == 4 { "10-K" } else { "10-Q" };
                let accn = (year * 4 + q) as u32;
                // the quarter (not in a 10-K: the fourth is derived), and the
                // year to date
                if q < 4 {
                    fact(&mut out, end - 90, end, base + q as u64, accn, form, filed);
                }
                if q > 1 {
                    fact(&mut out, y0, end, base * q as u64, accn, form, filed);
                }
                // repeated a year later as a comparative; every seventh restated
                let val = if (c + year as usize + q as usize) % 7 == 0 {
                    base + 99
                } else {
                    base + q as u64
                };
                let (s, e) = if q < 4 { (end - 90, end) } else { (y0, end) };
                fact(&mut out, s, e, val, accn + 4, form, filed + 364);
            }
        }
        out.pop(); // the last comma
        out.push_str("]}},");
    }
    out.pop();
    out.push_str("}}}");
    out
}

fn bench(c: &mut Criterion) {
    // grow to about 4 MB
    let mut n = 100;
    let mut json = companyfacts(n);
    while json.len() < 4_000_000 {
        n += 20;
        json = companyfacts(n);
    }
    let (ledger, errors) =
        Ledger::from_companyfacts_partial(&json, "generated.json").expect("companyfacts");
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
    let stats = &ledger.imports()[0];
    assert_eq!(stats.facts, stats.used);
    assert!(stats.derived > 0);
    let mut csv = Vec::new();
    ledger.write_csv(&mut csv).expect("writes");
    let csv = String::from_utf8(csv).expect("UTF-8");
    let from_csv = Ledger::from_csv(&csv, "generated.csv").expect("the import loads");
    assert_eq!(from_csv.rows().len(), ledger.rows().len());
    eprintln!(
        "companyfacts: {} bytes, {n} concepts, {} facts, {} rows ({} derived); its CSV: {} bytes",
        json.len(),
        stats.facts,
        ledger.rows().len(),
        stats.derived,
        csv.len()
    );
    let mut g = c.benchmark_group("ledger/load");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.bench_function("companyfacts", |b| {
        b.iter(|| {
            Ledger::from_companyfacts_partial(black_box(&json), "generated.json")
                .map(|l| l.0.rows().len())
        })
    });
    g.throughput(Throughput::Bytes(csv.len() as u64));
    g.bench_function("csv", |b| {
        b.iter(|| {
            Ledger::from_csv_partial(black_box(&csv), "generated.csv").map(|l| l.0.rows().len())
        })
    });
    g.finish();
    let mut g = c.benchmark_group("ledger/names");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    for n in [10_000usize, 100_000] {
        let mut csv = String::from("entity,metric,period,value,unit\n");
        for i in 0..n {
            let _ = writeln!(
                csv,
                "Generated Company {i} Holdings Inc,revenue,2024-12-31,{},USD",
                i + 1
            );
        }
        let ledger = Ledger::from_csv(&csv, "entities.csv").expect("loads");
        assert_eq!(ledger.entities().len(), n);
        let aliases = Aliases::default();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(n.to_string(), |b| {
            b.iter(|| Linker::new(black_box(&ledger), &aliases))
        });
    }
    g.finish();
}

/// A directory of `n` companyfacts files (3 concepts × 4 years, about 11
/// KB each), generated once and kept; filer `i` is "Generated Company {i}
/// Holdings Inc" with CIK `i + 1`.
fn directory(n: usize) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/ledger-bench")
        .join(format!("companyfacts-{n}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the bench directory");
        for i in 0..n {
            let text = filer(
                i as u64 + 1,
                &format!("Generated Company {i} Holdings Inc"),
                3,
                4,
            );
            std::fs::write(dir.join(format!("CIK{:010}.json", i + 1)), text)
                .expect("write a companyfacts file");
        }
        std::fs::write(&done, "").expect("mark the directory complete");
    }
    dir
}

fn index(dir: &std::path::Path) -> Ledger {
    let mut b = LedgerBuilder::new();
    let errors = b.add_directory(dir).expect("the directory is read");
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
    b.build().0
}

fn bench_index(c: &mut Criterion) {
    const N: usize = 10_000;
    let dir = directory(N);
    let bytes: u64 = std::fs::read_dir(&dir)
        .expect("the bench directory")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    let article = "Generated Company 17 Holdings Inc's fiscal 2008 revenue was $4.2 billion. \
        Generated Company 4242 Holdings Inc's revenue was $1.9 billion. \
        Generated Company 9999 Holdings Inc's revenue was $3.1 billion.";
    let check = |ledger: Ledger| {
        let checker = Checker::new(
            Extractor::new(),
            ledger,
            Aliases::default(),
            FxRates::default(),
            Policy::default(),
        );
        let report = checker.check("a", article, "2009-06-01".parse().ok());
        (report, checker.ledger().filers())
    };
    let ledger = index(&dir);
    assert_eq!(ledger.filers(), (N, 0));
    let (report, filers) = check(ledger);
    assert_eq!(filers, (N, 3), "only the companies named are read");
    assert_eq!(report.claims.len(), 3);
    for c in &report.claims {
        assert!(c.entity.is_some() && c.metric.is_some(), "{}", c.reason);
    }
    eprintln!(
        "index: {N} companyfacts files, {bytes} bytes, in {}",
        dir.display()
    );
    let mut g = c.benchmark_group("ledger/index");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("directory", |b| b.iter(|| index(black_box(&dir)).filers()));
    g.bench_function("check", |b| b.iter(|| check(index(black_box(&dir))).1));
    g.finish();
}

criterion_group!(benches, bench, bench_index);
criterion_main!(benches);
