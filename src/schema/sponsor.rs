//! `sponsors/<slug>.toml`: ESF project sponsors (Projektträger).

use super::common::org_notes;
use super::{DefaultValue, FieldSpec, FieldType, KindSchema, vocab};
use crate::model::{Field, Kind, SponsorStatus};

pub static SCHEMA: KindSchema = KindSchema {
    kind: Kind::Sponsor,
    label_de: "Träger",
    label_en: "Sponsor",
    fields: &[
        FieldSpec::new("id", FieldType::Id)
            .required()
            .labels("ID", "ID")
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
            .helps("ESF-Handlungsfeld des Projekts", "ESF field of the project"),
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
        .helps("Läuft das Projekt noch?", "Is the project still running?"),
        org_notes(),
    ],
};
