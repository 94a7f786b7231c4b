//! Speed of the softmax fit: what dragging one of 300 points among six
//! classes recomputes, and what the animation's step costs.

use criterion::{BenchmarkId, Criterion};
use losslab::core::softmax_fit::{
    logit_derivatives, logit_derivatives_by_duals, SoftmaxModel, SoftmaxOptions, SoftmaxProblem,
};
use std::hint::black_box;

/// `n` points in `k` overlapping blobs on a circle of radius 3 (deterministic).
fn blobs(n: usize, k: usize) -> (Vec<Vec<f64>>, Vec<usize>) {
    let mut s: u64 = 0x2545_F491_4F6C_DD1D;
    let mut rnd = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let y: Vec<usize> = (0..n).map(|i| i % k).collect();
    let x = y
        .iter()
        .map(|&c| {
            let angle = std::f64::consts::TAU * c as f64 / k as f64;
            // A sum of three uniforms: roughly normal, spread 1.
            let mut noise = || (rnd() + rnd() + rnd() - 1.5) * 2.0;
            vec![3.0 * angle.cos() + noise(), 3.0 * angle.sin() + noise()]
        })
        .collect();
    (x, y)
}

pub fn fits(c: &mut Criterion) {
    let (x, y) = blobs(300, 6);
    let mut moved = x.clone();
    moved[17] = vec![x[17][0] + 0.5, x[17][1] - 0.3];
    let cases = [
        ("cross_entropy", SoftmaxOptions::default()),
        ("focal2_smoothing0.1", SoftmaxOptions { gamma: 2.0, label_smoothing: 0.1, ..SoftmaxOptions::default() }),
        ("unpenalised", SoftmaxOptions { c: None, ..SoftmaxOptions::default() }),
    ];
    let mut g = c.benchmark_group("softmax_300x6");
    for (name, options) in cases {
        let before = SoftmaxProblem::new(&x, &y, &options).unwrap();
        let fit = before.fit().unwrap();
        let after = SoftmaxProblem::new(&moved, &y, &options).unwrap().refit(&fit.model).unwrap();
        println!(
            "softmax_300x6 {name}: cold fit {} iterations, warm refit {} iterations",
            fit.iterations, after.iterations
        );
        g.bench_with_input(BenchmarkId::new("cold_fit", name), &options, |b, o| {
            b.iter(|| SoftmaxProblem::new(black_box(&x), &y, o).unwrap().fit())
        });
        // A point moved: check the new points, then refit from the last answer.
        g.bench_with_input(BenchmarkId::new("warm_refit", name), &options, |b, o| {
            b.iter(|| SoftmaxProblem::new(black_box(&moved), &y, o).unwrap().refit(&fit.model))
        });
        let start = SoftmaxModel::zeros(6, 2);
        g.bench_function(BenchmarkId::new("gradient_step", name), |b| {
            b.iter(|| before.gradient_step(black_box(&start)))
        });
    }
    g.finish();
    // One point's logit derivatives, K = 6: written out, and by nested duals.
    let (target, z) = ([0.05, 0.05, 0.75, 0.05, 0.05, 0.05], [0.3, -1.2, 2.0, 0.1, -0.4, 0.8]);
    c.bench_function("softmax_logit_derivatives_k6_closed_form", |b| {
        b.iter(|| logit_derivatives(black_box(&target), &z, 2.0))
    });
    c.bench_function("softmax_logit_derivatives_k6_duals", |b| {
        b.iter(|| logit_derivatives_by_duals(black_box(&target), &z, 2.0))
    });
}
