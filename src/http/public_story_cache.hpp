#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

namespace storybank::http {

/// The JSON of published stories as anonymous readers get it, by story, revision and language, and which revision
/// of each story is current and public.
///
/// Revisions never change once stored, so the JSON of one never goes stale. Which revision is current, and whether
/// the story is still public, is asked of the store again once `recheck` has passed (and at once after this
/// server changed the story: forget()). Asking on every request made every reader queue on the store's one
/// connection, which doubled the 99th percentile under load; a change made by another process (a command beside
/// the server) is seen within `recheck`. Bounded: when full it starts again empty (a public page is cheap to
/// rebuild).
class PublicStoryCache {
public:
    explicit PublicStoryCache(std::chrono::milliseconds recheck = std::chrono::milliseconds(250),
                              std::size_t max_entries = 1024)
        : m_recheck(recheck), m_max_entries(max_entries) {}

    /// The public revision of the story as last checked, if that was less than `recheck` ago.
    std::optional<int> current_revision(std::int64_t story_id) const;
    void set_current_revision(std::int64_t story_id, int revision);
    /// Drops what is known of the story's current revision: called after this server changed it.
    void forget(std::int64_t story_id);

    /// The bytes kept for this revision, or null.
    std::shared_ptr<const std::string> find(std::int64_t story_id, int revision, const std::string& language) const;
    /// Keeps `json` for this revision and returns it.
    std::shared_ptr<const std::string> put(std::int64_t story_id,
                                           int revision,
                                           const std::string& language,
                                           std::string json);

private:
    using Key = std::tuple<std::int64_t, int, std::string>;

    struct Checked {
        int revision = 0;
        std::chrono::steady_clock::time_point at;
    };

private:  // data
    const std::chrono::milliseconds m_recheck;
    const std::size_t m_max_entries;
    mutable std::mutex m_mutex;
    std::map<Key, std::shared_ptr<const std::string>> m_entries;
    std::map<std::int64_t, Checked> m_current;
};

}  // namespace storybank::http
