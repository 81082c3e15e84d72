//! Keyword tables with first-char (forward) and last-char (backward)
//! dispatch, longest match first. Latin keywords match case-insensitively
//! and only at word boundaries.

/// One keyword with its payload.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry<T: Copy + 'static> {
    pub text: &'static str,
    pub value: T,
    /// Has Latin letters: compared case-insensitively.
    latin: bool,
    /// Starts / ends with a Latin letter: needs a word boundary there.
    alpha_start: bool,
    alpha_end: bool,
}

/// Entries grouped by one char: a direct array for ASCII, a sorted list for
/// the rest (looked up by binary search; no hashing on the hot path).
struct Index<T: Copy + 'static> {
    ascii: Vec<Vec<Entry<T>>>,
    other: Vec<(char, Vec<Entry<T>>)>,
}

impl<T: Copy + 'static> Index<T> {
    fn new() -> Self {
        Index {
            ascii: (0..128).map(|_| Vec::new()).collect(),
            other: Vec::new(),
        }
    }

    fn push(&mut self, c: char, e: Entry<T>) {
        if c.is_ascii() {
            self.ascii[c as usize].push(e);
        } else {
            match self.other.binary_search_by_key(&c, |(k, _)| *k) {
                Ok(i) => self.other[i].1.push(e),
                Err(i) => self.other.insert(i, (c, vec![e])),
            }
        }
    }

    #[inline]
    fn get(&self, c: char) -> Option<&[Entry<T>]> {
        let v = if c.is_ascii() {
            &self.ascii[c as usize]
        } else {
            let i = self.other.binary_search_by_key(&c, |(k, _)| *k).ok()?;
            &self.other[i].1
        };
        (!v.is_empty()).then_some(v.as_slice())
    }

    fn sort(&mut self) {
        for v in self
            .ascii
            .iter_mut()
            .chain(self.other.iter_mut().map(|(_, v)| v))
        {
            v.sort_by_key(|e| std::cmp::Reverse(e.text.len()));
        }
    }
}

/// A keyword table indexed for fast lookups.
pub(crate) struct Table<T: Copy + 'static> {
    by_first: Index<T>,
    by_last: Index<T>,
}

/// Byte equality without a `memcmp` call (keywords are a few bytes long).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

#[inline]
fn same_ci(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.eq_ignore_ascii_case(y))
}

fn fold(c: char) -> char {
    c.to_ascii_lowercase()
}

fn is_latin(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphabetic())
}

impl<T: Copy + 'static> Table<T> {
    pub fn new(entries: &[(&'static str, T)]) -> Self {
        let mut by_first = Index::new();
        let mut by_last = Index::new();
        for &(text, value) in entries {
            let e = Entry {
                text,
                value,
                latin: is_latin(text),
                alpha_start: starts_alpha(text),
                alpha_end: ends_alpha(text),
            };
            if let Some(c) = text.chars().next() {
                by_first.push(fold(c), e);
            }
            if let Some(c) = text.chars().next_back() {
                by_last.push(fold(c), e);
            }
        }
        by_first.sort();
        by_last.sort();
        Table { by_first, by_last }
    }

    /// The non-ASCII chars that some keyword starts with.
    pub fn non_ascii_first_chars(&self) -> impl Iterator<Item = char> + '_ {
        self.by_first.other.iter().map(|(c, _)| *c)
    }

    /// Longest keyword that `s` starts with (word-bounded after Latin keywords).
    pub fn prefix_of(&self, s: &str) -> Option<(Entry<T>, usize)> {
        let c = s.chars().next()?;
        let cands = self.by_first.get(fold(c))?;
        let b = s.as_bytes();
        for e in cands {
            let n = e.text.len();
            // compare bytes first: a match ends on a char boundary because the keyword does
            let Some(head) = b.get(..n) else { continue };
            let ok = if e.latin {
                same_ci(head, e.text.as_bytes())
            } else {
                same(head, e.text.as_bytes())
            };
            if !ok {
                continue;
            }
            if e.alpha_end
                && s[n..]
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphabetic())
            {
                continue;
            }
            return Some((*e, n));
        }
        None
    }

    /// Longest keyword that `s` ends with (word-bounded before Latin keywords).
    pub fn suffix_of(&self, s: &str) -> Option<(Entry<T>, usize)> {
        let c = s.chars().next_back()?;
        let cands = self.by_last.get(fold(c))?;
        let b = s.as_bytes();
        for e in cands {
            let n = e.text.len();
            if n > b.len() {
                continue;
            }
            let tail = &b[b.len() - n..];
            let ok = if e.latin {
                same_ci(tail, e.text.as_bytes())
            } else {
                same(tail, e.text.as_bytes())
            };
            if !ok {
                continue;
            }
            if e.alpha_start
                && s[..s.len() - n]
                    .bytes()
                    .next_back()
                    .is_some_and(|b| b.is_ascii_alphabetic())
            {
                continue;
            }
            return Some((*e, n));
        }
        None
    }
}

fn ends_alpha(s: &str) -> bool {
    s.bytes()
        .next_back()
        .is_some_and(|b| b.is_ascii_alphabetic())
}

fn starts_alpha(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_and_word_bounds() {
        let t = Table::new(&[("万", 4), ("万亿", 12), ("bn", 9), ("billion", 9), ("b", 9)]);
        assert_eq!(
            t.prefix_of("万亿美元").map(|(e, n)| (e.value, n)),
            Some((12, 6))
        );
        assert_eq!(
            t.prefix_of("万美元").map(|(e, n)| (e.value, n)),
            Some((4, 3))
        );
        assert_eq!(t.prefix_of("Billion dollars").map(|(_, n)| n), Some(7));
        assert!(t.prefix_of("bnx").is_none());
        assert!(t.prefix_of("bond").is_none());
        assert!(t.prefix_of("").is_none());
    }

    #[test]
    fn backward_match_respects_boundary() {
        let t = Table::new(&[("us $", 1), ("$", 2), ("about", 3)]);
        assert_eq!(t.suffix_of("x us $").map(|(e, _)| e.value), Some(1));
        assert_eq!(t.suffix_of("plus $").map(|(e, _)| e.value), Some(2));
        assert_eq!(t.suffix_of("sales of about").map(|(e, _)| e.value), Some(3));
        assert!(t.suffix_of("runabout").is_none());
    }
}
