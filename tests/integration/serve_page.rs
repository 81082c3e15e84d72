//! The web app of `figcheck serve` in headless Chromium, driven over the
//! DevTools protocol (on a pipe: `--remote-debugging-pipe`, its fds 3 and 4
//! given as named pipes by `sh`, so the test needs no WebSocket client): the
//! sample article is pasted, Check is pressed with the keyboard, and the
//! report in the DOM is compared with the API's JSON; the contradicted
//! claims are red. Screenshots at desktop and phone widths are written to
//! the target directory (`serve-desktop.png`, `serve-phone.png`,
//! `serve-phone-report.png`), to look at (`docs/serve.png` is the desktop
//! one). The keyboard alone reaches every control in order (with a visible
//! focus ring) and presses the download buttons with Enter and Space; files
//! dropped on the page are opened by their extension; choosing a company
//! picks the ledger that holds it. Without chromium on PATH the test says so and passes, unless
//! `FIGCHECK_REQUIRE_CHROMIUM` is set (CI sets it).

#![cfg(feature = "serve")]

use crate::cli::TempDir;
use crate::serve::{Server, TABLES, article};
use serde_json::{Value as Json, json};
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// `chromium` on PATH.
fn chromium() -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("chromium"))
        .find(|p| p.is_file())
}

/// A headless Chromium spoken to over the DevTools protocol, killed on drop.
struct Browser {
    child: Child,
    to: File,
    from: mpsc::Receiver<Json>,
    next: u64,
    session: Option<String>,
    stderr: PathBuf,
    _dir: TempDir,
}

impl Browser {
    fn start(chromium: &Path) -> Browser {
        let dir = TempDir::new("serve-chromium");
        let (to_path, from_path) = (dir.path().join("to"), dir.path().join("from"));
        for p in [&to_path, &from_path] {
            let made = Command::new("mkfifo").arg(p).status().expect("run mkfifo");
            assert!(made.success(), "mkfifo {}", p.display());
        }
        let profile = dir.path().join("profile");
        let stderr = dir.path().join("stderr.txt");
        let child = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" 3<\"$TO\" 4>\"$FROM\"")
            .arg(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .env("TO", &to_path)
            .env("FROM", &from_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(File::create(&stderr).expect("create the stderr file"))
            .spawn()
            .expect("start chromium");
        // Opening a named pipe waits for the other end: in a thread, so a
        // browser that does not start cannot hang the test.
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let to = OpenOptions::new().write(true).open(&to_path);
            let from = File::open(&from_path);
            let _ = tx.send((to, from));
        });
        let mut browser = Browser {
            child,
            to: File::open("/dev/null").expect("open /dev/null"),
            from: mpsc::channel().1,
            next: 0,
            session: None,
            stderr,
            _dir: dir,
        };
        let (to, from) = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok((Ok(to), Ok(from))) => (to, from),
            other => browser.fail(&format!("no DevTools pipe: {other:?}")),
        };
        browser.to = to;
        // messages end with a NUL byte
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut from = from;
            let mut buf = Vec::new();
            let mut chunk = [0u8; 65536];
            loop {
                let n = match from.read(&mut chunk) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                buf.extend_from_slice(&chunk[..n]);
                while let Some(end) = buf.iter().position(|&b| b == 0) {
                    let message: Vec<u8> = buf.drain(..=end).collect();
                    let Ok(j) = serde_json::from_slice(&message[..end]) else {
                        continue;
                    };
                    if tx.send(j).is_err() {
                        return;
                    }
                }
            }
        });
        browser.from = rx;
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
        let id = target["targetId"].clone();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": id, "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().map(String::from);
        assert!(browser.session.is_some(), "attached: {attached}");
        browser
    }

    fn fail(&mut self, why: &str) -> ! {
        let _ = self.child.kill();
        let _ = self.child.wait();
        panic!(
            "{why}; chromium's stderr:\n{}",
            std::fs::read_to_string(&self.stderr).unwrap_or_default()
        );
    }

    /// Sends a command (to the page once attached) and waits 60 s at most
    /// for its result.
    fn call(&mut self, method: &str, params: Json) -> Json {
        self.next += 1;
        let id = self.next;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(s) = &self.session {
            message["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&message).expect("serialize a command");
        bytes.push(0);
        if self.to.write_all(&bytes).is_err() {
            self.fail(&format!("{method}: the pipe to chromium is closed"));
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.from.recv_timeout(left) {
                Ok(m) if m["id"] == json!(id) => {
                    if !m["error"].is_null() {
                        self.fail(&format!("{method}: {}", m["error"]));
                    }
                    return m["result"].clone();
                }
                Ok(_) => {} // an event, or another answer
                Err(_) => self.fail(&format!("{method}: no answer within 60 s")),
            }
        }
    }

    /// Evaluates `js` in the page (awaiting a promise) and returns its value.
    fn eval(&mut self, js: &str) -> Json {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": js, "returnByValue": true, "awaitPromise": true}),
        );
        if !r["exceptionDetails"].is_null() {
            self.fail(&format!("{js}: {}", r["exceptionDetails"]));
        }
        r["result"]["value"].clone()
    }

    /// Evaluates `js` every 50 ms until it is true (60 s at most).
    fn wait_for(&mut self, js: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.eval(js) != json!(true) {
            if Instant::now() >= deadline {
                let status = self.eval("document.getElementById('status').textContent");
                self.fail(&format!("never true: {js}; status: {status}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A key pressed and released, as from a keyboard.
    fn key(&mut self, key: &str, code: u32, modifiers: u32) {
        let name = if key == " " { "Space" } else { key };
        for kind in ["rawKeyDown", "keyUp"] {
            let mut params = json!({
                "type": kind, "key": key, "code": name, "windowsVirtualKeyCode": code,
                "nativeVirtualKeyCode": code, "modifiers": modifiers
            });
            if kind == "rawKeyDown" && key == "Enter" {
                // Enter types a carriage return, which submits and activates
                self.call("Input.dispatchKeyEvent", params.clone());
                params["type"] = json!("char");
                params["text"] = json!("\r");
            }
            self.call("Input.dispatchKeyEvent", params);
        }
    }

    fn size(&mut self, width: u32, height: u32, mobile: bool) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        );
    }

    /// A PNG of the viewport, written to `path`.
    fn screenshot(&mut self, path: &Path) {
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}));
        let png = base64(shot["data"].as_str().expect("base64 data"));
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(path, png).expect("write the screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Standard base64 with padding.
fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    for chunk in s.as_bytes().chunks(4) {
        let digits: Vec<u8> = chunk
            .iter()
            .filter(|&&c| c != b'=')
            .map(|&c| value(c))
            .collect();
        let n = digits
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        for i in 0..digits.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

#[test]
fn base64_decodes() {
    assert_eq!(base64("aGVsbG8="), b"hello");
    assert_eq!(base64("aGk="), b"hi");
    assert_eq!(base64("YWJj"), b"abc");
    assert_eq!(base64("/+8="), [0xff, 0xef]);
}

#[test]
fn serve_page_checks_the_sample_article_in_chromium() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("FIGCHECK_REQUIRE_CHROMIUM").is_none(),
            "FIGCHECK_REQUIRE_CHROMIUM is set but chromium is not on PATH"
        );
        println!("note: chromium is not on PATH; skipping the browser test (CI installs it)");
        return;
    };
    let mut tables = TABLES.to_vec();
    tables.extend_from_slice(&["--ledger", "tests/data/companyfacts/apple.json"]);
    let server = Server::start(&tables);
    let text = article();
    let expected = server
        .post(
            "/api/check",
            &serde_json::to_vec(&json!({"text": text})).expect("a request"),
        )
        .json();
    let mut b = Browser::start(&chromium);
    b.size(1280, 900, false);
    b.call(
        "Page.navigate",
        json!({"url": format!("http://{}/", server.addr)}),
    );
    b.wait_for("document.readyState === 'complete' && !!document.getElementById('check')");
    // the ledgers' companies, from GET /api/ledgers
    b.wait_for("document.getElementById('company-list').options.length > 0");
    assert_eq!(
        b.eval(
            "[Array.prototype.map.call(document.getElementById('company-list').options, function (o) { return o.value; }),
              document.getElementById('holds').textContent]"
        ),
        json!([
            ["Apple Inc.", "Arm Holdings", "SoftBank Group", "Stargate Project"],
            format!(
                "all: {} figures read; companies: Apple Inc., Arm Holdings, SoftBank Group, Stargate Project",
                server.get("/api/ledgers").json()["ledgers"][0]["rows"]
            )
        ])
    );
    // the keyboard alone: Tab from the article goes through every control
    // in order (a date input's day, month and year are stops of their own),
    // and the focused control has a visible ring
    b.eval("document.getElementById('text').focus(); true");
    let mut order: Vec<Json> = Vec::new();
    for _ in 0..12 {
        b.key("Tab", 9, 0);
        let id = b.eval("document.activeElement.id");
        if order.last() != Some(&id) {
            order.push(id.clone());
        }
        if id == json!("check") {
            break;
        }
    }
    assert_eq!(
        order,
        json!([
            "file", "input", "date", "hint", "ledger", "company", "check"
        ])
        .as_array()
        .expect("a list")
        .clone()
    );
    assert_eq!(
        b.eval(
            "(function () { var s = getComputedStyle(document.activeElement);
              return [document.activeElement.matches(':focus-visible'), s.outlineStyle, s.outlineWidth]; })()"
        ),
        json!([true, "solid", "3px"])
    );
    // paste the article, then Tab to nothing else: Check is pressed with Enter
    let literal = serde_json::to_string(&text).expect("a JS string");
    b.eval(&format!(
        "document.getElementById('text').value = {literal}; document.getElementById('check').focus(); true"
    ));
    b.key("Enter", 13, 0);
    b.wait_for("document.querySelectorAll('#result mark.claim').length > 0");
    let found = b.eval(
        "(function () {
          var marks = Array.prototype.map.call(document.querySelectorAll('#result mark.claim'), function (m) {
            return [m.getAttribute('data-verdict'), m.textContent, getComputedStyle(m).backgroundColor];
          });
          var count = function (v) { return +document.querySelector('#result button.count.' + v + ' b').textContent; };
          return { marks: marks, counts: [count('consistent'), count('contradicted'), count('unverifiable')],
                   status: document.getElementById('status').textContent,
                   downloads: !document.getElementById('downloads').hidden };
        })()",
    );
    let s = &expected["summary"];
    assert_eq!(
        found["counts"],
        json!([s["consistent"], s["contradicted"], s["unverifiable"]])
    );
    assert_eq!(found["counts"], json!([10, 2, 0]));
    assert_eq!(
        found["status"],
        json!("Checked: 2 contradicted, 0 unverifiable, 10 consistent.")
    );
    assert_eq!(found["downloads"], json!(true));
    let marks = found["marks"].as_array().expect("a list");
    let claims = expected["claims"].as_array().expect("claims");
    assert_eq!(marks.len(), claims.len());
    for (m, c) in marks.iter().zip(claims) {
        assert_eq!(m[0], c["verdict"], "{m}");
        assert_eq!(m[1], c["text"], "{m}");
    }
    // the contradicted claims are red (the report's --bad-bg), the others not
    for m in marks {
        let red = m[2] == json!("rgb(255, 217, 213)");
        assert_eq!(red, m[0] == json!("contradicted"), "{m}");
    }
    assert!(marks.iter().any(|m| m[0] == json!("contradicted")));

    // the keyboard opens a claim's evidence
    b.eval("document.querySelector('#result mark.claim.contradicted').focus(); true");
    b.key("Enter", 13, 0);
    let panel = b.eval(
        "(function () { var d = document.querySelector('#result .detail:not([hidden])');
          return d ? [d.id, d.className, d.querySelector('q').textContent] : null; })()",
    );
    let first = claims
        .iter()
        .position(|c| c["verdict"] == json!("contradicted"))
        .expect("a contradicted claim");
    assert_eq!(
        panel,
        json!([
            format!("d1-x{}", first + 1),
            "detail contradicted",
            claims[first]["text"]
        ])
    );
    b.key("Escape", 27, 0);
    assert_eq!(
        b.eval("document.querySelector('#result .detail:not([hidden])') === null"),
        json!(true)
    );

    // the downloads, each the report as the API renders it in that format:
    // pressed with the mouse, Enter and Space
    b.eval(
        "HTMLAnchorElement.prototype.click = function () {
          var name = this.download;
          fetch(this.href).then(function (r) { return r.text(); }).then(function (t) { window.saved = [name, t]; });
        }; true",
    );
    for (format, extension, press) in [
        ("markdown", "md", "click"),
        ("html", "html", "Enter"),
        ("csv", "csv", " "),
        ("json", "json", "click"),
    ] {
        let button = format!("document.querySelector('#downloads button[data-format={format}]')");
        b.eval("window.saved = null; true");
        match press {
            "click" => b.eval(&format!("{button}.click(); true")),
            key => {
                b.eval(&format!("{button}.focus(); true"));
                b.key(key, if key == "Enter" { 13 } else { 32 }, 0);
                Json::Null
            }
        };
        b.wait_for("window.saved !== null");
        let api = server.post(
            "/api/check",
            &serde_json::to_vec(&json!({"text": text, "id": "article", "format": format}))
                .expect("a request"),
        );
        assert_eq!(
            b.eval("window.saved"),
            json!([format!("figcheck-article.{extension}"), api.text()]),
            "{format}"
        );
    }

    // the desktop screenshot (docs/serve.png is this one): what the page
    // shows after a check, the first contradicted claim in view, here with
    // its evidence open
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    b.eval(
        "var m = document.querySelector('#result mark.claim.contradicted'); m.click();
         document.activeElement.blur(); m.scrollIntoView({ block: 'center' }); true",
    );
    b.screenshot(&shots.join("serve-desktop.png"));
    // at phone width: no sideways scrolling, and the claims still marked
    b.size(390, 844, true);
    b.wait_for("document.documentElement.clientWidth === 390");
    let fits = b.eval(
        "[document.documentElement.scrollWidth, document.querySelectorAll('#result mark.claim').length]",
    );
    assert_eq!(fits, json!([390, claims.len()]));
    // the form, the evidence sheet closed; then the report, the sheet open
    b.eval("document.querySelector('#result .panel .close').click(); window.scrollTo(0, 0); true");
    b.screenshot(&shots.join("serve-phone.png"));
    b.eval(
        "var m = document.querySelector('#result mark.claim.contradicted');
         m.scrollIntoView({ block: 'start' }); window.scrollBy(0, -120); m.click(); true",
    );
    b.screenshot(&shots.join("serve-phone-report.png"));
    println!(
        "screenshots: {}/serve-{{desktop,phone,phone-report}}.png",
        shots.display()
    );

    // nothing was fetched from anywhere but the server (no CDN, font or
    // script, nor a favicon): the page's API calls
    let fetched = b.eval(
        "(function () { var seen = {};
          performance.getEntriesByType('resource').forEach(function (e) {
            var n = e.name.indexOf('blob:') === 0 ? 'blob:' : e.name;
            seen[n.indexOf(location.origin + '/') === 0 ? new URL(n).pathname : n] = true;
          });
          return Object.keys(seen).sort(); })()",
    );
    assert_eq!(fetched, json!(["/api/check", "/api/ledgers"]));

    // a company picks the smallest ledger that holds it
    let choose = |b: &mut Browser, name: &str| {
        b.eval(&format!(
            "(function () {{ var c = document.getElementById('company'); c.value = {name:?};
              c.dispatchEvent(new Event('change')); return [document.getElementById('ledger').value,
              document.getElementById('holds').textContent]; }})()"
        ))
    };
    let apple = server.get("/api/ledgers").json()["ledgers"][2]["rows"].clone();
    let limited = |name: &str| {
        format!(
            "The check is limited to {name}: claims about other companies are not checked (clear the Company field to check all). "
        )
    };
    assert_eq!(
        choose(&mut b, "apple inc."),
        json!([
            "tests/data/companyfacts/apple.json",
            format!(
                "Ledger set to the one that holds Apple Inc.: {}tests/data/companyfacts/apple.json: {apple} figures read; companies: Apple Inc.",
                limited("Apple Inc.")
            )
        ])
    );
    // the check is limited to the company chosen: the page sends it, and
    // the claims about others are unverifiable
    let sent = |b: &mut Browser| {
        b.eval(
            "window.sent = [];
             if (!window.realFetch) { window.realFetch = window.fetch; }
             window.fetch = function (url, init) { if (init && init.body) { window.sent.push(JSON.parse(init.body)); } return window.realFetch(url, init); };
             document.getElementById('status').textContent = '';
             document.getElementById('check').click(); true",
        );
        b.wait_for("document.getElementById('status').textContent.indexOf('Checked') === 0");
        b.eval(
            "[window.sent.map(function (s) { return [s.ledger, s.companies === undefined ? null : s.companies]; }),
              document.getElementById('status').textContent,
              Array.prototype.map.call(document.querySelectorAll('#result mark.claim.unverifiable'), function (m) { return m.textContent; }).length]",
        )
    };
    b.eval(&format!(
        "document.getElementById('text').value = {}; true",
        json!(text)
    ));
    assert_eq!(
        choose(&mut b, "SOFTBANK group"),
        json!([
            "data/ledger.csv",
            format!(
                "Ledger set to the one that holds SoftBank Group: {}data/ledger.csv: {} figures read; companies: Arm Holdings, SoftBank Group, Stargate Project",
                limited("SoftBank Group"),
                server.get("/api/ledgers").json()["ledgers"][1]["rows"]
            )
        ])
    );
    assert_eq!(
        sent(&mut b),
        json!([
            [["data/ledger.csv", ["SoftBank Group"]]],
            "Checked: 2 contradicted, 8 unverifiable, 2 consistent.",
            8
        ])
    );
    // cleared: every company is checked again, and the page says no limit
    b.eval("var c = document.getElementById('company'); c.value = ''; c.dispatchEvent(new Event('input')); true");
    assert_eq!(
        b.eval("[document.getElementById('limited'), document.getElementById('holds').textContent.indexOf('limited')]"),
        json!([null, -1])
    );
    assert_eq!(
        sent(&mut b),
        json!([
            [["data/ledger.csv", null]],
            "Checked: 2 contradicted, 0 unverifiable, 10 consistent.",
            0
        ])
    );
    // an unknown company is told, and a check with it is refused by the
    // server, whose message the page shows
    assert_eq!(
        choose(&mut b, "NVIDIA"),
        json!([
            "data/ledger.csv",
            format!(
                "No ledger of this server holds \u{201c}NVIDIA\u{201d}. data/ledger.csv: {} figures read; companies: Arm Holdings, SoftBank Group, Stargate Project",
                server.get("/api/ledgers").json()["ledgers"][1]["rows"]
            )
        ])
    );
    b.eval("document.getElementById('status').textContent = ''; document.getElementById('check').click(); true");
    b.wait_for("document.getElementById('status').className === 'error'");
    assert_eq!(
        b.eval("[window.sent[window.sent.length - 1].companies, document.getElementById('status').textContent]"),
        json!([
            ["NVIDIA"],
            "Not checked: request body: \"companies\": ledger \"data/ledger.csv\": no company \"NVIDIA\" in the ledger: expected one of its companies (\"Arm Holdings\", \"SoftBank Group\", \"Stargate Project\")"
        ])
    );
    b.eval("document.getElementById('company').value = ''; document.getElementById('ledger').value = 'all'; true");

    // files dropped on the page (anywhere) are opened by their extension,
    // and only as UTF-8
    let drop = |b: &mut Browser, name: &str, bytes: &str| {
        b.eval(&format!(
            "(function () {{ var t = new DataTransfer();
              t.items.add(new File([new Uint8Array({bytes})], {name:?}));
              document.querySelector('header').dispatchEvent(new DragEvent('drop', {{ dataTransfer: t, bubbles: true, cancelable: true }}));
              return true; }})()"
        ));
        b.wait_for(&format!(
            "document.getElementById('status').textContent.indexOf({name:?}) === 0"
        ));
        b.eval(
            "[document.getElementById('status').textContent, document.getElementById('status').className,
              document.getElementById('input').value, document.getElementById('text').value]",
        )
    };
    let utf8 = |s: &str| format!("{:?}", s.as_bytes());
    assert_eq!(
        drop(&mut b, "a.html", &utf8("<p>软银 5000 亿美元</p>")),
        json!([
            "a.html loaded (HTML: its visible text is checked).",
            "",
            "html",
            "<p>软银 5000 亿美元</p>"
        ])
    );
    assert_eq!(
        drop(&mut b, "b.md", &utf8("\u{feff}# 星门\n\n5000 亿美元")),
        json!(["b.md loaded (text).", "", "text", "# 星门\n\n5000 亿美元"])
    );
    assert_eq!(
        drop(&mut b, "c.TXT", &utf8("$5 billion")),
        json!(["c.TXT loaded (text).", "", "text", "$5 billion"])
    );
    assert_eq!(
        drop(&mut b, "d.pdf", &utf8("%PDF")),
        json!([
            "d.pdf: not opened: expected a .txt, .md or .html file.",
            "error",
            "text",
            "$5 billion"
        ])
    );
    assert_eq!(
        drop(&mut b, "e.txt", "[53, 255, 54]"),
        json!([
            "e.txt: not opened: it is not UTF-8 text.",
            "error",
            "text",
            "$5 billion"
        ])
    );
    // the dropped file is what is checked, under its name
    b.eval("document.getElementById('check').click(); true");
    b.wait_for("document.getElementById('status').textContent.indexOf('Checked') === 0");
    assert_eq!(
        b.eval(
            "document.querySelector('#result section.doc h2').textContent.indexOf('c.TXT') >= 0"
        ),
        json!(true)
    );

    // a bad request shows the server's message
    b.eval("document.getElementById('date').value = ''; document.getElementById('hint').value = 'XYZ'; document.getElementById('check').click(); true");
    b.wait_for("document.getElementById('status').className === 'error'");
    assert_eq!(
        b.eval("document.getElementById('status').textContent"),
        json!(
            "Not checked: request body: \"currency_hint\": unknown currency \"XYZ\": expected an ISO 4217 code such as USD"
        )
    );
}
