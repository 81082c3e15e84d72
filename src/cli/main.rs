//! The `figcheck` command-line program. Flags are parsed in `args.rs`,
//! validated into a `Config` in `config.rs`, then each subcommand runs in its
//! own module, over the documents that `corpus.rs` reads and processes in
//! parallel. Exit status: 0 on success, 1 when `check` finds a contradicted
//! claim (or, with `--fail-on unverifiable`, an unverifiable one), 2 on any
//! error (an error wins over 1); a closed output pipe ends the run quietly,
//! with the status of what was done until then.

mod args;
mod check;
mod config;
mod corpus;
mod diag;
mod extract;
mod html;
mod import;
mod input;
mod json;
mod ledgers;
mod progress;
#[cfg(feature = "serve")]
mod serve;
mod tables;
mod text;

use clap::Parser;
use config::{Config, Terminal};
use diag::Diagnostics;
use std::process::ExitCode;

/// Some claim is contradicted by the ledger (or unverifiable, with
/// `--fail-on unverifiable`).
const EXIT_CONTRADICTED: u8 = 1;
/// Some input or usage was bad.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let args = args::Args::parse();
    let mut diag = Diagnostics::new(args.command.quiet());
    let config = match Config::from_args(args, Terminal::detect()) {
        Ok(c) => c,
        Err(e) => {
            diag.error(diag::one_line(&e));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    // a terminal waiting for an article should say so
    let reads_stdin = |inputs: &[config::Input]| inputs.contains(&config::Input::Stdin);
    let waits = match &config {
        Config::Extract(c) => reads_stdin(&c.corpus.inputs),
        Config::Check(c) => reads_stdin(&c.corpus.inputs),
        _ => false,
    };
    if waits && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        diag.info("reading the text from standard input (end it with Ctrl-D, or name files or directories to read)");
    }
    let mut totals = check::Totals::default();
    let (result, fail_on) = match &config {
        Config::Extract(c) => (extract::run(c, &mut diag), None),
        Config::Check(c) => (check::run(c, &mut diag, &mut totals), Some(c.fail_on)),
        Config::Import(c) => (import::run(c, &mut diag), None),
        Config::Table(c) => (tables::run(c, &mut diag), None),
        #[cfg(feature = "serve")]
        Config::Serve(c) => (serve::run(c, &mut diag), None),
    };
    match result {
        Ok(()) => {}
        // `figcheck extract ... | head`: the reader has all it wants.
        Err(e) if diag::is_broken_pipe(&e) => {}
        Err(e) => diag.error(diag::one_line(&e)),
    }
    if diag.errors() > 0 {
        ExitCode::from(EXIT_ERROR)
    } else if fail_on.is_some_and(|f| totals.fails(f)) {
        ExitCode::from(EXIT_CONTRADICTED)
    } else {
        ExitCode::SUCCESS
    }
}
