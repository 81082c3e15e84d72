//! Loads companyfacts files and prints what each gave and how long it took:
//! `cargo run --release --example companyfacts_load -- FILE...` (used to
//! measure the import; the closing notes quote it).

use figcheck::Ledger;
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        // the best of five loads
        let mut best = f64::MAX;
        let mut result = None;
        for _ in 0..5 {
            let t = Instant::now();
            let r = Ledger::from_companyfacts_partial(&text, &path);
            best = best.min(t.elapsed().as_secs_f64());
            result = Some(r);
        }
        match result {
            Some(Ok((ledger, errors))) => {
                let s = &ledger.imports()[0];
                let skipped: Vec<String> =
                    s.skipped.iter().map(|(w, n)| format!("{w} {n}")).collect();
                println!(
                    "{path}\t{} bytes\t{} facts\t{} used\t{} skipped ({})\t{} rows\t{} derived\t{} errors\t{:.1} ms",
                    bytes.len(),
                    s.facts,
                    s.used,
                    s.skipped_total(),
                    skipped.join(", "),
                    ledger.rows().len(),
                    s.derived,
                    errors.len(),
                    best * 1000.0
                );
            }
            Some(Err(e)) => println!("{path}\tnot usable: {}", e[0]),
            None => {}
        }
    }
}
