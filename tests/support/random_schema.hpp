#pragma once

// Random, valid schemas and random edits of them, for the property suites. Everything is
// drawn from the generator passed in, so a failing case is reproduced from its seed.

#include <random>

#include "tempest/schema.hpp"

namespace tempest::testing {

struct RandomSchemaOptions {
  int max_tables = 6;
  int max_columns = 6;
  int max_enums = 2;
  // Draw identifiers with quotes, spaces, semicolons and non-ASCII letters too.
  bool hostile_names = true;
  // mutate_schema also changes the type of some columns (not those of foreign keys), only
  // through conversions both engines make on rows holding values valid for the old and the new
  // type (integer widths, to and from text, date to timestamp...). Off by default, so that the
  // core property suite draws the same schemas.
  bool change_types = false;
  // mutate_schema also adds or removes the identity of some tables' "id" key.
  bool toggle_identity = false;
  // Columns may also be real, bytea, time, timestamptz and json (off: the core suite's types).
  bool every_type = false;
  // Checks, partial-index predicates and index expressions may name a column ("c" IS NOT NULL),
  // so that renames and drops must follow them; off: they name only "id" or nothing.
  bool column_expressions = false;
};

// A canonical schema that reflect_schema could have produced: every table has a primary key,
// foreign keys reference primary keys of the same type, names are unique.
[[nodiscard]] Schema random_schema(std::mt19937_64& rng, const RandomSchemaOptions& options = {});

// A canonical schema derived from `from` by random edits: tables and columns added (new
// columns last), dropped, renamed (with rename hints set) and altered (nullability, default,
// comment, the type when options.change_types, the key's identity when
// options.toggle_identity); indexes, uniques, checks, foreign keys and enum labels added and
// removed. Rename hints of `from` are cleared.
[[nodiscard]] Schema mutate_schema(const Schema& from, std::mt19937_64& rng,
                                   const RandomSchemaOptions& options = {});

// `schema` without rename hints, as replay or a database would give it.
[[nodiscard]] Schema without_hints(Schema schema);

// `schema` with every table's columns sorted by name. Neither engine can put a column back
// where it was (ADD COLUMN appends), so an inverse restores a table up to column order.
[[nodiscard]] Schema with_sorted_columns(Schema schema);

}  // namespace tempest::testing
