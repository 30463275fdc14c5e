//! "Did you mean" suggestions by edit distance, with bounded work: a candidate whose length
//! differs from the input's by more than the edit limit is skipped unmeasured, and a search
//! stops once it has spent its budget, so a huge catalogue or a long input costs little.

/// Work one [`closest`] call may spend, in character pairs compared (milliseconds).
pub const WORK_PER_CALL: usize = 2_000_000;

/// Work that many look-ups together may spend through [`closest_within`]: a folder of
/// thousands of misnamed files against a catalogue of thousands of elements stays under a
/// second; past it, no more suggestions are made.
pub const WORK_PER_CHECK: usize = 50_000_000;

/// "; did you mean `x`?" after an unknown name, or nothing without a suggestion.
pub fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
}

/// The first `max` names, then "and N more".
pub fn listed<S: AsRef<str>>(names: &[S], max: usize) -> String {
    let shown: Vec<&str> = names.iter().take(max).map(AsRef::as_ref).collect();
    let mut list = shown.join(", ");
    if names.len() > max {
        list.push_str(&format!(" and {} more", names.len() - max));
    }
    list
}

/// Levenshtein distance between two strings, counted in chars.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// The closest candidate, if it is close enough to be a plausible typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut budget = WORK_PER_CALL;
    closest_within(input, candidates, &mut budget)
}

/// [`closest`], spending at most `budget` (which it lowers by what it spends); `None` once
/// the budget is spent.
pub fn closest_within<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    budget: &mut usize,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    let input_chars = input.chars().count();
    let limit = (input_chars / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let chars = candidate.chars().count();
        // Looking at a candidate costs something even when it is skipped.
        let cost = 1 + if chars.abs_diff(input_chars) > limit {
            0
        } else {
            input_chars.max(1) * chars.max(1)
        };
        if cost > *budget {
            *budget = 0;
            break;
        }
        *budget -= cost;
        if cost == 1 {
            continue;
        }
        let d = distance(&input, &candidate.to_lowercase());
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, candidate));
            if d == 0 {
                break;
            }
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }

    #[test]
    fn closest_finds_typos_only() {
        let words = ["compliant", "partial", "non-compliant"];
        assert_eq!(closest("complaint", words), Some("compliant"));
        assert_eq!(closest("Partial", words), Some("partial"));
        assert_eq!(closest("banana", words), None);
    }

    #[test]
    fn work_is_bounded() {
        let ids: Vec<String> = (0..30_000)
            .map(|i| format!("{}.{}.{}", i / 900, i / 30 % 30, i % 30))
            .collect();
        let mut budget = 1_000;
        // Skipped by length without measuring: long inputs cost one unit per candidate.
        let long = "9".repeat(500_000);
        assert_eq!(
            closest_within(&long, ids.iter().map(String::as_str), &mut budget),
            None
        );
        assert_eq!(budget, 0);
        let mut budget = WORK_PER_CHECK;
        assert_eq!(
            closest_within("1.2.x", ids.iter().map(String::as_str), &mut budget),
            Some("1.2.0")
        );
        assert!(budget < WORK_PER_CHECK);
        let mut empty = 0;
        assert_eq!(closest_within("1.2.3", ["1.2.3"], &mut empty), None);
    }
}
