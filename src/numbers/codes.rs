//! What is not an amount although it is digits: web addresses, phone numbers, identifiers,
//! codes glued to Latin letters (3D), sums such as 2+2, and small numbers that close a
//! quoted name.

use super::lexicon::LEXICON;
use super::tokenize::{Kind, Tokens};

/// The index to resume at when nothing starts at `i`: past a web address, a phone number,
/// or digits glued to letters (a code such as 3D or ١مليون) as a whole, else the next token.
pub(crate) fn skip(t: &Tokens, i: usize) -> usize {
    let url = match t.norm(i) {
        "http" | "https" | "ftp" => t.touching(i + 1) && t.is(i + 1, ":"),
        "www" => t.touching(i + 1) && t.is(i + 1, "."),
        _ => false,
    };
    if url {
        let mut j = i + 1;
        while t.touching(j) {
            j += 1;
        }
        return j;
    }
    if t.kind(i) != Some(Kind::Digits) {
        return i + 1;
    }
    if let Some(end) = dotted_id(t, i) {
        return end;
    }
    if t.touching(i + 1) && matches!(t.kind(i + 1), Some(Kind::Word | Kind::Latin)) {
        return i + 2;
    }
    if t.touching(i + 1)
        && t.is(i + 1, "+")
        && t.touching(i + 2)
        && t.kind(i + 2) == Some(Kind::Digits)
    {
        return i + 3;
    }
    // Digit groups joined by spaces or dashes.
    let mut j = i + 1;
    let mut digits = t.norm(i).len();
    loop {
        if t.kind(j) == Some(Kind::Digits) && t.joined(j) {
            digits += t.norm(j).len();
            j += 1;
        } else if t.joined(j)
            && t.norm(j) == "-"
            && t.joined(j + 1)
            && t.kind(j + 1) == Some(Kind::Digits)
        {
            digits += t.norm(j + 1).len();
            j += 2;
        } else {
            break;
        }
    }
    if digits >= 8 && !round_range(t, i, j) {
        j
    } else {
        i + 1
    }
}

/// True when tokens `i..end` are two round numbers joined by a dash, the second larger
/// (1000-5000, 2000 - 10000): a range, not a phone number.
fn round_range(t: &Tokens, i: usize, end: usize) -> bool {
    let round = |k: usize| {
        let g = t.norm(k);
        t.kind(k) == Some(Kind::Digits) && !g.starts_with('0') && g.ends_with('0') && g.len() <= 6
    };
    end == i + 3
        && t.norm(i + 1) == "-"
        && round(i)
        && round(i + 2)
        && t.norm(i).parse::<u64>().ok() < t.norm(i + 2).parse::<u64>().ok()
}

/// The end of a dotted run of digit groups at `i` that is an identifier or a phone number
/// rather than a decimal (٢٠٢.٥٥٥.٠١٢١, 192.168.100.100): three groups or more, ten digits
/// or more.
fn dotted_id(t: &Tokens, i: usize) -> Option<usize> {
    let (mut j, mut groups, mut digits) = (i + 1, 1, t.norm(i).len());
    while t.touching(j) && t.is(j, ".") && t.touching(j + 1) && t.kind(j + 1) == Some(Kind::Digits)
    {
        digits += t.norm(j + 1).len();
        groups += 1;
        j += 2;
    }
    (groups >= 3 && digits >= 10).then_some(j)
}

/// True when the digit groups starting at `i` look like a phone number or an identifier:
/// eight digits or more in groups that are not thousands (٦٥٠ ٧٠١ ٨٨٨٧, 0100-123-4567),
/// nine or more in one run (٦٥٠٧٠١٨٨٨٧), or a country code (+١ ٦٥٠٧٠١٨٨٨٧).
pub(crate) fn phone_at(t: &Tokens, i: usize) -> bool {
    let plus = i > 0 && t.touching(i) && t.is(i - 1, "+");
    // A country code: +١ ٦٥٠٧٠١٨٨٨٧, (+20)1001234567.
    let country_code = plus && t.norm(i).len() <= 3 && {
        let k = if t.is(i + 1, ")") { i + 2 } else { i + 1 };
        t.joined(k) && t.kind(k) == Some(Kind::Digits)
    };
    if country_code || dotted_id(t, i).is_some() {
        return true;
    }
    let end = skip(t, i);
    if end == i + 1 {
        // Nine digits or more with no separator: a phone number or an identifier.
        return country_code || t.norm(i).len() >= 9 || (plus && t.norm(i).len() >= 8);
    }
    let groups: Vec<&str> = (i..end)
        .filter(|&k| t.kind(k) == Some(Kind::Digits))
        .map(|k| t.norm(k))
        .collect();
    let thousands = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    let spaced = (i + 1..end).all(|k| t.kind(k) == Some(Kind::Digits));
    !(thousands && spaced) && (end - i > 2 || plus || groups.iter().any(|g| g.len() >= 7))
}

/// True when the digits at `i` are part of a code or a name rather than an amount: glued
/// to Latin letters (3D, issn%28), joined by + (اجتماع 2+2), between two Latin words (an
/// address such as "floor 4931 Pierre"), or a small number closing a quoted name
/// ("حماة الصداقة 2", "هايابوسا 2 ").
pub(crate) fn code_or_name(t: &Tokens, i: usize) -> bool {
    use Kind::{Digits, Latin, Punct, Word};
    let prev = i.checked_sub(1);
    let prev_kind = prev.and_then(|p| t.kind(p));
    let glued_latin = t.touching(i) && prev_kind == Some(Latin);
    let plus = t.touching(i)
        && prev.is_some_and(|p| {
            t.is(p, "+") && p > 0 && t.touching(p) && t.kind(p - 1) == Some(Digits)
        });
    let latin_context =
        prev_kind == Some(Latin) && t.joined(i) && t.joined(i + 1) && t.kind(i + 1) == Some(Latin);
    let quoted_name = prev_kind == Some(Word)
        && t.joined(i)
        && !t.touching(i)
        && t.norm(i).len() <= 2
        && t.joined(i + 1)
        && t.kind(i + 1) == Some(Punct)
        && matches!(t.norm(i + 1), "\"" | "”" | "»")
        && !LEXICON.starts(t, i - 1);
    // إف-22, هايابوسا-2: a number glued by a dash to a name.
    let dash_name = t.touching(i)
        && prev.is_some_and(|p| {
            t.is(p, "-") && p > 0 && t.touching(p) && matches!(t.kind(p - 1), Some(Word | Latin))
        });
    // إس400: a model glued to a word, not a number after clitics (ب300, وال23).
    let glued_word = t.touching(i)
        && prev_kind == Some(Word)
        && prev.is_some_and(|p| !t.norm(p).chars().all(|c| "وفبلكا".contains(c)));
    glued_latin || plus || latin_context || quoted_name || dash_name || glued_word
}

/// True when tokens `first..next` fill a quotation after a word for a work or a show
/// (برنامج "60 دقيقة", فيلم "300", رواية "ألف ليلة"): the title of a work, not a number.
pub(crate) fn title(t: &Tokens, first: usize, next: usize) -> bool {
    let quote = |k: usize| matches!(t.norm(k), "\"" | "“" | "”" | "«" | "»");
    first > 1
        && quote(first - 1)
        && quote(next)
        && t.joined(first - 1)
        && matches!(
            t.norm(first - 2),
            "برنامج"
                | "البرنامج"
                | "مسلسل"
                | "المسلسل"
                | "فيلم"
                | "الفيلم"
                | "كتاب"
                | "الكتاب"
                | "روايه"
                | "الروايه"
                | "اغنيه"
                | "الاغنيه"
                | "مسرحيه"
                | "المسرحيه"
        )
}
