#include "http/public_story_cache.hpp"

namespace storybank::http {

std::shared_ptr<const std::string> PublicStoryCache::find(std::int64_t story_id,
                                                          int revision,
                                                          const std::string& language) const {
    std::lock_guard lock(m_mutex);
    auto found = m_entries.find(Key{story_id, revision, language});
    return found == m_entries.end() ? nullptr : found->second;
}

std::optional<int> PublicStoryCache::current_revision(std::int64_t story_id) const {
    std::lock_guard lock(m_mutex);
    auto found = m_current.find(story_id);
    if (found == m_current.end() || std::chrono::steady_clock::now() - found->second.at >= m_recheck) {
        return std::nullopt;
    }
    return found->second.revision;
}

void PublicStoryCache::set_current_revision(std::int64_t story_id, int revision) {
    std::lock_guard lock(m_mutex);
    if (m_current.size() >= m_max_entries) {
        m_current.clear();
    }
    m_current[story_id] = {revision, std::chrono::steady_clock::now()};
}

void PublicStoryCache::forget(std::int64_t story_id) {
    std::lock_guard lock(m_mutex);
    m_current.erase(story_id);
}

std::shared_ptr<const std::string> PublicStoryCache::put(std::int64_t story_id,
                                                         int revision,
                                                         const std::string& language,
                                                         std::string json) {
    auto entry = std::make_shared<const std::string>(std::move(json));
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= m_max_entries) {
        m_entries.clear();
    }
    m_entries[Key{story_id, revision, language}] = entry;
    return entry;
}

}  // namespace storybank::http
