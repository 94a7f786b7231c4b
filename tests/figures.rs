//! The figures, exported as SVG and read back: titles, text, shapes, numbers;
//! extreme scenes draw without error; plot maps round-trip; text alternatives
//! state each figure's key number in both languages.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use losslab::charts::export::{size, style_for, svg_string, write_svgs};
use losslab::charts::{alt_text, draw, Colors, Figure, Style};
use losslab::scene::{BinaryScene, CceScene, Scene, SmoothingScene};
use losslab::state::{Lang, Palette, Point, Regularization, State, Theme};
use plotters::prelude::{IntoDrawingArea, SVGBackend};

fn out_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join(name)
}

fn svg(figure: Figure, state: &State) -> String {
    let scene = Scene::from_state(state);
    svg_string(figure, &scene, &style_for(state), size(figure)).unwrap()
}

/// `fill="#rrggbb"` of a colour, as the SVG backend writes it.
fn fill_of(c: plotters::style::RGBColor) -> String {
    format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2)
}

/// The text content of every `<text>` element, trimmed and unescaped.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|e| {
            let start = e.find('>')? + 1;
            let end = e.find("</text>")?;
            Some(
                e[start..end]
                    .trim()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

fn has_text(svg: &str, needle: &str) -> bool {
    texts(svg).iter().any(|t| t.contains(needle))
}

fn has_exact_text(svg: &str, text: &str) -> bool {
    texts(svg).iter().any(|t| t == text)
}

fn elements_with(svg: &str, tag: &str, attr: &str) -> usize {
    svg.split('<').filter(|e| e.starts_with(tag) && e.contains(attr)).count()
}

#[test]
fn export_writes_every_figure_with_its_title() {
    let written = write_svgs(&out_dir("figures"), &State::default(), &Figure::ALL).unwrap();
    assert_eq!(written.len(), Figure::ALL.len());
    for (path, figure) in written.iter().zip(Figure::ALL) {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.starts_with("<svg"), "{}", figure.name());
        let title = losslab::i18n::t(Lang::En, figure.title_key());
        assert!(
            text.contains(&format!(">{}</title>", title.replace('&', "&amp;"))),
            "{} lacks its title",
            figure.name()
        );
        assert!(text.contains("<desc"), "{} lacks its text alternative", figure.name());
    }
}

#[test]
fn dark_theme_and_chinese_export_too() {
    let state = State { theme: Theme::Dark, lang: Lang::Zh, palette: Palette::ColorBlind, ..State::default() };
    let dir = out_dir("figures-dark-zh");
    write_svgs(&dir, &state, &Figure::ALL).unwrap();
    let points = std::fs::read_to_string(dir.join("points.svg")).unwrap();
    assert!(points.contains("#15181C"), "dark background");
    assert!(points.contains("正例"));
}

/// `(width, height)` of every `<rect>` after the first (the background).
fn rect_sizes(svg: &str) -> Vec<(u32, u32)> {
    let number = |e: &str, name: &str| -> Option<u32> {
        let start = e.find(&format!(" {name}=\""))? + name.len() + 3;
        e[start..].split('"').next()?.parse().ok()
    };
    svg.split("<rect").skip(2).filter_map(|e| Some((number(e, "width")?, number(e, "height")?))).collect()
}

#[test]
fn the_four_confusion_tables_have_cells_of_one_size() {
    for lang in [Lang::En, Lang::Zh] {
        let state = State { lang, ..State::default() };
        let scene = Scene::from_state(&state);
        // Four tables in a row, and two by two on a phone.
        for width in [720, 334] {
            let svg = svg_string(Figure::Confusion, &scene, &style_for(&state), (width, 400)).unwrap();
            let cells = rect_sizes(&svg);
            assert_eq!(cells.len(), 16, "{lang:?} at {width} px: {cells:?}");
            let (widths, heights): (Vec<u32>, Vec<u32>) = cells.iter().copied().unzip();
            for sizes in [&widths, &heights] {
                let (lo, hi) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
                assert!(hi - lo <= 1, "{lang:?} at {width} px, cells {cells:?}");
            }
        }
    }
}

#[test]
fn points_has_ten_markers_of_two_kinds() {
    let s = svg(Figure::Points, &State::default());
    let c = Colors::for_theme(false, Palette::Article);
    assert_eq!(elements_with(&s, "circle", &fill_of(c.positive)), 7 + 1, "7 green circles + 1 in the key");
    assert_eq!(elements_with(&s, "polygon", &fill_of(c.negative)), 3 + 1, "3 red crosses + 1 in the key");
}

#[test]
fn bars_count_their_points() {
    let c = Colors::for_theme(false, Palette::Article);
    let green = svg(Figure::GreenBars, &State::default());
    assert_eq!(elements_with(&green, "rect", &fill_of(c.positive)), 7);
    assert_eq!(elements_with(&green, "rect", &fill_of(c.negative)), 0);
    let red = svg(Figure::RedBars, &State::default());
    assert_eq!(elements_with(&red, "rect", &fill_of(c.negative)), 3);
    let both = svg(Figure::TrueClassBars, &State::default());
    assert_eq!(
        elements_with(&both, "rect", &fill_of(c.positive)) + elements_with(&both, "rect", &fill_of(c.negative)),
        10
    );
    assert!(has_exact_text(&green, "0.99") && has_exact_text(&red, "0.81"));
}

#[test]
fn a_row_whose_two_losses_agree_is_labelled_once_and_otherwise_twice() {
    let losses = |state: &State| -> Vec<String> {
        let four_places =
            |t: &String| t.len() == 6 && t.as_bytes()[1] == b'.' && t.bytes().all(|b| b == b'.' || b.is_ascii_digit());
        texts(&svg(Figure::Cce, state)).into_iter().filter(four_places).collect()
    };
    // Without smoothing the one-hot and the sparse loss of a row are one number.
    assert_eq!(losses(&State::default()), ["0.0513", "2.3026"]);
    // A soft target row parts its pair: the sparse loss takes the row's
    // argmax, −ln 0.95; the one-hot one −(0.1 ln 0.05 + 0.9 ln 0.95).
    let mut soft = State::default();
    soft.cce_calc.y_true = "[[0.1, 0.9, 0], [0, 0, 1]]".into();
    assert_eq!(losses(&soft), ["0.3457", "0.0513", "2.3026"]);
}

#[test]
fn on_a_phone_every_row_keeps_its_name_whole_or_shorter() {
    let sizes = |svg: &str, text: &str| -> Vec<String> {
        svg.split("<text")
            .filter(|e| e.contains(&format!(">{text}<")) || e.contains(&format!(">\n{text}")))
            .filter_map(|e| e.split("font-size=\"").nth(1)?.split('"').next().map(str::to_owned))
            .collect()
    };
    let phone = |state: &State| {
        let (w, h) = Figure::Cce.spec().shape.aspect(true);
        svg_string(Figure::Cce, &Scene::from_state(state), &style_for(state), (330, 330 * h / w)).unwrap()
    };
    // On a phone the two panels stack, each as wide as the figure: the
    // rows' names are written whole, at the ticks' size, as on a wide one.
    let state = State::default();
    for svg in [svg(Figure::Cce, &state), phone(&state)] {
        for name in ["[0, 1, 0] · 1", "[0, 0, 1] · 2", "sample 1", "sample 2"] {
            assert!(has_exact_text(&svg, name), "{name} in {:?}", texts(&svg));
        }
        assert_eq!(sizes(&svg, "[0, 0, 1] · 2"), ["13"]);
    }
    // Five rows on a phone: their whole names would meet even two sizes
    // smaller, and are set in short (the samples' names still fit).
    let mut five = State::default();
    five.cce_calc.y_true = "[[0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]]".into();
    five.cce_calc.y_pred =
        "[[0.05, 0.95, 0], [0.1, 0.8, 0.1], [0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.3, 0.3, 0.4]]".into();
    let svg = phone(&five);
    for name in ["[0,1,0]·1", "[0,0,1]·2", "[1,0,0]·0", "sample 1", "sample 5"] {
        assert!(has_exact_text(&svg, name), "{name} in {:?}", texts(&svg));
    }
    let px = sizes(&svg, "[1,0,0]·0");
    assert!(px.len() == 1 && px[0].parse::<f64>().unwrap() < 13.0, "{px:?}");
}

#[test]
fn on_a_phone_ten_classes_keep_their_numbers() {
    let state = State { classes: 10, ..State::default() };
    let scene = Scene::from_state(&state);
    let phone = svg_string(Figure::SmoothingTargets, &scene, &style_for(&state), (290, 300)).unwrap();
    let shown = texts(&phone);
    for class in 1..=10 {
        assert!(shown.contains(&class.to_string()), "class {class} in {shown:?}");
    }
    let wide = svg(Figure::SmoothingTargets, &state);
    assert!(has_exact_text(&wide, "1 (true)"), "in full where there is room");
}

#[test]
fn on_a_phone_every_point_keeps_its_p_t() {
    let mut state = State::default();
    state.points.push(Point::new(1.5, false));
    let scene = Scene::from_state(&state);
    let focal = &scene.focal;
    assert_eq!(focal.points.len(), 11);
    let phone = texts(&svg_string(Figure::FocalPoints, &scene, &style_for(&state), (290, 300)).unwrap());
    for point in &focal.points {
        let whole = format!("{:.2}", point.p_true);
        let short = whole.strip_prefix('0').unwrap_or(&whole);
        assert!(phone.iter().any(|t| *t == short || *t == whole), "p_t {whole} in {phone:?}");
    }
    let wide = texts(&svg(Figure::FocalPoints, &state));
    assert!(wide.iter().any(|t| t.starts_with("0.")), "in full where there is room: {wide:?}");
}

#[test]
fn figures_carry_their_numbers_and_axis_text() {
    let st = State::default();
    assert!(has_exact_text(&svg(Figure::PointLosses, &st), "BCE = 0.3329"));
    assert!(has_exact_text(&svg(Figure::SmoothingTargets, &st), "0.9333"));
    assert_eq!(texts(&svg(Figure::SmoothingTargets, &st)).iter().filter(|t| *t == "0.0333").count(), 2);
    assert!(has_text(&svg(Figure::SmoothingLogits, &st), "a = 3.3322"));
    assert!(has_text(&svg(Figure::SmoothingLogits, &st), "0.2911"));
    assert!(has_text(&svg(Figure::SmoothingGradient, &st), "3.3322"));
    assert!(has_exact_text(&svg(Figure::Cce, &st), "mean = 1.177"));
    assert!(has_exact_text(&svg(Figure::Cce, &st), "2.3026"));
    assert!(has_exact_text(&svg(Figure::Cce, &st), "0.0513"));
    assert!(has_exact_text(&svg(Figure::Fit, &st), "p(y = 1 | x)"));
    assert!(has_exact_text(&svg(Figure::Fit, &st), "x"));
    assert!(has_exact_text(&svg(Figure::Fit, &st), "p = σ(0.97·x + 0.66)"));
    assert!(has_exact_text(&svg(Figure::NegLog, &st), "−log p_t"));
    assert!(has_exact_text(&svg(Figure::NegLog, &st), "loss = −log p_t"));
    let stab = svg(Figure::LogitsStability, &st);
    assert!(has_exact_text(&stab, "naive = NaN") && has_exact_text(&stab, "naive = inf"));
    // The logit is z and the label y, as everywhere on the page.
    assert!(has_text(&stab, "from z = 16.6") && has_text(&stab, "from z = −88.7"));
    assert!(has_exact_text(&stab, "loss for label y = 1, in float32"));
    assert!(has_text(&svg(Figure::FocalPoints, &st), "% of focal loss"));
}

#[test]
fn focal_curves_has_five_curves_and_the_readers() {
    let s = svg(Figure::FocalCurves, &State::default());
    // Five paper curves (the reader's γ = 2 among them is drawn once, in the accent) + the reader's.
    let c = Colors::for_theme(false, Palette::Article);
    // Curves are the thick polylines (axes and gridlines are 1 px).
    let curves = |s: &str, color: plotters::style::RGBColor| {
        let stroke = format!("stroke=\"#{:02X}{:02X}{:02X}\"", color.0, color.1, color.2);
        s.split('<')
            .filter(|e| e.starts_with("polyline") && e.contains(&stroke) && !e.contains("stroke-width=\"1\""))
            .count()
    };
    assert_eq!(curves(&s, c.axis), 4);
    assert_eq!(curves(&s, c.accent), 1);
    let other = svg(Figure::FocalCurves, &State { gamma: 3.3, ..State::default() });
    assert_eq!(curves(&other, c.axis), 5);
    assert_eq!(curves(&other, c.accent), 1);
    for g in ["γ = 0", "γ = 0.5", "γ = 1", "γ = 5", "γ = 2, yours"] {
        assert!(has_exact_text(&s, g), "{g}");
    }
}

fn draw_all(state: &State) {
    let scene = Scene::from_state(state);
    for dark in [false, true] {
        for scale in [0.5, 1.0, 2.0] {
            let style =
                Style { colors: Colors::for_theme(dark, state.palette), scale, lang: state.lang, ..Style::default() };
            for figure in Figure::ALL {
                let out =
                    svg_string(figure, &scene, &style, (360, 220)).unwrap_or_else(|e| panic!("{}: {e}", figure.name()));
                assert!(!out.contains("NaN<") || figure == Figure::LogitsStability, "{} prints NaN", figure.name());
            }
        }
    }
}

#[test]
fn extreme_states_draw() {
    let mut one_class = State { regularization: Regularization::Off, ..State::default() };
    one_class.points.iter_mut().for_each(|p| p.green = true);
    draw_all(&one_class);
    let many = State {
        points: (0..1000).map(|i| Point::new((i as f64 * 0.37).sin() * 50.0, i % 3 != 0)).collect(),
        ..State::default()
    };
    draw_all(&many);
    draw_all(&State { c: 0.001, ..State::default() });
    draw_all(&State { gamma: 5.0, class_balancing: true, focal_alpha: 1.0, ..State::default() });
    draw_all(&State { label_smoothing: 0.0, ..State::default() });
    draw_all(&State { label_smoothing: 1.0, classes: 10, smoothing: 1.0, ..State::default() });
    draw_all(&State { points: vec![], ..State::default() });
    // Whatever a link holds reaches the figures only through the state's border.
    let garbage = State::from_query("pts=nan:1,1e308:0,-1e308:1&C=nan&gamma=inf&ls=nan&lang=zh");
    assert!(!garbage.notices.is_empty());
    draw_all(&garbage.state);
}

#[test]
fn non_finite_scene_values_draw() {
    let state = State::default();
    let mut scene = Scene::from_state(&state);
    scene.binary.points[0].p = f64::NAN;
    scene.binary.points[0].p_true = f64::NAN;
    scene.binary.points[1].loss = f64::INFINITY;
    scene.binary.points[2].neg_log_p = f64::NEG_INFINITY;
    scene.binary.bce = Some(f64::INFINITY);
    scene.binary.curve.push((f64::NAN, f64::INFINITY));
    scene.smoothing.ce_smoothed[3].1 = f64::NAN;
    scene.cce = CceScene::build(&[], &[vec![f64::NAN, 1.0]], &[0], false);
    for figure in Figure::ALL {
        svg_string(figure, &scene, &Style::default(), size(figure))
            .unwrap_or_else(|e| panic!("{}: {e}", figure.name()));
    }
}

#[test]
fn plot_map_round_trips() {
    let state = State::default();
    let scene = Scene::from_state(&state);
    for figure in Figure::ALL {
        let mut buf = String::new();
        let map = {
            let area = SVGBackend::with_string(&mut buf, (720, 400)).into_drawing_area();
            draw(figure, &area, &scene, &Style { scale: 2.0, ..Style::default() }).unwrap()
        };
        assert!(map.left < map.right && map.top < map.bottom, "{}", figure.name());
        for (fx, fy) in [(0.1, 0.2), (0.5, 0.5), (0.93, 0.77)] {
            let px = map.left + fx * (map.right - map.left);
            let py = map.top + fy * (map.bottom - map.top);
            let (x, y) = map.to_data(px, py);
            let (qx, qy) = map.to_pixel(x, y);
            assert!((qx - px).abs() < 1e-6 && (qy - py).abs() < 1e-6, "{}", figure.name());
            assert!(map.contains(px, py));
        }
    }
    // The fit's map puts x = 0 where the page will find it.
    let mut buf = String::new();
    let area = SVGBackend::with_string(&mut buf, (720, 400)).into_drawing_area();
    let map = draw(Figure::Fit, &area, &scene, &Style::default()).unwrap();
    let (px, _) = map.to_pixel(0.0, 0.5);
    assert!((map.to_data(px, map.top).0).abs() < 1e-9);
    assert!((map.to_data(px, map.top).1 - 1.0).abs() < 1e-9);
}

#[test]
fn alt_text_states_the_key_number_in_both_languages() {
    let scene = Scene::from_state(&State::default());
    let key = |f: Figure| match f {
        Figure::Points => "4.6",
        Figure::Fit => "0.97",
        Figure::GreenBars => "0.99",
        Figure::RedBars => "0.81",
        Figure::TrueClassBars => "0.47",
        Figure::NegLog => "1.21",
        Figure::PointLosses => "0.3329",
        Figure::LogitsStability => "16.6",
        Figure::Cce => "1.177",
        Figure::SoftmaxRegions => "0.0094",
        Figure::SoftmaxProbs => "0.09413369",
        Figure::SoftmaxLogits => "5.86",
        Figure::FocalCurves => "γ = 2.0",
        Figure::FocalPoints => "91%",
        Figure::FocalFit => "γ = 2.0",
        Figure::SmoothingTargets => "0.9333",
        Figure::SmoothingLogits => "3.3322",
        Figure::SmoothingGradient => "3.3322",
        Figure::Calibration => "0.191",
        Figure::Gradients => "51%",
        Figure::Confusion => "67%",
    };
    for figure in Figure::ALL {
        for lang in [Lang::En, Lang::Zh] {
            let text = alt_text(figure, &scene, lang);
            assert!(text.contains(key(figure)), "{} ({lang:?}): {text}", figure.name());
            assert!(!text.contains('{'), "unfilled placeholder in {}: {text}", figure.name());
        }
    }
    assert!(alt_text(Figure::PointLosses, &scene, Lang::En)
        .starts_with("BCE = 0.3329: the mean of 10 per-point losses 0.20, 0.40"));
}

#[test]
fn extremes_are_said_in_words() {
    let zero = Scene { smoothing: SmoothingScene::build(0.0, 3), ..Scene::from_state(&State::default()) };
    assert!(svg_string(Figure::SmoothingLogits, &zero, &Style::default(), size(Figure::SmoothingLogits))
        .unwrap()
        .contains("gap → ∞"));
    let one = Scene { smoothing: SmoothingScene::build(1.0, 3), ..Scene::from_state(&State::default()) };
    assert!(svg_string(Figure::SmoothingLogits, &one, &Style::default(), size(Figure::SmoothingLogits))
        .unwrap()
        .contains("a = 0.0000"));
    let mut state = State { regularization: Regularization::Off, ..State::default() };
    state.points.iter_mut().for_each(|p| p.green = false);
    let fit = svg(Figure::Fit, &state);
    assert!(fit.contains("No fit"), "{fit}");
    let _ = BinaryScene::build(&state, losslab::scene::FLAT, Some(99));
}

/// Every list of figures in the project is the table's: the page's slots, in
/// page order, and each figure's title and text alternative in both languages.
#[test]
fn every_list_of_figures_is_the_tables() {
    let table: Vec<&str> = Figure::ALL.iter().map(|f| f.name()).collect();
    let html = include_str!("../index.html");
    let slots: Vec<&str> = html.split("data-slot=\"").skip(1).map(|piece| &piece[..piece.find('"').unwrap()]).collect();
    assert_eq!(slots, table, "index.html's data-slot elements, in page order");
    for lang in [Lang::En, Lang::Zh] {
        for figure in Figure::ALL {
            for part in ["title", "alt"] {
                let key = format!("fig.{}.{part}", figure.name());
                assert!(losslab::i18n::lookup(lang, &key).is_some(), "{key} in {lang:?}");
            }
        }
    }
    let words = include_str!("../assets/i18n/en.json");
    for line in words.lines().filter(|l| l.trim_start().starts_with("\"fig.") && l.contains(".title\"")) {
        let name = line.trim_start().trim_start_matches("\"fig.").split(".title").next().unwrap();
        assert!(table.contains(&name), "fig.{name}.title names no figure");
    }
}

/// A count of one is written in the singular: one point over the top of the
/// −log axis, one held-out point.
#[test]
fn one_point_is_one_point() {
    // Greens on the left, reds on the right, and one red point at the far
    // left among the greens: the fit gives it a p_t near 0 (a loss above 5).
    let mut points: Vec<Point> = (0..24).map(|i| Point::new(-10.0 + 0.4 * f64::from(i), true)).collect();
    points.extend((0..24).map(|i| Point::new(1.0 + 0.4 * f64::from(i), false)));
    points.push(Point::new(-10.0, false));
    let state = State { points, ..State::default() };
    let scene = Scene::from_state(&state);
    let over: Vec<f64> = scene.binary.points.iter().map(|p| p.neg_log_p).filter(|&l| l > 5.0).collect();
    assert_eq!(over.len(), 1, "one loss above 5: {over:?}");
    let neglog = svg(Figure::NegLog, &state);
    assert!(has_text(&neglog, "1 point above the top"), "{:?}", texts(&neglog));
    assert!(!has_text(&neglog, "1 points"));
    let held = State::from_query("pts=-2:0,-1:0,-0.5:1,0.3:0,0.6:1h,1:1,2:1,3:1").state;
    assert!(has_text(&svg(Figure::Fit, &held), "Hollow: 1 held-out point, which"));
}

/// The label on the logits figure's smoothing line names the K it was
/// worked out with, the fit's, beside the slider's: two classes of points
/// under a K of 3. With every class present it names one K.
#[test]
fn the_smoothing_gap_is_labelled_with_the_fits_classes() {
    let state = losslab::page::url::read(
        "softmax-pts=-3:-3:0,-2:-3:0,3:3:1,2:3:1&softmax-classes=3&softmax-reg=off&softmax-smoothing=0.2",
    );
    let logits = svg(Figure::SoftmaxLogits, &state.state);
    assert!(has_text(&logits, "K = 2 fitted of 3") && has_text(&logits, "= 2.197"), "{:?}", texts(&logits));
    let all = losslab::page::url::read(
        "softmax-pts=-3:-3:0,-2:-3:0,3:3:1,2:3:1,3:-3:2&softmax-classes=3&softmax-reg=off&softmax-smoothing=0.2",
    );
    let logits = svg(Figure::SoftmaxLogits, &all.state);
    assert!(has_text(&logits, "K = 3:") && !has_text(&logits, "fitted"), "{:?}", texts(&logits));
}
