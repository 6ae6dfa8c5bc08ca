#include "tool/sql_script.hpp"

#include <span>
#include <string>

namespace tempest::tool {

namespace {

void write_statement(const std::string& statement, std::ostream& out) { out << statement << ";\n"; }

// A description is one line; a name holding a line break must not end the SQL comment early.
void write_step(const RenderedStep& step, std::ostream& out) {
  std::string text = step.description;
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  out << "-- " << text << '\n';
  for (const std::string& statement : step.offline_guard) write_statement(statement, out);
  for (const std::string& statement : step.statements) write_statement(statement, out);
}

void write_transaction(const Dialect& dialect, std::span<const RenderedStep> steps,
                       std::ostream& out) {
  const ScriptFrame frame = dialect.script_frame(steps);
  for (const std::string& statement : frame.open) write_statement(statement, out);
  for (const RenderedStep& step : steps) write_step(step, out);
  for (const std::string& statement : frame.check) write_statement(statement, out);
  for (const std::string& statement : frame.close) write_statement(statement, out);
}

}  // namespace

void write_statements(const std::vector<RenderedStep>& steps, std::ostream& out) {
  for (const RenderedStep& step : steps) {
    for (const std::string& statement : step.statements) write_statement(statement, out);
  }
}

void write_sql_script(const Dialect& dialect, const std::vector<std::vector<RenderedStep>>& batches,
                      std::ostream& out) {
  bool first = true;
  // Before the first batch the script's header and prologue, before the others a blank line.
  auto separate = [&] {
    if (first) {
      out << "-- " << dialect.script_run_advice() << '\n';
      for (const std::string& statement : dialect.script_prologue())
        write_statement(statement, out);
      if (!dialect.script_prologue().empty()) out << '\n';
    } else {
      out << '\n';
    }
    first = false;
  };
  for (const std::vector<RenderedStep>& batch : batches) {
    const std::span<const RenderedStep> steps(batch);
    std::size_t begin = 0;
    while (begin < steps.size()) {
      separate();
      if (!steps[begin].transactional) {
        write_step(steps[begin], out);
        ++begin;
        continue;
      }
      std::size_t end = begin;
      while (end < steps.size() && steps[end].transactional) ++end;
      write_transaction(dialect, steps.subspan(begin, end - begin), out);
      begin = end;
    }
  }
}

}  // namespace tempest::tool
