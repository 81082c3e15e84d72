//! Byte spans into the original text.

use serde::Serialize;
use std::ops::Range;

/// A byte range `start..end` into the text a claim was extracted from.
///
/// Spans always lie on `char` boundaries of the text they came from, so
/// `&text[span.range()]` never panics for that text.
///
/// ```
/// use figcheck::Span;
/// let text = "约 250 亿美元";
/// let span = Span::new(0, text.len());
/// assert_eq!(span.text(text), Some(text));
/// assert_eq!(span.len(), 17);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Creates a span; the ends are swapped if given in the wrong order so that
    /// `start <= end` always holds.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// First byte of the span.
    pub fn start(&self) -> usize {
        self.start
    }

    /// One past the last byte of the span.
    pub fn end(&self) -> usize {
        self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The slice of `text` this span covers, or `None` if it does not fit `text`.
    pub fn text<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }

    /// 1-based line and column (in chars) of the span's start within `text`,
    /// for display only.
    pub fn line_col(&self, text: &str) -> (usize, usize) {
        line_col(text, self.start)
    }
}

/// 1-based line and column (counted in `char`s) of byte `offset` in `text`.
/// An offset past the end or inside a char is clamped to the char before it.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Walks a text forward, giving the same answers as [`line_col`] in linear
/// total time for increasing offsets (many mentions in one large text).
pub struct Positions<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
    col: usize,
}

impl<'t> Positions<'t> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'t str) -> Self {
        Positions {
            text,
            offset: 0,
            line: 1,
            col: 1,
        }
    }

    /// 1-based line and column (in chars) of byte `offset`; fastest when
    /// called with increasing offsets. Clamped like `line_col`: past the end
    /// to the end, inside a char to that char's start.
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Positions::new(self.text);
        }
        let part = &self.text.as_bytes()[self.offset..offset];
        // the chars after the last newline count as columns: a char is a
        // byte that is not a UTF-8 continuation byte
        let chars = |b: &[u8]| b.iter().filter(|&&c| (c as i8) >= -0x40).count();
        match memchr::memrchr(b'\n', part) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', &part[..last]).count() + 1;
                self.col = 1 + chars(&part[last + 1..]);
            }
            None => self.col += chars(part),
        }
        self.offset = offset;
        (self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_orders_ends() {
        let s = Span::new(5, 2);
        assert_eq!((s.start(), s.end()), (2, 5));
        assert_eq!(s.len(), 3);
        assert!(!s.is_empty());
        assert!(Span::new(3, 3).is_empty());
    }

    #[test]
    fn text_checks_bounds_and_boundaries() {
        let t = "约250亿";
        assert_eq!(Span::new(0, 3).text(t), Some("约"));
        assert_eq!(Span::new(0, 2).text(t), None);
        assert_eq!(Span::new(0, 99).text(t), None);
    }

    #[test]
    fn line_col_counts_chars() {
        let t = "ab\n约 250 亿";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 7), (2, 3));
        assert_eq!(line_col(t, 5), (2, 1));
        assert_eq!(line_col(t, 1000), (2, 8));
    }

    #[test]
    fn agrees_with_line_col() {
        let text = "ab\n约 250 亿\r\n\n$5 and 90%";
        let mut p = Positions::new(text);
        for offset in (0..=text.len() + 2).chain([7, 3, 0, 20]) {
            assert_eq!(p.at(offset), line_col(text, offset), "offset {offset}");
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_line_col_anywhere(
            text in "(?s)[a\n约é\r 😀]{0,60}",
            offsets in proptest::collection::vec(0usize..80, 0..12),
        ) {
            let mut p = Positions::new(&text);
            let mut sorted = offsets.clone();
            sorted.sort_unstable();
            for offset in sorted.into_iter().chain(offsets) {
                proptest::prop_assert_eq!(p.at(offset), line_col(&text, offset));
            }
        }
    }
}
