include(CMakePackageConfigHelpers)

install(DIRECTORY include/castgraph DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS ${CASTGRAPH_STAGE_TARGETS} castgraph castgraph_cli
  EXPORT castgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/castgraph/schemas)
install(EXPORT castgraphTargets NAMESPACE castgraph:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/castgraph)
configure_package_config_file(cmake/castgraphConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/castgraphConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/castgraph)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/castgraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/castgraphConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/castgraphConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/castgraph)
