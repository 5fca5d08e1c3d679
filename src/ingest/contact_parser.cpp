#include "ingest/value_parsers.hpp"
#include "text/phone_number.hpp"
#include "text/unicode_text.hpp"

#include <cctype>

namespace storybank::ingest {
namespace {

bool is_email_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '%' || c == '+' ||
           c == '-' || c == '@';
}

/// local@domain.tld with a dot in the domain and a letters-only top-level domain of 2+ letters.
bool is_valid_email(std::string_view candidate) {
    std::size_t at = candidate.find('@');
    if (at == std::string_view::npos || at == 0 || candidate.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    std::string_view domain = candidate.substr(at + 1);
    std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.starts_with('.') ||
        domain.find("..") != std::string_view::npos) {
        return false;
    }
    std::string_view tld = domain.substr(dot + 1);
    if (tld.size() < 2) {
        return false;
    }
    for (char c : tld) {
        if (std::isalpha(static_cast<unsigned char>(c)) == 0) {
            return false;
        }
    }
    return true;
}

}  // namespace

core::Contact parse_contact(std::string_view raw,
                            std::string_view region_hint,
                            const std::string& field,
                            ProblemSink& problems) {
    std::string value = strip_enclosing_emphasis(text::tidy_spaces(raw));
    core::Contact contact;
    // E-mails first, blanked out so their digits are not read as phone numbers.
    std::string rest = value;
    for (std::size_t at = rest.find('@'); at != std::string::npos; at = rest.find('@', at + 1)) {
        std::size_t start = at;
        while (start > 0 && is_email_character(rest[start - 1])) {
            --start;
        }
        std::size_t end = at + 1;
        while (end < rest.size() && is_email_character(rest[end])) {
            ++end;
        }
        std::string candidate = rest.substr(start, end - start);
        while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == '-')) {
            candidate.pop_back();
        }
        if (is_valid_email(candidate)) {
            std::string lower;
            for (char c : candidate) {
                lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            contact.emails.push_back(lower);
        } else {
            problems.push_back({field, core::Severity::Warning, "email-invalid", {{"value", candidate}}, ""});
        }
        rest.replace(start, end - start, std::string(end - start, ' '));
    }
    text::PhoneNumberScan phones = text::find_phone_numbers(rest, region_hint);
    for (auto& phone : phones.numbers) {
        contact.phones.push_back(std::move(phone.e164));
    }
    for (const auto& doubtful : phones.doubtful) {
        problems.push_back({field, core::Severity::Warning, "phone-invalid", {{"value", doubtful}}, ""});
    }
    if (contact.phones.empty() && contact.emails.empty() && phones.doubtful.empty() && !value.empty()) {
        problems.push_back({field, core::Severity::Warning, "contact-nothing-found", {{"value", value}}, ""});
    }
    return contact;
}

}  // namespace storybank::ingest
