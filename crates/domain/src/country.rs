//! ISO 3166-1 alpha-2 country codes.

const CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// A country as an upper-case ISO 3166-1 alpha-2 code (`pt`, `PT` and ` Pt ` parse alike).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country(String);

impl Country {
    pub fn parse(raw: &str) -> Option<Self> {
        let code = raw.trim().to_ascii_uppercase();
        (code.len() == 2
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && CODES.split(' ').any(|c| c == code))
        .then_some(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Every code, in alphabetical order (for a form's choices).
    pub fn codes() -> impl Iterator<Item = &'static str> {
        CODES.split(' ')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_against_the_list() {
        assert_eq!(Country::parse(" pt ").map(|c| c.0), Some("PT".into()));
        assert!(Country::parse("GB").is_some());
        assert_eq!(CODES.split(' ').count(), 249);
        for bad in ["", "P", "PRT", "XX", "ZZ", "1A", "é"] {
            assert!(Country::parse(bad).is_none(), "{bad}");
        }
    }
}
