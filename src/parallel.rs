//! The crate's thread pool for batch calls.
//!
//! Its size comes from `NUQTA_NUM_THREADS` (default: all cores). The pool belongs to
//! the process that built it: after a `fork`, the child builds its own on first use
//! instead of waiting forever on worker threads that were not copied.

use rayon::prelude::*;
use std::sync::{Arc, Mutex};

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
}
