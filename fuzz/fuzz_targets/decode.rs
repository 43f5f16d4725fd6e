//! Shared-link decoding on arbitrary bytes (as lossy UTF-8): nothing panics,
//! `decode` fails exactly with `read`'s first problem, and a decoded link's
//! canonical form decodes to the same scenario and is its own canonical form.
#![no_main]

use aicloud_scenario::link::{canonical, decode, encode, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lenient = read(&text);
    match decode(&text) {
        Err(error) => assert_eq!(Some(&error), lenient.problems.first()),
        Ok(decoded) => {
            assert!(lenient.problems.is_empty());
            let link =
                encode(&decoded.scenario, decoded.preset).expect("a decoded scenario encodes");
            let again = decode(&link).expect("a canonical link decodes");
            assert_eq!(again.scenario, decoded.scenario);
            assert_eq!(canonical(&link).as_deref(), Ok(link.as_str()));
        }
    }
});
