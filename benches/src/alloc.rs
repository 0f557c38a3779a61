//! A global allocator that counts allocations, to prove that a piece of code allocates nothing,
//! and tracks the bytes in use, to measure the peak memory of a piece of code.
//!
//! This module uses only `std`: the lookup probes (see `probe`) compile it as well.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// An allocator (the system's unless given), counting every allocation and reallocation and
/// the bytes in use (as requested, without the allocator's own overhead).
///
/// ```
/// use smartcar_errors_bench::alloc::Counting;
///
/// #[global_allocator]
/// static ALLOC: Counting = Counting::new();
///
/// let (_, allocations) = ALLOC.count(|| vec![1, 2, 3]);
/// assert_eq!(allocations, 1);
/// ```
#[derive(Debug)]
pub struct Counting<A = System> {
    inner: A,
    allocations: AtomicU64,
    in_use: AtomicUsize,
    peak: AtomicUsize,
}

impl Counting {
    /// The system allocator, its counter at zero.
    pub const fn new() -> Self {
        Counting::wrapping(System)
    }
}

impl<A> Counting<A> {
    /// `inner`, its counter at zero.
    pub const fn wrapping(inner: A) -> Self {
        Counting {
            inner,
            allocations: AtomicU64::new(0),
            in_use: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    /// Allocations (and reallocations) so far.
    pub fn allocations(&self) -> u64 {
        self.allocations.load(Ordering::Relaxed)
    }

    /// Runs `f` and returns its result and the allocations it made (on any thread).
    pub fn count<T>(&self, f: impl FnOnce() -> T) -> (T, u64) {
        let before = self.allocations();
        let value = f();
        (value, self.allocations() - before)
    }

    /// Runs `f` and returns its result and the most bytes in use at once during the run,
    /// above those in use when it started (on any thread). The result is still alive when the
    /// peak is read, so it counts.
    pub fn peak<T>(&self, f: impl FnOnce() -> T) -> (T, usize) {
        let start = self.in_use.load(Ordering::SeqCst);
        self.peak.store(start, Ordering::SeqCst);
        let value = f();
        (value, self.peak.load(Ordering::SeqCst).saturating_sub(start))
    }

    fn grow(&self, bytes: usize) {
        let in_use = self.in_use.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.peak.fetch_max(in_use, Ordering::Relaxed);
    }

    fn shrink(&self, bytes: usize) {
        self.in_use.fetch_sub(bytes, Ordering::Relaxed);
    }
}

impl Default for Counting {
    fn default() -> Self {
        Counting::new()
    }
}

// SAFETY: every call is forwarded unchanged to `inner`, which upholds the contract.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.allocations.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded with the caller's guarantees.
        let ptr = unsafe { self.inner.alloc(layout) };
        if !ptr.is_null() {
            self.grow(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        self.allocations.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded with the caller's guarantees.
        let ptr = unsafe { self.inner.alloc_zeroed(layout) };
        if !ptr.is_null() {
            self.grow(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { self.inner.dealloc(ptr, layout) };
        self.shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.allocations.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded with the caller's guarantees.
        let moved = unsafe { self.inner.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            self.grow(new_size);
            self.shrink(layout.size());
        }
        moved
    }
}
