#pragma once

#include "media/image_type.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace storybank::media {

/// What an uploaded photo may be, and what the stored copies look like.
struct PhotoLimits {
    int max_edge = 2048;       // the stored photo's long edge, at most (never enlarged)
    int thumbnail_edge = 320;  // the thumbnail's long edge, at most (never enlarged)
    std::size_t max_file_bytes = std::size_t{25} * 1024 * 1024;
    std::int64_t max_pixels = 100'000'000;  // width × height the file declares, checked before decoding
    // Threads libvips uses for one photo; 0 leaves its default (one per core). A bulk import that processes
    // several files at once sets 1: the cores are used as well, and each photo holds one thread's buffers, not
    // one per core (measured: a third less peak memory, no slower). Process-wide, like libvips's setting.
    int threads_per_photo = 0;
};

/// One encoded image, ready to store or serve.
struct EncodedImage {
    std::string bytes;
    std::string media_type;  // "image/jpeg" or "image/png"
    int width = 0;
    int height = 0;
    std::string extension;  // "jpg" or "png", without the dot
};

/// The copies kept of an uploaded photo: both upright, in sRGB, without any metadata.
struct ProcessedPhoto {
    EncodedImage photo;
    EncodedImage thumbnail;
    ImageType source_type = ImageType::Unknown;  // what the upload really was
};

/// Turns an uploaded photo (JPEG, PNG, WebP, HEIC or GIF) into copies safe to store and publish: turned upright
/// by its EXIF orientation, scaled down to the limits, converted to sRGB, with all metadata (EXIF and its GPS
/// position, XMP, IPTC, ICC, comments) removed. Opaque images come out as progressive JPEG, images with
/// transparency as PNG, a GIF as its first frame.
///
/// Thread-safe: process() may run on many threads at once. Memory stays bounded by max_file_bytes and
/// max_pixels (a few bytes per declared pixel at most); decoding starts only after both are checked.
class PhotoProcessor {
public:
    explicit PhotoProcessor(PhotoLimits limits = {});

    /// Processes the photo `bytes`; `name` (the file name the user knows) is only used in messages.
    /// Throws storybank::Error(ErrorKind::UnreadableInput) naming `name`, saying what is wrong and what to do, when
    /// the file is empty, larger than max_file_bytes, not one of the accepted formats (whatever its name says),
    /// declares more than max_pixels, or is damaged or truncated (the decoder's words are in the detail).
    /// Throws Error(ErrorKind::Internal) if libvips cannot start.
    ProcessedPhoto process(std::string_view name, std::string_view bytes) const;

    const PhotoLimits& limits() const { return m_limits; }

private:  // data
    PhotoLimits m_limits;
};

}  // namespace storybank::media
