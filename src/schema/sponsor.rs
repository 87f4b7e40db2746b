//! `sponsors/<slug>.toml`: ESF project sponsors (Projektträger).

use super::common::org_notes;
use super::{DefaultValue, FieldSpec, FieldType, Filter, KindSchema, vocab};
use crate::model::{Continuation, DeadlineKind, Field, Kind, SponsorStatus};

pub static SCHEMA: KindSchema = KindSchema {
    kind: Kind::Sponsor,
    label_de: "Träger",
    label_en: "Sponsor",
    fields: &[
        FieldSpec::new("id", FieldType::Id)
            .required()
            .labels("Kurzname", "Short name")
            .helps(
                "Kurzname (Slug): Kleinbuchstaben, Ziffern und -, z. B. jugendwerk-west",
                "Short name (slug): lower-case letters, digits and -, e.g. youth-west",
            ),
        FieldSpec::new("name", FieldType::Text)
            .required()
            .labels("Name", "Name")
            .helps("Name der Organisation", "Name of the organisation"),
        FieldSpec::new("project", FieldType::Text)
            .required()
            .labels("Projekt", "Project")
            .helps("Titel des ESF-Projekts", "Title of the ESF project"),
        FieldSpec::new("field", FieldType::Code(vocab::<Field>("Field")))
            .required()
            .labels("Förderbereich", "Field")
            .helps("ESF-Handlungsfeld des Projekts", "ESF field of the project")
            .form_helps("ESF-Handlungsfeld des Projekts", "ESF field of the project"),
        FieldSpec::new("start", FieldType::Date)
            .required()
            .labels("Beginn", "Start")
            .helps("Projektbeginn", "First day of the project"),
        FieldSpec::new("end", FieldType::Date)
            .labels("Ende", "End")
            .helps("Projektende", "Last day of the project"),
        FieldSpec::new("contact", FieldType::Text)
            .labels("Ansprechpartner", "Contact")
            .helps(
                "Ansprechperson oder Rolle beim Träger",
                "Contact person or role at the sponsor",
            ),
        FieldSpec::new("email", FieldType::Text)
            .labels("E-Mail", "E-mail")
            .helps("E-Mail-Adresse des Trägers", "The sponsor's e-mail address"),
        FieldSpec::new("phone", FieldType::Text)
            .labels("Telefon", "Phone")
            .helps("Telefonnummer des Trägers", "The sponsor's phone number"),
        FieldSpec::new(
            "status",
            FieldType::Code(vocab::<SponsorStatus>("SponsorStatus")),
        )
        .default(DefaultValue::Value("active"))
        .labels("Status", "Status")
        .helps("Läuft das Projekt noch?", "Is the project still running?")
        .form_helps("Läuft das Projekt noch?", "Is the project still running?"),
        FieldSpec::new("planned_participants", FieldType::Count)
            .labels("Geplante Teilnehmende", "Planned participants")
            .helps(
                "Wie viele Teilnehmende das Projekt erreichen will",
                "How many participants the project plans to reach",
            ),
        FieldSpec::new(
            "continuation",
            FieldType::Code(vocab::<Continuation>("Continuation")),
        )
        .default(DefaultValue::Value("open"))
        .labels("Verstetigung", "Continuation")
        .helps(
            "Geht das Projekt nach der Förderung weiter? open, planned, secured oder ending",
            "Does the project go on after the funding? open, planned, secured or ending",
        )
        .form_helps(
            "Geht das Projekt nach der Förderung weiter?",
            "Does the project go on after the funding?",
        ),
        FieldSpec::new("continuation_notes", FieldType::Text)
            .labels("Verstetigung: Notizen", "Continuation notes")
            .helps(
                "Wie es nach der Förderung weitergehen soll",
                "How the project is to go on after the funding",
            ),
        org_notes(),
        FieldSpec::new("deadlines", FieldType::Tables(DEADLINE))
            .labels("Fristen", "Deadlines")
            .helps(
                "Abgabefristen des Trägers (quartier sponsor deadline add|done)",
                "The sponsor's deadlines (quartier sponsor deadline add|done)",
            ),
    ],
    filters: &[Filter::on("status"), Filter::on("field")],
};

/// The keys of one `[[deadlines]]` entry.
static DEADLINE: &[FieldSpec] = &[
    FieldSpec::new(
        "kind",
        FieldType::Code(vocab::<DeadlineKind>("DeadlineKind")),
    )
    .required()
    .labels("Art", "Kind")
    .helps(
        "sachbericht, mittelabruf, verwendungsnachweis, participant-data oder other",
        "sachbericht, mittelabruf, verwendungsnachweis, participant-data or other",
    ),
    FieldSpec::new("due", FieldType::Date)
        .required()
        .labels("Fällig am", "Due")
        .helps(
            "Tag, bis zu dem abzugeben ist",
            "Day it has to be handed in by",
        ),
    FieldSpec::new("done", FieldType::Date)
        .labels("Erledigt am", "Done")
        .helps("Tag, an dem abgegeben wurde", "Day it was handed in"),
    FieldSpec::new("notes", FieldType::Text)
        .labels("Notizen", "Notes")
        .helps("Notizen zur Frist", "Notes on the deadline"),
];
