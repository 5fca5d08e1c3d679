#pragma once

#include "render/story_table.hpp"

#include <filesystem>
#include <memory>

namespace storybank::render {

/// A workbook of stories written row by row (libxlsxwriter's constant-memory mode, so size does not matter):
/// a sheet of stories, one of testimonies, one of photos, each with a bold header row that stays frozen, an
/// autofilter and column widths fitted to their content.
class XlsxWriter {
public:
    /// Starts the workbook at `path`. Throws Error(Unavailable) naming it when it cannot be created.
    static std::unique_ptr<XlsxWriter> create(const std::filesystem::path& path,
                                              const StoryTable& table,
                                              const DocumentLabels& labels);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    void add(const StoryTable::Rows& rows);
    /// Writes the file. Throws Error(Unavailable) when it cannot be written.
    void close();

private:
    XlsxWriter();
    struct Impl;

private:  // data
    std::unique_ptr<Impl> m_impl;
};

}  // namespace storybank::render
