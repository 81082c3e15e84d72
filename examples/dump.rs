//! Prints the claims of a file: `cargo run --example dump -- FILE`.
use figcheck::Extractor;
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    for c in Extractor::new().claims(&text) {
        match c {
            Ok(c) => {
                let a = c.amount();
                let (l, col) = c.span().line_col(&text);
                println!(
                    "{l}:{col}\t{}\t{:?}\t{}\t{}\tprec={}",
                    c.text(&text),
                    a.value(),
                    a.currency().map(|c| c.to_string()).unwrap_or("%".into()),
                    a.qualifier().label(),
                    a.precision().normalize()
                );
            }
            Err(e) => println!("ERR {e}"),
        }
    }
}
