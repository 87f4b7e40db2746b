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

/// The name of a language code in the interface language (`ar` → Arabisch).
pub fn language_name(code: &str, lang: Lang) -> String {
    let _ = lang;
    code.to_string()
}

/// The name of language `code` written in language `in_language` (a flyer
/// page's language): `ar` in `ar` is its own name.
pub fn language_name_in(code: &str, in_language: &str) -> String {
    let _ = in_language;
    code.to_string()
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
