//! Currency symbols, codes and names in Chinese and English → ISO 4217
//! (rules `currency_prefix`, `currency_suffix`, `subunit`).

use super::table::Table;
use crate::normalize::Currency;
use std::sync::OnceLock;

/// What a currency word denotes before document defaults are applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cur {
    /// An unambiguous ISO currency.
    Iso(Currency),
    /// Bare `$`, "dollar(s)": USD unless a hint says otherwise.
    Dollar,
    /// `¥`/`￥`: CNY in Chinese text, JPY in English text.
    Yen,
    /// Bare 元/块: the yuan-family currency the document names, else CNY.
    Yuan,
}

/// How a currency word is written; decides how it binds to neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// A symbol such as `$`, `€`, `US$`.
    Symbol,
    /// A three-letter code such as `USD`.
    Code,
    /// A word such as 美元 or "dollars".
    Word,
}

/// A currency keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CurrencyWord {
    pub cur: Cur,
    pub form: Form,
    /// Power of ten the word implies ("MUSD" = million USD).
    pub scale: u32,
}

/// A subunit keyword: fraction of the major unit, and the currency it
/// implies when written alone (None: only after a major amount).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Subunit {
    /// Decimal places: 1 for 角/毛 (0.1), 2 for 分/cents (0.01).
    pub places: u32,
    /// Currency when the subunit stands alone ("50美分", "470 pence").
    pub alone: Option<Cur>,
}

const fn iso(code: &[u8; 3]) -> Cur {
    Cur::Iso(Currency::known(code))
}

const fn sym(cur: Cur) -> CurrencyWord {
    CurrencyWord {
        cur,
        form: Form::Symbol,
        scale: 0,
    }
}
const fn code(c: &[u8; 3]) -> CurrencyWord {
    CurrencyWord {
        cur: iso(c),
        form: Form::Code,
        scale: 0,
    }
}
const fn mcode(c: &[u8; 3]) -> CurrencyWord {
    CurrencyWord {
        cur: iso(c),
        form: Form::Code,
        scale: 6,
    }
}
const fn word(cur: Cur) -> CurrencyWord {
    CurrencyWord {
        cur,
        form: Form::Word,
        scale: 0,
    }
}

/// Symbols and symbol-like prefixes, valid before and after the number.
const SYMBOLS: &[(&str, CurrencyWord)] = &[
    ("US$", sym(iso(b"USD"))),
    ("U.S.$", sym(iso(b"USD"))),
    ("U.S. $", sym(iso(b"USD"))),
    ("U.S $", sym(iso(b"USD"))),
    ("US $", sym(iso(b"USD"))),
    ("USD$", sym(iso(b"USD"))),
    ("HK$", sym(iso(b"HKD"))),
    ("HK $", sym(iso(b"HKD"))),
    ("HKD$", sym(iso(b"HKD"))),
    ("NT$", sym(iso(b"TWD"))),
    ("NT $", sym(iso(b"TWD"))),
    ("S$", sym(iso(b"SGD"))),
    ("SG$", sym(iso(b"SGD"))),
    ("A$", sym(iso(b"AUD"))),
    ("AU$", sym(iso(b"AUD"))),
    ("AUD$", sym(iso(b"AUD"))),
    ("C$", sym(iso(b"CAD"))),
    ("C $", sym(iso(b"CAD"))),
    ("CA$", sym(iso(b"CAD"))),
    ("CAD$", sym(iso(b"CAD"))),
    ("NZ$", sym(iso(b"NZD"))),
    ("NZD$", sym(iso(b"NZD"))),
    ("MX$", sym(iso(b"MXN"))),
    ("Mex$", sym(iso(b"MXN"))),
    ("MXN$", sym(iso(b"MXN"))),
    ("R$", sym(iso(b"BRL"))),
    ("RMB¥", sym(iso(b"CNY"))),
    ("RMB￥", sym(iso(b"CNY"))),
    ("CN¥", sym(iso(b"CNY"))),
    ("JP¥", sym(iso(b"JPY"))),
    ("$", sym(Cur::Dollar)),
    ("＄", sym(Cur::Dollar)),
    ("€", sym(iso(b"EUR"))),
    ("£", sym(iso(b"GBP"))),
    ("￡", sym(iso(b"GBP"))),
    ("¥", sym(Cur::Yen)),
    ("￥", sym(Cur::Yen)),
    ("₩", sym(iso(b"KRW"))),
    ("￦", sym(iso(b"KRW"))),
    ("₹", sym(iso(b"INR"))),
    ("₽", sym(iso(b"RUB"))),
    ("₺", sym(iso(b"TRY"))),
    ("₫", sym(iso(b"VND"))),
    ("฿", sym(iso(b"THB"))),
    ("₱", sym(iso(b"PHP"))),
    ("₦", sym(iso(b"NGN"))),
    ("₡", sym(iso(b"CRC"))),
    ("₾", sym(iso(b"GEL"))),
    ("₭", sym(iso(b"LAK"))),
    ("₪", sym(iso(b"ILS"))),
    ("₴", sym(iso(b"UAH"))),
    ("ரூ", sym(iso(b"LKR"))),
];

/// Codes and their lower-case forms that are not ordinary English words.
const CODES_EXTRA: &[(&str, CurrencyWord)] = &[
    ("RMB", code(b"CNY")),
    ("MUSD", mcode(b"USD")),
    ("MEUR", mcode(b"EUR")),
    ("MGBP", mcode(b"GBP")),
    ("MAUD", mcode(b"AUD")),
    ("MCAD", mcode(b"CAD")),
    ("MCHF", mcode(b"CHF")),
    ("MCNY", mcode(b"CNY")),
    ("MRMB", mcode(b"CNY")),
    ("MJPY", mcode(b"JPY")),
    ("MSEK", mcode(b"SEK")),
    ("MNOK", mcode(b"NOK")),
    ("MDKK", mcode(b"DKK")),
];

/// Words valid only before a number.
const PREFIX_WORDS: &[(&str, CurrencyWord)] = &[
    ("人民币", word(iso(b"CNY"))),
    ("人民幣", word(iso(b"CNY"))),
    ("美元", word(iso(b"USD"))),
    ("美金", word(iso(b"USD"))),
    ("港元", word(iso(b"HKD"))),
    ("港币", word(iso(b"HKD"))),
    ("港幣", word(iso(b"HKD"))),
    ("新台币", word(iso(b"TWD"))),
    ("新台幣", word(iso(b"TWD"))),
    ("台币", word(iso(b"TWD"))),
    ("台幣", word(iso(b"TWD"))),
    ("日元", word(iso(b"JPY"))),
    ("日圆", word(iso(b"JPY"))),
    ("日圓", word(iso(b"JPY"))),
    ("欧元", word(iso(b"EUR"))),
    ("歐元", word(iso(b"EUR"))),
    ("英镑", word(iso(b"GBP"))),
    ("英鎊", word(iso(b"GBP"))),
    ("dollar", word(Cur::Dollar)),
    ("dollars", word(Cur::Dollar)),
    ("Rs", sym(iso(b"INR"))),
    ("Rs.", sym(iso(b"INR"))),
    ("RM", sym(iso(b"MYR"))),
];

/// Words valid only after a number.
const SUFFIX_WORDS: &[(&str, CurrencyWord)] = &[
    ("美元", word(iso(b"USD"))),
    ("美金", word(iso(b"USD"))),
    ("美圆", word(iso(b"USD"))),
    ("美圓", word(iso(b"USD"))),
    ("美刀", word(iso(b"USD"))),
    ("人民币", word(iso(b"CNY"))),
    ("人民幣", word(iso(b"CNY"))),
    ("人币", word(iso(b"CNY"))),
    ("人幣", word(iso(b"CNY"))),
    ("元", word(Cur::Yuan)),
    ("圆", word(Cur::Yuan)),
    ("圓", word(Cur::Yuan)),
    ("块", word(Cur::Yuan)),
    ("塊", word(Cur::Yuan)),
    ("块钱", word(Cur::Yuan)),
    ("塊錢", word(Cur::Yuan)),
    ("元人民币", word(iso(b"CNY"))),
    ("元人民幣", word(iso(b"CNY"))),
    ("日元", word(iso(b"JPY"))),
    ("日圆", word(iso(b"JPY"))),
    ("日圓", word(iso(b"JPY"))),
    ("日币", word(iso(b"JPY"))),
    ("日幣", word(iso(b"JPY"))),
    ("円", word(iso(b"JPY"))),
    ("欧元", word(iso(b"EUR"))),
    ("歐元", word(iso(b"EUR"))),
    ("英镑", word(iso(b"GBP"))),
    ("英鎊", word(iso(b"GBP"))),
    ("港元", word(iso(b"HKD"))),
    ("港币", word(iso(b"HKD"))),
    ("港幣", word(iso(b"HKD"))),
    ("港圆", word(iso(b"HKD"))),
    ("港圓", word(iso(b"HKD"))),
    ("新台币", word(iso(b"TWD"))),
    ("新台幣", word(iso(b"TWD"))),
    ("台币", word(iso(b"TWD"))),
    ("台幣", word(iso(b"TWD"))),
    ("新台币元", word(iso(b"TWD"))),
    ("澳门币", word(iso(b"MOP"))),
    ("澳門幣", word(iso(b"MOP"))),
    ("澳门元", word(iso(b"MOP"))),
    ("澳門元", word(iso(b"MOP"))),
    ("葡币", word(iso(b"MOP"))),
    ("韩元", word(iso(b"KRW"))),
    ("韓元", word(iso(b"KRW"))),
    ("韩币", word(iso(b"KRW"))),
    ("韓幣", word(iso(b"KRW"))),
    ("韩圜", word(iso(b"KRW"))),
    ("韓圜", word(iso(b"KRW"))),
    ("澳元", word(iso(b"AUD"))),
    ("澳币", word(iso(b"AUD"))),
    ("澳幣", word(iso(b"AUD"))),
    ("加元", word(iso(b"CAD"))),
    ("加币", word(iso(b"CAD"))),
    ("加幣", word(iso(b"CAD"))),
    ("新加坡元", word(iso(b"SGD"))),
    ("新元", word(iso(b"SGD"))),
    ("新币", word(iso(b"SGD"))),
    ("新幣", word(iso(b"SGD"))),
    ("纽元", word(iso(b"NZD"))),
    ("紐元", word(iso(b"NZD"))),
    ("新西兰元", word(iso(b"NZD"))),
    ("瑞士法郎", word(iso(b"CHF"))),
    ("瑞郎", word(iso(b"CHF"))),
    ("卢布", word(iso(b"RUB"))),
    ("盧布", word(iso(b"RUB"))),
    ("印度卢比", word(iso(b"INR"))),
    ("卢比", word(iso(b"INR"))),
    ("盧比", word(iso(b"INR"))),
    ("泰铢", word(iso(b"THB"))),
    ("泰銖", word(iso(b"THB"))),
    ("令吉", word(iso(b"MYR"))),
    ("林吉特", word(iso(b"MYR"))),
    ("马币", word(iso(b"MYR"))),
    ("馬幣", word(iso(b"MYR"))),
    ("奈拉", word(iso(b"NGN"))),
    ("越南盾", word(iso(b"VND"))),
    ("印尼盾", word(iso(b"IDR"))),
    ("菲律宾比索", word(iso(b"PHP"))),
    ("墨西哥比索", word(iso(b"MXN"))),
    ("雷亚尔", word(iso(b"BRL"))),
    ("兰特", word(iso(b"ZAR"))),
    ("里拉", word(iso(b"TRY"))),
    ("迪拉姆", word(iso(b"AED"))),
    ("里亚尔", word(iso(b"SAR"))),
    ("US dollars", word(iso(b"USD"))),
    ("US dollar", word(iso(b"USD"))),
    ("U.S. dollars", word(iso(b"USD"))),
    ("U.S. dollar", word(iso(b"USD"))),
    ("American dollars", word(iso(b"USD"))),
    ("dollars", word(Cur::Dollar)),
    ("dollar", word(Cur::Dollar)),
    ("Australian dollars", word(iso(b"AUD"))),
    ("Australian dollar", word(iso(b"AUD"))),
    ("Canadian dollars", word(iso(b"CAD"))),
    ("Canadian dollar", word(iso(b"CAD"))),
    ("Hong Kong dollars", word(iso(b"HKD"))),
    ("Hong Kong dollar", word(iso(b"HKD"))),
    ("Singapore dollars", word(iso(b"SGD"))),
    ("Singapore dollar", word(iso(b"SGD"))),
    ("New Zealand dollars", word(iso(b"NZD"))),
    ("New Zealand dollar", word(iso(b"NZD"))),
    ("Taiwan dollars", word(iso(b"TWD"))),
    ("New Taiwan dollars", word(iso(b"TWD"))),
    ("euros", word(iso(b"EUR"))),
    ("euro", word(iso(b"EUR"))),
    ("pounds sterling", word(iso(b"GBP"))),
    ("pounds", word(iso(b"GBP"))),
    ("pound", word(iso(b"GBP"))),
    ("sterling", word(iso(b"GBP"))),
    ("yen", word(iso(b"JPY"))),
    ("yuan", word(iso(b"CNY"))),
    ("yuan renminbi", word(iso(b"CNY"))),
    ("yuan renmimbi", word(iso(b"CNY"))),
    ("Chinese yuan", word(iso(b"CNY"))),
    ("renminbi", word(iso(b"CNY"))),
    ("kuai", word(iso(b"CNY"))),
    ("won", word(iso(b"KRW"))),
    ("rupees", word(iso(b"INR"))),
    ("rupee", word(iso(b"INR"))),
    ("Swiss francs", word(iso(b"CHF"))),
    ("Swiss franc", word(iso(b"CHF"))),
    ("Turkish lira", word(iso(b"TRY"))),
    ("Turkish liras", word(iso(b"TRY"))),
    ("lira", word(iso(b"TRY"))),
    ("rubles", word(iso(b"RUB"))),
    ("roubles", word(iso(b"RUB"))),
    ("reais", word(iso(b"BRL"))),
    ("rand", word(iso(b"ZAR"))),
    ("ringgit", word(iso(b"MYR"))),
    ("baht", word(iso(b"THB"))),
    ("rupiah", word(iso(b"IDR"))),
    ("naira", word(iso(b"NGN"))),
    ("Mexican pesos", word(iso(b"MXN"))),
    ("Philippine pesos", word(iso(b"PHP"))),
];

/// Subunits: 角 毛 分, cents, pence.
const SUBUNITS: &[(&str, Subunit)] = &[
    (
        "角",
        Subunit {
            places: 1,
            alone: None,
        },
    ),
    (
        "毛",
        Subunit {
            places: 1,
            alone: None,
        },
    ),
    (
        "分",
        Subunit {
            places: 2,
            alone: None,
        },
    ),
    (
        "美分",
        Subunit {
            places: 2,
            alone: Some(iso(b"USD")),
        },
    ),
    (
        "便士",
        Subunit {
            places: 2,
            alone: Some(iso(b"GBP")),
        },
    ),
    (
        "日本銭",
        Subunit {
            places: 2,
            alone: Some(iso(b"JPY")),
        },
    ),
    (
        "日本钱",
        Subunit {
            places: 2,
            alone: Some(iso(b"JPY")),
        },
    ),
    (
        "銭",
        Subunit {
            places: 2,
            alone: None,
        },
    ),
    (
        "cents",
        Subunit {
            places: 2,
            alone: Some(Cur::Dollar),
        },
    ),
    (
        "cent",
        Subunit {
            places: 2,
            alone: Some(Cur::Dollar),
        },
    ),
    (
        "pence",
        Subunit {
            places: 2,
            alone: Some(iso(b"GBP")),
        },
    ),
    (
        "mao",
        Subunit {
            places: 1,
            alone: None,
        },
    ),
    (
        "jiao",
        Subunit {
            places: 1,
            alone: None,
        },
    ),
];

/// ISO codes usable as currency words in running text. Lower-case forms are
/// accepted only for these, where they are not English words.
const LOWER_OK: &[&str] = &[
    "usd", "rmb", "cny", "eur", "gbp", "jpy", "hkd", "aud", "cad", "chf", "twd", "sgd", "krw",
    "inr", "nzd", "mxn",
];

/// ISO codes that are also upper-case English words ("ALL 5 solutions"):
/// not read as currencies in running text.
const WORDLIKE_CODES: &[&str] = &["ALL", "BOB", "CUP", "MAD", "PEN", "SOS", "TOP"];

pub(crate) struct Tables {
    pub prefix: Table<CurrencyWord>,
    pub suffix: Table<CurrencyWord>,
    pub subunit: Table<Subunit>,
    /// Codes in upper case packed into a u32 (see `pack`), sorted.
    codes: Vec<(u32, CurrencyWord)>,
    /// Packed upper-case forms of the codes also read in lower case.
    lower_ok: Vec<u32>,
}

/// Packs 3-4 ASCII letters, upper-cased, into a u32 key.
fn pack(s: &[u8]) -> u32 {
    s.iter()
        .fold(0u32, |k, &b| (k << 8) | b.to_ascii_uppercase() as u32)
}

pub(crate) fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut codes: Vec<(&'static str, CurrencyWord)> = Vec::new();
        for c in crate::normalize::iso_codes().filter(|c| !WORDLIKE_CODES.contains(c)) {
            codes.push((
                c,
                code(
                    c.as_bytes()
                        .try_into()
                        .expect("ISO codes have three letters"),
                ),
            ));
        }
        codes.extend_from_slice(CODES_EXTRA);
        let mut codes: Vec<(u32, CurrencyWord)> = codes
            .into_iter()
            .map(|(c, w)| (pack(c.as_bytes()), w))
            .collect();
        codes.sort_by_key(|&(k, _)| k);
        let lower_ok: Vec<u32> = LOWER_OK.iter().map(|c| pack(c.as_bytes())).collect();
        let mut prefix: Vec<(&'static str, CurrencyWord)> = SYMBOLS.to_vec();
        prefix.extend_from_slice(PREFIX_WORDS);
        let mut suffix: Vec<(&'static str, CurrencyWord)> = SYMBOLS.to_vec();
        suffix.extend_from_slice(SUFFIX_WORDS);
        Tables {
            prefix: Table::new(&prefix),
            suffix: Table::new(&suffix),
            subunit: Table::new(SUBUNITS),
            codes,
            lower_ok,
        }
    })
}

fn code_ok(s: &str) -> Option<CurrencyWord> {
    let t = tables();
    let key = pack(s.as_bytes());
    // exact upper case, or a whitelisted lower-case code
    if !s.bytes().all(|b| b.is_ascii_uppercase()) && !t.lower_ok.contains(&key) {
        return None;
    }
    let i = t.codes.binary_search_by_key(&key, |&(k, _)| k).ok()?;
    Some(t.codes[i].1)
}

/// A currency code at the start of `s` (3-4 ASCII letters, then no letter).
pub(crate) fn code_at_start(s: &str) -> Option<(CurrencyWord, usize)> {
    let n = s.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    if !(3..=4).contains(&n) {
        return None;
    }
    code_ok(&s[..n]).map(|w| (w, n))
}

/// A currency code at the end of `s` (3-4 ASCII letters, no letter before).
pub(crate) fn code_at_end(s: &str) -> Option<(CurrencyWord, usize)> {
    let n = s
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if !(3..=4).contains(&n) {
        return None;
    }
    code_ok(&s[s.len() - n..]).map(|w| (w, n))
}

/// Longest currency keyword at the start of `s`: code, symbol or word.
pub(crate) fn currency_suffix(s: &str) -> Option<(CurrencyWord, usize)> {
    let t = tables();
    let a = t.suffix.prefix_of(s).map(|(e, n)| (e.value, n));
    let b = code_at_start(s);
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.1 > x.1 { y } else { x }),
        (x, y) => x.or(y),
    }
}

/// Longest currency keyword at the end of `s`.
pub(crate) fn currency_prefix(s: &str) -> Option<(CurrencyWord, usize)> {
    let t = tables();
    let a = t.prefix.suffix_of(s).map(|(e, n)| (e.value, n));
    let b = code_at_end(s);
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.1 > x.1 { y } else { x }),
        (x, y) => x.or(y),
    }
}

/// A subunit keyword at the start of `s`.
pub(crate) fn subunit(s: &str) -> Option<(Subunit, usize)> {
    tables().subunit.prefix_of(s).map(|(e, n)| (e.value, n))
}

/// Explicit yuan-family names that decide what a bare 元/块 means.
pub(crate) const YUAN_FAMILY: &[(&str, Currency)] = &[
    ("人民币", Currency::CNY),
    ("人民幣", Currency::CNY),
    ("人币", Currency::CNY),
    ("人幣", Currency::CNY),
    ("RMB", Currency::CNY),
    ("港元", Currency::HKD),
    ("港币", Currency::HKD),
    ("港幣", Currency::HKD),
    ("HK$", Currency::HKD),
    ("新台币", Currency::TWD),
    ("新台幣", Currency::TWD),
    ("台币", Currency::TWD),
    ("台幣", Currency::TWD),
    ("NT$", Currency::TWD),
    ("澳门元", Currency::known(b"MOP")),
    ("澳門元", Currency::known(b"MOP")),
    ("澳门币", Currency::known(b"MOP")),
    ("澳門幣", Currency::known(b"MOP")),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn suf(s: &str) -> Option<(Cur, usize)> {
        currency_suffix(s).map(|(w, n)| (w.cur, n))
    }
    fn pre(s: &str) -> Option<(Cur, usize)> {
        currency_prefix(s).map(|(w, n)| (w.cur, n))
    }

    #[test]
    fn suffix_words_codes_symbols() {
        assert_eq!(suf("美元投资"), Some((iso(b"USD"), 6)));
        assert_eq!(suf("亿美元"), None);
        assert_eq!(suf("元人民币"), Some((iso(b"CNY"), 12)));
        assert_eq!(suf("元"), Some((Cur::Yuan, 3)));
        assert_eq!(suf("USD million"), Some((iso(b"USD"), 3)));
        assert_eq!(suf("usd"), Some((iso(b"USD"), 3)));
        assert_eq!(suf("US dollars"), Some((iso(b"USD"), 10)));
        assert_eq!(suf("dollars bill"), Some((Cur::Dollar, 7)));
        assert_eq!(suf("€"), Some((iso(b"EUR"), 3)));
        assert_eq!(suf("MUSD were").map(|x| x.1), Some(4));
        assert_eq!(suf("Swiss francs"), Some((iso(b"CHF"), 12)));
    }

    #[test]
    fn suffix_rejects_words_that_only_start_alike() {
        assert_eq!(suf("yens"), None);
        assert_eq!(suf("wonder"), None);
        assert_eq!(suf("eur"), Some((iso(b"EUR"), 3)));
        assert_eq!(suf("all"), None);
        assert_eq!(suf("ALL"), None);
        assert_eq!(suf("GEL"), Some((iso(b"GEL"), 3)));
        assert_eq!(suf("people"), None);
    }

    #[test]
    fn prefix_symbols_and_codes() {
        assert_eq!(pre("won a $"), Some((Cur::Dollar, 1)));
        assert_eq!(pre("of us $"), Some((iso(b"USD"), 4)));
        assert_eq!(pre("between c $"), Some((iso(b"CAD"), 3)));
        assert_eq!(pre("for USD"), Some((iso(b"USD"), 3)));
        assert_eq!(pre("计划人民币"), Some((iso(b"CNY"), 9)));
        assert_eq!(pre("MAUD"), Some((iso(b"AUD"), 4)));
        assert_eq!(pre("plus"), None);
        assert_eq!(pre("thus $").map(|x| x.1), Some(1));
    }

    #[test]
    fn subunits() {
        assert_eq!(subunit("角三分").map(|(s, n)| (s.places, n)), Some((1, 3)));
        assert_eq!(subunit("cents.").map(|(s, n)| (s.places, n)), Some((2, 5)));
        assert_eq!(subunit("centre"), None);
    }
}
