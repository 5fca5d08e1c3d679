#include "render/detail/pdf_canvas.hpp"

#include "core/error.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace storybank::render::detail {
namespace {

cairo_status_t write_to_stream(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::ostream*>(closure);
    out->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
    return *out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void free_string(void* data) {
    delete static_cast<std::string*>(data);
}

double points(int pango_units) {
    return static_cast<double>(pango_units) / PANGO_SCALE;
}

int pango_units(double points) {
    return static_cast<int>(std::lround(points * PANGO_SCALE));
}

}  // namespace

struct PdfCanvas::Impl {
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoContext* context = nullptr;

    PangoLayout* layout(std::string_view markup, const TextStyle& style, double width) const {
        PangoLayout* layout = pango_layout_new(context);
        PangoFontDescription* font = pango_font_description_from_string(style.family.c_str());
        pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        pango_layout_set_width(layout, pango_units(std::max(width, 1.0)));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
        pango_layout_set_indent(layout, pango_units(style.first_line_indent));
        switch (style.align) {
            case Align::Left:
                pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
                break;
            case Align::Justify:
                pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
                pango_layout_set_justify(layout, TRUE);
                break;
            case Align::Centre:
                pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
                break;
            case Align::Right:
                pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
                break;
        }
        pango_layout_set_markup(layout, markup.data(), static_cast<int>(markup.size()));
        return layout;
    }
};

std::string markup_escape(std::string_view text) {
    gchar* escaped = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
    std::string out(escaped);
    g_free(escaped);
    return out;
}

PdfCanvas::PdfCanvas(std::ostream* out, PaperSize paper, std::string_view title, std::string_view author)
    : m_impl(std::make_unique<Impl>()) {
    if (paper == PaperSize::Letter) {
        m_page_width = 612;
        m_page_height = 792;
    } else {
        m_page_width = 595.28;
        m_page_height = 841.89;
    }
    m_margin_left = 64;
    m_margin_right = 64;
    m_top = 68;
    m_bottom = m_page_height - 72;
    m_cursor = m_top;

    // The same font map and options measure and draw, with metrics unhinted, so both passes agree to the point.
    m_impl->context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(m_impl->context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(m_impl->context, 72);

    if (out != nullptr) {
        m_impl->surface = cairo_pdf_surface_create_for_stream(write_to_stream, out, m_page_width, m_page_height);
        if (cairo_surface_status(m_impl->surface) != CAIRO_STATUS_SUCCESS) {
            throw Error(ErrorKind::Internal, "cannot start the PDF document",
                        cairo_status_to_string(cairo_surface_status(m_impl->surface)));
        }
        cairo_pdf_surface_set_metadata(m_impl->surface, CAIRO_PDF_METADATA_TITLE, std::string(title).c_str());
        cairo_pdf_surface_set_metadata(m_impl->surface, CAIRO_PDF_METADATA_AUTHOR, std::string(author).c_str());
        cairo_pdf_surface_set_metadata(m_impl->surface, CAIRO_PDF_METADATA_CREATOR, "storybank");
        m_impl->cr = cairo_create(m_impl->surface);
    }
    m_page = 1;
}

PdfCanvas::~PdfCanvas() {
    if (m_impl->cr != nullptr) {
        cairo_destroy(m_impl->cr);
    }
    if (m_impl->surface != nullptr) {
        cairo_surface_destroy(m_impl->surface);
    }
    g_object_unref(m_impl->context);
}

bool PdfCanvas::drawing() const {
    return m_impl->cr != nullptr;
}

void PdfCanvas::new_page(bool furniture, bool header) {
    if (m_page_has_furniture) {
        draw_furniture();
    }
    if (drawing()) {
        cairo_show_page(m_impl->cr);
    }
    ++m_page;
    m_page_has_furniture = furniture;
    m_page_has_header = furniture && header;
    m_cursor = m_top;
}

void PdfCanvas::finish() {
    if (m_page_has_furniture) {
        draw_furniture();
    }
    m_page_has_furniture = false;
    if (drawing()) {
        cairo_show_page(m_impl->cr);
        cairo_surface_finish(m_impl->surface);
        if (cairo_surface_status(m_impl->surface) != CAIRO_STATUS_SUCCESS) {
            throw Error(ErrorKind::Unavailable, "the PDF could not be written completely; check the disk has space",
                        cairo_status_to_string(cairo_surface_status(m_impl->surface)));
        }
    }
}

void PdfCanvas::draw_furniture() {
    if (!drawing()) {
        return;
    }
    const Colour muted{0.36, 0.40, 0.45};
    const Colour hairline{0.79, 0.82, 0.86};
    TextStyle small{.family = "Noto Sans", .size = 7.5, .colour = muted, .align = Align::Left, .line_spacing = 1.0};
    double width = content_width();
    if (!m_furniture.header.empty() && m_page_has_header) {
        // A header too long for one line is left off rather than run into the text.
        double height = measure(markup_escape(m_furniture.header), small, width);
        if (height < 12) {
            text_at(markup_escape(m_furniture.header), small, m_margin_left, 36, width);
            line(m_margin_left, 50, m_margin_left + width, 50, 0.5, hairline);
        }
    }
    double footer_y = m_page_height - 46;
    line(m_margin_left, footer_y - 6, m_margin_left + width, footer_y - 6, 0.5, hairline);
    text_at(markup_escape(m_furniture.footer_left), small, m_margin_left, footer_y, width * 0.75);
    std::string number = m_furniture.page_label + " " + std::to_string(m_page);
    if (m_furniture.total_pages > 0) {
        number += " / " + std::to_string(m_furniture.total_pages);
    }
    TextStyle right = small;
    right.align = Align::Right;
    text_at(markup_escape(number), right, m_margin_left + width * 0.75, footer_y, width * 0.25);
}

void PdfCanvas::ensure_space(double height) {
    if (m_cursor > m_top && space_left() < height) {
        new_page();
    }
}

void PdfCanvas::space(double amount) {
    if (m_cursor > m_top) {
        m_cursor = std::min(m_cursor + amount, m_bottom);
    }
}

double PdfCanvas::measure(std::string_view markup, const TextStyle& style, double width) const {
    PangoLayout* layout = m_impl->layout(markup, style, width);
    int height = 0;
    pango_layout_get_size(layout, nullptr, &height);
    g_object_unref(layout);
    return points(height);
}

double PdfCanvas::last_line_end(std::string_view markup, const TextStyle& style, double width) const {
    PangoLayout* layout = m_impl->layout(markup, style, width);
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    PangoRectangle logical{};
    do {
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    return points(logical.x + logical.width);
}

double PdfCanvas::text_at(std::string_view markup, const TextStyle& style, double x, double y, double width) {
    PangoLayout* layout = m_impl->layout(markup, style, width);
    int height = 0;
    pango_layout_get_size(layout, nullptr, &height);
    if (drawing()) {
        cairo_t* cr = m_impl->cr;
        cairo_set_source_rgb(cr, style.colour.red, style.colour.green, style.colour.blue);
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, layout);
    }
    g_object_unref(layout);
    return points(height);
}

void PdfCanvas::text_block(std::string_view markup, const TextStyle& style) {
    space(style.space_before);
    double x = m_margin_left + style.indent_left;
    double width = content_width() - style.indent_left - style.indent_right;
    PangoLayout* layout = m_impl->layout(markup, style, width);
    struct Line {
        PangoLayoutLine* line;
        double x;
        double top;
        double bottom;
        double baseline;
    };
    std::vector<Line> lines;
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        lines.push_back({pango_layout_iter_get_line_readonly(iter), points(logical.x), points(logical.y),
                         points(logical.y + logical.height), points(pango_layout_iter_get_baseline(iter))});
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);

    // y of the layout's top on the current page; moves up by the height already printed when the block breaks.
    double origin = m_cursor;
    bool first_on_page = true;
    for (std::size_t index = 0; index < lines.size(); ++index) {
        const Line& line = lines[index];
        if (origin + line.bottom > m_bottom && !(first_on_page && m_cursor <= m_top)) {
            new_page();
            origin = m_cursor - line.top;
        }
        first_on_page = false;
        // Decorations reach down to the next line so that a bar or a tint reads as one piece.
        double decoration_bottom = index + 1 < lines.size() ? std::max(lines[index + 1].top, line.bottom) : line.bottom;
        if (drawing()) {
            cairo_t* cr = m_impl->cr;
            if (style.shaded) {
                cairo_set_source_rgb(cr, style.shade_colour.red, style.shade_colour.green, style.shade_colour.blue);
                cairo_rectangle(
                    cr, x - 8, origin + line.top - (index == 0 ? 5 : 0), width + 16,
                    decoration_bottom - line.top + (index == 0 ? 5 : 0) + (index + 1 == lines.size() ? 5 : 0));
                cairo_fill(cr);
            }
            if (style.bar) {
                cairo_set_source_rgb(cr, style.bar_colour.red, style.bar_colour.green, style.bar_colour.blue);
                cairo_rectangle(cr, x - 12, origin + line.top, 2.2, decoration_bottom - line.top);
                cairo_fill(cr);
            }
            cairo_set_source_rgb(cr, style.colour.red, style.colour.green, style.colour.blue);
            cairo_move_to(cr, x + line.x, origin + line.baseline);
            pango_cairo_show_layout_line(cr, line.line);
        }
        m_cursor = origin + line.bottom;
    }
    g_object_unref(layout);
    m_cursor = std::min(m_cursor + style.space_after, m_bottom);
}

void PdfCanvas::fill_rectangle(double x, double y, double width, double height, Colour colour) {
    if (!drawing()) {
        return;
    }
    cairo_set_source_rgb(m_impl->cr, colour.red, colour.green, colour.blue);
    cairo_rectangle(m_impl->cr, x, y, width, height);
    cairo_fill(m_impl->cr);
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, double thickness, Colour colour, bool dotted) {
    if (!drawing()) {
        return;
    }
    cairo_t* cr = m_impl->cr;
    cairo_save(cr);
    cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue);
    cairo_set_line_width(cr, thickness);
    if (dotted) {
        const double dashes[] = {0.01, 3.0};
        cairo_set_dash(cr, dashes, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    }
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void PdfCanvas::jpeg(const std::string& bytes,
                     const core::Attachment& attachment,
                     double x,
                     double y,
                     double width,
                     double height) {
    if (!drawing() || attachment.width <= 0 || attachment.height <= 0) {
        return;
    }
    // Cairo cannot decode JPEG, and need not: with the JPEG attached as mime data the PDF backend embeds those
    // bytes (their own size read from the JPEG header) and never reads the surface's pixels. So the surface is a
    // 1×1 stand-in scaled to the box: a full-size one would cost width × height × 4 bytes that cairo copies into
    // its page recording (measured: 14 s and +0.5 MB per story for a booklet, against 5 s and flat memory).
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
    auto* owned = new std::string(bytes);
    cairo_surface_set_mime_data(image, CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(owned->data()),
                                owned->size(), free_string, owned);
    // The same photo used twice (a booklet reusing a picture) is embedded once.
    auto* id = new std::string(attachment.sha256);
    cairo_surface_set_mime_data(image, CAIRO_MIME_TYPE_UNIQUE_ID, reinterpret_cast<const unsigned char*>(id->data()),
                                id->size(), free_string, id);
    cairo_t* cr = m_impl->cr;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, width, height);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(image);
}

int PdfCanvas::outline(std::string_view title, int parent) {
    if (!drawing()) {
        return 0;
    }
    std::string link = "page=" + std::to_string(m_page);
    return cairo_pdf_surface_add_outline(m_impl->surface, parent, std::string(title).c_str(), link.c_str(),
                                         static_cast<cairo_pdf_outline_flags_t>(0));
}

}  // namespace storybank::render::detail
