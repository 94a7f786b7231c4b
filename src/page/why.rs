//! The calculators' "why it differs" column: for each framework, what it
//! does to *this* call — probabilities or logits, whether its clipping or
//! clamping comes into play, label smoothing, sample weights, the reduction —
//! so that no sentence describes a step the call does not take.
//!
//! Each sentence's key is built from the call (`why.<semantics>.logits`,
//! `why.reduce.<reduction>.weighted`, …), which keeps the module small.

use crate::calculator::{one_hot_indices, Answer};
use crate::core::losses::{keras_clips, torch_clamps};
use crate::core::semantics::{Reduction, Semantics};
use crate::core::smoothing::smooth_binary;
use crate::i18n::{Lang, Placeholders};
use crate::number::format::{self, trimmed};
use crate::state::Calc;

/// Why `semantics` prints what it prints for the call `answer` answered.
pub fn why(which: Calc, semantics: Semantics, answer: &Answer, lang: Lang) -> String {
    let o = &answer.options;
    let binary = which == Calc::Binary;
    let sem = semantics.name();
    // What the frameworks' caps do to this call, element by element, in
    // float32 as they see it: whether Keras' clipping changes a p, whether
    // torch's floor of −100 on a log is reached, whether an element is
    // completely wrong (a label of 1 given p below Keras' lower clip, or 0
    // given p above its upper one; smoothed targets are never 0 or 1), and
    // whether a class with a non-zero target gets probability 0, and
    // whether a p lies outside [0, 1], where a log's argument is negative.
    let (mut clipped, mut clamped, mut wrong, mut certain, mut outside) = (false, false, false, false, false);
    let e = o.label_smoothing as f32;
    for (&y, &p) in answer.y_true.data.iter().zip(&answer.y_pred.data) {
        let (y, p) = (smooth_binary(y as f32, e), p as f32);
        let clips = keras_clips(p);
        clipped |= clips;
        clamped |= torch_clamps(y, p);
        wrong |= e == 0.0 && clips && ((y == 1.0 && p < 0.5) || (y == 0.0 && p > 0.5));
        certain |= (p == 0.0 && y != 0.0) || (p == 1.0 && y != 1.0);
        outside |= !(0.0..=1.0).contains(&p);
    }
    let mut keys: Vec<String> = Vec::new();
    if binary {
        let suffix = match semantics {
            _ if o.from_logits => ".logits",
            Semantics::Keras | Semantics::Keras3 if !clipped => ".unclipped",
            Semantics::Torch if !clamped => ".unclamped",
            _ => "",
        };
        keys.push(format!("why.{sem}{suffix}"));
        match semantics {
            Semantics::Keras | Semantics::Keras3 if suffix.is_empty() && wrong => keys.push(format!("why.{sem}.worst")),
            Semantics::Exact if !o.from_logits && outside => keys.push("why.exact.outside".into()),
            Semantics::Exact if !o.from_logits && certain => keys.push("why.exact.infinite".into()),
            _ => {}
        }
    } else {
        // torch's cross_entropy takes class indices, or y_true as class
        // probabilities when it is not one-hot.
        let soft = semantics == Semantics::Torch && one_hot_indices(&answer.y_true).is_none();
        let suffix = match (o.from_logits, soft) {
            (false, false) => "",
            (false, true) => ".soft",
            (true, false) => ".logits",
            (true, true) => ".logits-soft",
        };
        keys.push(format!("why.cce.{sem}{suffix}"));
        // Probabilities are never negative: a row with a negative entry is
        // renormalised, logged or clipped all the same, into nothing a loss means.
        if !o.from_logits && answer.y_pred.data.iter().any(|&p| p < 0.0) {
            keys.push("why.cce.negative".into());
        }
    }
    let family = if binary { "bce" } else { "cce" };
    if o.label_smoothing > 0.0 {
        keys.push(match semantics {
            Semantics::Keras => format!("why.{family}.smoothing"),
            Semantics::Torch => format!("why.{family}.torch-smoothing"),
            _ => "why.same-smoothing".into(),
        });
    }
    let weights = o.sample_weight.as_ref().map_or(0, |w| w.data.len());
    // Several weights meet a 1-D y_pred, which is one sample: tf.keras
    // refuses that, Keras 3 broadcasts them against its one loss.
    if semantics == Semantics::Keras3 && answer.y_pred.rank() == 1 && weights > 1 {
        keys.push("why.keras3.broadcast".into());
    }
    let weighted = if weights > 0 { ".weighted" } else { "" };
    let reduction = match o.reduction {
        Reduction::Sum => "sum",
        Reduction::None => "none",
        Reduction::SumOverBatchSize | Reduction::MeanWithSampleWeight => "sum_over_batch_size",
    };
    match semantics {
        Semantics::Keras => {
            if binary {
                keys.push("why.bce.per-sample".into());
            }
            keys.push(format!("why.reduce.{reduction}{weighted}"));
        }
        Semantics::Torch => {
            // torch's BCE is per element and takes weight=; its
            // cross_entropy is per sample and takes no sample weights.
            let reduction = if reduction == "sum_over_batch_size" { "mean" } else { reduction };
            let weighted = if binary { weighted } else { "" };
            keys.push(format!("why.torch.{family}.{reduction}{weighted}"));
        }
        Semantics::Keras3 | Semantics::Exact => {}
    }
    let ls = o.label_smoothing;
    let mut words = Placeholders::new(lang);
    words.put("e", trimmed(ls));
    words.put("lo", trimmed(smooth_binary(0.0, ls)));
    words.put("hi", trimmed(smooth_binary(1.0, ls)));
    words.put("k", answer.y_pred.classes().to_string());
    words.put("labels", one_hot_indices(&answer.y_true).as_deref().map(format::shape).unwrap_or_default());
    words.put("n", weights.to_string());
    words.say(&keys.iter().map(String::as_str).collect::<Vec<_>>())
}
