//! The string members of an error body, kept back to back in one buffer: reading a body costs
//! one allocation for all its strings, however many it has.

use core::fmt;
use std::borrow::Cow;

/// How many strings a body keeps: the nine string members, then `resolution.type` and
/// `resolution.url`.
pub(crate) const SLOTS: usize = 11;

/// The slot of `resolution.type`.
pub(crate) const RESOLUTION_TYPE: usize = 9;
/// The slot of `resolution.url`.
pub(crate) const RESOLUTION_URL: usize = 10;

/// [`SLOTS`] optional strings in one buffer: slot `i` is `buf[ends[i - 1]..ends[i]]` when bit
/// `i` of `present` is set.
#[derive(Clone, Default)]
pub(crate) struct Texts {
    buf: Box<str>,
    ends: [usize; SLOTS],
    present: u16,
}

impl Texts {
    /// The strings of `slots`, copied into one buffer of their total length.
    pub(crate) fn new(slots: &[Option<Cow<'_, str>>; SLOTS]) -> Texts {
        let total = slots.iter().flatten().map(|text| text.len()).sum();
        let mut buf = String::with_capacity(total);
        let mut texts = Texts::default();
        for (slot, text) in slots.iter().enumerate() {
            if let Some(text) = text {
                buf.push_str(text);
                texts.present |= 1 << slot;
            }
            texts.ends[slot] = buf.len();
        }
        texts.buf = buf.into_boxed_str();
        texts
    }

    /// The string in `slot`, if any.
    pub(crate) fn get(&self, slot: usize) -> Option<&str> {
        if slot >= SLOTS || self.present & (1 << slot) == 0 {
            return None;
        }
        let start = slot.checked_sub(1).map_or(0, |before| self.ends[before]);
        self.buf.get(start..self.ends[slot])
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries((0..SLOTS).map(|slot| self.get(slot)))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_hold_their_strings_empty_ones_included() {
        let mut slots: [Option<Cow<'_, str>>; SLOTS] = Default::default();
        slots[0] = Some("SERVER".into());
        slots[2] = Some(String::new().into());
        slots[RESOLUTION_URL] = Some("https://x/é".to_owned().into());
        let texts = Texts::new(&slots);
        let read: Vec<Option<&str>> = (0..SLOTS).map(|slot| texts.get(slot)).collect();
        let mut expected = [None; SLOTS];
        (expected[0], expected[2], expected[RESOLUTION_URL]) =
            (Some("SERVER"), Some(""), Some("https://x/é"));
        assert_eq!(read, expected);
        assert_eq!(texts.get(SLOTS), None);
    }
}
