// LibreOffice opens what storybank writes: the Word story (converted to PDF, its text and photos intact) and the
// workbook (converted to CSV). Each conversion starts LibreOffice cold, hence the label slow.
#include "documents_fixture.hpp"

namespace storybank::testing {
namespace {

/// soffice --headless --convert-to, with a private profile so that parallel runs and a desktop session do not
/// get in each other's way. Returns the converted file's path.
fs::path convert(const fs::path& input, const std::string& filter, const std::string& extension, const fs::path& work) {
    fs::path profile = work / "libreoffice-profile";
    fs::path out_dir = work / "converted";
    fs::create_directories(out_dir);
    Outcome converted = run("soffice -env:UserInstallation=file://" + profile.string() + " --headless --convert-to " +
                            shell_quoted(filter) + " --outdir " + shell_quoted(out_dir.string()) + " " +
                            shell_quoted(input.string()) + " 2>&1");
    EXPECT_EQ(converted.status, 0) << converted.out;
    return out_dir / (input.stem().string() + "." + extension);
}

TEST_F(DocumentsTest, LibreOfficeConvertsTheWordStoryToPdf) {
    fs::path docx = output("story-for-libreoffice.docx");
    ASSERT_EQ(run(storybank({"export", "1", "--format", "docx", "-o", docx.string()})).status, 0);
    fs::path pdf = convert(docx, "pdf", "pdf", s_work);
    ASSERT_TRUE(fs::exists(pdf)) << "LibreOffice did not convert " << docx;
    std::string text = squeezed(pdf_text(pdf));
    EXPECT_NE(text.find(squeezed("ENGAGEMENT DU RESEAU THINK PEACE-ARC")), std::string::npos);
    EXPECT_NE(text.find(squeezed("Abdoul Kassim FOMBA")), std::string::npos) << "summary table lost";
    EXPECT_NE(text.find("AissataKANE"), std::string::npos) << "testimony lost";
    Outcome images = run("pdfimages -list " + shell_quoted(pdf.string()));
    std::size_t image_lines = 0;
    for (std::size_t at = images.out.find("image"); at != std::string::npos; at = images.out.find("image", at + 5)) {
        ++image_lines;
    }
    EXPECT_GE(image_lines, 3u) << "the three photos should be in LibreOffice's PDF:\n" << images.out;
}

TEST_F(DocumentsTest, LibreOfficeReadsTheWorkbook) {
    fs::path xlsx = output("stories-for-libreoffice.xlsx");
    ASSERT_EQ(run(storybank({"export-data", "--format", "xlsx", "-o", xlsx.string()})).status, 0);
    fs::path csv = convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1", "csv", s_work);
    ASSERT_TRUE(fs::exists(csv)) << "LibreOffice did not convert " << xlsx;
    std::string text = read_file(csv);
    EXPECT_NE(text.find("Les femmes médiatrices de Dori"), std::string::npos) << text.substr(0, 500);
    EXPECT_NE(text.find("Nom de l'ONG partenaire"), std::string::npos);
}

TEST_F(DocumentsTest, LibreOfficeFillsInTheWordBookletsContentsAndIndex) {
    fs::path docx = output("booklet-for-libreoffice.docx");
    ASSERT_EQ(run(storybank({"booklet", "--id", "2,1,3", "--title", "Rapport 2026", "-o", docx.string()})).status, 0);
    fs::path pdf = convert(docx, "pdf", "pdf", s_work);
    ASSERT_TRUE(fs::exists(pdf)) << "LibreOffice did not convert " << docx;
    // The contents (page 2): each title with the page LibreOffice laid its chapter on, in the booklet's order.
    expect_titles_on_contents_pages(pdf, {"2", "1", "3"});
    std::string all = squeezed(pdf_text(pdf));
    for (const char* part : {"Index", "PAR PAYS", "PAR ONG PARTENAIRE", "Think Peace"}) {
        EXPECT_NE(all.find(squeezed(part)), std::string::npos) << part;
    }
}

}  // namespace
}  // namespace storybank::testing
