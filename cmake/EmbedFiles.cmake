# caas_embed(OUT_CPP NAMESPACE FUNCTION FILES...): compiles data files into the binary. The generated source defines
# `const std::vector<caas::util::EmbeddedFile>& NAMESPACE::FUNCTION()` listing each file's name and text, in order.
function(caas_embed out_cpp namespace function)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DNAMESPACE=${namespace} -DFUNCTION=${function}
            "-DFILES=${files}" -DBASE=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${function}"
    VERBATIM)
endfunction()
