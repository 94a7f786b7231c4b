//! The sigmoid and softmax fits as scikit-learn code (scipy for a focal
//! softmax fit, which scikit-learn does not offer).

use super::python::{array, shown, Shown};
use super::Framework;
use crate::core::softmax_fit::SoftmaxProblem;
use crate::number::format::python;

const SKLEARN: &str =
    "import numpy as np\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import log_loss\n\n";
/// The page's fits run to full convergence; scikit-learn's default tol stops
/// early enough to move the fourth decimal (coef 0.9716 for the article's 0.9719).
const TIGHT: &str = "tol=1e-10, max_iter=10000";

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

fn penalty(c: Option<f64>) -> String {
    c.map_or_else(|| "penalty=None".to_owned(), |c| format!("C={}", python(c)))
}

/// The fit's code, printing `coef intercept log-loss` with four decimals
/// as the page's readouts show them.
///
/// ```
/// use losslab::core::code::{logistic_code, LogisticCode, Shown};
/// let fit = LogisticCode { x: &[-1.0, 0.5, 2.0], y: &[0.0, 1.0, 1.0], smoothing: 0.0, c: Some(1.0) };
/// let code = logistic_code(&fit, Shown::Value("0.7 0.3 0.4"));
/// assert!(code.contains("LogisticRegression(C=1.0, tol=1e-10"));
/// ```
pub fn logistic_code(fit: &LogisticCode, page: Shown) -> String {
    let mut out = String::from(SKLEARN);
    let n = fit.x.len();
    array(&mut out, false, "x", &[n], fit.x, Some("float64"));
    let hard = fit.y.iter().all(|&y| y == 0.0 || y == 1.0);
    array(&mut out, false, "y", &[n], fit.y, if hard { None } else { Some("float64") });
    if fit.smoothing != 0.0 {
        out.push_str(&format!("ls = {}\ny = y * (1 - ls) + 0.5 * ls  # label smoothing\n", python(fit.smoothing)));
    }
    out.push_str(if hard && fit.smoothing == 0.0 {
        "X, Y, W = x.reshape(-1, 1), y, None\n"
    } else {
        "# scikit-learn fits hard labels: each point twice, as class 1 with weight y and as class 0 with weight 1 - y\nX, Y, W = np.concatenate([x, x]).reshape(-1, 1), np.repeat([1, 0], len(y)), np.concatenate([y, 1 - y])\n"
    });
    out.push_str(&format!(
        "clf = LogisticRegression({}, {TIGHT}).fit(X, Y, sample_weight=W)\nprint(f\"{{clf.coef_[0, 0]:.4f}} {{clf.intercept_[0]:.4f}} {{log_loss(Y, clf.predict_proba(X), sample_weight=W):.4f}}\")\n",
        penalty(fit.c)
    ));
    shown(&mut out, Framework::Sklearn, page);
    out
}

/// The softmax fit's code, printing its mean loss with four decimals and
/// its accuracy in percent with one: scikit-learn's multinomial
/// `LogisticRegression` (smoothed targets as weighted copies of each
/// point), or for γ > 0 scipy on the page's own objective.
pub fn softmax_code(problem: &SoftmaxProblem, page: Shown) -> String {
    let (n, k, d) = (problem.point_count(), problem.classes(), problem.features());
    let options = problem.options();
    let focal = options.gamma != 0.0;
    let mut out = String::from(if focal {
        "import numpy as np\nfrom scipy.optimize import minimize\nfrom scipy.special import log_softmax\n\n"
    } else {
        SKLEARN
    });
    let points: Vec<f64> = (0..n).flat_map(|i| problem.point(i).to_vec()).collect();
    array(&mut out, false, "X", &[n, d], &points, Some("float64"));
    let labels: Vec<f64> = (0..n).map(|i| problem.label(i) as f64).collect();
    array(&mut out, false, "y", &[n], &labels, None);
    let ls = options.label_smoothing;
    out.push_str(&format!("K, ls = {k}, {}\n", python(ls)));
    if focal || ls != 0.0 {
        out.push_str("T = np.eye(K)[y] * (1 - ls) + ls / K  # smoothed one-hot targets\n");
    }
    if focal {
        let c = options.c.map_or_else(|| "np.inf".to_owned(), python);
        out.push_str(&format!(
            "C, gamma, D = {c}, {}, X.shape[1]\n\
             # scikit-learn has no focal loss: minimise the page's objective,\n\
             # sum_i l_i + |W|^2 / (2C) with l_i = -sum_k T_ik (1 - p_ik)^gamma log p_ik\n\
             def logits(theta):\n    return X @ theta[:K * D].reshape(K, D).T + theta[K * D:]\n\
             def losses(theta):\n    logp = log_softmax(logits(theta), axis=1)\n    return -(T * (1 - np.exp(logp)) ** gamma * logp).sum(axis=1)\n\
             def objective(theta):\n    return losses(theta).sum() + (theta[:K * D] ** 2).sum() / (2 * C)\n\
             theta = minimize(objective, np.zeros(K * (D + 1)), method=\"BFGS\", options={{\"gtol\": 1e-9}}).x\n\
             print(f\"{{losses(theta).mean():.4f}} {{100 * np.mean(logits(theta).argmax(axis=1) == y):.1f}} %\")\n",
            python(options.gamma)
        ));
    } else {
        out.push_str(if ls != 0.0 {
            "# scikit-learn fits hard labels: each point K times, as class k with weight T[:, k]\nXd, Yd, W = np.tile(X, (K, 1)), np.repeat(np.arange(K), len(y)), T.T.ravel()\n"
        } else {
            "Xd, Yd, W = X, y, None\n"
        });
        // Two classes: scikit-learn fits the one weight vector w1 − w0, and the
        // page's penalty ‖w0‖² + ‖w1‖² is ‖w1 − w0‖²/2 at its optimum.
        let c = options.c.map(|c| if k == 2 { 2.0 * c } else { c });
        if k == 2 && c.is_some() {
            out.push_str("# two classes: scikit-learn fits one weight vector v = w1 - w0; at the page's optimum\n# |w0|^2 + |w1|^2 = |v|^2 / 2, so the same fit takes twice the C\n");
        }
        out.push_str(&format!(
            "clf = LogisticRegression({}, {TIGHT}).fit(Xd, Yd, sample_weight=W)\nprint(f\"{{log_loss(Yd, clf.predict_proba(Xd), sample_weight=W):.4f}} {{100 * clf.score(X, y):.1f}} %\")\n",
            penalty(c)
        ));
    }
    shown(&mut out, Framework::Sklearn, page);
    out
}
