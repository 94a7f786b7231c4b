//! The page's logic, natively: every control, action and event as a message
//! to `update`, and what the page must then show.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use losslab::charts::{Axis, Figure, PlotMap};
use losslab::core::comparison::Contender;
use losslab::core::data::BinaryDataSet;
use losslab::i18n::Lang;
use losslab::page::readouts::readouts;
use losslab::page::{
    update, url, Action, Changes, CopyButton, ExportKind, Key, Model, Msg, Opening, Phase, PointerEvent, Preset,
    Region, Tooltip,
};
use losslab::scene::{softmax_problem, ComparisonScene};
use losslab::state::{
    Calc, CalcField, ControlInput, Palette, PlanePoint, Regularization, Setting, State, Theme, OWN_POINTS, SETTINGS,
};
use support::{draw_all, fit_map};

/// The page of a link, every figure near the viewport (as on a screen tall
/// enough for the whole page).
fn page(query: &str) -> Model {
    let mut model = Model::new(url::read(query), false);
    seen(&mut model, Region::Near, &Figure::ALL, &[]);
    model
}

fn seen(model: &mut Model, region: Region, inside: &[Figure], outside: &[Figure]) -> Changes {
    update(model, Msg::Seen { region, inside: inside.to_vec(), outside: outside.to_vec() })
}

fn readout(model: &Model, name: &str) -> String {
    readouts(model)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text)
        .unwrap_or_else(|| panic!("no readout {name}"))
}

fn set(model: &mut Model, setting: Setting, text: &str) -> Changes {
    update(model, Msg::Control { setting, input: ControlInput::Text(text.into()), finished: true })
}

fn check(model: &mut Model, setting: Setting, on: bool) -> Changes {
    update(model, Msg::Control { setting, input: ControlInput::Checked(on), finished: true })
}

/// Draws what is due, as an animation frame does.
fn frame(model: &mut Model) -> Changes {
    update(model, Msg::Frame)
}

#[test]
fn the_page_opens_on_the_articles_fit_and_draws_every_figure() {
    let mut model = page("");
    let changes = frame(&mut model);
    // The page's first frame writes its words and draws nothing; the first
    // drawing is of one figure alone, the topmost; the rest in the next frame.
    assert!(changes.draw.is_empty(), "{:?}", changes.draw);
    assert!(changes.readouts && changes.questions && changes.frame);
    assert_eq!(changes.describe, Figure::ALL, "every figure is described");
    assert_eq!(changes.url, None, "the default link is the empty query");
    assert_eq!(readout(&model, "bce"), "0.3329");
    let first = frame(&mut model);
    assert_eq!(first.draw, [Figure::Points]);
    assert!(!first.readouts && first.describe.is_empty(), "the words are written once");
    assert_eq!(frame(&mut model).draw, Figure::ALL[1..].to_vec());
    assert!(frame(&mut model).draw.is_empty(), "nothing changed: nothing is drawn again");
}

#[test]
fn each_slider_moves_its_numbers_and_redraws_only_its_figures() {
    let mut model = page("");
    draw_all(&mut model);
    // C on its log slider: 10² = 100, almost no penalty.
    let changes = set(&mut model, Setting::C, "2");
    assert!(changes.frame);
    assert_eq!(model.state.c, 100.0);
    let drawn = frame(&mut model);
    assert_eq!(readout(&model, "bce"), "0.3052");
    assert_eq!(drawn.url, Some(("C=100".into(), true)), "a finished change is a history entry");
    assert!(drawn.draw.contains(&Figure::Fit) && drawn.draw.contains(&Figure::FocalFit));
    assert!(!drawn.draw.contains(&Figure::SmoothingTargets));

    set(&mut model, Setting::Smoothing, "0.2");
    frame(&mut model);
    assert_eq!(readout(&model, "targets"), "0.1 / 0.9");

    set(&mut model, Setting::Gamma, "0");
    let drawn = frame(&mut model);
    assert_eq!(readout(&model, "focal"), readout(&model, "ce-mean"), "γ = 0 is cross-entropy");
    assert_eq!(
        drawn.draw,
        [
            Figure::FocalCurves,
            Figure::FocalPoints,
            Figure::FocalFit,
            Figure::Calibration,
            Figure::Gradients,
            Figure::Confusion
        ],
        "the focal figures, and the claims whose focal fit moved"
    );

    set(&mut model, Setting::FocalAlpha, "0.6");
    assert_eq!(model.state.focal_alpha, 0.6);
    check(&mut model, Setting::ClassBalancing, true);
    assert!(model.state.class_balancing);
    frame(&mut model);

    set(&mut model, Setting::LabelSmoothing, "0.1");
    set(&mut model, Setting::Classes, "3");
    let drawn = frame(&mut model);
    assert_eq!(readout(&model, "logit-gap"), "3.3322");
    assert_eq!(drawn.draw, [Figure::SmoothingTargets, Figure::SmoothingLogits, Figure::SmoothingGradient]);
}

#[test]
fn a_drag_is_one_step_in_history_its_first_link_pushed_the_rest_and_its_end_replacing_it() {
    let mut model = page("");
    draw_all(&mut model);
    let gamma = |value: &str, finished| Msg::Control {
        setting: Setting::Gamma,
        input: ControlInput::Text(value.into()),
        finished,
    };
    // The drag's first frame keeps the page before it in history.
    update(&mut model, gamma("1", false));
    assert_eq!(frame(&mut model).url, Some(("gamma=1".into(), true)));
    update(&mut model, gamma("1.5", false));
    let moving = frame(&mut model);
    assert_eq!(moving.url, Some(("gamma=1.5".into(), false)));
    assert!(!moving.url_settled, "a change in progress is written at its own pace");
    // A slider's end repeats its last value: nothing new to write.
    update(&mut model, gamma("1.5", true));
    let still = frame(&mut model);
    assert_eq!(still.url, None);
    assert!(still.url_settled, "the address still waiting its turn is written now");
    // The next change is a step of its own, as is the next drag.
    update(&mut model, gamma("2.5", true));
    assert_eq!(frame(&mut model).url, Some(("gamma=2.5".into(), true)));
    update(&mut model, gamma("3", false));
    assert_eq!(frame(&mut model).url, Some(("gamma=3".into(), true)));
    // A drag that ends elsewhere than its last frame replaces its step.
    update(&mut model, gamma("3.5", true));
    let ended = frame(&mut model);
    assert_eq!(ended.url, Some(("gamma=3.5".into(), false)));
    assert!(ended.url_settled, "a finished change's address is written at once");
}

#[test]
fn values_are_brought_into_range_once_at_the_border_and_the_control_follows() {
    let mut model = page("");
    draw_all(&mut model);
    let changes = set(&mut model, Setting::Gamma, "9");
    assert_eq!(model.state.gamma, 5.0);
    assert_eq!(changes.controls, [Setting::Gamma], "the control shows the value taken");
    frame(&mut model);
    let changes = set(&mut model, Setting::Gamma, "not a number");
    assert_eq!(model.state.gamma, 5.0, "text that is no number changes nothing");
    assert!(!changes.frame);
    set(&mut model, Setting::Classes, "99");
    assert_eq!(model.state.classes, 10);
}

#[test]
fn regularisation_off_disables_c_and_reaches_the_lowest_loss() {
    let mut model = page("");
    let changes = set(&mut model, Setting::Regularization, "off");
    assert_eq!(model.state.regularization, Regularization::Off);
    assert!(changes.controls.contains(&Setting::C));
    assert!(model.control_disabled(Setting::C));
    draw_all(&mut model);
    assert_eq!(readout(&model, "bce"), "0.3052");
    set(&mut model, Setting::Regularization, "l2");
    assert!(!model.control_disabled(Setting::C));
}

#[test]
fn theme_and_palette_redraw_every_figure_in_their_colours() {
    let mut model = page("");
    draw_all(&mut model);
    let changes = set(&mut model, Setting::Theme, "dark");
    assert!(changes.theme);
    assert_eq!(model.state.theme, Theme::Dark);
    assert!(model.dark());
    assert_eq!(frame(&mut model).draw.len(), Figure::ALL.len());
    let changes = check(&mut model, Setting::Palette, true);
    assert!(changes.theme);
    assert_eq!(model.state.palette, Palette::ColorBlind);
    set(&mut model, Setting::Theme, "auto");
    update(&mut model, Msg::SystemDark(true));
    assert!(model.dark(), "auto follows the system");
}

#[test]
fn the_language_switches_every_word_and_every_figure() {
    let mut model = page("");
    draw_all(&mut model);
    let changes = set(&mut model, Setting::Lang, "zh");
    assert!(changes.words && changes.calculators);
    assert_eq!(changes.load_words, None, "natively both languages' words are here");
    assert_eq!(model.state.lang, Lang::Zh);
    let drawn = frame(&mut model);
    assert_eq!(drawn.draw.len(), Figure::ALL.len());
    assert_eq!(drawn.url, Some(("lang=zh".into(), true)));
    assert!(readout(&model, "fit-status").contains("牛顿"), "{}", readout(&model, "fit-status"));
    // Words that arrive for a language nobody asked for change nothing.
    assert_eq!(update(&mut model, Msg::WordsArrived(Lang::En)), Changes::default());
}

#[test]
fn every_calculator_field_reevaluates_its_calculator() {
    let mut model = page("");
    for spec in SETTINGS.iter().filter(|s| matches!(s.setting, Setting::Calculator(..))) {
        let Setting::Calculator(which, field) = spec.setting else { unreachable!() };
        let mut model = page("");
        draw_all(&mut model);
        let input = match field {
            CalcField::FromLogits => ControlInput::Checked(true),
            CalcField::Reduction => ControlInput::Text("sum".into()),
            CalcField::LabelSmoothing => ControlInput::Text("0.2".into()),
            CalcField::SampleWeight => ControlInput::Text("[1, 2]".into()),
            CalcField::YTrue | CalcField::YPred => ControlInput::Text("[0, 1]".into()),
        };
        let before = model.calculators.view(which, Lang::En);
        let changes = update(&mut model, Msg::Control { setting: spec.setting, input, finished: true });
        assert!(changes.calculators, "{}", spec.control);
        assert_ne!(model.calculators.view(which, Lang::En), before, "{} changes its calculator", spec.control);
        assert_eq!(frame(&mut model).draw.contains(&Figure::Cce), which == Calc::Categorical, "{}", spec.control);
    }
    set(&mut model, Setting::Calculator(Calc::Binary, CalcField::YTrue), "[0,1");
    let view = model.calculators.view(Calc::Binary, Lang::En);
    assert_eq!(view.invalid, Some(CalcField::YTrue));
    assert_eq!(view.rows[0].value, "11.522857", "the last good answer stays");
}

#[test]
fn a_number_field_without_a_number_is_said_in_words() {
    let mut model = page("");
    let changes = set(&mut model, Setting::Calculator(Calc::Binary, CalcField::LabelSmoothing), "abc");
    assert!(changes.calculators);
    let error = model.calculators.view(Calc::Binary, Lang::En).error.unwrap();
    assert!(error.starts_with("label_smoothing: must be between 0 and 1, not abc"), "{error}");
}

#[test]
fn presets_load_the_articles_categorical_examples() {
    let cases = [
        (Preset::Mean, "1.1769392"),
        (Preset::Weighted, "0.8135988"),
        (Preset::NoReduction, "[0.051293306, 2.3025851]"),
        (Preset::Unnormalised, "1.1769392"),
    ];
    for (preset, keras) in cases {
        let mut model = page("");
        let changes = update(&mut model, Msg::Preset(preset));
        assert!(changes.calculators);
        assert!(changes.controls.contains(&Setting::Calculator(Calc::Categorical, CalcField::YPred)));
        assert_eq!(model.calculators.view(Calc::Categorical, Lang::En).rows[0].value, keras, "{preset:?}");
    }
}

#[test]
fn the_fit_animation_plays_steps_resets_and_converges() {
    let mut model = page("");
    draw_all(&mut model);
    update(&mut model, Msg::Action(Action::Reset));
    assert_eq!(model.fit.iteration(), 0);
    frame(&mut model);
    assert_eq!(readout(&model, "coef"), "0.0000");
    update(&mut model, Msg::Action(Action::Step));
    assert_eq!(model.fit.iteration(), 1);
    let changes = update(&mut model, Msg::Action(Action::Play));
    assert!(changes.frame && model.fit.playing());
    for _ in 0..3 {
        assert!(frame(&mut model).frame, "a playing fit asks for the next frame");
    }
    assert!(model.fit.iteration() > 1);
    update(&mut model, Msg::Action(Action::Play));
    assert!(!model.fit.playing());
    update(&mut model, Msg::Action(Action::Converge));
    frame(&mut model);
    assert_eq!(readout(&model, "coef"), "0.9719");
}

#[test]
fn points_from_text_replace_the_points_or_say_what_is_wrong() {
    let mut model = page("");
    let changes = update(&mut model, Msg::ApplyCsv("x,label\n1,1\nabc,0\n".into()));
    let errors = changes.csv_errors.unwrap();
    assert!(errors[0].contains("Line 3"), "{errors:?}");
    assert_eq!(model.state.points.len(), 10, "the points stay");
    let changes = update(&mut model, Msg::ApplyCsv("-2,0\n-1,0\n1,1\n2,1\n".into()));
    assert_eq!(changes.csv_errors, Some(Vec::new()));
    assert_eq!(model.state.points.len(), 4);
    let changes = update(&mut model, Msg::Action(Action::ResetPoints));
    assert_eq!(changes.controls, [Setting::Data, Setting::Points]);
    assert_eq!(model.state.points, State::default().points);
}

#[test]
fn a_data_set_replaces_the_points_and_a_new_seed_draws_them_again() {
    let mut model = page("");
    let changes = set(&mut model, Setting::Data, "imbalanced");
    assert!(changes.controls.contains(&Setting::Points), "the text box shows the new points");
    assert_eq!(model.state.points.len(), 400);
    assert_eq!(model.state.points.iter().filter(|p| p.held_out).count(), 120);
    assert_eq!(model.query(), "data=imbalanced");
    let first = model.state.points.clone();
    let changes = update(&mut model, Msg::Action(Action::NewSeed));
    assert_eq!(changes.controls, [Setting::Seed, Setting::Points]);
    assert_eq!(model.state.seed, 2);
    assert_ne!(model.state.points, first);
    assert_eq!(model.query(), "data=imbalanced&seed=2");
    // Edits on top of a data set are written after it, and read back the same.
    model.state.points[3].green = !model.state.points[3].green;
    let again = page(&model.query());
    assert_eq!(again.state.points, model.state.points);
    // The fits see the training points only.
    draw_all(&mut model);
    let trained = model.state.points.iter().filter(|p| !p.held_out).count();
    assert_eq!(model.scene.comparison.training.len(), trained);
    update(&mut model, Msg::Action(Action::ResetPoints));
    assert_eq!((model.state.data, model.state.points.len()), (BinaryDataSet::Article, 10));
}

#[test]
fn bins_and_threshold_change_only_the_comparison() {
    let mut model = page("data=imbalanced&seed=1");
    draw_all(&mut model);
    let before = model.scene.comparison.clone();
    set(&mut model, Setting::Threshold, "0.2");
    let drawn = frame(&mut model).draw;
    assert_eq!(drawn, [Figure::Calibration, Figure::Gradients, Figure::Confusion]);
    let ce = |s: &ComparisonScene| s.fit(Contender::CrossEntropy).card.clone().unwrap();
    assert!(ce(&model.scene.comparison).confusion.true_positives >= ce(&before).confusion.true_positives);
    let ece = |s: &ComparisonScene| ce(s).calibration.ece;
    assert!((ece(&model.scene.comparison) - ece(&before)).abs() < 1e-12, "the threshold leaves calibration alone");
    set(&mut model, Setting::Bins, "5");
    frame(&mut model);
    let counts = ce(&model.scene.comparison).calibration.reliability.counts;
    assert!(counts.len() <= 5 && counts.iter().sum::<usize>() == 120, "{counts:?}: five bins, empty ones dropped");
    set(&mut model, Setting::Bins, "99");
    assert_eq!(model.state.bins, 20, "clamped at the border");
}

#[test]
fn separable_points_without_a_penalty_stop_at_a_bound_and_say_so() {
    let mut model = page("pts=-2:0,-1:0,1:1,2:1");
    set(&mut model, Setting::Regularization, "off");
    draw_all(&mut model);
    assert!(readout(&model, "fit-status").contains("separable"));
    assert_eq!(readout(&model, "iteration"), "5000");
}

#[test]
fn share_and_embed_copy_links_downloads_export() {
    let mut model = page("gamma=3");
    let changes = update(&mut model, Msg::Share { href: "http://h/p?gamma=3".into() });
    assert_eq!(changes.copy, Some(("http://h/p?gamma=3".into(), CopyButton::Share)));
    let changes = update(
        &mut model,
        Msg::Export { figure: Figure::FocalCurves, kind: ExportKind::Embed, base: "http://h/p".into() },
    );
    let (code, button) = changes.copy.unwrap();
    assert_eq!(button, CopyButton::Embed(Figure::FocalCurves));
    assert!(code.starts_with("<iframe src=\"http://h/p?embed=focal-curves&gamma=3\""), "{code}");
    for kind in [ExportKind::Svg, ExportKind::Png] {
        let changes = update(&mut model, Msg::Export { figure: Figure::Fit, kind, base: String::new() });
        assert_eq!(changes.export, Some((Figure::Fit, kind)));
    }
}

#[test]
fn notices_of_a_bad_link_are_shown_until_dismissed() {
    let mut model = page("C=5000&nope=1");
    assert!(model.notices_shown);
    assert_eq!(
        model.notice_lines(),
        ["Unknown parameter \"nope\"; it was ignored.", "C = 5000 is out of range; using 1000."]
    );
    let changes = update(&mut model, Msg::Action(Action::DismissNotices));
    assert!(changes.notices && !model.notices_shown);
}

/// A step in history to the Chinese page's folder, whose address names no
/// language (the reader opened `zh/` as it is), shows Chinese; a step to the
/// English page's shows English.
#[test]
fn a_step_in_history_shows_the_language_of_its_folder() {
    let mut model = page("gamma=1");
    update(&mut model, Msg::Navigated("/course/losslab/zh/?gamma=3".into()));
    assert_eq!((model.state.lang, model.state.gamma), (Lang::Zh, 3.0));
    update(&mut model, Msg::Navigated("/course/losslab/?gamma=3".into()));
    assert_eq!(model.state.lang, Lang::En);
}

#[test]
fn back_and_forward_bring_the_whole_state_back() {
    let mut model = page("gamma=1");
    draw_all(&mut model);
    let changes = update(&mut model, Msg::Navigated("?ls=0.3&lang=zh".into()));
    assert!(changes.all_controls && changes.words && changes.theme && changes.calculators);
    assert_eq!((model.state.gamma, model.state.label_smoothing, model.state.lang), (2.0, 0.3, Lang::Zh));
    let drawn = frame(&mut model);
    assert_eq!(drawn.url, None, "a step in history writes no new link");
    assert_eq!(drawn.draw.len(), Figure::ALL.len());
}

#[test]
fn only_figures_near_the_viewport_are_drawn_the_others_when_they_come_near() {
    let mut model = Model::new(url::read(""), false);
    let changes = frame(&mut model);
    assert!(changes.draw.is_empty(), "nothing is near before the page says so");
    assert!(!changes.frame, "and no frame is asked for what waits");
    let changes = seen(&mut model, Region::Near, &[Figure::Points, Figure::Fit], &[]);
    assert!(changes.frame);
    assert_eq!(frame(&mut model).draw, [Figure::Points]);
    assert_eq!(frame(&mut model).draw, [Figure::Fit], "the page's first drawing is of one figure alone");
    // γ moves three focal figures and the claims: none is near, none is drawn.
    set(&mut model, Setting::Gamma, "3");
    let drawn = frame(&mut model);
    assert!(drawn.draw.is_empty());
    assert!(
        drawn.describe.contains(&Figure::FocalCurves),
        "far or near, its description follows: {:?}",
        drawn.describe
    );
    assert!(!drawn.describe.contains(&Figure::Fit), "γ moves nothing of the fit");
    assert!(frame(&mut model).describe.is_empty(), "described once");
    assert_eq!(readout(&model, "gamma-value"), "3.0", "the numbers follow at once");
    // Scrolled down: the focal curves come near and are drawn as γ has them.
    seen(&mut model, Region::Near, &[Figure::FocalCurves], &[Figure::Points, Figure::Fit]);
    assert_eq!(frame(&mut model).draw, [Figure::FocalCurves]);
    // The smoothing slider moves the fit, which is no longer near.
    set(&mut model, Setting::Smoothing, "0.2");
    assert!(!frame(&mut model).draw.contains(&Figure::Fit));
    seen(&mut model, Region::Near, &[Figure::Fit], &[]);
    assert_eq!(frame(&mut model).draw, [Figure::Fit]);
}

#[test]
fn the_figures_on_screen_are_drawn_first_and_those_near_it_in_a_frame_of_their_own() {
    let mut model = Model::new(url::read(""), false);
    seen(&mut model, Region::Near, &[Figure::Points, Figure::Fit, Figure::GreenBars], &[]);
    let changes = seen(&mut model, Region::Shown, &[Figure::Points], &[]);
    assert!(changes.frame);
    assert!(frame(&mut model).draw.is_empty(), "the page's first frame writes its words");
    let first = frame(&mut model);
    assert_eq!(first.draw, [Figure::Points], "the page opens on what the reader sees");
    assert!(first.frame, "and asks for a frame for the rest");
    let second = frame(&mut model);
    assert_eq!(second.draw, [Figure::Fit, Figure::GreenBars]);
    assert!(!second.frame, "then nothing is due");
    // While a slider moves the fit on screen, the bars near it wait; they are
    // drawn in the first frame in which nothing on screen is due.
    seen(&mut model, Region::Shown, &[Figure::Fit], &[]);
    update(
        &mut model,
        Msg::Control { setting: Setting::Smoothing, input: ControlInput::Text("0.1".into()), finished: false },
    );
    let moving = frame(&mut model);
    assert!(moving.draw.contains(&Figure::Fit) && !moving.draw.contains(&Figure::GreenBars), "{:?}", moving.draw);
    assert!(moving.frame);
    let after = frame(&mut model);
    assert!(after.draw.contains(&Figure::GreenBars), "{:?}", after.draw);
    assert!(!after.draw.contains(&Figure::Fit), "the fit was drawn as it is");
    // A slider that never stops holds the bars back two frames at the most.
    let mut waited = 0;
    loop {
        update(
            &mut model,
            Msg::Control {
                setting: Setting::Smoothing,
                input: ControlInput::Text(format!("0.1{waited}")),
                finished: false,
            },
        );
        let drawn = frame(&mut model).draw;
        if drawn.contains(&Figure::GreenBars) {
            break;
        }
        waited += 1;
        assert!(waited <= 2, "the bars wait no longer than two frames");
    }
    // Printing draws everything due at once, on screen (the fit, moved by
    // the smoothing slider) or not (every figure never drawn).
    set(&mut model, Setting::Smoothing, "0.2");
    update(&mut model, Msg::Printing(true));
    let printed = frame(&mut model);
    assert!(printed.draw.contains(&Figure::Fit) && printed.draw.contains(&Figure::FocalCurves), "{:?}", printed.draw);
}

#[test]
fn a_frame_that_only_draws_leaves_the_readouts_and_the_link_be() {
    let mut model = page("");
    draw_all(&mut model);
    // A resize redraws the figures; no number moved.
    update(&mut model, Msg::Resized(vec![Figure::Fit]));
    let resized = frame(&mut model);
    assert_eq!(resized.draw, [Figure::Fit]);
    assert!(!resized.readouts && resized.url.is_none());
    // A slider moves the numbers: they are written again, with the link.
    set(&mut model, Setting::Gamma, "3");
    let moved = frame(&mut model);
    assert!(moved.readouts);
    assert!(moved.url.as_ref().is_some_and(|(query, _)| query.contains("gamma=3")), "{:?}", moved.url);
    // A "Show code" opened: its code, left be while it was closed, is written.
    assert!(update(&mut model, Msg::CodeShown).frame);
    assert!(frame(&mut model).readouts);
    // The fit's animation moves them in every frame it plays.
    update(&mut model, Msg::Action(Action::Play));
    frame(&mut model);
    assert!(frame(&mut model).readouts, "a playing fit's readouts follow it");
}

#[test]
fn a_figure_far_from_view_lets_its_drawing_go_and_is_drawn_again_when_near() {
    let mut model = page("");
    draw_all(&mut model);
    seen(&mut model, Region::Near, &[], &[Figure::Points, Figure::Fit]);
    let changes = seen(&mut model, Region::Kept, &[], &[Figure::Points]);
    assert_eq!(changes.release, [Figure::Points]);
    assert!(!changes.frame, "a figure far away waits");
    assert!(frame(&mut model).draw.is_empty());
    seen(&mut model, Region::Near, &[Figure::Points], &[]);
    assert_eq!(frame(&mut model).draw, [Figure::Points]);
    // A figure near the viewport keeps its drawing whatever the far region says.
    let changes = seen(&mut model, Region::Kept, &[], &[Figure::Points]);
    assert!(changes.release.is_empty());
    // The regions report on their own: when the far region's report comes
    // first (a quick scroll), the near one's lets the drawing go.
    let changes = seen(&mut model, Region::Near, &[], &[Figure::Points]);
    assert_eq!(changes.release, [Figure::Points]);
    // Within two screens a figure keeps its drawing.
    seen(&mut model, Region::Kept, &[Figure::Fit], &[]);
    seen(&mut model, Region::Near, &[Figure::Fit], &[]);
    frame(&mut model);
    assert!(seen(&mut model, Region::Near, &[], &[Figure::Fit]).release.is_empty());
}

#[test]
fn printing_draws_every_figure_waiting() {
    let mut model = Model::new(url::read("gamma=3"), false);
    seen(&mut model, Region::Near, &[Figure::Points], &[]);
    frame(&mut model);
    assert_eq!(frame(&mut model).draw, [Figure::Points]);
    let changes = update(&mut model, Msg::Printing(true));
    assert!(changes.frame);
    assert_eq!(frame(&mut model).draw.len(), Figure::ALL.len() - 1);
    update(&mut model, Msg::Printing(false));
    set(&mut model, Setting::Gamma, "1");
    assert!(frame(&mut model).draw.is_empty(), "after printing, only what is near is drawn again");
}

#[test]
fn a_settled_slider_describes_the_figures_on_screen_that_it_moved() {
    let mut model = page("");
    draw_all(&mut model);
    seen(&mut model, Region::Shown, &[Figure::Fit, Figure::SmoothingTargets], &[]);
    // A slide in progress says nothing.
    update(
        &mut model,
        Msg::Control { setting: Setting::Smoothing, input: ControlInput::Text("0.1".into()), finished: false },
    );
    assert_eq!(frame(&mut model).announce, None);
    // Where it settles, the fit on screen is described with its new numbers.
    set(&mut model, Setting::Smoothing, "0.2");
    let said = frame(&mut model).announce.expect("the fit is described");
    let scene = &model.scene.binary;
    assert!(said.starts_with("The sigmoid p(y = 1 | x)"), "{said}");
    let p: Vec<String> = scene.points.iter().map(|p| format!("{:.2}", p.p)).collect();
    assert!(said.contains(&p.join(", ")), "each point's fitted p: {said}");
    let worst = scene.points.iter().max_by(|a, b| a.loss.total_cmp(&b.loss)).unwrap();
    let class = if worst.green { "green (y = 1)" } else { "red (y = 0)" };
    assert!(said.contains(&format!("costs most is the {class} point at x = {:.2}", worst.x)), "{said}");
    assert!(said.contains(&format!("a loss of {:.4}", worst.loss)), "{said}");
    assert!(!said.contains("smoothed target"), "the smoothing figures did not move: {said}");
    assert_eq!(frame(&mut model).announce, None, "said once");
    // γ moves no figure on screen: nothing is said.
    set(&mut model, Setting::Gamma, "1");
    assert_eq!(frame(&mut model).announce, None);
}

#[test]
fn a_finger_aims_wider_taps_flip_and_a_long_press_removes_a_point() {
    let mut model = page("");
    draw_all(&mut model);
    let touch = |model: &mut Model, phase: Phase, at: (f64, f64)| {
        update(model, Msg::Pointer(touch_event(Figure::Fit, phase, at, fit_map())))
    };
    // Where the fit draws point `i`'s mark: at its target, 0 or 1.
    let mark = |model: &Model, i: usize| {
        let p = &model.scene.binary.points[i];
        let map = fit_map();
        (map.x_pixel(p.x), map.y_pixel(p.target))
    };
    let (x, y) = mark(&model, 0);
    assert_eq!((x, y), (column(-2.2), 400.0), "the first point is red, drawn at the bottom");
    // 20 pixels off: too far for a mouse, near enough for a finger.
    let mouse = pointer(&mut model, Figure::Fit, Phase::Down, x + 20.0, y, false, false);
    assert!(!mouse.capture_pointer);
    pointer(&mut model, Figure::Fit, Phase::Up, x + 20.0, y, false, false);
    assert!(touch(&mut model, Phase::Down, (x + 20.0, y)).capture_pointer, "a finger takes the point");
    // A wobble of 8 pixels is still a tap: the point flips.
    touch(&mut model, Phase::Move, (x + 28.0, y));
    touch(&mut model, Phase::Up, (x + 28.0, y));
    assert!(model.state.points[0].green, "a tap flips the first point, red before");
    frame(&mut model);
    let (x, y) = mark(&model, 0);
    assert_eq!(y, 0.0, "green now, drawn at the top");
    // A finger in the point's column but away from its mark takes nothing:
    // the browser scrolls the page.
    let swipe = touch(&mut model, Phase::Down, (x, 200.0));
    assert!(!swipe.capture_pointer, "{swipe:?}");
    touch(&mut model, Phase::Cancel, (x, 160.0));
    assert!(model.state.points[0].green);
    // A long press removes it; the release after it does nothing more.
    let count = model.state.points.len();
    touch(&mut model, Phase::Down, (x, y));
    update(&mut model, Msg::Hold);
    touch(&mut model, Phase::Up, (x, y));
    assert_eq!(model.state.points.len(), count - 1);
    assert_eq!(model.state.points[0].x, -1.4, "the first point is gone, nothing flipped");
    frame(&mut model);
    // A hold after a drag has moved, or after the press ended, does nothing.
    let (x, y) = mark(&model, 0);
    touch(&mut model, Phase::Down, (x, y));
    touch(&mut model, Phase::Move, (x + 40.0, y));
    update(&mut model, Msg::Hold);
    touch(&mut model, Phase::Up, (x + 40.0, y));
    update(&mut model, Msg::Hold);
    assert_eq!(model.state.points.len(), count - 1);
}

#[test]
fn resizes_redraw_only_the_figures_that_changed_size() {
    let mut model = page("");
    draw_all(&mut model);
    update(&mut model, Msg::Resized(vec![Figure::NegLog]));
    assert_eq!(frame(&mut model).draw, [Figure::NegLog]);
}

/// A finger's press, move or lift on `figure` at CSS pixel `at`.
fn touch_event(figure: Figure, phase: Phase, at: (f64, f64), map: PlotMap) -> PointerEvent {
    PointerEvent { figure, phase, at, client: (0, 0), map: Some(map), shift: false, alt: false, touch: true }
}

fn pointer(model: &mut Model, figure: Figure, phase: Phase, x: f64, y: f64, shift: bool, alt: bool) -> Changes {
    let at = (x, y);
    let event = PointerEvent { figure, phase, at, client: (10, 20), map: Some(fit_map()), shift, alt, touch: false };
    update(model, Msg::Pointer(event))
}

/// The CSS pixel column of data x in [`fit_map`].
fn column(x: f64) -> f64 {
    (x + 3.0) * 100.0
}

#[test]
fn a_click_flips_a_point_and_a_drag_moves_it() {
    let mut model = page("");
    let first = column(-2.2);
    let down = pointer(&mut model, Figure::Fit, Phase::Down, first, 200.0, false, false);
    assert!(down.capture_pointer && down.handled);
    assert_eq!(model.highlight, Some(0));
    pointer(&mut model, Figure::Fit, Phase::Up, first, 200.0, false, false);
    assert!(model.state.points[0].green, "a press that does not move flips the point");
    pointer(&mut model, Figure::Fit, Phase::Down, first, 200.0, false, false);
    let moved = pointer(&mut model, Figure::Fit, Phase::Move, column(-1.0), 200.0, false, false);
    assert!(matches!(moved.tooltip, Some(Tooltip::Show { .. })));
    assert!((model.state.points[0].x + 1.0).abs() < 1e-9);
    assert!(model.state.points[0].green, "a drag does not flip");
    pointer(&mut model, Figure::Fit, Phase::Up, column(-1.0), 200.0, false, false);
    assert!(frame(&mut model).url.is_some_and(|(_, push)| push));
}

#[test]
fn shift_click_adds_a_point_alt_click_removes_one() {
    let mut model = page("");
    pointer(&mut model, Figure::Fit, Phase::Down, column(3.5), 50.0, true, false);
    assert_eq!(model.state.points.len(), 11);
    assert!(model.state.points[10].green, "placed in the upper half: green");
    pointer(&mut model, Figure::Fit, Phase::Down, column(-2.6), 350.0, true, false);
    assert!(!model.state.points[11].green, "placed in the lower half: red");
    pointer(&mut model, Figure::Fit, Phase::Down, column(-2.2), 200.0, false, true);
    assert_eq!(model.state.points.len(), 11);
    assert!(model.state.points.iter().all(|p| p.x != -2.2));
}

#[test]
fn hovering_a_bar_highlights_its_point_and_leaving_lets_go() {
    let mut model = page("");
    // Green bars show only green points: the red point at −2.2 is not picked there.
    let changes = pointer(&mut model, Figure::GreenBars, Phase::Move, column(-2.2), 200.0, false, false);
    assert_eq!(model.highlight, None);
    assert_eq!(changes.tooltip, Some(Tooltip::Hide));
    pointer(&mut model, Figure::GreenBars, Phase::Move, column(-0.8), 200.0, false, false);
    assert_eq!(model.highlight, Some(2));
    pointer(&mut model, Figure::GreenBars, Phase::Down, column(-0.8), 200.0, false, false);
    assert_eq!(model.state.points.len(), 10, "bars only hover: a press changes nothing");
    let changes = pointer(&mut model, Figure::GreenBars, Phase::Leave, 0.0, 0.0, false, false);
    assert_eq!((model.highlight, changes.tooltip), (None, Some(Tooltip::Hide)));
}

#[test]
fn the_keyboard_chooses_moves_flips_and_removes_points() {
    let mut model = page("");
    let key = |model: &mut Model, key: Key, shift: bool| {
        update(model, Msg::Key { figure: Figure::Points, key, shift, map: Some(fit_map()) })
    };
    assert!(key(&mut model, Key::Next, false).handled);
    assert_eq!(model.highlight, Some(0));
    key(&mut model, Key::Previous, false);
    assert_eq!(model.highlight, Some(9), "↑ from the first wraps to the last");
    key(&mut model, Key::Next, false);
    key(&mut model, Key::Right, false);
    assert!((model.state.points[0].x + 2.1).abs() < 1e-12);
    key(&mut model, Key::Left, true);
    assert!((model.state.points[0].x + 3.0).abs() < 1e-12, "shift moves further, within the figure");
    key(&mut model, Key::Flip, false);
    assert!(model.state.points[0].green);
    key(&mut model, Key::Remove, false);
    assert_eq!(model.state.points.len(), 9);
    key(&mut model, Key::LetGo, false);
    assert_eq!(model.highlight, None);
    let changes = update(&mut model, Msg::Key { figure: Figure::NegLog, key: Key::Flip, shift: false, map: None });
    assert!(!changes.handled, "only figures that move points take keys");
    assert_eq!(update(&mut model, Msg::Blur).tooltip, Some(Tooltip::Hide));
}

#[test]
fn a_data_list_shows_the_readers_own_points_until_a_set_is_chosen_again() {
    let mut model = page("");
    frame(&mut model);
    let shown = |model: &Model, setting: Setting| setting.control_input(&model.state);
    let text = |word: &str| ControlInput::Text(word.into());
    assert_eq!(shown(&model, Setting::Data), text("article"));
    // A point moved with the keyboard: the list says the points are the reader's.
    for key in [Key::Next, Key::Right] {
        update(&mut model, Msg::Key { figure: Figure::Points, key, shift: false, map: Some(fit_map()) });
    }
    let changes = frame(&mut model);
    assert!(changes.controls.contains(&Setting::Data), "{:?}", changes.controls);
    assert_eq!(shown(&model, Setting::Data), text(OWN_POINTS));
    assert!(model.query().starts_with("pts=-2.1:0,"), "the link keeps the points: {}", model.query());
    // Choosing the set it came from draws the set's points again.
    let article = text("article");
    update(&mut model, Msg::Control { setting: Setting::Data, input: article.clone(), finished: true });
    assert_eq!(model.state.points, State::default().points);
    assert_eq!(shown(&model, Setting::Data), article);
    assert_eq!(model.query(), "");

    // The plane's list likewise: a point added by shift-click, then the blobs again.
    assert_eq!(shown(&model, Setting::SoftmaxData), text("blobs"));
    on_plane(&mut model, Phase::Down, (0.5, 0.5), true, false);
    on_plane(&mut model, Phase::Up, (0.5, 0.5), true, false);
    let changes = frame(&mut model);
    assert!(changes.controls.contains(&Setting::SoftmaxData), "{:?}", changes.controls);
    assert_eq!(shown(&model, Setting::SoftmaxData), text(OWN_POINTS));
    let blobs = text("blobs");
    update(&mut model, Msg::Control { setting: Setting::SoftmaxData, input: blobs.clone(), finished: true });
    assert!(model.state.softmax.points.is_empty(), "the preset's points");
    assert_eq!(shown(&model, Setting::SoftmaxData), blobs);
    // The entry cannot be chosen: it names no set.
    let before = model.state.clone();
    update(&mut model, Msg::Control { setting: Setting::Data, input: text(OWN_POINTS), finished: true });
    assert_eq!(model.state, before);
}

#[test]
fn every_setting_and_action_is_handled() {
    // Each setting's control, set to another value and back, changes the state.
    for spec in &SETTINGS {
        if matches!(spec.setting, Setting::Points | Setting::SoftmaxPoints) {
            continue; // applied by its button, or by the pointer: see their own tests
        }
        let mut model = page("");
        let default = spec.setting.control_input(&model.state);
        let other = match (&default, spec.setting) {
            (ControlInput::Checked(on), _) => ControlInput::Checked(!on),
            (_, Setting::Regularization) => ControlInput::Text("off".into()),
            (_, Setting::Palette) => ControlInput::Checked(true),
            (_, Setting::Theme) => ControlInput::Text("dark".into()),
            (_, Setting::Lang) => ControlInput::Text("zh".into()),
            (_, Setting::Calculator(_, CalcField::Reduction)) => ControlInput::Text("none".into()),
            (_, Setting::C | Setting::SoftmaxC) => ControlInput::Text("1".into()),
            (_, Setting::Classes | Setting::SoftmaxClasses) => ControlInput::Text("4".into()),
            (_, Setting::Data) => ControlInput::Text("overlap".into()),
            (_, Setting::Seed) => ControlInput::Text("7".into()),
            (_, Setting::Bins) => ControlInput::Text("15".into()),
            (_, Setting::Threshold) => ControlInput::Text("0.3".into()),
            (_, Setting::SoftmaxData) => ControlInput::Text("ring".into()),
            (_, Setting::SoftmaxRegularization) => ControlInput::Text("off".into()),
            (_, Setting::SoftmaxClass) => ControlInput::Text("2".into()),
            (_, Setting::SoftmaxPoint) => ControlInput::Text("3".into()),
            _ => ControlInput::Text("0.5".into()),
        };
        update(&mut model, Msg::Control { setting: spec.setting, input: other, finished: true });
        assert_ne!(model.state, State::default(), "{} changes the state", spec.control);
        update(&mut model, Msg::Control { setting: spec.setting, input: default, finished: true });
        assert_eq!(model.state, State::default(), "{} changes it back", spec.control);
    }
    for action in [
        Action::Play,
        Action::Step,
        Action::Reset,
        Action::Converge,
        Action::ResetPoints,
        Action::NewSeed,
        Action::DismissNotices,
        Action::SoftmaxPlay,
        Action::SoftmaxStep,
        Action::SoftmaxReset,
        Action::SoftmaxConverge,
    ] {
        let mut model = page("pts=0:0,1:1,2:1&C=5000");
        let changes = update(&mut model, Msg::Action(action));
        assert!(changes != Changes::default() || model.fit.iteration() == 0, "{action:?} does something");
    }
}

// ---- The softmax demo in the plane ----

/// The plane's mapping in CSS pixels: x from −12 to 12 over 0…960, y from −6 to 6 over 480…0.
fn plane_map() -> PlotMap {
    PlotMap {
        left: 0.0,
        top: 0.0,
        right: 960.0,
        bottom: 480.0,
        x: Axis::linear(-12.0, 12.0),
        y: Axis::linear(-6.0, 6.0),
    }
}

/// The CSS pixel of a point of the plane in [`plane_map`].
fn spot(x: f64, y: f64) -> (f64, f64) {
    ((x + 12.0) * 40.0, (6.0 - y) * 40.0)
}

fn on_plane(model: &mut Model, phase: Phase, (x, y): (f64, f64), shift: bool, alt: bool) -> Changes {
    let event = PointerEvent {
        figure: Figure::SoftmaxRegions,
        phase,
        at: spot(x, y),
        client: (10, 20),
        map: Some(plane_map()),
        shift,
        alt,
        touch: false,
    };
    update(model, Msg::Pointer(event))
}

fn plane_key(model: &mut Model, key: Key, shift: bool) -> Changes {
    update(model, Msg::Key { figure: Figure::SoftmaxRegions, key, shift, map: Some(plane_map()) })
}

/// The number a readout shows.
fn number(model: &Model, name: &str) -> f64 {
    readout(model, name)
        .trim_end_matches('%')
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{name}: {}", readout(model, name)))
}

const SOFTMAX_FIGURES: [Figure; 3] = [Figure::SoftmaxRegions, Figure::SoftmaxProbs, Figure::SoftmaxLogits];

#[test]
fn the_softmax_section_opens_on_the_fitted_blobs() {
    let mut model = page("");
    let drawn = draw_all(&mut model);
    assert!(SOFTMAX_FIGURES.iter().all(|f| drawn.contains(f)));
    let optimum = softmax_problem(&model.state).unwrap().fit().unwrap();
    assert_eq!(readout(&model, "softmax-iteration"), optimum.iterations.to_string());
    assert_eq!(readout(&model, "softmax-accuracy"), "100.0%");
    // The readout is plain mean cross-entropy, without the penalty: the fit's own loss at ε = 0, γ = 0.
    assert_eq!(readout(&model, "softmax-loss"), format!("{:.4}", optimum.loss));
    assert!(readout(&model, "softmax-status").starts_with("Converged after"));
    assert!(readout(&model, "softmax-data-note").starts_with("Blobs"));
    let one_hot = readout(&model, "softmax-keras-one-hot");
    assert!(one_hot.starts_with("keras.losses.CategoricalCrossentropy()([["), "{one_hot}");
    assert!(readout(&model, "softmax-keras-sparse").starts_with("keras.losses.SparseCategoricalCrossentropy()(["));
    // Unchosen, the probabilities shown are the hardest point's.
    let scene = &model.scene.softmax;
    let shown = scene.shown.unwrap();
    let worst = scene.points.iter().map(|p| p.fit.as_ref().unwrap().cross_entropy).fold(0.0, f64::max);
    assert_eq!(scene.points[shown].fit.as_ref().unwrap().cross_entropy, worst);
}

#[test]
fn label_smoothing_pulls_the_median_logit_gap_down_to_its_line() {
    let mut model = page("");
    draw_all(&mut model);
    let before = number(&model, "softmax-logit-gap");
    assert_eq!(model.scene.softmax.cap, None, "ε = 0 asks for no finite gap");
    let changes = set(&mut model, Setting::SoftmaxSmoothing, "0.2");
    assert!(changes.frame);
    let drawn = frame(&mut model);
    assert_eq!(drawn.draw, SOFTMAX_FIGURES, "the section, and only the section, is drawn again");
    assert_eq!(drawn.url, Some(("softmax-smoothing=0.2".into(), true)));
    let after = number(&model, "softmax-logit-gap");
    let line = model.scene.softmax.cap.unwrap();
    assert!((line - 13f64.ln()).abs() < 1e-12, "ln(1 + (1 − 0.2)·3/0.2) = ln 13");
    assert!(after < before, "the median gap falls: {before} → {after}");
    assert!((after - line).abs() < (before - line).abs() / 2.0, "towards the line {line}: {before} → {after}");
    // The median the page shows is the refitted optimum's, recomputed here.
    let fit = softmax_problem(&model.state).unwrap().fit().unwrap();
    let mut gaps: Vec<f64> =
        softmax_problem(&model.state).unwrap().points(&fit.model).iter().map(|p| p.logit_gap).collect();
    gaps.sort_by(f64::total_cmp);
    let median = (gaps[gaps.len() / 2 - 1] + gaps[gaps.len() / 2]) / 2.0;
    assert_eq!(readout(&model, "softmax-logit-gap"), format!("{median:.2}"));
}

#[test]
fn focal_gamma_moves_the_boundaries() {
    let mut model = page("softmax-data=overlap");
    draw_all(&mut model);
    let regions = |model: &Model| -> Vec<usize> {
        let m = model.scene.softmax.model.clone().unwrap();
        (0..=40)
            .flat_map(|i| (0..=40).map(move |j| (i, j)))
            .map(|(i, j)| m.predict(&[i as f64 * 0.3 - 6.0, j as f64 * 0.3 - 6.0]))
            .collect()
    };
    let (before, coef) = (regions(&model), model.scene.softmax.model.clone().unwrap());
    set(&mut model, Setting::SoftmaxGamma, "2");
    frame(&mut model);
    assert_ne!(model.scene.softmax.model.as_ref().unwrap(), &coef);
    let after = regions(&model);
    let moved = before.iter().zip(&after).filter(|(a, b)| a != b).count();
    assert!(moved > 0, "γ = 2 gives some of the plane to another class");
    assert!(readout(&model, "softmax-status").starts_with("Converged"));
}

#[test]
fn every_preset_and_k_fit_with_numbers() {
    for (query, points, classes) in [
        ("softmax-data=blobs&softmax-classes=6", 300, 6),
        ("softmax-data=ring", 200, 3),
        ("softmax-data=imbalanced", 125, 3),
        ("softmax-data=overlap&softmax-classes=6", 300, 6),
        ("softmax-data=ring&softmax-classes=6", 350, 6),
    ] {
        let mut model = page(query);
        frame(&mut model);
        let scene = &model.scene.softmax;
        assert_eq!((scene.points.len(), scene.classes), (points, classes), "{query}");
        assert!(scene.fit_error.is_none(), "{query}: {:?}", scene.fit_error);
        for name in ["softmax-loss", "softmax-accuracy", "softmax-logit-gap"] {
            assert!(number(&model, name).is_finite(), "{query}: {name}");
        }
    }
    // No straight boundary holds the ring: the best softmax stays poor.
    let ring = page("softmax-data=ring");
    assert!(ring.scene.softmax.accuracy.unwrap() < 0.8, "{}", readout(&ring, "softmax-accuracy"));
    assert!(readout(&ring, "softmax-data-note").contains("convex"));
    let blobs = page("softmax-data=blobs&softmax-classes=6");
    assert!(blobs.scene.softmax.accuracy.unwrap() > 0.95);
}

#[test]
fn the_softmax_controls_refit_and_keep_their_ranges() {
    let mut model = page("");
    draw_all(&mut model);
    set(&mut model, Setting::SoftmaxClasses, "9");
    assert_eq!(model.state.softmax.classes, 6);
    frame(&mut model);
    assert_eq!(model.scene.softmax.points.len(), 300);
    assert_eq!(readout(&model, "softmax-classes-value"), "6");
    let first = model.state.plane_points()[0];
    set(&mut model, Setting::Seed, "3");
    assert_ne!(model.state.plane_points()[0], first, "another seed, other points");
    frame(&mut model);
    assert_eq!(frame(&mut model).draw, [], "nothing left to draw");
    let changes = set(&mut model, Setting::SoftmaxRegularization, "off");
    assert!(changes.controls.contains(&Setting::SoftmaxC) && model.control_disabled(Setting::SoftmaxC));
    frame(&mut model);
    assert!(readout(&model, "softmax-status").contains("No finite optimum"), "{}", readout(&model, "softmax-status"));
    set(&mut model, Setting::SoftmaxRegularization, "l2");
    set(&mut model, Setting::SoftmaxC, "-3");
    frame(&mut model);
    assert_eq!(readout(&model, "softmax-C-value"), "0.0010");
    assert!(model.scene.softmax.median_gap.unwrap() < 1.0, "a strong penalty keeps the logits small");
    let changes = set(&mut model, Setting::SoftmaxGamma, "99");
    assert_eq!(model.state.softmax.gamma, 5.0);
    assert_eq!(changes.controls, [Setting::SoftmaxGamma]);
    set(&mut model, Setting::SoftmaxData, "imbalanced");
    frame(&mut model);
    assert_eq!(model.scene.softmax.points.len(), 100 + 20 + 5 + 3 * 5);
    assert!(set(&mut model, Setting::SoftmaxData, "moons").draw.is_empty());
    assert_eq!(model.state.softmax.data, losslab::core::data::PlaneDataSet::Imbalanced);
}

#[test]
fn the_softmax_animation_plays_steps_resets_and_converges() {
    let mut model = page("");
    draw_all(&mut model);
    update(&mut model, Msg::Action(Action::SoftmaxReset));
    frame(&mut model);
    assert_eq!(readout(&model, "softmax-iteration"), "0");
    assert!((number(&model, "softmax-loss") - 3f64.ln()).abs() < 1e-4, "W = 0: log K");
    update(&mut model, Msg::Action(Action::SoftmaxStep));
    frame(&mut model);
    assert_eq!(readout(&model, "softmax-iteration"), "1");
    let changes = update(&mut model, Msg::Action(Action::SoftmaxPlay));
    assert!(changes.frame && model.softmax.playing());
    let mut frames = 0;
    while model.softmax.playing() {
        let asked = frame(&mut model).frame;
        assert!(asked || !model.softmax.playing(), "a playing fit asks for the next frame");
        frames += 1;
        assert!(frames < 400, "the descent arrives");
    }
    assert!(readout(&model, "softmax-status").starts_with("Gradient descent came within"));
    update(&mut model, Msg::Action(Action::SoftmaxConverge));
    frame(&mut model);
    assert!(readout(&model, "softmax-status").starts_with("Converged after"));
}

#[test]
fn a_click_chooses_a_point_a_drag_moves_it_and_the_fit_follows() {
    let mut model = page("");
    draw_all(&mut model);
    let target = model.state.plane_points()[10];
    let down = on_plane(&mut model, Phase::Down, (target.x, target.y), false, false);
    assert!(down.capture_pointer && down.handled);
    on_plane(&mut model, Phase::Up, (target.x, target.y), false, false);
    assert_eq!(model.state.softmax.selected, 11, "a click chooses the point, counted from 1");
    let drawn = frame(&mut model);
    assert_eq!(drawn.url, Some(("softmax-point=11".into(), true)));
    assert_eq!(model.scene.softmax.shown, Some(10), "the probabilities follow the chosen point");
    let before = model.scene.softmax.model.clone().unwrap();
    on_plane(&mut model, Phase::Down, (target.x, target.y), false, false);
    let moved = on_plane(&mut model, Phase::Move, (3.0, -3.0), false, false);
    assert!(matches!(moved.tooltip, Some(Tooltip::Show { .. })));
    assert_eq!((model.state.softmax.points[10].x, model.state.softmax.points[10].y), (3.0, -3.0));
    let during = frame(&mut model);
    assert!(during.url.as_ref().is_some_and(|(_, push)| *push), "a drag's first frame is a step in history");
    assert_ne!(model.scene.softmax.model.as_ref(), Some(&before), "the fit follows the point");
    // The point is dragged into another class's cluster: it is now misclassified.
    assert!(!model.scene.softmax.points[10].fit.as_ref().unwrap().correct);
    on_plane(&mut model, Phase::Move, (40.0, 99.0), false, false);
    assert_eq!((model.state.softmax.points[10].x, model.state.softmax.points[10].y), (12.0, 6.0), "kept in the plane");
    on_plane(&mut model, Phase::Up, (40.0, 99.0), false, false);
    let ended = frame(&mut model).url;
    assert!(ended.is_some_and(|(query, push)| !push && query.contains("softmax-pts=")), "its end replaces that step");
    // The refit is the optimum of the moved points, as a cold fit finds it.
    let cold = softmax_problem(&model.state).unwrap().fit().unwrap();
    let warm = model.softmax.optimum().clone().unwrap();
    assert!((warm.objective - cold.objective).abs() < 1e-9 * cold.objective);
}

#[test]
fn in_the_plane_a_finger_aims_wider_a_tap_chooses_and_a_long_press_removes() {
    let mut model = page("softmax-pts=0:0:0,1:0:0,3:3:1,4:4:2,5:5:2,6:5:2");
    draw_all(&mut model);
    let finger = |model: &mut Model, phase: Phase, (x, y): (f64, f64)| {
        let at = spot(x, y);
        update(model, Msg::Pointer(touch_event(Figure::SoftmaxRegions, phase, (at.0 + 18.0, at.1), plane_map())))
    };
    // 18 pixels right of the point at (3, 3): a mouse misses it, a finger takes it.
    assert!(!on_plane(&mut model, Phase::Down, (3.45, 3.0), false, false).capture_pointer);
    on_plane(&mut model, Phase::Up, (3.45, 3.0), false, false);
    assert!(finger(&mut model, Phase::Down, (3.0, 3.0)).capture_pointer);
    finger(&mut model, Phase::Up, (3.0, 3.0));
    assert_eq!(model.state.softmax.selected, 3, "a tap chooses the point");
    // A long press on the last point of class 1 keeps it (a class keeps a point)…
    finger(&mut model, Phase::Down, (3.0, 3.0));
    update(&mut model, Msg::Hold);
    finger(&mut model, Phase::Up, (3.0, 3.0));
    assert_eq!(model.state.plane_points().len(), 6);
    // …and removes one of class 2's three.
    finger(&mut model, Phase::Down, (5.0, 5.0));
    update(&mut model, Msg::Hold);
    finger(&mut model, Phase::Up, (5.0, 5.0));
    let left: Vec<(f64, f64)> = model.state.plane_points().iter().map(|p| (p.x, p.y)).collect();
    assert_eq!(left, [(0.0, 0.0), (1.0, 0.0), (3.0, 3.0), (4.0, 4.0), (6.0, 5.0)]);
}

#[test]
fn shift_click_adds_a_point_of_the_picked_class_and_alt_click_removes_one() {
    let mut model = page("");
    draw_all(&mut model);
    set(&mut model, Setting::SoftmaxClass, "2");
    on_plane(&mut model, Phase::Down, (-5.0, 5.0), true, false);
    let points = model.state.plane_points();
    assert_eq!(points.len(), 151);
    assert_eq!(points[150], PlanePoint { x: -5.0, y: 5.0, class: 2 });
    assert_eq!(model.state.softmax.selected, 151, "the new point is chosen");
    on_plane(&mut model, Phase::Down, (-5.0, 5.0), false, true);
    assert_eq!(model.state.plane_points().len(), 150);
    assert_eq!(model.state.softmax.selected, 0);
    // The class picker gives the chosen point its class.
    let p = model.state.plane_points()[0];
    on_plane(&mut model, Phase::Down, (p.x, p.y), false, false);
    on_plane(&mut model, Phase::Up, (p.x, p.y), false, false);
    set(&mut model, Setting::SoftmaxClass, "1");
    assert_eq!(model.state.plane_points()[0].class, 1);
    // A class keeps its last point: it cannot be removed or given away.
    let mut lone = page("softmax-pts=0:0:0,1:0:0,3:3:1,4:4:2,5:5:2");
    lone.state.softmax.selected = 0;
    on_plane(&mut lone, Phase::Down, (3.0, 3.0), false, true);
    assert_eq!(lone.state.plane_points().len(), 5, "class 1's last point stays");
    on_plane(&mut lone, Phase::Down, (3.0, 3.0), false, false);
    on_plane(&mut lone, Phase::Up, (3.0, 3.0), false, false);
    set(&mut lone, Setting::SoftmaxClass, "0");
    assert_eq!(lone.state.plane_points()[2].class, 1);
    // Clicking empty space lets the point go; hovering a point shows its numbers; leaving hides them.
    on_plane(&mut lone, Phase::Down, (-10.0, -5.0), false, false);
    assert_eq!(lone.state.softmax.selected, 0);
    draw_all(&mut lone);
    let hover = on_plane(&mut lone, Phase::Move, (4.0, 4.0), false, false);
    assert!(matches!(hover.tooltip, Some(Tooltip::Show { ref lines, .. }) if lines[1] == "class 2"), "{hover:?}");
    assert_eq!(frame(&mut lone).draw, SOFTMAX_FIGURES);
    assert_eq!(on_plane(&mut lone, Phase::Leave, (0.0, 0.0), false, false).tooltip, Some(Tooltip::Hide));
}

#[test]
fn the_keyboard_chooses_moves_reclasses_and_removes_points_in_the_plane() {
    let mut model = page("softmax-pts=0:0:0,1:0:0,3:3:1,4:4:1,5:5:2,-1:-1:2");
    assert!(plane_key(&mut model, Key::Next, false).handled);
    assert_eq!(model.state.softmax.selected, 1, "the first key chooses the first point");
    plane_key(&mut model, Key::Right, false);
    plane_key(&mut model, Key::Previous, true);
    assert_eq!(model.state.plane_points()[0], PlanePoint { x: 0.1, y: 1.0, class: 0 });
    plane_key(&mut model, Key::Following, false);
    plane_key(&mut model, Key::Following, false);
    assert_eq!(model.state.softmax.selected, 3);
    let changes = plane_key(&mut model, Key::Flip, false);
    assert_eq!(model.state.plane_points()[2].class, 2, "space gives the next class");
    assert_eq!((model.state.softmax.class, changes.controls), (2, vec![Setting::SoftmaxClass]));
    plane_key(&mut model, Key::Preceding, false);
    plane_key(&mut model, Key::Remove, false);
    assert_eq!(model.state.plane_points().len(), 5);
    assert_eq!(model.state.softmax.selected, 0);
    plane_key(&mut model, Key::Next, false);
    plane_key(&mut model, Key::LetGo, false);
    assert_eq!(model.state.softmax.selected, 0);
}

#[test]
fn a_bad_softmax_link_is_clamped_and_explained_in_both_languages() {
    let mut model = page("softmax-C=abc&softmax-gamma=9&softmax-classes=1&softmax-pts=zzz&softmax-data=moons&seed=-4");
    let english = model.notice_lines();
    assert_eq!(english.len(), 6, "{english:?}");
    assert!(english.iter().any(|l| l == "softmax-gamma = 9 is out of range; using 5."), "{english:?}");
    assert!(english.iter().any(|l| l.contains("softmax-pts = zzz is not valid (expected x:y:class triples")));
    set(&mut model, Setting::Lang, "zh");
    let chinese = model.notice_lines();
    assert!(chinese.iter().any(|l| l == "softmax-gamma = 9 超出范围，已使用 5。"), "{chinese:?}");
    assert!(model.state.is_within_ranges());
    draw_all(&mut model);
    assert_eq!(readout(&model, "softmax-accuracy"), "100.0%");
}

#[test]
fn points_that_make_no_fit_are_said_in_words() {
    let mut model = page("softmax-pts=0:0:0,1:1:0,2:2:2");
    draw_all(&mut model);
    assert_eq!(model.scene.softmax.model, None);
    assert!(
        readout(&model, "softmax-status").contains("no point has class 1"),
        "{}",
        readout(&model, "softmax-status")
    );
    for name in ["softmax-loss", "softmax-accuracy", "softmax-logit-gap"] {
        assert_eq!(readout(&model, name), "—");
    }
    update(&mut model, Msg::Action(Action::SoftmaxPlay));
    assert!(!model.softmax.playing(), "no fit, no animation");
}

#[test]
fn a_page_opened_one_fit_per_step_is_the_page_opened_at_once() {
    let queries = [
        "",
        "gamma=3&balance=true&alpha=0.2&pts=0.5:1,2:0,3:1",
        "softmax-data=blobs&softmax-classes=4&lang=zh&ct=[[0,1]]&cp=[[0.3,0.7]]",
        "pts=1:1&softmax-pts=&bt=[1,0]&bp=[0.9,nan]",
    ];
    for query in queries {
        let mut opening = Opening::new(url::read(query), false);
        // The sigmoid, the softmax, the calculators; then nothing is left.
        assert_eq!(
            [opening.step(), opening.step(), opening.step(), opening.step()],
            [true, true, false, false],
            "{query}"
        );
        let stepped = opening.finish();
        let at_once = Model::new(url::read(query), false);
        assert_eq!(readouts(&stepped), readouts(&at_once), "{query}");
        assert_eq!(format!("{:?}", stepped.scene), format!("{:?}", at_once.scene), "{query}");
    }
}
