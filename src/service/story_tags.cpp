// Tags from the template's vocabulary: set by the people working on a story, suggested from its words.
#include "core/error.hpp"
#include "service/account_problems.hpp"
#include "service/story_service.hpp"

#include <algorithm>

namespace storybank::service {

Outcome<std::vector<std::string>> StoryService::set_tags(const auth::Subject& editor,
                                                         std::int64_t story_id,
                                                         const std::vector<std::string>& tags,
                                                         const Actor& actor) {
    using Result = Outcome<std::vector<std::string>>;
    store::StorySummary story = summary_allowing(editor, story_id, auth::StoryAction::See);
    auth::StoryFacts facts = story_facts(story);
    bool allowed = false;
    for (auto action : {auth::StoryAction::Edit, auth::StoryAction::Review, auth::StoryAction::Publish}) {
        allowed = allowed || auth::may(editor, action, facts);
    }
    if (!allowed) {
        throw Error(ErrorKind::Forbidden, "you may not change the tags of story " + std::to_string(story_id) +
                                              " while it is " + std::string(core::workflow_state_name(story.status)));
    }
    const core::Template& story_template = m_templates.get(story.template_id);
    std::vector<std::string> keys;
    std::string vocabulary;
    for (const auto& tag : story_template.tags) {
        vocabulary += (vocabulary.empty() ? "" : ", ") + tag.key;
    }
    std::vector<core::Problem> problems;
    for (const auto& tag : tags) {
        bool known = std::any_of(story_template.tags.begin(), story_template.tags.end(),
                                 [&](const auto& definition) { return definition.key == tag; });
        if (!known) {
            problems.push_back(detail::refusal("tags", "tag-unknown", {{"tag", tag}, {"vocabulary", vocabulary}}));
        } else if (std::find(keys.begin(), keys.end(), tag) == keys.end()) {
            keys.push_back(tag);
        }
    }
    if (!problems.empty()) {
        return Result::refused(std::move(problems));
    }
    std::sort(keys.begin(), keys.end());
    std::string joined;
    for (const auto& key : keys) {
        joined += (joined.empty() ? "" : ", ") + key;
    }
    m_store.set_tags(
        story_id, keys,
        m_audit.entry(actor, audit_action::kStoryTags, "story", std::to_string(story_id), {{"tags", joined}}));
    return Result::done(std::move(keys));
}

std::vector<std::string> StoryService::tags_for(const auth::Subject& reader, std::int64_t story_id) {
    return summary_allowing(reader, story_id, auth::StoryAction::See).tags;
}

std::vector<TagSuggestion> StoryService::tag_suggestions_for(const auth::Subject& reader, std::int64_t story_id) {
    core::Revision visible = story_for(reader, story_id, 0);
    store::StorySummary summary = *m_store.find_story(story_id);
    return suggest_tags(visible.story, m_templates.get(visible.story.template_id), summary.tags);
}

}  // namespace storybank::service
