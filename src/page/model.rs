//! Everything the page knows that is not the document: the state, how it is
//! shown, the fit as the animation has it, the scene the figures draw, the
//! calculators' answers, the pointer, and what is left to draw.

use std::rc::Rc;

use super::calculators::Calculators;
use super::fit::FitProgress;
use super::lesson::LessonDraft;
use super::question::Questions;
use super::softmax_fit::SoftmaxProgress;
use super::url::{self, Location};
use super::view::View;
use crate::charts::Figure;
use crate::i18n::Lang;
use crate::scene::{Deps, Scene, SoftmaxScene};
use crate::state::{Notice, Regularization, Setting, State, Theme};

/// The page's model.
pub struct Model {
    pub state: State,
    pub view: View,
    pub fit: FitProgress,
    /// The softmax model of the plane, as its animation has it.
    pub softmax: SoftmaxProgress,
    /// What every figure draws. Shared with the drawings in flight, and
    /// updated in place when they are done.
    pub scene: Rc<Scene>,
    pub calculators: Calculators,
    /// The point under the pointer or chosen by the keyboard (an index into
    /// `state.points`).
    pub highlight: Option<usize>,
    /// What the link that opened the page had wrong, shown until dismissed.
    pub notices: Vec<Notice>,
    pub notices_shown: bool,
    /// Whether the system asks for a dark page (followed when the theme is auto).
    pub system_dark: bool,
    pub(super) drag: Option<Drag>,
    /// The point of the plane under the pointer (an index into the plane's points).
    pub(super) plane_hover: Option<usize>,
    /// A point of the plane being dragged.
    pub(super) plane_drag: Option<Drag>,
    /// Scene parts to rebuild before the next drawing.
    pub(super) stale: Deps,
    /// Figures to draw once they are near the viewport.
    pub(super) redraw: FigureSet,
    /// Figures whose description is to be written again, near or not.
    pub(super) undescribed: FigureSet,
    /// The figures near the viewport (drawn when due), and those on it.
    pub(super) near: FigureSet,
    pub(super) shown: FigureSet,
    /// The figures within two screens of the viewport, which keep their
    /// drawings (all of them until the page has said where they are).
    pub(super) kept: FigureSet,
    /// A figure was drawn (before, each shows its still).
    pub(super) has_drawn: bool,
    /// A frame wrote the page's numbers, descriptions and questions (the
    /// page's first frame does, and draws nothing).
    pub(super) has_written: bool,
    /// Frames in a row that drew only figures on the screen while others near it waited.
    pub(super) held: u32,
    /// The page is being printed: every figure is drawn.
    pub(super) printing: bool,
    /// Figures on screen whose numbers a settled change moved: described
    /// aloud after the next frame.
    pub(super) announce: FigureSet,
    /// A change finished since the last link was written.
    pub(super) change_finished: bool,
    /// A change in progress (a slider or a point being dragged) since the
    /// last link was written.
    pub(super) in_progress: bool,
    /// The change in progress has its step in history: the links it writes
    /// until it finishes replace that step's.
    pub(super) step_open: bool,
    pub(super) last_query: String,
    /// Whether the data lists last showed the reader's own points: the
    /// line's, the plane's.
    pub(super) own_points: (bool, bool),
    /// A language the reader chose whose words are on their way, and whether
    /// the switch is a step in history.
    pub(super) pending_lang: Option<(Lang, bool)>,
    /// The reader's answers to the questions.
    pub questions: Questions,
    /// The questions' words or numbers may have changed.
    pub(super) questions_stale: bool,
    /// Something that may move a number happened since the last frame: the
    /// readouts, the code twins and the link are written again (a frame
    /// that only draws, on a resize or a scroll, leaves them be).
    pub(super) numbers_due: bool,
    /// Inside another page's frame: a change replaces the page's link
    /// instead of adding a step to the history the two pages share.
    pub framed: bool,
    /// The lesson-link dialog, while it is open.
    pub lesson: Option<LessonDraft>,
    /// The notices are about what the page around the embed sent, not the link.
    pub notices_from_api: bool,
    /// The link last told to the page around the embed.
    pub(super) told: Option<String>,
    /// A `losslab:set` to answer in the next frame, with what it had wrong.
    pub(super) set_answer: Option<Vec<Notice>>,
    /// The content height last told to the page around the embed.
    pub(super) height: u32,
}

/// A point being dragged: which, from where, and whether it has moved yet
/// (a press that does not move is a click).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Drag {
    pub index: usize,
    pub start: (f64, f64),
    pub moved: bool,
}

/// A set of figures, by their index in [`Figure::ALL`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FigureSet(u64);

impl FigureSet {
    pub const NONE: FigureSet = FigureSet(0);

    pub fn all() -> FigureSet {
        FigureSet((1u64 << Figure::ALL.len()) - 1)
    }

    pub fn reading(deps: Deps) -> FigureSet {
        Figure::ALL.into_iter().filter(|f| f.depends_on().intersects(deps)).collect()
    }

    pub fn insert(&mut self, figure: Figure) {
        self.0 |= 1 << figure.index();
    }

    pub fn contains(self, figure: Figure) -> bool {
        self.0 & (1 << figure.index()) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn union(self, other: FigureSet) -> FigureSet {
        FigureSet(self.0 | other.0)
    }

    pub fn intersection(self, other: FigureSet) -> FigureSet {
        FigureSet(self.0 & other.0)
    }

    pub fn without(self, other: FigureSet) -> FigureSet {
        FigureSet(self.0 & !other.0)
    }

    /// The figures, in page order.
    pub fn figures(self) -> impl Iterator<Item = Figure> {
        Figure::ALL.into_iter().filter(move |&f| self.contains(f))
    }
}

impl FromIterator<Figure> for FigureSet {
    fn from_iter<I: IntoIterator<Item = Figure>>(figures: I) -> FigureSet {
        let mut set = FigureSet::NONE;
        figures.into_iter().for_each(|f| set.insert(f));
        set
    }
}

/// A model on its way: the page's fits at their optimum, computed one at a
/// time. The first run of each is costly (the browser compiles the module's
/// code as it first runs), so the page opens as several short tasks instead
/// of one long one, and answers input between them.
pub struct Opening {
    location: Location,
    system_dark: bool,
    fit: Option<FitProgress>,
    softmax: Option<SoftmaxProgress>,
    calculators: Option<Calculators>,
}

impl Opening {
    /// The page a link opens, nothing computed yet.
    pub fn new(location: Location, system_dark: bool) -> Opening {
        Opening { location, system_dark, fit: None, softmax: None, calculators: None }
    }

    /// Computes the next fit; says whether one is left after it.
    pub fn step(&mut self) -> bool {
        let state = &self.location.state;
        if self.fit.is_none() {
            self.fit = Some(FitProgress::converged(state));
        } else if self.softmax.is_none() {
            self.softmax = Some(SoftmaxProgress::converged(state));
        } else if self.calculators.is_none() {
            self.calculators = Some(Calculators::new(state));
        }
        self.calculators.is_none()
    }

    /// The model, with what is not computed yet computed now, and its scene.
    pub fn finish(mut self) -> Model {
        while self.step() {}
        let (Some(fit), Some(softmax), Some(calculators)) = (self.fit, self.softmax, self.calculators) else {
            unreachable!("the steps compute every fit")
        };
        Model::assemble(self.location, self.system_dark, fit, softmax, calculators)
    }
}

impl Model {
    /// The page a link opens: the fit at its optimum, every figure to draw.
    pub fn new(location: Location, system_dark: bool) -> Model {
        Opening::new(location, system_dark).finish()
    }

    fn assemble(
        location: Location,
        system_dark: bool,
        fit: FitProgress,
        softmax: SoftmaxProgress,
        calculators: Calculators,
    ) -> Model {
        let Location { state, view, notices } = location;
        let plane = SoftmaxScene::build(&state, softmax.model(), softmax.error(), None);
        let scene =
            Rc::new(Scene::build(&state, fit.model(), fit.optimum_model(), None, &calculators.cce_scene(), plane));
        Model {
            notices_shown: !notices.is_empty(),
            notices,
            state,
            view,
            fit,
            softmax,
            scene,
            calculators,
            highlight: None,
            system_dark,
            drag: None,
            plane_hover: None,
            plane_drag: None,
            stale: Deps::NONE,
            redraw: FigureSet::all(),
            undescribed: FigureSet::all(),
            near: FigureSet::NONE,
            shown: FigureSet::NONE,
            kept: FigureSet::all(),
            has_drawn: false,
            has_written: false,
            held: 0,
            printing: false,
            announce: FigureSet::NONE,
            change_finished: false,
            in_progress: false,
            step_open: false,
            last_query: String::new(),
            own_points: (false, false),
            pending_lang: None,
            questions: Questions::default(),
            questions_stale: true,
            numbers_due: true,
            framed: false,
            lesson: None,
            notices_from_api: false,
            told: None,
            set_answer: None,
            height: 0,
        }
    }

    /// Whether the figures are drawn dark: the theme chosen, or the system's.
    pub fn dark(&self) -> bool {
        match self.state.theme {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::Auto => self.system_dark,
        }
    }

    /// Whether a setting's control is off: C without the L2 penalty, the
    /// focal α without class balancing (α_t = 1, nothing reads it), or any
    /// control the link locks.
    pub fn control_disabled(&self, setting: Setting) -> bool {
        (match setting {
            Setting::C => self.state.regularization == Regularization::Off,
            Setting::FocalAlpha => !self.state.class_balancing,
            Setting::SoftmaxC => self.state.softmax.regularization == Regularization::Off,
            _ => false,
        }) || self.view.locks(setting)
    }

    /// The link of the page as it is now.
    pub fn query(&self) -> String {
        url::write(&self.state, &self.view)
    }

    /// The notices, each a sentence in the page's language.
    pub fn notice_lines(&self) -> Vec<String> {
        self.notices.iter().map(|n| n.message().text(self.state.lang)).collect()
    }

    /// Marks scene parts as changed, and the figures that read them.
    pub(super) fn mark(&mut self, deps: Deps) {
        self.stale = self.stale.union(deps);
        self.redraw = self.redraw.union(FigureSet::reading(deps));
        self.undescribed = self.undescribed.union(FigureSet::reading(deps));
    }

    /// The state changed (`deps` says which part): refit when the points or
    /// the objective changed, and mark what to redraw. A finished change
    /// (not a drag or a slide in progress) is described aloud for the
    /// figures on screen that show it.
    pub(super) fn state_changed(&mut self, deps: Deps, finished: bool) {
        if deps.intersects(Deps::BINARY) {
            self.fit.data_changed(&self.state);
        }
        if deps.intersects(Deps::SOFTMAX) {
            self.softmax.data_changed(&self.state);
        }
        self.questions_stale = true;
        self.change_finished |= finished;
        self.in_progress |= !finished;
        if finished {
            self.announce = self.announce.union(FigureSet::reading(deps).intersection(self.shown));
        }
        self.mark(deps);
    }

    /// The figures drawn when due: those near the viewport, or all of them
    /// while the page is printed.
    pub fn drawable(&self) -> FigureSet {
        if self.printing {
            FigureSet::all()
        } else {
            self.near
        }
    }

    /// Whether a frame would draw something now.
    pub fn has_due(&self) -> bool {
        !self.redraw.intersection(self.drawable()).is_empty()
    }

    /// Figures waiting to be drawn until they come near the viewport.
    pub fn waiting(&self) -> FigureSet {
        self.redraw.without(self.drawable())
    }

    /// Everything a moved point costs but the drawing: every fit of the page
    /// refitted (each from its last optimum) and the scene rebuilt. The page
    /// benchmark times this.
    pub fn refit_all(&mut self) {
        self.state_changed(Deps::POINTS, false);
        self.rebuild_scene();
    }

    /// Rebuilds the stale parts of the scene, in place when no drawing holds it.
    pub(super) fn rebuild_scene(&mut self) {
        if self.stale == Deps::NONE {
            return;
        }
        let scene = Rc::make_mut(&mut self.scene);
        let (state, calculators, softmax) = (&self.state, &self.calculators, &self.softmax);
        scene.rebuild(
            self.stale,
            state,
            self.fit.model(),
            self.fit.optimum_model(),
            self.highlight,
            || calculators.cce_scene(),
            || SoftmaxScene::build(state, softmax.model(), softmax.error(), self.plane_hover),
        );
        self.stale = Deps::NONE;
    }
}
