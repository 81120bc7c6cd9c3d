# `cmake --install`: the binary, the manual page and the shell completions (rendered at build time from the command
# table, src/cli/CMakeLists.txt), the JSON Schemas, the docs and the license. Each completion goes where its shell's
# loader looks: bash-completion searches XDG_DATA_DIRS (/usr/local/share and /usr/share), fish its
# vendor_completions.d under the same, and Debian's zsh /usr/share/zsh/vendor-completions for packages and
# /usr/local/share/zsh/site-functions for everything else.
include(GNUInstallDirs)
set(generated ${PROJECT_BINARY_DIR}/share)
install(TARGETS caas-advisor RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${generated}/caas-advisor.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${generated}/completions/bash/caas-advisor
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
# Chosen at install time: cpack installs under /usr whatever the build's prefix.
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL /usr)
    set(zsh_dir vendor-completions)
  else()
    set(zsh_dir site-functions)
  endif()
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/zsh/\${zsh_dir}\" TYPE FILE
       FILES \"${generated}/completions/zsh/_caas-advisor\")")
install(FILES ${generated}/completions/fish/caas-advisor.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES docs/schemas/report.schema.json docs/schemas/workload.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/caas-advisor/schemas)
install(FILES README.md CHANGELOG.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Where Debian looks for a package's license.
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md" PATTERN "*.json")
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
