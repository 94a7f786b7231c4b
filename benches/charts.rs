//! Speed of the charts: every figure of the default state written down as
//! its canvas calls, as a full redraw of the page asks of them (the page then
//! replays the calls; the page benchmark times both, in the browser).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use losslab::charts::export::{size, style_for};
use losslab::charts::painting::{Painter, Painting};
use losslab::charts::{self, Figure};
use losslab::scene::Scene;
use losslab::state::State;
use plotters::prelude::IntoDrawingArea;

fn paint_every_figure(c: &mut Criterion) {
    let state = State::default();
    let scene = Scene::from_state(&state);
    let style = style_for(&state);
    let mut paintings: Vec<Painting> = Figure::ALL.iter().map(|_| Painting::default()).collect();
    c.bench_function("paint_every_figure", |b| {
        b.iter(|| {
            for (figure, painting) in Figure::ALL.into_iter().zip(&mut paintings) {
                let area = Painter::new(painting, size(figure)).into_drawing_area();
                black_box(charts::draw(figure, &area, black_box(&scene), &style).expect("draws"));
            }
        });
    });
}

criterion_group!(benches, paint_every_figure);
criterion_main!(benches);
