//! The JSON Lines output of `figcheck extract`: one object per document, its
//! mentions being the library's [`MentionRecord`]s, the same objects that
//! `figcheck check` reports (there with the verdict fields added).
//!
//! ```text
//! {"id": "a.txt", "mentions": [{"kind": "money", "start": 17, "end": 31,
//!   "line": 1, "column": 12, "text": "5000 亿美元", "value": "500000000000",
//!   "min": null, "max": null, "currency": "USD", "approx": false, "bound": null,
//!   "inclusive": false, "strong": false, "points": false, "precision": "100000000"}]}
//! ```
//!
//! `start`/`end` are byte offsets into the document text, `line`/`column`
//! (1-based, columns in chars) are for display; decimals are exact, fully
//! expanded strings (never exponent notation). `value` is set for a point,
//! `min`/`max` for an interval (`null` for an open end).
//!
//! For an HTML document the text is its visible text, and two keys are
//! added: `"text_source": "html-visible"` and `"html_spans"`, the byte
//! range `[start, end]` of each mention in the HTML source.

use crate::html::Visible;
use figcheck::{Claim, MentionRecord};
use serde::{Serialize, Serializer};

/// One document's line of output.
#[derive(Serialize)]
struct Document<'a, I: Serialize + ?Sized> {
    id: &'a I,
    mentions: Mentions<'a>,
    #[serde(flatten)]
    html: Option<HtmlSource>,
}

/// For an HTML document: offsets are into its visible text, and here is
/// where each claim is in the HTML source.
#[derive(Debug, Serialize)]
pub struct HtmlSource {
    /// Always "html-visible": `start`/`end`, `line`/`column` are in the
    /// visible text, not in the HTML source.
    pub text_source: &'static str,
    /// Source byte range `[start, end]` of each mention or claim, in order.
    pub html_spans: Vec<[usize; 2]>,
}

impl HtmlSource {
    /// The source ranges of the visible ranges `spans`.
    pub fn new(visible: &Visible, spans: impl Iterator<Item = (usize, usize)>) -> HtmlSource {
        HtmlSource {
            text_source: "html-visible",
            html_spans: spans
                .map(|(s, e)| {
                    let (a, b) = visible.source_span(s, e);
                    [a, b]
                })
                .collect(),
        }
    }
}

/// Serializes the claims one record at a time, without collecting them.
struct Mentions<'a> {
    text: &'a str,
    claims: &'a [Claim],
}

impl Serialize for Mentions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut positions = figcheck::span::Positions::new(self.text);
        s.collect_seq(
            self.claims
                .iter()
                .map(|c| MentionRecord::at(self.text, c, &mut positions)),
        )
    }
}

/// Appends one document as a JSON line (with its newline) to `out`.
///
/// `id` is echoed as given: a file name, or the raw JSON of a JSONL `id`.
/// For an HTML document, `html` maps the visible text back to the source.
pub fn write_document<I: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    id: &I,
    text: &str,
    claims: &[Claim],
    html: Option<&Visible>,
) {
    let doc = Document {
        id,
        mentions: Mentions { text, claims },
        html: html
            .map(|v| HtmlSource::new(v, claims.iter().map(|c| (c.span().start(), c.span().end())))),
    };
    // Invariant: writing plain structs of strings, numbers and bools into a
    // Vec cannot fail.
    figcheck::report::json::append(out, &doc).expect("serializing to a Vec never fails");
    out.push(b'\n');
}
