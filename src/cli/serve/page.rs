//! The web app's one page (`page.html`): a form to paste or drop an
//! article, set its date and currency hint and choose a ledger; the report
//! comes back from `POST /api/check` as the HTML report's page, whose
//! document section is shown with the report's own stylesheet and script
//! (both embedded here, so nothing is fetched but the API). Downloads ask
//! the API again for the other formats. The chosen ledger's companies come
//! from `GET /api/ledgers`; a company typed in picks the smallest ledger
//! that holds it. A file is opened by its extension (.txt, .md, .markdown:
//! text; .html, .htm: HTML) and only when it is UTF-8.

use figcheck::report::html::{SCRIPT, STYLE, escape};

const PAGE: &str = include_str!("page.html");

/// The page, with the ledgers to choose from (the first is the default).
pub fn render(ledgers: &[&str]) -> String {
    let options: String = ledgers
        .iter()
        .map(|name| {
            let name = escape(name);
            format!("<option value=\"{name}\">{name}</option>")
        })
        .collect();
    // Invariant: a string always serializes.
    let script = serde_json::to_string(SCRIPT).expect("a string serializes");
    // not a "</script>" inside the script element
    let script = script.replace("</", "<\\/");
    PAGE.replacen("/*REPORT_STYLE*/", STYLE, 1)
        .replacen("<!--LEDGERS-->", &options, 1)
        .replacen("/*REPORT_SCRIPT*/", &script, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_embeds_the_report_and_the_ledgers() {
        let page = render(&["all", "a<b>.csv"]);
        assert!(page.contains(STYLE));
        assert!(page.contains(
            "<option value=\"all\">all</option><option value=\"a&lt;b&gt;.csv\">a&lt;b&gt;.csv</option>"
        ));
        assert!(!page.contains("/*REPORT_"));
        assert!(!page.contains("<!--LEDGERS-->"));
        // one script element, closed once: the report's script is a string in it
        assert_eq!(page.matches("<script>").count(), 1);
        assert_eq!(page.matches("</script>").count(), 1);
        // nothing fetched but the API
        assert!(!page.contains("http://") && !page.contains("https://"));
        assert!(!page.contains(" src="));
    }
}
