//! The numeral parser and `Amount`'s `FromStr` on arbitrary strings.
#![no_main]

use figcheck::{Amount, parse_numeral};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(value) = parse_numeral(&text) {
        // a parsed value prints and parses back to itself
        let shown = value.to_string();
        assert_eq!(parse_numeral(&shown).ok(), Some(value), "{shown}");
    }
    if let Ok(amount) = text.parse::<Amount>() {
        let _ = format!("{amount:?}");
        let _ = amount.rounding_unit();
    }
});
