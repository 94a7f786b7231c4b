//! Browser tests: the page mounted in headless Chromium or Firefox by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --no-default-features --test browser`).
#![cfg(target_arch = "wasm32")]

use losslab::charts::Figure;
use losslab::page::{CodeBlock, Msg, Region};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlCanvasElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Puts the real page's body into the test document and mounts the app on it.
fn mount_page() -> Element {
    mount_page_at("")
}

/// [`mount_page`], opened with a link's query (`?lock=gamma`).
fn mount_page_at(query: &str) -> Element {
    let window = web_sys::window().unwrap();
    // The runner's own folder: a test in Chinese leaves the address in the
    // Chinese page's `zh/`, where a link that names no language is Chinese.
    let here = window.location().pathname().unwrap();
    let path = here.strip_suffix("zh/").unwrap_or(&here).to_owned() + query;
    window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)).unwrap();
    let html = include_str!("../index.html");
    let body = &html[html.find("<body>").unwrap() + 6..html.find("</body>").unwrap()];
    // The runner reports through elements of its own in the body: keep them.
    if let Some(old) = document().get_element_by_id("page-under-test") {
        old.remove();
    }
    let holder = document().create_element("div").unwrap();
    holder.set_id("page-under-test");
    holder.set_inner_html(body);
    document().body().unwrap().append_child(&holder).unwrap();
    // The words the boot script would fetch, in both languages.
    for (lang, words) in
        [("en", include_str!("../assets/i18n/en.json")), ("zh", include_str!("../assets/i18n/zh.json"))]
    {
        losslab::install_words(lang, &js_sys::JSON::parse(words).unwrap());
    }
    losslab::mount().expect("the page mounts");
    // Every figure near the viewport, as on a screen tall enough for the
    // whole page (the page draws only the figures near it).
    let near = Msg::Seen { region: Region::Near, inside: Figure::ALL.to_vec(), outside: Vec::new() };
    losslab::page::mailbox::post(near);
    losslab::render_now();
    document().get_element_by_id("losslab").unwrap()
}

/// The readout's text as a reader reads it: its unbreakable spaces (which
/// keep a formula on one line) as spaces.
fn readout(root: &Element, name: &str) -> String {
    text(root, &format!("[data-readout=\"{name}\"]"))
}

fn control(root: &Element, name: &str) -> Element {
    root.query_selector(&format!("[data-control=\"{name}\"]")).unwrap().unwrap()
}

/// Sets an input's value and fires the events a person's edit fires.
fn set(root: &Element, name: &str, value: &str) {
    let el = control(root, name);
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    }
    for kind in ["input", "change"] {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        el.dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
    }
    losslab::render_now();
}

fn press(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    el.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    losslab::render_now();
}

fn number(text: &str) -> f64 {
    text.trim().trim_end_matches('%').trim().parse().unwrap_or_else(|_| panic!("not a number: {text:?}"))
}

/// The share of a canvas's pixels that differ from its top-left (background) pixel.
fn ink(canvas: &HtmlCanvasElement) -> f64 {
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let (w, h) = (canvas.width(), canvas.height());
    let data = ctx.get_image_data(0.0, 0.0, w as f64, h as f64).unwrap().data().0;
    let differ = data
        .chunks(4)
        .filter(|p| p.iter().zip(&data[..4]).take(3).map(|(a, b)| a.abs_diff(*b) as u32).sum::<u32>() > 24)
        .count();
    differ as f64 / (w * h) as f64
}

#[wasm_bindgen_test]
fn opens_on_the_articles_fit() {
    let root = mount_page();
    assert_eq!(readout(&root, "bce"), "0.3329");
    assert_eq!(readout(&root, "coef"), "0.9719");
    assert_eq!(readout(&root, "intercept"), "0.6555");
}

#[wasm_bindgen_test]
fn every_figure_is_drawn() {
    let root = mount_page();
    let canvases = root.query_selector_all("canvas[data-figure]").unwrap();
    assert_eq!(canvases.length() as usize, losslab::charts::Figure::ALL.len());
    for i in 0..canvases.length() {
        let canvas: HtmlCanvasElement = canvases.item(i).unwrap().unchecked_into();
        let name = canvas.get_attribute("data-figure").unwrap();
        let share = ink(&canvas);
        assert!(share > 0.005, "{name} has {share} ink");
        let described = canvas.get_attribute("aria-describedby").and_then(|id| document().get_element_by_id(&id));
        let description = described.and_then(|d| d.text_content()).unwrap_or_default();
        assert!(description.len() > 10, "{name} has a text alternative: {description:?}");
    }
}

#[wasm_bindgen_test]
fn regularisation_off_reaches_the_lowest_loss() {
    let root = mount_page();
    set(&root, "regularization", "off");
    assert_eq!(readout(&root, "bce"), "0.3052");
    set(&root, "regularization", "l2");
    set(&root, "C", "2"); // log10 C: C = 100, almost no penalty
    assert_eq!(readout(&root, "bce"), "0.3052");
    set(&root, "C", "0");
    assert_eq!(readout(&root, "bce"), "0.3329");
}

#[wasm_bindgen_test]
fn flipping_a_point_changes_the_fit() {
    let root = mount_page();
    let before = readout(&root, "coef");
    let points = root.query_selector("canvas[data-figure=\"points\"]").unwrap().unwrap();
    press(&points, " "); // flips the first point, red → green
    assert_ne!(readout(&root, "coef"), before);
    assert!(number(&readout(&root, "coef")) < number(&before), "a green point on the far left flattens the sigmoid");
}

#[wasm_bindgen_test]
fn smoothing_moves_the_targets_and_the_loss() {
    let root = mount_page();
    assert_eq!(readout(&root, "targets"), "0 / 1");
    set(&root, "smoothing", "0.2");
    assert_eq!(readout(&root, "targets"), "0.1 / 0.9");
    assert_ne!(readout(&root, "bce"), "0.3329");
}

#[wasm_bindgen_test]
fn the_calculator_keeps_its_last_result_on_bad_input() {
    let root = mount_page();
    let keras = || readout(&root, "bce-keras");
    assert_eq!(keras(), "11.522857");
    set(&root, "bce-y-true", "[0,1");
    let error = root.query_selector("[data-error=\"bce\"]").unwrap().unwrap();
    assert!(!error.unchecked_ref::<web_sys::HtmlElement>().hidden());
    assert!(error.text_content().unwrap().contains("never closed"), "{:?}", error.text_content());
    assert_eq!(keras(), "11.522857");
}

#[wasm_bindgen_test]
fn the_categorical_calculator_gives_the_articles_numbers() {
    let root = mount_page();
    let keras = || readout(&root, "cce-keras");
    assert_eq!(keras(), "1.1769392");
    set(&root, "cce-sample-weight", "[0.3, 0.7]");
    assert_eq!(keras(), "0.8135988");
    set(&root, "cce-y-pred", "[[0.05, 0.95, 0], [0.1, 0.8");
    assert_eq!(keras(), "0.8135988", "the last good answer stays");
}

#[wasm_bindgen_test]
fn focal_gamma_zero_is_cross_entropy() {
    let root = mount_page();
    set(&root, "gamma", "0");
    assert_eq!(readout(&root, "focal"), readout(&root, "ce-mean"));
    let share_ce = number(&readout(&root, "hard-share"));
    let focal_ce = number(&readout(&root, "focal"));
    set(&root, "gamma", "2");
    assert!(number(&readout(&root, "focal")) < focal_ce);
    assert!(number(&readout(&root, "hard-share")) > share_ce);
}

#[wasm_bindgen_test]
fn label_smoothing_gives_the_articles_logit_gap() {
    let root = mount_page();
    set(&root, "label-smoothing", "0.1");
    set(&root, "classes", "3");
    assert_eq!(readout(&root, "logit-gap"), "3.3322");
    assert_eq!(readout(&root, "smoothed-target"), "0.9333");
    set(&root, "label-smoothing", "0");
    assert!(readout(&root, "logit-gap").starts_with('∞'));
    set(&root, "label-smoothing", "1");
    assert!(readout(&root, "logit-gap").starts_with('0'));
}

#[wasm_bindgen_test]
fn a_panicking_figure_is_contained() {
    let first = losslab::isolated(|| panic!("a drawing bug"));
    // The engine's own words for the trap on the first line (the caption
    // shows it), its stack after it (for the console).
    let said = first.expect_err("the panic is reported");
    let line = said.lines().next().unwrap_or_default();
    assert!(line.starts_with("RuntimeError: ") && !line.contains("JsValue"), "{said}");
    let second = losslab::isolated(|| Ok(()));
    assert_eq!(second, Ok(()));
}

#[wasm_bindgen_test]
fn separable_points_without_a_penalty_stop_at_a_bound_and_say_so() {
    let root = mount_page();
    let csv: web_sys::HtmlTextAreaElement = control(&root, "points-csv").unchecked_into();
    csv.set_value("x,label\n-2,0\n-1,0\n1,1\n2,1\n");
    let apply: web_sys::HtmlElement =
        root.query_selector("[data-action=\"apply-csv\"]").unwrap().unwrap().unchecked_into();
    apply.click();
    losslab::render_now();
    set(&root, "regularization", "off");
    let status = readout(&root, "fit-status");
    assert!(status.contains("separable"), "{status}");
    let bce = number(&readout(&root, "bce"));
    assert!(bce.is_finite() && bce < 0.01, "the bounded descent is near zero loss: {bce}");
    assert_eq!(readout(&root, "iteration"), "5000");
}

#[wasm_bindgen_test]
fn bad_csv_lines_are_answered_in_words_and_the_points_stay() {
    let root = mount_page();
    let csv: web_sys::HtmlTextAreaElement = control(&root, "points-csv").unchecked_into();
    csv.set_value("x,label\n1,1\nabc,0\n");
    let apply: web_sys::HtmlElement =
        root.query_selector("[data-action=\"apply-csv\"]").unwrap().unwrap().unchecked_into();
    apply.click();
    losslab::render_now();
    let error = root.query_selector("[data-error=\"csv\"]").unwrap().unwrap();
    assert!(error.text_content().unwrap().contains('3'), "names line 3: {:?}", error.text_content());
    assert_eq!(readout(&root, "bce"), "0.3329");
}

/// The page reads numbers through the browser's parser; it must give Rust's
/// answer, bit for bit, and accept and reject the same text.
#[wasm_bindgen_test]
fn numbers_read_on_the_page_as_rust_reads_them() {
    let awkward = [
        "0",
        "-0",
        "1",
        "+1.5",
        ".5",
        "5.",
        "007",
        "1e308",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "1e309",
        "4.9e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "2.2250738585072011e-308",
        "9007199254740993",
        "9007199254740992.999999999999999999999",
        "0.1000000000000000055511151231257827",
        "0.30000000000000004",
        "123456789012345678901234567890e-20",
        "1e-400",
        "inf",
        "-Infinity",
        "NaN",
        "",
        "1e",
        "e1",
        ".",
        "+",
        "1.2.3",
        "0x1f",
        "1_0",
        " 1",
        "1 ",
        "--1",
        "1e+",
        "١",
    ];
    let mut texts: Vec<String> = awkward.iter().map(|s| s.to_string()).collect();
    // Random digit strings with every exponent, from a fixed seed.
    let mut seed: u64 = 20261128;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..2000 {
        let digits: String = (0..1 + next() % 30).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
        let point = (next() % (digits.len() as u64 + 1)) as usize;
        let exponent = next() % 700;
        texts.push(format!("{}.{}e-{exponent}", &digits[..point], &digits[point..]));
        texts.push(format!("{digits}e{}", exponent / 2));
    }
    for text in &texts {
        let rust = text.parse::<f64>().ok();
        let page = losslab::number::parse_f64(text);
        assert_eq!(page.map(f64::to_bits), rust.map(f64::to_bits), "{text:?}");
    }
}

#[wasm_bindgen_test]
fn a_data_set_feeds_four_fits_and_their_numbers() {
    let root = mount_page();
    set(&root, "data", "imbalanced");
    assert_eq!(readout(&root, "data-summary"), "400 points: 280 for training (14 green), 120 held out (6 green).");
    assert_eq!(readout(&root, "ece-ce"), "0.0386");
    assert_eq!(readout(&root, "minority-recall-balanced"), "83%");
    let ece_focal = readout(&root, "ece-focal");
    set(&root, "gamma", "4");
    assert_ne!(readout(&root, "ece-focal"), ece_focal, "γ moves the focal fit");
    assert_eq!(readout(&root, "ece-ce"), "0.0386", "and not the cross-entropy one");
    set(&root, "threshold", "0.1");
    assert_eq!(readout(&root, "threshold-value"), "0.10");
    set(&root, "bins", "5");
    assert_eq!(readout(&root, "bins-value"), "5");
    for name in ["calibration", "gradients", "confusion", "true-class-bars"] {
        let canvas: HtmlCanvasElement =
            root.query_selector(&format!("canvas[data-figure=\"{name}\"]")).unwrap().unwrap().unchecked_into();
        assert!(ink(&canvas) > 0.005, "{name} is drawn with 400 points");
    }
    set(&root, "lang", "zh");
    assert!(readout(&root, "confusion-verdict").contains("个绿点"), "{}", readout(&root, "confusion-verdict"));
}

/// The pixels of a figure's canvas, RGBA.
fn pixels(root: &Element, figure: &str) -> Vec<u8> {
    let canvas: HtmlCanvasElement =
        root.query_selector(&format!("canvas[data-figure=\"{figure}\"]")).unwrap().unwrap().unchecked_into();
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).unwrap().data().0
}

#[wasm_bindgen_test]
fn the_plane_is_shaded_by_class_and_its_numbers_are_shown() {
    let root = mount_page();
    let canvas: HtmlCanvasElement =
        root.query_selector("canvas[data-figure=\"softmax-regions\"]").unwrap().unwrap().unchecked_into();
    // The regions cover the plot: far more of the canvas is inked than the points alone would.
    assert!(ink(&canvas) > 0.25, "regions drawn: {} ink", ink(&canvas));
    // Three classes' shades (red, green and blue in the article's palette), each over a good part of the plot.
    let data = pixels(&root, "softmax-regions");
    let share = |hue: fn(i32, i32, i32) -> bool| {
        let n = data.chunks(4).filter(|p| hue(i32::from(p[0]), i32::from(p[1]), i32::from(p[2]))).count();
        n as f64 / (data.len() / 4) as f64
    };
    let red = share(|r, g, b| r > g + 20 && r > b + 20);
    let green = share(|r, g, b| g > r + 20 && g > b + 10);
    let blue = share(|r, g, b| b > r + 20 && b > g + 10);
    assert!(red > 0.02 && green > 0.02 && blue > 0.02, "red {red}, green {green}, blue {blue}");
    assert_eq!(readout(&root, "softmax-accuracy"), "100.0%");
    assert!(number(&readout(&root, "softmax-loss")) < 0.05);
    assert!(readout(&root, "softmax-keras-one-hot").starts_with("keras.losses.CategoricalCrossentropy()"));
}

#[wasm_bindgen_test]
fn softmax_smoothing_lowers_the_median_gap_and_gamma_moves_the_boundaries() {
    let root = mount_page();
    let before = number(&readout(&root, "softmax-logit-gap"));
    set(&root, "softmax-smoothing", "0.2");
    let after = number(&readout(&root, "softmax-logit-gap"));
    let line = 13f64.ln();
    assert!(after < before && (after - line).abs() < (before - line).abs() / 2.0, "{before} → {after}, line {line}");
    let regions = pixels(&root, "softmax-regions");
    set(&root, "softmax-gamma", "3");
    let moved = pixels(&root, "softmax-regions").chunks(4).zip(regions.chunks(4)).filter(|(a, b)| a != b).count();
    assert!(moved > 100, "γ = 3 redraws the regions: {moved} pixels changed");
    assert_eq!(readout(&root, "softmax-gamma-value"), "3.0");
}

fn click(el: &Element) {
    el.unchecked_ref::<web_sys::HtmlElement>().click();
    losslab::render_now();
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

/// The text of `selector` below `root`, its unbreakable spaces as spaces.
fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap().replace('\u{a0}', " ")
}

fn clear_storage() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_question_is_answered_on_its_card_in_both_languages_and_its_progress_kept() {
    clear_storage();
    let root = mount_page();
    let card = find(&root, "[data-question=\"penalty\"]");
    assert_eq!(
        text(&card, ".q-prompt"),
        "With the L2 penalty (C = 1.00) the fitted sigmoid's BCE is 0.3329. Without the penalty, will BCE go up, go down or stay the same?"
    );
    assert_eq!(card.get_attribute("data-status").as_deref(), Some("open"));
    click(&find(&card, "[data-answer=\"down\"]"));
    assert_eq!(card.get_attribute("data-status").as_deref(), Some("right"));
    assert_eq!(
        text(&card, ".q-feedback"),
        "Right. BCE is 0.3329 with the L2 penalty (C = 1.00) and 0.3052 without it. The penalty ½·w²/C trades a little BCE for a smaller w; without it the fit goes as low as BCE can go on these points."
    );
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(storage.get_item("losslab.questions").unwrap().as_deref(), Some("penalty=1"));
    set(&root, "lang", "zh");
    assert_eq!(
        text(&card, ".q-feedback"),
        "答对了。带 L2 惩罚（C = 1.00）时 BCE 为 0.3329，不带惩罚时为 0.3052。惩罚项 ½·w²/C 用一点 BCE 换来更小的 w；没有它，拟合会把 BCE 降到这些点上所能达到的最低处。"
    );
    assert_eq!(text(&card, ".q-number"), "第 1 题（共 10 题）");
    // Turning the penalty off asks the other way round, and the answer given no longer holds.
    set(&root, "regularization", "off");
    assert_eq!(card.get_attribute("data-status").as_deref(), Some("wrong"));
    assert!(text(&card, ".q-prompt").starts_with("不带惩罚时，拟合出的 sigmoid 的 BCE 为 0.3052。"));
    clear_storage();
}

#[wasm_bindgen_test]
fn a_browser_that_keeps_nothing_loses_the_progress_and_nothing_else() {
    let window = web_sys::window().unwrap();
    let blocked = js_sys::Function::new_no_args("throw new DOMException('blocked', 'SecurityError')");
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"get".into(), &blocked).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window, &"localStorage".into(), &descriptor);
    assert!(window.local_storage().is_err(), "storage throws, as a blocked one does");
    let root = mount_page();
    let card = find(&root, "[data-question=\"smoothed-target\"]");
    click(&find(&card, "[data-answer=\"0.92\"]"));
    assert_eq!(card.get_attribute("data-status").as_deref(), Some("right"));
    js_sys::Reflect::delete_property(&window, &"localStorage".into()).unwrap();
    assert!(window.local_storage().is_ok());
}

#[wasm_bindgen_test]
fn a_lesson_link_locks_its_controls_and_says_so_in_both_languages() {
    for (lang, note) in [("en", "locked by the link"), ("zh", "已被链接锁定")] {
        let root = mount_page_at(&format!("?show=focal,smoothing&lock=gamma,classes&lang={lang}"));
        for name in ["gamma", "classes"] {
            let input = find(&root, &format!("[data-control=\"{name}\"]"));
            assert!(input.has_attribute("disabled"), "{name} is off");
            assert_eq!(text(&input.closest("label").unwrap().unwrap(), ".locked-note"), note);
        }
        assert!(
            !find(&root, "[data-control=\"label-smoothing\"]").has_attribute("disabled"),
            "a control not locked stays on"
        );
        let hidden = |id: &str| document().get_element_by_id(id).unwrap().has_attribute("hidden");
        assert!(hidden("bce") && hidden("keras") && !hidden("focal") && !hidden("smoothing"));
        // A locked control's events, if any arrive, change nothing.
        set(&root, "gamma", "4");
        assert_eq!(readout(&root, "gamma-value"), "2.0");
    }
}

#[wasm_bindgen_test]
fn the_lesson_dialog_opens_builds_its_link_and_closes() {
    let root = mount_page_at("?gamma=3");
    click(&find(&root, "[data-action=\"lesson\"]"));
    let dialog: web_sys::HtmlDialogElement = document().get_element_by_id("lesson").unwrap().unchecked_into();
    assert!(dialog.open());
    let link = || find(&root, "[data-lesson-link]").unchecked_into::<HtmlInputElement>().value();
    assert!(link().ends_with("?gamma=3"), "{}", link());
    let lock = find(&root, "[data-lesson-lock=\"gamma\"]");
    lock.unchecked_ref::<HtmlInputElement>().set_checked(true);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    lock.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    assert!(link().ends_with("?lock=gamma&gamma=3"), "{}", link());
    click(&find(&root, "[data-action=\"lesson-close\"]"));
    assert!(!dialog.open());
}

#[wasm_bindgen_test]
fn a_page_built_without_its_code_twins_is_given_them_by_the_shell() {
    let root = mount_page();
    // The page as written holds each section's disclosure empty.
    let blocks = root.query_selector_all("details[data-code-for] .code-block").unwrap();
    assert_eq!(blocks.length() as usize, CodeBlock::ALL.len());
    assert_eq!(text(&root, "details[data-code-for=\"bce\"] summary"), "Show code (Keras 2, Keras 3, PyTorch)");
    assert_eq!(text(&root, "#code-label-fit-sklearn"), "scikit-learn");
    assert_eq!(text(&root, "#copy-focal-torch"), "Copy");
    // Opened, a twin's code ends with what the page shows.
    find(&root, "details[data-code-for=\"fit\"]").set_attribute("open", "").unwrap();
    losslab::page::mailbox::post(Msg::CodeShown);
    losslab::render_now();
    let code = text(&root, "[data-code=\"fit-sklearn\"]");
    let prints =
        format!("# prints {} {} {}", readout(&root, "coef"), readout(&root, "intercept"), readout(&root, "bce"));
    assert!(code.trim_end().ends_with(&prints), "{prints} at the end of {code}");
}

#[wasm_bindgen_test]
fn an_embed_shows_its_figures_in_the_order_its_link_names_them() {
    let root = mount_page_at("?embed=focal-curves,neglog,fit");
    let shown = root.query_selector_all("main > section:not([hidden]) canvas[data-figure]").unwrap();
    let names: Vec<String> = (0..shown.length())
        .filter_map(|i| shown.item(i)?.dyn_into::<Element>().ok()?.get_attribute("data-figure"))
        .collect();
    assert_eq!(names, ["focal-curves", "neglog", "fit"]);
}
