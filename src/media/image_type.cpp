#include "media/image_type.hpp"

#include <array>
#include <cstddef>

namespace storybank::media {

namespace {

constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

std::uint32_t read_big_endian_32(std::string_view bytes, std::size_t offset) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        value = (value << 8U) | static_cast<unsigned char>(bytes[offset + i]);
    }
    return value;
}

// The brands of an ISO-BMFF file: the major brand, then the compatible ones, all inside the leading ftyp box.
// Empty when the file does not start with an ftyp box.
struct FtypBrands {
    std::string_view major;
    std::string_view compatible;  // a run of 4-byte brands
};

FtypBrands ftyp_brands(std::string_view bytes) {
    if (bytes.size() < 16 || bytes.substr(4, 4) != "ftyp") {
        return {};
    }
    std::size_t box_size = read_big_endian_32(bytes, 0);
    // Size 0 means "to the end of the file"; anything shorter than the fixed part is not a real ftyp box.
    if (box_size == 0 || box_size > bytes.size()) {
        box_size = bytes.size();
    }
    if (box_size < 16) {
        return {};
    }
    std::size_t brands_length = (box_size - 16) / 4 * 4;
    return {bytes.substr(8, 4), bytes.substr(16, brands_length)};
}

bool has_brand(const FtypBrands& brands, std::string_view wanted) {
    if (brands.major == wanted) {
        return true;
    }
    for (std::size_t offset = 0; offset + 4 <= brands.compatible.size(); offset += 4) {
        if (brands.compatible.substr(offset, 4) == wanted) {
            return true;
        }
    }
    return false;
}

bool has_any_brand(const FtypBrands& brands, const auto& wanted) {
    for (std::string_view brand : wanted) {
        if (has_brand(brands, brand)) {
            return true;
        }
    }
    return false;
}

constexpr std::array<std::string_view, 8> kHevcBrands = {"heic", "heix", "hevc", "hevx",
                                                         "heim", "heis", "hevm", "hevs"};
constexpr std::array<std::string_view, 2> kGenericHeifBrands = {"mif1", "msf1"};
constexpr std::array<std::string_view, 2> kAvifBrands = {"avif", "avis"};

bool is_heic(std::string_view bytes) {
    FtypBrands brands = ftyp_brands(bytes);
    if (brands.major.empty()) {
        return false;
    }
    if (has_any_brand(brands, kHevcBrands)) {
        return true;
    }
    // A generic HEIF file is HEIC unless it says it holds AV1 (AVIF), which the decoder set does not cover.
    return has_any_brand(brands, kGenericHeifBrands) && !has_any_brand(brands, kAvifBrands);
}

bool looks_like_text(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 512);
    if (head.empty()) {
        return false;
    }
    for (char c : head) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') {
            return false;
        }
    }
    return true;
}

}  // namespace

ImageType sniff_image_type(std::string_view bytes) {
    if (bytes.starts_with("\xff\xd8\xff")) {
        return ImageType::Jpeg;
    }
    if (bytes.starts_with(kPngSignature)) {
        return ImageType::Png;
    }
    if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) {
        return ImageType::Gif;
    }
    if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
        return ImageType::WebP;
    }
    if (is_heic(bytes)) {
        return ImageType::Heic;
    }
    return ImageType::Unknown;
}

std::string_view media_type_of(ImageType type) {
    switch (type) {
        case ImageType::Jpeg:
            return "image/jpeg";
        case ImageType::Png:
            return "image/png";
        case ImageType::WebP:
            return "image/webp";
        case ImageType::Heic:
            return "image/heic";
        case ImageType::Gif:
            return "image/gif";
        case ImageType::Unknown:
            break;
    }
    return "application/octet-stream";
}

std::string_view image_type_name(ImageType type) {
    switch (type) {
        case ImageType::Jpeg:
            return "JPEG";
        case ImageType::Png:
            return "PNG";
        case ImageType::WebP:
            return "WebP";
        case ImageType::Heic:
            return "HEIC";
        case ImageType::Gif:
            return "GIF";
        case ImageType::Unknown:
            break;
    }
    return "unknown";
}

std::string_view describe_unsupported_format(std::string_view bytes) {
    if (bytes.starts_with("BM") && bytes.size() >= 26) {
        return "a BMP image";
    }
    if (bytes.starts_with(std::string_view("II*\0", 4)) || bytes.starts_with(std::string_view("MM\0*", 4))) {
        return "a TIFF image";
    }
    if (has_any_brand(ftyp_brands(bytes), kAvifBrands)) {
        return "an AVIF image";
    }
    if (bytes.starts_with("%PDF-")) {
        return "a PDF document";
    }
    if (bytes.starts_with("PK\x03\x04")) {
        return "a ZIP archive (a Word or OpenDocument file?)";
    }
    if (bytes.starts_with("<svg") || bytes.starts_with("<?xml")) {
        return "an SVG or XML file";
    }
    if (looks_like_text(bytes)) {
        return "text";
    }
    return {};
}

}  // namespace storybank::media
