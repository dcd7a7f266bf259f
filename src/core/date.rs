//! A calendar day (`YYYY-MM-DD`), the `date` a message goes out on. Our own
//! small type: chorus needs to read, write, compare and count days, no more,
//! so no date crate is worth its weight. It imports nothing of the core.

use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Read `YYYY-MM-DD` exactly, refusing a day the calendar does not have
    /// (2026-02-30). The error says what was wrong, for the store to place.
    pub fn parse(text: &str) -> Result<Date, String> {
        let shape = || format!("\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-10-14");
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(shape());
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(shape());
        };
        if !(1..=12).contains(&month) {
            return Err(format!("\"{text}\" has month {month}: a month is 01 to 12"));
        }
        let date = Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        };
        let last = days_in_month(date.year, date.month);
        if day == 0 || day > u32::from(last) {
            return Err(format!(
                "\"{text}\" is no day of the calendar: that month has {last} days"
            ));
        }
        Ok(date)
    }

    /// Days since 1970-01-01 (negative before), to count weeks between days.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today, by the system clock (UTC).
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }
}

/// The first day the clock counts from, 1970-01-01.
impl Default for Date {
    fn default() -> Date {
        Date::from_days(0)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_reads_and_writes_back_the_same() {
        let d = Date::parse("2026-10-14").unwrap();
        assert_eq!((d.year, d.month, d.day), (2026, 10, 14));
        assert_eq!(d.to_string(), "2026-10-14");
    }

    #[test]
    fn a_day_the_calendar_lacks_is_refused_with_the_reason() {
        assert!(Date::parse("2026-02-29").unwrap_err().contains("28 days"));
        assert!(Date::parse("2024-02-29").is_ok(), "2024 is a leap year");
        assert!(Date::parse("2026-13-01").unwrap_err().contains("month 13"));
        for bad in ["14/10/2026", "2026-1-14", "2026-10-1x", "", "2026-10-14 "] {
            assert!(Date::parse(bad).unwrap_err().contains("YYYY-MM-DD"), "{bad}");
        }
    }

    #[test]
    fn days_count_from_the_epoch_both_ways() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11_017);
        for n in [-1000, 0, 59, 60, 11_016, 20_000, 30_000] {
            assert_eq!(Date::from_days(n).days(), n);
        }
        let a = Date::parse("2026-12-31").unwrap();
        assert_eq!(Date::from_days(a.days() + 1).to_string(), "2027-01-01");
    }
}
