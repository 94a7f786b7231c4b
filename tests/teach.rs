//! Teaching with the page, natively: the questions judged against the live
//! model, lesson links, and the embed's conversation with its parent page —
//! every one of them as messages to `update`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use losslab::charts::Figure;
use losslab::core::fit::{fit_focal, fit_logistic, FitOptions};
use losslab::core::losses::FocalOptions;
use losslab::i18n::Lang;
use losslab::page::question::Status;
use losslab::page::questions::{judge, views, QuestionView};
use losslab::page::{
    update, url, Answer, Changes, CopyButton, Focus, Key, LessonEvent, Model, Msg, Phase, PointerEvent, Question,
    QuestionAction, QuestionEvent, Region, Section,
};
use losslab::state::{ControlInput, Setting};
use serde_json::Value;
use support::{as_read, draw_all, fit_map};

/// A question as a reader reads it ([`as_read`]).
fn view(model: &Model, question: Question) -> QuestionView {
    let mut view = losslab::page::questions::view(model, question);
    view.prompt = as_read(&view.prompt);
    view.feedback = view.feedback.as_deref().map(as_read);
    view
}

/// The page of a link, every figure near the viewport (as on a screen tall
/// enough for the whole page: only figures near it are drawn).
fn page(query: &str) -> Model {
    let mut model = Model::new(url::read(query), false);
    all_near(&mut model);
    draw_all(&mut model);
    model
}

fn all_near(model: &mut Model) {
    update(model, Msg::Seen { region: Region::Near, inside: Figure::ALL.to_vec(), outside: Vec::new() });
}

fn framed(query: &str) -> Model {
    let mut model = Model::new(url::read(query), false);
    all_near(&mut model);
    update(&mut model, Msg::Opened { framed: true, progress: None });
    draw_all(&mut model);
    model
}

fn choose(model: &mut Model, question: Question, id: &str) -> Changes {
    update(model, Msg::Question(question, QuestionEvent::Choose(id.into())))
}

fn act(model: &mut Model, question: Question, action: QuestionAction) -> Changes {
    update(model, Msg::Question(question, QuestionEvent::Act(action)))
}

fn set(model: &mut Model, setting: Setting, text: &str) -> Changes {
    update(model, Msg::Control { setting, input: ControlInput::Text(text.into()), finished: true })
}

/// Flips point `index` with the keyboard on the points figure, as a reader does.
fn flip(model: &mut Model, index: usize) {
    for _ in 0..=index {
        update(model, Msg::Key { figure: Figure::Points, key: Key::Next, shift: false, map: None });
    }
    update(model, Msg::Key { figure: Figure::Points, key: Key::Flip, shift: false, map: None });
    update(model, Msg::Key { figure: Figure::Points, key: Key::LetGo, shift: false, map: None });
    update(model, Msg::Frame);
}

fn right(model: &Model, question: Question, answer: Answer) -> bool {
    judge(model, question, &answer).unwrap_or_else(|| panic!("{question:?} cannot judge {answer:?}"))
}

fn point(i: usize) -> Answer {
    Answer::Point(i)
}

fn choice(id: &str) -> Answer {
    Answer::Choice(id.into())
}

/// The points' x and labels, and their p(true class) under the cross-entropy fit the page shows.
fn p_true_of(model: &Model) -> Vec<f64> {
    let (x, y): (Vec<f64>, Vec<f64>) =
        model.state.points.iter().map(|p| (p.x, if p.green { 1.0 } else { 0.0 })).unzip();
    let fit = fit_logistic(&x, &y, &FitOptions { c: Some(model.state.c) }).unwrap();
    x.iter().zip(&y).map(|(&x, &y)| if y == 1.0 { fit.model.proba(x) } else { 1.0 - fit.model.proba(x) }).collect()
}

// ---- The questions, judged against the model ----

#[test]
fn the_largest_loss_is_the_least_probable_true_class_and_moves_when_that_point_flips() {
    let mut model = page("");
    // The article's p(green): 0.19 0.33 0.47 0.70 0.74 …; the red point at
    // x = 0.2 gets p_t = 0.30, the lowest of the ten.
    assert!(right(&model, Question::LargestLoss, point(3)));
    assert!(!right(&model, Question::LargestLoss, point(2)));
    flip(&mut model, 3);
    let p = p_true_of(&model);
    let lowest = (0..p.len()).min_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap();
    assert_eq!(lowest, 1, "once x = 0.2 is green, the red x = −1.4 is the least sure: {p:?}");
    assert!(right(&model, Question::LargestLoss, point(1)));
    assert!(!right(&model, Question::LargestLoss, point(3)));
}

#[test]
fn the_count_of_misclassified_points_follows_the_labels() {
    let mut model = page("");
    // x = −0.8 (green, p = 0.47) and x = 0.2 (red, p(green) = 0.70).
    assert!(right(&model, Question::Misclassified, choice("2")));
    assert!(!right(&model, Question::Misclassified, choice("1")));
    flip(&mut model, 3);
    let wrong = p_true_of(&model).iter().filter(|&&p| p < 0.5).count();
    assert_ne!(wrong, 2, "flipping x = 0.2 changes the count");
    assert!(right(&model, Question::Misclassified, choice(&wrong.min(4).to_string())));
    assert!(!right(&model, Question::Misclassified, choice("2")));
}

/// With one point the count's choices stop at 1 and its prompt speaks of
/// the one point; the largest loss cannot be asked, and says why.
#[test]
fn one_point_is_asked_about_as_one() {
    let model = page("pts=-1:0,1:1");
    let ids = |view: &QuestionView| view.choices.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&view(&model, Question::Misclassified)), ["0", "1", "2"]);
    assert!(view(&model, Question::LargestLoss).available);

    let one = page("pts=-1:0");
    let count = view(&one, Question::Misclassified);
    assert_eq!(ids(&count), ["0", "1"]);
    assert!(count.prompt.starts_with("There is one point. Does the fit get it wrong"), "{}", count.prompt);
    // One red point alone: the fit leans to red (its true class gets more
    // than ½), so it is not wrong.
    assert!(right(&one, Question::Misclassified, choice("0")));
    let largest = view(&one, Question::LargestLoss);
    assert!(!largest.available);
    assert!(largest.prompt.starts_with("With one point there is nothing to compare"), "{}", largest.prompt);
    assert_eq!(judge(&one, Question::LargestLoss, &point(0)), None);
    // The default ten points keep the five choices.
    assert_eq!(ids(&view(&page(""), Question::Misclassified)), ["0", "1", "2", "3", "4"]);
}

/// An answer the state no longer offers keeps its button: "4 or more",
/// then three of the ten points removed and then all but two.
#[test]
fn a_chosen_answer_keeps_its_button_when_points_go() {
    let mut model = page("");
    choose(&mut model, Question::Misclassified, "4");
    let remove_first = |model: &mut Model| {
        update(model, Msg::Key { figure: Figure::Points, key: Key::Next, shift: false, map: None });
        update(model, Msg::Key { figure: Figure::Points, key: Key::Remove, shift: false, map: None });
        update(model, Msg::Frame);
    };
    while model.state.points.len() > 2 {
        remove_first(&mut model);
    }
    let shown = view(&model, Question::Misclassified);
    let ids: Vec<&str> = shown.choices.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["0", "1", "2", "4"]);
    assert_eq!(shown.choices[3].1, "4 or more");
    assert_eq!(shown.chosen.as_deref(), Some("4"));
    assert_eq!(shown.status, Status::Answered { right: false });
}

#[test]
fn the_tallest_red_bar_is_the_leftmost_red_point_while_the_fit_rises() {
    let mut model = page("");
    assert!(model.fit.model().coef > 0.0);
    assert!(right(&model, Question::RedTallest, point(0)), "x = −2.2, the leftmost red point");
    assert!(!right(&model, Question::RedTallest, point(1)));
    assert!(!right(&model, Question::RedTallest, point(9)), "a green point is never the answer");
    flip(&mut model, 0);
    assert!(right(&model, Question::RedTallest, point(1)), "x = −1.4 is now the leftmost red point");
    assert!(!right(&model, Question::RedTallest, point(0)));
    let v = view(&model, Question::RedTallest);
    assert!(v.available && v.choices.is_empty());
}

#[test]
fn without_the_penalty_bce_drops_to_the_articles_0_3052() {
    let mut model = page("");
    assert!(right(&model, Question::Penalty, choice("down")));
    choose(&mut model, Question::Penalty, "down");
    let feedback = view(&model, Question::Penalty).feedback.unwrap();
    assert!(feedback.contains("0.3329") && feedback.contains("0.3052"), "{feedback}");
    // Prose: the page's cards and the built page show its formulas whole.
    let typeset = losslab::page::questions::view(&model, Question::Penalty);
    assert!(typeset.prompt.contains("(C\u{a0}=\u{a0}1.00)"), "{}", typeset.prompt);
    assert!(typeset.feedback.is_some_and(|f| f.contains("(C\u{a0}=\u{a0}1.00)")), "and the answer's");
    let mut off = page("reg=off");
    assert!(right(&off, Question::Penalty, choice("up")));
    set(&mut off, Setting::Regularization, "l2");
    set(&mut off, Setting::C, "3"); // C = 1000: the penalty is too weak to show at four decimals
    update(&mut off, Msg::Frame);
    assert!(right(&off, Question::Penalty, choice("same")));
}

#[test]
fn what_tf_keras_prints_is_the_calculators_own_value() {
    let mut model = page("");
    let v = view(&model, Question::KerasPrint);
    let ids: Vec<&str> = v.choices.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.contains(&"11.522857") && ids.len() >= 3, "{ids:?}");
    assert!(right(&model, Question::KerasPrint, choice("11.522857")));
    for wrong in ids.iter().filter(|id| **id != "11.522857") {
        assert!(!right(&model, Question::KerasPrint, choice(wrong)), "{wrong}");
    }
    // Another call, another answer: a prediction of 1 for a label of 1 costs nothing much.
    set(
        &mut model,
        Setting::Calculator(losslab::state::Calc::Binary, losslab::state::CalcField::YPred),
        "[0., 0., 1., 1.]",
    );
    let v = view(&model, Question::KerasPrint);
    let keras = model.calculators.view(losslab::state::Calc::Binary, Lang::En).rows[0].value.clone();
    assert_ne!(keras, "11.522857");
    assert!(v.choices.iter().any(|(id, _)| *id == keras));
    assert!(right(&model, Question::KerasPrint, choice(&keras)));
}

#[test]
fn the_second_sample_of_the_articles_call_has_the_larger_loss() {
    let model = page("");
    // −log 0.1 = 2.303 against −log 0.95 = 0.0513.
    assert!(right(&model, Question::CceLargest, choice("1")));
    assert!(!right(&model, Question::CceLargest, choice("0")));
    let v = view(&model, Question::CceLargest);
    assert_eq!(v.choices[1].1, "sample 2: [0.1, 0.8, 0.1]");
}

#[test]
fn a_misclassified_points_share_grows_with_gamma_and_an_easy_ones_shrinks() {
    let mut model = page("");
    let v = view(&model, Question::FocalShare);
    assert!(v.prompt.contains("x = 0.20"), "{}", v.prompt);
    assert!(right(&model, Question::FocalShare, choice("grows")), "x = 0.2 is red with p_t = 0.30");
    flip(&mut model, 3);
    assert!(right(&model, Question::FocalShare, choice("shrinks")), "green now, and well classified");
    set(&mut model, Setting::Gamma, "5");
    update(&mut model, Msg::Frame);
    assert!(right(&model, Question::FocalShare, choice("same")), "γ is 5 already");
}

#[test]
fn the_focal_fit_crosses_one_half_where_the_fits_say() {
    let model = page("");
    let (x, y): (Vec<f64>, Vec<f64>) =
        model.state.points.iter().map(|p| (p.x, if p.green { 1.0 } else { 0.0 })).unzip();
    let opts = FitOptions { c: Some(1.0) };
    let ce = fit_logistic(&x, &y, &opts).unwrap().model;
    let fl = fit_focal(&x, &y, &FocalOptions { gamma: 2.0, alpha: 0.25, apply_class_balancing: false }, &opts)
        .unwrap()
        .model;
    let (ce_x, fl_x) = (-ce.intercept / ce.coef, -fl.intercept / fl.coef);
    let expected = if fl_x < ce_x { "left" } else { "right" };
    assert!((fl_x - ce_x).abs() > 0.01, "{ce_x} {fl_x}");
    assert!(right(&model, Question::FocalShift, choice(expected)));
    assert!(!right(&model, Question::FocalShift, choice("stays")));
}

#[test]
fn the_smoothed_target_and_the_gap_follow_alpha_and_k() {
    let mut model = page("");
    let v = view(&model, Question::SmoothedTarget);
    let ids: Vec<&str> = v.choices.iter().map(|(id, _)| id.as_str()).collect();
    // Asked of K = 5 while the figure shows 3: (1 − 0.1) + 0.1/5.
    assert_eq!(ids, ["0.02", "0.9", "0.92", "0.98"]);
    assert!(right(&model, Question::SmoothedTarget, choice("0.92")));
    assert!(v.prompt.contains("K = 3 classes") && v.prompt.contains("K = 5 classes"), "{}", v.prompt);
    // K = 3 → 5: ln(1 + 5·0.9/0.1) = ln 46 = 3.8286 > ln 28 = 3.3322.
    assert!(right(&model, Question::GapClasses, choice("larger")));
    assert!(view(&model, Question::GapClasses).prompt.contains("3.3322"));
    set(&mut model, Setting::Classes, "10");
    assert!(right(&model, Question::GapClasses, choice("smaller")), "K = 10 → 8");
    set(&mut model, Setting::LabelSmoothing, "0");
    assert!(right(&model, Question::GapClasses, choice("same")), "one-hot: ∞ either way");
    assert!(right(&model, Question::SmoothedTarget, choice("1")));
}

#[test]
fn every_question_reads_in_both_languages_before_and_after_its_answer() {
    let is_chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for lang in ["en", "zh"] {
        let mut model = page(&format!("lang={lang}"));
        for q in Question::ALL {
            let before = view(&model, q);
            assert!(before.available, "{q:?}: {}", before.prompt);
            assert!(!before.prompt.contains('{') && !before.prompt.is_empty(), "{}", before.prompt);
            assert_eq!(before.prompt.contains(is_chinese), lang == "zh", "{}", before.prompt);
            assert_eq!(before.status, Status::Open);
            let answer = if q.picks_point() { Answer::Point(0) } else { Answer::Choice(before.choices[0].0.clone()) };
            let msg = match &answer {
                Answer::Choice(id) => Msg::Question(q, QuestionEvent::Choose(id.clone())),
                Answer::Point(_) => {
                    act(&mut model, q, QuestionAction::Pick);
                    Msg::Key { figure: Figure::Fit, key: Key::Flip, shift: false, map: None }
                }
            };
            update(&mut model, msg);
            let after = view(&model, q);
            let feedback = after.feedback.unwrap_or_else(|| panic!("{q:?} answered without feedback"));
            assert!(!feedback.contains('{'), "{feedback}");
            assert_eq!(feedback.contains(is_chinese), lang == "zh", "{feedback}");
            let verdict = if lang == "zh" { ["答对了。", "不太对。"] } else { ["Right.", "Not quite."] };
            assert!(verdict.iter().any(|v| feedback.starts_with(v)), "{feedback}");
            assert!(matches!(after.status, Status::Answered { .. }));
        }
        assert_eq!(model.state.points, losslab::state::State::default().points, "answering moved no point");
    }
}

#[test]
fn a_picked_point_answers_instead_of_flipping_and_the_answer_shows_in_the_figures() {
    let mut model = page("");
    act(&mut model, Question::LargestLoss, QuestionAction::Pick);
    assert_eq!(model.questions.picking, Some(Question::LargestLoss));
    assert!(view(&model, Question::LargestLoss).picking);
    let map = fit_map();
    let at = ((0.2 + 3.0) * 100.0, 200.0);
    let pointer = |phase| {
        Msg::Pointer(PointerEvent {
            figure: Figure::Fit,
            phase,
            at,
            client: (0, 0),
            map: Some(map),
            shift: false,
            alt: false,
            touch: false,
        })
    };
    update(&mut model, pointer(Phase::Down));
    let changes = update(&mut model, pointer(Phase::Up));
    assert!(!model.state.points[3].green, "the click answered; the point is as it was");
    assert_eq!(model.questions.picking, None);
    assert_eq!(changes.store.as_deref(), Some("largest-loss=1"));
    assert_eq!(model.highlight, Some(3), "the answer's point is highlighted in every figure");
    let v = view(&model, Question::LargestLoss);
    assert_eq!(v.status, Status::Answered { right: true });
    assert!(v.feedback.unwrap().contains("x = 0.20"));
    // Without a question waiting, the same click flips the point.
    update(&mut model, pointer(Phase::Down));
    update(&mut model, pointer(Phase::Up));
    assert!(model.state.points[3].green);
    // The verdict is the model's as it is now: the reader's answer no longer holds.
    update(&mut model, Msg::Frame);
    assert_eq!(view(&model, Question::LargestLoss).status, Status::Answered { right: false });
}

#[test]
fn a_wrong_pick_says_what_was_picked_and_where_the_answer_is() {
    let mut model = page("");
    act(&mut model, Question::LargestLoss, QuestionAction::Pick);
    update(&mut model, Msg::Key { figure: Figure::Fit, key: Key::Next, shift: false, map: None });
    update(&mut model, Msg::Key { figure: Figure::Fit, key: Key::Flip, shift: false, map: None });
    let v = view(&model, Question::LargestLoss);
    assert_eq!(v.status, Status::Answered { right: false });
    let feedback = v.feedback.unwrap();
    assert!(feedback.starts_with("Not quite. You picked the point at x = −2.20 (red): loss = "), "{feedback}");
    assert!(feedback.contains("The point at x = 0.20 (red) has the largest loss"), "{feedback}");
    let changes = act(&mut model, Question::LargestLoss, QuestionAction::Show);
    assert_eq!(changes.reveal, Some("[data-slot=\"point-losses\"]"));
    assert_eq!(model.highlight, Some(3));
}

#[test]
fn questions_can_be_skipped_and_answered_later_and_progress_is_kept() {
    let mut model = page("");
    act(&mut model, Question::GapClasses, QuestionAction::Skip);
    assert_eq!(view(&model, Question::GapClasses).status, Status::Skipped);
    act(&mut model, Question::GapClasses, QuestionAction::Retry);
    assert_eq!(view(&model, Question::GapClasses).status, Status::Open);
    let changes = choose(&mut model, Question::GapClasses, "smaller");
    assert_eq!(changes.store.as_deref(), Some("gap-classes=0"));
    let changes = choose(&mut model, Question::Penalty, "down");
    assert_eq!(changes.store.as_deref(), Some("penalty=1,gap-classes=0"));
    // The next visit starts from what this one kept.
    let mut next = Model::new(url::read(""), false);
    update(&mut next, Msg::Opened { framed: false, progress: Some("penalty=1,gap-classes=0".into()) });
    assert_eq!(view(&next, Question::Penalty).before, Some(true));
    assert_eq!(view(&next, Question::GapClasses).before, Some(false));
    assert_eq!(view(&next, Question::Penalty).status, Status::Open, "answered before, open again now");
    // A browser that keeps nothing: the page works without progress.
    let mut blocked = Model::new(url::read(""), false);
    let changes = update(&mut blocked, Msg::Opened { framed: false, progress: None });
    assert!(views(&blocked).iter().all(|v| v.before.is_none()));
    assert!(changes.post.is_empty());
}

// ---- Lesson links ----

#[test]
fn a_lesson_link_shows_some_sections_locks_controls_and_asks_a_question() {
    let mut model = page("show=focal,bce&lock=gamma,points-csv&ask=focal-share&gamma=1");
    assert!(model.notices.is_empty());
    let view = &model.view;
    assert_eq!(view.show, Some(vec![Section::Focal, Section::Bce]));
    assert!(view.shows_section(Section::Bce) && !view.shows_section(Section::Keras));
    assert!(model.control_disabled(Setting::Gamma) && model.control_disabled(Setting::Points));
    assert!(!model.control_disabled(Setting::Smoothing), "a control the link does not lock stays on");
    assert_eq!(
        model.query(),
        "show=bce,focal&lock=gamma,points-csv&ask=focal-share&gamma=1".replace("bce,focal", "focal,bce")
    );
    // A locked control changes nothing, whatever it sends.
    let changes = set(&mut model, Setting::Gamma, "3");
    assert_eq!(model.state.gamma, 1.0);
    assert!(!changes.frame);
    // Locked points can be looked at and picked, not changed.
    update(&mut model, Msg::Key { figure: Figure::Points, key: Key::Next, shift: false, map: None });
    update(&mut model, Msg::Key { figure: Figure::Points, key: Key::Flip, shift: false, map: None });
    update(&mut model, Msg::ApplyCsv("0,1\n1,0".into()));
    update(&mut model, Msg::Action(losslab::page::Action::ResetPoints));
    assert_eq!(model.state.points, losslab::state::State::default().points);
    // The asked question opens on arrival, and takes a point when it asks for one.
    let changes = update(&mut model, Msg::Opened { framed: false, progress: None });
    assert_eq!(changes.focus, Some(Focus::Question(Question::FocalShare)));
    let mut picking = page("ask=largest-loss&lock=points-csv");
    update(&mut picking, Msg::Opened { framed: false, progress: None });
    assert_eq!(picking.questions.picking, Some(Question::LargestLoss));
    update(&mut picking, Msg::Key { figure: Figure::Points, key: Key::Flip, shift: false, map: None });
    assert!(matches!(view_status(&picking, Question::LargestLoss), Status::Answered { .. }));
    assert_eq!(picking.state.points, losslab::state::State::default().points);
}

#[test]
fn an_embed_asking_for_a_point_shows_a_figure_to_pick_it_in() {
    // The red bars alone cannot take a point: the points' figure comes first.
    let mut model = page("embed=red-bars&ask=red-tallest");
    assert_eq!(model.view.embedded(), Some(vec![Figure::Points, Figure::RedBars]));
    assert!(model.view.shows(Figure::Points) && !model.view.shows(Figure::Fit));
    // The link itself is kept as the teacher wrote it.
    assert_eq!(model.view.embed, Some(vec![Figure::RedBars]));
    assert!(model.notices.is_empty(), "{:?}", model.notices);
    update(&mut model, Msg::Opened { framed: true, progress: None });
    assert_eq!(model.questions.picking, Some(Question::RedTallest));
    update(&mut model, Msg::Key { figure: Figure::Points, key: Key::Flip, shift: false, map: None });
    assert!(matches!(view_status(&model, Question::RedTallest), Status::Answered { .. }));
    // An embed with a figure to pick in, or a question answered by a
    // choice, is shown as its link has it.
    for (link, figures) in [
        ("embed=fit,point-losses&ask=largest-loss", vec![Figure::Fit, Figure::PointLosses]),
        ("embed=red-bars&ask=misclassified", vec![Figure::RedBars]),
        ("embed=red-bars", vec![Figure::RedBars]),
    ] {
        assert_eq!(page(link).view.embedded(), Some(figures), "{link}");
    }
}

fn view_status(model: &Model, q: Question) -> Status {
    view(model, q).status
}

#[test]
fn a_lesson_links_unknown_words_are_ignored_with_a_notice_in_both_languages() {
    let model = page("show=bce,nowhere&lock=gamma,volume&ask=meaning&origin=course.example");
    assert_eq!(model.view.show, Some(vec![Section::Bce]));
    assert_eq!(model.view.lock, [Setting::Gamma]);
    assert_eq!(model.view.ask, None);
    assert_eq!(
        model.notice_lines(),
        [
            "show: there is no section named \"nowhere\"; it was ignored.",
            "lock: there is no control named \"volume\"; it was ignored.",
            "ask: there is no question named \"meaning\"; it was ignored.",
            "origin = course.example is not valid (expected an origin such as https://course.example); it was ignored.",
        ]
    );
    let zh = page("show=nowhere&lang=zh");
    assert_eq!(zh.notice_lines(), ["show：没有名为“nowhere”的部分，已忽略。"]);
    assert_eq!(zh.view.show, Some(vec![]), "nothing known named: every section hidden but the chrome");
    let empty = page("show=&lock=");
    assert_eq!(empty.notice_lines(), ["show has no value; it was ignored.", "lock has no value; it was ignored."]);
    assert_eq!(empty.view.show, None);
}

#[test]
fn the_lesson_dialog_builds_the_link_from_the_view_and_copies_it() {
    let mut model = page("show=bce,focal&gamma=3");
    let changes = update(&mut model, Msg::Lesson(LessonEvent::Open { base: "https://c.example/l/".into() }));
    assert_eq!(changes.focus, Some(Focus::LessonItem(0)));
    let shown = changes.lesson.unwrap().unwrap();
    assert_eq!(
        shown.show,
        [false, true, false, false, false, true, false, false, false, false],
        "starts from the view as it is"
    );
    assert_eq!(shown.link.as_deref(), Some("https://c.example/l/?show=bce,focal&gamma=3"));
    update(&mut model, Msg::Lesson(LessonEvent::Show(Section::Cce, true)));
    update(&mut model, Msg::Lesson(LessonEvent::Lock(Setting::Gamma, true)));
    let changes = update(&mut model, Msg::Lesson(LessonEvent::Ask(Some(Question::FocalShare))));
    let link = "https://c.example/l/?show=bce,cce,focal&lock=gamma&ask=focal-share&gamma=3";
    assert_eq!(changes.lesson.unwrap().unwrap().link.as_deref(), Some(link));
    assert_eq!(update(&mut model, Msg::Lesson(LessonEvent::Copy)).copy, Some((link.into(), CopyButton::Lesson)));
    // The link reads back as the lesson it describes.
    let lesson = url::read(link.split_once('?').unwrap().1);
    assert!(lesson.notices.is_empty());
    assert_eq!(lesson.view.lock, [Setting::Gamma]);
    // Focus stays inside: Tab on the last element goes to the first, shift-Tab on the first to the last.
    let tab = |model: &mut Model, at, backwards| {
        update(model, Msg::Lesson(LessonEvent::Tab { at: Some(at), count: 22, backwards })).focus
    };
    assert_eq!(tab(&mut model, 21, false), Some(Focus::LessonItem(0)));
    assert_eq!(tab(&mut model, 0, true), Some(Focus::LessonItem(21)));
    assert_eq!(tab(&mut model, 5, false), None);
    // No section: no link, and nothing to copy.
    for section in Section::ALL {
        update(&mut model, Msg::Lesson(LessonEvent::Show(section, false)));
    }
    assert_eq!(update(&mut model, Msg::Lesson(LessonEvent::Copy)).copy, None);
    let changes = update(&mut model, Msg::Lesson(LessonEvent::Close));
    assert_eq!((changes.lesson, changes.focus), (Some(None), Some(Focus::LessonOpener)));
    assert_eq!(model.query(), "show=bce,focal&gamma=3", "the dialog changes no view of its own");
}

// ---- The embed API ----

fn message(changes: &Changes, kind: &str) -> Option<(Value, Option<String>)> {
    changes.post.iter().find_map(|out| {
        let json: Value = serde_json::from_str(&out.json).expect("posted JSON parses");
        (json["type"] == kind).then(|| (json, out.target.clone()))
    })
}

#[test]
fn an_embed_with_an_origin_says_ready_and_every_finished_change_with_its_state_to_that_origin_alone() {
    let origin = "https://course.example";
    let mut model = Model::new(url::read(&format!("embed=focal-curves&api=1&origin={origin}")), false);
    let opened = update(&mut model, Msg::Opened { framed: true, progress: None });
    let (ready, target) = message(&opened, "losslab:ready").unwrap();
    assert_eq!(target.as_deref(), Some(origin));
    assert_eq!(ready["state"]["gamma"], 2.0);
    update(&mut model, Msg::Frame);
    // A drag is told once, when it is finished.
    let drag = |model: &mut Model, value: &str, finished| {
        update(model, Msg::Control { setting: Setting::Gamma, input: ControlInput::Text(value.into()), finished });
        update(model, Msg::Frame)
    };
    let moving = drag(&mut model, "1", false);
    assert!(moving.post.is_empty());
    assert_eq!(moving.url, Some(("embed=focal-curves&api=1&origin=https://course.example&gamma=1".into(), false)));
    assert!(drag(&mut model, "1.5", false).post.is_empty());
    let done = drag(&mut model, "1.5", true);
    let (change, target) = message(&done, "losslab:change").unwrap();
    assert_eq!((change["state"]["gamma"].as_f64(), target.as_deref()), (Some(1.5), Some(origin)));
    assert_eq!(change["state"]["lang"], "en");
    assert!(drag(&mut model, "1.5", true).post.is_empty(), "nothing new: nothing said");
    let jump = drag(&mut model, "3", true);
    assert!(message(&jump, "losslab:change").is_some());
    assert_eq!(jump.url.map(|(_, push)| push), Some(false), "in a frame the link is replaced, never pushed");
}

#[test]
fn a_set_is_read_like_a_link_and_answered_with_the_state_it_made() {
    let origin = "https://course.example";
    let mut model = framed(&format!("embed=focal-curves&api=1&origin={origin}"));
    let pairs = |list: &[(&str, &str)]| list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    // From another origin: not heard.
    let changes =
        update(&mut model, Msg::ApiSet { origin: "https://evil.example".into(), pairs: pairs(&[("gamma", "1")]) });
    assert_eq!(changes, Changes::default());
    assert_eq!(model.state.gamma, 2.0);
    let changes = update(
        &mut model,
        Msg::ApiSet {
            origin: origin.into(),
            pairs: pairs(&[("gamma", "9"), ("alpha", "x"), ("colour", "red"), ("K", "4")]),
        },
    );
    assert!(changes.all_controls && changes.notices);
    assert_eq!((model.state.gamma, model.state.focal_alpha, model.state.classes), (5.0, 0.25, 4));
    assert_eq!(
        model.notice_lines(),
        [
            "Unknown parameter \"colour\"; it was ignored.",
            "gamma = 9 is out of range; using 5.",
            "alpha = x is not valid (expected a number); it was ignored.",
        ]
    );
    let frame = update(&mut model, Msg::Frame);
    let (change, _) = message(&frame, "losslab:change").unwrap();
    assert_eq!(change["state"]["gamma"], 5.0);
    assert_eq!(change["state"]["K"], 4.0);
    assert_eq!(change["notices"][1], "gamma = 9 is out of range; using 5.");
    assert!(frame.draw.contains(&Figure::FocalCurves) && frame.draw.contains(&Figure::SmoothingTargets));
    // A set that changes nothing is still answered.
    let same = update(&mut model, Msg::ApiSet { origin: origin.into(), pairs: pairs(&[("gamma", "5")]) });
    assert!(same.frame, "a frame is asked for, to answer");
    assert!(message(&update(&mut model, Msg::Frame), "losslab:change").is_some());
    // The language through the same border.
    update(&mut model, Msg::ApiSet { origin: origin.into(), pairs: pairs(&[("lang", "ZH")]) });
    assert_eq!(model.state.lang, Lang::Zh);
}

#[test]
fn without_an_origin_messages_carry_no_state_and_without_api_there_are_none() {
    let mut model = Model::new(url::read("embed=fit&api=1"), false);
    let opened = update(&mut model, Msg::Opened { framed: true, progress: None });
    let (ready, target) = message(&opened, "losslab:ready").unwrap();
    assert_eq!((ready.get("state"), target), (None, None));
    update(&mut model, Msg::Frame);
    update(
        &mut model,
        Msg::ApiSet { origin: "https://any.example".into(), pairs: vec![("smooth".into(), "0.2".into())] },
    );
    assert_eq!(model.state.smoothing, 0.2, "any page may set: the values are read like a link");
    let (change, target) = message(&update(&mut model, Msg::Frame), "losslab:change").unwrap();
    assert_eq!((change.get("state"), change.get("notices"), target), (None, None, None));
    let answered = choose(&mut model, Question::Penalty, "down");
    let (answer, _) = message(&answered, "losslab:answer").unwrap();
    assert_eq!((answer["question"].as_str(), answer["correct"].as_bool()), (Some("penalty"), Some(true)));

    let mut quiet = framed("embed=fit");
    update(
        &mut quiet,
        Msg::ApiSet { origin: "https://any.example".into(), pairs: vec![("smooth".into(), "0.2".into())] },
    );
    assert_eq!(quiet.state.smoothing, 0.0, "without api=1 nothing is heard");
    set(&mut quiet, Setting::Smoothing, "0.3");
    assert!(update(&mut quiet, Msg::Frame).post.is_empty());
    assert!(choose(&mut quiet, Question::Penalty, "down").post.is_empty());
}

#[test]
fn a_framed_page_reports_its_height_to_any_host_and_an_unframed_one_does_not() {
    let mut model = framed("embed=fit");
    let (resize, target) = message(&update(&mut model, Msg::Height(540)), "losslab:resize").unwrap();
    assert_eq!((resize["height"].as_u64(), resize.get("state"), target), (Some(540), None, None));
    assert!(update(&mut model, Msg::Height(540)).post.is_empty(), "told once per height");
    assert!(message(&update(&mut model, Msg::Height(600)), "losslab:resize").is_some());
    let mut top = page("embed=fit");
    update(&mut top, Msg::Opened { framed: false, progress: None });
    assert!(update(&mut top, Msg::Height(540)).post.is_empty());
    // At the top, a finished change is a step in history; in a frame it never is.
    set(&mut top, Setting::Smoothing, "0.3");
    assert_eq!(update(&mut top, Msg::Frame).url.map(|(_, push)| push), Some(true));
    set(&mut model, Setting::Smoothing, "0.3");
    assert_eq!(update(&mut model, Msg::Frame).url.map(|(_, push)| push), Some(false));
}
