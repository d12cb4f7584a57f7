//! Text search helpers the indicator search and the summary's opinion-word check share:
//! whole words by ASCII rules, and a plain substring scan (std's two-way searcher and the
//! Unicode case tables would add kilobytes to the widget for no gain on these short texts).

/// Words are runs of ASCII letters and digits: the indicator search and the summary's
/// opinion-word check both find words by these two tests. (Curly quotes and dashes pasted
/// from a document count as boundaries, as does any other non-ASCII character.)
pub(crate) fn starts_word(text: &str, at: usize) -> bool {
    at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric()
}

/// True when the text at byte `end` does not carry on the word before it.
pub(crate) fn ends_word(text: &str, end: usize) -> bool {
    text.as_bytes().get(end).is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// Byte offsets where `word` occurs in `text`. A plain scan: the texts are a sentence or two
/// long, and std's two-way string searcher would add about 1 KB to the widget.
pub(crate) fn occurrences<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    (0..text.len()).filter(move |&at| !word.is_empty() && text[at..].starts_with(word))
}

#[cfg(test)]
mod tests {
    use super::occurrences;

    #[test]
    fn occurrences_finds_every_match_and_nothing_else() {
        let at: Vec<usize> = occurrences("the theme, then", "the").collect();
        assert_eq!(at, [0, 4, 11]);
        assert_eq!(occurrences("café café", "café").collect::<Vec<_>>(), [0, 6]);
        assert_eq!(occurrences("ab", "abc").count(), 0);
        assert_eq!(occurrences("abc", "").count(), 0);
    }
}
