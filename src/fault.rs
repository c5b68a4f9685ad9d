//! A fault switch for tests: makes the core panic on one chosen input, so that tests can
//! prove a panic anywhere in the core reaches Python as a `NuqtaError` (and a batch as an
//! error record for that item) instead of crashing the process. Only built with the
//! `test-hooks` feature (and in the crate's own tests): otherwise every check is empty.
//! With it, a check costs one atomic load while the switch is off.

#[cfg(any(test, feature = "test-hooks"))]
use std::sync::atomic::{AtomicBool, Ordering};
#[cfg(any(test, feature = "test-hooks"))]
use std::sync::Mutex;

#[cfg(any(test, feature = "test-hooks"))]
static ARMED: AtomicBool = AtomicBool::new(false);
#[cfg(any(test, feature = "test-hooks"))]
static TRIGGER: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// Makes every core entry point panic on exactly `text` from now on; `None` turns it off.
#[cfg(any(test, feature = "test-hooks"))]
pub fn panic_on(text: Option<&str>) {
    let mut trigger = TRIGGER.lock().unwrap_or_else(|e| e.into_inner());
    *trigger = text.map_or_else(Vec::new, |t| t.chars().map(u32::from).collect());
    ARMED.store(text.is_some(), Ordering::SeqCst);
}

/// Panics when the switch is armed for the text whose code points `text` yields.
#[inline]
pub(crate) fn check(text: impl IntoIterator<Item = u32>) {
    #[cfg(not(any(test, feature = "test-hooks")))]
    let _ = text;
    #[cfg(any(test, feature = "test-hooks"))]
    if ARMED.load(Ordering::Relaxed) {
        let trigger = TRIGGER.lock().unwrap_or_else(|e| e.into_inner());
        if text.into_iter().eq(trigger.iter().copied()) {
            drop(trigger);
            panic!("fault switch: the test asked for a panic on this input");
        }
    }
}

/// [`check`] for a `str`.
#[inline]
pub(crate) fn check_str(text: &str) {
    #[cfg(not(any(test, feature = "test-hooks")))]
    let _ = text;
    #[cfg(any(test, feature = "test-hooks"))]
    if ARMED.load(Ordering::Relaxed) {
        check(text.chars().map(u32::from));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_only_on_the_chosen_text_while_armed() {
        check_str("boom");
        panic_on(Some("boom"));
        check_str("other");
        assert!(std::panic::catch_unwind(|| check_str("boom")).is_err());
        panic_on(None);
        check_str("boom");
    }
}
