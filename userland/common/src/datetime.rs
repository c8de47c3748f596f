//! Date strings as GNU `date -d` and `touch -d` read them: `@SECONDS`, calendar dates
//! (`2020-01-02`, `01/02/2020`, `Jan 2 2020`, `2 Jan`), times of day with zones, weekdays
//! (`next friday`), and relative items (`3 days ago`, `+1 month`, `yesterday`), in the
//! time zone of `TZ` (an IANA name or a POSIX rule) or UTC.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan, Zoned};

/// The time zone the environment names (`TZ`), UTC without one.
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// A zone as `TZ` may name it: an IANA name (`Europe/Berlin`) or a POSIX rule (`EST5EDT`).
fn named_zone(name: &str) -> Option<TimeZone> {
    TimeZone::get(name).or_else(|_| TimeZone::posix(name)).ok()
}

/// The zone `TZ` names, looked up once, for programs that show many times in it (ls).
pub struct LocalZone(TimeZone);

impl LocalZone {
    pub fn from_env() -> LocalZone {
        LocalZone(local_zone())
    }

    /// Its offset from UTC, in seconds, at `seconds` since the epoch.
    pub fn offset_at(&self, seconds: i64) -> i32 {
        Timestamp::from_second(seconds).map_or(0, |instant| self.0.to_offset(instant).seconds())
    }
}

/// What a date string said, before it is resolved against now.
#[derive(Default)]
struct Items {
    date: Option<(Option<i64>, i8, i8)>,
    time: Option<(i8, i8, i8, i32)>,
    zone: Option<Offset>,
    weekday: Option<(i64, i8)>,
    /// Relative years, months, days, hours, minutes, seconds.
    relative: [i64; 6],
    /// Which relative item came last, for `ago`.
    last_relative: Option<(usize, i64)>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// A month or weekday name, whole or cut to three letters or more (`jan`, `sept`).
fn name_index(word: &str, names: &[&str]) -> Option<usize> {
    names
        .iter()
        .position(|name| word.len() >= 3 && name.starts_with(word))
}

/// The unit a word names, as an index into `Items::relative` and a multiplier.
fn unit(word: &str) -> Option<(usize, i64)> {
    let word = word.strip_suffix('s').unwrap_or(word);
    Some(match word {
        "year" => (0, 1),
        "month" => (1, 1),
        "fortnight" => (2, 14),
        "week" => (2, 7),
        "day" => (2, 1),
        "hour" => (3, 1),
        "minute" | "min" => (4, 1),
        "second" | "sec" => (5, 1),
        _ => return None,
    })
}

struct Scanner<'t> {
    text: &'t [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b',' | b'\n')) {
            self.at += 1;
        }
    }

    /// Digits, as a number and how many there were.
    fn number(&mut self) -> Option<(i64, usize)> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let digits = &self.text[start..self.at];
        let text = std::str::from_utf8(digits).ok()?;
        Some((text.parse().ok()?, digits.len()))
    }

    fn word(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'.')
        {
            self.at += 1;
        }
        String::from_utf8_lossy(&self.text[start..self.at])
            .replace('.', "")
            .to_ascii_lowercase()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// After `H`: `:MM[:SS[.frac]]`, then am/pm and a zone if there are.
    fn time(&mut self, hour: i64, items: &mut Items) -> Option<()> {
        let (minute, _) = self.number()?;
        let (mut second, mut nanos) = (0, 0);
        if self.eat(b':') {
            second = self.number()?.0;
            if self.eat(b'.') || self.eat(b',') {
                let start = self.at;
                self.number()?;
                let digits = std::str::from_utf8(&self.text[start..self.at]).ok()?;
                let padded = format!("{digits:0<9}");
                nanos = padded[..9].parse().ok()?;
            }
        }
        let mut hour = hour;
        self.skip_space();
        let save = self.at;
        match self.word().as_str() {
            "am" | "a" if hour <= 12 => hour %= 12,
            "pm" | "p" if hour <= 12 => hour = hour % 12 + 12,
            _ => self.at = save,
        }
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        items.time = Some((hour as i8, minute as i8, second.min(59) as i8, nanos));
        self.skip_space();
        if matches!(self.peek(), Some(b'+' | b'-')) && self.zone_follows() {
            items.zone = Some(self.offset()?);
        }
        Some(())
    }

    /// Whether a sign starts a zone offset (`+0100`, `-05:00`) rather than a relative item.
    fn zone_follows(&self) -> bool {
        let rest = &self.text[self.at + 1..];
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let after = rest[digits..].iter().find(|c| **c != b' ');
        digits > 0 && !after.is_some_and(|c| c.is_ascii_alphabetic())
    }

    /// `+HH`, `+HHMM` or `+HH:MM`.
    fn offset(&mut self) -> Option<Offset> {
        let negative = self.peek() == Some(b'-');
        self.at += 1;
        let (value, digits) = self.number()?;
        let (hours, mut minutes) = if digits <= 2 {
            (value, 0)
        } else {
            (value / 100, value % 100)
        };
        if digits <= 2 && self.eat(b':') {
            minutes = self.number()?.0;
        }
        let seconds = (hours * 3600 + minutes * 60) as i32;
        Offset::from_seconds(if negative { -seconds } else { seconds }).ok()
    }
}

fn two_digit_year(year: i64, digits: usize) -> i64 {
    match (digits, year) {
        (1 | 2, 0..=68) => year + 2000,
        (1 | 2, _) => year + 1900,
        _ => year,
    }
}

fn parse_items(text: &str) -> Option<Items> {
    let mut items = Items::default();
    let mut s = Scanner {
        text: text.as_bytes(),
        at: 0,
    };
    let mut ordinal: Option<i64> = None;
    loop {
        s.skip_space();
        let Some(c) = s.peek() else { break };
        if c.is_ascii_digit() || matches!(c, b'+' | b'-') {
            let sign = match c {
                b'-' => {
                    s.at += 1;
                    Some(-1)
                }
                b'+' => {
                    s.at += 1;
                    Some(1)
                }
                _ => None,
            };
            if sign.is_some() {
                s.skip_space();
            }
            let (value, digits) = s.number()?;
            if sign.is_none() && s.peek() == Some(b'-') && items.date.is_none() {
                // YYYY-MM-DD, and a time after a `T` or a blank.
                s.at += 1;
                let month = s.number()?.0;
                s.eat(b'-').then_some(())?;
                let day = s.number()?.0;
                items.date = Some((Some(value), month as i8, day as i8));
                if matches!(s.peek(), Some(b'T' | b't'))
                    && s.text.get(s.at + 1).is_some_and(u8::is_ascii_digit)
                {
                    s.at += 1;
                    let hour = s.number()?.0;
                    s.eat(b':').then_some(())?;
                    s.time(hour, &mut items)?;
                }
                continue;
            }
            if sign.is_none() && s.peek() == Some(b'/') {
                s.at += 1;
                let day = s.number()?.0;
                let year = if s.eat(b'/') {
                    let (year, digits) = s.number()?;
                    Some(two_digit_year(year, digits))
                } else {
                    None
                };
                items.date = Some((year, value as i8, day as i8));
                continue;
            }
            if sign.is_none() && s.eat(b':') {
                s.time(value, &mut items)?;
                continue;
            }
            s.skip_space();
            let save = s.at;
            let word = s.word();
            if let Some((index, times)) = unit(&word) {
                let amount = value * sign.unwrap_or(1) * times;
                items.relative[index] += amount;
                items.last_relative = Some((index, amount));
                continue;
            }
            s.at = save;
            if let (None, Some(month)) = (sign, name_index(&word, &MONTHS)) {
                // `2 Jan [2020]`
                s.word();
                s.skip_space();
                let year = s.number().map(|(y, d)| two_digit_year(y, d));
                items.date = Some((year, month as i8 + 1, value as i8));
                continue;
            }
            match (sign, &mut items.date) {
                (None, None) if digits == 8 => {
                    items.date = Some((
                        Some(value / 10000),
                        (value / 100 % 100) as i8,
                        (value % 100) as i8,
                    ));
                }
                // `Jan 2 2020`: the year after a date without one.
                (None, Some((year @ None, _, _))) => *year = Some(two_digit_year(value, digits)),
                // `20200102 1530` or `today 15`: hours and minutes.
                (None, _) if items.time.is_none() && digits <= 4 => {
                    let (hour, minute) = if digits <= 2 {
                        (value, 0)
                    } else {
                        (value / 100, value % 100)
                    };
                    (hour <= 23 && minute <= 59).then_some(())?;
                    items.time = Some((hour as i8, minute as i8, 0, 0));
                }
                _ => return None,
            }
            continue;
        }
        if !c.is_ascii_alphabetic() {
            return None;
        }
        let word = s.word();
        match word.as_str() {
            "now" | "today" => {}
            "yesterday" => items.relative[2] -= 1,
            "tomorrow" => items.relative[2] += 1,
            "next" => ordinal = Some(1),
            "last" => ordinal = Some(-1),
            "this" => ordinal = Some(0),
            "ago" => {
                let (index, amount) = items.last_relative.take()?;
                items.relative[index] -= 2 * amount;
            }
            "utc" | "gmt" | "ut" | "z" => items.zone = Some(Offset::UTC),
            "t" if items.date.is_some() => {}
            word => {
                if let Some((index, times)) = unit(word) {
                    let amount = ordinal.take().unwrap_or(1) * times;
                    items.relative[index] += amount;
                    items.last_relative = Some((index, amount));
                } else if let Some(day) = name_index(word, &WEEKDAYS) {
                    items.weekday = Some((ordinal.take().unwrap_or(0), day as i8));
                } else if let Some(month) = name_index(word, &MONTHS) {
                    // `Jan 2 [2020]`, or a month alone.
                    s.skip_space();
                    let day = s.number().map_or(1, |(d, _)| d);
                    items.date = Some((None, month as i8 + 1, day as i8));
                } else {
                    return None;
                }
            }
        }
    }
    Some(items)
}

/// The moment a date string names, in `zone` (the local one) unless it names its own;
/// None if it is no date GNU would read.
pub fn parse(text: &str, now: &Zoned) -> Option<Zoned> {
    let trimmed = text.trim();
    // `TZ="Europe/Berlin" 2018-01-04 08:00`: the rest is read in that zone, and the
    // moment shown in the local one.
    if let Some(rest) = trimmed.strip_prefix("TZ=\"") {
        let (name, rest) = rest.split_once('"')?;
        let zone = named_zone(name)?;
        let there = parse(rest, &now.with_time_zone(zone))?;
        return Some(there.with_time_zone(now.time_zone().clone()));
    }
    if let Some(seconds) = trimmed.strip_prefix('@') {
        let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, ""));
        let whole: i64 = whole.trim().parse().ok()?;
        let nanos: i32 = format!("{fraction:0<9}").get(..9)?.parse().ok()?;
        let nanos = if whole < 0 { -nanos } else { nanos };
        let moment = Timestamp::new(whole, nanos).ok()?;
        return Some(moment.to_zoned(now.time_zone().clone()));
    }
    let items = parse_items(trimmed)?;
    let today = now.date();
    let date = match items.date {
        Some((year, month, day)) => {
            Date::new(year.unwrap_or(today.year().into()) as i16, month, day).ok()?
        }
        None => today,
    };
    let time = match items.time {
        Some((h, m, s, n)) => Time::new(h, m, s, n).ok()?,
        None if items.date.is_some() => Time::midnight(),
        None => now.time(),
    };
    let zone = match items.zone {
        Some(offset) => TimeZone::fixed(offset),
        None => now.time_zone().clone(),
    };
    let mut civil = DateTime::from_parts(date, time);
    // GNU: a weekday moves the date only when no date was given.
    if let Some((ordinal, day)) = items.weekday.filter(|_| items.date.is_none()) {
        let today = civil.weekday().to_sunday_zero_offset() as i64;
        let day = i64::from(day);
        let ahead = (day - today + 7) % 7 + 7 * (ordinal - i64::from(0 < ordinal && today != day));
        civil = civil.checked_add(ahead.days()).ok()?;
    }
    // Years and months move the calendar fields, and a day past the month's end runs
    // on into the next month (GNU: Jan 31 + 1 month is March 2 or 3).
    let [years, months, days, hours, minutes, seconds] = items.relative;
    if years != 0 || months != 0 {
        let total =
            i64::from(civil.year()) * 12 + i64::from(civil.month()) - 1 + years * 12 + months;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) + 1);
        let first = Date::new(year as i16, month as i8, 1).ok()?;
        let date = first
            .checked_add((i64::from(civil.day()) - 1).days())
            .ok()?;
        civil = DateTime::from_parts(date, civil.time());
    }
    civil = civil
        .checked_add(days.days())
        .ok()?
        .checked_add(hours.hours().minutes(minutes).seconds(seconds))
        .ok()?;
    civil
        .to_zoned(zone)
        .ok()
        .map(|moment| moment.with_time_zone(now.time_zone().clone()))
}

/// `parse` against the present moment in the local zone, for a program that reads one
/// date string (`find -newermt`, `tar --mtime`).
pub fn parse_from_now(text: &str) -> Option<Zoned> {
    parse(text, &Zoned::now().with_time_zone(local_zone()))
}

/// `[[CC]YY]MMDDhhmm[.ss]`, as `touch -t` reads it, in `zone`.
pub fn parse_stamp(text: &str, now: &Zoned) -> Option<Zoned> {
    let (main, seconds) = match text.split_once('.') {
        Some((main, seconds)) if seconds.len() == 2 => (main, seconds.parse().ok()?),
        Some(_) => return None,
        None => (text, 0),
    };
    if !main.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let field = |at: usize| main[at..at + 2].parse::<i8>().ok();
    let (year, rest) = match main.len() {
        8 => (i64::from(now.year()), 0),
        10 => (two_digit_year(main[..2].parse().ok()?, 2), 2),
        12 => (main[..4].parse().ok()?, 4),
        _ => return None,
    };
    let date = Date::new(year as i16, field(rest)?, field(rest + 2)?).ok()?;
    let time = Time::new(field(rest + 4)?, field(rest + 6)?, seconds, 0).ok()?;
    DateTime::from_parts(date, time)
        .to_zoned(now.time_zone().clone())
        .ok()
}
