//! Figures computed from a ledger's rows, for claims no row reports:
//! margins (gross, operating, net: the ratio of two facts of one period, as
//! a percent), free cash flow (operating cash flow − capital expenditures),
//! and growth rates (a figure against the same span a year earlier, or the
//! quarter before). Each derived row says how it was computed.

use crate::date::Date;
use crate::ledger::fiscal::add_days;
use crate::ledger::{Ledger, LedgerRow, Length, Unit};
use crate::link::{Basis, Direction, GrowthLink};
use rust_decimal::{Decimal, RoundingStrategy};

/// Margins: (metric, numerator, denominator), all built-in names.
const RATIOS: &[(&str, &str, &str)] = &[
    ("gross margin", "gross profit", "revenue"),
    ("operating margin", "operating income", "revenue"),
    ("net margin", "net income", "revenue"),
];

/// Differences: (metric, minuend, subtrahend).
const DIFFERENCES: &[(&str, &str, &str)] = &[(
    "free cash flow",
    "operating cash flow",
    "capital expenditures",
)];

fn from(r: &LedgerRow) -> String {
    match &r.filing {
        Some(f) if !f.accn.is_empty() => format!("{} {}", f.form, f.accn),
        _ => format!("line {}", r.line),
    }
}

fn dec(d: Decimal) -> String {
    crate::report::decimal(d)
}

/// Metrics a phrasing leaves open: (metric, the metrics it may be, most
/// likely first). "Earnings per share" written without "basic" or
/// "diluted" is compared with both.
const EITHER: &[(&str, &[&str])] = &[(
    "earnings per share",
    &["diluted earnings per share", "basic earnings per share"],
)];

/// What a claim about `metric` written this way leaves open, for the
/// reason: "neither basic nor diluted".
pub(crate) fn open_metric(metric: &str) -> Option<&'static [&'static str]> {
    EITHER.iter().find(|e| e.0 == metric).map(|e| e.1)
}

/// Rows of `metric` for `entity` computed from the rows of the metrics it
/// is made of, one per period both have (same start, end and currency);
/// empty when `metric` is not one figcheck computes.
pub(crate) fn series(ledger: &Ledger, entity: &str, metric: &str) -> Vec<LedgerRow> {
    if let Some(each) = open_metric(metric) {
        return each
            .iter()
            .flat_map(|m| ledger.series(entity, m))
            .cloned()
            .collect();
    }
    let (parts, ratio) = match (
        RATIOS.iter().find(|r| r.0 == metric),
        DIFFERENCES.iter().find(|r| r.0 == metric),
    ) {
        (Some(r), _) => (r, true),
        (None, Some(d)) => (d, false),
        (None, None) => return Vec::new(),
    };
    let (_, a_name, b_name) = *parts;
    let a_rows = ledger.series(entity, a_name);
    if a_rows.is_empty() {
        return Vec::new();
    }
    let b_rows = ledger.series(entity, b_name);
    let mut out = Vec::new();
    for a in &a_rows {
        let (Some(start), Unit::Currency(c)) = (a.start, a.unit) else {
            continue;
        };
        let Some(b) = b_rows
            .iter()
            .find(|b| b.start == Some(start) && b.end == a.end && b.unit == Unit::Currency(c))
        else {
            continue;
        };
        let mut r = (*a).clone();
        r.metric = metric.to_string();
        r.concept = None;
        r.earlier = Vec::new();
        // the later of the two filings is when both were on record
        if b.filing.as_ref().map(|f| f.filed) > a.filing.as_ref().map(|f| f.filed) {
            r.filing = b.filing.clone();
        }
        let (value, how) = if ratio {
            if b.value.is_zero() {
                continue;
            }
            let Some(v) = a
                .value
                .checked_div(b.value)
                .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
            else {
                continue;
            };
            r.unit = Unit::Percent;
            (
                v.round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven),
                format!(
                    "{metric} = {a_name} / {b_name} = {} / {} ({}{})",
                    dec(a.value),
                    dec(b.value),
                    from(a),
                    if from(a) == from(b) {
                        String::new()
                    } else {
                        format!(", {}", from(b))
                    }
                ),
            )
        } else {
            let Some(v) = a.value.checked_sub(b.value) else {
                continue;
            };
            (
                v,
                format!(
                    "{metric} = {a_name} − {b_name} = {} − {} ({}{})",
                    dec(a.value),
                    dec(b.value),
                    from(a),
                    if from(a) == from(b) {
                        String::new()
                    } else {
                        format!(", {}", from(b))
                    }
                ),
            )
        };
        r.value = value;
        r.derived = Some(how);
        out.push(r);
    }
    out
}

/// The row of `series` a growth rate of `row` compares with: the same span
/// ending a year earlier (15 days either side, for 52/53-week years), or
/// the quarter ending the day before `row` starts (7 days either side).
fn base<'l>(row: &LedgerRow, series: &[&'l LedgerRow], basis: Basis) -> Option<&'l LedgerRow> {
    let near = |d: Date, target: Date, slack: i64| (d.ordinal() - target.ordinal()).abs() <= slack;
    match basis {
        Basis::YearAgo => {
            let target = add_days(row.end, -365);
            series
                .iter()
                .copied()
                .filter(|b| {
                    b.unit == row.unit
                        && b.metric == row.metric
                        && b.length == row.length
                        && b.start.is_some() == row.start.is_some()
                        && near(b.end, target, 15)
                })
                .min_by_key(|b| (b.end.ordinal() - target.ordinal()).abs())
        }
        Basis::QuarterAgo => {
            let start = row.start?;
            if row.length != Length::Quarter {
                return None;
            }
            let target = add_days(start, -1);
            series
                .iter()
                .copied()
                .filter(|b| {
                    b.unit == row.unit
                        && b.metric == row.metric
                        && b.length == Length::Quarter
                        && near(b.end, target, 7)
                })
                .min_by_key(|b| (b.end.ordinal() - target.ordinal()).abs())
        }
    }
}

/// For each row of `rows`, the growth rate it shows against its base row
/// in `series` (values as `value_of` gives them: those on record at the
/// article date), as a percent row saying how it was computed; a fall
/// written as such ("fell 5%") is compared as a fall (−5% growth: the row's
/// value is the fall). `Err` says why none could be computed.
///
/// The figures are rounded as filed (EPS to the cent): the rates they allow
/// run from the lowest to the highest their rounding permits, and the row's
/// value is the one of those nearest the claim's `target` (so "17% growth"
/// from EPS of 1.42 and 1.67, 17.6% as written but 16.8–18.4% within the
/// cents, holds), with the range said in how it was computed.
pub(crate) fn growth(
    rows: &[&LedgerRow],
    series: &[&LedgerRow],
    g: &GrowthLink,
    value_of: &dyn Fn(&LedgerRow) -> Decimal,
    target: Option<Decimal>,
) -> Result<Vec<LedgerRow>, String> {
    let basis = g.basis.unwrap_or(Basis::YearAgo);
    let against = match basis {
        Basis::YearAgo => "a year earlier",
        Basis::QuarterAgo => "the quarter before",
    };
    let mut out = Vec::new();
    let mut why = None;
    for r in rows {
        let Some(b) = base(r, series, basis) else {
            why.get_or_insert_with(|| {
                format!(
                    "no {} figure {against} (ending near {}) to compute the growth from",
                    r.length,
                    match basis {
                        Basis::YearAgo => Some(add_days(r.end, -365)),
                        Basis::QuarterAgo => r.start.map(|s| add_days(s, -1)),
                    }
                    .map_or("?".to_string(), |d| d.to_string())
                )
            });
            continue;
        };
        let (now, then) = (value_of(r), value_of(b));
        if then <= Decimal::ZERO || now < Decimal::ZERO {
            why.get_or_insert_with(|| {
                format!(
                    "the figure {against} is {} and this one {}: no growth rate between them",
                    dec(then),
                    dec(now)
                )
            });
            continue;
        }
        let Some(rate) = now
            .checked_sub(then)
            .and_then(|d| d.checked_div(then))
            .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
            .map(|v| v.round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven))
        else {
            continue;
        };
        // the rates the figures' rounding allows
        let half = |v: Decimal| Decimal::new(5, v.scale() + 1);
        let pct = |n: Decimal, t: Decimal| {
            n.checked_sub(t)
                .and_then(|d| d.checked_div(t))
                .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
        };
        let (hn, ht) = (half(now), half(then));
        let lo = pct(now - hn, then + ht);
        let hi = (then - ht > Decimal::ZERO)
            .then(|| pct(now + hn, then - ht))
            .flatten();
        let signed = |v: Decimal| match g.direction {
            Direction::Up => v,
            Direction::Down => -v,
        };
        let round = |v: Decimal| v.round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven);
        let (value, allowed) = match (lo, hi, target) {
            (Some(lo), Some(hi), Some(t)) if hi - lo > Decimal::new(1, 4) => {
                let want = signed(t);
                (round(want.clamp(lo, hi)), Some((round(lo), round(hi))))
            }
            _ => (rate, None),
        };
        let mut row = (*r).clone();
        let basis_words = match (g.basis, basis) {
            (Some(_), Basis::YearAgo) => "year over year",
            (Some(_), Basis::QuarterAgo) => "quarter over quarter",
            (None, _) => "year over year (the text names no basis: a year earlier is assumed)",
        };
        let mut how = format!(
            "growth of {} {basis_words} = ({} − {}) / {} = {}%: {} against {} ({})",
            r.metric,
            dec(now),
            dec(then),
            dec(then),
            dec(rate),
            r.period_words(),
            b.period_words(),
            from(b)
        );
        if let Some((lo, hi)) = allowed {
            how.push_str(&format!(
                "; {}% to {}% within the rounding of the figures as filed",
                dec(lo),
                dec(hi)
            ));
        }
        row.value = match g.direction {
            Direction::Up => value,
            Direction::Down => {
                how.push_str(&format!(
                    "; the text says a fall (\"{}\"), a fall of {}%",
                    g.text,
                    dec(-value)
                ));
                -value
            }
        };
        row.metric = format!("{} growth", r.metric);
        row.unit = Unit::Percent;
        row.concept = None;
        row.earlier = Vec::new();
        row.derived = Some(how);
        out.push(row);
    }
    match (out.is_empty(), why) {
        (true, Some(w)) => Err(w),
        (true, None) => Err(format!("no figure {against} to compute the growth from")),
        _ => Ok(out),
    }
}
