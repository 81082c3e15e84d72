//! English scale words and abbreviations after a number (rule `scale_word`).
//! Chinese units (万 亿 兆 百万 千亿 …) are part of `chinese_numeral`.

use super::table::Table;
use std::sync::OnceLock;

/// Scale words written apart from the number ("5 billion", "$ 75 million").
const WORDS: &[(&str, u32)] = &[
    ("trillion", 12),
    ("billion", 9),
    ("million", 6),
    ("thousand", 3),
    ("lakh", 5),
    ("crore", 7),
    ("trn", 12),
    ("tn", 12),
    ("bln", 9),
    ("bn", 9),
    ("mln", 6),
    ("mn", 6),
    ("MM", 6),
];

/// Single letters valid only attached to the digits ("$75m", "US$4.7B", "40k").
const LETTERS: &[(&str, u32)] = &[("k", 3), ("K", 3), ("m", 6), ("M", 6), ("b", 9), ("B", 9)];

fn words() -> &'static Table<u32> {
    static T: OnceLock<Table<u32>> = OnceLock::new();
    T.get_or_init(|| Table::new(WORDS))
}

/// A scale word at the start of `s`, after at most one space (none for
/// single letters). Returns (power of ten, bytes consumed).
pub(crate) fn scale_word(s: &str) -> Option<(u32, usize)> {
    let (gap, r) = match s.strip_prefix(' ') {
        Some(r) => (1, r),
        None => match s.strip_prefix('-') {
            Some(r) if r.starts_with(|c: char| c.is_ascii_alphabetic()) => (1, r),
            _ => (0, s),
        },
    };
    // every scale word starts with one of these letters
    if !r.as_bytes().first().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b't' | b'b' | b'm' | b'l' | b'c' | b'k'
        )
    }) {
        return None;
    }
    if let Some((e, n)) = words().prefix_of(r) {
        // "MM" is case-sensitive: "mm" is millimetres
        if e.text == "MM" && &r[..n] != "MM" {
            return None;
        }
        return Some((e.value, gap + n));
    }
    if gap == 0 {
        let b = s.as_bytes();
        if let Some(&(_, e)) = LETTERS
            .iter()
            .find(|(l, _)| b.first() == Some(&l.as_bytes()[0]))
        {
            if b.get(1).is_none_or(|c| !c.is_ascii_alphanumeric()) {
                return Some((e, 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_words_and_abbreviations() {
        assert_eq!(scale_word(" billion dollars"), Some((9, 8)));
        assert_eq!(scale_word("bn)"), Some((9, 2)));
        assert_eq!(scale_word(" Million"), Some((6, 8)));
        assert_eq!(scale_word("m "), Some((6, 1)));
        assert_eq!(scale_word("MM"), Some((6, 2)));
        assert_eq!(scale_word("k"), Some((3, 1)));
        assert_eq!(scale_word("-million"), Some((6, 8)));
    }

    #[test]
    fn rejects_other_words() {
        assert_eq!(scale_word(" m"), None);
        assert_eq!(scale_word("mm"), None);
        assert_eq!(scale_word("months"), None);
        assert_eq!(scale_word(" billionaire"), None);
        assert_eq!(scale_word("bond"), None);
        assert_eq!(scale_word("  million"), None);
    }
}
