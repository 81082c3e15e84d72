//! The public numeral function: one Chinese or Arabic numeral string → `Decimal`.

use super::numeral::chinese_numeral;
use crate::error::{Error, ErrorKind, shorten};
use rust_decimal::Decimal;

/// Parses one Chinese or Arabic numeral ("一千二百三十四万五千", "1.5万亿",
/// "三四六億", "5,000") to an exact `Decimal`.
///
/// # Errors
/// [`ErrorKind::Empty`], [`ErrorKind::ExpectedNumber`] when `s` is not a
/// numeral, [`ErrorKind::TrailingInput`] when text follows it, and
/// [`ErrorKind::Overflow`] when it does not fit a `Decimal`.
///
/// ```
/// use figcheck::parse_numeral;
/// assert_eq!(parse_numeral("一千二百三十四万五千")?, "12345000".parse().unwrap());
/// assert_eq!(parse_numeral("1.5万亿")?, "1500000000000".parse().unwrap());
/// # Ok::<(), figcheck::Error>(())
/// ```
pub fn parse_numeral(s: &str) -> Result<Decimal, Error> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Error::new(ErrorKind::Empty));
    }
    let n = chinese_numeral(t).ok_or_else(|| Error::new(ErrorKind::ExpectedNumber { found: shorten(t) }))?;
    if n.overflow {
        return Err(Error::new(ErrorKind::Overflow { text: shorten(t) }));
    }
    if n.len < t.len() {
        return Err(Error::at(ErrorKind::TrailingInput { rest: shorten(&t[n.len..]) }, n.len, t.len()));
    }
    Ok(n.value.normalize())
}
