#include "fuzz_support.hpp"

#include "assets/assets.hpp"
#include "core/template_json.hpp"

#include <cstdio>
#include <cstdlib>

namespace storybank::fuzz {

const core::Template& story_template() {
    static const core::Template kTemplate = [] {
        std::optional<assets::Asset> asset = assets::find("templates/success-story.json");
        if (!asset) {
            std::fputs("fuzz: templates/success-story.json is not among the embedded resources\n", stderr);
            std::abort();
        }
        return core::template_from_json(asset->bytes, asset->path);
    }();
    return kTemplate;
}

}  // namespace storybank::fuzz
