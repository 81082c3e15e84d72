//! The validated configuration: what `args.rs` parsed, checked and resolved
//! (currency code, color, output format, inputs) before any work starts.

use crate::args::{self, ColorArg, ExtractArgs, FormatArg, InputArg, OutputArgs};
use anyhow::{Result, bail};
use figcheck::{Currency, Extractor};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// What to run.
#[derive(Debug)]
pub enum Config {
    /// `figcheck extract`.
    Extract(ExtractConfig),
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
    /// An unknown currency code, conflicting formats, stdin named twice, or an
    /// output file that is also an input.
    pub fn from_args(args: args::Args, term: Terminal) -> Result<Config> {
        match args.command {
            args::Command::Extract(a) => Ok(Config::Extract(extract(a, term)?)),
        }
    }
}

fn extract(a: ExtractArgs, term: Terminal) -> Result<ExtractConfig> {
    let input = match a.input {
        InputArg::Text => InputKind::Text,
        InputArg::Jsonl => InputKind::Jsonl,
    };
    let format = match (a.format, input) {
        (Some(FormatArg::Text), InputKind::Jsonl) => {
            bail!(
                "--format text: not available with --input jsonl: expected --format json or no --format"
            )
        }
        (Some(FormatArg::Json), _) | (None, InputKind::Jsonl) => Format::Json,
        (Some(FormatArg::Text) | None, InputKind::Text) => Format::Text,
    };
    let mut extractor = Extractor::builder();
    if let Some(code) = &a.currency_hint {
        let currency =
            Currency::from_code(code).map_err(|e| anyhow::anyhow!("--currency-hint: {e}"))?;
        extractor = extractor.currency_hint(currency);
    }
    let inputs = inputs(a.files)?;
    let output = output(a.output, format, term, &inputs)?;
    Ok(ExtractConfig {
        inputs,
        format,
        input,
        extractor: extractor.build(),
        output,
    })
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

fn output(o: OutputArgs, format: Format, term: Terminal, inputs: &[Input]) -> Result<Output> {
    if let Some(out) = &o.output {
        for i in inputs {
            if let Input::File(p) = i {
                if same_file(out, p) {
                    bail!(
                        "{}: output file is also an input: expected a different -o file",
                        out.display()
                    );
                }
            }
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
        }
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
