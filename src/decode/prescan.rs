//! The HTML standard's prescan for a page's declared encoding ("prescan a byte stream to
//! determine its encoding"): `<meta charset>` and `<meta http-equiv="Content-Type">` in the
//! first 1024 bytes, skipping comments and the attributes of other tags the way a parser
//! would.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How far the prescan reads.
const PRESCAN_BYTES: usize = 1024;

/// The encoding a `<meta>` in the first 1024 bytes of `bytes` declares.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let b = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut at = 0;
    // every step starts at a '<': the bytes between are skipped in one search
    while let Some(lt) = memchr::memchr(b'<', &b[at.min(b.len())..]) {
        at += lt;
        let rest = &b[at..];
        if rest.starts_with(b"<!--") {
            at += 2 + find(&rest[2..], b"-->")? + 3;
        } else if starts_with_tag(rest, b"<meta") {
            at += 6;
            if let Some(found) = meta(b, &mut at) {
                return Some(found);
            }
        } else if rest.len() >= 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            at += rest
                .iter()
                .position(|&c| is_space(c) || c == b'>')
                .unwrap_or(rest.len());
            while attribute(b, &mut at).is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            at += rest.iter().position(|&c| c == b'>')? + 1;
        } else {
            at += 1;
        }
    }
    None
}

/// The attributes of a `<meta>` from `at` (just past `<meta` and the byte after it): the
/// encoding it declares, if it declares one.
fn meta(b: &[u8], at: &mut usize) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let (mut got_pragma, mut need_pragma, mut charset) = (false, None, None);
    while let Some((name, value)) = attribute(b, at) {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(found) = charset_in_bytes(&value) {
                    charset = Some(found);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    match (need_pragma, charset) {
        (Some(true), _) if !got_pragma => None,
        (Some(_), Some(e)) if e == UTF_16BE || e == UTF_16LE => Some(UTF_8),
        (Some(_), Some(e)) if e == X_USER_DEFINED => Some(WINDOWS_1252),
        (Some(_), found) => found,
        (None, _) => None,
    }
}

/// The standard's "get an attribute": the next attribute's name and value (lower-cased
/// ASCII), moving `at` past it; `None` at the end of the tag or of the bytes.
fn attribute(b: &[u8], at: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while b.get(*at).is_some_and(|&c| is_space(c) || c == b'/') {
        *at += 1;
    }
    if *b.get(*at)? == b'>' {
        return None;
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    loop {
        let c = *b.get(*at)?;
        match c {
            b'=' if !name.is_empty() => {
                *at += 1;
                break;
            }
            c if is_space(c) => {
                while b.get(*at).is_some_and(|&c| is_space(c)) {
                    *at += 1;
                }
                if *b.get(*at)? != b'=' {
                    return Some((name, value));
                }
                *at += 1;
                break;
            }
            b'/' | b'>' => return Some((name, value)),
            _ => name.push(c.to_ascii_lowercase()),
        }
        *at += 1;
    }
    while b.get(*at).is_some_and(|&c| is_space(c)) {
        *at += 1;
    }
    let first = *b.get(*at)?;
    if first == b'"' || first == b'\'' {
        loop {
            *at += 1;
            let c = *b.get(*at)?;
            if c == first {
                *at += 1;
                return Some((name, value));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if first == b'>' {
        return Some((name, value));
    }
    loop {
        let c = *b.get(*at)?;
        if is_space(c) || c == b'>' {
            return Some((name, value));
        }
        value.push(c.to_ascii_lowercase());
        *at += 1;
    }
}

/// The encoding named by a `charset=` in a `Content-Type` value (of a `<meta>`, or an HTTP
/// or WARC header), by the standard's "extract a character encoding from a meta element".
pub fn charset_in_content(content: &str) -> Option<&'static Encoding> {
    charset_in_bytes(content.as_bytes())
}

fn charset_in_bytes(s: &[u8]) -> Option<&'static Encoding> {
    let mut at = 0;
    loop {
        at += find_ignore_case(&s[at..], b"charset")? + 7;
        while s.get(at).is_some_and(|&c| is_space(c)) {
            at += 1;
        }
        if s.get(at) == Some(&b'=') {
            at += 1;
            break;
        }
    }
    while s.get(at).is_some_and(|&c| is_space(c)) {
        at += 1;
    }
    let rest = &s[at..];
    let label = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => &rest[1..1 + rest[1..].iter().position(|&c| c == q)?],
        _ => {
            let end = rest
                .iter()
                .position(|&c| is_space(c) || c == b';')
                .unwrap_or(rest.len());
            &rest[..end]
        }
    };
    Encoding::for_label(label)
}

/// Whether `rest` opens the tag `tag` (given with its `<`), case-insensitively, followed
/// by a space or a slash.
fn starts_with_tag(rest: &[u8], tag: &[u8]) -> bool {
    rest.len() > tag.len()
        && rest[..tag.len()].eq_ignore_ascii_case(tag)
        && (is_space(rest[tag.len()]) || rest[tag.len()] == b'/')
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_6, WINDOWS_1256};

    #[test]
    fn declarations() {
        let cases: &[(&[u8], Option<&'static Encoding>)] = &[
            (b"<meta charset=windows-1256>", Some(WINDOWS_1256)),
            (b"<META CHARSET='ISO-8859-6'/>", Some(ISO_8859_6)),
            (b"<meta charset=\"cp1256\">", Some(WINDOWS_1256)),
            (
                b"<meta http-equiv=Content-Type content='text/html; charset=windows-1256'>",
                Some(WINDOWS_1256),
            ),
            // content without the pragma declares nothing
            (b"<meta content='text/html; charset=windows-1256'>", None),
            (b"<!-- <meta charset=windows-1256> --><p>", None),
            (b"<!--><meta charset=windows-1256>", Some(WINDOWS_1256)),
            (b"<div title='<meta charset=windows-1256>'>", None),
            (b"<meta charset=utf-16le>", Some(UTF_8)),
            (b"<meta charset=x-user-defined>", Some(WINDOWS_1252)),
            (
                b"<meta charset=nonsense><meta charset=windows-1256>",
                Some(WINDOWS_1256),
            ),
            (b"<metadata charset=windows-1256>", None),
            (b"<meta charset=", None),
            (b"", None),
        ];
        for (bytes, want) in cases {
            assert_eq!(prescan(bytes), *want, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn only_the_first_1024_bytes() {
        let mut page = vec![b' '; 1000];
        page.extend_from_slice(b"<meta charset=windows-1256>");
        assert_eq!(prescan(&page), None);
    }

    #[test]
    fn content_type_values() {
        assert_eq!(
            charset_in_content("text/html; Charset = \"Windows-1256\""),
            Some(WINDOWS_1256)
        );
        assert_eq!(
            charset_in_content("text/html;charset=iso-8859-6;x"),
            Some(ISO_8859_6)
        );
        assert_eq!(charset_in_content("text/html"), None);
        assert_eq!(charset_in_content("charset=\"utf-8"), None);
    }
}
