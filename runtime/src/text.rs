//! The text functions behind section 2.2 of the API description: lengths
//! in characters, character sets, and case-insensitive comparison. The
//! register's own set and length are the spec's: the generated models carry
//! them as `STRING_CHARSET` and `STRING_MAX_CHARS`.

/// Part of a character set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// Every character from the first to the second, both included.
    Range(char, char),
    /// Each of these characters.
    Chars(&'static str),
}

impl CharClass {
    /// Whether `c` is in the class.
    pub fn contains(&self, c: char) -> bool {
        match self {
            CharClass::Range(from, to) => (*from..=*to).contains(&c),
            CharClass::Chars(chars) => chars.contains(c),
        }
    }
}

/// A set of allowed characters: the union of its classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharSet {
    classes: &'static [CharClass],
    /// Entry `n` is set when the byte `n` is an ASCII character in the
    /// set; the entries of bytes 128–255 (parts of other characters) are
    /// never set. Almost every character checked is ASCII, and this makes
    /// a byte one load and test, the non-ASCII ones included (they stop the
    /// fast scan). (Measured with callgrind: the class-by-class scan was
    /// 38 % of the instructions of reading and validating a request; a
    /// `u128` bit test per character, 5.9 %.)
    ascii: [bool; 256],
}

impl CharSet {
    /// A set of these classes.
    pub const fn new(classes: &'static [CharClass]) -> Self {
        let mut ascii = [false; 256];
        let mut i = 0;
        while i < classes.len() {
            match classes[i] {
                CharClass::Range(from, to) => {
                    let mut c = from as u32;
                    while c <= to as u32 && c < 128 {
                        ascii[c as usize] = true;
                        c += 1;
                    }
                }
                CharClass::Chars(chars) => {
                    let bytes = chars.as_bytes();
                    let mut j = 0;
                    while j < bytes.len() {
                        // The bytes of a multi-byte character are all >= 128.
                        if bytes[j] < 128 {
                            ascii[bytes[j] as usize] = true;
                        }
                        j += 1;
                    }
                }
            }
            i += 1;
        }
        CharSet { classes, ascii }
    }

    /// The classes of the set.
    pub fn classes(&self) -> &'static [CharClass] {
        self.classes
    }

    /// Whether `c` is in the set.
    pub fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            self.classes.iter().any(|class| class.contains(c))
        }
    }

    /// The first character of `text` outside the set, with its position in
    /// characters from 0.
    #[inline]
    pub fn first_outside(&self, text: &str) -> Option<(usize, char)> {
        // ASCII bytes are characters of their own: test them one bit each,
        // and decode characters only from the first byte that is not ASCII.
        let bytes = text.as_bytes();
        let inside = |b: &u8| self.ascii[usize::from(*b)];
        // Eight bytes at a time without a branch per byte, then byte by
        // byte from the first group that has a byte outside.
        let mut start = 0;
        for group in bytes.chunks_exact(8) {
            if !group.iter().fold(true, |all, b| all & inside(b)) {
                break;
            }
            start += 8;
        }
        let i = bytes[start..]
            .iter()
            .position(|b| !inside(b))
            .map_or(bytes.len(), |n| start + n);
        match bytes.get(i) {
            None => return None,
            Some(&b) if b < 128 => return Some((i, char::from(b))),
            // Up to `i` every byte was an ASCII character of its own.
            Some(_) => {}
        }
        text[i..]
            .chars()
            .enumerate()
            .find(|(_, c)| !self.contains(*c))
            .map(|(n, c)| (i + n, c))
    }
}

/// The length in characters (Unicode scalar values), which is what the
/// register counts, not bytes: `"ÅÄÖ"` is 3 characters and 6 bytes.
///
/// ```
/// assert_eq!(pcr_runtime::text::char_count("ÅÄÖ"), 3);
/// ```
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// Compares two texts ignoring letter case, as section 2.2 compares String
/// and codeset values ("Fi, fi and FI are all interpreted as the same
/// value").
///
/// ```
/// use pcr_runtime::text::eq_ignore_case;
///
/// assert!(eq_ignore_case("Fi", "FI"));
/// assert!(eq_ignore_case("Äänekoski", "ÄÄNEKOSKI"));
/// assert!(!eq_ignore_case("Fi", "Fin"));
/// ```
pub fn eq_ignore_case(a: &str, b: &str) -> bool {
    // ID codes and codes are ASCII: compare them without Unicode case
    // mapping (callgrind: that was 13 % of disclosing an extract).
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}
