//! Fiscal periods in text resolved with each company's own fiscal calendar
//! (issue 10): years ending in January (NVIDIA), June (Microsoft, a CSV
//! ledger of its real figures), September (Apple) and December
//! (Alphabet); quarters, halves, nine months and years written in
//! English, simplified and traditional Chinese, with and without the
//! year; relative quarters (上季, 本季, 当季, "last quarter"); a quarter
//! never checked against a nine-month or full-year row, nor the reverse.
//! No `--aliases`: companies by their built-in names.

use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy, Verdict};

fn checker(l: Ledger) -> Checker {
    Checker::new(
        Extractor::new(),
        l,
        Aliases::default(),
        FxRates::default(),
        Policy::default(),
    )
}

fn companyfacts(text: &str, name: &str) -> Checker {
    let (l, errors) = Ledger::from_companyfacts_partial(text, name).expect("fixture loads");
    assert!(errors.is_empty(), "{errors:?}");
    checker(l)
}

fn nvidia_results() -> Checker {
    companyfacts(
        include_str!("../data/companyfacts/nvidia-results.json"),
        "nvidia-results.json",
    )
}

/// Microsoft's fiscal year ends on June 30: real figures of its 10-K for
/// fiscal 2024 and its 10-Q for the first quarter of fiscal 2025 (USD
/// millions), typed in.
fn microsoft() -> Checker {
    let csv = "entity,metric,start,period,value,unit,scale,source\n\
Microsoft Corporation,revenue,2022-07-01,2023-06-30,211915,USD,million,10-K FY2023\n\
Microsoft Corporation,revenue,2023-07-01,2024-06-30,245122,USD,million,10-K FY2024\n\
Microsoft Corporation,revenue,2023-07-01,2023-09-30,56517,USD,million,10-Q FY2024 Q1\n\
Microsoft Corporation,revenue,2024-07-01,2024-09-30,65585,USD,million,10-Q FY2025 Q1\n";
    checker(Ledger::from_csv(csv, "microsoft.csv").expect("ledger loads"))
}

/// Each text's one claim has verdict `want`, compared with a row of `span`
/// ("start to end") when given.
fn each(c: &Checker, date: &str, cases: &[(&str, Verdict, Option<&str>)]) {
    for (text, want, span) in cases {
        let r = c.check("p", text, date.parse().ok());
        assert_eq!(r.claims.len(), 1, "{text}");
        let claim = &r.claims[0];
        assert_eq!(claim.verdict, *want, "{text}: {}", claim.reason);
        if let Some(span) = span {
            let l = claim.ledger.as_ref().expect("a ledger row");
            let got = format!(
                "{} to {}",
                l.start.map(|d| d.to_string()).unwrap_or_default(),
                l.period
            );
            assert_eq!(&got, span, "{text}: {}", claim.reason);
        }
    }
}

const Q3_FY25: Option<&str> = Some("2024-07-29 to 2024-10-27");
const NINE_FY25: Option<&str> = Some("2024-01-29 to 2024-10-27");
const FY25: Option<&str> = Some("2024-01-29 to 2025-01-26");

#[test]
fn a_january_year_end() {
    use Verdict::*;
    let c = nvidia_results();
    // written with the year
    each(
        &c,
        "2024-11-21",
        &[
            (
                "NVIDIA's fiscal 2025 third quarter revenue was $35.1 billion.",
                Consistent,
                Q3_FY25,
            ),
            (
                "Nvidia's Q3 FY25 revenue was $35.1 billion.",
                Consistent,
                Q3_FY25,
            ),
            ("英伟达2025财年第三季度营收351亿美元。", Consistent, Q3_FY25),
            ("輝達2025財年第三季營收351億美元。", Consistent, Q3_FY25),
            (
                "Nvidia's revenue for the first nine months of fiscal 2025 was $91.2 billion.",
                Consistent,
                NINE_FY25,
            ),
            (
                "英伟达2025财年前三季度营收912亿美元。",
                Consistent,
                NINE_FY25,
            ),
            (
                "Nvidia's net income for the nine months of fiscal 2025 was $50.8 billion.",
                Consistent,
                NINE_FY25,
            ),
        ],
    );
    // no year: the latest reported by the article date
    each(
        &c,
        "2024-11-21",
        &[
            ("英伟达第三财季营收351亿美元。", Consistent, Q3_FY25),
            ("英伟达第三季度营收351亿美元。", Consistent, Q3_FY25),
            ("英伟达前三季度营收912亿美元。", Consistent, NINE_FY25),
            (
                "Nvidia reported fiscal third-quarter revenue of $35.1 billion.",
                Consistent,
                Q3_FY25,
            ),
            // relative quarters: the latest quarter reported
            ("單計上季,輝達營收351億美元。", Consistent, Q3_FY25),
            ("英伟达本季营收351亿美元。", Consistent, Q3_FY25),
            ("英伟达当季营收351亿美元。", Consistent, Q3_FY25),
            (
                "Nvidia's revenue last quarter was $35.1 billion.",
                Consistent,
                Q3_FY25,
            ),
        ],
    );
    // a quarter is never checked against nine months or a year, nor the reverse
    each(
        &c,
        "2024-11-21",
        &[
            (
                "英伟达2025财年第三季度营收912亿美元。",
                Contradicted,
                Q3_FY25,
            ),
            ("单计上季,英伟达营收912亿美元。", Contradicted, Q3_FY25),
            (
                "英伟达2025财年前三季度营收351亿美元。",
                Contradicted,
                NINE_FY25,
            ),
        ],
    );
    // the full year, after it was reported
    each(
        &c,
        "2025-03-01",
        &[
            (
                "Nvidia's fiscal 2025 revenue was $130.5 billion.",
                Consistent,
                FY25,
            ),
            ("英伟达2025财年营收1305亿美元。", Consistent, FY25),
            ("輝達FY2025全年營收1,305億美元。", Consistent, FY25),
            (
                "Nvidia's full-year fiscal 2025 revenue was $35.1 billion.",
                Contradicted,
                FY25,
            ),
        ],
    );
}

#[test]
fn a_january_year_end_halves() {
    use Verdict::*;
    let c = companyfacts(
        include_str!("../data/companyfacts/nvidia.json"),
        "nvidia.json",
    );
    let h1 = Some("2024-01-29 to 2024-07-28");
    each(
        &c,
        "2024-09-01",
        &[
            (
                "Nvidia's revenue for the first half of fiscal 2025 was $56.1 billion.",
                Consistent,
                h1,
            ),
            (
                "Nvidia's H1 FY25 revenue was $56.1 billion.",
                Consistent,
                h1,
            ),
            ("英伟达2025财年上半年营收561亿美元。", Consistent, h1),
            ("英伟达上半财年营收561亿美元。", Consistent, h1),
        ],
    );
}

#[test]
fn a_june_year_end() {
    use Verdict::*;
    let c = microsoft();
    let q1 = Some("2024-07-01 to 2024-09-30");
    let fy24 = Some("2023-07-01 to 2024-06-30");
    each(
        &c,
        "2024-10-31",
        &[
            (
                "Microsoft's fiscal 2025 first-quarter revenue was $65.6 billion.",
                Consistent,
                q1,
            ),
            (
                "Microsoft's first quarter of fiscal 2025 revenue was $65.6 billion.",
                Consistent,
                q1,
            ),
            ("微软2025财年第一财季营收656亿美元。", Consistent, q1),
            ("微軟第一財季營收656億美元。", Consistent, q1),
            // calendar Q1 2025 is not Microsoft's fiscal Q1
            (
                "Microsoft's fiscal 2025 first-quarter revenue was $56.5 billion.",
                Contradicted,
                q1,
            ),
            (
                "Microsoft's fiscal 2024 revenue was $245.1 billion.",
                Consistent,
                fy24,
            ),
            ("微软2024财年营收2451亿美元。", Consistent, fy24),
            (
                "Microsoft's revenue for the first quarter of fiscal 2025 rose 16% year over year.",
                Consistent,
                q1,
            ),
            ("微软2025财年第一财季营收同比增长16%。", Consistent, q1),
        ],
    );
}

#[test]
fn a_september_year_end() {
    use Verdict::*;
    let c = companyfacts(
        include_str!("../data/companyfacts/apple.json"),
        "apple.json",
    );
    let q3 = Some("2017-04-02 to 2017-07-01");
    let nine = Some("2016-09-25 to 2017-07-01");
    each(
        &c,
        "2017-08-02",
        &[
            (
                "Apple's fiscal 2017 third quarter revenue was US$45.4 billion.",
                Consistent,
                q3,
            ),
            ("苹果2017财年第三财季营收454亿美元。", Consistent, q3),
            ("蘋果第三季營收454億美元。", Consistent, q3),
            ("苹果2017财年前三季度营收1767亿美元。", Consistent, nine),
            (
                "Apple's revenue for the first nine months of fiscal 2017 was US$176.7 billion.",
                Consistent,
                nine,
            ),
            (
                "Apple's fiscal third-quarter revenue rose 7% from a year ago.",
                Consistent,
                q3,
            ),
        ],
    );
}

#[test]
fn a_december_year_end() {
    use Verdict::*;
    let c = companyfacts(
        include_str!("../data/companyfacts/calendar-year.json"),
        "calendar-year.json",
    );
    let q3 = Some("2025-07-01 to 2025-09-30");
    let nine = Some("2025-01-01 to 2025-09-30");
    let h1 = Some("2025-01-01 to 2025-06-30");
    each(
        &c,
        "2025-11-15",
        &[
            (
                "Alphabet's third-quarter 2025 revenue was $102.3 billion.",
                Consistent,
                q3,
            ),
            ("谷歌第三季度营收1023亿美元。", Consistent, q3),
            ("Google's Q3 revenue rose 6% sequentially.", Consistent, q3),
            ("谷歌第三季度营收环比增长6.1%。", Consistent, q3),
            (
                "Google's Q3 revenue rose 16% sequentially.",
                Contradicted,
                q3,
            ),
            ("谷歌前三季度营收2890亿美元。", Consistent, nine),
            ("谷歌上半年营收1867亿美元。", Consistent, h1),
            ("谷歌2025年上半年营收1867亿美元。", Consistent, h1),
            ("谷歌第三季度营收2890亿美元。", Contradicted, q3),
        ],
    );
}

/// A period named once carries over to the following sentences about the
/// same company, not to another company's.
#[test]
fn a_period_carries_over_to_the_same_company_only() {
    let c = nvidia_results();
    let r = c.check(
        "p",
        "NVIDIA reported results for the third quarter of fiscal 2025. Revenue was $35.1 billion. Apple did not comment. Its revenue was $94.9 billion.",
        "2024-11-21".parse().ok(),
    );
    assert_eq!(
        r.claims[0].verdict,
        Verdict::Consistent,
        "{}",
        r.claims[0].reason
    );
    let p = r.claims[0].evidence.period.as_ref().expect("carried");
    assert_eq!(p.text.as_deref(), Some("third quarter of fiscal 2025"));
    // Apple is named between: its claim neither takes NVIDIA's period nor NVIDIA
    assert_eq!(r.claims[1].entity.as_deref(), Some("Apple"));
    assert!(r.claims[1].evidence.period.is_none());
    assert_eq!(r.claims[1].verdict, Verdict::Unverifiable);
}
