//! Speed of the core: what a slider drag recomputes.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use losslab::core::activation::sigmoid;
use losslab::core::array::NdArray;
use losslab::core::fit::{fit_focal, fit_logistic, FitOptions};
use losslab::core::losses::{binary_crossentropy, FocalOptions, LossOptions};
use std::hint::black_box;

mod softmax;

/// `n` points whose labels follow a noisy sigmoid (deterministic).
fn points(n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rnd = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let x: Vec<f64> = (0..n).map(|_| rnd() * 8.0 - 4.0).collect();
    let y = x.iter().map(|&xi| if rnd() < sigmoid(1.3 * xi + 0.4) { 1.0 } else { 0.0 }).collect();
    (x, y)
}

fn bce(c: &mut Criterion) {
    let (x, y) = points(1000);
    let y_true = NdArray { shape: vec![1000, 1], data: y };
    let y_pred = NdArray { shape: vec![1000, 1], data: x.iter().map(|&v| sigmoid(v)).collect() };
    let o = LossOptions::default();
    c.bench_function("bce_f32_1000", |b| b.iter(|| binary_crossentropy::<f32>(black_box(&y_true), black_box(&y_pred), &o)));
    c.bench_function("bce_f64_1000", |b| b.iter(|| binary_crossentropy::<f64>(black_box(&y_true), black_box(&y_pred), &o)));
}

fn fits(c: &mut Criterion) {
    let mut g = c.benchmark_group("fit_logistic");
    for n in [10, 100, 1000] {
        let (x, y) = points(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| fit_logistic(black_box(&x), black_box(&y), &FitOptions::default()))
        });
    }
    g.finish();
    let (x, y) = points(1000);
    c.bench_function("fit_focal_1000", |b| {
        b.iter(|| fit_focal(black_box(&x), black_box(&y), &FocalOptions { apply_class_balancing: true, ..FocalOptions::default() }, &FitOptions::default()))
    });
}

criterion_group!(benches, bce, fits, softmax::fits);
criterion_main!(benches);
