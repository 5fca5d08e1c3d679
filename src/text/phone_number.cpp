#include "text/phone_number.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <cctype>

namespace storybank::text {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr int kMaxTries = 64;

bool is_phone_character(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '.' || c == '-' || c == '(' ||
           c == ')' || c == '+' || c == '/';
}

/// Digit runs (with the separators people put in phone numbers) that are long enough to be a phone number.
std::vector<std::string> candidate_runs(std::string_view text) {
    std::vector<std::string> runs;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_phone_character(text[i]) || text[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && is_phone_character(text[i])) {
            ++i;
        }
        std::string run(text.substr(start, i - start));
        while (!run.empty() && !std::isdigit(static_cast<unsigned char>(run.back()))) {
            run.pop_back();
        }
        int digits = 0;
        for (char c : run) {
            digits += std::isdigit(static_cast<unsigned char>(c)) != 0 ? 1 : 0;
        }
        if (digits >= 6) {
            runs.push_back(run);
        }
    }
    return runs;
}

}  // namespace

PhoneNumberScan find_phone_numbers(std::string_view text, std::string_view region) {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    std::string input(text);
    std::string region_code = region.empty() ? std::string("ZZ") : std::string(region);
    PhoneNumberScan scan;
    std::string remaining = input;

    PhoneNumberMatcher matcher(util, input, region_code, PhoneNumberMatcher::VALID, kMaxTries);
    PhoneNumberMatch match;
    while (matcher.HasNext() && matcher.Next(&match)) {
        std::string e164;
        util.Format(match.number(), PhoneNumberUtil::E164, &e164);
        bool seen = false;
        for (const auto& existing : scan.numbers) {
            seen = seen || existing.e164 == e164;
        }
        if (!seen) {
            scan.numbers.push_back({e164, match.raw_string()});
        }
        auto start = static_cast<std::size_t>(match.start());
        auto length = static_cast<std::size_t>(match.length());
        if (start + length <= remaining.size()) {
            remaining.replace(start, length, std::string(length, ' '));
        }
    }
    for (const auto& run : candidate_runs(remaining)) {
        PhoneNumber number;
        // Digits that parse as a valid number for the region but were not matched by the matcher (for instance
        // written with unusual grouping) are still phone numbers.
        if (util.Parse(run, region_code, &number) == PhoneNumberUtil::NO_PARSING_ERROR && util.IsValidNumber(number)) {
            std::string e164;
            util.Format(number, PhoneNumberUtil::E164, &e164);
            scan.numbers.push_back({e164, run});
        } else {
            scan.doubtful.push_back(run);
        }
    }
    return scan;
}

}  // namespace storybank::text
