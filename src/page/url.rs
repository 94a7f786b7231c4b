//! The page's whole link: its view, then its state. Reading is the border:
//! whatever a link holds, the page gets a view and a state within their
//! ranges, and a notice for each thing it had to correct.

use super::view::{View, VIEW_KEYS};
use crate::charts::{Figure, Pointer, Shape};
use crate::i18n::{t, Lang};
use crate::scene::Deps;
use crate::state::{join_pairs, query_part, split_pairs, state_keys, Notice, Reader, State};

/// What a link asks the page to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Always within its ranges.
    pub state: State,
    pub view: View,
    /// What was clamped or ignored, in the order met.
    pub notices: Vec<Notice>,
}

/// Reads a link's query (with or without `?`; a `#fragment` is ignored).
///
/// ```
/// use losslab::charts::Figure;
/// use losslab::page::url::read;
/// let location = read("?C=5000&lang=zh&embed=fit");
/// assert_eq!(location.state.c, 1000.0);
/// assert_eq!(location.view.embed, Some(vec![Figure::Fit]));
/// assert_eq!(location.notices[0].message().text(location.state.lang), "C = 5000 超出范围，已使用 1000。");
/// ```
pub fn read(query: &str) -> Location {
    read_onto(State::default(), query)
}

/// Reads a link's query onto `state`: what the link does not set, or sets to
/// nothing it can hold, keeps `state`'s value.
fn read_onto(mut state: State, query: &str) -> Location {
    let keys = VIEW_KEYS.into_iter().chain(state_keys()).collect();
    let mut reader = Reader::new(query_part(query), keys);
    let view = View::read(&mut reader);
    state.read_onto(&mut reader);
    Location { state, view, notices: reader.finish() }
}

/// Reads a page's address, its path and query (`/course/zh/?gamma=2`, as
/// `location.pathname` and `location.search` give them): as [`read`], but a
/// link that names no language, or none the page has, shows the language of
/// the page it is in: the Chinese page's folder is `zh/`.
///
/// ```
/// use losslab::i18n::Lang;
/// use losslab::page::url::read_address;
/// assert_eq!(read_address("/course/zh/?gamma=2").state.lang, Lang::Zh);
/// assert_eq!(read_address("/course/zh/?lang=en").state.lang, Lang::En);
/// assert_eq!(read_address("/course/?gamma=2").state.lang, Lang::En);
/// ```
pub fn read_address(address: &str) -> Location {
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    read_onto(State { lang: folder_lang(path), ..State::default() }, query)
}

/// The language of the page built in the folder of `path`: the Chinese one
/// in `zh/`, the English one everywhere else.
pub fn folder_lang(path: &str) -> Lang {
    if path.ends_with("/zh/") || path.ends_with("/zh/index.html") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The query (without `?`) that reproduces `state` in `view`: the view's
/// keys first, then the state's, each only where it differs from the default.
///
/// ```
/// use losslab::charts::Figure;
/// use losslab::page::{url::write, View};
/// use losslab::state::State;
/// let state = State { gamma: 3.0, ..State::default() };
/// let view = View { embed: Some(vec![Figure::FocalCurves]), ..View::default() };
/// assert_eq!(write(&state, &view), "embed=focal-curves&gamma=3");
/// ```
pub fn write(state: &State, view: &View) -> String {
    let mut pairs = view.pairs();
    pairs.extend(state.url_pairs());
    join_pairs(&pairs)
}

/// An `<iframe>` that shows `figure` alone, with its controls, in `state`;
/// `base` is the page's address without its query. Its height fits the
/// figure and its controls at its width; the few lines after it let the
/// embed size its frame to its content as that changes (the embed reports
/// its height to any page, without its state).
pub fn embed_code(base: &str, state: &State, figure: Figure) -> String {
    let view = View { embed: Some(vec![figure]), ..View::default() };
    let query = write(state, &view).replace('"', "%22");
    let title = t(state.lang, figure.title_key());
    let height = embed_height(figure);
    format!(
        "<iframe src=\"{base}?{query}\" title=\"losslab: {title}\" width=\"{EMBED_WIDTH}\" height=\"{height}\" \
         style=\"border:0;max-width:100%\" loading=\"lazy\" data-losslab></iframe>\n{RESIZE_SCRIPT}"
    )
}

/// The width of the copied `<iframe>`, in CSS pixels.
pub const EMBED_WIDTH: u32 = 720;

/// What the copied embed code adds after its `<iframe>`: each losslab frame
/// takes the height its content reports.
const RESIZE_SCRIPT: &str = "<script>
  addEventListener(\"message\", (event) => {
    if (event.data?.type !== \"losslab:resize\") return;
    for (const frame of document.querySelectorAll(\"iframe[data-losslab]\"))
      if (frame.contentWindow === event.source) frame.height = event.data.height;
  });
</script>";

/// The height of an embed of `figure` with its controls, [`EMBED_WIDTH`]
/// pixels wide: its figure and caption, then the controls that come with it
/// (the end-to-end tests measure every figure against it).
pub fn embed_height(figure: Figure) -> u32 {
    let spec = figure.spec();
    let figure_box = match spec.shape {
        Shape::Strip => 240,
        Shape::Standard | Shape::Tall => 460,
        Shape::Panels => 480,
    };
    let deps = spec.deps;
    let controls = if deps.intersects(Deps::COMPARISON) {
        // The data set's controls, the comparison's and its scorecard.
        1030
    } else if deps.intersects(Deps::CCE) {
        // The categorical calculator, each framework's row with the
        // sentences that explain its call.
        1040
    } else if deps.intersects(Deps::SOFTMAX) {
        // The plane's data, sliders, buttons, class picker and readouts (their
        // rows wrap once more in some engines),
        // and under its probabilities the chosen point's Keras calls.
        520 + if figure == Figure::SoftmaxProbs { 150 } else { 0 }
    } else if deps.intersects(Deps::FOCAL) {
        // γ, α, class balancing and three readouts, whose labels wrap.
        150
    } else if deps.intersects(Deps::LABEL_SMOOTHING) {
        125
    } else if spec.pointer == Pointer::Moves {
        // The data set's controls and the fit's (a few pixels to spare:
        // where a system's Chinese face also has Latin glyphs, some engines
        // set a line of them a pixel taller).
        380
    } else if deps.intersects(Deps::BINARY) {
        240
    } else {
        0
    };
    figure_box + controls
}

/// The one key whose value differs between two links' queries (`a=1&b=2`),
/// if exactly one does: a change of one control.
///
/// ```
/// use losslab::page::url::one_change;
/// assert_eq!(one_change("gamma=1&bins=5", "gamma=1.1&bins=5"), Some("gamma"));
/// assert_eq!(one_change("gamma=1", "gamma=1&smooth=0.2"), Some("smooth"));
/// assert_eq!(one_change("gamma=1", "smooth=0.2"), None);
/// assert_eq!(one_change("gamma=1", "gamma=1"), None);
/// ```
pub fn one_change<'a>(before: &'a str, after: &'a str) -> Option<&'a str> {
    let (before, after): (Vec<_>, Vec<_>) = (split_pairs(before).collect(), split_pairs(after).collect());
    // The keys of the pairs only one side has: a changed value is on both.
    let lone = |pairs: &[(&'a str, &'a str)], other: &[(&'a str, &'a str)]| -> Vec<&'a str> {
        pairs.iter().filter(|pair| !other.contains(pair)).map(|(key, _)| *key).collect()
    };
    let changed = [lone(&before, &after), lone(&after, &before)].concat();
    let (key, rest) = changed.split_first()?;
    rest.iter().all(|other| other == key).then_some(*key)
}
