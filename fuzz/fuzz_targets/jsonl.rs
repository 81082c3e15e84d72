//! The JSON Lines reader on arbitrary bytes: each line is a document, blank,
//! or bad with a located message; never a panic.
#![no_main]

use figcheck::jsonl::{self, Line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut offset = 0;
    for (i, raw) in data.split(|&b| b == b'\n').enumerate() {
        let number = i + 1;
        match jsonl::line("fuzz.jsonl", number, offset, raw) {
            Line::Blank => {}
            Line::Doc(doc) => {
                let _ = doc.id_value();
                let _ = doc.date();
                assert!(doc.text.len() <= raw.len());
            }
            Line::Bad(message) => {
                assert!(
                    message.starts_with(&format!("fuzz.jsonl:{number}:")),
                    "{message}"
                );
            }
        }
        offset += raw.len() + 1;
    }
});
