//! The URL mirrors the state: written after every change (a new history
//! entry for finished changes, a replacement while a slider or a drag is in
//! motion), read on load and on back/forward.

use wasm_bindgen::JsValue;

use super::{dom, App};
use crate::charts::Figure;
use crate::state::{Parsed, State, View};

pub fn read_location() -> Parsed {
    let search = dom::window().location().search().unwrap_or_default();
    State::from_query(&search)
}

pub fn write(query: &str, push: bool) {
    let Ok(history) = dom::window().history() else { return };
    let path = dom::window().location().pathname().unwrap_or_default();
    let url = if query.is_empty() { path } else { format!("?{query}") };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// An `<iframe>` that shows `figure` alone, with its controls, in the current state.
pub fn embed_code(app: &App, figure: Figure) -> String {
    let location = dom::window().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let view = View { embed: Some(vec![figure.name().to_owned()]), controls: true };
    let query = app.state.to_query_with(&view);
    let title = crate::i18n::t(app.state.lang, figure.title_key());
    format!(
        "<iframe src=\"{base}?{query}\" title=\"losslab: {title}\" width=\"720\" height=\"600\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>",
        query = query.replace('"', "%22")
    )
}
