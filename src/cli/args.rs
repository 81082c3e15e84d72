//! Raw command-line flags, as clap parses them. Nothing here is validated
//! beyond syntax: `config.rs` turns these into a `Config`.

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Finds money figures and percentages in Chinese, English and mixed news text,
/// and fact-checks them against a ledger of reported figures.
#[derive(Debug, Parser)]
#[command(name = "figcheck", version, propagate_version = true)]
#[command(after_help = "\
Exit status: 0 on success (for check: no claim contradicted), 1 when check finds a \
contradicted claim, 2 on any error (bad input, unreadable file, usage); an error wins \
over 1.")]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands. Each one has its own flags struct.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every money figure and percentage found in the input.
    Extract(ExtractArgs),
    /// Check every figure against a ledger: consistent, contradicted or unverifiable.
    Check(CheckArgs),
}

impl Command {
    /// The output flags of whichever subcommand.
    pub fn output(&self) -> &OutputArgs {
        match self {
            Command::Extract(a) => &a.output,
            Command::Check(a) => &a.output,
        }
    }
}

/// Flags of `figcheck extract`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "\
With --input jsonl, each line is a JSON object such as {\"id\": 7, \"text\": \"...\"}; \
other fields are ignored, blank lines are skipped, and one JSON line is written per \
document. Errors in one document are reported on stderr and do not stop the others; \
the exit status is then 2.")]
pub struct ExtractArgs {
    /// Input files; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output format [default: text, or json with --input jsonl].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,

    /// What each input holds: one plain-text document, or JSON Lines documents.
    #[arg(long, value_enum, value_name = "KIND", default_value_t = InputArg::Text)]
    pub input: InputArg,

    /// The currency meant by ambiguous marks ($, dollars, ¥, 元, 块), as an ISO 4217 code.
    #[arg(long, value_name = "CODE")]
    pub currency_hint: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Flags of `figcheck check`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "\
Exit status: 0 when no claim is contradicted, 1 when some claim is contradicted, 2 on any \
error (a bad ledger, aliases or FX file, an unreadable article, a bad JSON line, usage); an \
error wins over 1. The ledger, aliases and FX files are checked before any article is read: \
every bad row is reported with its file, line and column, and nothing is checked.

With --input jsonl, each line is a JSON object such as \
{\"id\": 7, \"text\": \"...\", \"date\": \"2025-01-21\"}; \"date\" is optional and \
overrides --date for that document. One JSON line is written per document, in input order.")]
pub struct CheckArgs {
    /// Articles to check; `-` or none reads standard input.
    #[arg(value_name = "ARTICLE")]
    pub files: Vec<PathBuf>,

    /// The ledger of reported figures (CSV: entity, metric, period, value, unit[, scale, source, note]).
    #[arg(long, value_name = "FILE")]
    pub ledger: PathBuf,

    /// Other names of the ledger's entities and metrics (CSV: kind, alias, canonical).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// FX rates for claims in another currency than the ledger's (CSV: date, base, quote, rate).
    #[arg(long, value_name = "FILE")]
    pub fx: Option<PathBuf>,

    /// The article date (YYYY-MM-DD), for "now", "last year" and undated claims
    /// [default: a dateline found in the text].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// How far an approximate claim may be off: a fraction (0.05) or a percentage (5%)
    /// [default: 0.10].
    #[arg(long, value_name = "T", allow_negative_numbers = true)]
    pub tolerance: Option<String>,

    /// Output format [default: text, or json with --input jsonl].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,

    /// What each input holds: one plain-text document, or JSON Lines documents.
    #[arg(long, value_enum, value_name = "KIND", default_value_t = InputArg::Text)]
    pub input: InputArg,

    /// The currency meant by ambiguous marks ($, dollars, ¥, 元, 块), as an ISO 4217 code.
    #[arg(long, value_name = "CODE")]
    pub currency_hint: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Output flags shared by every subcommand.
#[derive(Debug, ClapArgs)]
pub struct OutputArgs {
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to color text output (JSON is never colored).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Print nothing, not even errors; only the exit status tells the result.
    #[arg(short, long, conflicts_with = "output")]
    pub quiet: bool,
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// For reading: a table per input (extract), each claim with its verdict (check).
    Text,
    /// One JSON object per document (JSON Lines).
    Json,
}

/// `--input`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// Each input is one document.
    Text,
    /// Each line of each input is a JSON document with a string "text".
    Jsonl,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Color only on a terminal, with NO_COLOR unset and TERM not "dumb".
    Auto,
    /// Always color text output.
    Always,
    /// Never color.
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn defaults() {
        let a = Args::try_parse_from(["figcheck", "extract"]).expect("valid arguments");
        let Command::Extract(e) = a.command else {
            panic!("parsed as extract")
        };
        assert!(e.files.is_empty());
        assert_eq!(e.format, None);
        assert_eq!(e.input, InputArg::Text);
        assert_eq!(e.output.color, ColorArg::Auto);
        assert!(!e.output.quiet);
    }

    #[test]
    fn check_needs_a_ledger() {
        let e = Args::try_parse_from(["figcheck", "check", "a.txt"]).expect_err("no --ledger");
        assert_eq!(e.kind(), clap::error::ErrorKind::MissingRequiredArgument);
        let a = Args::try_parse_from(["figcheck", "check", "a.txt", "--ledger", "l.csv"])
            .expect("valid arguments");
        let Command::Check(c) = a.command else {
            panic!("parsed as check")
        };
        assert_eq!(c.ledger, PathBuf::from("l.csv"));
        assert_eq!(
            (c.aliases, c.fx, c.date, c.tolerance),
            (None, None, None, None)
        );
        assert_eq!(c.format, None);
    }

    #[test]
    fn quiet_conflicts_with_output() {
        assert!(Args::try_parse_from(["figcheck", "extract", "-q", "-o", "x"]).is_err());
    }

    #[test]
    fn subcommand_is_required() {
        assert!(Args::try_parse_from(["figcheck"]).is_err());
    }
}
