#include "service/message_loader.hpp"

#include "assets/assets.hpp"

namespace storybank::service {

core::MessageCatalog load_messages() {
    core::MessageCatalog catalog;
    for (std::string_view path : assets::list("i18n/")) {
        if (!path.ends_with(".json") || path.ends_with("qqq.json")) {
            continue;
        }
        auto asset = assets::find(path);
        if (asset) {
            std::string_view name = path.substr(5, path.size() - 5 - 5);
            catalog.add_language(std::string(name), asset->bytes);
        }
    }
    return catalog;
}

}  // namespace storybank::service
