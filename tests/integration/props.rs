//! Property tests for the parser: generated amounts written in many surface
//! forms extract back unchanged; arbitrary input never panics; spans are in
//! bounds, on char boundaries, sorted and never overlap; numerals round-trip.

use figcheck::{Extractor, Value, parse_numeral};
use proptest::prelude::*;
use rust_decimal::Decimal;

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const FIN_DIGITS: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];

/// Renders 1 <= n < 10^16 as a Chinese numeral: 一千二百三十四万五千六百七十八.
fn chinese(n: u64, financial: bool, traditional: bool) -> String {
    let (d, units, big) = if financial {
        (
            FIN_DIGITS,
            ["", "拾", "佰", "仟"],
            if traditional {
                ["", "萬", "億", "萬億"]
            } else {
                ["", "万", "亿", "万亿"]
            },
        )
    } else {
        (
            DIGITS,
            ["", "十", "百", "千"],
            if traditional {
                ["", "萬", "億", "萬億"]
            } else {
                ["", "万", "亿", "万亿"]
            },
        )
    };
    // split into 4-digit sections
    let mut sections = Vec::new();
    let mut m = n;
    while m > 0 {
        sections.push(m % 10000);
        m /= 10000;
    }
    let mut out = String::new();
    let mut zero_pending = false;
    for (i, &sec) in sections.iter().enumerate().rev() {
        if sec == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending || (!out.is_empty() && sec < 1000) {
            out.push_str(d[0]);
        }
        zero_pending = false;
        let digits = [sec / 1000, sec / 100 % 10, sec / 10 % 10, sec % 10];
        let mut inner_zero = false;
        let mut started = false;
        for (k, &dg) in digits.iter().enumerate() {
            let place = 3 - k;
            if dg == 0 {
                inner_zero = started;
                continue;
            }
            if inner_zero {
                out.push_str(d[0]);
                inner_zero = false;
            }
            out.push_str(d[dg as usize]);
            out.push_str(units[place]);
            started = true;
        }
        out.push_str(big[i]);
    }
    out
}

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            '.' => '．',
            _ => c,
        })
        .collect()
}

/// A generated amount: (rendered text, expected value, expected ISO code).
#[derive(Debug, Clone)]
struct Gen {
    text: String,
    value: Decimal,
    currency: &'static str,
}

/// 1-6 significant digits with 0-2 decimals: (mantissa as written, value).
fn sig() -> impl Strategy<Value = (String, Decimal)> {
    (1u64..=999_999, 0u32..=2).prop_map(|(m, d)| {
        let v = Decimal::new(m as i64, d);
        (v.to_string(), v)
    })
}

fn zh_currency() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("美元", "USD"),
        ("亿元人民币", "CNY"),
        ("日元", "JPY"),
        ("欧元", "EUR"),
        ("港元", "HKD"),
        ("英镑", "GBP"),
        ("新台币", "TWD"),
    ])
}

fn arabic_zh() -> impl Strategy<Value = Gen> {
    (
        sig(),
        prop::sample::select(vec![("万", 4u32), ("亿", 8), ("万亿", 12), ("", 0)]),
        zh_currency(),
        any::<bool>(),
    )
        .prop_map(|((m, v), (unit, e), (cur, code), space)| {
            let (unit, e) = if cur == "亿元人民币" {
                ("", 8)
            } else {
                (unit, e)
            };
            let sp = if space { " " } else { "" };
            Gen {
                text: format!("{m}{sp}{unit}{cur}"),
                value: v * Decimal::from(10u64.pow(e)),
                currency: code,
            }
        })
}

fn chinese_numeral(traditional: bool, financial: bool) -> impl Strategy<Value = Gen> {
    (
        1u64..=99_999_999,
        prop::sample::select(vec![("亿", 8u32), ("万", 4), ("", 0)]),
        zh_currency(),
    )
        .prop_map(move |(n, (unit, e), (cur, code))| {
            let (unit, e) = if cur == "亿元人民币" {
                ("", 8)
            } else {
                (unit, e)
            };
            // a numeral of 万 or more is written with 亿 after it, never 万 ("一千万万" is not how amounts are written)
            let n = if e == 4 || e == 8 && cur == "亿元人民币" {
                n % 10_000 + 1
            } else {
                n
            };
            let unit = if traditional {
                unit.replace('亿', "億").replace('万', "萬")
            } else {
                unit.to_string()
            };
            // avoid "万万": a numeral of 万 or more then the unit 万 reads as multiplied, which is right
            Gen {
                text: format!("{}{unit}{cur}", chinese(n, financial, traditional)),
                value: Decimal::from(n) * Decimal::from(10u64.pow(e)),
                currency: code,
            }
        })
}

fn fullwidth_zh() -> impl Strategy<Value = Gen> {
    (
        sig(),
        prop::sample::select(vec![("億", 8u32), ("萬", 4)]),
        zh_currency(),
    )
        .prop_map(|((m, v), (unit, e), (cur, code))| {
            let (unit, e) = if cur == "亿元人民币" {
                ("", 8)
            } else {
                (unit, e)
            };
            Gen {
                text: format!("{}{unit}{cur}", fullwidth(&m)),
                value: v * Decimal::from(10u64.pow(e)),
                currency: code,
            }
        })
}

fn english_words() -> impl Strategy<Value = Gen> {
    (
        sig(),
        prop::sample::select(vec![
            ("thousand", 3u32),
            ("million", 6),
            ("billion", 9),
            ("trillion", 12),
        ]),
        prop::sample::select(vec![
            ("$", "", "USD"),
            ("US$", "", "USD"),
            ("", " dollars", "USD"),
            ("", " euros", "EUR"),
            ("USD ", "", "USD"),
            ("", " yuan", "CNY"),
            ("£", "", "GBP"),
        ]),
    )
        .prop_map(|((m, v), (w, e), (pre, post, code))| Gen {
            text: format!("{pre}{m} {w}{post}"),
            value: v * Decimal::from(10u64.pow(e)),
            currency: code,
        })
}

fn symbol_abbrev() -> impl Strategy<Value = Gen> {
    (
        sig(),
        prop::sample::select(vec![
            ("bn", 9u32),
            ("m", 6),
            ("mn", 6),
            ("B", 9),
            ("k", 3),
            ("tn", 12),
        ]),
        prop::sample::select(vec![
            ("$", "USD"),
            ("US$", "USD"),
            ("HK$", "HKD"),
            ("€", "EUR"),
            ("£", "GBP"),
            ("S$", "SGD"),
        ]),
    )
        .prop_map(|((m, v), (ab, e), (sym, code))| Gen {
            text: format!("{sym}{m}{ab}"),
            value: v * Decimal::from(10u64.pow(e)),
            currency: code,
        })
}

/// Filler text that contains no numeral, currency, qualifier or list word.
const ZH_FILLER: &str = "的是在了有我他们这中国来时地就对会可发动同工也能过说而后定行学所得经进着等部家里如水高自理起小物现实体机当使从业本去好开它还因由其然前外天那社事平形相全表间样关各正心你明看原么利比但气第道此变条只没结意建公系很情者立想已通并提直题程展果料员位入常文品活设特件长求头基边路图山统接知较组见计别她手期根论运区强放决西被干做先回则任取据处给色光门即保治北造规领海口东导压志世争济思术交受联认共权收证改清己转风切打白教速花带安场身车例真务具每目走积示议声报完类离华名确才科张信马节话米空况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算持音众书布复容儿须际商非验连断深难周委技备办青省列习响支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属包火住调满县局照参红细引听该铁价严，。";
const EN_WORDS: &[&str] = &[
    "the",
    "company",
    "said",
    "that",
    "its",
    "board",
    "has",
    "approved",
    "plans",
    "with",
    "results",
    "for",
    "this",
    "quarter",
    "in",
    "which",
    "investors",
    "were",
    "told",
    "by",
    "analysts",
    "on",
    "Monday",
    "while",
    "shares",
    "fell",
    "sharply",
    "as",
    "revenue",
    "grew",
    "strongly",
    ".",
    ",",
];

fn zh_filler() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ZH_FILLER.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..12).prop_map(|v| v.into_iter().collect())
}

fn en_filler() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(EN_WORDS.to_vec()), 0..8).prop_map(|v| v.join(" "))
}

/// Tokens of the grammar, shuffled together to reach its corners.
const SOUP: &[&str] = &[
    "0",
    "5",
    "9",
    "１",
    "０",
    "一",
    "二",
    "两",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "億",
    "萬",
    "兆",
    "零",
    "〇",
    "点",
    "點",
    "多",
    "余",
    "几",
    "数",
    "上",
    "约",
    "超过",
    "不到",
    "远低于",
    "至",
    "到",
    "~",
    "-",
    "−",
    "负",
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "￥",
    "元",
    "块",
    "角",
    "分",
    "美元",
    "人民币",
    "港元",
    " ",
    "  ",
    ",",
    ".",
    "，",
    "、",
    "和",
    "%",
    "％",
    "个百分点",
    "百分之",
    "成",
    "bn",
    "m",
    "k",
    "B",
    " billion",
    " million",
    " dollars",
    " cents",
    " and ",
    " to ",
    "between ",
    "about ",
    "well under ",
    "USD",
    "usd",
    "MUSD",
    "pence",
    "yen",
    "one",
    "five",
    "twenty",
    "-five",
    " hundred",
    "billions of ",
    "\u{200b}",
    "\u{0}",
    "\n",
    "é",
    "😀",
];

fn check_spans(text: &str) {
    let mut last_end = 0;
    for c in Extractor::new().claims(text) {
        let (start, end) = match &c {
            Ok(c) => (c.span().start(), c.span().end()),
            Err(e) => (
                e.location().start.unwrap_or(0),
                e.location().end.unwrap_or(0),
            ),
        };
        assert!(
            start <= end && end <= text.len(),
            "span {start}..{end} out of bounds in {text:?}"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "span {start}..{end} splits a char in {text:?}"
        );
        assert!(
            start >= last_end,
            "spans overlap or are unsorted at {start} in {text:?}"
        );
        if let Ok(c) = c {
            assert!(!c.text(text).is_empty());
        }
        last_end = end;
    }
}

fn assert_round_trip(text: &str, g: &Gen) {
    let claims: Vec<_> = Extractor::new()
        .claims(text)
        .collect::<Result<_, _>>()
        .expect("no overflow");
    prop_assert_eq_helper(claims.len(), 1, text);
    let a = claims[0].amount();
    assert_eq!(
        a.value(),
        Value::Point(a.value().point().unwrap_or_default()),
        "{text:?}: not a point"
    );
    assert_eq!(
        a.value().point().map(|d| d.normalize()),
        Some(g.value.normalize()),
        "value of {:?} in {text:?}",
        g.text
    );
    assert_eq!(
        a.currency().map(|c| c.to_string()).as_deref(),
        Some(g.currency),
        "currency of {:?} in {text:?}",
        g.text
    );
    assert_eq!(
        claims[0].text(text),
        g.text,
        "span of {:?} in {text:?}",
        g.text
    );
}

fn prop_assert_eq_helper(got: usize, want: usize, text: &str) {
    assert_eq!(
        got,
        want,
        "expected {want} claim(s) in {text:?}, got {got}: {:?}",
        Extractor::new().claims(text).collect::<Vec<_>>()
    );
}

/// A currency name, then a qualifier, then the figure (issue 12): "人民币约 320 亿元",
/// "美元近30亿", "新台幣約 8100 億元".
fn word_before_qualifier_zh() -> impl Strategy<Value = Gen> {
    (
        sig(),
        prop::sample::select(vec![("万", 4u32), ("亿", 8), ("億", 8), ("萬", 4)]),
        prop::sample::select(vec![
            ("人民币", "元", "CNY"),
            ("人民幣", "元", "CNY"),
            ("美元", "", "USD"),
            ("港元", "元", "HKD"),
            ("新台幣", "元", "TWD"),
            ("欧元", "", "EUR"),
            ("日元", "", "JPY"),
        ]),
        prop::sample::select(vec!["约", "約", "大约", "近", "逾", "超过", "不到", "接近"]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |((m, v), (unit, e), (word, yuan, code), q, space, suffix)| {
                let sp = if space { " " } else { "" };
                let suf = if suffix { yuan } else { "" };
                Gen {
                    text: format!("{word}{q}{sp}{m}{sp}{unit}{suf}"),
                    value: v * Decimal::from(10u64.pow(e)),
                    currency: code,
                }
            },
        )
}

/// A currency code, then a hedge, then the figure: "EUR approximately 5 million".
fn code_before_hedge_en() -> impl Strategy<Value = Gen> {
    (
        sig(),
        prop::sample::select(vec![("million", 6u32), ("billion", 9), ("bn", 9)]),
        prop::sample::select(vec!["EUR", "USD", "GBP", "CHF", "JPY"]),
        prop::sample::select(vec![
            "approximately",
            "about",
            "around",
            "roughly",
            "nearly",
        ]),
    )
        .prop_map(|((m, v), (scale, e), code, q)| {
            let sp = if scale == "bn" { "" } else { " " };
            Gen {
                text: format!("{code} {q} {m}{sp}{scale}"),
                value: v * Decimal::from(10u64.pow(e)),
                currency: code,
            }
        })
}

/// The (value, currency) of every claim in `text`.
fn values(text: &str) -> Vec<(Value, String)> {
    Extractor::new()
        .claims(text)
        .map(|c| {
            let c = c.expect("no overflow");
            let a = c.amount();
            let v = match a.value() {
                Value::Point(x) => Value::Point(x.normalize()),
                Value::Interval { min, max } => Value::Interval {
                    min: min.map(|x| x.normalize()),
                    max: max.map(|x| x.normalize()),
                },
                other => other,
            };
            (v, a.currency().map(|c| c.to_string()).unwrap_or_default())
        })
        .collect()
}

fn point(v: Decimal, cur: &str) -> (Value, String) {
    (Value::Point(v.normalize()), cur.to_string())
}

fn interval(lo: Decimal, hi: Decimal, cur: &str) -> (Value, String) {
    (
        Value::Interval {
            min: Some(lo.normalize()),
            max: Some(hi.normalize()),
        },
        cur.to_string(),
    )
}

/// Chinese "from … to …" with the currency written at one end only (issue 12):
/// (text, value of the first figure, of the second, ISO code).
fn from_to_zh() -> impl Strategy<Value = (String, Decimal, Decimal, &'static str)> {
    (
        sig(),
        sig(),
        prop::sample::select(vec![("万", 4u32), ("亿", 8), ("億", 8)]),
        prop::sample::select(vec![
            ("美元", "USD"),
            ("欧元", "EUR"),
            ("日元", "JPY"),
            ("港元", "HKD"),
            ("英镑", "GBP"),
        ]),
        prop::sample::select(vec!["从", "從", "由"]),
        prop::sample::select(vec![
            "降至",
            "升至",
            "增至",
            "一度跌到",
            "大幅增长至",
            "下调为",
            "跌到",
        ]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |((m1, v1), (m2, v2), (unit, e), (cur, code), from, verb, space, at_end)| {
                let sp = if space { " " } else { "" };
                let (c1, c2) = if at_end { ("", cur) } else { (cur, "") };
                // "1万一度": after a bare unit, 一 would continue the numeral (1万一 = 11000)
                let verb = if at_end && verb.starts_with('一') {
                    &verb["一度".len()..]
                } else {
                    verb
                };
                let m = Decimal::from(10u64.pow(e));
                (
                    format!("{from}{sp}{m1}{sp}{unit}{c1}{verb}{sp}{m2}{sp}{unit}{c2}"),
                    v1 * m,
                    v2 * m,
                    code,
                )
            },
        )
}

/// English "from X to Y" and "to Y …, up from X" with one currency word.
fn from_to_en() -> impl Strategy<Value = (String, Decimal, Decimal, &'static str)> {
    (
        sig(),
        sig(),
        prop::sample::select(vec![("million", 6u32), ("billion", 9)]),
        prop::sample::select(vec![
            ("dollars", "USD"),
            ("euros", "EUR"),
            ("yen", "JPY"),
            ("Swiss francs", "CHF"),
        ]),
        any::<bool>(),
    )
        .prop_map(|((m1, v1), (m2, v2), (scale, e), (cur, code), forward)| {
            let m = Decimal::from(10u64.pow(e));
            if forward {
                (
                    format!("sales grew from {m1} {scale} to {m2} {scale} {cur}"),
                    v1 * m,
                    v2 * m,
                    code,
                )
            } else {
                (
                    format!(
                        "sales rose to {m2} {scale} {cur} in the quarter, up from {m1} {scale}"
                    ),
                    v2 * m,
                    v1 * m,
                    code,
                )
            }
        })
}

/// An exchange rate in one of its surface forms (issue 12): never money.
fn fx_rate() -> impl Strategy<Value = String> {
    (
        sig(),
        prop::sample::select(vec![
            ("1美元兑", "元人民币"),
            ("1美元兌換", "元人民幣"),
            ("100日元兑", "元人民币"),
            ("1欧元兑", "美元"),
            ("匯率 ", " 元"),
            ("汇率为", "元"),
            ("美元兑人民币报 ", " 元"),
            ("the dollar bought ", " yen"),
            ("the euro fell to $", ""),
            ("€1 = $", ""),
            ("1 euro = ", " dollars"),
            ("an exchange rate of ", " yuan"),
        ]),
    )
        .prop_map(|((m, _), (a, b))| format!("{a}{m}{b}"))
}

fn zh_amount() -> impl Strategy<Value = Gen> {
    prop_oneof![
        arabic_zh(),
        chinese_numeral(false, false),
        chinese_numeral(true, false),
        chinese_numeral(false, true),
        fullwidth_zh()
    ]
}

fn en_amount() -> impl Strategy<Value = Gen> {
    prop_oneof![english_words(), symbol_abbrev()]
}

/// A vague amount: marker, unit and currency (上亿美元, 几万亿日元, 數千萬港元),
/// with the value it stands for.
#[derive(Debug, Clone)]
struct VagueGen {
    text: String,
    /// 上: at least `unit` (a point and a lower bound); 几/数: 2–9 × `unit`.
    at_least: bool,
    unit: Decimal,
    currency: &'static str,
}

fn vague_zh() -> impl Strategy<Value = VagueGen> {
    (
        prop::sample::select(vec![
            ("上", true),
            ("几", false),
            ("幾", false),
            ("数", false),
            ("數", false),
            ("好几", false),
        ]),
        prop::sample::select(vec![
            ("万", 4u32),
            ("萬", 4),
            ("亿", 8),
            ("億", 8),
            ("万亿", 12),
            ("萬億", 12),
            ("十万", 5),
            ("百万", 6),
            ("千万", 7),
            ("十亿", 9),
            ("百亿", 10),
            ("千億", 11),
        ]),
        zh_currency().prop_filter("no unit inside the currency", |(c, _)| !c.starts_with('亿')),
    )
        .prop_map(|((m, at_least), (u, e), (cur, code))| VagueGen {
            text: format!("{m}{u}{cur}"),
            at_least,
            unit: Decimal::from(10u64.pow(e)),
            currency: code,
        })
}

fn assert_vague(text: &str, g: &VagueGen) {
    let claims: Vec<_> = Extractor::new()
        .claims(text)
        .collect::<Result<_, _>>()
        .expect("no overflow");
    prop_assert_eq_helper(claims.len(), 1, text);
    let a = claims[0].amount();
    let want = if g.at_least {
        Value::Point(g.unit)
    } else {
        Value::Interval {
            min: Some(g.unit * Decimal::TWO),
            max: Some(g.unit * Decimal::from(9)),
        }
    };
    assert_eq!(a.value(), want, "value of {:?} in {text:?}", g.text);
    if g.at_least {
        assert_eq!(a.qualifier().label(), "lower_bound", "{text:?}");
    } else {
        assert!(a.qualifier().approx, "{text:?}");
    }
    assert_eq!(
        a.currency().map(|c| c.to_string()).as_deref(),
        Some(g.currency),
        "currency of {:?} in {text:?}",
        g.text
    );
    assert_eq!(claims[0].text(text), g.text, "span in {text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn bounds_with_a_word_between_extract_once(
        g in arabic_zh(),
        bound in prop::sample::select(vec![
            ("最高投入", "upper_bound"),
            ("最多可达", "upper_bound"),
            ("至多支付", "upper_bound"),
            ("最少需要", "lower_bound"),
            ("至少筹集", "lower_bound"),
            ("不超過投資", "upper_bound"),
        ]),
        a in zh_filler(),
        b in zh_filler(),
    ) {
        let mention = format!("{}{}", bound.0, g.text);
        let text = format!("{a}，{mention}。{b}");
        let claims: Vec<_> = Extractor::new().claims(&text).collect::<Result<_, _>>().expect("no overflow");
        prop_assert_eq!(claims.len(), 1, "{}: {:?}", text, claims);
        prop_assert_eq!(claims[0].text(&text), mention.as_str());
        prop_assert_eq!(claims[0].amount().value().point().map(|d| d.normalize()), Some(g.value.normalize()));
        let cur = claims[0].amount().currency().map(|c| c.to_string());
        prop_assert_eq!(cur.as_deref(), Some(g.currency));
        prop_assert_eq!(claims[0].amount().qualifier().label(), bound.1);
    }

    #[test]
    fn within_is_an_upper_bound_of_any_amount(g in zh_amount(), w in prop::sample::select(vec!["以内", "以內", "之内"])) {
        let mention = format!("{}{w}", g.text);
        let text = format!("控制在{mention}。");
        let claims: Vec<_> = Extractor::new().claims(&text).collect::<Result<_, _>>().expect("no overflow");
        prop_assert_eq!(claims.len(), 1, "{}: {:?}", text, claims);
        prop_assert_eq!(claims[0].text(&text), mention.as_str());
        prop_assert_eq!(claims[0].amount().value().point().map(|d| d.normalize()), Some(g.value.normalize()));
        prop_assert_eq!(claims[0].amount().qualifier().label(), "upper_bound");
    }

    #[test]
    fn between_zh_ranges_extract_once(
        lo in 1u32..5000,
        span in 1u32..5000,
        approx in any::<bool>(),
        (cur, code) in prop::sample::select(vec![("億美元", "USD"), ("亿日元", "JPY"), ("億港元", "HKD")]),
        (open, sep, close) in prop::sample::select(vec![("介於", "至", "之間"), ("介于", "到", "之间"), ("介于", "和", "之间")]),
    ) {
        let hi = lo + span;
        let q = if approx { "約" } else { "" };
        let mention = format!("{q}{open} {lo} {sep} {hi} {cur}{close}");
        let text = format!("營收{mention}。");
        let claims: Vec<_> = Extractor::new().claims(&text).collect::<Result<_, _>>().expect("no overflow");
        prop_assert_eq!(claims.len(), 1, "{}: {:?}", text, claims);
        prop_assert_eq!(claims[0].text(&text), mention.as_str());
        let e = Decimal::from(100_000_000u64);
        prop_assert_eq!(
            claims[0].amount().value(),
            Value::Interval { min: Some(Decimal::from(lo) * e), max: Some(Decimal::from(hi) * e) }
        );
        let c = claims[0].amount().currency().map(|c| c.to_string());
        prop_assert_eq!(c.as_deref(), Some(code));
        prop_assert_eq!(claims[0].amount().qualifier().approx, approx);
    }

    #[test]
    fn percent_ranges_extract_once(
        (lo, lo_v) in sig(),
        step in 1u32..500,
        form in 0usize..7,
        a in zh_filler(),
    ) {
        let hi_v = lo_v + Decimal::from(step);
        let hi = hi_v.to_string();
        let (mention, points) = match form {
            0 => (format!("{lo}-{hi}%"), false),
            1 => (format!("{lo}%-{hi}%"), false),
            2 => (format!("{lo}至{hi}個百分點"), true),
            3 => (format!("{lo}到{hi}个百分点"), true),
            4 => (format!("{lo} to {hi} percent"), false),
            5 => (format!("{lo}～{hi}％"), false),
            _ => (format!("{lo}–{hi} per cent"), false),
        };
        let text = format!("{a}，增长{mention}。");
        let claims: Vec<_> = Extractor::new().claims(&text).collect::<Result<_, _>>().expect("no overflow");
        prop_assert_eq!(claims.len(), 1, "{}: {:?}", text, claims);
        prop_assert_eq!(claims[0].text(&text), mention.as_str());
        let a = claims[0].amount();
        prop_assert_eq!(a.kind(), figcheck::Kind::Percent);
        prop_assert_eq!(a.points(), points);
        prop_assert_eq!(a.value(), Value::Interval { min: Some(lo_v), max: Some(hi_v) });
    }

    #[test]
    fn colloquial_small_change_extract_once(
        yuan in 0u64..100,
        jiao in 0u64..10,
        fen in 0u64..10,
        form in 0usize..4,
        liang in any::<bool>(),
        a in zh_filler(),
    ) {
        // a Chinese digit, 两 for 2 when asked
        let d = |n: u64| if n == 2 && liang { "两" } else { DIGITS[n as usize] };
        let y = if yuan == 2 && liang { "两".to_string() } else { chinese(yuan, false, false) };
        let (mention, value) = if yuan == 0 {
            // written in 毛: 两毛五, 五毛钱, 三毛二分
            let j = jiao.max(1);
            match (form % 3, fen) {
                (0, f) if f > 0 => (format!("{}毛{}", d(j), d(f)), Decimal::new((j * 10 + f) as i64, 2)),
                (1, f) if f > 0 => (format!("{}毛{}分", d(j), d(f)), Decimal::new((j * 10 + f) as i64, 2)),
                _ => (format!("{}毛钱", d(j)), Decimal::new(j as i64, 1)),
            }
        } else {
            match (form, jiao, fen) {
                // 一块二, 五块六毛八, 三块零四, 三块四分
                (_, 0, 0) => (format!("{y}块"), Decimal::from(yuan)),
                (0, j, 0) => (format!("{y}块{}", d(j)), Decimal::new((yuan * 10 + j) as i64, 1)),
                (_, 0, f) => (format!("{y}块零{}", d(f)), Decimal::new((yuan * 100 + f) as i64, 2)),
                (1, j, f) if f > 0 => (format!("{y}块{}毛{}", d(j), d(f)), Decimal::new((yuan * 100 + j * 10 + f) as i64, 2)),
                (2, j, f) if f > 0 => (format!("{y}块{}毛{}分", d(j), d(f)), Decimal::new((yuan * 100 + j * 10 + f) as i64, 2)),
                (_, j, _) => (format!("{y}块{}毛", d(j)), Decimal::new((yuan * 10 + j) as i64, 1)),
            }
        };
        let text = format!("{a}，花了{mention}。");
        let claims: Vec<_> = Extractor::new().claims(&text).collect::<Result<_, _>>().expect("no overflow");
        prop_assert_eq!(claims.len(), 1, "{}: {:?}", text, claims);
        prop_assert_eq!(claims[0].text(&text), mention.as_str());
        prop_assert_eq!(claims[0].amount().value().point().map(|v| v.normalize()), Some(value.normalize()));
        let cur = claims[0].amount().currency().map(|c| c.to_string());
        prop_assert_eq!(cur.as_deref(), Some("CNY"));
    }

    #[test]
    fn vague_amounts_extract_once(g in vague_zh(), a in zh_filler(), b in zh_filler()) {
        let text = format!("{a}，{}。{b}", g.text);
        assert_vague(&text, &g);
    }

    #[test]
    fn vague_amounts_in_lists_share_the_currency(
        g in vague_zh(),
        first in prop::sample::select(vec![("数百万", 6u32), ("几十亿", 9), ("几千万", 7), ("数万", 4)]),
        sep in prop::sample::select(vec!["乃至", "甚至", "、", "至"]),
    ) {
        let text = format!("投入{}{sep}{}。", first.0, g.text);
        let claims: Vec<_> = Extractor::new().claims(&text).collect::<Result<_, _>>().expect("no overflow");
        prop_assert_eq!(claims.len(), 2, "{}: {:?}", text, claims);
        let unit = Decimal::from(10u64.pow(first.1));
        prop_assert_eq!(claims[0].amount().value(), Value::Interval { min: Some(unit * Decimal::TWO), max: Some(unit * Decimal::from(9)) });
        let cur = claims[0].amount().currency().map(|c| c.to_string());
        prop_assert_eq!(cur.as_deref(), Some(g.currency));
        prop_assert_eq!(claims[1].text(&text), g.text.as_str());
    }

    #[test]
    fn chinese_amounts_in_chinese_text_extract_once(g in zh_amount(), a in zh_filler(), b in zh_filler()) {
        let text = format!("{a}{}{b}", g.text);
        assert_round_trip(&text, &g);
    }

    #[test]
    fn english_amounts_in_english_text_extract_once(g in en_amount(), a in en_filler(), b in en_filler()) {
        let text = format!("{a} {} {b}", g.text);
        assert_round_trip(&text, &g);
    }

    #[test]
    fn english_amounts_in_chinese_text_extract_once(g in en_amount(), a in zh_filler(), b in zh_filler()) {
        let text = format!("{a} {} {b}", g.text);
        assert_round_trip(&text, &g);
    }

    #[test]
    fn currency_words_before_qualifiers_extract_once(g in word_before_qualifier_zh(), a in zh_filler(), b in zh_filler()) {
        let text = format!("{a}{}，{b}", g.text);
        assert_round_trip(&text, &g);
    }

    #[test]
    fn codes_before_hedges_extract_once(g in code_before_hedge_en(), a in en_filler(), b in en_filler()) {
        let text = format!("{a} {} {b}", g.text);
        assert_round_trip(&text, &g);
    }

    #[test]
    fn from_to_carries_the_currency_zh((t, v1, v2, code) in from_to_zh(), a in zh_filler(), b in zh_filler()) {
        let text = format!("{a}，{t}。{b}");
        prop_assert_eq!(values(&text), vec![point(v1, code), point(v2, code)], "{}", text);
    }

    #[test]
    fn from_to_carries_the_currency_en((t, v1, v2, code) in from_to_en(), a in en_filler(), b in en_filler()) {
        let text = format!("{a}. {t}. {b}");
        prop_assert_eq!(values(&text), vec![point(v1, code), point(v2, code)], "{}", text);
    }

    #[test]
    fn bracketed_conversions_make_two_ranges(
        (m1, v1) in sig(), (_m, w1) in sig(), (b1, u1) in sig(), (_b, w2) in sig(),
        (scale, e) in prop::sample::select(vec![("million", 6u32), ("billion", 9)]),
        a in en_filler(),
    ) {
        // the ends rise in both currencies: hi = lo + delta
        let (m2, v2) = ((v1 + w1).to_string(), v1 + w1);
        let (b2, u2) = ((u1 + w2).to_string(), u1 + w2);
        let text = format!("{a} sales of {m1} {scale} euros (£{b1} {scale}) to {m2} {scale} euros (£{b2} {scale}).");
        let k = Decimal::from(10u64.pow(e));
        prop_assert_eq!(
            values(&text),
            vec![interval(v1 * k, v2 * k, "EUR"), interval(u1 * k, u2 * k, "GBP")],
            "{}", text
        );
    }

    #[test]
    fn exchange_rates_are_never_money(r in fx_rate(), g in zh_amount(), a in zh_filler()) {
        // the rate alone gives nothing; an amount after it extracts exactly once
        prop_assert!(values(&r).is_empty(), "{}: {:?}", r, values(&r));
        let text = format!("{a}，按{r}计，{}。", g.text);
        assert_round_trip(&text, &g);
    }

    #[test]
    fn cents_in_a_euro_text_are_euro_cents(n in 1u32..100, a in en_filler(), b in en_filler()) {
        let text = format!("{a}. Prices are in euros: {n} cents. {b}");
        prop_assert_eq!(values(&text), vec![point(Decimal::new(n as i64, 2), "EUR")], "{}", text);
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        check_spans(&s);
    }

    #[test]
    fn grammar_soup_never_panics(tokens in prop::collection::vec(prop::sample::select(SOUP.to_vec()), 0..40)) {
        check_spans(&tokens.concat());
    }

    #[test]
    fn chinese_numerals_round_trip(n in 1u64..10_000_000_000_000_000, fin in any::<bool>(), trad in any::<bool>()) {
        let s = chinese(n, fin, trad);
        prop_assert_eq!(parse_numeral(&s).ok(), Some(Decimal::from(n)), "{}", s);
    }

    #[test]
    fn arabic_numerals_round_trip((m, v) in sig()) {
        prop_assert_eq!(parse_numeral(&m).ok().map(|d| d.normalize()), Some(v.normalize()));
        prop_assert_eq!(parse_numeral(&fullwidth(&m)).ok().map(|d| d.normalize()), Some(v.normalize()));
    }
}

#[test]
fn chinese_renderer_is_right() {
    assert_eq!(
        chinese(12345678, false, false),
        "一千二百三十四万五千六百七十八"
    );
    assert_eq!(chinese(100010, false, false), "一十万零一十");
    assert_eq!(chinese(100000000, false, true), "一億");
    assert_eq!(chinese(1010, true, false), "壹仟零壹拾");
}
