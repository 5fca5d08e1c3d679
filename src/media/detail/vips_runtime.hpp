#pragma once

namespace storybank::media::detail {

/// Starts libvips for the whole process on first call, with `threads_per_photo` worker threads per image when
/// positive (libvips' default, the number of cores, otherwise); later calls return at once. Thread-safe.
/// Throws storybank::Error(ErrorKind::Internal) when libvips cannot start (the next call tries again).
void start_vips(int threads_per_photo = 0);

}  // namespace storybank::media::detail
