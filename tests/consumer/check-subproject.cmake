# cmake -DTEMPEST_SOURCE_DIR=... -DCONSUMER_SOURCE_DIR=... -DWORK_DIR=... [-DGENERATOR=...]
#       [-DJOBS=N] -P check-subproject.cmake
#
# Configures the consumer project in CONSUMER_SOURCE_DIR, which pulls tempest in with
# add_subdirectory(TEMPEST_SOURCE_DIR), checks that tempest behaves as a subproject (no warning,
# no tests, benchmarks or examples of its own), builds the consumer's program and runs it on a
# fresh SQLite file.

foreach(var TEMPEST_SOURCE_DIR CONSUMER_SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check-subproject.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT GENERATOR)
  set(GENERATOR Ninja)
endif()
if(NOT JOBS)
  set(JOBS 2)
endif()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(build ${WORK_DIR}/build)

include(${CMAKE_CURRENT_LIST_DIR}/run_step.cmake)

run("configure the consumer" ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${build}
    -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release -DTEMPEST_SOURCE_DIR=${TEMPEST_SOURCE_DIR})
if(output MATCHES "CMake (Warning|Deprecation Warning)")
  message(FATAL_ERROR "tempest warns when it is a subproject:\n${output}")
endif()
foreach(folder tests bench examples)
  if(EXISTS ${build}/tempest-build/${folder})
    message(FATAL_ERROR "tempest configured its ${folder} as a subproject (${build}/tempest-build/"
                        "${folder}): they belong to tempest's own builds")
  endif()
endforeach()
file(GLOB test_files ${build}/tempest-build/CTestTestfile.cmake)
if(test_files)
  message(FATAL_ERROR "tempest registered tests in the consumer's build: ${test_files}")
endif()

run("build the consumer" ${CMAKE_COMMAND} --build ${build} --target app -j ${JOBS})
run("run the consumer" ${build}/app ${WORK_DIR}/app.db)
if(NOT output MATCHES "applied 0001_init" OR NOT output MATCHES "consumer ok")
  message(FATAL_ERROR "unexpected consumer output:\n${output}")
endif()
message(STATUS "consumer output:\n${output}")
