//! The `claimtrail` binary: everything lives in the library; this only hands
//! the process arguments over and turns the outcome into an exit code.

/// mimalloc instead of the system allocator: bulk import hands every
/// revision from its reading thread to its writing thread, and glibc's
/// malloc spent a third of the import's time in arena locks and
/// consolidation freeing across threads (measured with perf).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    claimtrail::cli::main()
}
