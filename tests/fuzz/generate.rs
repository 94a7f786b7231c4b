//! Generated inputs for the fuzz tests: deterministic (a seed gives the same
//! inputs on every machine) and bounded in size.

/// SplitMix64: tiny, fast, and good enough to pick bytes and keys.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Every key the URL knows, and some near misses.
const KEYS: &[&str] = &[
    "embed", "controls", "reg", "C", "smooth", "gamma", "alpha", "balance", "ls", "K", "palette", "theme", "lang",
    "pts", "bt", "bp", "bl", "bls", "br", "bw", "ct", "cp", "cl", "cls", "cr", "cw", "c", "k", "Gamma", "", "%43",
    "embed ", "pts[]",
];

/// Values that are near an edge or wrong in an interesting way.
const VALUES: &[&str] = &[
    "",
    "0",
    "1",
    "-1",
    "2",
    "3",
    "5",
    "10",
    "11",
    "1000",
    "1001",
    "0.001",
    "0.0009",
    "1e308",
    "-1e308",
    "1e309",
    "1e-400",
    "NaN",
    "nan",
    "-NaN",
    "inf",
    "-inf",
    "infinity",
    "+inf",
    "-0",
    "0x10",
    "1_000",
    " 1 ",
    "1,5",
    "١",
    "off",
    "l2",
    "L2",
    "cb",
    "article",
    "auto",
    "dark",
    "light",
    "en",
    "zh",
    "true",
    "false",
    "none",
    "sum",
    "sum_over_batch_size",
    "mean",
    "points",
    "fit,neglog",
    "focal-curves,nope,fit",
    ",,,",
    "-2.2:0,0.4:1",
    "1:1,oops,9e9:0",
    "1:2",
    ":",
    "1:",
    ":1",
    "%",
    "%2",
    "%zz",
    "%FF%FE",
    "%E4%BA",
    "%E4%BA%A4",
    "+",
    "++",
    "&",
    "=",
    "==",
    "#",
    "?",
    "[[0,1],[1,0]]",
    "[0., 1.]",
    "交叉熵",
    "😀",
];

/// A query-like text: a mix of raw bytes, key=value soup and broken
/// copies of well-formed queries.
pub fn query(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => random_text(rng, 300),
        1 | 2 => soup(rng),
        3 => {
            let query = soup(rng);
            mutated(rng, &query)
        }
        _ => many_points(rng),
    }
}

/// Any bytes, read as UTF-8 leniently (the parser takes text).
pub fn random_text(rng: &mut Rng, max_len: usize) -> String {
    let len = rng.below(max_len + 1);
    let bytes: Vec<u8> = (0..len)
        .map(|_| match rng.below(4) {
            0 => rng.pick(b"&=%#+?,:;.-e0123456789 \n"),
            _ => rng.next_u64() as u8,
        })
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `key=value&…` from the known keys and interesting values, with random
/// numbers and text mixed in.
fn soup(rng: &mut Rng) -> String {
    let pairs = 1 + rng.below(30);
    let mut out = String::new();
    if rng.chance(4) {
        out.push('?');
    }
    for i in 0..pairs {
        if i > 0 {
            out.push('&');
        }
        out.push_str(rng.pick(KEYS));
        if rng.chance(12) {
            continue;
        }
        out.push('=');
        match rng.below(4) {
            0 => out.push_str(&f64::from_bits(rng.next_u64()).to_string()),
            1 => out.push_str(&random_text(rng, 20)),
            _ => out.push_str(rng.pick(VALUES)),
        }
    }
    if rng.chance(8) {
        out.push('#');
        out.push_str(&random_text(rng, 10));
    }
    out
}

/// `text` with a few bytes inserted, deleted or replaced.
fn mutated(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(bytes.len() + 1);
        let byte = rng.pick(b"&=%#+?,:0-e\xff\xe4");
        match rng.below(3) {
            0 => bytes.insert(at, byte),
            1 if at < bytes.len() => {
                bytes.remove(at);
            }
            _ if at < bytes.len() => bytes[at] = byte,
            _ => bytes.push(byte),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A long `pts` list, around and beyond the limit of 1000.
fn many_points(rng: &mut Rng) -> String {
    let count = rng.below(2500);
    let points: Vec<String> = (0..count)
        .map(|_| match rng.below(20) {
            0 => rng.pick(VALUES).to_string(),
            1 => format!("{}:{}", f64::from_bits(rng.next_u64()), rng.below(3)),
            _ => format!("{}:{}", (rng.next_u64() % 20_000) as f64 / 100.0 - 100.0, rng.below(2)),
        })
        .collect();
    format!("pts={}", points.join(","))
}

/// Pasted CSV text: mostly good lines with bad ones mixed in.
pub fn csv(rng: &mut Rng) -> String {
    if rng.chance(5) {
        return random_text(rng, 300);
    }
    let most_lines = if rng.chance(10) { 1500 } else { 40 };
    let lines = rng.below(most_lines);
    let mut out = String::new();
    if rng.chance(2) {
        out.push_str("x,label\n");
    }
    for _ in 0..lines {
        match rng.below(10) {
            0 => out.push_str(rng.pick(VALUES)),
            1 => out.push_str(&random_text(rng, 12)),
            2 => out.push_str(&format!("{},{}", f64::from_bits(rng.next_u64()), rng.pick(VALUES))),
            _ => out.push_str(&format!(
                "{}{}{}",
                (rng.next_u64() % 2000) as f64 / 10.0 - 100.0,
                rng.pick(&[",", "\t", ";", " , "]),
                rng.pick(&["0", "1", "red", "green", "GREEN"]),
            )),
        }
        out.push_str(rng.pick(&["\n", "\r\n", "\n\n"]));
    }
    out
}
