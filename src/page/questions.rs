//! The article's questions: predict, then reveal. Each one asks about the
//! page as it is now — its right answer is computed from the live model
//! (flip a point and the answer may change), never stored — and explains
//! itself with the model's own numbers. Answering is never required: a
//! question can be skipped, and nothing waits for it.

use super::api::Outgoing;
use super::changes::Changes;
use super::fit::FitProgress;
use super::model::Model;
use super::question::{Answer, Question, Status};
use crate::core::breakdown::point_losses;
use crate::core::smoothing::{logit_gap, smooth_categorical};
use crate::i18n::{fill, sentences, t, unbroken_formulas, Lang};
use crate::number::format::{fixed, percent_tenths, readout, trimmed};
use crate::number::parse_f64;
use crate::scene::{focal_options, BinaryScene, Deps};
use crate::state::{Regularization, State, CLASSES_RANGE};

/// One question as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionView {
    pub question: Question,
    /// The question, with the model's numbers; or why it cannot be asked
    /// now. Prose, so its formulas break as the article's do
    /// ([`unbroken_formulas`]).
    pub prompt: String,
    /// Whether it can be answered now.
    pub available: bool,
    /// `(id, label)` of each choice; empty for a question answered by a point.
    pub choices: Vec<(String, String)>,
    pub status: Status,
    /// The choice the reader made, and the right one (once answered).
    pub chosen: Option<String>,
    pub right_choice: Option<String>,
    /// Right or not, and why, with the model's numbers (once answered);
    /// prose, as the prompt is.
    pub feedback: Option<String>,
    pub picking: bool,
    /// Answered in an earlier visit (and right or not), while not answered in this one.
    pub before: Option<bool>,
}

/// A question worked out on the model as it is: its words, its choices, and
/// the right answer.
struct Worked {
    prompt: String,
    choices: Vec<(String, String)>,
    right: Right,
    /// Why, with the numbers.
    why: String,
    /// The point to highlight in the figures.
    point: Option<usize>,
}

enum Right {
    /// The choice with this id.
    Choice(String),
    /// Any point whose score is the highest (ties are all right); `None`
    /// for a point that is not a candidate.
    Point { scores: Vec<Option<f64>>, measure: &'static str },
}

impl Right {
    fn judge(&self, answer: &Answer) -> Option<bool> {
        match (self, answer) {
            (Right::Choice(id), Answer::Choice(given)) => Some(id == given),
            (Right::Point { scores, .. }, Answer::Point(i)) => {
                let best = best_of(scores)?.1;
                Some(scores.get(*i).copied().flatten().is_some_and(|s| s >= best - 1e-12 * best.abs()))
            }
            _ => None,
        }
    }
}

/// The index and value of the highest score.
fn best_of(scores: &[Option<f64>]) -> Option<(usize, f64)> {
    scores.iter().enumerate().filter_map(|(i, s)| Some((i, (*s)?))).max_by(|a, b| a.1.total_cmp(&b.1))
}

/// Whether `answer` to `question` is right for the model as it is; `None`
/// when the question cannot be asked now or the answer is not of its kind.
pub fn judge(model: &Model, question: Question, answer: &Answer) -> Option<bool> {
    work(model, question, model.state.lang, true).ok()?.right.judge(answer)
}

/// The point the answer shows in the figures, if it is about one.
pub fn point_shown(model: &Model, question: Question) -> Option<usize> {
    work(model, question, model.state.lang, false).ok()?.point
}

/// Every question as the page shows it now, in page order.
pub fn views(model: &Model) -> Vec<QuestionView> {
    Question::ALL.into_iter().map(|q| view(model, q)).collect()
}

/// One question as the page shows it now.
pub fn view(model: &Model, question: Question) -> QuestionView {
    let lang = model.state.lang;
    let questions = &model.questions;
    let given = questions.given(question);
    let mut view = QuestionView {
        question,
        prompt: String::new(),
        available: false,
        choices: Vec::new(),
        status: Status::Open,
        chosen: None,
        right_choice: None,
        feedback: None,
        picking: questions.picking == Some(question),
        before: questions.answered_before(question).filter(|_| given.is_none()),
    };
    if questions.skipped(question) {
        view.status = Status::Skipped;
    }
    match work(model, question, lang, given.is_some()) {
        Err(why) => view.prompt = why,
        Ok(worked) => {
            view.available = true;
            view.prompt = worked.prompt;
            view.choices = worked.choices;
            if let Right::Choice(id) = &worked.right {
                view.right_choice = given.map(|_| id.clone());
            }
            if let Some(answer) = given {
                if let Some(right) = worked.right.judge(answer) {
                    view.status = Status::Answered { right };
                    let verdict = t(lang, if right { "q.right" } else { "q.wrong" });
                    let picked = picked_sentence(model, &worked.right, answer, lang);
                    view.feedback = Some(sentences(lang, &[verdict, &picked, &worked.why]));
                    if let Answer::Choice(id) = answer {
                        keep_choice(&mut view.choices, question, id, lang);
                        view.chosen = Some(id.clone());
                    }
                }
            }
        }
    }
    view.prompt = unbroken_formulas(view.prompt);
    view.feedback = view.feedback.map(unbroken_formulas);
    view
}

/// The reader's answer keeps its button when the state no longer offers it
/// (points removed under "4 or more", a calculator's values or samples
/// changed): it is judged against the state as it is, and shown last.
fn keep_choice(choices: &mut Vec<(String, String)>, question: Question, id: &str, lang: Lang) {
    if choices.iter().any(|(known, _)| known == id) {
        return;
    }
    let label = match (question, id.parse::<usize>()) {
        (Question::Misclassified, Ok(count)) => count_choice(count, lang),
        (Question::CceLargest, Ok(i)) => sample_name(i, lang),
        _ => id.to_owned(),
    };
    choices.push((id.to_owned(), label));
}

/// A count's choice: 0 to 3 as it is, 4 as "4 or more".
fn count_choice(count: usize, lang: Lang) -> String {
    if count < 4 {
        count.to_string()
    } else {
        t(lang, "q.choice.many").to_owned()
    }
}

/// The categorical calculator's sample `i` (from 0) by name: "Sample 1", …
fn sample_name(i: usize, lang: Lang) -> String {
    fill(t(lang, "fig.cce.sample"), &[("i", (i + 1).to_string())])
}

/// For a point picked wrongly: which point it was and its number.
fn picked_sentence(model: &Model, right: &Right, answer: &Answer, lang: Lang) -> String {
    let (Right::Point { scores, measure }, Answer::Point(i)) = (right, answer) else { return String::new() };
    if right.judge(answer) == Some(true) {
        return String::new();
    }
    let Some(point) = model.state.points.get(*i) else { return String::new() };
    let value = scores.get(*i).copied().flatten().map_or_else(|| "—".to_owned(), |v| readout(v, 4));
    let values = [("x", fixed(point.x, 2)), ("class", class(point.green, lang).to_owned()), ("v", value)];
    let measure = [("measure", t(lang, measure))];
    fill(&fill(t(lang, "q.picked"), &measure), &values)
}

fn class(green: bool, lang: Lang) -> &'static str {
    t(lang, if green { "claims.class.green" } else { "claims.class.red" })
}

/// `question` worked out on `model`, or why it cannot be asked now. Only
/// `full` work finds the right answer where that costs a fit of its own.
fn work(model: &Model, question: Question, lang: Lang, full: bool) -> Result<Worked, String> {
    let text = |part: &str| crate::i18n::lookup(lang, &question.key(part)).unwrap_or("");
    let state = &model.state;
    let binary = &model.scene.binary;
    match question {
        Question::Penalty => penalty(model, lang, full, text),
        Question::RedTallest => {
            let scores: Vec<Option<f64>> = binary.points.iter().map(|p| (!p.green).then_some(p.p_true)).collect();
            let (i, p) = best_of(&scores).ok_or_else(|| text("none").to_owned())?;
            let coef = binary.model.coef;
            let trend = text(if coef > 0.0 {
                "rising"
            } else if coef < 0.0 {
                "falling"
            } else {
                "flat"
            });
            let answer = fill(text("answer"), &[("x", fixed(binary.points[i].x, 2)), ("p", readout(p, 4))]);
            Ok(Worked {
                prompt: text("prompt").to_owned(),
                choices: Vec::new(),
                right: Right::Point { scores, measure: "q.measure.p-red" },
                why: sentences(lang, &[&answer, trend]),
                point: Some(i),
            })
        }
        Question::Misclassified => {
            let n = binary.points.len();
            if n == 0 {
                return Err(t(lang, "fig.note.no-points").to_owned());
            }
            let wrong: Vec<_> = binary.points.iter().filter(|p| p.p_true < 0.5).collect();
            // 0 to 3 and "4 or more", none past the number of points.
            let choices = (0..=n.min(4)).map(|i| (i.to_string(), count_choice(i, lang))).collect();
            let listed: Vec<String> = wrong
                .iter()
                .take(6)
                .map(|p| fill(text("point"), &[("x", fixed(p.x, 2)), ("p", readout(p.p_true, 2))]))
                .collect();
            let mut list = listed.join(t(lang, "list.separator"));
            if wrong.len() > listed.len() {
                list = fill(t(lang, "list.more"), &[("head", list), ("n", (wrong.len() - listed.len()).to_string())]);
            }
            let why = if wrong.is_empty() {
                text("none").to_owned()
            } else {
                fill(text("answer"), &[("count", wrong.len().to_string()), ("points", list)])
            };
            Ok(Worked {
                prompt: fill(text(if n == 1 { "prompt-one" } else { "prompt" }), &[("n", n.to_string())]),
                choices,
                right: Right::Choice(wrong.len().min(4).to_string()),
                why,
                point: wrong.first().map(|p| p.index),
            })
        }
        Question::LargestLoss => {
            if binary.points.len() == 1 {
                return Err(text("one").to_owned());
            }
            let scores: Vec<Option<f64>> = binary.points.iter().map(|p| Some(p.loss)).collect();
            let (i, loss) = best_of(&scores).ok_or_else(|| t(lang, "fig.note.no-points").to_owned())?;
            let point = &binary.points[i];
            let answer = fill(
                text("answer"),
                &[
                    ("x", fixed(point.x, 2)),
                    ("class", class(point.green, lang).to_owned()),
                    ("loss", readout(loss, 4)),
                    ("p", readout(point.p_true, 4)),
                ],
            );
            let why = if state.smoothing == 0.0 {
                text("why").to_owned()
            } else {
                fill(text("why-smoothed"), &[("ls", trimmed(state.smoothing))])
            };
            Ok(Worked {
                prompt: fill(text("prompt"), &[("n", binary.points.len().to_string())]),
                choices: Vec::new(),
                right: Right::Point { scores, measure: "q.measure.loss" },
                why: sentences(lang, &[&answer, &why]),
                point: Some(i),
            })
        }
        Question::KerasPrint => {
            let calc = model.calculators.view(crate::state::Calc::Binary, lang);
            let keras = calc.rows.iter().find(|r| r.semantics == "keras").ok_or_else(|| text("none").to_owned())?;
            if keras.value == "—" {
                return Err(fill(text("refused"), &[("why", keras.why.as_str())]));
            }
            // In the order of their numbers, so the order gives nothing away
            // (printed arrays, which are not one number, last).
            let printed = calc.rows.iter().filter(|r| r.value != "—");
            let values = printed.map(|r| (parse_f64(&r.value).unwrap_or(f64::INFINITY), r.value.clone()));
            Ok(Worked {
                prompt: text("prompt").to_owned(),
                choices: ascending(values),
                right: Right::Choice(keras.value.clone()),
                why: fill(text("answer"), &[("v", keras.value.as_str()), ("why", keras.why.as_str())]),
                point: None,
            })
        }
        Question::CceLargest => {
            let samples = &model.scene.cce.samples;
            let scores: Vec<Option<f64>> = samples.iter().map(|s| Some(s.loss)).collect();
            let (i, loss) = best_of(&scores).ok_or_else(|| t(lang, "fig.cce.none").to_owned())?;
            let choices = samples
                .iter()
                .enumerate()
                .map(|(j, s)| (j.to_string(), format!("{}: {}", sample_name(j, lang), trimmed_row(&s.raw))))
                .collect();
            let losses: Vec<String> = samples.iter().map(|s| readout(s.loss, 4)).collect();
            let why = fill(
                text("answer"),
                &[
                    ("sample", sample_name(i, lang)),
                    ("p", readout(samples[i].p_true, 4)),
                    ("l", readout(loss, 4)),
                    ("all", losses.join(t(lang, "list.separator"))),
                ],
            );
            Ok(Worked {
                prompt: text("prompt").to_owned(),
                choices,
                right: Right::Choice(i.to_string()),
                why,
                point: None,
            })
        }
        Question::FocalShare => focal_share(model, lang, text),
        Question::FocalShift => {
            let focal = &model.scene.focal;
            let crossing = |fit: &Result<crate::scene::FitCurve, _>| {
                fit.as_ref().ok().filter(|f| f.model.coef != 0.0).map(|f| -f.model.intercept / f.model.coef)
            };
            let (Some(ce), Some(fl)) = (crossing(&focal.ce_fit), crossing(&focal.focal_fit)) else {
                return Err(text("none").to_owned());
            };
            let (ce_text, fl_text) = (fixed(ce, 2), fixed(fl, 2));
            let id = if ce_text == fl_text {
                "stays"
            } else if fl < ce {
                "left"
            } else {
                "right"
            };
            Ok(Worked {
                prompt: fill(text("prompt"), &[("g", readout(state.gamma, 1))]),
                choices: words_choices(&["left", "right", "stays"], lang),
                right: Right::Choice(id.to_owned()),
                why: fill(text("answer"), &[("ce", ce_text), ("fl", fl_text)]),
                point: None,
            })
        }
        Question::SmoothedTarget => {
            // Asked of another K than the figure's, so the answer is not on screen.
            let (a, other) = (state.label_smoothing, other_classes(state.classes));
            let mut one_hot = vec![0.0; other as usize];
            one_hot[0] = 1.0;
            let target = smooth_categorical(&one_hot, a);
            // The true class keeps 1 − ε and gets its share ε/K, as each other class does.
            let (true_class, share) = (target[0], target[1]);
            let right = trimmed(true_class);
            let values = [1.0 - a, true_class, 1.0 - share, share].map(|v| (v, trimmed(v)));
            let k_text = other.to_string();
            let why = fill(
                text("answer"),
                &[("v", right.clone()), ("keep", trimmed(1.0 - a)), ("share", trimmed(share)), ("k", k_text.clone())],
            );
            let asked = [("a", trimmed(a)), ("k", k_text), ("now", state.classes.to_string())];
            Ok(Worked {
                prompt: fill(text("prompt"), &asked),
                choices: ascending(values.into_iter()),
                right: Right::Choice(right),
                why,
                point: None,
            })
        }
        Question::GapClasses => {
            let (a, k) = (state.label_smoothing, state.classes);
            let other = other_classes(k);
            let gap = |k: u32| logit_gap(a, k).map_or_else(|| "∞".to_owned(), |g| readout(g, 4));
            let (now, then) = (gap(k), gap(other));
            let id = if now == then {
                "same"
            } else if logit_gap(a, other) > logit_gap(a, k) {
                "larger"
            } else {
                "smaller"
            };
            let values =
                [("a", trimmed(a)), ("k", k.to_string()), ("k2", other.to_string()), ("gap", now), ("gap2", then)];
            let why = match logit_gap(a, k) {
                None => text("one-hot"),
                Some(0.0) => text("uniform"),
                Some(_) => text("answer"),
            };
            Ok(Worked {
                prompt: fill(text("prompt"), &values),
                choices: words_choices(&["larger", "smaller", "same"], lang),
                right: Right::Choice(id.to_owned()),
                why: fill(why, &values),
                point: None,
            })
        }
    }
}

/// Another number of classes than the figures' `k`, two more (or two fewer
/// at the top of the range), for a question whose answer is not on screen.
fn other_classes(k: u32) -> u32 {
    if k + 2 <= *CLASSES_RANGE.end() {
        k + 2
    } else {
        k - 2
    }
}

/// Choices that are numbers, each once, smallest first: `(value, text)` in,
/// the text as both id and label out.
fn ascending(values: impl Iterator<Item = (f64, String)>) -> Vec<(String, String)> {
    let mut sorted: Vec<(f64, String)> = Vec::new();
    for (value, text) in values {
        if sorted.iter().all(|(_, known)| *known != text) {
            let at = sorted.iter().position(|(known, _)| *known > value).unwrap_or(sorted.len());
            sorted.insert(at, (value, text));
        }
    }
    sorted.into_iter().map(|(_, text)| (text.clone(), text)).collect()
}

/// Choices that are words: `q.choice.<id>`.
fn words_choices(ids: &[&str], lang: Lang) -> Vec<(String, String)> {
    ids.iter()
        .map(|id| ((*id).to_owned(), crate::i18n::lookup(lang, &format!("q.choice.{id}")).unwrap_or(id).to_owned()))
        .collect()
}

/// A row of probabilities as the calculator's reader typed them: `[0.05, 0.95, 0]`.
fn trimmed_row(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|&v| trimmed(v)).collect();
    format!("[{}]", items.join(", "))
}

/// BCE of the fit with the penalty and without: the page's fit, and the
/// other one fitted here (only once the reader has answered, or to judge).
fn penalty(model: &Model, lang: Lang, full: bool, text: impl Fn(&str) -> &'static str) -> Result<Worked, String> {
    let state = &model.state;
    if state.points.is_empty() {
        return Err(t(lang, "fig.note.no-points").to_owned());
    }
    let bce_of = |state: &State, fit: &FitProgress| {
        let model = fit.optimum().as_ref().map_or(fit.model(), |optimum| optimum.model);
        BinaryScene::build(state, model, None).bce.unwrap_or(f64::NAN)
    };
    let now = bce_of(state, &model.fit);
    let on = state.regularization == Regularization::L2;
    let other_state =
        State { regularization: if on { Regularization::Off } else { Regularization::L2 }, ..state.clone() };
    let other = if full { bce_of(&other_state, &FitProgress::converged(&other_state)) } else { f64::NAN };
    let (l2, off) = if on { (now, other) } else { (other, now) };
    let (now_text, other_text) = (readout(now, 4), readout(other, 4));
    let id = if now_text == other_text {
        "same"
    } else if other > now {
        "up"
    } else {
        "down"
    };
    let values = [("c", crate::number::format::significant3(state.c)), ("bce", now_text)];
    Ok(Worked {
        prompt: fill(text(if on { "prompt" } else { "prompt-off" }), &values),
        choices: words_choices(&["up", "down", "same"], lang),
        right: Right::Choice(id.to_owned()),
        why: fill(text("answer"), &[("l2", readout(l2, 4)), ("off", readout(off, 4)), ("c", values[0].1.clone())]),
        point: None,
    })
}

/// The fourth point's share of the focal loss now and at γ = 5 (under the
/// same fit the focal figures use).
fn focal_share(model: &Model, lang: Lang, text: impl Fn(&str) -> &'static str) -> Result<Worked, String> {
    let state = &model.state;
    let focal = &model.scene.focal;
    let Some(i) = state.points.len().checked_sub(1).map(|last| last.min(3)) else {
        return Err(t(lang, "fig.note.no-points").to_owned());
    };
    let share = |losses: &[f64]| {
        let total: f64 = losses.iter().sum();
        (total > 0.0 && total.is_finite()).then(|| losses[i] / total)
    };
    let now: Vec<f64> = focal.points.iter().map(|p| p.focal).collect();
    let optimum = model.fit.optimum_model();
    let (x, y): (Vec<f64>, Vec<f64>) = state.points.iter().map(|p| (p.x, if p.green { 1.0 } else { 0.0 })).unzip();
    let z: Vec<f64> = x.iter().map(|&x| optimum.logit(x)).collect();
    let at_five = point_losses(&y, &z, &crate::core::losses::FocalOptions { gamma: 5.0, ..focal_options(state) });
    let five: Vec<f64> = at_five.iter().map(|l| l.focal).collect();
    let (Some(s_now), Some(s_five)) = (share(&now), share(&five)) else { return Err(text("none").to_owned()) };
    let (now_text, five_text) = (percent_tenths(s_now), percent_tenths(s_five));
    let id = if now_text == five_text {
        "same"
    } else if s_five > s_now {
        "grows"
    } else {
        "shrinks"
    };
    let point = &state.points[i];
    let values = [
        ("x", fixed(point.x, 2)),
        ("class", class(point.green, lang).to_owned()),
        ("share", now_text),
        ("share5", five_text),
        ("g", readout(state.gamma, 1)),
        ("p", readout(at_five[i].p_true, 4)),
    ];
    Ok(Worked {
        prompt: fill(text("prompt"), &values),
        choices: words_choices(&["grows", "shrinks", "same"], lang),
        right: Right::Choice(id.to_owned()),
        why: fill(text("answer"), &values),
        point: Some(i),
    })
}

/// The reader's answer, judged against the model as the figures show it:
/// kept (with the progress), told to the page around the embed, and shown
/// in the figures.
pub(super) fn answer_question(model: &mut Model, question: Question, answer: Answer, changes: &mut Changes) {
    model.rebuild_scene();
    let Some(right) = judge(model, question, &answer) else { return };
    model.questions.answer(question, answer, right);
    model.questions_stale = true;
    changes.questions = true;
    changes.store = Some(model.questions.stored());
    if model.view.api {
        changes.post.push(Outgoing::answer(question.word(), right, &model.view.origin));
    }
    show_point(model, question);
}

/// Highlights the point a question's answer is about, in every figure.
pub(super) fn show_point(model: &mut Model, question: Question) {
    if let Some(point) = point_shown(model, question) {
        model.highlight = Some(point);
        model.mark(Deps::BINARY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::question::Questions;

    #[test]
    fn progress_round_trips_and_ignores_what_it_does_not_know() {
        let mut questions = Questions::default();
        questions.restore("penalty=1,nope=1,gap-classes=0,keras-print=yes,,=");
        assert_eq!(questions.answered_before(Question::Penalty), Some(true));
        assert_eq!(questions.answered_before(Question::GapClasses), Some(false));
        assert_eq!(questions.answered_before(Question::KerasPrint), None);
        assert_eq!(questions.stored(), "penalty=1,gap-classes=0");
        questions.answer(Question::GapClasses, Answer::Choice("larger".into()), true);
        assert_eq!(questions.stored(), "penalty=1,gap-classes=1");
        assert_eq!(questions.answered_before(Question::GapClasses), Some(false), "that was an earlier visit");
    }

    #[test]
    fn every_question_has_a_home_and_a_number() {
        for (i, q) in Question::ALL.into_iter().enumerate() {
            assert_eq!(q.number(), i + 1);
            assert_eq!(Question::from_word(q.word()), Some(q));
            assert!(q.reveal().starts_with('['));
        }
    }
}
