#include "support/execute_plan.hpp"

#include <memory>
#include <span>
#include <string>

#include "dialect/sqlite/execute_step.hpp"

namespace tempest::testing {

void execute_plan(Driver& driver, const Dialect& dialect, const std::vector<RenderedStep>& steps) {
  for (const RenderedStep& step : steps) {
    if (dialect.kind() == DialectKind::Sqlite) {
      sqlite::execute_step(driver, step);
      continue;
    }
    if (!step.transactional) {
      for (const std::string& statement : step.statements) driver.execute(statement);
      continue;
    }
    Transaction transaction(driver);
    for (const std::string& statement : step.statements) driver.execute(statement);
    transaction.commit();
  }
}

void execute_plan_atomically(Driver& driver, const Dialect& dialect,
                             const std::vector<RenderedStep>& steps) {
  const std::unique_ptr<StepExecutor> executor = dialect.step_executor(driver);
  std::size_t i = 0;
  while (i < steps.size()) {
    if (!steps[i].transactional) {
      executor->run_alone(steps[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < steps.size() && steps[end].transactional) ++end;
    const std::span<const RenderedStep> run(steps.data() + i, end - i);
    executor->begin(run);
    try {
      for (const RenderedStep& step : run) executor->run(step);
      executor->check();
      executor->commit();
    } catch (...) {
      executor->rollback();
      throw;
    }
    i = end;
  }
}

}  // namespace tempest::testing
