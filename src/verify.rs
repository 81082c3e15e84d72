//! Verdicts: is a claim consistent with the ledger?
//!
//! The claim is compared in its own currency; the ledger value is converted
//! with the FX rate of the ledger row's date (the latest rate on or before it).
//! With `X` the written figure, `p` the unit it was rounded to
//! ([`Amount::rounding_unit`]: the place of its last significant digit;
//! trailing zeros of whole numbers are not significant), `L` the (converted) ledger value, `t` the relative
//! tolerance (default 10%) and `m` the strong margin (default 20%):
//!
//! | claim | consistent when |
//! | --- | --- |
//! | exact ("250 亿美元") | `|L − X| ≤ p/2` (250 亿 covers 245–255 亿) |
//! | approximate ("约 250 亿", "about $25bn") | `|L − X| ≤ p/2 + t·|X|` |
//! | lower bound ("超过 X", "more than X") | `L > X` (`L ≥ X` for 至少, at least, 以上) |
//! | upper bound ("不到 X", "less than X") | `L < X` (`L ≤ X` for 最多, up to, 以下) |
//! | strong upper bound ("远低于 X", "well under X") | `L ≤ X·(1 − m)` |
//! | strong lower bound ("远超 X", "well over X") | `L ≥ X·(1 + m)` |
//! | range or vague amount ("$5-10bn", 数百亿) | `min − p/2 ≤ L ≤ max + p/2` (widened by `t` when approximate) |
//!
//! Otherwise the claim is **contradicted**, with the signed difference
//! (claim minus ledger; for ranges and bounds, from the nearest end) and a
//! diagnosis when one explains it, tried in this order:
//! 1. **scale slip**: the claim holds once divided or multiplied by 10^4 or
//!    10^8 (万/亿 confusion), 10^3, 10^6, 10^9 (thousand/million/billion),
//!    or 10 and 100 (a digit added or dropped);
//! 2. **currency mix-up**: the number holds against the ledger figure in
//!    another currency (its own, or converted with the FX table);
//! 3. **period mismatch**: it holds against the same entity and metric at
//!    another date;
//! 4. else **beyond tolerance**.
//!
//! A claim is **unverifiable** when it has no entity, no metric, no ledger row
//! for the pair (or for the period written), a unit that does not match the
//! row's (a percentage against an amount), or no FX rate for the conversion;
//! the reason says which.

use crate::date::Date;
use crate::ledger::{Calendar, Filing, FxRates, Ledger, LedgerRow, Length, Unit};
use crate::link::Link;
use crate::normalize::{Amount, Bound, Currency, Kind, Value};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// The three verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// The ledger supports the claim.
    Consistent,
    /// The ledger contradicts the claim.
    Contradicted,
    /// The claim cannot be checked against this ledger.
    Unverifiable,
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Verdict::Consistent => "consistent",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverifiable => "unverifiable",
        })
    }
}

/// Why a contradicted claim is off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Diagnosis {
    /// Off by a power of ten: `exponent` > 0 means the claim is 10^exponent times too large.
    ScaleSlip {
        /// Power of ten between claim and ledger.
        exponent: i32,
    },
    /// The number matches the ledger figure in another currency.
    CurrencyMixup {
        /// The currency the number matches in.
        currency: Currency,
    },
    /// The claim matches the same metric for another period.
    PeriodMismatch {
        /// The date (period end) whose figure the claim matches.
        period: Date,
        /// That figure's period start, for a flow.
        #[serde(skip_serializing_if = "Option::is_none")]
        start: Option<Date>,
        /// That figure's span.
        #[serde(skip_serializing_if = "is_instant")]
        length: Length,
    },
    /// None of the above: simply too far from the ledger figure.
    BeyondTolerance,
    /// A bound ("more than", "well under") the ledger figure is on the
    /// wrong side of.
    OutsideBound,
}

impl std::fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Diagnosis::ScaleSlip { exponent } => {
                let what = match exponent.abs() {
                    4 | 8 => " (万/亿 confusion)",
                    3 | 6 | 9 => " (thousand/million/billion confusion)",
                    1 | 2 => " (a digit added or dropped)",
                    _ => "",
                };
                let dir = if *exponent > 0 { "larger" } else { "smaller" };
                write!(
                    f,
                    "scale slip: the claim is 10^{} times {dir} than the ledger figure{what}",
                    exponent.abs()
                )
            }
            Diagnosis::CurrencyMixup { currency } => write!(
                f,
                "currency mix-up: the number matches the ledger figure in {currency}"
            ),
            Diagnosis::PeriodMismatch {
                period,
                start: Some(s),
                length,
            } => write!(
                f,
                "period mismatch: the claim matches the figure for {s} to {period} ({length})"
            ),
            Diagnosis::PeriodMismatch { period, .. } => write!(
                f,
                "period mismatch: the claim matches the figure for {period}"
            ),
            Diagnosis::BeyondTolerance => f.write_str("beyond tolerance"),
            Diagnosis::OutsideBound => f.write_str("outside the bound"),
        }
    }
}

fn is_instant(l: &Length) -> bool {
    *l == Length::Instant
}

/// The tolerances of the verdict rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Relative widening for approximate claims (0.10 = 10%).
    pub tolerance: Decimal,
    /// Margin for "well under" / "远低于" (0.20 = 20%).
    pub strong_margin: Decimal,
}

impl Policy {
    /// A tolerance as written by a user: a fraction ("0.05") or a percentage
    /// ("5%"), at least 0 and below 1; the error says what was expected.
    ///
    /// ```
    /// use figcheck::Policy;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Policy::parse_tolerance("5%"), Ok(Decimal::new(5, 2)));
    /// assert_eq!(Policy::parse_tolerance("0.1"), Ok(Decimal::new(1, 1)));
    /// assert!(Policy::parse_tolerance("1").is_err());
    /// assert!(Policy::parse_tolerance("-0.1").is_err());
    /// ```
    pub fn parse_tolerance(s: &str) -> Result<Decimal, String> {
        let t = s.trim();
        let (number, percent) = match t.strip_suffix('%') {
            Some(n) => (n.trim_end(), true),
            None => (t, false),
        };
        // plain digits with at most one '.': no sign, exponent or separators
        let plain = !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && number.bytes().filter(|&b| b == b'.').count() <= 1
            && number.bytes().any(|b| b.is_ascii_digit());
        let value = plain
            .then(|| Decimal::from_str_exact(number).ok())
            .flatten()
            .and_then(|d| {
                if percent {
                    d.checked_div(Decimal::ONE_HUNDRED)
                } else {
                    Some(d)
                }
            });
        let Some(value) = value else {
            return Err(format!(
                "invalid value {s:?}: expected a fraction such as 0.05 or a percentage such as 5%"
            ));
        };
        if value >= Decimal::ONE {
            return Err(format!(
                "{s:?} is out of range: expected at least 0 and below 1 (100%)"
            ));
        }
        Ok(value)
    }
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            tolerance: Decimal::new(10, 2),
            strong_margin: Decimal::new(20, 2),
        }
    }
}

/// The ledger figure a claim was compared with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerMatch {
    /// Ledger entity name.
    pub entity: String,
    /// Ledger metric name.
    pub metric: String,
    /// First day of the row's period (flows).
    pub start: Option<Date>,
    /// The row's date: the period's last day, or the as-of date.
    pub period: Date,
    /// How long the row's period is.
    pub length: Length,
    /// The row's fiscal period ("FY2017 Q3"), when the ledger shows the
    /// company's fiscal calendar.
    pub fiscal: Option<String>,
    /// The value compared with (scale applied): the latest filing's, or
    /// the earlier one named in `matched` when only that one fits.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// The row's unit.
    pub unit: Unit,
    /// The row's source.
    pub source: Option<String>,
    /// The XBRL concept of the row.
    pub concept: Option<String>,
    /// The filing of the value compared with.
    pub filing: Option<Filing>,
    /// How a derived value was computed.
    pub derived: Option<String>,
    /// When the figure was changed by a later filing: the value first
    /// reported and its filing (the row's value is the latest).
    pub restated: Option<Restated>,
    /// The FX rate used (1 row currency = rate claim currency), if any,
    /// rounded to 12 decimal places for display (the conversion is exact).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub fx_rate: Option<Decimal>,
    /// The date of that FX rate.
    pub fx_date: Option<Date>,
    /// The value in the claim's currency.
    #[serde(with = "rust_decimal::serde::str")]
    pub converted_value: Decimal,
    /// The ledger file.
    pub file: String,
    /// Line of the row (of the version compared with) in that file.
    pub line: usize,
}

/// A figure that later filings changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Restated {
    /// Which value the claim was compared with: `latest` (the value of
    /// record) or `first_reported` / `earlier` (when only that one fits).
    pub matched: Matched,
    /// The value first reported.
    #[serde(with = "rust_decimal::serde::str")]
    pub first_value: Decimal,
    /// Its filing.
    pub first_filing: Option<Filing>,
    /// The latest value.
    #[serde(with = "rust_decimal::serde::str")]
    pub latest_value: Decimal,
    /// Its filing.
    pub latest_filing: Option<Filing>,
}

/// Which version of a restated figure a claim was compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Matched {
    /// The latest value (the value of record).
    Latest,
    /// The value as first reported.
    FirstReported,
    /// A value between the first and the latest.
    Earlier,
}

/// The verdict on one claim and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Consistent, contradicted or unverifiable.
    pub verdict: Verdict,
    /// A sentence saying why.
    pub reason: String,
    /// For a contradiction, what explains it.
    pub diagnosis: Option<Diagnosis>,
    /// The ledger figure compared with.
    pub ledger: Option<LedgerMatch>,
    /// Claim minus ledger (from the nearest end for ranges), in the claim's unit.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub difference: Option<Decimal>,
    /// `difference / |ledger|`, rounded to 6 places.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub relative_difference: Option<Decimal>,
}

fn unverifiable(reason: String) -> Finding {
    Finding {
        verdict: Verdict::Unverifiable,
        reason,
        diagnosis: None,
        ledger: None,
        difference: None,
        relative_difference: None,
    }
}

/// How far an amount is from the ledger figure `l` when it is a thousand
/// times or more larger or smaller ("over 1000 times", "under 1/1000 of").
fn far_off(a: &Amount, l: Decimal) -> Option<&'static str> {
    if a.kind() != Kind::Money || l.is_zero() {
        return None;
    }
    let (lo, hi) = ends(a);
    let v = match (lo, hi) {
        (Some(x), Some(y)) => x.abs().max(y.abs()),
        (Some(x), None) | (None, Some(x)) => x.abs(),
        (None, None) => return None,
    };
    let thousand = Decimal::from(1000);
    let l = l.abs();
    if v >= l.checked_mul(thousand)? {
        Some("over 1,000 times")
    } else if v.checked_mul(thousand)? <= l {
        Some("under 1/1,000 of")
    } else {
        None
    }
}

/// The written figure as (low end, high end) for distance computations.
fn ends(a: &Amount) -> (Option<Decimal>, Option<Decimal>) {
    match a.value() {
        Value::Point(v) => (Some(v), Some(v)),
        Value::Interval { min, max } => (min, max),
    }
}

/// Does the ledger value `l` satisfy claim `a` when its numbers are multiplied by `factor`?
/// Figures too large for the arithmetic (near `Decimal::MAX`) do not hold.
fn holds_scaled(a: &Amount, factor: Decimal, l: Decimal, p: &Policy) -> bool {
    holds_checked(a, factor, l, p).unwrap_or(false)
}

/// [`holds_scaled`] with every step checked: `None` when a step overflows.
fn holds_checked(a: &Amount, factor: Decimal, l: Decimal, p: &Policy) -> Option<bool> {
    let half = a.rounding_unit().checked_mul(factor)? / Decimal::TWO;
    let scale = |x: Decimal| x.checked_mul(factor);
    let q = a.qualifier();
    // the band a value may be off by: half a rounding unit, plus the
    // tolerance of an approximate figure
    let band = |x: Decimal| {
        if q.approx {
            p.tolerance.checked_mul(x.abs())?.checked_add(half)
        } else {
            Some(half)
        }
    };
    Some(match a.value() {
        Value::Point(x) => {
            let x = scale(x)?;
            match q.bound {
                Some(Bound::Lower) => {
                    if q.strong {
                        l >= x.checked_mul(Decimal::ONE.checked_add(p.strong_margin)?)?
                    } else if q.inclusive {
                        l >= x
                    } else {
                        l > x
                    }
                }
                Some(Bound::Upper) => {
                    if q.strong {
                        l <= x.checked_mul(Decimal::ONE.checked_sub(p.strong_margin)?)?
                    } else if q.inclusive {
                        l <= x
                    } else {
                        l < x
                    }
                }
                // a band wider than the largest Decimal takes in anything
                _ => band(x).is_none_or(|b| l.checked_sub(x).is_some_and(|d| d.abs() <= b)),
            }
        }
        Value::Interval { min, max } => {
            // an end widened past the largest Decimal is open on that side
            let lo_ok = match min {
                Some(m) => {
                    let m = scale(m)?;
                    match band(m).and_then(|b| m.checked_sub(b)) {
                        Some(lo) => l >= lo,
                        None => m.is_sign_negative(),
                    }
                }
                None => true,
            };
            let hi_ok = match max {
                Some(m) => {
                    let m = scale(m)?;
                    match band(m).and_then(|b| m.checked_add(b)) {
                        Some(hi) => l <= hi,
                        None => m.is_sign_positive(),
                    }
                }
                None => true,
            };
            lo_ok && hi_ok
        }
    })
}

/// Does the ledger value `l` satisfy claim `a`?
pub fn holds(a: &Amount, l: Decimal, p: &Policy) -> bool {
    holds_scaled(a, Decimal::ONE, l, p)
}

/// Signed distance from the claim to the ledger value (claim minus ledger);
/// `None` when it is too large to represent.
fn difference(a: &Amount, l: Decimal) -> Option<Decimal> {
    let (lo, hi) = ends(a);
    match (lo, hi) {
        (Some(x), Some(y)) if x == y => x.checked_sub(l),
        (Some(x), _) if l < x => x.checked_sub(l),
        (_, Some(y)) if l > y => y.checked_sub(l),
        (Some(x), None) => x.checked_sub(l),
        (None, Some(y)) => y.checked_sub(l),
        _ => Some(Decimal::ZERO),
    }
}

/// Converts a row into the claim's unit; None with a reason when impossible.
fn convert(
    row: &LedgerRow,
    a: &Amount,
    fx: &FxRates,
) -> Result<(Decimal, Option<(Decimal, Date)>), String> {
    let rc = match (a.kind(), row.unit) {
        (Kind::Percent, Unit::Percent) => return Ok((row.value, None)),
        (Kind::Money, Unit::Currency(rc)) => rc,
        (Kind::Money, Unit::PerShare(rc)) => {
            if !a.per_share_sized() {
                return Err(format!(
                    "the ledger figure is per share ({}) and the claim is a total amount",
                    row.unit
                ));
            }
            rc
        }
        (_, Unit::Shares) => {
            return Err("the ledger figure is a number of shares, not money".into());
        }
        (Kind::Percent, Unit::Currency(c) | Unit::PerShare(c)) => {
            return Err(format!(
                "the claim is a percentage but the ledger figure is an amount in {c}"
            ));
        }
        (_, Unit::Percent) => {
            return Err("the claim is an amount but the ledger figure is a percentage".into());
        }
    };
    let Some(cc) = a.currency() else {
        return Err("the claim has no currency".into());
    };
    if rc == cc {
        return Ok((row.value, None));
    }
    match fx.rate(rc, cc, row.end) {
        Some(q) => match q.convert(row.value) {
            // the displayed rate is rounded; the conversion above is exact
            Some(v) => Ok((
                v,
                Some((
                    q.rate()
                        .round_dp_with_strategy(12, RoundingStrategy::MidpointNearestEven),
                    q.date,
                )),
            )),
            None => Err(format!("converting {} {rc} to {cc} overflows", row.value)),
        },
        None => Err(format!(
            "no FX rate from {rc} to {cc} on or before {}",
            row.end
        )),
    }
}

/// The versions of a row, oldest first: `Some(i)` for `earlier[i]`, `None`
/// for the latest, with the date each was filed.
fn versions(r: &LedgerRow) -> impl Iterator<Item = (Option<usize>, Decimal, Option<Date>)> + '_ {
    r.earlier
        .iter()
        .enumerate()
        .map(|(i, v)| (Some(i), v.value, v.filing.as_ref().map(|f| f.filed)))
        .chain(std::iter::once((
            None,
            r.value,
            r.filing.as_ref().map(|f| f.filed),
        )))
}

/// The version of a row on record at `date`: the latest filed on or before
/// it; for a row none of whose values was filed by then (an article written
/// the day of the results, before the 10-Q), the first. The latest without
/// a date.
fn as_of(r: &LedgerRow, date: Option<Date>) -> (Option<usize>, Decimal) {
    let Some(d) = date else {
        return (None, r.value);
    };
    let mut pick: Option<(Option<usize>, Decimal)> = None;
    for (v, value, filed) in versions(r) {
        if filed.is_none_or(|f| f <= d) {
            pick = Some((v, value));
        }
    }
    pick.unwrap_or_else(|| {
        versions(r)
            .next()
            .map_or((None, r.value), |(v, value, _)| (v, value))
    })
}

/// [`convert`] of one version's value of a row.
fn convert_value(
    row: &LedgerRow,
    value: Decimal,
    a: &Amount,
    fx: &FxRates,
) -> Result<(Decimal, Option<(Decimal, Date)>), String> {
    if value == row.value {
        return convert(row, a, fx);
    }
    let mut r = LedgerRow::new("", "", row.end, value, row.unit);
    r.start = row.start;
    convert(&r, a, fx)
}

/// Whether a row can be what a period of `want` length means: rows with a
/// start must have that length; a row without one (an instant, or a
/// hand-written row that does not say) is judged by its date alone.
/// How long after announcing its results a company may file them: a
/// press release on the article date comes before the 10-Q (Tesla's of
/// 2022-10-19 was filed on 2022-10-24).
const FILING_LAG_DAYS: i64 = 14;

/// Whether `r` had been announced by `d`: filed by then, or within
/// [`FILING_LAG_DAYS`] after it (a row without a filing: by its end).
fn reported_by(r: &LedgerRow, d: Date) -> bool {
    r.first_reported()
        .1
        .is_none_or(|f| f.filed <= crate::ledger::fiscal::add_days(d, FILING_LAG_DAYS))
}

/// " (filed 2022-10-24, after the article date: …)" when `r` was filed
/// after `d`, else nothing.
fn filed_after(r: &LedgerRow, d: Option<Date>) -> String {
    match (r.first_reported().1, d) {
        (Some(f), Some(d)) if f.filed > d => format!(
            " (filed {}, after the article date: results are announced before they are filed)",
            f.filed
        ),
        _ => String::new(),
    }
}

fn fits_length(r: &LedgerRow, want: Option<Length>) -> bool {
    match want {
        Some(w) if r.start.is_some() => r.length == w,
        _ => true,
    }
}

/// "2017-04-02 to 2017-07-01" or "2024-09-30".
fn when(start: Date, end: Date) -> String {
    if start == end {
        end.to_string()
    } else {
        format!("{start} to {end}")
    }
}

/// The rows with the latest end date among `rows`.
fn latest(rows: Vec<&LedgerRow>) -> Vec<&LedgerRow> {
    let Some(end) = rows.iter().map(|r| r.end).max() else {
        return rows;
    };
    rows.into_iter().filter(|r| r.end == end).collect()
}

/// Chooses the ledger rows for a link: those of the latest date inside the
/// written period (a fiscal period by the company's fiscal calendar), else
/// of the latest date on or before the article date. Several rows may share
/// that date (a quarter and nine months ending on one day, one figure in two
/// currencies): all are returned, and a note saying how they were chosen.
fn choose<'l>(
    series: &[&'l LedgerRow],
    link: &Link,
    article_date: Option<Date>,
    calendar: Option<&Calendar>,
) -> Result<(Vec<&'l LedgerRow>, String), String> {
    let have = || {
        let mut v: Vec<String> = series.iter().map(|r| r.end.to_string()).collect();
        v.dedup();
        if v.len() > 12 {
            let n = v.len();
            let tail = v.split_off(n - 6);
            let head: Vec<String> = v.into_iter().take(3).collect();
            format!(
                "{}, … ({} dates in all), {}",
                head.join(", "),
                n,
                tail.join(", ")
            )
        } else {
            v.join(", ")
        }
    };
    let Some(p) = &link.period else {
        // what had been published by the article date: periods ended, and
        // figures filed, on or before it
        let rows: Vec<&LedgerRow> = match article_date {
            Some(d) => series
                .iter()
                .copied()
                .filter(|r| r.end <= d && reported_by(r, d) && fits_length(r, link.span))
                .collect(),
            None => series
                .iter()
                .copied()
                .filter(|r| fits_length(r, link.span))
                .collect(),
        };
        let rows = latest(rows);
        return match (rows.first(), article_date) {
            (Some(r), Some(d)) => {
                let note = if r.end == d && r.start.is_none() {
                    format!("no period written: used the ledger row of the article date {d}")
                } else if r.start.is_none() {
                    format!(
                        "no period written: assumed the latest figure on or before the article date {d}, of {}",
                        r.end
                    )
                } else {
                    format!(
                        "no period written: assumed the latest {} reported by the article date {d}: {}{}",
                        r.length,
                        r.period_words(),
                        filed_after(r, Some(d))
                    )
                };
                Ok((rows, note))
            }
            (Some(r), None) => {
                let note = format!(
                    "no date in the sentence and no article date: used the latest ledger row ({})",
                    r.end
                );
                Ok((rows, note))
            }
            (None, Some(d)) => Err(format!("no ledger row on or before the article date {d}")),
            (None, None) => Err("the ledger has no rows for this pair".into()),
        };
    };
    let written = p.text.as_deref().unwrap_or("");
    // the span the period's words name, else the words near the claim
    let want = p.length.or(link.span);
    if p.fiscal
        .is_some_and(|f| f.year.is_none() && f.quarter.is_none())
    {
        // "上季", "last quarter": the latest quarter reported on or before
        // the article date, ended within the year before it
        let rows: Vec<&LedgerRow> = series
            .iter()
            .copied()
            .filter(|r| {
                (r.length == Length::Quarter || r.start.is_none())
                    && article_date.is_none_or(|d| {
                        r.end <= d
                            && crate::ledger::fiscal::add_days(r.end, 366) > d
                            && reported_by(r, d)
                    })
            })
            .collect();
        let rows = latest(rows);
        return match rows.first() {
            Some(r) => Ok((
                rows.clone(),
                format!(
                    "\"{written}\": the latest quarter reported {}: {}{}",
                    article_date.map_or("in the ledger".to_string(), |d| format!(
                        "on or before the article date {d}"
                    )),
                    r.period_words(),
                    filed_after(r, article_date)
                ),
            )),
            None => Err(format!(
                "\"{written}\" names the latest quarter, and the ledger has none{}; it has {}",
                article_date.map_or(String::new(), |d| format!(
                    " ended in the year up to the article date {d}"
                )),
                have()
            )),
        };
    }
    if let Some(f) = p.fiscal {
        // a fiscal quarter named without its year ("第三财季", "fiscal third
        // quarter"): the latest one reported on or before the article date
        let (year, year_note) = match f.year {
            Some(y) => (y, String::new()),
            None => {
                // the latest reported by the article date, ended within the
                // year before it (an older one is not "the third quarter")
                let latest = series
                    .iter()
                    .filter(|r| {
                        r.fiscal
                            .is_some_and(|rf| f.quarter.is_none_or(|q| rf.quarter == q))
                            && r.length == p.length.unwrap_or(Length::Quarter)
                            && article_date.is_none_or(|d| {
                                r.end <= d
                                    && crate::ledger::fiscal::add_days(r.end, 366) > d
                                    && reported_by(r, d)
                            })
                    })
                    .filter_map(|r| r.fiscal.map(|rf| rf.year))
                    .max();
                // words with calendar dates of their own ("第三季度"): read
                // by the calendar when the fiscal reading finds nothing
                let dated = p.start.year() > 1900;
                match (calendar, latest) {
                    (_, None) if dated => (0, String::new()),
                    (Some(_), Some(y)) => (
                        y,
                        format!(
                            "\"{}\" names no year: fiscal {y}, the latest {} reported on or before {}",
                            p.text.as_deref().unwrap_or(""),
                            match (f.quarter, p.length) {
                                (None, _) => "year".to_string(),
                                (Some(q), Some(Length::NineMonths)) => {
                                    format!("nine months to Q{q}")
                                }
                                (Some(_), Some(Length::Half)) => "first half".to_string(),
                                (Some(q), _) => format!("Q{q}"),
                            },
                            article_date.map_or("the newest filing".to_string(), |d| format!(
                                "the article date {d}"
                            ))
                        ),
                    ),
                    _ => {
                        return Err(format!(
                            "\"{}\" names a fiscal quarter without its year, and the ledger shows no such quarter of this company's fiscal calendar{}",
                            p.text.as_deref().unwrap_or(""),
                            article_date
                                .map_or(String::new(), |d| format!(" ended on or before {d}"))
                        ));
                    }
                }
            }
        };
        let f = crate::link::FiscalRef {
            year: Some(year),
            ..f
        };
        match (calendar, f.quarter) {
            _ if year == 0 => {}
            (Some(c), q) => {
                let span = match q {
                    Some(q) => c.quarter(year, q),
                    None => c.year(year),
                };
                let rows: Vec<&LedgerRow> = series
                    .iter()
                    .copied()
                    .filter(|r| {
                        r.fiscal
                            .is_some_and(|rf| rf.year == year && q.is_none_or(|q| rf.quarter == q))
                            && fits_length(r, want)
                            && (q.is_some() || r.start.is_none() || r.length == Length::Year)
                    })
                    .collect();
                let rows = latest(rows);
                if rows.is_empty() {
                    let span = span.map_or(String::new(), |(s, e)| format!(" ({})", when(s, e)));
                    return Err(format!(
                        "no ledger row for fiscal {}{}{span} (\"{written}\"); the ledger has {}",
                        year,
                        q.map_or(String::new(), |q| format!(" Q{q}")),
                        have()
                    ));
                }
                return Ok((rows, year_note));
            }
            (None, Some(q)) => {
                return Err(format!(
                    "\"{written}\" names fiscal {} Q{q}, and the ledger does not show this company's fiscal calendar (it has no annual figures), so which dates that quarter covers is unknown",
                    year
                ));
            }
            (None, None) => {}
        }
    }
    let rows: Vec<&LedgerRow> = series
        .iter()
        .copied()
        .filter(|r| r.end >= p.start && r.end <= p.end && fits_length(r, want))
        .collect();
    let mut rows = latest(rows);
    // a calendar year ("2024年营收") of a company whose fiscal year does not
    // follow it: the fiscal year ending in it, or the one covering most of
    // it (NVIDIA's fiscal 2025 runs 2024-01-29 to 2025-01-26); both are
    // compared, and the reason says which fits
    let mut note = String::new();
    if let (Some(c), Some(Length::Year)) = (calendar, p.length) {
        let mid = Date::new(p.start.year(), 7, 2).ok();
        let whole_year = p.start.month() == 1
            && p.start.day() == 1
            && p.end.month() == 12
            && p.end.day() == 31
            && p.start.year() == p.end.year();
        if let (true, Some(fy)) = (whole_year, mid.and_then(|m| c.fiscal_year_of(m))) {
            let most: Vec<&LedgerRow> = series
                .iter()
                .copied()
                .filter(|r| {
                    r.fiscal.is_some_and(|f| f.year == fy)
                        && (r.length == Length::Year || r.start.is_none())
                })
                .collect();
            let most = latest(most);
            let ends_in = rows.first().map(|r| r.end);
            if let Some(m) = most.first().filter(|m| Some(m.end) != ends_in) {
                let ended = match (rows.first(), rows.first().and_then(|r| r.fiscal)) {
                    (Some(r), Some(f)) => format!("fiscal {} (ended {}) or ", f.year, r.end),
                    _ => String::new(),
                };
                note = format!(
                    "\"{written}\" may mean {ended}fiscal {fy} (ending {}), which covers most of it: both were compared",
                    m.end
                );
                rows.extend(most);
            }
        }
    }
    if rows.is_empty() {
        let what = match want {
            Some(l) if l != Length::Instant => format!(", a {l}"),
            _ => String::new(),
        };
        return Err(format!(
            "no ledger row for {} (\"{written}\"{what}); the ledger has {}",
            when(p.start, p.end),
            have()
        ));
    }
    Ok((rows, note))
}

fn fmt_dec(d: Decimal) -> String {
    d.normalize().to_string()
}

/// "1 USD = 143.12 JPY" for a rate of row currency → claim currency, written
/// with the stronger currency first.
pub fn fx_words(rate: Decimal, from: impl std::fmt::Display, to: &str) -> String {
    if rate < Decimal::ONE && !rate.is_zero() {
        let inv =
            (Decimal::ONE / rate).round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven);
        format!("1 {to} = {} {from}", fmt_dec(inv))
    } else {
        format!("1 {from} = {} {to}", fmt_dec(rate))
    }
}

/// "the 10-Q 0000320193-17-000009 filed 2017-08-02", or "line 4".
fn filing_words(f: Option<&Filing>, line: usize) -> String {
    match f {
        Some(f) if !f.accn.is_empty() => format!("the {} {} filed {}", f.form, f.accn, f.filed),
        Some(f) => format!("a filing of {}", f.filed),
        None => format!("line {line}"),
    }
}

/// One row the claim can be compared with: the row, the value compared
/// (the latest, or an earlier version), that value in the claim's currency
/// and the FX rate used.
struct Candidate<'l> {
    row: &'l LedgerRow,
    /// `None` for the row's latest value, else the index into `row.earlier`.
    version: Option<usize>,
    value: Decimal,
    converted: Decimal,
    fxq: Option<(Decimal, Date)>,
}

impl Candidate<'_> {
    fn filing(&self) -> Option<&Filing> {
        match self.version {
            None => self.row.filing.as_ref(),
            Some(i) => self.row.earlier[i].filing.as_ref(),
        }
    }

    fn line(&self) -> usize {
        match self.version {
            None => self.row.line,
            Some(i) => self.row.earlier[i].line,
        }
    }
}

/// The figure a claim states, for choosing among what the ledger allows:
/// its point, the middle of its range, or the bound it names.
fn claimed(a: &Amount) -> Option<Decimal> {
    let v = a.value();
    match (v.point(), v.min(), v.max()) {
        (Some(p), _, _) => Some(p),
        (None, Some(lo), Some(hi)) => (lo + hi).checked_div(Decimal::TWO),
        (None, lo, hi) => lo.or(hi),
    }
}

/// Checks one claim against the ledger.
pub fn verify(
    a: &Amount,
    link: &Link,
    article_date: Option<Date>,
    ledger: &Ledger,
    fx: &FxRates,
    policy: &Policy,
) -> Finding {
    let Some(entity) = &link.entity else {
        return unverifiable("no entity: no known entity name in the sentence or before it".into());
    };
    if let Some(c) = &link.context {
        // the filings hold consolidated, reported figures: a segment's
        // figure, guidance, an estimate, a market value or a share price is
        // not checked against them (nor guidance or an estimate against any
        // ledger's figures)
        let refuse = match &link.metric {
            None => true,
            Some(m) => {
                let series = ledger.series(&entity.name, &m.name);
                series.is_empty()
                    || series
                        .iter()
                        .any(|r| r.concept.is_some() || r.filing.is_some())
                    || matches!(
                        c.kind,
                        crate::link::ContextKind::Guidance | crate::link::ContextKind::Estimate
                    )
            }
        };
        if refuse {
            let about = link.metric.as_ref().map_or(String::new(), |m| {
                format!(" against {} / {}", entity.name, m.name)
            });
            return unverifiable(format!(
                "not checked{about}: \"{}\" makes it {}",
                c.text,
                c.kind.why()
            ));
        }
    }
    let Some(metric) = &link.metric else {
        if let Some(why) = &link.refused {
            return unverifiable(format!("no metric: {why} (entity {})", entity.name));
        }
        return unverifiable(format!(
            "no metric: no known metric name near the claim (entity {})",
            entity.name
        ));
    };
    // a metric no row reports may be computed from others (margins, free
    // cash flow)
    let computed: Vec<LedgerRow>;
    let mut series = ledger.series(&entity.name, &metric.name);
    if series.is_empty() {
        computed = crate::derive::series(ledger, &entity.name, &metric.name);
        series = computed.iter().collect();
    }
    // quarters of figures filed only year to date (cash flows)
    let quarters = crate::derive::ytd_quarters(&series);
    if !quarters.is_empty() {
        series.extend(quarters.iter());
    }
    // rows for this pair that could not be loaded: the claim says so rather
    // than pretending the ledger has nothing
    let rejected = || {
        let lines: Vec<String> = ledger
            .rejected_for(&entity.name, &metric.name)
            .iter()
            .map(|r| r.line.to_string())
            .collect();
        match lines.len() {
            0 => String::new(),
            1 => format!(
                "; the ledger row on line {} was left out as bad (see the errors)",
                lines[0]
            ),
            _ => format!(
                "; the ledger rows on lines {} were left out as bad (see the errors)",
                lines.join(", ")
            ),
        }
    };
    if series.is_empty() {
        return unverifiable(format!(
            "no ledger row for {} / {}{}",
            entity.name,
            metric.name,
            rejected()
        ));
    }
    let calendar = ledger.calendar(&entity.name);
    let (rows, note) = match choose(&series, link, article_date, calendar) {
        Ok(x) => x,
        Err(why) => {
            // how far the filings go: companyfacts can lag a filing
            let newest = ledger
                .newest_filed(&entity.name)
                .map_or(String::new(), |d| {
                    format!("; the ledger's newest filing for {} is of {d}", entity.name)
                });
            return unverifiable(format!(
                "{} / {}: {why}{}{newest}",
                entity.name,
                metric.name,
                rejected()
            ));
        }
    };
    let note = match crate::derive::open_metric(&metric.name) {
        Some(each) => {
            let said = format!(
                "\"{}\" does not say which of {} it is: each was compared",
                metric.text,
                each.join(" or ")
            );
            if note.is_empty() {
                said
            } else {
                format!("{note}; {said}")
            }
        }
        None => note,
    };
    // a growth rate: each row against the one a year (or a quarter) before
    let grown: Vec<LedgerRow>;
    let rows: Vec<&LedgerRow> = match &link.growth {
        None => rows,
        Some(g) => match crate::derive::growth(
            &rows,
            &series,
            g,
            &|r| as_of(r, article_date).1,
            claimed(a),
        ) {
            Ok(v) => {
                grown = v;
                grown.iter().collect()
            }
            Err(why) => {
                return unverifiable(format!(
                    "{} / {} growth (\"{}\"): {why}",
                    entity.name, metric.name, g.text
                ));
            }
        },
    };
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut why_not: Option<(String, Date)> = None;
    for r in &rows {
        // the value on record at the article date
        let (version, value) = as_of(r, article_date);
        match convert_value(r, value, a, fx) {
            Ok((l, fxq)) => candidates.push(Candidate {
                row: r,
                version,
                value,
                converted: l,
                fxq,
            }),
            Err(w) => {
                why_not.get_or_insert((w, r.end));
            }
        }
    }
    if candidates.is_empty() {
        let (why, end) = why_not.unwrap_or_else(|| ("no ledger row fits".into(), rows[0].end));
        return unverifiable(format!("{} / {} ({end}): {why}", entity.name, metric.name));
    }
    // one figure in two currencies (a filer's own and its convenience
    // translation): the claim's currency picks
    if candidates.iter().any(|c| c.fxq.is_none()) {
        candidates.retain(|c| c.fxq.is_none());
    }
    let spans: Vec<Length> = {
        let mut v: Vec<Length> = candidates.iter().map(|c| c.row.length).collect();
        v.dedup();
        v
    };
    let holding = candidates
        .iter()
        .position(|c| holds(a, c.converted, policy));
    // when the value on record does not hold, an earlier one (as first
    // reported, before a restatement or split) may; values filed after the
    // article date are not what it could have quoted
    let earlier = || -> Option<Candidate> {
        for c in &candidates {
            let before = c.version.unwrap_or(c.row.earlier.len());
            for (i, v) in c.row.earlier.iter().enumerate().take(before) {
                if let Ok((l, fxq)) = convert_value(c.row, v.value, a, fx) {
                    if holds(a, l, policy) {
                        return Some(Candidate {
                            row: c.row,
                            version: Some(i),
                            value: v.value,
                            converted: l,
                            fxq,
                        });
                    }
                }
            }
        }
        None
    };
    let relative = |c: &Candidate| {
        difference(a, c.converted)
            .and_then(|d| d.abs().checked_div(c.converted.abs().max(Decimal::ONE)))
            .unwrap_or(Decimal::MAX)
    };
    let (chosen, consistent) = match holding {
        Some(i) => (candidates.swap_remove(i), true),
        None => match earlier() {
            Some(c) => (c, true),
            None => {
                let i = (0..candidates.len())
                    .min_by_key(|&i| relative(&candidates[i]))
                    .unwrap_or(0);
                (candidates.swap_remove(i), false)
            }
        },
    };
    let row = chosen.row;
    // a period that had not ended when the article was written: a forecast
    // or guidance, which the figure later reported neither confirms nor refutes
    if let Some(d) = article_date {
        if row.end > d {
            return unverifiable(format!(
                "{} / {}: the period ({}) ends after the article date {d}: a forecast or guidance, not a reported figure",
                entity.name,
                metric.name,
                row.period_words()
            ));
        }
    }
    let l = chosen.converted;
    let fxq = chosen.fxq;
    let restated = row.earlier.first().map(|first| Restated {
        matched: match chosen.version {
            None => Matched::Latest,
            Some(0) => Matched::FirstReported,
            Some(_) => Matched::Earlier,
        },
        first_value: first.value,
        first_filing: first.filing.clone(),
        latest_value: row.value,
        latest_filing: row.filing.clone(),
    });
    let ledger_match = LedgerMatch {
        entity: row.entity.clone(),
        metric: row.metric.clone(),
        start: row.start,
        period: row.end,
        length: row.length,
        fiscal: row.fiscal.map(|f| f.name(row.length)),
        value: chosen.value,
        unit: row.unit,
        source: row.source.clone(),
        concept: row.concept.clone(),
        filing: chosen.filing().cloned(),
        derived: row.derived.clone(),
        restated,
        fx_rate: fxq.map(|q| q.0),
        fx_date: fxq.map(|q| q.1),
        converted_value: l,
        file: row.file.to_string(),
        line: chosen.line(),
    };
    let diff = difference(a, l);
    let rel = diff
        .and_then(|d| {
            if l.is_zero() {
                None
            } else {
                d.checked_div(l.abs())
            }
        })
        .map(|r| r.round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven));
    let unit = match (a.currency(), row.unit) {
        (Some(c), Unit::PerShare(_)) => format!("{c}/share"),
        (Some(c), _) => c.to_string(),
        (None, _) => "%".to_string(),
    };
    let shown = match fxq {
        Some((rate, date)) => format!(
            "{} {unit} ({} {} at {} on {date})",
            fmt_dec(l),
            fmt_dec(chosen.value),
            row.unit,
            fx_words(
                rate,
                row.unit.currency().map_or("?".into(), |c| c.to_string()),
                &unit
            )
        ),
        None => format!("{} {unit}", fmt_dec(l)),
    };
    let mut reason = if row.start.is_none() && row.filing.is_none() {
        format!(
            "ledger: {} {} on {} is {shown}",
            row.entity, row.metric, row.end
        )
    } else {
        format!(
            "ledger: {} {} for {} is {shown}",
            row.entity,
            row.metric,
            row.period_words()
        )
    };
    match (&row.derived, chosen.filing()) {
        (Some(d), _) => reason.push_str(&format!(" (derived: {d})")),
        (None, Some(f)) if !f.accn.is_empty() => reason.push_str(&format!(
            " ({})",
            filing_words(Some(f), 0).trim_start_matches("the ")
        )),
        _ => {}
    }
    if let Some(first) = row.earlier.first() {
        // the value on record at the article date, and the latest
        let (record, record_value) = as_of(row, article_date);
        let version_filing = |v: Option<usize>| match v {
            Some(i) => filing_words(row.earlier[i].filing.as_ref(), row.earlier[i].line),
            None => filing_words(row.filing.as_ref(), row.line),
        };
        if chosen.version != record {
            // an earlier value than the one on record fits
            let i = chosen.version.unwrap_or(0);
            let v = &row.earlier[i];
            let which = if i == 0 { "first reported" } else { "reported" };
            reason = format!(
                "matches the figure {which} in {} ({} {}), restated to {} {} in {}; {reason}",
                filing_words(v.filing.as_ref(), v.line),
                fmt_dec(v.value),
                row.unit,
                fmt_dec(record_value),
                row.unit,
                version_filing(record),
            );
        } else if record.is_some() {
            // later filings, after the article date, changed the value on record
            reason.push_str(&format!(
                "; the value on record at the article date: restated to {} {} in {}, after it",
                fmt_dec(row.value),
                row.unit,
                filing_words(row.filing.as_ref(), row.line)
            ));
        } else {
            reason.push_str(&format!(
                "; first reported as {} {} in {}, restated in {}",
                fmt_dec(first.value),
                row.unit,
                filing_words(first.filing.as_ref(), first.line),
                version_filing(None)
            ));
        }
    }
    if spans.len() > 1
        && link
            .period
            .as_ref()
            .and_then(|p| p.length)
            .or(link.span)
            .is_none()
    {
        let names: Vec<&str> = spans.iter().map(|l| l.label()).collect();
        reason.push_str(&format!(
            "; the text does not say which span: the ledger has {} figures ending {}, and the {} figure is {}",
            names.join(", "),
            row.end,
            row.length,
            if consistent { "the one that fits" } else { "the nearest" }
        ));
    }
    if !note.is_empty() {
        reason = format!("{reason}; {note}");
    }
    // a figure a thousand times or more away from the row is about
    // something else (a per-share figure beside a total, a bound that holds
    // only by the distance), unless an exact figure shows a scale slip
    let far = far_off(a, l);
    let diagnosis = (!consistent).then(|| diagnose(a, l, row, &series, article_date, fx, policy));
    if let Some(times) = far {
        let exact = a.qualifier().bound.is_none() && matches!(a.value(), Value::Point(_));
        if !(exact && matches!(diagnosis, Some(Diagnosis::ScaleSlip { .. }))) {
            return Finding {
                ledger: Some(ledger_match),
                ..unverifiable(format!(
                    "probably another metric: the claim is {times} the ledger figure ({reason})"
                ))
            };
        }
    }
    if consistent {
        return Finding {
            verdict: Verdict::Consistent,
            reason,
            diagnosis: None,
            ledger: Some(ledger_match),
            difference: diff,
            relative_difference: rel,
        };
    }
    // a bound on the wrong side is not a matter of tolerance
    let diagnosis = match diagnosis.unwrap_or(Diagnosis::BeyondTolerance) {
        Diagnosis::BeyondTolerance if a.qualifier().bound.is_some() => Diagnosis::OutsideBound,
        d => d,
    };
    // what the claim allowed, by which rule, and where the ledger is
    let allowed = match allowed_words(a, policy) {
        Some(w) => format!(": {w}; the ledger is {}", fmt_dec(l)),
        None => String::new(),
    };
    Finding {
        verdict: Verdict::Contradicted,
        reason: format!("{reason}; {diagnosis}{allowed}"),
        diagnosis: Some(diagnosis),
        ledger: Some(ledger_match),
        difference: diff,
        relative_difference: rel,
    }
}

/// The rule a claim was held to and the values it allows, in words: "an
/// exact figure written to the nearest 100000000 allows ±50000000:
/// 166495000000 to 166505000000"; `None` when a step overflows.
fn allowed_words(a: &Amount, p: &Policy) -> Option<String> {
    let unit = a.rounding_unit();
    let half = unit / Decimal::TWO;
    let q = a.qualifier();
    let pct = |x: Decimal| fmt_dec(x * Decimal::ONE_HUNDRED);
    let widen = |x: Decimal| -> Option<Decimal> {
        if q.approx {
            p.tolerance.checked_mul(x.abs())?.checked_add(half)
        } else {
            Some(half)
        }
    };
    Some(match a.value() {
        Value::Point(x) => match (q.bound, q.strong, q.inclusive) {
            (Some(Bound::Lower), true, _) => format!(
                "a strong lower bound (\"well over\") asks for at least {}% more: {} or more",
                pct(p.strong_margin),
                fmt_dec(x.checked_mul(Decimal::ONE + p.strong_margin)?)
            ),
            (Some(Bound::Upper), true, _) => format!(
                "a strong upper bound (\"well under\") asks for at least {}% less: {} or less",
                pct(p.strong_margin),
                fmt_dec(x.checked_mul(Decimal::ONE - p.strong_margin)?)
            ),
            (Some(Bound::Lower), false, true) => {
                format!("a lower bound allows {} or more", fmt_dec(x))
            }
            (Some(Bound::Lower), false, false) => {
                format!("a lower bound allows more than {}", fmt_dec(x))
            }
            (Some(Bound::Upper), false, true) => {
                format!("an upper bound allows {} or less", fmt_dec(x))
            }
            (Some(Bound::Upper), false, false) => {
                format!("an upper bound allows less than {}", fmt_dec(x))
            }
            (None, ..) => {
                let b = widen(x)?;
                let how = if q.approx {
                    format!(
                        "an approximate figure written to the nearest {} allows ±{}% and half that unit",
                        fmt_dec(unit),
                        pct(p.tolerance)
                    )
                } else {
                    format!(
                        "an exact figure written to the nearest {} allows ±{}",
                        fmt_dec(unit),
                        fmt_dec(half)
                    )
                };
                format!(
                    "{how}: {} to {}",
                    fmt_dec(x.checked_sub(b)?),
                    fmt_dec(x.checked_add(b)?)
                )
            }
        },
        Value::Interval { min, max } => {
            let lo = match min {
                Some(m) => fmt_dec(m.checked_sub(widen(m)?)?),
                None => "any".to_string(),
            };
            let hi = match max {
                Some(m) => fmt_dec(m.checked_add(widen(m)?)?),
                None => "any".to_string(),
            };
            format!(
                "a range written to the nearest {} allows {lo} to {hi}{}",
                fmt_dec(unit),
                if q.approx {
                    format!(
                        " (±{}% at each end, as it is approximate)",
                        pct(p.tolerance)
                    )
                } else {
                    String::new()
                }
            )
        }
    })
}

fn diagnose(
    a: &Amount,
    l: Decimal,
    row: &LedgerRow,
    series: &[&LedgerRow],
    article_date: Option<Date>,
    fx: &FxRates,
    policy: &Policy,
) -> Diagnosis {
    // 1. scale slips (not for bounds: scaling a bound far enough always satisfies it)
    let bounded = a.qualifier().bound.is_some() && matches!(a.value(), Value::Point(_));
    for e in if bounded {
        [0i32; 0].as_slice()
    } else {
        [4i32, 8, 3, 6, 9, 1, 2].as_slice()
    } {
        let e = *e;
        for sign in [1i32, -1] {
            let exp = e * sign;
            let factor = crate::extract::numeral::pow10(-(exp as i64));
            if holds_scaled(a, factor, l, policy) {
                return Diagnosis::ScaleSlip { exponent: exp };
            }
        }
    }
    // 2. currency mix-ups: the closest currency in which the number holds
    if let (Kind::Money, Some(rc), Some(cc)) = (a.kind(), row.unit.currency(), a.currency()) {
        let mut best: Option<(Decimal, Currency)> = None;
        let mut consider = |cur: Currency, v: Decimal| {
            if holds(a, v, policy) {
                let dist = difference(a, v)
                    .map(|d| d.abs())
                    .unwrap_or_default()
                    .checked_div(v.abs().max(Decimal::ONE))
                    .unwrap_or_default();
                if best.is_none_or(|(bd, _)| dist < bd) {
                    best = Some((dist, cur));
                }
            }
        };
        if rc != cc {
            consider(rc, row.value);
        }
        for other in fx.currencies() {
            if other == cc || other == rc {
                continue;
            }
            if let Some(v) = fx
                .rate(rc, other, row.end)
                .and_then(|q| q.convert(row.value))
            {
                consider(other, v);
            }
        }
        if let Some((_, currency)) = best {
            return Diagnosis::CurrencyMixup { currency };
        }
    }
    // 3. period mismatch: the same metric for another span ending the same
    // day (a quarter written with the nine months' or the year's figure),
    // else for another period of the same span within two years, the nearest
    // first (over twenty years of quarters, some quarter fits almost any
    // figure); never a period that had not ended at the article date
    let other = |r: &&&LedgerRow| {
        !(std::ptr::eq(**r, row) || (r.end == row.end && r.start == row.start))
            && article_date.is_none_or(|d| r.end <= d)
    };
    let mut near: Vec<&&LedgerRow> = series
        .iter()
        .filter(|r| other(r) && r.end == row.end)
        .collect();
    let mut same_span: Vec<&&LedgerRow> = series
        .iter()
        .filter(|r| {
            other(r)
                && r.end != row.end
                && r.length == row.length
                && (r.end.ordinal() - row.end.ordinal()).abs() <= 731
        })
        .collect();
    same_span.sort_by_key(|r| (r.end.ordinal() - row.end.ordinal()).abs());
    near.extend(same_span);
    for r in near {
        if let Ok((v, _)) = convert(r, a, fx) {
            if holds(a, v, policy) {
                return Diagnosis::PeriodMismatch {
                    period: r.end,
                    start: r.start,
                    length: r.length,
                };
            }
        }
    }
    Diagnosis::BeyondTolerance
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amt(s: &str) -> Amount {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }
    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn exact_claims_round() {
        let p = Policy::default();
        assert!(holds(&amt("250亿美元"), d("24500000000"), &p));
        assert!(holds(&amt("250亿美元"), d("25500000000"), &p));
        assert!(!holds(&amt("250亿美元"), d("25600000000"), &p));
        assert!(!holds(&amt("250.0亿美元"), d("25100000000"), &p));
        assert!(holds(&amt("251亿美元"), d("25140000000"), &p));
        assert!(holds(&amt("$1.5 billion"), d("1549000000"), &p));
        assert!(!holds(&amt("$1.5 billion"), d("1551000000"), &p));
    }

    #[test]
    fn approximate_claims_widen() {
        let p = Policy::default();
        assert!(holds(&amt("约250亿美元"), d("27000000000"), &p));
        assert!(holds(&amt("约250亿美元"), d("28000000000"), &p));
        assert!(!holds(&amt("约250亿美元"), d("28100000000"), &p));
        let loose = Policy {
            tolerance: d("0.2"),
            ..p
        };
        assert!(holds(&amt("约250亿美元"), d("30500000000"), &loose));
    }

    #[test]
    fn bounds() {
        let p = Policy::default();
        assert!(holds(&amt("超过100亿美元"), d("10000000001"), &p));
        assert!(!holds(&amt("超过100亿美元"), d("10000000000"), &p));
        assert!(holds(&amt("至少100亿美元"), d("10000000000"), &p));
        assert!(holds(&amt("不到100亿美元"), d("9999999999"), &p));
        assert!(holds(&amt("远低于100亿美元"), d("8000000000"), &p));
        assert!(!holds(&amt("远低于100亿美元"), d("8000000001"), &p));
        assert!(holds(&amt("well under $10B"), d("3000000000"), &p));
    }

    #[test]
    fn ranges() {
        let p = Policy::default();
        assert!(holds(&amt("$5-10 billion"), d("7000000000"), &p));
        assert!(holds(&amt("$5-10 billion"), d("10400000000"), &p));
        assert!(!holds(&amt("$5-10 billion"), d("11000000000"), &p));
        assert!(holds(&amt("数百亿元"), d("50000000000"), &p));
    }

    #[test]
    fn differences_are_claim_minus_ledger() {
        assert_eq!(
            difference(&amt("250亿美元"), d("20000000000")),
            Some(d("5000000000"))
        );
        assert_eq!(
            difference(&amt("$5-10 billion"), d("12000000000")),
            Some(d("-2000000000"))
        );
        assert_eq!(
            difference(&amt("$5-10 billion"), d("7000000000")),
            Some(Decimal::ZERO)
        );
    }

    #[test]
    fn diagnoses() {
        let row = LedgerRow::new(
            "A",
            "cash",
            "2024-09-30".parse().expect("date"),
            d("25000000000"),
            Unit::Currency(Currency::USD),
        );
        let fx = FxRates::default();
        let p = Policy::default();
        let series = [&row];
        assert_eq!(
            diagnose(&amt("250万美元"), row.value, &row, &series, None, &fx, &p),
            Diagnosis::ScaleSlip { exponent: -4 }
        );
        assert_eq!(
            diagnose(
                &amt("2500 billion dollars"),
                row.value,
                &row,
                &series,
                None,
                &fx,
                &p
            ),
            Diagnosis::ScaleSlip { exponent: 2 }
        );
        assert_eq!(
            diagnose(&amt("3.7万亿美元"), row.value, &row, &series, None, &fx, &p),
            Diagnosis::BeyondTolerance
        );
        assert_eq!(
            diagnose(
                &amt("25 million dollars"),
                row.value,
                &row,
                &series,
                None,
                &fx,
                &p
            ),
            Diagnosis::ScaleSlip { exponent: -3 }
        );
    }
}
