//! figcheck finds every money figure and percentage in Chinese (simplified
//! and traditional), English and mixed news text, and returns exact,
//! normalized values with byte spans.
//!
//! ```
//! use figcheck::{Extractor, Currency};
//! let text = "OpenAI 将投资 5000 亿美元; Musk: SoftBank has well under $10B secured.";
//! let claims: Vec<_> = Extractor::new().claims(text).collect::<Result<_, _>>()?;
//! assert_eq!(claims[0].text(text), "5000 亿美元");
//! assert_eq!(claims[0].amount().value().point(), Some("500000000000".parse().unwrap()));
//! assert_eq!(claims[1].text(text), "well under $10B");
//! assert_eq!(claims[1].amount().currency(), Some(Currency::USD));
//! assert!(claims[1].amount().qualifier().strong);
//! # Ok::<(), figcheck::Error>(())
//! ```
//!
//! # Vocabulary
//! One word for each thing, in the API and in the JSON:
//! - a **claim** is a money figure or percentage found in a text: a
//!   [`Claim`] (from [`Extractor::claims`]);
//! - a **mention** is a claim as written out, located by line and column:
//!   a [`MentionRecord`], the objects of `figcheck extract`'s `"mentions"`
//!   array (and the first fields of each checked claim);
//! - a **checked claim** is a mention with what `check` found: a
//!   [`ClaimReport`], the objects of the report's `"claims"` array (verdict,
//!   reason, ledger figure, evidence).
//!
//! # Overview
//! - [`Extractor`] scans a text and yields [`Claim`]s: a
//!   [`Span`] and an [`Amount`] with an exact `rust_decimal::Decimal` value
//!   (fully expanded: 5000亿 = 500000000000), an ISO [`Currency`], a
//!   [`Qualifier`] (approximate, bound, strong) and the implied precision.
//! - [`parse_numeral`] reads one Chinese or Arabic numeral; [`Amount`]
//!   implements `FromStr` for one figure.
//!
//! # Grammar
//! A claim is a figure with its currency (or a percent sign), and the words
//! around it that qualify it. In outline (the full grammar, with every rule
//! named as in the code, and the defaults for ambiguous currency marks are in
//! the [`extract`] module):
//!
//! ```text
//! claim     = qualifier? sign? currency? figure currency? subunit? qualifier? (range_sep claim)?
//! figure    = chinese_numeral scale_word? percent?     -- 5000亿, 1.5万亿, 三四六億, 3万4000, 1,100.9
//!           | english_numeral scale_word?               -- five million, thirteen
//!           | "百分之" chinese_numeral                  -- 百分之九十
//! currency  = symbol | ISO code | word                  -- $ US$ HK$ € ¥ | USD RMB | 美元 人民币 元 円 dollars yen
//! qualifier = 约 | 超过 | 不到 | 远低于 | 左右 | 以上 | about | more than | well under | …
//! ```
//!
//! Figures without a currency of their own take one from a range or list
//! partner ("$5-10 billion", "20亿、30亿和470亿美元"); figures with none are not
//! money (years, counts, model names) and are not reported.
//!
//! # Errors
//! Fallible functions return [`Error`], an opaque type with an [`ErrorKind`]
//! and a [`Location`]. Extraction itself never fails on any input; only a
//! figure too large for `Decimal` is reported, as an `Err` item in place of
//! that figure.
//!
//! - [`ledger`] holds the figures of record: hand-written CSV ledgers and SEC
//!   XBRL companyfacts JSON ([`ledger::companyfacts`]: real periods, fiscal
//!   calendars, derived fourth quarters, restatements with their filings),
//!   one file, a directory or the bulk zip ([`LedgerBuilder`]); [`names`]
//!   the built-in metric table; [`Checker`] links every claim and verifies
//!   it ([`verify`]) into a [`Report`].
//!
//! # Features
//! - `cli` (default): the `figcheck` command-line program (clap, anyhow,
//!   html5ever, indicatif, and the `zip` feature). The library needs none of
//!   it: depend on figcheck with `default-features = false` to get only the
//!   library.
//! - `zip` (default): ledgers from SEC's bulk `companyfacts.zip` (the `zip`
//!   crate, deflate only).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod date;
mod derive;
pub mod error;
pub mod extract;
mod fold;
mod hash;
pub mod jsonl;
pub mod ledger;
pub mod link;
pub mod names;
pub mod normalize;
pub mod report;
pub mod span;
pub mod verify;

pub use check::{Checker, Checking, DocId, Limit};
pub use date::Date;
pub use error::{Error, ErrorKind, Errors, Location};
pub use extract::{Claim, Claims, Extractor, ExtractorBuilder, Mention, parse_numeral};
pub use ledger::{
    Alias, AliasKind, Aliases, FxQuote, FxRates, Ledger, LedgerBuilder, LedgerRow, Unit,
};
pub use normalize::{Amount, Bound, Currency, Kind, Qualifier, Value};
pub use report::{ClaimReport, MentionRecord, Report, Summary};
/// The exact decimal type of every figure (re-exported, so that users need
/// not depend on `rust_decimal` to read values).
pub use rust_decimal::Decimal;
pub use span::Span;
pub use verify::{Diagnosis, Finding, Policy, Verdict};
