//! WARC archives (WARC/1.0 and 1.1): the HTML and text pages of their `response` records.
//!
//! The header grammar is the `warc` crate's; this module frames records itself, so that a
//! hostile file costs bounded memory: a header block is at most [`MAX_HEADER_BYTES`], a
//! record's block is read as it arrives (never allocated from its declared length) and
//! one longer than [`Limits::max_record_bytes`] is skipped unread.
//!
//! A `.warc.gz` is read one gzip member at a time (Common Crawl's layout: a member per
//! record), so a broken record costs that record only: reading goes on at the next member.
//! In an uncompressed file, or a file gzipped as one stream, a record whose length is
//! wrong loses the rest of the file, since nothing marks where the next record starts.
//!
//! The HTTP response head is parsed by `httparse`; a chunked body (`Transfer-Encoding`) is
//! joined from its chunks, and a body with a transfer or content coding of gzip or deflate
//! is inflated (within the same limit); other codings are reported.

use crate::decode::html_of_content_type;
use flate2::bufread::{DeflateDecoder, GzDecoder};
use std::io::{self, BufRead, BufReader, Read};

/// The most a record's header block may hold.
pub const MAX_HEADER_BYTES: u64 = 1 << 16;

/// The most HTTP header fields a response may have.
const MAX_HTTP_HEADERS: usize = 256;

/// Bounds on what one record may cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest record block (and decompressed HTTP body) read; larger records are
    /// skipped and reported.
    pub max_record_bytes: u64,
}

/// A page from a `response` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The record's `WARC-Target-URI`.
    pub url: String,
    /// The record's `WARC-Record-ID`.
    pub record_id: String,
    /// The record's `WARC-Date`, as written (ISO 8601).
    pub date: String,
    /// The HTTP `Content-Type` (with its charset, when it has one).
    pub content_type: String,
    /// Whether the content type is HTML (else it is plain text).
    pub html: bool,
    /// The HTTP body, content-decoded.
    pub body: Vec<u8>,
}

/// What one record of an archive gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A `response` with an HTML or plain-text page.
    Page(Page),
    /// A record that holds no page: its `WARC-Type`, with the content type for responses
    /// of another kind (`response image/png`).
    Skipped(String),
    /// A record (or the rest of the file) that could not be read, and why.
    Error(String),
}

/// An archive's records, in order: `(record number from 1, what it gave)`.
pub struct Records<R: BufRead> {
    state: State<R>,
    limits: Limits,
    count: usize,
}

enum State<R: BufRead> {
    /// An uncompressed archive.
    Plain(R),
    /// Inside a gzip member.
    Member(BufReader<GzDecoder<R>>),
    /// Between gzip members.
    Between(R),
    /// Finished.
    Done,
}

/// A record's framing went wrong: the stream holding it cannot be read further.
struct Lost(String);

impl<R: BufRead> Records<R> {
    /// The records of `input`, gzipped (detected by its magic bytes) or not.
    pub fn new(mut input: R, limits: Limits) -> io::Result<Records<R>> {
        let gzip = input.fill_buf()?.starts_with(&[0x1F, 0x8B]);
        Ok(Records {
            state: if gzip {
                State::Between(input)
            } else {
                State::Plain(input)
            },
            limits,
            count: 0,
        })
    }

    /// The next record from the current stream, moving between gzip members.
    fn next_record(&mut self) -> Option<Result<Raw, String>> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Plain(mut input) => {
                    let read = read_record(&mut input, self.limits);
                    match read {
                        Ok(None) => return None,
                        Ok(Some(raw)) => {
                            self.state = State::Plain(input);
                            return Some(Ok(raw));
                        }
                        Err(Lost(why)) => {
                            return Some(Err(format!("{why}; the rest of the file is skipped")))
                        }
                    }
                }
                State::Between(mut input) => match input.fill_buf() {
                    Ok([]) => return None,
                    Ok(_) => {
                        self.state = State::Member(BufReader::new(GzDecoder::new(input)));
                    }
                    Err(e) => return Some(Err(format!("cannot read the file: {e}"))),
                },
                State::Member(mut member) => match read_record(&mut member, self.limits) {
                    Ok(None) => self.state = State::Between(member.into_inner().into_inner()),
                    Ok(Some(raw)) => {
                        self.state = State::Member(member);
                        return Some(Ok(raw));
                    }
                    Err(Lost(why)) => {
                        // The rest of this member is lost; the next member starts afresh.
                        return Some(Err(match io::copy(&mut member, &mut io::sink()) {
                            Ok(_) => {
                                self.state = State::Between(member.into_inner().into_inner());
                                why
                            }
                            Err(e) => {
                                format!("{why}; broken gzip ({e}): the rest of the file is skipped")
                            }
                        }));
                    }
                },
            }
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = (usize, Item);

    fn next(&mut self) -> Option<(usize, Item)> {
        let raw = self.next_record()?;
        self.count += 1;
        let item = match raw {
            Ok(raw) => raw.item(self.limits),
            Err(why) => Item::Error(why),
        };
        Some((self.count, item))
    }
}

/// A record as read: its WARC headers (names lower-cased) and block, or the reason it
/// was skipped unread.
struct Raw {
    headers: Vec<(String, String)>,
    block: Result<Vec<u8>, String>,
}

/// Reads one record from `input`; `Ok(None)` at the end of the stream (blank lines
/// aside). A read that leaves the stream at an unknown place is `Lost`; a record that is
/// well framed but too long comes with the reason in place of its block.
fn read_record<R: BufRead>(input: &mut R, limits: Limits) -> Result<Option<Raw>, Lost> {
    let io_lost = |e: io::Error| Lost(format!("cannot read the record: {e}"));
    let mut head = Vec::new();
    let mut header = input.take(MAX_HEADER_BYTES);
    loop {
        let start = head.len();
        if header.read_until(b'\n', &mut head).map_err(io_lost)? == 0 {
            if head.iter().all(|c| c.is_ascii_whitespace()) {
                return Ok(None);
            }
            return Err(Lost(if header.limit() == 0 {
                format!("a WARC header block longer than {MAX_HEADER_BYTES} bytes")
            } else {
                "the file ends inside a WARC header block".to_string()
            }));
        }
        let line = &head[start..];
        if line == b"\r\n" || line == b"\n" {
            if start == 0 || head[..start].iter().all(|c| c.is_ascii_whitespace()) {
                head.clear(); // blank lines between records
                continue;
            }
            break;
        }
    }
    let text_start = head
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(0);
    let block = &head[text_start..];
    let (version, fields, length) = match ::warc::parser::headers(block) {
        Ok((_, parsed)) => parsed,
        Err(_) => return Err(Lost("not a WARC record header".to_string())),
    };
    if version != "1.0" && version != "1.1" {
        return Err(Lost(format!("WARC/{version} is not WARC/1.0 or 1.1")));
    }
    let headers: Vec<(String, String)> = fields
        .iter()
        .map(|(name, value)| {
            (
                name.to_ascii_lowercase(),
                String::from_utf8_lossy(value).trim().to_string(),
            )
        })
        .collect();
    if !headers.iter().any(|(name, _)| name == "content-length") {
        return Err(Lost("a WARC record without Content-Length".to_string()));
    }
    let length = length as u64;
    let block = if length > limits.max_record_bytes {
        let skipped = io::copy(&mut input.take(length), &mut io::sink()).map_err(io_lost)?;
        if skipped < length {
            return Err(Lost(truncated(length, skipped)));
        }
        Err(format!(
            "a record of {length} bytes, more than the limit of {}",
            limits.max_record_bytes
        ))
    } else {
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        input
            .take(length)
            .read_to_end(&mut block)
            .map_err(io_lost)?;
        if (block.len() as u64) < length {
            return Err(Lost(truncated(length, block.len() as u64)));
        }
        Ok(block)
    };
    let mut end = [0u8; 4];
    input.read_exact(&mut end).map_err(|_| {
        Lost("the file ends right after a record (no blank lines after it)".to_string())
    })?;
    if &end != b"\r\n\r\n" {
        return Err(Lost(format!(
            "a record's Content-Length ({length}) does not match its block (no blank lines after it)"
        )));
    }
    Ok(Some(Raw { headers, block }))
}

fn truncated(length: u64, got: u64) -> String {
    format!("the file ends inside a record (Content-Length {length}, {got} bytes there)")
}

impl Raw {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// What the record gives: a page, a skip, or an error.
    fn item(self, limits: Limits) -> Item {
        let kind = self.header("warc-type").to_ascii_lowercase();
        if kind != "response" {
            return Item::Skipped(if kind.is_empty() {
                "untyped".into()
            } else {
                kind
            });
        }
        let warc_type = self.header("content-type");
        if !warc_type
            .to_ascii_lowercase()
            .starts_with("application/http")
        {
            return Item::Skipped(format!("response {warc_type}"));
        }
        let block = match &self.block {
            Ok(block) => block,
            Err(why) => return Item::Error(why.clone()),
        };
        let mut fields = [httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
        let mut response = httparse::Response::new(&mut fields);
        let head = match response.parse(block) {
            Ok(httparse::Status::Complete(n)) => n,
            Ok(httparse::Status::Partial) => {
                return Item::Error("an HTTP response without the end of its head".into())
            }
            Err(e) => return Item::Error(format!("not an HTTP response: {e}")),
        };
        let field = |name: &str| {
            response
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
        };
        let content_type = field("content-type").unwrap_or_default();
        let Some(html) = html_of_content_type(&content_type) else {
            let shown = if content_type.is_empty() {
                "without Content-Type"
            } else {
                &content_type
            };
            return Item::Skipped(format!("response {shown}"));
        };
        // transfer codings first (the last applied is undone first), then content codings
        let codings = [
            ("Transfer-Encoding", field("transfer-encoding")),
            ("Content-Encoding", field("content-encoding")),
        ];
        let body = codings
            .iter()
            .try_fold(block[head..].to_vec(), |body, (what, value)| {
                let value = value.as_deref().unwrap_or_default().to_ascii_lowercase();
                value
                    .split(',')
                    .map(str::trim)
                    .rev()
                    .try_fold(body, |body, coding| undo(coding, body, what, limits))
            });
        match body {
            Ok(body) => Item::Page(Page {
                url: self.header("warc-target-uri").to_string(),
                record_id: self.header("warc-record-id").to_string(),
                date: self.header("warc-date").to_string(),
                content_type,
                html,
                body,
            }),
            Err(why) => Item::Error(why),
        }
    }
}

/// `body` with one transfer or content coding (named in the header `what`) undone:
/// chunked (transfer only), gzip or deflate; none and identity leave it as it is.
fn undo(coding: &str, body: Vec<u8>, what: &str, limits: Limits) -> Result<Vec<u8>, String> {
    match coding {
        "" | "identity" => Ok(body),
        "chunked" if what == "Transfer-Encoding" => dechunk(&body),
        "gzip" | "x-gzip" => inflate(GzDecoder::new(&body[..]), limits),
        "deflate" => inflate(DeflateDecoder::new(&body[..]), limits),
        other => Err(format!("{what} {other} is not supported")),
    }
}

/// The chunk size that a chunked body's size line states (hex digits, then any extension
/// after ';'), or `None` when the line states none or one past `u64`.
fn chunk_size(line: &[u8]) -> Option<u64> {
    let digits = line.split(|&c| c == b';').next().unwrap_or_default();
    let digits = digits.trim_ascii();
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &c| {
        let d = char::from(c).to_digit(16)?;
        n.checked_mul(16)?.checked_add(u64::from(d))
    })
}

/// The data of a chunked body (HTTP/1.1's chunked transfer coding): its chunks joined,
/// trailers left out. Nothing is allocated from a declared size (the data is never longer
/// than the body). A chunk that runs past the end, or a body cut before its last chunk, is
/// a transfer cut short: what arrived is kept. A body that does not open with a size line
/// was stored decoded (some crawlers keep the header): it is taken as it is. A size line
/// that states no size after the first chunk is an error.
fn dechunk(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut rest = body;
    let mut first = true;
    while !rest.is_empty() {
        let eol = memchr::memchr(b'\n', rest);
        let line = &rest[..eol.unwrap_or(rest.len())];
        let Some(size) = chunk_size(line) else {
            if first {
                return Ok(body.to_vec());
            }
            if eol.is_none() {
                // cut inside a size line
                break;
            }
            return Err("a chunked body with a malformed chunk size".into());
        };
        first = false;
        rest = rest.get(line.len() + 1..).unwrap_or_default();
        if size == 0 {
            break;
        }
        let take = usize::try_from(size).map_or(rest.len(), |n| n.min(rest.len()));
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        // the line break after the data
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
    Ok(out)
}

/// A compressed body, decompressed up to the limit.
fn inflate(decoder: impl Read, limits: Limits) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    decoder
        .take(limits.max_record_bytes.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| format!("a compressed body that does not decompress: {e}"))?;
    if body.len() as u64 > limits.max_record_bytes {
        return Err(format!(
            "a body of more than {} bytes once decompressed",
            limits.max_record_bytes
        ));
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    const LIMITS: Limits = Limits {
        max_record_bytes: 1 << 20,
    };

    fn record(kind: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\n\
             WARC-Date: 2024-02-20T12:00:00Z\r\nWARC-Target-URI: https://example.com/\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn response(content_type: &str, body: &str) -> Vec<u8> {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}");
        record(
            "response",
            "application/http; msgtype=response",
            http.as_bytes(),
        )
    }

    fn gzip(records: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        for r in records {
            let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
            gz.write_all(r).unwrap();
            out.extend(gz.finish().unwrap());
        }
        out
    }

    fn items(bytes: &[u8]) -> Vec<Item> {
        Records::new(bytes, LIMITS)
            .unwrap()
            .map(|(_, item)| item)
            .collect()
    }

    #[test]
    fn pages_and_skips_plain_and_gzipped() {
        let records = vec![
            record("warcinfo", "application/warc-fields", b"software: x\r\n"),
            record(
                "request",
                "application/http; msgtype=request",
                b"GET / HTTP/1.1\r\n\r\n",
            ),
            response("text/html; charset=windows-1256", "<p>\u{627}</p>"),
            response("image/png", "\u{89}PNG"),
            record("metadata", "application/warc-fields", b"via: x\r\n"),
            response("text/plain", "نص"),
        ];
        let plain: Vec<u8> = records.concat();
        for bytes in [plain, gzip(&records)] {
            let got = items(&bytes);
            assert_eq!(got.len(), 6);
            assert_eq!(got[0], Item::Skipped("warcinfo".into()));
            assert_eq!(got[1], Item::Skipped("request".into()));
            let Item::Page(page) = &got[2] else {
                panic!("{:?}", got[2])
            };
            assert!(page.html);
            assert_eq!(page.content_type, "text/html; charset=windows-1256");
            assert_eq!(page.body, "<p>\u{627}</p>".as_bytes());
            assert_eq!(page.record_id, "<urn:uuid:response>");
            assert_eq!(page.date, "2024-02-20T12:00:00Z");
            assert_eq!(got[3], Item::Skipped("response image/png".into()));
            assert!(matches!(&got[5], Item::Page(p) if !p.html && p.body == "نص".as_bytes()));
        }
    }

    #[test]
    fn a_lying_length_loses_its_member_only() {
        let mut bad = response("text/html", "<p>one</p>");
        let at = memchr::memmem::find(&bad, b"Content-Length: ").unwrap() + 16;
        bad[at] = b'9'; // a longer length than the block
        let good = response("text/html", "<p>two</p>");
        let got = items(&gzip(&[bad.clone(), good.clone()]));
        assert!(matches!(&got[0], Item::Error(_)), "{got:?}");
        assert!(matches!(&got[1], Item::Page(p) if p.body == b"<p>two</p>"));
        // uncompressed, the rest of the file is lost, with an error
        let got = items(&[bad, good].concat());
        assert_eq!(got.len(), 1);
        assert!(matches!(&got[0], Item::Error(e) if e.contains("rest of the file")));
    }

    #[test]
    fn huge_declared_length_is_not_allocated() {
        let mut r =
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1000000000\r\n\r\n".to_vec();
        r.extend_from_slice(b"HTTP/1.1 200 OK\r\n\r\nshort");
        let got = items(&r);
        assert_eq!(got.len(), 1);
        assert!(
            matches!(&got[0], Item::Error(e) if e.contains("ends inside")),
            "{got:?}"
        );
        let limits = Limits {
            max_record_bytes: 1_000_000_000_000,
        };
        let got: Vec<_> = Records::new(&r[..], limits).unwrap().collect();
        assert!(matches!(&got[0].1, Item::Error(_)));
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let bytes = gzip(&[
            response("text/html", "<p>one</p>"),
            response("text/html", "<p>two</p>"),
        ]);
        let got = items(&bytes[..bytes.len() - 10]);
        assert!(matches!(&got[0], Item::Page(_)));
        assert!(matches!(&got[1], Item::Error(_)), "{got:?}");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn compressed_bodies() {
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all("<p>مرحبا</p>".as_bytes()).unwrap();
        let body = gz.finish().unwrap();
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        http.extend_from_slice(&body);
        let r = record("response", "application/http; msgtype=response", &http);
        assert!(matches!(&items(&r)[0], Item::Page(p) if p.body == "<p>مرحبا</p>".as_bytes()));
        let small = Limits {
            max_record_bytes: 500,
        };
        let zeros = vec![b'a'; 100_000];
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&zeros).unwrap();
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        http.extend_from_slice(&gz.finish().unwrap());
        let r = record("response", "application/http; msgtype=response", &http);
        let got: Vec<_> = Records::new(&r[..], small).unwrap().collect();
        assert!(
            matches!(&got[0].1, Item::Error(e) if e.contains("decompressed")),
            "{got:?}"
        );
    }

    /// A response whose body is sent with `transfer` as its Transfer-Encoding.
    fn sent(transfer: &str, body: &[u8]) -> Vec<u8> {
        let mut http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: {transfer}\r\n\r\n"
        )
        .into_bytes();
        http.extend_from_slice(body);
        record("response", "application/http; msgtype=response", &http)
    }

    /// `data` in chunks of the sizes `sizes` (cycled), in the writer's own style: size in
    /// upper or lower case hex, with or without an extension, CRLF or LF.
    fn chunked(data: &[u8], sizes: &[usize], style: usize) -> Vec<u8> {
        let eol: &[u8] = if style & 1 == 0 { b"\r\n" } else { b"\n" };
        let mut out = Vec::new();
        let mut rest = data;
        for &n in sizes.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let n = n.clamp(1, rest.len());
            let size = if style & 2 == 0 {
                format!("{n:x}")
            } else {
                format!("{n:X}")
            };
            out.extend_from_slice(size.as_bytes());
            if style & 4 != 0 {
                out.extend_from_slice(b";name=\"v\"");
            }
            out.extend_from_slice(eol);
            out.extend_from_slice(&rest[..n]);
            out.extend_from_slice(eol);
            rest = &rest[n..];
        }
        out.extend_from_slice(b"0");
        out.extend_from_slice(eol);
        if style & 8 != 0 {
            out.extend_from_slice(b"Expires: never");
            out.extend_from_slice(eol);
        }
        out.extend_from_slice(eol);
        out
    }

    fn page_body(r: &[u8]) -> Result<Vec<u8>, String> {
        match items(r).pop() {
            Some(Item::Page(p)) => Ok(p.body),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn chunked_bodies_are_joined_in_every_writer_style() {
        let page = "<html><body><p>نص الخبر هنا</p>\r\n<p>0\r\n</p></body></html>".as_bytes();
        let mut rng = crate::test_rng::XorShift::new(0x1234_5678);
        for style in 0..16 {
            for _ in 0..20 {
                let sizes: Vec<usize> = (0..1 + rng.below(4)).map(|_| 1 + rng.below(30)).collect();
                let body = chunked(page, &sizes, style);
                assert_eq!(
                    page_body(&sent("chunked", &body)),
                    Ok(page.to_vec()),
                    "{style} {sizes:?}"
                );
                assert_eq!(page_body(&sent("Chunked ", &body)), Ok(page.to_vec()));
            }
        }
        // gzip applied before chunking is undone after it
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(page).unwrap();
        let body = chunked(&gz.finish().unwrap(), &[7], 0);
        assert_eq!(page_body(&sent("gzip, chunked", &body)), Ok(page.to_vec()));
        // an empty body, and one stored decoded under a chunked header
        assert_eq!(page_body(&sent("chunked", b"0\r\n\r\n")), Ok(Vec::new()));
        assert_eq!(page_body(&sent("chunked", page)), Ok(page.to_vec()));
        assert!(
            page_body(&sent("compress, chunked", &chunked(page, &[5], 0)))
                .is_err_and(|e| e.contains("compress"))
        );
    }

    #[test]
    fn chunked_bodies_cut_short_or_lying_keep_what_arrived() {
        let page = b"<p>first part</p><p>second part</p>";
        let body = chunked(page, &[17], 0);
        // cut anywhere after the first size line: what arrived, never more than was sent
        for end in 4..body.len() {
            let got = page_body(&sent("chunked", &body[..end])).unwrap();
            assert!(page.starts_with(&got), "{end}: {got:?}");
        }
        // a size larger than what follows, and a huge one: what is there, nothing allocated
        // from the size
        for size in ["ff", "ffffffff", "7fffffffffffffff"] {
            let body = format!("{size}\r\n<p>short</p>");
            assert_eq!(
                page_body(&sent("chunked", body.as_bytes())),
                Ok(b"<p>short</p>".to_vec())
            );
        }
        // a size past u64, or a size smaller than its data (the rest reads as a size line)
        for body in [
            "11111111111111111111\r\n<p>x</p>".as_bytes(),
            b"3\r\n<p>short</p>\r\n0\r\n\r\n",
        ] {
            let got = page_body(&sent("chunked", body));
            assert!(
                got.as_ref().is_err_and(|e| e.contains("chunk size")) || got == Ok(body.to_vec()),
                "{got:?}"
            );
        }
    }

    #[test]
    fn noise_never_panics() {
        let mut rng = crate::test_rng::XorShift::new(11);
        let base = gzip(&[
            response("text/html", "<p>one</p>"),
            response("text/plain", "two"),
        ]);
        let plain = [
            response("text/html", "<p>one</p>"),
            response("text/plain", "two"),
        ]
        .concat();
        for _ in 0..300 {
            for bytes in [&base, &plain] {
                let mut b = bytes.clone();
                for _ in 0..1 + rng.below(4) {
                    let i = rng.below(b.len());
                    b[i] = rng.below(256) as u8;
                }
                b.truncate(rng.below(b.len() + 1));
                let _ = items(&b).len();
            }
        }
    }
}
