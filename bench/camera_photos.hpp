// Photos that cost what a phone's photos cost to decode and process, made with libvips for the benchmarks.
#pragma once

#include <vips/vips8>

#include <filesystem>
#include <vector>

namespace storybank::bench {

// A camera-like frame: smooth colour gradients (a sine wave per band) under fine sensor noise, so the JPEG is
// about as large and as costly to decode as a real one (about 4 MB at quality 92), unlike a flat picture.
inline vips::VImage camera_like_frame(int seed, int width, int height) {
    std::vector<vips::VImage> bands;
    for (int band = 0; band < 3; ++band) {
        vips::VImage wave = vips::VImage::sines(
            width, height,
            vips::VImage::option()->set("hfreq", 1.5 + band + seed * 0.3)->set("vfreq", 2.5 - band * 0.7 + seed * 0.2));
        bands.push_back((wave * 70 + 128).cast(VIPS_FORMAT_UCHAR));
    }
    // A quarter-size noise tile repeated: as costly for the codec as noise everywhere, much quicker to make.
    vips::VImage noise =
        vips::VImage::gaussnoise(width / 4, height / 4,
                                 vips::VImage::option()->set("mean", 0.0)->set("sigma", 6.0)->set("seed", seed))
            .cast(VIPS_FORMAT_CHAR)
            .copy_memory()
            .replicate(4, 4);
    return (vips::VImage::bandjoin(bands) + noise)
        .cast(VIPS_FORMAT_UCHAR)
        .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

/// A camera-like JPEG (quality 92) with EXIF Orientation 6, as a phone held upright writes it.
inline void write_camera_photo(const std::filesystem::path& path, int seed, int width, int height) {
    vips::VImage frame = camera_like_frame(seed, width, height).copy();
    frame.set("orientation", 6);
    frame.jpegsave(path.c_str(),
                   vips::VImage::option()->set("Q", 92)->set("subsample_mode", VIPS_FOREIGN_SUBSAMPLE_ON));
}

}  // namespace storybank::bench
