//! Work done ahead on worker threads and taken in order: the pack's entries are compressed
//! on every core while one writer appends them to the zip, in a bounded amount of memory.

use std::sync::{Condvar, Mutex, MutexGuard};

/// A result waiting to be taken, with the bytes it holds.
struct Slot<R> {
    result: R,
    bytes: usize,
}

struct State<R> {
    /// The next job a worker starts.
    next: usize,
    /// Jobs taken so far: the taker takes them in order.
    taken: usize,
    /// Bytes held by results done but not taken.
    waiting: usize,
    slots: Vec<Option<Slot<R>>>,
    /// The taker is done (or failed): start nothing more.
    stop: bool,
    /// A worker panicked: what it was doing will never be done.
    broken: bool,
}

/// The results of jobs `0..n`, taken in order with [`Ahead::take`].
pub struct Ahead<R> {
    state: Mutex<State<R>>,
    changed: Condvar,
    budget: usize,
}

impl<R: Send> Ahead<R> {
    fn lock(&self) -> MutexGuard<'_, State<R>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, State<R>>) -> MutexGuard<'a, State<R>> {
        self.changed.wait(guard).unwrap_or_else(|e| e.into_inner())
    }

    /// The result of the next job in order, waiting for it; `None` if a worker panicked.
    pub fn take(&self) -> Option<R> {
        let mut state = self.lock();
        loop {
            let i = state.taken;
            if let Some(slot) = state.slots.get_mut(i).and_then(Option::take) {
                state.taken += 1;
                state.waiting -= slot.bytes;
                self.changed.notify_all();
                return Some(slot.result);
            }
            if state.broken || i >= state.slots.len() {
                return None;
            }
            state = self.wait(state);
        }
    }

    /// Runs jobs in order on worker threads, each job's result holding `size` bytes.
    fn work(&self, job: &(impl Fn(usize) -> R + Sync), size: &(impl Fn(&R) -> usize + Sync)) {
        /// Wakes the taker if the job in hand panics, so it never waits for it.
        struct Guard<'a, R: Send>(&'a Ahead<R>);
        impl<R: Send> Drop for Guard<'_, R> {
            fn drop(&mut self) {
                if std::thread::panicking() {
                    self.0.lock().broken = true;
                    self.0.changed.notify_all();
                }
            }
        }
        let _guard = Guard(self);
        loop {
            let i = {
                let mut state = self.lock();
                loop {
                    if state.stop || state.next >= state.slots.len() {
                        return;
                    }
                    // The job the taker waits for always starts, whatever is held.
                    if state.waiting < self.budget || state.next == state.taken {
                        break;
                    }
                    state = self.wait(state);
                }
                state.next += 1;
                state.next - 1
            };
            let result = job(i);
            let bytes = size(&result);
            let mut state = self.lock();
            state.waiting += bytes;
            state.slots[i] = Some(Slot { result, bytes });
            self.changed.notify_all();
        }
    }
}

/// Runs `job(0)`, `job(1)`, … `job(n - 1)` on worker threads, ahead of `take`, which is given
/// them in order through [`Ahead::take`]. Workers start no new job while the results done but
/// not taken hold `budget` bytes or more (as `size` counts them), unless it is the one `take`
/// waits for. Returns what `take` returns, once every worker has stopped.
pub fn in_order<R: Send, T>(
    n: usize,
    budget: usize,
    job: impl Fn(usize) -> R + Sync,
    size: impl Fn(&R) -> usize + Sync,
    take: impl FnOnce(&Ahead<R>) -> T,
) -> T {
    let ahead = Ahead {
        state: Mutex::new(State {
            next: 0,
            taken: 0,
            waiting: 0,
            slots: (0..n).map(|_| None).collect(),
            stop: false,
            broken: false,
        }),
        changed: Condvar::new(),
        budget,
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(n.max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| ahead.work(&job, &size));
        }
        let taken = take(&ahead);
        ahead.lock().stop = true;
        ahead.changed.notify_all();
        taken
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::in_order;

    #[test]
    fn results_come_in_order() {
        let got = in_order(
            500,
            1 << 20,
            |i| i * 3,
            |_| 8,
            |ahead| (0..500).map_while(|_| ahead.take()).collect::<Vec<_>>(),
        );
        assert_eq!(got, (0..500).map(|i| i * 3).collect::<Vec<_>>());
    }

    #[test]
    fn workers_stay_within_the_budget() {
        // Each result holds 10 bytes and the budget is 30: at most 3 wait, plus one per
        // worker in hand.
        let started = AtomicUsize::new(0);
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        in_order(
            100,
            30,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_| 10,
            |ahead| {
                for i in 0..100 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                    let ahead_of_taker = started.load(Ordering::SeqCst) - i;
                    assert!(ahead_of_taker <= 3 + workers + 1, "{ahead_of_taker}");
                    assert_eq!(ahead.take(), Some(i));
                }
            },
        );
    }

    #[test]
    fn a_taker_that_stops_early_stops_the_workers() {
        let done = AtomicUsize::new(0);
        in_order(
            10_000,
            0,
            |i| {
                done.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_| 1,
            |ahead| ahead.take(),
        );
        assert!(done.load(Ordering::SeqCst) < 100);
    }

    #[test]
    fn a_big_result_still_reaches_the_taker() {
        let got = in_order(
            3,
            1,
            |i| i,
            |_| 1 << 30,
            |ahead| (0..3).map_while(|_| ahead.take()).collect::<Vec<_>>(),
        );
        assert_eq!(got, [0, 1, 2]);
    }
}
