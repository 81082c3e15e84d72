//! Measures loading a large ledger: `cargo run --release --example
//! ledger_load -- 1000000` generates that many rows (50 metrics per entity,
//! quoted values with thousands separators, a source and a note), or
//! `-- path/to/ledger.csv` loads a file. Prints rows, bytes, seconds and the
//! peak resident memory of the process.
use figcheck::Ledger;
use std::time::Instant;

fn generated(n: usize) -> String {
    let mut s = String::with_capacity(n * 100);
    s.push_str("entity,metric,period,value,unit,scale,source,note\n");
    for i in 0..n {
        let (e, m) = (i / 50, i % 50);
        s.push_str(&format!(
            "Entity {e},metric {m},2024-{:02}-28,\"{},{:03}.5\",USD,million,https://example.com/{e}/{m},\"note, {i}\"\n",
            m % 12 + 1,
            i % 999 + 1,
            i % 1000
        ));
    }
    s
}

/// Peak resident memory (VmHWM) in MiB, on Linux.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "1000000".into());
    let (text, name) = match arg.parse::<usize>() {
        Ok(n) => (generated(n), format!("{n} generated rows")),
        Err(_) => (
            std::fs::read_to_string(&arg).expect("a readable UTF-8 file"),
            arg,
        ),
    };
    let before = peak_mib();
    let t = Instant::now();
    match Ledger::from_csv_partial(&text, &name) {
        Ok((ledger, errors)) => println!(
            "{name}: {} bytes, {} rows loaded, {} errors in {:.2} s; peak RSS {:.0} MiB (text alone {:.0} MiB)",
            text.len(),
            ledger.rows().len(),
            errors.len(),
            t.elapsed().as_secs_f64(),
            peak_mib().unwrap_or(f64::NAN),
            before.unwrap_or(f64::NAN),
        ),
        Err(errors) => println!("{name}: refused: {}", errors[0]),
    }
}
