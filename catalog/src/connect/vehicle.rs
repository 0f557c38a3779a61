//! The vehicle an error redirect describes (`vehicle_incompatible`).

use super::params::{Fields, YEAR};

/// The vehicle a Connect error describes: when the user's vehicle is incompatible, Connect
/// offers to share its VIN, make, model and year with your application.
///
/// Each field is what the redirect gives, or `None`.
///
/// ```
/// use smartcar_errors::{Redirect, VehicleInfo};
///
/// let uri = "https://example.com/callback?error=vehicle_incompatible\
///     &error_description=The%20user%27s%20vehicle%20is%20not%20compatible.\
///     &make=TESLA&model=Model%203&year=2019&vin=0SCTEST0000000002";
/// let Redirect::Error(error) = Redirect::from_uri(uri)? else { unreachable!() };
/// let vehicle: &VehicleInfo = error.vehicle().expect("the redirect describes the vehicle");
/// assert_eq!(vehicle.vin(), Some("0SCTEST0000000002"));
/// assert_eq!(vehicle.make(), Some("TESLA"));
/// assert_eq!(vehicle.model(), Some("Model 3"));
/// assert_eq!(vehicle.year(), Some(2019));
/// # Ok::<(), smartcar_errors::RedirectError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VehicleInfo {
    vin: Option<String>,
    make: Option<String>,
    model: Option<String>,
    year: Option<u16>,
}

impl VehicleInfo {
    /// Reads `vin`, `make`, `model` and `year`; `None` when none of them could be read.
    pub(crate) fn read(fields: &mut Fields<'_>) -> Option<VehicleInfo> {
        let vehicle = VehicleInfo {
            vin: fields.text("vin"),
            make: fields.text("make"),
            model: fields.text("model"),
            year: fields.number(&YEAR),
        };
        let any = vehicle.vin.is_some()
            || vehicle.make.is_some()
            || vehicle.model.is_some()
            || vehicle.year.is_some();
        any.then_some(vehicle)
    }

    /// The `vin` parameter: the vehicle's VIN.
    pub fn vin(&self) -> Option<&str> {
        self.vin.as_deref()
    }

    /// The `make` parameter: the manufacturer (`TESLA`).
    pub fn make(&self) -> Option<&str> {
        self.make.as_deref()
    }

    /// The `model` parameter (`Model 3`).
    pub fn model(&self) -> Option<&str> {
        self.model.as_deref()
    }

    /// The `year` parameter: the model year, when it is a number from 1 to 9999.
    pub fn year(&self) -> Option<u16> {
        self.year
    }
}
