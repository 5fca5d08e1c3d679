#pragma once

#include <string>

namespace storybank::ingest {

/// A file as it arrived: its name (for messages and type hints) and its bytes.
struct SourceFile {
    std::string name;
    std::string bytes;
};

}  // namespace storybank::ingest
