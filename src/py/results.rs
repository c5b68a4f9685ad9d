//! The result objects of `nuqta.results` (frozen dataclasses), built here instead of from
//! tuples in Python: a page has dozens of lines and mentions, and making each through
//! Python code cost more than finding it.
//!
//! `Line`, `Entity` and `NumberMention` are slots dataclasses. Each object is allocated as
//! `object.__new__(cls)` allocates it (`PyType_GenericAlloc`: zeroed, every slot NULL) and
//! each field's new reference is stored straight into its slot, at the offset that the
//! class's own member descriptor for the field gives (looked up once, when the classes are
//! registered). That is what the dataclass's `__init__` does through `object.__setattr__`
//! and the descriptors, so it is the very object Python would build: equal, hashable,
//! picklable, immutable. The one difference: the cyclic GC does not track it (see
//! [`instance`]).

use super::errors::NuqtaError;
use crate::clean::Reason;
use crate::entities::Entity;
use crate::numbers::{NumberMention, NumberValue};
use crate::text::offsets::byte_to_char_offsets;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple, PyType};
use pyo3::{ffi, intern, IntoPyObjectExt};

/// The fields of `Line`, `NumberMention` and `Entity`, in the order their classes declare
/// them (and the order the builders below give the values in).
const LINE_FIELDS: [&str; 5] = ["text", "start", "end", "keep", "reason"];
const NUMBER_FIELDS: [&str; 8] = [
    "text",
    "start",
    "end",
    "kind",
    "value",
    "unit",
    "qualifier",
    "high",
];
const ENTITY_FIELDS: [&str; 5] = ["text", "start", "end", "label", "name"];

/// A result class and the byte offset, in its instances, of the slot of each of its `N`
/// fields (in declaration order). [`Slots::new`] checked that these are all of the
/// instance's slots, each an object slot inside the instance.
pub(crate) struct Slots<const N: usize> {
    cls: Py<PyType>,
    offsets: [ffi::Py_ssize_t; N],
}

impl<const N: usize> Slots<N> {
    /// The slots of `cls`, which must be a slots class (`@dataclass(slots=True)`) straight
    /// under `object` whose `__slots__` are exactly `names`.
    fn new(cls: Bound<'_, PyType>, names: [&str; N]) -> PyResult<Slots<N>> {
        let py = cls.py();
        let wrong = |why: &str| {
            PyTypeError::new_err(format!(
                "nuqta's result class {} must be a slots dataclass with the fields {names:?}: {why}",
                cls.name().map_or_else(|_| "?".to_owned(), |n| n.to_string()),
            ))
        };
        let slots: Vec<String> = cls
            .getattr(intern!(py, "__slots__"))
            .and_then(|s| s.extract())
            .map_err(|_| wrong("it has no __slots__ naming them"))?;
        if slots != names {
            return Err(wrong(&format!("its __slots__ are {slots:?}")));
        }
        let tp = cls.as_type_ptr();
        // SAFETY: `tp` is a live type object (`cls` holds it) and the GIL is held; these
        // fields are plain data.
        let (base, basicsize, itemsize, dictoffset) = unsafe {
            (
                (*tp).tp_base,
                (*tp).tp_basicsize,
                (*tp).tp_itemsize,
                (*tp).tp_dictoffset,
            )
        };
        if base != std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) {
            return Err(wrong("its base is not object"));
        }
        if itemsize != 0 || dictoffset != 0 {
            return Err(wrong("its instances have a __dict__ or a variable size"));
        }
        let own = cls.getattr(intern!(py, "__dict__"))?;
        let mut offsets = [0; N];
        for (offset, name) in offsets.iter_mut().zip(names) {
            let descr = own.get_item(name)?;
            let ptr = descr.as_ptr();
            // SAFETY: `ptr` is a live object (`descr` holds it); it is read as a member
            // descriptor only once its type is checked to be exactly that, and then its
            // `d_member` points at the `PyMemberDef` that the class (kept alive by `descr`'s
            // `d_type` and by `cls`) made for the slot. (pyo3-ffi types `d_member` as a
            // `PyGetSetDef` before 3.11, but CPython's is a `PyMemberDef` in every version.)
            let member = unsafe {
                if ffi::Py_TYPE(ptr) != std::ptr::addr_of_mut!(ffi::PyMemberDescr_Type) {
                    return Err(wrong(&format!("{name} is not a slot")));
                }
                let descr = &*ptr.cast::<ffi::PyMemberDescrObject>();
                if descr.d_common.d_type != tp {
                    return Err(wrong(&format!("{name} is a slot of another class")));
                }
                &*descr.d_member.cast::<ffi::PyMemberDef>()
            };
            let size = std::mem::size_of::<*mut ffi::PyObject>() as ffi::Py_ssize_t;
            if member.type_code != ffi::Py_T_OBJECT_EX
                || member.offset < std::mem::size_of::<ffi::PyObject>() as ffi::Py_ssize_t
                || member.offset % size != 0
                || member.offset + size > basicsize
            {
                return Err(wrong(&format!("{name} is not an object slot")));
            }
            *offset = member.offset;
        }
        // `__slots__` named each field once, so each has a slot of its own.
        debug_assert!((1..N).all(|i| !offsets[..i].contains(&offsets[i])));
        Ok(Slots {
            cls: cls.unbind(),
            offsets,
        })
    }
}

/// The result classes, handed over by `nuqta._api` when it is imported.
pub(crate) struct Classes {
    pub(crate) line: Slots<{ LINE_FIELDS.len() }>,
    number: Slots<{ NUMBER_FIELDS.len() }>,
    entity: Slots<{ ENTITY_FIELDS.len() }>,
    /// The interned name of each reason, by `Reason as usize`.
    pub(crate) reasons: [Py<PyString>; Reason::ALL.len()],
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

/// Registers the result classes (`nuqta._api` does, once).
#[pyfunction]
pub fn _use_result_classes(
    py: Python<'_>,
    line: Bound<'_, PyType>,
    number: Bound<'_, PyType>,
    entity: Bound<'_, PyType>,
) -> PyResult<()> {
    // `Reason::ALL` is in declaration order: the name of `r` lands at `r as usize`
    let reasons = Reason::ALL.map(|r| PyString::intern(py, r.as_str()).unbind());
    let classes = Classes {
        line: Slots::new(line, LINE_FIELDS)?,
        number: Slots::new(number, NUMBER_FIELDS)?,
        entity: Slots::new(entity, ENTITY_FIELDS)?,
        reasons,
    };
    // A second registration (the module reloaded) keeps the first classes.
    let _ = CLASSES.set(py, classes);
    Ok(())
}

pub(crate) fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES
        .get(py)
        .ok_or_else(|| NuqtaError::new_err("nuqta's result classes are missing: import nuqta"))
}

/// Pauses Python's cyclic garbage collector while it lives. Result objects hold no
/// cycles, and the collections that every few hundred new objects set off would scan all
/// of them again and again, which made a page of 100,000 lines cost more than 100 pages
/// of 1,000 (and a batch spend a tenth of its time in the collector).
pub(crate) struct GcPause {
    was_enabled: bool,
}

impl GcPause {
    pub(crate) fn new(_py: Python<'_>) -> GcPause {
        // SAFETY: called with the GIL held (the `Python` token proves it).
        GcPause {
            was_enabled: unsafe { ffi::PyGC_Disable() } != 0,
        }
    }
}

impl Drop for GcPause {
    fn drop(&mut self) {
        if self.was_enabled {
            // SAFETY: the GIL is still held: a `GcPause` lives inside one builder call.
            unsafe { ffi::PyGC_Enable() };
        }
    }
}

/// A new object of `slots`'s class with its fields set to `values` (in declaration order):
/// allocated as `object.__new__` allocates it, then each value stored into its slot.
///
/// The cyclic GC stops tracking it: a result holds strings, numbers, bools and `None` only,
/// so it can be in no cycle, and tracked, the thousands of lines of a big page would be
/// scanned by the collection that the first allocation after [`GcPause`] sets off. CPython
/// untracks its own tuples and dicts of such values the same way. A slots object has no
/// `__dict__` to hang anything else on; only `object.__setattr__` past the frozen class
/// could store a container in it, and a cycle made so would be leaked, not collected.
pub(crate) fn instance<'py, const N: usize>(
    py: Python<'py>,
    slots: &Slots<N>,
    values: [Bound<'py, PyAny>; N],
) -> PyResult<Bound<'py, PyAny>> {
    let cls = slots.cls.bind(py);
    // SAFETY: `cls` is a live heap type with no variable part (checked in `Slots::new`) and
    // the GIL is held. `PyType_GenericAlloc` is what `object.__new__` allocates such a
    // class's instances with (its `tp_alloc`, inherited from `object`); it returns a new
    // reference with its memory zeroed, or NULL with an exception set.
    let obj = unsafe {
        Bound::from_owned_ptr_or_err(py, ffi::PyType_GenericAlloc(cls.as_type_ptr(), 0))?
    };
    let base = obj.as_ptr().cast::<u8>();
    // SAFETY: `obj` is a live instance of `cls`, only this function holds it, and the GIL
    // is held. Each offset is that of one of its object slots (`Slots::new` checked it is
    // inside the instance, aligned, and distinct from the others), still NULL from the
    // allocation, so storing a new reference there hands it to the object with nothing to
    // release; the object's dealloc releases it.
    unsafe {
        for (&offset, value) in slots.offsets.iter().zip(values) {
            let slot = base.offset(offset).cast::<*mut ffi::PyObject>();
            debug_assert!((*slot).is_null());
            *slot = value.into_ptr();
        }
    }
    // SAFETY: a live object of a GC type (checked), GIL held.
    unsafe {
        if ffi::PyObject_IS_GC(obj.as_ptr()) != 0 {
            ffi::PyObject_GC_UnTrack(obj.as_ptr().cast());
        }
    }
    Ok(obj)
}

/// `text[start:end]`, in `str` indices.
pub(crate) fn substring<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let (start, end) = (
        ffi::Py_ssize_t::try_from(start).unwrap_or(ffi::Py_ssize_t::MAX),
        ffi::Py_ssize_t::try_from(end).unwrap_or(ffi::Py_ssize_t::MAX),
    );
    // SAFETY: `text` is a live `str`; CPython clamps the indices to its length.
    unsafe {
        Bound::from_owned_ptr_or_err(
            text.py(),
            ffi::PyUnicode_Substring(text.as_ptr(), start, end),
        )
    }
}

/// Converts byte spans into `str` indices of one text, in one pass.
pub(crate) struct Indexer {
    chars: Vec<usize>,
    next: usize,
}

impl Indexer {
    pub(crate) fn new(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> Indexer {
        let bytes: Vec<usize> = spans.flat_map(|(s, e)| [s, e]).collect();
        Indexer {
            chars: byte_to_char_offsets(text, &bytes),
            next: 0,
        }
    }

    /// The converted span, in the order the spans were given.
    pub(crate) fn take(&mut self) -> (usize, usize) {
        let span = (self.chars[self.next], self.chars[self.next + 1]);
        self.next += 2;
        span
    }
}

fn value<'py>(py: Python<'py>, v: &NumberValue) -> PyResult<Bound<'py, PyAny>> {
    match v {
        NumberValue::Int(i) => i.into_bound_py_any(py),
        NumberValue::Float(f) => f.into_bound_py_any(py),
        NumberValue::Text(s) => s.into_bound_py_any(py),
        NumberValue::Unknown => Ok(py.None().into_bound(py)),
    }
}

/// Mentions of `text` (`text_str` is its UTF-8) as objects of the class `slots` picks:
/// the fields `text`, `start` and `end` from each mention's byte span, handed to `fields`
/// with the mention to make all `N` of them.
fn mentions<'py, T, const N: usize>(
    text: &Bound<'py, PyString>,
    text_str: &str,
    found: &[T],
    span: impl Fn(&T) -> (usize, usize),
    slots: impl Fn(&Classes) -> &Slots<N>,
    fields: impl Fn(&T, [Bound<'py, PyAny>; 3]) -> PyResult<[Bound<'py, PyAny>; N]>,
) -> PyResult<Bound<'py, PyTuple>> {
    let py = text.py();
    let slots = slots(classes(py)?);
    let _pause = GcPause::new(py);
    let mut ix = Indexer::new(text_str, found.iter().map(&span));
    let items = found
        .iter()
        .map(|m| {
            let (s, e) = ix.take();
            let values = fields(
                m,
                [
                    substring(text, s, e)?,
                    s.into_bound_py_any(py)?,
                    e.into_bound_py_any(py)?,
                ],
            )?;
            instance(py, slots, values)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, items)
}

/// `NumberMention`s for the mentions `found` in `text` (`text_str` is its UTF-8).
pub(crate) fn numbers<'py>(
    text: &Bound<'py, PyString>,
    text_str: &str,
    found: &[NumberMention],
) -> PyResult<Bound<'py, PyTuple>> {
    let py = text.py();
    mentions(
        text,
        text_str,
        found,
        |n| (n.start, n.end),
        |c| &c.number,
        |n, [text, start, end]| {
            Ok([
                text,
                start,
                end,
                PyString::intern(py, n.kind.as_str()).into_any(),
                value(py, &n.value)?,
                n.unit.as_deref().into_bound_py_any(py)?,
                n.qualifier
                    .map(|q| PyString::intern(py, q.as_str()))
                    .into_bound_py_any(py)?,
                match &n.high {
                    Some(h) => value(py, h)?,
                    None => py.None().into_bound(py),
                },
            ])
        },
    )
}

/// `Entity`s for the entities `found` in `text` (`text_str` is its UTF-8).
pub(crate) fn entities<'py>(
    text: &Bound<'py, PyString>,
    text_str: &str,
    found: &[Entity],
) -> PyResult<Bound<'py, PyTuple>> {
    let py = text.py();
    mentions(
        text,
        text_str,
        found,
        |e| (e.start, e.end),
        |c| &c.entity,
        |e, [text, start, end]| {
            Ok([
                text,
                start,
                end,
                PyString::intern(py, e.label.as_str()).into_any(),
                PyString::new(py, &e.name).into_any(),
            ])
        },
    )
}
