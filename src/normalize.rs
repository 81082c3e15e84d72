//! Normalized figures: [`Amount`] with its exact [`Value`], ISO [`Currency`],
//! [`Qualifier`] and implied precision.

use crate::error::{Error, ErrorKind};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Active ISO 4217 alphabetic codes (plus XAU/XAG metals), sorted.
const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR",
    "ZMW", "ZWG",
];

/// An ISO 4217 currency code such as `USD` or `CNY`.
///
/// ```
/// use figcheck::Currency;
/// let c: Currency = "usd".parse()?;
/// assert_eq!(c, Currency::USD);
/// assert_eq!(c.code(), "USD");
/// assert!("XYZ".parse::<Currency>().is_err());
/// # Ok::<(), figcheck::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");
    /// Chinese yuan renminbi.
    pub const CNY: Currency = Currency(*b"CNY");
    /// Japanese yen.
    pub const JPY: Currency = Currency(*b"JPY");
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");
    /// Pound sterling.
    pub const GBP: Currency = Currency(*b"GBP");
    /// Hong Kong dollar.
    pub const HKD: Currency = Currency(*b"HKD");
    /// New Taiwan dollar.
    pub const TWD: Currency = Currency(*b"TWD");

    /// Parses an ISO 4217 code, case-insensitively.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownCurrency`] when `code` is not an active ISO 4217 code.
    ///
    /// ```
    /// # use figcheck::Currency;
    /// assert_eq!(Currency::from_code("HKD")?, Currency::HKD);
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn from_code(code: &str) -> Result<Currency, Error> {
        let up = code.trim().to_ascii_uppercase();
        match ISO_4217.binary_search(&up.as_str()) {
            Ok(_) => {
                let b = up.as_bytes();
                Ok(Currency([b[0], b[1], b[2]]))
            }
            Err(_) => Err(Error::new(ErrorKind::UnknownCurrency {
                found: code.to_string(),
            })),
        }
    }

    /// Const constructor for codes known to be valid (used by the keyword tables).
    pub(crate) const fn known(code: &[u8; 3]) -> Currency {
        Currency(*code)
    }

    /// The three-letter code.
    pub fn code(&self) -> &str {
        // Invariant: constructed only from ASCII ISO codes.
        std::str::from_utf8(&self.0).expect("currency codes are ASCII")
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::from_code(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// An amount of money in a currency.
    Money,
    /// A percentage ("90%", "百分之九十") or, with [`Amount::points`], percentage points.
    Percent,
}

/// The direction of a bound stated by a qualifier ("超过", "less than").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Bound {
    /// The true figure is above (or at least) the written one: 超过, 逾, more than.
    Lower,
    /// The true figure is below (or at most) the written one: 不到, 低于, less than.
    Upper,
}

/// How a figure is hedged. Never dropped: a claim's qualifier is part of what
/// it asserts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Qualifier {
    /// 约, about, around, 左右: the figure is approximate.
    pub approx: bool,
    /// 超过 / 不到 / more than / up to: the figure is a bound.
    pub bound: Option<Bound>,
    /// For a bound: whether the written figure itself is included
    /// (至少, at least, up to, 以上) or excluded (超过, more than, 不到).
    pub inclusive: bool,
    /// 远低于, well under: the bound is far from the figure.
    pub strong: bool,
}

impl Qualifier {
    /// True when no qualifier was written.
    pub fn is_none(&self) -> bool {
        *self == Qualifier::default()
    }

    /// A short English label: `exact`, `approx`, `lower_bound`, `upper_bound`,
    /// `strong_upper_bound`, combined with `approx_` when both apply.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.approx {
            s.push_str("approx");
        }
        if let Some(b) = self.bound {
            if !s.is_empty() {
                s.push('_');
            }
            if self.strong {
                s.push_str("strong_");
            }
            s.push_str(match b {
                Bound::Lower => "lower_bound",
                Bound::Upper => "upper_bound",
            });
        }
        if s.is_empty() {
            s.push_str("exact");
        }
        s
    }
}

/// The numeric value of a figure: one point, or an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Value {
    /// A single figure, such as 5000亿 = 500000000000.
    Point(Decimal),
    /// A range such as "$5-10 billion" or a vague amount such as 数百亿.
    /// Ends are inclusive; `None` means unbounded on that side.
    Interval {
        /// Lower end, if any.
        min: Option<Decimal>,
        /// Upper end, if any.
        max: Option<Decimal>,
    },
}

/// Exact decimal text: a point as itself ("25000000000"), an interval as
/// its ends ("5000000000–10000000000", "≥ 100", "≤ 2000000000").
///
/// ```
/// use figcheck::Value;
/// let v = Value::Point("2.50".parse().unwrap());
/// assert_eq!(v.to_string(), "2.5");
/// let r = Value::Interval { min: Some(5.into()), max: Some(10.into()) };
/// assert_eq!(r.to_string(), "5–10");
/// ```
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = |x: &Decimal| x.normalize().to_string();
        match self {
            Value::Point(x) => f.write_str(&d(x)),
            Value::Interval {
                min: Some(a),
                max: Some(b),
            } => write!(f, "{}–{}", d(a), d(b)),
            Value::Interval {
                min: Some(a),
                max: None,
            } => write!(f, "≥ {}", d(a)),
            Value::Interval {
                min: None,
                max: Some(b),
            } => write!(f, "≤ {}", d(b)),
            Value::Interval {
                min: None,
                max: None,
            } => f.write_str("any"),
        }
    }
}

impl Value {
    /// The point value, if this is a point.
    pub fn point(&self) -> Option<Decimal> {
        match self {
            Value::Point(v) => Some(*v),
            Value::Interval { .. } => None,
        }
    }

    /// Lower end of an interval (`None` for a point or an open end).
    pub fn min(&self) -> Option<Decimal> {
        match self {
            Value::Point(_) => None,
            Value::Interval { min, .. } => *min,
        }
    }

    /// Upper end of an interval (`None` for a point or an open end).
    pub fn max(&self) -> Option<Decimal> {
        match self {
            Value::Point(_) => None,
            Value::Interval { max, .. } => *max,
        }
    }
}

/// A normalized figure: exact value, kind, currency, qualifier and precision.
///
/// `Amount` also parses a single figure from a string, rejecting leftover input:
///
/// ```
/// use figcheck::{Amount, Currency};
/// let a: Amount = "约 250 亿美元".parse()?;
/// assert_eq!(a.value().point(), Some("25000000000".parse().unwrap()));
/// assert_eq!(a.currency(), Some(Currency::USD));
/// assert!(a.qualifier().approx);
/// assert_eq!(a.precision(), "100000000".parse().unwrap());
/// assert!("250 亿美元 and more".parse::<Amount>().is_err());
/// # Ok::<(), figcheck::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Amount {
    pub(crate) kind: Kind,
    pub(crate) value: Value,
    pub(crate) currency: Option<Currency>,
    pub(crate) qualifier: Qualifier,
    pub(crate) precision: Decimal,
    pub(crate) points: bool,
    /// A decimal point was written (its trailing zeros are significant).
    pub(crate) decimal: bool,
}

impl Amount {
    /// Money or percent.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The exact, fully expanded value ("5000亿" = 500000000000).
    pub fn value(&self) -> Value {
        self.value
    }

    /// The ISO currency of a money amount; `None` for percentages, and for
    /// money written with a name several currencies share ("pesos", 比索)
    /// when the document names none of their countries.
    pub fn currency(&self) -> Option<Currency> {
        self.currency
    }

    /// The qualifier written with the figure.
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// Place value of the last written digit, in the same unit as the value:
    /// "250 亿" → 100000000, "$1.5 billion" → 100000000, "0.25%" → 0.01.
    pub fn precision(&self) -> Decimal {
        self.precision
    }

    /// Whether a money figure is the size of a per-share figure: rounded to
    /// less than ten thousand units ("US$1.67" and "每股0.1美元" are; "US$45.4
    /// billion" is not).
    pub(crate) fn per_share_sized(&self) -> bool {
        self.precision < Decimal::from(10_000)
    }

    /// For a percent: true when written as percentage points (个百分点).
    pub fn points(&self) -> bool {
        self.points
    }

    /// The unit the figure was rounded to, for verification: the precision,
    /// widened over trailing zeros of a whole number, which are not
    /// significant ("250 亿" → 10亿, so it covers 245–255 亿; "5000亿" →
    /// 1000亿), while written decimals are ("2.50亿" → 0.01亿).
    ///
    /// ```
    /// use figcheck::Amount;
    /// let a: Amount = "250 亿美元".parse()?;
    /// assert_eq!(a.precision().to_string(), "100000000");
    /// assert_eq!(a.rounding_unit().to_string(), "1000000000");
    /// let b: Amount = "2.50亿美元".parse()?;
    /// assert_eq!(b.rounding_unit(), b.precision());
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn rounding_unit(&self) -> Decimal {
        let p = self.precision;
        if self.decimal || p.is_zero() {
            return p;
        }
        let widen = |v: Decimal| {
            let Some(mut m) = v.abs().checked_div(p).map(|m| m.trunc()) else {
                return p;
            };
            let mut unit = p;
            while !m.is_zero() && (m % Decimal::TEN).is_zero() {
                m /= Decimal::TEN;
                match unit.checked_mul(Decimal::TEN) {
                    Some(u) => unit = u,
                    None => break,
                }
            }
            unit
        };
        match self.value {
            Value::Point(v) => widen(v),
            // a range is as fine as its finer end ("$5-10 billion" → 1 billion)
            Value::Interval { min, max } => [min, max]
                .into_iter()
                .flatten()
                .map(widen)
                .min()
                .unwrap_or(p),
        }
    }
}

impl FromStr for Amount {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::extract::parse_amount(s)
    }
}

/// The ISO 4217 codes figcheck knows, sorted.
pub(crate) fn iso_codes() -> impl Iterator<Item = &'static str> {
    ISO_4217.iter().copied()
}
