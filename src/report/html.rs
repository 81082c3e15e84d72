//! HTML rendering: one self-contained page (inline CSS and script, nothing
//! fetched) with any number of documents.
//!
//! For each document: a summary bar whose counts filter the view, the
//! article text with every claim highlighted by verdict (green consistent,
//! red contradicted, grey unverifiable), a panel with the evidence of the
//! selected claim (the words that decided entity, metric and period are
//! highlighted in the text too), and a table of all claims. Each claim
//! carries stable hooks:
//!
//! ```text
//! <mark class="claim contradicted" data-verdict="contradicted" id="d1-c8" …>远低于 100 亿美元</mark>
//! ```
//!
//! `d1` is the document's place on the page (1-based) and `c8` the claim's
//! place in its report; the claim's table row is `d1-r8` and its evidence
//! panel `d1-x8`. Every string from the article and the report is escaped.
//! The page works without script (the table holds all the evidence and
//! claim numbers link both ways); it reflows on narrow screens, where the
//! evidence panel becomes a bottom sheet and the table a list of cards, and
//! prints without dark backgrounds, with the table in place of the panel.

use super::markdown::{
    difference_words, fx_words, group, how_words, id_text, ledger_words, reading, source_words,
};
use super::{ClaimReport, Report, Summary};
use crate::link::{NameLink, PeriodLink};
use crate::verify::Verdict;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// An HTML page being written: the head first, then one section per
/// document, then the closing script.
///
/// ```
/// use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy};
/// use figcheck::report::html::Page;
/// let ledger = Ledger::from_csv("entity,metric,period,value,unit,scale\nArm Holdings,market capitalization,2025-01-22,160,USD,billion\n", "l.csv").map_err(|e| e[0].clone())?;
/// let aliases = Aliases::from_csv("kind,alias,canonical\nentity,安谋,Arm Holdings\nmetric,市值,market capitalization\n", "a.csv").map_err(|e| e[0].clone())?;
/// let checker = Checker::new(Extractor::new(), ledger, aliases, FxRates::default(), Policy::default());
/// let text = "安谋当前市值约 1600 亿美元。<b>";
/// let mut page = Page::new(Vec::new(), "Check & report")?;
/// page.document(&checker.check("a1", text, None), text)?;
/// let html = String::from_utf8(page.finish()?)?;
/// assert!(html.contains(r#"<mark class="claim consistent" data-verdict="consistent" id="d1-c1""#));
/// assert!(html.contains("<title>Check &amp; report</title>"));
/// assert!(html.contains("。&lt;b&gt;"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Page<W: Write> {
    out: W,
    documents: usize,
    totals: Summary,
}

impl<W: Write> Page<W> {
    /// Starts a page titled `title`: writes the head and the page header.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn new(mut out: W, title: &str) -> io::Result<Page<W>> {
        let title = escape(title);
        write!(
            out,
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"figcheck\">\n\
             <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <header class=\"page\"><h1>{title}</h1></header>\n<main>\n"
        )?;
        Ok(Page {
            out,
            documents: 0,
            totals: Summary::default(),
        })
    }

    /// Adds one document: `report` is the check of `text`, whose byte spans
    /// the claims refer to. A claim whose span does not hold its text in
    /// `text` is listed in the table but not highlighted.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn document(&mut self, report: &Report, text: &str) -> io::Result<()> {
        self.documents += 1;
        self.totals.consistent += report.summary.consistent;
        self.totals.contradicted += report.summary.contradicted;
        self.totals.unverifiable += report.summary.unverifiable;
        let html = section(&format!("d{}", self.documents), report, text);
        self.out.write_all(html.as_bytes())
    }

    /// Closes the page (with totals when it holds several documents),
    /// flushes, and returns the writer.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn finish(mut self) -> io::Result<W> {
        match self.documents {
            0 => writeln!(self.out, "<p class=\"empty\">No documents.</p>")?,
            1 => {}
            n => {
                let t = self.totals;
                writeln!(
                    self.out,
                    "<footer class=\"totals\">{n} documents: {} contradicted, {} unverifiable, \
                     {} consistent.</footer>",
                    t.contradicted, t.unverifiable, t.consistent
                )?;
            }
        }
        write!(
            self.out,
            "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Escapes text for HTML content and double- or single-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_escaped(&mut out, s);
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{FFFD}'),
            _ => out.push(ch),
        }
    }
}

/// The CSS class of a verdict.
fn class(v: Verdict) -> &'static str {
    match v {
        Verdict::Consistent => "consistent",
        Verdict::Contradicted => "contradicted",
        _ => "unverifiable",
    }
}

/// "Consistent", "Contradicted", "Unverifiable".
fn label(v: Verdict) -> &'static str {
    match v {
        Verdict::Consistent => "Consistent",
        Verdict::Contradicted => "Contradicted",
        _ => "Unverifiable",
    }
}

/// A claim whose span holds its text, so it can be highlighted.
struct Highlight {
    n: usize,
    start: usize,
    end: usize,
    verdict: Verdict,
    title: String,
}

/// The claims that can be highlighted: in text order, not overlapping, with
/// spans on char boundaries that hold the claim's text.
fn highlights(report: &Report, text: &str) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = Vec::new();
    for (i, c) in report.claims.iter().enumerate() {
        let m = &c.mention;
        let after_previous = out.last().is_none_or(|h| m.start >= h.end);
        if after_previous && text.get(m.start..m.end) == Some(m.text.as_str()) {
            out.push(Highlight {
                n: i + 1,
                start: m.start,
                end: m.end,
                verdict: c.verdict,
                title: tooltip(c),
            });
        }
    }
    out
}

/// The short hover text of a claim.
fn tooltip(c: &ClaimReport) -> String {
    let mut t = String::from(label(c.verdict));
    match (&c.diagnosis, difference_words(c)) {
        (Some(d), Some(diff)) => {
            let _ = write!(t, ": {d}; difference {diff}");
        }
        (Some(d), None) => {
            let _ = write!(t, ": {d}");
        }
        (None, _) if c.verdict == Verdict::Consistent => {
            let _ = write!(t, ": ledger {}", ledger_words(c));
        }
        (None, _) => {
            let _ = write!(t, ": {}", c.reason);
        }
    }
    t.push_str(". Select for the evidence.");
    t
}

/// The evidence spans of the highlighted claims: (start, end, claim
/// number), clipped to nothing where they would cut into a claim.
fn evidence_spans(report: &Report, text: &str, marks: &[Highlight]) -> Vec<(usize, usize, usize)> {
    // marks are in text order and do not overlap: the first one ending
    // after `a` is the only one that can overlap `a..b`
    let inside_claim = |a: usize, b: usize| {
        let i = marks.partition_point(|h| h.end <= a);
        marks.get(i).is_some_and(|h| h.start < b)
    };
    let mut out = Vec::new();
    for h in marks {
        let ev = &report.claims[h.n - 1].evidence;
        let spans = [
            ev.entity.as_ref().map(|e| e.span),
            ev.metric.as_ref().map(|m| m.span),
            ev.period.as_ref().and_then(|p| p.span),
            ev.context.as_ref().map(|c| c.span),
        ];
        for s in spans.into_iter().flatten() {
            let (a, b) = (s.start(), s.end());
            if a < b && text.get(a..b).is_some() && !inside_claim(a, b) {
                out.push((a, b, h.n));
            }
        }
    }
    out
}

/// The article text with claims marked and evidence words wrapped.
fn article(id: &str, report: &Report, text: &str) -> String {
    let marks = highlights(report, text);
    let evidence = evidence_spans(report, text, &marks);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for h in &marks {
        cuts.push(h.start);
        cuts.push(h.end);
    }
    for &(a, b, _) in &evidence {
        cuts.push(a);
        cuts.push(b);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut starts = evidence.clone();
    starts.sort_unstable_by_key(|e| e.0);
    let mut ends = evidence;
    ends.sort_unstable_by_key(|e| e.1);
    let (mut si, mut ei, mut mi) = (0, 0, 0);
    // claim number → how many of its evidence spans cover the position
    let mut active: BTreeMap<usize, usize> = BTreeMap::new();
    let mut open: Option<&Highlight> = None;
    let mut html = String::with_capacity(text.len() * 2);

    for (k, &at) in cuts.iter().enumerate() {
        while ei < ends.len() && ends[ei].1 == at {
            if let Some(count) = active.get_mut(&ends[ei].2) {
                *count -= 1;
                if *count == 0 {
                    active.remove(&ends[ei].2);
                }
            }
            ei += 1;
        }
        while si < starts.len() && starts[si].0 == at {
            *active.entry(starts[si].2).or_default() += 1;
            si += 1;
        }
        if open.is_some_and(|h| h.end == at) {
            close_mark(&mut html, id, open.take().map_or(0, |h| h.n));
        }
        while mi < marks.len() && marks[mi].start == at {
            let h = &marks[mi];
            mi += 1;
            let v = class(h.verdict);
            let _ = write!(
                html,
                "<mark class=\"claim {v}\" data-verdict=\"{v}\" id=\"{id}-c{}\" tabindex=\"0\" \
                 title=\"{}\">",
                h.n,
                escape(&h.title)
            );
            if h.end == at {
                close_mark(&mut html, id, h.n);
            } else {
                open = Some(h);
            }
        }
        let Some(&next) = cuts.get(k + 1) else {
            break;
        };
        let piece = &text[at..next];
        if open.is_none() && !active.is_empty() {
            html.push_str("<span class=\"ev\" data-for=\"");
            for (j, n) in active.keys().enumerate() {
                if j > 0 {
                    html.push(' ');
                }
                let _ = write!(html, "{id}-c{n}");
            }
            html.push_str("\">");
            push_escaped(&mut html, piece);
            html.push_str("</span>");
        } else {
            push_escaped(&mut html, piece);
        }
    }
    html
}

fn close_mark(html: &mut String, id: &str, n: usize) {
    let _ = write!(
        html,
        "</mark><sup class=\"ref\"><a href=\"#{id}-r{n}\">{n}</a></sup>"
    );
}

/// "SoftBank Group" and the words that decided it.
fn name_evidence(n: &Option<NameLink>) -> (String, String) {
    match n {
        Some(n) => (
            n.name.clone(),
            format!("“{}”, {}", n.text, how_words(n.how)),
        ),
        None => ("none found".to_string(), String::new()),
    }
}

/// The period and the words that decided it.
fn period_evidence(c: &ClaimReport) -> (String, String) {
    let shown = c
        .period
        .map(|d| d.to_string())
        .unwrap_or_else(|| "none".to_string());
    match &c.evidence.period {
        Some(PeriodLink {
            start,
            end,
            text,
            how,
            ..
        }) => {
            let words = match text {
                Some(t) => format!("“{t}”, {}", how_words(*how)),
                None => how_words(*how).to_string(),
            };
            if start == end {
                (shown, words)
            } else {
                (shown, format!("{words}: {start} to {end}"))
            }
        }
        None if c.ledger.is_some() => (
            shown,
            "no date written: latest ledger row by the article date".to_string(),
        ),
        None => (shown, "no date written".to_string()),
    }
}

/// Everything known about one claim, as (label, main text, detail) lines.
fn facts(c: &ClaimReport) -> Vec<(&'static str, String, String)> {
    let m = &c.mention;
    let mut f = Vec::new();
    f.push((
        "Reads as",
        reading(m),
        format!(
            "{}; written to the nearest {}",
            m.qualifier_label().replace('_', " "),
            group(&m.precision)
        ),
    ));
    let (e, ew) = name_evidence(&c.evidence.entity);
    f.push(("Entity", e, ew));
    let (mt, mw) = name_evidence(&c.evidence.metric);
    f.push(("Metric", mt, mw));
    let (p, pw) = period_evidence(c);
    f.push(("Period", p, pw));
    if let Some(x) = &c.evidence.context {
        f.push((
            "Context",
            x.kind.label().to_string(),
            format!("“{}”", x.text),
        ));
    }
    if let Some(r) = &c.evidence.refused {
        f.push(("Metric refused", r.clone(), String::new()));
    }
    if let Some(l) = &c.ledger {
        f.push((
            "Ledger",
            ledger_words(c),
            format!("{} · {} · {}", l.entity, l.metric, l.period),
        ));
        f.push(("Source", source_words(c), String::new()));
        if let Some(fx) = fx_words(c) {
            f.push((
                "FX rate",
                fx,
                format!("rate {}", l.fx_rate.as_deref().unwrap_or("")),
            ));
        }
    }
    if let Some(d) = difference_words(c) {
        f.push(("Difference", d, "claim minus ledger".to_string()));
    }
    if let Some(d) = &c.diagnosis {
        f.push(("Diagnosis", d.clone(), String::new()));
    }
    f.push(("Reason", c.reason.clone(), String::new()));
    f
}

/// The evidence panel entry of claim `n`.
fn detail(html: &mut String, id: &str, n: usize, c: &ClaimReport) {
    let v = class(c.verdict);
    let _ = write!(
        html,
        "<div class=\"detail {v}\" id=\"{id}-x{n}\" hidden>\n<p class=\"dh\">\
         <span class=\"badge {v}\">{}</span> <span class=\"num\">#{n}</span> \
         <q>{}</q> <span class=\"where\">line {}, column {}</span></p>\n<dl>\n",
        label(c.verdict),
        escape(&c.mention.text),
        c.mention.line,
        c.mention.column
    );
    for (k, main, sub) in facts(c) {
        let _ = write!(html, "<dt>{k}</dt><dd>{}", escape(&main));
        if !sub.is_empty() {
            let _ = write!(html, "<span class=\"sub\">{}</span>", escape(&sub));
        }
        html.push_str("</dd>\n");
    }
    if let Some(link) = filing_link(c) {
        let _ = writeln!(html, "<dt>Filing</dt><dd>{link}</dd>");
    }
    html.push_str("</dl>\n</div>\n");
}

/// The filing of the ledger figure, linked to its index page on EDGAR:
/// `<a href="…-index.htm">10-Q 0000320193-17-000009</a> filed 2017-08-02`.
fn filing_link(c: &ClaimReport) -> Option<String> {
    let f = c.ledger.as_ref()?.filing.as_ref()?;
    let name = escape(&format!("{} {}", f.form, f.accn));
    Some(match &f.url {
        Some(u) => format!(
            "<a href=\"{}\" rel=\"noreferrer\">{name}</a> filed {}",
            escape(u),
            f.filed
        ),
        None => format!("{name} filed {}", f.filed),
    })
}

/// One cell of the claims table: main text and an optional detail line.
fn cell(html: &mut String, label: &str, main: &str, sub: &str) {
    let _ = write!(
        html,
        "<td class=\"col-{}\" data-label=\"{label}\">{}",
        label.to_lowercase(),
        escape(main)
    );
    if !sub.is_empty() {
        let _ = write!(html, "<span class=\"sub\">{}</span>", escape(sub));
    }
    html.push_str("</td>");
}

/// The table row of claim `n`.
fn row(html: &mut String, id: &str, n: usize, c: &ClaimReport) {
    let v = class(c.verdict);
    let m = &c.mention;
    let _ = write!(
        html,
        "<tr class=\"row {v}\" id=\"{id}-r{n}\"><td class=\"col-n\" data-label=\"#\">\
         <a href=\"#{id}-c{n}\">{n}</a><span class=\"sub\">{}:{}</span></td>",
        m.line, m.column
    );
    let _ = write!(
        html,
        "<td class=\"col-claim\" data-label=\"Claim\">{}<span class=\"sub\">{}</span>\
         <span class=\"badge {v}\">{}</span></td>",
        escape(&m.text),
        escape(&reading(m)),
        label(c.verdict)
    );
    let (e, ew) = name_evidence(&c.evidence.entity);
    cell(html, "Entity", &e, &ew);
    let (mt, mw) = name_evidence(&c.evidence.metric);
    cell(html, "Metric", &mt, &mw);
    let (p, pw) = period_evidence(c);
    cell(html, "Period", &p, &pw);
    match filing_link(c) {
        Some(link) => {
            // the cell of a filed figure links its filing
            let _ = write!(
                html,
                "<td class=\"col-ledger\" data-label=\"Ledger\">{}<span class=\"sub\">{link}; {}</span></td>",
                escape(&ledger_words(c)),
                escape(&source_words(c))
            );
        }
        None => cell(html, "Ledger", &ledger_words(c), &source_words(c)),
    }
    cell(
        html,
        "Difference",
        &difference_words(c).unwrap_or_default(),
        "",
    );
    cell(html, "Why", c.diagnosis.as_deref().unwrap_or(""), &c.reason);
    html.push_str("</tr>\n");
}

/// The whole section of one document.
fn section(id: &str, report: &Report, text: &str) -> String {
    if let Some(why) = &report.not_checked {
        return format!(
            "<section class=\"doc\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n\
             <h2 id=\"{id}-h\">{}</h2>\n<p class=\"meta not-checked\"><strong>Not checked</strong>: {}</p>\n</section>\n",
            escape(&id_text(&report.id)),
            escape(why)
        );
    }
    let s = &report.summary;
    let total = report.claims.len();
    let mut html = String::with_capacity(text.len() * 3 + total * 2048);
    let name = escape(&id_text(&report.id));
    let _ = write!(
        html,
        "<section class=\"doc\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n\
         <h2 id=\"{id}-h\">{name}</h2>\n<p class=\"meta\">Article date {} · {total} claim{}",
        report
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".to_string()),
        if total == 1 { "" } else { "s" }
    );
    if !report.errors.is_empty() {
        let _ = write!(
            html,
            " · {} figure{} could not be read",
            report.errors.len(),
            if report.errors.len() == 1 { "" } else { "s" }
        );
    }
    html.push_str("</p>\n");
    for n in &report.notes {
        let _ = writeln!(html, "<p class=\"meta note\">Note: {}</p>", escape(n));
    }
    html.push_str("<div class=\"bar\" role=\"toolbar\" aria-label=\"Show only one verdict\">");
    for (v, count) in [
        (Verdict::Contradicted, s.contradicted),
        (Verdict::Unverifiable, s.unverifiable),
        (Verdict::Consistent, s.consistent),
    ] {
        let c = class(v);
        let _ = write!(
            html,
            "<button type=\"button\" class=\"count {c}\" data-verdict=\"{c}\" \
             aria-pressed=\"false\"><b>{count}</b> {c}</button>"
        );
    }
    html.push_str(
        "<span class=\"hint\">Select a count to show only those claims, again to show all.</span>\
         </div>\n<div class=\"layout\">\n<div class=\"text\">",
    );
    html.push_str(&article(id, report, text));
    html.push_str(
        "</div>\n<aside class=\"panel\" aria-label=\"Evidence\" aria-live=\"polite\">\
         <button type=\"button\" class=\"close\" aria-label=\"Close the evidence\">×</button>\n\
         <p class=\"hint\">Select a highlighted figure to see its evidence: the words that \
         decided entity, metric and period light up in the text.</p>\n",
    );
    for (i, c) in report.claims.iter().enumerate() {
        detail(&mut html, id, i + 1, c);
    }
    html.push_str("</aside>\n</div>\n");
    let _ = writeln!(html, "<h3>All claims ({total})</h3>");
    if report.claims.is_empty() {
        html.push_str("<p class=\"empty\">No money figures or percentages found.</p>\n");
    } else {
        html.push_str(
            "<div class=\"table-wrap\"><table class=\"claims\">\n<thead><tr><th>#</th>\
             <th>Claim</th><th>Entity</th><th>Metric</th><th>Period</th>\
             <th>Ledger</th><th>Difference</th><th>Why</th></tr></thead>\n<tbody>\n",
        );
        for (i, c) in report.claims.iter().enumerate() {
            row(&mut html, id, i + 1, c);
        }
        html.push_str("</tbody>\n</table></div>\n");
    }
    if !report.errors.is_empty() {
        html.push_str("<h3>Figures that could not be read</h3>\n<ul class=\"errors\">\n");
        for e in &report.errors {
            let _ = writeln!(html, "<li>{}</li>", escape(e));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</section>\n");
    html
}

/// The page's stylesheet, for a page of one's own that shows report
/// sections (the web app of `figcheck serve` does).
pub const STYLE: &str = r#"
:root{--fg:#1d1d1f;--muted:#5b616b;--line:#d5d8dc;--ok:#17723a;--ok-bg:#d5f2dd;--bad:#b3261e;--bad-bg:#ffd9d5;--unk:#5f6368;--unk-bg:#e4e5e7;--ev:#fff0a8;--focus:#1a5fd0;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--fg);background:#fff;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif}
header.page{padding:.75rem 1.25rem;border-bottom:1px solid var(--line)}
h1{font-size:1.35rem;margin:0;overflow-wrap:anywhere}
main{max-width:1280px;margin:0 auto;padding:0 1.25rem 2rem}
.doc{margin-top:1.25rem}
.doc+.doc{border-top:3px double var(--line);padding-top:1rem}
h2{font-size:1.2rem;margin:.25rem 0;overflow-wrap:anywhere}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
.meta{color:var(--muted);margin:0 0 .5rem}
.bar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;padding:.5rem 0;background:#fff;border-bottom:1px solid var(--line)}
.bar .hint{color:var(--muted);font-size:.85rem}
button.count{font:inherit;font-size:.95rem;line-height:1.2;padding:.35rem .85rem;border:2px solid;border-radius:999px;background:#fff;cursor:pointer}
button.count b{font-size:1.05rem}
button.count.consistent{color:var(--ok);border-color:var(--ok)}
button.count.contradicted{color:var(--bad);border-color:var(--bad)}
button.count.unverifiable{color:var(--unk);border-color:var(--unk)}
button.count[aria-pressed="true"]{color:#fff}
button.count.consistent[aria-pressed="true"]{background:var(--ok)}
button.count.contradicted[aria-pressed="true"]{background:var(--bad)}
button.count.unverifiable[aria-pressed="true"]{background:var(--unk)}
button:focus-visible,mark.claim:focus-visible,a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,24rem);gap:1.5rem;align-items:start;margin-top:1rem}
html:not(.js) .layout{grid-template-columns:minmax(0,1fr)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.05rem;line-height:1.95;max-width:46em}
mark.claim{color:inherit;padding:.05em .15em;border-radius:3px;cursor:pointer;border-bottom:2px solid;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.consistent{background:var(--ok-bg);border-color:var(--ok)}
mark.contradicted{background:var(--bad-bg);border-bottom:3px double var(--bad);font-weight:600}
mark.unverifiable{background:var(--unk-bg);border-bottom:2px dotted var(--unk)}
mark.claim.selected{outline:2px solid var(--focus);outline-offset:1px}
.ev.lit{background:var(--ev);box-shadow:0 0 0 1px #d4a800;border-radius:2px}
sup.ref{font-size:.62em;line-height:0;margin-left:.1em}
sup.ref a{color:var(--muted);text-decoration:none}
.panel{position:sticky;top:3.6rem;max-height:calc(100vh - 4.6rem);overflow:auto;padding:.9rem 1rem;border:1px solid var(--line);border-radius:8px;background:#f8f9fa;font-size:.92rem}
html:not(.js) .panel{display:none}
.panel .hint{color:var(--muted);margin:0}
.panel .close{display:none;float:right;font:inherit;font-size:1.4rem;line-height:1;padding:.1rem .5rem;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
.detail .dh{margin:0 0 .5rem;font-size:1rem}
.detail q{font-weight:600}
.detail .num,.detail .where{color:var(--muted);font-size:.85em}
.detail dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.3rem .75rem;margin:0}
.detail dt{font-weight:600;color:var(--muted)}
.detail dd{margin:0;overflow-wrap:anywhere}
.sub{display:block;color:var(--muted);font-size:.85em;overflow-wrap:break-word;white-space:normal}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.8rem;font-weight:600;white-space:nowrap;border:1px solid}
.badge.consistent{color:var(--ok);background:var(--ok-bg);border-color:var(--ok)}
.badge.contradicted{color:var(--bad);background:var(--bad-bg);border-color:var(--bad)}
.badge.unverifiable{color:var(--unk);background:var(--unk-bg);border-color:var(--unk)}
.table-wrap{overflow-x:auto}
table.claims{border-collapse:collapse;width:100%;font-size:.88rem}
table.claims th,table.claims td{padding:.45rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.claims th{background:#f1f3f4;position:sticky;top:0}
table.claims td:first-child{border-left:4px solid var(--unk);white-space:nowrap}
table.claims td.col-period{white-space:nowrap}
table.claims td.col-claim{min-width:8rem}
table.claims td.col-claim .badge{margin-top:.2rem}
table.claims td.col-ledger{min-width:11rem}
table.claims td.col-why{min-width:13rem}
table.claims td.col-why .sub{font-size:.8rem}
tr.consistent td:first-child{border-left-color:var(--ok)}
tr.contradicted td:first-child{border-left-color:var(--bad)}
tr.row.selected td{background:#eef3fd}
.doc.only-consistent mark.claim:not(.consistent),.doc.only-contradicted mark.claim:not(.contradicted),.doc.only-unverifiable mark.claim:not(.unverifiable){background:none;border-bottom-color:transparent;font-weight:inherit}
.doc.only-consistent tr.row:not(.consistent),.doc.only-contradicted tr.row:not(.contradicted),.doc.only-unverifiable tr.row:not(.unverifiable){display:none}
.errors{color:var(--bad)}
.empty,.totals{color:var(--muted)}
.totals{margin-top:2rem;border-top:1px solid var(--line);padding-top:.75rem}
@media screen and (max-width:820px){
body{font-size:15px}
header.page{padding:.6rem .9rem}
main{padding:0 .9rem 1.5rem}
.bar .hint{display:none}
.bar{gap:.3rem}
button.count{font-size:.8rem;padding:.25rem .5rem;border-width:1.5px}
button.count b{font-size:.95rem}
table.claims td.col-claim,table.claims td.col-ledger,table.claims td.col-why{min-width:0}
table.claims td.col-period{white-space:normal}
.layout{grid-template-columns:minmax(0,1fr)}
.text{font-size:1.02rem;line-height:1.9}
html.js .panel{display:none;position:fixed;top:auto;left:0;right:0;bottom:0;z-index:3;max-height:55vh;border-radius:12px 12px 0 0;background:#fff;box-shadow:0 -6px 24px rgba(0,0,0,.18)}
html.js .panel.open{display:block}
.panel .close{display:block}
table.claims thead{display:none}
table.claims,table.claims tbody,table.claims tr,table.claims td{display:block;width:100%}
table.claims tr{border:1px solid var(--line);border-left:4px solid var(--unk);border-radius:6px;margin:0 0 .75rem;padding:.25rem 0}
table.claims tr.consistent{border-left-color:var(--ok)}
table.claims tr.contradicted{border-left-color:var(--bad)}
table.claims td,table.claims td:first-child{border:0;border-left:0;padding:.2rem .6rem .2rem 6.2rem;position:relative;white-space:normal}
table.claims td::before{content:attr(data-label);position:absolute;left:.6rem;top:.2rem;width:5.2rem;font-weight:600;color:var(--muted)}
}
@media print{
:root{--muted:#444}
body{font-size:10.5pt;background:#fff}
header.page{padding:0 0 .5rem}
main{max-width:none;padding:0}
.bar{position:static;border:0;padding:.25rem 0}
.bar .hint,.panel,.panel .close{display:none!important}
button.count{border:1px solid;background:#fff!important;color:#000!important;padding:.1rem .6rem}
.layout{display:block}
.text{max-width:none}
mark.claim,.badge,tr td:first-child{-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.claim.selected{outline:0}
.ev.lit{background:none;box-shadow:none}
sup.ref a{color:#000}
.table-wrap{overflow:visible}
table.claims{font-size:9pt}
table.claims td.col-claim,table.claims td.col-ledger,table.claims td.col-why{min-width:0}
table.claims th{background:none;position:static;border-bottom:2px solid #000}
tr{break-inside:avoid}
.doc+.doc{break-before:page;border:0}
a{color:inherit;text-decoration:none}
}
"#;

/// The page's script: it binds the selection, filter and evidence panel of
/// every `section.doc` on the page when it runs, so a page that adds a
/// section later runs it again then.
pub const SCRIPT: &str = r#"
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var VERDICTS = ["consistent", "contradicted", "unverifiable"];
  function each(list, f) { Array.prototype.forEach.call(list, f); }
  each(document.querySelectorAll("section.doc"), function (doc) {
    var panel = doc.querySelector(".panel");
    var hint = panel.querySelector(".hint");
    var current = null;
    function part(kind, n) { return document.getElementById(doc.id + "-" + kind + n); }
    function clear() {
      if (current === null) { return; }
      var old = [part("c", current), part("r", current)];
      each(old, function (el) { if (el) { el.classList.remove("selected"); } });
      var x = part("x", current);
      if (x) { x.hidden = true; }
      each(doc.querySelectorAll(".ev.lit"), function (el) { el.classList.remove("lit"); });
      current = null;
    }
    function select(n) {
      clear();
      var x = part("x", n);
      if (!x) { return; }
      current = n;
      x.hidden = false;
      hint.hidden = true;
      panel.classList.add("open");
      each([part("c", n), part("r", n)], function (el) { if (el) { el.classList.add("selected"); } });
      each(doc.querySelectorAll('[data-for~="' + doc.id + "-c" + n + '"]'), function (el) {
        el.classList.add("lit");
      });
    }
    function close() {
      clear();
      hint.hidden = false;
      panel.classList.remove("open");
    }
    function number(el) { return el.id.slice(el.id.lastIndexOf("-") + 2); }
    each(doc.querySelectorAll("mark.claim"), function (m) {
      m.addEventListener("click", function () { select(number(m)); });
      m.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(number(m)); }
        if (e.key === "Escape") { close(); }
      });
    });
    each(doc.querySelectorAll("tr.row"), function (r) {
      r.addEventListener("click", function (e) {
        if (e.target.closest("a")) { return; }
        var n = number(r);
        select(n);
        var m = part("c", n);
        if (m) { m.scrollIntoView({ block: "center" }); m.focus({ preventScroll: true }); }
      });
    });
    panel.querySelector(".close").addEventListener("click", close);
    var buttons = doc.querySelectorAll("button.count");
    each(buttons, function (b) {
      b.addEventListener("click", function () {
        var on = b.getAttribute("aria-pressed") !== "true";
        each(buttons, function (o) { o.setAttribute("aria-pressed", "false"); });
        each(VERDICTS, function (v) { doc.classList.remove("only-" + v); });
        if (on) {
          b.setAttribute("aria-pressed", "true");
          doc.classList.add("only-" + b.getAttribute("data-verdict"));
        }
      });
    });
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("约 250 亿美元"), "约 250 亿美元");
    }
}
