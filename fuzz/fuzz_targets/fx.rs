//! The FX rates CSV loader (keeping good rows) on arbitrary bytes; see `table.rs`.
#![no_main]

#[path = "table.rs"]
mod table;

use figcheck::FxRates;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    table::fuzz(data, "fx.csv", FxRates::from_csv_partial, FxRates::warnings);
});
