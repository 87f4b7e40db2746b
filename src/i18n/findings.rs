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
        let filled: Vec<(&str, &dyn Display)> =
            args.iter().map(|(n, v)| (*n, v as &dyn Display)).collect();
        Msg {
            code: Code(code),
            text: super::fill(text_in(lang, code), &filled),
            args,
        }
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
}
