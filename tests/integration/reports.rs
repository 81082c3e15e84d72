//! Report renderers (Markdown, CSV, HTML) on the sample article: snapshots,
//! the CSV round trip through `csv::Reader`, HTML escaping and claim marks,
//! and the HTML page loaded by a headless Chromium when one is on PATH.
//!
//! Snapshots live in `tests/data/reports/`. After an intended change,
//! regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test integration reports::` and review
//! `git diff tests/data/reports`.

use figcheck::report::csv::{COLUMNS, Writer};
use figcheck::report::html::Page;
use figcheck::report::markdown;
use figcheck::{
    Aliases, Checker, ClaimReport, Extractor, FxRates, Ledger, Policy, Report, Verdict,
};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const ARTICLE: &str = include_str!("../../data/stargate-zh.txt");
const LEDGER: &str = include_str!("../../data/ledger.csv");
const ALIASES: &str = include_str!("../../data/aliases.csv");
const FX: &str = include_str!("../../data/fx.csv");

/// An article that tries to inject markup, with one checkable claim.
const HOSTILE: &str = "<script>alert(1)</script> 软银 & OpenAI <b>bold</b>\n\n\
                       安谋当前市值约 1600 亿美元。\n\"quoted\" 'single'";

fn checker() -> Checker {
    let ledger = Ledger::from_csv(LEDGER, "data/ledger.csv").expect("sample ledger loads");
    let aliases = Aliases::from_csv(ALIASES, "data/aliases.csv").expect("sample aliases load");
    let fx = FxRates::from_csv(FX, "data/fx.csv").expect("sample FX loads");
    Checker::new(Extractor::new(), ledger, aliases, fx, Policy::default())
}

fn sample() -> Report {
    checker().check("stargate-zh.txt", ARTICLE, None)
}

fn markdown_of(report: &Report) -> String {
    let mut out = Vec::new();
    markdown::write(report, &mut out).expect("writes to a Vec");
    String::from_utf8(out).expect("Markdown is UTF-8")
}

fn csv_of(reports: &[&Report]) -> String {
    let mut w = Writer::new(Vec::new());
    for r in reports {
        w.write(r).expect("writes to a Vec");
    }
    String::from_utf8(w.finish().expect("writes to a Vec")).expect("CSV is UTF-8")
}

fn html_of(title: &str, docs: &[(&Report, &str)]) -> String {
    let mut page = Page::new(Vec::new(), title).expect("writes to a Vec");
    for (r, text) in docs {
        page.document(r, text).expect("writes to a Vec");
    }
    String::from_utf8(page.finish().expect("writes to a Vec")).expect("HTML is UTF-8")
}

/// Compares `got` with the fixture `name`, or rewrites the fixture when
/// `UPDATE_SNAPSHOTS` is set.
fn snapshot(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reports")
        .join(name);
    let regenerate = "UPDATE_SNAPSHOTS=1 cargo test --test integration reports::";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(path.parent().expect("fixture has a directory"))
            .expect("create tests/data/reports");
        fs::write(&path, got).expect("write the snapshot");
        println!("updated snapshot {}", path.display());
        return;
    }
    let want = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with {regenerate}", path.display()));
    if want == got {
        return;
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let line = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    panic!(
        "{name} differs from the snapshot {} at line {} ({} lines expected, {} rendered)\n\
         - expected: {}\n+ rendered: {}\n\
         If the change is intended, regenerate with {regenerate} and review \
         `git diff tests/data/reports`.",
        path.display(),
        line + 1,
        w.len(),
        g.len(),
        w.get(line).unwrap_or(&"(end of file)"),
        g.get(line).unwrap_or(&"(end of output)"),
    );
}

#[test]
fn sample_has_twelve_claims() {
    let r = sample();
    assert_eq!(r.claims.len(), 12);
    assert_eq!(r.summary.contradicted, 2);
}

#[test]
fn markdown_snapshot() {
    snapshot("stargate-zh.md", &markdown_of(&sample()));
}

#[test]
fn csv_snapshot() {
    snapshot("stargate-zh.csv", &csv_of(&[&sample()]));
}

#[test]
fn html_snapshot() {
    snapshot(
        "stargate-zh.html",
        &html_of("figcheck: stargate-zh.txt", &[(&sample(), ARTICLE)]),
    );
}

#[test]
fn markdown_sections_in_order() {
    let md = markdown_of(&sample());
    assert!(md.starts_with("# Fact-check: stargate-zh.txt\n\nArticle date: 2025-01-21\n"));
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing:\n{md}"));
    assert!(at("## Summary") < at("## Contradicted claims (2)"));
    assert!(at("## Contradicted claims (2)") < at("## Unverifiable claims (0)"));
    assert!(at("## Unverifiable claims (0)") < at("## Consistent claims (10)"));
    assert!(md.contains("- Contradicted: 2\n- Unverifiable: 0\n- Consistent: 10\n- Total: 12\n"));
    // the contradicted claims, with the ledger figure, difference and diagnosis
    assert!(md.contains(
        "| 8 | 远低于 100 亿美元 (well under 10,000,000,000 USD) | 3:1061 | \
         SoftBank Group · Stargate funding secured · 2025-01-21 | 19,000,000,000 USD | \
         -9,000,000,000 USD (-47.37%) | outside the bound |"
    ));
    // the FX conversion
    assert!(
        md.contains(
            "3,578,000,000,000 JPY = 25,000,000,000 USD (1 USD = 143.12 JPY on 2024-09-30)"
        )
    );
}

#[test]
fn markdown_escapes_cells() {
    let mut r = sample();
    r.id = "a|b".into();
    r.claims[7].reason = "first | second\nthird".into();
    r.claims[7].diagnosis = Some("x|y\r\nz <b>".into());
    r.claims[7].mention.text = "100|亿".into();
    r.claims[7].verdict = Verdict::Unverifiable;
    let md = markdown_of(&r);
    assert!(md.starts_with("# Fact-check: a\\|b\n"));
    assert!(md.contains("| first \\| second<br>third |"), "{md}");
    assert!(md.contains("| 8 | 100\\|亿 ("));
    // every table row has as many cells as its header
    for block in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let cells = |l: &str| l.replace("\\|", "").matches('|').count();
        let mut lines = block.lines();
        let head = cells(lines.next().unwrap_or_default());
        for l in lines {
            assert_eq!(cells(l), head, "row {l:?}");
        }
    }
}

/// The expected CSV fields of a claim, built from the report's fields
/// (not from its JSON form, which the writer uses).
fn expected_row(r: &Report, c: &ClaimReport) -> Vec<String> {
    let o = |x: &Option<String>| x.clone().unwrap_or_default();
    let d = |x: Option<figcheck::Date>| x.map(|d| d.to_string()).unwrap_or_default();
    let m = &c.mention;
    let l = c.ledger.as_ref();
    let lf = |f: &dyn Fn(&figcheck::report::LedgerRecord) -> String| l.map(f).unwrap_or_default();
    let ev = &c.evidence;
    vec![
        r.id.as_str()
            .map(str::to_string)
            .unwrap_or_else(|| r.id.to_string()),
        d(r.date),
        format!("{:?}", m.kind).to_lowercase(),
        m.start.to_string(),
        m.end.to_string(),
        m.line.to_string(),
        m.column.to_string(),
        m.text.clone(),
        o(&m.value),
        o(&m.min),
        o(&m.max),
        m.currency.map(|c| c.to_string()).unwrap_or_default(),
        m.approx.to_string(),
        m.bound
            .map(|b| format!("{b:?}").to_lowercase())
            .unwrap_or_default(),
        m.inclusive.to_string(),
        m.strong.to_string(),
        m.points.to_string(),
        m.precision.clone(),
        o(&c.entity),
        o(&c.metric),
        d(c.period),
        c.verdict.to_string(),
        c.reason.clone(),
        o(&c.diagnosis),
        lf(&|l| l.entity.clone()),
        lf(&|l| l.metric.clone()),
        lf(&|l| l.period.to_string()),
        lf(&|l| l.value.clone()),
        lf(&|l| l.unit.clone()),
        lf(&|l| o(&l.source)),
        lf(&|l| d(l.start)),
        lf(&|l| {
            l.length
                .map(|n| serde_json::to_value(n).expect("serializes"))
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        }),
        lf(&|l| o(&l.fiscal)),
        lf(&|l| o(&l.concept)),
        lf(&|l| {
            l.filing
                .as_ref()
                .map(|f| f.form.clone())
                .unwrap_or_default()
        }),
        lf(&|l| {
            l.filing
                .as_ref()
                .map(|f| f.accn.clone())
                .unwrap_or_default()
        }),
        lf(&|l| {
            l.filing
                .as_ref()
                .map(|f| f.filed.to_string())
                .unwrap_or_default()
        }),
        lf(&|l| {
            l.filing
                .as_ref()
                .and_then(|f| f.url.clone())
                .unwrap_or_default()
        }),
        lf(&|l| o(&l.derived)),
        lf(&|l| {
            l.restated
                .as_ref()
                .map(|r| {
                    serde_json::to_value(r.matched)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .unwrap_or_default()
        }),
        lf(&|l| l.file.clone()),
        lf(&|l| l.line.to_string()),
        lf(&|l| o(&l.fx_rate)),
        lf(&|l| d(l.fx_date)),
        lf(&|l| l.converted_value.clone()),
        o(&c.difference),
        o(&c.relative_difference),
        ev.entity
            .as_ref()
            .map(|e| e.text.clone())
            .unwrap_or_default(),
        ev.metric
            .as_ref()
            .map(|e| e.text.clone())
            .unwrap_or_default(),
        ev.period
            .as_ref()
            .and_then(|p| p.text.clone())
            .unwrap_or_default(),
        ev.context
            .as_ref()
            .map(|x| x.text.clone())
            .unwrap_or_default(),
        o(&ev.refused),
    ]
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("the header parses")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("every row parses")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn csv_round_trips_every_claim() {
    let r = sample();
    let (header, rows) = read_csv(&csv_of(&[&r]));
    assert_eq!(header, COLUMNS);
    assert_eq!(header.len(), 52);
    assert_eq!(rows.len(), r.claims.len());
    for (i, (row, c)) in rows.iter().zip(&r.claims).enumerate() {
        assert_eq!(row.len(), COLUMNS.len(), "row {}", i + 1);
        let want = expected_row(&r, c);
        for ((col, got), want) in COLUMNS.iter().zip(row).zip(&want) {
            assert_eq!(got, want, "claim {} column {col}", i + 1);
        }
    }
    // the JPY row converted to USD
    let cash = &rows[9];
    let col = |name: &str| {
        let k = COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("known column");
        cash[k].as_str()
    };
    assert_eq!(col("ledger_unit"), "JPY");
    assert_eq!(col("fx_rate"), "0.006987143656");
    assert_eq!(col("converted_value"), "25000000000");
    assert_eq!(col("period_evidence"), "去年 9 月底");
}

#[test]
fn csv_round_trips_awkward_fields() {
    let mut r = sample();
    r.id = "dir/a,b \"c\".txt".into();
    r.claims[0].reason = "comma, \"quote\"\nnew line\r\nCRLF; 'single'".into();
    r.claims[1].mention.text = "  leading and trailing  ".into();
    r.claims[2].diagnosis = Some(String::new());
    let mut other = sample();
    other.id = serde_json::json!(7);
    other.date = None;
    other.claims.truncate(3);
    let (header, rows) = read_csv(&csv_of(&[&r, &other]));
    assert_eq!(header, COLUMNS);
    assert_eq!(rows.len(), r.claims.len() + 3);
    let reports = std::iter::repeat_n(&r, r.claims.len()).chain(std::iter::repeat_n(&other, 3));
    let claims = r.claims.iter().chain(&other.claims);
    for ((row, report), c) in rows.iter().zip(reports).zip(claims) {
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(row, &expected_row(report, c));
    }
    assert_eq!(rows[0][0], "dir/a,b \"c\".txt");
    assert_eq!(rows[12][0], "7");
    assert_eq!(rows[12][1], "");
}

#[test]
fn csv_header_once_even_without_claims() {
    let empty = checker().check("empty.txt", "no figures", None);
    let out = csv_of(&[&empty, &empty]);
    assert_eq!(out.lines().count(), 1);
    assert_eq!(out.trim_end(), COLUMNS.join(","));
    let sample = sample();
    let out = csv_of(&[&empty, &sample, &empty, &sample]);
    assert_eq!(out.matches("id,date,kind,").count(), 1);
    assert_eq!(read_csv(&out).1.len(), 24);
}

/// The text of each `<mark class="claim …" … id="{doc}-cN" …>…</mark>`,
/// with its verdict class, in page order.
fn marks(html: &str, doc: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<mark class=\"claim ") {
        rest = &rest[i..];
        let open_end = rest.find('>').expect("the mark tag closes");
        let tag = &rest[..open_end];
        let close = rest.find("</mark>").expect("the mark closes");
        let class = tag["<mark class=\"claim ".len()..]
            .split('"')
            .next()
            .unwrap_or_default()
            .to_string();
        let id = tag
            .split(" id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_string();
        if id.starts_with(&format!("{doc}-c")) {
            out.push((id, class, rest[open_end + 1..close].to_string()));
        }
        rest = &rest[close..];
    }
    out
}

fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn html_marks_every_claim_with_its_verdict() {
    let r = sample();
    let html = html_of("t", &[(&r, ARTICLE)]);
    let found = marks(&html, "d1");
    assert_eq!(found.len(), 12);
    for (i, ((id, class, text), c)) in found.iter().zip(&r.claims).enumerate() {
        assert_eq!(id, &format!("d1-c{}", i + 1));
        assert_eq!(class, &c.verdict.to_string());
        assert_eq!(text, &escaped(&c.mention.text));
        let hook = format!(
            "<mark class=\"claim {v}\" data-verdict=\"{v}\" id=\"d1-c{}\"",
            i + 1,
            v = c.verdict
        );
        assert!(html.contains(&hook), "{hook}");
        // panel entry and table row
        assert!(html.contains(&format!("id=\"d1-x{}\"", i + 1)));
        assert!(html.contains(&format!(
            "<tr class=\"row {}\" id=\"d1-r{}\">",
            c.verdict,
            i + 1
        )));
    }
    let contradicted: Vec<_> = found.iter().filter(|m| m.1 == "contradicted").collect();
    assert_eq!(contradicted.len(), 2);
    assert_eq!(contradicted[0].2, "远低于 100 亿美元");
    assert_eq!(contradicted[1].2, "well under $10B");
    // the summary bar
    assert!(html.contains(
        "data-verdict=\"contradicted\" aria-pressed=\"false\"><b>2</b> contradicted</button>"
    ));
    assert!(html.contains(
        "data-verdict=\"consistent\" aria-pressed=\"false\"><b>10</b> consistent</button>"
    ));
    // self-contained: no external resources
    for needle in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("@media print"));
}

#[test]
fn html_escapes_article_and_report_strings() {
    let c = checker();
    let mut r = c.check("<i>id</i> & co", HOSTILE, None);
    assert!(!r.claims.is_empty());
    r.claims[0].reason = "</script><script>alert(2)</script>".into();
    let html = html_of("<title> & \"x\"", &[(&r, HOSTILE)]);
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; 软银 &amp; OpenAI &lt;b&gt;bold&lt;/b&gt;"
    ));
    assert!(html.contains("&quot;quoted&quot; &#39;single&#39;"));
    assert!(html.contains("<title>&lt;title&gt; &amp; &quot;x&quot;</title>"));
    assert!(html.contains("&lt;i&gt;id&lt;/i&gt; &amp; co"));
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(!html.contains("alert(1)</script>"));
    assert!(!html.contains("<b>bold"));
    assert!(!html.contains("<i>id"));
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    // paragraph breaks survive (the text is shown with white-space: pre-wrap)
    assert!(html.contains("&lt;/b&gt;\n\n"));
    assert!(html.contains("white-space:pre-wrap"));
    let found = marks(&html, "d1");
    assert_eq!(found.len(), r.claims.len());
    assert_eq!(found[0].2, "约 1600 亿美元");
    assert_eq!(found[0].1, "consistent");
}

#[test]
fn html_skips_spans_that_do_not_fit_the_text() {
    let r = sample();
    // a different text: no span holds its claim, nothing is highlighted,
    // yet every claim is still in the table
    let html = html_of("t", &[(&r, "short text & more")]);
    assert!(marks(&html, "d1").is_empty());
    assert_eq!(html.matches("<tr class=\"row ").count(), 12);
    assert!(html.contains("short text &amp; more"));
    // a span that cuts a multi-byte char is not used either
    let mut r = sample();
    r.claims[0].mention.start += 1;
    let html = html_of("t", &[(&r, ARTICLE)]);
    assert_eq!(marks(&html, "d1").len(), 11);
}

#[test]
fn html_several_documents_have_distinct_ids() {
    let c = checker();
    let a = sample();
    let b = c.check("hostile", HOSTILE, None);
    let html = html_of("batch", &[(&a, ARTICLE), (&b, HOSTILE)]);
    assert_eq!(marks(&html, "d1").len(), 12);
    assert_eq!(marks(&html, "d2").len(), b.claims.len());
    assert!(html.contains("<section class=\"doc\" id=\"d2\""));
    assert!(html.contains("2 documents: 2 contradicted"));
    let empty = html_of("nothing", &[]);
    assert!(empty.contains("No documents."));
    assert!(empty.ends_with("</html>\n"));
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "figcheck-reports-{}-{n}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create the temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// `chromium` from PATH (as `which` finds it, or by looking through PATH
/// where there is no `which`), if there is one.
fn chromium() -> Option<PathBuf> {
    match Command::new("which").arg("chromium").output() {
        Ok(out) => {
            let path = String::from_utf8(out.stdout).ok()?;
            let path = path.trim();
            (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
        }
        Err(_) => std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|dir| dir.join("chromium"))
            .find(|p| p.is_file()),
    }
}

/// Loads `page` in headless Chromium and returns the DOM after its scripts
/// ran; kills the browser after 60 s.
fn dump_dom(browser: &Path, page: &str) -> String {
    let dir = TempDir::new("chromium");
    let file = dir.0.join("report.html");
    fs::write(&file, page).expect("write the page");
    let profile = dir.0.join("profile");
    fs::create_dir_all(&profile).expect("create the profile dir");
    let stdout = dir.0.join("dom.html");
    let stderr = dir.0.join("stderr.txt");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout).expect("create the DOM file"))
        .stderr(fs::File::create(&stderr).expect("create the stderr file"))
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        match child.try_wait().expect("poll chromium") {
            Some(status) => break status,
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "chromium did not finish within 60 s; stderr:\n{}",
                    fs::read_to_string(&stderr).unwrap_or_default()
                );
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    };
    let dom = fs::read_to_string(&stdout).expect("the DOM is UTF-8");
    assert!(
        status.success() && !dom.is_empty(),
        "chromium failed ({status}); stderr:\n{}",
        fs::read_to_string(&stderr).unwrap_or_default()
    );
    dom
}

#[test]
fn html_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("FIGCHECK_REQUIRE_CHROMIUM").is_none(),
            "FIGCHECK_REQUIRE_CHROMIUM is set but chromium is not on PATH"
        );
        println!("note: chromium is not on PATH; skipping the browser test (CI installs it)");
        return;
    };
    let r = sample();
    let hostile = checker().check("hostile", HOSTILE, None);
    let page = html_of(
        "figcheck: stargate-zh.txt",
        &[(&r, ARTICLE), (&hostile, HOSTILE)],
    );
    let dom = dump_dom(&browser, &page);
    // the page's script ran
    assert!(dom.contains("<html class=\"js\">"), "script did not run");
    let found = marks(&dom, "d1");
    assert_eq!(
        dom.matches("<mark class=\"claim ").count(),
        12 + hostile.claims.len()
    );
    assert_eq!(found.len(), 12);
    for ((id, class, text), c) in found.iter().zip(&r.claims) {
        assert_eq!(class, &c.verdict.to_string(), "{id}");
        assert_eq!(text, &escaped(&c.mention.text), "{id}");
    }
    let contradicted: Vec<&str> = found
        .iter()
        .filter(|m| m.1 == "contradicted")
        .map(|m| m.0.as_str())
        .collect();
    assert_eq!(contradicted, ["d1-c8", "d1-c9"]);
    // the hostile article is text, not markup
    assert!(dom.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; 软银 &amp; OpenAI &lt;b&gt;bold&lt;/b&gt;"
    ));
    assert!(!dom.contains("<b>bold"));

    // clicking a count filters; clicking a claim opens its evidence
    let clicks = "<script>\
        document.querySelector('#d1 button.count.contradicted').click();\
        document.getElementById('d1-c10').click();\
        </script></body>";
    let dom = dump_dom(&browser, &page.replacen("</body>", clicks, 1));
    assert!(dom.contains("<section class=\"doc only-contradicted\" id=\"d1\""));
    assert!(dom.contains("data-verdict=\"contradicted\" aria-pressed=\"true\""));
    assert!(
        dom.contains("<div class=\"detail consistent\" id=\"d1-x10\">"),
        "panel entry shown"
    );
    assert!(dom.contains("class=\"claim consistent selected\""));
    // the words that decided entity, metric and period light up
    let lit = dom.matches("class=\"ev lit\"").count();
    assert_eq!(lit, 3, "软银, 去年 9 月底 and 现金及现金等价物");
}
