//! The forms the extractor must read (issue 2), each with accept and reject cases.

use figcheck::{Bound, Extractor, Kind, Value};

/// (mention text, value-or-"min..max", currency or "%", qualifier label)
fn all(text: &str) -> Vec<(String, String, String, String)> {
    Extractor::new()
        .claims(text)
        .map(|c| c.expect("no overflow"))
        .map(|c| {
            let a = c.amount();
            let v = match a.value() {
                Value::Point(v) => v.normalize().to_string(),
                other => format!(
                    "{}..{}",
                    other
                        .min()
                        .map(|d| d.normalize().to_string())
                        .unwrap_or_default(),
                    other
                        .max()
                        .map(|d| d.normalize().to_string())
                        .unwrap_or_default()
                ),
            };
            let cur = match a.kind() {
                Kind::Money => a.currency().map(|c| c.to_string()).unwrap_or_default(),
                _ if a.points() => "pp".to_string(),
                _ => "%".to_string(),
            };
            (c.text(text).to_string(), v, cur, a.qualifier().label())
        })
        .collect()
}

/// Exactly one claim: (text, value, currency).
fn one(text: &str) -> (String, String, String) {
    let v = all(text);
    assert_eq!(v.len(), 1, "expected one claim in {text:?}, got {v:?}");
    let (t, val, cur, _) = v.into_iter().next().expect("one claim");
    (t, val, cur)
}

fn money(text: &str, mention: &str, value: &str, cur: &str) {
    assert_eq!(
        one(text),
        (mention.to_string(), value.to_string(), cur.to_string()),
        "in {text:?}"
    );
}

fn label(text: &str) -> String {
    let v = all(text);
    assert_eq!(v.len(), 1, "expected one claim in {text:?}, got {v:?}");
    v[0].3.clone()
}

fn none(text: &str) {
    let v = all(text);
    assert!(v.is_empty(), "expected no claim in {text:?}, got {v:?}");
}

#[test]
fn arabic_numbers() {
    money("投资5000亿美元", "5000亿美元", "500000000000", "USD");
    money("投资 5000 亿美元。", "5000 亿美元", "500000000000", "USD");
    money(
        "投资 280\u{a0}亿美元。",
        "280\u{a0}亿美元",
        "28000000000",
        "USD",
    );
    money("cost $5,000 in all", "$5,000", "5000", "USD");
    money(
        "收入1,100.9亿元人民币",
        "1,100.9亿元人民币",
        "110090000000",
        "CNY",
    );
    money("奖池１１.92亿元", "１１.92亿元", "1192000000", "CNY");
    money("兑换１．０７５３美元", "１．０７５３美元", "1.0753", "USD");
    money("bonds: $ 75 million of", "$ 75 million", "75000000", "USD");
    money("原价４，５６５元", "４，５６５元", "4565", "CNY");
}

#[test]
fn chinese_numerals() {
    money(
        "一千二百三十四万五千元",
        "一千二百三十四万五千元",
        "12345000",
        "CNY",
    );
    money("5億1萬4千6百元", "5億1萬4千6百元", "500014600", "CNY");
    money("二十 億美元", "二十 億美元", "2000000000", "USD");
    money("三点五亿元", "三点五亿元", "350000000", "CNY");
    money("一點○五兆日圓", "一點○五兆日圓", "1050000000000", "JPY");
    money("三四六億美元", "三四六億美元", "34600000000", "USD");
    money("五○五七點四億元", "五○五七點四億元", "505740000000", "CNY");
    money("3万4000元", "3万4000元", "34000", "CNY");
    money("25万6千元", "25万6千元", "256000", "CNY");
    money("1.5万亿元", "1.5万亿元", "1500000000000", "CNY");
    money("3千万美元", "3千万美元", "30000000", "USD");
    money("壹仟贰佰元整", "壹仟贰佰元", "1200", "CNY");
    money("肆佰陸拾元", "肆佰陸拾元", "460", "CNY");
    money("1.2 萬億日圓", "1.2 萬億日圓", "1200000000000", "JPY");
    money("兆 = 10^12: 2兆日元", "2兆日元", "2000000000000", "JPY");
}

#[test]
fn scales() {
    money("US$4.7bn deal", "US$4.7bn", "4700000000", "USD");
    money("a $75m fund", "$75m", "75000000", "USD");
    money("$1.2 trillion", "$1.2 trillion", "1200000000000", "USD");
    money("£3.5mn", "£3.5mn", "3500000", "GBP");
    money("$40k salary", "$40k", "40000", "USD");
    money("€2 bln", "€2 bln", "2000000000", "EUR");
    money("$3MM", "$3MM", "3000000", "USD");
    money("¥2.1tn in assets", "¥2.1tn", "2100000000000", "JPY");
    money("$5 thousand", "$5 thousand", "5000", "USD");
    money(
        "spent a billion dollars",
        "a billion dollars",
        "1000000000",
        "USD",
    );
    none("a million people");
    money("两百万美元", "两百万美元", "2000000", "USD");
    money("3百亿元", "3百亿元", "30000000000", "CNY");
    money("五千亿日元", "五千亿日元", "500000000000", "JPY");
}

#[test]
fn currencies_around_the_number() {
    money("人民币5000亿元", "人民币5000亿元", "500000000000", "CNY");
    money("募资US$50亿", "US$50亿", "5000000000", "USD");
    money(
        "新台幣一兆一一二三億元",
        "新台幣一兆一一二三億元",
        "1112300000000",
        "TWD",
    );
    money("USD34.6 million", "USD34.6 million", "34600000", "USD");
    money("pay 200 EUR now", "200 EUR", "200", "EUR");
    money("HK$3.2 billion", "HK$3.2 billion", "3200000000", "HKD");
    money("NT$500", "NT$500", "500", "TWD");
    money("S$1.2 billion", "S$1.2 billion", "1200000000", "SGD");
    money("A$10", "A$10", "10", "AUD");
    money("C$10", "C$10", "10", "CAD");
    money("₩5000", "₩5000", "5000", "KRW");
    money("₹75 crore", "₹75 crore", "750000000", "INR");
    money(
        "Rs 5 lakh crore budget",
        "Rs 5 lakh crore",
        "5000000000000",
        "INR",
    );
    money("50 euros", "50 euros", "50", "EUR");
    money("3 million pounds", "3 million pounds", "3000000", "GBP");
    money("100 yen", "100 yen", "100", "JPY");
    money("2 billion yuan", "2 billion yuan", "2000000000", "CNY");
    money(
        "5 billion renminbi",
        "5 billion renminbi",
        "5000000000",
        "CNY",
    );
    money("800 billion won", "800 billion won", "800000000000", "KRW");
    money("10 US dollars", "10 US dollars", "10", "USD");
    for (w, code) in [
        ("美元", "USD"),
        ("美金", "USD"),
        ("美圆", "USD"),
        ("人民币", "CNY"),
        ("人民幣", "CNY"),
        ("日元", "JPY"),
        ("日圆", "JPY"),
        ("日圓", "JPY"),
        ("円", "JPY"),
        ("欧元", "EUR"),
        ("歐元", "EUR"),
        ("英镑", "GBP"),
        ("英鎊", "GBP"),
        ("港元", "HKD"),
        ("港币", "HKD"),
        ("港幣", "HKD"),
        ("新台币", "TWD"),
        ("新台幣", "TWD"),
        ("台币", "TWD"),
        ("韩元", "KRW"),
        ("韓元", "KRW"),
        ("澳元", "AUD"),
        ("加元", "CAD"),
        ("瑞士法郎", "CHF"),
    ] {
        let t = format!("共计30亿{w}。");
        money(&t, &format!("30亿{w}"), "3000000000", code);
    }
}

#[test]
fn subunits() {
    money("五元三毛", "五元三毛", "5.3", "CNY");
    money("50元6角三分", "50元6角三分", "50.63", "CNY");
    money("两美元又三美分", "两美元又三美分", "2.03", "USD");
    money(
        "It only cost 3 dollars 50 cents.",
        "3 dollars 50 cents",
        "3.5",
        "USD",
    );
    money("bid 470 pence a share", "470 pence", "4.7", "GBP");
    money("每股派50美分", "50美分", "0.5", "USD");
    money("三块五", "三块五", "3.5", "CNY");
}

#[test]
fn ambiguous_marks_follow_documented_defaults() {
    money("It cost $20.", "$20", "20", "USD");
    money("售价￥300元", "￥300元", "300", "CNY");
    money("priced at ¥300 in Tokyo", "¥300", "300", "JPY");
    assert_eq!(one("新台币计价。营收300元").2, "TWD");
    assert_eq!(one("港元计价。营收300元").2, "HKD");
    assert_eq!(one("营收300元").2, "CNY");
    let hinted = Extractor::builder()
        .currency_hint(figcheck::Currency::HKD)
        .build();
    let c: Vec<_> = hinted
        .claims("营收300元")
        .collect::<Result<_, _>>()
        .expect("claims");
    assert_eq!(c[0].amount().currency(), Some(figcheck::Currency::HKD));
}

#[test]
fn words_that_contain_currency_characters_are_not_money() {
    none("五角大楼宣布了作战计划");
    none("推动管理一元化");
    none("美元区的国家");
    none("他吃了一块蛋糕");
    none("二元论的观点");
    none("五分钟后");
    none("一元复始,万象更新");
    money("花了一元钱", "一元", "1", "CNY");
}

#[test]
fn shared_currency_and_scale() {
    let v = all("分别为20亿、30亿和470亿美元。");
    let got: Vec<_> = v
        .iter()
        .map(|x| (x.0.as_str(), x.1.as_str(), x.2.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("20亿", "2000000000", "USD"),
            ("30亿", "3000000000", "USD"),
            ("470亿美元", "47000000000", "USD")
        ]
    );
    money(
        "三四六億至三五八億美元",
        "三四六億至三五八億美元",
        "34600000000..35800000000",
        "USD",
    );
    money(
        "raise $5-10 billion",
        "$5-10 billion",
        "5000000000..10000000000",
        "USD",
    );
    money(
        "5 to 10 billion dollars",
        "5 to 10 billion dollars",
        "5000000000..10000000000",
        "USD",
    );
    money("预计385-410美元之间", "385-410美元", "385..410", "USD");
    money(
        "between US$49 billion and US$52 billion",
        "between US$49 billion and US$52 billion",
        "49000000000..52000000000",
        "USD",
    );
    money(
        "约100亿～120亿元",
        "约100亿～120亿元",
        "10000000000..12000000000",
        "CNY",
    );
}

#[test]
fn different_currencies_are_two_figures() {
    let v = all("(€26.9bn-$31.9bn)");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!((v[0].2.as_str(), v[1].2.as_str()), ("EUR", "USD"));
}

#[test]
fn from_to_is_a_change_not_a_range() {
    let v = all("revenue grew from $10 billion to $12 billion");
    assert_eq!(v.len(), 2, "{v:?}");
    let v = all("营收从100亿元增至120亿元");
    assert_eq!(v.len(), 2, "{v:?}");
    let v = all("回購計劃增加200億美元至總額650億美元");
    assert_eq!(v.len(), 2, "{v:?}");
}

#[test]
fn qualifiers_are_kept() {
    for w in ["约", "大约", "约合", "近", "将近", "接近"] {
        assert_eq!(label(&format!("{w}250亿美元")), "approx", "{w}");
    }
    assert_eq!(label("250亿美元左右"), "approx");
    assert_eq!(label("250亿美元上下"), "approx");
    for w in [
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "nearly",
        "almost",
        "close to",
        "~",
    ] {
        assert_eq!(label(&format!("paid {w} $25 billion")), "approx", "{w}");
    }
    for w in ["超过", "超過", "逾", "多于", "高于", "至少", "不少于"] {
        assert_eq!(label(&format!("{w}250亿美元")), "lower_bound", "{w}");
    }
    assert_eq!(label("250亿美元以上"), "lower_bound");
    assert_eq!(label("500多亿元"), "lower_bound");
    assert_eq!(label("1000余亿元"), "lower_bound");
    for w in [
        "more than",
        "over",
        "above",
        "at least",
        "in excess of",
        "upwards of",
    ] {
        assert_eq!(
            label(&format!("raised {w} $25 billion")),
            "lower_bound",
            "{w}"
        );
    }
    for w in ["不到", "低于", "少于", "不足", "最多", "至多"] {
        assert_eq!(label(&format!("{w}250亿美元")), "upper_bound", "{w}");
    }
    assert_eq!(label("250亿美元以下"), "upper_bound");
    for w in [
        "less than",
        "under",
        "below",
        "at most",
        "up to",
        "no more than",
    ] {
        assert_eq!(
            label(&format!("raised {w} $25 billion")),
            "upper_bound",
            "{w}"
        );
    }
    for w in ["远低于", "遠低於"] {
        assert_eq!(
            label(&format!("{w} 100 亿美元")),
            "strong_upper_bound",
            "{w}"
        );
    }
    for w in ["well under", "well below"] {
        assert_eq!(
            label(&format!("has {w} $10B secured")),
            "strong_upper_bound",
            "{w}"
        );
    }
    let c: Vec<_> = Extractor::new()
        .claims("至少5亿元")
        .collect::<Result<_, _>>()
        .expect("claims");
    let q = c[0].amount().qualifier();
    assert_eq!((q.bound, q.inclusive), (Some(Bound::Lower), true));
    let c: Vec<_> = Extractor::new()
        .claims("超过5亿元")
        .collect::<Result<_, _>>()
        .expect("claims");
    assert!(!c[0].amount().qualifier().inclusive);
}

#[test]
fn vague_amounts() {
    money(
        "投入数百亿元",
        "数百亿元",
        "20000000000..90000000000",
        "CNY",
    );
    money(
        "数千亿美元",
        "数千亿美元",
        "200000000000..900000000000",
        "USD",
    );
    money("几十亿美元", "几十亿美元", "2000000000..9000000000", "USD");
    money("几百万元", "几百万元", "2000000..9000000", "CNY");
    assert_eq!(label("上百亿元"), "lower_bound");
    money(
        "spent billions of dollars",
        "billions of dollars",
        "2000000000..9000000000",
        "USD",
    );
    money(
        "hundreds of millions of dollars",
        "hundreds of millions of dollars",
        "200000000..900000000",
        "USD",
    );
}

#[test]
fn negative_amounts() {
    money("净亏损-$12 million", "-$12 million", "-12000000", "USD");
    money("a loss of -$12 million", "-$12 million", "-12000000", "USD");
    money("负12亿元", "负12亿元", "-1200000000", "CNY");
    money("−5亿元", "−5亿元", "-500000000", "CNY");
}

#[test]
fn percentages() {
    assert_eq!(
        one("持有 90% 的股份"),
        ("90%".into(), "90".into(), "%".into())
    );
    assert_eq!(one("９０％"), ("９０％".into(), "90".into(), "%".into()));
    assert_eq!(
        one("百分之九十"),
        ("百分之九十".into(), "90".into(), "%".into())
    );
    assert_eq!(
        one("百分之六十二點三"),
        ("百分之六十二點三".into(), "62.3".into(), "%".into())
    );
    assert_eq!(
        one("rose 41 per cent"),
        ("41 per cent".into(), "41".into(), "%".into())
    );
    assert_eq!(
        one("rose 3.6 percent"),
        ("3.6 percent".into(), "3.6".into(), "%".into())
    );
    assert_eq!(one("约6成"), ("约6成".into(), "60".into(), "%".into()));
    assert_eq!(
        one("下降0.3个百分点"),
        ("0.3个百分点".into(), "0.3".into(), "pp".into())
    );
    assert_eq!(
        one("up 2 percentage points"),
        ("2 percentage points".into(), "2".into(), "pp".into())
    );
    assert_eq!(
        one("Shares rose 3pc."),
        ("3pc".into(), "3".into(), "%".into())
    );
    none("一成不变");
    assert_eq!(
        one("增长一成半"),
        ("一成半".into(), "15".into(), "%".into())
    );
    assert_eq!(label("占五成多"), "lower_bound");
    assert_eq!(
        one("海外占六成三。"),
        ("六成三".into(), "63".into(), "%".into())
    );
    none("see %E5%B0%8F");
}

#[test]
fn not_money() {
    none("2024年9月30日下午3点");
    none("In 2024, 10万人参加");
    none("生产3万辆汽车");
    none("软银(9984.T)股价");
    none("o3 模型与 H100 芯片");
    none("第一名");
    none("统一 一些 万一 一元化");
    none("36.57亿");
    none("All 70 of us.");
    none("ALL 5 solutions are wrong.");
    none("订单号 A202107211321363588510367 可用作");
}

#[test]
fn spans_include_qualifier_and_currency_words() {
    let text = "软银的现金约 250 亿美元,";
    let c: Vec<_> = Extractor::new()
        .claims(text)
        .collect::<Result<_, _>>()
        .expect("claims");
    let sp = c[0].span();
    assert_eq!(&text[sp.range()], "约 250 亿美元");
    assert_eq!(sp.start(), "软银的现金".len());
    assert_eq!(
        c[0].amount().precision().normalize().to_string(),
        "100000000"
    );
}

#[test]
fn precision_is_the_place_of_the_last_digit() {
    let p = |t: &str| {
        let c: Vec<_> = Extractor::new()
            .claims(t)
            .collect::<Result<_, _>>()
            .expect("claims");
        c[0].amount().precision().normalize().to_string()
    };
    assert_eq!(p("250 亿美元"), "100000000");
    assert_eq!(p("$1.5 billion"), "100000000");
    assert_eq!(p("三四六億美元"), "100000000");
    assert_eq!(p("$94,000"), "1");
    assert_eq!(p("US$1.67"), "0.01");
}

#[test]
fn overflow_is_an_error_item_and_extraction_goes_on() {
    let text = format!("{}美元 and then $5", "9".repeat(40));
    let items: Vec<_> = Extractor::new().claims(&text).collect();
    assert_eq!(items.len(), 2, "{items:?}");
    let e = items[0].as_ref().expect_err("overflow");
    assert!(e.to_string().contains("out of range"), "{e}");
    assert_eq!(e.location().start, Some(0));
    let ok = items[1].as_ref().expect("second claim");
    assert_eq!(ok.text(&text), "$5");
}

#[test]
fn stargate_article_figures() {
    let text = "OpenAI 随后发声明称,将立即开始部署首轮 1000 亿美元投资。投资 5000 亿美元在美设资料中心。\
                intends to invest $500 billion over the next four years. We will begin deploying $100 billion immediately. \
                软银的融资保障金额远低于 100 亿美元。 SoftBank has well under $10B secured. \
                截至去年 9 月底,该公司资产负债表上的现金及现金等价物约 250 亿美元,还持有安谋 90% 的股份(安谋当前市值约 1600 亿美元)";
    let got: Vec<_> = all(text)
        .into_iter()
        .map(|x| (x.0, x.1, x.2, x.3))
        .collect();
    let want = [
        ("1000 亿美元", "100000000000", "USD", "exact"),
        ("5000 亿美元", "500000000000", "USD", "exact"),
        ("$500 billion", "500000000000", "USD", "exact"),
        ("$100 billion", "100000000000", "USD", "exact"),
        (
            "远低于 100 亿美元",
            "10000000000",
            "USD",
            "strong_upper_bound",
        ),
        (
            "well under $10B",
            "10000000000",
            "USD",
            "strong_upper_bound",
        ),
        ("约 250 亿美元", "25000000000", "USD", "approx"),
        ("90%", "90", "%", "exact"),
        ("约 1600 亿美元", "160000000000", "USD", "approx"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|w| {
            (
                w.0.to_string(),
                w.1.to_string(),
                w.2.to_string(),
                w.3.to_string(),
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn long_runs_of_numerals_stay_fast_and_keep_the_last_claim() {
    // 21,000 numeral chars in a row, then a money figure: the scan must not
    // restart the run at every numeral (that was quadratic)
    let text = format!("{}亿美元", "一千二百三十四".repeat(3000));
    let claims: Vec<_> = Extractor::new()
        .claims(&text)
        .collect::<Result<_, _>>()
        .expect("no overflow");
    assert_eq!(claims.len(), 1);
    // (the run before it reads "…四一" digit by digit, so the claim starts at 千: same value)
    assert!(claims[0].text(&text).ends_with("千二百三十四亿美元"));
    assert_eq!(
        claims[0].amount().value().point().map(|v| v.to_string()),
        Some("123400000000".into())
    );
    let digits = format!("{} and 250亿美元", "1".repeat(200_000));
    let items: Vec<_> = Extractor::new().claims(&digits).collect();
    assert_eq!(
        items.len(),
        1,
        "the 200,000-digit number has no currency: only the figure after it"
    );
}

/// The library from a new crate: exact values read with the re-exported
/// `Decimal` (no `rust_decimal` dependency needed) and shown with `Display`.
#[test]
fn values_with_the_reexported_decimal_and_display() {
    use figcheck::{Decimal, Extractor, Value};
    let claims: Vec<_> = Extractor::new()
        .claims("约 250 亿美元,5-10 亿美元")
        .map(|c| c.expect("a claim"))
        .collect();
    let v: Value = claims[0].amount().value();
    assert_eq!(v.point(), Some(Decimal::new(25_000_000_000, 0)));
    assert_eq!(v.to_string(), "25000000000");
    assert_eq!(
        claims[1].amount().value().to_string(),
        "500000000–1000000000"
    );
}
