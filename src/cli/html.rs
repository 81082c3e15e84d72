//! HTML articles: the visible text of a page, with a map from every byte of
//! it back to the HTML source.
//!
//! The markup is read by html5ever's tokenizer (the WHATWG tokenizer that
//! `scraper` and browsers' tree builders sit on). It is driven here rather
//! than through a DOM because a DOM forgets where its text came from: the
//! token sink shares the tokenizer's input queue, so at each token it knows
//! how much input is left, hence the byte offset where the token ended.
//! The sink does the tree builder's one job that changes tokenization: it
//! switches to raw text after `<script>`, `<style>`, `<title>`, `<textarea>`
//! and the like.
//!
//! What is visible: the text of the document, with character references
//! decoded, without `<script>`, `<style>`, `<noscript>`, `<template>`,
//! `<title>`, comments and the like. Runs of white space collapse to one
//! space as a browser shows them (kept as they are inside `<pre>` and
//! `<textarea>`), and a no-break space (`&nbsp;`) is a plain space; block elements (`<p>`, `<div>`, headings, list items,
//! table rows, `<br>` …) become line breaks, a blank line between
//! paragraphs, so that sentences and paragraphs stay apart; table cells are
//! separated by a tab.

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// The visible text of an HTML document and where each of its bytes came from.
#[derive(Debug)]
pub struct Visible {
    text: String,
    /// In visible-text order, covering the text without gaps.
    pieces: Vec<Piece>,
}

/// A stretch of the visible text and the source it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    /// Byte offset of the piece in the visible text.
    visible: usize,
    /// Source byte range.
    start: usize,
    end: usize,
    /// Copied byte for byte: visible byte `visible + i` is source byte
    /// `start + i`. Otherwise the piece (a decoded character reference, a
    /// collapsed run of white space, a line break for a tag) stands for the
    /// whole source range.
    verbatim: bool,
}

impl Visible {
    /// Reads an HTML document. Never fails: the HTML syntax recovers from
    /// any input, as browsers do.
    pub fn parse(html: &str) -> Visible {
        let queue = BufferQueue::default();
        queue.push_back(html.into());
        let sink = Sink {
            queue: &queue,
            source: html,
            builder: RefCell::new(Builder::default()),
        };
        let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
        // The sink never asks to stop for a script or an encoding, so one
        // call reads all the input there is.
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        let builder = tokenizer.sink.builder.into_inner();
        Visible {
            text: builder.text,
            pieces: builder.pieces,
        }
    }

    /// The visible text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The source byte range of the visible byte range `start..end`. A
    /// decoded reference or a collapsed space maps to its whole source.
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.source_start(start);
        if end <= start {
            return (from, from);
        }
        let last = self.piece(end - 1);
        let to = if last.verbatim {
            last.start + (end - last.visible)
        } else {
            last.end
        };
        (from, to.max(from))
    }

    /// The source offset of visible byte `offset` (the end of the source
    /// for the end of the text).
    pub fn source_start(&self, offset: usize) -> usize {
        if offset >= self.text.len() {
            return self.pieces.last().map_or(0, |p| p.end);
        }
        let p = self.piece(offset);
        if p.verbatim {
            p.start + (offset - p.visible)
        } else {
            p.start
        }
    }

    /// The piece holding visible byte `offset` (< text length).
    fn piece(&self, offset: usize) -> Piece {
        let i = self.pieces.partition_point(|p| p.visible <= offset);
        // Invariant: the first piece starts at 0, and `offset` is in the text.
        self.pieces[i.saturating_sub(1)]
    }
}

/// The kinds of line break that tags make, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// Between table cells: a tab.
    Cell,
    /// `<br>`, `<li>`, `<div>`, `<tr>` …: a newline.
    Line,
    /// `<p>`, headings, tables, lists …: a blank line.
    Paragraph,
}

/// What a tag does to the visible text.
fn break_of(name: &str) -> Option<Break> {
    Some(match name {
        "td" | "th" => Break::Cell,
        "br" | "li" | "div" | "tr" | "dt" | "dd" | "option" | "caption" | "figcaption"
        | "summary" | "legend" | "label" | "center" => Break::Line,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "hr" | "pre" | "listing" | "xmp"
        | "blockquote" | "table" | "ul" | "ol" | "dl" | "menu" | "section" | "article"
        | "aside" | "header" | "footer" | "nav" | "main" | "figure" | "address" | "details"
        | "dialog" | "fieldset" | "form" | "hgroup" | "search" | "body" | "html" | "textarea"
        | "plaintext" => Break::Paragraph,
        _ => return None,
    })
}

/// Elements whose content is raw text to the tokenizer, and whether that
/// content is visible.
fn raw_kind(name: &str) -> Option<(TokenSinkResult<()>, bool)> {
    Some(match name {
        "script" => (TokenSinkResult::RawData(RawKind::ScriptData), false),
        // `noscript` is raw text when scripting is enabled, as in browsers.
        "style" | "iframe" | "noembed" | "noframes" | "noscript" => {
            (TokenSinkResult::RawData(RawKind::Rawtext), false)
        }
        "xmp" => (TokenSinkResult::RawData(RawKind::Rawtext), true),
        "title" => (TokenSinkResult::RawData(RawKind::Rcdata), false),
        "textarea" => (TokenSinkResult::RawData(RawKind::Rcdata), true),
        "plaintext" => (TokenSinkResult::Plaintext, true),
        _ => return None,
    })
}

/// Elements whose white space is kept.
fn keeps_space(name: &str) -> bool {
    matches!(name, "pre" | "listing" | "textarea" | "xmp" | "plaintext")
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// The token sink: builds the visible text as tokens arrive.
struct Sink<'a> {
    /// The tokenizer's input queue: what is left of it says where a token ended.
    queue: &'a BufferQueue,
    source: &'a str,
    builder: RefCell<Builder>,
}

impl Sink<'_> {
    /// Bytes of input not yet consumed by the tokenizer.
    fn remaining(&self) -> usize {
        // A clone shares the buffers (reference counted); the queue holds the
        // rest of the document and, at times, a few characters given back.
        let queue = self.queue.clone();
        let mut n = 0;
        while let Some(buf) = queue.pop_front() {
            n += buf.len();
        }
        n
    }
}

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let end = self.source.len().saturating_sub(self.remaining());
        let mut b = self.builder.borrow_mut();
        b.advance(end);
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                match tag.kind {
                    TagKind::StartTag => return b.start_tag(name),
                    TagKind::EndTag => b.end_tag(name),
                }
            }
            Token::CharacterTokens(t) => b.characters(self.source, &t, end),
            Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

#[derive(Debug, Default)]
struct Builder {
    text: String,
    pieces: Vec<Piece>,
    /// Source offset where the last token ended.
    pos: usize,
    /// Source offset where the token(s) ending at `pos` started.
    unit_start: usize,
    /// Inside raw text that is not shown (script, style …) until this end tag.
    hidden_raw: Option<String>,
    /// Depth of `<template>` elements.
    templates: usize,
    /// Depth of elements that keep their white space.
    keep_space: usize,
    /// A newline right after `<pre>` or `<textarea>` is not shown.
    drop_newline: bool,
    /// White space seen since the last visible character (its source range).
    space: Option<(usize, usize)>,
    /// The strongest break asked for since the last visible character, and
    /// the source range of the tag that asked for it first.
    pending: Option<(Break, usize, usize)>,
}

impl Builder {
    /// A token ended at source offset `end`.
    fn advance(&mut self, end: usize) {
        if end > self.pos {
            self.unit_start = self.pos;
            self.pos = end;
        }
    }

    fn hidden(&self) -> bool {
        self.hidden_raw.is_some() || self.templates > 0
    }

    fn start_tag(&mut self, name: &str) -> TokenSinkResult<()> {
        if name == "template" {
            self.templates += 1;
            return TokenSinkResult::Continue;
        }
        if self.hidden() {
            return TokenSinkResult::Continue;
        }
        if let Some(b) = break_of(name) {
            self.ask(b);
        }
        if keeps_space(name) {
            self.keep_space += 1;
            self.drop_newline = true;
        }
        match raw_kind(name) {
            Some((raw, visible)) => {
                if !visible {
                    self.hidden_raw = Some(name.to_string());
                }
                raw
            }
            None => TokenSinkResult::Continue,
        }
    }

    fn end_tag(&mut self, name: &str) {
        if self.hidden_raw.as_deref() == Some(name) {
            self.hidden_raw = None;
            return;
        }
        if name == "template" {
            self.templates = self.templates.saturating_sub(1);
            return;
        }
        if self.hidden() {
            return;
        }
        if keeps_space(name) {
            self.keep_space = self.keep_space.saturating_sub(1);
        }
        // `</br>` is read as `<br>` by browsers.
        if let Some(b) = break_of(name) {
            self.ask(b);
        }
    }

    /// A tag asks for a break before the next visible character.
    fn ask(&mut self, b: Break) {
        self.drop_newline = false;
        match &mut self.pending {
            Some((level, _, _)) => *level = (*level).max(b),
            None => self.pending = Some((b, self.unit_start, self.pos)),
        }
    }

    /// Character data `t`, which ended at source offset `end`.
    fn characters(&mut self, source: &str, t: &str, end: usize) {
        if self.hidden() || t.is_empty() {
            return;
        }
        // Copied byte for byte from the source just before `end`, or (a
        // decoded reference, a CR read as LF) one unit standing for the
        // source of the token.
        let base = end.checked_sub(t.len()).filter(|&s| {
            source
                .get(s..end)
                .is_some_and(|src| src.as_bytes() == t.as_bytes())
        });
        let unit = (self.unit_start, self.pos);
        let at = |i: usize| base.map(|b| b + i);
        let mut i = 0;
        if self.drop_newline {
            self.drop_newline = false;
            if t.starts_with('\n') {
                i = 1;
            }
        }
        if self.keep_space > 0 {
            self.push_words(&t[i..], at(i), unit);
            return;
        }
        while i < t.len() {
            let rest = &t[i..];
            if rest.starts_with(is_space) {
                let n = rest.find(|c| !is_space(c)).unwrap_or(rest.len());
                let (s, e) = match base {
                    Some(b) => (b + i, b + i + n),
                    None => unit,
                };
                self.space = Some(match self.space {
                    Some((s0, _)) => (s0, e),
                    None => (s, e),
                });
                i += n;
            } else {
                let n = rest.find(is_space).unwrap_or(rest.len());
                self.push_words(&rest[..n], at(i), unit);
                i += n;
            }
        }
    }

    /// Appends visible text `run` as [`Builder::push_visible`] does, with
    /// each no-break space (U+00A0, `&nbsp;`) written as a plain space: it
    /// shows as one, and "280&nbsp;亿美元" is read as "280 亿美元".
    fn push_words(&mut self, run: &str, start: Option<usize>, unit: (usize, usize)) {
        let mut k = 0;
        for (j, nbsp) in run.match_indices('\u{a0}') {
            self.push_visible(&run[k..j], start.map(|s| s + k), unit);
            let source = match start {
                Some(s) => (s + j, s + j + nbsp.len()),
                None => unit,
            };
            self.push_visible(" ", None, source);
            k = j + nbsp.len();
        }
        self.push_visible(&run[k..], start.map(|s| s + k), unit);
    }

    /// Appends visible text `run`: copied from source offset `start` byte
    /// for byte, or else standing for the source range `unit`. A pending
    /// break or space is written first.
    fn push_visible(&mut self, run: &str, start: Option<usize>, unit: (usize, usize)) {
        if run.is_empty() {
            return;
        }
        let space = self.space.take();
        if let Some((level, s, e)) = self.pending.take() {
            if !self.text.is_empty() {
                let sep = match level {
                    Break::Cell => "\t",
                    Break::Line => "\n",
                    Break::Paragraph => "\n\n",
                };
                self.push_piece(sep, s, e, false);
            }
        } else if let Some((s, e)) = space
            && !self.text.is_empty()
        {
            self.push_piece(" ", s, e, false);
        }
        match start {
            Some(s) => self.push_piece(run, s, s + run.len(), true),
            None => self.push_piece(run, unit.0, unit.1, false),
        }
    }

    fn push_piece(&mut self, s: &str, start: usize, end: usize, verbatim: bool) {
        let visible = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.pieces.last_mut()
            && verbatim
            && last.verbatim
            && last.end == start
        {
            last.end = end;
            return;
        }
        self.pieces.push(Piece {
            visible,
            start,
            end,
            verbatim,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The visible text, and each visible piece's source, checked to cover
    /// the text in order.
    fn visible(html: &str) -> Visible {
        let v = Visible::parse(html);
        let mut at = 0;
        for p in &v.pieces {
            assert!(p.visible >= at, "{:?}", v.pieces);
            assert!(p.start <= p.end && p.end <= html.len(), "{p:?}");
            at = p.visible;
        }
        v
    }

    /// The source text of the visible occurrence of `needle`.
    fn source_of<'h>(v: &Visible, html: &'h str, needle: &str) -> &'h str {
        let s = v.text().find(needle).expect("needle in the visible text");
        let (a, b) = v.source_span(s, s + needle.len());
        &html[a..b]
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        let html = "<html><head><title>Title 5 亿</title></head><body>\n\
                    <h1>Stargate</h1>\n<p>OpenAI 将投资\n   5000 亿美元。</p><p>a<br>b</p>\
                    <ul><li>one</li><li>two</li></ul><div>x</div>tail";
        let v = visible(html);
        assert_eq!(
            v.text(),
            "Stargate\n\nOpenAI 将投资 5000 亿美元。\n\na\nb\n\none\ntwo\n\nx\ntail"
        );
        assert_eq!(source_of(&v, html, "5000 亿美元"), "5000 亿美元");
        assert_eq!(
            source_of(&v, html, "将投资 5000"),
            "将投资\n   5000",
            "a collapsed space maps to its whole run"
        );
    }

    #[test]
    fn script_style_noscript_template_and_comments_are_skipped() {
        let html = "<p>a</p><script>var x = \"<p>$5 billion</p>\";</script>\
                    <style>p::before { content: \"$6 billion\" }</style>\
                    <noscript><p>$7 billion</p></noscript><!-- $8 billion -->\
                    <template><p>$9 billion</p><template>x</template>y</template><p>b</p>";
        assert_eq!(visible(html).text(), "a\n\nb");
        // An unclosed script hides the rest.
        assert_eq!(visible("<p>a</p><script>b <p>c").text(), "a");
    }

    #[test]
    fn entities_are_decoded_and_mapped_to_their_source() {
        let html = "<p>AT&amp;T: &#x4E07;&#19975; &lt;5&gt; &nbsp;US&dollar;5bn &amp AT&T</p>";
        let v = visible(html);
        assert_eq!(v.text(), "AT&T: 万万 <5>  US$5bn & AT&T");
        assert_eq!(source_of(&v, html, "  US"), " &nbsp;US");
        assert_eq!(source_of(&v, html, "万万"), "&#x4E07;&#19975;");
        assert_eq!(source_of(&v, html, "US$5bn"), "US&dollar;5bn");
        assert_eq!(source_of(&v, html, "AT&T:"), "AT&amp;T:");
        assert_eq!(source_of(&v, html, "& AT&T"), "&amp AT&T");
    }

    #[test]
    fn white_space_is_kept_in_pre_and_crlf_read_as_lf() {
        let html = "<p>a\r\n b</p><pre>\n  x  1\n  y</pre>";
        let v = visible(html);
        assert_eq!(v.text(), "a b\n\n  x  1\n  y");
        assert_eq!(source_of(&v, html, "a b"), "a\r\n b");
        assert_eq!(source_of(&v, html, "y"), "y");
    }

    #[test]
    fn tables_keep_cells_apart() {
        let html = "<table><tr><th>Name</th><th>Value</th></tr>\
                    <tr><td>Cash</td><td>$25bn</td></tr></table>after";
        assert_eq!(visible(html).text(), "Name\tValue\nCash\t$25bn\n\nafter");
    }

    #[test]
    fn broken_markup_recovers() {
        assert_eq!(visible("a < b <p>c<b>d</p>e").text(), "a < b\n\ncd\n\ne");
        assert_eq!(visible("<p>unclosed <b attr=\"x").text(), "unclosed");
        assert_eq!(visible("").text(), "");
        assert_eq!(visible("\u{feff}<p>bom</p>").text(), "bom");
        let v = visible("\u{feff}<p>bom</p>");
        assert_eq!(v.source_span(0, 3), (6, 9));
    }

    #[test]
    fn every_visible_offset_maps_into_the_source() {
        let html = "<div>约 <b>250</b> 亿美元&#xff0c;<i>现金</i></div>\n<p>&quot;q&quot;</p>";
        let v = visible(html);
        assert_eq!(v.text(), "约 250 亿美元，现金\n\n\"q\"");
        for (i, _) in v.text().char_indices() {
            let (a, b) = v.source_span(i, i + 1);
            assert!(a <= b && b <= html.len());
        }
        assert_eq!(source_of(&v, html, "250"), "250");
        assert_eq!(source_of(&v, html, "约 250 亿美元"), "约 <b>250</b> 亿美元");
        assert_eq!(v.source_start(v.text().len()), html.len() - "</p>".len());
    }
}
