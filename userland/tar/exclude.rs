//! `--exclude` and `-X`: GNU tar's exclusion patterns. A pattern is a shell wildcard
//! whose `*` matches `/` too, and it excludes a member when it matches its name or what
//! follows any `/` in it, whole or up to a `/` (so a directory's members go with it).

use std::io;

#[derive(Default)]
pub struct Exclusions(Vec<glob::Pattern>);

impl Exclusions {
    pub fn add(&mut self, pattern: &str) {
        // A pattern that is not a valid wildcard (`[` unclosed) stands for itself.
        let compiled = glob::Pattern::new(pattern)
            .or_else(|_| glob::Pattern::new(&glob::Pattern::escape(pattern)));
        if let Ok(compiled) = compiled {
            self.0.push(compiled);
        }
    }

    /// `-X FILE`: a pattern per line.
    pub fn add_file(&mut self, path: &str) -> io::Result<()> {
        let text = std::fs::read(path)?;
        for line in String::from_utf8_lossy(&text).lines() {
            self.add(line);
        }
        Ok(())
    }

    pub fn excludes(&self, name: &str) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let name = name.trim_end_matches('/');
        let starts = std::iter::once(0).chain(name.match_indices('/').map(|(at, _)| at + 1));
        starts.into_iter().any(|start| {
            let tail = &name[start..];
            let ends = tail.match_indices('/').map(|(at, _)| at);
            ends.chain(std::iter::once(tail.len()))
                .any(|end| self.0.iter().any(|pattern| pattern.matches(&tail[..end])))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Exclusions;

    #[test]
    fn patterns_match_as_gnu_tar_matches_them() {
        let mut exclusions = Exclusions::default();
        exclusions.add("foo");
        exclusions.add("*.o");
        exclusions.add("a/b");
        assert!(exclusions.excludes("foo"));
        assert!(exclusions.excludes("./foo/"));
        assert!(exclusions.excludes("x/foo/y"));
        assert!(exclusions.excludes("dir/sub/main.o"));
        assert!(exclusions.excludes("a/b/c"));
        assert!(!exclusions.excludes("foobar"));
        assert!(!exclusions.excludes("xa/bc"));
    }
}
