//! The normalization loop: one pass over the input, applying the table and the
//! contextual rules (space runs, line trimming, word breaks, digit separators).
//!
//! The loop writes into a [`Sink`]. [`Borrowing`] allocates nothing until the first
//! character that changes; [`WithOffsets`] records, for every output character, the
//! index of the input character it came from.

use super::presentation;
use super::table::{Action, Table};
use crate::text::chars::digit_value;
use std::borrow::Cow;

/// Receives the output characters with the input position each one came from.
pub(crate) trait Sink {
    /// Appends `ch`, produced by the input character at byte `src_byte`, char index `src_char`.
    fn push(&mut self, ch: char, src_byte: usize, src_char: usize);
}

/// Builds the output lazily: as long as it equals a prefix of the input, nothing is copied.
pub(crate) struct Borrowing<'a> {
    input: &'a str,
    /// Bytes of the input that the output reproduces so far (while `out` is `None`).
    same: usize,
    out: Option<String>,
}

impl<'a> Borrowing<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Borrowing {
            input,
            same: 0,
            out: None,
        }
    }

    /// The output: the input itself, a prefix of it, or a new string.
    pub(crate) fn finish(self) -> Cow<'a, str> {
        match self.out {
            Some(s) => Cow::Owned(s),
            None => Cow::Borrowed(&self.input[..self.same]),
        }
    }
}

impl Sink for Borrowing<'_> {
    #[inline(always)]
    fn push(&mut self, ch: char, src_byte: usize, _src_char: usize) {
        if let Some(out) = &mut self.out {
            out.push(ch);
            return;
        }
        let mut buf = [0u8; 4];
        let encoded = ch.encode_utf8(&mut buf).as_bytes();
        if src_byte == self.same && self.input.as_bytes()[src_byte..].starts_with(encoded) {
            self.same += encoded.len();
            return;
        }
        let mut out = String::with_capacity(self.input.len());
        out.push_str(&self.input[..self.same]);
        out.push(ch);
        self.out = Some(out);
    }
}

/// Builds the output and, for each output character, the input char index it came from.
#[derive(Default)]
pub(crate) struct WithOffsets {
    pub(crate) out: String,
    pub(crate) offsets: Vec<usize>,
}

impl Sink for WithOffsets {
    #[inline(always)]
    fn push(&mut self, ch: char, _src_byte: usize, src_char: usize) {
        self.out.push(ch);
        self.offsets.push(src_char);
    }
}

/// An input position: byte offset and char index.
#[derive(Clone, Copy)]
struct Pos {
    byte: usize,
    char: usize,
}

/// The state of one normalization pass.
struct Pass<'t, S> {
    table: &'t Table,
    sink: S,
    /// A collapsed space waiting for the next visible character, and where it came from.
    pending_space: Option<Pos>,
    /// A removed word separator waiting to see whether it stood between two words.
    pending_break: Option<Pos>,
    /// At the start of a line (leading spaces are dropped).
    line_start: bool,
    /// The last character written.
    last: Option<char>,
}

impl<S: Sink> Pass<'_, S> {
    /// Writes a visible character, first flushing a pending space or word break.
    #[inline(always)]
    fn visible(&mut self, ch: char, at: Pos) {
        if let Some(space) = self.pending_space.take() {
            self.pending_break = None;
            self.sink.push(' ', space.byte, space.char);
        } else if let Some(brk) = self.pending_break.take() {
            if ch.is_alphanumeric() && self.last.is_some_and(char::is_alphanumeric) {
                self.sink.push(' ', brk.byte, brk.char);
            }
        }
        self.sink.push(ch, at.byte, at.char);
        self.line_start = false;
        self.last = Some(ch);
    }

    /// Applies `action` to the character `c` found at `at`; `next` is the input character after it.
    #[inline(always)]
    fn apply(&mut self, action: Action, c: char, at: Pos, next: Option<char>) {
        match action {
            Action::Keep => self.visible(c, at),
            Action::Map(m) => self.visible(m, at),
            Action::Drop => {}
            Action::Space => {
                if !self.line_start && self.pending_space.is_none() {
                    self.pending_space = Some(at);
                }
            }
            Action::Newline => {
                self.pending_space = None;
                self.pending_break = None;
                self.sink.push(c, at.byte, at.char);
                self.line_start = true;
                self.last = Some(c);
            }
            Action::Break => {
                if self.pending_break.is_none() {
                    self.pending_break = Some(at);
                }
            }
            Action::DigitSeparator(ascii) => {
                let between_digits = self.last.and_then(digit_value).is_some()
                    && self.pending_space.is_none()
                    && next.and_then(digit_value).is_some();
                self.visible(if between_digits { ascii } else { c }, at);
            }
            Action::Expand(index) => {
                let letters = presentation::expansion(index);
                let mut chars = letters.chars().peekable();
                while let Some(e) = chars.next() {
                    let after = chars.peek().copied().or(next);
                    match self.table.action(e) {
                        // Base letters never expand again; keep the recursion finite.
                        Action::Expand(_) => self.visible(e, at),
                        inner => self.apply(inner, e, at, after),
                    }
                }
            }
        }
    }
}

/// Normalizes `text` under `table`, writing into `sink`.
pub(crate) fn run<S: Sink>(table: &Table, text: &str, sink: S) -> S {
    let mut pass = Pass {
        table,
        sink,
        pending_space: None,
        pending_break: None,
        line_start: true,
        last: None,
    };
    let mut chars = text.char_indices().enumerate().peekable();
    while let Some((char_index, (byte, c))) = chars.next() {
        let action = table.action(c);
        let at = Pos {
            byte,
            char: char_index,
        };
        if action == Action::Keep {
            pass.visible(c, at);
            continue;
        }
        let next = chars.peek().map(|&(_, (_, n))| n);
        pass.apply(action, c, at, next);
    }
    pass.sink
}
