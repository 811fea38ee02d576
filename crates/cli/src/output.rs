//! Where `render` puts its bytes: a file, replaced whole or not at all, or stdout.
//!
//! A file is never written in place. The bytes go to a temporary file beside the target (same
//! directory, so the rename cannot cross file systems), which is flushed to disk (`fsync`) and
//! then renamed over the target: a reader sees the old file or the new one, never a part. If
//! anything fails on the way (disk full, a file-size limit, no permission), the temporary file
//! is removed, the target is left exactly as it was, and the error says what could not be
//! written. Overwriting keeps the file's permissions; a symbolic link is followed, so the file
//! it points to is the one replaced. Targets that are not regular files (`/dev/stdout`,
//! `/dev/null`, a named pipe) are written directly, since there is nothing to replace.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// Writes `bytes` to `path` (see the module docs), or to stdout when `path` is `-`.
pub fn write(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match path {
        Some(path) if path.as_os_str() != "-" => {
            write_file(path, bytes).with_context(|| format!("cannot write {}", path.display()))
        }
        _ => write_stdout(bytes),
    }
}

/// Stdout: a closed pipe (`skyscale render lanes | head`) is not an error; anything else (a
/// full disk behind `> file`) is.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve(path)?;
    let existing = fs::metadata(&target).ok();
    if let Some(meta) = &existing
        && !meta.is_file()
    {
        if meta.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "it is a directory",
            ));
        }
        // A device or a pipe: nothing to replace, and no temporary file belongs beside it.
        let mut f = fs::OpenOptions::new().write(true).open(&target)?;
        return f.write_all(bytes).and_then(|()| f.flush());
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = format!(
        ".{}.",
        target.file_name().unwrap_or_default().to_string_lossy()
    );
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // What a new file would get from `fs::write` (0666 less the umask); an existing file
        // keeps its own mode (set again below: the umask applies at creation).
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // Dropped on any error below, which deletes the temporary file.
    let mut tmp = builder.tempfile_in(dir)?;
    if let Some(meta) = &existing {
        fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    // The rename itself is durable once the directory is synced (best effort: not every
    // file system lets a directory be opened for that).
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The file a write to `path` should replace: `path` itself, or where a symbolic link at
/// `path` points (so the link stays a link).
fn resolve(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(real) => Ok(real),
            // A dangling link: create the file it names, relative to the link's folder.
            Err(_) => {
                let to = fs::read_link(path)?;
                Ok(match path.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                })
            }
        },
        _ => Ok(path.to_path_buf()),
    }
}
