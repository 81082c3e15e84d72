//! The extractor: finds money figures and percentages in text.
//!
//! [`Extractor::claims`] scans the text once, left to right, and yields a
//! [`Claim`] for every figure, in text order and without overlaps. The scan
//! stops only at *trigger* characters (ASCII or full-width digits, Chinese
//! numeral characters, and English number words at a word start); around each
//! trigger the grammar below is tried, and when it fails the scan moves on by
//! whole numerals, so the work stays linear in the length of the text.
//!
//! # Grammar
//!
//! ```text
//! claim            = qualifier_before? sign? currency_prefix? sign? figure
//!                    currency_suffix? subunit_tail? qualifier_after?
//!                    ( range_sep claim )?            -- "$5-10 billion", "三四六億至三五八億美元"
//!                  | currency_prefix qualifier_before figure currency_suffix? …
//!                                                    -- "新台幣約 8100 至 8400 億元", "人民币逾300亿元",
//!                                                    -- "EUR approximately 5 million" (a code, and
//!                                                    -- only a hedge, before an English qualifier)
//! sign             = "-" | "−" | 负 | 負                 -- written against the figure, not after a word char
//!                  | ("−" | "–") " "                   -- "− 5.7 亿美元"; "–" only after Han, ":", "(", tab or "|"
//! figure           = percent_prefix chinese_numeral  -- 百分之九十
//!                  | "(" arabic_number ")" ( large_unit+ | scale_word | currency_suffix | "%" )
//!                                                    -- accounting negative: "$(3.2) million", "(12.5)亿元"
//!                  | arabic_number "p"               -- pence, when the text names sterling: "250p" = £2.50
//!                  | chinese_numeral scale_word? percent_suffix?
//!                  | english_numeral scale_word?
//!                  | vague_english                   -- "billions of dollars"
//!                  | vague_prefix large_unit+          -- 上亿, 几万亿 (the unit alone after the marker)
//!                  | colloquial                        -- 两毛五
//! chinese_numeral  = run? ( small_unit | large_unit | "零" | marker | run )* ( gap? ("点" | "點") gap? digits )?
//!                                                  -- gap: up to two spaces, allowed around 点 only after a unit
//!   run            = arabic_number | cn_digit+       -- "4000", "1.5", "三四六" (digit by digit)
//!   arabic_number  = digit+ ( [,，] digit{3} )* ( [.．] digit+ )?   -- ASCII or full-width digits
//!   small_unit     = 十 | 百 | 千 (拾 佰 仟)         -- must decrease within a section
//!   large_unit     = 万 | 萬 | 亿 | 億 | 兆          -- 万亿 = 万万 = 10^12 ... 兆 = 10^12
//!   marker         = 多 | 余 | 几                    -- "500多亿" lower bound, "二十几万" vague
//! english_numeral  = (zero..nineteen | twenty..ninety ("-" unit)? | "hundred" | "and")+ | "half" | "quarter(s)"
//!                                                    -- "half a billion" = 0.5 billion (money only with a currency)
//! scale_word       = thousand | million | billion | trillion | lakh | crore
//!                  | k | m | b (attached) | mn | mln | MM | bn | bln | tn | trn
//! currency_prefix  = symbol | code | 人民币 | 美元 | …   -- "$", "US$", "HK$", "C $", "USD", "MAUD", "RM"
//! currency_suffix  = symbol | code | word               -- 美元 元 块 日元 円 港元 林吉特, dollars, euros, yen,
//!                                                       -- "Saudi riyals", "pesos", "USD", "500 MAD"
//!   symbol, word   = the rows of src/names/currencies.tsv (src/names/CURRENCIES.md)
//!   code           = any active ISO 4217 code; ALL BOB CUP MAD PEN SOS TOP only after a number
//! subunit_tail     = ("又" | "and")? numeral (角 | 毛 | 分 | 美分 | cents)  -- 五元三毛, 3 dollars 50 cents
//!                  | digit                             -- after 元/块 the 角, after 角/毛 the 分: 一块二 = 1.2
//!                  | 零 digit                          -- the 分: 三块零四 = 3.04
//! colloquial       = digit (角 | 毛) ( digit 分? | 钱 )  -- 两毛五 = 0.25, 五毛钱: bare 元 money
//!                                                    -- ("九牛一毛", bare "25分" are not)
//! qualifier_before = 约 | 近 | 超过 | 逾 | 不到 | 远低于 | 最高 | 最少 | about | more than
//!                  | well under | "a bit less than" | "just over" | …
//!                  | gapped_bound                      -- "最高投入900亿美元", "最多可达20亿美元"
//!                  | qualifier_before? (介于 | 介於)   -- a range closed by 之间/之間 (之間 in the mention):
//!                                                    -- "約介於 210 至 225 億美元之間", "介于5亿和6亿美元之间"
//!   gapped_bound   = (最高 | 最多 | 至多 | 不超过 | 最少 | 至少 | 最低) han{1,4}
//!                                                    -- han: no digit, unit, 的, 是, 之 or break; the first
//!                                                    -- must not make a noun of it (最高法院, 最低价, 最高点)
//! qualifier_after  = 左右 | 上下 | 以上 | 以下 | 以内 | 之内 | "or more" | "or less"
//! vague_prefix     = 数 | 几 | 好几 | 上                 -- 数百亿 = 200亿…900亿, 上百亿 ≥ 100亿
//!                    ( small_unit | large_unit )         -- also right before a large unit:
//!                                                        -- 上亿 ≥ 1亿, 几万亿 = 2万亿…9万亿, 数万
//! percent_suffix   = % | ％ | 个百分点 | per cent | percent | percentage points | 成
//!                                                    -- a bare number ranging to a percentage is its
//!                                                    -- low end: "4-6%", "1至2個百分點", "4 to 6 percent"
//! range_sep        = - | – | ~ | 至 | 到 | to | "and" (after "between") | 和 | 与 (after 介于)
//! list_sep         = 、 | ， | , | 和 | 及 | 与 | 乃至 | 甚至 | and | or   -- shares a later currency and scale
//!                                                    -- ("数百万乃至上千万元"); a range of two
//!                                                    -- vague ends ("数百万至上千万元") is read as a list
//! from_to          = (从 | 從 | 由 | "from") claim aside? change_words? (至 | 到 | 为 | "to") claim
//!                  | "to"? claim aside? words{0,6} "from" filler{0,2} claim
//!                                                    -- one end's currency carried to the other:
//!                                                    -- "估值从 320 亿降至 55 亿美元", "市值由 1500 亿美元
//!                                                    -- 一度跌到 30 亿", "rose to 3.1 billion dollars
//!                                                    -- (£2.3bn) in the quarter, up from 2.6 billion"
//!   change_words   = a Chinese verb of change (降 升 增 跌 一度 …), up to 8 Han chars in all,
//!                    or up to 6 English words; no number between
//! conversion_range = claim aside range_sep claim aside  -- "9.5 billion euros (£8.2 billion) to 10.1
//!                                                    -- billion euros (£8.7 billion)": two ranges
//!   aside          = "(" … ")"                         -- at most 48 bytes: "(£1.9bn)"
//! fx_rate          = unit_amount (兑 | 兌 | 兑换 | 兌換 | "=" | "buys" | "is worth" | …) claim
//!                                                    -- 1美元兑7.1元人民币, €1 = $1.08 (unit: 1, 10 … 10000)
//!                  | (汇率 | 匯率 | 汇价 | 中间价 | "exchange rate") rate_link{0,3} claim
//!                                                    -- 匯率 30.5 元, 汇率报收 7.1 元
//!                  | currency (兑 | 兌 | 对 | 對) currency rate_link{0,3} claim  -- 美元兑人民币报 7.1 元
//!                  | ("the" | "one" | "a") currency rate_verb claim  -- the dollar bought 150 yen,
//!                                                    -- the euro fell to $1.05 (another currency)
//!   rate_link      = 为 | 是 | 报 | 收于 | 升至 | 约 | "：" | "of" | "at" | "was" | "to" | …
//! ```
//!
//! An exchange rate (rule `fx_rate`) is no money claim and is not reported,
//! both ends of "1美元兑7.1元人民币" included; a scaled figure is never a rate
//! ("exchange rate of $5 million" is an amount), and a figure alone stays an
//! amount ("30.5元", "兑换1.0753美元").
//!
//! A figure is money only with a currency: its own, or one shared from a range
//! or list partner ("20亿、30亿和470亿美元"), or carried across "from … to …"
//! (rule `from_to`: never to a year, to a figure followed by a counted noun
//! such as 股 or "users", or to an unscaled figure from a scaled one, and
//! never over a currency the figure writes itself). A figure with none is not
//! reported (years, counts such as 10万人, model names such as H100).
//! Percentages need no currency.
//!
//! A range whose ends each carry a bracketed conversion (rule
//! `conversion_range`) is two ranges: the first, in the ends' currency,
//! spans from its low end to its high end (the first bracket inside); the
//! second, in the brackets' currency, is reported at the second bracket, so
//! that mentions never overlap. With one bracket only, the three figures
//! stay points.
//!
//! ## Defaults for ambiguous marks
//! - bare `$` and "dollars" = USD;
//! - "cents" standing alone = euro cents where the nearest currency the text
//!   names before them (else the first after) is the euro (€, EUR, euro,
//!   欧元), else US cents;
//! - `¥`/`￥` = CNY in Chinese text (any Han characters make up at least a fifth
//!   of the letters), JPY otherwise;
//! - bare 元/块 = the yuan-family currency the document names explicitly
//!   (新台币 → TWD, 港元 → HKD, 人民币 → CNY): the one declared by a
//!   "(人民币,下同)" note before (or right after) the figure, else the one the
//!   document names most often (ties: the first named), else CNY.
//!
//! - a name several currencies share ("pesos", "dinar", 比索, 里亚尔) = the
//!   member whose country the document names most often ("Mexico" → MXN);
//!   with no such country, or a tie, the figure is money with no currency
//!   (`Amount::currency()` is `None`): not guessed.
//!
//! [`ExtractorBuilder::currency_hint`] overrides all of these.

mod claim;
mod currency;
pub(crate) mod invisible;
pub(crate) mod number;
pub(crate) mod numeral;
mod parse;
mod qualifier;
mod scale;
mod table;

use crate::error::{Error, ErrorKind};
use crate::normalize::{Amount, Currency, Kind};
use crate::span::Span;
use currency::Cur;
use std::borrow::Cow;
use std::cell::OnceCell;

pub use parse::parse_numeral;

/// One money figure or percentage found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    span: Span,
    amount: Amount,
}

/// The issue tracker calls a claim a "mention"; both names denote the same type.
pub type Mention = Claim;

impl Claim {
    /// Byte span of the whole mention, qualifier and currency words included.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The normalized figure.
    pub fn amount(&self) -> &Amount {
        &self.amount
    }

    /// The mention's text within `text` (the text it was extracted from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text).unwrap_or("")
    }
}

/// Options for an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    hint: Option<Currency>,
}

impl ExtractorBuilder {
    /// The currency meant by ambiguous marks (`$`, "dollars", `¥`, 元, 块).
    pub fn currency_hint(mut self, currency: Currency) -> Self {
        self.hint = Some(currency);
        self
    }

    /// Builds the extractor.
    pub fn build(self) -> Extractor {
        Extractor { hint: self.hint }
    }
}

/// Finds money figures and percentages in text.
///
/// ```
/// use figcheck::{Extractor, Currency, Kind};
/// let text = "软银现金约 250 亿美元,持有安谋 90% 的股份。";
/// let claims: Vec<_> = Extractor::new().claims(text).collect::<Result<_, _>>()?;
/// assert_eq!(claims.len(), 2);
/// assert_eq!(claims[0].text(text), "约 250 亿美元");
/// assert_eq!(claims[0].amount().currency(), Some(Currency::USD));
/// assert_eq!(claims[1].amount().kind(), Kind::Percent);
/// # Ok::<(), figcheck::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    hint: Option<Currency>,
}

impl Extractor {
    /// An extractor with the documented defaults.
    pub fn new() -> Self {
        Extractor::default()
    }

    /// Options: see [`ExtractorBuilder`].
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Lazily extracts the claims of `text`, in text order, without overlaps.
    ///
    /// An item is `Err` only for a figure that cannot be represented (more than
    /// 28 significant digits or beyond ±7.9e28); its error's location holds the
    /// figure's byte span, and extraction goes on after it.
    ///
    /// Invisible format characters (zero-width spaces and joiners, soft
    /// hyphens, direction marks, byte order marks) are skipped wherever they
    /// are, inside numbers too; spans are still offsets into `text`.
    pub fn claims<'t>(&self, text: &'t str) -> Claims<'t> {
        let (text, removed) = invisible::clean(text);
        Claims {
            removed,
            ctx: Ctx {
                text,
                hint: self.hint,
                doc: OnceCell::new(),
                chinese: OnceCell::new(),
                countries: OnceCell::new(),
                sterling: OnceCell::new(),
                cent_names: OnceCell::new(),
                list_dead_until: std::cell::Cell::new(0),
                list_found: std::cell::RefCell::new(None),
                carry: std::cell::Cell::new(None),
                conv_low: std::cell::RefCell::new(None),
                steps: std::cell::Cell::new(0),
            },
            pos: 0,
            floor: 0,
        }
    }
}

/// The yuan-family names as one automaton.
fn yuan_matcher() -> &'static aho_corasick::AhoCorasick {
    static M: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(currency::YUAN_FAMILY.iter().map(|(w, _)| *w))
            .expect("the yuan-family names build an automaton")
    })
}

/// Facts about the whole document, computed once when first needed.
struct DocInfo {
    /// The yuan-family currency the document names most often.
    yuan_default: Option<Currency>,
    /// "(人民币,下同)" declarations: from that point on, bare 元 means this.
    declared: Vec<(usize, Currency)>,
}

pub(crate) struct Ctx<'t> {
    /// The text without invisible characters (see `invisible`).
    pub text: Cow<'t, str>,
    hint: Option<Currency>,
    doc: OnceCell<DocInfo>,
    chinese: OnceCell<bool>,
    /// See [`Ctx::countries`].
    countries: OnceCell<Vec<Option<Currency>>>,
    /// See [`Ctx::sterling`].
    sterling: OnceCell<bool>,
    /// See [`Ctx::euro_cents`].
    cent_names: OnceCell<Vec<(usize, bool)>>,
    /// List walks that found no currency looked up to here (see `claim`).
    pub(crate) list_dead_until: std::cell::Cell<usize>,
    /// The last list walk that found a currency: where it started, and the
    /// element with the currency (see `claim`).
    pub(crate) list_found: std::cell::RefCell<Option<(usize, claim::Fig)>>,
    /// A currency a "from … to …" construct carries to a later figure (see `claim`).
    pub(crate) carry: std::cell::Cell<Option<claim::Carry>>,
    /// The low end of a bracketed conversion range, for the figure whose
    /// numeral starts at the offset ("… (£8.2 billion) to … (£8.7 billion)").
    pub(crate) conv_low: std::cell::RefCell<Option<(usize, claim::Fig)>>,
    /// Work done so far; see [`Claims::steps`].
    steps: std::cell::Cell<u64>,
}

impl Ctx<'_> {
    /// Counts `n` steps of work.
    #[inline]
    pub(crate) fn step(&self, n: usize) {
        self.steps.set(self.steps.get() + n as u64);
    }

    /// Whether the text is Chinese (Han characters make up at least a fifth
    /// of its letters); computed on first use, for `¥`.
    fn chinese(&self) -> bool {
        *self.chinese.get_or_init(|| {
            let mut han = 0usize;
            let mut latin = 0usize;
            for &b in self.text.as_bytes() {
                if b.is_ascii_alphabetic() {
                    latin += 1;
                } else if (0xE3..=0xE9).contains(&b) {
                    han += 1; // lead byte of U+3000..U+9FFF (CJK)
                }
            }
            han > 0 && han * 5 >= latin
        })
    }

    /// Whether the text is about sterling (names `£`, GBP, pounds, pence,
    /// sterling, 英镑 or 便士), so that "250p" means pence; computed on first use.
    pub(crate) fn sterling(&self) -> bool {
        *self.sterling.get_or_init(|| {
            let t: &str = &self.text;
            [
                "£", "￡", "GBP", "pence", "penny", "sterling", "pound", "Pound", "英镑", "英鎊",
                "便士",
            ]
            .iter()
            .any(|w| t.contains(w))
        })
    }

    /// Whether "cents" at byte `at` are euro cents: the nearest currency the
    /// text names before it (the first after it, when none is before) is the
    /// euro (€, EUR, euro, 欧元), not the dollar ($, USD, dollar, 美元). With
    /// neither named, cents stay dollar cents. The names are found once, in
    /// one pass over the text.
    pub(crate) fn euro_cents(&self, at: usize) -> bool {
        let names = self.cent_names.get_or_init(|| {
            static M: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
            const EURO: usize = 6; // the first patterns name the euro
            let m = M.get_or_init(|| {
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .build([
                        "€", "eur", "euro", "euros", "欧元", "歐元", "$", "usd", "dollar",
                        "dollars", "美元", "美金",
                    ])
                    .expect("the currency names build an automaton")
            });
            let b = self.text.as_bytes();
            let alpha = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
            m.find_iter(&*self.text)
                .filter(|h| {
                    // Latin names are whole words ("European" names no currency)
                    !b[h.start()].is_ascii_alphabetic()
                        || !(h.start() > 0 && alpha(h.start() - 1) || alpha(h.end()))
                })
                .map(|h| (h.start(), h.pattern().as_usize() < EURO))
                .collect()
        });
        let i = names.partition_point(|&(p, _)| p < at);
        let near = if i > 0 {
            names.get(i - 1)
        } else {
            names.get(i)
        };
        near.is_some_and(|&(_, euro)| euro)
    }

    /// The document's yuan-family names, computed on first use, for bare 元.
    fn doc(&self) -> &DocInfo {
        self.doc.get_or_init(|| {
            // explicit yuan-family names (longest first: 台幣 inside 新台幣 counts
            // once) and "(人民币,下同)" declarations
            // one multi-pattern pass; leftmost-longest: 台幣 inside 新台幣 counts once
            let found: Vec<(usize, usize, Currency)> = yuan_matcher()
                .find_iter(&*self.text)
                .map(|m| {
                    (
                        m.start(),
                        m.end() - m.start(),
                        currency::YUAN_FAMILY[m.pattern().as_usize()].1,
                    )
                })
                .collect();
            let mut counts: Vec<(Currency, usize, usize)> = Vec::new(); // (currency, count, first)
            let mut declared: Vec<(usize, Currency)> = Vec::new();
            let mut covered = 0usize;
            for (i, n, cur) in found {
                if i < covered {
                    continue;
                }
                covered = i + n;
                match counts.iter_mut().find(|(c, _, _)| *c == cur) {
                    Some(e) => e.1 += 1,
                    None => counts.push((cur, 1, i)),
                }
                let after =
                    self.text[i + n..].trim_start_matches([',', '，', '、', ' ', '；', ';']);
                if after.starts_with("下同") {
                    declared.push((i, cur));
                }
            }
            // the most often named one; ties go to the first named
            let best = counts
                .iter()
                .max_by_key(|&&(_, n, first)| (n, std::cmp::Reverse(first)))
                .map(|e| e.0);
            DocInfo {
                yuan_default: best,
                declared,
            }
        })
    }

    /// The ISO currency a currency word means at byte `at`; `None` for a
    /// name several currencies share when the document does not decide it.
    pub(crate) fn resolve(&self, cur: Cur, at: usize) -> Option<Currency> {
        Some(match cur {
            Cur::Iso(c) => c,
            _ if self.hint.is_some() => self.hint?,
            Cur::Dollar => Currency::USD,
            Cur::Yen => {
                if self.chinese() {
                    Currency::CNY
                } else {
                    Currency::JPY
                }
            }
            Cur::Yuan => {
                let d = self.doc();
                // a declaration shortly after the figure ("235亿元(人民幣,下同)") counts for it too
                d.declared
                    .iter()
                    .rev()
                    .find(|(i, _)| *i <= at + 16)
                    .map(|&(_, c)| c)
                    .or(d.yuan_default)
                    .unwrap_or(Currency::CNY)
            }
            Cur::Family(f) => return self.countries().get(f as usize).copied().flatten(),
        })
    }

    /// For each currency family (`currency::Tables::families`), the member
    /// whose country the document names most often; `None` when it names
    /// none of them, or two equally often. Computed on first use, in one
    /// pass over the text.
    fn countries(&self) -> &[Option<Currency>] {
        self.countries.get_or_init(|| {
            let (m, keys) = country_matcher();
            let fams = &currency::tables().families;
            let mut counts: Vec<Vec<usize>> =
                fams.iter().map(|f| vec![0; f.members.len()]).collect();
            let b = self.text.as_bytes();
            for hit in m.find_iter(&*self.text) {
                // Latin names are whole words ("Omani", not "Romania")
                let alpha = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
                let (s, e) = (hit.start(), hit.end());
                if (b[s].is_ascii_alphabetic() && s > 0 && alpha(s - 1))
                    || (b[e - 1].is_ascii_alphabetic() && alpha(e))
                {
                    continue;
                }
                let (f, k) = keys[hit.pattern().as_usize()];
                counts[f][k] += 1;
            }
            counts
                .iter()
                .enumerate()
                .map(|(f, c)| {
                    let best = *c.iter().max()?;
                    if best == 0 || c.iter().filter(|&&n| n == best).count() > 1 {
                        return None;
                    }
                    let k = c.iter().position(|&n| n == best)?;
                    Some(fams[f].members[k].0)
                })
                .collect()
        })
    }
}

/// The country names of the currency families as one automaton, with the
/// (family, member) each pattern stands for.
fn country_matcher() -> &'static (aho_corasick::AhoCorasick, Vec<(usize, usize)>) {
    static M: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<(usize, usize)>)> =
        std::sync::OnceLock::new();
    M.get_or_init(|| {
        let mut pats = Vec::new();
        let mut keys = Vec::new();
        for (f, fam) in currency::tables().families.iter().enumerate() {
            for (k, (_, names)) in fam.members.iter().enumerate() {
                for n in names {
                    pats.push(*n);
                    keys.push((f, k));
                }
            }
        }
        let m = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(pats)
            .expect("the country names build an automaton");
        (m, keys)
    })
}

/// CJK ideographs (the Han script, including compatibility and radical forms).
#[inline]
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x2FDF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Lazy iterator over the claims of one text; see [`Extractor::claims`].
pub struct Claims<'t> {
    ctx: Ctx<'t>,
    /// Where invisible characters were taken out of the text that `ctx`
    /// reads, to map spans back.
    removed: invisible::Removed,
    pos: usize,
    floor: usize,
}

impl Claims<'_> {
    /// The work done so far, in steps: one per position tried and per figure
    /// parse attempted (including the figures looked at to complete a range
    /// or a list), plus the bytes skipped by the pre-filter and after a failed
    /// parse. It does not depend on the machine, and it grows linearly with
    /// the input: the tests use it to check that hostile inputs (long lists,
    /// numerals, qualifier runs) take time in proportion to their size.
    ///
    /// ```
    /// use figcheck::Extractor;
    /// let text = "1、2、3、4亿美元。".repeat(1000);
    /// let mut claims = Extractor::new().claims(&text);
    /// assert_eq!(claims.by_ref().count(), 4000);
    /// assert!(claims.steps() < 20 * text.len() as u64);
    /// ```
    pub fn steps(&self) -> u64 {
        self.ctx.steps.get()
    }
}

/// Bitmap of the BMP chars that can start a numeral (Chinese digits and
/// units, full-width digits) or a vague amount (the large units, as in 上亿;
/// `claim::figure_at` drops a large unit with no vague marker right before
/// it at once, and large units rarely stand apart from a numeral), built once.
fn trigger_bitmap() -> &'static [u64; 1024] {
    static MAP: std::sync::OnceLock<Box<[u64; 1024]>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = Box::new([0u64; 1024]);
        for cp in 0x80u32..0x10000 {
            if let Some(c) = char::from_u32(cp) {
                if numeral::is_cn_numeral_start(c) || number::is_digit_char(c) {
                    m[(cp >> 6) as usize] |= 1 << (cp & 63);
                }
            }
        }
        for c in ['万', '萬', '亿', '億', '兆'] {
            let cp = c as u32;
            m[(cp >> 6) as usize] |= 1 << (cp & 63);
        }
        m
    })
}

#[inline]
fn is_trigger_bmp(map: &[u64; 1024], cp: u32) -> bool {
    cp < 0x10000 && map[(cp >> 6) as usize] & (1 << (cp & 63)) != 0
}

fn english_trigger(word: &[u8]) -> bool {
    // the number words by length; compared only when the first letter fits
    let cands: &[&[u8]] = match word.len() {
        3 => &[b"one", b"two", b"six", b"ten"],
        4 => &[b"four", b"five", b"nine", b"half", b"tens"],
        5 => &[b"three", b"seven", b"eight", b"forty", b"fifty", b"sixty"],
        6 => &[
            b"eleven", b"twelve", b"twenty", b"thirty", b"eighty", b"ninety",
        ],
        7 => &[
            b"fifteen", b"sixteen", b"seventy", b"quarter", b"million", b"billion",
        ],
        8 => &[
            b"thirteen",
            b"fourteen",
            b"eighteen",
            b"nineteen",
            b"hundreds",
            b"thousand",
            b"millions",
            b"billions",
            b"trillion",
        ],
        9 => &[b"seventeen", b"thousands", b"trillions"],
        _ => return false,
    };
    // first letters of the trigger words: b e f h m n o q s t
    const FIRST: u32 = (1 << 1)
        | (1 << 4)
        | (1 << 5)
        | (1 << 7)
        | (1 << 12)
        | (1 << 13)
        | (1 << 14)
        | (1 << 16)
        | (1 << 18)
        | (1 << 19);
    let f = word[0] | 0x20;
    if FIRST & (1 << (f.wrapping_sub(b'a') & 31)) == 0 {
        return false;
    }
    cands
        .iter()
        .any(|c| c[0] == f && word.eq_ignore_ascii_case(c))
}

impl Claims<'_> {
    /// Next trigger position at or after `from`.
    fn trigger(&self, from: usize) -> Option<usize> {
        let text: &str = &self.ctx.text;
        let bytes = text.as_bytes();
        let map = trigger_bitmap();
        let mut i = from;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_digit() {
                    return Some(i);
                }
                if b.is_ascii_alphabetic() {
                    let n = bytes[i..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .count();
                    let word_start = i == 0 || !bytes[i - 1].is_ascii_alphabetic();
                    if word_start && english_trigger(&bytes[i..i + n]) {
                        return Some(i);
                    }
                    i += n;
                    continue;
                }
                i += 1;
            } else {
                let w = match b {
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF7 => 4,
                    _ => 1,
                };
                if w == 3 && i + 2 < bytes.len() {
                    let cp = ((b as u32 & 0x0F) << 12)
                        | ((bytes[i + 1] as u32 & 0x3F) << 6)
                        | (bytes[i + 2] as u32 & 0x3F);
                    if is_trigger_bmp(map, cp) {
                        return Some(i);
                    }
                }
                i += w;
            }
        }
        None
    }

    /// How far to move past a trigger that gave no claim.
    fn skip_len(&self, p: usize) -> usize {
        let s = &self.ctx.text[p..];
        let b = s.as_bytes();
        if b.first().is_some_and(|c| c.is_ascii_alphanumeric()) {
            let mut n = 0;
            while n < b.len() {
                let c = b[n];
                let joins =
                    (c == b',' || c == b'.') && b.get(n + 1).is_some_and(|d| d.is_ascii_digit());
                if c.is_ascii_alphanumeric() || joins {
                    n += 1;
                } else {
                    break;
                }
            }
            return n.max(1);
        }
        let mut n = 0;
        for c in s.chars() {
            if numeral::is_cn_numeral_start(c)
                || number::is_digit_char(c)
                || numeral::cn_large_unit(c).is_some()
            {
                n += c.len_utf8();
            } else {
                break;
            }
        }
        n.max(s.chars().next().map_or(1, char::len_utf8))
    }
}

/// Currency symbol chars (the single-char symbols of the currency tables).
fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '＄'
            | '€'
            | '£'
            | '￡'
            | '¥'
            | '￥'
            | '₩'
            | '￦'
            | '₹'
            | '₽'
            | '₺'
            | '₫'
            | '฿'
            | '₱'
            | '₦'
            | '₡'
            | '₾'
            | '₭'
            | '₪'
            | '₴'
    )
}

/// Chars that can end a currency prefix right before a number.
fn can_precede(c: char) -> bool {
    c.is_ascii_alphabetic()
        || is_currency_symbol(c)
        || matches!(
            c,
            'ூ' | '.' | '币' | '幣' | '元' | '金' | '镑' | '鎊' | '圆' | '圓'
        )
}

/// Chars that can follow a numeral when it is money or a percentage: units,
/// currency words, percent signs, markers, subunits, separators, qualifiers,
/// and the first char of every currency word of the tables (one bitmap
/// lookup for a non-ASCII char).
fn can_follow(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return can_follow_listed(c);
    }
    if cp >= 0x10000 {
        return can_follow_listed(c);
    }
    is_trigger_bmp(follow_bitmap(), cp)
}

/// The bitmap behind [`can_follow`], built once.
fn follow_bitmap() -> &'static [u64; 1024] {
    static MAP: std::sync::OnceLock<Box<[u64; 1024]>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = Box::new([0u64; 1024]);
        let mut set = |c: char| {
            let cp = c as u32;
            if cp < 0x10000 {
                m[(cp >> 6) as usize] |= 1 << (cp & 63);
            }
        };
        for cp in 0x80u32..0x10000 {
            if let Some(c) = char::from_u32(cp).filter(|&c| can_follow_listed(c)) {
                set(c);
            }
        }
        let t = currency::tables();
        t.suffix
            .non_ascii_first_chars()
            .chain(t.subunit.non_ascii_first_chars())
            .for_each(set);
        m
    })
}

/// The chars of [`can_follow`] that are not first chars of currency words.
fn can_follow_listed(c: char) -> bool {
    c.is_ascii_alphabetic()
        || is_currency_symbol(c)
        || matches!(
            c,
            '%' | '％'
                | 'ர'
                | '万'
                | '萬'
                | '亿'
                | '億'
                | '兆'
                | '元'
                | '圆'
                | '圓'
                | '块'
                | '塊'
                | '美'
                | '人'
                | '日'
                | '円'
                | '欧'
                | '歐'
                | '英'
                | '港'
                | '新'
                | '台'
                | '韩'
                | '韓'
                | '澳'
                | '加'
                | '瑞'
                | '卢'
                | '盧'
                | '印'
                | '泰'
                | '令'
                | '林'
                | '马'
                | '馬'
                | '奈'
                | '越'
                | '菲'
                | '墨'
                | '雷'
                | '兰'
                | '里'
                | '迪'
                | '纽'
                | '紐'
                | '葡'
                | '个'
                | '個'
                | '百'
                | '成'
                | '多'
                | '余'
                | '餘'
                | '几'
                | '幾'
                | '角'
                | '毛'
                | '分'
                | '銭'
                | '钱'
                | '、'
                | '，'
                | ','
                | '和'
                | '及'
                | '与'
                | '與'
                | '以'
                | '或'
                | '至'
                | '到'
                | '-'
                | '–'
                | '—'
                | '~'
                | '～'
                | '〜'
                | '左'
                | '上'
                | '之'
                | '又'
                | '零'
                | '('
                | '（'
        )
}

/// A cheap test that the numeral at `p` cannot be money or a percentage:
/// nothing that could be a currency prefix before it and nothing that could
/// continue it after it. Returns the bytes to skip when so.
fn cheap_reject(text: &str, floor: usize, p: usize) -> Option<usize> {
    let rest = &text[p..];
    let mut end = 0;
    for c in rest.chars() {
        let run = c.is_ascii_digit()
            || matches!(c, ',' | '.' | '．' | '点' | '點')
            || number::is_digit_char(c)
            || numeral::is_cn_numeral_start(c);
        if !run {
            break;
        }
        end += c.len_utf8();
        // a very long run is left to the full parser, which moves past it in one
        // step; rescanning it here at every trigger would be quadratic
        if end > 64 {
            return None;
        }
    }
    if end == 0 {
        return None;
    }
    let mut after = &rest[end..];
    // "(3.2) million": look past the closing bracket of an accounting negative
    if after.starts_with([')', '）']) && text[..p].ends_with(['(', '（']) {
        after = &after[after.chars().next().map_or(0, char::len_utf8)..];
    }
    let after = after.trim_start_matches([' ', '\u{3000}', '\u{a0}']);
    if after.chars().next().is_some_and(can_follow) {
        return None;
    }
    let before = text[floor..p].trim_end_matches([' ', '\u{3000}', '\u{a0}']);
    if before.chars().next_back().is_some_and(can_precede) {
        return None;
    }
    // a currency word before a qualifier: "美元近30" (a Chinese qualifier
    // ends in a Han char, an English hedge in one of these letters)
    let q_last = before
        .chars()
        .next_back()
        .is_some_and(|c| is_han(c) || matches!(c, 'y' | 't' | 'd' | 'e' | '.'));
    if let Some((_, n)) = q_last
        .then(|| qualifier::qualifier_before(before))
        .flatten()
    {
        let b = before[..before.len() - n].trim_end_matches(' ');
        if b.chars().next_back().is_some_and(can_precede) {
            return None;
        }
    }
    Some(end)
}

impl Iterator for Claims<'_> {
    type Item = Result<Claim, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let p = self.trigger(self.pos)?;
            self.ctx.step(1);
            if !self.ctx.text.as_bytes()[p].is_ascii_alphabetic() {
                if let Some(n) = cheap_reject(&self.ctx.text, self.floor, p) {
                    self.ctx.step(n);
                    self.pos = p + n;
                    continue;
                }
            }
            match claim::figure_at(&self.ctx, self.floor, p, true) {
                Some(fig) if fig.kind == Kind::Percent || fig.cur.is_some() => {
                    // an exchange rate, not an amount: passed over whole
                    if let Some(e) = claim::fx_rate_end(&self.ctx, self.floor, &fig) {
                        self.pos = e.max(p + 1);
                        self.floor = e;
                        while !self.ctx.text.is_char_boundary(self.pos) {
                            self.pos += 1;
                        }
                        continue;
                    }
                    self.pos = fig.end.max(p + 1);
                    self.floor = fig.end;
                    while !self.ctx.text.is_char_boundary(self.pos) {
                        self.pos += 1;
                    }
                    if fig.overflow {
                        let shown =
                            crate::error::shorten(&self.ctx.text[fig.num_start..fig.num_end]);
                        return Some(Err(Error::at(
                            ErrorKind::Overflow { text: shown },
                            self.removed.start(fig.start),
                            self.removed.end(fig.end),
                        )));
                    }
                    let amount = claim::to_amount(&self.ctx, &fig);
                    return Some(Ok(Claim {
                        span: Span::new(self.removed.start(fig.start), self.removed.end(fig.end)),
                        amount,
                    }));
                }
                Some(fig) => {
                    self.pos = fig.num_end.max(p + 1);
                    while !self.ctx.text.is_char_boundary(self.pos) {
                        self.pos += 1;
                    }
                }
                None => {
                    let n = self.skip_len(p);
                    self.ctx.step(n);
                    self.pos = p + n;
                }
            }
        }
    }
}

/// Parses exactly one figure from `s` (used by `Amount::from_str`).
pub(crate) fn parse_amount(s: &str) -> Result<Amount, Error> {
    // white space and invisible format chars around the figure are not part of it
    let t = s.trim_matches(|c: char| c.is_whitespace() || invisible::is_invisible(c));
    if t.is_empty() {
        return Err(Error::new(ErrorKind::Empty));
    }
    let mut it = Extractor::new().claims(t);
    let first = match it.next() {
        Some(r) => r?,
        None => {
            return Err(Error::new(ErrorKind::ExpectedNumber {
                found: crate::error::shorten(t),
            }));
        }
    };
    let sp = first.span();
    if sp.start() > 0 {
        return Err(Error::at(
            ErrorKind::ExpectedNumber {
                found: crate::error::shorten(t),
            },
            0,
            sp.start(),
        ));
    }
    if sp.end() < t.len() {
        return Err(Error::at(
            ErrorKind::TrailingInput {
                rest: crate::error::shorten(&t[sp.end()..]),
            },
            sp.end(),
            t.len(),
        ));
    }
    Ok(first.amount)
}
