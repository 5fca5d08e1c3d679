# Every third-party library, found once. Targets are linked PRIVATE by the one module allowed to use them
# (see CONVENTIONS.md §8.2 and scripts/check_layering.py).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(spdlog 1.10 REQUIRED)
find_package(CLI11 2 REQUIRED)

pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(TEXTCAT REQUIRED IMPORTED_TARGET libexttextcat)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
# libvips ships no CMake config; vips-cpp brings the C library and glib with it.
pkg_check_modules(VIPS REQUIRED IMPORTED_TARGET vips-cpp)
# pkg-config, not find_package(libzip): Debian's libzip config names zipcmp & co., which are in another package.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
find_package(pugixml 1.11 REQUIRED)
# PDF text (GPL-2|GPL-3, compatible with storybank's AGPL-3.0-or-later); poppler ships only pkg-config files.
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
# PDF writing: cairo and pango ship only pkg-config files. xlsxwriter likewise.
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)

find_library(STEMMER_LIB stemmer REQUIRED)
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
add_library(storybank_third_party_stemmer INTERFACE)
target_link_libraries(storybank_third_party_stemmer INTERFACE ${STEMMER_LIB})
target_include_directories(storybank_third_party_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})

find_library(PHONENUMBER_LIB phonenumber REQUIRED)
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
add_library(storybank_third_party_phonenumber INTERFACE)
target_link_libraries(storybank_third_party_phonenumber INTERFACE ${PHONENUMBER_LIB} ICU::uc ICU::i18n)
target_include_directories(storybank_third_party_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})

if(STORYBANK_BUILD_TESTS OR STORYBANK_BUILD_BENCH)
  find_package(GTest REQUIRED)
endif()
if(STORYBANK_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
