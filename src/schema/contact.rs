//! `contacts/YYYY/MM/<id>.toml` (v2): short contacts — a walk-in, a phone
//! call, a message — with someone who is not (yet) a client. No client
//! code and no personal data; `referred_to` names the partners the person
//! was pointed to, without passing anything on.
//!
//! The row order is the order of a guided form: what happened (day, time,
//! how), what it was about, in which language, how long, where the person
//! was pointed to, who took it, notes.

use super::common::{date, generated_id, interpreter, notes, staff, time_now_during_hours};
use super::{FieldSpec, FieldType, Filter, KindSchema, vocab};
use crate::model::{ContactKind, Kind};

pub static SCHEMA: KindSchema = KindSchema {
    kind: Kind::Contact,
    label_de: "Kurzkontakt",
    label_en: "Short contact",
    fields: &[
        generated_id(),
        date(),
        time_now_during_hours(),
        FieldSpec::new("kind", FieldType::Code(vocab::<ContactKind>("ContactKind")))
            .required()
            .labels("Art", "Kind")
            .helps(
                "Wie der Kontakt zustande kam: walk-in (Besuch ohne Termin), phone, email, message oder other",
                "How the contact came about: walk-in, phone, email, message or other",
            )
            .form_helps("Wie der Kontakt zustande kam", "How the contact came about"),
        FieldSpec::new(
            "topics",
            FieldType::Topics {
                free_words_when: None,
            },
        )
        .labels("Themen", "Topics")
        .helps(
            "Worum es ging: Themencodes, mit Kommas, z. B. residence,housing",
            "What it was about: topic codes, commas, e.g. residence,housing",
        )
        .form_helps("Worum es ging", "What it was about"),
        FieldSpec::new("language", FieldType::Language)
            .labels("Sprache", "Language")
            .helps(
                "Sprache des Gesprächs (ISO 639-1), z. B. ar",
                "Language of the conversation (ISO 639-1), e.g. ar",
            ),
        interpreter(),
        FieldSpec::new("duration", FieldType::Minutes)
            .labels("Dauer (min)", "Duration (min)")
            .helps(
                "Dauer in Minuten, z. B. 10 oder 1:30",
                "Length in minutes, e.g. 10 or 1:30",
            ),
        FieldSpec::new("referred_to", FieldType::Refs(Kind::Partner))
            .labels("Verwiesen an", "Referred to")
            .helps(
                "Partner, an die die Person verwiesen wurde (Kurznamen, mit Kommas) — es wurden keine Daten weitergegeben",
                "Partners the person was pointed to (slugs, commas) — no data was passed on",
            )
            .form_helps(
                "Partner, an die die Person verwiesen wurde — es wurden keine Daten weitergegeben",
                "Partners the person was pointed to — no data was passed on",
            ),
        staff(),
        notes(),
    ],
    filters: &[
        Filter::on("kind"),
        Filter::on("topics").flag("topic"),
        Filter::on("language"),
        Filter::on("referred_to"),
        Filter::on("staff"),
    ],
};
