#include "http/json_io.hpp"

#include "core/error.hpp"
#include "core/story_json.hpp"
#include "render/html_writer.hpp"

#include <nlohmann/json.hpp>

namespace storybank::http {
namespace {

using Json = nlohmann::ordered_json;

Json summary_json(const store::StorySummary& summary) {
    return {{"id", summary.id},
            {"template", summary.template_id},
            {"status", core::workflow_state_name(summary.status)},
            {"revision", summary.current_revision},
            {"title", summary.title},
            {"author", summary.author},
            {"language", summary.language},
            {"country", summary.country},
            {"locality", summary.locality},
            {"partner_ngo", summary.partner_ngo},
            {"consortium_member", summary.consortium_member},
            {"year", summary.year},
            {"created_at", summary.created_at},
            {"updated_at", summary.updated_at},
            {"tags", summary.tags},
            {"errors", summary.error_count},
            {"warnings", summary.warning_count}};
}

std::string dump(const Json& json) {
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string summary_to_json(const store::StorySummary& summary) {
    return dump(summary_json(summary));
}

std::string summaries_to_json(const std::vector<store::StorySummary>& summaries, int limit) {
    Json stories = Json::array();
    for (const auto& summary : summaries) {
        stories.push_back(summary_json(summary));
    }
    Json out = {{"stories", std::move(stories)}, {"next_after", nullptr}};
    if (limit > 0 && static_cast<int>(summaries.size()) == limit) {
        out["next_after"] = summaries.back().id;
    }
    return dump(out);
}

std::string snippet_to_html(std::string_view snippet) {
    std::string out;
    std::string text;
    for (char c : snippet) {
        // A snippet is cut from rich text at any word, so its CommonMark emphasis is often half an emphasis:
        // the markers are dropped rather than shown as stray asterisks.
        if (c == '*') {
            continue;
        }
        if (c == '\x02' || c == '\x03') {
            out += render::escape_html(text) + (c == '\x02' ? "<mark>" : "</mark>");
            text.clear();
        } else {
            text += c;
        }
    }
    return out + render::escape_html(text);
}

std::string search_result_to_json(const store::SearchResult& result) {
    Json hits = Json::array();
    for (const auto& hit : result.hits) {
        hits.push_back(
            {{"story", summary_json(hit.story)}, {"score", hit.score}, {"snippet", snippet_to_html(hit.snippet)}});
    }
    Json out = {{"total", result.total}, {"hits", std::move(hits)}};
    if (!result.facets.empty()) {
        Json facets = Json::object();
        for (const auto& count : result.facets) {
            facets[count.facet].push_back({{"value", count.value}, {"count", count.count}});
        }
        out["facets"] = std::move(facets);
    }
    return dump(out);
}

std::string history_to_json(std::int64_t story_id, const std::vector<core::RevisionInfo>& history) {
    Json revisions = Json::array();
    for (const auto& info : history) {
        revisions.push_back(
            {{"number", info.number}, {"created_at", info.created_at}, {"author", info.author}, {"note", info.note}});
    }
    return dump({{"story_id", story_id}, {"revisions", std::move(revisions)}});
}

namespace {

/// One field's value exactly as the canonical JSON of a story writes it.
Json field_value_json(const std::string& key,
                      const core::FieldValue& value,
                      const core::MessageCatalog& messages,
                      std::string_view language) {
    core::Story one;
    one.set(key, value);
    Json document = Json::parse(core::to_canonical_json(one, messages, language, core::JsonLayout::Compact));
    return document["fields"][key];
}

Json parsed_detail(const std::string& detail) {
    Json parsed = Json::parse(detail, nullptr, false);
    return parsed.is_discarded() ? Json::object() : parsed;
}

}  // namespace

std::string diff_to_json(std::int64_t story_id,
                         int from,
                         int to,
                         const std::vector<core::FieldChange>& changes,
                         const core::MessageCatalog& messages,
                         std::string_view language) {
    Json items = Json::array();
    for (const auto& change : changes) {
        Json item = {{"field", change.key}, {"change", core::field_change_kind_name(change.kind)}};
        item["before"] = change.before ? field_value_json(change.key, *change.before, messages, language) : Json();
        item["after"] = change.after ? field_value_json(change.key, *change.after, messages, language) : Json();
        items.push_back(std::move(item));
    }
    return dump({{"story_id", story_id}, {"from", from}, {"to", to}, {"changes", std::move(items)}});
}

std::string audit_entries_to_json(const std::vector<store::AuditEntry>& entries, int limit) {
    Json items = Json::array();
    for (const auto& entry : entries) {
        items.push_back({{"id", entry.id},
                         {"at", entry.at},
                         {"actor", entry.actor},
                         {"address", entry.address},
                         {"action", entry.action},
                         {"target_type", entry.target_type},
                         {"target_id", entry.target_id},
                         {"detail", parsed_detail(entry.detail)}});
    }
    Json out = {{"entries", std::move(items)}, {"next_before", nullptr}};
    if (limit > 0 && static_cast<int>(entries.size()) == limit) {
        out["next_before"] = entries.back().id;
    }
    return dump(out);
}

std::string transitions_to_json(std::int64_t story_id, const std::vector<store::AuditEntry>& entries) {
    Json items = Json::array();
    for (const auto& entry : entries) {
        Json detail = parsed_detail(entry.detail);
        items.push_back({{"at", entry.at},
                         {"actor", entry.actor},
                         {"from", detail.value("from", "")},
                         {"to", detail.value("to", "")},
                         {"reason", detail.value("reason", "")}});
    }
    return dump({{"story_id", story_id}, {"transitions", std::move(items)}});
}

std::string principal_to_json(const service::Principal& principal, const std::optional<std::string>& csrf_token) {
    Json memberships = Json::array();
    for (const auto& membership : principal.subject.memberships) {
        memberships.push_back({{"organisation_id", membership.organisation_id},
                               {"role", auth::role_name(membership.role)},
                               {"partner_ids", membership.partner_ids}});
    }
    Json out = {{"user",
                 {{"id", principal.user_id},
                  {"email", principal.email},
                  {"display_name", principal.display_name},
                  {"memberships", std::move(memberships)}}},
                {"credential", principal.credential == service::Credential::Session ? "session" : "api_token"}};
    if (csrf_token) {
        out["csrf_token"] = *csrf_token;
    }
    return dump(out);
}

std::string refusal_json(int status,
                         std::string_view code,
                         std::string_view message,
                         const std::vector<core::Problem>& problems,
                         const core::MessageCatalog& messages,
                         std::string_view language) {
    Json items = Json::array();
    for (const auto& problem : problems) {
        items.push_back({{"field", problem.field},
                         {"severity", core::severity_name(problem.severity)},
                         {"message_id", problem.message_id},
                         {"message", messages.render(language, problem.message_id, problem.params)}});
    }
    return dump({{"type", "about:blank"},
                 {"title", code},
                 {"status", status},
                 {"code", code},
                 {"message", message},
                 {"problems", std::move(items)}});
}

std::map<std::string, std::string> string_fields(std::string_view body) {
    Json parsed = Json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        throw Error(ErrorKind::InvalidRequest, "the request body must be a JSON object");
    }
    std::map<std::string, std::string> fields;
    for (const auto& [key, value] : parsed.items()) {
        if (value.is_null()) {
            continue;
        }
        if (!value.is_string()) {
            throw Error(ErrorKind::InvalidRequest, "the field '" + key + "' must be a string");
        }
        fields[key] = value.get<std::string>();
    }
    return fields;
}

std::string comments_to_json(std::int64_t story_id, const std::vector<store::Comment>& comments) {
    Json items = Json::array();
    for (const auto& comment : comments) {
        items.push_back({{"id", comment.id},
                         {"revision", comment.revision},
                         {"field", comment.field},
                         {"author", comment.author},
                         {"body", comment.body},
                         {"created_at", comment.created_at}});
    }
    return dump({{"story_id", story_id}, {"comments", std::move(items)}});
}

std::string tag_suggestions_to_json(std::int64_t story_id, const std::vector<service::TagSuggestion>& suggestions) {
    Json items = Json::array();
    for (const auto& suggestion : suggestions) {
        items.push_back(
            {{"tag", suggestion.key}, {"occurrences", suggestion.occurrences}, {"keywords", suggestion.keywords}});
    }
    return dump({{"story_id", story_id}, {"suggestions", std::move(items)}});
}

std::string selections_to_json(const std::vector<store::Selection>& selections) {
    Json items = Json::array();
    for (const auto& selection : selections) {
        items.push_back({{"id", selection.id},
                         {"story_id", selection.story_id},
                         {"report", selection.report},
                         {"reason", selection.reason},
                         {"selected_by", selection.selected_by},
                         {"selected_at", selection.selected_at}});
    }
    return dump({{"selections", std::move(items)}});
}

std::string tags_to_json(std::int64_t story_id, const std::vector<std::string>& tags) {
    return dump({{"story_id", story_id}, {"tags", tags}});
}

std::vector<std::string> string_list_field(std::string_view body, const std::string& name) {
    Json parsed = Json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains(name) || !parsed[name].is_array()) {
        throw Error(ErrorKind::InvalidRequest, "the request body must be a JSON object with an array '" + name + "'");
    }
    std::vector<std::string> values;
    for (const auto& item : parsed[name]) {
        if (!item.is_string()) {
            throw Error(ErrorKind::InvalidRequest, "every item of '" + name + "' must be a string");
        }
        values.push_back(item.get<std::string>());
    }
    return values;
}

}  // namespace storybank::http
