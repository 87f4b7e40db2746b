//! `partners/<slug>.toml`: organisations clients are referred to — also the
//! directory of competences in the neighbourhood.

use super::common::org_notes;
use super::{FieldSpec, FieldType, Filter, KindSchema, vocab};
use crate::model::{Kind, PartnerKind};

pub static SCHEMA: KindSchema = KindSchema {
    kind: Kind::Partner,
    label_de: "Partner",
    label_en: "Partner",
    fields: &[
        FieldSpec::new("id", FieldType::Id)
            .required()
            .labels("Kurzname", "Short name")
            .helps(
                "Kurzname (Slug): Kleinbuchstaben, Ziffern und -, z. B. jobcenter-west",
                "Short name (slug): lower-case letters, digits and -, e.g. jobcentre-west",
            ),
        FieldSpec::new("name", FieldType::Text)
            .required()
            .labels("Name", "Name")
            .helps("Name der Organisation", "Name of the organisation"),
        FieldSpec::new("kind", FieldType::Code(vocab::<PartnerKind>("PartnerKind")))
            .required()
            .labels("Art", "Kind")
            .helps("Art der Organisation", "Kind of organisation")
            .form_helps("Art der Organisation", "Kind of organisation"),
        FieldSpec::new(
            "offers",
            FieldType::Topics {
                free_words_when: None,
            },
        )
        .labels("Angebote", "Offers")
        .helps(
            "Themen, bei denen der Partner hilft (Themencodes, mit Kommas)",
            "Topics the partner helps with (topic codes, commas)",
        )
        .form_helps(
            "Themen, bei denen der Partner hilft",
            "Topics the partner helps with",
        ),
        FieldSpec::new("languages", FieldType::Languages)
            .labels("Sprachen", "Languages")
            .helps(
                "Sprachen der Beratung (ISO 639-1, mit Kommas), z. B. de,ar",
                "Languages of counselling (ISO 639-1, commas), e.g. de,ar",
            ),
        FieldSpec::new("address", FieldType::Text)
            .labels("Adresse", "Address")
            .helps("Anschrift der Organisation", "Address of the organisation"),
        FieldSpec::new("phone", FieldType::Text)
            .labels("Telefon", "Phone")
            .helps(
                "Telefonnummer der Organisation",
                "Phone number of the organisation",
            ),
        FieldSpec::new("email", FieldType::Text)
            .labels("E-Mail", "E-mail")
            .helps(
                "E-Mail-Adresse der Organisation",
                "E-mail address of the organisation",
            ),
        FieldSpec::new("website", FieldType::Text)
            .labels("Webseite", "Website")
            .helps("Webseite der Organisation", "Website of the organisation"),
        org_notes(),
    ],
    filters: &[
        Filter::on("offers").value_name("TOPIC").alias("topic"),
        Filter::on("languages")
            .flag("language")
            .value_name("LANG")
            .alias("languages"),
        Filter::on("kind"),
    ],
};
