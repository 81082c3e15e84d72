//! The JSON Lines output of `figcheck extract`: one object per document.
//!
//! ```text
//! {"id": "a.txt", "mentions": [{"kind": "money", "start": 17, "end": 31,
//!   "text": "5000 亿美元", "value": "500000000000", "min": null, "max": null,
//!   "currency": "USD", "approx": false, "bound": null, "inclusive": false,
//!   "strong": false, "points": false, "precision": "100000000"}]}
//! ```
//!
//! `start`/`end` are byte offsets into the document text; decimals are exact,
//! fully expanded strings (never exponent notation). `value` is set for a point,
//! `min`/`max` for an interval (`null` for an open end).

use figcheck::{Bound, Claim, Currency, Kind};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// One document's line of output.
#[derive(Serialize)]
struct Document<'a, I: Serialize + ?Sized> {
    id: &'a I,
    mentions: Mentions<'a>,
}

struct Mentions<'a> {
    text: &'a str,
    claims: &'a [Claim],
}

impl Serialize for Mentions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.claims.iter().map(|c| Mention::new(self.text, c)))
    }
}

#[derive(Serialize)]
struct Mention<'a> {
    kind: Kind,
    start: usize,
    end: usize,
    text: &'a str,
    value: Option<String>,
    min: Option<String>,
    max: Option<String>,
    currency: Option<Currency>,
    approx: bool,
    bound: Option<Bound>,
    inclusive: bool,
    strong: bool,
    points: bool,
    precision: String,
}

impl<'a> Mention<'a> {
    fn new(text: &'a str, claim: &Claim) -> Self {
        let a = claim.amount();
        let q = a.qualifier();
        let v = a.value();
        Mention {
            kind: a.kind(),
            start: claim.span().start(),
            end: claim.span().end(),
            text: claim.text(text),
            value: v.point().map(decimal),
            min: v.min().map(decimal),
            max: v.max().map(decimal),
            currency: a.currency(),
            approx: q.approx,
            bound: q.bound,
            inclusive: q.inclusive,
            strong: q.strong,
            points: a.points(),
            precision: decimal(a.precision()),
        }
    }
}

/// Exact and fully expanded: "25000000000", "0.5", never "2.5E10" or "25000000000.00".
pub fn decimal(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Appends one document as a JSON line (with its newline) to `out`.
///
/// `id` is echoed as given: a file name, or the raw JSON of a JSONL `id`.
pub fn write_document<I: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    id: &I,
    text: &str,
    claims: &[Claim],
) {
    let doc = Document {
        id,
        mentions: Mentions { text, claims },
    };
    // Invariant: writing plain structs of strings, numbers and bools into a
    // Vec cannot fail.
    serde_json::to_writer(&mut *out, &doc).expect("serializing to a Vec never fails");
    out.push(b'\n');
}
