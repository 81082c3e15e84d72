//! The ledger CSV loader (keeping good rows) on arbitrary bytes; see `table.rs`.
#![no_main]

#[path = "table.rs"]
mod table;

use figcheck::Ledger;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    table::fuzz(
        data,
        "ledger.csv",
        Ledger::from_csv_partial,
        Ledger::warnings,
    );
});
