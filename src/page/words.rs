//! The page's word tables: each kind of thing the page names in its
//! attributes and links (an action, a section, a question) as an enum, with
//! the word for each value and back.

/// A table of the words the page uses for one kind of thing.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $($word:literal)|+,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every value, in the order of the table.
            pub const ALL: [$name; [$(stringify!($variant)),*].len()] = [$($name::$variant),*];

            /// What the page's word (an attribute value, a key's name) stands for.
            pub fn from_word(word: &str) -> Option<$name> {
                match word {
                    $($($word)|+ => Some($name::$variant),)*
                    _ => None,
                }
            }

            /// The page's word for it.
            pub fn word(self) -> &'static str {
                match self {
                    $($name::$variant => [$($word),+][0],)*
                }
            }
        }
    };
}
pub(crate) use words;
