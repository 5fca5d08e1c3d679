#include "text/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>

namespace storybank::text {

std::string collation_key(std::string_view utf8, std::string_view language) {
    // Opening a collator reads its rules: once per thread and language, since collators are not thread-safe.
    thread_local std::map<std::string, std::unique_ptr<icu::Collator>, std::less<>> collators;
    auto found = collators.find(language);
    if (found == collators.end()) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> opened(
            icu::Collator::createInstance(icu::Locale(std::string(language).c_str()), status));
        if (U_FAILURE(status)) {
            opened.reset();
        }
        found = collators.emplace(std::string(language), std::move(opened)).first;
    }
    if (!found->second) {
        return std::string(utf8);
    }
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string key(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
    auto* bytes = reinterpret_cast<uint8_t*>(key.data());
    int32_t size = found->second->getSortKey(text, bytes, static_cast<int32_t>(key.size()));
    if (size > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<std::size_t>(size));
        size = found->second->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), size);
    }
    key.resize(size > 0 ? static_cast<std::size_t>(size - 1) : 0);  // without the terminating zero
    return key;
}

}  // namespace storybank::text
