#include "ingest/value_parsers.hpp"
#include "text/unicode_text.hpp"

namespace storybank::ingest {

std::string strip_enclosing_emphasis(std::string_view value) {
    std::string out = text::tidy_spaces(value);
    for (;;) {
        bool changed = false;
        for (std::string_view mark : {"***", "**", "__", "*", "_"}) {
            if (out.size() > 2 * mark.size() && out.starts_with(mark) && out.ends_with(mark)) {
                out = text::tidy_spaces(std::string_view(out).substr(mark.size(), out.size() - 2 * mark.size()));
                changed = true;
                break;
            }
        }
        if (!changed) {
            return out;
        }
    }
}

}  // namespace storybank::ingest
