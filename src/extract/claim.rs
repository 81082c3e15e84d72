//! Composes one mention: qualifier, sign, currency prefix, numeral, scale,
//! currency suffix, subunit tail, range or list partner (rule `claim`).

use super::currency::{self, Cur, CurrencyWord, Form};
use super::numeral::{Num, chinese_numeral, english_numeral, pow10};
use super::qualifier::{Vague, gapped_bound, qualifier_after, qualifier_before, vague_prefix};
use super::scale::scale_word;
use super::table::Table;
use super::{Ctx, is_han};
use crate::normalize::{Amount, Bound, Kind, Qualifier, Value};
use rust_decimal::Decimal;

/// A figure found at one position, before range/list composition is final.
#[derive(Clone, Debug)]
pub(crate) struct Fig {
    pub start: usize,
    pub end: usize,
    pub num_start: usize,
    pub num_end: usize,
    pub value: Decimal,
    pub precision: Decimal,
    /// Power-of-ten multiplier written with the figure (万, billion...).
    pub scale: Option<Decimal>,
    pub cur: Option<Cur>,
    /// Byte offset of the currency word (for 元 resolution).
    pub cur_at: usize,
    pub cur_prefix: bool,
    pub cur_suffix: bool,
    pub kind: Kind,
    pub points: bool,
    pub qual: Qualifier,
    pub interval: Option<(Option<Decimal>, Option<Decimal>)>,
    pub overflow: bool,
    pub bare_integer: bool,
    /// A decimal point or a subunit was written.
    pub decimal: bool,
    pub from_before: bool,
    pub between_before: bool,
    /// 介于/介於 before the figure: a range closed by 之间/之間.
    pub between_zh: bool,
}

/// Skips up to `max` ASCII spaces (or one ideographic / no-break space).
#[inline(always)]
fn gap_fwd(s: &str, max: usize) -> usize {
    if s.starts_with('\u{3000}') || s.starts_with('\u{a0}') {
        return s.chars().next().map_or(0, char::len_utf8);
    }
    s.bytes().take(max).take_while(|&b| b == b' ').count()
}

#[inline(always)]
fn gap_back(s: &str, max: usize) -> usize {
    if s.ends_with('\u{3000}') || s.ends_with('\u{a0}') {
        return s.chars().next_back().map_or(0, char::len_utf8);
    }
    s.bytes().rev().take(max).take_while(|&b| b == b' ').count()
}

fn prev_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// Is there a numeral (digit, Chinese numeral, English number word) at the start of `s`?
fn numeral_here(s: &str) -> Option<Num> {
    let c = s.chars().next()?;
    if c.is_ascii_alphabetic() {
        english_numeral(s)
    } else {
        chinese_numeral(s)
    }
}

/// Chars after 元 that make it part of another word (一元化, 二元论).
fn yuan_blocked(next: Option<char>) -> bool {
    matches!(
        next,
        Some(
            '化' | '论'
                | '論'
                | '素'
                | '次'
                | '宵'
                | '旦'
                | '首'
                | '帅'
                | '帥'
                | '老'
                | '音'
                | '件'
                | '朝'
                | '代'
                | '器'
                | '气'
                | '氣'
                | '年'
                | '组'
                | '組'
                | '数'
                | '數'
                | '函'
                | '方'
                | '月'
                | '神'
                | '凶'
                | '勋'
                | '勳'
                | '配'
                | '宝'
                | '寶'
        )
    )
}

/// 块/圆 are money only when no noun follows (一块蛋糕 is a piece of cake).
fn measure_word_blocked(next: Option<char>) -> bool {
    match next {
        Some(c) if is_han(c) && !super::numeral::is_cn_numeral_start(c) => !matches!(
            c,
            '钱' | '錢'
                | '人'
                | '的'
                | '和'
                | '与'
                | '與'
                | '及'
                | '或'
                | '至'
                | '到'
                | '左'
                | '上'
                | '以'
                | '多'
                | '而'
                | '就'
                | '也'
                | '都'
                | '还'
                | '還'
                | '吧'
                | '啊'
                | '呢'
                | '吗'
                | '嗎'
        ),
        _ => false,
    }
}

/// The currency suffix right after `pos`, with the binding checks.
/// Returns (word, start, end).
fn suffix_at(ctx: &Ctx, pos: usize, english: bool) -> Option<(CurrencyWord, usize, usize)> {
    let text: &str = &ctx.text;
    let rest = &text[pos..];
    let mut g = gap_fwd(rest, 2);
    if english && g == 0 && rest.starts_with('-') {
        g = 1;
    }
    let r = &rest[g..];
    let (w, n) = currency::currency_suffix(r)?;
    // a Latin code or word glued to letters before it is not a suffix ("3rdUSD")
    let after = &r[n..];
    let next = after.chars().next();
    let kw = &r[..n];
    if matches!(w.cur, Cur::Yuan) {
        // after a lone Chinese digit, 元 is money only when no word follows (一元复始)
        let lone_digit = {
            let before = &text[..pos];
            let mut it = before.chars().rev();
            let d = it.next();
            d.is_some_and(|c| super::numeral::cn_digit(c).is_some())
                && !it.next().is_some_and(|c| {
                    super::numeral::is_cn_numeral_start(c)
                        || super::numeral::cn_large_unit(c).is_some()
                })
        };
        let blocked = if kw.starts_with('元') && !lone_digit {
            yuan_blocked(next)
        } else {
            measure_word_blocked(next)
        };
        if blocked {
            return None;
        }
    }
    Some((w, pos + g, pos + g + n))
}

/// The currency prefix ending right before `pos` (not before `floor`).
/// Returns (word, start).
fn prefix_at(ctx: &Ctx, floor: usize, pos: usize) -> Option<(CurrencyWord, usize)> {
    let before = &ctx.text[floor..pos];
    let g = gap_back(before, 2);
    let b = &before[..before.len() - g];
    let (w, n) = currency::currency_prefix(b)?;
    // a prefix symbol glued to a previous digit belongs to that number ("10$ 5")
    let start = floor + b.len() - n;
    let prev = prev_char(&ctx.text[..start]);
    if w.form == Form::Symbol && prev.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    // a word prefix after a number is that number's suffix ("4人民币5美元")
    Some((w, start))
}

/// Is `cur` a yuan-family currency (人民币, 港元, 新台币, 澳门元), which a
/// bare 元 after it can restate?
fn yuan_family(cur: Cur) -> bool {
    match cur {
        Cur::Iso(c) => currency::YUAN_FAMILY.iter().any(|&(_, y)| y == c),
        Cur::Yuan => true,
        _ => false,
    }
}

/// English qualifiers that may follow a currency code ("EUR approximately
/// 5 million", "USD approx. 1.2 billion"): hedges only, never bounds ("the
/// USD over 5 years" is no amount).
const CODE_HEDGES: &[&str] = &[
    "approximately",
    "approx.",
    "about",
    "around",
    "roughly",
    "some",
    "nearly",
];

/// A currency word, then a qualifier, right before `pos` (rule
/// `currency_prefix qualifier_before`): "新台幣約 8100", "人民币逾 300 亿元",
/// "HK$約3億", "EUR approximately 5 million". Returns (word, start of the
/// word, qualifier). A Chinese qualifier takes a currency name, a code or a
/// symbol of two or more chars; an English one only a code and only a hedge.
/// The word must not close a number before it ("10美元约70元人民币": 美元
/// belongs to 10).
/// `seen` gets the qualifier looked up (keyed by where the text it was
/// looked up in ends), for the qualifier step of [`figure_at`] to reuse.
fn prefix_before_qualifier(
    ctx: &Ctx,
    floor: usize,
    pos: usize,
    seen: &mut Option<QualSeen>,
) -> Option<(CurrencyWord, usize, Qualifier)> {
    let before = &ctx.text[floor..pos];
    let b = &before[..before.len() - gap_back(before, 1)];
    let last = prev_char(b)?;
    // the cheap test first: a Chinese qualifier ends in a Han char, and an
    // English one must be a hedge (compared as the last word)
    if !is_han(last) {
        let w = b
            .bytes()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic() || *c == b'.')
            .count();
        let word = &b[b.len() - w..];
        if !CODE_HEDGES.iter().any(|h| word.eq_ignore_ascii_case(h)) {
            return None;
        }
    }
    let found = qualifier_before(b);
    *seen = Some((floor + b.len(), found));
    let (q, qn) = found?;
    let qtext = &b[b.len() - qn..];
    let latin = qtext.starts_with(|c: char| c.is_ascii_alphabetic());
    if latin && !CODE_HEDGES.iter().any(|h| qtext.eq_ignore_ascii_case(h)) {
        return None;
    }
    let b2 = &b[..b.len() - qn];
    let g = gap_back(b2, 1);
    if latin && g == 0 {
        return None;
    }
    let b3 = &b2[..b2.len() - g];
    let (w, n) = currency::currency_prefix(b3)?;
    let word = &b3[b3.len() - n..];
    let ok = if latin {
        w.form == Form::Code
    } else {
        w.form != Form::Symbol || word.chars().count() >= 2
    };
    if !ok {
        return None;
    }
    let start = floor + b3.len() - n;
    let prev = prev_char(&ctx.text[..start]);
    // "10美元约…": the word is the suffix of a number; "EUR/USD about 1.08" a pair
    if prev.is_some_and(|c| {
        c.is_ascii_digit()
            || super::number::is_digit_char(c)
            || super::numeral::is_cn_numeral_start(c)
            || super::numeral::cn_large_unit(c).is_some()
            || c == '/'
            || c.is_ascii_alphabetic() && w.form == Form::Code
    }) {
        return None;
    }
    Some((w, start, q))
}

/// A [`qualifier_before`] result and where the text it was looked up in ends.
type QualSeen = (usize, Option<(Qualifier, usize)>);

/// Result of reading the numeral at `p`.
struct Core {
    num: Num,
    english: bool,
    percent_prefix: bool,
    start: usize,
}

fn core_at(ctx: &Ctx, p: usize) -> Option<Core> {
    let text: &str = &ctx.text;
    let s = &text[p..];
    if let Some(after) = s
        .starts_with('百')
        .then(|| s.strip_prefix("百分之"))
        .flatten()
    {
        let num = chinese_numeral(after)?;
        let mut num = num;
        num.len += "百分之".len();
        return Some(Core {
            num,
            english: false,
            percent_prefix: true,
            start: p,
        });
    }
    let c = s.chars().next()?;
    if c.is_ascii_alphabetic() {
        // "a billion dollars", "a million yuan": one of the scale
        let w = s.bytes().take_while(u8::is_ascii_alphabetic).count();
        if ["thousand", "million", "billion", "trillion"]
            .iter()
            .any(|k| s[..w].eq_ignore_ascii_case(k))
        {
            let before = &text[..p];
            if ends_ci(before, " a ") || before.eq_ignore_ascii_case("a ") {
                let num = Num {
                    value: Decimal::ONE,
                    precision: Decimal::ONE,
                    len: 0,
                    scaled: false,
                    more: false,
                    several: false,
                    chinese: false,
                    bare_integer: false,
                    decimal: false,
                    digits: 1,
                    overflow: false,
                };
                return Some(Core {
                    num,
                    english: true,
                    percent_prefix: false,
                    start: p - 2,
                });
            }
            return None;
        }
        let num = english_numeral(s)?;
        // "half"/"quarter" are numbers only before a scale ("half million", "a quarter billion"):
        // "the quarter" in a results story is a period
        let written = s[..num.len].to_ascii_lowercase();
        let mut num = num;
        // "half a billion", "half a million"
        if written.ends_with("half")
            && starts_ci(&s[num.len..], " a ")
            && scale_word(&s[num.len + 2..]).is_some()
        {
            num.len += 2;
        }
        if (written.ends_with("half")
            || written.ends_with("quarter")
            || written.ends_with("quarters"))
            && scale_word(&s[num.len..]).is_none()
        {
            return None;
        }
        return Some(Core {
            num,
            english: true,
            percent_prefix: false,
            start: p,
        });
    }
    let num = match chinese_numeral(s) {
        Some(num) => num,
        None => large_unit_alone(s)?,
    };
    Some(Core {
        num,
        english: false,
        percent_prefix: false,
        start: p,
    })
}

/// A large unit written with no digit before it, as after a vague marker
/// (上亿, 几万亿, 数万): its value, one of the unit. 万亿/萬億 read as one unit.
fn large_unit_alone(s: &str) -> Option<Num> {
    let mut it = s.chars();
    let c = it.next()?;
    let mut e = super::numeral::cn_large_unit(c)?;
    let mut len = c.len_utf8();
    if e == 4 {
        if let Some(c2) = it
            .next()
            .filter(|&c2| super::numeral::cn_large_unit(c2) == Some(8))
        {
            e += 8;
            len += c2.len_utf8();
        }
    }
    let m = pow10(e as i64);
    Some(Num {
        value: m,
        precision: m,
        len,
        scaled: true,
        more: false,
        several: false,
        chinese: true,
        bare_integer: false,
        decimal: false,
        digits: 1,
        overflow: false,
    })
}

/// Percent markers after a number.
fn percent_suffix(s: &str) -> Option<(usize, bool)> {
    // dispatch on the first char: most numbers are followed by none of these
    match s.as_bytes().first()? {
        // "%E5%B0" is URL encoding, not a percentage
        b'%' => {
            return (!s[1..].starts_with(|c: char| c.is_ascii_alphanumeric()))
                .then_some((1, false));
        }
        b' ' | b'p' | b'P' => {}
        0xEF | 0xE4 | 0xE5 | 0xE7 => {
            for (w, points) in [
                ("％", false),
                ("個百分點", true),
                ("个百分点", true),
                ("百分點", true),
                ("百分点", true),
            ] {
                if s.starts_with(w) {
                    return Some((w.len(), points));
                }
            }
            return None;
        }
        _ => return None,
    }
    let g = gap_fwd(s, 1);
    let r = &s[g..];
    if !r.starts_with(['p', 'P']) {
        return None;
    }
    for (w, points) in [
        ("percentage points", true),
        ("percentage point", true),
        ("per cent", false),
        ("percent", false),
        ("pct", false),
        ("pc", false),
    ] {
        if starts_ci(r, w) && !r[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Some((g + w.len(), points));
        }
    }
    None
}

/// Parses the figure whose numeral starts at `p`. `floor` bounds how far back
/// prefixes and qualifiers may reach. `partner` enables range/list lookahead.
pub(crate) fn figure_at(ctx: &Ctx, floor: usize, p: usize, partner: bool) -> Option<Fig> {
    ctx.step(1);
    let text: &str = &ctx.text;
    let before = &text[floor..p];
    let first = text[p..].chars().next()?;
    // left boundary: digits glued to letters are codes or model names (H100, o3)
    if first.is_ascii_digit() || super::number::is_digit_char(first) {
        if let Some(pc) = prev_char(before) {
            if pc.is_ascii_alphanumeric() || pc == '_' {
                let is_code =
                    pc.is_ascii_alphabetic() && currency::currency_prefix(before).is_some();
                if !is_code {
                    return None;
                }
            }
            if pc == '.'
                && prev_char(&before[..before.len() - 1]).is_some_and(|c| c.is_ascii_digit())
            {
                return None;
            }
        }
    }
    if first.is_ascii_alphabetic() {
        if let Some(f) = vague_english(ctx, floor, p) {
            return Some(f);
        }
    }
    // a large unit starts a figure only after a vague marker (上亿, 几万亿)
    let first_is_large = super::numeral::cn_large_unit(first).is_some();
    if first_is_large && vague_prefix(before).is_none() {
        return None;
    }
    let core = core_at(ctx, p)?;
    let mut num = core.num;
    let mut end = p + num.len;
    // an accounting negative: "$(3.2) million", "(12.5)亿元", "(0.8)%"
    let paren = if core.english || core.percent_prefix || num.scaled {
        None
    } else {
        accounting_negative(before, &text[end..])
    };
    if let Some((close, unit_exp, unit_len)) = paren {
        end += close;
        if unit_exp > 0 {
            let m = pow10(unit_exp as i64);
            mul_into(&mut num.value, m, &mut num.overflow);
            mul_into(&mut num.precision, m, &mut num.overflow);
            num.scaled = true;
            num.chinese = true;
            end += unit_len;
        }
    }
    let mut scale: Option<Decimal> = if num.scaled { Some(Decimal::ONE) } else { None };
    // English scale word after the numeral ("1.5 billion", "$75m")
    if !num.scaled && !core.percent_prefix && !num.chinese {
        if let Some((e, n)) = scale_word(&text[end..]) {
            // a compound scale: "5 lakh crore" = 5 × 10^5 × 10^7
            let (e, n) = match scale_word(&text[end + n..]) {
                Some((e2, n2)) if e == 5 && e2 == 7 => (e + e2, n + n2),
                _ => (e, n),
            };
            let m = pow10(e as i64);
            mul_into(&mut num.value, m, &mut num.overflow);
            mul_into(&mut num.precision, m, &mut num.overflow);
            scale = Some(m);
            end += n;
        }
    } else if num.scaled {
        scale = Some(num.precision.max(Decimal::ONE));
    }
    let mut fig = Fig {
        start: core.start - paren.map_or(0, |_| open_paren_len(before)),
        end,
        num_start: core.start,
        num_end: end,
        value: num.value,
        precision: num.precision,
        scale,
        cur: None,
        cur_at: p,
        cur_prefix: false,
        cur_suffix: false,
        kind: Kind::Money,
        points: false,
        qual: Qualifier::default(),
        interval: None,
        overflow: num.overflow,
        bare_integer: num.bare_integer,
        decimal: num.decimal,
        from_before: false,
        between_before: false,
        between_zh: false,
    };
    if num.more {
        fig.qual.bound = Some(Bound::Lower);
    }
    if num.several {
        // "十几亿": between 11 and 19 hundred million
        let lo = num.value.checked_add(num.precision);
        let hi = num
            .precision
            .checked_mul(Decimal::from(9))
            .and_then(|x| x.checked_add(num.value));
        fig.overflow |= lo.is_none() || hi.is_none();
        fig.interval = Some((lo, hi));
        fig.qual.approx = true;
    }
    // vague multipliers glued before a Chinese numeral: 数百亿, 上百亿, 上亿, 几万亿
    let first_is_unit = super::numeral::cn_small_unit(first).is_some() || first_is_large;
    if first_is_unit && !core.percent_prefix {
        if let Some((v, n)) = vague_prefix(before) {
            fig.start = p - n;
            match v {
                Vague::Several => {
                    let lo = num.value.checked_mul(Decimal::TWO);
                    let hi = num.value.checked_mul(Decimal::from(9));
                    fig.overflow |= lo.is_none() || hi.is_none();
                    fig.interval = Some((lo, hi));
                    fig.qual.approx = true;
                }
                Vague::AtLeast => {
                    fig.qual.bound = Some(Bound::Lower);
                    fig.qual.inclusive = true;
                }
            }
        }
    }
    // percentages
    if core.percent_prefix {
        fig.kind = Kind::Percent;
    } else if let Some((n, points)) = percent_suffix(&text[end..]) {
        fig.kind = Kind::Percent;
        fig.points = points;
        fig.end = end + n;
    } else if is_cheng(&text[end..], &num) {
        fig.kind = Kind::Percent;
        mul_into(&mut fig.value, Decimal::TEN, &mut fig.overflow);
        mul_into(&mut fig.precision, Decimal::TEN, &mut fig.overflow);
        fig.end = end + '成'.len_utf8();
        // 一成半 = 15%, 六成三 = 63%, 五成多 = more than 50%
        let after = &text[fig.end..];
        if after.starts_with('多') || after.starts_with('余') {
            fig.qual.bound = Some(Bound::Lower);
            fig.end += '多'.len_utf8();
        }
        let after = &text[fig.end..];
        if let Some(c) = after.chars().next() {
            let extra = if c == '半' {
                Some(Decimal::from(5))
            } else {
                super::numeral::cn_digit(c)
                    .filter(|&d| d > 0)
                    .map(Decimal::from)
            };
            let next = after[c.len_utf8()..].chars().next();
            if let Some(x) = extra.filter(|_| {
                !next.is_some_and(|n| {
                    super::numeral::cn_small_unit(n).is_some()
                        || super::numeral::cn_digit(n).is_some()
                })
            }) {
                add_into(&mut fig.value, x, &mut fig.overflow);
                fig.precision = Decimal::ONE;
                fig.end += c.len_utf8();
            }
        }
    }
    // pence glued to the figure, in a text about sterling: "250p", "25.5p"
    let pence = fig.kind == Kind::Money
        && !core.english
        && !num.chinese
        && fig.scale.is_none()
        && paren.is_none()
        && text[fig.end..].starts_with('p')
        && !text[fig.end + 1..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        && ctx.sterling();
    if pence {
        fig.cur = Some(Cur::Iso(crate::normalize::Currency::GBP));
        fig.cur_at = fig.end;
        fig.cur_suffix = true;
        fig.value *= pow10(-2);
        fig.precision *= pow10(-2);
        fig.decimal = true;
        fig.end += 1;
    }
    // the right edge of an Arabic number must not run into letters
    let glued_letter = !pence
        && fig.kind == Kind::Money
        && !core.english
        && text[fig.end..].starts_with(|c: char| c.is_ascii_alphabetic())
        && currency::currency_suffix(&text[fig.end..]).is_none();
    if glued_letter {
        return None;
    }
    // currency prefix, with a sign before or after it
    let mut neg = paren.is_some();
    let mut lead = fig.start;
    if !neg {
        // the text before `floor` still says whether the sign joins two figures
        // ("€26.9bn-$31.9bn" is two amounts, not a negative one)
        if let Some(s) = sign_start(&text[..lead], true).filter(|&s| s >= floor) {
            neg = true;
            lead = s;
        }
    }
    let mut prefix = if fig.kind == Kind::Money && !pence {
        prefix_at(ctx, floor, lead)
    } else {
        None
    };
    // places of a subunit the figure itself was written in (1 for 两毛…)
    let mut tail_after = 0u32;
    // a currency word before the qualifier belongs to the mention: "新台幣約 8100
    // 至 8400 億元", "人民币逾300亿元", "EUR approximately 5 million"
    let mut word_qual: Option<Qualifier> = None;
    let mut qual_seen: Option<QualSeen> = None;
    if prefix.is_none() && fig.kind == Kind::Money && !pence && !neg {
        if let Some((w, ps, q)) = prefix_before_qualifier(ctx, floor, lead, &mut qual_seen) {
            prefix = Some((w, ps));
            word_qual = Some(q);
        }
    }
    if fig.kind == Kind::Money && !pence {
        let english = core.english || !num.chinese && !text[fig.end..].starts_with(is_han);
        let suffix = suffix_at(ctx, fig.end, english || core.english);
        let suffix =
            suffix.filter(|&(w, s0, s1)| suffix_binds(ctx, &fig, prefix.is_some(), w, s0, s1));
        match (prefix, suffix) {
            (Some((pw, ps)), Some((sw, _s0, s1))) => {
                // across a qualifier, a generic 元 takes only a yuan-family
                // name ("人民币约500亿元"), never another one ("美元约7元")
                let merged = merge(pw.cur, sw.cur)
                    .filter(|_| word_qual.is_none() || sw.cur != Cur::Yuan || yuan_family(pw.cur));
                fig.end = s1;
                apply_word_scale(&mut fig, sw);
                if let Some(cur) = merged {
                    fig.cur = Some(cur);
                    fig.cur_at = ps;
                    fig.cur_prefix = true;
                    fig.cur_suffix = true;
                    lead = ps;
                    apply_word_scale(&mut fig, pw);
                } else {
                    fig.cur = Some(sw.cur);
                    fig.cur_at = _s0;
                    fig.cur_suffix = true;
                }
            }
            (None, Some((sw, s0, s1))) => {
                fig.cur = Some(sw.cur);
                fig.cur_at = s0;
                fig.cur_suffix = true;
                fig.end = s1;
                apply_word_scale(&mut fig, sw);
            }
            (Some((pw, ps)), None) => {
                fig.cur = Some(pw.cur);
                fig.cur_at = ps;
                fig.cur_prefix = true;
                lead = ps;
                apply_word_scale(&mut fig, pw);
            }
            (None, None) => {
                // a subunit standing alone: "470 pence", "50美分"
                if let Some((sub, s0, s1)) = subunit_at(ctx, fig.end, 2) {
                    if let Some(cur) = sub.alone {
                        // "cents" are euro cents where the text is about the euro
                        let cur = if cur == Cur::Dollar && ctx.euro_cents(s0) {
                            Cur::Iso(crate::normalize::Currency::EUR)
                        } else {
                            cur
                        };
                        if fig.scale.is_none() {
                            fig.cur = Some(cur);
                            fig.cur_at = s0;
                            fig.cur_suffix = true;
                            fig.value *= pow10(-(sub.places as i64));
                            fig.precision *= pow10(-(sub.places as i64));
                            fig.decimal = true;
                            fig.end = s1;
                        }
                    } else if colloquial_tenths(ctx, &fig, &num, s0, s1) {
                        // 两毛五, 五毛钱: 角/毛 of the yuan family, as 元/块 would be
                        fig.cur = Some(Cur::Yuan);
                        fig.cur_at = s0;
                        fig.cur_suffix = true;
                        fig.value *= pow10(-1);
                        fig.precision *= pow10(-1);
                        fig.decimal = true;
                        fig.end = s1;
                        tail_after = 1;
                    }
                }
            }
        }
        if fig.cur_prefix {
            if let Some(q) = word_qual {
                merge_qual(&mut fig.qual, q);
            }
        }
        // "USD million": a scale written after the code
        if fig.cur_suffix && fig.scale.is_none() && fig.cur.is_some() {
            if let Some((e, n)) = scale_word(&text[fig.end..]) {
                let m = pow10(e as i64);
                mul_into(&mut fig.value, m, &mut fig.overflow);
                mul_into(&mut fig.precision, m, &mut fig.overflow);
                fig.scale = Some(m);
                fig.end += n;
            }
        }
        if fig.cur.is_some() && fig.scale.is_none() && !num.decimal && fig.interval.is_none() {
            subunit_tail(ctx, &mut fig, tail_after);
            if tail_after > 0 {
                // 五毛钱, 两毛五分钱
                if let Some(c) = text[fig.end..]
                    .chars()
                    .next()
                    .filter(|&c| matches!(c, '钱' | '錢'))
                {
                    fig.end += c.len_utf8();
                }
            }
        }
        // a currency carried across "from … to …" ("估值从 320 亿降至 55 亿美元",
        // "市值由 1500 亿美元一度跌到 30 亿")
        if fig.cur.is_none() && partner {
            carried_currency(ctx, floor, &mut fig);
        }
        // no currency and no list or range partner to share one: not money, done
        // (most numbers in text: years, counts, dates)
        if fig.cur.is_none() && !(partner && separator_follows(&text[fig.end..])) {
            return Some(fig);
        }
    }
    // sign before the prefix ("-$12 million", "− $5.7 billion")
    if !neg && fig.cur_prefix {
        // the text before `floor` still says whether the sign joins two figures
        // ("€26.9bn-$31.9bn" is two amounts, not a negative one)
        if let Some(s) = sign_start(&text[..lead], false).filter(|&s| s >= floor) {
            neg = true;
            lead = s;
        }
    }
    if neg {
        fig.value = -fig.value;
        if let Some((a, b)) = fig.interval {
            fig.interval = Some((b.map(|x| -x), a.map(|x| -x)));
        }
    }
    fig.start = fig.start.min(lead);
    // qualifier before
    {
        let b = &text[floor..fig.start];
        let g = gap_back(b, 1);
        let bq = &b[..b.len() - g];
        // looked up already when the currency-before-qualifier test read the same text
        let qb = match qual_seen {
            Some((e, found)) if e == floor + bq.len() => found,
            _ => qualifier_before(bq),
        };
        if let Some((q, n)) = qb.or_else(|| gapped_bound(bq)) {
            merge_qual(&mut fig.qual, q);
            fig.start -= g + n;
        }
        let b = &text[floor..fig.start];
        let g = gap_back(b, 1);
        let bw = &b[..b.len() - g];
        // 介于/介於 … 之间: a range, maybe with a qualifier before it ("約介於 210 至 225 億美元之間")
        let between_zh = bw
            .ends_with(['于', '於'])
            .then(|| ["介于", "介於"].into_iter().find(|w| bw.ends_with(*w)))
            .flatten();
        let (g, bw) = match between_zh {
            Some(w) => {
                fig.between_zh = true;
                fig.start -= g + w.len();
                let b = &text[floor..fig.start];
                let g = gap_back(b, 1);
                if let Some((q, n)) = qualifier_before(&b[..b.len() - g]) {
                    merge_qual(&mut fig.qual, q);
                    fig.start -= g + n;
                }
                let b = &text[floor..fig.start];
                let g = gap_back(b, 1);
                (g, &b[..b.len() - g])
            }
            None => (g, bw),
        };
        // "由去年同期的 12 亿港元": a time phrase may stand between
        let bt = match time_phrase_back(bw) {
            Some(n) => {
                let t = &bw[..bw.len() - n];
                &t[..t.len() - gap_back(t, 1)]
            }
            None => bw,
        };
        // the last byte first: most figures follow neither word
        let last = bw.as_bytes().last().map(u8::to_ascii_lowercase);
        fig.from_before =
            (last == Some(b'm') && ends_word(bw, &["from"])) || bt.ends_with(['从', '從', '由']);
        fig.between_before = last == Some(b'n') && ends_word(bw, &["between"]);
        if fig.between_before {
            fig.start -= g + "between".len();
        }
    }
    // qualifier after
    {
        let r = &text[fig.end..];
        let g = gap_fwd(r, 1);
        if let Some((q, n)) = qualifier_after(&r[g..]) {
            let latin = r[g..].starts_with(|c: char| c.is_ascii_alphabetic());
            if !latin || g > 0 {
                merge_qual(&mut fig.qual, q);
                fig.end += g + n;
            }
        }
    }
    if partner {
        if !conversion_high_end(ctx, &mut fig) {
            partner_lookahead(ctx, &mut fig);
        }
        leave_carry(ctx, &fig);
    }
    Some(fig)
}

/// Words that introduce an exchange rate (rule `fx_rate`).
const RATE_WORDS: &[&str] = &[
    "汇率",
    "匯率",
    "汇价",
    "匯價",
    "牌价",
    "牌價",
    "中间价",
    "中間價",
    "exchange rate",
    "exchange rates",
];

/// Words that may stand between a rate word (or a currency pair) and the
/// rate ("匯率為 30.5 元", "汇率报收 7.1 元", "exchange rate of 7.1 yuan").
const RATE_LINKS: &[&str] = &[
    "为",
    "為",
    "是",
    "报",
    "報",
    "在",
    "达",
    "達",
    "收",
    "收于",
    "收於",
    "报收",
    "報收",
    "收报",
    "收報",
    "升至",
    "跌至",
    "降至",
    "升到",
    "跌到",
    "回升至",
    "贬至",
    "貶至",
    "一度",
    "约",
    "約",
    "：",
    ":",
    "of",
    "at",
    "was",
    "is",
    "stood at",
    "stands at",
    "to",
    "rose to",
    "fell to",
];

/// Verbs after a currency named as a thing ("the dollar bought 150 yen",
/// "the euro fell to $1.05"), before the rate.
const RATE_VERBS: &[&str] = &[
    "bought",
    "buys",
    "fetched",
    "fetches",
    "traded at",
    "trades at",
    "trading at",
    "stood at",
    "stands at",
    "was at",
    "is at",
    "rose to",
    "fell to",
    "climbed to",
    "slid to",
    "dropped to",
    "weakened to",
    "strengthened to",
    "hit",
    "reached",
    "touched",
    "equals",
    "equalled",
    "equaled",
    "is worth",
    "was worth",
];

/// Between the unit amount and the rate: "1美元兑7.1元人民币", "€1 = $1.08".
const RATE_EQUALS: &[&str] = &[
    "兑换",
    "兌換",
    "兑",
    "兌",
    "=",
    "＝",
    "buys",
    "bought",
    "is worth",
    "was worth",
    "fetches",
    "fetched",
    "equals",
];

/// `s` ends with one of `words` (a Latin one as a whole word): its length.
fn ends_with_any(s: &str, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter(|w| {
            ends_ci(s, w)
                && !(w.starts_with(|c: char| c.is_ascii_alphabetic())
                    && s[..s.len() - w.len()].ends_with(|c: char| c.is_ascii_alphabetic()))
        })
        .map(|w| w.len())
        .max()
}

/// Exchange rates are not money claims (rule `fx_rate`): "1美元兑7.1元人民币",
/// "€1 = $1.08" (a unit amount — 1, 10, 100 … — then 兑/=/buys and an amount in
/// another currency: both are the rate), "匯率 30.5 元", "exchange rate of
/// 7.1 yuan" (after a rate word), "美元兑人民币报 7.1 元" (after a currency
/// pair), "the dollar bought 150 yen" (after a currency named as a thing and
/// a verb of trading, in another currency). For a money figure `fig`,
/// returns where the rate ends, or `None` when it is an amount. A figure
/// standing alone ("30.5元", "兑换1.0753美元") stays money.
pub(crate) fn fx_rate_end(ctx: &Ctx, floor: usize, fig: &Fig) -> Option<usize> {
    // a rate is never scaled ("exchange rate of $5 million" is an amount)
    if fig.kind != Kind::Money || fig.interval.is_some() || fig.overflow || fig.scale.is_some() {
        return None;
    }
    let cur = ctx.resolve(fig.cur?, fig.cur_at);
    let text: &str = &ctx.text;
    // a unit amount equal to an amount in another currency
    let unit = fig.value.is_sign_positive()
        && fig.qual == Qualifier::default()
        && [1i64, 10, 100, 1000, 10000]
            .iter()
            .any(|&u| fig.value == Decimal::from(u));
    if unit {
        let r = &text[fig.end..];
        let g = gap_fwd(r, 1);
        let r = &r[g..];
        if let Some(w) = RATE_EQUALS.iter().find(|w| starts_ci(r, w)) {
            let q = fig.end + g + w.len();
            let latin_ok = !w.starts_with(|c: char| c.is_ascii_alphabetic()) || g > 0;
            if let Some(s) = partner_start(ctx, q + gap_fwd(&text[q..], 1)).filter(|_| latin_ok) {
                if let Some(b) = figure_at(ctx, q, s, false) {
                    if b.kind == Kind::Money
                        && b.cur.is_some_and(|c| ctx.resolve(c, b.cur_at) != cur)
                    {
                        return Some(b.end);
                    }
                }
            }
        }
    }
    // after a rate word, a currency pair, or a currency and a verb of trading
    if let Some(e) = after_rate_word(ctx, floor, fig) {
        return Some(e);
    }
    // "the dollar bought 150 yen": the last word first, the verb table after
    let bv = &text[floor..fig.start];
    let bv = &bv[..bv.len() - gap_back(bv, 1)];
    let last = bv.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    if !matches!(
        bv[bv.len() - last..].to_ascii_lowercase().as_str(),
        "bought"
            | "buys"
            | "fetched"
            | "fetches"
            | "at"
            | "to"
            | "hit"
            | "reached"
            | "touched"
            | "equals"
            | "equalled"
            | "equaled"
            | "worth"
    ) {
        return None;
    }
    let n = ends_with_any(bv, RATE_VERBS)?;
    let bs = &bv[..bv.len() - n];
    let g = gap_back(bs, 1);
    if g == 0 {
        return None;
    }
    let bs = &bs[..bs.len() - g];
    let (w, wn) = currency::currency_name_at_end(bs)?;
    let before_word = &bs[..bs.len() - wn];
    let named_as_thing = w.form == Form::Code
        || ends_word(before_word.trim_end_matches(' '), &["the", "one", "a"])
            && before_word.ends_with(' ');
    if !named_as_thing || ctx.resolve(w.cur, fig.start) == cur {
        return None;
    }
    Some(fig.end)
}

/// [`RATE_LINKS`] and [`RATE_WORDS`] as tables (looked up by their last char).
fn rate_tables() -> &'static (Table<()>, Table<()>) {
    static T: std::sync::OnceLock<(Table<()>, Table<()>)> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let t = |w: &[&'static str]| Table::new(&w.iter().map(|&w| (w, ())).collect::<Vec<_>>());
        (t(RATE_LINKS), t(RATE_WORDS))
    })
}

/// Could `s` end with one of [`RATE_LINKS`] or [`RATE_WORDS`]: is its last
/// char (ASCII letters folded, as the tables fold them) the last char of one?
fn may_end_rate_word(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| {
        matches!(
            c.to_ascii_lowercase(),
            '为' | '為'
                | '是'
                | '报'
                | '報'
                | '在'
                | '达'
                | '達'
                | '收'
                | '于'
                | '於'
                | '至'
                | '到'
                | '度'
                | '约'
                | '約'
                | '：'
                | ':'
                | 'f'
                | 't'
                | 's'
                | 'o'
                | '率'
                | '价'
                | '價'
                | 'e'
        )
    })
}

/// The `fx_rate` forms after a rate word ("匯率 30.5 元") or a currency pair
/// ("美元兑人民币报 7.1 元"): where the rate ends.
fn after_rate_word(ctx: &Ctx, floor: usize, fig: &Fig) -> Option<usize> {
    let text: &str = &ctx.text;
    let mut b = &text[floor..fig.start];
    // the tables only where the last char may end a link or a rate word
    for _ in 0..3 {
        b = &b[..b.len() - gap_back(b, 1)];
        if !may_end_rate_word(b) {
            break;
        }
        match rate_tables().0.suffix_of(b) {
            Some((_, n)) => b = &b[..b.len() - n],
            None => break,
        }
    }
    b = &b[..b.len() - gap_back(b, 1)];
    if may_end_rate_word(b) && rate_tables().1.suffix_of(b).is_some() {
        return Some(fig.end);
    }
    // "美元兑人民币报 7.1 元": a pair of currency names joined by 兑/对; the
    // cheap test first, for one of those chars in the last 24 bytes
    let tail = &b.as_bytes()[b.len().saturating_sub(24)..];
    let pair_char = tail.windows(3).any(|w| {
        matches!(
            w,
            [0xE5, 0x85, 0x91] | [0xE5, 0x85, 0x8C] | [0xE5, 0xAF, 0xB9] | [0xE5, 0xB0, 0x8D]
        )
    });
    if !pair_char {
        return None;
    }
    if let Some((_, n)) = currency::currency_name_at_end(b) {
        let b2 = &b[..b.len() - n];
        if b2.ends_with(['兑', '兌', '对', '對']) {
            let b3 = &b2[..b2.len() - '兑'.len_utf8()];
            if currency::currency_name_at_end(b3).is_some() {
                return Some(fig.end);
            }
        }
    }
    None
}

/// A currency that one figure of a "from … to …" construct passes to the
/// other: the numeral start of the figure it is for, the currency word and
/// its offset, and whether the giving figure has a scale.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Carry {
    at: usize,
    cur: Cur,
    cur_at: usize,
    scaled: bool,
}

/// Chinese verbs of change that may open the words between the two figures
/// of "从 X … 至 Y" (降至, 一度跌到, 大幅增长至, 下调为).
fn change_verb_start(c: char) -> bool {
    matches!(
        c,
        '降' | '升'
            | '增'
            | '跌'
            | '涨'
            | '漲'
            | '减'
            | '減'
            | '下'
            | '上'
            | '提'
            | '回'
            | '攀'
            | '飙'
            | '飆'
            | '缩'
            | '縮'
            | '扩'
            | '擴'
            | '跃'
            | '躍'
            | '暴'
            | '骤'
            | '驟'
            | '大'
            | '一'
            | '猛'
            | '急'
            | '再'
            | '逐'
            | '滑'
            | '萎'
            | '翻'
            | '掉'
            | '落'
            | '收'
            | '膨'
            | '调'
            | '調'
            | '压'
            | '壓'
            | '削'
            | '陡'
            | '剧'
            | '劇'
            | '跳'
            | '达'
            | '達'
            | '变'
            | '變'
            | '贬'
            | '貶'
    )
}

/// Words that may stand between "from" and its figure ("up from a previous $10 billion").
const FROM_FILLERS: &[&str] = &[
    "a", "an", "the", "previous", "prior", "earlier", "initial", "original", "last", "year's",
];

/// Words after which a figure without a written currency can still be the
/// amount a currency is carried to: it is not counting something ("from $2
/// million to 3 million users" is no money at its high end).
const AFTER_AMOUNT: &[&str] = &[
    "a",
    "an",
    "the",
    "in",
    "last",
    "this",
    "that",
    "for",
    "by",
    "on",
    "at",
    "and",
    "or",
    "but",
    "from",
    "to",
    "over",
    "during",
    "while",
    "after",
    "before",
    "as",
    "with",
    "compared",
    "versus",
    "vs",
    "per",
    "earlier",
    "ago",
    "previously",
    "respectively",
    "which",
    "according",
    "year",
    "since",
    "between",
    "within",
];

/// Does the text after a figure leave it an amount (no counted noun after
/// it; a Chinese verb of change may follow)?
fn amount_may_end_here(text: &str, end: usize) -> bool {
    let r = &text[end..];
    let r = &r[gap_fwd(r, 1)..];
    let Some(c) = r.chars().next() else {
        return true;
    };
    if is_han(c) {
        return change_verb_start(c)
            || matches!(
                c,
                '的' | '了' | '左' | '以' | '而' | '后' | '後' | '之' | '时' | '時' | '至' | '到'
            );
    }
    if c.is_ascii_alphabetic() {
        let n = r.bytes().take_while(u8::is_ascii_alphabetic).count();
        return AFTER_AMOUNT.iter().any(|w| r[..n].eq_ignore_ascii_case(w));
    }
    !(c.is_ascii_digit() || super::number::is_digit_char(c) || c == '%' || c == '％')
}

/// A year written alone (2024, no scale): never given a carried currency.
fn yearish(f: &Fig) -> bool {
    f.bare_integer
        && f.scale.is_none()
        && (1900..=2100).contains(&f.value.trunc().try_into().unwrap_or(0i64))
}

/// The length of a bracketed aside at the start of `s` ("(£1.9bn)",
/// "（约合 3 亿美元）"): at most 48 bytes, no bracket or line break inside;
/// 0 when there is none.
fn aside_len(s: &str) -> usize {
    let open = open_len(s);
    if open == 0 {
        return 0;
    }
    // by bytes: `(`, `)` and a line break are ASCII, `（` and `）` are EF BC 88
    // and EF BC 89, and no other char holds those bytes; a char starting past
    // byte 48 of the body ends the look
    let body = &s.as_bytes()[open..];
    for i in 0..body.len().min(49) {
        match body[i] {
            b'(' | b'\n' => return 0,
            b')' => return open + i + 1,
            0xEF if body.get(i + 1) == Some(&0xBC) => match body.get(i + 2) {
                Some(0x88) => return 0,
                Some(0x89) => return open + i + 3,
                _ => {}
            },
            _ => {}
        }
    }
    0
}

/// `(` or `（` at the start of `s`: its length (0 when none).
fn open_len(s: &str) -> usize {
    if s.starts_with('(') {
        1
    } else if s.starts_with('（') {
        '（'.len_utf8()
    } else {
        0
    }
}

/// Is `start` (where a figure's mention begins, `floor` bounding the look
/// back) right after a "from" word: 从, 從, 由, "from" (a qualifier between
/// is allowed: "从约 320 亿")?
fn from_marker_before(text: &str, floor: usize, start: usize) -> bool {
    let b = &text[floor..start];
    let mut b = &b[..b.len() - gap_back(b, 1)];
    if let Some((_, n)) = qualifier_before(b) {
        b = &b[..b.len() - n];
        b = &b[..b.len() - gap_back(b, 1)];
    }
    if let Some(n) = time_phrase_back(b) {
        b = &b[..b.len() - n];
        b = &b[..b.len() - gap_back(b, 1)];
    }
    b.ends_with(['从', '從', '由']) || ends_word(b, &["from"])
}

/// Chars of a short Chinese time phrase ("2023 年", "去年同期", "上半年", "第三季度").
fn time_char(c: char) -> bool {
    c.is_ascii_digit()
        || super::number::is_digit_char(c)
        || matches!(
            c,
            ' ' | '年'
                | '月'
                | '日'
                | '季'
                | '度'
                | '上'
                | '下'
                | '半'
                | '去'
                | '前'
                | '今'
                | '同'
                | '期'
                | '第'
                | '一'
                | '二'
                | '三'
                | '四'
                | '财'
                | '財'
                | '底'
                | '末'
                | '初'
                | '全'
        )
}

/// A time phrase and 的 at the end of `s` ("从 2023 年的 320 亿", "由去年同期的"):
/// its length in bytes. At most ten chars, with 年, 月, 季 or 期 among them.
fn time_phrase_back(s: &str) -> Option<usize> {
    let b = s.strip_suffix('的')?;
    let b = &b[..b.len() - gap_back(b, 1)];
    let n: usize = b
        .chars()
        .rev()
        .take_while(|&c| time_char(c))
        .take(10)
        .map(char::len_utf8)
        .sum();
    let phrase = &b[b.len() - n..];
    phrase
        .contains(['年', '月', '季', '期'])
        .then(|| s.len() - (b.len() - n))
}

/// A time phrase and 的 at the start of `s` ("降至 2024 年的 55 亿美元"): its length.
fn time_phrase_fwd(s: &str) -> Option<usize> {
    let n: usize = s
        .chars()
        .take_while(|&c| time_char(c))
        .take(10)
        .map(char::len_utf8)
        .sum();
    let phrase = &s[..n];
    let rest = &s[n..];
    let g = gap_fwd(rest, 1);
    (phrase.contains(['年', '月', '季', '期']) && rest[g..].starts_with('的'))
        .then(|| n + g + '的'.len_utf8())
}

/// After the first figure of "from X … to Y" (ending at `end`): where the
/// second figure's numeral starts, and where the words before it end. The
/// words between are a Chinese verb of change ending in 至, 到 or 为
/// ("降至", "一度跌到", "下调为"; at most eight chars) or up to six English
/// words ending in "to", with no number between; a bracketed conversion
/// may follow X ("2.6 billion (£1.9bn) to").
fn to_partner(ctx: &Ctx, end: usize) -> Option<(usize, usize)> {
    let text: &str = &ctx.text;
    let mut i = end + gap_fwd(&text[end..], 2);
    let a = aside_len(&text[i..]);
    if a > 0 {
        i += a;
        i += gap_fwd(&text[i..], 2);
    }
    let r = &text[i..];
    let first = r.chars().next()?;
    let to_end = if first.is_ascii_alphabetic() {
        i + english_words_to(r, &["to"], 6)?
    } else {
        let mut n = 0;
        let mut found = None;
        for (k, c) in r.chars().enumerate() {
            if matches!(c, '至' | '到') || k > 0 && matches!(c, '为' | '為') {
                found = Some(n + c.len_utf8());
                break;
            }
            if k >= 8 || !is_han(c) || k == 0 && !change_verb_start(c) {
                return None;
            }
            n += c.len_utf8();
        }
        i + found?
    };
    let mut q = to_end + gap_fwd(&text[to_end..], 2);
    if let Some(n) = time_phrase_fwd(&text[q..]) {
        q += n;
        q += gap_fwd(&text[q..], 2);
    }
    partner_start(ctx, q).map(|s| (to_end, s))
}

/// Reads up to `max` English words (letters, `'`, `-`; commas and single
/// spaces between) at the start of `s` until one of `stop`; returns the
/// length up to the end of that word. `None` at a digit, a sentence end or
/// after `max` words.
fn english_words_to(s: &str, stop: &[&str], max: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    for _ in 0..max {
        while i < b.len() && matches!(b[i], b' ' | b',') {
            i += 1;
        }
        let n = b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic() || matches!(c, b'\'' | b'-'))
            .count();
        if n == 0 {
            return None;
        }
        let w = &s[i..i + n];
        i += n;
        if stop.iter().any(|x| w.eq_ignore_ascii_case(x)) {
            return Some(i);
        }
    }
    None
}

/// Gives a figure with no currency of its own the one its "from … to …"
/// partner carries: either left by the figure before it ("市值由 1500 亿美元一度
/// 跌到 30 亿": at its numeral), or written on the figure after it ("估值从 320
/// 亿降至 55 亿美元", "from 2.6 billion to 3.1 billion dollars"). Not to a year,
/// not to a figure that counts something, and not to an unscaled figure from
/// a scaled one (the scale is not guessed).
fn carried_currency(ctx: &Ctx, floor: usize, fig: &mut Fig) {
    if fig.kind != Kind::Money || fig.interval.is_some() || yearish(fig) {
        return;
    }
    let text: &str = &ctx.text;
    if let Some(c) = ctx.carry.get().filter(|c| c.at == fig.num_start) {
        if (fig.scale.is_some() || !c.scaled) && amount_may_end_here(text, fig.end) {
            fig.cur = Some(c.cur);
            fig.cur_at = c.cur_at;
        }
        return;
    }
    // the cheap test first: what follows could start the words before "to"
    // (a verb of change, 至/到, a bracket, an English word)
    let r = &text[fig.end..];
    let next = r[gap_fwd(r, 2)..].chars().next();
    if !next.is_some_and(|c| {
        change_verb_start(c) || matches!(c, '至' | '到' | '(' | '（') || c.is_ascii_alphabetic()
    }) {
        return;
    }
    if !amount_may_end_here(text, fig.end) {
        return;
    }
    // the "from" word last: most figures have no "to" partner
    let Some((q0, ys)) = to_partner(ctx, fig.end) else {
        return;
    };
    if !from_marker_before(text, floor, fig.start) {
        return;
    }
    let Some(y) = figure_at(ctx, q0, ys, false) else {
        return;
    };
    if y.kind != Kind::Money || y.interval.is_some() || y.overflow {
        return;
    }
    if let Some(c) = y.cur {
        if fig.scale.is_some() || y.scale.is_none() {
            fig.cur = Some(c);
            fig.cur_at = y.cur_at;
        }
    }
}

/// After a money figure: leaves its currency for the partner of a "from …
/// to …" construct that has none: the "to" figure after a "from" figure
/// ("由 1500 亿美元一度跌到 30 亿"), or the "from" figure after a "to" one
/// ("rose to 3.1 billion dollars (£2.3bn) in the quarter, up from 2.6
/// billion (£1.9bn)").
fn leave_carry(ctx: &Ctx, fig: &Fig) {
    if fig.kind != Kind::Money || fig.interval.is_some() {
        return;
    }
    let Some(cur) = fig.cur else { return };
    let text: &str = &ctx.text;
    let target = if fig.from_before {
        to_partner(ctx, fig.end).map(|(_, s)| s)
    } else {
        // English: "… , up from (a previous) X" within six words; the cheap
        // test first: an ASCII word, comma or bracket follows
        let mut i = fig.end + gap_fwd(&text[fig.end..], 2);
        if !text[i..].starts_with(|c: char| c.is_ascii_alphabetic() || c == ',' || c == '(') {
            return;
        }
        let a = aside_len(&text[i..]);
        if a > 0 {
            i += a;
        }
        let r = &text[i..];
        let Some(n) = english_words_to(r, &["from"], 6) else {
            return;
        };
        let mut j = i + n;
        for _ in 0..2 {
            let g = gap_fwd(&text[j..], 1);
            let w = text[j + g..]
                .bytes()
                .take_while(|c| c.is_ascii_alphabetic() || *c == b'\'')
                .count();
            if g == 0
                || w == 0
                || !FROM_FILLERS
                    .iter()
                    .any(|f| text[j + g..j + g + w].eq_ignore_ascii_case(f))
            {
                break;
            }
            j += g + w;
        }
        let g = gap_fwd(&text[j..], 1);
        if g == 0 {
            return;
        }
        partner_start(ctx, j + g)
    };
    if let Some(at) = target {
        ctx.carry.set(Some(Carry {
            at,
            cur,
            cur_at: fig.cur_at,
            scaled: fig.scale.is_some(),
        }));
    }
}

/// A range whose ends each carry a bracketed conversion ("9.5 billion euros
/// (£8.2 billion) to 10.1 billion euros (£8.7 billion)") is two ranges, one
/// per currency: `fig` (the first end) becomes the range in its currency,
/// up to the second end; the conversion range is reported at the second
/// bracket (its span is that figure, so that mentions never overlap), with
/// its low end left in `ctx.conv_low`. Both brackets must be there and in
/// the other currency; the ends must rise; "from X to Y" is no range.
fn conversion_range(ctx: &Ctx, fig: &mut Fig) {
    if fig.from_before || fig.interval.is_some() || fig.kind != Kind::Money || fig.overflow {
        return;
    }
    let text: &str = &ctx.text;
    // the bracketed conversion of the first end; first the cheap test that
    // a range separator follows the bracket (most brackets are asides)
    let i = fig.end + gap_fwd(&text[fig.end..], 1);
    let a = aside_len(&text[i..]);
    if a == 0 {
        return;
    }
    let after = &text[i + a..];
    let after = &after[gap_fwd(after, 1)..];
    if !may_start_separator(after) || !RANGE_SEPS.iter().any(|s| after.starts_with(s)) {
        return;
    }
    let Some((b, after_b)) = bracketed_money(ctx, i) else {
        return;
    };
    // a range separator
    let g = gap_fwd(&text[after_b..], 1);
    let r = &text[after_b + g..];
    let Some(sep) = RANGE_SEPS
        .iter()
        .find(|s| r.starts_with(**s) && **s != "and " && (**s != "to " || g > 0))
    else {
        return;
    };
    let q0 = after_b + g + sep.len();
    let Some(cs) = partner_start(ctx, q0 + gap_fwd(&text[q0..], 1)) else {
        return;
    };
    let Some(c) = figure_at(ctx, q0, cs, false) else {
        return;
    };
    if c.kind != Kind::Money || c.interval.is_some() || c.overflow {
        return;
    }
    let cur = match (fig.cur, c.cur) {
        (Some(x), Some(y)) if ctx.resolve(x, fig.cur_at) == ctx.resolve(y, c.cur_at) => {
            (x, fig.cur_at)
        }
        (Some(x), None) => (x, fig.cur_at),
        (None, Some(y)) if c.cur_suffix => (y, c.cur_at),
        _ => return,
    };
    // the bracketed conversion of the second end, in the first bracket's currency
    let j = c.end + gap_fwd(&text[c.end..], 1);
    let Some((d, _)) = bracketed_money(ctx, j) else {
        return;
    };
    let (Some(bc), Some(dc)) = (b.cur, d.cur) else {
        return;
    };
    let conv = ctx.resolve(bc, b.cur_at);
    if ctx.resolve(dc, d.cur_at) != conv || conv == ctx.resolve(cur.0, cur.1) {
        return;
    }
    if fig.value > c.value || b.value > d.value || fig.scale.is_some() != c.scale.is_some() {
        return;
    }
    fig.interval = Some((Some(fig.value), Some(c.value)));
    fig.precision = fig.precision.min(c.precision);
    fig.decimal |= c.decimal;
    fig.cur = Some(cur.0);
    fig.cur_at = cur.1;
    fig.end = c.end;
    merge_qual(&mut fig.qual, c.qual);
    *ctx.conv_low.borrow_mut() = Some((d.num_start, b));
}

/// A money figure in brackets at `i` ("(£8.2 billion)"): the figure and
/// where the closing bracket ends.
fn bracketed_money(ctx: &Ctx, i: usize) -> Option<(Fig, usize)> {
    let text: &str = &ctx.text;
    let open = open_len(&text[i..]);
    if open == 0 {
        return None;
    }
    let s = partner_start(ctx, i + open)?;
    let f = figure_at(ctx, i + open, s, false)?;
    if f.kind != Kind::Money || f.interval.is_some() || f.overflow {
        return None;
    }
    let k = f.end + gap_fwd(&text[f.end..], 1);
    let close = if text[k..].starts_with(')') {
        1
    } else if text[k..].starts_with('）') {
        '）'.len_utf8()
    } else {
        return None;
    };
    Some((f, k + close))
}

/// The high end of a conversion range left by [`conversion_range`]: `fig`
/// becomes that range. Returns whether it did.
fn conversion_high_end(ctx: &Ctx, fig: &mut Fig) -> bool {
    let low = {
        let mut c = ctx.conv_low.borrow_mut();
        match c.as_ref() {
            Some((at, _)) if *at == fig.num_start => c.take().map(|(_, b)| b),
            _ => None,
        }
    };
    let Some(b) = low else { return false };
    if fig.interval.is_some() || fig.kind != Kind::Money {
        return false;
    }
    fig.interval = Some((Some(b.value), Some(fig.value)));
    fig.value = b.value;
    fig.precision = fig.precision.min(b.precision);
    fig.decimal |= b.decimal;
    merge_qual(&mut fig.qual, b.qual);
    true
}
/// `s` starts with the ASCII word `w`, ignoring case (never splits a char).
pub(crate) fn starts_ci(s: &str, w: &str) -> bool {
    s.len() >= w.len() && s.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
}

/// `s` ends with the ASCII word `w`, ignoring case (never splits a char).
pub(crate) fn ends_ci(s: &str, w: &str) -> bool {
    s.len() >= w.len() && s.as_bytes()[s.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
}

/// Range and list separators that may follow a figure.
const RANGE_SEPS: &[&str] = &[
    "-", "–", "—", "~", "～", "〜", "至", "到", "to ", "and ", "和", "与", "與",
];
const LIST_SEPS: &[&str] = &[
    "、", "，", ",", "和", "及", "与", "與", "以及", "或", "乃至", "甚至", "and ", "or ",
];

/// Does a range or list separator (or a qualifier and then one) follow?
fn separator_follows(rest: &str) -> bool {
    let mut r = &rest[gap_fwd(rest, 1)..];
    if let Some((_, n)) = qualifier_after(r) {
        r = &r[n..];
        r = &r[gap_fwd(r, 1)..];
    }
    may_start_separator(r) && RANGE_SEPS.iter().chain(LIST_SEPS).any(|s| r.starts_with(s))
}

/// A cheap first-char test before trying the separator words.
fn may_start_separator(r: &str) -> bool {
    r.chars().next().is_some_and(|c| {
        matches!(
            c,
            '-' | '–'
                | '—'
                | '~'
                | '～'
                | '〜'
                | '至'
                | '到'
                | 't'
                | 'a'
                | 'o'
                | '、'
                | '，'
                | ','
                | '和'
                | '及'
                | '与'
                | '與'
                | '以'
                | '或'
                | '乃'
                | '甚'
        )
    })
}

#[inline]
fn ends_word(s: &str, words: &[&str]) -> bool {
    // the cheap test first: the last byte against each word's last letter
    let Some(&last) = s.as_bytes().last() else {
        return false;
    };
    words.iter().any(|w| {
        w.as_bytes()
            .last()
            .is_some_and(|l| l.eq_ignore_ascii_case(&last))
            && ends_ci(s, w)
            && !s[..s.len() - w.len()].ends_with(|c: char| c.is_ascii_alphabetic())
    })
}

/// Where a minus sign before a figure starts, `before` being the text up to
/// the figure (or its currency prefix): "-5", "−5", "负5" written against the
/// figure ("负" only when `chinese_ok`), and a sign written apart from it by
/// one space: U+2212 ("− 5.7 亿美元") anywhere, an en dash ("亏损 – 48 亿美元")
/// only after a Han char, a colon, an opening bracket, a tab or a `|` (where
/// an English dash or a list bullet cannot be meant). Never when the sign
/// joins two numbers or words ("5-10", "A-1", "2020 – 48").
fn sign_start(before: &str, chinese_ok: bool) -> Option<usize> {
    let c = prev_char(before)?;
    if matches!(c, '-' | '−') || chinese_ok && matches!(c, '负' | '負') {
        let at = before.len() - c.len_utf8();
        return sign_ok(&before[..at]).then_some(at);
    }
    let spaced = before.strip_suffix([' ', '\u{a0}'])?;
    let c = prev_char(spaced)?;
    if !matches!(c, '−' | '–') {
        return None;
    }
    let at = spaced.len() - c.len_utf8();
    let lhs = &before[..at];
    let lhs_trim = lhs.trim_end_matches([' ', '\u{a0}', '\u{3000}']);
    // a word before the spaced sign is fine ("net − 5"), a number is not ("5 − 3")
    let number_before = prev_char(lhs_trim).is_some_and(|p| {
        p.is_ascii_digit()
            || super::number::is_digit_char(p)
            || super::numeral::is_cn_numeral_start(p)
            || p == '.'
            || p == ','
    });
    if number_before || lhs_trim.len() == lhs.len() && !sign_ok(lhs) {
        return None;
    }
    if c == '–' {
        let ok = prev_char(lhs_trim)
            .is_some_and(|p| is_han(p) || matches!(p, ':' | '：' | '(' | '（' | '\t' | '|'))
            && !lhs.ends_with(['\n']);
        if !ok {
            return None;
        }
    }
    Some(at)
}

/// `(` or `（` at the end of `before`: its length in bytes (0 when none).
fn open_paren_len(before: &str) -> usize {
    if before.ends_with('(') {
        1
    } else if before.ends_with('（') {
        '（'.len_utf8()
    } else {
        0
    }
}

/// An accounting negative: the number in brackets, `before` ending with the
/// opening bracket and `after` (the text after the number) starting with the
/// closing one, then a scale word, a Chinese large unit, a currency or a
/// percent sign ("(3.2) million", "(12.5)亿元", "(0.8)%"). Returns the closing
/// bracket's length, and the exponent and length of the Chinese units after it.
fn accounting_negative(before: &str, after: &str) -> Option<(usize, u32, usize)> {
    if open_paren_len(before) == 0 {
        return None;
    }
    let close = if after.starts_with(')') {
        1
    } else if after.starts_with('）') {
        '）'.len_utf8()
    } else {
        return None;
    };
    let r = &after[close..];
    let mut exp = 0;
    let mut n = 0;
    for c in r.chars().take(2) {
        match super::numeral::cn_large_unit(c) {
            Some(e) => {
                exp += e;
                n += c.len_utf8();
            }
            None => break,
        }
    }
    let rest = &r[n..];
    let follows = n > 0
        || scale_word(rest).is_some()
        || rest.starts_with(['%', '％'])
        || currency::currency_suffix(&rest[gap_fwd(rest, 1)..]).is_some();
    follows.then_some((close, exp, n))
}

/// A minus sign counts when it does not join two numbers or words ("5-10", "A-1").
fn sign_ok(before: &str) -> bool {
    match prev_char(before) {
        None => true,
        Some(c) => {
            !(c.is_ascii_alphanumeric()
                || c == '.'
                || c == ','
                || super::number::is_digit_char(c)
                || super::numeral::is_cn_numeral_start(c))
        }
    }
}

/// 6成 = 60%: one digit (or 十) before 成, not in 一成不变.
fn is_cheng(rest: &str, num: &Num) -> bool {
    if !rest.starts_with('成') || num.scaled || num.len > 6 {
        return false;
    }
    let v = num.value;
    if v <= Decimal::ZERO || v > Decimal::TEN {
        return false;
    }
    let after = &rest['成'.len_utf8()..];
    !(after.starts_with("不变")
        || after.starts_with("不變")
        || after.starts_with('为')
        || after.starts_with('為')
        || after.starts_with('员')
        || after.starts_with('員')
        || after.starts_with('本')
        || after.starts_with('立')
        || after.starts_with('功')
        || after.starts_with('交')
        || after.starts_with('长')
        || after.starts_with('長'))
}

fn merge_qual(q: &mut Qualifier, add: Qualifier) {
    q.approx |= add.approx;
    if add.bound.is_some() {
        q.bound = add.bound;
        q.inclusive = add.inclusive;
        q.strong |= add.strong;
    }
}

/// `x × m` into `x`; when that does not fit a `Decimal`, `x` is left as it
/// is and `overflow` is set (the figure is reported as too large, never
/// wrapped or panicked on).
fn mul_into(x: &mut Decimal, m: Decimal, overflow: &mut bool) {
    match x.checked_mul(m) {
        Some(v) => *x = v,
        None => *overflow = true,
    }
}

/// `x + y` into `x`, like [`mul_into`].
fn add_into(x: &mut Decimal, y: Decimal, overflow: &mut bool) {
    match x.checked_add(y) {
        Some(v) => *x = v,
        None => *overflow = true,
    }
}

fn apply_word_scale(fig: &mut Fig, w: CurrencyWord) {
    if w.scale > 0 && fig.scale.is_none() {
        let m = pow10(w.scale as i64);
        mul_into(&mut fig.value, m, &mut fig.overflow);
        mul_into(&mut fig.precision, m, &mut fig.overflow);
        fig.scale = Some(m);
    }
}

/// Prefix and suffix name one currency: the more specific one wins.
fn merge(prefix: Cur, suffix: Cur) -> Option<Cur> {
    match (prefix, suffix) {
        (a, b) if a == b => Some(a),
        (Cur::Iso(c), Cur::Yuan | Cur::Dollar | Cur::Yen | Cur::Family(_)) => Some(Cur::Iso(c)),
        (Cur::Dollar | Cur::Yen | Cur::Family(_), Cur::Iso(c)) => Some(Cur::Iso(c)),
        (Cur::Yen, Cur::Yuan) => Some(Cur::Yuan),
        (Cur::Dollar, Cur::Yuan) => None,
        _ => None,
    }
}

/// Decides whether a symbol or code after the number belongs to it, or to the
/// next number ("1 $10", "rmb 10 usd 20", "1 $ 10 dollars").
fn suffix_binds(
    ctx: &Ctx,
    fig: &Fig,
    has_prefix: bool,
    w: CurrencyWord,
    s0: usize,
    s1: usize,
) -> bool {
    if w.form == Form::Word {
        return true;
    }
    let text: &str = &ctx.text;
    let after = &text[s1..];
    let spaced_before = s0 > fig.end;
    let glued_next = after.starts_with(|c: char| c.is_ascii_digit());
    if glued_next && spaced_before {
        return false;
    }
    let g = gap_fwd(after, 2);
    let Some(next) = numeral_here(&after[g..]) else {
        return true;
    };
    if has_prefix {
        return false;
    }
    let n2_end = s1 + g + next.len;
    // the next number's own suffix: a word means the symbol is its prefix
    if currency::subunit(&text[n2_end..][gap_fwd(&text[n2_end..], 1)..]).is_some() {
        return true;
    }
    // a year before a code ("in 2024 USD 5 billion") or a scaled next number
    // ("5 USD 3 million") leaves the code to the next number
    if fig.bare_integer && (1900..=2100).contains(&fig.value.trunc().try_into().unwrap_or(0i64)) {
        return false;
    }
    if next.scaled || scale_word(&text[n2_end..]).is_some() {
        return false;
    }
    match suffix_at(ctx, n2_end, true) {
        Some((w2, _, _)) => w2.form != Form::Word,
        None => w.form == Form::Code || !spaced_before || g == 0,
    }
}

fn subunit_at(ctx: &Ctx, pos: usize, max_gap: usize) -> Option<(currency::Subunit, usize, usize)> {
    let r = &ctx.text[pos..];
    let g = gap_fwd(r, max_gap);
    let (sub, n) = currency::subunit(&r[g..])?;
    // 角/毛/分 must not start a word (分钟, 角色)
    let next = r[g + n..].chars().next();
    let kw = &r[g..g + n];
    if matches!(kw, "角" | "毛" | "分" | "銭")
        && next.is_some_and(|c| {
            is_han(c)
                && !matches!(c, '钱' | '錢' | '整' | '的' | '和' | '又' | '零')
                && !super::numeral::is_cn_numeral_start(c)
        })
    {
        return None;
    }
    Some((sub, pos + g, pos + g + n))
}

/// 角/毛 written right after a whole number from 1 to 9 with no other
/// currency ("两毛五", "五毛钱"): money in the yuan family, but only when a
/// digit (the 分) or 钱 follows the unit, so that idioms ("九牛一毛",
/// "冰山一角") and other senses of the char stay out.
fn colloquial_tenths(ctx: &Ctx, fig: &Fig, num: &Num, s0: usize, s1: usize) -> bool {
    let text: &str = &ctx.text;
    if fig.scale.is_some()
        || num.decimal
        || s0 != fig.end
        || !matches!(&text[s0..s1], "角" | "毛")
        || num.value < Decimal::ONE
        || num.value >= Decimal::TEN
    {
        return false;
    }
    let rest = &text[s1..];
    let mut it = rest.chars();
    match it.next() {
        Some('钱' | '錢') => true,
        Some(c)
            if super::numeral::cn_digit(c).is_some_and(|d| d > 0) || ('1'..='9').contains(&c) =>
        {
            // the 分 digit, then 分, or the end of the figure ("两毛五。", "两毛五到三毛"),
            // not a longer numeral or a word ("三毛五岁")
            let after = &rest[c.len_utf8()..];
            let fen = after
                .strip_prefix('分')
                .map(|a| a.starts_with(['钱', '錢']) || !a.starts_with(is_han));
            fen.unwrap_or(false)
                || fen.is_none()
                    && tail_end_ok(after)
                    && !after.starts_with(|c2: char| {
                        c2.is_ascii_digit()
                            || super::numeral::cn_digit(c2).is_some()
                            || super::numeral::cn_small_unit(c2).is_some()
                            || super::numeral::cn_large_unit(c2).is_some()
                    })
        }
        _ => false,
    }
}

/// Whether the text after a bare tail digit ("五块六", "两毛五") lets the digit
/// end the figure: no Han char follows, or a separator, 钱 or 左右 does
/// ("五块六到五块七毛八").
fn tail_end_ok(follow: &str) -> bool {
    match follow.chars().next() {
        Some(c) if is_han(c) => matches!(
            c,
            '到' | '至' | '和' | '或' | '与' | '與' | '及' | '钱' | '錢' | '左'
        ),
        _ => true,
    }
}

/// After a major amount: 五元三毛, 50元6角三分, 两美元又三美分, 3 dollars 50 cents,
/// thirteen dollars and forty-five cents, 15 dollars 50, 五块五, 三块零四; after
/// a figure written in 角/毛 (`after` = 1): 两毛五, 两毛五分.
fn subunit_tail(ctx: &Ctx, fig: &mut Fig, after: u32) {
    let text: &str = &ctx.text;
    let mut pos = fig.end;
    let mut added = Decimal::ZERO;
    let mut prec = fig.precision;
    let mut any = after > 0;
    let mut last_places = after;
    for _ in 0..2 {
        let r = &text[pos..];
        // connectors
        let mut skip = gap_fwd(r, 1);
        let mut zero = false;
        for conn in ["又", "零", "and ", "& "] {
            if r[skip..].starts_with(conn) {
                skip += conn.len();
                zero = conn == "零";
                break;
            }
        }
        let r2 = &r[skip..];
        let Some(num) = numeral_here(r2) else { break };
        if num.scaled
            || num.decimal
            || num.value >= Decimal::ONE_HUNDRED
            || num.value.is_sign_negative()
        {
            break;
        }
        let after_num = pos + skip + num.len;
        if let Some((sub, _s0, s1)) = subunit_at(ctx, after_num, 1) {
            if sub.places <= last_places && any {
                break;
            }
            if sub.places == 1 && num.value >= Decimal::TEN {
                break;
            }
            added += num.value * pow10(-(sub.places as i64));
            prec = pow10(-(sub.places as i64));
            last_places = sub.places;
            pos = s1;
            any = true;
            continue;
        }
        // bare tail: "15 dollars 50", "五块五", "五毛五"
        if any {
            if last_places == 1
                && num.value < Decimal::TEN
                && (skip == 0 || !num.chinese)
                && tail_end_ok(&text[after_num..])
            {
                added += num.value * pow10(-2);
                prec = pow10(-2);
                pos = after_num;
            }
            break;
        }
        // 五块五 = 5.5; after 零 the digit is the 分: 三块零四 = 3.04
        let yuan_digit = matches!(fig.cur, Some(Cur::Yuan))
            && num.chinese
            && num.len <= 3
            && num.value < Decimal::TEN
            && (skip == 0 || zero && skip == "零".len());
        let dollar_like = matches!(fig.cur, Some(Cur::Dollar) | Some(Cur::Iso(_))) && !num.chinese;
        let follow = &text[after_num..];
        let follow_ok = follow.is_empty()
            || follow.starts_with(['.', ',', ';', '!', '?', ')', '。', '，', '；', '\n'])
            || {
                let g = gap_fwd(follow, 1);
                g > 0
                    && ["and ", "more", "less", "only", "each", "extra"]
                        .iter()
                        .any(|w| follow[g..].starts_with(w))
            };
        if (yuan_digit && tail_end_ok(follow))
            || (dollar_like
                && num.value >= Decimal::ONE
                && follow_ok
                && !fig.cur_prefix_symbol_only())
        {
            let places = if yuan_digit && !zero { 1 } else { 2 };
            if places == 2
                && num.value < Decimal::TEN
                && !num.chinese
                && !r2.starts_with(|c: char| c.is_ascii_alphabetic())
                && num.len < 2
            {
                break;
            }
            added += num.value * pow10(-(places as i64));
            prec = pow10(-(places as i64));
            pos = after_num;
            any = true;
        }
        break;
    }
    if any {
        fig.decimal = true;
        let added = if fig.value.is_sign_negative() {
            -added
        } else {
            added
        };
        add_into(&mut fig.value, added, &mut fig.overflow);
        fig.precision = prec;
        fig.end = pos;
    }
}

impl Fig {
    /// True when the currency came from a bare `$`-style symbol only, where a
    /// following bare number is more likely a new figure than cents.
    fn cur_prefix_symbol_only(&self) -> bool {
        self.cur_prefix && !self.cur_suffix && self.value >= Decimal::ONE_HUNDRED * Decimal::TEN
    }
}

/// "billions of dollars", "hundreds of millions of yuan", "tens of billions of US dollars".
fn vague_english(ctx: &Ctx, floor: usize, p: usize) -> Option<Fig> {
    let text: &str = &ctx.text;
    let mut pos = p;
    let mut mult = Decimal::ONE;
    let mut words = 0;
    loop {
        let r = &text[pos..];
        let n = r.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        let e = match r[..n].to_ascii_lowercase().as_str() {
            "tens" => 1,
            "hundreds" => 2,
            "thousands" => 3,
            "millions" => 6,
            "billions" => 9,
            "trillions" => 12,
            _ => return None,
        };
        mult = mult.checked_mul(pow10(e))?;
        words += 1;
        pos += n;
        let r = &text[pos..];
        if starts_ci(r, " of ") {
            pos += 4;
        } else {
            return None;
        }
        // another plural scale, or the currency
        let r = &text[pos..];
        if let Some((w, n)) = currency::currency_suffix(r) {
            if words == 0 || w.form == Form::Symbol {
                return None;
            }
            let before = &text[floor..p];
            let mut fig = Fig {
                start: p,
                end: pos + n,
                num_start: p,
                num_end: pos,
                value: mult,
                precision: mult,
                scale: Some(mult),
                cur: Some(w.cur),
                cur_at: pos,
                cur_prefix: false,
                cur_suffix: true,
                kind: Kind::Money,
                points: false,
                qual: Qualifier {
                    approx: true,
                    ..Qualifier::default()
                },
                interval: Some((
                    mult.checked_mul(Decimal::TWO),
                    mult.checked_mul(Decimal::from(9)),
                )),
                overflow: mult.checked_mul(Decimal::from(9)).is_none(),
                bare_integer: false,
                decimal: false,
                from_before: false,
                between_before: false,
                between_zh: false,
            };
            let g = gap_back(before, 1);
            if let Some((q, qn)) = qualifier_before(&before[..before.len() - g]) {
                merge_qual(&mut fig.qual, q);
                fig.start -= g + qn;
            }
            return Some(fig);
        }
        if words >= 3 {
            return None;
        }
    }
}

/// Range and list partners: "$5-10 billion", "三四六億至三五八億美元",
/// "20亿、30亿和470亿美元", "between US$49 billion and US$52 billion".
#[inline]
fn partner_lookahead(ctx: &Ctx, fig: &mut Fig) {
    if fig.overflow {
        return;
    }
    let text: &str = &ctx.text;
    let rest = &text[fig.end..];
    // range separator
    let g = gap_fwd(rest, 1);
    let r = &rest[g..];
    if r.starts_with(['(', '（']) {
        conversion_range(ctx, fig);
        return;
    }
    if !may_start_separator(r) {
        return;
    }
    partner_after_separator(ctx, fig, g, r);
}

/// [`partner_lookahead`] once a separator may follow (`r`, after a gap of `g`).
#[inline(never)]
fn partner_after_separator(ctx: &Ctx, fig: &mut Fig, g: usize, r: &str) {
    let text: &str = &ctx.text;
    let mut sep: Option<usize> = None;
    let mut is_range = false;
    for &s in RANGE_SEPS {
        if !r.starts_with(s) {
            continue;
        }
        let ok = match s {
            "and " => fig.between_before,
            "和" | "与" | "與" => fig.between_zh,
            "to " => !fig.from_before && (g > 0),
            "至" | "到" => !fig.from_before,
            _ => true,
        };
        if ok {
            sep = Some(g + s.len());
            is_range = true;
            break;
        }
    }
    if sep.is_none() && fig.cur.is_none() && fig.kind == Kind::Money {
        if let Some(s) = LIST_SEPS.iter().find(|s| r.starts_with(**s)) {
            sep = Some(g + s.len());
        }
    }
    let Some(sep) = sep else { return };
    let q0 = fig.end + sep;
    let g2 = gap_fwd(&text[q0..], 1);
    let q = q0 + g2;
    // the partner may start with its own currency prefix or qualifier
    let Some(start) = partner_start(ctx, q) else {
        return;
    };
    if is_range {
        // a percentage cannot range to an amount ("rose 6% to $1.5bn"): skip the parse
        if fig.kind == Kind::Percent && start > q {
            return;
        }
        let Some(b) = figure_at(ctx, q0, start, false) else {
            return;
        };
        // two vague ends ("数百万至上千万元", "几十亿到上百亿美元") are two figures
        // sharing the later currency, as in a list
        if fig.interval.is_some()
            && fig.scale.is_some()
            && fig.cur.is_none()
            && fig.kind == Kind::Money
            && b.kind == Kind::Money
            && !b.overflow
            && (b.interval.is_some() || b.qual.bound.is_some())
        {
            take_list_currency(fig, b);
            return;
        }
        // "4-6%", "1至2個百分點", "4 to 6 percent": a bare number before a
        // percentage is the range's low end, a percentage too
        let kind = if fig.kind == Kind::Money
            && b.kind == Kind::Percent
            && fig.cur.is_none()
            && fig.scale.is_none()
            && fig.interval.is_none()
            && fig.end == fig.num_end
        {
            Kind::Percent
        } else {
            fig.kind
        };
        if b.kind != kind || b.interval.is_some() || fig.interval.is_some() || b.overflow {
            return;
        }
        let (cur, cur_at) = match (fig.cur, b.cur) {
            (Some(a), Some(bc)) => {
                // both ends name a currency: it must be the same one ("€26.9bn-$31.9bn" is two
                // figures); a bare 元 at the high end restates a yuan-family name at the low
                // end ("新台幣約 8100 至 8400 億元")
                let restated = bc == Cur::Yuan && yuan_family(a);
                if !restated && ctx.resolve(a, fig.cur_at) != ctx.resolve(bc, b.cur_at) {
                    return;
                }
                (Some(a), fig.cur_at)
            }
            (Some(a), None) => (Some(a), fig.cur_at),
            (None, Some(bc)) => {
                if !b.cur_suffix {
                    return;
                }
                (Some(bc), b.cur_at)
            }
            (None, None) => {
                if kind == Kind::Money {
                    return;
                }
                (None, fig.cur_at)
            }
        };
        let mut lo = fig.value;
        let mut lo_prec = fig.precision;
        if fig.scale.is_none() {
            if let Some(m) = b.scale {
                // "3-5亿" = 3亿 to 5亿; a low end too large for that is
                // reported as an overflow of the whole range
                match (lo.checked_mul(m), lo_prec.checked_mul(m)) {
                    (Some(l), Some(p)) => (lo, lo_prec) = (l, p),
                    _ => fig.overflow = true,
                }
            }
        }
        if (lo > b.value && !fig.overflow)
            || fig.bare_integer && b.bare_integer && kind == Kind::Money && cur.is_none()
        {
            return;
        }
        if kind != fig.kind {
            // "三至五成": the low end is in 成 too (30%)
            if text[b.num_end..].starts_with('成') {
                mul_into(&mut lo, Decimal::TEN, &mut fig.overflow);
                mul_into(&mut lo_prec, Decimal::TEN, &mut fig.overflow);
                if lo > b.value {
                    return;
                }
            }
            fig.kind = kind;
            fig.points = b.points;
        }
        fig.interval = Some((Some(lo), Some(b.value)));
        fig.decimal |= b.decimal;
        fig.value = lo;
        fig.precision = lo_prec.min(b.precision);
        fig.cur = cur;
        fig.cur_at = cur_at;
        fig.end = b.end;
        merge_qual(&mut fig.qual, b.qual);
        if fig.qual.bound.is_some() && !fig.qual.approx {
            // a bound word before a range applies to its ends; keep it
        }
        fig.scale = fig.scale.or(b.scale);
        // … 之间 closes a range opened by 介于
        if fig.between_zh {
            let r = &text[fig.end..];
            let g = gap_fwd(r, 1);
            if let Some(w) = ["之间", "之間"].iter().find(|w| r[g..].starts_with(**w)) {
                fig.end += g + w.len();
            }
        }
        return;
    }
    // list: find the currency (and scale) of a later element. A walk that
    // found none marks how far it looked, so the later elements of the same
    // list are not walked again (lists of bare numbers stay linear).
    if start < ctx.list_dead_until.get() {
        return;
    }
    // … and a walk that found one remembers it for the elements before it,
    // which would walk to the same place ("1、2、3、…、5亿美元")
    let known = ctx
        .list_found
        .borrow()
        .as_ref()
        .filter(|(from, b)| *from <= start && start < b.start)
        .map(|(_, b)| b.clone());
    if let Some(b) = known {
        take_list_currency(fig, b);
        return;
    }
    let mut pos = start;
    let mut floor = q0;
    let mut found: Option<Fig> = None;
    while let Some(b) = figure_at(ctx, floor, pos, false) {
        if b.kind != Kind::Money {
            break;
        }
        if b.cur.is_some() {
            found = Some(b);
            break;
        }
        // continue down the list
        let rest = &text[b.end..];
        let g = gap_fwd(rest, 1);
        let r = &rest[g..];
        let Some(sep) = LIST_SEPS.iter().find(|s| r.starts_with(**s)) else {
            pos = b.end;
            break;
        };
        let n = b.end + g + sep.len();
        floor = n;
        let g2 = gap_fwd(&text[n..], 1);
        let Some(s2) = partner_start(ctx, n + g2) else {
            pos = n;
            break;
        };
        pos = s2;
    }
    let Some(b) = found else {
        ctx.list_dead_until
            .set(ctx.list_dead_until.get().max(pos + 1));
        return;
    };
    *ctx.list_found.borrow_mut() = Some((start, b.clone()));
    take_list_currency(fig, b);
}

/// Gives `fig` the currency (and scale) of `b`, a later element of its list.
fn take_list_currency(fig: &mut Fig, b: Fig) {
    let Some(c) = b.cur else { return };
    if !b.cur_suffix || b.cur_prefix && b.start < b.num_start {
        return;
    }
    fig.cur = Some(c);
    fig.cur_at = b.cur_at;
    if fig.scale.is_none() {
        if let Some(m) = b.scale {
            mul_into(&mut fig.value, m, &mut fig.overflow);
            mul_into(&mut fig.precision, m, &mut fig.overflow);
            fig.scale = Some(m);
        }
    }
}

/// Finds where the numeral of a partner figure starts at or after `q`,
/// skipping a currency prefix, sign or qualifier (at most 24 bytes).
fn partner_start(ctx: &Ctx, q: usize) -> Option<usize> {
    let text: &str = &ctx.text;
    let mut i = q;
    // at most: a qualifier, a sign and a currency prefix, with small gaps between
    for _ in 0..4 {
        let rest = &text[i..];
        let c = rest.chars().next()?;
        if c.is_ascii_digit()
            || super::number::is_digit_char(c)
            || super::numeral::is_cn_numeral_start(c)
        {
            return Some(i);
        }
        if c.is_ascii_alphabetic()
            && !text[..i].ends_with(|c: char| c.is_ascii_alphabetic())
            && english_numeral(rest).is_some()
        {
            return Some(i);
        }
        let skip = if let Some((_, n)) = currency::currency_suffix(rest) {
            n
        } else if let Some((_, n)) = super::qualifier::qualifier_at_start(rest) {
            n
        } else if let Some(n) = super::qualifier::vague_at_start(rest) {
            // 上千万, 几十亿, 上亿: the figure starts at the unit
            return Some(i + n);
        } else if matches!(c, '-' | '−' | '负' | '負') {
            c.len_utf8()
        } else {
            return None;
        };
        i += skip;
        i += gap_fwd(&text[i..], 2);
    }
    None
}

/// Turns a figure into a public amount, resolving document defaults.
pub(crate) fn to_amount(ctx: &Ctx, fig: &Fig) -> Amount {
    let currency = fig.cur.and_then(|c| ctx.resolve(c, fig.cur_at));
    let value = match fig.interval {
        Some((min, max)) => Value::Interval { min, max },
        None => Value::Point(fig.value),
    };
    Amount {
        kind: fig.kind,
        value,
        currency: if fig.kind == Kind::Money {
            currency
        } else {
            None
        },
        qualifier: fig.qual,
        precision: fig.precision,
        points: fig.points,
        decimal: fig.decimal,
    }
}

#[cfg(test)]
mod tests {
    use super::{RATE_LINKS, RATE_WORDS, aside_len, may_end_rate_word, open_len};
    use crate::Extractor;

    /// (mention text, value, currency or "", qualifier label) of each claim.
    fn got(text: &str) -> Vec<(String, String, String, String)> {
        Extractor::new()
            .claims(text)
            .map(|c| {
                let c = c.expect("no overflow");
                let a = c.amount();
                (
                    c.text(text).to_string(),
                    a.value().to_string(),
                    a.currency().map(|c| c.to_string()).unwrap_or_default(),
                    a.qualifier().label(),
                )
            })
            .collect()
    }

    /// One claim: (text, value, currency).
    fn one(text: &str) -> (String, String, String) {
        let g = got(text);
        assert_eq!(g.len(), 1, "{text:?}: {g:?}");
        let (t, v, c, _) = g.into_iter().next().expect("one claim");
        (t, v, c)
    }

    fn t3(t: &str, v: &str, c: &str) -> (String, String, String) {
        (t.to_string(), v.to_string(), c.to_string())
    }

    #[test]
    fn currency_names_accept() {
        assert_eq!(
            one("a deal worth 30 billion Saudi riyals."),
            t3("30 billion Saudi riyals", "30000000000", "SAR")
        );
        assert_eq!(
            one("fined 5 Kuwaiti dinar"),
            t3("5 Kuwaiti dinar", "5", "KWD")
        );
        assert_eq!(
            one("costs 100 Egyptian pounds"),
            t3("100 Egyptian pounds", "100", "EGP")
        );
        assert_eq!(one("RM 42 a month"), t3("RM 42", "42", "MYR"));
        assert_eq!(one("1,000 zloty"), t3("1,000 zloty", "1000", "PLN"));
        assert_eq!(one("paid 500 MAD"), t3("500 MAD", "500", "MAD"));
        assert_eq!(one("3000林吉特"), t3("3000林吉特", "3000", "MYR"));
        assert_eq!(one("营收50亿雷亚尔"), t3("50亿雷亚尔", "5000000000", "BRL"));
        assert_eq!(
            one("投资1万亿越南盾"),
            t3("1万亿越南盾", "1000000000000", "VND")
        );
        assert_eq!(
            one("合20亿瑞典克朗"),
            t3("20亿瑞典克朗", "2000000000", "SEK")
        );
        assert_eq!(one("约5亿兹罗提"), t3("约5亿兹罗提", "500000000", "PLN"));
    }

    #[test]
    fn shared_names_follow_the_documents_country() {
        assert_eq!(
            one("Mexico's central bank said 10 pesos."),
            t3("10 pesos", "10", "MXN")
        );
        assert_eq!(
            one("阿根廷央行称，物价上涨了500比索。"),
            t3("500比索", "500", "ARS")
        );
        assert_eq!(
            one("In Kuwait, 5 dinars buys lunch."),
            t3("5 dinars", "5", "KWD")
        );
        // the country named more often decides
        assert_eq!(
            one("Chile, not Mexico: Chile's 7 pesos, Chilean banks"),
            t3("7 pesos", "7", "CLP")
        );
    }

    #[test]
    fn shared_names_stay_unresolved_without_a_country() {
        // money, but no currency is guessed
        assert_eq!(one("it cost 10 pesos."), t3("10 pesos", "10", ""));
        assert_eq!(one("5 dinars"), t3("5 dinars", "5", ""));
        // two countries named equally often: still unresolved
        assert_eq!(one("Mexico and Chile: 9 pesos"), t3("9 pesos", "9", ""));
        // a name inside another word is not the country ("Romania" holds no "Oman")
        assert_eq!(one("Romania paid 3 rials"), t3("3 rials", "3", ""));
    }

    #[test]
    fn currency_names_reject() {
        assert!(got("the 2 TOP 10 lists").is_empty());
        assert!(got("ALL 5 solutions").is_empty());
        assert!(got("won 3 real games").is_empty());
        assert!(got("5 dongles").is_empty());
    }

    #[test]
    fn minus_signs_accept() {
        assert_eq!(
            one("亏损 – 48 亿美元"),
            t3("– 48 亿美元", "-4800000000", "USD")
        );
        assert_eq!(
            one("净亏 − 5.7 亿美元"),
            t3("− 5.7 亿美元", "-570000000", "USD")
        );
        assert_eq!(
            one("net − $5.7 billion"),
            t3("− $5.7 billion", "-5700000000", "USD")
        );
        assert_eq!(one("利润：– 3亿元"), t3("– 3亿元", "-300000000", "CNY"));
        assert_eq!(one("亏损-48亿美元"), t3("-48亿美元", "-4800000000", "USD"));
    }

    #[test]
    fn minus_signs_reject() {
        // a dash between two amounts in different currencies is no sign
        assert_eq!(
            got("(€26.9bn-$31.9bn)")
                .into_iter()
                .map(|(t, v, c, _)| (t, v, c))
                .collect::<Vec<_>>(),
            vec![
                t3("€26.9bn", "26900000000", "EUR"),
                t3("$31.9bn", "31900000000", "USD")
            ]
        );
        // an English dash, a bullet, or a dash between two numbers is no sign
        assert_eq!(
            one("the loss – $4.8 billion – was"),
            t3("$4.8 billion", "4800000000", "USD")
        );
        assert_eq!(one("– 48 亿美元"), t3("48 亿美元", "4800000000", "USD"));
        assert_eq!(
            one("2020 – 48 亿美元"),
            t3("48 亿美元", "4800000000", "USD")
        );
        assert_eq!(one("5 − 3亿美元"), t3("3亿美元", "300000000", "USD"));
        assert_eq!(one("A−5亿美元"), t3("5亿美元", "500000000", "USD"));
    }

    #[test]
    fn accounting_negatives_accept() {
        assert_eq!(
            one("net loss $(3.2) million in Q2"),
            t3("$(3.2) million", "-3200000", "USD")
        );
        assert_eq!(
            one("净利润 (12.5)亿元"),
            t3("(12.5)亿元", "-1250000000", "CNY")
        );
        assert_eq!(one("亏损（8）万美元"), t3("（8）万美元", "-80000", "USD"));
        assert_eq!(one("(1,204) USD"), t3("(1,204) USD", "-1204", "USD"));
        let g = got("margin (0.8)% lower");
        assert_eq!(g.len(), 1);
        assert_eq!((g[0].0.as_str(), g[0].1.as_str()), ("(0.8)%", "-0.8"));
    }

    #[test]
    fn accounting_negatives_reject() {
        // a bracketed number without a unit, scale or currency is no figure
        assert!(got("see note (3) for details").is_empty());
        assert!(got("（2019）年报").is_empty());
        // the bracket must close right after the number
        assert_eq!(
            one("(3.2 million dollars)"),
            t3("3.2 million dollars", "3200000", "USD")
        );
    }

    #[test]
    fn pence_accept() {
        assert_eq!(
            got("Shares in the £2bn group fell 12p; they closed at 250p, then 25.5p.")
                .into_iter()
                .map(|(t, v, c, _)| (t, v, c))
                .collect::<Vec<_>>(),
            vec![
                t3("£2bn", "2000000000", "GBP"),
                t3("12p", "0.12", "GBP"),
                t3("250p", "2.5", "GBP"),
                t3("25.5p", "0.255", "GBP"),
            ]
        );
    }

    #[test]
    fn pence_reject() {
        // no sterling in the text: "1080p" is a video format, "5p" anything
        assert!(got("streams in 1080p and 4p modes").is_empty());
        // letters after the p: a word, not pence
        assert!(got("sterling rose: 250pa, 3pm").is_empty());
    }

    fn t4(t: &str, v: &str, c: &str, q: &str) -> (String, String, String, String) {
        (t.to_string(), v.to_string(), c.to_string(), q.to_string())
    }

    #[test]
    fn vague_before_large_units_accept() {
        // 上 + large unit: at least one of the unit, like 上百亿
        assert_eq!(
            got("公司投入上亿美元研发"),
            vec![t4("上亿美元", "100000000", "USD", "lower_bound")]
        );
        assert_eq!(
            got("订单上万元"),
            vec![t4("上万元", "10000", "CNY", "lower_bound")]
        );
        assert_eq!(
            got("投资上万亿日元"),
            vec![t4("上万亿日元", "1000000000000", "JPY", "lower_bound")]
        );
        // 几/数 + large unit: 2 to 9 of the unit, like 数百亿
        assert_eq!(
            got("市场规模达几万亿美元"),
            vec![t4(
                "几万亿美元",
                "2000000000000–9000000000000",
                "USD",
                "approx"
            )]
        );
        assert_eq!(
            got("損失數億港元"),
            vec![t4("數億港元", "200000000–900000000", "HKD", "approx")]
        );
        assert_eq!(
            got("融资好几亿元"),
            vec![t4("好几亿元", "200000000–900000000", "CNY", "approx")]
        );
        // with a small unit before the large one (already read before)
        assert_eq!(
            got("融资几千万美元"),
            vec![t4("几千万美元", "20000000–90000000", "USD", "approx")]
        );
    }

    #[test]
    fn vague_amounts_in_lists_accept() {
        assert_eq!(
            got("花费数百万乃至上千万元"),
            vec![
                t4("数百万", "2000000–9000000", "CNY", "approx"),
                t4("上千万元", "10000000", "CNY", "lower_bound"),
            ]
        );
        assert_eq!(
            got("需要几十亿甚至上百亿美元"),
            vec![
                t4("几十亿", "2000000000–9000000000", "USD", "approx"),
                t4("上百亿美元", "10000000000", "USD", "lower_bound"),
            ]
        );
        assert_eq!(
            got("几千万、上亿美元"),
            vec![
                t4("几千万", "20000000–90000000", "USD", "approx"),
                t4("上亿美元", "100000000", "USD", "lower_bound"),
            ]
        );
        // two vague ends of a range are two figures, as in a list
        assert_eq!(
            got("数百万至上千万元"),
            vec![
                t4("数百万", "2000000–9000000", "CNY", "approx"),
                t4("上千万元", "10000000", "CNY", "lower_bound"),
            ]
        );
        // the later figure's own currency still goes to the earlier one only
        // when the earlier has none
        assert_eq!(
            got("几亿港元甚至上亿美元"),
            vec![
                t4("几亿港元", "200000000–900000000", "HKD", "approx"),
                t4("上亿美元", "100000000", "USD", "lower_bound"),
            ]
        );
    }

    #[test]
    fn vague_before_large_units_reject() {
        // no currency: counts, not money
        assert!(got("上万人参加，几亿次点击，数万名员工").is_empty());
        // a large unit with no marker before it is no figure
        assert!(got("亿万富翁花了万元户的钱").is_empty());
        // 上 that is no marker: the unit still needs the marker right before it
        assert!(got("市场上的亿元户").is_empty());
        // 甚至 joins no figures without a currency
        assert!(got("几十人甚至上百人").is_empty());
    }

    #[test]
    fn gapped_bounds_accept() {
        assert_eq!(
            got("计划最高投入900亿美元"),
            vec![t4("最高投入900亿美元", "90000000000", "USD", "upper_bound")]
        );
        assert_eq!(
            got("拟展开最多可达20亿美元的回购"),
            vec![t4("最多可达20亿美元", "2000000000", "USD", "upper_bound")]
        );
        assert_eq!(
            got("至少需要筹集50亿元"),
            vec![t4("至少需要筹集50亿元", "5000000000", "CNY", "lower_bound")]
        );
        assert_eq!(
            got("最高罚款 5000 万美元"),
            vec![t4("最高罚款 5000 万美元", "50000000", "USD", "upper_bound")]
        );
        // written right against the figure
        assert_eq!(
            got("最高900亿美元"),
            vec![t4("最高900亿美元", "90000000000", "USD", "upper_bound")]
        );
    }

    #[test]
    fn gapped_bounds_reject() {
        // a noun made of the bound word is no bound
        assert_eq!(
            got("最高法院裁定罚款90亿美元"),
            vec![t4("90亿美元", "9000000000", "USD", "exact")]
        );
        assert_eq!(
            got("最高法院罚款90亿美元"),
            vec![t4("90亿美元", "9000000000", "USD", "exact")]
        );
        assert_eq!(got("最低价为3美元"), vec![t4("3美元", "3", "USD", "exact")]);
        // where a price went is the extreme reached, not a bound
        assert_eq!(
            got("股价最高涨到90元，最低跌至3元"),
            vec![
                t4("90元", "90", "CNY", "exact"),
                t4("3元", "3", "CNY", "exact")
            ]
        );
        // too far, or across a clause break, 的 or a number
        assert_eq!(
            got("最高，投入90亿美元"),
            vec![t4("90亿美元", "9000000000", "USD", "exact")]
        );
        assert_eq!(
            got("最多的一笔投入90亿美元"),
            vec![t4("90亿美元", "9000000000", "USD", "exact")]
        );
        assert_eq!(
            got("最高计划分阶段投资90亿美元"),
            vec![t4("90亿美元", "9000000000", "USD", "exact")]
        );
    }

    #[test]
    fn within_is_an_upper_bound() {
        assert_eq!(
            got("降幅控制在10%以内。"),
            vec![t4("10%以内", "10", "", "upper_bound")]
        );
        assert_eq!(
            got("預算100億元以內"),
            vec![t4("100億元以內", "10000000000", "CNY", "upper_bound")]
        );
        assert_eq!(
            got("成本在5万元之内。"),
            vec![t4("5万元之内", "50000", "CNY", "upper_bound")]
        );
        // 之内 that starts a word is not taken
        assert_eq!(
            got("5万元之内容"),
            vec![t4("5万元", "50000", "CNY", "exact")]
        );
    }

    #[test]
    fn between_zh_ranges() {
        assert_eq!(
            got("營收約介於 210 至 225 億美元之間。"),
            vec![t4(
                "約介於 210 至 225 億美元之間",
                "21000000000–22500000000",
                "USD",
                "approx"
            )]
        );
        assert_eq!(
            got("价格介于5亿和6亿美元之间"),
            vec![t4(
                "介于5亿和6亿美元之间",
                "500000000–600000000",
                "USD",
                "exact"
            )]
        );
        // 和 without 介于 is a list, not a range
        assert_eq!(
            got("5亿和6亿美元"),
            vec![
                t4("5亿", "500000000", "USD", "exact"),
                t4("6亿美元", "600000000", "USD", "exact"),
            ]
        );
    }

    #[test]
    fn english_near_bounds() {
        assert_eq!(
            got("It raised a bit less than half a billion dollars."),
            vec![t4(
                "a bit less than half a billion dollars",
                "500000000",
                "USD",
                "upper_bound"
            )]
        );
        assert_eq!(
            got("worth just over $2 billion"),
            vec![t4(
                "just over $2 billion",
                "2000000000",
                "USD",
                "lower_bound"
            )]
        );
        assert_eq!(
            got("half a million euros"),
            vec![t4("half a million euros", "500000", "EUR", "exact")]
        );
        // no currency in scope: not money
        assert!(got("It raised a bit less than half a billion.").is_empty());
        assert!(got("half a dozen").is_empty());
    }

    #[test]
    fn percent_ranges_accept() {
        assert_eq!(got("增长4-6%。"), vec![t4("4-6%", "4–6", "", "exact")]);
        assert_eq!(
            got("利润率10%-15%"),
            vec![t4("10%-15%", "10–15", "", "exact")]
        );
        assert_eq!(
            got("上调1至2個百分點"),
            vec![t4("1至2個百分點", "1–2", "", "exact")]
        );
        assert_eq!(
            got("revenue grew 4 to 6 percent."),
            vec![t4("4 to 6 percent", "4–6", "", "exact")]
        );
        assert_eq!(got("约3～5%"), vec![t4("约3～5%", "3–5", "", "approx")]);
        assert_eq!(
            got("营收增长三至五成"),
            vec![t4("三至五成", "30–50", "", "exact")]
        );
        let a = Extractor::new()
            .claims("上调1至2個百分點")
            .next()
            .expect("a claim")
            .expect("no overflow");
        assert!(a.amount().points());
    }

    #[test]
    fn percent_ranges_reject() {
        // a year, a money figure or a falling pair before a percentage is no low end
        assert_eq!(got("2024-6%"), vec![t4("6%", "6", "", "exact")]);
        assert_eq!(
            got("5亿美元至6%"),
            vec![
                t4("5亿美元", "500000000", "USD", "exact"),
                t4("6%", "6", "", "exact")
            ]
        );
        assert_eq!(got("9-6%"), vec![t4("6%", "6", "", "exact")]);
        assert_eq!(got("8至五成"), vec![t4("五成", "50", "", "exact")]);
        // "from 4 to 6 percent" is a change, not a range
        assert_eq!(
            got("from 4 to 6 percent"),
            vec![t4("6 percent", "6", "", "exact")]
        );
    }

    #[test]
    fn colloquial_small_change_accept() {
        assert_eq!(
            got("一瓶两毛五。"),
            vec![t4("两毛五", "0.25", "CNY", "exact")]
        );
        assert_eq!(
            got("两毛五分钱"),
            vec![t4("两毛五分钱", "0.25", "CNY", "exact")]
        );
        assert_eq!(got("五毛钱"), vec![t4("五毛钱", "0.5", "CNY", "exact")]);
        assert_eq!(
            got("车票一块二。"),
            vec![t4("一块二", "1.2", "CNY", "exact")]
        );
        assert_eq!(
            got("花了三块零四。"),
            vec![t4("三块零四", "3.04", "CNY", "exact")]
        );
        assert_eq!(
            got("还剩三块四分。"),
            vec![t4("三块四分", "3.04", "CNY", "exact")]
        );
        assert_eq!(
            got("价格五块六到五块七毛八。"),
            vec![t4("五块六到五块七毛八", "5.6–5.78", "CNY", "exact")]
        );
        // bare 元/块 follow the document's yuan-family currency and the hint
        assert_eq!(
            got("港元计价,一块二。"),
            vec![t4("一块二", "1.2", "HKD", "exact")]
        );
        let hinted: Vec<_> = Extractor::builder()
            .currency_hint(crate::Currency::TWD)
            .build()
            .claims("两毛五")
            .map(|c| c.expect("no overflow").amount().currency())
            .collect();
        assert_eq!(hinted, vec![Some(crate::Currency::TWD)]);
    }

    #[test]
    fn colloquial_small_change_reject() {
        // 分 alone is points or minutes; 角/毛 alone is an idiom or another word
        assert!(got("他得了25分。").is_empty());
        assert!(got("三点二十五分开会").is_empty());
        assert!(got("九牛一毛。冰山一角，").is_empty());
        assert!(got("两毛。").is_empty());
        // 三毛 the writer, 五岁: the digit after 毛 starts a word
        assert!(got("三毛五岁时").is_empty());
        assert!(got("三毛五十").is_empty());
        assert!(got("三毛五分钟后").is_empty());
        assert!(got("一块蛋糕").is_empty());
        assert!(got("毛利三毛利").is_empty());
    }

    /// (text, value, currency) of each claim.
    fn got3(text: &str) -> Vec<(String, String, String)> {
        got(text)
            .into_iter()
            .map(|(t, v, c, _)| (t, v, c))
            .collect()
    }

    #[test]
    fn currency_word_before_qualifier_accept() {
        assert_eq!(
            got("营收新台幣約 8100 至 8400 億元。"),
            vec![t4(
                "新台幣約 8100 至 8400 億元",
                "810000000000–840000000000",
                "TWD",
                "approx"
            )]
        );
        assert_eq!(
            got("净利人民币逾300亿元"),
            vec![t4("人民币逾300亿元", "30000000000", "CNY", "lower_bound")]
        );
        assert_eq!(
            got("现金美元近 30 亿。"),
            vec![t4("美元近 30 亿", "3000000000", "USD", "approx")]
        );
        assert_eq!(
            got("盈利港元約3億"),
            vec![t4("港元約3億", "300000000", "HKD", "approx")]
        );
        assert_eq!(
            got("盈利HK$約3億"),
            vec![t4("HK$約3億", "300000000", "HKD", "approx")]
        );
        assert_eq!(
            got("a loan of EUR approximately 5 million"),
            vec![t4(
                "EUR approximately 5 million",
                "5000000",
                "EUR",
                "approx"
            )]
        );
        // the written name beats the document's most named yuan currency
        assert_eq!(
            got("港元、港元。人民币约 500 亿元")
                .into_iter()
                .map(|g| g.2)
                .collect::<Vec<_>>(),
            vec!["CNY"]
        );
    }

    #[test]
    fn currency_word_before_qualifier_reject() {
        // the word closes the number before it
        assert_eq!(
            got("10美元约70元人民币"),
            vec![
                t4("10美元", "10", "USD", "exact"),
                t4("约70元人民币", "70", "CNY", "approx")
            ]
        );
        // a bare 元 does not restate another currency across a qualifier
        assert_eq!(got("报美元约7元"), vec![t4("约7元", "7", "CNY", "approx")]);
        // English: codes before hedges only; no bounds, symbols or pairs
        assert!(got("the USD over 5 years").is_empty());
        assert!(got("EUR/USD about 1.08").is_empty());
        assert!(got("costs $ about 5 million").is_empty());
        assert!(got("a fund in USDabout 5 million").is_empty());
    }

    #[test]
    fn from_to_carries_the_currency_accept() {
        assert_eq!(
            got3("估值从 320 亿降至 55 亿美元。"),
            vec![
                t3("320 亿", "32000000000", "USD"),
                t3("55 亿美元", "5500000000", "USD")
            ]
        );
        assert_eq!(
            got3("市值由 1500 亿美元一度跌到 30 亿。"),
            vec![
                t3("1500 亿美元", "150000000000", "USD"),
                t3("30 亿", "3000000000", "USD")
            ]
        );
        assert_eq!(
            got3("目标从 2.5 亿港元下调为 1.8 亿"),
            vec![
                t3("2.5 亿港元", "250000000", "HKD"),
                t3("1.8 亿", "180000000", "HKD")
            ]
        );
        assert_eq!(
            got3("sales grew from 2.6 billion to 3.1 billion dollars"),
            vec![
                t3("2.6 billion", "2600000000", "USD"),
                t3("3.1 billion dollars", "3100000000", "USD")
            ]
        );
        assert_eq!(
            got3(
                "Revenue rose to 3.1 billion dollars (£2.3bn) in the quarter, up from 2.6 billion (£1.9bn)."
            ),
            vec![
                t3("3.1 billion dollars", "3100000000", "USD"),
                t3("£2.3bn", "2300000000", "GBP"),
                t3("2.6 billion", "2600000000", "USD"),
                t3("£1.9bn", "1900000000", "GBP")
            ]
        );
        assert_eq!(
            got3("the fund grew from 2.6 billion (£1.9bn) to $3.1 billion"),
            vec![
                t3("2.6 billion", "2600000000", "USD"),
                t3("£1.9bn", "1900000000", "GBP"),
                t3("$3.1 billion", "3100000000", "USD")
            ]
        );
    }

    #[test]
    fn from_to_carries_the_currency_across_time_phrases() {
        assert_eq!(
            got3("营收从 2023 年的 320 亿增至 2024 年的 410 亿美元"),
            vec![
                t3("320 亿", "32000000000", "USD"),
                t3("410 亿美元", "41000000000", "USD")
            ]
        );
        assert_eq!(
            got3("利润由去年同期的 12 亿港元降至 8 亿"),
            vec![
                t3("12 亿港元", "1200000000", "HKD"),
                t3("8 亿", "800000000", "HKD")
            ]
        );
        // no 的: the year is the figure after 从, and no time phrase is read
        assert_eq!(
            got3("从 2023 年 320 亿增至 410 亿美元"),
            vec![t3("410 亿美元", "41000000000", "USD")]
        );
        // a phrase without a time word is no time phrase
        assert_eq!(
            got3("从上下的 320 亿增至 410 亿美元"),
            vec![t3("410 亿美元", "41000000000", "USD")]
        );
    }

    #[test]
    fn from_to_carries_the_currency_reject() {
        assert!(got3("从 2020 年到 2024 年").is_empty());
        assert_eq!(
            got3("从 2020 年到 2024 年营收 55 亿美元"),
            vec![t3("55 亿美元", "5500000000", "USD")]
        );
        // an explicit currency at either end is never overwritten
        assert_eq!(
            got3("由 1500 亿美元降至 30 亿欧元"),
            vec![
                t3("1500 亿美元", "150000000000", "USD"),
                t3("30 亿欧元", "3000000000", "EUR")
            ]
        );
        // a counted noun, an unscaled end (the scale is not guessed), no verb of change
        assert_eq!(
            got3("from $2 million to 3 million users"),
            vec![t3("$2 million", "2000000", "USD")]
        );
        assert_eq!(
            got3("用户从 320 亿股降至 55 亿美元"),
            vec![t3("55 亿美元", "5500000000", "USD")]
        );
        assert_eq!(
            got3("从 5 增至 10 亿美元"),
            vec![t3("10 亿美元", "1000000000", "USD")]
        );
        assert_eq!(
            got3("由 1500 亿美元的公司，其中 30 亿"),
            vec![t3("1500 亿美元", "150000000000", "USD")]
        );
        // a sentence ends before "from"
        assert_eq!(
            got3("It was $5 billion. From 2 billion people"),
            vec![t3("$5 billion", "5000000000", "USD")]
        );
    }

    #[test]
    fn bracketed_conversions_make_two_ranges_accept() {
        assert_eq!(
            got3("sales of 9.5 billion euros (£8.2 billion) to 10.1 billion euros (£8.7 billion)."),
            vec![
                t3(
                    "9.5 billion euros (£8.2 billion) to 10.1 billion euros",
                    "9500000000–10100000000",
                    "EUR"
                ),
                t3("£8.7 billion", "8200000000–8700000000", "GBP")
            ]
        );
        assert_eq!(
            got3("营收 95 亿欧元（82 亿英镑）至 101 亿欧元（87 亿英镑）"),
            vec![
                t3(
                    "95 亿欧元（82 亿英镑）至 101 亿欧元",
                    "9500000000–10100000000",
                    "EUR"
                ),
                t3("87 亿英镑", "8200000000–8700000000", "GBP")
            ]
        );
    }

    #[test]
    fn bracketed_conversions_make_two_ranges_reject() {
        // only one end converted: three amounts, nothing merged or lost
        assert_eq!(
            got3("9.5 billion euros (£8.2 billion) to 10.1 billion euros"),
            vec![
                t3("9.5 billion euros", "9500000000", "EUR"),
                t3("£8.2 billion", "8200000000", "GBP"),
                t3("10.1 billion euros", "10100000000", "EUR")
            ]
        );
        // "from … to …" is a change, not a range
        assert_eq!(
            got3("from 9.5 billion euros (£8.2 billion) to 10.1 billion euros (£8.7 billion)")
                .len(),
            4
        );
        // the brackets in the ends' own currency are no conversion
        assert_eq!(
            got3("9.5 billion euros (€8.2 billion) to 10.1 billion euros (€8.7 billion)").len(),
            4
        );
    }

    /// The char-by-char reading [`aside_len`] replaced, to compare against.
    fn aside_len_by_chars(s: &str) -> usize {
        let open = open_len(s);
        if open == 0 {
            return 0;
        }
        for (i, c) in s[open..].char_indices() {
            if i > 48 || matches!(c, '(' | '（' | '\n') {
                return 0;
            }
            if matches!(c, ')' | '）') {
                return open + i + c.len_utf8();
            }
        }
        0
    }

    #[test]
    fn aside_len_reads_as_by_chars() {
        let mut cases: Vec<String> = [
            "(£1.9bn) to",
            "（约合 3 亿美元）",
            "(a (b) c)",
            "（约（3）亿）",
            "(line\nbreak)",
            "（，，）",
            "(约，合）",
            "(unclosed",
            "no bracket",
            "",
            "(",
            "（",
            "()",
            "（）",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // the 48-byte limit, with the closing bracket and the chars before it
        // at every offset around it
        for open in ["(", "（"] {
            for fill in ["a", "约", "，"] {
                for n in 0..60 {
                    for close in [")", "）", "(", "\n"] {
                        cases.push(format!("{open}{}{close}x", fill.repeat(n)));
                    }
                }
            }
        }
        for c in &cases {
            assert_eq!(aside_len(c), aside_len_by_chars(c), "{c:?}");
        }
        assert_eq!(aside_len("(£1.9bn) to"), "(£1.9bn)".len());
        assert_eq!(aside_len("（约合 3 亿美元）"), "（约合 3 亿美元）".len());
    }

    #[test]
    fn rate_word_last_chars_cover_the_tables() {
        for w in RATE_LINKS.iter().chain(RATE_WORDS) {
            assert!(may_end_rate_word(w), "{w}");
            assert!(may_end_rate_word(&w.to_ascii_uppercase()), "{w}");
        }
        assert!(!may_end_rate_word("亿"));
        assert!(!may_end_rate_word("revenue of 5 million"));
        assert!(!may_end_rate_word(""));
    }

    #[test]
    fn exchange_rates_are_not_money_accept() {
        for text in [
            "匯率 30.5 元",
            "新台幣匯率為 30.5 元，",
            "人民币汇率中间价报 7.1 元",
            "1美元兑7.1元人民币",
            "1美元兌換7.1元人民幣",
            "100日元兑4.8元人民币",
            "美元兑人民币报 7.1 元",
            "the dollar bought 150 yen",
            "The euro fell to $1.05 on Friday",
            "€1 = $1.08",
            "1 euro = 1.08 dollars",
            "an exchange rate of 7.1 yuan",
        ] {
            assert!(got3(text).is_empty(), "{text:?}: {:?}", got3(text));
        }
        // the amounts around a rate are still found
        assert_eq!(
            got3("按1美元兑7.1元人民币计，营收50亿美元"),
            vec![t3("50亿美元", "5000000000", "USD")]
        );
    }

    #[test]
    fn exchange_rates_are_not_money_reject() {
        assert_eq!(got3("售价30.5元"), vec![t3("30.5元", "30.5", "CNY")]);
        assert_eq!(
            got3("汇率损失 30 亿元"),
            vec![t3("30 亿元", "3000000000", "CNY")]
        );
        // a figure after 兑换 alone is an amount (Recognizers-Text zh #4)
        assert_eq!(
            got3("兑换1.0753美元"),
            vec![t3("1.0753美元", "1.0753", "USD")]
        );
        // not a unit amount: a conversion of an amount, not a rate
        assert_eq!(
            got3("5美元兑35元人民币")
                .into_iter()
                .map(|g| g.2)
                .collect::<Vec<_>>(),
            vec!["USD", "CNY"]
        );
        // the subject is no currency, or the currency is the same
        assert_eq!(
            got3("The fund bought $5 billion of bonds"),
            vec![t3("$5 billion", "5000000000", "USD")]
        );
        assert_eq!(
            got3("the dollar value reached $5 billion"),
            vec![t3("$5 billion", "5000000000", "USD")]
        );
        // tokenized news: "dollar : 143.80 yen" (Recognizers-Text en #94) stays an amount
        assert_eq!(
            got3("dollar : 143.80 yen , up 0 . 95"),
            vec![t3("143.80 yen", "143.8", "JPY")]
        );
        assert!(got3("a 1:7.1 ratio").is_empty());
        assert_eq!(
            got3("a loss on the exchange rate of $5 million"),
            vec![t3("$5 million", "5000000", "USD")]
        );
    }

    #[test]
    fn cents_follow_the_euro_accept() {
        assert_eq!(
            got3("Prices are in euros: a stamp costs 95 cents."),
            vec![t3("95 cents", "0.95", "EUR")]
        );
        assert_eq!(
            got3("€2 for bread, 50 cents for milk"),
            vec![t3("€2", "2", "EUR"), t3("50 cents", "0.5", "EUR")]
        );
        assert_eq!(got3("邮票50欧分"), vec![t3("50欧分", "0.5", "EUR")]);
    }

    #[test]
    fn cents_follow_the_euro_reject() {
        assert_eq!(
            got3("It costs 50 cents"),
            vec![t3("50 cents", "0.5", "USD")]
        );
        // "Europe" names no currency
        assert_eq!(
            got3("In Europe it costs 50 cents"),
            vec![t3("50 cents", "0.5", "USD")]
        );
        // the nearest currency before decides
        assert_eq!(
            got3("€2 in Paris; $3 in New York, plus 50 cents tax"),
            vec![
                t3("€2", "2", "EUR"),
                t3("$3", "3", "USD"),
                t3("50 cents", "0.5", "USD")
            ]
        );
    }
}
