//! What the cleaner's tokenizer leaves out of a page, and why nothing it reads changes:
//! - start tags nested deeper than [`MAX_DEPTH`]. The HTML5 tree builder checks "element in
//!   scope" by walking the stack of open elements, so 100,000 nested `<div>`s would cost it
//!   quadratic time; like browsers (Chromium stops nesting at 512), start tags past the cap are
//!   dropped and their text stays;
//! - the content of `<script>` and `<style>`, which is never text;
//! - white space between two tags past its first two characters, which say all the cleaner
//!   and the tree builder need (that it is there, and a second one after a `<pre>`'s leading
//!   line feed);
//! - the attributes that cannot change what the cleaner reads (href, src, data-*, on*, classes
//!   that do not name the author …), so they are never copied or interned; those that steer
//!   tree construction stay (all of `<input>`'s, `<font>`'s and `<annotation-xml>`'s);
//! - the text of comments.

/// Deepest nesting kept.
pub(super) const MAX_DEPTH: usize = 512;

/// How a tag counts toward the nesting depth.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Depth {
    /// Never nests: void elements, those whose end tag is implied by the next one, and those
    /// that close an open one of their kind (a, form, button, nobr).
    Flat,
    /// Raw text or PLAINTEXT: its start tag is never dropped, its end tag closes a level.
    Raw,
    /// Anything else.
    Nests,
}

/// How the tag named `name` counts toward the nesting depth (inlined, so that the tokenizer's
/// table of common names has it worked out at compile time).
#[inline(always)]
pub(super) fn depth(name: &str) -> Depth {
    match name {
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "link" | "meta" | "source"
        | "track" | "wbr" | "p" | "li" | "dt" | "dd" | "option" | "optgroup" | "tr" | "td"
        | "th" | "tbody" | "thead" | "tfoot" | "colgroup" | "caption" | "rb" | "rt" | "rp"
        | "html" | "head" | "body" | "param" | "keygen" | "a" | "form" | "button" | "nobr"
        | "input" => Depth::Flat,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes"
        | "noscript" | "plaintext" => Depth::Raw,
        _ => Depth::Nests,
    }
}

/// Whether every attribute of a start tag stays: those whose attributes can change the tree
/// (`<input type=hidden>` in tables, `<font>` and `<annotation-xml>` in foreign content).
pub(super) fn keeps_attrs(tag: &str) -> bool {
    matches!(tag, "input" | "font" | "annotation-xml")
}

/// Which attributes the cleaner reads, and on what condition.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Want {
    /// Never.
    No,
    /// Always (`hidden`, `aria-hidden`; a `<meta>`'s property, name and content).
    Yes,
    /// When its value says `display:none` (`style`).
    DisplayNone,
    /// When its value names the author, byline or writer (class, id, itemprop, rel).
    Author,
}

/// Whether the attribute `name` (lower case) of a start tag is read; `meta`: the tag is `<meta>`.
pub(super) fn want(name: &str, meta: bool) -> Want {
    match name {
        "hidden" | "aria-hidden" => Want::Yes,
        "style" => Want::DisplayNone,
        "class" | "id" | "itemprop" | "rel" => Want::Author,
        "property" | "name" | "content" if meta => Want::Yes,
        _ => Want::No,
    }
}

impl Want {
    /// Whether an attribute wanted on this condition, with this value, stays.
    pub(super) fn keeps(self, value: &str) -> bool {
        match self {
            Want::No => false,
            Want::Yes => true,
            Want::DisplayNone => display_none(value),
            Want::Author => names_author(value),
        }
    }
}

/// `display:none` in a style, whitespace and ASCII case ignored.
pub(super) fn display_none(style: &str) -> bool {
    const PAT: &[u8] = b"display:none";
    let mut at = 0;
    for c in style.chars().filter(|c| !c.is_whitespace()) {
        let c = c.to_ascii_lowercase();
        if c.is_ascii() && c as u8 == PAT[at] {
            at += 1;
            if at == PAT.len() {
                return true;
            }
        } else {
            // 'd' opens the pattern and occurs nowhere else in it
            at = usize::from(c == 'd');
        }
    }
    false
}

/// "author", "byline" or "writer" in a value, ASCII case ignored (one pass: each word is
/// tried only where its first letter stands).
pub(super) fn names_author(value: &str) -> bool {
    let b = value.as_bytes();
    let at = |i: usize, word: &[u8]| {
        b.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    (0..b.len()).any(|i| match b[i] | 0x20 {
        b'a' => at(i, b"author"),
        b'b' => at(i, b"byline"),
        b'w' => at(i, b"writer"),
        _ => false,
    })
}

/// Whether a run of text between two tags is white space to shorten: longer than two
/// characters, all spaces, tabs and line feeds.
pub(super) fn long_space(run: &[u8]) -> bool {
    run.len() > 2 && run.iter().all(|&c| matches!(c, b' ' | b'\t' | b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_none_ignores_space_and_case() {
        assert!(display_none("color:red; Display : None"));
        assert!(display_none("ddisplay:none"));
        assert!(!display_none("display:block; none"));
    }

    #[test]
    fn author_names() {
        assert!(names_author("post-Author big"));
        assert!(names_author("byline"));
        assert!(!names_author("auth"));
        assert!(names_author("x-BYLINE"));
        assert!(names_author("WriterX"));
        assert!(!names_author("wr byl"));
    }

    #[test]
    fn attributes_the_cleaner_reads() {
        assert!(want("hidden", false).keeps(""));
        assert!(want("class", false).keeps("by-writer"));
        assert!(!want("class", false).keeps("menu"));
        assert!(want("content", true).keeps("x"));
        assert!(!want("content", false).keeps("x"));
        assert!(!want("href", false).keeps("/x"));
    }
}
