//! The seeded generator every data set comes from: SplitMix64 for the bits,
//! Box–Muller for normal draws, Fisher–Yates for shuffles.
//!
//! Written here rather than taken from a crate, for two reasons. The same
//! seed must give the same points everywhere: natively, in `losslab eval` and
//! in the page's WebAssembly, today and after any dependency update (the
//! `rand` crates promise no stable stream across versions). And the page's
//! download is a budget: this is a few dozen lines.
//!
//! Bit for bit means no platform maths library either: `f64::ln` and
//! `f64::cos` call the system's libm natively and a different one in wasm,
//! and the two may differ in the last bit. [`portable_ln`] and
//! [`portable_cos_turns`] use only `+ − × ÷` and `sqrt`, which IEEE 754
//! rounds the same way on every machine.

use std::f64::consts::{LN_2, PI, SQRT_2};

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", 2014; the constants of Vigna's reference `splitmix64.c`):
/// a 64-bit counter stepped by the golden ratio, each value scrambled by
/// [`mix`]. Passes BigCrush; plenty for a few hundred points.
///
/// ```
/// use losslab::core::random::SplitMix64;
/// // The first output of Vigna's reference code seeded with 0.
/// assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function (a variant of MurmurHash3's finaliser):
/// every input bit flips about half the output bits.
pub fn mix(z: u64) -> u64 {
    let z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a, 64 bits: a fixed hash of a stream's name.
fn fnv1a(name: &str) -> u64 {
    name.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3))
}

impl SplitMix64 {
    /// The generator whose first output is `mix(seed + γ)`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// An independent stream of `seed` for one purpose, named like
    /// `"overlap/points"`: seeded with `mix(seed ⊕ mix(fnv1a(name)))`, so two
    /// names never share a stream (plain SplitMix64 seeds that differ by a
    /// multiple of its step would give shifted copies of one sequence).
    ///
    /// ```
    /// use losslab::core::random::SplitMix64;
    /// let mut a = SplitMix64::stream(1, "overlap/points");
    /// let mut b = SplitMix64::stream(1, "overlap/split");
    /// assert_ne!(a.next_u64(), b.next_u64());
    /// assert_eq!(SplitMix64::stream(1, "x"), SplitMix64::stream(1, "x"));
    /// ```
    pub fn stream(seed: u64, name: &str) -> SplitMix64 {
        SplitMix64::new(mix(seed ^ mix(fnv1a(name))))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix(self.state)
    }

    /// Uniform in [0, 1): the top 53 bits, so every value is a multiple of 2⁻⁵³.
    ///
    /// ```
    /// use losslab::core::random::SplitMix64;
    /// let mut g = SplitMix64::new(7);
    /// assert!((0..1000).map(|_| g.uniform()).all(|u| (0.0..1.0).contains(&u)));
    /// ```
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi).
    pub fn uniform_in(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }

    /// A whole number in `0..n`, each equally likely (Lemire's multiply and
    /// reject, so there is no modulo bias). `n` must be at least 1.
    ///
    /// ```
    /// use losslab::core::random::SplitMix64;
    /// let mut g = SplitMix64::new(3);
    /// assert!((0..1000).all(|_| g.below(6) < 6));
    /// ```
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "below(0) has no value to return");
        let mut m = self.next_u64() as u128 * n as u128;
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = self.next_u64() as u128 * n as u128;
            }
        }
        (m >> 64) as u64
    }

    /// A standard normal draw by Box–Muller from two uniforms `u₁`, `u₂`:
    /// `√(−2·ln(1 − u₁))·cos(2π·u₂)` (the sine half is not used, so each
    /// draw takes exactly two uniforms and the stream stays easy to follow).
    ///
    /// ```
    /// use losslab::core::random::SplitMix64;
    /// let mut g = SplitMix64::new(11);
    /// let z: Vec<f64> = (0..20000).map(|_| g.normal()).collect();
    /// let mean = z.iter().sum::<f64>() / z.len() as f64;
    /// let var = z.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / z.len() as f64;
    /// assert!(mean.abs() < 0.03 && (var - 1.0).abs() < 0.03);
    /// ```
    pub fn normal(&mut self) -> f64 {
        let u1 = self.uniform();
        let u2 = self.uniform();
        // 1 − u₁ is in (0, 1], so the log is finite.
        (-2.0 * portable_ln(1.0 - u1)).sqrt() * portable_cos_turns(u2)
    }

    /// Shuffles in place (Fisher–Yates, from the last element down).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// The natural logarithm of a positive normal number from `+ − × ÷` only:
/// `x = m·2ᵉ` with `m` in [√½, √2), then
/// `ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …)`, `s = (m − 1)/(m + 1)`,
/// `|s| ≤ 0.172`, summed to 13 terms (past f64's precision). Within a few
/// ulps of `f64::ln`, and the same bits on every machine. 0 or less, a
/// subnormal, ∞ or NaN gives NaN (the generator never asks for those).
///
/// ```
/// use losslab::core::random::portable_ln;
/// assert_eq!(portable_ln(1.0), 0.0);
/// assert!((portable_ln(10.0) - 10f64.ln()).abs() < 1e-15);
/// assert!((portable_ln(1e-16) - 1e-16f64.ln()).abs() < 1e-13);
/// ```
pub fn portable_ln(x: f64) -> f64 {
    if !(x.is_normal() && x > 0.0) {
        return f64::NAN;
    }
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m >= SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // Horner from the 13th term down: 1/25, 1/23, …, 1/1.
    let mut sum = 0.0;
    for k in (0..13).rev() {
        sum = sum * s2 + 1.0 / (2 * k + 1) as f64;
    }
    e as f64 * LN_2 + 2.0 * s * sum
}

/// `cos(2π·t)` for `t` in turns, from `+ − × ÷` only: symmetry folds `t`
/// into [0, ⅛] of a turn, where a Taylor series to x¹⁸ is past f64's
/// precision. Within a few ulps of `(2π·t).cos()`, and the same bits on
/// every machine. The folds `1 − t`, `½ − t`, `¼ − t` are exact for the
/// generator's `t` (multiples of 2⁻⁵³ in [0, 1)).
///
/// ```
/// use losslab::core::random::portable_cos_turns;
/// assert_eq!(portable_cos_turns(0.0), 1.0);
/// assert_eq!(portable_cos_turns(0.5), -1.0);
/// assert!(portable_cos_turns(0.25).abs() < 1e-16);
/// assert!((portable_cos_turns(0.1) - (0.2 * std::f64::consts::PI).cos()).abs() < 1e-15);
/// ```
pub fn portable_cos_turns(t: f64) -> f64 {
    let t = t - t.floor();
    // cos(2π(1 − t)) = cos(2πt): fold into [0, ½].
    let t = if t > 0.5 { 1.0 - t } else { t };
    // cos(2π(½ − t)) = −cos(2πt): fold into [0, ¼].
    let (t, sign) = if t > 0.25 { (0.5 - t, -1.0) } else { (t, 1.0) };
    // cos(2πt) = sin(2π(¼ − t)): fold into [0, ⅛].
    if t > 0.125 {
        sign * taylor_sin(2.0 * PI * (0.25 - t))
    } else {
        sign * taylor_cos(2.0 * PI * t)
    }
}

/// `cos x` for |x| ≤ π/4: `Σ (−x²)ᵏ/(2k)!`, k = 0 … 9.
fn taylor_cos(x: f64) -> f64 {
    let x2 = x * x;
    let mut sum = 0.0;
    for k in (0..10).rev() {
        // 1 − x²/((2k+1)(2k+2))·(…), nested.
        sum = 1.0 - x2 / ((2 * k + 1) * (2 * k + 2)) as f64 * sum;
    }
    sum
}

/// `sin x` for |x| ≤ π/4: `x·Σ (−x²)ᵏ/(2k+1)!`, k = 0 … 9.
fn taylor_sin(x: f64) -> f64 {
    let x2 = x * x;
    let mut sum = 0.0;
    for k in (0..10).rev() {
        sum = 1.0 - x2 / ((2 * k + 2) * (2 * k + 3)) as f64 * sum;
    }
    x * sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portable_ln_is_within_a_few_ulps_of_the_platform_ln() {
        let mut g = SplitMix64::new(5);
        for _ in 0..20000 {
            let x = 1.0 - g.uniform();
            let (ours, theirs) = (portable_ln(x), x.ln());
            assert!((ours - theirs).abs() <= 4.0 * f64::EPSILON * theirs.abs().max(1.0), "ln({x}): {ours} vs {theirs}");
        }
        // Either side of the fold at √2, and far out.
        for x in [0.5, 2.0, 3.0, 1e300, 1e-300, SQRT_2, SQRT_2 * (1.0 - f64::EPSILON), 0.5 * SQRT_2] {
            assert!((portable_ln(x) - x.ln()).abs() <= 4.0 * f64::EPSILON * x.ln().abs().max(1.0), "ln({x})");
        }
        assert!(portable_ln(0.0).is_nan() && portable_ln(-1.0).is_nan() && portable_ln(f64::INFINITY).is_nan());
    }

    #[test]
    fn portable_cos_is_within_a_few_ulps_of_the_platform_cos() {
        let mut g = SplitMix64::new(6);
        for _ in 0..20000 {
            let t = g.uniform();
            let (ours, theirs) = (portable_cos_turns(t), (2.0 * PI * t).cos());
            assert!((ours - theirs).abs() <= 4.0 * f64::EPSILON, "cos(2π·{t}): {ours} vs {theirs}");
        }
    }

    #[test]
    fn below_covers_its_range_evenly() {
        let mut g = SplitMix64::new(9);
        let mut counts = [0usize; 5];
        for _ in 0..50000 {
            counts[g.below(5) as usize] += 1;
        }
        assert!(counts.iter().all(|&c| (9500..10500).contains(&c)), "{counts:?}");
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut items: Vec<u32> = (0..100).collect();
        SplitMix64::new(4).shuffle(&mut items);
        assert_ne!(items, (0..100).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..100).collect::<Vec<_>>());
    }
}
