//! How results reach the user: text or JSON, colour only on a terminal
//! (`--color auto` honours `NO_COLOR`; `--color always` overrides it), and
//! aligned tables for people.
//!
//! Human output carries text from elsewhere (articles, titles, names), so
//! it is made safe for a terminal here, in one place: [`Out::line`] and
//! [`Table`] pass only the colour codes [`Palette`] writes and show every
//! other control character visibly (see [`clean`]). JSON needs none of this:
//! serde_json escapes control characters.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;
use serde::Serialize;

/// `--format`: text for people, JSON as a stable contract for scripts, and
/// for `diff` and `report` a self-contained HTML page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    #[default]
    Text,
    Json,
    Html,
}

/// `--color`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
            }
        }
    }
}

/// A few ANSI styles, or none.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.enabled { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
    pub fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    pub fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    pub fn red(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    pub fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    pub fn yellow(&self, s: &str) -> String {
        self.wrap("33", s)
    }
    pub fn cyan(&self, s: &str) -> String {
        self.wrap("36", s)
    }
}

/// Where a command writes: stdout (buffered), the chosen format and colours.
#[derive(Debug)]
pub struct Out {
    pub format: OutputFormat,
    pub palette: Palette,
    pub w: io::BufWriter<io::Stdout>,
}

impl Out {
    pub fn new(format: OutputFormat, color: ColorChoice) -> Out {
        Out { format, palette: Palette { enabled: color.enabled() }, w: io::BufWriter::new(io::stdout()) }
    }

    pub fn json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    /// Write `value` as pretty JSON and a newline.
    pub fn write_json<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut self.w, value)?;
        self.w.write_all(b"\n")
    }

    /// Write a line of human output (which may span several lines: its
    /// newlines are kept), made safe for a terminal with [`clean`].
    pub fn line(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(clean(s, true).as_bytes())?;
        self.w.write_all(b"\n")
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// Rows of cells printed with aligned columns (the last column is not
/// padded). Widths count characters, and ANSI codes are not counted.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str], palette: Palette) -> Table {
        let header = header.iter().map(|h| palette.bold(h)).collect();
        Table { rows: vec![header] }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.len() <= 1
    }

    pub fn write(&self, out: &mut Out) -> io::Result<()> {
        // A cell is one line: a newline in a title must not forge a row.
        let rows: Vec<Vec<Cow<'_, str>>> =
            self.rows.iter().map(|r| r.iter().map(|c| clean(c, false)).collect()).collect();
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; cols];
        for row in &rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(visible_width(cell));
            }
        }
        for row in &rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    let pad = widths[i] - visible_width(cell) + 2;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            out.line(line.trim_end())?;
        }
        Ok(())
    }
}

/// The escape sequences [`Palette`] writes: the only ones human output may
/// hold. Any other ESC came from untrusted text.
const PALETTE_CODES: [&str; 7] = ["\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m"];

/// Make text safe to print on a terminal: [`Palette`]'s colour codes pass;
/// every other control character (ESC starting an OSC or a cursor move,
/// BEL, backspace, carriage return, C1 controls, DEL) and the bidirectional
/// overrides and isolates that reorder what follows are shown as visible
/// stand-ins (`␛`, `␇`, `\u{202e}`), so text from an article can neither
/// drive the terminal nor disguise itself. Newlines are kept only when
/// `keep_newlines` (a table cell must stay one line); tabs are kept there too.
pub fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(keep_newlines && (c == '\n' || c == '\t')))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b'
            && let Some(code) = PALETTE_CODES.iter().find(|code| rest.starts_with(**code))
        {
            out.push_str(code);
            rest = &rest[code.len()..];
            continue;
        }
        match c {
            c if !unsafe_char(c) => out.push(c),
            // C0 controls have pictures at U+2400 + code; DEL at U+2421.
            '\0'..='\x1f' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\x7f' => out.push('\u{2421}'),
            c => out.extend(c.escape_unicode()),
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

fn visible_width(s: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for c in s.chars() {
        match (in_escape, c) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

/// Shorten `s` to at most `max` characters, ending with "…" when cut.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A progress bar over `total` revisions on standard error: hidden when
/// standard error is not a terminal (scripts, CI) or when asked to be quiet.
pub fn progress_bar(total: u64, quiet: bool) -> indicatif::ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} revisions  {per_sec}  eta {eta}  {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}
