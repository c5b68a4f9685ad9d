//! Normalization of fixed-width code-unit buffers (Latin-1, UCS-2, UCS-4), the layouts
//! CPython stores `str` in. Working on them directly saves a UTF-8 round trip.
//!
//! The output always fits the input's width: every rule maps a character to one of
//! the same or a narrower width, or to the base letters of a presentation form,
//! which is itself at least two bytes wide.

use super::engine::{self, Pos, Sink, Text};
use super::table::Table;
use std::borrow::Cow;

/// One code unit of a fixed-width string.
pub trait CodeUnit: Copy + Eq + Send + Sync + 'static {
    /// The character of this unit; `None` for a surrogate.
    fn to_char(self) -> Option<char>;
    /// The unit holding `c`, when it fits this width.
    fn from_char(c: char) -> Option<Self>;
}

impl CodeUnit for u8 {
    fn to_char(self) -> Option<char> {
        Some(char::from(self))
    }
    fn from_char(c: char) -> Option<Self> {
        u8::try_from(u32::from(c)).ok()
    }
}

impl CodeUnit for u16 {
    fn to_char(self) -> Option<char> {
        char::from_u32(u32::from(self))
    }
    fn from_char(c: char) -> Option<Self> {
        u16::try_from(u32::from(c)).ok()
    }
}

impl CodeUnit for u32 {
    fn to_char(self) -> Option<char> {
        char::from_u32(self)
    }
    fn from_char(c: char) -> Option<Self> {
        Some(u32::from(c))
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

/// Builds the output lazily, like the UTF-8 `Borrowing` sink.
struct UnitSink<'a, T> {
    input: &'a [T],
    same: usize,
    out: Option<Vec<T>>,
    too_wide: bool,
}

impl<T: CodeUnit> UnitSink<'_, T> {
    /// The output buffer, created on the first divergence from the input.
    fn owned(&mut self) -> &mut Vec<T> {
        let (input, same) = (self.input, self.same);
        self.out.get_or_insert_with(|| {
            let mut out = Vec::with_capacity(input.len());
            out.extend_from_slice(&input[..same]);
            out
        })
    }
}

impl<T: CodeUnit> Sink for UnitSink<'_, T> {
    fn push(&mut self, ch: char, at: Pos) {
        let Some(unit) = T::from_char(ch) else {
            self.too_wide = true;
            return;
        };
        if self.out.is_none() && at.unit == self.same && self.input.get(at.unit) == Some(&unit) {
            self.same += 1;
            return;
        }
        self.owned().push(unit);
    }

    fn push_run(&mut self, from: Pos, to: Pos) {
        if self.out.is_none() && from.unit == self.same {
            self.same = to.unit;
        } else {
            let run = &self.input[from.unit..to.unit];
            self.owned().extend_from_slice(run);
        }
    }
}

/// Normalizes a unit buffer; borrows it (or a prefix) when nothing else changes.
pub(crate) fn normalize_units<'a, T: CodeUnit>(
    table: &Table,
    input: &'a [T],
) -> Result<Cow<'a, [T]>, UnitsError> {
    if let Some(i) = input.iter().position(|u| u.to_char().is_none()) {
        return Err(UnitsError::Surrogate(i));
    }
    let sink = UnitSink {
        input,
        same: 0,
        out: None,
        too_wide: false,
    };
    let sink = engine::run(table, input, sink);
    if sink.too_wide {
        return Err(UnitsError::TooWide);
    }
    Ok(match sink.out {
        Some(out) => Cow::Owned(out),
        None => Cow::Borrowed(&input[..sink.same]),
    })
}
