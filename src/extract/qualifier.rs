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
    ("最高", upper(true)),
    ("最高达", upper(true)),
    ("最高達", upper(true)),
    ("最少", lower(true)),
    ("最低", lower(true)),
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
    ("a bit less than", upper(false)),
    ("a little less than", upper(false)),
    ("slightly less than", upper(false)),
    ("just under", upper(false)),
    ("just below", upper(false)),
    ("a bit more than", lower(false)),
    ("a little more than", lower(false)),
    ("slightly more than", lower(false)),
    ("just over", lower(false)),
    ("just above", lower(false)),
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
    ("以内", upper(true)),
    ("以內", upper(true)),
    ("之内", upper(true)),
    ("之內", upper(true)),
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
    if matches!(e.text, "上下" | "之上" | "之内" | "之內") {
        let next = s[n..].chars().next();
        if next.is_some_and(|c| super::is_han(c) && c != '的') {
            return None;
        }
    }
    Some((e.value, n))
}

/// Bound words that may stand a short verb or noun away from the figure
/// ("最高投入900亿美元", "最多可达20亿美元"); longest first.
const GAPPED: &[(&str, Qualifier)] = &[
    ("不超过", upper(true)),
    ("不超過", upper(true)),
    ("最高", upper(true)),
    ("最多", upper(true)),
    ("至多", upper(true)),
    ("最少", lower(true)),
    ("至少", lower(true)),
    ("最低", lower(true)),
];

/// The most Han chars (of the BMP) a gapped bound word may stand from the figure.
const MAX_GAP_CHARS: usize = 4;

/// Chars that, right after 最高/最低…, make a noun of it (最高法院, 最高点,
/// 最低价, 最高层) or tell where a price went (最高涨到, 最低跌至, 最高曾见:
/// the extreme reached, a point): the figure is then no bound.
fn compound_after_bound(c: char) -> bool {
    matches!(
        c,
        '法' | '院'
            | '检'
            | '檢'
            | '层'
            | '層'
            | '级'
            | '級'
            | '点'
            | '點'
            | '峰'
            | '纪'
            | '紀'
            | '记'
            | '記'
            | '录'
            | '錄'
            | '价'
            | '價'
            | '值'
            | '水'
            | '温'
            | '溫'
            | '分'
            | '票'
            | '位'
            | '人'
            | '领'
            | '領'
            | '学'
            | '學'
            | '统'
            | '統'
            | '管'
            | '决'
            | '決'
            | '权'
            | '權'
            | '官'
            | '长'
            | '長'
            | '指'
            | '收'
            | '年'
            | '月'
            | '日'
            | '时'
            | '時'
            | '档'
            | '檔'
            | '处'
            | '處'
            | '工'
            | '股'
            | '成'
            | '售'
            | '利'
            | '率'
            | '薪'
            | '税'
            | '稅'
            | '气'
            | '氣'
            | '涨'
            | '漲'
            | '跌'
            | '升'
            | '降'
            | '到'
            | '至'
            | '触'
            | '觸'
            | '冲'
            | '衝'
            | '摸'
            | '见'
            | '見'
            | '曾'
            | '的'
            | '之'
            | '是'
    )
}

/// A bound word a short verb or noun before the figure ("最高投入",
/// "最多可达", "至少需要"), `s` being the text up to the figure. The words
/// between are 1 to 4 Han chars with no clause break, digit, 的 or 是, and
/// they must not make a noun of the bound word (最高法院, 最低价). Returns
/// the qualifier and the bytes from the bound word to the end of `s`.
pub(crate) fn gapped_bound(s: &str) -> Option<(Qualifier, usize)> {
    // fast reject, on bytes: a bound word ends 1 to 4 three-byte chars
    // before the end with one of 高 多 少 低 过 過 (most figures have none)
    let b = s.as_bytes();
    if b.last().is_none_or(|&x| x < 0x80) {
        return None; // ASCII before the figure
    }
    let ends_bound = |k: usize| {
        let Some(p) = b.len().checked_sub(3 * (k + 1)) else {
            return false;
        };
        let w = u32::from_be_bytes([0, b[p], b[p + 1], b[p + 2]]);
        // 高 多 少 低 过 過 in UTF-8
        matches!(
            w,
            0xE9AB98 | 0xE5A49A | 0xE5B091 | 0xE4BD8E | 0xE8BF87 | 0xE9818E
        )
    };
    if !(1..=MAX_GAP_CHARS).any(ends_bound) {
        return None;
    }
    // walk back over the chars between; at each char that can end a bound
    // word (the table's last chars), try the words
    let mut chars = s.char_indices().rev();
    for k in 0..=MAX_GAP_CHARS {
        let (i, c) = chars.next()?;
        if k > 0 && matches!(c, '高' | '多' | '少' | '低' | '过' | '過') {
            let end = i + c.len_utf8();
            if let Some(&(w, q)) = GAPPED.iter().find(|(w, _)| s[..end].ends_with(*w)) {
                let first = s[end..].chars().next()?;
                if compound_after_bound(first) {
                    return None;
                }
                return Some((q, s.len() - end + w.len()));
            }
        }
        if k == MAX_GAP_CHARS
            || !super::is_han(c)
            || super::numeral::is_cn_numeral_start(c)
            || super::numeral::cn_large_unit(c).is_some()
            || matches!(c, '的' | '是' | '之')
        {
            return None;
        }
    }
    None
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
    fn gapped_bound_accept() {
        let (q, n) = gapped_bound("计划最高投入").expect("bound");
        assert_eq!((q.bound, q.inclusive, n), (Some(Bound::Upper), true, 12));
        let (q, n) = gapped_bound("展开最多可达").expect("bound");
        assert_eq!((q.bound, n), (Some(Bound::Upper), 12));
        let (q, n) = gapped_bound("至少需要筹集").expect("bound");
        assert_eq!((q.bound, n), (Some(Bound::Lower), 18));
        let (q, _) = gapped_bound("不超過投資").expect("bound");
        assert_eq!(q.bound, Some(Bound::Upper));
    }

    #[test]
    fn gapped_bound_reject() {
        // a noun of the bound word, a clause break, too many chars, 的, a digit
        assert_eq!(gapped_bound("最高法院罚款"), None);
        assert_eq!(gapped_bound("最低价为"), None);
        assert_eq!(gapped_bound("最高点达"), None);
        assert_eq!(gapped_bound("股价最高涨到"), None);
        assert_eq!(gapped_bound("最低跌至"), None);
        assert_eq!(gapped_bound("最高，投入"), None);
        assert_eq!(gapped_bound("最高法院裁定罚款"), None);
        assert_eq!(gapped_bound("最多的一笔"), None);
        assert_eq!(gapped_bound("最高三次投入"), None);
        assert_eq!(gapped_bound("投入"), None);
        // adjacent bound words are the table's, not this rule's
        assert_eq!(gapped_bound("最高"), None);
    }

    #[test]
    fn within_after() {
        assert_eq!(
            qualifier_after("以内。").map(|(q, n)| (q.bound, q.inclusive, n)),
            Some((Some(Bound::Upper), true, 6))
        );
        assert_eq!(
            qualifier_after("以內").map(|(q, _)| q.bound),
            Some(Some(Bound::Upper))
        );
        assert!(qualifier_after("之内容").is_none());
        assert!(qualifier_after("以外").is_none());
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
