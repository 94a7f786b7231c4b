//! The numerics core. Pure functions over `f32` and `f64`: no DOM, no canvas,
//! no plotters.
