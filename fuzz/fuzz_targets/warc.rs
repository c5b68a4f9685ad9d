//! WARC archives: any file, read plain or as gzip members, gives each record once, never
//! panics, never reads a record block over the limit, and ends.
#![no_main]

use flate2::write::GzEncoder;
use flate2::Compression;
use libfuzzer_sys::fuzz_target;
use nuqta::archive::{Item, Limits, Records};
use std::io::Write;

const LIMIT: u64 = 1 << 16;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    // Odd selectors gzip the input, in two members split where the selector says.
    let input = if selector & 1 == 1 {
        let split = (selector as usize * 37) % (rest.len() + 1);
        let mut out = Vec::new();
        for part in [&rest[..split], &rest[split..]] {
            let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
            gz.write_all(part).unwrap();
            out.extend(gz.finish().unwrap());
        }
        out
    } else {
        rest.to_vec()
    };
    let Ok(records) = Records::new(
        &input[..],
        Limits {
            max_record_bytes: LIMIT,
        },
    ) else {
        return;
    };
    let mut last = 0;
    for (number, item) in records {
        assert_eq!(number, last + 1, "records out of order");
        last = number;
        assert!(number <= input.len() + 1, "more records than bytes");
        if let Item::Page(page) = item {
            assert!(page.body.len() as u64 <= LIMIT, "a body over the limit");
            let _ = nuqta::decode::decode(&page.body, Some(&page.content_type));
        }
    }
});
