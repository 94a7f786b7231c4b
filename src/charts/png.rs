//! The smallest PNG writer that serves an exported figure's shaded regions:
//! 8-bit RGB, no filter, zlib's stored (uncompressed) blocks, base64. A few
//! hundred bytes of code in place of an image library; the files are larger
//! than compressed ones, and the same bytes on every machine.

/// A PNG of `size` pixels from RGBA bytes (alpha is dropped: the cells are
/// opaque), as base64.
pub fn png_base64((width, height): (u32, u32), rgba: &[u8]) -> String {
    // Each row: filter type 0 (none), then its RGB bytes.
    let mut raw = Vec::with_capacity((width as usize * 3 + 1) * height as usize);
    for row in rgba.chunks(width.max(1) as usize * 4).take(height as usize) {
        raw.push(0);
        for pixel in row.chunks(4) {
            raw.extend_from_slice(&pixel[..3]);
        }
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]); // 8 bits, RGB, deflate, no filter choice, no interlace
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", &zlib_stored(&raw));
    chunk(&mut png, b"IEND", &[]);
    base64(&png)
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = png.len();
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let crc = crc32(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream of stored deflate blocks (RFC 1950, 1951 § 3.2.4).
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = if data.is_empty() { vec![&[]] } else { data.chunks(65_535).collect() };
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

/// CRC-32 (ISO 3309, as PNG uses it), bit by bit: slow, but small.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn base64(data: &[u8]) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for group in data.chunks(3) {
        let bits = group.iter().enumerate().fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            let digit = if i <= group.len() { DIGITS[(bits >> (18 - 6 * i)) as usize & 63] } else { b'=' };
            out.push(char::from(digit));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_their_standards() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b"IEND"), 0xae42_6082, "the CRC every PNG ends with");
        let stream = zlib_stored(b"Wikipedia");
        assert_eq!(&stream[stream.len() - 4..], &0x11e6_0398u32.to_be_bytes(), "Adler-32 of Wikipedia");
    }

    #[test]
    fn base64_pads_as_the_standard_does() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }

    #[test]
    fn a_one_pixel_image_has_the_known_bytes() {
        // One red pixel: signature, IHDR, IDAT of one stored block (filter 0, then FF 00 00), IEND.
        let png = png_base64((1, 1), &[255, 0, 0, 255]);
        assert!(png.starts_with("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1Pe"), "{png}");
        assert!(png.ends_with("AAAAAElFTkSuQmCC"), "{png}");
    }
}
