//! `figcheck ledger import`: read ledgers (companyfacts JSON, ledger CSV)
//! and write their rows as one ledger CSV.

use crate::config::ImportConfig;
use crate::diag::{Diagnostics, Sink};
use crate::ledgers;
use anyhow::{Context as _, Result};

/// Runs the import; problems go to `diag`.
///
/// # Errors
/// Only output failures (a closed pipe included).
pub fn run(config: &ImportConfig, diag: &mut Diagnostics) -> Result<()> {
    let Some(ledger) = ledgers::load(&config.files, diag, true) else {
        return Ok(());
    };
    ledger.load_all();
    ledgers::report_loads(&ledger, diag, true);
    let mut sink = Sink::open(&config.output)?;
    let name = sink.name().to_string();
    ledger
        .write_csv(&mut sink)
        .with_context(|| format!("{name}: cannot write"))?;
    sink.finish()?;
    let (figures, versions) = ledger.counts();
    diag.info(format_args!(
        "{versions} ledger rows written ({figures} figures; {} earlier values of restated figures on lines of their own)",
        versions - figures
    ));
    Ok(())
}
