//! The privacy scan: finds personal contact data in free text — e-mail
//! addresses (also spelled out, `max(at)example(dot)org`), phone numbers,
//! IBANs (checked by their mod-97 check digits), full birth dates and home
//! addresses (a street with a house number where someone lives).
//! Records are pseudonymous; these never belong in the free-text fields of
//! clients, appointments, referrals, events and contacts (SPEC §1.3), nor in
//! the TOML comments of those records ([`scan_comments`]).
//!
//! Each detector lives in its own module and judges a candidate by its
//! shape *and* the words around it, so that what staff write every day —
//! appointment dates, benefit periods, form and file numbers — does not cry
//! wolf. The corpus of real-looking sentences in `corpus.rs` measures
//! precision and recall (`cargo test privacy::corpus -- --nocapture`).

mod address;
mod birth;
mod comments;
#[cfg(test)]
mod corpus;
mod email;
mod iban;
mod phone;
mod text;

pub use comments::{Comment, toml_comments};

/// Whether records of `kind` are scanned at all (SPEC §1.3: never sponsors
/// or partners, whose contact data is wanted). Their free-text keys and
/// comments are walked once, by the rule book (`rules::single`), for
/// `check`, every write, the pre-commit hook and `sync` alike.
pub fn is_scanned(kind: crate::model::Kind) -> bool {
    use crate::model::Kind;
    match kind {
        Kind::Sponsor | Kind::Partner => false,
        Kind::Client | Kind::Appointment | Kind::Referral | Kind::Event | Kind::Contact => true,
    }
}

/// One kind of personal data found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Finding {
    Email,
    Phone,
    Iban,
    BirthDate,
    Address,
}

impl Finding {
    /// The phrase in an English message ("… seems to contain an IBAN").
    pub fn phrase_en(self) -> &'static str {
        match self {
            Finding::Email => "an e-mail address",
            Finding::Phone => "a phone number",
            Finding::Iban => "an IBAN",
            Finding::BirthDate => "a full birth date",
            Finding::Address => "a home address",
        }
    }

    /// The phrase in the interface language.
    pub fn phrase(self) -> &'static str {
        match crate::i18n::lang() {
            crate::model::Lang::De => self.phrase_de(),
            crate::model::Lang::En => self.phrase_en(),
        }
    }

    /// The phrase in a German message ("… scheint eine IBAN zu enthalten").
    pub fn phrase_de(self) -> &'static str {
        match self {
            Finding::Email => "eine E-Mail-Adresse",
            Finding::Phone => "eine Telefonnummer",
            Finding::Iban => "eine IBAN",
            Finding::BirthDate => "ein vollständiges Geburtsdatum",
            Finding::Address => "eine Wohnanschrift",
        }
    }
}

/// What kinds of personal data `text` seems to contain, each once, in the
/// order e-mail, phone, IBAN, birth date, home address.
pub fn find(text: &str) -> Vec<Finding> {
    let mut hits = Vec::new();
    if email::contains(text) {
        hits.push(Finding::Email);
    }
    // Phone numbers, IBANs, dates and house numbers hold digits; most notes hold none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return hits;
    }
    let ibans = iban::find(text);
    if phone::contains(text, &iban::shaped(text)) {
        hits.push(Finding::Phone);
    }
    if !ibans.is_empty() {
        hits.push(Finding::Iban);
    }
    if birth::contains(text) {
        hits.push(Finding::BirthDate);
    }
    if address::contains(text) {
        hits.push(Finding::Address);
    }
    hits
}

/// [`find`] as phrases in the interface language ("a phone number",
/// "eine Telefonnummer").
pub fn scan(text: &str) -> Vec<&'static str> {
    find(text).into_iter().map(Finding::phrase).collect()
}

/// The findings in the comments of a record's TOML text, with the 1-based
/// line of each comment.
pub fn scan_comments(raw: &str) -> Vec<(usize, Finding)> {
    toml_comments(raw)
        .into_iter()
        .flat_map(|c| find(&c.text).into_iter().map(move |f| (c.line, f)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::scan`] in English, whatever the interface language.
    fn scan(text: &str) -> Vec<&'static str> {
        find(text).into_iter().map(Finding::phrase_en).collect()
    }

    #[test]
    fn finds_contact_data() {
        assert_eq!(
            scan("schreibt an max.muster@example.org"),
            ["an e-mail address"]
        );
        assert_eq!(scan("Handy 0176 12345678"), ["a phone number"]);
        assert_eq!(scan("Tel. +49 341 1234567"), ["a phone number"]);
        assert_eq!(scan("Tel 0341/123456"), ["a phone number"]);
        assert_eq!(scan("IBAN DE89 3704 0044 0532 0130 00"), ["an IBAN"]);
        assert_eq!(scan("IBAN DE89370400440532013000"), ["an IBAN"]);
        assert_eq!(scan("geb. 12.03.1985"), ["a full birth date"]);
        assert_eq!(scan("born 2019-04-02"), ["a full birth date"]);
        assert_eq!(scan("Sohn, 03.04.1990"), ["a full birth date"]);
        assert_eq!(
            scan("Mail: max.muster(at)example.org"),
            ["an e-mail address"]
        );
        assert_eq!(scan("Tel.-Nr. 0341 123456"), ["a phone number"]);
        assert_eq!(scan("Telefonnummer 0176 1234567"), ["a phone number"]);
        assert_eq!(scan("geb. 3. März 1985"), ["a full birth date"]);
        assert_eq!(scan("Tochter *12 Mai 2019"), ["a full birth date"]);
        assert_eq!(scan("born March 12, 2001"), ["a full birth date"]);
        assert_eq!(scan("Mutter, 7. Oktober 1970"), ["a full birth date"]);
    }

    #[test]
    fn finds_what_v1_missed() {
        assert_eq!(find("max(at)example(dot)org"), [Finding::Email]);
        assert_eq!(find("max [at] example [dot] org"), [Finding::Email]);
        assert_eq!(find("0176.1234.5678"), [Finding::Phone]);
        assert_eq!(find("+49 (0)341 123456"), [Finding::Phone]);
        assert_eq!(find("DE89-3704-0044-0532-0130-00"), [Finding::Iban]);
        assert_eq!(find("de89 3704 0044 0532 0130 00"), [Finding::Iban]);
        assert_eq!(find("geb. 12-03-1990"), [Finding::BirthDate]);
        assert_eq!(find("geboren 19900312"), [Finding::BirthDate]);
        assert_eq!(find("DOB 12.3.90"), [Finding::BirthDate]);
        assert_eq!(find("Geburtsdatum: 1990-03-12"), [Finding::BirthDate]);
    }

    #[test]
    fn leaves_ordinary_notes_alone() {
        for ok in [
            "Termin am 12.03.2026 beim Jobcenter",
            "Infoabend 2026-10-14 um 18:00",
            "Kosten 1.250,00 € für den Kurs, Eigenanteil 35 €",
            "wohnt nahe Karl-Heine-Straße",
            "Aktenzeichen 123-45",
            "Aktenzeichen 123/45",
            "Kurs B1, 600 UE, 25 Teilnehmende",
            "Wartezeit 3 Monate, Rückruf 10:30",
            "DE89 ist keine IBAN",
            "DE89 3704 0044 0532 0130 01 hat eine falsche Prüfziffer",
            "Az. 0815/2026-12",
            "Aktenzeichen 0815-2026",
            "Formular 0815-2024-01",
            "Kundennummer 012345678",
            "BG-Nummer 07501BG0012345",
            "Bescheid vom 03.02.2011",
            "in Deutschland seit 2010-05-01",
            "Zeitraum 01.10.–31.10.2026",
            "Leistungen 01.01.2010 bis 31.12.2010",
            "Mietvertrag 12.03.2010",
            "PLZ 04177 Leipzig",
            "treffen uns at example.org",
            "Termin am 3. März 2026 beim Amt",
            "Kurs ab Mai 2026",
            "seit März 2015 in Leipzig",
            "Öffnungszeiten 08.00-12.00 Uhr",
        ] {
            assert!(find(ok).is_empty(), "{ok}: {:?}", find(ok));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_scanned_without_panic(s in "\\PC{0,80}") {
            let _ = find(&s);
            let _ = scan_comments(&s);
        }

        #[test]
        fn digits_and_separators_never_panic(s in "[0-9 ./()+ä#-]{0,40}") {
            let _ = find(&s);
            let _ = scan_comments(&s);
        }
    }

    #[test]
    fn comments_are_scanned_with_their_line() {
        let raw =
            "id = \"K-7F3A\"\n# Handy 0176 12345678\nnotes = \"# kein Kommentar 0176 12345678\"\n";
        assert_eq!(scan_comments(raw), [(2, Finding::Phone)]);
    }
}
