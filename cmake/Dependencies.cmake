# Every dependency is a Debian package found with find_package; nothing is downloaded.
if(CAAS_STATIC)
  # One self-contained binary from the static libraries Debian ships: libyaml-cpp.a, libyaml.a, and glibc's and
  # libstdc++'s (-static, cmake/Settings.cmake). libfmt-dev has no static library, so fmt is compiled in from its
  # headers (FMT_HEADER_ONLY).
  set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
  find_path(FMT_INCLUDE_DIR fmt/format.h REQUIRED)
  add_library(fmt::fmt INTERFACE IMPORTED)
  set_target_properties(fmt::fmt PROPERTIES INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1
                        INTERFACE_INCLUDE_DIRECTORIES ${FMT_INCLUDE_DIR})
  find_path(YAML_CPP_INCLUDE_DIR yaml-cpp/yaml.h REQUIRED)
  find_library(YAML_CPP_LIBRARY NAMES yaml-cpp REQUIRED)
  add_library(yaml-cpp::yaml-cpp STATIC IMPORTED)
  set_target_properties(yaml-cpp::yaml-cpp PROPERTIES IMPORTED_LOCATION ${YAML_CPP_LIBRARY}
                        INTERFACE_INCLUDE_DIRECTORIES ${YAML_CPP_INCLUDE_DIR})
else()
  find_package(fmt REQUIRED)
  find_package(yaml-cpp REQUIRED)
endif()
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tl-expected REQUIRED)
# libyaml (Debian's libyaml-dev) ships neither a CMake package nor, on a minimal system, pkg-config.
find_path(LIBYAML_INCLUDE_DIR yaml.h REQUIRED)
find_library(LIBYAML_LIBRARY NAMES yaml REQUIRED)
add_library(libyaml::libyaml UNKNOWN IMPORTED)
set_target_properties(libyaml::libyaml PROPERTIES IMPORTED_LOCATION ${LIBYAML_LIBRARY}
                      INTERFACE_INCLUDE_DIRECTORIES ${LIBYAML_INCLUDE_DIR})
if(CAAS_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()

# yaml-cpp 0.7 exports a plain `yaml-cpp` target; give it the namespaced name the rest of the build uses.
if(NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp INTERFACE IMPORTED)
  target_link_libraries(yaml-cpp::yaml-cpp INTERFACE yaml-cpp)
endif()
