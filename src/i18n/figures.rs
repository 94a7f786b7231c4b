//! Strings drawn inside the figures and their text alternatives.
use super::Entry;

pub const STRINGS: &[Entry] = &[];
