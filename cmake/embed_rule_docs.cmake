# Writes OUTPUT, a C++ fragment with one {"<id>", R"(...)"} entry per docs/rules/<id>.md, so that
# `iotlint explain` and the SARIF rule metadata show the very pages kept in the repository.
# Usage: cmake -DDOCS_DIR=... -DOUTPUT=... -P embed_rule_docs.cmake
file(GLOB pages "${DOCS_DIR}/*.md")
list(SORT pages)
set(content "// Generated from docs/rules/*.md by cmake/embed_rule_docs.cmake; do not edit.\n")
foreach(page IN LISTS pages)
  get_filename_component(id "${page}" NAME_WE)
  file(READ "${page}" text)
  string(APPEND content "{\"${id}\", R\"iotlint_doc(${text})iotlint_doc\"},\n")
endforeach()
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
else()
  set(previous "")
endif()
if(NOT previous STREQUAL content)
  file(WRITE "${OUTPUT}" "${content}")
endif()
