#pragma once

#include "text/place_gazetteer.hpp"

namespace storybank::service {

/// The places storybank can name and put on a map: resources/places/gazetteer.tsv (GeoNames, CC BY 4.0),
/// compiled into the binary. Read where it lies: nothing is loaded until a lookup touches it.
const text::PlaceGazetteer& place_gazetteer();

}  // namespace storybank::service
