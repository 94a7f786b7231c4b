//! Colours, type sizes and stroke widths of every figure, in one place.
//!
//! The page's CSS uses the same colour values, so a figure sits on the page
//! as if it were part of it. Every size is given at scale 1 (CSS pixels) and
//! multiplied by [`Style::scale`]: the page draws at CSS size × devicePixelRatio,
//! PNG export at 2×.

use std::convert::Infallible;

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontFamily, FontStyle, RGBAColor, RGBColor};
use plotters_backend::{BackendColor, BackendCoord, BackendTextStyle};

use crate::i18n::is_wide;
use crate::state::{Lang, Palette};

/// The colours of one theme and palette.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colors {
    pub background: RGBColor,
    pub text: RGBColor,
    /// Secondary text: tick labels, notes, the reference curves.
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// What the reader controls: the current γ, α, the live fit.
    pub accent: RGBColor,
    /// The hovered point.
    pub highlight: RGBColor,
    /// Green in the article: y = 1.
    pub positive: RGBColor,
    /// Red in the article: y = 0.
    pub negative: RGBColor,
    /// The colours of the plane's classes 0 … 5: class 0 and 1 are the
    /// negative and positive colours, as for two classes on the line.
    pub classes: [RGBColor; 6],
    /// The fits compared on data, in the order of `Contender::ALL`:
    /// cross-entropy, focal loss, smoothed, balanced.
    pub fits: [RGBColor; 4],
}

const fn hex(rgb: u32) -> RGBColor {
    RGBColor((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

impl Colors {
    /// The colours for a theme (`dark` or light) and a class palette.
    /// (`for` is a keyword, hence the name.)
    pub fn for_theme(dark: bool, palette: Palette) -> Colors {
        let (positive, negative) = match (dark, palette) {
            (false, Palette::Article) => (0x1a9850, 0xd73027),
            (false, Palette::ColorBlind) => (0x0072b2, 0xe69f00),
            (true, Palette::Article) => (0x4cc46f, 0xff6b5f),
            (true, Palette::ColorBlind) => (0x56b4e9, 0xe69f00),
        };
        // Past the first two: Okabe–Ito for the colour-blind palette, told
        // apart by every common colour-vision deficiency (and by marker shape).
        let more = match (dark, palette) {
            (false, Palette::Article) => [0x4575b4, 0xb35806, 0x8e44ad, 0x7f6a00],
            (true, Palette::Article) => [0x74a9e8, 0xf5a25d, 0xc39bd3, 0xd4c25a],
            (false, Palette::ColorBlind) => [0x009e73, 0xcc79a7, 0xd55e00, 0x56b4e9],
            (true, Palette::ColorBlind) => [0x009e73, 0xcc79a7, 0xd55e00, 0xf0e442],
        };
        let [background, text, muted, grid, axis, accent, highlight] = if dark {
            [0x15181c, 0xe6e9ee, 0x9aa4ae, 0x2a3038, 0x6b7580, 0x7c9cff, 0xffa94d]
        } else {
            [0xffffff, 0x1b1f24, 0x5b6570, 0xe7eaee, 0x8a949e, 0x3b5bdb, 0xf08c00]
        };
        // Cross-entropy is the reference (muted, as in the focal fit's
        // figure), focal loss the accent; the other two stay clear of both
        // class palettes.
        let [smoothed, balanced] = if dark { [0xe599f7, 0x3bc9db] } else { [0xae3ec9, 0x0c8599] };
        Colors {
            background: hex(background),
            text: hex(text),
            muted: hex(muted),
            grid: hex(grid),
            axis: hex(axis),
            accent: hex(accent),
            highlight: hex(highlight),
            positive: hex(positive),
            negative: hex(negative),
            classes: [negative, positive, more[0], more[1], more[2], more[3]].map(hex),
            fits: [hex(muted), hex(accent), hex(smoothed), hex(balanced)],
        }
    }

    /// The colour of a class: positive (green, y = 1) or negative.
    pub fn class(&self, positive: bool) -> RGBColor {
        if positive {
            self.positive
        } else {
            self.negative
        }
    }

    /// The colour of class `k` of the plane (the last one past class 5).
    pub fn plane_class(&self, k: usize) -> RGBColor {
        self.classes[k.min(self.classes.len() - 1)]
    }

    /// `color` at `opacity` (0 … 1) over the background.
    pub fn tint(color: RGBColor, opacity: f64) -> RGBAColor {
        RGBAColor(color.0, color.1, color.2, opacity)
    }

    /// `color` at `opacity` (0 … 1) mixed into the background, as one opaque
    /// colour: a shape painted with it hides the gridlines under it.
    ///
    /// Always inlined: the softmax regions call it for each of their 15 000
    /// cells, and while it was a call in that loop WebKitGTK's engine now and
    /// then handed the loop a class index no code makes (e2e/README.md).
    #[inline(always)]
    pub fn over(&self, color: RGBColor, opacity: f64) -> RGBColor {
        let opacity = opacity.clamp(0.0, 1.0);
        let mix = |c: u8, b: u8| (f64::from(b) + opacity * (f64::from(c) - f64::from(b))).round() as u8;
        let b = self.background;
        RGBColor(mix(color.0, b.0), mix(color.1, b.1), mix(color.2, b.2))
    }
}

/// How heavy a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// Bold where `bold` holds, else regular.
    pub fn bold_if(bold: bool) -> Weight {
        if bold {
            Weight::Bold
        } else {
            Weight::Regular
        }
    }
}

/// How a figure's words are set: their size in CSS pixels, colour and
/// weight, and how they hang from the place they are given (which
/// [`Style::text`] turns into the backend's [`Lettering`]).
#[derive(Clone, Copy)]
pub struct TextStyle {
    pub size_css: f64,
    pub color: RGBColor,
    pub weight: Weight,
    pub anchor: (HPos, VPos),
}

impl TextStyle {
    pub fn new(size_css: f64, color: RGBColor, weight: Weight, anchor: (HPos, VPos)) -> TextStyle {
        TextStyle { size_css, color, weight, anchor }
    }

    pub fn regular(size_css: f64, color: RGBColor, anchor: (HPos, VPos)) -> TextStyle {
        TextStyle::new(size_css, color, Weight::Regular, anchor)
    }

    pub fn bold(size_css: f64, color: RGBColor, anchor: (HPos, VPos)) -> TextStyle {
        TextStyle::new(size_css, color, Weight::Bold, anchor)
    }

    /// The same words at another size.
    pub fn sized(self, size_css: f64) -> TextStyle {
        TextStyle { size_css, ..self }
    }
}

/// The font family of every figure; the page's CSS falls back the same way.
pub const FONT_FAMILY: &str = "sans-serif";

/// How a figure is drawn: colours, scale, language and the face of its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub colors: Colors,
    /// Multiplies every font size, stroke width, marker size and margin.
    /// Default 1 (CSS pixels).
    pub scale: f64,
    pub lang: Lang,
    /// How much wider than the estimate ([`Style::text_width`]) the face
    /// that draws the text sets Latin letters, digits and signs: 1 or more.
    /// The page measures its canvases' sans-serif; elsewhere 1.
    pub face: f64,
}

impl Default for Style {
    /// Light theme, the article's palette, scale 1, English.
    fn default() -> Self {
        Style { colors: Colors::for_theme(false, Palette::Article), scale: 1.0, lang: Lang::En, face: 1.0 }
    }
}

/// Type sizes at scale 1, in CSS pixels.
pub const TICK_PX: f64 = 13.0;
pub const AXIS_TITLE_PX: f64 = 14.0;
pub const LABEL_PX: f64 = 13.0;
pub const NOTE_PX: f64 = 12.5;

impl Style {
    /// A length given at scale 1, in backend pixels (at least 1).
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round().max(1.0) as i32
    }

    /// A length given at scale 1, in backend pixels, unrounded.
    pub fn pxf(&self, css: f64) -> f64 {
        css * self.scale
    }

    /// Stroke width in backend pixels.
    pub fn stroke(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// A text style of `size_css` pixels, coloured, of a weight, anchored.
    pub fn text(&self, size_css: f64, color: RGBColor, weight: Weight, (h, v): (HPos, VPos)) -> Lettering {
        Lettering { size: size_css * self.scale, weight, color, anchor: Pos::new(h, v) }
    }

    /// An estimate of the width of `text` at `size_css`, in backend pixels.
    ///
    /// Natively plotters has no font metrics, and layout must not depend on
    /// the backend, so every figure estimates with the same average advances
    /// of a sans-serif face: CJK glyphs are square, Latin ones about half
    /// that, times [`Style::face`].
    pub fn text_width(&self, text: &str, size_css: f64) -> f64 {
        let (latin, square) = ems(text);
        (latin * self.face + square) * size_css * self.scale
    }
}

/// The characters the estimate sets narrow, wide and as capitals (apart
/// from the wide `M` and `W`); every other Latin one has the usual advance.
const NARROW_CHARS: &str = ".,:;'|!ilj() ";
const WIDE_CHARS: &str = "mwMW−—≈→∞";
const CAPITAL_CHARS: &str = "ABCDEFGHIJKLNOPQRSTUVXYZ";

/// Samples of each kind of character the estimate tells apart, for the
/// page to measure its face against the estimate ([`Style::face`]).
pub const FACE_SAMPLES: [&str; 4] = [NARROW_CHARS, WIDE_CHARS, CAPITAL_CHARS, "abcdefghknopqrstuvxyz0123456789=+<>_^"];

/// The estimated width of `text` in ems (see [`Style::text_width`]): its
/// Latin letters, digits and signs, and its square (CJK) glyphs.
pub fn ems(text: &str) -> (f64, f64) {
    // In hundredths of an em: whole numbers add up exactly.
    let (mut latin, mut square) = (0u32, 0u32);
    for c in text.chars() {
        match c {
            c if c.is_ascii() => latin += u32::from(ASCII_HUNDREDTHS[c as usize]),
            '\u{a0}' => latin += u32::from(ASCII_HUNDREDTHS[usize::from(b' ')]),
            // Before the search of the wide ones, none of them square: a
            // Chinese label's characters skip it.
            c if is_wide(c) => square += 1,
            c if WIDE_CHARS.contains(c) => latin += WIDE,
            _ => latin += USUAL,
        }
    }
    (f64::from(latin) / 100.0, f64::from(square))
}

/// Estimated advances, in hundredths of an em.
const NARROW: u32 = 34;
const WIDE: u32 = 85;
const CAPITAL: u32 = 68;
const USUAL: u32 = 61;

/// Each ASCII character's estimated advance: labels are mostly ASCII, and
/// a figure estimates hundreds of them on every redraw.
const ASCII_HUNDREDTHS: [u8; 128] = {
    let table = [USUAL as u8; 128];
    let table = with_advance(table, CAPITAL_CHARS, CAPITAL);
    let table = with_advance(table, NARROW_CHARS, NARROW);
    with_advance(table, WIDE_CHARS, WIDE)
};

/// `table` with the ASCII characters of `chars` set to `advance`.
const fn with_advance(mut table: [u8; 128], chars: &str, advance: u32) -> [u8; 128] {
    let bytes = chars.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A character past ASCII is bytes of 0x80 and above, none of them in the table.
        if bytes[i] < 128 {
            table[bytes[i] as usize] = advance as u8;
        }
        i += 1;
    }
    table
}

/// How a text is drawn: the page's face at a size, weight, colour and
/// anchor. What plotters' `TextStyle` says, without the two strings of its
/// own it allocates for every text (a redraw writes over a thousand).
#[derive(Clone, Copy)]
pub struct Lettering {
    size: f64,
    weight: Weight,
    color: RGBColor,
    anchor: Pos,
}

impl BackendTextStyle for Lettering {
    type FontError = Infallible;

    fn color(&self) -> BackendColor {
        self.color.to_backend_color()
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn style(&self) -> FontStyle {
        match self.weight {
            Weight::Regular => FontStyle::Normal,
            Weight::Bold => FontStyle::Bold,
        }
    }

    fn anchor(&self) -> Pos {
        self.anchor
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT_FAMILY)
    }

    /// The estimated box (see [`Style::text_width`]), a line high.
    fn layout_box(&self, text: &str) -> Result<(BackendCoord, BackendCoord), Infallible> {
        let (latin, square) = ems(text);
        Ok(((0, 0), (((latin + square) * self.size).round() as i32, (self.size * 1.2).round() as i32)))
    }

    /// Text is never drawn pixel by pixel here: nothing to draw.
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: BackendCoord,
        _: F,
    ) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wider_face_widens_latin_text_and_not_square_glyphs() {
        let estimate = Style::default();
        let wider = Style { face: 1.25, ..Style::default() };
        // p, =, 0, 5 at 0.61 em; two spaces and a point at 0.34.
        assert!((estimate.text_width("p = 0.5", 10.0) - 34.6).abs() < 1e-9);
        assert!((wider.text_width("p = 0.5", 10.0) - 43.25).abs() < 1e-9);
        // Two square glyphs stay two ems wide.
        assert!((estimate.text_width("朴素 = 1", 10.0) - 39.0).abs() < 1e-9);
        assert!((wider.text_width("朴素 = 1", 10.0) - 43.75).abs() < 1e-9);
        // The wide signs are Latin, set wider, not square.
        assert!(WIDE_CHARS.chars().all(|c| !is_wide(c)));
        assert!((estimate.text_width("−∞", 10.0) - 17.0).abs() < 1e-9);
    }

    #[test]
    fn colors_are_the_pages() {
        let light = Colors::for_theme(false, Palette::Article);
        assert_eq!(light.positive, RGBColor(0x1a, 0x98, 0x50));
        assert_eq!(light.negative, RGBColor(0xd7, 0x30, 0x27));
        assert_eq!(light.background, RGBColor(255, 255, 255));
        let dark = Colors::for_theme(true, Palette::ColorBlind);
        assert_eq!(dark.positive, RGBColor(0x56, 0xb4, 0xe9));
        assert_eq!(dark.accent, RGBColor(0x7c, 0x9c, 0xff));
    }

    #[test]
    fn a_colour_over_the_background_is_the_mix_a_translucent_one_shows() {
        let light = Colors::for_theme(false, Palette::Article);
        // The article's green at 40 % on white: 255 − 0.4 · (255 − c) per channel.
        assert_eq!(light.over(light.positive, 0.4), RGBColor(163, 214, 185));
        assert_eq!(light.over(light.positive, 1.0), light.positive);
        assert_eq!(light.over(light.positive, -1.0), light.background, "clamped");
    }

    /// Every text the figures write goes through [`Lettering`]: both
    /// backends must write it as they write plotters' own text style.
    #[test]
    fn lettering_is_written_as_plotters_text_style() {
        use plotters::prelude::SVGBackend;
        use plotters::style::FontDesc;
        use plotters_backend::DrawingBackend;

        use crate::charts::painting::{Painter, Painting};

        let style = Style { scale: 1.5, ..Style::default() };
        for (weight, font) in [(Weight::Regular, FontStyle::Normal), (Weight::Bold, FontStyle::Bold)] {
            for anchor in [(HPos::Left, VPos::Top), (HPos::Center, VPos::Center), (HPos::Right, VPos::Bottom)] {
                let color = RGBColor(12, 34, 56);
                let ours = style.text(13.0, color, weight, anchor);
                let theirs = FontDesc::new(FontFamily::Name(FONT_FAMILY), 13.0 * 1.5, font)
                    .color(&color)
                    .pos(Pos::new(anchor.0, anchor.1));
                let paint = |draw: &dyn Fn(&mut Painter)| {
                    let mut painting = Painting::default();
                    draw(&mut Painter::new(&mut painting, (100, 50)));
                    painting
                };
                let a = paint(&|p| p.draw_text("p = 0.5 · 概率", &ours, (10, 20)).unwrap());
                let b = paint(&|p| p.draw_text("p = 0.5 · 概率", &theirs, (10, 20)).unwrap());
                assert_eq!(a, b);
                let svg = |draw: &dyn Fn(&mut SVGBackend)| {
                    let mut text = String::new();
                    draw(&mut SVGBackend::with_string(&mut text, (100, 50)));
                    text
                };
                let a = svg(&|b| b.draw_text("w = 1.20", &ours, (10, 20)).unwrap());
                let b = svg(&|b| b.draw_text("w = 1.20", &theirs, (10, 20)).unwrap());
                assert_eq!(a, b);
            }
        }
        let box_of =
            |text| style.text(13.0, RGBColor(0, 0, 0), Weight::Regular, (HPos::Left, VPos::Top)).layout_box(text);
        assert_eq!(box_of("概率"), Ok(((0, 0), (39, 23))), "two square glyphs of 19.5 pixels, a line of 1.2 × 19.5");
    }

    #[test]
    fn scale_multiplies_lengths() {
        let s = Style { scale: 2.0, ..Style::default() };
        assert_eq!(s.px(13.0), 26);
        assert_eq!(s.stroke(0.2), 1, "a stroke never vanishes");
        assert!(s.text_width("0.3329", 13.0) > Style::default().text_width("0.3329", 13.0));
    }
}
