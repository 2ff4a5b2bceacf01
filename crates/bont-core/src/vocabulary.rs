//! Coded lists the clinic chooses from: indications, conditions and allergies relevant to
//! toxin therapy, and the medication classes the product labels name as interacting.
//!
//! Ids are stable (they are stored and sent over the API); labels for people live in the
//! message files (`indication-<id>`, `condition-<id>`, ...). Sources are the ids of
//! `data/label-limits.toml` (its `[sources]` table).

use crate::field::Problem;
use serde::{Deserialize, Serialize};

macro_rules! code_list {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn parse(raw: &str) -> Result<Self, Problem> {
                let raw = raw.trim();
                Self::ALL.iter().copied().find(|v| v.id() == raw).ok_or_else(|| {
                    if raw.is_empty() {
                        Problem::Required
                    } else {
                        Problem::Unknown { value: raw.chars().take(60).collect() }
                    }
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

code_list!(
    /// What a patient is treated for. Children are told apart by age, not by indication.
    Indication {
        ChronicMigraine = "chronic_migraine",
        CervicalDystonia = "cervical_dystonia",
        Blepharospasm = "blepharospasm",
        HemifacialSpasm = "hemifacial_spasm",
        OromandibularDystonia = "oromandibular_dystonia",
        SpasmodicDysphonia = "spasmodic_dysphonia",
        FocalHandDystonia = "focal_hand_dystonia",
        UpperLimbSpasticity = "upper_limb_spasticity",
        LowerLimbSpasticity = "lower_limb_spasticity",
        FacialSynkinesis = "facial_synkinesis",
        Bruxism = "bruxism",
        AxillaryHyperhidrosis = "axillary_hyperhidrosis",
        Sialorrhea = "sialorrhea",
        NeuropathicPain = "neuropathic_pain",
        Tics = "tics",
    }
);

code_list!(
    /// Conditions that the labels name as contraindications or warnings
    /// (reference sections 3.1 and 3.3).
    Condition {
        MyastheniaGravis = "myasthenia_gravis",
        LambertEaton = "lambert_eaton",
        Als = "als",
        MotorNeuropathy = "motor_neuropathy",
        NeuromuscularDisease = "neuromuscular_disease",
        Dysphagia = "dysphagia",
        RespiratoryCompromise = "respiratory_compromise",
        CardiovascularDisease = "cardiovascular_disease",
        BleedingDisorder = "bleeding_disorder",
    }
);

code_list!(
    /// Allergies that contraindicate a product: toxin, or an excipient (reference 3.1).
    Allergy {
        BotulinumToxin = "botulinum_toxin",
        HumanAlbumin = "human_albumin",
        CowMilkProtein = "cow_milk_protein",
    }
);

code_list!(
    /// Medication classes that interact with toxin therapy. The first five are the label
    /// class statements (reference 3.4); anticoagulants matter for deep-muscle injections
    /// (bleeding), a risk factor the clinic records at consultation.
    MedicationClass {
        Aminoglycosides = "aminoglycosides",
        NeuromuscularBlockers = "neuromuscular_blockers",
        Anticholinergics = "anticholinergics",
        SkeletalMuscleRelaxants = "skeletal_muscle_relaxants",
        MagnesiumSalts = "magnesium_salts",
        Anticoagulants = "anticoagulants",
    }
);

impl MedicationClass {
    /// Where the interaction is stated (source ids of the domain reference).
    pub const fn sources(self) -> &'static [&'static str] {
        match self {
            MedicationClass::Aminoglycosides
            | MedicationClass::NeuromuscularBlockers
            | MedicationClass::Anticholinergics
            | MedicationClass::SkeletalMuscleRelaxants => &["MYOBLOC-CTA-PI", "DAXXIFY-ISI"],
            MedicationClass::MagnesiumSalts => &["DAXXIFY-MEDSCAPE"],
            MedicationClass::Anticoagulants => &[],
        }
    }

    /// Drug names (international non-proprietary names, lower case) in each class.
    const fn members(self) -> &'static [&'static str] {
        match self {
            MedicationClass::Aminoglycosides => &[
                "gentamicin",
                "tobramycin",
                "amikacin",
                "neomycin",
                "streptomycin",
                "kanamycin",
                "netilmicin",
                "plazomicin",
                "paromomycin",
            ],
            MedicationClass::NeuromuscularBlockers => &[
                "rocuronium",
                "vecuronium",
                "atracurium",
                "cisatracurium",
                "pancuronium",
                "mivacurium",
                "suxamethonium",
                "succinylcholine",
                "tubocurarine",
            ],
            MedicationClass::Anticholinergics => &[
                "trihexyphenidyl",
                "benztropine",
                "biperiden",
                "glycopyrronium",
                "glycopyrrolate",
                "oxybutynin",
                "tolterodine",
                "solifenacin",
                "hyoscine",
                "scopolamine",
                "atropine",
                "trospium",
                "darifenacin",
                "fesoterodine",
            ],
            MedicationClass::SkeletalMuscleRelaxants => &[
                "baclofen",
                "tizanidine",
                "dantrolene",
                "cyclobenzaprine",
                "methocarbamol",
                "tolperisone",
                "carisoprodol",
                "orphenadrine",
                "metaxalone",
                "chlorzoxazone",
            ],
            MedicationClass::MagnesiumSalts => &[
                "magnesium",
                "magnesium sulfate",
                "magnesium sulphate",
                "magnesium citrate",
                "magnesium oxide",
                "magnesium hydroxide",
            ],
            MedicationClass::Anticoagulants => &[
                "warfarin",
                "acenocoumarol",
                "phenprocoumon",
                "apixaban",
                "rivaroxaban",
                "edoxaban",
                "dabigatran",
                "heparin",
                "enoxaparin",
                "dalteparin",
                "nadroparin",
                "fondaparinux",
            ],
        }
    }

    /// The class of a medication as typed: its class id, or a drug name it starts with
    /// ("gentamicin 80 mg iv" is an aminoglycoside).
    pub fn of_medication(name: &str) -> Option<MedicationClass> {
        let name = name.trim().to_lowercase();
        if let Ok(class) = MedicationClass::parse(&name) {
            return Some(class);
        }
        MedicationClass::ALL.iter().copied().find(|class| {
            class.members().iter().any(|drug| {
                name == *drug
                    || name
                        .strip_prefix(drug)
                        .is_some_and(|rest| rest.starts_with([' ', ',', '(']))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for i in Indication::ALL {
            assert_eq!(Indication::parse(i.id()), Ok(*i));
        }
        for c in Condition::ALL {
            assert_eq!(Condition::parse(c.id()), Ok(*c));
        }
        for a in Allergy::ALL {
            assert_eq!(Allergy::parse(a.id()), Ok(*a));
        }
        assert!(matches!(
            Indication::parse("migraine"),
            Err(Problem::Unknown { .. })
        ));
    }

    #[test]
    fn medications_are_classed_by_name_or_class_id() {
        use MedicationClass::*;
        let cases = [
            ("gentamicin", Some(Aminoglycosides)),
            ("Gentamicin 80 mg IV", Some(Aminoglycosides)),
            ("aminoglycosides", Some(Aminoglycosides)),
            ("baclofen", Some(SkeletalMuscleRelaxants)),
            ("Magnesium sulfate", Some(MagnesiumSalts)),
            ("trihexyphenidyl", Some(Anticholinergics)),
            ("apixaban", Some(Anticoagulants)),
            ("paracetamol", None),
            ("heparinoid cream", None),
        ];
        for (name, expected) in cases {
            assert_eq!(MedicationClass::of_medication(name), expected, "{name}");
        }
    }
}
