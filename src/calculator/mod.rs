//! The page's loss calculators, without the page: read what the reader typed
//! (Python-style lists such as `[0., 0., 1., 1.]`, see [`list`]), make one
//! evaluator call per semantics, and format the answers as the frameworks
//! print them ([`answer`]).
//!
//! Every number comes from [`crate::eval::evaluate_cross_entropy`], the evaluator
//! behind `losslab eval`.

pub mod answer;
pub mod list;

pub use answer::{evaluate, one_hot_indices, sparse_equivalent, Answer, InputError, Loss, Row};
pub use list::{parse_list, ListError};
