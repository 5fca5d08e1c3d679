#include "render/pdf_page_image.hpp"

#include "core/error.hpp"

#include <cairo.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>

namespace storybank::render {
namespace {

constexpr double kPointsPerInch = 72.0;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PageImage pdf_page_image(std::string_view pdf, int page, int width) {
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!document || document->is_locked()) {
        throw Error(ErrorKind::Internal, "a PDF written for a preview cannot be opened");
    }
    PageImage result;
    result.page_count = document->pages();
    if (page < 1 || page > result.page_count) {
        throw Error(ErrorKind::InvalidRequest, "the document has " + std::to_string(result.page_count) +
                                                   " pages: ask for a page from 1 to " +
                                                   std::to_string(result.page_count));
    }
    std::unique_ptr<poppler::page> drawn(document->create_page(page - 1));
    double page_width = drawn ? drawn->page_rect().width() : 0;
    if (page_width <= 0) {
        throw Error(ErrorKind::Internal, "page " + std::to_string(page) + " of a preview has no size");
    }
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_argb32);
    double resolution = kPointsPerInch * width / page_width;
    poppler::image image = renderer.render_page(drawn.get(), resolution, resolution);
    if (!image.is_valid()) {
        throw Error(ErrorKind::Internal, "page " + std::to_string(page) + " of a preview could not be drawn");
    }
    // Poppler's ARGB32 is cairo's: one native-endian 32-bit word per pixel. Cairo writes the PNG.
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, image.width());
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width(), image.height());
    cairo_surface_flush(surface);
    unsigned char* pixels = cairo_image_surface_get_data(surface);
    for (int row = 0; row < image.height(); ++row) {
        std::copy_n(image.const_data() + static_cast<std::ptrdiff_t>(row) * image.bytes_per_row(),
                    std::min(stride, image.bytes_per_row()), pixels + static_cast<std::ptrdiff_t>(row) * stride);
    }
    cairo_surface_mark_dirty(surface);
    cairo_status_t status = cairo_surface_write_to_png_stream(surface, append_to_string, &result.png);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        throw Error(ErrorKind::Internal, "a preview page could not be written as PNG", cairo_status_to_string(status));
    }
    return result;
}

}  // namespace storybank::render
