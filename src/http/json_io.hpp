#pragma once

#include "core/message_catalog.hpp"
#include "core/problem.hpp"
#include "core/revision.hpp"
#include "core/story_diff.hpp"
#include "service/principal.hpp"
#include "service/tag_suggestions.hpp"
#include "store/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
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

/// {"story_id", "from", "to", "changes": [{"field", "change", "before", "after"}]}, values as in canonical JSON.
std::string diff_to_json(std::int64_t story_id,
                         int from,
                         int to,
                         const std::vector<core::FieldChange>& changes,
                         const core::MessageCatalog& messages,
                         std::string_view language);

/// {"entries": [{"id", "at", "actor", "address", "action", "target_type", "target_id", "detail": {…}}],
/// "next_before": id|null}
std::string audit_entries_to_json(const std::vector<store::AuditEntry>& entries, int limit);

/// {"story_id", "transitions": [{"at", "actor", "from", "to", "reason"}]}, newest first.
std::string transitions_to_json(std::int64_t story_id, const std::vector<store::AuditEntry>& entries);

/// {"user": {"id", "email", "display_name", "memberships": [{"organisation_id", "role", "partner_ids"}]},
/// "credential", "expires_at", and "csrf_token" when given (only at login)}.
std::string principal_to_json(const service::Principal& principal, const std::optional<std::string>& csrf_token);

/// {"story_id", "comments": [{"id", "revision", "field", "author", "body", "created_at"}]}
std::string comments_to_json(std::int64_t story_id, const std::vector<store::Comment>& comments);

/// {"story_id", "suggestions": [{"tag", "occurrences", "keywords"}]}
std::string tag_suggestions_to_json(std::int64_t story_id, const std::vector<service::TagSuggestion>& suggestions);

/// {"selections": [{"id", "story_id", "report", "reason", "selected_by", "selected_at"}]}
std::string selections_to_json(const std::vector<store::Selection>& selections);

/// {"story_id", "tags": [...]}
std::string tags_to_json(std::int64_t story_id, const std::vector<std::string>& tags);

/// The array of strings `name` of a JSON object body ({"tags": ["gender", "youth"]}); Error(InvalidRequest)
/// naming the field when it is missing or not an array of strings.
std::vector<std::string> string_list_field(std::string_view body, const std::string& name);

/// The problems of a refusal as a problem+json body with status 422 (or `status`), rendered in `language`.
std::string refusal_json(int status,
                         std::string_view code,
                         std::string_view message,
                         const std::vector<core::Problem>& problems,
                         const core::MessageCatalog& messages,
                         std::string_view language);

/// A request body that must be a JSON object of strings ({"email": "…", "password": "…"}). Throws
/// Error(InvalidRequest) naming the field that is not a string, or saying the body is not such an object.
std::map<std::string, std::string> string_fields(std::string_view body);

}  // namespace storybank::http
