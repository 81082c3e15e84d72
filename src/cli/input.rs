//! Documents, shared by every subcommand: the text of a whole input (plain
//! text, or the visible text of HTML). The documents of JSON Lines are read
//! by the library's `figcheck::jsonl`.
//! The bytes come from the reader of `corpus.rs`; the functions here run in
//! the worker threads.
//!
//! A problem with one document (invalid UTF-8, a bad JSON line) is an error
//! value with its place; the caller reports it and goes on with the next.

use crate::config::{DocKind, Input};
use crate::html::Visible;
use figcheck::Error;
use std::io;

/// The text of a whole input.
pub struct WholeText {
    /// What the document's claims are found in: the text as it is, or the
    /// visible text of HTML.
    pub text: String,
    /// For HTML: the map from the visible text back to the source.
    pub html: Option<Visible>,
}

/// Decodes a whole input as UTF-8 text, or HTML to its visible text.
///
/// # Errors
/// The input is not UTF-8 (its name, line, column and byte offset).
pub fn whole_text(input: &Input, kind: DocKind, bytes: Vec<u8>) -> Result<WholeText, Error> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            return Err(Error::invalid_utf8(
                &input.label(),
                e.as_bytes(),
                0,
                valid,
                1,
            ));
        }
    };
    Ok(match kind {
        DocKind::Html => {
            let visible = Visible::parse(&text);
            WholeText {
                text: visible.text().to_string(),
                html: Some(visible),
            }
        }
        DocKind::Text | DocKind::Jsonl => WholeText { text, html: None },
    })
}

/// An I/O error message, starting lowercase like every other message.
pub fn io_message(e: &io::Error) -> String {
    crate::diag::one_line(&anyhow::Error::new(io::Error::new(e.kind(), e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_documents_are_read_as_visible_text() {
        let input = Input::File("a.html".into());
        let doc = whole_text(&input, DocKind::Html, b"<p>a &amp; b</p>".to_vec())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.text, "a & b");
        assert_eq!(doc.html.map(|v| v.source_span(2, 3)), Some((5, 10)));
        let e = whole_text(&input, DocKind::Html, b"<p>\xff".to_vec())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("a.html:1:4: invalid UTF-8 at byte 3: expected UTF-8 text")
        );
    }
}
