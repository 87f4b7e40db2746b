//! The partner directory as a printable guide (*Wegweiser*, SPEC §6):
//! partners grouped by the topics they offer, each with its kind, languages
//! (as names), address, phone and website — an organisation's public contact
//! data only. Notes and e-mail addresses stay in the records.

use super::{BASE_STYLE, escape, language_name, md_escape, website_html};
use crate::model::{Config, Lang, Partner};
use chrono::NaiveDate;

/// The guide as it will be printed.
#[derive(Debug)]
pub struct Guide<'a> {
    pub area: String,
    pub office: String,
    pub printed: NaiveDate,
    /// What the guide was narrowed to, as labels ("Wohnen", "Arabisch").
    pub filters: Vec<(&'static str, String)>,
    pub sections: Vec<Section<'a>>,
    /// Partners that offer no topic (only in an unfiltered guide).
    pub others: Vec<&'a Partner>,
}

/// One topic and the partners that help with it, by name.
#[derive(Debug)]
pub struct Section<'a> {
    pub topic: String,
    pub label: String,
    pub partners: Vec<&'a Partner>,
}

impl Guide<'_> {
    /// How many entries the guide prints (a partner once per topic).
    pub fn entries(&self) -> usize {
        self.sections
            .iter()
            .map(|s| s.partners.len())
            .sum::<usize>()
            + self.others.len()
    }
}

/// Builds the guide from `partners`, narrowed to `topic` and `language`.
pub fn build<'a>(
    partners: &'a [&'a Partner],
    config: &Config,
    lang: Lang,
    topic: Option<&str>,
    language: Option<&str>,
    printed: NaiveDate,
) -> Guide<'a> {
    let mut sorted: Vec<&Partner> = partners
        .iter()
        .copied()
        .filter(|p| language.is_none_or(|l| p.languages.iter().any(|pl| pl == l)))
        .collect();
    sorted.sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
    let mut sections = Vec::new();
    for code in config.topic_codes() {
        if topic.is_some_and(|t| t != code) {
            continue;
        }
        let offering: Vec<&Partner> = sorted
            .iter()
            .copied()
            .filter(|p| p.offers.contains(&code))
            .collect();
        if !offering.is_empty() {
            sections.push(Section {
                label: config.topic_label(&code, lang),
                topic: code,
                partners: offering,
            });
        }
    }
    let others = if topic.is_none() {
        sorted
            .iter()
            .copied()
            .filter(|p| p.offers.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    let mut filters = Vec::new();
    if let Some(t) = topic {
        filters.push((
            crate::i18n::t_in(lang, "ui.print.directory.topic"),
            config.topic_label(t, lang),
        ));
    }
    if let Some(l) = language {
        filters.push((
            crate::i18n::t_in(lang, "ui.print.directory.language"),
            language_name(l, lang),
        ));
    }
    Guide {
        area: config.area.name.clone(),
        office: config.office.name.clone(),
        printed,
        filters,
        sections,
        others,
    }
}

fn title(guide: &Guide, lang: Lang) -> String {
    if guide.area.trim().is_empty() {
        crate::i18n::t_in(lang, "ui.print.directory.neighbourhood-guide").to_string()
    } else {
        format!(
            "{} {}",
            crate::i18n::t_in(lang, "ui.print.directory.neighbourhood-guide-2"),
            guide.area
        )
    }
}

fn subtitle(lang: Lang) -> &'static str {
    crate::i18n::t_in(lang, "ui.print.directory.who-helps-with-what-in")
}

fn printed_text(guide: &Guide, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Stand: {}", guide.printed.format("%d.%m.%Y")),
        Lang::En => format!("As of {}", guide.printed.format("%d %B %Y")),
    }
}

fn others_label(lang: Lang) -> &'static str {
    crate::i18n::t_in(lang, "ui.print.directory.other-organisations")
}

fn empty_text(lang: Lang) -> &'static str {
    crate::i18n::t_in(lang, "ui.print.directory.no-partner-matches-this-selection")
}

/// The languages of a partner as names, German first when listed.
fn languages(p: &Partner, lang: Lang) -> String {
    p.languages
        .iter()
        .map(|l| language_name(l, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

const STYLE: &str = "body { font-size: 10pt; }
header { border-bottom: 2px solid #1f4e79; padding-bottom: 3mm; margin-bottom: 4mm; }
h1 { font-size: 20pt; margin: 0 0 1mm 0; }
header p { margin: 0.5mm 0; }
.sub { font-size: 12pt; font-weight: bold; }
.meta { color: #444; font-size: 9pt; }
h2 { font-size: 13pt; margin: 5mm 0 2mm 0; border-bottom: 1px solid #c8d3e0; padding-bottom: 1mm; }
.entries { columns: 2; column-gap: 6mm; }
.entry { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm 0; padding: 0 0 0 2mm; border-left: 2px solid #c8d3e0; }
.entry .name { font-weight: bold; }
.entry .kind { color: #444; font-size: 9pt; }
.entry p { margin: 0.3mm 0; }
.label { color: #444; }
p.none { color: #555; }
footer { margin-top: 6mm; border-top: 1px solid #c8d3e0; padding-top: 2mm; font-size: 8.5pt; color: #444; }
";

fn entry_html(p: &Partner, lang: Lang) -> String {
    let mut out = format!(
        "<div class=\"entry\">\n<p class=\"name\">{}</p>\n<p class=\"kind\">{}</p>\n",
        escape(&p.name),
        escape(p.kind.label(lang))
    );
    if !p.languages.is_empty() {
        out.push_str(&format!(
            "<p><span class=\"label\">{}:</span> {}</p>\n",
            crate::i18n::t_in(lang, "ui.print.directory.languages"),
            escape(&languages(p, lang))
        ));
    }
    if let Some(a) = p.address.as_deref().filter(|a| !a.trim().is_empty()) {
        out.push_str(&format!("<p>{}</p>\n", escape(a)));
    }
    if let Some(phone) = p.phone.as_deref().filter(|a| !a.trim().is_empty()) {
        out.push_str(&format!(
            "<p><span class=\"label\">{}</span> {}</p>\n",
            crate::i18n::t_in(lang, "ui.print.directory.phone"),
            escape(phone)
        ));
    }
    if let Some(site) = p.website.as_deref().filter(|a| !a.trim().is_empty()) {
        out.push_str(&format!("<p>{}</p>\n", website_html(site)));
    }
    out.push_str("</div>\n");
    out
}

/// The guide as one self-contained A4 HTML document.
pub fn html(guide: &Guide, lang: Lang) -> String {
    let title = title(guide, lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{BASE_STYLE}{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n<p class=\"meta\">{} · {}</p>\n",
        lang.code(),
        escape(&title),
        escape(&title),
        escape(subtitle(lang)),
        escape(&guide.office),
        escape(&printed_text(guide, lang)),
    );
    if !guide.filters.is_empty() {
        let f: Vec<String> = guide
            .filters
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        out.push_str(&format!(
            "<p class=\"meta\">{}</p>\n",
            escape(&f.join(" · "))
        ));
    }
    out.push_str("</header>\n");
    if guide.entries() == 0 {
        out.push_str(&format!("<p class=\"none\">{}</p>\n", empty_text(lang)));
    }
    let mut section = |label: &str, id: &str, partners: &[&Partner]| {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n<div class=\"entries\">\n",
            escape(id),
            escape(label)
        ));
        for p in partners {
            out.push_str(&entry_html(p, lang));
        }
        out.push_str("</div>\n</section>\n");
    };
    for s in &guide.sections {
        section(&s.label, &format!("topic-{}", s.topic), &s.partners);
    }
    if !guide.others.is_empty() {
        section(others_label(lang), "others", &guide.others);
    }
    out.push_str(&format!(
        "<footer>{}</footer>\n</body>\n</html>\n",
        escape(&format!(
            "{} · {}",
            guide.office,
            crate::i18n::t_in(lang, "ui.print.directory.details-as-given-by-the")
        ))
    ));
    out
}

/// The guide as a Markdown document (for an e-mail or the website).
pub fn md(guide: &Guide, lang: Lang) -> String {
    let mut out = format!(
        "# {}\n\n**{}**\n\n{} · {}\n",
        md_escape(&title(guide, lang)),
        md_escape(subtitle(lang)),
        md_escape(&guide.office),
        md_escape(&printed_text(guide, lang))
    );
    for (k, v) in &guide.filters {
        out.push_str(&format!("\n{k}: {}\n", md_escape(v)));
    }
    if guide.entries() == 0 {
        out.push_str(&format!("\n{}\n", empty_text(lang)));
    }
    let mut section = |label: &str, partners: &[&Partner]| {
        out.push_str(&format!("\n## {}\n\n", md_escape(label)));
        for p in partners {
            let mut parts = vec![p.kind.label(lang).to_string()];
            if !p.languages.is_empty() {
                parts.push(format!(
                    "{}: {}",
                    crate::i18n::t_in(lang, "ui.print.directory.languages"),
                    languages(p, lang)
                ));
            }
            parts.extend(p.address.clone().filter(|a| !a.trim().is_empty()));
            if let Some(phone) = p.phone.as_deref().filter(|a| !a.trim().is_empty()) {
                parts.push(format!(
                    "{} {phone}",
                    crate::i18n::t_in(lang, "ui.print.directory.phone")
                ));
            }
            parts.extend(p.website.clone().filter(|a| !a.trim().is_empty()));
            let parts: Vec<String> = parts.iter().map(|s| md_escape(s)).collect();
            out.push_str(&format!(
                "- **{}** — {}\n",
                md_escape(&p.name),
                parts.join("; ")
            ));
        }
    };
    for s in &guide.sections {
        section(&s.label, &s.partners);
    }
    if !guide.others.is_empty() {
        section(others_label(lang), &guide.others);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartnerKind;

    fn partner(id: &str, name: &str, offers: &[&str], languages: &[&str]) -> Partner {
        Partner {
            offers: offers.iter().map(|s| s.to_string()).collect(),
            languages: languages.iter().map(|s| s.to_string()).collect(),
            address: Some("Merseburger Str. 1".into()),
            phone: Some("0341 000000".into()),
            email: Some("info@example.org".into()),
            website: Some("https://example.org".into()),
            notes: Some("intern: nur dienstags".into()),
            ..Partner::new(id.into(), name.into(), PartnerKind::Counselling)
        }
    }

    fn config() -> Config {
        crate::model::read::read_config("[office]\nname = \"Büro\"\n[area]\nname = \"Westen\"\n")
            .0
            .unwrap()
    }

    #[test]
    fn grouped_by_topic_in_topic_order_partners_by_name() {
        let a = partner("a", "Zentrum", &["housing", "residence"], &["de", "ar"]);
        let b = partner("b", "Amt", &["housing"], &["de"]);
        let c = partner("c", "Treff", &[], &[]);
        let all = [&a, &b, &c];
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let g = build(&all, &config(), Lang::De, None, None, day);
        let topics: Vec<&str> = g.sections.iter().map(|s| s.topic.as_str()).collect();
        assert_eq!(topics, ["residence", "housing"]);
        let housing: Vec<&str> = g.sections[1]
            .partners
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(housing, ["b", "a"]);
        assert_eq!(g.others.len(), 1);
        assert_eq!(g.entries(), 4);

        let g = build(&all, &config(), Lang::De, Some("housing"), Some("ar"), day);
        assert_eq!(g.entries(), 1);
        assert!(g.others.is_empty());
        let html = html(&g, Lang::De);
        assert!(html.contains("Zentrum") && !html.contains("Amt"));
        assert!(html.contains("Stand: 01.12.2026"));
    }

    #[test]
    fn only_public_contact_data_is_printed() {
        let a = partner("a", "Zentrum <b>", &["housing"], &["de"]);
        let all = [&a];
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let g = build(&all, &config(), Lang::En, None, None, day);
        for text in [html(&g, Lang::En), md(&g, Lang::En)] {
            assert!(!text.contains("info@example.org"), "{text}");
            assert!(!text.contains("intern"), "{text}");
            assert!(
                text.contains("0341 000000") && text.contains("Merseburger"),
                "{text}"
            );
        }
        let h = html(&g, Lang::En);
        assert!(h.contains("Zentrum &lt;b&gt;") && !h.contains("<b>"));
        assert!(!h.contains("<script") && !h.contains("src="));
    }
}
