// Comments: the conversation between writers and reviewers about a story or one of its fields.
#include "service/account_problems.hpp"
#include "service/story_service.hpp"
#include "text/unicode_text.hpp"

namespace storybank::service {
namespace {

constexpr std::size_t kLongestComment = 10000;  // bytes: a few pages; longer belongs in the story itself

}  // namespace

Outcome<std::int64_t> StoryService::add_comment(const auth::Subject& author,
                                                std::int64_t story_id,
                                                std::string field,
                                                std::string body,
                                                const Actor& actor) {
    using Result = Outcome<std::int64_t>;
    store::StorySummary story = summary_allowing(author, story_id, auth::StoryAction::SeePersonalData);
    std::string text = text::tidy_spaces(text::normalize_nfc(body));
    if (text.empty()) {
        return Result::refused({detail::refusal("body", "comment-empty")});
    }
    if (body.size() > kLongestComment) {
        return Result::refused(
            {detail::refusal("body", "comment-too-long", {{"limit", std::to_string(kLongestComment)}})});
    }
    const core::Template* story_template = m_templates.find(story.template_id);
    if (!field.empty() && (story_template == nullptr || story_template->find_field(field) == nullptr)) {
        return Result::refused({detail::refusal("field", "comment-field-unknown", {{"field", field}})});
    }
    store::Comment comment;
    comment.story_id = story_id;
    comment.revision = story.current_revision;
    comment.field = std::move(field);
    comment.author_user_id = actor.user_id;
    comment.author = actor.name;
    // Line breaks matter in a comment; tidy_spaces would fold them, so only the ends are trimmed.
    std::size_t start = body.find_first_not_of(" \t\r\n");
    std::size_t end = body.find_last_not_of(" \t\r\n");
    comment.body = text::normalize_nfc(std::string_view(body).substr(start, end - start + 1));
    return Result::done(
        m_store.add_comment(comment, m_audit.entry(actor, audit_action::kCommentCreate, "comment", {},
                                                   {{"story", std::to_string(story_id)}, {"field", comment.field}})));
}

std::vector<store::Comment> StoryService::comments_for(const auth::Subject& reader, std::int64_t story_id) {
    summary_allowing(reader, story_id, auth::StoryAction::SeePersonalData);
    return m_store.comments(story_id);
}

}  // namespace storybank::service
