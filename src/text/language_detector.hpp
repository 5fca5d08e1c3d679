#pragma once

#include <string>
#include <string_view>

namespace storybank::text {

/// The language of a text as an ISO 639-1 code ("fr", "en", "bm", …), or empty when the text is too short or
/// mixed to tell. Uses the n-gram fingerprints of libexttextcat; safe to call from several threads.
std::string detect_language(std::string_view text);

}  // namespace storybank::text
