//! Where a line of prose may break inside a formula.

use super::{lookup, Lang};

/// Relations and operators that stand between spaces in a formula.
const OPERATORS: &str = "=≠≈≤≥<>−+·×→";

/// Functions written before their argument with a space: "−log p_t".
const FUNCTIONS: [&str; 2] = ["log", "ln"];

/// An operand this short (its trailing punctuation aside) stays on the line
/// of the operator before it: "γ = 2", "1 − α", not "γ =" over "2".
const SHORT: usize = 4;

/// `text` with some spaces of its formulas made unbreakable (U+00A0), as a
/// typesetter breaks a formula: never before a relation or an operator that
/// stands between spaces, nor after one inside brackets, nor after one
/// before a short operand, nor between a function and its argument.
/// Elsewhere (between words, after "=" before a long operand) a line breaks
/// as before, so a long formula can still wrap.
///
/// ```
/// use losslab::i18n::unbroken_formulas;
/// let nb = |s: &str| s.replace(' ', "_").replace('\u{a0}', "~");
/// let formula = "by (1 − p_t)^γ, where γ = 2 and p = σ(w·x + b)";
/// assert_eq!(nb(&unbroken_formulas(formula.into())), "by_(1~−~p_t)^γ,_where_γ~=~2_and_p~=_σ(w·x~+~b)");
/// assert_eq!(nb(&unbroken_formulas("p_t near 1 (−log p_t)".into())), "p_t_near_1_(−log~p_t)");
/// ```
pub fn unbroken_formulas(text: String) -> String {
    // Most texts (numbers, plain words) have no formula: they are given back.
    if !text.chars().any(|c| OPERATORS.contains(c)) && !FUNCTIONS.iter().any(|f| text.contains(&format!("{f} "))) {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    // An operator with a space on each side (or the text's end after it).
    let operator = |i: usize| {
        i > 0
            && chars[i - 1] == ' '
            && chars.get(i).is_some_and(|c| OPERATORS.contains(*c))
            && chars.get(i + 1).is_none_or(|&c| c == ' ')
    };
    let short = |from: usize| {
        let operand: String = chars[from..].iter().take_while(|c| !c.is_whitespace()).collect();
        operand.trim_end_matches(|c: char| ",.;:!?)]，。；：）".contains(c)).chars().count() <= SHORT
    };
    // The word before `i` is a function name ("log", "−log", "(ln").
    let function = |i: usize| {
        let start = chars[..i].iter().rposition(|c| c.is_whitespace()).map_or(0, |space| space + 1);
        let word: String = chars[start..i].iter().collect();
        FUNCTIONS.contains(&word.trim_start_matches(['−', '(', '['].as_slice()))
    };
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ' ' if operator(i + 1) || (i > 0 && operator(i - 1) && (depth > 0 || short(i + 1))) || function(i) => {
                out.push('\u{a0}');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// The words of `key` as a `data-i18n` element of the page holds them, its
/// formulas unbroken: what the module writes there and the prerender too,
/// so that the module finds nothing to rewrite. `None` where the table
/// lacks the key.
pub fn element_text(lang: Lang, key: &str) -> Option<String> {
    lookup(lang, key).map(|text| unbroken_formulas(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> String {
        unbroken_formulas(text.into()).replace('\u{a0}', "~")
    }

    #[test]
    fn a_formula_breaks_after_a_relation_before_a_long_operand_only() {
        assert_eq!(marked("keeps (1 − 0.3)² = 49% of its loss"), "keeps (1~−~0.3)²~=~49% of its loss");
        assert_eq!(marked("a = ln(1 + K(1 − ε)/ε)."), "a~=~ln(1~+~K(1~−~ε)/ε).");
        assert_eq!(marked("[[0, 0, 1]]: CCE → 0.0020029922"), "[[0, 0, 1]]: CCE~→ 0.0020029922");
        assert_eq!(marked("α = 0.25, then"), "α~=~0.25, then");
    }

    #[test]
    fn words_signs_and_brackets_without_operators_are_left_alone() {
        assert_eq!(marked("cross-entropy −log p_t by (ln 2)"), "cross-entropy −log~p_t by (ln~2)");
        assert_eq!(marked("a catalog entry"), "a catalog entry");
        assert_eq!(marked("the log p of it"), "the log~p of it");
        for text in ["(p_t near 1)", "x > y", "no formula here", "a -> b", ""] {
            let expected = if text == "x > y" { "x~>~y" } else { text };
            assert_eq!(marked(text), expected);
        }
        assert_eq!(marked("γ = 2 时，x = 0.20 的点（红）"), "γ~=~2 时，x~=~0.20 的点（红）");
        // An unclosed bracket binds no more than its operators' spaces.
        assert_eq!(marked("(see y = 1 and the rest"), "(see y~=~1 and the rest");
    }
}
