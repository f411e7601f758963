//! The one error type the binary reports: a message, optional hints, and the
//! exit code it maps to.

use std::fmt;
use std::path::Path;

use claimtrail_store::StoreError;

/// Exit codes, as documented in `--help` and the README.
pub mod exit {
    /// Success; for `diff`, "no claim changed"; for `verify`, "intact".
    pub const OK: u8 = 0;
    /// A negative answer scripts can branch on: claims differ, damage found.
    pub const NEGATIVE: u8 = 1;
    /// A usage, input or store error; nothing was changed.
    pub const ERROR: u8 = 2;
}

/// An error as the user sees it: `error: ...` then `hint: ...` lines.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hints: Vec<String>,
    pub code: u8,
    /// Output went to a closed pipe (`claimtrail log | head`): exit quietly.
    pub quiet: bool,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> CliError {
        CliError { message: message.into(), hints: Vec::new(), code: exit::ERROR, quiet: false }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> CliError {
        self.hints.push(hint.into());
        self
    }

    /// An I/O error on a named input file.
    pub fn input(path: &Path, err: &std::io::Error) -> CliError {
        let what = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "it is a directory, not a file".to_string(),
            _ => err.to_string(),
        };
        CliError::new(format!("cannot read {}: {what}", path.display()))
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<StoreError> for CliError {
    fn from(err: StoreError) -> CliError {
        let hint = err.hint();
        let mut e = CliError::new(err.to_string());
        if let Some(h) = hint {
            e.hints.push(h);
        }
        e
    }
}

impl From<std::io::Error> for CliError {
    fn from(err: std::io::Error) -> CliError {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError { quiet: true, code: exit::OK, ..CliError::new("") };
        }
        CliError::new(err.to_string())
    }
}

impl From<serde_json::Error> for CliError {
    fn from(err: serde_json::Error) -> CliError {
        if err.is_io() {
            return CliError::from(std::io::Error::from(err));
        }
        CliError::new(format!("cannot write JSON: {err}"))
    }
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;
