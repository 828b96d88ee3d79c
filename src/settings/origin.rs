//! Where a setting's value came from, kept as data; `--verbose` shows it
//! (`output::verbose`).

/// How a value's source is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// `(from X)`: a flag, a variable, a profile, a region.
    Said(String),
    /// `(X)`: a note such as `default`.
    Note(String),
    /// Nothing more to say.
    Bare,
}

/// One setting as resolved: what it is (`region cn-hangzhou`) and where it
/// came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub what: String,
    pub from: From,
}

impl Origin {
    pub fn new(what: impl Into<String>, from: From) -> Self {
        Origin {
            what: what.into(),
            from,
        }
    }

    /// `what (from source)`.
    pub fn said(what: impl Into<String>, source: impl Into<String>) -> Self {
        Origin::new(what, From::Said(source.into()))
    }

    /// `what (note)`.
    pub fn note(what: impl Into<String>, note: impl Into<String>) -> Self {
        Origin::new(what, From::Note(note.into()))
    }
}
