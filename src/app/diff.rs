//! `actorgraph diff OLD NEW`: read two builds back, compare them, report in the chosen
//! format on stdout or into a file (written atomically: a temporary file renamed into place).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::Outcome;
use crate::cli::{ColorChoice, DiffArgs, DiffFormat};
use actorgraph::diff::report::{self, Side, TextOptions};
use actorgraph::diff::{self, union};
use actorgraph::export::atomic;
use actorgraph::graph::KnowledgeGraph;

/// A validated diff configuration (no clap types beyond this point).
struct DiffConfig {
    old: PathBuf,
    new: PathBuf,
    format: DiffFormat,
    output: Option<PathBuf>,
    color: bool,
}

impl DiffConfig {
    fn from_args(args: DiffArgs) -> DiffConfig {
        let color = args.format == DiffFormat::Text
            && match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    args.output.is_none()
                        && io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
        DiffConfig {
            old: args.old,
            new: args.new,
            format: args.format,
            output: args.output,
            color,
        }
    }
}

/// Runs `actorgraph diff`.
pub fn run(args: DiffArgs) -> anyhow::Result<Outcome> {
    let config = DiffConfig::from_args(args);
    let old_path = graph_file(&config.old)?;
    let new_path = graph_file(&config.new)?;
    // Both files load at once: reading JSON-LD back is most of the time.
    let (old, new) = std::thread::scope(|s| {
        let old = s.spawn(|| load(&old_path));
        let new = load(&new_path);
        (old.join().expect("the loading thread does not panic"), new)
    });
    let (old, new) = (old?, new?);
    let diff = diff::diff(&old, &new);

    let old_label = config.old.display().to_string();
    let new_label = config.new.display().to_string();
    let old_side = Side {
        label: &old_label,
        graph: &old,
    };
    let new_side = Side {
        label: &new_label,
        graph: &new,
    };
    let write = |w: &mut dyn Write| -> io::Result<()> {
        match config.format {
            DiffFormat::Text => report::write_text(
                w,
                old_side,
                new_side,
                &diff,
                TextOptions {
                    color: config.color,
                },
            ),
            DiffFormat::Json => report::write_json(w, old_side, new_side, &diff),
            DiffFormat::Graphml => union::write_graphml(w, old_side, new_side, &diff),
            DiffFormat::Gexf => union::write_gexf(w, old_side, new_side, &diff),
            DiffFormat::Html => union::write_html(w, old_side, new_side, &diff),
        }
    };
    match &config.output {
        Some(path) => atomic::write(path, write)?,
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            write(&mut w).context("writing to stdout")?;
            w.flush().context("writing to stdout")?;
        }
    }
    let outcome = if diff.is_empty() {
        Outcome::Success
    } else {
        Outcome::Different
    };
    // Freeing two large graphs piece by piece takes most of a second on a big corpus and
    // the process ends right after: leave the memory to the OS.
    std::mem::forget((old, new, diff));
    Ok(outcome)
}

/// The `graph.jsonld` of an output folder, or the file itself.
fn graph_file(path: &Path) -> anyhow::Result<PathBuf> {
    if path.is_dir() {
        let file = path.join("graph.jsonld");
        if !file.is_file() {
            anyhow::bail!(
                "{} has no graph.jsonld (build with --format jsonld, or give the file)",
                path.display()
            );
        }
        Ok(file)
    } else if path.is_file() {
        Ok(path.to_path_buf())
    } else {
        anyhow::bail!("{} does not exist", path.display())
    }
}

fn load(path: &Path) -> anyhow::Result<KnowledgeGraph> {
    // The reader's errors name the file.
    Ok(actorgraph::export::jsonld::read_graph(path)?)
}
