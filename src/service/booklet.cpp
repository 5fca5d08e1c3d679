#include "service/booklet.hpp"

#include "core/error.hpp"
#include "render/docx_writer.hpp"
#include "service/document_labels.hpp"

#include <algorithm>
#include <map>

namespace storybank::service {
namespace {

/// The consortium most stories name, and the span of their years, when the request leaves them out.
void fill_cover_defaults(store::Store& store, const std::vector<std::int64_t>& ids, BookletRequest& request) {
    if (!request.consortium.empty() && !request.period.empty()) {
        return;
    }
    std::map<std::string, int> members;
    int first_year = 0;
    int last_year = 0;
    for (std::int64_t id : ids) {
        auto summary = store.find_story(id);
        if (!summary) {
            continue;
        }
        if (!summary->consortium_member.empty()) {
            ++members[summary->consortium_member];
        }
        int year = summary->year;
        if (year == 0 && summary->created_at.size() >= 4) {
            year = std::stoi(summary->created_at.substr(0, 4));
        }
        if (year > 0) {
            first_year = first_year == 0 ? year : std::min(first_year, year);
            last_year = std::max(last_year, year);
        }
    }
    if (request.consortium.empty() && !members.empty()) {
        request.consortium = std::max_element(members.begin(), members.end(), [](const auto& a, const auto& b) {
                                 return a.second < b.second;
                             })->first;
    }
    if (request.period.empty() && first_year > 0) {
        request.period = first_year == last_year ? std::to_string(first_year)
                                                 : std::to_string(first_year) + "\u2013" + std::to_string(last_year);
    }
}

}  // namespace

std::size_t write_booklet(store::Store& store,
                          const TemplateCatalog& templates,
                          const core::MessageCatalog& messages,
                          const BookletRequest& given,
                          std::ostream& out,
                          const render::Progress& progress) {
    if (given.title.empty()) {
        throw Error(ErrorKind::InvalidRequest, "a booklet needs a title; give one with --title");
    }
    std::vector<std::int64_t> ids = select_stories(store, given.selection);
    if (ids.empty()) {
        throw Error(ErrorKind::InvalidRequest,
                    "no story matches the query and filters; check them with storybank search or storybank list");
    }
    BookletRequest request = given;
    fill_cover_defaults(store, ids, request);
    render::DocumentLabels labels = document_labels(messages, request.language);
    render::PhotoBytes photos = stored_photos(store);
    auto load = [&](std::size_t index) {
        core::Revision revision = store.revision(ids[index]);
        const core::Template& story_template = templates.get(revision.story.template_id);
        return render::make_story_layout(revision.story, story_template, request.language, request.personal_data,
                                         labels);
    };
    if (request.format == BookletFormat::Docx) {
        std::string footer = request.consortium;
        if (!request.date.empty()) {
            footer += (footer.empty() ? "" : "  \u00B7  ") + request.date;
        }
        out << render::write_docx(ids.size(), load, labels, photos, {request.paper, request.title, footer, true},
                                  progress);
    } else {
        render::BookletOptions options{
            {request.paper, request.date}, request.title, request.consortium, request.period};
        render::write_booklet_pdf(out, ids.size(), load, labels, photos, options, progress);
    }
    out.flush();
    if (!out) {
        throw Error(ErrorKind::Unavailable, "the booklet could not be written completely; check the disk has space");
    }
    return ids.size();
}

}  // namespace storybank::service
