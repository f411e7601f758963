//! The `claimtrail` binary: everything lives in the library; this only hands
//! the process arguments over and turns the outcome into an exit code.

fn main() -> std::process::ExitCode {
    claimtrail::cli::main()
}
