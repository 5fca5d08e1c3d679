#include "render/xlsx_writer.hpp"

#include "core/error.hpp"

#include <xlsxwriter.h>

#include <algorithm>

namespace storybank::render {
namespace {

/// Excel refuses longer cells.
constexpr std::size_t kMaxCellBytes = 32000;

struct Sheet {
    lxw_worksheet* worksheet = nullptr;
    lxw_row_t next_row = 0;
    std::vector<double> widths;  ///< in characters

    void write(const TableRow& cells, lxw_format* format) {
        if (widths.size() < cells.size()) {
            widths.resize(cells.size(), 8);
        }
        for (std::size_t column = 0; column < cells.size(); ++column) {
            std::string cell =
                cells[column].size() > kMaxCellBytes ? cells[column].substr(0, kMaxCellBytes) : cells[column];
            auto col = static_cast<lxw_col_t>(column);
            worksheet_write_string(worksheet, next_row, col, cell.c_str(), format);
            // Code points, roughly: UTF-8 continuation bytes do not count.
            double length =
                static_cast<double>(std::count_if(cell.begin(), cell.end(), [](char c) { return (c & 0xC0) != 0x80; }));
            widths[column] = std::max(widths[column], std::min(length + 2, 60.0));
        }
        ++next_row;
    }

    void finish(lxw_format* wrapped) {
        for (std::size_t column = 0; column < widths.size(); ++column) {
            auto col = static_cast<lxw_col_t>(column);
            worksheet_set_column(worksheet, col, col, widths[column], widths[column] >= 60 ? wrapped : nullptr);
        }
        if (!widths.empty()) {
            worksheet_autofilter(worksheet, 0, 0, next_row > 0 ? next_row - 1 : 0,
                                 static_cast<lxw_col_t>(widths.size() - 1));
        }
    }
};

}  // namespace

struct XlsxWriter::Impl {
    lxw_workbook* workbook = nullptr;
    lxw_format* header = nullptr;
    lxw_format* wrapped = nullptr;
    Sheet stories;
    Sheet quotes;
    Sheet photos;
    std::string path;
};

XlsxWriter::XlsxWriter() : m_impl(std::make_unique<Impl>()) {}

XlsxWriter::~XlsxWriter() {
    if (m_impl->workbook != nullptr) {
        workbook_close(m_impl->workbook);
    }
}

std::unique_ptr<XlsxWriter> XlsxWriter::create(const std::filesystem::path& path,
                                               const StoryTable& table,
                                               const DocumentLabels& labels) {
    std::unique_ptr<XlsxWriter> writer(new XlsxWriter());
    Impl& impl = *writer->m_impl;
    impl.path = path.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    impl.workbook = workbook_new_opt(impl.path.c_str(), &options);
    if (impl.workbook == nullptr) {
        throw Error(ErrorKind::Unavailable,
                    "cannot create the spreadsheet '" + impl.path + "'; check the folder exists and is writable");
    }
    impl.header = workbook_add_format(impl.workbook);
    format_set_bold(impl.header);
    format_set_bg_color(impl.header, 0x1F3A5F);
    format_set_font_color(impl.header, LXW_COLOR_WHITE);
    format_set_text_wrap(impl.header);
    format_set_align(impl.header, LXW_ALIGN_VERTICAL_TOP);
    impl.wrapped = workbook_add_format(impl.workbook);
    format_set_text_wrap(impl.wrapped);
    format_set_align(impl.wrapped, LXW_ALIGN_VERTICAL_TOP);

    // Sheet names: at most 31 characters, none of []:*?/\ — the labels used here have none.
    auto add_sheet = [&](Sheet& sheet, const std::string& name, const TableRow& header) {
        std::string safe = name.substr(0, 31);
        sheet.worksheet = workbook_add_worksheet(impl.workbook, safe.c_str());
        worksheet_freeze_panes(sheet.worksheet, 1, 0);
        sheet.write(header, impl.header);
    };
    add_sheet(impl.stories, labels.sheet_stories, table.story_header());
    add_sheet(impl.quotes, labels.sheet_quotes, table.quote_header());
    add_sheet(impl.photos, labels.sheet_photos, table.photo_header());

    lxw_doc_properties properties{};
    std::string author = "storybank";
    properties.author = author.data();
    workbook_set_properties(impl.workbook, &properties);
    return writer;
}

void XlsxWriter::add(const StoryTable::Rows& rows) {
    m_impl->stories.write(rows.story, nullptr);
    for (const auto& row : rows.quotes) {
        m_impl->quotes.write(row, nullptr);
    }
    for (const auto& row : rows.photos) {
        m_impl->photos.write(row, nullptr);
    }
}

void XlsxWriter::close() {
    for (Sheet* sheet : {&m_impl->stories, &m_impl->quotes, &m_impl->photos}) {
        sheet->finish(m_impl->wrapped);
    }
    lxw_error error = workbook_close(m_impl->workbook);
    m_impl->workbook = nullptr;
    if (error != LXW_NO_ERROR) {
        throw Error(ErrorKind::Unavailable, "cannot write the spreadsheet '" + m_impl->path + "'; check the disk",
                    lxw_strerror(error));
    }
}

}  // namespace storybank::render
