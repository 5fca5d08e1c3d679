#pragma once

#include "core/revision.hpp"
#include "store/store.hpp"

#include <string>
#include <vector>

namespace storybank::http {

/// A story's summary as the API shows it (JSON object text).
std::string summary_to_json(const store::StorySummary& summary);

/// {"stories": [...], "next_after": id|null}
std::string summaries_to_json(const std::vector<store::StorySummary>& summaries, int limit);

/// {"total": n, "hits": [{"story": {...}, "score": x, "snippet": "…"}]}; snippet markers become <mark>…</mark>
/// around escaped text, so the snippet is safe HTML.
std::string search_result_to_json(const store::SearchResult& result);

/// {"story_id": n, "revisions": [{"number", "created_at", "author", "note"}]}
std::string history_to_json(std::int64_t story_id, const std::vector<core::RevisionInfo>& history);

/// The snippet as safe HTML: text escaped, matches in <mark>.
std::string snippet_to_html(std::string_view snippet);

}  // namespace storybank::http
