//! The aliases CSV loader (keeping good rows) on arbitrary bytes; see `table.rs`.
#![no_main]

#[path = "table.rs"]
mod table;

use figcheck::Aliases;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    table::fuzz(
        data,
        "aliases.csv",
        Aliases::from_csv_partial,
        Aliases::warnings,
    );
});
