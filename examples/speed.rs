//! Times extraction over a file: `cargo run --release --example speed -- FILE [REPEAT]`.
use figcheck::Extractor;
use std::time::Instant;
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: speed FILE [REPEAT]");
    let reps: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let ex = Extractor::new();
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..reps {
        let t = Instant::now();
        n = ex.claims(std::hint::black_box(&text)).count();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} claims, {:.1} MB in {:.3}s best of {reps}: {:.0} MB/s",
        n,
        text.len() as f64 / 1e6,
        best,
        text.len() as f64 / 1e6 / best
    );
}
