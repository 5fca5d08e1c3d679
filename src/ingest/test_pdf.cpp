#include "ingest/test_pdf.hpp"

#include <cstdio>
#include <string_view>

namespace storybank::ingest::testing {
namespace {

constexpr double kPageWidth = 595;
constexpr double kPageHeight = 842;

/// UTF-8 → WinAnsiEncoding, escaped for a PDF string literal.
std::string pdf_string(std::string_view utf8) {
    std::string out = "(";
    for (std::size_t i = 0; i < utf8.size();) {
        auto lead = static_cast<unsigned char>(utf8[i]);
        unsigned code = lead;
        std::size_t length = 1;
        if (lead >= 0xE0 && i + 2 < utf8.size()) {
            code = ((lead & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
                   (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
            length = 3;
        } else if (lead >= 0xC0 && i + 1 < utf8.size()) {
            code = ((lead & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
            length = 2;
        }
        i += length;
        switch (code) {
            case 0x2019:
                code = 0x92;
                break;
            case 0x2013:
                code = 0x96;
                break;
            case 0x2014:
                code = 0x97;
                break;
            case 0x2022:
                code = 0x95;
                break;
            case 0x0153:
                code = 0x9C;
                break;
            default:
                if (code > 0xFF) {
                    code = '?';
                }
        }
        if (code == '(' || code == ')' || code == '\\') {
            out += '\\';
        }
        out += static_cast<char>(code);
    }
    return out + ")";
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

}  // namespace

std::string make_pdf(const std::vector<PdfPageSpec>& pages) {
    // 1 catalog, 2 page tree, 3-6 fonts, 7 picture, then a page and its content per page.
    std::vector<std::string> objects;
    std::string kids;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        kids += std::to_string(8 + 2 * p) + " 0 R ";
    }
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    for (std::string_view font : {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"}) {
        objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /" + std::string(font) +
                          " /Encoding /WinAnsiEncoding >>");
    }
    bool pictures = false;
    for (const auto& page : pages) {
        pictures = pictures || page.picture;
    }
    // Object 7 is the picture, or nothing when no page shows it (then the file holds no image at all).
    objects.push_back(pictures ? "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                                 "/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
                               : "null");
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::string content;
        if (pages[p].picture) {
            content += "q 100 0 0 80 72 600 cm /Im1 Do Q\n";
        }
        for (const auto& text : pages[p].texts) {
            const int font = 1 + (text.bold ? 1 : 0) + (text.italic ? 2 : 0);
            content += "BT /F" + std::to_string(font) + " " + number(text.size) + " Tf 1 0 0 1 " + number(text.x) +
                       " " + number(kPageHeight - text.y) + " Tm " + pdf_string(text.text) + " Tj ET\n";
        }
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(kPageWidth) + " " +
                          number(kPageHeight) + "] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R /F4 6 0 R >> " +
                          (pages[p].picture ? "/XObject << /Im1 7 0 R >> " : "") + ">> /Contents " +
                          std::to_string(9 + 2 * p) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    }
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

}  // namespace storybank::ingest::testing
