//! Chinese numerals, Arabic digits mixed with Chinese units, and English
//! number words (rules `chinese_numeral` and `english_numeral`).

use super::number::{arabic_number, digit_value};
use rust_decimal::Decimal;

/// What a numeral scan found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Num {
    /// The value; zero when `overflow`.
    pub value: Decimal,
    /// Place value of the last written digit.
    pub precision: Decimal,
    /// Bytes consumed.
    pub len: usize,
    /// A large unit (万 亿 兆) or scale word was written.
    pub scaled: bool,
    /// 多/余 marker ("500多亿"): the written value is a lower bound.
    pub more: bool,
    /// 几 marker ("二十几万"): a vague last digit at `precision`.
    pub several: bool,
    /// The numeral used Chinese numeral characters.
    pub chinese: bool,
    /// Only Arabic digits, no separator, decimal point or unit (years, codes).
    pub bare_integer: bool,
    /// A decimal point was written.
    pub decimal: bool,
    /// Number of digits written.
    pub digits: usize,
    /// The value does not fit a `Decimal`.
    pub overflow: bool,
}

/// Value of a Chinese digit character (including financial forms).
#[inline]
pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '倆' | '俩' | '弍' => 2,
        '三' | '叁' | '參' | '叄' | '弎' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Small units 十 百 千 (and financial forms).
#[inline]
pub(crate) fn cn_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' | '什' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Large units 万 亿 兆 (exponent of ten).
#[inline]
pub(crate) fn cn_large_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        '兆' => 12,
        _ => return None,
    })
}

/// Characters that can start a Chinese numeral in running text.
#[inline]
pub(crate) fn is_cn_numeral_start(c: char) -> bool {
    (cn_digit(c).is_some() && c != 'Ｏ') || cn_small_unit(c).is_some()
}

/// 10^exp for -28 <= exp <= 28 (clamped), exact.
pub(crate) fn pow10(exp: i64) -> Decimal {
    if exp >= 0 {
        // 10^28 fits the 96-bit mantissa
        Decimal::from_i128_with_scale(10i128.pow(exp.min(28) as u32), 0)
    } else {
        Decimal::new(1, (-exp).min(28) as u32)
    }
}

/// A positional digit run: Arabic ("4000", "1.5") or Chinese digit-by-digit ("三四六").
#[derive(Clone, Copy, Debug)]
struct Run {
    value: Decimal,
    /// Place of the last digit (1 for integers, 0.1 for one decimal...).
    place: Decimal,
    len: usize,
    /// A single Chinese digit before any decimal point, candidate for the
    /// abbreviated tail ("一万三" = 13000, "两千三点一" = 2300.1).
    single_cn: bool,
    /// The part after the decimal point (zero without one).
    frac: Decimal,
    chinese: bool,
    decimal: bool,
    digits: usize,
    grouped: bool,
    overflow: bool,
}

fn chinese_run(s: &str) -> Option<Run> {
    let mut value = Decimal::ZERO;
    let mut len = 0;
    let mut n = 0usize;
    let mut overflow = false;
    for c in s.chars() {
        let Some(d) = cn_digit(c) else { break };
        n += 1;
        len += c.len_utf8();
        if !overflow {
            match value
                .checked_mul(Decimal::TEN)
                .and_then(|v| v.checked_add(Decimal::from(d)))
            {
                Some(v) => value = v,
                None => overflow = true,
            }
        }
    }
    if n == 0 {
        return None;
    }
    let mut run = Run {
        value,
        place: Decimal::ONE,
        len,
        single_cn: n == 1,
        frac: Decimal::ZERO,
        chinese: true,
        decimal: false,
        digits: n,
        grouped: false,
        overflow,
    };
    // decimal part: 点/點 followed by Chinese or Arabic digits
    if let Some((frac, flen, fn_)) = point_fraction(&s[len..], false) {
        run.add_fraction(frac, fn_);
        run.len += flen;
    }
    Some(run)
}

impl Run {
    /// Appends the decimal part `frac` of `n` digits (read after 点).
    fn add_fraction(&mut self, frac: Decimal, n: usize) {
        self.value = self.value.checked_add(frac).unwrap_or(self.value);
        self.frac = frac;
        self.place = pow10(-(n as i64));
        self.decimal = true;
        self.digits += n;
    }
}

/// A decimal point 点/點 and the digits after it, at the start of `s`:
/// (fraction, bytes consumed, digits). With `spaced`, a small gap may follow
/// the point ("四百 点 五").
fn point_fraction(s: &str, spaced: bool) -> Option<(Decimal, usize, usize)> {
    let after = s.strip_prefix('点').or_else(|| s.strip_prefix('點'))?;
    let gap = if spaced { small_gap(after) } else { 0 };
    let (frac, flen, n) = fraction_digits(&after[gap..])?;
    Some((frac, '点'.len_utf8() + gap + flen, n))
}

/// Digits after 点: Chinese or Arabic, returned as a fraction < 1.
fn fraction_digits(s: &str) -> Option<(Decimal, usize, usize)> {
    let mut mant: i64 = 0;
    let mut n = 0usize;
    let mut len = 0usize;
    for c in s.chars() {
        let d = match cn_digit(c).or_else(|| digit_value(c)) {
            Some(d) => d,
            None => break,
        };
        if n >= 18 {
            // further digits do not change the value at Decimal precision
            len += c.len_utf8();
            continue;
        }
        mant = mant * 10 + d as i64;
        n += 1;
        len += c.len_utf8();
    }
    if n == 0 {
        return None;
    }
    Some((Decimal::new(mant, n as u32), len, n))
}

fn arabic_run(s: &str) -> Option<Run> {
    let d = arabic_number(s)?;
    Some(Run {
        value: d.value,
        place: pow10(-(d.frac as i64)),
        len: d.len,
        single_cn: false,
        frac: Decimal::ZERO,
        chinese: false,
        decimal: d.frac > 0,
        digits: d.count,
        grouped: d.grouped,
        overflow: d.overflow,
    })
}

fn run_at(s: &str) -> Option<Run> {
    let c = s.chars().next()?;
    if digit_value(c).is_some() {
        arabic_run(s)
    } else if cn_digit(c).is_some() {
        chinese_run(s)
    } else {
        None
    }
}

/// Skips up to two ASCII spaces or one ideographic space; returns bytes skipped.
fn small_gap(s: &str) -> usize {
    // an ideographic or no-break space counts as one gap
    if let Some(c) = s
        .chars()
        .next()
        .filter(|&c| c == '\u{3000}' || c == '\u{a0}')
    {
        return c.len_utf8();
    }
    s.bytes().take(2).take_while(|&b| b == b' ').count()
}

/// `chinese_numeral`: digits (Arabic or Chinese), 十百千 units, 万亿兆 units,
/// 零 placeholders, 点 decimals, 多/余/几 markers, and small gaps before units.
///
/// An abbreviated tail keeps its decimal part ("两千三点一" = 2300.1). After
/// units, a small gap may come before 点, and then also after it
/// ("二十六 点三三", "四百 点 五"); without units before it, a spaced 点 is not
/// read ("三 点五" is 3), and Arabic digits never take 点 ("5点30" is a time).
///
/// Returns `None` when `s` does not start with a numeral.
pub(crate) fn chinese_numeral(s: &str) -> Option<Num> {
    // fast path: an Arabic number that no Chinese unit or marker continues
    if s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        let d = arabic_number(s)?;
        let rest = &s[d.len..];
        let next = rest.trim_start_matches([' ', '\u{a0}']).chars().next();
        let continues = next.is_some_and(|c| {
            cn_small_unit(c).is_some()
                || cn_large_unit(c).is_some()
                || cn_digit(c).is_some()
                || digit_value(c).is_some()
                || matches!(
                    c,
                    '多' | '余' | '餘' | '几' | '幾' | '点' | '點' | '\u{3000}'
                )
        });
        // second fast path: "250亿", "36.57 亿", "1.5万亿" — one large unit (or 万亿)
        // that nothing numeral-like follows
        if !d.overflow && next.is_some_and(|c| cn_large_unit(c).is_some()) {
            let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
            if gap <= 2 {
                let mut u = &rest[gap..];
                let mut e = 0u32;
                let mut units = 0;
                while let Some(c) = u.chars().next() {
                    let Some(x) = cn_large_unit(c) else { break };
                    if units == 1 && !(e == 4 && x == 8) {
                        break; // only 万亿 / 萬億 combine here
                    }
                    e += x;
                    units += 1;
                    u = &u[c.len_utf8()..];
                }
                let after = u.chars().next();
                let more = after.is_some_and(|c| {
                    cn_small_unit(c).is_some()
                        || cn_large_unit(c).is_some()
                        || cn_digit(c).is_some()
                        || digit_value(c).is_some()
                        || matches!(
                            c,
                            '多' | '余'
                                | '餘'
                                | '几'
                                | '幾'
                                | '点'
                                | '點'
                                | ' '
                                | '\u{a0}'
                                | '\u{3000}'
                        )
                });
                if !more {
                    let m = pow10(e as i64);
                    let (value, overflow) = match d.value.checked_mul(m) {
                        Some(v) => (v, false),
                        None => (Decimal::ZERO, true),
                    };
                    return Some(Num {
                        value,
                        precision: pow10(-(d.frac as i64)) * m,
                        len: s.len() - u.len(),
                        scaled: true,
                        more: false,
                        several: false,
                        chinese: true,
                        bare_integer: false,
                        decimal: d.frac > 0,
                        digits: d.count,
                        overflow,
                    });
                }
            }
        }
        if !continues {
            return Some(Num {
                value: d.value,
                precision: pow10(-(d.frac as i64)),
                len: d.len,
                scaled: false,
                more: false,
                several: false,
                chinese: false,
                bare_integer: !d.grouped && d.frac == 0,
                decimal: d.frac > 0,
                digits: d.count,
                overflow: d.overflow,
            });
        }
    }
    let mut st = State::default();
    let mut pos = 0usize;
    // leading: a digit run or a small unit
    let first = s.chars().next()?;
    // (a digit starts a run; checked by char, so the run is parsed only once below)
    if digit_value(first).is_none() && cn_digit(first).is_none() && cn_small_unit(first).is_none() {
        return None;
    }
    let mut last_small: u32 = u32::MAX; // last small unit in the current section
    let mut pending: Option<Run> = None;
    let mut end = 0usize; // end of the accepted numeral
    let mut zero_seen = false;
    let mut after_marker = false;
    loop {
        let rest = &s[pos..];
        let gap = if pos == 0 { 0 } else { small_gap(rest) };
        let r = &rest[gap..];
        let Some(c) = r.chars().next() else { break };
        if let Some(u) = cn_small_unit(c) {
            if after_marker || u >= last_small {
                break;
            }
            let (m, place) = match pending.take() {
                Some(run) => (run.value, run.place),
                None => (Decimal::ONE, Decimal::ONE),
            };
            let ud = Decimal::from(u);
            st.section = match m.checked_mul(ud).and_then(|x| st.section.checked_add(x)) {
                Some(v) => v,
                None => {
                    st.overflow = true;
                    st.section
                }
            };
            st.prec = match place.checked_mul(ud) {
                Some(v) => v,
                None => {
                    st.overflow = true;
                    st.prec
                }
            };
            st.last_unit = Some(ud);
            st.chinese = true;
            st.digits_written = true;
            last_small = u;
            zero_seen = false;
            pos += gap + c.len_utf8();
            end = pos;
            continue;
        }
        if let Some(e) = cn_large_unit(c) {
            if !st.digits_written && pending.is_none() && st.total.is_zero() && st.section.is_zero()
            {
                break;
            }
            // 万亿 / 萬億 read as one unit; 万万 multiplies
            let here = match pending.take() {
                Some(run) => {
                    st.prec = run.place;
                    run.value
                }
                None => Decimal::ZERO,
            };
            let value_here = st.section.checked_add(here);
            let Some(value_here) = value_here else {
                st.overflow = true;
                break;
            };
            let mult = pow10(e as i64);
            if value_here.is_zero() {
                // "万万", "万亿": multiply everything so far
                match st.total.checked_mul(mult) {
                    Some(v) => st.total = v,
                    None => st.overflow = true,
                }
                st.prec = st.prec.checked_mul(mult).unwrap_or(st.prec);
            } else if st.last_large.is_none_or(|l| e > l) {
                match st
                    .total
                    .checked_add(value_here)
                    .and_then(|v| v.checked_mul(mult))
                {
                    Some(v) => st.total = v,
                    None => st.overflow = true,
                }
                st.prec = st.prec.checked_mul(mult).unwrap_or(st.prec);
            } else {
                match value_here
                    .checked_mul(mult)
                    .and_then(|v| st.total.checked_add(v))
                {
                    Some(v) => st.total = v,
                    None => st.overflow = true,
                }
                st.prec = st.prec.checked_mul(mult).unwrap_or(st.prec);
            }
            st.last_large = Some(st.last_large.map_or(e, |l| l.max(e)));
            st.section = Decimal::ZERO;
            st.last_unit = Some(mult);
            st.scaled = true;
            st.chinese = true;
            st.digits_written = true;
            last_small = u32::MAX;
            zero_seen = false;
            after_marker = false;
            pos += gap + c.len_utf8();
            end = pos;
            continue;
        }
        if c == '零' && pending.is_none() && st.digits_written {
            // placeholder zero
            zero_seen = true;
            pos += gap + c.len_utf8();
            continue;
        }
        if (c == '多' || c == '余' || c == '餘')
            && !after_marker
            && (pending.is_some() || st.digits_written)
        {
            // marker; valid only if followed by a large unit or the end of the numeral
            st.more = true;
            after_marker = true;
            pos += gap + c.len_utf8();
            end = pos;
            continue;
        }
        if (c == '几' || c == '幾') && !after_marker && pending.is_none() && st.last_unit.is_some()
        {
            // vague digit
            let place = if zero_seen {
                Decimal::ONE
            } else {
                st.last_unit.map_or(Decimal::ONE, |u| {
                    if u >= Decimal::TEN {
                        u / Decimal::TEN
                    } else {
                        Decimal::ONE
                    }
                })
            };
            if place >= Decimal::from(10000) {
                // "一万几" is vague at 千; keep it simple and stop
                break;
            }
            st.several = true;
            st.prec = place;
            pending = Some(Run {
                value: Decimal::ZERO,
                place,
                len: c.len_utf8(),
                single_cn: false,
                frac: Decimal::ZERO,
                chinese: true,
                decimal: false,
                digits: 1,
                grouped: false,
                overflow: false,
            });
            after_marker = true;
            pos += gap + c.len_utf8();
            end = pos;
            continue;
        }
        if (c == '点' || c == '點') && pending.is_none() && st.digits_written && !after_marker {
            // decimal after units: "两千万点五五四四", "四百 点 五"
            if let Some((frac, flen, n)) = point_fraction(r, gap > 0) {
                st.tail_fraction = Some((frac, pow10(-(n as i64))));
                pos += gap + flen;
                end = pos;
            }
            break;
        }
        if (c == '点' || c == '點') && gap > 0 && !after_marker && st.last_unit.is_some() {
            // a spaced decimal point after a Chinese digit run that follows
            // units: "二千 三百 二十六 点三三"
            if let Some(run) = pending.as_mut().filter(|run| run.chinese && !run.decimal) {
                if let Some((frac, flen, n)) = point_fraction(r, true) {
                    run.add_fraction(frac, n);
                    st.digits += n;
                    st.decimal = true;
                    pos += gap + flen;
                    end = pos;
                }
            }
            break;
        }
        if pending.is_none() && !after_marker {
            // a digit run; after a gap only when units came before
            if gap > 0 && !st.digits_written {
                break;
            }
            if let Some(run) = run_at(r) {
                if st.digits_written
                    && !run.chinese
                    && gap == 0
                    && !zero_seen
                    && st.last_unit.is_none()
                {
                    break;
                }
                st.digits += run.digits;
                st.grouped |= run.grouped;
                st.decimal |= run.decimal;
                st.chinese |= run.chinese;
                st.overflow |= run.overflow;
                st.run_zero_before = zero_seen;
                pending = Some(run);
                pos += gap + run.len;
                end = pos;
                continue;
            }
        }
        break;
    }
    // finish
    let mut value = st.total.checked_add(st.section);
    if let Some(run) = pending {
        let tail_abbrev =
            run.single_cn && !st.run_zero_before && st.last_unit.is_some_and(|u| u >= Decimal::TEN);
        let (add, place) = if tail_abbrev && !st.several {
            // "两千三" = 2300; a decimal part stays at its own place: "两千三点一" = 2300.1
            let u = st.last_unit.unwrap_or(Decimal::TEN) / Decimal::TEN;
            let whole = run.value - run.frac;
            let add = whole.checked_mul(u).and_then(|w| w.checked_add(run.frac));
            (add, if run.decimal { run.place } else { u })
        } else {
            (Some(run.value), run.place)
        };
        value = match (value, add) {
            (Some(v), Some(a)) => v.checked_add(a),
            _ => None,
        };
        st.prec = place;
    }
    if let Some((frac, place)) = st.tail_fraction {
        value = value.and_then(|v| v.checked_add(frac));
        st.prec = place;
    }
    let overflow = st.overflow || value.is_none();
    if end == 0 {
        return None;
    }
    Some(Num {
        value: if overflow {
            Decimal::ZERO
        } else {
            value.unwrap_or_default()
        },
        precision: if st.prec.is_zero() {
            Decimal::ONE
        } else {
            st.prec
        },
        len: end,
        scaled: st.scaled,
        more: st.more,
        several: st.several,
        chinese: st.chinese,
        bare_integer: !st.chinese
            && !st.scaled
            && !st.grouped
            && !st.decimal
            && st.last_unit.is_none(),
        decimal: st.decimal || st.tail_fraction.is_some(),
        digits: st.digits,
        overflow,
    })
}

#[derive(Default)]
struct State {
    total: Decimal,
    section: Decimal,
    prec: Decimal,
    last_unit: Option<Decimal>,
    last_large: Option<u32>,
    scaled: bool,
    more: bool,
    several: bool,
    chinese: bool,
    grouped: bool,
    decimal: bool,
    digits: usize,
    digits_written: bool,
    run_zero_before: bool,
    overflow: bool,
    tail_fraction: Option<(Decimal, Decimal)>,
}

/// English number words: "five", "forty-five", "three hundred and twelve",
/// "half", "a quarter", "three quarters", optionally followed by scale words
/// handled by the caller.
pub(crate) fn english_numeral(s: &str) -> Option<Num> {
    let mut total = Decimal::ZERO;
    let mut current = Decimal::ZERO;
    let mut any = false;
    let mut pos = 0usize;
    let mut end = 0usize;
    let mut prec = Decimal::ONE;
    let mut last_small: Option<u8> = None; // 0-99 word class: 1 = units, 2 = teens, 3 = tens
    let mut fraction: Option<Decimal> = None;
    let mut overflow = false;
    loop {
        let rest = &s[pos..];
        // separators between words: one space or hyphen; "and" after hundred
        let (sep_len, r) = if pos == 0 {
            (0, rest)
        } else if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix(' ')) {
            (1, r)
        } else {
            break;
        };
        let wlen = r.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        if wlen == 0 {
            break;
        }
        let word = &r[..wlen];
        let lw = word.to_ascii_lowercase();
        let small = small_word(&lw);
        if let Some((v, class)) = small {
            // "twenty five" ok (tens then units); "five five" not
            match (last_small, class) {
                (None, _) => {}
                (Some(3), 1) => {}
                _ => break,
            }
            if fraction.is_some() {
                break;
            }
            match current.checked_add(Decimal::from(v)) {
                Some(c) => current = c,
                None => overflow = true,
            }
            prec = if class == 3 {
                Decimal::TEN
            } else {
                Decimal::ONE
            };
            last_small = Some(class);
            any = true;
            pos += sep_len + wlen;
            end = pos;
            continue;
        }
        match lw.as_str() {
            "hundred" if any && fraction.is_none() => {
                if current.is_zero() {
                    current = Decimal::ONE;
                }
                // "one hundred hundred …" must not panic
                match current.checked_mul(Decimal::ONE_HUNDRED) {
                    Some(c) => current = c,
                    None => overflow = true,
                }
                prec = Decimal::ONE_HUNDRED;
                last_small = None;
                pos += sep_len + wlen;
                end = pos;
                // "hundred and five"
                if let Some(r2) = s[pos..].strip_prefix(" and ") {
                    let w2 = r2.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
                    if small_word(&r2[..w2].to_ascii_lowercase()).is_some() {
                        pos += 4;
                    }
                }
                continue;
            }
            "half" if !any && fraction.is_none() => {
                fraction = Some(Decimal::new(5, 1));
                pos += sep_len + wlen;
                end = pos;
                continue;
            }
            "quarter" | "quarters" if fraction.is_none() => {
                let n = if any { current } else { Decimal::ONE };
                fraction = Some(n * Decimal::new(25, 2));
                current = Decimal::ZERO;
                pos += sep_len + wlen;
                end = pos;
                continue;
            }
            "thousand" | "million" | "billion" | "trillion" if any && fraction.is_none() => {
                // a following scale word is handled here so "one thousand two hundred" composes
                let e = match lw.as_str() {
                    "thousand" => 3,
                    "million" => 6,
                    "billion" => 9,
                    _ => 12,
                };
                // only compose when more number words follow; else leave the scale to the caller
                let after = &s[pos + sep_len + wlen..];
                let more = after
                    .strip_prefix(' ')
                    .or_else(|| after.strip_prefix('-'))
                    .map(|a| {
                        let w = a.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
                        small_word(&a[..w].to_ascii_lowercase()).is_some()
                    })
                    .unwrap_or(false);
                if !more {
                    break;
                }
                match current
                    .checked_mul(pow10(e))
                    .and_then(|c| total.checked_add(c))
                {
                    Some(t) => total = t,
                    None => overflow = true,
                }
                current = Decimal::ZERO;
                last_small = None;
                pos += sep_len + wlen;
                end = pos;
                continue;
            }
            _ => break,
        }
    }
    if end == 0 {
        return None;
    }
    let value = match fraction {
        Some(f) => f,
        None => {
            if !any {
                return None;
            }
            total.checked_add(current).unwrap_or_else(|| {
                overflow = true;
                Decimal::ZERO
            })
        }
    };
    let value = if overflow { Decimal::ZERO } else { value };
    Some(Num {
        value,
        precision: if fraction.is_some() {
            Decimal::new(25, 2)
        } else {
            prec
        },
        len: end,
        scaled: false,
        more: false,
        several: false,
        chinese: false,
        bare_integer: false,
        decimal: false,
        digits: 1,
        overflow,
    })
}

/// 0-99 number words: (value, class) with class 1 = units, 2 = teens/ten, 3 = tens.
pub(crate) fn small_word(w: &str) -> Option<(u32, u8)> {
    Some(match w {
        "zero" => (0, 1),
        "one" => (1, 1),
        "two" => (2, 1),
        "three" => (3, 1),
        "four" => (4, 1),
        "five" => (5, 1),
        "six" => (6, 1),
        "seven" => (7, 1),
        "eight" => (8, 1),
        "nine" => (9, 1),
        "ten" => (10, 2),
        "eleven" => (11, 2),
        "twelve" => (12, 2),
        "thirteen" => (13, 2),
        "fourteen" => (14, 2),
        "fifteen" => (15, 2),
        "sixteen" => (16, 2),
        "seventeen" => (17, 2),
        "eighteen" => (18, 2),
        "nineteen" => (19, 2),
        "twenty" => (20, 3),
        "thirty" => (30, 3),
        "forty" => (40, 3),
        "fifty" => (50, 3),
        "sixty" => (60, 3),
        "seventy" => (70, 3),
        "eighty" => (80, 3),
        "ninety" => (90, 3),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> (String, usize) {
        let n = chinese_numeral(s).unwrap_or_else(|| panic!("no numeral in {s:?}"));
        (n.value.normalize().to_string(), n.len)
    }

    fn val(s: &str) -> String {
        cn(s).0
    }

    fn prec(s: &str) -> String {
        chinese_numeral(s)
            .expect("numeral")
            .precision
            .normalize()
            .to_string()
    }

    #[test]
    fn compounds() {
        assert_eq!(val("一千二百三十四万五千"), "12345000");
        assert_eq!(val("5億1萬4千6百"), "500014600");
        assert_eq!(val("二十 億"), "2000000000");
        assert_eq!(val("四十九兆九千五百九十二億"), "49959200000000");
        assert_eq!(val("一万五千亿"), "1500000000000");
        assert_eq!(val("四万万"), "400000000");
        assert_eq!(val("10万万"), "1000000000");
        assert_eq!(val("二十一万亿"), "21000000000000");
        assert_eq!(val("一百零一万零三千零十二"), "1013012");
        assert_eq!(val("五亿零六"), "500000006");
        assert_eq!(
            val("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二"),
            "4569831148725382"
        );
    }

    #[test]
    fn financial_forms() {
        assert_eq!(val("肆佰陸拾"), "460");
        assert_eq!(val("壹佰伍拾"), "150");
        assert_eq!(val("倆千两百贰拾二"), "2222");
        assert_eq!(val("十万柒仟捌佰伍拾肆"), "107854");
    }

    #[test]
    fn decimals() {
        assert_eq!(val("三点五亿"), "350000000");
        assert_eq!(val("一點○五兆"), "1050000000000");
        assert_eq!(val("两千万点五五四四"), "20000000.5544");
        assert_eq!(val("四百亿点零五零"), "40000000000.05");
        assert_eq!(val("十五点七"), "15.7");
    }

    #[test]
    fn abbreviated_tail_keeps_its_decimal() {
        assert_eq!(val("两千三点一"), "2300.1");
        assert_eq!(val("一千六点五"), "1600.5");
        assert_eq!(val("一千零六点五"), "1006.5");
        assert_eq!(prec("两千三点一"), "0.1");
    }

    #[test]
    fn spaced_decimal_point_after_units() {
        assert_eq!(cn("四百 点 五"), ("400.5".into(), 14));
        assert_eq!(
            val("八千 三百 八十五 万 二千 三百 二十六 点三三"),
            "83852326.33"
        );
        // no unit before the gap, or no gap before 点: the point is not read
        assert_eq!(cn("三 点五"), ("3".into(), 3));
        assert_eq!(cn("十点 五分"), ("10".into(), 3));
    }

    #[test]
    fn huge_unit_chains_overflow_without_panic() {
        assert!(chinese_numeral("一千万亿亿亿").expect("numeral").overflow);
        let words = format!("one{}", " hundred".repeat(15));
        assert!(english_numeral(&words).expect("numeral").overflow);
        let words = format!("one{} thousand one", " hundred".repeat(13));
        assert!(english_numeral(&words).expect("numeral").overflow);
    }

    #[test]
    fn newspaper_digits() {
        assert_eq!(val("三四六億"), "34600000000");
        assert_eq!(val("五○五七點四億"), "505740000000");
        assert_eq!(val("一兆一一二三億"), "1112300000000");
    }

    #[test]
    fn arabic_with_units() {
        assert_eq!(val("3万4000"), "34000");
        assert_eq!(val("25万6千"), "256000");
        assert_eq!(val("1.5万亿"), "1500000000000");
        assert_eq!(val("3千万"), "30000000");
        assert_eq!(val("2千零30万"), "20300000");
        assert_eq!(val("7 万5 千4 百"), "75400");
        assert_eq!(val("1000  万"), "10000000");
        assert_eq!(val("1,100.9亿"), "110090000000");
    }

    #[test]
    fn abbreviated_tails() {
        assert_eq!(val("一万三"), "13000");
        assert_eq!(val("两千四百五"), "2450");
        assert_eq!(val("九百九"), "990");
        assert_eq!(val("千三"), "1300");
        assert_eq!(val("百三"), "130");
        assert_eq!(val("一千零五"), "1005");
    }

    #[test]
    fn markers() {
        let n = chinese_numeral("500多亿").expect("numeral");
        assert_eq!(n.value.normalize().to_string(), "50000000000");
        assert!(n.more);
        let n = chinese_numeral("二十几万").expect("numeral");
        assert_eq!(n.value.normalize().to_string(), "200000");
        assert!(n.several);
        assert_eq!(n.precision.normalize().to_string(), "10000");
    }

    #[test]
    fn precision_is_last_digit_place() {
        assert_eq!(prec("250 亿"), "100000000");
        assert_eq!(prec("三四六億"), "100000000");
        assert_eq!(prec("5000亿"), "100000000");
        assert_eq!(prec("1.5万亿"), "100000000000");
        assert_eq!(prec("一千二百三十四万五千"), "1000");
        assert_eq!(prec("二十亿"), "1000000000");
        assert_eq!(prec("一万三"), "1000");
        assert_eq!(prec("36.57亿"), "1000000");
    }

    #[test]
    fn rejects() {
        assert!(chinese_numeral("万").is_none());
        assert!(chinese_numeral("亿元").is_none());
        assert!(chinese_numeral("元").is_none());
        assert!(chinese_numeral("").is_none());
        assert_eq!(cn("五十千"), ("50".into(), 6));
        assert_eq!(cn("1, 234"), ("1".into(), 1));
    }

    #[test]
    fn english_words() {
        let e = |s: &str| english_numeral(s).map(|n| (n.value.normalize().to_string(), n.len));
        assert_eq!(e("five million yen"), Some(("5".into(), 4)));
        assert_eq!(e("thirteen dollars"), Some(("13".into(), 8)));
        assert_eq!(e("forty-five cents"), Some(("45".into(), 10)));
        assert_eq!(e("three hundred and twelve"), Some(("312".into(), 24)));
        assert_eq!(e("one thousand two hundred"), Some(("1200".into(), 24)));
        assert_eq!(e("half million"), Some(("0.5".into(), 4)));
        assert_eq!(e("three quarters billion"), Some(("0.75".into(), 14)));
        assert_eq!(e("five five"), Some(("5".into(), 4)));
        assert_eq!(e("million"), None);
        assert_eq!(e("often"), None);
    }
}
