//! The panic boundary around sled.
//!
//! sled 0.34 panics on some damaged files (for instance "tried to serialize
//! Uninitialized" when a flipped bit lands in its log tail). A panic must
//! never reach the user: every call into sled goes through [`catch`], which
//! turns a panic into a message the store reports as damage. The default
//! panic hook would still print a backtrace prompt first, so the hook is
//! silenced for panics raised inside the boundary or from sled's own
//! threads; every other panic is reported as before.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How deep this thread is inside [`catch`].
    static INSIDE: Cell<u32> = const { Cell::new(0) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let inside = INSIDE.with(Cell::get) > 0;
            // sled's background flusher is not inside a catch, but its
            // panics come from sled's sources.
            let from_sled = info.location().is_some_and(|l| l.file().contains("sled"));
            if !inside && !from_sled {
                previous(info);
            }
        }));
    });
}

/// Run `f`, turning a panic into its message.
///
/// `AssertUnwindSafe` is sound here because a caller that gets `Err` treats
/// the database as damaged and stops using what `f` touched.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    INSIDE.with(|d| d.set(d.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    INSIDE.with(|d| d.set(d.get().saturating_sub(1)));
    result.map_err(|payload| message(payload.as_ref()))
}

/// The text of a panic payload.
pub fn message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "an unknown panic".to_string()
    }
}
