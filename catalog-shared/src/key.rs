//! How an API error is named: `TYPE:CODE`, or `TYPE` alone for a code the docs document as
//! null (`SERVER:INTERNAL`, `AUTHENTICATION`).

use core::fmt;

/// The name of an API error: its type and its code (`None` for a null code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key<'a> {
    /// The error type (`SERVER`).
    pub error_type: &'a str,
    /// The code (`INTERNAL`); `None` for a null code.
    pub code: Option<&'a str>,
}

impl<'a> Key<'a> {
    /// The key of `error_type` and `code`.
    pub const fn new(error_type: &'a str, code: Option<&'a str>) -> Self {
        Key { error_type, code }
    }

    /// Reads a name as [`Display`](fmt::Display) writes it: `TYPE:CODE`, or `TYPE` alone for
    /// a null code. The first `:` separates the two.
    pub fn parse(name: &'a str) -> Self {
        // A byte loop: names are short, and `split_once` costs more than the lookup after it.
        match name.bytes().position(|byte| byte == b':') {
            Some(at) => Key::new(&name[..at], Some(&name[at + 1..])),
            None => Key::new(name, None),
        }
    }
}

/// `TYPE:CODE`, or `TYPE` for a null code.
impl fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.error_type)?;
        match self.code {
            Some(code) => write!(f, ":{code}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (name, key) in [
            ("SERVER:INTERNAL", Key::new("SERVER", Some("INTERNAL"))),
            ("AUTHENTICATION", Key::new("AUTHENTICATION", None)),
            ("SERVER:", Key::new("SERVER", Some(""))),
            ("A:B:C", Key::new("A", Some("B:C"))),
        ] {
            assert_eq!(Key::parse(name), key);
            assert_eq!(key.to_string(), name);
        }
    }
}
