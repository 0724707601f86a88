// tools/iotlint/allocator.cpp: operator new and delete straight to mimalloc (built only when the
// binary links mimalloc, see the top-level CMakeLists.txt). Linking libmimalloc already replaces
// malloc for the whole process; these definitions also skip libstdc++'s operator new, which
// would call malloc in turn, and keep the library linked under --as-needed.
#include <mimalloc-new-delete.h>
