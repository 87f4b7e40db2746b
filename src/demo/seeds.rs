//! The partners and sponsors of the sample office.

use super::*;

pub(super) struct PartnerSeed {
    pub(super) slug: &'static str,
    pub(super) name: &'static str,
    pub(super) kind: PartnerKind,
    pub(super) offers: &'static [&'static str],
    pub(super) languages: &'static [&'static str],
    pub(super) address: &'static str,
    pub(super) notes: &'static str,
}

impl PartnerSeed {
    /// The partner's record; `n` numbers its phone line. Phone numbers lie in
    /// the range the Bundesnetzagentur keeps free for fiction (030 23125 000–999)
    /// and websites under the reserved `.example` domain, so that no printed
    /// guide of the sample points to a real line or site.
    pub(super) fn record(&self, id: String, name: String, n: usize) -> Partner {
        let website = Some(format!("https://www.{id}.example"));
        Partner {
            offers: strings(self.offers),
            languages: strings(self.languages),
            address: Some(self.address.to_string()),
            phone: Some(format!("030 23125 {:03}", n % 1000)),
            website,
            notes: Some(self.notes.to_string()),
            ..Partner::new(id, name, self.kind)
        }
    }
}

pub(super) const PARTNERS: &[PartnerSeed] = &[
    PartnerSeed {
        slug: "jobcenter-west",
        name: "Jobcenter Leipzig, Geschäftsstelle West",
        kind: PartnerKind::Authority,
        offers: &["employment", "benefits", "language"],
        languages: &["de", "en"],
        address: "Leipzig-Lindenau",
        notes: "Termine nur nach Vereinbarung; Eingangszone mit Wartenummern.",
    },
    PartnerSeed {
        slug: "auslaenderbehoerde",
        name: "Ausländerbehörde der Stadt Leipzig",
        kind: PartnerKind::Authority,
        offers: &["residence", "family", "authorities"],
        languages: &["de", "en"],
        address: "Leipzig-Zentrum",
        notes: "Termine über das Online-Portal der Stadt; lange Wartezeiten bei Verlängerungen.",
    },
    PartnerSeed {
        slug: "mbe-west",
        name: "Migrationsberatung für Erwachsene (MBE) im Leipziger Westen",
        kind: PartnerKind::Counselling,
        offers: &[
            "residence",
            "language",
            "employment",
            "recognition",
            "family",
            "authorities",
            "benefits",
        ],
        languages: &["de", "ar", "fa", "ru", "uk", "en"],
        address: "Leipzig-Altlindenau",
        notes: "Offene Sprechstunde dienstags vormittags, sonst mit Termin.",
    },
    PartnerSeed {
        slug: "jmd-leipzig",
        name: "Jugendmigrationsdienst Leipzig",
        kind: PartnerKind::Counselling,
        offers: &["education", "language", "employment", "residence"],
        languages: &["de", "ar", "fa", "en"],
        address: "Leipzig-Lindenau",
        notes: "Für junge Menschen von 12 bis 27 Jahren.",
    },
    PartnerSeed {
        slug: "sprachschule-lindenau",
        name: "Sprachschule am Lindenauer Markt (Integrationskurse)",
        kind: PartnerKind::LanguageCourse,
        offers: &["language"],
        languages: &["de", "en", "ar", "uk"],
        address: "Leipzig-Lindenau",
        notes: "Integrationskurse mit Kinderbetreuung, Alphabetisierungskurse.",
    },
    PartnerSeed {
        slug: "bildungszentrum-west",
        name: "Bildungszentrum West – Integrations- und Berufssprachkurse",
        kind: PartnerKind::LanguageCourse,
        offers: &["language", "employment"],
        languages: &["de", "ru", "uk", "en"],
        address: "Leipzig-Plagwitz",
        notes: "Berufssprachkurse B2 und C1, auch abends.",
    },
    PartnerSeed {
        slug: "ausbildung-und-arbeit",
        name: "Beschäftigungsträger West – Ausbildungs- und Jobvermittlung",
        kind: PartnerKind::Employment,
        offers: &["employment", "recognition"],
        languages: &["de", "en", "ar"],
        address: "Leipzig-Plagwitz",
        notes: "Vermittlung in Praktika und Ausbildung, Bewerbungscoaching.",
    },
    PartnerSeed {
        slug: "anerkennungsberatung",
        name: "Anerkennungs- und Qualifizierungsberatung Leipzig",
        kind: PartnerKind::Counselling,
        offers: &["recognition", "employment"],
        languages: &["de", "en", "ar", "ru", "uk"],
        address: "Leipzig-Zentrum",
        notes: "Beratung zu Anerkennungsverfahren und Anpassungsqualifizierung.",
    },
    PartnerSeed {
        slug: "kita-schule-beratung",
        name: "Kita- und Schulberatung für zugewanderte Familien",
        kind: PartnerKind::Education,
        offers: &["education", "family"],
        languages: &["de", "ar", "uk", "ru"],
        address: "Leipzig-Neulindenau",
        notes: "Hilft bei Kita-Suche, Schulanmeldung und Bildungs- und Teilhabepaket.",
    },
    PartnerSeed {
        slug: "gesundheitslotsen",
        name: "Gesundheitslotsen für Zugewanderte",
        kind: PartnerKind::Health,
        offers: &["health"],
        languages: &["de", "ar", "fa", "ti", "en"],
        address: "Leipzig-Lindenau",
        notes: "Begleitung zu Arztterminen, Vermittlung von Sprachmittlung.",
    },
    PartnerSeed {
        slug: "psychosoziales-zentrum",
        name: "Psychosoziales Zentrum für Geflüchtete",
        kind: PartnerKind::Health,
        offers: &["health", "family"],
        languages: &["de", "ar", "fa", "ku", "en"],
        address: "Leipzig-Zentrum-Süd",
        notes: "Psychosoziale Beratung und Therapie, Wartezeit einplanen.",
    },
    PartnerSeed {
        slug: "wohnhilfe-west",
        name: "Wohnungsnotfallhilfe und Mieterberatung West",
        kind: PartnerKind::Housing,
        offers: &["housing", "benefits"],
        languages: &["de", "en", "ru"],
        address: "Leipzig-Leutzsch",
        notes: "Beratung bei Wohnungssuche, Mietschulden und drohendem Wohnungsverlust.",
    },
    PartnerSeed {
        slug: "rechtsberatung-gefluechtete",
        name: "Rechtsberatung für Geflüchtete (Law Clinic)",
        kind: PartnerKind::Legal,
        offers: &["residence", "family", "authorities"],
        languages: &["de", "en", "fr", "ar", "fa"],
        address: "Leipzig-Zentrum",
        notes: "Kostenlose Beratung im Asyl- und Aufenthaltsrecht, Termine vorab anfragen.",
    },
    PartnerSeed {
        slug: "schuldnerberatung-west",
        name: "Schuldner- und Insolvenzberatung West",
        kind: PartnerKind::Counselling,
        offers: &["debts", "benefits"],
        languages: &["de", "en", "ru"],
        address: "Leipzig-Kleinzschocher",
        notes: "Wartezeit auf einen Ersttermin meist einige Wochen.",
    },
    PartnerSeed {
        slug: "nachbarschaftsverein-lindenau",
        name: "Nachbarschaftsverein Lindenau e. V.",
        kind: PartnerKind::Association,
        offers: &["other", "language", "family"],
        languages: &["de", "ar", "uk", "fa", "en"],
        address: "Leipzig-Lindenau",
        notes: "Sprachcafé mittwochs, Hausaufgabenhilfe, Nachbarschaftsfeste.",
    },
    PartnerSeed {
        slug: "frauentreff-plagwitz",
        name: "Interkultureller Frauentreff Plagwitz e. V.",
        kind: PartnerKind::Association,
        offers: &["family", "education", "other"],
        languages: &["de", "ar", "fa", "ti", "uk"],
        address: "Leipzig-Plagwitz",
        notes: "Offener Treff mit Kinderbetreuung, Deutschkurs für Frauen.",
    },
    PartnerSeed {
        slug: "sprachmittlung-pool",
        name: "Gemeindedolmetschdienst Leipzig",
        kind: PartnerKind::Other,
        offers: &["health", "authorities", "other"],
        languages: &["ar", "fa", "ps", "ti", "uk", "ru", "tr", "ku", "so"],
        address: "Leipzig-Zentrum",
        notes: "Vermittelt Sprachmittlung für Termine bei Ämtern, Schulen und Praxen.",
    },
];

pub(super) struct SponsorSeed {
    pub(super) slug: &'static str,
    pub(super) name: &'static str,
    pub(super) project: &'static str,
    pub(super) field: Field,
    pub(super) start: (i32, u32, u32),
    pub(super) end: Option<(i32, u32, u32)>,
    pub(super) contact: &'static str,
    pub(super) notes: &'static str,
    /// Last day with meetings: makes the sponsor stale at the end of the data.
    pub(super) stale_after: Option<(i32, u32, u32)>,
}

pub(super) const SPONSORS: &[SponsorSeed] = &[
    SponsorSeed {
        slug: "kinderhaus-lindenau",
        name: "Kinder- und Jugendhaus Lindenau e. V.",
        project: "Lernwerkstatt Lindenau – Lernförderung für Kinder aus zugewanderten Familien",
        field: Field::YouthEducation,
        start: (2024, 1, 1),
        end: Some((2027, 3, 31)),
        contact: "Projektleitung",
        notes: "Arbeitet eng mit zwei Grundschulen im Stadtteil zusammen.",
        stale_after: None,
    },
    SponsorSeed {
        slug: "jugendwerkstatt-west",
        name: "Jugendwerkstatt Leipziger Westen gGmbH",
        project: "Medienwerkstatt für Jugendliche",
        field: Field::YouthEducation,
        start: (2024, 3, 1),
        end: None,
        contact: "Projektkoordination",
        notes: "",
        stale_after: None,
    },
    SponsorSeed {
        slug: "demokratieladen-plagwitz",
        name: "Demokratieladen Plagwitz e. V.",
        project: "Mitreden im Quartier – politische Bildung für Neuzugewanderte",
        field: Field::CivicEducation,
        start: (2024, 1, 1),
        end: Some((2027, 12, 31)),
        contact: "Geschäftsführung",
        notes: "Veranstaltungen oft mit Sprachmittlung Arabisch und Ukrainisch.",
        stale_after: None,
    },
    SponsorSeed {
        slug: "stadtteilakademie-west",
        name: "Stadtteilakademie West e. V.",
        project: "Quartiersdialoge – Nachbarschaft gestalten",
        field: Field::CivicEducation,
        start: (2025, 4, 1),
        end: None,
        contact: "Projektleitung",
        notes: "Seit dem Sommer schwer erreichbar; Personalwechsel beim Träger.",
        stale_after: Some((2026, 7, 20)),
    },
    SponsorSeed {
        slug: "arbeit-im-quartier",
        name: "Beschäftigungsinitiative Westen gGmbH",
        project: "Brücken in Arbeit – Coaching für Langzeitarbeitslose",
        field: Field::EmploymentIntegration,
        start: (2023, 9, 1),
        end: Some((2027, 8, 31)),
        contact: "Projektleitung",
        notes: "",
        stale_after: None,
    },
    SponsorSeed {
        slug: "frauenbildungswerk-lindenau",
        name: "Frauenbildungswerk Lindenau e. V.",
        project: "Frauen in Arbeit – Berufsorientierung für Migrantinnen",
        field: Field::EmploymentIntegration,
        start: (2024, 1, 1),
        end: Some((2026, 6, 30)),
        contact: "Projektleitung",
        notes: "Projekt planmäßig beendet; Verwendungsnachweis eingereicht.",
        stale_after: None,
    },
    SponsorSeed {
        slug: "ausbildungslotsen-west",
        name: "Ausbildungslotsen Leipzig-West e. V.",
        project: "Lotsen in Ausbildung – Begleitung junger Geflüchteter",
        field: Field::EmploymentIntegration,
        start: (2025, 1, 1),
        end: None,
        contact: "Projektkoordination",
        notes: "",
        stale_after: None,
    },
    SponsorSeed {
        slug: "jugendbeteiligung-kleinzschocher",
        name: "Jugendtreff Kleinzschocher e. V.",
        project: "Jugend macht Stadtteil – Beteiligung in Kleinzschocher",
        field: Field::YouthEducation,
        start: (2026, 2, 1),
        end: None,
        contact: "Projektleitung",
        notes: "Neues Projekt seit Februar 2026.",
        stale_after: None,
    },
];

pub(super) const YOUTH_ORGS: &[(&str, &str)] = &[
    ("jugendhilfe-west", "Jugendhilfe West e. V."),
    (
        "familienzentrum-leutzsch",
        "Kinder- und Familienzentrum Leutzsch e. V.",
    ),
    ("lernhaus-neulindenau", "Lernhaus Neulindenau gGmbH"),
    ("jugendkultur-plagwitz", "Jugendkulturverein Plagwitz e. V."),
];

pub(super) const YOUTH_PROJECTS: &[&str] = &[
    "Lernpaten im Quartier",
    "Ferienakademie West",
    "Medienkompetenz für Jugendliche",
    "Sprachförderung am Nachmittag",
];

pub(super) const CIVIC_ORGS: &[(&str, &str)] = &[
    ("buergerforum-lindenau", "Bürgerforum Lindenau e. V."),
    ("forum-demokratie-west", "Forum Demokratie West e. V."),
    (
        "quartiersrat-kleinzschocher",
        "Quartiersrat Kleinzschocher e. V.",
    ),
];

pub(super) const CIVIC_PROJECTS: &[&str] = &[
    "Nachbarschaftsdialoge",
    "Demokratie vor Ort",
    "Beteiligungswerkstatt",
    "Stadtteilzeitung von und für Neuzugewanderte",
];

pub(super) const EMPLOYMENT_ORGS: &[(&str, &str)] = &[
    ("arbeitsladen-west", "Arbeitsladen West gGmbH"),
    (
        "qualifizierungswerk-west",
        "Qualifizierungswerk Leipzig-West gGmbH",
    ),
    ("berufsbruecke", "Berufsbrücke e. V."),
];

pub(super) const EMPLOYMENT_PROJECTS: &[&str] = &[
    "Wege in Arbeit",
    "Coaching für Alleinerziehende",
    "Sprache und Beruf",
    "Jobcafé im Stadtteil",
];
