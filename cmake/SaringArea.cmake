# saring_add_area(<area>
#   SOURCES <file>...          sources of the library saring_<area>
#   PUBLIC_HEADERS <name>...   its headers in include/saring/ (e.g. html.h)
#   PUBLIC_LINKS <target>...   what its public headers need (passed on to users)
#   PRIVATE_LINKS <target>...) what only its sources need
#
# The public headers stay together in include/saring/, as they are installed,
# but no target gets that folder on its include path. Each area's headers are
# linked at configure time into ${CMAKE_BINARY_DIR}/include/<area>/saring/,
# and that folder is the area's only public include directory: a target sees
# the headers of the areas it links and no others, so including a header of
# an area that is not linked fails to compile (tests/layering checks it).
# Internal headers stay next to the sources in src/<area>/.
function(saring_add_area area)
  cmake_parse_arguments(A "" "" "SOURCES;PUBLIC_HEADERS;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "saring_add_area(${area}): unknown arguments ${A_UNPARSED_ARGUMENTS}")
  endif()
  # Layering: an area links only areas added before it (top-level CMakeLists.txt).
  foreach(link ${A_PUBLIC_LINKS} ${A_PRIVATE_LINKS})
    if(link MATCHES "^saring_" AND NOT TARGET ${link})
      message(FATAL_ERROR "saring_${area} links ${link}, which is not an area added before it")
    endif()
  endforeach()
  set(dir ${CMAKE_BINARY_DIR}/include/${area})
  # Start empty, so a header that moved to another area leaves no stale link.
  file(REMOVE_RECURSE ${dir})
  file(MAKE_DIRECTORY ${dir}/saring)
  foreach(header ${A_PUBLIC_HEADERS})
    set(source ${PROJECT_SOURCE_DIR}/include/saring/${header})
    if(NOT EXISTS ${source})
      message(FATAL_ERROR "saring_add_area(${area}): no include/saring/${header}")
    endif()
    get_property(owner GLOBAL PROPERTY SARING_HEADER_AREA_${header})
    if(owner)
      message(FATAL_ERROR "include/saring/${header} is claimed by both ${owner} and ${area}")
    endif()
    set_property(GLOBAL PROPERTY SARING_HEADER_AREA_${header} ${area})
    file(CREATE_LINK ${source} ${dir}/saring/${header} SYMBOLIC RESULT failed)
    if(failed)
      # No symbolic links here: copy, and re-configure when the header changes.
      configure_file(${source} ${dir}/saring/${header} COPYONLY)
    endif()
  endforeach()

  add_library(saring_${area} ${A_SOURCES})
  # saring::<area>: the name projects use, in this build and once installed.
  add_library(saring::${area} ALIAS saring_${area})
  set_target_properties(saring_${area} PROPERTIES EXPORT_NAME ${area})
  target_include_directories(saring_${area} PUBLIC
    $<BUILD_INTERFACE:${dir}> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_link_libraries(saring_${area} PUBLIC ${A_PUBLIC_LINKS} PRIVATE ${A_PRIVATE_LINKS})
  set_property(TARGET saring_${area} PROPERTY SARING_PUBLIC_HEADERS ${A_PUBLIC_HEADERS})
  set_property(GLOBAL APPEND PROPERTY SARING_AREAS ${area})

  # Installed, the headers of every area are together in include/saring/
  # (cmake/SaringInstall.cmake exports the saringTargets set).
  install(TARGETS saring_${area} EXPORT saringTargets)
  list(TRANSFORM A_PUBLIC_HEADERS PREPEND ${PROJECT_SOURCE_DIR}/include/saring/
    OUTPUT_VARIABLE header_files)
  install(FILES ${header_files} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/saring)
endfunction()

# Fails the configure step when a header in include/saring/ belongs to no area
# (it would be on no include path, and so unusable).
function(saring_check_headers_owned)
  file(GLOB headers RELATIVE ${PROJECT_SOURCE_DIR}/include/saring
    CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/saring/*.h)
  foreach(header ${headers})
    get_property(owner GLOBAL PROPERTY SARING_HEADER_AREA_${header})
    if(NOT owner)
      message(FATAL_ERROR "include/saring/${header} belongs to no area: add it to the "
        "PUBLIC_HEADERS of one saring_add_area() call")
    endif()
  endforeach()
endfunction()
