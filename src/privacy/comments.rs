//! The comments of a TOML text: a `#` outside a string to the end of its
//! line. Records keep what a person wrote in them, comments included, so
//! the privacy scan reads those too.

/// One comment: its 1-based line and its text after the `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub line: usize,
    pub text: String,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Code,
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
}

/// Every comment in `raw` (which need not be valid TOML: an unterminated
/// string just ends the scan of its line or the file).
pub fn toml_comments(raw: &str) -> Vec<Comment> {
    // Most records hold no `#` at all: one fast search instead of a scan by state.
    if !raw.contains('#') {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut state = State::Code;
    for (i, line) in raw.lines().enumerate() {
        let b = line.as_bytes();
        let mut j = 0;
        while j < b.len() {
            let rest = &b[j..];
            match state {
                State::Code => {
                    if rest.starts_with(b"\"\"\"") {
                        state = State::MultiBasic;
                        j += 3;
                        continue;
                    }
                    if rest.starts_with(b"'''") {
                        state = State::MultiLiteral;
                        j += 3;
                        continue;
                    }
                    match b[j] {
                        b'"' => state = State::Basic,
                        b'\'' => state = State::Literal,
                        b'#' => {
                            out.push(Comment {
                                line: i + 1,
                                text: line[j + 1..].to_string(),
                            });
                            break;
                        }
                        _ => {}
                    }
                }
                State::Basic | State::MultiBasic if b[j] == b'\\' => j += 1,
                State::Basic if b[j] == b'"' => state = State::Code,
                State::Literal if b[j] == b'\'' => state = State::Code,
                State::MultiBasic if rest.starts_with(b"\"\"\"") => {
                    state = State::Code;
                    j += 3;
                    continue;
                }
                State::MultiLiteral if rest.starts_with(b"'''") => {
                    state = State::Code;
                    j += 3;
                    continue;
                }
                State::Basic | State::Literal | State::MultiBasic | State::MultiLiteral => {}
            }
            j += 1;
        }
        // A one-line string never runs on into the next line.
        if matches!(state, State::Basic | State::Literal) {
            state = State::Code;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_outside_strings_only() {
        let raw = r##"# head
id = "a#b" # tail "quoted"
notes = 'x # y'
long = """
# inside \""" still
"""  # after
lit = '''
# inside
'''
esc = "a\"#b"
umlaut = "Rückruf" # Grüße
"##;
        let got: Vec<(usize, String)> = toml_comments(raw)
            .into_iter()
            .map(|c| (c.line, c.text))
            .collect();
        let want = [
            (1, " head"),
            (2, " tail \"quoted\""),
            (6, " after"),
            (11, " Grüße"),
        ];
        assert_eq!(got, want.map(|(l, t)| (l, t.to_string())));
    }
}
