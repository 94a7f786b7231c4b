//! Code twins: the Python that reproduces a number of the page in the
//! framework that prints it — tf.keras (Keras 2), Keras 3, PyTorch or
//! scikit-learn — with every input written out exactly (each literal reads
//! back as the same float64), the dtype and every option, and as its last
//! line the value the page shows for that framework.
//!
//! The generator computes nothing: the caller hands over the call it
//! evaluated and what the page shows for it ([`Shown`]), so the comment is
//! always the page's own number. Where a framework lacks the call (torch's
//! BCE has no `label_smoothing`, its `cross_entropy` no per-sample weight),
//! the code builds it as the reference values were built, and says so.
//!
//! The code is written from templates of the word tables (`code.loss`,
//! `code.logistic`, `code.softmax`): the same code in every language, with
//! the language's comments; the choices a call makes are flags that keep
//! or drop a template's lines, so the page's module carries almost none of
//! the text.
//!
//! - [`loss_code`]: a loss call, in the framework of its semantics;
//! - [`logistic_code`], [`softmax_code`]: the sigmoid and softmax fits, in
//!   scikit-learn (scipy where scikit-learn has no focal loss).

mod fit;
mod framework;
mod loss;
mod python;

pub use fit::{logistic_code, softmax_code, LogisticCode};
pub use framework::Framework;
pub use loss::{loss_code, LossCode};
pub use python::Shown;
