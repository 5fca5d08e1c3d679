// The process-wide libvips set-up. This module is the only user of libvips (scripts/check_layering.py), so the
// global settings below are ours to choose; they are chosen for untrusted uploads.
#include "media/detail/vips_runtime.hpp"

#include "core/error.hpp"

#include <glib.h>
#include <vips/vips.h>

#include <array>
#include <mutex>
#include <string>

namespace storybank::media::detail {

namespace {

// The loaders of the accepted formats (and their file/buffer/source variants, which the names cover). Every
// other loader is blocked, so bytes vips recognises as something else (SVG, PDF, ImageMagick's dozens of
// formats…) never reach a decoder, whatever our sniffing said.
constexpr std::array kAllowedLoaders = {
    "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif", "VipsForeignLoadNsgif",
};

// libvips reports decoder trouble ("error in tile 0 x 1336") on stderr through GLib as well as in its error
// buffer. The buffer text reaches the caller in Error::detail(); the stderr copy would let anyone who uploads a
// broken file write lines into the server's log stream.
void ignore_vips_warning(const gchar* /*domain*/,
                         GLogLevelFlags /*level*/,
                         const gchar* /*message*/,
                         gpointer /*data*/) {}

void start_once(int threads_per_photo) {
    if (VIPS_INIT("storybank") != 0) {
        std::string detail = vips_error_buffer();
        vips_error_clear();
        throw Error(ErrorKind::Internal, "the photo library (libvips) could not start; check the installation", detail);
    }
    // No operation cache: each upload is processed once, and a cache would keep decoded pixels (and references
    // to the caller's buffers) alive between calls.
    vips_cache_set_max(0);
    if (threads_per_photo > 0) {
        vips_concurrency_set(threads_per_photo);
    }
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* loader : kAllowedLoaders) {
        vips_operation_block_set(loader, FALSE);
    }
    g_log_set_handler("VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
                      ignore_vips_warning, nullptr);
}

}  // namespace

void start_vips(int threads_per_photo) {
    static std::once_flag started;
    std::call_once(started, start_once, threads_per_photo);
}

}  // namespace storybank::media::detail
