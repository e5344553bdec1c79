//! Issue #22 (https://github.com/actorgraph/actorgraph/issues/22): the output folder is one
//! unit. After a kill at any moment of the write phase, or a full disk, it holds the old
//! build or the new one byte for byte, and the next run leaves no temporary file or folder.
//!
//! The kills and the full disk are injected through `ACTORGRAPH_FAULT` (see
//! `src/export/fault.rs`): a real `SIGKILL` the process sends itself at a chosen point, so
//! every point is hit on every run; `kill_9_at_staggered_moments` also kills the child
//! from outside. `scripts/kill-test.sh` does the same on the BBC corpus with random
//! moments and a real full file system. The articles are our own sentences.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const OLD: &str = "The city council approved the new budget on Monday.\n\n\
The mayor thanked the council and promised to cut waiting times at hospitals.\n";

const NEW: &str = "The union rejected the offer from the rail company on Tuesday.\n\n\
The minister urged both sides to resume talks and criticised the strike.\n";

/// A temporary folder with the two corpora, their reference builds and an output folder
/// holding the old build.
struct Setup {
    tmp: tempfile::TempDir,
    old_ref: BTreeMap<String, Vec<u8>>,
    new_ref: BTreeMap<String, Vec<u8>>,
}

impl Setup {
    fn new() -> Setup {
        let tmp = tempfile::tempdir().expect("tempdir");
        fs::create_dir(tmp.path().join("old")).expect("mkdir");
        fs::create_dir(tmp.path().join("new")).expect("mkdir");
        fs::write(tmp.path().join("old/a.txt"), OLD).expect("write");
        fs::write(tmp.path().join("new/b.txt"), NEW).expect("write");
        let refs = tmp.path().join("refs");
        let old_ref = build_ok(&tmp.path().join("old"), &refs.join("old"), None);
        let new_ref = build_ok(&tmp.path().join("new"), &refs.join("new"), None);
        assert_ne!(old_ref, new_ref, "the two builds differ");
        let setup = Setup {
            tmp,
            old_ref,
            new_ref,
        };
        build_ok(&setup.corpus("old"), &setup.out(), None);
        setup
    }

    fn corpus(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// The output folder, alone in its parent `work/`.
    fn out(&self) -> PathBuf {
        self.tmp.path().join("work/out")
    }

    /// Builds the new corpus into the output folder with `fault` injected.
    fn build_new_with(&self, fault: &str) -> Output {
        bin()
            .args([
                "build",
                s(&self.corpus("new")),
                "--out",
                s(&self.out()),
                "-q",
            ])
            .env("ACTORGRAPH_FAULT", fault)
            .output()
            .expect("the binary runs")
    }

    /// Whether the output folder equals the old or the new reference build.
    fn old_or_new(&self) -> &'static str {
        let now = contents(&self.out());
        if now == self.old_ref {
            "old"
        } else if now == self.new_ref {
            "new"
        } else {
            panic!(
                "the output folder is neither build: {:?}",
                now.keys().collect::<Vec<_>>()
            )
        }
    }

    /// Everything in `work/` besides the output folder, and in the output folder besides
    /// the outputs.
    fn leftovers(&self) -> Vec<String> {
        let mut left = names(&self.tmp.path().join("work"));
        left.retain(|n| n != "out");
        if self.out().is_dir() {
            left.extend(
                names(&self.out())
                    .into_iter()
                    .filter(|n| n.starts_with('.')),
            );
        }
        left
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Every file of a folder, by name, with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    names(dir)
        .into_iter()
        .map(|n| {
            let bytes = fs::read(dir.join(&n)).expect("read");
            (n, bytes)
        })
        .collect()
}

fn build_ok(input: &Path, out: &Path, fault: Option<&str>) -> BTreeMap<String, Vec<u8>> {
    let mut cmd = bin();
    cmd.args(["build", s(input), "--out", s(out), "-q"]);
    if let Some(f) = fault {
        cmd.env("ACTORGRAPH_FAULT", f);
    }
    let o = cmd.output().expect("the binary runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    contents(out)
}

#[cfg(unix)]
fn killed(o: &Output) -> bool {
    use std::os::unix::process::ExitStatusExt;
    o.status.signal() == Some(9)
}

#[cfg(unix)]
#[test]
fn a_kill_at_any_point_of_the_write_phase_leaves_the_old_or_the_new_build() {
    let points = [
        "kill-after-files:1",
        "kill-after-files:3",
        "kill-after-files:6",
        "kill-after-files:7",
        "kill-before-swap",
        "kill-after-swap",
    ];
    for point in points {
        let setup = Setup::new();
        let o = setup.build_new_with(point);
        assert!(killed(&o), "{point}: not killed: {}", stderr(&o));
        let expected = if point == "kill-after-swap" {
            "new"
        } else {
            "old"
        };
        assert_eq!(setup.old_or_new(), expected, "{point}");
        assert!(!setup.leftovers().is_empty(), "{point}: the kill left work");
        // the next run removes what the killed one left
        build_ok(&setup.corpus("new"), &setup.out(), None);
        assert_eq!(setup.old_or_new(), "new", "{point}");
        assert_eq!(setup.leftovers(), Vec::<String>::new(), "{point}");
    }
}

#[cfg(unix)]
#[test]
fn the_fallback_swap_is_restored_after_a_kill_between_its_renames() {
    let setup = Setup::new();
    // without the atomic exchange: two renames, which are complete when nothing kills them
    build_ok(&setup.corpus("new"), &setup.out(), Some("no-exchange"));
    assert_eq!(setup.old_or_new(), "new");
    assert_eq!(setup.leftovers(), Vec::<String>::new());

    let setup = Setup::new();
    let o = setup.build_new_with("kill-mid-fallback");
    assert!(killed(&o), "{}", stderr(&o));
    assert!(!setup.out().exists(), "killed between the renames");
    // the next run puts the old build back first, then replaces it
    let o = setup.build_new_with("kill-before-swap");
    assert!(killed(&o), "{}", stderr(&o));
    assert_eq!(setup.old_or_new(), "old");
    build_ok(&setup.corpus("new"), &setup.out(), None);
    assert_eq!(setup.old_or_new(), "new");
    assert_eq!(setup.leftovers(), Vec::<String>::new());
}

#[test]
fn a_full_disk_keeps_the_old_build_and_leaves_nothing() {
    for file in 1..=7 {
        let setup = Setup::new();
        let o = setup.build_new_with(&format!("full-disk-at-file:{file}"));
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("No space left"), "{}", stderr(&o));
        assert_eq!(setup.old_or_new(), "old", "file {file}");
        assert_eq!(setup.leftovers(), Vec::<String>::new(), "file {file}");
    }
}

#[cfg(unix)]
#[test]
fn kill_9_at_staggered_moments() {
    let setup = Setup::new();
    let started = Instant::now();
    build_ok(&setup.corpus("new"), &setup.tmp.path().join("timing"), None);
    let whole = started.elapsed();
    for i in 0..8u32 {
        let mut child = bin()
            .args([
                "build",
                s(&setup.corpus("new")),
                "--out",
                s(&setup.out()),
                "-q",
            ])
            .spawn()
            .expect("spawn");
        std::thread::sleep(whole * i / 8 + whole / 16);
        let _ = child.kill();
        let _ = child.wait();
        setup.old_or_new();
        // back to the old build for the next kill
        build_ok(&setup.corpus("old"), &setup.out(), None);
        assert_eq!(setup.leftovers(), Vec::<String>::new(), "kill {i}");
    }
}

#[test]
fn files_that_are_not_ours_are_kept_and_folders_refused() {
    let setup = Setup::new();
    let out = setup.out();
    fs::write(out.join("notes.txt"), "mine").expect("write");
    fs::write(out.join(".graph.gexf.a1B2c3.tmp"), "left by an old version").expect("write");
    let o = bin()
        .args(["build", s(&setup.corpus("new")), "--out", s(&out), "--json"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).expect("summary");
    assert!(
        summary["kept"][0]
            .as_str()
            .is_some_and(|k| k.ends_with("notes.txt"))
    );
    let mut now = contents(&out);
    assert_eq!(now.remove("notes.txt").as_deref(), Some(&b"mine"[..]));
    assert_eq!(now, setup.new_ref, "the temporary file is gone");

    fs::create_dir(out.join("photos")).expect("mkdir");
    let o = setup.build_new_with("");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("holds photos, a folder"),
        "{}",
        stderr(&o)
    );
    assert!(out.join("photos").is_dir());
    assert_eq!(setup.leftovers(), Vec::<String>::new());
}

#[test]
fn the_current_folder_is_refused_as_output() {
    let setup = Setup::new();
    let o = bin()
        .args(["build", s(&setup.corpus("new")), "--out", "."])
        .current_dir(setup.out())
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is the current folder"),
        "{}",
        stderr(&o)
    );
    assert_eq!(setup.old_or_new(), "old");
}

#[cfg(unix)]
#[test]
fn a_linked_output_folder_stays_a_link() {
    let setup = Setup::new();
    let link = setup.tmp.path().join("link");
    std::os::unix::fs::symlink(setup.out(), &link).expect("symlink");
    build_ok(&setup.corpus("new"), &link, None);
    assert!(fs::symlink_metadata(&link).expect("stat").is_symlink());
    assert_eq!(setup.old_or_new(), "new");
    assert_eq!(setup.leftovers(), Vec::<String>::new());
}

#[test]
fn a_staging_folder_is_never_read_as_input() {
    let setup = Setup::new();
    let corpus = setup.corpus("new");
    let stale = corpus.join(".out.actorgraph-new-1-aB3dE5gH");
    fs::create_dir(&stale).expect("mkdir");
    fs::write(stale.join("c.txt"), OLD).expect("write");
    let o = bin()
        .args(["build", s(&corpus), "--out", s(&setup.out()), "--json"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).expect("summary");
    assert_eq!(summary["documents"], 1, "{summary}");
}
