//! Runs a check on the sample data: `cargo run --example check`.
use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy};
use std::path::Path;
fn main() {
    let ledger = Ledger::load(Path::new("data/ledger.csv")).expect("ledger");
    let aliases = Aliases::load(Path::new("data/aliases.csv")).expect("aliases");
    let fx = FxRates::load(Path::new("data/fx.csv")).expect("fx");
    let path = std::env::args()
        .nth(1)
        .unwrap_or("data/stargate-zh.txt".into());
    let text = std::fs::read_to_string(&path).expect("article");
    let checker = Checker::new(Extractor::new(), ledger, aliases, fx, Policy::default());
    let report = checker.check(path.as_str(), &text, None);
    figcheck::report::text::write(
        &report,
        &figcheck::report::text::Options {
            label: &path,
            text: &text,
            color: false,
        },
        &mut std::io::stdout(),
    )
    .expect("write");
}
