//! `events/YYYY/MM/<id>.toml`: information events, network meetings, workshops.

use super::common::{date, generated_id, interpreter, notes, time};
use super::{Cond, DefaultValue, FieldSpec, FieldType, Filter, KindSchema, vocab};
use crate::model::{EventKind, EventStatus, Kind};

/// The keys of `[participants]` (all counts ≥ 0; `total` required).
pub static PARTICIPANTS: &[FieldSpec] = &[
    FieldSpec::new("total", FieldType::Count)
        .required()
        .labels("gesamt", "total")
        .helps("Teilnehmende insgesamt", "Participants in all"),
    FieldSpec::new("women", FieldType::Count)
        .default(DefaultValue::Value("0"))
        .labels("Frauen", "women")
        .helps("davon Frauen", "of them women"),
    FieldSpec::new("men", FieldType::Count)
        .default(DefaultValue::Value("0"))
        .labels("Männer", "men")
        .helps("davon Männer", "of them men"),
    FieldSpec::new("diverse", FieldType::Count)
        .default(DefaultValue::Value("0"))
        .labels("divers", "diverse")
        .helps("davon divers", "of them diverse"),
    FieldSpec::new("migrants", FieldType::Count)
        .default(DefaultValue::Value("0"))
        .labels("mit Migrationshintergrund", "migrants")
        .helps(
            "davon mit Migrationshintergrund",
            "of them with a migration background",
        ),
];

pub static SCHEMA: KindSchema = KindSchema {
    kind: Kind::Event,
    label_de: "Veranstaltung",
    label_en: "Event",
    fields: &[
        generated_id(),
        date(),
        time(),
        FieldSpec::new("title", FieldType::FreeText)
            .required()
            .labels("Titel", "Title")
            .helps("Titel der Veranstaltung", "Title of the event"),
        FieldSpec::new("kind", FieldType::Code(vocab::<EventKind>("EventKind")))
            .required()
            .labels("Art", "Kind")
            .helps(
                "info, network, workshop oder other",
                "info, network, workshop or other",
            ),
        FieldSpec::new(
            "status",
            FieldType::Code(vocab::<EventStatus>("EventStatus")),
        )
        .required()
        .default(DefaultValue::DoneWhenPast)
        .labels("Status", "Status")
        .helps(
            "Standard: done, wenn der Tag gekommen ist, sonst planned",
            "Default: done when the day has come, else planned",
        ),
        FieldSpec::new(
            "topics",
            FieldType::Topics {
                free_words_when: None,
            },
        )
        .labels("Themen", "Topics")
        .helps("Themencodes, mit Kommas", "Topic codes, commas"),
        FieldSpec::new("location", FieldType::FreeText)
            .labels("Ort", "Location")
            .helps("Veranstaltungsort", "Where it takes place"),
        FieldSpec::new("partners", FieldType::Refs(Kind::Partner))
            .labels("Partner", "Partners")
            .helps(
                "Beteiligte Partner (Kurznamen, mit Kommas)",
                "Partners taking part (slugs, commas)",
            )
            .form_helps("Beteiligte Partner", "Partners taking part"),
        FieldSpec::new("sponsors", FieldType::Refs(Kind::Sponsor))
            .labels("Träger", "Sponsors")
            .helps(
                "Beteiligte Träger, z. B. bei Netzwerktreffen (Kurznamen, mit Kommas)",
                "Sponsors taking part, e.g. in network meetings (slugs, commas)",
            )
            .form_helps(
                "Beteiligte Träger, z. B. bei Netzwerktreffen",
                "Sponsors taking part, e.g. in network meetings",
            ),
        FieldSpec::new("languages", FieldType::Languages)
            .labels("Sprachen", "Languages")
            .helps(
                "Sprachen der Veranstaltung (ISO 639-1, mit Kommas)",
                "Languages of the event (ISO 639-1, commas)",
            ),
        interpreter(),
        notes(),
        FieldSpec::new("participants", FieldType::Table(PARTICIPANTS))
            .required_when(Cond::is("status", &["done"]))
            .when_missing("event-needs-participants")
            .labels("Teilnehmende", "Participants")
            .helps(
                "Tabelle [participants] mit total, women, men, diverse, migrants",
                "Table [participants] with total, women, men, diverse, migrants",
            ),
    ],
    filters: &[
        Filter::on("status"),
        Filter::on("kind"),
        Filter::on("topics").flag("topic"),
        Filter::on("partners").flag("partner"),
        Filter::on("sponsors").flag("sponsor"),
    ],
};
