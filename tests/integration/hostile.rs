//! Hostile input: what text scraped from the web can throw at the extractor.
//! Nothing here may panic or hang, a figure that cannot be represented is an
//! overflow error on that mention (and the rest of the text still extracts),
//! and the work done grows linearly with the input, counted in
//! [`Claims::steps`] (machine-independent; no timing assertions).
//!
//! The findings of the fuzzers (fuzz/README.md) are pinned here too.

use figcheck::{Claims, Currency, ErrorKind, Extractor, Value};
use rust_decimal::Decimal;

/// A claim's mention text and value.
type Found = (String, Value);
/// An error's kind and byte span.
type Failed = (ErrorKind, usize, usize);
/// A named generator of hostile input of `n` units.
type Family = (&'static str, Box<dyn Fn(usize) -> String>);

/// Extracts everything: (mention text, value) for claims, the error kinds
/// and spans for figures that could not be represented; spans checked.
fn extract(text: &str) -> (Vec<Found>, Vec<Failed>) {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    let mut last = 0;
    for item in Extractor::new().claims(text) {
        match item {
            Ok(c) => {
                let s = c.span();
                assert!(s.start() >= last && s.start() < s.end() && s.end() <= text.len());
                assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
                last = s.end();
                ok.push((c.text(text).to_string(), c.amount().value()));
            }
            Err(e) => {
                let l = e.location();
                let (s, t) = (l.start.expect("a start"), l.end.expect("an end"));
                assert!(s >= last && s < t && t <= text.len());
                last = t;
                errors.push((e.kind().clone(), s, t));
            }
        }
    }
    (ok, errors)
}

fn point(s: &str) -> Value {
    Value::Point(s.parse().expect("a decimal"))
}

fn is_overflow(k: &ErrorKind) -> bool {
    matches!(k, ErrorKind::Overflow { .. })
}

/// Steps to extract all of `text`.
fn steps(text: &str) -> u64 {
    let mut claims: Claims<'_> = Extractor::new().claims(text);
    claims.by_ref().for_each(drop);
    claims.steps()
}

/// The input families of the linearity test: a generator of `n` units.
fn families() -> Vec<Family> {
    vec![
        (
            "article",
            Box::new(|n| {
                "OpenAI 将投资 5000 亿美元，软银现金约 250 亿美元; well under $10B secured, 90% stake. "
                    .repeat(n)
            }),
        ),
        (
            "zh list with a currency at the end",
            Box::new(|n| {
                let mut s: String = (0..n).map(|i| format!("{}、", i % 97 + 1)).collect();
                s.push_str("5亿美元");
                s
            }),
        ),
        (
            "en list without a currency",
            Box::new(|n| (0..n).map(|i| format!("{}, ", i % 97 + 1)).collect()),
        ),
        (
            "range chain",
            Box::new(|n| {
                let mut s: String = (0..n).map(|i| format!("{}-", i % 97 + 1)).collect();
                s.push_str("5亿美元");
                s
            }),
        ),
        (
            "repeated qualifier",
            Box::new(|n| "约".repeat(n) + "250亿美元"),
        ),
        (
            "Chinese numeral",
            Box::new(|n| format!("一{}美元", "万".repeat(n))),
        ),
        ("digits", Box::new(|n| "7".repeat(n) + "美元")),
        (
            "grouped digits",
            Box::new(|n| "1".to_string() + &",000".repeat(n) + " dollars"),
        ),
        ("currency symbols", Box::new(|n| "$".repeat(n) + "5")),
        (
            "scale words",
            Box::new(|n| "5".to_string() + &" billion".repeat(n)),
        ),
        ("units", Box::new(|n| "亿".repeat(n) + "5")),
        ("decimal points", Box::new(|n| "5.".repeat(n) + "亿美元")),
        (
            "zero-width spaces",
            Box::new(|n| "5\u{200B}".repeat(n) + "亿美元"),
        ),
        (
            "numbers glued to words",
            Box::new(|n| "H100 o3 2025年 第3季度 ".repeat(n)),
        ),
    ]
}

#[test]
fn extraction_work_is_linear_in_the_input() {
    for (name, make) in families() {
        let small = make(2_000);
        let large = make(20_000);
        let (a, b) = (steps(&small), steps(&large));
        // ten times the input: at most about ten times the steps (plus a
        // little for fixed costs); a quadratic step would be ~100 times
        assert!(
            b <= 11 * a + 1_000,
            "{name}: {a} steps for {} bytes, {b} steps for {} bytes",
            small.len(),
            large.len()
        );
        // and the steps are few per byte
        assert!(
            b <= 8 * large.len() as u64 + 100,
            "{name}: {b} steps for {} bytes",
            large.len()
        );
    }
}

#[test]
fn a_100_mb_single_line() {
    // one line, no sentence end: 100 MB of a mixed article, 4 claims a unit
    let unit = "OpenAI 将投资 5000 亿美元 and SoftBank holds about $25 billion, 远低于 100 亿美元 with a 90% stake — ";
    let n = 100_000_000 / unit.len() + 1;
    let text = unit.repeat(n);
    assert!(text.len() >= 100_000_000 && !text.contains('\n'));
    let mut claims = Extractor::new().claims(&text);
    let mut count = 0usize;
    let mut last = 0;
    for c in claims.by_ref() {
        let c = c.expect("every figure is representable");
        assert!(c.span().start() >= last);
        last = c.span().end();
        count += 1;
    }
    assert_eq!(count, 4 * n);
    assert!(claims.steps() <= 2 * text.len() as u64);
}

#[test]
fn a_million_digits_is_one_overflow_and_the_rest_extracts() {
    let text = format!("{}美元，另有 5 亿美元。", "9".repeat(1_000_000));
    let (ok, errors) = extract(&text);
    assert_eq!(errors.len(), 1);
    let (kind, s, e) = &errors[0];
    assert!(is_overflow(kind), "{kind:?}");
    assert_eq!((*s, *e), (0, 1_000_000 + "美元".len()));
    // the message shows a shortened figure, not a megabyte
    assert!(kind.to_string().len() < 300, "{}", kind.to_string().len());
    assert_eq!(ok, [("5 亿美元".to_string(), point("500000000"))]);
}

#[test]
fn ten_thousand_chinese_numeral_chars() {
    let text = format!("一{}美元；又 250 亿美元", "万".repeat(9_999));
    let (ok, errors) = extract(&text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(is_overflow(&errors[0].0));
    assert_eq!(ok, [("250 亿美元".to_string(), point("25000000000"))]);
    // and as a bare numeral
    assert!(figcheck::parse_numeral(&format!("一{}", "万".repeat(9_999))).is_err());
}

#[test]
fn amounts_beyond_decimal_give_an_overflow_on_that_mention() {
    let cases = [
        "$79,228,162,514,264,337,593,543,950,336",
        "80000000000000000000000000000 美元",
        "$100000000000000000000 trillion",
        "9000万亿亿亿美元",
        "79228162514264337593543950335-3亿美元",
        "几十万亿亿亿美元",
        "Rs 900000000000000000 lakh crore",
    ];
    for figure in cases {
        let text = format!("先 {figure} 后 约 250 亿美元。");
        let (ok, errors) = extract(&text);
        assert_eq!(errors.len(), 1, "{figure}: {errors:?} {ok:?}");
        let (kind, s, e) = &errors[0];
        assert!(is_overflow(kind), "{figure}: {kind:?}");
        assert!(
            text[*s..*e].contains(figure.split(' ').next().unwrap_or(figure)),
            "{figure}: {}",
            &text[*s..*e]
        );
        assert_eq!(
            ok,
            [("约 250 亿美元".to_string(), point("25000000000"))],
            "{figure}: the rest still extracts"
        );
    }
    // the biggest that fits is a value, not an error
    let (ok, errors) = extract("$79,228,162,514,264,337,593,543,950,335");
    assert!(errors.is_empty());
    assert_eq!(ok[0].1, Value::Point(Decimal::MAX));
}

#[test]
fn deeply_repeated_qualifiers() {
    let text = "约".repeat(100_000) + "250亿美元";
    let mut claims = Extractor::new().claims(&text);
    let c = claims.next().expect("a claim").expect("representable");
    assert!(claims.next().is_none());
    assert_eq!(c.amount().value(), point("25000000000"));
    assert!(c.amount().qualifier().approx);
    assert_eq!(c.amount().currency(), Some(Currency::USD));
    assert!(c.text(&text).ends_with("约250亿美元"));
    let text = "more than ".repeat(50_000) + "$5 billion";
    let (ok, errors) = extract(&text);
    assert!(errors.is_empty());
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].1, point("5000000000"));
}

#[test]
fn invisible_characters_inside_numbers_are_skipped() {
    for (text, mention, value) in [
        (
            "投资 5\u{200B}0\u{200B}0 亿美元",
            "5\u{200B}0\u{200B}0 亿美元",
            "50000000000",
        ),
        ("$1\u{200C}00 million", "$1\u{200C}00 million", "100000000"),
        (
            "约\u{2060}250亿\u{FEFF}美元",
            "约\u{2060}250亿\u{FEFF}美元",
            "25000000000",
        ),
        ("5\u{00AD}000 亿美元", "5\u{00AD}000 亿美元", "500000000000"),
        ("\u{200F}$5 billion\u{200E}", "$5 billion", "5000000000"),
        ("\u{202E}5000亿美元\u{202C}", "5000亿美元", "500000000000"),
        ("\u{2067}90\u{2069}%", "90\u{2069}%", "90"),
    ] {
        let (ok, errors) = extract(text);
        assert!(errors.is_empty(), "{text:?}");
        assert_eq!(ok, [(mention.to_string(), point(value))], "{text:?}");
    }
}

#[test]
fn invisible_characters_around_a_parsed_amount() {
    use figcheck::Amount;
    for s in [
        "\u{200B}250亿美元",
        "250亿美元\u{FEFF}",
        " \u{2060} 250 亿美元 \u{200E}",
    ] {
        let a: Amount = s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"));
        assert_eq!(a.value(), point("25000000000"), "{s:?}");
    }
}

#[test]
fn verifying_figures_near_the_largest_decimal() {
    use figcheck::verify::holds;
    use figcheck::{Amount, Policy};
    // widening the range by half a rounding unit overflows: the range is
    // open on that side, so a ledger value inside it still holds
    let a: Amount = "70000000000000000000000000000-79000000000000000000000000000 US dollars"
        .parse()
        .expect("a range");
    let l: Decimal = "75000000000000000000000000000".parse().expect("a decimal");
    assert!(holds(&a, l, &Policy::default()));
    assert!(!holds(&a, Decimal::ONE, &Policy::default()));
    let a: Amount = "约 79,228,162,514,264,337,593,543,950,335 美元"
        .parse()
        .expect("a point");
    assert!(holds(&a, Decimal::MAX, &Policy::default()));
    assert!(!holds(&a, Decimal::MIN, &Policy::default()));
}

#[test]
fn control_characters_mixed_scripts_and_nul_bytes() {
    // NUL and other controls separate; they are never part of a figure
    let text = "\0$5 billion\0 \u{1}约 250 亿美元\u{7f} Ω абв 5000 亿美元 \u{1F600}";
    let (ok, errors) = extract(text);
    assert!(errors.is_empty());
    let values: Vec<Value> = ok.iter().map(|(_, v)| *v).collect();
    assert_eq!(
        values,
        [
            point("5000000000"),
            point("25000000000"),
            point("500000000000")
        ]
    );
    // a NUL inside a number splits it: neither half is taken for money
    let (ok, _) = extract("5\0亿美元");
    assert!(ok.is_empty(), "{ok:?}");
    // every control character, every invisible one, lone surrogates' stand-ins
    let soup: String = (0u32..0x40)
        .chain(0x200B..0x2070)
        .chain([0xFEFF, 0xFFFD, 0x10FFFF])
        .filter_map(char::from_u32)
        .flat_map(|c| [c, '5', '亿', '$', '约'])
        .collect();
    extract(&soup);
}

#[test]
fn fuzz_findings() {
    // extract, 2026-11-29: a range whose low end overflowed when given the
    // high end's scale panicked in rust_decimal ("Multiplication overflowed")
    let crash = String::from_utf8_lossy(include_bytes!("../data/fuzz/extract-crash-7c43e2d1"));
    extract(&crash);
    let (ok, errors) = extract("79228162514264337593543950335-3亿美元");
    assert!(ok.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(is_overflow(&errors[0].0));
}

#[test]
fn checking_a_long_single_line() {
    use figcheck::{Aliases, Checker, FxRates, Ledger, Policy, Verdict};
    // text without a sentence end: one 3 MB sentence. Linking each claim
    // looks only near it (this took minutes before: every claim scanned the
    // whole sentence for its entity, metric and period)
    let unit = "软银 2024年9月30日 现金约 250 亿美元，去年同期 ";
    let n = 3_000_000 / unit.len();
    let text = unit.repeat(n);
    let ledger = Ledger::from_csv(include_str!("../../data/ledger.csv"), "ledger.csv")
        .expect("sample ledger");
    let aliases = Aliases::from_csv(include_str!("../../data/aliases.csv"), "aliases.csv")
        .expect("sample aliases");
    let fx = FxRates::from_csv(include_str!("../../data/fx.csv"), "fx.csv").expect("sample FX");
    let checker = Checker::new(Extractor::new(), ledger, aliases, fx, Policy::default());
    let report = checker.check("one-line.txt", &text, None);
    assert_eq!(report.claims.len(), n);
    assert!(report.errors.is_empty());
    assert_eq!(
        report.summary.consistent, n,
        "{:?}",
        report.claims[0].reason
    );
    assert!(
        report
            .claims
            .iter()
            .all(|c| c.verdict == Verdict::Consistent)
    );
    let mut out = Vec::new();
    figcheck::report::text::write(
        &report,
        &figcheck::report::text::Options {
            label: "one-line.txt",
            text: &text,
            color: false,
        },
        &mut out,
    )
    .expect("text report");
    assert!(out.len() > n * 100);
}
