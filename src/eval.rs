//! The evaluator behind `losslab eval`.
