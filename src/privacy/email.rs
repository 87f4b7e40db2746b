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

/// Whether `text` holds an e-mail address in any of these forms.
pub fn contains(text: &str) -> bool {
    BRACKETED.is_match(text) || WORDS.is_match(text)
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
}
