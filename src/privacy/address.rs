//! Home addresses: a street with a house number (`Karl-Heine-Str. 12`,
//! `Lützner Straße 101`, `Demmeringstr. 7a`) where the words say that
//! someone lives there — `wohnt`, `wohnhaft`, `Anschrift`, `Adresse`,
//! `gemeldet`, `zieht … in`, `lives at` before it in the same sentence, or a
//! floor after it (`3. OG`, `Hinterhaus`). A street without those words is
//! the place of an office, a meeting or a flat viewing (`Treffen im
//! Stadtteilladen, Georg-Schwarz-Str. 20`), and a street without a number
//! (`wohnt nahe Karl-Heine-Straße`) names no home.

use super::text::{after, before, cue_after, cue_before};
use regex::Regex;
use std::sync::LazyLock;

/// An optional word before the street word (`Lützner `), the street word
/// with its ending (`Karl-Heine-Str.`, `Straße`), then a house number.
static STREET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\p{Lu}[\p{L}-]*\s)?(?:\p{Lu}[\p{L}-]*)?(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|ufer|damm|chaussee|pfad|steig)\s?\d{1,4}(?:\s?[a-zA-Z]\b)?",
    )
    .expect("street pattern")
});

/// Words that say a person lives at the street that follows.
static RESIDENCE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\bwohnt\b|\bwohnen\b|\bwohnte\b|wohnhaft|anschrift|adresse|gemeldet|\bzieht\b|\bziehen\b|umgezogen|eingezogen|\beinzug\b|\bbei\s+(?:frau|herrn?|familie)\b|\blives\b|\blived\b|address)",
    )
    .expect("residence word pattern")
});

/// A floor or part of a building right after the street: a home.
static FLOOR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W{0,3}(?:\d{1,2}\.\s?(?:og|etage|stock)\b|eg\b|hinterhaus|vorderhaus|seitenflügel|whg\.?|wohnung\s+\d)")
        .expect("floor pattern")
});

/// Whether `text` holds a street with a house number that someone lives at.
pub fn contains(text: &str) -> bool {
    STREET.find_iter(text).any(|m| {
        cue_before(&RESIDENCE_WORD, before(text, m.start(), 40)).is_some()
            || FLOOR_AFTER.is_match(after(text, m.end(), 20))
            || cue_after(&RESIDENCE_WORD, after(text, m.end(), 12))
    })
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn homes_and_other_places() {
        for yes in [
            "wohnt Karl-Heine-Str. 12",
            "Anschrift: Demmeringstr. 7a, Leipzig",
            "wohnhaft in der Lützner Straße 101",
            "zieht am Montag in die Merseburger Str. 5",
            "Karl-Heine-Str. 12, 3. OG links",
            "lives at Lützner Str. 12",
        ] {
            assert!(contains(yes), "{yes}");
        }
        for no in [
            "wohnt nahe Karl-Heine-Straße",
            "Treffen im Stadtteilladen, Georg-Schwarz-Str. 20",
            "Wohnungsbesichtigung in der Georg-Schwarz-Straße 12 am Freitag",
            "Beratungsstelle in der Eisenbahnstraße 66",
            "Wohnt im Stadtteil. Treffen in der Lützner Str. 12",
            "Kurs im Raum 12, Weg 3 ist gesperrt",
        ] {
            assert!(!contains(no), "{no}");
        }
    }
}
