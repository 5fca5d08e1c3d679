# storybank_module(NAME SOURCES ... [DEPENDS module...] [PRIVATE_LIBS target...] [TESTS file...] [TEST_LIBS target...])
#
# One static library per folder under src/, named storybank_<NAME>, whose public dependencies are the
# storybank modules it may include (the matrix in CONVENTIONS.md §8.2) and whose third-party libraries are
# PRIVATE. Unit tests (*_test.cpp beside the code) become one gtest binary per module, labelled "unit".
set(STORYBANK_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wimplicit-fallthrough -Wno-sign-conversion
    # GCC 12 reports false -Wrestrict on std::string at -O2/-O3 (GCC bug 105329); clang has no such warning.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)

function(storybank_warnings target)
  target_compile_options(${target} PRIVATE ${STORYBANK_WARNING_FLAGS})
  if(STORYBANK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

function(storybank_module NAME)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_LIBS;TESTS;TEST_LIBS" ${ARGN})
  set(target storybank_${NAME})
  add_library(${target} STATIC ${ARG_SOURCES})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  foreach(dep IN LISTS ARG_DEPENDS)
    target_link_libraries(${target} PUBLIC storybank_${dep})
  endforeach()
  if(ARG_PRIVATE_LIBS)
    target_link_libraries(${target} PRIVATE ${ARG_PRIVATE_LIBS})
  endif()
  storybank_warnings(${target})

  if(STORYBANK_BUILD_TESTS AND ARG_TESTS)
    set(test_target ${target}_test)
    add_executable(${test_target} ${ARG_TESTS})
    target_link_libraries(${test_target} PRIVATE ${target} ${ARG_PRIVATE_LIBS} ${ARG_TEST_LIBS}
                          GTest::gtest GTest::gtest_main)
    storybank_warnings(${test_target})
    gtest_discover_tests(${test_target}
      PROPERTIES LABELS unit ENVIRONMENT "STORYBANK_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
      DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
