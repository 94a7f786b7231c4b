//! The naive logistic loss against the stable one, in f32, over logits
//! |z| ≤ 1000: the seed's derivation of `max(z,0) − z·y + log(1+exp(−|z|))`
//! (which it writes with x for the logit and z for the label), seen. Each
//! curve is a list of (logit, loss) pairs: the logit is the plot's x.

use crate::core::array::ascending_order;
use crate::core::losses::{naive_logistic_loss, stable_logistic_loss};

/// The largest |z| shown.
pub const X_MAX: f32 = 1000.0;

/// Samples on each side of z = 0, evenly spaced on the symmetric-log axis:
/// one or two pixels apart on the widest figure, on curves that are straight
/// lines on these axes but for the bend around 0. More draw the same line
/// and cost every redraw.
const HALF: i32 = 200;

/// Where the naive loss first stops being a number, walking away from z = 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Breakdown {
    /// The first logit (in f32) where the naive loss is inf or NaN.
    pub x: f32,
    /// What it is there: +inf or NaN.
    pub value: f32,
    /// The stable loss at the same x, for comparison.
    pub stable: f32,
}

/// Both losses for one label y.
#[derive(Clone, Debug, PartialEq)]
pub struct StabilityCurve {
    pub y: f32,
    /// (logit, naive loss) over the whole range, non-finite values included.
    pub naive: Vec<(f32, f32)>,
    /// (logit, stable loss) over the whole range.
    pub stable: Vec<(f32, f32)>,
    /// The breakdown on the positive side, if any.
    pub above: Option<Breakdown>,
    /// The breakdown on the negative side, if any.
    pub below: Option<Breakdown>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StabilityScene {
    /// y = 0, then y = 1.
    pub curves: [StabilityCurve; 2],
}

impl StabilityScene {
    pub fn build() -> StabilityScene {
        StabilityScene { curves: [curve(0.0), curve(1.0)] }
    }

    /// The curve for label y (0 or 1).
    pub fn for_label(&self, y: u8) -> &StabilityCurve {
        &self.curves[usize::from(y >= 1)]
    }
}

fn curve(y: f32) -> StabilityCurve {
    let above = breakdown(y, 1.0);
    let below = breakdown(y, -1.0);
    // Evenly spaced in sign(x)·log10(1 + |x|), so ±10 and ±1000 get equal room,
    // plus the points on either side of each breakdown so the curve ends exactly there.
    let top = (1.0 + X_MAX).log10();
    let mut xs: Vec<f32> = (-HALF..=HALF)
        .map(|i| {
            let u = top * i as f32 / HALF as f32;
            u.signum() * (10f32.powf(u.abs()) - 1.0)
        })
        .collect();
    xs[0] = -X_MAX;
    xs[2 * HALF as usize] = X_MAX;
    for b in [above, below].into_iter().flatten() {
        xs.push(b.x);
        xs.push(prev_toward_zero(b.x));
    }
    let keys: Vec<f64> = xs.iter().map(|&x| f64::from(x)).collect();
    let mut xs: Vec<f32> = ascending_order(&keys).into_iter().map(|i| xs[i]).collect();
    xs.dedup();
    StabilityCurve {
        y,
        naive: xs.iter().map(|&z| (z, naive_logistic_loss(z, y))).collect(),
        stable: xs.iter().map(|&z| (z, stable_logistic_loss(z, y))).collect(),
        above,
        below,
    }
}

/// The next f32 after `x` toward 0.
fn prev_toward_zero(x: f32) -> f32 {
    f32::from_bits(x.to_bits() - 1)
}

/// Walks from 0 in direction `dir` (±1) in steps of 0.5, then bisects in f32
/// to the first logit where the naive loss of label `y` is not finite.
fn breakdown(y: f32, dir: f32) -> Option<Breakdown> {
    let mut ok = 0.0f32;
    let mut bad = None;
    for i in 1..=(2.0 * X_MAX) as i32 {
        let z = dir * i as f32 * 0.5;
        if naive_logistic_loss(z, y).is_finite() {
            ok = z;
        } else {
            bad = Some(z);
            break;
        }
    }
    let mut bad = bad?;
    for _ in 0..64 {
        let mid = 0.5 * (ok + bad);
        if mid == ok || mid == bad {
            break;
        }
        if naive_logistic_loss(mid, y).is_finite() {
            ok = mid;
        } else {
            bad = mid;
        }
    }
    Some(Breakdown { x: bad, value: naive_logistic_loss(bad, y), stable: stable_logistic_loss(bad, y) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naive_breaks_where_f32_runs_out() {
        let s = StabilityScene::build();
        let one = s.for_label(1);
        // σ(z) rounds to 1 in f32 a little above z = 16.6: 0·log 0 is NaN.
        let above = one.above.unwrap();
        assert!(above.x > 15.0 && above.x < 18.0, "{above:?}");
        assert!(above.value.is_nan());
        // exp(−z) overflows f32 below z ≈ −88.7: −log 0 = inf.
        let below = one.below.unwrap();
        assert!(below.x < -80.0 && below.x > -105.0, "{below:?}");
        assert!(below.value.is_infinite());
        assert!(one.stable.iter().all(|(_, v)| v.is_finite()));
    }

    #[test]
    fn stable_loss_grows_linearly() {
        let s = StabilityScene::build();
        let &(x, v) = s.for_label(1).stable.first().unwrap();
        assert_eq!(x, -1000.0);
        assert!((v - 1000.0).abs() < 1e-3);
    }
}
