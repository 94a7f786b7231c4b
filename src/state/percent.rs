//! Percent-encoding of query values, by hand: the few rules fit in a page.

/// Encodes `text` for a query value. Escaped: what would end or split a
/// value (`&`, `=`, `#`, `+`, `%`, space), what a browser's URL parser drops
/// or mangles (control characters), what would break an HTML attribute in
/// the embed snippet (`"`, `'`, `<`, `>`), and every non-ASCII character (as
/// its UTF-8 bytes). Everything else, brackets and commas included, stays
/// readable: `bt=[0.,1.]`.
pub(crate) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        let escape = byte.is_ascii_control()
            || !byte.is_ascii()
            || matches!(byte, b'&' | b'=' | b'#' | b'+' | b'%' | b' ' | b'"' | b'\'' | b'<' | b'>');
        if escape {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push(char::from(byte));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Decodes a query key or value: `+` is a space and `%XX` a byte, as forms
/// send them. Leniently: an escape that is not two hex digits is kept as
/// written, and bytes that are not UTF-8 become U+FFFD, so any text decodes.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (bytes.get(i + 1).and_then(hex_value), bytes.get(i + 2).and_then(hex_value)) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: &u8) -> Option<u8> {
    char::from(*byte).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_unicode_are_escaped_and_brackets_are_not() {
        assert_eq!(percent_encode("[0., 1.]"), "[0.,%201.]");
        assert_eq!(percent_encode("a&b=c#d+e%f"), "a%26b%3Dc%23d%2Be%25f");
        assert_eq!(percent_encode("交"), "%E4%BA%A4");
        assert_eq!(percent_encode("\n\"<'>"), "%0A%22%3C%27%3E");
    }

    #[test]
    fn plus_is_a_space_and_escapes_are_bytes() {
        assert_eq!(percent_decode("a+b%20c"), "a b c");
        assert_eq!(percent_decode("%E4%BA%A4%e4%ba%a4"), "交交");
    }

    #[test]
    fn a_bad_escape_is_kept_as_written() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%%41"), "%A");
    }

    #[test]
    fn bytes_that_are_not_utf8_become_replacement_characters() {
        assert_eq!(percent_decode("%FFa"), "\u{FFFD}a");
    }

    #[test]
    fn decoding_undoes_encoding() {
        for text in ["", "a b+c", "%41", "交叉熵 😀", "\u{0}\u{7f}\r\n", "[[0,1],[1,0]]"] {
            assert_eq!(percent_decode(&percent_encode(text)), text);
        }
    }
}
