// Must not compile: a column bound to a member of another model than the table's.
#include "tempest/model.hpp"

struct A { std::int64_t id; };
struct B { std::int64_t id; };

int main() {
  using namespace tempest::model;
  auto a = table<A>("a", column("id", &B::id).primary_key());
  (void)a;
}
