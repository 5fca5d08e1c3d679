#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storybank::text {

struct PhoneNumberFinding {
    std::string e164;  ///< "+22379959269"
    std::string raw;   ///< as written: "+223 79 95 92 69"
};

struct PhoneNumberScan {
    std::vector<PhoneNumberFinding> numbers;
    /// Runs of digits that look like a phone number but are not valid for any region tried.
    std::vector<std::string> doubtful;
};

/// Finds the phone numbers in free text. `region` (ISO 3166-1 alpha-2, e.g. "ML") is used for numbers
/// written without a country code; numbers with "+" or "00" are read in any region.
PhoneNumberScan find_phone_numbers(std::string_view text, std::string_view region);

}  // namespace storybank::text
