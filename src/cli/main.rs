//! The `figcheck` command-line program. Flags are parsed in `args.rs`,
//! validated into a `Config` in `config.rs`, then each subcommand runs in its
//! own module. Exit status: 0 on success, 2 on any error; a closed output
//! pipe ends the run quietly.

mod args;
mod config;
mod diag;
mod extract;
mod json;
mod position;
mod text;

use clap::Parser;
use config::{Config, Terminal};
use diag::Diagnostics;
use std::process::ExitCode;

/// Some input or usage was bad.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let args = args::Args::parse();
    let quiet = match &args.command {
        args::Command::Extract(a) => a.output.quiet,
    };
    let mut diag = Diagnostics::new(quiet);
    let config = match Config::from_args(args, Terminal::detect()) {
        Ok(c) => c,
        Err(e) => {
            diag.error(diag::one_line(&e));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let result = match &config {
        Config::Extract(c) => extract::run(c, &mut diag),
    };
    match result {
        Ok(()) => {}
        // `figcheck extract ... | head`: the reader has all it wants.
        Err(e) if diag::is_broken_pipe(&e) => {}
        Err(e) => diag.error(diag::one_line(&e)),
    }
    if diag.errors() > 0 {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}
