//! Whole articles, written for these tests in English, simplified and
//! traditional Chinese, checked against a companyfacts-shaped fixture of
//! NVIDIA's real filings (`tests/data/companyfacts/nvidia-results.json`:
//! fiscal 2025 Q3 with its comparatives) with no `--aliases`: the company
//! by its built-in names (NVIDIA, Nvidia, 英伟达, 輝達, NVDA), metrics by
//! their built-in phrasings, fiscal periods by NVIDIA's calendar (the year
//! ends on the last Sunday of January). Every verdict is asserted.

use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy, Report, Verdict};

const NVIDIA: &str = include_str!("../data/companyfacts/nvidia-results.json");

fn checker() -> Checker {
    let (l, errors) = Ledger::from_companyfacts_partial(NVIDIA, "nvidia-results.json")
        .expect("the fixture loads");
    assert!(errors.is_empty(), "{errors:?}");
    Checker::new(
        Extractor::new(),
        l,
        Aliases::default(),
        FxRates::default(),
        Policy::default(),
    )
}

use Verdict::{Consistent as C, Contradicted as X, Unverifiable as U};

/// Checks `text` of `date` and compares each claim's (text, verdict) with
/// `want`; for unverifiable claims, the reason must contain the given words.
fn expect(text: &str, date: &str, want: &[(&str, Verdict, &str)]) -> Report {
    let r = checker().check("a", text, date.parse().ok());
    let got: Vec<(String, Verdict, String)> = r
        .claims
        .iter()
        .map(|c| (c.mention.text.clone(), c.verdict, c.reason.clone()))
        .collect();
    assert_eq!(
        got.len(),
        want.len(),
        "claims found: {:#?}",
        got.iter().map(|g| (&g.0, g.1)).collect::<Vec<_>>()
    );
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1), (w.0, w.1), "{}: {}", g.0, g.2);
        assert!(
            g.2.contains(w.2),
            "{}: reason {:?} lacks {:?}",
            g.0,
            g.2,
            w.2
        );
    }
    r
}

#[test]
fn a_results_story_in_english() {
    let text = "NVIDIA reported revenue of $35.1 billion for the third quarter of fiscal 2025, up 94% from a year ago and up 17% from the previous quarter. \
Net income was $19.3 billion, and earnings per diluted share were $0.78. \
Gross margin was 74.6%, and operating income rose to $21.9 billion. \
Research and development expenses were $3.39 billion. \
For the first nine months of fiscal 2025, operating cash flow was $47.5 billion and free cash flow was $45.3 billion. \
Cash and cash equivalents stood at $9.1 billion at the end of the quarter.";
    let r = expect(
        text,
        "2024-11-21",
        &[
            ("$35.1 billion", C, "revenue"),
            ("94%", C, "year over year"),
            ("17%", C, "quarter over quarter"),
            ("$19.3 billion", C, "net income"),
            ("$0.78", C, "diluted earnings per share"),
            (
                "74.6%",
                C,
                "gross margin = gross profit / revenue = 26156000000 / 35082000000",
            ),
            ("$21.9 billion", C, "operating income"),
            ("$3.39 billion", C, "research and development"),
            ("$47.5 billion", C, "nine months"),
            (
                "$45.3 billion",
                C,
                "free cash flow = operating cash flow − capital expenditures = 47460000000 − 2159000000",
            ),
            ("$9.1 billion", C, "2024-10-27"),
        ],
    );
    // the period named once carries over to the sentences after it
    let carried = &r.claims[3].evidence.period;
    assert_eq!(
        carried.as_ref().and_then(|p| p.text.as_deref()),
        Some("third quarter of fiscal 2025")
    );
}

#[test]
fn a_results_story_in_simplified_chinese() {
    let text = "英伟达2025财年第三季度营收为351亿美元,同比增长94%,环比增长17%。\
该季度净利润为193亿美元,摊薄每股收益0.78美元,毛利率为74.6%。\
前三季度营收达到912亿美元。";
    expect(
        text,
        "2024-11-21",
        &[
            ("351亿美元", C, "2024-07-29 to 2024-10-27"),
            ("94%", C, "year over year"),
            ("17%", C, "quarter over quarter"),
            (
                "193亿美元",
                C,
                "\"净利润\" does not say which of net income or net income including non-controlling interests it is",
            ),
            ("0.78美元", C, "diluted earnings per share"),
            ("74.6%", C, "gross margin"),
            ("912亿美元", C, "nine months"),
        ],
    );
}

#[test]
fn a_story_with_guidance_and_segments_in_traditional_chinese() {
    let text = "輝達(NVDA)公布2025財年第三季財報,營收351億美元,年增94%。\
其中資料中心營收達308億美元。\
輝達預計第四季營收將達375億美元,高於分析師預估的371億美元。\
輝達股價收於146美元,市值約3.6兆美元。";
    expect(
        text,
        "2024-11-21",
        &[
            ("351億美元", C, "revenue"),
            ("94%", C, "year over year"),
            ("308億美元", U, "segment"),
            ("375億美元", U, "guidance"),
            ("371億美元", U, "estimate"),
            ("146美元", U, "share price"),
            ("約3.6兆美元", U, "market value"),
        ],
    );
}

#[test]
fn a_story_with_guidance_and_segments_in_english() {
    let text = "Nvidia's revenue for the third quarter of fiscal 2025 was $35.08 billion. \
In the data center segment, revenue was a record $30.8 billion. \
Gaming revenue was $3.3 billion. \
For the fourth quarter, Nvidia expects revenue of $37.5 billion, plus or minus 2%. \
Analysts had expected $33.2 billion for the third quarter. \
Nvidia shares fell 2.5% to $142.50 in extended trading, giving the company a market value of about $3.5 trillion.";
    expect(
        text,
        "2024-11-21",
        &[
            ("$35.08 billion", C, "revenue"),
            ("$30.8 billion", U, "segment"),
            ("$3.3 billion", U, "segment"),
            ("$37.5 billion", U, "guidance"),
            ("2%", U, ""),
            ("$33.2 billion", U, "estimate"),
            ("2.5%", U, "share price"),
            ("$142.50", U, "share price"),
            ("about $3.5 trillion", U, "market value"),
        ],
    );
}

#[test]
fn a_wrong_figure_and_a_scale_slip_in_simplified_chinese() {
    // net income 19.3 billion written as 193万 (万 for 亿), EPS digits
    // swapped, revenue growth overstated
    let text = "英伟达公布2025财年第三财季业绩:营收351亿美元,同比增长112%;净利润193万美元;摊薄每股收益0.87美元。";
    let r = expect(
        text,
        "2024-11-21",
        &[
            ("351亿美元", C, "revenue"),
            ("112%", X, "year over year"),
            ("193万美元", X, ""),
            ("0.87美元", X, ""),
        ],
    );
    let slip = &r.claims[2];
    assert!(
        slip.diagnosis
            .as_deref()
            .is_some_and(|d| d.contains("亿") || d.contains("scale")),
        "{:?}",
        slip.diagnosis
    );
}

#[test]
fn a_wrong_figure_and_a_scale_slip_in_traditional_chinese() {
    // 1,930億 is ten times net income; operating income wrong
    let text = "輝達2025財年第三季營收351億美元,稅後純益1,930億美元,營業利益250億美元。";
    let r = expect(
        text,
        "2024-11-21",
        &[
            ("351億美元", C, "revenue"),
            ("1,930億美元", X, ""),
            ("250億美元", X, "operating income"),
        ],
    );
    assert!(r.claims[1].diagnosis.is_some(), "{}", r.claims[1].reason);
}

/// What trying real articles against NVIDIA's and Apple's full companyfacts
/// files turned up, as regressions: a change is of the figure named before
/// it, not the next one; a carried period keeps its span (the quarter, not
/// the bare date that follows it); "the full fiscal year" is a year; a
/// segment's growth is the segment's.
#[test]
fn lessons_from_real_articles() {
    expect(
        "英伟达2025财年第三季度营收351亿美元,同比增长94%;净利润193亿美元。",
        "2024-11-21",
        &[
            ("351亿美元", C, "revenue"),
            ("94%", C, "growth of revenue"),
            ("193亿美元", C, "net income"),
        ],
    );
    expect(
        "NVIDIA announced results for its fiscal 2025 third quarter ended October 27, 2024. Net income was $50.8 billion.",
        "2024-11-21",
        &[("$50.8 billion", X, "")],
    );
    expect(
        "NVIDIA reported results for its fiscal 2025 fourth quarter ended January 26, 2025. Revenue was $39.3 billion. For the full fiscal year, revenue was $130.5 billion.",
        "2025-02-27",
        &[
            ("$39.3 billion", C, "fourth quarter = year"),
            ("$130.5 billion", C, "(year, FY2025)"),
        ],
    );
    expect(
        "NVIDIA's fiscal 2025 third-quarter data center revenue was $30.8 billion, up 17% from the previous quarter and up 112% from a year ago.",
        "2024-11-21",
        &[
            ("$30.8 billion", U, "segment"),
            ("17%", U, "segment"),
            ("112%", U, "segment"),
        ],
    );
}

/// Percentage points are a ratio's change ("毛利率…同比上升0.6个百分点"),
/// checked against the ratio a year (or a quarter) before; without a word
/// of change they are not checked.
#[test]
fn percentage_points_are_a_change_of_a_ratio() {
    expect(
        "英伟达2025财年第三季度毛利率为74.6%,同比上升0.6个百分点,环比下降0.6个百分点。",
        "2024-11-21",
        &[
            ("74.6%", C, "gross margin"),
            ("0.6个百分点", C, "change of gross margin year over year"),
            (
                "0.6个百分点",
                C,
                "change of gross margin quarter over quarter",
            ),
        ],
    );
    expect(
        "英伟达2025财年第三季度毛利率为74.6%,同比上升5个百分点。",
        "2024-11-21",
        &[("74.6%", C, "gross margin"), ("5个百分点", X, "")],
    );
    expect(
        "英伟达2025财年第三季度毛利率为74.6%,高出同行20个百分点。",
        "2024-11-21",
        &[("74.6%", C, "gross margin"), ("20个百分点", U, "")],
    );
}

/// "the third quarter ended October 27, 2024": the date with the
/// quarter's span, carried over (not calendar Q3, which for NVIDIA ends
/// in its fiscal Q2); and results announced a few days before the 10-Q
/// that files them are the latest quarter of an article of those days.
#[test]
fn a_quarter_ended_on_a_date_and_the_filing_lag() {
    expect(
        "NVIDIA reported revenue for the third quarter ended October 27, 2024, of $35.1 billion. Net income was $19.3 billion. Net income for the nine months was $50.8 billion.",
        "2024-11-20",
        &[
            ("$35.1 billion", C, "revenue"),
            ("$19.3 billion", C, "(quarter, FY2025 Q3)"),
            ("$50.8 billion", C, "(nine months, FY2025 9M)"),
        ],
    );
    // the 10-Q was filed on 2024-11-20: an article of 2024-11-15 may quote it
    expect(
        "英伟达本季营收351亿美元。",
        "2024-11-15",
        &[("351亿美元", C, "after the article date")],
    );
}

/// A contradiction says the rule the claim was held to and the values it
/// allowed, beside the ledger's.
#[test]
fn a_contradiction_states_its_rule_and_interval() {
    expect(
        "英伟达2025财年第三季度营收361亿美元。",
        "2024-11-21",
        &[(
            "361亿美元",
            X,
            "beyond tolerance: an exact figure written to the nearest 100000000 allows ±50000000: 36050000000 to 36150000000; the ledger is 35082000000",
        )],
    );
    expect(
        "英伟达2025财年第三季度营收远低于400亿美元。",
        "2024-11-21",
        &[(
            "远低于400亿美元",
            X,
            "a strong upper bound (\"well under\") asks for at least 20% less: 32000000000 or less; the ledger is 35082000000",
        )],
    );
}
