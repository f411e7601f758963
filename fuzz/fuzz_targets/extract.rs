//! Extraction on arbitrary text: never panics, and every statement's span
//! lies inside the text on character boundaries and holds its text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let x = claimtrail::extract::extract(text);
    for s in &x.statements {
        let (a, b) = s.span;
        assert!(a <= b && b <= text.len(), "span {a}..{b} outside {} bytes", text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    }
});
