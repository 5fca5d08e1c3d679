#include "render/french_typography.hpp"

namespace storybank::render {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
constexpr std::string_view kOpenGuillemet = "\u00AB";
constexpr std::string_view kCloseGuillemet = "\u00BB";

bool is_space_byte(char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

/// True when the output already ends with a space of any kind, which is then replaced rather than doubled.
bool drop_trailing_space(std::string& out) {
    for (std::string_view space : {std::string_view(" "), kNoBreakSpace, kNarrowNoBreakSpace}) {
        if (out.ends_with(space)) {
            out.resize(out.size() - space.size());
            return true;
        }
    }
    return false;
}

bool starts_with_space(std::string_view rest) {
    return rest.empty() || is_space_byte(rest.front()) || rest.starts_with(kNoBreakSpace) ||
           rest.starts_with(kNarrowNoBreakSpace);
}

}  // namespace

std::string french_typography(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (std::size_t at = 0; at < text.size();) {
        std::string_view rest = text.substr(at);
        char c = text[at];
        if (c == ';' || c == ':' || c == '!' || c == '?') {
            std::string_view after = rest.substr(1);
            bool follows_word = !out.empty() && !is_space_byte(out.back()) && out.back() != '!' && out.back() != '?';
            // A sign glued to its word counts as punctuation only when a space or the end follows ("10:30" and
            // "http://" stay as they are).
            bool punctuation = out.ends_with(' ') || out.ends_with(kNoBreakSpace) ||
                               out.ends_with(kNarrowNoBreakSpace) || (follows_word && starts_with_space(after)) ||
                               (follows_word && (after.starts_with(kCloseGuillemet) || after.starts_with(")") ||
                                                 after.starts_with("!") || after.starts_with("?")));
            if (punctuation && !out.empty() && out.back() != '\n') {
                drop_trailing_space(out);
                out += c == ':' ? kNoBreakSpace : kNarrowNoBreakSpace;
            }
            out += c;
            ++at;
            continue;
        }
        if (rest.starts_with(kOpenGuillemet)) {
            out += kOpenGuillemet;
            at += kOpenGuillemet.size();
            while (at < text.size() && text[at] == ' ') {
                ++at;
            }
            std::string_view after = text.substr(at);
            if (!after.starts_with(kNoBreakSpace) && !after.starts_with(kNarrowNoBreakSpace)) {
                out += kNarrowNoBreakSpace;
            }
            continue;
        }
        if (rest.starts_with(kCloseGuillemet)) {
            if (!out.empty() && out.back() != '\n') {
                drop_trailing_space(out);
                out += kNarrowNoBreakSpace;
            }
            out += kCloseGuillemet;
            at += kCloseGuillemet.size();
            continue;
        }
        out += c;
        ++at;
    }
    return out;
}

}  // namespace storybank::render
