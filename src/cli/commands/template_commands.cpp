#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "core/template_json.hpp"

#include <iostream>

namespace storybank::cli {

int run_templates(const GlobalOptions& options) {
    auto application = make_application(options, NeedsStore::No);
    for (const auto& story_template : application->templates.all()) {
        std::cout << story_template->id << '\t' << story_template->name.in(options.language) << '\t'
                  << story_template->fields.size() << ' '
                  << application->messages.render(options.language, "cli-template-fields") << '\n';
    }
    return 0;
}

int run_template_show(const GlobalOptions& options, const std::string& id) {
    auto application = make_application(options, NeedsStore::No);
    std::cout << core::template_to_json(application->templates.get(id)) << '\n';
    return 0;
}

int run_config_show(const GlobalOptions& options, const ServeOptions& serve) {
    std::cout << "data\t" << options.data_dir.string() << '\n'
              << "lang\t" << options.language << '\n'
              << "templates\t" << (options.templates_dir ? options.templates_dir->string() : "") << '\n'
              << "photo-max-edge\t" << options.photo_max_edge << '\n'
              << "photo-max-mb\t" << options.photo_max_mb << '\n'
              << "password-hashes\t" << options.password_hashes << '\n'
              << "host\t" << serve.host << '\n'
              << "port\t" << serve.port << '\n'
              << "threads\t" << serve.threads << '\n';
    return 0;
}

}  // namespace storybank::cli
