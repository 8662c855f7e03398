//! The wasm module's memory allocator: power-of-two size classes, one free list each.
//!
//! std's default for wasm32 is dlmalloc, about 8 KB of code. The engine's pattern is simple
//! (build, serialise, drop everything, next call), so exact-class reuse serves it well:
//! every call after the first finds its blocks on the free lists. The price is rounding a
//! request up to a power of two; memory is never returned to the browser either way.
//!
//! wasm32-unknown-unknown without the atomics feature runs one thread, so the state needs no
//! lock.

use std::alloc::{GlobalAlloc, Layout};
use std::arch::wasm32;
use std::cell::UnsafeCell;
use std::ptr::null_mut;

const PAGE: usize = 65536;
/// The heap grows by at least this many pages (2 MiB).
const GROW_PAGES: usize = 32;
/// The smallest block: 16 bytes, enough for the free-list link and std's usual alignment.
const MIN_SHIFT: u32 = 4;

struct State {
    /// Head of the free list of blocks of `1 << k` bytes (0 when empty); linked through the
    /// first word of each free block.
    free: [usize; 32],
    /// Unused memory at the end of the last grown region.
    next: usize,
    end: usize,
}

struct Allocator(UnsafeCell<State>);

// Single-threaded target: see the module comment.
unsafe impl Sync for Allocator {}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(State {
    free: [0; 32],
    next: 0,
    end: 0,
}));

/// The size class (log2 of the block size) for a layout; `None` above 2 GB.
#[inline(always)]
fn class(layout: &Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    // ceil(log2(size)), written out: `checked_next_power_of_two` is not inlined at -Oz.
    let k = (usize::BITS - (size - 1).leading_zeros()) as usize;
    (k < usize::BITS as usize).then_some(k)
}

impl State {
    /// Fresh memory from the end of the heap, growing it by whole pages when needed.
    fn bump(&mut self, size: usize, align: usize) -> *mut u8 {
        let mut start = (self.next + align - 1) & !(align - 1);
        if start < self.next || start.checked_add(size).map_or(true, |e| e > self.end) {
            // At least GROW_PAGES at a time: each memory.grow can be slow in the engine.
            let Some(pages) = size
                .checked_add(align + PAGE - 1)
                .map(|bytes| (bytes / PAGE).max(GROW_PAGES))
            else {
                return null_mut();
            };
            let prev = wasm32::memory_grow(0, pages);
            if prev == usize::MAX {
                return null_mut();
            }
            if prev * PAGE != self.end {
                // Not contiguous with our last region (the first call): start at the new pages.
                self.next = prev * PAGE;
            }
            self.end = (prev + pages) * PAGE;
            start = (self.next + align - 1) & !(align - 1);
        }
        self.next = start + size;
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(k) = class(&layout) else {
            return null_mut();
        };
        let state = &mut *self.0.get();
        let head = state.free[k];
        // A reused block must also meet this request's alignment (rarely above 16).
        if head != 0 && head & (layout.align() - 1) == 0 {
            state.free[k] = *(head as *const usize);
            return head as *mut u8;
        }
        state.bump(1 << k, layout.align().max(1 << MIN_SHIFT))
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some(k) = class(&layout) {
            let state = &mut *self.0.get();
            *(ptr as *mut usize) = state.free[k];
            state.free[k] = ptr as usize;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        // Same class: the block already has room.
        if class(&layout) == class(&new_layout) {
            return ptr;
        }
        let new = self.alloc(new_layout);
        if !new.is_null() {
            std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}
