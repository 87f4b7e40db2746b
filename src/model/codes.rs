//! The closed vocabularies of the record format: every enum value a record may
//! hold, its code (as written in TOML and JSON) and its German and English label.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// Language of labels in tables and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the German or the English text.
    pub fn pick<'a>(self, de: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }
}

impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::De, Lang::En]
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.code()))
    }
}

/// A closed set of codes with labels in both languages.
pub trait Code: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn label(self, lang: Lang) -> &'static str;

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }

    /// "a | b | c", for error messages: the codes a record holds, in German
    /// each with its label, "done (stattgefunden) | …", so the office reads
    /// which code means what (English labels say what the codes say).
    fn choices() -> String {
        Self::choices_in(crate::i18n::lang())
    }

    /// [`Code::choices`] in `lang`.
    fn choices_in(lang: Lang) -> String {
        Self::ALL
            .iter()
            .map(|v| match lang {
                Lang::De => format!("{} ({})", v.code(), v.label(lang)),
                Lang::En => v.code().to_string(),
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $de:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl Code for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            fn label(self, lang: Lang) -> &'static str {
                match self { $($name::$variant => lang.pick($de, $en)),+ }
            }
        }

        impl $name {
            pub fn code(self) -> &'static str { Code::code(self) }
            pub fn label(self, lang: Lang) -> &'static str { Code::label(self, lang) }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(Code::code(*self))
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                <Self as Code>::from_code(s)
                    .ok_or_else(|| crate::tr!("input.not-a-choice", input = s, choices = <Self as Code>::choices()))
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(Code::code(*self))
            }
        }

        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] { <Self as Code>::ALL }
            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(Code::code(*self)).help(Code::label(*self, Lang::En)))
            }
        }
    };
}

code_enum!(
    /// The ESF field a sponsor's project belongs to.
    Field {
        YouthEducation = "youth-education", "Kinder- und Jugendbildung", "Youth education";
        CivicEducation = "civic-education", "Politische Bildung", "Civic education";
        EmploymentIntegration = "employment-integration", "Soziale Inklusion / Arbeitsmarktintegration", "Integration into employment";
    }
);

code_enum!(
    SponsorStatus {
        Active = "active", "aktiv", "active";
        Ended = "ended", "beendet", "ended";
    }
);

code_enum!(
    /// Whether a sponsor's project goes on after the funding (*Verstetigung*).
    Continuation {
        Open = "open", "offen", "open";
        Planned = "planned", "geplant", "planned";
        Secured = "secured", "gesichert", "secured";
        Ending = "ending", "endet", "ending";
    }
);

code_enum!(
    /// What a sponsor has to hand in by a deadline.
    DeadlineKind {
        Sachbericht = "sachbericht", "Sachbericht", "Progress report";
        Mittelabruf = "mittelabruf", "Mittelabruf", "Funds request";
        Verwendungsnachweis = "verwendungsnachweis", "Verwendungsnachweis", "Statement of expenditure";
        ParticipantData = "participant-data", "Teilnehmendendaten", "Participant data";
        Other = "other", "Sonstige Frist", "Other deadline";
    }
);

code_enum!(
    /// What kind of organisation a partner is.
    PartnerKind {
        Authority = "authority", "Behörde", "Authority";
        Counselling = "counselling", "Beratungsstelle", "Counselling";
        LanguageCourse = "language-course", "Sprachkursträger", "Language course";
        Employment = "employment", "Arbeit und Ausbildung", "Employment";
        Education = "education", "Bildung", "Education";
        Health = "health", "Gesundheit", "Health";
        Housing = "housing", "Wohnen", "Housing";
        Legal = "legal", "Rechtsberatung", "Legal advice";
        Association = "association", "Verein", "Association";
        Other = "other", "Sonstige", "Other";
    }
);

code_enum!(
    Gender {
        Female = "f", "weiblich", "female";
        Male = "m", "männlich", "male";
        Diverse = "d", "divers", "diverse";
        Unknown = "unknown", "unbekannt", "unknown";
    }
);

code_enum!(
    Residence {
        AsylumSeeker = "asylum-seeker", "Asylsuchend", "Asylum seeker";
        Tolerated = "tolerated", "Duldung", "Tolerated";
        ResidencePermit = "residence-permit", "Aufenthaltserlaubnis", "Residence permit";
        RecognisedRefugee = "recognised-refugee", "Anerkannter Flüchtling", "Recognised refugee";
        EuCitizen = "eu-citizen", "EU-Bürger/in", "EU citizen";
        German = "german", "Deutsche Staatsangehörigkeit", "German citizen";
        Other = "other", "Sonstiges", "Other";
        Unknown = "unknown", "unbekannt", "unknown";
    }
);

code_enum!(
    Employment {
        Employed = "employed", "erwerbstätig", "employed";
        SelfEmployed = "self-employed", "selbstständig", "self-employed";
        Unemployed = "unemployed", "arbeitslos", "unemployed";
        LongTermUnemployed = "long-term-unemployed", "langzeitarbeitslos", "long-term unemployed";
        Inactive = "inactive", "nicht erwerbstätig", "inactive";
        InEducation = "in-education", "in Ausbildung", "in education";
        Unknown = "unknown", "unbekannt", "unknown";
    }
);

code_enum!(
    AppointmentKind {
        Consultation = "consultation", "Beratung", "Consultation";
        Sponsor = "sponsor", "Trägertermin", "Sponsor meeting";
        Organisation = "organisation", "Organisationsberatung", "Organisation consultation";
    }
);

code_enum!(
    AppointmentStatus {
        Planned = "planned", "geplant", "planned";
        Done = "done", "stattgefunden", "done";
        Cancelled = "cancelled", "abgesagt", "cancelled";
        NoShow = "no-show", "nicht erschienen", "no-show";
    }
);

code_enum!(
    /// How a consultation took place; absent means in person.
    Channel {
        InPerson = "in-person", "persönlich", "in person";
        Phone = "phone", "Telefon", "phone";
        Video = "video", "Video", "video";
        Message = "message", "Nachricht", "message";
    }
);

code_enum!(
    /// How a short contact came about (SPEC §1.2 contacts).
    ContactKind {
        WalkIn = "walk-in", "Besuch ohne Termin", "Walk-in";
        Phone = "phone", "Telefon", "Phone";
        Email = "email", "E-Mail", "E-mail";
        Message = "message", "Nachricht", "Message";
        Other = "other", "Sonstiges", "Other";
    }
);

code_enum!(
    ReferralStatus {
        Open = "open", "offen", "open";
        Done = "done", "erfolgreich", "done";
        Failed = "failed", "gescheitert", "failed";
        Withdrawn = "withdrawn", "zurückgezogen", "withdrawn";
    }
);

code_enum!(
    EventKind {
        Info = "info", "Informationsveranstaltung", "Information event";
        Network = "network", "Netzwerktreffen", "Network meeting";
        Workshop = "workshop", "Workshop", "Workshop";
        Other = "other", "Sonstige", "Other";
    }
);

code_enum!(
    EventStatus {
        Planned = "planned", "geplant", "planned";
        Done = "done", "stattgefunden", "done";
        Cancelled = "cancelled", "abgesagt", "cancelled";
    }
);

code_enum!(
    /// Topic codes every office has; `[topics.codes]` in `quartier.toml` may add more.
    BuiltinTopic {
        Residence = "residence", "Aufenthalt/Asylverfahren", "Residence/asylum procedure";
        Language = "language", "Sprache/Integrationskurs", "Language/integration course";
        Employment = "employment", "Arbeit/Ausbildung", "Work/vocational training";
        Recognition = "recognition", "Anerkennung von Abschlüssen", "Recognition of qualifications";
        Education = "education", "Schule/Kita/Bildung", "School/daycare/education";
        Housing = "housing", "Wohnen", "Housing";
        Health = "health", "Gesundheit", "Health";
        Benefits = "benefits", "Leistungen/Finanzen", "Benefits/finances";
        Family = "family", "Familie/Familiennachzug", "Family/family reunification";
        Authorities = "authorities", "Anträge, Behördenpost", "Applications, official letters";
        InterculturalOpening = "intercultural-opening", "Interkulturelle Öffnung", "Intercultural opening";
        Other = "other", "Sonstiges", "Other";
    }
);

/// The ESF+ age bands of the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeGroup {
    Under18,
    From18To29,
    From30To54,
    From55,
    Unknown,
}

impl AgeGroup {
    pub const ALL: [AgeGroup; 5] = [
        AgeGroup::Under18,
        AgeGroup::From18To29,
        AgeGroup::From30To54,
        AgeGroup::From55,
        AgeGroup::Unknown,
    ];

    /// The band of someone born in `birth_year`, aged as of `year`.
    pub fn of(birth_year: Option<i64>, year: i64) -> AgeGroup {
        match birth_year.map(|b| year - b) {
            None => AgeGroup::Unknown,
            Some(age) if age < 18 => AgeGroup::Under18,
            Some(age) if age < 30 => AgeGroup::From18To29,
            Some(age) if age < 55 => AgeGroup::From30To54,
            Some(_) => AgeGroup::From55,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AgeGroup::Under18 => "under-18",
            AgeGroup::From18To29 => "18-29",
            AgeGroup::From30To54 => "30-54",
            AgeGroup::From55 => "55-plus",
            AgeGroup::Unknown => "unknown",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            AgeGroup::Under18 => lang.pick("unter 18", "under 18"),
            AgeGroup::From18To29 => "18–29",
            AgeGroup::From30To54 => "30–54",
            AgeGroup::From55 => lang.pick("55 und älter", "55 and older"),
            AgeGroup::Unknown => lang.pick("unbekannt", "unknown"),
        }
    }
}

code_enum!(
    /// What a `[[consents]]` entry of a client agrees to (SPEC §1.2).
    ConsentScope {
        Processing = "processing", "Datenverarbeitung", "Data processing";
        Referral = "referral", "Vermittlung (Weitergabe an Partner)", "Referral (passing data to partners)";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for v in ReferralStatus::ALL {
            assert_eq!(ReferralStatus::from_code(v.code()), Some(*v));
        }
        assert_eq!(
            "no-show".parse::<AppointmentStatus>(),
            Ok(AppointmentStatus::NoShow)
        );
        assert!("noshow".parse::<AppointmentStatus>().is_err());
        assert_eq!(
            Field::choices_in(Lang::En),
            "youth-education | civic-education | employment-integration"
        );
    }

    #[test]
    fn a_wrong_code_is_refused_in_the_interface_language() {
        // the tests run in German, the default
        assert_eq!(
            "noshow".parse::<AppointmentStatus>(),
            Err("`noshow` ist keiner von planned (geplant) | done (stattgefunden) | cancelled (abgesagt) | no-show (nicht erschienen)".to_string())
        );
        assert_eq!(
            Gender::choices_in(Lang::De),
            "f (weiblich) | m (männlich) | d (divers) | unknown (unbekannt)"
        );
        assert_eq!(Gender::choices_in(Lang::En), "f | m | d | unknown");
    }

    #[test]
    fn age_bands_have_inclusive_edges() {
        assert_eq!(AgeGroup::of(Some(2009), 2026), AgeGroup::Under18);
        assert_eq!(AgeGroup::of(Some(2008), 2026), AgeGroup::From18To29);
        assert_eq!(AgeGroup::of(Some(1997), 2026), AgeGroup::From18To29);
        assert_eq!(AgeGroup::of(Some(1996), 2026), AgeGroup::From30To54);
        assert_eq!(AgeGroup::of(Some(1972), 2026), AgeGroup::From30To54);
        assert_eq!(AgeGroup::of(Some(1971), 2026), AgeGroup::From55);
        assert_eq!(AgeGroup::of(None, 2026), AgeGroup::Unknown);
    }
}
