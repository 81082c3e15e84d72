//! The readable table of `figcheck extract --format text`.
//!
//! ```text
//! LINE:COL  MENTION        VALUE         CURRENCY  QUALIFIER  PRECISION
//! 1:12      5000 亿美元    500000000000  USD       exact      100000000
//! 1 mention
//! ```
//!
//! Columns are aligned by display width: CJK and full-width characters take
//! two terminal columns (see [`width`]).

use figcheck::report::decimal;
use figcheck::span::Positions;
use figcheck::{Claim, Kind, Value};
use std::fmt::Write as _;

const HEADERS: [&str; 6] = [
    "LINE:COL",
    "MENTION",
    "VALUE",
    "CURRENCY",
    "QUALIFIER",
    "PRECISION",
];
/// Index of the currency column, the one shown in bold.
const CURRENCY: usize = 3;
const GAP: &str = "  ";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Appends the table of one document, then its count line, to `out`.
pub fn write_table(out: &mut String, text: &str, claims: &[Claim], color: bool) {
    if !claims.is_empty() {
        let mut positions = Positions::new(text);
        let rows: Vec<[String; 6]> = claims
            .iter()
            .map(|c| row(text, c, &mut positions))
            .collect();
        let mut widths = HEADERS.map(width);
        for r in &rows {
            for (w, cell) in widths.iter_mut().zip(r) {
                *w = (*w).max(width(cell));
            }
        }
        let headers = HEADERS.map(str::to_string);
        write_row(out, &headers, &widths, |_| color);
        for r in &rows {
            write_row(out, r, &widths, |i| color && i == CURRENCY);
        }
    }
    let n = claims.len();
    let _ = writeln!(out, "{n} {}", if n == 1 { "mention" } else { "mentions" });
}

/// `bold(i)` says whether column `i` is shown in bold.
fn write_row(
    out: &mut String,
    cells: &[String; 6],
    widths: &[usize; 6],
    bold: impl Fn(usize) -> bool,
) {
    let last = cells.len() - 1;
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        let styled = bold(i) && !cell.is_empty();
        if styled {
            out.push_str(BOLD);
        }
        out.push_str(cell);
        if styled {
            out.push_str(RESET);
        }
        if i < last {
            out.extend(std::iter::repeat_n(' ', w - width(cell)));
            out.push_str(GAP);
        }
    }
    out.push('\n');
}

fn row(text: &str, claim: &Claim, positions: &mut Positions<'_>) -> [String; 6] {
    let a = claim.amount();
    let (line, col) = positions.at(claim.span().start());
    let unit = match (a.currency(), a.kind()) {
        (Some(c), _) => c.code().to_string(),
        (None, Kind::Percent) if a.points() => "pp".to_string(),
        (None, Kind::Percent) => "%".to_string(),
        (None, _) => String::new(),
    };
    [
        format!("{line}:{col}"),
        printable(claim.text(text)),
        value(a.value()),
        unit,
        a.qualifier().label(),
        decimal(a.precision()),
    ]
}

/// A point, `min–max`, `≥ min` or `≤ max`.
fn value(v: Value) -> String {
    if let Some(p) = v.point() {
        return decimal(p);
    }
    match (v.min(), v.max()) {
        (Some(lo), Some(hi)) => format!("{}–{}", decimal(lo), decimal(hi)),
        (Some(lo), None) => format!("≥ {}", decimal(lo)),
        (None, Some(hi)) => format!("≤ {}", decimal(hi)),
        (None, None) => "any".to_string(),
    }
}

/// The mention with control characters (a line break inside a mention, a
/// tab) escaped, so that each row stays on one line.
fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

pub use figcheck::report::text::width;

#[cfg(test)]
mod tests {
    use super::*;
    use figcheck::Extractor;

    fn table(text: &str, color: bool) -> String {
        let claims: Vec<Claim> = Extractor::new()
            .claims(text)
            .collect::<Result<_, _>>()
            .expect("no overflow");
        let mut out = String::new();
        write_table(&mut out, text, &claims, color);
        out
    }

    #[test]
    fn widths() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("亿美元"), 6);
        assert_eq!(width("５０％"), 6);
        assert_eq!(width("，"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("≥ 100–200"), 9);
    }

    #[test]
    fn columns_align_with_cjk() {
        let out = table("OpenAI 将投资 5000 亿美元,\n约 $100 billion.", false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4, "{out}");
        // Every row puts VALUE at the same display column.
        let at = |l: &str, needle: &str| width(&l[..l.find(needle).expect("cell present")]);
        assert_eq!(at(lines[0], "VALUE"), at(lines[1], "500000000000"));
        assert_eq!(at(lines[0], "VALUE"), at(lines[2], "100000000000"));
        assert_eq!(at(lines[0], "CURRENCY"), at(lines[1], "USD"));
        assert_eq!(lines[3], "2 mentions");
        assert!(!out.contains('\x1b'));
        assert!(lines.iter().all(|l| !l.ends_with(' ')));
    }

    #[test]
    fn color_bolds_header_and_currency() {
        let out = table("90% 和 5000 亿美元", true);
        assert!(out.contains("\x1b[1mUSD\x1b[0m"), "{out}");
        assert!(out.starts_with("\x1b[1mLINE:COL\x1b[0m"), "{out}");
    }

    #[test]
    fn empty_document() {
        assert_eq!(table("", false), "0 mentions\n");
    }

    #[test]
    fn intervals_and_controls() {
        assert_eq!(
            value(Value::Interval {
                min: Some(100.into()),
                max: None
            }),
            "≥ 100"
        );
        assert_eq!(
            value(Value::Interval {
                min: None,
                max: Some(100.into())
            }),
            "≤ 100"
        );
        assert_eq!(
            value(Value::Interval {
                min: Some(5.into()),
                max: Some(10.into())
            }),
            "5–10"
        );
        assert_eq!(printable("5000\n亿"), "5000\\n亿");
    }
}
