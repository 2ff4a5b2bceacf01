//! Doses. A number of units means nothing without its product: units of different
//! products come from different assays and never add up. [`Dose`] carries its product,
//! [`Dose::checked_add`] refuses to mix products, and totals are kept per product in
//! [`DoseTotals`]. Cross-product figures exist only as [`ApproximateEquivalent`], which
//! cannot be turned back into units or compared with a limit.

use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// A product id of the catalogue (the generic name: `onabotulinumtoxinA`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ProductId(String);

impl ProductId {
    /// Only the catalogue makes product ids (from its data), so an id always names a
    /// known product.
    pub(crate) fn new(id: &str) -> Self {
        ProductId(id.to_owned())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A non-negative amount of units of some product, exact to a thousandth of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Units(i64);

/// The largest amount accepted anywhere (the biggest labelled sessions are 10 000 U of
/// rimabotulinumtoxinB; anything above 100 000 is a typing error).
pub const UNITS_ABSURD: f64 = 100_000.0;

impl Units {
    pub const ZERO: Units = Units(0);

    /// From a number as typed: finite, not negative, at most three decimals, below
    /// [`UNITS_ABSURD`].
    pub fn from_f64(value: f64) -> Option<Units> {
        if !value.is_finite() || !(0.0..=UNITS_ABSURD).contains(&value) {
            return None;
        }
        let milli = value * 1000.0;
        if (milli - milli.round()).abs() > 1e-6 {
            return None;
        }
        Some(Units(milli.round() as i64))
    }

    /// From a limit in the catalogue.
    pub(crate) fn of_limit(value: f64) -> Units {
        Units((value * 1000.0).round() as i64)
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    pub fn saturating_sub(self, other: Units) -> Units {
        Units((self.0 - other.0).max(0))
    }

    /// `self` times a factor (units per kg times kg), rounded down to the thousandth:
    /// a cap never rounds up.
    pub fn scaled(per: f64, factor: f64) -> Units {
        Units((per * factor * 1000.0).floor() as i64)
    }

    pub fn min(self, other: Units) -> Units {
        Units(self.0.min(other.0))
    }
}

impl Units {
    /// Adds units known to be of the same product. Deliberately not `+` and not public:
    /// outside this crate, amounts add up only as whole [`Dose`]s, which check their product.
    pub(crate) fn plus(self, other: Units) -> Units {
        Units(self.0 + other.0)
    }
}

impl fmt::Display for Units {
    /// Without trailing zeros: `155`, `12.5`, `1.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 1000;
        let frac = self.0 % 1000;
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let digits = format!("{frac:03}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl Serialize for Units {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 1000 == 0 {
            s.serialize_i64(self.0 / 1000)
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

/// Units of one product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dose {
    pub product: ProductId,
    pub units: Units,
}

/// Two doses of different products were about to be added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("units of {0} and {1} cannot be added: they measure different products")]
pub struct MixedProducts(pub ProductId, pub ProductId);

impl Dose {
    pub fn new(product: ProductId, units: Units) -> Dose {
        Dose { product, units }
    }

    /// The sum of two doses of the same product; an error for different products.
    pub fn checked_add(&self, other: &Dose) -> Result<Dose, MixedProducts> {
        if self.product == other.product {
            Ok(Dose {
                product: self.product.clone(),
                units: self.units.plus(other.units),
            })
        } else {
            Err(MixedProducts(self.product.clone(), other.product.clone()))
        }
    }
}

impl fmt::Display for Dose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} U of {}", self.units, self.product)
    }
}

/// Totals kept apart by product.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoseTotals(BTreeMap<ProductId, Units>);

impl DoseTotals {
    pub fn add(&mut self, dose: &Dose) {
        let entry = self.0.entry(dose.product.clone()).or_default();
        *entry = entry.plus(dose.units);
    }
    pub fn of(&self, product: &ProductId) -> Units {
        self.0.get(product).copied().unwrap_or_default()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&ProductId, Units)> {
        self.0.iter().map(|(p, u)| (p, *u))
    }
}

/// What a dose of one product is roughly worth in another, from a published ratio. For
/// display only: it has no units to add to a dose and no comparison with a limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApproximateEquivalent {
    pub from: Dose,
    pub in_product: ProductId,
    pub low: f64,
    pub high: f64,
    /// "1:2.5-3".
    pub ratio: String,
    pub source: Vec<String>,
}

impl fmt::Display for ApproximateEquivalent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let round = |v: f64| (v * 10.0).round() / 10.0;
        if (self.low - self.high).abs() < 1e-9 {
            write!(f, "about {} U of {}", round(self.low), self.in_product)
        } else {
            write!(
                f,
                "about {}-{} U of {}",
                round(self.low),
                round(self.high),
                self.in_product
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dose(product: &str, units: f64) -> Dose {
        Dose::new(
            ProductId::new(product),
            Units::from_f64(units).expect("valid units"),
        )
    }

    #[test]
    fn units_are_exact_to_a_thousandth_and_refuse_nonsense() {
        assert_eq!(
            Units::from_f64(1.25).map(|u| u.to_string()),
            Some("1.25".into())
        );
        assert_eq!(
            Units::from_f64(155.0).map(|u| u.to_string()),
            Some("155".into())
        );
        assert_eq!(Units::from_f64(0.0625), None);
        assert_eq!(Units::from_f64(-5.0), None);
        assert_eq!(Units::from_f64(f64::NAN), None);
        assert_eq!(Units::from_f64(1e9), None);
    }

    #[test]
    fn doses_of_different_products_do_not_add() {
        let ona = dose("onabotulinumtoxinA", 100.0);
        let abo = dose("abobotulinumtoxinA", 500.0);
        assert!(ona.checked_add(&abo).is_err());
        assert_eq!(
            ona.checked_add(&ona).map(|d| d.units),
            Ok(Units::from_f64(200.0).expect("units"))
        );
    }

    proptest! {
        #[test]
        fn totals_never_mix_products(doses in proptest::collection::vec((0usize..3, 0u32..5000), 0..40)) {
            let products = ["onabotulinumtoxinA", "abobotulinumtoxinA", "incobotulinumtoxinA"];
            let mut totals = DoseTotals::default();
            let mut expected = [0u64; 3];
            for (p, u) in &doses {
                totals.add(&dose(products[*p], f64::from(*u)));
                expected[*p] += u64::from(*u);
            }
            for (i, p) in products.iter().enumerate() {
                prop_assert_eq!(totals.of(&ProductId::new(p)).as_f64() as u64, expected[i]);
            }
        }

        #[test]
        fn adding_same_product_doses_is_exact(a in 0u32..100_000, b in 0u32..100_000) {
            let x = Dose::new(ProductId::new("p"), Units(i64::from(a)));
            let y = Dose::new(ProductId::new("p"), Units(i64::from(b)));
            prop_assert_eq!(x.checked_add(&y).map(|d| d.units), Ok(Units(i64::from(a) + i64::from(b))));
        }
    }
}
