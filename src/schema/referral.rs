//! `referrals/YYYY/MM/<id>.toml`: referrals of clients to partners.

use super::common::{date, generated_id, notes, staff};
use super::{Cond, DefaultValue, FieldSpec, FieldType, Filter, KindSchema, vocab};
use crate::model::{Kind, ReferralStatus};

const CLOSED: Cond = Cond::is_not("status", &["open"]);

pub static SCHEMA: KindSchema = KindSchema {
    kind: Kind::Referral,
    label_de: "Vermittlung",
    label_en: "Referral",
    fields: &[
        generated_id(),
        date(),
        FieldSpec::new("client", FieldType::Ref(Kind::Client))
            .required()
            .labels("Klient/in", "Client")
            .helps("Klientencode, z. B. K-7F3A", "Client code, e.g. K-7F3A"),
        FieldSpec::new("partner", FieldType::Ref(Kind::Partner))
            .required()
            .labels("Partner", "Partner")
            .helps("Kurzname des Partners", "Partner slug"),
        FieldSpec::new("topic", FieldType::Topic)
            .required()
            .labels("Thema", "Topic")
            .helps("Themencode der Vermittlung", "Topic code of the referral"),
        FieldSpec::new("appointment", FieldType::Ref(Kind::Appointment))
            .labels("Termin", "Appointment")
            .helps(
                "ID des Beratungstermins, aus dem sie kam",
                "Id of the consultation it came from",
            )
            .form_helps(
                "Der Beratungstermin, aus dem sie kam",
                "The consultation it came from",
            ),
        FieldSpec::new(
            "status",
            FieldType::Code(vocab::<ReferralStatus>("ReferralStatus")),
        )
        .required()
        .default(DefaultValue::Value("open"))
        .labels("Status", "Status")
        .helps(
            "open, done, failed oder withdrawn",
            "open, done, failed or withdrawn",
        ),
        FieldSpec::new("follow_up", FieldType::Date)
            .labels("Wiedervorlage", "Follow-up")
            .helps("Tag zum Nachfragen", "Day to follow up"),
        FieldSpec::new("closed", FieldType::Date)
            .required_when(CLOSED)
            .only_when(CLOSED)
            .when_missing("referral-needs-closed")
            .when_not_allowed("referral-open-closed")
            .labels("Abgeschlossen", "Closed")
            .helps(
                "Tag des Abschlusses (nur wenn nicht mehr open)",
                "Day it was closed (only when no longer open)",
            ),
        FieldSpec::new("outcome", FieldType::FreeText)
            .asked_when(CLOSED)
            .labels("Ergebnis", "Outcome")
            .helps(
                "Ergebnis in Worten; keine personenbezogenen Daten",
                "Outcome in words; no personal data",
            ),
        staff(),
        notes(),
    ],
    filters: &[
        Filter::on("status"),
        Filter::on("client"),
        Filter::on("partner"),
        Filter::on("topic"),
        Filter::on("staff"),
    ],
};
