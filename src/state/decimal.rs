//! Numbers as short text that reads back to the very same `f64`.

/// Short text that parses back to exactly `x`: Rust's `{}` and `{:e}` both
/// print the shortest round-tripping digits, `{}` without an exponent
/// (`0.25`, `1000`) and `{:e}` with one. The plain form reads better and is
/// used unless it runs long (`1e-300` rather than 300 zeros). Not for NaN
/// or infinities, which never get past the border.
pub(crate) fn shortest_decimal(x: f64) -> String {
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

#[cfg(test)]
mod tests {
    use super::shortest_decimal;

    #[test]
    fn everyday_numbers_read_as_written() {
        assert_eq!(shortest_decimal(0.1), "0.1");
        assert_eq!(shortest_decimal(-2.2), "-2.2");
        assert_eq!(shortest_decimal(1000.0), "1000");
        assert_eq!(shortest_decimal(2.0), "2");
        assert_eq!(shortest_decimal(1e6), "1000000");
        assert_eq!(shortest_decimal(0.001), "0.001");
    }

    #[test]
    fn very_small_and_very_large_numbers_use_an_exponent() {
        assert_eq!(shortest_decimal(1e-300), "1e-300");
        assert_eq!(shortest_decimal(1e20), "1e20");
        assert_eq!(shortest_decimal(5e-324), "5e-324");
    }

    #[test]
    fn the_text_parses_back_exactly() {
        for x in [
            0.1 + 0.2,
            1.0 / 3.0,
            -123456.789,
            2.2250738585072014e-308,
            999999.9999999999,
        ] {
            assert_eq!(
                shortest_decimal(x).parse::<f64>().unwrap().to_bits(),
                x.to_bits()
            );
        }
    }
}
