//! id: print the user and group of the session. wasmix has one user, named by $USER, with
//! uid and gid 1000 (what `ls -l` and `stat` show as owner).

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "id",
    "Usage: id [OPTION]... [USER]\n\
     Print user and group information for USER, or (when USER omitted) for the current user.\n\n  \
     -g, --group    print only the effective group ID\n  \
     -G, --groups   print all group IDs\n  \
     -n, --name     print a name instead of a number, for -u,-g,-G\n  \
     -u, --user     print only the effective user ID\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

const ID: u32 = 1000;

#[derive(PartialEq)]
enum Only {
    Everything,
    User,
    Group,
    Groups,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut only = Vec::new();
        let mut names = false;
        let mut users = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('u') | Arg::Long("user") => only.push(Only::User),
                Arg::Short('g') | Arg::Long("group") => only.push(Only::Group),
                Arg::Short('G') | Arg::Long("groups") => only.push(Only::Groups),
                Arg::Short('n') | Arg::Long("name") => names = true,
                Arg::Value(v) => users.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if only.len() > 1 {
            return Err(Failure::Fatal(
                "cannot print \"only\" of more than one choice".into(),
            ));
        }
        let only = only.pop().unwrap_or(Only::Everything);
        if names && only == Only::Everything {
            return Err(Failure::Fatal(
                "cannot print only names or real IDs in default format".into(),
            ));
        }
        if users.len() > 1 {
            return Err(Failure::Usage(format!("extra operand '{}'", users[1])));
        }
        let me = std::env::var("USER").unwrap_or_else(|_| "user".into());
        if let Some(user) = users.first().filter(|u| **u != me && **u != ID.to_string()) {
            return Err(Failure::Fatal(format!("'{user}': no such user")));
        }
        let shown = if names { me.clone() } else { ID.to_string() };
        match only {
            Only::Everything => writeln!(out, "uid={ID}({me}) gid={ID}({me}) groups={ID}({me})")?,
            _ => writeln!(out, "{shown}")?,
        }
        Ok(0)
    })
}
