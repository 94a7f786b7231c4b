//! Class weights: how much each point counts in a weighted fit.

/// scikit-learn's `class_weight="balanced"` as per-sample weights: each
/// point of class c (class 1 where `y ≥ ½`) weighs `n / (2·n_c)`, so both
/// classes carry the same total weight, `n / 2`. With one class only, every
/// point weighs 1.
///
/// ```
/// use losslab::core::class_weight::balanced;
/// // 1 positive to 3 negatives: the positive weighs 2, each negative 2/3.
/// let w = balanced(&[0., 0., 0., 1.]);
/// assert_eq!(w[3], 2.0);
/// assert!((w[0] - 2.0 / 3.0).abs() < 1e-15);
/// ```
pub fn balanced(y: &[f64]) -> Vec<f64> {
    let n = y.len() as f64;
    let positives = y.iter().filter(|&&v| v >= 0.5).count() as f64;
    let negatives = n - positives;
    if positives == 0.0 || negatives == 0.0 {
        return vec![1.0; y.len()];
    }
    let (w1, w0) = (n / (2.0 * positives), n / (2.0 * negatives));
    y.iter().map(|&v| if v >= 0.5 { w1 } else { w0 }).collect()
}
