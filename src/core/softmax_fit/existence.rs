//! Whether the unpenalised, unsmoothed objective has a finite minimiser.
//!
//! Along a direction θ of (W, b) every point's loss falls (or stays) when
//! every row `a_ik = (e_(y_i) − e_k) ⊗ [x_i, 1]` (one per point i and other
//! class k) has `a_ik·θ ≥ 0`: each true-class logit gains on every other.
//! If one such θ changes some logit gap, the loss keeps falling as θ grows
//! (the classes are separable, completely or quasi-completely) and there is
//! no finite optimum (Albert & Anderson, 1984). By Stiemke's lemma of the
//! alternative, no such θ exists exactly when some *positive* weights
//! `w_ik > 0` balance the rows, `Σ w_ik·a_ik = 0` — a linear feasibility
//! problem, decided here by phase one of the simplex method. This holds for
//! focal loss too: it falls whenever the true class's probability rises.

use super::SoftmaxProblem;

/// Whether a finite minimiser exists (for ε = 0 and no penalty).
pub(super) fn has_finite_optimum(problem: &SoftmaxProblem) -> bool {
    let (k, d) = (problem.classes(), problem.features());
    let width = d + 1;
    // Scaling a feature scales rows of the system, which leaves its
    // feasibility alone and keeps every entry in [−1, 1].
    let mut scale = vec![1.0_f64; width];
    for (j, s) in scale.iter_mut().enumerate().take(d) {
        let largest = (0..problem.point_count()).map(|i| problem.point(i)[j].abs()).fold(0.0, f64::max);
        if largest > 0.0 {
            *s = largest;
        }
    }
    // Class K−1's rows are minus the sum of the others': leave them out.
    let rows = (k - 1) * width;
    let mut columns: Vec<Vec<f64>> = Vec::with_capacity(problem.point_count() * (k - 1));
    for i in 0..problem.point_count() {
        let (y, x) = (problem.label(i), problem.point(i));
        let xt = |j: usize| if j == d { 1.0 } else { x[j] / scale[j] };
        for other in (0..k).filter(|&c| c != y) {
            let mut a = vec![0.0; rows];
            for (class, sign) in [(y, 1.0), (other, -1.0)] {
                if class < k - 1 {
                    for j in 0..width {
                        a[class * width + j] = sign * xt(j);
                    }
                }
            }
            columns.push(a);
        }
    }
    balanced_by_positive_weights(&columns, rows)
}

/// Whether `Σ_r w_r·a_r = 0` for some weights `w_r ≥ 1` (equivalently, all
/// positive). Writing `w = 1 + s`, `s ≥ 0`: `Σ s_r·a_r = −Σ a_r`, which phase
/// one of the simplex method (one artificial variable per row, Dantzig's
/// rule, Bland's against cycling) finds feasible or not.
fn balanced_by_positive_weights(columns: &[Vec<f64>], rows: usize) -> bool {
    const TOL: f64 = 1e-9;
    let m = columns.len();
    let width = m + rows + 1;
    // Tableau [A | I | b] with b ≥ 0 (rows negated where needed).
    let mut t = vec![0.0; rows * width];
    for r in 0..rows {
        let b: f64 = -columns.iter().map(|a| a[r]).sum::<f64>();
        let sign = if b < 0.0 { -1.0 } else { 1.0 };
        for (j, a) in columns.iter().enumerate() {
            t[r * width + j] = sign * a[r];
        }
        t[r * width + m + r] = 1.0;
        t[r * width + width - 1] = sign * b;
    }
    let total: f64 = (0..rows).map(|r| t[r * width + width - 1]).sum();
    // Reduced costs of phase one (minimise the sum of the artificials).
    let mut cost = vec![0.0; width];
    for r in 0..rows {
        for j in 0..m {
            cost[j] -= t[r * width + j];
        }
        cost[width - 1] -= t[r * width + width - 1];
    }
    let mut basis: Vec<usize> = (m..m + rows).collect();
    let mut degenerate = 0;
    let limit = 50 * (m + rows);
    for _ in 0..limit {
        // Dantzig's rule, or Bland's (the first improving column) once
        // pivots stop making progress.
        let bland = degenerate > 50;
        let mut entering = None;
        for (j, &c) in cost[..m + rows].iter().enumerate() {
            if c < -TOL && entering.is_none_or(|e: usize| !bland && c < cost[e]) {
                entering = Some(j);
                if bland {
                    break;
                }
            }
        }
        let Some(e) = entering else {
            // Optimal: feasible exactly when no artificial is left positive.
            return -cost[width - 1] <= TOL * (1.0 + total);
        };
        let mut leaving: Option<(usize, f64)> = None;
        for r in 0..rows {
            let a = t[r * width + e];
            if a > TOL {
                let ratio = t[r * width + width - 1] / a;
                let better = match leaving {
                    None => true,
                    Some((l, best)) => ratio < best - TOL || (ratio <= best + TOL && basis[r] < basis[l]),
                };
                if better {
                    leaving = Some((r, ratio));
                }
            }
        }
        // Phase one is bounded below by 0, so some row always limits the step.
        let Some((r, ratio)) = leaving else { return true };
        degenerate = if ratio <= TOL { degenerate + 1 } else { 0 };
        let pivot = t[r * width + e];
        for j in 0..width {
            t[r * width + j] /= pivot;
        }
        for other in (0..rows).filter(|&o| o != r) {
            let factor = t[other * width + e];
            if factor != 0.0 {
                for j in 0..width {
                    t[other * width + j] -= factor * t[r * width + j];
                }
            }
        }
        let factor = cost[e];
        for j in 0..width {
            cost[j] -= factor * t[r * width + j];
        }
        basis[r] = e;
    }
    // Undecided after many pivots (should not happen): let the fit try, it
    // stops on its own.
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::softmax_fit::SoftmaxOptions;

    fn exists(x: &[Vec<f64>], y: &[usize]) -> bool {
        let o = SoftmaxOptions { c: None, ..SoftmaxOptions::default() };
        has_finite_optimum(&SoftmaxProblem::new(x, y, &o).unwrap())
    }

    fn line(x: &[f64]) -> Vec<Vec<f64>> {
        x.iter().map(|&v| vec![v]).collect()
    }

    #[test]
    fn one_feature_as_the_sigmoid_fit_decides() {
        // The article's points overlap; split at a threshold they do not.
        assert!(exists(&line(&[-2.2, -1.4, -0.8, 0.2, 0.4, 0.8]), &[0, 0, 1, 0, 1, 1]));
        assert!(!exists(&line(&[-2.0, -1.0, 1.0, 2.0]), &[0, 0, 1, 1]));
        // Quasi-complete: both classes at x = 1, the rest split there.
        assert!(!exists(&line(&[0.0, 1.0, 1.0, 2.0]), &[0, 0, 1, 1]));
    }

    #[test]
    fn three_classes_on_a_line_are_separable_in_order_but_not_shuffled() {
        assert!(!exists(&line(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]), &[0, 0, 1, 1, 2, 2]));
        assert!(exists(&line(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]), &[0, 1, 2, 0, 1, 2]));
    }

    #[test]
    fn in_the_plane() {
        // Three clusters at the corners of a triangle: separable.
        let x = vec![vec![0.0, 0.0], vec![0.1, 0.1], vec![5.0, 0.0], vec![5.1, 0.2], vec![0.0, 5.0], vec![0.2, 5.1]];
        assert!(!exists(&x, &[0, 0, 1, 1, 2, 2]));
        // XOR-like: class 0 on one diagonal, 1 on the other, 2 in the middle
        // twice with the others: no direction separates them.
        let x = vec![
            vec![0.0, 0.0],
            vec![1.0, 1.0],
            vec![1.0, 0.0],
            vec![0.0, 1.0],
            vec![0.5, 0.5],
            vec![0.5, 0.5],
            vec![0.5, 0.5],
        ];
        assert!(exists(&x, &[0, 0, 1, 1, 2, 0, 1]));
    }
}
