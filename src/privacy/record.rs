//! The privacy scan of one whole record's TOML text: every free-text key of
//! its kind's schema (nested tables too, and the topics of sponsor meetings
//! where they are free words) and every comment — for the kinds SPEC §1.3
//! names, never sponsors, partners or `quartier.toml`. The pre-commit hook
//! judges the staged version of a file with it.

use super::{Finding, find, scan_comments};
use crate::model::Kind;
use crate::schema::{FieldSpec, FieldType};
use crate::store::line_of;
use toml::de::{DeTable, DeValue};

/// One finding in a record file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordHit {
    /// 1-based line, when the text could be parsed far enough to tell.
    pub line: Option<usize>,
    /// The key (`notes`, `participants.x`), or `#` for a comment.
    pub key: String,
    pub finding: Finding,
}

/// Whether records of `kind` are scanned at all.
pub fn is_scanned(kind: Kind) -> bool {
    match kind {
        Kind::Sponsor | Kind::Partner => false,
        Kind::Client | Kind::Appointment | Kind::Referral | Kind::Event | Kind::Contact => true,
    }
}

/// Every finding in `raw`, the text of a record of `kind`. Text that is not
/// valid TOML is still scanned as a whole (its keys cannot be told apart).
pub fn scan_record(kind: Kind, raw: &str) -> Vec<RecordHit> {
    if !is_scanned(kind) {
        return Vec::new();
    }
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out: Vec<RecordHit> = scan_comments(raw)
        .into_iter()
        .map(|(line, finding)| RecordHit {
            line: Some(line),
            key: "#".into(),
            finding,
        })
        .collect();
    match DeTable::parse(raw) {
        Ok(table) => scan_table(
            raw,
            table.get_ref(),
            crate::schema::of(kind).fields,
            "",
            &mut out,
        ),
        Err(_) => out.extend(find(raw).into_iter().map(|finding| RecordHit {
            line: None,
            key: String::new(),
            finding,
        })),
    }
    out
}

fn scan_table(
    raw: &str,
    table: &DeTable<'_>,
    fields: &'static [FieldSpec],
    prefix: &str,
    out: &mut Vec<RecordHit>,
) {
    let string = |key: &str| -> Option<&str> {
        table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .and_then(|(_, v)| match v.get_ref() {
                DeValue::String(s) => Some(s.as_ref()),
                _ => None,
            })
    };
    for (k, v) in table.iter() {
        let key = k.get_ref().as_ref();
        let Some(spec) = fields.iter().find(|f| f.key == key) else {
            continue;
        };
        let line = Some(line_of(raw, v.span().start));
        let text: Option<String> = match (&spec.ty, v.get_ref()) {
            (FieldType::FreeText, DeValue::String(s)) => Some(s.to_string()),
            (
                FieldType::Topics {
                    free_words_when: Some(c),
                },
                DeValue::Array(items),
            ) if c.holds(string) => Some(
                items
                    .iter()
                    .filter_map(|i| match i.get_ref() {
                        DeValue::String(s) => Some(s.as_ref()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (FieldType::Table(sub), DeValue::Table(t)) => {
                scan_table(raw, t, sub, &format!("{prefix}{key}."), out);
                None
            }
            (FieldType::Tables(sub), DeValue::Array(items)) => {
                for i in items {
                    if let DeValue::Table(t) = i.get_ref() {
                        scan_table(raw, t, sub, &format!("{prefix}{key}."), out);
                    }
                }
                None
            }
            // a value of the wrong type (the reader reports it), topics
            // that are codes here, or a key that is not free text
            (
                FieldType::FreeText
                | FieldType::Topics { .. }
                | FieldType::Table(_)
                | FieldType::Tables(_)
                | FieldType::Id
                | FieldType::Text
                | FieldType::Staff
                | FieldType::Ref(_)
                | FieldType::Topic
                | FieldType::Language
                | FieldType::Country
                | FieldType::District
                | FieldType::Code(_)
                | FieldType::Codes(_)
                | FieldType::Date
                | FieldType::Time
                | FieldType::Minutes
                | FieldType::Count
                | FieldType::Year
                | FieldType::Bool
                | FieldType::Languages
                | FieldType::Refs(_),
                _,
            ) => None,
        };
        if let Some(text) = text {
            out.extend(find(&text).into_iter().map(|finding| RecordHit {
                line,
                key: format!("{prefix}{key}"),
                finding,
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_keys_and_comments_of_scanned_kinds() {
        let raw = "id = \"evt-20261001-ab12\"\ndate = 2026-10-01\ntitle = \"Infoabend mit Frau Y. 0176 12345678\"\n# Mail max(at)example(dot)org\nkind = \"info\"\nstatus = \"planned\"\nlocation = \"Stadtteilladen\"\n";
        let hits = scan_record(Kind::Event, raw);
        assert_eq!(
            hits,
            [
                RecordHit {
                    line: Some(4),
                    key: "#".into(),
                    finding: Finding::Email
                },
                RecordHit {
                    line: Some(3),
                    key: "title".into(),
                    finding: Finding::Phone
                },
            ]
        );
        let partner = "id = \"amt\"\nname = \"Amt\"\nkind = \"authority\"\nphone = \"0341 1234567\"\n# Tel 0341 1234567\n";
        assert!(scan_record(Kind::Partner, partner).is_empty());
    }
}
