#include "random_case.hpp"

#include "support/random_schema.hpp"

namespace tempest::testing {

RandomCase random_case(std::mt19937_64& rng) {
  RandomSchemaOptions options;
  options.change_types = true;
  options.toggle_identity = true;
  options.every_type = true;
  options.column_expressions = true;
  RandomCase out;
  out.a = random_schema(rng, options);
  out.b = mutate_schema(out.a, rng, options);
  out.rows = random_rows(out.a, out.b, rng);
  fit_to_rows(out.a, out.b, out.rows);
  return out;
}

}  // namespace tempest::testing
