//! Prints every line of a cleaned page with its verdict: `cargo run --example clean_page -- PAGE [--html|--text]`.

use nuqta::clean::clean;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: clean_page PAGE [--html|--text]");
    let html = match args.next().as_deref() {
        Some("--html") => Some(true),
        Some("--text") => Some(false),
        _ => None,
    };
    let page = std::fs::read_to_string(&path).expect("readable UTF-8 page");
    let out = clean(&page, html);
    println!("title: {:?}\nbyline: {:?}", out.title, out.byline);
    for l in &out.lines {
        let mark = if l.keep { '+' } else { '-' };
        let text: String = l.text.chars().take(90).collect();
        println!(
            "{mark} {:12} {:>7}..{:<7} {text}",
            l.reason.as_str(),
            l.start,
            l.end
        );
    }
}
