//! tsort: a total order of the items in a partial order, GNU's way: items without
//! predecessors go out in byte order, each one's successors most recent first, and a loop
//! is reported (its members named) and broken where GNU breaks it.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "tsort",
    "Usage: tsort [OPTION] [FILE]\n\
     Write totally ordered list consistent with the partial ordering in FILE.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Item {
    name: String,
    /// Predecessors not yet written.
    count: usize,
    /// Successors, the last recorded first (GNU keeps them as a stack).
    successors: Vec<usize>,
    written: bool,
    /// The item before it in a loop being traced.
    link: Option<usize>,
}

struct Graph {
    items: Vec<Item>,
    /// Items by name, for the walks in byte order.
    by_name: BTreeMap<String, usize>,
}

impl Graph {
    fn item(&mut self, name: &str) -> usize {
        if let Some(&index) = self.by_name.get(name) {
            return index;
        }
        self.items.push(Item {
            name: name.to_string(),
            count: 0,
            successors: Vec::new(),
            written: false,
            link: None,
        });
        self.by_name.insert(name.to_string(), self.items.len() - 1);
        self.items.len() - 1
    }

    fn ordered(&self) -> Vec<usize> {
        self.by_name.values().copied().collect()
    }

    /// GNU's detect_loop over the items in order: traces a loop from the first item still
    /// waiting; when one is found, names its members and removes one of its relations.
    fn break_loop(&mut self, loop_start: &mut Option<usize>) -> bool {
        for k in self.ordered() {
            if self.items[k].count == 0 {
                continue;
            }
            let Some(start) = *loop_start else {
                *loop_start = Some(k);
                continue;
            };
            let Some(at) = self.items[k].successors.iter().rposition(|&s| s == start) else {
                continue;
            };
            if self.items[k].link.is_none() {
                self.items[k].link = Some(start);
                *loop_start = Some(k);
                continue;
            }
            // A loop: name its members back to k, and drop the relation k -> start.
            let mut walker = Some(start);
            while let Some(member) = walker {
                PROGRAM.warn(&self.items[member].name);
                let next = self.items[member].link.take();
                if member == k {
                    self.items[k].successors.remove(at);
                    self.items[start].count -= 1;
                    break;
                }
                walker = next;
            }
            for item in &mut self.items {
                item.link = None;
            }
            *loop_start = None;
            return true;
        }
        false
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if operands.len() > 1 {
            return Err(Failure::Usage(format!("extra operand '{}'", operands[1])));
        }
        let name = operands.pop().unwrap_or_else(|| "-".into());
        let mut text = Vec::new();
        input::open(&name)
            .and_then(|mut reader| reader.read_to_end(&mut text))
            .map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
        let text = String::from_utf8_lossy(&text);
        let tokens: Vec<&str> = text.split_ascii_whitespace().collect();
        if tokens.len() % 2 == 1 {
            return Err(Failure::Fatal(format!(
                "{name}: input contains an odd number of tokens"
            )));
        }
        let mut graph = Graph {
            items: Vec::new(),
            by_name: BTreeMap::new(),
        };
        for pair in tokens.chunks(2) {
            let (from, to) = (graph.item(pair[0]), graph.item(pair[1]));
            if from != to {
                graph.items[to].count += 1;
                graph.items[from].successors.push(to);
            }
        }
        let mut left = graph.items.len();
        let mut status = 0;
        while left > 0 {
            // The items with nothing before them, in byte order, make the queue.
            let mut queue: std::collections::VecDeque<usize> = graph
                .ordered()
                .into_iter()
                .filter(|&i| graph.items[i].count == 0 && !graph.items[i].written)
                .collect();
            while let Some(head) = queue.pop_front() {
                writeln!(out, "{}", graph.items[head].name)?;
                graph.items[head].written = true;
                left -= 1;
                let successors = std::mem::take(&mut graph.items[head].successors);
                for &next in successors.iter().rev() {
                    graph.items[next].count -= 1;
                    if graph.items[next].count == 0 {
                        queue.push_back(next);
                    }
                }
            }
            if left > 0 {
                out.flush()?;
                PROGRAM.warn(format!("{name}: input contains a loop:"));
                status = 1;
                let mut loop_start = None;
                while !graph.break_loop(&mut loop_start) && loop_start.is_some() {}
            }
        }
        Ok(status)
    })
}
