#include "render/pdf_booklet_writer.hpp"

#include "render/booklet_index.hpp"
#include "render/detail/pdf_canvas.hpp"
#include "render/detail/pdf_story_body.hpp"

#include <vector>

namespace storybank::render {
namespace {

using detail::Align;
using detail::markup_escape;
using detail::PdfCanvas;
using detail::printed;
using detail::TextStyle;
namespace style = detail::style;

using Chapter = BookletChapter;

class BookletPrinter {
public:
    BookletPrinter(const DocumentLabels& labels, const BookletOptions& options, std::size_t count)
        : m_labels(labels), m_options(options), m_count(count) {}

    /// One pass over the whole booklet; chapters are filled in by the measuring pass and read by the printing one.
    int print(std::ostream* out,
              std::size_t count,
              const StoryLoader& load,
              const PhotoBytes& photo_bytes,
              std::vector<Chapter>& chapters,
              int total_pages,
              const std::function<void()>& story_done) {
        PdfCanvas canvas(out, m_options.pdf.paper, m_options.title, m_options.consortium);
        std::string footer = m_options.consortium;
        for (const std::string* part : {&m_options.period, &m_options.pdf.date}) {
            if (!part->empty()) {
                footer += (footer.empty() ? "" : "  \u00B7  ") + *part;
            }
        }
        canvas.set_furniture(
            {printed(m_options.title, language()), printed(footer, language()), m_labels.page, total_pages});
        cover(canvas, count);
        canvas.new_page(true, true);
        canvas.outline(m_labels.contents);
        contents(canvas, chapters);

        bool measuring = !canvas.drawing();
        for (std::size_t index = 0; index < count; ++index) {
            StoryLayout story = load(index);
            canvas.new_page(true, false);
            if (measuring) {
                chapters.push_back(chapter_of(story, canvas.page_number()));
            }
            canvas.outline(story.title);
            detail::print_story(canvas, story, m_labels, photo_bytes);
            story_done();
        }
        canvas.new_page(true, true);
        canvas.outline(m_labels.index);
        index(canvas, chapters);
        int pages = canvas.page_number();
        canvas.finish();
        return pages;
    }

    /// Pages the table of contents takes with these entries (blank ones while they are unknown).
    int contents_pages(const std::vector<Chapter>& chapters) {
        PdfCanvas canvas(nullptr, m_options.pdf.paper, "", "");
        contents(canvas, chapters);
        return canvas.page_number();
    }

private:
    const std::string& language() const { return m_labels.language; }

    void cover(PdfCanvas& canvas, std::size_t count) {
        canvas.plain_page();
        const double band = canvas.height() * 0.46;
        canvas.fill_rectangle(0, 0, canvas.width(), band, style::kHeading);
        canvas.fill_rectangle(canvas.left(), band - 70, 56, 4, style::kAccent);
        TextStyle consortium{.family = "Noto Sans Bold",
                             .size = 10,
                             .colour = {0.85, 0.89, 0.94},
                             .align = Align::Left,
                             .line_spacing = 1.1};
        canvas.text_at("<span letter_spacing=\"1500\">" +
                           markup_escape(detail::capitals(printed(m_options.consortium, language()))) + "</span>",
                       consortium, canvas.left(), 80, canvas.content_width());
        TextStyle title{
            .family = "Noto Serif Bold", .size = 30, .colour = {1, 1, 1}, .align = Align::Left, .line_spacing = 1.08};
        std::string title_markup = markup_escape(printed(m_options.title, language()));
        double height = canvas.measure(title_markup, title, canvas.content_width());
        canvas.text_at(title_markup, title, canvas.left(), band - 86 - height, canvas.content_width());

        TextStyle facts{
            .family = "Noto Sans", .size = 11, .colour = style::kInk, .align = Align::Left, .line_spacing = 1.5};
        std::string lines;
        if (!m_options.period.empty()) {
            lines += "<b>" + markup_escape(printed(m_labels.period, language())) + "</b>  " +
                     markup_escape(m_options.period) + "\n";
        }
        lines += markup_escape(std::to_string(count) + " " + m_labels.stories) + "\n";
        if (!m_options.pdf.date.empty()) {
            lines += "<span foreground=\"#5c6673\">" +
                     markup_escape(printed(m_labels.generated, language()) + " " + m_options.pdf.date) + "</span>";
        }
        canvas.text_at(lines, facts, canvas.left(), band + 48, canvas.content_width());
        canvas.set_cursor(canvas.height());
    }

    /// Title, then page number at the right edge joined by dot leaders; partner and place underneath.
    void entry(PdfCanvas& canvas, const std::string& title, const std::string& detail_line, int page) {
        TextStyle text{
            .family = "Noto Serif", .size = 10.5, .colour = style::kInk, .align = Align::Left, .line_spacing = 1.2};
        TextStyle small = text;
        small.family = "Noto Sans";
        small.size = 8;
        small.colour = style::kMuted;
        TextStyle number = text;
        number.family = "Noto Sans Bold";
        number.size = 9.5;
        number.colour = style::kHeading;
        number.align = Align::Right;
        const double number_width = 36;
        const double text_width = canvas.content_width() - number_width - 16;
        std::string title_markup = markup_escape(printed(title, language()));
        std::string detail_markup = markup_escape(printed(detail_line, language()));
        double title_height = canvas.measure(title_markup, text, text_width);
        double detail_height = detail_line.empty() ? 0 : canvas.measure(detail_markup, small, text_width);
        canvas.ensure_space(title_height + detail_height + 8);
        double y = canvas.cursor();
        canvas.text_at(title_markup, text, canvas.left(), y, text_width);
        // Leaders run along the title's last line, from a little after the longest line to the number.
        double leader_y = y + title_height - 4;
        double leader_start = canvas.left() + canvas.last_line_end(title_markup, text, text_width) + 6;
        canvas.line(leader_start, leader_y, canvas.left() + canvas.content_width() - number_width, leader_y, 0.9,
                    style::kRule, true);
        canvas.text_at(markup_escape(std::to_string(page)), number, canvas.left() + text_width + 16,
                       y + title_height - 13, number_width);
        if (!detail_line.empty()) {
            canvas.text_at(detail_markup, small, canvas.left(), y + title_height, text_width);
        }
        canvas.set_cursor(y + title_height + detail_height + 8);
    }

    void part_heading(PdfCanvas& canvas, const std::string& text, double size) {
        TextStyle heading{.family = "Noto Serif Bold",
                          .size = size,
                          .colour = style::kHeading,
                          .align = Align::Left,
                          .line_spacing = 1.1,
                          .space_before = size > 14 ? 0.0 : 12.0,
                          .space_after = size > 14 ? 4.0 : 6.0};
        canvas.space(heading.space_before);
        canvas.ensure_space(60);
        heading.space_before = 0;
        canvas.text_block(markup_escape(printed(text, language())), heading);
        if (size > 14) {
            canvas.fill_rectangle(canvas.left(), canvas.cursor() + 2, 44, 2.5, style::kAccent);
            canvas.set_cursor(canvas.cursor() + 22);
        }
    }

    void contents(PdfCanvas& canvas, const std::vector<Chapter>& chapters) {
        part_heading(canvas, m_labels.contents, 22);
        for (std::size_t index = 0; index < m_count; ++index) {
            const Chapter* chapter = index < chapters.size() ? &chapters[index] : nullptr;
            std::string detail_line;
            if (chapter != nullptr) {
                detail_line = chapter->partner;
                if (!chapter->place.empty()) {
                    detail_line += (detail_line.empty() ? "" : "  \u00B7  ") + chapter->place;
                }
            }
            entry(canvas, chapter != nullptr ? chapter->title : "", detail_line,
                  chapter != nullptr ? chapter->page : 0);
        }
    }

    void index_part(PdfCanvas& canvas,
                    const std::string& heading,
                    const std::vector<Chapter>& chapters,
                    std::string Chapter::*key) {
        part_heading(canvas, heading, 13);
        for (const IndexGroup& group_entry : index_groups(chapters, key, m_labels.unknown, language())) {
            TextStyle group = detail::part_style();
            group.space_after = 5;
            canvas.space(8);
            canvas.ensure_space(40);
            group.space_before = 0;
            canvas.text_block("<span letter_spacing=\"1000\">" +
                                  markup_escape(detail::capitals(printed(group_entry.name, language()))) + "</span>",
                              group);
            for (std::size_t index : group_entry.chapters) {
                entry(canvas, chapters[index].title, "", chapters[index].page);
            }
        }
    }

    void index(PdfCanvas& canvas, const std::vector<Chapter>& chapters) {
        part_heading(canvas, m_labels.index, 22);
        index_part(canvas, m_labels.index_by_country, chapters, &Chapter::country);
        index_part(canvas, m_labels.index_by_partner, chapters, &Chapter::partner);
    }

private:  // data
    const DocumentLabels& m_labels;
    const BookletOptions& m_options;
    std::size_t m_count;  ///< stories: the measuring pass lays out this many contents entries before it knows them
};

}  // namespace

void write_booklet_pdf(std::ostream& out,
                       std::size_t count,
                       const StoryLoader& load,
                       const DocumentLabels& labels,
                       const PhotoBytes& photo_bytes,
                       const BookletOptions& options,
                       const Progress& progress) {
    BookletPrinter printer(labels, options, count);
    std::vector<Chapter> chapters;
    std::size_t done = 0;
    auto story_done = [&] {
        ++done;
        if (progress) {
            progress(done, count * 2);
        }
    };
    int pages = printer.print(nullptr, count, load, photo_bytes, chapters, 0, story_done);
    // The measuring pass laid out blank contents entries; real titles can wrap, so the chapters move by the
    // difference in contents pages (each chapter starts a page, so nothing else changes).
    int shift = printer.contents_pages(chapters) - printer.contents_pages({});
    for (auto& chapter : chapters) {
        chapter.page += shift;
    }
    pages += shift;
    printer.print(&out, count, load, photo_bytes, chapters, pages, story_done);
}

}  // namespace storybank::render
