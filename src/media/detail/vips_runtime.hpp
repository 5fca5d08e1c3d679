#pragma once

namespace storybank::media::detail {

/// Starts libvips for the whole process on first call; later calls return at once. Thread-safe.
/// Throws storybank::Error(ErrorKind::Internal) when libvips cannot start (the next call tries again).
void start_vips();

}  // namespace storybank::media::detail
