#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "cli/problem_lines.hpp"
#include "core/error.hpp"

#include <iostream>

namespace storybank::cli {

int run_move(const GlobalOptions& options, const MoveArguments& arguments) {
    auto to = core::parse_workflow_state(arguments.to);
    if (!to) {
        throw Error(ErrorKind::InvalidRequest,
                    "--to must be one of draft, submitted, changes_requested, approved, "
                    "published, archived; not '" +
                        arguments.to + "'");
    }
    auto application = make_application(options, NeedsStore::Yes);
    store::StorySummary before = application->stories->summary(arguments.id);
    auto moved =
        application->stories->move_story_locally(arguments.id, *to, arguments.reason, service::Actor::command_line());
    if (!moved.ok()) {
        return print_refusal(moved.problems, application->messages, options.language);
    }
    std::cout << application->messages.render(options.language, "cli-story-moved",
                                              {{"id", std::to_string(arguments.id)},
                                               {"from", std::string(core::workflow_state_name(before.status))},
                                               {"to", std::string(core::workflow_state_name(*to))}})
              << '\n';
    return 0;
}

}  // namespace storybank::cli
