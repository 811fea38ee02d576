//! `render --out FILE` replaces the file whole or not at all: a write cut short by a file-size
//! limit (as a full disk would) exits 1 with a message, leaves an existing file byte for byte
//! as it was (and no half-written new one), and leaves no temporary file behind; a successful
//! write equals what stdout gets, keeps an existing file's permissions, follows a symbolic
//! link, and leaves devices such as `/dev/null` alone.
//!
//! The limit is a real one: each run goes through `bash -c "trap '' XFSZ; ulimit -f 4; …"`, so
//! the kernel refuses every byte past 4 KiB (with the signal ignored, `write` fails with EFBIG).

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_skyscale");

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("skyscale-safe-write-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn skyscale(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("runs")
}

/// Runs `skyscale ARGS` with writes limited to `kib` KiB (`ulimit -f`, SIGXFSZ ignored).
fn limited(kib: u32, args: &[&str], dir: &Path) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {kib}; exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("bash runs")
}

/// Runs `skyscale` with `dir` as its working folder.
fn skyscale_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The three formats, each with a scenario whose file is well over 4 KiB.
const CASES: &[(&str, &str, &str)] = &[
    ("lanes", "svg", "x.svg"),
    ("stack", "png", "x.png"),
    ("traffic", "csv", "x.csv"),
];

fn stdout_of(view: &str, format: &str) -> Vec<u8> {
    let out = skyscale(&[
        "render",
        view,
        "--format",
        format,
        "--scenario",
        "peak=3000&pat=flash",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.len() > 8 * 1024,
        "{view} {format}: only {} bytes",
        out.stdout.len()
    );
    out.stdout
}

#[test]
fn a_write_cut_short_keeps_the_old_file_and_leaves_nothing_behind() {
    for &(view, format, file) in CASES {
        let dir = scratch(&format!("cut-{format}"));
        let good = b"the user's good file\n".repeat(10);
        fs::write(dir.join(file), &good).unwrap();
        let args = [
            "render",
            view,
            "--format",
            format,
            "--scenario",
            "peak=3000&pat=flash",
            "--out",
            file,
        ];
        let out = limited(4, &args, &dir);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{view} {format}: {err}");
        assert!(
            err.contains("cannot write") && err.contains(file),
            "{view} {format}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        let now = fs::read(dir.join(file)).unwrap();
        assert!(
            now == good,
            "{view} {format}: the old file changed ({} bytes now)",
            now.len()
        );
        assert_eq!(listing(&dir), [file], "{view} {format}: left behind");
        let _ = fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_write_cut_short_creates_no_partial_file() {
    for &(view, format, file) in CASES {
        let dir = scratch(&format!("new-{format}"));
        let args = [
            "render",
            view,
            "--format",
            format,
            "--scenario",
            "peak=3000&pat=flash",
            "--out",
            file,
        ];
        let out = limited(4, &args, &dir);
        assert_eq!(out.status.code(), Some(1), "{view} {format}");
        assert!(
            listing(&dir).is_empty(),
            "{view} {format}: {:?}",
            listing(&dir)
        );
        let _ = fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_complete_write_equals_stdout_and_keeps_the_mode() {
    for &(view, format, file) in CASES {
        let dir = scratch(&format!("ok-{format}"));
        let expected = stdout_of(view, format);
        let target = dir.join(file);
        fs::write(&target, b"old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
        // Room for the file: the limit only matters when it is reached.
        let limit = (expected.len() / 1024 + 2) as u32;
        let args = [
            "render",
            view,
            "--format",
            format,
            "--scenario",
            "peak=3000&pat=flash",
            "--out",
            file,
        ];
        let out = limited(limit, &args, &dir);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        let written = fs::read(&target).unwrap();
        assert!(
            written == expected,
            "{view} {format}: {} bytes written",
            written.len()
        );
        assert_eq!(
            fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(listing(&dir), [file]);
        let _ = fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_new_file_gets_the_usual_mode() {
    let dir = scratch("mode");
    let out = Command::new("bash")
        .arg("-c")
        .arg("umask 022; exec \"$0\" render stack --out new.svg")
        .arg(BIN)
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mode = fs::metadata(dir.join("new.svg"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o644, "{mode:o}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_symbolic_link_is_followed_and_stays_a_link() {
    let dir = scratch("link");
    fs::create_dir(dir.join("real")).unwrap();
    fs::write(dir.join("real/figure.svg"), b"old").unwrap();
    std::os::unix::fs::symlink("real/figure.svg", dir.join("link.svg")).unwrap();
    let out = Command::new(BIN)
        .args(["render", "stack", "--out", "link.svg"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        fs::symlink_metadata(dir.join("link.svg"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let svg = fs::read_to_string(dir.join("real/figure.svg")).unwrap();
    assert!(svg.starts_with("<?xml"), "{svg}");
    assert_eq!(listing(&dir.join("real")), ["figure.svg"]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn devices_and_stdout_are_written_directly() {
    let out = skyscale(&["render", "stack", "--out", "/dev/null"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta = fs::metadata("/dev/null").unwrap();
    assert!(!meta.is_file(), "/dev/null is still a device");

    // `--out -` and no `--out` print the same bytes.
    let dash = skyscale(&["render", "lanes", "--out", "-"]);
    let none = skyscale(&["render", "lanes"]);
    assert!(dash.status.success() && none.status.success());
    assert!(dash.stdout.starts_with(b"<?xml"));
    assert_eq!(dash.stdout, none.stdout);
}

#[test]
fn stdout_cut_short_by_a_full_file_is_an_error() {
    // `> x.svg` under the limit: the shell opens the file, skyscale's writes hit the limit.
    let dir = scratch("stdout");
    let out = Command::new("bash")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 4; exec \"$0\" render lanes --scenario 'peak=3000&pat=flash' > x.svg")
        .arg(BIN)
        .current_dir(&dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("standard output"), "{err}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_is_not_replaced() {
    let dir = scratch("folder");
    fs::create_dir(dir.join("figure.svg")).unwrap();
    let out = Command::new(BIN)
        .args(["render", "stack", "--out", "figure.svg"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(dir.join("figure.svg").is_dir());
    assert_eq!(listing(&dir), ["figure.svg"]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_format_that_contradicts_the_file_name_is_refused_and_writes_nothing() {
    for (format, file, named) in [
        ("svg", "e.png", "png"),
        ("png", "e.svg", "svg"),
        ("csv", "e.SVG", "svg"),
    ] {
        let dir = scratch(&format!("mismatch-{format}"));
        let out = skyscale_in(
            &dir,
            &["render", "traffic", "--format", format, "--out", file],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format} {file}: {err}");
        assert!(
            err.contains(&format!("'--format {format}'"))
                && err.contains(file)
                && err.contains(&format!("a .{named} file")),
            "{format} {file}: {err}"
        );
        assert!(
            listing(&dir).is_empty(),
            "{format} {file}: wrote {:?}",
            listing(&dir)
        );
        let _ = fs::remove_dir_all(&dir);
    }
    // A name of no known kind, or a matching one, is written as asked.
    for (format, file) in [("svg", "e.txt"), ("png", "e.PNG"), ("svg", "figure")] {
        let dir = scratch(&format!("match-{format}-{file}"));
        let out = skyscale_in(
            &dir,
            &["render", "stack", "--format", format, "--out", file],
        );
        assert!(
            out.status.success(),
            "{format} {file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = fs::read(dir.join(file)).unwrap();
        let png = bytes.starts_with(b"\x89PNG");
        assert_eq!(png, format == "png", "{format} {file}");
        let _ = fs::remove_dir_all(&dir);
    }
}
