//! ln: make links, hard (the default) or symbolic.

use std::fs;
use std::path::Path;
use wasmix_common::{Arg, Program, args, describe_io_error, tree, wasi_fs};

static PROGRAM: Program = Program::new(
    "ln",
    "Usage: ln [OPTION]... TARGET LINK_NAME\n  \
     or:  ln [OPTION]... TARGET... DIRECTORY\n\
     Create hard links by default, symbolic links with --symbolic, to TARGET with the\n\
     name LINK_NAME, or links to each TARGET in DIRECTORY.\n\n  \
     -s, --symbolic   make symbolic links\n  \
     -f, --force      remove existing destination files\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut symbolic = false;
        let mut force = false;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('s') | Arg::Long("symbolic") => symbolic = true,
                Arg::Short('f') | Arg::Long("force") => force = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if operands.len() == 1 {
            let target = Path::new(&operands[0]);
            let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
            operands.push(name.unwrap_or_default());
        }
        let mut status = 0;
        for (target, link) in tree::targets(&operands)? {
            if !symbolic {
                match fs::symlink_metadata(&target) {
                    Err(e) => {
                        let reason = describe_io_error(&e);
                        PROGRAM.warn(format!("failed to access '{}': {reason}", target.display()));
                        status = 1;
                        continue;
                    }
                    Ok(meta) if meta.is_dir() => {
                        PROGRAM.warn(format!(
                            "{}: hard link not allowed for directory",
                            target.display()
                        ));
                        status = 1;
                        continue;
                    }
                    Ok(_) => {}
                }
            }
            if force && fs::symlink_metadata(&link).is_ok_and(|m| !m.is_dir()) {
                let _ = fs::remove_file(&link);
            }
            if !symbolic {
                if let Err(e) = fs::hard_link(&target, &link) {
                    let reason = describe_io_error(&e);
                    // GNU names the target only when the link's name was not the trouble.
                    let what = if e.kind() == std::io::ErrorKind::AlreadyExists {
                        format!("'{}'", link.display())
                    } else {
                        format!("'{}' => '{}'", link.display(), target.display())
                    };
                    PROGRAM.warn(format!("failed to create hard link {what}: {reason}"));
                    status = 1;
                }
                continue;
            }
            if let Err(e) = wasi_fs::symlink(&target, &link) {
                let reason = describe_io_error(&e);
                PROGRAM.warn(format!(
                    "failed to create symbolic link '{}': {reason}",
                    link.display()
                ));
                status = 1;
            }
        }
        Ok(status)
    })
}
