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
            lang.pick("Monatsbericht", "Monthly report"),
            month_name(to.month(), lang),
            to.year()
        ),
        ReportKind::Quarterly => format!(
            "{} Q{} {}",
            lang.pick("Quartalsbericht", "Quarterly report"),
            (to.month() - 1) / 3 + 1,
            to.year()
        ),
        ReportKind::Yearly => format!(
            "{} {}",
            lang.pick("Jahresbericht", "Annual report"),
            to.year()
        ),
        ReportKind::Period => format!(
            "{} {} – {}",
            lang.pick("Tätigkeitsbericht", "Activity report"),
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
        Some(t) => format!("{}{}{} %", t / 10, lang.pick(",", "."), t % 10),
        None => "–".to_string(),
    }
}

/// Words that stand on their own in every format.
pub fn word(key: &str, lang: Lang) -> &'static str {
    match key {
        "operator" => lang.pick("Träger", "Operator"),
        "programme" => lang.pick("Förderprogramm", "Programme"),
        "area" => lang.pick("Gebiet", "Area"),
        "period" => lang.pick("Zeitraum", "Period"),
        "figure" => lang.pick("Kennzahl", "Figure"),
        "value" => lang.pick("Wert", "Value"),
        "count" => lang.pick("Anzahl", "Count"),
        "none" => lang.pick("keine", "none"),
        "date" => lang.pick("Datum", "Date"),
        "title" => lang.pick("Titel", "Title"),
        "kind" => lang.pick("Art", "Kind"),
        "participants" => lang.pick("Teilnehmende", "Participants"),
        "target" => lang.pick("Ziel", "Target"),
        "actual" => lang.pick("Ist", "Actual"),
        "percent" => lang.pick("Erreicht", "Achieved"),
        "commit" => lang.pick("Datenstand: Commit", "Records state: commit"),
        "no_commit" => lang.pick(
            "Datenstand: kein Git-Commit (kein Repository oder noch leer)",
            "Records state: no git commit (no repository, or no commit yet)",
        ),
        "dirty" => lang.pick(
            "Achtung: der Datenordner hatte nicht committete Änderungen",
            "Note: the records folder had uncommitted changes",
        ),
        "clean" => lang.pick(
            "keine nicht committeten Änderungen",
            "no uncommitted changes",
        ),
        "dirty_unknown" => lang.pick(
            "ob es nicht committete Änderungen gab, ist unbekannt (Git konnte es nicht sagen)",
            "whether there were uncommitted changes is unknown (git could not tell)",
        ),
        "share" => "%",
        "from" => lang.pick("von", "from"),
        "to" => lang.pick("bis", "to"),
        "office" => lang.pick("Büro", "Office"),
        "uncommitted" => lang.pick("nicht committete Änderungen", "uncommitted changes"),
        "by_month" => lang.pick("nach Monat", "by month"),
        "legend" => lang.pick("Abkürzungen", "Abbreviations"),
        "by_quarter" => lang.pick("nach Quartal", "by quarter"),
        "total" => lang.pick("Summe", "Total"),
        "previous_year" => lang.pick("Vorjahr", "Previous year"),
        "key_figures" => lang.pick("Kennzahlen auf einen Blick", "Key figures at a glance"),
        "amended" => lang.pick("Nachträglich geänderte Berichte", "Amended reports"),
        "report" => lang.pick("Bericht", "Report"),
        "at" => lang.pick("geändert am", "amended on"),
        "reason" => lang.pick("Grund", "Reason"),
        "label" => lang.pick("Bezeichnung", "Label"),
        "section" => lang.pick("Abschnitt", "Section"),
        "key" => lang.pick("Schlüssel", "Key"),
        "month" => lang.pick("Monat", "Month"),
        "quarter" => lang.pick("Quartal", "Quarter"),
        _ => "",
    }
}

/// The heading of a section (a top-level key of the JSON).
pub fn section(section: &str, lang: Lang) -> &'static str {
    match section {
        "consultations" => lang.pick(
            "Beratungen (Schnittstelle Asyl)",
            "Consultations (asylum interface)",
        ),
        "clients" => lang.pick("Beratene Personen", "Clients"),
        "referrals" => lang.pick("Vermittlungen", "Referrals"),
        "events" => lang.pick("Veranstaltungen", "Events"),
        "sponsors" => lang.pick(
            "Begleitung der Projektträger",
            "Accompanying project sponsors",
        ),
        "contacts" => lang.pick(
            "Kurzkontakte ohne Klientencode",
            "Short contacts without a client code",
        ),
        "organisations" => lang.pick(
            "Beratung von Organisationen (interkulturelle Öffnung)",
            "Consultations of organisations (intercultural opening)",
        ),
        "year_to_date" => lang.pick("Seit Jahresbeginn", "Year to date"),
        "targets" => lang.pick("Zielwerte des Jahres", "Targets of the year"),
        "source" => lang.pick("Quelle", "Source"),
        "quality" => lang.pick("Datenqualität", "Data quality"),
        "amended" => lang.pick("Nachträglich geänderte Berichte", "Amended reports"),
        "series" => lang.pick("Jahresverlauf", "The year month by month"),
        _ => "",
    }
}

/// The name of the workbook sheet of the breakdown at `path`
/// (`sponsors.continuation`), or of the series (`series`): the figure's name
/// where it fits a sheet name's 31 characters, else a shorter one.
pub fn sheet(path: &str, lang: Lang) -> &'static str {
    match path {
        "sponsors.continuation" => lang.pick(
            "Verstetigung (aktive Träger)",
            "Continuation (active sponsors)",
        ),
        "organisations.by_partner_kind" => {
            lang.pick("Organisationen nach Art", "Organisations by kind")
        }
        "organisations.by_topic" => {
            lang.pick("Organisationen nach Thema", "Organisations by topic")
        }
        "series" => lang.pick("Jahresverlauf", "Month by month"),
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
        ("consultations", "held") => lang.pick("durchgeführte Beratungen", "consultations held"),
        ("consultations", "cancelled") => lang.pick("abgesagt", "cancelled"),
        ("consultations", "no_show") => lang.pick("nicht erschienen", "no-show"),
        ("consultations", "minutes") => lang.pick("Beratungsminuten", "minutes of counselling"),
        ("consultations", "family_members") => lang.pick(
            "mitberatene Familienangehörige",
            "family members counselled alongside",
        ),
        ("consultations", "with_interpreter") => {
            lang.pick("mit Sprachmittlung", "with interpreter")
        }
        ("consultations", "by_topic") => {
            lang.pick("Beratungen nach Thema", "Consultations by topic")
        }
        ("consultations", "by_language") => {
            lang.pick("Beratungen nach Sprache", "Consultations by language")
        }
        ("consultations", "by_channel") => {
            lang.pick("Beratungen nach Kanal", "Consultations by channel")
        }
        ("clients", "unique") => lang.pick("verschiedene Personen", "distinct clients"),
        ("clients", "new") => lang.pick(
            "davon Erstkontakt im Zeitraum",
            "of these new in the period",
        ),
        ("clients", "in_area") => {
            lang.pick("davon wohnhaft im Gebiet", "of these living in the area")
        }
        ("clients", "by_gender") => lang.pick("nach Geschlecht", "by gender"),
        ("clients", "by_age_group") => lang.pick("nach Altersgruppe", "by age group"),
        ("clients", "by_origin") => lang.pick("nach Herkunftsland", "by country of origin"),
        ("clients", "by_residence") => lang.pick("nach Aufenthaltsstatus", "by residence status"),
        ("clients", "by_employment") => lang.pick("nach Erwerbsstatus", "by employment status"),
        ("clients", "by_district") => lang.pick("nach Ortsteil", "by district"),
        ("referrals", "made") => lang.pick("Vermittlungen im Zeitraum", "referrals made"),
        ("referrals", "done") => lang.pick("erfolgreich abgeschlossen", "closed as done"),
        ("referrals", "failed") => lang.pick("gescheitert", "failed"),
        ("referrals", "withdrawn") => lang.pick("zurückgezogen", "withdrawn"),
        ("referrals", "open_at_end") => lang.pick(
            "offen am Ende des Zeitraums",
            "open at the end of the period",
        ),
        ("referrals", "overdue") => lang.pick(
            "davon Wiedervorlage überfällig",
            "of these past their follow-up date",
        ),
        ("referrals", "by_partner") => {
            lang.pick("Vermittlungen nach Partner", "Referrals by partner")
        }
        ("referrals", "by_topic") => lang.pick("Vermittlungen nach Thema", "Referrals by topic"),
        ("events", "held") => lang.pick("durchgeführte Veranstaltungen", "events held"),
        ("events", "by_kind") => lang.pick("Veranstaltungen nach Art", "Events by kind"),
        ("events", "participants") => lang.pick("Teilnehmende", "Participants"),
        ("events", "list") => lang.pick("Durchgeführte Veranstaltungen", "Events held"),
        ("events.participants", "total") => {
            lang.pick("Teilnehmende gesamt", "participants in total")
        }
        ("events.participants", "women") => lang.pick("davon Frauen", "of these women"),
        ("events.participants", "men") => lang.pick("davon Männer", "of these men"),
        ("events.participants", "diverse") => lang.pick("davon divers", "of these diverse"),
        ("events.participants", "migrants") => {
            lang.pick("davon mit Migrationsgeschichte", "of these migrants")
        }
        ("sponsors", "meetings") => lang.pick("Termine mit Projektträgern", "sponsor meetings"),
        ("sponsors", "active") => lang.pick("aktive Projektträger", "active sponsors"),
        ("sponsors", "network_events") => lang.pick("Netzwerktreffen", "network meetings"),
        ("sponsors", "by_sponsor") => {
            lang.pick("Termine nach Projektträger", "Meetings by sponsor")
        }
        ("sponsors", "by_field") => lang.pick("Termine nach Förderbereich", "Meetings by field"),
        ("sponsors", "stale") => lang.pick(
            "Projektträger ohne Termin seit mehr als",
            "Sponsors without a meeting for more than",
        ),
        ("sponsors", "continuation") => lang.pick(
            "Aktive Projektträger nach Verstetigung",
            "Active sponsors by continuation",
        ),
        ("sponsors", "deadlines") => lang.pick("Fristen der Projektträger", "Sponsors' deadlines"),
        ("contacts", "total") => lang.pick("Kurzkontakte", "short contacts"),
        ("contacts", "by_kind") => lang.pick("Kurzkontakte nach Art", "Short contacts by kind"),
        ("contacts", "by_topic") => lang.pick("Kurzkontakte nach Thema", "Short contacts by topic"),
        ("contacts", "by_language") => {
            lang.pick("Kurzkontakte nach Sprache", "Short contacts by language")
        }
        ("contacts", "referred") => lang.pick(
            "davon an Partner verwiesen",
            "of these pointed to a partner",
        ),
        ("organisations", "consultations") => lang.pick(
            "durchgeführte Organisationsberatungen",
            "organisation consultations held",
        ),
        ("organisations", "organisations") => {
            lang.pick("verschiedene Organisationen", "distinct organisations")
        }
        ("organisations", "by_partner_kind") => lang.pick(
            "Organisationsberatungen nach Art der Organisation",
            "Organisation consultations by kind of organisation",
        ),
        ("organisations", "by_topic") => lang.pick(
            "Organisationsberatungen nach Thema",
            "Organisation consultations by topic",
        ),
        ("year_to_date" | "targets" | "series", "contacts") => {
            lang.pick("Kurzkontakte", "short contacts")
        }
        ("year_to_date" | "targets" | "series", "organisation_consultations") => {
            lang.pick("Organisationsberatungen", "organisation consultations")
        }
        ("year_to_date" | "targets" | "series", "consultations") => {
            lang.pick("durchgeführte Beratungen", "consultations held")
        }
        ("year_to_date" | "targets" | "series", "unique_clients") => {
            lang.pick("verschiedene Personen", "distinct clients")
        }
        ("year_to_date" | "targets" | "series", "new_clients") => {
            lang.pick("neue Personen (Erstkontakt)", "new clients (first contact)")
        }
        ("year_to_date" | "targets" | "series", "events") => {
            lang.pick("durchgeführte Veranstaltungen", "events held")
        }
        ("year_to_date" | "targets" | "series", "event_participants") => {
            lang.pick("Teilnehmende an Veranstaltungen", "event participants")
        }
        ("year_to_date" | "targets" | "series", "sponsor_meetings") => {
            lang.pick("Termine mit Projektträgern", "sponsor meetings")
        }
        ("year_to_date" | "targets" | "series", "referrals") => {
            lang.pick("Vermittlungen", "referrals made")
        }
        ("quality", "consultations_without_topics") => {
            lang.pick("Beratungen ohne Thema", "consultations without topics")
        }
        ("quality", "consultations_without_duration") => {
            lang.pick("Beratungen ohne Dauer", "consultations without duration")
        }
        ("quality", "events_without_split") => lang.pick(
            "Veranstaltungen ohne Aufteilung der Teilnehmenden",
            "events without the participants' split",
        ),
        ("quality", "planned_in_past") => lang.pick(
            "vergangene Termine noch „geplant“",
            "past appointments and events still planned",
        ),
        ("quality", "clients_incomplete") => lang.pick(
            "Personen mit unvollständigen Angaben",
            "clients with incomplete details",
        ),
        ("quality", "referrals_without_consent") => lang.pick(
            "Vermittlungen ohne Einwilligung",
            "referrals without consent",
        ),
        _ => "",
    }
}

/// A short column heading for a figure of the series, so that a row of
/// nine figures fits an 80-column terminal; [`figure`] explains it.
pub fn short(key: &str, lang: Lang) -> &'static str {
    match key {
        "consultations" => lang.pick("Ber.", "Cons."),
        "unique_clients" => lang.pick("Pers.", "Cli."),
        "new_clients" => lang.pick("neu", "new"),
        "events" => lang.pick("Ver.", "Ev."),
        "event_participants" => lang.pick("TN", "Part."),
        "sponsor_meetings" => lang.pick("Trä.", "Sp."),
        "referrals" => lang.pick("Verm.", "Ref."),
        "contacts" => lang.pick("KK", "Cont."),
        "organisation_consultations" => lang.pick("Org.", "Org."),
        _ => "",
    }
}

/// "Projektträger ohne Termin seit mehr als 60 Tagen".
pub fn stale_heading(days: i64, lang: Lang) -> String {
    format!(
        "{} {days} {}",
        figure("sponsors", "stale", lang),
        lang.pick("Tagen", "days")
    )
}

/// The label of `code` in the breakdown `breakdown` (e.g. `consultations.by_topic`).
pub fn key(breakdown: &str, code: &str, lang: Lang, config: &Config, names: &Names) -> String {
    if code == UNKNOWN {
        return lang.pick("unbekannt", "unknown").to_string();
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
        "clients.by_district" if code == "outside" => lang
            .pick("außerhalb des Gebiets", "outside the area")
            .to_string(),
        "events.by_kind" => coded(EventKind::from_code(code).map(|k| k.label(lang))),
        "sponsors.by_field" => coded(Field::from_code(code).map(|f| f.label(lang))),
        "sponsors.deadlines" => match code {
            "due" => lang.pick("fällig im Zeitraum", "due in the period"),
            "met" => lang.pick("davon fristgerecht erledigt", "of these met on time"),
            "overdue" => lang.pick(
                "überfällig am Ende des Zeitraums",
                "overdue at the end of the period",
            ),
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
