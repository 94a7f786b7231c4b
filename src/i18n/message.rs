//! A sentence for the reader, not yet in a language: a key of the word
//! tables and the values of its placeholders. Errors and notices carry one,
//! so the same mistake reads in English on the command line and in the
//! reader's language on the page.

use super::lang::Lang;
use super::table::{fill, t};

/// A key and the values its `{placeholders}` take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub values: Vec<(&'static str, Value)>,
}

/// A placeholder's value: text as it is, a sentence of its own, or a list
/// joined as the language joins lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Message(Message),
    List(Vec<String>),
}

impl Message {
    pub fn new(key: &'static str) -> Message {
        Message { key, values: Vec::new() }
    }

    /// This message with `{name}` standing for `text`.
    pub fn with(mut self, name: &'static str, text: impl Into<String>) -> Message {
        self.values.push((name, Value::Text(text.into())));
        self
    }

    /// This message with `{name}` standing for another message, in the same language.
    pub fn with_message(mut self, name: &'static str, message: Message) -> Message {
        self.values.push((name, Value::Message(message)));
        self
    }

    /// This message with `{name}` standing for `items`, joined as `lang` joins lists.
    pub fn with_list(mut self, name: &'static str, items: Vec<String>) -> Message {
        self.values.push((name, Value::List(items)));
        self
    }

    /// The sentence in `lang`.
    ///
    /// ```
    /// use losslab::i18n::{Lang, Message};
    /// let m = Message::new("error.loss.empty").with("what", "y_pred");
    /// assert_eq!(m.text(Lang::En), "y_pred is empty: a loss needs at least one value");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let values: Vec<(&str, String)> = self
            .values
            .iter()
            .map(|(name, value)| {
                let text = match value {
                    Value::Text(text) => text.clone(),
                    Value::Message(message) => message.text(lang),
                    Value::List(items) => items.join(t(lang, "list.separator")),
                };
                (*name, text)
            })
            .collect();
        fill(t(lang, self.key), &values)
    }
}

/// Offending text is shown up to this many characters.
const EXCERPT_CHARS: usize = 40;

/// `text` cut to `EXCERPT_CHARS` characters, with `…` when it was longer,
/// so a notice about a megabyte of garbage stays one line.
pub fn excerpt(text: &str) -> String {
    if text.chars().nth(EXCERPT_CHARS).is_none() {
        return text.to_owned();
    }
    let cut = text.char_indices().nth(EXCERPT_CHARS - 1).map_or(text.len(), |(i, _)| i);
    format!("{}…", &text[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_keeps_forty_characters() {
        assert_eq!(excerpt("short"), "short");
        let forty = "x".repeat(40);
        assert_eq!(excerpt(&forty), forty);
        assert_eq!(excerpt(&"交".repeat(41)), format!("{}…", "交".repeat(39)));
    }
}
