//! The validated configuration: what `args.rs` parsed, checked and resolved
//! (currency code, color, output format, inputs, date, tolerance, threads,
//! progress and summary) before any work starts.

use crate::args::{
    self, CheckArgs, ColorArg, CorpusArgs, ExtractArgs, FailOnArg, FormatArg, InputArg, OutputArgs,
    ReportFormatArg, WhenArg,
};
use anyhow::{Result, anyhow, bail};
use figcheck::{Currency, Date, Extractor, Policy};
use rust_decimal::Decimal;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// What to run.
#[derive(Debug)]
pub enum Config {
    /// `figcheck extract`.
    Extract(ExtractConfig),
    /// `figcheck check`.
    Check(CheckConfig),
    /// `figcheck ledger import`.
    Import(ImportConfig),
    /// `figcheck metrics` and `figcheck companies`.
    Table(TableConfig),
    /// `figcheck serve`.
    #[cfg(feature = "serve")]
    Serve(ServeConfig),
}

/// `figcheck serve`, validated.
#[cfg(feature = "serve")]
#[derive(Debug)]
pub struct ServeConfig {
    /// The ledger files; each is a ledger of its own, and all of them one more
    /// when there are several.
    pub ledger: Vec<PathBuf>,
    /// `--aliases`.
    pub aliases: Option<PathBuf>,
    /// `--fx`.
    pub fx: Option<PathBuf>,
    /// `--tolerance`.
    pub policy: Policy,
    /// `--verbose`.
    pub verbose: bool,
    /// `--addr`.
    pub addr: std::net::SocketAddr,
    /// `--max-body`, in bytes.
    pub max_body: usize,
    /// `--time-limit`.
    pub time_limit: std::time::Duration,
    /// `--max-checks`, at least 1.
    pub max_checks: usize,
    /// `-q`: only problems on stderr.
    pub quiet: bool,
}

/// Which built-in table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// The metric table.
    Metrics,
    /// The company table.
    Companies,
}

/// A validated `figcheck metrics` or `figcheck companies`.
#[derive(Debug)]
pub struct TableConfig {
    /// Which table.
    pub table: Table,
    /// Only rows containing these words (folded).
    pub words: Option<String>,
    /// The table's CSV rather than text.
    pub csv: bool,
    /// Where it goes.
    pub output: Output,
}

/// A validated `figcheck ledger import`.
#[derive(Debug)]
pub struct ImportConfig {
    /// The ledger files to read.
    pub files: Vec<PathBuf>,
    /// Where the CSV goes; never colored.
    pub output: Output,
}

/// One input: a file, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named `-`.
    Stdin,
    /// A file, named as the user wrote it.
    File(PathBuf),
}

impl Input {
    /// The JSON `id` of a whole-input document: the path as written, or `-`.
    pub fn id(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The name in messages and headings: the path as written, or `<stdin>`.
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// How the output is rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned tables (extract) or claims with their evidence (check), for reading.
    Text,
    /// JSON Lines, one object per document.
    Json,
    /// Markdown, per document (check only).
    Markdown,
    /// CSV, one row per claim after one header (check only).
    Csv,
    /// One self-contained HTML page for all documents (check only).
    Html,
}

/// How a document's bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// The whole input is one plain-text (or Markdown) document.
    Text,
    /// The whole input is one HTML document; its visible text is read.
    Html,
    /// Each line is a JSON document.
    Jsonl,
}

impl DocKind {
    /// By extension: `.html`/`.htm` are HTML, `.jsonl`/`.ndjson` JSON
    /// Lines, anything else plain text (ASCII case ignored).
    pub fn of_path(path: &Path) -> DocKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm") => DocKind::Html,
            Some("jsonl" | "ndjson") => DocKind::Jsonl,
            _ => DocKind::Text,
        }
    }

    /// Whether a directory walk reads `path`: `.txt`, `.md`, `.markdown`,
    /// `.html`, `.htm`, `.jsonl` and `.ndjson` files (ASCII case ignored).
    pub fn in_corpus(path: &Path) -> bool {
        path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "md" | "markdown" | "html" | "htm" | "jsonl" | "ndjson"
            )
        })
    }
}

/// How the inputs are read, and how many documents at once.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// At least one input; `-` at most once.
    pub inputs: Vec<Input>,
    /// `--input`: how the files named on the command line and standard input
    /// are read; `None` for by extension (standard input: text). Files found
    /// in directories are always read by extension.
    pub kind: Option<DocKind>,
    /// Worker threads, at least 1.
    pub jobs: usize,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// End with a summary line on stderr.
    pub summary: bool,
}

impl Corpus {
    /// How the named input is read.
    pub fn kind_of(&self, input: &Input) -> DocKind {
        match (self.kind, input) {
            (Some(k), _) => k,
            (None, Input::Stdin) => DocKind::Text,
            (None, Input::File(p)) => DocKind::of_path(p),
        }
    }

    /// More than one document may come: several inputs, or a directory.
    pub fn several(&self) -> bool {
        self.inputs.len() > 1
            || self
                .inputs
                .iter()
                .any(|i| matches!(i, Input::File(p) if p.is_dir()))
    }
}

/// `--fail-on`: the verdict that makes the exit status 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// A contradicted claim.
    Contradicted,
    /// A contradicted or unverifiable claim.
    Unverifiable,
}

/// Where the output goes and how it looks, shared by every subcommand.
#[derive(Debug)]
pub struct Output {
    /// `None` for standard output.
    pub path: Option<PathBuf>,
    /// Resolved from `--color` and the environment.
    pub color: bool,
    /// `--bom`: a UTF-8 byte order mark first (CSV only).
    pub bom: bool,
}

/// A validated `figcheck extract`.
#[derive(Debug)]
pub struct ExtractConfig {
    /// What to read, how, and how many at once.
    pub corpus: Corpus,
    /// Text or JSON; JSON by default for JSON Lines input.
    pub format: Format,
    /// The extractor, with the currency hint applied.
    pub extractor: Extractor,
    /// Output settings; `color` is false for JSON.
    pub output: Output,
}

/// A validated `figcheck check`. The ledger, aliases and FX files are only
/// named here: loading them is the first step of the run.
#[derive(Debug)]
pub struct CheckConfig {
    /// What to read, how, and how many at once.
    pub corpus: Corpus,
    /// Any format; JSON by default for JSON Lines input.
    pub format: Format,
    /// The extractor, with the currency hint applied.
    pub extractor: Extractor,
    /// The ledger files.
    pub ledger: Vec<PathBuf>,
    /// `--company`: the ledger's companies the check is limited to (none:
    /// every company); checked against the ledger once it is loaded.
    pub companies: Vec<String>,
    /// Print what each companyfacts file gave.
    pub verbose: bool,
    /// The aliases file, if any.
    pub aliases: Option<PathBuf>,
    /// The FX rates file, if any.
    pub fx: Option<PathBuf>,
    /// `--date`: the article date of every document without its own.
    pub date: Option<Date>,
    /// The verdict rules' tolerances.
    pub policy: Policy,
    /// Which claims make the exit status 1.
    pub fail_on: FailOn,
    /// Output settings; `color` is false but for text.
    pub output: Output,
}

/// Facts about the process environment that decide `--color auto`.
#[derive(Clone, Copy, Debug)]
pub struct Terminal {
    /// Standard output is a terminal.
    pub stdout_is_terminal: bool,
    /// Standard error is a terminal (for the progress bar and summary).
    pub stderr_is_terminal: bool,
    /// `NO_COLOR` is set (to anything, even empty).
    pub no_color: bool,
    /// `TERM` is `dumb`.
    pub dumb: bool,
}

impl Terminal {
    /// Reads the real environment.
    pub fn detect() -> Terminal {
        Terminal {
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stderr_is_terminal: std::io::stderr().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some(),
            dumb: std::env::var_os("TERM").is_some_and(|t| t == "dumb"),
        }
    }
}

impl Config {
    /// Validates the parsed flags.
    ///
    /// # Errors
    /// An unknown currency code, conflicting formats, stdin named twice, an
    /// output file that is also an input, a bad `--date`, `--tolerance` or `-j`.
    pub fn from_args(args: args::Args, term: Terminal) -> Result<Config> {
        match args.command {
            args::Command::Extract(a) => Ok(Config::Extract(extract(a, term)?)),
            args::Command::Check(a) => Ok(Config::Check(check(a, term)?)),
            args::Command::Ledger(args::LedgerCommand::Import(a)) => {
                let inputs: Vec<Input> = a.files.iter().cloned().map(Input::File).collect();
                let output = output(a.output, Format::Csv, term, &inputs, &[])?;
                Ok(Config::Import(ImportConfig {
                    files: a.files,
                    output,
                }))
            }
            args::Command::Metrics(a) => table(Table::Metrics, a, term),
            args::Command::Companies(a) => table(Table::Companies, a, term),
            #[cfg(feature = "serve")]
            args::Command::Serve(a) => Ok(Config::Serve(serve(a)?)),
        }
    }
}

fn table(table: Table, a: args::TableArgs, term: Terminal) -> Result<Config> {
    let csv = a.format == args::TableFormatArg::Csv;
    let format = if csv { Format::Csv } else { Format::Text };
    let output = output(a.output, format, term, &[], &[])?;
    Ok(Config::Table(TableConfig {
        table,
        words: a.words.filter(|w| !w.trim().is_empty()),
        csv,
        output,
    }))
}

fn extract(a: ExtractArgs, term: Terminal) -> Result<ExtractConfig> {
    let extractor = extractor(a.currency_hint.as_deref())?;
    let to_file = a.output.output.is_some();
    let corpus = corpus(a.files, a.input, &a.corpus, a.output.quiet, to_file, term)?;
    let format = match a.format {
        Some(FormatArg::Text) => Some(Format::Text),
        Some(FormatArg::Json) => Some(Format::Json),
        None => None,
    };
    let format = resolve_format(format, &corpus)?;
    let output = output(a.output, format, term, &corpus.inputs, &[])?;
    Ok(ExtractConfig {
        corpus,
        format,
        extractor,
        output,
    })
}

fn check(a: CheckArgs, term: Terminal) -> Result<CheckConfig> {
    let extractor = extractor(a.currency_hint.as_deref())?;
    let date = match &a.date {
        Some(d) => Some(d.parse::<Date>().map_err(|e| anyhow!("--date: {e}"))?),
        None => None,
    };
    let policy = match &a.tolerance {
        Some(t) => Policy {
            tolerance: tolerance(t)?,
            ..Policy::default()
        },
        None => Policy::default(),
    };
    let to_file = a.output.output.is_some();
    let corpus = corpus(a.files, a.input, &a.corpus, a.output.quiet, to_file, term)?;
    let format = a.format.map(|f| match f {
        ReportFormatArg::Text => Format::Text,
        ReportFormatArg::Json => Format::Json,
        ReportFormatArg::Markdown => Format::Markdown,
        ReportFormatArg::Csv => Format::Csv,
        ReportFormatArg::Html => Format::Html,
    });
    let format = resolve_format(format, &corpus)?;
    let tables: Vec<&Path> = a
        .ledger
        .iter()
        .map(PathBuf::as_path)
        .chain(a.aliases.as_deref())
        .chain(a.fx.as_deref())
        .collect();
    let output = output(a.output, format, term, &corpus.inputs, &tables)?;
    let companies = a.company;
    if let Some(blank) = companies.iter().find(|c| c.trim().is_empty()) {
        bail!("--company {blank:?}: empty: expected a company name of the ledger");
    }
    let fail_on = match a.fail_on {
        FailOnArg::Contradicted => FailOn::Contradicted,
        FailOnArg::Unverifiable => FailOn::Unverifiable,
    };
    Ok(CheckConfig {
        corpus,
        format,
        extractor,
        ledger: a.ledger,
        companies,
        verbose: a.verbose,
        aliases: a.aliases,
        fx: a.fx,
        date,
        policy,
        fail_on,
        output,
    })
}

/// The inputs, `--input`, `-j`, the progress bar and `--summary`.
#[cfg(feature = "serve")]
fn serve(a: args::ServeArgs) -> Result<ServeConfig> {
    let policy = match &a.tolerance {
        Some(t) => Policy {
            tolerance: tolerance(t)?,
            ..Policy::default()
        },
        None => Policy::default(),
    };
    let addr = a.addr.parse::<std::net::SocketAddr>().map_err(|_| {
        anyhow!(
            "--addr: invalid address {:?}: expected IP:PORT such as 127.0.0.1:8080",
            a.addr
        )
    })?;
    let max_checks = match a.max_checks {
        Some(0) => bail!("--max-checks 0: no check could run: expected at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    Ok(ServeConfig {
        ledger: a.ledger,
        aliases: a.aliases,
        fx: a.fx,
        policy,
        verbose: a.verbose,
        addr,
        max_body: size(&a.max_body).map_err(|e| anyhow!("--max-body: {e}"))?,
        time_limit: duration(&a.time_limit).map_err(|e| anyhow!("--time-limit: {e}"))?,
        max_checks,
        quiet: a.quiet,
    })
}

/// A size in bytes: "1000", "512K" (KiB), "10M" (MiB); at least 1.
#[cfg(feature = "serve")]
fn size(s: &str) -> Result<usize> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let unit: usize = match unit {
        "" | "B" | "b" => 1,
        "K" | "k" | "KiB" => 1 << 10,
        "M" | "m" | "MiB" => 1 << 20,
        _ => 0,
    };
    let n = match (digits.parse::<usize>(), unit) {
        (Ok(n), u) if u > 0 => n.checked_mul(u),
        _ => None,
    };
    match n {
        Some(0) => bail!("{s:?} is out of range: expected at least 1 byte"),
        Some(n) => Ok(n),
        None => bail!("invalid size {s:?}: expected bytes such as 1000000, 512K or 10M"),
    }
}

/// A duration: "30s", "500ms", "2m"; more than zero.
#[cfg(feature = "serve")]
fn duration(s: &str) -> Result<std::time::Duration> {
    use std::time::Duration;
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n = digits.parse::<u64>().ok();
    let d = match (n, unit) {
        (Some(n), "ms") => Some(Duration::from_millis(n)),
        (Some(n), "s") => Some(Duration::from_secs(n)),
        (Some(n), "m") => n.checked_mul(60).map(Duration::from_secs),
        _ => None,
    };
    match d {
        Some(d) if d.is_zero() => bail!("{s:?} is out of range: expected more than zero"),
        Some(d) => Ok(d),
        None => bail!("invalid duration {s:?}: expected a number with ms, s or m, such as 30s"),
    }
}

fn corpus(
    files: Vec<PathBuf>,
    input: Option<InputArg>,
    a: &CorpusArgs,
    quiet: bool,
    to_file: bool,
    term: Terminal,
) -> Result<Corpus> {
    let kind = input.map(|i| match i {
        InputArg::Text => DocKind::Text,
        InputArg::Html => DocKind::Html,
        InputArg::Jsonl => DocKind::Jsonl,
    });
    let jobs = match a.jobs {
        Some(0) => bail!("-j 0: no thread to work in: expected at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let summary = !quiet
        && match a.summary {
            WhenArg::Always => true,
            WhenArg::Never => false,
            WhenArg::Auto => term.stderr_is_terminal,
        };
    Ok(Corpus {
        inputs: inputs(files)?,
        kind,
        jobs,
        // not while the output itself goes to the terminal: its lines would
        // push the bar's line up into the report
        progress: !quiet && term.stderr_is_terminal && (to_file || !term.stdout_is_terminal),
        summary,
    })
}

/// `--format`: JSON by default when a JSON Lines input is named (by
/// `--input jsonl` or by extension), text otherwise; text is not available
/// for them (each of their lines is a document with no name to show).
fn resolve_format(format: Option<Format>, corpus: &Corpus) -> Result<Format> {
    let jsonl = corpus
        .inputs
        .iter()
        .find(|i| corpus.kind_of(i) == DocKind::Jsonl);
    match (format, jsonl) {
        (Some(Format::Text), Some(input)) => {
            if corpus.kind == Some(DocKind::Jsonl) {
                bail!(
                    "--format text: not available with --input jsonl: expected --format json or no --format"
                )
            }
            bail!(
                "--format text: not available for JSON Lines input {}: expected --format json or no --format",
                input.label()
            )
        }
        (Some(f), _) => Ok(f),
        (None, Some(_)) => Ok(Format::Json),
        (None, None) => Ok(Format::Text),
    }
}

/// The extractor, with `--currency-hint` applied.
fn extractor(hint: Option<&str>) -> Result<Extractor> {
    let mut extractor = Extractor::builder();
    if let Some(code) = hint {
        let currency = Currency::from_code(code).map_err(|e| anyhow!("--currency-hint: {e}"))?;
        extractor = extractor.currency_hint(currency);
    }
    Ok(extractor.build())
}

/// `--tolerance`: a fraction ("0.05") or a percentage ("5%"), at least 0 and below 1.
fn tolerance(s: &str) -> Result<Decimal> {
    figcheck::Policy::parse_tolerance(s).map_err(|e| anyhow!("--tolerance: {e}"))
}

fn inputs(files: Vec<PathBuf>) -> Result<Vec<Input>> {
    let inputs: Vec<Input> = if files.is_empty() {
        vec![Input::Stdin]
    } else {
        files
            .into_iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::File(p)
                }
            })
            .collect()
    };
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        bail!("-: standard input given more than once: expected `-` at most once");
    }
    Ok(inputs)
}

/// Output settings. The `-o` file must not be one of the `inputs` nor one of
/// the `tables` (ledger, aliases, FX).
fn output(
    o: OutputArgs,
    format: Format,
    term: Terminal,
    inputs: &[Input],
    tables: &[&Path],
) -> Result<Output> {
    if let Some(out) = &o.output {
        let files = inputs.iter().filter_map(|i| match i {
            Input::File(p) => Some(p.as_path()),
            Input::Stdin => None,
        });
        if files
            .chain(tables.iter().copied())
            .any(|p| same_file(out, p))
        {
            bail!(
                "{}: output file is also an input: expected a different -o file",
                out.display()
            );
        }
    }
    if o.bom && format != Format::Csv {
        bail!("--bom is for CSV output: expected --format csv (or ledger import)");
    }
    let to_terminal = o.output.is_none() && term.stdout_is_terminal;
    let color = format == Format::Text && resolve_color(o.color, to_terminal, term);
    Ok(Output {
        path: o.output,
        color,
        bom: o.bom,
    })
}

/// `--color auto` colors only on a terminal with `NO_COLOR` unset and `TERM` not `dumb`.
fn resolve_color(when: ColorArg, to_terminal: bool, term: Terminal) -> bool {
    match when {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => to_terminal && !term.no_color && !term.dumb,
    }
}

/// True when both paths name one existing file. A missing file is never the same.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::Args;
    use clap::Parser;

    const PIPE: Terminal = Terminal {
        stdout_is_terminal: false,
        stderr_is_terminal: false,
        no_color: false,
        dumb: false,
    };
    const TTY: Terminal = Terminal {
        stdout_is_terminal: true,
        stderr_is_terminal: true,
        no_color: false,
        dumb: false,
    };

    fn config(argv: &[&str], term: Terminal) -> Result<ExtractConfig> {
        let args = Args::try_parse_from(std::iter::once("figcheck").chain(argv.iter().copied()))?;
        match Config::from_args(args, term)? {
            Config::Extract(c) => Ok(c),
            _ => bail!("parsed as another command"),
        }
    }

    fn check_config(argv: &[&str]) -> Result<CheckConfig> {
        let args = Args::try_parse_from(
            ["figcheck", "check", "--ledger", "l.csv"]
                .into_iter()
                .chain(argv.iter().copied()),
        )?;
        match Config::from_args(args, PIPE)? {
            Config::Check(c) => Ok(c),
            _ => bail!("parsed as another command"),
        }
    }

    #[test]
    fn tolerance_as_fraction_or_percentage() {
        let t = |s: &str| tolerance(s).map(|d| d.normalize().to_string());
        assert_eq!(t("0.05").ok().as_deref(), Some("0.05"));
        assert_eq!(t("5%").ok().as_deref(), Some("0.05"));
        assert_eq!(t("12.5 %").ok().as_deref(), Some("0.125"));
        assert_eq!(t("0").ok().as_deref(), Some("0"));
        assert_eq!(t(".1").ok().as_deref(), Some("0.1"));
        for bad in ["", "%", "-0.1", "+0.1", "1e-1", "abc", "0.1.2", "1,5", "."] {
            assert_eq!(
                tolerance(bad).map_err(|e| e.to_string()).err(),
                Some(format!(
                    "--tolerance: invalid value {bad:?}: expected a fraction such as 0.05 or a percentage such as 5%"
                )),
                "{bad}"
            );
        }
        for big in ["1", "100%", "2.5"] {
            assert_eq!(
                tolerance(big).map_err(|e| e.to_string()).err(),
                Some(format!(
                    "--tolerance: {big:?} is out of range: expected at least 0 and below 1 (100%)"
                ))
            );
        }
        assert!(tolerance("0.999").is_ok());
    }

    #[test]
    fn check_defaults_and_validation() {
        let c = check_config(&[]).expect("valid");
        assert_eq!(c.policy, Policy::default());
        assert_eq!(c.corpus.inputs, vec![Input::Stdin]);
        assert_eq!((c.format, c.corpus.kind), (Format::Text, None));
        assert_eq!(c.fail_on, FailOn::Contradicted);
        assert!(c.corpus.jobs >= 1);
        assert!(!c.corpus.progress && !c.corpus.summary);
        assert_eq!(c.date, None);
        let c = check_config(&["--tolerance", "5%", "--date", "2025-01-22"]).expect("valid");
        assert_eq!(c.policy.tolerance, Decimal::new(5, 2));
        assert_eq!(c.policy.strong_margin, Policy::default().strong_margin);
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2025-01-22"));
        assert!(c.companies.is_empty());
        let c = check_config(&["--company", "SoftBank Group", "--company", "Arm Holdings"])
            .expect("valid");
        assert_eq!(c.companies, ["SoftBank Group", "Arm Holdings"]);
        let e = check_config(&["--company", ""]).expect_err("empty company");
        assert_eq!(
            e.to_string(),
            "--company \"\": empty: expected a company name of the ledger"
        );
        let e = check_config(&["--date", "2025-02-30"]).expect_err("bad date");
        assert_eq!(
            e.to_string(),
            "--date: invalid date \"2025-02-30\": expected an ISO date YYYY-MM-DD"
        );
        assert_eq!(
            check_config(&["--input", "jsonl"]).expect("valid").format,
            Format::Json
        );
        assert!(check_config(&["--currency-hint", "XYZ"]).is_err());
    }

    #[test]
    fn no_files_means_stdin() {
        let c = config(&["extract"], PIPE).expect("valid");
        assert_eq!(c.corpus.inputs, vec![Input::Stdin]);
        assert_eq!(c.format, Format::Text);
        assert!(!c.output.color);
    }

    #[test]
    fn jsonl_input_implies_json() {
        let c = config(&["extract", "--input", "jsonl"], PIPE).expect("valid");
        assert_eq!(c.format, Format::Json);
        let e = config(&["extract", "--input", "jsonl", "--format", "text"], PIPE)
            .expect_err("conflict");
        assert!(
            e.to_string()
                .starts_with("--format text: not available with --input jsonl")
        );
    }

    #[test]
    fn jsonl_by_extension_implies_json() {
        let c = config(&["extract", "a.txt", "b.NDJSON"], PIPE).expect("valid");
        assert_eq!(c.format, Format::Json);
        assert_eq!(
            c.corpus.kind_of(&Input::File("b.NDJSON".into())),
            DocKind::Jsonl
        );
        assert_eq!(
            c.corpus.kind_of(&Input::File("a.htm".into())),
            DocKind::Html
        );
        assert_eq!(c.corpus.kind_of(&Input::Stdin), DocKind::Text);
        let e = config(&["extract", "--format", "text", "b.jsonl"], PIPE).expect_err("conflict");
        assert_eq!(
            e.to_string(),
            "--format text: not available for JSON Lines input b.jsonl: expected --format json or no --format"
        );
        // --input says how named files are read, whatever their extension.
        let c = config(&["extract", "--input", "text", "b.jsonl"], PIPE).expect("valid");
        assert_eq!(c.format, Format::Text);
        assert_eq!(
            c.corpus.kind_of(&Input::File("b.jsonl".into())),
            DocKind::Text
        );
        let c = config(&["extract", "--input", "html"], PIPE).expect("valid");
        assert_eq!(c.corpus.kind_of(&Input::Stdin), DocKind::Html);
    }

    #[test]
    fn corpus_extensions() {
        for yes in [
            "a.txt",
            "a.md",
            "a.Markdown",
            "a.HTML",
            "a.htm",
            "a.jsonl",
            "a.ndjson",
        ] {
            assert!(DocKind::in_corpus(Path::new(yes)), "{yes}");
        }
        for no in ["a", "a.csv", "a.json", "a.txt.gz", ".txt"] {
            assert!(!DocKind::in_corpus(Path::new(no)), "{no}");
        }
    }

    #[test]
    fn jobs_progress_and_summary() {
        let c = config(&["extract", "-j", "3"], PIPE).expect("valid");
        assert_eq!(c.corpus.jobs, 3);
        let e = config(&["extract", "-j", "0"], PIPE).expect_err("no thread");
        assert_eq!(
            e.to_string(),
            "-j 0: no thread to work in: expected at least 1"
        );
        // on a terminal: a summary; a bar only when the output goes elsewhere
        let c = config(&["extract"], TTY).expect("valid");
        assert!(!c.corpus.progress && c.corpus.summary);
        let c = config(&["extract", "-o", "out.txt"], TTY).expect("valid");
        assert!(c.corpus.progress && c.corpus.summary);
        let c = config(&["extract", "--summary", "never", "-o", "out.txt"], TTY).expect("valid");
        assert!(c.corpus.progress && !c.corpus.summary);
        let c = config(&["extract", "--summary", "always"], PIPE).expect("valid");
        assert!(!c.corpus.progress && c.corpus.summary);
        let c = config(&["extract", "-q", "--summary", "always"], TTY).expect("valid");
        assert!(!c.corpus.progress && !c.corpus.summary);
    }

    #[test]
    fn report_formats_are_never_colored() {
        for f in ["markdown", "csv", "html", "json"] {
            let args = Args::try_parse_from([
                "figcheck", "check", "--ledger", "l.csv", "--color", "always", "--format", f,
            ])
            .expect("valid arguments");
            let Config::Check(c) = Config::from_args(args, TTY).expect("valid") else {
                panic!("parsed as check")
            };
            assert!(!c.output.color, "{f}");
        }
    }

    #[cfg(feature = "serve")]
    fn serve_config(argv: &[&str]) -> Result<ServeConfig> {
        let args = Args::try_parse_from(
            ["figcheck", "serve", "--ledger", "l.csv"]
                .into_iter()
                .chain(argv.iter().copied()),
        )?;
        match Config::from_args(args, PIPE)? {
            Config::Serve(c) => Ok(c),
            _ => bail!("parsed as another command"),
        }
    }

    #[cfg(feature = "serve")]
    #[test]
    fn serve_defaults_and_validation() {
        let c = serve_config(&[]).expect("valid");
        assert_eq!(c.addr.to_string(), "127.0.0.1:8080");
        assert!(c.addr.ip().is_loopback());
        assert_eq!(c.max_body, 10 << 20);
        assert_eq!(c.time_limit, std::time::Duration::from_secs(30));
        assert!(c.max_checks >= 1);
        assert_eq!(c.policy, Policy::default());
        let c = serve_config(&[
            "--addr",
            "[::1]:0",
            "--max-body",
            "512K",
            "--time-limit",
            "250ms",
            "--max-checks",
            "3",
            "--tolerance",
            "5%",
        ])
        .expect("valid");
        assert_eq!(c.addr.to_string(), "[::1]:0");
        assert_eq!(c.max_body, 512 << 10);
        assert_eq!(c.time_limit, std::time::Duration::from_millis(250));
        assert_eq!(c.max_checks, 3);
        assert_eq!(c.policy.tolerance, Decimal::new(5, 2));
        let message = |argv: &[&str]| serve_config(argv).expect_err("invalid").to_string();
        assert_eq!(
            message(&["--addr", "localhost"]),
            "--addr: invalid address \"localhost\": expected IP:PORT such as 127.0.0.1:8080"
        );
        assert_eq!(
            message(&["--max-checks", "0"]),
            "--max-checks 0: no check could run: expected at least 1"
        );
        for bad in ["", "10X", "1.5M", "M", "1 M"] {
            assert_eq!(
                message(&["--max-body", bad]),
                format!(
                    "--max-body: invalid size {bad:?}: expected bytes such as 1000000, 512K or 10M"
                )
            );
        }
        assert_eq!(
            message(&["--max-body", "0"]),
            "--max-body: \"0\" is out of range: expected at least 1 byte"
        );
        assert_eq!(size("1000").ok(), Some(1000));
        assert_eq!(size("2m").ok(), Some(2 << 20));
        for bad in ["", "30", "1h", "s", "1.5s", "5 s"] {
            assert_eq!(
                message(&["--time-limit", bad]),
                format!(
                    "--time-limit: invalid duration {bad:?}: expected a number with ms, s or m, such as 30s"
                )
            );
        }
        assert_eq!(
            message(&["--time-limit", "0s"]),
            "--time-limit: \"0s\" is out of range: expected more than zero"
        );
        assert_eq!(
            duration("2m").ok(),
            Some(std::time::Duration::from_secs(120))
        );
    }

    #[test]
    fn bad_currency_hint() {
        let e = config(&["extract", "--currency-hint", "XYZ"], PIPE).expect_err("unknown code");
        assert_eq!(
            e.to_string(),
            "--currency-hint: unknown currency \"XYZ\": expected an ISO 4217 code such as USD"
        );
        assert!(config(&["extract", "--currency-hint", "hkd"], PIPE).is_ok());
    }

    #[test]
    fn stdin_at_most_once() {
        let e = config(&["extract", "-", "a.txt", "-"], PIPE).expect_err("stdin twice");
        assert!(
            e.to_string()
                .contains("standard input given more than once")
        );
    }

    #[test]
    fn color_resolution() {
        assert!(config(&["extract"], TTY).expect("valid").output.color);
        assert!(
            !config(&["extract", "--color", "never"], TTY)
                .expect("valid")
                .output
                .color
        );
        assert!(
            config(&["extract", "--color", "always"], PIPE)
                .expect("valid")
                .output
                .color
        );
        assert!(
            !config(&["extract", "--format", "json", "--color", "always"], TTY)
                .expect("valid")
                .output
                .color
        );
        assert!(
            !config(&["extract", "-o", "out.txt"], TTY)
                .expect("valid")
                .output
                .color
        );
        let no_color = Terminal {
            no_color: true,
            ..TTY
        };
        assert!(!config(&["extract"], no_color).expect("valid").output.color);
        let dumb = Terminal { dumb: true, ..TTY };
        assert!(!config(&["extract"], dumb).expect("valid").output.color);
    }
}
