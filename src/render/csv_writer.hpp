#pragma once

#include "render/story_table.hpp"

#include <cstdint>
#include <ostream>

namespace storybank::render {

/// Comma and LF (RFC 4180 quoting), or what a French Excel opens by double-click: semicolons and CRLF.
enum class CsvDialect : std::uint8_t { Standard, ExcelFrench };

/// Rows as CSV, streamed. The file starts with a UTF-8 byte order mark so that Excel reads accents right.
class CsvWriter {
public:
    CsvWriter(std::ostream& out, CsvDialect dialect);
    void row(const TableRow& cells);

private:  // data
    std::ostream& m_out;
    char m_separator;
    const char* m_line_end;
};

}  // namespace storybank::render
