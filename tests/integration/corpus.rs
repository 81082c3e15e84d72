//! Corpus mode of the `figcheck` binary: many documents (JSON Lines,
//! directories, HTML) processed in parallel and written in input order,
//! bad documents reported by place, `--fail-on`, report formats for many
//! documents, `-j`, the summary line and the progress bar.

#![cfg(feature = "cli")]

use crate::cli::{BIN, Run, TempDir, figcheck};
use serde_json::{Value as Json, json};
use std::process::{Command, Stdio};

/// SoftBank's cash at two dates, in Chinese names; aliases give the English ones.
const LEDGER: &str = "\
entity,metric,period,value,unit,scale
软银,现金,2024-06-30,100,USD,亿
软银,现金,2024-12-31,280,USD,亿
";
const ALIASES: &str = "\
kind,alias,canonical
entity,SoftBank,软银
metric,cash,现金
";

fn with_ledger(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("ledger.csv", LEDGER)
        .write("aliases.csv", ALIASES);
    dir
}

/// `figcheck check ARGS --ledger ledger.csv --aliases aliases.csv --date 2025-01-10`.
fn check(dir: &TempDir, args: &[&str]) -> Run {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend([
        "--ledger",
        "ledger.csv",
        "--aliases",
        "aliases.csv",
        "--date",
        "2025-01-10",
    ]);
    figcheck(dir, &all, None)
}

/// The text of generated document `i`, and how many money or percent
/// figures it holds: Chinese and English sentences, consistent,
/// contradicted and unverifiable figures, some with no figure at all.
fn article(i: usize) -> (String, usize) {
    let n = 100 + i % 300;
    match i % 7 {
        0 => ("软银的现金 280 亿美元。".to_string(), 1),
        1 => (format!("软银的现金约 {n} 亿美元,持有安谋 90% 的股份。"), 2),
        2 => (
            format!("SoftBank's cash was about ${n} billion at the end of 2024."),
            1,
        ),
        3 => (
            format!("OpenAI 将投资 {n}00 亿美元。 Shares rose {}%.", i % 50),
            2,
        ),
        4 => ("没有数字的段落。No figures here.".to_string(), 0),
        5 => (
            format!(
                "SoftBank has well under ${} billion; 软银的现金 {n} 億美元",
                n / 10
            ),
            2,
        ),
        _ => (
            format!("Revenue of 1.{} trillion yen, 约 {n} 万元人民币。", i % 10),
            2,
        ),
    }
}

/// The id of document `i`: a number for every third, else a string.
fn id(i: usize) -> Json {
    if i % 3 == 0 {
        json!(i)
    } else {
        json!(format!("doc-{i}"))
    }
}

/// A JSON Lines corpus of `n` documents, with corrupt lines after documents
/// 1234 (not JSON), 5000 (no "text"), 7777 (invalid UTF-8) and a blank line
/// after document 99. Returns the corpus, and the line numbers of the
/// corrupt lines.
fn corpus(n: usize) -> (Vec<u8>, Vec<usize>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    let mut line = 0;
    for i in 0..n {
        let (text, _) = article(i);
        let doc = json!({"id": id(i), "text": text, "source": "generated"});
        out.extend_from_slice(doc.to_string().as_bytes());
        out.push(b'\n');
        line += 1;
        let corrupt: Option<&[u8]> = match i {
            99 => {
                out.extend_from_slice(b"   \n");
                line += 1;
                None
            }
            1234 => Some(b"this is not JSON"),
            5000 => Some(b"{\"id\": \"no-text\", \"body\": \"$5 billion\"}"),
            7777 => Some(b"{\"id\": \"bad-utf8\", \"text\": \"\xff\xfe 5 \xe4\xba\"}"),
            _ => None,
        };
        if let Some(c) = corrupt {
            out.extend_from_slice(c);
            out.push(b'\n');
            line += 1;
            bad.push(line);
        }
    }
    (out, bad)
}

/// The three corrupt lines are reported, in order, by line number.
fn assert_corrupt_lines_reported(stderr: &str, bad: &[usize]) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    for (l, n) in lines.iter().zip(bad) {
        assert!(
            l.starts_with(&format!("figcheck: corpus.jsonl:{n}:")),
            "line {n}: {l}"
        );
    }
    assert!(lines[0].contains("invalid JSON"), "{}", lines[0]);
    assert!(lines[1].contains("no \"text\" field"), "{}", lines[1]);
    assert!(lines[2].contains("invalid UTF-8"), "{}", lines[2]);
}

#[test]
fn ten_thousand_documents_in_input_order_with_corrupt_lines_reported() {
    let dir = with_ledger("ten-thousand");
    let n = 10_000;
    let (data, bad) = corpus(n);
    dir.write("corpus.jsonl", &data);
    let expected_ids: Vec<Json> = (0..n).map(id).collect();

    let r = check(
        &dir,
        &[
            "--input",
            "jsonl",
            "-j",
            "2",
            "--format",
            "json",
            "corpus.jsonl",
        ],
    );
    assert_eq!(r.code, 2, "errors win over contradictions: {}", r.stderr);
    assert_corrupt_lines_reported(&r.stderr, &bad);
    // the corrupt lines are records not checked, in their places
    let all = r.json();
    assert_eq!(all.len(), n + bad.len(), "one result line per line");
    assert_eq!(
        all.iter()
            .filter(|d| d.get("not_checked").is_some())
            .count(),
        bad.len()
    );
    let out: Vec<Json> = all
        .into_iter()
        .filter(|d| d.get("not_checked").is_none())
        .collect();
    let ids: Vec<Json> = out.iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids.len(), n, "one result line per good document");
    assert_eq!(ids, expected_ids, "results in input order");
    for (i, d) in out.iter().enumerate() {
        let claims = d["claims"].as_array().expect("claims");
        assert_eq!(claims.len(), article(i).1, "document {i}: {d}");
        let text = article(i).0;
        for c in claims {
            let (s, e) = (
                c["start"].as_u64().expect("start") as usize,
                c["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(text[s..e], c["text"], "document {i}");
        }
    }
    // Spot checks of verdicts: the ledger figure, a contradiction, English via aliases.
    assert_eq!(out[0]["claims"][0]["verdict"], "consistent");
    assert_eq!(out[0]["id"], 0);
    assert!(out[0]["id"].is_u64(), "numeric ids stay numbers");
    assert_eq!(out[1]["id"], "doc-1");
    assert_eq!(out[1]["claims"][0]["verdict"], "contradicted");
    assert_eq!(out[1]["claims"][1]["verdict"], "unverifiable");
    assert_eq!(out[2]["claims"][0]["entity"], "软银");

    let r = figcheck(
        &dir,
        &["extract", "--input", "jsonl", "-j", "2", "corpus.jsonl"],
        None,
    );
    assert_eq!(r.code, 2);
    assert_corrupt_lines_reported(&r.stderr, &bad);
    let out = r.json();
    let ids: Vec<Json> = out.iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, expected_ids);
    for (i, d) in out.iter().enumerate() {
        assert_eq!(
            d["mentions"].as_array().map(Vec::len),
            Some(article(i).1),
            "document {i}: {d}"
        );
    }
}

#[test]
fn one_and_several_threads_give_identical_output() {
    let dir = with_ledger("jobs");
    let (data, _) = corpus(400);
    dir.write("corpus.jsonl", &data);
    std::fs::create_dir_all(dir.path().join("articles/more")).expect("mkdir");
    for i in 0..40 {
        let (text, _) = article(i);
        let name = match i % 3 {
            0 => format!("articles/{i:02}.txt"),
            1 => format!("articles/more/{i:02}.md"),
            _ => format!("articles/{i:02}.html"),
        };
        let body = if name.ends_with(".html") {
            format!("<p>{text}</p>")
        } else {
            text
        };
        dir.write(&name, body);
    }
    dir.write("articles/bad.txt", b"\xff".as_slice());
    let runs = |args: &[&str]| {
        ["1", "2", "7"].map(|j| {
            let mut all = args.to_vec();
            all.extend(["-j", j]);
            let r = if args[0] == "extract" {
                figcheck(&dir, &all, None)
            } else {
                check(&dir, &all[1..])
            };
            (r.code, r.stdout, r.stderr)
        })
    };
    for args in [
        &["check", "--format", "json", "corpus.jsonl", "articles"][..],
        &["check", "articles"][..],
        &["check", "--format", "markdown", "articles"][..],
        &["check", "--format", "csv", "articles", "corpus.jsonl"][..],
        &["check", "--format", "html", "articles"][..],
        &["extract", "articles"][..],
        &["extract", "--format", "json", "corpus.jsonl", "articles"][..],
    ] {
        let [one, two, seven] = runs(args);
        assert!(!one.1.is_empty(), "{args:?}");
        assert_eq!(one.0, 2, "{args:?}: {}", one.2);
        assert!(one == two, "{args:?}: -j 1 and -j 2 differ");
        assert!(one == seven, "{args:?}: -j 1 and -j 7 differ");
    }
}

#[test]
fn directories_are_read_recursively_by_extension() {
    let dir = TempDir::new("walk");
    for (path, text) in [
        ("news/b.txt", "up 90%"),
        ("news/a/z.md", "# Title\n\n$100 billion"),
        ("news/a/y.html", "<p>约 250 亿美元</p>"),
        ("news/a/x.HTM", "<p>5%</p>"),
        (
            "news/c.jsonl",
            "{\"id\": 1, \"text\": \"2%\"}\n{\"id\": 2, \"text\": \"3%\"}\n",
        ),
        ("news/d.ndjson", "{\"id\": 3, \"text\": \"4%\"}\n"),
        ("news/notes.csv", "6%"),
        ("news/README", "7%"),
        ("news/.hidden.txt", "8%"),
        ("news/.git/e.txt", "9%"),
        ("single.txt", "10%"),
    ] {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let r = figcheck(
        &dir,
        &["extract", "--format", "json", "news", "single.txt"],
        None,
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let docs: Vec<(Json, Json)> = r
        .json()
        .iter()
        .map(|d| (d["id"].clone(), d["mentions"][0]["text"].clone()))
        .collect();
    assert_eq!(
        docs,
        vec![
            (json!("news/a/x.HTM"), json!("5%")),
            (json!("news/a/y.html"), json!("约 250 亿美元")),
            (json!("news/a/z.md"), json!("$100 billion")),
            (json!("news/b.txt"), json!("90%")),
            (json!(1), json!("2%")),
            (json!(2), json!("3%")),
            (json!(3), json!("4%")),
            (json!("single.txt"), json!("10%")),
        ]
    );

    // Text output: a heading per document, JSON Lines documents by line.
    let r = figcheck(&dir, &["extract", "news"], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let headings: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("news/"))
        .collect();
    assert_eq!(
        headings,
        [
            "news/a/x.HTM",
            "news/a/y.html",
            "news/a/z.md",
            "news/b.txt",
            "news/c.jsonl[1]",
            "news/c.jsonl[2]",
            "news/d.ndjson[1]"
        ]
    );
    assert!(
        r.stdout.ends_with("\n7 mentions in 7 inputs\n"),
        "{}",
        r.stdout
    );

    // An output file inside a walked directory is not read back.
    let r = figcheck(
        &dir,
        &[
            "extract",
            "--format",
            "json",
            "news",
            "-o",
            "news/out.jsonl",
        ],
        None,
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let written = std::fs::read_to_string(dir.path().join("news/out.jsonl")).expect("written");
    assert_eq!(written.lines().count(), 7);
}

#[test]
fn bad_files_in_a_directory_are_reported_and_the_others_read() {
    let dir = TempDir::new("walk-bad");
    std::fs::create_dir_all(dir.path().join("d")).expect("mkdir");
    dir.write("d/a.txt", "1%")
        .write("d/b.txt", b"ok \xff".as_slice())
        .write("d/c.jsonl", "{\"text\": \"2%\"}\n[1]\n{\"text\": \"3%\"}\n")
        .write("d/d.html", b"<p>4%</p>\xc3".as_slice());
    let r = figcheck(
        &dir,
        &["extract", "--format", "json", "--summary", "always", "d"],
        None,
    );
    assert_eq!(r.code, 2);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{}", r.stderr);
    assert_eq!(
        lines[0],
        "figcheck: d/b.txt:1:4: invalid UTF-8 at byte 3: expected UTF-8 text"
    );
    assert!(
        lines[1].starts_with("figcheck: d/c.jsonl:2:1: not a JSON object"),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        "figcheck: d/d.html:1:10: invalid UTF-8 at byte 9: expected UTF-8 text"
    );
    assert!(
        lines[3].starts_with("figcheck: 3 documents, 3 mentions, 3 not read, 3 errors, 0.0 MB in "),
        "{}",
        lines[3]
    );
    assert!(lines[3].ends_with(" MB/s)"), "{}", lines[3]);
    assert_eq!(r.json().len(), 3);
}

#[test]
fn html_input_reads_the_visible_text() {
    let dir = with_ledger("html");
    let html = "<!DOCTYPE html><html><head><title>软银的现金 1 亿美元</title>\
        <style>p:after { content: \"软银的现金 2 亿美元\" }</style>\
        <script>document.write(\"<p>软银的现金 3 亿美元</p>\")</script></head>\n\
        <body><noscript>软银的现金 4 亿美元</noscript>\n\
        <h1>SoftBank &amp; OpenAI</h1>\n\
        <p>软银的现金\n  <b>280</b>&nbsp;&#20159;美元。</p><p>AT&amp;T &lt;b&gt; 90%</p>\n\
        </body></html>";
    dir.write("a.html", html);

    let r = figcheck(&dir, &["extract", "--format", "json", "a.html"], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let doc = &r.json()[0];
    assert_eq!(doc["text_source"], "html-visible");
    let texts: Vec<&Json> = doc["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| &m["text"])
        .collect();
    assert_eq!(texts, [&json!("280 亿美元"), &json!("90%")]);
    // Offsets are in the visible text; html_spans point into the source.
    // A no-break space is read as a space.
    let visible = "SoftBank & OpenAI\n\n软银的现金 280 亿美元。\n\nAT&T <b> 90%";
    let m = &doc["mentions"][0];
    let (s, e) = (
        m["start"].as_u64().expect("start") as usize,
        m["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(&visible[s..e], "280 亿美元");
    assert_eq!(
        (m["line"].clone(), m["column"].clone()),
        (json!(3), json!(7))
    );
    let span = &doc["html_spans"][0];
    let (a, b) = (
        span[0].as_u64().expect("start") as usize,
        span[1].as_u64().expect("end") as usize,
    );
    assert_eq!(&html[a..b], "280</b>&nbsp;&#20159;美元");

    // The check finds the claim inside <p>, with its entity from the same paragraph.
    let r = check(&dir, &["--format", "json", "a.html"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let report = &r.json()[0];
    assert_eq!(report["text_source"], "html-visible");
    assert_eq!(report["claims"][0]["text"], "280 亿美元");
    assert_eq!(report["claims"][0]["verdict"], "consistent");
    assert_eq!(report["html_spans"][0], json!([a, b]));

    // Text output quotes the visible text.
    let r = check(&dir, &["a.html"]);
    assert!(
        r.stdout.starts_with("a.html:3:7  280 亿美元  CONSISTENT\n"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("</b>"), "{}", r.stdout);
    assert!(r.stdout.contains("AT&T <b> 90%"), "{}", r.stdout);

    // --input html reads standard input (or any file) as HTML.
    let r = figcheck(
        &dir,
        &["extract", "--input", "html", "--format", "json", "-"],
        Some(b"<p>a &lt; b, <i>$5</i> billion</p>"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()[0]["mentions"][0]["text"], "$5 billion");
    assert_eq!(r.json()[0]["html_spans"][0], json!([16, 30]));
}

#[test]
fn fail_on_chooses_what_exits_1() {
    let dir = with_ledger("fail-on");
    dir.write("ok.txt", "软银的现金 280 亿美元。")
        .write("unknown.txt", "OpenAI 将投资 5000 亿美元。")
        .write("bad.txt", "软银的现金 180 亿美元。");
    let code = |args: &[&str]| check(&dir, args).code;
    assert_eq!(code(&["ok.txt", "unknown.txt"]), 0);
    assert_eq!(
        code(&["ok.txt", "unknown.txt", "--fail-on", "contradicted"]),
        0
    );
    assert_eq!(
        code(&["ok.txt", "unknown.txt", "--fail-on", "unverifiable"]),
        1
    );
    assert_eq!(code(&["ok.txt", "--fail-on", "unverifiable"]), 0);
    assert_eq!(code(&["bad.txt"]), 1);
    assert_eq!(code(&["bad.txt", "--fail-on", "unverifiable"]), 1);
    // An error wins.
    assert_eq!(code(&["bad.txt", "missing.txt"]), 2);
    assert_eq!(
        code(&["unknown.txt", "missing.txt", "--fail-on", "unverifiable"]),
        2
    );
    let r = check(&dir, &["ok.txt", "--fail-on", "never"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("'never'"), "{}", r.stderr);
}

#[test]
fn report_formats_over_many_documents() {
    let dir = with_ledger("formats");
    let (data, _) = corpus(30);
    dir.write("corpus.jsonl", &data);

    // CSV: one header, then one row per claim of every document, in order.
    let r = check(
        &dir,
        &["--format", "csv", "--color", "always", "corpus.jsonl"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!r.stdout.contains('\x1b'));
    let mut rows = csv::Reader::from_reader(r.stdout.as_bytes());
    let headers = rows.headers().expect("a header").clone();
    assert_eq!(&headers[0], "id");
    let ids: Vec<String> = rows
        .records()
        .map(|row| row.expect("a CSV row")[0].to_string())
        .collect();
    let expected: Vec<String> = (0..30)
        .flat_map(|i| {
            let id = match id(i) {
                Json::String(s) => s,
                other => other.to_string(),
            };
            std::iter::repeat_n(id, article(i).1)
        })
        .collect();
    assert_eq!(ids, expected);

    // Markdown: one document after the other, separated by a rule.
    let r = check(&dir, &["--format", "markdown", "corpus.jsonl"]);
    let headings: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("# ")).collect();
    assert_eq!(headings.len(), 30);
    assert_eq!(headings[0], "# Fact-check: 0");
    assert_eq!(headings[1], "# Fact-check: doc-1");
    assert_eq!(r.stdout.matches("\n---\n").count(), 29);

    // HTML: one page with every document, written to -o.
    let r = check(
        &dir,
        &[
            "--format",
            "html",
            "--color",
            "always",
            "corpus.jsonl",
            "-o",
            "report.html",
        ],
    );
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    let page = std::fs::read_to_string(dir.path().join("report.html")).expect("page written");
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(page.matches("</html>").count(), 1);
    assert!(page.contains("doc-29"));
    assert!(!page.contains('\x1b'));
}

#[test]
fn jobs_must_be_at_least_one() {
    let dir = TempDir::new("jobs-zero");
    let r = figcheck(&dir, &["extract", "-j", "0"], Some(b"5%"));
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "figcheck: -j 0: no thread to work in: expected at least 1\n"
        )
    );
}

#[test]
fn no_progress_bar_or_summary_when_stderr_is_not_a_terminal() {
    let dir = TempDir::new("no-progress");
    let (data, _) = corpus(3000);
    // Without its corrupt lines.
    let good: Vec<u8> = data
        .split(|&b| b == b'\n')
        .filter(|l| serde_json::from_slice::<Json>(l).is_ok_and(|d| d["text"].is_string()))
        .flat_map(|l| l.iter().copied().chain([b'\n']))
        .collect();
    dir.write("corpus.jsonl", &good);
    let r = figcheck(&dir, &["extract", "corpus.jsonl", "-j", "2"], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.stdout.lines().count(), 3000);

    // --summary always: one line, no bar.
    let r = figcheck(
        &dir,
        &["extract", "corpus.jsonl", "--summary", "always"],
        None,
    );
    assert_eq!(r.code, 0);
    assert!(!r.stderr.contains('\r') && !r.stderr.contains('\x1b'));
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    let mentions: usize = (0..3000).map(|i| article(i).1).sum();
    assert!(
        lines[0].starts_with(&format!(
            "figcheck: 3000 documents, {mentions} mentions, 0 errors, "
        )),
        "{}",
        lines[0]
    );
    let r = figcheck(
        &dir,
        &["extract", "corpus.jsonl", "--summary", "always", "-q"],
        None,
    );
    // -q wins over --summary always; the output is still written
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert!(!r.stdout.is_empty());
}

/// Under a pseudo-terminal (`script`, when installed), stderr is a terminal:
/// the summary line comes by default, and a bar is drawn while working.
#[test]
fn summary_and_progress_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to make a terminal");
        return;
    }
    let dir = with_ledger("tty");
    let (data, _) = corpus(2_000);
    dir.write("corpus.jsonl", &data);
    let command = format!(
        "{BIN} check --input jsonl corpus.jsonl --ledger ledger.csv --aliases aliases.csv \
         -j 1 -o out.jsonl"
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("run script");
    let tty = String::from_utf8_lossy(&out.stdout);
    let last = tty.lines().last().unwrap_or_default();
    assert!(
        last.contains("figcheck: 2000 documents, ") && last.contains(" consistent, "),
        "{tty}"
    );
    assert!(tty.contains(", 1 not read, 1 error, "), "{tty}");
    // The bar is drawn (and cleared) on the terminal, never in the output.
    assert!(tty.contains("ETA"), "{tty}");
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).expect("written");
    // 2,000 reports and the record of the one not read
    assert_eq!(written.lines().count(), 2_001);
    assert_eq!(written.matches("\"not_checked\"").count(), 1);
    assert!(!written.contains("ETA"));
}

/// On a terminal: a run reading standard input says so, and when the
/// report itself goes to the terminal no progress bar is drawn (its line
/// would be left in the report).
#[test]
fn a_terminal_is_told_of_standard_input_and_gets_no_bar_in_the_report() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to make a terminal");
        return;
    }
    let dir = with_ledger("tty-stdin");
    let command = format!("{BIN} check --ledger ledger.csv");
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("run script");
    let tty = String::from_utf8_lossy(&out.stdout);
    assert!(
        tty.contains("figcheck: reading the text from standard input"),
        "{tty}"
    );
    assert!(
        !tty.contains("\u{1b}[2K") && !tty.contains(" 0 B/s"),
        "a bar was drawn: {tty:?}"
    );
}
