//! Corpus mode, shared by every subcommand: reading many inputs (files,
//! directories walked recursively, standard input, JSON Lines streams) into
//! documents, processing them in parallel, and handing the results back in
//! input order.
//!
//! ```text
//!  reader thread ──batches──▶ N worker threads ──results──▶ caller's thread
//!   (I/O, lines)   (bounded)   (decode, extract/check,       (reorders, writes,
//!        ▲                      render)                        reports, progress)
//!        └──────────────── permits (one per batch written) ──────────┘
//! ```
//!
//! Memory stays flat however large the corpus: the reader takes a permit
//! before it sends a batch and the writer gives it back once the batch is
//! written, so at most [`BATCHES_PER_WORKER`] × workers + 2 batches (each
//! of at most [`BATCH_BYTES`] of input, or one larger document) are read,
//! processed or waiting to be written at any time. Nothing collects all
//! results.

use crate::config::{DocKind, Input};
use crate::input::io_message;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

/// A batch is sent once it holds this much input.
pub const BATCH_BYTES: usize = 64 * 1024;
/// … or this many documents.
const BATCH_ITEMS: usize = 512;
/// Batches in flight per worker thread (queued, in work, or waiting for an
/// earlier one to be written).
pub const BATCHES_PER_WORKER: usize = 4;
/// Read buffer of JSON Lines inputs.
const READ_BUFFER: usize = 256 * 1024;

/// One unit of work, in input order.
#[derive(Debug)]
pub enum Item {
    /// A whole input (a file or standard input) that is one document.
    Whole {
        /// Where it came from.
        input: Input,
        /// Text or HTML.
        kind: DocKind,
        /// Its bytes, not yet checked to be UTF-8.
        bytes: Vec<u8>,
    },
    /// One line of a JSON Lines input.
    Line {
        /// The input's name in messages.
        name: Arc<str>,
        /// 1-based line number.
        number: usize,
        /// Byte offset of the line in the input.
        offset: usize,
        /// The line, without its line ending, not yet checked to be UTF-8.
        bytes: Vec<u8>,
    },
    /// An input, or the rest of one, that could not be read: the message.
    Unreadable(String),
}

impl Item {
    /// Where the item is, for messages: `a.txt`, `docs.jsonl:7`.
    pub fn place(&self) -> String {
        match self {
            Item::Whole { input, .. } => input.label(),
            Item::Line { name, number, .. } => format!("{name}:{number}"),
            Item::Unreadable(_) => "<input>".to_string(),
        }
    }

    /// Input bytes, for batch sizes and throughput.
    pub fn len(&self) -> usize {
        match self {
            Item::Whole { bytes, .. } | Item::Line { bytes, .. } => bytes.len(),
            Item::Unreadable(_) => 0,
        }
    }
}

/// What to read: the inputs as named, how, and a file to leave out (the
/// output file, should a directory walk come across it).
#[derive(Clone, Debug)]
pub struct Reading {
    /// Files, directories and standard input, in order.
    pub inputs: Vec<Input>,
    /// `--input`: how named files and standard input are read; `None` for
    /// by extension.
    pub kind: Option<DocKind>,
    /// Left out of directory walks.
    pub skip: Option<PathBuf>,
}

/// Reads every input in order and hands each item to `emit`, with whether
/// more input is ready without waiting (false before a read that may
/// block, so that what is read so far can go on). Stops early when `emit`
/// returns false.
pub fn read(reading: &Reading, emit: &mut dyn FnMut(Item, bool) -> bool) {
    let skip = reading.skip.as_ref().and_then(|p| p.canonicalize().ok());
    for input in &reading.inputs {
        let go_on = match input {
            Input::Stdin => {
                let kind = reading.kind.unwrap_or(DocKind::Text);
                read_input(input, kind, emit)
            }
            Input::File(p) if p.is_dir() => walk(p, skip.as_deref(), emit),
            Input::File(p) => {
                let kind = reading.kind.unwrap_or_else(|| DocKind::of_path(p));
                read_input(input, kind, emit)
            }
        };
        if !go_on {
            return;
        }
    }
}

/// One named input (or a file found in a directory). False to stop.
fn read_input(input: &Input, kind: DocKind, emit: &mut dyn FnMut(Item, bool) -> bool) -> bool {
    let name = input.label();
    if kind == DocKind::Jsonl {
        let source: Box<dyn Read> = match input {
            Input::Stdin => Box::new(io::stdin()),
            Input::File(p) => match File::open(p) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    return emit(
                        Item::Unreadable(format!("{name}: cannot read: {}", io_message(&e))),
                        true,
                    );
                }
            },
        };
        let reader = BufReader::with_capacity(READ_BUFFER, source);
        return lines(reader, name.into(), emit);
    }
    let bytes = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
        }
        Input::File(p) => std::fs::read(p),
    };
    let item = match bytes {
        Ok(bytes) => Item::Whole {
            input: input.clone(),
            kind,
            bytes,
        },
        Err(e) => Item::Unreadable(format!("{name}: cannot read: {}", io_message(&e))),
    };
    emit(item, true)
}

/// Streams the lines of a JSON Lines input. False to stop.
fn lines(
    mut reader: BufReader<Box<dyn Read>>,
    name: Arc<str>,
    emit: &mut dyn FnMut(Item, bool) -> bool,
) -> bool {
    let (mut number, mut offset) = (0usize, 0usize);
    loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return true,
            Ok(n) => {
                number += 1;
                let start = offset;
                offset += n;
                if line.last() == Some(&b'\n') {
                    line.pop();
                    if line.last() == Some(&b'\r') {
                        line.pop();
                    }
                }
                let ready = !reader.buffer().is_empty();
                let item = Item::Line {
                    name: Arc::clone(&name),
                    number,
                    offset: start,
                    bytes: line,
                };
                if !emit(item, ready) {
                    return false;
                }
            }
            Err(e) => {
                let message = format!("{name}:{}: cannot read: {}", number + 1, io_message(&e));
                return emit(Item::Unreadable(message), true);
            }
        }
    }
}

/// Walks a directory depth first, entries in name order, reading the files
/// whose extension says they are documents ([`DocKind::in_corpus`]).
/// Hidden entries (names starting with `.`) are left out, and so are
/// symbolic links to directories (a link could make a cycle).
fn walk(dir: &Path, skip: Option<&Path>, emit: &mut dyn FnMut(Item, bool) -> bool) -> bool {
    let mut entries = match std::fs::read_dir(dir).and_then(|d| d.collect::<io::Result<Vec<_>>>()) {
        Ok(e) => e,
        Err(e) => {
            let message = format!("{}: cannot read: {}", dir.display(), io_message(&e));
            return emit(Item::Unreadable(message), true);
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let go_on = if is_dir {
            walk(&path, skip, emit)
        } else if DocKind::in_corpus(&path)
            && !path.is_dir()
            && skip.is_none_or(|s| path.canonicalize().ok().as_deref() != Some(s))
        {
            let kind = DocKind::of_path(&path);
            read_input(&Input::File(path), kind, emit)
        } else {
            true
        };
        if !go_on {
            return false;
        }
    }
    true
}

/// The result of one item, or the message of a panic while processing it.
pub type Outcome<R> = Result<R, String>;

/// Reads the inputs, runs `process` on every item in `jobs` threads, and
/// calls `write` with each outcome in input order, as soon as it and all
/// before it are done.
///
/// # Errors
/// What `write` returns; the run then stops. Threads still blocked on
/// input (standard input) are left to end with the process.
pub fn run<R, E>(
    reading: Reading,
    jobs: usize,
    process: Arc<dyn Fn(Item) -> R + Send + Sync>,
    mut write: impl FnMut(Outcome<R>) -> Result<(), E>,
) -> Result<(), E>
where
    R: Send + 'static,
{
    let jobs = jobs.max(1);
    let in_flight = BATCHES_PER_WORKER * jobs + 2;
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        // Invariant: the channel has room for every permit.
        permit_tx.try_send(()).expect("room for every permit");
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Vec<Item>)>(in_flight);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Vec<Outcome<R>>)>();

    let reader = thread::spawn(move || batches(&reading, &permit_rx, &work_tx));
    let work_rx = Arc::new(Mutex::new(work_rx));
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let (work_rx, done_tx, process) =
                (Arc::clone(&work_rx), done_tx.clone(), Arc::clone(&process));
            thread::spawn(move || work(&work_rx, &done_tx, &*process))
        })
        .collect();
    drop(done_tx);

    let mut next = 0u64;
    let mut waiting: BTreeMap<u64, Vec<Outcome<R>>> = BTreeMap::new();
    for (seq, outcomes) in done_rx {
        waiting.insert(seq, outcomes);
        while let Some(outcomes) = waiting.remove(&next) {
            for outcome in outcomes {
                write(outcome)?;
            }
            next += 1;
            // The reader may have stopped; then nobody needs the permit.
            let _ = permit_tx.send(());
        }
    }
    // Every worker has ended, so every batch sent was processed (a panic is
    // caught per item): nothing is left waiting.
    let _ = reader.join();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

/// The reader thread: groups items into batches and sends each one once it
/// has a permit.
fn batches(reading: &Reading, permits: &Receiver<()>, work: &SyncSender<(u64, Vec<Item>)>) {
    let mut seq = 0u64;
    let mut batch: Vec<Item> = Vec::new();
    let mut bytes = 0usize;
    let mut send = |batch: &mut Vec<Item>, bytes: &mut usize| -> bool {
        if batch.is_empty() {
            return true;
        }
        *bytes = 0;
        // No permit: the writer has stopped.
        if permits.recv().is_err() {
            return false;
        }
        let full = std::mem::take(batch);
        let ok = work.send((seq, full)).is_ok();
        seq += 1;
        ok
    };
    read(reading, &mut |item, ready| {
        bytes += item.len();
        batch.push(item);
        if bytes >= BATCH_BYTES || batch.len() >= BATCH_ITEMS || !ready {
            return send(&mut batch, &mut bytes);
        }
        true
    });
    send(&mut batch, &mut bytes);
}

/// A worker thread: processes batches until there are none.
fn work<R>(
    work: &Mutex<Receiver<(u64, Vec<Item>)>>,
    done: &mpsc::Sender<(u64, Vec<Outcome<R>>)>,
    process: &(dyn Fn(Item) -> R + Send + Sync),
) {
    loop {
        // A poisoned lock only means another worker panicked while waiting,
        // which it cannot: go on with the receiver.
        let next = work.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok((seq, items)) = next else {
            return;
        };
        let outcomes = items
            .into_iter()
            .map(|item| {
                let place = item.place();
                catch_unwind(AssertUnwindSafe(|| process(item)))
                    .map_err(|p| format!("{place}: internal error: {}", panic_message(p)))
            })
            .collect();
        if done.send((seq, outcomes)).is_err() {
            return;
        }
    }
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "figcheck-corpus-unit-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temp dir");
        dir
    }

    fn names(reading: &Reading) -> Vec<String> {
        let mut out = Vec::new();
        read(reading, &mut |item, _| {
            out.push(match item {
                Item::Whole { input, kind, .. } => format!("{} {kind:?}", input.label()),
                Item::Line { name, number, .. } => format!("{name}:{number}"),
                Item::Unreadable(m) => m,
            });
            true
        });
        out
    }

    #[test]
    fn walks_directories_in_name_order_by_extension() {
        let dir = temp_dir("walk");
        for (path, text) in [
            ("b/z.txt", "1"),
            ("b/a.HTML", "<p>2</p>"),
            ("a.md", "3"),
            ("c.csv", "no"),
            (".hidden/x.txt", "no"),
            ("b/.x.txt", "no"),
            ("d.jsonl", "{}\n{}\n"),
            ("out.txt", "the output"),
        ] {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        }
        let reading = Reading {
            inputs: vec![Input::File(dir.clone())],
            kind: None,
            skip: Some(dir.join("out.txt")),
        };
        let d = dir.display();
        assert_eq!(
            names(&reading),
            vec![
                format!("{d}/a.md Text"),
                format!("{d}/b/a.HTML Html"),
                format!("{d}/b/z.txt Text"),
                format!("{d}/d.jsonl:1"),
                format!("{d}/d.jsonl:2"),
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn results_come_in_input_order_with_bounded_batches() {
        let dir = temp_dir("order");
        let lines: String = (0..5000).map(|i| format!("{i}\n")).collect();
        std::fs::write(dir.join("n.jsonl"), lines).expect("write");
        let reading = Reading {
            inputs: vec![Input::File(dir.join("n.jsonl"))],
            kind: None,
            skip: None,
        };
        let in_work = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&in_work);
        let process: Arc<dyn Fn(Item) -> usize + Send + Sync> = Arc::new(move |item| {
            seen.fetch_add(1, Ordering::Relaxed);
            match item {
                // Uneven work, so that later batches finish first.
                Item::Line { bytes, .. } => {
                    let n: usize = std::str::from_utf8(&bytes)
                        .expect("digits")
                        .parse()
                        .expect("a number");
                    if n % 97 == 0 {
                        thread::sleep(std::time::Duration::from_millis(1));
                    }
                    if n == 4321 {
                        panic!("boom at {n}");
                    }
                    n
                }
                _ => usize::MAX,
            }
        });
        let mut got = Vec::new();
        let r: Result<(), ()> = run(reading, 3, process, |o| {
            got.push(o);
            Ok(())
        });
        assert!(r.is_ok());
        assert_eq!(got.len(), 5000);
        for (i, o) in got.iter().enumerate() {
            match o {
                Ok(n) => assert_eq!(*n, i),
                Err(m) => assert_eq!(
                    (i, m.as_str()),
                    (
                        4321,
                        format!(
                            "{}:4322: internal error: boom at 4321",
                            dir.join("n.jsonl").display()
                        )
                        .as_str()
                    )
                ),
            }
        }
        assert_eq!(in_work.load(Ordering::Relaxed), 5000);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failing_writer_stops_the_run() {
        let dir = temp_dir("stop");
        let lines: String = (0..100_000).map(|i| format!("{i}\n")).collect();
        std::fs::write(dir.join("n.jsonl"), lines).expect("write");
        let reading = Reading {
            inputs: vec![Input::File(dir.join("n.jsonl"))],
            kind: None,
            skip: None,
        };
        let processed = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&processed);
        let process: Arc<dyn Fn(Item) + Send + Sync> = Arc::new(move |_| {
            count.fetch_add(1, Ordering::Relaxed);
        });
        let mut written = 0;
        let r = run(reading, 2, process, |_| {
            written += 1;
            if written == 10 { Err("closed") } else { Ok(()) }
        });
        assert_eq!(r, Err("closed"));
        // Only the batches in flight were read beyond what was written.
        thread::sleep(std::time::Duration::from_millis(50));
        assert!(
            processed.load(Ordering::Relaxed) <= (BATCHES_PER_WORKER * 2 + 3) * BATCH_ITEMS,
            "{}",
            processed.load(Ordering::Relaxed)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
