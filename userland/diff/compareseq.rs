//! Which lines of two files are not matched in the other, found as GNU diff finds them:
//! lines that cannot match are set aside first (`discard_confusing_lines`), then Myers'
//! divide-and-conquer search for the middle snake runs on the rest, with GNU's order of
//! steps and its cut-off for costly searches. Among the many shortest edit scripts two
//! files can have, this finds the one GNU diff prints.

/// The lines of `old` and `new` (numbered by equivalence class, below `classes`) that are
/// changed: for each file, a flag per line. `minimal` (`-d`) never cuts a costly search
/// short.
pub fn changed_lines(
    old: &[u32],
    new: &[u32],
    classes: usize,
    minimal: bool,
) -> (Vec<bool>, Vec<bool>) {
    let mut old_changed = vec![false; old.len()];
    let mut new_changed = vec![false; new.len()];
    let (old_kept, old_index) = discard_confusing_lines(old, new, classes, &mut old_changed);
    let (new_kept, new_index) = discard_confusing_lines(new, old, classes, &mut new_changed);
    let mut search = Search::new(&old_kept, &new_kept);
    let mut pending = vec![(
        0,
        old_kept.len() as isize,
        0,
        new_kept.len() as isize,
        minimal,
    )];
    while let Some((xoff, xlim, yoff, ylim, minimal)) = pending.pop() {
        let (mut xoff, mut xlim, mut yoff, mut ylim) = (xoff, xlim, yoff, ylim);
        // Slide down the first diagonal and up the last.
        while xoff < xlim && yoff < ylim && search.same(xoff, yoff) {
            xoff += 1;
            yoff += 1;
        }
        while xoff < xlim && yoff < ylim && search.same(xlim - 1, ylim - 1) {
            xlim -= 1;
            ylim -= 1;
        }
        if xoff == xlim {
            for y in yoff..ylim {
                new_changed[new_index[y as usize]] = true;
            }
        } else if yoff == ylim {
            for x in xoff..xlim {
                old_changed[old_index[x as usize]] = true;
            }
        } else {
            let part = search.middle(xoff, xlim, yoff, ylim, minimal);
            pending.push((part.x, xlim, part.y, ylim, part.hi_minimal));
            pending.push((xoff, part.x, yoff, part.y, part.lo_minimal));
        }
    }
    (old_changed, new_changed)
}

/// Sets aside the lines of `this` that match no line of `other`, and those that match
/// very many where they sit among lines set aside; marks them changed. Returns the lines
/// kept and where each was.
fn discard_confusing_lines(
    this: &[u32],
    other: &[u32],
    classes: usize,
    changed: &mut [bool],
) -> (Vec<u32>, Vec<usize>) {
    let mut counts = vec![0usize; classes];
    for &class in other {
        counts[class as usize] += 1;
    }
    // More matches than about 5 times the square root of the lines, over 8: too many.
    let mut many = 5;
    let mut tem = this.len() / 64;
    loop {
        tem >>= 2;
        if tem == 0 {
            break;
        }
        many *= 2;
    }
    // 1: set aside; 2: set aside if it stays among lines set aside.
    let mut discards: Vec<u8> = this
        .iter()
        .map(|&class| match counts[class as usize] {
            0 => 1,
            n if n > many => 2,
            _ => 0,
        })
        .collect();
    let end = discards.len();
    let mut i = 0;
    while i < end {
        if discards[i] == 2 {
            discards[i] = 0;
        } else if discards[i] != 0 {
            i = settle_run(&mut discards, i);
        }
        i += 1;
    }
    let mut kept = Vec::with_capacity(end);
    let mut index = Vec::with_capacity(end);
    for (i, &class) in this.iter().enumerate() {
        if discards[i] == 0 {
            kept.push(class);
            index.push(i);
        } else {
            changed[i] = true;
        }
    }
    (kept, index)
}

/// Decides the provisional discards of the run of discards starting at `i` (whose first
/// line is not provisional); returns the index of the run's last line.
fn settle_run(discards: &mut [u8], i: usize) -> usize {
    let end = discards.len();
    let mut j = i;
    let mut provisional = 0;
    while j < end && discards[j] != 0 {
        if discards[j] == 2 {
            provisional += 1;
        }
        j += 1;
    }
    // Provisional discards at the end of the run are cancelled.
    while j > i && discards[j - 1] == 2 {
        j -= 1;
        discards[j] = 0;
        provisional -= 1;
    }
    let length = j - i;
    if provisional * 4 > length {
        // A quarter or more provisional: none of them goes.
        for d in &mut discards[i..j] {
            if *d == 2 {
                *d = 0;
            }
        }
        return i + length.saturating_sub(1);
    }
    // A subrun of `minimum` provisionals or more stays (about the square root of
    // length / 4, plus one).
    let mut minimum: isize = 1;
    let mut tem = length >> 2;
    loop {
        tem >>= 2;
        if tem == 0 {
            break;
        }
        minimum <<= 1;
    }
    minimum += 1;
    let mut consec: isize = 0;
    let mut k: isize = 0;
    while k < length as isize {
        let at = i + k as usize;
        if discards[at] != 2 {
            consec = 0;
        } else {
            consec += 1;
            if consec == minimum {
                // Back to the subrun's start, to cancel all of it.
                k -= consec;
            } else if consec > minimum {
                discards[at] = 0;
            }
        }
        k += 1;
    }
    // From each end, provisionals before three set-aside lines in a row (or before the
    // first set-aside line eight or more in) are cancelled.
    let last = i + length - 1;
    for from_end in [false, true] {
        let mut consec = 0;
        for k in 0..length {
            let at = if from_end { last - k } else { i + k };
            if k >= 8 && discards[at] == 1 {
                break;
            }
            match discards[at] {
                2 => {
                    consec = 0;
                    discards[at] = 0;
                }
                0 => consec = 0,
                _ => consec += 1,
            }
            if consec == 3 {
                break;
            }
        }
    }
    last
}

/// Where a search split the problem, and whether each half must be searched to the end.
struct Partition {
    x: isize,
    y: isize,
    lo_minimal: bool,
    hi_minimal: bool,
}

struct Search<'a> {
    xv: &'a [u32],
    yv: &'a [u32],
    /// The furthest x reached on each diagonal, forwards and backwards (indexed by
    /// diagonal plus `offset`).
    fd: Vec<isize>,
    bd: Vec<isize>,
    offset: isize,
    /// GNU's cut-off: after this many steps a search settles for its best so far.
    too_expensive: isize,
}

impl<'a> Search<'a> {
    fn new(xv: &'a [u32], yv: &'a [u32]) -> Search<'a> {
        let diags = xv.len() + yv.len() + 3;
        let mut too_expensive: isize = 1;
        let mut rest = diags;
        while rest != 0 {
            rest >>= 2;
            too_expensive <<= 1;
        }
        Search {
            xv,
            yv,
            fd: vec![0; diags],
            bd: vec![0; diags],
            offset: yv.len() as isize + 1,
            too_expensive: too_expensive.max(4096),
        }
    }

    fn same(&self, x: isize, y: isize) -> bool {
        self.xv[x as usize] == self.yv[y as usize]
    }

    fn f(&mut self, d: isize) -> &mut isize {
        &mut self.fd[(d + self.offset) as usize]
    }

    fn b(&mut self, d: isize) -> &mut isize {
        &mut self.bd[(d + self.offset) as usize]
    }

    /// GNU's `diag`: searches from both corners at once for where a shortest path
    /// crosses the middle.
    fn middle(
        &mut self,
        xoff: isize,
        xlim: isize,
        yoff: isize,
        ylim: isize,
        minimal: bool,
    ) -> Partition {
        let (dmin, dmax) = (xoff - ylim, xlim - yoff);
        let (fmid, bmid) = (xoff - yoff, xlim - ylim);
        let (mut fmin, mut fmax, mut bmin, mut bmax) = (fmid, fmid, bmid, bmid);
        let odd = (fmid - bmid) & 1 != 0;
        *self.f(fmid) = xoff;
        *self.b(bmid) = xlim;
        let mut cost = 1;
        loop {
            if fmin > dmin {
                fmin -= 1;
                *self.f(fmin - 1) = -1;
            } else {
                fmin += 1;
            }
            if fmax < dmax {
                fmax += 1;
                *self.f(fmax + 1) = -1;
            } else {
                fmax -= 1;
            }
            let mut d = fmax;
            while d >= fmin {
                let (tlo, thi) = (*self.f(d - 1), *self.f(d + 1));
                let x0 = if tlo < thi { thi } else { tlo + 1 };
                let (mut x, mut y) = (x0, x0 - d);
                while x < xlim && y < ylim && self.same(x, y) {
                    x += 1;
                    y += 1;
                }
                *self.f(d) = x;
                if odd && bmin <= d && d <= bmax && *self.b(d) <= x {
                    return Partition {
                        x,
                        y,
                        lo_minimal: true,
                        hi_minimal: true,
                    };
                }
                d -= 2;
            }
            if bmin > dmin {
                bmin -= 1;
                *self.b(bmin - 1) = isize::MAX;
            } else {
                bmin += 1;
            }
            if bmax < dmax {
                bmax += 1;
                *self.b(bmax + 1) = isize::MAX;
            } else {
                bmax -= 1;
            }
            let mut d = bmax;
            while d >= bmin {
                let (tlo, thi) = (*self.b(d - 1), *self.b(d + 1));
                let x0 = if tlo < thi { tlo } else { thi - 1 };
                let (mut x, mut y) = (x0, x0 - d);
                while xoff < x && yoff < y && self.same(x - 1, y - 1) {
                    x -= 1;
                    y -= 1;
                }
                *self.b(d) = x;
                if !odd && fmin <= d && d <= fmax && x <= *self.f(d) {
                    return Partition {
                        x,
                        y,
                        lo_minimal: true,
                        hi_minimal: true,
                    };
                }
                d -= 2;
            }
            if !minimal && cost >= self.too_expensive {
                return self.best_so_far((xoff, xlim, yoff, ylim), (fmin, fmax, bmin, bmax));
            }
            cost += 1;
        }
    }

    /// Gone past the call of duty: the better of the furthest forward and backward
    /// points reached.
    fn best_so_far(
        &mut self,
        (xoff, xlim, yoff, ylim): (isize, isize, isize, isize),
        (fmin, fmax, bmin, bmax): (isize, isize, isize, isize),
    ) -> Partition {
        let (mut fxybest, mut fxbest) = (-1, 0);
        let mut d = fmax;
        while d >= fmin {
            let mut x = (*self.f(d)).min(xlim);
            let mut y = x - d;
            if ylim < y {
                x = ylim + d;
                y = ylim;
            }
            if fxybest < x + y {
                fxybest = x + y;
                fxbest = x;
            }
            d -= 2;
        }
        let (mut bxybest, mut bxbest) = (isize::MAX, 0);
        let mut d = bmax;
        while d >= bmin {
            let mut x = (*self.b(d)).max(xoff);
            let mut y = x - d;
            if y < yoff {
                x = yoff + d;
                y = yoff;
            }
            if x + y < bxybest {
                bxybest = x + y;
                bxbest = x;
            }
            d -= 2;
        }
        if (xlim + ylim) - bxybest < fxybest - (xoff + yoff) {
            Partition {
                x: fxbest,
                y: fxybest - fxbest,
                lo_minimal: true,
                hi_minimal: false,
            }
        } else {
            Partition {
                x: bxbest,
                y: bxybest - bxbest,
                lo_minimal: false,
                hi_minimal: true,
            }
        }
    }
}
