//! E-mail addresses: `max.muster@example.org` and the spelled-out forms
//! people use to dodge filters — `max(at)example(dot)org`,
//! `max [at] example [dot] org`, `max at example dot org`.

use regex::Regex;
use std::sync::LazyLock;

/// `@` or a bracketed `at`, then a domain whose dots may be bracketed `dot`/`punkt`.
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    let at = r"(?:\s?@\s?|\s?[(\[{<]\s?(?i:at|ät|aet)\s?[)\]}>]\s?)";
    let dot = r"(?:\.|\s?[(\[{<]\s?(?i:dot|punkt|pkt)\s?[)\]}>]\s?)";
    Regex::new(&format!(
        r"[A-Za-z0-9._%+-]+{at}[A-Za-z0-9-]+(?:{dot}[A-Za-z0-9-]+)*{dot}[A-Za-z]{{2,}}"
    ))
    .expect("e-mail pattern")
});

/// Plain words: `max at example dot org` — only with both `at` and `dot`
/// (`punkt`), so "treffen uns at example.org" stays a sentence.
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b[a-z0-9._%+-]+\s+(?:at|ät)\s+[a-z0-9-]+(?:\s+(?:dot|punkt)\s+[a-z0-9-]+)*\s+(?:dot|punkt)\s+[a-z]{2,6}\b",
    )
    .expect("spelled-out e-mail pattern")
});

/// [`WORDS`] without its word boundaries: it matches wherever `WORDS` does,
/// and without `\b` it runs as a DFA. `WORDS`'s Unicode `\b` cannot, on a
/// text with umlauts, and backtracking through every note was a tenth of
/// `check`.
static WORDS_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[a-z0-9._%+-]+\s+(?:at|ät)\s+[a-z0-9-]+(?:\s+(?:dot|punkt)\s+[a-z0-9-]+)*\s+(?:dot|punkt)\s+[a-z]{2,6}",
    )
    .expect("spelled-out e-mail prefilter")
});

/// Whether `text` holds an e-mail address in any of these forms.
pub fn contains(text: &str) -> bool {
    BRACKETED.is_match(text) || (WORDS_LOOSE.is_match(text) && WORDS.is_match(text))
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn spelled_out_addresses() {
        assert!(contains("max(at)example(dot)org"));
        assert!(contains("max [at] example [dot] org"));
        assert!(contains("max{at}web{punkt}de"));
        assert!(contains("max at gmx dot de"));
        assert!(contains("Mail an m.muster @ web.de"));
        assert!(!contains("treffen uns at example.org"));
        assert!(!contains("Treffen @ Stadtteilladen"));
        assert!(!contains("Kurs at home, Punkt"));
    }

    #[test]
    fn the_prefilter_lets_every_spelled_out_address_through() {
        for text in [
            "Mail: max at gmx dot de",
            "Schreibt an Jürgen.M AT web PUNKT de, gern",
            "äöü max ät beispiel punkt org ß",
            "a at b dot c dot info",
        ] {
            assert!(super::WORDS.is_match(text), "{text}");
            assert!(super::WORDS_LOOSE.is_match(text), "{text}");
        }
        // the boundary is what tells these apart
        assert!(super::WORDS_LOOSE.is_match("xmax at gmx dot deutsch"));
        assert!(!contains("xmax at gmx dot deutsch"));
    }
}
