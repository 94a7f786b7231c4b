//! The article's sections, as lesson links and questions name them.

use super::words::words;

words! {
    /// The article's sections (`<section id="…">`), as `show=` names them.
    Section {
        Intro = "intro",
        Bce = "bce",
        Keras = "keras",
        Cce = "cce",
        Softmax = "softmax",
        Focal = "focal",
        Smoothing = "smoothing",
        Claims = "claims",
        Data = "data",
    }
}
