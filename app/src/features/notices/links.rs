//! Signed unsubscribe links: `/afmeld/<person>.<signature>`, the signature
//! an HMAC-SHA-256 of the person's id under a key every server process
//! shares (`APP_LINK_KEY`, or one generated and kept in the database). A
//! link unsubscribes only the person it was made for, and cannot be made
//! without the key; it holds no name, no address and nothing else.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::kernel::ids::PersonId;

/// The key unsubscribe links are signed with.
#[derive(Clone)]
pub struct LinkKey(Vec<u8>);

impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(***)")
    }
}

/// How many bytes of the HMAC a link carries (128 bits).
const SIGNATURE_BYTES: usize = 16;

impl LinkKey {
    /// A key of at least 32 bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Option<LinkKey> {
        let bytes = bytes.into();
        (bytes.len() >= 32).then_some(LinkKey(bytes))
    }

    fn mac(&self, person: PersonId) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(format!("enplan-unsubscribe:{}", person.0).as_bytes());
        mac
    }

    /// The token of `person`'s unsubscribe link.
    pub fn token(&self, person: PersonId) -> String {
        let tag = self.mac(person).finalize().into_bytes();
        let hex: String = tag[..SIGNATURE_BYTES].iter().map(|b| format!("{b:02x}")).collect();
        format!("{}.{hex}", person.0)
    }

    /// Whose link `token` is, if it was signed with this key (compared in
    /// constant time).
    pub fn person(&self, token: &str) -> Option<PersonId> {
        let (id, hex) = token.split_once('.')?;
        let person = PersonId(id.parse::<i64>().ok().filter(|i| *i > 0)?);
        if hex.len() != 2 * SIGNATURE_BYTES {
            return None;
        }
        let tag: Vec<u8> = (0..SIGNATURE_BYTES).map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()).collect::<Option<_>>()?;
        self.mac(person).verify_truncated_left(&tag).ok().map(|()| person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> LinkKey {
        LinkKey::new(vec![b; 32]).unwrap()
    }

    #[test]
    fn a_link_names_only_its_own_person_and_only_under_its_key() {
        let token = key(1).token(PersonId(42));
        assert!(token.starts_with("42.") && token.len() == 3 + 32, "{token}");
        assert_eq!(key(1).person(&token), Some(PersonId(42)));
        assert_eq!(key(2).person(&token), None, "another key");
        let other = token.replacen("42.", "43.", 1);
        assert_eq!(key(1).person(&other), None, "another person with the same signature");
        let mut flipped = token.clone();
        let last = flipped.pop().unwrap();
        flipped.push(if last == '0' { '1' } else { '0' });
        assert_eq!(key(1).person(&flipped), None);
        for bad in ["", "42", "42.", "x.00", "-1.00", &token[..token.len() - 2], "42.zz112233445566778899aabbccddeeff"] {
            assert_eq!(key(1).person(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_short_key_is_refused() {
        assert!(LinkKey::new(vec![0; 31]).is_none());
    }
}
