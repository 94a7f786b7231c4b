//! Every number the crate writes for a reader, a link or a framework's
//! printout, in one place. Each function names the form it writes.

use crate::i18n::{fill, t, Lang};

/// `v` with `decimals` decimals and a true minus sign, as the figures write
/// numbers; "∞", "−∞" and "NaN" spelled out, and never "−0.00".
///
/// ```
/// use losslab::number::format::fixed;
/// assert_eq!(fixed(-2.2, 1), "−2.2");
/// assert_eq!(fixed(-0.0001, 2), "0.00");
/// assert_eq!(fixed(f64::INFINITY, 2), "∞");
/// ```
pub fn fixed(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "−∞".into() };
    }
    rounded_exactly(v, decimals).unwrap_or_else(|| by_formatter(v, decimals))
}

/// What [`fixed`] writes for a finite `v`, by the float formatter's exact mode.
fn by_formatter(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    // "-0.00" reads as a negative number that is not there.
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        return s[1..].to_string();
    }
    s.replacen('-', "−", 1)
}

/// Powers of ten that `f64` holds exactly, as far as [`rounded_exactly`] goes.
const TENS: [f64; 10] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/// What [`fixed`] writes for a finite `v`, worked out as a whole number of
/// hundredths (or whatever `decimals` asks) where the rounding cannot go
/// the other way than that of `v`'s exact value: the float formatter's
/// exact mode, which falls back on big-number arithmetic for many short
/// decimals, is spared for the tick labels and readouts of every redraw.
/// `None` where `v` lies too near halfway between two results to tell,
/// or is too large, or `decimals` too many.
fn rounded_exactly(v: f64, decimals: usize) -> Option<String> {
    let scaled = v * *TENS.get(decimals)?;
    if scaled.abs() >= 1e15 {
        return None;
    }
    // The product is rounded once: it lies within half a unit in its last
    // place of `v`·10^decimals, so a fraction farther than twice that from
    // one half rounds as the exact value does.
    let fraction = (scaled - scaled.trunc()).abs();
    if (fraction - 0.5).abs() <= scaled.abs() * f64::EPSILON {
        return None;
    }
    let whole = scaled.round().abs() as u64;
    // Its digits, last first, at least one before the point: written by
    // hand, as the formatter would be slower at it than at the rest.
    let mut digits = [0u8; 24];
    let (mut rest, mut len) = (whole, 0);
    while rest > 0 || len <= decimals {
        digits[len] = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
    }
    let mut written = String::with_capacity(len + 4);
    if whole != 0 && v < 0.0 {
        written.push('−');
    }
    for (place, &digit) in digits[..len].iter().enumerate().rev() {
        written.push(char::from(digit));
        if place == decimals && decimals > 0 {
            written.push('.');
        }
    }
    Some(written)
}

/// `v` as the second term of a sum, its sign written as the operator: "+ 0.66"
/// or "− 0.12", so that `σ(w·x + b)` with a negative `b` reads
/// "σ(0.35·x − 0.12)" and not "σ(0.35·x + −0.12)".
///
/// ```
/// use losslab::number::format::signed_term;
/// assert_eq!(signed_term(0.6555, 2), "+ 0.66");
/// assert_eq!(signed_term(-0.1170, 4), "− 0.1170");
/// assert_eq!(signed_term(-0.0001, 2), "+ 0.00");
/// ```
pub fn signed_term(v: f64, decimals: usize) -> String {
    let written = fixed(v, decimals);
    match written.strip_prefix('−') {
        Some(magnitude) => format!("− {magnitude}"),
        None => format!("+ {written}"),
    }
}

/// A live readout: `decimals` decimals, "—" for a number that is not
/// there (NaN), "∞" for an infinite one.
///
/// ```
/// use losslab::number::format::readout;
/// assert_eq!(readout(0.33291, 4), "0.3329");
/// assert_eq!(readout(f64::NAN, 4), "—");
/// ```
pub fn readout(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        "—".into()
    } else if v.is_infinite() {
        if v > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        }
    } else {
        format!("{v:.decimals$}")
    }
}

/// A readout with at most four decimals and no trailing zeros (0.1, 0.9, 1).
///
/// ```
/// use losslab::number::format::trimmed;
/// assert_eq!(trimmed(0.9000), "0.9");
/// assert_eq!(trimmed(1.0), "1");
/// ```
pub fn trimmed(v: f64) -> String {
    let text = readout(v, 4);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A value on a log scale (C from 0.001 to 1000) with three significant digits.
///
/// ```
/// use losslab::number::format::significant3;
/// assert_eq!(significant3(0.001), "0.0010");
/// assert_eq!(significant3(1.0), "1.00");
/// assert_eq!(significant3(1000.0), "1000");
/// ```
pub fn significant3(v: f64) -> String {
    if !v.is_finite() {
        return readout(v, 0);
    }
    let digits = (2 - v.abs().log10().floor() as i32).clamp(0, 4) as usize;
    format!("{v:.digits$}")
}

/// A share as a whole percentage, as the figures write it: "46%".
pub fn percent_whole(share: f64) -> String {
    format!("{}%", fixed(100.0 * share, 0))
}

/// A share as a readout: "46.2%", or "—" when there is none.
pub fn percent_tenths(share: f64) -> String {
    if share.is_finite() {
        format!("{:.1}%", share * 100.0)
    } else {
        "—".into()
    }
}

/// A list of numbers for a text alternative, in `lang`: "0.21, 0.40, …".
/// Only the first ten of a long list are written: with 1 000 points,
/// writing them all cost more than drawing the figure.
///
/// ```
/// use losslab::i18n::Lang;
/// use losslab::number::format::list;
/// assert_eq!(list((1..=3).map(f64::from), 0, Lang::En), "1, 2, 3");
/// assert_eq!(list((1..=1000).map(f64::from), 0, Lang::En), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (990 more)");
/// ```
pub fn list(vs: impl Iterator<Item = f64>, decimals: usize, lang: Lang) -> String {
    let separator = t(lang, "list.separator");
    let all: Vec<f64> = vs.collect();
    let join = |vs: &[f64]| vs.iter().map(|&v| fixed(v, decimals)).collect::<Vec<_>>().join(separator);
    if all.len() > 20 {
        let more = all.len() - 10;
        return fill(t(lang, "list.more"), &[("head", join(&all[..10])), ("n", more.to_string())]);
    }
    join(&all)
}

/// Row numbers (counted from 1) as a phrase in `lang`: "row 2", "rows 1, 2".
///
/// ```
/// use losslab::i18n::Lang;
/// use losslab::number::format::row_numbers;
/// assert_eq!(row_numbers(&[2], Lang::En), "row 2");
/// assert_eq!(row_numbers(&[1, 2], Lang::En), "rows 1, 2");
/// assert_eq!(row_numbers(&[1, 2], Lang::Zh), "第 1、2 行");
/// ```
pub fn row_numbers(rows: &[usize], lang: Lang) -> String {
    let key = if rows.len() == 1 { "list.row" } else { "list.rows" };
    let numbers: Vec<String> = rows.iter().map(usize::to_string).collect();
    fill(t(lang, key), &[("rows", numbers.join(t(lang, "list.separator")))])
}

/// A row of probabilities as the calculator's notes show it: "[0.0500, 0.9500]".
pub fn row(values: &[f64], decimals: usize) -> String {
    let items: Vec<String> = values.iter().map(|x| format!("{x:.decimals$}")).collect();
    format!("[{}]", items.join(", "))
}

/// The shortest decimal that reads back as the same float32 when the value
/// is one, else as the same float64 — the way numpy prints each dtype.
///
/// ```
/// use losslab::number::format::numpy;
/// assert_eq!(numpy(f64::from(11.522_857_f32)), "11.522857");
/// assert_eq!(numpy(75.0), "75.0");
/// assert_eq!(numpy(0.8654579497810972), "0.8654579497810972");
/// assert_eq!(numpy(f64::INFINITY), "inf");
/// ```
pub fn numpy(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "nan".into()
        } else if v > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let single = v as f32;
    let text = if f64::from(single) == v { format!("{single}") } else { format!("{v}") };
    // numpy writes whole numbers with a trailing ".0" (75.0, not 75).
    if text.contains(['.', 'e']) {
        text
    } else {
        text + ".0"
    }
}

/// An array as numpy prints it, nested by its shape: `[[0.5, 1.0], [inf, nan]]`.
///
/// ```
/// use losslab::number::format::numpy_array;
/// assert_eq!(numpy_array(&[2, 2], &[0.5, f64::NAN, 75.0, f64::from(0.1_f32)]), "[[0.5, nan], [75.0, 0.1]]");
/// ```
pub fn numpy_array(shape: &[usize], data: &[f64]) -> String {
    nested(shape, data, &numpy)
}

/// Lists nested by `shape`, each number written by `item`.
fn nested(shape: &[usize], data: &[f64], item: &dyn Fn(f64) -> String) -> String {
    match shape.split_first() {
        None => data.first().map_or_else(String::new, |&x| item(x)),
        Some((&n, rest)) => {
            let step: usize = rest.iter().product();
            let items: Vec<String> = (0..n).map(|i| nested(rest, &data[i * step..(i + 1) * step], item)).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

/// Short text that parses back to exactly `x`, for links: Rust's `{}` and
/// `{:e}` both print the shortest round-tripping digits, `{}` without an
/// exponent (`0.25`, `1000`) and `{:e}` with one. The plain form reads better
/// and is used unless it runs long (`1e-300` rather than 300 zeros). Not for
/// NaN or infinities, which never get past the state's border.
///
/// ```
/// use losslab::number::format::shortest;
/// assert_eq!(shortest(-2.2), "-2.2");
/// assert_eq!(shortest(1e6), "1000000");
/// assert_eq!(shortest(1e-300), "1e-300");
/// ```
pub fn shortest(x: f64) -> String {
    const LONG: usize = 16;
    let plain = format!("{x}");
    if plain.len() <= LONG {
        return plain;
    }
    let exponent = format!("{x:e}");
    if exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

/// A number as a Python literal that reads back as exactly `x`, for the
/// code twins: [`shortest`]'s digits, whole numbers with a trailing ".0" so
/// that they read as floats, and `float("inf")`, `-float("inf")`,
/// `float("nan")` for what Python has no literal for.
///
/// ```
/// use losslab::number::format::python;
/// assert_eq!(python(0.1), "0.1");
/// assert_eq!(python(1.0), "1.0");
/// assert_eq!(python(-0.0), "-0.0");
/// assert_eq!(python(1e-300), "1e-300");
/// assert_eq!(python(f64::NEG_INFINITY), "-float(\"inf\")");
/// ```
pub fn python(x: f64) -> String {
    if x.is_nan() {
        return "float(\"nan\")".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "float(\"inf\")" } else { "-float(\"inf\")" }.into();
    }
    let text = shortest(x);
    if text.contains(['.', 'e']) {
        text
    } else {
        text + ".0"
    }
}

/// An array as a Python list literal, nested by its shape (a bare number
/// for shape `[]`); `whole` writes integers without ".0" (class indices).
///
/// ```
/// use losslab::number::format::python_list;
/// assert_eq!(python_list(&[2, 2], &[0.05, 0.95, 1.0, 0.0], false), "[[0.05, 0.95], [1.0, 0.0]]");
/// assert_eq!(python_list(&[2], &[1.0, 2.0], true), "[1, 2]");
/// ```
pub fn python_list(shape: &[usize], data: &[f64], whole: bool) -> String {
    nested(shape, data, if whole { &shortest } else { &python })
}

/// A number as Rust writes it, for messages that quote a value: "0.5", "-3", "NaN".
pub fn plain(v: f64) -> String {
    format!("{v}")
}

/// A number with an exponent, for values far out of range: "1e308".
pub fn exponent(v: f64) -> String {
    format!("{v:e}")
}

/// An array's shape as numpy writes it in messages: "[2, 3]".
///
/// ```
/// use losslab::number::format::shape;
/// assert_eq!(shape(&[2, 3]), "[2, 3]");
/// assert_eq!(shape(&[]), "[]");
/// ```
pub fn shape(dims: &[usize]) -> String {
    let items: Vec<String> = dims.iter().map(usize::to_string).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_of_hundredths_read_as_the_formatter_writes_them() {
        let mut random = crate::core::random::SplitMix64::new(7);
        let mut taken = 0;
        for _ in 0..200_000 {
            let bits = random.next_u64();
            let decimals = (bits % 10) as usize;
            // Ticks, readouts, halves and awkward values, of every size.
            let v = match bits % 5 {
                0 => (bits >> 20) as f64 / 1e6 - 4096.0,
                1 => ((bits >> 20) % 2001) as f64 * 0.05 - 50.0,
                2 => ((bits >> 20) % 4001) as f64 / 2f64.powi((bits >> 8) as i32 % 12) - 1000.0,
                3 => f64::from_bits(bits) % 1e7,
                _ => (bits >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((bits >> 4) as i32 % 17 - 8),
            };
            if !v.is_finite() {
                continue;
            }
            if let Some(s) = rounded_exactly(v, decimals) {
                taken += 1;
                assert_eq!(s, by_formatter(v, decimals), "{v:e} to {decimals}");
            }
        }
        assert!(taken > 150_000, "the short way is taken for most values: {taken}");
        // Exact halves are the formatter's to round (to even).
        assert_eq!(rounded_exactly(0.5, 0), None);
        assert_eq!(rounded_exactly(0.125, 2), None);
        assert_eq!(fixed(0.125, 2), "0.12");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(rounded_exactly(1e15, 0), None);
        assert_eq!(rounded_exactly(1.0, 10), None);
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(-0.3, 0), "0");
        assert_eq!(fixed(-1234.5678, 3), "−1234.568");
        assert_eq!(fixed(0.07, 4), "0.0700");
    }

    #[test]
    fn everyday_numbers_read_as_written_in_links() {
        assert_eq!(shortest(0.1), "0.1");
        assert_eq!(shortest(1000.0), "1000");
        assert_eq!(shortest(2.0), "2");
        assert_eq!(shortest(0.001), "0.001");
        assert_eq!(shortest(1e20), "1e20");
        assert_eq!(shortest(5e-324), "5e-324");
    }

    #[test]
    fn link_numbers_parse_back_exactly() {
        for x in [0.1 + 0.2, 1.0 / 3.0, -123456.789, 2.2250738585072014e-308, 999999.9999999999] {
            assert_eq!(shortest(x).parse::<f64>().unwrap().to_bits(), x.to_bits());
        }
    }

    #[test]
    fn shares_read_as_percentages() {
        assert_eq!(percent_whole(0.456), "46%");
        assert_eq!(percent_tenths(0.4567), "45.7%");
        assert_eq!(percent_tenths(f64::NAN), "—");
    }

    #[test]
    fn chinese_lists_use_the_enumeration_comma() {
        assert_eq!(list([1.0, 2.0].into_iter(), 0, Lang::Zh), "1、2");
        assert_eq!(list((1..=30).map(f64::from), 0, Lang::Zh), "1、2、3、4、5、6、7、8、9、10、……（另有 20 个）");
    }
}
