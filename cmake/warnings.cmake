# iotlint_warnings: the warning set for iotlint's own code (never for generated or system code).
add_library(iotlint_warnings INTERFACE)
target_compile_options(iotlint_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(IOTLINT_WERROR)
  target_compile_options(iotlint_warnings INTERFACE -Werror)
endif()
