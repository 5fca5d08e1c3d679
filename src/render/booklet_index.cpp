#include "render/booklet_index.hpp"

#include "text/collation.hpp"

#include <algorithm>
#include <map>

namespace storybank::render {

BookletChapter chapter_of(const StoryLayout& story, int page) {
    std::string place = story.locality;
    if (!story.country.empty() && story.country != story.locality) {
        place += (place.empty() ? "" : ", ") + story.country;
    }
    return {story.title, story.partner, story.country, place, page};
}

std::vector<IndexGroup> index_groups(const std::vector<BookletChapter>& chapters,
                                     std::string BookletChapter::*key,
                                     const std::string& unknown,
                                     std::string_view language) {
    std::map<std::string, IndexGroup> by_name;
    IndexGroup without{unknown, {}};
    for (std::size_t index = 0; index < chapters.size(); ++index) {
        const std::string& name = chapters[index].*key;
        if (name.empty()) {
            without.chapters.push_back(index);
            continue;
        }
        auto [group, added] = by_name.try_emplace(name, IndexGroup{name, {}});
        group->second.chapters.push_back(index);
    }
    std::vector<std::pair<std::string, IndexGroup>> keyed;
    keyed.reserve(by_name.size());
    for (auto& [name, group] : by_name) {
        keyed.emplace_back(text::collation_key(name, language), std::move(group));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<IndexGroup> groups;
    groups.reserve(keyed.size() + 1);
    for (auto& [sort_key, group] : keyed) {
        groups.push_back(std::move(group));
    }
    if (!without.chapters.empty()) {
        groups.push_back(std::move(without));
    }
    return groups;
}

}  // namespace storybank::render
