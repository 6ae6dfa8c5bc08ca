# cmake -DTEMPEST_BUILD_DIR=... -DCONSUMER_SOURCE_DIR=... -DWORK_DIR=... [-DGENERATOR=...]
#       [-DCONSUMER_CXX_COMPILER=...] [-DCONSUMER_LINK_FLAGS=flag;flag...]
#       -P check-install.cmake
#
# Installs the tempest build tree into WORK_DIR/prefix, configures and builds the consumer
# project against it with find_package(tempest), and runs it on a fresh SQLite file. A
# tempest built with sanitizers or coverage instrumentation links only with the same compiler
# and runtime flags, hence CONSUMER_CXX_COMPILER and CONSUMER_LINK_FLAGS.

foreach(var TEMPEST_BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check-install.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT GENERATOR)
  set(GENERATOR Ninja)
endif()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

include(${CMAKE_CURRENT_LIST_DIR}/run_step.cmake)

run("cmake --install" ${CMAKE_COMMAND} --install ${TEMPEST_BUILD_DIR} --prefix ${prefix})
foreach(file include/tempest/tempest.hpp bin/tempest lib/cmake/tempest/tempestConfig.cmake
             lib/cmake/tempest/tempestConfigVersion.cmake lib/cmake/tempest/TempestMigrations.cmake)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "cmake --install did not install ${file}")
  endif()
endforeach()

set(consumer_options "")
if(CONSUMER_CXX_COMPILER)
  list(APPEND consumer_options -DCMAKE_CXX_COMPILER=${CONSUMER_CXX_COMPILER})
endif()
if(CONSUMER_LINK_FLAGS)
  list(JOIN CONSUMER_LINK_FLAGS " " link_flags)
  list(APPEND consumer_options "-DCMAKE_EXE_LINKER_FLAGS=${link_flags}")
endif()
run("configure the consumer" ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}/build
    -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix} ${consumer_options})
run("build the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/build -j2)
run("run the consumer" ${WORK_DIR}/build/app ${WORK_DIR}/app.db)
if(NOT output MATCHES "applied 0001_init" OR NOT output MATCHES "consumer ok")
  message(FATAL_ERROR "unexpected consumer output:\n${output}")
endif()
message(STATUS "consumer output:\n${output}")
