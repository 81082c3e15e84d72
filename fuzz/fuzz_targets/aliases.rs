//! The aliases CSV loader on arbitrary bytes: a table or located errors, never a
//! panic; every error names the file and a line and column inside it.
#![no_main]

use figcheck::Aliases;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // line ends: LF, CRLF, and a lone CR (old Mac files)
    let b = text.as_bytes();
    let lines = 1
        + (0..b.len())
            .filter(|&i| b[i] == b'\n' || b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'))
            .count();
    match Aliases::from_csv(&text, "aliases.csv") {
        Ok(table) => {
            for w in table.warnings() {
                assert_eq!(w.location().path.as_deref(), Some("aliases.csv"));
                let line = w.location().line.expect("every warning has a line");
                assert!(line <= lines + 1, "{w}");
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err with no error");
            for e in &errors {
                assert_eq!(e.location().path.as_deref(), Some("aliases.csv"));
                let line = e.location().line.expect("every error has a line");
                assert!(line <= lines + 1, "{e}");
            }
        }
    }
});
