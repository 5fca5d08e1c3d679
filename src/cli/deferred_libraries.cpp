// The other half of cmake/deferred_libraries.py: the executable calls the photo, PDF-reading and PDF-writing
// libraries (libvips, poppler, cairo and pango with glib) through trampolines, and a library is opened the first time
// one of its functions is called. A server that only serves pages and JSON never maps them, which keeps its
// memory small (bench/README.md, idle memory); the tests, linked normally, are not concerned.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <vector>

extern "C" {
extern void* storybank_deferred_table[];
extern const char* const storybank_deferred_libraries[];
extern const std::size_t storybank_deferred_library_count;
extern const char* const storybank_deferred_names[];
extern const unsigned short storybank_deferred_library_of[];
extern const std::size_t storybank_deferred_symbol_count;

/// Called by a trampoline whose library is not open yet: opens it, points every trampoline of the library at the real
/// function, and returns the one asked for. A library that cannot be opened ends the program with its name:
/// the installation is incomplete (scripts/setup-debian.sh installs them).
__attribute__((visibility("hidden"))) void* storybank_deferred_resolve(std::size_t index) {
    // Recursive: a library's constructors may, in principle, reach another deferred library.
    static std::recursive_mutex mutex;
    static std::vector<bool> opened(storybank_deferred_library_count, false);
    std::lock_guard lock(mutex);
    std::size_t library = storybank_deferred_library_of[index];
    if (!opened[library]) {
        void* handle = dlopen(storybank_deferred_libraries[library], RTLD_NOW | RTLD_GLOBAL);
        if (handle == nullptr) {
            std::fprintf(stderr, "storybank: cannot load %s (%s); install it again with scripts/setup-debian.sh\n",
                         storybank_deferred_libraries[library], dlerror());
            std::abort();
        }
        for (std::size_t symbol = 0; symbol < storybank_deferred_symbol_count; ++symbol) {
            if (storybank_deferred_library_of[symbol] != library) {
                continue;
            }
            void* address = dlsym(handle, storybank_deferred_names[symbol]);
            if (address == nullptr) {
                std::fprintf(stderr, "storybank: %s has no function %s; is it an older version than the build's?\n",
                             storybank_deferred_libraries[library], storybank_deferred_names[symbol]);
                std::abort();
            }
            // An aligned pointer store: a thread jumping through the table sees the trampoline or the function.
            __atomic_store_n(&storybank_deferred_table[symbol], address, __ATOMIC_RELEASE);
        }
        opened[library] = true;
    }
    return __atomic_load_n(&storybank_deferred_table[index], __ATOMIC_ACQUIRE);
}
}
