//! Line and column of many offsets in one text, in linear total time.
//!
//! `figcheck::span::line_col` scans from the start of the text on every
//! call; a document with many mentions would make that quadratic.

/// Walks a text forward, giving the same answers as `figcheck::span::line_col`.
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
        for c in self.text[self.offset..offset].chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.offset = offset;
        (self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use figcheck::span::line_col;

    #[test]
    fn agrees_with_line_col() {
        let text = "ab\n约 250 亿\r\n\n$5 and 90%";
        let mut p = Positions::new(text);
        for offset in (0..=text.len() + 2).chain([7, 3, 0, 20]) {
            assert_eq!(p.at(offset), line_col(text, offset), "offset {offset}");
        }
    }
}
