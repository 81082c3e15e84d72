//! The web app of `figcheck serve` in headless Chromium, driven over the
//! DevTools protocol (on a pipe: `--remote-debugging-pipe`, its fds 3 and 4
//! given as named pipes by `sh`, so the test needs no WebSocket client): the
//! sample article is pasted, Check is pressed with the keyboard, and the
//! report in the DOM is compared with the API's JSON; the contradicted
//! claims are red. Screenshots at desktop and phone widths are written to
//! the target directory (`serve-desktop.png`, `serve-phone.png`), to look
//! at. Without chromium on PATH the test says so and passes, unless
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
        for kind in ["rawKeyDown", "keyUp"] {
            let mut params = json!({
                "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code,
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
    let server = Server::start(TABLES);
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

    // a download: the Markdown report, as the API renders it
    let saved = b.eval(
        "new Promise(function (done) {
          HTMLAnchorElement.prototype.click = function () {
            var name = this.download;
            fetch(this.href).then(function (r) { return r.text(); }).then(function (t) { done([name, t]); });
          };
          document.querySelector('#downloads button[data-format=markdown]').click();
        })",
    );
    let markdown = server.post(
        "/api/check",
        &serde_json::to_vec(&json!({"text": text, "id": "article", "format": "markdown"}))
            .expect("a request"),
    );
    assert_eq!(saved, json!(["figcheck-article.md", markdown.text()]));

    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    b.eval("window.scrollTo(0, 0); true");
    b.screenshot(&shots.join("serve-desktop.png"));
    // at phone width: no sideways scrolling, and the claims still marked
    b.size(390, 844, true);
    b.wait_for("document.documentElement.clientWidth === 390");
    let fits = b.eval(
        "[document.documentElement.scrollWidth, document.querySelectorAll('#result mark.claim').length]",
    );
    assert_eq!(fits, json!([390, claims.len()]));
    b.eval("window.scrollTo(0, 0); true");
    b.screenshot(&shots.join("serve-phone.png"));
    println!(
        "screenshots: {}/serve-{{desktop,phone}}.png",
        shots.display()
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
