//! Folding text for name matching: ASCII case, full-width forms and
//! traditional Chinese characters fold to one form, char by char, so byte
//! offsets can be mapped back to the original text.

use crate::extract::invisible::is_invisible;

use std::sync::OnceLock;

/// Traditional → simplified, as a direct table over the code points the
/// data file maps (a lookup per CJK char of the text, so no hashing).
struct T2s {
    first: u32,
    to: Vec<char>,
}

fn t2s() -> &'static T2s {
    static M: OnceLock<T2s> = OnceLock::new();
    M.get_or_init(|| {
        let mut pairs = Vec::new();
        for line in include_str!("data/t2s.txt").lines() {
            let mut it = line.split_whitespace();
            if let (Some(t), Some(s)) = (it.next(), it.next()) {
                let (mut tc, mut sc) = (t.chars(), s.chars());
                if let (Some(t1), None, Some(s1), None) =
                    (tc.next(), tc.next(), sc.next(), sc.next())
                {
                    pairs.push((t1 as u32, s1));
                }
            }
        }
        let first = pairs.iter().map(|p| p.0).min().unwrap_or(0);
        let last = pairs.iter().map(|p| p.0).max().unwrap_or(0);
        let mut to = vec!['\0'; (last + 1 - first) as usize];
        for (t, s) in pairs {
            to[(t - first) as usize] = s;
        }
        T2s { first, to }
    })
}

impl T2s {
    fn get(&self, c: char) -> Option<char> {
        let i = (c as u32).checked_sub(self.first)?;
        self.to.get(i as usize).copied().filter(|&s| s != '\0')
    }
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
        if let Some(s) = t2s().get(c) {
            return s;
        }
    }
    c
}

/// Folds a name for comparison: [`fold_char`] on each char, trimmed, inner
/// white space collapsed to one space.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return fold_ascii(s);
    }
    fold_chars(s)
}

fn fold_chars(s: &str) -> String {
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

/// [`fold`] of an ASCII name (most of a filings ledger's): lower case,
/// white space collapsed, with no char decoding.
fn fold_ascii(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut space = false;
    for &b in s.as_bytes() {
        // char::is_whitespace, as the general path: vertical tab too
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(b' ');
        }
        space = false;
        out.push(b.to_ascii_lowercase());
    }
    String::from_utf8(out).expect("ASCII stays ASCII")
}

/// A folded copy of a text with a map from folded byte offsets back to the
/// original ones.
pub(crate) struct Folded {
    pub text: String,
    /// `(at, shift)`: from folded offset `at` on (up to the next entry), a
    /// char's original offset is its folded offset plus `shift`. Sorted by
    /// `at`, the first at 0; a new entry only where a fold changes a char's
    /// length or an invisible char is left out, so the map is small.
    shifts: Vec<(usize, isize)>,
    /// The original text's length (where the folded text's end maps to).
    len: usize,
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut shifts = vec![(0, 0isize)];
        let mut shift = 0isize;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // runs of ASCII fold byte by byte and keep their length
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(bytes.len() - i);
            if run > 0 {
                let here = i as isize - text.len() as isize;
                if here != shift {
                    shift = here;
                    shifts.push((text.len(), shift));
                }
                text.extend(
                    bytes[i..i + run]
                        .iter()
                        .map(|b| b.to_ascii_lowercase() as char),
                );
                i += run;
                continue;
            }
            let c = s[i..].chars().next().expect("i is on a char boundary");
            let len = c.len_utf8();
            // invisible format chars (zero-width spaces…) are left out, so
            // "Soft\u{200B}Bank" still names SoftBank
            if !is_invisible(c) {
                let f = fold_char(c);
                let at = text.len();
                let here = i as isize - at as isize;
                if here != shift {
                    shift = here;
                    shifts.push((at, shift));
                }
                text.push(f);
            }
            i += len;
        }
        // the end maps to the end (after any invisible chars left out there)
        let here = s.len() as isize - text.len() as isize;
        if here != shift {
            shifts.push((text.len(), here));
        }
        Folded {
            text,
            shifts,
            len: s.len(),
        }
    }

    /// The original byte offset of the char at folded offset `i` (a char
    /// boundary of the folded text; its end maps to the original's end).
    pub fn orig(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.len;
        }
        let k = self.shifts.partition_point(|&(at, _)| at <= i);
        let shift = k.checked_sub(1).map_or(0, |k| self.shifts[k].1);
        i.checked_add_signed(shift).unwrap_or(0).min(self.len)
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

    proptest::proptest! {
        #[test]
        fn ascii_names_fold_as_any_other(s in "[ -~\t\n\x0b\x0c\r]{0,40}") {
            proptest::prop_assert_eq!(fold(&s), fold_chars(&s));
        }
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
    fn folded_offsets_map_back_at_every_char() {
        // against the plain definition: each char's original offset
        let s = "Ａ軟\u{200B}銀 SoftBank\u{3000}ｘ\u{200B}y\u{FEFF}";
        let f = Folded::new(s);
        let mut want = Vec::new();
        for (i, c) in s.char_indices().filter(|&(_, c)| !is_invisible(c)) {
            want.push((want.len(), i, fold_char(c)));
        }
        let mut at = 0;
        for (k, (_, i, c)) in want.iter().enumerate() {
            assert_eq!(f.orig(at), *i, "char {k}");
            at += c.len_utf8();
        }
        assert_eq!(at, f.text.len());
        assert_eq!(f.orig(f.text.len()), s.len());
        assert_eq!(f.text, "a软银 softbank xy");
        assert!(f.shifts.len() < 8, "{:?}", f.shifts);
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
