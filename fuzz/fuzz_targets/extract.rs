//! The extractor on arbitrary bytes (read as UTF-8, lossily): it must not
//! panic, and every claim it yields must satisfy the span invariants.
#![no_main]

use figcheck::{Currency, Extractor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the extractor: plain, or with a currency hint.
    let (extractor, rest) = match data.split_first() {
        Some((b, rest)) if b & 1 == 1 => (
            Extractor::builder().currency_hint(Currency::CNY).build(),
            rest,
        ),
        _ => (Extractor::new(), data),
    };
    let text = String::from_utf8_lossy(rest);
    let mut last_end = 0;
    for item in extractor.claims(&text) {
        let Ok(claim) = item else {
            // an overflow diagnostic: reported, the rest still extracts
            continue;
        };
        let span = claim.span();
        assert!(span.start() < span.end(), "empty span {span:?}");
        assert!(span.end() <= text.len(), "span {span:?} past the end");
        assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
        assert!(span.start() >= last_end, "claims overlap or go backwards");
        last_end = span.end();
        let amount = claim.amount();
        let _ = amount.rounding_unit();
        let _ = format!("{amount:?}");
        assert!(!claim.text(&text).is_empty());
    }
});
