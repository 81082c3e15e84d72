//! `figcheck serve`: the web app and the HTTP API, on axum and tokio.
//!
//! The tables (`--ledger`, `--aliases`, `--fx`) are read once, before the
//! server listens, through the same code as `figcheck check`; any problem
//! in them stops the server before it starts. Each `--ledger` is a checker
//! of its own, and when there are several, all of them together are one
//! more (the default, as `figcheck check` with every `--ledger`).
//!
//! Endpoints (all answers are JSON unless a `format` asks otherwise):
//! - `GET /`: the page (`page.rs`).
//! - `GET /api/health`: `{"status": "ok", "version", "checks_running", "max_checks"}`.
//! - `GET /api/ledgers`: the ledgers to choose from, with their companies.
//! - `POST /api/extract`, `POST /api/check`: a JSON body `{"text", "date"?,
//!   "id"?, "currency_hint"?, "ledger"?, "companies"? (check only), "input"?,
//!   "format"?}`; the answer is
//!   what `figcheck extract` / `figcheck check` writes for that one
//!   document in that format (by default the JSON line, byte for byte).
//!
//! Bad requests get `{"error": "…"}` with 400 (naming the problem: invalid
//! UTF-8, malformed JSON, no `text`, a bad `date`, an unknown field or
//! value), 404, 405, 413 (a body over `--max-body`) or 503 (the time limit
//! passed while waiting for one of the `--max-checks` slots, or during the
//! work). CPU work runs on tokio's blocking threads, at most `--max-checks`
//! at once.
//!
//! SIGINT or SIGTERM stops the listener; the requests in progress (a check
//! running included) are answered, then `run` returns and the process
//! exits 0 (`tests/integration/serve.rs` checks it). The page's script
//! (`page.html`) lists each ledger's companies from `GET /api/ledgers`.

mod page;
mod request;

use crate::check::{Rendering, Tables, load_tables};
use crate::config::{Format, ServeConfig};
use crate::diag::Diagnostics;
use crate::html::Visible;
use anyhow::{Context as _, Result};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use figcheck::{Checker, Extractor};
use request::{Input, Job, Kind};
use serde::Serialize;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::{Instant, timeout_at};

/// One ledger to choose from.
struct Entry {
    /// The `--ledger` path, or "all" for all of them.
    name: String,
    /// The files it is read from.
    files: Vec<String>,
    checker: Checker,
}

/// What every request shares.
struct App {
    /// The first is the default.
    ledgers: Vec<Entry>,
    aliases: Option<String>,
    fx: Option<String>,
    time_limit: Duration,
    max_body: usize,
    max_checks: usize,
    slots: Arc<Semaphore>,
    /// The page, rendered once.
    page: String,
    /// Problems found later (filers of ledger directories read for an
    /// article), and `--verbose` counts.
    diag: Mutex<Diagnostics>,
    verbose: bool,
}

/// Loads the tables, then serves until SIGINT or SIGTERM.
///
/// # Errors
/// The address cannot be listened on, or the runtime cannot start.
pub fn run(config: &ServeConfig, diag: &mut Diagnostics) -> Result<()> {
    let Some(ledgers) = load(config, diag) else {
        return Ok(());
    };
    if diag.errors() > 0 {
        diag.info("not serving: fix the problems of the tables above first");
        return Ok(());
    }
    let page = page::render(&ledgers.iter().map(|e| e.name.as_str()).collect::<Vec<_>>());
    let app = Arc::new(App {
        ledgers,
        aliases: config.aliases.as_ref().map(|p| p.display().to_string()),
        fx: config.fx.as_ref().map(|p| p.display().to_string()),
        time_limit: config.time_limit,
        max_body: config.max_body,
        max_checks: config.max_checks,
        slots: Arc::new(Semaphore::new(config.max_checks)),
        page,
        diag: Mutex::new(Diagnostics::new(config.quiet)),
        verbose: config.verbose,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("figcheck-serve")
        .build()
        .context("cannot start the server's threads")?;
    let result = runtime.block_on(serve(config, app, diag));
    // checks still running past the end are not waited for long
    runtime.shutdown_timeout(Duration::from_secs(5));
    result
}

/// One checker per `--ledger`, and one of all of them when there are several
/// (first: the default).
fn load(config: &ServeConfig, diag: &mut Diagnostics) -> Option<Vec<Entry>> {
    let mut sets: Vec<(String, Vec<std::path::PathBuf>)> = Vec::new();
    if config.ledger.len() > 1 {
        sets.push(("all".to_string(), config.ledger.clone()));
    }
    for p in &config.ledger {
        sets.push((p.display().to_string(), vec![p.clone()]));
    }
    let mut entries = Vec::new();
    for (i, (name, files)) in sets.into_iter().enumerate() {
        // every problem of every file is reported once, by its first load
        let mut quiet = Diagnostics::new(true);
        let d = if i == 0 { &mut *diag } else { &mut quiet };
        let tables = Tables {
            ledger: &files,
            aliases: config.aliases.as_deref(),
            fx: config.fx.as_deref(),
            verbose: config.verbose && i == 0,
        };
        let checker = load_tables(&tables, Extractor::new(), config.policy, d)?;
        if i > 0 && quiet.errors() > 0 {
            // a problem the first load did not see: counted, never dropped
            diag.error(format_args!("{name}: problems reading it alone"));
        }
        entries.push(Entry {
            name,
            files: files.iter().map(|p| p.display().to_string()).collect(),
            checker,
        });
    }
    Some(entries)
}

async fn serve(config: &ServeConfig, app: Arc<App>, diag: &mut Diagnostics) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("--addr {}: cannot listen", config.addr))?;
    let addr = listener
        .local_addr()
        .with_context(|| format!("--addr {}: cannot listen", config.addr))?;
    if !addr.ip().is_loopback() {
        diag.notice(format_args!(
            "listening on {addr}, which other machines may reach: the server has no access control"
        ));
    }
    let names: Vec<&str> = app.ledgers.iter().map(|e| e.name.as_str()).collect();
    diag.info(format_args!(
        "listening on http://{addr}/ with {} {} (Ctrl-C stops)",
        if names.len() == 1 {
            "ledger"
        } else {
            "ledgers"
        },
        names.join(", ")
    ));
    let shared = app.clone();
    let stopping = async move {
        stop_signal().await;
        // No new connection is taken from now on; the checks running (and
        // every answer being sent) are finished first.
        let running = shared.max_checks - shared.slots.available_permits();
        let mut diag = lock(&shared.diag);
        match running {
            0 => diag.info("stopping"),
            1 => diag.info("stopping once the check running is answered"),
            n => diag.info(format_args!(
                "stopping once the {n} checks running are answered"
            )),
        }
    };
    let router = router(app, config.max_body);
    axum::serve(listener, router)
        .with_graceful_shutdown(stopping)
        .await
        .context("the server failed")?;
    diag.info("stopped");
    Ok(())
}

fn router(app: Arc<App>, max_body: usize) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/api/health", get(health))
        .route("/api/ledgers", get(ledgers))
        .route("/api/extract", post(extract))
        .route("/api/check", post(check))
        .fallback(not_found)
        .method_not_allowed_fallback(not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(app)
}

/// SIGINT (Ctrl-C) or SIGTERM.
async fn stop_signal() {
    let interrupt = async {
        // Without a handler there is nothing to wait for but the other signal.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// An error answer: `{"error": message}`.
fn error(status: StatusCode, message: impl Into<String>) -> Response {
    #[derive(Serialize)]
    struct Error {
        error: String,
    }
    let body = Error {
        error: message.into(),
    };
    json(status, &body)
}

fn json(status: StatusCode, body: &impl Serialize) -> Response {
    // Invariant: plain structs of strings and numbers always serialize.
    let mut bytes = serde_json::to_vec(body).expect("serializing plain data never fails");
    bytes.push(b'\n');
    (status, [(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

async fn index(State(app): State<Arc<App>>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        app.page.clone(),
    )
        .into_response()
}

async fn not_found(method: Method, uri: Uri) -> Response {
    error(
        StatusCode::NOT_FOUND,
        format!(
            "{method} {}: no such page: expected /, /api/health, /api/ledgers, /api/extract or /api/check",
            uri.path()
        ),
    )
}

async fn not_allowed(method: Method, uri: Uri) -> Response {
    let path = uri.path();
    let allowed = if matches!(path, "/api/extract" | "/api/check") {
        "POST"
    } else {
        "GET"
    };
    let mut r = error(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} {path}: method not allowed: expected {allowed}"),
    );
    r.headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static(allowed));
    r
}

async fn health(State(app): State<Arc<App>>) -> Response {
    #[derive(Serialize)]
    struct Health {
        status: &'static str,
        version: &'static str,
        checks_running: usize,
        max_checks: usize,
    }
    json(
        StatusCode::OK,
        &Health {
            status: "ok",
            version: env!("CARGO_PKG_VERSION"),
            checks_running: app.max_checks - app.slots.available_permits(),
            max_checks: app.max_checks,
        },
    )
}

async fn ledgers(State(app): State<Arc<App>>) -> Response {
    #[derive(Serialize)]
    struct Ledger<'a> {
        name: &'a str,
        default: bool,
        files: &'a [String],
        /// Ledger rows read so far (the filers of directories and archives
        /// are read when an article names them).
        rows: usize,
        /// Companies: every entity of the rows, and every filer.
        entities: Vec<&'a str>,
        metrics: Vec<&'a str>,
    }
    #[derive(Serialize)]
    struct Ledgers<'a> {
        ledgers: Vec<Ledger<'a>>,
        aliases: Option<&'a str>,
        fx: Option<&'a str>,
    }
    let list = app
        .ledgers
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let l = e.checker.ledger();
            Ledger {
                name: &e.name,
                default: i == 0,
                files: &e.files,
                rows: l.rows().len(),
                entities: l.entities(),
                metrics: l.metrics(),
            }
        })
        .collect();
    json(
        StatusCode::OK,
        &Ledgers {
            ledgers: list,
            aliases: app.aliases.as_deref(),
            fx: app.fx.as_deref(),
        },
    )
}

async fn extract(State(app): State<Arc<App>>, body: Result<Bytes, BytesRejection>) -> Response {
    work(app, body, Kind::Extract).await
}

async fn check(State(app): State<Arc<App>>, body: Result<Bytes, BytesRejection>) -> Response {
    work(app, body, Kind::Check).await
}

/// Reads the request, waits for a slot, and does the work on a blocking
/// thread, all within the time limit.
async fn work(app: Arc<App>, body: Result<Bytes, BytesRejection>, kind: Kind) -> Response {
    let deadline = Instant::now() + app.time_limit;
    let body = match body {
        Ok(b) => b,
        Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "request body: too large: expected at most {} bytes (the server's --max-body)",
                    app.max_body
                ),
            );
        }
        Err(r) => {
            return error(r.status(), format!("request body: {}", r.body_text()));
        }
    };
    let names: Vec<&str> = app.ledgers.iter().map(|e| e.name.as_str()).collect();
    let job = match request::parse(&body, kind, &names) {
        Ok(j) => j,
        Err(message) => return error(StatusCode::BAD_REQUEST, message),
    };
    drop(body);
    let Ok(Ok(permit)) = timeout_at(deadline, app.slots.clone().acquire_owned()).await else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "busy: all {} check slots stayed taken for the time limit of {}: expected a later retry",
                app.max_checks,
                words(app.time_limit)
            ),
        );
    };
    let shared = app.clone();
    let task = tokio::task::spawn_blocking(move || {
        let answer = answer(&shared, &job);
        drop(permit);
        answer
    });
    match timeout_at(deadline, task).await {
        Ok(Ok(Ok((content_type, bytes)))) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, content_type)],
            bytes,
        )
            .into_response(),
        Ok(Ok(Err(message))) => error(StatusCode::BAD_REQUEST, message),
        Ok(Err(panic)) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("internal error: the work stopped ({panic}); please report it"),
        ),
        Err(_) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the work took longer than the time limit of {}: expected a shorter text, or a larger --time-limit",
                words(app.time_limit)
            ),
        ),
    }
}

/// "30 s", "250 ms".
fn words(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{} ms", d.as_millis())
    }
}

/// The answer to a job: content type and bytes, as the CLI renders them;
/// or the message of a 400 answer (a company the ledger does not hold,
/// known only once the ledger is looked at).
fn answer(app: &App, job: &Job) -> Result<(&'static str, Vec<u8>), String> {
    let entry = &app.ledgers[job.ledger];
    let limit =
        if job.companies.is_empty() {
            None
        } else {
            Some(entry.checker.limit(&job.companies).map_err(|e| {
                format!("request body: \"companies\": ledger {:?}: {e}", entry.name)
            })?)
        };
    let visible = match job.input {
        Input::Html => Some(Visible::parse(&job.text)),
        Input::Text => None,
    };
    let text = visible.as_ref().map_or(job.text.as_str(), |v| v.text());
    let label = job.label();
    let bytes = match job.kind {
        Kind::Extract => {
            let (bytes, warnings) = crate::extract::render_one(
                &job.extractor,
                job.format,
                &job.id,
                text,
                visible.as_ref(),
                &label,
            );
            if !warnings.is_empty() {
                let mut diag = lock(&app.diag);
                for w in warnings {
                    diag.notice(w);
                }
            }
            bytes
        }
        Kind::Check => {
            let report = entry.checker.check_limited(
                &job.extractor,
                limit.as_ref(),
                job.id.clone(),
                text,
                job.date,
            );
            crate::ledgers::report_loads(entry.checker.ledger(), &mut lock(&app.diag), app.verbose);
            crate::check::render(
                job.format,
                &report,
                &Rendering {
                    label: &label,
                    text,
                    html: visible.as_ref(),
                    color: false,
                },
            )
        }
    };
    Ok((content_type(job.format), bytes))
}

/// The diagnostics, even after a panic in another request's report.
fn lock(m: &Mutex<Diagnostics>) -> std::sync::MutexGuard<'_, Diagnostics> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn content_type(f: Format) -> &'static str {
    match f {
        Format::Json => "application/json",
        Format::Html => "text/html; charset=utf-8",
        Format::Markdown => "text/markdown; charset=utf-8",
        Format::Csv => "text/csv; charset=utf-8",
        Format::Text => "text/plain; charset=utf-8",
    }
}
