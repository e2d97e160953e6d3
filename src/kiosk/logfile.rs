//! A size-capped log file for kiosks, so staff can read what happened overnight without the
//! disk ever filling up.
//!
//! How it works: [`CappedLog`] appends to `path` (e.g. `nextword-kiosk.log`); when a write would
//! take the file past `max_bytes` it renames the file to `path.1` (replacing the older one) and
//! starts a new `path`. At most two files exist, so the logs never take more than about
//! `2 * max_bytes`. [`Tee`] also copies everything to stderr. Both are `Write + Send`, so they
//! plug into env_logger: [`kiosk_log_target`] gives an `env_logger::Target::Pipe`.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An append-only log file that rotates to `<path>.1` when it reaches `max_bytes`.
pub struct CappedLog {
    path: PathBuf,
    max_bytes: u64,
    file: File,
    len: u64,
}

impl CappedLog {
    /// Opens (or creates) `path` for appending; `max_bytes` is at least 1 KiB.
    pub fn open(path: &Path, max_bytes: u64) -> io::Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let len = file.metadata()?.len();
        Ok(Self {
            path: path.to_owned(),
            max_bytes: max_bytes.max(1024),
            file,
            len,
        })
    }

    /// The rotated file: `<path>.1`.
    pub fn rotated_path(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".1");
        PathBuf::from(name)
    }

    fn rotate(&mut self) -> io::Result<()> {
        self.file.flush()?;
        std::fs::rename(&self.path, self.rotated_path())?;
        self.file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&self.path)?;
        self.len = 0;
        Ok(())
    }
}

impl Write for CappedLog {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // A write longer than the cap is taken in parts, so one huge message cannot break the cap.
        let buf = &buf[..buf.len().min(self.max_bytes as usize)];
        if self.len > 0 && self.len + buf.len() as u64 > self.max_bytes {
            self.rotate()?;
        }
        let n = self.file.write(buf)?;
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Writes to both `a` and `b`; an error of `b` (e.g. a full disk) does not stop `a`.
pub struct Tee<A, B> {
    pub a: A,
    pub b: B,
}

impl<A: Write, B: Write> Write for Tee<A, B> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.a.write(buf)?;
        let _ = self.b.write_all(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        let _ = self.b.flush();
        self.a.flush()
    }
}

/// An env_logger target writing to stderr and to a capped log file at `path`.
///
/// ```no_run
/// let target = nextword::kiosk::logfile::kiosk_log_target("nextword-kiosk.log".as_ref(), 4 << 20)?;
/// env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info"))
///     .target(target)
///     .init();
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn kiosk_log_target(path: &Path, max_bytes: u64) -> io::Result<env_logger::Target> {
    let file = CappedLog::open(path, max_bytes)?;
    Ok(env_logger::Target::Pipe(Box::new(Tee {
        a: io::stderr(),
        b: file,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("nextword-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn size(path: &Path) -> u64 {
        std::fs::metadata(path).map_or(0, |m| m.len())
    }

    #[test]
    fn writing_far_past_the_cap_keeps_two_bounded_files() {
        let dir = temp_dir("capped-log");
        let path = dir.join("kiosk.log");
        let mut log = CappedLog::open(&path, 4096).unwrap();
        let line = "[2026-12-01T03:14:15Z INFO nextword] frame 12345 at 60.0 fps, epoch 900\n";
        for _ in 0..2000 {
            log.write_all(line.as_bytes()).unwrap();
        }
        log.flush().unwrap();
        let (cur, old) = (size(&path), size(&log.rotated_path()));
        assert!(cur <= 4096 && old <= 4096, "{cur} {old}");
        assert!(
            old > 4096 - line.len() as u64,
            "the rotated file is nearly full: {old}"
        );
        let files = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(files, 2);
        // Whole lines survive rotation.
        let text = std::fs::read_to_string(log.rotated_path()).unwrap();
        assert!(text.lines().all(|l| l == line.trim_end()), "{text}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn reopening_continues_the_count_and_huge_writes_stay_capped() {
        let dir = temp_dir("capped-log-reopen");
        let path = dir.join("kiosk.log");
        std::fs::write(&path, vec![b'x'; 3000]).unwrap();
        let mut log = CappedLog::open(&path, 4096).unwrap();
        log.write_all(&[b'y'; 2000]).unwrap(); // 3000 + 2000 > 4096: rotates first
        assert_eq!(size(&log.rotated_path()), 3000);
        assert_eq!(size(&path), 2000);
        log.write_all(&vec![b'z'; 100_000]).unwrap(); // in parts, rotating
        assert!(size(&path) <= 4096 && size(&log.rotated_path()) <= 4096);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn tee_writes_both() {
        let mut t = Tee {
            a: Vec::new(),
            b: Vec::new(),
        };
        t.write_all(b"hello\n").unwrap();
        assert_eq!(t.a, b"hello\n");
        assert_eq!(t.b, b"hello\n");
    }
}
