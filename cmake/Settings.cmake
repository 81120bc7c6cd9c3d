# Compiler settings shared by every target of the project, through one INTERFACE target.
add_library(caas_settings INTERFACE)
target_compile_features(caas_settings INTERFACE cxx_std_20)
target_include_directories(caas_settings INTERFACE ${PROJECT_SOURCE_DIR}/include)
target_compile_options(caas_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
# GCC 12 at -O2/-O3 reports false -Wrestrict overlaps in std::string concatenation (GCC bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(caas_settings INTERFACE -Wno-restrict)
endif()
if(CAAS_DEV)
  target_compile_options(caas_settings INTERFACE -Werror)
endif()
if(CAAS_STATIC)
  target_link_options(caas_settings INTERFACE -static)
endif()
if(CAAS_SANITIZE)
  target_compile_options(caas_settings INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                         -fno-omit-frame-pointer)
  target_link_options(caas_settings INTERFACE -fsanitize=address,undefined)
  # GCC's flow analysis misreads ASan's instrumentation and warns falsely in std::function and std::regex.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(caas_settings INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()

# caas_module(NAME SOURCES... [DEPS ...] [TESTS ...]): a module's library and its unit tests, which live beside it.
function(caas_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;PRIVATE_DEPS;TESTS" ${ARGN})
  add_library(caas_${name} STATIC ${M_SOURCES})
  target_link_libraries(caas_${name} PUBLIC caas_settings ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
  if(CAAS_TESTS AND M_TESTS)
    set_property(GLOBAL APPEND PROPERTY CAAS_UNIT_TEST_SOURCES ${M_TESTS})
    set_property(GLOBAL APPEND PROPERTY CAAS_UNIT_TEST_LIBS caas_${name})
    # A module's own test binary, for quick runs while working on it (the suite is tests/caas_tests).
    if(NOT CAAS_MODULE_TESTS)
      return()
    endif()
    add_executable(caas_tests_${name} EXCLUDE_FROM_ALL ${M_TESTS})
    target_link_libraries(caas_tests_${name} PRIVATE caas_test_main caas_${name} ${M_PRIVATE_DEPS})
    target_include_directories(caas_tests_${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)  # as tests/caas_tests
  endif()
endfunction()
