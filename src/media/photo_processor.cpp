// The only file that drives libvips' image operations (vips_runtime.cpp sets the library up). vips errors become
// storybank::Error here and nowhere else.
#include "media/photo_processor.hpp"

#include "core/error.hpp"
#include "media/detail/vips_runtime.hpp"

#include <vips/vips8>

#include <array>
#include <charconv>
#include <memory>
#include <string>
#include <utility>

namespace storybank::media {

namespace {

using vips::VImage;
using vips::VOption;

constexpr int kJpegQuality = 82;
constexpr double kBytesPerMegabyte = 1024.0 * 1024.0;
constexpr double kPixelsPerMegapixel = 1'000'000.0;
constexpr unsigned char kOpaque = 255;
// A truncated or corrupt file is an error, not a picture with a grey bottom half.
constexpr const char* kLoaderOptions = "fail_on=error";

struct BlobRelease {
    void operator()(VipsBlob* blob) const { vips_area_unref(&blob->area); }
};
using BlobPtr = std::unique_ptr<VipsBlob, BlobRelease>;

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

void check_pixels(std::string_view name, const VImage& header, const PhotoLimits& limits) {
    std::int64_t pixels = std::int64_t{header.width()} * header.height();
    if (pixels > limits.max_pixels) {
        auto [megapixels, limit] = value_and_limit(static_cast<double>(pixels) / kPixelsPerMegapixel,
                                                   static_cast<double>(limits.max_pixels) / kPixelsPerMegapixel);
        refuse(name, "declares " + std::to_string(header.width()) + " × " + std::to_string(header.height()) +
                         " pixels (" + megapixels + " megapixels); the limit is " + limit +
                         " megapixels; resize it and add it again");
    }
}

VOption* header_options() {
    return VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL)->set("fail_on", VIPS_FAIL_ON_ERROR);
}

// Opens the file with the decoder of its sniffed type, which reads the header only: no pixel is decoded until an
// operation asks for them. Using that one decoder keeps vips from second-guessing the sniffing.
VImage open_header(ImageType type, VipsBlob* blob) {
    switch (type) {
        case ImageType::Jpeg:
            return VImage::jpegload_buffer(blob, header_options());
        case ImageType::Png:
            return VImage::pngload_buffer(blob, header_options());
        case ImageType::WebP:
            return VImage::webpload_buffer(blob, header_options());
        case ImageType::Heic:
            return VImage::heifload_buffer(blob, header_options());
        case ImageType::Gif:
            return VImage::gifload_buffer(blob, header_options());
        case ImageType::Unknown:
            break;
    }
    throw Error(ErrorKind::Internal, "a photo of an unknown type reached the decoder");
}

// thumbnail() has already moved ICC-tagged images to sRGB; this covers what it leaves as it is: 16-bit images,
// CMYK or Lab without a profile. Savers would otherwise clip 16-bit values or write CMYK JPEGs.
VImage to_8_bit_srgb(VImage image) {
    int colour_bands = image.bands() - (image.has_alpha() ? 1 : 0);
    VipsInterpretation target = colour_bands < 3 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    if (image.interpretation() != target || image.format() != VIPS_FORMAT_UCHAR) {
        image = image.colourspace(target);
    }
    return image;
}

// Screenshots and exported photos often carry an alpha channel that is opaque everywhere: they are stored as
// JPEG like any photo, not as a PNG several times larger.
VImage without_opaque_alpha(const VImage& image) {
    if (!image.has_alpha() || image.extract_band(image.bands() - 1).min() < kOpaque) {
        return image;
    }
    return image.extract_band(0, VImage::option()->set("n", image.bands() - 1));
}

EncodedImage encode(const VImage& image) {
    // strip drops EXIF (with GPS), XMP, IPTC, ICC and comments: nothing of the original file's metadata is written.
    bool transparent = image.has_alpha();
    BlobPtr blob(transparent ? image.pngsave_buffer(VImage::option()->set("strip", true))
                             : image.jpegsave_buffer(VImage::option()
                                                         ->set("strip", true)
                                                         ->set("Q", kJpegQuality)
                                                         ->set("optimize_coding", true)
                                                         ->set("interlace", true)));
    std::size_t length = 0;
    const void* data = vips_blob_get(blob.get(), &length);
    return {
        std::string(static_cast<const char*>(data), length),
        transparent ? "image/png" : "image/jpeg",
        image.width(),
        image.height(),
        transparent ? "png" : "jpg",
    };
}

VOption* resize_options(int edge) {
    return VImage::option()->set("height", edge)->set("size", VIPS_SIZE_DOWN);
}

}  // namespace

PhotoProcessor::PhotoProcessor(PhotoLimits limits) : m_limits(limits) {
    STORYBANK_ASSERT(m_limits.max_edge > 0 && m_limits.thumbnail_edge > 0);
    STORYBANK_ASSERT(m_limits.max_file_bytes > 0 && m_limits.max_pixels > 0);
    if (m_limits.threads_per_photo > 0) {
        detail::start_vips();
        vips_concurrency_set(m_limits.threads_per_photo);
    }
}

ProcessedPhoto PhotoProcessor::process(std::string_view name, std::string_view bytes) const {
    check_file_size(name, bytes.size(), m_limits);
    ImageType type = check_type(name, bytes);
    detail::start_vips();
    try {
        // No copy: vips reads the caller's bytes in place, and nothing keeps them after this call (no cache).
        BlobPtr blob(vips_blob_new(nullptr, bytes.data(), bytes.size()));
        VImage header = open_header(type, blob.get());
        check_pixels(name, header, m_limits);

        // thumbnail_buffer decodes at reduced size when the format allows it (JPEG, WebP) and turns the image
        // upright by its EXIF orientation. An image with an ICC profile is converted to sRGB on the way; one
        // without is left to to_8_bit_srgb(), because asking for sRGB output there makes vips 8.14 guess a profile
        // for 16-bit images and shift their colours.
        VOption* options = resize_options(m_limits.max_edge)->set("option_string", kLoaderOptions);
        if (header.get_typeof(VIPS_META_ICC_NAME) != 0) {
            options->set("export_profile", "srgb");
        }
        // The result is kept in memory because the alpha check, the encoder and the thumbnail all read it: with
        // the cache off, a lazy pipeline would be decoded again for each.
        VImage photo = VImage::thumbnail_buffer(blob.get(), m_limits.max_edge, options);
        photo = without_opaque_alpha(to_8_bit_srgb(photo).copy_memory());
        VImage thumbnail = photo.thumbnail_image(m_limits.thumbnail_edge, resize_options(m_limits.thumbnail_edge));
        return {encode(photo), encode(thumbnail), type};
    } catch (const vips::VError& error) {
        // The error buffer is process-wide: under concurrent failures it may hold another photo's lines too,
        // which only affects the detail.
        std::string detail = std::string(image_type_name(type)) + " decoder: " + error.what();
        vips_error_clear();
        refuse(name, "is damaged or truncated; open it in a photo viewer, save it again and add the new file",
               std::move(detail));
    }
}

}  // namespace storybank::media
