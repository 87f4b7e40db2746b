//! The texts of `check`'s findings and of the rule book, the store and the
//! record reader: one entry per finding code in `findings.toml`, under
//! `[finding.CODE]`, in German and English like the rest of the catalogue
//! (other check texts — the summary line — live there too).
//!
//! A finding is built from its code and arguments ([`finding!`]); the code
//! is its machine-readable name (`check --json` prints it as `code`), so
//! tests and code match the code, never the wording.

use std::fmt::{self, Display};

/// The code of a finding: the id of its text in `findings.toml` without
/// the `finding.` prefix, e.g. `unknown-key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Code(pub &'static str);

impl Code {
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A finding's code and its text in the interface language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub code: Code,
    pub text: String,
    /// The arguments the text was filled with, by name (`key`, `value`, …):
    /// what the finding is about, in no language and no wording.
    pub args: Args,
}

/// A finding's arguments, by name, as text.
pub type Args = Vec<(&'static str, String)>;

impl Msg {
    /// The text of `code` in the interface language with `args` filled in.
    pub fn new(code: &'static str, args: &[(&'static str, &dyn Display)]) -> Msg {
        Msg::new_in(super::lang(), code, args)
    }

    pub fn new_in(
        lang: crate::model::Lang,
        code: &'static str,
        args: &[(&'static str, &dyn Display)],
    ) -> Msg {
        let args: Args = args.iter().map(|(n, v)| (*n, v.to_string())).collect();
        Msg {
            code: Code(code),
            text: written_in(lang, code, &args),
            args,
        }
    }

    /// The message as a person answering for a record of `kind` is told
    /// it ([`said_about`]).
    pub fn said(&self, kind: crate::model::Kind, lang: crate::model::Lang) -> String {
        said_about(kind, lang, self.code.as_str(), &self.args, &self.text)
    }

    /// The `key` argument: the key the finding is about, when it names one.
    pub fn key(&self) -> Option<&str> {
        arg(&self.args, "key")
    }
}

/// The argument `name` of a finding's `args`.
pub fn arg<'a>(args: &'a Args, name: &str) -> Option<&'a str> {
    args.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
}

impl Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        m.text
    }
}

/// A finding's text as `check` says it: the text of `code` in `lang`
/// filled with `args`, keys and days as the file holds them.
pub fn written_in(lang: crate::model::Lang, code: &str, args: &Args) -> String {
    let filled: Vec<(&str, &dyn Display)> =
        args.iter().map(|(n, v)| (*n, v as &dyn Display)).collect();
    keys_as_written(&super::fill(text_in(lang, code), &filled))
}

/// The finding `code` with `args`, whose text in `check`'s words is
/// `message`, as a person answering for a record of `kind` is told it: keys
/// by their schema label in `lang` (also a key of another kind the text
/// names, a client's `consent` in a referral's finding), days as the office
/// reads them ([`said_in`]). A text not filled from its code and arguments
/// (a reader's, a git error's) is said as it is.
pub fn said_about(
    kind: crate::model::Kind,
    lang: crate::model::Lang,
    code: &str,
    args: &Args,
    message: &str,
) -> String {
    if written_in(lang, code, args) != message {
        return message.to_string();
    }
    let label = |key: &str| {
        crate::schema::known_label(kind, key, lang).or_else(|| {
            crate::model::Kind::ALL
                .into_iter()
                .find_map(|k| crate::schema::known_label(k, key, lang))
        })
    };
    said_in(lang, code, args, &label)
}

/// A finding's text for a person answering a form or typing flags, who
/// never saw the file: the same text of `code` filled with the same
/// `args`, but a key named by `label` (its schema label, "Geburtsjahr"
/// for `birth_year`) and a day as the office reads it (26.11.2026 in
/// German). `label` gives `None` for a key it does not know, which then
/// stays as written. `check` says the key and the ISO date as the file
/// holds them ([`Msg::new_in`]).
pub fn said_in(
    lang: crate::model::Lang,
    code: &str,
    args: &Args,
    label: &dyn Fn(&str) -> Option<&'static str>,
) -> String {
    // the `key` argument is a key too
    let text = text_in(lang, code).replace("`{key}`", "`{@{key}}`");
    let filled: Vec<(&str, &dyn Display)> =
        args.iter().map(|(n, v)| (*n, v as &dyn Display)).collect();
    let text = super::fill(&text, &filled);
    dates_as_read(&keys_labelled(&text, label, lang), lang)
}

/// The keys a finding's text names as `{@key}`, as the file holds them:
/// `` `{@birth_year}` `` is `` `birth_year` ``.
fn keys_as_written(text: &str) -> String {
    replace_keys(text, &|_| None, ("`", "`"))
}

/// The keys a finding's text names as `{@key}` by their label: a key in
/// backticks as the name of a field, in quotes („Notizen“ scheint …), a bare
/// one as a word (Frauen + Männer); a key said only in brackets after its
/// own words (`` (`{@consent}`) ``) is left out.
fn keys_labelled(
    text: &str,
    label: &dyn Fn(&str) -> Option<&'static str>,
    lang: crate::model::Lang,
) -> String {
    let quotes = match lang {
        crate::model::Lang::De => ("„", "“"),
        crate::model::Lang::En => ("“", "”"),
    };
    replace_keys(text, label, quotes)
}

/// `text` with every `{@key}` (a key of letters, digits, `_` and `.`) by
/// `label` (in `quotes` where the text has backticks), or as written
/// (`` `key` ``, `key`) when `label` gives none.
fn replace_keys(
    text: &str,
    label: &dyn Fn(&str) -> Option<&'static str>,
    quotes: (&str, &str),
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{@") {
        let after = &rest[at + 2..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(after.len());
        if len == 0 || !after[len..].starts_with('}') {
            out.push_str(&rest[..at + 2]);
            rest = after;
            continue;
        }
        let key = &after[..len];
        let (head, tail) = (&rest[..at], &after[len + 1..]);
        let bracketed = head.ends_with(" (`") && tail.starts_with("`)");
        let quoted = head.ends_with('`') && tail.starts_with('`');
        match label(key) {
            Some(_) if bracketed => {
                out.push_str(&head[..head.len() - 3]);
                rest = &tail[2..];
            }
            Some(l) if quoted => {
                out.push_str(&head[..head.len() - 1]);
                out.push_str(quotes.0);
                out.push_str(l);
                out.push_str(quotes.1);
                rest = &tail[1..];
            }
            Some(l) => {
                out.push_str(head);
                out.push_str(l);
                rest = tail;
            }
            None => {
                out.push_str(head);
                out.push_str(key);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every ISO day (2026-11-26) in `text` as the office reads it in `lang`.
fn dates_as_read(text: &str, lang: crate::model::Lang) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut from = 0;
    while i + 10 <= b.len() {
        let iso = &b[i..i + 10];
        let shape = iso.iter().enumerate().all(|(j, c)| match j {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        let alone = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_alphanumeric());
        if shape
            && alone
            && let Ok(d) = chrono::NaiveDate::parse_from_str(&text[i..i + 10], "%Y-%m-%d")
        {
            out.push_str(&text[from..i]);
            out.push_str(&crate::report::labels::date(d, lang));
            i += 10;
            from = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[from..]);
    out
}

/// The raw text (placeholders unfilled) of finding `code` in `lang`.
pub fn text_in(lang: crate::model::Lang, code: &str) -> &'static str {
    super::lookup(lang, &format!("finding.{code}")).unwrap_or("?")
}

/// A finding's [`Msg`] from its code and named arguments:
/// `finding!("unknown-key", key = k, hint = h)`.
#[macro_export]
macro_rules! finding {
    ($code:literal) => {
        $crate::i18n::findings::Msg::new($code, &[])
    };
    ($code:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::findings::Msg::new($code, &[$((stringify!($k), &$v as &dyn std::fmt::Display)),+])
    };
}

/// "1 Fehler, 2 Warnungen" / "1 error, 2 warnings" in the interface language.
pub fn summary(errors: usize, warnings: usize) -> String {
    summary_in(super::lang(), errors, warnings)
}

/// The summary line of `check` in `lang`, singular or plural as the counts want.
pub fn summary_in(lang: crate::model::Lang, errors: usize, warnings: usize) -> String {
    let count = |n: usize, one: &str, many: &str| {
        super::fill(
            super::t_in(lang, if n == 1 { one } else { many }),
            &[("count", &n)],
        )
    };
    crate::tr_in!(
        lang,
        "check.summary",
        errors = count(errors, "check.errors-one", "check.errors-many"),
        warnings = count(warnings, "check.warnings-one", "check.warnings-many")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn the_summary_line_counts_in_both_languages() {
        assert_eq!(summary_in(Lang::De, 1, 1), "1 Fehler, 1 Warnung");
        assert_eq!(summary_in(Lang::De, 2, 0), "2 Fehler, 0 Warnungen");
        assert_eq!(summary_in(Lang::En, 1, 2), "1 error, 2 warnings");
        assert_eq!(summary_in(Lang::En, 0, 1), "0 errors, 1 warning");
    }

    #[test]
    fn a_finding_keeps_its_code_in_either_language() {
        let args: [(&'static str, &dyn Display); 2] = [("key", &"gendr"), ("known", &"gender")];
        let de = Msg::new_in(Lang::De, "unknown-key", &args);
        let en = Msg::new_in(Lang::En, "unknown-key", &args);
        assert_eq!(de.code, en.code);
        assert_eq!(
            de.text,
            "unbekannter Schlüssel `gendr` (bekannte Schlüssel: gender)"
        );
        assert_eq!(en.text, "unknown key `gendr` (known keys: gender)");
    }

    /// The finding of `code` as `check` and as a person answering for a
    /// record of `kind` reads it (`check`'s text, the person's).
    fn both(
        lang: Lang,
        kind: crate::model::Kind,
        code: &'static str,
        args: &[(&'static str, &dyn Display)],
    ) -> (String, String) {
        let f = crate::store::Finding::error("x.toml", Some(1), Msg::new_in(lang, code, args));
        (f.message.clone(), f.said(kind, lang))
    }

    #[test]
    fn a_person_is_told_a_finding_by_labels_and_office_days() {
        use crate::model::Kind;
        let (check, said) = both(
            Lang::De,
            Kind::Client,
            "birth-year-implausible",
            &[("year", &88)],
        );
        assert_eq!(check, "`birth_year` 88 ist nicht plausibel (vor 1900)");
        assert_eq!(said, "„Geburtsjahr“ 88 ist nicht plausibel (vor 1900)");
        let (_, said) = both(
            Lang::En,
            Kind::Client,
            "birth-year-implausible",
            &[("year", &88)],
        );
        assert_eq!(said, "“Birth year” 88 is not plausible (before 1900)");

        let args: [(&'static str, &dyn Display); 2] = [("date", &"2026-11-26"), ("n", &1)];
        let (check, said) = both(Lang::De, Kind::Client, "consents-date-future", &args);
        assert_eq!(
            check,
            "`consents.date` 2026-11-26 (Eintrag 1) liegt in der Zukunft"
        );
        assert_eq!(said, "„Datum“ 26.11.2026 (Eintrag 1) liegt in der Zukunft");
        let (check, said) = both(Lang::En, Kind::Client, "consents-date-future", &args);
        assert_eq!(
            check,
            "`consents.date` 2026-11-26 (entry 1) lies in the future"
        );
        assert_eq!(said, "“Date” 2026-11-26 (entry 1) lies in the future");

        let args: [(&'static str, &dyn Display); 2] = [("parts", &25), ("total", &23)];
        let (check, said) = both(Lang::De, Kind::Event, "participants-sum", &args);
        assert_eq!(
            check,
            "die Teilnehmendenzahlen gehen nicht auf: women + men + diverse = 25 ist mehr als total = 23"
        );
        assert_eq!(
            said,
            "die Teilnehmendenzahlen gehen nicht auf: Frauen + Männer + divers = 25 ist mehr als gesamt = 23"
        );

        let args: [(&'static str, &dyn Display); 2] = [
            ("key", &"notes"),
            ("hit", &"ein vollständiges Geburtsdatum"),
        ];
        let (check, said) = both(Lang::De, Kind::Client, "privacy-field", &args);
        assert!(
            check.starts_with("Datenschutz: `notes` scheint ein vollständiges Geburtsdatum zu enthalten; Datensätze dürfen keine persönlichen Daten enthalten"),
            "{check}"
        );
        assert!(!check.contains("Kontaktdaten"), "{check}");
        assert!(
            said.starts_with("Datenschutz: „Notizen“ scheint ein vollständiges Geburtsdatum"),
            "{said}"
        );
    }

    #[test]
    fn the_consent_note_of_a_referral_names_no_key_and_no_iso_day() {
        use crate::model::Kind;
        // the reason is a text of its own, filled into the finding's
        let why = crate::tr_in!(Lang::De, "check.consent.no-date");
        let args: [(&'static str, &dyn Display); 3] = [
            ("client", &"K-7F3A"),
            ("why", &why),
            ("date", &"2026-12-01"),
        ];
        let (check, said) = both(Lang::De, Kind::Referral, "referral-without-consent", &args);
        assert!(
            check.contains("aber es ist keine Einwilligung (`consent`) eingetragen (Vermittlung vom 2026-12-01)"),
            "{check}"
        );
        assert!(
            said.contains(
                "aber es ist keine Einwilligung eingetragen (Vermittlung vom 01.12.2026)"
            ),
            "{said}"
        );
        let why = crate::tr_in!(Lang::En, "check.consent.no-date");
        let args: [(&'static str, &dyn Display); 3] = [
            ("client", &"K-7F3A"),
            ("why", &why),
            ("date", &"2026-12-01"),
        ];
        let (check, _) = both(Lang::En, Kind::Referral, "referral-without-consent", &args);
        assert!(
            check.contains("but the client has no `consent` date"),
            "{check}"
        );
    }

    #[test]
    fn a_text_not_filled_from_its_code_is_said_as_it_is() {
        use crate::model::Kind;
        let mut f = crate::store::Finding::error(
            "x.toml",
            None,
            Msg::new_in(Lang::De, "birth-year-implausible", &[("year", &88)]),
        );
        f.message = "`birth_year` am 2026-01-01 kaputt".to_string();
        assert_eq!(f.said(Kind::Client, Lang::De), f.message);
    }

    #[test]
    fn only_whole_iso_days_are_turned() {
        assert_eq!(
            dates_as_read(
                "am 2026-12-01, nicht apt-20261201-ab12 oder 12026-12-011",
                Lang::De
            ),
            "am 01.12.2026, nicht apt-20261201-ab12 oder 12026-12-011"
        );
        assert_eq!(
            dates_as_read("2026-02-30 gibt es nicht", Lang::De),
            "2026-02-30 gibt es nicht"
        );
    }
}
