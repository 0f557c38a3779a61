//! Reading `application/x-www-form-urlencoded` query strings strictly.

use crate::RedirectError;

/// The decoded `(name, value)` pairs of `query`, in order. `+` is a space; a `%` must be
/// followed by two hex digits; the decoded bytes must be UTF-8.
pub(crate) fn parse_query(query: &str) -> Result<Vec<(String, String)>, RedirectError> {
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
        let name = decode(name, start)?;
        let value = decode(value, value_start).map_err(|error| match error {
            RedirectError::InvalidUtf8 { .. } => RedirectError::InvalidUtf8 { name: name.clone() },
            other => other,
        })?;
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// Decodes one component that starts at `offset` in the query.
fn decode(component: &str, offset: usize) -> Result<String, RedirectError> {
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
                    _ => {
                        return Err(RedirectError::InvalidPercentEncoding { offset: offset + i });
                    }
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| RedirectError::InvalidUtf8 {
        name: component.to_owned(),
    })
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
            Err(RedirectError::InvalidPercentEncoding { offset: 28 })
        );
        assert_eq!(
            parse_query("a=%4"),
            Err(RedirectError::InvalidPercentEncoding { offset: 2 })
        );
        assert_eq!(
            parse_query("error_message=%FF"),
            Err(RedirectError::InvalidUtf8 {
                name: "error_message".into()
            })
        );
    }
}
