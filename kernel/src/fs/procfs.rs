//! /proc: the process table as files, generated when opened.
//!
//! ```text
//! /proc/PID/cmdline   arguments, each ended by NUL
//! /proc/PID/environ   environment, NAME=value each ended by NUL
//! /proc/PID/stat      Linux's one line of 52 numbers (state, ppid, CPU ticks, nice,
//!                     start time, memory, signal masks), for ps-like readers
//! /proc/PID/status    name, state, pid, ppid, memory in use, CPU time, signal masks
//! /proc/PID/mounts    the process's namespace
//! /proc/PID/cwd       link to its working directory
//! /proc/self          link to the asking process
//! /proc/mounts        link to self/mounts
//! /proc/cpuinfo       a `processor` entry for each CPU the host offers (for nproc)
//! /proc/uptime        seconds since boot, and the CPUs' idle seconds in that time
//! /proc/loadavg       the load averages (`load.rs`), running/all processes, the last pid
//! ```

use super::{DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, OpenOptions};
use crate::load::LoadAverage;
use crate::proc::{Pid, Process, ProcessTable, RunState, SHELL_PID, current_pid};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime};

/// The files about the whole system, beside the process directories.
const SYSTEM_FILES: [&str; 3] = ["cpuinfo", "loadavg", "uptime"];

const PROCESS_FILES: [(&str, FileType); 7] = [
    ("cmdline", FileType::File),
    ("cwd", FileType::Symlink),
    ("environ", FileType::File),
    ("exe", FileType::Symlink),
    ("mounts", FileType::File),
    ("stat", FileType::File),
    ("status", FileType::File),
];

/// Linux's clock ticks per second (`getconf CLK_TCK`), the unit of /proc/PID/stat's times.
const TICKS_PER_SECOND: u128 = 100;
const PAGE_SIZE: u64 = 4096;

pub struct ProcFs {
    /// Weak: the table's processes hold namespaces that hold this server.
    processes: Weak<ProcessTable>,
    load: LoadAverage,
}

impl ProcFs {
    pub fn new(processes: &Arc<ProcessTable>) -> ProcFs {
        ProcFs {
            processes: Arc::downgrade(processes),
            load: LoadAverage::new(processes.cpu_time_used()),
        }
    }

    fn process(&self, pid: &str) -> FsResult<Arc<Process>> {
        let pid: Pid = pid.parse().map_err(|_| FsError::NotFound)?;
        self.processes
            .upgrade()
            .and_then(|table| table.get(pid))
            .ok_or(FsError::NotFound)
    }

    /// When the kernel started: when its first process, the shell, did.
    fn booted(&self) -> SystemTime {
        self.processes
            .upgrade()
            .and_then(|table| table.get(SHELL_PID))
            .map_or(SystemTime::UNIX_EPOCH, |shell| shell.started)
    }

    fn table(&self) -> FsResult<Arc<ProcessTable>> {
        self.processes.upgrade().ok_or(FsError::NotFound)
    }

    /// Linux's two numbers: seconds since boot, and the seconds all CPUs together
    /// spent with nothing to run.
    fn uptime(&self) -> FsResult<String> {
        let table = self.table()?;
        let up = SystemTime::now()
            .duration_since(self.booted())
            .unwrap_or_default();
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
        let idle = (up * cpus).saturating_sub(table.cpu_time_used());
        Ok(format!("{:.2} {:.2}\n", seconds(up), seconds(idle)))
    }

    /// Linux's line: the three averages, running/all processes, the last pid given.
    fn load_average(&self) -> FsResult<String> {
        let table = self.table()?;
        let [one, five, fifteen] = self.load.read(table.cpu_time_used());
        let processes = table.list();
        let running = processes
            .iter()
            .filter(|p| p.usage.running.load(Ordering::Relaxed))
            .count();
        Ok(format!(
            "{one:.2} {five:.2} {fifteen:.2} {}/{} {}\n",
            running.max(1),
            processes.len(),
            table.last_pid()
        ))
    }

    /// What a path is: the root, a top-level link, a process directory, or a file in one.
    fn classify<'p>(&self, path: &'p str) -> FsResult<Node<'p>> {
        match path.split_once('/') {
            None if path.is_empty() => Ok(Node::Root),
            None if path == "self" || path == "mounts" => Ok(Node::TopLink(path)),
            None => match SYSTEM_FILES.iter().position(|name| *name == path) {
                Some(index) => Ok(Node::System(SYSTEM_FILES[index], index as u64)),
                None => Ok(Node::ProcessDir(self.process(path)?)),
            },
            Some((pid, name)) => {
                let process = self.process(pid)?;
                let (_, file_type) = PROCESS_FILES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .ok_or(FsError::NotFound)?;
                Ok(Node::ProcessFile(process, name, *file_type))
            }
        }
    }
}

enum Node<'p> {
    Root,
    TopLink(&'p str),
    /// One of `SYSTEM_FILES`, and its index there.
    System(&'static str, u64),
    ProcessDir(Arc<Process>),
    ProcessFile(Arc<Process>, &'p str, FileType),
}

fn metadata(file_type: FileType, inode: u64, time: SystemTime) -> Metadata {
    let mode = match file_type {
        FileType::Directory => 0o555,
        FileType::Symlink => 0o777,
        _ => 0o444,
    };
    Metadata::synthetic(file_type, inode, mode, time)
}

fn state(process: &Process) -> &'static str {
    match process.state() {
        RunState::Running => "R (running)",
        RunState::Stopped => "T (stopped)",
        RunState::Exited | RunState::Killed => "Z (zombie)",
    }
}

fn name(process: &Process) -> &str {
    process
        .argv
        .first()
        .map_or("", |a| a.rsplit('/').next().unwrap_or(a))
}

fn memory_bytes(process: &Process) -> u64 {
    process
        .usage
        .memory_bytes
        .load(std::sync::atomic::Ordering::Relaxed)
}

fn status(process: &Process) -> String {
    let (ignored, caught) = process.signals.masks();
    format!(
        "Name:\t{}\nState:\t{}\nPid:\t{}\nPPid:\t{}\nVmRSS:\t{} kB\nCpuTime:\t{:.6}\n\
         SigIgn:\t{ignored:016x}\nSigCgt:\t{caught:016x}\n",
        name(process),
        state(process),
        process.pid,
        process.ppid,
        memory_bytes(process) / 1024,
        process.usage.cpu_time().as_secs_f64(),
    )
}

/// Linux's `stat` line. What wasmix has no such thing as (page faults, terminals,
/// kernel stack addresses) is 0; a process is its own group, in the shell's session.
fn stat(process: &Process, booted: SystemTime) -> String {
    let ticks = |nanos: u128| nanos * TICKS_PER_SECOND / 1_000_000_000;
    let cpu = ticks(process.usage.cpu_time().as_nanos());
    let started = ticks(
        process
            .started
            .duration_since(booted)
            .unwrap_or_default()
            .as_nanos(),
    );
    let nice = process.niceness();
    let memory = memory_bytes(process);
    let (ignored, caught) = process.signals.masks();
    let pid = process.pid;
    format!(
        "{pid} ({}) {} {} {pid} {SHELL_PID} 0 -1 0 0 0 0 0 {cpu} 0 0 0 {} {nice} 1 0 {started} \
         {memory} {} {} 0 0 0 0 0 0 0 {ignored} {caught} 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
        name(process),
        &state(process)[..1],
        process.ppid,
        20 + i32::from(nice),
        memory / PAGE_SIZE,
        u64::MAX,
    )
}

/// Seconds, cut (not rounded) to hundredths as Linux prints them.
fn seconds(time: Duration) -> f64 {
    (time.as_millis() / 10) as f64 / 100.0
}

/// One `processor` entry per CPU this host process may run on, as Linux lists them.
fn cpu_info() -> String {
    let count = std::thread::available_parallelism().map_or(1, |n| n.get());
    (0..count)
        .map(|n| format!("processor\t: {n}\n\n"))
        .collect()
}

fn mounts(process: &Process) -> String {
    let mut text = String::new();
    for (at, layers) in process.namespace().describe() {
        for layer in layers {
            text.push_str(&format!("{layer} {at}\n"));
        }
    }
    text
}

fn joined_with_nul<'a>(items: impl Iterator<Item = String> + 'a) -> Vec<u8> {
    let mut bytes = Vec::new();
    for item in items {
        bytes.extend_from_slice(item.as_bytes());
        bytes.push(0);
    }
    bytes
}

impl FileServer for ProcFs {
    fn describe(&self) -> String {
        "procfs".into()
    }

    fn lstat(&self, path: &str) -> FsResult<Metadata> {
        Ok(match self.classify(path)? {
            Node::Root => metadata(FileType::Directory, 1, SystemTime::now()),
            Node::TopLink(_) => metadata(FileType::Symlink, 2, SystemTime::now()),
            Node::System(_, index) => metadata(FileType::File, 3 + index, SystemTime::now()),
            Node::ProcessDir(p) => metadata(FileType::Directory, u64::from(p.pid) << 8, p.started),
            Node::ProcessFile(p, name, file_type) => {
                let index = PROCESS_FILES
                    .iter()
                    .position(|(n, _)| *n == name)
                    .unwrap_or(0);
                metadata(
                    file_type,
                    (u64::from(p.pid) << 8) + 1 + index as u64,
                    p.started,
                )
            }
        })
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        if options.mutates() {
            return Err(FsError::Access);
        }
        let node = self.classify(path)?;
        if let Node::System(name, _) = node {
            let contents = match name {
                "cpuinfo" => cpu_info(),
                "loadavg" => self.load_average()?,
                _ => self.uptime()?,
            };
            return Ok(Arc::new(Snapshot {
                metadata: self.lstat(path)?,
                contents: contents.into_bytes(),
            }));
        }
        let Node::ProcessFile(process, name, FileType::File) = node else {
            return Err(FsError::IsDirectory);
        };
        let contents = match name {
            "cmdline" => joined_with_nul(process.argv.iter().cloned()),
            "environ" => joined_with_nul(process.env.iter().map(|(k, v)| format!("{k}={v}"))),
            "mounts" => mounts(&process).into_bytes(),
            "stat" => stat(&process, self.booted()).into_bytes(),
            _ => status(&process).into_bytes(),
        };
        Ok(Arc::new(Snapshot {
            metadata: self.lstat(path)?,
            contents,
        }))
    }

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        let entry = |name: &str, file_type| DirEntry {
            name: name.to_string(),
            file_type,
        };
        match self.classify(path)? {
            Node::Root => {
                let mut entries = vec![
                    entry("mounts", FileType::Symlink),
                    entry("self", FileType::Symlink),
                ];
                entries.extend(SYSTEM_FILES.iter().map(|name| entry(name, FileType::File)));
                let table = self.processes.upgrade().ok_or(FsError::NotFound)?;
                entries.extend(
                    table
                        .list()
                        .iter()
                        .map(|p| entry(&p.pid.to_string(), FileType::Directory)),
                );
                Ok(entries)
            }
            Node::ProcessDir(_) => Ok(PROCESS_FILES
                .iter()
                .map(|(name, file_type)| entry(name, *file_type))
                .collect()),
            _ => Err(FsError::NotDirectory),
        }
    }

    fn readlink(&self, path: &str) -> FsResult<String> {
        match self.classify(path)? {
            Node::TopLink("self") => Ok(current_pid().to_string()),
            Node::TopLink(_) => Ok("self/mounts".into()),
            Node::ProcessFile(process, "cwd", _) => Ok(process.cwd.clone()),
            Node::ProcessFile(process, "exe", _) => Ok(process.exe.clone()),
            _ => Err(FsError::Invalid),
        }
    }
}

/// A /proc file as it was when opened.
struct Snapshot {
    metadata: Metadata,
    contents: Vec<u8>,
}

impl FileHandle for Snapshot {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> FsResult<usize> {
        let start = (offset as usize).min(self.contents.len());
        let n = buf.len().min(self.contents.len() - start);
        buf[..n].copy_from_slice(&self.contents[start..start + n]);
        Ok(n)
    }

    fn metadata(&self) -> FsResult<Metadata> {
        Ok(self.metadata.clone())
    }
}
