//! Linking with the built-in tables (issue 10): metric phrasings in three
//! scripts, filers' names without their suffixes, claims linked only to
//! metrics of their kind, metrics beyond another figure not taken, and
//! figures a thousand times off a row refused. No `--aliases` anywhere.

use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy, Report, Verdict};

fn checker(ledger: Ledger) -> Checker {
    Checker::new(
        Extractor::new(),
        ledger,
        Aliases::default(),
        FxRates::default(),
        Policy::default(),
    )
}

fn csv(rows: &str) -> Checker {
    let text = format!("entity,metric,start,period,value,unit,scale\n{rows}");
    checker(Ledger::from_csv(&text, "l.csv").expect("ledger loads"))
}

/// (text, verdict, metric linked, reason) of every claim.
fn table(r: &Report) -> Vec<(String, Verdict, Option<String>, String)> {
    r.claims
        .iter()
        .map(|c| {
            (
                c.mention.text.clone(),
                c.verdict,
                c.metric.clone(),
                c.reason.clone(),
            )
        })
        .collect()
}

#[test]
fn filers_names_and_built_in_phrasings_link_without_aliases() {
    let (l, errors) = Ledger::from_companyfacts_partial(
        include_str!("../data/companyfacts/apple.json"),
        "apple.json",
    )
    .expect("companyfacts");
    assert!(errors.is_empty(), "{errors:?}");
    let c = checker(l);
    let text = "Apple Inc. today announced financial results for its fiscal 2017 third quarter ended July 1, 2017. The Company posted quarterly revenues of US$45.4 billion and quarterly earnings per diluted share of US$1.67.";
    let r = c.check("a", text, "2017-08-02".parse().ok());
    let t = table(&r);
    assert_eq!(t.len(), 2, "{t:#?}");
    assert_eq!(t[0].1, Verdict::Consistent, "{t:#?}");
    assert_eq!(t[0].2.as_deref(), Some("revenue"));
    assert_eq!(t[1].1, Verdict::Consistent, "{t:#?}");
    assert_eq!(t[1].2.as_deref(), Some("diluted earnings per share"));
    // "apple" in lower case is fruit, not the filer
    let r = c.check("b", "apple revenues were US$45.4 billion.", None);
    assert!(r.claims[0].entity.is_none(), "{:?}", r.claims[0]);
}

#[test]
fn chinese_phrasings_in_both_scripts() {
    let c = csv("NVIDIA,revenue,2025-07-28,2025-10-26,57006000000,USD,\n\
         NVIDIA,net income,2025-07-28,2025-10-26,31910000000,USD,\n");
    for text in [
        "NVIDIA第三财季营收570.06亿美元，净利润319.1亿美元。",
        "NVIDIA第三財季營收570.06億美元，淨利319.1億美元。",
    ] {
        let r = c.check("zh", text, "2025-11-20".parse().ok());
        let t = table(&r);
        let metrics: Vec<Option<&str>> = t.iter().map(|x| x.2.as_deref()).collect();
        // bare 净利润 / 淨利: net profit, compared with net income (and net
        // income including minority interests), saying so
        assert_eq!(
            metrics,
            [Some("revenue"), Some("net profit")],
            "{text}: {t:#?}"
        );
    }
}

#[test]
fn an_amount_never_links_to_a_per_share_metric() {
    // newcomer finding: "最多达20亿美元" linked to the dividend per share
    // (0.1 USD) and came out consistent
    let c = csv(
        "Maybank,dividends declared per share,2025-01-01,2025-06-30,0.1,USD,\n\
         Maybank,share repurchases,2025-01-01,2025-06-30,2,USD,billion\n",
    );
    let r = c.check(
        "d",
        "Maybank宣布派发第二次股息每股0.1美元,并拟展开最多达20亿美元的回购。",
        "2025-08-30".parse().ok(),
    );
    let t = table(&r);
    assert_eq!(t[0].2.as_deref(), Some("dividends declared per share"));
    assert_eq!(t[0].1, Verdict::Consistent, "{t:#?}");
    let buyback = t
        .iter()
        .find(|x| x.0.contains("20亿"))
        .expect("the buyback");
    assert_ne!(
        buyback.2.as_deref(),
        Some("dividends declared per share"),
        "{t:#?}"
    );
}

#[test]
fn a_metric_beyond_another_figure_is_not_taken() {
    // newcomer finding: "减值21亿美元" (no metric in its clause) linked to
    // the profit before tax of another clause: a false contradiction
    let c = csv("HSBC,income before income taxes,2024-01-01,2024-12-31,32.3,USD,billion\n");
    let r = c.check(
        "d",
        "HSBC全年税前利润323亿美元，减值21亿美元，暂计增益15亿美元。",
        "2025-02-20".parse().ok(),
    );
    let t = table(&r);
    assert_eq!(t[0].1, Verdict::Consistent, "{t:#?}");
    for x in &t[1..] {
        assert_eq!(x.1, Verdict::Unverifiable, "{t:#?}");
        assert!(x.2.is_none(), "{t:#?}");
    }
    // a comparison carries the metric over the figure it compares with
    let c = csv("Acme,revenue,2024-01-01,2024-12-31,30,USD,billion\n\
         Acme,revenue,2023-01-01,2023-12-31,26,USD,billion\n");
    let r = c.check(
        "d",
        "Acme's 2024 revenue was $30 billion, compared with $26 billion in 2023.",
        "2025-02-20".parse().ok(),
    );
    let v: Vec<Verdict> = r.claims.iter().map(|c| c.verdict).collect();
    assert_eq!(
        v,
        [Verdict::Consistent, Verdict::Consistent],
        "{:#?}",
        table(&r)
    );
}

#[test]
fn a_figure_a_thousand_times_off_is_another_metric() {
    let c = csv("Acme,revenue,2024-01-01,2024-12-31,30,USD,billion\n");
    // a bound that holds only by the distance
    let r = c.check(
        "d",
        "Acme's 2024 revenue was under $50 trillion.",
        "2025-02-20".parse().ok(),
    );
    assert_eq!(r.claims[0].verdict, Verdict::Unverifiable);
    assert!(
        r.claims[0].reason.starts_with("probably another metric"),
        "{}",
        r.claims[0].reason
    );
    // an exact figure with a scale slip stays contradicted
    let r = c.check(
        "d",
        "Acme's 2024 revenue was $30 trillion.",
        "2025-02-20".parse().ok(),
    );
    assert_eq!(
        r.claims[0].verdict,
        Verdict::Contradicted,
        "{}",
        r.claims[0].reason
    );
}

#[test]
fn fiscal_quarters_written_with_and_without_their_year() {
    let (l, errors) = Ledger::from_companyfacts_partial(
        include_str!("../data/companyfacts/nvidia.json"),
        "nvidia.json",
    )
    .expect("companyfacts");
    assert!(errors.is_empty(), "{errors:?}");
    let c = checker(l);
    for text in [
        "NVIDIA's revenue for the third quarter of fiscal 2025 was $35.1 billion.",
        "NVIDIA's Q3 FY25 revenue was $35.1 billion.",
        "NVIDIA reported fiscal third quarter revenue of $35.1 billion.",
        "NVIDIA第三财季营收351亿美元。",
        "NVIDIA第三財季營收351億美元。",
    ] {
        let r = c.check("q", text, "2024-11-21".parse().ok());
        let claim = &r.claims[0];
        assert_eq!(
            claim.verdict,
            Verdict::Consistent,
            "{text}: {}",
            claim.reason
        );
        let l = claim.ledger.as_ref().expect("a row");
        assert_eq!(
            l.start.map(|d| d.to_string()).as_deref(),
            Some("2024-07-29"),
            "{text}"
        );
    }
    // no third quarter reported yet by the article date: refused
    let r = c.check(
        "q",
        "NVIDIA第三财季营收351亿美元。",
        "2020-05-01".parse().ok(),
    );
    assert_eq!(
        r.claims[0].verdict,
        Verdict::Unverifiable,
        "{}",
        r.claims[0].reason
    );
}

/// The built-in company table: the names news uses link to the ledger's
/// filer by CIK (英伟达, 輝達, Nvidia, NVDA for "NVIDIA CORP"); tickers
/// only in their own case; Latin names on word boundaries; a company the
/// ledger does not hold is named as such, not taken for the last one the
/// ledger knows.
#[test]
fn company_names_from_the_built_in_table() {
    let (l, errors) = Ledger::from_companyfacts_partial(
        include_str!("../data/companyfacts/nvidia-results.json"),
        "nvidia-results.json",
    )
    .expect("companyfacts");
    assert!(errors.is_empty(), "{errors:?}");
    let c = checker(l);
    let entity = |text: &str| {
        let r = c.check("c", text, "2024-11-21".parse().ok());
        (
            r.claims[0].entity.clone(),
            r.claims[0].evidence.entity.as_ref().map(|e| e.text.clone()),
            r.claims[0].verdict,
        )
    };
    for (text, words) in [
        ("英伟达第三财季营收351亿美元。", "英伟达"),
        ("輝達第三財季營收351億美元。", "輝達"),
        ("英偉達第三財季收入351億美元。", "英偉達"),
        (
            "Nvidia's fiscal third-quarter revenue was $35.1 billion.",
            "Nvidia",
        ),
        (
            "NVDA fiscal third-quarter revenue was $35.1 billion.",
            "NVDA",
        ),
    ] {
        assert_eq!(
            entity(text),
            (
                Some("NVIDIA CORP".to_string()),
                Some(words.to_string()),
                Verdict::Consistent
            ),
            "{text}"
        );
    }
    // a ticker in another case is not the ticker; a word is not a name in it
    assert_eq!(
        entity("nvda fiscal third-quarter revenue was $35.1 billion.").0,
        None
    );
    // a company the ledger does not hold: that company, unverifiable
    let (e, _, v) =
        entity("NVIDIA's revenue rose. Apple's fiscal third-quarter revenue was $94.9 billion.");
    assert_eq!((e.as_deref(), v), (Some("Apple"), Verdict::Unverifiable));
    // "Arm" is a name, "farm" is not
    let csv =
        "entity,metric,period,value,unit\nArm Holdings plc,revenue,2024-12-31,983000000,USD\n";
    let c = checker(Ledger::from_csv(csv, "arm.csv").expect("loads"));
    let r = c.check("a", "Arm's revenue was $983 million.", None);
    assert_eq!(r.claims[0].entity.as_deref(), Some("Arm Holdings plc"));
    let r = c.check("a", "The farm's revenue was $983 million.", None);
    assert_eq!(r.claims[0].entity, None);
}

/// The newcomer case of "單計上季" (last quarter, on its own): Xiaomi's
/// fourth quarter of 2024, not its full year, from the real am730 report
/// against a small ledger of Xiaomi's published figures (RMB millions).
#[test]
fn last_quarter_on_its_own_is_the_quarter_not_the_year() {
    let c = csv(
        "Xiaomi Corporation,revenue,2024-01-01,2024-12-31,365906,CNY,million\n\
         Xiaomi Corporation,revenue,2024-10-01,2024-12-31,109005,CNY,million\n\
         Xiaomi Corporation,net income,2024-01-01,2024-12-31,23578.4,CNY,million\n\
         Xiaomi Corporation,net income,2024-10-01,2024-12-31,8995,CNY,million\n\
         Xiaomi Corporation,gross profit,2024-01-01,2024-12-31,76560,CNY,million\n\
         Xiaomi Corporation,gross profit,2024-10-01,2024-12-31,22455,CNY,million\n",
    );
    let text = "小米集團(1810)公布去年底止全年業績,去年純利235.784億元(人民幣,下同),按年大升34.9%;收入3,659.06億元,升35%,創歷史新高;毛利765.6億元,升33.2%,毛利率20.9%。\n\n小米今日收報57.65港元,升1.85港元或3.3%\n\n單計上季,小米純利89.95億元,升90.4%;收入1,090.05億元,多48.8%,首次突破千億大關;毛利224.55億元,增43.8%。";
    let r = c.check("xiaomi", text, "2025-03-18".parse().ok());
    let got: Vec<(&str, Verdict, Option<&str>)> = r
        .claims
        .iter()
        .map(|c| {
            (
                c.mention.text.as_str(),
                c.verdict,
                c.ledger
                    .as_ref()
                    .map(|l| l.length.map_or("", |n| n.label())),
            )
        })
        .collect();
    use Verdict::{Consistent as C, Unverifiable as U};
    assert_eq!(
        got,
        [
            ("235.784億元", C, Some("year")),
            // growth rates need the year before, which this ledger lacks
            ("34.9%", U, None),
            ("3,659.06億元", C, Some("year")),
            ("35%", U, None),
            ("765.6億元", C, Some("year")),
            ("33.2%", U, None),
            ("20.9%", C, Some("year")),
            // a share price and its change
            ("57.65港元", U, None),
            ("1.85港元", U, None),
            ("3.3%", U, None),
            ("89.95億元", C, Some("quarter")),
            ("90.4%", U, None),
            ("1,090.05億元", C, Some("quarter")),
            ("48.8%", U, None),
            ("224.55億元", C, Some("quarter")),
            ("43.8%", U, None),
        ],
        "{:#?}",
        r.claims.iter().map(|c| &c.reason).collect::<Vec<_>>()
    );
}
