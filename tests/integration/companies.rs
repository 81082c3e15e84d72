//! `figcheck check --company`: a check limited to some of the ledger's
//! companies. Claims about the chosen ones are checked as without the flag;
//! claims about others are unverifiable and say why.

#![cfg(feature = "cli")]

use crate::cli::{TempDir, figcheck, run_in};
use serde_json::{Value as Json, json};
use std::path::Path;

/// Two companies, one revenue figure each.
const TWO: &str = "entity,metric,period,value,unit,scale\n\
Apple Inc.,revenue,2024-09-28,391,USD,billion\n\
\"Tesla, Inc.\",revenue,2024-12-31,98,USD,billion\n";

const ARTICLE: &str = "Apple Inc. revenue was $391 billion in fiscal 2024. \
Tesla, Inc. revenue was $98 billion in 2024.\n";

fn two() -> TempDir {
    let dir = TempDir::new("companies");
    dir.write("two.csv", TWO).write("a.txt", ARTICLE);
    dir
}

fn check(dir: &TempDir, extra: &[&str]) -> crate::cli::Run {
    let mut args = vec![
        "check",
        "a.txt",
        "--ledger",
        "two.csv",
        "--date",
        "2025-01-22",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    figcheck(dir, &args, None)
}

#[test]
fn company_limits_the_check_to_it() {
    let dir = two();
    let full = check(&dir, &[]);
    assert_eq!((full.code, full.stderr.as_str()), (0, ""));
    let full = &full.json()[0];
    assert_eq!(
        full["summary"],
        json!({"consistent": 2, "contradicted": 0, "unverifiable": 0})
    );
    // folded as the ledger folds names: case and white space
    let r = check(&dir, &["--company", "  APPLE   inc."]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (0, ""),
        "the note is not repeated on stderr"
    );
    let limited = &r.json()[0];
    assert_eq!(limited["claims"][0], full["claims"][0], "Apple: as before");
    let tesla = &limited["claims"][1];
    assert_eq!(tesla["entity"], json!("Tesla, Inc."));
    assert_eq!(tesla["verdict"], json!("unverifiable"));
    assert_eq!(
        tesla["reason"],
        json!("not checked: about Tesla, Inc.; the check was limited to: Apple Inc.")
    );
    assert_eq!(tesla["ledger"], Json::Null);
    assert_eq!(tesla["mention"], full["claims"][1]["mention"]);
    assert_eq!(
        limited["summary"],
        json!({"consistent": 1, "contradicted": 0, "unverifiable": 1})
    );
    assert_eq!(
        limited["notes"],
        json!([
            "the check was limited to: Apple Inc.; claims about other companies are not checked"
        ])
    );
    // with --fail-on unverifiable, the claim left out fails the run
    let r = check(
        &dir,
        &["--company", "Apple Inc.", "--fail-on", "unverifiable"],
    );
    assert_eq!(r.code, 1);
    // both companies (repeated flag, a repeat of one): the same claims as
    // without the flag
    let r = check(
        &dir,
        &[
            "--company",
            "Tesla, Inc.",
            "--company",
            "Apple Inc.",
            "--company",
            "tesla, inc.",
        ],
    );
    assert_eq!(r.code, 0);
    assert_eq!(r.json()[0]["claims"], full["claims"]);
    assert_eq!(
        r.json()[0]["notes"],
        json!([
            "the check was limited to: Tesla, Inc.; Apple Inc.; claims about other companies are not checked"
        ])
    );
    // the text report says it on the claim and at the end
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "two.csv",
            "--date",
            "2025-01-22",
            "--company",
            "Tesla, Inc.",
        ],
        None,
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert!(
        r.stdout.contains(
            "  why      not checked: about Apple Inc.; the check was limited to: Tesla, Inc.\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "a.txt: note: the check was limited to: Tesla, Inc.; claims about other companies are not checked\n"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn company_applies_to_every_document_of_a_corpus() {
    let dir = two();
    let lines = "{\"id\": 1, \"text\": \"Tesla, Inc. revenue was $98 billion in 2024.\", \"date\": \"2025-01-22\"}\n\
                 {\"id\": 2, \"text\": \"Apple Inc. revenue was $391 billion in fiscal 2024.\", \"date\": \"2025-01-22\"}\n";
    let r = figcheck(
        &dir,
        &[
            "check",
            "--ledger",
            "two.csv",
            "--input",
            "jsonl",
            "--company",
            "Apple Inc.",
        ],
        Some(lines.as_bytes()),
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let docs = r.json();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["claims"][0]["verdict"], json!("unverifiable"));
    assert_eq!(docs[1]["claims"][0]["verdict"], json!("consistent"));
}

#[test]
fn unknown_company_is_an_error_naming_it() {
    let dir = two();
    let r = check(
        &dir,
        &["--company", "Apple Inc.", "--company", "Tesla Motors"],
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "", "nothing is checked");
    assert_eq!(
        r.stderr,
        "figcheck: --company: no company \"Tesla Motors\" in the ledger: expected one of its companies (\"Tesla, Inc.\", \"Apple Inc.\")\n"
    );
    let r = check(&dir, &["--company", " "]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "figcheck: --company \" \": empty: expected a company name of the ledger\n"
    );
}

#[test]
fn company_on_the_sample_article() {
    let args = [
        "check",
        "data/stargate-zh.txt",
        "--ledger",
        "data/ledger.csv",
        "--aliases",
        "data/aliases.csv",
        "--fx",
        "data/fx.csv",
        "--format",
        "json",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let full = run_in(root, &args, None);
    let mut limited_args = args.to_vec();
    limited_args.extend_from_slice(&["--company", "SoftBank Group"]);
    let r = run_in(root, &limited_args, None);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (1, ""),
        "the Musk claims are about SoftBank"
    );
    let (full, limited) = (&full.json()[0], &r.json()[0]);
    let (a, b) = (
        full["claims"].as_array().expect("claims"),
        limited["claims"].as_array().expect("claims"),
    );
    assert_eq!(a.len(), b.len());
    let mut others = 0;
    for (f, l) in a.iter().zip(b) {
        if f["entity"] == json!("SoftBank Group") {
            assert_eq!(f, l, "a SoftBank claim is checked as before");
        } else {
            others += 1;
            assert_eq!(l["verdict"], json!("unverifiable"), "{l}");
            let entity = f["entity"].as_str().expect("every claim has an entity");
            assert_eq!(
                l["reason"],
                json!(format!(
                    "not checked: about {entity}; the check was limited to: SoftBank Group"
                ))
            );
        }
    }
    assert_eq!(others, 8);
    assert_eq!(
        limited["summary"],
        json!({"consistent": 2, "contradicted": 2, "unverifiable": 8})
    );
}

/// A directory of filers: the limit takes a filer not read yet, and a
/// claim about a filer outside the limit does not read its file.
#[test]
fn limit_within_a_directory_of_filers() {
    use figcheck::{Aliases, Checker, Extractor, FxRates, LedgerBuilder, Policy, Verdict};
    let dir = TempDir::new("companies-dir");
    dir.write(
        "CIK0000320193.json",
        include_str!("../data/companyfacts/apple.json"),
    )
    .write(
        "CIK0001045810.json",
        include_str!("../data/companyfacts/nvidia.json"),
    );
    let checker = || {
        let mut b = LedgerBuilder::new();
        let errors = b.add_directory(dir.path()).expect("usable");
        assert!(errors.is_empty(), "{errors:?}");
        let (ledger, errors) = b.build();
        assert!(errors.is_empty(), "{errors:?}");
        let aliases = Aliases::from_csv(
            "kind,alias,canonical\nentity,Apple,Apple Inc.\nmetric,revenues,revenue\n",
            "a.csv",
        )
        .expect("aliases");
        Checker::new(
            Extractor::new(),
            ledger,
            aliases,
            FxRates::default(),
            Policy::default(),
        )
    };
    let text = "Apple's fiscal 2017 third quarter revenues were US$45.4 billion.";
    let date = "2017-08-02".parse().ok();
    let c = checker();
    assert_eq!(c.ledger().filers(), (2, 0), "nothing read yet");
    let nvidia = c.limit(["nvidia corp"]).expect("an unread filer counts");
    assert_eq!(nvidia.names(), ["NVIDIA CORP"]);
    let r = c.check_limited(c.extractor(), Some(&nvidia), "a", text, date);
    assert_eq!(r.claims[0].verdict, Verdict::Unverifiable);
    assert_eq!(
        r.claims[0].reason,
        "not checked: about Apple Inc.; the check was limited to: NVIDIA CORP"
    );
    assert_eq!(c.ledger().filers(), (2, 0), "Apple's file was not read");
    let apple = c.limit(["Apple Inc."]).expect("a filer");
    let r = c.check_limited(c.extractor(), Some(&apple), "a", text, date);
    assert_eq!(r.claims[0].verdict, Verdict::Consistent);
    assert_eq!(c.ledger().filers(), (2, 1));
    // as without a limit
    let fresh = checker();
    assert_eq!(r.claims, fresh.check("a", text, date).claims);
    let e = c.limit(["Apple Computer"]).expect_err("unknown");
    assert_eq!(
        e.to_string(),
        "no company \"Apple Computer\" in the ledger: expected one of its companies (\"Apple Inc.\", \"NVIDIA CORP\")"
    );
}
