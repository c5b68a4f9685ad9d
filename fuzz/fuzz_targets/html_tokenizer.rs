//! The cleaner's HTML tokenizer against html5ever's own: both feed html5ever's tree builder,
//! and the trees must agree on every input, as it stands and after the cleaner's pre-pass.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nuqta::clean::html_parsers_disagree;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    if let Some((ours, theirs)) = html_parsers_disagree(&page) {
        panic!("trees differ\n ours:   {ours}\n theirs: {theirs}");
    }
});
