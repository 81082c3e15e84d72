//! Words that make a claim a figure the filings do not hold: a segment's
//! figure ("data center revenue", 数据中心业务营收), guidance ("expects",
//! 预计), an analysts' estimate ("analysts expected", 市场预期), a market
//! value (市值, "market cap") or a share price (股价, "shares closed at").
//!
//! One automaton finds them all in one pass over the document; a claim
//! looks up the nearest before it (in its clause; for guidance, in its
//! sentence) and just after it.

use crate::span::Span;
use serde::Serialize;
use std::sync::OnceLock;

/// What the words near a claim make it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContextKind {
    /// A figure of one segment, product line or region.
    Segment,
    /// Guidance, a forecast or a target.
    Guidance,
    /// An analysts' estimate or the market's expectation.
    Estimate,
    /// A market value or valuation.
    MarketValue,
    /// A share price.
    SharePrice,
}

impl ContextKind {
    /// A short name: "segment", "guidance", "analysts' estimate", "market
    /// value", "share price".
    pub fn label(self) -> &'static str {
        match self {
            ContextKind::Segment => "segment, product or region",
            ContextKind::Guidance => "guidance",
            ContextKind::Estimate => "analysts' estimate",
            ContextKind::MarketValue => "market value",
            ContextKind::SharePrice => "share price",
        }
    }

    /// Why a claim of this kind is not checked against a company's
    /// consolidated filed figures.
    pub fn why(self) -> &'static str {
        match self {
            ContextKind::Segment => {
                "a figure of one segment, product or region: the filings ledger holds the company's consolidated figures"
            }
            ContextKind::Guidance => "guidance or a forecast, not a reported figure",
            ContextKind::Estimate => {
                "an analysts' estimate or expectation, not the company's figure"
            }
            ContextKind::MarketValue => "a market value or valuation, which filings do not report",
            ContextKind::SharePrice => "a share price, which filings do not report",
        }
    }
}

/// The words that decided a claim's context, and where they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContextLink {
    /// What they make the claim.
    pub kind: ContextKind,
    /// The words in the article.
    pub text: String,
    /// Where they are.
    pub span: Span,
}

/// How a word must be written to count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    /// In any case.
    AnyCase,
    /// Exactly so (product names: "Mac", "Services").
    Exact,
}

/// Kinds of word besides the contexts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Role {
    /// A context word.
    Context(ContextKind),
    /// A word saying a figure is the actual, reported one ("实际",
    /// "reported"): guidance before it does not reach past it.
    Reported,
    /// A word saying a figure is the whole company's ("total", 总营收): a
    /// segment named before it does not reach past it.
    Whole,
    /// A word of change ("up", "fell", 增长, 年增): which way, and against
    /// what, when it says.
    Change(Option<Direction>, Option<Basis>),
    /// A word of a kind of figure the metric table does not know (减值,
    /// 增益, 回购, "impairment", "buyback"): a metric named before it is
    /// not what a figure after it is about.
    Noun,
}

/// Which way a figure changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// Up: growth, a rise.
    Up,
    /// Down: a fall, a decline.
    Down,
}

/// What a growth rate compares with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// The same span a year earlier (year over year, 同比).
    YearAgo,
    /// The quarter before (sequentially, 环比).
    QuarterAgo,
}

use ContextKind::*;
use Written::*;

const UP: Role = Role::Change(Some(Direction::Up), None);
const DOWN: Role = Role::Change(Some(Direction::Down), None);
const YEAR: Role = Role::Change(None, Some(Basis::YearAgo));
const QUARTER: Role = Role::Change(None, Some(Basis::QuarterAgo));

/// (word, role, how written). Latin words match on word boundaries.
const WORDS: &[(&str, Role, Written)] = &[
    // segments, product lines, regions
    ("data center", Role::Context(Segment), AnyCase),
    ("data-center", Role::Context(Segment), AnyCase),
    ("datacenter", Role::Context(Segment), AnyCase),
    ("gaming", Role::Context(Segment), AnyCase),
    ("automotive", Role::Context(Segment), AnyCase),
    (
        "professional visualization",
        Role::Context(Segment),
        AnyCase,
    ),
    ("segment", Role::Context(Segment), AnyCase),
    ("segment's", Role::Context(Segment), AnyCase),
    ("division", Role::Context(Segment), AnyCase),
    ("business unit", Role::Context(Segment), AnyCase),
    ("iPhone", Role::Context(Segment), Exact),
    ("iPad", Role::Context(Segment), Exact),
    ("Mac", Role::Context(Segment), Exact),
    ("Wearables", Role::Context(Segment), AnyCase),
    ("Services", Role::Context(Segment), Exact),
    ("services revenue", Role::Context(Segment), AnyCase),
    ("cloud", Role::Context(Segment), AnyCase),
    ("AWS", Role::Context(Segment), Exact),
    ("Azure", Role::Context(Segment), Exact),
    ("YouTube", Role::Context(Segment), Exact),
    ("advertising", Role::Context(Segment), AnyCase),
    ("Greater China", Role::Context(Segment), AnyCase),
    ("Americas", Role::Context(Segment), AnyCase),
    ("Asia Pacific", Role::Context(Segment), AnyCase),
    ("North America", Role::Context(Segment), AnyCase),
    ("数据中心", Role::Context(Segment), AnyCase),
    ("數據中心", Role::Context(Segment), AnyCase),
    ("資料中心", Role::Context(Segment), AnyCase),
    ("游戏业务", Role::Context(Segment), AnyCase),
    ("遊戲業務", Role::Context(Segment), AnyCase),
    ("游戏部门", Role::Context(Segment), AnyCase),
    ("汽车业务", Role::Context(Segment), AnyCase),
    ("汽車業務", Role::Context(Segment), AnyCase),
    ("云业务", Role::Context(Segment), AnyCase),
    ("雲業務", Role::Context(Segment), AnyCase),
    ("云计算业务", Role::Context(Segment), AnyCase),
    ("雲端業務", Role::Context(Segment), AnyCase),
    ("广告业务", Role::Context(Segment), AnyCase),
    ("廣告業務", Role::Context(Segment), AnyCase),
    ("服务业务", Role::Context(Segment), AnyCase),
    ("服務業務", Role::Context(Segment), AnyCase),
    ("业务部门", Role::Context(Segment), AnyCase),
    ("業務部門", Role::Context(Segment), AnyCase),
    ("事业部", Role::Context(Segment), AnyCase),
    ("事業部", Role::Context(Segment), AnyCase),
    ("分部", Role::Context(Segment), AnyCase),
    ("板块", Role::Context(Segment), AnyCase),
    ("板塊", Role::Context(Segment), AnyCase),
    ("大中华区", Role::Context(Segment), AnyCase),
    ("大中華區", Role::Context(Segment), AnyCase),
    ("中国区", Role::Context(Segment), AnyCase),
    ("中國區", Role::Context(Segment), AnyCase),
    ("美洲", Role::Context(Segment), AnyCase),
    ("欧洲市场", Role::Context(Segment), AnyCase),
    ("歐洲市場", Role::Context(Segment), AnyCase),
    ("iPhone营收", Role::Context(Segment), AnyCase),
    // guidance
    ("expects", Role::Context(Guidance), AnyCase),
    ("expected to", Role::Context(Guidance), AnyCase),
    ("expect", Role::Context(Guidance), AnyCase),
    ("forecast", Role::Context(Guidance), AnyCase),
    ("forecasts", Role::Context(Guidance), AnyCase),
    ("guidance", Role::Context(Guidance), AnyCase),
    ("outlook", Role::Context(Guidance), AnyCase),
    ("anticipates", Role::Context(Guidance), AnyCase),
    ("projects", Role::Context(Guidance), AnyCase),
    ("projected", Role::Context(Guidance), AnyCase),
    ("target of", Role::Context(Guidance), AnyCase),
    ("will be", Role::Context(Guidance), AnyCase),
    ("is forecast", Role::Context(Guidance), AnyCase),
    ("guided", Role::Context(Guidance), AnyCase),
    ("预计", Role::Context(Guidance), AnyCase),
    ("預計", Role::Context(Guidance), AnyCase),
    ("预测", Role::Context(Guidance), AnyCase),
    ("預測", Role::Context(Guidance), AnyCase),
    ("展望", Role::Context(Guidance), AnyCase),
    ("指引", Role::Context(Guidance), AnyCase),
    ("财测", Role::Context(Guidance), AnyCase),
    ("財測", Role::Context(Guidance), AnyCase),
    ("料将", Role::Context(Guidance), AnyCase),
    ("料將", Role::Context(Guidance), AnyCase),
    ("有望", Role::Context(Guidance), AnyCase),
    ("目标为", Role::Context(Guidance), AnyCase),
    ("目標為", Role::Context(Guidance), AnyCase),
    // analysts' estimates
    ("analysts", Role::Context(Estimate), AnyCase),
    ("analyst", Role::Context(Estimate), AnyCase),
    ("analysts'", Role::Context(Estimate), AnyCase),
    ("consensus", Role::Context(Estimate), AnyCase),
    ("estimates", Role::Context(Estimate), AnyCase),
    ("estimate", Role::Context(Estimate), AnyCase),
    ("expectations", Role::Context(Estimate), AnyCase),
    ("Wall Street", Role::Context(Estimate), AnyCase),
    ("FactSet", Role::Context(Estimate), AnyCase),
    ("LSEG", Role::Context(Estimate), Exact),
    ("Refinitiv", Role::Context(Estimate), AnyCase),
    ("分析师", Role::Context(Estimate), AnyCase),
    ("分析師", Role::Context(Estimate), AnyCase),
    ("市场预期", Role::Context(Estimate), AnyCase),
    ("市場預期", Role::Context(Estimate), AnyCase),
    ("预期", Role::Context(Estimate), AnyCase),
    ("預期", Role::Context(Estimate), AnyCase),
    ("预估", Role::Context(Estimate), AnyCase),
    ("預估", Role::Context(Estimate), AnyCase),
    ("一致预期", Role::Context(Estimate), AnyCase),
    // market value
    ("market value", Role::Context(MarketValue), AnyCase),
    ("market cap", Role::Context(MarketValue), AnyCase),
    ("market capitalization", Role::Context(MarketValue), AnyCase),
    ("market capitalisation", Role::Context(MarketValue), AnyCase),
    ("valuation", Role::Context(MarketValue), AnyCase),
    ("valued at", Role::Context(MarketValue), AnyCase),
    ("市值", Role::Context(MarketValue), AnyCase),
    ("估值", Role::Context(MarketValue), AnyCase),
    // share prices
    ("share price", Role::Context(SharePrice), AnyCase),
    ("stock price", Role::Context(SharePrice), AnyCase),
    ("shares rose", Role::Context(SharePrice), AnyCase),
    ("shares fell", Role::Context(SharePrice), AnyCase),
    ("shares closed", Role::Context(SharePrice), AnyCase),
    ("shares jumped", Role::Context(SharePrice), AnyCase),
    ("shares climbed", Role::Context(SharePrice), AnyCase),
    ("shares dropped", Role::Context(SharePrice), AnyCase),
    ("shares gained", Role::Context(SharePrice), AnyCase),
    ("shares were up", Role::Context(SharePrice), AnyCase),
    ("shares were down", Role::Context(SharePrice), AnyCase),
    ("stock rose", Role::Context(SharePrice), AnyCase),
    ("stock fell", Role::Context(SharePrice), AnyCase),
    ("closed at", Role::Context(SharePrice), AnyCase),
    ("traded at", Role::Context(SharePrice), AnyCase),
    ("price target", Role::Context(SharePrice), AnyCase),
    ("target price", Role::Context(SharePrice), AnyCase),
    ("股价", Role::Context(SharePrice), AnyCase),
    ("股價", Role::Context(SharePrice), AnyCase),
    ("收盘价", Role::Context(SharePrice), AnyCase),
    ("收盤價", Role::Context(SharePrice), AnyCase),
    ("收盘报", Role::Context(SharePrice), AnyCase),
    ("收報", Role::Context(SharePrice), AnyCase),
    ("收报", Role::Context(SharePrice), AnyCase),
    ("收于", Role::Context(SharePrice), AnyCase),
    ("收於", Role::Context(SharePrice), AnyCase),
    ("目标价", Role::Context(SharePrice), AnyCase),
    ("目標價", Role::Context(SharePrice), AnyCase),
    // change: which way
    ("up", UP, AnyCase),
    ("rose", UP, AnyCase),
    ("rise", UP, AnyCase),
    ("rising", UP, AnyCase),
    ("grew", UP, AnyCase),
    ("growth", UP, AnyCase),
    ("increased", UP, AnyCase),
    ("increase", UP, AnyCase),
    ("jumped", UP, AnyCase),
    ("climbed", UP, AnyCase),
    ("gained", UP, AnyCase),
    ("surged", UP, AnyCase),
    ("soared", UP, AnyCase),
    ("增长", UP, AnyCase),
    ("增長", UP, AnyCase),
    ("成长", UP, AnyCase),
    ("成長", UP, AnyCase),
    ("增加", UP, AnyCase),
    ("增幅", UP, AnyCase),
    ("上升", UP, AnyCase),
    ("上涨", UP, AnyCase),
    ("上漲", UP, AnyCase),
    ("攀升", UP, AnyCase),
    ("大增", UP, AnyCase),
    ("大升", UP, AnyCase),
    ("提升", UP, AnyCase),
    ("提高", UP, AnyCase),
    ("急升", UP, AnyCase),
    ("飙升", UP, AnyCase),
    ("飆升", UP, AnyCase),
    ("升", UP, AnyCase),
    ("增", UP, AnyCase),
    ("涨", UP, AnyCase),
    ("漲", UP, AnyCase),
    ("多", UP, AnyCase),
    ("跌", DOWN, AnyCase),
    ("降", DOWN, AnyCase),
    ("减", DOWN, AnyCase),
    ("減", DOWN, AnyCase),
    ("少", DOWN, AnyCase),
    ("大跌", DOWN, AnyCase),
    ("down", DOWN, AnyCase),
    ("fell", DOWN, AnyCase),
    ("fall", DOWN, AnyCase),
    ("declined", DOWN, AnyCase),
    ("decline", DOWN, AnyCase),
    ("decreased", DOWN, AnyCase),
    ("decrease", DOWN, AnyCase),
    ("dropped", DOWN, AnyCase),
    ("slid", DOWN, AnyCase),
    ("slumped", DOWN, AnyCase),
    ("下降", DOWN, AnyCase),
    ("下滑", DOWN, AnyCase),
    ("减少", DOWN, AnyCase),
    ("減少", DOWN, AnyCase),
    ("下跌", DOWN, AnyCase),
    ("衰退", DOWN, AnyCase),
    ("减少了", DOWN, AnyCase),
    // not a change: "made up 88% of revenue", "up to 10%"
    ("made up", Role::Change(None, None), AnyCase),
    ("makes up", Role::Change(None, None), AnyCase),
    ("make up", Role::Change(None, None), AnyCase),
    ("up to", Role::Change(None, None), AnyCase),
    ("up from", Role::Change(None, None), AnyCase),
    // change: against what
    ("year-over-year", YEAR, AnyCase),
    ("year over year", YEAR, AnyCase),
    ("year-on-year", YEAR, AnyCase),
    ("yoy", YEAR, AnyCase),
    ("from a year ago", YEAR, AnyCase),
    ("from a year earlier", YEAR, AnyCase),
    ("from the year-ago quarter", YEAR, AnyCase),
    ("同比", YEAR, AnyCase),
    ("按年", YEAR, AnyCase),
    ("较去年同期", YEAR, AnyCase),
    ("較去年同期", YEAR, AnyCase),
    (
        "年增",
        Role::Change(Some(Direction::Up), Some(Basis::YearAgo)),
        AnyCase,
    ),
    (
        "年成长",
        Role::Change(Some(Direction::Up), Some(Basis::YearAgo)),
        AnyCase,
    ),
    (
        "年成長",
        Role::Change(Some(Direction::Up), Some(Basis::YearAgo)),
        AnyCase,
    ),
    (
        "年减",
        Role::Change(Some(Direction::Down), Some(Basis::YearAgo)),
        AnyCase,
    ),
    (
        "年減",
        Role::Change(Some(Direction::Down), Some(Basis::YearAgo)),
        AnyCase,
    ),
    ("quarter-over-quarter", QUARTER, AnyCase),
    ("quarter over quarter", QUARTER, AnyCase),
    ("quarter-on-quarter", QUARTER, AnyCase),
    ("sequentially", QUARTER, AnyCase),
    ("sequential", QUARTER, AnyCase),
    ("from the previous quarter", QUARTER, AnyCase),
    ("from the prior quarter", QUARTER, AnyCase),
    ("环比", QUARTER, AnyCase),
    ("環比", QUARTER, AnyCase),
    ("按季", QUARTER, AnyCase),
    ("较上季", QUARTER, AnyCase),
    ("較上季", QUARTER, AnyCase),
    ("较上一季度", QUARTER, AnyCase),
    ("較上一季", QUARTER, AnyCase),
    (
        "季增",
        Role::Change(Some(Direction::Up), Some(Basis::QuarterAgo)),
        AnyCase,
    ),
    (
        "季減",
        Role::Change(Some(Direction::Down), Some(Basis::QuarterAgo)),
        AnyCase,
    ),
    (
        "季减",
        Role::Change(Some(Direction::Down), Some(Basis::QuarterAgo)),
        AnyCase,
    ),
    // kinds of figure the metric table does not know
    ("减值", Role::Noun, AnyCase),
    ("減值", Role::Noun, AnyCase),
    ("拨备", Role::Noun, AnyCase),
    ("撥備", Role::Noun, AnyCase),
    ("增益", Role::Noun, AnyCase),
    ("亏损", Role::Noun, AnyCase),
    ("虧損", Role::Noun, AnyCase),
    ("开支", Role::Noun, AnyCase),
    ("開支", Role::Noun, AnyCase),
    ("成本", Role::Noun, AnyCase),
    ("费用", Role::Noun, AnyCase),
    ("費用", Role::Noun, AnyCase),
    ("罚款", Role::Noun, AnyCase),
    ("罰款", Role::Noun, AnyCase),
    ("罚金", Role::Noun, AnyCase),
    ("罰金", Role::Noun, AnyCase),
    ("投资", Role::Noun, AnyCase),
    ("投資", Role::Noun, AnyCase),
    ("回购", Role::Noun, AnyCase),
    ("回購", Role::Noun, AnyCase),
    ("订单", Role::Noun, AnyCase),
    ("訂單", Role::Noun, AnyCase),
    ("融资", Role::Noun, AnyCase),
    ("融資", Role::Noun, AnyCase),
    ("贷款", Role::Noun, AnyCase),
    ("貸款", Role::Noun, AnyCase),
    ("债务", Role::Noun, AnyCase),
    ("債務", Role::Noun, AnyCase),
    ("补贴", Role::Noun, AnyCase),
    ("補貼", Role::Noun, AnyCase),
    ("预算", Role::Noun, AnyCase),
    ("預算", Role::Noun, AnyCase),
    ("收购", Role::Noun, AnyCase),
    ("收購", Role::Noun, AnyCase),
    ("出售", Role::Noun, AnyCase),
    ("交易额", Role::Noun, AnyCase),
    ("交易額", Role::Noun, AnyCase),
    ("储备", Role::Noun, AnyCase),
    ("儲備", Role::Noun, AnyCase),
    ("薪酬", Role::Noun, AnyCase),
    ("捐款", Role::Noun, AnyCase),
    ("支出", Role::Noun, AnyCase),
    ("拨款", Role::Noun, AnyCase),
    ("撥款", Role::Noun, AnyCase),
    ("资本开支", Role::Noun, AnyCase),
    ("資本開支", Role::Noun, AnyCase),
    ("资助", Role::Noun, AnyCase),
    ("資助", Role::Noun, AnyCase),
    ("赔偿", Role::Noun, AnyCase),
    ("賠償", Role::Noun, AnyCase),
    ("和解", Role::Noun, AnyCase),
    ("impairment", Role::Noun, AnyCase),
    ("impairments", Role::Noun, AnyCase),
    ("charge", Role::Noun, AnyCase),
    ("charges", Role::Noun, AnyCase),
    ("gain", Role::Noun, AnyCase),
    ("gains", Role::Noun, AnyCase),
    ("loss", Role::Noun, AnyCase),
    ("losses", Role::Noun, AnyCase),
    ("fine", Role::Noun, AnyCase),
    ("penalty", Role::Noun, AnyCase),
    ("buyback", Role::Noun, AnyCase),
    ("buybacks", Role::Noun, AnyCase),
    ("investment", Role::Noun, AnyCase),
    ("investments", Role::Noun, AnyCase),
    ("acquisition", Role::Noun, AnyCase),
    ("deal", Role::Noun, AnyCase),
    ("contract", Role::Noun, AnyCase),
    ("order", Role::Noun, AnyCase),
    ("orders", Role::Noun, AnyCase),
    ("backlog", Role::Noun, AnyCase),
    ("bookings", Role::Noun, AnyCase),
    ("debt", Role::Noun, AnyCase),
    ("loan", Role::Noun, AnyCase),
    ("loans", Role::Noun, AnyCase),
    ("bond", Role::Noun, AnyCase),
    ("bonds", Role::Noun, AnyCase),
    ("budget", Role::Noun, AnyCase),
    ("spending", Role::Noun, AnyCase),
    ("cost", Role::Noun, AnyCase),
    ("costs", Role::Noun, AnyCase),
    ("settlement", Role::Noun, AnyCase),
    ("compensation", Role::Noun, AnyCase),
    ("grant", Role::Noun, AnyCase),
    ("subsidy", Role::Noun, AnyCase),
    ("subsidies", Role::Noun, AnyCase),
    ("funding", Role::Noun, AnyCase),
    // the whole company
    ("total", Role::Whole, AnyCase),
    ("overall", Role::Whole, AnyCase),
    ("consolidated", Role::Whole, AnyCase),
    ("总营收", Role::Whole, AnyCase),
    ("總營收", Role::Whole, AnyCase),
    ("总收入", Role::Whole, AnyCase),
    ("總收入", Role::Whole, AnyCase),
    ("整体", Role::Whole, AnyCase),
    ("整體", Role::Whole, AnyCase),
    ("集团", Role::Whole, AnyCase),
    ("集團", Role::Whole, AnyCase),
    // the actual figure
    ("实际", Role::Reported, AnyCase),
    ("實際", Role::Reported, AnyCase),
    ("actual", Role::Reported, AnyCase),
    ("reported", Role::Reported, AnyCase),
];

/// One context word found in a text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) role: Role,
}

fn automaton() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(WORDS.iter().map(|w| w.0))
            .expect("context words build an automaton")
    })
}

/// Every context word of `text`, in order.
pub(super) fn find(text: &str) -> Vec<Found> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for m in automaton().find_iter(text) {
        let (word, role, written) = WORDS[m.pattern().as_usize()];
        let (i, j) = (m.start(), m.end());
        if word.is_ascii() {
            let before = i.checked_sub(1).map(|k| b[k]);
            let after = b.get(j).copied();
            if before.is_some_and(|c| c.is_ascii_alphanumeric())
                || after.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
        }
        if written == Exact && !text[i..j].starts_with(word) {
            continue;
        }
        out.push(Found {
            start: i,
            end: j,
            role,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Role)> {
        find(text)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.role))
            .collect()
    }

    #[test]
    fn words_on_boundaries_and_in_their_case() {
        assert_eq!(
            kinds("Data center revenue; macro; Mac sales; the mac; iPhone"),
            vec![
                ("Data center".into(), Role::Context(Segment)),
                ("Mac".into(), Role::Context(Segment)),
                ("iPhone".into(), Role::Context(Segment)),
            ]
        );
        assert_eq!(
            kinds("英伟达数据中心营收。市值3万亿美元,股價"),
            vec![
                ("数据中心".into(), Role::Context(Segment)),
                ("市值".into(), Role::Context(MarketValue)),
                ("股價".into(), Role::Context(SharePrice)),
            ]
        );
        assert_eq!(kinds("unexpected"), vec![]);
    }
}
