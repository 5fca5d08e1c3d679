#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "cli/story_filter.hpp"
#include "core/error.hpp"
#include "core/story_json.hpp"
#include "http/json_io.hpp"
#include "service/story_export.hpp"

#include <fstream>
#include <iostream>
#include <unistd.h>

namespace storybank::cli {
namespace {

std::string where_of(const store::StorySummary& summary) {
    if (summary.locality.empty()) {
        return summary.country;
    }
    return summary.country.empty() ? summary.locality : summary.locality + " (" + summary.country + ")";
}

/// Terminal rendering of a snippet: matches in bold when writing to a terminal, in [brackets] otherwise.
std::string snippet_for_terminal(std::string_view snippet, bool terminal) {
    std::string out;
    for (char c : snippet) {
        if (c == '\x02') {
            out += terminal ? "\x1b[1m" : "[";
        } else if (c == '\x03') {
            out += terminal ? "\x1b[0m" : "]";
        } else if (c == '\n') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

void write_output(const std::string& content, const std::string& output) {
    if (output.empty() || output == "-") {
        std::cout << content;
        if (!content.ends_with('\n')) {
            std::cout << '\n';
        }
        return;
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
        throw Error(ErrorKind::Unavailable, "cannot write '" + output + "'; check the folder exists and is writable");
    }
}

}  // namespace

int run_list(const GlobalOptions& options, const ListArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    store::ListQuery query;
    query.filter = to_story_filter(arguments.filter);
    query.limit = arguments.limit;
    query.after_id = arguments.after;
    auto summaries = application->stories->list(query);
    if (arguments.json) {
        std::cout << http::summaries_to_json(summaries, query.limit) << '\n';
        return 0;
    }
    for (const auto& summary : summaries) {
        std::cout << summary.id << '\t' << core::workflow_state_name(summary.status) << '\t' << summary.title << '\t'
                  << summary.partner_ngo << '\t' << where_of(summary) << '\n';
    }
    return 0;
}

int run_show(const GlobalOptions& options, const ShowArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    core::Revision revision = application->stories->story(arguments.id, arguments.revision);
    const core::Template& story_template = application->templates.get(revision.story.template_id);
    std::string content =
        service::export_story(revision.story, story_template, service::parse_export_format(arguments.format),
                              application->messages, options.language, render::PersonalData::Include);
    write_output(content, arguments.output);
    return 0;
}

int run_history(const GlobalOptions& options, std::int64_t id) {
    auto application = make_application(options, NeedsStore::Yes);
    for (const auto& info : application->stories->history(id)) {
        std::cout << info.number << '\t' << info.created_at << '\t' << info.author << '\t' << info.note << '\n';
    }
    return 0;
}

int run_search(const GlobalOptions& options, const SearchArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    store::SearchQuery query;
    query.text = arguments.query;
    query.filter = to_story_filter(arguments.filter);
    query.limit = arguments.limit;
    store::SearchResult result = application->stories->search(query);
    if (arguments.json) {
        std::cout << http::search_result_to_json(result) << '\n';
        return 0;
    }
    bool terminal = isatty(1) != 0;
    std::cout << application->messages.render(options.language, "cli-search-count",
                                              {{"count", std::to_string(result.total)}})
              << '\n';
    for (const auto& hit : result.hits) {
        std::cout << hit.story.id << '\t' << hit.story.title << '\t' << where_of(hit.story) << "\n    "
                  << snippet_for_terminal(hit.snippet, terminal) << '\n';
    }
    return 0;
}

}  // namespace storybank::cli
