# What `cmake --install build --prefix P` puts under P:
#   bin/saring                        the command
#   lib/libsaring_<area>.a            the areas' libraries (cmake/SaringArea.cmake
#   include/saring/*.h                installs each with its public headers)
#   lib/cmake/saring/                 find_package(saring): saring::saring, saring::<area>
#   lib/pkgconfig/saring.pc           the same for pkg-config
#   share/saring/lid.176.ftz          the language model and its licence notice,
#                                     found by the installed binary next to itself
#   share/doc/saring/LICENSE          saring's licence
include(CMakePackageConfigHelpers)

# saring::saring: one target for users, every area with what it links.
add_library(saring_all_areas INTERFACE)
add_library(saring::saring ALIAS saring_all_areas)
set_target_properties(saring_all_areas PROPERTIES EXPORT_NAME saring)
get_property(areas GLOBAL PROPERTY SARING_AREAS)
list(TRANSFORM areas PREPEND saring_ OUTPUT_VARIABLE area_targets)
target_link_libraries(saring_all_areas INTERFACE ${area_targets})

install(TARGETS saring_all_areas EXPORT saringTargets)
install(TARGETS saring RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/saring)
install(EXPORT saringTargets NAMESPACE saring:: DESTINATION ${config_dir})
configure_package_config_file(cmake/saringConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/saringConfig.cmake INSTALL_DESTINATION ${config_dir})
# Before 1.0 a minor version may change the interface.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/saringConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/saringConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/saringConfigVersion.cmake
  cmake/SaringDependencies.cmake
  DESTINATION ${config_dir})

# saring.pc: the libraries are static, so users link what they link too
# (Requires, not Requires.private); dependents come before what they use.
set(pc_libs "")
foreach(area ${areas})
  list(PREPEND pc_libs -lsaring_${area})
endforeach()
list(JOIN pc_libs " " pc_libs)
set(pc_requires tomlplusplus nlohmann_json)
set(modules ${SARING_PKG_CONFIG_MODULES})
while(modules)
  list(POP_FRONT modules name module)
  list(APPEND pc_requires ${module})
endwhile()
list(JOIN pc_requires " " pc_requires)
set(pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
# The prefix relative to the .pc file, so the installed tree can move.
file(RELATIVE_PATH pc_prefix ${CMAKE_INSTALL_PREFIX}/${pc_dir} ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" pc_prefix "${pc_prefix}")
set(pc_cflags "")
if(SARING_PORTABLE)
  set(pc_cflags " -DSARING_PORTABLE")  # as saring::core passes it on
endif()
configure_file(cmake/saring.pc.in ${CMAKE_CURRENT_BINARY_DIR}/saring.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/saring.pc DESTINATION ${pc_dir})

# The model (scripts/fetch-model.sh puts it in SARING_DATA_DIR), copied as a
# file even when data/lid.176.ftz is a symbolic link.
install(CODE "
  set(model \"${SARING_DATA_DIR}/lid.176.ftz\")
  if(NOT EXISTS \"\${model}\")
    message(FATAL_ERROR \"no language model at \${model}: run scripts/fetch-model.sh first\")
  endif()
  file(REAL_PATH \"\${model}\" model)
  file(INSTALL \"\${model}\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${SARING_INSTALL_MODEL_DIR}\"
    RENAME lid.176.ftz)
")
install(FILES licenses/lid.176.ftz.NOTICE DESTINATION ${SARING_INSTALL_MODEL_DIR})
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
