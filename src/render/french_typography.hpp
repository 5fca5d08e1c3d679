#pragma once

#include <string>
#include <string_view>

namespace storybank::render {

/// French typography for printed text: a narrow no-break space (U+202F) before ; ! ? and inside « »,
/// a no-break space (U+00A0) before ":". An ordinary space there is replaced; a missing one is added, except
/// where the sign is not punctuation ("10:30", "http://", "?!"). Everything else is left as written.
std::string french_typography(std::string_view text);

}  // namespace storybank::render
