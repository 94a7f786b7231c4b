//! Everything a reader can set, and its URL form.
