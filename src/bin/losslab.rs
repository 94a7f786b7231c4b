//! `losslab`: the native command line.
//!
//! - `losslab eval [FILE|-]`: evaluate a JSON array of loss calls.
//! - `losslab figures --out DIR [--state QUERY]`: every figure as SVG.
//! - `losslab prerender [DIR]`: the built page with its article written in.
//! - `losslab --help`: the subcommands.

use std::io::Read;
use std::process::ExitCode;

const HELP: &str = "\
losslab: classification losses as Keras, Keras 3, PyTorch and exact math compute them

USAGE:
    losslab <SUBCOMMAND> [ARGS]

SUBCOMMANDS:
    eval [FILE|-]    Read a JSON array of calls (standard input when FILE is absent
                     or -) and print a JSON array of answers, one per call:
                     [{\"fn\": \"binary_crossentropy\",
                       \"args\": {\"y_true\": [0,0,1,1], \"y_pred\": [1,1,1,0]},
                       \"semantics\": \"keras\", \"dtype\": \"float32\"}]
                     -> [{\"result\": 11.522856712341309}]
                     A bad call gets {\"error\": \"...\"} in its slot. Exit 0; exit 2
                     when the input is not a JSON array.
    figures --out DIR [--state QUERY]
                     Write every figure as DIR/<name>.svg, drawn by the page's own
                     chart code. QUERY is the page's URL state, e.g.
                     \"gamma=3&ls=0.2&theme=dark\"; what it gets wrong is clamped
                     or ignored, and said on standard error. With embed=a,b in
                     QUERY, only those figures.
    figures --list   Print every figure's name, one a line, in page order.
    prerender [DIR]  Write the article into the built page DIR/index.html (as
                     Trunk builds it), and the Chinese page into
                     DIR/zh/index.html, each figure a still SVG picture of the
                     default state beside its page. DIR defaults to the folder
                     Trunk builds into when Trunk runs this as a hook
                     ($TRUNK_STAGING_DIR), else dist.
    help, --help     Print this help.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        None | Some("help" | "-h" | "--help") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("eval") => eval(rest),
        Some("figures") => figures(rest),
        // The article is written by the native build only (it reads and
        // writes the built page's files); `wasm-pack test` builds this
        // command for the page's target too, where it has no such verb.
        #[cfg(not(target_arch = "wasm32"))]
        Some("prerender") => prerender(rest),
        Some(other) => {
            eprintln!("losslab: unknown subcommand '{other}'\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

/// `losslab eval [FILE|-]`.
fn eval(args: &[String]) -> ExitCode {
    let input = match args {
        [] => read_stdin(),
        [path] if path == "-" => read_stdin(),
        [path] => std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}")),
        _ => Err("usage: losslab eval [FILE|-]".to_string()),
    };
    let input = match input {
        Ok(text) => text,
        Err(message) => {
            eprintln!("losslab eval: {message}");
            return ExitCode::from(2);
        }
    };
    match losslab::eval::eval_json(&input) {
        Ok(answers) => {
            println!("{answers}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("losslab eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn figures(args: &[String]) -> ExitCode {
    if args == ["--list"] {
        for figure in losslab::charts::Figure::ALL {
            println!("{}", figure.name());
        }
        return ExitCode::SUCCESS;
    }
    let mut out = None;
    let mut query = String::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--out", Some(dir)) => out = Some(std::path::PathBuf::from(dir)),
            ("--state", Some(q)) => query = q.clone(),
            _ => {
                eprintln!("usage: losslab figures --out DIR [--state QUERY]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(out) = out else {
        eprintln!("usage: losslab figures --out DIR [--state QUERY]");
        return ExitCode::from(2);
    };
    let location = losslab::page::url::read(&query);
    for notice in &location.notices {
        eprintln!("losslab figures: {}", notice.message().text(losslab::i18n::Lang::En));
    }
    let figures: Vec<_> = losslab::charts::Figure::ALL.into_iter().filter(|&f| location.view.shows(f)).collect();
    match losslab::charts::export::write_svgs(&out, &location.state, &figures) {
        Ok(paths) => {
            for path in paths {
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("losslab figures: cannot write to {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// `losslab prerender [DIR]`.
#[cfg(not(target_arch = "wasm32"))]
fn prerender(args: &[String]) -> ExitCode {
    let dir = match args {
        [] => std::env::var_os("TRUNK_STAGING_DIR").map_or_else(|| "dist".into(), std::path::PathBuf::from),
        [dir] => std::path::PathBuf::from(dir),
        _ => {
            eprintln!("usage: losslab prerender [DIR]");
            return ExitCode::from(2);
        }
    };
    match losslab::prerender::prerender(&dir) {
        Ok(written) => {
            eprintln!("losslab prerender: {} files in {}", written.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("losslab prerender: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn read_stdin() -> Result<String, String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(text)
}
