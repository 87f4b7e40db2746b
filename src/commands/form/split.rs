//! The counts of a table asked one after the other — the participants of
//! an event: in all, women, men, diverse, migrants — and judged together:
//! when they do not add up, the person is told why and asked for the
//! split again, the answers given offered as defaults. `event add` asks
//! it as a field of the form, `event done` on its own ([`ask_until`]).

use super::Form;
use super::ask::{Asker, Prompt};
use crate::commands::fields::Raw;
use crate::commands::fields::flags::parse_count;
use crate::error::Result;
use crate::model::Lang;
use crate::schema::FieldSpec;
use std::collections::BTreeMap;

/// Counts by key (`total`, `women`, …); a key left out is absent.
pub type Counts = BTreeMap<&'static str, i64>;

/// Asks each count of `sub` once (Enter takes the number offered, or
/// leaves an optional one out; a required one must be given).
pub fn ask_counts(
    asker: &mut dyn Asker,
    lang: Lang,
    table: &str,
    sub: &'static [FieldSpec],
    previous: &Counts,
) -> Result<Counts> {
    let mut out = Counts::new();
    for g in sub {
        let default = previous.get(g.key).map(|n| n.to_string());
        let required = g.is_always_required();
        let hint = match (required, &default) {
            (true, Some(d)) => crate::tr!("form.hint-default", value = d),
            (true, None) => crate::tr!("form.hint-required"),
            (false, Some(d)) => crate::tr!("form.hint-default-optional", value = d),
            (false, None) => crate::tr!("form.hint-optional"),
        };
        loop {
            let prompt = Prompt {
                question: format!("{table} – {}", g.label(lang)),
                help: format!("{} · {hint}", g.help(lang)),
                default: default.clone(),
                field: Some(g),
                initial: None,
            };
            let answer = asker.text(&prompt)?;
            let t = answer.trim();
            if t.is_empty() || t == "-" || t == "." {
                if required {
                    asker.say(&crate::tr!("form.required", what = g.label(lang)));
                    continue;
                }
                break;
            }
            match parse_count(t) {
                Ok(n) => {
                    out.insert(g.key, n);
                    break;
                }
                Err(e) => {
                    asker.say(&format!("✗ {e}"));
                    asker.say(&crate::tr!("form.again"));
                }
            }
        }
    }
    Ok(out)
}

/// Asks the counts until `verdict` finds nothing wrong with them (it
/// gives the reasons they are refused).
pub fn ask_until(
    asker: &mut dyn Asker,
    lang: Lang,
    table: &str,
    sub: &'static [FieldSpec],
    previous: &Counts,
    verdict: impl Fn(&Counts) -> Vec<String>,
) -> Result<Counts> {
    let mut previous = previous.clone();
    loop {
        let counts = ask_counts(asker, lang, table, sub, &previous)?;
        let why = verdict(&counts);
        if why.is_empty() {
            note_ungendered(asker, &counts);
            return Ok(counts);
        }
        refuse(asker, &why);
        previous = counts;
    }
}

/// Says how many participants have no gender recorded when women, men
/// and diverse together are fewer than all (allowed: SPEC counts them ≤ the total).
fn note_ungendered(asker: &mut dyn Asker, counts: &Counts) {
    let Some(&total) = counts.get("total") else {
        return;
    };
    let gendered: i64 = ["women", "men", "diverse"]
        .iter()
        .filter_map(|k| counts.get(k))
        .sum();
    if gendered < total {
        asker.say(&crate::tr!(
            "form.split-ungendered",
            count = total - gendered,
            total = total
        ));
    }
}

/// Says that the counts do not add up, and why.
fn refuse(asker: &mut dyn Asker, why: &[String]) {
    asker.say(&crate::tr!("form.split-mismatch"));
    for w in why {
        asker.say(&format!("✗ {w}"));
    }
}

impl Form<'_> {
    /// A table field of the form (`[participants]` of a held event).
    pub(super) fn ask_table(
        &mut self,
        f: &'static FieldSpec,
        sub: &'static [FieldSpec],
    ) -> Result<()> {
        let prefix = format!("{}.", f.key);
        let mut previous = Counts::new();
        for g in sub {
            if let Some(Raw::Int(n)) = self.given.get(&format!("{prefix}{}", g.key)) {
                previous.insert(g.key, *n);
            }
        }
        loop {
            let counts = ask_counts(
                &mut *self.asker,
                self.lang,
                f.label(self.lang),
                sub,
                &previous,
            )?;
            let mut with = self.given.clone();
            with.values.retain(|k, _| !k.starts_with(&prefix));
            for (k, n) in &counts {
                with.set(&format!("{prefix}{k}"), Raw::Int(*n));
            }
            match self.judge(&with, None) {
                Ok(_) => {
                    note_ungendered(&mut *self.asker, &counts);
                    self.given = with;
                    return Ok(());
                }
                Err(why) => {
                    refuse(&mut *self.asker, &why);
                    previous = counts;
                }
            }
        }
    }
}
