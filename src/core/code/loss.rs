//! A loss call as tf.keras, Keras 3 or PyTorch code.

use super::python::{array, boolean, shown, Shown};
use super::Framework;
use crate::core::array::NdArray;
use crate::core::fit::Sigmoid;
use crate::core::losses::{LossKind, LossOptions};
use crate::core::semantics::Reduction;
use crate::number::format::python;

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
    /// Print the value with this many decimals, as a readout of the page
    /// shows it, rather than as numpy prints it.
    pub decimals: Option<usize>,
}

/// The code of `call` in the framework of its semantics, ending with what
/// the page shows; `None` for exact semantics, which no framework computes.
///
/// ```
/// use losslab::core::{array::NdArray, code::{loss_code, LossCode, Shown}, losses::{LossKind, LossOptions}};
/// let (t, p) = (NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]), NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]));
/// let o = LossOptions::default();
/// let call = LossCode { kind: LossKind::BinaryCrossentropy, y_true: &t, y_pred: &p, sigmoid: None, options: &o, single: true, decimals: None };
/// let code = loss_code(&call, Shown::Value("11.522857")).unwrap();
/// assert!(code.contains("y_pred = np.array([1.0, 1.0, 1.0, 0.0], dtype=\"float32\")"));
/// assert!(code.ends_with("# prints 11.522857\n"));
/// ```
pub fn loss_code(call: &LossCode, page: Shown) -> Option<String> {
    let framework = Framework::of(call.options.semantics)?;
    let o = call.options;
    let kind = call.kind;
    let torch = framework == Framework::Torch;
    let dtype = if call.single { "float32" } else { "float64" };
    let sparse = kind == LossKind::SparseCategoricalCrossentropy;
    let printed_as_array = call.decimals.is_none()
        && o.reduction == Reduction::None
        && (call.y_pred.rank() > 1 || (torch && kind.is_binary()));
    let mut out = String::from(match framework {
        Framework::Keras => "import numpy as np\nimport tf_keras as keras  # Keras 2: tf.keras of TF 2.0–2.15\n",
        Framework::Keras3 => "import numpy as np\nimport keras  # Keras 3\n",
        _ => "import torch\n",
    });
    if torch {
        if printed_as_array {
            out.push_str("import numpy as np\n");
        }
        out.push_str(match kind {
            LossKind::BinaryFocalCrossentropy => "from torchvision.ops import sigmoid_focal_loss\n",
            _ => "import torch.nn.functional as F\n",
        });
    }
    out.push('\n');

    let y_true = call.y_true;
    let pred = call.y_pred;
    if sparse {
        // One class index per sample, in the shape of y_pred without its class axis.
        let lead = if torch { &pred.shape[..pred.rank() - 1] } else { &y_true.shape[..] };
        array(&mut out, torch, "y_true", lead, &y_true.data, None);
    } else {
        array(&mut out, torch, "y_true", &y_true.shape, &y_true.data, Some(dtype));
    }
    match call.sigmoid {
        Some(s) => {
            array(&mut out, torch, "x", &pred.shape, &pred.data, Some(dtype));
            out.push_str(&format!(
                "coef, intercept = {}, {}  # the fitted sigmoid\ny_pred = coef * x + intercept  # its logits at the points\n",
                python(s.coef),
                python(s.intercept)
            ));
        }
        None => array(&mut out, torch, "y_pred", &pred.shape, &pred.data, Some(dtype)),
    }
    let weight = o.sample_weight.as_ref();
    if let Some(w) = weight {
        array(&mut out, torch, if torch { "weight" } else { "sample_weight" }, &w.shape, &w.data, Some(dtype));
    }
    let value = if torch {
        torch_call(&mut out, call, dtype);
        "loss.numpy()".to_owned()
    } else {
        let class: String = kind.name().split('_').map(capitalised).collect();
        let mut args = String::new();
        if kind == LossKind::BinaryFocalCrossentropy {
            args += &format!("apply_class_balancing={}, ", boolean(o.focal.apply_class_balancing));
        }
        if kind.is_focal() {
            args += &format!("alpha={}, gamma={}, ", python(o.focal.alpha), python(o.focal.gamma));
        }
        args += &format!("from_logits={}, ", boolean(o.from_logits));
        if !sparse {
            args += &format!("label_smoothing={}, ", python(o.label_smoothing));
        }
        args += &format!("reduction=\"{}\"", o.reduction.name());
        if framework == Framework::Keras3 {
            args += &format!(", dtype=\"{dtype}\"");
        }
        out.push_str(&format!("loss = keras.losses.{class}({args})\n"));
        let weighted = if weight.is_some() { ", sample_weight=sample_weight" } else { "" };
        match framework {
            Framework::Keras => format!("loss(y_true, y_pred{weighted}).numpy()"),
            _ => format!("keras.ops.convert_to_numpy(loss(y_true, y_pred{weighted}))"),
        }
    };
    let print = match call.decimals {
        Some(d) => format!("print(f\"{{float({value}):.{d}f}}\")\n"),
        // numpy pads an array's numbers to one width; the page writes each
        // with its shortest digits, as numpy writes one number alone.
        None if printed_as_array => format!(
            "print(np.array2string({value}, separator=\", \", formatter={{\"float_kind\": str}}).replace(\"\\n\", \"\"))\n"
        ),
        None => format!("print({value})\n"),
    };
    if !(torch && kind == LossKind::CategoricalFocalCrossentropy) {
        out.push_str(&print);
    }
    shown(&mut out, framework, page);
    Some(out)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// torch's call, built by hand where torch lacks an option, leaving the
/// result in `loss`.
fn torch_call(out: &mut String, call: &LossCode, dtype: &str) {
    let o = call.options;
    let ls = o.label_smoothing;
    let weighted = o.sample_weight.is_some();
    // Keras 3's mean_with_sample_weight: the weighted sum over the weights' sum.
    let per_weight = o.reduction == Reduction::MeanWithSampleWeight && weighted;
    let reduction = match o.reduction {
        Reduction::Sum => "sum",
        _ if per_weight => "sum",
        Reduction::None => "none",
        _ => "mean",
    };
    let per_weight = if per_weight { " / weight.sum()  # torch has no mean_with_sample_weight" } else { "" };
    let line = match call.kind {
        LossKind::BinaryCrossentropy | LossKind::BinaryFocalCrossentropy => {
            let focal = call.kind == LossKind::BinaryFocalCrossentropy;
            if ls != 0.0 {
                out.push_str(&format!(
                    "# {} has no label_smoothing: the targets are smoothed first, as Keras does\nls = torch.tensor({}, dtype=torch.{dtype})\ny_true = y_true * (1 - ls) + 0.5 * ls\n",
                    if focal { "sigmoid_focal_loss" } else { "binary_cross_entropy" },
                    python(ls)
                ));
            }
            let pred = call.y_pred;
            if o.sample_weight.as_ref().is_some_and(|w| pred.rank() == 2 && w.shape == pred.shape[..1]) {
                // torch's weight is elementwise: one weight per row, as Keras means it.
                out.push_str("weight = weight.reshape(-1, 1)  # one weight per row\n");
            }
            if focal {
                let inputs = if o.from_logits { "y_pred" } else { "torch.logit(y_pred)" };
                format!(
                    "loss = sigmoid_focal_loss({inputs}, y_true, alpha={}, gamma={}, reduction=\"{reduction}\"){per_weight}\n",
                    python(o.focal.alpha),
                    python(o.focal.gamma)
                )
            } else {
                let f = if o.from_logits { "binary_cross_entropy_with_logits" } else { "binary_cross_entropy" };
                let w = if weighted { ", weight=weight" } else { "" };
                format!("loss = F.{f}(y_pred, y_true{w}, reduction=\"{reduction}\"){per_weight}\n")
            }
        }
        LossKind::CategoricalFocalCrossentropy => {
            "# PyTorch has no categorical focal loss (torchvision's sigmoid_focal_loss is binary)\n".to_owned()
        }
        _ => {
            let input = if o.from_logits {
                "y_pred"
            } else {
                out.push_str(
                    "# cross_entropy takes logits: on log(y_pred) its softmax renormalises each row, as Keras does\n",
                );
                "torch.log(y_pred)"
            };
            let ce = format!("F.cross_entropy({input}, y_true, label_smoothing={}", python(ls));
            if weighted {
                let reduce = match o.reduction {
                    Reduction::SumOverBatchSize => "losses.sum() / losses.numel()",
                    Reduction::Sum => "losses.sum()",
                    Reduction::None => "losses",
                    Reduction::MeanWithSampleWeight => "losses.sum() / weight.sum()",
                };
                format!(
                    "# cross_entropy has no per-sample weight (its weight= is per class):\n# the per-sample losses are weighted and reduced as Keras does\nlosses = {ce}, reduction=\"none\") * weight\nloss = {reduce}\n"
                )
            } else {
                format!("loss = {ce}, reduction=\"{reduction}\"){per_weight}\n")
            }
        }
    };
    out.push_str(&line);
}
