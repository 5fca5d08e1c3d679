# cmake -DREPLAY=<replay program> -DINPUT=<folder> -P expect_crash.cmake
# Succeeds only when the replay does not pass: ctest's WILL_FAIL does not count a crash as the expected failure.
execute_process(COMMAND ${REPLAY} ${INPUT} RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
if(result STREQUAL "0")
  message(FATAL_ERROR "the replay of ${INPUT} passed although its target crashes on it")
endif()
message(STATUS "the replay failed, as it must: ${result}")
