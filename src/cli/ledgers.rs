//! Loading the `--ledger` files (CSV and companyfacts JSON, any number) into
//! one ledger, for `figcheck check` and `figcheck ledger import`, with every
//! problem reported per file: warnings, bad rows or facts (located), and how
//! many good ones are used.

use crate::diag::Diagnostics;
use figcheck::ledger::ImportStats;
use figcheck::{Error, Ledger, LedgerBuilder};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Loads every ledger file. Bad rows and facts are reported and left out;
/// `None` (after reporting why) when a file cannot be used at all. With
/// `verbose`, each companyfacts file's import counts are printed too.
pub fn load(paths: &[PathBuf], diag: &mut Diagnostics, verbose: bool) -> Option<Ledger> {
    let mut builder = LedgerBuilder::new();
    let mut usable = true;
    // per file: its name and the errors of its rows
    let mut per_file: Vec<(String, Vec<Error>)> = Vec::new();
    for p in paths {
        let name = p.display().to_string();
        match builder.add_file(p) {
            Ok(errors) => per_file.push((name, errors)),
            Err(errors) => {
                for e in &errors {
                    diag.error(e);
                }
                usable = false;
            }
        }
    }
    if !usable {
        return None;
    }
    let (ledger, merge_errors) = builder.build();
    let mut merge_errors: Vec<Option<Error>> = merge_errors.into_iter().map(Some).collect();
    for (name, mut errors) in per_file {
        let of_file = |e: &Error| e.location().path.as_deref() == Some(name.as_str());
        for w in ledger.warnings().iter().filter(|w| of_file(w)) {
            diag.notice(w);
        }
        for slot in merge_errors.iter_mut() {
            if slot.as_ref().is_some_and(of_file) {
                errors.extend(slot.take());
            }
        }
        errors.sort_by_key(|e| e.location().line);
        for e in &errors {
            diag.error(e);
        }
        let import = ledger.imports().iter().find(|s| s.path == name);
        let many = Path::new(&name).is_dir()
            || Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if !errors.is_empty() && many {
            diag.info(format_args!(
                "{name}: {} not used; the other files are read when an article names their company",
                plural(errors.len(), "file is", "files are")
            ));
        } else if !errors.is_empty() {
            match import {
                Some(s) => diag.info(format_args!(
                    "{name}: checking with the {} usable facts only; {} reported above",
                    s.used,
                    plural(errors.len(), "problem", "problems"),
                )),
                None => {
                    let n = ledger.rows().iter().filter(|r| *r.file == *name).count();
                    // the rows left out, all of them (not only those whose
                    // problems are listed)
                    let lines: Vec<usize> = ledger
                        .rejected()
                        .iter()
                        .filter(|r| r.file == name)
                        .map(|r| r.line)
                        .collect();
                    diag.info(format_args!(
                        "{name}: checking with the {n} good {} only; {}",
                        if n == 1 { "row" } else { "rows" },
                        left_out_lines(lines, 0)
                    ));
                }
            }
        }
        if let (Some(s), true) = (import, verbose) {
            stats_lines(s, diag);
        }
    }
    // merge errors of no file named (none expected)
    for e in merge_errors.into_iter().flatten() {
        diag.error(e);
    }
    Some(ledger)
}

/// Reports the filers of directories and archives read since the last call:
/// every problem, and with `verbose` what each file gave.
pub fn report_loads(ledger: &Ledger, diag: &mut Diagnostics, verbose: bool) {
    for r in ledger.take_load_reports() {
        for w in &r.warnings {
            diag.notice(w);
        }
        for e in &r.errors {
            diag.error(e);
        }
        if verbose || !r.errors.is_empty() {
            for s in &r.imports {
                stats_lines(s, diag);
            }
        }
    }
}

/// "3 bad rows are left out (lines 4, 7, 9)": the lines of `errors`, the
/// first 20 of them, and the problems counted but not listed.
pub fn left_out(errors: &[Error]) -> String {
    let more: usize = errors
        .iter()
        .map(|e| match e.kind() {
            figcheck::ErrorKind::MoreProblems { more, .. } => *more,
            _ => 0,
        })
        .sum();
    let lines = errors
        .iter()
        .filter(|e| !matches!(e.kind(), figcheck::ErrorKind::MoreProblems { .. }))
        .filter_map(|e| e.location().line)
        .collect();
    left_out_lines(lines, more)
}

/// [`left_out`] of the rows on `lines`, and `more` problems not listed.
fn left_out_lines(lines: Vec<usize>, more: usize) -> String {
    let lines: Vec<usize> = lines
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let shown: Vec<String> = lines.iter().take(20).map(usize::to_string).collect();
    let rest = lines.len() - shown.len();
    let mut s = format!(
        "{} left out (line{} {}{})",
        plural(lines.len(), "bad row is", "bad rows are"),
        if lines.len() == 1 { "" } else { "s" },
        shown.join(", "),
        if rest > 0 {
            format!(", and {rest} more")
        } else {
            String::new()
        }
    );
    if more > 0 {
        s.push_str(&format!(
            ", and the rows of {more} more {} not listed",
            if more == 1 { "problem" } else { "problems" }
        ));
    }
    s
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A file's counts, then the place of the first fact skipped for each
/// reason.
fn stats_lines(s: &ImportStats, diag: &mut Diagnostics) {
    diag.info(stats_line(s));
    for (why, at) in &s.first_skipped {
        diag.info(format_args!("  skipped for {why}, the first at {at}"));
    }
}

/// "CIK0000320193.json: Apple Inc. (CIK 320193): 24,579 facts; 21,360 used;
/// 3,219 skipped (form 8-K 1,118, taxonomy srt 20 …); 102 fourth quarters
/// derived; newest filing 2026-01-30".
pub fn stats_line(s: &ImportStats) -> String {
    let cik = s.cik.map(|c| format!(" (CIK {c})")).unwrap_or_default();
    let skipped = if s.skipped.is_empty() {
        "none skipped".to_string()
    } else {
        let reasons: Vec<String> = s
            .skipped
            .iter()
            .map(|(why, n)| format!("{why}: {}", thousands(*n)))
            .collect();
        format!(
            "{} skipped ({})",
            thousands(s.skipped_total()),
            reasons.join(", ")
        )
    };
    let newest = s
        .newest_filed
        .map(|d| format!("; newest filing {d}"))
        .unwrap_or_default();
    format!(
        "{}: {}{cik}: {} facts read, {} used, {skipped}; {} derived{newest}",
        s.path,
        s.entity,
        thousands(s.facts),
        thousands(s.used),
        match s.derived {
            1 => "1 fourth quarter".to_string(),
            n => format!("{} fourth quarters", thousands(n)),
        },
    )
}

/// 24579 → "24,579".
fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(24579), "24,579");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
