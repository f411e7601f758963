//! Mojibake: UTF-8 text that was once read as windows-1252 (or Latin-1) and
//! saved again, so that "José" arrives as "JosÃ©" and "don’t" as "donâ€™t".
//!
//! Scraped and syndicated copy often carries it, and a name broken this way
//! is no name to the extraction ("FranÃ§ois Hollande said" had no speaker).
//! The bytes the damaged characters stand for are put back together and
//! decoded as UTF-8, the way ftfy's `fix_encoding` does for this common case.
//! Only sequences that open with the characters such damage begins with
//! ("Â", "Ã", "Ä", "Å" for Latin letters, "â" for punctuation) and decode to
//! valid UTF-8 are touched; text damaged twice is repaired in up to three
//! passes ("FranÃÂ§ois" → "FranÃ§ois" → "François").

/// The byte windows-1252 (or Latin-1, for its C1 controls) gives `ch`, if
/// it is one of UTF-8's continuation bytes (0x80–0xBF).
fn continuation_byte(ch: char) -> Option<u8> {
    let b = match ch {
        '\u{80}'..='\u{bf}' => ch as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(b)
}

/// The number of continuation bytes a damaged sequence opening with `ch`
/// needs, for the lead characters this repair trusts.
fn lead(ch: char) -> Option<usize> {
    match ch {
        'Â' | 'Ã' | 'Ä' | 'Å' => Some(1),
        'â' => Some(2),
        _ => None,
    }
}

/// One pass: every damaged sequence decoded. None if there was none.
fn repair_once(text: &str) -> Option<(String, usize)> {
    if !text.contains(['Â', 'Ã', 'Ä', 'Å', 'â']) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0;
    let mut rest = text;
    while let Some(pos) = rest.find(['Â', 'Ã', 'Ä', 'Å', 'â']) {
        out.push_str(&rest[..pos]);
        let mut chars = rest[pos..].chars();
        let first = chars.next().unwrap_or_default();
        let need = lead(first).unwrap_or(0);
        let mut bytes = [first as u32 as u8, 0, 0];
        let mut len = first.len_utf8();
        let mut ok = true;
        for slot in bytes.iter_mut().skip(1).take(need) {
            match chars.next().and_then(|ch| continuation_byte(ch).map(|b| (ch, b))) {
                Some((ch, b)) => {
                    *slot = b;
                    len += ch.len_utf8();
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        match std::str::from_utf8(&bytes[..=need]) {
            Ok(fixed) if ok => {
                out.push_str(fixed);
                repaired += 1;
                rest = &rest[pos + len..];
            }
            _ => {
                out.push(first);
                rest = &rest[pos + first.len_utf8()..];
            }
        }
    }
    out.push_str(rest);
    (repaired > 0).then_some((out, repaired))
}

/// `text` with its mojibake repaired, and how many characters were put
/// back; None if it had none.
pub(super) fn repair(text: &str) -> Option<(String, usize)> {
    let (mut fixed, mut total) = repair_once(text)?;
    for _ in 0..2 {
        match repair_once(&fixed) {
            Some((again, n)) => {
                fixed = again;
                total += n;
            }
            None => break,
        }
    }
    Some((fixed, total))
}

#[cfg(test)]
mod tests {
    use super::repair;

    fn fixed(s: &str) -> String {
        repair(s).map_or_else(|| s.to_string(), |(f, _)| f)
    }

    #[test]
    fn latin_letters_and_punctuation_are_put_back() {
        assert_eq!(fixed("JuliÃ¡n Castro and TomÃ¡s said"), "Julián Castro and Tomás said");
        assert_eq!(fixed("donâ€™t stop â€” now"), "don’t stop — now");
        assert_eq!(fixed("GuantÃ¡namo"), "Guantánamo");
        assert_eq!(repair("SÃ©golÃ¨ne").map(|(_, n)| n), Some(2));
    }

    #[test]
    fn text_damaged_twice_is_repaired_in_passes() {
        assert_eq!(fixed("FranÃÂ§ois Hollande"), "François Hollande");
    }

    #[test]
    fn sound_text_is_left_alone() {
        for s in ["SÃO PAULO", "pâte and âge", "Åland", "Ärger", "“CAFÉ”", "plain ascii", "Â"] {
            assert_eq!(repair(s), None, "{s}");
        }
    }
}
