# Every dependency is a Debian package found with find_package; nothing is downloaded.
find_package(fmt REQUIRED)
find_package(yaml-cpp REQUIRED)
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
