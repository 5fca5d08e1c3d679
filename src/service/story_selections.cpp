// Most Significant Change selection: the lead chooses stories for a report and records why.
#include "core/error.hpp"
#include "service/account_problems.hpp"
#include "service/story_service.hpp"
#include "text/unicode_text.hpp"

namespace storybank::service {

Outcome<std::int64_t> StoryService::select_story(const auth::Subject& selector,
                                                 std::int64_t story_id,
                                                 std::string report,
                                                 std::string reason,
                                                 const Actor& actor) {
    using Result = Outcome<std::int64_t>;
    store::StorySummary story = summary_allowing(selector, story_id, auth::StoryAction::See);
    // Selecting decides what goes out under the consortium's name: the right of those who publish.
    auth::StoryFacts approved = story_facts(story);
    approved.status = core::WorkflowState::Approved;
    if (!auth::may(selector, auth::StoryAction::Publish, approved)) {
        throw Error(ErrorKind::Forbidden, "only those who publish stories select them for reports");
    }
    std::vector<core::Problem> problems;
    report = text::tidy_spaces(text::normalize_nfc(report));
    reason = text::normalize_nfc(reason);
    if (report.empty()) {
        problems.push_back(detail::refusal("report", "selection-report-missing"));
    }
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        problems.push_back(detail::refusal("reason", "selection-reason-missing"));
    }
    if (story.status != core::WorkflowState::Approved && story.status != core::WorkflowState::Published) {
        problems.push_back(detail::refusal("status", "selection-not-ready",
                                           {{"status", std::string(core::workflow_state_name(story.status))}}));
    }
    if (!problems.empty()) {
        return Result::refused(std::move(problems));
    }
    store::Selection selection;
    selection.story_id = story_id;
    selection.report = report;
    selection.reason = reason;
    selection.selected_by_user_id = actor.user_id;
    selection.selected_by = actor.name;
    try {
        return Result::done(m_store.add_selection(
            selection, m_audit.entry(actor, audit_action::kSelectionCreate, "selection", {},
                                     {{"story", std::to_string(story_id)}, {"report", report}, {"reason", reason}})));
    } catch (const Error& error) {
        if (error.kind() != ErrorKind::Conflict) {
            throw;
        }
        return Result::refused({detail::refusal("report", "selection-exists", {{"report", report}})});
    }
}

std::vector<store::Selection> StoryService::selections_for(const auth::Subject& reader, std::string_view report) {
    std::vector<store::Selection> visible;
    for (auto& selection : m_store.selections(report, 0)) {
        auto story = m_store.find_story(selection.story_id);
        if (story && auth::may(reader, auth::StoryAction::See, story_facts(*story))) {
            visible.push_back(std::move(selection));
        }
    }
    return visible;
}

}  // namespace storybank::service
