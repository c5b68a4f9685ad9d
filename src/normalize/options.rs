//! The switchable normalization rules and their named presets.

use std::fmt;

/// Declares the rule switches once: the struct fields, their names, defaults and docs.
macro_rules! rules {
    ($($(#[doc = $doc:literal])* $name:ident = $default:literal,)*) => {
        /// Which normalization rules are on. Every rule is a named boolean.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Options {
            $($(#[doc = $doc])* pub $name: bool,)*
        }

        impl Options {
            /// Every rule name, in documentation order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// Sets the rule called `name`; returns `false` when no rule has that name.
            pub fn set(&mut self, name: &str, on: bool) -> bool {
                match name {
                    $(stringify!($name) => self.$name = on,)*
                    _ => return false,
                }
                true
            }

            /// The rules as `(name, on)` pairs, in documentation order.
            pub fn items(&self) -> Vec<(&'static str, bool)> {
                vec![$((stringify!($name), self.$name)),*]
            }

            /// Every rule off: the identity normalizer.
            pub const fn none() -> Self {
                Options { $($name: false,)* }
            }
        }

        impl Default for Options {
            /// Defaults for search and NLP.
            fn default() -> Self {
                Options { $($name: $default,)* }
            }
        }
    };
}

rules! {
    /// Remove harakat, tanween, shadda, sukun and dagger alef (U+064B–U+0652, U+0670).
    diacritics = true,
    /// With `diacritics`, also remove Quranic annotation marks and the rarer Arabic
    /// combining marks (U+0610–U+061A, U+0653–U+065F, U+06D6–U+06ED, U+08D3–U+08FF).
    quranic_marks = true,
    /// Remove tatweel (U+0640).
    tatweel = true,
    /// أ إ آ ٱ → ا
    alef = true,
    /// ى → ي
    alef_maqsura = true,
    /// ة → ه
    teh_marbuta = false,
    /// ؤ → و, ئ → ي
    hamza = false,
    /// Arabic-Indic and Persian digits → ASCII; ٫ → `.` and ٬ → `,` between digits.
    digits = true,
    /// Arabic presentation forms A and B and ligatures → base letters (ﻻ → لا, ﷲ → الله).
    presentation_forms = true,
    /// ک → ك, ی ې → ي, ہ ھ ە ۀ → ه, ٲ ٳ ٵ → ا
    persian = false,
    /// Remove zero-width characters, bidi controls, ALM, BOM and soft hyphens. A zero-width
    /// space between two words leaves a space; the other invisible characters belong to the
    /// word they stand in (UAX #29) and leave a space only where the script changes.
    invisible = true,
    /// Unicode spaces → space, runs collapsed, lines trimmed, newlines kept.
    whitespace = true,
    /// ، ؛ ؟ → , ; ?
    punctuation = false,
}

/// The named presets, for `Options::preset`.
pub const PRESETS: &[&str] = &["default", "search", "display", "camel", "none"];

impl Options {
    /// A named preset:
    /// - `"default"`: the defaults;
    /// - `"search"`: everything folded for matching (the defaults plus teh marbuta,
    ///   hamza, Persian letters and punctuation);
    /// - `"display"`: only invisible characters, presentation forms and whitespace;
    /// - `"camel"`: exactly CAMeL Tools' `dediac_ar` + `normalize_alef_ar` +
    ///   `normalize_alef_maksura_ar` + `normalize_teh_marbuta_ar`;
    /// - `"none"`: every rule off.
    pub fn preset(name: &str) -> Option<Options> {
        let none = Options::none();
        Some(match name {
            "default" => Options::default(),
            "search" => Options {
                teh_marbuta: true,
                hamza: true,
                persian: true,
                punctuation: true,
                ..Options::default()
            },
            "display" => Options {
                invisible: true,
                presentation_forms: true,
                whitespace: true,
                ..none
            },
            "camel" => Options {
                diacritics: true,
                alef: true,
                alef_maqsura: true,
                teh_marbuta: true,
                ..none
            },
            "none" => none,
            _ => return None,
        })
    }
}

impl fmt::Display for Options {
    /// Lists the rules that differ from the defaults, e.g. `teh_marbuta=True`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let defaults = Options::default().items();
        let mut first = true;
        for ((name, on), (_, default)) in self.items().into_iter().zip(defaults) {
            if on != default {
                if !first {
                    f.write_str(", ")?;
                }
                write!(f, "{name}={}", if on { "True" } else { "False" })?;
                first = false;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_by_name() {
        let mut o = Options::default();
        assert!(o.set("teh_marbuta", true));
        assert!(o.teh_marbuta);
        assert!(!o.set("nonsense", true));
    }

    #[test]
    fn every_preset_resolves() {
        for name in PRESETS {
            assert!(Options::preset(name).is_some(), "{name}");
        }
        assert_eq!(Options::preset("nope"), None);
    }

    #[test]
    fn display_lists_changes_only() {
        let o = Options {
            hamza: true,
            digits: false,
            ..Options::default()
        };
        assert_eq!(o.to_string(), "hamza=True, digits=False");
    }
}
