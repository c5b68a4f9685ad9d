//! Normalization of fixed-width code-unit buffers (Latin-1, UCS-2, UCS-4), the layouts
//! CPython stores `str` in. Working on them directly saves a UTF-8 round trip.
//!
//! The output always fits the input's width: every rule maps a character to one of
//! the same or a narrower width, or to the base letters of a presentation form,
//! which is itself at least two bytes wide.

use super::engine::{self, LineState, Pos, Sink, Text};
use super::table::{Table, SIMPLE_DROP, SIMPLE_SPACE, SIMPLE_STOP};
use std::borrow::Cow;

/// One code unit of a fixed-width string.
pub trait CodeUnit: Copy + Eq + Send + Sync + 'static {
    /// The character of this unit; `None` for a surrogate.
    fn to_char(self) -> Option<char>;
    /// The unit holding `c`, when it fits this width.
    fn from_char(c: char) -> Option<Self>;
    /// The code point of this unit (surrogates included).
    fn code_point(self) -> u32;
    /// The largest code point this width holds.
    const MAX: u32;
    /// The unit for a code point known to be at most `MAX`.
    fn from_code_point(cp: u32) -> Self;
    /// Whether the unit is a surrogate, which no `char` holds.
    fn is_surrogate(self) -> bool;
}

impl CodeUnit for u8 {
    fn to_char(self) -> Option<char> {
        Some(char::from(self))
    }
    fn from_char(c: char) -> Option<Self> {
        u8::try_from(u32::from(c)).ok()
    }
    fn code_point(self) -> u32 {
        u32::from(self)
    }
    const MAX: u32 = 0xFF;
    fn from_code_point(cp: u32) -> Self {
        cp as u8
    }
    fn is_surrogate(self) -> bool {
        false
    }
}

impl CodeUnit for u16 {
    fn to_char(self) -> Option<char> {
        char::from_u32(u32::from(self))
    }
    fn from_char(c: char) -> Option<Self> {
        u16::try_from(u32::from(c)).ok()
    }
    fn code_point(self) -> u32 {
        u32::from(self)
    }
    const MAX: u32 = 0xFFFF;
    fn from_code_point(cp: u32) -> Self {
        cp as u16
    }
    fn is_surrogate(self) -> bool {
        self & 0xF800 == 0xD800
    }
}

impl CodeUnit for u32 {
    fn to_char(self) -> Option<char> {
        char::from_u32(self)
    }
    fn from_char(c: char) -> Option<Self> {
        Some(u32::from(c))
    }
    fn code_point(self) -> u32 {
        self
    }
    const MAX: u32 = 0x10_FFFF;
    fn from_code_point(cp: u32) -> Self {
        cp
    }
    fn is_surrogate(self) -> bool {
        self & 0xFFFF_F800 == 0xD800
    }
}

/// Why a unit buffer could not be normalized in place of its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitsError {
    /// The buffer holds a lone surrogate at this index.
    Surrogate(usize),
    /// An output character does not fit the input's width (never expected; callers
    /// fall back to the UTF-8 path).
    TooWide,
}

impl<T: CodeUnit> Text for [T] {
    fn units(&self) -> usize {
        self.len()
    }

    #[inline(always)]
    fn decode(&self, i: usize) -> (char, usize) {
        (self[i].to_char().unwrap_or(char::REPLACEMENT_CHARACTER), 1)
    }
}

/// A buffer as long as `input` holding its first `same` units: the output so far. The
/// rest is zeroed (cheaper than copying it) and written over by the cursor. Made in
/// `spare`'s memory.
fn output_buffer<T: CodeUnit>(input: &[T], same: usize, spare: Vec<T>) -> Vec<T> {
    let mut buf = spare;
    buf.clear();
    buf.reserve(input.len());
    buf.extend_from_slice(&input[..same]);
    buf.resize(input.len(), T::from_code_point(0));
    buf
}

/// Builds the output lazily, like the UTF-8 `Borrowing` sink. Once the output differs
/// from the input it lives in `buf`, of which the first `len` units are written.
struct UnitSink<'a, 's, T> {
    input: &'a [T],
    /// Memory for `buf`, from an earlier call.
    spare: &'s mut Vec<T>,
    same: usize,
    buf: Option<Vec<T>>,
    len: usize,
    too_wide: bool,
}

impl<T: CodeUnit> UnitSink<'_, '_, T> {
    /// The output buffer, created on the first divergence from the input.
    fn owned(&mut self) -> &mut Vec<T> {
        let (input, same) = (self.input, self.same);
        let spare = &mut *self.spare;
        self.buf
            .get_or_insert_with(|| output_buffer(input, same, std::mem::take(spare)))
    }

    /// Writes `unit` at the cursor.
    #[inline(always)]
    fn write(&mut self, unit: T) {
        let len = self.len;
        let buf = self.owned();
        if len < buf.len() {
            buf[len] = unit;
        } else {
            buf.push(unit);
        }
        self.len += 1;
    }
}

impl<T: CodeUnit> Sink for UnitSink<'_, '_, T> {
    fn push(&mut self, ch: char, at: Pos) {
        let Some(unit) = T::from_char(ch) else {
            self.too_wide = true;
            return;
        };
        if self.buf.is_none() && at.unit == self.same && self.input.get(at.unit) == Some(&unit) {
            self.same += 1;
            self.len = self.same;
            return;
        }
        self.write(unit);
    }

    fn push_run(&mut self, from: Pos, to: Pos) {
        if self.buf.is_none() && from.unit == self.same {
            self.same = to.unit;
            self.len = self.same;
            return;
        }
        let run = &self.input[from.unit..to.unit];
        let len = self.len;
        let buf = self.owned();
        let end = len + run.len();
        if end > buf.len() {
            buf.resize(end, T::from_code_point(0));
        }
        buf[len..end].copy_from_slice(run);
        self.len = end;
    }

    /// Copies context-free characters itself. While the output still equals the input
    /// it only advances; once they differ it writes every unit and moves the cursor
    /// past the kept ones, without branching on what each character is.
    fn fast_forward(&mut self, table: &Table, at: Pos, line: &mut LineState) -> Pos {
        let input = self.input;
        let mut i = at.unit;
        let mut last = line.last.map_or(SIMPLE_STOP, u32::from);
        let mut line_start = line.line_start;
        // Kept when alone inside a line before a character that is kept as is.
        let lone_space = |i: usize, line_start: bool| {
            let next = input.get(i + 1).map(|u| u.code_point());
            !line_start && next.is_some_and(|n| table.simple(n) == n)
        };
        if self.buf.is_none() {
            if i == self.same {
                loop {
                    i += unchanged_prefix(table, &input[i..]);
                    let at_start = line_start && i == at.unit;
                    let spaced = i < input.len()
                        && table.simple(input[i].code_point()) == SIMPLE_SPACE
                        && lone_space(i, at_start);
                    if !spaced {
                        break;
                    }
                    i += 1;
                }
                if i > at.unit {
                    last = input[i - 1].code_point();
                    line_start = false;
                }
                self.same = i;
                self.len = i;
                let next = input.get(i).map(|u| table.simple(u.code_point()));
                if matches!(next, None | Some(SIMPLE_STOP | SIMPLE_SPACE)) {
                    line.last = char::from_u32(last);
                    line.line_start = line_start;
                    return Pos {
                        unit: i,
                        char: at.char + (i - at.unit),
                    };
                }
            }
            // The output diverges here (a deletion or replacement, or one just before).
            self.buf = Some(output_buffer(input, self.same, std::mem::take(self.spare)));
        }
        let mut len = self.len;
        let Some(buf) = self.buf.as_mut() else {
            return at;
        };
        // Room for one output unit per input unit left, which is all the loop writes.
        if buf.len() < len + (input.len() - i) {
            buf.resize(len + (input.len() - i), T::from_code_point(0));
        }
        let written_before = len;
        loop {
            let (read, written) = apply_simple(table, &input[i..], &mut buf[len..]);
            i += read;
            len += written;
            // Stopped at the end, or at a space (kept only when alone inside a line)
            // or a character for the engine.
            let at_line_start = line_start && len == written_before;
            let spaced = i < input.len()
                && table.simple(input[i].code_point()) == SIMPLE_SPACE
                && lone_space(i, at_line_start);
            if !spaced {
                break;
            }
            buf[len] = T::from_code_point(u32::from(b' '));
            len += 1;
            i += 1;
        }
        if len > written_before {
            last = buf[len - 1].code_point();
            line_start = false;
        }
        self.len = len;
        line.last = char::from_u32(last);
        line.line_start = line_start;
        Pos {
            unit: i,
            char: at.char + (i - at.unit),
        }
    }
}

/// The index of the first surrogate in `input`. Blocks are checked whole, without an
/// early exit per unit, so that the check runs on vector instructions.
fn first_surrogate<T: CodeUnit>(input: &[T]) -> Option<usize> {
    const BLOCK: usize = 64;
    input
        .chunks(BLOCK)
        .position(|block| block.iter().fold(false, |any, u| any | u.is_surrogate()))
        .and_then(|b| {
            let start = b * BLOCK;
            input[start..]
                .iter()
                .position(|u| u.is_surrogate())
                .map(|i| start + i)
        })
}

/// How many units at the start of `input` the table keeps as they are.
#[inline]
fn unchanged_prefix<T: CodeUnit>(table: &Table, input: &[T]) -> usize {
    input
        .iter()
        .position(|u| table.simple(u.code_point()) != u.code_point())
        .unwrap_or(input.len())
}

/// Applies the table's context-free deletions and replacements from the start of
/// `input` into `out`, up to the end or the first space or character that needs the
/// engine; returns the units read and written. `out` must be at least as long as
/// `input`. Kept in its own small function so the loop's state stays in registers.
#[inline(never)]
fn apply_simple<T: CodeUnit>(table: &Table, input: &[T], out: &mut [T]) -> (usize, usize) {
    assert!(out.len() >= input.len());
    let mut written = 0;
    for (read, unit) in input.iter().enumerate() {
        let mapped = table.simple(unit.code_point());
        if mapped > SIMPLE_DROP {
            return (read, written);
        }
        // Every rule keeps the width (see the module doc), so `mapped` fits in `T`.
        debug_assert!(mapped <= T::MAX || mapped == SIMPLE_DROP);
        // SAFETY: `written <= read < input.len() <= out.len()`: `written` grows by at
        // most one per unit read.
        unsafe { *out.get_unchecked_mut(written) = T::from_code_point(mapped) };
        // A deleted unit is written too, and overwritten by the next one.
        written += usize::from(mapped != SIMPLE_DROP);
    }
    (input.len(), written)
}

/// Normalizes a unit buffer; borrows it (or a prefix) when nothing else changes. A new
/// output is built in `spare`'s memory, which is left empty then.
pub(crate) fn normalize_units<'a, T: CodeUnit>(
    table: &Table,
    input: &'a [T],
    spare: &mut Vec<T>,
) -> Result<Cow<'a, [T]>, UnitsError> {
    if let Some(i) = first_surrogate(input) {
        return Err(UnitsError::Surrogate(i));
    }
    crate::fault::check(input.iter().map(|u| u.code_point()));
    let sink = UnitSink {
        input,
        spare,
        same: 0,
        buf: None,
        len: 0,
        too_wide: false,
    };
    let sink = engine::run(table, input, sink);
    if sink.too_wide {
        return Err(UnitsError::TooWide);
    }
    Ok(match sink.buf {
        Some(mut buf) => {
            buf.truncate(sink.len);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(&input[..sink.same]),
    })
}
