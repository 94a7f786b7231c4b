//! The page's logic: [`update`] takes the model and one message and returns
//! what the document must do. Plain Rust, tested natively.

use super::api::{self, Outgoing};
use super::changes::{Changes, CopyButton, Focus};
use super::lesson::{self, LessonDraft};
use super::model::{FigureSet, Model};
use super::msg::{Action, ExportKind, LessonEvent, Msg, Preset, QuestionAction, QuestionEvent, Region};
use super::question::{Answer, Question};
use super::questions::{answer_question, show_point};
use super::softmax_fit::SoftmaxProgress;
use super::{code, plane_pointer, pointer, url};
use crate::charts::{alt_text, Figure};
use crate::i18n::{self, Lang, Message};
use crate::scene::Deps;
use crate::state::{parse_points_csv, Calc, CalcField, ControlInput, Kind, Put, Setting, State, Value, SEED_RANGE};

/// Applies one message to the model.
///
/// ```
/// use losslab::charts::Figure;
/// use losslab::page::{update, url, Model, Msg, Region};
/// use losslab::state::{ControlInput, Setting};
/// let mut model = Model::new(url::read(""), false);
/// // The focal curves are near the viewport: γ redraws them.
/// update(&mut model, Msg::Seen { region: Region::Near, inside: vec![Figure::FocalCurves], outside: vec![] });
/// let changes = update(&mut model, Msg::Control { setting: Setting::Gamma, input: ControlInput::Text("0".into()), finished: true });
/// assert!(changes.frame);
/// assert_eq!(model.state.gamma, 0.0);
/// ```
pub fn update(model: &mut Model, msg: Msg) -> Changes {
    let mut changes = Changes::default();
    model.numbers_due |= !only_draws(&msg);
    match msg {
        Msg::Control { setting, input, finished } => control(model, setting, &input, finished, &mut changes),
        Msg::Action(action) => act(model, action, &mut changes),
        Msg::Preset(preset) => {
            apply_preset(&mut model.state, preset);
            changes.controls.extend(calculator_fields(Calc::Categorical));
            calculator_changed(model, Calc::Categorical, true, &mut changes);
        }
        Msg::ApplyCsv(_) if model.view.locks(Setting::Points) => {}
        Msg::ApplyCsv(text) => match parse_points_csv(&text) {
            Ok(points) => {
                Setting::Points.put(&mut model.state, Value::Points(points));
                model.highlight = None;
                changes.csv_errors = Some(Vec::new());
                model.state_changed(Deps::POINTS, true);
            }
            Err(errors) => {
                changes.csv_errors = Some(errors.iter().map(|e| e.message().text(model.state.lang)).collect());
            }
        },
        Msg::Share { href } => changes.copy = Some((href, CopyButton::Share)),
        Msg::CopyCode(block) => changes.copy = Some((code::code(model, block), CopyButton::Code(block))),
        Msg::Export { figure, kind: ExportKind::Embed, base } => {
            changes.copy = Some((url::embed_code(&base, &model.state, figure), CopyButton::Embed(figure)));
        }
        Msg::Export { figure, kind, .. } => changes.export = Some((figure, kind)),
        Msg::Pointer(event) => pointer::pointer(model, &event, &mut changes),
        Msg::Key { figure, key, shift, map } => pointer::key(model, figure, key, shift, map, &mut changes),
        Msg::Blur => changes.tooltip = Some(super::changes::Tooltip::Hide),
        Msg::Navigated(address) => navigated(model, &address, &mut changes),
        Msg::WordsArrived(lang) => {
            if let Some((wanted, push)) = model.pending_lang {
                if wanted == lang && i18n::is_installed(lang) {
                    model.pending_lang = None;
                    show_lang(model, lang, &mut changes);
                    model.change_finished |= push;
                }
            }
        }
        Msg::SystemDark(dark) => {
            model.system_dark = dark;
            changes.theme = true;
            model.redraw = FigureSet::all();
        }
        Msg::Resized(figures) => model.redraw = model.redraw.union(figures.into_iter().collect()),
        Msg::Seen { region, inside, outside } => seen(model, region, &inside, &outside, &mut changes),
        Msg::Hold => pointer::hold(model),
        Msg::Printing(printing) => model.printing = printing,
        Msg::Frame => frame(model, &mut changes),
        Msg::Opened { framed, progress } => opened(model, framed, progress.as_deref(), &mut changes),
        Msg::Question(question, event) => question_event(model, question, event, &mut changes),
        Msg::Lesson(event) => lesson_event(model, event, &mut changes),
        Msg::ApiSet { origin, pairs } => api_set(model, &origin, &pairs, &mut changes),
        Msg::CodeShown => changes.frame = true,
        Msg::Height(height) => {
            if model.framed && height != model.height {
                model.height = height;
                changes.post.push(Outgoing::resize(height));
            }
        }
    }
    // A frame also when only the numbers changed: the readouts and the link
    // follow every change, drawn or not.
    changes.frame |= model.has_due()
        || model.stale != Deps::NONE
        || !model.undescribed.is_empty()
        || model.fit.playing()
        || model.softmax.playing();
    changes
}

/// Whether `msg` can change nothing but which figures are drawn, and how
/// (a frame itself changes numbers only while something plays).
fn only_draws(msg: &Msg) -> bool {
    matches!(
        msg,
        Msg::Frame | Msg::Resized(_) | Msg::Seen { .. } | Msg::Printing(_) | Msg::SystemDark(_) | Msg::Height(_)
    )
}

/// Figures came near the viewport or left it: only what is near is drawn,
/// and what is far lets its drawing go, to be drawn again when it comes back.
fn seen(model: &mut Model, region: Region, inside: &[Figure], outside: &[Figure], changes: &mut Changes) {
    let inside: FigureSet = inside.iter().copied().collect();
    let outside: FigureSet = outside.iter().copied().collect();
    match region {
        Region::Shown => model.shown = model.shown.union(inside).without(outside),
        Region::Near => model.near = model.near.union(inside).without(outside),
        Region::Kept => model.kept = model.kept.union(inside).without(outside),
    }
    // A figure lets its drawing go once it is neither near nor kept,
    // whichever region says so last: each region reports on its own, and a
    // quick scroll can have the far one report before the near one.
    let far = outside.without(model.kept).without(model.drawable());
    changes.release = far.figures().collect();
    model.redraw = model.redraw.union(far);
}

/// A setting's control moved: the value goes through the state's border,
/// then everything that reads it follows.
fn control(model: &mut Model, setting: Setting, input: &ControlInput, finished: bool, changes: &mut Changes) {
    if setting == Setting::Points || model.view.locks(setting) {
        return; // the points text box is applied by its button; a locked control is off
    }
    model.in_progress |= !finished;
    let Some(value) = setting.read_control(input) else {
        if let (Setting::Calculator(which, CalcField::LabelSmoothing), ControlInput::Text(text)) = (setting, input) {
            // A number field holding no number: the calculator says so.
            let problem = Message::new("calc.smoothing-range").with("value", text.trim());
            model.calculators.refuse(which, "label_smoothing", problem);
            changes.calculators = true;
        }
        return;
    };
    if setting == Setting::Lang {
        // The page goes on showing its language until the chosen one's words are here.
        let shown = model.state.lang;
        if setting.put(&mut model.state, value) != Put::Refused {
            let lang = std::mem::replace(&mut model.state.lang, shown);
            switch_lang(model, lang, finished, changes);
        }
        return;
    }
    match setting.put(&mut model.state, value) {
        Put::Refused => return,
        // Its controls show the value taken: brought into range, and in every
        // section that has one (γ has a slider in two). Typed text is left
        // alone while the reader types.
        Put::Clamped(_) if finished => changes.controls.push(setting),
        _ if !matches!(setting.spec().kind, Kind::Text | Kind::Points) => changes.controls.push(setting),
        _ => {}
    }
    setting_changed(model, setting, finished, changes);
}

/// What follows from a setting's new value: the figures and numbers that
/// read it are recomputed, and a finished change is a step in history.
fn setting_changed(model: &mut Model, setting: Setting, finished: bool, changes: &mut Changes) {
    match setting {
        Setting::Data | Setting::Seed => {
            model.highlight = None;
            changes.controls.push(Setting::Points); // the text box shows the new points
            if setting == Setting::Seed {
                new_plane_points(model); // the plane's points are drawn with the seed too
            }
            model.state_changed(Deps::POINTS, finished);
        }
        Setting::Regularization | Setting::C | Setting::Smoothing => {
            if setting == Setting::Regularization {
                changes.controls.push(Setting::C); // C is off without the penalty
            }
            model.state_changed(Deps::POINTS, finished);
        }
        Setting::Gamma | Setting::FocalAlpha | Setting::ClassBalancing => {
            if setting == Setting::ClassBalancing {
                changes.controls.push(Setting::FocalAlpha); // α is off without class balancing
            }
            model.state_changed(Deps::FOCAL_FIT, finished)
        }
        Setting::Bins | Setting::Threshold => model.state_changed(Deps::COMPARISON, finished),
        Setting::LabelSmoothing | Setting::Classes => model.state_changed(Deps::LABEL_SMOOTHING, finished),
        Setting::Palette | Setting::Theme => {
            changes.theme = true;
            model.change_finished |= finished;
            model.redraw = FigureSet::all();
        }
        Setting::Calculator(which, _) => calculator_changed(model, which, finished, changes),
        Setting::SoftmaxData | Setting::SoftmaxClasses => {
            new_plane_points(model);
            changes.controls.push(Setting::SoftmaxClass); // the picker stays within K
            model.state_changed(Deps::SOFTMAX, finished);
        }
        Setting::SoftmaxRegularization => {
            changes.controls.push(Setting::SoftmaxC); // C is off without the penalty
            model.state_changed(Deps::SOFTMAX, finished);
        }
        Setting::SoftmaxC | Setting::SoftmaxSmoothing | Setting::SoftmaxGamma | Setting::SoftmaxPoints => {
            model.state_changed(Deps::SOFTMAX, finished)
        }
        Setting::SoftmaxClass => {
            // The picker also gives the chosen point its class.
            let chosen = (model.state.softmax.selected as usize).checked_sub(1);
            if let Some(index) = chosen {
                plane_pointer::set_class(model, index, model.state.softmax.class);
            }
            model.change_finished |= finished;
        }
        Setting::SoftmaxPoint => {
            model.change_finished |= finished;
            model.mark(Deps::SOFTMAX);
        }
        Setting::Lang | Setting::Points => {}
    }
}

/// The plane has new points (a preset, K or the seed chose them): none is
/// chosen or under the pointer.
fn new_plane_points(model: &mut Model) {
    Setting::SoftmaxPoint.put(&mut model.state, Value::Number(0.0));
    model.plane_hover = None;
    model.mark(Deps::SOFTMAX);
}

fn act(model: &mut Model, action: Action, changes: &mut Changes) {
    match action {
        Action::Play => model.fit.toggle_play(),
        Action::Step => model.fit.step(&model.state),
        Action::Reset => {
            model.fit.pause();
            model.fit.reset();
        }
        Action::Converge => model.fit.converge(&model.state),
        Action::ResetPoints if model.view.locks(Setting::Data) => return,
        Action::NewSeed if model.view.locks(Setting::Seed) => return,
        Action::ResetPoints => {
            Setting::Data.put(&mut model.state, Value::Word("article"));
            model.highlight = None;
            changes.controls.extend([Setting::Data, Setting::Points]);
            model.state_changed(Deps::POINTS, true);
            return;
        }
        Action::NewSeed => {
            let next = if model.state.seed == *SEED_RANGE.end() { 0 } else { model.state.seed + 1 };
            Setting::Seed.put(&mut model.state, Value::Number(f64::from(next)));
            model.highlight = None;
            changes.controls.extend([Setting::Seed, Setting::Points]);
            new_plane_points(model);
            model.state_changed(Deps::POINTS | Deps::SOFTMAX, true);
            return;
        }
        Action::DismissNotices => {
            model.notices_shown = false;
            changes.notices = true;
            return;
        }
        // Read with their text by the shell: they arrive as their own messages.
        Action::Share | Action::ApplyCsv | Action::Lesson | Action::LessonClose | Action::LessonCopy => return,
        Action::SoftmaxPlay | Action::SoftmaxStep | Action::SoftmaxReset | Action::SoftmaxConverge => {
            let softmax = &mut model.softmax;
            match action {
                Action::SoftmaxPlay => softmax.toggle_play(),
                Action::SoftmaxStep => softmax.step(),
                Action::SoftmaxReset => softmax.reset(),
                _ => softmax.converge(),
            }
            model.mark(Deps::SOFTMAX);
            return;
        }
    }
    model.mark(Deps::BINARY);
}

fn calculator_changed(model: &mut Model, which: Calc, finished: bool, changes: &mut Changes) {
    model.calculators.evaluate(&model.state, which);
    changes.calculators = true;
    model.questions_stale = true;
    model.change_finished |= finished;
    if which == Calc::Categorical {
        model.mark(Deps::CCE);
    }
}

fn calculator_fields(which: Calc) -> impl Iterator<Item = Setting> {
    use CalcField::*;
    [YTrue, YPred, FromLogits, LabelSmoothing, Reduction, SampleWeight]
        .into_iter()
        .map(move |f| Setting::Calculator(which, f))
}

/// The article's categorical examples, one button each.
fn apply_preset(state: &mut State, preset: Preset) {
    let calc = &mut state.cce_calc;
    *calc = State::default().cce_calc;
    match preset {
        Preset::Mean => {}
        Preset::Weighted => calc.sample_weight = "[0.3, 0.7]".into(),
        Preset::NoReduction => calc.reduction = "none".into(),
        Preset::Unnormalised => calc.y_pred = "[[0.05, 0.95, 0], [0.2, 1.6, 0.2]]".into(),
    }
}

/// The reader chose `lang`: shown at once when its words are here, else once they arrive.
fn switch_lang(model: &mut Model, lang: Lang, finished: bool, changes: &mut Changes) {
    if i18n::is_installed(lang) {
        show_lang(model, lang, changes);
        model.change_finished |= finished;
    } else {
        model.pending_lang = Some((lang, finished));
        changes.load_words = Some(lang);
    }
}

/// Shows every word of the page in `lang`, whose words are installed.
fn show_lang(model: &mut Model, lang: Lang, changes: &mut Changes) {
    model.state.lang = lang;
    model.questions_stale = true;
    changes.words = true;
    changes.calculators = true;
    changes.notices = model.notices_shown;
    changes.controls.push(Setting::Lang);
    model.redraw = FigureSet::all();
    model.undescribed = FigureSet::all();
}

/// A step back or forward: the page becomes that link's.
fn navigated(model: &mut Model, address: &str, changes: &mut Changes) {
    let location = url::read_address(address);
    let shown = model.state.lang;
    model.state = location.state;
    let lang = model.state.lang;
    if !i18n::is_installed(lang) {
        // Shown in the language it has until that language's words are here.
        model.state.lang = shown;
        model.pending_lang = Some((lang, false));
        changes.load_words = Some(lang);
    }
    model.last_query = model.query();
    model.fit.data_changed(&model.state);
    model.fit.converge(&model.state);
    model.softmax = SoftmaxProgress::converged(&model.state);
    model.plane_hover = None;
    model.calculators.evaluate_all(&model.state);
    model.highlight = None;
    model.questions_stale = true;
    changes.all_controls = true;
    changes.theme = true;
    changes.words = true;
    changes.calculators = true;
    model.mark(Deps::ALL);
}

/// An animation frame: advance the animation, rebuild what is stale, and
/// hand over the figures to draw and the link to write.
fn frame(model: &mut Model, changes: &mut Changes) {
    if model.fit.playing() {
        model.fit.advance(&model.state);
        model.mark(Deps::BINARY);
        model.questions_stale = true;
        model.numbers_due = true;
    }
    if model.softmax.playing() {
        model.softmax.advance();
        model.mark(Deps::SOFTMAX);
        model.numbers_due = true;
    }
    model.rebuild_scene();
    if std::mem::take(&mut model.numbers_due) {
        numbers(model, changes);
    }
    changes.questions = std::mem::take(&mut model.questions_stale);
    changes.describe = std::mem::take(&mut model.undescribed).figures().collect();
    // The page's first frame writes its words (numbers, descriptions,
    // questions) and draws nothing: the first drawing, of code running for
    // the first time, gets a frame of its own: two shorter tasks instead of
    // one long one.
    // A printed page is drawn whole at once.
    if std::mem::replace(&mut model.has_written, true) || model.printing {
        draw(model, changes);
    }
    let announce = std::mem::take(&mut model.announce);
    if !announce.is_empty() {
        let lang = model.state.lang;
        let lines: Vec<String> = announce.figures().map(|figure| alt_text(figure, &model.scene, lang)).collect();
        changes.announce = Some(lines.join("\n"));
    }
}

/// The readouts, the data lists and the link follow the numbers; the page
/// around an embed hears of the change.
fn numbers(model: &mut Model, changes: &mut Changes) {
    changes.readouts = true;
    // A data list shows "your own points" while the points are the reader's.
    let own = (model.state.points_are_own(), !model.state.softmax.points.is_empty());
    if own != model.own_points {
        model.own_points = own;
        changes.controls.extend([Setting::Data, Setting::SoftmaxData]);
    }
    let query = model.query();
    let finished = std::mem::take(&mut model.change_finished);
    let in_progress = std::mem::take(&mut model.in_progress);
    if query != model.last_query {
        // A change's first link is a step in history; the links of a change
        // in progress, and its end, replace that step's. What the reader did
        // not change (words arriving, an animation) replaces the link. In a
        // frame, a step in history would be a step of the page around it.
        let push = (finished || in_progress) && !model.step_open && !model.framed;
        model.step_open = in_progress && !finished;
        changes.url = Some((query.clone(), push));
        model.last_query.clone_from(&query);
    } else if finished {
        model.step_open = false;
    }
    // A change that ends where its last frame left it writes no new address,
    // but the one still waiting its turn is written now.
    changes.url_settled = finished;
    // The page around the embed hears of every finished change, once, and
    // of every `losslab:set`, whatever it changed.
    let untold = finished && model.told.as_ref() != Some(&query);
    if model.view.api && (untold || model.set_answer.is_some()) {
        let notices = model.set_answer.take().unwrap_or_default();
        changes.post.push(Outgoing::change(&model.state, &model.view.origin, &notices));
        model.told = Some(query);
    }
}

/// The figures this frame draws.
fn draw(model: &mut Model, changes: &mut Changes) {
    let due = model.redraw.intersection(model.drawable());
    // The figures on the screen first: while some of them are due (a slider
    // moving, the page just opened), those only near it wait for a frame in
    // which none is, so each frame holds only what the reader sees; but at
    // most two frames, however long something on the screen keeps changing.
    // A printed page is drawn whole at once.
    let seen = due.intersection(model.shown);
    let now = if seen.is_empty() || seen == due || model.printing || model.held >= 2 {
        model.held = 0;
        due
    } else {
        model.held += 1;
        seen
    };
    // The page's first drawing is of one figure alone, the topmost due: the
    // module's drawing code runs for the first time in it, and a frame that
    // drew the others too would be long. Their stills show them meanwhile.
    let now = match now.figures().next() {
        Some(first) if !model.has_drawn && !model.printing => [first].into_iter().collect(),
        _ => now,
    };
    model.has_drawn |= !now.is_empty();
    model.redraw = model.redraw.without(now);
    changes.draw = now.figures().collect();
}

/// The page is mounted: it knows where it sits and what earlier visits
/// answered; it greets the page around it and opens the question the link asks.
fn opened(model: &mut Model, framed: bool, progress: Option<&str>, changes: &mut Changes) {
    model.framed = framed;
    if let Some(progress) = progress {
        model.questions.restore(progress);
    }
    model.questions_stale = true;
    if model.view.api {
        changes.post.push(Outgoing::ready(&model.state, &model.view.origin));
        model.told = Some(model.query());
    }
    if let Some(question) = model.view.ask {
        if question.picks_point() {
            model.questions.picking = Some(question);
        }
        changes.focus = Some(Focus::Question(question));
    }
}

fn question_event(model: &mut Model, question: Question, event: QuestionEvent, changes: &mut Changes) {
    // The card answers at once; the next frame writes it again with the scene redrawn.
    changes.questions = true;
    model.questions_stale = true;
    match event {
        QuestionEvent::Choose(id) => answer_question(model, question, Answer::Choice(id), changes),
        QuestionEvent::Act(QuestionAction::Pick) if question.picks_point() => {
            let picking = &mut model.questions.picking;
            *picking = if *picking == Some(question) { None } else { Some(question) };
        }
        QuestionEvent::Act(QuestionAction::Pick) => {}
        QuestionEvent::Act(QuestionAction::Skip) => model.questions.skip(question),
        QuestionEvent::Act(QuestionAction::Retry) => model.questions.forget(question),
        QuestionEvent::Act(QuestionAction::Show) => {
            show_point(model, question);
            changes.reveal = Some(question.reveal());
        }
    }
}

fn lesson_event(model: &mut Model, event: LessonEvent, changes: &mut Changes) {
    let draft = match event {
        LessonEvent::Open { base } => {
            changes.focus = Some(Focus::LessonItem(0));
            model.lesson.insert(LessonDraft::new(&model.view, base))
        }
        LessonEvent::Close => {
            if model.lesson.take().is_some() {
                changes.lesson = Some(None);
                changes.focus = Some(Focus::LessonOpener);
            }
            return;
        }
        event => {
            let Some(draft) = &mut model.lesson else { return };
            match event {
                LessonEvent::Show(section, on) => draft.set_show(section, on),
                LessonEvent::Lock(setting, on) => draft.set_lock(setting, on),
                LessonEvent::Ask(question) => draft.ask = question,
                LessonEvent::Copy => {
                    if let Some(link) = draft.link(&model.state) {
                        changes.copy = Some((link, CopyButton::Lesson));
                    }
                }
                LessonEvent::Tab { at, count, backwards } => {
                    if let Some(next) = lesson::tab(at, count, backwards) {
                        changes.focus = Some(Focus::LessonItem(next));
                        changes.handled = true;
                    }
                    return;
                }
                LessonEvent::Open { .. } | LessonEvent::Close => {}
            }
            draft
        }
    };
    changes.lesson = Some(Some(draft.shown(&model.state)));
}

/// A `losslab:set`, heard only with `api=1` and only from the origin the
/// link names (if it names one): read as a link is read, then applied as a
/// finished change, and answered in the next frame.
fn api_set(model: &mut Model, origin: &str, pairs: &[(String, String)], changes: &mut Changes) {
    if !model.view.api || model.view.origin.as_deref().is_some_and(|named| named != origin) {
        return;
    }
    let mut state = model.state.clone();
    let notices = api::apply_set(&mut state, pairs);
    take_state(model, state, changes);
    if !notices.is_empty() {
        model.notices = notices.clone();
        model.notices_shown = true;
        model.notices_from_api = true;
        changes.notices = true;
    }
    model.set_answer = Some(notices);
    model.change_finished = true;
    changes.frame = true; // the answer goes out in the next frame, even when nothing is redrawn
}

/// The page takes `state` (within its ranges) as one finished change: what
/// differs is recomputed, redrawn and rewritten, like a change of each control.
fn take_state(model: &mut Model, state: State, changes: &mut Changes) {
    let old = std::mem::replace(&mut model.state, state);
    let lang = std::mem::replace(&mut model.state.lang, old.lang);
    if old.points != model.state.points {
        model.highlight = None;
        model.state_changed(Deps::POINTS, true);
    }
    for setting in Setting::all().filter(|&s| s != Setting::Lang) {
        if setting.get(&old) != setting.get(&model.state) {
            setting_changed(model, setting, true, changes);
        }
    }
    if lang != old.lang {
        switch_lang(model, lang, true, changes);
    }
    changes.all_controls = true;
}
