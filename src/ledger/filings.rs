//! Many filers at once: a directory of companyfacts files, or SEC's bulk
//! `companyfacts.zip` (one `CIK##########.json` per filer).
//!
//! Only the head of each file is read at first, for its `cik` and
//! `entityName`: the index. A filer's facts are parsed when a claim first
//! needs them (when an article names the company), once, and kept; so a
//! check over a zip of every filer reads only the companies its articles
//! name. What each load gave, and its problems, are queued for the caller
//! ([`super::Ledger::take_load_reports`]).

use super::{ImportStats, Ledger, LedgerBuilder};
use crate::error::{Error, ErrorKind};
use crate::fold::fold;
use serde::de::{Error as _, IgnoredAny, MapAccess, Visitor};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
#[cfg(feature = "zip")]
use std::sync::Arc;
use std::sync::{Mutex, OnceLock};

/// How much of a file's head is read for its index entry, at most.
const HEAD: u64 = 64 * 1024;
/// … and first (SEC's files give `cik` and `entityName` in their first
/// hundred bytes).
const FIRST: u64 = 4 * 1024;

/// The `cik` and `entityName` of `source`, from its first [`FIRST`] bytes,
/// or its first [`HEAD`] bytes when those do not hold them.
fn head_of(source: &Source, label: &str) -> Result<(Option<u64>, String), Error> {
    let first = source.read(Some(FIRST))?;
    match head(&first, label) {
        Err(_) if first.len() as u64 == FIRST => head(&source.read(Some(HEAD))?, label),
        r => r,
    }
}

/// A zip archive, shared by its entries (reading one entry at a time).
#[cfg(feature = "zip")]
pub(super) struct Archive {
    path: String,
    zip: Mutex<zip::ZipArchive<std::fs::File>>,
}

/// Where one filer's companyfacts come from.
#[derive(Clone)]
pub(super) enum Source {
    /// A file of a directory.
    File(PathBuf),
    /// An entry of a zip archive.
    #[cfg(feature = "zip")]
    Zip {
        archive: Arc<Archive>,
        index: usize,
        name: String,
    },
}

fn io_error(label: &str, e: impl fmt::Display) -> Error {
    Error::new(ErrorKind::Io {
        message: super::table::lowercase_first(&e.to_string()),
    })
    .with_path(label)
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Source({})", self.label())
    }
}

impl Source {
    /// The name in messages: the path, or `archive.zip[entry.json]`.
    pub(super) fn label(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            #[cfg(feature = "zip")]
            Source::Zip { archive, name, .. } => format!("{}[{name}]", archive.path),
        }
    }

    /// The first `limit` bytes (all of them for `None`).
    fn read(&self, limit: Option<u64>) -> Result<Vec<u8>, Error> {
        let label = self.label();
        let mut out = Vec::new();
        match self {
            Source::File(p) => {
                let f = std::fs::File::open(p).map_err(|e| io_error(&label, e))?;
                let r = match limit {
                    Some(n) => f.take(n).read_to_end(&mut out),
                    None => (&f).read_to_end(&mut out),
                };
                r.map_err(|e| io_error(&label, e))?;
            }
            #[cfg(feature = "zip")]
            Source::Zip { archive, index, .. } => {
                let mut zip = archive
                    .zip
                    .lock()
                    .map_err(|_| io_error(&label, "the archive's lock was poisoned"))?;
                let entry = zip.by_index(*index).map_err(|e| io_error(&label, e))?;
                let r = match limit {
                    Some(n) => entry.take(n).read_to_end(&mut out),
                    None => {
                        let mut entry = entry;
                        entry.read_to_end(&mut out)
                    }
                };
                r.map_err(|e| io_error(&label, e))?;
            }
        }
        Ok(out)
    }
}

/// An index entry: a filer's name, its CIK, and where its file is.
pub(super) type Entry = (String, Option<u64>, Source);

/// One filer of a directory or archive.
pub(super) struct Filer {
    pub(super) name: String,
    /// The filer's CIK, when its file gives one.
    pub(super) cik: Option<u64>,
    pub(super) sources: Vec<Source>,
    loaded: OnceLock<Ledger>,
}

/// What loading one filer gave: each file's counts and every problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadReport {
    /// The filer's name.
    pub entity: String,
    /// What each of its files gave.
    pub imports: Vec<ImportStats>,
    /// Every problem, located.
    pub errors: Vec<Error>,
    /// Problems that did not stop the figures from being used.
    pub warnings: Vec<Error>,
}

/// The filers of every directory and archive given, loaded when first needed.
#[derive(Default)]
pub(super) struct Lazy {
    filers: Vec<Filer>,
    /// folded name → index into `filers`
    by_name: HashMap<String, usize>,
    reports: Mutex<Vec<LoadReport>>,
}

impl fmt::Debug for Lazy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lazy({} filers)", self.filers.len())
    }
}

impl Lazy {
    /// Groups index entries by filer name (two vintages of one filer are one
    /// filer, their figures merged as versions).
    pub(super) fn new(entries: Vec<Entry>) -> Lazy {
        let mut lazy = Lazy::default();
        for (name, cik, source) in entries {
            let key = fold(&name);
            match lazy.by_name.get(&key) {
                Some(&i) => lazy.filers[i].sources.push(source),
                None => {
                    // by its name, and by its CIK ("320193")
                    if let Some(c) = cik {
                        lazy.by_name
                            .entry(c.to_string())
                            .or_insert(lazy.filers.len());
                    }
                    lazy.by_name.insert(key, lazy.filers.len());
                    lazy.filers.push(Filer {
                        name,
                        cik,
                        sources: vec![source],
                        loaded: OnceLock::new(),
                    });
                }
            }
        }
        lazy
    }

    pub(super) fn is_empty(&self) -> bool {
        self.filers.is_empty()
    }

    pub(super) fn filers(&self) -> &[Filer] {
        &self.filers
    }

    /// The filer named `entity` (compared folded), or whose CIK it is.
    pub(super) fn filer(&self, entity: &str) -> Option<&Filer> {
        if self.filers.is_empty() {
            return None;
        }
        let e = entity.trim();
        let digits = e
            .strip_prefix("CIK")
            .unwrap_or(e)
            .trim()
            .trim_start_matches('0');
        self.by_name
            .get(&fold(e))
            .or_else(|| self.by_name.get(digits))
            .map(|&i| &self.filers[i])
    }

    /// The filer's ledger, parsing its files the first time.
    pub(super) fn ledger<'l>(&'l self, f: &'l Filer) -> &'l Ledger {
        f.loaded.get_or_init(|| {
            let mut b = LedgerBuilder::new();
            let mut errors = Vec::new();
            for s in &f.sources {
                match s.read(None) {
                    Ok(bytes) => match b.add_companyfacts_bytes(&bytes, &s.label()) {
                        Ok((_, e)) => errors.extend(e),
                        Err(e) => errors.extend(e),
                    },
                    Err(e) => errors.push(e),
                }
            }
            let (ledger, more) = b.build();
            errors.extend(more);
            if let Ok(mut r) = self.reports.lock() {
                r.push(LoadReport {
                    entity: f.name.clone(),
                    imports: ledger.imports().to_vec(),
                    errors,
                    warnings: ledger.warnings().to_vec(),
                });
            }
            ledger
        })
    }

    /// The filer's ledger if it was loaded.
    pub(super) fn loaded<'l>(&'l self, f: &'l Filer) -> Option<&'l Ledger> {
        f.loaded.get()
    }

    /// The reports of the loads since the last call.
    pub(super) fn take_reports(&self) -> Vec<LoadReport> {
        self.reports
            .lock()
            .map(|mut r| std::mem::take(&mut *r))
            .unwrap_or_default()
    }
}

/// The top of a companyfacts file up to `facts`.
struct Head<'a>(&'a mut (Option<serde_json::Value>, Option<String>));

/// Stops the head's reading at `facts`.
const STOP: &str = "figcheck: the head ends at facts";

impl<'de> Visitor<'de> for Head<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a companyfacts object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
        while let Some(k) = m.next_key::<Cow<'de, str>>()? {
            match &*k {
                "cik" => self.0.0 = Some(m.next_value()?),
                "entityName" => self.0.1 = m.next_value()?,
                "facts" => return Err(A::Error::custom(STOP)),
                _ => {
                    m.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The `cik` and `entityName` at the head of a companyfacts file's bytes.
fn head(bytes: &[u8], label: &str) -> Result<(Option<u64>, String), Error> {
    let not = |found: String| {
        Error::new(ErrorKind::NotCompanyfacts { found })
            .with_path(label)
            .with_line_col(1, 1)
    };
    let text = String::from_utf8_lossy(bytes);
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if !body.starts_with('{') {
        return Err(not(if body.is_empty() {
            "the file is empty".into()
        } else {
            "the text does not start with '{'".into()
        }));
    }
    let mut found = (None, None);
    let mut de = serde_json::Deserializer::from_str(body);
    let r = serde::Deserializer::deserialize_map(&mut de, Head(&mut found));
    // the head is read up to `facts` (or the end of a file without facts)
    let complete = match r {
        Ok(()) => true,
        Err(e) if e.to_string().starts_with(STOP) => true,
        Err(e) if e.is_eof() => false,
        Err(e) => return Err(not(e.to_string())),
    };
    let cik = found.0.as_ref().and_then(super::companyfacts::cik);
    match (found.1, cik) {
        (Some(n), _) if !n.trim().is_empty() => Ok((cik, n.trim().to_string())),
        // named as the full reading names it
        (_, Some(c)) if complete => Ok((Some(c), format!("CIK {c}"))),
        _ => Err(not(format!(
            "no \"cik\" or \"entityName\" before \"facts\" in its first {} KB",
            HEAD / 1024
        ))),
    }
}

/// Index entries of a directory: every `.json` file under it (recursively,
/// in name order; hidden entries skipped), and the errors of files whose
/// head is not companyfacts. Other files are counted.
pub(super) fn index_directory(dir: &Path) -> Result<(Vec<Entry>, Vec<Error>, usize), Vec<Error>> {
    let mut files = Vec::new();
    let mut others = 0;
    let mut stack = vec![dir.to_path_buf()];
    let mut errors = Vec::new();
    while let Some(d) = stack.pop() {
        let rd = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) => {
                let err = io_error(&d.display().to_string(), e);
                if d == dir {
                    return Err(vec![err]);
                }
                errors.push(err);
                continue;
            }
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries.into_iter().rev() {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            {
                files.push(p);
            } else {
                others += 1;
            }
        }
    }
    files.sort();
    let mut out = Vec::with_capacity(files.len());
    for p in files {
        let source = Source::File(p);
        let label = source.label();
        match head_of(&source, &label) {
            Ok((cik, name)) => out.push((name, cik, source)),
            Err(e) => errors.push(e),
        }
    }
    Ok((out, errors, others))
}

/// Index entries of a zip archive of companyfacts files; an entry that is
/// not a `.json` file, or whose head is not companyfacts, is an error
/// naming it.
#[cfg(feature = "zip")]
pub(super) fn index_zip(path: &Path) -> Result<ZipIndex, Vec<Error>> {
    let label = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| vec![io_error(&label, e)])?;
    let mut zip = zip::ZipArchive::new(file)
        .map_err(|e| vec![io_error(&label, format!("not a zip archive: {e}"))])?;
    let mut names = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let e = zip.by_index_raw(i).map_err(|e| vec![io_error(&label, e)])?;
        names.push((
            i,
            String::from_utf8_lossy(e.name_raw()).into_owned(),
            e.is_dir(),
        ));
    }
    let archive = Arc::new(Archive {
        path: label,
        zip: Mutex::new(zip),
    });
    index_entries(archive, names)
}

#[cfg(feature = "zip")]
type ZipIndex = (Vec<Entry>, Vec<Error>);

#[cfg(feature = "zip")]
fn index_entries(
    archive: Arc<Archive>,
    names: Vec<(usize, String, bool)>,
) -> Result<ZipIndex, Vec<Error>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (index, name, dir) in names {
        if dir {
            continue;
        }
        let source = Source::Zip {
            archive: archive.clone(),
            index,
            name: name.clone(),
        };
        let label = source.label();
        if !name.to_ascii_lowercase().ends_with(".json") {
            errors.push(
                Error::new(ErrorKind::NotCompanyfacts {
                    found: "a zip entry that is not a .json file".into(),
                })
                .with_path(label),
            );
            continue;
        }
        match head_of(&source, &label) {
            Ok((cik, n)) => out.push((n, cik, source)),
            Err(e) => errors.push(e),
        }
    }
    Ok((out, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads() {
        let h = |s: &str| head(s.as_bytes(), "x.json").map_err(|e| e.to_string());
        assert_eq!(
            h(r#"{"cik":1045810,"entityName":"NVIDIA CORP","facts":{"dei":"#),
            Ok((Some(1045810), "NVIDIA CORP".into()))
        );
        assert_eq!(
            h(r#"{ "cik": "0001997711", "entityName": "Logistic \u0050roperties", "facts": {} }"#),
            Ok((Some(1997711), "Logistic Properties".into()))
        );
        // cut off before facts: what was read
        assert_eq!(h(r#"{"cik":1,"entityName":"A"#), Err("x.json:1:1: not companyfacts JSON: no \"cik\" or \"entityName\" before \"facts\" in its first 64 KB: expected an object with \"cik\", \"entityName\" and \"facts\"".into()));
        assert_eq!(
            h(r#"{"cik":1,"entityName":"A","#),
            Ok((Some(1), "A".into()))
        );
        assert_eq!(h(r#"{"cik":5,"facts":{}}"#), Ok((Some(5), "CIK 5".into())));
        assert_eq!(h(r#"{"facts":{},"cik":5}"#).map(|x| x.0), Err("x.json:1:1: not companyfacts JSON: no \"cik\" or \"entityName\" before \"facts\" in its first 64 KB: expected an object with \"cik\", \"entityName\" and \"facts\"".into()));
        assert!(h("[1,2]").is_err());
        assert!(h("").is_err());
    }

    #[test]
    fn a_head_past_the_first_read_is_read_again_longer() {
        let dir = std::env::temp_dir().join(format!("figcheck-head-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let pad = "x".repeat(6000);
        let cases = [
            (
                format!("{{\"pad\":\"{pad}\",\"cik\":7,\"entityName\":\"Late\",\"facts\":{{}}}}"),
                Ok((Some(7), "Late".to_string())),
            ),
            (
                format!("{{\"cik\":8,\"entityName\":\"Early\",\"pad\":\"{pad}\",\"facts\":{{}}}}"),
                Ok((Some(8), "Early".to_string())),
            ),
            // the name cut by the first read
            (
                format!("{{\"cik\":9,\"entityName\":\"{pad}\",\"facts\":{{}}}}"),
                Ok((Some(9), pad.clone())),
            ),
        ];
        for (i, (text, want)) in cases.into_iter().enumerate() {
            let p = dir.join(format!("{i}.json"));
            std::fs::write(&p, text).expect("write");
            let got: Result<_, String> =
                head_of(&Source::File(p), "x.json").map_err(|e| e.to_string());
            assert_eq!(got, want, "case {i}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
