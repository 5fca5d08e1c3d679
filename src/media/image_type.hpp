#pragma once

#include <cstdint>
#include <string_view>

namespace storybank::media {

/// The photo formats storybank accepts. Anything else is refused before a decoder sees it.
enum class ImageType : std::uint8_t { Jpeg, Png, WebP, Heic, Gif, Unknown };

/// The type the bytes really are, from their magic numbers only (the file name and the declared media type are
/// not trusted). HEIC is an ISO-BMFF `ftyp` box with a HEVC brand (heic, heix, hevc, …) or the generic HEIF
/// brands mif1/msf1; AVIF, which shares the container, is Unknown.
ImageType sniff_image_type(std::string_view bytes);

/// "image/jpeg", "image/png", "image/webp", "image/heic", "image/gif"; "application/octet-stream" for Unknown.
std::string_view media_type_of(ImageType type);

/// The format's usual name for messages: "JPEG", "PNG", "WebP", "HEIC", "GIF"; "unknown" for Unknown.
std::string_view image_type_name(ImageType type);

/// For a refused file, what it looks like, to tell the user what they sent: "a BMP image", "a TIFF image",
/// "an AVIF image", "a PDF document", "a ZIP archive", "text". Empty when the bytes match none of these.
std::string_view describe_unsupported_format(std::string_view bytes);

}  // namespace storybank::media
