//! Arabic digit runs: ASCII and full-width digits, `,`/`，` grouping and
//! `.`/`．` decimals (rule `arabic_number` in the grammar).

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::take_while1;
use rust_decimal::Decimal;

/// A digit run as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    /// The value (integer and fraction).
    pub value: Decimal,
    /// Number of digits after the decimal point.
    pub frac: u32,
    /// Bytes consumed.
    pub len: usize,
    /// A grouping separator was used.
    pub grouped: bool,
    /// Number of digits written.
    pub count: usize,
    /// The value overflowed `Decimal` (digits too many).
    pub overflow: bool,
}

/// Value of an ASCII or full-width digit.
#[inline]
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

#[inline]
pub(crate) fn is_digit_char(c: char) -> bool {
    digit_value(c).is_some()
}

fn digit_run(input: &str) -> IResult<&str, &str> {
    // fast path: a run of ASCII digits not followed by a full-width digit
    let n = input.bytes().take_while(u8::is_ascii_digit).count();
    if n > 0 && input.as_bytes().get(n).is_none_or(|&b| b < 0x80) {
        return Ok((&input[n..], &input[..n]));
    }
    take_while1(is_digit_char).parse(input)
}

/// Accumulates digits into an integer mantissa (at most 28 significant
/// digits fit a `Decimal`; more set `overflow`).
struct Acc {
    mantissa: u128,
    count: usize,
    overflow: bool,
}

/// Largest mantissa a `Decimal` holds (2^96 - 1).
const MAX_MANTISSA: u128 = (1u128 << 96) - 1;

impl Acc {
    fn push_str(&mut self, s: &str) {
        for b in s.bytes() {
            // ASCII digits are one byte; full-width digits end in 0x90..=0x99
            let d = match b {
                b'0'..=b'9' => b - b'0',
                0x90..=0x99 => b - 0x90,
                _ => continue,
            };
            self.count += 1;
            if self.overflow {
                continue;
            }
            self.mantissa = self.mantissa * 10 + d as u128;
            if self.mantissa > MAX_MANTISSA {
                self.overflow = true;
            }
        }
    }
}

/// `arabic_number = digits ( [,，] digit{3} )* ( [.．] digits )?`
///
/// A separator counts only when exactly three digits follow it (and no fourth);
/// a decimal point only when a digit follows it.
pub(crate) fn arabic_number(input: &str) -> Option<Digits> {
    // fast path: ASCII digits, optional ASCII decimals, no grouping, ≤ 28 digits
    let b = input.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n > 0 && n <= 18 {
        let next = b.get(n).copied();
        // the number ends at k unless a digit, a ',' group or a full-width digit follows
        let plain_end = |k: usize| {
            let fullwidth_digit = b.get(k) == Some(&0xEF)
                && b.get(k + 1) == Some(&0xBC)
                && b.get(k + 2).is_some_and(|c| (0x90..=0x99).contains(c));
            !fullwidth_digit && b.get(k).is_none_or(|&c| !c.is_ascii_digit() && c != b',')
        };
        if next != Some(b'.') && plain_end(n) {
            let v = b[..n].iter().fold(0i64, |a, &c| a * 10 + (c - b'0') as i64);
            return Some(Digits {
                value: Decimal::new(v, 0),
                frac: 0,
                len: n,
                grouped: false,
                count: n,
                overflow: false,
            });
        }
        if next == Some(b'.') {
            let f = b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if f > 0 && n + f <= 18 && plain_end(n + 1 + f) {
                let v = b[..n]
                    .iter()
                    .chain(&b[n + 1..n + 1 + f])
                    .fold(0i64, |a, &c| a * 10 + (c - b'0') as i64);
                return Some(Digits {
                    value: Decimal::new(v, f as u32),
                    frac: f as u32,
                    len: n + 1 + f,
                    grouped: false,
                    count: n + f,
                    overflow: false,
                });
            }
        }
    }
    let (mut rest, first) = digit_run(input).ok()?;
    let mut acc = Acc {
        mantissa: 0,
        count: 0,
        overflow: false,
    };
    acc.push_str(first);
    let mut grouped = false;
    // thousands groups; only when the first group has 1-3 digits
    if first.len() <= 3 || first.chars().count() <= 3 {
        loop {
            let mut it = rest.chars();
            let Some(sep) = it.next() else { break };
            // a full-width comma groups only full-width digits: "20，300" is a list
            let fullwidth = first.starts_with(|c: char| !c.is_ascii_digit());
            if sep != ',' && !(sep == '，' && fullwidth) {
                break;
            }
            let after = &rest[sep.len_utf8()..];
            match digit_run(after) {
                Ok((r2, grp)) if grp.chars().count() == 3 => {
                    acc.push_str(grp);
                    grouped = true;
                    rest = r2;
                }
                _ => break,
            }
        }
    }
    let mut frac = 0u32;
    if let Some(sep) = rest.chars().next() {
        if sep == '.' || sep == '．' {
            let after = &rest[sep.len_utf8()..];
            if let Ok((r2, f)) = digit_run(after) {
                acc.push_str(f);
                frac = f.chars().count() as u32;
                rest = r2;
            }
        }
    }
    let len = input.len() - rest.len();
    let value = if acc.overflow || frac > 28 {
        None
    } else {
        Decimal::try_from_i128_with_scale(acc.mantissa as i128, frac).ok()
    };
    let overflow = value.is_none();
    let value = value.unwrap_or(Decimal::ZERO);
    Some(Digits {
        value,
        frac,
        len,
        grouped,
        count: acc.count,
        overflow,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> (String, usize) {
        let d = arabic_number(s).expect("number");
        (d.value.to_string(), d.len)
    }

    #[test]
    fn accepts_plain_grouped_decimal_fullwidth() {
        assert_eq!(v("5000亿"), ("5000".into(), 4));
        assert_eq!(v("5,000 "), ("5000".into(), 5));
        assert_eq!(v("1,100.9亿"), ("1100.9".into(), 7));
        assert_eq!(v("20，300美圆"), ("20".into(), 2));
        assert_eq!(v("１１.92"), ("11.92".into(), 9));
        assert_eq!(v("４，５６５"), ("4565".into(), 15));
        assert_eq!(v("２．２亿"), ("2.2".into(), 9));
        assert_eq!(v("1,050,000,000"), ("1050000000".into(), 13));
    }

    #[test]
    fn separator_needs_three_digits() {
        assert_eq!(v("1, 234"), ("1".into(), 1));
        assert_eq!(v("1,2345"), ("1".into(), 1));
        assert_eq!(v("12,34"), ("12".into(), 2));
        assert_eq!(v("1234,567"), ("1234".into(), 4));
    }

    #[test]
    fn decimal_point_needs_digit() {
        assert_eq!(v("9984.T"), ("9984".into(), 4));
        assert_eq!(v("5."), ("5".into(), 1));
    }

    #[test]
    fn rejects_non_digits() {
        assert!(arabic_number("abc").is_none());
        assert!(arabic_number("").is_none());
        assert!(arabic_number(",5").is_none());
    }

    #[test]
    fn precision_digits_kept() {
        let d = arabic_number("4.800").expect("number");
        assert_eq!(d.frac, 3);
        assert_eq!(d.value.to_string(), "4.800");
    }

    #[test]
    fn overflow_is_flagged_not_panicking() {
        let d = arabic_number(&"9".repeat(40)).expect("number");
        assert!(d.overflow);
        assert_eq!(d.count, 40);
    }
}
