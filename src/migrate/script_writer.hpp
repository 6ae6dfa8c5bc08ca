#pragma once

// ScriptWriter: an upgrade or downgrade written as an SQL script instead of run (offline
// mode). The transactions, the version row writes and the resumption of partly applied
// migrations follow the same segments as the online run (segments.hpp).

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "migrate/segments.hpp"
#include "migrate/version_store.hpp"
#include "tempest/dialect.hpp"
#include "tempest/migration.hpp"

namespace tempest {

class ScriptWriter {
 public:
  // `guards`: each migration first checks the version table (RunnerOptions::script_guards).
  ScriptWriter(std::ostream& out, const Dialect& dialect, const VersionStore& store, bool guards)
      : out_(out), dialect_(dialect), store_(store), guards_(guards) {}

  // The dialect's prologue, the run lock and the version table DDL.
  void begin_script(const std::string& title);
  // The run lock's release.
  void end_script();

  // One statement, terminated.
  void statement(const std::string& sql);

  // Applies `migration` (its up rendered as `steps`) after `steps_done` steps already done.
  // Each of its transactions first checks the version table: its parents applied, itself not
  // (or as far as the steps before that transaction).
  void up(const Migration& migration, const std::vector<RenderedStep>& steps,
          std::size_t steps_done, const std::string& checksum);
  // Reverts `migration` (its down rendered as `steps`) after `down_steps_done` steps. Each of
  // its transactions first checks the version table: itself applied (or reverted as far as the
  // steps before that transaction), none of its `children`.
  void down(const Migration& migration, const std::vector<RenderedStep>& steps,
            std::size_t down_steps_done, const std::vector<std::string>& children);

 private:
  void comment(const std::string& text);
  void steps(const std::vector<RenderedStep>& steps, std::size_t begin, std::size_t end);
  void write_segment(const std::vector<RenderedStep>& rendered, const Segment& segment,
                     const std::string& row, const std::vector<std::string>& guard);
  [[nodiscard]] std::vector<std::string> guard(const std::string& what,
                                               const ExpectedRows& expected) const;

  std::ostream& out_;
  const Dialect& dialect_;
  const VersionStore& store_;
  bool guards_;
};

}  // namespace tempest
