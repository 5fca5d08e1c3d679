#pragma once

#include "render/story_layout.hpp"

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace storybank::render::detail {

struct Colour {
    double red = 0;
    double green = 0;
    double blue = 0;
};

enum class Align : std::uint8_t { Left, Justify, Centre, Right };

/// How a block of text looks. Fonts are fontconfig family names; sizes in points.
struct TextStyle {
    std::string family = "Noto Serif";
    double size = 10.5;
    Colour colour{0.11, 0.14, 0.19};
    Align align = Align::Justify;
    double line_spacing = 1.3;  ///< distance between baselines as a factor of the font's line height
    double indent_left = 0;     ///< from the left margin
    double indent_right = 0;
    double first_line_indent = 0;  ///< negative: a hanging indent (list bullets)
    double space_before = 0;
    double space_after = 6;
    bool bar = false;  ///< a vertical rule left of the lines (set-off quotes)
    Colour bar_colour{0.71, 0.33, 0.18};
    bool shaded = false;  ///< a tinted background behind the lines (notes)
    Colour shade_colour{1.0, 0.96, 0.88};
};

/// What every page carries besides its content: a running header (not on the first page of a part), the
/// footer line and "Page n / N".
struct PageFurniture {
    std::string header;       ///< empty: none
    std::string footer_left;  ///< organisation · date
    std::string page_label;   ///< "Page"
    int total_pages = 0;      ///< 0 while measuring: only "Page n" is printed
};

/// A PDF being written page by page with Cairo and Pango, or only measured. Measuring (no output stream) runs
/// the same layout without drawing, which is how documents learn their page count and the page each chapter
/// starts on before the real pass prints "Page n / N" and the table of contents.
class PdfCanvas {
public:
    PdfCanvas(std::ostream* out, PaperSize paper, std::string_view title, std::string_view author);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    bool drawing() const;
    void set_furniture(PageFurniture furniture) { m_furniture = std::move(furniture); }
    /// Ends the current page and starts a new one, with the footer when `furniture` and the running header when
    /// `header` too. The first page has the footer and no header (it shows the title itself).
    void new_page(bool furniture = true, bool header = true);
    /// The current page goes without header and footer (a cover).
    void plain_page() { m_page_has_furniture = m_page_has_header = false; }
    int page_number() const { return m_page; }
    double width() const { return m_page_width; }
    double height() const { return m_page_height; }
    double left() const { return m_margin_left; }
    double content_width() const { return m_page_width - m_margin_left - m_margin_right; }
    double cursor() const { return m_cursor; }
    void set_cursor(double y) { m_cursor = y; }
    double space_left() const { return m_bottom - m_cursor; }
    /// Starts a new page unless `height` points are left on this one.
    void ensure_space(double height);
    void space(double points);

    /// A block of Pango markup flowing from the cursor, across pages if needed, line by line.
    void text_block(std::string_view markup, const TextStyle& style);
    /// The height the block would take at this width.
    double measure(std::string_view markup, const TextStyle& style, double width) const;
    /// Where the block's last line ends, from the block's left edge (for dot leaders).
    double last_line_end(std::string_view markup, const TextStyle& style, double width) const;
    /// One block drawn at a fixed place, not flowing; returns its height.
    double text_at(std::string_view markup, const TextStyle& style, double x, double y, double width);

    void fill_rectangle(double x, double y, double width, double height, Colour colour);
    void line(double x1, double y1, double x2, double y2, double thickness, Colour colour, bool dotted = false);
    /// A JPEG placed as is (its bytes embedded, not re-encoded) in a box of this size at (x, y).
    void jpeg(const std::string& bytes,
              const core::Attachment& attachment,
              double x,
              double y,
              double width,
              double height);
    /// A bookmark in the viewer's outline pointing at the current page; returns its id for children.
    int outline(std::string_view title, int parent = 0);

    /// Ends the last page and the document.
    void finish();

private:
    void draw_furniture();

private:  // data
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    PageFurniture m_furniture;
    bool m_page_has_furniture = true;
    bool m_page_has_header = false;
    int m_page = 0;
    double m_page_width = 0;
    double m_page_height = 0;
    double m_margin_left = 0;
    double m_margin_right = 0;
    double m_top = 0;
    double m_bottom = 0;
    double m_cursor = 0;
};

/// Text as Pango markup: &, < and > escaped.
std::string markup_escape(std::string_view text);

}  // namespace storybank::render::detail
