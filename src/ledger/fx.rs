//! Dated FX rates (`date, base, quote, rate`): the latest rate on or before
//! a date, inverted or crossed through a third currency, exact as fractions.

use super::parse_decimal;
use super::table::{Csv, at_line, check_width, lone_cr_to_lf, read_utf8, required, strict};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::normalize::Currency;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// One FX quote: 1 base = `num / den` quote on `date`. Kept as a fraction so
/// an inverted or crossed rate converts exactly (¥3,578,000m at 143.12 is
/// exactly $25bn, not $24,999,999,999.99…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FxQuote {
    /// The date of the rate used (for a cross, the older leg's).
    pub date: Date,
    /// Numerator of the rate.
    #[serde(with = "rust_decimal::serde::str")]
    pub num: Decimal,
    /// Denominator of the rate.
    #[serde(with = "rust_decimal::serde::str")]
    pub den: Decimal,
}

impl FxQuote {
    /// Units of the quote currency per unit of the base currency (rounded to
    /// 28 significant digits when the fraction does not terminate).
    pub fn rate(&self) -> Decimal {
        self.num.checked_div(self.den).unwrap_or(Decimal::ZERO)
    }

    /// Converts an amount of the base currency into the quote currency.
    pub fn convert(&self, value: Decimal) -> Option<Decimal> {
        value.checked_mul(self.num)?.checked_div(self.den)
    }
}

/// An FX row while loading: date, rate and line.
type FxRow = (Date, Decimal, usize);

/// FX rates by date.
#[derive(Clone, Debug, Default)]
pub struct FxRates {
    /// (base, quote) → (date, rate) sorted by date
    rates: HashMap<(Currency, Currency), Vec<(Date, Decimal)>>,
    warnings: Vec<Error>,
}

impl FxRates {
    /// Loads an FX CSV file (`date, base, quote, rate`).
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn load(path: &Path) -> Result<FxRates, crate::error::Errors> {
        let text = read_utf8(path).map_err(|e| crate::error::Errors(vec![e]))?;
        FxRates::from_csv(&text, &path.display().to_string())
    }

    /// Loads an FX CSV file, keeping the good rows when some are bad.
    ///
    /// # Errors
    /// When the file cannot be used at all: every such problem, located.
    pub fn load_partial(path: &Path) -> Result<(FxRates, Vec<Error>), Vec<Error>> {
        let text = read_utf8(path).map_err(|e| vec![e])?;
        FxRates::from_csv_partial(&text, &path.display().to_string())
    }

    /// Parses FX rates from CSV text. Strict: any bad row fails the whole
    /// table.
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn from_csv(text: &str, path: &str) -> Result<FxRates, crate::error::Errors> {
        strict(FxRates::from_csv_partial(text, path))
    }

    /// Parses FX rates from CSV text, keeping every good row and returning an
    /// error for each bad one. Two different rates for the same pair and date
    /// are both left out.
    ///
    /// # Errors
    /// When the file cannot be used at all (empty, a required column missing
    /// or given twice): every such problem, located.
    pub fn from_csv_partial(text: &str, path: &str) -> Result<(FxRates, Vec<Error>), Vec<Error>> {
        let text = &*lone_cr_to_lf(text);
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let Some((csv, mut records)) = Csv::read(
            text,
            path,
            &["date", "base", "quote", "rate"],
            &[],
            &mut errors,
            &mut warnings,
        ) else {
            return Err(super::table::capped(errors, path));
        };
        let mut fx = FxRates::default();
        // (base, quote) → (date, rate, line) of its rows
        let mut rates: HashMap<(Currency, Currency), Vec<FxRow>> = HashMap::new();
        while let Some(at) = records.next(&csv, &mut errors, &mut warnings) {
            let rec = &records.rec;
            let (line, pos) = (at.line, at);
            if !check_width(&csv, rec, pos, &mut errors) {
                continue;
            }
            let date = required(&csv, rec, pos, "date", &mut errors).and_then(|d| {
                match d.parse::<Date>() {
                    Ok(d) => Some(d),
                    Err(e) => {
                        errors.push(csv.at(e.kind().clone(), pos, csv.cols["date"]));
                        None
                    }
                }
            });
            let cur = |name: &str, errors: &mut Vec<Error>| {
                required(&csv, rec, pos, name, errors).and_then(|c| match Currency::from_code(c) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        errors.push(csv.at(e.kind().clone(), pos, csv.cols[name]));
                        None
                    }
                })
            };
            let base = cur("base", &mut errors);
            let quote = cur("quote", &mut errors);
            let rate = required(&csv, rec, pos, "rate", &mut errors).and_then(|r| {
                match parse_decimal(r) {
                    Ok(d) if d > Decimal::ZERO => Some(d),
                    _ => {
                        errors.push(csv.at(
                            ErrorKind::InvalidRate {
                                found: r.to_string(),
                            },
                            pos,
                            csv.cols["rate"],
                        ));
                        None
                    }
                }
            });
            if let (Some(date), Some(base), Some(quote), Some(rate)) = (date, base, quote, rate) {
                rates
                    .entry((base, quote))
                    .or_default()
                    .push((date, rate, line));
            }
        }
        // rows for the same pair and date: one kept when they agree, none
        // when they disagree (as in the ledger)
        let mut reordered = false;
        for ((base, quote), mut v) in rates {
            v.sort_by_key(|&(d, _, line)| (d, line));
            let mut kept: Vec<(Date, Decimal)> = Vec::with_capacity(v.len());
            for run in v.chunk_by(|a, b| a.0 == b.0) {
                let (date, rate, first_line) = run[0];
                if run.len() == 1 {
                    kept.push((date, rate));
                    continue;
                }
                reordered = true;
                let key = format!("{base}/{quote} / {date}");
                if run.iter().all(|r| r.1 == rate) {
                    kept.push((date, rate));
                    for r in &run[1..] {
                        warnings.push(at_line(
                            ErrorKind::RepeatedRow {
                                key: key.clone(),
                                first_line,
                            },
                            path,
                            r.2,
                        ));
                    }
                } else {
                    let lines: Vec<String> = run.iter().map(|r| r.2.to_string()).collect();
                    for r in run {
                        errors.push(at_line(
                            ErrorKind::ConflictingRows {
                                key: key.clone(),
                                lines: lines.join(", "),
                            },
                            path,
                            r.2,
                        ));
                    }
                }
            }
            if !kept.is_empty() {
                fx.rates.insert((base, quote), kept);
            }
        }
        if reordered {
            // the messages in file order
            errors.sort_by_key(|e| e.location().line);
            warnings.sort_by_key(|e| e.location().line);
        }
        fx.warnings = warnings;
        Ok((fx, super::table::capped(errors, path)))
    }

    /// Adds one rate (1 base = rate quote on date).
    pub fn insert(&mut self, date: Date, base: Currency, quote: Currency, rate: Decimal) {
        let v = self.rates.entry((base, quote)).or_default();
        v.push((date, rate));
        v.sort_by_key(|&(d, _)| d);
    }

    /// Problems that did not stop loading.
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }

    /// How many rates the table holds.
    pub fn len(&self) -> usize {
        self.rates.values().map(Vec::len).sum()
    }

    /// Whether the table holds no rate.
    pub fn is_empty(&self) -> bool {
        self.rates.is_empty()
    }

    /// Every currency that appears in the table, sorted.
    pub fn currencies(&self) -> Vec<Currency> {
        let mut v: Vec<Currency> = self.rates.keys().flat_map(|&(a, b)| [a, b]).collect();
        v.sort();
        v.dedup();
        v
    }

    fn direct(&self, base: Currency, quote: Currency, on: Date) -> Option<FxQuote> {
        let fwd = self
            .rates
            .get(&(base, quote))
            .and_then(|v| v.iter().rev().find(|(d, _)| *d <= on))
            .map(|&(date, rate)| FxQuote {
                date,
                num: rate,
                den: Decimal::ONE,
            });
        let inv = self
            .rates
            .get(&(quote, base))
            .and_then(|v| v.iter().rev().find(|(d, _)| *d <= on))
            .map(|&(date, rate)| FxQuote {
                date,
                num: Decimal::ONE,
                den: rate,
            });
        match (fwd, inv) {
            (Some(a), Some(b)) => Some(if b.date > a.date { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// The rate to convert `base` into `quote` on `on`: the latest rate on or
    /// before that date, inverted or crossed through a third currency when
    /// needed (the cross's date is the older of its two legs).
    pub fn rate(&self, base: Currency, quote: Currency, on: Date) -> Option<FxQuote> {
        if base == quote {
            return Some(FxQuote {
                date: on,
                num: Decimal::ONE,
                den: Decimal::ONE,
            });
        }
        if let Some(q) = self.direct(base, quote, on) {
            return Some(q);
        }
        // cross through any currency linked to both, preferring USD
        let mut via: Vec<Currency> = self
            .rates
            .keys()
            .flat_map(|&(a, b)| [a, b])
            .filter(|&c| c != base && c != quote)
            .collect();
        via.sort();
        via.dedup();
        via.sort_by_key(|&c| c != Currency::USD);
        for v in via {
            if let (Some(a), Some(b)) = (self.direct(base, v, on), self.direct(v, quote, on)) {
                // a product too small for 28 decimal places rounds to zero: no rate
                if let (Some(num), Some(den)) = (
                    a.num.checked_mul(b.num).filter(|x| !x.is_zero()),
                    a.den.checked_mul(b.den).filter(|x| !x.is_zero()),
                ) {
                    return Some(FxQuote {
                        date: a.date.min(b.date),
                        num,
                        den,
                    });
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cross_rate_too_small_to_represent_is_no_rate() {
        let fx = FxRates::from_csv(
            "date,base,quote,rate\n2024-09-30,JPY,USD,0.000000000000001\n2024-09-30,USD,EUR,0.000000000000001\n",
            "fx.csv",
        )
        .expect("loads");
        let on: Date = "2024-10-01".parse().expect("a date");
        assert!(fx.rate(Currency::JPY, Currency::EUR, on).is_none());
        assert!(fx.rate(Currency::EUR, Currency::JPY, on).is_none());
        assert!(fx.rate(Currency::JPY, Currency::USD, on).is_some());
    }

    #[test]
    fn rates_inverse_and_cross() {
        let fx = FxRates::from_csv("date,base,quote,rate\n2024-09-30,USD,JPY,143.5\n2024-12-31,USD,JPY,157.2\n2024-09-30,EUR,USD,1.1\n", "fx.csv").expect("loads");
        let d = |s: &str| s.parse::<Date>().expect("date");
        assert_eq!(
            fx.rate(Currency::USD, Currency::JPY, d("2024-10-15"))
                .map(|q| q.rate().to_string()),
            Some("143.5".into())
        );
        assert_eq!(
            fx.rate(Currency::USD, Currency::JPY, d("2025-01-01"))
                .map(|q| q.rate().to_string()),
            Some("157.2".into())
        );
        assert!(
            fx.rate(Currency::USD, Currency::JPY, d("2024-01-01"))
                .is_none()
        );
        let inv = fx
            .rate(Currency::JPY, Currency::USD, d("2024-10-01"))
            .expect("inverse");
        assert_eq!(inv.convert(Decimal::new(1435, 1)), Some(Decimal::ONE));
        let cross = fx
            .rate(Currency::EUR, Currency::JPY, d("2024-10-01"))
            .expect("cross");
        assert_eq!(cross.rate().normalize().to_string(), "157.85");
        let bad = FxRates::from_csv("date,base,quote,rate\n2024-09-30,USD,JPY,-1\n", "fx.csv")
            .expect_err("bad rate");
        assert_eq!(
            bad[0].to_string(),
            "fx.csv:2:20: invalid rate \"-1\": expected a positive decimal"
        );
    }
}
