//! The calculators' "why it differs" column: for each framework, what it
//! does to *this* call — probabilities or logits, whether its clipping or
//! clamping comes into play, label smoothing, sample weights, the reduction —
//! so that no sentence describes a step the call does not take.

use crate::calculator::{one_hot_indices, Answer};
use crate::core::array::NdArray;
use crate::core::losses::{keras_clips, torch_clamps};
use crate::core::semantics::{Reduction, Semantics};
use crate::core::smoothing::smooth_binary;
use crate::i18n::{fill, sentences, t, Lang};
use crate::number::format::{self, trimmed};
use crate::state::Calc;

/// Why `semantics` prints what it prints for the call `answer` answered.
pub fn why(which: Calc, semantics: Semantics, answer: &Answer, lang: Lang) -> String {
    let call = Call::of(answer);
    let parts = match which {
        Calc::Binary => binary(&call, semantics, lang),
        Calc::Categorical => categorical(&call, semantics, lang),
    };
    sentences(lang, parts)
}

/// What the explanations need to know of a call.
struct Call<'a> {
    y_true: &'a NdArray<f64>,
    y_pred: &'a NdArray<f64>,
    from_logits: bool,
    /// ε, the label smoothing.
    smoothing: f64,
    weighted: bool,
    /// How many numbers sample_weight holds (0 without one).
    weights: usize,
    reduction: Reduction,
}

impl<'a> Call<'a> {
    fn of(answer: &'a Answer) -> Call<'a> {
        let o = &answer.options;
        Call {
            y_true: &answer.y_true,
            y_pred: &answer.y_pred,
            from_logits: o.from_logits,
            smoothing: o.label_smoothing,
            weighted: o.sample_weight.is_some(),
            weights: o.sample_weight.as_ref().map_or(0, |w| w.data.len()),
            reduction: o.reduction,
        }
    }

    /// Each element's target (after binary smoothing) and probability, in
    /// float32 as the frameworks see them.
    fn binary_elements(&self) -> impl Iterator<Item = (f32, f32)> + '_ {
        let e = self.smoothing as f32;
        self.y_true.data.iter().zip(&self.y_pred.data).map(move |(&y, &p)| (smooth_binary(y as f32, e), p as f32))
    }

    /// Whether Keras' clipping changes some probability of the call.
    fn clipped(&self) -> bool {
        self.binary_elements().any(|(_, p)| keras_clips(p))
    }

    /// Whether some element is completely wrong: a label of 1 given p = 0 or
    /// less than Keras' lower clip, or a label of 0 given p above its upper
    /// one. Without smoothing only; smoothed targets are never 0 or 1.
    fn completely_wrong(&self) -> bool {
        self.smoothing == 0.0
            && self.binary_elements().any(|(y, p)| keras_clips(p) && ((y == 1.0 && p < 0.5) || (y == 0.0 && p > 0.5)))
    }

    /// Whether torch's floor of −100 on a log changes some element's loss.
    fn clamped(&self) -> bool {
        self.binary_elements().any(|(y, p)| torch_clamps(y, p))
    }

    /// Whether some class with a non-zero target gets probability 0 (or 1 − p = 0).
    fn certain_and_wrong(&self) -> bool {
        self.binary_elements().any(|(y, p)| (p == 0.0 && y != 0.0) || (p == 1.0 && y != 1.0))
    }

    /// Whether several weights meet a 1-D y_pred, which is one sample:
    /// tf.keras refuses that, Keras 3 broadcasts them against its one loss.
    fn weights_broadcast(&self) -> bool {
        self.y_pred.rank() == 1 && self.weights > 1
    }

    fn reduction_name(&self) -> &'static str {
        match self.reduction {
            Reduction::SumOverBatchSize | Reduction::MeanWithSampleWeight => "sum_over_batch_size",
            Reduction::Sum => "sum",
            Reduction::None => "none",
        }
    }
}

/// Keras 3's broadcasting of several weights onto one sample, where it applies.
fn keras3_broadcast(call: &Call, semantics: Semantics, lang: Lang) -> Option<String> {
    (semantics == Semantics::Keras3 && call.weights_broadcast())
        .then(|| fill(t(lang, "why.keras3.broadcast"), &[("n", call.weights.to_string())]))
}

fn binary(call: &Call, semantics: Semantics, lang: Lang) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut say = |key: &'static str| parts.push(t(lang, key).to_owned());
    match (semantics, call.from_logits) {
        (Semantics::Keras, false) if call.clipped() => {
            say("why.keras");
            if call.completely_wrong() {
                say("why.keras.worst");
            }
        }
        (Semantics::Keras, false) => say("why.keras.unclipped"),
        (Semantics::Keras3, false) if call.clipped() => {
            say("why.keras3");
            if call.completely_wrong() {
                say("why.keras3.worst");
            }
        }
        (Semantics::Keras3, false) => say("why.keras3.unclipped"),
        (Semantics::Torch, false) if call.clamped() => say("why.torch"),
        (Semantics::Torch, false) => say("why.torch.unclamped"),
        (Semantics::Exact, false) => {
            say("why.exact");
            if call.certain_and_wrong() {
                say("why.exact.infinite");
            }
        }
        (Semantics::Keras, true) => say("why.keras.logits"),
        (Semantics::Keras3, true) => say("why.keras3.logits"),
        (Semantics::Torch, true) => say("why.torch.logits"),
        (Semantics::Exact, true) => say("why.exact.logits"),
    }
    if call.smoothing > 0.0 {
        let e = trimmed(call.smoothing);
        let values = [
            ("e", e.clone()),
            ("lo", trimmed(smooth_binary(0.0, call.smoothing))),
            ("hi", trimmed(smooth_binary(1.0, call.smoothing))),
        ];
        let key = match semantics {
            Semantics::Keras => "why.bce.smoothing",
            Semantics::Torch => "why.bce.torch-smoothing",
            Semantics::Keras3 | Semantics::Exact => "why.same-smoothing",
        };
        parts.push(fill(t(lang, key), &values));
    }
    parts.extend(keras3_broadcast(call, semantics, lang));
    match semantics {
        Semantics::Keras => {
            parts.push(t(lang, "why.bce.per-sample").to_owned());
            parts.push(keras_reduction(call, lang));
        }
        Semantics::Torch => parts.push(torch_binary_reduction(call, lang)),
        Semantics::Keras3 | Semantics::Exact => {}
    }
    parts
}

fn categorical(call: &Call, semantics: Semantics, lang: Lang) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let indices = one_hot_indices(call.y_true);
    let labels = indices.as_deref().map(format::shape).unwrap_or_default();
    let key = match (semantics, call.from_logits, indices.is_some()) {
        (Semantics::Keras, false, _) => "why.cce.keras",
        (Semantics::Keras3, false, _) => "why.cce.keras3",
        (Semantics::Torch, false, true) => "why.cce.torch",
        (Semantics::Torch, false, false) => "why.cce.torch.soft",
        (Semantics::Exact, false, _) => "why.cce.exact",
        (Semantics::Keras, true, _) => "why.cce.keras.logits",
        (Semantics::Keras3, true, _) => "why.cce.keras3.logits",
        (Semantics::Torch, true, true) => "why.cce.torch.logits",
        (Semantics::Torch, true, false) => "why.cce.torch.logits-soft",
        (Semantics::Exact, true, _) => "why.cce.exact.logits",
    };
    parts.push(fill(t(lang, key), &[("labels", labels)]));
    if call.smoothing > 0.0 {
        let values = [("e", trimmed(call.smoothing)), ("k", call.y_pred.classes().to_string())];
        let key = match semantics {
            Semantics::Keras => "why.cce.smoothing",
            Semantics::Torch => "why.cce.torch-smoothing",
            Semantics::Keras3 | Semantics::Exact => "why.same-smoothing",
        };
        parts.push(fill(t(lang, key), &values));
    }
    parts.extend(keras3_broadcast(call, semantics, lang));
    match semantics {
        Semantics::Keras => parts.push(keras_reduction(call, lang)),
        Semantics::Torch => parts.push(t(lang, torch_categorical_reduction(call)).to_owned()),
        Semantics::Keras3 | Semantics::Exact => {}
    }
    parts
}

/// How Keras weighs and reduces the per-sample losses.
fn keras_reduction(call: &Call, lang: Lang) -> String {
    let key = match (call.reduction_name(), call.weighted) {
        ("sum", false) => "why.reduce.sum",
        ("sum", true) => "why.reduce.sum.weighted",
        ("none", false) => "why.reduce.none",
        ("none", true) => "why.reduce.none.weighted",
        (_, false) => "why.reduce.sum_over_batch_size",
        (_, true) => "why.reduce.sum_over_batch_size.weighted",
    };
    t(lang, key).to_owned()
}

/// How torch weighs and reduces binary losses: per element.
fn torch_binary_reduction(call: &Call, lang: Lang) -> String {
    let key = match (call.reduction_name(), call.weighted) {
        ("sum", false) => "why.torch.bce.sum",
        ("sum", true) => "why.torch.bce.sum.weighted",
        ("none", false) => "why.torch.bce.none",
        ("none", true) => "why.torch.bce.none.weighted",
        (_, false) => "why.torch.bce.mean",
        (_, true) => "why.torch.bce.mean.weighted",
    };
    t(lang, key).to_owned()
}

/// How torch's `cross_entropy` reduces: per sample (it takes no sample weights).
fn torch_categorical_reduction(call: &Call) -> &'static str {
    match call.reduction_name() {
        "sum" => "why.torch.cce.sum",
        "none" => "why.torch.cce.none",
        _ => "why.torch.cce.mean",
    }
}
