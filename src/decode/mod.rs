//! Bytes to text: which encoding a page is in, and its text decoded from it.
//!
//! The order is the HTML standard's, with one departure for pages that lie about their
//! encoding:
//! 1. a byte order mark;
//! 2. the charset of an HTTP (or WARC) `Content-Type`, when the caller has one;
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes
//!    (the standard's prescan, [`prescan`]);
//! 4. detection, by `chardetng` (Firefox's detector).
//!
//! A declaration loses to the bytes when they contradict it: bytes that are valid UTF-8 and
//! hold non-ASCII are read as UTF-8 whatever a legacy declaration says (pages converted to
//! UTF-8 keep their old `<meta>`; legacy Arabic text is never valid UTF-8), and bytes that
//! are not UTF-8 under a UTF-8 declaration go to detection (a windows-1256 page that
//! declares utf-8), unless they are UTF-8 with a few bad sequences, such as a page cut
//! inside a character.
//!
//! Decoding is `encoding_rs`'s. Malformed bytes never fail: each malformed sequence
//! becomes one U+FFFD, and [`Decoded::replacements`] counts them. Valid UTF-8 is borrowed,
//! not copied.

mod prescan;

pub use prescan::{charset_in_content, prescan};

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_8};
use std::borrow::Cow;

/// A page's text and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text (borrowed from the bytes when they were valid UTF-8).
    pub text: Cow<'a, str>,
    /// The encoding the bytes were read in.
    pub encoding: &'static Encoding,
    /// How many malformed byte sequences became U+FFFD.
    pub replacements: usize,
}

/// How many bytes detection reads: enough for any page's signal, and a bound on its cost.
const DETECT_BYTES: usize = 1 << 20;

/// Decodes `bytes`, with the `Content-Type` (of an HTTP response, say) when there is one.
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_as(&bytes[bom..], encoding);
    }
    let declared = content_type
        .and_then(charset_in_content)
        .or_else(|| prescan(bytes));
    // Not ASCII-compatible (UTF-16 from a transport header, ISO-2022-JP): as declared.
    if let Some(e) = declared.filter(|e| !e.is_ascii_compatible()) {
        return decode_as(bytes, e);
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        // ASCII reads the same in every ASCII-compatible encoding: the declared name stays.
        let encoding = match declared {
            Some(e) if text.is_ascii() => e,
            _ => UTF_8,
        };
        return Decoded {
            text: Cow::Borrowed(text),
            encoding,
            replacements: 0,
        };
    }
    let encoding = match declared {
        _ if damaged_utf8(bytes) => UTF_8,
        Some(e) if e != UTF_8 => e,
        _ => detect(bytes),
    };
    decode_as(bytes, encoding)
}

/// Valid non-ASCII characters per malformed sequence, at least, for bytes that are not
/// UTF-8 to be damaged UTF-8 rather than another encoding: legacy Arabic text makes a
/// malformed sequence of nearly every pair of letters, and only the odd valid one.
const DAMAGE_RATIO: usize = 8;

/// Whether `bytes` (not valid UTF-8) are UTF-8 with a few malformed sequences (at most one
/// per [`DAMAGE_RATIO`] valid non-ASCII characters), or cut short inside their last
/// character.
fn damaged_utf8(bytes: &[u8]) -> bool {
    let (mut wide, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    let cut_short = bad == 1 && std::str::from_utf8(bytes).is_err_and(|e| e.error_len().is_none());
    cut_short || wide >= bad.saturating_mul(DAMAGE_RATIO)
}

/// The encoding `chardetng` guesses for `bytes` (a legacy one when they are not UTF-8).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(DETECT_BYTES)];
    detector.feed(head, head.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// `bytes` (with no byte order mark) decoded as `encoding`; malformed sequences become
/// U+FFFD and are counted.
pub fn decode_as<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> Decoded<'a> {
    if encoding == UTF_8 {
        if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
            return Decoded {
                text: Cow::Borrowed(text),
                encoding,
                replacements: 0,
            };
        }
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = |decoder: &encoding_rs::Decoder, len: usize| {
        decoder
            .max_utf8_buffer_length_without_replacement(len)
            .unwrap_or(len)
    };
    let mut text = String::with_capacity(room(&decoder, bytes.len()));
    let mut rest = bytes;
    let mut replacements = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(room(&decoder, rest.len()).max(4)),
            DecoderResult::Malformed(_, _) => {
                text.push(char::REPLACEMENT_CHARACTER);
                replacements += 1;
            }
        }
    }
    Decoded {
        text: Cow::Owned(text),
        encoding,
        replacements,
    }
}

/// Whether a `Content-Type` names HTML (`Some(true)`), plain text (`Some(false)`), or
/// neither.
pub fn html_of_content_type(content_type: &str) -> Option<bool> {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if essence.eq_ignore_ascii_case("text/html")
        || essence.eq_ignore_ascii_case("application/xhtml+xml")
    {
        Some(true)
    } else if essence.eq_ignore_ascii_case("text/plain") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_6, UTF_16LE, WINDOWS_1252, WINDOWS_1256};

    const ARABIC: &str = include_str!("../../tests/data/000_b9b3c63502130dbb.txt");

    /// The sample page with the characters `encoding` cannot hold left out.
    fn encodable(encoding: &'static Encoding) -> String {
        ARABIC
            .chars()
            .filter(|c| {
                let (_, _, lossy) = encoding.encode(c.encode_utf8(&mut [0; 4]));
                !lossy
            })
            .collect()
    }

    fn html(charset: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{charset}<title>t</title></head><body><p>{body}</p></body></html>")
    }

    #[test]
    fn utf8_is_borrowed() {
        let d = decode(ARABIC.as_bytes(), None);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!((d.encoding, d.replacements), (UTF_8, 0));
    }

    #[test]
    fn legacy_arabic_however_declared() {
        for encoding in [WINDOWS_1256, ISO_8859_6] {
            let text = encodable(encoding);
            let name = encoding.name();
            for meta in [
                format!("<meta charset=\"{name}\">"),
                format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={name}\">"),
                String::new(),
                "<meta charset=\"utf-8\">".to_string(),
            ] {
                let page = html(&meta, &text);
                let (bytes, _, lossy) = encoding.encode(&page);
                assert!(!lossy);
                let d = decode(&bytes, None);
                assert_eq!(d.encoding, encoding, "{meta}");
                assert_eq!(d.text, page, "{meta}");
                assert_eq!(d.replacements, 0);
            }
            let (bytes, _, _) = encoding.encode(&text);
            assert_eq!(decode(&bytes, None).text, text, "plain text in {name}");
            let declared = format!("text/plain; charset={name}");
            assert_eq!(decode(&bytes, Some(&declared)).encoding, encoding);
        }
    }

    #[test]
    fn transport_charset_comes_before_meta() {
        let page = html("<meta charset=\"windows-1252\">", "é");
        let (bytes, _, _) = WINDOWS_1256.encode(&page);
        let d = decode(&bytes, Some("text/html; charset=\"windows-1256\""));
        assert_eq!(d.encoding, WINDOWS_1256);
        assert_eq!(decode(&bytes, None).encoding, WINDOWS_1252);
    }

    #[test]
    fn valid_utf8_beats_a_legacy_declaration() {
        let page = html("<meta charset=\"windows-1256\">", ARABIC);
        let d = decode(page.as_bytes(), None);
        assert_eq!((d.encoding, d.text.as_ref()), (UTF_8, page.as_str()));
        let ascii = html("<meta charset=\"windows-1256\">", "abc");
        assert_eq!(decode(ascii.as_bytes(), None).encoding, WINDOWS_1256);
    }

    #[test]
    fn boms() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("نص".as_bytes());
        assert_eq!(
            decode(&bytes, Some("text/plain; charset=windows-1256")).text,
            "نص"
        );
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("نص".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&bytes, None);
        assert_eq!((d.text.as_ref(), d.encoding), ("نص", UTF_16LE));
    }

    #[test]
    fn malformed_bytes_are_counted() {
        let mut bytes = b"\xFF".to_vec();
        bytes.extend_from_slice(ARABIC.as_bytes());
        bytes.extend_from_slice(b"\xC3x");
        bytes.extend_from_slice(&"ن".as_bytes()[..1]); // the last char cut
        let d = decode(&bytes, Some("text/plain; charset=utf-8"));
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.replacements, 3);
        assert_eq!(d.text.matches('\u{FFFD}').count(), 3);
        // ISO-8859-6 leaves bytes unmapped.
        let d = decode(b"\xC7\xA1\xFF", Some("text/plain; charset=iso-8859-6"));
        assert_eq!(d.replacements, 2);
    }

    #[test]
    fn content_types() {
        assert_eq!(html_of_content_type("text/html; charset=utf-8"), Some(true));
        assert_eq!(html_of_content_type(" TEXT/PLAIN"), Some(false));
        assert_eq!(html_of_content_type("image/png"), None);
    }

    #[test]
    fn never_panics_on_noise() {
        let mut rng = crate::test_rng::XorShift::new(7);
        for len in [0, 1, 2, 3, 17, 1023, 1024, 1025, 5000] {
            let bytes: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
            let d = decode(&bytes, Some("text/html; charset=x"));
            assert!(d.text.matches('\u{FFFD}').count() >= d.replacements);
        }
    }
}
