//! Generators that prefer one outcome, to steer generated inputs towards the deep paths of
//! the parsers (a page without errors reaches the code generator) without giving up the
//! others.

use bolero::generator::bolero_generator::Driver;
use bolero::generator::*;

/// `Some` of a generated value with probability `weight`, `None` otherwise.
pub fn sometimes<G: ValueGenerator>(weight: f32, value: G) -> Sometimes<G> {
    Sometimes { weight, value }
}

/// A value of `first` with probability `weight`, of `second` otherwise.
pub fn mostly<A, B>(weight: f32, first: A, second: B) -> Mostly<A, B>
where
    A: ValueGenerator,
    B: ValueGenerator<Output = A::Output>,
{
    Mostly {
        weight,
        first,
        second,
    }
}

/// See [`sometimes`].
#[derive(Debug, Clone)]
pub struct Sometimes<G> {
    weight: f32,
    value: G,
}

impl<G: ValueGenerator> ValueGenerator for Sometimes<G> {
    type Output = Option<G::Output>;

    fn generate<D: Driver>(&self, driver: &mut D) -> Option<Self::Output> {
        if driver.gen_bool(Some(self.weight))? {
            Some(Some(self.value.generate(driver)?))
        } else {
            Some(None)
        }
    }
}

/// See [`mostly`].
#[derive(Debug, Clone)]
pub struct Mostly<A, B> {
    weight: f32,
    first: A,
    second: B,
}

impl<A, B> ValueGenerator for Mostly<A, B>
where
    A: ValueGenerator,
    B: ValueGenerator<Output = A::Output>,
{
    type Output = A::Output;

    fn generate<D: Driver>(&self, driver: &mut D) -> Option<Self::Output> {
        if driver.gen_bool(Some(self.weight))? {
            self.first.generate(driver)
        } else {
            self.second.generate(driver)
        }
    }
}
