//! The validated configuration: what `args.rs` parsed, checked and resolved
//! (currency code, color, output format, inputs, date, tolerance) before any
//! work starts.

use crate::args::{self, CheckArgs, ColorArg, ExtractArgs, FormatArg, InputArg, OutputArgs};
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
    /// Aligned tables for reading.
    Text,
    /// JSON Lines, one object per document.
    Json,
}

/// How the inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// Each input is one document.
    Text,
    /// Each line is a JSON document.
    Jsonl,
}

/// Where the output goes and how it looks, shared by every subcommand.
#[derive(Debug)]
pub struct Output {
    /// `None` for standard output.
    pub path: Option<PathBuf>,
    /// Resolved from `--color` and the environment.
    pub color: bool,
    /// `-q`: write nothing at all.
    pub quiet: bool,
}

/// A validated `figcheck extract`.
#[derive(Debug)]
pub struct ExtractConfig {
    /// At least one input; `-` at most once.
    pub inputs: Vec<Input>,
    /// Text or JSON; always JSON for JSON Lines input.
    pub format: Format,
    /// Plain text or JSON Lines.
    pub input: InputKind,
    /// The extractor, with the currency hint applied.
    pub extractor: Extractor,
    /// Output settings; `color` is false for JSON.
    pub output: Output,
}

/// A validated `figcheck check`. The ledger, aliases and FX files are only
/// named here: loading them is the first step of the run.
#[derive(Debug)]
pub struct CheckConfig {
    /// At least one input; `-` at most once.
    pub inputs: Vec<Input>,
    /// Text or JSON; always JSON for JSON Lines input.
    pub format: Format,
    /// Plain text or JSON Lines.
    pub input: InputKind,
    /// The extractor, with the currency hint applied.
    pub extractor: Extractor,
    /// The ledger file.
    pub ledger: PathBuf,
    /// The aliases file, if any.
    pub aliases: Option<PathBuf>,
    /// The FX rates file, if any.
    pub fx: Option<PathBuf>,
    /// `--date`: the article date of every document without its own.
    pub date: Option<Date>,
    /// The verdict rules' tolerances.
    pub policy: Policy,
    /// Output settings; `color` is false for JSON.
    pub output: Output,
}

/// Facts about the process environment that decide `--color auto`.
#[derive(Clone, Copy, Debug)]
pub struct Terminal {
    /// Standard output is a terminal.
    pub stdout_is_terminal: bool,
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
    /// output file that is also an input, a bad `--date` or `--tolerance`.
    pub fn from_args(args: args::Args, term: Terminal) -> Result<Config> {
        match args.command {
            args::Command::Extract(a) => Ok(Config::Extract(extract(a, term)?)),
            args::Command::Check(a) => Ok(Config::Check(check(a, term)?)),
        }
    }
}

fn extract(a: ExtractArgs, term: Terminal) -> Result<ExtractConfig> {
    let (input, format) = input_format(a.input, a.format)?;
    let extractor = extractor(a.currency_hint.as_deref())?;
    let inputs = inputs(a.files)?;
    let output = output(a.output, format, term, &inputs, &[])?;
    Ok(ExtractConfig {
        inputs,
        format,
        input,
        extractor,
        output,
    })
}

fn check(a: CheckArgs, term: Terminal) -> Result<CheckConfig> {
    let (input, format) = input_format(a.input, a.format)?;
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
    let inputs = inputs(a.files)?;
    let tables: Vec<&Path> = std::iter::once(a.ledger.as_path())
        .chain(a.aliases.as_deref())
        .chain(a.fx.as_deref())
        .collect();
    let output = output(a.output, format, term, &inputs, &tables)?;
    Ok(CheckConfig {
        inputs,
        format,
        input,
        extractor,
        ledger: a.ledger,
        aliases: a.aliases,
        fx: a.fx,
        date,
        policy,
        output,
    })
}

/// `--input` and `--format`: JSON Lines input gives JSON output.
fn input_format(input: InputArg, format: Option<FormatArg>) -> Result<(InputKind, Format)> {
    let input = match input {
        InputArg::Text => InputKind::Text,
        InputArg::Jsonl => InputKind::Jsonl,
    };
    let format = match (format, input) {
        (Some(FormatArg::Text), InputKind::Jsonl) => {
            bail!(
                "--format text: not available with --input jsonl: expected --format json or no --format"
            )
        }
        (Some(FormatArg::Json), _) | (None, InputKind::Jsonl) => Format::Json,
        (Some(FormatArg::Text) | None, InputKind::Text) => Format::Text,
    };
    Ok((input, format))
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
    let t = s.trim();
    let (number, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim_end(), true),
        None => (t, false),
    };
    // Plain digits with at most one '.': no sign, exponent or separators.
    let plain = !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && number.bytes().filter(|&b| b == b'.').count() <= 1
        && number.bytes().any(|b| b.is_ascii_digit());
    let value = plain
        .then(|| Decimal::from_str_exact(number).ok())
        .flatten()
        .and_then(|d| {
            if percent {
                d.checked_div(Decimal::ONE_HUNDRED)
            } else {
                Some(d)
            }
        });
    let Some(value) = value else {
        bail!(
            "--tolerance: invalid value {s:?}: expected a fraction such as 0.05 or a percentage such as 5%"
        );
    };
    if value >= Decimal::ONE {
        bail!("--tolerance: {s:?} is out of range: expected at least 0 and below 1 (100%)");
    }
    Ok(value)
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
    let to_terminal = o.output.is_none() && term.stdout_is_terminal;
    let color = format == Format::Text && !o.quiet && resolve_color(o.color, to_terminal, term);
    Ok(Output {
        path: o.output,
        color,
        quiet: o.quiet,
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
        no_color: false,
        dumb: false,
    };
    const TTY: Terminal = Terminal {
        stdout_is_terminal: true,
        no_color: false,
        dumb: false,
    };

    fn config(argv: &[&str], term: Terminal) -> Result<ExtractConfig> {
        let args = Args::try_parse_from(std::iter::once("figcheck").chain(argv.iter().copied()))?;
        match Config::from_args(args, term)? {
            Config::Extract(c) => Ok(c),
            Config::Check(_) => bail!("parsed as check"),
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
            Config::Extract(_) => bail!("parsed as extract"),
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
        assert_eq!(c.inputs, vec![Input::Stdin]);
        assert_eq!((c.format, c.input), (Format::Text, InputKind::Text));
        assert_eq!(c.date, None);
        let c = check_config(&["--tolerance", "5%", "--date", "2025-01-22"]).expect("valid");
        assert_eq!(c.policy.tolerance, Decimal::new(5, 2));
        assert_eq!(c.policy.strong_margin, Policy::default().strong_margin);
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2025-01-22"));
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
        assert_eq!(c.inputs, vec![Input::Stdin]);
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
