//! `clients/<code>.toml`: pseudonymous clients — never a name, address,
//! phone, e-mail or full birth date. The characteristics describe the
//! client at first contact, as the ESF counts them.

use super::common::notes;
use super::{DefaultValue, FieldSpec, FieldType, Filter, KindSchema, vocab};
use crate::model::{ConsentScope, Employment, Gender, Kind, Residence};

pub static SCHEMA: KindSchema = KindSchema {
    kind: Kind::Client,
    label_de: "Klient/in",
    label_en: "Client",
    fields: &[
        FieldSpec::new("id", FieldType::Id)
            .required()
            .default(DefaultValue::Generated)
            .labels("ID", "ID")
            .helps(
                "Klientencode K-…, wird beim Anlegen vergeben",
                "Client code K-…, given by the tool",
            ),
        FieldSpec::new("first_contact", FieldType::Date)
            .required()
            .default(DefaultValue::Today)
            .labels("Erstkontakt", "First contact")
            .helps("Tag des ersten Kontakts", "Day of the first contact"),
        FieldSpec::new("gender", FieldType::Code(vocab::<Gender>("Gender")))
            .default(DefaultValue::Value("unknown"))
            .labels("Geschlecht", "Gender")
            .helps("f, m, d oder unknown", "f, m, d or unknown"),
        FieldSpec::new("birth_year", FieldType::Year)
            .labels("Geburtsjahr", "Birth year")
            .helps("Nur das Jahr, z. B. 1990", "The year only, e.g. 1990"),
        FieldSpec::new("origin", FieldType::Country)
            .labels("Herkunft", "Origin")
            .helps(
                "Herkunftsland, ISO 3166-1 (zwei Großbuchstaben), z. B. SY",
                "Country of origin, ISO 3166-1 (two upper-case letters), e.g. SY",
            ),
        FieldSpec::new("languages", FieldType::Languages)
            .labels("Sprachen", "Languages")
            .helps(
                "Sprachen (ISO 639-1, mit Kommas), z. B. ar,fr",
                "Languages (ISO 639-1, commas), e.g. ar,fr",
            ),
        FieldSpec::new(
            "residence",
            FieldType::Code(vocab::<Residence>("Residence")),
        )
        .default(DefaultValue::Value("unknown"))
        .labels("Aufenthaltsstatus", "Residence")
        .helps(
            "Aufenthaltsstatus beim Erstkontakt",
            "Residence status at first contact",
        )
        .form_helps(
            "Aufenthaltsstatus beim Erstkontakt",
            "Residence status at first contact",
        ),
        FieldSpec::new("district", FieldType::District)
            .labels("Ortsteil", "District")
            .helps(
                "Ortsteil aus [area] in quartier.toml, oder outside",
                "A district of [area] in quartier.toml, or outside",
            ),
        FieldSpec::new(
            "employment",
            FieldType::Code(vocab::<Employment>("Employment")),
        )
        .default(DefaultValue::Value("unknown"))
        .labels("Erwerbsstatus", "Employment")
        .helps(
            "Erwerbsstatus beim Erstkontakt",
            "Employment status at first contact",
        )
        .form_helps(
            "Erwerbsstatus beim Erstkontakt",
            "Employment status at first contact",
        ),
        FieldSpec::new("consent", FieldType::Date)
            .labels("Einwilligung", "Consent")
            .helps(
                "Tag der Einwilligung in Datenverarbeitung und Vermittlung",
                "Day the client agreed to data processing and referrals",
            ),
        FieldSpec::new("erased", FieldType::Date)
            .set_by_tool()
            .labels("Gelöscht am", "Erased on")
            .helps(
                "Tag, an dem die Daten gelöscht wurden (client erase, retention); setzt nur das Programm",
                "Day the data were erased (client erase, retention); set by the tool only",
            ),
        notes(),
        FieldSpec::new("consents", FieldType::Tables(CONSENTS))
            .labels("Einwilligungen", "Consents")
            .helps(
                "Einwilligungen mit Bereich, Partnern, Ablauf und Widerruf (quartier client consent)",
                "Consents with scope, partners, expiry and withdrawal (quartier client consent)",
            ),
    ],
    filters: &[
        Filter::on("district"),
        Filter::on("residence"),
        Filter::on("origin").value_name("CC"),
        Filter::on("gender"),
        Filter::on("employment"),
        Filter::on("languages")
            .flag("language")
            .value_name("LANG")
            .alias("languages"),
    ],
};

/// The keys of one `[[consents]]` entry (SPEC §1.2).
static CONSENTS: &[FieldSpec] = &[
    FieldSpec::new("date", FieldType::Date)
        .required()
        .labels("Datum", "Date")
        .helps("Tag der Einwilligung", "Day of the consent"),
    FieldSpec::new(
        "scope",
        FieldType::Code(vocab::<ConsentScope>("ConsentScope")),
    )
    .required()
    .labels("Bereich", "Scope")
    .helps(
        "processing (Datenverarbeitung) oder referral (Weitergabe an Partner)",
        "processing (data processing) or referral (passing data on to partners)",
    ),
    FieldSpec::new("partners", FieldType::Refs(Kind::Partner))
        .labels("Partner", "Partners")
        .helps(
            "Partner, an die weitergegeben werden darf; ohne: alle",
            "Partners data may be passed to; none: every partner",
        )
        .form_helps(
            "Partner, an die weitergegeben werden darf; keiner gewählt: alle",
            "Partners data may be passed to; none picked: every partner",
        ),
    FieldSpec::new("except", FieldType::Refs(Kind::Partner))
        .labels("Außer", "Except")
        .helps("Partner, die ausgenommen sind", "Partners left out")
        .form_helps("Partner, die ausgenommen sind", "Partners left out"),
    FieldSpec::new("until", FieldType::Date)
        .labels("Gültig bis", "Until")
        .helps("Letzter Tag, an dem sie gilt", "Last day it holds"),
    FieldSpec::new("withdrawn", FieldType::Date)
        .labels("Widerrufen am", "Withdrawn on")
        .helps(
            "Tag des Widerrufs: ab da gilt sie nicht mehr",
            "Day of withdrawal: from then on it no longer holds",
        ),
    FieldSpec::new("notes", FieldType::FreeText)
        .labels("Notizen", "Notes")
        .helps(
            "Wie die Einwilligung gegeben wurde; keine Namen oder Kontaktdaten",
            "How the consent was given; no names or contact data",
        ),
];
