//! Calendar dates (proleptic Gregorian), enough for ledger periods, FX rate
//! dates and the period expressions of news text.

use crate::error::{Error, ErrorKind};
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date such as 2024-09-30.
///
/// ```
/// use figcheck::Date;
/// let d: Date = "2024-09-30".parse()?;
/// assert_eq!(d.to_string(), "2024-09-30");
/// assert_eq!(Date::end_of_month(2024, 2)?, "2024-02-29".parse()?);
/// # Ok::<(), figcheck::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in `month` of `year` (0 for an invalid month).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A validated date.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidDate`] when the month or day does not exist.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, Error> {
        if !(1..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(Error::new(ErrorKind::InvalidDate {
                found: format!("{year:04}-{month:02}-{day:02}"),
            }));
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The last day of a month.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidDate`] for a month outside 1..=12.
    pub fn end_of_month(year: i32, month: u32) -> Result<Date, Error> {
        Date::new(year, month, days_in_month(year, month).max(1))
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1..=12.
    pub fn month(&self) -> u32 {
        self.month as u32
    }

    /// The day of the month, 1..=31.
    pub fn day(&self) -> u32 {
        self.day as u32
    }

    /// Days since 0000-03-01, for differences between dates.
    pub fn ordinal(&self) -> i64 {
        // days-from-civil (Howard Hinnant)
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let bad = || {
            Error::new(ErrorKind::InvalidDate {
                found: t.to_string(),
            })
        };
        let parts: Vec<&str> = t.split(['-', '/']).collect();
        if parts.len() != 3
            || parts[0].len() != 4
            || parts[1].is_empty()
            || parts[1].len() > 2
            || parts[2].is_empty()
            || parts[2].len() > 2
        {
            return Err(bad());
        }
        if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(bad());
        }
        let y: i32 = parts[0].parse().map_err(|_| bad())?;
        let m: u32 = parts[1].parse().map_err(|_| bad())?;
        let d: u32 = parts[2].parse().map_err(|_| bad())?;
        Date::new(y, m, d).map_err(|_| bad())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // the text of Display without fmt (years are 1..=9999)
        match u16::try_from(self.year) {
            Ok(y) if y <= 9999 => {
                let two = |n: u8| [b'0' + n / 10, b'0' + n % 10];
                let (m, d) = (two(self.month), two(self.day));
                let buf = [
                    b'0' + (y / 1000) as u8,
                    b'0' + (y / 100 % 10) as u8,
                    b'0' + (y / 10 % 10) as u8,
                    b'0' + (y % 10) as u8,
                    b'-',
                    m[0],
                    m[1],
                    b'-',
                    d[0],
                    d[1],
                ];
                // Invariant: ASCII digits and dashes.
                s.serialize_str(std::str::from_utf8(&buf).expect("ASCII"))
            }
            _ => s.collect_str(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_displayed() {
        for (y, m, d) in [
            (1, 1, 1),
            (999, 9, 9),
            (2024, 2, 29),
            (2025, 12, 31),
            (9999, 12, 31),
        ] {
            let date = Date::new(y, m, d).expect("a valid date");
            assert_eq!(
                serde_json::to_string(&date).ok(),
                Some(format!("\"{date}\""))
            );
        }
    }

    #[test]
    fn parses_and_validates() {
        assert_eq!(
            "2024-09-30".parse::<Date>().map(|d| d.to_string()).ok(),
            Some("2024-09-30".into())
        );
        assert_eq!(
            "2024/9/3".parse::<Date>().map(|d| d.to_string()).ok(),
            Some("2024-09-03".into())
        );
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2024-13-01".parse::<Date>().is_err());
        assert!("24-01-01".parse::<Date>().is_err());
        assert!("2024-1x-01".parse::<Date>().is_err());
        let e = "2024-02-30".parse::<Date>().expect_err("invalid");
        assert_eq!(
            e.to_string(),
            "invalid date \"2024-02-30\": expected an ISO date YYYY-MM-DD"
        );
    }

    #[test]
    fn month_ends_and_order() {
        assert_eq!(Date::end_of_month(2024, 2).map(|d| d.day()).ok(), Some(29));
        assert_eq!(Date::end_of_month(2023, 2).map(|d| d.day()).ok(), Some(28));
        let a: Date = "2024-09-30".parse().expect("date");
        let b: Date = "2024-10-01".parse().expect("date");
        assert!(a < b);
        assert_eq!(b.ordinal() - a.ordinal(), 1);
        let c: Date = "2025-01-01".parse().expect("date");
        assert_eq!(
            c.ordinal() - "2024-01-01".parse::<Date>().expect("date").ordinal(),
            366
        );
    }
}
