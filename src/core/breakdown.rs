//! Per-point numbers for the figures: the probability of the true class, its
//! cross-entropy, and how much focal loss scales it down.

/// One point's share of the losses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointLoss {
    /// p of the point's (hard) class: `p` for a positive point, `1 − p` otherwise.
    pub p_true: f64,
    /// `−(y·ln p + (1−y)·ln(1−p))` (with `0·ln 0 = 0`).
    pub cross_entropy: f64,
    /// The focal modulating factor `(1 − p_t)^γ`, `p_t = y·p + (1−y)(1−p)`.
    pub focal_factor: f64,
    /// Keras' `BinaryFocalCrossentropy` of the element: factor · cross-entropy,
    /// times `α·y + (1−α)(1−y)` when `alpha` is `Some`.
    pub focal: f64,
}

/// Per point: `p = p(y = 1)` and target `y` in [0, 1] (possibly smoothed; the
/// hard class is `y ≥ 0.5`). Pairs up to the shorter of the two slices.
///
/// ```
/// use losslab::core::breakdown::point_losses;
/// let l = point_losses(&[1.0, 0.0], &[0.9, 0.9], 2.0, None);
/// assert!((l[0].p_true - 0.9).abs() < 1e-15);
/// assert!((l[1].p_true - 0.1).abs() < 1e-15);
/// assert!((l[0].cross_entropy + 0.9f64.ln()).abs() < 1e-15);
/// // The easy point is scaled down 100-fold, the hard one barely.
/// assert!((l[0].focal_factor - 0.01).abs() < 1e-15);
/// assert!((l[1].focal_factor - 0.81).abs() < 1e-15);
/// ```
pub fn point_losses(y: &[f64], p: &[f64], gamma: f64, alpha: Option<f64>) -> Vec<PointLoss> {
    y.iter()
        .zip(p)
        .map(|(&y, &p)| {
            let p_true = if y >= 0.5 { p } else { 1.0 - p };
            let a = if y == 0.0 { 0.0 } else { y * p.ln() };
            let b = if y == 1.0 { 0.0 } else { (1.0 - y) * (1.0 - p).ln() };
            let cross_entropy = -(a + b);
            // 1 − p_t written so that it does not cancel when p_t is near 1.
            let one_minus_pt = y * (1.0 - p) + (1.0 - y) * p;
            let focal_factor = one_minus_pt.powf(gamma);
            let weight = alpha.map_or(1.0, |a| a * y + (1.0 - a) * (1.0 - y));
            // A point the model gets exactly right has factor 0; keep its focal
            // loss 0 even where the unclipped cross-entropy is ∞ (0·∞).
            let focal = if focal_factor == 0.0 { 0.0 } else { weight * focal_factor * cross_entropy };
            PointLoss { p_true, cross_entropy, focal_factor, focal }
        })
        .collect()
}
