#include "service/template_catalog.hpp"

#include "assets/assets.hpp"
#include "core/error.hpp"
#include "core/template_json.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace storybank::service {
namespace {

constexpr std::string_view kDefaultTemplate = "success-story";

void add_or_replace(std::vector<std::shared_ptr<const core::Template>>& templates, core::Template loaded) {
    auto shared = std::make_shared<const core::Template>(std::move(loaded));
    auto existing = std::find_if(templates.begin(), templates.end(),
                                 [&](const auto& candidate) { return candidate->id == shared->id; });
    if (existing != templates.end()) {
        *existing = shared;
    } else {
        templates.push_back(shared);
    }
}

}  // namespace

TemplateCatalog TemplateCatalog::load(const std::optional<std::filesystem::path>& extra_folder) {
    TemplateCatalog catalog;
    for (std::string_view path : assets::list("templates/")) {
        if (!path.ends_with(".json")) {
            continue;
        }
        auto asset = assets::find(path);
        if (asset) {
            add_or_replace(catalog.m_templates, core::template_from_json(asset->bytes, path));
        }
    }
    if (extra_folder) {
        std::error_code error;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(*extra_folder, error)) {
            if (entry.path().extension() == ".json") {
                files.push_back(entry.path());
            }
        }
        if (error) {
            throw Error(ErrorKind::InvalidRequest,
                        "the templates folder '" + extra_folder->string() + "' cannot be read: " + error.message());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::stringstream buffer;
            buffer << in.rdbuf();
            add_or_replace(catalog.m_templates, core::template_from_json(buffer.str(), file.string()));
        }
    }
    if (catalog.m_templates.empty()) {
        throw Error(ErrorKind::Internal, "no story template is available", "assets hold no templates/*.json");
    }
    return catalog;
}

const core::Template* TemplateCatalog::find(std::string_view id) const {
    for (const auto& story_template : m_templates) {
        if (story_template->id == id) {
            return story_template.get();
        }
    }
    return nullptr;
}

const core::Template& TemplateCatalog::get(std::string_view id) const {
    if (const core::Template* found = find(id)) {
        return *found;
    }
    std::string known;
    for (const auto& story_template : m_templates) {
        known += (known.empty() ? "" : ", ") + story_template->id;
    }
    throw Error(ErrorKind::NotFound, "there is no template '" + std::string(id) + "'; known templates: " + known);
}

const core::Template& TemplateCatalog::default_template() const {
    const core::Template* found = find(kDefaultTemplate);
    return found != nullptr ? *found : *m_templates.front();
}

}  // namespace storybank::service
