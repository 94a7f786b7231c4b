//! The languages the page reads in.

/// Whether `c` is a square (CJK) character, from the CJK radicals (U+2E80)
/// on: set a full em wide, two columns of a monospace face, and a word of
/// its own where a line may break.
///
/// ```
/// use losslab::i18n::is_wide;
/// assert!(is_wide('类') && is_wide('，') && !is_wide('ε') && !is_wide('a'));
/// ```
pub fn is_wide(c: char) -> bool {
    c >= '\u{2e80}'
}

/// A language of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language's code in the URL and in its words' file name.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// What ends a sentence: a full stop, full-width in Chinese.
    pub const fn full_stop(self) -> &'static str {
        match self {
            Lang::En => ".",
            Lang::Zh => "。",
        }
    }

    /// What goes between two sentences: a space in English, nothing in
    /// Chinese (its full stop carries the gap).
    pub const fn sentence_gap(self) -> &'static str {
        match self {
            Lang::En => " ",
            Lang::Zh => "",
        }
    }

    /// The language whose [`code`](Lang::code) this is; English for any other.
    pub fn from_code(code: &str) -> Lang {
        Lang::ALL.into_iter().find(|lang| lang.code() == code).unwrap_or(Lang::En)
    }
}
