//! User aliases: other names of the ledger's entities and metrics
//! (`kind, alias, canonical`).

use super::table::{Csv, check_width, lone_cr_to_lf, read_utf8, required, strict};
use crate::error::{Error, ErrorKind};
use serde::Serialize;
use std::path::Path;

/// Whether an alias names an entity or a metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    /// A company, fund, person or government.
    Entity,
    /// A measured quantity.
    Metric,
}

/// One alias: a surface form and the ledger name it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// Entity or metric.
    pub kind: AliasKind,
    /// The surface form as written in articles ("软银", "cash pile").
    pub alias: String,
    /// The ledger name ("SoftBank Group").
    pub canonical: String,
}

/// Alias table: surface forms of entity and metric names.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    entries: Vec<Alias>,
    warnings: Vec<Error>,
}

impl Aliases {
    /// Loads an aliases CSV file (`kind, alias, canonical`).
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn load(path: &Path) -> Result<Aliases, crate::error::Errors> {
        let text = read_utf8(path).map_err(|e| crate::error::Errors(vec![e]))?;
        Aliases::from_csv(&text, &path.display().to_string())
    }

    /// Loads an aliases CSV file, keeping the good rows when some are bad.
    ///
    /// # Errors
    /// When the file cannot be used at all: every such problem, located.
    pub fn load_partial(path: &Path) -> Result<(Aliases, Vec<Error>), Vec<Error>> {
        let text = read_utf8(path).map_err(|e| vec![e])?;
        Aliases::from_csv_partial(&text, &path.display().to_string())
    }

    /// Parses an aliases table from CSV text. Strict: any bad row fails the
    /// whole table.
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn from_csv(text: &str, path: &str) -> Result<Aliases, crate::error::Errors> {
        strict(Aliases::from_csv_partial(text, path))
    }

    /// Parses an aliases table from CSV text, keeping every good row and
    /// returning an error for each bad one.
    ///
    /// # Errors
    /// When the file cannot be used at all (empty, a required column missing
    /// or given twice): every such problem, located.
    pub fn from_csv_partial(text: &str, path: &str) -> Result<(Aliases, Vec<Error>), Vec<Error>> {
        let text = &*lone_cr_to_lf(text);
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let Some((csv, mut records)) = Csv::read(
            text,
            path,
            &["kind", "alias", "canonical"],
            &[],
            &mut errors,
            &mut warnings,
        ) else {
            return Err(super::table::capped(errors, path));
        };
        let mut entries = Vec::new();
        while let Some(at) = records.next(&csv, &mut errors, &mut warnings) {
            let rec = &records.rec;
            if !check_width(&csv, rec, at, &mut errors) {
                continue;
            }
            let kind = required(&csv, rec, at, "kind", &mut errors).and_then(|k| {
                match k.to_ascii_lowercase().as_str() {
                    "entity" => Some(AliasKind::Entity),
                    "metric" => Some(AliasKind::Metric),
                    _ => {
                        errors.push(csv.at(
                            ErrorKind::UnknownAliasKind {
                                found: k.to_string(),
                            },
                            at,
                            csv.cols["kind"],
                        ));
                        None
                    }
                }
            });
            let alias = required(&csv, rec, at, "alias", &mut errors);
            let canonical = required(&csv, rec, at, "canonical", &mut errors);
            if let (Some(kind), Some(alias), Some(canonical)) = (kind, alias, canonical) {
                entries.push(Alias {
                    kind,
                    alias: alias.to_string(),
                    canonical: canonical.to_string(),
                });
            }
        }
        Ok((
            Aliases {
                entries,
                warnings: super::table::capped(warnings, path),
            },
            super::table::capped(errors, path),
        ))
    }

    /// Adds an alias.
    pub fn push(&mut self, alias: Alias) {
        self.entries.push(alias);
    }

    /// All aliases.
    pub fn entries(&self) -> &[Alias] {
        &self.entries
    }

    /// Problems that did not stop loading.
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        let a = Aliases::from_csv(
            "kind,alias,canonical\nentity,软银,SoftBank Group\nmetric,市值,market capitalization\n",
            "a.csv",
        )
        .expect("loads");
        assert_eq!(a.entries().len(), 2);
        let e = Aliases::from_csv(
            "kind,alias,canonical\ncompany,软银,SoftBank Group\n",
            "a.csv",
        )
        .expect_err("bad kind");
        assert_eq!(
            e[0].to_string(),
            "a.csv:2:1: unknown kind \"company\": expected entity or metric"
        );
    }
}
