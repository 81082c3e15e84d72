//! [`LedgerBuilder::build`]: rows for one figure merged into one, fourth
//! quarters derived, rows placed in their fiscal calendars, and the index.

use super::fiscal::add_days;
use super::{
    Calendar, Ledger, LedgerBuilder, LedgerRow, Length, Names, RejectedRow, Unit, Version, at_line,
};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::hash::{FastMap, FastSet};
use rust_decimal::Decimal;

/// One figure: entity, metric, start, end, unit.
type Key = (usize, usize, Option<Date>, Date, Unit);

fn key(names: &mut Names, r: &LedgerRow) -> Key {
    (
        names.id(&r.entity),
        names.id(&r.metric),
        r.start,
        r.end,
        r.unit,
    )
}

/// The rows of each figure, in the order the figures first appear.
fn group(names: &mut Names, rows: &[LedgerRow]) -> Vec<Vec<usize>> {
    let mut at: FastMap<Key, usize> = FastMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let k = key(names, r);
        match at.get(&k) {
            Some(&g) => groups[g].push(i),
            None => {
                at.insert(k, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// "A / cash / 2024-09-30" (with the start of a flow, and the unit when it
/// is not the only one).
fn key_words(r: &LedgerRow) -> String {
    match r.start {
        Some(s) => format!("{} / {} / {s} to {}", r.entity, r.metric, r.end),
        None => format!("{} / {} / {}", r.entity, r.metric, r.end),
    }
}

/// Amendments after the originals filed the same day.
fn amendment(r: &LedgerRow) -> bool {
    r.filing.as_ref().is_some_and(|f| f.form.ends_with("/A"))
}

/// Rows of one figure from more than one XBRL concept (a filer that
/// switched concepts, or tags one figure twice): when every concept's latest
/// value agrees, they are one figure, filed under several names, and stay
/// together (its history then starts at the first filing, whatever the
/// concept). When they disagree, they are never mixed: the concept filed
/// most recently (then the one the metric table prefers) keeps the metric's
/// name, and the rows of a concept whose latest value differs take their
/// concept's name (`us-gaap:SalesRevenueNet`). True when any row was renamed.
fn separate_concepts(rows: &mut [LedgerRow], groups: &[Vec<usize>]) -> bool {
    let mut renamed = false;
    for g in groups {
        let mut concepts: Vec<&str> = g
            .iter()
            .filter_map(|&i| rows[i].concept.as_deref())
            .collect();
        concepts.sort_unstable();
        concepts.dedup();
        if concepts.len() < 2 {
            continue;
        }
        let metric = rows[g[0]].metric.clone();
        // a concept's latest filing date and value
        let latest = |c: &str| {
            g.iter()
                .filter(|&&i| rows[i].concept.as_deref() == Some(c))
                .filter_map(|&i| rows[i].filing.as_ref().map(|f| (f.filed, rows[i].value)))
                .max_by_key(|&(filed, _)| filed)
        };
        let rank = |c: &str| crate::names::concept_rank(&metric, c).unwrap_or(usize::MAX);
        let Some(chosen) = concepts.iter().copied().max_by(|a, b| {
            latest(a)
                .map(|l| l.0)
                .cmp(&latest(b).map(|l| l.0))
                .then_with(|| rank(b).cmp(&rank(a)))
        }) else {
            continue;
        };
        let value = latest(chosen).map(|l| l.1);
        // a filing that gave both concepts different values: two figures
        let by_filing = |c: &str| -> FastMap<&str, rust_decimal::Decimal> {
            g.iter()
                .filter(|&&i| rows[i].concept.as_deref() == Some(c))
                .filter_map(|&i| {
                    rows[i]
                        .filing
                        .as_ref()
                        .map(|f| (f.accn.as_str(), rows[i].value))
                })
                .collect()
        };
        let chosen_values = by_filing(chosen);
        let agree = |c: &str| {
            latest(c).map(|l| l.1) == value
                && by_filing(c)
                    .iter()
                    .all(|(accn, v)| chosen_values.get(accn).is_none_or(|w| w == v))
        };
        let apart: Vec<String> = concepts
            .iter()
            .filter(|c| **c != chosen && !agree(c))
            .map(|c| c.to_string())
            .collect();
        for &i in g {
            if let Some(c) = rows[i].concept.clone() {
                if apart.contains(&c) {
                    rows[i].metric = c;
                    renamed = true;
                }
            }
        }
    }
    renamed
}

/// Merges the rows of one figure into one; `None` when they conflict
/// (then every one of them is named in `errors` and kept in `rejected`).
/// How fresh each companyfacts file is (its newest filing date): of two
/// vintages of one filer's data, the newer one's value for a filing wins.
type Vintages = FastMap<String, Date>;

/// (older file, newer file) → how many values of the older file the newer
/// one corrected.
type Superseded = FastMap<(String, String), usize>;

fn merge(
    rows: &[LedgerRow],
    g: &[usize],
    vintages: &Vintages,
    superseded: &mut Superseded,
    errors: &mut Vec<Error>,
    warnings: &mut Vec<Error>,
    rejected: &mut Vec<RejectedRow>,
) -> Option<LedgerRow> {
    let first = &rows[g[0]];
    if g.len() == 1 {
        return Some(first.clone());
    }
    let conflict = |errors: &mut Vec<Error>, rejected: &mut Vec<RejectedRow>| {
        let lines: Vec<String> = g.iter().map(|&i| rows[i].line.to_string()).collect();
        // one error per file, at its first row of the disagreement
        let mut files: Vec<&str> = Vec::new();
        for &i in g {
            rejected.push(RejectedRow::of(&rows[i]));
            if files.contains(&&*rows[i].file) {
                continue;
            }
            files.push(&rows[i].file);
            errors.push(at_line(
                ErrorKind::ConflictingRows {
                    key: key_words(first),
                    lines: lines.join(", "),
                },
                &rows[i].file,
                rows[i].line,
            ));
        }
    };
    if g.iter().any(|&i| rows[i].filing.is_none()) {
        // hand-written rows: they must agree
        if g.iter().all(|&i| rows[i].value == first.value) {
            for &i in &g[1..] {
                warnings.push(at_line(
                    ErrorKind::RepeatedRow {
                        key: key_words(first),
                        first_line: first.line,
                    },
                    &rows[i].file,
                    rows[i].line,
                ));
            }
            return Some(first.clone());
        }
        conflict(errors, rejected);
        return None;
    }
    // versions, in filing order
    let mut v: Vec<usize> = g.to_vec();
    let filed = |i: usize| rows[i].filing.as_ref().map(|f| f.filed);
    let accn = |i: usize| rows[i].filing.as_ref().map(|f| f.accn.as_str());
    v.sort_by(|&a, &b| {
        filed(a)
            .cmp(&filed(b))
            .then_with(|| amendment(&rows[a]).cmp(&amendment(&rows[b])))
            .then_with(|| accn(a).cmp(&accn(b)))
            .then_with(|| rows[a].line.cmp(&rows[b].line))
    });
    // one filing given two values by two vintages of the data (SEC corrects
    // its companyfacts): the newest file giving that filing is used for it
    // (filings compared whole, not as neighbours: another filing between
    // two of one filing's facts hides nothing)
    let vintage = |i: usize| vintages.get(&*rows[i].file).copied();
    let disagrees = |a: Option<&str>, v: &[usize]| {
        let mut same = v.iter().filter(|&&i| accn(i) == a);
        let first = same.next().map(|&i| rows[i].value);
        same.any(|&i| Some(rows[i].value) != first)
    };
    let mut dropped: Vec<usize> = Vec::new();
    for &i in &v {
        let a = accn(i);
        if !disagrees(a, &v) {
            continue;
        }
        let newest = v
            .iter()
            .filter(|&&j| accn(j) == a)
            .max_by_key(|&&j| vintage(j))
            .copied()
            .unwrap_or(i);
        if rows[i].file != rows[newest].file {
            dropped.push(i);
            *superseded
                .entry((rows[i].file.to_string(), rows[newest].file.to_string()))
                .or_insert(0) += 1;
        }
    }
    v.retain(|i| !dropped.contains(i));
    // one filing giving two values for one figure: which is meant is unknown
    if let Some(&w) = v.iter().find(|&&i| disagrees(accn(i), &v)) {
        let r = &rows[w];
        let filing = r
            .filing
            .as_ref()
            .map_or(String::new(), |f| format!("{} {}", f.form, f.accn));
        for &i in g {
            rejected.push(RejectedRow::of(&rows[i]));
        }
        let mut values: Vec<Decimal> = Vec::new();
        for &i in v.iter().filter(|&&i| accn(i) == accn(w)) {
            if !values.contains(&rows[i].value) {
                values.push(rows[i].value);
            }
        }
        errors.push(at_line(
            ErrorKind::ConflictingFacts {
                key: key_words(first),
                filing,
                values: values
                    .into_iter()
                    .map(crate::report::decimal)
                    .collect::<Vec<_>>()
                    .join(", "),
            },
            &r.file,
            r.line,
        ));
        return None;
    }
    // the first filing of each value (a repeat of the value before is the
    // same figure again: a comparative)
    let mut kept: Vec<usize> = Vec::new();
    for i in v {
        if kept.last().is_none_or(|&k| rows[k].value != rows[i].value) {
            kept.push(i);
        }
    }
    let (&last, earlier) = kept.split_last()?;
    let mut row = rows[last].clone();
    row.earlier = earlier
        .iter()
        .map(|&i| Version {
            value: rows[i].value,
            filing: rows[i].filing.clone(),
            line: rows[i].line,
        })
        .collect();
    Some(row)
}

/// Fourth quarters of one entity's flows, derived as the year minus the
/// nine months with the same metric, start and unit (amounts only: per-share
/// figures and share counts do not add up), where no quarter ending on the
/// year's end was filed.
fn fourth_quarters(rows: &[LedgerRow], entity: &str) -> Vec<LedgerRow> {
    // (metric, concept, unit, start, end) of every row
    let mut quarters: FastSet<(&str, Unit, Date)> = FastSet::default();
    let mut nine: FastMap<(&str, Unit, Date), Vec<&LedgerRow>> = FastMap::default();
    for r in rows.iter().filter(|r| r.entity == entity) {
        match r.length {
            Length::Quarter => {
                quarters.insert((&r.metric, r.unit, r.end));
            }
            Length::NineMonths => {
                if let Some(s) = r.start {
                    nine.entry((&r.metric, r.unit, s)).or_default().push(r);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for y in rows.iter().filter(|r| r.entity == entity) {
        let (Length::Year, Unit::Currency(_), Some(start)) = (y.length, y.unit, y.start) else {
            continue;
        };
        if quarters.contains(&(y.metric.as_str(), y.unit, y.end)) {
            continue;
        }
        let Some(ns) = nine.get(&(y.metric.as_str(), y.unit, start)) else {
            continue;
        };
        // the nine months ending latest before the year's end
        let Some(n) = ns.iter().filter(|n| n.end < y.end).max_by_key(|n| n.end) else {
            continue;
        };
        let q_start = add_days(n.end, 1);
        if Length::of(Some(q_start), y.end) != Length::Quarter {
            continue;
        }
        let Some(value) = y.value.checked_sub(n.value) else {
            continue;
        };
        let from = |r: &LedgerRow| match &r.filing {
            Some(f) => format!("{} {}", f.form, f.accn),
            None => format!("line {}", r.line),
        };
        let mut q = y.clone();
        q.start = Some(q_start);
        q.value = value;
        q.length = Length::Quarter;
        q.earlier = Vec::new();
        q.derived = Some(format!(
            "fourth quarter = year {start} to {} ({}) − nine months to {} ({}): {} − {}",
            y.end,
            from(y),
            n.end,
            from(n),
            crate::report::decimal(y.value),
            crate::report::decimal(n.value),
        ));
        out.push(q);
    }
    // one quarter derived twice (two years ending that day with different
    // starts, each with its nine months): kept once when the derivations
    // agree, not at all when they differ (which is meant is unknown)
    let key = |q: &LedgerRow| (q.metric.clone(), q.unit, q.start, q.end);
    let mut values: FastMap<_, (Decimal, bool)> = FastMap::default();
    for q in &out {
        let e = values.entry(key(q)).or_insert((q.value, true));
        e.1 &= e.0 == q.value;
    }
    let mut seen: FastSet<_> = FastSet::default();
    out.retain(|q| values[&key(q)].1 && seen.insert(key(q)));
    out
}

/// The fiscal calendar each entity's rows show: year ends from its annual
/// spans (annual forms, or hand-written), quarter ends from its 3/6/9-month
/// spans.
fn calendars(names: &mut Names, rows: &[LedgerRow]) -> FastMap<usize, Calendar> {
    let mut years: FastMap<usize, Vec<Date>> = FastMap::default();
    let mut quarters: FastMap<usize, Vec<Date>> = FastMap::default();
    for r in rows {
        let annual = r.filing.as_ref().is_none_or(|f| f.is_annual());
        match r.length {
            Length::Year if annual && r.derived.is_none() => {
                years.entry(names.id(&r.entity)).or_default().push(r.end);
            }
            Length::Quarter | Length::Half | Length::NineMonths => {
                quarters.entry(names.id(&r.entity)).or_default().push(r.end);
            }
            _ => {}
        }
    }
    years
        .into_iter()
        .filter_map(|(e, ends)| {
            let c = Calendar::from_year_ends(ends)?;
            Some((
                e,
                c.with_quarter_ends(quarters.remove(&e).unwrap_or_default()),
            ))
        })
        .collect()
}

pub(super) fn build(b: LedgerBuilder) -> (Ledger, Vec<Error>) {
    let LedgerBuilder {
        mut rows,
        mut rejected,
        mut errors,
        mut warnings,
        mut imports,
        derive_q4,
        files,
        filers,
    } = b;
    let mut names = Names::default();
    let mut groups = group(&mut names, &rows);
    if separate_concepts(&mut rows, &groups) {
        groups = group(&mut names, &rows);
    }
    let vintages: Vintages = imports
        .iter()
        .filter_map(|s| Some((s.path.clone(), s.newest_filed?)))
        .collect();
    let mut superseded = Superseded::default();
    let mut merged: Vec<LedgerRow> = Vec::with_capacity(groups.len());
    for g in &groups {
        let r = merge(
            &rows,
            g,
            &vintages,
            &mut superseded,
            &mut errors,
            &mut warnings,
            &mut rejected,
        );
        merged.extend(r);
    }
    let mut superseded: Vec<((String, String), usize)> = superseded.into_iter().collect();
    superseded.sort();
    for ((old, new), n) in superseded {
        warnings.push(
            Error::new(ErrorKind::Superseded {
                count: n,
                newer: new,
            })
            .with_path(old),
        );
    }
    drop(rows);
    for e in &derive_q4 {
        let q4 = fourth_quarters(&merged, e);
        // the count goes to the entity's last import
        if let Some(s) = imports.iter_mut().rev().find(|s| &s.entity == e) {
            s.derived = q4.len();
        }
        merged.extend(q4);
    }
    let calendars = calendars(&mut names, &merged);
    for r in &mut merged {
        if let Some(c) = calendars.get(&names.id(&r.entity)) {
            r.fiscal = c.fiscal(r.end);
        }
    }
    let mut index: FastMap<(usize, usize), Vec<usize>> = FastMap::default();
    for (i, r) in merged.iter().enumerate() {
        index
            .entry((names.id(&r.entity), names.id(&r.metric)))
            .or_default()
            .push(i);
    }
    for v in index.values_mut() {
        v.sort_by_key(|&i| {
            let r = &merged[i];
            (r.end, r.start.is_some(), std::cmp::Reverse(r.start))
        });
    }
    // the messages in file order
    let file_rank = |e: &Error| {
        let p = e.location().path.as_deref();
        files.iter().position(|f| Some(&**f) == p)
    };
    errors.sort_by_key(|e| (file_rank(e), e.location().line));
    warnings.sort_by_key(|e| (file_rank(e), e.location().line));
    rejected.sort_by_key(|r| r.line);
    let mut rejected_index: FastMap<(usize, usize), Vec<usize>> = FastMap::default();
    for (i, r) in rejected.iter().enumerate() {
        rejected_index
            .entry((names.id(&r.entity), names.id(&r.metric)))
            .or_default()
            .push(i);
    }
    names.written = FastMap::default();
    let ledger = Ledger {
        rows: merged,
        names,
        index,
        rejected,
        rejected_index,
        warnings,
        calendars,
        imports,
        lazy: std::sync::Arc::new(super::filings::Lazy::new(filers)),
    };
    (ledger, errors)
}
