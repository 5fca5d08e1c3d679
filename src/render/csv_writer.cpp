#include "render/csv_writer.hpp"

namespace storybank::render {

CsvWriter::CsvWriter(std::ostream& out, CsvDialect dialect)
    : m_out(out),
      m_separator(dialect == CsvDialect::ExcelFrench ? ';' : ','),
      m_line_end(dialect == CsvDialect::ExcelFrench ? "\r\n" : "\n") {
    m_out << "\xEF\xBB\xBF";
}

void CsvWriter::row(const TableRow& cells) {
    for (std::size_t column = 0; column < cells.size(); ++column) {
        if (column > 0) {
            m_out << m_separator;
        }
        const std::string& cell = cells[column];
        bool quoted = cell.find_first_of("\"\r\n,;") != std::string::npos;
        // A cell starting with = + - @ would be run as a formula by spreadsheets: a leading apostrophe keeps it
        // text (phone numbers such as +223… included).
        bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@');
        if (!quoted && !formula) {
            m_out << cell;
            continue;
        }
        m_out << '"';
        if (formula) {
            m_out << '\'';
        }
        for (char c : cell) {
            if (c == '"') {
                m_out << "\"\"";
            } else if (c == '\n' && m_line_end[0] == '\r') {
                m_out << "\r\n";
            } else {
                m_out << c;
            }
        }
        m_out << '"';
    }
    m_out << m_line_end;
}

}  // namespace storybank::render
