//! Fact-checking (issue 3): the verdict of every claim in the sample article,
//! mutations of each checked figure, and generated ledger rows and claims.

use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy, Report, Verdict};
use proptest::prelude::*;

const ARTICLE: &str = include_str!("../../data/stargate-zh.txt");
const LEDGER: &str = include_str!("../../data/ledger.csv");
const ALIASES: &str = include_str!("../../data/aliases.csv");
const FX: &str = include_str!("../../data/fx.csv");

fn sample_checker() -> Checker {
    let ledger = Ledger::from_csv(LEDGER, "data/ledger.csv").expect("sample ledger loads");
    let aliases = Aliases::from_csv(ALIASES, "data/aliases.csv").expect("sample aliases load");
    let fx = FxRates::from_csv(FX, "data/fx.csv").expect("sample FX loads");
    Checker::new(Extractor::new(), ledger, aliases, fx, Policy::default())
}

fn verdicts(r: &Report) -> Vec<(String, Verdict, Option<String>)> {
    r.claims
        .iter()
        .map(|c| (c.mention.text.clone(), c.verdict, c.diagnosis.clone()))
        .collect()
}

#[test]
fn sample_article_verdicts() {
    let r = sample_checker().check("stargate-zh.txt", ARTICLE, None);
    type Row = (
        String,
        Verdict,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let got: Vec<Row> = r
        .claims
        .iter()
        .map(|c| {
            (
                c.mention.text.clone(),
                c.verdict,
                c.entity.clone(),
                c.metric.clone(),
                c.period.map(|d| d.to_string()),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    let want = vec![
        (
            "1000 亿美元".to_string(),
            Verdict::Consistent,
            s("Stargate Project"),
            s("initial deployment"),
            s("2025-01-21"),
        ),
        (
            "5000 亿美元".to_string(),
            Verdict::Consistent,
            s("Stargate Project"),
            s("planned investment"),
            s("2025-01-21"),
        ),
        (
            "5000 亿美元".to_string(),
            Verdict::Consistent,
            s("Stargate Project"),
            s("planned investment"),
            s("2025-01-21"),
        ),
        (
            "1000 亿美元".to_string(),
            Verdict::Consistent,
            s("Stargate Project"),
            s("initial deployment"),
            s("2025-01-21"),
        ),
        (
            "1000 亿美元".to_string(),
            Verdict::Consistent,
            s("Stargate Project"),
            s("initial deployment"),
            s("2025-01-21"),
        ),
        (
            "$500 billion".to_string(),
            Verdict::Consistent,
            s("Stargate Project"),
            s("planned investment"),
            s("2025-01-21"),
        ),
        (
            "$100 billion".to_string(),
            Verdict::Consistent,
            s("Stargate Project"),
            s("initial deployment"),
            s("2025-01-21"),
        ),
        (
            "远低于 100 亿美元".to_string(),
            Verdict::Contradicted,
            s("SoftBank Group"),
            s("Stargate funding secured"),
            s("2025-01-21"),
        ),
        (
            "well under $10B".to_string(),
            Verdict::Contradicted,
            s("SoftBank Group"),
            s("Stargate funding secured"),
            s("2025-01-21"),
        ),
        (
            "约 250 亿美元".to_string(),
            Verdict::Consistent,
            s("SoftBank Group"),
            s("cash and cash equivalents"),
            s("2024-09-30"),
        ),
        (
            "90%".to_string(),
            Verdict::Consistent,
            s("SoftBank Group"),
            s("stake in Arm Holdings"),
            s("2024-09-30"),
        ),
        (
            "约 1600 亿美元".to_string(),
            Verdict::Consistent,
            s("Arm Holdings"),
            s("market capitalization"),
            s("2025-01-21"),
        ),
    ];
    assert_eq!(got, want);
    assert_eq!(
        (
            r.summary.consistent,
            r.summary.contradicted,
            r.summary.unverifiable
        ),
        (10, 2, 0)
    );
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2025-01-21"));
    // the cash claim went through the yen ledger figure and the FX table
    let cash = &r.claims[9];
    let l = cash.ledger.as_ref().expect("ledger figure");
    assert_eq!(
        (
            l.unit.as_str(),
            l.converted_value.as_str(),
            l.fx_date.map(|d| d.to_string())
        ),
        ("JPY", "25000000000", Some("2024-09-30".into()))
    );
    assert_eq!(
        cash.evidence
            .period
            .as_ref()
            .and_then(|p| p.text.as_deref()),
        Some("去年 9 月底")
    );
    // Musk's bound: outside the bound, with the signed difference from the bound
    let musk = &r.claims[7];
    assert_eq!(musk.diagnosis.as_deref(), Some("outside the bound"));
    assert_eq!(musk.difference.as_deref(), Some("-9000000000"));
}

/// Replaces the `n`-th occurrence of `from` in the article.
fn mutate(from: &str, to: &str, n: usize) -> String {
    let at = ARTICLE
        .match_indices(from)
        .nth(n)
        .map(|(i, _)| i)
        .expect("text to mutate");
    format!("{}{}{}", &ARTICLE[..at], to, &ARTICLE[at + from.len()..])
}

/// The verdict and diagnosis of the claim whose text is `claim` in a mutated article.
fn verdict_of(text: &str, claim: &str) -> (Verdict, Option<String>) {
    let r = sample_checker().check("mutated", text, None);
    let c = r
        .claims
        .iter()
        .find(|c| c.mention.text == claim)
        .unwrap_or_else(|| panic!("no claim {claim:?} in {:?}", verdicts(&r)));
    (c.verdict, c.diagnosis.clone())
}

fn contradicted(from: &str, to: &str, nth: usize, diagnosis: &str) {
    let text = mutate(from, to, nth);
    // the claim is the mutated figure inside `to` (context words around it are not part of it)
    let claim = sample_checker()
        .check("m", &text, None)
        .claims
        .iter()
        .map(|c| c.mention.text.clone())
        .find(|t| to.contains(t.as_str()) && !from.contains(t.as_str()))
        .unwrap_or_else(|| panic!("no mutated claim for {to:?}"));
    let (v, d) = verdict_of(&text, &claim);
    assert_eq!(v, Verdict::Contradicted, "{from} → {to}");
    let d = d.unwrap_or_default();
    assert!(
        d.starts_with(diagnosis),
        "{from} → {to}: diagnosis {d:?}, expected {diagnosis:?}"
    );
}

#[test]
fn mutations_times_ten() {
    contradicted(
        "约 250 亿美元",
        "约 2500 亿美元",
        0,
        "scale slip: the claim is 10^1 times larger",
    );
    contradicted(
        "$500 billion",
        "$5000 billion",
        0,
        "scale slip: the claim is 10^1 times larger",
    );
    contradicted("安谋 90% 的股份", "安谋 900% 的股份", 0, "");
    contradicted(
        "约 1600 亿美元",
        "约 16000 亿美元",
        0,
        "scale slip: the claim is 10^1 times larger",
    );
    contradicted(
        "首轮 1000 亿美元投资",
        "首轮 10000 亿美元投资",
        0,
        "scale slip: the claim is 10^1 times larger",
    );
}

#[test]
fn mutations_yi_to_wan() {
    contradicted(
        "约 250 亿美元",
        "约 250 万美元",
        0,
        "scale slip: the claim is 10^4 times smaller than the ledger figure (万/亿 confusion)",
    );
    contradicted(
        "约 1600 亿美元",
        "约 1600 万美元",
        0,
        "scale slip: the claim is 10^4 times smaller",
    );
    contradicted(
        "分阶段投资 5000 亿美元",
        "分阶段投资 5000 万美元",
        0,
        "scale slip: the claim is 10^4 times smaller",
    );
    contradicted(
        "$100 billion",
        "$100 million",
        0,
        "scale slip: the claim is 10^3 times smaller than the ledger figure (thousand/million/billion confusion)",
    );
}

#[test]
fn mutations_plus_minus_thirty_percent() {
    contradicted("约 250 亿美元", "约 325 亿美元", 0, "beyond tolerance");
    contradicted("约 250 亿美元", "约 175 亿美元", 0, "beyond tolerance");
    contradicted("安谋 90% 的股份", "安谋 63% 的股份", 0, "beyond tolerance");
    contradicted("约 1600 亿美元", "约 2080 亿美元", 0, "beyond tolerance");
    contradicted("$500 billion", "$650 billion", 0, "beyond tolerance");
    contradicted("$100 billion", "$70 billion", 0, "beyond tolerance");
}

#[test]
fn mutations_another_currency() {
    contradicted(
        "约 250 亿美元",
        "约 250 亿人民币",
        0,
        "currency mix-up: the number matches the ledger figure in USD",
    );
    contradicted(
        "$500 billion",
        "500 billion yuan",
        0,
        "currency mix-up: the number matches the ledger figure in USD",
    );
    contradicted(
        "约 1600 亿美元",
        "约 1600 亿日元",
        0,
        "currency mix-up: the number matches the ledger figure in USD",
    );
}

#[test]
fn mutation_to_another_period() {
    // the June figure (¥4.2tn at 160.88 ≈ $26.1bn) is also in the ledger
    contradicted(
        "约 250 亿美元",
        "261 亿美元",
        0,
        "period mismatch: the claim matches the figure for 2024-06-30",
    );
}

#[test]
fn unchanged_article_is_stable() {
    let a = sample_checker().check("a", ARTICLE, None);
    let b = sample_checker().check("a", ARTICLE, None);
    assert_eq!(a, b);
}

#[test]
fn missing_fx_rate_is_unverifiable_not_an_error() {
    let ledger = Ledger::from_csv(
        "entity,metric,period,value,unit\nAcme,revenue,2024-12-31,100,GBP\n",
        "l.csv",
    )
    .expect("ledger");
    let checker = Checker::new(
        Extractor::new(),
        ledger,
        Default::default(),
        FxRates::default(),
        Policy::default(),
    );
    let r = checker.check("d", "Acme revenue was $100 in 2024.", None);
    assert_eq!(r.claims[0].verdict, Verdict::Unverifiable);
    assert!(
        r.claims[0].reason.contains("no FX rate from GBP to USD"),
        "{}",
        r.claims[0].reason
    );
}

#[test]
fn unverifiable_reasons() {
    let ledger = Ledger::from_csv(
        "entity,metric,period,value,unit\nAcme,revenue,2024-12-31,100,USD\n",
        "l.csv",
    )
    .expect("ledger");
    let checker = Checker::new(
        Extractor::new(),
        ledger,
        Default::default(),
        FxRates::default(),
        Policy::default(),
    );
    let reason = |t: &str| {
        checker.check("d", t, "2025-01-10".parse().ok()).claims[0]
            .reason
            .clone()
    };
    assert!(reason("It paid $100.").starts_with("no entity"));
    assert!(reason("Acme paid $100.").starts_with("no metric"));
    assert!(
        reason("Acme revenue was $100 in 2023.")
            .contains("no ledger row for 2023-01-01 to 2023-12-31")
    );
    assert!(
        reason("Acme revenue was 10%.")
            .contains("\"revenue\" (revenue) is named near it, but that metric is an amount and the claim is a percentage")
    );
}

// ---- generated ledger rows and claims ----

fn one_row_checker(value: &str) -> Checker {
    let csv = format!("entity,metric,period,value,unit\nAcme,revenue,2024-12-31,{value},USD\n");
    let ledger = Ledger::from_csv(&csv, "l.csv").expect("generated ledger");
    Checker::new(
        Extractor::new(),
        ledger,
        Default::default(),
        FxRates::default(),
        Policy::default(),
    )
}

fn verdict(checker: &Checker, claim: &str) -> Verdict {
    let text = format!("Acme revenue was {claim} in 2024.");
    let r = checker.check("g", &text, "2025-03-01".parse().ok());
    assert_eq!(r.claims.len(), 1, "{text}: {:?}", verdicts(&r));
    r.claims[0].verdict
}

/// A ledger value in dollars: 1-6 significant digits times 10^(3..=10).
fn ledger_value() -> impl Strategy<Value = rust_decimal::Decimal> {
    (1i64..=999_999, 3u32..=10).prop_map(|(m, e)| {
        rust_decimal::Decimal::from(m) * rust_decimal::Decimal::from(10i64.pow(e))
    })
}

fn millions(v: rust_decimal::Decimal) -> String {
    (v / rust_decimal::Decimal::from(1_000_000))
        .normalize()
        .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn exact_claims_are_consistent(v in ledger_value()) {
        let c = one_row_checker(&v.to_string());
        prop_assert_eq!(verdict(&c, &format!("${} million", millions(v))), Verdict::Consistent);
    }

    #[test]
    fn rounded_claims_are_consistent(v in ledger_value(), digits in 1u32..4) {
        let c = one_row_checker(&v.to_string());
        // round to `digits` significant digits, written in millions with decimals kept
        let m = v / rust_decimal::Decimal::from(1_000_000);
        let r = m.round_sf_with_strategy(digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero).unwrap_or(m);
        prop_assert_eq!(verdict(&c, &format!("${} million", r.normalize())), Verdict::Consistent);
    }

    #[test]
    fn approximate_claims_within_tolerance_are_consistent(v in ledger_value(), pct in -9i64..=9) {
        let c = one_row_checker(&v.to_string());
        let x = v * (rust_decimal::Decimal::ONE + rust_decimal::Decimal::new(pct, 2));
        prop_assert_eq!(verdict(&c, &format!("about ${} million", millions(x))), Verdict::Consistent);
    }

    #[test]
    fn bounded_claims_are_consistent(v in ledger_value(), pct in 1i64..=50) {
        let c = one_row_checker(&v.to_string());
        let below = v * (rust_decimal::Decimal::ONE - rust_decimal::Decimal::new(pct, 2));
        let above = v * (rust_decimal::Decimal::ONE + rust_decimal::Decimal::new(pct, 2));
        prop_assert_eq!(verdict(&c, &format!("more than ${} million", millions(below))), Verdict::Consistent);
        prop_assert_eq!(verdict(&c, &format!("less than ${} million", millions(above))), Verdict::Consistent);
        if pct >= 25 {
            prop_assert_eq!(verdict(&c, &format!("well under ${} million", millions(above))), Verdict::Consistent);
        }
    }

    #[test]
    fn perturbed_claims_are_contradicted(v in ledger_value(), pct in 30i64..=90, up in any::<bool>()) {
        let c = one_row_checker(&v.to_string());
        let f = rust_decimal::Decimal::new(pct, 2);
        let x = if up { v * (rust_decimal::Decimal::ONE + f) } else { v * (rust_decimal::Decimal::ONE - f) };
        // written with every digit, so its rounding unit is small
        let written = format!("{}.1", millions(x).split('.').next().unwrap_or("0"));
        prop_assume!(written != "0.1");
        prop_assert_eq!(verdict(&c, &format!("${written} million")), Verdict::Contradicted);
        prop_assert_eq!(verdict(&c, &format!("about ${written} million")), Verdict::Contradicted);
        if up {
            prop_assert_eq!(verdict(&c, &format!("more than ${written} million")), Verdict::Contradicted);
        } else {
            prop_assert_eq!(verdict(&c, &format!("less than ${written} million")), Verdict::Contradicted);
        }
    }
}

#[test]
fn year_ago_periods_follow_the_period_named_before() {
    let ledger = Ledger::from_csv(
        "entity,metric,period,value,unit,scale\nApple,revenue,2017-07-01,45.4,USD,billion\nApple,revenue,2016-06-25,42.4,USD,billion\n\
         腾讯,营收,2024-09-30,1671.93,CNY,亿\n腾讯,营收,2023-09-30,1546.25,CNY,亿\n",
        "l.csv",
    )
    .expect("ledger");
    let aliases = Aliases::from_csv("kind,alias,canonical\nmetric,revenues,revenue\n", "a.csv")
        .expect("aliases");
    let checker = Checker::new(
        Extractor::new(),
        ledger,
        aliases,
        FxRates::default(),
        Policy::default(),
    );
    let text = "Apple posted quarterly revenues of US$45.4 billion for the quarter ended July 1, 2017. \
                These results compare with revenues of US$42.4 billion in the year-ago quarter.";
    let r = checker.check("apple", text, "2017-08-02".parse().ok());
    let got: Vec<_> = r
        .claims
        .iter()
        .map(|c| (c.verdict, c.period.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        got,
        vec![
            (Verdict::Consistent, Some("2017-07-01".to_string())),
            (Verdict::Consistent, Some("2016-06-25".to_string()))
        ]
    );
    let zh = "腾讯2024年第三季度营收1671.93亿元,去年同期为1546.25亿元。";
    let r = checker.check("tencent", zh, "2024-11-13".parse().ok());
    let got: Vec<_> = r
        .claims
        .iter()
        .map(|c| (c.verdict, c.period.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        got,
        vec![
            (Verdict::Consistent, Some("2024-09-30".to_string())),
            (Verdict::Consistent, Some("2023-09-30".to_string()))
        ]
    );
}
