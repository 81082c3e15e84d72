//! Shared by the `ledger`, `aliases` and `fx` targets: a CSV loader on
//! arbitrary bytes gives a table (with the errors of its bad rows) or the
//! errors that make the file unusable, never a panic; every error and warning
//! names the file and a line inside it.

use figcheck::Error;

/// A table and the errors of its bad rows, or the errors of an unusable file.
type Loaded<T> = Result<(T, Vec<Error>), Vec<Error>>;

/// Lines in `text`: LF, CRLF and a lone CR (old Mac files) end one.
fn lines(text: &str) -> usize {
    let b = text.as_bytes();
    1 + (0..b.len())
        .filter(|&i| b[i] == b'\n' || b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'))
        .count()
}

fn check_located(problems: &[Error], path: &str, lines: usize) {
    for e in problems {
        assert_eq!(e.location().path.as_deref(), Some(path), "{e}");
        let line = e.location().line.expect("every problem has a line");
        assert!(line >= 1 && line <= lines + 1, "{e}");
    }
}

/// Loads `data` with a partial loader and checks what comes back.
pub fn fuzz<T>(
    data: &[u8],
    path: &str,
    load: fn(&str, &str) -> Loaded<T>,
    warnings: fn(&T) -> &[Error],
) {
    let text = String::from_utf8_lossy(data);
    let n = lines(&text);
    match load(&text, path) {
        Ok((table, errors)) => {
            check_located(&errors, path, n);
            check_located(warnings(&table), path, n);
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err with no error");
            check_located(&errors, path, n);
        }
    }
}
