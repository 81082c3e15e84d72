//! Measures building the name matcher (`Linker::new`) for a ledger of many
//! entities: `cargo run --release --example linker_names -- 100000` makes a
//! ledger of that many companies ("Generated Company {i} Holdings Inc", as
//! the `ledger/names` bench does) and prints the best of three builds.
use figcheck::Ledger;
use figcheck::ledger::Aliases;
use figcheck::link::Linker;
use std::fmt::Write;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let mut csv = String::from("entity,metric,period,value,unit\n");
    for i in 0..n {
        let _ = writeln!(
            csv,
            "Generated Company {i} Holdings Inc,revenue,2024-12-31,{},USD",
            i + 1
        );
    }
    let ledger = Ledger::from_csv(&csv, "entities.csv").expect("the generated ledger loads");
    let aliases = Aliases::default();
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let best = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let linker = Linker::new(&ledger, &aliases);
            let took = t.elapsed();
            drop(linker);
            took
        })
        .min()
        .expect("at least one run");
    println!("{n} entities: Linker::new best of {runs}: {best:.3?}");
}
