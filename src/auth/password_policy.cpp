#include "auth/password_policy.hpp"

#include <algorithm>

namespace storybank::auth {
namespace {

/// E-mail parts shorter than this are too common as letter sequences ("jo", "ml") to be refused inside a password;
/// the whole local part counts from kLocalPartMinimum on.
constexpr std::size_t kLocalPartMinimum = 3;
constexpr std::size_t kLocalPieceMinimum = 4;

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

std::size_t code_points(std::string_view utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_affix_character(char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x80 && !(c >= 'a' && c <= 'z');
}

/// "2024motdepasse!!" → "motdepasse": what is left of a password once the digits and symbols people add
/// around a word to satisfy a rule are taken off.
std::string_view word_core(std::string_view lowered) {
    while (!lowered.empty() && is_affix_character(lowered.front())) {
        lowered.remove_prefix(1);
    }
    while (!lowered.empty() && is_affix_character(lowered.back())) {
        lowered.remove_suffix(1);
    }
    return lowered;
}

/// "p@ssw0rd" → "password": digits and symbols written in place of the letters they look like.
std::string without_look_alikes(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        switch (c) {
            case '@':
            case '4':
                c = 'a';
                break;
            case '0':
                c = 'o';
                break;
            case '1':
            case '!':
                c = 'i';
                break;
            case '3':
                c = 'e';
                break;
            case '$':
            case '5':
                c = 's';
                break;
            case '7':
                c = 't';
                break;
            default:
                break;
        }
    }
    return out;
}

/// "aaaaaaaaaa", "éééééééééé": one character, any number of times.
bool is_one_repeated_character(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    std::size_t length = 1;
    while (length < text.size() && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) {
        ++length;
    }
    if (text.size() % length != 0) {
        return false;
    }
    for (std::size_t at = length; at < text.size(); at += length) {
        if (text.compare(at, length, text.substr(0, length)) != 0) {
            return false;
        }
    }
    return true;
}

core::Problem password_problem(std::string message_id, std::map<std::string, std::string> params = {}) {
    return {"password", core::Severity::Error, std::move(message_id), std::move(params), ""};
}

std::vector<std::string> local_part_pieces(std::string_view email) {
    std::string local = lower_ascii(email.substr(0, email.find('@')));
    std::vector<std::string> pieces;
    if (code_points(local) >= kLocalPartMinimum) {
        pieces.push_back(local);
    }
    std::size_t start = 0;
    while (start < local.size()) {
        std::size_t end = local.find_first_of("._-+", start);
        std::string piece = local.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (code_points(piece) >= kLocalPieceMinimum && piece != local) {
            pieces.push_back(piece);
        }
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return pieces;
}

}  // namespace

PasswordPolicy::PasswordPolicy(std::string_view common_passwords) {
    while (!common_passwords.empty()) {
        std::size_t end = common_passwords.find('\n');
        std::string_view line = trim(common_passwords.substr(0, end));
        common_passwords.remove_prefix(end == std::string_view::npos ? common_passwords.size() : end + 1);
        if (!line.empty() && line.front() != '#') {
            m_common.insert(lower_ascii(line));
        }
    }
}

bool PasswordPolicy::is_common(std::string_view password) const {
    std::string lowered = lower_ascii(password);
    if (m_common.contains(lowered) || is_one_repeated_character(lowered)) {
        return true;
    }
    std::string_view core = word_core(lowered);
    if (core.empty()) {
        return true;  // digits and symbols only: dates, phone numbers and keyboard runs
    }
    return m_common.contains(core) || m_common.contains(without_look_alikes(core)) ||
           m_common.contains(without_look_alikes(lowered));
}

std::vector<core::Problem> PasswordPolicy::check(std::string_view password, std::string_view email) const {
    std::vector<core::Problem> problems;
    if (code_points(password) < kMinimumLength) {
        problems.push_back(password_problem("password-too-short", {{"minimum", std::to_string(kMinimumLength)}}));
    }
    if (is_common(password)) {
        problems.push_back(password_problem("password-too-common"));
    }
    std::string lowered = lower_ascii(password);
    for (const auto& piece : local_part_pieces(email)) {
        if (lowered.find(piece) != std::string::npos) {
            problems.push_back(password_problem("password-contains-email"));
            break;
        }
    }
    return problems;
}

}  // namespace storybank::auth
