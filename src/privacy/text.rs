//! Small helpers the detectors share: the words just before or after a
//! match, and whether a clause ends in between.

use regex::Regex;

/// Up to `n` characters of `text` before byte `end`.
pub fn before(text: &str, end: usize, n: usize) -> &str {
    let head = &text[..end];
    let start = head.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &head[start..]
}

/// Up to `n` characters of `text` from byte `start` on.
pub fn after(text: &str, start: usize, n: usize) -> &str {
    let tail = &text[start..];
    let end = tail.char_indices().nth(n).map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// Whether `between` ends a sentence: a full stop followed by a space,
/// `;`, `!`, `?` or a line break.
pub fn ends_sentence(between: &str) -> bool {
    between.contains(['\n', ';', '!', '?']) || between.contains(". ")
}

/// The end of the last match of `pattern` in `window` (the text before a
/// candidate) when no sentence ends between it and the candidate.
pub fn cue_before(pattern: &Regex, window: &str) -> Option<usize> {
    pattern
        .find_iter(window)
        .last()
        .filter(|m| !ends_sentence(&window[m.end()..]))
        .map(|m| m.end())
}

/// Whether `pattern` matches in `window` (the text after a candidate) with
/// no sentence end between the start of the window and its first match.
pub fn cue_after(pattern: &Regex, window: &str) -> bool {
    pattern
        .find(window)
        .is_some_and(|m| !ends_sentence(&window[..m.start()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_count_characters_not_bytes() {
        assert_eq!(before("Müller 123", 8, 3), "er ");
        assert_eq!(after("123 Straße", 4, 4), "Stra");
        assert_eq!(before("ab", 2, 10), "ab");
    }

    #[test]
    fn cues_stop_at_a_sentence_end() {
        let geb = Regex::new(r"geb\.|geboren").unwrap();
        assert_eq!(cue_before(&geb, "Mutter geb. "), Some(11));
        assert_eq!(cue_before(&geb, "geb. 1965. Einreise "), None);
        assert!(cue_after(&geb, ", geboren"));
        assert!(!cue_after(&geb, ". Später geboren"));
    }
}
