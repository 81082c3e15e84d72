//! `figcheck serve` over HTTP: a server on an ephemeral loopback port per
//! test (the binary itself, as a user starts it), spoken to with plain
//! HTTP/1.1 over `TcpStream`. Every endpoint, every error, and the answers
//! compared byte for byte with what the CLI writes for the same input.
//! Each server is stopped by SIGTERM when its test ends.

#![cfg(feature = "serve")]

use crate::cli::{BIN, TempDir};
use serde_json::{Value as Json, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
pub(crate) const TABLES: &[&str] = &[
    "--ledger",
    "data/ledger.csv",
    "--aliases",
    "data/aliases.csv",
    "--fx",
    "data/fx.csv",
];

/// A running `figcheck serve`, stopped (SIGTERM, then killed) on drop.
pub(crate) struct Server {
    child: Child,
    pub(crate) addr: SocketAddr,
    /// stderr lines after the address, gathered by a thread.
    rest: mpsc::Receiver<String>,
}

impl Server {
    /// Starts the server in the crate root with `args` (after `serve
    /// --addr 127.0.0.1:0`) and waits (60 s at most) for the address it
    /// prints.
    pub(crate) fn start(args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(ROOT)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start figcheck serve");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("figcheck: listening on http://") {
                        let addr = rest.split('/').next().unwrap_or_default();
                        let addr = addr.parse().expect("the address printed is IP:PORT");
                        return Server {
                            child,
                            addr,
                            rest: rx,
                        };
                    }
                    seen.push(line);
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!(
                        "no address printed within 60 s; stderr:\n{}",
                        seen.join("\n")
                    );
                }
            }
        }
    }

    pub(crate) fn get(&self, path: &str) -> Answer {
        http(self.addr, "GET", path, &[], b"")
    }

    pub(crate) fn post(&self, path: &str, body: &[u8]) -> Answer {
        http(
            self.addr,
            "POST",
            path,
            &[("content-type", "application/json")],
            body,
        )
    }

    /// Sends `signal` (TERM, INT) and waits (60 s at most) for the exit;
    /// the status and the stderr lines after the address.
    pub(crate) fn stop(mut self, signal: &str) -> (ExitStatus, Vec<String>) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -{signal} {pid}");
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            match self.child.try_wait().expect("poll the server") {
                Some(s) => break s,
                None if Instant::now() >= deadline => {
                    let _ = self.child.kill();
                    panic!("the server did not stop within 60 s of SIG{signal}");
                }
                None => std::thread::sleep(Duration::from_millis(20)),
            }
        };
        let mut lines = Vec::new();
        while let Ok(l) = self.rest.recv_timeout(Duration::from_secs(10)) {
            lines.push(l);
        }
        (status, lines)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    /// Header names in lowercase.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn json(&self) -> Json {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(500)])
            )
        })
    }

    pub(crate) fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("the body is UTF-8")
    }

    /// The `{"error": …}` of an error answer, after checking its status
    /// and content type.
    fn error(&self, status: u16) -> String {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(self.header("content-type"), Some("application/json"));
        let j = self.json();
        let obj = j.as_object().expect("an object");
        assert_eq!(obj.len(), 1, "only the error: {j}");
        obj["error"].as_str().expect("a string").to_string()
    }
}

/// One HTTP/1.1 request on its own connection (`Connection: close`), read
/// to the end; 60 s at most for each read and write.
pub(crate) fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Answer {
    let mut s = TcpStream::connect(addr).expect("connect to the server");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("set a read timeout");
    s.set_write_timeout(Some(Duration::from_secs(60)))
        .expect("set a write timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut request = head.into_bytes();
    request.extend_from_slice(body);
    // The server may answer (413) before it reads all of a body: what it
    // says is read below either way.
    let _ = s.write_all(&request);
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read the answer");
    parse_answer(&raw)
}

fn parse_answer(raw: &[u8]) -> Answer {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no end of headers in {:?}", String::from_utf8_lossy(raw)));
    let head = std::str::from_utf8(&raw[..end]).expect("headers are ASCII");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("a status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    if chunked {
        body = dechunk(&body);
    } else if let Some((_, len)) = headers.iter().find(|(n, _)| n == "content-length") {
        let len: usize = len.parse().expect("a numeric content-length");
        assert_eq!(body.len(), len, "the whole body arrived");
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = b
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a chunk size line");
        let size = std::str::from_utf8(&b[..eol]).expect("ASCII chunk size");
        let size = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16)
            .expect("a hex chunk size");
        b = &b[eol + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size + 2..];
    }
}

/// Runs the CLI in the crate root; its stdout, after checking the exit code.
pub(crate) fn cli(args: &[&str], stdin: Option<&[u8]>, code: i32) -> Vec<u8> {
    let run = crate::cli::run_in(Path::new(ROOT), args, stdin);
    assert_eq!(run.code, code, "figcheck {args:?}: {}", run.stderr);
    run.stdout.into_bytes()
}

pub(crate) fn article() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("data/stargate-zh.txt"))
        .expect("read the sample article")
}

fn body(v: Json) -> Vec<u8> {
    serde_json::to_vec(&v).expect("serialize a request")
}

#[track_caller]
fn same(api: &Answer, cli: &[u8], what: &str) {
    assert_eq!(
        api.status,
        200,
        "{what}: {}",
        String::from_utf8_lossy(&api.body)
    );
    assert!(
        api.body == cli,
        "{what}: the API and the CLI differ\nAPI: {}\nCLI: {}",
        String::from_utf8_lossy(&api.body),
        String::from_utf8_lossy(cli)
    );
}

#[test]
fn serve_health_ledgers_and_page() {
    let server = Server::start(&[
        "--ledger",
        "data/ledger.csv",
        "--ledger",
        "tests/data/companyfacts/apple.json",
        "--aliases",
        "data/aliases.csv",
        "--max-checks",
        "3",
    ]);
    let h = server.get("/api/health");
    assert_eq!(h.status, 200);
    assert_eq!(h.header("content-type"), Some("application/json"));
    assert_eq!(
        h.json(),
        json!({"status": "ok", "version": env!("CARGO_PKG_VERSION"), "checks_running": 0, "max_checks": 3})
    );
    let l = server.get("/api/ledgers").json();
    let names: Vec<&str> = l["ledgers"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| e["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(
        names,
        [
            "all",
            "data/ledger.csv",
            "tests/data/companyfacts/apple.json"
        ]
    );
    let all = &l["ledgers"][0];
    assert_eq!(all["default"], json!(true));
    assert_eq!(
        all["files"],
        json!(["data/ledger.csv", "tests/data/companyfacts/apple.json"])
    );
    let csv = &l["ledgers"][1];
    assert_eq!(csv["default"], json!(false));
    assert_eq!(csv["rows"], json!(7));
    assert_eq!(
        csv["entities"],
        json!(["Arm Holdings", "SoftBank Group", "Stargate Project"])
    );
    assert!(
        csv["metrics"]
            .as_array()
            .expect("a list")
            .contains(&json!("cash and cash equivalents"))
    );
    assert_eq!(l["ledgers"][2]["entities"], json!(["Apple Inc."]));
    let rows = |i: usize| l["ledgers"][i]["rows"].as_u64().expect("a count");
    assert_eq!(rows(0), rows(1) + rows(2));
    assert_eq!(
        (&l["aliases"], &l["fx"]),
        (&json!("data/aliases.csv"), &Json::Null)
    );

    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = page.text();
    assert!(html.contains("<textarea id=\"text\""));
    assert!(html.contains(
        "<option value=\"all\">all</option><option value=\"data/ledger.csv\">data/ledger.csv</option>"
    ));
    assert!(html.contains("<button type=\"submit\" class=\"primary\" id=\"check\">Check</button>"));

    let (status, lines) = server.stop("TERM");
    assert!(status.success(), "{status}");
    assert_eq!(lines, ["figcheck: stopping", "figcheck: stopped"]);
}

#[test]
fn serve_check_is_the_cli_document() {
    let server = Server::start(&[
        "--ledger",
        "data/ledger.csv",
        "--ledger",
        "tests/data/companyfacts/apple.json",
        "--aliases",
        "data/aliases.csv",
        "--fx",
        "data/fx.csv",
    ]);
    let text = article();
    let one = [
        "--ledger",
        "data/ledger.csv",
        "--aliases",
        "data/aliases.csv",
        "--fx",
        "data/fx.csv",
    ];
    let cli_check = |extra: &[&str], stdin: Option<&[u8]>| {
        let mut args = vec!["check"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&one);
        cli(&args, stdin, 1)
    };
    // the README's quick start, as JSON: the same bytes
    let expected = cli_check(&["data/stargate-zh.txt", "--format", "json"], None);
    let api = server.post(
        "/api/check",
        &body(json!({"text": text, "id": "data/stargate-zh.txt", "ledger": "data/ledger.csv"})),
    );
    assert_eq!(api.header("content-type"), Some("application/json"));
    same(&api, &expected, "json");
    let report: Json = serde_json::from_slice(&api.body).expect("JSON");
    assert_eq!(
        report["summary"],
        json!({"consistent": 10, "contradicted": 2, "unverifiable": 0})
    );
    // every report format, as `--format` writes it
    for (format, ct) in [
        ("markdown", "text/markdown; charset=utf-8"),
        ("csv", "text/csv; charset=utf-8"),
        ("html", "text/html; charset=utf-8"),
        ("text", "text/plain; charset=utf-8"),
    ] {
        let expected = cli_check(
            &[
                "data/stargate-zh.txt",
                "--format",
                format,
                "--color",
                "never",
            ],
            None,
        );
        let api = server.post(
            "/api/check",
            &body(json!({"text": text, "id": "data/stargate-zh.txt", "ledger": "data/ledger.csv", "format": format})),
        );
        assert_eq!(api.header("content-type"), Some(ct), "{format}");
        same(&api, &expected, format);
    }
    // no id, a date and a currency hint: a JSON Lines document of the CLI
    let line = body(json!({"text": text, "date": "2025-02-01"}));
    let expected = cli_check(
        &[
            "--input",
            "jsonl",
            "--currency-hint",
            "HKD",
            "--date",
            "2025-01-01",
        ],
        Some(&line),
    );
    let api = server.post(
        "/api/check",
        &body(json!({"text": text, "date": "2025-02-01", "currency_hint": "HKD", "ledger": "data/ledger.csv"})),
    );
    same(&api, &expected, "jsonl, date, hint");
    assert_eq!(api.json()["id"], Json::Null);
    assert_eq!(api.json()["date"], json!("2025-02-01"));
    // a number id, echoed as written
    let api = server.post(
        "/api/check",
        &body(json!({"text": "软银 5000 亿美元", "id": 7, "ledger": "data/ledger.csv"})),
    );
    assert_eq!(api.json()["id"], json!(7));
    // the default ledger is all of them, as check with every --ledger
    let mut args = vec!["check", "data/stargate-zh.txt", "--format", "json"];
    args.extend_from_slice(&one);
    args.extend_from_slice(&["--ledger", "tests/data/companyfacts/apple.json"]);
    let expected = cli(&args, None, 1);
    let api = server.post(
        "/api/check",
        &body(json!({"text": text, "id": "data/stargate-zh.txt"})),
    );
    same(&api, &expected, "all ledgers");
}

#[test]
fn serve_check_limited_to_companies() {
    let server = Server::start(&[
        "--ledger",
        "data/ledger.csv",
        "--ledger",
        "tests/data/companyfacts/apple.json",
        "--aliases",
        "data/aliases.csv",
        "--fx",
        "data/fx.csv",
    ]);
    let text = article();
    let tables = [
        "--ledger",
        "data/ledger.csv",
        "--aliases",
        "data/aliases.csv",
        "--fx",
        "data/fx.csv",
    ];
    // the CLI's --company, byte for byte
    let mut args = vec![
        "check",
        "data/stargate-zh.txt",
        "--format",
        "json",
        "--company",
        "SoftBank Group",
    ];
    args.extend_from_slice(&tables);
    let expected = cli(&args, None, 1);
    let api = server.post(
        "/api/check",
        &body(
            json!({"text": text, "id": "data/stargate-zh.txt", "ledger": "data/ledger.csv",
                     "companies": ["softbank group"]}),
        ),
    );
    same(&api, &expected, "companies");
    let report = api.json();
    assert_eq!(
        report["summary"],
        json!({"consistent": 2, "contradicted": 2, "unverifiable": 8})
    );
    let claims = report["claims"].as_array().expect("claims");
    let mut others = 0;
    for c in claims {
        if c["entity"] == json!("SoftBank Group") {
            assert_ne!(c["verdict"], json!("unverifiable"), "{c}");
        } else {
            others += 1;
            assert_eq!(c["verdict"], json!("unverifiable"), "{c}");
            assert_eq!(
                c["reason"],
                json!(format!(
                    "not checked: about {}; the check was limited to: SoftBank Group",
                    c["entity"].as_str().expect("an entity")
                ))
            );
        }
    }
    assert_eq!(others, 8);
    // the default ledger (all of them) holds both ledgers' companies
    let api = server.post(
        "/api/check",
        &body(json!({"text": text, "companies": ["Apple Inc.", "Arm Holdings"]})),
    );
    assert_eq!(api.status, 200, "{}", api.text());
    assert_eq!(
        api.json()["notes"],
        json!([
            "the check was limited to: Apple Inc.; Arm Holdings; claims about other companies are not checked"
        ])
    );
    assert_eq!(
        api.json()["summary"],
        json!({"consistent": 1, "contradicted": 0, "unverifiable": 11}),
        "only the Arm Holdings claim is checked"
    );
    // an empty list limits nothing
    let api = server.post(
        "/api/check",
        &body(json!({"text": text, "id": "data/stargate-zh.txt", "ledger": "data/ledger.csv", "companies": []})),
    );
    let mut args = vec!["check", "data/stargate-zh.txt", "--format", "json"];
    args.extend_from_slice(&tables);
    same(&api, &cli(&args, None, 1), "no companies");
    // a company another ledger holds, or none does: 400 naming it
    let e = |b: Json| server.post("/api/check", &body(b)).error(400);
    assert_eq!(
        e(
            json!({"text": text, "ledger": "data/ledger.csv", "companies": ["SoftBank Group", "Apple Inc."]})
        ),
        "request body: \"companies\": ledger \"data/ledger.csv\": no company \"Apple Inc.\" in the ledger: expected one of its companies (\"Arm Holdings\", \"SoftBank Group\", \"Stargate Project\")"
    );
    assert_eq!(
        e(
            json!({"text": "a", "ledger": "tests/data/companyfacts/apple.json", "companies": ["Apple"]})
        ),
        "request body: \"companies\": ledger \"tests/data/companyfacts/apple.json\": no company \"Apple\" in the ledger: expected one of its companies (\"Apple Inc.\")"
    );
    assert_eq!(
        e(json!({"text": "a", "companies": "SoftBank Group"})),
        "request body: \"companies\": a string is not an array: expected an array of company names such as [\"SoftBank Group\"]"
    );
    assert_eq!(
        e(json!({"text": "a", "companies": ["SoftBank Group", null]})),
        "request body: \"companies\"[1]: null is not a string: expected a company name of the ledger"
    );
    assert_eq!(
        server
            .post(
                "/api/extract",
                &body(json!({"text": "a", "companies": ["SoftBank Group"]}))
            )
            .error(400),
        "request body: \"companies\": limits a check: expected it only for /api/check"
    );
}

#[test]
fn serve_html_input_is_read_as_the_cli_reads_html() {
    let dir = TempDir::new("serve-html");
    let html = format!(
        "<html><head><title>t</title><style>p{{}}</style></head><body><h1>星门</h1><p>{}</p></body></html>",
        article().replace('\n', "</p>\n<p>")
    );
    dir.write("a.html", &html);
    let path = dir.path().join("a.html").display().to_string();
    let server = Server::start(TABLES);
    let mut args = vec!["check", path.as_str(), "--format", "json"];
    args.extend_from_slice(TABLES);
    let expected = cli(&args, None, 1);
    let api = server.post(
        "/api/check",
        &body(json!({"text": html, "id": path, "input": "html"})),
    );
    same(&api, &expected, "html input");
    assert_eq!(api.json()["text_source"], json!("html-visible"));
    let mut args = vec!["extract", path.as_str(), "--format", "json"];
    args.extend_from_slice(&[]);
    let expected = cli(&args, None, 0);
    let api = server.post(
        "/api/extract",
        &body(json!({"text": html, "id": path, "input": "html"})),
    );
    same(&api, &expected, "html extract");
}

#[test]
fn serve_extract_is_the_cli_document() {
    let server = Server::start(TABLES);
    let text = article();
    let expected = cli(
        &["extract", "data/stargate-zh.txt", "--format", "json"],
        None,
        0,
    );
    let api = server.post(
        "/api/extract",
        &body(json!({"text": text, "id": "data/stargate-zh.txt"})),
    );
    assert_eq!(api.header("content-type"), Some("application/json"));
    same(&api, &expected, "extract json");
    assert_eq!(api.json()["mentions"].as_array().map(Vec::len), Some(12));
    let expected = cli(
        &["extract", "data/stargate-zh.txt", "--color", "never"],
        None,
        0,
    );
    let api = server.post(
        "/api/extract",
        &body(json!({"text": text, "id": "data/stargate-zh.txt", "format": "text"})),
    );
    same(&api, &expected, "extract text");
    // no id and a hint: a JSON Lines document
    let line = body(json!({"text": "$5 billion"}));
    let expected = cli(
        &["extract", "--input", "jsonl", "--currency-hint", "HKD"],
        Some(&line),
        0,
    );
    let api = server.post(
        "/api/extract",
        &body(json!({"text": "$5 billion", "currency_hint": "HKD"})),
    );
    same(&api, &expected, "extract jsonl");
    assert_eq!(api.json()["mentions"][0]["currency"], json!("HKD"));
}

#[test]
fn serve_bad_requests_are_named() {
    let server = Server::start(&["--ledger", "data/ledger.csv", "--max-body", "8K"]);
    let expected = "expected an object such as {\"text\": \"...\"}";
    for path in ["/api/check", "/api/extract"] {
        let e = |b: &[u8]| server.post(path, b).error(400);
        assert_eq!(
            e(b"{\"text\": \"\xe5\x8d\"}"),
            "request body:1:11: invalid UTF-8 at byte 10: expected UTF-8 text"
        );
        assert_eq!(
            e(b"{\"text\": \"a\",\n \"date\" \"2025-01-21\"}"),
            format!("request body:2:9: invalid JSON (expected `:`): {expected}")
        );
        assert_eq!(
            e(b"{\"text\": \"a\""),
            format!("request body:1:12: invalid JSON (EOF while parsing an object): {expected}")
        );
        assert_eq!(e(b""), format!("request body: empty: {expected}"));
        assert_eq!(
            e(b"[\"text\"]"),
            format!("request body:1:1: not a JSON object: {expected}")
        );
        assert_eq!(
            e(b"{\"id\": \"a\"}"),
            format!("request body: no \"text\" string: {expected}")
        );
        assert_eq!(
            e(br#"{"text": ["a"]}"#),
            format!(
                "request body:1:9: invalid request (invalid type: sequence, expected a string): {expected}"
            )
        );
        assert_eq!(
            e(br#"{"text": "a", "date": "2025-13-01"}"#),
            "request body: \"date\": invalid date \"2025-13-01\": expected an ISO date YYYY-MM-DD"
        );
        assert_eq!(
            e(br#"{"text": "a", "date": "21/01/2025"}"#),
            "request body: \"date\": invalid date \"21/01/2025\": expected an ISO date YYYY-MM-DD"
        );
        assert_eq!(
            e(br#"{"text": "a", "currency_hint": "DOLLAR"}"#),
            "request body: \"currency_hint\": unknown currency \"DOLLAR\": expected an ISO 4217 code such as USD"
        );
        assert_eq!(
            e(br#"{"text": "a", "id": {"n": 1}}"#),
            "request body: \"id\" is not a string or number: expected a string, a number or no \"id\""
        );
        // no other file than the server's own can be named
        assert_eq!(
            e(br#"{"text": "a", "ledger": "/etc/passwd"}"#),
            "request body: \"ledger\": no ledger \"/etc/passwd\" on this server: expected one of \"data/ledger.csv\""
        );
        let unknown = e(br#"{"text": "a", "lang": "zh"}"#);
        assert!(
            unknown.starts_with("request body:1:20: invalid request (unknown field `lang`, expected one of `text`, `id`"),
            "{unknown}"
        );
        // the body cap: 8 KiB
        let big = body(json!({"text": "a".repeat(8 * 1024)}));
        assert_eq!(
            server.post(path, &big).error(413),
            "request body: too large: expected at most 8192 bytes (the server's --max-body)"
        );
        let just = body(json!({"text": "a".repeat(8 * 1024 - 11)}));
        assert_eq!(just.len(), 8192);
        assert_eq!(server.post(path, &just).status, 200);
    }
    assert_eq!(
        server
            .post("/api/extract", br#"{"text": "a", "format": "csv"}"#)
            .error(400),
        "request body: \"format\": \"csv\" is a report format, for /api/check: expected \"json\" or \"text\""
    );
    let unknown = server
        .post("/api/check", br#"{"text": "a", "format": "pdf"}"#)
        .error(400);
    assert!(
        unknown.contains(
            "unknown variant `pdf`, expected one of `json`, `html`, `markdown`, `csv`, `text`"
        ),
        "{unknown}"
    );
    // pages and methods
    assert_eq!(
        server.get("/api/nothing").error(404),
        "GET /api/nothing: no such page: expected /, /api/health, /api/ledgers, /api/extract or /api/check"
    );
    let get = server.get("/api/check");
    assert_eq!(get.header("allow"), Some("POST"));
    assert_eq!(
        get.error(405),
        "GET /api/check: method not allowed: expected POST"
    );
    let post = server.post("/api/health", b"{}");
    assert_eq!(post.header("allow"), Some("GET"));
    assert_eq!(
        post.error(405),
        "POST /api/health: method not allowed: expected GET"
    );
    // still serving after all that
    assert_eq!(server.get("/api/health").status, 200);
}

#[test]
fn serve_time_limit_and_check_slots() {
    // one slot, and a time limit no check of a long article meets
    let server = Server::start(&[
        "--ledger",
        "data/ledger.csv",
        "--max-checks",
        "1",
        "--time-limit",
        "1ms",
        "--max-body",
        "20M",
    ]);
    let long = article().repeat(1500); // 7 MB
    let slow = server.post("/api/check", &body(json!({"text": long})));
    assert_eq!(
        slow.error(503),
        "the work took longer than the time limit of 1 ms: expected a shorter text, or a larger --time-limit"
    );
    // that check goes on in its slot, so the next request finds none free
    let health = server.get("/api/health").json();
    assert_eq!(health["checks_running"], json!(1), "{health}");
    assert_eq!(
        server
            .post("/api/check", r#"{"text": "5000 亿美元"}"#.as_bytes())
            .error(503),
        "busy: all 1 check slots stayed taken for the time limit of 1 ms: expected a later retry"
    );
    // the slot comes back when the check ends
    let deadline = Instant::now() + Duration::from_secs(120);
    while server.get("/api/health").json()["checks_running"] != json!(0) {
        assert!(Instant::now() < deadline, "the slot never came back");
        std::thread::sleep(Duration::from_millis(50));
    }
    let (status, _) = server.stop("INT");
    assert!(status.success(), "{status}");
}

#[test]
fn serve_sigterm_lets_a_running_check_finish() {
    let mut args = TABLES.to_vec();
    args.extend_from_slice(&["--time-limit", "10m", "--max-body", "20M"]);
    let server = Server::start(&args);
    // an article long enough to be still in its check when the signal comes
    let line = body(json!({"text": article().repeat(600), "id": "long"}));
    let addr = server.addr;
    let request = line.clone();
    let running = std::thread::spawn(move || {
        http(
            addr,
            "POST",
            "/api/check",
            &[("content-type", "application/json")],
            &request,
        )
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    while server.get("/api/health").json()["checks_running"] != json!(1) {
        assert!(Instant::now() < deadline, "the check never started");
        std::thread::sleep(Duration::from_millis(10));
    }
    let (status, lines) = server.stop("TERM");
    // the server said it would wait for the check, answered it, and exited 0
    assert_eq!(
        lines,
        [
            "figcheck: stopping once the check running is answered",
            "figcheck: stopped"
        ]
    );
    assert!(status.success(), "{status}");
    let answer = running.join().expect("the client thread");
    let mut cli_args = vec!["check", "--input", "jsonl"];
    cli_args.extend_from_slice(TABLES);
    same(
        &answer,
        &cli(&cli_args, Some(&line), 1),
        "the check running at SIGTERM",
    );
}

#[test]
fn serve_refuses_bad_tables_and_addresses() {
    let dir = TempDir::new("serve-bad");
    dir.write(
        "bad.csv",
        "entity,metric,period,value,unit\nA,revenue,2024-12-31,12x,USD\n",
    );
    let bad = dir.path().join("bad.csv").display().to_string();
    let run = crate::cli::run_in(
        Path::new(ROOT),
        &["serve", "--ledger", &bad, "--addr", "127.0.0.1:0"],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("figcheck: {bad}:2:")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("figcheck: not serving: fix the problems of the tables above first\n"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("listening"));
    let run = crate::cli::run_in(
        Path::new(ROOT),
        &[
            "serve",
            "--ledger",
            "data/ledger.csv",
            "--addr",
            "127.0.0.1:99999",
        ],
        None,
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "figcheck: --addr: invalid address \"127.0.0.1:99999\": expected IP:PORT such as 127.0.0.1:8080\n"
    );
    // a port in use
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a port");
    let addr = taken.local_addr().expect("its address").to_string();
    let run = crate::cli::run_in(
        Path::new(ROOT),
        &["serve", "--ledger", "data/ledger.csv", "--addr", &addr],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with(&format!("figcheck: --addr {addr}: cannot listen: ")),
        "{}",
        run.stderr
    );
}
