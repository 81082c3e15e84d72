//! Folding text for name matching: ASCII case, full-width forms and
//! traditional Chinese characters fold to one form, char by char, so byte
//! offsets can be mapped back to the original text.

use crate::extract::invisible::is_invisible;

use std::collections::HashMap;
use std::sync::OnceLock;

fn t2s() -> &'static HashMap<char, char> {
    static M: OnceLock<HashMap<char, char>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = HashMap::new();
        for line in include_str!("data/t2s.txt").lines() {
            let mut it = line.split_whitespace();
            if let (Some(t), Some(s)) = (it.next(), it.next()) {
                let (mut tc, mut sc) = (t.chars(), s.chars());
                if let (Some(t1), None, Some(s1), None) =
                    (tc.next(), tc.next(), sc.next(), sc.next())
                {
                    m.insert(t1, s1);
                }
            }
        }
        m
    })
}

/// Folds one char: ASCII lower case, full-width ASCII to ASCII, traditional
/// to simplified Chinese.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    if (0xFF01..=0xFF5E).contains(&u) {
        if let Some(a) = char::from_u32(u - 0xFF01 + 0x21) {
            return a.to_ascii_lowercase();
        }
    }
    if u == 0x3000 {
        return ' ';
    }
    if u >= 0x3400 {
        if let Some(&s) = t2s().get(&c) {
            return s;
        }
    }
    c
}

/// Folds a name for comparison: [`fold_char`] on each char, trimmed, inner
/// white space collapsed to one space.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars().filter(|&c| !is_invisible(c)) {
        let f = fold_char(c);
        if f.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(f);
    }
    out
}

/// A folded copy of a text with a map from folded byte offsets back to the
/// original ones.
pub(crate) struct Folded {
    pub text: String,
    /// `orig[i]` is the original byte offset of folded byte `i` (and one
    /// past the end at `text.len()`).
    orig: Vec<usize>,
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut orig = Vec::with_capacity(s.len() + 1);
        // invisible format chars (zero-width spaces…) are left out, so
        // "Soft\u{200B}Bank" still names SoftBank
        for (i, c) in s.char_indices().filter(|&(_, c)| !is_invisible(c)) {
            let f = fold_char(c);
            for _ in 0..f.len_utf8() {
                orig.push(i);
            }
            text.push(f);
        }
        orig.push(s.len());
        Folded { text, orig }
    }

    /// The original byte offset of folded offset `i`.
    pub fn orig(&self, i: usize) -> usize {
        self.orig
            .get(i)
            .copied()
            .unwrap_or_else(|| self.orig.last().copied().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_width_and_script() {
        assert_eq!(fold("  SoftBank   Group "), "softbank group");
        assert_eq!(fold("軟銀"), "软银");
        assert_eq!(fold("現金及現金等價物"), "现金及现金等价物");
        assert_eq!(fold("ＡＲＭ"), "arm");
    }

    #[test]
    fn invisible_chars_are_left_out() {
        assert_eq!(fold("Soft\u{200B}Bank\u{FEFF}"), "softbank");
        let s = "a Soft\u{200B}Bank b";
        let f = Folded::new(s);
        assert_eq!(f.text, "a softbank b");
        let i = f.text.find("softbank").unwrap_or_default();
        assert_eq!(
            &s[f.orig(i)..f.orig(i + "softbank".len())],
            "Soft\u{200B}Bank"
        );
    }

    #[test]
    fn folded_offsets_map_back() {
        let s = "軟銀 SoftBank";
        let f = Folded::new(s);
        let i = f.text.find("softbank").expect("found");
        assert_eq!(&s[f.orig(i)..f.orig(i + "softbank".len())], "SoftBank");
        let j = f.text.find("软银").expect("found");
        assert_eq!(&s[f.orig(j)..f.orig(j + "软银".len())], "軟銀");
    }
}
