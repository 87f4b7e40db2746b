//! Printed material for the neighbourhood (SPEC §6): the partner directory
//! (*Wegweiser*) and the consultation-hours flyer. Both are self-contained
//! A4 HTML pages like the reports — no scripts, nothing loaded from anywhere,
//! every text from the records escaped — and the directory also Markdown.

pub mod directory;
pub mod flyer;
mod flyer_texts;
pub mod weekday;

use crate::model::Lang;

/// The style both documents share: A4 with the default margins the reports use.
const BASE_STYLE: &str = "@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: \"Liberation Sans\", \"DejaVu Sans\", \"Noto Sans\", \"Noto Sans Arabic\", Arial, Helvetica, sans-serif; color: #111; margin: 0 auto; max-width: 180mm; line-height: 1.35; }
h1, h2, h3 { color: #1f4e79; break-after: avoid; page-break-after: avoid; }
a { color: inherit; text-decoration: none; }
@media print { body { max-width: none; } }
";

/// Text escaped for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Markdown text: backslash before the characters Markdown would read (`|`
/// too, so a table cell stays one cell), a line break as a space.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The name of a language code in the interface language (`ar` → Arabisch).
pub fn language_name(code: &str, lang: Lang) -> String {
    crate::names::language(code, lang)
}

/// The name of language `code` written in language `in_language` (a flyer
/// page's language): `ar` in `ar` is its own name.
/// From CLDR (ICU4X, as [`crate::names`]); falls back to the English name,
/// then to the code.
pub fn language_name_in(code: &str, in_language: &str) -> String {
    use icu_experimental::displaynames::DisplayNamesOptions;
    use icu_experimental::displaynames::multi::LanguageDisplayNames;
    use icu_locale_core::Locale;
    use icu_locale_core::subtags::Language;
    let name = || -> Option<String> {
        let locale: Locale = in_language.parse().ok()?;
        let language = Language::try_from_str(code).ok()?;
        let names =
            LanguageDisplayNames::try_new((&locale).into(), DisplayNamesOptions::default()).ok()?;
        names.of(language).map(str::to_string)
    };
    match name() {
        Some(n) => {
            // CLDR writes some names in lower case ("arabo"); a flyer line starts big.
            let mut chars = n.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => n,
            }
        }
        None => crate::names::language(code, Lang::En),
    }
}

/// A website as a link when it is a plain http(s) address, else as text.
pub fn website_html(site: &str) -> String {
    let s = site.trim();
    let href = if s.starts_with("https://") || s.starts_with("http://") {
        Some(s.to_string())
    } else if s.starts_with("www.") && !s.contains(char::is_whitespace) {
        Some(format!("https://{s}"))
    } else {
        None
    };
    let shown = s
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    match href {
        Some(h) if !h.contains(char::is_whitespace) => {
            format!("<a href=\"{}\">{}</a>", escape(&h), escape(shown))
        }
        _ => escape(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_names_in_the_page_language() {
        assert_eq!(language_name("ar", Lang::De), "Arabisch");
        assert_eq!(language_name_in("ar", "ar"), "العربية");
        assert_eq!(language_name_in("de", "tr"), "Almanca");
        assert_eq!(language_name_in("uk", "uk"), "Українська");
        assert_eq!(language_name_in("fa", "ru"), "Персидский");
    }

    #[test]
    fn escape_and_links() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            website_html("https://www.example.org/"),
            "<a href=\"https://www.example.org/\">www.example.org</a>"
        );
        assert_eq!(
            website_html("www.example.org"),
            "<a href=\"https://www.example.org\">www.example.org</a>"
        );
        assert_eq!(website_html("javascript:alert(1)"), "javascript:alert(1)");
    }
}
