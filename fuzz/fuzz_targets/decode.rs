//! Bytes to text: any bytes, with or without a `Content-Type`, decode without a panic;
//! every replacement is a U+FFFD in the text; valid UTF-8 (with no byte order mark and no
//! declaration of an encoding that is not ASCII-compatible) comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nuqta::decode::{decode, prescan};

const CONTENT_TYPES: [Option<&str>; 6] = [
    None,
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=windows-1256"),
    Some("text/plain; charset=iso-8859-6"),
    Some("text/html; charset=utf-16le"),
    Some("text/html"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES[selector as usize % CONTENT_TYPES.len()];
    let decoded = decode(bytes, content_type);
    assert!(
        decoded.text.matches('\u{FFFD}').count() >= decoded.replacements,
        "more replacements counted than made"
    );
    let declared_other = prescan(bytes).is_some_and(|e| !e.is_ascii_compatible())
        || selector as usize % CONTENT_TYPES.len() == 4;
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.starts_with('\u{FEFF}')
            && !declared_other
            && decoded.encoding.is_ascii_compatible()
        {
            assert_eq!(decoded.text, text, "valid UTF-8 changed");
            assert_eq!(decoded.replacements, 0);
        }
    }
    // A content type read from the input itself.
    if let Ok(label) = std::str::from_utf8(&bytes[..bytes.len().min(40)]) {
        let _ = decode(bytes, Some(label));
    }
});
