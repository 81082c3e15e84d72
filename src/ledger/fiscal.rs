//! Periods of reported figures: how long a span is (a quarter, a half, nine
//! months, a year) and a company's fiscal calendar.
//!
//! Spans are classed by their length in days (`end − start + 1`), wide
//! enough for 52/53-week calendars: a quarter is 84–98 days (91 or 98 in a
//! 53-week quarter), a half 175–189, nine months 266–280, a year 357–371.
//!
//! A company's fiscal calendar comes from the ends of its annual spans
//! (NVIDIA's fiscal 2026 ends 2026-01-25, Apple's fiscal 2025 on
//! 2025-09-27). From them a rule is recognised, so that years not in the
//! ledger are known too:
//! - the last given weekday of a month (NVIDIA: the last Sunday of January;
//!   Apple: the last Saturday of September);
//! - the given weekday nearest the end of a month (Marvell: the Saturday
//!   nearest January 31, which may fall on February 1);
//! - the last day of a month (calendar years, June 30, March 31);
//! - otherwise only the year ends seen, each year stepping 52 weeks.
//!
//! A fiscal year is named by the calendar year in which it ends, except a
//! year that ends in the first seven days of January, which is named by the
//! year before (J&J's year "ending" 2022-01-02 is its fiscal 2021). The
//! facts' own `fy`/`fp` are never used: they describe the filing, not the
//! fact.

use crate::date::{Date, days_in_month};
use serde::Serialize;

/// How long a reported figure's period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Length {
    /// A point in time (a balance-sheet figure): no start.
    Instant,
    /// 84–98 days.
    Quarter,
    /// 175–189 days.
    Half,
    /// 266–280 days.
    NineMonths,
    /// 357–371 days.
    Year,
    /// Any other span.
    Other,
}

impl Length {
    /// The class of the span from `start` (none for an instant) to `end`,
    /// both included.
    ///
    /// ```
    /// use figcheck::ledger::Length;
    /// let d = |s: &str| s.parse::<figcheck::Date>().unwrap();
    /// assert_eq!(Length::of(Some(d("2024-04-29")), d("2024-07-28")), Length::Quarter);
    /// assert_eq!(Length::of(Some(d("2020-01-27")), d("2021-01-31")), Length::Year);
    /// assert_eq!(Length::of(None, d("2025-01-26")), Length::Instant);
    /// ```
    pub fn of(start: Option<Date>, end: Date) -> Length {
        let Some(start) = start else {
            return Length::Instant;
        };
        match end.ordinal() - start.ordinal() + 1 {
            84..=98 => Length::Quarter,
            175..=189 => Length::Half,
            266..=280 => Length::NineMonths,
            357..=371 => Length::Year,
            _ => Length::Other,
        }
    }

    /// "quarter", "half year", "nine months", "year", "instant", "other span".
    pub fn label(self) -> &'static str {
        match self {
            Length::Instant => "instant",
            Length::Quarter => "quarter",
            Length::Half => "half year",
            Length::NineMonths => "nine months",
            Length::Year => "year",
            Length::Other => "other span",
        }
    }

    /// The number of fiscal quarters the span covers (an instant: 0).
    pub fn quarters(self) -> Option<u8> {
        match self {
            Length::Instant => Some(0),
            Length::Quarter => Some(1),
            Length::Half => Some(2),
            Length::NineMonths => Some(3),
            Length::Year => Some(4),
            Length::Other => None,
        }
    }
}

impl std::fmt::Display for Length {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Where a period sits in its company's fiscal calendar: the fiscal year,
/// and the fiscal quarter in which the period ends (1–4). With the period's
/// [`Length`] this names it: a quarter ending in Q3 is "Q3", a half ending
/// in Q2 is "H1", nine months ending in Q3 are "9M", a year is "FY".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Fiscal {
    /// The fiscal year, named by the calendar year it ends in (see the
    /// module docs for early-January ends).
    pub year: i32,
    /// The fiscal quarter the period ends in, 1–4.
    pub quarter: u8,
}

impl Fiscal {
    /// "FY2017 Q3", "FY2017 H1", "FY2017 9M", "FY2017", "FY2017 Q3 end"
    /// (an instant), for a period of `length`.
    pub fn name(self, length: Length) -> String {
        let y = self.year;
        let q = self.quarter;
        match length {
            Length::Year => format!("FY{y}"),
            Length::Quarter => format!("FY{y} Q{q}"),
            Length::Half => format!("FY{y} H{}", q.div_ceil(2)),
            Length::NineMonths => format!("FY{y} 9M"),
            Length::Instant => format!("FY{y} Q{q} end"),
            Length::Other => format!("FY{y} (to Q{q})"),
        }
    }
}

/// The rule a company's fiscal years follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// The last `weekday` (0 = Monday) of `month`.
    LastWeekday { month: u32, weekday: u32 },
    /// The `weekday` nearest the last day of `month`.
    NearestWeekday { month: u32, weekday: u32 },
    /// The last day of `month`.
    MonthEnd { month: u32 },
    /// No rule: only the year ends seen.
    Seen,
}

/// A company's fiscal calendar, recognised from the ends of its fiscal years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// Year ends seen, sorted, distinct.
    seen: Vec<Date>,
    rule: Rule,
    /// Quarter ends seen, sorted, distinct (they place the extra week of a
    /// 53-week year, which Apple puts in the first quarter and NVIDIA in
    /// the fourth).
    quarter_ends: Vec<Date>,
}

/// 0 = Monday … 6 = Sunday.
fn weekday(d: Date) -> u32 {
    // ordinal 0 is 0000-03-01 or similar; calibrate on a known Monday
    let monday: i64 = Date::new(2024, 1, 1).map_or(0, |m| m.ordinal());
    (d.ordinal() - monday).rem_euclid(7) as u32
}

fn date(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// The day `n` days after `d` (before, for negative `n`).
pub(crate) fn add_days(d: Date, n: i64) -> Date {
    let target = d.ordinal() + n;
    // walk from the year's start: a few steps at most
    let mut y = d.year() + (n / 366) as i32;
    loop {
        let Some(jan1) = date(y, 1, 1) else {
            return d;
        };
        if jan1.ordinal() > target {
            y -= 1;
            continue;
        }
        let Some(next) = date(y + 1, 1, 1) else {
            return d;
        };
        if next.ordinal() <= target {
            y += 1;
            continue;
        }
        let mut left = target - jan1.ordinal();
        for m in 1..=12 {
            let len = days_in_month(y, m) as i64;
            if left < len {
                return date(y, m, left as u32 + 1).unwrap_or(d);
            }
            left -= len;
        }
        return d;
    }
}

impl Calendar {
    /// The calendar of a company whose fiscal years end on `ends` (any
    /// order, repeats allowed); `None` when there is none.
    ///
    /// ```
    /// use figcheck::ledger::Calendar;
    /// let d = |s: &str| s.parse::<figcheck::Date>().unwrap();
    /// let nvidia = Calendar::from_year_ends([d("2025-01-26"), d("2024-01-28")]).unwrap();
    /// // the last Sunday of January: fiscal 2027 has 53 weeks
    /// assert_eq!(nvidia.year_end(2027), Some(d("2027-01-31")));
    /// assert_eq!(nvidia.fiscal_year_of(d("2026-01-25")), Some(2026));
    /// ```
    pub fn from_year_ends(ends: impl IntoIterator<Item = Date>) -> Option<Calendar> {
        let mut seen: Vec<Date> = ends.into_iter().collect();
        seen.sort();
        seen.dedup();
        // two ends less than ten months apart are not both year ends (a
        // change of fiscal year, or a stray span): keep the later
        let mut kept: Vec<Date> = Vec::with_capacity(seen.len());
        for d in seen {
            if let Some(last) = kept.last() {
                if d.ordinal() - last.ordinal() < 300 {
                    kept.pop();
                }
            }
            kept.push(d);
        }
        let seen = kept;
        let first = *seen.first()?;
        let rule = Calendar::recognise(&seen, first);
        Some(Calendar {
            seen,
            rule,
            quarter_ends: Vec::new(),
        })
    }

    /// The same calendar, knowing the ends of quarters seen in the filings.
    pub fn with_quarter_ends(mut self, ends: impl IntoIterator<Item = Date>) -> Calendar {
        self.quarter_ends.extend(ends);
        self.quarter_ends.sort();
        self.quarter_ends.dedup();
        self
    }

    /// A quarter end seen within 10 days of `estimate`.
    fn seen_quarter_end(&self, estimate: Date) -> Option<Date> {
        let k = self
            .quarter_ends
            .partition_point(|e| *e < add_days(estimate, -10));
        self.quarter_ends
            .get(k)
            .copied()
            .filter(|e| e.ordinal() - estimate.ordinal() <= 10)
    }

    fn recognise(seen: &[Date], first: Date) -> Rule {
        let month_end = |d: Date| d.day() == days_in_month(d.year(), d.month());
        if seen
            .iter()
            .all(|d| d.month() == first.month() && month_end(*d))
        {
            return Rule::MonthEnd {
                month: first.month(),
            };
        }
        let wd = weekday(first);
        if seen.iter().all(|d| weekday(*d) == wd) {
            let last_of = |d: Date| d.day() + 7 > days_in_month(d.year(), d.month());
            if seen
                .iter()
                .all(|d| d.month() == first.month() && last_of(*d))
            {
                return Rule::LastWeekday {
                    month: first.month(),
                    weekday: wd,
                };
            }
            // nearest the end of a month: within three days of it
            let month = if first.day() <= 3 {
                if first.month() == 1 {
                    12
                } else {
                    first.month() - 1
                }
            } else {
                first.month()
            };
            let near = |d: Date| {
                let y = if month == 12 && d.month() == 1 {
                    d.year() - 1
                } else {
                    d.year()
                };
                date(y, month, days_in_month(y, month))
                    .is_some_and(|e| (d.ordinal() - e.ordinal()).abs() <= 3)
            };
            if seen.iter().all(|d| near(*d)) {
                return Rule::NearestWeekday { month, weekday: wd };
            }
        }
        Rule::Seen
    }

    /// The year end the rule gives in the calendar year around `y` (for
    /// [`Rule::NearestWeekday`] with December, the end may fall in the
    /// first days of `y + 1`).
    fn rule_end(&self, y: i32) -> Option<Date> {
        match self.rule {
            Rule::MonthEnd { month } => date(y, month, days_in_month(y, month)),
            Rule::LastWeekday { month, weekday: w } => {
                let last = date(y, month, days_in_month(y, month))?;
                let back = (weekday(last) + 7 - w) % 7;
                Some(add_days(last, -(back as i64)))
            }
            Rule::NearestWeekday { month, weekday: w } => {
                let last = date(y, month, days_in_month(y, month))?;
                let back = (weekday(last) + 7 - w) % 7;
                Some(if back <= 3 {
                    add_days(last, -(back as i64))
                } else {
                    add_days(last, (7 - back) as i64)
                })
            }
            Rule::Seen => None,
        }
    }

    /// The name of the fiscal year that ends on `end`.
    fn name_of(end: Date) -> i32 {
        if end.month() == 1 && end.day() <= 7 {
            end.year() - 1
        } else {
            end.year()
        }
    }

    /// The year end on or after `d` that closes the fiscal year holding `d`.
    pub fn year_end_on_or_after(&self, d: Date) -> Option<Date> {
        if self.rule == Rule::Seen {
            // the first seen end on or after d, or one stepped 52 weeks
            // from the nearest seen end
            if let Some(e) = self.seen.iter().find(|e| **e >= d) {
                // a gap of years between seen ends: step back from it
                let mut e = *e;
                while add_days(e, -364) >= d {
                    e = add_days(e, -364);
                }
                return Some(e);
            }
            let mut e = *self.seen.last()?;
            while e < d {
                e = add_days(e, 364);
            }
            return Some(e);
        }
        for y in [d.year() - 1, d.year(), d.year() + 1] {
            if let Some(e) = self.rule_end(y) {
                if e >= d {
                    return Some(e);
                }
            }
        }
        None
    }

    /// The last day of fiscal year `fy`.
    pub fn year_end(&self, fy: i32) -> Option<Date> {
        // the end is in calendar year fy (or the first days of fy + 1)
        let probe = date(fy, 1, 8)?;
        let e = self.year_end_on_or_after(probe)?;
        (Calendar::name_of(e) == fy).then_some(e)
    }

    /// The first and last day of fiscal year `fy`.
    pub fn year(&self, fy: i32) -> Option<(Date, Date)> {
        let end = self.year_end(fy)?;
        let prev = self.year_end(fy - 1)?;
        Some((add_days(prev, 1), end))
    }

    /// The first and last day of quarter `q` (1–4) of fiscal year `fy`: a
    /// quarter is 13 weeks in a 52/53-week calendar (the fourth takes the
    /// extra week) and three months in a month-end calendar.
    pub fn quarter(&self, fy: i32, q: u8) -> Option<(Date, Date)> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let (start, end) = self.year(fy)?;
        if let Rule::MonthEnd { .. } = self.rule {
            let months = |n: u32| {
                let m0 = start.month() - 1 + n;
                let y = start.year() + (m0 / 12) as i32;
                date(y, m0 % 12 + 1, 1)
            };
            let s = months(3 * (q as u32 - 1))?;
            let e = if q == 4 {
                end
            } else {
                add_days(months(3 * q as u32)?, -1)
            };
            return Some((s, e));
        }
        // the end of quarter n (0 = the day before the year), as seen in
        // the filings or as 13 weeks a quarter
        let end_of = |n: u8| -> Date {
            match n {
                0 => add_days(start, -1),
                4 => end,
                _ => {
                    let estimate = add_days(start, 91 * n as i64 - 1);
                    self.seen_quarter_end(estimate).unwrap_or(estimate)
                }
            }
        };
        Some((add_days(end_of(q - 1), 1), end_of(q)))
    }

    /// The fiscal year that holds `d`.
    pub fn fiscal_year_of(&self, d: Date) -> Option<i32> {
        self.year_end_on_or_after(d).map(Calendar::name_of)
    }

    /// Where a period ending on `end` sits: its fiscal year and the fiscal
    /// quarter it ends in.
    pub fn fiscal(&self, end: Date) -> Option<Fiscal> {
        let ye = self.year_end_on_or_after(end)?;
        let year = Calendar::name_of(ye);
        let start = match self.year(year) {
            Some((s, _)) => s,
            None => add_days(ye, -363),
        };
        let days = end.ordinal() - start.ordinal() + 1;
        if days <= 0 {
            return None;
        }
        // quarters of ~91 days; an end up to 10 days past a quarter's end
        // (a 53-week quarter, a month-end calendar) still belongs to it
        let q = ((days - 10).max(1) + 90) / 91;
        Some(Fiscal {
            year,
            quarter: q.clamp(1, 4) as u8,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("a date")
    }

    #[test]
    fn lengths() {
        let l = |a: &str, b: &str| Length::of(Some(d(a)), d(b));
        assert_eq!(l("2024-04-29", "2024-07-28"), Length::Quarter);
        assert_eq!(l("2024-01-29", "2024-07-28"), Length::Half);
        assert_eq!(l("2024-01-29", "2024-10-27"), Length::NineMonths);
        assert_eq!(l("2024-01-29", "2025-01-26"), Length::Year);
        assert_eq!(l("2020-01-27", "2021-01-31"), Length::Year); // 53 weeks
        assert_eq!(l("2020-10-26", "2021-01-31"), Length::Quarter); // 14 weeks
        assert_eq!(l("2024-01-01", "2024-01-31"), Length::Other);
        assert_eq!(l("2024-01-01", "2024-12-31"), Length::Year);
        assert_eq!(Length::of(None, d("2024-12-31")), Length::Instant);
    }

    #[test]
    fn add_days_crosses_months_and_years() {
        assert_eq!(add_days(d("2024-02-28"), 1), d("2024-02-29"));
        assert_eq!(add_days(d("2024-12-31"), 1), d("2025-01-01"));
        assert_eq!(add_days(d("2025-01-01"), -1), d("2024-12-31"));
        assert_eq!(add_days(d("2025-01-26"), 364), d("2026-01-25"));
        assert_eq!(add_days(d("2025-01-26"), -3653), d("2015-01-26"));
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(d("2024-01-01")), 0);
        assert_eq!(weekday(d("2025-01-26")), 6); // a Sunday
        assert_eq!(weekday(d("2017-09-30")), 5); // a Saturday
        assert_eq!(weekday(d("1999-12-31")), 4); // a Friday
    }

    #[test]
    fn nvidia_last_sunday_of_january() {
        let c = Calendar::from_year_ends([d("2024-01-28"), d("2025-01-26"), d("2021-01-31")])
            .expect("a calendar");
        assert_eq!(
            c.rule,
            Rule::LastWeekday {
                month: 1,
                weekday: 6
            }
        );
        assert_eq!(c.year_end(2026), Some(d("2026-01-25")));
        assert_eq!(c.year_end(2027), Some(d("2027-01-31")));
        assert_eq!(c.year(2021), Some((d("2020-01-27"), d("2021-01-31"))));
        // the quarter ended 2024-07-28 is Q2 of fiscal 2025
        assert_eq!(
            c.fiscal(d("2024-07-28")),
            Some(Fiscal {
                year: 2025,
                quarter: 2
            })
        );
        assert_eq!(
            c.fiscal(d("2025-01-26")),
            Some(Fiscal {
                year: 2025,
                quarter: 4
            })
        );
        assert_eq!(c.quarter(2025, 2), Some((d("2024-04-29"), d("2024-07-28"))));
        assert_eq!(c.quarter(2021, 4), Some((d("2020-10-26"), d("2021-01-31"))));
    }

    #[test]
    fn apple_last_saturday_of_september() {
        let c = Calendar::from_year_ends([d("2017-09-30"), d("2016-09-24"), d("2025-09-27")])
            .expect("a calendar");
        // a 53-week year: without the quarters seen, 13 weeks a quarter
        assert_eq!(c.quarter(2017, 3), Some((d("2017-03-26"), d("2017-06-24"))));
        // Apple's fiscal 2017 put the extra week in its first quarter
        let c = c.with_quarter_ends([d("2016-12-31"), d("2017-04-01"), d("2017-07-01")]);
        assert_eq!(c.year(2017), Some((d("2016-09-25"), d("2017-09-30"))));
        assert_eq!(c.quarter(2017, 3), Some((d("2017-04-02"), d("2017-07-01"))));
        assert_eq!(
            c.fiscal(d("2017-07-01")),
            Some(Fiscal {
                year: 2017,
                quarter: 3
            })
        );
        assert_eq!(c.fiscal_year_of(d("2017-10-01")), Some(2018));
    }

    #[test]
    fn calendar_years_and_early_january_ends() {
        let c = Calendar::from_year_ends([d("2023-12-31"), d("2024-12-31")]).expect("a calendar");
        assert_eq!(c.rule, Rule::MonthEnd { month: 12 });
        assert_eq!(c.quarter(2024, 2), Some((d("2024-04-01"), d("2024-06-30"))));
        assert_eq!(c.quarter(2024, 4), Some((d("2024-10-01"), d("2024-12-31"))));
        assert_eq!(
            c.fiscal(d("2024-09-30")),
            Some(Fiscal {
                year: 2024,
                quarter: 3
            })
        );
        // the Sunday nearest December 31 (J&J-like): 2022-01-02 ends fiscal 2021
        let c = Calendar::from_year_ends([d("2022-01-02"), d("2023-01-01"), d("2023-12-31")])
            .expect("a calendar");
        assert_eq!(
            c.rule,
            Rule::NearestWeekday {
                month: 12,
                weekday: 6
            }
        );
        assert_eq!(c.fiscal_year_of(d("2021-12-01")), Some(2021));
        assert_eq!(c.year_end(2021), Some(d("2022-01-02")));
        assert_eq!(c.year_end(2024), Some(d("2024-12-29")));
        // Marvell: the Saturday nearest January 31
        let c = Calendar::from_year_ends([d("2025-02-01"), d("2026-01-31")]).expect("a calendar");
        assert_eq!(c.year_end(2024), Some(d("2024-02-03")));
        assert_eq!(c.fiscal_year_of(d("2025-01-31")), Some(2025));
    }

    #[test]
    fn names() {
        let f = Fiscal {
            year: 2017,
            quarter: 3,
        };
        assert_eq!(f.name(Length::Quarter), "FY2017 Q3");
        assert_eq!(f.name(Length::NineMonths), "FY2017 9M");
        assert_eq!(
            Fiscal {
                year: 2017,
                quarter: 2
            }
            .name(Length::Half),
            "FY2017 H1"
        );
        assert_eq!(
            Fiscal {
                year: 2017,
                quarter: 4
            }
            .name(Length::Year),
            "FY2017"
        );
    }
}
