//! The `figcheck` binary: stdout, stderr and exit status of `figcheck extract`.
//!
//! Each test runs the binary in its own temporary directory, so file names in
//! messages are the short relative names the test wrote. Inputs are simple,
//! unambiguous figures; the extractor's edge cases are tested elsewhere.
//! The helpers here are shared with `cli_check`.

#![cfg(feature = "cli")]

use serde_json::Value as Json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_figcheck");

/// A fresh directory under the system temp dir, removed on drop.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new(name: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("figcheck-cli-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temp dir");
        TempDir(dir)
    }

    pub(crate) fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> &Self {
        std::fs::write(self.0.join(name), contents).expect("write a fixture");
        self
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// The stdout lines parsed as JSON.
    pub(crate) fn json(&self) -> Vec<Json> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
            .collect()
    }
}

pub(crate) fn figcheck(dir: &TempDir, args: &[&str], stdin: Option<&[u8]>) -> Run {
    run_in(dir.path(), args, stdin)
}

/// Runs figcheck in `dir` with `args`, feeding it `stdin`.
pub(crate) fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start figcheck");
    let mut input = child.stdin.take().expect("piped stdin");
    let data = stdin.unwrap_or_default().to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("run figcheck");
    feeder.join().expect("stdin feeder");
    Run {
        code: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

const NEWS: &str =
    "OpenAI 将投资 5000 亿美元,软银现金约 250 亿美元。\n持有 90% 的股份, $100 billion.\n";

const NEWS_TABLE: &str = "\
LINE:COL  MENTION        VALUE         CURRENCY  QUALIFIER  PRECISION
1:12      5000 亿美元    500000000000  USD       exact      100000000
1:25      约 250 亿美元  25000000000   USD       approx     100000000
2:4       90%            90            %         exact      1
2:13      $100 billion   100000000000  USD       exact      1000000000
4 mentions
";

#[test]
fn text_output_is_an_aligned_table() {
    let dir = TempDir::new("text");
    dir.write("news.txt", NEWS);
    let r = figcheck(&dir, &["extract", "news.txt"], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.stdout, NEWS_TABLE);
}

#[test]
fn text_output_of_several_files_has_headings_and_a_total() {
    let dir = TempDir::new("text-several");
    dir.write("a.txt", "OpenAI 将投资 5000 亿美元")
        .write("b.txt", "up 90%");
    let r = figcheck(&dir, &["extract", "a.txt", "b.txt"], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let expected = "\
a.txt
LINE:COL  MENTION      VALUE         CURRENCY  QUALIFIER  PRECISION
1:12      5000 亿美元  500000000000  USD       exact      100000000
1 mention

b.txt
LINE:COL  MENTION  VALUE  CURRENCY  QUALIFIER  PRECISION
1:4       90%      90     %         exact      1
1 mention

2 mentions in 2 inputs
";
    assert_eq!(r.stdout, expected);
}

#[test]
fn json_output_fields() {
    let dir = TempDir::new("json");
    let text = "OpenAI 将投资 5000 亿美元,软银现金约 250 亿美元,持有 90% 的股份";
    dir.write("news.txt", text);
    let r = figcheck(&dir, &["extract", "--format", "json", "news.txt"], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let docs = r.json();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "news.txt");
    let m = docs[0]["mentions"].as_array().expect("mentions array");
    assert_eq!(m.len(), 3);

    let first = &m[0];
    let (start, end) = (
        first["start"].as_u64().expect("start") as usize,
        first["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(&text[start..end], "5000 亿美元");
    assert_eq!(start, text.find("5000").expect("figure in text"));
    assert_eq!(first["kind"], "money");
    assert_eq!(
        (first["line"].clone(), first["column"].clone()),
        (1.into(), 12.into())
    );
    assert_eq!(first["text"], "5000 亿美元");
    assert_eq!(first["value"], "500000000000");
    assert_eq!(first["min"], Json::Null);
    assert_eq!(first["max"], Json::Null);
    assert_eq!(first["currency"], "USD");
    assert_eq!(first["approx"], false);
    assert_eq!(first["bound"], Json::Null);
    assert_eq!(first["inclusive"], false);
    assert_eq!(first["strong"], false);
    assert_eq!(first["points"], false);
    assert_eq!(first["precision"], "100000000");

    let approx = &m[1];
    assert_eq!(approx["text"], "约 250 亿美元");
    assert_eq!(approx["value"], "25000000000");
    assert_eq!(approx["approx"], true);
    let (s, e) = (
        approx["start"].as_u64().expect("start") as usize,
        approx["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(&text[s..e], "约 250 亿美元");
    assert_eq!(
        (approx["line"].clone(), approx["column"].clone()),
        (1.into(), 25.into())
    );

    let pct = &m[2];
    assert_eq!(pct["kind"], "percent");
    assert_eq!(pct["value"], "90");
    assert_eq!(pct["currency"], Json::Null);
    assert_eq!(pct["precision"], "1");

    // The exact key set (the library's `MentionRecord`, shared with `figcheck
    // check`), so the schema does not drift unnoticed.
    let keys: Vec<&str> = first
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "kind",
        "start",
        "end",
        "line",
        "column",
        "text",
        "value",
        "min",
        "max",
        "currency",
        "approx",
        "bound",
        "inclusive",
        "strong",
        "points",
        "precision",
    ];
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);
}

#[test]
fn jsonl_streams_documents_and_reports_bad_lines() {
    let dir = TempDir::new("jsonl");
    let docs = concat!(
        "{\"id\": 7, \"text\": \"OpenAI 将投资 5000 亿美元\", \"source\": \"x\"}\n",
        "{\"id\": \"b\", \"text\": \"up 90%\"}\n",
        "{\"id\": \"broken\", \"text\": \n",
        "\n",
        "{\"id\": \"no-text\", \"body\": \"$100 billion\"}\n",
        "{\"id\": 1.50, \"text\": \"约 250 亿美元\"}\r\n",
        "{\"text\": \"nothing here\"}\n",
    );
    dir.write("docs.jsonl", docs);
    let r = figcheck(&dir, &["extract", "--input", "jsonl", "docs.jsonl"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let out = r.json();
    assert_eq!(out.len(), 4, "{}", r.stdout);
    assert_eq!(out[0]["id"], 7);
    assert!(out[0]["id"].is_u64(), "a numeric id stays a number");
    assert_eq!(out[0]["mentions"][0]["value"], "500000000000");
    assert_eq!(out[0]["mentions"][0]["start"], "OpenAI 将投资 ".len());
    assert_eq!(out[1]["id"], "b");
    assert_eq!(out[1]["mentions"][0]["kind"], "percent");
    // Echoed as given, digits and all.
    assert!(
        r.stdout
            .lines()
            .nth(2)
            .expect("third line")
            .starts_with("{\"id\":1.50,"),
        "{}",
        r.stdout
    );
    assert_eq!(out[2]["mentions"][0]["value"], "25000000000");
    assert_eq!(out[3]["id"], Json::Null);
    assert_eq!(out[3]["mentions"], serde_json::json!([]));

    let errors: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    assert!(
        errors[0].starts_with("figcheck: docs.jsonl:3:"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("invalid JSON"), "{}", errors[0]);
    assert_eq!(
        errors[1],
        "figcheck: docs.jsonl:5:1: no \"text\" field: expected an object such as {\"id\": 1, \"text\": \"...\"}"
    );
}

#[test]
fn jsonl_rejects_non_string_text_non_objects_and_bad_ids() {
    let dir = TempDir::new("jsonl-shapes");
    let docs = "{\"id\": 1, \"text\": 5}\n[1, 2]\n{\"id\": true, \"text\": \"90%\"}\n{\"id\": 4, \"text\": \"90%\"}\n";
    dir.write("d.jsonl", docs);
    let r = figcheck(&dir, &["extract", "--input", "jsonl", "d.jsonl"], None);
    assert_eq!(r.code, 2);
    assert_eq!(r.json().len(), 1);
    assert_eq!(r.json()[0]["id"], 4);
    let errors: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(errors.len(), 3, "{}", r.stderr);
    assert!(
        errors[0].starts_with("figcheck: d.jsonl:1:1: \"text\" is not a string"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("figcheck: d.jsonl:2:1: not a JSON object"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("figcheck: d.jsonl:3:1: \"id\" is not a string or number"),
        "{}",
        errors[2]
    );
}

#[test]
fn jsonl_invalid_utf8_line_is_located_and_skipped() {
    let dir = TempDir::new("jsonl-utf8");
    let mut docs = b"{\"id\": 1, \"text\": \"90%\"}\n".to_vec();
    let bad_line_start = docs.len();
    docs.extend_from_slice(b"{\"id\": 2, \"text\": \"\xff\"}\n{\"id\": 3, \"text\": \"5%\"}\n");
    dir.write("d.jsonl", &docs);
    let r = figcheck(&dir, &["extract", "--input", "jsonl", "d.jsonl"], None);
    assert_eq!(r.code, 2);
    let ids: Vec<Json> = r.json().iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, vec![Json::from(1), Json::from(3)]);
    let offset = bad_line_start + "{\"id\": 2, \"text\": \"".len();
    assert_eq!(
        r.stderr,
        format!("figcheck: d.jsonl:2:20: invalid UTF-8 at byte {offset}: expected UTF-8 text\n")
    );
}

#[test]
fn jsonl_from_stdin() {
    let dir = TempDir::new("jsonl-stdin");
    let r = figcheck(
        &dir,
        &["extract", "--input", "jsonl"],
        Some("{\"id\":\"s\",\"text\":\"$100 billion\"}\n".as_bytes()),
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let out = r.json();
    assert_eq!(out[0]["id"], "s");
    assert_eq!(out[0]["mentions"][0]["value"], "100000000000");
    assert_eq!(out[0]["mentions"][0]["currency"], "USD");
}

#[test]
fn invalid_utf8_file_reports_offset_line_and_column() {
    let dir = TempDir::new("utf8");
    dir.write("bad.txt", b"ab\n\xe7\xba\xa6 250 \xff rest".as_slice())
        .write("good.txt", "up 90%");
    let r = figcheck(
        &dir,
        &["extract", "--format", "json", "bad.txt", "good.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "figcheck: bad.txt:2:7: invalid UTF-8 at byte 11: expected UTF-8 text\n"
    );
    let out = r.json();
    assert_eq!(out.len(), 1, "the good file is still processed");
    assert_eq!(out[0]["id"], "good.txt");
}

#[test]
fn missing_file_is_an_error_but_others_are_processed() {
    let dir = TempDir::new("missing");
    dir.write("good.txt", "up 90%");
    let r = figcheck(&dir, &["extract", "missing.txt", "good.txt"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("figcheck: missing.txt: cannot read: no such file or directory"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1);
    assert!(r.stdout.contains("good.txt\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .ends_with("\n1 mention in 1 input; 1 input not read\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn empty_file_has_no_mentions() {
    let dir = TempDir::new("empty");
    dir.write("empty.txt", "");
    let r = figcheck(&dir, &["extract", "empty.txt"], None);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (0, "0 mentions\n", "")
    );
    let r = figcheck(&dir, &["extract", "--format", "json", "empty.txt"], None);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (0, "{\"id\":\"empty.txt\",\"mentions\":[]}\n", "")
    );
    let r = figcheck(&dir, &["extract", "--input", "jsonl", "empty.txt"], None);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}

#[test]
fn stdin_by_dash_or_by_default() {
    let dir = TempDir::new("stdin");
    for args in [&["extract", "-"][..], &["extract"][..]] {
        let r = figcheck(&dir, args, Some(NEWS.as_bytes()));
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        assert_eq!(r.stdout, NEWS_TABLE);
    }
    let r = figcheck(
        &dir,
        &["extract", "--format", "json", "-"],
        Some(NEWS.as_bytes()),
    );
    assert_eq!(r.json()[0]["id"], "-");
    assert_eq!(r.json()[0]["mentions"].as_array().map(Vec::len), Some(4));
}

#[test]
fn currency_hint_is_validated_and_applied() {
    let dir = TempDir::new("hint");
    let r = figcheck(
        &dir,
        &["extract", "--currency-hint", "XYZ"],
        Some(b"$100 billion"),
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "figcheck: --currency-hint: unknown currency \"XYZ\": expected an ISO 4217 code such as USD\n"
    );

    let r = figcheck(
        &dir,
        &["extract", "--format", "json", "--currency-hint", "hkd"],
        Some(b"$100 billion"),
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.json()[0]["mentions"][0]["currency"], "HKD");
}

/// `-q` quiets the chatter only: the requested output is written (to
/// stdout or with `-o`), and errors are still said.
#[test]
fn quiet_keeps_the_output_and_the_errors() {
    let dir = TempDir::new("quiet");
    dir.write("news.txt", NEWS);
    let plain = figcheck(&dir, &["extract", "news.txt"], None);
    let r = figcheck(&dir, &["extract", "-q", "news.txt"], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.stdout, plain.stdout);
    assert!(!r.stdout.is_empty());
    let r = figcheck(&dir, &["extract", "-q", "news.txt", "missing.txt"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("figcheck: missing.txt: cannot read"),
        "{}",
        r.stderr
    );
    let r = figcheck(&dir, &["extract", "-q", "news.txt", "-o", "out.txt"], None);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
    let written = std::fs::read_to_string(dir.path().join("out.txt")).expect("written");
    assert_eq!(written, plain.stdout);
    let r = figcheck(
        &dir,
        &["extract", "--quiet", "--currency-hint", "XYZ"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("XYZ"), "{}", r.stderr);
}

#[test]
fn output_file() {
    let dir = TempDir::new("output");
    dir.write("news.txt", NEWS);
    let r = figcheck(&dir, &["extract", "news.txt", "-o", "out.txt"], None);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
    let written = std::fs::read_to_string(dir.path().join("out.txt")).expect("output written");
    assert_eq!(written, NEWS_TABLE);

    let r = figcheck(&dir, &["extract", "news.txt", "--output", "news.txt"], None);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "figcheck: news.txt: output file is also an input: expected a different -o file\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("news.txt")).expect("input kept"),
        NEWS
    );

    let r = figcheck(
        &dir,
        &["extract", "news.txt", "-o", "no/such/dir/out.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("figcheck: no/such/dir/out.txt: cannot create the output file: "),
        "{}",
        r.stderr
    );
}

#[test]
fn color_only_when_asked_and_never_in_json() {
    let dir = TempDir::new("color");
    dir.write("news.txt", NEWS);
    // stdout is a pipe here: `auto` does not color.
    let r = figcheck(&dir, &["extract", "news.txt"], None);
    assert!(!r.stdout.contains('\x1b'));
    let r = figcheck(&dir, &["extract", "--color", "always", "news.txt"], None);
    assert!(r.stdout.contains("\x1b[1mUSD\x1b[0m"), "{}", r.stdout);
    let r = figcheck(
        &dir,
        &[
            "extract", "--color", "always", "--format", "json", "news.txt",
        ],
        None,
    );
    assert!(!r.stdout.contains('\x1b'));
    r.json();
}

#[test]
fn overflow_is_a_located_warning_and_the_run_goes_on() {
    let dir = TempDir::new("overflow");
    dir.write(
        "big.txt",
        "first 90%\n  9999999999999999999999999999999 亿美元, then $100 billion",
    );
    let r = figcheck(&dir, &["extract", "--format", "json", "big.txt"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("figcheck: warning: big.txt:2:3: amount "),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("out of range"), "{}", r.stderr);
    let values: Vec<Json> = r.json()[0]["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| m["value"].clone())
        .collect();
    assert_eq!(values, vec![Json::from("90"), Json::from("100000000000")]);
}

#[test]
fn usage_errors_exit_2() {
    let dir = TempDir::new("usage");
    let r = figcheck(
        &dir,
        &["extract", "--input", "jsonl", "--format", "text"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("figcheck: --format text: not available with --input jsonl"),
        "{}",
        r.stderr
    );
    let r = figcheck(&dir, &["extract", "--bogus"], None);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    let r = figcheck(&dir, &["extract", "-", "-"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("standard input given more than once"),
        "{}",
        r.stderr
    );
    let r = figcheck(&dir, &["extract", "--format", "csv"], None);
    assert_eq!(r.code, 2);
}

#[test]
fn help_lists_only_working_subcommands() {
    let dir = TempDir::new("help");
    let r = figcheck(&dir, &["--help"], None);
    assert_eq!(r.code, 0);
    let commands: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("  ")?.split_whitespace().next())
        .filter(|w| !w.starts_with('-'))
        .collect();
    let mut expected = vec!["extract", "check", "ledger", "metrics", "companies"];
    if cfg!(feature = "serve") {
        expected.push("serve");
    }
    expected.push("help");
    assert_eq!(commands, expected, "{}", r.stdout);
}

#[test]
fn broken_pipe_exits_0_silently() {
    let dir = TempDir::new("pipe");
    let line = "{\"id\": 1, \"text\": \"OpenAI 将投资 5000 亿美元, 约 250 亿美元, 90%\"}\n";
    dir.write("many.jsonl", line.repeat(20_000));
    let mut child = Command::new(BIN)
        .args(["extract", "--input", "jsonl", "many.jsonl"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start figcheck");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("figcheck ends");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(first.starts_with(b"{\"id\":1,"));
}

/// `figcheck metrics` and `figcheck companies` list the built-in tables;
/// words narrow them (folded: 辉达 finds 輝達); --format csv writes CSV
/// that reads back with every row.
#[test]
fn metrics_and_companies_list_the_built_in_tables() {
    let dir = TempDir::new("tables");
    let r = figcheck(&dir, &["metrics", "--format", "csv"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rdr = csv::Reader::from_reader(r.stdout.as_bytes());
    assert_eq!(
        rdr.headers().expect("header").iter().collect::<Vec<_>>(),
        ["metric", "kind", "concepts", "en", "zh_hans", "zh_hant"]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), figcheck::names::metrics().len());
    assert!(rows.len() >= 50);
    assert_eq!(r.stderr.trim(), format!("figcheck: {} metrics", rows.len()));
    let r = figcheck(&dir, &["metrics", "每股純益"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("earnings per share (derived)\n"),
        "{}",
        r.stdout
    );
    let r = figcheck(&dir, &["companies", "辉达"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("NVIDIA (CIK 1045810)\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("輝達 | 英偉達"), "{}", r.stdout);
    assert!(r.stderr.contains("1 of "), "{}", r.stderr);
    let r = figcheck(&dir, &["companies", "--format", "csv", "-o", "c.csv"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(dir.path().join("c.csv")).expect("written");
    let n = csv::Reader::from_reader(text.as_bytes()).records().count();
    assert_eq!(n, figcheck::names::companies().len());
    assert!(n >= 200);
}
