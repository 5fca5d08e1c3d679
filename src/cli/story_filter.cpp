#include "cli/story_filter.hpp"

#include "core/error.hpp"

namespace storybank::cli {

store::StoryFilter to_story_filter(const FilterArguments& arguments) {
    store::StoryFilter filter;
    filter.country = arguments.country;
    filter.partner_ngo = arguments.partner;
    filter.consortium_member = arguments.member;
    filter.template_id = arguments.template_id;
    filter.language = arguments.language;
    filter.year = arguments.year;
    filter.tag = arguments.tag;
    if (!arguments.status.empty()) {
        filter.status = core::parse_workflow_state(arguments.status);
        if (!filter.status) {
            throw Error(ErrorKind::InvalidRequest,
                        "--status must be one of draft, submitted, changes_requested, "
                        "approved, published, archived; not '" +
                            arguments.status + "'");
        }
    }
    return filter;
}

}  // namespace storybank::cli
