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

/// A placeholder's value: text as it is, or a sentence of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Message(Message),
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
                };
                (*name, text)
            })
            .collect();
        fill(t(lang, self.key), &values)
    }
}
