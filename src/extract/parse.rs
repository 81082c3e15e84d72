//! The public numeral function: one Chinese or Arabic numeral string → `Decimal`.
//!
//! `parse_numeral` reads a whole string as one number. It builds on the
//! `chinese_numeral` scanner that the extractor uses in running text, and adds
//! what only makes sense for a string that is known to be a number: signs,
//! fractions (五分之一, 3/5), mixed numbers (三又三分之一, 1 3/5), exponents
//! (2e5, 2^5), attached scale letters (40k), 打 (dozen) and 半 (half).

use super::number::digit_value;
use super::numeral::{chinese_numeral, cn_large_unit, cn_small_unit};
use super::scale::scale_word;
use crate::error::{Error, ErrorKind, shorten};
use rust_decimal::Decimal;

/// Parses one Chinese or Arabic numeral ("一千二百三十四万五千", "1.5万亿",
/// "三四六億", "5,000", "负三十二", "五分之一", "1 3/5", "2.5e-3") to a
/// `Decimal`.
///
/// Leading and trailing whitespace is ignored; anything else must be part of
/// the number. The grammar (whitespace `ws` is allowed where shown):
///
/// ```text
/// numeral  = sign* value
/// value    = simple ws* "又" ws* fraction        -- 三百五又三分之一, 3又1/2
///          | simple ws+ fraction                 -- 1 3/5
///          | fraction
///          | simple
/// fraction = simple ws* "分" ws* "之" ws* sign* simple   -- 五分之一 = 1/5 (denominator first)
///          | simple ws* [/／] ws* sign* simple            -- 3/5
/// simple   = ( chinese_numeral | "." digits | 半 unit? ) exponent? scale? ( ws* 打 )?
/// exponent = [eEｅＥ] sign* digits                 -- 2e5, 2.7e－1
///          | [^＾] sign* digits                    -- 2^5, 2^-1, 1.1^+23
/// scale    = ws* (k | K | m | M | b | B | million | bn | …)   -- 40k, -2.5 M (Arabic numerals only)
/// sign     = - | － | − | + | ＋ | 负 | 負                 -- each minus flips the sign
/// ```
///
/// `chinese_numeral` is the extractor's rule (digits, 十百千, 万亿兆, 零, 点,
/// 多/余/几 markers, full-width digits, grouping commas). A leading 零 before a
/// unit is ignored (零十 = 10), 打 multiplies by 12 (一打 = 12), 半百 = 50. A
/// 多/余/几 marker gives the written value ("二十几万" = 200000).
///
/// The value is exact except for fractions and negative powers that do not
/// terminate (三分之一) and powers with more than 28 decimal places
/// (0.5^99), which `Decimal` arithmetic rounds to 28 decimal places or
/// significant digits.
///
/// # Errors
/// [`ErrorKind::Empty`] for empty or blank input, [`ErrorKind::ExpectedNumber`]
/// when `s` (or the part after 之, `/` or a sign) is not a numeral,
/// [`ErrorKind::TrailingInput`] when text follows the number,
/// [`ErrorKind::DivisionByZero`] for a zero denominator and
/// [`ErrorKind::Overflow`] when the value does not fit a `Decimal` (or an
/// exponent moves it past 28 decimal places). The error's location holds byte
/// offsets into `s`.
///
/// ```
/// use figcheck::parse_numeral;
/// assert_eq!(parse_numeral("一千二百三十四万五千")?, "12345000".parse().unwrap());
/// assert_eq!(parse_numeral("1.5万亿")?, "1500000000000".parse().unwrap());
/// assert_eq!(parse_numeral("负一又二分之一")?, "-1.5".parse().unwrap());
/// assert_eq!(parse_numeral("2.5e-3")?, "0.0025".parse().unwrap());
/// assert!(parse_numeral("五元").is_err());
/// # Ok::<(), figcheck::Error>(())
/// ```
pub fn parse_numeral(s: &str) -> Result<Decimal, Error> {
    if s.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty));
    }
    let mut p = Parser { s, pos: 0 };
    p.skip_ws();
    let neg = p.signs();
    let v = p.value()?;
    p.skip_ws();
    if p.pos < s.len() {
        let rest = shorten(s[p.pos..].trim_end());
        return Err(Error::at(
            ErrorKind::TrailingInput { rest },
            p.pos,
            s.trim_end().len(),
        ));
    }
    Ok(negate_if(neg, v).normalize())
}

/// `-v` when `neg`; zero stays unsigned.
fn negate_if(neg: bool, v: Decimal) -> Decimal {
    if neg && !v.is_zero() { -v } else { v }
}

/// Minus signs: ASCII, full-width, Unicode minus, 负, 負.
fn is_minus(c: char) -> bool {
    matches!(c, '-' | '－' | '−' | '负' | '負')
}

/// Plus signs: ASCII and full-width.
fn is_plus(c: char) -> bool {
    matches!(c, '+' | '＋')
}

/// A hand-written recursive-descent reader over `s`; `pos` is a byte offset.
struct Parser<'s> {
    s: &'s str,
    pos: usize,
}

impl<'s> Parser<'s> {
    fn rest(&self) -> &'s str {
        &self.s[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Consumes `c` if it comes next.
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Consumes the first char of `set` that comes next.
    fn eat_any(&mut self, set: &[char]) -> bool {
        set.iter().any(|&c| self.eat(c))
    }

    /// Skips whitespace (ASCII, ideographic); returns bytes skipped.
    fn skip_ws(&mut self) -> usize {
        let n = self.rest().len() - self.rest().trim_start().len();
        self.pos += n;
        n
    }

    /// `sign*`: true when the number of minus signs is odd.
    fn signs(&mut self) -> bool {
        let mut neg = false;
        while let Some(c) = self.peek() {
            if is_minus(c) {
                neg = !neg;
            } else if !is_plus(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        neg
    }

    /// An error of `kind` spanning `start..` the current position.
    fn err(&self, kind: ErrorKind, start: usize) -> Error {
        Error::at(kind, start, self.pos.max(start))
    }

    fn overflow(&self, start: usize) -> Error {
        self.err(
            ErrorKind::Overflow {
                text: shorten(&self.s[start..self.pos]),
            },
            start,
        )
    }

    /// `value`: a mixed number, a fraction or a simple numeral.
    fn value(&mut self) -> Result<Decimal, Error> {
        let start = self.pos;
        if let Some(f) = self.fraction()? {
            return Ok(f);
        }
        let whole = self.simple()?;
        let after = self.pos;
        let gap = self.skip_ws();
        let joined = if self.eat('又') {
            self.skip_ws();
            true
        } else {
            gap > 0
        };
        if joined {
            if let Some(f) = self.fraction()? {
                return whole.checked_add(f).ok_or_else(|| self.overflow(start));
            }
        }
        self.pos = after;
        Ok(whole)
    }

    /// `fraction`, or `None` (and nothing consumed) when there is none here.
    /// After 分之 or `/` the numerator or denominator is required.
    fn fraction(&mut self) -> Result<Option<Decimal>, Error> {
        let start = self.pos;
        let Ok(first) = self.simple() else {
            self.pos = start;
            return Ok(None);
        };
        self.skip_ws();
        let (num, den) = if self.eat('分') {
            self.skip_ws();
            if !self.eat('之') {
                self.pos = start;
                return Ok(None);
            }
            self.skip_ws();
            (self.signed_simple()?, first)
        } else if self.eat_any(&['/', '／']) {
            self.skip_ws();
            (first, self.signed_simple()?)
        } else {
            self.pos = start;
            return Ok(None);
        };
        if den.is_zero() {
            let text = shorten(&self.s[start..self.pos]);
            return Err(self.err(ErrorKind::DivisionByZero { text }, start));
        }
        num.checked_div(den)
            .map(Some)
            .ok_or_else(|| self.overflow(start))
    }

    /// `sign* simple`, as a numerator or denominator.
    fn signed_simple(&mut self) -> Result<Decimal, Error> {
        let neg = self.signs();
        let v = self.simple()?;
        Ok(negate_if(neg, v))
    }

    /// `simple`: one numeral with its optional exponent, scale and 打.
    fn simple(&mut self) -> Result<Decimal, Error> {
        let start = self.pos;
        let (mut v, arabic) = self.base()?;
        if arabic {
            v = self.exponent(v, start)?;
            let save = self.pos;
            self.skip_ws();
            match scale_word(self.rest()) {
                Some((e, n)) if !self.rest()[n..].starts_with(char::is_alphanumeric) => {
                    self.pos += n;
                    v = times_pow10(v, i64::from(e)).ok_or_else(|| self.overflow(start))?;
                }
                _ => self.pos = save,
            }
        }
        let save = self.pos;
        self.skip_ws();
        if self.eat('打') {
            v = v
                .checked_mul(Decimal::from(12))
                .ok_or_else(|| self.overflow(start))?;
        } else {
            self.pos = save;
        }
        Ok(v)
    }

    /// The numeral itself: (value, written in Arabic digits only).
    fn base(&mut self) -> Result<(Decimal, bool), Error> {
        let start = self.pos;
        let r = self.rest();
        // ".5", "．23456"
        if let Some(after) = r.strip_prefix('.').or_else(|| r.strip_prefix('．')) {
            let digits: String = after
                .chars()
                .map_while(digit_value)
                .map(|d| char::from(b'0' + d as u8))
                .collect();
            if !digits.is_empty() {
                let len = after
                    .chars()
                    .take(digits.len())
                    .map(char::len_utf8)
                    .sum::<usize>();
                self.pos += r.len() - after.len() + len;
                let v = Decimal::from_str_exact(&format!("0.{digits}"))
                    .map_err(|_| self.overflow(start))?;
                return Ok((v, true));
            }
        }
        // 半百 = 50, 半打 = 6, 半 = 0.5
        if let Some(after) = r.strip_prefix('半') {
            self.pos += '半'.len_utf8();
            let unit = after.chars().next().and_then(|c| {
                let v = cn_small_unit(c)
                    .map(Decimal::from)
                    .or_else(|| cn_large_unit(c).map(pow10));
                v.map(|v| (v, c.len_utf8()))
            });
            let half = Decimal::new(5, 1);
            return Ok(match unit {
                Some((u, n)) => {
                    self.pos += n;
                    (u * half, false)
                }
                None => (half, false),
            });
        }
        // 零十 = 十: a leading 零 before a unit is not a digit
        let r = match r.strip_prefix('零') {
            Some(after)
                if after
                    .trim_start()
                    .starts_with(|c| cn_small_unit(c).is_some()) =>
            {
                self.pos += r.len() - after.trim_start().len();
                self.rest()
            }
            _ => r,
        };
        let Some(n) = chinese_numeral(r) else {
            self.pos = start;
            return Err(self.err(ErrorKind::ExpectedNumber { found: shorten(r) }, start));
        };
        self.pos += n.len;
        if n.overflow {
            return Err(self.overflow(start));
        }
        Ok((n.value, !n.chinese && !n.scaled && !n.more && !n.several))
    }

    /// `exponent`, applied to `v` (read from `start`).
    fn exponent(&mut self, v: Decimal, start: usize) -> Result<Decimal, Error> {
        let save = self.pos;
        let power = if self.eat_any(&['e', 'E', 'ｅ', 'Ｅ']) {
            false
        } else if self.eat_any(&['^', '＾']) {
            true
        } else {
            return Ok(v);
        };
        let neg = self.signs();
        let digits = self
            .rest()
            .chars()
            .take_while(|&c| digit_value(c).is_some())
            .count();
        if digits == 0 {
            self.pos = save;
            return Ok(v);
        }
        let mut exp: Option<i64> = Some(0);
        for c in self.rest().chars().take(digits) {
            self.pos += c.len_utf8();
            let d = digit_value(c).map_or(0, i64::from);
            exp = exp
                .and_then(|e| e.checked_mul(10))
                .and_then(|e| e.checked_add(d));
        }
        let exp = exp.ok_or_else(|| self.overflow(start))?;
        let exp = if neg { -exp } else { exp };
        if !power {
            return times_pow10(v, exp).ok_or_else(|| self.overflow(start));
        }
        if v.is_zero() && exp < 0 {
            let text = shorten(&self.s[start..self.pos]);
            return Err(self.err(ErrorKind::DivisionByZero { text }, start));
        }
        let p = powi(v, exp.unsigned_abs()).ok_or_else(|| self.overflow(start))?;
        if exp < 0 {
            Decimal::ONE
                .checked_div(p)
                .ok_or_else(|| self.overflow(start))
        } else {
            Ok(p)
        }
    }
}

/// 10^e for the exponents of 十百千万亿兆 (at most 12).
fn pow10(e: u32) -> Decimal {
    Decimal::from(10u64.pow(e))
}

/// `v × 10^exp`, exactly: `None` when the result needs more than 28 decimal
/// places or does not fit.
fn times_pow10(v: Decimal, exp: i64) -> Option<Decimal> {
    if v.is_zero() {
        return Some(Decimal::ZERO);
    }
    let mut v = v.normalize();
    let scale = i64::from(v.scale());
    if exp <= scale {
        // only the scale moves: exact
        let s = scale
            .checked_sub(exp)
            .and_then(|s| u32::try_from(s).ok())
            .filter(|&s| s <= 28)?;
        v.set_scale(s).ok()?;
        return Some(v);
    }
    v.set_scale(0).ok()?;
    let mut left = exp - scale;
    while left > 0 {
        v = v.checked_mul(Decimal::TEN)?;
        left -= 1;
    }
    Some(v)
}

/// `v^n` by repeated squaring; `None` on overflow.
fn powi(mut base: Decimal, mut n: u64) -> Option<Decimal> {
    let mut acc = Decimal::ONE;
    while n > 0 {
        if n & 1 == 1 {
            acc = acc.checked_mul(base)?;
        }
        n >>= 1;
        if n > 0 {
            base = base.checked_mul(base)?;
        }
    }
    Some(acc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        parse_numeral(s)
            .unwrap_or_else(|e| panic!("{s:?}: {e}"))
            .to_string()
    }

    fn err(s: &str) -> String {
        parse_numeral(s).map_or_else(|e| e.to_string(), |v| panic!("{s:?} parsed as {v}"))
    }

    #[test]
    fn accepts_chinese_and_arabic_numerals() {
        assert_eq!(ok("一千二百三十四万五千"), "12345000");
        assert_eq!(ok("  1.5万亿 "), "1500000000000");
        assert_eq!(ok("三四六億"), "34600000000");
        assert_eq!(ok("10,000.233"), "10000.233");
        assert_eq!(ok("２．２亿"), "220000000");
        assert_eq!(ok("4.800"), "4.8");
        assert_eq!(ok("十 余 万"), "100000");
        assert_eq!(ok("二十几万"), "200000");
        assert_eq!(ok("两千三点一"), "2300.1");
        assert_eq!(ok("四百 点 五"), "400.5");
        assert_eq!(ok("零十"), "10");
        assert_eq!(ok("零点五"), "0.5");
    }

    #[test]
    fn accepts_signs() {
        assert_eq!(ok("负三十二"), "-32");
        assert_eq!(ok("負四十五億零四百零四萬"), "-4504040000");
        assert_eq!(ok("-10000"), "-10000");
        assert_eq!(ok("－－9"), "9");
        assert_eq!(ok("+7"), "7");
        assert_eq!(ok("-.5"), "-0.5");
        assert_eq!(ok(".23456000"), "0.23456");
    }

    #[test]
    fn accepts_fractions_and_mixed_numbers() {
        assert_eq!(ok("五分之一"), "0.2");
        assert_eq!(ok("五 分之 一"), "0.2");
        assert_eq!(ok("二分 之一"), "0.5");
        assert_eq!(ok("一百分之五十五点五七九"), "0.55579");
        assert_eq!(ok("百分之五"), "0.05");
        assert_eq!(ok("１６分之2225"), "139.0625");
        assert_eq!(ok("３／５"), "0.6");
        assert_eq!(ok("-3/2"), "-1.5");
        assert_eq!(ok("1 ３/5"), "1.6");
        assert_eq!(ok("3又1/2"), "3.5");
        assert_eq!(ok("负一又二分之一"), "-1.5");
        assert_eq!(ok("一百万又五十万分之二十五"), "1000000.00005");
        assert_eq!(ok("负３分之负一百五十七"), "52.333333333333333333333333333");
        assert_eq!(
            ok("三 百 五 又 三 分之 一"),
            "350.33333333333333333333333333"
        );
    }

    #[test]
    fn accepts_exponents_and_scales() {
        assert_eq!(ok("2e5"), "200000");
        assert_eq!(ok("21.2E0"), "21.2");
        assert_eq!(ok("２.７８９０e－１"), "0.2789");
        assert_eq!(ok("-12e-1"), "-1.2");
        assert_eq!(ok("12.32e+14"), "1232000000000000");
        assert_eq!(ok("1e-28"), "0.0000000000000000000000000001");
        assert_eq!(ok("2^5"), "32");
        assert_eq!(ok("2^-1"), "0.5");
        assert_eq!(ok("-2.5^-1"), "-0.4");
        assert_eq!(ok("1.1^+23"), "8.95430243255237372246531");
        assert_eq!(ok("-1.1^--23"), "-8.95430243255237372246531");
        assert_eq!(ok("0^0"), "1");
        assert_eq!(ok("40k"), "40000");
        assert_eq!(ok("-2.5 M"), "-2500000");
        assert_eq!(ok("3 billion"), "3000000000");
    }

    #[test]
    fn accepts_dozen_and_half() {
        assert_eq!(ok("一打"), "12");
        assert_eq!(ok("五十打"), "600");
        assert_eq!(ok("半打"), "6");
        assert_eq!(ok("半百"), "50");
        assert_eq!(ok("半"), "0.5");
    }

    #[test]
    fn rejects_empty_and_non_numerals() {
        assert_eq!(err(""), "empty input: expected a number");
        assert_eq!(err(" \u{3000}"), "empty input: expected a number");
        assert_eq!(
            err("万"),
            "byte 0: invalid number \"万\": expected digits or a Chinese numeral"
        );
        assert_eq!(
            err("元"),
            "byte 0: invalid number \"元\": expected digits or a Chinese numeral"
        );
        assert_eq!(
            err("-"),
            "byte 1: invalid number \"\": expected digits or a Chinese numeral"
        );
    }

    #[test]
    fn rejects_trailing_input() {
        assert_eq!(
            err("一切"),
            "byte 3: unexpected \"切\" after the number: expected the end of the input"
        );
        assert_eq!(
            err(" 五元 "),
            "byte 4: unexpected \"元\" after the number: expected the end of the input"
        );
        assert_eq!(
            err("3又5"),
            "byte 1: unexpected \"又5\" after the number: expected the end of the input"
        );
        assert_eq!(
            err("五分"),
            "byte 3: unexpected \"分\" after the number: expected the end of the input"
        );
        assert_eq!(
            err("1/2/3"),
            "byte 3: unexpected \"/3\" after the number: expected the end of the input"
        );
        assert_eq!(
            err("2e"),
            "byte 1: unexpected \"e\" after the number: expected the end of the input"
        );
        assert_eq!(
            err("5 km"),
            "byte 2: unexpected \"km\" after the number: expected the end of the input"
        );
        assert_eq!(
            err("二十几e5"),
            "byte 9: unexpected \"e5\" after the number: expected the end of the input"
        );
    }

    #[test]
    fn rejects_missing_numerator_or_denominator() {
        assert_eq!(
            err("五分之"),
            "byte 9: invalid number \"\": expected digits or a Chinese numeral"
        );
        assert_eq!(
            err("3/x"),
            "byte 2: invalid number \"x\": expected digits or a Chinese numeral"
        );
    }

    #[test]
    fn rejects_division_by_zero() {
        assert_eq!(
            err("零分之一"),
            "byte 0: fraction \"零分之一\" divides by zero"
        );
        assert_eq!(err("1 3/0"), "byte 2: fraction \"3/0\" divides by zero");
        assert_eq!(err("0^-1"), "byte 0: fraction \"0^-1\" divides by zero");
    }

    #[test]
    fn rejects_overflow() {
        let msg = "expected at most 28 significant digits and a magnitude below 7.9e28";
        assert_eq!(
            err("9e28"),
            format!("byte 0: amount \"9e28\" is out of range: {msg}")
        );
        assert_eq!(
            err("1e-29"),
            format!("byte 0: amount \"1e-29\" is out of range: {msg}")
        );
        assert_eq!(
            err("10^29"),
            format!("byte 0: amount \"10^29\" is out of range: {msg}")
        );
        assert_eq!(
            err("2e99999999999999999999"),
            format!("byte 0: amount \"2e99999999999999999999\" is out of range: {msg}")
        );
        assert_eq!(
            err("一千万亿亿亿"),
            format!("byte 0: amount \"一千万亿亿亿\" is out of range: {msg}")
        );
    }

    #[test]
    fn exact_power_helpers() {
        assert_eq!(
            times_pow10(Decimal::new(12732, 2), 13),
            Some(Decimal::from(1_273_200_000_000_000i64))
        );
        assert_eq!(
            times_pow10(Decimal::new(5, 0), -2),
            Some(Decimal::new(5, 2))
        );
        assert_eq!(times_pow10(Decimal::ZERO, 99), Some(Decimal::ZERO));
        assert_eq!(
            powi(Decimal::new(11, 1), 23).map(|d| d.normalize().to_string()),
            Some("8.95430243255237372246531".into())
        );
        assert_eq!(powi(Decimal::TEN, 0), Some(Decimal::ONE));
    }
}
