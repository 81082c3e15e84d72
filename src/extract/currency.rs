//! Currency symbols, codes and names in Chinese and English → ISO 4217
//! (rules `currency_prefix`, `currency_suffix`, `subunit`).
//!
//! The symbols and names come from `src/names/currencies.tsv` (compiled in;
//! its format is documented in `src/names/CURRENCIES.md`); every active ISO
//! 4217 code is read as a code as well (`USD`, `MYR`; lower case only for
//! the codes that are not English words).

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
    /// A name several currencies share ("pesos", "dinar", 比索): the one
    /// whose country the document names, else unresolved. The index is into
    /// [`Tables::families`].
    Family(u8),
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

/// The currency table, compiled in (format: `src/names/CURRENCIES.md`).
const CURRENCIES: &str = include_str!("../names/currencies.tsv");

/// A name shared by several currencies, with the country names that decide it.
#[derive(Debug)]
pub(crate) struct Family {
    /// The family's key in the table ("peso").
    pub name: &'static str,
    /// Each member currency with the country names that select it.
    pub members: Vec<(Currency, Vec<&'static str>)>,
}

/// The rows of `currencies.tsv`, read once.
struct Rows {
    prefix: Vec<(&'static str, CurrencyWord)>,
    suffix: Vec<(&'static str, CurrencyWord)>,
    families: Vec<Family>,
}

/// Reads `currencies.tsv`. The table is part of the source, so a malformed
/// row is a bug that the unit tests catch, not bad input.
fn rows(src: &'static str) -> Result<Rows, String> {
    let mut prefix = Vec::new();
    let mut suffix = Vec::new();
    let mut families: Vec<Family> = Vec::new();
    let mut countries: Vec<(&'static str, Currency, Vec<&'static str>)> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |m: &str| format!("currencies.tsv:{}: {m}", i + 1);
        let mut f = line.split('\t');
        let (Some(code), Some(kind), Some(forms), None) = (f.next(), f.next(), f.next(), f.next())
        else {
            return Err(at("expected three tab-separated fields"));
        };
        let forms: Vec<&'static str> = forms.split('|').collect();
        if forms.iter().any(|w| w.is_empty() || w.trim() != *w) {
            return Err(at("empty or padded form"));
        }
        let cur = match code {
            "dollar" => Cur::Dollar,
            "yen" => Cur::Yen,
            "yuan" => Cur::Yuan,
            c if c.starts_with('?') => {
                if families.len() >= u8::MAX as usize {
                    return Err(at("too many families"));
                }
                families.push(Family {
                    name: &c[1..],
                    members: Vec::new(),
                });
                Cur::Family((families.len() - 1) as u8)
            }
            c => Cur::Iso(
                Currency::from_code(c)
                    .ok()
                    .filter(|x| x.code() == c)
                    .ok_or_else(|| at(&format!("unknown currency code {c:?}")))?,
            ),
        };
        if let Some(fam) = kind.strip_prefix("country=") {
            let Cur::Iso(c) = cur else {
                return Err(at("a country row needs an ISO code"));
            };
            countries.push((fam, c, forms));
            continue;
        }
        let (form, before, after) = match kind {
            "symbol" => (Form::Symbol, true, true),
            "prefix-symbol" => (Form::Symbol, true, false),
            "prefix" => (Form::Word, true, false),
            "suffix" => (Form::Word, false, true),
            k => return Err(at(&format!("unknown kind {k:?}"))),
        };
        let w = CurrencyWord {
            cur,
            form,
            scale: 0,
        };
        for t in forms {
            if before {
                prefix.push((t, w));
            }
            if after {
                suffix.push((t, w));
            }
        }
    }
    for (fam, c, names) in countries {
        let f = families
            .iter_mut()
            .find(|f| f.name == fam)
            .ok_or_else(|| format!("currencies.tsv: country row for unknown family {fam:?}"))?;
        f.members.push((c, names));
    }
    if let Some(f) = families.iter().find(|f| f.members.len() < 2) {
        return Err(format!(
            "currencies.tsv: family {:?} needs two or more countries",
            f.name
        ));
    }
    Ok(Rows {
        prefix,
        suffix,
        families,
    })
}

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
        "欧分",
        Subunit {
            places: 2,
            alone: Some(iso(b"EUR")),
        },
    ),
    (
        "歐分",
        Subunit {
            places: 2,
            alone: Some(iso(b"EUR")),
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
/// not read as currencies before a number, only after one.
const WORDLIKE_CODES: &[&str] = &["ALL", "BOB", "CUP", "MAD", "PEN", "SOS", "TOP"];

pub(crate) struct Tables {
    pub prefix: Table<CurrencyWord>,
    pub suffix: Table<CurrencyWord>,
    pub subunit: Table<Subunit>,
    /// Codes in upper case packed into a u32 (see `pack`), sorted.
    codes: Vec<(u32, CurrencyWord)>,
    /// Packed upper-case forms of the codes also read in lower case.
    lower_ok: Vec<u32>,
    /// Names several currencies share (`Cur::Family` indexes this).
    pub families: Vec<Family>,
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
        // Invariant: the compiled-in table is checked by the unit tests.
        let rows = rows(CURRENCIES).expect("the built-in currency table is well formed");
        Tables {
            prefix: Table::new(&rows.prefix),
            suffix: Table::new(&rows.suffix),
            subunit: Table::new(SUBUNITS),
            codes,
            lower_ok,
            families: rows.families,
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

/// A code that is also an English word ("ALL", "TOP"), read only after a
/// number, in upper case, as a whole word and not before another number
/// ("500 MAD", "12 PEN"; not "2 TOP 10").
fn wordlike_code_at_start(s: &str) -> Option<(CurrencyWord, usize)> {
    let b = s.as_bytes();
    if b.len() < 3 || b.get(3).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let c = WORDLIKE_CODES.iter().find(|c| c.as_bytes() == &b[..3])?;
    // the three bytes are ASCII letters, so index 3 is a char boundary
    if s[3..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some((code(c.as_bytes().try_into().ok()?), 3))
}

/// Longest currency keyword at the start of `s`: code, symbol or word.
pub(crate) fn currency_suffix(s: &str) -> Option<(CurrencyWord, usize)> {
    let t = tables();
    let a = t.suffix.prefix_of(s).map(|(e, n)| (e.value, n));
    let b = code_at_start(s).or_else(|| wordlike_code_at_start(s));
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

/// Longest currency name of any kind (prefix or suffix word, symbol, code)
/// at the end of `s`: a currency named as a thing ("the euro", "美元兑日元").
pub(crate) fn currency_name_at_end(s: &str) -> Option<(CurrencyWord, usize)> {
    let t = tables();
    [
        t.prefix.suffix_of(s).map(|(e, n)| (e.value, n)),
        t.suffix.suffix_of(s).map(|(e, n)| (e.value, n)),
        code_at_end(s),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|&(_, n)| n)
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
        // a word-like code is a suffix only in upper case ("500 ALL"), never a prefix
        assert_eq!(pre("ALL"), None);
        assert_eq!(suf("ALLOW"), None);
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
    fn table_is_well_formed() {
        let r = rows(CURRENCIES).expect("table");
        assert!(r.suffix.len() > 500, "{} suffix forms", r.suffix.len());
        // every family has two or more countries and every member's code is distinct
        for f in &r.families {
            let mut codes: Vec<Currency> = f.members.iter().map(|m| m.0).collect();
            codes.sort();
            codes.dedup();
            assert_eq!(codes.len(), f.members.len(), "family {}", f.name);
        }
    }

    #[test]
    fn every_iso_code_has_an_english_name() {
        let r = rows(CURRENCIES).expect("table");
        let mut named: Vec<Currency> = r
            .suffix
            .iter()
            .filter(|(w, _)| w.bytes().any(|b| b.is_ascii_alphabetic()))
            .filter_map(|(_, w)| match w.cur {
                Cur::Iso(c) => Some(c),
                _ => None,
            })
            .collect();
        named.extend(
            r.families
                .iter()
                .flat_map(|f| f.members.iter().map(|m| m.0)),
        );
        let missing: Vec<&str> = crate::normalize::iso_codes()
            .filter(|c| !["XAU", "XAG"].contains(c))
            .filter(|c| !named.iter().any(|n| n.code() == *c))
            .collect();
        assert!(missing.is_empty(), "no English name for {missing:?}");
    }

    #[test]
    fn table_rows_are_checked() {
        let bad = |src: &'static str| rows(src).err().unwrap_or_default();
        assert_eq!(
            bad("USD\tsuffix\n"),
            "currencies.tsv:1: expected three tab-separated fields"
        );
        assert_eq!(
            bad("# c\nXYZ\tsuffix\tzorks\n"),
            "currencies.tsv:2: unknown currency code \"XYZ\""
        );
        assert_eq!(
            bad("usd\tsuffix\tbucks\n"),
            "currencies.tsv:1: unknown currency code \"usd\""
        );
        assert_eq!(
            bad("USD\tafter\tbucks\n"),
            "currencies.tsv:1: unknown kind \"after\""
        );
        assert_eq!(
            bad("USD\tsuffix\tbucks||x\n"),
            "currencies.tsv:1: empty or padded form"
        );
        assert_eq!(
            bad("?peso\tsuffix\tpesos\nMXN\tcountry=peso\tMexico\n"),
            "currencies.tsv: family \"peso\" needs two or more countries"
        );
        assert_eq!(
            bad("MXN\tcountry=peso\tMexico\n"),
            "currencies.tsv: country row for unknown family \"peso\""
        );
        assert_eq!(
            bad("dollar\tcountry=peso\tMexico\n"),
            "currencies.tsv:1: a country row needs an ISO code"
        );
    }

    #[test]
    fn names_of_other_currencies() {
        let code = |s: &str| match suf(s) {
            Some((Cur::Iso(c), n)) => Some((c.to_string(), n)),
            _ => None,
        };
        assert_eq!(code("Saudi riyals"), Some(("SAR".into(), 12)));
        assert_eq!(code("kuwaiti dinar,"), Some(("KWD".into(), 13)));
        assert_eq!(code("Egyptian pounds"), Some(("EGP".into(), 15)));
        assert_eq!(code("Malaysian ringgit"), Some(("MYR".into(), 17)));
        assert_eq!(code("zlotys"), Some(("PLN".into(), 6)));
        assert_eq!(code("林吉特"), Some(("MYR".into(), 9)));
        assert_eq!(code("沙特里亚尔"), Some(("SAR".into(), 15)));
        assert_eq!(code("越南盾"), Some(("VND".into(), 9)));
        assert_eq!(code("瑞典克朗"), Some(("SEK".into(), 12)));
        assert_eq!(code("MAD."), Some(("MAD".into(), 3)));
        assert_eq!(pre("RM").map(|x| x.1), Some(2));
        // shared names are families, resolved later from the document's country
        assert!(matches!(suf("pesos"), Some((Cur::Family(_), 5))));
        assert!(matches!(suf("比索"), Some((Cur::Family(_), 6))));
    }

    #[test]
    fn names_of_other_currencies_reject() {
        assert_eq!(suf("randomly"), None);
        assert_eq!(suf("dongle"), None);
        assert_eq!(suf("MADE"), None);
        assert_eq!(suf("软银"), None);
        assert_eq!(suf("mad"), None);
        assert_eq!(suf("real"), None);
        assert_eq!(suf("sole"), None);
        // word-like codes are never prefixes ("TOP 10")
        assert_eq!(pre("TOP"), None);
    }

    #[test]
    fn subunits() {
        assert_eq!(subunit("角三分").map(|(s, n)| (s.places, n)), Some((1, 3)));
        assert_eq!(subunit("cents.").map(|(s, n)| (s.places, n)), Some((2, 5)));
        assert_eq!(subunit("centre"), None);
    }
}
