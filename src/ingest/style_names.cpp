#include "ingest/style_names.hpp"

#include <algorithm>

namespace storybank::ingest {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

bool is_heading_style_name(std::string_view name) {
    if (name == "title" || name == "titre") {
        return true;
    }
    for (std::string_view prefix : {"heading", "titre"}) {
        if (name.starts_with(prefix)) {
            std::string_view rest = name.substr(prefix.size());
            if (rest.starts_with(' ') || rest.starts_with('_')) {
                rest.remove_prefix(1);
            }
            return rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9';
        }
    }
    return false;
}

bool is_caption_style_name(std::string_view name) {
    return name == "caption" || name == "image caption" || name == "imagecaption" || name == "légende" ||
           name == "legende" || name == "figure" || name == "illustration";
}

}  // namespace storybank::ingest
