//! `appointments/YYYY/MM/<id>.toml`: consultations of clients, sponsor
//! meetings and (v2) consultations of organisations (a Kita, a sports club,
//! an authority) on intercultural opening.

use super::common::{date, generated_id, interpreter, notes, staff, time_now_during_hours};
use super::{Cond, DefaultValue, FieldSpec, FieldType, Filter, KindSchema, vocab};
use crate::model::{AppointmentKind, AppointmentStatus, Channel, Kind};

const CONSULTATION: Cond = Cond::is("kind", &["consultation"]);
const SPONSOR: Cond = Cond::is("kind", &["sponsor"]);
const ORGANISATION: Cond = Cond::is("kind", &["organisation"]);
/// The finding code (findings.toml) of a consultation-only key elsewhere.
const CONSULTATIONS_ONLY: &str = "consultations-only";

pub static SCHEMA: KindSchema = KindSchema {
    kind: Kind::Appointment,
    label_de: "Termin",
    label_en: "Appointment",
    fields: &[
        generated_id(),
        date(),
        time_now_during_hours(),
        FieldSpec::new("duration", FieldType::Minutes)
            .labels("Dauer (min)", "Duration (min)")
            .helps("Dauer in Minuten", "Length in minutes"),
        FieldSpec::new(
            "kind",
            FieldType::Code(vocab::<AppointmentKind>("AppointmentKind")),
        )
        .required()
        .labels("Art", "Kind")
        .helps(
            "consultation (Beratung), sponsor (Trägertermin) oder organisation (Beratung einer Organisation zur interkulturellen Öffnung)",
            "consultation, sponsor (sponsor meeting) or organisation (consultation of an organisation on intercultural opening)",
        ),
        FieldSpec::new(
            "status",
            FieldType::Code(vocab::<AppointmentStatus>("AppointmentStatus")),
        )
        .required()
        .default(DefaultValue::DoneWhenPast)
        .labels("Status", "Status")
        .helps(
            "Standard: done, wenn der Tag gekommen ist, sonst planned",
            "Default: done when the day has come, else planned",
        ),
        staff(),
        FieldSpec::new("channel", FieldType::Code(vocab::<Channel>("Channel")))
            .default(DefaultValue::Value("in-person"))
            .labels("Kanal", "Channel")
            .helps(
                "in-person (Standard), phone, video oder message",
                "in-person (default), phone, video or message",
            ),
        FieldSpec::new("client", FieldType::Ref(Kind::Client))
            .required_when(CONSULTATION)
            .only_when(CONSULTATION)
            .when_not_allowed("appointment-no-client")
            .labels("Klient/in", "Client")
            .helps(
                "Klientencode (Beratungen), z. B. K-7F3A",
                "Client code (consultations), e.g. K-7F3A",
            ),
        FieldSpec::new("sponsor", FieldType::Ref(Kind::Sponsor))
            .required_when(SPONSOR)
            .only_when(SPONSOR)
            .when_not_allowed("appointment-no-sponsor")
            .labels("Träger", "Sponsor")
            .helps(
                "Kurzname des Trägers (Trägertermine)",
                "Sponsor slug (sponsor meetings)",
            ),
        FieldSpec::new("partner", FieldType::Ref(Kind::Partner))
            .required_when(ORGANISATION)
            .only_when(ORGANISATION)
            .when_missing("appointment-needs-partner")
            .when_not_allowed("appointment-no-partner")
            .labels("Organisation", "Organisation")
            .helps(
                "Kurzname der beratenen Organisation aus dem Partnerverzeichnis (Organisationsberatung)",
                "Slug of the organisation consulted, from the partner directory (organisation consultations)",
            )
            .form_helps(
                "Die beratene Organisation aus dem Partnerverzeichnis",
                "The organisation consulted, from the partner directory",
            ),
        FieldSpec::new(
            "topics",
            FieldType::Topics {
                free_words_when: Some(SPONSOR),
            },
        )
        .labels("Themen", "Topics")
        .helps(
            "Themencodes (Beratungen, Organisationsberatungen, z. B. intercultural-opening) oder freie Stichworte (Trägertermine), mit Kommas",
            "Topic codes (consultations, organisation consultations, e.g. intercultural-opening) or free words (sponsor meetings), commas",
        ),
        FieldSpec::new("language", FieldType::Language)
            .only_when(CONSULTATION)
            .when_not_allowed(CONSULTATIONS_ONLY)
            .labels("Sprache", "Language")
            .helps(
                "Sprache des Gesprächs (ISO 639-1), z. B. ar",
                "Language of the conversation (ISO 639-1), e.g. ar",
            ),
        interpreter()
            .only_when(CONSULTATION)
            .when_not_allowed(CONSULTATIONS_ONLY),
        FieldSpec::new("family_members", FieldType::Count)
            .only_when(CONSULTATION)
            .when_not_allowed(CONSULTATIONS_ONLY)
            .default(DefaultValue::Value("0"))
            .labels("Familienangehörige", "Family members")
            .helps(
                "Mitberatene Angehörige der Klientin oder des Klienten",
                "Relatives counselled alongside the client",
            ),
        notes(),
    ],
    filters: &[
        Filter::on("status"),
        Filter::on("kind"),
        Filter::on("staff"),
        Filter::on("client"),
        Filter::on("sponsor"),
        Filter::on("partner"),
        Filter::on("topics").flag("topic"),
    ],
};
