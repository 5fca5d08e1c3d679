#include "ingest/value_parsers.hpp"
#include "text/unicode_text.hpp"

#include <optional>

namespace storybank::ingest {
namespace {

struct QuoteMarks {
    std::string_view open;
    std::string_view close;
};

constexpr QuoteMarks kMarks[] = {
    {"\xC2\xAB", "\xC2\xBB"},          // « »
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
    {"\"", "\""},
};

struct Attribution {
    std::string speaker;
    std::string role;
};

std::string_view skip_spaces(std::string_view text) {
    for (;;) {
        if (text.starts_with(" ") || text.starts_with("\t")) {
            text.remove_prefix(1);
        } else if (text.starts_with("\xC2\xA0")) {
            text.remove_prefix(2);
        } else if (text.starts_with("\xE2\x80\xAF")) {
            text.remove_prefix(3);
        } else {
            return text;
        }
    }
}

std::string clean(std::string_view text) {
    std::string out = strip_enclosing_emphasis(text);
    while (!out.empty() && (out.back() == '.' || out.back() == '*' || out.back() == '_' || out.back() == ',' ||
                            out.back() == ';' || out.back() == ' ')) {
        out.pop_back();
    }
    while (!out.empty() && (out.front() == '*' || out.front() == '_' || out.front() == ' ')) {
        out.erase(0, 1);
    }
    return text::tidy_spaces(out);
}

/// A speaker's name: a few words, starting with a capital letter.
bool is_plausible_name(std::string_view name) {
    if (name.empty() || name.size() > 80 || text::starts_with_lower_case(name)) {
        return false;
    }
    int words = 1;
    for (char c : name) {
        words += c == ' ' ? 1 : 0;
        if (c >= '0' && c <= '9') {
            return false;
        }
    }
    return words <= 6;
}

/// The role runs to the end of the paragraph or of the sentence.
std::string role_from(std::string_view text) {
    std::size_t end = text.size();
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if (text[i] == '.' && text[i + 1] == ' ' && !text::starts_with_lower_case(text.substr(i + 2)) &&
            (text[i + 2] & 0x80) == 0 && text[i + 2] >= 'A' && text[i + 2] <= 'Z') {
            end = i;
            break;
        }
    }
    return clean(text.substr(0, end));
}

/// Verbs that introduce the speaker after a quote: "« … », explique Awa KONÉ, présidente".
constexpr std::string_view kSpeechVerbs[] = {
    "explique", "dit",      "affirme", "témoigne", "raconte",  "confie",  "souligne", "ajoute",
    "déclare",  "rapporte", "says",    "said",     "explains", "recalls", "adds",
};

/// The text after a speech verb, or nullopt when the text does not start with one.
std::optional<std::string_view> after_speech_verb(std::string_view text) {
    for (std::string_view verb : kSpeechVerbs) {
        if (text.starts_with(verb) && text.size() > verb.size() && text[verb.size()] == ' ') {
            return skip_spaces(text.substr(verb.size()));
        }
    }
    return std::nullopt;
}

std::optional<Attribution> attribution_after(std::string_view text) {
    text = skip_spaces(text);
    if (!text.empty() && (text[0] == ',' || text[0] == ';' || text[0] == ':' || text[0] == '.')) {
        text = skip_spaces(text.substr(1));
    }
    Attribution attribution;
    if (auto rest = after_speech_verb(text)) {
        // "explique **Awa KONÉ**, …" reads like "**Awa KONÉ**, …"; "explique Awa KONÉ, …" like "— Awa KONÉ, …".
        if (rest->starts_with("**") || rest->starts_with("__")) {
            text = *rest;
        } else {
            std::size_t comma = rest->find(',');
            attribution.speaker = comma == std::string_view::npos ? role_from(*rest) : clean(rest->substr(0, comma));
            if (comma != std::string_view::npos) {
                attribution.role = role_from(skip_spaces(rest->substr(comma + 1)));
            }
            if (!is_plausible_name(attribution.speaker)) {
                return std::nullopt;
            }
            return attribution;
        }
    }
    if (text.starts_with("**") || text.starts_with("__")) {
        std::string_view mark = text.substr(0, 2);
        std::size_t close = text.find(mark, 2);
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        attribution.speaker = clean(text.substr(2, close - 2));
        std::string_view rest = skip_spaces(text.substr(close + 2));
        if (rest.starts_with(",") || rest.starts_with("\xE2\x80\x93") || rest.starts_with("-")) {
            rest.remove_prefix(rest.starts_with(",") || rest.starts_with("-") ? 1 : 3);
            attribution.role = role_from(skip_spaces(rest));
        }
    } else if (text.starts_with("\xE2\x80\x94") || text.starts_with("\xE2\x80\x93") || text.starts_with("- ")) {
        std::string_view rest = skip_spaces(text.substr(text.starts_with("- ") ? 2 : 3));
        std::size_t comma = rest.find(',');
        std::string_view speaker = rest.substr(0, comma);
        if (comma == std::string_view::npos) {
            attribution.speaker = role_from(speaker);
        } else {
            attribution.speaker = clean(speaker);
            attribution.role = role_from(skip_spaces(rest.substr(comma + 1)));
        }
    } else if (text.starts_with("(")) {
        std::size_t close = text.find(')');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        std::string_view inside = text.substr(1, close - 1);
        std::size_t comma = inside.find(',');
        attribution.speaker = clean(inside.substr(0, comma));
        if (comma != std::string_view::npos) {
            attribution.role = clean(inside.substr(comma + 1));
        }
    } else {
        return std::nullopt;
    }
    if (!is_plausible_name(attribution.speaker)) {
        return std::nullopt;
    }
    return attribution;
}

std::vector<core::Quote> quotes_in_paragraph(std::string_view paragraph) {
    std::vector<core::Quote> quotes;
    std::size_t position = 0;
    while (position < paragraph.size()) {
        std::size_t best_open = std::string_view::npos;
        const QuoteMarks* marks = nullptr;
        for (const auto& candidate : kMarks) {
            std::size_t open = paragraph.find(candidate.open, position);
            if (open < best_open) {
                best_open = open;
                marks = &candidate;
            }
        }
        if (marks == nullptr || best_open == std::string_view::npos) {
            break;
        }
        std::size_t inner_start = best_open + marks->open.size();
        std::size_t close = paragraph.find(marks->close, inner_start);
        if (close == std::string_view::npos) {
            break;
        }
        std::string text = clean(paragraph.substr(inner_start, close - inner_start));
        std::size_t after = close + marks->close.size();
        auto attribution = attribution_after(paragraph.substr(after));
        // Short quoted phrases (names, titles: " Peace Building Fund ") are not testimonies.
        if (attribution && text::code_point_count(text) >= 12) {
            quotes.push_back({text, attribution->speaker, attribution->role});
        }
        position = after;
    }
    return quotes;
}

}  // namespace

std::vector<core::Quote> find_quotes(std::string_view rich_text) {
    std::vector<core::Quote> quotes;
    std::size_t start = 0;
    while (start <= rich_text.size()) {
        std::size_t end = rich_text.find("\n\n", start);
        std::string_view paragraph =
            rich_text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        for (auto& quote : quotes_in_paragraph(paragraph)) {
            quotes.push_back(std::move(quote));
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 2;
    }
    return quotes;
}

}  // namespace storybank::ingest
