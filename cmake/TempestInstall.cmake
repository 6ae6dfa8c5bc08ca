# `cmake --install`: headers, the library, the `tempest` tool (installed by tools/tempest), the
# tempest_add_migrations() function and a package config, so that another project does
#   find_package(tempest CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE tempest::tempest)

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(TEMPEST_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/tempest)

install(TARGETS tempest EXPORT tempestTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/tempest
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")

install(EXPORT tempestTargets NAMESPACE tempest:: DESTINATION ${TEMPEST_INSTALL_CMAKEDIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/tempestConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/tempestConfig.cmake
                              INSTALL_DESTINATION ${TEMPEST_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tempestConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tempestConfig.cmake
              ${PROJECT_BINARY_DIR}/tempestConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/TempestMigrations.cmake
        DESTINATION ${TEMPEST_INSTALL_CMAKEDIR})
