//! Reading `application/x-www-form-urlencoded` query strings strictly, as Connect writes its
//! redirects: `+` is a space, a `%` must be followed by two hex digits, and the decoded bytes
//! must be UTF-8.

use core::fmt;

/// Why a query could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// A `%` not followed by two hex digits.
    InvalidPercentEncoding {
        /// Byte offset of the `%` in the query.
        offset: usize,
    },
    /// A name or value whose decoded bytes are not UTF-8.
    InvalidUtf8 {
        /// The parameter's name (decoded when it is UTF-8, as written otherwise).
        name: String,
    },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::InvalidPercentEncoding { offset } => {
                write!(f, "invalid percent-encoding at byte {offset} of the query")
            }
            QueryError::InvalidUtf8 { name } => {
                write!(f, "parameter `{}` is not UTF-8", crate::text::Escaped(name))
            }
        }
    }
}

impl std::error::Error for QueryError {}

/// The decoded `(name, value)` pairs of `query` (without its `?`), in order. Empty pieces
/// (`a=1&&b=2`) are skipped; a piece without `=` has an empty value.
pub fn parse_query(query: &str) -> Result<Vec<(String, String)>, QueryError> {
    let mut pairs = Vec::new();
    let mut offset = 0;
    for piece in query.split('&') {
        let start = offset;
        offset += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        let (name, value, value_start) = match piece.split_once('=') {
            Some((name, value)) => (name, value, start + name.len() + 1),
            None => (piece, "", start + piece.len()),
        };
        let name = decode(name, start).map_err(|error| match error {
            Decode::Percent(offset) => QueryError::InvalidPercentEncoding { offset },
            Decode::Utf8 => QueryError::InvalidUtf8 {
                name: name.to_owned(),
            },
        })?;
        let value = decode(value, value_start).map_err(|error| match error {
            Decode::Percent(offset) => QueryError::InvalidPercentEncoding { offset },
            Decode::Utf8 => QueryError::InvalidUtf8 { name: name.clone() },
        })?;
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// Why one component could not be decoded.
enum Decode {
    /// A bad `%` at this offset of the query.
    Percent(usize),
    /// The decoded bytes are not UTF-8.
    Utf8,
}

/// Decodes one component that starts at `offset` in the query.
fn decode(component: &str, offset: usize) -> Result<String, Decode> {
    let bytes = component.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
                match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        i += 2;
                    }
                    _ => return Err(Decode::Percent(offset + i)),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| Decode::Utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_and_plus() {
        let pairs =
            parse_query("error=access_denied&error_description=User+denied%20access%2E&&flag").unwrap();
        assert_eq!(
            pairs,
            [
                ("error".to_owned(), "access_denied".to_owned()),
                ("error_description".to_owned(), "User denied access.".to_owned()),
                ("flag".to_owned(), String::new()),
            ]
        );
        assert_eq!(parse_query("a=%E2%80%99").unwrap()[0].1, "’");
    }

    #[test]
    fn reports_bad_escapes_with_their_offset() {
        assert_eq!(
            parse_query("error=x&error_description=50%ZZ"),
            Err(QueryError::InvalidPercentEncoding { offset: 28 })
        );
        assert_eq!(
            parse_query("a=%4"),
            Err(QueryError::InvalidPercentEncoding { offset: 2 })
        );
        assert_eq!(
            parse_query("error_message=%FF"),
            Err(QueryError::InvalidUtf8 {
                name: "error_message".into()
            })
        );
        assert_eq!(
            parse_query("%FF=1"),
            Err(QueryError::InvalidUtf8 { name: "%FF".into() })
        );
    }
}
