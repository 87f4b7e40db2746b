//! The consultation-hours flyer (SPEC §6): one A4 page per language with the
//! `[[hours]]` of `quartier.toml` and the office, right to left (`dir="rtl"`)
//! for Arabic and Farsi. Fixed texts come from [`super::flyer_texts`],
//! weekday names from locale data, the office's own texts as written.

use super::flyer_texts::{self, Texts};
use super::{BASE_STYLE, escape, weekday};
use crate::model::Config;
use crate::model::hours::{Hours, HoursKind};

pub use super::flyer_texts::codes as language_codes;

/// Whether the flyer has texts for `code`.
pub fn has_language(code: &str) -> bool {
    flyer_texts::of(code).is_some()
}

/// Whether a page in `code` is written right to left.
pub fn is_rtl(code: &str) -> bool {
    flyer_texts::of(code).is_some_and(|t| t.rtl)
}

const STYLE: &str = "body { font-size: 13pt; }
.page { break-after: page; page-break-after: always; min-height: 0; }
.page:last-child { break-after: auto; page-break-after: auto; }
.lang { float: right; font-size: 10pt; color: #555; border: 1px solid #c8d3e0; padding: 0.5mm 2mm; border-radius: 2mm; }
[dir=rtl] .lang { float: left; }
h1 { font-size: 30pt; margin: 4mm 0 2mm 0; }
.office { font-size: 13pt; font-weight: bold; margin: 0 0 1mm 0; }
.area { margin: 0 0 6mm 0; color: #444; }
.intro { font-size: 16pt; font-weight: bold; margin: 0 0 6mm 0; }
.hour { border: 2px solid #1f4e79; border-radius: 3mm; padding: 3mm 5mm; margin: 0 0 5mm 0; break-inside: avoid; page-break-inside: avoid; }
.hour p { margin: 1mm 0; }
.when { font-size: 20pt; font-weight: bold; color: #1f4e79; }
.kind { font-size: 14pt; font-weight: bold; }
.label { color: #444; }
.walk-in { font-size: 15pt; font-weight: bold; margin: 6mm 0 4mm 0; }
.help { font-size: 12.5pt; }
.page footer { margin-top: 10mm; border-top: 1px solid #c8d3e0; padding-top: 2mm; font-size: 10pt; color: #444; }
.page footer p { margin: 0.5mm 0; }
";

/// The hours in print order: Monday first, then by start time.
fn ordered(hours: &[Hours]) -> Vec<&Hours> {
    let mut out: Vec<&Hours> = hours.iter().collect();
    out.sort_by_key(|h| (h.day.num_days_from_monday(), h.from, h.to));
    out
}

fn kind_text(t: &Texts, kind: HoursKind) -> &'static str {
    match kind {
        HoursKind::Asylum => t.asylum,
        HoursKind::Organisation => t.organisation,
        HoursKind::Other => t.other,
    }
}

/// One flyer page in the language of `t`.
fn page(config: &Config, t: &Texts, language_name: &dyn Fn(&str, &str) -> String) -> String {
    let dir = if t.rtl { "rtl" } else { "ltr" };
    let mut out = format!(
        "<section class=\"page\" lang=\"{code}\" dir=\"{dir}\">\n<p class=\"lang\">{}</p>\n<h1>{}</h1>\n<p class=\"office\"><bdi>{}</bdi></p>\n",
        escape(&language_name(t.code, t.code)),
        escape(t.title),
        escape(&config.office.name),
        code = t.code,
    );
    if !config.area.name.trim().is_empty() {
        out.push_str(&format!(
            "<p class=\"area\"><bdi>{}</bdi></p>\n",
            escape(&config.area.name)
        ));
    }
    out.push_str(&format!("<p class=\"intro\">{}</p>\n", escape(t.intro)));
    for h in ordered(&config.hours) {
        let day = weekday::name(h.day, t.code).unwrap_or_default();
        out.push_str(&format!(
            "<div class=\"hour\">\n<p class=\"when\">{} <bdi dir=\"ltr\">{}</bdi></p>\n<p class=\"kind\">{}</p>\n",
            escape(&day),
            escape(&h.span_text()),
            escape(kind_text(t, h.kind))
        ));
        if let Some(place) = h.location.as_deref().filter(|l| !l.trim().is_empty()) {
            out.push_str(&format!(
                "<p><span class=\"label\">{}:</span> <bdi>{}</bdi></p>\n",
                escape(t.place),
                escape(place)
            ));
        }
        if !h.languages.is_empty() {
            let names: Vec<String> = h
                .languages
                .iter()
                .map(|l| language_name(l, t.code))
                .collect();
            out.push_str(&format!(
                "<p><span class=\"label\">{}:</span> {}</p>\n",
                escape(t.languages),
                escape(&names.join(", "))
            ));
        }
        out.push_str("</div>\n");
    }
    out.push_str(&format!(
        "<p class=\"walk-in\">{}</p>\n<p class=\"help\">{}</p>\n<footer>\n",
        escape(t.walk_in),
        escape(t.help)
    ));
    for (label, value) in [
        (t.operator, &config.office.operator),
        (t.funding, &config.office.programme),
    ] {
        if !value.trim().is_empty() {
            out.push_str(&format!(
                "<p><span class=\"label\">{}:</span> <bdi>{}</bdi></p>\n",
                escape(label),
                escape(value)
            ));
        }
    }
    out.push_str("</footer>\n</section>\n");
    out
}

/// The flyer: one page per language of `languages` (each must satisfy
/// [`has_language`]); `language_name(code, in_language)` names languages.
pub fn html(
    config: &Config,
    languages: &[String],
    language_name: &dyn Fn(&str, &str) -> String,
) -> String {
    let first = languages.first().map_or("de", String::as_str);
    let title = format!(
        "{} – {}",
        flyer_texts::of(first).map_or("Sprechstunden", |t| t.title),
        config.office.name
    );
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{first}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{BASE_STYLE}{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    for code in languages {
        if let Some(t) = flyer_texts::of(code) {
            out.push_str(&page(config, t, language_name));
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        crate::model::read::read_config(
            "[office]\nname = \"Stadtteilbüro <West>\"\noperator = \"Träger gGmbH\"\nprogramme = \"ESF Plus\"\n[area]\nname = \"Westen\"\n[[hours]]\nday = \"tuesday\"\nfrom = 10:00:00\nto = 16:00:00\nkind = \"organisation\"\n[[hours]]\nday = \"friday\"\nfrom = 10:00:00\nto = 16:00:00\nkind = \"asylum\"\nlocation = \"Laden, Merseburger Straße 1\"\nlanguages = [\"de\", \"ar\"]\n",
        )
        .0
        .unwrap()
    }

    fn codes(code: &str, _in: &str) -> String {
        code.to_string()
    }

    #[test]
    fn one_page_per_language_rtl_for_arabic_and_farsi() {
        let langs: Vec<String> = ["de", "ar", "fa", "uk"].map(String::from).to_vec();
        let html = html(&config(), &langs, &codes);
        assert_eq!(html.matches("<section class=\"page\"").count(), 4);
        assert!(html.contains("lang=\"ar\" dir=\"rtl\""));
        assert!(html.contains("lang=\"fa\" dir=\"rtl\""));
        assert!(html.contains("lang=\"uk\" dir=\"ltr\""));
        assert!(html.contains("lang=\"de\" dir=\"ltr\""));
        // Office texts as written (escaped), on every page.
        assert_eq!(html.matches("Stadtteilbüro &lt;West&gt;").count(), 5);
        assert_eq!(html.matches("Laden, Merseburger Straße 1").count(), 4);
        // Tuesday before Friday, in each page's language.
        let de = &html[html.find("lang=\"de\"").unwrap()..html.find("lang=\"ar\"").unwrap()];
        assert!(de.find("Dienstag").unwrap() < de.find("Freitag").unwrap());
        let ar = &html[html.find("lang=\"ar\"").unwrap()..html.find("lang=\"fa\"").unwrap()];
        assert!(ar.contains("الجمعة") && ar.contains("الثلاثاء"));
        assert!(!html.contains("<script") && !html.contains("src="));
    }
}
