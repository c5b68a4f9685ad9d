//! Number mentions: spans in bounds, on char boundaries, sorted and disjoint; floats finite;
//! with and without a reference date, relative ordinals and a country.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::numbers::{find_numbers, Country, Date, NumberOptions, NumberValue};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options, the rest is the text.
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let text = String::from_utf8_lossy(rest);
    let options = NumberOptions {
        reference_date: (flags & 1 != 0).then_some(Date {
            year: 2020 + i32::from(flags >> 4),
            month: 1 + u32::from(flags >> 4) % 12,
            day: 28 + u32::from(flags >> 6),
        }),
        relative_ordinals: flags & 2 != 0,
        country: (flags & 4 != 0).then(|| Country::new("DZ")).flatten(),
    };
    let found = find_numbers(&text, &options);
    for m in &found {
        common::assert_span(&text, m.start, m.end, "number");
        for v in std::iter::once(&m.value).chain(&m.high) {
            if let NumberValue::Float(v) = v {
                assert!(v.is_finite(), "non-finite value {v}");
            }
        }
    }
    common::assert_disjoint(found.iter().map(|m| (m.start, m.end)), "numbers");
});
