#include "http/json_io.hpp"

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
    return dump({{"total", result.total}, {"hits", std::move(hits)}});
}

std::string history_to_json(std::int64_t story_id, const std::vector<core::RevisionInfo>& history) {
    Json revisions = Json::array();
    for (const auto& info : history) {
        revisions.push_back(
            {{"number", info.number}, {"created_at", info.created_at}, {"author", info.author}, {"note", info.note}});
    }
    return dump({{"story_id", story_id}, {"revisions", std::move(revisions)}});
}

}  // namespace storybank::http
