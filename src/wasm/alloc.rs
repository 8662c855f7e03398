//! The wasm module's memory allocator: a bump arena per call. Every export starts on an empty
//! arena (see [`begin`]); allocating moves a pointer, freeing only counts, and when the count of
//! live blocks returns to zero (the end of each call: the result has been handed to
//! JavaScript) the whole arena is free again. The last block grows and shrinks in place, and
//! freeing it gives its bytes back at once (the scratch stacks and the result text are such
//! blocks). So memory one file used serves the next whatever the sizes of its blocks (issue 14:
//! the earlier power-of-two free lists never reused a block for another size, and ten crafted
//! files took one instance to 4 GB), and allocating costs a few instructions (`talc`, the
//! coalescing allocator before this one, took about a tenth of `assessText`'s time).
//!
//! Within a call, a freed block waits in a list of its power of two and serves a later block
//! that fits in it (no splitting, no merging): a call peaks above what it holds at once
//! (BENCHMARKS.md measures each hostile file; all peak under 300 MB).
//!
//! Memory is grown by at least [`GROW_PAGES`] at a time, and never past [`MAX_PAGES`]: past
//! that, or when the browser refuses to grow, the allocation fails as a JavaScript `Error`
//! thrown from here (bilingual), never as a trap (`RuntimeError: unreachable`, which Rust's
//! allocation-failure handler would raise). The work of the failed call is abandoned where it
//! stood; what it had allocated stays allocated, so a host re-creates the instance after such
//! an error when it can (the page does).
//!
//! wasm32-unknown-unknown without the atomics feature runs one thread, so the state needs no
//! lock.

use std::alloc::{GlobalAlloc, Layout};
use std::arch::wasm32;
use std::cell::UnsafeCell;

const PAGE: usize = 65536;
/// Freed blocks smaller than a word (the link) are not reused.
const WORD: usize = std::mem::size_of::<usize>();
/// The heap grows by at least this many pages (2 MiB): each memory.grow can be slow.
const GROW_PAGES: usize = 32;
/// The most memory the module takes: 1 GiB. The largest file under 20 MB peaks far below (see
/// BENCHMARKS.md); beyond this a phone's browser may kill the tab instead of refusing.
const MAX_PAGES: usize = 16384;

struct Arena {
    /// Where this call's blocks start: blocks below it outlived an earlier call (wasm-bindgen's
    /// table of JS values) and are never reused.
    floor: usize,
    /// The first free byte.
    top: usize,
    /// The end of wasm memory.
    end: usize,
    /// Blocks allocated at or above `floor` and not yet freed.
    live: usize,
    /// Freed blocks of this call, by size class: list `c` holds blocks of 2^c bytes or more
    /// (each block's first word links the next), so a call's freed blocks serve its later ones.
    free: [usize; 32],
}

impl Arena {
    /// A block of `layout` at the top.
    #[inline]
    fn bump(&mut self, layout: Layout) -> usize {
        // No overflow: top < 1 GiB (MAX_PAGES), size ≤ isize::MAX.
        let start = (self.top + layout.align() - 1) & !(layout.align() - 1);
        let new_top = start + layout.size();
        if new_top > self.end {
            return self.bump_grown(layout);
        }
        self.top = new_top;
        start
    }

    #[cold]
    #[inline(never)]
    fn bump_grown(&mut self, layout: Layout) -> usize {
        if self.end == 0 {
            // The first block: the heap starts at the end of the initial memory.
            self.end = wasm32::memory_size(0) * PAGE;
            self.top = self.end;
            self.floor = self.end;
        }
        let start = (self.top + layout.align() - 1) & !(layout.align() - 1);
        self.reach(start + layout.size());
        start
    }

    /// Moves `top` to `new_top`, growing wasm memory when needed.
    fn reach(&mut self, new_top: usize) {
        if new_top > self.end {
            let now = self.end / PAGE;
            let pages = (new_top - self.end).div_ceil(PAGE);
            let room = MAX_PAGES.saturating_sub(now);
            if pages > room || wasm32::memory_grow(0, pages.max(GROW_PAGES).min(room)) == usize::MAX
            {
                out_of_memory();
            }
            self.end = wasm32::memory_size(0) * PAGE;
        }
        self.top = new_top;
    }
}

/// Throws the JavaScript `Error` of a failed allocation (never returns).
#[cold]
#[inline(never)]
fn out_of_memory() -> ! {
    wasm_bindgen::throw_str(
        "Memori tidak cukup untuk berkas ini. Coba berkas yang lebih kecil atau pisahkan datanya. / Not enough memory for this file. Try a smaller file or split the data.",
    )
}

struct Allocator(UnsafeCell<Arena>);

// Single-threaded target: see the module comment.
unsafe impl Sync for Allocator {}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Arena {
    floor: 0,
    top: 0,
    end: 0,
    live: 0,
    free: [0; 32],
}));

/// Called first by every export: blocks still live when a call starts outlive calls (the table
/// wasm-bindgen keeps of JS values, allocated once; or what a call abandoned when an
/// allocation failed), so the arena starts above them and no longer counts them.
pub fn begin() {
    // SAFETY: one thread, and no allocator call is running.
    let a = unsafe { &mut *ALLOCATOR.0.get() };
    a.live = 0;
    a.floor = a.top;
    a.free = [0; 32];
}

/// Freed blocks of at least `size` bytes: the list of the next power of two.
#[inline]
fn class_up(size: usize) -> usize {
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let a = &mut *self.0.get();
        a.live += 1;
        if layout.size() >= WORD {
            let list = &mut a.free[class_up(layout.size())];
            let block = *list;
            if block != 0 && block & (layout.align() - 1) == 0 {
                *list = (block as *const usize).read_unaligned();
                return block as *mut u8;
            }
        }
        a.bump(layout) as *mut u8
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let a = &mut *self.0.get();
        let p = ptr as usize;
        if p < a.floor {
            return;
        }
        a.live -= 1;
        if a.live == 0 {
            a.top = a.floor;
            a.free = [0; 32];
        } else if p + layout.size() == a.top {
            a.top = p;
        } else if layout.size() >= WORD {
            // The list of the power of two at or below its size.
            let list = &mut a.free[(usize::BITS - 1 - layout.size().leading_zeros()) as usize];
            (ptr as *mut usize).write_unaligned(*list);
            *list = p;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let a = &mut *self.0.get();
        let p = ptr as usize;
        if p >= a.floor && p + layout.size() == a.top {
            // The last block: in place.
            a.reach(p + new_size);
            return ptr;
        }
        if new_size <= layout.size() {
            return ptr;
        }
        let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        std::ptr::copy_nonoverlapping(ptr, new, layout.size());
        self.dealloc(ptr, layout);
        new
    }
}
