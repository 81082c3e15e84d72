//! Invisible format characters (zero-width spaces, joiners, soft hyphens,
//! direction marks and embeddings, byte order marks). Text scraped from the
//! web carries them anywhere, even inside numbers ("5\u{200B}00亿美元"); they
//! are never part of a figure, so the extractor reads a copy of the text
//! without them and maps every span back to the original.

use std::borrow::Cow;

/// Whether `c` is an invisible format character that the extractor skips.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                  // soft hyphen
        | '\u{200B}'..='\u{200F}'   // zero-width space, non-joiner, joiner; LRM, RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'   // bidi isolates
        | '\u{FEFF}'                // byte order mark / zero-width no-break space
    )
}

/// Where invisible characters were removed from a text.
#[derive(Debug, Default)]
pub struct Removed {
    /// For each run of removed characters: its offset in the cleaned text
    /// and the bytes removed up to and including it, in order.
    removed: Vec<(usize, usize)>,
}

/// The text without invisible characters (borrowed when it has none), and
/// where they were.
pub fn clean(text: &str) -> (Cow<'_, str>, Removed) {
    Removed::clean(text)
}

impl Removed {
    fn clean(text: &str) -> (Cow<'_, str>, Removed) {
        let bytes = text.as_bytes();
        // every invisible char starts with one of these bytes
        let first = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes).find(|&i| {
            // the byte patterns of `is_invisible`, without decoding
            match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
                (0xC2, Some(0xAD), _) => true,
                (0xE2, Some(0x80), Some(b)) => matches!(b, 0x8B..=0x8F | 0xAA..=0xAE),
                (0xE2, Some(0x81), Some(b)) => matches!(b, 0xA0..=0xA4 | 0xA6..=0xA9),
                (0xEF, Some(0xBB), Some(0xBF)) => true,
                _ => false,
            }
        });
        let Some(first) = first else {
            return (Cow::Borrowed(text), Removed::default());
        };
        let mut out = String::with_capacity(text.len());
        let mut removed: Vec<(usize, usize)> = Vec::new();
        let mut total = 0;
        out.push_str(&text[..first]);
        for c in text[first..].chars() {
            if is_invisible(c) {
                total += c.len_utf8();
                match removed.last_mut() {
                    Some(last) if last.0 == out.len() => last.1 = total,
                    _ => removed.push((out.len(), total)),
                }
            } else {
                out.push(c);
            }
        }
        (Cow::Owned(out), Removed { removed })
    }

    /// Whether nothing was removed (offsets are the same in both texts).
    #[cfg(test)]
    pub fn is_identity(&self) -> bool {
        self.removed.is_empty()
    }

    /// The original offset of the start of a span at `at` in the cleaned
    /// text: after any invisible characters just before it.
    pub fn start(&self, at: usize) -> usize {
        at + self.removed_before(at, true)
    }

    /// The original offset of the end of a span at `at`: before any invisible
    /// characters just after it.
    pub fn end(&self, at: usize) -> usize {
        at + self.removed_before(at, false)
    }

    /// Bytes removed before cleaned offset `at` (with those at `at` itself
    /// when `inclusive`).
    fn removed_before(&self, at: usize, inclusive: bool) -> usize {
        let n = self
            .removed
            .partition_point(|&(o, _)| if inclusive { o <= at } else { o < at });
        if n == 0 { 0 } else { self.removed[n - 1].1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_patterns_match_the_chars() {
        // every char whose UTF-8 starts with a scanned byte: found by the
        // scan exactly when it is invisible
        for cp in (0x80u32..0x800)
            .chain(0x2000..0x3000)
            .chain(0xF000..0x10000)
        {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let text = format!("a{c}b");
            let (cleaned, _) = clean(&text);
            assert_eq!(cleaned.len() < text.len(), is_invisible(c), "U+{cp:04X}");
        }
    }

    #[test]
    fn borrowed_when_there_is_nothing_to_remove() {
        let (t, r) = clean("约 250 亿美元，“quoted” — ，。");
        assert!(r.is_identity());
        assert!(matches!(t, Cow::Borrowed(_)));
    }

    #[test]
    fn spans_map_back_around_and_inside() {
        let t = "a \u{200B}5\u{200B}00\u{FEFF}亿 b";
        let (cleaned, c) = clean(t);
        assert_eq!(cleaned, "a 500亿 b");
        // "500亿" is 2..8 in the cleaned text
        let (s, e) = (c.start(2), c.end(8));
        assert_eq!(&t[s..e], "5\u{200B}00\u{FEFF}亿");
        assert_eq!((c.start(0), c.end(0)), (0, 0));
        assert_eq!(c.end(cleaned.len()), t.len());
    }
}
