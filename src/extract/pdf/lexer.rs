//! A content-stream lexer: page content bytes in, operators with their
//! operands out, borrowing from the input.
//!
//! lopdf's content parser builds an owned `Operation` (a `String` and a
//! `Vec<Object>`) for every operator; on resumes that is most of the time
//! spent extracting a page. This lexer reuses one operand buffer (and the
//! room of earlier arrays), borrows names and plain strings from the
//! content and hands hex strings over as written, to be decoded into a
//! buffer the reader reuses, so the interpreter pays only for what it
//! keeps. It understands everything that may appear
//! in a content stream — numbers, names, literal and hex strings, arrays,
//! dictionaries (marked-content properties), comments, and inline images,
//! whose binary data it skips — and never fails: bytes it cannot read are
//! skipped, as a viewer would.

use std::borrow::Cow;

/// One operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Number(f32),
    Name(Cow<'a, [u8]>),
    /// A literal string `( … )`, its escapes resolved.
    String(Cow<'a, [u8]>),
    /// A hex string `< … >` as written between its brackets. Decoding it
    /// here would allocate for every string a page shows; readers decode it
    /// into a buffer they reuse, through [`Operand::string_bytes`].
    HexString(&'a [u8]),
    Array(Vec<Operand<'a>>),
    /// A dictionary (marked-content properties) as written, `<<` to `>>`:
    /// most are never looked into, so their entries are read only on
    /// demand, by [`dictionary_value`].
    Dictionary(&'a [u8]),
    /// Booleans, null: present, but nothing the interpreter reads.
    Other,
}

impl Operand<'_> {
    pub fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The bytes of a string of either kind, a hex string decoded into
    /// `scratch`; `None` for any other operand.
    pub fn string_bytes<'s>(&'s self, scratch: &'s mut Vec<u8>) -> Option<&'s [u8]> {
        match self {
            Operand::String(bytes) => Some(bytes),
            Operand::HexString(digits) => {
                decode_hex(digits, scratch);
                Some(scratch)
            }
            _ => None,
        }
    }
}

/// Each byte's value as a hex digit, or `NOT_HEX`.
const HEX_VALUE: [u8; 256] = {
    let mut table = [NOT_HEX; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            c @ b'0'..=b'9' => c - b'0',
            c @ b'a'..=b'f' => c - b'a' + 10,
            c @ b'A'..=b'F' => c - b'A' + 10,
            _ => NOT_HEX,
        };
        b += 1;
    }
    table
};
const NOT_HEX: u8 = 0xFF;

/// A hex string's digits as bytes, into `out` (cleared first). Anything
/// that is not a digit (whitespace, as the format allows, or garbage) is
/// skipped; an odd last digit stands for its high half, as the format says.
fn decode_hex(digits: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.reserve(digits.len() / 2 + 1);
    let mut high: Option<u8> = None;
    for &c in digits {
        let v = HEX_VALUE[usize::from(c)];
        if v == NOT_HEX {
            continue;
        }
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
}

/// Walks a content stream one operator at a time.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    operands: Vec<Operand<'a>>,
    /// Emptied arrays from earlier operators, reused so that a page's
    /// `TJ` arrays do not each allocate.
    spare_arrays: Vec<Vec<Operand<'a>>>,
    /// Whether `operands` holds an array, to be kept in `spare_arrays`.
    operands_hold_array: bool,
}

/// What a token is: an operand, or the operator its operands go to.
enum Token<'a> {
    Operand(Operand<'a>),
    Operator(&'a [u8]),
}

/// Arrays nest this deep at most; deeper input is skipped, not recursed.
const MAX_DEPTH: usize = 32;

/// The three kinds of byte in PDF syntax, looked up rather than compared:
/// the lexer asks for every byte of a page.
const WHITESPACE: u8 = 1;
const DELIMITER: u8 = 2;
const REGULAR: u8 = 0;
const BYTE_CLASS: [u8; 256] = {
    let mut table = [REGULAR; 256];
    let whitespace = b" \n\r\t\x0c\0";
    let mut i = 0;
    while i < whitespace.len() {
        table[whitespace[i] as usize] = WHITESPACE;
        i += 1;
    }
    let delimiters = b"()<>[]{}/%";
    let mut i = 0;
    while i < delimiters.len() {
        table[delimiters[i] as usize] = DELIMITER;
        i += 1;
    }
    table
};

fn is_whitespace(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] == WHITESPACE
}

fn is_regular(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] == REGULAR
}

/// A plain decimal ("12", "-0.75", "5.", "-.5", "7.7865601") with at most
/// 15 digits, read without the general float parser. Such a mantissa and
/// power of ten are exact in `f64`, so one division rounds correctly
/// (Clinger's fast path); rounding that on to `f32` gives what `str::parse`
/// gives unless the `f64` lands exactly halfway between two `f32`s, where
/// the second rounding could go the wrong way: those few go the general
/// way, as does anything else. Content streams are mostly such numbers
/// (Chromium writes eight significant digits, past what an `f32` fast path
/// takes). Read straight from the content at `start`, in the same pass that
/// finds where the token ends: the number and that end, or `None` when the
/// token is not such a number (or runs on into other characters, as
/// "12abc" does).
fn simple_number_at(data: &[u8], start: usize) -> Option<(f32, usize)> {
    const MAX_DIGITS: usize = 15;
    const POWERS_OF_TEN: [f64; 16] = [
        1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    // The `f64` bits an `f32` drops (52 - 23), and their value exactly
    // halfway between two `f32`s.
    const DROPPED: u64 = (1 << 29) - 1;
    const HALFWAY: u64 = 1 << 28;
    let (negative, mut pos) = match data.get(start)? {
        b'-' => (true, start + 1),
        b'+' => (false, start + 1),
        _ => (false, start),
    };
    // The digits before and after the point, each in a loop of its own.
    // The mantissa may wrap past 19 digits: such a number is refused below
    // for its length, whatever it wrapped to.
    let mut mantissa: u64 = 0;
    let mut read_digits = |pos: &mut usize| {
        let first = *pos;
        while let Some(&b) = data.get(*pos)
            && b.is_ascii_digit()
        {
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
            *pos += 1;
        }
        *pos - first
    };
    let mut digits = read_digits(&mut pos);
    let mut after_point = 0;
    if data.get(pos) == Some(&b'.') {
        pos += 1;
        after_point = read_digits(&mut pos);
        digits += after_point;
    }
    // A second point, a letter: not a plain number.
    if digits == 0 || digits > MAX_DIGITS || data.get(pos).is_some_and(|&b| is_regular(b)) {
        return None;
    }
    let value = mantissa as f64 / POWERS_OF_TEN[after_point];
    // Ranges the `f32` normal range: only the halfway case is unsafe.
    if value.to_bits() & DROPPED == HALFWAY {
        return None;
    }
    let value = value as f32;
    Some((if negative { -value } else { value }, pos))
}

/// The value of `key` in a dictionary operand's bytes (see
/// [`Operand::Dictionary`]), at its top level.
pub fn dictionary_value<'a>(dictionary: &'a [u8], key: &[u8]) -> Option<Operand<'a>> {
    let inner = dictionary.strip_prefix(b"<<")?;
    let inner = inner.strip_suffix(b">>").unwrap_or(inner);
    let mut lexer = Lexer::new(inner);
    let mut after_key = false;
    loop {
        lexer.skip_whitespace_and_comments();
        let &b = lexer.data.get(lexer.pos)?;
        let Token::Operand(operand) = lexer.token(b, 0) else {
            after_key = false;
            continue;
        };
        if after_key {
            return Some(operand);
        }
        // Keys and values alternate, so a name in a value's place (`/S
        // /Span`) is told from a key by the key that came before it.
        after_key = matches!(&operand, Operand::Name(name) if name.as_ref() == key);
        if !after_key {
            // Skip the value that follows a key.
            lexer.skip_whitespace_and_comments();
            let &b = lexer.data.get(lexer.pos)?;
            lexer.token(b, 0);
        }
    }
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            operands: Vec::with_capacity(8),
            spare_arrays: Vec::new(),
            operands_hold_array: false,
        }
    }

    /// The next operator and its operands, or `None` at the end.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<(&'a [u8], &[Operand<'a>])> {
        self.recycle_operands();
        loop {
            self.skip_whitespace_and_comments();
            let &b = self.data.get(self.pos)?;
            // Most tokens are plain numbers: those are read here, without
            // the general dispatch.
            if let Some(number) = self.plain_number(b) {
                self.operands.push(number);
                continue;
            }
            // And most of the rest are operators (all but `'` and `"` open
            // with a letter), read without it too.
            let token = if b.is_ascii_alphabetic() {
                self.keyword_or_operator()
            } else {
                self.token(b, 0)
            };
            match token {
                Token::Operand(operand) => {
                    self.operands_hold_array |= matches!(operand, Operand::Array(_));
                    self.operands.push(operand);
                }
                Token::Operator(b"ID") => {
                    self.skip_inline_image_data();
                    // Report the image as its end marker, so callers see
                    // one operator per inline image.
                    self.recycle_operands();
                    return Some((b"EI", &self.operands));
                }
                Token::Operator(operator) => return Some((operator, &self.operands)),
            }
        }
    }

    /// The plain number (see [`simple_number_at`]) that starts at `b`, read
    /// without the general dispatch of [`Lexer::token`]: most tokens are.
    fn plain_number(&mut self, b: u8) -> Option<Operand<'a>> {
        if !(b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.')) {
            return None;
        }
        let (value, end) = simple_number_at(self.data, self.pos)?;
        self.pos = end;
        Some(Operand::Number(value))
    }

    /// Clear the last operator's operands, keeping their arrays' room.
    fn recycle_operands(&mut self) {
        // Most operators take no array: clearing them is all there is.
        if self.operands_hold_array {
            for operand in self.operands.drain(..) {
                if let Operand::Array(mut items) = operand {
                    items.clear();
                    self.spare_arrays.push(items);
                }
            }
            self.operands_hold_array = false;
        }
        // Most operands are numbers, which own nothing: popping them one by
        // one lets those go without the drop call `clear` makes for every
        // operand (a tenth of the lexer's time).
        while let Some(operand) = self.operands.pop() {
            match operand {
                Operand::Number(_) => std::mem::forget(operand),
                owner => drop(owner),
            }
        }
    }

    fn skip_whitespace_and_comments(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_whitespace(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self
                    .data
                    .get(self.pos)
                    .is_some_and(|&c| c != b'\n' && c != b'\r')
                {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Read the token starting at `b` (neither whitespace nor a comment).
    fn token(&mut self, b: u8, depth: usize) -> Token<'a> {
        let operand = match b {
            b'/' => self.name(),
            b'(' => Operand::String(self.literal_string()),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                let start = self.pos;
                self.skip_dictionary();
                Operand::Dictionary(&self.data[start..self.pos])
            }
            b'<' => Operand::HexString(self.hex_string()),
            b'[' => self.array(depth),
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            // A stray closing delimiter.
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Operand::Other
            }
            // `b` is regular: everything else is matched above or skipped
            // before, so the run is never empty.
            _ => return self.keyword_or_operator(),
        };
        Token::Operand(operand)
    }

    /// A run of regular characters: a keyword operand, or else an operator.
    /// (Inlined: nearly every operator of a page is read here.)
    #[inline(always)]
    fn keyword_or_operator(&mut self) -> Token<'a> {
        let start = self.pos;
        self.pos = self.token_end();
        match &self.data[start..self.pos] {
            b"true" | b"false" | b"null" => Token::Operand(Operand::Other),
            operator => Token::Operator(operator),
        }
    }

    fn token_end(&self) -> usize {
        let mut end = self.pos;
        while self.data.get(end).is_some_and(|&c| is_regular(c)) {
            end += 1;
        }
        end
    }

    /// A number that is not plain: callers try [`Lexer::plain_number`]
    /// first, so this is the general reading.
    fn number(&mut self) -> Operand<'a> {
        let start = self.pos;
        let end = self.token_end().max(start + 1);
        self.pos = end;
        let text = std::str::from_utf8(&self.data[start..end]).unwrap_or("");
        // Producers write "-.5", "5.", even "--5"; anything unreadable is 0,
        // as viewers treat it.
        let value = text
            .parse::<f32>()
            .or_else(|_| {
                text.trim_start_matches(['+', '-'])
                    .parse::<f32>()
                    .map(|v| if text.starts_with('-') { -v } else { v })
            })
            .unwrap_or(0.0);
        Operand::Number(if value.is_finite() { value } else { 0.0 })
    }

    fn name(&mut self) -> Operand<'a> {
        self.pos += 1;
        let start = self.pos;
        let end = self.token_end();
        self.pos = end;
        let raw = &self.data[start..end];
        if !raw.contains(&b'#') {
            return Operand::Name(Cow::Borrowed(raw));
        }
        // "#20" escapes.
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'#'
                && let Some(v) = raw
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
            out.push(raw[i]);
            i += 1;
        }
        Operand::Name(Cow::Owned(out))
    }

    fn literal_string(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let start = self.pos;
        let mut depth = 1usize;
        let mut escaped = false;
        // Fast path: no escapes, borrow the bytes.
        let mut i = start;
        while let Some(&c) = self.data.get(i) {
            match c {
                b'\\' => {
                    escaped = true;
                    break;
                }
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos = i + 1;
                        return Cow::Borrowed(&self.data[start..i]);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if !escaped {
            // Unterminated: the rest of the stream.
            self.pos = self.data.len();
            return Cow::Borrowed(&self.data[start..]);
        }
        let mut out = Vec::with_capacity(i - start + 16);
        let mut depth = 1usize;
        let mut i = start;
        while let Some(&c) = self.data.get(i) {
            i += 1;
            match c {
                b'\\' => {
                    let Some(&e) = self.data.get(i) else { break };
                    i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(i) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        i += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        // A backslash before an end of line continues the
                        // string on the next line.
                        b'\r' => {
                            if self.data.get(i) == Some(&b'\n') {
                                i += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        self.pos = i;
        Cow::Owned(out)
    }

    /// A hex string's digits, undecoded (see [`Operand::HexString`]).
    fn hex_string(&mut self) -> &'a [u8] {
        let start = self.pos + 1;
        let rest = &self.data[start..];
        match rest.iter().position(|&c| c == b'>') {
            Some(length) => {
                self.pos = start + length + 1;
                &rest[..length]
            }
            None => {
                self.pos = self.data.len();
                rest
            }
        }
    }

    fn array(&mut self, depth: usize) -> Operand<'a> {
        self.pos += 1;
        let mut items = self.spare_arrays.pop().unwrap_or_default();
        loop {
            self.skip_whitespace_and_comments();
            let Some(&b) = self.data.get(self.pos) else {
                break;
            };
            if b == b']' {
                self.pos += 1;
                break;
            }
            if depth >= MAX_DEPTH {
                self.pos += 1;
                continue;
            }
            // A `TJ` array is strings and the numbers between them.
            if let Some(number) = self.plain_number(b) {
                items.push(number);
                continue;
            }
            match self.token(b, depth + 1) {
                Token::Operand(item) => items.push(item),
                // An operator inside an array is malformed: it is skipped.
                Token::Operator(_) => {}
            }
        }
        Operand::Array(items)
    }

    fn skip_dictionary(&mut self) {
        let mut depth = 0usize;
        while self.pos < self.data.len() {
            match (self.data[self.pos], self.data.get(self.pos + 1)) {
                (b'<', Some(b'<')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (b'>', Some(b'>')) => {
                    self.pos += 2;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                (b'(', _) => {
                    self.literal_string();
                }
                // A hex string's closing bracket is not half of a `>>`.
                (b'<', _) => {
                    self.hex_string();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skip an inline image's data: from after `ID` and one whitespace byte
    /// to an `EI` that stands alone between whitespace.
    fn skip_inline_image_data(&mut self) {
        self.pos += 1;
        while self.pos + 1 < self.data.len() {
            if self.data[self.pos] == b'E'
                && self.data[self.pos + 1] == b'I'
                && self.pos > 0
                && is_whitespace(self.data[self.pos - 1])
                && self
                    .data
                    .get(self.pos + 2)
                    .is_none_or(|&c| is_whitespace(c))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.data.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole token read by the fast path, or `None`.
    fn simple_number(token: &[u8]) -> Option<f32> {
        match simple_number_at(token, 0) {
            Some((value, end)) if end == token.len() => Some(value),
            _ => None,
        }
    }

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lexer = Lexer::new(data);
        let mut out = Vec::new();
        while let Some((op, operands)) = lexer.next() {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.to_vec()));
        }
        out
    }

    #[test]
    fn text_operators_and_operands() {
        let got = ops(b"BT /F1 10.5 Tf 72 -.5 Td [(Owned)-250(the)] TJ (a\\(b\\)c\\101) Tj <48 65 6c6c 6f> Tj ET");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Td", "TJ", "Tj", "Tj", "ET"]);
        assert_eq!(got[1].1[0], Operand::Name(Cow::Borrowed(b"F1")));
        assert_eq!(got[1].1[1], Operand::Number(10.5));
        assert_eq!(got[2].1[1], Operand::Number(-0.5));
        assert_eq!(
            got[3].1[0],
            Operand::Array(vec![
                Operand::String(Cow::Borrowed(b"Owned")),
                Operand::Number(-250.0),
                Operand::String(Cow::Borrowed(b"the")),
            ])
        );
        assert_eq!(got[4].1[0], Operand::String(Cow::Owned(b"a(b)cA".to_vec())));
        assert_eq!(got[5].1[0], Operand::HexString(b"48 65 6c6c 6f"));
        let mut scratch = Vec::new();
        assert_eq!(got[5].1[0].string_bytes(&mut scratch), Some(&b"Hello"[..]));
        // Garbage between digits is skipped; an odd last digit is a high half.
        assert_eq!(
            Operand::HexString(b"4z8\n6").string_bytes(&mut scratch),
            Some(&b"\x48\x60"[..])
        );
        assert_eq!(Operand::Number(1.0).string_bytes(&mut scratch), None);
    }

    #[test]
    fn comments_dictionaries_and_inline_images_are_skipped() {
        let got = ops(
            b"% a comment\n/P <</MCID 3 /Alt (x>>y)>> BDC q BI /W 2 /H 1 ID \x00EI\xff EI Q EMC",
        );
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BDC", "q", "BI", "EI", "Q", "EMC"]);
        assert_eq!(got[0].1[1], Operand::Dictionary(b"<</MCID 3 /Alt (x>>y)>>"));
    }

    #[test]
    fn dictionary_values_are_read_on_demand() {
        let dict = b"<</S /ActualText /Alt <FEFF0031>/ActualText (2\\0618) /MCID 3 /P <</ActualText (no)>>>>";
        let value = |key: &[u8]| dictionary_value(dict, key);
        assert_eq!(
            value(b"ActualText"),
            Some(Operand::String(Cow::Owned(b"218".to_vec())))
        );
        assert_eq!(value(b"Alt"), Some(Operand::HexString(b"FEFF0031")));
        assert_eq!(value(b"MCID"), Some(Operand::Number(3.0)));
        assert_eq!(
            value(b"S"),
            Some(Operand::Name(Cow::Borrowed(b"ActualText")))
        );
        assert_eq!(value(b"Span"), None);
        assert_eq!(value(b"Lang"), None);
        // A hex string ends before the dictionary does.
        let got = ops(b"/Span <</ActualText <FEFF0032>>> BDC EMC");
        assert_eq!(
            got[0].1[1],
            Operand::Dictionary(b"<</ActualText <FEFF0032>>>")
        );
    }

    /// On every fixture PDF, the same operators and numbers as lopdf's own
    /// content parser.
    #[test]
    fn agrees_with_lopdf_on_the_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf");
        let mut pages = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let doc = lopdf::Document::load(entry.path()).unwrap();
            for (_, id) in doc.get_pages() {
                let content = doc.get_page_content(id);
                let theirs: Vec<(String, Vec<Option<f32>>)> =
                    lopdf::content::Content::decode_iter(&content)
                        .map_while(Result::ok)
                        .map(|op| {
                            let nums = op.operands.iter().map(|o| o.as_float().ok()).collect();
                            (op.operator, nums)
                        })
                        .collect();
                let mut lexer = Lexer::new(&content);
                let mut ours = Vec::new();
                while let Some((op, operands)) = lexer.next() {
                    let nums = operands.iter().map(Operand::number).collect();
                    ours.push((String::from_utf8_lossy(op).into_owned(), nums));
                }
                assert_eq!(ours, theirs, "{}", entry.path().display());
                pages += 1;
            }
        }
        assert!(pages > 40);
    }

    /// The fast path gives exactly what the general parser gives.
    #[test]
    fn simple_numbers_read_as_str_parse_reads_them() {
        let mut checked = 0;
        for mantissa in (0..20_000u32).chain([16_777_215, 16_777_216, 16_777_217, 99_999_999]) {
            let digits = mantissa.to_string();
            for point in 0..=digits.len().min(11) {
                let (int, frac) = digits.split_at(digits.len() - point);
                for sign in ["", "-", "+"] {
                    let text = format!("{sign}{int}.{frac}");
                    let text = if point == 0 {
                        format!("{sign}{int}")
                    } else {
                        text
                    };
                    if let Some(fast) = simple_number(text.as_bytes()) {
                        assert_eq!(fast, text.parse::<f32>().unwrap(), "{text}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100_000);
        // Long mantissas, as Chromium writes them, at every point position:
        // a fixed pseudo-random sequence of 6 to 15 digits.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut long = 0;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let digits = (state % 10_u64.pow(6 + (state >> 60) as u32 % 10)).to_string();
            let point = (state >> 40) as usize % (digits.len() + 1);
            let text = format!("{}.{}", &digits[..point], &digits[point..]);
            if let Some(fast) = simple_number(text.as_bytes()) {
                assert_eq!(fast, text.parse::<f32>().unwrap(), "{text}");
                long += 1;
            }
        }
        assert!(long > 199_000, "{long}");
        assert_eq!(simple_number(b"-.5"), Some(-0.5));
        assert_eq!(simple_number(b"5."), Some(5.0));
        assert_eq!(simple_number(b"7.7865601"), "7.7865601".parse().ok());
        assert_eq!(simple_number(b"99999999"), Some(99_999_999.0));
        // 2^24 + 1 lies halfway between two f32s: the general way.
        assert_eq!(simple_number(b"16777217"), None);
        for general in [
            &b"."[..],
            b"-",
            b"1e5",
            b"--5",
            b"1.2.3",
            b"1234567890123456",
            b"0.0000000000000001",
        ] {
            assert_eq!(simple_number(general), None, "{general:?}");
        }
    }

    #[test]
    fn byte_classes_are_the_pdf_ones() {
        for b in 0..=255u8 {
            let whitespace = matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0');
            let delimiter = b"()<>[]{}/%".contains(&b);
            assert_eq!(is_whitespace(b), whitespace, "{b}");
            assert_eq!(is_regular(b), !whitespace && !delimiter, "{b}");
        }
    }

    #[test]
    fn garbage_never_panics_or_loops() {
        for data in [
            &b")))>>>]]]"[..],
            b"(unterminated",
            b"<abc",
            b"[[[[",
            b"/#zz /",
            b"--5 +.e Tj",
        ] {
            let _ = ops(data);
        }
    }
}
