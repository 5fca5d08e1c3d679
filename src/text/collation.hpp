#pragma once

#include <string>
#include <string_view>

namespace storybank::text {

/// A key that sorts UTF-8 text in the order of `language`'s dictionaries when compared byte by byte (ICU's
/// collation): "Éthiopie" between "Érythrée" and "Gambie", not after "Zambie"; case and accents only break
/// ties. An unknown language sorts by the root order, which suits most Latin-script names.
std::string collation_key(std::string_view utf8, std::string_view language);

}  // namespace storybank::text
