//! The embed's conversation with the page around it (`api=1`), as values:
//! what it says (`losslab:ready`, `losslab:change`, `losslab:answer`,
//! `losslab:resize`) written as JSON text, and what it hears
//! (`losslab:set`), read through the same border as a link. The shell only
//! posts and receives.

use crate::i18n::Lang;
use crate::number::format::shortest;
use crate::state::{link_text, query_of, state_keys, Notice, Reader, State, Value, SETTINGS};

/// A message for the parent page: its JSON text, and the only origin that
/// may read it (`None`: any, so it carries no state).
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub json: String,
    pub target: Option<String>,
}

impl Outgoing {
    /// `{"type":"losslab:<kind>", …fields}` for `target`.
    fn new(kind: &str, fields: &[(&str, String)], target: Option<String>) -> Outgoing {
        let mut json = format!("{{\"type\":{}", string(&format!("losslab:{kind}")));
        for (name, value) in fields {
            json.push_str(&format!(",{}:{value}", string(name)));
        }
        json.push('}');
        Outgoing { json, target }
    }

    /// The state, to `origin` alone; without an origin, no state (and any page may read it).
    fn with_state(kind: &str, state: &State, origin: &Option<String>, notices: &[Notice]) -> Outgoing {
        match origin {
            Some(origin) => {
                let mut fields = vec![("state", state_json(state))];
                if !notices.is_empty() {
                    fields.push(("notices", notices_json(notices, state.lang)));
                }
                Outgoing::new(kind, &fields, Some(origin.clone()))
            }
            None => Outgoing::new(kind, &[], None),
        }
    }

    pub fn ready(state: &State, origin: &Option<String>) -> Outgoing {
        Outgoing::with_state("ready", state, origin, &[])
    }

    pub fn change(state: &State, origin: &Option<String>, notices: &[Notice]) -> Outgoing {
        Outgoing::with_state("change", state, origin, notices)
    }

    /// An answer to a question: its key and whether it was right, to the
    /// named origin, else to any.
    pub fn answer(question: &str, right: bool, origin: &Option<String>) -> Outgoing {
        Outgoing::new("answer", &[("question", string(question)), ("correct", right.to_string())], origin.clone())
    }

    /// The content's height in CSS pixels: no state, so any page may size its frame.
    pub fn resize(height: u32) -> Outgoing {
        Outgoing::new("resize", &[("height", height.to_string())], None)
    }
}

/// Every setting of `state` by its link key, as a JSON object: numbers as
/// numbers, flags as booleans, words and text as strings, points as a link
/// writes them (`"-2.2:0,0.4:1"`).
///
/// ```
/// use losslab::page::api::state_json;
/// use losslab::state::State;
/// let json = state_json(&State::default());
/// assert!(json.starts_with(r#"{"data":"article","seed":1,"reg":"l2","C":1,"smooth":0,"gamma":2,"alpha":0.25,"balance":false,"#));
/// ```
pub fn state_json(state: &State) -> String {
    let fields: Vec<String> = SETTINGS
        .iter()
        .map(|spec| {
            let value = match spec.setting.get(state) {
                Value::Number(x) => shortest(x),
                Value::Flag(on) => on.to_string(),
                other => string(&link_text(other)),
            };
            format!("{}:{value}", string(spec.key))
        })
        .collect();
    format!("{{{}}}", fields.join(","))
}

fn notices_json(notices: &[Notice], lang: Lang) -> String {
    let texts: Vec<String> = notices.iter().map(|n| string(&n.message().text(lang))).collect();
    format!("[{}]", texts.join(","))
}

/// `text` as a JSON string.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A `losslab:set`'s settings over `state`, read exactly as a link's are
/// (by key, clamped or ignored with a notice); settings it does not name
/// keep their value.
///
/// ```
/// use losslab::page::api::apply_set;
/// use losslab::state::State;
/// let mut state = State::default();
/// let notices = apply_set(&mut state, &[("gamma".into(), "9".into()), ("ls".into(), "0.3".into())]);
/// assert_eq!((state.gamma, state.label_smoothing), (5.0, 0.3));
/// assert_eq!(notices[0].message().text(state.lang), "gamma = 9 is out of range; using 5.");
/// ```
pub fn apply_set(state: &mut State, pairs: &[(String, String)]) -> Vec<Notice> {
    let mut reader = Reader::new(&query_of(pairs), state_keys().collect());
    state.read_onto(&mut reader);
    reader.finish()
}
