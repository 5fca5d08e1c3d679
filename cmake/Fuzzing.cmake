# STORYBANK_FUZZ: builds for libFuzzer (clang only). Every target gets libFuzzer's coverage instrumentation
# (-fsanitize=fuzzer-no-link) with ASan and UBSan, so that the readers the fuzz targets call are explored and
# checked; only the fuzz targets in tests/fuzz link libFuzzer's main (-fsanitize=fuzzer).
if(STORYBANK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "STORYBANK_FUZZ needs clang: configure with -DCMAKE_C_COMPILER=clang "
                        "-DCMAKE_CXX_COMPILER=clang++ (make fuzz does)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined -gline-tables-only)
  add_link_options(-fsanitize=address,undefined)
  add_compile_definitions(STORYBANK_ENABLE_ASSERTS=1)
endif()
