//! The state's URL form: every valid state survives the round trip exactly,
//! and any text at all reads as a valid state, with a notice for what was off.
#![cfg(not(target_arch = "wasm32"))]

use losslab::charts::Figure;
use losslab::core::data::PlaneDataSet;
use losslab::page::url::{self, Location};
use losslab::page::{Question, Section, View};
use losslab::state::*;
use proptest::prelude::*;

fn read(query: &str) -> Location {
    url::read(query)
}

fn points(pairs: &[(f64, bool)]) -> Vec<Point> {
    pairs.iter().map(|&(x, green)| Point::new(x, green)).collect()
}

// ---- Writing ----

#[test]
fn the_default_state_is_the_empty_query() {
    assert_eq!(State::default().to_query(), "");
    let parsed = read("");
    assert_eq!(parsed.state, State::default());
    assert_eq!(parsed.view, View::default());
    assert!(parsed.notices.is_empty());
}

#[test]
fn only_changed_values_are_written_with_short_keys() {
    let state = State {
        regularization: Regularization::Off,
        c: 0.1,
        lang: Lang::Zh,
        points: points(&[(-2.2, false), (0.4, true)]),
        ..State::default()
    };
    assert_eq!(state.to_query(), "reg=off&C=0.1&lang=zh&pts=-2.2:0,0.4:1");
}

#[test]
fn every_key_is_written_in_a_fixed_order() {
    let mut state = State {
        regularization: Regularization::Off,
        c: 0.5,
        smoothing: 0.2,
        gamma: 0.5,
        focal_alpha: 0.5,
        class_balancing: true,
        label_smoothing: 0.2,
        classes: 4,
        palette: Palette::ColorBlind,
        theme: Theme::Dark,
        lang: Lang::Zh,
        points: Vec::new(),
        ..State::default()
    };
    for calc in [&mut state.bce_calc, &mut state.cce_calc] {
        *calc = CalculatorInput {
            y_true: "1".into(),
            y_pred: "2".into(),
            from_logits: true,
            label_smoothing: 0.5,
            reduction: "sum".into(),
            sample_weight: "3".into(),
        };
    }
    let view = View { embed: Some(vec![Figure::Fit, Figure::Points]), controls: false, ..View::default() };
    assert_eq!(
        url::write(&state, &view),
        "embed=fit,points&controls=0&reg=off&C=0.5&smooth=0.2&gamma=0.5&alpha=0.5&balance=1&ls=0.2&K=4\
         &palette=cb&theme=dark&lang=zh&pts=none\
         &bt=1&bp=2&bl=1&bls=0.5&br=sum&bw=3&ct=1&cp=2&cl=1&cls=0.5&cr=sum&cw=3"
    );
}

#[test]
fn an_embed_link_names_the_figure_then_the_state() {
    let state = State { gamma: 3.0, ..State::default() };
    let view = View { embed: Some(vec![Figure::FocalCurves]), ..View::default() };
    assert_eq!(url::write(&state, &view), "embed=focal-curves&gamma=3");
}

#[test]
fn calculator_text_is_escaped_only_where_needed() {
    let mut state = State::default();
    state.bce_calc.y_true = "[0., 1.] & y=1 #2 +3 100% 交".into();
    assert_eq!(state.to_query(), "bt=[0.,%201.]%20%26%20y%3D1%20%232%20%2B3%20100%25%20%E4%BA%A4");
}

#[test]
fn a_thousand_points_make_the_round_trip() {
    let state = State {
        points: (0..MAX_POINTS).map(|i| Point::new(i as f64 / 7.0 - 50.0, i % 3 == 0)).collect(),
        ..State::default()
    };
    let parsed = read(&state.to_query());
    assert_eq!(parsed.state, state);
    assert!(parsed.notices.is_empty());
}

#[test]
fn the_planes_settings_are_written_after_the_lines() {
    let mut state = State { seed: 7, gamma: 0.5, ..State::default() };
    state.softmax = SoftmaxSettings {
        data: PlaneDataSet::Ring,
        classes: 4,
        regularization: Regularization::Off,
        c: 10.0,
        smoothing: 0.2,
        gamma: 1.5,
        class: 3,
        selected: 2,
        points: vec![PlanePoint { x: 1.25, y: -6.0, class: 3 }, PlanePoint { x: 0.0, y: 2.0, class: 0 }],
    };
    assert_eq!(
        state.to_query(),
        "seed=7&gamma=0.5&softmax-data=ring&softmax-classes=4&softmax-reg=off&softmax-C=10\
         &softmax-smoothing=0.2&softmax-gamma=1.5&softmax-pts=1.25:-6:3,0:2:0&softmax-class=3&softmax-point=2"
    );
    assert_eq!(read(&state.to_query()).state, state);
}

#[test]
fn plane_points_out_of_the_square_or_unreadable_are_noticed() {
    let parsed = read("softmax-pts=1:2:0,9:-9:1,x:1:0,1:1:6,0:0:2,-20:0:0");
    assert_eq!(
        parsed.state.softmax.points,
        [
            PlanePoint { x: 1.0, y: 2.0, class: 0 },
            PlanePoint { x: 9.0, y: -6.0, class: 1 },
            PlanePoint { x: 0.0, y: 0.0, class: 2 },
            PlanePoint { x: -12.0, y: 0.0, class: 0 },
        ]
    );
    let lines: Vec<String> = parsed.notices.iter().map(|n| n.message().text(Lang::En)).collect();
    assert_eq!(
        lines,
        [
            "2 points in the plane could not be read and were skipped (the first: x:1:0); each should be x:y:class, \
             with a class from 0 to 5.",
            "2 points lay outside the plane (|x| ≤ 12, |y| ≤ 6) and were moved to its edge (the first: 9:-9:1).",
        ]
    );
    let none = read("softmax-pts=none&softmax-class=4&softmax-data=moons");
    assert!(none.state.softmax.points.is_empty());
    assert_eq!(none.state.softmax.class, 2, "the picker is held to K = 3");
    assert_eq!(none.notices.len(), 3, "{:?}", none.notices);
    assert!(none.state.is_within_ranges());
}

/// A chosen point past the plane's last is the last, said in a notice:
/// among the link's own points, or the data set's.
#[test]
fn a_chosen_point_past_the_last_is_the_last() {
    let own = read("softmax-pts=0:0:0,1:1:1&softmax-point=3");
    assert_eq!(own.state.softmax.selected, 2);
    let lines: Vec<String> = own.notices.iter().map(|n| n.message().text(Lang::En)).collect();
    assert_eq!(lines, ["softmax-point = 3 is out of range; using 2."]);
    let blobs = read("softmax-point=999");
    assert_eq!(blobs.state.softmax.selected, 150);
    assert_eq!(blobs.notices.len(), 1);
    assert_eq!(read("softmax-point=150").notices, []);
    assert!(own.state.is_within_ranges() && blobs.state.is_within_ranges());
}

// ---- Reading what people type ----

#[test]
fn a_leading_question_mark_and_a_fragment_are_ignored() {
    let parsed = read("?gamma=3&lang=zh#figure-2&C=5");
    assert_eq!(parsed.state, State { gamma: 3.0, lang: Lang::Zh, ..State::default() });
    assert!(parsed.notices.is_empty());
}

#[test]
fn words_ignore_case_and_flags_read_true_and_false() {
    let parsed = read("theme=Dark&reg=L2&balance=true&bl=1&cl=false");
    assert_eq!(parsed.state.theme, Theme::Dark);
    assert_eq!(parsed.state.regularization, Regularization::L2);
    assert!(parsed.state.class_balancing);
    assert!(parsed.state.bce_calc.from_logits);
    assert!(!parsed.state.cce_calc.from_logits);
    assert!(parsed.notices.is_empty());
}

#[test]
fn an_empty_calculator_text_is_the_empty_text() {
    let parsed = read("bt=&cw=");
    assert_eq!(parsed.state.bce_calc.y_true, "");
    assert_eq!(parsed.state.cce_calc.sample_weight, "");
    assert!(parsed.notices.is_empty());
}

#[test]
fn a_bad_escape_is_kept_as_typed() {
    let parsed = read("bp=[1%,+2%zz]");
    assert_eq!(parsed.state.bce_calc.y_pred, "[1%, 2%zz]");
    assert!(parsed.notices.is_empty());
}

#[test]
fn the_embed_view_and_hidden_controls_are_read() {
    let parsed = read("embed=neglog,%20fit&controls=0");
    assert_eq!(
        parsed.view,
        View { embed: Some(vec![Figure::NegLog, Figure::Fit]), controls: false, ..View::default() }
    );
}

#[test]
fn pts_none_is_no_points() {
    assert_eq!(read("pts=none").state.points, []);
}

// ---- Clamping and ignoring, with the exact notice ----

#[test]
fn a_value_out_of_range_is_clamped_with_a_notice() {
    let parsed = read("C=5000");
    assert_eq!(parsed.state.c, 1000.0);
    let notice = Notice::OutOfRange { key: "C", text: "5000".into(), used: "1000".into() };
    assert_eq!(parsed.notices, std::slice::from_ref(&notice));
    assert_eq!(notice.message().text(Lang::En), "C = 5000 is out of range; using 1000.");
    assert_eq!(notice.message().text(Lang::Zh), "C = 5000 超出范围，已使用 1000。");
}

#[test]
fn infinities_and_huge_numbers_clamp_to_the_edges() {
    let parsed = read("alpha=1e999&gamma=-inf&smooth=-1e308&C=0");
    assert_eq!((parsed.state.focal_alpha, parsed.state.gamma, parsed.state.smoothing), (1.0, 0.0, 0.0));
    assert_eq!(parsed.state.c, 0.001);
    assert_eq!(
        parsed.notices,
        [
            Notice::OutOfRange { key: "C", text: "0".into(), used: "0.001".into() },
            Notice::OutOfRange { key: "smooth", text: "-1e308".into(), used: "0".into() },
            Notice::OutOfRange { key: "gamma", text: "-inf".into(), used: "0".into() },
            Notice::OutOfRange { key: "alpha", text: "1e999".into(), used: "1".into() },
        ]
    );
}

#[test]
fn nan_is_ignored_and_the_default_kept() {
    let parsed = read("gamma=NaN");
    assert_eq!(parsed.state.gamma, 2.0);
    assert_eq!(parsed.notices, [Notice::Malformed { key: "gamma", text: "NaN".into(), expected: Expected::Number }]);
    assert_eq!(
        parsed.notices[0].message().text(Lang::En),
        "gamma = NaN is not valid (expected a number); it was ignored."
    );
    assert_eq!(parsed.notices[0].message().text(Lang::Zh), "gamma = NaN 无效，已忽略（应为：数字）。");
}

#[test]
fn the_number_of_classes_is_whole_and_clamped() {
    assert_eq!(read("K=1").state.classes, 2);
    assert_eq!(read("K=1e400").state.classes, 10);
    assert_eq!(read("K=7.0").state.classes, 7);
    let parsed = read("K=3.5");
    assert_eq!(parsed.state.classes, 3);
    assert_eq!(parsed.notices, [Notice::Malformed { key: "K", text: "3.5".into(), expected: Expected::WholeNumber }]);
}

#[test]
fn of_a_repeated_key_the_last_value_wins() {
    let parsed = read("C=1&gamma=4&C=2");
    assert_eq!(parsed.state.c, 2.0);
    assert_eq!(parsed.notices, [Notice::Repeated { key: "C", ignored: "1".into() }]);
    assert_eq!(
        parsed.notices[0].message().text(Lang::En),
        "C is given more than once; the last value is used (C = 1 was ignored)."
    );
}

#[test]
fn an_unknown_key_or_an_empty_value_is_ignored() {
    let parsed = read("foo=bar&smooth=&gamma=3&=1");
    assert_eq!(parsed.state, State { gamma: 3.0, ..State::default() });
    assert_eq!(
        parsed.notices,
        [
            Notice::UnknownKey { key: "foo".into() },
            Notice::UnknownKey { key: "".into() },
            Notice::Empty { key: "smooth" }
        ]
    );
    assert_eq!(parsed.notices[0].message().text(Lang::En), "Unknown parameter \"foo\"; it was ignored.");
    assert_eq!(parsed.notices[2].message().text(Lang::Zh), "smooth 没有值，已忽略。");
}

/// A link shows the language it names; one that names none, or none the
/// page has, shows the language of the page it is in (the Chinese page is
/// built in `zh/`), and still says what it ignored.
#[test]
fn a_link_without_a_language_shows_its_folders() {
    let lang = |address: &str| url::read_address(address).state.lang;
    assert_eq!(lang("/course/losslab/zh/"), Lang::Zh);
    assert_eq!(lang("/course/losslab/zh/index.html?gamma=3"), Lang::Zh);
    assert_eq!(lang("/course/losslab/"), Lang::En);
    assert_eq!(lang("/course/losslab/index.html"), Lang::En);
    assert_eq!(lang("/zhong/?gamma=3"), Lang::En, "only the folder named zh");
    // A language named, in either folder, in any case, with spaces around it.
    assert_eq!(lang("/course/losslab/?lang=zh"), Lang::Zh);
    assert_eq!(lang("/course/losslab/zh/?lang=EN"), Lang::En);
    assert_eq!(lang("/course/losslab/zh/?lang=%20en"), Lang::En);
    assert_eq!(lang("/course/losslab/zh/?%6Cang=en"), Lang::En, "the key percent-encoded");
    // The last of a repeated key, as for every key.
    assert_eq!(lang("/course/losslab/zh/?lang=zh&lang=en"), Lang::En);
    // None the page has: the folder's, and a notice.
    let parsed = url::read_address("/course/losslab/zh/?lang=fr&gamma=3");
    assert_eq!((parsed.state.lang, parsed.state.gamma), (Lang::Zh, 3.0));
    assert_eq!(parsed.notices[0].message().text(Lang::Zh), "lang = fr 无效，已忽略（应为：en、zh 之一）。");
    let parsed = url::read_address("/course/losslab/zh/?lang=");
    assert_eq!((parsed.state.lang, &parsed.notices[..]), (Lang::Zh, &[Notice::Empty { key: "lang" }][..]));
    // Without a path, the English page's.
    assert_eq!(url::read_address("?gamma=3"), read("gamma=3"));
}

#[test]
fn a_malformed_word_or_flag_says_what_was_expected() {
    let parsed = read("reg=l1&balance=yes&br=mean");
    assert_eq!(parsed.state, State::default());
    assert_eq!(
        parsed.notices,
        [
            Notice::Malformed { key: "reg", text: "l1".into(), expected: Expected::OneOf(vec!["off", "l2"]) },
            Notice::Malformed { key: "balance", text: "yes".into(), expected: Expected::Flag },
            Notice::Malformed { key: "br", text: "mean".into(), expected: Expected::OneOf(REDUCTIONS.to_vec()) },
        ]
    );
    assert_eq!(
        parsed.notices[2].message().text(Lang::En),
        "br = mean is not valid (expected one of sum_over_batch_size, sum, none); it was ignored."
    );
}

#[test]
fn bad_points_are_skipped_and_far_points_moved_to_the_edge() {
    let parsed = read("pts=1:1,oops,2:7,9e9:0,-inf:1,3:0");
    assert_eq!(parsed.state.points, points(&[(1.0, true), (1e6, false), (-1e6, true), (3.0, false)]));
    assert_eq!(
        parsed.notices,
        [
            Notice::BadPoints { count: 2, first: "oops".into() },
            Notice::PointsOutOfRange { count: 2, first: "9e9:0".into() },
        ]
    );
    assert_eq!(
        parsed.notices[0].message().text(Lang::En),
        "2 points could not be read and were skipped (the first: oops)."
    );
    assert_eq!(parsed.notices[1].message().text(Lang::Zh), "2 个点的 x 超出 ±1000000，已移到边界（第一个是 9e9:0）。");
}

#[test]
fn points_that_cannot_be_read_at_all_leave_the_article_points() {
    let parsed = read("pts=garbage");
    assert_eq!(parsed.state.points, State::default().points);
    assert_eq!(parsed.notices, [Notice::Malformed { key: "pts", text: "garbage".into(), expected: Expected::Points }]);
}

#[test]
fn more_than_a_thousand_points_are_cut_to_the_first_thousand() {
    let pairs: Vec<String> = (0..1500).map(|i| format!("{i}:1")).collect();
    let parsed = read(&format!("pts={}", pairs.join(",")));
    assert_eq!(parsed.state.points.len(), MAX_POINTS);
    assert_eq!(parsed.state.points[999], Point::new(999.0, true));
    assert_eq!(parsed.notices, [Notice::TooManyPoints { given: 1500 }]);
    assert_eq!(parsed.notices[0].message().text(Lang::En), "1500 points were given; only the first 1000 are used.");
}

#[test]
fn an_unknown_figure_is_not_shown() {
    let parsed = read("embed=fit,nope,fit");
    assert_eq!(parsed.view.embed, Some(vec![Figure::Fit]));
    assert_eq!(parsed.notices, [Notice::UnknownFigure { name: "nope".into() }]);
    let parsed = read("embed=nope");
    assert_eq!(parsed.view.embed, None);
    assert_eq!(read("embed=").notices, [Notice::Empty { key: "embed" }]);
}

#[test]
fn offending_text_is_cut_to_forty_characters() {
    let parsed = read(&format!("C={}", "9".repeat(500)));
    assert_eq!(parsed.state.c, 1000.0);
    let Notice::OutOfRange { text, .. } = &parsed.notices[0] else { panic!("{:?}", parsed.notices) };
    assert_eq!(text, &format!("{}…", "9".repeat(39)));
}

#[test]
fn a_flood_of_problems_lists_twenty_and_counts_the_rest() {
    let query: Vec<String> = (0..100).map(|i| format!("k{i}=1")).collect();
    let parsed = read(&query.join("&"));
    assert_eq!(parsed.notices.len(), 21);
    assert_eq!(parsed.notices[20], Notice::Omitted { count: 80 });
    assert_eq!(parsed.notices[20].message().text(Lang::En), "… and 80 more notices.");
}

// ---- Pasted CSV ----

#[test]
fn csv_with_a_header_blank_lines_and_word_labels() {
    let text = "x,label\n-2.2,0\n\n  0.4 , 1 \r\n1.5\tgreen\n2;RED\n";
    assert_eq!(parse_points_csv(text), Ok(points(&[(-2.2, false), (0.4, true), (1.5, true), (2.0, false)])));
}

#[test]
fn csv_reports_every_bad_line_by_number() {
    let text = "x,label\n1,0\nabc,1\n2\n3,blue\n1e9,1\n4,1,5\n5,1,0,0\n";
    let errors = parse_points_csv(text).unwrap_err();
    assert_eq!(
        errors,
        [
            CsvError::BadX { line: 3, text: "abc".into() },
            CsvError::FieldCount { line: 4, found: 1 },
            CsvError::BadLabel { line: 5, text: "blue".into() },
            CsvError::XOutOfRange { line: 6, text: "1e9".into() },
            CsvError::BadSplit { line: 7, text: "5".into() },
            CsvError::FieldCount { line: 8, found: 4 },
        ]
    );
    let english: Vec<String> = errors.iter().map(|e| e.message().text(Lang::En)).collect();
    assert_eq!(
        english,
        [
            "Line 3: x = abc is not a number.",
            "Line 4: expected x and a label separated by a comma; found one value.",
            "Line 5: the label \"blue\" should be 0, 1, red or green.",
            "Line 6: x = 1e9 is outside -1000000 … 1000000.",
            "Line 7: the third value \"5\" should be 0 (training) or 1 (held out).",
            "Line 8: expected x and a label separated by a comma (and, if you like, 1 for a held-out point); found 4 values.",
        ]
    );
    assert_eq!(errors[0].message().text(Lang::Zh), "第 3 行：x = abc 不是数字。");
    assert_eq!(errors[2].message().text(Lang::Zh), "第 5 行：标签“blue”应为 0、1、red 或 green。");
}

#[test]
fn csv_without_points_says_how_to_write_one() {
    let errors = parse_points_csv("x,label\n\n").unwrap_err();
    assert_eq!(errors, [CsvError::NoPoints]);
    assert_eq!(
        errors[0].message().text(Lang::En),
        "No points found: paste one point per line as x,label, for example -2.2,0."
    );
}

#[test]
fn csv_stops_at_the_thousand_and_first_point() {
    let text: String = (0..1005).map(|i| format!("{i},1\n")).collect();
    assert_eq!(parse_points_csv(&text), Err(vec![CsvError::TooManyPoints { line: 1001 }]));
}

#[test]
fn csv_nan_is_not_a_number_and_only_the_first_line_may_be_a_header() {
    assert_eq!(
        parse_points_csv("1,1\nx,label\nNaN,0"),
        Err(vec![CsvError::BadX { line: 2, text: "x".into() }, CsvError::BadX { line: 3, text: "NaN".into() }])
    );
}

#[test]
fn csv_lists_twenty_errors_and_counts_the_rest() {
    let text = "1,1\n".to_owned() + &"bad\n".repeat(30);
    let errors = parse_points_csv(&text).unwrap_err();
    assert_eq!(errors.len(), 21);
    assert_eq!(errors[20], CsvError::Omitted { count: 10 });
}

#[test]
fn csv_with_many_bad_lines_and_too_many_points_still_lists_at_most_twenty_one() {
    let text = "1,1\n".to_owned() + &"bad\n".repeat(25) + &"1,1\n".repeat(1000);
    let errors = parse_points_csv(&text).unwrap_err();
    assert_eq!(errors.len(), 21);
    assert_eq!(errors[20], CsvError::Omitted { count: 6 });
}

#[test]
fn the_article_points_as_csv() {
    let csv = points_csv(&State::default().points);
    assert!(csv.starts_with("x,label\n-2.2,0\n-1.4,0\n-0.8,1\n"), "{csv}");
    assert_eq!(parse_points_csv(&csv), Ok(State::default().points));
}

// ---- Properties ----

fn in_range(range: std::ops::RangeInclusive<f64>) -> impl Strategy<Value = f64> {
    let (low, high) = (*range.start(), *range.end());
    prop_oneof![
        1 => Just(low),
        1 => Just(high),
        // Subnormals just above the low edge (or the edge itself when it is large).
        1 => (1u64..(1 << 52)).prop_map(move |bits| low + f64::from_bits(bits)),
        6 => low..=high,
    ]
}

fn calculator_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[&=%#+ ?\\[\\],.:;0-9a-fA-F\u{4e00}-\u{4e08}😀\"'<>\\\\\n\t]{0,24}",
        Just(String::new()),
    ]
}

fn calculator() -> impl Strategy<Value = CalculatorInput> {
    (
        calculator_text(),
        calculator_text(),
        any::<bool>(),
        in_range(UNIT_RANGE),
        proptest::sample::select(REDUCTIONS.to_vec()),
        calculator_text(),
    )
        .prop_map(|(y_true, y_pred, from_logits, label_smoothing, reduction, sample_weight)| CalculatorInput {
            y_true,
            y_pred,
            from_logits,
            label_smoothing,
            reduction: reduction.to_owned(),
            sample_weight,
        })
}

fn valid_state() -> impl Strategy<Value = State> {
    let point =
        (in_range(X_RANGE), any::<bool>(), any::<bool>()).prop_map(|(x, green, held_out)| Point { x, green, held_out });
    let points = prop_oneof![
        1 => Just(State::default().points),
        4 => proptest::collection::vec(point, 0..40),
    ];
    let sliders = (
        in_range(C_RANGE),
        in_range(UNIT_RANGE),
        in_range(GAMMA_RANGE),
        in_range(UNIT_RANGE),
        in_range(UNIT_RANGE),
        CLASSES_RANGE,
    );
    let choices = (
        proptest::sample::select(vec![Regularization::Off, Regularization::L2]),
        any::<bool>(),
        proptest::sample::select(vec![Palette::Article, Palette::ColorBlind]),
        proptest::sample::select(vec![Theme::Auto, Theme::Light, Theme::Dark]),
        proptest::sample::select(vec![Lang::En, Lang::Zh]),
    );
    let data = (
        proptest::sample::select(losslab::core::data::BinaryDataSet::ALL.to_vec()),
        SEED_RANGE,
        BINS_RANGE,
        in_range(UNIT_RANGE),
    );
    (points, sliders, choices, calculator(), calculator(), data, softmax_settings()).prop_map(
        |(
            points,
            (c, smoothing, gamma, focal_alpha, label_smoothing, classes),
            choices,
            bce_calc,
            cce_calc,
            data,
            softmax,
        )| {
            let (regularization, class_balancing, palette, theme, lang) = choices;
            let (data, seed, bins, threshold) = data;
            let mut state = State {
                data,
                seed,
                bins,
                threshold,
                softmax,
                points,
                regularization,
                c,
                smoothing,
                gamma,
                focal_alpha,
                class_balancing,
                label_smoothing,
                classes,
                palette,
                theme,
                lang,
                bce_calc,
                cce_calc,
            };
            // The chosen point is one of the plane's (a link's past the last is read as the last).
            state.softmax.selected = state.softmax.selected.min(state.plane_points().len() as u32);
            state
        },
    )
}

fn softmax_settings() -> impl Strategy<Value = SoftmaxSettings> {
    PLANE_CLASSES_RANGE.prop_flat_map(|classes| {
        let point = (in_range(PLANE_X_RANGE), in_range(PLANE_Y_RANGE), 0..classes)
            .prop_map(|(x, y, class)| PlanePoint { x, y, class });
        let points = prop_oneof![1 => Just(Vec::new()), 2 => proptest::collection::vec(point, 1..30)];
        let data = proptest::sample::select(PlaneDataSet::ALL.to_vec());
        let regularization = proptest::sample::select(vec![Regularization::Off, Regularization::L2]);
        let sliders = (in_range(C_RANGE), in_range(UNIT_RANGE), in_range(GAMMA_RANGE));
        (data, regularization, sliders, 0..classes, 0..=MAX_POINTS as u32, points).prop_map(
            move |(data, regularization, (c, smoothing, gamma), class, selected, points)| SoftmaxSettings {
                data,
                classes,
                regularization,
                c,
                smoothing,
                gamma,
                class,
                selected,
                points,
            },
        )
    })
}

fn view() -> impl Strategy<Value = View> {
    let figures = proptest::sample::subsequence(Figure::ALL.to_vec(), 1..=Figure::ALL.len()).prop_shuffle();
    let sections = proptest::sample::subsequence(Section::ALL.to_vec(), 1..=Section::ALL.len()).prop_shuffle();
    let settings: Vec<Setting> = Setting::all().collect();
    let locks = proptest::sample::subsequence(settings.clone(), 0..=settings.len()).prop_shuffle();
    let origins =
        proptest::sample::select(vec!["https://course.example", "http://127.0.0.1:8080", "http://[::1]:3000"]);
    (
        (proptest::option::of(figures), any::<bool>()),
        (proptest::option::of(sections), locks),
        (proptest::option::of(proptest::sample::select(Question::ALL.to_vec())), any::<bool>()),
        proptest::option::of(origins),
    )
        .prop_map(|((embed, controls), (show, lock), (ask, api), origin)| View {
            embed,
            controls,
            show,
            lock,
            ask,
            api,
            origin: origin.map(str::to_owned),
        })
}

/// A pair that is off in some way, so reading it must give a notice.
fn off_pair() -> impl Strategy<Value = String> {
    let numeric = proptest::sample::select(vec![
        "C",
        "smooth",
        "gamma",
        "alpha",
        "ls",
        "K",
        "bls",
        "cls",
        "seed",
        "bins",
        "threshold",
        "softmax-C",
        "softmax-smoothing",
        "softmax-gamma",
    ]);
    let bad_number = proptest::sample::select(vec![
        "NaN", "nan", "inf", "-inf", "1e309", "-1e309", "5000", "-1", "abc", "1,5", "0x10", "", "+", "1e",
    ]);
    let word = proptest::sample::select(vec![
        "reg",
        "palette",
        "theme",
        "lang",
        "br",
        "cr",
        "balance",
        "bl",
        "cl",
        "data",
        "softmax-data",
        "softmax-reg",
    ]);
    prop_oneof![
        (numeric, bad_number).prop_map(|(key, value)| format!("{key}={value}")),
        (word, "[a-z2-9]{0,5}").prop_map(|(key, value)| format!("{key}={value}zz")),
        // No key ends in `x`.
        "[a-z]{1,8}".prop_map(|key| format!("{key}x=1")),
        "[a-z0-9:]{0,20}".prop_map(|points| format!("pts=@{points}")),
        "[a-z0-9:.-]{0,20}".prop_map(|points| format!("softmax-pts=@{points}")),
        "[a-z-]{0,12}".prop_map(|name| format!("embed={name}@")),
        Just("C=0.5&C=0.5".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_state_and_view_survive_the_round_trip(state in valid_state(), view in view()) {
        let query = url::write(&state, &view);
        let parsed = read(&query);
        prop_assert_eq!(&parsed.state, &state, "query: {}", query);
        prop_assert_eq!(&parsed.view, &view);
        prop_assert!(parsed.notices.is_empty(), "query {} gave {:?}", query, parsed.notices);
        prop_assert!(query.is_ascii());
    }

    #[test]
    fn random_bytes_read_as_a_valid_state(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let query = String::from_utf8_lossy(&bytes);
        let parsed = read(&query);
        prop_assert!(parsed.state.is_within_ranges());
        prop_assert!(parsed.notices.len() <= 21);
        // What was read is written back canonically and reads without notice.
        let again = read(&url::write(&parsed.state, &parsed.view));
        prop_assert_eq!(&again.state, &parsed.state);
        prop_assert!(again.notices.is_empty());
    }

    #[test]
    fn a_pair_that_is_off_is_always_noticed(
        state in valid_state(),
        pair in off_pair(),
        at in any::<proptest::sample::Index>(),
    ) {
        let query = state.to_query();
        let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
        pairs.insert(at.index(pairs.len() + 1), &pair);
        let query = pairs.join("&");
        let parsed = read(&query);
        prop_assert!(parsed.state.is_within_ranges());
        prop_assert!(!parsed.notices.is_empty(), "no notice for {}", query);
    }

    #[test]
    fn any_number_for_any_numeric_key_lands_in_range(
        key in proptest::sample::select(vec![
            "C", "smooth", "gamma", "alpha", "ls", "K", "bls", "cls", "seed",
            "softmax-classes", "softmax-C", "softmax-smoothing", "softmax-gamma", "softmax-class", "softmax-point",
        ]),
        x in any::<f64>(),
    ) {
        let parsed = read(&format!("{key}={x}"));
        prop_assert!(parsed.state.is_within_ranges());
        let again = read(&parsed.state.to_query());
        prop_assert_eq!(again.state, parsed.state);
    }

    #[test]
    fn csv_of_valid_points_reads_back_exactly(
        points in proptest::collection::vec(
            (in_range(X_RANGE), any::<bool>()).prop_map(|(x, green)| Point::new(x, green)), 1..100),
    ) {
        prop_assert_eq!(parse_points_csv(&points_csv(&points)), Ok(points));
    }

    #[test]
    fn any_text_as_csv_is_points_or_errors_without_panic(text in "[-0-9a-z.,;\t\n ]{0,200}") {
        match parse_points_csv(&text) {
            Ok(points) => prop_assert!(!points.is_empty() && points.len() <= MAX_POINTS),
            Err(errors) => prop_assert!(!errors.is_empty() && errors.len() <= 21),
        }
    }
}
