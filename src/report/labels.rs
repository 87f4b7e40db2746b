//! The words of the reports in German and English: titles, section and
//! figure names, and the labels of breakdown codes (from the same tables the
//! commands use).

use super::{Names, Report, ReportKind, UNKNOWN};
use crate::model::{
    Channel, Code, Config, ContactKind, Employment, EventKind, Field, Gender, Lang, PartnerKind,
    Residence,
};
use chrono::{Datelike, NaiveDate};

/// The heading of the report: "Monatsbericht Oktober 2026".
pub fn title(report: &Report, lang: Lang) -> String {
    let (from, to) = (report.period.from, report.period.to);
    match report.kind {
        ReportKind::Monthly => format!(
            "{} {} {}",
            crate::i18n::t_in(lang, "report.monthly-report"),
            month_name(to.month(), lang),
            to.year()
        ),
        ReportKind::Quarterly => format!(
            "{} Q{} {}",
            crate::i18n::t_in(lang, "report.quarterly-report"),
            (to.month() - 1) / 3 + 1,
            to.year()
        ),
        ReportKind::Yearly => format!(
            "{} {}",
            crate::i18n::t_in(lang, "report.annual-report"),
            to.year()
        ),
        ReportKind::Period => format!(
            "{} {} – {}",
            crate::i18n::t_in(lang, "report.activity-report"),
            date(from, lang),
            date(to, lang)
        ),
    }
}

pub fn month_name(month: u32, lang: Lang) -> &'static str {
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    lang.pick(DE[i], EN[i])
}

/// A date as people in the office read it: 31.10.2026, or 2026-10-31 in English.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::De => d.format("%d.%m.%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// A percentage given in tenths: "66,7 %" / "66.7 %"; "–" when there is none.
pub fn percent(tenths: Option<u64>, lang: Lang) -> String {
    match tenths {
        Some(t) => format!(
            "{}{}{} %",
            t / 10,
            crate::i18n::t_in(lang, "report.text"),
            t % 10
        ),
        None => "–".to_string(),
    }
}

/// Words that stand on their own in every format.
pub fn word(key: &str, lang: Lang) -> &'static str {
    match key {
        "operator" => crate::i18n::t_in(lang, "report.operator"),
        "programme" => crate::i18n::t_in(lang, "report.programme"),
        "area" => crate::i18n::t_in(lang, "report.area"),
        "period" => crate::i18n::t_in(lang, "report.period"),
        "figure" => crate::i18n::t_in(lang, "report.figure"),
        "value" => crate::i18n::t_in(lang, "report.value"),
        "count" => crate::i18n::t_in(lang, "report.count"),
        "none" => crate::i18n::t_in(lang, "report.none"),
        "date" => crate::i18n::t_in(lang, "report.date"),
        "title" => crate::i18n::t_in(lang, "report.title"),
        "kind" => crate::i18n::t_in(lang, "report.kind"),
        "participants" => crate::i18n::t_in(lang, "report.participants"),
        "target" => crate::i18n::t_in(lang, "report.target"),
        "actual" => crate::i18n::t_in(lang, "report.actual"),
        "percent" => crate::i18n::t_in(lang, "report.achieved"),
        "commit" => crate::i18n::t_in(lang, "report.records-state-commit"),
        "no_commit" => crate::i18n::t_in(lang, "report.records-state-no-git-commit"),
        "dirty" => crate::i18n::t_in(lang, "report.note-the-records-folder-had"),
        "clean" => crate::i18n::t_in(lang, "report.no-uncommitted-changes"),
        "dirty_unknown" => crate::i18n::t_in(lang, "report.whether-there-were-uncommitted-changes"),
        "share" => "%",
        "from" => crate::i18n::t_in(lang, "report.from"),
        "to" => crate::i18n::t_in(lang, "report.to"),
        "office" => crate::i18n::t_in(lang, "report.office"),
        "uncommitted" => crate::i18n::t_in(lang, "report.uncommitted-changes"),
        "by_month" => crate::i18n::t_in(lang, "report.by-month"),
        "legend" => crate::i18n::t_in(lang, "report.abbreviations"),
        "by_quarter" => crate::i18n::t_in(lang, "report.by-quarter"),
        "total" => crate::i18n::t_in(lang, "report.total"),
        "previous_year" => crate::i18n::t_in(lang, "report.previous-year"),
        "key_figures" => crate::i18n::t_in(lang, "report.key-figures-at-a-glance"),
        "amended" => crate::i18n::t_in(lang, "report.amended-reports"),
        "report" => crate::i18n::t_in(lang, "report.report"),
        "at" => crate::i18n::t_in(lang, "report.amended-on"),
        "reason" => crate::i18n::t_in(lang, "report.reason"),
        "label" => crate::i18n::t_in(lang, "report.label"),
        "section" => crate::i18n::t_in(lang, "report.section"),
        "key" => crate::i18n::t_in(lang, "report.key"),
        "month" => crate::i18n::t_in(lang, "report.month"),
        "quarter" => crate::i18n::t_in(lang, "report.quarter"),
        _ => "",
    }
}

/// The heading of a section (a top-level key of the JSON).
pub fn section(section: &str, lang: Lang) -> &'static str {
    match section {
        "consultations" => crate::i18n::t_in(lang, "report.consultations-asylum-interface"),
        "clients" => crate::i18n::t_in(lang, "report.clients"),
        "referrals" => crate::i18n::t_in(lang, "report.referrals"),
        "events" => crate::i18n::t_in(lang, "report.events"),
        "sponsors" => crate::i18n::t_in(lang, "report.accompanying-project-sponsors"),
        "contacts" => crate::i18n::t_in(lang, "report.short-contacts-without-a-client"),
        "organisations" => crate::i18n::t_in(
            lang,
            "report.consultations-of-organisations-intercultural-opening",
        ),
        "year_to_date" => crate::i18n::t_in(lang, "report.year-to-date"),
        "targets" => crate::i18n::t_in(lang, "report.targets-of-the-year"),
        "source" => crate::i18n::t_in(lang, "report.source"),
        "quality" => crate::i18n::t_in(lang, "report.data-quality"),
        "amended" => crate::i18n::t_in(lang, "report.amended-reports"),
        "series" => crate::i18n::t_in(lang, "report.the-year-month-by-month"),
        _ => "",
    }
}

/// The name of the workbook sheet of the breakdown at `path`
/// (`sponsors.continuation`), or of the series (`series`): the figure's name
/// where it fits a sheet name's 31 characters, else a shorter one.
pub fn sheet(path: &str, lang: Lang) -> &'static str {
    match path {
        "sponsors.continuation" => crate::i18n::t_in(lang, "report.sheet-continuation"),
        "organisations.by_partner_kind" => crate::i18n::t_in(lang, "report.organisations-by-kind"),
        "organisations.by_topic" => crate::i18n::t_in(lang, "report.organisations-by-topic"),
        "series" => crate::i18n::t_in(lang, "report.month-by-month"),
        _ => {
            let (section, key) = path.split_once('.').unwrap_or((path, ""));
            figure(section, key, lang)
        }
    }
}

/// The name of one figure or breakdown `key` of `section` (`events.participants`
/// for the participant sums).
pub fn figure(section: &str, key: &str, lang: Lang) -> &'static str {
    match (section, key) {
        ("consultations", "held") => crate::i18n::t_in(lang, "report.consultations-held"),
        ("consultations", "cancelled") => crate::i18n::t_in(lang, "report.cancelled"),
        ("consultations", "no_show") => crate::i18n::t_in(lang, "report.no-show"),
        ("consultations", "minutes") => crate::i18n::t_in(lang, "report.minutes-of-counselling"),
        ("consultations", "family_members") => {
            crate::i18n::t_in(lang, "report.family-members-counselled-alongside")
        }
        ("consultations", "with_interpreter") => crate::i18n::t_in(lang, "report.with-interpreter"),
        ("consultations", "by_topic") => crate::i18n::t_in(lang, "report.consultations-by-topic"),
        ("consultations", "by_language") => {
            crate::i18n::t_in(lang, "report.consultations-by-language")
        }
        ("consultations", "by_channel") => {
            crate::i18n::t_in(lang, "report.consultations-by-channel")
        }
        ("clients", "unique") => crate::i18n::t_in(lang, "report.distinct-clients"),
        ("clients", "new") => crate::i18n::t_in(lang, "report.of-these-new-in-the"),
        ("clients", "in_area") => crate::i18n::t_in(lang, "report.of-these-living-in-the"),
        ("clients", "by_gender") => crate::i18n::t_in(lang, "report.by-gender"),
        ("clients", "by_age_group") => crate::i18n::t_in(lang, "report.by-age-group"),
        ("clients", "by_origin") => crate::i18n::t_in(lang, "report.by-country-of-origin"),
        ("clients", "by_residence") => crate::i18n::t_in(lang, "report.by-residence-status"),
        ("clients", "by_employment") => crate::i18n::t_in(lang, "report.by-employment-status"),
        ("clients", "by_district") => crate::i18n::t_in(lang, "report.by-district"),
        ("referrals", "made") => crate::i18n::t_in(lang, "report.referrals-made"),
        ("referrals", "done") => crate::i18n::t_in(lang, "report.closed-as-done"),
        ("referrals", "failed") => crate::i18n::t_in(lang, "report.failed"),
        ("referrals", "withdrawn") => crate::i18n::t_in(lang, "report.withdrawn"),
        ("referrals", "open_at_end") => crate::i18n::t_in(lang, "report.open-at-the-end-of"),
        ("referrals", "overdue") => crate::i18n::t_in(lang, "report.of-these-past-their-follow"),
        ("referrals", "by_partner") => crate::i18n::t_in(lang, "report.referrals-by-partner"),
        ("referrals", "by_topic") => crate::i18n::t_in(lang, "report.referrals-by-topic"),
        ("events", "held") => crate::i18n::t_in(lang, "report.events-held"),
        ("events", "by_kind") => crate::i18n::t_in(lang, "report.events-by-kind"),
        ("events", "participants") => crate::i18n::t_in(lang, "report.participants"),
        ("events", "list") => crate::i18n::t_in(lang, "report.events-held-2"),
        ("events.participants", "total") => crate::i18n::t_in(lang, "report.participants-in-total"),
        ("events.participants", "women") => crate::i18n::t_in(lang, "report.of-these-women"),
        ("events.participants", "men") => crate::i18n::t_in(lang, "report.of-these-men"),
        ("events.participants", "diverse") => crate::i18n::t_in(lang, "report.of-these-diverse"),
        ("events.participants", "migrants") => crate::i18n::t_in(lang, "report.of-these-migrants"),
        ("sponsors", "meetings") => crate::i18n::t_in(lang, "report.sponsor-meetings"),
        ("sponsors", "active") => crate::i18n::t_in(lang, "report.active-sponsors"),
        ("sponsors", "network_events") => crate::i18n::t_in(lang, "report.network-meetings"),
        ("sponsors", "by_sponsor") => crate::i18n::t_in(lang, "report.meetings-by-sponsor"),
        ("sponsors", "by_field") => crate::i18n::t_in(lang, "report.meetings-by-field"),
        ("sponsors", "stale") => crate::i18n::t_in(lang, "report.sponsors-without-a-meeting-for"),
        ("sponsors", "continuation") => {
            crate::i18n::t_in(lang, "report.active-sponsors-by-continuation")
        }
        ("sponsors", "deadlines") => crate::i18n::t_in(lang, "report.sponsors-deadlines"),
        ("contacts", "total") => crate::i18n::t_in(lang, "report.short-contacts"),
        ("contacts", "by_kind") => crate::i18n::t_in(lang, "report.short-contacts-by-kind"),
        ("contacts", "by_topic") => crate::i18n::t_in(lang, "report.short-contacts-by-topic"),
        ("contacts", "by_language") => crate::i18n::t_in(lang, "report.short-contacts-by-language"),
        ("contacts", "referred") => crate::i18n::t_in(lang, "report.of-these-pointed-to-a"),
        ("organisations", "consultations") => {
            crate::i18n::t_in(lang, "report.organisation-consultations-held")
        }
        ("organisations", "organisations") => {
            crate::i18n::t_in(lang, "report.distinct-organisations")
        }
        ("organisations", "by_partner_kind") => {
            crate::i18n::t_in(lang, "report.organisation-consultations-by-kind-of")
        }
        ("organisations", "by_topic") => {
            crate::i18n::t_in(lang, "report.organisation-consultations-by-topic")
        }
        ("year_to_date" | "targets" | "series", "contacts") => {
            crate::i18n::t_in(lang, "report.short-contacts")
        }
        ("year_to_date" | "targets" | "series", "organisation_consultations") => {
            crate::i18n::t_in(lang, "report.organisation-consultations")
        }
        ("year_to_date" | "targets" | "series", "consultations") => {
            crate::i18n::t_in(lang, "report.consultations-held")
        }
        ("year_to_date" | "targets" | "series", "unique_clients") => {
            crate::i18n::t_in(lang, "report.distinct-clients")
        }
        ("year_to_date" | "targets" | "series", "new_clients") => {
            crate::i18n::t_in(lang, "report.new-clients-first-contact")
        }
        ("year_to_date" | "targets" | "series", "events") => {
            crate::i18n::t_in(lang, "report.events-held")
        }
        ("year_to_date" | "targets" | "series", "event_participants") => {
            crate::i18n::t_in(lang, "report.event-participants")
        }
        ("year_to_date" | "targets" | "series", "sponsor_meetings") => {
            crate::i18n::t_in(lang, "report.sponsor-meetings")
        }
        ("year_to_date" | "targets" | "series", "referrals") => {
            crate::i18n::t_in(lang, "report.referrals-made-2")
        }
        ("quality", "consultations_without_topics") => {
            crate::i18n::t_in(lang, "report.consultations-without-topics")
        }
        ("quality", "consultations_without_duration") => {
            crate::i18n::t_in(lang, "report.consultations-without-duration")
        }
        ("quality", "events_without_split") => {
            crate::i18n::t_in(lang, "report.events-without-the-participants-split")
        }
        ("quality", "planned_in_past") => {
            crate::i18n::t_in(lang, "report.past-appointments-and-events-still")
        }
        ("quality", "clients_incomplete") => {
            crate::i18n::t_in(lang, "report.clients-with-incomplete-details")
        }
        ("quality", "referrals_without_consent") => {
            crate::i18n::t_in(lang, "report.referrals-without-consent")
        }
        _ => "",
    }
}

/// A short column heading for a figure of the series, so that a row of
/// nine figures fits an 80-column terminal; [`figure`] explains it.
pub fn short(key: &str, lang: Lang) -> &'static str {
    match key {
        "consultations" => crate::i18n::t_in(lang, "report.cons"),
        "unique_clients" => crate::i18n::t_in(lang, "report.cli"),
        "new_clients" => crate::i18n::t_in(lang, "report.new"),
        "events" => crate::i18n::t_in(lang, "report.ev"),
        "event_participants" => crate::i18n::t_in(lang, "report.part"),
        "sponsor_meetings" => crate::i18n::t_in(lang, "report.sp"),
        "referrals" => crate::i18n::t_in(lang, "report.ref"),
        "contacts" => crate::i18n::t_in(lang, "report.cont"),
        "organisation_consultations" => crate::i18n::t_in(lang, "report.org"),
        _ => "",
    }
}

/// "Projektträger ohne Termin seit mehr als 60 Tagen".
pub fn stale_heading(days: i64, lang: Lang) -> String {
    format!(
        "{} {days} {}",
        figure("sponsors", "stale", lang),
        crate::i18n::t_in(lang, "report.days")
    )
}

/// The label of `code` in the breakdown `breakdown` (e.g. `consultations.by_topic`).
pub fn key(breakdown: &str, code: &str, lang: Lang, config: &Config, names: &Names) -> String {
    if code == UNKNOWN {
        return crate::i18n::t_in(lang, "report.unknown").to_string();
    }
    let coded =
        |label: Option<&'static str>| label.map_or_else(|| code.to_string(), str::to_string);
    match breakdown {
        "consultations.by_topic"
        | "referrals.by_topic"
        | "contacts.by_topic"
        | "organisations.by_topic" => config.topic_label(code, lang),
        "consultations.by_language" | "contacts.by_language" => {
            format!("{} ({code})", crate::names::language(code, lang))
        }
        "contacts.by_kind" => coded(ContactKind::from_code(code).map(|k| k.label(lang))),
        "organisations.by_partner_kind" => {
            coded(PartnerKind::from_code(code).map(|k| k.label(lang)))
        }
        "consultations.by_channel" => coded(Channel::from_code(code).map(|c| c.label(lang))),
        "clients.by_gender" => coded(Gender::from_code(code).map(|g| g.label(lang))),
        "clients.by_age_group" => coded(super::age::label(code, lang)),
        "clients.by_origin" => format!("{} ({code})", crate::names::country(code, lang)),
        "clients.by_residence" => coded(Residence::from_code(code).map(|r| r.label(lang))),
        "clients.by_employment" => coded(Employment::from_code(code).map(|e| e.label(lang))),
        "clients.by_district" if code == "outside" => {
            crate::i18n::t_in(lang, "report.outside-the-area").to_string()
        }
        "events.by_kind" => coded(EventKind::from_code(code).map(|k| k.label(lang))),
        "sponsors.by_field" => coded(Field::from_code(code).map(|f| f.label(lang))),
        "sponsors.deadlines" => match code {
            "due" => crate::i18n::t_in(lang, "report.due-in-the-period"),
            "met" => crate::i18n::t_in(lang, "report.of-these-met-on-time"),
            "overdue" => crate::i18n::t_in(lang, "report.overdue-at-the-end-of"),
            _ => code,
        }
        .to_string(),
        "sponsors.continuation" => {
            coded(crate::model::Continuation::from_code(code).map(|c| c.label(lang)))
        }
        "referrals.by_partner" => names
            .partners
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string()),
        "sponsors.by_sponsor" | "sponsors.stale" => names
            .sponsors
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string()),
        _ => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_in_both_languages() {
        assert_eq!(percent(Some(667), Lang::De), "66,7 %");
        assert_eq!(percent(Some(1500), Lang::En), "150.0 %");
        assert_eq!(percent(Some(5), Lang::En), "0.5 %");
        assert_eq!(percent(None, Lang::De), "–");
    }

    #[test]
    fn every_json_figure_has_a_label() {
        let sections: [(&str, &[&str]); 8] = [
            (
                "contacts",
                &["total", "by_kind", "by_topic", "by_language", "referred"],
            ),
            (
                "organisations",
                &[
                    "consultations",
                    "organisations",
                    "by_partner_kind",
                    "by_topic",
                ],
            ),
            (
                "consultations",
                &[
                    "held",
                    "cancelled",
                    "no_show",
                    "minutes",
                    "family_members",
                    "with_interpreter",
                    "by_topic",
                    "by_language",
                    "by_channel",
                ],
            ),
            (
                "clients",
                &[
                    "unique",
                    "new",
                    "in_area",
                    "by_gender",
                    "by_age_group",
                    "by_origin",
                    "by_residence",
                    "by_employment",
                    "by_district",
                ],
            ),
            (
                "referrals",
                &[
                    "made",
                    "done",
                    "failed",
                    "withdrawn",
                    "open_at_end",
                    "overdue",
                    "by_partner",
                    "by_topic",
                ],
            ),
            ("events", &["held", "by_kind", "participants", "list"]),
            (
                "events.participants",
                &["total", "women", "men", "diverse", "migrants"],
            ),
            (
                "sponsors",
                &[
                    "meetings",
                    "active",
                    "network_events",
                    "by_sponsor",
                    "by_field",
                    "stale",
                ],
            ),
        ];
        for lang in [Lang::De, Lang::En] {
            for (section, keys) in sections {
                for key in keys {
                    assert!(!figure(section, key, lang).is_empty(), "{section}.{key}");
                }
            }
            for key in crate::model::config::TARGET_KEYS {
                assert!(!figure("year_to_date", key, lang).is_empty(), "{key}");
                assert!(!figure("targets", key, lang).is_empty(), "{key}");
            }
        }
    }

    #[test]
    fn codes_are_labelled_from_the_command_tables() {
        let config: Config = toml::from_str(
            "[office]\nname = \"x\"\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n",
        )
        .unwrap();
        let names = Names::default();
        let k = |b, c, l| key(b, c, l, &config, &names);
        assert_eq!(k("consultations.by_topic", "housing", Lang::De), "Wohnen");
        assert_eq!(k("referrals.by_topic", "debts", Lang::En), "Debts");
        assert_eq!(k("clients.by_gender", "f", Lang::De), "weiblich");
        assert_eq!(
            k("clients.by_age_group", "55-plus", Lang::En),
            "55 and older"
        );
        assert_eq!(k("clients.by_district", "unknown", Lang::De), "unbekannt");
        assert_eq!(k("clients.by_district", "Lindenau", Lang::De), "Lindenau");
        assert_eq!(k("events.by_kind", "network", Lang::De), "Netzwerktreffen");
        assert_eq!(k("contacts.by_kind", "walk-in", Lang::En), "Walk-in");
        assert_eq!(k("contacts.by_language", "ar", Lang::De), "Arabisch (ar)");
        assert_eq!(
            k("organisations.by_topic", "intercultural-opening", Lang::De),
            "Interkulturelle Öffnung"
        );
        assert_eq!(
            k("organisations.by_partner_kind", "education", Lang::De),
            "Bildung"
        );
    }
}
