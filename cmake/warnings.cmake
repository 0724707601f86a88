# iotlint_warnings: the warning set for iotlint's own code (never for generated or system code).
add_library(iotlint_warnings INTERFACE)
target_compile_options(iotlint_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(IOTLINT_WERROR)
  target_compile_options(iotlint_warnings INTERFACE -Werror)
endif()
# GCC 12 at -O3 (Release) reports -Wrestrict inside libstdc++ for plain std::string
# concatenation (GCC bugs 105329 and 105651, fixed in GCC 13): false positives that would bury
# real warnings, so it is off for GCC 12 Release builds only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(iotlint_warnings INTERFACE $<$<CONFIG:Release>:-Wno-restrict>)
endif()
