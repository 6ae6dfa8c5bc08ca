// The migration workflow, step by step, on the blog models.

#include <iostream>

#include "models.hpp"
#include "tempest/tempest.hpp"

namespace {

void print_operations(const char* title, const std::vector<tempest::Operation>& ops) {
  std::cout << title << "\n";
  for (const tempest::Operation& op : ops) std::cout << "  - " << tempest::describe(op) << "\n";
}

}  // namespace

int main() {
  using namespace tempest::migrations;
  try {
    std::cout << "== 1. initial state -> first migration\n";
    tempest::Schema target = reflect_schema(blog::user_model(), blog::v1::post_model());
    std::vector<tempest::Operation> ops = diff_schema(empty_schema(), target);
    Migration init = make_migration("0001_init", {}, "create users and posts", ops);
    print_operations("up:", init.up);
    print_operations("down (derived):", init.down);

    std::cout << "\n== 3. evolve the schema -> next migration\n";
    std::vector<Migration> history{init};
    tempest::Schema current = replay_schema(history);
    tempest::Schema next_target = reflect_schema(blog::user_model(), blog::v2::post_model());
    std::vector<tempest::Operation> next_ops = diff_schema(current, next_target);
    Migration published = make_migration("0002_post_published", {"0001_init"},
                                         "add published to posts", next_ops);
    print_operations("up:", published.up);
    print_operations("down (derived):", published.down);
    history.push_back(published);

    std::cout << "\n== history\n";
    MigrationGraph graph(history);
    for (const std::string& revision : graph.topological_order()) std::cout << "  " << revision << "\n";
    std::cout << "heads: " << graph.heads().front() << "\n";

    std::cout << "\n== 5. drift gate: models vs replayed history\n";
    std::vector<tempest::Operation> drift = diff_schema(replay_schema(history), next_target);
    std::cout << (drift.empty() ? "no drift\n" : "drift detected\n");
    return drift.empty() ? 0 : 1;
  } catch (const tempest::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
}
