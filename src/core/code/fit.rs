//! The sigmoid and softmax fits as scikit-learn code (scipy for a focal
//! softmax fit, which scikit-learn does not offer).

use super::framework::Framework;
use super::python::{flag, list, number, page_shows, render, Shown};
use crate::core::softmax_fit::SoftmaxProblem;
use crate::i18n::Lang;

/// The sigmoid fit of scikit-learn's `LogisticRegression` on one feature.
#[derive(Clone, Copy, Debug)]
pub struct LogisticCode<'a> {
    pub x: &'a [f64],
    /// Labels 0/1, or targets in [0, 1].
    pub y: &'a [f64],
    /// Binary label smoothing of the targets, `y(1 − ls) + ls/2`.
    pub smoothing: f64,
    /// scikit-learn's C; `None` for no penalty.
    pub c: Option<f64>,
}

/// The fit's code, its comments in `lang`, printing `coef intercept
/// log-loss` with four decimals as the page's readouts show them. The
/// template is the word tables' `code.logistic`; its flags: `h` hard labels,
/// `S` label smoothing, `W` soft targets fitted as weighted copies, `C` a
/// penalty, `P` the page shows a value. It fits with a tight tol: the page's fits run to
/// full convergence, and scikit-learn's default tol stops early enough to
/// move the fourth decimal (coef 0.9716 for the article's 0.9719).
///
/// ```
/// use losslab::core::code::{logistic_code, LogisticCode, Shown};
/// let fit = LogisticCode { x: &[-1.0, 0.5, 2.0], y: &[0.0, 1.0, 1.0], smoothing: 0.0, c: Some(1.0) };
/// let code = logistic_code(&fit, Shown::Value("0.7 0.3 0.4"), losslab::i18n::Lang::En);
/// assert!(code.contains("LogisticRegression(C=1.0, tol=1e-10"));
/// ```
pub fn logistic_code(fit: &LogisticCode, page: Shown, lang: Lang) -> String {
    let hard = fit.y.iter().all(|&y| y == 0.0 || y == 1.0);
    let smoothing = fit.smoothing != 0.0;
    let (shows, printed) = page_shows(page);
    let flags =
        [flag(hard, b'h'), flag(smoothing, b'S'), flag(smoothing || !hard, b'W'), flag(fit.c.is_some(), b'C'), shows];
    let n = [fit.x.len()];
    let (x, y) = (list(&n, fit.x, false), list(&n, fit.y, hard));
    let (ls, c) = (number(fit.smoothing), number(fit.c.unwrap_or(0.0)));
    let values = [
        ("x", &*x),
        ("y", &y),
        ("ls", &ls),
        ("c", &c),
        ("printed", printed),
        ("framework", Framework::Sklearn.label()),
    ];
    render("code.logistic", lang, &flags, &values)
}

/// The softmax fit's code, its comments in `lang`, printing the mean
/// cross-entropy of the points' own classes with four decimals and its accuracy in percent with one: scikit-learn's
/// multinomial `LogisticRegression` (smoothed targets as weighted copies of
/// each point), or for γ > 0 scipy on the page's own objective. The
/// template is the word tables' `code.softmax`; its flags: `g` focal, `S`
/// label smoothing, `t` smoothed targets written out, `2` two classes, `C`
/// a penalty, `P` the page shows a value.
pub fn softmax_code(problem: &SoftmaxProblem, page: Shown, lang: Lang) -> String {
    let (n, k, d) = (problem.point_count(), problem.classes(), problem.features());
    let options = problem.options();
    let focal = options.gamma != 0.0;
    let smoothing = options.label_smoothing != 0.0;
    let (shows, printed) = page_shows(page);
    let flags = [
        flag(focal, b'g'),
        flag(smoothing, b'S'),
        flag(focal || smoothing, b't'),
        flag(k == 2, b'2'),
        flag(options.c.is_some(), b'C'),
        shows,
    ];
    let points: Vec<f64> = (0..n).flat_map(|i| problem.point(i).to_vec()).collect();
    let labels: Vec<f64> = (0..n).map(|i| problem.label(i) as f64).collect();
    // Two classes: scikit-learn fits the one weight vector w1 − w0, and the
    // page's penalty ‖w0‖² + ‖w1‖² is ‖w1 − w0‖²/2 at its optimum.
    let c = options.c.unwrap_or(0.0) * if k == 2 && !focal { 2.0 } else { 1.0 };
    let (x, y, k) = (list(&[n, d], &points, false), list(&[n], &labels, true), k.to_string());
    let [ls, c, gamma] = [options.label_smoothing, c, options.gamma].map(number);
    let values = [
        ("x", &*x),
        ("y", &y),
        ("k", &k),
        ("ls", &ls),
        ("c", &c),
        ("gamma", &gamma),
        ("printed", printed),
        ("framework", Framework::Sklearn.label()),
    ];
    render("code.softmax", lang, &flags, &values)
}
