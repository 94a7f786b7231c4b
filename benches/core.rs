//! Speed of the core: what a slider drag recomputes.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use losslab::core::activation::sigmoid;
use losslab::core::array::NdArray;
use losslab::core::comparison::{fit_all, scorecard, ComparisonOptions, Contender};
use losslab::core::data::BinaryDataSet;
use losslab::core::fit::{fit_focal, fit_logistic, FitOptions};
use losslab::core::losses::{binary_crossentropy, FocalOptions, LossOptions};

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
    c.bench_function("bce_f32_1000", |b| {
        b.iter(|| binary_crossentropy::<f32>(black_box(&y_true), black_box(&y_pred), &o))
    });
    c.bench_function("bce_f64_1000", |b| {
        b.iter(|| binary_crossentropy::<f64>(black_box(&y_true), black_box(&y_pred), &o))
    });
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
        b.iter(|| {
            fit_focal(
                black_box(&x),
                black_box(&y),
                &FocalOptions { apply_class_balancing: true, ..FocalOptions::default() },
                &FitOptions::default(),
            )
        })
    });
}

/// What dragging one of 400 points recomputes: the four fits of the
/// comparison, each warm-started from its previous optimum (and cold, for
/// contrast), then their scorecards on the held-out points.
fn comparison(c: &mut Criterion) {
    let data = BinaryDataSet::Imbalanced.generate(1);
    let (mut x, y) = (data.x.clone(), data.y.clone());
    let o = ComparisonOptions::default();
    let mut warm = fit_all(&x, &y, &o, [None; 4]).map(|f| f.ok().map(|f| f.model));
    let mut step = 0usize;
    c.bench_function("comparison_refit_warm_400", |b| {
        b.iter(|| {
            // Drag a point back and forth, as the page does.
            step += 1;
            x[step % 400] += if step.is_multiple_of(2) { 0.3 } else { -0.3 };
            let fits = fit_all(black_box(&x), &y, &o, warm);
            warm = fits.each_ref().map(|f| f.as_ref().ok().map(|f| f.model));
            fits
        })
    });
    c.bench_function("comparison_refit_cold_400", |b| b.iter(|| fit_all(black_box(&x), &y, &o, [None; 4])));
    let (tx, ty) = data.training();
    let (ex, ey) = data.evaluation();
    let fits = fit_all(&tx, &ty, &o, [None; 4]);
    c.bench_function("comparison_scorecards_280_120", |b| {
        b.iter(|| {
            std::array::from_fn::<_, 4, _>(|i| {
                let model = fits[i].as_ref().unwrap().model;
                scorecard(Contender::ALL[i], model, (&tx, &ty), (black_box(&ex), &ey), &o)
            })
        })
    });
    c.bench_function("dataset_imbalanced_400", |b| b.iter(|| BinaryDataSet::Imbalanced.generate(black_box(1))));
}

criterion_group!(benches, bce, fits, comparison, softmax::fits);
criterion_main!(benches);
