//! Integration tests of the `claimtrail` binary, one module per command.

mod diff;
