#include "service/email_address.hpp"

#include <algorithm>

namespace storybank::service {
namespace {

constexpr std::size_t kMaximumLength = 254;  // RFC 5321 path limit

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

std::optional<std::string> normalized_email(std::string_view text) {
    text = trimmed(text);
    if (text.empty() || text.size() > kMaximumLength) {
        return std::nullopt;
    }
    bool bad_character = std::any_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7F || c == ',' || c == ';' || c == '<' || c == '>' || c == '"';
    });
    std::size_t at = text.find('@');
    if (bad_character || at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view domain = text.substr(at + 1);
    std::size_t dot = domain.find('.');
    if (domain.empty() || dot == std::string_view::npos || dot == 0 || domain.back() == '.' ||
        domain.find("..") != std::string_view::npos) {
        return std::nullopt;
    }
    return std::string(text.substr(0, at + 1)) + lower_ascii(domain);
}

std::string login_key_of(std::string_view email) {
    return lower_ascii(trimmed(email));
}

}  // namespace storybank::service
