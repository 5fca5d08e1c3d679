#include "ingest/value_parsers.hpp"
#include "text/unicode_text.hpp"

#include <array>
#include <cctype>
#include <charconv>

namespace storybank::ingest {
namespace {

struct MonthName {
    std::string_view name;  // folded
    int month;
};

constexpr std::array kMonths = {
    MonthName{"janvier", 1},   MonthName{"january", 1},   MonthName{"jan", 1},       MonthName{"fevrier", 2},
    MonthName{"february", 2},  MonthName{"feb", 2},       MonthName{"mars", 3},      MonthName{"march", 3},
    MonthName{"avril", 4},     MonthName{"april", 4},     MonthName{"mai", 5},       MonthName{"may", 5},
    MonthName{"juin", 6},      MonthName{"june", 6},      MonthName{"juillet", 7},   MonthName{"july", 7},
    MonthName{"aout", 8},      MonthName{"august", 8},    MonthName{"septembre", 9}, MonthName{"september", 9},
    MonthName{"octobre", 10},  MonthName{"october", 10},  MonthName{"novembre", 11}, MonthName{"november", 11},
    MonthName{"decembre", 12}, MonthName{"december", 12},
};

std::vector<std::string> tokens(const std::string& folded) {
    std::vector<std::string> out;
    std::string current;
    for (char c : folded) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            current += c;
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) {
        out.push_back(std::move(current));
    }
    return out;
}

bool to_int(const std::string& text, int& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

int month_of(const std::string& word) {
    for (const auto& month : kMonths) {
        if (word == month.name) {
            return month.month;
        }
    }
    return 0;
}

bool is_valid_day(int year, int month, int day) {
    static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int days = month == 2 && !leap ? 28 : kDays[static_cast<std::size_t>(month - 1)];
    return day <= days;
}

std::string two_digits(int value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

std::string iso(int year, int month, int day) {
    std::string out = std::to_string(year);
    if (month > 0) {
        out += "-" + two_digits(month);
    }
    if (day > 0) {
        out += "-" + two_digits(day);
    }
    return out;
}

}  // namespace

std::string parse_date(std::string_view raw, const std::string& field, ProblemSink& problems) {
    std::string value = strip_enclosing_emphasis(raw);
    std::vector<std::string> parts = tokens(text::fold_for_matching(value));
    // Drop "le", "1er" suffixes and weekday names.
    std::vector<std::string> kept;
    for (auto& part : parts) {
        if (part == "1er") {
            part = "1";
        }
        if (part == "le" || part == "the" || part == "of") {
            continue;
        }
        kept.push_back(part);
    }
    int year = 0;
    int month = 0;
    int day = 0;
    bool parsed = false;
    if (kept.size() == 3) {
        int a = 0;
        int b = 0;
        int c = 0;
        if (to_int(kept[0], a) && to_int(kept[1], b) && to_int(kept[2], c)) {
            if (kept[0].size() == 4) {
                year = a, month = b, day = c;  // 2024-03-12
            } else {
                day = a, month = b, year = c;  // 12/03/2024, the way dates are written in the region
            }
            parsed = true;
        } else if (to_int(kept[0], a) && month_of(kept[1]) != 0 && to_int(kept[2], c)) {
            day = a, month = month_of(kept[1]), year = c;  // 12 mars 2024
            parsed = true;
        } else if (month_of(kept[0]) != 0 && to_int(kept[1], b) && to_int(kept[2], c)) {
            month = month_of(kept[0]), day = b, year = c;  // March 12, 2024
            parsed = true;
        }
    } else if (kept.size() == 2) {
        int a = 0;
        int b = 0;
        if (month_of(kept[0]) != 0 && to_int(kept[1], b)) {
            month = month_of(kept[0]), year = b;
            parsed = true;
        } else if (to_int(kept[0], a) && to_int(kept[1], b)) {
            if (kept[0].size() == 4) {
                year = a, month = b;
            } else {
                month = a, year = b;
            }
            parsed = true;
        }
    } else if (kept.size() == 1 && kept[0].size() == 4) {
        parsed = to_int(kept[0], year);
    }
    bool valid = parsed && year >= 1900 && year <= 2200 && (month == 0 || (month >= 1 && month <= 12)) &&
                 (day == 0 || is_valid_day(year, month, day));
    if (!valid) {
        problems.push_back({field, core::Severity::Warning, "date-invalid", {{"value", value}}, ""});
        return value;
    }
    return iso(year, month, day);
}

std::string parse_choice(std::string_view raw, const core::FieldDefinition& field, ProblemSink& problems) {
    std::string value = strip_enclosing_emphasis(raw);
    std::string folded = text::fold_for_matching(value);
    for (const auto& choice : field.choices) {
        if (text::fold_for_matching(choice.key) == folded) {
            return choice.key;
        }
        for (const auto& [language, label] : choice.label.by_language) {
            if (text::fold_for_matching(label) == folded) {
                return choice.key;
            }
        }
        for (const auto& alias : choice.aliases) {
            if (text::fold_for_matching(alias) == folded) {
                return choice.key;
            }
        }
    }
    std::string names;
    for (const auto& choice : field.choices) {
        names += (names.empty() ? "" : ", ") + choice.label.in("fr");
    }
    problems.push_back(
        {field.key, core::Severity::Warning, "choice-unknown", {{"value", value}, {"choices", names}}, ""});
    return value;
}

}  // namespace storybank::ingest
