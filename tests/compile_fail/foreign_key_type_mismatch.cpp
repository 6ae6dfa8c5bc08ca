// Must not compile: a foreign key column of another C++ type than the column it references.
#include "tempest/model.hpp"

struct Parent { std::int64_t id; };
struct Child { std::int64_t id; std::int32_t parent_id; };

int main() {
  using namespace tempest::model;
  auto child = table<Child>("children", column("id", &Child::id).primary_key(),
                            column("parent_id", &Child::parent_id).references(&Parent::id));
  (void)child;
}
