//! The material the sample is made of: names, weights, note texts, event
//! templates.

use super::*;

pub(super) const DISTRICTS: [&str; 6] = [
    "Altlindenau",
    "Lindenau",
    "Neulindenau",
    "Leutzsch",
    "Plagwitz",
    "Kleinzschocher",
];

pub(super) const STAFF: [(&str, &str, bool); 3] = [
    ("eb", "Elif B.", false),
    ("mk", "Martin K.", true),
    ("ts", "Tanja S.", false),
];

pub(super) const EXTRA_FIRST_NAMES: &[&str] = &[
    "Anna", "Jonas", "Leyla", "Paul", "Mira", "Samir", "Katrin", "Felix", "Nadia", "Tom", "Olga",
    "Yusuf", "Jana", "Daniel", "Hanna", "Karim", "Ines", "Robert", "Dilara", "Sven",
];

/// Languages the staff speak without an interpreter.
pub(super) const STAFF_LANGUAGES: [&str; 4] = ["de", "en", "ru", "ar"];

/// Consultations per month, in thousandths of the average (January first).
pub(super) const MONTH_FACTOR: [u64; 12] = [
    1000, 1050, 1100, 1000, 1000, 950, 850, 700, 1050, 1100, 1050, 750,
];

pub(super) struct Origin {
    pub(super) code: Option<&'static str>,
    pub(super) languages: &'static [&'static [&'static str]],
    pub(super) residence: &'static [(Residence, u32)],
}

use Residence as R;

pub(super) const ORIGINS: &[(Origin, u32)] = &[
    (
        Origin {
            code: Some("SY"),
            languages: &[
                &["ar"],
                &["ar"],
                &["ar", "ku"],
                &["ar", "en"],
                &["ar", "de"],
            ],
            residence: &[
                (R::RecognisedRefugee, 45),
                (R::ResidencePermit, 35),
                (R::AsylumSeeker, 10),
                (R::Tolerated, 5),
                (R::Unknown, 5),
            ],
        },
        20,
    ),
    (
        Origin {
            code: Some("AF"),
            languages: &[&["fa"], &["fa", "ps"], &["ps"], &["fa", "en"]],
            residence: &[
                (R::AsylumSeeker, 35),
                (R::Tolerated, 20),
                (R::RecognisedRefugee, 20),
                (R::ResidencePermit, 20),
                (R::Unknown, 5),
            ],
        },
        14,
    ),
    (
        Origin {
            code: Some("UA"),
            languages: &[
                &["uk", "ru"],
                &["uk"],
                &["ru"],
                &["uk", "en"],
                &["uk", "de"],
            ],
            residence: &[(R::ResidencePermit, 85), (R::Other, 5), (R::Unknown, 10)],
        },
        18,
    ),
    (
        Origin {
            code: Some("IQ"),
            languages: &[&["ar"], &["ku", "ar"], &["ar", "en"]],
            residence: &[
                (R::AsylumSeeker, 25),
                (R::Tolerated, 20),
                (R::RecognisedRefugee, 30),
                (R::ResidencePermit, 20),
                (R::Unknown, 5),
            ],
        },
        7,
    ),
    (
        Origin {
            code: Some("ER"),
            languages: &[&["ti"], &["ti", "ar"], &["ti", "en"]],
            residence: &[
                (R::RecognisedRefugee, 50),
                (R::AsylumSeeker, 30),
                (R::ResidencePermit, 20),
            ],
        },
        5,
    ),
    (
        Origin {
            code: Some("TR"),
            languages: &[&["tr"], &["ku", "tr"], &["tr", "de"]],
            residence: &[
                (R::AsylumSeeker, 50),
                (R::ResidencePermit, 40),
                (R::Unknown, 10),
            ],
        },
        5,
    ),
    (
        Origin {
            code: Some("RU"),
            languages: &[&["ru"], &["ru", "en"]],
            residence: &[
                (R::ResidencePermit, 50),
                (R::AsylumSeeker, 40),
                (R::Other, 10),
            ],
        },
        4,
    ),
    (
        Origin {
            code: Some("VN"),
            languages: &[&["vi"], &["vi", "de"]],
            residence: &[(R::ResidencePermit, 80), (R::Other, 10), (R::Unknown, 10)],
        },
        4,
    ),
    (
        Origin {
            code: Some("IR"),
            languages: &[&["fa"], &["fa", "en"]],
            residence: &[
                (R::AsylumSeeker, 50),
                (R::RecognisedRefugee, 30),
                (R::ResidencePermit, 20),
            ],
        },
        4,
    ),
    (
        Origin {
            code: Some("SO"),
            languages: &[&["so"], &["so", "ar"]],
            residence: &[
                (R::AsylumSeeker, 40),
                (R::Tolerated, 30),
                (R::RecognisedRefugee, 30),
            ],
        },
        2,
    ),
    (
        Origin {
            code: Some("GE"),
            languages: &[&["ka"], &["ka", "ru"]],
            residence: &[(R::AsylumSeeker, 60), (R::Tolerated, 30), (R::Other, 10)],
        },
        2,
    ),
    (
        Origin {
            code: Some("MD"),
            languages: &[&["ro", "ru"]],
            residence: &[(R::ResidencePermit, 60), (R::Other, 40)],
        },
        1,
    ),
    (
        Origin {
            code: Some("PL"),
            languages: &[&["pl"], &["pl", "de"]],
            residence: &[(R::EuCitizen, 1)],
        },
        2,
    ),
    (
        Origin {
            code: Some("RO"),
            languages: &[&["ro"], &["ro", "en"]],
            residence: &[(R::EuCitizen, 1)],
        },
        2,
    ),
    (
        Origin {
            code: Some("BG"),
            languages: &[&["bg"], &["bg", "tr"]],
            residence: &[(R::EuCitizen, 1)],
        },
        2,
    ),
    (
        Origin {
            code: Some("PK"),
            languages: &[&["ur", "en"]],
            residence: &[(R::AsylumSeeker, 60), (R::ResidencePermit, 40)],
        },
        1,
    ),
    (
        Origin {
            code: Some("NG"),
            languages: &[&["en"]],
            residence: &[(R::AsylumSeeker, 60), (R::ResidencePermit, 40)],
        },
        1,
    ),
    (
        Origin {
            code: Some("LB"),
            languages: &[&["ar", "fr"]],
            residence: &[(R::ResidencePermit, 70), (R::AsylumSeeker, 30)],
        },
        1,
    ),
    (
        Origin {
            code: Some("DE"),
            languages: &[&["de"]],
            residence: &[(R::German, 1)],
        },
        3,
    ),
    (
        Origin {
            code: None,
            languages: &[&["de"], &["ar"], &[]],
            residence: &[(R::Unknown, 1)],
        },
        3,
    ),
];

pub(super) const GENDERS: &[(Gender, u32)] = &[
    (Gender::Female, 48),
    (Gender::Male, 46),
    (Gender::Diverse, 1),
    (Gender::Unknown, 5),
];

pub(super) const EMPLOYMENT: &[(Employment, u32)] = &[
    (Employment::Employed, 16),
    (Employment::SelfEmployed, 2),
    (Employment::Unemployed, 24),
    (Employment::LongTermUnemployed, 10),
    (Employment::Inactive, 14),
    (Employment::InEducation, 12),
    (Employment::Unknown, 22),
];

pub(super) const CLIENT_DISTRICTS: &[(Option<&str>, u32)] = &[
    (Some("Altlindenau"), 14),
    (Some("Lindenau"), 20),
    (Some("Neulindenau"), 12),
    (Some("Leutzsch"), 12),
    (Some("Plagwitz"), 12),
    (Some("Kleinzschocher"), 14),
    (Some("outside"), 9),
    (None, 7),
];

pub(super) const TOPIC_WEIGHTS: &[(&str, u32)] = &[
    ("residence", 14),
    ("language", 12),
    ("employment", 12),
    ("recognition", 5),
    ("education", 9),
    ("housing", 10),
    ("health", 7),
    ("benefits", 13),
    ("family", 7),
    ("authorities", 14),
    ("other", 4),
    ("debts", 3),
];

/// Topics a referral can be about (every one has partners offering it).
pub(super) const REFERRAL_TOPICS: &[&str] = &[
    "residence",
    "language",
    "employment",
    "recognition",
    "education",
    "housing",
    "health",
    "benefits",
    "family",
    "authorities",
    "other",
    "debts",
];

pub(super) const CLIENT_NOTES: &[&str] = &[
    "Kommt meist mit der Tochter, die übersetzt.",
    "Bevorzugt Termine am Vormittag wegen der Kinderbetreuung.",
    "Hört schlecht, bitte langsam und deutlich sprechen.",
    "Alleinerziehend, drei Kinder im Grundschulalter.",
    "Arbeitet im Schichtdienst, Termine nur donnerstags möglich.",
    "Eine Schwester wohnt im Stadtteil und hilft bei Terminen.",
    "Ist über den Frauentreff zu uns gekommen.",
    "Wurde vom Jobcenter auf die Sprechstunde hingewiesen.",
    "Möchte von einer Beraterin beraten werden.",
    "Bringt Unterlagen meist vollständig mit.",
    "Lesen geht gut, Schreiben auf Deutsch fällt noch schwer.",
    "Kam zuerst zum Sprachcafé des Nachbarschaftsvereins.",
];

pub(super) fn topic_notes(topic: &str) -> &'static [&'static str] {
    match topic {
        "residence" => &[
            "Fragen zur Verlängerung der Aufenthaltserlaubnis; Unterlagen für die Ausländerbehörde zusammengestellt.",
            "Stand des Asylverfahrens besprochen, Schreiben des Bundesamts erklärt.",
            "Beratung zur Beschäftigungsduldung und ihren Voraussetzungen.",
            "Termin bei der Ausländerbehörde vorbereitet, Checkliste mitgegeben.",
            "Fragen zur Einbürgerung: Voraussetzungen und Sprachnachweis erklärt.",
        ],
        "language" => &[
            "Sucht einen Integrationskurs mit Kinderbetreuung.",
            "Anmeldung zum B1-Kurs besprochen, Berechtigungsschein liegt vor.",
            "Wartet auf einen Platz im Alphabetisierungskurs.",
            "Möchte nach dem Integrationskurs einen Berufssprachkurs besuchen.",
        ],
        "employment" => &[
            "Lebenslauf gemeinsam überarbeitet, Bewerbung vorbereitet.",
            "Interesse an einer Ausbildung in der Pflege, Wege dorthin besprochen.",
            "Fragen zum Arbeitsvertrag und zur Probezeit.",
            "Sucht Minijob neben dem Sprachkurs.",
        ],
        "recognition" => &[
            "Anerkennung des Pflegeabschlusses: Unterlagen und Übersetzungen besprochen.",
            "Hochschulabschluss als Ingenieurin, Weg zur Anerkennung erklärt.",
            "Zeugnisse liegen nur teilweise vor, Möglichkeiten besprochen.",
        ],
        "education" => &[
            "Sucht Kita-Platz für zwei Kinder, Kita-Portal gemeinsam angesehen.",
            "Schulanmeldung für die Tochter, Vorbereitungsklasse erklärt.",
            "Fragen zum Bildungs- und Teilhabepaket für die Kinder.",
            "Elterngespräch in der Schule vorbereitet.",
        ],
        "housing" => &[
            "Mieterhöhung erhalten, Schreiben gemeinsam gelesen.",
            "Sucht größere Wohnung, Antrag auf Wohnberechtigungsschein besprochen.",
            "Probleme mit Schimmel in der Wohnung, nächste Schritte besprochen.",
            "Nebenkostenabrechnung mit hoher Nachzahlung erklärt.",
        ],
        "health" => &[
            "Sucht eine Hausarztpraxis mit arabischsprachigem Personal.",
            "Fragen zur Krankenversicherung nach der Arbeitsaufnahme.",
            "Psychische Belastung angesprochen, Unterstützung angeboten.",
            "Vorsorgeuntersuchungen für das Baby erklärt.",
        ],
        "benefits" => &[
            "Bescheid des Jobcenters erklärt, Weiterbewilligungsantrag vorbereitet.",
            "Kindergeld und Kinderzuschlag besprochen.",
            "Fragen zum Bürgergeld nach dem Rechtskreiswechsel.",
            "Wohngeldantrag gemeinsam begonnen.",
        ],
        "family" => &[
            "Familiennachzug der Ehefrau: Ablauf und Unterlagen erklärt.",
            "Fragen zu Elternzeit und Elterngeld.",
            "Trennung, Fragen zu Unterhalt und Aufenthalt der Kinder.",
        ],
        "authorities" => &[
            "Behördenpost sortiert und erklärt.",
            "Antrag auf Befreiung vom Rundfunkbeitrag ausgefüllt.",
            "Termin beim Bürgeramt online gebucht.",
            "Widerspruchsfrist besprochen, Schreiben aufgesetzt.",
        ],
        "debts" => &[
            "Mehrere offene Rechnungen, Überblick über die Schulden erstellt.",
            "Mahnung eines Inkassobüros erhalten, Ratenzahlung besprochen.",
        ],
        _ => &[
            "Fragen zum Deutschlandticket und zum Leipzig-Pass.",
            "Sucht einen Sportverein für den Sohn.",
            "Möchte sich ehrenamtlich im Stadtteil engagieren.",
        ],
    }
}

pub(super) const CANCELLED_NOTES: &[&str] = &[
    "Kurzfristig abgesagt, Kind krank.",
    "Abgesagt wegen eines Termins bei der Ausländerbehörde.",
    "Abgesagt, neuer Termin vereinbart.",
    "Von uns abgesagt, Beraterin erkrankt.",
];

pub(super) const NO_SHOW_NOTES: &[&str] = &[
    "Nicht erschienen, neuer Termin wird angeboten.",
    "Nicht erschienen.",
];

pub(super) const PLANNED_NOTES: &[&str] = &[
    "Folgetermin: Unterlagen mitbringen.",
    "Sprachmittlung ist angefragt.",
    "Gemeinsam den Antrag fertig ausfüllen.",
];

pub(super) const OUTCOME_DONE: &[&str] = &[
    "Termin wahrgenommen, Anliegen geklärt.",
    "Platz im Kurs erhalten.",
    "Antrag gestellt und bewilligt.",
    "Beratung dort begonnen, läuft weiter.",
    "Unterlagen eingereicht, Rückmeldung positiv.",
];

pub(super) const OUTCOME_FAILED: &[&str] = &[
    "Keine freien Plätze, Warteliste.",
    "Termin kam nicht zustande, Stelle nicht erreichbar.",
    "Dort nicht zuständig, neue Vermittlung nötig.",
    "Wartezeit zu lang, Anliegen ungelöst.",
];

pub(super) const OUTCOME_WITHDRAWN: &[&str] = &[
    "Klient:in hat das Anliegen selbst geklärt.",
    "Klient:in ist aus Leipzig weggezogen.",
    "Anliegen hat sich erledigt.",
];

pub(super) const REFERRAL_NOTES: &[&str] = &[
    "Kontakt zur Stelle vorab hergestellt.",
    "Unterlagen mitgegeben.",
    "Sprachmittlung für den Termin angefragt.",
    "Kurzbericht mit Einverständnis weitergegeben.",
];

pub(super) const SPONSOR_TOPICS: &[&str] = &[
    "Zwischenbericht",
    "Mittelabruf",
    "Teilnehmendengewinnung",
    "Öffentlichkeitsarbeit",
    "Verwendungsnachweis",
    "Kooperation mit Schulen",
    "Netzwerktreffen",
    "Projektanpassung",
    "Indikatoren",
    "Räume",
];

pub(super) const SPONSOR_NOTES: &[&str] = &[
    "Stand der Teilnehmendenzahlen besprochen; Zwischenbericht wird vorbereitet.",
    "Vor-Ort-Besuch im Projekt, Gruppenangebot angesehen.",
    "Mittelabruf und Belegliste durchgesehen.",
    "Idee für eine gemeinsame Veranstaltung mit dem Frauentreff.",
    "Schwierigkeiten bei der Gewinnung von Teilnehmenden, Kontakte zu Partnern vermittelt.",
    "Indikatoren für den Jahresbericht abgestimmt.",
];

pub(super) const SPONSOR_CANCELLED_NOTES: &[&str] = &[
    "Vom Träger abgesagt, Projektleitung krank.",
    "Verschoben wegen Ferien.",
];

pub(super) const SPONSOR_NETWORK_NOTES: &[&str] = &[
    "Austausch zu Teilnehmendengewinnung und gemeinsamer Öffentlichkeitsarbeit.",
    "Vorstellung der neuen Projekte; Termine für das Stadtteilfest abgestimmt.",
    "Schwerpunkt Berichtswesen und Indikatoren im ESF Plus.",
];

pub(super) const EVENT_CANCELLED_NOTES: &[&str] = &[
    "Abgesagt: Referentin erkrankt.",
    "Abgesagt wegen zu weniger Anmeldungen.",
    "Abgesagt, Raum nicht verfügbar; wird nachgeholt.",
];

pub(super) const EVENT_LANGUAGES: &[&str] = &["ar", "uk", "fa", "ru", "ti", "tr"];

pub(super) const CONTACT_ROLES: &[&str] =
    &["Projektleitung", "Geschäftsführung", "Projektkoordination"];

#[derive(Clone, Copy)]
pub(super) struct EventTemplate {
    pub(super) title: &'static str,
    pub(super) topics: &'static [&'static str],
    pub(super) locations: &'static [&'static str],
    pub(super) notes: &'static [&'static str],
}

pub(super) const ROOMS: &[&str] = &[
    "Stadtteilbüro Leipziger Westen",
    "Nachbarschaftszentrum Lindenau",
    "Stadtteilbibliothek Plagwitz",
    "Gemeindesaal Kleinzschocher",
    "Jugendhaus Leutzsch",
    "Bürgersaal Neulindenau",
];

pub(super) const INFO_NOTES: &[&str] = &[
    "Rege Beteiligung, viele Nachfragen zu Einzelfällen; Folgetermine in der Sprechstunde vereinbart.",
    "Mit Sprachmittlung; Handout in mehreren Sprachen verteilt.",
    "Gut besucht, vor allem von Familien aus dem Stadtteil.",
    "Referentin der Partnerstelle hat viele Fragen direkt beantwortet.",
];

pub(super) const INFO_EVENTS: &[EventTemplate] = &[
    EventTemplate {
        title: "Infoabend: Anerkennung ausländischer Berufsabschlüsse",
        topics: &["recognition", "employment"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Kita-Anmeldung in Leipzig – so geht's",
        topics: &["education", "family"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Schule in Sachsen: Informationen für zugewanderte Eltern",
        topics: &["education"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Integrationskurse: Anmeldung, Kosten, Kinderbetreuung",
        topics: &["language"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Wohnungssuche im Leipziger Westen: Wohngeld und Wohnberechtigungsschein",
        topics: &["housing", "benefits"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Gesundheitsversorgung: Krankenversicherung und Arztsuche",
        topics: &["health"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Aufenthaltsrecht aktuell: Einbürgerung und Niederlassungserlaubnis",
        topics: &["residence"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Familiennachzug: Voraussetzungen und Ablauf",
        topics: &["family", "residence"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Arbeit und Ausbildung: Wege in den Leipziger Arbeitsmarkt",
        topics: &["employment"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Behördenpost verstehen: Bescheide, Fristen, Widerspruch",
        topics: &["authorities", "benefits"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
];

pub(super) const WORKSHOP_NOTES: &[&str] = &[
    "Kleine Gruppe, gut für Fragen; Wiederholung gewünscht.",
    "Teilnehmende haben eigene Unterlagen mitgebracht und bearbeitet.",
    "Mit Kinderbetreuung im Nebenraum.",
];

pub(super) const WORKSHOPS: &[EventTemplate] = &[
    EventTemplate {
        title: "Workshop Bewerbungstraining",
        topics: &["employment"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
    EventTemplate {
        title: "Workshop: Formulare gemeinsam ausfüllen",
        topics: &["authorities"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
    EventTemplate {
        title: "Elternworkshop: Kinder und Medien",
        topics: &["education", "family"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
    EventTemplate {
        title: "Workshop: Schulden vermeiden, Haushalt planen",
        topics: &["debts", "benefits"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
    EventTemplate {
        title: "Computerkurs: Termine bei Behörden online buchen",
        topics: &["authorities"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
];

pub(super) const OTHER_EVENTS: &[EventTemplate] = &[
    EventTemplate {
        title: "Interkulturelles Stadtteilfest Leipziger Westen",
        topics: &["other"],
        locations: &[
            "Platz vor dem Stadtteilbüro Leipziger Westen",
            "Stadtteilpark Plagwitz",
        ],
        notes: &[
            "Viele Stände der Partner; Beratungsangebote am Infotisch vorgestellt.",
            "Bei gutem Wetter sehr gut besucht, Kinderprogramm vom Jugendhaus.",
        ],
    },
    EventTemplate {
        title: "Tag der offenen Tür im Stadtteilbüro",
        topics: &["other"],
        locations: &["Stadtteilbüro Leipziger Westen"],
        notes: &["Nachbarschaft und Partner haben das Büro kennengelernt."],
    },
    EventTemplate {
        title: "Interkulturelles Frühstück",
        topics: &["other"],
        locations: &["Nachbarschaftszentrum Lindenau"],
        notes: &["Gemeinsam mit dem Frauentreff vorbereitet."],
    },
];

pub(super) const NETWORK_MIGRATION: EventTemplate = EventTemplate {
    title: "Netzwerktreffen Migration und Asyl im Leipziger Westen",
    topics: &["residence", "authorities"],
    locations: &[
        "Stadtteilbüro Leipziger Westen",
        "Nachbarschaftszentrum Lindenau",
    ],
    notes: &[
        "Austausch über Wartezeiten bei Integrationskursen und Kita-Plätzen.",
        "Neue Angebote der Partner vorgestellt; Wegweiser wird aktualisiert.",
        "Schwerpunkt Wohnraum: gemeinsame Liste von Ansprechstellen abgestimmt.",
    ],
};
