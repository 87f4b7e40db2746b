//! The report in six formats. No renderer computes a figure: each section's
//! counts and breakdowns, with their shares, come from the report
//! ([`Report::sections`](crate::report::Report::sections)); `table`, `md`
//! and `html` lay them out as the same [`Layout`] of labelled tables, `csv`,
//! `xlsx` and `json` write them under their JSON names ([`figures`]).

pub mod charts;
pub mod csv;
pub mod figures;
pub mod html;
pub mod json;
pub mod md;
pub mod series;
pub mod table;
pub mod xlsx;

use super::Report;
use super::figures::{Figure, Shares};
use super::labels::{self, word};
use crate::model::{Code, Config, Employment, EventKind, Field, Gender, Lang, Residence};
use chrono::Datelike;

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for the terminal
    Table,
    /// Markdown, for the archive or an e-mail
    Md,
    /// section;key;value, for spreadsheets (UTF-8 with BOM)
    Csv,
    /// The figures as one JSON object
    Json,
    /// One print-ready page (A4) with charts
    Html,
    /// An Excel workbook (figures, a sheet per breakdown)
    Xlsx,
}

/// Where rendered text goes; tables fit 80 columns unless a terminal says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub terminal: bool,
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{}", crate::tr!("report.cannot-make-workbook", error = .0))]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The report in `format`: text, or the bytes of a workbook.
pub fn render(
    report: &Report,
    format: Format,
    config: &Config,
    lang: Lang,
    target: Target,
) -> Result<Vec<u8>, RenderError> {
    render_with_series(report, format, config, lang, target, None)
}

/// The year month by month in a workbook (SPEC §3.3: "the series as a
/// table"): the whole year in a yearly report, January to the report's
/// month beside the year before in a monthly or quarterly one.
#[derive(Debug, Clone, Copy)]
pub enum Months<'a> {
    Year(&'a crate::report::series::Series),
    ToDate(&'a crate::report::series::Beside),
}

/// Like [`render`]; the xlsx workbook also holds `months`.
pub fn render_with_series(
    report: &Report,
    format: Format,
    config: &Config,
    lang: Lang,
    target: Target,
    months: Option<Months>,
) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Format::Json => json::render(report).into_bytes(),
        Format::Csv => csv::render(report, config, lang).into_bytes(),
        Format::Table => table::render(&Layout::of(report, config, lang), target).into_bytes(),
        Format::Md => md::render(&Layout::of(report, config, lang)).into_bytes(),
        Format::Html => html::render(report, &Layout::of(report, config, lang), lang).into_bytes(),
        Format::Xlsx => xlsx::render(
            report,
            &Layout::of(report, config, lang),
            config,
            lang,
            months,
        )?,
    })
}

/// The report as headed sections of labelled tables, shared by the
/// human-readable formats.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub lang: Lang,
    pub title: String,
    /// Office name first, then (label, value) lines: operator, programme, area, period.
    pub office: String,
    pub header: Vec<(String, String)>,
    /// The key figures for the top of page 1: (label, value).
    pub summary: Vec<(String, String)>,
    pub sections: Vec<Section>,
    pub footer: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The JSON key of the section.
    pub key: &'static str,
    pub title: String,
    pub tables: Vec<Table>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The JSON path of what the table shows (`clients.by_gender`), for charts.
    pub path: String,
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns holding numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// For a breakdown: the code of each row (else empty).
    pub codes: Vec<String>,
}

impl Layout {
    pub fn of(report: &Report, config: &Config, lang: Lang) -> Layout {
        let b = Builder {
            report,
            config,
            lang,
        };
        let mut sections: Vec<Section> = report
            .sections()
            .iter()
            .map(|(key, figures)| b.section_of(key, figures))
            .collect();
        sections.push(b.section(
            "quality",
            vec![b.figures("quality", &report.quality.counts())],
        ));
        if let Some(ytd) = &report.year_to_date {
            sections.push(Section {
                key: "year_to_date",
                title: format!(
                    "{} ({} – {})",
                    labels::section("year_to_date", lang),
                    labels::date(
                        report.period.to.with_ordinal(1).unwrap_or(report.period.to),
                        lang
                    ),
                    labels::date(report.period.to, lang)
                ),
                tables: vec![b.figures("year_to_date", &ytd.counts())],
            });
        }
        if let Some(targets) = &report.targets {
            sections.push(Section {
                key: "targets",
                title: format!(
                    "{} {}",
                    labels::section("targets", lang),
                    report.period.to.year()
                ),
                tables: vec![Table {
                    path: "targets".into(),
                    caption: None,
                    header: vec![
                        word("figure", lang).into(),
                        word("target", lang).into(),
                        word("actual", lang).into(),
                        word("percent", lang).into(),
                    ],
                    rows: targets
                        .0
                        .iter()
                        .map(|t| {
                            vec![
                                labels::figure("targets", t.key, lang).to_string(),
                                t.target.to_string(),
                                t.actual.to_string(),
                                labels::percent(t.percent_tenths, lang),
                            ]
                        })
                        .collect(),
                    numeric: vec![false, true, true, true],
                    codes: Vec::new(),
                }],
            });
        }
        let period = format!(
            "{} – {}",
            labels::date(report.period.from, lang),
            labels::date(report.period.to, lang)
        );
        let mut header = Vec::new();
        for (key, value) in [
            ("operator", &report.office.operator),
            ("programme", &report.office.programme),
            ("area", &report.office.area),
        ] {
            if !value.is_empty() {
                header.push((word(key, lang).to_string(), value.clone()));
            }
        }
        header.push((word("period", lang).to_string(), period));
        if let Some(amended) = &report.amended {
            sections.push(b.amended(amended));
        }
        let footer = footer(&report.source, lang);
        Layout {
            lang,
            title: labels::title(report, lang),
            office: report.office.name.clone(),
            header,
            summary: b.summary(),
            sections,
            footer,
        }
    }

    /// The table showing `path`, if any.
    pub fn table(&self, path: &str) -> Option<&Table> {
        self.sections
            .iter()
            .flat_map(|s| &s.tables)
            .find(|t| t.path == path)
    }
}

/// Where the numbers came from, never claiming a clean folder it could not see.
pub fn footer(source: &super::Source, lang: Lang) -> Vec<String> {
    vec![
        match &source.commit {
            Some(commit) => format!("{}: {commit}", word("commit", lang)),
            None => word("no_commit", lang).to_string(),
        },
        word(
            match source.dirty {
                Some(true) => "dirty",
                Some(false) => "clean",
                None => "dirty_unknown",
            },
            lang,
        )
        .to_string(),
    ]
}

fn position_of<C: Code>(code: &str) -> Option<usize> {
    C::ALL.iter().position(|c| c.code() == code)
}

struct Builder<'a> {
    report: &'a Report,
    config: &'a Config,
    lang: Lang,
}

impl Builder<'_> {
    fn figures(&self, section: &str, figures: &[(&str, u64)]) -> Table {
        let rows = figures
            .iter()
            .map(|(k, v)| {
                vec![
                    labels::figure(section, k, self.lang).to_string(),
                    v.to_string(),
                ]
            })
            .collect();
        self.figures_table(section, rows)
    }

    fn figures_table(&self, path: &str, rows: Vec<Vec<String>>) -> Table {
        Table {
            path: path.to_string(),
            caption: None,
            header: vec![
                word("figure", self.lang).into(),
                word("value", self.lang).into(),
            ],
            rows,
            numeric: vec![false, true],
            codes: Vec::new(),
        }
    }

    /// A breakdown in the order people expect: enum codes and topics as the
    /// tables list them, age bands by age, districts as in `[area]`, the rest
    /// by label; `unknown` last.
    fn breakdown(&self, shares: &Shares) -> Table {
        let (section, key, map) = (shares.section, shares.key, &*shares.counts);
        let path = shares.path();
        let label =
            |code: &str| labels::key(&path, code, self.lang, self.config, &self.report.names);
        let position = |code: &str| -> Option<usize> {
            match path.as_str() {
                "consultations.by_topic"
                | "referrals.by_topic"
                | "contacts.by_topic"
                | "organisations.by_topic" => {
                    self.config.topic_codes().iter().position(|c| c == code)
                }
                "clients.by_gender" => position_of::<Gender>(code),
                "clients.by_age_group" => super::age::position(code),
                "clients.by_residence" => position_of::<Residence>(code),
                "clients.by_employment" => position_of::<Employment>(code),
                "clients.by_district" => self
                    .config
                    .area
                    .districts
                    .iter()
                    .position(|d| d == code)
                    .or((code == "outside").then_some(usize::MAX - 1)),
                "events.by_kind" => position_of::<EventKind>(code),
                "contacts.by_kind" => position_of::<crate::model::ContactKind>(code),
                "organisations.by_partner_kind" => position_of::<crate::model::PartnerKind>(code),
                "sponsors.by_field" => position_of::<Field>(code),
                "sponsors.continuation" => position_of::<crate::model::Continuation>(code),
                "sponsors.deadlines" => ["due", "met", "overdue"].iter().position(|c| *c == code),
                _ => None,
            }
        };
        let rank = |code: &str| -> (bool, usize, String) {
            let unknown = code == super::UNKNOWN;
            match position(code) {
                Some(i) => (unknown, i, String::new()),
                None => (unknown, usize::MAX, label(code).to_lowercase()),
            }
        };
        let mut codes: Vec<&String> = map.keys().collect();
        codes.sort_by_cached_key(|c| rank(c));
        let row_codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        let rows = codes
            .into_iter()
            .map(|code| {
                let mut row = vec![label(code), map[code].to_string()];
                if shares.has_shares() {
                    row.push(labels::percent(shares.share(code), self.lang));
                }
                row
            })
            .collect();
        // Without a base there is no share column.
        let mut header = vec![
            labels::figure(section, key, self.lang).to_string(),
            word("count", self.lang).into(),
        ];
        let mut numeric = vec![false, true];
        if shares.has_shares() {
            header.push(word("share", self.lang).into());
            numeric.push(true);
        }
        Table {
            path,
            caption: None,
            header,
            rows,
            numeric,
            codes: row_codes,
        }
    }

    /// The key figures for the top of page 1.
    fn summary(&self) -> Vec<(String, String)> {
        let r = self.report;
        let lang = self.lang;
        [
            ("consultations", "held", r.consultations.held),
            ("clients", "unique", r.clients.unique),
            ("clients", "new", r.clients.new),
            ("referrals", "made", r.referrals.made),
            ("events", "held", r.events.held),
            ("events.participants", "total", r.events.participants.total),
            ("sponsors", "meetings", r.sponsors.meetings),
        ]
        .into_iter()
        .map(|(s, k, v)| (labels::figure(s, k, lang).to_string(), v.to_string()))
        .collect()
    }

    fn amended(&self, amended: &[super::Amendment]) -> Section {
        let lang = self.lang;
        self.section(
            "amended",
            vec![Table {
                path: "amended".into(),
                caption: None,
                header: vec![
                    word("report", lang).into(),
                    word("at", lang).into(),
                    word("reason", lang).into(),
                ],
                rows: amended
                    .iter()
                    .map(|a| {
                        vec![
                            a.report.clone(),
                            a.at.clone(),
                            a.reason.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
                numeric: vec![false, false, false],
                codes: Vec::new(),
            }],
        )
    }

    fn section(&self, key: &'static str, tables: Vec<Table>) -> Section {
        Section {
            key,
            title: labels::section(key, self.lang).to_string(),
            tables,
        }
    }

    /// A section's counts as one table, then a table per breakdown;
    /// events add their participants and list, sponsors the stale ones.
    fn section_of(&self, key: &'static str, figures: &[Figure]) -> Section {
        let mut tables = vec![self.figures(key, &crate::report::figures::counts(figures))];
        tables.extend(figures.iter().filter_map(|f| match f {
            Figure::Breakdown(shares) => Some(self.breakdown(shares)),
            Figure::Count(..) => None,
        }));
        match key {
            "events" => {
                let sums = self.report.events.participants.figures();
                let participants = self.figures(
                    "events.participants",
                    &crate::report::figures::counts(&sums),
                );
                tables[0].rows.extend(participants.rows);
                tables.push(self.events_list());
            }
            "sponsors" => {
                let at = tables
                    .iter()
                    .position(|t| t.path == "sponsors.by_field")
                    .map_or(tables.len(), |i| i + 1);
                tables.insert(at, self.stale());
            }
            _ => {}
        }
        self.section(key, tables)
    }

    fn events_list(&self) -> Table {
        let e = &self.report.events;
        let lang = self.lang;
        Table {
            path: "events.list".into(),
            caption: Some(labels::figure("events", "list", lang).to_string()),
            header: vec![
                word("date", lang).into(),
                word("title", lang).into(),
                word("kind", lang).into(),
                word("participants", lang).into(),
            ],
            rows: e
                .list
                .iter()
                .map(|l| {
                    vec![
                        labels::date(l.date, lang),
                        l.title.clone(),
                        labels::key(
                            "events.by_kind",
                            &l.kind,
                            lang,
                            self.config,
                            &self.report.names,
                        ),
                        l.participants.to_string(),
                    ]
                })
                .collect(),
            numeric: vec![false, false, false, true],
            codes: Vec::new(),
        }
    }

    fn stale(&self) -> Table {
        let s = &self.report.sponsors;
        let lang = self.lang;
        Table {
            path: "sponsors.stale".into(),
            caption: None,
            header: vec![labels::stale_heading(self.report.stale_after_days, lang)],
            rows: s
                .stale
                .iter()
                .map(|slug| {
                    vec![labels::key(
                        "sponsors.stale",
                        slug,
                        lang,
                        self.config,
                        &self.report.names,
                    )]
                })
                .collect(),
            numeric: vec![false],
            codes: Vec::new(),
        }
    }
}
