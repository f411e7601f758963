//! A simple wait-free, grow-only pagetable, assumes a dense keyspace
//! (claimtrail: filled lazily from the snapshot; see `PageTable`).
#![allow(unsafe_code)]

use std::{
    alloc::{handle_alloc_error, GlobalAlloc, Layout, System},
    convert::TryFrom,
    mem::size_of,
    sync::atomic::{
        AtomicU64,
        Ordering::{AcqRel, Acquire, Relaxed, Release},
    },
};

use crossbeam_epoch::{pin, Atomic, Guard, Owned, Shared};

use crate::{
    debug_delay,
    pagecache::{constants::MAX_PID_BITS, Page, PageView, Snapshot},
    Arc, Measure, M,
};

#[allow(unused)]
#[doc(hidden)]
pub const PAGETABLE_NODE_SZ: usize = size_of::<Node1>();

const NODE2_FAN_FACTOR: usize = 18;
const NODE1_FAN_OUT: usize = 1 << (MAX_PID_BITS - NODE2_FAN_FACTOR);
const NODE2_FAN_OUT: usize = 1 << NODE2_FAN_FACTOR;
const FAN_MASK: u64 = (NODE2_FAN_OUT - 1) as u64;

pub type PageId = u64;

struct Node1 {
    children: [Atomic<Node2>; NODE1_FAN_OUT],
}

struct Node2 {
    children: [Atomic<Page>; NODE2_FAN_OUT],
}

// claimtrail: the nodes (4 MiB and 2 MiB of null pointers) come zeroed
// from the system allocator, not the global one. glibc's calloc maps
// fresh pages for them, which the kernel zeroes when first touched, so a
// node costs only the pages its low page ids use; mimalloc wrote zeros
// over all of it, a quarter of the CPU of opening a small store. Nodes
// are therefore freed with `free_node`, never as a `Box`. They hold only
// atomics: the pages under them are dropped by `PageTable`'s drop.
fn zeroed_node<T>() -> *mut T {
    let layout = Layout::new::<T>();
    // SAFETY: the layout is non-zero in size; an all-zero node is valid
    // (every child a null `Atomic`).
    #[allow(clippy::cast_ptr_alignment)]
    let ptr = unsafe { System.alloc_zeroed(layout) } as *mut T;
    if ptr.is_null() {
        handle_alloc_error(layout);
    }
    ptr
}

/// Gives back the memory of a node made by `zeroed_node`.
///
/// # Safety
///
/// `ptr` came from `zeroed_node::<T>` and nothing else can reach it.
unsafe fn free_node<T>(ptr: *mut T) {
    System.dealloc(ptr as *mut u8, Layout::new::<T>());
}

impl Node1 {
    fn new() -> *mut Self {
        zeroed_node()
    }
}

impl Node2 {
    fn new() -> *mut Self {
        zeroed_node()
    }
}

/// A simple lock-free radix tree.
///
/// claimtrail: the pages of the snapshot the store was opened from are
/// installed lazily. `lazy` holds their states, and `get` makes a page
/// from its state the first time a null entry below `lazy.page_count()` is asked
/// for. An entry is never set back to null (pages are freed by replacing
/// them with a free page), so a null entry there always means "not yet
/// installed". The table is therefore sparse, and its drop walks every
/// entry below the highest pid installed (`pid_bound`) and every
/// second-level node made (`node_bound`).
pub struct PageTable {
    head: Atomic<Node1>,
    lazy: Arc<Snapshot>,
    pid_bound: AtomicU64,
    node_bound: AtomicU64,
}

impl Default for PageTable {
    fn default() -> Self {
        let head = Node1::new();
        Self {
            head: Atomic::from(head as *const Node1),
            lazy: Arc::new(Snapshot::default()),
            pid_bound: AtomicU64::new(0),
            node_bound: AtomicU64::new(0),
        }
    }
}

impl PageTable {
    /// The snapshot's page states, from which `get` installs pages on
    /// first use (claimtrail). Called once, when the cache starts.
    pub(crate) fn install_lazily(&mut self, snapshot: Arc<Snapshot>) {
        self.lazy = snapshot;
    }

    /// # Panics
    ///
    /// will panic if the item is not null already,
    /// which represents a serious failure to
    /// properly handle lifecycles of pages in the
    /// using system.
    pub(crate) fn insert<'g>(
        &self,
        pid: PageId,
        item: Page,
        guard: &'g Guard,
    ) -> PageView<'g> {
        debug_delay();
        let tip = self.traverse(pid, guard);

        let shared = Owned::new(item).into_shared(guard);
        let old = tip.swap(shared, Release, guard);
        assert!(old.is_null());
        self.pid_bound.fetch_max(pid + 1, Relaxed);

        PageView { read: shared, entry: tip }
    }

    /// Try to get a value from the tree.
    pub(crate) fn get<'g>(
        &self,
        pid: PageId,
        guard: &'g Guard,
    ) -> Option<PageView<'g>> {
        let _measure = Measure::new(&M.get_pagetable);
        debug_delay();
        let tip = self.traverse(pid, guard);

        debug_delay();
        let res = tip.load(Acquire, guard);
        if !res.is_null() {
            return Some(PageView { read: res, entry: tip });
        }

        // claimtrail: a page of the snapshot not asked for until now
        let state = self.lazy.state(pid)?;
        let page = Owned::new(Page::of_state(&state));
        match tip.compare_and_set(Shared::null(), page, AcqRel, guard) {
            Ok(installed) => {
                self.pid_bound.fetch_max(pid + 1, Relaxed);
                Some(PageView { read: installed, entry: tip })
            }
            // another thread installed it first, from the same state;
            // ours was never shared and is dropped here
            Err(lost) => Some(PageView { read: lost.current, entry: tip }),
        }
    }

    fn traverse<'g>(&self, k: PageId, guard: &'g Guard) -> &'g Atomic<Page> {
        let (l1k, l2k) = split_fanout(k);

        debug_delay();
        let head = self.head.load(Acquire, guard);

        debug_delay();
        let l1 = unsafe { &head.deref().children };

        debug_delay();
        let mut l2_ptr = l1[l1k].load(Acquire, guard);

        if l2_ptr.is_null() {
            let next_child = Shared::from(Node2::new() as *const Node2);

            debug_delay();
            let ret = l1[l1k].compare_and_set(
                Shared::null(),
                next_child,
                Release,
                guard,
            );

            l2_ptr = match ret {
                Ok(next_child) => {
                    self.node_bound.fetch_max(l1k as u64 + 1, Relaxed);
                    next_child
                }
                Err(returned) => {
                    // another thread's node won; ours was never shared
                    unsafe { free_node(returned.new.as_raw() as *mut Node2) };
                    returned.current
                }
            };
        }

        debug_delay();
        let l2 = unsafe { &l2_ptr.deref().children };

        &l2[l2k]
    }
}

#[inline]
fn split_fanout(id: PageId) -> (usize, usize) {
    // right shift 32 on 32-bit pointer systems panics
    #[cfg(target_pointer_width = "64")]
    assert!(
        id <= 1 << MAX_PID_BITS,
        "trying to access key of {}, which is \
         higher than 2 ^ {}",
        id,
        MAX_PID_BITS,
    );

    let left = id >> NODE2_FAN_FACTOR;
    let right = id & FAN_MASK;

    (safe_usize(left), safe_usize(right))
}

#[inline]
fn safe_usize(value: PageId) -> usize {
    usize::try_from(value).unwrap()
}

impl Drop for PageTable {
    fn drop(&mut self) {
        let guard = pin();
        let head = self.head.load(Relaxed, &guard);
        let pid_bound = *self.pid_bound.get_mut();
        let node_bound = safe_usize(*self.node_bound.get_mut());
        let l1 = unsafe { &head.deref().children };
        for (l1k, child) in l1.iter().enumerate().take(node_bound) {
            let node2 = child.load(Relaxed, &guard);
            if node2.is_null() {
                continue;
            }
            let first_pid = (l1k as u64) << NODE2_FAN_FACTOR;
            let end = safe_usize(
                pid_bound.saturating_sub(first_pid).min(NODE2_FAN_OUT as u64),
            );
            let l2 = unsafe { &node2.deref().children };
            for entry in &l2[..end] {
                let page = entry.load(Relaxed, &guard);
                if !page.is_null() {
                    unsafe { drop(page.into_owned()) };
                }
            }
            unsafe { free_node(node2.as_raw() as *mut Node2) };
        }
        unsafe { free_node(head.as_raw() as *mut Node1) };
    }
}

#[test]
fn test_split_fanout() {
    assert_eq!(
        split_fanout(0b11_1111_1111_1111_1111),
        (0, 0b11_1111_1111_1111_1111)
    );
    assert_eq!(
        split_fanout(0b111_1111_1111_1111_1111),
        (0b1, 0b11_1111_1111_1111_1111)
    );
}
