//! The normalization loop: one pass over the input, applying the table and the
//! contextual rules (space runs, line trimming, word breaks, digit separators).
//!
//! Input comes as a [`Text`]: UTF-8 (`str`) or a fixed-width code-unit buffer. Runs
//! of characters that no rule touches are handed to the [`Sink`] whole, so the common
//! case costs one table lookup per character and one call per run.

use super::presentation;
use super::table::{Action, Class, Table};
use crate::text::chars::{self, digit_value};

/// An input position: code-unit index (bytes for UTF-8) and char index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub(crate) unit: usize,
    pub(crate) char: usize,
}

/// Input the engine can walk: a sequence of code units that decode to chars.
pub(crate) trait Text {
    /// The length in code units.
    fn units(&self) -> usize;
    /// The char starting at code unit `i` and its width in code units.
    fn decode(&self, i: usize) -> (char, usize);
}

impl Text for str {
    fn units(&self) -> usize {
        self.len()
    }

    #[inline(always)]
    fn decode(&self, i: usize) -> (char, usize) {
        let bytes = self.as_bytes();
        let b0 = bytes[i];
        if b0 < 0x80 {
            return (char::from(b0), 1);
        }
        if b0 < 0xE0 {
            // A two-byte sequence (the whole Arabic block): valid UTF-8 guarantees bytes[i + 1].
            let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            return (char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER), 2);
        }
        let c = self[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

/// Receives the output: single characters, or runs copied verbatim from the input.
pub(crate) trait Sink {
    /// Appends `ch`, produced by the input character at `at`.
    fn push(&mut self, ch: char, at: Pos);
    /// Appends the input from `from` up to (not including) `to`, unchanged.
    fn push_run(&mut self, from: Pos, to: Pos);
    /// Copies the context-free characters from `at` on by itself, when it has a faster
    /// way than the engine (it may do nothing); returns where it stopped.
    fn fast_forward(&mut self, _table: &Table, at: Pos, _state: &mut LineState) -> Pos {
        at
    }
}

/// What the engine knows about the output line so far.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineState {
    /// At the start of a line (leading spaces are dropped).
    pub(crate) line_start: bool,
    /// The last character written.
    pub(crate) last: Option<char>,
}

/// The state of one normalization pass.
struct Pass<'t, S> {
    table: &'t Table,
    sink: S,
    /// A collapsed space waiting for the next visible character, and where it came from.
    pending_space: Option<Pos>,
    /// A removed word separator waiting to see whether it stood between two words.
    /// (where it came from, and whether it leaves a space only at a change of script).
    pending_break: Option<(Pos, bool)>,
    line: LineState,
}

impl<S: Sink> Pass<'_, S> {
    /// Writes a visible character, first flushing a pending space or word break.
    fn visible(&mut self, ch: char, at: Pos) {
        if let Some(space) = self.pending_space.take() {
            self.pending_break = None;
            self.sink.push(' ', space);
        } else if let Some((brk, script_change)) = self.pending_break.take() {
            if let Some(last) = self.line.last.filter(|l| l.is_alphanumeric()) {
                if ch.is_alphanumeric() && (!script_change || script(last) != script(ch)) {
                    self.sink.push(' ', brk);
                }
            }
        }
        self.sink.push(ch, at);
        self.line.line_start = false;
        self.line.last = Some(ch);
    }

    /// Applies `action` to the character `c` found at `at`; `next` is the input character after it.
    fn apply(&mut self, action: Action, c: char, at: Pos, next: Option<char>) {
        match action {
            Action::Keep => self.visible(c, at),
            Action::Map(m) => self.visible(m, at),
            Action::Drop => {}
            Action::Space => {
                if !self.line.line_start && self.pending_space.is_none() {
                    self.pending_space = Some(at);
                }
            }
            Action::Newline => {
                self.pending_space = None;
                self.pending_break = None;
                self.sink.push(c, at);
                self.line.line_start = true;
                self.line.last = Some(c);
            }
            Action::Break => {
                if self
                    .pending_break
                    .is_none_or(|(_, script_change)| script_change)
                {
                    self.pending_break = Some((at, false));
                }
            }
            Action::Join => {
                if self.pending_break.is_none() {
                    self.pending_break = Some((at, true));
                }
            }
            Action::DigitSeparator(ascii) => {
                let between_digits = self.line.last.and_then(digit_value).is_some()
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
pub(crate) fn run<T: Text + ?Sized, S: Sink>(table: &Table, text: &T, sink: S) -> S {
    let mut pass = Pass {
        table,
        sink,
        pending_space: None,
        pending_break: None,
        line: LineState {
            line_start: true,
            last: None,
        },
    };
    let end = text.units();
    let mut at = Pos { unit: 0, char: 0 };
    while at.unit < end {
        if pass.pending_space.is_none() && pass.pending_break.is_none() {
            at = copy_run(&mut pass, text, at);
            if at.unit >= end {
                break;
            }
        }
        let (c, width) = text.decode(at.unit);
        let action = table.action(c);
        let next_at = Pos {
            unit: at.unit + width,
            char: at.char + 1,
        };
        let needs_next = matches!(action, Action::DigitSeparator(_) | Action::Expand(_));
        let next = if needs_next {
            next_shown(table, text, next_at.unit)
        } else {
            None
        };
        pass.apply(action, c, at, next);
        at = next_at;
    }
    pass.sink
}

/// The script of a letter or digit, as the word scanner parts words: Arabic letters, digits,
/// other letters.
fn script(c: char) -> u8 {
    match chars::class(c) {
        chars::Class::ArabicLetter => 0,
        chars::Class::Digit => 1,
        _ => 2,
    }
}

/// The first character from `unit` on that the output will show: deleted characters
/// (diacritics, tatweel, invisible separators) are skipped, so that a digit separator
/// sees the digit after ٣٬ـ٠ as the next pass will, and normalizing stays idempotent.
/// Each call scans only up to the next character that is not deleted, so a text is
/// scanned at most twice.
fn next_shown<T: Text + ?Sized>(table: &Table, text: &T, mut unit: usize) -> Option<char> {
    while unit < text.units() {
        let (c, width) = text.decode(unit);
        if !matches!(table.action(c), Action::Drop | Action::Break | Action::Join) {
            return Some(c);
        }
        unit += width;
    }
    None
}

/// The fast path, taken while no space or word break is pending: copies runs of
/// characters that no rule touches (including single spaces between words) to the
/// sink in one piece, and applies context-free deletions and replacements on the way.
/// Returns where it stopped: at the end, or at a character that needs [`Pass::apply`].
#[inline(always)]
fn copy_run<T: Text + ?Sized, S: Sink>(pass: &mut Pass<'_, S>, text: &T, start: Pos) -> Pos {
    let table = pass.table;
    let end = text.units();
    let mut line = pass.line;
    let mut at = pass.sink.fast_forward(table, start, &mut line);
    let mut from = at;
    while at.unit < end {
        let (c, width) = text.decode(at.unit);
        let next = Pos {
            unit: at.unit + width,
            char: at.char + 1,
        };
        match table.class(c) {
            Class::Keep => {}
            // A lone space inside a line, before a character that is kept.
            Class::Space
                if !line.line_start
                    && next.unit < end
                    && table.class(text.decode(next.unit).0) == Class::Keep => {}
            Class::Drop | Class::Map(_) => {
                if at != from {
                    pass.sink.push_run(from, at);
                }
                if let Class::Map(m) = table.class(c) {
                    pass.sink.push(m, at);
                    line.last = Some(m);
                    line.line_start = false;
                }
                // The output now differs from the input: let the sink race ahead.
                at = pass.sink.fast_forward(table, next, &mut line);
                from = at;
                continue;
            }
            Class::Space | Class::Other => break,
        }
        line.last = Some(c);
        line.line_start = false;
        at = next;
    }
    if at != from {
        pass.sink.push_run(from, at);
    }
    pass.line = line;
    at
}

/// Builds a UTF-8 output lazily: while it equals a prefix of the input, nothing is copied.
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
    pub(crate) fn finish(self) -> std::borrow::Cow<'a, str> {
        match self.out {
            Some(s) => s.into(),
            None => self.input[..self.same].into(),
        }
    }

    /// The output buffer, created on the first divergence from the input.
    fn owned(&mut self) -> &mut String {
        let (input, same) = (self.input, self.same);
        self.out.get_or_insert_with(|| {
            let mut out = String::with_capacity(input.len());
            out.push_str(&input[..same]);
            out
        })
    }
}

impl Sink for Borrowing<'_> {
    fn push(&mut self, ch: char, at: Pos) {
        if self.out.is_none() && at.unit == self.same {
            let mut buf = [0u8; 4];
            let encoded = ch.encode_utf8(&mut buf).as_bytes();
            if self.input.as_bytes()[at.unit..].starts_with(encoded) {
                self.same += encoded.len();
                return;
            }
        }
        self.owned().push(ch);
    }

    fn push_run(&mut self, from: Pos, to: Pos) {
        if self.out.is_none() && from.unit == self.same {
            self.same = to.unit;
        } else {
            let run = &self.input[from.unit..to.unit];
            self.owned().push_str(run);
        }
    }
}

/// Builds a UTF-8 output and, for each output character, the input char index it came from.
pub(crate) struct WithOffsets<'a> {
    input: &'a str,
    pub(crate) out: String,
    pub(crate) offsets: Vec<usize>,
}

impl<'a> WithOffsets<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        WithOffsets {
            input,
            out: String::with_capacity(input.len()),
            offsets: Vec::with_capacity(input.len()),
        }
    }
}

impl Sink for WithOffsets<'_> {
    fn push(&mut self, ch: char, at: Pos) {
        self.out.push(ch);
        self.offsets.push(at.char);
    }

    fn push_run(&mut self, from: Pos, to: Pos) {
        self.out.push_str(&self.input[from.unit..to.unit]);
        self.offsets.extend(from.char..to.char);
    }
}
