//! One call of the evaluator, parsed and validated at the border into a
//! typed [`Call`], then answered.

use std::fmt;

use serde_json::{json, Map, Value};

use super::calibration::{parse_calibration_args, CalibrationRequest};
use super::dataset::{parse_dataset_args, Dataset, DatasetRequest};
use super::json::{array, array_to_json, describe, number, to_json};
use super::softmax::parse_softmax_args;
use crate::core::array::NdArray;
use crate::core::calibration::Calibration;
use crate::core::code::Framework;
use crate::core::fit::{fit_logistic, FitError, FitOptions, LogisticFit};
use crate::core::losses::{
    cross_entropy, loss, loss_with_grad, CrossEntropy, LossError, LossKind, LossOptions, LossValue,
};
use crate::core::real::Real;
use crate::core::semantics::{Reduction, Semantics};
use crate::core::softmax_fit::{SoftmaxFit, SoftmaxProblem};
use crate::i18n::{Lang, Message};

/// What a call computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Loss(LossKind),
    /// scikit-learn's `LogisticRegression` on one feature.
    LogisticFit,
    /// A data set of the page and its split (`eval::dataset`).
    Dataset,
    /// scikit-learn's `calibration_curve` with ECE, MCE, Brier, log loss (`eval::calibration`).
    Calibration,
    /// Multinomial logistic regression with label smoothing and focal γ (`eval::softmax`).
    SoftmaxFit,
}

impl Function {
    /// Parses `fn`: Keras' function or class names (optionally with a module
    /// path, `tf_keras.losses.BinaryCrossentropy`), torch's
    /// `binary_cross_entropy[_with_logits]`, `cross_entropy`,
    /// `sigmoid_focal_loss`, and `logistic_fit`.
    pub fn parse(name: &str) -> Option<(Function, Alias)> {
        let last = name.rsplit('.').next().unwrap_or(name).trim();
        match last {
            "logistic_fit" | "LogisticRegression" => Some((Function::LogisticFit, Alias::None)),
            "dataset" => Some((Function::Dataset, Alias::None)),
            "calibration" | "calibration_curve" => Some((Function::Calibration, Alias::None)),
            "softmax_fit" => Some((Function::SoftmaxFit, Alias::None)),
            "binary_cross_entropy" => Some((Function::Loss(LossKind::BinaryCrossentropy), Alias::None)),
            "binary_cross_entropy_with_logits" => Some((Function::Loss(LossKind::BinaryCrossentropy), Alias::Logits)),
            "sigmoid_focal_loss" => Some((Function::Loss(LossKind::BinaryFocalCrossentropy), Alias::Logits)),
            "cross_entropy" => Some((Function::Loss(LossKind::SparseCategoricalCrossentropy), Alias::CrossEntropy)),
            other => LossKind::parse(other).map(|k| (Function::Loss(k), Alias::None)),
        }
    }
}

/// What a torch-style function name implies beyond the loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alias {
    None,
    /// `*_with_logits`, `sigmoid_focal_loss`: `from_logits` defaults to true.
    Logits,
    /// torch's `cross_entropy`: sparse with class indices, categorical when
    /// `y_true` has `y_pred`'s shape.
    CrossEntropy,
}

/// The precision a call computes in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dtype {
    /// What the frameworks print (the default).
    #[default]
    Float32,
    Float64,
}

/// The arguments of a call, validated.
#[derive(Clone, Debug, PartialEq)]
pub enum Args {
    Loss { y_true: NdArray<f64>, y_pred: NdArray<f64>, options: LossOptions },
    Fit { x: Vec<f64>, y_true: Vec<f64>, options: FitOptions },
    Dataset(DatasetRequest),
    Calibration(CalibrationRequest),
    SoftmaxFit(SoftmaxProblem),
}

/// A parsed call.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub function: Function,
    pub args: Args,
    pub dtype: Dtype,
    /// Also return the gradient with respect to `y_pred`.
    pub grad: bool,
    /// Also return the code that reproduces the answer in this framework
    /// (`eval::code`); a loss call then follows its semantics.
    pub code: Option<Framework>,
}

impl Call {
    /// A loss call with Keras defaults, for the page's calculators.
    ///
    /// ```
    /// use losslab::core::{array::NdArray, losses::{LossKind, LossOptions}};
    /// use losslab::eval::{evaluate_call, Answer, Call};
    /// let call = Call::loss(
    ///     LossKind::BinaryCrossentropy,
    ///     NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]),
    ///     NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]),
    ///     LossOptions::default(),
    /// );
    /// let Answer::Loss(l) = evaluate_call(&call).unwrap() else { panic!() };
    /// assert_eq!(format!("{:.6}", l.scalar().unwrap()), "11.522857");
    /// ```
    pub fn loss(kind: LossKind, y_true: NdArray<f64>, y_pred: NdArray<f64>, options: LossOptions) -> Call {
        Call {
            function: Function::Loss(kind),
            args: Args::Loss { y_true, y_pred, options },
            dtype: Dtype::Float32,
            grad: false,
            code: None,
        }
    }
}

/// The answer to a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Loss(LossValue<f64>),
    LossWithGrad { loss: LossValue<f64>, grad: NdArray<f64> },
    Fit { fit: LogisticFit, proba: Vec<f64> },
    Dataset(Dataset),
    Calibration(Calibration),
    SoftmaxFit { fit: SoftmaxFit, proba: Vec<Vec<f64>> },
}

impl Answer {
    /// The `result` of the JSON answer.
    pub fn to_json(&self) -> Value {
        fn value(v: &LossValue<f64>) -> Value {
            match v {
                LossValue::Scalar(x) => to_json(*x),
                LossValue::Array(a) => array_to_json(a),
            }
        }
        match self {
            Answer::Loss(v) => value(v),
            Answer::LossWithGrad { loss, grad } => json!({ "loss": value(loss), "grad": array_to_json(grad) }),
            Answer::Fit { fit, proba } => json!({
                "coef": to_json(fit.model.coef),
                "intercept": to_json(fit.model.intercept),
                "proba": proba.iter().map(|&p| to_json(p)).collect::<Vec<_>>(),
                "log_loss": to_json(fit.log_loss),
            }),
            Answer::Dataset(d) => super::dataset::to_json(d),
            Answer::Calibration(c) => super::calibration::to_json(c),
            Answer::SoftmaxFit { fit, proba } => super::softmax::to_json(fit, proba),
        }
    }
}

/// Why a call gets no answer; its message says what is wrong, in words.
#[derive(Clone, Debug, PartialEq)]
pub enum CallError {
    NotAnObject(String),
    MissingFn,
    UnknownFn(String),
    UnknownKey(String),
    UnknownOption {
        function: String,
        option: String,
    },
    MissingArg(&'static str),
    BadArg {
        arg: String,
        why: String,
    },
    UnknownSemantics(String),
    UnknownDtype(String),
    UnknownReduction(String),
    Loss(LossError),
    Fit(FitError),
    /// A mistake said in words from the word tables.
    Words(Message),
    /// A bug: the evaluator panicked on this call (caught, reported).
    Internal,
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CallError::*;
        match self {
            NotAnObject(got) => write!(f, "a call must be an object like {{\"fn\": …, \"args\": {{…}}}}, got {got}"),
            MissingFn => write!(f, "the call has no \"fn\" (e.g. \"binary_crossentropy\")"),
            UnknownFn(name) => write!(
                f,
                "unknown fn \"{name}\"; expected binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy, binary_focal_crossentropy, categorical_focal_crossentropy, logistic_fit, dataset, calibration or softmax_fit"
            ),
            UnknownKey(k) => write!(f, "unknown key \"{k}\" in the call; expected fn, args, semantics, dtype, grad, code"),
            UnknownOption { function, option } => write!(f, "{function} has no option \"{option}\""),
            MissingArg(a) => write!(f, "missing argument \"{a}\""),
            BadArg { arg, why } => write!(f, "{arg} {why}"),
            UnknownSemantics(s) => write!(f, "unknown semantics \"{s}\"; expected keras, keras3, torch or exact"),
            UnknownDtype(s) => write!(f, "unknown dtype \"{s}\"; expected float32 or float64"),
            UnknownReduction(s) => write!(f, "unknown reduction \"{s}\"; expected sum_over_batch_size (torch: mean), sum or none"),
            Loss(e) => e.fmt(f),
            Fit(e) => e.fmt(f),
            Words(m) => f.write_str(&m.text(Lang::En)),
            Internal => write!(f, "internal error while evaluating this call"),
        }
    }
}

impl std::error::Error for CallError {}

impl From<LossError> for CallError {
    fn from(e: LossError) -> Self {
        CallError::Loss(e)
    }
}
impl From<FitError> for CallError {
    fn from(e: FitError) -> Self {
        CallError::Fit(e)
    }
}

fn bad(arg: &str, why: impl Into<String>) -> CallError {
    CallError::BadArg { arg: arg.to_string(), why: why.into() }
}

fn get_bool(arg: &str, v: &Value) -> Result<bool, CallError> {
    v.as_bool().ok_or_else(|| bad(arg, format!("must be true or false, got {}", describe(v))))
}

fn get_number(arg: &str, v: &Value) -> Result<f64, CallError> {
    number(v).ok_or_else(|| bad(arg, format!("must be a number, got {}", describe(v))))
}

fn get_array(arg: &str, v: &Value) -> Result<NdArray<f64>, CallError> {
    array(v).map_err(|why| bad(arg, why))
}

/// The options each function accepts (beyond y_true / y_pred).
fn accepts(kind: LossKind, option: &str) -> bool {
    let common = ["from_logits", "label_smoothing", "reduction", "sample_weight", "axis"];
    if common.contains(&option) {
        return true;
    }
    match kind {
        LossKind::BinaryFocalCrossentropy => ["gamma", "alpha", "apply_class_balancing"].contains(&option),
        LossKind::CategoricalFocalCrossentropy => ["gamma", "alpha", "apply_class_balancing"].contains(&option),
        _ => false,
    }
}

/// Parses and validates one call.
pub fn parse_call(v: &Value) -> Result<Call, CallError> {
    let Value::Object(obj) = v else {
        return Err(CallError::NotAnObject(describe(v)));
    };
    for key in obj.keys() {
        if !["fn", "args", "semantics", "dtype", "grad", "code", "framework", "id", "case_id", "note"]
            .contains(&key.as_str())
        {
            return Err(CallError::UnknownKey(key.clone()));
        }
    }
    let name = match obj.get("fn") {
        None | Some(Value::Null) => return Err(CallError::MissingFn),
        Some(Value::String(s)) => s.clone(),
        Some(other) => return Err(bad("fn", format!("must be a string, got {}", describe(other)))),
    };
    let (function, alias) = Function::parse(&name).ok_or_else(|| CallError::UnknownFn(name.clone()))?;
    let asked = match (obj.get("semantics"), obj.get("framework")) {
        (Some(Value::String(s)), _) => Some(Semantics::parse(s).ok_or_else(|| CallError::UnknownSemantics(s.clone()))?),
        (Some(Value::Null) | None, Some(Value::String(fw))) => Some(match fw.as_str() {
            // The reference files' labels: "keras" there means Keras 3.
            "keras" => Semantics::Keras3,
            other => Semantics::parse(other).ok_or_else(|| CallError::UnknownSemantics(other.to_string()))?,
        }),
        (Some(Value::Null) | None, _) => None,
        (Some(other), _) => return Err(bad("semantics", format!("must be a string, got {}", describe(other)))),
    };
    let code = match obj.get("code") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_str().and_then(Framework::parse).ok_or_else(|| {
            let value = v.as_str().map_or_else(|| super::json::written(v), str::to_owned);
            CallError::Words(Message::new("error.code.unknown").with("value", value))
        })?),
    };
    let semantics = code_semantics(function, &name, code, asked)?.or(asked).unwrap_or_default();
    let dtype = match obj.get("dtype") {
        None | Some(Value::Null) => Dtype::Float32,
        Some(Value::String(s)) => match s.as_str() {
            "float32" | "f32" => Dtype::Float32,
            "float64" | "f64" | "double" => Dtype::Float64,
            _ => return Err(CallError::UnknownDtype(s.clone())),
        },
        Some(other) => return Err(bad("dtype", format!("must be a string, got {}", describe(other)))),
    };
    let grad = match obj.get("grad") {
        None | Some(Value::Null) => false,
        Some(g) => get_bool("grad", g)?,
    };
    let empty = Map::new();
    let args = match obj.get("args") {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(m)) => m,
        Some(other) => return Err(bad("args", format!("must be an object, got {}", describe(other)))),
    };
    let args = match function {
        Function::LogisticFit => {
            if grad {
                return Err(bad("grad", "is only available for losses"));
            }
            parse_fit_args(args)?
        }
        Function::Dataset | Function::Calibration | Function::SoftmaxFit if grad => {
            return Err(bad("grad", "is only available for losses"))
        }
        Function::Dataset => Args::Dataset(parse_dataset_args(args).map_err(CallError::Words)?),
        Function::Calibration => Args::Calibration(parse_calibration_args(args).map_err(CallError::Words)?),
        Function::SoftmaxFit => Args::SoftmaxFit(parse_softmax_args(args).map_err(CallError::Words)?),
        Function::Loss(kind) => parse_loss_args(kind, alias, semantics, args)?,
    };
    let function = match (&args, function) {
        // torch's cross_entropy with probability targets of y_pred's shape.
        (Args::Loss { y_true, y_pred, .. }, Function::Loss(LossKind::SparseCategoricalCrossentropy))
            if alias == Alias::CrossEntropy
                && y_true.shape == y_pred.shape
                && y_pred.rank() >= 1
                && y_true.rank() >= 2 =>
        {
            Function::Loss(LossKind::CategoricalCrossentropy)
        }
        (_, f) => f,
    };
    Ok(Call { function, args, dtype, grad, code })
}

/// The semantics a call's `code` asks for, when it asks for one; a
/// framework that cannot write the call, or a semantics it does not print,
/// is a mistake in words.
fn code_semantics(
    function: Function,
    name: &str,
    code: Option<Framework>,
    asked: Option<Semantics>,
) -> Result<Option<Semantics>, CallError> {
    let Some(framework) = code else { return Ok(None) };
    let words = |key| Message::new(key).with("function", name.to_owned()).with("framework", framework.name());
    let no_code = |expected| CallError::Words(words("error.code.framework").with("expected", expected));
    match function {
        Function::Dataset | Function::Calibration => Err(CallError::Words(words("error.code.nothing"))),
        Function::LogisticFit | Function::SoftmaxFit if framework != Framework::Sklearn => Err(no_code("sklearn")),
        Function::LogisticFit | Function::SoftmaxFit => Ok(None),
        Function::Loss(_) => match (framework.semantics(), asked) {
            (None, _) => Err(no_code("keras, keras3 or torch")),
            (Some(s), Some(a)) if a != s => Err(CallError::Words(
                Message::new("error.code.semantics").with("framework", framework.name()).with("semantics", a.name()),
            )),
            (s, _) => Ok(s),
        },
    }
}

fn parse_loss_args(
    kind: LossKind,
    alias: Alias,
    semantics: Semantics,
    args: &Map<String, Value>,
) -> Result<Args, CallError> {
    let mut options = LossOptions { semantics, ..LossOptions::default() };
    // torchvision's focal loss and *_with_logits take logits.
    if alias == Alias::Logits || (semantics == Semantics::Torch && kind == LossKind::BinaryFocalCrossentropy) {
        options.from_logits = true;
    }
    let mut y_true = None;
    let mut y_pred = None;
    let mut axis = None;
    for (key, v) in args {
        if v.is_null() {
            continue; // null = absent = the framework's default
        }
        match key.as_str() {
            "y_true" => y_true = Some(get_array("y_true", v)?),
            "y_pred" => y_pred = Some(get_array("y_pred", v)?),
            k if !accepts(kind, k) => {
                return Err(CallError::UnknownOption { function: kind.name().to_string(), option: k.to_string() })
            }
            "from_logits" => options.from_logits = get_bool(key, v)?,
            "label_smoothing" => options.label_smoothing = get_number(key, v)?,
            "reduction" => {
                let s = v.as_str().ok_or_else(|| bad(key, format!("must be a string, got {}", describe(v))))?;
                options.reduction = Reduction::parse(s).ok_or_else(|| CallError::UnknownReduction(s.to_string()))?;
            }
            "sample_weight" => options.sample_weight = Some(get_array(key, v)?),
            "gamma" => options.focal.gamma = get_number(key, v)?,
            "alpha" => options.focal.alpha = get_number(key, v)?,
            "apply_class_balancing" => {
                let on = get_bool(key, v)?;
                if kind == LossKind::CategoricalFocalCrossentropy && on {
                    return Err(bad(
                        key,
                        "is not an option of categorical_focal_crossentropy: its alpha always applies",
                    ));
                }
                options.focal.apply_class_balancing = on;
            }
            "axis" => axis = Some(get_number(key, v)?),
            _ => unreachable!("accepts() lists every option handled above"),
        }
    }
    let y_true = y_true.ok_or(CallError::MissingArg("y_true"))?;
    let y_pred = y_pred.ok_or(CallError::MissingArg("y_pred"))?;
    if let Some(a) = axis {
        let last = y_pred.rank() as f64 - 1.0;
        if a != -1.0 && a != last {
            return Err(bad("axis", format!("must be the last axis (-1): only the class axis is supported, got {a}")));
        }
    }
    Ok(Args::Loss { y_true, y_pred, options })
}

fn parse_fit_args(args: &Map<String, Value>) -> Result<Args, CallError> {
    let mut x = None;
    let mut y = None;
    let mut options = FitOptions::default();
    let mut unpenalised = false;
    for (key, v) in args {
        match key.as_str() {
            "x" if !v.is_null() => x = Some(get_array("x", v)?),
            "y_true" | "y" if !v.is_null() => y = Some(get_array("y_true", v)?),
            "C" => {
                options.c = if v.is_null() {
                    None
                } else {
                    let c = get_number("C", v)?;
                    if c == f64::INFINITY {
                        None
                    } else {
                        Some(c)
                    }
                }
            }
            "penalty" => match v {
                Value::Null => unpenalised = true,
                Value::String(s) if s == "none" => unpenalised = true,
                Value::String(s) if s == "l2" => {}
                other => return Err(bad("penalty", format!("must be \"l2\" or null, got {}", describe(other)))),
            },
            // scikit-learn's solver settings: the fit here always converges fully.
            "solver" | "tol" | "max_iter" | "fit_intercept" if !matches!(v, Value::Bool(false)) => {}
            _ if v.is_null() => {}
            other => return Err(CallError::UnknownOption { function: "logistic_fit".into(), option: other.into() }),
        }
    }
    if unpenalised {
        options.c = None;
    }
    let x = x.ok_or(CallError::MissingArg("x"))?;
    let y = y.ok_or(CallError::MissingArg("y_true"))?;
    let x = match x.shape.as_slice() {
        [_] => x.data,
        [_, 1] => x.data,
        _ => return Err(bad("x", format!("must be a list of numbers (one feature), got shape {:?}", x.shape))),
    };
    if y.rank() != 1 {
        return Err(bad("y_true", format!("must be a list of numbers, got shape {:?}", y.shape)));
    }
    Ok(Args::Fit { x, y_true: y.data, options })
}

/// Answers a parsed call.
pub fn evaluate_call(call: &Call) -> Result<Answer, CallError> {
    match (&call.function, &call.args) {
        (Function::Loss(kind), Args::Loss { y_true, y_pred, options }) if call.grad => {
            if precision(call.dtype, options) == Dtype::Float64 {
                with_grad::<f64>(*kind, y_true, y_pred, options)
            } else {
                with_grad::<f32>(*kind, y_true, y_pred, options)
            }
        }
        (Function::Loss(kind), Args::Loss { y_true, y_pred, options }) => {
            Ok(Answer::Loss(evaluate_loss(*kind, y_true, y_pred, options, call.dtype)?))
        }
        (Function::LogisticFit, Args::Fit { x, y_true, options }) => {
            let fit = fit_logistic(x, y_true, options)?;
            let proba = x.iter().map(|&xi| fit.model.proba(xi)).collect();
            Ok(Answer::Fit { fit, proba })
        }
        (Function::Dataset, Args::Dataset(request)) => {
            super::dataset::generate(request).map(Answer::Dataset).map_err(CallError::Words)
        }
        (Function::Calibration, Args::Calibration(request)) => {
            super::calibration::answer(request).map(Answer::Calibration).map_err(CallError::Words)
        }
        (Function::SoftmaxFit, Args::SoftmaxFit(problem)) => super::softmax::answer(problem)
            .map(|(fit, proba)| Answer::SoftmaxFit { fit, proba })
            .map_err(CallError::Words),
        _ => Err(CallError::Internal),
    }
}

/// The loss of a call without its gradient. Kept apart from
/// [`evaluate_call`] so that the page, which shows no gradients, downloads
/// no gradient code.
///
/// ```
/// use losslab::core::{array::NdArray, losses::{LossKind, LossOptions}};
/// use losslab::eval::{evaluate_loss, Dtype};
/// let l = evaluate_loss(
///     LossKind::BinaryCrossentropy,
///     &NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]),
///     &NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]),
///     &LossOptions::default(),
///     Dtype::Float32,
/// ).unwrap();
/// assert_eq!(format!("{:.6}", l.scalar().unwrap()), "11.522857");
/// ```
pub fn evaluate_loss(
    kind: LossKind,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    options: &LossOptions,
    dtype: Dtype,
) -> Result<LossValue<f64>, LossError> {
    in_precision(dtype, options, || loss(kind, y_true, y_pred, options), || loss(kind, y_true, y_pred, options))
}

/// [`evaluate_loss`] of a cross-entropy loss: what the page's calculators
/// compute, without the focal code.
pub fn evaluate_cross_entropy(
    kind: CrossEntropy,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    options: &LossOptions,
    dtype: Dtype,
) -> Result<LossValue<f64>, LossError> {
    in_precision(
        dtype,
        options,
        || cross_entropy(kind, y_true, y_pred, options),
        || cross_entropy(kind, y_true, y_pred, options),
    )
}

/// The float64 computation or the float32 one, as `dtype` and the semantics ask.
fn in_precision(
    dtype: Dtype,
    options: &LossOptions,
    double: impl FnOnce() -> Result<LossValue<f64>, LossError>,
    single: impl FnOnce() -> Result<LossValue<f32>, LossError>,
) -> Result<LossValue<f64>, LossError> {
    if precision(dtype, options) == Dtype::Float64 {
        double()
    } else {
        single().map(|v| v.to_f64())
    }
}

/// The precision a call computes in: exact is float64 by definition.
fn precision(dtype: Dtype, options: &LossOptions) -> Dtype {
    if options.semantics == Semantics::Exact {
        Dtype::Float64
    } else {
        dtype
    }
}

fn with_grad<R: Real>(
    kind: LossKind,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    o: &LossOptions,
) -> Result<Answer, CallError> {
    let (l, g) = loss_with_grad::<R>(kind, y_true, y_pred, o)?;
    Ok(Answer::LossWithGrad { loss: l.to_f64(), grad: g.map(Real::as_f64) })
}
