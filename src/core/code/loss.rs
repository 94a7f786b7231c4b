//! A loss call as tf.keras, Keras 3 or PyTorch code.

use super::framework::Framework;
use super::python::{flag, list, number, page_shows, render, Shown};
use crate::core::array::NdArray;
use crate::core::fit::Sigmoid;
use crate::core::losses::{LossKind, LossOptions};
use crate::core::semantics::Reduction;
use crate::i18n::Lang;

/// A loss call to write as code.
#[derive(Clone, Copy, Debug)]
pub struct LossCode<'a> {
    pub kind: LossKind,
    /// Class indices for the sparse loss (torch's `cross_entropy` too).
    pub y_true: &'a NdArray<f64>,
    /// The predictions; with `sigmoid`, the points' x instead.
    pub y_pred: &'a NdArray<f64>,
    /// The predictions are this sigmoid's logits `coef·x + intercept` at `y_pred`.
    pub sigmoid: Option<Sigmoid>,
    /// Its semantics names the framework.
    pub options: &'a LossOptions,
    /// float32 (what the frameworks print) or float64.
    pub single: bool,
    /// Print the value with four decimals, as a readout of the page shows
    /// it, rather than as numpy prints it.
    pub rounded: bool,
}

/// The code of `call` in the framework of its semantics, its comments in
/// `lang`, ending with what the page shows; `None` for exact semantics,
/// which no framework computes.
///
/// The template is the word tables' `code.loss`. Its flags: `K` tf.keras,
/// `3` Keras 3, `k` either, `T` torch; `b` a binary loss, `f` binary focal,
/// `F` any focal, `c` categorical focal, `e` cross-entropy over classes,
/// `s` sparse; `L` from logits, `B` class balancing, `a` α < 0 (torch's
/// "no weighting"), `S` label smoothing,
/// `W` sample weights, `R` torch weights per row; the reduction `o`
/// (sum_over_batch_size), `u` (sum), `N` (none) or `m`
/// (mean_with_sample_weight); `G` the predictions are a sigmoid's logits;
/// `A` the answer is an array, `D` it is printed to four decimals, `n`
/// torch has no call to print; `P` the page shows a value.
///
/// ```
/// use losslab::core::{array::NdArray, code::{loss_code, LossCode, Shown}, losses::{LossKind, LossOptions}};
/// use losslab::i18n::Lang;
/// let (t, p) = (NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]), NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]));
/// let o = LossOptions::default();
/// let call = LossCode { kind: LossKind::BinaryCrossentropy, y_true: &t, y_pred: &p, sigmoid: None, options: &o, single: true, rounded: false };
/// let code = loss_code(&call, Shown::Value("11.522857"), Lang::En).unwrap();
/// assert!(code.contains("y_pred = np.array([1.0, 1.0, 1.0, 0.0], dtype=\"float32\")"));
/// assert!(code.ends_with("# prints 11.522857\n"));
/// ```
pub fn loss_code(call: &LossCode, page: Shown, lang: Lang) -> Option<String> {
    let framework = Framework::of(call.options.semantics)?;
    let (o, kind, pred) = (call.options, call.kind, call.y_pred);
    let torch = framework == Framework::Torch;
    let binary = kind.is_binary();
    let sparse = kind == LossKind::SparseCategoricalCrossentropy;
    let weight = o.sample_weight.as_ref();
    let reduction = o.reduction;
    let (shows, printed) = page_shows(page);
    let flags = [
        flag(framework == Framework::Keras, b'K'),
        flag(framework == Framework::Keras3, b'3'),
        flag(!torch, b'k'),
        flag(torch, b'T'),
        flag(binary, b'b'),
        flag(kind == LossKind::BinaryFocalCrossentropy, b'f'),
        flag(kind.is_focal(), b'F'),
        flag(kind == LossKind::CategoricalFocalCrossentropy, b'c'),
        flag(!binary && !kind.is_focal(), b'e'),
        flag(sparse, b's'),
        flag(o.from_logits, b'L'),
        flag(o.focal.apply_class_balancing, b'B'),
        flag(o.focal.alpha < 0.0, b'a'),
        flag(o.label_smoothing != 0.0, b'S'),
        flag(weight.is_some(), b'W'),
        // torch's weight is elementwise: one weight per row, as Keras means it.
        flag(torch && binary && weight.is_some_and(|w| pred.rank() == 2 && w.shape == pred.shape[..1]), b'R'),
        flag(reduction == Reduction::SumOverBatchSize, b'o'),
        flag(reduction == Reduction::Sum, b'u'),
        flag(reduction == Reduction::None, b'N'),
        flag(reduction == Reduction::MeanWithSampleWeight, b'm'),
        flag(call.sigmoid.is_some(), b'G'),
        flag(call.rounded, b'D'),
        flag(reduction == Reduction::None && (pred.rank() > 1 || (torch && binary)), b'A'),
        flag(torch && kind == LossKind::CategoricalFocalCrossentropy, b'n'),
        shows,
    ];
    // One class index per sample, in the shape of y_pred without its class
    // axis (as torch wants it; Keras takes the shape given).
    let y_true = call.y_true;
    let y_true = if sparse && torch {
        list(&pred.shape[..pred.rank() - 1], &y_true.data, true)
    } else {
        list(&y_true.shape, &y_true.data, sparse)
    };
    let y_pred = list(&pred.shape, &pred.data, false);
    let weight = weight.map_or_else(String::new, |w| list(&w.shape, &w.data, false));
    let sigmoid = call.sigmoid.unwrap_or(Sigmoid { coef: 0.0, intercept: 0.0 });
    let numbers = [sigmoid.coef, sigmoid.intercept, o.focal.alpha, o.focal.gamma, o.label_smoothing].map(number);
    let [coef, intercept, alpha, gamma, ls] = &numbers;
    let dtype = match (torch, call.single) {
        (true, true) => "torch.float32",
        (true, false) => "torch.float64",
        (false, true) => "\"float32\"",
        (false, false) => "\"float64\"",
    };
    let torch_reduction = match reduction {
        Reduction::Sum => "sum",
        Reduction::None => "none",
        _ => "mean",
    };
    let values = [
        ("array", if torch { "torch.tensor" } else { "np.array" }),
        ("dtype", dtype),
        ("y_true", &y_true),
        ("y_pred", &y_pred),
        ("sample_weight", &weight),
        ("coef", coef),
        ("intercept", intercept),
        ("alpha", alpha),
        ("gamma", gamma),
        ("ls", ls),
        ("reduction", reduction.name()),
        ("torch_reduction", torch_reduction),
        ("printed", printed),
        ("framework", framework.label()),
    ];
    Some(render("code.loss", lang, &flags, &values))
}
