//! Answers before the rule book: the verdict of every write
//! (`rules::validate_write` — what `check --strict` flags stops a write) on the record as far as it
//! is filled in. An answer is refused for what the verdict says with it and
//! did not say without it; required fields not asked yet get stand-ins, so
//! "missing" is never blamed on an answer. The finished record is judged
//! whole, and the fields its findings point at are asked again.

use super::Form;
use super::question::shown;
use crate::commands::fields::document::keys_by_line;
use crate::commands::fields::resolve::{KeyNames, View, resolve};
use crate::commands::fields::write::{Candidate, candidate, fill_defaults, is_missing};
use crate::commands::fields::{Given, Raw};
use crate::error::{CommandError, Result};
use crate::model::read::Placement;
use crate::schema::{DefaultValue, FieldSpec, FieldType};
use crate::store::Finding;
use chrono::{Datelike, NaiveTime};
use std::collections::BTreeMap;

/// How often the finished record is judged and its fields asked again
/// before the form gives up.
const ROUNDS: usize = 5;

impl Form<'_> {
    /// Whether `with` (the answers so far and one more) passes: each value
    /// as its flag would be read, then what the verdict newly finds. Gives
    /// the new findings a write tolerates (a referral without covering
    /// consent), to be said at once as notes.
    pub(super) fn judge(
        &self,
        with: &Given,
        field: Option<&FieldSpec>,
    ) -> std::result::Result<Vec<String>, Vec<String>> {
        if let Some(f) = field
            && matches!(f.ty, FieldType::Id)
            && let Some(slug) = with.text(f.key)
        {
            // said without the flag's name (`--id`): a form has none
            if !crate::model::kind::is_slug(slug) {
                return Err(vec![crate::tr!("form.not-a-slug", value = slug)]);
            }
            if self.store.exists(self.kind, slug) {
                return Err(vec![crate::tr!("form.exists", id = slug)]);
            }
        }
        let view = View {
            given: with,
            current: BTreeMap::new(),
        };
        resolve(
            self.kind,
            with,
            &view,
            self.store,
            self.config,
            false,
            KeyNames::Label(self.lang),
        )
        .map_err(|e| vec![e.message])?;
        let (after, complete) = self.findings(with);
        if after.is_empty() {
            return Ok(Vec::new());
        }
        let (tolerated, after): (Vec<Finding>, Vec<Finding>) =
            after.into_iter().partition(|f| f.tolerated_on_write);
        let (before, _) = self.findings(&self.given);
        let refusing: Vec<String> = after
            .into_iter()
            .filter(|f| !before.iter().any(|b| b.is_same(f)))
            .map(|f| f.said(self.kind, self.lang))
            .collect();
        if !refusing.is_empty() {
            return Err(refusing);
        }
        // a note only about the record itself, not about a stand-in
        Ok(if complete {
            tolerated
                .into_iter()
                .map(|f| f.said(self.kind, self.lang))
                .collect()
        } else {
            Vec::new()
        })
    }

    /// What the verdict says about the record `given` would make, with
    /// stand-ins for the required fields still to be asked; and whether it
    /// needed none.
    fn findings(&self, given: &Given) -> (Vec<Finding>, bool) {
        let mut g = given.clone();
        fill_defaults(self.kind, &mut g, self.config);
        let filled = g.values.len();
        self.stand_ins(&mut g);
        let complete = g.values.len() == filled;
        let Ok(c) = candidate(
            self.kind,
            &g,
            self.store,
            self.config,
            false,
            KeyNames::Label(self.lang),
        ) else {
            return (Vec::new(), complete);
        };
        (self.all_findings(&c), complete)
    }

    /// Every finding of the store's verdict on a candidate, tolerated ones too.
    fn all_findings(&self, c: &Candidate) -> Vec<Finding> {
        let year_month = c
            .date
            .filter(|_| self.kind.is_dated())
            .map(|d| (d.year(), d.month()));
        let placement = Placement {
            stem: &c.id,
            year_month,
        };
        crate::rules::validate_write(
            self.store,
            self.config,
            self.kind,
            &c.text,
            &c.path,
            Some(placement),
        )
        .1
    }

    /// The store's verdict on a candidate: the findings that stop its write.
    pub(super) fn verdict(&self, c: &Candidate) -> std::result::Result<(), Vec<Finding>> {
        let refusing: Vec<Finding> = self
            .all_findings(c)
            .into_iter()
            .filter(|f| !f.tolerated_on_write)
            .collect();
        if refusing.is_empty() {
            Ok(())
        } else {
            Err(refusing)
        }
    }

    /// Fills the required fields `g` lacks with harmless values.
    fn stand_ins(&self, g: &mut Given) {
        // twice: a stand-in `kind` can make further keys required
        for _ in 0..2 {
            for f in crate::schema::of(self.kind).fields() {
                if f.default == DefaultValue::Generated {
                    continue;
                }
                let required = {
                    let view = View {
                        given: g,
                        current: BTreeMap::new(),
                    };
                    f.is_required_in(|k| view.get(k))
                };
                if !required {
                    continue;
                }
                if let FieldType::Table(sub) = f.ty {
                    for s in sub.iter().filter(|s| s.is_always_required()) {
                        let key = format!("{}.{}", f.key, s.key);
                        if g.get(&key).is_none() {
                            g.set(&key, Raw::Int(0));
                        }
                    }
                } else if is_missing(g.get(f.key))
                    && let Some(v) = self.stand_in(f)
                {
                    g.set(f.key, v);
                }
            }
        }
    }

    fn stand_in(&self, f: &FieldSpec) -> Option<Raw> {
        let text = |s: &str| Some(Raw::Text(s.to_string()));
        match f.ty {
            FieldType::Code(v) => text((v.codes)().first()?),
            FieldType::Ref(kind) => text(&self.store.list_ids(kind).first()?.0),
            FieldType::Topic => text(self.config.topic_codes().first()?),
            FieldType::Date => Some(Raw::Date(crate::dates::today())),
            FieldType::Time => Some(Raw::Time(NaiveTime::MIN)),
            FieldType::Minutes | FieldType::Count => Some(Raw::Int(0)),
            FieldType::Year => Some(Raw::Int(i64::from(crate::dates::today().year()))),
            FieldType::Bool => Some(Raw::Bool(false)),
            FieldType::Id => text("form-stand-in"),
            FieldType::Text | FieldType::FreeText => text("-"),
            FieldType::Language => text("de"),
            FieldType::Country => text("DE"),
            FieldType::District => text(self.config.area.districts.first()?),
            FieldType::Staff => text(self.config.staff.keys().next()?),
            FieldType::Codes(_)
            | FieldType::Topics { .. }
            | FieldType::Languages
            | FieldType::Refs(_)
            | FieldType::Table(_)
            | FieldType::Tables(_) => None,
        }
    }

    /// Judges the finished record; asks again the fields its findings point
    /// at (those the form asked), until it passes. Findings that point at
    /// no asked field stop the form (exit 2), naming them.
    pub(super) fn settle(&mut self) -> Result<()> {
        let schema = crate::schema::of(self.kind);
        for _ in 0..ROUNDS {
            let mut g = self.given.clone();
            fill_defaults(self.kind, &mut g, self.config);
            let c = candidate(
                self.kind,
                &g,
                self.store,
                self.config,
                true,
                KeyNames::Label(self.lang),
            )?;
            let Err(findings) = self.verdict(&c) else {
                return Ok(());
            };
            let lines = keys_by_line(&c.text);
            let messages: Vec<String> = findings
                .iter()
                .map(|f| f.said(self.kind, self.lang))
                .collect();
            let mut again: Vec<&'static FieldSpec> = Vec::new();
            for f in &findings {
                let key = f
                    .key_line()
                    .and_then(|l| lines.get(&l))
                    .map(|k| k.split('.').next().unwrap_or(k).to_string());
                if let Some(spec) = key.and_then(|k| schema.field(&k))
                    && self.asked.contains(&spec.key)
                    && !again.iter().any(|s| s.key == spec.key)
                {
                    again.push(spec);
                }
            }
            if again.is_empty() {
                return Err(CommandError::usage(format!(
                    "{}\n{}",
                    messages.join("\n"),
                    crate::tr!("form.nothing-written")
                )));
            }
            self.refused(&messages);
            for spec in again {
                let before = self.given.remove(spec.key);
                let prefix = format!("{}.", spec.key);
                self.given.values.retain(|k, _| !k.starts_with(&prefix));
                let initial = before
                    .map(|r| shown(&r, self.lang))
                    .filter(|s| !s.is_empty());
                self.ask_field(spec, initial)?;
            }
        }
        Err(CommandError::usage(crate::tr!("form.nothing-written")))
    }
}
