#pragma once
// Result<T>: a value, or the diagnostics that explain why there is none.
#include <tl/expected.hpp>

#include "caas/util/diagnostic.hpp"

namespace caas::util {

template <class T>
using Result = tl::expected<T, Diagnostics>;

inline tl::unexpected<Diagnostics> fail(Diagnostic diagnostic) {
  return tl::unexpected<Diagnostics>(Diagnostics{std::move(diagnostic)});
}
inline tl::unexpected<Diagnostics> fail(Diagnostics diagnostics) {
  return tl::unexpected<Diagnostics>(std::move(diagnostics));
}

}  // namespace caas::util
