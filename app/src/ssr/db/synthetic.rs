//! Deterministic synthetic citizens for load tests and benchmarks.
//!
//! CPR numbers start with "9913": day 99 of month 13 exists in no calendar,
//! so a synthetic number can never be a real person's.

/// One synthetic citizen and the start of their plan.
pub struct Synthetic {
    pub cpr: String,
    pub name: String,
    pub goals: [(&'static str, &'static str); 2],
    pub activities: [(&'static str, &'static str, &'static str); 2],
}

const FIRST: &[&str] = &[
    "Anne", "Mette", "Hanne", "Lene", "Camilla", "Sofie", "Fatima", "Line", "Maria", "Ida", "Peter", "Lars", "Jens", "Mikkel", "Ahmed",
    "Rasmus", "Jonas", "Søren", "Kasper", "Ali",
];
const LAST: &[&str] = &[
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Yilmaz",
];
const GOALS: &[&str] = &[
    "Komme i praktik i en butik",
    "Få styr på min økonomi",
    "Finde en bolig tæt på mine børn",
    "Tage et kørekort",
    "Komme ud af huset hver dag",
    "Starte på en uddannelse",
    "Sove bedre om natten",
    "Mødes med andre en gang om ugen",
];
const ACTIVITIES: &[(&str, &str, &str)] = &[
    ("job", "Virksomhedspraktik", "Jobcentret"),
    ("social", "Bostøtte to gange om ugen", "Socialforvaltningen"),
    ("health", "Samtaler hos psykolog", "Sundhedscentret"),
    ("housing", "Hjælp til at finde bolig", "Boligkontoret"),
    ("education", "Forberedende voksenundervisning", "VUC"),
    ("economy", "Gældsrådgivning", "Borgerservice"),
    ("family", "Familiebehandling", "Familieafdelingen"),
];

/// The `seq`-th synthetic citizen (the same every time).
pub fn citizen(seq: i64) -> Synthetic {
    let i = seq.unsigned_abs() as usize;
    let pick = |n: usize, k: usize| (i / k) % n;
    Synthetic {
        cpr: format!("9913{:02}-{:04}", (seq / 10_000) % 100, seq % 10_000),
        name: format!("{} {}", FIRST[pick(FIRST.len(), 1)], LAST[pick(LAST.len(), 7)]),
        goals: [(GOALS[pick(GOALS.len(), 3)], "accepted"), (GOALS[(pick(GOALS.len(), 5) + 1) % GOALS.len()], "proposed")],
        activities: [ACTIVITIES[pick(ACTIVITIES.len(), 1)], ACTIVITIES[(pick(ACTIVITIES.len(), 2) + 3) % ACTIVITIES.len()]],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_cpr_numbers_are_unique_and_impossible_dates() {
        let mut seen = std::collections::HashSet::new();
        for seq in 0..200_000 {
            let c = citizen(seq);
            assert!(c.cpr.starts_with("9913"), "{}", c.cpr);
            assert!(seen.insert(c.cpr), "duplicate at {seq}");
        }
    }
}
