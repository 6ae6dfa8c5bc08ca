#include "failure_text.hpp"

namespace tempest::testing {

std::string describe_plan(const std::vector<RenderedStep>& steps) {
  std::string out;
  for (const RenderedStep& step : steps) {
    out += "-- " + step.description + (step.rebuild_table.empty() ? "" : " (rebuild)") +
           (step.transactional ? "" : " (outside a transaction)") + "\n";
    for (const std::string& statement : step.statements) out += statement + ";\n";
  }
  return out;
}

}  // namespace tempest::testing
