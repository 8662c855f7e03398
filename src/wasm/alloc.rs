//! The wasm module's memory allocator: `talc`, a coalescing allocator, so memory one file
//! freed serves the next whatever the sizes of its blocks (issue 14: the previous power-of-two
//! free lists never reused a block for another size, and ten crafted files took one instance
//! to 4 GB). About 250 B of brotli more than those free lists; std's dlmalloc is ~8 KB.
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
use std::ptr::{null_mut, NonNull};

use talc::{OomHandler, Span, Talc};

const PAGE: usize = 65536;
/// The heap grows by at least this many pages (2 MiB): each memory.grow can be slow.
const GROW_PAGES: usize = 32;
/// The most memory the module takes: 1 GiB. The largest file under 20 MB peaks far below (see
/// BENCHMARKS.md); beyond this a phone's browser may kill the tab instead of refusing.
const MAX_PAGES: usize = 16384;

/// Grows wasm memory for talc, extending its heap when the new pages follow it.
struct Grow {
    heap: Span,
}

impl OomHandler for Grow {
    fn handle_oom(talc: &mut Talc<Self>, layout: Layout) -> Result<(), ()> {
        let needed = layout.size().saturating_add(layout.align() * 2 + 64);
        let pages = (needed / PAGE + 1).max(GROW_PAGES);
        let now = wasm32::memory_size(0);
        let prev = if now.saturating_add(pages) > MAX_PAGES {
            usize::MAX
        } else {
            wasm32::memory_grow(0, pages)
        };
        if prev == usize::MAX {
            out_of_memory();
        }
        let (start, end) = ((prev * PAGE) as *mut u8, ((prev + pages) * PAGE) as *mut u8);
        match talc.oom_handler.heap.get_base_acme() {
            Some((base, acme)) if acme == start => {
                // SAFETY: the new pages follow the heap talc manages, and are ours.
                talc.oom_handler.heap =
                    unsafe { talc.extend(talc.oom_handler.heap, Span::new(base, end)) };
            }
            _ => {
                // SAFETY: fresh pages, used by nothing else.
                talc.oom_handler.heap = unsafe { talc.claim(Span::new(start, end))? };
            }
        }
        Ok(())
    }
}

/// Throws the JavaScript `Error` of a failed allocation (never returns).
#[cold]
#[inline(never)]
fn out_of_memory() -> ! {
    wasm_bindgen::throw_str(
        "Memori tidak cukup untuk berkas ini (batas 1 GB memori mesin penilai). Muat ulang halaman, lalu coba berkas yang lebih kecil atau pisahkan datanya. / Not enough memory for this file (the assessment engine's limit is 1 GB). Reload the page, then try a smaller file or split the data.",
    )
}

struct Allocator(UnsafeCell<Talc<Grow>>);

// Single-threaded target: see the module comment.
unsafe impl Sync for Allocator {}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Talc::new(Grow {
    heap: Span::empty(),
})));

unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        (*self.0.get())
            .malloc(layout)
            .map_or(null_mut(), |p| p.as_ptr())
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        (*self.0.get()).free(NonNull::new_unchecked(ptr), layout);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let talc = &mut *self.0.get();
        let ptr = NonNull::new_unchecked(ptr);
        if new_size <= layout.size() {
            talc.shrink(ptr, layout, new_size);
            return ptr.as_ptr();
        }
        // In place when the next chunk is free, else moved (talc copies).
        talc.grow(ptr, layout, new_size)
            .map_or(null_mut(), |p| p.as_ptr())
    }
}
