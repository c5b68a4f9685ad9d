//! The crate's thread pool for batch calls.
//!
//! Its size comes from `NUQTA_NUM_THREADS` (default: all cores). The pool belongs to
//! the process that built it: after a `fork`, the child builds its own on first use
//! instead of waiting forever on worker threads that were not copied.

use rayon::prelude::*;
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;

/// The pool and the id of the process that built it.
static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);

/// The number of worker threads: `NUQTA_NUM_THREADS` when it is a positive integer,
/// otherwise the number of cores.
pub fn num_threads() -> usize {
    std::env::var("NUQTA_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// This process's pool, built on first use (or first use after a fork).
fn pool() -> Option<Arc<rayon::ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((owner, pool)) = slot.as_ref() {
        if *owner == pid {
            return Some(pool.clone());
        }
        // Inherited across fork: its threads do not exist here, so never touch it again.
        std::mem::forget(slot.take());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(num_threads())
        .thread_name(|i| format!("nuqta-{i}"))
        .build()
        .ok()
        .map(Arc::new)?;
    *slot = Some((pid, pool.clone()));
    Some(pool)
}

/// Applies `f` to every item, in order, on the pool; serially for small inputs or
/// when a pool cannot be built.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < 2 || num_threads() == 1 {
        return items.iter().map(f).collect();
    }
    match pool() {
        Some(pool) => pool.install(|| items.par_iter().map(&f).collect()),
        None => items.iter().map(f).collect(),
    }
}

/// Splits `items` into consecutive rounds for [`pipeline`]: each holds at least one item
/// and, short of the last, items of about `target` total `size`.
pub fn rounds<T>(items: &[T], target: usize, size: impl Fn(&T) -> usize) -> Vec<Range<usize>> {
    let mut rounds = Vec::new();
    let (mut start, mut total) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        total += size(item);
        if total >= target {
            rounds.push(start..i + 1);
            (start, total) = (i + 1, 0);
        }
    }
    if start < items.len() {
        rounds.push(start..items.len());
    }
    rounds
}

/// One round's result, and the signal that it is there.
struct Slot<R> {
    value: Mutex<Option<thread::Result<R>>>,
    filled: Condvar,
}

/// The rounds of one [`pipeline`] call: which to produce next, and their results.
struct Rounds<'a, R> {
    produce: &'a (dyn Fn(usize) -> R + Sync),
    /// Filled by whichever thread produced the round, emptied by the caller.
    slots: Vec<Slot<R>>,
    /// The next round nobody has started.
    unclaimed: AtomicUsize,
    /// Set when the caller wants no more rounds.
    done: AtomicBool,
}

impl<R: Send> Rounds<'_, R> {
    /// Produces the next unclaimed round into its slot; false when none is left.
    fn produce_next(&self) -> bool {
        if self.done.load(Ordering::Relaxed) {
            return false;
        }
        let round = self.unclaimed.fetch_add(1, Ordering::Relaxed);
        let Some(slot) = self.slots.get(round) else {
            return false;
        };
        let result = catch_unwind(AssertUnwindSafe(|| (self.produce)(round)));
        *slot.value.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
        slot.filled.notify_one();
        true
    }

    /// Takes round `round`'s result when it is there.
    fn take(&self, round: usize) -> Option<thread::Result<R>> {
        self.slots[round]
            .value
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

/// The results of [`pipeline`]'s rounds, handed out in round order.
pub struct Ordered<'a, R> {
    rounds: &'a Rounds<'a, R>,
    next: usize,
}

impl<R: Send> Ordered<'_, R> {
    /// The next round's result; `None` after the last round. `Err` holds the panic the
    /// round's work raised, for the caller to report. While the round is not ready, the
    /// calling thread produces later rounds itself rather than wait idle.
    pub fn next_round(&mut self) -> Option<thread::Result<R>> {
        let round = self.next;
        let rounds = self.rounds;
        let slot = rounds.slots.get(round)?;
        self.next += 1;
        loop {
            if let Some(result) = rounds.take(round) {
                return Some(result);
            }
            if !rounds.produce_next() {
                break;
            }
        }
        let mut value = slot.value.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(result) = value.take() {
                return Some(result);
            }
            value = slot
                .filled
                .wait(value)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Sets a flag when dropped, however the scope that holds it ends.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Runs `produce(round)` for rounds `0..rounds` on the pool, while `consume` takes their
/// results in order on the calling thread. Work that must happen on the calling thread
/// (building Python objects under the GIL) then overlaps with the parallel work of the
/// later rounds instead of following all of it; when the next result is not ready, the
/// calling thread produces rounds too. Rounds not started when `consume` returns are
/// skipped. Without a pool, the calling thread produces every round as it asks for it.
pub fn pipeline<R: Send, T>(
    rounds: usize,
    produce: impl Fn(usize) -> R + Sync,
    consume: impl FnOnce(&mut Ordered<'_, R>) -> T,
) -> T {
    let work = Rounds {
        produce: &produce,
        slots: (0..rounds)
            .map(|_| Slot {
                value: Mutex::new(None),
                filled: Condvar::new(),
            })
            .collect(),
        unclaimed: AtomicUsize::new(0),
        done: AtomicBool::new(false),
    };
    let pool = if rounds < 2 || num_threads() == 1 {
        None
    } else {
        pool()
    };
    let Some(pool) = pool else {
        return consume(&mut Ordered {
            rounds: &work,
            next: 0,
        });
    };
    pool.in_place_scope(|scope| {
        let _stop = SetOnDrop(&work.done);
        // The calling thread is one of the threads at work, so the pool adds one fewer.
        // With a worker per core besides it, the threads outnumber the cores and the
        // calling thread, whose work is the serial part, waits its turn for a core:
        // normalize_batch on 2 cores ran 40-57 ms that way against 33-37 ms this way.
        for _ in 0..(pool.current_num_threads() - 1).clamp(1, rounds) {
            let work = &work;
            scope.spawn(move |_| while work.produce_next() {});
        }
        consume(&mut Ordered {
            rounds: &work,
            next: 0,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_order() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn rounds_cover_every_item_once() {
        let sizes = [5, 1, 1, 10, 0, 3, 3];
        let rounds = rounds(&sizes, 6, |&s| s);
        assert_eq!(rounds, vec![0..2, 2..4, 4..7]);
        assert!(super::rounds(&[] as &[usize], 6, |&s| s).is_empty());
    }

    #[test]
    fn pipeline_hands_out_rounds_in_order() {
        let consumed = pipeline(
            100,
            |round| round * 3,
            |ordered| {
                let mut seen = Vec::new();
                while let Some(result) = ordered.next_round() {
                    seen.push(result.expect("no panic"));
                }
                seen
            },
        );
        assert_eq!(consumed, (0..100).map(|r| r * 3).collect::<Vec<_>>());
    }

    #[test]
    fn pipeline_reports_a_panicking_round_and_goes_on() {
        let results = pipeline(
            10,
            |round| {
                assert!(round != 4, "round four fails");
                round
            },
            |ordered| {
                std::iter::from_fn(|| ordered.next_round())
                    .map(|r| r.is_ok())
                    .collect::<Vec<_>>()
            },
        );
        let expected: Vec<bool> = (0..10).map(|r| r != 4).collect();
        assert_eq!(results, expected);
    }

    #[test]
    fn pipeline_stops_when_the_consumer_does() {
        let first = pipeline(1000, |round| round, |ordered| ordered.next_round());
        assert_eq!(first.map(|r| r.ok()), Some(Some(0)));
    }
}
