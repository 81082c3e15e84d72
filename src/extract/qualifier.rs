//! Hedges and bounds around a figure (rules `qualifier_before`,
//! `qualifier_after`, `vague_prefix`).

use super::table::Table;
use crate::normalize::{Bound, Qualifier};
use std::sync::OnceLock;

const fn approx() -> Qualifier {
    Qualifier {
        approx: true,
        bound: None,
        inclusive: false,
        strong: false,
    }
}
const fn lower(inclusive: bool) -> Qualifier {
    Qualifier {
        approx: false,
        bound: Some(Bound::Lower),
        inclusive,
        strong: false,
    }
}
const fn upper(inclusive: bool) -> Qualifier {
    Qualifier {
        approx: false,
        bound: Some(Bound::Upper),
        inclusive,
        strong: false,
    }
}
const fn strong_upper() -> Qualifier {
    Qualifier {
        approx: false,
        bound: Some(Bound::Upper),
        inclusive: false,
        strong: true,
    }
}
const fn strong_lower() -> Qualifier {
    Qualifier {
        approx: false,
        bound: Some(Bound::Lower),
        inclusive: false,
        strong: true,
    }
}

/// Qualifiers written before the figure (and before its currency symbol).
const BEFORE: &[(&str, Qualifier)] = &[
    ("约", approx()),
    ("約", approx()),
    ("大约", approx()),
    ("大約", approx()),
    ("约合", approx()),
    ("約合", approx()),
    ("约为", approx()),
    ("約為", approx()),
    ("大概", approx()),
    ("近", approx()),
    ("将近", approx()),
    ("將近", approx()),
    ("接近", approx()),
    ("超过", lower(false)),
    ("超過", lower(false)),
    ("逾", lower(false)),
    ("超", lower(false)),
    ("突破", lower(true)),
    ("破", lower(true)),
    ("多于", lower(false)),
    ("多於", lower(false)),
    ("高于", lower(false)),
    ("高於", lower(false)),
    ("至少", lower(true)),
    ("不少于", lower(true)),
    ("不少於", lower(true)),
    ("不低于", lower(true)),
    ("不低於", lower(true)),
    ("远超", strong_lower()),
    ("遠超", strong_lower()),
    ("远超过", strong_lower()),
    ("遠超過", strong_lower()),
    ("不到", upper(false)),
    ("低于", upper(false)),
    ("低於", upper(false)),
    ("少于", upper(false)),
    ("少於", upper(false)),
    ("不足", upper(false)),
    ("不超过", upper(true)),
    ("不超過", upper(true)),
    ("最多", upper(true)),
    ("至多", upper(true)),
    ("最多达", upper(true)),
    ("最多達", upper(true)),
    ("远低于", strong_upper()),
    ("遠低於", strong_upper()),
    ("远少于", strong_upper()),
    ("遠少於", strong_upper()),
    ("远不到", strong_upper()),
    ("遠不到", strong_upper()),
    ("about", approx()),
    ("around", approx()),
    ("roughly", approx()),
    ("approximately", approx()),
    ("approx.", approx()),
    ("some", approx()),
    ("nearly", approx()),
    ("almost", approx()),
    ("close to", approx()),
    ("an estimated", approx()),
    ("estimated", approx()),
    ("~", approx()),
    ("～", approx()),
    ("more than", lower(false)),
    ("over", lower(false)),
    ("above", lower(false)),
    ("at least", lower(true)),
    ("in excess of", lower(false)),
    ("upwards of", lower(false)),
    ("upward of", lower(false)),
    ("exceeding", lower(false)),
    ("north of", lower(false)),
    ("well over", strong_lower()),
    ("well above", strong_lower()),
    ("far more than", strong_lower()),
    ("less than", upper(false)),
    ("fewer than", upper(false)),
    ("under", upper(false)),
    ("below", upper(false)),
    ("at most", upper(true)),
    ("up to", upper(true)),
    ("no more than", upper(true)),
    ("not more than", upper(true)),
    ("as much as", upper(true)),
    ("well under", strong_upper()),
    ("well below", strong_upper()),
    ("far below", strong_upper()),
    ("far less than", strong_upper()),
    ("much less than", strong_upper()),
];

/// Qualifiers written after the figure and its currency.
const AFTER: &[(&str, Qualifier)] = &[
    ("左右", approx()),
    ("上下", approx()),
    ("以上", lower(true)),
    ("以下", upper(true)),
    ("之上", lower(true)),
    ("or more", lower(true)),
    ("or less", upper(true)),
    ("or so", approx()),
    ("plus", lower(true)),
    ("-plus", lower(true)),
];

fn before_table() -> &'static Table<Qualifier> {
    static T: OnceLock<Table<Qualifier>> = OnceLock::new();
    T.get_or_init(|| Table::new(BEFORE))
}

fn after_table() -> &'static Table<Qualifier> {
    static T: OnceLock<Table<Qualifier>> = OnceLock::new();
    T.get_or_init(|| Table::new(AFTER))
}

/// A qualifier that `s` ends with (the text just before a figure).
pub(crate) fn qualifier_before(s: &str) -> Option<(Qualifier, usize)> {
    before_table().suffix_of(s).map(|(e, n)| (e.value, n))
}

/// A qualifier written before a figure that `s` starts with ("约", "about").
pub(crate) fn qualifier_at_start(s: &str) -> Option<(Qualifier, usize)> {
    before_table().prefix_of(s).map(|(e, n)| (e.value, n))
}

/// A qualifier that `s` starts with (the text just after a figure). 上下 is
/// taken only where it cannot start a word (上下游, 上下班).
pub(crate) fn qualifier_after(s: &str) -> Option<(Qualifier, usize)> {
    let (e, n) = after_table().prefix_of(s)?;
    if e.text == "上下" || e.text == "之上" {
        let next = s[n..].chars().next();
        if next.is_some_and(|c| super::is_han(c) && c != '的') {
            return None;
        }
    }
    Some((e.value, n))
}

/// Vague multipliers before a Chinese numeral: 数百亿, 几十亿, 上百亿.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vague {
    /// 数 / 几 / 好几: 2 to 9 times the unit.
    Several,
    /// 上: at least the unit.
    AtLeast,
}

/// The vague marker `s` ends with, if any.
pub(crate) fn vague_prefix(s: &str) -> Option<(Vague, usize)> {
    for (w, v) in [
        ("好几", Vague::Several),
        ("好幾", Vague::Several),
        ("数", Vague::Several),
        ("數", Vague::Several),
        ("几", Vague::Several),
        ("幾", Vague::Several),
        ("上", Vague::AtLeast),
    ] {
        if s.ends_with(w) {
            return Some((v, w.len()));
        }
    }
    None
}

/// The length of a vague marker that `s` starts with, when a Chinese unit
/// follows it (上千万, 几十亿, 上亿): where the figure's numeral starts.
pub(crate) fn vague_at_start(s: &str) -> Option<usize> {
    let n = ["好几", "好幾", "数", "數", "几", "幾", "上"]
        .iter()
        .find(|w| s.starts_with(**w))?
        .len();
    let c = s[n..].chars().next()?;
    (super::numeral::cn_small_unit(c).is_some() || super::numeral::cn_large_unit(c).is_some())
        .then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_words() {
        assert_eq!(
            qualifier_before("现金约").map(|(q, n)| (q.approx, n)),
            Some((true, 3))
        );
        let (q, n) = qualifier_before("融资保障金额远低于").expect("qualifier");
        assert_eq!((q.bound, q.strong, n), (Some(Bound::Upper), true, 9));
        let (q, _) = qualifier_before("SoftBank has well under").expect("qualifier");
        assert!(q.strong);
        let (q, _) = qualifier_before("raised more than").expect("qualifier");
        assert_eq!((q.bound, q.inclusive), (Some(Bound::Lower), false));
        assert!(qualifier_before("the cover").is_none());
        assert!(qualifier_before("handsome").is_none());
    }

    #[test]
    fn after_words() {
        assert_eq!(qualifier_after("左右。").map(|(q, _)| q.approx), Some(true));
        assert!(qualifier_after("上下游企业").is_none());
        assert_eq!(
            qualifier_after("以上的").map(|(q, _)| q.bound),
            Some(Some(Bound::Lower))
        );
        assert!(qualifier_after("plush").is_none());
    }

    #[test]
    fn vague() {
        assert_eq!(vague_prefix("投入数"), Some((Vague::Several, 3)));
        assert_eq!(vague_prefix("上"), Some((Vague::AtLeast, 3)));
        assert_eq!(vague_prefix("投入"), None);
    }

    #[test]
    fn vague_at_start_needs_a_unit() {
        assert_eq!(vague_at_start("上千万元"), Some(3));
        assert_eq!(vague_at_start("上亿美元"), Some(3));
        assert_eq!(vague_at_start("好几万亿"), Some(6));
        assert_eq!(vague_at_start("數億"), Some(3));
        assert_eq!(vague_at_start("上市"), None);
        assert_eq!(vague_at_start("数据"), None);
        assert_eq!(vague_at_start("几"), None);
    }
}
