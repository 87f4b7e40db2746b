//! Reading the office's lists: CSV as German Excel and LibreOffice save it
//! (`;` or `,`, a byte order mark or none, Windows-1252 when not UTF-8,
//! quoted cells with line breaks) through the `csv` crate, and `.xlsx`,
//! `.xls` and `.ods` workbooks through `calamine`. Every sheet becomes
//! headings and rows of cell texts; a row's number is the one a
//! spreadsheet program shows (the heading is row 1).

use calamine::{Data, DataType, Reader};
use std::path::{Path, PathBuf};

/// What can go wrong reading a sheet (texts from the catalogue, in the
/// interface language).
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("{}", crate::tr!("import.sheet-unreadable", path = .path.display(), problem = .source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::tr!("import.sheet-row", path = .path.display(), row = .row, problem = .message))]
    Csv {
        path: PathBuf,
        row: u64,
        message: String,
    },
    #[error("{}", crate::tr!("import.workbook-unreadable", path = .path.display(), problem = .message))]
    Workbook { path: PathBuf, message: String },
    #[error("{}", crate::tr!("import.no-such-sheet", path = .path.display(), name = .name, available = .available))]
    NoSheet {
        path: PathBuf,
        name: String,
        available: String,
    },
    #[error("{}", crate::tr!("import.no-heading", path = .path.display()))]
    Empty { path: PathBuf },
    #[error("{}", crate::tr!("import.unknown-format", path = .path.display(), ext = .ext))]
    Format { path: PathBuf, ext: String },
}

/// One data row: its number as a spreadsheet shows it, and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: u64,
    pub cells: Vec<String>,
}

/// A sheet: the column headings and the rows below them.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Set when a CSV file was not UTF-8 and was read as Windows-1252.
    pub legacy_encoding: bool,
}

impl Sheet {
    /// The cell of `column` in `row` (empty when the row is short).
    pub fn cell<'a>(&self, row: &'a Row, column: usize) -> &'a str {
        row.cells.get(column).map(String::as_str).unwrap_or("")
    }
}

/// Reads `path` by its extension; `delimiter` and `sheet` as the rules say.
pub fn read(path: &Path, delimiter: Option<u8>, sheet: Option<&str>) -> Result<Sheet, SheetError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path, sheet),
        "csv" | "txt" | "tsv" | "" => {
            let bytes = std::fs::read(path).map_err(|source| SheetError::Read {
                path: path.to_path_buf(),
                source,
            })?;
            read_csv(&bytes, path, delimiter)
        }
        _ => Err(SheetError::Format {
            path: path.to_path_buf(),
            ext,
        }),
    }
}

/// Reads CSV bytes: BOM dropped, Windows-1252 when not UTF-8, the separator
/// taken from the heading line unless given.
pub fn read_csv(bytes: &[u8], path: &Path, delimiter: Option<u8>) -> Result<Sheet, SheetError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let (text, legacy_encoding) = match std::str::from_utf8(bytes) {
        Ok(t) => (std::borrow::Cow::Borrowed(t), false),
        Err(_) => {
            let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (t, true)
        }
    };
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let csv_error = |e: csv::Error, row: u64| SheetError::Csv {
        path: path.to_path_buf(),
        row,
        message: e.to_string(),
    };
    let headers: Vec<String> = match records.next() {
        Some(r) => r
            .map_err(|e| csv_error(e, 1))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect(),
        None => {
            return Err(SheetError::Empty {
                path: path.to_path_buf(),
            });
        }
    };
    let mut rows = Vec::new();
    for (i, r) in records.enumerate() {
        let number = i as u64 + 2;
        let r = r.map_err(|e| csv_error(e, number))?;
        let cells: Vec<String> = r.iter().map(str::to_string).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Row { number, cells });
    }
    Ok(Sheet {
        headers,
        rows,
        legacy_encoding,
    })
}

/// The separator German spreadsheets use: whichever of `;`, `,` and tab
/// occurs most often outside quotes in the heading line (`;` on a tie).
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if *d == b {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0).reverse()))
        .filter(|(_, n)| *n > 0)
        .map(|(d, _)| *d)
        .unwrap_or(b';')
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Sheet, SheetError> {
    let workbook_error = |e: calamine::Error| SheetError::Workbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut book = calamine::open_workbook_auto(path).map_err(workbook_error)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s || n.to_lowercase() == s.to_lowercase())
            .cloned()
            .ok_or_else(|| SheetError::NoSheet {
                path: path.to_path_buf(),
                name: s.to_string(),
                available: names.join(", "),
            })?,
        None => names.first().cloned().ok_or_else(|| SheetError::Empty {
            path: path.to_path_buf(),
        })?,
    };
    let range = book.worksheet_range(&name).map_err(workbook_error)?;
    let first_row = range.start().map(|(r, _)| r as u64).unwrap_or(0);
    let mut rows_iter = range.rows().enumerate();
    let headers: Vec<String> = match rows_iter.next() {
        Some((_, r)) => r.iter().map(|c| cell_text(c).trim().to_string()).collect(),
        None => {
            return Err(SheetError::Empty {
                path: path.to_path_buf(),
            });
        }
    };
    let mut rows = Vec::new();
    for (i, r) in rows_iter {
        let cells: Vec<String> = r.iter().map(cell_text).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Row {
            number: first_row + i as u64 + 1,
            cells,
        });
    }
    Ok(Sheet {
        headers,
        rows,
        legacy_encoding: false,
    })
}

/// A workbook cell as the text a person would type: dates as `YYYY-MM-DD`,
/// times as `HH:MM`, whole numbers without `.0`.
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nein" }.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) if d.as_f64() < 1.0 => dt.format("%H:%M").to_string(),
            Some(dt) if dt.time() == chrono::NaiveTime::MIN => dt.format("%Y-%m-%d").to_string(),
            Some(dt) => dt.format("%Y-%m-%d %H:%M").to_string(),
            None => d.to_string(),
        },
        Data::DateTimeIso(_) | Data::DurationIso(_) => match (c.as_date(), c.as_time()) {
            (Some(d), _) => d.format("%Y-%m-%d").to_string(),
            (None, Some(t)) => t.format("%H:%M").to_string(),
            (None, None) => c.to_string(),
        },
        Data::Error(e) => format!("#{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &[u8]) -> Sheet {
        read_csv(text, Path::new("x.csv"), None).unwrap()
    }

    #[test]
    fn detects_semicolons_and_commas_and_drops_the_bom() {
        let s = csv(b"\xef\xbb\xbfDatum;Thema, Text\n01.02.2026;a,b\n");
        assert_eq!(s.headers, vec!["Datum", "Thema, Text"]);
        assert_eq!(s.rows[0].cells, vec!["01.02.2026", "a,b"]);
        let s = csv(b"Datum,Thema\n2026-02-01,\"a;b\"\n");
        assert_eq!(s.rows[0].cells, vec!["2026-02-01", "a;b"]);
    }

    #[test]
    fn keeps_line_breaks_in_quotes_and_numbers_rows_as_a_spreadsheet_does() {
        let s = csv(b"A;B\n1;\"zwei\nZeilen\"\n3;x\n");
        assert_eq!(s.rows[0].cells[1], "zwei\nZeilen");
        assert_eq!(s.rows[0].number, 2);
        assert_eq!(s.rows[1].number, 3, "a row is a record, not a line");
    }

    #[test]
    fn reads_windows_1252_when_not_utf8() {
        let s = csv(b"Stra\xdfe;Gr\xfc\xdfe\nx;y\n");
        assert!(s.legacy_encoding);
        assert_eq!(s.headers, vec!["Straße", "Grüße"]);
    }
}
