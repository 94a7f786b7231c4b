//! Fuzzing the readers of outside text with generated inputs: the URL
//! parser, the CSV reader and the JSON evaluator must answer everything
//! with a valid result and readable messages, never a panic.
//!
//! `LOSSLAB_FUZZ_CASES` inputs per reader (default 2 000; `scripts/fuzz`
//! runs 100 000 in release mode), from the seed `LOSSLAB_FUZZ_SEED`
//! (default fixed, so a failure reproduces).

#![cfg(not(target_arch = "wasm32"))]

mod eval_json;
mod generate;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use generate::Rng;
use losslab::state::{parse_points_csv, Lang, MAX_POINTS};

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|text| text.trim().parse().ok()).unwrap_or(default)
}

fn cases() -> u64 {
    env_number("LOSSLAB_FUZZ_CASES", 2_000)
}

fn rng(stream: u64) -> Rng {
    Rng::new(env_number("LOSSLAB_FUZZ_SEED", 0x0105_51ab) ^ stream)
}

/// Runs `check` on `cases` generated inputs; fails on the first input that
/// panics or breaks a rule, quoting it. Prints how many ran and how many of
/// them were answered with a message.
fn fuzz(name: &str, stream: u64, generate: impl Fn(&mut Rng) -> String, check: impl Fn(&str) -> Result<bool, String>) {
    let mut rng = rng(stream);
    let started = Instant::now();
    let (mut with_messages, mut bytes) = (0u64, 0usize);
    for case in 0..cases() {
        let input = generate(&mut rng);
        bytes += input.len();
        let quoted: String = format!("{input:?}").chars().take(2_000).collect();
        match catch_unwind(AssertUnwindSafe(|| check(&input))) {
            Ok(Ok(had_message)) => with_messages += u64::from(had_message),
            Ok(Err(broken)) => panic!("{name}, case {case}: {broken}\ninput: {quoted}"),
            Err(_) => panic!("{name}, case {case}: panicked\ninput: {quoted}"),
        }
    }
    println!(
        "{name}: {} inputs ({} KiB), {with_messages} answered with a message, 0 panics, {:.1?}",
        cases(),
        bytes / 1024,
        started.elapsed()
    );
}

/// The URL parser: a state within its ranges, at most 21 notices with
/// non-empty messages, and what it read writes back to a query that reads
/// the same without notice.
fn check_query(input: &str) -> Result<bool, String> {
    let parsed = losslab::page::url::read(input);
    if !parsed.state.is_within_ranges() {
        return Err(format!("state out of range: {:?}", parsed.state));
    }
    if parsed.notices.len() > 21 {
        return Err(format!("{} notices", parsed.notices.len()));
    }
    for notice in &parsed.notices {
        if notice.message().text(Lang::En).is_empty() || notice.message().text(Lang::Zh).is_empty() {
            return Err(format!("empty message for {notice:?}"));
        }
    }
    let query = losslab::page::url::write(&parsed.state, &parsed.view);
    let again = losslab::page::url::read(&query);
    if again.state != parsed.state || again.view != parsed.view || !again.notices.is_empty() {
        return Err(format!("rewritten as {query:?}, read back differently: {:?}", again.notices));
    }
    Ok(!parsed.notices.is_empty())
}

/// The CSV reader: points within the limit, or errors with messages.
fn check_csv(input: &str) -> Result<bool, String> {
    match parse_points_csv(input) {
        Ok(points) if points.is_empty() || points.len() > MAX_POINTS => Err(format!("{} points", points.len())),
        Ok(_) => Ok(false),
        Err(errors) if errors.is_empty() || errors.len() > 21 => Err(format!("{} errors", errors.len())),
        Err(errors) => {
            let silent =
                errors.iter().find(|e| e.message().text(Lang::En).is_empty() || e.message().text(Lang::Zh).is_empty());
            match silent {
                Some(error) => Err(format!("empty message for {error:?}")),
                None => Ok(true),
            }
        }
    }
}

#[test]
fn the_url_parser_answers_every_generated_query() {
    fuzz("from_query", 1, generate::query, check_query);
}

#[test]
fn the_csv_reader_answers_every_generated_paste() {
    fuzz("parse_points_csv", 2, generate::csv, check_csv);
}
