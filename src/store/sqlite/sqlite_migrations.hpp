#pragma once

#include <span>

namespace storybank::store::sqlite::detail {

/// One schema step, from migrations/NNNN_what.sql (embedded at build time by src/store/CMakeLists.txt).
struct Migration {
    int version;       ///< NNNN
    const char* name;  ///< "0001_initial"
    const char* sql;   ///< the whole file, run as one script inside the migration transaction
};

/// Every migration this binary knows, by increasing version.
std::span<const Migration> migrations();

}  // namespace storybank::store::sqlite::detail
