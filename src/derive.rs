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
const EITHER: &[(&str, &[&str])] = &[
    (
        "earnings per share",
        &["diluted earnings per share", "basic earnings per share"],
    ),
    (
        "net profit",
        &[
            "net income",
            "net income including non-controlling interests",
        ],
    ),
];

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

/// Quarters of flows filed only year to date (cash flows: a 10-Q gives
/// six and nine months, not the quarter): for two rows of one metric,
/// start and unit, the longer ending a quarter after the shorter, the
/// quarter between them is the difference, derived and saying so; none
/// where `series` has that quarter already.
pub(crate) fn ytd_quarters(series: &[&LedgerRow]) -> Vec<LedgerRow> {
    use crate::hash::{FastMap, FastSet};
    // quarters filed, and year-to-date rows by (metric, unit, start)
    let mut quarters: FastSet<(&str, Unit, Date, Date)> = FastSet::default();
    let mut ytd: FastMap<(&str, Unit, Date), Vec<&LedgerRow>> = FastMap::default();
    for r in series {
        let (Some(start), Unit::Currency(_)) = (r.start, r.unit) else {
            continue;
        };
        match r.length {
            Length::Quarter => {
                quarters.insert((r.metric.as_str(), r.unit, start, r.end));
                ytd.entry((r.metric.as_str(), r.unit, start))
                    .or_default()
                    .push(r);
            }
            Length::Half | Length::NineMonths => {
                ytd.entry((r.metric.as_str(), r.unit, start))
                    .or_default()
                    .push(r);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for ((metric, unit, start), mut rows) in ytd {
        rows.sort_by_key(|r| r.end);
        rows.dedup_by_key(|r| r.end);
        for pair in rows.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if !matches!(b.length, Length::Half | Length::NineMonths) {
                continue;
            }
            let q_start = add_days(a.end, 1);
            if Length::of(Some(q_start), b.end) != Length::Quarter
                || quarters.contains(&(metric, unit, q_start, b.end))
            {
                continue;
            }
            let Some(value) = b.value.checked_sub(a.value) else {
                continue;
            };
            let mut q = b.clone();
            q.start = Some(q_start);
            q.length = Length::Quarter;
            q.value = value;
            q.earlier = Vec::new();
            let mut how = format!(
                "quarter = {} to {} ({}) − {} to {} ({}): {} − {}",
                start,
                b.end,
                from(b),
                start,
                a.end,
                from(a),
                dec(b.value),
                dec(a.value)
            );
            for (r, which) in [(b, "the first"), (a, "the second")] {
                if let Some(d) = &r.derived {
                    how.push_str(&format!("; {which}: {d}"));
                }
            }
            q.derived = Some(how);
            out.push(q);
        }
    }
    out.sort_by_key(|q| q.end);
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
        if !g.points && (then <= Decimal::ZERO || now < Decimal::ZERO) {
            why.get_or_insert_with(|| {
                format!(
                    "the figure {against} is {} and this one {}: no growth rate between them",
                    dec(then),
                    dec(now)
                )
            });
            continue;
        }
        if g.points {
            // a ratio's change in percentage points
            let Some(d) = now.checked_sub(then) else {
                continue;
            };
            let d = d.round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven);
            let mut row = (*r).clone();
            let mut how = format!(
                "change of {} {} = {}% − {}% = {} percentage points: {} against {} ({})",
                r.metric,
                match basis {
                    Basis::YearAgo => "year over year",
                    Basis::QuarterAgo => "quarter over quarter",
                },
                dec(now),
                dec(then),
                dec(d),
                r.period_words(),
                b.period_words(),
                from(b)
            );
            row.value = match g.direction {
                Direction::Up => d,
                Direction::Down => {
                    how.push_str(&format!("; the text says a fall (\"{}\")", g.text));
                    -d
                }
            };
            row.metric = format!("{} change", r.metric);
            row.concept = None;
            row.earlier = Vec::new();
            row.derived = Some(how);
            out.push(row);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Currency;

    fn row(metric: &str, start: &str, end: &str, value: &str, unit: Unit) -> LedgerRow {
        let (s, e): (Date, Date) = (start.parse().expect("date"), end.parse().expect("date"));
        let mut r = LedgerRow::new(
            "Tesla, Inc.",
            metric,
            e,
            value.parse().expect("decimal"),
            unit,
        );
        r.start = Some(s);
        r.length = Length::of(Some(s), e);
        r
    }

    fn usd() -> Unit {
        Unit::Currency(Currency::USD)
    }

    #[test]
    fn quarters_of_year_to_date_flows() {
        // Tesla's operating cash flow, 2022: six and nine months (10-Qs)
        let h1 = row(
            "operating cash flow",
            "2022-01-01",
            "2022-06-30",
            "6346000000",
            usd(),
        );
        let m9 = row(
            "operating cash flow",
            "2022-01-01",
            "2022-09-30",
            "11446000000",
            usd(),
        );
        let q = ytd_quarters(&[&h1, &m9]);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].start.map(|d| d.to_string()).as_deref(),
            Some("2022-07-01")
        );
        assert_eq!(q[0].length, Length::Quarter);
        assert_eq!(
            q[0].value,
            "5100000000".parse::<Decimal>().expect("decimal")
        );
        assert!(
            q[0].derived
                .as_deref()
                .is_some_and(|d| d.starts_with("quarter = 2022-01-01 to 2022-09-30"))
        );
        // a quarter filed as such is not derived again
        let q3 = row(
            "operating cash flow",
            "2022-07-01",
            "2022-09-30",
            "5100000000",
            usd(),
        );
        assert!(ytd_quarters(&[&h1, &m9, &q3]).is_empty());
    }

    #[test]
    fn growth_within_the_rounding_of_the_figures() {
        let per_share = Unit::PerShare(Currency::USD);
        let now = row(
            "diluted earnings per share",
            "2017-04-02",
            "2017-07-01",
            "1.67",
            per_share,
        );
        let then = row(
            "diluted earnings per share",
            "2016-03-27",
            "2016-06-25",
            "1.42",
            per_share,
        );
        let g = GrowthLink {
            direction: Direction::Up,
            basis: Some(Basis::YearAgo),
            text: "up".into(),
            points: false,
            span: crate::span::Span::new(0, 2),
        };
        let value = |target: &str| {
            let rows = growth(
                &[&now],
                &[&now, &then],
                &g,
                &|r| r.value,
                target.parse().ok(),
            )
            .expect("a growth rate");
            rows[0].value
        };
        // 17.6% as written; 16.84–18.37% within the cents
        assert_eq!(value("17"), "17".parse::<Decimal>().expect("decimal"));
        assert_eq!(
            value("25"),
            "18.374558".parse::<Decimal>().expect("decimal")
        );
        assert_eq!(
            value("10"),
            "16.842105".parse::<Decimal>().expect("decimal")
        );
        // a fall written as such
        let down = GrowthLink {
            direction: Direction::Down,
            ..g.clone()
        };
        let rows = growth(&[&now], &[&now, &then], &down, &|r| r.value, None).expect("rate");
        assert_eq!(
            rows[0].value,
            "-17.605634".parse::<Decimal>().expect("decimal")
        );
        // no base a year earlier: said so
        let err = growth(&[&now], &[&now], &g, &|r| r.value, None).expect_err("no base");
        assert!(err.contains("a year earlier"), "{err}");
    }
}
