//! The sentences that depend on the state follow it: each option of a
//! calculator's call flips the explanation that belongs to it (and only
//! it), the paragraphs written from the page's numbers quote the same
//! numbers as the readouts and figures, and the slider a sentence points
//! to is the one that drives what it says.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use losslab::charts::{alt_text, Figure};
use losslab::i18n::{t, Lang};
use losslab::page::msg::Region;
use losslab::page::readouts::readouts;
use losslab::page::{update, url, Model, Msg};
use losslab::state::{Calc, CalcField, ControlInput, Setting};
use support::{as_read, draw_all};

fn page(query: &str) -> Model {
    let mut model = Model::new(url::read(query), false);
    update(&mut model, Msg::Frame);
    model
}

/// The readout `name`, its unbreakable spaces read as spaces.
fn readout(model: &Model, name: &str) -> String {
    readouts(model).into_iter().find(|(n, _)| *n == name).map(|(_, text)| as_read(&text)).unwrap()
}

fn set(model: &mut Model, setting: Setting, text: &str) {
    update(model, Msg::Control { setting, input: ControlInput::Text(text.into()), finished: true });
    update(model, Msg::Frame);
}

fn check(model: &mut Model, setting: Setting, on: bool) {
    update(model, Msg::Control { setting, input: ControlInput::Checked(on), finished: true });
    update(model, Msg::Frame);
}

/// Each framework's row of calculator `which`: (value, why), in `lang`.
fn rows(model: &Model, which: Calc, lang: Lang) -> Vec<(String, String)> {
    model.calculators.view(which, lang).rows.into_iter().map(|r| (r.value, r.why)).collect()
}

/// Whether the row's explanation holds the sentence `key` (up to its placeholders).
fn says(why: &str, key: &'static str, lang: Lang) -> bool {
    let text = t(lang, key);
    let fixed = text.split('{').next().unwrap();
    assert!(fixed.len() > 8, "{key} starts with a placeholder");
    why.contains(fixed)
}

const KERAS: usize = 0;
const KERAS3: usize = 1;
const TORCH: usize = 2;
const EXACT: usize = 3;

#[test]
fn the_articles_call_is_explained_by_each_frameworks_caps() {
    let model = page("");
    for lang in Lang::ALL {
        let rows = rows(&model, Calc::Binary, lang);
        assert_eq!(rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["11.522857", "12.000716", "75.0", "inf"]);
        assert!(says(&rows[KERAS].1, "why.keras", lang) && says(&rows[KERAS].1, "why.keras.worst", lang));
        assert!(says(&rows[KERAS3].1, "why.keras3", lang) && says(&rows[TORCH].1, "why.torch", lang));
        assert!(says(&rows[EXACT].1, "why.exact.infinite", lang));
    }
    // Keras 3's 12.000716 is (15.942385 + 15.942385 + 16.118095 + 1.2e-7)/4:
    // a wrong y = 0 costs −log(1.19e-7), a wrong y = 1 costs −log(1e-7).
    let keras3 = &rows(&model, Calc::Binary, Lang::En)[KERAS3].1;
    assert!(keras3.contains("−log(1e-7) = 16.12 if y = 1") && keras3.contains("−log(1.19e-7) = 15.94 if y = 0"));
    let caps = [-(1.1920929e-7_f64).ln(), -(1e-7_f64).ln()];
    assert_eq!(format!("{:.2} {:.2}", caps[0], caps[1]), "15.94 16.12");
    let keras = &rows(&model, Calc::Binary, Lang::En)[KERAS].1;
    let caps = [-(2e-7_f64).ln(), -(1.1920929e-7_f64 + 1e-7).ln()];
    assert_eq!(format!("{:.2} {:.2}", caps[0], caps[1]), "15.42 15.33");
    assert!(keras.contains("15.42 if y = 1 and −log(2.19e-7) = 15.33 if y = 0"));
}

#[test]
fn from_logits_the_probability_steps_leave_every_explanation() {
    let mut model = page("");
    let bce = |f| Setting::Calculator(Calc::Binary, f);
    set(&mut model, bce(CalcField::YTrue), "[0, 1]");
    set(&mut model, bce(CalcField::YPred), "[100, -100]");
    check(&mut model, bce(CalcField::FromLogits), true);
    for lang in Lang::ALL {
        let rows = rows(&model, Calc::Binary, lang);
        assert!(rows.iter().all(|r| r.0 == "100.0"), "every framework prints 100.0 from these logits: {rows:?}");
        for (why, key) in [
            (KERAS, "why.keras.logits"),
            (KERAS3, "why.keras3.logits"),
            (TORCH, "why.torch.logits"),
            (EXACT, "why.exact.logits"),
        ] {
            assert!(says(&rows[why].1, key, lang), "{key}: {}", rows[why].1);
        }
        for probability_step in
            ["why.keras", "why.keras.worst", "why.keras3", "why.keras3.worst", "why.torch", "why.exact"]
        {
            assert!(rows.iter().all(|r| !says(&r.1, probability_step, lang)), "{probability_step} stays: {rows:?}");
        }
    }
    // Back to probabilities that nothing clips: the caps are not in play.
    check(&mut model, bce(CalcField::FromLogits), false);
    set(&mut model, bce(CalcField::YPred), "[0.2, 0.7]");
    let rows = rows(&model, Calc::Binary, Lang::En);
    assert!(
        says(&rows[KERAS].1, "why.keras.unclipped", Lang::En) && !says(&rows[KERAS].1, "why.keras.worst", Lang::En)
    );
    assert!(says(&rows[KERAS3].1, "why.keras3.unclipped", Lang::En));
    assert!(says(&rows[TORCH].1, "why.torch.unclamped", Lang::En));
    assert!(!says(&rows[EXACT].1, "why.exact.infinite", Lang::En));
}

/// A p outside [0, 1] gives the exact row NaN, and the row says why.
#[test]
fn the_exact_rows_nan_from_a_p_outside_the_unit_interval_is_explained() {
    let mut model = page("");
    let bce = |f| Setting::Calculator(Calc::Binary, f);
    set(&mut model, bce(CalcField::YTrue), "[0, 1]");
    set(&mut model, bce(CalcField::YPred), "[1.5, 0.5]");
    for lang in Lang::ALL {
        let rows = rows(&model, Calc::Binary, lang);
        assert_eq!(rows[EXACT].0, "nan");
        assert!(says(&rows[EXACT].1, "why.exact.outside", lang), "{}", rows[EXACT].1);
    }
    set(&mut model, bce(CalcField::YPred), "[0.5, 0.5]");
    assert!(!says(&rows(&model, Calc::Binary, Lang::En)[EXACT].1, "why.exact.outside", Lang::En));
}

/// A negative entry in the categorical y_pred is no probability: every row
/// says the number it prints is no loss; a row of probabilities says nothing of it.
#[test]
fn a_negative_probability_is_said_to_give_no_loss() {
    let mut model = page("");
    let cce = |f| Setting::Calculator(Calc::Categorical, f);
    set(&mut model, cce(CalcField::YTrue), "[[0, 1]]");
    set(&mut model, cce(CalcField::YPred), "[[-0.5, 1.5]]");
    for lang in Lang::ALL {
        let rows = rows(&model, Calc::Categorical, lang);
        assert!(rows.iter().all(|r| says(&r.1, "why.cce.negative", lang)), "{rows:?}");
    }
    set(&mut model, cce(CalcField::YPred), "[[0.5, 0.5]]");
    assert!(rows(&model, Calc::Categorical, Lang::En).iter().all(|r| !says(&r.1, "why.cce.negative", Lang::En)));
}

#[test]
fn categorical_logits_are_not_renormalised_in_any_sentence() {
    let mut model = page("");
    let cce = |f| Setting::Calculator(Calc::Categorical, f);
    check(&mut model, cce(CalcField::FromLogits), true);
    for lang in Lang::ALL {
        let rows = rows(&model, Calc::Categorical, lang);
        assert!(
            says(&rows[KERAS].1, "why.cce.keras.logits", lang) && says(&rows[TORCH].1, "why.cce.torch.logits", lang)
        );
        assert!(rows.iter().all(|r| !says(&r.1, "why.cce.keras", lang) && !says(&r.1, "why.cce.torch", lang)));
        let notes = model.calculators.categorical_notes(lang).unwrap();
        assert!(notes.contains(t(lang, "cce.rows.logits")), "{notes}");
        assert!(!notes.contains(t(lang, "cce.rows.normalised")), "{notes}");
        assert!(notes.contains(t(lang, "cce.sparse.logits")), "{notes}");
    }
    // Soft targets are class probabilities for torch, not indices.
    check(&mut model, cce(CalcField::FromLogits), false);
    set(&mut model, cce(CalcField::YTrue), "[[0.2, 0.8, 0], [0, 0, 1]]");
    assert!(says(&rows(&model, Calc::Categorical, Lang::En)[TORCH].1, "why.cce.torch.soft", Lang::En));
}

#[test]
fn smoothing_weights_and_reduction_each_bring_their_own_sentence() {
    let mut model = page("");
    let bce = |f| Setting::Calculator(Calc::Binary, f);
    let en = |model: &Model| rows(model, Calc::Binary, Lang::En);
    assert!(en(&model).iter().all(|r| !r.1.contains("label_smoothing")));
    // torch's BCE has no label_smoothing: its 70.0 is the targets smoothed by hand.
    set(&mut model, bce(CalcField::LabelSmoothing), "0.2");
    let rows = en(&model);
    assert_eq!(rows[TORCH].0, "70.0");
    assert!(
        rows[TORCH].1.contains("smoothed by hand first, y·(1 − 0.2) + 0.2/2 (0 → 0.1, 1 → 0.9)"),
        "{}",
        rows[TORCH].1
    );
    assert!(rows[KERAS].1.contains("0 → 0.1, 1 → 0.9") && !says(&rows[KERAS].1, "why.keras.worst", Lang::En));
    set(&mut model, bce(CalcField::LabelSmoothing), "0");
    assert!(!en(&model)[TORCH].1.contains("by hand"));

    for (reduction, keras, torch) in [
        ("sum_over_batch_size", "why.reduce.sum_over_batch_size", "why.torch.bce.mean"),
        ("sum", "why.reduce.sum", "why.torch.bce.sum"),
        ("none", "why.reduce.none", "why.torch.bce.none"),
    ] {
        set(&mut model, bce(CalcField::Reduction), reduction);
        let rows = en(&model);
        assert!(rows[KERAS].1.ends_with(t(Lang::En, keras)), "{reduction}: {}", rows[KERAS].1);
        assert!(rows[TORCH].1.ends_with(t(Lang::En, torch)), "{reduction}: {}", rows[TORCH].1);
    }
    // Weights, on a batch of two samples so that tf.keras takes them.
    set(&mut model, bce(CalcField::Reduction), "sum_over_batch_size");
    set(&mut model, bce(CalcField::YTrue), "[[0, 1], [1, 1]]");
    set(&mut model, bce(CalcField::YPred), "[[0.1, 0.8], [0.6, 0.3]]");
    set(&mut model, bce(CalcField::SampleWeight), "[0.3, 0.7]");
    let rows = en(&model);
    assert!(rows[KERAS].1.ends_with(t(Lang::En, "why.reduce.sum_over_batch_size.weighted")), "{}", rows[KERAS].1);
    assert!(rows[TORCH].1.ends_with(t(Lang::En, "why.torch.bce.mean.weighted")), "{}", rows[TORCH].1);
    set(&mut model, bce(CalcField::SampleWeight), "");
    assert!(en(&model).iter().all(|r| !r.1.contains("sample_weight") && !r.1.contains("weight=")));
}

#[test]
fn sparse_is_compared_with_categorical_on_the_call_shown() {
    let mut model = page("");
    let cce = |f| Setting::Calculator(Calc::Categorical, f);
    // Rows that do not sum to 1 with an entry below 1e-7 part too, not
    // only rows with entries above 1: 14.51 categorical, 9.90 sparse.
    set(&mut model, cce(CalcField::YTrue), "[[1, 0, 0]]");
    set(&mut model, cce(CalcField::YPred), "[[1e-9, 1e-3, 1e-3]]");
    assert_eq!(rows(&model, Calc::Categorical, Lang::En)[KERAS].0, "14.508658");
    let notes = model.calculators.categorical_notes(Lang::En).unwrap();
    assert!(notes.contains("sparse_categorical_crossentropy gives 9.903538"), "{notes}");
    assert!(notes.contains("Categorical gives 14.508658") && notes.contains("row 1 here"), "{notes}");
    // Rows that clipping leaves alone give the same answer for the same reason.
    set(&mut model, cce(CalcField::YPred), "[[0.2, 0.3, 0.5]]");
    let notes = model.calculators.categorical_notes(Lang::En).unwrap();
    assert!(notes.contains(t(Lang::En, "cce.sparse.same")), "{notes}");
    // Sparse takes no label smoothing: Keras' refusal, not an unsmoothed number.
    set(&mut model, cce(CalcField::LabelSmoothing), "0.1");
    for lang in Lang::ALL {
        let notes = model.calculators.categorical_notes(lang).unwrap();
        assert!(says(&notes, "cce.sparse.refused", lang), "{notes}");
    }
}

#[test]
fn the_smoothing_sentence_names_the_slider_and_the_section_that_drive_its_figures() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
    let section_of = |needle: &str| -> String {
        let at = html.find(needle).unwrap_or_else(|| panic!("{needle} is on the page"));
        let open = html[..at].rfind("<section id=\"").unwrap() + "<section id=\"".len();
        html[open..open + html[open..].find('"').unwrap()].to_owned()
    };
    let slider = Setting::Smoothing.spec().control;
    let slider_section = section_of(&format!("data-control=\"{slider}\""));
    let sentence_section = section_of("data-readout=\"keras-smoothing-note\"");
    assert_ne!(slider_section, sentence_section, "the sentence points to another section's slider");
    let title_key = {
        let h2 = &html[html.find(&format!("id=\"{slider_section}-title\"")).unwrap()..];
        let key = &h2[h2.find("data-i18n=\"").unwrap() + 11..];
        key[..key.find('"').unwrap()].to_owned()
    };
    let mut model = page("");
    // Every figure near the viewport and drawn once (each first drawing in a
    // frame of its own), so each one that follows is drawn again.
    update(&mut model, Msg::Seen { region: Region::Near, inside: Figure::ALL.to_vec(), outside: Vec::new() });
    draw_all(&mut model);
    for lang in Lang::ALL {
        let mut m = page(&format!("lang={}", lang.code()));
        let sentence = readout(&m, "keras-smoothing-note");
        assert!(sentence.contains(losslab::i18n::lookup(lang, &title_key).unwrap()), "{sentence}");
        assert!(sentence.contains(t(lang, "control.smoothing")), "{sentence}");
        set(&mut m, Setting::Smoothing, "0.2");
        assert!(readout(&m, "keras-smoothing-note").contains("0.1 / 0.9"));
    }
    // What the sentence says follows the slider does, and nothing of the
    // section it stands in.
    update(
        &mut model,
        Msg::Control { setting: Setting::Smoothing, input: ControlInput::Text("0.2".into()), finished: true },
    );
    let drawn = update(&mut model, Msg::Frame).draw;
    for figure in [Figure::Fit, Figure::GreenBars, Figure::RedBars, Figure::TrueClassBars, Figure::PointLosses] {
        assert!(drawn.contains(&figure), "{figure:?} follows the slider");
        assert_eq!(section_of(&format!("data-slot=\"{}\"", figure.name())), slider_section);
    }
    let own: Vec<Figure> = Figure::ALL
        .into_iter()
        .filter(|f| section_of(&format!("data-slot=\"{}\"", f.name())) == sentence_section)
        .collect();
    assert!(!own.is_empty() && own.iter().all(|f| !drawn.contains(f)), "{own:?} do not follow it");
    assert_eq!(readout(&model, "bce"), "0.4958");
}

#[test]
fn the_bce_paragraph_names_the_targets_of_each_cross_entropy() {
    let mut model = page("");
    let note = readout(&model, "bce-smoothing-note");
    assert!(note.contains(&readout(&model, "bce")) && note.contains("0.3329"), "{note}");
    set(&mut model, Setting::Smoothing, "0.2");
    // Two cross-entropies of one model: against the smoothed targets (the
    // BCE readout) and against the labels (the −log figure, the focal section).
    let (bce, ce) = (readout(&model, "bce"), readout(&model, "ce-mean"));
    assert_eq!((bce.as_str(), ce.as_str()), ("0.4958", "0.3901"));
    let neg_logs = model.scene.binary.points.iter().map(|p| p.neg_log_p).sum::<f64>() / 10.0;
    assert_eq!(format!("{neg_logs:.4}"), ce);
    for lang in Lang::ALL {
        let mut m = page(&format!("smooth=0.2&lang={}", lang.code()));
        update(&mut m, Msg::Frame);
        let note = readout(&m, "bce-smoothing-note");
        assert!(note.contains(&bce) && note.contains(&ce) && note.contains("0.1") && note.contains("0.9"), "{note}");
    }
}

#[test]
fn the_focal_fit_paragraph_quotes_the_fits_it_stands_beside() {
    let mut model = page("");
    let note = readout(&model, "focal-fit-note");
    // The sigmoid flattens, its boundary barely moves, and part of the
    // flattening is the penalty's: the fits with and without it.
    for number in ["0.972", "0.448", "−0.674", "−0.595", "1.642", "0.669"] {
        assert!(note.contains(number), "{number} in {note}");
    }
    assert!(note.contains("flattens") && note.contains("barely moves"), "{note}");
    let focal = &model.scene.focal;
    let (ce, fl) = (focal.ce_fit.as_ref().unwrap().model, focal.focal_fit.as_ref().unwrap().model);
    assert_eq!(format!("{:.3} {:.3}", ce.coef, fl.coef), "0.972 0.448");
    let free = focal.unpenalised.as_ref().unwrap();
    assert_eq!(
        format!("{:.3} {:.3}", free.ce.as_ref().unwrap().coef, free.focal.as_ref().unwrap().coef),
        "1.642 0.669"
    );
    let ratio = focal.mean_ce.unwrap() / focal.mean_focal.unwrap();
    assert!(note.contains(&format!("{ratio:.1}×")), "{note}");

    // Every number moves with γ.
    set(&mut model, Setting::Gamma, "5");
    let at_five = readout(&model, "focal-fit-note");
    let fl = model.scene.focal.focal_fit.as_ref().unwrap().model;
    assert!(at_five.contains(&format!("{:.3}", fl.coef)) && !at_five.contains("0.448"), "{at_five}");
    // γ = 0 is cross-entropy: one fit.
    set(&mut model, Setting::Gamma, "0");
    assert!(readout(&model, "focal-fit-note").starts_with("With γ = 0.0 and α_t = 1"));
    // Without the penalty there is no penalty to blame.
    set(&mut model, Setting::Gamma, "2");
    set(&mut model, Setting::Regularization, "off");
    let free = readout(&model, "focal-fit-note");
    assert!(free.contains("1.642") && free.contains("0.669") && free.ends_with(t(Lang::En, "focal.fit.unpenalised")));
}

#[test]
fn the_penalty_takes_all_of_a_flattening_that_focal_loss_alone_would_not_make() {
    // γ = 0 with class balancing: penalised, the focal sigmoid is flatter
    // than cross-entropy's; unpenalised it is steeper, so the whole
    // flattening is the penalty's, and the note says so in both languages.
    let mut model = page("gamma=0");
    check(&mut model, Setting::ClassBalancing, true);
    let focal = &model.scene.focal;
    let (ce, fl) = (focal.ce_fit.as_ref().unwrap().model, focal.focal_fit.as_ref().unwrap().model);
    let free = focal.unpenalised.as_ref().unwrap();
    let (free_ce, free_fl) = (free.ce.as_ref().unwrap().coef, free.focal.as_ref().unwrap().coef);
    assert!(fl.coef.abs() < ce.coef.abs() && free_fl.abs() > free_ce.abs(), "{ce:?} {fl:?} {free_ce} {free_fl}");
    let note = readout(&model, "focal-fit-note");
    let free_words = format!("w goes from {free_ce:.3} to {free_fl:.3}");
    assert!(
        note.contains("All of the flattening is the L2 penalty's") && note.ends_with(&format!("{free_words}.")),
        "{note}"
    );
    set(&mut model, Setting::Lang, "zh");
    let zh = readout(&model, "focal-fit-note");
    assert!(
        zh.contains("变平缓完全来自 L2 惩罚") && zh.contains(&format!("w 从 {free_ce:.3} 变为 {free_fl:.3}")),
        "{zh}"
    );
    // At γ = 2 focal loss flattens the sigmoid with or without the penalty: only part is the penalty's.
    set(&mut model, Setting::Gamma, "2");
    set(&mut model, Setting::Lang, "en");
    assert!(readout(&model, "focal-fit-note").contains("Part of the flattening"));
}

#[test]
fn the_fit_writes_a_negative_intercept_with_a_minus() {
    let mut model = page("");
    check(&mut model, Setting::ClassBalancing, true);
    let alt = alt_text(Figure::FocalFit, &model.scene, Lang::En);
    assert!(alt.contains("σ(0.3502·x − 0.1170)"), "{alt}");
    assert!(!alt.contains("+ −"), "{alt}");
    let alt = alt_text(Figure::Fit, &page("").scene, Lang::Zh);
    assert!(alt.contains("σ(0.9719·x + 0.6555)"), "{alt}");
}

#[test]
fn alpha_t_is_said_beside_the_formula_and_the_alpha_slider_is_off_without_balancing() {
    let mut model = page("");
    assert!(readout(&model, "focal-alpha-note").contains("α_t = 1 for every point"));
    assert!(model.control_disabled(Setting::FocalAlpha));
    check(&mut model, Setting::ClassBalancing, true);
    assert!(!model.control_disabled(Setting::FocalAlpha));
    let note = readout(&model, "focal-alpha-note");
    assert!(note.contains("α_t = α = 0.25") && note.contains("1 − α = 0.75"), "{note}");
    set(&mut model, Setting::FocalAlpha, "0.6");
    assert!(readout(&model, "focal-alpha-note").contains("α_t = 1 − α = 0.40"));
}

#[test]
fn turning_class_balancing_rewrites_the_alpha_slider() {
    let mut model = page("");
    let changes = update(
        &mut model,
        Msg::Control { setting: Setting::ClassBalancing, input: ControlInput::Checked(true), finished: true },
    );
    assert!(changes.controls.contains(&Setting::FocalAlpha), "the α slider is switched on with class balancing");
}

#[test]
fn with_alpha_t_one_focal_loss_gives_the_misclassified_points_a_larger_share() {
    // The focal section's text says so for every γ > 0 while class
    // balancing is off; the page's own shares, on every data set, agree.
    for data in ["article", "imbalanced", "noisy", "overlap", "outlier"] {
        for gamma in ["0.5", "2", "5"] {
            let model = page(&format!("data={data}&seed=3&gamma={gamma}"));
            let focal = &model.scene.focal;
            let (ce, fl) = (focal.hard_share_ce.unwrap(), focal.hard_share_focal.unwrap());
            assert!(fl > ce, "{data}, γ = {gamma}: {fl} of focal loss, {ce} of cross-entropy");
        }
    }
    // At γ = 0 the two shares are one: the text claims nothing there.
    let model = page("gamma=0");
    assert_eq!(model.scene.focal.hard_share_ce, model.scene.focal.hard_share_focal);
}

/// One thing is said as one: the sentences that count points say "1
/// point", not "1 points", in the summary, the recall verdict and the
/// figures' descriptions.
#[test]
fn one_point_is_said_in_the_singular() {
    let one_red = page("pts=-2:0,0.5:1,1:1,2:1");
    assert!(
        readout(&one_red, "confusion-verdict")
            .starts_with("Of the 1 red point judged (the smaller class), cross-entropy calls "),
        "{}",
        readout(&one_red, "confusion-verdict")
    );
    let alone = page("pts=0.5:1");
    assert_eq!(
        readout(&alone, "data-summary"),
        "1 point, for training (1 green); the fits are judged on the same point."
    );
    let two = page("pts=-1:0,1:1");
    assert_eq!(
        readout(&two, "data-summary"),
        "2 points, all for training (1 green); the fits are judged on the same points."
    );
    // Judged on one held-out point, and on two points.
    let held = page("pts=-2:0,-1:0,1:1,2:1,0.5:1h");
    for (model, n) in [(&held, "1 point"), (&two, "2 points")] {
        let calibration = alt_text(Figure::Calibration, &model.scene, Lang::En);
        assert!(calibration.starts_with(&format!("Reliability diagram on {n} in 10 bins. ")), "{calibration}");
        let confusion = alt_text(Figure::Confusion, &model.scene, Lang::En);
        assert!(confusion.starts_with(&format!("Confusion counts on {n} at threshold 0.50 ")), "{confusion}");
    }
    // The points of one class are said as such.
    assert_eq!(alt_text(Figure::Points, &alone.scene, Lang::En), "1 point on the x axis, positive, at x = 0.5.");
    let reds = page("pts=-1:0,-0.5:0");
    assert_eq!(
        alt_text(Figure::Points, &reds.scene, Lang::En),
        "2 points on the x axis, all negative, at x = −1.0, −0.5."
    );
    assert_eq!(
        alt_text(Figure::Points, &two.scene, Lang::En),
        "2 points on the x axis: 1 positive at x = 1.0; 1 negative at x = −1.0."
    );
    // One point, of one class: no fit, and the descriptions say so.
    for figure in [Figure::Calibration, Figure::Confusion] {
        assert_eq!(alt_text(figure, &alone.scene, Lang::En), t(Lang::En, "fig.calibration.none"), "{figure:?}");
    }
}

/// The bars' and the losses' descriptions say one point as one and a class
/// with no points as none, where they said "the 1 negative points" and
/// "the 0 positive points at x = : p(y = 1) = .".
#[test]
fn the_bars_say_one_point_as_one_and_no_point_as_none() {
    let two = page("pts=-1:0,1:1");
    assert_eq!(
        alt_text(Figure::RedBars, &two.scene, Lang::En),
        "The bar for the one negative point, at x = −1.0: p(y = 0) = 0.66."
    );
    assert_eq!(
        alt_text(Figure::TrueClassBars, &two.scene, Lang::En),
        "Bars for all 2 points at x = −1.0, 1.0: the probability of the true class is 0.66, 0.66."
    );
    let alone = page("pts=0.5:1");
    assert_eq!(
        alt_text(Figure::RedBars, &alone.scene, Lang::En),
        "There are no negative points, so there are no bars."
    );
    assert_eq!(alt_text(Figure::RedBars, &alone.scene, Lang::Zh), "没有负例，所以没有柱。");
    assert_eq!(
        alt_text(Figure::TrueClassBars, &alone.scene, Lang::En),
        "The bar for the one point, at x = 0.5: the probability of its true class is 1.00."
    );
    assert_eq!(alt_text(Figure::PointLosses, &alone.scene, Lang::En), "BCE = 0.0003: the loss of the one point, 0.00.");
    let reds = page("pts=-1:0,-0.5:0");
    assert_eq!(
        alt_text(Figure::GreenBars, &reds.scene, Lang::En),
        "There are no positive points, so there are no bars."
    );
    // One point held out of the mean.
    let held = page("pts=-2:0,-1:0,1:1,2:1,0.5:1h");
    let losses = alt_text(Figure::PointLosses, &held.scene, Lang::En);
    assert!(losses.contains(" The one held-out point, with loss "), "{losses}");
}

/// The plane's description counts the classes its points are of (K may
/// name more), and says one point, and points of one class, as such.
/// Label smoothing's gap is that of the fit's classes: the unpenalised fit
/// of separable points reaches it.
#[test]
fn the_plane_is_described_by_the_classes_of_its_points() {
    let regions = |query: &str, lang| alt_text(Figure::SoftmaxRegions, &page(query).scene, lang);
    let two_of_three = regions("softmax-pts=1:1:0,2:2:1,3:3:1&softmax-classes=3", Lang::En);
    assert!(
        two_of_three.starts_with("Your own data: 3 points of 2 classes in the plane, with the regions"),
        "{two_of_three}"
    );
    let one = regions("softmax-pts=1:1:0", Lang::En);
    assert!(one.starts_with("Your own data: one point in the plane, of class 0. No fit: "), "{one}");
    assert!(regions("softmax-pts=1:1:0", Lang::Zh).contains("平面上只有一个点，属于类别 0。"));
    let one_class = regions("softmax-pts=1:1:0,2:2:0", Lang::En);
    assert!(one_class.starts_with("Your own data: 2 points in the plane, all of class 0. No fit: "), "{one_class}");

    // ε = 0.2 spread over the fit's 2 classes asks for ln(1 + 2·0.8/0.2) =
    // ln 9; over K = 3 it would be ln 13.
    let smoothed =
        page("softmax-pts=-3:-3:0,-2:-3:0,3:3:1,2:3:1&softmax-classes=3&softmax-reg=off&softmax-smoothing=0.2");
    let cap = smoothed.scene.softmax.cap.unwrap();
    assert!((cap - 9f64.ln()).abs() < 1e-12, "{cap}");
    let median = smoothed.scene.softmax.median_gap.unwrap();
    assert!((median - cap).abs() < 1e-3, "the fit's median gap {median} reaches the cap {cap}");
}
