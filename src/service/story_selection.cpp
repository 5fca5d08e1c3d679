#include "service/story_selection.hpp"

#include "core/error.hpp"

namespace storybank::service {
namespace {

constexpr int kPageSize = 500;

}  // namespace

std::vector<std::int64_t> select_stories(store::Store& store, const StorySelection& selection) {
    std::vector<std::int64_t> ids;
    if (!selection.ids.empty()) {
        for (std::int64_t id : selection.ids) {
            if (!store.find_story(id)) {
                throw Error(ErrorKind::NotFound,
                            "there is no story " + std::to_string(id) + "; check the ids with storybank list");
            }
        }
        return selection.ids;
    }
    if (!selection.query.empty()) {
        store::SearchQuery query;
        query.text = selection.query;
        query.filter = selection.filter;
        query.limit = kPageSize;
        for (;;) {
            store::SearchResult result = store.search(query);
            for (const auto& hit : result.hits) {
                ids.push_back(hit.story.id);
            }
            query.offset += kPageSize;
            if (result.hits.empty() || query.offset >= result.total) {
                break;
            }
        }
        return ids;
    }
    store::ListQuery query;
    query.filter = selection.filter;
    query.limit = kPageSize;
    for (;;) {
        auto page = store.list_stories(query);
        for (const auto& summary : page) {
            ids.push_back(summary.id);
        }
        if (page.size() < static_cast<std::size_t>(kPageSize)) {
            break;
        }
        query.after_id = page.back().id;
    }
    return ids;
}

render::PhotoBytes stored_photos(store::Store& store) {
    return [&store](const core::Attachment& attachment) -> std::optional<std::string> {
        auto stored = store.find_attachment(attachment.sha256);
        if (!stored) {
            return std::nullopt;
        }
        return std::move(stored->bytes);
    };
}

}  // namespace storybank::service
