//! "Make a lesson link": the dialog's draft of what a teacher's link fixes —
//! the sections it shows, the controls it locks, the question it opens —
//! and the link it makes, with the page's state as it is now.

use super::question::Question;
use super::section::Section;
use super::url;
use super::view::View;
use crate::state::{Setting, State};

/// The controls the dialog offers to lock (a link may lock any control).
pub const LOCKABLE: [Setting; 13] = [
    Setting::Data,
    Setting::Regularization,
    Setting::C,
    Setting::Smoothing,
    Setting::Gamma,
    Setting::FocalAlpha,
    Setting::ClassBalancing,
    Setting::LabelSmoothing,
    Setting::Classes,
    Setting::Bins,
    Setting::Threshold,
    Setting::Points,
    Setting::Lang,
];

/// What the dialog holds while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonDraft {
    pub show: Vec<Section>,
    pub lock: Vec<Setting>,
    pub ask: Option<Question>,
    /// The page's address without its query.
    base: String,
}

/// The dialog as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonView {
    /// Whether each of [`Section::ALL`] is shown.
    pub show: Vec<bool>,
    /// Whether each of [`LOCKABLE`] is locked.
    pub lock: Vec<bool>,
    pub ask: Option<Question>,
    /// The link; `None` while no section is chosen.
    pub link: Option<String>,
}

impl LessonDraft {
    /// A draft of the view the page shows now.
    pub fn new(view: &View, base: String) -> LessonDraft {
        let show = view.show.clone().unwrap_or_else(|| Section::ALL.to_vec());
        LessonDraft { show, lock: view.lock.clone(), ask: view.ask, base }
    }

    pub fn set_show(&mut self, section: Section, on: bool) {
        self.show.retain(|&s| s != section);
        if on {
            self.show.push(section);
        }
    }

    pub fn set_lock(&mut self, setting: Setting, on: bool) {
        self.lock.retain(|&s| s != setting);
        if on {
            self.lock.push(setting);
        }
    }

    /// The view the link asks for: sections and controls in page order.
    pub fn view(&self) -> View {
        let show: Vec<Section> = Section::ALL.into_iter().filter(|s| self.show.contains(s)).collect();
        let lock = Setting::all().filter(|s| self.lock.contains(s)).collect();
        View { show: (show.len() < Section::ALL.len()).then_some(show), lock, ask: self.ask, ..View::default() }
    }

    /// The lesson link for `state`; `None` while no section is chosen.
    ///
    /// ```
    /// use losslab::page::lesson::LessonDraft;
    /// use losslab::page::{Section, View};
    /// use losslab::state::{Setting, State};
    /// let mut draft = LessonDraft::new(&View::default(), "https://course.example/losslab/".into());
    /// draft.set_show(Section::Keras, false);
    /// draft.set_lock(Setting::Gamma, true);
    /// let state = State { gamma: 0.5, ..State::default() };
    /// assert_eq!(
    ///     draft.link(&state).unwrap(),
    ///     "https://course.example/losslab/?show=intro,bce,cce,softmax,focal,smoothing,claims,data&lock=gamma&gamma=0.5"
    /// );
    /// ```
    pub fn link(&self, state: &State) -> Option<String> {
        if self.show.is_empty() {
            return None;
        }
        let query = url::write(state, &self.view());
        Some(if query.is_empty() { self.base.clone() } else { format!("{}?{query}", self.base) })
    }

    pub fn shown(&self, state: &State) -> LessonView {
        LessonView {
            show: Section::ALL.iter().map(|s| self.show.contains(s)).collect(),
            lock: LOCKABLE.iter().map(|s| self.lock.contains(s)).collect(),
            ask: self.ask,
            link: self.link(state),
        }
    }
}

/// Tab in the dialog, at its `at`-th of `count` focusable elements (`None`:
/// focus is elsewhere): the element to focus instead of leaving the
/// dialog, if any. Focus stays in the dialog while it is open.
///
/// ```
/// use losslab::page::lesson::tab;
/// assert_eq!(tab(Some(4), 5, false), Some(0));
/// assert_eq!(tab(Some(0), 5, true), Some(4));
/// assert_eq!(tab(Some(2), 5, false), None);
/// assert_eq!(tab(None, 5, true), Some(4));
/// ```
pub fn tab(at: Option<usize>, count: usize, backwards: bool) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match (at, backwards) {
        (None, false) => Some(0),
        (Some(i), false) if i >= last => Some(0),
        (None, true) | (Some(0), true) => Some(last),
        _ => None,
    }
}
