//! One sheet row → the keys and values of one record, by the rules: cell
//! texts read as dates (`TT.MM.JJJJ` too), times, numbers, yes/no and
//! lists, German labels mapped to codes, client codes written as the
//! records write them. The content hash that recognises a row again is
//! computed here, over exactly these keys and values.

use super::rules::Rules;
use super::sheet::{Row, Sheet};
use crate::model::{IdScheme, Kind};
use crate::schema::{FieldType, Nesting};
use chrono::{NaiveDate, NaiveTime};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A value of a record key, typed as the record file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Text(String),
    Date(NaiveDate),
    Time(NaiveTime),
    Int(i64),
    Bool(bool),
    List(Vec<String>),
}

impl Val {
    /// The canonical text of the value for the content hash.
    fn canonical(&self) -> String {
        match self {
            Val::Text(s) => format!("text:{s}"),
            Val::Date(d) => format!("date:{d}"),
            Val::Time(t) => format!("time:{}", t.format("%H:%M:%S")),
            Val::Int(i) => format!("int:{i}"),
            Val::Bool(b) => format!("bool:{b}"),
            Val::List(items) => format!("list:{}", items.join("\u{1f}")),
        }
    }

    /// Every text in the value (for the privacy scan).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Val::Text(s) => vec![s.as_str()],
            Val::List(items) => items.iter().map(String::as_str).collect(),
            Val::Date(_) | Val::Time(_) | Val::Int(_) | Val::Bool(_) => Vec::new(),
        }
    }
}

/// How the cells of a key are read. Keys not named here are text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    Text,
    Date,
    Time,
    Int,
    Bool,
    List,
    /// `K-7F3A`, also typed as `7f3a` or `k-7f3a`.
    ClientCode,
}

/// How cells of `key` are read, from the kind's schema (`participants.total`
/// names a key of the `[participants]` table). Keys the schema does not know
/// are read as text — the reader then names them.
pub fn key_type(kind: Kind, key: &str) -> KeyType {
    let schema = crate::schema::of(kind);
    let field = match key.split_once('.') {
        Some((table, inner)) => schema
            .field(table)
            .and_then(|f| f.ty.subfields())
            .and_then(|sub| sub.iter().find(|f| f.key == inner)),
        None => schema.field(key),
    };
    let Some(field) = field else {
        return KeyType::Text;
    };
    match field.ty {
        FieldType::Id if kind.id_scheme() == IdScheme::ClientCode => KeyType::ClientCode,
        FieldType::Ref(Kind::Client) => KeyType::ClientCode,
        FieldType::Date => KeyType::Date,
        FieldType::Time => KeyType::Time,
        FieldType::Minutes | FieldType::Count | FieldType::Year => KeyType::Int,
        FieldType::Bool => KeyType::Bool,
        FieldType::Codes(_)
        | FieldType::Topics { .. }
        | FieldType::Languages
        | FieldType::Refs(_) => KeyType::List,
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Code(_)
        | FieldType::Topic
        | FieldType::Language
        | FieldType::Country
        | FieldType::District
        | FieldType::Staff
        | FieldType::Ref(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => KeyType::Text,
    }
}

/// Whether `key` (or `table.key`) is a key of `kind` records that a sheet
/// can fill: not a table itself, not an array of tables.
pub fn is_importable(kind: Kind, key: &str) -> bool {
    let schema = crate::schema::of(kind);
    match key.split_once('.') {
        Some((table, inner)) => schema
            .field(table)
            .and_then(|f| match f.ty.nesting() {
                Nesting::Table(sub) => Some(sub),
                Nesting::Value | Nesting::Tables(_) => None,
            })
            .is_some_and(|sub| sub.iter().any(|f| f.key == inner)),
        None => schema
            .field(key)
            .is_some_and(|f| f.ty.subfields().is_none()),
    }
}

/// Reads the text of a cell (already mapped through `[values]`) as `ty`.
/// `Ok(None)` for an empty cell.
pub fn parse_cell(ty: KeyType, text: &str) -> Result<Option<Val>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match ty {
        KeyType::Text => Ok(Some(Val::Text(t.replace("\r\n", "\n").replace('\r', "\n")))),
        KeyType::Date => {
            // a workbook cell holding a date and a time counts by its date
            let day = t.split_once(' ').map(|(d, _)| d).unwrap_or(t);
            crate::dates::parse_date(day)
                .map(|d| Some(Val::Date(d)))
                .map_err(|e| e.to_string())
        }
        KeyType::Time => {
            let t = t
                .strip_suffix("Uhr")
                .map(str::trim)
                .unwrap_or(t)
                .replace('.', ":");
            crate::dates::parse_time(&t)
                .map(|t| Some(Val::Time(t)))
                .map_err(|e| e.to_string())
        }
        KeyType::Int => t
            .parse::<i64>()
            .or_else(|_| match t.split_once([',', '.']) {
                Some((whole, zeros)) if zeros.bytes().all(|b| b == b'0') => whole.parse(),
                _ => t.parse::<i64>(),
            })
            .map(|i| Some(Val::Int(i)))
            .map_err(|_| crate::tr!("import.not-whole-number", input = t)),
        KeyType::Bool => match t.to_lowercase().as_str() {
            "ja" | "j" | "x" | "yes" | "y" | "true" | "wahr" | "1" => Ok(Some(Val::Bool(true))),
            "nein" | "n" | "no" | "false" | "falsch" | "0" | "-" => Ok(Some(Val::Bool(false))),
            _ => Err(crate::tr!("import.not-yes-no", input = t)),
        },
        KeyType::List => Ok(Some(Val::List(vec![t.to_string()]))),
        KeyType::ClientCode => {
            let upper = t.to_uppercase();
            let code = if upper.starts_with("K-") {
                upper
            } else {
                format!("K-{upper}")
            };
            Ok(Some(Val::Text(code)))
        }
    }
}

/// The items of a list cell: separated by `,`, `;` or line breaks, each
/// mapped through `[values.KEY]` (an item mapped to "" is dropped).
fn list_items(rules: &Rules, key: &str, text: &str) -> Vec<String> {
    text.split([',', ';', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| rules.map_value(key, s).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A rules constant or default as a value of `key`.
fn toml_value(ty: KeyType, v: &toml::Value) -> Result<Option<Val>, String> {
    match v {
        toml::Value::String(s) if ty == KeyType::List => {
            Ok(Some(Val::List(vec![s.clone()])).filter(|_| !s.trim().is_empty()))
        }
        toml::Value::String(s) => parse_cell(ty, s),
        toml::Value::Integer(i) if ty == KeyType::Int => Ok(Some(Val::Int(*i))),
        toml::Value::Integer(i) => parse_cell(ty, &i.to_string()),
        toml::Value::Boolean(b) if ty == KeyType::Bool => Ok(Some(Val::Bool(*b))),
        toml::Value::Datetime(d) => parse_cell(ty, &d.to_string()),
        toml::Value::Array(items) if ty == KeyType::List => items
            .iter()
            .map(|i| match i {
                toml::Value::String(s) => Ok(s.clone()),
                other => Err(crate::tr!("import.not-text", input = other)),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|items| Some(Val::List(items))),
        other => Err(crate::tr!("import.does-not-fit", input = other)),
    }
}

/// One row, mapped: the keys in the order they are written, problems of
/// single cells (each naming its column), and the content hash.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub values: Vec<(String, Val)>,
    pub problems: Vec<String>,
    pub hash: String,
}

impl Mapped {
    pub fn get(&self, key: &str) -> Option<&Val> {
        self.values.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// Which sheet column feeds which key, in sheet order.
pub struct Plan {
    pub columns: Vec<(usize, String, String)>,
    pub kind: Kind,
}

impl Plan {
    /// The columns of `sheet` the rules map (heading matched exactly, then
    /// ignoring case and blanks); the rules' columns that are missing.
    pub fn new(rules: &Rules, sheet: &Sheet, kind: Kind) -> (Plan, Vec<String>) {
        let norm = |s: &str| s.trim().to_lowercase();
        let mut columns = Vec::new();
        let mut missing = Vec::new();
        for (heading, key) in &rules.columns {
            let found = sheet
                .headers
                .iter()
                .position(|h| h == heading)
                .or_else(|| sheet.headers.iter().position(|h| norm(h) == norm(heading)));
            match found {
                Some(i) => columns.push((i, sheet.headers[i].clone(), key.clone())),
                None => missing.push(heading.clone()),
            }
        }
        columns.sort_by_key(|(i, _, _)| *i);
        (Plan { columns, kind }, missing)
    }

    /// The headings of `sheet` that no rule maps.
    pub fn unmapped<'a>(&self, sheet: &'a Sheet) -> Vec<&'a str> {
        sheet
            .headers
            .iter()
            .enumerate()
            .filter(|(i, h)| !h.is_empty() && !self.columns.iter().any(|(c, _, _)| c == i))
            .map(|(_, h)| h.as_str())
            .collect()
    }

    /// The column headings that feed `key`.
    pub fn columns_of(&self, key: &str) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|(_, _, k)| k == key)
            .map(|(_, h, _)| h.as_str())
            .collect()
    }

    /// Maps one row.
    pub fn map(&self, rules: &Rules, sheet: &Sheet, row: &Row) -> Mapped {
        let mut values: Vec<(String, Val)> = Vec::new();
        let mut problems = Vec::new();
        let put = |key: &str, val: Val, values: &mut Vec<(String, Val)>| {
            match values.iter_mut().find(|(k, _)| k == key) {
                Some((_, Val::List(old))) => {
                    if let Val::List(new) = val {
                        old.extend(new);
                    }
                }
                Some((_, old)) if *old != val => {
                    return Err(crate::tr!(
                        "import.two-columns",
                        key = key,
                        one = shown(old),
                        other = shown(&val)
                    ));
                }
                Some(_) => {}
                None => values.push((key.to_string(), val)),
            }
            Ok(())
        };
        for (col, heading, key) in &self.columns {
            let text = sheet.cell(row, *col);
            let ty = key_type(self.kind, key);
            let parsed = if ty == KeyType::List {
                let items = list_items(rules, key, text);
                Ok((!items.is_empty()).then_some(Val::List(items)))
            } else {
                parse_cell(ty, rules.map_value(key, text.trim()))
            };
            match parsed {
                Ok(Some(v)) => {
                    if let Err(m) = put(key, v, &mut values) {
                        problems.push(m);
                    }
                }
                Ok(None) => {}
                Err(m) => problems.push(crate::tr!(
                    "import.cell",
                    heading = heading,
                    key = key,
                    problem = m
                )),
            }
        }
        for (key, v) in &rules.constants {
            match toml_value(key_type(self.kind, key), v) {
                Ok(Some(v)) => {
                    values.retain(|(k, _)| k != key);
                    values.push((key.clone(), v));
                }
                Ok(None) => values.retain(|(k, _)| k != key),
                Err(m) => problems.push(crate::tr!("import.constant", key = key, problem = m)),
            }
        }
        for (key, v) in &rules.defaults {
            if values.iter().any(|(k, _)| k == key) {
                continue;
            }
            match toml_value(key_type(self.kind, key), v) {
                Ok(Some(v)) => values.push((key.clone(), v)),
                Ok(None) => {}
                Err(m) => problems.push(crate::tr!("import.default", key = key, problem = m)),
            }
        }
        for (_, v) in values.iter_mut() {
            if let Val::List(items) = v {
                let mut seen = std::collections::BTreeSet::new();
                items.retain(|i| seen.insert(i.clone()));
            }
        }
        let hash = content_hash(&values);
        Mapped {
            values,
            problems,
            hash,
        }
    }
}

fn shown(v: &Val) -> String {
    match v {
        Val::Text(s) => format!("\"{s}\""),
        Val::Date(d) => d.to_string(),
        Val::Time(t) => t.format("%H:%M").to_string(),
        Val::Int(i) => i.to_string(),
        Val::Bool(b) => b.to_string(),
        Val::List(items) => format!("[{}]", items.join(", ")),
    }
}

/// SHA-256 (hex) over the keys and values, sorted by key, each as
/// `key=type:value` on its own line — independent of column order and of
/// the sheet's other columns.
pub fn content_hash(values: &[(String, Val)]) -> String {
    let sorted: BTreeMap<&str, String> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.canonical()))
        .collect();
    let mut h = Sha256::new();
    for (k, v) in sorted {
        h.update(k.as_bytes());
        h.update(b"=");
        h.update(v.as_bytes());
        h.update(b"\n");
    }
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn rules(text: &str) -> Rules {
        Rules::parse(text, Path::new("r.toml")).unwrap()
    }

    fn sheet(headers: &[&str], cells: &[&str]) -> Sheet {
        Sheet {
            headers: headers.iter().map(|s| s.to_string()).collect(),
            rows: vec![Row {
                number: 2,
                cells: cells.iter().map(|s| s.to_string()).collect(),
            }],
            legacy_encoding: false,
        }
    }

    #[test]
    fn maps_cells_labels_constants_and_defaults() {
        let r = rules(
            "[columns]\nDatum = \"date\"\nThemen = \"topics\"\nCode = \"client\"\nDolmetsch = \"interpreter\"\n\
             [values.topics]\nAufenthalt = \"residence\"\nWohnen = \"housing\"\n\
             [constants]\nkind = \"consultation\"\n[defaults]\nduration = 45\n",
        );
        let s = sheet(
            &["Datum", "Themen", "Code", "Dolmetsch", "Name"],
            &["03.02.2026", "Aufenthalt, wohnen", "7f3a", "ja", "ignored"],
        );
        let (plan, missing) = Plan::new(&r, &s, Kind::Appointment);
        assert!(missing.is_empty());
        assert_eq!(plan.unmapped(&s), vec!["Name"]);
        let m = plan.map(&r, &s, &s.rows[0]);
        assert!(m.problems.is_empty(), "{:?}", m.problems);
        assert_eq!(
            m.get("date"),
            Some(&Val::Date(NaiveDate::from_ymd_opt(2026, 2, 3).unwrap()))
        );
        assert_eq!(
            m.get("topics"),
            Some(&Val::List(vec!["residence".into(), "housing".into()]))
        );
        assert_eq!(m.get("client"), Some(&Val::Text("K-7F3A".into())));
        assert_eq!(m.get("interpreter"), Some(&Val::Bool(true)));
        assert_eq!(m.get("kind"), Some(&Val::Text("consultation".into())));
        assert_eq!(m.get("duration"), Some(&Val::Int(45)));
    }

    #[test]
    fn names_the_column_of_a_bad_cell() {
        let r = rules("[columns]\nDatum = \"date\"\n");
        let s = sheet(&["Datum"], &["31.02.2026"]);
        let (plan, _) = Plan::new(&r, &s, Kind::Appointment);
        let m = plan.map(&r, &s, &s.rows[0]);
        assert_eq!(m.problems.len(), 1);
        // the interface language of a test is German (the default)
        assert!(m.problems[0].starts_with("Spalte \"Datum\" (`date`)"));
    }

    #[test]
    fn the_hash_depends_on_values_not_on_column_order() {
        let a = content_hash(&[("a".into(), Val::Int(1)), ("b".into(), Val::Bool(true))]);
        let b = content_hash(&[("b".into(), Val::Bool(true)), ("a".into(), Val::Int(1))]);
        let c = content_hash(&[("a".into(), Val::Int(2)), ("b".into(), Val::Bool(true))]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 64);
    }
}
