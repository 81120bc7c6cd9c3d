#pragma once
// What the build knows of where it came from (generated at build time by cmake/build_info.cmake).

namespace caas::cli {

// The git commit the binary was built from ("1a2b3c4d5e6f", "1a2b3c4d5e6f-modified" when tracked files differed
// from it), or "" when it was not built from a git checkout.
const char* build_commit();

}  // namespace caas::cli
