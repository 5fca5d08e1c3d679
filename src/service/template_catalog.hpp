#pragma once

#include "core/template.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace storybank::service {

/// The story templates storybank knows: those compiled in (resources/templates) plus, optionally, every
/// *.json file of a folder, which may add templates or replace built-in ones by id.
class TemplateCatalog {
public:
    /// Throws Error(InvalidRequest) naming the file when a template does not parse.
    static TemplateCatalog load(const std::optional<std::filesystem::path>& extra_folder = std::nullopt);

    /// Throws Error(NotFound) listing the known ids.
    const core::Template& get(std::string_view id) const;
    const core::Template* find(std::string_view id) const;
    const std::vector<std::shared_ptr<const core::Template>>& all() const { return m_templates; }
    /// The template used when none is named: "success-story".
    const core::Template& default_template() const;

private:  // data
    std::vector<std::shared_ptr<const core::Template>> m_templates;
};

}  // namespace storybank::service
