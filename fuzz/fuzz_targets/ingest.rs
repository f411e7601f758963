//! Reading arbitrary bytes as an article (HTML, Markdown or text): never
//! panics, and what it reads extracts without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in [Some("page.html"), Some("notes.md"), None] {
        if let Ok(doc) = claimtrail::ingest::read_document(data, name) {
            let _ = claimtrail::extract::extract(&doc.text());
        }
    }
});
