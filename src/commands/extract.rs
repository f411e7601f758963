//! `claimtrail extract`: the statements and speakers of one article, without
//! touching any store.

use std::path::PathBuf;

use serde::Serialize;

use crate::commands::Ctx;
use crate::commands::input::{self, DEFAULT_MAX_BYTES};
use crate::error::{Result, exit};
use crate::extract::{self, Extraction};
use crate::ingest::Document;
use crate::output::{Table, ellipsize};

/// Print every statement of an article with its speaker.
///
/// Reads plain text, Markdown or HTML from FILE (or standard input) and lists
/// each statement: who said it (resolved: "he" and "Esper" become Mark
/// Esper), how it is attributed (direct quote, indirect, according to,
/// declined, or the outlet's own unattributed assertion), and what was
/// claimed. Nothing is written to the store.
///
/// Examples:
///   claimtrail extract article.txt
///   claimtrail extract --format json page.html | jq '.statements[].speaker.name'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The article: a file, or - for standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    document: &'a Document,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let input = input::read_input(args.file.as_deref(), args.max_bytes)?;
    let extraction = extract::extract(&input.document.text());
    if ctx.out.json() {
        ctx.out.write_json(&JsonOut { document: &input.document, extraction: &extraction })?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let mut table = Table::new(&["#", "SPEAKER", "KIND", "ATTRIBUTION", "CONTENT"], p);
    for s in &extraction.statements {
        let (speaker, kind) = match &s.speaker {
            Some(sp) => (sp.name.clone(), sp.kind.as_str()),
            None => ("—".to_string(), ""),
        };
        table.row(vec![
            s.index.to_string(),
            p.cyan(&ellipsize(&speaker, 28)),
            kind.to_string(),
            s.attribution.as_str().to_string(),
            ellipsize(&s.content, 90),
        ]);
    }
    table.write(&mut ctx.out)?;
    let attributed = extraction.statements.iter().filter(|s| s.speaker.is_some()).count();
    ctx.out.line(&p.dim(&format!(
        "{} statements, {} attributed, {} speakers{}",
        extraction.statements.len(),
        attributed,
        extraction.speakers.len(),
        if extraction.developing { "; the story says it is still being updated" } else { "" }
    )))?;
    Ok(exit::OK)
}
