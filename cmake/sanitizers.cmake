# IOTLINT_SANITIZE="address;undefined" instruments every target, generated code included, so that
# a memory error anywhere between the ANTLR runtime boundary and the output is caught.
if(IOTLINT_SANITIZE)
  string(REPLACE ";" "," _iotlint_sanitizers "${IOTLINT_SANITIZE}")
  add_compile_options(-fsanitize=${_iotlint_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_iotlint_sanitizers})
endif()
