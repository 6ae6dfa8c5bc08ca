#include "support/loaded_objects.hpp"

#include <link.h>

#include <algorithm>

namespace tempest::testing {

std::vector<std::string> loaded_objects() {
  std::vector<std::string> names;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        const std::string path = info->dlpi_name != nullptr ? info->dlpi_name : "";
        if (!path.empty()) {
          static_cast<std::vector<std::string>*>(data)->push_back(
              path.substr(path.find_last_of('/') + 1));
        }
        return 0;
      },
      &names);
  return names;
}

bool object_loaded(const std::string& prefix) {
  const std::vector<std::string> names = loaded_objects();
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& name) { return name.rfind(prefix, 0) == 0; });
}

}  // namespace tempest::testing
