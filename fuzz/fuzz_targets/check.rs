//! The whole check (extract, link, verify, render) of arbitrary text against
//! the sample ledger, aliases and FX rates: no panic, every claim reported.
#![no_main]

use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let ledger = Ledger::from_csv(include_str!("../../data/ledger.csv"), "ledger.csv")
            .expect("the sample ledger loads");
        let aliases = Aliases::from_csv(include_str!("../../data/aliases.csv"), "aliases.csv")
            .expect("the sample aliases load");
        let fx = FxRates::from_csv(include_str!("../../data/fx.csv"), "fx.csv")
            .expect("the sample rates load");
        Checker::new(Extractor::new(), ledger, aliases, fx, Policy::default())
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let checker = checker();
    let report = checker.check("fuzz", &text, None);
    // every claim the extractor finds is in the report, as a verdict or an error
    let found = Extractor::new().claims(&text).count();
    assert_eq!(report.claims.len() + report.errors.len(), found);
    let s = &report.summary;
    assert_eq!(
        s.consistent + s.contradicted + s.unverifiable,
        report.claims.len()
    );
    let mut out = Vec::new();
    let options = figcheck::report::text::Options {
        label: "fuzz",
        text: &text,
        color: false,
    };
    figcheck::report::text::write(&report, &options, &mut out).expect("text report");
    figcheck::report::markdown::write(&report, &mut out).expect("markdown report");
    serde_json::to_vec(&report).expect("json report");
});
