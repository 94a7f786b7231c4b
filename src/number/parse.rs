//! Reading a number from text, exactly as Rust's `str::parse::<f64>` does.
//!
//! On the page the digits are converted by the browser: JavaScript's
//! `parseFloat` rounds correctly, like Rust's parser, and using it spares the
//! module Rust's float-parsing code and its 10 KB table of powers of five,
//! about a tenth of the download. The grammar is Rust's, checked here first,
//! so both builds accept and reject the same text (a browser test compares
//! them on awkward inputs).

/// The number `text` spells in Rust's grammar for `f64` (`1`, `-.5`,
/// `2.5E-3`, `inf`, `NaN`; no spaces), or `None`.
///
/// ```
/// use losslab::number::parse_f64;
/// assert_eq!(parse_f64("-2.5e-3"), Some(-0.0025));
/// assert_eq!(parse_f64("+Infinity"), Some(f64::INFINITY));
/// assert_eq!(parse_f64(" 1"), None);
/// assert_eq!(parse_f64("1e"), None);
/// assert_eq!(parse_f64("0x10"), None);
/// ```
pub fn parse_f64(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        let negative = text.starts_with('-');
        let special = match unsigned.to_ascii_lowercase().as_str() {
            "inf" | "infinity" => Some(f64::INFINITY),
            "nan" => Some(f64::NAN),
            _ => None,
        };
        if let Some(x) = special {
            return Some(if negative { -x } else { x });
        }
        is_decimal(unsigned).then(|| js_sys::Number::parse_float(text))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

/// `Digit+ | Digit+ '.' Digit* | Digit* '.' Digit+`, then optionally
/// `('e' | 'E') Sign? Digit+`: Rust's grammar for a number without its sign.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn is_decimal(text: &str) -> bool {
    fn digits(s: &[u8]) -> usize {
        s.iter().take_while(|b| b.is_ascii_digit()).count()
    }
    let s = text.as_bytes();
    let whole = digits(s);
    let mut at = whole;
    let mut fraction = 0;
    if s.get(at) == Some(&b'.') {
        fraction = digits(&s[at + 1..]);
        at += 1 + fraction;
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(s.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(s.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(&s[at..]);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == s.len()
}

#[cfg(test)]
mod tests {
    use super::is_decimal;

    /// The grammar check agrees with Rust's own parser on what is a number.
    #[test]
    fn the_grammar_is_rusts() {
        for text in [
            "0", "1.", ".5", "1.5", "007", "1e5", "1E+5", "2.5e-3", ".5e1", "1.e2", "", ".", "e5", "1e", "1e+", "1..2",
            "1.2.3", "1e5.5", "0x10", "1_000", " 1", "1 ", "١", "1e٣", "--1", "+", "∞",
        ] {
            let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
            // Rust's parser also takes inf and nan, which the check leaves to its caller.
            let rust = text.parse::<f64>().is_ok() && unsigned.starts_with(|c: char| c == '.' || c.is_ascii_digit());
            assert_eq!(is_decimal(unsigned), rust, "{text:?}");
        }
    }
}
