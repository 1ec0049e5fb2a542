# The libraries saring links (Debian packages, scripts/install-deps.sh), as
# imported targets: PkgConfig::<NAME> for those with a pkg-config file,
# tomlplusplus::tomlplusplus and nlohmann_json::nlohmann_json from their own
# CMake packages, and MyHTML::MyHTML found by hand (Debian 12's libmodest-dev
# has no pkg-config file). The build includes this file, and so does the
# installed saringConfig.cmake, so saring and the projects using the installed
# package name the same targets.

# <NAME> <pkg-config module> pairs; saring.pc requires the same modules.
set(SARING_PKG_CONFIG_MODULES
  ZLIB zlib
  LIBDEFLATE libdeflate  # fast whole-buffer gzip (io only)
  ZSTD libzstd
  LIBXML2 libxml-2.0
  UCHARDET uchardet
  RE2 re2
  XXHASH libxxhash
  FASTTEXT fasttext
  UTF8PROC libutf8proc
  NETTLE nettle)  # SHA-256 (pipeline only)

# saring_find_dependencies(REQUIRED|QUIET <missing-var>): creates the targets
# above in the calling directory and sets <missing-var> to the names of the
# dependencies not found (with REQUIRED, a missing one stops the configure
# step instead). A function, so the finders' variables stay out of the caller.
function(saring_find_dependencies mode missing_var)
  set(missing "")
  find_package(Threads ${mode})
  if(NOT Threads_FOUND)
    list(APPEND missing Threads)
  endif()
  find_package(PkgConfig ${mode})
  if(PKG_CONFIG_FOUND)
    set(modules ${SARING_PKG_CONFIG_MODULES})
    while(modules)
      list(POP_FRONT modules name module)
      pkg_check_modules(${name} ${mode} IMPORTED_TARGET ${module})
      if(NOT ${name}_FOUND)
        list(APPEND missing ${module})
      endif()
    endwhile()
  else()
    list(APPEND missing pkg-config)
  endif()
  foreach(package tomlplusplus nlohmann_json)
    find_package(${package} ${mode})
    if(NOT ${package}_FOUND)
      list(APPEND missing ${package})
    endif()
  endforeach()
  set(find_required "")
  if(mode STREQUAL "REQUIRED")
    set(find_required REQUIRED)  # find_path and find_library know no QUIET
  endif()
  find_path(MYHTML_INCLUDE_DIR myhtml/api.h ${find_required})
  find_library(MYHTML_LIBRARY modest ${find_required})
  if(MYHTML_INCLUDE_DIR AND MYHTML_LIBRARY)
    if(NOT TARGET MyHTML::MyHTML)
      add_library(MyHTML::MyHTML INTERFACE IMPORTED)
      target_include_directories(MyHTML::MyHTML INTERFACE ${MYHTML_INCLUDE_DIR})
      target_link_libraries(MyHTML::MyHTML INTERFACE ${MYHTML_LIBRARY})
    endif()
  else()
    list(APPEND missing MyHTML)
  endif()
  set(${missing_var} ${missing} PARENT_SCOPE)
endfunction()
