//! Date expressions in text: every period an article writes, resolved
//! against the article date (2024年9月30日, 9月底, 去年9月底, end of
//! September, as of Sept. 30, 2024, Q3 2024, 第三季度, 上半年, 2024财年,
//! FY2024, fiscal 2017 third quarter, 当前 / currently).

use super::{FiscalRef, How, PeriodLink};
use crate::date::{Date, days_in_month};
use crate::ledger::Length;
use crate::span::Span;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Reads an unsigned decimal integer (ASCII or full-width digits) at the start of `s`.
fn int_at(s: &str) -> Option<(u32, usize)> {
    let mut v: u32 = 0;
    let mut n = 0;
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        v = v.checked_mul(10)?.checked_add(d)?;
        n += 1;
        len += c.len_utf8();
        if n > 4 {
            return None;
        }
    }
    (n > 0).then_some((v, len))
}

/// A month name at the start of `s` (English, full or abbreviated, optional '.').
fn month_at(s: &str) -> Option<(u32, usize)> {
    let w = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &s.as_bytes()[..w];
    let m = MONTHS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name.as_bytes()))?
        .1;
    let mut len = w;
    if s[w..].starts_with('.') {
        len += 1;
    }
    Some((m, len))
}

fn skip_ws(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\u{3000}', '\u{a0}']).len()
}

fn range(start: Date, end: Date, text: &str, at: usize, len: usize) -> PeriodLink {
    PeriodLink {
        start,
        end,
        text: Some(text[at..at + len].to_string()),
        span: Some(Span::new(at, at + len)),
        how: How::Written,
        length: None,
        fiscal: None,
    }
}

fn month_range(y: i32, m: u32) -> Option<(Date, Date)> {
    Some((Date::new(y, m, 1).ok()?, Date::end_of_month(y, m).ok()?))
}

fn quarter_range(y: i32, q: u32) -> Option<(Date, Date)> {
    let m1 = q * 3 - 2;
    Some((
        Date::new(y, m1, 1).ok()?,
        Date::end_of_month(y, q * 3).ok()?,
    ))
}

/// Year for a month written without one: the article's year, or the year
/// before when that month has not ended yet at the article date.
fn implied_year(article: Option<Date>, month: u32) -> Option<i32> {
    let a = article?;
    Some(if month > a.month() {
        a.year() - 1
    } else {
        a.year()
    })
}

/// Relative year words before a date: 去年, 今年, 前年, last year, this year.
fn relative_year(before: &str, article: Option<Date>) -> Option<(i32, usize)> {
    let a = article?;
    let t = before.trim_end_matches([' ', '\u{3000}']);
    let gap = before.len() - t.len();
    for (w, d) in [
        ("去年", -1),
        ("前年", -2),
        ("今年", 0),
        ("明年", 1),
        ("本年", 0),
        ("上年", -1),
    ] {
        if t.ends_with(w) {
            return Some((a.year() + d, w.len() + gap));
        }
    }
    None
}

/// All date expressions in `s` (offsets relative to `s`).
#[cfg(test)]
pub(super) fn periods(s: &str, article: Option<Date>) -> Vec<PeriodLink> {
    periods_and_dateline(s, article).0
}

/// The date expressions starting in `from..to` of `s`, in order, passed to
/// `f` until it returns false; each position is looked at once, and a
/// period found is skipped over. The work is counted in `steps`.
fn scan(
    s: &str,
    (from, to): (usize, usize),
    article: Option<Date>,
    steps: &std::cell::Cell<u64>,
    mut f: impl FnMut(PeriodLink) -> bool,
) {
    let b = s.as_bytes();
    let mut i = from;
    // the char before `i`: whether an expression can start at `i` depends
    // on it (not inside a word, not inside a number)
    let mut prev = s[..from].chars().next_back();
    while i < to {
        steps.set(steps.get() + 1);
        let x = b[i];
        if x.is_ascii() {
            // ASCII that cannot start a date expression is passed over byte
            // by byte with no decoding, and the rest of a word or a number
            // at once (no expression starts inside one)
            let run = |i: usize, f: fn(&u8) -> bool| b[i..to].iter().take_while(|c| f(c)).count();
            let skip = if !x.is_ascii_alphanumeric() {
                1
            } else if x.is_ascii_alphabetic() && prev.is_some_and(|p| p.is_ascii_alphabetic()) {
                run(i, u8::is_ascii_alphabetic)
            } else if x.is_ascii_digit() && prev.is_some_and(|p| p.is_ascii_digit()) {
                run(i, u8::is_ascii_digit)
            } else {
                0
            };
            if skip > 0 {
                i += skip;
                prev = Some(char::from(b[i - 1]));
                continue;
            }
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let step = c.len_utf8();
        if can_start_period(c, prev) {
            if let Some(p) = period_at(s, i, article, steps) {
                let e = p.span.map_or(i + step, |sp| sp.end());
                if !f(p) {
                    return;
                }
                i = e.max(i + step);
                prev = s[..i].chars().next_back();
                continue;
            }
        }
        prev = Some(c);
        i += step;
    }
}

/// Whether `p` is a full date written out (a dateline candidate).
fn is_full_date(p: &PeriodLink) -> bool {
    p.start == p.end && p.how == How::Written
}

/// Every date expression of `s`, and the dateline (the first full date)
/// when no article date is given, in one pass: the expressions before the
/// dateline (a headline's "上季") are read again with it, a short prefix.
pub(super) fn periods_and_dateline(
    s: &str,
    article: Option<Date>,
) -> (Vec<PeriodLink>, Option<Date>) {
    let steps = std::cell::Cell::new(0);
    periods_counted(s, article, &steps)
}

/// [`periods_and_dateline`], counting the scanner's work in `steps`.
pub(super) fn periods_counted(
    s: &str,
    article: Option<Date>,
    steps: &std::cell::Cell<u64>,
) -> (Vec<PeriodLink>, Option<Date>) {
    let mut out = Vec::new();
    if article.is_some() {
        scan(s, (0, s.len()), article, steps, |p| {
            out.push(p);
            true
        });
        return (out, None);
    }
    // until the first full date, read without an article date
    let mut dateline: Option<(Date, usize)> = None;
    scan(s, (0, s.len()), None, steps, |p| {
        if is_full_date(&p) {
            dateline = Some((p.end, p.span.map_or(0, |sp| sp.start())));
            out.push(p);
            return false;
        }
        out.push(p);
        true
    });
    let Some((date, at)) = dateline else {
        return (out, None);
    };
    // before it, again with the date; after it, with the date
    let mut all = Vec::new();
    scan(s, (0, at), Some(date), steps, |p| {
        if p.span.is_some_and(|sp| sp.end() > at) {
            return false;
        }
        all.push(p);
        true
    });
    let resume = out
        .last()
        .and_then(|p| p.span)
        .map_or(at, |sp| sp.end().max(at));
    all.extend(out.pop());
    scan(s, (resume, s.len()), Some(date), steps, |p| {
        all.push(p);
        true
    });
    (all, Some(date))
}

/// Can a date expression start with `c` (after `prev`)? A cheap filter run at
/// every char of a document before the expression parsers.
fn can_start_period(c: char, prev: Option<char>) -> bool {
    if c.is_ascii_alphabetic() {
        // first letters of the English period words: a(s of, year ago), c(urrently),
        // d(ec), e(nd of), f(iscal, FY, first, fourth), j(an...), l(ast year), m(ay...),
        // n(ow, nov), o(ct), q(3), s(econd, ept), t(hird, this year, the year earlier), y(ear-ago)
        return !prev.is_some_and(|p| p.is_ascii_alphabetic())
            && matches!(
                c.to_ascii_lowercase(),
                'a' | 'c'
                    | 'd'
                    | 'e'
                    | 'f'
                    | 'h'
                    | 'j'
                    | 'l'
                    | 'm'
                    | 'n'
                    | 'o'
                    | 'q'
                    | 's'
                    | 't'
                    | 'y'
            );
    }
    let is_digit = |d: char| d.is_ascii_digit() || ('０'..='９').contains(&d);
    if is_digit(c) {
        // a number starts at its first digit, not inside it
        return !prev.is_some_and(is_digit);
    }
    matches!(
        c,
        '去' | '上'
            | '今'
            | '明'
            | '本'
            | '前'
            | '当'
            | '當'
            | '目'
            | '该'
            | '該'
            | '现'
            | '現'
            | '如'
            | '眼'
            | '第'
            | '一'
            | '二'
            | '三'
            | '四'
            | '中'
            | '下'
    )
}

/// Whether an English word (lowercased, its first ten letters and digits)
/// can begin a date expression: FY…, Q1–Q4, H1/H2, fiscal, first … fourth,
/// nine, year, a, the, this, last, as, now, currently, end, or a month's name.
fn starts_a_period_word(w: &[u8]) -> bool {
    let n = w.len();
    if w.starts_with(b"fy") {
        return true;
    }
    if n == 2 && matches!(w[0], b'q' | b'h') && w[1].is_ascii_digit() {
        return true;
    }
    matches!(
        w,
        b"fiscal"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"nine"
            | b"year"
            | b"a"
            | b"the"
            | b"this"
            | b"last"
            | b"as"
            | b"now"
            | b"currently"
            | b"end"
            | b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"sept"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// Whether the number at the start of `r` can begin a date expression: a
/// year (1900 to 2100: "2024-09-30", "2024年", "in 2023", "2025财年"), or one
/// or two digits followed by what a day, a month or a quarter needs ("9月",
/// "3季度", "3Q", "1H", "3rd", "30 September"). Any other number (most of a
/// financial article's: "250 亿", "3.5%", "1,200") is passed over at once.
fn digits_can_start_period(r: &str) -> bool {
    let (mut v, mut n, mut len) = (0u32, 0usize, 0usize);
    for c in r.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        v = v.saturating_mul(10).saturating_add(d);
        n += 1;
        len += c.len_utf8();
    }
    if n == 4 && (1900..=2100).contains(&v) {
        return true;
    }
    if n > 2 {
        return false;
    }
    let after = &r[len..];
    let g = skip_ws(after);
    if g > 0 {
        // "9 月", "30 September"
        let t = &after[g..];
        return t.starts_with('月') || month_at(t).is_some();
    }
    after.starts_with(|c: char| {
        c.is_ascii_alphabetic() || matches!(c, '月' | '季' | '财' | '財' | '个' | '個')
    })
}

/// A date expression starting at byte `i` of `s`.
fn period_at(
    s: &str,
    i: usize,
    article: Option<Date>,
    steps: &std::cell::Cell<u64>,
) -> Option<PeriodLink> {
    let rest = &s[i..];
    let c0 = rest.chars().next()?;
    if !can_start_period(c0, s[..i].chars().next_back()) {
        return None;
    }
    steps.set(steps.get() + 1);
    // each parser is tried only where its words can start (first-char
    // dispatch, as the extractor does)
    let digit = c0.is_ascii_digit() || ('０'..='９').contains(&c0);
    if digit && !digits_can_start_period(rest) {
        return None;
    }
    // the English word at `i`, lowercased: an expression starts with one of
    // a few words (any other, "revenue", "company", is passed over at once),
    // and each parser below is tried only for the words it can start with
    let mut word = [0u8; 10];
    let wn = rest
        .bytes()
        .take(10)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    for (d, c) in word.iter_mut().zip(rest.as_bytes()) {
        *d = c.to_ascii_lowercase();
    }
    let w: &[u8] = if c0.is_ascii_alphabetic() {
        &word[..wn]
    } else {
        &[]
    };
    if c0.is_ascii_alphabetic() && !starts_a_period_word(w) {
        return None;
    }
    let ordinal = matches!(w, b"first" | b"second" | b"third" | b"fourth");
    // 2024-09-30, 2024/9/30
    if let Some((y, n)) = int_at(rest).filter(|&(y, n)| n == 4 && (1900..=2100).contains(&y)) {
        let r = &rest[n..];
        if let Some(sep) = r.chars().next().filter(|c| *c == '-' || *c == '/') {
            if let Some((m, n2)) = int_at(&r[1..]) {
                let r2 = &r[1 + n2..];
                if r2.starts_with(sep) {
                    if let Some((d, n3)) = int_at(&r2[1..]) {
                        if let Ok(date) = Date::new(y as i32, m, d) {
                            return Some(range(date, date, s, i, n + 1 + n2 + 1 + n3));
                        }
                    }
                }
            }
        }
        // 2024年…
        let g = skip_ws(r);
        if r[g..].starts_with('年') {
            let after = i + n + g + '年'.len_utf8();
            return chinese_date_after_year(s, i, after, y as i32, article);
        }
        // 2024财年 / 2024 fiscal year
        for w in ["财年", "財年", "财政年度", "會計年度", "会计年度"] {
            if r[g..].starts_with(w) {
                let y = y as i32;
                let (a, b) = (Date::new(y, 1, 1).ok()?, Date::new(y + 1, 3, 31).ok()?);
                let len = n + g + w.len();
                return Some(fiscal_tail(s, i, len, y, range(a, b, s, i, len)));
            }
        }
    }
    // a bare year in English text: "in 2023", "2023 revenue"
    if let Some((y, n)) = int_at(rest).filter(|&(y, n)| n == 4 && (1900..=2100).contains(&y)) {
        let prev = s[..i].chars().next_back();
        let next = rest[n..].chars().next();
        let word_edges = prev.is_none_or(|c| c == ' ' || c == '(' || c == ',')
            && next.is_none_or(|c| matches!(c, ' ' | '.' | ',' | ';' | ')' | ':' | '\n'));
        if word_edges && rest.is_char_boundary(n) {
            let y = y as i32;
            let (a, b) = (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?);
            return Some(range(a, b, s, i, n).with_length(Length::Year));
        }
    }
    // FY2024 / FY24 / fiscal 2024
    if w.starts_with(b"fy") || w == b"fiscal" {
        steps.set(steps.get() + 1);
        for w in ["FY", "fiscal year ", "fiscal "] {
            if rest.len() >= w.len()
                && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            {
                if i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic() {
                    continue;
                }
                if let Some((y, n)) = int_at(&rest[w.len()..]) {
                    let y = if n == 2 {
                        2000 + y as i32
                    } else if n == 4 {
                        y as i32
                    } else {
                        continue;
                    };
                    let (a, b) = (Date::new(y - 1, 4, 1).ok()?, Date::new(y, 12, 31).ok()?);
                    let len = w.len() + n;
                    return Some(fiscal_tail(s, i, len, y, range(a, b, s, i, len)));
                }
            }
        }
    }
    // fiscal quarters: "third quarter of fiscal 2026", "Q3 FY26", "fiscal
    // third quarter" (the year left to the company's calendar)
    if digit
        || ordinal
        || matches!(w, b"nine" | b"fiscal")
        || (w.len() == 2 && matches!(w[0], b'q' | b'h') && w[1].is_ascii_digit())
    {
        steps.set(steps.get() + 1);
        if let Some(p) = fiscal_quarter_en(s, i) {
            return Some(p);
        }
    }
    // Q3 2024, 3Q24, third quarter of 2024
    if (rest.starts_with('Q') || rest.starts_with('q'))
        && !(i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic())
    {
        if let Some((q, n)) = int_at(&rest[1..]).filter(|&(q, n)| n == 1 && (1..=4).contains(&q)) {
            let r = &rest[1 + n..];
            let g = skip_ws(r);
            if let Some((y, n2)) = int_at(&r[g..]).filter(|&(_, n2)| n2 == 4) {
                let (a, b) = quarter_range(y as i32, q)?;
                return Some(range(a, b, s, i, 1 + n + g + n2).with_length(Length::Quarter));
            }
            if let Some(a) = article {
                let (x, b) = quarter_range(a.year(), q)?;
                let (x, b) = if b > a {
                    quarter_range(a.year() - 1, q)?
                } else {
                    (x, b)
                };
                return Some(range(x, b, s, i, 1 + n).with_length(Length::Quarter));
            }
        }
    }
    if ordinal {
        steps.set(steps.get() + 1);
        for (w, q) in [
            ("first quarter", 1),
            ("second quarter", 2),
            ("third quarter", 3),
            ("fourth quarter", 4),
            ("first-quarter", 1),
            ("second-quarter", 2),
            ("third-quarter", 3),
            ("fourth-quarter", 4),
        ] {
            if rest.len() >= w.len()
                && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            {
                let r = &rest[w.len()..];
                let of = [" of ", " "]
                    .iter()
                    .find(|p| r.starts_with(**p))
                    .map_or(0, |p| p.len());
                if let Some((y, n)) = int_at(&r[of..]).filter(|&(_, n)| n == 4) {
                    let (a, b) = quarter_range(y as i32, q)?;
                    return Some(range(a, b, s, i, w.len() + of + n).with_length(Length::Quarter));
                }
                let a = article?;
                let (x, b) = quarter_range(a.year(), q)?;
                let (x, b) = if b > a {
                    quarter_range(a.year() - 1, q)?
                } else {
                    (x, b)
                };
                return Some(range(x, b, s, i, w.len()).with_length(Length::Quarter));
            }
        }
    }
    // year-ago phrases, resolved against the nearest written period (see Document)
    if matches!(c0, '去' | '上') || matches!(w, b"year" | b"a" | b"the") {
        steps.set(steps.get() + 1);
        for w in [
            "去年同期",
            "上年同期",
            "去年同季",
            "year-ago",
            "a year ago",
            "a year earlier",
            "the year earlier",
            "year-earlier",
            "the same period last year",
            "the same quarter last year",
            "the prior-year period",
            "the year-ago period",
        ] {
            let latin = w.is_ascii();
            let hit = if latin {
                rest.len() >= w.len()
                    && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            } else {
                rest.starts_with(w)
            };
            if hit && !(latin && i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic()) {
                let a = article?;
                let (x, y) = (
                    Date::new(a.year() - 1, 1, 1).ok()?,
                    Date::new(a.year() - 1, 12, 31).ok()?,
                );
                let mut p = range(x, y, s, i, w.len());
                p.how = How::YearAgo;
                return Some(p);
            }
        }
    }
    // last year / this year standing alone
    if matches!(c0, '去' | '上' | '今') || matches!(w, b"last" | b"this") {
        steps.set(steps.get() + 1);
        for (w, d) in [
            ("去年", -1),
            ("上年", -1),
            ("今年", 0),
            ("last year", -1),
            ("this year", 0),
        ] {
            let latin = w.is_ascii();
            let hit = if latin {
                rest.len() >= w.len()
                    && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            } else {
                rest.starts_with(w)
            };
            if hit && !(latin && i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic()) {
                let a = article?;
                let y = a.year() + d;
                let after = &rest[w.len()..];
                // "去年 9 月底" is read at the month, with 去年 as its year
                if after
                    .trim_start_matches([' ', '\u{3000}'])
                    .starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
                {
                    break;
                }
                // 去年底 / 去年年底 / 去年末: the last day of that year
                if let Some(tail) = ["年底", "年末", "底", "末"]
                    .iter()
                    .find(|t| after.starts_with(**t))
                {
                    let d = Date::new(y, 12, 31).ok()?;
                    return Some(range(d, d, s, i, w.len() + tail.len()));
                }
                let p = if d == 0 {
                    range(Date::new(y, 1, 1).ok()?, a, s, i, w.len())
                } else {
                    range(
                        Date::new(y, 1, 1).ok()?,
                        Date::new(y, 12, 31).ok()?,
                        s,
                        i,
                        w.len(),
                    )
                    .with_length(Length::Year)
                };
                return Some(p);
            }
        }
    }
    // "now" words: the article date
    if matches!(c0, '当' | '當' | '目' | '现' | '現' | '如' | '眼')
        || matches!(w, b"currently" | b"now" | b"as")
    {
        steps.set(steps.get() + 1);
        for w in [
            "当前",
            "當前",
            "目前",
            "现时",
            "現時",
            "现在",
            "現在",
            "如今",
            "眼下",
            "currently",
            "now",
            "as of today",
        ] {
            let latin = w.is_ascii();
            let hit = if latin {
                rest.len() >= w.len()
                    && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            } else {
                rest.starts_with(w)
            };
            if hit {
                if latin
                    && (i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic()
                        || rest
                            .as_bytes()
                            .get(w.len())
                            .is_some_and(u8::is_ascii_alphabetic))
                {
                    continue;
                }
                let a = article?;
                // "now": any figure from the month up to the article date
                let start = if a.month() > 1 {
                    Date::new(
                        a.year(),
                        a.month() - 1,
                        a.day().min(days_in_month(a.year(), a.month() - 1)),
                    )
                    .ok()?
                } else {
                    Date::new(a.year() - 1, 12, a.day()).ok()?
                };
                let mut p = range(start, a, s, i, w.len());
                p.how = How::ArticleDate;
                return Some(p);
            }
        }
    }
    // the latest quarter: 上季, 本季, 当季, 该季度, "last quarter" (the
    // latest reported on or before the article date)
    if matches!(c0, '上' | '本' | '今' | '当' | '當' | '该' | '該') || matches!(w, b"last" | b"the")
    {
        steps.set(steps.get() + 1);
        for w in [
            "上一季度",
            "上一季",
            "上季度",
            "上季",
            "本季度",
            "本季",
            "今季",
            "当季",
            "當季",
            "该季度",
            "該季度",
            "last quarter",
            "the latest quarter",
            "the most recent quarter",
        ] {
            let hit = if w.is_ascii() {
                word_at(rest, w).is_some()
                    && !rest[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            } else {
                rest.starts_with(w)
            };
            if hit {
                return fiscal_period(s, (i, w.len()), None, None, Length::Quarter);
            }
        }
    }
    // Chinese quarters and halves without a year: 第三季度, 三季度, 上半年
    if digit
        || matches!(
            c0,
            '上' | '下' | '中' | '前' | '第' | '一' | '二' | '三' | '四'
        )
    {
        steps.set(steps.get() + 1);
        if let Some(p) = chinese_quarter(s, i, None, article) {
            return Some(p);
        }
    }
    // month-first English dates: September 30, 2024 / Sept. 30 / end of September
    if digit || matches!(w, b"end" | b"the") || (!w.is_empty() && month_at(rest).is_some()) {
        steps.set(steps.get() + 1);
        if let Some(p) = english_date(s, i, article) {
            return Some(p);
        }
    }
    // 9月30日, 9月底 without a year (possibly after 去年)
    if let Some((m, n)) = int_at(rest).filter(|&(m, n)| n <= 2 && (1..=12).contains(&m)) {
        let r = &rest[n..];
        let g = skip_ws(r);
        if r[g..].starts_with('月') {
            let (y, back) = match relative_year(&s[..i], article) {
                Some((y, back)) => (y, back),
                None => (implied_year(article, m)?, 0),
            };
            let start = i - back;
            return chinese_month_tail(s, start, i + n + g + '月'.len_utf8(), y, m);
        }
    }
    // 去年底, 今年上半年
    None
}

/// After "2024年": 9月30日, 9月底, 第三季度, 上半年, 年底, or the whole year.
fn chinese_date_after_year(
    s: &str,
    start: usize,
    after: usize,
    y: i32,
    article: Option<Date>,
) -> Option<PeriodLink> {
    let r = &s[after..];
    let g = skip_ws(r);
    if let Some((m, n)) = int_at(&r[g..]).filter(|&(m, n)| n <= 2 && (1..=12).contains(&m)) {
        let r2 = &r[g + n..];
        let g2 = skip_ws(r2);
        if r2[g2..].starts_with('月') {
            return chinese_month_tail(s, start, after + g + n + g2 + '月'.len_utf8(), y, m);
        }
    }
    for w in ["底", "末", "年底", "年末"] {
        if r.starts_with(w) {
            let d = Date::new(y, 12, 31).ok()?;
            return Some(range(d, d, s, start, after - start + w.len()));
        }
    }
    if let Some(p) = chinese_quarter(s, after, Some((y, start)), article) {
        return Some(p);
    }
    let (a, b) = (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?);
    Some(range(a, b, s, start, after - start).with_length(Length::Year))
}

/// After "9月": 30日, 底/末, or the whole month.
fn chinese_month_tail(s: &str, start: usize, after: usize, y: i32, m: u32) -> Option<PeriodLink> {
    let r = &s[after..];
    let g = skip_ws(r);
    if let Some((d, n)) = int_at(&r[g..]).filter(|&(d, n)| n <= 2 && d >= 1) {
        let r2 = &r[g + n..];
        if r2.starts_with('日') || r2.starts_with('号') || r2.starts_with('號') {
            let date = Date::new(y, m, d).ok()?;
            return Some(range(date, date, s, start, after - start + g + n + 3));
        }
    }
    for w in ["底", "末", "月底", "月末"] {
        if r.starts_with(w) {
            let d = Date::end_of_month(y, m).ok()?;
            return Some(range(d, d, s, start, after - start + w.len()));
        }
    }
    let (a, b) = month_range(y, m)?;
    Some(range(a, b, s, start, after - start))
}

/// 第三季度, 三季度, 第3季, Q3, 上半年, 下半年, 前三季度 at byte `i`; with a
/// year already read (`year` = (year, start of the expression)).
fn chinese_quarter(
    s: &str,
    i: usize,
    year: Option<(i32, usize)>,
    article: Option<Date>,
) -> Option<PeriodLink> {
    let r = &s[i..];
    // 上半财年 / 上半財年: the company's fiscal first half, of the year
    // written before it, else the latest reported
    for w in ["上半财年", "上半財年", "上半个财年", "上半個財年"] {
        if r.starts_with(w) {
            let (fy, start) = match year {
                Some((y, start)) => (Some(y), start),
                None => (None, i),
            };
            let len = i - start + w.len();
            return fiscal_period(s, (start, len), fy, Some(2), Length::Half);
        }
    }
    let halves: [(&str, u32, u32); 3] = [("上半年", 1, 6), ("下半年", 7, 12), ("中期", 1, 6)];
    for (w, m1, m2) in halves {
        if r.starts_with(w) {
            let (y, start) = match year {
                Some(v) => v,
                None => {
                    let a = article?;
                    match relative_year(&s[..i], article) {
                        Some((y, back)) => (y, i - back),
                        None => (
                            if Date::end_of_month(a.year(), m2).ok()? > a {
                                a.year() - 1
                            } else {
                                a.year()
                            },
                            i,
                        ),
                    }
                }
            };
            let (a, b) = (Date::new(y, m1, 1).ok()?, Date::end_of_month(y, m2).ok()?);
            let mut p = range(a, b, s, start, i - start + w.len()).with_length(Length::Half);
            if year.is_none() && m1 == 1 && relative_year(&s[..i], article).is_none() {
                p.fiscal = Some(FiscalRef {
                    year: None,
                    quarter: Some(2),
                });
            }
            return Some(p);
        }
    }
    let mut j = 0;
    let mut cumulative = false;
    if r.starts_with("前") {
        cumulative = true;
        j += "前".len();
    } else if r.starts_with("第") {
        j += "第".len();
    }
    let c = r[j..].chars().next()?;
    let q = match c {
        '一' | '1' => 1,
        '二' | '2' => 2,
        '三' | '3' => 3,
        '四' | '4' => 4,
        _ => return None,
    };
    j += c.len_utf8();
    // 第三财季 / 第三財季 / 第三财政季度: the company's fiscal quarter, of the
    // year written before it, else the latest reported
    if !cumulative {
        if let Some(w) = ["财季", "財季", "财政季度", "財政季度", "个财季", "個財季"]
            .iter()
            .find(|w| r[j..].starts_with(**w))
        {
            j += w.len();
            let (fy, start) = match year {
                Some((y, start)) => (Some(y), start),
                None => (None, i),
            };
            let len = i - start + j;
            return fiscal_period(s, (start, len), fy, Some(q as u8), Length::Quarter);
        }
    }
    let tail = ["季度", "季"].iter().find(|w| r[j..].starts_with(**w))?;
    j += tail.len();
    let (y, start) = match year {
        Some(v) => v,
        None => {
            let a = article?;
            match relative_year(&s[..i], article) {
                Some((y, back)) => (y, i - back),
                None => (
                    if quarter_range(a.year(), q)?.1 > a {
                        a.year() - 1
                    } else {
                        a.year()
                    },
                    i,
                ),
            }
        }
    };
    let yearless = year.is_none() && relative_year(&s[..i], article).is_none();
    let (a, b) = quarter_range(y, q)?;
    let (a, length) = if cumulative {
        let length = match q {
            1 => Length::Quarter,
            2 => Length::Half,
            3 => Length::NineMonths,
            _ => Length::Year,
        };
        (Date::new(y, 1, 1).ok()?, length)
    } else {
        (a, Length::Quarter)
    };
    let mut p = range(a, b, s, start, i - start + j).with_length(length);
    if yearless {
        // "第三季度" with no year: for a company whose fiscal year is not
        // the calendar's, its own (latest reported) third quarter, as news
        // about its results means; the calendar dates otherwise
        p.fiscal = Some(FiscalRef {
            year: None,
            quarter: Some(q as u8),
        });
    }
    Some(p)
}

/// English dates: "September 30, 2024", "Sept. 30", "end of September",
/// "as of Sept. 30, 2024", "30 September 2024".
fn english_date(s: &str, i: usize, article: Option<Date>) -> Option<PeriodLink> {
    if i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic() {
        return None;
    }
    let rest = &s[i..];
    // end of September (2024)
    for w in ["end of ", "end-", "the end of "] {
        if rest.len() > w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
            let (m, n) = month_at(&rest[w.len()..])?;
            let r = &rest[w.len() + n..];
            let (y, extra) = match r
                .strip_prefix(' ')
                .and_then(int_at)
                .filter(|&(_, k)| k == 4)
            {
                Some((y, k)) => (y as i32, 1 + k),
                None => (implied_year(article, m)?, 0),
            };
            let d = Date::end_of_month(y, m).ok()?;
            return Some(range(d, d, s, i, w.len() + n + extra));
        }
    }
    // Month day(, year)
    if let Some((m, n)) = month_at(rest) {
        let r = &rest[n..];
        let g = skip_ws(r);
        if g == 0 {
            return None;
        }
        if let Some((d, n2)) = int_at(&r[g..]).filter(|&(d, n2)| n2 <= 2 && (1..=31).contains(&d)) {
            let r2 = &r[g + n2..];
            let r2t = r2.strip_prefix(',').unwrap_or(r2);
            let g3 = skip_ws(r2t);
            let (y, extra) = match int_at(&r2t[g3..]).filter(|&(_, k)| k == 4) {
                Some((y, k)) => (y as i32, (r2.len() - r2t.len()) + g3 + k),
                None => (implied_year(article, m)?, 0),
            };
            let date = Date::new(y, m, d).ok()?;
            return Some(range(date, date, s, i, n + g + n2 + extra));
        }
        // Month year
        if let Some((y, k)) = int_at(&r[g..]).filter(|&(_, k)| k == 4) {
            let (a, b) = month_range(y as i32, m)?;
            return Some(range(a, b, s, i, n + g + k));
        }
        return None;
    }
    // day Month year
    if let Some((d, n)) = int_at(rest).filter(|&(d, n)| n <= 2 && (1..=31).contains(&d)) {
        let r = &rest[n..];
        let g = skip_ws(r);
        if g == 0 {
            return None;
        }
        let (m, n2) = month_at(&r[g..])?;
        let r2 = &r[g + n2..];
        let g3 = skip_ws(r2);
        let (y, k) = int_at(&r2[g3..]).filter(|&(_, k)| k == 4)?;
        let date = Date::new(y as i32, m, d).ok()?;
        return Some(range(date, date, s, i, n + g + n2 + g3 + k));
    }
    None
}

/// `w` at the start of `r`, ASCII case ignored: its length.
fn word_at(r: &str, w: &str) -> Option<usize> {
    (r.len() >= w.len() && r.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
        .then_some(w.len())
}

/// A quarter's ordinal at the start of `r` ("third", "3rd", "Q3"): (quarter, length).
fn quarter_word(r: &str) -> Option<(u8, usize)> {
    for (w, q) in [
        ("first", 1u8),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("4th", 4),
    ] {
        if let Some(n) = word_at(r, w) {
            return Some((q, n));
        }
    }
    None
}

/// A fiscal year written at the start of `r`: "fiscal 2026", "fiscal year
/// 2026", "FY26", "FY2026", "fiscal '26": (year, length).
fn fiscal_year_words(r: &str) -> Option<(i32, usize)> {
    for w in ["fiscal year ", "fiscal ", "FY ", "FY"] {
        if let Some(n) = word_at(r, w) {
            let (y, k) = int_at(&r[n..])?;
            let y = match k {
                2 => 2000 + y as i32,
                4 => y as i32,
                _ => return None,
            };
            if r[n + k..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return None;
            }
            return Some((y, n + k));
        }
    }
    None
}

/// A fiscal period written at `at` (`len` bytes of `s`): of fiscal `year`
/// when written (dates the company's calendar narrows: April of the year
/// before to December), else of any year (the latest reported); the
/// quarter it ends in, when named, and how long it is.
fn fiscal_period(
    s: &str,
    (at, len): (usize, usize),
    year: Option<i32>,
    quarter: Option<u8>,
    length: Length,
) -> Option<PeriodLink> {
    let (a, b) = match year {
        Some(y) => (Date::new(y - 1, 4, 1).ok()?, Date::new(y, 12, 31).ok()?),
        None => (Date::new(1900, 1, 1).ok()?, Date::new(2100, 12, 31).ok()?),
    };
    let mut p = range(a, b, s, at, len).with_length(length);
    p.fiscal = Some(FiscalRef { year, quarter });
    Some(p)
}

/// English fiscal quarters at byte `i`: "third quarter of fiscal 2026",
/// "third-quarter fiscal 2026", "Q3 FY26", "Q3 fiscal 2026", "fiscal
/// 2026 third quarter" (read by [`fiscal_tail`]), and without a year,
/// "fiscal third quarter", "third fiscal quarter", "fiscal Q3".
fn fiscal_quarter_en(s: &str, i: usize) -> Option<PeriodLink> {
    let rest = &s[i..];
    let part = |q: u8, length: Length, year: Option<i32>, len: usize| {
        fiscal_period(s, (i, len), year, Some(q), length)
    };
    let fiscal = |q: u8, year: Option<i32>, len: usize| part(q, Length::Quarter, year, len);
    // first half of fiscal 2026 / first nine months of fiscal 2026 / H1 FY26
    for (w, q, length) in [
        ("first nine months of ", 3, Length::NineMonths),
        ("nine months of ", 3, Length::NineMonths),
        ("first half of ", 2, Length::Half),
        ("H1 ", 2, Length::Half),
        ("1H ", 2, Length::Half),
    ] {
        if let Some(n) = word_at(rest, w) {
            if let Some((y, k)) = fiscal_year_words(&rest[n..]) {
                return part(q, length, Some(y), n + k);
            }
        }
    }
    // Q3 FY26 / Q3 fiscal 2026 / Q3 of fiscal 2026 / 3Q FY26
    let q_first = if let Some(n) = word_at(rest, "Q") {
        int_at(&rest[n..])
            .filter(|&(q, k)| k == 1 && (1..=4).contains(&q))
            .map(|(q, k)| (q as u8, n + k))
    } else {
        int_at(rest)
            .filter(|&(q, k)| k == 1 && (1..=4).contains(&q) && rest[k..].starts_with(['Q', 'q']))
            .map(|(q, k)| (q as u8, k + 1))
    };
    if let Some((q, n)) = q_first {
        let r = &rest[n..];
        let g = skip_ws(r);
        let of = word_at(&r[g..], "of ").unwrap_or(0);
        if let Some((y, k)) = fiscal_year_words(&r[g + of..]) {
            return fiscal(q, Some(y), n + g + of + k);
        }
        return None;
    }
    // fiscal third quarter / fiscal Q3 (no year)
    if let Some(n) = word_at(rest, "fiscal ") {
        let r = &rest[n..];
        if let Some((q, k)) = quarter_word(r) {
            let t = &r[k..];
            if let Some(m) = [" quarter", "-quarter"].iter().find_map(|w| word_at(t, w)) {
                return fiscal(q, None, n + k + m);
            }
        }
        if let Some(k) = word_at(r, "Q") {
            if let Some((q, d)) = int_at(&r[k..]).filter(|&(q, d)| d == 1 && (1..=4).contains(&q)) {
                if !r[k + d..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                    return fiscal(q as u8, None, n + k + d);
                }
            }
        }
        return None;
    }
    // third quarter of fiscal 2026 / third-quarter fiscal 2026 / third fiscal quarter
    let (q, k) = quarter_word(rest)?;
    let r = &rest[k..];
    if let Some(m) = word_at(r, " fiscal quarter") {
        let t = &r[m..];
        let of = [" of ", " "]
            .iter()
            .find_map(|w| word_at(t, w))
            .unwrap_or(0);
        if let Some((y, n)) = fiscal_year_words(&t[of..]) {
            return fiscal(q, Some(y), k + m + of + n);
        }
        return fiscal(q, None, k + m);
    }
    let m = [" quarter", "-quarter"]
        .iter()
        .find_map(|w| word_at(r, w))?;
    let t = &r[m..];
    let of = [" of ", " "]
        .iter()
        .find_map(|w| word_at(t, w))
        .unwrap_or(0);
    let (y, n) = fiscal_year_words(&t[of..])?;
    fiscal(q, Some(y), k + m + of + n)
}

/// The parts of a fiscal year written after it ("fiscal 2017 third
/// quarter", "2025财年前三季度", "FY2026 H1"): the quarter they end with and
/// how long they are; longer words first.
const FISCAL_PARTS: &[(&str, u8, Length)] = &[
    ("first quarter", 1, Length::Quarter),
    ("second quarter", 2, Length::Quarter),
    ("third quarter", 3, Length::Quarter),
    ("fourth quarter", 4, Length::Quarter),
    ("first-quarter", 1, Length::Quarter),
    ("second-quarter", 2, Length::Quarter),
    ("third-quarter", 3, Length::Quarter),
    ("fourth-quarter", 4, Length::Quarter),
    ("first nine months", 3, Length::NineMonths),
    ("nine months", 3, Length::NineMonths),
    ("first half", 2, Length::Half),
    ("第一财季", 1, Length::Quarter),
    ("第二财季", 2, Length::Quarter),
    ("第三财季", 3, Length::Quarter),
    ("第四财季", 4, Length::Quarter),
    ("第一財季", 1, Length::Quarter),
    ("第二財季", 2, Length::Quarter),
    ("第三財季", 3, Length::Quarter),
    ("第四財季", 4, Length::Quarter),
    ("第一季度", 1, Length::Quarter),
    ("第二季度", 2, Length::Quarter),
    ("第三季度", 3, Length::Quarter),
    ("第四季度", 4, Length::Quarter),
    ("第一季", 1, Length::Quarter),
    ("第二季", 2, Length::Quarter),
    ("第三季", 3, Length::Quarter),
    ("第四季", 4, Length::Quarter),
    ("前三季度", 3, Length::NineMonths),
    ("前三季", 3, Length::NineMonths),
    ("上半年", 2, Length::Half),
    ("上半财年", 2, Length::Half),
    ("上半財年", 2, Length::Half),
    ("Q1", 1, Length::Quarter),
    ("Q2", 2, Length::Quarter),
    ("Q3", 3, Length::Quarter),
    ("Q4", 4, Length::Quarter),
    ("H1", 2, Length::Half),
    ("1H", 2, Length::Half),
    ("9M", 3, Length::NineMonths),
];

/// A fiscal year just read (`p`, `len` bytes at `i`), and a quarter written
/// after it: "fiscal 2017 third quarter", "FY2024 Q3", "2024财年第三季度".
fn fiscal_tail(s: &str, i: usize, len: usize, year: i32, p: PeriodLink) -> PeriodLink {
    let mut p = p.with_length(Length::Year);
    p.fiscal = Some(FiscalRef {
        year: Some(year),
        quarter: None,
    });
    let r = &s[i + len..];
    let g = skip_ws(r);
    let r = &r[g..];
    let mut part = None;
    for (w, q, length) in FISCAL_PARTS {
        if r.len() >= w.len() && r.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
            part = Some((*q, *length, w.len()));
            break;
        }
    }
    if let Some((q, length, n)) = part {
        p.fiscal = Some(FiscalRef {
            year: Some(year),
            quarter: Some(q),
        });
        p.length = Some(length);
        let end = i + len + g + n;
        p.text = Some(s[i..end].to_string());
        p.span = Some(Span::new(i, end));
    }
    p
}

/// The first full date in the text (a dateline): "January 22, 2025",
/// "2 August 2017", "2025年1月22日", "2025-03-18".
pub fn dateline(text: &str) -> Option<Date> {
    let steps = std::cell::Cell::new(0);
    let mut found = None;
    scan(text, (0, text.len()), None, &steps, |p| {
        if is_full_date(&p) {
            found = Some(p.end);
            return false;
        }
        true
    });
    found
}

/// `d` moved by `days` (negative: back).
pub(super) fn shift_days(d: Date, days: i64) -> Date {
    let mut out = d;
    let step = if days < 0 { -1 } else { 1 };
    for _ in 0..days.unsigned_abs() {
        out = if step < 0 {
            if out.day() > 1 {
                Date::new(out.year(), out.month(), out.day() - 1).unwrap_or(out)
            } else if out.month() > 1 {
                Date::end_of_month(out.year(), out.month() - 1).unwrap_or(out)
            } else {
                Date::new(out.year() - 1, 12, 31).unwrap_or(out)
            }
        } else if out.day() < days_in_month(out.year(), out.month()) {
            Date::new(out.year(), out.month(), out.day() + 1).unwrap_or(out)
        } else if out.month() < 12 {
            Date::new(out.year(), out.month() + 1, 1).unwrap_or(out)
        } else {
            Date::new(out.year() + 1, 1, 1).unwrap_or(out)
        };
    }
    out
}

/// Number of days in a month (re-exported for callers that build periods).
pub fn month_days(year: i32, month: u32) -> u32 {
    days_in_month(year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn one(s: &str, article: &str) -> (String, String, String) {
        let ps = periods(s, Some(d(article)));
        assert_eq!(ps.len(), 1, "{s}: {ps:?}");
        let p = &ps[0];
        (
            p.text.clone().unwrap_or_default(),
            p.start.to_string(),
            p.end.to_string(),
        )
    }

    #[test]
    fn chinese_periods() {
        assert_eq!(
            one("截至去年 9 月底,该公司", "2025-01-22"),
            (
                "去年 9 月底".into(),
                "2024-09-30".into(),
                "2024-09-30".into()
            )
        );
        assert_eq!(
            one("2024年9月30日的现金", "2025-01-22"),
            (
                "2024年9月30日".into(),
                "2024-09-30".into(),
                "2024-09-30".into()
            )
        );
        assert_eq!(one("9月底", "2025-01-22").2, "2024-09-30");
        assert_eq!(one("1月底", "2025-03-22").2, "2025-01-31");
        assert_eq!(
            one("2024年第三季度营收", "2025-01-22"),
            (
                "2024年第三季度".into(),
                "2024-07-01".into(),
                "2024-09-30".into()
            )
        );
        assert_eq!(one("第三季度营收", "2025-01-22").1, "2024-07-01");
        assert_eq!(
            one("上半年盈利", "2023-08-01"),
            ("上半年".into(), "2023-01-01".into(), "2023-06-30".into())
        );
        assert_eq!(one("2024财年营收", "2025-01-22").0, "2024财年");
        assert_eq!(
            one("2024年营收", "2025-01-22"),
            ("2024年".into(), "2024-01-01".into(), "2024-12-31".into())
        );
        assert_eq!(one("2024年底", "2025-01-22").2, "2024-12-31");
        assert_eq!(
            one("去年底的现金", "2025-01-22"),
            ("去年底".into(), "2024-12-31".into(), "2024-12-31".into())
        );
        assert_eq!(
            one("去年营收", "2025-01-22"),
            ("去年".into(), "2024-01-01".into(), "2024-12-31".into())
        );
        assert_eq!(one("revenue last year", "2025-01-22").1, "2024-01-01");
    }

    #[test]
    fn english_periods() {
        assert_eq!(
            one("as of Sept. 30, 2024, cash", "2025-01-22"),
            (
                "Sept. 30, 2024".into(),
                "2024-09-30".into(),
                "2024-09-30".into()
            )
        );
        assert_eq!(one("at the end of September", "2025-01-22").2, "2024-09-30");
        assert_eq!(
            one("in Q3 2024", "2025-01-22"),
            ("Q3 2024".into(), "2024-07-01".into(), "2024-09-30".into())
        );
        assert_eq!(one("FY2024 revenue", "2025-01-22").0, "FY2024");
        assert_eq!(one("on 2024-09-30", "2025-01-22").2, "2024-09-30");
        assert_eq!(
            one("the third quarter of 2017", "2017-08-02").2,
            "2017-09-30"
        );
        assert_eq!(
            one("revenue in 2023 was", "2025-01-22"),
            ("2023".into(), "2023-01-01".into(), "2023-12-31".into())
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("Taipei [Wednesday 2 August 2017] Apple"),
            Some(d("2017-08-02"))
        );
        assert_eq!(
            dateline("— Elon Musk (@elonmusk) January 22, 2025"),
            Some(d("2025-01-22"))
        );
        assert_eq!(dateline("2025-03-18 19:03:46"), Some(d("2025-03-18")));
        assert_eq!(dateline("no date here, 2024年 only"), None);
    }
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    fn steps_per_byte(text: &str, article: Option<Date>) -> f64 {
        let steps = std::cell::Cell::new(0);
        periods_counted(text, article, &steps);
        steps.get() as f64 / text.len().max(1) as f64
    }

    /// Numbers that cannot begin a date expression are passed over before
    /// any parser runs; every number form a parser reads still gets there.
    #[test]
    fn only_numbers_shaped_like_dates_reach_the_parsers() {
        for yes in [
            "2024-09-30",
            "2024年",
            "2024 revenue",
            "2025财年",
            "９月",
            "9 月",
            "9月30日",
            "30 September 2024",
            "3Q24",
            "1H FY26",
            "3rd quarter",
            "3季度",
            "3财季",
            "3个财季",
            "１９９９年",
        ] {
            assert!(digits_can_start_period(yes), "{yes}");
        }
        for no in [
            "250 亿",
            "3.5%",
            "1,200",
            "5000 billion",
            "30 million",
            "12345年",
            "250亿",
            "3 billion",
            "1899年",
            "99 days",
            "123 September",
        ] {
            assert!(!digits_can_start_period(no), "{no}");
        }
        // and the scanner still finds the dates among them
        let d = Date::new(2025, 3, 18).ok();
        let (found, _) = periods_and_dateline("营收 250 亿美元,9 月 30 日,30 September 2024。", d);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    /// The date scanner looks at each position once and tries only the
    /// parsers whose words can start with its character: its work per byte
    /// is bounded on real articles and on text made to be slow.
    #[test]
    fn the_date_scan_is_linear_and_dispatched() {
        let date = Date::new(2025, 3, 18).ok();
        let real = [
            include_str!("../../data/corpus/apple-fy17-q3-en.txt"),
            include_str!("../../data/corpus/alibaba-q1-fy2022-en.txt"),
            include_str!("../../data/corpus/hsbc-h1-2023-zh.txt"),
            include_str!("../../data/corpus/meta-q2-2024-mixed.txt"),
            include_str!("../../data/corpus/xiaomi-2024-results-zh-hant.txt"),
            include_str!("../../data/stargate-zh.txt"),
        ];
        for t in real {
            for d in [date, None] {
                let r = steps_per_byte(t, d);
                assert!(r <= 2.0, "{r} steps per byte on {}", &t[..40.min(t.len())]);
            }
        }
        let hostile = [
            "年".repeat(20_000),
            "2024年".repeat(5_000),
            "fiscal ".repeat(5_000),
            "first ".repeat(5_000),
            "第三第三".repeat(5_000),
            "上上上上".repeat(5_000),
            "Q3 Q3 ".repeat(5_000),
            "9".repeat(30_000),
            "the the ".repeat(5_000),
            "September ".repeat(3_000),
        ];
        for t in &hostile {
            for d in [date, None] {
                let r = steps_per_byte(t, d);
                assert!(r <= 6.0, "{r} steps per byte on {}…", &t[..20]);
            }
        }
    }
}
