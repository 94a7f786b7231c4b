//! JSON ⇄ numbers: nested arrays with `"inf"`, `"-inf"`, `"nan"` strings.

use serde_json::{Number, Value};

use crate::core::array::NdArray;

/// A number from JSON: a JSON number, or one of the strings `"inf"`,
/// `"-inf"`, `"nan"` (also `"Infinity"`, `"-Infinity"`, `"NaN"`).
pub fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
            "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
            "nan" => Some(f64::NAN),
            _ => None,
        },
        _ => None,
    }
}

/// A nested JSON array (or a single number) as an [`NdArray`]; ragged nesting
/// or a non-numeric entry is an error, described in words.
pub fn array(v: &Value) -> Result<NdArray<f64>, String> {
    let mut shape = Vec::new();
    // The shape comes from the first element at each depth.
    let mut probe = v;
    while let Value::Array(items) = probe {
        shape.push(items.len());
        match items.first() {
            Some(first) => probe = first,
            None => break,
        }
    }
    let mut data = Vec::with_capacity(shape.iter().product());
    fill(v, &shape, &mut data)?;
    Ok(NdArray { shape, data })
}

fn fill(v: &Value, shape: &[usize], out: &mut Vec<f64>) -> Result<(), String> {
    match (v, shape.split_first()) {
        (Value::Array(items), Some((&n, rest))) => {
            if items.len() != n {
                return Err(format!("is ragged: a list has {} entries where {} were expected", items.len(), n));
            }
            items.iter().try_for_each(|item| fill(item, rest, out))
        }
        (Value::Array(_), None) => Err("is ragged: a list appears where a number was expected".into()),
        (_, Some(_)) => Err("is ragged: a number appears where a list was expected".into()),
        (other, None) => match number(other) {
            Some(x) => {
                out.push(x);
                Ok(())
            }
            None => Err(format!("contains {}, which is not a number", describe(other))),
        },
    }
}

/// A short description of a JSON value for messages.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::String(s) if s.chars().count() <= 20 => format!("the string \"{s}\""),
        Value::String(_) => "a string".into(),
        Value::Number(n) => n.to_string(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A JSON value as it was written, cut short for a message: the same text
/// in every language, unlike [`describe`].
pub fn written(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(39).collect::<String>())
    } else {
        text
    }
}

/// A number as JSON; non-finite ones as `"inf"`, `"-inf"`, `"nan"`.
pub fn to_json(x: f64) -> Value {
    if x.is_nan() {
        Value::String("nan".into())
    } else if x.is_infinite() {
        Value::String(if x > 0.0 { "inf" } else { "-inf" }.into())
    } else {
        Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

/// An array as nested JSON lists (a scalar as a number).
pub fn array_to_json(a: &NdArray<f64>) -> Value {
    fn nest(shape: &[usize], data: &[f64]) -> Value {
        match shape.split_first() {
            None => data.first().copied().map_or(Value::Null, to_json),
            Some((&n, rest)) => {
                let step: usize = rest.iter().product();
                Value::Array((0..n).map(|i| nest(rest, &data[i * step..(i + 1) * step])).collect())
            }
        }
    }
    nest(&a.shape, &a.data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_lists_become_arrays() {
        let a = array(&json!([[1, 2], [3, "inf"]])).unwrap();
        assert_eq!(a.shape, vec![2, 2]);
        assert_eq!(a.data[3], f64::INFINITY);
        assert!(array(&json!([[1, 2], [3]])).is_err());
        assert!(array(&json!([1, [2]])).is_err());
        assert!(array(&json!([true])).is_err());
        assert_eq!(array(&json!([])).unwrap().shape, vec![0]);
        assert_eq!(array_to_json(&a), json!([[1.0, 2.0], [3.0, "inf"]]));
    }
}
