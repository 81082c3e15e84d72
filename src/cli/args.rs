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
contradicted claim (see check's --fail-on), 2 on any error (bad input, unreadable file, \
usage); an error wins over 1.")]
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
    /// Work with ledgers: `figcheck ledger import` writes filings as a ledger CSV.
    #[command(subcommand)]
    Ledger(LedgerCommand),
    /// List the built-in metric table: each metric, its kind, XBRL concepts and phrasings.
    Metrics(TableArgs),
    /// List the built-in company table: CIK, name, tickers, English and Chinese names.
    Companies(TableArgs),
    /// Serve the web app and HTTP API: paste an article, check it against the ledgers.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
}

/// Flags of `figcheck serve`.
#[cfg(feature = "serve")]
#[derive(Debug, ClapArgs)]
#[command(after_help = "\
The page is at http://ADDR/; the API: GET /api/health, GET /api/ledgers, POST /api/extract \
and POST /api/check with a JSON body such as {\"text\": \"...\", \"date\": \"2025-01-21\", \
\"id\": \"a1\", \"currency_hint\": \"USD\"} (see the README); /api/check answers with the \
JSON document of figcheck check. The ledger, aliases and FX files are read once, at start; \
any problem in them stops the server before it listens. The server reads no other file. \
It stops on Ctrl-C or SIGTERM, after the requests in progress are answered.")]
pub struct ServeArgs {
    /// The ledgers to check with (as for check); may be given several times, and each
    /// one can be chosen on its own.
    #[arg(long, value_name = "FILE", required = true)]
    pub ledger: Vec<PathBuf>,

    /// Other names of the ledger's entities and metrics (CSV: kind, alias, canonical).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// FX rates for claims in another currency than the ledger's (CSV: date, base, quote, rate).
    #[arg(long, value_name = "FILE")]
    pub fx: Option<PathBuf>,

    /// How far an approximate claim may be off: a fraction (0.05) or a percentage (5%)
    /// [default: 0.10].
    #[arg(long, value_name = "T", allow_negative_numbers = true)]
    pub tolerance: Option<String>,

    /// The address to listen on; port 0 picks a free port. The address listened on is
    /// printed on stderr.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: String,

    /// The largest request body accepted, in bytes, or with a K or M suffix (KiB, MiB).
    #[arg(long, value_name = "SIZE", default_value = "10M")]
    pub max_body: String,

    /// How long one request may take, waiting included: 30s, 500ms, 2m.
    #[arg(long, value_name = "DURATION", default_value = "30s")]
    pub time_limit: String,

    /// Checks run at once; more requests wait (within the time limit)
    /// [default: the number of cores].
    #[arg(long, value_name = "N")]
    pub max_checks: Option<usize>,

    /// Also print what each companyfacts file gave (facts read, used, skipped by reason).
    #[arg(short, long)]
    pub verbose: bool,

    /// Print only problems on stderr (not the address, nor notices).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Flags of `figcheck metrics` and `figcheck companies`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "\
The tables are compiled into figcheck; claims link to them with no --aliases (an aliases \
file adds names and wins a name it shares with them). With WORDS, only the rows where some \
name, phrasing, concept, ticker or CIK contains them (case and script folded: \"nvidia\", \
\"輝達\" and \"英伟达\" find NVIDIA) are listed. --format csv writes the table's own CSV.")]
pub struct TableArgs {
    /// Words to look for.
    #[arg(value_name = "WORDS")]
    pub words: Option<String>,

    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = TableFormatArg::Text)]
    pub format: TableFormatArg,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// `figcheck metrics --format` and `figcheck companies --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormatArg {
    /// One block per row, for reading.
    Text,
    /// The table's CSV (header and rows).
    Csv,
}

/// `figcheck ledger …`.
#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Read ledgers (companyfacts JSON, ledger CSV) and write their rows as one
    /// ledger CSV, to inspect, filter and edit.
    Import(ImportArgs),
}

/// Flags of `figcheck ledger import`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "\
Each companyfacts JSON file (SEC's data.sec.gov/api/xbrl/companyfacts/CIK##########.json) \
becomes ledger rows: one per figure (entity, metric, period, unit), with the start of a flow's \
period, its span and fiscal period, the XBRL concept, and the filing (form, accession number, \
filing date, CIK). A figure that later filings changed gives one line per value, oldest first. \
Fourth quarters, never filed as such, are derived as the year minus the nine months and say so \
in the derived column. What each file gave (facts read, used, skipped by reason) is printed on \
stderr. Checking with the CSV gives the same verdicts as checking with the JSON.")]
pub struct ImportArgs {
    /// Ledger files: companyfacts JSON (by the .json extension or by content) or ledger CSV.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

impl Command {
    /// The `-q` flag of whichever subcommand.
    pub fn quiet(&self) -> bool {
        match self {
            Command::Extract(a) => a.output.quiet,
            Command::Check(a) => a.output.quiet,
            Command::Ledger(LedgerCommand::Import(a)) => a.output.quiet,
            Command::Metrics(a) | Command::Companies(a) => a.output.quiet,
            #[cfg(feature = "serve")]
            Command::Serve(a) => a.quiet,
        }
    }
}

/// Flags of `figcheck extract`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "\
Inputs are files and directories. A directory is read recursively, in name order, for \
files ending in .txt, .md, .markdown (plain text), .html, .htm (HTML: the visible text is \
read) and .jsonl, .ndjson (JSON Lines); hidden entries are skipped. A file named on the \
command line is read by its extension too, unless --input says otherwise.

With JSON Lines input, each line is a JSON object such as {\"id\": 7, \"text\": \"...\"}; \
other fields are ignored, blank lines are skipped, and one JSON line is written per \
document. Documents are processed in parallel (-j) and written in input order. Errors in \
one document are reported on stderr and do not stop the others; the exit status is then 2.")]
pub struct ExtractArgs {
    /// Input files and directories; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output format [default: text, or json for JSON Lines input].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,

    /// How to read the files named here and standard input [default: by extension;
    /// standard input is text].
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputArg>,

    /// The currency meant by ambiguous marks ($, dollars, ¥, 元, 块), as an ISO 4217 code.
    #[arg(long, value_name = "CODE")]
    pub currency_hint: Option<String>,

    #[command(flatten)]
    pub corpus: CorpusArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Flags of `figcheck check`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "\
Exit status: 0 when no claim fails (see --fail-on), 1 when some claim is contradicted (or, \
with --fail-on unverifiable, contradicted or unverifiable), 2 on any error (a bad ledger, \
aliases or FX file, an unreadable article, a bad JSON line, usage); an error wins over 1. \
The ledger, aliases and FX files are read before any article: every bad row or fact is \
reported with its file, line and column, and the check goes on with the good ones (exit 2); \
a file that cannot be used at all (unreadable, a required column missing, not companyfacts) \
stops the run. A --ledger may be a ledger CSV, an SEC companyfacts JSON file \
(data.sec.gov/api/xbrl/companyfacts/CIK##########.json), a directory of them or the bulk \
companyfacts.zip; the companies of a directory or zip are read when an article names them. \
With --company, a claim about another entity is unverifiable (\"not checked: about Tesla, \
Inc.; the check was limited to: Apple Inc.\"); a name the ledger does not hold is an error.

Inputs are files and directories, read as for `figcheck extract` (directories recursively, \
by extension: .txt .md .markdown .html .htm .jsonl .ndjson). With JSON Lines input, each \
line is a JSON object such as {\"id\": 7, \"text\": \"...\", \"date\": \"2025-01-21\"}; \
\"date\" is optional and overrides --date for that document. Documents are checked in \
parallel (-j) and reported in input order.")]
pub struct CheckArgs {
    /// Articles to check, files or directories; `-` or none reads standard input.
    #[arg(value_name = "ARTICLE")]
    pub files: Vec<PathBuf>,

    /// The ledger of reported figures: a ledger CSV (entity, metric, period, value, unit[,
    /// start, scale, source, note, …]) or SEC companyfacts JSON; may be given several times.
    #[arg(long, value_name = "FILE", required = true)]
    pub ledger: Vec<PathBuf>,

    /// Also print what each companyfacts file gave (facts read, used, skipped by reason).
    #[arg(short, long)]
    pub verbose: bool,

    /// Check only the claims about this company of the ledger (its name in the ledger,
    /// case and width folded); claims about others are unverifiable. May be given
    /// several times.
    #[arg(long, value_name = "NAME")]
    pub company: Vec<String>,

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

    /// Output format [default: text, or json for JSON Lines input].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormatArg>,

    /// How to read the files named here and standard input [default: by extension;
    /// standard input is text].
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputArg>,

    /// The currency meant by ambiguous marks ($, dollars, ¥, 元, 块), as an ISO 4217 code.
    #[arg(long, value_name = "CODE")]
    pub currency_hint: Option<String>,

    /// Which claims make the exit status 1.
    #[arg(long, value_enum, value_name = "VERDICT", default_value_t = FailOnArg::Contradicted)]
    pub fail_on: FailOnArg,

    #[command(flatten)]
    pub corpus: CorpusArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Flags for many documents, shared by every subcommand.
#[derive(Debug, ClapArgs)]
pub struct CorpusArgs {
    /// Documents processed at once, in as many threads [default: the number of cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// When to end with a summary line on stderr (documents, claims, verdicts, errors,
    /// MB/s); `auto`: when stderr is a terminal.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = WhenArg::Auto)]
    pub summary: WhenArg,
}

/// Output flags shared by every subcommand.
#[derive(Debug, ClapArgs)]
pub struct OutputArgs {
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to color the text format (the other formats are never colored).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// No progress bar, summary line or notices on stderr; the output and
    /// every error are still written.
    #[arg(short, long)]
    pub quiet: bool,

    /// Start CSV output with a UTF-8 byte order mark, for spreadsheets that
    /// need one to read UTF-8 (Excel); CSV output only.
    #[arg(long)]
    pub bom: bool,
}

/// `figcheck extract --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// For reading: a table per document.
    Text,
    /// One JSON object per document (JSON Lines).
    Json,
}

/// `figcheck check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    /// For reading: each claim with its verdict, evidence and ledger figure.
    Text,
    /// One JSON object per document (JSON Lines).
    Json,
    /// For an editor: per document, the counts, then contradicted, unverifiable and
    /// consistent claims in tables.
    Markdown,
    /// One row per claim of every document, after one header row.
    Csv,
    /// One self-contained page: each article with its claims highlighted, and a table.
    Html,
}

/// `--input`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// Each input is one plain-text (or Markdown) document.
    Text,
    /// Each input is one HTML document; its visible text is read.
    Html,
    /// Each line of each input is a JSON document with a string "text".
    Jsonl,
}

/// `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    /// Exit 1 when some claim is contradicted.
    Contradicted,
    /// Exit 1 when some claim is contradicted or unverifiable.
    Unverifiable,
}

/// `--summary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WhenArg {
    /// Only when standard error is a terminal.
    Auto,
    /// Always (unless -q).
    Always,
    /// Never.
    Never,
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
        assert_eq!(e.input, None);
        assert_eq!(e.output.color, ColorArg::Auto);
        assert!(!e.output.quiet);
        assert_eq!(e.corpus.jobs, None);
        assert_eq!(e.corpus.summary, WhenArg::Auto);
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
        assert_eq!(c.ledger, [PathBuf::from("l.csv")]);
        assert_eq!(
            (c.aliases, c.fx, c.date, c.tolerance),
            (None, None, None, None)
        );
        assert_eq!(c.format, None);
        assert_eq!(c.fail_on, FailOnArg::Contradicted);
    }

    #[test]
    fn corpus_flags() {
        let a = Args::try_parse_from([
            "figcheck",
            "check",
            "dir",
            "--ledger",
            "l.csv",
            "-j",
            "2",
            "--fail-on",
            "unverifiable",
            "--format",
            "html",
            "--input",
            "html",
            "--summary",
            "always",
        ])
        .expect("valid arguments");
        let Command::Check(c) = a.command else {
            panic!("parsed as check")
        };
        assert_eq!(c.corpus.jobs, Some(2));
        assert_eq!(c.fail_on, FailOnArg::Unverifiable);
        assert_eq!(c.format, Some(ReportFormatArg::Html));
        assert_eq!(c.input, Some(InputArg::Html));
        assert_eq!(c.corpus.summary, WhenArg::Always);
        // Report formats are for check only.
        assert!(Args::try_parse_from(["figcheck", "extract", "--format", "markdown"]).is_err());
        assert!(
            Args::try_parse_from(["figcheck", "extract", "--fail-on", "unverifiable"]).is_err()
        );
    }

    #[test]
    fn quiet_goes_with_output() {
        let a = Args::try_parse_from(["figcheck", "extract", "-q", "-o", "x"]).expect("parses");
        assert!(a.command.quiet());
    }

    #[test]
    fn several_ledgers_and_import() {
        let a = Args::try_parse_from([
            "figcheck",
            "check",
            "a.txt",
            "--ledger",
            "l.csv",
            "--ledger",
            "CIK1.json",
            "-v",
        ])
        .expect("valid arguments");
        let Command::Check(c) = a.command else {
            panic!("parsed as check")
        };
        assert_eq!(c.ledger.len(), 2);
        assert!(c.verbose);
        let a = Args::try_parse_from(["figcheck", "ledger", "import", "a.json", "-o", "l.csv"])
            .expect("valid arguments");
        let Command::Ledger(LedgerCommand::Import(i)) = a.command else {
            panic!("parsed as ledger import")
        };
        assert_eq!(i.files, [PathBuf::from("a.json")]);
        assert_eq!(i.output.output, Some(PathBuf::from("l.csv")));
        assert!(Args::try_parse_from(["figcheck", "ledger", "import"]).is_err());
    }

    #[test]
    fn subcommand_is_required() {
        assert!(Args::try_parse_from(["figcheck"]).is_err());
    }
}
