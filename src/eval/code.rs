//! The `code` of an answered call: the code twin of what it computed, in
//! the framework the call names, ending with the answer as that framework
//! prints it, with English comments.

use super::call::{Answer, Args, Call, Dtype, Function};
use crate::core::code::{logistic_code, loss_code, softmax_code, LogisticCode, LossCode, Shown};
use crate::core::losses::LossValue;
use crate::i18n::Lang;
use crate::number::format::{numpy, numpy_array, percent_tenths, readout};

/// The code of `call`, whose answer is `answer`; `None` when the call asked
/// for none (its framework was checked when the call was read).
pub(super) fn code(call: &Call, answer: &Answer) -> Option<String> {
    call.code?;
    match (&call.args, answer) {
        (Args::Loss { y_true, y_pred, options }, Answer::Loss(value) | Answer::LossWithGrad { loss: value, .. }) => {
            let Function::Loss(kind) = call.function else { return None };
            let printed = match value {
                LossValue::Scalar(x) => numpy(*x),
                LossValue::Array(a) => numpy_array(&a.shape, &a.data),
            };
            let single = call.dtype == Dtype::Float32;
            let loss = LossCode { kind, y_true, y_pred, sigmoid: None, options, single, rounded: false };
            loss_code(&loss, Shown::Value(&printed), Lang::En)
        }
        (Args::Fit { x, y_true, options }, Answer::Fit { fit, .. }) => {
            let model = fit.model;
            let printed = [model.coef, model.intercept, fit.log_loss].map(|v| readout(v, 4)).join(" ");
            let logistic = LogisticCode { x, y: y_true, smoothing: 0.0, c: options.c };
            Some(logistic_code(&logistic, Shown::Value(&printed), Lang::En))
        }
        (Args::SoftmaxFit(problem), Answer::SoftmaxFit { fit, .. }) => {
            let (loss, accuracy) = (problem.cross_entropy(&fit.model), problem.accuracy(&fit.model));
            let printed = format!("{} {}", readout(loss, 4), percent_tenths(accuracy));
            Some(softmax_code(problem, Shown::Value(&printed), Lang::En))
        }
        _ => None,
    }
}
