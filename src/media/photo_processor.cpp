// The only file that drives libvips' image operations (vips_runtime.cpp sets the library up). vips errors become
// storybank::Error here and nowhere else. It uses vips' C API: the C++ one builds its option lists with a class
// whose virtual table would tie the executable to libvips-cpp at start-up (src/cli/deferred_libraries.cpp).
#include "media/photo_processor.hpp"

#include "core/error.hpp"
#include "media/detail/vips_runtime.hpp"

#include <vips/vips.h>

#include <array>
#include <charconv>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace storybank::media {

namespace {

constexpr int kJpegQuality = 82;
constexpr double kBytesPerMegabyte = 1024.0 * 1024.0;
constexpr double kPixelsPerMegapixel = 1'000'000.0;
constexpr unsigned char kOpaque = 255;
// A truncated or corrupt file is an error, not a picture with a grey bottom half.
constexpr const char* kLoaderOptions = "fail_on=error";

struct ImageRelease {
    void operator()(VipsImage* image) const { g_object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageRelease>;

// `value` with at most `decimals` decimals and no trailing zeros: 26.3, 25, 0.5.
std::string compact_decimal(double value, int decimals) {
    std::array<char, 64> buffer{};
    auto [end, error] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, decimals);
    std::string text(buffer.data(), error == std::errc{} ? end : buffer.data());
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.ends_with('.')) {
            text.pop_back();
        }
    }
    return text;
}

struct ValueAndLimit {
    std::string value;
    std::string limit;
};

// As many decimals as it takes for a value over the limit not to read as equal to it, nor the limit as 0:
// "26.3" and "25", "100.01" and "100".
ValueAndLimit value_and_limit(double value, double limit) {
    int decimals = 1;
    while (decimals < 6 && (compact_decimal(value, decimals) == compact_decimal(limit, decimals) ||
                            compact_decimal(limit, decimals) == "0")) {
        ++decimals;
    }
    return {compact_decimal(value, decimals), compact_decimal(limit, decimals)};
}

[[noreturn]] void refuse(std::string_view name, const std::string& what_and_what_to_do, std::string detail = {}) {
    throw Error(ErrorKind::UnreadableInput, "photo '" + std::string(name) + "' " + what_and_what_to_do,
                std::move(detail));
}

void check_file_size(std::string_view name, std::size_t size, const PhotoLimits& limits) {
    if (size == 0) {
        refuse(name, "is empty (0 bytes); add the photo again from the camera or phone it was taken with");
    }
    if (size > limits.max_file_bytes) {
        auto [megabytes, limit] = value_and_limit(static_cast<double>(size) / kBytesPerMegabyte,
                                                  static_cast<double>(limits.max_file_bytes) / kBytesPerMegabyte);
        refuse(name,
               "is " + megabytes + " MB; the limit is " + limit + " MB; export it at a smaller size and add it again");
    }
}

ImageType check_type(std::string_view name, std::string_view bytes) {
    ImageType type = sniff_image_type(bytes);
    if (type == ImageType::Unknown) {
        std::string_view looks_like = describe_unsupported_format(bytes);
        refuse(name, "is not a JPEG, PNG, WebP, HEIC or GIF image" +
                         (looks_like.empty() ? std::string() : " (it looks like " + std::string(looks_like) + ")") +
                         "; save it as JPEG and add it again");
    }
    return type;
}

void check_pixels(std::string_view name, VipsImage* header, const PhotoLimits& limits) {
    int width = vips_image_get_width(header);
    int height = vips_image_get_height(header);
    std::int64_t pixels = std::int64_t{width} * height;
    if (pixels > limits.max_pixels) {
        auto [megapixels, limit] = value_and_limit(static_cast<double>(pixels) / kPixelsPerMegapixel,
                                                   static_cast<double>(limits.max_pixels) / kPixelsPerMegapixel);
        refuse(name, "declares " + std::to_string(width) + " × " + std::to_string(height) + " pixels (" + megapixels +
                         " megapixels); the limit is " + limit + " megapixels; resize it and add it again");
    }
}

/// What vips reported, from its process-wide error buffer (under concurrent failures it may hold another photo's
/// lines too, which only affects the detail).
class VipsFailure : public std::runtime_error {
public:
    VipsFailure() : std::runtime_error(take_error_buffer()) {}

private:
    static std::string take_error_buffer() {
        std::string text = vips_error_buffer();
        vips_error_clear();
        return text;
    }
};

/// A vips call's status: its result is usable, or its error is thrown.
void check(int status) {
    if (status != 0) {
        throw VipsFailure();
    }
}

// Opens the file with the decoder of its sniffed type, which reads the header only: no pixel is decoded until an
// operation asks for them. Using that one decoder keeps vips from second-guessing the sniffing.
ImagePtr open_header(ImageType type, std::string_view bytes) {
    // vips does not write to the buffer; its C API takes it as void*.
    void* data = const_cast<char*>(bytes.data());
    VipsImage* out = nullptr;
    auto load = [&](auto loader) {
        check(
            loader(data, bytes.size(), &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, nullptr));
        return ImagePtr(out);
    };
    switch (type) {
        case ImageType::Jpeg:
            return load(vips_jpegload_buffer);
        case ImageType::Png:
            return load(vips_pngload_buffer);
        case ImageType::WebP:
            return load(vips_webpload_buffer);
        case ImageType::Heic:
            return load(vips_heifload_buffer);
        case ImageType::Gif:
            return load(vips_gifload_buffer);
        case ImageType::Unknown:
            break;
    }
    throw Error(ErrorKind::Internal, "a photo of an unknown type reached the decoder");
}

// thumbnail() has already moved ICC-tagged images to sRGB; this covers what it leaves as it is: 16-bit images,
// CMYK or Lab without a profile. Savers would otherwise clip 16-bit values or write CMYK JPEGs.
ImagePtr to_8_bit_srgb(ImagePtr image) {
    int colour_bands = vips_image_get_bands(image.get()) - (vips_image_hasalpha(image.get()) != 0 ? 1 : 0);
    VipsInterpretation target = colour_bands < 3 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    if (vips_image_get_interpretation(image.get()) != target ||
        vips_image_get_format(image.get()) != VIPS_FORMAT_UCHAR) {
        VipsImage* out = nullptr;
        check(vips_colourspace(image.get(), &out, target, nullptr));
        image.reset(out);
    }
    return image;
}

// Screenshots and exported photos often carry an alpha channel that is opaque everywhere: they are stored as
// JPEG like any photo, not as a PNG several times larger.
ImagePtr without_opaque_alpha(ImagePtr image) {
    if (vips_image_hasalpha(image.get()) == 0) {
        return image;
    }
    int bands = vips_image_get_bands(image.get());
    VipsImage* alpha = nullptr;
    check(vips_extract_band(image.get(), &alpha, bands - 1, nullptr));
    ImagePtr alpha_band(alpha);
    double lowest = 0;
    check(vips_min(alpha_band.get(), &lowest, nullptr));
    if (lowest < kOpaque) {
        return image;
    }
    VipsImage* out = nullptr;
    check(vips_extract_band(image.get(), &out, 0, "n", bands - 1, nullptr));
    return ImagePtr(out);
}

EncodedImage encode(VipsImage* image) {
    // strip drops EXIF (with GPS), XMP, IPTC, ICC and comments: nothing of the original file's metadata is written.
    bool transparent = vips_image_hasalpha(image) != 0;
    void* buffer = nullptr;
    std::size_t length = 0;
    check(transparent ? vips_pngsave_buffer(image, &buffer, &length, "strip", TRUE, nullptr)
                      : vips_jpegsave_buffer(image, &buffer, &length, "strip", TRUE, "Q", kJpegQuality,
                                             "optimize_coding", TRUE, "interlace", TRUE, nullptr));
    std::unique_ptr<void, decltype(&g_free)> owned(buffer, g_free);
    return {
        std::string(static_cast<const char*>(buffer), length),
        transparent ? "image/png" : "image/jpeg",
        vips_image_get_width(image),
        vips_image_get_height(image),
        transparent ? "png" : "jpg",
    };
}

}  // namespace

PhotoProcessor::PhotoProcessor(PhotoLimits limits) : m_limits(limits) {
    STORYBANK_ASSERT(m_limits.max_edge > 0 && m_limits.thumbnail_edge > 0);
    STORYBANK_ASSERT(m_limits.max_file_bytes > 0 && m_limits.max_pixels > 0);
}

ProcessedPhoto PhotoProcessor::process(std::string_view name, std::string_view bytes) const {
    check_file_size(name, bytes.size(), m_limits);
    ImageType type = check_type(name, bytes);
    // The library starts with the first photo, not with the program: a server that is never sent one never
    // loads it.
    detail::start_vips(m_limits.threads_per_photo);
    try {
        // No copy: vips reads the caller's bytes in place, and nothing keeps them after this call (no cache).
        ImagePtr header = open_header(type, bytes);
        check_pixels(name, header.get(), m_limits);

        // thumbnail_buffer decodes at reduced size when the format allows it (JPEG, WebP) and turns the image
        // upright by its EXIF orientation. An image with an ICC profile is converted to sRGB on the way; one
        // without is left to to_8_bit_srgb(), because asking for sRGB output there makes vips 8.14 guess a profile
        // for 16-bit images and shift their colours.
        void* data = const_cast<char*>(bytes.data());
        VipsImage* out = nullptr;
        if (vips_image_get_typeof(header.get(), VIPS_META_ICC_NAME) != 0) {
            check(vips_thumbnail_buffer(data, bytes.size(), &out, m_limits.max_edge, "height", m_limits.max_edge,
                                        "size", VIPS_SIZE_DOWN, "option_string", kLoaderOptions, "export_profile",
                                        "srgb", nullptr));
        } else {
            check(vips_thumbnail_buffer(data, bytes.size(), &out, m_limits.max_edge, "height", m_limits.max_edge,
                                        "size", VIPS_SIZE_DOWN, "option_string", kLoaderOptions, nullptr));
        }
        ImagePtr photo(out);
        // The result is kept in memory because the alpha check, the encoder and the thumbnail all read it: with
        // the cache off, a lazy pipeline would be decoded again for each.
        photo = to_8_bit_srgb(std::move(photo));
        ImagePtr in_memory(vips_image_copy_memory(photo.get()));
        if (!in_memory) {
            throw VipsFailure();
        }
        photo = without_opaque_alpha(std::move(in_memory));
        VipsImage* small = nullptr;
        check(vips_thumbnail_image(photo.get(), &small, m_limits.thumbnail_edge, "height", m_limits.thumbnail_edge,
                                   "size", VIPS_SIZE_DOWN, nullptr));
        ImagePtr thumbnail(small);
        return {encode(photo.get()), encode(thumbnail.get()), type};
    } catch (const VipsFailure& failure) {
        std::string detail = std::string(image_type_name(type)) + " decoder: " + failure.what();
        refuse(name, "is damaged or truncated; open it in a photo viewer, save it again and add the new file",
               std::move(detail));
    }
}

}  // namespace storybank::media
