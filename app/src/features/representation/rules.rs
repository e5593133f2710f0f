//! The invitation code: 15 characters of an alphabet without look-alikes
//! (Crockford's base 32: no I, L, O or U), 75 bits of randomness, written in
//! three groups of five so it can be read aloud over the phone. Kept only as
//! a hash; typed in any case, with or without spaces and dashes, and with
//! O for 0 and I or L for 1.

/// The code's alphabet: 32 characters, 5 bits each.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a code (15 × 5 = 75 bits).
pub const CODE_LEN: usize = 15;

/// A new code, written as `K7QM2-XHP9D-TARWZ`.
pub fn new_code() -> String {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    let chars: Vec<char> = (0..CODE_LEN).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    chars.chunks(5).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The code as typed, in its one written form (`K7QM2XHP9DTARWZ`); `None`
/// when it cannot be a code (wrong length or characters).
pub fn normalize(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(CODE_LEN);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\u{a0}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !ALPHABET.contains(&(c as u32).try_into().unwrap_or(b'?')) {
            return None;
        }
        out.push(c);
    }
    (out.len() == CODE_LEN).then_some(out)
}

/// What is stored of a code: its SHA-256, hex. 75 random bits need no salt.
pub fn code_hash(normalized: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("enplan-invitation:{normalized}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What is stored of a paper power of attorney's CPR number (ten digits,
/// with or without the dash), matched when the helper first logs in.
pub fn cpr_hash(cpr: &str) -> String {
    use sha2::{Digest, Sha256};
    let digits: String = cpr.chars().filter(char::is_ascii_digit).collect();
    let digest = Sha256::digest(format!("enplan-helper-cpr:{digits}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// How long an invitation can be redeemed: 7 days.
pub const CODE_VALID_MS: i64 = 7 * 24 * 3600 * 1000;
/// Wrong codes allowed within [`LOCK_MS`] before the person must wait.
pub const MAX_WRONG: i64 = 5;
/// How long five wrong codes lock a person out: 15 minutes.
pub const LOCK_MS: i64 = 15 * 60 * 1000;
/// Both are told this long before an access ends by itself: 14 days.
pub const EXPIRY_NOTICE_MS: i64 = 14 * 24 * 3600 * 1000;

/// The end of an access that starts at `start` and lasts `months` calendar
/// months, at the same Copenhagen clock time (the last day of a shorter month).
pub fn end_of(start: i64, months: i64) -> i64 {
    crate::kernel::time::months_later(start, months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_has_75_random_bits_in_three_groups_and_reads_back_however_typed() {
        let code = new_code();
        assert_eq!(code.len(), 17);
        assert_eq!(code.split('-').map(str::len).collect::<Vec<_>>(), vec![5, 5, 5]);
        let plain = normalize(&code).unwrap();
        assert_eq!(plain.len(), CODE_LEN);
        assert_eq!(normalize(&code.to_lowercase().replace('-', " ")), Some(plain.clone()));
        assert_ne!(new_code(), code, "two codes differ");
        // Look-alikes are read as what they look like.
        assert_eq!(normalize("OIL00-11111-22222").as_deref(), Some("011001111122222"));
        assert_eq!(normalize("ABCDE-FGHJK-MNPQ"), None, "too short");
        assert_eq!(normalize("ABCDE-FGHJK-MNPQU"), None, "U is not in the alphabet");
        assert_eq!(normalize("ÆBCDE-FGHJK-MNPQR"), None);
        assert_eq!(code_hash(&plain), code_hash(&normalize(&code.to_lowercase()).unwrap()));
        assert_eq!(code_hash(&plain).len(), 64);
    }

    #[test]
    fn a_cpr_number_is_matched_with_or_without_its_dash() {
        assert_eq!(cpr_hash("010190-1234"), cpr_hash("0101901234"));
        assert_ne!(cpr_hash("0101901234"), cpr_hash("0101901235"));
    }
}
