//! "Did you mean …?": the known word closest to a misspelt one.

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The known key closest to a misspelt one, if it is close.
pub fn suggestion<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(key, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

/// Up to eight ids that look like `query` (case-insensitively): one holds
/// the other, or they differ in at most two characters.
pub fn close_ids<S: AsRef<str>>(query: &str, ids: &[S]) -> Vec<String> {
    let lower = query.to_lowercase();
    ids.iter()
        .map(AsRef::as_ref)
        .filter(|id| {
            let l = id.to_lowercase();
            (!lower.is_empty() && (l.contains(&lower) || lower.contains(&l)))
                || edit_distance(&l, &lower) <= 2
        })
        .take(8)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_words_are_found() {
        assert_eq!(edit_distance("gendr", "gender"), 1);
        assert_eq!(suggestion("gendr", &["id", "gender"]), Some("gender"));
        assert_eq!(suggestion("zzzzzz", &["id", "gender"]), None);
        assert_eq!(
            close_ids("k-7f3b", &["K-7F3A", "K-9999"]),
            vec!["K-7F3A".to_string()]
        );
    }
}
