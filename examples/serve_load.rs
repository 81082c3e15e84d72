//! A bounded load test of `figcheck serve`, on loopback only: starts the
//! server (the `figcheck` binary beside this example, built with the
//! `serve` feature) on an ephemeral port with the quick start's tables
//! (`data/ledger.csv`, `data/aliases.csv`, `data/fx.csv`), sends
//! `--requests` `POST /api/check` of the sample article
//! (`data/stargate-zh.txt`) from `--clients` threads (a connection per
//! request), and reports throughput, p50/p99/max latency and the server's
//! resident memory (VmRSS of `/proc/PID/status`) at the start, when half
//! the answers are in, and at the end. Every answer must be 200 and the
//! same bytes as `figcheck check data/stargate-zh.txt --format json` with
//! those tables writes: any error, lost answer or other byte makes the run
//! fail (exit 1), as does an end RSS over twice the middle one. The server
//! is stopped with SIGTERM at the end and must exit 0.
//!
//! ```text
//! cargo build --release --features serve
//! cargo run --release --features serve --example serve_load -- [--requests 2000] [--clients 16]
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn main() -> ExitCode {
    let mut requests = 2000usize;
    let mut clients = 16usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next().and_then(|v| v.parse::<usize>().ok());
        match (a.as_str(), value) {
            ("--requests", Some(n)) if n > 0 => requests = n,
            ("--clients", Some(n)) if n > 0 => clients = n,
            _ => {
                eprintln!("usage: serve_load [--requests N] [--clients N] (N at least 1)");
                return ExitCode::from(2);
            }
        }
    }
    let bin = match std::env::current_exe() {
        Ok(exe) => exe
            .parent()
            .and_then(|examples| examples.parent())
            .map(|dir| dir.join("figcheck")),
        Err(_) => None,
    };
    let Some(bin) = bin.filter(|b| b.is_file()) else {
        eprintln!(
            "serve_load: no figcheck binary beside target/*/examples: run `cargo build --release --features serve` first"
        );
        return ExitCode::from(2);
    };
    match run(&bin, requests, clients) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("serve_load: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(bin: &PathBuf, requests: usize, clients: usize) -> Result<(), String> {
    let (mut server, addr) = start(bin)?;
    let result = rounds(&server, addr, bin, requests, clients);
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let status = server
        .wait()
        .map_err(|e| format!("wait for the server: {e}"))?;
    result?;
    if !status.success() {
        return Err(format!("the server exited with {status}"));
    }
    println!("server stopped on SIGTERM: {status}");
    Ok(())
}

/// The ledger, aliases and FX tables of the quick start.
const TABLES: &[&str] = &[
    "--ledger",
    "data/ledger.csv",
    "--aliases",
    "data/aliases.csv",
    "--fx",
    "data/fx.csv",
];
const ARTICLE: &str = "data/stargate-zh.txt";

/// What `figcheck check ARTICLE --format json` writes (exit 1: two claims
/// are contradicted).
fn cli_json(bin: &PathBuf) -> Result<Vec<u8>, String> {
    let out = Command::new(bin)
        .args(["check", ARTICLE, "--format", "json"])
        .args(TABLES)
        .current_dir(ROOT)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: cannot run: {e}", bin.display()))?;
    if out.status.code() != Some(1) {
        return Err(format!(
            "figcheck check {ARTICLE}: exit {:?}, expected 1: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(out.stdout)
}

fn rounds(
    server: &Child,
    addr: SocketAddr,
    bin: &PathBuf,
    requests: usize,
    clients: usize,
) -> Result<(), String> {
    let text = std::fs::read_to_string(format!("{ROOT}/{ARTICLE}"))
        .map_err(|e| format!("{ARTICLE}: {e}"))?;
    let body = serde_json::to_vec(&serde_json::json!({"text": text, "id": ARTICLE}))
        .map_err(|e| e.to_string())?;
    let expected = cli_json(bin)?;
    println!(
        "{requests} POST /api/check of {ARTICLE} ({} bytes in, {} bytes out, the CLI's JSON) from {clients} clients, a connection each",
        body.len(),
        expected.len()
    );
    let pid = server.id();
    let start_rss = rss(pid);
    println!("server RSS at the start: {}", memory(pid));
    let body = Arc::new(body);
    let expected = Arc::new(expected);
    let next = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicUsize::new(0));
    let middle = Arc::new(Mutex::new(None));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(requests)));
    let errors = Arc::new(Mutex::new(Vec::new()));
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (next, done, middle) = (next.clone(), done.clone(), middle.clone());
            let (latencies, errors) = (latencies.clone(), errors.clone());
            let (body, expected) = (body.clone(), expected.clone());
            std::thread::spawn(move || {
                while next.fetch_add(1, Ordering::Relaxed) < requests {
                    let t = Instant::now();
                    let answer = post(addr, &body);
                    let took = t.elapsed();
                    match answer {
                        Ok(b) if b == *expected => {
                            latencies.lock().expect("no panic holds it").push(took)
                        }
                        Ok(b) => errors.lock().expect("no panic holds it").push(format!(
                            "an answer differs from the CLI's JSON: {}",
                            String::from_utf8_lossy(&b[..b.len().min(300)])
                        )),
                        Err(e) => errors.lock().expect("no panic holds it").push(e),
                    }
                    // the client that completes the middle request samples the RSS
                    if done.fetch_add(1, Ordering::Relaxed) + 1 == requests.div_ceil(2) {
                        *middle.lock().expect("no panic holds it") = Some((rss(pid), memory(pid)));
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join()
            .map_err(|_| "a client thread panicked".to_string())?;
    }
    let wall = start.elapsed();
    let end_rss = rss(pid);
    let errors = errors.lock().expect("threads ended");
    let mut l = latencies.lock().expect("threads ended").clone();
    let (mid_rss, mid) = middle.lock().expect("threads ended").clone().unzip();
    l.sort_unstable();
    if l.is_empty() {
        return Err(format!(
            "no answer was right; {} failed, the first: {}",
            errors.len(),
            errors.first().map_or("", String::as_str)
        ));
    }
    let at = |q: f64| l[((l.len() as f64 * q).ceil() as usize).clamp(1, l.len()) - 1];
    println!(
        "{} ok, {} failed in {:.2} s: {:.0} requests/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        l.len(),
        errors.len(),
        wall.as_secs_f64(),
        l.len() as f64 / wall.as_secs_f64(),
        ms(at(0.50)),
        ms(at(0.99)),
        ms(at(1.0)),
    );
    println!(
        "server RSS at the middle ({} answers in): {}",
        requests.div_ceil(2),
        mid.unwrap_or_else(|| "not sampled".to_string())
    );
    println!("server RSS at the end: {}", memory(pid));
    if let Some(e) = errors.first() {
        return Err(format!("{} requests failed, the first: {e}", errors.len()));
    }
    if l.len() != requests {
        return Err(format!("{} answers for {requests} requests", l.len()));
    }
    if let (Some(Some(mid)), Some(end)) = (mid_rss, end_rss) {
        if end > 2 * mid {
            return Err(format!(
                "memory is not flat: {end} kB at the end, {mid} kB at the middle (start: {start_rss:?} kB)"
            ));
        }
    }
    Ok(())
}

/// VmRSS of the process, in kB.
fn rss(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// "18.2 MB (peak 19.0 MB)": VmRSS and VmHWM of the process.
fn memory(pid: u32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
    };
    match (kb("VmRSS:"), kb("VmHWM:")) {
        (Some(rss), Some(peak)) => format!(
            "{:.1} MB (peak {:.1} MB)",
            rss as f64 / 1024.0,
            peak as f64 / 1024.0
        ),
        _ => "unknown (no /proc)".to_string(),
    }
}

/// Starts the server on an ephemeral loopback port; its address.
fn start(bin: &PathBuf) -> Result<(Child, SocketAddr), String> {
    let mut child = Command::new(bin)
        .args(["serve", "--addr", "127.0.0.1:0", "--time-limit", "60s"])
        .args(TABLES)
        .current_dir(ROOT)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: cannot start: {e}", bin.display()))?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let mut lines = BufReader::new(stderr).lines();
    for line in lines.by_ref() {
        let line = line.map_err(|e| e.to_string())?;
        if let Some(rest) = line.strip_prefix("figcheck: listening on http://") {
            let addr = rest
                .split('/')
                .next()
                .and_then(|a| a.parse().ok())
                .ok_or_else(|| format!("no address in {line:?}"))?;
            // keep reading stderr, so that the server never blocks on it
            std::thread::spawn(move || lines.for_each(drop));
            return Ok((child, addr));
        }
        eprintln!("{line}");
    }
    let _ = child.wait();
    Err("the server ended before listening".to_string())
}

/// One POST on its own connection; the body of a 200 answer.
fn post(addr: SocketAddr, body: &[u8]) -> Result<Vec<u8>, String> {
    let mut s = TcpStream::connect(addr).map_err(|e| format!("connect: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes())
        .and_then(|()| s.write_all(body))
        .map_err(|e| format!("send: {e}"))?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).map_err(|e| format!("read: {e}"))?;
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no end of headers")?;
    let head = String::from_utf8_lossy(&raw[..end]);
    if !head.starts_with("HTTP/1.1 200 ") {
        return Err(format!(
            "{}: {}",
            head.lines().next().unwrap_or(""),
            String::from_utf8_lossy(&raw[end + 4..])
        ));
    }
    let length = head
        .lines()
        .find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .ok_or("no content-length")?;
    let body = raw[end + 4..].to_vec();
    if body.len() != length {
        return Err(format!("{} of {length} bytes arrived", body.len()));
    }
    Ok(body)
}
