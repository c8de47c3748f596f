//! `-f` and `-F`: printing what is appended to files as it comes. By descriptor, a file
//! is followed wherever it is renamed; by name (`--follow=name`, `-F`), the name is looked
//! up again at every turn, so a log that is rotated (renamed, removed, recreated) is
//! followed into its new file, with GNU's notes on stderr. GNU's tail hears of changes
//! from inotify; this one looks every `-s` seconds.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::Duration;
use wasmix_common::quote::{quoteaf, quotef};
use wasmix_common::{Failure, Output, describe_io_error, wasi_fs};

/// How `-f` waits and what it follows.
pub struct Following {
    /// Between looks (`-s`).
    pub interval: Duration,
    /// Whose end also ends it (`--pid`).
    pub pid: Option<u32>,
    /// `--follow=name`: the name, not the file it named at first.
    pub by_name: bool,
    /// `--retry`: a file that cannot be opened is tried again.
    pub retry: bool,
}

/// One file being followed.
struct Watched {
    name: String,
    file: Option<File>,
    /// What is printed of it so far.
    position: u64,
    /// Its inode when opened: how a name given to another file is noticed.
    inode: Option<u64>,
}

impl Watched {
    /// The file at its end, as the first output left it.
    fn open_at_end(name: &str) -> std::io::Result<Watched> {
        let mut file = File::open(name)?;
        let position = file.seek(SeekFrom::End(0))?;
        Ok(Watched {
            name: name.to_string(),
            inode: inode(name),
            file: Some(file),
            position,
        })
    }

    fn closed(name: &str) -> Watched {
        Watched {
            name: name.to_string(),
            file: None,
            position: 0,
            inode: None,
        }
    }

    /// Opens the name anew, from its start, saying why.
    fn reopen(&mut self, note: &str) {
        if let Ok(file) = File::open(&self.name) {
            crate::PROGRAM.warn(format!(
                "{} {note};  following new file",
                quoteaf(&self.name)
            ));
            self.file = Some(file);
            self.position = 0;
            self.inode = inode(&self.name);
        }
    }
}

fn inode(name: &str) -> Option<u64> {
    wasi_fs::identity(Path::new(name), true)
        .ok()
        .map(|identity| identity.inode)
}

impl Following {
    /// Follows `names` after their first output (which reported those it could not
    /// read) until killed, `--pid` ends, or nothing is left to follow.
    pub fn follow(&self, names: &[String], headers: bool, out: &mut Output) -> Result<u8, Failure> {
        let mut watched = Vec::new();
        // The file the first output ended with: more of it needs no new header.
        let mut shown = None;
        for name in names {
            // Standard input is not followed: a pipe's end is its end.
            if name == "-" {
                continue;
            }
            match Watched::open_at_end(name) {
                Ok(file) => {
                    shown = Some(watched.len());
                    watched.push(file);
                }
                Err(_) if self.retry => watched.push(Watched::closed(name)),
                Err(_) => {}
            }
        }
        let mut buffer = vec![0; 64 * 1024];
        loop {
            if watched.is_empty() {
                crate::PROGRAM.warn("no files remaining");
                return Ok(1);
            }
            // What became of the names: those gone first, then those now given to other
            // files, in the order GNU hears of a rotation (the old name leaves first).
            watched.retain_mut(|file| self.still_there(file));
            if watched.is_empty() {
                continue;
            }
            for file in &mut watched {
                self.renew(file);
            }
            let mut printed = false;
            for (index, file) in watched.iter_mut().enumerate() {
                if let Some(handle) = &mut file.file {
                    let size = handle.metadata()?.len();
                    if size < file.position {
                        crate::PROGRAM.warn(format!("{}: file truncated", quotef(&file.name)));
                        file.position = 0;
                    }
                    if size > file.position {
                        handle.seek(SeekFrom::Start(file.position))?;
                        let n = handle.read(&mut buffer)?;
                        if headers && shown != Some(index) {
                            write!(out, "\n==> {} <==\n", file.name)?;
                        }
                        shown = Some(index);
                        out.write_all(&buffer[..n])?;
                        out.flush()?;
                        file.position += n as u64;
                        printed = true;
                    }
                }
            }
            if printed {
                continue;
            }
            if let Some(pid) = self.pid
                && !Path::new(&format!("/proc/{pid}")).exists()
            {
                return Ok(0);
            }
            std::thread::sleep(self.interval);
        }
    }

    /// Whether a file followed by name is still there to follow: a name gone is told of,
    /// and given up unless `--retry`.
    fn still_there(&self, file: &mut Watched) -> bool {
        if !self.by_name || file.file.is_none() {
            return true;
        }
        let Err(e) = std::fs::metadata(&file.name) else {
            return true;
        };
        let reason = describe_io_error(&e);
        if !self.retry {
            crate::PROGRAM.warn(format!("{}: {reason}", quotef(&file.name)));
            return false;
        }
        crate::PROGRAM.warn(format!(
            "{} has become inaccessible: {reason}",
            quoteaf(&file.name)
        ));
        file.file = None;
        true
    }

    /// Opens the name anew where it has appeared, or (by name) now names another file.
    fn renew(&self, file: &mut Watched) {
        if file.file.is_none() {
            file.reopen("has appeared");
        } else if self.by_name && inode(&file.name) != file.inode {
            file.reopen("has been replaced");
        }
    }
}
