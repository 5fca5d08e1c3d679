# storybank_embed_resources(LIST <resources.txt> OUTPUT_VARIABLE <var>)
#
# Generates assets_generated.cpp in the current binary folder from the resource list (CONVENTIONS.md §8.7), with
# scripts/embed_resources.py, and puts its path in <var> for the caller's SOURCES. The generator runs again
# when the list, the generator or any listed file changes; it rewrites the output only when it differs, so an
# unchanged result compiles nothing. Adding or removing files under a glob entry (web:dist/**) changes the
# watched folders and re-runs CMake, which reads the list again.
find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)

function(storybank_embed_resources)
  cmake_parse_arguments(ARG "" "LIST;OUTPUT_VARIABLE" "" ${ARGN})
  if(NOT ARG_LIST OR NOT ARG_OUTPUT_VARIABLE)
    message(FATAL_ERROR "storybank_embed_resources: LIST and OUTPUT_VARIABLE are required")
  endif()
  set(generator "${PROJECT_SOURCE_DIR}/scripts/embed_resources.py")
  set(common_args --list "${ARG_LIST}" --root "${PROJECT_SOURCE_DIR}")

  execute_process(
    COMMAND "${Python3_EXECUTABLE}" "${generator}" ${common_args} --print-inputs
    OUTPUT_VARIABLE inputs ERROR_VARIABLE errors RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "Resource list ${ARG_LIST} is wrong:\n${errors}")
  endif()
  execute_process(
    COMMAND "${Python3_EXECUTABLE}" "${generator}" ${common_args} --print-watch-dirs
    OUTPUT_VARIABLE watch_dirs RESULT_VARIABLE result)
  string(REGEX REPLACE "\n$" "" inputs "${inputs}")
  string(REPLACE "\n" ";" inputs "${inputs}")
  string(REGEX REPLACE "\n$" "" watch_dirs "${watch_dirs}")
  string(REPLACE "\n" ";" watch_dirs "${watch_dirs}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${ARG_LIST}" ${watch_dirs})

  set(output "${CMAKE_CURRENT_BINARY_DIR}/assets_generated.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${Python3_EXECUTABLE}" "${generator}" ${common_args} --output "${output}"
    DEPENDS "${generator}" "${ARG_LIST}" ${inputs}
    COMMENT "Embedding the files listed in ${ARG_LIST}"
    VERBATIM)
  set(${ARG_OUTPUT_VARIABLE} "${output}" PARENT_SCOPE)
endfunction()
